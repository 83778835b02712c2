//! Corrections: keys that survive re-extraction, every edit, orphans, the file, atomic saving,
//! undo and redo. Events are built by hand from sentences of the seed articles.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use karabakh_atlas::atlas::Atlas;
use karabakh_atlas::corrections::{
    self, Change, Correction, CorrectionLog, Corrections, CorrectionsError, Edit, EventKey,
    SaveStage, SourceKey,
};
use karabakh_atlas::model::{
    Article, Certainty, DateSource, Event, EventKind, Figure, Figures, PlaceId, Source, Status,
};
use sha2::{Digest, Sha256};

const SHUSHA: &str = "geonames:147105";
const STEPANAKERT: &str = "geonames:146970";
const BARDA: &str = "geonames:587057";
const MOSCOW: &str = "geonames:524901";
const TERTER: &str = "geonames:584871";

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn seed(file: &str) -> Article {
    let path = seeds_dir().join(file);
    let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let text =
        String::from_utf8(bytes.clone()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Article {
        id: file.to_string(),
        path,
        text,
        hash: sha256_hex(&bytes),
        published: None,
        note: None,
    }
}

fn articles() -> Vec<Article> {
    [
        "000_3ffde59c5c20d985.txt",
        "001_68aaef0c7d5ee802.txt",
        "003_f6bb23693e27c5f2.txt",
    ]
    .into_iter()
    .map(seed)
    .collect()
}

/// The source of `sentence` (the start of a sentence, up to its full stop) in `article`.
fn source(article: &Article, sentence_start: &str) -> Source {
    let start = article
        .text
        .find(sentence_start)
        .unwrap_or_else(|| panic!("{} does not contain {sentence_start:?}", article.id));
    let rest = &article.text[start..];
    let end = start
        + rest
            .find(". ")
            .or_else(|| rest.find(".\n"))
            .map_or(rest.len(), |i| i + 1);
    Source {
        article: article.id.clone(),
        start,
        end,
        quote: article.text[start..end].to_string(),
        kind_words: Vec::new(),
        day_words: None,
        place_words: Vec::new(),
        why_day: String::new(),
        why_place: String::new(),
        claimed_by: None,
        denied: false,
        figures: Figures::default(),
    }
}

fn day(text: &str) -> Option<NaiveDate> {
    Some(NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_else(|e| panic!("{text}: {e}")))
}

fn event(
    id: &str,
    kind: EventKind,
    on: Option<NaiveDate>,
    places: &[&str],
    sources: Vec<Source>,
) -> Event {
    Event {
        id: id.to_string(),
        day: on,
        certainty: if on.is_some() {
            Certainty::Explicit
        } else {
            Certainty::Implicit
        },
        kind,
        places: places.iter().map(|&p| p.into()).collect(),
        actors: Vec::new(),
        claimed_by: None,
        figures: Figures::default(),
        status: Status::Happened,
        sources,
        correction: None,
    }
}

/// What an extractor could say about the three articles: the cathedral of Shusha told twice but
/// not merged, a sentence that gives two events, a toll, the Moscow invitation.
fn extracted(articles: &[Article]) -> Vec<Event> {
    let [a000, a001, a003] = [&articles[0], &articles[1], &articles[2]];
    let mut toll = event(
        "casualties-toll",
        EventKind::Casualties,
        day("2020-10-09"),
        &["atlas:nagorno-karabakh"],
        vec![source(a001, "The official death toll rose Friday morning")],
    );
    toll.figures.deaths = Some(Box::new(Figure {
        value: 400,
        qualifier: "more than".into(),
        text: "more than 400 dead".into(),
        running_total: true,
    }));
    toll.sources[0].figures = toll.figures.clone();
    vec![
        event(
            "shelling-barda",
            EventKind::Shelling,
            None,
            &[BARDA],
            vec![source(a000, "Devastated: A resident searches")],
        ),
        event(
            "shelling-shusha-000",
            EventKind::Shelling,
            day("2020-10-08"),
            &[SHUSHA],
            vec![source(
                a000,
                "On Thursday, a historic cathedral in the town of Shusha",
            )],
        ),
        event(
            "shelling-cathedral-001",
            EventKind::Shelling,
            day("2020-10-08"),
            &[STEPANAKERT],
            vec![source(
                a001,
                "On Thursday, an emblematic Armenian cathedral was hit twice",
            )],
        ),
        event(
            "diplomacy-moscow-000",
            EventKind::Diplomacy,
            day("2020-10-09"),
            &[MOSCOW],
            vec![source(
                a000,
                "In a tough-talking televised address to the nation yesterday",
            )],
        ),
        event(
            "fighting-aliyev-000",
            EventKind::Fighting,
            day("2020-10-09"),
            &["atlas:nagorno-karabakh"],
            vec![source(
                a000,
                "In a tough-talking televised address to the nation yesterday",
            )],
        ),
        toll,
        event(
            "diplomacy-invitation-003",
            EventKind::Diplomacy,
            day("2020-10-09"),
            &[MOSCOW],
            vec![
                source(
                    a003,
                    "Russian President Vladimir Putin invited the foreign ministers",
                ),
                source(
                    a003,
                    "\"On October 9, the foreign ministers of Azerbaijan and Armenia are invited",
                ),
            ],
        ),
        event(
            "fighting-thursday-003",
            EventKind::Fighting,
            day("2020-10-08"),
            &["atlas:nagorno-karabakh"],
            vec![source(a003, "The fighting continued on Thursday.")],
        ),
    ]
}

/// The same happenings as a better extractor would give them after the articles are read again:
/// other ids, another order, sentences cut a little differently, a place list that grew.
fn re_extracted(articles: &[Article]) -> Vec<Event> {
    let mut events = extracted(articles);
    events.reverse();
    for (n, e) in events.iter_mut().enumerate() {
        e.id = format!("v2-{n}");
        for s in &mut e.sources {
            // A splitter that keeps the photo credit with the caption, and one that trims quotes.
            if s.quote.starts_with("Devastated:") {
                s.quote.push_str(" Photo: Reuters");
            }
            s.quote = s.quote.replace('\n', " ");
        }
    }
    events
}

fn key_of(events: &[Event], id: &str, articles: &[Article]) -> EventKey {
    let event = events
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no event {id}"));
    EventKey::of(event, articles).unwrap_or_else(|| panic!("event {id} has no source"))
}

fn find<'a>(events: &'a [Event], first_sentence_start: &str) -> Vec<&'a Event> {
    events
        .iter()
        .filter(|e| {
            e.sources
                .iter()
                .any(|s| s.quote.starts_with(first_sentence_start))
        })
        .collect()
}

