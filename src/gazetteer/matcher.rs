//! All names of the gazetteer found in one pass over the normalised text.
//!
//! Names and normalised text are both words of ASCII letters and digits separated by single
//! spaces, so a name can only match as a whole word sequence ("armenia" never matches inside
//! "armenian"). At each word of the text one hash lookup says whether some name starts with it;
//! only then are the following words added, one lookup per word, for as long as some name
//! continues. That finds every occurrence of every name, as an automaton over the names would,
//! at a fraction of its cost to build and to run.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::normalize::Normalized;

/// One place that a name can stand for.
#[derive(Debug, Clone)]
pub struct NamedPlace {
    /// Index into the gazetteer's places.
    pub place: u32,
    /// The place's own name (not an alternate name): a small bonus in ranking.
    pub primary: bool,
    /// Set for acronyms ("US", "UK"): the text must spell it exactly so, or "us" would match.
    pub exact: Option<Box<str>>,
}

/// A distinct normalised name and every place it may stand for.
#[derive(Debug, Clone)]
pub struct NameEntry {
    pub normalized: String,
    pub places: Vec<NamedPlace>,
    /// The name is also a people's ("Armenian", "Turks"): never taken for a place. Set at load
    /// so that matching need not compare each found name with the list.
    pub demonym: bool,
}

/// A name found in the text: byte offsets in the original text and in the normalised text.
#[derive(Debug, Clone, Copy)]
pub struct RawMatch {
    pub start: usize,
    pub end: usize,
    pub name: usize,
}

/// What a sequence of words is to the gazetteer.
#[derive(Debug, Clone, Copy, Default)]
struct WordSequence {
    /// The sequence is this name (an index into the names).
    name: Option<u32>,
    /// Some longer name starts with the sequence.
    continues: bool,
}

#[derive(Debug, Default)]
pub struct Matcher {
    /// Every name, and every run of a name's first words, in normal form.
    sequences: HashMap<Box<str>, WordSequence, BuildHasherDefault<WordHasher>>,
}

impl Matcher {
    pub fn empty() -> Matcher {
        Matcher::default()
    }

    pub fn build(names: &[NameEntry]) -> Matcher {
        let mut sequences: HashMap<Box<str>, WordSequence, BuildHasherDefault<WordHasher>> =
            HashMap::default();
        for (index, entry) in names.iter().enumerate() {
            let name = entry.normalized.as_str();
            for (space, _) in name.match_indices(' ') {
                sequences.entry(name[..space].into()).or_default().continues = true;
            }
            sequences.entry(name.into()).or_default().name = Some(index as u32);
        }
        Matcher { sequences }
    }

    /// Non-overlapping matches, longest first at each position, among those `accept` keeps.
    /// `accept` sees the original byte range and the name index.
    pub fn find(
        &self,
        normalized: &Normalized,
        mut accept: impl FnMut(usize, usize, usize) -> bool,
    ) -> Vec<RawMatch> {
        let mut kept = Vec::new();
        if self.sequences.is_empty() {
            return kept;
        }
        let text = normalized.text.as_str();
        let bytes = text.as_bytes();
        let word_end = |from: usize| {
            bytes[from..]
                .iter()
                .position(|&b| b == b' ')
                .map_or(bytes.len(), |p| from + p)
        };
        // Names starting at the current word, shortest first: (end, name).
        let mut here: Vec<(usize, usize)> = Vec::new();
        let mut covered_to = 0;
        // The text starts with a space: its first word starts at 1.
        let mut start = 1;
        while start < bytes.len() {
            let first_end = word_end(start);
            if start >= covered_to {
                here.clear();
                let mut end = first_end;
                while let Some(sequence) = text.get(start..end).and_then(|s| self.sequences.get(s))
                {
                    if let Some(name) = sequence.name {
                        here.push((end, name as usize));
                    }
                    if !sequence.continues || end + 1 >= bytes.len() {
                        break;
                    }
                    end = word_end(end + 1);
                }
                for &(end, name) in here.iter().rev() {
                    let (original_start, original_end) = normalized.original_range(start, end);
                    if accept(original_start, original_end, name) {
                        kept.push(RawMatch {
                            start: original_start,
                            end: original_end,
                            name,
                        });
                        covered_to = end;
                        break;
                    }
                }
            }
            start = first_end + 1;
        }
        kept
    }
}

