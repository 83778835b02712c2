//! Temporal expressions → days.
//!
//! [`time_refs`] finds the time words of one sentence ("on Thursday", "yesterday", "overnight",
//! "the night from Wednesday to Thursday", "Oct. 9", "on the seventh day of fighting", "since
//! September 27", "in 1994") and resolves each against the article's publication day. [`event_day`]
//! then picks the one that dates the sentence's main event, or falls back to the publication day.
//!
//! The scanner works on word tokens of the sentence (no regular expressions): one pass, a few
//! comparisons per word, so a sentence costs microseconds. The same scan feeds the publication-date
//! inference in `corpus::published` through [`scan`].
//!
//! Conventions (the same as the reference annotations):
//! - A weekday in the past ("on Thursday") is the latest such weekday on or before publication: news
//!   wires name the day itself ("said on Saturday" in a Saturday report), a week-old day is "last
//!   Thursday". With a future cue ("will meet on Monday", "was to be received Monday") it is the next
//!   such weekday after publication, and the reference is `planned`.
//! - A night is dated to its evening: "overnight" and "last night" in an article of day D mean the
//!   night D-1 → D, so D-1; "the night from Wednesday to Thursday" is Wednesday.
//! - "in recent days", "the past week", "this week" name no single day: they are
//!   [`RefKind::Period`] with no day, and [`event_day`] dates such a sentence to the publication day
//!   as implicit (the report is as of that day). A stretch that ended before it ("earlier this
//!   week", "last week") tells of some past day it does not name: no day.
//! - "since September 27", "for 13 days" start a duration: [`RefKind::Since`], never the event's day.
//! - Years before the publication year, decades and "for 28 years" are [`RefKind::Background`] (or a
//!   background `Since`) and never give a day.

use std::ops::Range;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::corpus::war_start;
use crate::model::{Certainty, Status};

/// The year given to dates without one when nothing else tells ("Sept. 27" in the 2020 war).
/// [`time_refs`] uses the publication year instead (see [`nearest_year`]); publication-date inference
/// uses this constant unless the text names a year.
pub const DEFAULT_YEAR: i32 = 2020;

/// What a time reference stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RefKind {
    /// One day: a weekday, a date, "yesterday", "Friday morning", "the seventh day of fighting".
    Day,
    /// A night, dated to its evening: "overnight", "last night", "the night from Wednesday to Thursday".
    Night,
    /// The start of something still going on: "since September 27", "since Sunday", "for 13 days"
    /// (the day is the first day of the duration). Never the day of the sentence's event.
    Since,
    /// A stretch of days without a single day: "in recent days", "the past week", "earlier this week".
    Period,
    /// A past before this war: "in 1988", "a 1994 ceasefire", "in the Nineties".
    Background,
}

/// One time expression found in a sentence and the day it stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeRef {
    /// The day, or `None` for background ("in 1994", "since the 1990s") or days that cannot be placed.
    pub day: Option<NaiveDate>,
    /// Byte offsets within the sentence given to [`time_refs`].
    pub start: usize,
    pub end: usize,
    pub words: String,
    /// How the day was computed: the facts, written out by [`TimeRef::why`] only for the references
    /// an event keeps.
    reason: Reason,
    /// Future tense: "was to be received Monday".
    pub planned: bool,
    /// A past the article recalls (1988, 1994, the 1990s): never a day of this war.
    pub background: bool,
    pub kind: RefKind,
    /// Inside quotation marks: the speaker's words.
    pub quoted: bool,
    /// Attached to a reporting verb ("said on Thursday", "announced … Thursday evening"): the day of
    /// the statement, which gives way to another day the sentence names for what was said.
    pub speech: bool,
    /// Counted from the publication day as "now" ("yesterday", "tonight", "overnight"). Inside a
    /// quotation "now" is the speaker's day, which the article may not give.
    pub relative: bool,
    /// A month of this war before the publication's ("in early November" in a December paper):
    /// some day of it, not the day of the report.
    pub earlier_month: bool,
}

/// Part of a day named with a weekday or a relative day ("Friday morning", "yesterday evening").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl PartOfDay {
    fn word(self) -> &'static str {
        match self {
            PartOfDay::Morning => "morning",
            PartOfDay::Afternoon => "afternoon",
            PartOfDay::Evening => "evening",
            PartOfDay::Night => "night",
        }
    }
}

/// How a weekday is shifted by the word before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeekdayShift {
    /// "on Thursday": on or before publication (after it with a future cue).
    Plain,
    /// "last Thursday": strictly before publication.
    Last,
    /// "next Thursday", "this coming Thursday": strictly after publication.
    Next,
}

/// An unresolved time expression: what the words say, before a publication day is known.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Expr {
    Weekday {
        weekday: Weekday,
        part: Option<PartOfDay>,
        shift: WeekdayShift,
    },
    /// "the night from Wednesday to Thursday": the evening's weekday and the morning's.
    NightBetween {
        evening: Weekday,
        morning: Weekday,
    },
    Date {
        month: u32,
        day: u32,
        year: Option<i32>,
        weekday: Option<Weekday>,
    },
    /// "yesterday" (-1), "today", "tonight", "this evening" (0), "tomorrow" (+1).
    Relative {
        offset: i64,
        part: Option<PartOfDay>,
    },
    /// "last night": the night before publication.
    LastNight,
    /// "overnight", "during the night", "all night": the night before the sentence's anchor day.
    Overnight,
    /// "during the day", "in the evening": the sentence's anchor day.
    SameDay,
    /// "the seventh day of fighting"; `eve`: "on the eve of a fifth day of clashes".
    WarDay {
        ordinal: u32,
        eve: bool,
    },
    /// "for 13 days" of fighting, "two weeks of fighting" (`approx` when counted in weeks).
    WarDuration {
        days: u32,
        approx: bool,
    },
    Period,
    /// "in 1988", "a 1994 ceasefire".
    PastYear {
        year: i32,
    },
    /// "a day earlier", "the day before", "the previous day" (1); "two days earlier" (2).
    DaysBefore(u32),
    /// "a day later", "the following day", "the next day" (1); "two days later" (2).
    DaysAfter(u32),
    /// "in April 2016", "July of this year": a month with no day, before this war or during it.
    PastMonth {
        month: u32,
        year: Option<i32>,
        last_year: bool,
    },
    /// "the 1990s", "the Nineties".
    Decade,
    /// "for 28 years", "for decades", "30 years ago".
    PastSpan,
}

/// One expression with where it stands and what surrounds it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Found {
    pub expr: Expr,
    /// Byte range within the scanned text.
    pub start: usize,
    pub end: usize,
    /// Introduced by "since" (or an appositive right after "since …").
    pub since: bool,
    /// A future cue precedes it in its clause ("will", "was to be", "scheduled", "invited … for").
    pub future: bool,
    pub quoted: bool,
    pub speech: bool,
}

/// One text's sentences and the time expressions of some of them, found while dating it: each
/// scanned sentence's byte range with what [`scan`] finds in it. Neither depends on the
/// publication day, so the extraction reads these instead of splitting the text and scanning the
/// same sentences again. Kept with the article's publication date (≈ 1 KB for a 4 KB article,
/// offsets held in 32 bits, the expressions of all sentences in one list); not saved (it is what
/// the text gives, made again on reading).
#[derive(Clone, Debug, Default)]
pub struct TimeScans {
    /// The length of the text split and scanned: nothing is read for a text of another length,
    /// nor for a text longer than 32-bit offsets reach (then nothing is kept).
    text_len: usize,
    /// Every sentence of the text ([`crate::text::sentences`]): `None` when not kept (a date set
    /// by hand, a text too long).
    sentences: Option<Box<[(u32, u32)]>>,
    /// The scanned sentences in the order of their ranges, which do not overlap, each with its
    /// expressions' range in `found`.
    scanned: Box<[ScannedSentence]>,
    found: Box<[Found]>,
}

#[derive(Clone, Copy, Debug)]
struct ScannedSentence {
    start: u32,
    end: u32,
    found_from: u32,
    found_to: u32,
}

impl TimeScans {
    /// The sentences of `text` (all of them, as [`crate::text::sentences`] gives them) and the
    /// scans of some at the given ranges; scans out of order, overlapping or outside the text are
    /// left out.
    pub fn new(
        text: &str,
        sentences: &[Range<usize>],
        scanned: Vec<(Range<usize>, Vec<Found>)>,
    ) -> TimeScans {
        let offset = |at: usize| u32::try_from(at).ok();
        if offset(text.len()).is_none() {
            return TimeScans::default();
        }
        let mut kept: Vec<ScannedSentence> = Vec::with_capacity(scanned.len());
        let mut all_found: Vec<Found> = Vec::new();
        for (range, found) in scanned {
            let after_the_last = kept
                .last()
                .is_none_or(|last| last.end as usize <= range.start);
            let (Some(start), Some(end)) = (offset(range.start), offset(range.end)) else {
                continue;
            };
            if !after_the_last || text.get(range).is_none() {
                continue;
            }
            let found_from = all_found.len() as u32;
            all_found.extend(found);
            kept.push(ScannedSentence {
                start,
                end,
                found_from,
                found_to: all_found.len() as u32,
            });
        }
        TimeScans {
            text_len: text.len(),
            sentences: Some(
                sentences
                    .iter()
                    .map(|r| (r.start as u32, r.end as u32))
                    .collect(),
            ),
            scanned: kept.into_boxed_slice(),
            found: all_found.into_boxed_slice(),
        }
    }

    /// What [`scan`] finds in `text[range]`, when that sentence was scanned.
    pub fn of(&self, text: &str, range: &Range<usize>) -> Option<&[Found]> {
        if text.len() != self.text_len {
            return None;
        }
        let at = self
            .scanned
            .partition_point(|s| (s.start as usize) < range.start);
        let scanned = self.scanned.get(at)?;
        (scanned.start as usize == range.start && scanned.end as usize == range.end)
            .then(|| &self.found[scanned.found_from as usize..scanned.found_to as usize])
    }

    /// Whether these are the scans of `text`: a sentence of it with no scan then names no time.
    pub fn cover(&self, text: &str) -> bool {
        text.len() == self.text_len && self.sentences.is_some()
    }

    /// The sentences of `text`, when kept for it.
    pub fn sentences(&self, text: &str) -> Option<Vec<Range<usize>>> {
        if text.len() != self.text_len {
            return None;
        }
        let sentences = self.sentences.as_ref()?;
        Some(
            sentences
                .iter()
                .map(|&(start, end)| start as usize..end as usize)
                .collect(),
        )
    }

    /// How many sentences were scanned.
    pub fn len(&self) -> usize {
        self.scanned.len()
    }

    pub fn is_empty(&self) -> bool {
        self.scanned.is_empty()
    }

    /// The bytes held outside the value itself.
    pub fn heap_bytes(&self) -> usize {
        self.sentences
            .as_ref()
            .map_or(0, |s| std::mem::size_of_val(&**s))
            + std::mem::size_of_val(&*self.scanned)
            + std::mem::size_of_val(&*self.found)
    }
}

/// Scans are what the text gives, not facts of their own: two publication dates are alike
/// whatever scans they carry (one read back from a file carries none).
impl PartialEq for TimeScans {
    fn eq(&self, _: &TimeScans) -> bool {
        true
    }
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    /// The matchers that can start at this word ([`starts`] bits), looked up once per token.
    starts: u8,
    /// What else the scanner asks of the word ([`class`] bits).
    class: u16,
    /// A clause break (',', ';', ':', '(', dash) lies between the previous token and this one.
    break_before: bool,
    quoted: bool,
}

/// How the tokeniser treats a byte: an ASCII letter or digit, an ASCII byte that only ends a word
/// (space, '.', '-', …), or one that needs a closer look (quotes, apostrophes, clause breaks,
/// and every byte of a character outside ASCII).
const ASCII_WORD: u8 = 0;
const ASCII_PLAIN: u8 = 1;
const SPECIAL: u8 = 2;

const BYTE_CLASS: [u8; 256] = {
    let mut class = [SPECIAL; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        class[b] = if byte.is_ascii_alphanumeric() {
            ASCII_WORD
        } else if matches!(byte, b'\'' | b'"' | b',' | b';' | b':' | b'(' | b')') {
            SPECIAL
        } else {
            ASCII_PLAIN
        };
        b += 1;
    }
    class
};

/// The end of the run of ASCII letters and digits that goes on at byte `from`: eight bytes are
/// tested at a time (every byte of every scanned sentence passes here, most of them in words).
fn ascii_word_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let not_word = not_ascii_alphanumeric(u64::from_le_bytes(eight));
        if not_word != 0 {
            // Little-endian: the lowest marked byte is the first one in the text.
            return i + (not_word.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && BYTE_CLASS[usize::from(bytes[i])] == ASCII_WORD {
        i += 1;
    }
    i
}

/// The eight bytes from `from` as a little-endian number, zeros past the end.
#[inline]
fn eight_bytes_at(bytes: &[u8], from: usize) -> u64 {
    match bytes.get(from..from + 8) {
        Some(chunk) => {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(chunk);
            u64::from_le_bytes(eight)
        }
        None => word_head(bytes.get(from..).unwrap_or_default()),
    }
}

/// The high bit of each byte of `word` that is an ASCII letter.
#[inline(always)]
fn ascii_letters(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // As in `not_ascii_alphanumeric`.
    let folded = (word & !HIGHS) | (ONES * 0x20);
    let at_least_a = folded + ONES * u64::from(0x80 - b'a');
    let above_z = folded + ONES * u64::from(0x7F - b'z');
    at_least_a & !above_z & !word & HIGHS
}

/// The high bit of each byte of `word` that is not an ASCII letter or digit.
fn not_ascii_alphanumeric(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Each byte's low seven bits: the sums below then never carry into the next byte.
    let low = word & !HIGHS;
    // High bit set where the byte is at least `lo` (`at_least`) or above `hi` (`above`).
    let at_least = |b: u64, lo: u8| b + ONES * u64::from(0x80 - lo);
    let above = |b: u64, hi: u8| b + ONES * u64::from(0x7F - hi);
    let digit = at_least(low, b'0') & !above(low, b'9');
    // Setting bit 5 turns capitals into small letters and no other byte into one.
    let folded = low | (ONES * 0x20);
    let letter = at_least(folded, b'a') & !above(folded, b'z');
    let ascii = !word;
    !(ascii & (digit | letter)) & HIGHS
}

struct Toks<'a> {
    text: &'a str,
    /// `text.to_ascii_lowercase()`: ASCII lowercasing keeps byte offsets, so a token's range is
    /// its word in both.
    lower: &'a str,
    toks: Vec<Tok>,
    /// The [`class`] bits of all tokens together.
    classes: u16,
}

/// Whether a straight apostrophe goes on with its word ("o'clock", "Ma'arif"): not a
/// possessive "'s", which ends it as a curly one does, so "Monday's shelling" names Monday.
fn apostrophe_joins(after: &str) -> bool {
    let mut chars = after.chars();
    match chars.next() {
        Some('s' | 'S') => chars.next().is_some_and(char::is_alphanumeric),
        Some(c) => c.is_alphanumeric(),
        None => false,
    }
}

fn is_word_char(c: char) -> bool {
    // Quotes and dashes are the commonest characters outside ASCII in news text, and the Unicode
    // tables take long to tell that they are no letters.
    !matches!(c, '“' | '”' | '‘' | '’' | '–' | '—' | '…' | '«' | '»' | '•') && c.is_alphanumeric()
}

impl<'a> Toks<'a> {
    /// `lower` is `text.to_ascii_lowercase()`.
    #[cfg(test)]
    fn new(text: &'a str, lower: &'a str) -> Self {
        Self::with_buffer(text, lower, Vec::new())
    }

    /// The tokens of `text`, written into `toks` (emptied first): the scanner keeps one buffer
    /// across the sentences instead of allocating one for each. `lower` is
    /// `text.to_ascii_lowercase()`, possibly followed by zero bytes, which let the tokeniser read
    /// eight bytes at a time up to the text's end.
    fn with_buffer(text: &'a str, lower: &'a str, mut toks: Vec<Tok>) -> Self {
        toks.clear();
        toks.reserve(text.len() / 5 + 1);
        let n = text.len();
        let bytes = lower.as_bytes();
        let mut classes = 0;
        let mut in_straight_quote = false;
        let mut curly_depth = 0usize;
        // `in_straight_quote || curly_depth > 0`, kept up to date where either changes.
        let mut quoted = false;
        let mut pending_break = false;
        let mut word_start: Option<usize> = None;
        let mut word_quoted = false;
        let mut push = |s: usize,
                        e: usize,
                        (starts, class): (u8, u16),
                        q: bool,
                        brk: &mut bool,
                        toks: &mut Vec<Tok>| {
            classes |= class;
            toks.push(Tok {
                start: s,
                end: e,
                starts,
                class,
                break_before: *brk,
                quoted: q,
            });
            *brk = false;
        };
        let mut i = 0;
        while i < n {
            // Eight bytes at once: whether a word starts here, and where it ends when it is
            // shorter than eight bytes (most are).
            let eight = eight_bytes_at(bytes, i);
            let not_word = not_ascii_alphanumeric(eight);
            if not_word & 0x80 == 0 {
                // `next` is the byte that ends the word: a zero byte past the text's end (the
                // padding, or the zeros `eight_bytes_at` reads there), which no word holds, so
                // `end` never passes `n`, and which ends a word as a space does.
                let (end, next) = if not_word == 0 {
                    let end = ascii_word_end(bytes, i + 8);
                    (end, bytes.get(end).copied().unwrap_or(0))
                } else {
                    let offset = not_word.trailing_zeros() / 8;
                    (i + offset as usize, (eight >> (8 * offset)) as u8)
                };
                debug_assert!(
                    end <= n && (end < n || BYTE_CLASS[usize::from(next)] == ASCII_PLAIN)
                );
                if word_start.is_some() {
                    i = end;
                    continue;
                }
                // Most words are plain ASCII ended by a space, a stop or a comma: taken whole
                // here. An apostrophe or a character outside ASCII after them may go on with the
                // word, which the byte-by-byte path below decides.
                let next_class = BYTE_CLASS[usize::from(next)];
                if next_class == ASCII_PLAIN || (next.is_ascii() && next != b'\'') {
                    let facts = if not_word == 0 {
                        word_facts(bytes, i, end)
                    } else {
                        // The lowest marked byte ends the word: the bytes below it are the word.
                        let below = ((not_word & not_word.wrapping_neg()) >> 7) - 1;
                        short_word_facts(eight & below, end - i)
                    };
                    push(i, end, facts, quoted, &mut pending_break, &mut toks);
                    // A plain byte after a word only ends it.
                    i = end + usize::from(next_class == ASCII_PLAIN);
                } else {
                    word_start = Some(i);
                    word_quoted = quoted;
                    i = end;
                }
                continue;
            }
            let b = bytes[i];
            if BYTE_CLASS[usize::from(b)] == ASCII_PLAIN {
                if let Some(s) = word_start.take() {
                    let facts = word_facts(bytes, s, i);
                    push(s, i, facts, word_quoted, &mut pending_break, &mut toks);
                }
                i += 1;
                continue;
            }
            let c = if b.is_ascii() {
                char::from(b)
            } else {
                match text[i..].chars().next() {
                    Some(c) => c,
                    None => break,
                }
            };
            let at = i;
            i += c.len_utf8();
            if is_word_char(c)
                || (c == '\'' && word_start.is_some() && apostrophe_joins(&text[at + 1..]))
            {
                if word_start.is_none() {
                    word_start = Some(at);
                    word_quoted = quoted;
                }
                continue;
            }
            if let Some(s) = word_start.take() {
                let facts = word_facts(bytes, s, at);
                push(s, at, facts, word_quoted, &mut pending_break, &mut toks);
            }
            match c {
                '“' | '«' => {
                    curly_depth += 1;
                    quoted = true;
                }
                '”' | '»' => {
                    curly_depth = curly_depth.saturating_sub(1);
                    quoted = in_straight_quote || curly_depth > 0;
                }
                '"' => {
                    in_straight_quote = !in_straight_quote;
                    quoted = in_straight_quote || curly_depth > 0;
                }
                ',' | ';' | ':' | '(' | ')' | '–' | '—' => pending_break = true,
                _ => {}
            }
        }
        if let Some(s) = word_start {
            let facts = word_facts(bytes, s, n);
            push(s, n, facts, word_quoted, &mut pending_break, &mut toks);
        }
        Toks {
            text,
            lower: lower.get(..n).unwrap_or_default(),
            toks,
            classes,
        }
    }

