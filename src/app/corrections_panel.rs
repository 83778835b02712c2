//! Correcting the selected event: move it to another gazetteer candidate (the mention's ranked
//! candidates with score and reason, or a search), change its kind or day, hide it as not an event,
//! merge it with another event or split a source off, add a note. Each button emits one
//! [`Action`]; the change is saved at once and can be undone.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::atlas::Atlas;
use crate::corrections::{Edit, SourceKey};
use crate::model::{Event, EventKind, PlaceId};

use super::map::truncate;
use super::scene::Scene;
use super::style;
use super::workbench::Action;

/// Gazetteer search results listed at most.
const SEARCH_LIMIT: usize = 8;
/// Sources whose names the Place tools offer (see `place_tools`).
const PLACE_SOURCES_READ: usize = 40;

/// Reports listed unfolded under "Not the same happening"; more are folded.
const SPLIT_OPEN_UP_TO: usize = 5;
/// Reports listed at most, each with its "split off" button.
const SPLIT_LISTED: usize = 100;

#[derive(Default)]
pub struct CorrectionsPanel {
    /// The event the fields below were filled for; another selection resets them.
    event_id: Option<String>,
    search: String,
    day: String,
    note: String,
    merge_with: Option<usize>,
    problem: Option<String>,
}

impl CorrectionsPanel {
    /// The tools for event `index` of the shown Atlas, under its details.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        atlas: &Atlas,
        scene: &Scene,
        index: usize,
        actions: &mut Vec<Action>,
    ) {
        let Some(event) = atlas.events.get(index) else {
            return;
        };
        if self.event_id.as_deref() != Some(event.id.as_str()) {
            *self = CorrectionsPanel {
                event_id: Some(event.id.clone()),
                day: event.day.map(|d| d.to_string()).unwrap_or_default(),
                note: event
                    .correction
                    .as_ref()
                    .and_then(|c| c.note.clone())
                    .unwrap_or_default(),
                ..CorrectionsPanel::default()
            };
        }
        ui.add_space(6.0);
        // Closed until a reader opens it (egui then keeps it open for the next events): the
        // sentences that report the event come first on a small screen.
        egui::CollapsingHeader::new(RichText::new("Correct this event").strong())
            .id_salt("correct_event")
            .default_open(false)
            .show(ui, |ui| {
                let mut edit = |edit: Edit| actions.push(Action::Edit { event: index, edit });
                self.place_tools(ui, atlas, event, &mut edit);
                ui.separator();
                self.kind_and_day(ui, event, &mut edit);
                ui.separator();
                self.merge_and_split(ui, atlas, scene, index, event, &mut edit);
                ui.separator();
                self.note_and_hide(ui, &mut edit);
                if let Some(problem) = &self.problem {
                    ui.label(RichText::new(problem).color(ui.visuals().error_fg_color));
                }
            });
    }

    fn place_tools(
        &mut self,
        ui: &mut Ui,
        atlas: &Atlas,
        event: &Event,
        edit: &mut impl FnMut(Edit),
    ) {
        ui.label(RichText::new("Place").strong());
        let current: Option<&PlaceId> = event.places.first();
        let mut offered: Vec<PlaceId> = Vec::new();
        // An event told by hundreds of articles offers the names of its first sources: the
        // others repeat them, and each article's names are found again when first asked.
        for source in event.sources.iter().take(PLACE_SOURCES_READ) {
            let Some(article) = atlas.article(&source.article) else {
                continue;
            };
            let mentions = atlas.mentions_of(article);
            let in_sentence: Vec<&crate::model::Mention> = mentions
                .iter()
                .filter(|m| source.start <= m.start && m.end <= source.end)
                .filter(|m| !m.candidates.is_empty())
                .collect();
            // The names that placed the event; every name of the sentence when none is marked.
            let placing: Vec<&crate::model::Mention> = in_sentence
                .iter()
                .copied()
                .filter(|m| {
                    source
                        .place_words
                        .iter()
                        .any(|w| w.start < m.end && m.start < w.end)
                })
                .collect();
            let chosen = if placing.is_empty() {
                in_sentence
            } else {
                placing
            };
            for mention in chosen {
                let fresh: Vec<&crate::model::Candidate> = mention
                    .candidates
                    .iter()
                    .filter(|c| !offered.contains(&c.place))
                    .collect();
                if fresh.is_empty() {
                    continue;
                }
                ui.label(RichText::new(format!("“{}” could be:", mention.text)).small());
                for candidate in fresh {
                    offered.push(candidate.place.clone());
                    let name = place_title(atlas, &candidate.place);
                    let here = event.places.contains(&candidate.place);
                    ui.horizontal_wrapped(|ui| {
                        let mark = if here { " — here now" } else { "" };
                        let button =
                            ui.add_enabled(!here, egui::Button::new(format!("{name}{mark}")));
                        if button
                            .on_hover_text(format!("Move the event to {name}"))
                            .on_disabled_hover_text("The event is here")
                            .clicked()
                        {
                            let from = mention
                                .place
                                .clone()
                                .filter(|p| event.places.contains(p))
                                .or_else(|| current.cloned());
                            edit(Edit::Move {
                                from,
                                to: candidate.place.clone(),
                            });
                        }
                        ui.label(format!("score {:.2}", candidate.score));
                        ui.label(
                            RichText::new(truncate(&candidate.reason, 90))
                                .weak()
                                .small(),
                        )
                        .on_hover_text(&candidate.reason);
                    });
                }
            }
        }
        ui.horizontal(|ui| {
            ui.label("Search the gazetteer:");
            ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text("place name")
                    .desired_width(150.0),
            );
        });
        if self.search.trim().is_empty() {
            return;
        }
        let found = atlas.gazetteer.search(&self.search, SEARCH_LIMIT);
        if found.is_empty() {
            ui.label(RichText::new("No place of that name in the gazetteer").weak());
        }
        for place in found {
            ui.horizontal_wrapped(|ui| {
                let here = event.places.contains(&place.id);
                let name = place_title(atlas, &place.id);
                if ui
                    .add_enabled(!here, egui::Button::new(&name))
                    .on_hover_text(format!("Move the event to {name}"))
                    .clicked()
                {
                    edit(Edit::Move {
                        from: current.cloned(),
                        to: place.id.clone(),
                    });
                }
                ui.label(
                    RichText::new(format!("{:.3}° N {:.3}° E", place.lat, place.lon))
                        .weak()
                        .small(),
                );
            });
        }
    }

    fn kind_and_day(&mut self, ui: &mut Ui, event: &Event, edit: &mut impl FnMut(Edit)) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Kind").strong());
            for kind in EventKind::ALL {
                if kind == event.kind {
                    continue;
                }
                let text = RichText::new(style::kind_label(kind)).color(style::kind_color(kind));
                if ui
                    .small_button(text)
                    .on_hover_text(format!(
                        "This is {}, not {}",
                        kind.as_str(),
                        event.kind.as_str()
                    ))
                    .clicked()
                {
                    edit(Edit::SetKind { to: kind });
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Day").strong());
            ui.add(
                egui::TextEdit::singleline(&mut self.day)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(100.0),
            );
            if ui.button("Set day").clicked() {
                match NaiveDate::parse_from_str(self.day.trim(), "%Y-%m-%d") {
                    Ok(day) => {
                        self.problem = None;
                        edit(Edit::SetDay { day: Some(day) });
                    }
                    Err(_) => {
                        self.problem = Some(format!(
                            "“{}” is not a date: write it as 2020-10-09",
                            self.day.trim()
                        ))
                    }
                }
            }
            if event.day.is_some()
                && ui
                    .small_button("undated")
                    .on_hover_text("The text does not say when: take it off the timeline")
                    .clicked()
            {
                edit(Edit::SetDay { day: None });
            }
        });
    }

    fn merge_and_split(
        &mut self,
        ui: &mut Ui,
        atlas: &Atlas,
        scene: &Scene,
        index: usize,
        event: &Event,
        edit: &mut impl FnMut(Edit),
    ) {
        // Never collect the shown events: with 100 000 of them that would cost every frame;
        // the membership check runs only once an event is chosen.
        let is_other = |i: &usize| *i != index && scene.visible.contains(i);
        if scene.visible.len() > 1 {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Merge").strong());
                let chosen = self
                    .merge_with
                    .and_then(|i| atlas.events.get(i))
                    .map_or("choose an event shown".into(), |e| event_label(atlas, e));
                egui::ComboBox::from_label("is the same happening")
                    .selected_text(truncate(&chosen, 50))
                    .width(240.0)
                    .show_ui(ui, |ui| {
                        for &i in scene.visible.iter().filter(|&&i| i != index).take(200) {
                            let label = truncate(&event_label(atlas, &atlas.events[i]), 70);
                            ui.selectable_value(&mut self.merge_with, Some(i), label);
                        }
                    });
                let other = self
                    .merge_with
                    .filter(is_other)
                    .and_then(|i| atlas.events.get(i));
                if ui
                    .add_enabled(other.is_some(), egui::Button::new("Merge"))
                    .on_hover_text(
                        "Its sources join this event, which keeps its kind, day and place",
                    )
                    .clicked()
                    && let Some(key) =
                        other.and_then(|o| crate::corrections::EventKey::of(o, &atlas.articles))
                {
                    self.merge_with = None;
                    edit(Edit::Merge { other: key });
                }
            });
        }
        if event.sources.len() > 1 {
            // An event told by many articles keeps its list of reports folded: each is a row to
            // lay out in every frame.
            let reports = event.sources.len();
            egui::CollapsingHeader::new(RichText::new("Not the same happening:").strong())
                .id_salt(("split", event.id.as_str()))
                .default_open(reports <= SPLIT_OPEN_UP_TO)
                .show(ui, |ui| {
                    for (n, source) in event.sources.iter().enumerate().take(SPLIT_LISTED) {
                        ui.horizontal_wrapped(|ui| {
                            ui.push_id(("split", n), |ui| {
                                if ui
                                    .small_button("split off")
                                    .on_hover_text("Make this report an event of its own")
                                    .clicked()
                                {
                                    edit(Edit::Split {
                                        source: SourceKey::of(source, &atlas.articles),
                                    });
                                }
                            });
                            ui.label(
                                RichText::new(format!(
                                    "{}: “{}”",
                                    source.article,
                                    truncate(&source.quote, 70)
                                ))
                                .small(),
                            );
                        });
                    }
                    if reports > SPLIT_LISTED {
                        ui.label(
                            RichText::new(format!(
                                "… and {} more reports; split off the first ones to reach them",
                                reports - SPLIT_LISTED
                            ))
                            .small(),
                        );
                    }
                });
        }
    }

    fn note_and_hide(&mut self, ui: &mut Ui, edit: &mut impl FnMut(Edit)) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Note").strong());
            ui.add(
                egui::TextEdit::singleline(&mut self.note)
                    .hint_text("why, for the next reader")
                    .desired_width(200.0),
            );
            if ui.button("Save note").clicked() {
                edit(Edit::Note {
                    text: self.note.trim().to_string(),
                });
            }
        });
        if ui
            .button("Hide: not an event")
            .on_hover_text("Take it off the map and out of exports; the Articles window lists it to show again")
            .clicked()
        {
            edit(Edit::Hide);
        }
    }
}

