//! The same happening told by several articles → one event with all its sources.
//!
//! Two reports are the same happening when they have the same kind and day and either the same
//! places, or one of them names no place of its own (it was placed by a fallback) and their
//! sentences share a distinctive word ("cathedral"): then the named place wins. Tolls are not
//! averaged: each source keeps its own figures so contradictions stay visible.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::NaiveDate;
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::model::{Event, EventKind, Figure, Figures, PlaceId, Status};

/// The merge's maps hash small keys (numbers, short words) many times per report: a
/// multiply-rotate hash, much quicker than the default SipHash. Keys come from the program's own
/// extraction, and nothing iterates these maps, so the result never depends on the hash.
type Map<K, V> = HashMap<K, V, BuildHasherDefault<QuickHasher>>;

#[derive(Default, Clone, Copy)]
struct QuickHasher(u64);

impl QuickHasher {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    fn add(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(Self::K);
    }
}

impl Hasher for QuickHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// What the merge knows of one merged event besides the event itself.
struct Merged {
    event: Event,
    /// Its places came from a fallback: no source names one. Tracked, not recounted: a merged
    /// event can gather many sources.
    inferred: bool,
    /// Its places, as a number (see `Numbers`).
    places: u32,
    /// The distinctive words of its first report, which never changes: numbers, sorted.
    words: Vec<u32>,
    /// The articles of its sources, sorted, for the "another article" test.
    articles: Vec<u32>,
    /// `(article, start)` of its sources, sorted: a sentence already told is not added twice.
    sentences: Vec<(u32, usize)>,
}

/// Article ids, place lists and words as small numbers, so that indexes and sets of them are
/// cheap to build and to look up.
#[derive(Default)]
struct Numbers {
    articles: Map<String, u32>,
    places: Map<Vec<PlaceId>, u32>,
    words: Map<String, u32>,
}

fn number_of<K, Q>(map: &mut Map<K, u32>, key: &Q) -> u32
where
    K: std::borrow::Borrow<Q> + std::hash::Hash + Eq,
    Q: std::hash::Hash + Eq + ToOwned<Owned = K> + ?Sized,
{
    if let Some(&n) = map.get(key) {
        return n;
    }
    let n = map.len() as u32;
    map.insert(key.to_owned(), n);
    n
}

impl Numbers {
    fn article(&mut self, article: &str) -> u32 {
        number_of(&mut self.articles, article)
    }

    fn places(&mut self, places: &[PlaceId]) -> u32 {
        number_of(&mut self.places, places)
    }

    /// The distinctive words of an event's first report, sorted.
    fn first_report_words(&mut self, event: &Event) -> Vec<u32> {
        let mut words = Vec::new();
        if let Some(source) = event.sources.first() {
            for_each_distinctive_word(&source.quote, |w| words.push(number_of(&mut self.words, w)));
        }
        words.sort_unstable();
        words.dedup();
        words
    }
}

fn insert_sorted<T: Ord>(list: &mut Vec<T>, value: T) -> bool {
    match list.binary_search(&value) {
        Ok(_) => false,
        Err(at) => {
            list.insert(at, value);
            true
        }
    }
}

/// Merged events of one (kind, day, status), indexed by what a match needs (see `merge`). Each
/// list holds merged-event numbers in increasing order, so its first fitting entry is the earliest
/// event of the bucket that fits; an event is moved between lists when its places or their source
/// change. Places and words are numbers (see `Numbers`).
#[derive(Default)]
struct Bucket {
    named_by_places: Map<u32, Vec<usize>>,
    inferred_by_places: Map<u32, Vec<usize>>,
    /// Distinctive words of events with a named place.
    named_by_word: Map<u32, Vec<usize>>,
    /// Distinctive words of events with inferred places, and those words with the places.
    inferred_by_word: Map<u32, Vec<usize>>,
    inferred_by_places_and_word: Map<(u32, u32), Vec<usize>>,
}

/// The index a merged event is filed under.
struct Filing<'a> {
    places: u32,
    inferred: bool,
    words: &'a [u32],
}

