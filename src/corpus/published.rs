//! The publication date of an article: a metadata line, else clues in the text.
//!
//! 1. **Stated**: one of the first or last three non-empty lines names it — a keyword line
//!    ("date 2020-10-10", "published: 2020-10-03", "Source: Reuters, October 3rt, 2020"; typos in
//!    ordinals are read) or a short credit line that is only names and a full date ("Reuters,
//!    3 October 2020").
//! 2. **Inferred**: every clue of the text votes for candidate days, with a weight:
//!    - "the seventh day of fighting", "for 13 days" / "lasted for 12 days" of fighting count from
//!      the war's start ([`war_start`], day 1): the day they name gets a strong vote, the next day a
//!      weak one (counting is loose); "on the eve of a fifth day" also votes for the day before.
//!    - A weekday in the past tense ("began Friday", "Thursday evening", "the night from Wednesday to
//!      Thursday") votes for days shortly after it: the same weekday most, the day after less, and
//!      so on — wires name the day of the report itself.
//!    - A date the text tells as past ("since September 27", "On October 9, … hit") bounds the
//!      publication from below; a date told as ahead ("talks on Friday October 9" after "invited …
//!      for", or "will") bounds it from above; the latest past date gets a small vote.
//!
//!    The best-scoring day wins; its evidence quotes the clues that voted for it, and strong clues
//!    that point elsewhere are reported as conflicts.
//!
//! Dates without a year take the year the text names elsewhere, else [`DEFAULT_YEAR`].

use std::ops::Range;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::war_start;
use crate::model::{DateSource, Published};
use crate::text::sentences;
use crate::when::{
    DEFAULT_YEAR, Expr, Found, PartOfDay, TimeScans, WeekdayShift, dating_word_starts,
    may_name_a_time, scan,
};

/// Keywords that open a metadata line.
const METADATA_KEYWORDS: &[&str] = &[
    "publication date",
    "date published",
    "last updated",
    "published",
    "updated",
    "posted",
    "dated",
    "date",
    "source",
    "issued",
];

/// How many non-empty lines at each end of the text may hold metadata.
const METADATA_LINES: usize = 3;

/// How many non-empty lines at the head of a scraped page may hold a short keyword line
/// ("Issued on: 16/10/2020 - 17:48" under a cookie banner, the outlet's name and a section).
const KEYWORD_LINES: usize = 8;

/// The publication date: stated by a metadata line, else inferred from the text; `None` when the
/// text gives no clue at all.
pub fn publication_date(text: &str) -> Option<Published> {
    let all_sentences = sentences(text);
    let scanned = scan_dating_sentences(text, &all_sentences);
    let inferred = infer_from_clues(clues_from(text, &scanned));
    // The sentences and scans are kept for the extraction, which would split and scan again.
    let time_scans = TimeScans::new(
        text,
        &all_sentences,
        scanned
            .into_iter()
            .filter_map(|(range, found)| Some((range, found?)))
            .collect(),
    );
    if let Some((day, evidence)) = stated_date(text) {
        let conflicts = inferred
            .as_ref()
            .map(|inf| conflicts_with(&inf.clues, day))
            .unwrap_or_default();
        return Some(Published {
            day,
            evidence,
            source: DateSource::Stated,
            conflicts,
            time_scans,
        });
    }
    let inf = inferred?;
    let conflicts = conflicts_with(&inf.clues, inf.day);
    Some(Published {
        day: inf.day,
        evidence: inf.evidence,
        source: DateSource::Inferred,
        conflicts,
        time_scans,
    })
}

/// The metadata line's date and the words that state it.
pub fn stated_date(text: &str) -> Option<(NaiveDate, String)> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let head = lines.iter().take(METADATA_LINES);
    let tail = lines.iter().rev().take(METADATA_LINES);
    let deeper = lines
        .iter()
        .take(KEYWORD_LINES)
        .skip(METADATA_LINES)
        // A date line under a headline, a standfirst and a byline ("Oct. 29, 2020"): a credit
        // line still, read by `metadata_date` as the lines above. So is the dateline that heads
        // the first paragraph of a press release under its label, headline and signatory
        // ("VIENNA, 30 October 2020 - \"Our teams …").
        .filter(|line| line.len() <= CREDIT_LINE_MAX || dateline(line).is_some());
    head.chain(tail)
        .chain(deeper)
        .find_map(|line| metadata_date(line))
}

/// The length of a leading metadata prefix of a line ("date 2020-10-10 " in "date 2020-10-10
/// Devastated: …"), white space after it included; `None` when the line does not open with one.
pub fn metadata_prefix_len(line: &str) -> Option<usize> {
    let (keyword_end, _) = leading_keyword(line)?;
    if line[..keyword_end].trim().eq_ignore_ascii_case("source") {
        return None;
    }
    let rest = &line[keyword_end..];
    let found = scan(rest);
    let first = found.first()?;
    // The date must follow the keyword directly ("date: 2020-10-10").
    if rest[..first.start]
        .trim_matches(|c: char| c.is_whitespace() || c == ':')
        .is_empty()
        && matches!(first.expr, Expr::Date { .. })
    {
        let end = keyword_end + first.end;
        let spaces = line[end..].len() - line[end..].trim_start().len();
        return Some(end + spaces);
    }
    None
}

/// The keyword a line opens with: (byte end of the keyword and its colon, the keyword).
fn leading_keyword(line: &str) -> Option<(usize, &'static str)> {
    let lead = line.len() - line.trim_start().len();
    let rest = &line[lead..];
    // Most lines open with a word no keyword starts with: one byte rules them out.
    let first = rest.as_bytes().first()?.to_ascii_lowercase();
    if !METADATA_KEYWORDS
        .iter()
        .any(|k| k.as_bytes().first() == Some(&first))
    {
        return None;
    }
    keyword_after(line, lead)
}

