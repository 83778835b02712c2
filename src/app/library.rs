//! What can change while the window is open — articles added, a publication date set, an event
//! corrected — kept apart from the drawing. The extraction's own output is kept untouched; every
//! change replays the reader's corrections on it and rebuilds the shown [`Atlas`] once.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::atlas::{Atlas, PublicationPin};
use crate::corpus::{self, ArticleError, ArticleFailure};
use crate::corrections::{
    self, Change, Correction, CorrectionLog, Corrections, Edit, EventKey, Orphan,
};
use crate::extract::{self, Lexicon};
use crate::gazetteer::Gazetteer;
use crate::model::{Article, ArticleId, DateSource, Event, Published};

/// How far a background read has got, shared with the window's progress bar.
#[derive(Default)]
pub struct Progress {
    pub done: AtomicUsize,
    pub total: AtomicUsize,
    /// The waiting window, woken when the read ends (see [`Progress::wake_when_done`]).
    waiting: OnceLock<egui::Context>,
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Progress")
            .field("done", &self.done)
            .field("total", &self.total)
            .finish_non_exhaustive()
    }
}

impl Progress {
    /// While a read runs the window repaints only a few times a second (see
    /// [`Progress::REPAINT_EVERY`]): a window that repaints without pause takes a core from the
    /// read. It is woken at once when the read ends.
    pub fn wake_when_done(&self, ctx: &egui::Context) {
        let _ = self.waiting.set(ctx.clone());
        ctx.request_repaint_after(Self::REPAINT_EVERY);
    }

    /// How often the waiting window shows the progress.
    pub const REPAINT_EVERY: std::time::Duration = std::time::Duration::from_millis(150);

    /// Called by the reading thread once its result is sent.
    pub fn finished(&self) {
        if let Some(ctx) = self.waiting.get() {
            ctx.request_repaint();
        }
    }

    /// Share of the files read and extracted, 0 to 1.
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed);
        if total == 0 {
            return 0.0;
        }
        self.done.load(Ordering::Relaxed) as f32 / total as f32
    }
}

/// Articles read and extracted off the window's thread, ready to join the library.
#[derive(Debug, Default)]
pub struct Batch {
    pub articles: Vec<Article>,
    /// Per article (same order): the events extracted from it.
    pub events: Vec<Vec<Event>>,
    pub failures: Vec<ArticleFailure>,
    /// Files whose content is an article already loaded: (file, the loaded article's name).
    pub duplicates: Vec<(PathBuf, ArticleId)>,
}

impl Batch {
    /// "3 articles added, 1 file could not be read, 2 already loaded".
    pub fn summary(&self) -> String {
        let mut parts = vec![count(self.articles.len(), "article", "added")];
        if !self.failures.is_empty() {
            parts.push(count(self.failures.len(), "file", "could not be read"));
        }
        if !self.duplicates.is_empty() {
            parts.push(format!(
                "{} already loaded (same content)",
                self.duplicates.len()
            ));
        }
        parts.join(", ")
    }
}

fn count(n: usize, noun: &str, what: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{n} {noun}{s} {what}")
}

/// One article read, with its events.
type Extracted = (Article, Vec<Event>);

/// What a reading thread needs: shared, read-only, cheap to clone.
#[derive(Clone)]
pub struct Extractor {
    pub gazetteer: Arc<Gazetteer>,
    pub lexicon: Arc<Lexicon>,
    /// The publication dates the reader set (from the corrections file).
    pub stored_dates: Arc<Corrections>,
    /// Publication dates given on the command line, for this run only.
    pub pins: Arc<Vec<PublicationPin>>,
}

impl Extractor {
    /// Read `paths` (files, or folders whose `.txt` files are read) and extract every new article
    /// on all cores. Content already in `known` (hash → article) is not read twice.
    pub fn read(
        &self,
        paths: &[PathBuf],
        known: &HashMap<String, ArticleId>,
        progress: &Progress,
    ) -> Batch {
        let (files, mut failures) = article_files(paths);
        progress.total.store(files.len(), Ordering::Relaxed);
        let read: Vec<Result<Extracted, ArticleFailure>> = files
            .par_iter()
            .map(|path| {
                let result = corpus::read_article(path)
                    .map(|mut article| {
                        self.date(&mut article);
                        let mentions = self.gazetteer.mentions(&article.text);
                        let events = extract::extract_article(
                            &article,
                            &mentions,
                            &self.gazetteer,
                            &self.lexicon,
                        );
                        article.forget_time_scans();
                        (article, events)
                    })
                    .map_err(|ArticleError::Unreadable { path, reason }| ArticleFailure {
                        path,
                        reason,
                    });
                progress.done.fetch_add(1, Ordering::Relaxed);
                result
            })
            .collect();
        let mut batch = Batch::default();
        let mut seen: HashMap<String, ArticleId> = HashMap::new();
        for result in read {
            match result {
                Ok((article, events)) => {
                    if let Some(first) =
                        known.get(&article.hash).or_else(|| seen.get(&article.hash))
                    {
                        batch.duplicates.push((article.path.clone(), first.clone()));
                        continue;
                    }
                    seen.insert(article.hash.clone(), article.id.clone());
                    batch.articles.push(article);
                    batch.events.push(events);
                }
                Err(failure) => failures.push(failure),
            }
        }
        batch.failures = failures;
        batch
    }

