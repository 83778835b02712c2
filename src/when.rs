//! Temporal expressions → days. Owner: events work (issue 3).

use chrono::NaiveDate;

/// One time expression found in a sentence and the day it stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeRef {
    /// The day, or `None` for background ("in 1994", "since the 1990s") or days that cannot be placed.
    pub day: Option<NaiveDate>,
    /// Byte offsets within the sentence given to [`time_refs`].
    pub start: usize,
    pub end: usize,
    pub words: String,
    /// How the day was computed, in words.
    pub why: String,
    /// Future tense: "was to be received Monday".
    pub planned: bool,
    /// A past the article recalls (1988, 1994, the 1990s): never a day of this war.
    pub background: bool,
}

pub fn time_refs(_sentence: &str, _published: NaiveDate) -> Vec<TimeRef> {
    Vec::new()
}
