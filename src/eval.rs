//! Scores extraction against a hand-made gold file: precision, recall and F1 of
//! (article, day, kind, place) triples — all events and explicit-only — and publication dates.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::atlas::Atlas;
use crate::model::{EventKind, PlaceId};

#[derive(Debug, Deserialize)]
pub struct Gold {
    pub articles: BTreeMap<String, GoldArticle>,
    pub events: Vec<GoldEvent>,
}

#[derive(Debug, Deserialize)]
pub struct GoldArticle {
    pub published: NaiveDate,
}

#[derive(Debug, Deserialize)]
pub struct GoldEvent {
    pub article: String,
    pub date: Option<NaiveDate>,
    pub kind: String,
    pub places: Vec<String>,
    pub certainty: String,
}

impl Gold {
    pub fn load(path: &Path) -> anyhow::Result<Gold> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("{}: cannot read the gold file: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| {
            anyhow::anyhow!(
                "{}: line {}, column {}: {e}; expected {{\"articles\": {{…}}, \"events\": […]}}",
                path.display(),
                e.line(),
                e.column()
            )
        })
    }
}

/// (article, day, kind, place id)
pub type Triple = (String, Option<NaiveDate>, EventKind, PlaceId);

#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Score {
    pub true_positives: usize,
    pub predicted: usize,
    pub gold: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Score {
    fn of(predicted: &BTreeSet<Triple>, gold: &BTreeSet<Triple>) -> Score {
        let tp = predicted.intersection(gold).count();
        let precision = ratio(tp, predicted.len());
        let recall = ratio(tp, gold.len());
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Score {
            true_positives: tp,
            predicted: predicted.len(),
            gold: gold.len(),
            precision,
            recall,
            f1,
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub all: Score,
    pub explicit: Score,
    pub published_right: usize,
    pub published_total: usize,
    /// Gold triples not found, and found triples not in the gold, for reading.
    #[serde(skip)]
    pub missed: Vec<Triple>,
    #[serde(skip)]
    pub spurious: Vec<Triple>,
    #[serde(skip)]
    pub published_wrong: Vec<(String, Option<NaiveDate>, NaiveDate)>,
}

/// Gold place names are standard English names: resolve them with the same gazetteer.
fn gold_place_id(atlas: &Atlas, name: &str) -> PlaceId {
    atlas
        .gazetteer
        .mentions(name)
        .into_iter()
        .find_map(|m| m.place)
        .unwrap_or_else(|| format!("unresolved:{name}").into())
}

pub fn evaluate(atlas: &Atlas, gold: &Gold) -> Report {
    let mut gold_all = BTreeSet::new();
    let mut gold_explicit = BTreeSet::new();
    for event in &gold.events {
        let Some(kind) = EventKind::parse(&event.kind) else {
            continue;
        };
        for place in &event.places {
            let triple = (
                event.article.clone(),
                event.date,
                kind,
                gold_place_id(atlas, place),
            );
            if event.certainty == "explicit" {
                gold_explicit.insert(triple.clone());
            }
            gold_all.insert(triple);
        }
    }
    let mut found_all = BTreeSet::new();
    let mut found_explicit = BTreeSet::new();
    for event in atlas.events.iter() {
        for source in &event.sources {
            if !gold.articles.contains_key(&source.article) {
                continue;
            }
            for place in &event.places {
                let triple = (source.article.clone(), event.day, event.kind, place.clone());
                if source.day_words.is_some() {
                    found_explicit.insert(triple.clone());
                }
                found_all.insert(triple);
            }
        }
    }
    let mut published_right = 0;
    let mut published_wrong = Vec::new();
    for (file, expected) in &gold.articles {
        let found = atlas
            .article(file)
            .and_then(|a| a.published.as_ref())
            .map(|p| p.day);
        if found == Some(expected.published) {
            published_right += 1;
        } else {
            published_wrong.push((file.clone(), found, expected.published));
        }
    }
    Report {
        all: Score::of(&found_all, &gold_all),
        explicit: Score::of(&found_explicit, &gold_explicit),
        published_right,
        published_total: gold.articles.len(),
        missed: gold_all.difference(&found_all).cloned().collect(),
        spurious: found_all.difference(&gold_all).cloned().collect(),
        published_wrong,
    }
}

impl Report {
    /// A table for people, then one JSON line for scripts.
    pub fn render(&self, atlas: &Atlas, verbose: bool) -> String {
        let name = |id: &str| atlas.place(id).map_or(id.to_string(), |p| p.name.clone());
        let mut out = String::new();
        out.push_str("events      precision  recall     F1   (tp/predicted/gold)\n");
        for (label, s) in [("all", self.all), ("explicit", self.explicit)] {
            out.push_str(&format!(
                "{label:<10}  {:>9.3}  {:>6.3}  {:>5.3}   ({}/{}/{})\n",
                s.precision, s.recall, s.f1, s.true_positives, s.predicted, s.gold
            ));
        }
        out.push_str(&format!(
            "publication dates right: {}/{}\n",
            self.published_right, self.published_total
        ));
        if verbose {
            let line = |t: &Triple| {
                format!(
                    "  {} {} {} {}\n",
                    &t.0,
                    t.1.map_or("undated".to_string(), |d| d.to_string()),
                    t.2.as_str(),
                    name(&t.3)
                )
            };
            out.push_str("missed:\n");
            self.missed.iter().for_each(|t| out.push_str(&line(t)));
            out.push_str("spurious:\n");
            self.spurious.iter().for_each(|t| out.push_str(&line(t)));
            for (file, found, expected) in &self.published_wrong {
                out.push_str(&format!(
                    "publication date of {file}: found {found:?}, expected {expected}\n"
                ));
            }
        }
        out.push_str(&serde_json::to_string(self).unwrap_or_default());
        out.push('\n');
        out
    }
}