    /// The publication date the reader set (stored, then the command line's), else the text's.
    fn date(&self, article: &mut Article) {
        self.stored_dates
            .pin_publication_dates(std::slice::from_mut(article));
        if let Some(pin) = self.pins.iter().find(|p| p.matches(article)) {
            article.published = Some(pin.published());
        }
    }
}

/// The `.txt` files of `paths`: files as given, folders' `.txt` files (sub-folders' too) sorted
/// by path. What is not an article file is listed with the reason.
pub fn article_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<ArticleFailure>) {
    let mut files = Vec::new();
    let mut failures = Vec::new();
    let fail = |path: &Path, reason: String| ArticleFailure {
        path: path.to_path_buf(),
        reason,
    };
    for path in paths {
        if path.is_dir() {
            match corpus::txt_files_in(path) {
                Ok((found, unreadable)) => {
                    if found.is_empty() && unreadable.is_empty() {
                        failures.push(fail(
                            path,
                            "holds no .txt file; articles are plain-text files ending in .txt"
                                .into(),
                        ));
                    }
                    files.extend(found);
                    failures.extend(unreadable);
                }
                Err(e) => failures.push(fail(path, format!("the folder cannot be read ({e})"))),
            }
        } else if !path.exists() {
            failures.push(fail(path, "does not exist; check the path".into()));
        } else if !corpus::is_txt(path) {
            failures.push(fail(
                path,
                "is not a .txt file; save the article as plain text ending in .txt".into(),
            ));
        } else {
            files.push(path.clone());
        }
    }
    (files, failures)
}

/// The result of a change, for the status line.
pub type Outcome = Result<String, String>;

/// The articles behind the window, the extraction's events and the reader's corrections.
pub struct Library {
    /// For reading more articles and re-extracting one; `None` when the window was given a
    /// ready-made Atlas (nothing can be re-extracted then).
    extractor: Option<Extractor>,
    /// Per article extracted here, its events before merging, in reading order.
    extracted: Vec<(ArticleId, Vec<Event>)>,
    /// Events that came already merged with a ready-made Atlas.
    base: Arc<Vec<Event>>,
    /// The extraction's events, merged, before corrections: what corrections replay on. The
    /// same allocation as `base` and as the shown Atlas's events while nothing changes them.
    raw: Arc<Vec<Event>>,
    /// Content hash → article, so the same text is never read twice.
    hashes: HashMap<String, ArticleId>,
    pub log: CorrectionLog,
    /// Events hidden by the reader as not events, to list and show again.
    pub hidden: Vec<Event>,
    /// Corrections that found no event, with the reason.
    pub orphans: Vec<Orphan>,
    /// Per article, how many shown events it reports.
    pub event_counts: HashMap<ArticleId, usize>,
    /// Why the corrections file could not be read, if it could not.
    pub corrections_problem: Option<String>,
}

impl Library {
    /// Read the articles of `articles_dir` with the data of `data_dir`, and replay the
    /// corrections stored for that folder. Returns the shown Atlas and the library behind it.
    pub fn load(
        articles_dir: &Path,
        data_dir: &Path,
        pins: Vec<PublicationPin>,
        progress: &Progress,
    ) -> anyhow::Result<(Atlas, Library)> {
        let gazetteer = Arc::new(Gazetteer::load(data_dir)?);
        let lexicon = Arc::new(Lexicon::load(data_dir)?);
        let (log, problem) = CorrectionLog::open(corrections::default_path(articles_dir));
        let extractor = Extractor {
            gazetteer: Arc::clone(&gazetteer),
            lexicon,
            stored_dates: Arc::new(log.corrections().clone()),
            pins: Arc::new(pins),
        };
        let batch = extractor.read(&[articles_dir.to_path_buf()], &HashMap::new(), progress);
        let mut atlas = Atlas::from_parts(Vec::new(), Vec::new(), Vec::new(), gazetteer);
        let mut library = Library {
            extractor: Some(extractor),
            extracted: Vec::new(),
            base: Arc::default(),
            raw: Arc::default(),
            hashes: HashMap::new(),
            log,
            hidden: Vec::new(),
            orphans: Vec::new(),
            event_counts: HashMap::new(),
            corrections_problem: problem.map(|e| e.to_string()),
        };
        library.add(&mut atlas, batch);
        Ok((atlas, library))
    }

