//! Extraction throughput on synthetic corpora of seed-sized articles (≈ 4 KB), made at bench time
//! from the seeds: sentences shuffled and recombined, place names swapped among gazetteer
//! entries, dates shifted.
//!
//! - `one core`: gazetteer mentions + event extraction per article on this thread (its CPU time,
//!   see `common::thread_cpu_time`, so a busy machine does not inflate it), over the
//!   1 000-article corpus and over the 100 000-article one (1 000 articles per iteration, moving
//!   through the corpus), so per-article cost at both sizes can be compared; and the 1 000
//!   articles once more with the publication date found in each text first, as reading a file
//!   does (the synthetic articles carry theirs already).
//! - `merge`: the merge across articles alone, on the events of 1 000 and 4 000 articles.
//! - `Atlas::build`: the whole store (extraction on every core with rayon, then the merge across
//!   articles and the day index) for 1 000 articles, in wall time; 100 000 articles only with
//!   `BENCH_LARGE_BUILD=1` (ten builds of about a minute each).
//!
//! `cargo bench --bench extraction` (a few minutes on two cores; `-- "one core"` for the
//! single-core part alone).
//!
//! One-shot modes, instead of the benchmarks:
//! - `PROFILE_ARTICLES=200 valgrind --tool=callgrind <bench binary>`: extracts that many synthetic
//!   articles once on one thread, merges their events and exits (a repeatable instruction
//!   profile);
//! - `BUILD_ARTICLES=100000 <bench binary>`: one `Atlas::build` of that many articles on every
//!   core, its wall time and rate printed;
//! - `DUMP_CORPUS=DIR`: writes the synthetic corpus (`DUMP_ARTICLES`, 400 by default) as text
//!   files.

mod common;

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, SamplingMode, Throughput, criterion_group};
use karabakh_atlas::atlas::Atlas;
use karabakh_atlas::extract;
use karabakh_atlas::model::{Article, Event};
use rayon::prelude::*;

const SMALL: usize = 1_000;
const LARGE: usize = 100_000;
const MERGE_SMALL: usize = 1_000;
const MERGE_LARGE: usize = 4_000;

fn extract_one(
    article: &Article,
    gazetteer: &karabakh_atlas::gazetteer::Gazetteer,
    lexicon: &extract::Lexicon,
) -> usize {
    let mentions = gazetteer.mentions(&article.text);
    extract::extract_article(article, &mentions, gazetteer, lexicon).len()
}

/// What reading an article costs beyond its file: its publication date found in the text (as
/// `corpus::read_article` does), then the mentions and the events.
fn extract_whole(
    article: &Article,
    gazetteer: &karabakh_atlas::gazetteer::Gazetteer,
    lexicon: &extract::Lexicon,
) -> usize {
    let published = karabakh_atlas::corpus::publication_date(&article.text);
    black_box(&published);
    extract_one(article, gazetteer, lexicon)
}

