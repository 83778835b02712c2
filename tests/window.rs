//! The window driven through its real state with egui_kittest (no rendering): the slider, the
//! keys, the kind filter, selecting an event and reading its quote, presentation mode.
//!
//! The Atlas is assembled from events written here for real sentences of the seed articles, with
//! the byte spans of their words found in the text, so the panels show real article text.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use karabakh_atlas::app::{AtlasApp, Startup};
use karabakh_atlas::atlas::Atlas;
use karabakh_atlas::basemap::Basemap;
use karabakh_atlas::gazetteer::Gazetteer;
use karabakh_atlas::model::{
    Article, Certainty, Event, EventKind, Figure, Figures, Place, PlaceKind, Source, Span, Status,
};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, m, d).expect("valid date")
}

fn seed(file: &str) -> Article {
    let path = root().join("seeds").join(file);
    let text = std::fs::read_to_string(&path).expect("seed articles ship with the project");
    Article {
        id: file.to_string(),
        path,
        text,
        hash: String::new(),
        published: None,
        note: None,
    }
}

/// The span of `word` inside `sentence` inside the article.
fn span(article: &Article, sentence: &str, word: &str) -> Span {
    let start = article
        .text
        .find(sentence)
        .expect("sentence is in the seed")
        + sentence.find(word).expect("word is in the sentence");
    Span {
        start,
        end: start + word.len(),
        text: word.to_string(),
    }
}

struct Told<'a> {
    article: &'a Article,
    sentence: &'a str,
    kind_word: &'a str,
    day_word: Option<&'a str>,
    place_word: &'a str,
}

fn source(told: &Told) -> Source {
    let whole = span(told.article, told.sentence, told.sentence);
    Source {
        article: told.article.id.clone(),
        start: whole.start,
        end: whole.end,
        quote: told.sentence.to_string(),
        kind_words: vec![span(told.article, told.sentence, told.kind_word)],
        day_words: told.day_word.map(|w| span(told.article, told.sentence, w)),
        place_words: vec![span(told.article, told.sentence, told.place_word)],
        why_day: told
            .day_word
            .map(|w| format!("'{w}' before the publication day"))
            .unwrap_or_else(|| "the publication day".into()),
        why_place: format!("'{}' in the gazetteer", told.place_word),
        claimed_by: None,
        denied: false,
        figures: Figures::default(),
    }
}

fn event(
    id: &str,
    kind: EventKind,
    day: NaiveDate,
    certainty: Certainty,
    place: &str,
    told: Told,
) -> Event {
    Event {
        id: id.to_string(),
        day: Some(day),
        certainty,
        kind,
        places: vec![place.into()],
        actors: Vec::new(),
        claimed_by: None,
        figures: Figures::default(),
        status: Status::Happened,
        sources: vec![source(&told)],
        correction: None,
    }
}

fn place(id: &str, name: &str, kind: PlaceKind, country: &str, lat: f64, lon: f64) -> Place {
    Place {
        id: id.into(),
        name: name.to_string(),
        kind,
        country: country.to_string(),
        lat,
        lon,
        population: 0,
        admin1: String::new(),
    }
}

const SHUSHA_SENTENCE: &str = "On Thursday, a historic cathedral in the town of Shusha in Nagorno-Karabakh was shelled, a missile piercing its dome and damaging the interior.";

