//! karabakh-atlas: news articles about the 2020 Nagorno-Karabakh war → dated, typed, located events
//! → a map you can explore day by day.
//!
//! The modules follow the pipeline:
//! `corpus` (files, publication date) → `text` (sentences) → `when` (days) → `gazetteer` (places)
//! → `extract` (events, merge) → `atlas` (the immutable store the window and exports read).

pub mod atlas;
pub mod basemap;
pub mod corpus;
pub mod corrections;
pub mod eval;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod model;
pub mod paths;
#[cfg(test)]
mod seed_texts;
pub mod synthetic;
pub mod text;
pub mod when;

pub mod app;

/// Extraction makes thousands of small strings and vectors per article (spans, reasons, quotes);
/// mimalloc's thread-local free lists serve them several times cheaper than the system allocator.
/// Its version 2 (the `v2` feature): version 3 was ≈ 4 % faster still, but kept 28 MB more at
/// the peak of the window with 100 000 events (145 MB against 117 MB; version 2: 129 MB). Without
/// transparent huge pages (`no_thp`): mimalloc asks for them on its arenas, and a huge page is
/// resident whole — 141 MB at that peak with them, 128 MB without, and extraction as fast.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
