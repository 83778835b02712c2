//! Large corpora and event sets made from the seeds, for benchmarks and load tests: sentences
//! shuffled and recombined, place names swapped among gazetteer entries, dates shifted.

use std::path::PathBuf;

use chrono::{Days, NaiveDate};
use sha2::{Digest, Sha256};

use crate::corpus;
use crate::gazetteer::Gazetteer;
use crate::model::{
    Article, Certainty, Event, EventKind, Figures, MentionRole, PlaceId, PlaceKind, Source, Status,
};
use crate::text;

/// A small, fast, seeded generator (SplitMix64): benchmarks must be repeatable, and a dependency
/// for twenty lines of arithmetic is not worth it.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// Builds articles of about `target_bytes` from the sentences of `seeds`.
pub struct CorpusGenerator {
    sentences: Vec<String>,
    place_names: Vec<String>,
    target_bytes: usize,
}

impl CorpusGenerator {
    pub fn new(seeds: &[Article], gazetteer: &Gazetteer, target_bytes: usize) -> CorpusGenerator {
        let mut sentences = Vec::new();
        for article in seeds {
            let mentions = gazetteer.mentions(&article.text);
            for range in text::sentences(&article.text) {
                let Some(sentence) = article.text.get(range.clone()) else {
                    continue;
                };
                // Mark the place names so each copy can get other places.
                let mut marked = String::new();
                let mut at = range.start;
                for m in mentions
                    .iter()
                    .filter(|m| m.start >= range.start && m.end <= range.end)
                    .filter(|m| m.role == MentionRole::Event && m.place.is_some())
                {
                    marked.push_str(&article.text[at..m.start]);
                    marked.push('\u{1}');
                    marked.push_str(&m.text);
                    marked.push('\u{2}');
                    at = m.end;
                }
                marked.push_str(&article.text[at..range.end]);
                if !sentence.trim().is_empty() {
                    sentences.push(marked);
                }
            }
        }
        let place_names = gazetteer
            .places()
            .iter()
            .filter(|p| is_front_country(p))
            .filter(|p| {
                matches!(
                    p.kind,
                    PlaceKind::City | PlaceKind::Town | PlaceKind::Village
                )
            })
            .map(|p| p.name.clone())
            .collect();
        CorpusGenerator {
            sentences,
            place_names,
            target_bytes,
        }
    }

    pub fn generate(&self, count: usize, seed: u64) -> Vec<Article> {
        let mut rng = Rng::new(seed);
        (0..count).map(|i| self.article(i, &mut rng)).collect()
    }

    fn article(&self, index: usize, rng: &mut Rng) -> Article {
        let published = war_day(rng.below(45));
        let mut text = format!("date {published}\n");
        while text.len() < self.target_bytes && !self.sentences.is_empty() {
            let sentence = &self.sentences[rng.below(self.sentences.len())];
            text.push_str(&self.swap_places(sentence, rng));
            text.push('\n');
        }
        // As a file is read: at its length (grown by pushing, it kept a quarter more on average,
        // which measuring the store's memory would count).
        crate::model::fit_string(&mut text);
        let hash: String = Sha256::digest(text.as_bytes())
            .iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect();
        Article {
            id: format!("synthetic_{index:06}.txt"),
            path: PathBuf::from(format!("synthetic_{index:06}.txt")),
            published: corpus::publication_date(&text),
            text,
            hash,
            note: None,
        }
    }

    fn swap_places(&self, marked: &str, rng: &mut Rng) -> String {
        let mut out = String::with_capacity(marked.len());
        let mut rest = marked;
        while let Some(open) = rest.find('\u{1}') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let close = after.find('\u{2}').unwrap_or(after.len());
            let original = &after[..close];
            if !self.place_names.is_empty() && rng.below(2) == 0 {
                out.push_str(&self.place_names[rng.below(self.place_names.len())]);
            } else {
                out.push_str(original);
            }
            rest = after.get(close + 1..).unwrap_or("");
        }
        out.push_str(rest);
        out
    }
}

fn war_day(offset: usize) -> NaiveDate {
    corpus::war_start()
        .checked_add_days(Days::new(offset as u64))
        .unwrap_or_else(corpus::war_start)
}

fn is_front_country(place: &crate::model::Place) -> bool {
    matches!(place.country.as_str(), "AZ" | "AM")
}

/// Every Azerbaijani and Armenian place of the gazetteer: where synthetic events happen.
pub fn front_places(gazetteer: &Gazetteer) -> Vec<PlaceId> {
    gazetteer
        .places()
        .iter()
        .filter(|p| is_front_country(p))
        .map(|p| p.id.clone())
        .collect()
}

/// `count` events spread over `days` days of the war and over `places`, for frame-cost tests.
pub fn events(count: usize, places: &[PlaceId], days: usize, seed: u64) -> Vec<Event> {
    let mut rng = Rng::new(seed);
    (0..count)
        .map(|i| {
            let kind = EventKind::ALL[rng.below(EventKind::ALL.len())];
            let day = war_day(rng.below(days.max(1)));
            let place = places
                .get(rng.below(places.len().max(1)))
                .cloned()
                .unwrap_or_default();
            Event {
                id: format!("synthetic-{i}"),
                day: Some(day),
                certainty: if rng.below(3) == 0 {
                    Certainty::Implicit
                } else {
                    Certainty::Explicit
                },
                kind,
                places: vec![place],
                actors: Vec::new(),
                claimed_by: None,
                figures: Figures::default(),
                status: Status::Happened,
                sources: vec![Source {
                    article: format!("synthetic_{:06}.txt", i / 8),
                    start: 0,
                    end: 0,
                    quote: format!("Synthetic {} event number {i}.", kind.as_str()),
                    kind_words: Vec::new(),
                    day_words: None,
                    place_words: Vec::new(),
                    why_day: String::new(),
                    why_place: String::new(),
                    claimed_by: None,
                    denied: false,
                    figures: Figures::default(),
                }],
                correction: None,
            }
        })
        .collect()
}