/// A fast hash for short ASCII keys (FxHash's multiply-rotate, eight bytes at a time): the
/// lookups run once per word of every article, and the keys are the gazetteer's own names, so
/// the resistance to chosen keys of the standard hasher buys nothing here.
#[derive(Default, Clone, Copy)]
pub struct WordHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        // The table picks buckets with the low bits and tags with the high ones: mix both.
        let h = self.hash;
        (h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (h >> 32)
    }
}

#[cfg(test)]
mod tests {
    use aho_corasick::{AhoCorasick, MatchKind};

    use super::*;
    use crate::gazetteer::normalize::{normalize_name, normalize_text};

    fn names(list: &[&str]) -> Vec<NameEntry> {
        list.iter()
            .map(|n| NameEntry {
                normalized: normalize_name(n),
                places: Vec::new(),
                demonym: false,
            })
            .collect()
    }

    fn found(matcher: &Matcher, names: &[NameEntry], text: &str) -> Vec<(String, String)> {
        let normalized = normalize_text(text);
        matcher
            .find(&normalized, |_, _, _| true)
            .into_iter()
            .map(|m| {
                (
                    text[m.start..m.end].to_string(),
                    names[m.name].normalized.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn whole_words_only_and_the_longest_name_first() {
        let names = names(&[
            "Armenia",
            "Nagorno-Karabakh",
            "Nagorno",
            "Karabakh",
            "Ter Ter",
        ]);
        let matcher = Matcher::build(&names);
        let text = "Armenian forces left Nagorno Karabakh; Armenia, Karabakh and Ter-Ter.";
        assert_eq!(
            found(&matcher, &names, text),
            [
                ("Nagorno Karabakh".into(), "nagorno karabakh".into()),
                ("Armenia".into(), "armenia".into()),
                ("Karabakh".into(), "karabakh".into()),
                ("Ter-Ter".into(), "ter ter".into()),
            ]
        );
    }

    #[test]
    fn a_refused_long_name_leaves_its_shorter_ones() {
        let names = names(&["Nagorno Karabakh", "Nagorno", "Karabakh"]);
        let matcher = Matcher::build(&names);
        let normalized = normalize_text("In Nagorno Karabakh.");
        let kept = matcher.find(&normalized, |start, end, _| end - start < 10);
        let spans: Vec<(usize, usize)> = kept.iter().map(|m| (m.start, m.end)).collect();
        assert_eq!(spans, [(3, 10), (11, 19)]);
    }

    /// The word-by-word lookup must find what an automaton over every name finds, on the whole
    /// gazetteer and on the seed articles.
    #[test]
    fn finds_what_an_automaton_over_the_names_finds() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let gazetteer = crate::gazetteer::Gazetteer::load(&root.join("data"))
            .unwrap_or_else(|e| panic!("data/ must load: {e}"));
        let names = gazetteer.names();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(names.iter().map(|n| format!(" {} ", n.normalized)))
            .unwrap_or_else(|e| panic!("{e}"));
        let mut articles = 0;
        for entry in std::fs::read_dir(root.join("seeds")).into_iter().flatten() {
            let Ok(entry) = entry else { continue };
            if entry.path().extension().is_none_or(|x| x != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            let normalized = normalize_text(&text);
            let mut expected: Vec<(usize, usize, usize)> = automaton
                .find_overlapping_iter(normalized.text.as_str())
                .map(|m| (m.start() + 1, m.end() - 1, m.pattern().as_usize()))
                .collect();
            expected.sort_unstable();
            let mut seen = Vec::new();
            gazetteer.matcher().find(&normalized, |start, end, name| {
                seen.push((start, end, name));
                false
            });
            let mut expected: Vec<(usize, usize, usize)> = expected
                .into_iter()
                .map(|(start, end, name)| {
                    let (start, end) = normalized.original_range(start, end);
                    (start, end, name)
                })
                .collect();
            expected.sort_unstable();
            seen.sort_unstable();
            assert!(!seen.is_empty());
            assert_eq!(seen, expected, "{}", entry.path().display());
            articles += 1;
        }
        assert!(articles >= 5, "the seeds must be there");
    }
}
