//! Events out of the program: GeoJSON for QGIS and web maps, CSV with ACLED-style columns for
//! analysts, and the full model as JSON.
//!
//! Every function takes the events to write (the current view, corrections applied) and a place
//! lookup, so it works with [`crate::atlas::Atlas::place`] or any other source of places:
//! `export::geojson(&events, |id| atlas.place(id))`.

use std::io::Write;

use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::corpus::ArticleFailure;
use crate::model::{
    Article, Certainty, DateSource, Event, EventKind, Figure, Place, PlaceKind, Status,
};

/// The export formats, as named on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    GeoJson,
    Csv,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Json, Format::GeoJson, Format::Csv];

    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::GeoJson => "geojson",
            Format::Csv => "csv",
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        self.name()
    }

    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// One row of output: an event at one of its places (`None` when the event has no place or the
/// lookup does not know it).
struct Located<'e, 'p> {
    event: &'e Event,
    place_id: Option<&'e str>,
    place: Option<&'p Place>,
}

/// The events by day (undated last), each day's in the order given: a table or a timeline tool
/// reads the war forward.
fn chronological<'e>(events: &[&'e Event]) -> Vec<&'e Event> {
    let mut sorted = events.to_vec();
    sorted.sort_by_key(|event| (event.day.is_none(), event.day));
    sorted
}

/// One entry per event and place, by day; an event without a place still gets one, unlocated, so
/// nothing the reader chose to export is lost.
fn located<'e, 'p>(
    events: &[&'e Event],
    lookup: &impl Fn(&str) -> Option<&'p Place>,
) -> Vec<Located<'e, 'p>> {
    let mut rows = Vec::with_capacity(events.len());
    for event in chronological(events) {
        if event.places.is_empty() {
            rows.push(Located {
                event,
                place_id: None,
                place: None,
            });
        }
        for (index, id) in event.places.iter().enumerate() {
            // A place listed twice is one point: feature ids stay unique.
            if event.places[..index].contains(id) {
                continue;
            }
            rows.push(Located {
                event,
                place_id: Some(id),
                place: lookup(id),
            });
        }
    }
    rows
}

fn certainty_name(certainty: Certainty) -> &'static str {
    match certainty {
        Certainty::Explicit => "explicit",
        Certainty::Implicit => "implicit",
    }
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Happened => "happened",
        Status::Planned => "planned",
    }
}

