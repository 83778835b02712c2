//! The reader's tools around the map: adding articles (drop, open a folder) read in the
//! background with a progress bar, the Articles list, corrections with undo and redo, and exports
//! of the current view. Widgets only emit [`Action`]s; [`Workbench::finish_frame`] carries them out
//! after the frame, rebuilding the shown Atlas once per change.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

use chrono::NaiveDate;
use egui::{Key, Ui};

use crate::atlas::Atlas;
use crate::corrections::Edit;
use crate::export::{self, Format};
use crate::model::{ArticleId, Event};

use super::Loaded;
use super::articles::ArticlesView;
use super::corrections_panel::CorrectionsPanel;
use super::library::{Batch, Library, Progress};
use super::scene::Scene;
use super::state::{Command, Mode, ViewState};

/// Something the reader asked for; carried out after the frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Read these files and folders and add their articles.
    Add(Vec<PathBuf>),
    SetPublished {
        article: ArticleId,
        day: Option<NaiveDate>,
    },
    /// Correct the event with this index in the shown Atlas.
    Edit {
        event: usize,
        edit: Edit,
    },
    /// Show again the hidden event with this index in [`Library::hidden`].
    Unhide(usize),
    Undo,
    Redo,
    /// Write the events on screen (days and filters) to the exports folder.
    Export(Format),
}

/// Articles being read in the background.
struct Job {
    receiver: Receiver<Batch>,
    progress: Arc<Progress>,
}

pub struct Workbench {
    pub articles: ArticlesView,
    pub corrections: CorrectionsPanel,
    /// Where exports are written (`exports/` in the working folder unless changed).
    pub exports_dir: PathBuf,
    pending: Vec<Action>,
    job: Option<Job>,
    /// Paths dropped while a job was running, read when it ends.
    queued: Vec<PathBuf>,
}

impl Default for Workbench {
    fn default() -> Self {
        Workbench {
            articles: ArticlesView::default(),
            corrections: CorrectionsPanel::default(),
            exports_dir: PathBuf::from("exports"),
            pending: Vec::new(),
            job: None,
            queued: Vec::new(),
        }
    }
}

impl Workbench {
    pub fn push(&mut self, action: Action) {
        self.pending.push(action);
    }

    /// True while articles are being read.
    pub fn busy(&self) -> bool {
        self.job.is_some() || !self.queued.is_empty()
    }

    /// Share of the current reading done, when one runs.
    pub fn progress(&self) -> Option<f32> {
        self.job.as_ref().map(|job| job.progress.fraction())
    }