fn seed_atlas() -> Atlas {
    let telegraph = seed("000_3ffde59c5c20d985.txt");
    let quebec = seed("001_68aaef0c7d5ee802.txt");
    let barda = "A resident searches for belongings at a restaurant hit by shelling in the town of Barda, Azerbaijan.";
    let moscow = "The meeting of the heads of Armenian and Azerbaijani diplomacy under the aegis of their Russian counterpart began Friday in Moscow";
    let toll = "The official death toll rose Friday morning to more than 400 dead, including 22 Armenian civilians and 31 Azerbaijani.";
    let mut casualties = event(
        "toll",
        EventKind::Casualties,
        date(10, 9),
        Certainty::Explicit,
        "atlas:nagorno-karabakh",
        Told {
            article: &quebec,
            sentence: toll,
            kind_word: "dead",
            day_word: Some("Friday"),
            place_word: "400",
        },
    );
    casualties.figures.deaths = Some(Box::new(Figure {
        value: 400,
        qualifier: "more than".into(),
        text: "more than 400 dead".into(),
        running_total: true,
    }));
    casualties.places.clear();
    casualties.places.push("atlas:nagorno-karabakh".into());
    let events = vec![
        event(
            "shusha",
            EventKind::Shelling,
            date(10, 8),
            Certainty::Explicit,
            "geonames:147105",
            Told {
                article: &telegraph,
                sentence: SHUSHA_SENTENCE,
                kind_word: "shelled",
                day_word: Some("On Thursday"),
                place_word: "Shusha",
            },
        ),
        event(
            "barda",
            EventKind::Shelling,
            date(10, 9),
            Certainty::Implicit,
            "geonames:587057",
            Told {
                article: &telegraph,
                sentence: barda,
                kind_word: "shelling",
                day_word: None,
                place_word: "Barda",
            },
        ),
        event(
            "moscow",
            EventKind::Diplomacy,
            date(10, 9),
            Certainty::Explicit,
            "geonames:524901",
            Told {
                article: &quebec,
                sentence: moscow,
                kind_word: "meeting",
                day_word: Some("Friday"),
                place_word: "Moscow",
            },
        ),
        casualties,
    ];
    let mut atlas = Atlas::from_parts(
        vec![telegraph, quebec],
        Vec::new(),
        events,
        Arc::new(Gazetteer::default()),
    );
    for p in [
        place(
            "geonames:147105",
            "Shusha",
            PlaceKind::Town,
            "AZ",
            39.760,
            46.750,
        ),
        place(
            "geonames:587057",
            "Barda",
            PlaceKind::Town,
            "AZ",
            40.376,
            47.126,
        ),
        place(
            "geonames:524901",
            "Moscow",
            PlaceKind::Capital,
            "RU",
            55.752,
            37.616,
        ),
        place(
            "atlas:nagorno-karabakh",
            "Nagorno-Karabakh",
            PlaceKind::Region,
            "",
            39.9,
            46.7,
        ),
    ] {
        atlas.places.insert(p.id.clone(), p);
    }
    atlas
}

fn harness(size: [f32; 2]) -> Harness<'static, AtlasApp> {
    harness_over(seed_atlas(), size)
}

fn harness_over(atlas: Atlas, size: [f32; 2]) -> Harness<'static, AtlasApp> {
    let app = AtlasApp::new(
        atlas,
        Basemap::load(&root().join("data")),
        Startup::default(),
    );
    let mut harness = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut AtlasApp| app.show(ui), app);
    harness.run();
    harness
}

#[test]
fn opens_on_the_first_day_with_the_date_in_words_at_both_sizes() {
    for size in [[1280.0, 720.0], [1920.0, 1080.0]] {
        let harness = harness(size);
        assert_eq!(harness.state().state.day, date(10, 8));
        harness.get_by_label_contains("Thursday 8 October 2020 — day 12 of the war");
        // The day's one event is listed under its kind.
        harness.get_by_label("Shelling (1)");
    }
}

#[test]
fn moving_the_slider_changes_the_day_and_the_events() {
    let mut harness = harness([1280.0, 720.0]);
    harness
        .get_by_role_and_label(Role::Slider, "day")
        .set_value_accesskit(1.0);
    harness.run();
    assert_eq!(harness.state().state.day, date(10, 9));
    harness.get_by_label_contains("Friday 9 October 2020 — day 13 of the war");
    // Barda's shelling, Moscow's talks and the toll are that day's events.
    let kinds: Vec<EventKind> = harness
        .state()
        .scene()
        .groups
        .iter()
        .map(|g| g.kind)
        .collect();
    assert!(
        kinds.contains(&EventKind::Diplomacy) && kinds.contains(&EventKind::Shelling),
        "{kinds:?}"
    );
    harness.get_by_label("Diplomacy (1)");
}

#[test]
fn arrow_keys_step_and_home_end_jump_within_the_span() {
    let mut harness = harness([1280.0, 720.0]);
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().state.day, date(10, 9));
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert_eq!(
        harness.state().state.day,
        date(10, 9),
        "the last day is the end of the span"
    );
    harness.key_press(egui::Key::Home);
    harness.run();
    assert_eq!(harness.state().state.day, date(10, 8));
    harness.key_press(egui::Key::End);
    harness.run();
    assert_eq!(harness.state().state.day, date(10, 9));
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().state.day, date(10, 8));
}