/// A keyword after a dash or a bar on a short line, where a dateline comes first:
/// "Stepanakert (Azerbaijan) (AFP) - Published on: 04/10/2020 - 16:48".
fn keyword_after_a_separator(line: &str) -> Option<(usize, &'static str)> {
    if line.len() > CREDIT_LINE_MAX {
        return None;
    }
    [" - ", " – ", " — ", " | "].iter().find_map(|separator| {
        let at = line.find(separator)? + separator.len();
        keyword_after(line, at)
    })
}

/// [`leading_keyword`] once the white space `line[..lead]` before it is passed over, trying
/// every keyword.
fn keyword_after(line: &str, lead: usize) -> Option<(usize, &'static str)> {
    let rest = &line[lead..];
    METADATA_KEYWORDS.iter().find_map(|k| {
        let head = rest.get(..k.len())?;
        let after = rest[k.len()..].chars().next();
        if head.eq_ignore_ascii_case(k) && after.is_none_or(|c| !c.is_alphanumeric()) {
            let mut end = lead + k.len();
            let tail = &line[end..];
            let colon = tail.trim_start();
            if colon.starts_with(':') {
                end += tail.len() - colon.len() + 1;
            }
            Some((end, *k))
        } else {
            None
        }
    })
}

fn metadata_date(line: &str) -> Option<(NaiveDate, String)> {
    let keyword = leading_keyword(line).or_else(|| keyword_after_a_separator(line));
    if keyword.is_none() && line.len() > CREDIT_LINE_MAX {
        // A paragraph, not a credit line — unless a dateline heads it: "GANJA, Azerbaijan,
        // October 11, 2020 (AP) - A missile struck …" is a credit line before its dash.
        return dateline(line).and_then(metadata_date);
    }
    let found = scan(line);
    for f in &found {
        let Expr::Date {
            month, day, year, ..
        } = f.expr
        else {
            continue;
        };
        let year = match (year, keyword) {
            (Some(y), _) => y,
            (None, Some((_, k))) if k != "source" => DEFAULT_YEAR,
            // "BAKU, Oct 18 (Reuters) -": a wire's dateline names no year, it is this year's.
            (None, None) if is_wire_dateline(line, f) => DEFAULT_YEAR,
            _ => continue,
        };
        let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
            continue;
        };
        let starts = line.len() - line.trim_start().len();
        if keyword.is_some() || is_credit_line(line, f) {
            let evidence = line[starts..f.end].trim_end().to_string();
            return Some((date, evidence));
        }
        // A short first paragraph its dateline heads: "VIENNA, 30 October 2020 - \"Our staff
        // are worried.".
        if keyword.is_none()
            && let Some(head) = dateline(line).filter(|head| head.len() < line.len())
        {
            return metadata_date(head);
        }
    }
    numeric_metadata_date(line, keyword.is_some())
}

/// A wire's dateline: a credit line whose date is followed by the agency in brackets ("BAKU,
/// Oct 18 (Reuters)", "YEREVAN, October 15 (AFP)").
fn is_wire_dateline(line: &str, date: &Found) -> bool {
    let after = line[date.end..].trim_start();
    // "MOSCOW, November 10. /TASS/": the agency between slashes after a full stop.
    let slashed = after
        .strip_prefix('.')
        .map_or(after, str::trim_start)
        .strip_prefix('/');
    let Some(agency) = slashed.or_else(|| after.strip_prefix('(')) else {
        return false;
    };
    agency.starts_with(|c: char| c.is_uppercase()) && is_credit_line(line, date)
}

/// A date written in figures, day first, on a metadata line or a short line of its own:
/// "12.10.2020 | 14:05", "Published on 15/10/2020". Day first is how the region's outlets
/// write; where only the month-first reading is a date ("10/15/2020") that one is taken.
fn numeric_metadata_date(line: &str, has_keyword: bool) -> Option<(NaiveDate, String)> {
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let Some((first, second, year, end)) = numeric_date_at(bytes, i) else {
            i += 1;
            continue;
        };
        let date = NaiveDate::from_ymd_opt(year, second, first)
            .or_else(|| NaiveDate::from_ymd_opt(year, first, second))?;
        // Apart from the date, a short line: a keyword, a time, an outlet's name.
        let others = format!("{} {}", &line[..i], &line[end..]);
        let words = others
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count();
        if !has_keyword && (line.len() > CREDIT_LINE_MAX || words > 4) {
            return None;
        }
        let starts = line.len() - line.trim_start().len();
        return Some((date, line[starts..end].to_string()));
    }
    None
}

/// "15.10.2020", "15/10/2020" or "2020/10/15" at byte `i`: the two numbers that are not the
/// year (day first when the year comes first), the year (1900–2100) and the end. The two
/// separators must be the same, and nothing alphanumeric may follow.
fn numeric_date_at(bytes: &[u8], i: usize) -> Option<(u32, u32, i32, usize)> {
    let number = |from: usize, most: usize| -> Option<(u32, usize)> {
        let digits = bytes[from..]
            .iter()
            .take(most + 1)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits == 0 || digits > most {
            return None;
        }
        let text = std::str::from_utf8(&bytes[from..from + digits]).ok()?;
        Some((text.parse().ok()?, from + digits))
    };
    let (first, after_first) = number(i, 4)?;
    let separator = *bytes.get(after_first)?;
    if separator != b'.' && separator != b'/' {
        return None;
    }
    let (second, after_second) = number(after_first + 1, 2)?;
    if bytes.get(after_second) != Some(&separator) {
        return None;
    }
    // "2020/10/12": the year first, then month and day, given back day first.
    if after_first - i == 4 {
        let (day, end) = number(after_second + 1, 2)?;
        if !(1900..=2100).contains(&first) || bytes.get(end).is_some_and(u8::is_ascii_alphanumeric)
        {
            return None;
        }
        return Some((day, second, i32::try_from(first).ok()?, end));
    }
    if after_first - i > 2 {
        return None;
    }
    let (year, end) = number(after_second + 1, 4)?;
    if end - after_second - 1 != 4
        || !(1900..=2100).contains(&year)
        || bytes.get(end).is_some_and(u8::is_ascii_alphanumeric)
    {
        return None;
    }
    Some((first, second, i32::try_from(year).ok()?, end))
}

