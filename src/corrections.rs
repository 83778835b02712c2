//! The reader's edits, kept apart from extraction and replayed on top of it.
//!
//! Corrections live in one human-readable file, `corrections.json` (format in
//! `docs/CORRECTIONS.md`). Each one names its event by the article's content hash and the
//! sentence the event came from — never by a list position or an event id — so it still finds its
//! event after the articles are read again and after the extractor improves. A correction that no
//! longer finds anything is reported as an orphan, never dropped.
//!
//! Every change is saved at once and atomically: a crash while saving leaves the previous file whole.

use std::collections::{HashMap, HashSet};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::model::{
    Article, Certainty, CorrectionNote, DateSource, Event, EventKind, PlaceId, Published, Source,
};

/// Name of the corrections file in an articles folder.
pub const FILE_NAME: &str = "corrections.json";
/// The format version this program writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;
/// A stored sentence and an extracted one match by containment only when the shorter of the two
/// has at least this many normalised characters: a sentence splitter that improves may cut a
/// sentence differently, but a few words alone would match too much.
const MIN_CONTAINED_CHARS: usize = 24;

/// The whole corrections file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Corrections {
    pub version: u32,
    /// A line for the person who opens the file in a text editor.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub about: String,
    /// Publication dates the reader set, one per article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub publication_dates: Vec<PublicationDate>,
    /// Applied in this order; later corrections see the result of earlier ones.
    #[serde(default)]
    pub corrections: Vec<Correction>,
}

/// The publication date of one article, set by the reader (the text had none, or a doubtful one).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicationDate {
    /// SHA-256 of the article file's bytes, hex.
    pub article: String,
    /// The file name when the date was set: used when no loaded article has the hash.
    #[serde(default)]
    pub article_file: String,
    pub day: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub made: Option<String>,
}

impl Default for Corrections {
    fn default() -> Self {
        Corrections {
            version: FORMAT_VERSION,
            about:
                "Corrections made by a reader of karabakh-atlas, applied in order on top of the \
                    extracted events. Format: docs/CORRECTIONS.md."
                    .into(),
            publication_dates: Vec::new(),
            corrections: Vec::new(),
        }
    }
}

/// Which sentence of which article: the part of a key that names a source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceKey {
    /// SHA-256 of the article file's bytes, hex ([`Article::hash`]).
    pub article: String,
    /// The article's file name when the correction was made: used only when no loaded article has
    /// the hash (the file was edited), and to make the file readable.
    #[serde(default)]
    pub article_file: String,
    /// The sentence as extraction quoted it; compared after [`normalise_sentence`].
    pub sentence: String,
}

impl SourceKey {
    pub fn of(source: &Source, articles: &[Article]) -> SourceKey {
        let hash = articles
            .iter()
            .find(|a| a.id == source.article)
            .map(|a| a.hash.clone())
            .unwrap_or_default();
        SourceKey {
            article: hash,
            article_file: source.article.clone(),
            sentence: source.quote.clone(),
        }
    }
}

/// Names one event: a sentence it came from, plus the kind and places extraction gave it to tell
/// apart several events of one sentence (a call *and* shelling).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventKey {
    #[serde(flatten)]
    pub source: SourceKey,
    /// The kind extraction gave (not a kind set by a correction): a tie-breaker only.
    pub kind: EventKind,
    /// The places extraction gave: a tie-breaker only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<PlaceId>,
}

impl EventKey {
    /// The key of an event as the window shows it (corrected or not): its first source, and the
    /// kind and places extraction gave it. `None` for an event without a source.
    pub fn of(event: &Event, articles: &[Article]) -> Option<EventKey> {
        let source = event.sources.first()?;
        Some(EventKey {
            source: SourceKey::of(source, articles),
            kind: original_kind(event),
            places: original_places(event).to_vec(),
        })
    }
}

/// One thing a reader can change on an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Edit {
    /// Put the event at another place. With `from`, only that place is replaced; without it (or
    /// when the event is no longer at `from`), the event gets `to` as its only place.
    Move {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<PlaceId>,
        to: PlaceId,
    },
    SetKind {
        to: EventKind,
    },
    /// A day set by the reader counts as explicit; `null` makes the event undated.
    SetDay {
        day: Option<NaiveDate>,
    },
    /// Not an event: taken off the map and out of exports, kept in [`Applied::hidden`].
    Hide,
    Unhide,
    /// Fold another event into this one: its sources join this event, which keeps its kind, day
    /// and places.
    Merge {
        other: EventKey,
    },
    /// Take one source out of this event and make it an event of its own.
    Split {
        source: SourceKey,
    },
    /// A note from the reader; an empty text removes it.
    Note {
        text: String,
    },
}

/// One edit of one event, as stored in the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Correction {
    #[serde(flatten)]
    pub target: EventKey,
    #[serde(flatten)]
    pub edit: Edit,
    /// When the reader made it (UTC, RFC 3339): for the reader, not used for matching.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub made: Option<String>,
}

