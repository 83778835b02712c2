//! The time panel: the day in words, play controls, the day slider, the per-day bar chart of
//! events by kind (click to jump) and the line of reported death tolls. It only emits commands.

use chrono::{Duration, NaiveDate};
use egui::{Key, RichText, Ui};
use egui_plot::{Bar, BarChart, HoverPosition, Line, Plot, PlotPoint, Points, VLine};

use crate::atlas::Atlas;
use crate::model::EventKind;

use super::scene::Scene;
use super::state::{Command, Mode, SPEED_RANGE, ViewState};
use super::style;

#[derive(Default)]
pub struct TimelineView;

/// Day index (0 = first day of the span) of a date, and back.
fn index_of(state: &ViewState, day: NaiveDate) -> i64 {
    (day - state.span.0).num_days()
}

fn day_at(state: &ViewState, index: i64) -> NaiveDate {
    state.span.0 + Duration::days(index)
}

/// Keys of the time panel: ←/→ step, space plays, Home/End. Ignored while a text field has focus.
pub fn key_commands(ui: &Ui) -> Vec<Command> {
    if ui.ctx().text_edit_focused() {
        return Vec::new();
    }
    ui.input(|input| {
        let mut commands = Vec::new();
        if input.modifiers.shift {
            return commands; // Shift+arrows pan the map.
        }
        if input.key_pressed(Key::ArrowLeft) {
            commands.push(Command::Step(-1));
        }
        if input.key_pressed(Key::ArrowRight) {
            commands.push(Command::Step(1));
        }
        if input.key_pressed(Key::Space) {
            commands.push(Command::TogglePlay);
        }
        if input.key_pressed(Key::Home) {
            commands.push(Command::Home);
        }
        if input.key_pressed(Key::End) {
            commands.push(Command::End);
        }
        commands
    })
}

