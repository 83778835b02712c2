//! The right panel: the day's events by kind, the filters, the selected event with the words that
//! decided it highlighted in its article, and the article view with every mention clickable.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, RichText, ScrollArea, Sense, Ui};

use crate::atlas::{Atlas, kind_index};
use crate::model::{Certainty, Event, EventKind, Source, Status};

use super::map::{plural, truncate};
use super::scene::Scene;
use super::state::{Command, Mode, ViewState};
use super::style;

/// Events listed per kind at first; "show more" lists more of that kind, and a place search
/// narrows. Each listed event is a line of text egui lays out (and shapes) anew whenever the day
/// changes, so listing hundreds would cost more than the map.
const LIST_FIRST: usize = 12;
const LIST_MORE: usize = 40;

/// Sources shown for the selected event at first, and how many more each "show more" adds: an
/// event a year of news reported is told by hundreds of articles, each a paragraph to lay out.
const SOURCES_FIRST: usize = 10;
const SOURCES_MORE: usize = 25;

/// The longest text the article view lays out whole; a longer one is shown around the selected
/// sentence.
const ARTICLE_SHOWN_BYTES: usize = 60_000;

/// How much of the article around the event's sentence the panel shows, in bytes each side.
const CONTEXT_BYTES: usize = 240;

#[derive(Default)]
pub struct DetailsView {
    /// The selection the panel last scrolled to: a new selection brings its details into view.
    shown_selection: Option<usize>,
    /// Per kind, events listed beyond `LIST_FIRST` because the reader asked for more.
    more: [usize; 5],
    /// Sources of the selected event shown, from `SOURCES_FIRST` up as the reader asks.
    sources_shown: usize,
    /// The height of one row of the list, as last laid out: rows scrolled out of sight take
    /// their room without their text being laid out (a new day brings new lines, and laying out
    /// text is most of what the list costs).
    row_height: Option<f32>,
}

impl DetailsView {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        atlas: &Atlas,
        scene: &Scene,
        state: &mut ViewState,
        // Drawn between the selected event's facts and its sources (the correction tools).
        below_selected: &mut dyn FnMut(&mut Ui, usize),
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.filters(ui, scene, state);
                ui.separator();
                self.day_list(ui, atlas, scene, state, &mut commands);
                ui.separator();
                match state.selected.and_then(|i| atlas.events.get(i)) {
                    Some(event) => {
                        let scroll = self.shown_selection != state.selected;
                        if scroll {
                            self.sources_shown = SOURCES_FIRST;
                        }
                        let index = state.selected.unwrap_or_default();
                        let mut tools = |ui: &mut Ui| below_selected(ui, index);
                        selected_event(
                            ui,
                            atlas,
                            event,
                            scroll,
                            &mut self.sources_shown,
                            &mut commands,
                            &mut tools,
                        );
                        self.shown_selection = state.selected;
                    }
                    None => {
                        ui.label(
                            RichText::new("Click a marker or an event to see its sources.").weak(),
                        );
                    }
                }
            });
        commands
    }

    fn filters(&self, ui: &mut Ui, scene: &Scene, state: &mut ViewState) {
        egui::CollapsingHeader::new("Filters")
            .default_open(false)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    for kind in EventKind::ALL {
                        let index = kind_index(kind);
                        let text =
                            RichText::new(style::kind_label(kind)).color(style::kind_color(kind));
                        ui.checkbox(&mut state.filter.kinds[index], text)
                            .on_hover_text(format!("Show {} events", kind.as_str()));
                    }
                });
                ui.horizontal(|ui| {
                    ui.checkbox(&mut state.filter.explicit, "day stated")
                        .on_hover_text("Events whose day the article names");
                    ui.checkbox(&mut state.filter.implicit, "day implied")
                        .on_hover_text("Events dated only by the paper's publication date");
                });
                let claimants = &scene.claimants;
                let current = state
                    .filter
                    .claimant
                    .clone()
                    .unwrap_or_else(|| "everyone".into());
                egui::ComboBox::from_label("claimed by")
                    .selected_text(current)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut state.filter.claimant, None, "everyone");
                        for claimant in claimants {
                            ui.selectable_value(
                                &mut state.filter.claimant,
                                Some(claimant.clone()),
                                claimant.as_str(),
                            );
                        }
                    });
            });
        ui.horizontal(|ui| {
            ui.label("Place:");
            ui.add(
                egui::TextEdit::singleline(&mut state.filter.place_query)
                    .hint_text("search places")
                    .desired_width(160.0),
            );
            if !state.filter.place_query.is_empty()
                && ui
                    .small_button("clear")
                    .on_hover_text("Clear the place search")
                    .clicked()
            {
                state.filter.place_query.clear();
            }
        });
    }

    fn day_list(
        &mut self,
        ui: &mut Ui,
        atlas: &Atlas,
        scene: &Scene,
        state: &ViewState,
        commands: &mut Vec<Command>,
    ) {
        let heading = match state.mode {
            Mode::ThisDay => format!(
                "{} event{} this day",
                scene.visible.len(),
                plural(scene.visible.len())
            ),
            Mode::UpToDay => format!(
                "{} event{} up to this day",
                scene.visible.len(),
                plural(scene.visible.len())
            ),
        };
        ui.label(RichText::new(heading).strong());
        for (k, events) in scene.by_kind.iter().enumerate() {
            if events.is_empty() {
                continue;
            }
            let kind = EventKind::ALL[k];
            let title = RichText::new(format!("{} ({})", style::kind_label(kind), events.len()))
                .color(style::kind_color(kind));
            egui::CollapsingHeader::new(title)
                .id_salt(("kind", k))
                .default_open(true)
                .show(ui, |ui| {
                    let limit = LIST_FIRST + self.more[k];
                    for i in events.iter().take(limit) {
                        if let Some(height) = self.row_height {
                            let room = egui::vec2(ui.available_width(), height);
                            let row = egui::Rect::from_min_size(ui.cursor().min, room);
                            if !ui.is_rect_visible(row) {
                                ui.allocate_space(room);
                                continue;
                            }
                        }
                        let event = &atlas.events[i];
                        let label = event_line(atlas, event, state.mode == Mode::UpToDay);
                        // The quote is cut only for the row under the pointer.
                        let response = ui.selectable_label(state.selected == Some(i), label);
                        self.row_height = Some(response.rect.height());
                        if response
                            .on_hover_ui(|ui| {
                                if let Some(source) = event.sources.first() {
                                    ui.label(truncate(&source.quote, 200));
                                }
                            })
                            .clicked()
                        {
                            commands.push(Command::Select(Some(i)));
                        }
                    }
                    if events.len() > limit {
                        let rest = events.len() - limit;
                        let next = rest.min(LIST_MORE);
                        ui.horizontal(|ui| {
                            ui.label(RichText::new(format!("… and {rest} more")).weak());
                            if ui
                                .small_button(format!("show {next} more"))
                                .on_hover_text("Or search a place to narrow the list")
                                .clicked()
                            {
                                self.more[k] += next;
                            }
                        });
                    }
                });
        }
    }
}