impl Correction {
    /// A correction made now.
    pub fn new(target: EventKey, edit: Edit) -> Correction {
        Correction {
            target,
            edit,
            made: Some(now()),
        }
    }

    /// In words, for an undo button or a list of corrections.
    pub fn describe(&self) -> String {
        let what = match &self.edit {
            Edit::Move {
                from: Some(from),
                to,
            } => format!("move from {from} to {to}"),
            Edit::Move { from: None, to } => format!("move to {to}"),
            Edit::SetKind { to } => format!("set kind to {}", to.as_str()),
            Edit::SetDay { day: Some(day) } => format!("set day to {day}"),
            Edit::SetDay { day: None } => "make undated".into(),
            Edit::Hide => "hide as not an event".into(),
            Edit::Unhide => "show again".into(),
            Edit::Merge { other } => format!(
                "merge with \u{201c}{}\u{201d}",
                snippet(&other.source.sentence)
            ),
            Edit::Split { source } => {
                format!("split off \u{201c}{}\u{201d}", snippet(&source.sentence))
            }
            Edit::Note { text } if text.trim().is_empty() => "remove note".into(),
            Edit::Note { text } => format!("note \u{201c}{}\u{201d}", snippet(text)),
        };
        format!(
            "{what} ({} event in {}: \u{201c}{}\u{201d})",
            self.target.kind.as_str(),
            self.target.source.article_file,
            snippet(&self.target.source.sentence)
        )
    }
}

/// Now, UTC, to the second: when the reader made a change.
fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn snippet(text: &str) -> String {
    const MAX_CHARS: usize = 60;
    let text = text.trim();
    match text.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}\u{2026}", &text[..cut]),
        None => text.to_string(),
    }
}

/// Lower case, ASCII, letters and digits only, single spaces: quotes that differ by punctuation,
/// typographic quotes or line breaks compare equal.
pub fn normalise_sentence(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word_break = false;
    let push = |part: &str, out: &mut String, word_break: &mut bool| {
        if *word_break && !out.is_empty() {
            out.push(' ');
        }
        *word_break = false;
        out.extend(part.chars().map(|c| c.to_ascii_lowercase()));
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            let mut buffer = [0; 4];
            push(c.encode_utf8(&mut buffer), &mut out, &mut word_break);
        } else if c.is_ascii() {
            word_break = true;
        } else {
            // "Şuşa" → "susa"; "’" and other non-letters break words.
            match deunicode::deunicode_char(c) {
                Some(ascii)
                    if !ascii.is_empty() && ascii.chars().all(|a| a.is_ascii_alphanumeric()) =>
                {
                    push(ascii, &mut out, &mut word_break)
                }
                _ => word_break = true,
            }
        }
    }
    out
}

fn original_kind(event: &Event) -> EventKind {
    event
        .correction
        .as_ref()
        .map_or(event.kind, |c| c.original_kind)
}

fn original_places(event: &Event) -> &[PlaceId] {
    event
        .correction
        .as_ref()
        .map_or(&event.places[..], |c| &c.original_places[..])
}

/// The note of an event, created with the extraction's values the first time it is changed.
fn note_mut(event: &mut Event) -> &mut CorrectionNote {
    let (kind, day, places, certainty) =
        (event.kind, event.day, event.places.clone(), event.certainty);
    event.correction.get_or_insert_with(|| {
        Box::new(CorrectionNote {
            note: None,
            original_kind: kind,
            original_day: day,
            original_places: places,
            original_certainty: Some(certainty),
            hidden: false,
            changes: Vec::new(),
        })
    })
}

/// [`Applied`] with the shown events shared.
#[derive(Debug, Default)]
pub struct SharedApplied {
    pub events: Arc<Vec<Event>>,
    pub hidden: Vec<Event>,
    pub orphans: Vec<Orphan>,
}

/// Events after corrections.
#[derive(Clone, Debug, Default)]
pub struct Applied {
    /// What the map and exports show; corrected events carry [`Event::correction`].
    pub events: Vec<Event>,
    /// Events the reader marked as not events, so the window can list them and show them again.
    pub hidden: Vec<Event>,
    /// Corrections that found nothing to change, with the reason.
    pub orphans: Vec<Orphan>,
}

/// A correction that no longer matches any event (the article is gone or no longer gives that
/// event). It stays in the file, so it applies again if the article comes back.
#[derive(Clone, Debug, PartialEq)]
pub struct Orphan {
    /// Position in [`Corrections::corrections`].
    pub position: usize,
    pub correction: Correction,
    pub reason: String,
}

/// Replay `corrections` on `events`. `articles` maps the content hashes of the keys to the file
/// names the sources use.
pub fn apply(events: Vec<Event>, articles: &[Article], corrections: &Corrections) -> Applied {
    if corrections.corrections.is_empty() {
        return Applied {
            events,
            ..Applied::default()
        };
    }
    let mut table = EventTable::new(events, articles, corrections);
    let mut orphans = Vec::new();
    for (position, correction) in corrections.corrections.iter().enumerate() {
        if let Err(reason) = table.apply(correction) {
            orphans.push(Orphan {
                position,
                correction: correction.clone(),
                reason,
            });
        }
    }
    let (events, hidden) = table.finish();
    Applied {
        events,
        hidden,
        orphans,
    }
}