#[test]
fn space_plays_and_pauses() {
    let mut harness = harness([1280.0, 720.0]);
    harness.key_press(egui::Key::Space);
    harness.step();
    assert!(harness.state().state.playing);
    harness.key_press(egui::Key::Space);
    harness.step();
    assert!(!harness.state().state.playing);
}

#[test]
fn unticking_a_kind_hides_its_events() {
    let mut harness = harness([1280.0, 720.0]);
    harness.get_by_label("Filters").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "Shelling")
        .click();
    harness.run();
    let app = harness.state();
    assert!(!app.state.filter.kinds[0]);
    assert!(
        app.scene()
            .groups
            .iter()
            .all(|g| g.kind != EventKind::Shelling)
    );
    assert!(harness.query_by_label("Shelling (1)").is_none());
}

#[test]
fn selecting_an_event_shows_its_quote_and_why() {
    let mut harness = harness([1280.0, 720.0]);
    harness.get_by_label("Shusha · 1 source").click();
    harness.run();
    let selected = harness
        .state()
        .state
        .selected
        .expect("an event is selected");
    assert_eq!(
        harness
            .state()
            .atlas()
            .map(|a| a.events[selected].id.as_str()),
        Some("shusha")
    );
    // The sentence is shown inside its article's text, with the reasons for day and place.
    harness.get_by_label_contains("a historic cathedral in the town of Shusha");
    harness.get_by_label("'On Thursday' before the publication day");
    harness.get_by_label("'Shusha' in the gazetteer");
    // The correction tools wait closed below the event, one click away.
    assert!(harness.query_by_label("Set day").is_none());
    harness.get_by_label("Correct this event").click();
    harness.run();
    harness.get_by_label("Set day");
    // Opened once, they stay open for the next event chosen.
    harness.get_by_label("clear").click();
    harness.run();
    assert!(harness.query_by_label("Set day").is_none());
    harness.get_by_label("Shusha · 1 source").click();
    harness.run();
    harness.get_by_label("Set day");
    // The article view opens on the whole text.
    harness.get_by_label("open article").click();
    harness.run();
    assert_eq!(
        harness.state().state.article.as_deref(),
        Some("000_3ffde59c5c20d985.txt")
    );
    harness.get_by_label_contains("Hopes were rising for a truce last night");
}

#[test]
fn an_event_told_by_many_articles_shows_its_sources_a_few_at_a_time() {
    let mut atlas = seed_atlas();
    let shusha = atlas
        .events
        .iter()
        .position(|e| e.id == "shusha")
        .expect("the Shusha event");
    // As if 36 articles of a year of news had told it: each a source naming its own article.
    let told = atlas.events[shusha].sources[0].clone();
    // Only the sources change: the day index built with the Atlas stays right.
    Arc::make_mut(&mut atlas.events)[shusha].sources = (1..=36)
        .map(|n| Source {
            article: format!("dispatch-{n:02}.txt"),
            why_day: format!("'On Thursday' in dispatch {n}"),
            ..told.clone()
        })
        .collect();
    let mut harness = harness_over(atlas, [1280.0, 900.0]);
    harness.get_by_label("Shusha · 36 sources").click();
    harness.run();
    harness.get_by_label("36 sources");
    // The reports to split off are folded until asked for, inside the correction tools.
    assert_eq!(harness.query_all_by_label("split off").count(), 0);
    harness.get_by_label("Correct this event").click();
    harness.run();
    harness
        .get_by_label("Not the same happening:")
        .click_accesskit();
    harness.run();
    assert_eq!(harness.query_all_by_label("split off").count(), 36);
    harness.get_by_label("'On Thursday' in dispatch 10");
    assert!(
        harness
            .query_by_label("'On Thursday' in dispatch 11")
            .is_none()
    );
    // Below the fold: the button is pressed as a screen reader would.
    harness
        .get_by_label("show 25 more sources (of 26 not shown)")
        .click_accesskit();
    harness.run();
    harness.get_by_label("'On Thursday' in dispatch 35");
    assert!(
        harness
            .query_by_label("'On Thursday' in dispatch 36")
            .is_none()
    );
    harness
        .get_by_label("show 1 more source (of 1 not shown)")
        .click_accesskit();
    harness.run();
    harness.get_by_label("'On Thursday' in dispatch 36");
    assert!(harness.query_by_label_contains("more source").is_none());
}