/// The figures in words: "deaths: more than 400; injured: 2".
fn figures_text(event: &Event) -> String {
    let parts = [
        ("deaths", &event.figures.deaths),
        ("injured", &event.figures.injured),
        ("displaced", &event.figures.displaced),
    ];
    parts
        .iter()
        .filter_map(|(label, figure)| {
            figure.as_ref().map(|f| {
                let words = if f.text.trim().is_empty() {
                    f.value.to_string()
                } else {
                    f.text.trim().to_string()
                };
                let scope = if f.running_total {
                    " (running total)"
                } else {
                    ""
                };
                format!("{label}: {words}{scope}")
            })
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn figure_value(figure: &Option<Box<Figure>>) -> Value {
    figure.as_ref().map_or(Value::Null, |f| json!(f.value))
}

/// Six decimals are about 10 cm: RFC 7946 advises no more precision than the data has.
fn coordinate(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}

/// The text an export writer writes, kept in memory (for the window's export and the tests).
fn in_memory(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = write(&mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// `value` as indented JSON and a final line break, through a buffer.
fn write_pretty_json(out: &mut impl Write, value: &impl Serialize) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, value)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// RFC 7946 FeatureCollection (WGS 84, `[lon, lat]`), one Point Feature per event and place.
/// Properties are flat for QGIS: scalars only, except `sources`, the full list of
/// `{article, quote, start, end}`, which comes with flat `source_count`, `first_article` and
/// `first_quote`. An event with no known place is a Feature with a `null` geometry.
pub fn geojson<'p>(events: &[&Event], lookup: impl Fn(&str) -> Option<&'p Place>) -> String {
    in_memory(|out| write_geojson(out, events, lookup))
}

/// [`geojson`], written to `out` as it is made: with a year of news the text is gigabytes, and
/// the features are made one at a time.
pub fn write_geojson<'p>(
    out: &mut impl Write,
    events: &[&Event],
    lookup: impl Fn(&str) -> Option<&'p Place>,
) -> std::io::Result<()> {
    let rows = located(events, &lookup);
    let collection = FeatureCollection {
        kind: "FeatureCollection",
        features: Lazily(|| rows.iter().map(feature)),
    };
    write_pretty_json(out, &collection)
}

#[derive(Serialize)]
struct FeatureCollection<F: Serialize> {
    // Keys in the order of the whole document's objects (sorted).
    features: F,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// A JSON array of the items `make` gives, each made when it is written.
struct Lazily<F>(F);

impl<F, I> Serialize for Lazily<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

fn feature(row: &Located) -> Value {
    let event = row.event;
    let geometry = row.place.map_or(
        Value::Null,
        |p| json!({"type": "Point", "coordinates": [coordinate(p.lon), coordinate(p.lat)]}),
    );
    let mut properties = Map::new();
    let mut put = |key: &str, value: Value| {
        properties.insert(key.to_string(), value);
    };
    put("id", json!(event.id));
    put(
        "day",
        event.day.map_or(Value::Null, |d| json!(d.to_string())),
    );
    put("kind", json!(event.kind.as_str()));
    put("place", row.place.map_or(Value::Null, |p| json!(p.name)));
    put("place_id", row.place_id.map_or(Value::Null, |id| json!(id)));
    put(
        "country",
        row.place.map_or(Value::Null, |p| json!(p.country)),
    );
    put(
        "admin1",
        row.place
            .filter(|p| !p.admin1.is_empty())
            .map_or(Value::Null, |p| json!(p.admin1)),
    );
    put("certainty", json!(certainty_name(event.certainty)));
    put("status", json!(status_name(event.status)));
    put(
        "claimed_by",
        event.claimed_by.as_ref().map_or(Value::Null, |c| json!(c)),
    );
    put("actors", json!(event.actors.join("; ")));
    put("deaths", figure_value(&event.figures.deaths));
    put("injured", figure_value(&event.figures.injured));
    put("displaced", figure_value(&event.figures.displaced));
    put("figures", json!(figures_text(event)));
    put("source_count", json!(event.sources.len()));
    let first = event.sources.first();
    put(
        "first_article",
        first.map_or(Value::Null, |s| json!(s.article)),
    );
    put("first_quote", first.map_or(Value::Null, |s| json!(s.quote)));
    put(
        "sources",
        Value::Array(
            event
                .sources
                .iter()
                .map(|s| json!({"article": s.article, "quote": s.quote, "start": s.start, "end": s.end}))
                .collect(),
        ),
    );
    put("corrected", json!(event.correction.is_some()));
    put(
        "correction_note",
        event
            .correction
            .as_ref()
            .and_then(|c| c.note.as_ref())
            .map_or(Value::Null, |n| json!(n)),
    );
    put(
        "corrections",
        event
            .correction
            .as_ref()
            .map_or(Value::Null, |c| json!(c.changes.join("; "))),
    );
    let feature_id = match row.place_id {
        Some(place) => format!("{}@{place}", event.id),
        None => event.id.clone(),
    };
    json!({
        "type": "Feature",
        "id": feature_id,
        "geometry": geometry,
        "properties": Value::Object(properties),
    })
}

/// CSV columns: ACLED's first, then ours.
pub const CSV_COLUMNS: [&str; 22] = [
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
    "id",
    "kind",
    "certainty",
    "status",
    "claimed_by",
    "place_id",
    "corrected",
];

/// ACLED `event_type` and `sub_event_type`. Shelling splits into air/drone strikes and
/// artillery/missile attacks by the words that gave the kind.
fn acled_type(event: &Event) -> (&'static str, &'static str) {
    match event.kind {
        EventKind::Shelling => {
            let from_air = event.sources.iter().flat_map(|s| &s.kind_words).any(|w| {
                let word = w.text.to_lowercase();
                [
                    "drone",
                    "air strike",
                    "airstrike",
                    "air raid",
                    "aircraft",
                    "plane",
                    "jet",
                    "bomb",
                ]
                .iter()
                .any(|air| word.contains(air))
            });
            let sub = if from_air {
                "Air/drone strike"
            } else {
                "Shelling/artillery/missile attack"
            };
            ("Explosions/Remote violence", sub)
        }
        EventKind::Fighting => ("Battles", "Armed clash"),
        // ACLED's "Agreement" is an agreement reached; talks, calls and appeals are "Other".
        EventKind::Diplomacy if reports_an_agreement(event) => {
            ("Strategic developments", "Agreement")
        }
        EventKind::Diplomacy => ("Strategic developments", "Other"),
        EventKind::Displacement | EventKind::Casualties => ("Strategic developments", "Other"),
    }
}

/// ACLED `time_precision`: 1 the text names the day, 2 only the paper's date places it (within
/// days), 3 no day at all.
/// A source sentence says an agreement was reached or signed ("agreed to a ceasefire", "the
/// agreement", "signed", "a deal", "the accord"), not only sought.
fn reports_an_agreement(event: &Event) -> bool {
    event.sources.iter().any(|source| {
        source
            .quote
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .any(|word| {
                matches!(
                    word.as_str(),
                    "agreed"
                        | "agreement"
                        | "agreements"
                        | "signed"
                        | "deal"
                        | "accord"
                        | "accords"
                )
            })
    })
}

fn time_precision(event: &Event) -> &'static str {
    match (event.day, event.certainty) {
        (Some(_), Certainty::Explicit) => "1",
        (Some(_), Certainty::Implicit) => "2",
        (None, _) => "3",
    }
}

/// ACLED `geo_precision`: 1 a town, 2 a district around it, 3 a region or country.
fn geo_precision(place: Option<&Place>) -> &'static str {
    match place.map(|p| p.kind) {
        Some(PlaceKind::Capital | PlaceKind::City | PlaceKind::Town | PlaceKind::Village) => "1",
        Some(PlaceKind::District) => "2",
        Some(PlaceKind::Region | PlaceKind::Country) => "3",
        None => "",
    }
}

/// ACLED writes full country names; codes outside this short list are written as they are.
fn country_name(iso2: &str) -> &str {
    match iso2 {
        "AZ" => "Azerbaijan",
        "AM" => "Armenia",
        "GE" => "Georgia",
        "TR" => "Turkey",
        "IR" => "Iran",
        "RU" => "Russia",
        "FR" => "France",
        "US" => "United States",
        "CH" => "Switzerland",
        "SY" => "Syria",
        "IL" => "Israel",
        "GB" => "United Kingdom",
        "DE" => "Germany",
        "BE" => "Belgium",
        other => other,
    }
}

/// The notes column: the first sentence, who claims it, and any denial or correction.
fn notes(event: &Event) -> String {
    let mut parts = Vec::new();
    if let Some(first) = event.sources.first() {
        parts.push(first.quote.trim().to_string());
    }
    if let Some(claimant) = &event.claimed_by {
        parts.push(format!("Claimed by {claimant}."));
    }
    if event.sources.iter().any(|s| s.denied) {
        parts.push("Denied by a party.".to_string());
    }
    let figures = figures_text(event);
    if !figures.is_empty() {
        parts.push(format!("Figures: {figures}."));
    }
    if let Some(correction) = &event.correction {
        if !correction.changes.is_empty() {
            parts.push(format!(
                "Corrected by a reader: {}.",
                correction.changes.join("; ")
            ));
        }
        if let Some(note) = &correction.note {
            parts.push(format!("Reader's note: {note}"));
        }
    }
    parts.join(" ")
}

/// CSV (RFC 4180: comma, CRLF, fields quoted when needed), one row per event and place, with a
/// header of [`CSV_COLUMNS`].
pub fn csv<'p>(events: &[&Event], lookup: impl Fn(&str) -> Option<&'p Place>) -> String {
    in_memory(|out| write_csv(out, events, lookup))
}

