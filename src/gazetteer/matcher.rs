//! All names of the gazetteer found in one pass over the normalised text.
//!
//! Names and normalised text are both words of ASCII letters and digits separated by single
//! spaces, so a name can only match as a whole word sequence ("armenia" never matches inside
//! "armenian"). At each word of the text one hash lookup (its hash made while finding the word's
//! end, eight bytes at a time) says whether some name starts with it; only then are the following words added, one
//! lookup per word, for as long as some name continues. That finds every occurrence of every name, as an automaton over the names would,
//! at a fraction of its cost to build and to run.

use super::normalize::{NormalWord, Normalized};

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

/// One slot of [`Matcher`]'s table: a key (a slice of `keys`) with its hash, or empty.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    /// [`EMPTY`] for a free slot.
    hash: u64,
    key_start: u32,
    key_len: u32,
    sequence: WordSequence,
}

/// No key hashes to it: [`finish`] makes stored hashes odd.
const EMPTY: u64 = 0;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
const SPACES: u64 = u64::from_le_bytes([b' '; 8]);
const LOW_BITS: u64 = u64::from_le_bytes([0x01; 8]);
const HIGH_BITS: u64 = u64::from_le_bytes([0x80; 8]);

/// Eight bytes of `bytes` from `at`, as spaces past its end.
#[inline]
fn chunk_at(bytes: &[u8], at: usize) -> u64 {
    super::normalize::eight_padded_at(bytes, at, b' ')
}

/// The end of the word of `bytes` starting at `from` (at a space or the end), and `hash` with the
/// word added. Words are read eight bytes at a time: finding the end and hashing are one pass.
/// A key's hash is its words added one after another to [`SEED`].
#[inline]
fn add_word(bytes: &[u8], from: usize, mut hash: u64) -> (usize, u64) {
    let mut at = from;
    loop {
        let chunk = chunk_at(bytes, at);
        // The lowest byte equal to a space is exactly found by the zero-byte test.
        let x = chunk ^ SPACES;
        let spaces = x.wrapping_sub(LOW_BITS) & !x & HIGH_BITS;
        if spaces != 0 {
            let len = (spaces.trailing_zeros() / 8) as usize;
            let word = if len == 0 {
                0
            } else {
                chunk & (u64::MAX >> (64 - 8 * len))
            };
            hash = (hash.rotate_left(5) ^ word).wrapping_mul(SEED);
            return (at + len, hash);
        }
        hash = (hash.rotate_left(5) ^ chunk).wrapping_mul(SEED);
        at += 8;
    }
}

/// Whether `a` and `b` hold the same bytes, compared eight at a time in place. Every word of
/// the text that some name starts with is checked so, and keys are a few bytes long: a call to
/// the library's comparison costs more than the comparing.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let eight = |bytes: &[u8], at: usize| {
        bytes
            .get(at..at + 8)
            .and_then(|chunk| <[u8; 8]>::try_from(chunk).ok())
            .map(u64::from_le_bytes)
    };
    let mut at = 0;
    while at + 8 <= a.len() {
        if eight(a, at) != eight(b, at) {
            return false;
        }
        at += 8;
    }
    a[at..].iter().zip(&b[at..]).all(|(x, y)| x == y)
}