    fn len(&self) -> usize {
        self.toks.len()
    }

    /// The lowercase word at `i`, "" past the end.
    fn w(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.lower.get(t.start..t.end))
            .unwrap_or_default()
    }

    /// The byte right after token `i` ('.', ',', '-', ' ', …), 0 at the end of the text.
    fn after(&self, i: usize) -> u8 {
        self.toks
            .get(i)
            .and_then(|t| self.text.as_bytes().get(t.end))
            .copied()
            .unwrap_or(0)
    }

    /// Whether the word at `i` has one of the [`class`] bits `bits`.
    fn has(&self, i: usize, bits: u16) -> bool {
        self.toks.get(i).is_some_and(|t| t.class & bits != 0)
    }

    /// Whether the sentence speaks of fighting anywhere (any war word), so "for 13 days" counts
    /// days of war.
    fn war_context(&self) -> bool {
        self.classes & class::WAR != 0
    }

    /// The word at `i` as written.
    fn raw(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        let w = self.w(i);
        !w.is_empty() && words.contains(&w)
    }
}

// ---------------------------------------------------------------------------------------------
// Word classes

pub(crate) fn weekday(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        // "over the weekend", "last weekend": its first day.
        "weekend" => Weekday::Sat,
        _ => return None,
    })
}

/// A month name or abbreviation; `short` is true for forms that are also ordinary words or need a
/// day number next to them to be read as a month ("Mar", "May", "Oct").
pub(crate) fn month(w: &str) -> Option<(u32, bool)> {
    Some(match w {
        "january" => (1, false),
        "february" => (2, false),
        "march" => (3, true),
        "april" => (4, false),
        "may" => (5, true),
        "june" => (6, false),
        "july" => (7, false),
        "august" => (8, false),
        "september" => (9, false),
        "october" => (10, false),
        "november" => (11, false),
        "december" => (12, false),
        "jan" => (1, true),
        "feb" => (2, true),
        "mar" => (3, true),
        "apr" => (4, true),
        "jun" => (6, true),
        "jul" => (7, true),
        "aug" => (8, true),
        "sep" | "sept" => (9, true),
        "oct" => (10, true),
        "nov" => (11, true),
        "dec" => (12, true),
        _ => return None,
    })
}

/// A day of the month: "9", "27", "3rd", "9th", and typos such as "3rt".
fn day_number(w: &str) -> Option<u32> {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let suffix = &w[digits..];
    if suffix.len() > 2 || !suffix.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let n: u32 = w[..digits].parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

fn four_digit_year(w: &str) -> Option<i32> {
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = w.parse().ok()?;
    (1800..=2100).contains(&y).then_some(y)
}

fn cardinal(w: &str) -> Option<u32> {
    if let Ok(n) = w.parse::<u32>() {
        return Some(n);
    }
    Some(match w {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        _ => return None,
    })
}

fn ordinal_word(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        "fortieth" => 40,
        _ => {
            // "7th", "21st", "44th"
            let digits = w.bytes().take_while(u8::is_ascii_digit).count();
            let suffix = &w[digits..];
            if digits == 0 || !matches!(suffix, "st" | "nd" | "rd" | "th") {
                return None;
            }
            return w[..digits].parse().ok();
        }
    })
}

fn part_of_day(w: &str) -> Option<PartOfDay> {
    Some(match w {
        "morning" | "dawn" => PartOfDay::Morning,
        "afternoon" | "midday" | "noon" => PartOfDay::Afternoon,
        "evening" => PartOfDay::Evening,
        "night" => PartOfDay::Night,
        _ => return None,
    })
}

const WAR_WORDS: &[&str] = &[
    "fighting",
    "clashes",
    "war",
    "hostilities",
    "combat",
    "battles",
    "battle",
    "conflict",
    "offensive",
    "violence",
    "shelling",
    "bombardment",
    "bombardments",
    "escalation",
    "confrontation",
    "warfare",
    "fight",
    "clash",
    "attacks",
    "strikes",
];

const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "announced",
    "announces",
    "declared",
    "told",
    "stated",
    "reported",
    "added",
    "claimed",
    "denied",
    "confirmed",
    "warned",
    "insisted",
    "wrote",
    "tweeted",
    "declares",
    "reports",
    "stressed",
    "indicated",
    "specified",
];

/// Words that put the rest of their clause in the future.
/// Words that put the rest of their clause in the future.
const FUTURE_CUES: &[&str] = &[
    "will",
    "shall",
    "ll",
    "scheduled",
    "expected",
    "planned",
    "plans",
    "upcoming",
    "tomorrow",
];

const YEAR_LEAD_WORDS: &[&str] = &[
    "in", "since", "of", "a", "the", "until", "till", "by", "from", "before", "after", "between",
    "and", "to", "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter", "during",
    "around", "circa", "year",
];

const YEAR_FOLLOW_WORDS: &[&str] = &[
    "war",
    "ceasefire",
    "truce",
    "conflict",
    "agreement",
    "accord",
    "fighting",
    "clashes",
    "when",
    "elections",
    "election",
    "revolution",
    "earthquake",
    "referendum",
];

// ---------------------------------------------------------------------------------------------
// Words every expression holds

/// Every time expression holds one of these words (as a whole word, in any case) or a run of
/// four digits (a year, an ISO date): weekdays, months, parts of the day, units of time, the
/// relative days and the decades. A text without any has no expression, and [`may_name_a_time`] tells so far
/// faster than [`scan`] (most sentences of an article name no time).
#[rustfmt::skip]
pub const ANCHOR_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
    "night", "overnight", "yesterday", "today", "tomorrow", "tonight",
    "morning", "dawn", "afternoon", "midday", "noon", "evening", "weekend",
    "day", "days", "week", "weeks", "month", "months", "hours", "year", "years", "decade",
    "decades", "generations",
    // "for a few" (days, hours, …) is a stretch of days of its own.
    "few",
    "nineties", "eighties", "seventies", "sixties", "fifties", "noughties",
];

/// Every expression that names a day of the calendar or of the war ([`Expr::Date`],
/// [`Expr::Weekday`], [`Expr::NightBetween`], [`Expr::WarDay`], [`Expr::WarDuration`]) holds one
/// of these words (as a whole word, in any case) or four digits in a row (an ISO date): weekdays,
/// months and the units of counted days. Most sentences of an article hold none, and the
/// publication date, which weighs only such expressions, need not scan those.
#[rustfmt::skip]
pub const DATING_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
    "day", "days", "week", "weeks",
];

/// A word's first three bytes, lowercase when they are letters, as a number.
const fn trigram_key(head: u64) -> u32 {
    (head as u32 & 0x00FF_FFFF) | 0x0020_2020
}

const TRIGRAM_SLOTS: usize = 4096;

const fn trigram_slot(key: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B1) >> (32 - TRIGRAM_SLOTS.trailing_zeros())) as usize
}

/// One bit per slot of the first three letters of a word of [`DATING_WORDS`]: a word whose bit
/// is clear is none of them (most words), found without reading the word to its end.
const DATING_TRIGRAMS: [u64; TRIGRAM_SLOTS / 64] = {
    let mut bits = [0u64; TRIGRAM_SLOTS / 64];
    let mut k = 0;
    while k < DATING_WORDS.len() {
        let slot = trigram_slot(trigram_key(word_head(DATING_WORDS[k].as_bytes())));
        bits[slot / 64] |= 1 << (slot % 64);
        k += 1;
    }
    bits
};

/// Where the words of [`DATING_WORDS`] stand in `text` as whole words (byte offsets of their
/// starts, ascending): a sentence none of which falls in, and without four digits in a row (see
/// [`may_name_a_time`]), holds no expression that names a day.
///
/// A dating word is taken where a run of ASCII letters starts and the run of letters and digits
/// from there is the word: every dating word the scanner reads as a word is found so (and a few
/// it does not read, such as "Monday" in "Monday's" or "9Monday", which cost only a scan). The
/// runs are found eight bytes at a time, and only those starting as a dating word does are read
/// whole.
pub fn dating_word_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    // The high bit of the lowest byte set when the byte before the eight is a word's.
    let mut word_before = 0u64;
    let chunks = bytes.chunks_exact(8);
    let tail = chunks.remainder();
    let mut at = 0;
    for chunk in chunks {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        dating_words_in_eight(
            bytes,
            at,
            u64::from_le_bytes(eight),
            &mut word_before,
            &mut found,
        );
        at += 8;
    }
    if !tail.is_empty() {
        // Zeros after the text's end, which no word holds.
        let mut eight = [0u8; 8];
        eight[..tail.len()].copy_from_slice(tail);
        dating_words_in_eight(
            bytes,
            at,
            u64::from_le_bytes(eight),
            &mut word_before,
            &mut found,
        );
    }
    found
}

/// [`dating_word_starts`] for the eight bytes `eight` read at `at`.
#[inline(always)]
fn dating_words_in_eight(
    bytes: &[u8],
    at: usize,
    eight: u64,
    word_before: &mut u64,
    found: &mut Vec<usize>,
) {
    let word = ascii_letters(eight);
    let mut starts = word & !((word << 8) | *word_before);
    *word_before = word >> 56;
    while starts != 0 {
        let offset = (starts.trailing_zeros() / 8) as usize;
        starts &= starts - 1;
        // The first three letters read from the text whatever the word's place in the eight: a
        // branch on whether they lay in the eight was mispredicted for one word in twenty.
        let slot = trigram_slot(trigram_key(eight_bytes_at(bytes, at + offset)));
        if DATING_TRIGRAMS[slot / 64] & (1 << (slot % 64)) != 0
            && is_dating_word_at(bytes, at + offset)
        {
            found.push(at + offset);
        }
    }
}

/// Whether the run of ASCII letters and digits starting at `at` is one of [`DATING_WORDS`], in
/// any case.
fn is_dating_word_at(bytes: &[u8], at: usize) -> bool {
    let end = ascii_word_end(bytes, at + 1);
    let Some(word) = bytes.get(at..end).filter(|w| w.len() <= VOCAB_MAX_LEN) else {
        return false;
    };
    let mut lower = [0u8; VOCAB_MAX_LEN];
    lower[..word.len()].copy_from_slice(word);
    lower.make_ascii_lowercase();
    word_facts(&lower, 0, word.len()).1 & class::DATING != 0
}

/// False only when `text` holds no time expression: `has_anchor_word` tells whether one of
/// [`ANCHOR_WORDS`] stands in it as a whole word (the caller's word search, done anyway, tells
/// it); the rest is whether four digits follow one another.
pub fn may_name_a_time(text: &str, has_anchor_word: bool) -> bool {
    has_anchor_word || has_four_digits(text.as_bytes())
}

/// Whether four ASCII digits follow one another in `bytes`; eight bytes without a digit are
/// passed over at once.
fn has_four_digits(bytes: &[u8]) -> bool {
    let mut run = 0;
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        if ascii_digits(u64::from_le_bytes(eight)) == 0 {
            run = 0;
        } else {
            for &b in chunk {
                run = if b.is_ascii_digit() { run + 1 } else { 0 };
                if run == 4 {
                    return true;
                }
            }
        }
        i += 8;
    }
    for &b in &bytes[i..] {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
    }
    false
}

/// The high bit of each byte of `word` that is an ASCII digit.
fn ascii_digits(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // As in `not_ascii_alphanumeric`: seven bits a byte, so the sums never carry.
    let low = word & !HIGHS;
    let at_least_zero = low + ONES * u64::from(0x80 - b'0');
    let above_nine = low + ONES * u64::from(0x7F - b'9');
    at_least_zero & !above_nine & !word & HIGHS
}

// ---------------------------------------------------------------------------------------------
// Scanner

/// Finds the time expressions of a text (one sentence, or one metadata line), left to right.
pub fn scan(text: &str) -> Vec<Found> {
    scan_until(text, |_| false)
}

/// The time expressions of `text`, left to right, up to the first for which `wanted` is true
/// (the last of the list): what [`scan`] finds, without reading on once the caller has it.
pub fn scan_until(text: &str, wanted: impl FnMut(&Found) -> bool) -> Vec<Found> {
    // The buffers are taken out of the thread's slot for the scan and put back after it: a
    // `wanted` that scans too gets fresh ones instead of a borrow error.
    // A scan during the thread's teardown (its slot gone) works on buffers of its own.
    let mut scratch = SCRATCH.try_with(std::cell::Cell::take).unwrap_or_default();
    scratch.lower.clear();
    scratch.lower.push_str(text);
    scratch.lower.make_ascii_lowercase();
    scratch.lower.push_str(ZERO_PADDING);
    let t = Toks::with_buffer(text, &scratch.lower, std::mem::take(&mut scratch.toks));
    let found = scan_tokens(&t, wanted);
    scratch.toks = t.toks;
    // A sentence-sized buffer is kept; one grown by a huge text is let go. Nothing is kept once
    // the slot is gone.
    if scratch.lower.capacity() <= KEPT_SCRATCH_BYTES {
        let _ = SCRATCH.try_with(|slot| slot.set(scratch));
    }
    found
}

/// Written after the lowercase copy of a text, so that eight bytes can be read from anywhere in
/// the text: zero bytes are no letters and end the last word as the text's end does.
const ZERO_PADDING: &str = "\0\0\0\0\0\0\0\0";

/// The longest text whose buffers a thread keeps for the next scan (sentences are far shorter).
const KEPT_SCRATCH_BYTES: usize = 1 << 16;

/// The buffers one scan needs, kept between the scans of a thread (an article's sentences are
/// scanned one after another, each the size of the last).
#[derive(Default)]
struct Scratch {
    lower: String,
    toks: Vec<Tok>,
}

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::new(Scratch::default());
}

fn scan_tokens(t: &Toks, mut wanted: impl FnMut(&Found) -> bool) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut since_until: Option<usize> = None;
    let mut i = 0;
    while i < t.len() {
        let tok = t.toks[i];
        // A clause of its own after ", and" is past the reach of a "since" before it ("pounded
        // since dawn, and Martakert was hit overnight").
        if tok.break_before && since_until.is_some() && t.is(i, &["and", "but", "while", "as"]) {
            since_until = None;
        }
        // Most words start no expression and are no "since": the tokeniser's look-up rules them
        // out, and the rest try only the matchers that accept their first word.
        if tok.starts == 0 && tok.class & class::SINCE == 0 {
            debug_assert_eq!(
                match_at(t, i, starts::ALL),
                None,
                "'{}' starts an expression: STARTING_WORDS lacks it",
                t.w(i)
            );
            i += 1;
            continue;
        }
        let w = t.w(i);
        if tok.class & class::SINCE != 0 && !t.is(i + 1, &["then"]) {
            since_until = Some(i + 9);
            i += 1;
            continue;
        }

        let tried = tok.starts;
        let matched = if tried == 0 || !next_word_allows(t, i, w) {
            None
        } else {
            match_at(t, i, tried)
        };
        debug_assert_eq!(
            matched,
            match_at(t, i, starts::ALL),
            "'{w}' starts an expression: STARTING_WORDS lacks it"
        );
        let Some((expr, end_tok)) = matched else {
            i += 1;
            continue;
        };
        let first = t.toks[i];
        let last = t.toks[end_tok - 1];
        let since = since_until.is_some_and(|limit| i <= limit) || tells_the_war_start(t, i, &expr);
        if since {
            // One "since" governs one expression ("since Sunday"), possibly after an apposition
            // ("since their resumption, the September 27").
            since_until = None;
        }
        found.push(Found {
            expr,
            start: first.start,
            end: last.end,
            since,
            future: has_future_cue(t, i),
            quoted: first.quoted,
            speech: near_reporting_verb(t, i, end_tok),
        });
        if found.last().is_some_and(&mut wanted) {
            break;
        }
        i = end_tok;
    }
    found
}

/// True when the date at token `at` is the war's first day told as a start ("the war, which began
/// on September 27", "fighting that erupted September 27"): where a stretch starts, not the day
/// of what the sentence tells.
fn tells_the_war_start(t: &Toks, at: usize, expr: &Expr) -> bool {
    let start = war_start();
    if !matches!(*expr, Expr::Date { month, day, .. } if month == start.month() && day == start.day())
    {
        return false;
    }
    let verb_at = if at > 0 && t.is(at - 1, &["on"]) {
        at.checked_sub(2)
    } else {
        at.checked_sub(1)
    };
    verb_at.is_some_and(|v| {
        (t.is(v, &["began", "started", "erupted", "begun", "resumed"])
            || (v > 0 && t.is(v, &["out"]) && t.is(v - 1, &["broke"])))
            // "Martakert was shelled when the war began on 27 September": what happened as the
            // war began is dated by it.
            && !(v.saturating_sub(4)..v).any(|j| t.is(j, &["when"]))
    })
}

/// Whether the clause around token `at` is told as ahead: a future word before it in its clause
/// ("will", "was to be", "scheduled"), an invitation for it ("invited the ministers … for talks on
/// Friday"), or a future verb right after it ("On October 9, the ministers are invited").
fn has_future_cue(t: &Toks, at: usize) -> bool {
    // The words asked about are told by their tokens' class bits.
    // A clause may name the meeting's people and place between the cue and the day: "are
    // expected to meet the two countries' foreign ministers in Geneva on Thursday".
    // An aside of names between dashes is passed over, and does not count against the reach.
    let mut reach = FUTURE_CUE_REACH;
    let mut j = at;
    while j > at.saturating_sub(reach) {
        j -= 1;
        let tok = t.toks[j];
        if tok.class & class::FUTURE_CUE != 0
            || (tok.class & class::TO != 0 && t.has(j + 1, class::BE))
            || (tok.class & class::LEADS_TO != 0 && t.has(j + 1, class::TO) && !is_cause(t, j))
        {
            return true;
        }
        let aside = t.at_a_dashed_aside(j);
        if aside {
            reach = FUTURE_CUE_REACH + DASHED_ASIDE_WORDS_MAX;
        }
        if tok.break_before && j + 1 < at && !t.in_list_of_names(j) && !aside {
            break;
        }
    }
    // "for negotiations on Friday", "to talks on Friday" after an invitation in the sentence.
    let purpose = (at.saturating_sub(4)..at).any(|j| t.has(j, class::PURPOSE));
    if purpose && (at.saturating_sub(30)..at).any(|j| t.has(j, class::INVITATION)) {
        return true;
    }
    // Not past a clause of its own: "set fire to their houses on Saturday before leaving the
    // district, which is to be handed over" is past.
    (at + 1..(at + 12).min(t.len()))
        .take_while(|&j| !t.is(j, CLAUSE_OPENERS))
        .any(|j| {
            t.has(j, class::WILL) || (t.has(j, class::IS_ARE) && t.has(j + 1, class::PLANNED_AFTER))
        })
}

