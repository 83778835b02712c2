//! The binary: a thin layer over the library. No sub-command opens the window on the seeds.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use karabakh_atlas::paths;

#[derive(Parser, Debug)]
#[command(name = "karabakh-atlas", version, about = "A day-by-day map of the 2020 Nagorno-Karabakh war, built from news articles")]
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
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print every place mention of the given files as one JSON array.
    Places { files: Vec<PathBuf> },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let data = cli.data.clone().unwrap_or_else(paths::default_data_dir);
    let articles = cli.articles.clone().unwrap_or_else(paths::default_seeds_dir);
    let _ = (&data, &articles, &cli.published);
    match cli.command {
        None => ExitCode::SUCCESS,
        Some(Command::Places { files }) => places(&data, &files),
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