/// [`csv`], written to `out` a record at a time.
pub fn write_csv<'p>(
    out: &mut impl Write,
    events: &[&Event],
    lookup: impl Fn(&str) -> Option<&'p Place>,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    let mut record = String::new();
    write_record(&mut record, CSV_COLUMNS.iter().copied());
    let mut previous: Option<&Event> = None;
    for row in located(events, &lookup) {
        out.write_all(record.as_bytes())?;
        record.clear();
        let event = row.event;
        // An event at several places is several rows: its dead are counted on the first, so
        // that the column adds up.
        let first_row = !previous.is_some_and(|p| std::ptr::eq(p, event));
        previous = Some(event);
        let (event_type, sub_event_type) = acled_type(event);
        let mut sources: Vec<&str> = event.sources.iter().map(|s| s.article.as_str()).collect();
        sources.dedup();
        let fields: [String; 22] = [
            event.day.map(|d| d.to_string()).unwrap_or_default(),
            time_precision(event).into(),
            event_type.into(),
            sub_event_type.into(),
            event.actors.first().cloned().unwrap_or_default(),
            event.actors.get(1).cloned().unwrap_or_default(),
            row.place
                .map(|p| country_name(&p.country).to_string())
                .unwrap_or_default(),
            row.place.map(|p| p.admin1.clone()).unwrap_or_default(),
            row.place.map(|p| p.name.clone()).unwrap_or_default(),
            row.place
                .map(|p| coordinate(p.lat).to_string())
                .unwrap_or_default(),
            row.place
                .map(|p| coordinate(p.lon).to_string())
                .unwrap_or_default(),
            geo_precision(row.place).into(),
            sources.join("; "),
            notes(event),
            // The dead of this event: a running total of the war counts the earlier dead again.
            event
                .figures
                .deaths
                .as_ref()
                .filter(|f| first_row && !f.running_total)
                .map_or(0, |f| f.value)
                .to_string(),
            event.id.clone(),
            event.kind.as_str().into(),
            certainty_name(event.certainty).into(),
            status_name(event.status).into(),
            event.claimed_by.clone().unwrap_or_default(),
            row.place_id.unwrap_or_default().into(),
            event.correction.is_some().to_string(),
        ];
        write_record(&mut record, fields.iter().map(String::as_str));
    }
    out.write_all(record.as_bytes())?;
    out.flush()
}