/// Words that open a clause of its own, whose tense is not the day's.
const CLAUSE_OPENERS: &[&str] = &[
    "before", "after", "which", "who", "when", "while", "until", "as", "because", "since",
];

impl Toks<'_> {
    /// Whether the comma before token `j` only separates names of a list ("mediators from
    /// France, Russia and the United States"): both words around it are capitalised, and the
    /// break is a bare comma.
    fn in_list_of_names(&self, j: usize) -> bool {
        let capitalised = |k: usize| {
            self.toks
                .get(k)
                .and_then(|tok| self.text.as_bytes().get(tok.start))
                .is_some_and(u8::is_ascii_uppercase)
        };
        let comma = j
            .checked_sub(1)
            .and_then(|k| self.toks.get(k))
            .zip(self.toks.get(j))
            .and_then(|(before, tok)| self.text.get(before.end..tok.start))
            .is_some_and(|gap| gap.trim() == ",");
        j > 0 && comma && capitalised(j) && capitalised(j - 1)
    }

    /// Whether the dash before token `j` opens or closes an aside of names ("is due to see the
    /// mediators - Russia, France and the United States - in Paris on Friday"): the clause goes
    /// on past it.
    fn at_a_dashed_aside(&self, j: usize) -> bool {
        let dash_before = |k: usize| {
            k.checked_sub(1)
                .and_then(|i| self.toks.get(i))
                .zip(self.toks.get(k))
                .and_then(|(before, tok)| self.text.get(before.end..tok.start))
                .is_some_and(|gap| matches!(gap.trim(), "-" | "–" | "—"))
        };
        if !dash_before(j) {
            return false;
        }
        let name_like = |k: usize| {
            self.toks
                .get(k)
                .and_then(|tok| self.text.as_bytes().get(tok.start))
                .is_some_and(u8::is_ascii_uppercase)
                || self.is(k, &["and", "the", "of"])
        };
        let closes = (j.saturating_sub(DASHED_ASIDE_WORDS_MAX)..j)
            .rev()
            .find(|&k| dash_before(k))
            .is_some_and(|k| (k..j).all(name_like));
        closes
            || (j + 1..(j + 1 + DASHED_ASIDE_WORDS_MAX).min(self.len()))
                .find(|&k| dash_before(k))
                .is_some_and(|k| (j..k).all(name_like))
    }
}

/// How many words an aside of names between two dashes holds at most.
const DASHED_ASIDE_WORDS_MAX: usize = 8;

/// How many words before a day a future cue of its clause may stand.
const FUTURE_CUE_REACH: usize = 14;

/// "due to" is a cause ("cancelled due to shelling") unless a form of "be" comes before it
/// ("is due to speak … on Monday").
fn is_cause(t: &Toks, j: usize) -> bool {
    t.is(j, &["due"]) && (j == 0 || !t.is(j - 1, &["is", "are", "was", "were"]))
}

/// Words of an invitation or a request to come: "asked both ministers to come to Moscow for
/// talks on Friday" plans the talks.
const INVITATION_WORDS: &[&str] = &["invited", "invites", "invite", "invitation", "asked"];

/// "said on Thursday", "announced the talks Thursday evening", "on Friday said": a reporting verb
/// at most three words away with no "that" between (what follows "that" is what was said).
fn near_reporting_verb(t: &Toks, start: usize, end: usize) -> bool {
    for j in (start.saturating_sub(3)..start).rev() {
        if t.is(j, &["that"]) || t.toks[j + 1].break_before {
            break;
        }
        if t.has(j, class::REPORTING) {
            return true;
        }
    }
    t.has(end, class::REPORTING)
}

/// Which `match_*` functions can succeed on an expression's first word, one bit each: the scanner
/// tries only those (most words try none).
mod starts {
    pub const NIGHT_BETWEEN: u8 = 1;
    pub const DATE: u8 = 1 << 1;
    pub const WEEKDAY: u8 = 1 << 2;
    pub const RELATIVE: u8 = 1 << 3;
    pub const WAR_DAY: u8 = 1 << 4;
    pub const DURATION: u8 = 1 << 5;
    pub const PERIOD: u8 = 1 << 6;
    pub const BACKGROUND: u8 = 1 << 7;
    /// Numbers: dates, years, decades, "7th", counts.
    pub const NUMBER: u8 = DATE | WAR_DAY | DURATION | BACKGROUND;
    pub const ALL: u8 = u8::MAX;
}

/// The words (other than numbers) an expression can start with, and the matchers that accept
/// them: the first words of `weekday`, `month`, `cardinal`, `ordinal_word` and every `match_*`.
/// A word or bit too many costs only time; one missing loses expressions, which the debug
/// assertion in [`scan`] catches on every text the tests scan.
#[rustfmt::skip]
const STARTING_WORDS: &[(u8, &[&str])] = &[
    (starts::DATE | starts::WEEKDAY, &[
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]),
    (starts::DATE, &[
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec",
    ]),
    // Not "a" or "an": though `cardinal` reads them as one, neither matcher takes them first.
    (starts::WAR_DAY | starts::DURATION, &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty", "thirty", "forty", "fifty",
    ]),
    (starts::WAR_DAY, &[
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
        "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth", "eve",
    ]),
    (starts::NIGHT_BETWEEN, &["night", "overnight"]),
    (starts::WEEKDAY, &["last", "past", "next", "coming", "this", "the", "weekend"]),
    (starts::RELATIVE, &[
        "yesterday", "today", "tomorrow", "tonight", "this", "the", "last", "overnight", "during",
        "in", "through", "throughout", "all", "late", "earlier", "later", "day", "previous",
    ]),
    (starts::DURATION, &["for"]),
    (starts::PERIOD, &["recent", "past", "last", "earlier", "later", "this", "for"]),
    (starts::BACKGROUND, &[
        "nineties", "eighties", "seventies", "sixties", "fifties", "noughties",
    ]),
];

/// What the scanner asks of a word besides the matchers it starts, one bit each: looked up once
/// per token, so the clause tests read a bit instead of comparing words with lists.
mod class {
    pub const SINCE: u16 = 1;
    /// [`super::WAR_WORDS`]
    pub const WAR: u16 = 1 << 1;
    /// [`super::FUTURE_CUES`]
    pub const FUTURE_CUE: u16 = 1 << 2;
    /// [`super::REPORTING_VERBS`]
    pub const REPORTING: u16 = 1 << 3;
    /// [`super::INVITATION_WORDS`]
    pub const INVITATION: u16 = 1 << 4;
    /// [`super::DATING_WORDS`]
    pub const DATING: u16 = 1 << 5;
    /// The words of the future cues around an expression ([`super::has_future_cue`]).
    pub const TO: u16 = 1 << 6;
    pub const BE: u16 = 1 << 7;
    /// "is", "was", "set", "going": future before "to".
    pub const LEADS_TO: u16 = 1 << 8;
    /// "for", "to": a purpose after an invitation.
    pub const PURPOSE: u16 = 1 << 9;
    pub const WILL: u16 = 1 << 10;
    pub const IS_ARE: u16 = 1 << 11;
    /// "invited", "scheduled", "due": future after "is" or "are".
    pub const PLANNED_AFTER: u16 = 1 << 12;
}

/// The word lists behind the [`class`] bits.
const CLASS_WORDS: &[(u16, &[&str])] = &[
    (class::SINCE, &["since"]),
    (class::WAR, WAR_WORDS),
    (class::FUTURE_CUE, FUTURE_CUES),
    (class::REPORTING, REPORTING_VERBS),
    (class::INVITATION, INVITATION_WORDS),
    (class::DATING, DATING_WORDS),
    (class::TO, &["to"]),
    (class::BE, &["be"]),
    (
        class::LEADS_TO,
        &["is", "are", "was", "were", "set", "going", "due"],
    ),
    (class::PURPOSE, &["for", "to"]),
    (class::WILL, &["will", "shall"]),
    (class::IS_ARE, &["is", "are"]),
    (
        class::PLANNED_AFTER,
        &[
            "invited",
            "scheduled",
            "expected",
            "due",
            "set",
            "to",
            "planned",
        ],
    ),
];

/// One word the scanner knows, with its first eight bytes as a number (compared before the rest).
#[derive(Clone, Copy)]
struct VocabWord {
    word: &'static str,
    head: u64,
    starts: u8,
    class: u16,
}

/// Open addressing over this many slots, each the index (plus one) of a word of
/// [`Vocab::words`]: mostly empty, so most words of a text end their look-up at the first slot.
const VOCAB_SLOTS: usize = 1024;
/// No word the scanner knows is longer: longer words are not looked up.
const VOCAB_MAX_LEN: usize = 16;

struct Vocab {
    words: [VocabWord; 255],
    slots: [u8; VOCAB_SLOTS],
}

/// A word's first (up to) eight bytes, little-endian, zero above its end.
const fn word_head(w: &[u8]) -> u64 {
    let mut head = 0u64;
    let mut k = 0;
    while k < w.len() && k < 8 {
        head |= (w[k] as u64) << (8 * k);
        k += 1;
    }
    head
}

/// [`word_head`] of the word at `bytes[start..start + len]`, reading eight bytes at once when the
/// text has them.
fn word_head_at(bytes: &[u8], start: usize, len: usize) -> u64 {
    match bytes.get(start..start + 8) {
        Some(chunk) => {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(chunk);
            u64::from_le_bytes(eight) & word_head_mask(len)
        }
        None => word_head(bytes.get(start..start + len).unwrap_or_default()),
    }
}

/// The bits of a word's first `len` bytes in its [`word_head`].
const fn word_head_mask(len: usize) -> u64 {
    if len >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * len)) - 1
    }
}

/// A word's slot in [`Vocab::slots`], from its first eight bytes (which hold its length too
/// when it is shorter).
const fn vocab_slot(head: u64) -> usize {
    (head.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - VOCAB_SLOTS.trailing_zeros())) as usize
}