/// The longest line read as a credit line.
const CREDIT_LINE_MAX: usize = 80;

/// The words before a paragraph's first dash, or up to an agency's mark between slashes
/// ("MOSCOW, November 10. /TASS/. Russian peacekeepers …"), when they are short enough for a
/// credit line.
fn dateline(line: &str) -> Option<&str> {
    let before_dash = [" - ", " – ", " — "]
        .iter()
        .filter_map(|dash| line.find(dash))
        .min();
    let agency_mark = line.find(". /").and_then(|open| {
        let name = &line[open + 3..];
        let len = name.find('/')?;
        let is_agency = len > 1
            && name[..len]
                .chars()
                .all(|c| c.is_uppercase() || c == '-' || c == ' ');
        is_agency.then_some(open + 3 + len + 1)
    });
    before_dash
        .into_iter()
        .chain(agency_mark)
        .min()
        .filter(|&end| end <= CREDIT_LINE_MAX)
        .map(|end| &line[..end])
}

/// "Reuters, 3 October 2020", "AFP | October 3, 2020": apart from the date, a few capitalised words.
fn is_credit_line(line: &str, date: &Found) -> bool {
    if line.len() > CREDIT_LINE_MAX {
        return false;
    }
    // The time of day and its zone say nothing against a credit line: "By Staff, Oct. 15, 2020
    // at 5:03 p.m. EDT".
    const TIME_WORDS: [&str; 21] = [
        "at", "a", "p", "m", "am", "pm", "GMT", "UTC", "BST", "CET", "CEST", "EDT", "EST", "ET",
        "By", "Updated", "updated", "hours", "hour", "minutes", "ago",
    ];
    // A note in brackets after the date says nothing against it either: "Sunday, 1 November
    // 2020 (Day 36 of hostilities)".
    let after = &line[date.end..];
    let after = match (after.trim_start().strip_prefix('('), after.find(')')) {
        (Some(_), Some(close)) => &after[close + 1..],
        _ => after,
    };
    // Nor does what a page adds after a bar or a dot: "13 October 2020 | 27 min", "· 5 min
    // read".
    let after = if after.trim_start().starts_with(['|', '\u{b7}', '\u{2022}']) {
        ""
    } else {
        after
    };
    // Nor does a byline after the date: "October 14, 2020 by Ani Petrosyan and Tom Hart" (its
    // names are held to the same capitals as the rest).
    let byline = after.trim_start().strip_prefix("by ");
    let after = byline.unwrap_or(after);
    let byline = byline.is_some();
    let others = format!("{} {}", &line[..date.start], after);
    let words: Vec<&str> = others
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter(|w| !TIME_WORDS.contains(w) && !w.bytes().all(|b| b.is_ascii_digit()))
        .filter(|w| !(byline && *w == "and"))
        .collect();
    let record_words = words.iter().filter(|w| RECORD_WORDS.contains(w)).count();
    words.len() - record_words <= 4
        && record_words <= 6
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || RECORD_WORDS.contains(w)
        })
}

/// The words of a record's date line ("Volume 701: debated on Wednesday 4 November 2020",
/// "Sitting of 4 November 2020", "Minutes of the meeting held on 4 November 2020").
const RECORD_WORDS: &[&str] = &[
    "on",
    "of",
    "the",
    "debated",
    "held",
    "heard",
    "sitting",
    "session",
    "meeting",
    "issued",
    "dated",
    "recorded",
    "published",
];

// ---------------------------------------------------------------------------------------------
// Inference

