//! All names of the gazetteer matched in one pass over the normalised text (Aho-Corasick).
//!
//! Every pattern is a normalised name with a space on each side, and the normalised text starts
//! and ends with a space, so a match is always a whole word sequence: "armenia" never matches
//! inside "armenian".

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

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
}

/// A name found in the text: byte offsets in the original text and in the normalised text.
#[derive(Debug, Clone, Copy)]
pub struct RawMatch {
    pub start: usize,
    pub end: usize,
    pub name: usize,
}

#[derive(Debug)]
pub struct Matcher {
    /// `None` when the gazetteer has no names at all.
    automaton: Option<AhoCorasick>,
}

impl Matcher {
    pub fn empty() -> Matcher {
        Matcher { automaton: None }
    }

    pub fn build(names: &[NameEntry]) -> Result<Matcher, String> {
        if names.is_empty() {
            return Ok(Matcher { automaton: None });
        }
        let patterns = names.iter().map(|n| format!(" {} ", n.normalized));
        // A non-contiguous NFA is the quickest to build: the automaton is built at every start,
        // and over a few-KB article the slower walk costs less than the build it saves.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
            .build(patterns)
            .map_err(|e| e.to_string())?;
        Ok(Matcher {
            automaton: Some(automaton),
        })
    }

    /// Non-overlapping matches, longest first at each position, among those `accept` keeps.
    /// `accept` sees the original byte range and the name index.
    pub fn find(
        &self,
        normalized: &Normalized,
        mut accept: impl FnMut(usize, usize, usize) -> bool,
    ) -> Vec<RawMatch> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut found: Vec<(usize, usize, usize)> = automaton
            .find_overlapping_iter(normalized.text.as_str())
            .map(|m| (m.start() + 1, m.end() - 1, m.pattern().as_usize()))
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut kept = Vec::new();
        let mut covered_to = 0;
        for (start, end, name) in found {
            if start < covered_to {
                continue;
            }
            let (original_start, original_end) = normalized.original_range(start, end);
            if accept(original_start, original_end, name) {
                kept.push(RawMatch {
                    start: original_start,
                    end: original_end,
                    name,
                });
                covered_to = end;
            }
        }
        kept
    }
}