/// How well an event's source matches a key's sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum SentenceMatch {
    /// One sentence contains the other (the sentence splitter cut it differently).
    Contained,
    Exact,
}

/// The events during replay, in place: an event merged into another stays in `slots`, marked
/// gone, so positions stay valid and untouched events are never moved.
struct EventTable<'a> {
    slots: Vec<Event>,
    gone: HashSet<usize>,
    /// Normalised sentence → slots that had a source with it (may be stale: always re-checked).
    by_sentence: HashMap<String, Vec<usize>>,
    /// Article file name → slots that had a source from it (may be stale: always re-checked).
    by_article: HashMap<String, Vec<usize>>,
    /// Content hash → file names of the loaded articles.
    files_by_hash: HashMap<&'a str, Vec<&'a str>>,
    /// File names of the articles the corrections name.
    relevant: HashSet<String>,
}

impl<'a> EventTable<'a> {
    fn new(
        events: Vec<Event>,
        articles: &'a [Article],
        corrections: &Corrections,
    ) -> EventTable<'a> {
        let mut files_by_hash: HashMap<&str, Vec<&str>> = HashMap::new();
        for article in articles {
            files_by_hash
                .entry(&article.hash)
                .or_default()
                .push(&article.id);
        }
        // Only sources of articles some correction names are indexed: with a handful of
        // corrections over 100 000 events, replay costs little more than moving the events.
        let mut relevant = HashSet::new();
        for correction in &corrections.corrections {
            let mut keys = vec![&correction.target.source];
            match &correction.edit {
                Edit::Merge { other } => keys.push(&other.source),
                Edit::Split { source } => keys.push(source),
                _ => {}
            }
            for key in keys {
                relevant.insert(key.article_file.clone());
                for file in files_by_hash
                    .get(key.article.as_str())
                    .into_iter()
                    .flatten()
                {
                    relevant.insert((*file).to_string());
                }
            }
        }
        let mut table = EventTable {
            slots: Vec::new(),
            gone: HashSet::new(),
            by_sentence: HashMap::new(),
            by_article: HashMap::new(),
            files_by_hash,
            relevant,
        };
        for (slot, event) in events.iter().enumerate() {
            table.index_sources(slot, &event.sources);
        }
        table.slots = events;
        table
    }

    fn push(&mut self, event: Event) -> usize {
        let slot = self.slots.len();
        self.index_sources(slot, &event.sources);
        self.slots.push(event);
        slot
    }

    fn live(&self, slot: usize) -> Option<&Event> {
        (!self.gone.contains(&slot)).then(|| &self.slots[slot])
    }

    /// The shown and the hidden events, in their original order.
    fn finish(self) -> (Vec<Event>, Vec<Event>) {
        let is_hidden = |e: &Event| e.correction.as_ref().is_some_and(|c| c.hidden);
        if self.gone.is_empty() && !self.slots.iter().any(is_hidden) {
            return (self.slots, Vec::new());
        }
        let gone = self.gone;
        self.slots
            .into_iter()
            .enumerate()
            .filter(|(slot, _)| !gone.contains(slot))
            .map(|(_, event)| event)
            .partition(|e| !is_hidden(e))
    }

    fn index_sources(&mut self, slot: usize, sources: &[Source]) {
        for source in sources
            .iter()
            .filter(|s| self.relevant.contains(&s.article))
        {
            self.by_sentence
                .entry(normalise_sentence(&source.quote))
                .or_default()
                .push(slot);
            self.by_article
                .entry(source.article.clone())
                .or_default()
                .push(slot);
        }
    }

    /// File names the key's article goes by: those with its hash, else the file name it had.
    fn files_of<'k>(&'k self, key: &'k SourceKey) -> Vec<&'k str> {
        match self.files_by_hash.get(key.article.as_str()) {
            Some(files) => files.clone(),
            None if !key.article_file.is_empty() => vec![key.article_file.as_str()],
            None => Vec::new(),
        }
    }

    /// Every (slot, source index, how well) whose source is the key's sentence.
    fn source_matches(&self, key: &SourceKey) -> Vec<(usize, usize, SentenceMatch)> {
        let files = self.files_of(key);
        let wanted = normalise_sentence(&key.sentence);
        let from_article = |s: &Source| files.contains(&s.article.as_str());
        let mut found = Vec::new();
        let mut slots: Vec<usize> = self.by_sentence.get(&wanted).cloned().unwrap_or_default();
        slots.sort_unstable();
        slots.dedup();
        for slot in slots {
            let Some(event) = self.live(slot) else {
                continue;
            };
            for (index, source) in event.sources.iter().enumerate() {
                if from_article(source) && normalise_sentence(&source.quote) == wanted {
                    found.push((slot, index, SentenceMatch::Exact));
                }
            }
        }
        if !found.is_empty() || wanted.len() < MIN_CONTAINED_CHARS {
            return found;
        }
        let mut slots: Vec<usize> = files
            .iter()
            .filter_map(|f| self.by_article.get(*f))
            .flatten()
            .copied()
            .collect();
        slots.sort_unstable();
        slots.dedup();
        for slot in slots {
            let Some(event) = self.live(slot) else {
                continue;
            };
            for (index, source) in event.sources.iter().enumerate() {
                if !from_article(source) {
                    continue;
                }
                let have = normalise_sentence(&source.quote);
                let shorter = have.len().min(wanted.len());
                if shorter >= MIN_CONTAINED_CHARS
                    && (have.contains(&wanted) || wanted.contains(&have))
                {
                    found.push((slot, index, SentenceMatch::Contained));
                }
            }
        }
        found
    }

    /// The slot of the event a key names, or why there is none.
    fn find(&self, key: &EventKey) -> Result<usize, String> {
        let matches = self.source_matches(&key.source);
        let best = matches
            .iter()
            .filter_map(|&(slot, _, how)| {
                let event = self.live(slot)?;
                let same_kind = original_kind(event) == key.kind || event.kind == key.kind;
                let shared_places = original_places(event)
                    .iter()
                    .filter(|p| key.places.contains(p))
                    .count();
                // Highest rank wins; on a tie the earliest event, so replay is deterministic.
                Some(((same_kind, how, shared_places), std::cmp::Reverse(slot)))
            })
            .max();
        match best {
            Some((_, std::cmp::Reverse(slot))) => Ok(slot),
            None => Err(self.why_missing(&key.source)),
        }
    }

    fn why_missing(&self, key: &SourceKey) -> String {
        let file = if key.article_file.is_empty() {
            format!("article {}", short_hash(&key.article))
        } else {
            key.article_file.clone()
        };
        let loaded = self.files_by_hash.contains_key(key.article.as_str())
            || self.by_article.contains_key(&key.article_file);
        if !loaded {
            format!(
                "{file} (content {}) is not loaded or gives no events",
                short_hash(&key.article)
            )
        } else {
            format!(
                "{file} no longer gives an event from the sentence \u{201c}{}\u{201d}",
                snippet(&key.sentence)
            )
        }
    }

    fn event_mut(&mut self, slot: usize) -> Result<&mut Event, String> {
        if self.gone.contains(&slot) {
            return Err("the event was merged into another one".to_string());
        }
        Ok(&mut self.slots[slot])
    }

    fn apply(&mut self, correction: &Correction) -> Result<(), String> {
        let slot = self.find(&correction.target)?;
        match &correction.edit {
            Edit::Move { from, to } => {
                let event = self.event_mut(slot)?;
                // The first correction of an event keeps what extraction said, before it changes.
                note_mut(event);
                let before = event.places.join(", ");
                match from
                    .as_ref()
                    .and_then(|f| event.places.iter().position(|p| p == f))
                {
                    Some(at) => {
                        event.places[at] = to.clone();
                        let mut seen = Vec::with_capacity(event.places.len());
                        event.places.retain(|p| {
                            let first = !seen.contains(p);
                            seen.push(p.clone());
                            first
                        });
                    }
                    None => event.places = vec![to.clone()],
                }
                note_mut(event)
                    .changes
                    .push(format!("place {before} \u{2192} {to}"));
            }
            Edit::SetKind { to } => {
                let event = self.event_mut(slot)?;
                note_mut(event);
                let before = event.kind;
                event.kind = *to;
                note_mut(event).changes.push(format!(
                    "kind {} \u{2192} {}",
                    before.as_str(),
                    to.as_str()
                ));
            }
            Edit::SetDay { day } => {
                let event = self.event_mut(slot)?;
                let before = event.day;
                note_mut(event);
                event.day = *day;
                if day.is_some() {
                    event.certainty = Certainty::Explicit;
                }
                let show =
                    |d: Option<NaiveDate>| d.map_or("undated".to_string(), |d| d.to_string());
                note_mut(event).changes.push(format!(
                    "day {} \u{2192} {}",
                    show(before),
                    show(*day)
                ));
            }
            Edit::Hide | Edit::Unhide => {
                let hide = matches!(correction.edit, Edit::Hide);
                let note = note_mut(self.event_mut(slot)?);
                note.hidden = hide;
                note.changes.push(
                    if hide {
                        "hidden as not an event"
                    } else {
                        "shown again"
                    }
                    .into(),
                );
            }
            Edit::Note { text } => {
                let note = note_mut(self.event_mut(slot)?);
                let text = text.trim();
                note.note = (!text.is_empty()).then(|| text.to_string());
            }
            Edit::Merge { other } => {
                let other_slot = self.find(other)?;
                if other_slot == slot {
                    // Extraction already tells them as one event.
                    return Ok(());
                }
                let Some(absorbed) = self.live(other_slot).cloned() else {
                    return Err("the other event was merged already".into());
                };
                self.gone.insert(other_slot);
                self.index_sources(slot, &absorbed.sources);
                let event = self.event_mut(slot)?;
                merge_into(event, absorbed);
            }
            Edit::Split { source } => return self.split(slot, source),
        }
        Ok(())
    }

    fn split(&mut self, slot: usize, key: &SourceKey) -> Result<(), String> {
        let matches = self.source_matches(key);
        let Some(&(_, index, _)) = matches.iter().filter(|m| m.0 == slot).max_by_key(|m| m.2)
        else {
            if matches.is_empty() {
                return Err(self.why_missing(key));
            }
            // The sentence is already an event of its own: extraction now tells it apart.
            return Ok(());
        };
        let event = self.event_mut(slot)?;
        if event.sources.len() < 2 {
            return Ok(());
        }
        let source = event.sources.remove(index);
        refill_figures(event, &source);
        let parent_id = event.id.clone();
        let mut part = event.clone();
        part.id = format!(
            "{}~{}",
            parent_id,
            short_hash(&sha256_hex(
                format!("{}\n{}", source.article, source.quote).as_bytes()
            ))
        );
        part.claimed_by = source.claimed_by.clone();
        part.figures = source.figures.clone();
        part.sources = vec![source];
        let quote = snippet(&part.sources[0].quote);
        note_mut(event).changes.push(format!(
            "split off \u{201c}{quote}\u{201d} as event {}",
            part.id
        ));
        note_mut(&mut part)
            .changes
            .push(format!("split off event {parent_id}"));
        self.push(part);
        Ok(())
    }
}