fn only<'a>(events: &'a [Event], first_sentence_start: &str, kind: EventKind) -> &'a Event {
    let found: Vec<&Event> = find(events, first_sentence_start)
        .into_iter()
        .filter(|e| e.kind == kind)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "events of kind {kind:?} from {first_sentence_start:?}: {found:#?}"
    );
    found[0]
}

fn corrections_of(list: Vec<Correction>) -> Corrections {
    Corrections {
        corrections: list,
        ..Corrections::default()
    }
}

#[test]
fn move_keeps_the_original_place_and_marks_the_event() {
    let articles = articles();
    let events = extracted(&articles);
    let target = key_of(&events, "shelling-cathedral-001", &articles);
    let edits = corrections_of(vec![Correction::new(
        target,
        Edit::Move {
            from: Some(STEPANAKERT.into()),
            to: SHUSHA.into(),
        },
    )]);
    let applied = corrections::apply(events, &articles, &edits);
    assert!(applied.orphans.is_empty(), "{:?}", applied.orphans);
    let moved = only(
        &applied.events,
        "On Thursday, an emblematic",
        EventKind::Shelling,
    );
    assert_eq!(moved.places, vec![PlaceId::from(SHUSHA)]);
    let note = moved
        .correction
        .as_ref()
        .expect("the moved event is marked as corrected");
    assert_eq!(note.original_places, vec![PlaceId::from(STEPANAKERT)]);
    assert_eq!(note.original_kind, EventKind::Shelling);
    assert!(
        note.changes[0].contains(STEPANAKERT) && note.changes[0].contains(SHUSHA),
        "{:?}",
        note.changes
    );
    let untouched = only(
        &applied.events,
        "On Thursday, a historic",
        EventKind::Shelling,
    );
    assert!(untouched.correction.is_none());
}

#[test]
fn corrections_still_apply_after_a_better_extractor_reads_the_articles_again() {
    let articles = articles();
    let events = extracted(&articles);
    let edits = corrections_of(vec![
        Correction::new(
            key_of(&events, "shelling-cathedral-001", &articles),
            Edit::Move {
                from: None,
                to: SHUSHA.into(),
            },
        ),
        Correction::new(
            key_of(&events, "shelling-barda", &articles),
            Edit::SetDay {
                day: day("2020-10-09"),
            },
        ),
        Correction::new(
            key_of(&events, "fighting-aliyev-000", &articles),
            Edit::SetKind {
                to: EventKind::Diplomacy,
            },
        ),
        Correction::new(
            key_of(&events, "fighting-thursday-003", &articles),
            Edit::Note {
                text: "Front-wide, no single place.".into(),
            },
        ),
    ]);
    let first = corrections::apply(events, &articles, &edits);
    let again = corrections::apply(re_extracted(&articles), &articles, &edits);
    for applied in [&first, &again] {
        assert!(applied.orphans.is_empty(), "{:?}", applied.orphans);
        assert_eq!(
            only(
                &applied.events,
                "On Thursday, an emblematic",
                EventKind::Shelling
            )
            .places,
            vec![PlaceId::from(SHUSHA)]
        );
        let barda = only(&applied.events, "Devastated:", EventKind::Shelling);
        assert_eq!(barda.day, day("2020-10-09"));
        assert_eq!(barda.certainty, Certainty::Explicit);
        // The sentence gave two events: only the fighting one changed kind.
        let from_address = find(&applied.events, "In a tough-talking televised address");
        assert_eq!(from_address.len(), 2);
        assert!(from_address.iter().all(|e| e.kind == EventKind::Diplomacy));
        let retyped: Vec<_> = from_address
            .iter()
            .filter(|e| e.correction.is_some())
            .collect();
        assert_eq!(retyped.len(), 1);
        assert_eq!(
            retyped[0].places,
            vec![PlaceId::from("atlas:nagorno-karabakh")]
        );
        let noted = only(
            &applied.events,
            "The fighting continued",
            EventKind::Fighting,
        );
        assert_eq!(
            noted.correction.as_ref().and_then(|c| c.note.as_deref()),
            Some("Front-wide, no single place.")
        );
    }
    assert!(again.events.iter().all(|e| e.id.starts_with("v2-")));
}

#[test]
fn a_later_correction_is_keyed_by_the_extracted_kind_not_the_corrected_one() {
    let articles = articles();
    let events = extracted(&articles);
    let retype = Correction::new(
        key_of(&events, "fighting-aliyev-000", &articles),
        Edit::SetKind {
            to: EventKind::Diplomacy,
        },
    );
    let after_retype = corrections::apply(
        events.clone(),
        &articles,
        &corrections_of(vec![retype.clone()]),
    );
    // The window takes the key of the event as it shows it: now a diplomacy event.
    let shown = find(&after_retype.events, "In a tough-talking")
        .into_iter()
        .find(|e| e.correction.is_some())
        .expect("the retyped event");
    let key = EventKey::of(shown, &articles).expect("key");
    assert_eq!(
        key.kind,
        EventKind::Fighting,
        "the key keeps the kind extraction gave"
    );
    let hide = Correction::new(key, Edit::Hide);
    let applied = corrections::apply(events, &articles, &corrections_of(vec![retype, hide]));
    assert_eq!(applied.hidden.len(), 1);
    assert_eq!(applied.hidden[0].kind, EventKind::Diplomacy);
    assert_eq!(
        applied.hidden[0].places,
        vec![PlaceId::from("atlas:nagorno-karabakh")]
    );
    let still_shown = only(&applied.events, "In a tough-talking", EventKind::Diplomacy);
    assert_eq!(still_shown.places, vec![PlaceId::from(MOSCOW)]);
}