fn extraction(c: &mut Criterion) {
    let gazetteer = Arc::new(common::gazetteer());
    let lexicon = common::lexicon();
    let started = Instant::now();
    let large = common::corpus(&gazetteer, LARGE);
    eprintln!(
        "generated {LARGE} articles ({:.0} MB) in {:.1} s; load average {}",
        common::total_bytes(&large) as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        common::load_average()
    );
    // The small corpus is the start of the large one: same generator, same seed.
    let small = &large[..SMALL];

    let mut group = c.benchmark_group("one core");
    // An iteration is a thousand articles (most of a second): ten samples are enough.
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(1));
    group.measurement_time(Duration::from_secs(5));
    group.throughput(Throughput::ElementsAndBytes {
        elements: SMALL as u64,
        bytes: common::total_bytes(small),
    });
    group.bench_function("1000 articles", |b| {
        b.iter_custom(|iters| {
            common::cpu_time(iters, || {
                small
                    .iter()
                    .map(|a| extract_one(black_box(a), &gazetteer, &lexicon))
                    .sum::<usize>()
            })
        })
    });
    group.bench_function("1000 articles, with the publication date", |b| {
        b.iter_custom(|iters| {
            common::cpu_time(iters, || {
                small
                    .iter()
                    .map(|a| extract_whole(black_box(a), &gazetteer, &lexicon))
                    .sum::<usize>()
            })
        })
    });
    // Each iteration takes the next 1 000 articles of the large corpus.
    let mut cursor = 0;
    group.bench_function("100000 articles, 1000 per iteration", |b| {
        b.iter_custom(|iters| {
            let mut elapsed = Duration::ZERO;
            for _ in 0..iters {
                let chunk = &large[cursor..cursor + SMALL];
                cursor = (cursor + SMALL) % LARGE;
                elapsed += common::cpu_time(1, || {
                    chunk
                        .iter()
                        .map(|a| extract_one(black_box(a), &gazetteer, &lexicon))
                        .sum::<usize>()
                });
            }
            elapsed
        })
    });
    group.finish();

    // The merge across articles alone, on the events of growing corpora: it must stay linear.
    let mut group = c.benchmark_group("merge");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(1));
    group.measurement_time(Duration::from_secs(3));
    for articles in [MERGE_SMALL, MERGE_LARGE] {
        let events: Vec<Event> = large[..articles]
            .par_iter()
            .flat_map_iter(|a| {
                let mentions = gazetteer.mentions(&a.text);
                extract::extract_article(a, &mentions, &gazetteer, &lexicon)
            })
            .collect();
        group.throughput(Throughput::Elements(events.len() as u64));
        group.bench_function(format!("events of {articles} articles"), |b| {
            b.iter_batched(
                || events.clone(),
                extract::merge::merge,
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();

    let mut group = c.benchmark_group("Atlas::build, all cores");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(1));
    group.measurement_time(Duration::from_secs(5));
    group.throughput(Throughput::ElementsAndBytes {
        elements: SMALL as u64,
        bytes: common::total_bytes(small),
    });
    group.bench_function("1000 articles", |b| {
        b.iter_batched(
            || small.to_vec(),
            |articles| Atlas::build(articles, Vec::new(), gazetteer.clone(), &lexicon),
            BatchSize::PerIteration,
        )
    });
    group.throughput(Throughput::ElementsAndBytes {
        elements: LARGE as u64,
        bytes: common::total_bytes(&large),
    });
    group.measurement_time(Duration::from_secs(1));
    // The merge is linear now, but one build of 100 000 articles still takes about a minute of
    // wall time on two cores, and criterion wants ten of them: it runs only when asked.
    // `BUILD_ARTICLES=100000` times a single build instead.
    if std::env::var_os("BENCH_LARGE_BUILD").is_none() {
        eprintln!(
            "Atlas::build of {LARGE} articles skipped: set BENCH_LARGE_BUILD=1 to run it \
             (ten builds), or BUILD_ARTICLES={LARGE} for one"
        );
        group.finish();
        return;
    }
    group.bench_function("100000 articles", |b| {
        b.iter_custom(|iters| {
            let mut elapsed = Duration::ZERO;
            for _ in 0..iters {
                let articles = large.clone();
                let started = Instant::now();
                let atlas = Atlas::build(articles, Vec::new(), gazetteer.clone(), &lexicon);
                elapsed += started.elapsed();
                black_box(atlas.events.len());
            }
            elapsed
        })
    });
    group.finish();
}

criterion_group!(benches, extraction);

fn main() {
    // `DUMP_CORPUS=DIR DUMP_ARTICLES=n`: write the synthetic corpus as text files, so that the
    // `extract` command's output can be compared before and after a change of the extraction.
    if let Ok(dir) = std::env::var("DUMP_CORPUS") {
        let count = std::env::var("DUMP_ARTICLES")
            .ok()
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(400);
        let gazetteer = common::gazetteer();
        let dir = std::path::PathBuf::from(dir);
        if let Err(error) = std::fs::create_dir_all(&dir) {
            eprintln!("cannot create {}: {error}", dir.display());
            std::process::exit(1);
        }
        for article in common::corpus(&gazetteer, count) {
            let path = dir.join(&article.id);
            if let Err(error) = std::fs::write(&path, &article.text) {
                eprintln!("cannot write {}: {error}", path.display());
                std::process::exit(1);
            }
        }
        eprintln!("{count} synthetic articles written to {}", dir.display());
        return;
    }
    if let Some(count) = std::env::var("PROFILE_ARTICLES")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
    {
        let gazetteer = common::gazetteer();
        let lexicon = common::lexicon();
        let articles = common::corpus(&gazetteer, count);
        let events: Vec<Event> = articles
            .iter()
            .flat_map(|a| {
                let mentions = gazetteer.mentions(&a.text);
                extract::extract_article(a, &mentions, &gazetteer, &lexicon)
            })
            .collect();
        let found = events.len();
        let merged = extract::merge::merge(events).len();
        eprintln!("{count} articles, {found} events, {merged} after the merge");
        return;
    }
    if let Some(count) = std::env::var("BUILD_ARTICLES")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
    {
        let gazetteer = Arc::new(common::gazetteer());
        let lexicon = common::lexicon();
        let started = Instant::now();
        let articles = common::corpus(&gazetteer, count);
        eprintln!(
            "generated {count} articles ({:.0} MB) in {:.1} s; load average {}",
            common::total_bytes(&articles) as f64 / 1e6,
            started.elapsed().as_secs_f64(),
            common::load_average()
        );
        let started = Instant::now();
        let atlas = Atlas::build(articles, Vec::new(), gazetteer, &lexicon);
        let seconds = started.elapsed().as_secs_f64();
        eprintln!(
            "Atlas::build of {count} articles on {} threads: {seconds:.1} s wall, {:.0} articles/s, \
             {} events; load average {}",
            rayon::current_num_threads(),
            count as f64 / seconds,
            atlas.events.len(),
            common::load_average()
        );
        return;
    }
    benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
