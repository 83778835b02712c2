//! The Articles window: every article read with its publication date (how it was found, the
//! words that gave it, clues that disagree), its event count, and a field to set the date; the
//! files that could not be read with the reason; a field to open another folder; the hidden events
//! and the corrections that no longer apply.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use egui::{RichText, ScrollArea, Ui};

use crate::atlas::Atlas;
use crate::model::{Article, ArticleId, DateSource};

use super::library::Library;
use super::workbench::Action;

#[derive(Default)]
pub struct ArticlesView {
    pub open: bool,
    /// The folder or file path typed in "Open folder".
    pub folder: String,
    /// The date typed per article, until it is set.
    drafts: HashMap<ArticleId, String>,
    /// Why a typed date was refused, per article.
    refused: HashMap<ArticleId, String>,
    /// Only articles whose name or publication date contains this.
    filter: String,
    /// Only articles whose date was inferred, is in doubt or is missing.
    only_dates_to_check: bool,
    /// The page of the list shown, from 0.
    page: usize,
}

/// Rows laid out per frame: a year of news is tens of thousands of articles, and a frame that
/// laid out every row would take longer than the eye waits.
pub const ARTICLES_PER_PAGE: usize = 50;

/// Files that could not be read, listed by name; the rest are counted.
const FAILURES_SHOWN: usize = 100;

/// Whether an article's publication date deserves the reader's look: none was found, it was
/// inferred from clues, or clues disagree.
fn date_needs_a_look(article: &Article) -> bool {
    article
        .published
        .as_ref()
        .is_none_or(|p| p.source == DateSource::Inferred || !p.conflicts.is_empty())
}

