//! One normal form for names and for article text, so that "Şuşa", "Susa" and "SUSA" meet, and
//! "Nagorno-Karabakh" meets "Nagorno Karabakh".
//!
//! Letters are transliterated to ASCII (deunicode) and case-folded; every other character
//! (spaces, punctuation, hyphens, apostrophes) becomes one separator space, runs collapsed. The
//! normalised text keeps a map back to the byte range of the original character each of its
//! letters came from, so matches found in normal form map back to exact offsets in the article.

use super::landmarks::{ANCHOR, BYTE_FLAGS, Landmarks, NON_ASCII, STOP, WORD};

/// Text in normal form with a map back to the original bytes.
#[derive(Debug, Default)]
pub struct Normalized {
    /// ASCII, lower case, single spaces; starts and ends with a space so that every word is
    /// bounded by spaces on both sides.
    pub text: String,
    /// Where the normalised text stops following the original byte for byte, in order of
    /// `normalized`. Most articles are ASCII, and their map only changes where a run of
    /// separators collapses into one space: a few dozen runs instead of a map entry per byte.
    runs: Vec<Run>,
    /// Where sentences may end and credit markers may be, in the original text.
    pub landmarks: Landmarks,
    /// Offsets in `text` of the words that may start a name: every word but those whose
    /// original first letter is lower case, which a name never is.
    pub name_starts: Vec<u32>,
    /// Every run of ASCII letters and digits of the original text, in order: the words the role
    /// rules read, found here on the way ([`super::roles::push_sentence_words`]).
    pub ascii_words: Vec<AsciiWord>,
    /// Where each letter or digit outside ASCII starts, in order: the words of a range with none
    /// are its [`Normalized::ascii_words`] (quotes and dashes outside ASCII only separate them).
    pub letters_outside_ascii: Vec<u32>,
}

/// A run of ASCII letters and digits of the original text, as long as it goes, and where its
/// lower case is in the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AsciiWord {
    pub start: u32,
    pub end: u32,
    pub normalized: u32,
}

/// Bytes of the normalised text from `normalized` on, up to the next run, come from the original
/// text starting at `original`: one byte each (`expanded_end == 0`), or all from the one
/// character `original..expanded_end` that was transliterated.
#[derive(Debug, Clone, Copy)]
struct Run {
    normalized: u32,
    original: u32,
    expanded_end: u32,
}

impl Normalized {
    /// Byte range in the original text of the normalised range `start..end` (non-empty).
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let from = self.origin(start).map_or(0, |(from, _)| from);
        let to = self.origin(end.saturating_sub(1)).map_or(0, |(_, to)| to);
        (from, to.max(from))
    }

    /// [`Normalized::original_range`] for ranges asked for in the order of their starts:
    /// `hint` (0 at first) keeps the run of the last start, from which the next is found by
    /// walking on rather than by a search through every run. Any order gives the same answers.
    pub fn original_range_after(
        &self,
        hint: &mut usize,
        start: usize,
        end: usize,
    ) -> (usize, usize) {
        let from = self.origin_after(hint, start).map_or(0, |(from, _)| from);
        let mut end_hint = *hint;
        let to = self
            .origin_after(&mut end_hint, end.saturating_sub(1))
            .map_or(0, |(_, to)| to);
        (from, to.max(from))
    }

    /// [`Normalized::origin`], walking on from the run at `hint`, which it leaves at the run of
    /// `at`; a search as [`Normalized::origin`] makes when `at` lies before that run.
    fn origin_after(&self, hint: &mut usize, at: usize) -> Option<(usize, usize)> {
        if at >= self.text.len() {
            return None;
        }
        if self
            .runs
            .get(*hint)
            .is_none_or(|run| run.normalized as usize > at)
        {
            return self.origin(at);
        }
        while self
            .runs
            .get(*hint + 1)
            .is_some_and(|run| run.normalized as usize <= at)
        {
            *hint += 1;
        }
        Some(self.runs[*hint].origin_of(at))
    }

    /// The original character the normalised byte `at` came from.
    fn origin(&self, at: usize) -> Option<(usize, usize)> {
        if at >= self.text.len() {
            return None;
        }
        let index = self
            .runs
            .partition_point(|run| run.normalized as usize <= at)
            .checked_sub(1)?;
        Some(self.runs[index].origin_of(at))
    }
}