    /// A library over a ready-made Atlas (its events are taken as extracted), with corrections
    /// kept in `log`. Articles cannot be added or re-extracted.
    pub fn over(atlas: &mut Atlas, log: CorrectionLog) -> Library {
        let mut library = Library {
            extractor: None,
            extracted: Vec::new(),
            base: Arc::clone(&atlas.events),
            raw: Arc::clone(&atlas.events),
            hashes: atlas
                .articles
                .iter()
                .filter(|a| !a.hash.is_empty())
                .map(|a| (a.hash.clone(), a.id.clone()))
                .collect(),
            log,
            hidden: Vec::new(),
            orphans: Vec::new(),
            event_counts: HashMap::new(),
            corrections_problem: None,
        };
        library.rebuild(atlas);
        library
    }

    /// What a reading thread needs, when articles can be added.
    pub fn extractor(&self) -> Option<Extractor> {
        self.extractor.clone().map(|mut e| {
            e.stored_dates = Arc::new(self.log.corrections().clone());
            e
        })
    }

    /// Content hash → article name of every loaded article.
    pub fn known(&self) -> HashMap<String, ArticleId> {
        self.hashes.clone()
    }

    /// Add a batch of articles read off the window's thread; the shown Atlas is rebuilt.
    pub fn add(&mut self, atlas: &mut Atlas, batch: Batch) {
        let Batch {
            articles,
            events,
            failures,
            ..
        } = batch;
        let mut names: HashSet<ArticleId> = atlas.articles.iter().map(|a| a.id.clone()).collect();
        for (mut article, mut article_events) in articles.into_iter().zip(events) {
            if self.hashes.contains_key(&article.hash) {
                continue;
            }
            // Two folders may both hold `001.txt`: sources name articles, so names stay unique.
            if names.contains(&article.id) {
                let stem = article.id.trim_end_matches(".txt").to_string();
                let mut n = 2;
                while names.contains(&format!("{stem} ({n}).txt")) {
                    n += 1;
                }
                article.id = format!("{stem} ({n}).txt");
                for source in article_events.iter_mut().flat_map(|e| e.sources.iter_mut()) {
                    source.article = article.id.clone();
                }
            }
            self.insert(atlas, article, article_events, &mut names);
        }
        for failure in failures {
            atlas.failures.retain(|f| f.path != failure.path);
            atlas.failures.push(failure);
        }
        self.remerge();
        self.rebuild(atlas);
    }

    fn insert(
        &mut self,
        atlas: &mut Atlas,
        article: Article,
        events: Vec<Event>,
        names: &mut HashSet<ArticleId>,
    ) {
        // A file that failed before and now reads is no longer a failure.
        atlas.failures.retain(|f| f.path != article.path);
        names.insert(article.id.clone());
        self.hashes.insert(article.hash.clone(), article.id.clone());
        self.extracted.push((article.id.clone(), events));
        atlas.forget_mentions_of(&article.id);
        atlas.articles.push(article);
    }

    fn remerge(&mut self) {
        self.raw = if self.extracted.is_empty() {
            Arc::clone(&self.base)
        } else {
            // Streamed into the merge: no copy of every report is held beside the merged events.
            let all = self
                .base
                .iter()
                .cloned()
                .chain(self.extracted.iter().flat_map(|(_, e)| e.iter().cloned()));
            Arc::new(extract::merge::merge(all))
        };
    }

    /// Replay the corrections on the extraction's events and rebuild the shown Atlas (once per
    /// change, never per frame).
    pub fn rebuild(&mut self, atlas: &mut Atlas) {
        let articles = std::mem::take(&mut atlas.articles);
        let failures = std::mem::take(&mut atlas.failures);
        let known_places = std::mem::take(&mut atlas.places);
        let applied = self.log.apply_shared(&self.raw, &articles);
        let mut rebuilt = Atlas::from_parts(
            articles,
            failures,
            applied.events,
            Arc::clone(&atlas.gazetteer),
        );
        // Places a ready-made Atlas was given by hand are not in its gazetteer: keep them.
        for (id, place) in known_places {
            rebuilt.places.entry(id).or_insert(place);
        }
        self.hidden = applied.hidden;
        self.orphans = applied.orphans;
        self.event_counts.clear();
        for event in rebuilt.events.iter() {
            let mut counted: Vec<&str> = Vec::new();
            for source in &event.sources {
                if !counted.contains(&source.article.as_str()) {
                    counted.push(&source.article);
                    *self.event_counts.entry(source.article.clone()).or_default() += 1;
                }
            }
        }
        *atlas = rebuilt;
    }