#[test]
fn hide_takes_the_event_off_the_map_and_unhide_brings_it_back() {
    let articles = articles();
    let events = extracted(&articles);
    let count = events.len();
    let key = key_of(&events, "fighting-thursday-003", &articles);
    let hidden = corrections::apply(
        events.clone(),
        &articles,
        &corrections_of(vec![Correction::new(key.clone(), Edit::Hide)]),
    );
    assert_eq!(hidden.events.len(), count - 1);
    assert_eq!(hidden.hidden.len(), 1);
    assert!(
        hidden.hidden[0]
            .correction
            .as_ref()
            .is_some_and(|c| c.hidden)
    );
    let shown = corrections::apply(
        events,
        &articles,
        &corrections_of(vec![
            Correction::new(key.clone(), Edit::Hide),
            Correction::new(key, Edit::Unhide),
        ]),
    );
    assert_eq!(shown.events.len(), count);
    assert!(shown.hidden.is_empty());
}

#[test]
fn merge_joins_two_reports_and_is_satisfied_when_extraction_merges_them_itself() {
    let articles = articles();
    let events = extracted(&articles);
    let merge = Correction::new(
        key_of(&events, "shelling-shusha-000", &articles),
        Edit::Merge {
            other: key_of(&events, "shelling-cathedral-001", &articles),
        },
    );
    let edits = corrections_of(vec![merge]);
    let count = events.len();
    let applied = corrections::apply(events.clone(), &articles, &edits);
    assert!(applied.orphans.is_empty(), "{:?}", applied.orphans);
    assert_eq!(applied.events.len(), count - 1);
    let merged = only(
        &applied.events,
        "On Thursday, an emblematic",
        EventKind::Shelling,
    );
    assert_eq!(merged.id, "shelling-shusha-000");
    assert_eq!(merged.sources.len(), 2);
    assert_eq!(merged.places, vec![PlaceId::from(SHUSHA)]);

    // A merging extractor now gives one event with both sources: the merge has nothing to do.
    let mut smarter = events;
    let second = smarter.remove(2);
    smarter[1].sources.extend(second.sources);
    let applied = corrections::apply(smarter, &articles, &edits);
    assert!(applied.orphans.is_empty(), "{:?}", applied.orphans);
    assert_eq!(applied.events.len(), count - 1);
}

#[test]
fn split_makes_a_source_an_event_of_its_own() {
    let articles = articles();
    let mut events = extracted(&articles);
    // An extractor that wrongly merged the toll into the Moscow invitation.
    let toll = events.remove(5);
    events[5].sources.extend(toll.sources.clone());
    events[5].figures = toll.figures.clone();
    let split = Correction::new(
        key_of(&events, "diplomacy-invitation-003", &articles),
        Edit::Split {
            source: SourceKey::of(&toll.sources[0], &articles),
        },
    );
    let edits = corrections_of(vec![split]);
    let applied = corrections::apply(events, &articles, &edits);
    assert!(applied.orphans.is_empty(), "{:?}", applied.orphans);
    let invitation = only(
        &applied.events,
        "Russian President Vladimir Putin invited",
        EventKind::Diplomacy,
    );
    assert_eq!(invitation.sources.len(), 2);
    assert!(
        invitation.figures.deaths.is_none(),
        "the toll's figure left with its sentence"
    );
    let part = only(
        &applied.events,
        "The official death toll rose",
        EventKind::Diplomacy,
    );
    assert_eq!(part.sources.len(), 1);
    assert_eq!(part.figures.deaths.as_ref().map(|f| f.value), Some(400));
    assert_ne!(part.id, invitation.id);

    // Extraction that tells them apart already leaves the split nothing to do.
    let applied = corrections::apply(extracted(&articles), &articles, &edits);
    assert!(applied.orphans.is_empty(), "{:?}", applied.orphans);
}

#[test]
fn corrections_that_match_nothing_are_reported_with_the_reason() {
    let articles = articles();
    let events = extracted(&articles);
    let mut gone_sentence = key_of(&events, "fighting-thursday-003", &articles);
    gone_sentence.source.sentence =
        "Drones struck a bridge near Terter on Tuesday, officials said.".into();
    let mut gone_article = key_of(&events, "shelling-barda", &articles);
    gone_article.source.article = sha256_hex(b"another article");
    gone_article.source.article_file = "017_gone.txt".into();
    let edits = corrections_of(vec![
        Correction::new(
            gone_sentence,
            Edit::Move {
                from: None,
                to: TERTER.into(),
            },
        ),
        Correction::new(key_of(&events, "shelling-barda", &articles), Edit::Hide),
        Correction::new(gone_article, Edit::Hide),
    ]);
    let applied = corrections::apply(events, &articles, &edits);
    let positions: Vec<usize> = applied.orphans.iter().map(|o| o.position).collect();
    assert_eq!(positions, vec![0, 2]);
    assert!(
        applied.orphans[0]
            .reason
            .contains("003_f6bb23693e27c5f2.txt"),
        "{}",
        applied.orphans[0].reason
    );
    assert!(
        applied.orphans[0].reason.contains("Drones struck a bridge"),
        "{}",
        applied.orphans[0].reason
    );
    assert!(
        applied.orphans[1].reason.contains("017_gone.txt"),
        "{}",
        applied.orphans[1].reason
    );
    assert!(
        applied.orphans[1].reason.contains("not loaded"),
        "{}",
        applied.orphans[1].reason
    );
    assert_eq!(
        applied.hidden.len(),
        1,
        "the matching correction still applied"
    );
}

