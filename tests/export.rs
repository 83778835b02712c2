//! Exports: GeoJSON that a GIS opens as is, CSV with ACLED-style columns, the full model as JSON.
//! Events are built by hand from sentences of the seed articles, at GeoNames coordinates.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use karabakh_atlas::corpus::ArticleFailure;
use karabakh_atlas::export::{self, CSV_COLUMNS, Format};
use karabakh_atlas::model::{
    Article, Certainty, CorrectionNote, DateSource, Event, EventKind, Figure, Figures, Place,
    PlaceKind, Published, Source, Span, Status,
};

fn place(id: &str, name: &str, kind: PlaceKind, country: &str, lat: f64, lon: f64) -> Place {
    Place {
        id: id.into(),
        name: name.into(),
        kind,
        country: country.into(),
        lat,
        lon,
        population: 0,
        admin1: String::new(),
    }
}

fn places() -> HashMap<karabakh_atlas::model::PlaceId, Place> {
    [
        place(
            "geonames:587057",
            "Barda",
            PlaceKind::City,
            "AZ",
            40.37577,
            47.12619,
        ),
        place(
            "geonames:147105",
            "Shusha",
            PlaceKind::Town,
            "AZ",
            39.76006,
            46.74989,
        ),
        place(
            "geonames:146970",
            "Stepanakert",
            PlaceKind::City,
            "AZ",
            39.8177,
            46.7528,
        ),
        place(
            "geonames:524901",
            "Moscow",
            PlaceKind::Capital,
            "RU",
            55.75222,
            37.61556,
        ),
        place(
            "geonames:2988507",
            "Paris",
            PlaceKind::Capital,
            "FR",
            48.85341,
            2.3488,
        ),
        place(
            "geonames:587116",
            "Azerbaijan",
            PlaceKind::Country,
            "AZ",
            40.5,
            47.5,
        ),
    ]
    .into_iter()
    .map(|p| (p.id.clone(), p))
    .collect()
}