impl Bucket {
    fn file(&mut self, index: usize, filing: &Filing) {
        let places = filing.places;
        if filing.inferred {
            insert_sorted(self.inferred_by_places.entry(places).or_default(), index);
            for &word in filing.words {
                insert_sorted(self.inferred_by_word.entry(word).or_default(), index);
                insert_sorted(
                    self.inferred_by_places_and_word
                        .entry((places, word))
                        .or_default(),
                    index,
                );
            }
        } else {
            insert_sorted(self.named_by_places.entry(places).or_default(), index);
            for &word in filing.words {
                insert_sorted(self.named_by_word.entry(word).or_default(), index);
            }
        }
    }

    fn unfile(&mut self, index: usize, filing: &Filing) {
        let places = filing.places;
        if filing.inferred {
            remove_sorted(self.inferred_by_places.get_mut(&places), index);
            for word in filing.words {
                remove_sorted(self.inferred_by_word.get_mut(word), index);
                remove_sorted(
                    self.inferred_by_places_and_word.get_mut(&(places, *word)),
                    index,
                );
            }
        } else {
            remove_sorted(self.named_by_places.get_mut(&places), index);
            for word in filing.words {
                remove_sorted(self.named_by_word.get_mut(word), index);
            }
        }
    }
}

fn remove_sorted(list: Option<&mut Vec<usize>>, index: usize) {
    if let Some(list) = list
        && let Ok(at) = list.binary_search(&index)
    {
        list.remove(at);
    }
}

fn lists_of<'a>(index: &'a Map<u32, Vec<usize>>, words: &[u32]) -> Vec<&'a Vec<usize>> {
    words.iter().filter_map(|w| index.get(w)).collect()
}

/// The earliest entry of `lists` that passes `fits`: each list is in increasing order, so the
/// first fitting entry of each is its earliest.
fn earliest<'a>(
    lists: impl Iterator<Item = &'a Vec<usize>>,
    mut fits: impl FnMut(usize) -> bool,
) -> Option<usize> {
    let mut best: Option<usize> = None;
    for list in lists {
        for &i in list {
            if best.is_some_and(|b| i >= b) {
                break;
            }
            if fits(i) {
                best = Some(i);
                break;
            }
        }
    }
    best
}

/// Merges reports of the same happening. Each report joins the first merged event of its (kind,
/// day, status) that it matches (see `same_happening`), a report without a named place preferring
/// one with a named place; otherwise it starts a merged event.
///
/// Only events that can match are looked at, through the bucket's index: a match needs equal
/// places, or (with inferred places on one side or both) a shared distinctive word. So the result
/// is that of trying every event of the bucket in order, in time linear in the reports.
pub fn merge(events: impl IntoIterator<Item = Event>) -> Vec<Event> {
    let mut merger = Merger::default();
    for event in events {
        merger.add(event);
    }
    merger.finish()
}

/// [`merge`] one report at a time, in the order of the reports: the store merges the reports of
/// some articles while it extracts the next ones.
#[derive(Default)]
pub struct Merger {
    merged: Vec<Merged>,
    buckets: Map<(EventKind, Option<NaiveDate>, Status), Bucket>,
    numbers: Numbers,
}