#[test]
fn the_article_is_found_by_content_when_renamed_and_by_name_when_edited() {
    let articles = articles();
    let events = extracted(&articles);
    let edits = corrections_of(vec![Correction::new(
        key_of(&events, "shelling-barda", &articles),
        Edit::SetKind {
            to: EventKind::Casualties,
        },
    )]);

    // Renamed: same bytes, new file name.
    let mut renamed_articles = articles.clone();
    renamed_articles[0].id = "barda-report.txt".into();
    let mut renamed_events = events.clone();
    for s in renamed_events.iter_mut().flat_map(|e| e.sources.iter_mut()) {
        if s.article == "000_3ffde59c5c20d985.txt" {
            s.article = "barda-report.txt".into();
        }
    }
    let applied = corrections::apply(renamed_events, &renamed_articles, &edits);
    assert!(applied.orphans.is_empty(), "{:?}", applied.orphans);
    assert_eq!(
        only(&applied.events, "Devastated:", EventKind::Casualties).places,
        vec![PlaceId::from(BARDA)]
    );

    // Edited elsewhere: the hash changed, the file name and the sentence did not.
    let mut edited_articles = articles.clone();
    edited_articles[0]
        .text
        .push_str("\nCorrection: an earlier version misspelt a name.\n");
    edited_articles[0].hash = sha256_hex(edited_articles[0].text.as_bytes());
    let applied = corrections::apply(events, &edited_articles, &edits);
    assert!(applied.orphans.is_empty(), "{:?}", applied.orphans);
    only(&applied.events, "Devastated:", EventKind::Casualties);
}

#[test]
fn sentences_compare_without_case_punctuation_or_typographic_quotes() {
    assert_eq!(
        corrections::normalise_sentence("“We are ready,” said  Mr. Aliyev’s\noffice."),
        corrections::normalise_sentence("\"we are ready\" said Mr Aliyev's office")
    );
    assert_eq!(
        corrections::normalise_sentence("Şuşa was struck."),
        "susa was struck"
    );
    assert_ne!(
        corrections::normalise_sentence("Barda was shelled."),
        corrections::normalise_sentence("Terter was shelled.")
    );
}

#[test]
fn the_file_is_readable_versioned_and_round_trips() {
    let articles = articles();
    let events = extracted(&articles);
    let edits = corrections_of(vec![
        Correction::new(
            key_of(&events, "shelling-cathedral-001", &articles),
            Edit::Move {
                from: Some(STEPANAKERT.into()),
                to: SHUSHA.into(),
            },
        ),
        Correction::new(
            key_of(&events, "shelling-barda", &articles),
            Edit::SetDay { day: None },
        ),
        Correction::new(
            key_of(&events, "shelling-shusha-000", &articles),
            Edit::Merge {
                other: key_of(&events, "shelling-cathedral-001", &articles),
            },
        ),
    ]);
    let text = edits.to_json();
    let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(value["version"], 1);
    let first = &value["corrections"][0];
    assert_eq!(first["action"], "move");
    assert_eq!(first["to"], SHUSHA);
    assert_eq!(first["article_file"], "001_68aaef0c7d5ee802.txt");
    assert_eq!(first["article"], articles[1].hash.as_str());
    assert!(
        first["sentence"]
            .as_str()
            .is_some_and(|s| s.starts_with("On Thursday, an emblematic"))
    );
    assert_eq!(value["corrections"][2]["other"]["kind"], "shelling");
    assert!(
        text.lines().count() > 30,
        "pretty-printed, one field a line"
    );
    let back = Corrections::parse(&text, Path::new("corrections.json")).expect("reads back");
    assert_eq!(back, edits);
    // Saved again by an editor that adds a byte-order mark.
    let with_bom = format!("\u{feff}{text}");
    assert_eq!(
        Corrections::parse(&with_bom, Path::new("corrections.json")).expect("reads"),
        edits
    );
    // What an undo button says.
    let described = edits.corrections[0].describe();
    assert!(
        described.starts_with(&format!("move from {STEPANAKERT} to {SHUSHA}")),
        "{described}"
    );
    assert!(
        described.contains("001_68aaef0c7d5ee802.txt"),
        "{described}"
    );
    assert!(
        described.contains("On Thursday, an emblematic"),
        "{described}"
    );
}

#[test]
fn a_broken_file_names_the_file_and_line_and_loads_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("corrections.json");
    let text = "{\n  \"version\": 1,\n  \"corrections\": [\n    {\"article\": \"ab\", \"sentence\": \"x\", \"kind\": \"shelling\", \"action\": \"mvoe\"}\n  ]\n}\n";
    fs::write(&path, text).expect("write");
    let error = Corrections::load(&path).expect_err("a wrong action is an error");
    match &error {
        CorrectionsError::Syntax { line, .. } => assert_eq!(*line, 4),
        other => panic!("expected a syntax error, got {other:?}"),
    }
    let message = error.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains("line 4"), "{message}");
    assert!(message.contains("mvoe"), "{message}");

    fs::write(&path, "{\"version\": 1, \"corrections\": [\n").expect("write");
    let message = Corrections::load(&path).expect_err("cut short").to_string();
    assert!(message.contains("line 2"), "{message}");

    fs::write(&path, "{\"version\": 7, \"corrections\": []}").expect("write");
    assert!(matches!(
        Corrections::load(&path),
        Err(CorrectionsError::Version { found: 7, .. })
    ));

    assert_eq!(
        Corrections::load(&dir.path().join("absent.json")).expect("missing is empty"),
        Corrections::default()
    );
}

