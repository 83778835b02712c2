//! Sentences as byte ranges of an article.
//!
//! Rules, in the order they apply:
//! - A line break always ends a sentence: headlines ("First mediation"), bullets ("• Read also: …")
//!   and captions stand alone even without a full stop.
//! - A leading metadata prefix ("date 2020-10-10 …") is not part of the sentence that follows it
//!   on the same line.
//! - Inside a line, '.', '!', '?' and '…' end a sentence when the next word starts a new one (not a
//!   lowercase word), after any closing quotes (” ’ » ") and brackets.
//! - Abbreviations keep the sentence whole: titles (Mr., Dr., Gen.), months (Sept., Oct.), "U.S.",
//!   initials ("J. Smith"), "etc.".
//! - Stray full stops (". .") make no sentence; a fragment made only of time words after a full stop
//!   ("…, the Kremlin announced. Thursday evening.") belongs to the sentence before it.

use std::borrow::Cow;
use std::ops::Range;

use crate::corpus::published::metadata_prefix_len;

/// Words after which a full stop does not end a sentence (case-sensitive where the capital
/// matters). A `match`, compared by length first: every full stop of an article asks.
fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "St"
            | "Gen"
            | "Lt"
            | "Col"
            | "Maj"
            | "Capt"
            | "Cpt"
            | "Sgt"
            | "Cmdr"
            | "Adm"
            | "Prof"
            | "Rev"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Pres"
            | "Jr"
            | "Sr"
            | "Mt"
            | "Ft"
            | "No"
            | "Nos"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "etc"
            | "vs"
            | "approx"
            | "Inc"
            | "Ltd"
            | "Co"
            | "Corp"
            | "Dept"
            | "Univ"
            | "Ave"
            | "cf"
            | "al"
            | "ca"
    )
}

/// Words a time-only fragment may consist of.
const TIME_FRAGMENT_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "morning",
    "afternoon",
    "evening",
    "night",
    "yesterday",
    "today",
    "tonight",
    "on",
    "late",
    "early",
    "this",
    "last",
];

fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '»' | ')' | ']' | '"' | '\'')
}

fn is_opening(c: char) -> bool {
    matches!(c, '“' | '‘' | '«' | '(' | '[' | '"' | '\'' | '•')
}

/// `word.to_lowercase()`, borrowed when the word is ASCII without capitals (most words are):
/// word tests that lower-case every word they look at need not allocate for each.
pub fn lower_case(word: &str) -> Cow<'_, str> {
    if !word.is_ascii() {
        Cow::Owned(word.to_lowercase())
    } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// The words of `text` from the last one back, as `text.rsplit(char::is_whitespace)` without
/// the empty pieces gives them: ASCII bytes are read one by one, and only a byte outside ASCII
/// has its character decoded (the splitter decodes every character).
pub fn words_back(text: &str) -> impl Iterator<Item = &str> {
    let mut end = text.len();
    std::iter::from_fn(move || {
        // Past the white space before the word's end.
        loop {
            let (last, width) = last_char(text, end)?;
            if !last.is_whitespace() {
                break;
            }
            end -= width;
        }
        let word_end = end;
        while let Some((last, width)) = last_char(text, end) {
            if last.is_whitespace() {
                break;
            }
            end -= width;
        }
        Some(&text[end..word_end])
    })
}

/// The character that ends `text[..end]`, with its width in bytes.
fn last_char(text: &str, end: usize) -> Option<(char, usize)> {
    let byte = *text.as_bytes().get(end.checked_sub(1)?)?;
    if byte.is_ascii() {
        return Some((char::from(byte), 1));
    }
    let c = text.get(..end)?.chars().next_back()?;
    Some((c, c.len_utf8()))
}

