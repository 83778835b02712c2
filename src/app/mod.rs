//! The egui window: the map in the centre, the time panel at the bottom, the day's events and the
//! selected event's sources on the right. The Atlas is built once (in a background thread at
//! start-up) and only queried; all state lives in [`state::ViewState`] and changes only through
//! [`state::Command`]s.

pub mod articles;
pub mod canvas;
pub mod corrections_panel;
pub mod details;
pub mod library;
pub mod map;
pub mod scene;
pub mod screenshot;
pub mod state;
pub mod style;
pub mod timeline;
pub mod workbench;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use chrono::NaiveDate;
use egui::{Key, Rect, RichText, Ui};

use crate::atlas::{Atlas, PublicationPin};
use crate::basemap::Basemap;
use crate::corrections::{CorrectionLog, Corrections};

use library::{Library, Progress};

use scene::Scene;
use state::{Command, ViewState};

/// Where the window's own windows (Articles, an article) go: their first place, and the area
/// they stay in.
#[derive(Clone, Copy, Debug)]
pub struct WindowPlace {
    pub area: Rect,
    pub start: egui::Pos2,
}

/// What the command line asks of the window.
#[derive(Clone, Debug)]
pub struct Startup {
    pub day: Option<NaiveDate>,
    pub presentation: bool,
    pub dark: bool,
    /// Start in "up to this day" mode.
    pub up_to_day: bool,
    /// Save a PNG here once the map is drawn, then close the window.
    pub screenshot: Option<PathBuf>,
    /// With `screenshot`: save one PNG per day from `day` to this day into the folder
    /// `screenshot` (`atlas-YYYY-MM-DD.png`), a frame sequence for slides.
    pub screenshot_until: Option<NaiveDate>,
    /// Print the start-up time once the map is drawn, then close the window.
    pub exit_after_first_frame: bool,
    /// When the process started, for the start-up time.
    pub started: Instant,
    /// Open the Articles list at start.
    pub articles_list: bool,
    /// Select the first event of the start day (its details and correction tools show).
    pub select_first: bool,
}

impl Default for Startup {
    fn default() -> Self {
        Startup {
            day: None,
            presentation: false,
            dark: false,
            up_to_day: false,
            screenshot: None,
            screenshot_until: None,
            exit_after_first_frame: false,
            started: Instant::now(),
            articles_list: false,
            select_first: false,
        }
    }
}

/// Everything the window reads, built once.
pub struct Loaded {
    pub atlas: Atlas,
    pub basemap: Basemap,
    /// The articles and corrections behind `atlas`; rebuilds it when they change.
    pub library: Library,
}

type Outcome = Arc<Mutex<Option<Result<PathBuf, String>>>>;

pub struct AtlasApp {
    loader: Option<Receiver<Result<Loaded, String>>>,
    loaded: Option<Loaded>,
    load_error: Option<String>,
    pub state: ViewState,
    scene: Scene,
    map: map::MapView,
    timeline: timeline::TimelineView,
    details: details::DetailsView,
    startup: Startup,
    /// Frames drawn with the map, to let a screenshot wait until the layout has settled.
    map_frames: u64,
    applied_theme: Option<bool>,
    /// The (article, selection) the article window last scrolled to.
    article_scrolled: Option<(String, Option<usize>)>,
    /// Where the last screenshot went (or why it failed); filled by egui's screenshot callback.
    screenshot_outcome: Outcome,
    screenshot_pending: bool,
    /// The outcome of the command-line screenshot, for `main` to report after the window closes.
    pub exit_outcome: Outcome,
    /// Adding articles, the Articles list, corrections and exports.
    pub workbench: workbench::Workbench,
    /// How far the start-up read has got.
    load_progress: Arc<Progress>,
}

impl AtlasApp {
    /// A window on an already-built Atlas (tests, and callers that build it themselves).
    pub fn new(atlas: Atlas, basemap: Basemap, startup: Startup) -> AtlasApp {
        AtlasApp::with_corrections(
            atlas,
            basemap,
            CorrectionLog::in_memory(Corrections::default()),
            startup,
        )
    }