const fn bytes_equal(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut k = 0;
    while k < a.len() {
        if a[k] != b[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// Adds `bits` to `word`'s entry, making the entry if it is new.
const fn vocab_add(
    vocab: &mut Vocab,
    count: &mut usize,
    word: &'static str,
    starts: u8,
    class: u16,
) {
    let bytes = word.as_bytes();
    assert!(!bytes.is_empty() && bytes.len() <= VOCAB_MAX_LEN);
    let mut k = 0;
    while k < *count {
        if bytes_equal(vocab.words[k].word.as_bytes(), bytes) {
            vocab.words[k].starts |= starts;
            vocab.words[k].class |= class;
            return;
        }
        k += 1;
    }
    // An index must fit a slot's byte; the table stays at most a quarter full, so look-ups of
    // unknown words end soon.
    assert!(*count < 255, "too many words for the table");
    let head = word_head(bytes);
    vocab.words[*count] = VocabWord {
        word,
        head,
        starts,
        class,
    };
    let mut slot = vocab_slot(head);
    while vocab.slots[slot] != 0 {
        slot = (slot + 1) % VOCAB_SLOTS;
    }
    *count += 1;
    vocab.slots[slot] = *count as u8;
}

const fn build_vocab() -> Vocab {
    let empty = VocabWord {
        word: "",
        head: 0,
        starts: 0,
        class: 0,
    };
    let mut vocab = Vocab {
        words: [empty; 255],
        slots: [0; VOCAB_SLOTS],
    };
    let mut count = 0;
    let mut group = 0;
    while group < STARTING_WORDS.len() {
        let (bits, words) = STARTING_WORDS[group];
        let mut k = 0;
        while k < words.len() {
            vocab_add(&mut vocab, &mut count, words[k], bits, 0);
            k += 1;
        }
        group += 1;
    }
    group = 0;
    while group < CLASS_WORDS.len() {
        let (bits, words) = CLASS_WORDS[group];
        let mut k = 0;
        while k < words.len() {
            vocab_add(&mut vocab, &mut count, words[k], 0, bits);
            k += 1;
        }
        group += 1;
    }
    vocab
}

/// Every word the scanner looks up per token: the starting words and the [`class`] words.
static VOCAB: Vocab = build_vocab();

/// The [`starts`] and [`class`] bits of the lowercase word at `lower[start..end]`; (0, 0) for
/// most words.
fn word_facts(lower: &[u8], start: usize, end: usize) -> (u8, u16) {
    let len = end - start;
    if lower.get(start).is_some_and(u8::is_ascii_digit) {
        return (starts::NUMBER, 0);
    }
    if len == 0 || len > VOCAB_MAX_LEN {
        return (0, 0);
    }
    let head = word_head_at(lower, start, len);
    let mut slot = vocab_slot(head);
    loop {
        let index = VOCAB.slots[slot];
        if index == 0 {
            return (0, 0);
        }
        let entry = &VOCAB.words[usize::from(index - 1)];
        if entry.head == head
            && entry.word.len() == len
            && (len <= 8 || entry.word.as_bytes().get(8..) == lower.get(start + 8..end))
        {
            return (entry.starts, entry.class);
        }
        slot = (slot + 1) % VOCAB_SLOTS;
    }
}

/// [`word_facts`] of a lowercase word of ASCII letters and digits, at most eight bytes long,
/// given as its [`word_head`].
#[inline]
fn short_word_facts(head: u64, len: usize) -> (u8, u16) {
    if (head as u8).is_ascii_digit() {
        return (starts::NUMBER, 0);
    }
    let mut slot = vocab_slot(head);
    loop {
        let index = VOCAB.slots[slot];
        if index == 0 {
            return (0, 0);
        }
        let entry = &VOCAB.words[usize::from(index - 1)];
        if entry.head == head && entry.word.len() == len {
            return (entry.starts, entry.class);
        }
        slot = (slot + 1) % VOCAB_SLOTS;
    }
}

/// The matchers that can succeed on an expression starting with the (lowercase) word `w`, as
/// [`starts`] bits; 0 for most words.
#[cfg(test)]
fn starting_matchers(w: &str) -> u8 {
    word_facts(w.as_bytes(), 0, w.len()).0
}

/// False when `w`, at token `i`, cannot start an expression for the word after it: "the" starts
/// only "the day before yesterday" and "the following day" or "the next day", "in" only "in the
/// night" and "in the day" (evening, afternoon). Both are among the commonest words, and ruling
/// them out here spares the matchers.
fn next_word_allows(t: &Toks, i: usize, w: &str) -> bool {
    match w {
        "the" => t.is(i + 1, &["day", "following", "next", "weekend"]),
        "in" => t.is(i + 1, &["the"]),
        _ => true,
    }
}

/// The expression starting at token `i`, with the index one past its last token.
/// Only the matchers in `tried` ([`starts`] bits) are called, in this order.
fn match_at(t: &Toks, i: usize, tried: u8) -> Option<(Expr, usize)> {
    let w = t.w(i);
    let on = |bit: u8| tried & bit != 0;
    None.or_else(|| on(starts::NIGHT_BETWEEN).then(|| match_night_between(t, i))?)
        .or_else(|| on(starts::DATE).then(|| match_date(t, i))?)
        .or_else(|| on(starts::WEEKDAY).then(|| match_weekday(t, i))?)
        .or_else(|| on(starts::RELATIVE).then(|| match_relative(t, i, w))?)
        .or_else(|| on(starts::WAR_DAY).then(|| match_war_day(t, i))?)
        .or_else(|| on(starts::DURATION).then(|| match_duration(t, i))?)
        .or_else(|| on(starts::PERIOD).then(|| match_period(t, i, w))?)
        .or_else(|| on(starts::BACKGROUND).then(|| match_background(t, i, w))?)
}

/// "the night from Wednesday to Thursday", "the night of Wednesday to Thursday", "overnight from
/// Wednesday to Thursday", "late at night from Wednesday to Thursday".
fn match_night_between(t: &Toks, i: usize) -> Option<(Expr, usize)> {
    if !t.is(i, &["night", "overnight"]) {
        return None;
    }
    let mut j = i + 1;
    if t.is(j, &["from", "of", "between"]) {
        j += 1;
        if let Some(found) = match_night_of_two_dates(t, j) {
            return Some(found);
        }
    }
    let evening = weekday(t.w(j))?;
    if !t.is(j + 1, &["to", "into", "and"]) {
        // "the night of Wednesday": that evening.
        return Some((
            Expr::Weekday {
                weekday: evening,
                part: Some(PartOfDay::Night),
                shift: WeekdayShift::Plain,
            },
            j + 1,
        ));
    }
    let morning = weekday(t.w(j + 2))?;
    // Start at "night", or at "late at night" when it is written so.
    Some((Expr::NightBetween { evening, morning }, j + 3))
}

/// "the night of 16 to 17 October", "the night from October 16 to 17", "the night of October
/// 16–17", read from the first date at `j`: the evening's date, as a night is dated.
fn match_night_of_two_dates(t: &Toks, j: usize) -> Option<(Expr, usize)> {
    let day_number = |k: usize| {
        t.w(k)
            .parse::<u32>()
            .ok()
            .filter(|d| (1..=31).contains(d) && t.w(k).len() <= 2)
    };
    // The token after the joint between the two day numbers after `k`: "to", "into", a dash.
    let after_joint = |k: usize| {
        if t.is(k + 1, &["to", "into", "and"]) {
            Some(k + 2)
        } else if matches!(t.after(k), b'-' | 0xE2) {
            Some(k + 1)
        } else {
            None
        }
    };
    let (month_number, evening, end) = if let Some(first) = day_number(j) {
        let second = after_joint(j)?;
        day_number(second)?;
        let (month_number, _) = month(t.w(second + 1))?;
        (month_number, first, second + 2)
    } else {
        let (month_number, _) = month(t.w(j))?;
        let first = day_number(j + 1)?;
        let second = after_joint(j + 1)?;
        day_number(second)?;
        (month_number, first, second + 1)
    };
    Some((
        Expr::Date {
            month: month_number,
            day: evening,
            year: None,
            weekday: None,
        },
        end,
    ))
}

fn match_date(t: &Toks, i: usize) -> Option<(Expr, usize)> {
    // ISO: 2020-10-09
    if let Some(year) = four_digit_year(t.w(i))
        && t.after(i) == b'-'
        && t.after(i + 1) == b'-'
        && t.w(i + 1).len() == 2
        && t.w(i + 2).len() == 2
    {
        let m: u32 = t.w(i + 1).parse().ok()?;
        let d: u32 = t.w(i + 2).parse().ok()?;
        NaiveDate::from_ymd_opt(year, m, d)?;
        return Some((
            Expr::Date {
                month: m,
                day: d,
                year: Some(year),
                weekday: None,
            },
            i + 3,
        ));
    }
    // Optional weekday before: "Friday October 9", "Friday, 9 October".
    let (weekday_before, j) = match weekday(t.w(i)) {
        Some(wd) => (Some(wd), i + 1),
        None => (None, i),
    };
    // Month Day [, Year]
    if let Some((m, short)) = month(t.w(j))
        && let Some(d) = day_number(t.w(j + 1))
        && (!short || t.raw(j).starts_with(|c: char| c.is_uppercase()))
    {
        let (year, end) = match four_digit_year(t.w(j + 2)) {
            Some(y) => (Some(y), j + 3),
            // "May 17-18, 1992": the year after a range of days is the first day's too (the
            // second day is read on its own, as a pair).
            None if t.after(j + 1) == b'-' && day_number(t.w(j + 2)).is_some() => {
                (four_digit_year(t.w(j + 3)), j + 2)
            }
            None => (None, j + 2),
        };
        return Some((
            Expr::Date {
                month: m,
                day: d,
                year,
                weekday: weekday_before,
            },
            end,
        ));
    }
    // Month Year, Month [of] this/last year: a month, no day ("an escalation in April 2016").
    if weekday_before.is_none()
        && let Some((m, short)) = month(t.w(j))
        && (!short || t.raw(j).starts_with(|c: char| c.is_uppercase()))
    {
        if let Some(year) = four_digit_year(t.w(j + 1)) {
            return Some((
                Expr::PastMonth {
                    month: m,
                    year: Some(year),
                    last_year: false,
                },
                j + 2,
            ));
        }
        let k = if t.is(j + 1, &["of"]) { j + 2 } else { j + 1 };
        if t.is(k, &["this", "last"]) && t.is(k + 1, &["year"]) {
            return Some((
                Expr::PastMonth {
                    month: m,
                    year: None,
                    last_year: t.is(k, &["last"]),
                },
                k + 2,
            ));
        }
        // "struck several times in October", "during November": a month of the publication's
        // year, no day.
        if !short
            && j > 0
            && t.is(
                j - 1,
                &["in", "during", "throughout", "early", "late", "mid"],
            )
        {
            return Some((
                Expr::PastMonth {
                    month: m,
                    year: None,
                    last_year: false,
                },
                j + 1,
            ));
        }
    }
    // Day [of] Month [Year]
    if let Some(d) = day_number(t.w(j)) {
        let k = if t.is(j + 1, &["of"]) { j + 2 } else { j + 1 };
        if let Some((m, short)) = month(t.w(k))
            && (!short || t.raw(k).starts_with(|c: char| c.is_uppercase()))
        {
            let (year, end) = match four_digit_year(t.w(k + 1)) {
                Some(y) => (Some(y), k + 2),
                None => (None, k + 1),
            };
            return Some((
                Expr::Date {
                    month: m,
                    day: d,
                    year,
                    weekday: weekday_before,
                },
                end,
            ));
        }
    }
    None
}

fn match_weekday(t: &Toks, i: usize) -> Option<(Expr, usize)> {
    let (shift, j) = match t.w(i) {
        "last" | "past" => (WeekdayShift::Last, i + 1),
        "next" => (WeekdayShift::Next, i + 1),
        "coming" => (WeekdayShift::Next, i + 1),
        "the" if t.is(i + 1, &["weekend"]) => (WeekdayShift::Plain, i + 1),
        "this" if t.is(i + 1, &["coming"]) => (WeekdayShift::Next, i + 2),
        _ => (WeekdayShift::Plain, i),
    };
    let weekday = weekday(t.w(j))?;
    let (part, end) = match part_of_day(t.w(j + 1)) {
        Some(p) => (Some(p), j + 2),
        None => (None, j + 1),
    };
    Some((
        Expr::Weekday {
            weekday,
            part,
            shift,
        },
        end,
    ))
}

fn match_relative(t: &Toks, i: usize, w: &str) -> Option<(Expr, usize)> {
    let with_part = |offset: i64, j: usize| -> (Expr, usize) {
        match part_of_day(t.w(j)) {
            Some(part) => (
                Expr::Relative {
                    offset,
                    part: Some(part),
                },
                j + 1,
            ),
            None => (Expr::Relative { offset, part: None }, j),
        }
    };
    match w {
        "yesterday" => Some(with_part(-1, i + 1)),
        "today" => Some((
            Expr::Relative {
                offset: 0,
                part: None,
            },
            i + 1,
        )),
        "tomorrow" => Some(with_part(1, i + 1)),
        "tonight" => Some((
            Expr::Relative {
                offset: 0,
                part: Some(PartOfDay::Evening),
            },
            i + 1,
        )),
        "this" => {
            let part = part_of_day(t.w(i + 1))?;
            Some((
                Expr::Relative {
                    offset: 0,
                    part: Some(part),
                },
                i + 2,
            ))
        }
        "the"
            if t.is(i + 1, &["day"]) && t.is(i + 2, &["before"]) && t.is(i + 3, &["yesterday"]) =>
        {
            Some((
                Expr::Relative {
                    offset: -2,
                    part: None,
                },
                i + 4,
            ))
        }
        // "a day earlier", "the day before,", "the previous day": the day before the one told
        // (the caller moves it from the publication day to the day of the report before).
        "day"
            if i > 0
                && t.is(i - 1, &["a", "the", "one"])
                && (t.is(i + 1, &["earlier"])
                    || (t.is(i + 1, &["before"])
                        && matches!(t.after(i + 1), 0 | b',' | b'.' | b';'))) =>
        {
            Some((Expr::DaysBefore(1), i + 2))
        }
        "day"
            if i > 0
                && t.is(i - 1, &["a", "one"])
                && t.is(i + 1, &["later"])
                && !t.is(i + 2, &["than"]) =>
        {
            Some((Expr::DaysAfter(1), i + 2))
        }
        // "the following day", "the next day": the day after the one told.
        "the" if t.is(i + 1, &["following", "next"]) && t.is(i + 2, &["day"]) => {
            Some((Expr::DaysAfter(1), i + 3))
        }
        // "the previous evening", "the previous night": the evening before the day told.
        "previous" if t.is(i + 1, &["day", "evening", "night"]) => {
            Some((Expr::DaysBefore(1), i + 2))
        }
        "last" if t.is(i + 1, &["night", "evening"]) => Some((Expr::LastNight, i + 2)),
        "overnight" => Some((Expr::Overnight, i + 1)),
        "during" | "in" | "through" | "throughout" | "all"
            if t.is(i + 1, &["the"]) && t.is(i + 2, &["night"]) =>
        {
            // "during the night of 16 to 17 October" is the night of those dates.
            if t.is(i + 3, &["of", "from", "between"])
                && let Some(found) = match_night_of_two_dates(t, i + 4)
            {
                return Some(found);
            }
            Some((Expr::Overnight, i + 3))
        }
        "all" if t.is(i + 1, &["night"]) => Some((Expr::Overnight, i + 2)),
        "late" if t.is(i + 1, &["at"]) && t.is(i + 2, &["night"]) => {
            // "late at night from Wednesday to Thursday" is a night between two days.
            if let Some(found) = match_night_between(t, i + 2) {
                return Some(found);
            }
            Some((Expr::Overnight, i + 3))
        }
        "during" | "in"
            if t.is(i + 1, &["the"]) && t.is(i + 2, &["day", "evening", "afternoon"]) =>
        {
            Some((Expr::SameDay, i + 3))
        }
        "earlier" | "later" if t.is(i + 1, &["today"]) => Some((
            Expr::Relative {
                offset: 0,
                part: None,
            },
            i + 2,
        )),
        _ => None,
    }
}

/// "the seventh day of fighting", "the 7th day of the war", "on the eve of a fifth day of clashes".
fn match_war_day(t: &Toks, i: usize) -> Option<(Expr, usize)> {
    let mut j = i;
    let mut eve = false;
    if t.is(j, &["eve"]) && t.is(j + 1, &["of"]) {
        eve = true;
        j += 2;
        if t.is(j, &["the", "a"]) {
            j += 1;
        }
    }
    // "twenty-first" arrives as "twenty" "first".
    let ordinal = match (cardinal(t.w(j)), ordinal_word(t.w(j + 1))) {
        (Some(tens @ (20 | 30 | 40)), Some(unit)) if unit < 10 => {
            j += 1;
            tens + unit
        }
        _ => ordinal_word(t.w(j))?,
    };
    j += 1;
    if t.is(j, &["full", "straight", "consecutive"]) {
        j += 1;
    }
    if !t.is(j, &["day"]) || !t.is(j + 1, &["of"]) {
        return None;
    }
    let mut k = j + 2;
    if t.is(k, &["the", "this"]) {
        k += 1;
    }
    if !t.is(k, WAR_WORDS) {
        return None;
    }
    Some((Expr::WarDay { ordinal, eve }, k + 1))
}

/// "for 13 days" (in a sentence about the fighting), "lasted for 12 days", "two weeks of fighting",
/// and the background spans "for 28 years", "for decades", "30 years ago".
fn match_duration(t: &Toks, i: usize) -> Option<(Expr, usize)> {
    let w = t.w(i);
    if w == "for" {
        let mut j = i + 1;
        if t.is(j, &["the"]) && t.is(j + 1, &["past", "last"]) {
            j += 2;
        }
        if t.is(
            j,
            &[
                "more", "over", "almost", "nearly", "about", "around", "some", "roughly",
            ],
        ) {
            j += if t.is(j + 1, &["than"]) { 2 } else { 1 };
        }
        if t.is(j, &["decades", "years", "generations"]) {
            return Some((Expr::PastSpan, j + 1));
        }
        let n = cardinal(t.w(j))?;
        let unit = t.w(j + 1);
        return match unit {
            "years" | "decades" | "year" | "decade" => Some((Expr::PastSpan, j + 2)),
            "days" | "day" if t.war_context() => Some((
                Expr::WarDuration {
                    days: n,
                    approx: false,
                },
                j + 2,
            )),
            "weeks" | "week" if t.war_context() => Some((
                Expr::WarDuration {
                    days: n * 7,
                    approx: true,
                },
                j + 2,
            )),
            _ => None,
        };
    }
    // "two weeks of fighting", "13 days of clashes"
    let n = cardinal(w).filter(|_| w != "a" && w != "an")?;
    let unit = t.w(i + 1);
    if matches!(unit, "years" | "decades") && t.is(i + 2, &["ago"]) {
        return Some((Expr::PastSpan, i + 3));
    }
    // "two days earlier", "three days before,": counted back from the report before (or
    // publication), as "a day earlier".
    if matches!(unit, "days" | "day")
        && (2..=14).contains(&n)
        && (t.is(i + 2, &["earlier"])
            || (t.is(i + 2, &["before"]) && matches!(t.after(i + 2), 0 | b',' | b'.' | b';')))
    {
        return Some((Expr::DaysBefore(n), i + 3));
    }
    // "two days later": counted on from the report before, as "a day later".
    // Not "ten days later than planned": a delay, no day.
    if matches!(unit, "days" | "day")
        && (2..=14).contains(&n)
        && t.is(i + 2, &["later"])
        && !t.is(i + 3, &["than"])
    {
        return Some((Expr::DaysAfter(n), i + 3));
    }
    // "two weeks ago", "three days ago": counted back from publication.
    if t.is(i + 2, &["ago"]) {
        let days = match unit {
            "days" | "day" => i64::from(n),
            "weeks" | "week" => 7 * i64::from(n),
            _ => return None,
        };
        return Some((
            Expr::Relative {
                offset: -days,
                part: None,
            },
            i + 3,
        ));
    }
    if t.is(i + 2, &["of"]) {
        let mut k = i + 3;
        if t.is(k, &["the"]) {
            k += 1;
        }
        if t.is(k, WAR_WORDS) {
            let (days, approx) = match unit {
                "days" => (n, false),
                "weeks" => (n * 7, true),
                _ => return None,
            };
            return Some((Expr::WarDuration { days, approx }, k + 1));
        }
    }
    None
}

fn match_period(t: &Toks, i: usize, w: &str) -> Option<(Expr, usize)> {
    const SPANS: &[&str] = &["days", "weeks", "week", "month", "months"];
    match w {
        // "in recent days", "in recent weeks"
        "recent" if t.is(i + 1, SPANS) => Some((Expr::Period, i + 2)),
        // "the past week", "the last few days", "over the past 24 hours"
        "past" | "last" => {
            let mut j = i + 1;
            if t.is(j, &["few", "several", "couple"]) || cardinal(t.w(j)).is_some() {
                j += 1;
            }
            if t.is(j, &["of"]) {
                j += 1;
            }
            t.is(j, &["days", "weeks", "week", "month", "months", "hours"])
                .then_some((Expr::Period, j + 1))
        }
        // "earlier this week", "this week", "later this month"
        "earlier" | "later" if t.is(i + 1, &["this"]) && t.is(i + 2, SPANS) => {
            Some((Expr::Period, i + 3))
        }
        "this" if t.is(i + 1, &["week", "month"]) => Some((Expr::Period, i + 2)),
        // "for several days", "for days", "for weeks"
        "for" if t.is(i + 1, &["days", "weeks", "months"]) => Some((Expr::Period, i + 2)),
        "for"
            if t.is(i + 1, &["several", "a", "some"]) && t.is(i + 2, &["days", "weeks", "few"]) =>
        {
            let end = if t.is(i + 3, &["days", "weeks"]) {
                i + 4
            } else {
                i + 3
            };
            Some((Expr::Period, end))
        }
        _ => None,
    }
}

fn match_background(t: &Toks, i: usize, w: &str) -> Option<(Expr, usize)> {
    // Decades: "the 1990s", "the 1990's", "the early 1990s", "the Nineties".
    if matches!(
        w,
        "nineties" | "eighties" | "seventies" | "sixties" | "fifties" | "noughties"
    ) && i > 0
        && t.is(i - 1, &["the", "early", "late", "mid"])
    {
        return Some((Expr::Decade, i + 1));
    }
    if w.len() >= 5
        && w.ends_with('s')
        && four_digit_year(w.trim_end_matches('s').trim_end_matches('\''))
            .is_some_and(|y| y % 10 == 0)
    {
        return Some((Expr::Decade, i + 1));
    }
    let year = four_digit_year(w)?;
    // "the 1990's", "the 1990’s": the possessive "s" is a token of its own.
    if year % 10 == 0 && t.is(i + 1, &["s"]) && matches!(t.after(i), b'\'' | 0xE2) {
        return Some((Expr::Decade, i + 2));
    }
    // "the first war (1988-1994)": a span of past years.
    if t.after(i) == b'-'
        && let Some(until) = four_digit_year(t.w(i + 1))
        && until > year
    {
        return Some((Expr::PastYear { year: until }, i + 2));
    }
    let led = i > 0 && t.is(i - 1, YEAR_LEAD_WORDS);
    let followed = t.is(i + 1, YEAR_FOLLOW_WORDS) || t.after(i) == b',';
    // "2000 soldiers" is a count; "in 1988", "a 1994 ceasefire" are years.
    if !(led || followed) || t.after(i) == b'-' {
        return None;
    }
    Some((Expr::PastYear { year }, i + 1))
}

// ---------------------------------------------------------------------------------------------
// Resolution

/// The year to give a day and month written without one: the publication year, or the year before
/// when that would put the day more than two months after publication ("Dec. 28" read in January).
pub fn nearest_year(month: u32, day: u32, published: NaiveDate) -> i32 {
    let y = published.year();
    match NaiveDate::from_ymd_opt(y, month, day) {
        Some(d) if (d - published).num_days() > 62 => y - 1,
        _ => y,
    }
}

fn add_days(day: NaiveDate, offset: i64) -> Option<NaiveDate> {
    if offset >= 0 {
        day.checked_add_days(Days::new(offset.unsigned_abs()))
    } else {
        day.checked_sub_days(Days::new(offset.unsigned_abs()))
    }
}

/// The weekday `weekday` nearest `published` in the given direction: `0..=6` days back for a past
/// reference (same day included), `1..=7` days back for "last", `1..=7` days ahead for the future.
pub fn resolve_weekday(
    weekday: Weekday,
    published: NaiveDate,
    back: bool,
    same_day: bool,
) -> NaiveDate {
    let from = published.weekday().num_days_from_monday() as i64;
    let to = weekday.num_days_from_monday() as i64;
    if back {
        let mut k = (from - to).rem_euclid(7);
        if k == 0 && !same_day {
            k = 7;
        }
        add_days(published, -k).unwrap_or(published)
    } else {
        let mut k = (to - from).rem_euclid(7);
        if k == 0 && !same_day {
            k = 7;
        }
        add_days(published, k).unwrap_or(published)
    }
}

/// "Thu 8 Oct 2020" (chrono's "%a %-d %b %Y", written out: parsing the format string on every
/// reference cost more than the rest of the resolution). A `Display`, so `format!` writes it in
/// place.
struct DayName(NaiveDate);

impl std::fmt::Display for DayName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let d = self.0;
        let year = d.year();
        if !(0..=9999).contains(&year) {
            return write!(f, "{}", d.format("%a %-d %b %Y"));
        }
        let weekday = &weekday_name(d.weekday())[..3];
        let month = MONTHS[d.month0() as usize];
        write!(f, "{weekday} {} {month} {year:04}", d.day())
    }
}

/// "8 October 2020" (chrono's "%-d %B %Y", written out for the same reason as [`DayName`]).
pub struct LongDayName(pub NaiveDate);

impl std::fmt::Display for LongDayName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let d = self.0;
        let year = d.year();
        if !(0..=9999).contains(&year) {
            return write!(f, "{}", d.format("%-d %B %Y"));
        }
        write!(f, "{} {} {year:04}", d.day(), MONTHS[d.month0() as usize])
    }
}

fn fmt_day(d: NaiveDate) -> DayName {
    DayName(d)
}

/// Appends [`DayName`]'s text without the formatting machinery.
fn push_day(out: &mut String, d: NaiveDate) {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let year = d.year();
    if !(1000..=9999).contains(&year) {
        use std::fmt::Write;
        // Writing to a `String` cannot fail.
        let _ = write!(out, "{}", DayName(d));
        return;
    }
    out.push_str(&weekday_name(d.weekday())[..3]);
    out.push(' ');
    push_number(out, i64::from(d.day()));
    out.push(' ');
    out.push_str(MONTHS[d.month0() as usize]);
    out.push(' ');
    push_number(out, i64::from(year));
}