/// The sentences of `text`, as byte ranges trimmed of surrounding white space, in order.
///
/// One pass over the text: line breaks and stops are found by the same eight-byte search (a
/// line split first, then a stop search in each line, read every byte twice).
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(text.len() / 100 + 4);
    let bytes = text.as_bytes();
    let mut line_start = 0;
    while line_start < bytes.len() {
        let mut start = line_start;
        // Only before the first sentence: a metadata line opens the article.
        if out.is_empty() {
            let line_end =
                next_of_either(bytes, line_start, b'\n', b'\n').map_or(bytes.len(), |i| i + 1);
            if let Some(skip) = metadata_prefix_len(&text[line_start..line_end]) {
                start += skip;
                // The prefix took the whole line, its break included.
                if start >= line_end {
                    line_start = line_end;
                    continue;
                }
            }
        }
        line_start = split_line_to_break(text, start, &mut out);
    }
    out
}

/// The sentences of the line that starts (or resumes, after a metadata prefix) at byte `from`
/// of `text`, pushed to `out`; returns where the next line starts. What `split_line` does for
/// a line found beforehand: looking ahead past a stop stops at the line break.
fn split_line_to_break(text: &str, from: usize, out: &mut Vec<Range<usize>>) -> usize {
    let line = &text[from..];
    let mut sentence_start = 0;
    let mut resume = 0;
    loop {
        let Some((i, c)) = next_stop_or_break(line, resume) else {
            push_sentence(text, from + sentence_start, text.len(), out);
            return text.len();
        };
        if c == '\n' {
            push_sentence(text, from + sentence_start, from + i + 1, out);
            return from + i + 1;
        }
        resume = i + c.len_utf8();
        if c == '.' && !ends_sentence_at_dot(line, i) {
            continue;
        }
        let end = end_of_stops(line, i + c.len_utf8());
        if starts_sentence_in_line(&line[end..]) {
            push_sentence(text, from + sentence_start, from + end, out);
            sentence_start = end;
            resume = resume.max(end);
        }
    }
}

/// Past the further stops and closing quotes that follow a stop ending at `end`: "fragile!”",
/// "it.\"", "soldier! ”". Never past a line break.
fn end_of_stops(line: &str, mut end: usize) -> usize {
    loop {
        let rest = &line[end..];
        let spaced = rest.trim_start_matches(' ');
        match rest.chars().next() {
            Some(d) if matches!(d, '.' | '!' | '?' | '…') || is_closing(d) => {
                end += d.len_utf8();
            }
            // "persists. ." and "soldier! ”": a stray stop or a closing quote after a space.
            Some(' ') if spaced.starts_with(['”', '’', '»', '.', '!', '?']) => {
                end += rest.len() - spaced.len() + spaced.chars().next().map_or(0, char::len_utf8);
            }
            _ => return end,
        }
    }
}

/// Whether what follows a stop, `after` (the rest of the text), starts a new sentence on the
/// stop's line: only white space up to the line's end, or white space then a character that is
/// no lower-case letter and is a letter, a digit or an opening sign.
fn starts_sentence_in_line(after: &str) -> bool {
    let mut spaced = false;
    for c in after.chars() {
        if c == '\n' {
            return true;
        }
        if c.is_whitespace() {
            spaced = true;
            continue;
        }
        return spaced && !c.is_lowercase() && (c.is_alphanumeric() || is_opening(c));
    }
    true
}

/// The next stop ('.', '!', '?', '…') or line break at or after byte `from` of `line`, eight
/// bytes at a time.
fn next_stop_or_break(line: &str, from: usize) -> Option<(usize, char)> {
    let bytes = line.as_bytes();
    let mut k = from;
    loop {
        while let Some(word) = eight_bytes_at(bytes, k) {
            // Any byte outside ASCII stands for E2, the first byte of '…': one mask instead of
            // a fifth comparison (such bytes are rare, and the byte loop passes over them).
            let any = holds_byte(word, b'.')
                | holds_byte(word, b'!')
                | holds_byte(word, b'?')
                | holds_byte(word, b'\n')
                | (word & 0x8080_8080_8080_8080);
            if any != 0 {
                break;
            }
            k += 8;
        }
        // The eight bytes that may hold one: after a curly quote or a dash (E2 too) the
        // word-at-a-time skip takes over again.
        let chunk_end = (k + 8).min(bytes.len());
        if k >= chunk_end {
            return None;
        }
        while k < chunk_end {
            match bytes[k] {
                b'.' => return Some((k, '.')),
                b'!' => return Some((k, '!')),
                b'?' => return Some((k, '?')),
                b'\n' => return Some((k, '\n')),
                0xE2 if bytes.get(k + 1..k + 3) == Some(&[0x80, 0xA6]) => return Some((k, '…')),
                _ => k += 1,
            }
        }
    }
}