#[test]
fn a_broken_file_is_set_aside_not_overwritten_on_the_next_save() {
    let articles = articles();
    let events = extracted(&articles);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("corrections.json");
    let hand_edited = "{ \"version\": 1, \"corrections\": [ oops ] }";
    fs::write(&path, hand_edited).expect("write");
    let (mut log, error) = CorrectionLog::open(path.clone());
    assert!(error.is_some());
    assert!(log.corrections().corrections.is_empty());
    // The window keeps working: events come through unchanged.
    assert_eq!(log.apply(events.clone(), &articles).events, events);
    log.apply_edit(Correction::new(
        key_of(&events, "shelling-barda", &articles),
        Edit::Hide,
    ))
    .expect("saves");
    let aside = log
        .set_aside_file()
        .expect("the broken file was set aside")
        .to_path_buf();
    assert_eq!(fs::read_to_string(&aside).expect("read"), hand_edited);
    assert_eq!(
        Corrections::load(&path)
            .expect("new file")
            .corrections
            .len(),
        1
    );
}

#[test]
fn every_change_is_saved_and_undo_redo_follow_the_file() {
    let articles = articles();
    let events = extracted(&articles);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("corrections.json");
    let (mut log, error) = CorrectionLog::open(path.clone());
    assert!(error.is_none());
    assert!(!log.can_undo() && !log.can_redo());
    let hide = Correction::new(
        key_of(&events, "fighting-thursday-003", &articles),
        Edit::Hide,
    );
    let kind = Correction::new(
        key_of(&events, "shelling-barda", &articles),
        Edit::SetKind {
            to: EventKind::Fighting,
        },
    );
    log.apply_edit(hide.clone()).expect("save");
    log.apply_edit(kind.clone()).expect("save");
    assert_eq!(
        Corrections::load(&path).expect("load").corrections,
        vec![hide.clone(), kind.clone()]
    );

    assert_eq!(log.undo().expect("save"), Some(Change::Event(kind.clone())));
    assert_eq!(
        Corrections::load(&path).expect("load").corrections,
        vec![hide.clone()]
    );
    let applied = log.apply(events.clone(), &articles);
    assert_eq!(
        only(&applied.events, "Devastated:", EventKind::Shelling).kind,
        EventKind::Shelling
    );

    assert_eq!(log.redo().expect("save"), Some(Change::Event(kind.clone())));
    assert_eq!(
        Corrections::load(&path).expect("load").corrections,
        vec![hide.clone(), kind]
    );
    assert!(log.redo().expect("nothing to redo").is_none());

    // A new edit after an undo drops the redo.
    log.undo().expect("save");
    log.apply_edit(Correction::new(
        key_of(&events, "shelling-barda", &articles),
        Edit::Note {
            text: "Photo caption.".into(),
        },
    ))
    .expect("save");
    assert!(!log.can_redo());

    let (reopened, error) = CorrectionLog::open(path);
    assert!(error.is_none());
    assert_eq!(reopened.corrections(), log.corrections());
    assert!(
        !dir.path().join(".corrections.json.tmp").exists(),
        "no temporary file left behind"
    );
}

#[test]
fn a_crash_while_saving_leaves_the_previous_file_intact() {
    let articles = articles();
    let events = extracted(&articles);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("corrections.json");
    let (mut log, _) = CorrectionLog::open(path.clone());
    log.apply_edit(Correction::new(
        key_of(&events, "shelling-barda", &articles),
        Edit::Hide,
    ))
    .expect("first save");
    let before = fs::read(&path).expect("read");

    for crash_at in [SaveStage::TempWritten, SaveStage::TempSynced] {
        let (log, _) = CorrectionLog::open(path.clone());
        let mut log = log.with_fault_hook(Box::new(move |stage| {
            if stage == crash_at {
                Err(io::Error::other("simulated crash"))
            } else {
                Ok(())
            }
        }));
        let result = log.apply_edit(Correction::new(
            key_of(&events, "shelling-cathedral-001", &articles),
            Edit::Move {
                from: None,
                to: SHUSHA.into(),
            },
        ));
        assert!(
            matches!(result, Err(CorrectionsError::Save { .. })),
            "{result:?}"
        );
        assert!(result.is_err_and(|e| e.to_string().contains("corrections.json")));
        assert!(
            corrections::temp_path(&path).exists(),
            "the crash left the temporary file"
        );
        assert_eq!(
            fs::read(&path).expect("read"),
            before,
            "crash at {crash_at:?}"
        );
        let survived = Corrections::load(&path).expect("still valid");
        assert_eq!(survived.corrections.len(), 1);
    }

    // The next run saves over the stale temporary file.
    let (mut log, error) = CorrectionLog::open(path.clone());
    assert!(error.is_none());
    log.apply_edit(Correction::new(
        key_of(&events, "shelling-shusha-000", &articles),
        Edit::Note {
            text: "Ghazanchetsots Cathedral.".into(),
        },
    ))
    .expect("save");
    assert_eq!(Corrections::load(&path).expect("load").corrections.len(), 2);
    assert!(!corrections::temp_path(&path).exists());
}

#[test]
fn a_failed_write_is_reported_and_the_change_kept_in_memory() {
    let articles = articles();
    let events = extracted(&articles);
    let dir = tempfile::tempdir().expect("temp dir");
    // A plain file where the folder of the corrections should be.
    let not_a_folder = dir.path().join("notes.txt");
    fs::write(&not_a_folder, "x").expect("write");
    let path = not_a_folder.join("corrections.json");
    let (mut log, error) = CorrectionLog::open(path.clone());
    assert!(error.is_some(), "cannot read below a file either");
    let result = log.apply_edit(Correction::new(
        key_of(&events, "shelling-barda", &articles),
        Edit::Hide,
    ));
    let message = result.expect_err("cannot save below a file").to_string();
    assert!(
        message.contains("cannot save") && message.contains("notes.txt"),
        "{message}"
    );
    assert_eq!(log.corrections().corrections.len(), 1, "the change is kept");
    assert_eq!(fs::read_to_string(&not_a_folder).expect("read"), "x");
}

#[test]
fn a_real_write_failure_removes_the_temporary_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A non-empty folder where the file should be: the rename cannot replace it.
    let path = dir.path().join("corrections.json");
    fs::create_dir(&path).expect("mkdir");
    fs::write(path.join("keep.txt"), "x").expect("write");
    assert!(corrections::write_atomic(&path, b"{}").is_err());
    assert!(!corrections::temp_path(&path).exists());
    assert_eq!(
        fs::read_to_string(path.join("keep.txt")).expect("read"),
        "x"
    );
}