/// Appends `n` in decimal, as `Display` writes it.
fn push_number(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    let (digits, first) = crate::text::decimal_digits(n.unsigned_abs());
    crate::text::push_ascii(out, &digits[first..]);
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// Every time expression of `sentence`, each resolved against the publication day. A sentence with
/// no time words gives an empty list: its event takes the publication day, implicitly.
pub fn time_refs(sentence: &str, published: NaiveDate) -> Vec<TimeRef> {
    time_refs_of(sentence, &scan(sentence), published)
}

/// Whether `before` (the text before a day) ends with a count that a new one is compared with:
/// "up from 40 on", "compared with 32 reported on", "from 1,100 as of".
fn follows_a_compared_count(before: &str) -> bool {
    // Most days follow no number within the few words read: told by the bytes alone.
    let tail = &before.as_bytes()[before.len().saturating_sub(COMPARED_COUNT_REACH)..];
    if !tail.iter().any(u8::is_ascii_digit) {
        return false;
    }
    let mut back = crate::text::words_back(before)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty());
    let mut word = back.next();
    // Up to four words between the count and the day: its preposition ("on", "as of", "by")
    // and the count's own words ("40 dead on", "32 reported on").
    for _ in 0..4 {
        match word {
            Some(w) if w.bytes().next().is_some_and(|b| b.is_ascii_digit()) => break,
            // "from 5 to 7 October" is a stretch of days, no count.
            Some(w) if ["to", "and", "or", "until", "through"].contains(&w) => return false,
            Some(_) => word = back.next(),
            None => return false,
        }
    }
    if !word.is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit() || b == b',')) {
        return false;
    }
    back.next().is_some_and(|w| {
        ["from", "with", "against"]
            .iter()
            .any(|c| c.eq_ignore_ascii_case(w))
    })
}

/// How far before a day [`follows_a_compared_count`] may find its count's number: "from 1,100
/// people reported as of" and more.
const COMPARED_COUNT_REACH: usize = 48;

/// [`time_refs`] of a sentence whose expressions `found` (what [`scan`] finds in it) are known:
/// the scan does not depend on the publication day, so one made while dating the article serves.
pub fn time_refs_of(sentence: &str, found: &[Found], published: NaiveDate) -> Vec<TimeRef> {
    if found.is_empty() {
        return Vec::new();
    }
    let mut refs: Vec<TimeRef> = found
        .iter()
        .map(|f| resolve(sentence, f, published))
        .collect();
    // "55 soldiers had died, up from 40 on Friday": the day of the count compared with, never
    // the day of what the sentence reports.
    for r in refs.iter_mut() {
        if r.kind == RefKind::Day && follows_a_compared_count(&sentence[..r.start]) {
            r.kind = RefKind::Since;
        }
    }
    // Nights and "during the day" hang on the sentence's other day: "said Thursday that all night
    // artillery fire…" is the night before that Thursday.
    let statement_day = refs
        .iter()
        .zip(found)
        .find(|(r, f)| r.kind == RefKind::Day && f.speech && r.day.is_some() && !r.planned)
        .and_then(|(r, _)| r.day);
    let event_day = refs
        .iter()
        .zip(found)
        .find(|(r, f)| {
            r.kind == RefKind::Day
                && !f.speech
                && r.day.is_some()
                && !matches!(f.expr, Expr::SameDay)
        })
        .and_then(|(r, _)| r.day);
    for (r, f) in refs.iter_mut().zip(found) {
        match f.expr {
            // Quoted "tonight", "yesterday": the speaker's now, the day of the statement.
            Expr::Relative { offset, .. } if r.quoted && statement_day.is_some() => {
                if let Some(s) = statement_day {
                    r.day = add_days(s, offset);
                    r.relative = false;
                    r.reason = Reason::plain(Why::QuotedRelative {
                        statement: s,
                        day: r.day,
                    });
                }
            }
            Expr::LastNight if r.quoted && statement_day.is_some() => {
                if let Some(s) = statement_day {
                    r.day = add_days(s, -1);
                    r.relative = false;
                    r.reason = Reason::plain(Why::QuotedLastNight { statement: s });
                }
            }
            Expr::Overnight => {
                r.relative = event_day.is_none() && statement_day.is_none();
                let (day, why) = match (event_day, statement_day) {
                    (Some(d), _) => (Some(d), Why::NightOfNamedDay(d)),
                    (None, Some(s)) => (add_days(s, -1), Why::NightBeforeStatement(s)),
                    (None, None) => (
                        add_days(published, -1),
                        Why::NightBeforePublication(published),
                    ),
                };
                r.day = day;
                r.reason = Reason::plain(why);
            }
            Expr::SameDay => {
                if let Some(d) = event_day.or(statement_day) {
                    r.day = Some(d);
                    r.reason = Reason::plain(Why::SameDayAsOther(d));
                }
            }
            _ => {}
        }
    }
    refs
}

fn resolve(sentence: &str, f: &Found, published: NaiveDate) -> TimeRef {
    let mut r = TimeRef {
        day: None,
        start: f.start,
        end: f.end,
        words: sentence[f.start..f.end].to_string(),
        reason: Reason::plain(Why::Unresolved),
        planned: false,
        background: false,
        kind: RefKind::Day,
        quoted: f.quoted,
        speech: f.speech,
        earlier_month: false,
        relative: matches!(
            f.expr,
            Expr::Relative { .. } | Expr::LastNight | Expr::Overnight
        ),
    };
    let why = match f.expr {
        Expr::Weekday {
            weekday,
            part,
            shift,
        } => {
            let future = shift == WeekdayShift::Next
                || (shift == WeekdayShift::Plain && f.future && !f.since);
            // "are expected in Geneva on Thursday" in a Thursday's paper: that day, still to come
            // when written; "next Thursday" is a week on.
            let coming = shift == WeekdayShift::Plain && future;
            // "Over the weekend, families burned their homes" in a Saturday's paper: the
            // weekend before, not the day of publication.
            let weekend = r.words.to_ascii_lowercase().ends_with("weekend");
            let day = match shift {
                WeekdayShift::Last => resolve_weekday(weekday, published, true, false),
                _ if future => resolve_weekday(weekday, published, false, coming),
                _ => resolve_weekday(weekday, published, true, !weekend),
            };
            r.day = Some(day);
            r.planned = future;
            if part == Some(PartOfDay::Night) {
                r.kind = RefKind::Night;
            }
            let how = if coming {
                WeekdayHow::Coming
            } else if future {
                WeekdayHow::Next
            } else if shift == WeekdayShift::Last {
                WeekdayHow::Last
            } else {
                WeekdayHow::Latest
            };
            Why::Weekday {
                weekday,
                part,
                how,
                published,
                day,
            }
        }
        Expr::NightBetween { evening, morning } => {
            // The night ends on the morning's day, which is on or before publication.
            let morning_day = resolve_weekday(morning, published, true, true);
            let day = add_days(morning_day, -1).unwrap_or(morning_day);
            r.day = Some(day);
            r.kind = RefKind::Night;
            Why::NightBetween {
                evening,
                morning,
                morning_day,
                day,
            }
        }
        Expr::Date {
            month,
            day,
            year,
            weekday,
        } => {
            let y = year.unwrap_or_else(|| nearest_year(month, day, published));
            match NaiveDate::from_ymd_opt(y, month, day) {
                Some(d) => {
                    r.day = Some(d);
                    r.planned = d > published && !f.since;
                    if y < published.year() - 1 {
                        r.background = true;
                        r.kind = RefKind::Background;
                    }
                    Why::Date {
                        day: d,
                        year_from_publication: year.is_none(),
                        named: weekday.filter(|&w| w != d.weekday()),
                        planned: r.planned,
                    }
                }
                None => Why::NoSuchDate {
                    month,
                    day,
                    year: y,
                },
            }
        }
        Expr::Relative { offset, part } => {
            let day = add_days(published, offset).unwrap_or(published);
            r.day = Some(day);
            r.planned = offset > 0;
            Why::Relative {
                offset,
                part,
                published,
                day,
            }
        }
        Expr::DaysBefore(_) | Expr::DaysAfter(_) => {
            let offset = match f.expr {
                Expr::DaysAfter(n) => i64::from(n),
                Expr::DaysBefore(n) => -i64::from(n),
                _ => 0,
            };
            let day = add_days(published, offset).unwrap_or(published);
            r.day = Some(day);
            Why::DayBefore {
                told: published,
                day,
            }
        }
        Expr::LastNight => {
            let day = add_days(published, -1).unwrap_or(published);
            r.day = Some(day);
            r.kind = RefKind::Night;
            Why::LastNight { published, day }
        }
        Expr::Overnight => {
            r.kind = RefKind::Night;
            // Resolved against the sentence's other days in `time_refs`.
            Why::Unresolved
        }
        Expr::SameDay => {
            r.day = Some(published);
            Why::SameDayAlone(published)
        }
        Expr::WarDay { ordinal, eve } => {
            let nth = add_days(war_start(), i64::from(ordinal) - 1).unwrap_or_else(war_start);
            let day = if eve {
                add_days(nth, -1).unwrap_or(nth)
            } else {
                nth
            };
            r.day = Some(day);
            Why::WarDay { ordinal, eve, day }
        }
        Expr::WarDuration { days, approx } => {
            r.kind = RefKind::Since;
            let first = add_days(published, 1 - i64::from(days)).unwrap_or(published);
            r.day = Some(first);
            Why::WarDuration {
                days,
                approx,
                first,
            }
        }
        Expr::Period => {
            r.kind = RefKind::Period;
            Why::Period
        }
        Expr::PastYear { year } => {
            if year < published.year() {
                r.kind = RefKind::Background;
                r.background = true;
                Why::PastYear { year, before: true }
            } else {
                r.kind = RefKind::Period;
                Why::PastYear {
                    year,
                    before: false,
                }
            }
        }
        Expr::PastMonth {
            month,
            year,
            last_year,
        } => {
            let year = year.unwrap_or(published.year() - i32::from(last_year));
            let start = war_start();
            if (year, month) < (start.year(), start.month()) {
                r.kind = RefKind::Background;
                r.background = true;
                Why::PastSpan
            } else {
                r.kind = RefKind::Period;
                r.earlier_month = (year, month) < (published.year(), published.month());
                Why::Period
            }
        }
        Expr::Decade => {
            r.kind = RefKind::Background;
            r.background = true;
            Why::Decade
        }
        Expr::PastSpan => {
            r.kind = RefKind::Since;
            r.background = true;
            Why::PastSpan
        }
    };
    r.reason = Reason {
        why,
        since: f.since,
    };
    if f.since {
        r.kind = RefKind::Since;
        r.planned = false;
    }
    r
}

impl TimeRef {
    /// "in the day", "during the evening" with no other day in the sentence: put on the
    /// publication day for want of one.
    pub fn is_part_of_the_day_alone(&self) -> bool {
        matches!(self.reason.why, Why::SameDayAlone(_))
    }

    /// The night counted from a day the sentence names ("the night of Wednesday").
    pub fn is_night_of(&self, day: NaiveDate) -> bool {
        matches!(self.reason.why, Why::NightOfNamedDay(d) if d == day)
    }

    /// Puts the night on the one that led into `statement`, the day it was told: "overnight"
    /// in a report of that day.
    pub fn set_night_before(&mut self, statement: NaiveDate) {
        self.day = add_days(statement, -1);
        self.reason = Reason::plain(Why::NightBeforeStatement(statement));
    }

    /// Introduced by "since" ("since early Wednesday morning"), not a length of time ("for 13
    /// days", "for almost a day").
    pub fn follows_since(&self) -> bool {
        self.reason.since
    }

    /// How the day was computed, in words.
    pub fn why(&self) -> String {
        // Room for most reasons at once: growing the string step by step cost as much as
        // writing it.
        let mut text = String::with_capacity(112);
        if self.reason.since {
            text.push_str("start of a duration ('since'), not the event's day: ");
        }
        self.reason.why.write(&self.words, &mut text);
        text
    }

    /// Counts "a day earlier" from `told`, the day of the report told just before, instead of
    /// from publication; other references are left as they are.
    /// Whether the day is counted from a day told before ("a day earlier", "the following
    /// day"), which [`TimeRef::count_day_before_from`] moves.
    pub fn counts_from_a_told_day(&self) -> bool {
        matches!(self.reason.why, Why::DayBefore { .. })
    }

    /// A count forward from a told day ("the next day", "two days later"), not back ("a day
    /// earlier").
    pub fn counts_forward(&self) -> bool {
        matches!(self.reason.why, Why::DayBefore { told, day } if day > told)
    }

    pub fn count_day_before_from(&mut self, told: NaiveDate) {
        if let Why::DayBefore { told: from, day } = self.reason.why {
            let back = (from - day).num_days();
            let day = add_days(told, -back).unwrap_or(told);
            self.day = Some(day);
            self.reason.why = Why::DayBefore { told, day };
        }
    }
}

/// The facts behind a [`TimeRef`]'s day, kept until [`TimeRef::why`] writes them: most
/// references of a sentence are not those its events keep, and writing costs more than finding.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Reason {
    why: Why,
    /// Introduced by "since": the text is prefixed with it.
    since: bool,
}

impl Reason {
    fn plain(why: Why) -> Self {
        Reason { why, since: false }
    }
}

/// How a weekday was placed.
#[derive(Clone, Copy, Debug, PartialEq)]
enum WeekdayHow {
    Next,
    /// A plain weekday told as to come: the first on or after publication.
    Coming,
    Last,
    Latest,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Why {
    /// An overnight reference before `time_refs` dates it.
    Unresolved,
    /// "a day earlier": the day before `told` (the day of the report before, or publication).
    DayBefore {
        told: NaiveDate,
        day: NaiveDate,
    },
    Weekday {
        weekday: Weekday,
        part: Option<PartOfDay>,
        how: WeekdayHow,
        published: NaiveDate,
        day: NaiveDate,
    },
    NightBetween {
        evening: Weekday,
        morning: Weekday,
        morning_day: NaiveDate,
        day: NaiveDate,
    },
    Date {
        day: NaiveDate,
        year_from_publication: bool,
        /// The weekday the text names when the date falls on another.
        named: Option<Weekday>,
        planned: bool,
    },
    NoSuchDate {
        month: u32,
        day: u32,
        year: i32,
    },
    Relative {
        offset: i64,
        part: Option<PartOfDay>,
        published: NaiveDate,
        day: NaiveDate,
    },
    LastNight {
        published: NaiveDate,
        day: NaiveDate,
    },
    SameDayAlone(NaiveDate),
    WarDay {
        ordinal: u32,
        eve: bool,
        day: NaiveDate,
    },
    WarDuration {
        days: u32,
        approx: bool,
        first: NaiveDate,
    },
    Period,
    PastYear {
        year: i32,
        before: bool,
    },
    Decade,
    PastSpan,
    QuotedRelative {
        statement: NaiveDate,
        day: Option<NaiveDate>,
    },
    QuotedLastNight {
        statement: NaiveDate,
    },
    NightOfNamedDay(NaiveDate),
    NightBeforeStatement(NaiveDate),
    NightBeforePublication(NaiveDate),
    SameDayAsOther(NaiveDate),
}

impl Why {
    /// Writes the reason; `words` are the reference's words as written. Pieces are pushed one by
    /// one, days by [`push_day`]: the formatting machinery cost three times as much, and a
    /// reason is written for every event. [`Why::write_plain`] is the same with `format!`.
    fn write(self, words: &str, out: &mut String) {
        match self {
            Why::Unresolved => {}
            Why::DayBefore { told, day } => {
                out.push('\'');
                out.push_str(words);
                match (told - day).num_days() {
                    1 => out.push_str("': the day before "),
                    -1 => out.push_str("': the day after "),
                    n if n < 0 => {
                        out.push_str("': ");
                        out.push_str(&(-n).to_string());
                        out.push_str(" days after ");
                    }
                    n => {
                        out.push_str("': ");
                        out.push_str(&n.to_string());
                        out.push_str(" days before ");
                    }
                }
                push_day(out, told);
                out.push_str(" = ");
                push_day(out, day);
            }
            Why::Weekday {
                weekday,
                part,
                how,
                published,
                day,
            } => {
                let name = weekday_name(weekday);
                out.push('\'');
                if how == WeekdayHow::Last {
                    out.push_str("last ");
                }
                out.push_str(name);
                if let (Some(part), false) = (part, how == WeekdayHow::Last) {
                    out.push(' ');
                    out.push_str(part.word());
                }
                out.push_str(match how {
                    WeekdayHow::Next | WeekdayHow::Coming => "' in the future: the next ",
                    WeekdayHow::Last => "' = the ",
                    WeekdayHow::Latest => "' = the latest ",
                });
                out.push_str(name);
                out.push_str(match how {
                    WeekdayHow::Next => " after publication (",
                    WeekdayHow::Coming => " on or after publication (",
                    WeekdayHow::Last => " before publication (",
                    WeekdayHow::Latest => " on or before publication (",
                });
                push_day(out, published);
                out.push_str(") = ");
                push_day(out, day);
            }
            Why::Date {
                day,
                year_from_publication,
                named,
                planned,
            } => {
                out.push_str("the date ");
                push_day(out, day);
                if year_from_publication {
                    out.push_str(" (year ");
                    push_number(out, i64::from(day.year()));
                    out.push_str(" from the publication day)");
                }
                if let Some(w) = named {
                    out.push_str("; the text names it ");
                    out.push_str(weekday_name(w));
                    out.push_str(", but ");
                    push_day(out, day);
                    out.push_str(" is a ");
                    out.push_str(weekday_name(day.weekday()));
                }
                if planned {
                    out.push_str(", after publication: planned");
                }
            }
            Why::Relative {
                offset: offset @ -2..=1,
                part,
                published,
                day,
            } => {
                out.push('\'');
                match (offset, part) {
                    (-2, _) => out.push_str("the day before yesterday"),
                    (-1, _) => out.push_str("yesterday"),
                    (0, Some(PartOfDay::Evening)) => out.push_str("tonight / this evening"),
                    (0, Some(p)) => {
                        out.push_str("this ");
                        out.push_str(p.word());
                    }
                    (0, None) => out.push_str("today"),
                    _ => out.push_str("tomorrow"),
                }
                out.push_str("' relative to publication (");
                push_day(out, published);
                out.push_str(") = ");
                push_day(out, day);
            }
            Why::LastNight { published, day } => {
                out.push_str("'last night': the night before publication (");
                push_day(out, published);
                out.push_str("), dated to its evening = ");
                push_day(out, day);
            }
            Why::SameDayAlone(published) => {
                out.push('\'');
                out.push_str(words);
                out.push_str("' with no other day: publication day ");
                push_day(out, published);
            }
            Why::Period => {
                out.push('\'');
                out.push_str(words);
                out.push_str("' is a stretch of days, not one day");
            }
            Why::NightOfNamedDay(d) => {
                out.push_str("the night of ");
                push_day(out, d);
                out.push_str(", the day the sentence names");
            }
            Why::NightBeforeStatement(s) => {
                out.push_str("the night before the statement of ");
                push_day(out, s);
                out.push_str(", dated to its evening");
            }
            Why::NightBeforePublication(p) => {
                out.push_str("the night before publication (");
                push_day(out, p);
                out.push_str("), dated to its evening");
            }
            Why::SameDayAsOther(d) => {
                out.push_str("the same day as the sentence's other day, ");
                push_day(out, d);
            }
            // Rare: written the plain way.
            _ => {
                // Writing to a `String` cannot fail.
                let _ = self.write_plain(words, out);
            }
        }
    }