/// "corrected: was shelling in Shusha on 8 Oct" with every change and the note, for the details.
pub fn correction_summary(ui: &mut Ui, atlas: &Atlas, event: &Event) {
    let Some(correction) = &event.correction else {
        return;
    };
    let places: Vec<String> = correction
        .original_places
        .iter()
        .map(|id| place_name(atlas, id))
        .collect();
    let day = correction
        .original_day
        .map_or("no day".into(), |d| d.format("%-d %b %Y").to_string());
    let was = format!(
        "corrected: was {} at {} on {day}",
        correction.original_kind.as_str(),
        if places.is_empty() {
            "no place".into()
        } else {
            places.join(", ")
        }
    );
    egui::Frame::group(ui.style()).show(ui, |ui| {
        let color = corrected_color(ui.visuals().dark_mode);
        ui.label(RichText::new(was).strong().color(color));
        for change in &correction.changes {
            ui.label(RichText::new(format!("• {}", readable(atlas, change))).small());
        }
        if let Some(note) = &correction.note {
            ui.label(RichText::new(format!("Note: {note}")).italics());
        }
    });
}

/// Place ids named ("geonames:616631" → "Armavir (town, AM)") and arrows the default font lacks
/// spelled out: a change as a reader can read it.
pub fn readable(atlas: &Atlas, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (n, word) in text.replace('\u{2192}', "->").split(' ').enumerate() {
        if n > 0 {
            out.push(' ');
        }
        let core = word.trim_end_matches([',', ';', ')', '.']);
        let is_id = core.starts_with("geonames:") || core.starts_with("atlas:");
        match atlas.place(core).filter(|_| is_id) {
            Some(_) => {
                out.push_str(&place_title(atlas, core));
                out.push_str(&word[core.len()..]);
            }
            None => out.push_str(word),
        }
    }
    out
}

