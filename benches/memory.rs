//! Peak memory (VmHWM of this process) with 100 000 events: the gazetteer, then an Atlas built
//! from 100 000 synthetic events over 45 days and the Azerbaijani and Armenian places, one query
//! of every event up to the last day, then the window (headless: egui without a GPU) showing all
//! of them in "up to this day" for a few frames.
//!
//! `cargo bench --bench memory` — prints the peak after each step. Not a criterion benchmark:
//! the peak of a process is one number.

mod common;

use std::sync::Arc;

use karabakh_atlas::app::{AtlasApp, Startup};
use karabakh_atlas::atlas::{Atlas, DayWindow, EventFilter};
use karabakh_atlas::basemap::Basemap;
use karabakh_atlas::synthetic;

const EVENTS: usize = 100_000;

/// `VmHWM` (peak resident set) and `VmRSS` of this process, in MB.
fn memory() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(f64::NAN, |kb| kb / 1024.0)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

fn report(step: &str) {
    let (peak, now) = memory();
    println!("{step:<46} peak {peak:7.1} MB   now {now:7.1} MB");
}

fn main() {
    report("start");
    let gazetteer = Arc::new(common::gazetteer());
    report("gazetteer loaded");
    let places = synthetic::front_places(&gazetteer);
    let events = synthetic::events(EVENTS, &places, 45, 7);
    report(&format!("{EVENTS} events generated"));
    let atlas = Atlas::from_parts(Vec::new(), Vec::new(), events, gazetteer);
    report("Atlas built");
    let last = atlas.day_span().map(|(_, last)| last);
    let shown = last.map_or(0, |day| {
        atlas
            .query(DayWindow::UpTo(day), &EventFilter::default())
            .len()
    });
    report(&format!("query up to the last day ({shown} events)"));
    let places = atlas.places.len();
    let startup = Startup {
        day: last,
        up_to_day: true,
        ..Startup::default()
    };
    let mut app = AtlasApp::new(atlas, Basemap::load(&common::data_dir()), startup);
    report("window state made (basemap, library)");
    let ctx = egui::Context::default();
    for frame in 1..=3 {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1920.0, 1080.0),
            )),
            ..Default::default()
        };
        let output = ctx.run_ui(input, |ui| app.show(ui));
        std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
        report(&format!(
            "window, frame {frame} (map: {} vertices)",
            app.map_layer_vertices()
        ));
    }
    report(&format!(
        "window, 3 frames ({} events shown)",
        app.scene().visible.len()
    ));
    let (peak, _) = memory();
    println!("peak memory with {EVENTS} events: {peak:.1} MB (target < 150 MB); {places} places");
}