/// One clue of the text and the votes it gives.
#[derive(Clone, Debug)]
pub struct Clue {
    /// The words, quoted from the text.
    pub words: String,
    pub what: ClueKind,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ClueKind {
    /// A counted day of the war: strong vote for `day`, weak for `alternative`.
    Counted {
        day: NaiveDate,
        alternative: Option<NaiveDate>,
        strong: bool,
    },
    /// A weekday told as past: votes for the days after it. `evening`: reported the next day as
    /// often as the same day.
    Weekday {
        weekday: Weekday,
        evening: bool,
        weight: f64,
    },
    /// A day told as past: publication is on or after it. `event`: the day of something that
    /// happened (not the start of a duration), so it may be the latest day the text refers to.
    NotBefore { day: NaiveDate, event: bool },
    /// A day told as ahead: publication is before it.
    Before(NaiveDate),
}

/// The inferred day, its evidence and the clues it weighed.
#[derive(Clone, Debug)]
pub struct Inference {
    pub day: NaiveDate,
    pub evidence: String,
    pub score: f64,
    pub clues: Vec<Clue>,
}

const COUNTED_WEIGHT: f64 = 3.0;
const COUNTED_NEIGHBOUR_WEIGHT: f64 = 1.0;
const BOUND_PENALTY: f64 = 4.0;
const PLANNED_WEEK_WEIGHT: f64 = 0.3;
/// Below a weekday's vote: "On October 14 … on Thursday" is the Thursday after the 14th.
const LATEST_DATE_WEIGHT: f64 = 0.5;

/// How strongly a past weekday supports publication `k` days after it.
fn weekday_vote(k: i64, evening: bool) -> f64 {
    match (k, evening) {
        (0, false) => 1.0,
        (1, false) => 0.7,
        (0, true) => 0.8,
        (1, true) => 1.0,
        (2, _) => 0.3,
        _ => 0.1,
    }
}

fn shift(day: NaiveDate, offset: i64) -> Option<NaiveDate> {
    if offset >= 0 {
        day.checked_add_days(Days::new(offset.unsigned_abs()))
    } else {
        day.checked_sub_days(Days::new(offset.unsigned_abs()))
    }
}

/// The clues of a text for its publication date.
pub fn clues(text: &str) -> Vec<Clue> {
    clues_from(text, &scan_dating_sentences(text, &sentences(text)))
}

/// The sentences of `text` (`all`, its [`sentences`]), each with, when it holds a word that
/// names a day, what [`scan`] finds in it (`None`: not scanned, no clue in it). Every clue names
/// a day, so sentences without such a word (most) are not scanned.
fn scan_dating_sentences(
    text: &str,
    all: &[Range<usize>],
) -> Vec<(Range<usize>, Option<Vec<Found>>)> {
    let dating = dating_word_starts(text);
    all.iter()
        .cloned()
        .map(|range| {
            let first = dating.partition_point(|&at| at < range.start);
            let has_dating_word = dating.get(first).is_some_and(|&at| at < range.end);
            let sentence = &text[range.clone()];
            let found = may_name_a_time(sentence, has_dating_word).then(|| scan(sentence));
            (range, found)
        })
        .collect()
}

/// The clues of the sentences [`scan_dating_sentences`] scanned in `text`.
fn clues_from(text: &str, scanned: &[(Range<usize>, Option<Vec<Found>>)]) -> Vec<Clue> {
    // Each sentence is scanned once: its expressions give the year the text states, then the
    // clues, whose dates without a year take that year.
    let year = stated_year(scanned.iter().flat_map(|(_, found)| found.iter().flatten()))
        .unwrap_or(DEFAULT_YEAR);
    let mut out = Vec::new();
    for (range, found) in scanned {
        let sentence = &text[range.clone()];
        for f in found.iter().flatten() {
            if let Some(what) = clue_of(f, year) {
                let words = sentence[f.start..f.end].to_string();
                out.push(Clue { words, what });
            }
        }
    }
    out
}

/// The year of the first full date among a text's expressions, if any.
fn stated_year<'a>(mut found: impl Iterator<Item = &'a Found>) -> Option<i32> {
    found.find_map(|f| match f.expr {
        Expr::Date { year: Some(y), .. } => Some(y),
        _ => None,
    })
}

fn clue_of(f: &Found, year: i32) -> Option<ClueKind> {
    let start = war_start();
    match f.expr {
        Expr::WarDay { ordinal, eve } if !f.since => {
            let day = shift(start, i64::from(ordinal) - 1)?;
            Some(ClueKind::Counted {
                day,
                alternative: if eve { shift(day, -1) } else { shift(day, 1) },
                strong: true,
            })
        }
        Expr::WarDuration { days, approx } => {
            let day = shift(start, i64::from(days) - 1)?;
            Some(ClueKind::Counted {
                day,
                alternative: shift(day, 1),
                strong: !approx,
            })
        }
        Expr::Weekday {
            weekday,
            part,
            shift: WeekdayShift::Plain,
        } if !f.future => Some(ClueKind::Weekday {
            weekday,
            evening: matches!(part, Some(PartOfDay::Evening | PartOfDay::Night)),
            weight: if f.since { 0.5 } else { 1.0 },
        }),
        Expr::NightBetween { morning, .. } => Some(ClueKind::Weekday {
            weekday: morning,
            evening: false,
            weight: 1.0,
        }),
        Expr::Date {
            month,
            day,
            year: y,
            ..
        } => {
            let date = NaiveDate::from_ymd_opt(y.unwrap_or(year), month, day)?;
            if f.future && !f.since {
                Some(ClueKind::Before(date))
            } else {
                Some(ClueKind::NotBefore {
                    day: date,
                    event: !f.since,
                })
            }
        }
        _ => None,
    }
}

/// The score of one candidate day under the clues.
fn score(day: NaiveDate, clues: &[Clue], latest: Option<NaiveDate>) -> f64 {
    let mut s = 0.0;
    for c in clues {
        s += match c.what {
            ClueKind::Counted {
                day: d,
                alternative,
                strong,
            } => {
                let w = if strong {
                    COUNTED_WEIGHT
                } else {
                    COUNTED_NEIGHBOUR_WEIGHT
                };
                if d == day {
                    w
                } else if alternative == Some(day) {
                    COUNTED_NEIGHBOUR_WEIGHT
                } else {
                    0.0
                }
            }
            ClueKind::Weekday {
                weekday,
                evening,
                weight,
            } => {
                let k = (i64::from(day.weekday().num_days_from_monday())
                    - i64::from(weekday.num_days_from_monday()))
                .rem_euclid(7);
                weight * weekday_vote(k, evening)
            }
            ClueKind::NotBefore { day: d, .. } if day < d => -BOUND_PENALTY,
            ClueKind::Before(d) if day >= d => -BOUND_PENALTY,
            // Plans are told in the week before.
            ClueKind::Before(d) if (d - day).num_days() <= 7 => PLANNED_WEEK_WEIGHT,
            _ => 0.0,
        };
    }
    if latest == Some(day) {
        s += LATEST_DATE_WEIGHT;
    }
    s
}