impl Merger {
    /// Adds a report: it joins the first merged event it matches or starts one.
    pub fn add(&mut self, event: Event) {
        let Merger {
            merged,
            buckets,
            numbers,
        } = self;
        let bucket = buckets
            .entry((event.kind, event.day, event.status))
            .or_default();
        let event_inferred = places_inferred(&event);
        let event_places = numbers.places(&event.places);
        let event_words = numbers.first_report_words(&event);
        let event_articles: Vec<u32> = event
            .sources
            .iter()
            .map(|s| numbers.article(&s.article))
            .collect();
        let other_article = |m: &Merged| {
            event_articles
                .iter()
                .all(|a| m.articles.binary_search(a).is_err())
        };
        let same = |m: &Merged| {
            same_happening(
                m,
                event_places,
                event_inferred,
                || other_article(m),
                || event_words.iter().any(|w| m.words.binary_search(w).is_ok()),
            ) && tolls_agree(&m.event.figures, &event.figures)
        };
        let named_here = bucket.named_by_places.get(&event_places);
        let found = if event_inferred {
            // A report with a named place is the best home for one that names none: one with the
            // same places, or from another article with a shared word.
            let named_match = earliest(
                named_here
                    .into_iter()
                    .chain(lists_of(&bucket.named_by_word, &event_words)),
                |i| same(&merged[i]),
            );
            // Otherwise an inferred one with the same places and a shared word.
            named_match.or_else(|| {
                let lists = event_words
                    .iter()
                    .filter_map(|&w| bucket.inferred_by_places_and_word.get(&(event_places, w)));
                earliest(lists, |i| same(&merged[i]))
            })
        } else {
            // One with the same places, or an inferred one from another article with a shared word.
            earliest(
                named_here
                    .into_iter()
                    .chain(bucket.inferred_by_places.get(&event_places))
                    .chain(lists_of(&bucket.inferred_by_word, &event_words)),
                |i| same(&merged[i]),
            )
        };
        match found {
            Some(i) => {
                let was_inferred = merged[i].inferred;
                let old_places = merged[i].places;
                absorb(&mut merged[i], event, event_places, &event_articles);
                let now = &merged[i];
                if now.inferred != was_inferred || now.places != old_places {
                    let old = Filing {
                        places: old_places,
                        inferred: was_inferred,
                        words: &now.words,
                    };
                    bucket.unfile(i, &old);
                    let new = Filing {
                        places: now.places,
                        inferred: now.inferred,
                        words: &now.words,
                    };
                    bucket.file(i, &new);
                }
            }
            None => {
                let mut articles = event_articles.clone();
                articles.sort_unstable();
                articles.dedup();
                let mut sentences: Vec<(u32, usize)> = event
                    .sources
                    .iter()
                    .zip(&event_articles)
                    .map(|(s, &a)| (a, s.start))
                    .collect();
                sentences.sort_unstable();
                sentences.dedup();
                let new = Merged {
                    inferred: event_inferred,
                    places: event_places,
                    words: event_words,
                    articles,
                    sentences,
                    event,
                };
                let filing = Filing {
                    places: new.places,
                    inferred: new.inferred,
                    words: &new.words,
                };
                bucket.file(merged.len(), &filing);
                merged.push(new);
            }
        }
    }

    /// The merged events, in the order they were started.
    pub fn finish(self) -> Vec<Event> {
        let merged = self.merged;
        // The merged events are kept as long as the store: a vector of their exact length
        // (collected in place, it would keep the room of the larger `Merged` and of the doubling
        // pushes), and each event without the room that absorbing reports left in its sources
        // and actors.
        let mut events = Vec::with_capacity(merged.len());
        events.extend(merged.into_iter().map(|m| m.event));
        // The ids hash each event's first quote, a fifth of the merge's work: on every core.
        events.par_iter_mut().for_each(|event| {
            event.id = event_id(event);
            event.shrink_to_fit();
        });
        events
    }
}

/// Whether `b` reports the happening of `a` (same kind, day and status: the bucket);
/// `other_article` tells whether no source of one comes from an article of the other, and
/// `share_a_distinctive_word` whether their first reports share a distinctive word
/// ("cathedral"), each asked only when it matters.
fn same_happening(
    a: &Merged,
    b_places: u32,
    b_inferred: bool,
    other_article: impl FnOnce() -> bool,
    share_a_distinctive_word: impl FnOnce() -> bool,
) -> bool {
    let a_inferred = a.inferred;
    if a.places == b_places && !(a_inferred && b_inferred) {
        return true;
    }
    if a_inferred && b_inferred {
        return a.places == b_places && share_a_distinctive_word();
    }
    // A report that names no place takes the place of another article's report of the same
    // thing; within one article, sentences that name no place stay apart.
    a_inferred != b_inferred && other_article() && share_a_distinctive_word()
}

