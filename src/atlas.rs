//! The immutable store built once from articles; the window and the exports only query it.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::corpus::{self, ArticleFailure};
use crate::extract::merge::Merger;
use crate::extract::{self, Lexicon};
use crate::gazetteer::Gazetteer;
use crate::model::{
    Article, ArticleId, Certainty, DateSource, Event, EventKind, Mention, Place, PlaceId, Published,
};

/// Which events a view shows.
#[derive(Clone, Debug, PartialEq)]
pub struct EventFilter {
    /// Indexed like [`EventKind::ALL`].
    pub kinds: [bool; 5],
    pub explicit: bool,
    pub implicit: bool,
    /// Only events claimed by this party (substring, case-insensitive); `None` = everyone.
    pub claimant: Option<String>,
    /// Only events at a place whose name contains this (case-insensitive); empty = all places.
    pub place_query: String,
}

impl Default for EventFilter {
    fn default() -> Self {
        EventFilter {
            kinds: [true; 5],
            explicit: true,
            implicit: true,
            claimant: None,
            place_query: String::new(),
        }
    }
}

pub fn kind_index(kind: EventKind) -> usize {
    EventKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

/// Which days a view covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayWindow {
    /// Only events of this day.
    On(NaiveDate),
    /// Every event up to and including this day.
    UpTo(NaiveDate),
    /// Every event, dated or not.
    All,
}

/// A publication date set by the reader: `--published FILE=YYYY-MM-DD`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicationPin {
    /// File name (or path ending) of the article.
    pub file: String,
    pub day: NaiveDate,
}

impl PublicationPin {
    /// Parses `FILE=YYYY-MM-DD`; the error says what was expected.
    pub fn parse(arg: &str) -> Result<PublicationPin, String> {
        let (file, day) = arg
            .rsplit_once('=')
            .ok_or_else(|| format!("'{arg}': expected FILE=YYYY-MM-DD"))?;
        let day = NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d")
            .map_err(|e| format!("'{arg}': the date '{day}' is not YYYY-MM-DD ({e})"))?;
        Ok(PublicationPin {
            file: file.trim().to_string(),
            day,
        })
    }

    pub fn matches(&self, article: &Article) -> bool {
        article.id == self.file || article.path.ends_with(&self.file)
    }

    pub fn published(&self) -> Published {
        Published {
            day: self.day,
            evidence: "pinned by the reader".to_string(),
            source: DateSource::Pinned,
            conflicts: Vec::new(),
            time_scans: Default::default(),
        }
    }
}

/// Place names found for the articles the window asked about, by article.
#[derive(Default)]
struct MentionCache(Mutex<HashMap<ArticleId, Arc<Vec<Mention>>>>);

impl MentionCache {
    /// Articles whose names are kept (≈ 16 KB each): the article view, and the sources of the
    /// events whose correction panel is open.
    const ARTICLES: usize = 1024;
}

pub struct Atlas {
    pub articles: Vec<Article>,
    pub failures: Vec<ArticleFailure>,
    /// Shared with the window's library when no correction changed them, so that 100 000
    /// events are held once.
    pub events: Arc<Vec<Event>>,
    /// Every place of an event, by id.
    pub places: HashMap<PlaceId, Place>,
    /// The place names of the articles the window has shown (see [`Atlas::mentions_of`]).
    mentions: MentionCache,
    pub gazetteer: Arc<Gazetteer>,
    /// Event indices per day, in day order.
    by_day: BTreeMap<NaiveDate, Vec<usize>>,
    /// Index in `articles` of each article, by name.
    article_at: HashMap<ArticleId, usize>,
}

impl Atlas {
    /// The one entry point: read the articles of `articles_dir`, extract with the data of `data_dir`.
    pub fn from_dir(articles_dir: &Path, data_dir: &Path) -> anyhow::Result<Atlas> {
        Atlas::from_dir_pinned(articles_dir, data_dir, &[])
    }

