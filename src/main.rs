//! The binary: a thin layer over the library. No sub-command opens the window on the seeds.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use std::time::Instant;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use karabakh_atlas::app::library::{Library, Progress};
use karabakh_atlas::app::{self, Startup};
use karabakh_atlas::atlas::{Atlas, PublicationPin};
use karabakh_atlas::eval::{self, Gold};
use karabakh_atlas::export::{self, Format};
use karabakh_atlas::model::{Event, EventKind};
use karabakh_atlas::paths;

#[derive(Parser, Debug)]
#[command(
    name = "karabakh-atlas",
    version,
    about = "A day-by-day map of the 2020 Nagorno-Karabakh war, built from news articles"
)]
struct Cli {
    /// Folder of articles (.txt) to open; defaults to the project's seeds/.
    #[arg(long, global = true)]
    articles: Option<PathBuf>,
    /// Folder with gazetteer.tsv, basemap and lexicon; defaults to the project's data/.
    #[arg(long, global = true)]
    data: Option<PathBuf>,
    /// Pin an article's publication date: FILE=YYYY-MM-DD (repeatable).
    #[arg(long, global = true, value_name = "FILE=YYYY-MM-DD")]
    published: Vec<String>,
    /// Open the window, print how long the first frame with the map took, and close.
    #[arg(long)]
    exit_after_first_frame: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print every place mention of the given files as one JSON array.
    Places {
        /// Article files (.txt) to read; each unreadable one is named on standard error.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Extract every event of a folder of articles (reader's corrections applied).
    Extract {
        /// Folder of articles; defaults to --articles or the seeds.
        dir: Option<PathBuf>,
        /// json (the full model), geojson (RFC 7946) or csv (ACLED-style columns).
        #[arg(long, default_value = "json")]
        format: String,
        /// Write here instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Only events of this day (with --until: from this day on), YYYY-MM-DD.
        #[arg(long)]
        day: Option<NaiveDate>,
        /// Only events up to and including this day, YYYY-MM-DD.
        #[arg(long)]
        until: Option<NaiveDate>,
        /// Only these kinds, comma-separated: shelling,fighting,displacement,diplomacy,casualties.
        #[arg(long, value_delimiter = ',')]
        kinds: Vec<String>,
    },
    /// Score the extraction against a gold file: precision, recall, F1 and publication dates.
    Eval {
        /// The gold file: hand-made reference events and places (JSON), e.g.
        /// ../shared/eval/seeds-gold.json.
        gold: PathBuf,
        /// Also list missed and spurious (article, day, kind, place) triples.
        #[arg(long)]
        verbose: bool,
    },
    /// Open the window on a day, save a PNG of it and close (for scripted slides).
    Screenshot {
        /// The day to show, YYYY-MM-DD.
        #[arg(long)]
        day: NaiveDate,
        /// Where to write the PNG (with --until: the folder for one PNG per day).
        #[arg(long)]
        out: PathBuf,
        /// Save every day from --day to this one (YYYY-MM-DD), atlas-YYYY-MM-DD.png in --out.
        #[arg(long)]
        until: Option<NaiveDate>,
        /// Window size in points, WIDTHxHEIGHT.
        #[arg(long, default_value = "1280x720", value_parser = parse_size)]
        size: [f32; 2],
        /// Large type and no side panel, as in presentation mode.
        #[arg(long)]
        presentation: bool,
        /// Dark theme.
        #[arg(long)]
        dark: bool,
        /// Show every event up to the day (older ones fade) instead of the day's only.
        #[arg(long)]
        up_to_day: bool,
        /// Open the Articles list.
        #[arg(long)]
        articles_list: bool,
        /// Select the day's first event, showing its details and sources (the correction tools closed).
        #[arg(long)]
        select_first: bool,
    },
}

/// `1280x720` → `[1280.0, 720.0]`.
fn parse_size(text: &str) -> Result<[f32; 2], String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("'{text}': expected WIDTHxHEIGHT, e.g. 1920x1080"))?;
    let number = |v: &str| {
        v.trim()
            .parse::<f32>()
            .ok()
            .filter(|n| (200.0..=8000.0).contains(n))
            .ok_or_else(|| format!("'{text}': width and height must be numbers from 200 to 8000"))
    };
    Ok([number(w)?, number(h)?])
}