/// The slot a hash starts probing at, and the hash as stored (never [`EMPTY`]).
#[inline]
fn finish(hash: u64) -> (usize, u64) {
    let mixed = (hash ^ (hash >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    ((mixed >> 32) as usize, hash | 1)
}

/// Every name of the gazetteer, and every run of a name's first words, in normal form, in an
/// open-addressing table whose lookups take a hash computed during the scan of the text.
#[derive(Debug, Default)]
pub struct Matcher {
    /// A power of two in length, at most half full; empty when there are no names.
    slots: Vec<Slot>,
    /// The keys, one after another.
    keys: Vec<u8>,
}

impl Matcher {
    pub fn empty() -> Matcher {
        Matcher::default()
    }

    pub fn build(names: &[NameEntry]) -> Matcher {
        let most_keys: usize = names
            .iter()
            .map(|entry| 1 + entry.normalized.bytes().filter(|&b| b == b' ').count())
            .sum();
        let mut matcher = Matcher {
            slots: vec![Slot::default(); (most_keys * 2).next_power_of_two().max(2)],
            keys: Vec::new(),
        };
        for (index, entry) in names.iter().enumerate() {
            let name = entry.normalized.as_bytes();
            for (space, _) in name.iter().enumerate().filter(|(_, b)| **b == b' ') {
                matcher.entry(&name[..space]).continues = true;
            }
            matcher.entry(name).name = Some(index as u32);
        }
        matcher
    }

    fn hash(key: &[u8]) -> u64 {
        let (mut end, mut hash) = add_word(key, 0, SEED);
        while end < key.len() {
            (end, hash) = add_word(key, end + 1, hash);
        }
        hash
    }

    /// The slot of `key`, taken for it if it is new.
    fn entry(&mut self, key: &[u8]) -> &mut WordSequence {
        let mask = self.slots.len() - 1;
        let (mut at, hash) = finish(Self::hash(key));
        loop {
            at &= mask;
            let slot = self.slots[at];
            if slot.hash == EMPTY {
                self.slots[at] = Slot {
                    hash,
                    key_start: self.keys.len() as u32,
                    key_len: key.len() as u32,
                    sequence: WordSequence::default(),
                };
                self.keys.extend_from_slice(key);
                return &mut self.slots[at].sequence;
            }
            if slot.hash == hash && self.key(&slot) == key {
                return &mut self.slots[at].sequence;
            }
            at += 1;
        }
    }

    fn key(&self, slot: &Slot) -> &[u8] {
        let start = slot.key_start as usize;
        &self.keys[start..start + slot.key_len as usize]
    }

    /// Non-overlapping matches, longest first at each position, among those `accept` keeps.
    /// `accept` sees the original byte range and the name index.
    pub fn find(
        &self,
        normalized: &Normalized,
        accept: impl FnMut(usize, usize, usize) -> bool,
    ) -> Vec<RawMatch> {
        self.find_from(normalized, 0..normalized.words.len(), accept)
    }

    /// [`Matcher::find`], trying names only at `starts`: indices of words of the normal form,
    /// in order. Skipping a word is the same as `accept` refusing every name that starts there.
    pub fn find_from(
        &self,
        normalized: &Normalized,
        starts: impl IntoIterator<Item = usize>,
        mut accept: impl FnMut(usize, usize, usize) -> bool,
    ) -> Vec<RawMatch> {
        // Articles name a few dozen places: room for them at once rather than growing there.
        let mut kept = Vec::with_capacity(32);
        if self.slots.is_empty() {
            return kept;
        }
        let words = &normalized.words;
        let lower = normalized.lower.as_bytes();
        // Names starting at the current word, shortest first: (last word, name).
        let mut here: Vec<(usize, usize)> = Vec::with_capacity(8);
        // Words before this one are part of a name kept already.
        let mut covered_to = 0;
        for first in starts {
            if first < covered_to || first >= words.len() {
                continue;
            }
            here.clear();
            let mut last = first;
            let mut hash = add_letters(lower, &words[first], SEED);
            while let Some(sequence) = self.get_words(hash, normalized, &words[first..=last]) {
                if let Some(name) = sequence.name {
                    here.push((last, name as usize));
                }
                if !sequence.continues || last + 1 >= words.len() {
                    break;
                }
                last += 1;
                hash = add_letters(lower, &words[last], hash);
            }
            for &(last, name) in here.iter().rev() {
                let (start, end) = (words[first].start as usize, words[last].end as usize);
                if accept(start, end, name) {
                    kept.push(RawMatch { start, end, name });
                    covered_to = last + 1;
                    break;
                }
            }
        }
        kept
    }

    /// What the words `sequence` are, one after another, given their hash as made by
    /// [`add_letters`] (the hash of the key they spell with single spaces between).
    #[inline]
    fn get_words(
        &self,
        hash: u64,
        normalized: &Normalized,
        sequence: &[NormalWord],
    ) -> Option<WordSequence> {
        let mask = self.slots.len().checked_sub(1)?;
        let (mut at, hash) = finish(hash);
        loop {
            at &= mask;
            let slot = &self.slots[at];
            if slot.hash == EMPTY {
                return None;
            }
            if slot.hash == hash && spells(self.key(slot), normalized, sequence) {
                return Some(slot.sequence);
            }
            at += 1;
        }
    }
}

/// `hash` with the letters of `word` (in `lower`) added, as [`add_word`] adds a word of a key:
/// eight bytes at a time, then what is left (nothing, when the word fills its last eight).
#[inline]
fn add_letters(lower: &[u8], word: &NormalWord, mut hash: u64) -> u64 {
    let mut at = word.at as usize;
    let mut left = word.len as usize;
    while left >= 8 {
        hash = (hash.rotate_left(5) ^ super::normalize::eight_at(lower, at)).wrapping_mul(SEED);
        at += 8;
        left -= 8;
    }
    let rest = if left == 0 {
        0
    } else {
        super::normalize::eight_at(lower, at) & (u64::MAX >> (64 - 8 * left))
    };
    (hash.rotate_left(5) ^ rest).wrapping_mul(SEED)
}

/// Whether `key` is the words of `sequence` with single spaces between them.
#[inline]
fn spells(key: &[u8], normalized: &Normalized, sequence: &[NormalWord]) -> bool {
    let mut rest = key;
    for (index, word) in sequence.iter().enumerate() {
        if index > 0 {
            match rest.split_first() {
                Some((b' ', after)) => rest = after,
                _ => return false,
            }
        }
        let letters = normalized.letters(word);
        if rest.len() < letters.len() || !same_bytes(&rest[..letters.len()], letters) {
            return false;
        }
        rest = &rest[letters.len()..];
    }
    rest.is_empty()
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
            let written = normalized.text();
            let mut expected: Vec<(usize, usize, usize)> = automaton
                .find_overlapping_iter(written.as_str())
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
                    // The words that start and end there in the written-out normal form.
                    let mut at = 1;
                    let (mut first, mut last) = (None, None);
                    for word in &normalized.words {
                        if at == start {
                            first = Some(word.start as usize);
                        }
                        at += word.len as usize;
                        if at == end {
                            last = Some(word.end as usize);
                        }
                        at += 1;
                    }
                    let whole = first.zip(last);
                    let (start, end) = whole.unwrap_or_else(|| panic!("{start}..{end}"));
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

    /// Trying names only at the words that may start one finds what trying every word finds,
    /// when capitalised names alone are kept.
    #[test]
    fn name_starts_find_every_capitalised_name() {
        let names = names(&[
            "Armenia",
            "Şuşa",
            "Nagorno Karabakh",
            "Karabakh",
            "Ter Ter",
            "1st Army",
        ]);
        let matcher = Matcher::build(&names);
        let text = "armenia and Armenia; nagorno Karabakh, Nagorno-Karabakh, şuşa and ŞUŞA, \
                    Şuşa; ter Ter and Ter-Ter; the 1st Army, yesterday in Armenia.";
        let normalized = normalize_text(text);
        let capitalised = |start: usize, end: usize, _| {
            text[start..end]
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        };
        let spans = |found: Vec<RawMatch>| -> Vec<(usize, usize, usize)> {
            found.iter().map(|m| (m.start, m.end, m.name)).collect()
        };
        let everywhere = spans(matcher.find(&normalized, capitalised));
        let starts = normalized.name_starts.iter().map(|&at| at as usize);
        let at_starts = spans(matcher.find_from(&normalized, starts, capitalised));
        assert_eq!(at_starts, everywhere);
        assert_eq!(everywhere.len(), 7, "{everywhere:?}");
    }

    #[test]
    fn same_bytes_agrees_with_slice_equality() {
        // Every pair of prefixes of real names and words, of every length around eight and
        // sixteen bytes, differing anywhere or not at all.
        let words = [
            "",
            "a",
            "ter",
            "ter ter",
            "stepanakert",
            "stepanakerd",
            "nagorno karabakh",
            "nagorno karabakx",
            "xagorno karabakh",
            "nagorno karabakh republic",
            "armenia",
            "armenian",
        ];
        for a in words {
            for b in words {
                for a_len in 0..=a.len() {
                    for b_len in 0..=b.len() {
                        let (a, b) = (&a.as_bytes()[..a_len], &b.as_bytes()[..b_len]);
                        assert_eq!(same_bytes(a, b), a == b, "{a:?} {b:?}");
                    }
                }
            }
        }
    }
}