/// "Stepanakert · 3 sources" (with the day in "up to this day").
fn event_line(atlas: &Atlas, event: &Event, with_day: bool) -> String {
    let places: Vec<&str> = event
        .places
        .iter()
        .filter_map(|id| atlas.place(id).map(|p| p.name.as_str()))
        .collect();
    let place = if places.is_empty() {
        "no place".to_string()
    } else {
        places.join(", ")
    };
    let mut line = format!(
        "{place} · {} source{}",
        event.sources.len(),
        plural(event.sources.len())
    );
    if with_day && let Some(day) = event.day {
        line = format!("{} · {line}", day.format("%d %b"));
    }
    if event.status == Status::Planned {
        line.push_str(" · planned");
    }
    line
}

fn selected_event(
    ui: &mut Ui,
    atlas: &Atlas,
    event: &Event,
    scroll: bool,
    sources_shown: &mut usize,
    commands: &mut Vec<Command>,
    tools: &mut dyn FnMut(&mut Ui),
) {
    ui.horizontal(|ui| {
        let heading = ui.label(
            RichText::new(style::kind_label(event.kind))
                .strong()
                .size(16.0)
                .color(style::kind_color(event.kind)),
        );
        if scroll {
            heading.scroll_to_me(Some(egui::Align::TOP));
        }
        if ui
            .small_button("clear")
            .on_hover_text("Clear the selection")
            .clicked()
        {
            commands.push(Command::Select(None));
        }
    });
    let day = event
        .day
        .map(super::state::day_in_words)
        .unwrap_or_else(|| "no day".into());
    let certainty = match event.certainty {
        Certainty::Explicit => "day stated in the text",
        Certainty::Implicit => "day implied by the publication date",
    };
    super::corrections_panel::correction_summary(ui, atlas, event);
    ui.label(format!("{day} ({certainty})"));
    if event.status == Status::Planned {
        ui.label("Planned, not yet happened when reported");
    }
    for id in &event.places {
        match atlas.place(id) {
            Some(place) => ui.label(format!(
                "{} ({:.3}° N, {:.3}° E)",
                place.name, place.lat, place.lon
            )),
            None => ui.label(format!("{id} (not in the gazetteer)")),
        };
    }
    if let Some(claimant) = &event.claimed_by {
        ui.label(format!("Claimed by {claimant}"));
    }
    if !event.actors.is_empty() {
        ui.label(format!("Actors: {}", event.actors.join(", ")));
    }
    let figures = &event.figures;
    for (what, figure) in [
        ("dead", &figures.deaths),
        ("injured", &figures.injured),
        ("displaced", &figures.displaced),
    ] {
        if let Some(figure) = figure {
            let scope = if figure.running_total {
                " (running total of the war)"
            } else {
                ""
            };
            ui.label(format!(
                "{} {what}{scope} — “{}”",
                figure.value, figure.text
            ));
        }
    }
    tools(ui);
    ui.add_space(4.0);
    ui.label(
        RichText::new(format!(
            "{} source{}",
            event.sources.len(),
            plural(event.sources.len())
        ))
        .strong(),
    );
    for (n, source) in event.sources.iter().enumerate().take(*sources_shown) {
        ui.push_id(("source", n), |ui| source_view(ui, atlas, source, commands));
    }
    let hidden = event.sources.len().saturating_sub(*sources_shown);
    if hidden > 0 {
        let more = hidden.min(SOURCES_MORE);
        if ui
            .button(format!(
                "show {more} more source{} (of {hidden} not shown)",
                plural(more)
            ))
            .clicked()
        {
            *sources_shown += more;
        }
    }
}