    /// A window on an already-built Atlas whose corrections go to `log`.
    pub fn with_corrections(
        mut atlas: Atlas,
        basemap: Basemap,
        log: CorrectionLog,
        startup: Startup,
    ) -> AtlasApp {
        let library = Library::over(&mut atlas, log);
        let mut app = AtlasApp::empty(startup);
        app.install(Loaded {
            atlas,
            basemap,
            library,
        });
        app
    }

    /// A window that builds the Atlas and loads the basemap in a background thread, showing a
    /// spinner meanwhile.
    pub fn load_in_background(
        articles: PathBuf,
        data: PathBuf,
        pins: Vec<PublicationPin>,
        startup: Startup,
    ) -> AtlasApp {
        let (sender, receiver) = std::sync::mpsc::channel();
        let progress = Arc::new(Progress::default());
        let shared = Arc::clone(&progress);
        std::thread::spawn(move || {
            let basemap = Basemap::load(&data);
            let result = Library::load(&articles, &data, pins, &shared)
                .map(|(atlas, library)| Loaded {
                    atlas,
                    basemap,
                    library,
                })
                .map_err(|e| {
                    format!(
                        "Cannot open the articles of {} with the data of {}: {e:#}",
                        articles.display(),
                        data.display()
                    )
                });
            // The window may have closed meanwhile; then nobody needs the result.
            let _ = sender.send(result);
            shared.finished();
        });
        let mut app = AtlasApp::empty(startup);
        app.loader = Some(receiver);
        app.load_progress = progress;
        app
    }

    fn empty(startup: Startup) -> AtlasApp {
        let mut state = ViewState::new(None);
        state.presentation = startup.presentation;
        state.dark = startup.dark;
        AtlasApp {
            loader: None,
            loaded: None,
            load_error: None,
            state,
            scene: Scene::default(),
            map: map::MapView::default(),
            timeline: timeline::TimelineView,
            details: details::DetailsView::default(),
            startup,
            map_frames: 0,
            applied_theme: None,
            article_scrolled: None,
            screenshot_outcome: Arc::default(),
            screenshot_pending: false,
            exit_outcome: Arc::default(),
            workbench: workbench::Workbench::default(),
            load_progress: Arc::default(),
        }
    }

    fn install(&mut self, loaded: Loaded) {
        let span = loaded.atlas.day_span();
        let mut state = ViewState::new(span);
        state.presentation = self.state.presentation;
        state.dark = self.state.dark;
        if let Some(day) = self.startup.day {
            state.apply(Command::SetDay(day), |_| None);
            if state.day != day
                && let Some((first, last)) = span
            {
                // A scripted screenshot is named after the day asked for: say what it shows.
                eprintln!(
                    "karabakh-atlas: {day} is outside the days of these articles ({first} to \
                     {last}): showing {}",
                    state.day
                );
            }
        }
        if self.startup.up_to_day {
            state.apply(Command::SetMode(state::Mode::UpToDay), |_| None);
        }
        for problem in &loaded.basemap.problems {
            eprintln!("warning: {problem}");
        }
        self.workbench.articles.open |= self.startup.articles_list;
        if let Some(problem) = &loaded.library.corrections_problem {
            state.status = Some(format!("Corrections not applied: {problem}"));
        }
        self.state = state;
        // The scene indexes the events of one atlas: a new atlas starts a new scene.
        self.scene = Scene::default();
        self.loaded = Some(loaded);
    }

    pub fn atlas(&self) -> Option<&Atlas> {
        self.loaded.as_ref().map(|l| &l.atlas)
    }

    /// The scene the views draw (the shown events and their markers).
    pub fn scene(&self) -> &Scene {
        &self.scene
    }