fn merge_into(event: &mut Event, absorbed: Event) {
    let change = format!(
        "merged with event {} ({} source(s))",
        absorbed.id,
        absorbed.sources.len()
    );
    for source in absorbed.sources {
        let duplicate = event
            .sources
            .iter()
            .any(|s| s.article == source.article && s.start == source.start && s.end == source.end);
        if !duplicate {
            event.sources.push(source);
        }
    }
    for actor in absorbed.actors {
        if !event.actors.contains(&actor) {
            event.actors.push(actor);
        }
    }
    if event.claimed_by.is_none() {
        event.claimed_by = absorbed.claimed_by;
    }
    let figures = &mut event.figures;
    if figures.deaths.is_none() {
        figures.deaths = absorbed.figures.deaths;
    }
    if figures.injured.is_none() {
        figures.injured = absorbed.figures.injured;
    }
    if figures.displaced.is_none() {
        figures.displaced = absorbed.figures.displaced;
    }
    note_mut(event).changes.push(change);
}

/// A figure that came from the source split off is taken from the remaining sources instead.
fn refill_figures(event: &mut Event, removed: &Source) {
    let sources = &event.sources;
    let figures = &mut event.figures;
    if figures.deaths.is_some() && figures.deaths == removed.figures.deaths {
        figures.deaths = sources.iter().find_map(|s| s.figures.deaths.clone());
    }
    if figures.injured.is_some() && figures.injured == removed.figures.injured {
        figures.injured = sources.iter().find_map(|s| s.figures.injured.clone());
    }
    if figures.displaced.is_some() && figures.displaced == removed.figures.displaced {
        figures.displaced = sources.iter().find_map(|s| s.figures.displaced.clone());
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn short_hash(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

// ---------------------------------------------------------------------------------------------
// Reading and saving

/// Why the corrections file could not be read or written, naming the file and what to do.
#[derive(Debug, thiserror::Error)]
pub enum CorrectionsError {
    #[error(
        "{}: line {line}, column {column}: {message}. Fix that line in a text editor (format: \
         docs/CORRECTIONS.md) or move the file away; until then the atlas is shown without \
         corrections.",
        path.display()
    )]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{}: format version {found}, but this program reads up to version {FORMAT_VERSION}. Use a \
         newer karabakh-atlas; until then the atlas is shown without corrections.",
        path.display()
    )]
    Version { path: PathBuf, found: u32 },
    #[error("{}: cannot read the corrections file: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error(
        "{}: cannot save the corrections: {source}. The change is kept in this window; check that \
         the folder is writable and has space, then make another change to save again.",
        path.display()
    )]
    Save { path: PathBuf, source: io::Error },
}