fn source_view(ui: &mut Ui, atlas: &Atlas, source: &Source, commands: &mut Vec<Command>) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&source.article).monospace().small());
            if ui
                .small_button("open article")
                .on_hover_text("Show the whole article with its place names")
                .clicked()
            {
                commands.push(Command::OpenArticle(Some(source.article.clone())));
            }
        });
        let text = atlas.article(&source.article).map(|a| a.text.as_str());
        let job = match text {
            Some(text) => sentence_in_context(ui, text, source),
            None => plain_job(ui, &source.quote),
        };
        ui.label(job);
        if source.denied {
            ui.label(RichText::new("denied by the other side").italics());
        }
        if let Some(claimant) = &source.claimed_by {
            ui.label(format!("according to {claimant}"));
        }
        ui.label(RichText::new("Why this day").strong().small());
        ui.label(RichText::new(non_empty(&source.why_day)).small());
        ui.label(RichText::new("Why here").strong().small());
        ui.label(RichText::new(non_empty(&source.why_place)).small());
        ui.horizontal_wrapped(|ui| {
            legend_chip(ui, style::highlight_kind(), "kind words");
            legend_chip(ui, style::highlight_day(), "day words");
            legend_chip(ui, style::highlight_place(), "place words");
        });
    });
}

fn non_empty(text: &str) -> &str {
    if text.trim().is_empty() {
        "(not recorded)"
    } else {
        text
    }
}

fn legend_chip(ui: &mut Ui, color: Color32, text: &str) {
    let mut job = LayoutJob::default();
    job.append(
        text,
        0.0,
        TextFormat {
            background: color,
            font_id: egui::FontId::proportional(11.0),
            color: ui.visuals().text_color(),
            ..Default::default()
        },
    );
    ui.label(job);
}

fn plain_job(ui: &Ui, text: &str) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.append(
        text,
        0.0,
        TextFormat {
            color: ui.visuals().text_color(),
            ..Default::default()
        },
    );
    job
}