/// The sentences as first split: lines by `split_inclusive`, then each line on its own. The
/// reference the one-pass split is tested against.
#[cfg(test)]
fn sentences_by_lines(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut start = line_start;
        if out.is_empty()
            && let Some(skip) = metadata_prefix_len(line)
        {
            start += skip;
        }
        split_line(text, start, line_start + line.len(), &mut out);
        line_start += line.len();
    }
    out
}

/// The next '.', '!', '?' or '…' at or after byte `from`: (its byte offset, the character).
/// Searched by bytes: the stops are rare, and decoding every character cost a fifth of the stage.
#[cfg(test)]
fn next_stop(line: &str, from: usize) -> Option<(usize, char)> {
    let bytes = line.as_bytes();
    let mut k = from;
    while k < bytes.len() {
        k = skip_stopless_words(bytes, k);
        // The eight bytes that may hold a stop: curly quotes and dashes also start with E2, so
        // after them the word-at-a-time skip takes over again.
        let chunk_end = (k + 8).min(bytes.len());
        while k < chunk_end {
            match bytes[k] {
                b'.' => return Some((k, '.')),
                b'!' => return Some((k, '!')),
                b'?' => return Some((k, '?')),
                // '…' is E2 80 A6; E2 only ever starts a character.
                0xE2 if bytes.get(k + 1..k + 3) == Some(&[0x80, 0xA6]) => return Some((k, '…')),
                _ => k += 1,
            }
        }
    }
    None
}

/// The first multiple of eight bytes from `from` on that may hold a stop byte ('.', '!', '?' or
/// E2, the first byte of '…'): eight bytes are tested at a time (a stop comes every hundred bytes
/// or so, and the byte-by-byte loop was the stage's largest cost).
#[cfg(test)]
fn skip_stopless_words(bytes: &[u8], from: usize) -> usize {
    let mut k = from;
    while let Some(word) = eight_bytes_at(bytes, k) {
        let any_stop = holds_byte(word, b'.')
            | holds_byte(word, b'!')
            | holds_byte(word, b'?')
            | holds_byte(word, 0xE2);
        if any_stop != 0 {
            break;
        }
        k += 8;
    }
    k
}

/// The eight bytes of `bytes` from `at` as one little-endian word, if there are eight.
fn eight_bytes_at(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk = bytes.get(at..at.checked_add(8)?)?;
    let mut eight = [0u8; 8];
    eight.copy_from_slice(chunk);
    Some(u64::from_le_bytes(eight))
}

/// Non-zero when a byte of `word` is `byte`; exact for the lowest such byte, which is enough to
/// tell "none" from "some".
fn holds_byte(word: u64, byte: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero_where_equal = word ^ (ONES * u64::from(byte));
    zero_where_equal.wrapping_sub(ONES) & !zero_where_equal & HIGHS
}

/// The first byte at or after `from` that is `a` or `b`. Eight bytes are tested at a time: the
/// bytes looked for are rare, and the callers read whole sentences.
pub fn next_of_either(bytes: &[u8], from: usize, a: u8, b: u8) -> Option<usize> {
    let mut k = from;
    while let Some(word) = eight_bytes_at(bytes, k) {
        if holds_byte(word, a) | holds_byte(word, b) != 0 {
            break;
        }
        k += 8;
    }
    let rest = bytes.get(k..)?;
    rest.iter().position(|&c| c == a || c == b).map(|at| k + at)
}

