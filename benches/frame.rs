//! The window's CPU cost per frame, headless: egui + egui_plot building the shapes of the whole
//! window (map, time panel, event list) and tessellating them into meshes, as eframe would before
//! handing them to the GPU. No GPU work is measured.
//!
//! Events are synthetic, at the Azerbaijani and Armenian places of the gazetteer, 1 920 × 1 080:
//! - `this day`: all N events on one day (and one on the day before), the window on that day;
//! - `up to this day`: N events over 45 days, the window on the last day in "up to this day".
//!
//! Each frame is measured twice: a steady frame (nothing changed), and a frame right after a day
//! change (the scene is rebuilt once for the new day). Times are CPU time of the benchmark thread
//! (see `common::thread_cpu_time`): the target is CPU per frame, and the machine may be busy.
//!
//! `frame, Articles list open`: the window with the Articles list open on 100 / 1 000 / 10 000
//! synthetic articles (no events). `frame, article view open`: the article view on one text of
//! 20 KB / 200 KB / 1 MB.
//!
//! `cargo bench --bench frame`
//!
//! For an instruction profile of 20 steady frames: `FRAME_PROFILE=100000 valgrind
//! --tool=callgrind <bench binary>` (add `FRAME_UP_TO=1` for "up to this day",
//! `FRAME_DAY_CHANGE=1` for frames that change the day).

mod common;

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, criterion_group};
use karabakh_atlas::app::state::Command;
use karabakh_atlas::app::{AtlasApp, Startup};
use karabakh_atlas::atlas::Atlas;
use karabakh_atlas::basemap::Basemap;
use karabakh_atlas::gazetteer::Gazetteer;
use karabakh_atlas::model::Article;
use karabakh_atlas::synthetic;

const SIZE: egui::Vec2 = egui::vec2(1920.0, 1080.0);

struct Window {
    ctx: egui::Context,
    app: AtlasApp,
}

impl Window {
    fn new(events: usize, days: usize, up_to_day: bool, gazetteer: &Arc<Gazetteer>) -> Window {
        let places = synthetic::front_places(gazetteer);
        let mut events = synthetic::events(events, &places, days, 7);
        if days == 1 {
            // Every event on the second day of the war, and one on the first, so the window can
            // step away from the crowded day and back.
            let first = karabakh_atlas::corpus::war_start();
            for event in &mut events {
                event.day = first.succ_opt();
            }
            events.extend(synthetic::events(1, &places, 1, 8));
        }
        let atlas = Atlas::from_parts(Vec::new(), Vec::new(), events, gazetteer.clone());
        let last_day = atlas.day_span().map(|(_, last)| last);
        let startup = Startup {
            day: last_day,
            up_to_day,
            ..Startup::default()
        };
        Window::ready(AtlasApp::new(
            atlas,
            Basemap::load(&common::data_dir()),
            startup,
        ))
    }

    /// The window of `app` after five frames: fonts, layout caches and the scene of the first
    /// day are built.
    fn ready(app: AtlasApp) -> Window {
        let mut window = Window {
            ctx: egui::Context::default(),
            app,
        };
        for _ in 0..5 {
            window.frame();
        }
        window
    }

    /// The app on `articles` and no events, opened on the first day.
    fn app_on_articles(articles: Vec<Article>, gazetteer: &Arc<Gazetteer>) -> AtlasApp {
        let atlas = Atlas::from_parts(articles, Vec::new(), Vec::new(), gazetteer.clone());
        AtlasApp::new(
            atlas,
            Basemap::load(&common::data_dir()),
            Startup::default(),
        )
    }

    /// The window on `articles` synthetic articles (publication dates found, no events), with the
    /// Articles list open.
    fn with_articles_list(articles: usize, gazetteer: &Arc<Gazetteer>) -> Window {
        let mut articles = common::corpus(gazetteer, articles);
        for article in &mut articles {
            article.published = karabakh_atlas::corpus::publication_date(&article.text);
            article.forget_time_scans();
        }
        let mut app = Window::app_on_articles(articles, gazetteer);
        app.workbench.articles.open = true;
        Window::ready(app)
    }

    /// The window with the article view open on one article of about `bytes` bytes (the seeds'
    /// texts one after another), no events.
    fn with_article_view(bytes: usize, gazetteer: &Arc<Gazetteer>) -> Window {
        let seeds = common::seeds();
        let mut text = String::with_capacity(bytes + 4096);
        while text.len() < bytes {
            for seed in &seeds {
                text.push_str(&seed.text);
                text.push_str("\n\n");
            }
        }
        let mut article = seeds.into_iter().next().unwrap_or_else(|| {
            eprintln!("no seed article to build the long article from");
            std::process::exit(2)
        });
        article.id = "long.txt".into();
        article.text = text;
        let mut app = Window::app_on_articles(vec![article], gazetteer);
        app.apply(vec![Command::OpenArticle(Some("long.txt".into()))]);
        Window::ready(app)
    }