/// The sentence with some text around it, the sentence tinted and the deciding words marked.
fn sentence_in_context(ui: &Ui, text: &str, source: &Source) -> LayoutJob {
    let (start, end) = context_range(text, source.start, source.end, CONTEXT_BYTES);
    let mut marks = vec![(source.start, source.end, style::highlight_sentence())];
    marks.extend(
        source
            .kind_words
            .iter()
            .map(|s| (s.start, s.end, style::highlight_kind())),
    );
    marks.extend(
        source
            .day_words
            .iter()
            .map(|s| (s.start, s.end, style::highlight_day())),
    );
    marks.extend(
        source
            .place_words
            .iter()
            .map(|s| (s.start, s.end, style::highlight_place())),
    );
    let weak = TextFormat {
        color: ui.visuals().weak_text_color(),
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    if start > 0 {
        job.append("…", 0.0, weak.clone());
    }
    append_highlighted(&mut job, ui, text, start, end, &marks);
    if end < text.len() {
        job.append("…", 0.0, weak);
    }
    job.wrap.max_width = ui.available_width();
    job
}

/// The byte range to show around a sentence `start..end`: up to `around` bytes each side, cut on
/// whole words. Offsets from the model are checked, never trusted to fall on character boundaries
/// or inside the text.
pub fn context_range(text: &str, start: usize, end: usize, around: usize) -> (usize, usize) {
    let from = floor_boundary(text, start.saturating_sub(around));
    // A sentence given backwards (end before start) still yields an empty, valid range.
    let to = ceil_boundary(text, end.saturating_add(around).min(text.len())).max(from);
    let from = match text
        .get(from..start.clamp(from, to))
        .and_then(|t| t.find(char::is_whitespace))
    {
        Some(space) if from > 0 => from + space + 1,
        _ => from,
    };
    let sentence_end = end.clamp(from, to);
    let to = match text
        .get(sentence_end..to)
        .and_then(|t| t.rfind(char::is_whitespace))
    {
        Some(space) if to < text.len() => sentence_end + space,
        _ => to,
    };
    (from, to)
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Lay out `text[start..end]` with a background colour per marked byte range; where marks overlap
/// the later (more specific) one wins. Marks outside the range or off char boundaries are ignored.
pub fn highlighted(
    ui: &Ui,
    text: &str,
    start: usize,
    end: usize,
    marks: &[(usize, usize, Color32)],
) -> LayoutJob {
    let mut job = LayoutJob::default();
    append_highlighted(&mut job, ui, text, start, end, marks);
    job.wrap.max_width = ui.available_width();
    job
}

fn append_highlighted(
    job: &mut LayoutJob,
    ui: &Ui,
    text: &str,
    start: usize,
    end: usize,
    marks: &[(usize, usize, Color32)],
) {
    let marks: Vec<(usize, usize, Color32)> = marks
        .iter()
        .filter(|(a, b, _)| {
            a < b && *b <= text.len() && text.is_char_boundary(*a) && text.is_char_boundary(*b)
        })
        .map(|(a, b, c)| ((*a).max(start), (*b).min(end), *c))
        .filter(|(a, b, _)| a < b)
        .collect();
    let mut cuts: Vec<usize> = vec![start, end];
    for (a, b, _) in &marks {
        cuts.push(*a);
        cuts.push(*b);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let color = ui.visuals().text_color();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let background = marks
            .iter()
            .rev()
            .find(|(ma, mb, _)| *ma <= a && b <= *mb)
            .map(|m| m.2)
            .unwrap_or(Color32::TRANSPARENT);
        job.append(
            &text[a..b],
            0.0,
            TextFormat {
                background,
                color,
                ..Default::default()
            },
        );
    }
}

/// The article window: the whole text with every place mention highlighted; clicking a mention
/// selects the event told in its sentence, hovering tells which place it is and why.
///
/// `scrolled` remembers which (article, selection) the view last scrolled to, so that it brings
/// the selected sentence into view once and then leaves the scrolling to the reader.
pub fn article_window(
    ctx: &egui::Context,
    place: super::WindowPlace,
    atlas: &Atlas,
    state: &ViewState,
    scrolled: &mut Option<(String, Option<usize>)>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(article) = state.article.as_ref().and_then(|id| atlas.article(id)) else {
        return commands;
    };
    let mut open = true;
    let mentions = atlas.mentions_of(article);
    egui::Window::new(format!("Article {}", article.id))
        .id(egui::Id::unique("article_window"))
        .open(&mut open)
        .default_size([560.0, 520.0])
        .default_pos(place.start)
        .constrain_to(place.area)
        .show(ctx, |ui| {
            if let Some(published) = &article.published {
                ui.label(format!(
                    "Published {} — “{}”",
                    published.day.format("%d %B %Y"),
                    published.evidence
                ));
            }
            if let Some(note) = &article.note {
                ui.label(RichText::new(note).italics());
            }
            ScrollArea::vertical().show(ui, |ui| {
                let mut marks: Vec<(usize, usize, Color32)> = Vec::new();
                let selected_source = state
                    .selected
                    .and_then(|i| atlas.events.get(i))
                    .and_then(|e| e.sources.iter().find(|s| s.article == article.id));
                let selected_start = selected_source.map(|s| s.start);
                if let Some(source) = selected_source {
                    marks.push((source.start, source.end, style::highlight_sentence()));
                    marks.extend(
                        source
                            .kind_words
                            .iter()
                            .map(|w| (w.start, w.end, style::highlight_kind())),
                    );
                    marks.extend(
                        source
                            .day_words
                            .iter()
                            .map(|w| (w.start, w.end, style::highlight_day())),
                    );
                }
                marks.extend(
                    mentions
                        .iter()
                        .filter(|m| m.place.is_some())
                        .map(|m| (m.start, m.end, style::highlight_mention())),
                );
                // A long text (a report pasted whole, a dump) is shown around the selected
                // sentence: the frame that opens a text lays it all out, ≈ 0.1 s per megabyte.
                let (from, to) = if article.text.len() <= ARTICLE_SHOWN_BYTES {
                    (0, article.text.len())
                } else {
                    let (start, end) = selected_source.map_or((0, 0), |s| (s.start, s.end));
                    context_range(&article.text, start, end, ARTICLE_SHOWN_BYTES / 2)
                };
                if to - from < article.text.len() {
                    ui.label(
                        RichText::new(format!(
                            "A long text: bytes {from}–{to} of {} are shown, around the selected sentence; the whole text is in {}",
                            article.text.len(),
                            article.path.display()
                        ))
                        .weak(),
                    );
                }
                let job = highlighted(ui, &article.text, from, to, &marks);
                let galley = ui.painter().layout_job(job);
                let response = ui.add(egui::Label::new(galley.clone()).sense(Sense::click()));
                let key = (article.id.clone(), state.selected);
                if scrolled.as_ref() != Some(&key) {
                    if let Some(start) = selected_start {
                        let char_index = article
                            .text
                            .get(from..start.max(from))
                            .map_or(0, |t| t.chars().count());
                        let at = galley.pos_from_cursor(egui::text::CCursor::new(char_index));
                        ui.scroll_to_rect(
                            at.translate(response.rect.min.to_vec2()),
                            Some(egui::Align::Center),
                        );
                    }
                    *scrolled = Some(key);
                }
                let Some(pointer) = response.hover_pos() else {
                    return;
                };
                let char_index = galley.cursor_from_pos(pointer - response.rect.min).index.0;
                let shown = article.text.get(from..to).unwrap_or_default();
                let byte = from
                    + shown
                        .char_indices()
                        .nth(char_index)
                        .map(|(b, _)| b)
                        .unwrap_or(shown.len());
                let Some(mention) = mentions.iter().find(|m| m.start <= byte && byte < m.end)
                else {
                    return;
                };
                let place = mention
                    .place
                    .as_deref()
                    .and_then(|id| atlas.place(id))
                    .map(|p| p.name.clone());
                let event = atlas.events.iter().position(|e| {
                    e.sources.iter().any(|s| {
                        s.article == article.id && s.start <= mention.start && mention.end <= s.end
                    })
                });
                let response = response.on_hover_ui_at_pointer(|ui| {
                    ui.label(
                        RichText::new(place.clone().unwrap_or_else(|| "not placed".into()))
                            .strong(),
                    );
                    ui.label(&mention.why);
                    if event.is_some() {
                        ui.label("click to select the event of this sentence");
                    }
                });
                if response.clicked()
                    && let Some(i) = event
                {
                    commands.push(Command::Select(Some(i)));
                }
            });
        });
    if !open {
        commands.push(Command::OpenArticle(None));
    }
    commands
}

#[cfg(test)]
mod tests {
    use super::context_range;

    const TEXT: &str = "Shelling hit Barda overnight. Officials in Baku said four civilians died. The talks in Moscow went on.";

    #[test]
    fn context_is_cut_on_whole_words_around_the_sentence() {
        let start = TEXT.find("Officials").expect("in text");
        let end = TEXT.find(" The talks").expect("in text");
        let (from, to) = context_range(TEXT, start, end, 12);
        assert_eq!(&TEXT[from..start], "overnight. ");
        assert_eq!(&TEXT[end..to], " The talks");
        assert_eq!(context_range(TEXT, start, end, 1000), (0, TEXT.len()));
    }

    #[test]
    fn offsets_outside_the_text_or_inside_a_character_do_not_panic() {
        let text = "Ağdam was shelled. Şuşa too.";
        let inside_a_letter = text.find('ğ').expect("in text") + 1;
        let (from, to) = context_range(text, inside_a_letter, 500, 3);
        assert!(text.is_char_boundary(from) && text.is_char_boundary(to));
        assert!(from <= to && to <= text.len());
        let (from, to) = context_range(text, 900, 950, 10);
        assert!(from <= to && to <= text.len());
        let (from, to) = context_range(text, 20, 2, 1);
        assert!(from <= to && to <= text.len());
    }
}