#[cfg(test)]
fn split_line(text: &str, from: usize, to: usize, out: &mut Vec<Range<usize>>) {
    let line = &text[from..to];
    let mut sentence_start = 0;
    let mut resume = 0;
    while let Some((i, c)) = next_stop(line, resume) {
        resume = i + c.len_utf8();
        if c == '.' && !ends_sentence_at_dot(line, i) {
            continue;
        }
        // Swallow further stops and closing quotes: "fragile!”", "it.\"", "soldier! ”".
        let mut end = i + c.len_utf8();
        loop {
            let rest = &line[end..];
            let spaced = rest.trim_start_matches(' ');
            match rest.chars().next() {
                Some(d) if matches!(d, '.' | '!' | '?' | '…') || is_closing(d) => {
                    end += d.len_utf8();
                }
                // "persists. ." and "soldier! ”": a stray stop or a closing quote after a space.
                Some(' ') if spaced.starts_with(['”', '’', '»', '.', '!', '?']) => {
                    end +=
                        rest.len() - spaced.len() + spaced.chars().next().map_or(0, char::len_utf8);
                }
                _ => break,
            }
        }
        let after = &line[end..];
        let next = after.trim_start();
        let boundary = next.is_empty()
            || (after.len() > next.len()
                && next
                    .chars()
                    .next()
                    .is_some_and(|n| !n.is_lowercase() && (n.is_alphanumeric() || is_opening(n))));
        if boundary {
            push_sentence(text, from + sentence_start, from + end, out);
            sentence_start = end;
            resume = resume.max(end);
        }
    }
    push_sentence(text, from + sentence_start, to, out);
}

/// Whether the '.' at byte `i` of `line` can end a sentence (it is no abbreviation, initial or
/// decimal point).
fn ends_sentence_at_dot(line: &str, i: usize) -> bool {
    let before = &line[..i];
    let word_start = dotted_word_start(before);
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    // "U.S", "U.N", "e.g", "a.m": letters joined by dots.
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2) {
        return false;
    }
    if is_abbreviation(word) {
        return false;
    }
    // A single capital: an initial ("J. Smith").
    let mut cs = word.chars();
    if let (Some(c), None) = (cs.next(), cs.next())
        && c.is_uppercase()
    {
        return false;
    }
    // "3.5 km": a decimal point.
    if word.ends_with(|c: char| c.is_ascii_digit())
        && line[i + 1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    true
}

/// Where the word of letters, digits and dots that ends `before` starts: ASCII bytes are read
/// one by one, and a byte outside ASCII hands over to the search by characters.
fn dotted_word_start(before: &str) -> usize {
    let bytes = before.as_bytes();
    let mut k = bytes.len();
    while k > 0 {
        let b = bytes[k - 1];
        if !b.is_ascii() {
            return dotted_word_start_by_chars(before);
        }
        if !(b.is_ascii_alphanumeric() || b == b'.') {
            return k;
        }
        k -= 1;
    }
    0
}

/// [`dotted_word_start`] character by character, as first written.
fn dotted_word_start_by_chars(before: &str) -> usize {
    before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |k| {
            k + before[k..].chars().next().map_or(1, char::len_utf8)
        })
}

/// `start..end` without the white space around it: ASCII bytes are read one by one, and a byte
/// outside ASCII hands over to `str::trim_start` / `trim_end`.
fn trimmed(text: &str, start: usize, end: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let mut from = start;
    while from < end {
        let b = bytes[from];
        if !b.is_ascii() {
            let rest = &text[from..end];
            from += rest.len() - rest.trim_start().len();
            break;
        }
        if !char::from(b).is_whitespace() {
            break;
        }
        from += 1;
    }
    let mut to = end;
    while to > from {
        let b = bytes[to - 1];
        if !b.is_ascii() {
            to = from + text[from..to].trim_end().len();
            break;
        }
        if !char::from(b).is_whitespace() {
            break;
        }
        to -= 1;
    }
    from..to
}

fn push_sentence(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let Range {
        start: trimmed_start,
        end: mut trimmed_end,
    } = trimmed(text, start, end);
    // A stray stop after the sentence's own: "persists. ."
    while trimmed_end > start + 2
        && text.as_bytes()[trimmed_end - 1] == b'.'
        && last_char(text, trimmed_end - 1).is_some_and(|(c, _)| c.is_whitespace())
    {
        trimmed_end = text[..trimmed_end - 1].trim_end().len();
    }
    if trimmed_start >= trimmed_end {
        return;
    }
    let s = &text[trimmed_start..trimmed_end];
    // Most sentences start with a letter or a digit.
    if !(s.as_bytes()[0].is_ascii_alphanumeric() || s.chars().any(char::is_alphanumeric)) {
        // A stray ". ." belongs to nothing.
        return;
    }
    // The cheap tests first: most sentences follow a full stop and a space.
    if let Some(prev) = out.last_mut()
        && text.as_bytes()[..prev.end].ends_with(b".")
        && text.as_bytes()[prev.end..trimmed_start]
            .iter()
            .all(|&c| c == b' ' || c == b'\t')
        && is_time_fragment(s)
    {
        prev.end = trimmed_end;
        return;
    }
    push_bounded(text, trimmed_start..trimmed_end, out);
}

