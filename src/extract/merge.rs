//! The same happening told by several articles → one event with all its sources.
//!
//! Two reports are the same happening when they have the same kind and day and either the same
//! places, or one of them names no place of its own (it was placed by a fallback) and their
//! sentences share a distinctive word ("cathedral"): then the named place wins. Tolls are not
//! averaged: each source keeps its own figures so contradictions stay visible.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use crate::model::{Event, EventKind, PlaceId, Status};

/// What the merge knows of one merged event besides the event itself.
struct Merged {
    event: Event,
    /// Its places came from a fallback: no source names one. Tracked, not recounted: a merged
    /// event can gather many sources.
    inferred: bool,
    /// The distinctive words of its first report, which never changes.
    words: Vec<String>,
    /// The articles of its sources (as numbers, see `Articles`), for the "another article" test.
    articles: HashSet<u32>,
    /// `(article, start)` of its sources: a sentence already told is not added twice.
    sentences: HashSet<(u32, usize)>,
}

/// Article ids as small numbers, so that sets of them are cheap.
#[derive(Default)]
struct Articles(HashMap<String, u32>);

impl Articles {
    fn number(&mut self, article: &str) -> u32 {
        if let Some(&n) = self.0.get(article) {
            return n;
        }
        let n = self.0.len() as u32;
        self.0.insert(article.to_string(), n);
        n
    }
}

/// Merged events of one (kind, day, status), indexed by what a match needs: equal places, or a
/// shared distinctive word. Lists hold merged-event numbers in the order they were added; an event
/// whose places or state changed stays in its old lists too (every candidate is checked in full,
/// so a stale entry costs a check, never a wrong answer).
#[derive(Default)]
struct Bucket {
    by_places: HashMap<Vec<PlaceId>, Vec<usize>>,
    /// Words of events whose places are inferred.
    inferred_by_word: HashMap<String, Vec<usize>>,
    /// Words of events with a named place.
    named_by_word: HashMap<String, Vec<usize>>,
}

impl Bucket {
    fn add(&mut self, index: usize, merged: &Merged) {
        self.by_places
            .entry(merged.event.places.clone())
            .or_default()
            .push(index);
        let by_word = if merged.inferred {
            &mut self.inferred_by_word
        } else {
            &mut self.named_by_word
        };
        for word in &merged.words {
            let list = by_word.entry(word.clone()).or_default();
            if list.last() != Some(&index) {
                list.push(index);
            }
        }
    }
}