#[test]
fn clicking_a_marker_selects_its_event_and_hovering_names_it() {
    let mut harness = harness([1280.0, 720.0]);
    let app = harness.state();
    let shusha = app
        .scene()
        .groups
        .iter()
        .position(|g| &*g.name == "Shusha")
        .expect("Shusha has a marker");
    let (_, at) = *app
        .marker_positions()
        .iter()
        .find(|(g, _)| *g == shusha)
        .expect("the marker is on screen");
    harness.hover_at(at);
    harness.run();
    assert_eq!(harness.state().hovered_group(), Some(shusha));
    harness.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    harness.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
    let selected = harness
        .state()
        .state
        .selected
        .expect("the click selected an event");
    assert_eq!(
        harness
            .state()
            .atlas()
            .map(|a| a.events[selected].id.as_str()),
        Some("shusha")
    );
}

#[test]
fn fit_the_front_zooms_to_the_shown_events() {
    let mut harness = harness([1280.0, 720.0]);
    let before: Vec<egui::Pos2> = harness
        .state()
        .marker_positions()
        .iter()
        .map(|(_, p)| *p)
        .collect();
    harness.get_by_label("Fit the front").click();
    harness.run();
    // One event on the first day: the view centres on it, so its marker moves to the map's middle.
    let after: Vec<egui::Pos2> = harness
        .state()
        .marker_positions()
        .iter()
        .map(|(_, p)| *p)
        .collect();
    assert_eq!(after.len(), 1);
    assert_ne!(before, after);
    let map_centre_x = (1280.0 - 380.0) / 2.0;
    assert!((after[0].x - map_centre_x).abs() < 80.0, "{after:?}");
}

#[test]
fn the_plus_and_minus_keys_zoom_the_map() {
    let mut harness = harness([1280.0, 720.0]);
    harness.key_press(egui::Key::End);
    harness.run();
    let spread = |harness: &Harness<'static, AtlasApp>| {
        let app = harness.state();
        let near: Vec<egui::Pos2> = app
            .marker_positions()
            .iter()
            .filter(|(g, _)| !app.scene().groups[*g].far)
            .map(|(_, p)| *p)
            .collect();
        assert!(near.len() >= 2, "{near:?}");
        near[0].distance(near[1])
    };
    let before = spread(&harness);
    harness.key_press(egui::Key::Plus);
    harness.run();
    let zoomed = spread(&harness);
    assert!(
        (zoomed / before - 1.25).abs() < 0.05,
        "{before} -> {zoomed}"
    );
    harness.key_press(egui::Key::Minus);
    harness.run();
    assert!((spread(&harness) - before).abs() < 1.0);
}

#[test]
fn the_map_is_painted_anew_only_when_the_day_or_the_view_change() {
    let mut harness = harness([1280.0, 720.0]);
    let builds = harness.state().map_layer_builds();
    let drawn = harness.state().marker_positions().to_vec();
    assert!(!drawn.is_empty());
    for _ in 0..3 {
        harness.step();
    }
    assert_eq!(harness.state().map_layer_builds(), builds, "steady frames");
    assert_eq!(harness.state().marker_positions(), drawn.as_slice());

    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let after_day = harness.state().map_layer_builds();
    assert!(after_day > builds, "a new day repaints the markers");
    assert_ne!(harness.state().marker_positions(), drawn.as_slice());

    harness.key_press(egui::Key::Plus);
    harness.run();
    let after_zoom = harness.state().map_layer_builds();
    assert!(after_zoom > after_day, "a zoom too");

    // New fonts rebuild egui's font atlas: the map's text must be laid out again, or its glyphs
    // would point at the wrong places of the new atlas.
    harness.ctx.add_font(egui::FontInsert::new(
        "another fallback",
        egui::FontData::from_static(include_bytes!("../assets/fonts/DejaVuSans.ttf")),
        vec![egui::InsertFontFamily {
            family: egui::FontFamily::Proportional,
            priority: egui::FontPriority::Lowest,
        }],
    ));
    harness.run();
    assert!(
        harness.state().map_layer_builds() > after_zoom,
        "a new font atlas"
    );
    let settled = harness.state().map_layer_builds();
    harness.step();
    assert_eq!(harness.state().map_layer_builds(), settled);
}