    /// The marker group under the pointer last frame (index into `scene().groups`).
    pub fn hovered_group(&self) -> Option<usize> {
        self.map.hovered
    }

    /// Where the map drew each marker group last frame (index into `scene().groups`, centre).
    pub fn marker_positions(&self) -> &[(usize, egui::Pos2)] {
        &self.map.drawn
    }

    /// How many times the map's layer (basemap, markers, labels) was painted anew: a frame in
    /// which nothing changed re-uses the last one.
    pub fn map_layer_builds(&self) -> u64 {
        self.map.layer_builds
    }

    /// Where the map drew bubbles of several places last frame: (centre, number of places).
    pub fn map_bubbles(&self) -> Vec<(egui::Pos2, usize)> {
        self.map.bubbles()
    }

    /// The bubble under the pointer last frame (index into `map_bubbles()`).
    pub fn hovered_bubble(&self) -> Option<usize> {
        self.map.hovered_bubble
    }

    /// Vertices of the map's current layer (for measuring its weight).
    pub fn map_layer_digest(&self) -> u64 {
        self.map.layer_digest()
    }

    pub fn map_layer_vertices(&self) -> usize {
        self.map.layer_vertices()
    }

    fn poll_loader(&mut self) {
        let Some(receiver) = &self.loader else { return };
        match receiver.try_recv() {
            Ok(Ok(loaded)) => {
                self.loader = None;
                self.install(loaded);
            }
            Ok(Err(message)) => {
                self.loader = None;
                self.load_error = Some(message);
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => {
                self.loader = None;
                self.load_error = Some("The loading thread stopped without a result".into());
            }
        }
    }

    /// Carry out commands: time and selection in the state, side effects (screenshot) here.
    pub fn apply(&mut self, commands: Vec<Command>) {
        let Some(loaded) = &self.loaded else { return };
        for command in commands {
            let events = &loaded.atlas.events;
            self.state
                .apply(command, |i| events.get(i).and_then(|e| e.day));
        }
    }

    /// The whole window, drawn into `ui` (the eframe root, or a kittest harness).
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        // First, before any text of this frame is laid out, so the fonts apply at once.
        style::install_fonts(&ctx);
        self.poll_loader();
        if self.applied_theme != Some(self.state.dark) {
            ctx.set_theme(if self.state.dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            self.applied_theme = Some(self.state.dark);
        }
        if self.loaded.is_none() {
            self.loading_screen(ui);
            return;
        }
        if self.state.presentation {
            enlarge_text(ui);
        }

        let mut commands = timeline::key_commands(ui);
        ui.input(|input| {
            if input.key_pressed(Key::F11) {
                commands.push(Command::TogglePresentation);
            }
            if input.key_pressed(Key::Escape) && self.state.presentation {
                commands.push(Command::TogglePresentation);
            }
            if input.modifiers.command && input.key_pressed(Key::S) {
                commands.push(Command::Screenshot(None));
            }
        });
        self.workbench.input(ui);
        let dt = ui.input(|i| i.stable_dt).min(0.25);
        self.state.tick(dt);
        if self.state.playing {
            ctx.request_repaint();
        }

        let Some(loaded) = &self.loaded else { return };
        self.scene.refresh(&loaded.atlas, &self.state);
        if self.map_frames == 0 && self.startup.select_first && self.state.selected.is_none() {
            self.state.selected = self.scene.visible.first().copied();
        }
        let (atlas, basemap) = (&loaded.atlas, &loaded.basemap);

        egui::Panel::top("top_bar").show(ui, |ui| {
            if self.state.presentation {
                title_card(ui, &self.state, &mut commands);
            } else {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new("Karabakh Atlas").strong().size(18.0));
                    ui.label(
                        RichText::new("the 2020 Nagorno-Karabakh war, day by day, from the news")
                            .weak(),
                    );
                    ui.separator();
                    top_buttons(ui, &self.state, &mut commands);
                    ui.separator();
                    self.workbench.top_bar(ui, atlas, &loaded.library);
                });
            }
            if let Some(status) = &self.state.status {
                ui.label(status);
            }
        });
        egui::Panel::bottom("time_panel")
            .resizable(false)
            .show(ui, |ui| {
                commands.extend(self.timeline.ui(ui, atlas, &self.scene, &self.state));
            });
        if !self.state.presentation {
            egui::Panel::right("details")
                .default_size(380.0)
                .size_range(260.0..=700.0)
                .show(ui, |ui| {
                    let (workbench, scene) = (&mut self.workbench, &self.scene);
                    let mut tools = |ui: &mut Ui, event: usize| {
                        workbench.selected_tools(ui, atlas, scene, event)
                    };
                    commands.extend(self.details.ui(
                        ui,
                        atlas,
                        &self.scene,
                        &mut self.state,
                        &mut tools,
                    ));
                });
        }
        let map_area = egui::CentralPanel::default_margins().show(ui, |ui| {
            if atlas.events.is_empty() {
                ui.label(RichText::new(no_events_message(atlas)).color(ui.visuals().warn_fg_color));
            }
            commands.extend(
                self.map
                    .ui(ui, atlas, basemap, &self.scene, &mut self.state),
            );
        });
        // Windows open on the map and stay below the top bar, whose title and buttons they
        // would otherwise cover.
        let below_top_bar = Rect::from_min_max(
            egui::pos2(ctx.content_rect().left(), map_area.response.rect.top()),
            ctx.content_rect().max,
        );
        let windows = WindowPlace {
            area: below_top_bar,
            start: map_area.response.rect.left_top() + egui::vec2(12.0, 12.0),
        };
        commands.extend(details::article_window(
            &ctx,
            windows,
            atlas,
            &self.state,
            &mut self.article_scrolled,
        ));

        self.workbench
            .windows(&ctx, windows, atlas, &loaded.library);
        self.workbench.drop_hint(&ctx);

        self.apply(commands);
        if let Some(loaded) = &mut self.loaded {
            self.workbench
                .finish_frame(loaded, &mut self.state, &mut self.scene);
        }
        self.map_frames += 1;
        self.handle_screenshots(&ctx);
        self.handle_exit(&ctx);
    }

    fn loading_screen(&mut self, ui: &mut Ui) {
        egui::CentralPanel::default_margins().show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() / 3.0);
                match &self.load_error {
                    Some(message) => {
                        ui.label(
                            RichText::new(message)
                                .color(ui.visuals().error_fg_color)
                                .size(16.0),
                        );
                        ui.label("Check the --articles and --data folders, then start again.");
                    }
                    None => {
                        // No spinner: egui's repaints the window without pause, which takes a
                        // core from the reading.
                        ui.label(RichText::new("Reading the articles and the map…").size(16.0));
                        let fraction = self.load_progress.fraction();
                        if fraction > 0.0 {
                            ui.add(
                                egui::ProgressBar::new(fraction)
                                    .desired_width(320.0)
                                    .show_percentage(),
                            );
                        }
                    }
                }
            });
        });
        if self.load_error.is_some()
            && (self.startup.exit_after_first_frame || self.startup.screenshot.is_some())
        {
            if let Ok(mut slot) = self.exit_outcome.lock() {
                *slot = Some(Err(self.load_error.clone().unwrap_or_default()));
            }
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if self.load_error.is_none() {
            self.load_progress.wake_when_done(ui.ctx());
        }
    }

    fn handle_screenshots(&mut self, ctx: &egui::Context) {
        if self.startup.screenshot.is_some() {
            // A scripted shot drives its own frames: with the map painted once per view, nothing
            // else asks for the next one, and a sequence of days would wait for input forever.
            ctx.request_repaint();
        }
        // The command-line shot waits a few frames: panel sizes settle after the first ones.
        let auto = self.startup.screenshot.is_some() && self.map_frames == 3;
        let requested = self.state.screenshot_requested.take();
        if (requested.is_some() || auto) && !self.screenshot_pending {
            let path = match (auto, requested) {
                (true, _) => {
                    let out = self.startup.screenshot.clone().unwrap_or_default();
                    match self.startup.screenshot_until {
                        Some(_) => out.join(screenshot::file_name(self.state.day)),
                        None => out,
                    }
                }
                (false, Some(Some(path))) => path,
                _ => screenshot::default_path(self.state.day),
            };
            let outcome = Arc::clone(&self.screenshot_outcome);
            let repaint = ctx.clone();
            self.screenshot_pending = true;
            ctx.request_screenshot(move |image| {
                let result = screenshot::save_png(&image, &path).map(|()| path);
                if let Ok(mut slot) = outcome.lock() {
                    *slot = Some(result);
                }
                repaint.request_repaint();
            });
        }
        if self.screenshot_pending {
            ctx.request_repaint();
        }
        let finished = self
            .screenshot_outcome
            .lock()
            .ok()
            .and_then(|mut slot| slot.take());
        if let Some(result) = finished {
            self.screenshot_pending = false;
            if self.startup.screenshot.is_none() {
                self.state.status = Some(match &result {
                    Ok(path) => format!("Saved {}", absolute(path).display()),
                    Err(message) => format!("Screenshot failed: {message}"),
                });
                return;
            }
            let next_day = self
                .startup
                .screenshot_until
                .filter(|until| result.is_ok() && self.state.day < *until);
            if next_day.is_some() {
                let before = self.state.day;
                self.apply(vec![Command::Step(1)]);
                // Past the last day with events the day cannot move: the sequence is complete.
                if self.state.day != before {
                    self.map_frames = 0;
                    return;
                }
            }
            let result = match (&self.startup.screenshot_until, result) {
                (Some(_), Ok(_)) => Ok(self.startup.screenshot.clone().unwrap_or_default()),
                (_, result) => result,
            };
            if let Ok(mut slot) = self.exit_outcome.lock() {
                *slot = Some(result);
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn handle_exit(&mut self, ctx: &egui::Context) {
        if self.startup.exit_after_first_frame && self.map_frames == 1 {
            let elapsed = self.startup.started.elapsed();
            println!(
                "first frame with the map after {:.0} ms",
                elapsed.as_secs_f64() * 1000.0
            );
            if let Ok(mut slot) = self.exit_outcome.lock() {
                *slot = Some(Ok(PathBuf::new()));
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    /// A scripted screenshot ignores the pointer: wherever the system leaves it, no tooltip or
    /// hover may end up on a slide.
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if self.startup.screenshot.is_some() {
            raw_input.events.retain(|event| {
                !matches!(
                    event,
                    egui::Event::PointerMoved(_)
                        | egui::Event::MouseMoved(_)
                        | egui::Event::PointerButton { .. }
                        | egui::Event::MouseWheel { .. }
                )
            });
        }
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

fn no_events_message(atlas: &Atlas) -> String {
    if atlas.articles.is_empty() {
        let failures = atlas.failures.len();
        format!(
            "No articles could be read ({failures} file{} failed).",
            map::plural(failures)
        )
    } else {
        format!(
            "{} article{} read, but no dated event with a place was found in them.",
            atlas.articles.len(),
            map::plural(atlas.articles.len())
        )
    }
}

fn top_buttons(ui: &mut Ui, state: &ViewState, commands: &mut Vec<Command>) {
    if ui
        .button("Fit the front")
        .on_hover_text("Zoom to the events shown (double-click the map for the first view)")
        .clicked()
    {
        commands.push(Command::FitFront);
    }
    let presentation = if state.presentation {
        "Leave presentation"
    } else {
        "Presentation"
    };
    if ui
        .button(presentation)
        .on_hover_text("Large type, no side panel (F11; Esc leaves)")
        .clicked()
    {
        commands.push(Command::TogglePresentation);
    }
    let theme = if state.dark {
        "Light theme"
    } else {
        "Dark theme"
    };
    if ui
        .button(theme)
        .on_hover_text("Switch between light and dark")
        .clicked()
    {
        commands.push(Command::SetDark(!state.dark));
    }
    if ui
        .button("Screenshot")
        .on_hover_text("Save a PNG of the window to screenshots/ (Ctrl+S)")
        .clicked()
    {
        commands.push(Command::Screenshot(None));
    }
}

/// The presentation title: the day in words, the legend of kinds under it, and the one way out.
fn title_card(ui: &mut Ui, state: &ViewState, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(state.day_in_words())
                .size(style::type_scale(true).title)
                .strong(),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Leave")
                .on_hover_text("Leave presentation mode (F11 or Esc)")
                .clicked()
            {
                commands.push(Command::TogglePresentation);
            }
        });
    });
    ui.horizontal_wrapped(|ui| {
        let outline = style::map_colors(state.dark).marker_outline;
        for kind in crate::model::EventKind::ALL {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(22.0, 22.0), egui::Sense::hover());
            let color = style::kind_color(kind);
            ui.painter().add(style::marker(
                rect.center(),
                8.0,
                kind,
                color,
                false,
                outline,
            ));
            ui.label(RichText::new(style::kind_label(kind)).size(20.0));
            ui.add_space(12.0);
        }
        let (rect, _) = ui.allocate_exact_size(egui::vec2(22.0, 22.0), egui::Sense::hover());
        let color = ui.visuals().text_color();
        let hollow = style::marker(
            rect.center(),
            8.0,
            crate::model::EventKind::Casualties,
            color,
            true,
            outline,
        );
        ui.painter().add(hollow);
        ui.label(RichText::new("day implied / planned").size(18.0));
    });
}

/// Presentation mode: every text style 40 % larger, for the back of the room.
fn enlarge_text(ui: &mut Ui) {
    for font in ui.style_mut().text_styles.values_mut() {
        font.size *= 1.4;
    }
}

/// Open the window on the articles of `articles` with the data of `data`; blocks until it closes.
/// Returns the command-line screenshot's path (if one was asked for).
pub fn run(
    articles: PathBuf,
    data: PathBuf,
    pins: Vec<PublicationPin>,
    startup: Startup,
    size: Option<[f32; 2]>,
) -> Result<Option<PathBuf>, String> {
    run_app(
        AtlasApp::load_in_background(articles, data, pins, startup),
        size,
    )
}

/// Open a window on `app` (however its Atlas was built); blocks until it closes. Returns the
/// command-line screenshot's path (if one was asked for).
pub fn run_app(app: AtlasApp, size: Option<[f32; 2]>) -> Result<Option<PathBuf>, String> {
    let size = size.unwrap_or([1280.0, 720.0]);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Karabakh Atlas")
            .with_inner_size(size)
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let wants_outcome = app.startup.screenshot.is_some() || app.startup.exit_after_first_frame;
    let outcome = Arc::clone(&app.exit_outcome);
    eframe::run_native(
        "karabakh-atlas",
        options,
        Box::new(move |_cc| Ok(Box::new(app))),
    )
    .map_err(|e| {
        // A machine without a display (a server, a container, CI) is the usual cause: say how to
        // get one, and which commands need none.
        let no_display =
            std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none();
        let hint = if no_display {
            ". There is no display: run it under Xvfb (`xvfb-run -a karabakh-atlas …`, package \
             xvfb), or use `extract`, `places` and `eval`, which need none"
        } else {
            ""
        };
        format!("Cannot open the window: {e}{hint}")
    })?;
    if !wants_outcome {
        return Ok(None);
    }
    let result = outcome.lock().ok().and_then(|mut slot| slot.take());
    match result {
        Some(Ok(path)) => Ok(Some(path)),
        Some(Err(message)) => Err(message),
        None => Err("The window closed before the map was drawn".into()),
    }
}