fn seed_text(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(file);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn source(file: &str, text: &str, sentence_start: &str, kind_word: &str) -> Source {
    let start = text
        .find(sentence_start)
        .unwrap_or_else(|| panic!("{file} does not contain {sentence_start:?}"));
    let end = start + text[start..].find('\n').unwrap_or(text.len() - start);
    let kind_at = text[start..end]
        .find(kind_word)
        .map_or(start, |i| start + i);
    Source {
        article: file.into(),
        start,
        end,
        quote: text[start..end].trim().to_string(),
        kind_words: vec![Span {
            start: kind_at,
            end: kind_at + kind_word.len(),
            text: kind_word.into(),
        }],
        day_words: None,
        place_words: Vec::new(),
        why_day: String::new(),
        why_place: String::new(),
        claimed_by: None,
        denied: false,
        figures: Figures::default(),
    }
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn event(
    id: &str,
    kind: EventKind,
    on: Option<&str>,
    places: &[&str],
    sources: Vec<Source>,
) -> Event {
    Event {
        id: id.into(),
        day: on.map(day),
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

fn events() -> Vec<Event> {
    let a000 = "000_3ffde59c5c20d985.txt";
    let t000 = seed_text(a000);
    let a001 = "001_68aaef0c7d5ee802.txt";
    let t001 = seed_text(a001);
    let a003 = "003_f6bb23693e27c5f2.txt";
    let t003 = seed_text(a003);

    let barda = event(
        "e-barda",
        EventKind::Shelling,
        None,
        &["geonames:587057"],
        vec![source(
            a000,
            &t000,
            "date 2020-10-10 Devastated",
            "shelling",
        )],
    );
    let mut cathedral = event(
        "e-cathedral",
        EventKind::Shelling,
        Some("2020-10-08"),
        &["geonames:147105"],
        vec![
            source(a000, &t000, "On Thursday, a historic cathedral", "missile"),
            source(
                a001,
                &t001,
                "On Thursday, an emblematic Armenian cathedral",
                "hit",
            ),
        ],
    );
    cathedral.sources[1].denied = true;
    cathedral.correction = Some(Box::new(CorrectionNote {
        note: Some("Ghazanchetsots Cathedral, Shusha.".into()),
        original_kind: EventKind::Shelling,
        original_day: Some(day("2020-10-08")),
        original_places: vec!["geonames:146970".into()],
        original_certainty: Some(Certainty::Explicit),
        hidden: false,
        changes: vec!["place geonames:146970 → geonames:147105".into()],
    }));
    let mut truce = event(
        "e-truce",
        EventKind::Diplomacy,
        Some("2020-10-09"),
        &["geonames:2988507"],
        vec![source(
            a000,
            &t000,
            "\"We are moving towards a truce",
            "truce",
        )],
    );
    truce.claimed_by = Some("the French presidency".into());
    truce.actors = vec![
        "Emmanuel Macron".into(),
        "Nikol Pashinyan, Ilham Aliyev".into(),
    ];
    let struck = event(
        "e-struck",
        EventKind::Shelling,
        Some("2020-10-08"),
        &["geonames:146970", "geonames:587116"],
        vec![source(
            a003,
            &t003,
            "The capital of the separatist territory, Stepanakert",
            "struck",
        )],
    );
    let mut toll = event(
        "e-toll",
        EventKind::Casualties,
        Some("2020-10-09"),
        &[],
        vec![source(
            a001,
            &t001,
            "The official death toll rose Friday morning",
            "death toll",
        )],
    );
    toll.figures.deaths = Some(Box::new(Figure {
        value: 400,
        qualifier: "more than".into(),
        text: "more than 400 dead".into(),
        running_total: true,
    }));
    let drones = event(
        "e-drones",
        EventKind::Shelling,
        Some("2020-10-08"),
        &["geonames:146970"],
        vec![source(
            a001,
            &t001,
            "After a relatively calm first night",
            "rockets",
        )],
    );
    let mut drone_strike = drones.clone();
    drone_strike.id = "e-drone-strike".into();
    drone_strike.sources[0].kind_words[0].text = "drones".into();
    vec![barda, cathedral, truce, struck, toll, drones, drone_strike]
}

fn lookup<'p>(
    places: &'p HashMap<karabakh_atlas::model::PlaceId, Place>,
) -> impl Fn(&str) -> Option<&'p Place> + 'p {
    move |id| places.get(id)
}

fn features(text: &str) -> Vec<serde_json::Value> {
    let value: serde_json::Value = serde_json::from_str(text).expect("GeoJSON is JSON");
    assert_eq!(value["type"], "FeatureCollection");
    value["features"].as_array().expect("features").clone()
}

#[test]
fn geojson_is_rfc_7946_with_one_point_per_event_and_place() {
    let events = events();
    let refs: Vec<&Event> = events.iter().collect();
    let places = places();
    let text = export::geojson(&refs, lookup(&places));

    // The geojson crate reads it as a FeatureCollection of Points.
    let parsed: geojson::GeoJson = text.parse().expect("valid GeoJSON");
    let geojson::GeoJson::FeatureCollection(collection) = parsed else {
        panic!("not a FeatureCollection")
    };
    // 7 events: one has two places, one (the toll) has none and is kept unlocated.
    assert_eq!(collection.features.len(), 8);
    let located = collection
        .features
        .iter()
        .filter(|f| f.geometry.is_some())
        .count();
    assert_eq!(located, 7);

    let features = features(&text);
    let barda = features
        .iter()
        .find(|f| f["properties"]["id"] == "e-barda")
        .expect("Barda feature");
    assert_eq!(barda["geometry"]["type"], "Point");
    // [longitude, latitude], WGS 84.
    assert_eq!(barda["geometry"]["coordinates"][0], 47.12619);
    assert_eq!(barda["geometry"]["coordinates"][1], 40.37577);
    assert_eq!(barda["properties"]["day"], serde_json::Value::Null);
    assert_eq!(barda["properties"]["certainty"], "implicit");
    assert_eq!(barda["properties"]["place"], "Barda");

    let struck: Vec<_> = features
        .iter()
        .filter(|f| f["properties"]["id"] == "e-struck")
        .collect();
    let struck_places: Vec<_> = struck
        .iter()
        .map(|f| f["properties"]["place"].clone())
        .collect();
    assert_eq!(struck_places, vec!["Stepanakert", "Azerbaijan"]);
    assert_ne!(struck[0]["id"], struck[1]["id"], "feature ids are unique");

    let toll = features
        .iter()
        .find(|f| f["properties"]["id"] == "e-toll")
        .expect("toll");
    assert!(toll["geometry"].is_null());
    assert_eq!(toll["properties"]["deaths"], 400);
    assert_eq!(
        toll["properties"]["figures"],
        "deaths: more than 400 dead (running total)"
    );
}

#[test]
fn geojson_properties_are_flat_for_qgis_with_the_sources_also_as_a_list() {
    let events = events();
    let refs: Vec<&Event> = events.iter().collect();
    let places = places();
    let features = features(&export::geojson(&refs, lookup(&places)));
    for feature in &features {
        let properties = feature["properties"].as_object().expect("properties");
        for (key, value) in properties {
            if key != "sources" {
                assert!(
                    !value.is_object() && !value.is_array(),
                    "{key} is not flat: {value}"
                );
            }
        }
        for key in [
            "id",
            "day",
            "kind",
            "place",
            "place_id",
            "certainty",
            "status",
            "claimed_by",
            "figures",
            "sources",
            "corrected",
        ] {
            assert!(properties.contains_key(key), "missing {key}");
        }
    }
    let cathedral = features
        .iter()
        .find(|f| f["properties"]["id"] == "e-cathedral")
        .expect("cathedral");
    let properties = &cathedral["properties"];
    assert_eq!(properties["day"], "2020-10-08");
    assert_eq!(properties["kind"], "shelling");
    assert_eq!(properties["place_id"], "geonames:147105");
    assert_eq!(properties["corrected"], true);
    assert_eq!(
        properties["correction_note"],
        "Ghazanchetsots Cathedral, Shusha."
    );
    assert_eq!(properties["source_count"], 2);
    let sources = properties["sources"].as_array().expect("sources list");
    assert_eq!(sources[1]["article"], "001_68aaef0c7d5ee802.txt");
    let text = seed_text("001_68aaef0c7d5ee802.txt");
    let (start, end) = (
        sources[1]["start"].as_u64().expect("start") as usize,
        sources[1]["end"].as_u64().expect("end") as usize,
    );
    assert!(text[start..end].starts_with("On Thursday, an emblematic Armenian cathedral"));
    assert!(
        properties["first_quote"].as_str().is_some_and(
            |q| q.starts_with("On Thursday, a historic cathedral in the town of Shusha")
        )
    );
    let truce = features
        .iter()
        .find(|f| f["properties"]["id"] == "e-truce")
        .expect("truce");
    assert_eq!(truce["properties"]["claimed_by"], "the French presidency");
    assert_eq!(truce["properties"]["corrected"], false);
}

/// An RFC 4180 reader, to check the writer independently of it.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => {
                assert!(
                    field.is_empty(),
                    "a quote inside an unquoted field: {field}"
                );
                quoted = true;
            }
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "lone CR");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\n') => panic!("records end in CRLF"),
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quoted field");
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record ends in CRLF"
    );
    records
}