    /// Writes the reason with `format!`'s machinery: what [`Why::write`] writes.
    fn write_plain(self, words: &str, out: &mut String) -> std::fmt::Result {
        use std::fmt::Write;
        match self {
            Why::Unresolved => Ok(()),
            Why::DayBefore { told, day } => match (told - day).num_days() {
                1 => write!(
                    out,
                    "'{words}': the day before {} = {}",
                    fmt_day(told),
                    fmt_day(day)
                ),
                -1 => write!(
                    out,
                    "'{words}': the day after {} = {}",
                    fmt_day(told),
                    fmt_day(day)
                ),
                n if n < 0 => write!(
                    out,
                    "'{words}': {} days after {} = {}",
                    -n,
                    fmt_day(told),
                    fmt_day(day)
                ),
                n => write!(
                    out,
                    "'{words}': {n} days before {} = {}",
                    fmt_day(told),
                    fmt_day(day)
                ),
            },
            Why::Weekday {
                weekday,
                part,
                how,
                published,
                day,
            } => {
                let name = weekday_name(weekday);
                let part = part.map_or("", PartOfDay::word);
                let space = if part.is_empty() { "" } else { " " };
                match how {
                    WeekdayHow::Next => write!(
                        out,
                        "'{name}{space}{part}' in the future: the next {name} after publication ({}) = {}",
                        fmt_day(published),
                        fmt_day(day)
                    ),
                    WeekdayHow::Coming => write!(
                        out,
                        "'{name}{space}{part}' in the future: the next {name} on or after publication ({}) = {}",
                        fmt_day(published),
                        fmt_day(day)
                    ),
                    WeekdayHow::Last => write!(
                        out,
                        "'last {name}' = the {name} before publication ({}) = {}",
                        fmt_day(published),
                        fmt_day(day)
                    ),
                    WeekdayHow::Latest => write!(
                        out,
                        "'{name}{space}{part}' = the latest {name} on or before publication ({}) = {}",
                        fmt_day(published),
                        fmt_day(day)
                    ),
                }
            }
            Why::NightBetween {
                evening,
                morning,
                morning_day,
                day,
            } => write!(
                out,
                "the night from {} to {} ({}), dated to its evening: {}",
                weekday_name(evening),
                weekday_name(morning),
                fmt_day(morning_day),
                fmt_day(day)
            ),
            Why::Date {
                day,
                year_from_publication,
                named,
                planned,
            } => {
                write!(out, "the date {}", fmt_day(day))?;
                if year_from_publication {
                    write!(out, " (year {} from the publication day)", day.year())?;
                }
                if let Some(w) = named {
                    write!(
                        out,
                        "; the text names it {}, but {} is a {}",
                        weekday_name(w),
                        fmt_day(day),
                        weekday_name(day.weekday())
                    )?;
                }
                if planned {
                    out.push_str(", after publication: planned");
                }
                Ok(())
            }
            Why::NoSuchDate { month, day, year } => {
                write!(out, "no such date: {month}/{day}/{year}")
            }
            Why::Relative {
                offset,
                part,
                published,
                day,
            } => {
                out.push('\'');
                match (offset, part) {
                    (-2, _) => out.push_str("the day before yesterday"),
                    (-1, _) => out.push_str("yesterday"),
                    (0, Some(PartOfDay::Evening)) => out.push_str("tonight / this evening"),
                    (0, Some(p)) => write!(out, "this {}", p.word())?,
                    (0, None) => out.push_str("today"),
                    (1, _) => out.push_str("tomorrow"),
                    (o, _) if o < 0 => write!(out, "{} days before publication", -o)?,
                    _ => write!(out, "{offset} days from publication")?,
                }
                write!(
                    out,
                    "' relative to publication ({}) = {}",
                    fmt_day(published),
                    fmt_day(day)
                )
            }
            Why::LastNight { published, day } => write!(
                out,
                "'last night': the night before publication ({}), dated to its evening = {}",
                fmt_day(published),
                fmt_day(day)
            ),
            Why::SameDayAlone(published) => write!(
                out,
                "'{words}' with no other day: publication day {}",
                fmt_day(published)
            ),
            Why::WarDay { ordinal, eve, day } => write!(
                out,
                "{}day {ordinal} counted from the war's start ({}, day 1) = {}",
                if eve { "the eve of " } else { "" },
                fmt_day(war_start()),
                fmt_day(day)
            ),
            Why::WarDuration {
                days,
                approx,
                first,
            } => write!(
                out,
                "a duration of {}{days} days up to publication, starting {}: not the event's day",
                if approx { "about " } else { "" },
                fmt_day(first)
            ),
            Why::Period => write!(out, "'{words}' is a stretch of days, not one day"),
            Why::PastYear { year, before: true } => {
                write!(out, "the year {year}, before this war: background")
            }
            Why::PastYear {
                year,
                before: false,
            } => write!(out, "the year {year}: no single day"),
            Why::Decade => write!(out, "'{words}', a past decade: background"),
            Why::PastSpan => write!(out, "'{words}' reaches back before this war: background"),
            Why::QuotedRelative { statement, day } => {
                write!(out, "'{words}' said on {}: ", fmt_day(statement))?;
                match day {
                    Some(d) => write!(out, "{}", fmt_day(d)),
                    None => Ok(()),
                }
            }
            Why::QuotedLastNight { statement } => write!(
                out,
                "'last night' said on {}: the evening before",
                fmt_day(statement)
            ),
            Why::NightOfNamedDay(d) => write!(
                out,
                "the night of {}, the day the sentence names",
                fmt_day(d)
            ),
            Why::NightBeforeStatement(s) => write!(
                out,
                "the night before the statement of {}, dated to its evening",
                fmt_day(s)
            ),
            Why::NightBeforePublication(p) => write!(
                out,
                "the night before publication ({}), dated to its evening",
                fmt_day(p)
            ),
            Why::SameDayAsOther(d) => write!(
                out,
                "the same day as the sentence's other day, {}",
                fmt_day(d)
            ),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The day of a sentence's event

/// The reference that dates the sentence's main event, if any: a day or night outside any
/// duration, period or background. Among several, one that happened comes before a planned one;
/// the day of what was said (even inside quotation marks) before the day of the saying ("said
/// Thursday that all night…"); otherwise the first. A quoted "tonight" or "tomorrow" with no day of
/// the statement in the sentence governs nothing: the speaker's "now" is unknown.
pub fn primary_day(refs: &[TimeRef]) -> Option<&TimeRef> {
    refs.iter()
        .filter(|r| {
            r.day.is_some()
                && !r.background
                && !(r.quoted && r.relative)
                && matches!(r.kind, RefKind::Day | RefKind::Night)
        })
        .min_by_key(|r| {
            let quoted_relative = r.quoted && !r.speech;
            let rank = match (r.planned, r.speech, quoted_relative) {
                (false, false, false) => 0,
                (false, false, true) => 1,
                (false, true, _) => 2,
                (true, _, _) => 3,
            };
            (rank, r.start)
        })
}

/// The day given to a sentence's event, with its certainty and why.
#[derive(Clone, Debug, PartialEq)]
pub struct EventDay {
    /// `None` when the sentence only recalls the past (background) and names no day of this war.
    pub day: Option<NaiveDate>,
    pub certainty: Certainty,
    pub status: Status,
    /// Index in the refs of the one that decided, if any.
    pub governing: Option<usize>,
    pub why: String,
}

/// Dates a sentence's main event from its references (see [`primary_day`]): a day the text names
/// is explicit; otherwise the publication day, implicit — except a sentence whose only time words
/// are background ("in 1988", "in the early 1990s"), which gets no day at all.
pub fn event_day(refs: &[TimeRef], published: NaiveDate) -> EventDay {
    if let Some(p) = primary_day(refs) {
        let index = refs.iter().position(|r| std::ptr::eq(r, p));
        return EventDay {
            day: p.day,
            certainty: Certainty::Explicit,
            status: if p.planned {
                Status::Planned
            } else {
                Status::Happened
            },
            governing: index,
            why: format!("'{}': {}", p.words, p.why()),
        };
    }
    let background = refs
        .iter()
        .position(|r| r.kind == RefKind::Background && r.day.is_none_or(|d| d < war_start()));
    if let Some(i) = background {
        return EventDay {
            day: None,
            certainty: Certainty::Implicit,
            status: Status::Happened,
            governing: Some(i),
            why: format!("'{}': {}; no day of this war", refs[i].words, refs[i].why()),
        };
    }
    // "Earlier this week a missile attack on Ganja killed 10": a report of some past day in the
    // stretch, not one as of the publication day ("in recent days", "this week" are).
    if let Some(i) = refs.iter().position(is_past_stretch) {
        return EventDay {
            day: None,
            certainty: Certainty::Implicit,
            status: Status::Happened,
            governing: Some(i),
            why: format!(
                "'{}': some day before publication, the text does not say which",
                refs[i].words
            ),
        };
    }
    EventDay {
        day: Some(published),
        certainty: Certainty::Implicit,
        status: Status::Happened,
        governing: None,
        why: format!(
            "no day named for the event: the publication day {}",
            fmt_day(published)
        ),
    }
}

/// A stretch that ended before the publication day: "earlier this week", "earlier this month",
/// "last week", "last month", a month before the publication's ("in early November" in a
/// December paper).
pub fn is_past_stretch(r: &TimeRef) -> bool {
    if r.kind != RefKind::Period {
        return false;
    }
    if r.earlier_month {
        return true;
    }
    let words = r.words.to_ascii_lowercase();
    words.starts_with("earlier this ") || matches!(words.as_str(), "last week" | "last month")
}

/// The other day of a pair told as one: "on Friday and Saturday" (two expressions joined by
/// "and"), "on October 26 and 27", "on 5 and 6 October" and "on 6–7 November" (one expression
/// and a bare day of the month beside it). Only the words right around `first` are read; the second day must follow the
/// first within a week, so a count ("on October 3 and 4 civilians") or a list of numbers is no day.
pub fn paired_day(sentence: &str, refs: &[TimeRef], first: &TimeRef) -> Option<TimeRef> {
    let first_day = first.day?;
    if !matches!(first.kind, RefKind::Day | RefKind::Night) || first.background {
        return None;
    }
    following_day(sentence, refs, first, first_day)
        .or_else(|| preceding_bare_day(sentence, first, first_day))
}

/// "on Friday and Saturday", "on October 26 and 27": the day told after `first`.
fn following_day(
    sentence: &str,
    refs: &[TimeRef],
    first: &TimeRef,
    first_day: NaiveDate,
) -> Option<TimeRef> {
    let after = sentence.get(first.end..)?;
    let joint = PAIR_JOINTS.iter().find(|j| after.starts_with(**j))?;
    let rest = &after[joint.len()..];
    if let Some(second) = refs.iter().find(|r| {
        r.start == first.end + joint.len()
            && r.day
                .is_some_and(|d| d > first_day && d <= first_day + Days::new(7))
            && matches!(r.kind, RefKind::Day | RefKind::Night)
            && !r.background
    }) {
        return Some(second.clone());
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) || !ends_a_bare_day(&rest[digits..]) {
        return None;
    }
    let number: u32 = rest[..digits].parse().ok()?;
    let day = first_day.with_day(number)?;
    if day <= first_day || day > first_day + Days::new(7) {
        return None;
    }
    let end = first.end + joint.len() + digits;
    Some(TimeRef {
        day: Some(day),
        end,
        words: sentence.get(first.start..end)?.to_string(),
        reason: Reason::plain(Why::Date {
            day,
            year_from_publication: false,
            named: None,
            planned: first.planned,
        }),
        ..first.clone()
    })
}

/// What joins the two days of a pair: "October 26 and 27", "6-7 October", "6–7 October".
const PAIR_JOINTS: [&str; 4] = [" and ", "-", "\u{2013}", "\u{2014}"];

/// "5 and 6 October", "6–7 October": the bare day of the month told before `first` ("6
/// October").
fn preceding_bare_day(sentence: &str, first: &TimeRef, first_day: NaiveDate) -> Option<TimeRef> {
    let before = sentence.get(..first.start)?;
    let joint = PAIR_JOINTS.iter().find(|j| before.ends_with(**j))?;
    let before = &before[..before.len() - joint.len()];
    let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
    let start = before.len() - digits;
    if !(1..=2).contains(&digits) || !before[..start].ends_with([' ', '(']) {
        return None;
    }
    let number: u32 = before[start..].parse().ok()?;
    let day = first_day.with_day(number)?;
    if day >= first_day || day + Days::new(7) < first_day {
        return None;
    }
    Some(TimeRef {
        day: Some(day),
        start,
        words: sentence.get(start..first.end)?.to_string(),
        reason: Reason::plain(Why::Date {
            day,
            year_from_publication: false,
            named: None,
            planned: first.planned,
        }),
        ..first.clone()
    })
}

/// What may follow the bare day number of a pair: the sentence's end, a mark, or a word that
/// starts the next phrase (not a noun that the number would count).
fn ends_a_bare_day(rest: &str) -> bool {
    // A verb after the pair ends it too: "Shelling on October 26 and 27 killed four".
    const NEXT_WORDS: [&str; 20] = [
        "in", "at", "on", "when", "as", "after", "with", "while", "but", "near", "killing",
        "wounding", "the", "and", "killed", "wounded", "injured", "left", "hit", "struck",
    ];
    match rest.chars().next() {
        None => true,
        Some(c) if c.is_ascii_alphanumeric() => false,
        Some(' ') => {
            let word = rest[1..]
                .split(|c: char| !c.is_ascii_alphabetic())
                .next()
                .unwrap_or("");
            NEXT_WORDS.contains(&word)
        }
        Some(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2020, m, day).unwrap_or_default()
    }

    fn primary(sentence: &str, published: NaiveDate) -> Option<NaiveDate> {
        primary_day(&time_refs(sentence, published)).and_then(|r| r.day)
    }

    #[test]
    fn the_day_of_a_count_compared_with_is_not_the_sentence_s_day() {
        let published = d(10, 20);
        for sentence in [
            "The ministry said on Monday that 55 soldiers had died, up from 40 on Friday.",
            "On Monday the toll rose to 55, compared with 32 reported on Friday.",
        ] {
            assert_eq!(primary(sentence, published), Some(d(10, 19)), "{sentence}");
        }
        // A stretch of days starts no comparison.
        let refs = time_refs("Clashes from 5 to 7 October killed dozens.", published);
        assert!(refs.iter().all(|r| r.kind != RefKind::Since), "{refs:?}");
    }

    #[test]
    fn a_pair_of_days_told_as_one_gives_both() {
        let published = d(10, 27);
        for (sentence, first, second) in [
            (
                "Shells hit Tartar on October 26 and 27, officials said.",
                26,
                Some(27),
            ),
            (
                "Shells hit Tartar on 25 and 26 October, officials said.",
                26,
                Some(25),
            ),
            ("Barda was shelled on Friday and Saturday.", 23, Some(24)),
            (
                "Barda was shelled on October 26 and 27 in the evening.",
                26,
                Some(27),
            ),
            // A count after "and" is no day, nor a number a week away.
            (
                "Rockets hit Barda on October 3 and 4 civilians died.",
                3,
                None,
            ),
            ("Rockets hit Barda on October 3 and 24 in Tartar.", 3, None),
            (
                "Rockets hit Barda on October 3 and Tartar on October 4.",
                3,
                None,
            ),
            ("Rockets hit Barda on October 3.", 3, None),
        ] {
            let refs = time_refs(sentence, published);
            let primary = primary_day(&refs).unwrap_or_else(|| panic!("no day in {sentence}"));
            assert_eq!(primary.day, Some(d(10, first)), "{sentence}");
            let paired = paired_day(sentence, &refs, primary);
            assert_eq!(
                paired.as_ref().and_then(|r| r.day),
                second.map(|n| d(10, n)),
                "{sentence}"
            );
            if let Some(r) = paired {
                assert!(sentence[r.start..r.end] == r.words, "{sentence}");
                let second_day = r.day.map(|d| d.day().to_string()).unwrap_or_default();
                assert!(r.why().contains(&second_day), "{}", r.why());
            }
        }
    }

    #[test]
    fn weekday_is_latest_on_or_before_publication() {
        // Published Saturday 10 Oct 2020.
        let p = d(10, 10);
        assert_eq!(
            primary("The minister said on Thursday that talks would go on.", p),
            Some(d(10, 8))
        );
        assert_eq!(
            primary("Rockets fell on the town on Saturday.", p),
            Some(d(10, 10))
        );
        assert_eq!(
            primary("Drones struck the depot last Saturday.", p),
            Some(d(10, 3))
        );
        assert_eq!(
            primary("The envoy arrived Sunday in Baku.", p),
            Some(d(10, 4))
        );
    }

    #[test]
    fn a_weekday_to_come_on_the_day_of_publication_is_that_day() {
        let p = d(10, 15); // Thursday
        let refs = time_refs(
            "The envoys are expected in Vienna on Thursday for talks.",
            p,
        );
        let r = primary_day(&refs);
        assert_eq!(r.and_then(|r| r.day), Some(d(10, 15)));
        assert!(r.is_some_and(|r| r.planned));
        // "next Thursday" is a week on; a Friday still to come is the next day.
        assert_eq!(primary("Talks resume next Thursday.", p), Some(d(10, 22)));
        assert_eq!(
            primary("The ministers will meet on Friday.", p),
            Some(d(10, 16))
        );
    }

    #[test]
    fn days_and_weeks_ago_count_back_from_publication() {
        let p = d(10, 24);
        assert_eq!(
            primary("Paris received both ministers two weeks ago.", p),
            Some(d(10, 10))
        );
        assert_eq!(
            primary("The bridge was hit three days ago.", p),
            Some(d(10, 21))
        );
        // Not a duration: "for two weeks" names no day.
        assert_eq!(primary("The town was shelled for two weeks.", p), None);
    }

    #[test]
    fn weekday_with_future_cue_is_next_and_planned() {
        let p = d(10, 8); // Thursday
        let refs = time_refs("The envoy was to be received Monday in Tbilisi.", p);
        let r = primary_day(&refs);
        assert_eq!(r.and_then(|r| r.day), Some(d(10, 12)));
        assert!(r.is_some_and(|r| r.planned));
        assert_eq!(
            primary("The two leaders will meet on Saturday in Vienna.", p),
            Some(d(10, 10))
        );
        assert_eq!(primary("Talks resume next Tuesday.", p), Some(d(10, 13)));
        // A request to come for talks plans them, though told in the past.
        let refs = time_refs(
            "On Thursday evening the Kremlin asked both foreign ministers to come to Moscow for \
             talks on Saturday.",
            p,
        );
        let talks = refs.iter().find(|r| r.day == Some(d(10, 10)));
        assert!(talks.is_some_and(|r| r.planned), "{refs:?}");
    }

    #[test]
    fn the_year_after_a_range_of_days_is_the_first_day_s_too() {
        let p = d(11, 25);
        let refs = time_refs("Lachin was seized by Armenian units on May 17-18, 1992.", p);
        assert!(
            refs.iter()
                .all(|r| r.day.is_none_or(|day| day.year() != 2020)),
            "{refs:?}"
        );
        assert_eq!(
            primary("Shells hit Tartar on October 26-27, 2020.", p),
            Some(d(10, 26))
        );
    }

    #[test]
    fn the_weekend_in_a_saturday_paper_is_the_weekend_before() {
        let sentence = "Over the weekend, families in Zangilan burned their homes and left.";
        // Saturday 21 November: the Saturday a week before.
        assert_eq!(primary(sentence, d(11, 21)), Some(d(11, 14)));
        // Monday 23 November: the Saturday just gone.
        assert_eq!(primary(sentence, d(11, 23)), Some(d(11, 21)));
    }

    #[test]
    fn a_cue_far_before_the_day_in_its_clause_still_plans_it() {
        let p = d(10, 28); // Wednesday
        for sentence in [
            "The Minsk Group co-chairs, representing France, Russia and the US, are expected to \
             meet the two countries' foreign ministers in Geneva on Thursday.",
            "The co-chairs are set to meet the foreign ministers of Armenia and Azerbaijan in \
             Geneva on Thursday.",
            "He is due to speak to French President Emmanuel Macron by telephone on Thursday.",
        ] {
            let refs = time_refs(sentence, p);
            let r = primary_day(&refs);
            assert_eq!(r.and_then(|r| r.day), Some(d(10, 29)), "{sentence}");
            assert!(r.is_some_and(|r| r.planned), "{sentence}");
        }
        // "due to" as a cause plans nothing.
        let refs = time_refs("Talks were cancelled due to the shelling on Monday.", p);
        let r = primary_day(&refs);
        assert_eq!(r.and_then(|r| r.day), Some(d(10, 26)));
        assert!(r.is_some_and(|r| !r.planned));
    }

    #[test]
    fn part_of_day_keeps_the_weekday() {
        let p = d(10, 9); // Friday
        assert_eq!(
            primary("The toll rose Friday morning to 90.", p),
            Some(d(10, 9))
        );
        assert_eq!(
            primary("The ministry announced the visit Thursday evening.", p),
            Some(d(10, 8))
        );
    }

    #[test]
    fn relative_days() {
        let p = d(10, 5);
        assert_eq!(
            primary("In an address yesterday, the president vowed to go on.", p),
            Some(d(10, 4))
        );
        assert_eq!(primary("A convoy left the city today.", p), Some(d(10, 5)));
        let refs = time_refs("Officials expect a decision tomorrow.", p);
        assert_eq!(refs.first().and_then(|r| r.day), Some(d(10, 6)));
        assert!(refs.first().is_some_and(|r| r.planned));
        assert_eq!(
            primary("The mayor spoke this evening on television.", p),
            Some(d(10, 5))
        );
    }

    #[test]
    fn nights_are_dated_to_their_evening() {
        let p = d(10, 15); // Thursday
        assert_eq!(
            primary("Shelling continued overnight near the river.", p),
            Some(d(10, 14))
        );
        assert_eq!(
            primary("Sirens sounded across the city last night.", p),
            Some(d(10, 14))
        );
        assert_eq!(
            primary(
                "Two blasts were heard during the night from Tuesday to Wednesday.",
                p
            ),
            Some(d(10, 13))
        );
        assert_eq!(
            primary(
                "Appeals went on until late at night from Monday to Tuesday.",
                p
            ),
            Some(d(10, 12))
        );
        // Anchored on the statement's day rather than on publication.
        assert_eq!(
            primary(
                "The ministry said Tuesday that \"all night heavy fire hit the positions.\"",
                p
            ),
            Some(d(10, 12))
        );
    }

    #[test]
    fn explicit_dates_in_many_spellings() {
        let p = d(10, 20);
        for s in [
            "The offensive began on October 9.",
            "The offensive began on Oct. 9.",
            "The offensive began on 9 October.",
            "The offensive began on the 9th of October.",
            "The offensive began Friday October 9.",
            "The offensive began on Friday, October 9, 2020.",
            "The offensive began on 2020-10-09.",
        ] {
            assert_eq!(primary(s, p), Some(d(10, 9)), "{s}");
        }
        assert_eq!(
            primary("A truce was agreed on Sept. 27 in the evening.", p),
            Some(d(9, 27))
        );
        // A date after publication is planned.
        let refs = time_refs("The ministers are invited to Geneva on October 25.", p);
        assert!(refs.first().is_some_and(|r| r.planned));
        // A capitalised "May" with a day is a month; the modal verb is not.
        assert!(time_refs("The talks may resume soon.", p).is_empty());
        assert_eq!(primary("It was signed on May 12.", p), Some(d(5, 12)));
    }

    #[test]
    fn dates_without_year_take_the_nearest_year() {
        let january = NaiveDate::from_ymd_opt(2021, 1, 5).unwrap_or_default();
        assert_eq!(
            primary("Talks broke down on Dec. 28.", january),
            Some(d(12, 28))
        );
    }

    #[test]
    fn war_day_counts_from_the_start() {
        let p = d(10, 3);
        assert_eq!(
            primary("Troops dug in on the seventh day of fighting.", p),
            Some(d(10, 3))
        );
        assert_eq!(
            primary("It was the 10th day of the war.", p),
            Some(d(10, 6))
        );
    }

    #[test]
    fn since_and_durations_do_not_date_the_event() {
        let p = d(10, 8);
        for s in [
            "Since September 27, the two armies have clashed daily.",
            "The rebels have held the pass since Sunday.",
            "The two sides have been fighting for 13 days.",
            "Since the start of hostilities on Sunday, 90 deaths were reported.",
        ] {
            let refs = time_refs(s, p);
            assert!(!refs.is_empty(), "{s}");
            assert!(
                refs.iter().all(|r| r.kind == RefKind::Since),
                "{s}: {refs:?}"
            );
            let e = event_day(&refs, p);
            assert_eq!((e.day, e.certainty), (Some(p), Certainty::Implicit), "{s}");
        }
    }

    #[test]
    fn periods_fall_back_to_publication_day() {
        let p = d(10, 8);
        for s in [
            "Fighting has spread in recent days to the towns.",
            "Some 80 people were killed in the past week.",
            "Thousands have fled this week.",
        ] {
            let refs = time_refs(s, p);
            assert!(
                refs.iter().any(|r| r.kind == RefKind::Period),
                "{s}: {refs:?}"
            );
            let e = event_day(&refs, p);
            assert_eq!((e.day, e.certainty), (Some(p), Certainty::Implicit), "{s}");
        }
    }

    #[test]
    fn a_stretch_that_ended_before_publication_gives_no_day() {
        let p = d(10, 17);
        for s in [
            "Earlier this week a missile attack on Ganja killed 10 people.",
            "Earlier this month the envoy visited the region.",
            "Last week, shelling killed two civilians in Martuni.",
        ] {
            let refs = time_refs(s, p);
            assert!(refs.iter().any(is_past_stretch), "{s}: {refs:?}");
            let e = event_day(&refs, p);
            assert_eq!((e.day, e.certainty), (None, Certainty::Implicit), "{s}");
            assert!(e.why.contains("some day before publication"), "{}", e.why);
        }
    }

    #[test]
    fn background_never_lands_on_a_2020_day() {
        let p = d(10, 8);
        for s in [
            "War first broke out in 1988 over the region.",
            "The town was rebuilt in the 1990s.",
            "It was the worst outburst since 1994.",
            "The front has barely moved since the 1990s.",
            "They showed their patience for 28 years.",
            "A war in the early Nineties killed thousands.",
            "Clashes flared again in 2016.",
        ] {
            let refs = time_refs(s, p);
            assert!(!refs.is_empty(), "{s}");
            assert!(
                refs.iter().all(|r| r.background && r.day.is_none()),
                "{s}: {refs:?}"
            );
            assert!(primary_day(&refs).is_none(), "{s}");
        }
        let e = event_day(&time_refs("Violence first broke out in 1988.", p), p);
        assert_eq!(e.day, None);
        // A count is not a year.
        assert!(time_refs("Some 2000 soldiers were sent.", p).is_empty());
    }

    #[test]
    fn happened_day_governs_before_planned_one() {
        let p = d(10, 8);
        let s = "The ministers were invited for talks on Friday October 9 in Moscow, the Kremlin announced. Thursday evening.";
        let refs = time_refs(s, p);
        assert_eq!(refs.len(), 2, "{refs:?}");
        assert!(refs[0].planned);
        assert_eq!(primary_day(&refs).and_then(|r| r.day), Some(d(10, 8)));
    }

    #[test]
    fn quoted_relative_day_is_the_speakers() {
        let p = d(10, 9);
        let refs = time_refs(
            "\u{201c}We expect a truce this evening or tomorrow,\u{201d} the presidency said.",
            p,
        );
        assert!(refs.iter().all(|r| r.quoted));
        assert!(primary_day(&refs).is_none());
        assert_eq!(event_day(&refs, p).certainty, Certainty::Implicit);
        // With the statement's day, "last night" is the evening before it.
        let refs = time_refs(
            "\u{201c}Shells fell last night,\u{201d} the mayor said on Tuesday.",
            p,
        );
        assert_eq!(primary_day(&refs).and_then(|r| r.day), Some(d(10, 5)));
    }

    #[test]
    fn no_time_words_no_refs() {
        assert!(time_refs("Residents are sheltering in basements.", d(10, 8)).is_empty());
        let e = event_day(&[], d(10, 8));
        assert_eq!((e.day, e.certainty), (Some(d(10, 8)), Certainty::Implicit));
    }

    #[test]
    fn words_and_offsets_point_into_the_sentence() {
        let s = "Heavy fire hit Stepanakert on Thursday, officials said.";
        let refs = time_refs(s, d(10, 9));
        assert_eq!(refs.len(), 1);
        assert_eq!(&s[refs[0].start..refs[0].end], "Thursday");
        assert_eq!(refs[0].words, "Thursday");
        assert!(!refs[0].why().is_empty());
    }

    #[test]
    fn day_names_in_why_match_chrono_formatting() {
        let mut day = NaiveDate::from_ymd_opt(1899, 12, 25).unwrap_or_default();
        for _ in 0..800 {
            assert_eq!(
                fmt_day(day).to_string(),
                day.format("%a %-d %b %Y").to_string()
            );
            day += chrono::Duration::days(47);
        }
        assert_eq!(fmt_day(d(10, 8)).to_string(), "Thu 8 Oct 2020");
    }

    #[test]
    fn reasons_written_piece_by_piece_are_those_format_writes() {
        let weekdays = [Weekday::Mon, Weekday::Thu, Weekday::Sun];
        let parts = [
            None,
            Some(PartOfDay::Morning),
            Some(PartOfDay::Evening),
            Some(PartOfDay::Night),
        ];
        let mut days = vec![
            NaiveDate::from_ymd_opt(999, 12, 31).unwrap_or_default(),
            NaiveDate::from_ymd_opt(-5, 1, 1).unwrap_or_default(),
        ];
        let mut day = NaiveDate::from_ymd_opt(1988, 2, 20).unwrap_or_default();
        for _ in 0..40 {
            days.push(day);
            day += chrono::Duration::days(397);
        }
        let mut reasons = Vec::new();
        for &d in &days {
            let other = d + chrono::Duration::days(3);
            for weekday in weekdays {
                for part in parts {
                    for how in [
                        WeekdayHow::Next,
                        WeekdayHow::Coming,
                        WeekdayHow::Last,
                        WeekdayHow::Latest,
                    ] {
                        reasons.push(Why::Weekday {
                            weekday,
                            part,
                            how,
                            published: d,
                            day: other,
                        });
                    }
                }
                for (year_from_publication, planned) in [(false, false), (true, true)] {
                    reasons.push(Why::Date {
                        day: d,
                        year_from_publication,
                        named: Some(weekday),
                        planned,
                    });
                    reasons.push(Why::Date {
                        day: d,
                        year_from_publication,
                        named: None,
                        planned,
                    });
                }
            }
            for offset in -3..=3 {
                for part in parts {
                    reasons.push(Why::Relative {
                        offset,
                        part,
                        published: d,
                        day: other,
                    });
                }
            }
            reasons.extend([
                Why::LastNight {
                    published: d,
                    day: other,
                },
                Why::SameDayAlone(d),
                Why::NightOfNamedDay(d),
                Why::NightBeforeStatement(d),
                Why::NightBeforePublication(d),
                Why::SameDayAsOther(d),
                Why::QuotedRelative {
                    statement: d,
                    day: Some(other),
                },
                Why::QuotedRelative {
                    statement: d,
                    day: None,
                },
                Why::QuotedLastNight { statement: d },
                Why::WarDay {
                    ordinal: 7,
                    eve: true,
                    day: d,
                },
                Why::WarDuration {
                    days: 13,
                    approx: false,
                    first: d,
                },
                Why::NightBetween {
                    evening: Weekday::Wed,
                    morning: Weekday::Thu,
                    morning_day: d,
                    day: other,
                },
            ]);
        }
        reasons.extend([
            Why::Unresolved,
            Why::Period,
            Why::Decade,
            Why::PastSpan,
            Why::PastYear {
                year: 1994,
                before: true,
            },
            Why::PastYear {
                year: 2020,
                before: false,
            },
            Why::NoSuchDate {
                month: 2,
                day: 30,
                year: 2020,
            },
        ]);
        for why in reasons {
            let mut fast = String::new();
            why.write("in recent days", &mut fast);
            let mut plain = String::new();
            why.write_plain("in recent days", &mut plain)
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(fast, plain, "{why:?}");
        }
    }

    #[test]
    fn long_day_names_match_chrono_formatting() {
        let mut day = NaiveDate::from_ymd_opt(-20, 2, 29).unwrap_or_default();
        for _ in 0..1200 {
            assert_eq!(
                LongDayName(day).to_string(),
                day.format("%-d %B %Y").to_string()
            );
            day += chrono::Duration::days(3671);
        }
        assert_eq!(LongDayName(d(10, 8)).to_string(), "8 October 2020");
    }

    #[test]
    fn scanning_until_an_expression_finds_what_the_whole_scan_finds_up_to_it() {
        let text = "On Friday October 9, 2020, talks began; since 27 September 2020 the fighting \
                    went on for 13 days, and on Saturday, October 10, 2020 a truce was agreed.";
        let all = scan(text);
        assert!(all.len() >= 4, "{all:?}");
        for k in 0..all.len() {
            assert_eq!(scan_until(text, |f| *f == all[k]), all[..=k]);
        }
        assert_eq!(scan_until(text, |_| false), all);
    }

    #[test]
    fn word_ends_found_eight_bytes_at_a_time_are_those_of_the_byte_classes() {
        // Every byte value at every offset of a word longer than two eight-byte steps.
        for byte in 0..=u8::MAX {
            for at in 0..20 {
                let mut bytes = b"Stepanakert2020shelled".to_vec();
                bytes[at] = byte;
                for from in 0..bytes.len() {
                    let expected = (from..bytes.len())
                        .find(|&k| BYTE_CLASS[usize::from(bytes[k])] != ASCII_WORD)
                        .unwrap_or(bytes.len());
                    assert_eq!(ascii_word_end(&bytes, from), expected, "{byte:#x} at {at}");
                }
            }
        }
    }

    #[test]
    fn every_expression_holds_an_anchor_word_or_four_digits() {
        let mut texts: Vec<String> = vec![
            "Shelling went on for a few hours in the night and the day before yesterday.".into(),
            "In the evening, the town was hit; this morning the 1990s were recalled.".into(),
            "For several weeks, on 2020-10-09 and in 1994, the seventh day of the war.".into(),
            "Late at night from Wednesday to Thursday, and earlier today, for 13 days of fighting."
                .into(),
            "The past few days, for decades, two weeks of clashes, the Nineties, Sept. 27.".into(),
        ];
        texts.extend(crate::seed_texts::seed_texts());
        let mut expressions = 0;
        for text in &texts {
            let lower = text.to_ascii_lowercase();
            let t = Toks::new(text, &lower);
            for i in 0..t.len() {
                let Some((_, end)) = match_at(&t, i, starts::ALL) else {
                    continue;
                };
                expressions += 1;
                let words = &text[t.toks[i].start..t.toks[end - 1].end];
                let anchored = (i..end).any(|k| ANCHOR_WORDS.contains(&t.w(k)))
                    || words
                        .as_bytes()
                        .windows(4)
                        .any(|w| w.iter().all(u8::is_ascii_digit));
                assert!(anchored, "{words:?} holds no anchor word");
                assert!(may_name_a_time(
                    words,
                    (i..end).any(|k| ANCHOR_WORDS.contains(&t.w(k)))
                ));
            }
        }
        assert!(
            expressions > 50,
            "the texts hold expressions: {expressions}"
        );
        // A sentence without any is passed over, one with a year is not.
        assert!(!may_name_a_time(
            "Shelling hit Stepanakert, officials said.",
            false
        ));
        assert!(may_name_a_time("The 1994 ceasefire held.", false));
    }

    #[test]
    fn four_digits_found_eight_bytes_at_a_time_as_byte_by_byte() {
        let plain = |b: &[u8]| b.windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
        for len in 0..24 {
            for at in 0..len {
                for run in 1..6 {
                    let mut bytes = vec![b'a'; len];
                    for (k, byte) in bytes.iter_mut().enumerate().skip(at).take(run) {
                        *byte = b'0' + (k % 10) as u8;
                    }
                    assert_eq!(has_four_digits(&bytes), plain(&bytes), "{bytes:?}");
                    // A byte with the high bit set next to the digits changes nothing.
                    if at > 0 {
                        bytes[at - 1] = 0xB0;
                        assert_eq!(has_four_digits(&bytes), plain(&bytes), "{bytes:?}");
                    }
                }
            }
        }
        for b in 0..=u8::MAX {
            let bytes = [b, b, b, b, b, b, b, b, b];
            assert_eq!(has_four_digits(&bytes), b.is_ascii_digit());
        }
    }

    #[test]
    fn words_ruled_out_before_the_matchers_start_no_expression() {
        let mut texts: Vec<String> = vec![
            "Shelling went on in the night and the day before yesterday.".into(),
            "In the evening, the town was hit; in the afternoon the day was quiet.".into(),
            "A day of fighting, an hour of calm, in Barda, the city.".into(),
        ];
        texts.extend(crate::seed_texts::seed_texts());
        let mut ruled_out = 0;
        for text in &texts {
            let lower = text.to_ascii_lowercase();
            let t = Toks::new(text, &lower);
            for i in 0..t.len() {
                let w = t.w(i);
                if starting_matchers(w) == 0 || !next_word_allows(&t, i, w) {
                    assert_eq!(match_at(&t, i, starts::ALL), None, "{w:?} at {i}");
                    ruled_out += usize::from(matches!(w, "a" | "an" | "the" | "in"));
                }
            }
        }
        assert!(
            ruled_out > 100,
            "the texts hold common words ruled out early"
        );
        // And what they do start is still found.
        assert!(!scan("in the night").is_empty());
        assert!(!scan("the day before yesterday").is_empty());
    }

    /// The words' facts as the lists tell them, word by word.
    fn plain_word_facts(w: &str) -> (u8, u16) {
        if w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            return (starts::NUMBER, 0);
        }
        let starting = STARTING_WORDS
            .iter()
            .filter(|(_, words)| words.contains(&w))
            .fold(0, |bits, (b, _)| bits | b);
        let classes = CLASS_WORDS
            .iter()
            .filter(|(_, words)| words.contains(&w))
            .fold(0, |bits, (b, _)| bits | b);
        (starting, classes)
    }

    #[test]
    fn words_looked_up_in_the_table_have_the_facts_of_the_lists() {
        let mut words: Vec<String> = Vec::new();
        let lists = STARTING_WORDS.iter().map(|(_, list)| list);
        for list in lists.chain(CLASS_WORDS.iter().map(|(_, list)| list)) {
            for w in *list {
                // The word itself and its near misses: one letter more or less, another last
                // letter, a plural, the same first eight letters.
                words.push(w.to_string());
                words.push(w[..w.len() - 1].to_string());
                words.push(format!("{w}s"));
                words.push(format!("{w}{w}"));
                words.push(format!("{}x", &w[..w.len() - 1]));
                words.push(format!("x{w}"));
            }
        }
        words.extend(
            [
                "",
                "a",
                "an",
                "on",
                "then",
                "septembers",
                "thirteenths",
                "2020",
                "9th",
                "a1",
            ]
            .map(String::from),
        );
        let mut texts = vec![
            "He will say that since Friday the invited envoys told of shelling in the war."
                .to_string(),
        ];
        texts.extend(crate::seed_texts::seed_texts());
        for text in &texts {
            let lower = text.to_ascii_lowercase();
            let t = Toks::new(text, &lower);
            words.extend((0..t.len()).map(|i| t.w(i).to_string()));
        }
        let mut known = 0;
        for w in &words {
            let expected = plain_word_facts(w);
            assert_eq!(word_facts(w.as_bytes(), 0, w.len()), expected, "{w:?}");
            // Inside a text, where eight bytes can be read past the word's end.
            let padded = format!("xx {w} the rest of it");
            assert_eq!(
                word_facts(padded.as_bytes(), 3, 3 + w.len()),
                expected,
                "{w:?}"
            );
            // Short words of ASCII letters and digits are looked up by their first eight bytes.
            if w.len() <= 8 && w.bytes().all(|b| b.is_ascii_alphanumeric()) && !w.is_empty() {
                let facts = short_word_facts(word_head(w.as_bytes()), w.len());
                assert_eq!(facts, expected, "{w:?}");
            }
            known += usize::from(expected != (0, 0));
        }
        assert!(known > 200, "the lists' words are known: {known}");
    }

    #[test]
    fn tokens_carry_their_words_facts_and_the_bytes_after_them() {
        let mut texts = vec![
            "Talks on 2020-10-09, “the war”, said Aliyev; they will resume (since Monday)."
                .to_string(),
            "Fighting in Şuşa's streets, 1990's clashes — invitation for talks.".to_string(),
        ];
        texts.extend(crate::seed_texts::seed_texts());
        for text in &texts {
            let lower = text.to_ascii_lowercase();
            let t = Toks::new(text, &lower);
            let mut war = false;
            for i in 0..t.len() {
                let w = t.w(i);
                let (starts, class) = plain_word_facts(w);
                assert_eq!(
                    (t.toks[i].starts, t.toks[i].class),
                    (starts, class),
                    "{w:?}"
                );
                assert_eq!(t.has(i, class::WAR), WAR_WORDS.contains(&w), "{w:?}");
                assert_eq!(t.has(i, class::REPORTING), REPORTING_VERBS.contains(&w));
                assert_eq!(t.has(i, class::FUTURE_CUE), FUTURE_CUES.contains(&w));
                assert_eq!(t.has(i, class::INVITATION), INVITATION_WORDS.contains(&w));
                assert_eq!(
                    t.after(i),
                    text.as_bytes().get(t.toks[i].end).copied().unwrap_or(0)
                );
                war |= WAR_WORDS.contains(&w);
            }
            assert_eq!(t.war_context(), war);
            assert!(!t.has(t.len(), class::WAR) && t.after(t.len()) == 0);
        }
    }

    /// The tokens character by character: (start, end, break before, quoted).
    fn plain_tokens(text: &str) -> Vec<(usize, usize, bool, bool)> {
        let mut out = Vec::new();
        let (mut straight, mut curly, mut pending_break) = (false, 0usize, false);
        let mut word: Option<(usize, bool)> = None;
        for (at, c) in text.char_indices() {
            if is_word_char(c) || (c == '\'' && word.is_some() && apostrophe_joins(&text[at + 1..]))
            {
                if word.is_none() {
                    word = Some((at, straight || curly > 0));
                }
                continue;
            }
            if let Some((start, quoted)) = word.take() {
                out.push((start, at, pending_break, quoted));
                pending_break = false;
            }
            match c {
                '“' | '«' => curly += 1,
                '”' | '»' => curly = curly.saturating_sub(1),
                '"' => straight = !straight,
                ',' | ';' | ':' | '(' | ')' | '–' | '—' => pending_break = true,
                _ => {}
            }
        }
        if let Some((start, quoted)) = word {
            out.push((start, text.len(), pending_break, quoted));
        }
        out
    }

    #[test]
    fn tokens_read_eight_bytes_at_a_time_are_those_read_character_by_character() {
        let mut texts: Vec<String> = vec![
            "Şuşa's “shelled” town, (Stepanakert) — 1990's \"war\": it's 2020-10-09.".into(),
            "A bombardments' night—Ganja’s «Friday» and Berg-Karabakh;x".into(),
            "Nagorno-Karabakh's".into(),
            "a".into(),
            "'quoted' don't '".into(),
            String::new(),
        ];
        // Every split of a sentence with long and short words, quotes and letters outside ASCII,
        // so that each word meets the text's end at every offset.
        let sentence = "The ceasefire, agreed on Saturday, collapsed in Şuşa’s \"old\" quarter.";
        texts.extend(
            sentence
                .char_indices()
                .map(|(at, _)| sentence[..at].to_string()),
        );
        texts.extend(crate::seed_texts::seed_texts());
        for text in &texts {
            let expected = plain_tokens(text);
            let lower = text.to_ascii_lowercase();
            let padded = format!("{lower}{ZERO_PADDING}");
            for lower in [&lower, &padded] {
                let t = Toks::new(text, lower);
                let got: Vec<_> = t
                    .toks
                    .iter()
                    .map(|k| (k.start, k.end, k.break_before, k.quoted))
                    .collect();
                assert_eq!(got, expected, "{text:?}");
                for (i, k) in t.toks.iter().enumerate() {
                    let w = &text[k.start..k.end].to_ascii_lowercase();
                    assert_eq!(t.w(i), w);
                    assert_eq!((k.starts, k.class), plain_word_facts(w), "{w:?}");
                }
            }
        }
    }

    #[test]
    fn dating_words_found_eight_bytes_at_a_time_are_those_read_one_by_one() {
        let mut texts: Vec<String> = vec![
            "MONDAY, monday's Monday; 9Monday and Mondays, days DAY day2 holiday today.".into(),
            "Sept. 27, Sep 27, septembers, Decided in Dec; may-be; Mayday, week-long WEEKS.".into(),
            "Şuşa’s Friday «Saturday» éday dayé".into(),
        ];
        // A dating word across every offset from the eight-byte steps and the text's end.
        for pad in 0..17 {
            texts.push(format!("{}Thursday x", "a ".repeat(pad)));
            texts.push(format!("{}wednesday", "-".repeat(pad)));
            texts.push(format!("{}jan", "- ".repeat(pad)));
        }
        texts.extend(crate::seed_texts::seed_texts());
        let mut found = 0;
        for text in &texts {
            let bytes = text.as_bytes();
            // A run of ASCII letters starting where the byte before is no letter, whose run of
            // letters and digits is a dating word.
            let plain: Vec<usize> = (0..bytes.len())
                .filter(|&at| {
                    bytes[at].is_ascii_alphabetic()
                        && (at == 0 || !bytes[at - 1].is_ascii_alphabetic())
                })
                .filter(|&at| {
                    let end = (at..bytes.len())
                        .find(|&k| !bytes[k].is_ascii_alphanumeric())
                        .unwrap_or(bytes.len());
                    DATING_WORDS.contains(&text[at..end].to_ascii_lowercase().as_str())
                })
                .collect();
            let starts = dating_word_starts(text);
            assert_eq!(starts, plain, "{text:?}");
            found += starts.len();
            // Every dating word the scanner reads is among them.
            let lower = text.to_ascii_lowercase();
            let t = Toks::new(text, &lower);
            for (i, tok) in t.toks.iter().enumerate() {
                if DATING_WORDS.contains(&t.w(i)) {
                    assert!(starts.contains(&tok.start), "{:?} in {text:?}", t.w(i));
                }
            }
        }
        assert!(found > 100, "the texts hold dating words: {found}");
    }

    #[test]
    fn every_expression_naming_a_day_holds_a_dating_word_or_four_digits() {
        let mut texts: Vec<String> = vec![
            "The seventh day of the war, for 13 days of fighting, two weeks of clashes.".into(),
            "On Friday October 9, 2020-10-09, the night from Wednesday to Thursday, 9 Sept.".into(),
            "Late at night from Sunday to Monday, the eve of the twenty first day of fighting."
                .into(),
        ];
        texts.extend(crate::seed_texts::seed_texts());
        let mut naming = 0;
        for text in &texts {
            let lower = text.to_ascii_lowercase();
            let t = Toks::new(text, &lower);
            for i in 0..t.len() {
                let Some((expr, end)) = match_at(&t, i, starts::ALL) else {
                    continue;
                };
                if !matches!(
                    expr,
                    Expr::Date { .. }
                        | Expr::Weekday { .. }
                        | Expr::NightBetween { .. }
                        | Expr::WarDay { .. }
                        | Expr::WarDuration { .. }
                ) {
                    continue;
                }
                naming += 1;
                let words = &text[t.toks[i].start..t.toks[end - 1].end];
                let dating = (i..end).any(|k| DATING_WORDS.contains(&t.w(k)));
                assert!(
                    may_name_a_time(words, dating),
                    "{words:?} holds no dating word"
                );
            }
        }
        assert!(naming > 40, "the texts name days: {naming}");
    }

    /// [`has_future_cue`] with the words compared one by one.
    fn plain_future_cue(t: &Toks, at: usize) -> bool {
        let mut reach = FUTURE_CUE_REACH;
        let mut j = at;
        while j > at.saturating_sub(reach) {
            j -= 1;
            let w = t.w(j);
            let be_before = j > 0 && t.is(j - 1, &["is", "are", "was", "were"]);
            if FUTURE_CUES.contains(&w)
                || (w == "to" && t.is(j + 1, &["be"]))
                || ((matches!(w, "is" | "are" | "was" | "were" | "set" | "going")
                    || (w == "due" && be_before))
                    && t.is(j + 1, &["to"]))
            {
                return true;
            }
            let aside = t.at_a_dashed_aside(j);
            if aside {
                reach = FUTURE_CUE_REACH + DASHED_ASIDE_WORDS_MAX;
            }
            if t.toks[j].break_before && j + 1 < at && !t.in_list_of_names(j) && !aside {
                break;
            }
        }
        let purpose = (at.saturating_sub(4)..at).any(|j| t.is(j, &["for", "to"]));
        if purpose && (at.saturating_sub(30)..at).any(|j| t.is(j, INVITATION_WORDS)) {
            return true;
        }
        let planned = [
            "invited",
            "scheduled",
            "expected",
            "due",
            "set",
            "to",
            "planned",
        ];
        (at + 1..(at + 12).min(t.len()))
            .take_while(|&j| !t.is(j, CLAUSE_OPENERS))
            .any(|j| {
                matches!(t.w(j), "will" | "shall")
                    || (matches!(t.w(j), "is" | "are") && t.is(j + 1, &planned))
            })
    }

    #[test]
    fn future_cues_told_by_class_bits_are_those_of_the_words() {
        let mut texts: Vec<String> = vec![
            "The ministers are invited to Moscow for talks on Friday, which is to be held.".into(),
            "On October 9, the envoys are expected; they will meet Monday, it is set to start."
                .into(),
            "He was to be received Monday; talks were going to resume; shall we?".into(),
            "An invitation for negotiations on Saturday: the talks are due on Sunday.".into(),
        ];
        texts.extend(crate::seed_texts::seed_texts());
        let mut cues = 0;
        for text in &texts {
            let lower = text.to_ascii_lowercase();
            let t = Toks::new(text, &lower);
            for at in 0..t.len() {
                let plain = plain_future_cue(&t, at);
                assert_eq!(has_future_cue(&t, at), plain, "{:?} in {text:?}", t.w(at));
                cues += usize::from(plain);
            }
        }
        assert!(cues > 50, "the texts hold future cues: {cues}");
    }

    #[test]
    fn scans_with_kept_buffers_find_what_fresh_scans_find() {
        let mut texts = vec![
            "On Friday October 9, 2020, talks began after two weeks of fighting.".to_string(),
            "Short.".to_string(),
            String::new(),
        ];
        texts.extend(crate::seed_texts::seed_texts());
        // A text longer than the buffers kept, which the next scan does not get.
        let long = texts.join(" ").repeat(1 + KEPT_SCRATCH_BYTES / 4096);
        assert!(long.len() > KEPT_SCRATCH_BYTES);
        texts.push(long);
        let fresh: Vec<Vec<Found>> = texts
            .iter()
            .map(|text| {
                let lower = text.to_ascii_lowercase();
                scan_tokens(&Toks::new(text, &lower), |_| false)
            })
            .collect();
        // Long texts, then short ones: the kept buffers hold the longer text's tokens.
        for _ in 0..2 {
            for (text, expected) in texts.iter().zip(&fresh) {
                assert_eq!(&scan(text), expected);
            }
        }
        assert!(fresh.iter().map(Vec::len).sum::<usize>() > 20);
        // A scan within a scan (the caller's `wanted` may scan) gets buffers of its own.
        let text = &texts[0];
        let inner = std::cell::RefCell::new(Vec::new());
        let outer = scan_until(text, |_| {
            inner
                .borrow_mut()
                .push(scan("the seventh day of fighting, on Monday"));
            false
        });
        assert_eq!(outer, fresh[0]);
        for found in inner.borrow().iter() {
            assert_eq!(found, &scan("the seventh day of fighting, on Monday"));
            assert_eq!(found.len(), 2);
        }
    }

    #[test]
    fn every_starting_word_of_an_expression_passes_the_quick_filter() {
        for w in [
            "night",
            "overnight",
            "monday",
            "sept",
            "may",
            "27",
            "9th",
            "1990s",
            "last",
            "past",
            "next",
            "coming",
            "this",
            "yesterday",
            "today",
            "tomorrow",
            "tonight",
            "the",
            "during",
            "in",
            "through",
            "throughout",
            "all",
            "late",
            "earlier",
            "later",
            "eve",
            "twenty",
            "seventh",
            "two",
            "for",
            "recent",
            "nineties",
        ] {
            assert_ne!(starting_matchers(w), 0, "{w}");
        }
        for w in ["fighting", "said", "stepanakert", "", "on", "since"] {
            assert_eq!(starting_matchers(w), 0, "{w}");
        }
        for (bits, words) in STARTING_WORDS {
            for w in *words {
                assert_eq!(starting_matchers(w) & bits, *bits, "{w}");
            }
        }
    }
}
#[cfg(test)]
mod month_and_day_before {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2020, m, d).unwrap_or_default()
    }