impl Corrections {
    /// Read a corrections file. A missing file is an empty set of corrections.
    pub fn load(path: &Path) -> Result<Corrections, CorrectionsError> {
        match fs::read_to_string(path) {
            Ok(text) => Corrections::parse(&text, path),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Corrections::default()),
            Err(source) => Err(CorrectionsError::Read {
                path: path.to_path_buf(),
                source,
            }),
        }
    }

    /// Parse the text of a corrections file; `path` only names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Corrections, CorrectionsError> {
        // Some editors (Notepad) start a UTF-8 file with a byte-order mark; JSON has none.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Ok(Corrections::default());
        }
        let parsed: Corrections = serde_json::from_str(text).map_err(|e| {
            let location = format!(" at line {} column {}", e.line(), e.column());
            let full = e.to_string();
            CorrectionsError::Syntax {
                path: path.to_path_buf(),
                line: e.line(),
                column: e.column(),
                message: full.strip_suffix(&location).unwrap_or(&full).to_string(),
            }
        })?;
        if parsed.version > FORMAT_VERSION || parsed.version == 0 {
            return Err(CorrectionsError::Version {
                path: path.to_path_buf(),
                found: parsed.version,
            });
        }
        Ok(parsed)
    }

    /// The date the reader set for an article, if any.
    pub fn publication_date(&self, article: &Article) -> Option<NaiveDate> {
        self.publication_dates
            .iter()
            .find(|p| p.article == article.hash)
            .map(|p| p.day)
    }

    /// Give the articles the publication dates the reader set, before extraction, so their events
    /// are dated from them. An article is found by content hash, else (the file was edited) by
    /// file name. Returns the dates that found no article.
    pub fn pin_publication_dates(&self, articles: &mut [Article]) -> Vec<&PublicationDate> {
        let mut unmatched = Vec::new();
        for pinned in &self.publication_dates {
            let by_hash = articles.iter().position(|a| a.hash == pinned.article);
            let index = by_hash.or_else(|| {
                articles
                    .iter()
                    .position(|a| !pinned.article_file.is_empty() && a.id == pinned.article_file)
            });
            match index {
                Some(index) => {
                    articles[index].published = Some(Published {
                        day: pinned.day,
                        evidence: "set by the reader".to_string(),
                        source: DateSource::Pinned,
                        conflicts: Vec::new(),
                        time_scans: Default::default(),
                    });
                }
                None => unmatched.push(pinned),
            }
        }
        unmatched
    }

    /// Corrections that move an event to a place the gazetteer does not know (it was updated
    /// since): position in [`Corrections::corrections`] and the place id. The event would be
    /// exported without coordinates.
    pub fn unknown_places<'p>(
        &self,
        lookup: impl Fn(&str) -> Option<&'p crate::model::Place>,
    ) -> Vec<(usize, &PlaceId)> {
        self.corrections
            .iter()
            .enumerate()
            .filter_map(|(position, c)| match &c.edit {
                Edit::Move { to, .. } if lookup(to).is_none() => Some((position, to)),
                _ => None,
            })
            .collect()
    }

    /// Pretty JSON, one field a line, ending in a newline: easy to read and to diff.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_else(|_| String::from("{}"));
        text.push('\n');
        text
    }
}