impl Run {
    /// The original character of the normalised byte `at`, which is in this run.
    fn origin_of(&self, at: usize) -> (usize, usize) {
        if self.expanded_end != 0 {
            return (self.original as usize, self.expanded_end as usize);
        }
        let from = self.original as usize + (at - self.normalized as usize);
        (from, from + 1)
    }
}

/// ASCII folded: letters and digits lower-cased, everything else a separator space.
const ASCII_FOLD: [u8; 128] = {
    let mut table = [b' '; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// Azerbaijani and Turkish letters that deunicode renders in a way writers never use.
fn special_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'ə' | 'Ə' | 'ǝ' | 'Ǝ' => "e",
        'ı' => "i",
        'ʻ' | 'ʼ' | '\'' | '’' | '‘' | '`' | '´' => " ",
        _ => return None,
    })
}

/// Whether `c` is a letter or digit, as [`char::is_alphanumeric`] says: the characters news text
/// holds most often outside ASCII (quotes, dashes, accented Latin letters) are answered without
/// the general tables, whose lookup costs hundreds of instructions.
#[inline]
pub(super) fn is_alphanumeric(c: char) -> bool {
    match c {
        // General Punctuation: spaces, dashes, quotes, bullets; no letter and no digit.
        '\u{2000}'..='\u{206F}' => false,
        '\u{D7}' | '\u{F7}' => false,
        // Latin-1 letters, Latin Extended-A and -B, IPA ("ə").
        '\u{C0}'..='\u{2AF}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// The ASCII a non-ASCII character stands for, before folding.
fn transliterate(c: char) -> &'static str {
    special_letter(c).unwrap_or_else(|| {
        if is_alphanumeric(c) {
            deunicode::deunicode_char(c).unwrap_or(" ")
        } else {
            " "
        }
    })
}

fn fold(b: u8) -> u8 {
    ASCII_FOLD.get(b as usize).copied().unwrap_or(b' ')
}

fn push_folded(c: char, out: &mut impl FnMut(u8)) {
    if c.is_ascii() {
        out(fold(c as u8));
        return;
    }
    for b in transliterate(c).bytes() {
        out(fold(b));
    }
}

/// Bytes of a `u64` word, each with its high bit: the flag of a byte in the masks below.
const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
const LOW_SEVEN: u64 = u64::from_le_bytes([0x7F; 8]);
const ONES: u64 = u64::from_le_bytes([0x01; 8]);
const CASE_BIT: u64 = u64::from_le_bytes([0x20; 8]);

/// Eight bytes of `bytes` from `at`, as zero bytes (no letter, no digit) past its end.
#[inline]
pub(super) fn eight_at(bytes: &[u8], at: usize) -> u64 {
    eight_padded_at(bytes, at, 0)
}

/// Eight bytes of `bytes` from `at` as one little-endian word, as `pad` bytes past its end.
#[inline]
pub(super) fn eight_padded_at(bytes: &[u8], at: usize, pad: u8) -> u64 {
    match bytes
        .get(at..at + 8)
        .and_then(|eight| <[u8; 8]>::try_from(eight).ok())
    {
        // One load: a copy of a length known only at run time would be a call.
        Some(eight) => u64::from_le_bytes(eight),
        None => last_bytes_at(bytes, at, pad),
    }
}

/// [`eight_padded_at`] for the last bytes of the text.
#[cold]
#[inline(never)]
fn last_bytes_at(bytes: &[u8], at: usize, pad: u8) -> u64 {
    let mut chunk = [pad; 8];
    for (slot, &b) in chunk.iter_mut().zip(bytes.get(at..).unwrap_or(&[])) {
        *slot = b;
    }
    u64::from_le_bytes(chunk)
}

/// The high bit of each byte of `seven` (7-bit values) that is at least `low`.
#[inline]
fn at_least(seven: u64, low: u8) -> u64 {
    seven.wrapping_add(ONES * u64::from(0x80 - low)) & HIGH
}

/// The high bit of each byte of `seven` (7-bit values) that is at most `high`.
#[inline]
fn at_most(seven: u64, high: u8) -> u64 {
    !seven.wrapping_add(ONES * u64::from(0x7F - high)) & HIGH
}

/// The high bit of each zero byte of `x`, exactly (no false flags after a zero byte).
#[inline]
fn zero_bytes(x: u64) -> u64 {
    !(((x & LOW_SEVEN) + LOW_SEVEN) | x) & HIGH
}

/// For eight bytes: the high bit of each ASCII letter or digit, of each `y` or `Y`, and the
/// bytes with their letters lower-cased. A byte-wise sum of 7-bit values and a constant below
/// 0x80 never carries into the next byte, so the range tests hold byte by byte.
#[inline]
fn classify_eight(chunk: u64) -> (u64, u64, u64) {
    let word = ascii_alphanumeric(chunk);
    let lowered = (chunk & LOW_SEVEN) | CASE_BIT;
    let ys = zero_bytes(lowered ^ (ONES * u64::from(b'y'))) & word;
    (word, ys, chunk | CASE_BIT)
}

/// The high bit of each of eight bytes that is an ASCII letter or digit.
#[inline]
pub(super) fn ascii_alphanumeric(chunk: u64) -> u64 {
    let ascii = !chunk & HIGH;
    let seven = chunk & LOW_SEVEN;
    // Digits already have the case bit: setting it lower-cases letters and keeps digits.
    let lowered = seven | CASE_BIT;
    let digits = at_least(seven, b'0') & at_most(seven, b'9');
    let letters = at_least(lowered, b'a') & at_most(lowered, b'z');
    (digits | letters) & ascii
}

/// Where the run of ASCII letters and digits of `bytes` from `at` ends, at `end` at the latest.
#[inline]
pub(super) fn ascii_word_end(bytes: &[u8], mut at: usize, end: usize) -> usize {
    loop {
        let not_word = !ascii_alphanumeric(eight_at(bytes, at)) & HIGH;
        let len = (not_word.trailing_zeros() / 8) as usize;
        at += len;
        if len < 8 || at >= end {
            return at.min(end);
        }
    }
}

/// Normalise article text, keeping the map back to original byte offsets, and note its
/// [`Landmarks`] and the words that may start a name on the way.
pub fn normalize_text(text: &str) -> Normalized {
    let bytes = text.as_bytes();
    // Written by index: an ASCII byte gives at most one byte, so the buffer stays one byte longer
    // than what the rest of the text can give, and grows only where a character transliterates
    // to more bytes than it has. Words are written eight bytes at a time: eight bytes of room
    // more, past what is kept.
    let mut out: Vec<u8> = vec![b' '; text.len() + 2 + 8];
    let mut written = 1;
    let mut runs: Vec<Run> = Vec::with_capacity(text.len() / 16);
    let mut landmarks = Landmarks {
        stops: Vec::with_capacity(text.len() / 64),
        credit_anchors: Vec::with_capacity(text.len() / 32),
    };
    let mut name_starts: Vec<u32> = Vec::with_capacity(text.len() / 24);
    let mut ascii_words: Vec<AsciiWord> = Vec::with_capacity(text.len() / 5);
    let mut letters_outside_ascii: Vec<u32> = Vec::new();
    // The next byte written starts a run: the one before it was dropped or transliterated.
    let mut new_run = true;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let flags = BYTE_FLAGS[b as usize];
        if flags & WORD != 0 {
            // A run of ASCII letters and digits, copied lower-cased eight bytes at a time.
            if new_run {
                runs.push(Run {
                    normalized: written as u32,
                    original: i as u32,
                    expanded_end: 0,
                });
                new_run = false;
            }
            if out[written - 1] == b' ' && !b.is_ascii_lowercase() {
                name_starts.push(written as u32);
            }
            let mut ascii_word = AsciiWord {
                start: i as u32,
                end: 0,
                normalized: written as u32,
            };
            loop {
                let (word, ys, lowered) = classify_eight(eight_at(bytes, i));
                let not_word = !word & HIGH;
                // Flags of the bytes before the first that is no letter or digit.
                let leading = (not_word & not_word.wrapping_neg()).wrapping_sub(1);
                let len = (not_word.trailing_zeros() / 8) as usize;
                let mut anchors = ys & leading;
                while anchors != 0 {
                    landmarks
                        .credit_anchors
                        .push((i + (anchors.trailing_zeros() / 8) as usize) as u32);
                    anchors &= anchors - 1;
                }
                if out.len() < written + 8 {
                    out.resize(written + 8, b' ');
                }
                out[written..written + 8].copy_from_slice(&lowered.to_le_bytes());
                written += len;
                i += len;
                if len < 8 {
                    ascii_word.end = i as u32;
                    ascii_words.push(ascii_word);
                    // Most words end at one space before the next word: the space is written
                    // already (it was in the eight bytes) and changes no run, so the next word
                    // goes on in this loop.
                    let next_word = bytes.get(i + 1).is_some_and(|&next| {
                        BYTE_FLAGS[next as usize] & WORD != 0 && bytes[i] == b' '
                    });
                    if !next_word {
                        break;
                    }
                    written += 1;
                    i += 1;
                    if !bytes[i].is_ascii_lowercase() {
                        name_starts.push(written as u32);
                    }
                    ascii_word.start = i as u32;
                    ascii_word.normalized = written as u32;
                }
            }
            continue;
        }
        if flags & NON_ASCII == 0 {
            if flags & STOP != 0 {
                landmarks.stops.push(i as u32);
            } else if flags & ANCHOR != 0 {
                landmarks.credit_anchors.push(i as u32);
            }
            // Every ASCII byte but letters and digits folds to a separator.
            if out[written - 1] == b' ' {
                new_run = true;
            } else {
                if new_run {
                    runs.push(Run {
                        normalized: written as u32,
                        original: i as u32,
                        expanded_end: 0,
                    });
                    new_run = false;
                }
                out[written] = b' ';
                written += 1;
            }
            i += 1;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let end = i + c.len_utf8();
        if is_alphanumeric(c) {
            letters_outside_ascii.push(i as u32);
        }
        if c == '©' {
            landmarks.credit_anchors.push((end - 1) as u32);
        }
        let ascii = transliterate(c);
        // Room for this character and one byte for each byte after it, the closing space and
        // the eight bytes a word is written by.
        let needed = written + ascii.len() + (bytes.len() - end) + 1 + 8;
        if out.len() < needed {
            out.resize(needed, b' ');
        }
        let mut first = true;
        for r in ascii.bytes() {
            let folded = fold(r);
            if folded == b' ' && out[written - 1] == b' ' {
                continue;
            }
            if first {
                runs.push(Run {
                    normalized: written as u32,
                    original: i as u32,
                    expanded_end: end as u32,
                });
                first = false;
            }
            // A name's first letter: lower-case ones never start a name.
            if folded != b' ' && out[written - 1] == b' ' && !c.is_lowercase() {
                name_starts.push(written as u32);
            }
            out[written] = folded;
            written += 1;
        }
        new_run = true;
        i = end;
    }
    out.truncate(written);
    if out.last() != Some(&b' ') {
        out.push(b' ');
    }
    Normalized {
        // Only ASCII bytes were written.
        text: String::from_utf8(out).unwrap_or_default(),
        runs,
        landmarks,
        name_starts,
        ascii_words,
        letters_outside_ascii,
    }
}

/// Normal form of a name: `"  Nagorno-Karabakh "` → `"nagorno karabakh"`.
pub fn normalize_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        push_folded(c, &mut |b| {
            if b == b' ' && (out.is_empty() || out.ends_with(' ')) {
                return;
            }
            out.push(b as char);
        });
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn azerbaijani_letters_fold_to_plain_latin() {
        assert_eq!(normalize_name("Şuşa"), "susa");
        assert_eq!(normalize_name("Xankəndi"), "xankendi");
        assert_eq!(normalize_name("Gəncə"), "gence");
        assert_eq!(normalize_name("Ağdam"), "agdam");
        assert_eq!(normalize_name("Qubadlı"), "qubadli");
    }

    #[test]
    fn hyphens_case_and_spaces_do_not_matter() {
        assert_eq!(
            normalize_name("Nagorno-Karabakh"),
            normalize_name(" nagorno  KARABAKH ")
        );
        assert_eq!(normalize_name("Haut-Karabakh"), "haut karabakh");
    }

    #[test]
    fn offsets_map_back_to_the_original_bytes() {
        let text = "Shelling hit Şuşa, and Gəncə.";
        let n = normalize_text(text);
        assert_eq!(n.text, " shelling hit susa and gence ");
        let at = n.text.find("susa").unwrap_or(0);
        let (start, end) = n.original_range(at, at + 4);
        assert_eq!(&text[start..end], "Şuşa");
        let at = n.text.find("gence").unwrap_or(0);
        let (start, end) = n.original_range(at, at + 5);
        assert_eq!(&text[start..end], "Gəncə");
    }

    #[test]
    fn every_word_maps_back_across_collapsed_and_transliterated_characters() {
        let text = "Near  Ağdam -- and “Xankəndi”, (Şuşa);\n\nSTEPANAKERT’s 15km—Füzuli.";
        let n = normalize_text(text);
        assert_eq!(
            n.text,
            " near agdam and xankendi susa stepanakert s 15km fuzuli "
        );
        let mut at = 1;
        for word in n.text.trim().split(' ') {
            let (start, end) = n.original_range(at, at + word.len());
            let original = &text[start..end];
            assert_eq!(normalize_name(original), word, "{original:?}");
            at += word.len() + 1;
        }
    }

    /// The shortcut answers as the general tables do, for every character.
    #[test]
    fn letters_and_digits_are_told_as_the_standard_library_tells_them() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    /// Walking on from the last start maps every range as the search does, in order or not.
    #[test]
    fn ranges_mapped_in_order_map_as_searched() {
        let texts = [
            "Near  Ağdam -- and “Xankəndi”, (Şuşa);\n\nSTEPANAKERT’s 15km—Füzuli. ß ﬁ 北京 end",
            "  leading spaces, then words... and (more) words ʻAli O‘zbekiston  ",
            "plain",
        ];
        for text in texts {
            let n = normalize_text(text);
            let len = n.text.len();
            let mut hint = 0;
            for start in 0..=len + 1 {
                for end in start..=(start + 12).min(len + 2) {
                    let mut probe = hint;
                    assert_eq!(
                        n.original_range_after(&mut probe, start, end),
                        n.original_range(start, end),
                        "{text:?} {start}..{end}"
                    );
                }
                let walked = n.original_range_after(&mut hint, start, start + 1);
                assert_eq!(walked, n.original_range(start, start + 1));
                // Asked out of order, it still answers as the search does.
                let mut late = hint;
                let back = start / 2;
                assert_eq!(
                    n.original_range_after(&mut late, back, back + 3),
                    n.original_range(back, back + 3)
                );
            }
        }
    }

    #[test]
    fn possessive_apostrophe_leaves_the_name_whole() {
        assert_eq!(normalize_text("Moscow's offer").text, " moscow s offer ");
        assert_eq!(normalize_text("Moscow’s offer").text, " moscow s offer ");
    }
}