#[test]
fn csv_has_acled_columns_one_row_per_event_and_place_and_correct_quoting() {
    let events = events();
    let refs: Vec<&Event> = events.iter().collect();
    let places = places();
    let text = export::csv(&refs, lookup(&places));
    let records = parse_csv(&text);
    assert_eq!(records[0], CSV_COLUMNS.map(String::from).to_vec());
    assert_eq!(
        &records[0][..15],
        &[
            "event_date",
            "time_precision",
            "event_type",
            "sub_event_type",
            "actor1",
            "actor2",
            "country",
            "admin1",
            "location",
            "latitude",
            "longitude",
            "geo_precision",
            "source",
            "notes",
            "fatalities",
        ]
    );
    let rows: Vec<HashMap<&str, &str>> = records[1..]
        .iter()
        .map(|r| {
            assert_eq!(r.len(), CSV_COLUMNS.len(), "{r:?}");
            CSV_COLUMNS
                .iter()
                .copied()
                .zip(r.iter().map(String::as_str))
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 8);
    let row =
        |id: &str| -> Vec<&HashMap<&str, &str>> { rows.iter().filter(|r| r["id"] == id).collect() };

    let truce = row("e-truce")[0];
    assert!(truce["notes"].starts_with(
        "\"We are moving towards a truce tonight or tomorrow but it's still fragile,\""
    ));
    assert_eq!(truce["actor1"], "Emmanuel Macron");
    assert_eq!(truce["actor2"], "Nikol Pashinyan, Ilham Aliyev");
    assert_eq!(truce["event_type"], "Strategic developments");
    // A truce hoped for is no agreement reached.
    assert_eq!(truce["sub_event_type"], "Other");
    assert_eq!(truce["country"], "France");
    assert_eq!(
        (truce["latitude"], truce["longitude"]),
        ("48.85341", "2.3488")
    );
    assert_eq!(truce["geo_precision"], "1");
    assert_eq!(truce["claimed_by"], "the French presidency");

    let struck = row("e-struck");
    assert_eq!(struck.len(), 2);
    assert_eq!(struck[1]["location"], "Azerbaijan");
    assert_eq!(struck[1]["geo_precision"], "3");
    assert_eq!(struck[0]["event_type"], "Explosions/Remote violence");
    assert_eq!(
        struck[0]["sub_event_type"],
        "Shelling/artillery/missile attack"
    );
    assert_eq!(
        row("e-drone-strike")[0]["sub_event_type"],
        "Air/drone strike"
    );

    let barda = row("e-barda")[0];
    assert_eq!((barda["event_date"], barda["time_precision"]), ("", "3"));
    let cathedral = row("e-cathedral")[0];
    assert_eq!(
        (cathedral["event_date"], cathedral["time_precision"]),
        ("2020-10-08", "1")
    );
    assert_eq!(
        cathedral["source"],
        "000_3ffde59c5c20d985.txt; 001_68aaef0c7d5ee802.txt"
    );
    assert_eq!(cathedral["corrected"], "true");
    assert!(
        cathedral["notes"].contains("Denied by a party."),
        "{}",
        cathedral["notes"]
    );
    assert!(
        cathedral["notes"].contains("Reader's note: Ghazanchetsots"),
        "{}",
        cathedral["notes"]
    );

    // "The official death toll rose … to more than 400": the war's dead so far, not this
    // event's, so ACLED's column (summed by analysts) gets none of them; the notes keep the words.
    let toll = row("e-toll")[0];
    assert_eq!(toll["fatalities"], "0");
    assert!(
        toll["notes"].contains("deaths: more than 400 dead (running total)"),
        "{}",
        toll["notes"]
    );
    assert_eq!(
        (toll["location"], toll["latitude"], toll["place_id"]),
        ("", "", "")
    );
    assert_eq!(row("e-drones")[0]["fatalities"], "0");
}

/// The `fatalities` of each CSV row of the fixture's toll ("e-toll"), told as one attack's dead
/// and put at `places` (its own when empty).
fn fatalities_of_the_toll(places_of_toll: &[&str]) -> Vec<String> {
    let mut events = events();
    let toll = events
        .iter_mut()
        .find(|e| e.id == "e-toll")
        .unwrap_or_else(|| panic!("e-toll"));
    if let Some(deaths) = toll.figures.deaths.as_mut() {
        deaths.running_total = false;
    }
    if !places_of_toll.is_empty() {
        toll.places = places_of_toll.iter().map(|&id| id.into()).collect();
    }
    let refs: Vec<&Event> = events.iter().collect();
    let places = places();
    let records = parse_csv(&export::csv(&refs, lookup(&places)));
    let column = |name: &str| {
        CSV_COLUMNS
            .iter()
            .position(|c| *c == name)
            .unwrap_or_else(|| panic!("no {name} column"))
    };
    let (fatalities, id) = (column("fatalities"), column("id"));
    records[1..]
        .iter()
        .filter(|r| r[id] == "e-toll")
        .map(|r| r[fatalities].clone())
        .collect()
}

#[test]
fn the_dead_of_one_happening_are_its_fatalities() {
    assert_eq!(fatalities_of_the_toll(&[]), ["400"]);
}

#[test]
fn the_dead_of_an_event_at_two_places_are_counted_once() {
    assert_eq!(
        fatalities_of_the_toll(&["geonames:587057", "geonames:147105"]),
        ["400", "0"]
    );
}

#[test]
fn json_is_the_full_model_with_articles_and_their_errors() {
    let events = events();
    let refs: Vec<&Event> = events.iter().collect();
    let text = seed_text("000_3ffde59c5c20d985.txt");
    let articles = vec![Article {
        id: "000_3ffde59c5c20d985.txt".into(),
        path: PathBuf::from("seeds/000_3ffde59c5c20d985.txt"),
        text,
        hash: "3ffde59c".into(),
        published: Some(Published {
            day: day("2020-10-10"),
            evidence: "date 2020-10-10".into(),
            source: DateSource::Stated,
            conflicts: Vec::new(),
            time_scans: Default::default(),
        }),
        note: None,
    }];
    let failures = vec![ArticleFailure {
        path: PathBuf::from("articles/scan.txt"),
        reason: "binary file (a NUL byte at offset 12), not text".into(),
    }];
    let value: serde_json::Value =
        serde_json::from_str(&export::json(&articles, &failures, &refs)).expect("JSON");
    let listed = value["articles"].as_array().expect("articles");
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0]["file"], "000_3ffde59c5c20d985.txt");
    assert_eq!(listed[0]["published"], "2020-10-10");
    assert_eq!(listed[0]["published_evidence"], "date 2020-10-10");
    assert_eq!(listed[0]["certainty"], "stated");
    assert!(listed[0]["error"].is_null());
    assert_eq!(listed[1]["file"], "scan.txt");
    assert!(
        listed[1]["error"]
            .as_str()
            .is_some_and(|e| e.contains("binary"))
    );
    let back: Vec<Event> =
        serde_json::from_value(value["events"].clone()).expect("events read back");
    // Every event, by day (undated last), each day's in the order given.
    let mut by_day = events.clone();
    by_day.sort_by_key(|e| (e.day.is_none(), e.day));
    assert_ne!(by_day, events, "the test's events are not in day order");
    assert_eq!(back, by_day);
}