    /// Like [`Atlas::from_dir`], with publication dates the reader pinned (file name → day).
    pub fn from_dir_pinned(
        articles_dir: &Path,
        data_dir: &Path,
        pins: &[PublicationPin],
    ) -> anyhow::Result<Atlas> {
        let gazetteer = Arc::new(Gazetteer::load(data_dir)?);
        let lexicon = Lexicon::load(data_dir)?;
        let (mut articles, failures) = corpus::read_dir(articles_dir);
        for article in &mut articles {
            if let Some(pin) = pins.iter().find(|p| p.matches(article)) {
                article.published = Some(pin.published());
            }
        }
        Ok(Atlas::build(articles, failures, gazetteer, &lexicon))
    }

    /// Articles extracted together while the reports of the ones before are merged.
    const ARTICLES_PER_SLICE: usize = 256;

    pub fn build(
        mut articles: Vec<Article>,
        failures: Vec<ArticleFailure>,
        gazetteer: Arc<Gazetteer>,
        lexicon: &Lexicon,
    ) -> Atlas {
        // Articles are independent until the merge: extract them on every core, a slice of
        // articles at a time, while the reports of the slice before are merged (in article
        // order, as one merge of every report would take them). Only two slices' reports are
        // held before the merge, not a year's. Each article's time scans and place names are
        // dropped as soon as it is extracted: they serve nothing after (the window finds an
        // article's names again when it shows it).
        let mut merger = Merger::default();
        let mut waiting: Vec<Vec<Event>> = Vec::new();
        for slice in articles.chunks_mut(Atlas::ARTICLES_PER_SLICE) {
            let (extracted, ()) = rayon::join(
                || {
                    slice
                        .par_iter_mut()
                        .map(|article| {
                            let found = gazetteer.mentions(&article.text);
                            let events =
                                extract::extract_article(article, &found, &gazetteer, lexicon);
                            article.forget_time_scans();
                            events
                        })
                        .collect::<Vec<Vec<Event>>>()
                },
                || waiting.drain(..).flatten().for_each(|e| merger.add(e)),
            );
            waiting = extracted;
        }
        waiting.into_iter().flatten().for_each(|e| merger.add(e));
        let events = merger.finish();
        Atlas::from_parts(articles, failures, events, gazetteer)
    }

    /// Assemble from already-extracted events (used after corrections are applied).
    pub fn from_parts(
        articles: Vec<Article>,
        failures: Vec<ArticleFailure>,
        events: impl Into<Arc<Vec<Event>>>,
        gazetteer: Arc<Gazetteer>,
    ) -> Atlas {
        let events: Arc<Vec<Event>> = events.into();
        let mut places = HashMap::new();
        for id in events.iter().flat_map(|e| e.places.iter()) {
            if let Some(place) = gazetteer.place(id) {
                places.entry(id.clone()).or_insert_with(|| place.clone());
            }
        }
        let mut by_day: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
        for (index, event) in events.iter().enumerate() {
            if let Some(day) = event.day {
                by_day.entry(day).or_default().push(index);
            }
        }
        let article_at = articles
            .iter()
            .enumerate()
            .map(|(at, a)| (a.id.clone(), at))
            .collect();
        Atlas {
            articles,
            failures,
            events,
            places,
            mentions: MentionCache::default(),
            gazetteer,
            by_day,
            article_at,
        }
    }

    /// The place names of `article`, as the extraction read them. Found again on first asking
    /// and kept for the next frames: held for every article of a year of news, they were a third
    /// of its memory, and the window shows a few articles at a time.
    pub fn mentions_of(&self, article: &Article) -> Arc<Vec<Mention>> {
        let mut cache = self
            .mentions
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(found) = cache.get(&article.id) {
            return Arc::clone(found);
        }
        let found = Arc::new(self.gazetteer.mentions(&article.text));
        if cache.len() >= MentionCache::ARTICLES {
            cache.clear();
        }
        cache.insert(article.id.clone(), Arc::clone(&found));
        found
    }

