//! The seed articles' texts, for unit tests that hold a shortcut against the plain way on real
//! text.

use std::path::Path;

/// The text of every seed article (`seeds/*.txt`), in the order of the file names.
pub fn seed_texts() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("the seeds folder is part of the repository")
        .map(|entry| entry.expect("a readable seeds folder").path())
        .filter(|path| path.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no seed articles in {}", dir.display());
    paths
        .iter()
        .map(|path| std::fs::read_to_string(path).expect("seeds are UTF-8 text"))
        .collect()
}

/// Every sentence of the seed articles, as `text::sentences` splits them.
pub fn seed_sentences() -> Vec<String> {
    seed_texts()
        .iter()
        .flat_map(|text| {
            crate::text::sentences(text)
                .into_iter()
                .map(|range| text[range].to_string())
        })
        .collect()
}

/// [`seed_sentences`] followed by sentences of a test's own (awkward cases the seeds lack).
pub fn seed_sentences_with(own: &[&str]) -> Vec<String> {
    let mut sentences = seed_sentences();
    sentences.extend(own.iter().map(|s| s.to_string()));
    sentences
}