/// Steps of an atomic save, at which a test can inject a failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStage {
    /// The new content is in the temporary file, not yet flushed to disk.
    TempWritten,
    /// The temporary file is on disk; the real file is still the previous one.
    TempSynced,
    /// The temporary file has replaced the real file.
    Renamed,
}

/// Called after each [`SaveStage`]; an error there stops the save on the spot, as a crash would
/// (nothing is cleaned up).
pub type FaultHook = Box<dyn FnMut(SaveStage) -> io::Result<()> + Send>;

/// The temporary file a save writes first: in the same folder, so the rename is atomic.
pub fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| FILE_NAME.into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.tmp"))
}

/// Replace `path` with `bytes` so that at every moment the file is either the old or the new one:
/// write a temporary file in the same folder, flush it to disk, rename it over `path`, flush the
/// folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, bytes, &mut |_| Ok(()))
}

/// [`write_atomic`] with a hook after each step. A hook error is returned at once, leaving the
/// temporary file behind exactly as a crash would; a real I/O error removes the temporary file.
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    hook: &mut dyn FnMut(SaveStage) -> io::Result<()>,
) -> io::Result<()> {
    let temp = temp_path(path);
    let written = (|| {
        let mut file = File::create(&temp)?;
        file.write_all(bytes)?;
        Ok::<File, io::Error>(file)
    })();
    let file = match written {
        Ok(file) => file,
        Err(e) => {
            let _ = fs::remove_file(&temp);
            return Err(e);
        }
    };
    hook(SaveStage::TempWritten)?;
    if let Err(e) = file.sync_all() {
        let _ = fs::remove_file(&temp);
        return Err(e);
    }
    drop(file);
    hook(SaveStage::TempSynced)?;
    if let Err(e) = fs::rename(&temp, path) {
        let _ = fs::remove_file(&temp);
        return Err(e);
    }
    hook(SaveStage::Renamed)?;
    sync_dir(path)
}

#[cfg(unix)]
fn sync_dir(path: &Path) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_path: &Path) -> io::Result<()> {
    // Folders cannot be opened for syncing here; the rename itself is durable on NTFS.
    Ok(())
}

