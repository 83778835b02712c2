//! One normal form for names and for article text, so that "Şuşa", "Susa" and "SUSA" meet, and
//! "Nagorno-Karabakh" meets "Nagorno Karabakh".
//!
//! Letters are transliterated to ASCII (deunicode) and case-folded; every other character
//! (spaces, punctuation, hyphens, apostrophes) becomes one separator space, runs collapsed. The
//! normalised text keeps a map back to the byte range of the original character each of its
//! letters came from, so matches found in normal form map back to exact offsets in the article.

use super::landmarks::{ANCHOR, BYTE_FLAGS, Landmarks, STOP};

/// Text in normal form: its words, each with the byte range of the original it came from.
///
/// The normal form of a text is its words in order, separated by single spaces; it is kept as
/// words rather than written out, so that most of it is the article's own bytes, lower-cased in
/// place: a word of ASCII letters and digits is the same run in the original and in
/// [`Normalized::lower`], and nothing but the few words next to letters outside ASCII needs
/// writing again.
#[derive(Debug, Default)]
pub struct Normalized {
    /// `text.to_ascii_lowercase()`, followed by the words next to letters outside ASCII,
    /// transliterated (those alone are not at their original offsets).
    pub lower: String,
    /// The length of the text: `lower[..text_len]` is the text lower-cased.
    text_len: usize,
    /// The words of the normal form, in order.
    pub words: Vec<NormalWord>,
    /// Where sentences may end and credit markers may be, in the original text.
    pub landmarks: Landmarks,
    /// Indices in [`Normalized::words`] of the words that may start a name: every word but
    /// those whose original first letter is lower case, which a name never is.
    pub name_starts: Vec<u32>,
    /// Where each letter or digit outside ASCII starts, in order: the words of a range with none
    /// are runs of ASCII letters and digits, at their own offsets in [`Normalized::lower`]
    /// (quotes and dashes outside ASCII only separate them).
    pub letters_outside_ascii: Vec<u32>,
}

/// One word of the normal form: its lower-case ASCII letters and digits are
/// `lower[at..at + len]`, and it came from the original bytes `start..end` (from the first byte
/// of the character its first letter came from to the last of its last letter's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NormalWord {
    pub start: u32,
    pub end: u32,
    pub at: u32,
    pub len: u32,
}

impl Normalized {
    /// The text, lower-cased in ASCII: `text.to_ascii_lowercase()`.
    pub fn lower_text(&self) -> &str {
        self.lower.get(..self.text_len).unwrap_or("")
    }

    /// The letters of a word of [`Normalized::words`].
    #[inline]
    pub fn letters(&self, word: &NormalWord) -> &[u8] {
        let at = word.at as usize;
        self.lower
            .as_bytes()
            .get(at..at + word.len as usize)
            .unwrap_or(&[])
    }

