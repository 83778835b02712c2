//! The same happening told by several articles → one event with all its sources.
//!
//! Two reports are the same happening when they have the same kind and day and either the same
//! places, or one of them names no place of its own (it was placed by a fallback) and their
//! sentences share a distinctive word ("cathedral"): then the named place wins. Tolls are not
//! averaged: each source keeps its own figures so contradictions stay visible.

use std::cell::OnceCell;
use std::collections::HashMap;

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use crate::model::{Event, EventKind, Source, Status};

pub fn merge(events: Vec<Event>) -> Vec<Event> {
    // Only events of the same kind, day and status can merge: bucket by them so a corpus of
    // thousands of articles does not compare every pair.
    let mut merged: Vec<Event> = Vec::new();
    // The distinctive words of each merged event's first report. That report never changes, so
    // they are found once instead of at every comparison (which was most of the merge's time).
    let mut merged_words: Vec<Vec<String>> = Vec::new();
    let mut buckets: HashMap<(EventKind, Option<NaiveDate>, Status), Vec<usize>> = HashMap::new();
    for event in events {
        let bucket = buckets
            .entry((event.kind, event.day, event.status))
            .or_default();
        let event_words = OnceCell::new();
        let found = {
            let same = |i: usize| {
                same_happening(&merged[i], &event, || {
                    let words = event_words.get_or_init(|| first_report_words(&event));
                    words.iter().any(|w| merged_words[i].contains(w))
                })
            };
            // A report with a named place is the best home for one that names none.
            let event_inferred = places_inferred(&event);
            let named_match = bucket
                .iter()
                .copied()
                .find(|&i| event_inferred && !places_inferred(&merged[i]) && same(i));
            named_match.or_else(|| bucket.iter().copied().find(|&i| same(i)))
        };
        match found {
            Some(i) => absorb(&mut merged[i], event),
            None => {
                bucket.push(merged.len());
                merged_words.push(
                    event_words
                        .into_inner()
                        .unwrap_or_else(|| first_report_words(&event)),
                );
                merged.push(event);
            }
        }
    }
    for event in &mut merged {
        event.id = event_id(event);
    }
    merged
}

/// Whether `b` reports the happening of `a`; `share_a_distinctive_word` tells whether their first
/// reports share a distinctive word ("cathedral"), asked only when it matters.
fn same_happening(a: &Event, b: &Event, share_a_distinctive_word: impl FnOnce() -> bool) -> bool {
    if a.kind != b.kind || a.day != b.day || a.status != b.status {
        return false;
    }
    let a_inferred = places_inferred(a);
    let b_inferred = places_inferred(b);
    if a.places == b.places && !(a_inferred && b_inferred) {
        return true;
    }
    if a_inferred && b_inferred {
        return a.places == b.places && share_a_distinctive_word();
    }
    // A report that names no place takes the place of another article's report of the same
    // thing; within one article, sentences that name no place stay apart.
    let other_article = || {
        a.sources
            .iter()
            .all(|sa| b.sources.iter().all(|sb| sa.article != sb.article))
    };
    a_inferred != b_inferred && other_article() && share_a_distinctive_word()
}

/// The places of an event came from a fallback (the article's region, "there"), not from a name.
fn places_inferred(event: &Event) -> bool {
    event.sources.iter().all(|s| s.place_words.is_empty())
}

/// The distinctive words of an event's first report. Only the first report's words: a merged
/// event must not grow a vocabulary that then attracts unrelated reports.
fn first_report_words(event: &Event) -> Vec<String> {
    event
        .sources
        .first()
        .map(|s| distinctive_words(&s.quote))
        .unwrap_or_default()
}

/// Lower-cased content words that name a particular thing, not the war in general.
fn distinctive_words(quote: &str) -> Vec<String> {
    const COMMON: &[&str] = &[
        "armenian",
        "armenians",
        "azerbaijani",
        "azerbaijanis",
        "azeri",
        "forces",
        "fighting",
        "shelling",
        "region",
        "separatist",
        "separatists",
        "ministry",
        "defence",
        "defense",
        "president",
        "minister",
        "foreign",
        "russian",
        "french",
        "turkish",
        "military",
        "against",
        "according",
        "authorities",
        "official",
        "thursday",
        "wednesday",
        "tuesday",
        "monday",
        "friday",
        "saturday",
        "sunday",
        "morning",
        "evening",
        "night",
        "twice",
        "again",
        "during",
        "about",
        "their",
        "there",
        "which",
        "while",
        "where",
        "after",
        "before",
        "since",
        "hours",
        "people",
        "civilians",
        "killed",
        "injured",
        "clashes",
        "statement",
        "talks",
        "hostilities",
        "conflict",
        "territory",
        "capital",
        "country",
        "countries",
        "historic",
        "emblematic",
        "other",
        "under",
        "along",
        "being",
        "would",
        "could",
        "said",
        "says",
    ];
    quote
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 6 && !COMMON.contains(&w.as_str()))
        // Nouns name the thing; verb and adverb forms ("denied", "hitting", "seriously") do not.
        .filter(|w| !w.ends_with("ed") && !w.ends_with("ing") && !w.ends_with("ly"))
        .collect()
}

fn absorb(known: &mut Event, other: Event) {
    if places_inferred(known) && !places_inferred(&other) {
        known.places = other.places.clone();
    }
    if known.certainty != other.certainty {
        known.certainty = crate::model::Certainty::Explicit;
    }
    if known.claimed_by.is_none() {
        known.claimed_by = other.claimed_by.clone();
    }
    if known.figures.is_empty() {
        known.figures = other.figures.clone();
    }
    for source in other.sources {
        if !known.sources.iter().any(|s| same_source(s, &source)) {
            known.sources.push(source);
        }
    }
}

fn same_source(a: &Source, b: &Source) -> bool {
    a.article == b.article && a.start == b.start
}

/// Stable across runs: kind, day, places and the first source's article and sentence.
fn event_id(event: &Event) -> String {
    let mut hasher = Sha256::new();
    hasher.update(event.kind.as_str());
    hasher.update(event.day.map(|d| d.to_string()).unwrap_or_default());
    for place in &event.places {
        hasher.update(place);
    }
    if let Some(source) = event.sources.first() {
        hasher.update(&source.article);
        hasher.update(&source.quote);
    }
    let digest = hasher.finalize();
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}
