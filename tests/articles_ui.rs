//! The reader's own articles and corrections, driven through the window with egui_kittest: files
//! dropped on the window are read in the background and appear in the Articles list and on the
//! map; a publication date set in the list moves the article's events; an event moved to another
//! gazetteer candidate changes place and the move is saved in corrections.json.
//!
//! Every test works on copies in a temporary folder, with the project's real data (gazetteer,
//! lexicon) and real extraction.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use karabakh_atlas::app::state::Command;
use karabakh_atlas::app::{AtlasApp, Startup};
use karabakh_atlas::model::Event;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, m, d).expect("valid date")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("the temporary folder is writable");
    path
}

/// A file dropped on the window, as the platform hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// The window on the articles of `dir`, once the background load is done.
fn window_on(dir: &Path) -> Harness<'static, AtlasApp> {
    let app = AtlasApp::load_in_background(
        dir.to_path_buf(),
        root().join("data"),
        Vec::new(),
        Startup::default(),
    );
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.show(ui), app);
    settle(&mut harness, |app| app.atlas().is_some());
    harness
}

/// Step frames until `done` (background threads need wall time), at most 30 s.
fn settle(harness: &mut Harness<'static, AtlasApp>, done: impl Fn(&AtlasApp) -> bool) {
    let started = Instant::now();
    while !done(harness.state()) {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the background work did not finish"
        );
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    harness.step();
}

fn events_of<'a>(app: &'a AtlasApp, article: &'a str) -> impl Iterator<Item = &'a Event> + 'a {
    app.atlas()
        .into_iter()
        .flat_map(|a| a.events.iter())
        .filter(move |e| e.sources.iter().any(|s| s.article == article))
}

const BARDA: &str =
    "Shelling hit the town of Barda, killing four civilians, officials in Baku said.\n";

#[test]
fn dropped_articles_are_read_in_the_background_listed_and_mapped() {
    let library = tempfile::tempdir().expect("temporary folder");
    let elsewhere = tempfile::tempdir().expect("temporary folder");
    let seed = "000_3ffde59c5c20d985.txt";
    std::fs::copy(root().join("seeds").join(seed), library.path().join(seed)).expect("seed copied");
    let mut harness = window_on(library.path());
    assert_eq!(harness.state().atlas().map(|a| a.articles.len()), Some(1));

    let dropped_seed = "001_68aaef0c7d5ee802.txt";
    let added = elsewhere.path().join(dropped_seed);
    std::fs::copy(root().join("seeds").join(dropped_seed), &added).expect("seed copied");
    let empty = write(elsewhere.path(), "empty.txt", "  \n");
    // The same text under another name: not read twice.
    let again = elsewhere.path().join("copy-of-000.txt");
    std::fs::copy(library.path().join(seed), &again).expect("seed copied");
    for path in [&added, &empty, &again] {
        harness
            .input_mut()
            .dropped_files
            .push(Arc::new(Dropped(path.clone())));
    }
    harness.step();
    assert!(
        harness.state().workbench.busy(),
        "reading runs off the window's thread"
    );
    settle(&mut harness, |app| !app.workbench.busy());

    let app = harness.state();
    let atlas = app.atlas().expect("loaded");
    let names: Vec<&str> = atlas.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(names, [seed, dropped_seed], "the copy is not read twice");
    assert!(
        atlas
            .failures
            .iter()
            .any(|f| f.path == empty && f.reason.contains("empty")),
        "{:?}",
        atlas.failures
    );
    let status = app.state.status.clone().unwrap_or_default();
    assert!(status.contains("1 article added"), "{status}");
    assert!(status.contains("1 already loaded"), "{status}");

    // Its events are on the map on their day.
    let day = events_of(app, dropped_seed)
        .find_map(|e| e.day.filter(|_| !e.places.is_empty()))
        .expect("the dropped article gives a dated, placed event");
    harness
        .state_mut()
        .apply(vec![karabakh_atlas::app::state::Command::SetDay(day)]);
    harness.run_steps(2);
    let app = harness.state();
    let atlas = app.atlas().expect("loaded");
    assert!(
        app.scene()
            .groups
            .iter()
            .any(|g| g.events.iter().any(|i| atlas.events[i]
                .sources
                .iter()
                .any(|s| s.article == dropped_seed))),
        "a marker shows the dropped article's event on {day}"
    );

    // The Articles list names both articles and the bad file with its reason.
    harness.get_by_label_contains("Articles (2").click();
    harness.run_steps(2);
    harness.get_by_label(dropped_seed);
    harness.get_by_label("empty.txt");
    harness.get_by_label_contains("is empty");
}