#[test]
fn the_default_place_is_the_articles_folder_when_it_can_be_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert_eq!(
        corrections::default_path(dir.path()),
        dir.path().join("corrections.json")
    );
}

#[test]
fn move_from_one_of_several_places_replaces_only_that_one() {
    let articles = articles();
    let mut events = extracted(&articles);
    events.push(event(
        "shelling-struck-003",
        EventKind::Shelling,
        day("2020-10-08"),
        &[STEPANAKERT, "geonames:587116"],
        vec![source(
            &articles[2],
            "The capital of the separatist territory, Stepanakert",
        )],
    ));
    let key = key_of(&events, "shelling-struck-003", &articles);
    let edits = corrections_of(vec![
        Correction::new(
            key.clone(),
            Edit::Move {
                from: Some("geonames:587116".into()),
                to: TERTER.into(),
            },
        ),
        // Moving onto a place the event already has leaves it there once.
        Correction::new(
            key.clone(),
            Edit::Move {
                from: Some(TERTER.into()),
                to: STEPANAKERT.into(),
            },
        ),
    ]);
    let applied = corrections::apply(events.clone(), &articles, &edits);
    let struck = only(
        &applied.events,
        "The capital of the separatist territory",
        EventKind::Shelling,
    );
    assert_eq!(struck.places, vec![PlaceId::from(STEPANAKERT)]);
    let note = struck.correction.as_ref().expect("corrected");
    assert_eq!(
        note.original_places,
        vec![PlaceId::from(STEPANAKERT), PlaceId::from("geonames:587116")]
    );
    assert_eq!(note.changes.len(), 2);

    let first_only = corrections_of(vec![edits.corrections[0].clone()]);
    let applied = corrections::apply(events, &articles, &first_only);
    let struck = only(
        &applied.events,
        "The capital of the separatist territory",
        EventKind::Shelling,
    );
    assert_eq!(
        struck.places,
        vec![PlaceId::from(STEPANAKERT), PlaceId::from(TERTER)]
    );
}

#[test]
fn an_undated_day_keeps_the_original_day_and_certainty() {
    let articles = articles();
    let events = extracted(&articles);
    let edits = corrections_of(vec![Correction::new(
        key_of(&events, "fighting-thursday-003", &articles),
        Edit::SetDay { day: None },
    )]);
    let applied = corrections::apply(events, &articles, &edits);
    let undated = only(
        &applied.events,
        "The fighting continued on Thursday",
        EventKind::Fighting,
    );
    assert_eq!(undated.day, None);
    let note = undated.correction.as_ref().expect("corrected");
    assert_eq!(note.original_day, day("2020-10-08"));
    assert_eq!(note.original_certainty, Some(Certainty::Explicit));
    assert_eq!(
        note.changes,
        vec!["day 2020-10-08 \u{2192} undated".to_string()]
    );
}

#[test]
fn publication_dates_set_by_the_reader_are_saved_pinned_and_undone_in_order() {
    let mut articles = articles();
    let events = extracted(&articles);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("corrections.json");
    let (mut log, _) = CorrectionLog::open(path.clone());
    log.set_publication_date(&articles[1], day("2020-10-09"))
        .expect("save");
    log.apply_edit(Correction::new(
        key_of(&events, "shelling-barda", &articles),
        Edit::Hide,
    ))
    .expect("save");
    log.set_publication_date(&articles[2], day("2020-10-07"))
        .expect("save");
    // Setting it again replaces the date: one per article.
    log.set_publication_date(&articles[2], day("2020-10-08"))
        .expect("save");
    let saved = Corrections::load(&path).expect("load");
    assert_eq!(saved.publication_dates.len(), 2);
    assert_eq!(saved.publication_date(&articles[2]), day("2020-10-08"));
    assert!(log.next_undo().is_some_and(|c| {
        c.describe()
            .contains("003_f6bb23693e27c5f2.txt to 2020-10-08")
    }));

    let unmatched = saved.pin_publication_dates(&mut articles);
    assert!(unmatched.is_empty());
    let pinned = articles[1].published.as_ref().expect("pinned");
    assert_eq!(
        (pinned.day, pinned.source),
        (
            NaiveDate::from_ymd_opt(2020, 10, 9).expect("date"),
            DateSource::Pinned
        )
    );
    assert!(
        articles[0].published.is_none(),
        "only the articles the reader dated"
    );

    // Undo walks back through both kinds of change, newest first.
    log.undo().expect("save");
    assert_eq!(
        Corrections::load(&path)
            .expect("load")
            .publication_date(&articles[2]),
        day("2020-10-07")
    );
    log.undo().expect("save");
    assert_eq!(
        Corrections::load(&path)
            .expect("load")
            .publication_date(&articles[2]),
        None
    );
    assert!(matches!(log.undo().expect("save"), Some(Change::Event(_))));
    assert!(
        Corrections::load(&path)
            .expect("load")
            .corrections
            .is_empty()
    );
    assert!(matches!(log.redo().expect("save"), Some(Change::Event(_))));
    let saved = Corrections::load(&path).expect("load");
    assert_eq!(saved.corrections.len(), 1);
    assert_eq!(saved.publication_date(&articles[1]), day("2020-10-09"));

    // Clearing a date, and a date whose article is gone.
    log.set_publication_date(&articles[1], None).expect("save");
    assert!(
        Corrections::load(&path)
            .expect("load")
            .publication_dates
            .is_empty()
    );
    let mut elsewhere = vec![seed("004_514e623492dfcf5a.txt")];
    let mut orphaned = Corrections::default();
    orphaned
        .publication_dates
        .push(karabakh_atlas::corrections::PublicationDate {
            article: articles[1].hash.clone(),
            article_file: articles[1].id.clone(),
            day: NaiveDate::from_ymd_opt(2020, 10, 9).expect("date"),
            made: None,
        });
    assert_eq!(orphaned.pin_publication_dates(&mut elsewhere).len(), 1);
    assert!(elsewhere[0].published.is_none());
}