/// The longest sentence kept whole, in bytes. News sentences stay under a thousand; a longer
/// run without a stop is a table, a list or a dump pasted into the file, and every reading of a
/// sentence (its clauses, the words before and after each name) grows with its length.
pub const MAX_SENTENCE_BYTES: usize = 2_000;

/// `range` as one sentence, or cut into pieces of at most [`MAX_SENTENCE_BYTES`]: after the last
/// semicolon, comma or colon of each piece when there is one, else after its last space.
fn push_bounded(text: &str, mut range: Range<usize>, out: &mut Vec<Range<usize>>) {
    while range.end - range.start > MAX_SENTENCE_BYTES {
        let mut limit = range.start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let piece = &text[range.start..limit];
        let cut = piece
            .rfind([';', ',', ':'])
            .map(|at| at + 1)
            .or_else(|| piece.rfind(' '))
            .filter(|&at| at > 0)
            .map_or(limit, |at| range.start + at);
        let head = trimmed(text, range.start, cut);
        if head.start < head.end {
            out.push(head);
        }
        range = trimmed(text, cut, range.end);
    }
    if range.start < range.end {
        out.push(range);
    }
}

/// "Thursday evening.", "On Friday." — at most three words, all time words.
fn is_time_fragment(s: &str) -> bool {
    // Most sentences' first word is an ASCII word that is no time word: told without splitting.
    let bytes = s.as_bytes();
    let first_end = bytes
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(bytes.len());
    if first_end > 0
        && bytes.get(first_end).is_none_or(u8::is_ascii)
        && !TIME_FRAGMENT_WORDS
            .iter()
            .any(|t| t.as_bytes().eq_ignore_ascii_case(&bytes[..first_end]))
    {
        return false;
    }
    is_time_fragment_by_words(s)
}

/// [`is_time_fragment`] word by word, as first written.
fn is_time_fragment_by_words(s: &str) -> bool {
    let mut n = 0;
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        n += 1;
        if n > 3
            || !TIME_FRAGMENT_WORDS
                .iter()
                .any(|t| t.eq_ignore_ascii_case(w))
        {
            return false;
        }
    }
    n > 0
}

/// The decimal digits of `n`, most significant first, in a buffer: (buffer, first digit).
pub fn decimal_digits(mut n: u64) -> ([u8; 20], usize) {
    let mut digits = [0u8; 20];
    let mut first = digits.len();
    loop {
        first -= 1;
        digits[first] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return (digits, first);
        }
    }
}