/// The mark of a corrected event, on the map and in the details (sky blue: no kind uses it).
pub fn corrected_color(dark: bool) -> egui::Color32 {
    if dark {
        egui::Color32::from_rgb(0x56, 0xB4, 0xE9)
    } else {
        egui::Color32::from_rgb(0x1F, 0x6F, 0xB0)
    }
}

/// "Armavir (town, AM)": enough to tell two places of one name apart.
fn place_title(atlas: &Atlas, id: &str) -> String {
    match atlas.place(id) {
        Some(place) => {
            let kind = format!("{:?}", place.kind).to_lowercase();
            if place.country.is_empty() {
                format!("{} ({kind})", place.name)
            } else {
                format!("{} ({kind}, {})", place.name, place.country)
            }
        }
        None => id.to_string(),
    }
}

fn place_name(atlas: &Atlas, id: &str) -> String {
    atlas
        .place(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

fn event_label(atlas: &Atlas, event: &Event) -> String {
    let places: Vec<String> = event.places.iter().map(|p| place_name(atlas, p)).collect();
    format!(
        "{} · {} · {}",
        event.kind.as_str(),
        if places.is_empty() {
            "no place".into()
        } else {
            places.join(", ")
        },
        event
            .day
            .map_or("no day".into(), |d| d.format("%-d %b").to_string())
    )
}
