//! What every benchmark needs: the seed articles, the data folder, a synthetic corpus.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use karabakh_atlas::corpus;
use karabakh_atlas::extract::Lexicon;
use karabakh_atlas::gazetteer::Gazetteer;
use karabakh_atlas::model::Article;
use karabakh_atlas::synthetic::CorpusGenerator;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn data_dir() -> PathBuf {
    root().join("data")
}

/// The seed articles, read directly so the benchmark does not depend on the folder reader.
pub fn seeds() -> Vec<Article> {
    let dir = root().join("seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    let articles: Vec<Article> = paths.iter().filter_map(|p| seed(p)).collect();
    if articles.is_empty() {
        eprintln!(
            "no seed articles in {}: benchmarks need seeds/*.txt",
            dir.display()
        );
        std::process::exit(2);
    }
    articles
}

fn seed(path: &Path) -> Option<Article> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| eprintln!("{}: {e}; skipped", path.display()))
        .ok()?;
    let id = path.file_name()?.to_string_lossy().into_owned();
    Some(Article {
        id,
        path: path.to_path_buf(),
        published: corpus::publication_date(&text),
        text,
        hash: String::new(),
        note: None,
    })
}

pub fn gazetteer() -> Gazetteer {
    let dir = data_dir();
    match Gazetteer::load(&dir) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("cannot load the gazetteer of {}: {e}", dir.display());
            std::process::exit(2);
        }
    }
}

/// `count` synthetic articles of seed size (≈ 4 KB), the same for every run.
pub fn corpus(gazetteer: &Gazetteer, count: usize) -> Vec<Article> {
    CorpusGenerator::new(&seeds(), gazetteer, 4096).generate(count, 2020)
}

pub fn total_bytes(articles: &[Article]) -> u64 {
    articles.iter().map(|a| a.text.len() as u64).sum()
}

pub fn lexicon() -> Lexicon {
    let dir = data_dir();
    match Lexicon::load(&dir) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cannot load the lexicon of {}: {e}", dir.display());
            std::process::exit(2);
        }
    }
}

/// Load average over the last minute, to print next to timings taken on a shared machine.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "unknown".into())
}

/// CPU time of the calling thread. On a shared machine the wall clock also counts the time this
/// thread waits for a core while other work runs; the thread's CPU time does not, so single-thread
/// results stay comparable between a quiet and a busy machine.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
pub fn thread_cpu_time() -> std::time::Duration {
    #[repr(C)]
    struct Timespec {
        seconds: i64,
        nanoseconds: i64,
    }
    unsafe extern "C" {
        fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut time = Timespec {
        seconds: 0,
        nanoseconds: 0,
    };
    // SAFETY: `time` is a valid, writable timespec (64-bit time_t and long on 64-bit Linux).
    let status = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut time) };
    if status != 0 {
        return std::time::Duration::ZERO;
    }
    std::time::Duration::new(time.seconds as u64, time.nanoseconds as u32)
}

/// Elsewhere: the wall clock since the first call.
#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
pub fn thread_cpu_time() -> std::time::Duration {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

/// Runs `routine` `iters` times and returns the CPU time this thread spent (for `iter_custom`).
pub fn cpu_time<O>(iters: u64, mut routine: impl FnMut() -> O) -> std::time::Duration {
    let started = thread_cpu_time();
    for _ in 0..iters {
        std::hint::black_box(routine());
    }
    thread_cpu_time().saturating_sub(started)
}