#[test]
fn undo_after_reopening_takes_back_the_corrections_of_earlier_sessions() {
    let articles = articles();
    let events = extracted(&articles);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("corrections.json");
    let (mut log, _) = CorrectionLog::open(path.clone());
    let hide = Correction::new(key_of(&events, "shelling-barda", &articles), Edit::Hide);
    let note = Correction::new(
        key_of(&events, "fighting-thursday-003", &articles),
        Edit::Note {
            text: "Along the whole front.".into(),
        },
    );
    log.apply_edit(hide.clone()).expect("save");
    log.apply_edit(note.clone()).expect("save");
    drop(log);
    let (mut log, _) = CorrectionLog::open(path.clone());
    assert!(log.can_undo() && !log.can_redo());
    assert_eq!(log.next_undo(), Some(Change::Event(note.clone())));
    assert_eq!(log.undo().expect("save"), Some(Change::Event(note)));
    assert_eq!(
        Corrections::load(&path).expect("load").corrections,
        vec![hide]
    );
}

#[test]
fn moves_to_places_the_gazetteer_no_longer_knows_are_listed() {
    let articles = articles();
    let events = extracted(&articles);
    let edits = corrections_of(vec![
        Correction::new(key_of(&events, "shelling-barda", &articles), Edit::Hide),
        Correction::new(
            key_of(&events, "shelling-cathedral-001", &articles),
            Edit::Move {
                from: None,
                to: SHUSHA.into(),
            },
        ),
        Correction::new(
            key_of(&events, "fighting-thursday-003", &articles),
            Edit::Move {
                from: None,
                to: "atlas:removed-village".into(),
            },
        ),
    ]);
    let shusha = karabakh_atlas::model::Place {
        id: SHUSHA.into(),
        name: "Shusha".into(),
        kind: karabakh_atlas::model::PlaceKind::Town,
        country: "AZ".into(),
        lat: 39.76006,
        lon: 46.74989,
        population: 18662,
        admin1: "Shusha District".into(),
    };
    let known = |id: &str| (id == SHUSHA).then_some(&shusha);
    let unknown = edits.unknown_places(known);
    assert_eq!(unknown, vec![(2, &PlaceId::from("atlas:removed-village"))]);
}

// ---------------------------------------------------------------------------------------------
// The whole pipeline: a folder of new and bad articles, corrections, re-extraction.

fn copy_seed(file: &str, dir: &Path, as_name: &str) {
    fs::copy(seeds_dir().join(file), dir.join(as_name))
        .unwrap_or_else(|e| panic!("copy {file}: {e}"));
}

/// Files that must be listed with a reason while the rest still load.
fn write_bad_files(dir: &Path) {
    fs::write(dir.join("empty.txt"), b"").expect("write");
    let mut binary = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    binary.extend((0..4096u32).map(|i| (i * 7 % 256) as u8));
    fs::write(dir.join("photo.txt"), binary).expect("write");
    // One sentence a line, like a wire story, over the 5 MB limit.
    let line =
        "Shelling continued overnight around the town of Terter, the defence ministry said.\n";
    fs::write(
        dir.join("archive.txt"),
        line.repeat(5 * 1024 * 1024 / line.len() + 10),
    )
    .expect("write");
}

/// An article saved by an old editor in Latin-1: "café" is one byte, 0xE9.
fn write_latin1_article(dir: &Path) {
    let text = "date 2020-10-12\n\nA caf\u{e9} in the centre of Barda was hit by a rocket on Sunday, \
                local officials said.\n\nResidents of Barda fled to shelters as the shelling went on.\n";
    let bytes: Vec<u8> = text.chars().map(|c| u32::from(c) as u8).collect();
    fs::write(dir.join("latin1_barda.txt"), bytes).expect("write");
}

/// Events of `applied` that come from the sentence of `key` in the article with its hash.
fn events_from<'a>(events: &'a [Event], key: &EventKey, articles: &[Article]) -> Vec<&'a Event> {
    let wanted = corrections::normalise_sentence(&key.source.sentence);
    events
        .iter()
        .filter(|e| {
            e.sources.iter().any(|s| {
                corrections::normalise_sentence(&s.quote) == wanted
                    && articles
                        .iter()
                        .any(|a| a.id == s.article && a.hash == key.source.article)
            })
        })
        .collect()
}

