//! Trigger words from `data/lexicon.toml`, compiled once into case-insensitive automata.

use std::collections::HashMap;
use std::path::Path;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;

use crate::model::EventKind;

#[derive(Debug, Deserialize)]
struct LexiconFile {
    kinds: HashMap<String, KindWords>,
    claims: ClaimWords,
    mood: MoodWords,
    #[serde(default)]
    actors: HashMap<String, String>,
    #[serde(default)]
    demonyms: HashMap<String, String>,
    heads: HeadWords,
    context: ContextWords,
}

#[derive(Debug, Deserialize)]
struct KindWords {
    triggers: Vec<String>,
    #[serde(default)]
    blockers: Vec<String>,
    #[serde(default)]
    context: KindContext,
}

#[derive(Debug, Default, Deserialize)]
struct KindContext {
    #[serde(default)]
    not_after: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct ContextWords {
    skip: Vec<String>,
    referring: Vec<String>,
    negations: Vec<String>,
    skip_lines: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct ClaimWords {
    verbs: Vec<String>,
    denials: Vec<String>,
    according_to: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct MoodWords {
    hypothetical: Vec<String>,
    planned: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct HeadWords {
    titles: Vec<String>,
}

/// A phrase list compiled for whole-word, case-insensitive search.
#[derive(Debug, Clone)]
pub struct PhraseSet {
    automaton: AhoCorasick,
    phrases: Vec<String>,
}

impl PhraseSet {
    pub fn new(phrases: &[String]) -> anyhow::Result<PhraseSet> {
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(phrases)?;
        Ok(PhraseSet {
            automaton,
            phrases: phrases.to_vec(),
        })
    }

    /// Whole-word matches: `(start, end, phrase index)` in byte offsets of `text`.
    pub fn find_iter<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        self.automaton
            .find_iter(text)
            .filter(move |m| is_word_boundary(text, m.start(), m.end()))
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
    }

    pub fn contains(&self, text: &str) -> bool {
        self.find_iter(text).next().is_some()
    }

    pub fn phrase(&self, index: usize) -> &str {
        &self.phrases[index]
    }
}

/// True when `text[start..end]` is not glued to a letter or digit on either side.
pub fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let is_word = |c: char| c.is_alphanumeric();
    !before.is_some_and(is_word) && !after.is_some_and(is_word)
}

/// Everything the extractor looks up by word, compiled once.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Per kind (indexed like [`EventKind::ALL`]): triggers and blockers.
    pub triggers: Vec<PhraseSet>,
    pub blockers: Vec<PhraseSet>,
    pub claim_verbs: PhraseSet,
    pub denials: PhraseSet,
    pub according_to: PhraseSet,
    pub hypothetical: PhraseSet,
    pub planned: PhraseSet,
    /// Person or institution name → country code.
    pub actors: PhraseSet,
    actor_countries: Vec<String>,
    pub demonyms: PhraseSet,
    demonym_countries: Vec<String>,
    pub head_titles: PhraseSet,
    /// Per kind: words that, right before a trigger, make it a modifier ("of fighting").
    pub not_after: Vec<Vec<String>>,
    pub skip_words: Vec<String>,
    pub referring: Vec<String>,
    pub negations: Vec<String>,
    /// Lower-case starts of lines that are links or teasers ("read also").
    pub skip_lines: Vec<String>,
}

impl Lexicon {
    pub fn load(data_dir: &Path) -> anyhow::Result<Lexicon> {
        let path = data_dir.join("lexicon.toml");
        let text = std::fs::read_to_string(&path).map_err(|e| {
            anyhow::anyhow!(
                "{}: cannot read the lexicon ({e}); restore it from the project's data/ folder",
                path.display()
            )
        })?;
        Lexicon::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
    }

    pub fn parse(text: &str) -> anyhow::Result<Lexicon> {
        let file: LexiconFile = toml::from_str(text)?;
        let mut triggers = Vec::new();
        let mut blockers = Vec::new();
        let mut not_after = Vec::new();
        for kind in EventKind::ALL {
            let words = file.kinds.get(kind.as_str()).ok_or_else(|| {
                anyhow::anyhow!(
                    "no [kinds.{}] table: add one with a `triggers` list",
                    kind.as_str()
                )
            })?;
            triggers.push(PhraseSet::new(&words.triggers)?);
            blockers.push(PhraseSet::new(&words.blockers)?);
            not_after.push(lower_all(&words.context.not_after));
        }
        let (actor_names, actor_countries): (Vec<String>, Vec<String>) =
            sorted_pairs(file.actors).into_iter().unzip();
        let (demonym_names, demonym_countries): (Vec<String>, Vec<String>) =
            sorted_pairs(file.demonyms).into_iter().unzip();
        Ok(Lexicon {
            triggers,
            blockers,
            claim_verbs: PhraseSet::new(&file.claims.verbs)?,
            denials: PhraseSet::new(&file.claims.denials)?,
            according_to: PhraseSet::new(&file.claims.according_to)?,
            hypothetical: PhraseSet::new(&file.mood.hypothetical)?,
            planned: PhraseSet::new(&file.mood.planned)?,
            actors: PhraseSet::new(&actor_names)?,
            actor_countries,
            demonyms: PhraseSet::new(&demonym_names)?,
            demonym_countries,
            head_titles: PhraseSet::new(&file.heads.titles)?,
            not_after,
            skip_words: lower_all(&file.context.skip),
            referring: lower_all(&file.context.referring),
            negations: lower_all(&file.context.negations),
            skip_lines: lower_all(&file.context.skip_lines),
        })
    }

    pub fn actor_country(&self, index: usize) -> &str {
        &self.actor_countries[index]
    }

    pub fn demonym_country(&self, index: usize) -> &str {
        &self.demonym_countries[index]
    }
}

fn lower_all(words: &[String]) -> Vec<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
}

fn sorted_pairs(map: HashMap<String, String>) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = map.into_iter().collect();
    pairs.sort();
    pairs
}