impl ArticlesView {
    pub fn window(
        &mut self,
        ctx: &egui::Context,
        place: super::WindowPlace,
        atlas: &Atlas,
        library: &Library,
        busy: Option<f32>,
        actions: &mut Vec<Action>,
    ) {
        if !self.open {
            return;
        }
        let mut open = true;
        egui::Window::new("Articles")
            .id(egui::Id::unique("articles_window"))
            .open(&mut open)
            .default_size([620.0, 720.0])
            .default_pos(place.start)
            .constrain_to(place.area)
            .show(ctx, |ui| {
                self.add_row(ui, busy, actions);
                ui.separator();
                ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        self.article_list(ui, atlas, library, actions);
                        failures(ui, atlas);
                        corrections_overview(ui, library, actions);
                    });
            });
        if !open {
            self.open = false;
        }
    }

    fn add_row(&mut self, ui: &mut Ui, busy: Option<f32>, actions: &mut Vec<Action>) {
        ui.label("Add articles: drop .txt files or a folder onto the window, or type a path:");
        ui.horizontal(|ui| {
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.folder)
                    .hint_text("folder or .txt file")
                    .desired_width(360.0),
            );
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let button = ui
                .button("Open folder")
                .on_hover_text("Read the .txt files of this folder (or this one file)");
            let path = self.folder.trim();
            if (button.clicked() || entered) && !path.is_empty() {
                actions.push(Action::Add(vec![PathBuf::from(path)]));
            }
        });
        if let Some(fraction) = busy {
            ui.add(
                egui::ProgressBar::new(fraction)
                    .show_percentage()
                    .text(format!("reading and extracting… {:.0} %", fraction * 100.0)),
            );
        }
    }

    fn article_list(
        &mut self,
        ui: &mut Ui,
        atlas: &Atlas,
        library: &Library,
        actions: &mut Vec<Action>,
    ) {
        let undated = atlas
            .articles
            .iter()
            .filter(|a| a.published.is_none())
            .count();
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!(
                    "{} article{} read",
                    atlas.articles.len(),
                    plural(atlas.articles.len())
                ))
                .strong(),
            );
            if undated > 0 {
                ui.label(
                    RichText::new(format!("· {undated} without a publication date"))
                        .color(ui.visuals().warn_fg_color),
                );
            }
            let typed = ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text("filter by name or date")
                    .desired_width(170.0),
            );
            let checked = ui
                .checkbox(&mut self.only_dates_to_check, "only dates to check")
                .on_hover_text("Articles whose date was inferred, is in doubt or was not found");
            if typed.changed() || checked.changed() {
                self.page = 0;
            }
        });
        let wanted = self.filter.trim().to_lowercase();
        let shown: Vec<&Article> = atlas
            .articles
            .iter()
            .filter(|a| !self.only_dates_to_check || date_needs_a_look(a))
            .filter(|a| {
                wanted.is_empty()
                    || a.id.to_lowercase().contains(&wanted)
                    || a.published
                        .as_ref()
                        .is_some_and(|p| p.day.to_string().contains(&wanted))
            })
            .collect();
        let pages = shown.len().div_ceil(ARTICLES_PER_PAGE).max(1);
        self.page = self.page.min(pages - 1);
        let first = self.page * ARTICLES_PER_PAGE;
        let last = (first + ARTICLES_PER_PAGE).min(shown.len());
        if pages > 1 {
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(self.page > 0, egui::Button::new("◀ Previous"))
                    .clicked()
                {
                    self.page -= 1;
                }
                ui.label(format!("articles {}–{last} of {}", first + 1, shown.len()));
                if ui
                    .add_enabled(self.page + 1 < pages, egui::Button::new("Next ▶"))
                    .clicked()
                {
                    self.page += 1;
                }
            });
        } else if shown.len() < atlas.articles.len() {
            ui.label(format!(
                "{} of {} articles",
                shown.len(),
                atlas.articles.len()
            ));
        }
        for article in shown.get(first..last).unwrap_or_default() {
            ui.push_id(("article", &article.id), |ui| {
                self.article_row(ui, article, library, actions);
            });
        }
    }

    fn article_row(
        &mut self,
        ui: &mut Ui,
        article: &Article,
        library: &Library,
        actions: &mut Vec<Action>,
    ) {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let events = library.event_counts.get(&article.id).copied().unwrap_or(0);
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&article.id).strong().monospace());
                ui.label(format!("· {events} event{}", plural(events)));
            });
            let doubtful = match &article.published {
                Some(published) => {
                    let how = match published.source {
                        DateSource::Stated => "stated",
                        DateSource::Inferred => "inferred",
                        DateSource::Pinned => "set by the reader",
                    };
                    ui.label(format!(
                        "Published {} — {how}: “{}”",
                        published.day.format("%-d %B %Y"),
                        published.evidence
                    ));
                    for conflict in &published.conflicts {
                        ui.label(
                            RichText::new(format!("doubt: {conflict}"))
                                .color(ui.visuals().warn_fg_color),
                        );
                    }
                    date_needs_a_look(article)
                }
                None => {
                    ui.label(
                        RichText::new(
                            "No publication date found: events it dates only by “yesterday” or a weekday are missing. Set the date below.",
                        )
                        .color(ui.visuals().warn_fg_color),
                    );
                    true
                }
            };
            if let Some(note) = &article.note {
                ui.label(RichText::new(note).italics());
            }
            let pinned = article
                .published
                .as_ref()
                .is_some_and(|p| p.source == DateSource::Pinned);
            ui.horizontal(|ui| {
                let draft = self.drafts.entry(article.id.clone()).or_insert_with(|| {
                    article
                        .published
                        .as_ref()
                        .map(|p| p.day.to_string())
                        .unwrap_or_default()
                });
                let label = ui.label(if doubtful {
                    RichText::new("Publication date:").color(ui.visuals().warn_fg_color)
                } else {
                    RichText::new("Publication date:")
                });
                let field = ui
                    .add(
                        egui::TextEdit::singleline(draft)
                            .hint_text("YYYY-MM-DD")
                            .desired_width(100.0),
                    )
                    .labelled_by(label.id);
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let set = ui
                    .button("Set date")
                    .on_hover_text("Keep this date in corrections.json and extract the article again");
                if set.clicked() || entered {
                    match NaiveDate::parse_from_str(draft.trim(), "%Y-%m-%d") {
                        Ok(day) => {
                            self.refused.remove(&article.id);
                            actions.push(Action::SetPublished {
                                article: article.id.clone(),
                                day: Some(day),
                            });
                        }
                        Err(_) => {
                            self.refused.insert(
                                article.id.clone(),
                                format!("“{}” is not a date: write it as 2020-10-09", draft.trim()),
                            );
                        }
                    }
                }
                if pinned
                    && ui
                        .button("Clear")
                        .on_hover_text("Forget the date set by the reader; use the article's own")
                        .clicked()
                {
                    self.drafts.remove(&article.id);
                    actions.push(Action::SetPublished {
                        article: article.id.clone(),
                        day: None,
                    });
                }
            });
            if let Some(refused) = self.refused.get(&article.id) {
                ui.label(RichText::new(refused).color(ui.visuals().error_fg_color));
            }
        });
    }
}

