//! Gazetteer: loading the shipped `data/` folder, and place-mention matching in MB/s on the seeds
//! and on a synthetic 1 000-article corpus.
//!
//! Times are CPU time of the benchmark thread (see `common::thread_cpu_time`).
//!
//! `cargo bench --bench gazetteer`

mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group};
use karabakh_atlas::gazetteer::Gazetteer;

fn gazetteer(c: &mut Criterion) {
    let data = common::data_dir();
    let mut group = c.benchmark_group("gazetteer");
    group.sample_size(20);
    group.bench_function("load data/", |b| {
        b.iter_custom(|iters| {
            common::cpu_time(iters, || Gazetteer::load(black_box(&data)).map(|g| g.len()))
        })
    });
    let gazetteer = common::gazetteer();
    let seeds = common::seeds();
    group.throughput(Throughput::ElementsAndBytes {
        elements: seeds.len() as u64,
        bytes: common::total_bytes(&seeds),
    });
    group.sample_size(100);
    group.bench_function("mentions, 5 seeds", |b| {
        b.iter_custom(|iters| {
            common::cpu_time(iters, || {
                seeds
                    .iter()
                    .map(|a| gazetteer.mentions(black_box(&a.text)).len())
                    .sum::<usize>()
            })
        })
    });
    let corpus = common::corpus(&gazetteer, 1_000);
    group.throughput(Throughput::ElementsAndBytes {
        elements: corpus.len() as u64,
        bytes: common::total_bytes(&corpus),
    });
    group.sample_size(20);
    group.bench_function("mentions, 1000 synthetic articles", |b| {
        b.iter_custom(|iters| {
            common::cpu_time(iters, || {
                corpus
                    .iter()
                    .map(|a| gazetteer.mentions(black_box(&a.text)).len())
                    .sum::<usize>()
            })
        })
    });
    group.finish();
}

criterion_group!(benches, gazetteer);

fn main() {
    eprintln!("load average {}", common::load_average());
    benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
