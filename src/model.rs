//! The data model shared by every stage of the pipeline. All types are serde-serialisable so that
//! `extract --format json` is simply the model written out.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// File name of an article (e.g. `000_3ffde59c5c20d985.txt`): stable, readable, unique in a folder.
pub type ArticleId = String;
/// `geonames:<id>` for GeoNames rows, `atlas:<slug>` for hand-added entries (regions, fixes).
pub type PlaceId = std::sync::Arc<str>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Shelling,
    Fighting,
    Displacement,
    Diplomacy,
    Casualties,
}

impl EventKind {
    pub const ALL: [EventKind; 5] = [
        EventKind::Shelling,
        EventKind::Fighting,
        EventKind::Displacement,
        EventKind::Diplomacy,
        EventKind::Casualties,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Shelling => "shelling",
            EventKind::Fighting => "fighting",
            EventKind::Displacement => "displacement",
            EventKind::Diplomacy => "diplomacy",
            EventKind::Casualties => "casualties",
        }
    }

    pub fn parse(name: &str) -> Option<EventKind> {
        EventKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(name.trim()))
    }
}

/// Whether the text itself names the day of an event, or only the paper's date places it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    Explicit,
    Implicit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Happened,
    Planned,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    Country,
    Region,
    District,
    Capital,
    City,
    Town,
    Village,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub id: PlaceId,
    /// Standard English name ("Shusha", "Stepanakert", "Nagorno-Karabakh").
    pub name: String,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code ("AZ", "AM"); empty for regions that span several countries.
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    /// The first-level unit the place lies in ("Shusha District", "Syunik Province"), as
    /// ACLED's `admin1`; empty where the gazetteer does not know it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub admin1: String,
}

impl Place {
    pub fn point(&self) -> geo::Point<f64> {
        geo::Point::new(self.lon, self.lat)
    }
}

/// What a place name does in its sentence. Only `Event` and `Actor` put points on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionRole {
    /// Something happened there ("shelling in Barda").
    Event,
    /// Metonymy for a government or its seat ("Baku said", "the Kremlin").
    Actor,
    /// Byline, photo or copyright credit ("Additional reporting by … in Tbilisi").
    Credit,
    /// Named but not a place of this story: an organisation's name ("OSCE Minsk Group"), a past
    /// war, an origin ("mercenaries from Syria").
    Background,
}

/// One gazetteer candidate for a mention, with the score and the reason a reader can check.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub place: PlaceId,
    pub score: f64,
    pub reason: String,
}

/// A place name found in an article. `start`/`end` are byte offsets in the article text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub role: MentionRole,
    /// The chosen place, or `None` when no candidate is good enough (or the name is not a place here).
    pub place: Option<PlaceId>,
    /// Ranked candidates, best first; the first is `place` when one was chosen.
    pub candidates: Vec<Candidate>,
    /// Why this place (or none) and this role, in words.
    pub why: String,
}

/// How the publication date of an article was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// A metadata line states it ("date 2020-10-10", "Source: Reuters, October 3rt, 2020").
    Stated,
    /// Inferred from clues in the text (weekday + date, "for 13 days", latest day referred to).
    Inferred,
    /// Set by the reader.
    Pinned,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Published {
    pub day: NaiveDate,
    /// The words that gave the date, quoted from the article (or "pinned by the reader").
    pub evidence: String,
    pub source: DateSource,
    /// Clues that point to another day, in words; empty when all clues agree.
    pub conflicts: Vec<String>,
    /// The time expressions of the sentences read to find the date, kept for the extraction
    /// (none for a date set by the reader or read back from a file).
    #[serde(skip)]
    pub time_scans: crate::when::TimeScans,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    pub path: PathBuf,
    pub text: String,
    /// SHA-256 of the file's bytes, hex: the key corrections are stored under.
    pub hash: String,
    pub published: Option<Published>,
    /// Set when the text was decoded with a fallback (e.g. Latin-1) so the reader is told.
    pub note: Option<String>,
}

impl Article {
    /// Drops the time scans its dating kept for the extraction (about a quarter of the text's
    /// size): once the article is extracted they serve nothing, and a later re-extraction scans
    /// again with the same result.
    pub fn forget_time_scans(&mut self) {
        if let Some(published) = &mut self.published {
            published.time_scans = crate::when::TimeScans::default();
        }
    }
}

/// A byte range of an article, with its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Span {
    /// Gives its text no room beyond its length (see [`Event::shrink_to_fit`]).
    pub fn shrink_to_fit(&mut self) {
        fit_string(&mut self.text);
    }
}

/// Gives `text` no room beyond its length. A fresh copy rather than `String::shrink_to_fit`: an
/// allocator may keep a block in place when asked to shrink it by less than half.
pub fn fit_string(text: &mut String) {
    if text.capacity() > text.len() {
        *text = text.as_str().to_owned();
    }
}