/// A day's map drawn over the previous day's mesh (its basemap kept, the rest written anew) is
/// the map drawn from nothing. Run in a plain egui context, as eframe runs it: the test harness
/// keeps each frame's shapes, so its layers are never drawn over.
#[test]
fn a_day_drawn_on_the_kept_basemap_is_the_day_drawn_afresh() {
    use karabakh_atlas::app::state::Command;

    let frame = |ctx: &egui::Context, app: &mut AtlasApp| {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 720.0),
            )),
            ..Default::default()
        };
        let mut output = ctx.run_ui(input, |ui| app.show(ui));
        // No GPU here to take the font atlas's updates.
        output.textures_delta.clear();
        ctx.tessellate(output.shapes, output.pixels_per_point);
    };
    let new_app = |day| {
        let startup = Startup {
            day: Some(day),
            ..Startup::default()
        };
        let app = AtlasApp::new(seed_atlas(), Basemap::load(&root().join("data")), startup);
        let ctx = egui::Context::default();
        (ctx, app)
    };
    let settle = |ctx: &egui::Context, app: &mut AtlasApp| {
        for _ in 0..4 {
            frame(ctx, app);
        }
    };
    let (first, second) = (date(10, 8), date(10, 9));
    let (ctx, mut app) = new_app(first);
    settle(&ctx, &mut app);
    let builds = app.map_layer_builds();
    app.apply(vec![Command::Step(1)]);
    settle(&ctx, &mut app);
    let drawn_over = app.map_layer_digest();
    assert!(app.map_layer_builds() > builds, "the day changed");
    app.apply(vec![Command::Step(-1)]);
    settle(&ctx, &mut app);
    let first_drawn_over = app.map_layer_digest();

    let (ctx, mut fresh) = new_app(second);
    settle(&ctx, &mut fresh);
    assert_eq!(drawn_over, fresh.map_layer_digest());
    let (ctx, mut fresh) = new_app(first);
    settle(&ctx, &mut fresh);
    assert_eq!(first_drawn_over, fresh.map_layer_digest());
    assert_ne!(drawn_over, first_drawn_over);
}

/// On a small slide the inset (top right) would cover Baku's statements: it moves to a corner
/// that hides no marker.
#[test]
fn the_inset_gives_way_to_markers_of_the_front() {
    let startup = Startup {
        day: Some(date(10, 9)),
        presentation: true,
        up_to_day: true,
        ..Startup::default()
    };
    let atlas = Atlas::from_dir(&root().join("seeds"), &root().join("data"))
        .expect("the seeds and data ship with the project");
    let app = AtlasApp::new(atlas, Basemap::load(&root().join("data")), startup);
    let mut harness = Harness::builder()
        .with_size([1280.0, 720.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.show(ui), app);
    harness.run();
    let app = harness.state();
    let drawn: Vec<&str> = app
        .marker_positions()
        .iter()
        .map(|(g, _)| &*app.scene().groups[*g].name)
        .collect();
    assert!(drawn.contains(&"Baku"), "{drawn:?}");
}

#[test]
fn the_place_search_keeps_only_events_at_matching_places() {
    let mut harness = harness([1280.0, 720.0]);
    harness.get_by_label("up to this day").click();
    harness.run();
    harness.key_press(egui::Key::End);
    harness.run();
    assert!(harness.state().scene().groups.len() >= 3);
    harness.get_by_role(Role::TextInput).click();
    harness.run();
    harness.get_by_role(Role::TextInput).type_text("bar");
    harness.run();
    // Arrow keys move the text cursor, not the day, while the search box has the focus.
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().state.day, date(10, 9));
    let names: Vec<&str> = harness
        .state()
        .scene()
        .groups
        .iter()
        .map(|g| &*g.name)
        .collect();
    assert_eq!(names, ["Barda"]);
}