/// Two tolls of one happening: not a running total of the war and the toll of one attack
/// ("1,339 servicemen have been killed" and "two crew members were killed" on the day the
/// helicopter was downed), nor counts far apart (one more than three times the other). A report
/// without a count agrees with any.
fn tolls_agree(a: &Figures, b: &Figures) -> bool {
    let agree = |x: &Option<Box<Figure>>, y: &Option<Box<Figure>>| match (x, y) {
        (Some(x), Some(y)) => {
            let (low, high) = (x.value.min(y.value), x.value.max(y.value));
            x.running_total == y.running_total && high <= low.saturating_mul(3)
        }
        _ => true,
    };
    agree(&a.deaths, &b.deaths) && agree(&a.displaced, &b.displaced)
}

/// The places of an event came from a fallback (the article's region, "there"), not from a name.
fn places_inferred(event: &Event) -> bool {
    event.sources.iter().all(|s| s.place_words.is_empty())
}

/// Words of the war in general: no sign of a particular happening.
fn is_common(word: &str) -> bool {
    matches!(
        word,
        "armenian"
            | "armenians"
            | "azerbaijani"
            | "azerbaijanis"
            | "azeri"
            | "forces"
            | "fighting"
            | "shelling"
            | "region"
            | "separatist"
            | "separatists"
            | "ministry"
            | "defence"
            | "defense"
            | "president"
            | "minister"
            | "foreign"
            | "russian"
            | "french"
            | "turkish"
            | "military"
            | "against"
            | "according"
            | "authorities"
            | "official"
            | "thursday"
            | "wednesday"
            | "tuesday"
            | "monday"
            | "friday"
            | "saturday"
            | "sunday"
            | "morning"
            | "evening"
            | "night"
            | "twice"
            | "again"
            | "during"
            | "about"
            | "their"
            | "there"
            | "which"
            | "while"
            | "where"
            | "after"
            | "before"
            | "since"
            | "hours"
            | "people"
            | "civilians"
            | "killed"
            | "injured"
            | "clashes"
            | "statement"
            | "talks"
            | "hostilities"
            | "conflict"
            | "territory"
            | "capital"
            | "country"
            | "countries"
            | "historic"
            | "emblematic"
            | "other"
            | "under"
            | "along"
            | "being"
            | "would"
            | "could"
            | "said"
            | "says"
    )
}

/// Calls `found` with each distinctive word of `quote`, lower-cased, in order: content words that
/// name a particular thing, not the war in general. Only the first report's words count: a merged
/// event must not grow a vocabulary that then attracts unrelated reports.
/// ASCII letters and digits: the bytes of a word that need no decoding.
static ASCII_WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

fn for_each_distinctive_word(quote: &str, mut found: impl FnMut(&str)) {
    // Words are runs of letters and digits, found byte by byte with a decode only at non-ASCII
    // bytes (curly quotes, dashes, accented names): a `char` predicate split decodes and
    // branches on every character, and the merge reads one quote per report.
    let bytes = quote.as_bytes();
    let char_at = |at: usize| quote.get(at..).and_then(|rest| rest.chars().next());
    let mut lower = String::new();
    let mut at = 0;
    while at < bytes.len() {
        let start = at;
        let mut ascii = true;
        while at < bytes.len() {
            if ASCII_WORD_BYTE[usize::from(bytes[at])] {
                at += 1;
            } else if bytes[at].is_ascii() {
                break;
            } else {
                match char_at(at) {
                    Some(c) if c.is_alphanumeric() => {
                        ascii = false;
                        at += c.len_utf8();
                    }
                    _ => break,
                }
            }
        }
        if at == start {
            // A separator: skip the whole character.
            at += char_at(at).map_or(1, char::len_utf8);
            continue;
        }
        let word = &quote[start..at];
        if ascii {
            // An ASCII word keeps its length in lower case: a short one is no candidate.
            if word.len() < 6 {
                continue;
            }
            lower.clear();
            lower.push_str(word);
            lower.make_ascii_lowercase();
        } else {
            lower = word.to_lowercase();
            if lower.chars().count() < 6 {
                continue;
            }
        }
        if is_distinctive(&lower) {
            found(&lower);
        }
    }
}

/// A lower-cased word of six letters or more that names a particular thing.
fn is_distinctive(lower: &str) -> bool {
    !is_common(lower)
        // Nouns name the thing; verb and adverb forms ("denied", "hitting", "seriously") do not.
        && !lower.ends_with("ed")
        && !lower.ends_with("ing")
        && !lower.ends_with("ly")
}