/// Merges reports of the same happening. Each report joins the first merged event of its (kind,
/// day, status) that it matches (see `same_happening`), a report without a named place preferring
/// one with a named place; otherwise it starts a merged event. Only events that could match are
/// looked at: those with equal places and those sharing a distinctive word, taken in the order they
/// were made, so the result is that of trying every event of the bucket in order.
pub fn merge(events: Vec<Event>) -> Vec<Event> {
    let mut merged: Vec<Merged> = Vec::new();
    let mut buckets: HashMap<(EventKind, Option<NaiveDate>, Status), Bucket> = HashMap::new();
    let mut articles = Articles::default();
    let mut candidates: Vec<usize> = Vec::new();
    for event in events {
        let bucket = buckets
            .entry((event.kind, event.day, event.status))
            .or_default();
        let event_inferred = places_inferred(&event);
        let event_words = first_report_words(&event);
        let event_articles: Vec<u32> = event
            .sources
            .iter()
            .map(|s| articles.number(&s.article))
            .collect();
        let same = |m: &Merged| {
            same_happening(
                m,
                &event,
                event_inferred,
                || event_articles.iter().all(|a| !m.articles.contains(a)),
                || event_words.iter().any(|w| m.words.contains(w)),
            )
        };
        let by_places = bucket.by_places.get(&event.places);
        let found = if event_inferred {
            // A report with a named place is the best home for one that names none.
            candidates.clear();
            candidates.extend(by_places.into_iter().flatten());
            for word in &event_words {
                candidates.extend(bucket.named_by_word.get(word).into_iter().flatten());
            }
            candidates.sort_unstable();
            candidates.dedup();
            let named_match = candidates
                .iter()
                .copied()
                .find(|&i| !merged[i].inferred && same(&merged[i]));
            // Otherwise only an inferred event with the same places can match. (A list may be
            // out of order where an event moved to these places.)
            named_match.or_else(|| {
                candidates.clear();
                candidates.extend(by_places.into_iter().flatten());
                candidates.sort_unstable();
                candidates.iter().copied().find(|&i| same(&merged[i]))
            })
        } else {
            candidates.clear();
            candidates.extend(by_places.into_iter().flatten());
            for word in &event_words {
                candidates.extend(bucket.inferred_by_word.get(word).into_iter().flatten());
            }
            candidates.sort_unstable();
            candidates.dedup();
            candidates.iter().copied().find(|&i| same(&merged[i]))
        };
        match found {
            Some(i) => {
                let was_inferred = merged[i].inferred;
                let old_places = merged[i].event.places.clone();
                absorb(&mut merged[i], event, &event_articles);
                let now = &merged[i];
                if now.inferred != was_inferred || now.event.places != old_places {
                    bucket.add(i, now);
                }
            }
            None => {
                let new = Merged {
                    inferred: event_inferred,
                    words: event_words,
                    articles: event_articles.iter().copied().collect(),
                    sentences: event
                        .sources
                        .iter()
                        .zip(&event_articles)
                        .map(|(s, &a)| (a, s.start))
                        .collect(),
                    event,
                };
                bucket.add(merged.len(), &new);
                merged.push(new);
            }
        }
    }
    merged
        .into_iter()
        .map(|m| {
            let mut event = m.event;
            event.id = event_id(&event);
            event
        })
        .collect()
}

/// Whether `b` reports the happening of `a` (same kind, day and status: the bucket);
/// `other_article` tells whether no source of one comes from an article of the other, and
/// `share_a_distinctive_word` whether their first reports share a distinctive word
/// ("cathedral"), each asked only when it matters.
fn same_happening(
    a: &Merged,
    b: &Event,
    b_inferred: bool,
    other_article: impl FnOnce() -> bool,
    share_a_distinctive_word: impl FnOnce() -> bool,
) -> bool {
    let a_inferred = a.inferred;
    if a.event.places == b.places && !(a_inferred && b_inferred) {
        return true;
    }
    if a_inferred && b_inferred {
        return a.event.places == b.places && share_a_distinctive_word();
    }
    // A report that names no place takes the place of another article's report of the same
    // thing; within one article, sentences that name no place stay apart.
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
        // An ASCII word keeps its length in lower case: a short one is no candidate.
        .filter(|w| !(w.is_ascii() && w.len() < 6))
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 6 && !COMMON.contains(&w.as_str()))
        // Nouns name the thing; verb and adverb forms ("denied", "hitting", "seriously") do not.
        .filter(|w| !w.ends_with("ed") && !w.ends_with("ing") && !w.ends_with("ly"))
        .collect()
}