/// Where the corrections of an articles folder live: `corrections.json` in that folder when it
/// exists there or the folder can be written, else a file per folder in the user's data
/// directory (`$XDG_DATA_HOME/karabakh-atlas/corrections/`, `~/.local/share/…`, `%APPDATA%\…`).
pub fn default_path(articles_dir: &Path) -> PathBuf {
    let beside = articles_dir.join(FILE_NAME);
    let writable =
        fs::metadata(articles_dir).is_ok_and(|m| m.is_dir() && !m.permissions().readonly());
    if beside.is_file() || writable {
        return beside;
    }
    match user_data_dir() {
        Some(data_home) => path_in_data_dir(articles_dir, &data_home),
        None => beside,
    }
}

/// The corrections file of `articles_dir` under a user data directory: one per folder, named
/// after the folder and the start of the SHA-256 of its full path, so two folders of the same
/// name do not share corrections.
pub fn path_in_data_dir(articles_dir: &Path, data_home: &Path) -> PathBuf {
    let canonical = fs::canonicalize(articles_dir).unwrap_or_else(|_| articles_dir.to_path_buf());
    let folder = canonical
        .file_name()
        .map_or_else(|| "articles".into(), |n| n.to_string_lossy().into_owned());
    let digest = sha256_hex(canonical.to_string_lossy().as_bytes());
    data_home
        .join("karabakh-atlas")
        .join("corrections")
        .join(format!("{folder}-{}.json", short_hash(&digest)))
}

fn user_data_dir() -> Option<PathBuf> {
    let from_env = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if cfg!(windows) {
        return from_env("APPDATA");
    }
    from_env("XDG_DATA_HOME")
        .or_else(|| from_env("HOME").map(|home| home.join(".local").join("share")))
}

/// One step of undo and redo.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// A correction of an event was made.
    Event(Correction),
    /// The publication date of an article was set (`after`) or cleared (`after: None`).
    PublicationDate {
        article: String,
        article_file: String,
        before: Option<PublicationDate>,
        after: Option<PublicationDate>,
    },
}

impl Change {
    /// In words, for an undo or redo button.
    pub fn describe(&self) -> String {
        match self {
            Change::Event(correction) => correction.describe(),
            Change::PublicationDate {
                article_file,
                after: Some(after),
                ..
            } => format!(
                "set the publication date of {article_file} to {}",
                after.day
            ),
            Change::PublicationDate { article_file, .. } => {
                format!("clear the publication date set for {article_file}")
            }
        }
    }
}

/// The corrections of one articles folder with undo and redo, saved after every change.
///
/// The window keeps one of these, calls [`CorrectionLog::apply_edit`],
/// [`CorrectionLog::set_publication_date`], [`CorrectionLog::undo`] and [`CorrectionLog::redo`],
/// and re-applies [`CorrectionLog::apply`] to the extracted events.
pub struct CorrectionLog {
    /// `None`: kept in memory only (nothing is saved).
    path: Option<PathBuf>,
    corrections: Corrections,
    /// This session's changes, oldest first. Undo goes on past them into the corrections of
    /// earlier sessions, newest first.
    done: Vec<Change>,
    undone: Vec<Change>,
    /// The file on disk could not be read: before the first save it is set aside, not overwritten.
    unreadable_on_disk: bool,
    set_aside: Option<PathBuf>,
    hook: FaultHook,
}

impl std::fmt::Debug for CorrectionLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CorrectionLog")
            .field("path", &self.path)
            .field("corrections", &self.corrections.corrections.len())
            .field("done", &self.done.len())
            .field("undone", &self.undone.len())
            .finish()
    }
}

impl CorrectionLog {
    /// Open the corrections at `path` (a missing file is an empty log). When the file cannot be
    /// read, the log starts empty and the error says why; the file is kept and, on the first
    /// save, renamed to `….broken.json` (see [`CorrectionLog::set_aside_file`]).
    pub fn open(path: PathBuf) -> (CorrectionLog, Option<CorrectionsError>) {
        let (corrections, error) = match Corrections::load(&path) {
            Ok(c) => (c, None),
            Err(e) => (Corrections::default(), Some(e)),
        };
        let mut log = CorrectionLog::in_memory(corrections);
        log.unreadable_on_disk = error.is_some();
        log.path = Some(path);
        (log, error)
    }

    /// A log that is never saved (for tests, or a read-only session).
    pub fn in_memory(corrections: Corrections) -> CorrectionLog {
        CorrectionLog {
            path: None,
            corrections,
            done: Vec::new(),
            undone: Vec::new(),
            unreadable_on_disk: false,
            set_aside: None,
            hook: Box::new(|_| Ok(())),
        }
    }