/// ASCII bytes pushed one by one: checking a few digits as UTF-8 costs more than pushing them.
pub fn push_ascii(out: &mut String, ascii: &[u8]) {
    out.reserve(ascii.len());
    for &b in ascii {
        out.push(char::from(b));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_without_stops_is_cut_into_bounded_pieces_at_commas() {
        let run = "Shelling hit Tartar and clashes went on near Hadrut, ".repeat(120);
        let text = format!("{run}\nThe ministry said so on Sunday.");
        let found = sentences(&text);
        assert!(found.len() > 3, "{} pieces", found.len());
        for range in &found {
            assert!(range.end - range.start <= MAX_SENTENCE_BYTES, "{range:?}");
        }
        // Cut after a comma, and nothing lost: the pieces and the white space between them
        // make the text.
        for pair in found.windows(2) {
            assert!(
                text[..pair[0].end].ends_with(','),
                "{:?}",
                &text[..pair[0].end]
            );
            assert!(text[pair[0].end..pair[1].start].trim().is_empty());
        }
        assert_eq!(
            found.last().map(|r| &text[r.clone()]),
            Some("The ministry said so on Sunday.")
        );
        // A run with no comma either is cut after a space.
        let words = "rockets ".repeat(600);
        let found = sentences(&words);
        assert!(found.len() > 1);
        assert!(
            found
                .iter()
                .all(|r| words[r.clone()].starts_with("rockets"))
        );
    }

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn lower_case_is_to_lowercase_and_borrows_lower_case_ascii() {
        for word in [
            "shelling",
            "Stepanakert",
            "NATO",
            "Şuşa",
            "ÇIRAQ",
            "ΟΔΟΣ",
            "İstanbul",
            "o'clock",
            "",
            "2020",
        ] {
            assert_eq!(lower_case(word), word.to_lowercase(), "{word:?}");
        }
        assert!(matches!(lower_case("said"), Cow::Borrowed("said")));
        assert!(matches!(lower_case("Said"), Cow::Owned(_)));
    }

    #[test]
    fn words_back_are_those_of_splitting_at_white_space() {
        let texts = [
            "",
            " ",
            "two weeks of\u{a0}fighting",
            "  displaced by these\tclashes ",
            "did not claim any\u{2009}casualties\u{3000}",
            "Şuşa — “the city” was\u{b}hit\n",
            "a",
            "«Stepanakert» ",
        ];
        for text in texts {
            for end in 0..=text.len() {
                let Some(before) = text.get(..end) else {
                    continue;
                };
                let plain: Vec<&str> = before
                    .rsplit(char::is_whitespace)
                    .filter(|w| !w.is_empty())
                    .collect();
                assert_eq!(words_back(before).collect::<Vec<_>>(), plain, "{before:?}");
            }
        }
    }

    #[test]
    fn abbreviations_keep_the_sentence_whole_in_their_case_only() {
        for word in ["Mr", "Gen", "Sept", "etc", "approx", "Corp", "ca"] {
            assert!(is_abbreviation(word), "{word}");
        }
        for word in [
            "MR",
            "gen",
            "Mister",
            "M",
            "",
            "etc.",
            "Stepanakert",
            "Oct1",
        ] {
            assert!(!is_abbreviation(word), "{word}");
        }
        assert_eq!(
            split("Gen. Smith arrived on Sept. 30 with Mr. Jones. They left."),
            [
                "Gen. Smith arrived on Sept. 30 with Mr. Jones.",
                "They left."
            ]
        );
    }

    #[test]
    fn either_byte_is_found_eight_bytes_at_a_time_where_a_byte_search_finds_it() {
        for (a, b) in [(b';', b'w'), (b't', b'T')] {
            for filler in [b'x', b'W', 0xC3, 0x80] {
                for len in 0..20 {
                    for at in 0..=len {
                        for target in [a, b, filler] {
                            let mut bytes = vec![filler; len];
                            if at < len {
                                bytes[at] = target;
                            }
                            for from in 0..=len {
                                let expected =
                                    (from..len).find(|&k| bytes[k] == a || bytes[k] == b);
                                assert_eq!(next_of_either(&bytes, from, a, b), expected);
                            }
                        }
                    }
                }
            }
        }
    }

    /// Texts that reach each rule of the splitter: abbreviations, initials, decimals, quotes,
    /// stray stops, time fragments, metadata lines, blank lines, carriage returns, letters
    /// outside ASCII next to stops and breaks.
    const AWKWARD_TEXTS: &[&str] = &[
        "",
        "\n",
        "\n\n \n",
        "No stop at all",
        "Mr. Aliyev spoke to Dr. Smith on Sept. 27 in the U.S. capital. Gen. Ivanov left.",
        "J. R. Smith walked 3.5 km to St. Mary's church. Then he rested.",
        "\u{201c}We will return.\u{201d} He left. \"It is over.\" She nodded! \u{201c}No one! \u{201d}",
        "At least 300 dead\n• Read also: Bombs over an old conflict\nThe toll rose. It may rise again\n",
        "Fighting persists. .\nNext line.",
        "Fighting persists. . \n. .\n",
        "It was in the press release. of the ministry which spoke.",
        "The talks were set, the ministry announced. Thursday evening. Nothing else.",
        "Talks were set. On Friday.\nThursday evening.\nLate.",
        " date 2020-10-10 Devastated: A man walks in Barda. Photo: Reuters\n\nHopes rose.",
        "date: 2020-10-10\nShelling went on. It stopped.",
        "date 2020-10-10   \n\ndate 2020-10-11 x\nText.",
        "It ended.\r\nA new line.\r\nlower case.\r\n",
        "Şuşa was hit. Ünal said so. İt is. “Quoted.” (Aside.) [Note.] «Fin.»",
        "Wait… What? Yes! No?! Really?!” he said.  Then\u{a0}more. Then\u{2003}Şuşa.",
        "A stop.\u{a0}\nNext.  \u{2009}\nLast…",
        "e.g. this, i.e. that, a.m. and p.m. U.N. staff. 1.2.3 and 10. Next. x.y.z. End.",
        "Ends with a stop.",
        "Ends with spaces.   ",
        "Ends in a word.Then no space. Then ÉTÉ. Then éte.",
        "A—dash. B–dash… C…D. “E” — f.",
        "No. 5 was hit. Nos. 6 and 7 too. Etc. and so on.",
    ];

    #[test]
    fn one_pass_split_gives_the_ranges_of_the_split_by_lines() {
        let seeds = crate::seed_texts::seed_texts();
        assert_eq!(seeds.len(), 5);
        let mut checked = 0;
        for text in AWKWARD_TEXTS
            .iter()
            .copied()
            .chain(seeds.iter().map(String::as_str))
        {
            // Every prefix of the short texts, every thirteenth one of the seeds: the end of the
            // text at each kind of position.
            let step = if text.len() > 2_000 { 13 } else { 1 };
            for end in (0..=text.len()).step_by(step).chain([text.len()]) {
                let Some(prefix) = text.get(..end) else {
                    continue;
                };
                assert_eq!(sentences(prefix), sentences_by_lines(prefix), "{prefix:?}");
                checked += 1;
            }
        }
        assert!(checked > 2_000, "{checked}");
    }

    #[test]
    fn stops_and_breaks_are_found_at_every_position_of_an_eight_byte_word() {
        // Each stop at each offset, after ASCII and multi-byte text, with and without a start
        // inside the eight bytes: neither the splitter's search nor the line-by-line reference's
        // may step over one. Only the splitter's also stops at line breaks.
        type Search = fn(&str, usize) -> Option<(usize, char)>;
        let searches: [(Search, &[&str]); 2] = [
            (next_stop_or_break, &[".", "!", "?", "…", "\n"]),
            (next_stop, &[".", "!", "?", "…"]),
        ];
        let fillers = ["a", "é", "—", "“"];
        for (search, stops) in searches {
            for stop in stops {
                for filler in fillers {
                    for before in 0..20 {
                        let text = format!("{}{stop} tail of the line", filler.repeat(before));
                        let at = filler.len() * before;
                        let expected = stop.chars().next().map(|c| (at, c));
                        for from in [0, at.saturating_sub(3), at] {
                            let from = if text.is_char_boundary(from) { from } else { 0 };
                            assert_eq!(search(&text, from), expected, "{text:?} from {from}");
                        }
                    }
                }
            }
            assert_eq!(search("no stop in this rather long line", 0), None);
            // '—' starts with E2 too: a candidate, but not a stop.
            assert_eq!(search("a — b — c — d, no stop here", 0), None);
            assert_eq!(search("", 0), None);
        }
    }

    #[test]
    fn fast_word_tests_agree_with_the_plain_ones() {
        for text in AWKWARD_TEXTS {
            for (i, _) in text.char_indices() {
                let before = &text[..i];
                assert_eq!(
                    dotted_word_start(before),
                    dotted_word_start_by_chars(before)
                );
                for end in (i..=text.len()).filter(|&e| text.is_char_boundary(e)) {
                    let piece = &text[i..end];
                    let plain = i + (piece.len() - piece.trim_start().len())
                        ..end - (piece.len() - piece.trim_end().len());
                    let fast = trimmed(text, i, end);
                    if plain.start < plain.end {
                        assert_eq!(fast, plain, "{piece:?}");
                    } else {
                        assert!(fast.start >= fast.end, "{piece:?}");
                    }
                    let trimmed_piece = piece.trim();
                    assert_eq!(
                        is_time_fragment(trimmed_piece),
                        is_time_fragment_by_words(trimmed_piece),
                        "{trimmed_piece:?}"
                    );
                }
            }
        }
        for fragment in [
            "Thursday evening.",
            "On Friday.",
            "late night",
            "Şuşa.",
            "Friday…x",
        ] {
            assert_eq!(
                is_time_fragment(fragment),
                is_time_fragment_by_words(fragment)
            );
        }
    }

    #[test]
    fn full_stops_split_and_abbreviations_do_not() {
        let t = "Mr. Aliyev spoke to Dr. Smith on Sept. 27 in the U.S. capital. Gen. Ivanov and Lt. Col. Petrov left on Oct. 3. They met Mrs. Jones.";
        assert_eq!(
            split(t),
            vec![
                "Mr. Aliyev spoke to Dr. Smith on Sept. 27 in the U.S. capital.",
                "Gen. Ivanov and Lt. Col. Petrov left on Oct. 3.",
                "They met Mrs. Jones."
            ]
        );
    }

    #[test]
    fn initials_and_decimals_stay_inside() {
        assert_eq!(
            split("J. R. Smith walked 3.5 km to St. Mary's church. Then he rested."),
            vec![
                "J. R. Smith walked 3.5 km to St. Mary's church.",
                "Then he rested."
            ]
        );
    }

    #[test]
    fn quotes_after_the_stop_belong_to_the_sentence() {
        let t = "\u{201c}We will return.\u{201d} He left. \"It is over.\" She nodded! \u{201c}No one can resist! \u{201d}";
        assert_eq!(
            split(t),
            vec![
                "\u{201c}We will return.\u{201d}",
                "He left.",
                "\"It is over.\"",
                "She nodded!",
                "\u{201c}No one can resist! \u{201d}"
            ]
        );
    }

    #[test]
    fn lines_are_hard_breaks_and_bullets_stand_alone() {
        let t = "At least 300 dead\n• Read also: Bombs over an old conflict\nThe toll rose. It may rise again\n";
        assert_eq!(
            split(t),
            vec![
                "At least 300 dead",
                "• Read also: Bombs over an old conflict",
                "The toll rose.",
                "It may rise again"
            ]
        );
    }

    #[test]
    fn stray_stops_make_no_sentence() {
        let t = "Fighting persists. .\nNext line.";
        assert_eq!(split(t), vec!["Fighting persists.", "Next line."]);
    }

    #[test]
    fn lowercase_after_stop_does_not_split() {
        let t = "It was in the press release. of the ministry which spoke.";
        assert_eq!(split(t), vec![t]);
    }

    #[test]
    fn time_fragment_joins_the_sentence_before() {
        let t = "The talks were set, the ministry announced. Thursday evening. Nothing else.";
        assert_eq!(
            split(t),
            vec![
                "The talks were set, the ministry announced. Thursday evening.",
                "Nothing else."
            ]
        );
    }

    #[test]
    fn metadata_prefix_is_skipped() {
        let t = " date 2020-10-10 Devastated: A man walks in Barda. Photo: Reuters\n\nHopes rose.";
        assert_eq!(
            split(t),
            vec![
                "Devastated: A man walks in Barda.",
                "Photo: Reuters",
                "Hopes rose."
            ]
        );
    }

    #[test]
    fn ranges_cover_real_text_of_every_seed() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        assert_eq!(files.len(), 5, "seeds folder {}", dir.display());
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap_or_default();
            let ranges = sentences(&text);
            assert!(
                ranges.len() > 15,
                "{}: {} sentences",
                f.display(),
                ranges.len()
            );
            let mut last = 0;
            for r in &ranges {
                assert!(r.start >= last && r.end > r.start);
                let s = &text[r.clone()];
                assert_eq!(s, s.trim());
                assert!(!s.contains('\n'), "{}: {s:?}", f.display());
                last = r.end;
            }
        }
    }
}