#[test]
fn presentation_mode_hides_the_side_panel_and_f11_leaves_it() {
    let mut harness = harness([1920.0, 1080.0]);
    assert!(harness.query_by_label("Filters").is_some());
    harness.get_by_label("Presentation").click();
    harness.run();
    assert!(harness.state().state.presentation);
    assert!(harness.query_by_label("Filters").is_none());
    harness.get_by_label("Leave");
    harness.key_press(egui::Key::F11);
    harness.run();
    assert!(!harness.state().state.presentation);
    assert!(harness.query_by_label("Filters").is_some());
}

#[test]
fn far_places_go_to_the_inset_and_the_toll_line_has_the_report() {
    let mut harness = harness([1280.0, 720.0]);
    harness.key_press(egui::Key::End);
    harness.run();
    let scene = harness.state().scene();
    let moscow = scene
        .groups
        .iter()
        .find(|g| &*g.name == "Moscow")
        .expect("Moscow has a marker");
    assert!(moscow.far);
    let barda = scene
        .groups
        .iter()
        .find(|g| &*g.name == "Barda")
        .expect("Barda has a marker");
    assert!(!barda.far);
    assert!(barda.hollow, "an implied day is drawn hollow");
    assert_eq!(scene.tolls.len(), 1);
    assert_eq!(scene.tolls[0].deaths, 400);
}

#[test]
fn a_toll_of_the_region_is_marked_area_wide_and_called_a_running_total() {
    let mut harness = harness([1280.0, 720.0]);
    harness.key_press(egui::Key::End);
    harness.run();
    let scene = harness.state().scene();
    let toll = scene
        .groups
        .iter()
        .find(|g| g.kind == EventKind::Casualties)
        .expect("the toll has a marker");
    // Placed in the whole region, not at a town: the marker carries the dashed ring.
    assert!(toll.area_wide);
    assert!(
        scene
            .groups
            .iter()
            .filter(|g| &*g.name != "Nagorno-Karabakh")
            .all(|g| !g.area_wide)
    );
    harness.get_by_label("Nagorno-Karabakh · 1 source").click();
    harness.run();
    harness.get_by_label_contains("400 dead (running total of the war)");
}

#[test]
fn up_to_this_day_keeps_earlier_events() {
    let mut harness = harness([1280.0, 720.0]);
    harness.key_press(egui::Key::End);
    harness.run();
    assert!(
        harness
            .state()
            .scene()
            .groups
            .iter()
            .all(|g| &*g.name != "Shusha")
    );
    harness.get_by_label("up to this day").click();
    harness.run();
    assert!(
        harness
            .state()
            .scene()
            .groups
            .iter()
            .any(|g| &*g.name == "Shusha")
    );
}

#[test]
fn missing_map_data_is_reported_not_fatal() {
    let empty = tempfile::tempdir().expect("temp dir");
    let basemap = Basemap::load(Path::new(empty.path()));
    assert!(!basemap.problems.is_empty());
    let app = AtlasApp::new(seed_atlas(), basemap, Startup::default());
    let mut harness = Harness::builder()
        .with_size([1280.0, 720.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.show(ui), app);
    harness.run();
    harness.get_by_label("Shelling (1)");
}

/// The window on the seed articles through the whole pipeline.
fn seeds_harness(size: [f32; 2]) -> Harness<'static, AtlasApp> {
    let atlas = Atlas::from_dir(&root().join("seeds"), &root().join("data"))
        .expect("the seeds and data ship with the project");
    harness_over(atlas, size)
}

fn click_at(harness: &mut Harness<'static, AtlasApp>, at: egui::Pos2) {
    harness.hover_at(at);
    harness.run();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run();
}