fn absorb(known: &mut Merged, other: Event, other_places: u32, other_articles: &[u32]) {
    if known.inferred && !places_inferred(&other) {
        known.event.places = other.places.clone();
        known.places = other_places;
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
    for actor in &other.actors {
        if !event.actors.contains(actor) {
            event.actors.push(actor.clone());
        }
    }
    for (source, &article) in other.sources.into_iter().zip(other_articles) {
        // The same article and sentence start: the same source (told twice by one article).
        if insert_sorted(&mut known.sentences, (article, source.start)) {
            insert_sorted(&mut known.articles, article);
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
        hasher.update(place.as_bytes());
    }
    if let Some(source) = event.sources.first() {
        hasher.update(&source.article);
        hasher.update(&source.quote);
    }
    let digest = hasher.finalize();
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut id = String::with_capacity(12);
    for b in digest.iter().take(6) {
        id.push(char::from(HEX[usize::from(b >> 4)]));
        id.push(char::from(HEX[usize::from(b & 15)]));
    }
    id
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::extract::{Lexicon, extract_article};
    use crate::gazetteer::Gazetteer;
    use crate::synthetic::CorpusGenerator;

    /// The distinctive words as first written.
    fn first_report_words(event: &Event) -> Vec<String> {
        event
            .sources
            .first()
            .map(|s| {
                s.quote
                    .split(|c: char| !c.is_alphanumeric())
                    .map(str::to_lowercase)
                    .filter(|w| w.chars().count() >= 6 && !is_common(w))
                    .filter(|w| !w.ends_with("ed") && !w.ends_with("ing") && !w.ends_with("ly"))
                    .collect()
            })
            .unwrap_or_default()
    }

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
            let same_places = |a: &Event| {
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
            let same = |a: &Event| same_places(a) && tolls_agree(&a.figures, &event.figures);
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
                    for actor in &event.actors {
                        if !known.actors.contains(actor) {
                            known.actors.push(actor.clone());
                        }
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

    /// A report whose first source quotes `quote`.
    fn event_quoting(quote: &str) -> Event {
        let mut event = crate::synthetic::events(1, &["geonames:1".into()], 1, 1)
            .pop()
            .unwrap_or_else(|| panic!("no synthetic event"));
        if let Some(source) = event.sources.first_mut() {
            source.quote = quote.to_string();
        }
        event
    }

    #[test]
    fn distinctive_words_of_ascii_and_other_text() {
        let quote = "The Ghazanchetsots CATHEDRAL in Shusha was shelled twice; \
                     İSTANBUL-based Agência reported the Kathedrale's dome, Schäden — armenians";
        let mut words = Vec::new();
        for_each_distinctive_word(quote, |w| words.push(w.to_string()));
        assert_eq!(
            words,
            [
                "ghazanchetsots",
                "cathedral",
                "shusha",
                "i\u{307}stanbul",
                "agência",
                "kathedrale",
                "schäden"
            ]
        );
        assert_eq!(words, first_report_words(&event_quoting(quote)));
    }

    #[test]
    fn distinctive_words_of_a_plain_ascii_quote_are_those_first_written() {
        let quote = "Shelling hit the MATERNITY hospital in Stepanakert's north at 2300 local \
                     time; Armenian officials denied it (ArmenPress-reported), 120000people fled.Barda";
        let mut words = Vec::new();
        for_each_distinctive_word(quote, |w| words.push(w.to_string()));
        assert_eq!(
            words,
            [
                "maternity",
                "hospital",
                "stepanakert",
                "officials",
                "armenpress",
                "120000people"
            ]
        );
        assert_eq!(words, first_report_words(&event_quoting(quote)));
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
            expected.iter().any(places_inferred) && expected.iter().any(|e| e.sources.len() > 3),
            "the corpus lacks inferred places or much-told events"
        );
        assert_eq!(merged.len(), expected.len());
        for (got, want) in merged.iter().zip(&expected) {
            assert_eq!(got, want);
        }
    }
}