/// Gives `list` no room beyond its length, moving its items to a vector of that size (see
/// [`fit_string`] for why not `Vec::shrink_to_fit`).
pub fn fit_vec<T>(list: &mut Vec<T>) {
    if list.capacity() > list.len() {
        let mut exact = Vec::with_capacity(list.len());
        exact.append(list);
        *list = exact;
    }
}

/// One article's report of an event: the sentence and the words that decided kind, day and place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub article: ArticleId,
    /// Byte range of the sentence in the article.
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub kind_words: Vec<Span>,
    pub day_words: Option<Span>,
    pub place_words: Vec<Span>,
    /// Why this day, in words ("'on Thursday' = the Thursday before 9 Oct 2020").
    pub why_day: String,
    /// Why these places, in words (the gazetteer's reason, or the convention applied).
    pub why_place: String,
    pub claimed_by: Option<String>,
    pub denied: bool,
    pub figures: Figures,
}

impl Source {
    /// Gives every string and vector it holds no room beyond its length (see
    /// [`Event::shrink_to_fit`]).
    pub fn shrink_to_fit(&mut self) {
        fit_string(&mut self.article);
        fit_string(&mut self.quote);
        fit_vec(&mut self.kind_words);
        self.kind_words.iter_mut().for_each(Span::shrink_to_fit);
        if let Some(words) = &mut self.day_words {
            words.shrink_to_fit();
        }
        fit_vec(&mut self.place_words);
        self.place_words.iter_mut().for_each(Span::shrink_to_fit);
        fit_string(&mut self.why_day);
        fit_string(&mut self.why_place);
        if let Some(by) = &mut self.claimed_by {
            fit_string(by);
        }
        self.figures.shrink_to_fit();
    }
}

/// A number from the text with the words around it ("more than 400", "300 to 400",
/// "half of the 140,000" → 70 000).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    pub value: u64,
    pub qualifier: String,
    pub text: String,
    /// A toll of the war so far ("the death toll rose to 400"), not the count of one happening:
    /// a level to plot, not deaths to add up (see `extract::tolls`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub running_total: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    // Boxed: most events and sources have no figure, and inline the three took 168 bytes of
    // every `Event` and every `Source` (24 boxed; 100 000 events: 29 MB). Serialised the same.
    pub deaths: Option<Box<Figure>>,
    pub injured: Option<Box<Figure>>,
    pub displaced: Option<Box<Figure>>,
}

impl Figures {
    pub fn is_empty(&self) -> bool {
        self.deaths.is_none() && self.injured.is_none() && self.displaced.is_none()
    }

    /// Gives the figures' words no room beyond their length.
    pub fn shrink_to_fit(&mut self) {
        for figure in [&mut self.deaths, &mut self.injured, &mut self.displaced]
            .into_iter()
            .flatten()
        {
            fit_string(&mut figure.qualifier);
            fit_string(&mut figure.text);
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable across runs: derived from kind, day, places and the first source's sentence.
    pub id: String,
    pub day: Option<NaiveDate>,
    pub certainty: Certainty,
    pub kind: EventKind,
    pub places: Vec<PlaceId>,
    pub actors: Vec<String>,
    pub claimed_by: Option<String>,
    pub figures: Figures,
    pub status: Status,
    pub sources: Vec<Source>,
    /// Set when a reader's correction changed this event; `original` keeps what extraction said.
    /// Boxed: few events are corrected, and inline it made every event 80 bytes larger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correction: Option<Box<crate::model::CorrectionNote>>,
}

impl Event {
    /// Gives every string and vector it holds no room beyond its length. Events are kept as long
    /// as the store (a year of news: hundreds of thousands), and extraction builds much of what
    /// they hold by pushing, with room to spare.
    pub fn shrink_to_fit(&mut self) {
        fit_string(&mut self.id);
        fit_vec(&mut self.places);
        fit_vec(&mut self.actors);
        self.actors.iter_mut().for_each(fit_string);
        if let Some(by) = &mut self.claimed_by {
            fit_string(by);
        }
        self.figures.shrink_to_fit();
        fit_vec(&mut self.sources);
        self.sources.iter_mut().for_each(Source::shrink_to_fit);
    }
}

/// What a reader changed on an event, and the extraction's original values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CorrectionNote {
    pub note: Option<String>,
    pub original_kind: EventKind,
    pub original_day: Option<NaiveDate>,
    pub original_places: Vec<PlaceId>,
    /// What extraction said about the certainty of the day (a day set by the reader is explicit).
    #[serde(default)]
    pub original_certainty: Option<Certainty>,
    /// The reader marked this as not an event: kept so it can be shown again, but off the map.
    #[serde(default)]
    pub hidden: bool,
    /// Every change made, in words, oldest first ("kind shelling → fighting").
    #[serde(default)]
    pub changes: Vec<String>,
}
