//! The binary: a thin layer over the library. No sub-command opens the window on the seeds.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let data = cli.data.clone().unwrap_or_else(paths::default_data_dir);
    let articles = cli
        .articles
        .clone()
        .unwrap_or_else(paths::default_seeds_dir);
    let _ = (&data, &articles, &cli.published);
    match cli.command {
        None => ExitCode::SUCCESS,
        Some(Command::Places { files: _ }) => ExitCode::SUCCESS,
    }
}