fn absorb(known: &mut Merged, other: Event, other_articles: &[u32]) {
    if known.inferred && !places_inferred(&other) {
        known.event.places = other.places.clone();
    }
    let event = &mut known.event;
    if event.certainty != other.certainty {
        event.certainty = crate::model::Certainty::Explicit;
    }
    if event.claimed_by.is_none() {
        event.claimed_by = other.claimed_by.clone();
    }
    if event.figures.is_empty() {
        event.figures = other.figures.clone();
    }
    for (source, &article) in other.sources.into_iter().zip(other_articles) {
        // The same article and sentence start: the same source (told twice by one article).
        if known.sentences.insert((article, source.start)) {
            known.articles.insert(article);
            known.inferred &= source.place_words.is_empty();
            known.event.sources.push(source);
        }
    }
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

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::extract::{Lexicon, extract_article};
    use crate::gazetteer::Gazetteer;
    use crate::synthetic::CorpusGenerator;

    /// The merge as first written: every report compared with every merged event of its bucket,
    /// in order. The indexed merge must give exactly its result.
    fn merge_by_trying_all(events: Vec<Event>) -> Vec<Event> {
        let mut merged: Vec<Event> = Vec::new();
        let mut buckets: HashMap<(EventKind, Option<NaiveDate>, Status), Vec<usize>> =
            HashMap::new();
        for event in events {
            let bucket = buckets
                .entry((event.kind, event.day, event.status))
                .or_default();
            let same = |a: &Event| {
                let (a_inferred, b_inferred) = (places_inferred(a), places_inferred(&event));
                let share = || {
                    let words = first_report_words(&event);
                    let theirs = first_report_words(a);
                    words.iter().any(|w| theirs.contains(w))
                };
                if a.places == event.places && !(a_inferred && b_inferred) {
                    return true;
                }
                if a_inferred && b_inferred {
                    return a.places == event.places && share();
                }
                let other_article = a
                    .sources
                    .iter()
                    .all(|sa| event.sources.iter().all(|sb| sa.article != sb.article));
                a_inferred != b_inferred && other_article && share()
            };
            let event_inferred = places_inferred(&event);
            let found = bucket
                .iter()
                .copied()
                .find(|&i| event_inferred && !places_inferred(&merged[i]) && same(&merged[i]))
                .or_else(|| bucket.iter().copied().find(|&i| same(&merged[i])));
            match found {
                Some(i) => {
                    let known = &mut merged[i];
                    if places_inferred(known) && !places_inferred(&event) {
                        known.places = event.places.clone();
                    }
                    if known.certainty != event.certainty {
                        known.certainty = crate::model::Certainty::Explicit;
                    }
                    if known.claimed_by.is_none() {
                        known.claimed_by = event.claimed_by.clone();
                    }
                    if known.figures.is_empty() {
                        known.figures = event.figures.clone();
                    }
                    for source in event.sources {
                        if !known
                            .sources
                            .iter()
                            .any(|s| s.article == source.article && s.start == source.start)
                        {
                            known.sources.push(source);
                        }
                    }
                }
                None => {
                    bucket.push(merged.len());
                    merged.push(event);
                }
            }
        }
        for event in &mut merged {
            event.id = event_id(event);
        }
        merged
    }

    #[test]
    fn indexed_merge_gives_what_trying_every_event_gives() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let data = root.join("data");
        let gazetteer = Gazetteer::load(&data).unwrap_or_else(|e| panic!("{e}"));
        let lexicon = Lexicon::load(&data).unwrap_or_else(|e| panic!("{e}"));
        let (seeds, failures) = crate::corpus::read_dir(&root.join("seeds"));
        assert!(failures.is_empty() && !seeds.is_empty(), "{failures:?}");
        // Few days and many articles: buckets of many reports, inferred and named, that merge.
        let mut articles = CorpusGenerator::new(&seeds, &gazetteer, 4096).generate(150, 7);
        articles.extend(seeds);
        let events: Vec<Event> = articles
            .iter()
            .flat_map(|a| extract_article(a, &gazetteer.mentions(&a.text), &gazetteer, &lexicon))
            .collect();
        let expected = merge_by_trying_all(events.clone());
        let merged = merge(events.clone());
        assert!(
            expected.len() < events.len() * 2 / 3,
            "no merges to test: {} events",
            events.len()
        );
        assert!(
            expected.iter().any(|e| places_inferred(e))
                && expected.iter().any(|e| e.sources.len() > 3),
            "the corpus lacks inferred places or much-told events"
        );
        assert_eq!(merged.len(), expected.len());
        for (got, want) in merged.iter().zip(&expected) {
            assert_eq!(got, want);
        }
    }
}