    /// Correct the event `event` (index into the shown events) and save.
    pub fn edit(&mut self, atlas: &mut Atlas, event: &Event, edit: Edit) -> Outcome {
        let Some(key) = EventKey::of(event, &atlas.articles) else {
            return Err("This event has no source sentence to key a correction on".into());
        };
        let correction = Correction::new(key, edit);
        let described = correction.describe();
        let saved = self.log.apply_edit(correction);
        self.rebuild(atlas);
        self.saved(saved.map(|()| format!("Corrected: {described}")))
    }

    /// Set (or clear) the publication date of an article, save it, and extract the article again.
    pub fn set_publication_date(
        &mut self,
        atlas: &mut Atlas,
        article: &str,
        day: Option<NaiveDate>,
    ) -> Outcome {
        let Some(found) = atlas.article(article) else {
            return Err(format!("{article} is not loaded"));
        };
        let saved = self.log.set_publication_date(found, day);
        let rerun = self.redate(atlas, article);
        let what = match day {
            Some(day) => format!("{article} published {day}"),
            None => format!("{article}: the date set by the reader is cleared"),
        };
        match (self.saved(saved.map(|()| what)), rerun) {
            (Ok(message), Ok(())) => Ok(format!("{message}; its events are re-extracted")),
            (Ok(message), Err(problem)) => Err(format!("{message}, but {problem}")),
            (Err(problem), _) => Err(problem),
        }
    }

    /// Give `article` the publication date in force (the reader's, else the text's) and extract
    /// it again.
    fn redate(&mut self, atlas: &mut Atlas, article: &str) -> Result<(), String> {
        let Some(index) = atlas.articles.iter().position(|a| a.id == article) else {
            return Err(format!("{article} is not loaded"));
        };
        let pinned = self
            .log
            .corrections()
            .publication_date(&atlas.articles[index]);
        let entry = &mut atlas.articles[index];
        entry.published = match pinned {
            Some(day) => Some(Published {
                day,
                evidence: "set by the reader".into(),
                source: DateSource::Pinned,
                conflicts: Vec::new(),
                time_scans: Default::default(),
            }),
            None => corpus::publication_date(&entry.text),
        };
        let extractor = self.extractor.clone();
        let slot = self.extracted.iter().position(|(id, _)| id == article);
        let result = match (extractor, slot) {
            (Some(extractor), Some(slot)) => {
                let entry = &atlas.articles[index];
                let found = extractor.gazetteer.mentions(&entry.text);
                self.extracted[slot].1 = extract::extract_article(
                    entry,
                    &found,
                    &extractor.gazetteer,
                    &extractor.lexicon,
                );
                self.remerge();
                Ok(())
            }
            _ => Err(
                "its events cannot be extracted again in this window (no extraction data); \
                      the date applies at the next start"
                    .to_string(),
            ),
        };
        self.rebuild(atlas);
        result
    }

    pub fn undo(&mut self, atlas: &mut Atlas) -> Outcome {
        let result = self.log.undo();
        self.after_step(atlas, result, "Undone")
    }

    pub fn redo(&mut self, atlas: &mut Atlas) -> Outcome {
        let result = self.log.redo();
        self.after_step(atlas, result, "Redone")
    }

    fn after_step(
        &mut self,
        atlas: &mut Atlas,
        result: Result<Option<Change>, corrections::CorrectionsError>,
        verb: &str,
    ) -> Outcome {
        let change = match result {
            Ok(Some(change)) => change,
            Ok(None) => return Ok(format!("Nothing to {}", verb.to_lowercase())),
            Err(e) => {
                self.rebuild(atlas);
                return Err(format!("{verb}, but not saved: {e}"));
            }
        };
        match &change {
            Change::PublicationDate { article_file, .. } => {
                let id = self
                    .hashes
                    .get(match &change {
                        Change::PublicationDate { article, .. } => article.as_str(),
                        Change::Event(_) => "",
                    })
                    .cloned()
                    .unwrap_or_else(|| article_file.clone());
                if let Err(problem) = self.redate(atlas, &id) {
                    return Err(format!("{verb}: {}, but {problem}", change.describe()));
                }
            }
            Change::Event(_) => self.rebuild(atlas),
        }
        Ok(format!("{verb}: {}", change.describe()))
    }

    fn saved(&self, result: Result<String, corrections::CorrectionsError>) -> Outcome {
        result.map_err(|e| format!("Kept in this window but NOT saved: {e}"))
    }

    /// Where corrections are saved (`None`: kept in memory only).
    pub fn corrections_file(&self) -> Option<&Path> {
        self.log.path()
    }
}