    #[test]
    fn a_month_of_a_past_year_or_before_the_war_is_background() {
        let refs = time_refs(
            "An escalation in April 2016 killed 200 people, and clashes near Tovuz in July of \
             this year killed 17.",
            day(10, 9),
        );
        assert_eq!(refs.len(), 2, "{refs:?}");
        assert!(
            refs.iter()
                .all(|r| r.kind == RefKind::Background && r.day.is_none())
        );
        // A month of the war itself is a stretch of days, not background.
        let refs = time_refs(
            "Ganja was shelled repeatedly in October of this year.",
            day(11, 20),
        );
        assert_eq!(refs.len(), 1, "{refs:?}");
        assert_eq!(refs[0].kind, RefKind::Period);
    }

    #[test]
    fn a_day_earlier_counts_from_the_day_told_before() {
        let mut refs = time_refs("A day earlier, four civilians were killed.", day(10, 28));
        assert_eq!(refs.len(), 1, "{refs:?}");
        assert_eq!(refs[0].day, Some(day(10, 27)));
        refs[0].count_day_before_from(day(10, 20));
        assert_eq!(refs[0].day, Some(day(10, 19)));
        assert!(
            refs[0].why().contains("the day before"),
            "{}",
            refs[0].why()
        );
        // "the day before the ceasefire" is no day of its own.
        assert!(time_refs("Shells fell the day before the ceasefire.", day(10, 28)).is_empty());
        // The war's first day told as its start is where a stretch begins; a year range is past.
        let refs = time_refs(
            "The war, which began on September 27, is the deadliest since the first war \
             (1988-1994).",
            day(10, 17),
        );
        assert_eq!(refs.len(), 2, "{refs:?}");
        assert_eq!(refs[0].kind, RefKind::Since);
        assert!(refs[1].background);
        // Another day with a start verb is that day.
        let refs = time_refs("The shelling began on October 4.", day(10, 17));
        assert_eq!(refs[0].kind, RefKind::Day);
        assert_eq!(
            time_refs("Rockets hit Martuni the previous day.", day(10, 28))
                .first()
                .and_then(|r| r.day),
            Some(day(10, 27))
        );
        assert_eq!(
            time_refs("Rockets hit Martuni the previous evening.", day(10, 28))
                .first()
                .and_then(|r| r.day),
            Some(day(10, 27))
        );
    }