fn main() -> ExitCode {
    let started = Instant::now();
    let cli = Cli::parse();
    let data = cli.data.clone().unwrap_or_else(paths::default_data_dir);
    let articles = cli
        .articles
        .clone()
        .unwrap_or_else(paths::default_seeds_dir);
    let pins = match cli
        .published
        .iter()
        .map(|arg| PublicationPin::parse(arg))
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(pins) => pins,
        Err(message) => {
            eprintln!("karabakh-atlas: --published {message}");
            return ExitCode::from(2);
        }
    };
    // A script must see a failure when there is nothing to read; the window shows it instead.
    let scripted_dir = match &cli.command {
        Some(Command::Extract { dir: Some(dir), .. }) => Some(dir.clone()),
        Some(Command::Extract { .. } | Command::Screenshot { .. } | Command::Eval { .. }) => {
            Some(articles.clone())
        }
        _ => None,
    };
    if let Some(Command::Screenshot {
        day,
        until: Some(until),
        ..
    }) = &cli.command
        && until < day
    {
        eprintln!("karabakh-atlas: --until {until} is before --day {day}");
        return ExitCode::from(2);
    }
    if cli.command.is_none() && !articles.exists() {
        // The window opens all the same and lists the problem; a terminal hears it too.
        eprintln!(
            "karabakh-atlas: {} does not exist: give a folder of articles (.txt), or leave \
             --articles out to use the seeds",
            articles.display()
        );
    }
    if let Some(dir) = scripted_dir.filter(|dir| !dir.exists()) {
        // `extract DIR` names its folder itself; the other commands take --articles.
        let given_as = match &cli.command {
            Some(Command::Extract { dir: Some(_), .. }) => "the folder",
            _ => "--articles",
        };
        eprintln!(
            "karabakh-atlas: {} does not exist: give a folder of articles (.txt), or leave \
             {given_as} out to use the seeds",
            dir.display()
        );
        return ExitCode::FAILURE;
    }
    let result = match cli.command {
        None => {
            let startup = Startup {
                exit_after_first_frame: cli.exit_after_first_frame,
                started,
                ..Startup::default()
            };
            app::run(articles, data, pins, startup, None)
                .map(|_| ())
                .map_err(anyhow::Error::msg)
        }
        Some(Command::Screenshot {
            day,
            out,
            until,
            size,
            presentation,
            dark,
            up_to_day,
            articles_list,
            select_first,
        }) => {
            let startup = Startup {
                day: Some(day),
                presentation,
                dark,
                up_to_day,
                screenshot: Some(out),
                screenshot_until: until,
                exit_after_first_frame: false,
                started,
                articles_list,
                select_first,
            };
            app::run(articles, data, pins, startup, Some(size))
                .map(|path| {
                    if let Some(path) = path {
                        println!("saved {}", path.display());
                    }
                })
                .map_err(anyhow::Error::msg)
        }
        Some(Command::Places { files }) => return places(&data, &files),
        Some(Command::Extract {
            dir,
            format,
            out,
            day,
            until,
            kinds,
        }) => match ViewFilter::new(day, until, &kinds) {
            Ok(view) => run_extract(
                dir.as_deref().unwrap_or(&articles),
                &data,
                pins,
                &format,
                out.as_deref(),
                &view,
            ),
            Err(message) => {
                eprintln!("karabakh-atlas: {message}");
                return ExitCode::from(2);
            }
        },
        Some(Command::Eval { gold, verbose }) => run_eval(&gold, &articles, &data, &pins, verbose),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("karabakh-atlas: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run_eval(
    gold: &Path,
    articles: &Path,
    data: &Path,
    pins: &[PublicationPin],
    verbose: bool,
) -> anyhow::Result<()> {
    let gold = Gold::load(gold)?;
    let atlas = Atlas::from_dir_pinned(articles, data, pins)?;
    let report = eval::evaluate(&atlas, &gold);
    print!("{}", report.render(&atlas, verbose));
    Ok(())
}

/// The days and kinds `extract` keeps, as the window's view does.
struct ViewFilter {
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
    kinds: Vec<EventKind>,
}

impl ViewFilter {
    /// `--day` alone is one day; with `--until` it starts a range; `--until` alone ends one.
    fn new(
        day: Option<NaiveDate>,
        until: Option<NaiveDate>,
        kinds: &[String],
    ) -> Result<Self, String> {
        let kinds = kinds
            .iter()
            .filter(|k| !k.trim().is_empty())
            .map(|k| {
                EventKind::parse(k).ok_or_else(|| {
                    format!(
                        "--kinds: '{k}' is not a kind; use {}",
                        EventKind::ALL.map(|k| k.as_str()).join(",")
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        if let (Some(day), Some(until)) = (day, until)
            && until < day
        {
            return Err(format!("--until {until} is before --day {day}"));
        }
        let until = until.or(day);
        Ok(ViewFilter {
            from: day,
            until,
            kinds,
        })
    }

    fn keeps(&self, event: &Event) -> bool {
        let kind_ok = self.kinds.is_empty() || self.kinds.contains(&event.kind);
        let day_ok = match (self.from, self.until, event.day) {
            (None, None, _) => true,
            (_, _, None) => false,
            (from, until, Some(day)) => {
                from.is_none_or(|f| day >= f) && until.is_none_or(|u| day <= u)
            }
        };
        kind_ok && day_ok
    }
}

fn run_extract(
    articles: &Path,
    data: &Path,
    pins: Vec<PublicationPin>,
    format: &str,
    out: Option<&Path>,
    view: &ViewFilter,
) -> anyhow::Result<()> {
    let format = Format::parse(format)
        .ok_or_else(|| anyhow::anyhow!("--format {format}: expected one of json, geojson, csv"))?;
    // The window's loading: stored publication dates pinned, corrections replayed.
    let (atlas, library) = Library::load(articles, data, pins.clone(), &Progress::default())?;
    for pin in pins
        .iter()
        .filter(|pin| !atlas.articles.iter().any(|article| pin.matches(article)))
    {
        eprintln!(
            "karabakh-atlas: --published {}: no article of that name in {} (the date was not used)",
            pin.file,
            articles.display()
        );
    }
    for failure in &atlas.failures {
        eprintln!(
            "karabakh-atlas: skipped {}: {}",
            failure.path.display(),
            failure.reason
        );
    }
    if let Some(problem) = &library.corrections_problem {
        eprintln!("karabakh-atlas: corrections not applied: {problem}");
    }
    for orphan in &library.orphans {
        eprintln!(
            "karabakh-atlas: a correction no longer applies: {}",
            orphan.reason
        );
    }
    let events: Vec<&Event> = atlas.events.iter().filter(|e| view.keeps(e)).collect();
    // Written as it is made: a year of news gives gigabytes of text.
    let write = |sink: &mut dyn std::io::Write| {
        let mut sink = sink;
        match format {
            Format::Json => {
                export::write_json(&mut sink, &atlas.articles, &atlas.failures, &events)
            }
            Format::GeoJson => export::write_geojson(&mut sink, &events, |id| atlas.place(id)),
            Format::Csv => export::write_csv(&mut sink, &events, |id| atlas.place(id)),
        }
    };
    match out {
        Some(path) => std::fs::File::create(path)
            .and_then(|mut file| write(&mut file))
            .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display())),
        None => {
            let stdout = std::io::stdout();
            match write(&mut stdout.lock()) {
                // A reader that stops early (`| head`) is no error.
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(anyhow::anyhow!("cannot write the export: {e}"))
                }
                _ => Ok(()),
            }
        }
    }
}

/// `places FILE...`: every place mention as one JSON array on stdout; unreadable files are
/// reported on stderr by name and the others still print.
fn places(data: &std::path::Path, files: &[PathBuf]) -> ExitCode {
    use karabakh_atlas::corpus;
    use karabakh_atlas::gazetteer::Gazetteer;

    let gazetteer = match Gazetteer::load(data) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut failed = false;
    let mut rows = Vec::new();
    for file in files {
        let article = match corpus::read_article(file) {
            Ok(article) => article,
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
                continue;
            }
        };
        if let Some(note) = &article.note {
            eprintln!("note: {}: {note}", file.display());
        }
        for mention in gazetteer.mentions(&article.text) {
            let place = mention
                .place
                .as_deref()
                .and_then(|id| gazetteer.place(id))
                .map(|p| {
                    serde_json::json!({
                        "id": p.id, "name": p.name, "country": p.country,
                        "kind": p.kind, "lat": p.lat, "lon": p.lon,
                    })
                });
            rows.push(serde_json::json!({
                "article": article.id,
                "mention": mention.text,
                "start": mention.start,
                "end": mention.end,
                "role": mention.role,
                "place": place,
                "why": mention.why,
            }));
        }
    }
    match serde_json::to_string_pretty(&rows) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("error: cannot write JSON: {e}");
            return ExitCode::from(2);
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use karabakh_atlas::model::{Certainty, Figures, Status};

    fn on(day: Option<NaiveDate>, kind: EventKind) -> Event {
        Event {
            id: String::new(),
            day,
            certainty: Certainty::Explicit,
            kind,
            places: Vec::new(),
            actors: Vec::new(),
            claimed_by: None,
            figures: Figures::default(),
            status: Status::Happened,
            sources: Vec::new(),
            correction: None,
        }
    }

    fn date(m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2020, m, d)
    }

    #[test]
    fn day_until_and_kinds_keep_the_view() {
        let kinds = ["shelling".to_string(), " Fighting".to_string()];
        let view = ViewFilter::new(date(10, 8), date(10, 10), &kinds).expect("valid filter");
        assert!(view.keeps(&on(date(10, 8), EventKind::Shelling)));
        assert!(view.keeps(&on(date(10, 10), EventKind::Fighting)));
        assert!(!view.keeps(&on(date(10, 11), EventKind::Shelling)));
        assert!(!view.keeps(&on(date(10, 9), EventKind::Diplomacy)));
        assert!(!view.keeps(&on(None, EventKind::Shelling)), "undated");
        let one_day = ViewFilter::new(date(10, 9), None, &[]).expect("valid filter");
        assert!(one_day.keeps(&on(date(10, 9), EventKind::Diplomacy)));
        assert!(!one_day.keeps(&on(date(10, 10), EventKind::Diplomacy)));
        let up_to = ViewFilter::new(None, date(10, 9), &[]).expect("valid filter");
        assert!(up_to.keeps(&on(date(9, 27), EventKind::Casualties)));
        assert!(!up_to.keeps(&on(date(10, 10), EventKind::Casualties)));
    }

    #[test]
    fn a_wrong_kind_or_range_is_refused_with_the_choices() {
        let error = ViewFilter::new(None, None, &["bombing".to_string()])
            .err()
            .unwrap_or_default();
        assert!(
            error.contains("'bombing'") && error.contains("shelling,fighting"),
            "{error}"
        );
        let error = ViewFilter::new(date(10, 9), date(10, 8), &[])
            .err()
            .unwrap_or_default();
        assert!(error.contains("before"), "{error}");
    }
}