    /// The normal form written out: its words separated by single spaces, with a space before
    /// the first and after the last (what names are compared with, word by word).
    pub fn text(&self) -> String {
        let mut out = String::with_capacity(self.lower.len() + 2);
        out.push(' ');
        for word in &self.words {
            out.push_str(std::str::from_utf8(self.letters(word)).unwrap_or(""));
            out.push(' ');
        }
        out
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

/// The high bit of each of eight bytes equal to `b`.
#[inline]
fn bytes_equal(chunk: u64, b: u8) -> u64 {
    zero_bytes(chunk ^ (ONES * u64::from(b)))
}

/// What sixteen bytes of text are, one bit per byte (bit `k` for byte `k`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Sixteen {
    /// ASCII letters and digits.
    word: u32,
    space: u32,
    /// ASCII lower-case letters.
    lower_case: u32,
    /// `y` and `Y`.
    y: u32,
    /// Bytes outside ASCII.
    outside: u32,
}

/// [`Sixteen`] of the bytes of `low` then `high` (little-endian).
#[inline]
fn sixteen(low: u64, high: u64) -> Sixteen {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: SSE2 is part of the x86-64 baseline: every x86-64 processor has it.
        unsafe { sixteen_sse2(low, high) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        sixteen_portable(low, high)
    }
}

/// [`sixteen`] with SSE2: each test is one instruction on all sixteen bytes.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
fn sixteen_sse2(low: u64, high: u64) -> Sixteen {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_movemask_epi8,
        _mm_or_si128, _mm_set_epi64x, _mm_set1_epi8,
    };
    let bytes = _mm_set_epi64x(high as i64, low as i64);
    let lowered = _mm_or_si128(bytes, _mm_set1_epi8(0x20));
    // Signed comparisons: bytes outside ASCII are negative and in no range.
    let digits = _mm_and_si128(
        _mm_cmpgt_epi8(bytes, _mm_set1_epi8(b'0' as i8 - 1)),
        _mm_cmplt_epi8(bytes, _mm_set1_epi8(b'9' as i8 + 1)),
    );
    let letters = _mm_and_si128(
        _mm_cmpgt_epi8(lowered, _mm_set1_epi8(b'a' as i8 - 1)),
        _mm_cmplt_epi8(lowered, _mm_set1_epi8(b'z' as i8 + 1)),
    );
    let lower_case = _mm_and_si128(
        _mm_cmpgt_epi8(bytes, _mm_set1_epi8(b'a' as i8 - 1)),
        _mm_cmplt_epi8(bytes, _mm_set1_epi8(b'z' as i8 + 1)),
    );
    Sixteen {
        word: _mm_movemask_epi8(_mm_or_si128(digits, letters)) as u32,
        space: _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(b' ' as i8))) as u32,
        lower_case: _mm_movemask_epi8(lower_case) as u32,
        y: _mm_movemask_epi8(_mm_cmpeq_epi8(lowered, _mm_set1_epi8(b'y' as i8))) as u32,
        outside: _mm_movemask_epi8(bytes) as u32,
    }
}

/// The bits of sixteen bytes (`low` then `high`, little-endian) that are `a` or `b`, bit `k`
/// for byte `k`.
#[inline]
pub(super) fn sixteen_either(low: u64, high: u64, a: u8, b: u8) -> u32 {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: SSE2 is part of the x86-64 baseline: every x86-64 processor has it.
        unsafe { sixteen_either_sse2(low, high, a, b) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        sixteen_either_portable(low, high, a, b)
    }
}

/// [`sixteen_either`] with SSE2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
fn sixteen_either_sse2(low: u64, high: u64, a: u8, b: u8) -> u32 {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set_epi64x, _mm_set1_epi8,
    };
    let bytes = _mm_set_epi64x(high as i64, low as i64);
    _mm_movemask_epi8(_mm_or_si128(
        _mm_cmpeq_epi8(bytes, _mm_set1_epi8(a as i8)),
        _mm_cmpeq_epi8(bytes, _mm_set1_epi8(b as i8)),
    )) as u32
}