    #[test]
    fn a_night_between_two_dates_is_the_first() {
        for sentence in [
            "During the night of 16 to 17 October, a missile struck Ganja.",
            "In the night from October 16 to 17, rockets hit Stepanakert.",
            "On the night of October 16-17, drones struck Martuni.",
            "On the night of 16\u{2013}17 October, drones struck Martuni.",
        ] {
            let refs = time_refs(sentence, day(10, 20));
            let days: Vec<_> = refs.iter().filter_map(|r| r.day).collect();
            assert_eq!(days, [day(10, 16)], "{sentence}: {refs:?}");
            let first = primary_day(&refs).expect("a day");
            assert!(paired_day(sentence, &refs, first).is_none(), "{sentence}");
        }
    }

    #[test]
    fn a_range_of_two_days_gives_both() {
        let published = day(11, 10);
        for sentence in [
            "Drones struck Martuni on 6-7 November.",
            "Drones struck Martuni on 6\u{2013}7 November.",
            "Drones struck Martuni on November 6-7.",
        ] {
            let refs = time_refs(sentence, published);
            let first = primary_day(&refs);
            let paired = first.and_then(|f| paired_day(sentence, &refs, f));
            let mut days: Vec<NaiveDate> = first
                .into_iter()
                .chain(paired.as_ref())
                .filter_map(|r| r.day)
                .collect();
            days.sort();
            assert_eq!(days, [day(11, 6), day(11, 7)], "{sentence}: {refs:?}");
        }
        // A count after a date is no second day.
        let sentence = "Shelling on November 6-17 civilians were hurt.";
        let refs = time_refs(sentence, published);
        let first = primary_day(&refs).expect("a day");
        assert!(paired_day(sentence, &refs, first).is_none());
    }
}