/// One CSV record: a field is quoted when it holds a comma, a quote, a line break or starts or
/// ends with a space; quotes inside are doubled.
fn write_record<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        let needs_quotes = field.contains([',', '"', '\n', '\r'])
            || field.starts_with(' ')
            || field.ends_with(' ');
        if needs_quotes {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

fn date_source_name(source: DateSource) -> &'static str {
    match source {
        DateSource::Stated => "stated",
        DateSource::Inferred => "inferred",
        DateSource::Pinned => "pinned",
    }
}

/// The full model: `{"articles": [{"file", "published", "published_evidence", "certainty",
/// "error", …}], "events": [...]}`. `certainty` of an article is how its date was found
/// (`stated`, `inferred`, `pinned`); unreadable files are listed with their `error`.
pub fn json(articles: &[Article], failures: &[ArticleFailure], events: &[&Event]) -> String {
    in_memory(|out| write_json(out, articles, failures, events))
}

/// [`json`], written to `out` as it is made: each article and event becomes a JSON value only
/// when it is written, so a year of news is never held as one tree of values.
pub fn write_json(
    out: &mut impl Write,
    articles: &[Article],
    failures: &[ArticleFailure],
    events: &[&Event],
) -> std::io::Result<()> {
    let events = chronological(events);
    let document = Document {
        articles: Lazily(|| {
            articles
                .iter()
                .map(article_entry)
                .chain(failures.iter().map(failure_entry))
        }),
        // As values: their keys sorted, as in every object of the document.
        events: Lazily(|| {
            events
                .iter()
                .map(|e| serde_json::to_value(e).unwrap_or(Value::Null))
        }),
    };
    write_pretty_json(out, &document)
}

#[derive(Serialize)]
struct Document<A: Serialize, E: Serialize> {
    articles: A,
    events: E,
}

fn article_entry(a: &Article) -> Value {
    let published = a.published.as_ref();
    let error = if published.is_none() {
        json!("no publication date found; set one to date its events")
    } else {
        Value::Null
    };
    json!({
        "file": a.id,
        "hash": a.hash,
        "published": published.map(|p| p.day.to_string()),
        "published_evidence": published.map(|p| p.evidence.clone()),
        "certainty": published.map(|p| date_source_name(p.source)),
        "conflicts": published.map_or_else(Vec::new, |p| p.conflicts.clone()),
        "note": a.note,
        "error": error,
    })
}

fn failure_entry(f: &ArticleFailure) -> Value {
    json!({
        "file": f.path.file_name().map_or_else(|| f.path.to_string_lossy(), |n| n.to_string_lossy()),
        "hash": Value::Null,
        "published": Value::Null,
        "published_evidence": Value::Null,
        "certainty": Value::Null,
        "conflicts": [],
        "note": Value::Null,
        "error": f.reason,
    })
}
