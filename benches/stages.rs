//! Per-article cost of each text stage on the seeds: sentences, time references, publication date.
//! `cargo bench --bench stages`

mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use karabakh_atlas::{corpus, text, when};

fn stages(c: &mut Criterion) {
    let seeds = common::seeds();
    let bytes = common::total_bytes(&seeds);
    let mut group = c.benchmark_group("stages (all 5 seeds)");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("sentences", |b| {
        b.iter(|| {
            for a in &seeds {
                black_box(text::sentences(black_box(&a.text)));
            }
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
        b.iter(|| {
            for (sentences, day) in &split {
                for s in sentences {
                    black_box(when::time_refs(black_box(s), *day));
                }
            }
        })
    });
    group.bench_function("publication_date", |b| {
        b.iter(|| {
            for a in &seeds {
                black_box(corpus::publication_date(black_box(&a.text)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