    /// Files dropped on the window, and the undo and redo keys (unless a text field is typed in:
    /// it has its own undo).
    pub fn input(&mut self, ui: &Ui) {
        let dropped: Vec<PathBuf> = ui.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.pending.push(Action::Add(dropped));
        }
        if ui.ctx().egui_wants_keyboard_input() {
            return;
        }
        ui.input(|i| {
            let z = i.key_pressed(Key::Z) && i.modifiers.command;
            if (z && i.modifiers.shift) || (i.key_pressed(Key::Y) && i.modifiers.command) {
                self.pending.push(Action::Redo);
            } else if z {
                self.pending.push(Action::Undo);
            }
        });
    }

    /// The Articles window.
    pub fn windows(
        &mut self,
        ctx: &egui::Context,
        place: super::WindowPlace,
        atlas: &Atlas,
        library: &Library,
    ) {
        let progress = self.progress();
        self.articles
            .window(ctx, place, atlas, library, progress, &mut self.pending);
    }

    /// The correction tools for the selected event (index into the shown Atlas).
    pub fn selected_tools(&mut self, ui: &mut Ui, atlas: &Atlas, scene: &Scene, event: usize) {
        self.corrections
            .ui(ui, atlas, scene, event, &mut self.pending);
    }

    /// While files are dragged over the window, say what dropping them does.
    pub fn drop_hint(&self, ctx: &egui::Context) {
        let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
        if !hovering {
            return;
        }
        let painter = ctx.layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("drop_hint"),
        ));
        let screen = ctx.content_rect();
        painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(160));
        painter.text(
            screen.center(),
            egui::Align2::CENTER_CENTER,
            "Drop .txt articles or a folder to add them",
            egui::FontId::proportional(28.0),
            egui::Color32::WHITE,
        );
    }

    /// Buttons for the top bar: the Articles list, undo, redo, exports, and reading progress.
    pub fn top_bar(&mut self, ui: &mut Ui, atlas: &Atlas, library: &Library) {
        let label = format!(
            "Articles ({}{})",
            atlas.articles.len(),
            if atlas.failures.is_empty() {
                String::new()
            } else {
                format!(", {} bad", atlas.failures.len())
            }
        );
        if ui
            .selectable_label(self.articles.open, label)
            .on_hover_text("The articles read, their publication dates, and files that failed; add more here or drop .txt files on the window")
            .clicked()
        {
            self.articles.open = !self.articles.open;
        }
        let undo = library.log.next_undo();
        let button = ui.add_enabled(undo.is_some(), egui::Button::new("Undo"));
        if button
            .on_hover_text(undo.map_or("Nothing to undo".into(), |c| {
                let what = super::corrections_panel::readable(atlas, &c.describe());
                format!("Undo {what} (Ctrl+Z)")
            }))
            .clicked()
        {
            self.pending.push(Action::Undo);
        }
        let redo = library.log.next_redo();
        let button = ui.add_enabled(redo.is_some(), egui::Button::new("Redo"));
        if button
            .on_hover_text(redo.map_or("Nothing to redo".into(), |c| {
                let what = super::corrections_panel::readable(atlas, &c.describe());
                format!("Redo {what} (Ctrl+Shift+Z)")
            }))
            .clicked()
        {
            self.pending.push(Action::Redo);
        }
        ui.menu_button("Export view", |ui| {
            ui.label("The events on screen (days and filters), corrections applied:");
            for format in [Format::GeoJson, Format::Csv] {
                let text = format!("{} to {}/", format.name(), self.exports_dir.display());
                if ui.button(text).clicked() {
                    self.pending.push(Action::Export(format));
                    ui.close();
                }
            }
        });
        if let Some(fraction) = self.progress() {
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(160.0)
                    .show_percentage()
                    .text(format!("reading articles {:.0} %", fraction * 100.0)),
            );
            if let Some(job) = &self.job {
                job.progress.wake_when_done(ui.ctx());
            }
        }
    }

    /// Carry out the frame's actions and collect finished background reads. The shown Atlas is
    /// rebuilt once per change; the selection follows its event and the view its day.
    pub fn finish_frame(&mut self, loaded: &mut Loaded, state: &mut ViewState, scene: &mut Scene) {
        let mut changed = false;
        let mut focus: Option<(ArticleId, usize)> = selected_source(&loaded.atlas, state);
        if let Some(batch) = self.poll_job(state) {
            loaded.library.add(&mut loaded.atlas, batch);
            changed = true;
        }
        for action in std::mem::take(&mut self.pending) {
            let (atlas, library) = (&mut loaded.atlas, &mut loaded.library);
            let outcome = match action {
                Action::Add(paths) => {
                    self.start_reading(paths, library, state);
                    continue;
                }
                Action::Export(format) => {
                    state.status = Some(self.export(format, atlas, scene, state));
                    continue;
                }
                Action::SetPublished { article, day } => {
                    library.set_publication_date(atlas, &article, day)
                }
                Action::Edit { event, edit } => match atlas.events.get(event).cloned() {
                    Some(target) => {
                        // The event selected (or just corrected) stays in focus.
                        if let Some(source) = target.sources.first() {
                            focus = Some((source.article.clone(), source.start));
                        }
                        library.edit(atlas, &target, edit)
                    }
                    None => Err("That event is no longer shown".into()),
                },
                Action::Unhide(index) => match library.hidden.get(index).cloned() {
                    Some(target) => {
                        focus = target.sources.first().map(|s| (s.article.clone(), s.start));
                        library.edit(atlas, &target, Edit::Unhide)
                    }
                    None => Err("That event is no longer hidden".into()),
                },
                Action::Undo => library.undo(atlas),
                Action::Redo => library.redo(atlas),
            };
            changed = true;
            let message = match outcome {
                Ok(message) => message,
                Err(problem) => problem,
            };
            state.status = Some(super::corrections_panel::readable(atlas, &message));
        }
        if changed {
            *scene = Scene::default();
            let span = loaded.atlas.day_span();
            let span = span.unwrap_or((state.span.0, state.span.1));
            state.span = span;
            state.day = state.day.clamp(span.0, span.1);
            let selected =
                focus.and_then(|(article, start)| find_source(&loaded.atlas, &article, start));
            let events = &loaded.atlas.events;
            state.apply(Command::Select(selected), |i| {
                events.get(i).and_then(|e| e.day)
            });
        }
    }

    fn start_reading(&mut self, paths: Vec<PathBuf>, library: &Library, state: &mut ViewState) {
        if self.job.is_some() {
            self.queued.extend(paths);
            return;
        }
        let Some(extractor) = library.extractor() else {
            state.status = Some(
                "Articles cannot be added to this window: it was opened without the extraction data"
                    .into(),
            );
            return;
        };
        let known = library.known();
        let progress = Arc::new(Progress::default());
        let shared = Arc::clone(&progress);
        let (sender, receiver) = std::sync::mpsc::channel();
        state.status = Some(format!("Reading {}…", describe_paths(&paths)));
        std::thread::spawn(move || {
            let batch = extractor.read(&paths, &known, &shared);
            // The window may have closed meanwhile; then nobody needs the result.
            let _ = sender.send(batch);
            shared.finished();
        });
        self.job = Some(Job { receiver, progress });
    }

    fn poll_job(&mut self, state: &mut ViewState) -> Option<Batch> {
        let job = self.job.as_ref()?;
        let batch = match job.receiver.try_recv() {
            Ok(batch) => {
                state.status = Some(batch.summary());
                Some(batch)
            }
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => {
                state.status = Some("Reading the articles stopped without a result".into());
                None
            }
        };
        self.job = None;
        if !self.queued.is_empty() {
            self.pending
                .push(Action::Add(std::mem::take(&mut self.queued)));
        }
        batch
    }

    fn export(&self, format: Format, atlas: &Atlas, scene: &Scene, state: &ViewState) -> String {
        let events: Vec<&Event> = scene.visible.iter().map(|&i| &atlas.events[i]).collect();
        let text = match format {
            Format::GeoJson => export::geojson(&events, |id| atlas.place(id)),
            Format::Csv => export::csv(&events, |id| atlas.place(id)),
            Format::Json => export::json(&atlas.articles, &atlas.failures, &events),
        };
        let path = self.exports_dir.join(export_name(state, format));
        let written = std::fs::create_dir_all(&self.exports_dir)
            .and_then(|()| crate::corrections::write_atomic(&path, text.as_bytes()));
        match written {
            Ok(()) => format!(
                "Exported {} event{} to {}",
                events.len(),
                if events.len() == 1 { "" } else { "s" },
                std::path::absolute(&path).unwrap_or(path).display()
            ),
            Err(e) => format!("Export failed: cannot write {}: {e}", path.display()),
        }
    }
}

/// `atlas-2020-10-08.geojson`, `atlas-up-to-2020-10-08-filtered.csv`.
pub fn export_name(state: &ViewState, format: Format) -> String {
    let days = match state.mode {
        Mode::ThisDay => state.day.to_string(),
        Mode::UpToDay => format!("up-to-{}", state.day),
    };
    let filtered = if state.filter == crate::atlas::EventFilter::default() {
        ""
    } else {
        "-filtered"
    };
    format!("atlas-{days}{filtered}.{}", format.extension())
}

fn describe_paths(paths: &[PathBuf]) -> String {
    match paths {
        [one] => one.display().to_string(),
        many => format!("{} files and folders", many.len()),
    }
}

fn selected_source(atlas: &Atlas, state: &ViewState) -> Option<(ArticleId, usize)> {
    let event = atlas.events.get(state.selected?)?;
    let source = event.sources.first()?;
    Some((source.article.clone(), source.start))
}

/// The event that reports the sentence starting at `start` of `article`.
fn find_source(atlas: &Atlas, article: &str, start: usize) -> Option<usize> {
    atlas.events.iter().position(|e| {
        e.sources
            .iter()
            .any(|s| s.article == article && s.start == start)
    })
}