    /// Replace the step hook of every save (tests simulate a crash with it).
    pub fn with_fault_hook(mut self, hook: FaultHook) -> CorrectionLog {
        self.hook = hook;
        self
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn corrections(&self) -> &Corrections {
        &self.corrections
    }

    /// Where an unreadable corrections file was moved before this log saved over its name.
    pub fn set_aside_file(&self) -> Option<&Path> {
        self.set_aside.as_deref()
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty() || !self.corrections.corrections.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// What [`CorrectionLog::undo`] would take back.
    pub fn next_undo(&self) -> Option<Change> {
        self.done.last().cloned().or_else(|| {
            self.corrections
                .corrections
                .last()
                .cloned()
                .map(Change::Event)
        })
    }

    /// What [`CorrectionLog::redo`] would make again.
    pub fn next_redo(&self) -> Option<&Change> {
        self.undone.last()
    }

    /// Record a new correction and save. The change stays in the log even when saving fails (the
    /// error says so); the next successful save writes it.
    pub fn apply_edit(&mut self, correction: Correction) -> Result<(), CorrectionsError> {
        self.make(Change::Event(correction))
    }

    /// Set (or with `None`, clear) the publication date of an article, and save. Read the articles
    /// again and pin them with [`Corrections::pin_publication_dates`] to re-date their events.
    pub fn set_publication_date(
        &mut self,
        article: &Article,
        day: Option<NaiveDate>,
    ) -> Result<(), CorrectionsError> {
        let before = self
            .corrections
            .publication_dates
            .iter()
            .find(|p| p.article == article.hash)
            .cloned();
        let after = day.map(|day| PublicationDate {
            article: article.hash.clone(),
            article_file: article.id.clone(),
            day,
            made: Some(now()),
        });
        self.make(Change::PublicationDate {
            article: article.hash.clone(),
            article_file: article.id.clone(),
            before,
            after,
        })
    }

    fn make(&mut self, change: Change) -> Result<(), CorrectionsError> {
        self.perform(&change, false);
        self.done.push(change);
        self.undone.clear();
        self.save()
    }

    /// Do a change, or take it back.
    fn perform(&mut self, change: &Change, backwards: bool) {
        match change {
            Change::Event(correction) => {
                if backwards {
                    // Event changes only ever append, so the one to take back is the last.
                    self.corrections.corrections.pop();
                } else {
                    self.corrections.corrections.push(correction.clone());
                }
            }
            Change::PublicationDate {
                article,
                before,
                after,
                ..
            } => {
                let dates = &mut self.corrections.publication_dates;
                dates.retain(|p| &p.article != article);
                if let Some(date) = if backwards { before } else { after } {
                    dates.push(date.clone());
                }
            }
        }
    }

    /// Take back the last change and save; `Ok(None)` when there is nothing to undo.
    pub fn undo(&mut self) -> Result<Option<Change>, CorrectionsError> {
        let Some(change) = self.done.pop().or_else(|| {
            self.corrections
                .corrections
                .last()
                .cloned()
                .map(Change::Event)
        }) else {
            return Ok(None);
        };
        self.perform(&change, true);
        self.undone.push(change.clone());
        self.save().map(|()| Some(change))
    }

    /// Make the last undone change again and save; `Ok(None)` when there is nothing to redo.
    pub fn redo(&mut self) -> Result<Option<Change>, CorrectionsError> {
        let Some(change) = self.undone.pop() else {
            return Ok(None);
        };
        self.perform(&change, false);
        self.done.push(change.clone());
        self.save().map(|()| Some(change))
    }

    /// The events with this log's corrections applied.
    pub fn apply(&self, events: Vec<Event>, articles: &[Article]) -> Applied {
        apply(events, articles, &self.corrections)
    }

    /// Like [`CorrectionLog::apply`] on shared events: without corrections the result is the
    /// same allocation (no copy of every event); otherwise a corrected copy.
    pub fn apply_shared(&self, events: &Arc<Vec<Event>>, articles: &[Article]) -> SharedApplied {
        if self.corrections.corrections.is_empty() {
            return SharedApplied {
                events: Arc::clone(events),
                hidden: Vec::new(),
                orphans: Vec::new(),
            };
        }
        let Applied {
            events,
            hidden,
            orphans,
        } = self.apply(events.as_ref().clone(), articles);
        SharedApplied {
            events: Arc::new(events),
            hidden,
            orphans,
        }
    }

    /// Write the file now (every change already does).
    pub fn save(&mut self) -> Result<(), CorrectionsError> {
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        let failed = |source: io::Error| CorrectionsError::Save {
            path: path.clone(),
            source,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(failed)?;
        }
        if self.unreadable_on_disk {
            if path.exists() {
                let aside = free_broken_name(&path);
                fs::rename(&path, &aside).map_err(failed)?;
                self.set_aside = Some(aside);
            }
            self.unreadable_on_disk = false;
        }
        write_atomic_with(&path, self.corrections.to_json().as_bytes(), &mut self.hook)
            .map_err(failed)
    }
}

/// `corrections.broken.json`, or `corrections.broken-2.json`… when that exists.
fn free_broken_name(path: &Path) -> PathBuf {
    let stem = path.file_stem().map_or_else(
        || "corrections".into(),
        |s| s.to_string_lossy().into_owned(),
    );
    let mut candidate = path.with_file_name(format!("{stem}.broken.json"));
    let mut n = 2;
    while candidate.exists() {
        candidate = path.with_file_name(format!("{stem}.broken-{n}.json"));
        n += 1;
    }
    candidate
}