#[test]
fn on_the_seeds_every_day_steps_and_every_marker_opens_its_sentence() {
    let mut harness = seeds_harness([1280.0, 720.0]);
    let (first, last) = harness
        .state()
        .atlas()
        .and_then(Atlas::day_span)
        .expect("the seeds have dated events");
    assert_eq!(harness.state().state.day, first);
    let mut days = 0;
    let mut clicked = 0;
    loop {
        let day = harness.state().state.day;
        harness.get_by_label_contains(&karabakh_atlas::app::state::day_in_words(day));
        let markers: Vec<(usize, egui::Pos2)> = harness.state().marker_positions().to_vec();
        for (group, at) in markers {
            click_at(&mut harness, at);
            let app = harness.state();
            let Some(selected) = app.state.selected else {
                panic!("clicking the marker of group {group} on {day} selected nothing");
            };
            let atlas = app.atlas().expect("loaded");
            assert!(app.scene().groups[group].events.contains(selected));
            let source = &atlas.events[selected].sources[0];
            let article = atlas
                .article(&source.article)
                .expect("the source's article is loaded");
            let opening: String = article.text[source.start..source.end]
                .chars()
                .take(30)
                .collect();
            assert!(
                harness
                    .query_all_by_label_contains(opening.trim())
                    .next()
                    .is_some(),
                "the sentence starting {opening:?} is not shown for {day}"
            );
            assert_eq!(
                harness.state().state.day,
                day,
                "selecting an event of the day keeps the day"
            );
            clicked += 1;
        }
        days += 1;
        if day == last {
            break;
        }
        harness.key_press(egui::Key::ArrowRight);
        harness.run();
        assert_eq!(
            harness.state().state.day,
            day.succ_opt().expect("a next day")
        );
    }
    assert_eq!(days as i64, (last - first).num_days() + 1);
    assert!(clicked > 0, "the seeds put at least one marker on the map");
}

#[test]
fn on_the_seeds_up_to_the_last_day_shows_every_dated_event_and_the_tolls() {
    let mut harness = seeds_harness([1920.0, 1080.0]);
    harness.get_by_label("up to this day").click();
    harness.run();
    harness.key_press(egui::Key::End);
    harness.run();
    let app = harness.state();
    let atlas = app.atlas().expect("loaded");
    let dated = atlas.events.iter().filter(|e| e.day.is_some()).count();
    assert_eq!(app.scene().visible.len(), dated);
    let with_deaths = atlas
        .events
        .iter()
        .filter(|e| e.day.is_some() && e.figures.deaths.is_some())
        .count();
    assert_eq!(app.scene().tolls.len(), with_deaths);
    // Every far-away marker (Moscow, Paris, Geneva…) is drawn, in the inset, even though the
    // map shows the front.
    let drawn: Vec<usize> = app.marker_positions().iter().map(|(g, _)| *g).collect();
    for (i, group) in app.scene().groups.iter().enumerate().filter(|(_, g)| g.far) {
        assert!(drawn.contains(&i), "{} is not drawn", group.name);
    }
}

#[test]
fn the_scene_shows_exactly_what_the_atlas_query_returns() {
    use karabakh_atlas::app::scene::Scene;
    use karabakh_atlas::app::state::{Mode, ViewState};
    use karabakh_atlas::atlas::EventFilter;

    let ids: Vec<karabakh_atlas::model::PlaceId> =
        ["geonames:147105", "geonames:587057", "geonames:524901"]
            .map(karabakh_atlas::model::PlaceId::from)
            .to_vec();
    let mut events = karabakh_atlas::synthetic::events(3_000, &ids, 20, 11);
    // Some undated events and a claimant, which only the Atlas's own query can filter.
    events[5].day = None;
    events[7].claimed_by = Some("the Azerbaijani defence ministry".into());
    let mut atlas = Atlas::from_parts(
        Vec::new(),
        Vec::new(),
        events,
        Arc::new(Gazetteer::default()),
    );
    for (id, name, lat, lon) in [
        (&ids[0], "Shusha", 39.76, 46.75),
        (&ids[1], "Barda", 40.38, 47.13),
        (&ids[2], "Moscow", 55.75, 37.62),
    ] {
        atlas
            .places
            .insert(id.clone(), place(id, name, PlaceKind::Town, "AZ", lat, lon));
    }
    let (first, last) = atlas.day_span().expect("dated events");
    let mut no_shelling = EventFilter::default();
    no_shelling.kinds[0] = false;
    let only_implicit = EventFilter {
        explicit: false,
        ..EventFilter::default()
    };
    let claimed = EventFilter {
        claimant: Some("defence".into()),
        ..EventFilter::default()
    };
    let searched = EventFilter {
        place_query: "bar".into(),
        ..EventFilter::default()
    };
    let mut scene = Scene::default();
    for filter in [
        EventFilter::default(),
        no_shelling,
        only_implicit,
        claimed,
        searched,
    ] {
        for mode in [Mode::ThisDay, Mode::UpToDay] {
            let mut day = first;
            while day <= last {
                let mut state = ViewState::new(Some((first, last)));
                state.day = day;
                state.mode = mode;
                state.filter = filter.clone();
                scene.refresh(&atlas, &state);
                assert_eq!(
                    scene.visible,
                    atlas.query(state.window(), &filter),
                    "{day} {mode:?} {filter:?}"
                );
                let grouped: usize = scene.groups.iter().map(|g| g.events.len()).sum();
                assert_eq!(grouped, scene.visible.len());
                day = day.succ_opt().expect("next day");
            }
        }
    }
}