impl TimelineView {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        atlas: &Atlas,
        scene: &Scene,
        state: &ViewState,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        ui.horizontal(|ui| {
            self.controls(ui, state, &mut commands);
            ui.separator();
            ui.label(RichText::new(state.day_in_words()).size(18.0).strong());
        });
        self.slider(ui, state, &mut commands);
        self.bars(ui, scene, state, &mut commands);
        self.tolls(ui, atlas, scene, state, &mut commands);
        commands
    }

    fn controls(&self, ui: &mut Ui, state: &ViewState, commands: &mut Vec<Command>) {
        if ui
            .button("|< First")
            .on_hover_text("First day (Home)")
            .clicked()
        {
            commands.push(Command::Home);
        }
        if ui
            .button("< Back")
            .on_hover_text("Previous day (Left arrow)")
            .clicked()
        {
            commands.push(Command::Step(-1));
        }
        let (icon, tip) = if state.playing {
            ("Pause", "Pause (space)")
        } else {
            ("Play", "Play one day after another (space)")
        };
        if ui.button(icon).on_hover_text(tip).clicked() {
            commands.push(Command::TogglePlay);
        }
        if ui
            .button("Next >")
            .on_hover_text("Next day (Right arrow)")
            .clicked()
        {
            commands.push(Command::Step(1));
        }
        if ui
            .button("Last >|")
            .on_hover_text("Last day (End)")
            .clicked()
        {
            commands.push(Command::End);
        }
        let mut speed = state.speed;
        let slider = egui::Slider::new(&mut speed, SPEED_RANGE)
            .logarithmic(true)
            .suffix(" days/s")
            .max_decimals(2);
        if ui.add(slider).on_hover_text("Playback speed").changed() {
            commands.push(Command::SetSpeed(speed));
        }
        let mut mode = state.mode;
        ui.radio_value(&mut mode, Mode::ThisDay, "this day only")
            .on_hover_text("Show only the events of the current day");
        ui.radio_value(&mut mode, Mode::UpToDay, "up to this day")
            .on_hover_text("Show every event up to the current day; older ones fade");
        if mode != state.mode {
            commands.push(Command::SetMode(mode));
        }
    }

    fn slider(&self, ui: &mut Ui, state: &ViewState, commands: &mut Vec<Command>) {
        let last = index_of(state, state.span.1).max(0);
        let mut index = index_of(state, state.day);
        // Room for the date box and the word "day" after the slider, at any text size.
        let reserve = ui.text_style_height(&egui::TextStyle::Body) * 10.0;
        ui.spacing_mut().slider_width = (ui.available_width() - reserve).max(100.0);
        let start = state.span.0;
        let slider = egui::Slider::new(&mut index, 0..=last)
            .show_value(true)
            .text("day")
            .custom_formatter(move |v, _| {
                (start + Duration::days(v as i64))
                    .format("%d %b %Y")
                    .to_string()
            })
            .custom_parser(move |text| {
                NaiveDate::parse_from_str(text.trim(), "%d %b %Y")
                    .or_else(|_| NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d"))
                    .ok()
                    .map(|d| (d - start).num_days() as f64)
            });
        let response = ui
            .add(slider)
            .on_hover_text("Day (drag, or the Left/Right arrow keys)");
        if response.changed() {
            commands.push(Command::SetDay(day_at(state, index)));
        }
    }

    fn bars(&self, ui: &mut Ui, scene: &Scene, state: &ViewState, commands: &mut Vec<Command>) {
        let mut charts: Vec<BarChart> = Vec::new();
        for (k, kind) in EventKind::ALL.into_iter().enumerate() {
            let bars: Vec<Bar> = scene
                .counts
                .iter()
                // Every chart has a bar (maybe empty) for every day: stacking pairs bars by index.
                .map(|(day, counts)| {
                    Bar::new(index_of(state, *day) as f64, counts[k] as f64)
                        .width(0.8)
                        .fill(style::kind_color(kind))
                        .stroke(egui::Stroke::new(0.5, style::kind_color(kind)))
                        .name(style::kind_label(kind))
                })
                .collect();
            let chart = BarChart::new(style::kind_label(kind), bars).color(style::kind_color(kind));
            let below: Vec<&BarChart> = charts.iter().collect();
            let chart = chart.stack_on(&below);
            charts.push(chart);
        }
        let last = index_of(state, state.span.1) as f64;
        let current = index_of(state, state.day) as f64;
        let start = state.span.0;
        let response = Plot::new("day_bars")
            .height(if state.presentation { 90.0 } else { 70.0 })
            .show_axes([true, false])
            .show_grid(false)
            .allow_zoom(false)
            .allow_drag(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .allow_double_click_reset(false)
            .include_x(-0.5)
            .include_x(last + 0.5)
            .include_y(0.0)
            .include_y(1.0)
            .x_axis_formatter(move |mark, _| {
                // Only whole days get a date; zoomed-in grid marks fall between days.
                if (mark.value - mark.value.round()).abs() > 1e-6 {
                    return String::new();
                }
                (start + Duration::days(mark.value.round() as i64))
                    .format("%d %b")
                    .to_string()
            })
            .label_formatter(move |hover| {
                let (HoverPosition::NearDataPoint { position, .. }
                | HoverPosition::Elsewhere { position }) = hover;
                let day = start + Duration::days(position.x.round() as i64);
                Some(format!(
                    "{}\nclick to go to this day",
                    day.format("%a %d %b")
                ))
            })
            .show(ui, |plot_ui| {
                for chart in charts {
                    plot_ui.bar_chart(chart);
                }
                plot_ui.vline(
                    VLine::new("today", current)
                        .color(ui_text_color(plot_ui.ctx()))
                        .width(2.0),
                );
            });
        if response.response.clicked()
            && let Some(pointer) = response.response.interact_pointer_pos()
        {
            let value = response.transform.value_from_position(pointer);
            commands.push(Command::SetDay(day_at(state, value.x.round() as i64)));
        }
        response
            .response
            .on_hover_text("Events per day, by kind: click a day to go there");
    }

    fn tolls(
        &self,
        ui: &mut Ui,
        atlas: &Atlas,
        scene: &Scene,
        state: &ViewState,
        commands: &mut Vec<Command>,
    ) {
        if scene.tolls.is_empty() || state.presentation {
            return;
        }
        let points: Vec<[f64; 2]> = scene
            .tolls
            .iter()
            .map(|t| [index_of(state, t.day) as f64, t.deaths as f64])
            .collect();
        let mut highest: Vec<[f64; 2]> = Vec::new();
        for &[x, y] in &points {
            match highest.last_mut() {
                Some(last) if last[0] == x => last[1] = last[1].max(y),
                _ => highest.push([x, y]),
            }
        }
        let last = index_of(state, state.span.1) as f64;
        let start = state.span.0;
        // The short chart's axis has room for little more than its zero: the caption says the top.
        let top = scene.tolls.iter().map(|t| t.deaths).max().unwrap_or(0);
        ui.label(
            RichText::new(format!(
                "Reported death tolls, up to {top} (hover a point for its words and source)"
            ))
            .small(),
        );
        let response = Plot::new("tolls")
            // Tall enough for the y axis to show values, not only its zero.
            .height(76.0)
            .show_axes([false, true])
            .y_axis_min_width(28.0)
            .show_grid(false)
            .allow_zoom(false)
            .allow_drag(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .include_x(-0.5)
            .include_x(last + 0.5)
            .include_y(0.0)
            // Headroom so the highest report is not cut by the frame.
            .include_y(scene.tolls.iter().map(|t| t.deaths).max().unwrap_or(1) as f64 * 1.25)
            .label_formatter(|_| None)
            .show(ui, |plot_ui| {
                // Tolls are claims of different scope (a town, a side, the whole war): the line
                // follows the highest reported each day, the points show every report.
                plot_ui.line(
                    Line::new("highest reported", highest.clone())
                        .color(style::kind_color(EventKind::Casualties))
                        .width(1.5),
                );
                plot_ui.points(
                    Points::new("reports", points.clone())
                        .radius(3.0)
                        .color(style::kind_color(EventKind::Casualties)),
                );
            });
        // The nearest report to the pointer, with its words and source.
        let transform = response.transform;
        let nearest = response.response.hover_pos().and_then(|pointer| {
            scene
                .tolls
                .iter()
                .map(|t| {
                    let at = transform.position_from_point(&PlotPoint::new(
                        index_of(state, t.day) as f64,
                        t.deaths as f64,
                    ));
                    (t, at.distance(pointer))
                })
                .filter(|(_, d)| *d < 12.0)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(t, _)| t)
        });
        let clicked = response.response.clicked();
        let response = response
            .response
            .on_hover_ui_at_pointer(|ui| match nearest {
                Some(toll) => {
                    ui.label(
                        RichText::new(format!(
                            "{} dead — {}",
                            toll.deaths,
                            toll.day.format("%d %b %Y")
                        ))
                        .strong(),
                    );
                    ui.label(&toll.text);
                    if let Some(source) =
                        atlas.events.get(toll.event).and_then(|e| e.sources.first())
                    {
                        ui.label(RichText::new(format!("source: {}", source.article)).weak());
                    }
                }
                None => {
                    ui.label(format!(
                        "Reported death tolls since {}; hover a point for its source",
                        start.format("%d %b")
                    ));
                }
            });
        if clicked && let Some(toll) = nearest {
            commands.push(Command::Select(Some(toll.event)));
        }
        drop(response);
        // The panel ends at the window's edge: keep the chart's frame off it.
        ui.add_space(6.0);
    }
}

fn ui_text_color(ctx: &egui::Context) -> egui::Color32 {
    ctx.global_style().visuals.text_color()
}