#[test]
fn formats_are_named_as_on_the_command_line() {
    assert_eq!(Format::parse("GeoJSON"), Some(Format::GeoJson));
    assert_eq!(Format::parse(" csv "), Some(Format::Csv));
    assert_eq!(Format::parse("json").map(Format::extension), Some("json"));
    assert_eq!(Format::parse("kml"), None);
}

#[test]
fn the_seed_articles_export_as_geojson_and_csv_that_read_back() {
    let atlas = karabakh_atlas::atlas::Atlas::from_dir(
        &karabakh_atlas::paths::default_seeds_dir(),
        &karabakh_atlas::paths::default_data_dir(),
    )
    .expect("the seeds load");
    let events: Vec<&Event> = atlas.events.iter().collect();
    assert!(!events.is_empty(), "the seeds give events");
    let rows: usize = events.iter().map(|e| e.places.len().max(1)).sum();

    let parsed: geojson::GeoJson = export::geojson(&events, |id| atlas.place(id))
        .parse()
        .expect("valid GeoJSON");
    let geojson::GeoJson::FeatureCollection(collection) = parsed else {
        panic!("not a FeatureCollection")
    };
    assert_eq!(collection.features.len(), rows);
    for feature in &collection.features {
        let Some(geometry) = &feature.geometry else {
            continue;
        };
        let geojson::GeometryValue::Point {
            coordinates: position,
        } = &geometry.value
        else {
            panic!("not a point: {geometry:?}")
        };
        let (lon, lat) = (position[0], position[1]);
        // Every seed event lies between Paris and the Caspian: longitude first.
        assert!(
            (2.0..50.5).contains(&lon) && (38.0..56.5).contains(&lat),
            "[{lon}, {lat}]"
        );
    }

    let records = parse_csv(&export::csv(&events, |id| atlas.place(id)));
    assert_eq!(records.len(), rows + 1);
    assert!(records.iter().all(|r| r.len() == CSV_COLUMNS.len()));
    // Towns of the war carry their district or province, for joining with ACLED's rows.
    let column = |name: &str| {
        CSV_COLUMNS
            .iter()
            .position(|c| *c == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let (location, admin1, precision) = (
        column("location"),
        column("admin1"),
        column("geo_precision"),
    );
    let shusha: Vec<&str> = records[1..]
        .iter()
        .filter(|r| r[location] == "Shusha")
        .map(|r| r[admin1].as_str())
        .collect();
    assert!(
        !shusha.is_empty() && shusha.iter().all(|a| *a == "Shusha District"),
        "{shusha:?}"
    );
    let countries_without = records[1..]
        .iter()
        .filter(|r| r[precision] == "3" && !r[admin1].is_empty())
        .count();
    assert_eq!(
        countries_without, 0,
        "a country or region row with an admin1"
    );

    // Rows read the war forward (the atlas's own order is the merge's): dated rows by day,
    // undated ones last.
    let days: Vec<&str> = records[1..].iter().map(|r| r[0].as_str()).collect();
    let dated = days.iter().take_while(|d| !d.is_empty()).count();
    assert!(dated > 10, "{dated} dated rows");
    assert!(days[..dated].is_sorted(), "{days:?}");
    assert!(days[dated..].iter().all(|d| d.is_empty()), "{days:?}");
    let unsorted = atlas
        .events
        .iter()
        .filter_map(|e| e.day)
        .collect::<Vec<_>>();
    assert!(
        !unsorted.is_sorted(),
        "the seeds' events come out of the merge unsorted"
    );
}

#[test]
fn a_place_listed_twice_is_one_point() {
    let mut twice = events().remove(0);
    twice.places.push(twice.places[0].clone());
    let places = places();
    assert_eq!(
        features(&export::geojson(&[&twice], lookup(&places))).len(),
        1
    );
    assert_eq!(parse_csv(&export::csv(&[&twice], lookup(&places))).len(), 2);
}

#[test]
fn diplomacy_is_an_acled_agreement_only_when_one_was_reached() {
    let places = places();
    let sentence = |text: &str| source("own.txt", text, text, "ceasefire");
    let reached = event(
        "e-agreed",
        EventKind::Diplomacy,
        Some("2020-10-10"),
        &["geonames:524901"],
        vec![sentence(
            "Armenia and Azerbaijan agreed to a humanitarian ceasefire after talks in Moscow.",
        )],
    );
    let sought = event(
        "e-sought",
        EventKind::Diplomacy,
        Some("2020-10-10"),
        &["geonames:524901"],
        vec![sentence(
            "The ministers called for a ceasefire, according to a statement from the Kremlin.",
        )],
    );
    let records = parse_csv(&export::csv(&[&reached, &sought], lookup(&places)));
    let sub = |id: &str| {
        let row = records
            .iter()
            .find(|r| r.contains(&id.to_string()))
            .unwrap_or_else(|| panic!("no row {id}"));
        row[CSV_COLUMNS
            .iter()
            .position(|c| *c == "sub_event_type")
            .expect("column")]
        .clone()
    };
    assert_eq!(sub("e-agreed"), "Agreement");
    assert_eq!(sub("e-sought"), "Other");
}

/// A writer that takes `room` bytes and then fails, as a full disk does.
struct FullDisk {
    room: usize,
}

impl std::io::Write for FullDisk {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.room == 0 {
            return Err(std::io::Error::other("no space left on device"));
        }
        let taken = buf.len().min(self.room);
        self.room -= taken;
        Ok(taken)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Exports are written as they are made (a year of news is gigabytes of text): what is written
/// is the whole text, and a writer that fails midway is an error, not a cut file said to be done.
#[test]
fn exports_stream_to_a_writer_and_report_a_failed_write() {
    let places = places();
    let events = events();
    let refs: Vec<&Event> = events.iter().collect();
    let mut written = Vec::new();
    export::write_geojson(&mut written, &refs, lookup(&places)).expect("memory takes it");
    assert_eq!(
        written,
        export::geojson(&refs, lookup(&places)).into_bytes()
    );
    assert!(features(&String::from_utf8_lossy(&written)).len() >= refs.len());
    let mut full = FullDisk { room: 100 };
    let failed = export::write_json(&mut full, &[], &[], &refs);
    assert!(failed.is_err(), "a json export past a full disk");
    let mut full = FullDisk { room: 100 };
    assert!(export::write_csv(&mut full, &refs, lookup(&places)).is_err());
    let mut full = FullDisk { room: 100 };
    assert!(export::write_geojson(&mut full, &refs, lookup(&places)).is_err());
}
