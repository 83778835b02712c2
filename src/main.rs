//! The binary: a thin layer over the library. No sub-command opens the window on the seeds.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use karabakh_atlas::atlas::{Atlas, PublicationPin};
use karabakh_atlas::eval::{self, Gold};
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
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print every place mention of the given files as one JSON array.
    Places { files: Vec<PathBuf> },
    /// Score the extraction against a gold file: precision, recall, F1 and publication dates.
    Eval {
        gold: PathBuf,
        /// Also list missed and spurious (article, day, kind, place) triples.
        #[arg(long)]
        verbose: bool,
    },
}

fn main() -> ExitCode {
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
    let result = match cli.command {
        None => Ok(()),
        Some(Command::Places { files: _ }) => Ok(()),
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