    /// One frame: the whole window's ui, then tessellation. Returns the number of meshes.
    fn frame(&mut self) -> usize {
        self.frame_meshes().len()
    }

    /// One frame, and the meshes it tessellated to.
    fn frame_meshes(&mut self) -> Vec<egui::ClippedPrimitive> {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
            ..Default::default()
        };
        let app = &mut self.app;
        let output = self.ctx.run_ui(input, |ui| app.show(ui));
        self.ctx.tessellate(output.shapes, output.pixels_per_point)
    }
}

fn frames(c: &mut Criterion) {
    let gazetteer = Arc::new(common::gazetteer());
    for (label, days, up_to_day) in [("this day", 1, false), ("up to this day", 45, true)] {
        let mut group = c.benchmark_group(format!("frame, {label}"));
        group.sampling_mode(SamplingMode::Flat);
        group.sample_size(20);
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(3));
        for events in [1_000, 10_000, 100_000] {
            let mut window = Window::new(events, days, up_to_day, &gazetteer);
            group.bench_function(format!("{events} events, steady"), |b| {
                b.iter_custom(|iters| common::cpu_time(iters, || window.frame()))
            });
            // A day back (not measured), then forward to the last day: the measured frame
            // rebuilds the scene of the crowded day.
            group.bench_function(format!("{events} events, day change"), |b| {
                b.iter_custom(|iters| {
                    let mut elapsed = Duration::ZERO;
                    for _ in 0..iters {
                        window.app.apply(vec![Command::Step(-1)]);
                        black_box(window.frame());
                        window.app.apply(vec![Command::Step(1)]);
                        elapsed += common::cpu_time(1, || window.frame());
                    }
                    elapsed
                })
            });
        }
        group.finish();
    }
    // A year of news in the Articles list: the frame must not grow with the number of articles.
    let mut group = c.benchmark_group("frame, Articles list open");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(20);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    for articles in [100, 1_000, 10_000] {
        let mut window = Window::with_articles_list(articles, &gazetteer);
        group.bench_function(format!("{articles} articles, steady"), |b| {
            b.iter_custom(|iters| common::cpu_time(iters, || window.frame()))
        });
    }
    group.finish();
    // One long text in the article view: a report pasted whole, or a dump.
    let mut group = c.benchmark_group("frame, article view open");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    for bytes in [20_000, 200_000, 1_000_000] {
        let mut window = Window::with_article_view(bytes, &gazetteer);
        group.bench_function(format!("{} KB article, steady", bytes / 1000), |b| {
            b.iter_custom(|iters| common::cpu_time(iters, || window.frame()))
        });
        // Closed for two frames (not measured: its text leaves egui's layout cache), then the
        // frame that opens it again lays the text out anew.
        group.bench_function(format!("{} KB article, opening", bytes / 1000), |b| {
            b.iter_custom(|iters| {
                let mut elapsed = Duration::ZERO;
                for _ in 0..iters {
                    window.app.apply(vec![Command::OpenArticle(None)]);
                    black_box(window.frame());
                    black_box(window.frame());
                    window
                        .app
                        .apply(vec![Command::OpenArticle(Some("long.txt".into()))]);
                    elapsed += common::cpu_time(1, || window.frame());
                }
                elapsed
            })
        });
    }
    group.finish();
}

criterion_group!(benches, frames);

fn main() {
    if let Some(events) = std::env::var("FRAME_PROFILE")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
    {
        let up_to_day = std::env::var_os("FRAME_UP_TO").is_some();
        let days = if up_to_day { 45 } else { 1 };
        let gazetteer = Arc::new(common::gazetteer());
        let mut window = Window::new(events, days, up_to_day, &gazetteer);
        // `FRAME_DAY_CHANGE=1`: every other frame steps a day back or forth, so every frame
        // builds its scene and its map anew.
        let day_change = std::env::var_os("FRAME_DAY_CHANGE").is_some();
        // `FRAME_COUNT=n` (20 by default): two profiles with different counts, subtracted, give
        // the cost of frames alone, without the set-up and first frames.
        let count = std::env::var("FRAME_COUNT")
            .ok()
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(20);
        let (mut meshes, mut vertices) = (0, 0);
        for i in 0..count {
            if day_change {
                window
                    .app
                    .apply(vec![Command::Step(if i % 2 == 0 { -1 } else { 1 })]);
            }
            let primitives = window.frame_meshes();
            meshes += primitives.len();
            vertices = primitives
                .iter()
                .map(|p| match &p.primitive {
                    egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
                    egui::epaint::Primitive::Callback(_) => 0,
                })
                .sum::<usize>();
        }
        eprintln!(
            "{count} frames, {meshes} meshes, {vertices} vertices in the last; {} events shown in {} marker groups, {} markers drawn",
            window.app.scene().visible.len(),
            window.app.scene().groups.len(),
            window.app.marker_positions().len()
        );
        return;
    }
    eprintln!("load average {}", common::load_average());
    benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