/// [`sixteen_either`] in plain integers, for any processor.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn sixteen_either_portable(low: u64, high: u64, a: u8, b: u8) -> u32 {
    let gather = |flags: u64| ((flags >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32;
    let either = |chunk: u64| bytes_equal(chunk, a) | bytes_equal(chunk, b);
    gather(either(low)) | (gather(either(high)) << 8)
}

/// [`sixteen`] eight bytes at a time in plain integers, for any processor.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn sixteen_portable(low: u64, high: u64) -> Sixteen {
    // The high bit of each byte, gathered into the low eight bits.
    let gather = |flags: u64| ((flags >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32;
    let both = |test: &dyn Fn(u64) -> u64| gather(test(low)) | (gather(test(high)) << 8);
    Sixteen {
        word: both(&ascii_alphanumeric),
        space: both(&|chunk| bytes_equal(chunk, b' ')),
        lower_case: both(&|chunk| {
            let seven = chunk & LOW_SEVEN;
            at_least(seven, b'a') & at_most(seven, b'z') & !chunk & HIGH
        }),
        y: both(&|chunk| bytes_equal(chunk | CASE_BIT, b'y')),
        outside: both(&|chunk| chunk & HIGH),
    }
}

/// Normalise article text into its words, each mapped back to its original bytes, and note its
/// [`Landmarks`] and the words that may start a name on the way.
///
/// The text is read sixteen bytes at a time: a few tests on all of them at once say which are
/// letters and digits, spaces, lower-case letters, "y"s and outside ASCII, and from those where
/// words start and end; there is work byte by byte only where a word starts or ends, at
/// punctuation and at bytes outside ASCII. Words next to letters outside ASCII are
/// transliterated afterwards, when there are any.
pub fn normalize_text(text: &str) -> Normalized {
    let bytes = text.as_bytes();
    let len = bytes.len();
    // Every word takes a byte and a separator at least: room for all of them at once.
    let mut words: Vec<NormalWord> = Vec::with_capacity(len / 2 + 1);
    let mut landmarks = Landmarks {
        stops: Vec::with_capacity(len / 64),
        credit_anchors: Vec::with_capacity(len / 32),
    };
    let mut name_starts: Vec<u32> = Vec::with_capacity(len / 24);
    let mut letters_outside_ascii: Vec<u32> = Vec::new();
    // 1 when the byte before the sixteen is a letter or digit.
    let mut word_before = 0u32;
    // The start of the word going on from the sixteen bytes before, if any.
    let mut open: Option<u32> = None;
    let word = |start: u32, end: u32| NormalWord {
        start,
        end,
        at: start,
        len: end - start,
    };
    let mut base = 0;
    while base < len {
        let kind = sixteen(eight_at(bytes, base), eight_at(bytes, base + 8));
        let before = (kind.word << 1) | word_before;
        word_before = kind.word >> 15;
        // Starts and ends alternate: each start is followed by its end, here or later.
        let mut starts = kind.word & !before;
        let mut ends = !kind.word & before & 0xFFFF;
        if let Some(start) = open
            && ends != 0
        {
            words.push(word(start, (base + ends.trailing_zeros() as usize) as u32));
            ends &= ends - 1;
            open = None;
        }
        while starts != 0 {
            let start = (base + starts.trailing_zeros() as usize) as u32;
            // Names never start with a lower-case letter.
            if starts & starts.wrapping_neg() & kind.lower_case == 0 {
                name_starts.push(words.len() as u32);
            }
            starts &= starts - 1;
            if ends == 0 {
                open = Some(start);
                break;
            }
            words.push(word(start, (base + ends.trailing_zeros() as usize) as u32));
            ends &= ends - 1;
        }

        // Landmarks: the "y"s of words, and punctuation looked up byte by byte (a few bytes in a
        // hundred).
        let mut anchors = kind.y;
        let mut stops = 0u32;
        let mut punctuation = !(kind.word | kind.space | kind.outside) & 0xFFFF;
        while punctuation != 0 {
            let at = base + punctuation.trailing_zeros() as usize;
            let flags = bytes.get(at).map_or(0, |&b| BYTE_FLAGS[b as usize]);
            let bit = punctuation & punctuation.wrapping_neg();
            if flags & STOP != 0 {
                stops |= bit;
            } else if flags & ANCHOR != 0 {
                anchors |= bit;
            }
            punctuation ^= bit;
        }
        let mut outside = kind.outside;
        while outside != 0 {
            let at = base + outside.trailing_zeros() as usize;
            let b = bytes.get(at).copied().unwrap_or(0);
            if b >= 0xC0 {
                // The first byte of a character.
                let c = text
                    .get(at..)
                    .and_then(|rest| rest.chars().next())
                    .unwrap_or(' ');
                if is_alphanumeric(c) {
                    letters_outside_ascii.push(at as u32);
                }
            } else if b == 0xA9 && at > 0 && bytes[at - 1] == 0xC2 {
                // The last byte of "©".
                anchors |= outside & outside.wrapping_neg();
            }
            outside &= outside - 1;
        }
        while stops != 0 {
            landmarks
                .stops
                .push((base + stops.trailing_zeros() as usize) as u32);
            stops &= stops - 1;
        }
        while anchors != 0 {
            landmarks
                .credit_anchors
                .push((base + anchors.trailing_zeros() as usize) as u32);
            anchors &= anchors - 1;
        }
        base += 16;
    }
    // A word that runs to the end of the text.
    if let Some(start) = open {
        words.push(word(start, len as u32));
    }
    // The library's lower-casing goes through many bytes at once, and keeps the text UTF-8.
    let mut lower = text.to_ascii_lowercase();
    if !letters_outside_ascii.is_empty() {
        transliterate_words(
            text,
            &mut lower,
            &mut words,
            &mut name_starts,
            &letters_outside_ascii,
        );
    }
    Normalized {
        lower,
        text_len: len,
        words,
        landmarks,
        name_starts,
        letters_outside_ascii,
    }
}

/// Replaces the runs of ASCII letters and digits next to letters outside ASCII by the words of
/// the normal form there: every character of such a stretch of letters transliterated and
/// folded, its bytes added to `lower` after the text, split where the transliteration gives a
/// separator. Names may start at words whose first letter comes from a character that is not
/// lower case. `outside` is [`Normalized::letters_outside_ascii`]; the runs between stretches
/// are copied as they are, with their name starts.
fn transliterate_words(
    text: &str,
    lower: &mut String,
    words: &mut Vec<NormalWord>,
    name_starts: &mut Vec<u32>,
    outside: &[u32],
) {
    let runs = std::mem::take(words);
    let run_name_starts = std::mem::take(name_starts);
    words.reserve(runs.len() + outside.len());
    // Runs up to `copied` are taken, and name starts up to `next_name`.
    let mut copied = 0;
    let mut next_name = 0;
    let mut letter = 0;
    while let Some(&letter_at) = outside.get(letter) {
        // The run that ends at the letter is part of its stretch: runs hold no byte outside
        // ASCII, so a run that starts before the letter ends at it or before.
        let run = copied + runs[copied..].partition_point(|r| r.end < letter_at);
        let joined = runs.get(run).is_some_and(|r| r.end == letter_at);
        let from = if joined {
            runs[run].start as usize
        } else {
            letter_at as usize
        };
        // A run's index moves by this much (less when stretches joined runs into fewer words):
        // a wrapping add of a wrapped difference moves it back as well as forward.
        let shift = (words.len() as u32).wrapping_sub(copied as u32);
        words.extend_from_slice(&runs[copied..run]);
        while let Some(&name) = run_name_starts.get(next_name) {
            if name as usize >= run {
                break;
            }
            name_starts.push(name.wrapping_add(shift));
            next_name += 1;
        }
        copied = run;
        let mut to = from;
        loop {
            if runs.get(copied).is_some_and(|r| r.start as usize == to) {
                to = runs[copied].end as usize;
                copied += 1;
            } else if outside.get(letter).is_some_and(|&l| l as usize == to) {
                to += text
                    .get(to..)
                    .and_then(|rest| rest.chars().next())
                    .map_or(1, char::len_utf8);
                letter += 1;
            } else {
                break;
            }
        }
        while run_name_starts
            .get(next_name)
            .is_some_and(|&name| (name as usize) < copied)
        {
            next_name += 1;
        }
        let mut current: Option<NormalWord> = None;
        for (offset, c) in text.get(from..to).unwrap_or("").char_indices() {
            let at = from + offset;
            let mut add = |b: u8| {
                let folded = fold(b);
                if folded == b' ' {
                    if let Some(word) = current.take() {
                        words.push(word);
                    }
                    return;
                }
                let word = current.get_or_insert_with(|| {
                    if !c.is_lowercase() {
                        name_starts.push(words.len() as u32);
                    }
                    NormalWord {
                        start: at as u32,
                        end: at as u32,
                        at: lower.len() as u32,
                        len: 0,
                    }
                });
                lower.push(char::from(folded));
                word.len += 1;
                word.end = (at + c.len_utf8()) as u32;
            };
            if c.is_ascii() {
                add(c as u8);
            } else {
                for b in transliterate(c).bytes() {
                    add(b);
                }
            }
        }
        if let Some(word) = current {
            words.push(word);
        }
    }
    let shift = (words.len() as u32).wrapping_sub(copied as u32);
    words.extend_from_slice(&runs[copied..]);
    name_starts.extend(
        run_name_starts[next_name..]
            .iter()
            .map(|&name| name.wrapping_add(shift)),
    );
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

    /// The normaliser as it was before it kept words: the normal form written out with a map
    /// of runs back to the original. The definition the word-keeping one is held to.
    mod plain {
        use super::super::*;
        use crate::gazetteer::landmarks::{NON_ASCII, WORD};

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
            /// Where each letter or digit outside ASCII starts, in order.
            pub letters_outside_ascii: Vec<u32>,
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

        /// Normalise article text, keeping the map back to original byte offsets, and note its
        /// [`Landmarks`] and the words that may start a name on the way.
        pub fn normalize_text_plain(text: &str) -> Normalized {
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
                letters_outside_ascii,
            }
        }
    }

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

    /// The original bytes of the word of `n` whose letters are `letters`.
    fn original_of<'t>(text: &'t str, n: &Normalized, letters: &str) -> &'t str {
        let word = n
            .words
            .iter()
            .find(|w| n.letters(w) == letters.as_bytes())
            .unwrap_or_else(|| panic!("no word {letters:?}"));
        &text[word.start as usize..word.end as usize]
    }

    #[test]
    fn offsets_map_back_to_the_original_bytes() {
        let text = "Shelling hit Şuşa, and Gəncə.";
        let n = normalize_text(text);
        assert_eq!(n.text(), " shelling hit susa and gence ");
        assert_eq!(original_of(text, &n, "susa"), "Şuşa");
        assert_eq!(original_of(text, &n, "gence"), "Gəncə");
    }

    #[test]
    fn every_word_maps_back_across_collapsed_and_transliterated_characters() {
        let text = "Near  Ağdam -- and “Xankəndi”, (Şuşa);\n\nSTEPANAKERT’s 15km—Füzuli.";
        let n = normalize_text(text);
        assert_eq!(
            n.text(),
            " near agdam and xankendi susa stepanakert s 15km fuzuli "
        );
        for word in &n.words {
            let original = &text[word.start as usize..word.end as usize];
            let letters = std::str::from_utf8(n.letters(word)).unwrap_or("");
            assert_eq!(normalize_name(original), letters, "{original:?}");
        }
    }

    /// Texts with every kind of byte the normaliser tells apart: words cut by eight-byte
    /// boundaries, letters outside ASCII alone, at word starts, ends and middles, characters
    /// that transliterate to several words or to nothing, quotes, dashes, "©" across eight
    /// bytes, credit anchors, stops, a word at the very end.
    fn awkward_texts() -> Vec<String> {
        let mut texts: Vec<String> = [
            "Near  Ağdam -- and “Xankəndi”, (Şuşa);\n\nSTEPANAKERT’s 15km—Füzuli. ß ﬁ 北京 end",
            "  leading spaces, then words... and (more) words ʻAli O‘zbekiston  ",
            "plain",
            "",
            "x",
            "1234567©2020 Photo: Reuters (c) Yerevan/BAKU? Yes! daY.",
            "abcdefg©x abcdefgh©y ©©© é©é 123456789012345678 ABCDEFGHIJKLMNOPQ",
            "ǝx yǝ Əliyev\u{2019}s 9-10 km; x\u{300}y ‘quoted’ end şUşa Şuşa ŞUŞA ıI",
            "Москва and Ереван: Баку 2020, Երևան (Yerevan) ΑΘΗΝΑ.\nNEW LINE éclair²³ ½ x\u{345}",
            "tab\there\r\nnul\u{0}byte ~`^_[]{}|\\@#$%&*+=<>/ end1",
            "Ganja's 2nd district, Tartar-Barda, u.s. U.S. ABC123def ghi",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        texts.extend(crate::seed_texts::seed_texts());
        // Every text again behind one to seven bytes, so that each byte meets every place in
        // the eight it is read with.
        let shifted: Vec<String> = texts
            .iter()
            .take(11)
            .flat_map(|t| (1..8).map(move |k| format!("{}{t}", &"Ab.c d©"[..k.min(6)])))
            .collect();
        texts.extend(shifted);
        texts
    }

    /// The tests on sixteen bytes at once answer as the plain ones, for every byte at every
    /// place, and for mixes of them.
    #[test]
    fn sixteen_bytes_are_told_as_plain_integers_tell_them() {
        let plain_bit = |b: u8| Sixteen {
            word: u32::from(b.is_ascii_alphanumeric()),
            space: u32::from(b == b' '),
            lower_case: u32::from(b.is_ascii_lowercase()),
            y: u32::from(b == b'y' || b == b'Y'),
            outside: u32::from(!b.is_ascii()),
        };
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut cases: Vec<[u8; 16]> = Vec::new();
        for b in 0..=255u8 {
            for place in 0..16 {
                let mut bytes = *b"Ab y9 ,Z.\n\xc2\xa9-(q!";
                bytes[place] = b;
                cases.push(bytes);
            }
        }
        for _ in 0..20_000 {
            let mut bytes = [0u8; 16];
            for (i, b) in bytes.iter_mut().enumerate() {
                *b = (next() >> (i % 8)) as u8;
            }
            cases.push(bytes);
        }
        for bytes in cases {
            let low = u64::from_le_bytes(bytes[..8].try_into().unwrap_or([0; 8]));
            let high = u64::from_le_bytes(bytes[8..].try_into().unwrap_or([0; 8]));
            let mut expected = Sixteen {
                word: 0,
                space: 0,
                lower_case: 0,
                y: 0,
                outside: 0,
            };
            for (k, &b) in bytes.iter().enumerate() {
                let bit = plain_bit(b);
                expected.word |= bit.word << k;
                expected.space |= bit.space << k;
                expected.lower_case |= bit.lower_case << k;
                expected.y |= bit.y << k;
                expected.outside |= bit.outside << k;
            }
            assert_eq!(sixteen(low, high), expected, "{bytes:?}");
            assert_eq!(sixteen_portable(low, high), expected, "{bytes:?}");
            let either = bytes.iter().enumerate().fold(0, |mask, (k, &b)| {
                mask | (u32::from(b == b'k' || b == b'm') << k)
            });
            assert_eq!(sixteen_either(low, high, b'k', b'm'), either, "{bytes:?}");
            assert_eq!(sixteen_either_portable(low, high, b'k', b'm'), either);
        }
    }

    /// The words, their offsets, the name starts and the landmarks are those of the normaliser
    /// that wrote the normal form out byte by byte.
    #[test]
    fn words_are_those_of_the_normal_form_written_out() {
        for text in awkward_texts() {
            let n = normalize_text(&text);
            let old = plain::normalize_text_plain(&text);
            assert_eq!(n.text(), old.text, "{text:?}");
            assert_eq!(n.lower_text(), text.to_ascii_lowercase());
            // Each word's place in the written-out form, and its original range there.
            let mut at = 1;
            let mut old_starts = Vec::new();
            for (index, word) in n.words.iter().enumerate() {
                let len = word.len as usize;
                assert_eq!(
                    old.original_range(at, at + len),
                    (word.start as usize, word.end as usize),
                    "{text:?} word {index}"
                );
                if old.name_starts.contains(&(at as u32)) {
                    old_starts.push(index as u32);
                }
                at += len + 1;
            }
            assert_eq!(n.name_starts, old_starts, "{text:?}");
            assert_eq!(n.landmarks.stops, old.landmarks.stops, "{text:?}");
            assert_eq!(
                n.landmarks.credit_anchors, old.landmarks.credit_anchors,
                "{text:?}"
            );
            assert_eq!(
                n.letters_outside_ascii, old.letters_outside_ascii,
                "{text:?}"
            );
        }
    }

    /// The shortcut answers as the general tables do, for every character.
    #[test]
    fn letters_and_digits_are_told_as_the_standard_library_tells_them() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn possessive_apostrophe_leaves_the_name_whole() {
        assert_eq!(normalize_text("Moscow's offer").text(), " moscow s offer ");
        assert_eq!(normalize_text("Moscow’s offer").text(), " moscow s offer ");
    }
}