    /// Forget the place names found for `article`: its text changed.
    pub fn forget_mentions_of(&self, article: &str) {
        let mut cache = self
            .mentions
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        cache.remove(article);
    }

    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.get(id).or_else(|| self.gazetteer.place(id))
    }

    /// The article named `id`: looked up by name (the window asks for the articles of an
    /// event's sources every frame), else searched, for articles added since the store was built.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.article_at
            .get(id)
            .and_then(|&at| self.articles.get(at))
            .filter(|a| a.id == id)
            .or_else(|| self.articles.iter().find(|a| a.id == id))
    }

    /// First and last day that has an event.
    pub fn day_span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first = *self.by_day.keys().next()?;
        let last = *self.by_day.keys().next_back()?;
        Some((first, last))
    }

    /// Indices into `events` of the events in `window` that pass `filter`, in day order.
    pub fn query(&self, window: DayWindow, filter: &EventFilter) -> Vec<usize> {
        let candidates: Box<dyn Iterator<Item = usize> + '_> = match window {
            DayWindow::On(day) => Box::new(self.by_day.get(&day).into_iter().flatten().copied()),
            DayWindow::UpTo(day) => Box::new(
                self.by_day
                    .range(..=day)
                    .flat_map(|(_, v)| v.iter().copied()),
            ),
            DayWindow::All => Box::new(0..self.events.len()),
        };
        candidates
            .filter(|&i| self.passes(&self.events[i], filter))
            .collect()
    }

    pub fn passes(&self, event: &Event, filter: &EventFilter) -> bool {
        if !filter.kinds[kind_index(event.kind)] {
            return false;
        }
        let certainty_ok = match event.certainty {
            Certainty::Explicit => filter.explicit,
            Certainty::Implicit => filter.implicit,
        };
        if !certainty_ok {
            return false;
        }
        if let Some(claimant) = &filter.claimant {
            let wanted = claimant.to_lowercase();
            let claimed = event
                .claimed_by
                .as_deref()
                .is_some_and(|c| c.to_lowercase().contains(&wanted));
            if !claimed {
                return false;
            }
        }
        if !filter.place_query.trim().is_empty() {
            let wanted = filter.place_query.trim().to_lowercase();
            let at_place = event.places.iter().any(|id| {
                self.place(id)
                    .is_some_and(|p| p.name.to_lowercase().contains(&wanted))
            });
            if !at_place {
                return false;
            }
        }
        true
    }

    /// Per day, the number of events of each kind (indexed like [`EventKind::ALL`]).
    pub fn counts_by_day(&self, filter: &EventFilter) -> BTreeMap<NaiveDate, [usize; 5]> {
        self.by_day
            .iter()
            .map(|(day, indices)| {
                let mut counts = [0; 5];
                for &i in indices {
                    let event = &self.events[i];
                    if self.passes(event, filter) {
                        counts[kind_index(event.kind)] += 1;
                    }
                }
                (*day, counts)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Room beyond the length of a string or vector the store keeps, by what holds it.
    struct Spare(Vec<String>);

    impl Spare {
        fn check(&mut self, what: &str, capacity: usize, len: usize) {
            if capacity != len {
                self.0
                    .push(format!("{what}: {len} long, room for {capacity}"));
            }
        }

        fn string(&mut self, what: &str, text: &str, capacity: usize) {
            self.check(&format!("{what} {text:?}"), capacity, text.len());
        }
    }

    /// What the store keeps per article (mentions for the article view, events and their
    /// sources) is allocated at its length: with a year of news, room left by building strings
    /// and vectors by pushing was most of the memory.
    #[test]
    fn what_the_store_keeps_has_no_spare_room() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let atlas = Atlas::from_dir(&root.join("seeds"), &root.join("data"))
            .expect("the seeds and the data folder load");
        let mut spare = Spare(Vec::new());
        let mut counted = (0, 0);
        spare.check("events", atlas.events.capacity(), atlas.events.len());
        for event in atlas.events.iter() {
            spare.string("event id", &event.id, event.id.capacity());
            spare.check("places", event.places.capacity(), event.places.len());
            spare.check("actors", event.actors.capacity(), event.actors.len());
            spare.check("sources", event.sources.capacity(), event.sources.len());
            if event.sources.len() > 1 {
                counted.1 += 1;
            }
            for s in &event.sources {
                counted.0 += 1;
                spare.string("quote", &s.quote, s.quote.capacity());
                spare.string("why_day", &s.why_day, s.why_day.capacity());
                spare.string("why_place", &s.why_place, s.why_place.capacity());
                spare.check("kind words", s.kind_words.capacity(), s.kind_words.len());
                spare.check("place words", s.place_words.capacity(), s.place_words.len());
                for w in s
                    .kind_words
                    .iter()
                    .chain(&s.place_words)
                    .chain(&s.day_words)
                {
                    spare.string("words", &w.text, w.text.capacity());
                }
            }
        }
        let (sources, merged) = counted;
        assert!(
            sources > 50 && merged > 0,
            "the seeds give {sources} sources, {merged} merged events"
        );
        assert!(spare.0.is_empty(), "{}", spare.0.join("\n"));
    }

    /// The store keeps no article's place names; the window's first asking finds them as the
    /// extraction did, the next ones get the same list, and a changed text is read again.
    #[test]
    fn an_articles_place_names_are_found_when_asked_and_kept() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let atlas = Atlas::from_dir(&root.join("seeds"), &root.join("data"))
            .expect("the seeds and the data folder load");
        let article = &atlas.articles[0];
        let first = atlas.mentions_of(article);
        assert!(first.len() > 10, "{} names in {}", first.len(), article.id);
        assert_eq!(*first, atlas.gazetteer.mentions(&article.text));
        assert!(Arc::ptr_eq(&first, &atlas.mentions_of(article)));
        atlas.forget_mentions_of(&article.id);
        let again = atlas.mentions_of(article);
        assert!(!Arc::ptr_eq(&first, &again));
        assert_eq!(first, again);
        let other = &atlas.articles[1];
        assert_ne!(*atlas.mentions_of(other), *first);
    }
}