fn failures(ui: &mut Ui, atlas: &Atlas) {
    if atlas.failures.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.label(
        RichText::new(format!(
            "{} file{} could not be read (nothing else was lost)",
            atlas.failures.len(),
            plural(atlas.failures.len())
        ))
        .strong()
        .color(ui.visuals().error_fg_color),
    );
    for failure in atlas.failures.iter().take(FAILURES_SHOWN) {
        let name = failure
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| failure.path.display().to_string());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(name).monospace())
                .on_hover_text(failure.path.display().to_string());
            ui.label(&failure.reason);
        });
    }
    if atlas.failures.len() > FAILURES_SHOWN {
        ui.label(format!(
            "… and {} more (all are printed by `karabakh-atlas extract`)",
            atlas.failures.len() - FAILURES_SHOWN
        ));
    }
}

fn corrections_overview(ui: &mut Ui, library: &Library, actions: &mut Vec<Action>) {
    ui.add_space(8.0);
    ui.label(RichText::new("Corrections").strong());
    match library.corrections_file() {
        Some(path) => {
            let corrections = library.log.corrections();
            let (edits, dates) = (
                corrections.corrections.len(),
                corrections.publication_dates.len(),
            );
            // The file is written at the first correction, not before.
            let kept = if edits + dates == 0 {
                format!("the first one will be saved in {}", path.display())
            } else {
                format!("saved in {}", path.display())
            };
            ui.label(format!(
                "{edits} correction{} and {dates} publication date{}, {kept}",
                plural(edits),
                plural(dates),
            ))
        }
        None => ui.label("Corrections are kept in this window only (no file)."),
    };
    if let Some(problem) = &library.corrections_problem {
        ui.label(
            RichText::new(format!("The corrections file was not applied: {problem}"))
                .color(ui.visuals().error_fg_color),
        );
    }
    if !library.hidden.is_empty() {
        egui::CollapsingHeader::new(format!("Hidden as not events ({})", library.hidden.len()))
            .default_open(true)
            .show(ui, |ui| {
                for (index, event) in library.hidden.iter().enumerate() {
                    ui.horizontal_wrapped(|ui| {
                        if ui
                            .small_button("show again")
                            .on_hover_text("Put this event back on the map")
                            .clicked()
                        {
                            actions.push(Action::Unhide(index));
                        }
                        let quote = event.sources.first().map_or("", |s| s.quote.as_str());
                        ui.label(format!(
                            "{} · {} · “{}”",
                            event.kind.as_str(),
                            event.day.map_or("no day".into(), |d| d.to_string()),
                            super::map::truncate(quote, 90)
                        ));
                    });
                }
            });
    }
    if !library.orphans.is_empty() {
        egui::CollapsingHeader::new(format!(
            "Corrections that no longer apply ({})",
            library.orphans.len()
        ))
        .default_open(false)
        .show(ui, |ui| {
            ui.label(
                RichText::new("Kept in the file: they apply again if their article comes back.")
                    .weak(),
            );
            for orphan in &library.orphans {
                ui.label(format!("• {}", orphan.reason));
            }
        });
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