/// How much a clue supports a day (for the evidence), 0 when it does not.
fn support(clue: &Clue, day: NaiveDate) -> f64 {
    score(day, std::slice::from_ref(clue), None).max(0.0)
}

/// The day the clues of a text point to, or `None` when nothing anchors it to a date (weekdays
/// alone cannot say which week).
pub fn infer(text: &str) -> Option<Inference> {
    infer_from_clues(clues(text))
}

/// [`infer`] from the text's clues.
fn infer_from_clues(clues: Vec<Clue>) -> Option<Inference> {
    let mut anchors: Vec<NaiveDate> = Vec::new();
    for c in &clues {
        match c.what {
            ClueKind::Counted {
                day, alternative, ..
            } => {
                anchors.push(day);
                anchors.extend(alternative);
            }
            ClueKind::NotBefore { day: d, .. } | ClueKind::Before(d) => anchors.push(d),
            ClueKind::Weekday { .. } => {}
        }
    }
    let (&lo, &hi) = (anchors.iter().min()?, anchors.iter().max()?);
    let latest = clues
        .iter()
        .filter_map(|c| match c.what {
            ClueKind::NotBefore {
                day: d,
                event: true,
            } => Some(d),
            _ => None,
        })
        .max();
    let mut best: Option<(NaiveDate, f64)> = None;
    let mut day = shift(lo, -7)?;
    let last = shift(hi, 7)?;
    while day <= last {
        let s = score(day, &clues, latest);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((day, s));
        }
        day = shift(day, 1)?;
    }
    let (day, score) = best?;
    let mut supporting: Vec<(f64, &Clue)> = clues
        .iter()
        .map(|c| (support(c, day), c))
        .filter(|(s, _)| *s >= 0.7)
        .collect();
    supporting.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut evidence: Vec<&str> = Vec::new();
    for (_, c) in &supporting {
        if !evidence.contains(&c.words.as_str()) {
            evidence.push(&c.words);
        }
        if evidence.len() == 3 {
            break;
        }
    }
    let mut evidence = evidence.join(" … ");
    if evidence.is_empty() {
        evidence = format!("latest day the text refers to, {day}");
    }
    Some(Inference {
        day,
        evidence,
        score,
        clues,
    })
}