#[test]
fn a_date_set_in_the_articles_list_moves_the_articles_events() {
    let library = tempfile::tempdir().expect("temporary folder");
    write(library.path(), "barda.txt", BARDA);
    let mut harness = window_on(library.path());
    // Without a publication date the shelling has no day.
    assert!(
        events_of(harness.state(), "barda.txt").all(|e| e.day.is_none()),
        "no date, no day"
    );
    harness.state_mut().workbench.articles.open = true;
    harness.run_steps(2);
    harness.get_by_label_contains("No publication date found");

    for day in [date(10, 8), date(10, 12)] {
        let field = harness.get_by_role_and_label(Role::TextInput, "Publication date:");
        field.focus();
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        harness
            .get_by_role_and_label(Role::TextInput, "Publication date:")
            .type_text(&day.to_string());
        harness.run_steps(1);
        harness.get_by_label("Set date").click();
        harness.run_steps(3);
        let app = harness.state();
        let days: Vec<Option<NaiveDate>> = events_of(app, "barda.txt").map(|e| e.day).collect();
        assert!(!days.is_empty(), "the shelling is still extracted");
        assert!(
            days.iter().all(|d| *d == Some(day)),
            "{days:?} should be {day}"
        );
        assert_eq!(app.state.day, day, "the view follows to the new day");
        let saved = std::fs::read_to_string(library.path().join("corrections.json"))
            .expect("the date is saved next to the articles");
        assert!(saved.contains(&day.to_string()), "{saved}");
    }
}

#[test]
fn moving_an_event_to_another_candidate_changes_its_place_and_is_saved() {
    let library = tempfile::tempdir().expect("temporary folder");
    write(
        library.path(),
        "armavir.txt",
        "Published on 2020-10-05.\nShelling hit the town of Armavir on Sunday, damaging homes, local officials said.\n",
    );
    let mut harness = window_on(library.path());
    let (index, current, other) = {
        let app = harness.state();
        let atlas = app.atlas().expect("loaded");
        let index = atlas
            .events
            .iter()
            .position(|e| !e.places.is_empty())
            .expect("the shelling is placed");
        let event = &atlas.events[index];
        let armavir = atlas.article("armavir.txt").expect("armavir.txt is loaded");
        let mentions = atlas.mentions_of(armavir);
        let mention = mentions
            .iter()
            .find(|m| m.text == "Armavir")
            .expect("Armavir is found");
        assert!(mention.candidates.len() >= 2, "{:?}", mention.candidates);
        let other = mention
            .candidates
            .iter()
            .find(|c| !event.places.contains(&c.place))
            .expect("another candidate")
            .place
            .clone();
        (index, event.places[0].clone(), other)
    };
    harness
        .state_mut()
        .apply(vec![karabakh_atlas::app::state::Command::Select(Some(
            index,
        ))]);
    harness.run_steps(2);
    // The correction tools open on request.
    harness.get_by_label("Correct this event").click();
    harness.run_steps(2);
    let title = {
        let place = harness
            .state()
            .atlas()
            .and_then(|a| a.place(&other))
            .cloned()
            .expect("the candidate is in the gazetteer");
        format!(
            "{} ({}, {})",
            place.name,
            format!("{:?}", place.kind).to_lowercase(),
            place.country
        )
    };
    harness.get_by_label(&title).click_accesskit();
    harness.run_steps(3);

    let app = harness.state();
    let atlas = app.atlas().expect("loaded");
    let selected = app.state.selected.expect("the moved event stays selected");
    let moved = &atlas.events[selected];
    assert_eq!(moved.places, std::slice::from_ref(&other));
    let note = moved.correction.as_ref().expect("marked as corrected");
    assert_eq!(
        note.original_places,
        std::slice::from_ref(&current),
        "the original is kept"
    );
    assert!(
        app.scene()
            .groups
            .iter()
            .any(|g| *g.place == *other && g.corrected),
        "the marker moved and carries the corrected mark"
    );
    harness.get_by_label_contains("corrected: was shelling");
    let saved = std::fs::read_to_string(library.path().join("corrections.json"))
        .expect("the move is saved next to the articles");
    let json: serde_json::Value = serde_json::from_str(&saved).expect("valid JSON");
    let correction = &json["corrections"][0];
    assert_eq!(correction["action"], "move");
    assert_eq!(correction["to"], &*other);
    assert_eq!(correction["article_file"], "armavir.txt");

    // Undo (Ctrl+Z) takes it back and saves.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    let app = harness.state();
    let atlas = app.atlas().expect("loaded");
    assert!(atlas.events.iter().any(|e| e.places == [current.clone()]));
    let saved =
        std::fs::read_to_string(library.path().join("corrections.json")).expect("still there");
    assert!(!saved.contains("\"move\""), "{saved}");
}