#[cfg(test)]
mod build_tests {
    use super::*;
    use crate::synthetic::CorpusGenerator;

    /// The store extracts slices of articles while it merges the slice before: its events are
    /// those of one merge of every article's reports in article order.
    #[test]
    fn building_by_slices_gives_the_merge_of_every_report() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let gazetteer = Arc::new(Gazetteer::load(&root.join("data")).expect("the data loads"));
        let lexicon = Lexicon::load(&root.join("data")).expect("the lexicon loads");
        let (seeds, failures) = corpus::read_dir(&root.join("seeds"));
        assert!(failures.is_empty() && !seeds.is_empty(), "{failures:?}");
        // More than two slices, and few days: reports of different slices merge.
        let articles = CorpusGenerator::new(&seeds, &gazetteer, 4096)
            .generate(Atlas::ARTICLES_PER_SLICE * 2 + 100, 9);
        let reports: Vec<Event> = articles
            .iter()
            .flat_map(|a| {
                extract::extract_article(a, &gazetteer.mentions(&a.text), &gazetteer, &lexicon)
            })
            .collect();
        let expected = extract::merge::merge(reports.clone());
        let atlas = Atlas::build(articles, Vec::new(), Arc::clone(&gazetteer), &lexicon);
        assert!(
            expected.len() < reports.len() * 2 / 3,
            "{} reports, {} events: too few merges to test",
            reports.len(),
            expected.len()
        );
        assert_eq!(atlas.events.len(), expected.len());
        for (got, want) in atlas.events.iter().zip(&expected) {
            assert_eq!(got, want);
        }
    }
}