/// Strong clues that point away from `day`, in words.
fn conflicts_with(clues: &[Clue], day: NaiveDate) -> Vec<String> {
    let mut out = Vec::new();
    for c in clues {
        let msg = match c.what {
            ClueKind::Counted {
                day: d,
                alternative,
                strong: true,
            } if d != day && alternative != Some(day) => {
                format!("'{}' counts to {d} from the war's start", c.words)
            }
            ClueKind::NotBefore { day: d, .. } if day < d => {
                format!(
                    "'{}' is told as past, so publication is {d} or later",
                    c.words
                )
            }
            ClueKind::Before(d) if day >= d => {
                format!(
                    "'{}' is told as ahead, so publication is before {d}",
                    c.words
                )
            }
            _ => continue,
        };
        if !out.contains(&msg) {
            out.push(msg);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scans_kept_with_the_date_are_those_of_the_sentences() {
        let mut texts = crate::seed_texts::seed_texts();
        texts.push(
            "Date: 2020-10-12\nShelling hit Tartar on Sunday. Two days later, more fell.\n\
             The war began on September 27; talks are due on Friday October 16.\n"
                .into(),
        );
        let mut kept = 0;
        let mut bytes = 0;
        for text in &texts {
            let Some(published) = publication_date(text) else {
                continue;
            };
            let scans = &published.time_scans;
            bytes += scans.heap_bytes();
            assert_eq!(scans.sentences(text), Some(sentences(text)));
            assert_eq!(scans.sentences(&format!("{text} ")), None);
            for range in sentences(text) {
                if let Some(found) = scans.of(text, &range) {
                    assert_eq!(found, scan(&text[range.clone()]).as_slice(), "{range:?}");
                    kept += 1;
                }
                // Another text (here one byte longer) is never read from these scans.
                assert_eq!(scans.of(&format!("{text} "), &range), None);
            }
            assert!(scans.len() <= sentences(text).len());
        }
        assert!(kept >= 20, "only {kept} sentences' scans kept");
        assert!(
            bytes / texts.len() < 2048,
            "{} bytes kept per text",
            bytes / texts.len()
        );
    }

    #[test]
    fn scans_out_of_order_or_outside_the_text_are_not_kept() {
        let text = "On Sunday. On Monday.";
        let found = |s: &str| scan(s);
        let scans = TimeScans::new(
            text,
            &sentences(text),
            vec![
                (11..21, found(&text[11..21])),
                (0..10, found(&text[0..10])),
                (15..40, Vec::new()),
            ],
        );
        assert_eq!(scans.len(), 1);
        assert_eq!(
            scans.of(text, &(11..21)),
            Some(found(&text[11..21]).as_slice())
        );
        assert_eq!(scans.of(text, &(0..10)), None);
        assert_eq!(scans.of(text, &(11..20)), None);
    }

    /// [`clues`] with every sentence scanned.
    fn clues_scanning_every_sentence(text: &str) -> Vec<(String, ClueKind)> {
        let scanned: Vec<(&str, Vec<Found>)> = sentences(text)
            .into_iter()
            .map(|range| (&text[range.clone()], scan(&text[range])))
            .collect();
        let year = stated_year(scanned.iter().flat_map(|(_, f)| f)).unwrap_or(DEFAULT_YEAR);
        let mut out = Vec::new();
        for (sentence, found) in &scanned {
            for f in found {
                if let Some(what) = clue_of(f, year) {
                    out.push((sentence[f.start..f.end].to_string(), what));
                }
            }
        }
        out
    }

    #[test]
    fn keywords_ruled_out_by_first_letter_agree_with_trying_every_keyword() {
        let mut lines: Vec<String> = vec![
            "Published: 2020-10-03".into(),
            "  DATE 2020-10-10 Devastated: the town".into(),
            "Last updated Oct. 5".into(),
            "Sources said the town fell.".into(),
            "“Posted” on Monday".into(),
            "dated".into(),
            "".into(),
        ];
        for text in crate::seed_texts::seed_texts() {
            lines.extend(text.lines().map(str::to_string));
        }
        let mut keywords = 0;
        for line in &lines {
            let lead = line.len() - line.trim_start().len();
            let found = leading_keyword(line);
            assert_eq!(found, keyword_after(line, lead), "{line:?}");
            keywords += usize::from(found.is_some());
        }
        assert!(keywords >= 5, "the lines open with keywords: {keywords}");
    }

    #[test]
    fn sentences_without_a_dating_word_give_no_clue() {
        let mut texts: Vec<String> = vec![
            "Fighting went on for 13 days. The town was shelled. On Friday, talks began.".into(),
            "Since September 27 the war raged; 2020-10-09 saw a truce. Nothing else.".into(),
            "On the seventh day of fighting, Monday's shelling hit. Officials spoke.".into(),
            "Two weeks of clashes. He will arrive on Oct. 12. The night from Wednesday to \
             Thursday was calm. The separatists decided to march."
                .into(),
        ];
        texts.extend(crate::seed_texts::seed_texts());
        let mut clues_found = 0;
        for text in &texts {
            let plain = clues_scanning_every_sentence(text);
            let got: Vec<(String, ClueKind)> =
                clues(text).into_iter().map(|c| (c.words, c.what)).collect();
            assert_eq!(got, plain, "{text}");
            clues_found += got.len();
        }
        assert!(clues_found > 30, "the texts hold clues: {clues_found}");
    }

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2020, m, day).unwrap_or_default()
    }

    fn day_of(text: &str) -> Option<NaiveDate> {
        publication_date(text).map(|p| p.day)
    }

    #[test]
    fn stated_keyword_lines() {
        let p = publication_date("published: 2020-10-03\nTroops advanced near the river.");
        assert_eq!(p.as_ref().map(|p| p.day), Some(d(10, 3)));
        assert_eq!(p.as_ref().map(|p| p.source), Some(DateSource::Stated));
        assert_eq!(
            p.map(|p| p.evidence).as_deref(),
            Some("published: 2020-10-03")
        );

        let text = "Shelling hit the town.\n\nSource: AFP, October 12th, 2020";
        let p = publication_date(text);
        assert_eq!(p.as_ref().map(|p| p.day), Some(d(10, 12)));
        assert_eq!(
            p.map(|p| p.evidence).as_deref(),
            Some("Source: AFP, October 12th, 2020")
        );
        // A typo in the ordinal suffix is still a day.
        assert_eq!(
            day_of("Clashes went on.\nSource: Reuters, October 2nt, 2020"),
            Some(d(10, 2))
        );
        assert_eq!(
            day_of("Date: 5 November 2020\nThe ceasefire holds."),
            Some(d(11, 5))
        );
    }

    #[test]
    fn metadata_prefix_before_a_caption() {
        let line = " date 2020-10-10 Devastated: a man in the ruins.";
        let n = metadata_prefix_len(line);
        assert_eq!(
            n.map(|n| &line[n..]),
            Some("Devastated: a man in the ruins.")
        );
        assert_eq!(metadata_prefix_len("Dated reports say little."), None);
        assert_eq!(
            metadata_prefix_len("Source: Reuters, October 3, 2020"),
            None
        );
    }

    #[test]
    fn credit_line_with_date_is_stated_but_a_headline_is_not() {
        assert_eq!(
            day_of("Reuters, 4 October 2020\nFighting went on."),
            Some(d(10, 4))
        );
        let p = publication_date("War began on September 27, 2020\nIt went on for days.");
        assert_ne!(p.map(|p| p.source), Some(DateSource::Stated));
    }

    #[test]
    fn a_wire_dateline_without_a_year_states_the_date() {
        let p = publication_date(
            "Armenia and Azerbaijan trade blame\n\nYEREVAN, October 15 (Reuters) -\n\nArtillery \
             fire hit Stepanakert on Tuesday, officials said.",
        );
        assert_eq!(p.as_ref().map(|p| p.day), Some(d(10, 15)));
        assert_eq!(p.as_ref().map(|p| p.source), Some(DateSource::Stated));
        let p = publication_date(
            "BAKU/YEREVAN, Oct 18 (Reuters) - Armenia and Azerbaijan accused each other on Sunday \
             of violating a new humanitarian ceasefire.",
        );
        assert_eq!(
            p.map(|p| (p.day, p.source)),
            Some((d(10, 18), DateSource::Stated))
        );
        // A headline with a day and no agency is no dateline.
        let p = publication_date("Talks set for October 30 (tentatively)\nNothing else.");
        assert_ne!(p.map(|p| p.source), Some(DateSource::Stated));
    }

    #[test]
    fn an_agency_mark_between_slashes_makes_a_dateline() {
        let p = publication_date(
            "Peacekeepers deploy\n\nMOSCOW, November 10. /TASS/. Russian peacekeepers began \
             deploying on Tuesday, hours after the leaders signed a statement. The Armenian side \
             will return the district by December 1.",
        );
        assert_eq!(
            p.map(|p| (p.day, p.source)),
            Some((d(11, 10), DateSource::Stated))
        );
        // Slashes around words that are no agency's capitals make no dateline.
        let p = publication_date(
            "Talks set for November 10. /see below/ The ministers will meet in Geneva and then \
             travel on to Moscow for more talks.",
        );
        assert_ne!(p.map(|p| p.source), Some(DateSource::Stated));
    }

    #[test]
    fn a_keyword_line_under_a_scraped_page_banner_states_the_date() {
        let text = "We use cookies to improve your experience. By continuing to browse, you \
                    accept our use of cookies. Manage my choices  Accept and close\n\nFRANCE 24\n\
                    Europe\n\nTown lives under fire\nIssued on: 16/10/2020 - 17:48\n\n\
                    The town was hit again on Thursday evening, officials said.";
        let p = publication_date(text);
        assert_eq!(
            p.map(|p| (p.day, p.source)),
            Some((d(10, 16), DateSource::Stated))
        );
        // Deeper in the head, only a short line opening with a keyword counts, not a paragraph.
        let text = "Town lives under fire\nOne\nTwo\nThree\nPublished reports on October 2, \
                    2020 said the town was hit again and again by rockets fired from the hills.\n\
                    The town was hit again on Thursday evening, officials said.\nFour\nFive\nSix";
        let p = publication_date(text);
        assert_ne!(p.map(|p| p.source), Some(DateSource::Stated));
    }

    #[test]
    fn a_byline_with_the_time_of_day_states_the_date() {
        let p = publication_date(
            "Shelling reported in Karabakh\n\nBy Staff, Oct. 15, 2020 at 5:03 p.m. EDT\n\n\
             Artillery fire hit Stepanakert on Tuesday, officials said.",
        );
        assert_eq!(
            p.map(|p| (p.day, p.source)),
            Some((d(10, 15), DateSource::Stated))
        );
        let p = publication_date(
            "Fighting rages\n\nOctober 12, 2020 / 11:45 AM / Updated 2 hours ago\n\nArtillery \
             fire hit Stepanakert on Tuesday, officials said.",
        );
        assert_eq!(
            p.map(|p| (p.day, p.source)),
            Some((d(10, 12), DateSource::Stated))
        );
        // A sentence with a date and more than a name around it is still no credit line.
        let p = publication_date(
            "Talks in Geneva at 5 p.m. on Oct. 15, 2020 were cancelled by both sides.",
        );
        assert_ne!(p.map(|p| p.source), Some(DateSource::Stated));
    }

    #[test]
    fn a_date_line_with_its_byline_after_the_date_states_the_date() {
        for line in [
            "October 14, 2020 by Ani Petrosyan",
            "14 October 2020 by Ani Petrosyan and Tom Hart",
        ] {
            let p = publication_date(&format!(
                "Clashes continue in Karabakh\n{line}\n\nShelling hit Stepanakert yesterday, \
                 officials said. Talks resumed on Friday."
            ));
            assert_eq!(
                p.map(|p| (p.day, p.source)),
                Some((d(10, 14), DateSource::Stated)),
                "{line}"
            );
        }
        // What follows "by" is held to a byline's capitals: a sentence is no date line.
        let p = publication_date(
            "Shelling on October 14, 2020 by the army was denounced in Yerevan on Friday.",
        );
        assert_ne!(p.map(|p| p.source), Some(DateSource::Stated));
    }

    #[test]
    fn a_date_line_under_a_standfirst_and_a_byline_or_after_a_dateline_states_the_date() {
        let text = "Rockets Tear Through a Market Town\n\nAzerbaijan says 21 people were killed \
                    when rockets struck Barda on Wednesday.\n\nBy Julian Erdem\nOct. 29, \
                    2020\n\nBARDA, Azerbaijan — The rockets came just after lunchtime.";
        assert_eq!(day_of(text), Some(d(10, 29)));
        let text = "Karabakh's main city pounded\n\nStepanakert (Azerbaijan) (AFP) - Published \
                    on: 04/10/2020 - 16:48\n\nExplosions shook Stepanakert on Sunday.";
        assert_eq!(day_of(text), Some(d(10, 4)));
    }

    #[test]
    fn a_date_line_with_a_reading_time_after_a_bar_states_the_date() {
        let text = "NEWS SITE\nTuesday 13 October 2020 | 27 min\n\nThe fighting went on on \
                    Saturday near Shusha. On Friday talks were held.";
        assert_eq!(day_of(text), Some(d(10, 13)));
        let text = "NEWS SITE\n13 October 2020 \u{b7} 5 min read\n\nThe fighting went on on \
                    Saturday near Shusha.";
        assert_eq!(day_of(text), Some(d(10, 13)));
    }

    #[test]
    fn a_date_line_with_a_note_in_brackets_states_the_date() {
        let text = "CONFLICT MONITOR - DAILY BRIEF\nSunday, 1 November 2020 (Day 36 of \
                    hostilities)\n\nBaku said its forces advanced on Saturday. Talks were held \
                    in Geneva on Friday.";
        assert_eq!(day_of(text), Some(d(11, 1)));
    }

    #[test]
    fn dates_in_figures_on_metadata_lines() {
        for (text, day) in [
            (
                "Shelling in Karabakh\n\n15.10.2020\n\nArtillery fire hit Stepanakert.",
                d(10, 15),
            ),
            (
                "Published on 15/10/2020\nArtillery fire hit Stepanakert.",
                d(10, 15),
            ),
            (
                "news.am | 02.11.2020 | 14:05\nArtillery fire hit Stepanakert.",
                d(11, 2),
            ),
            (
                "Posted 10/15/2020\nArtillery fire hit Stepanakert.",
                d(10, 15),
            ),
            ("2020/10/15\nArtillery fire hit Stepanakert.", d(10, 15)),
            (
                "Date: 2020.10.15\nArtillery fire hit Stepanakert.",
                d(10, 15),
            ),
        ] {
            let p = publication_date(text);
            assert_eq!(
                p.map(|p| (p.day, p.source)),
                Some((day, DateSource::Stated)),
                "{text}"
            );
        }
        // Figures inside a paragraph, a version number or a score are no publication date.
        for text in [
            "The report 15.10.2020 was cited by officials of the ministry in Baku, and by many others in Yerevan.",
            "Version 1.10.20201 released\nNothing.",
        ] {
            let p = publication_date(text);
            assert_ne!(p.map(|p| p.source), Some(DateSource::Stated), "{text}");
        }
    }

    #[test]
    fn a_dateline_heading_the_first_paragraph_states_the_date() {
        let p = publication_date(
            "Missile strike hits Ganja\nGANJA, Azerbaijan, October 11, 2020 (AP) - A missile \
             struck an apartment block overnight, killing nine people, officials said on Sunday.",
        );
        assert_eq!(p.as_ref().map(|p| p.day), Some(d(10, 11)));
        assert_eq!(p.as_ref().map(|p| p.source), Some(DateSource::Stated));
        // A sentence that only begins with a date before a dash is no dateline.
        let p = publication_date(
            "The war began on September 27, 2020 - and it went on for weeks while the talks \
             stalled in Geneva and in Moscow.",
        );
        assert_ne!(p.map(|p| p.source), Some(DateSource::Stated));
    }

    #[test]
    fn a_press_release_s_dateline_under_its_label_and_signatory_states_the_date() {
        for first_paragraph in [
            "VIENNA, 30 October 2020 - \"Our staff are worried. Rockets hit Barda on Monday.",
            "VIENNA, 30 October 2020 - \"Our staff in the region are worried about the children \
             we work with. Rockets hit Barda on Monday, and two schools were damaged.",
        ] {
            let text = format!(
                "UNICEF\nPress release\n\nChildren in the line of fire\n\nStatement by Jane \
                 Doe, Regional Director\n\n{first_paragraph}\n\n\"The following day, shells hit \
                 Tartar.\""
            );
            let p = publication_date(&text);
            assert_eq!(p.as_ref().map(|p| p.day), Some(d(10, 30)), "{text}");
            assert_eq!(p.map(|p| p.source), Some(DateSource::Stated), "{text}");
        }
    }

    #[test]
    fn counted_day_of_fighting() {
        let p = publication_date("Heavy battles raged on the ninth day of fighting in the region.");
        assert_eq!(p.as_ref().map(|p| p.day), Some(d(10, 5)));
        assert_eq!(p.as_ref().map(|p| p.source), Some(DateSource::Inferred));
        assert!(p.is_some_and(|p| p.evidence.contains("ninth day of fighting")));
    }

    #[test]
    fn duration_with_weekday() {
        // 10 days counted from 27 Sept is Tue 6 Oct; the weekday agrees.
        let text =
            "The offensive went on on Tuesday. The two armies have been fighting for 10 days.";
        assert_eq!(day_of(text), Some(d(10, 6)));
        let text = "The front held. Shelling of the city has lasted for 15 days.";
        assert_eq!(day_of(text), Some(d(10, 11)));
    }

    #[test]
    fn weekday_picks_between_loose_counts() {
        // "two weeks of fighting" is loose (10 or 11 Oct); "on Saturday" settles it.
        let text = "After two weeks of fighting, the army said on Saturday it had taken a village.";
        assert_eq!(day_of(text), Some(d(10, 10)));
    }

    #[test]
    fn eve_of_counted_day_and_night_weekdays() {
        let text = "On the eve of a sixth day of clashes, no side had gained ground. \
                    Explosions shook the town during the night from Thursday to Friday. \
                    The ministry said Friday that the front was calm.";
        // Day 6 = Fri 2 Oct; the night ended on Friday.
        assert_eq!(day_of(text), Some(d(10, 2)));
    }

    #[test]
    fn future_date_bounds_from_above_and_past_date_from_below() {
        let text = "Ministers were invited for talks on Monday October 19. \
                    The fighting continued on Friday. Since September 27, more than 700 died.";
        // Before the 19th, and the Friday is the 16th.
        assert_eq!(day_of(text), Some(d(10, 16)));
        let text = "On October 14, a school was hit. Residents fled on Thursday.";
        assert_eq!(day_of(text), Some(d(10, 15)));
    }

    #[test]
    fn conflicts_are_reported() {
        let text = "date 2020-10-20\nThe army attacked on the seventh day of fighting.";
        let p = publication_date(text);
        assert_eq!(p.as_ref().map(|p| p.day), Some(d(10, 20)));
        assert!(
            p.is_some_and(|p| p.conflicts.iter().any(|c| c.contains("seventh day"))),
            "the counted day points to 3 Oct"
        );
    }

    #[test]
    fn no_clue_gives_none() {
        assert_eq!(
            day_of("Residents sheltered in basements on Thursday."),
            None
        );
        assert_eq!(day_of(""), None);
    }

    #[test]
    fn dates_without_a_year_take_the_year_a_full_date_states_elsewhere() {
        let text = "Since Oct. 1 the city was hit.\nFighting on October 3, 2019 was fierce.";
        let year_of_first = |text: &str| {
            clues(text).into_iter().find_map(|c| match c.what {
                ClueKind::NotBefore { day, .. } | ClueKind::Before(day) => Some(day.year()),
                _ => None,
            })
        };
        assert_eq!(year_of_first(text), Some(2019));
        // Without a full date, the default year.
        assert_eq!(
            year_of_first("Since Oct. 1 the city was hit."),
            Some(DEFAULT_YEAR)
        );
    }
}
