//! Per-article cost of each text stage on the seeds: sentences, time references, publication date.
//! Times are CPU time of the benchmark thread (see `common::thread_cpu_time`).
//! `cargo bench --bench stages`
//!
//! For an instruction count that does not depend on the machine's load, run one stage a fixed
//! number of times under callgrind: `STAGE=time_refs valgrind --tool=callgrind <bench binary>`
//! (STAGE = sentences, time_refs or publication_date; 100 rounds over the seeds).

mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group};
use karabakh_atlas::{corpus, text, when};

fn stages(c: &mut Criterion) {
    let seeds = common::seeds();
    let bytes = common::total_bytes(&seeds);
    let mut group = c.benchmark_group("stages (all 5 seeds)");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("sentences", |b| {
        b.iter_custom(|iters| {
            common::cpu_time(iters, || {
                for a in &seeds {
                    black_box(text::sentences(black_box(&a.text)));
                }
            })
        })
    });
    let split: Vec<(Vec<&str>, chrono::NaiveDate)> = seeds
        .iter()
        .map(|a| {
            let day = a
                .published
                .as_ref()
                .map(|p| p.day)
                .unwrap_or_else(corpus::war_start);
            let sentences = text::sentences(&a.text)
                .into_iter()
                .map(|r| &a.text[r])
                .collect();
            (sentences, day)
        })
        .collect();
    group.bench_function("time_refs", |b| {
        b.iter_custom(|iters| {
            common::cpu_time(iters, || {
                for (sentences, day) in &split {
                    for s in sentences {
                        black_box(when::time_refs(black_box(s), *day));
                    }
                }
            })
        })
    });
    group.bench_function("publication_date", |b| {
        b.iter_custom(|iters| {
            common::cpu_time(iters, || {
                for a in &seeds {
                    black_box(corpus::publication_date(black_box(&a.text)));
                }
            })
        })
    });
    group.finish();
}

/// Runs one stage 100 times over the seeds, outside criterion (for callgrind).
fn fixed_rounds(stage: &str) {
    let seeds = common::seeds();
    for _ in 0..100 {
        for a in &seeds {
            match stage {
                "sentences" => {
                    black_box(text::sentences(black_box(&a.text)));
                }
                "time_refs" => {
                    let day = a
                        .published
                        .as_ref()
                        .map_or_else(corpus::war_start, |p| p.day);
                    for r in text::sentences(&a.text) {
                        black_box(when::time_refs(black_box(&a.text[r]), day));
                    }
                }
                "publication_date" => {
                    black_box(corpus::publication_date(black_box(&a.text)));
                }
                other => {
                    eprintln!("STAGE={other}: expected sentences, time_refs or publication_date");
                    std::process::exit(2);
                }
            }
        }
    }
}

criterion_group!(benches, stages);

fn main() {
    if let Ok(stage) = std::env::var("STAGE") {
        fixed_rounds(&stage);
        return;
    }
    benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