#[test]
fn a_crowded_day_lists_a_dozen_events_per_kind_and_more_on_request() {
    let crowded_day = || {
        let ids: Vec<karabakh_atlas::model::PlaceId> = ["geonames:147105", "geonames:587057"]
            .map(karabakh_atlas::model::PlaceId::from)
            .to_vec();
        let mut atlas = Atlas::from_parts(
            Vec::new(),
            Vec::new(),
            karabakh_atlas::synthetic::events(600, &ids, 1, 3),
            Arc::new(Gazetteer::default()),
        );
        for (id, name, lat, lon) in [
            (&ids[0], "Shusha", 39.76, 46.75),
            (&ids[1], "Barda", 40.38, 47.13),
        ] {
            atlas
                .places
                .insert(id.clone(), place(id, name, PlaceKind::Town, "AZ", lat, lon));
        }
        atlas
    };
    let rows = |harness: &Harness<'static, AtlasApp>| {
        harness
            .query_all_by_label_contains(" source")
            .filter(|node| node.accesskit_node().role() == Role::Button)
            .count()
    };
    // On a screen of usual height, rows scrolled out of sight are not laid out.
    let harness = harness_over(crowded_day(), [1920.0, 1080.0]);
    let in_sight = rows(&harness);
    assert!((10..12 * 5).contains(&in_sight), "{in_sight} rows laid out");
    drop(harness);

    // A window tall enough for the whole list.
    let mut harness = harness_over(crowded_day(), [1920.0, 3600.0]);
    let shelling = harness.state().scene().by_kind[0].len();
    assert!(shelling > 60, "{shelling} shelling events");
    let listed = rows(&harness);
    assert_eq!(listed, 12 * 5, "a dozen per kind");
    harness.get_by_label_contains(&format!("… and {} more", shelling - 12));
    harness
        .query_all_by_label("show 40 more")
        .next()
        .expect("a button under each long kind")
        .click();
    harness.run();
    assert_eq!(rows(&harness), 12 * 5 + 40);
    harness.get_by_label_contains(&format!("… and {} more", shelling - 52));
}

#[test]
fn a_crowded_map_gathers_close_places_into_bubbles_that_zoom_in() {
    let gazetteer = Arc::new(Gazetteer::load(&root().join("data")).expect("the shipped gazetteer"));
    let places = karabakh_atlas::synthetic::front_places(&gazetteer);
    assert!(places.len() > 500, "{} places", places.len());
    let events = karabakh_atlas::synthetic::events(5_000, &places, 1, 5);
    let atlas = Atlas::from_parts(Vec::new(), Vec::new(), events, gazetteer);
    let mut harness = harness_over(atlas, [1920.0, 1080.0]);
    let bubbles = harness.state().map_bubbles();
    assert!(
        !bubbles.is_empty(),
        "hundreds of places in view make bubbles"
    );
    assert!(bubbles.iter().all(|(_, places)| *places >= 2));
    // Markers left alone stay at (or fanned closely around) their place: no rings across the map.
    let app = harness.state();
    let groups_drawn = app.marker_positions().len();
    assert!(groups_drawn > 100, "{groups_drawn} markers drawn");

    // The biggest bubble names its places when hovered, and a click zooms in on them.
    let (at, places) = *bubbles
        .iter()
        .max_by_key(|(_, places)| *places)
        .expect("a bubble");
    harness.hover_at(at);
    harness.run();
    assert!(harness.state().hovered_bubble().is_some());
    harness.get_by_label_contains(&format!("{places} places"));
    click_at(&mut harness, at);
    harness.run();
    let after = harness.state().map_bubbles();
    assert!(
        after.len() < bubbles.len(),
        "zoomed in: {} bubbles, before {}",
        after.len(),
        bubbles.len()
    );
}