#[test]
fn a_long_articles_list_is_shown_a_page_at_a_time() {
    let library = tempfile::tempdir().expect("temporary folder");
    // 57 dated dispatches and 3 whose date is only inferred from the text (each text differs:
    // a file whose text is already loaded is not read twice).
    for n in 1..=57 {
        write(
            library.path(),
            &format!("dispatch-{n:03}.txt"),
            &format!(
                "date 2020-10-{:02}\nShelling hit Tartar overnight, bulletin {n} said.\n",
                1 + n % 28
            ),
        );
    }
    for n in 1..=3 {
        write(
            library.path(),
            &format!("undated-{n}.txt"),
            &format!("Rockets struck Ganja on Sunday, October 4, bulletin {n} said.\n"),
        );
    }
    let mut harness = window_on(library.path());
    harness.state_mut().workbench.articles.open = true;
    harness.run_steps(2);

    // The first page: 50 rows, the next ones a click away.
    harness.get_by_label("articles 1–50 of 60");
    harness.get_by_label("dispatch-050.txt");
    assert!(harness.query_by_label("dispatch-051.txt").is_none());
    harness.get_by_label("Next ▶").click();
    harness.run_steps(2);
    harness.get_by_label("articles 51–60 of 60");
    harness.get_by_label("dispatch-051.txt");
    harness.get_by_label("undated-3.txt");
    assert!(harness.query_by_label("dispatch-050.txt").is_none());

    // Only the dates to check: the three inferred ones, on one page again.
    harness.get_by_label("only dates to check").click();
    harness.run_steps(2);
    harness.get_by_label("3 of 60 articles");
    for n in 1..=3 {
        harness.get_by_label(&format!("undated-{n}.txt"));
    }
    assert!(harness.query_by_label("dispatch-051.txt").is_none());
}

#[test]
fn a_long_article_is_shown_around_the_selected_sentence() {
    let library = tempfile::tempdir().expect("temporary folder");
    // A long report: seventy paragraphs of background, then the one the test selects.
    let mut text = String::from("date 2020-10-12\n");
    for n in 1..=70 {
        text.push_str(&format!(
            "Paragraph {n} of the report recalls the talks of the past decades in some detail, \
             without naming any place or anything that happened on a day of this war. {}\n\n",
            "The mediators met again and again over the years. ".repeat(30)
        ));
    }
    text.push_str("Azerbaijani forces shelled the town of Martakert on Sunday, officials said.\n");
    write(library.path(), "report.txt", &text);
    let mut harness = window_on(library.path());
    let atlas = harness.state().atlas().expect("loaded");
    let martakert = atlas
        .events
        .iter()
        .position(|e| {
            e.sources
                .iter()
                .any(|s| s.quote.contains("shelled the town of Martakert"))
        })
        .expect("the shelling of Martakert");
    assert!(text.len() > 100_000, "{} bytes", text.len());
    harness.state_mut().apply(vec![
        Command::Select(Some(martakert)),
        Command::OpenArticle(Some("report.txt".into())),
    ]);
    harness.run_steps(3);
    harness.get_by_label_contains("A long text: bytes");
    // The article view holds the paragraphs just before the sentence, and the sentence.
    let shown = harness.get_by_label_contains("Paragraph 70 of the report");
    assert!(
        format!("{shown:?}").contains("shelled the town of Martakert"),
        "the selected sentence is not in the shown part"
    );
    // The opening paragraphs, far from the sentence, are not laid out.
    assert!(
        harness
            .query_by_label_contains("Paragraph 1 of the report")
            .is_none()
    );
}

/// While the articles load, the window repaints a few times a second, not without pause (a
/// window that repaints at once after every frame takes a core from the reading: 5 000 articles
/// took twice as long to open), and the end of the load wakes it at once.
#[test]
fn the_loading_window_waits_for_the_reading_instead_of_repainting_without_pause() {
    let mut app = AtlasApp::load_in_background(
        root().join("seeds"),
        root().join("data"),
        Vec::new(),
        Startup::default(),
    );
    let ctx = egui::Context::default();
    let requested: Arc<std::sync::Mutex<Vec<Duration>>> = Arc::default();
    let seen = Arc::clone(&requested);
    ctx.set_request_repaint_callback(move |info| {
        if let Ok(mut delays) = seen.lock() {
            delays.push(info.delay);
        }
    });
    // One frame; its textures are dropped as a painter would take them. Returns how soon the
    // window asks to be painted again.
    let frame = |app: &mut AtlasApp| {
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| app.show(ui));
        output.textures_delta.clear();
        output.viewport_output[&egui::ViewportId::ROOT].repaint_delay
    };
    // The first frames settle fonts and sizes; then the window only waits.
    let mut delay = frame(&mut app);
    for _ in 0..2 {
        delay = frame(&mut app);
    }
    assert!(
        app.atlas().is_none(),
        "the seeds loaded within the first frame"
    );
    assert!(
        delay >= Duration::from_millis(100),
        "the loading window asks to be repainted after {delay:?}"
    );
    if let Ok(mut delays) = requested.lock() {
        delays.clear();
    }
    let started = Instant::now();
    while !requested
        .lock()
        .is_ok_and(|delays| delays.contains(&Duration::ZERO))
    {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the end of the load did not wake the window"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    frame(&mut app);
    assert!(app.atlas().is_some(), "the woken window shows the atlas");
}