#[test]
fn corrections_survive_reading_a_folder_of_new_and_bad_articles_again() {
    let data = karabakh_atlas::paths::default_data_dir();
    let dir = tempfile::tempdir().expect("temp dir");
    for file in [
        "000_3ffde59c5c20d985.txt",
        "001_68aaef0c7d5ee802.txt",
        "002_4928e13b0611f269.txt",
        "003_f6bb23693e27c5f2.txt",
    ] {
        copy_seed(file, dir.path(), file);
    }
    write_bad_files(dir.path());
    write_latin1_article(dir.path());

    let first = Atlas::from_dir(dir.path(), &data).expect("the folder loads");
    let failed: Vec<String> = first
        .failures
        .iter()
        .map(|f| {
            f.path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    for bad in ["empty.txt", "photo.txt", "archive.txt"] {
        assert!(
            failed.iter().any(|f| f == bad),
            "{bad} is listed as failed: {:?}",
            first.failures
        );
    }
    assert!(first.failures.iter().all(|f| !f.reason.trim().is_empty()));
    assert_eq!(
        first.articles.len(),
        5,
        "four seeds and the Latin-1 article load"
    );
    assert!(
        first
            .article("latin1_barda.txt")
            .is_some_and(|a| a.text.contains("café") && a.note.is_some())
    );

    // Four different events, in text order, each gets one kind of correction.
    let mut chosen: Vec<&Event> = first
        .events
        .iter()
        .filter(|e| !e.places.is_empty())
        .collect();
    chosen.sort_by_key(|e| (e.sources[0].article.clone(), e.sources[0].start));
    assert!(
        chosen.len() >= 4,
        "the pipeline gives located events: {:#?}",
        first.events
    );
    let (to_move, to_retype, to_hide, to_note) = (chosen[0], chosen[1], chosen[2], chosen[3]);
    // Move to another candidate of the same mention when the gazetteer had one, else to any
    // other place the articles mention.
    let current = &to_move.places[0];
    let told_by = first
        .article(&to_move.sources[0].article)
        .expect("the source's article is loaded");
    let other_candidate = first
        .mentions_of(told_by)
        .iter()
        .filter(|m| m.place.as_ref() == Some(current))
        .flat_map(|m| m.candidates.iter().map(|c| c.place.clone()))
        .find(|p| p != current);
    let destination = other_candidate
        .or_else(|| first.places.keys().find(|p| *p != current).cloned())
        .expect("a second place to move to");
    let new_kind = EventKind::ALL
        .into_iter()
        .find(|k| *k != to_retype.kind)
        .expect("another kind");

    let path = dir.path().join(corrections::FILE_NAME);
    let (mut log, error) = CorrectionLog::open(path.clone());
    assert!(error.is_none());
    let key = |e: &Event| EventKey::of(e, &first.articles).expect("key");
    let (move_key, retype_key, hide_key, note_key) =
        (key(to_move), key(to_retype), key(to_hide), key(to_note));
    log.apply_edit(Correction::new(
        move_key.clone(),
        Edit::Move {
            from: Some(current.clone()),
            to: destination.clone(),
        },
    ))
    .expect("save");
    log.apply_edit(Correction::new(
        retype_key.clone(),
        Edit::SetKind { to: new_kind },
    ))
    .expect("save");
    log.apply_edit(Correction::new(hide_key.clone(), Edit::Hide))
        .expect("save");
    log.apply_edit(Correction::new(
        note_key.clone(),
        Edit::Note {
            text: "Checked against the map.".into(),
        },
    ))
    .expect("save");
    let applied_first = log.apply(first.events.to_vec(), &first.articles);
    assert!(
        applied_first.orphans.is_empty(),
        "{:?}",
        applied_first.orphans
    );

    // A new article arrives and one is renamed: file order, positions and ids all shift.
    copy_seed(
        "004_514e623492dfcf5a.txt",
        dir.path(),
        "004_514e623492dfcf5a.txt",
    );
    fs::rename(
        dir.path().join("000_3ffde59c5c20d985.txt"),
        dir.path().join("telegraph-2020-10-10.txt"),
    )
    .expect("rename");
    let second = Atlas::from_dir(dir.path(), &data).expect("the folder loads again");
    assert_eq!(second.articles.len(), 6);
    let (reopened, error) = CorrectionLog::open(path);
    assert!(error.is_none(), "{error:?}");
    assert_eq!(reopened.corrections().corrections.len(), 4);
    let applied = reopened.apply(second.events.to_vec(), &second.articles);
    assert!(applied.orphans.is_empty(), "{:?}", applied.orphans);

    let moved = events_from(&applied.events, &move_key, &second.articles);
    assert!(
        moved.iter().any(|e| e.places.contains(&destination)
            && e.correction
                .as_ref()
                .is_some_and(|c| c.original_places.contains(current))),
        "moved to {destination}: {moved:#?}"
    );
    let retyped = events_from(&applied.events, &retype_key, &second.articles);
    assert!(
        retyped
            .iter()
            .any(|e| e.kind == new_kind && e.correction.is_some()),
        "{retyped:#?}"
    );
    let hidden = events_from(&applied.hidden, &hide_key, &second.articles);
    assert_eq!(hidden.len(), 1, "{:#?}", applied.hidden);
    let noted = events_from(&applied.events, &note_key, &second.articles);
    assert!(
        noted
            .iter()
            .any(|e| e.correction.as_ref().and_then(|c| c.note.as_deref())
                == Some("Checked against the map."))
    );

    // The exports show the corrected events as corrected, at the new place.
    let shown: Vec<&Event> = applied.events.iter().collect();
    let geojson: serde_json::Value =
        serde_json::from_str(&karabakh_atlas::export::geojson(&shown, |id| {
            second.place(id)
        }))
        .expect("GeoJSON");
    let features = geojson["features"].as_array().expect("features");
    assert!(features.iter().any(
        |f| f["properties"]["place_id"] == *destination && f["properties"]["corrected"] == true
    ));
    assert_eq!(
        applied.events.len() + applied.hidden.len(),
        second.events.len()
    );
}

#[test]
fn folders_of_the_same_name_get_their_own_file_in_the_data_directory() {
    let root = tempfile::tempdir().expect("temp dir");
    let (first, second) = (
        root.path().join("a/articles"),
        root.path().join("b/articles"),
    );
    fs::create_dir_all(&first).expect("mkdir");
    fs::create_dir_all(&second).expect("mkdir");
    let data_home = root.path().join("share");
    let first_file = corrections::path_in_data_dir(&first, &data_home);
    assert_ne!(
        first_file,
        corrections::path_in_data_dir(&second, &data_home)
    );
    assert_eq!(
        first_file,
        corrections::path_in_data_dir(&first.join("."), &data_home)
    );
    assert!(first_file.starts_with(data_home.join("karabakh-atlas")));
    let name = first_file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    assert!(
        name.starts_with("articles-") && name.ends_with(".json"),
        "{name}"
    );
    // The folder is made on the first save.
    let (mut log, error) = CorrectionLog::open(first_file.clone());
    assert!(error.is_none());
    let articles = articles();
    let events = extracted(&articles);
    log.apply_edit(Correction::new(
        key_of(&events, "shelling-barda", &articles),
        Edit::Hide,
    ))
    .expect("save");
    assert!(first_file.is_file());
}
