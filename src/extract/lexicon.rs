//! Trigger words from `data/lexicon.toml`, compiled once into case-insensitive automata.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use aho_corasick::automaton::Automaton;
use aho_corasick::automaton::StateID;
use aho_corasick::dfa::DFA;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, MatchKind};
use serde::Deserialize;

use crate::model::EventKind;

#[derive(Debug, Deserialize)]
struct LexiconFile {
    kinds: HashMap<String, KindWords>,
    claims: ClaimWords,
    mood: MoodWords,
    #[serde(default)]
    cues: CueWords,
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

/// Words some readings look for, found in the same pass as the rest.
#[derive(Debug, Default, Deserialize)]
struct CueWords {
    #[serde(default)]
    reactions: Vec<String>,
    #[serde(default)]
    day_goes_on: Vec<String>,
    #[serde(default)]
    territory: Vec<String>,
    #[serde(default)]
    shown: Vec<String>,
    #[serde(default)]
    withheld: Vec<String>,
    #[serde(default)]
    aid: Vec<String>,
    #[serde(default)]
    evidence: Vec<String>,
    #[serde(default)]
    visits: Vec<String>,
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
    /// Per byte, whether some phrase starts with it (in either ASCII case): [`PhraseSet::starts`]
    /// turns most spots away with one look-up.
    first_bytes: [bool; 256],
    /// The phrases' indices grouped by their lower-cased first byte, each group in the list's
    /// order: [`PhraseSet::starts`] compares only the group of the text's first byte.
    by_first_byte: Vec<u16>,
    /// Per lower-case first byte, its group's range in `by_first_byte`.
    first_byte_groups: [(u16, u16); 256],
}

impl PhraseSet {
    pub fn new(phrases: &[String]) -> anyhow::Result<PhraseSet> {
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(phrases)?;
        let mut first_bytes = [false; 256];
        for &byte in phrases.iter().filter_map(|p| p.as_bytes().first()) {
            first_bytes[usize::from(byte.to_ascii_lowercase())] = true;
            first_bytes[usize::from(byte.to_ascii_uppercase())] = true;
        }
        let mut by_first_byte: Vec<u16> = Vec::with_capacity(phrases.len());
        let mut first_byte_groups = [(0u16, 0u16); 256];
        // A set too large for 16-bit indices keeps empty groups and compares every phrase.
        if u16::try_from(phrases.len()).is_ok() {
            for byte in 0..=255u8 {
                let group_start = by_first_byte.len() as u16;
                by_first_byte.extend((0..phrases.len() as u16).filter(|&k| {
                    phrases[usize::from(k)]
                        .as_bytes()
                        .first()
                        .map(u8::to_ascii_lowercase)
                        == Some(byte)
                }));
                first_byte_groups[usize::from(byte)] = (group_start, by_first_byte.len() as u16);
            }
        }
        Ok(PhraseSet {
            automaton,
            phrases: phrases.to_vec(),
            first_bytes,
            by_first_byte,
            first_byte_groups,
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

    /// The length of a phrase `text` starts with as whole words, in any ASCII case: a look at
    /// one spot for a few phrases, without running the automaton over the text. Only the
    /// phrases with the text's first byte are compared, in the list's order, which is what
    /// [`PhraseSet::starts_in_list_order`] finds.
    pub fn starts(&self, text: &str) -> Option<usize> {
        let bytes = text.as_bytes();
        let first = *bytes.first()?;
        if !self.first_bytes[usize::from(first)] {
            return None;
        }
        if self.by_first_byte.len() != self.phrases.len() {
            return self.starts_in_list_order(text);
        }
        let (from, to) = self.first_byte_groups[usize::from(first.to_ascii_lowercase())];
        self.by_first_byte[usize::from(from)..usize::from(to)]
            .iter()
            .map(|&k| self.phrases[usize::from(k)].as_bytes())
            .find_map(|phrase| {
                let len = phrase.len();
                (bytes.len() >= len
                    && bytes[..len].eq_ignore_ascii_case(phrase)
                    && is_word_boundary(text, 0, len))
                .then_some(len)
            })
    }

    /// [`PhraseSet::starts`] trying every phrase in the list's order: the fallback for a set too
    /// large to group, and the reference the grouped search is tested against.
    fn starts_in_list_order(&self, text: &str) -> Option<usize> {
        let bytes = text.as_bytes();
        let first = bytes.first()?.to_ascii_lowercase();
        self.phrases
            .iter()
            .map(String::as_bytes)
            .find_map(|phrase| {
                let len = phrase.len();
                // Most phrases differ at the first byte: that test comes before the whole compare.
                (phrase.first().map(u8::to_ascii_lowercase) == Some(first)
                    && bytes.len() >= len
                    && bytes[..len].eq_ignore_ascii_case(phrase)
                    && is_word_boundary(text, 0, len))
                .then_some(len)
            })
    }
}

/// True when `text[start..end]` is not glued to a letter or digit on either side. A neighbour
/// that is an ASCII byte (most are) is tested as a byte; only others are decoded.
pub fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let before_is_word = match start.checked_sub(1).and_then(|k| bytes.get(k)) {
        Some(&b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        _ => text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric),
    };
    let after_is_word = match bytes.get(end) {
        Some(&b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        _ => text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric),
    };
    !before_is_word && !after_is_word
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
    /// Verbs of a reaction that names an attack ("called the shelling of Ganja a war crime").
    pub reactions: PhraseSet,
    /// Phrases that go on with the day told before ("Later in the day", "That evening").
    pub day_goes_on: PhraseSet,
    /// Words of a deal that gives territory up ("withdraw", "the handover of").
    pub territory: PhraseSet,
    /// Words of a parade or a display that shows weapons ("the parade featured drones").
    pub shown: PhraseSet,
    /// Words of a toll kept back ("does not publish", "no word so far on casualties").
    pub withheld: PhraseSet,
    /// Verbs of help brought ("delivered", "distributed", "handed out").
    pub aid: PhraseSet,
    /// Words that name a weapon as evidence ("remnants", "consistent with").
    pub evidence: PhraseSet,
    /// Words of a visit ("visited", "toured", "trip").
    pub visits: PhraseSet,
    /// Person or institution name → country code.
    pub actors: PhraseSet,
    actor_countries: Vec<String>,
    pub demonyms: PhraseSet,
    demonym_countries: Vec<String>,
    /// The words every time expression holds ([`crate::when::ANCHOR_WORDS`]): searched with the
    /// rest, they tell which sentences need the time scan at all.
    pub time_anchors: PhraseSet,
    pub head_titles: PhraseSet,
    /// Per kind: words that, right before a trigger, make it a modifier ("of fighting").
    pub not_after: Vec<Vec<String>>,
    pub skip_words: Vec<String>,
    pub referring: Vec<String>,
    pub negations: Vec<String>,
    /// Lower-case starts of lines that are links or teasers ("read also").
    pub skip_lines: Vec<String>,
    /// Per word of `referring`, `negations`, `skip_words` and `not_after`: which of them list it
    /// ([`context`] bits), so a word before a trigger is looked up once, not in four lists.
    context_bits: ahash::AHashMap<String, u32>,
    /// Per first byte of a word of `context_bits`: bit `n` set when one has `n` bytes (64 and
    /// more: bit 63 and the look-up always made).
    context_shapes: [u64; 256],
    /// The words that mark a line as a photo caption ("Photo:", "(photo", "photo by"), in any
    /// case: no character outside ASCII lower-cases to their letters, so this is what a search
    /// of the lower-cased line finds.
    pub photo_credits: AhoCorasick,
    /// Every phrase of the sets in [`Set`], once, for one pass over a sentence: the automaton's
    /// table walked by [`Lexicon::scan`], one look-up per byte.
    all_phrases: PhraseTable,
}

/// Bits of [`Lexicon::context_bits`]: the lists a word is in.
pub mod context {
    pub const REFERRING: u32 = 1;
    pub const NEGATION: u32 = 1 << 1;
    pub const SKIP: u32 = 1 << 2;
    /// `not_after` of the kind at index `k` of [`crate::model::EventKind::ALL`].
    pub const fn not_after(k: usize) -> u32 {
        1 << (3 + k)
    }
}

/// The sets that list one phrase, each with the phrase's index there.
type Owners = Vec<(Set, usize)>;

/// The phrase sets a sentence is searched for in one pass ([`Lexicon::scan`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Set {
    /// Triggers of the kind at this index of [`EventKind::ALL`].
    Triggers(usize),
    /// Blockers of the kind at this index of [`EventKind::ALL`].
    Blockers(usize),
    ClaimVerbs,
    Denials,
    AccordingTo,
    Hypothetical,
    Planned,
    Reactions,
    DayGoesOn,
    Territory,
    Shown,
    Withheld,
    Aid,
    Evidence,
    Visits,
    Actors,
    Demonyms,
    /// [`crate::when::ANCHOR_WORDS`]: only whether one stands in the text is kept
    /// ([`Scan::has_time_anchor`]), not the matches.
    TimeAnchors,
    /// [`CLAUSE_BREAK_CUES`]: only whether one occurs is kept ([`Scan::may_break_clauses`]).
    ClauseBreakCues,
}

/// What every break between two reports in one sentence ("; ", ", while ", " while ",
/// ", whereas ", ", as ", ", then travelled") holds, in any case: a sentence with none of them
/// is one clause, and the scan of the whole sentence is the scan of its clause.
pub const CLAUSE_BREAK_CUES: &[&str] = &["; ", " while ", " whereas ", " as ", ", then "];

const KINDS: usize = EventKind::ALL.len();
const SETS: usize = 2 * KINDS + 17;

impl Set {
    fn slot(self) -> usize {
        match self {
            Set::Triggers(kind) => kind,
            Set::Blockers(kind) => KINDS + kind,
            Set::ClaimVerbs => 2 * KINDS,
            Set::Denials => 2 * KINDS + 1,
            Set::AccordingTo => 2 * KINDS + 2,
            Set::Hypothetical => 2 * KINDS + 3,
            Set::Planned => 2 * KINDS + 4,
            Set::Actors => 2 * KINDS + 5,
            Set::Demonyms => 2 * KINDS + 6,
            Set::TimeAnchors => 2 * KINDS + 7,
            Set::ClauseBreakCues => 2 * KINDS + 8,
            Set::Reactions => 2 * KINDS + 9,
            Set::DayGoesOn => 2 * KINDS + 10,
            Set::Territory => 2 * KINDS + 11,
            Set::Shown => 2 * KINDS + 12,
            Set::Withheld => 2 * KINDS + 13,
            Set::Aid => 2 * KINDS + 14,
            Set::Evidence => 2 * KINDS + 15,
            Set::Visits => 2 * KINDS + 16,
        }
    }
}

/// One sentence's whole-word matches of every [`Set`], each set's exactly as its own
/// [`PhraseSet::find_iter`] gives them. Reused from sentence to sentence.
#[derive(Debug, Default)]
pub struct Scan {
    /// Every occurrence of every phrase: `(slot, start, longest first, phrase index in the set)`.
    occurrences: Vec<(usize, usize, std::cmp::Reverse<usize>, usize)>,
    /// Per set slot, its matches in `matches`.
    ranges: [Range<usize>; SETS],
    matches: Vec<(usize, usize, usize)>,
    /// Where the walk reached a match state: (state, end of the match in the text).
    match_ends: Vec<(u32, usize)>,
    /// A word of [`Set::TimeAnchors`] stands in the text as a whole word.
    time_anchor: bool,
    /// One of [`CLAUSE_BREAK_CUES`] occurs in the text (in any case).
    clause_break_cue: bool,
}

impl Scan {
    /// The set's whole-word matches, `(start, end, phrase index)`, leftmost-longest in order.
    pub fn get(&self, set: Set) -> &[(usize, usize, usize)] {
        &self.matches[self.ranges[set.slot()].clone()]
    }

    pub fn contains(&self, set: Set) -> bool {
        !self.get(set).is_empty()
    }

    /// Whether a word of [`crate::when::ANCHOR_WORDS`] stands in the text as a whole word.
    pub fn has_time_anchor(&self) -> bool {
        self.time_anchor
    }

    /// Whether the text may be cut into clauses: false when none of [`CLAUSE_BREAK_CUES`]
    /// occurs in it, in any case.
    pub fn may_break_clauses(&self) -> bool {
        self.clause_break_cue
    }

    /// Whether any kind's trigger matched: most sentences have none and need nothing more.
    pub fn has_triggers(&self) -> bool {
        self.ranges[..KINDS].iter().any(|r| !r.is_empty())
    }
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
        let time_anchors: Vec<String> = crate::when::ANCHOR_WORDS
            .iter()
            .map(|w| w.to_string())
            .collect();
        let clause_break_cues: Vec<String> =
            CLAUSE_BREAK_CUES.iter().map(|w| w.to_string()).collect();
        let mut sets: Vec<(Set, &[String])> = Vec::new();
        for (index, kind) in EventKind::ALL.into_iter().enumerate() {
            if let Some(words) = file.kinds.get(kind.as_str()) {
                sets.push((Set::Triggers(index), &words.triggers));
                sets.push((Set::Blockers(index), &words.blockers));
            }
        }
        sets.extend([
            (Set::ClaimVerbs, file.claims.verbs.as_slice()),
            (Set::Denials, &file.claims.denials),
            (Set::AccordingTo, &file.claims.according_to),
            (Set::Hypothetical, &file.mood.hypothetical),
            (Set::Planned, &file.mood.planned),
            (Set::Reactions, &file.cues.reactions),
            (Set::DayGoesOn, &file.cues.day_goes_on),
            (Set::Territory, &file.cues.territory),
            (Set::Shown, &file.cues.shown),
            (Set::Withheld, &file.cues.withheld),
            (Set::Aid, &file.cues.aid),
            (Set::Evidence, &file.cues.evidence),
            (Set::Visits, &file.cues.visits),
            (Set::Actors, &actor_names),
            (Set::Demonyms, &demonym_names),
            (Set::TimeAnchors, &time_anchors),
            (Set::ClauseBreakCues, &clause_break_cues),
        ]);
        let (dfa, phrases, owners) = one_automaton(&sets)?;
        let all_phrases = PhraseTable::new(&dfa, &phrases, &owners);
        let skip_words = lower_all(&file.context.skip);
        let referring = lower_all(&file.context.referring);
        let negations = lower_all(&file.context.negations);
        let mut context_bits: ahash::AHashMap<String, u32> = ahash::AHashMap::new();
        let mut mark = |words: &[String], bit: u32| {
            for w in words {
                *context_bits.entry(w.clone()).or_insert(0) |= bit;
            }
        };
        mark(&referring, context::REFERRING);
        mark(&negations, context::NEGATION);
        mark(&skip_words, context::SKIP);
        for (k, words) in not_after.iter().enumerate() {
            mark(words, context::not_after(k));
        }
        let mut context_shapes = [0u64; 256];
        for word in context_bits.keys() {
            if let Some(&first) = word.as_bytes().first() {
                context_shapes[usize::from(first)] |= 1 << word.len().min(63);
            }
        }
        Ok(Lexicon {
            triggers,
            blockers,
            claim_verbs: PhraseSet::new(&file.claims.verbs)?,
            denials: PhraseSet::new(&file.claims.denials)?,
            according_to: PhraseSet::new(&file.claims.according_to)?,
            hypothetical: PhraseSet::new(&file.mood.hypothetical)?,
            planned: PhraseSet::new(&file.mood.planned)?,
            reactions: PhraseSet::new(&file.cues.reactions)?,
            day_goes_on: PhraseSet::new(&file.cues.day_goes_on)?,
            territory: PhraseSet::new(&file.cues.territory)?,
            shown: PhraseSet::new(&file.cues.shown)?,
            withheld: PhraseSet::new(&file.cues.withheld)?,
            aid: PhraseSet::new(&file.cues.aid)?,
            evidence: PhraseSet::new(&file.cues.evidence)?,
            visits: PhraseSet::new(&file.cues.visits)?,
            actors: PhraseSet::new(&actor_names)?,
            actor_countries,
            demonyms: PhraseSet::new(&demonym_names)?,
            demonym_countries,
            time_anchors: PhraseSet::new(&time_anchors)?,
            head_titles: PhraseSet::new(&file.heads.titles)?,
            not_after,
            skip_words,
            referring,
            negations,
            skip_lines: lower_all(&file.context.skip_lines),
            context_bits,
            context_shapes,
            photo_credits: AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .build(["photo:", "(photo", "photo by"])?,
            all_phrases,
        })
    }

    /// Finds every set's phrases in `text` with one pass of one automaton. Each set's
    /// leftmost-longest matches are picked from all occurrences (sorted by start, longest first,
    /// skipping those that overlap the one taken), which is what the set's own leftmost-longest
    /// automaton finds; then, as there, only whole words are kept.
    pub fn scan(&self, text: &str, scan: &mut Scan) {
        scan.occurrences.clear();
        scan.matches.clear();
        scan.time_anchor = false;
        scan.clause_break_cue = false;
        // Every occurrence of every phrase, overlapping ones too, as the automaton's overlapping
        // search gives them; their order does not matter, they are sorted next.
        let table = &self.all_phrases;
        // The walk only notes where match states are reached: with nothing else in the loop, the
        // text and the state stay in registers (a call in the loop reloaded them at every byte).
        scan.match_ends.clear();
        let mut state = table.start;
        // Only an empty phrase would match before the first byte.
        if table.is_match(state) {
            scan.match_ends.push((state, 0));
        }
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let (reached, walked) = table.walk_to_match(state, &bytes[at..]);
            state = reached;
            at += walked;
            if table.is_match(state) {
                scan.match_ends.push((state, at));
            }
        }
        for &(state, end) in &scan.match_ends {
            for hit in table.hits_of(state) {
                let start = end - hit.len as usize;
                if hit.slot == Set::ClauseBreakCues.slot() as u32 {
                    // Any occurrence: the cues are not words, and the breaks are then looked
                    // for exactly.
                    scan.clause_break_cue = true;
                    continue;
                }
                if hit.slot == Set::TimeAnchors.slot() as u32 {
                    // Any whole-word occurrence is enough: the anchors are letters only, so the
                    // set's leftmost-longest matches hold a whole word exactly when some
                    // occurrence is one (one that overlaps it has a letter beside it).
                    scan.time_anchor = scan.time_anchor || is_word_boundary(text, start, end);
                    continue;
                }
                scan.occurrences.push((
                    hit.slot as usize,
                    start,
                    std::cmp::Reverse(end),
                    hit.index as usize,
                ));
            }
        }
        scan.occurrences.sort_unstable();
        // Only the sets that occur are walked (most sentences hold a few of the eighteen); the
        // others keep an empty range.
        scan.ranges = Default::default();
        let mut next = 0;
        while let Some(&(slot, ..)) = scan.occurrences.get(next) {
            let first = scan.matches.len();
            let mut from = 0;
            while let Some(&(s, start, std::cmp::Reverse(end), index)) = scan.occurrences.get(next)
            {
                if s != slot {
                    break;
                }
                next += 1;
                if start < from {
                    continue;
                }
                from = end;
                if is_word_boundary(text, start, end) {
                    scan.matches.push((start, end, index));
                }
            }
            scan.ranges[slot] = first..scan.matches.len();
        }
        debug_assert!(self.scan_agrees(text, scan), "scan differs on {text:?}");
    }

    /// The one-pass scan gives, for every set, what that set's own automaton gives.
    fn scan_agrees(&self, text: &str, scan: &Scan) -> bool {
        let mut sets: Vec<(Set, &PhraseSet)> = Vec::new();
        for index in 0..KINDS {
            sets.push((Set::Triggers(index), &self.triggers[index]));
            sets.push((Set::Blockers(index), &self.blockers[index]));
        }
        sets.extend([
            (Set::ClaimVerbs, &self.claim_verbs),
            (Set::Denials, &self.denials),
            (Set::AccordingTo, &self.according_to),
            (Set::Hypothetical, &self.hypothetical),
            (Set::Planned, &self.planned),
            (Set::Reactions, &self.reactions),
            (Set::DayGoesOn, &self.day_goes_on),
            (Set::Territory, &self.territory),
            (Set::Shown, &self.shown),
            (Set::Withheld, &self.withheld),
            (Set::Aid, &self.aid),
            (Set::Evidence, &self.evidence),
            (Set::Visits, &self.visits),
            (Set::Actors, &self.actors),
            (Set::Demonyms, &self.demonyms),
        ]);
        let lower = text.to_ascii_lowercase();
        scan.time_anchor == self.time_anchors.contains(text)
            && scan.get(Set::TimeAnchors).is_empty()
            && scan.clause_break_cue == CLAUSE_BREAK_CUES.iter().any(|c| lower.contains(c))
            && scan.get(Set::ClauseBreakCues).is_empty()
            && sets.into_iter().all(|(set, phrases)| {
                let own: Vec<(usize, usize, usize)> = phrases.find_iter(text).collect();
                // A phrase listed twice (in any case) is found under its first index.
                own.len() == scan.get(set).len()
                    && own.iter().zip(scan.get(set)).all(|(a, b)| {
                        a.0 == b.0
                            && a.1 == b.1
                            && phrases
                                .phrase(a.2)
                                .eq_ignore_ascii_case(phrases.phrase(b.2))
                    })
            })
    }

    /// The [`context`] bits of the lists that hold `word` (lower case), 0 for most words.
    pub fn context_bits(&self, word: &str) -> u32 {
        self.context_bits.get(word).copied().unwrap_or(0)
    }

    /// False when no word of the context lists has `len` bytes and starts with the ASCII byte
    /// `first` (lower case): most words before a trigger are told apart without a look-up.
    pub fn may_be_context_word(&self, first: u8, len: usize) -> bool {
        self.context_shapes
            .get(usize::from(first))
            .is_some_and(|lengths| len < 64 && lengths & (1 << len) != 0)
    }

    /// Length in bytes of the longest `skip_lines` start.
    pub fn longest_skip_line(&self) -> usize {
        self.skip_lines.iter().map(String::len).max().unwrap_or(0)
    }

    pub fn actor_country(&self, index: usize) -> &str {
        &self.actor_countries[index]
    }

    pub fn demonym_country(&self, index: usize) -> &str {
        &self.demonym_countries[index]
    }
}

/// One phrase of the lexicon's automaton as a match of one set: its set's slot, its index there
/// and its length in bytes.
#[derive(Clone, Copy, Debug)]
struct Hit {
    slot: u32,
    index: u32,
    len: u32,
}

/// The lexicon's DFA copied into a plain table that the scan walks with one look-up per byte:
/// the byte classes take the ASCII lower-casing in (the DFA reads lower-cased text), the match
/// states come first so one comparison tells a match, and each match state lists its [`Hit`]s
/// directly (no phrase-to-sets indirection, no pattern lengths asked of the automaton).
#[derive(Clone, Debug)]
struct PhraseTable {
    /// Per byte of the text: its class, as a column of `trans`.
    classes: [u16; 256],
    /// Per state (its row, premultiplied by the number of classes) and class: the next state.
    trans: Vec<u32>,
    start: u32,
    /// States below this one are match states.
    match_limit: u32,
    class_count: u32,
    /// Per match state (by its row number): its hits in `hits`.
    hit_ranges: Vec<Range<u32>>,
    hits: Vec<Hit>,
}

impl PhraseTable {
    /// The table of `dfa`, whose phrases are lower case, built on lower-cased text, and whose
    /// phrase `k` the sets in `owners[k]` list. Each byte no phrase holds leads every state where
    /// the unanchored start state leads (no goto edge reads it), so those bytes share one class.
    fn new(dfa: &DFA, phrases: &[String], owners: &[Owners]) -> PhraseTable {
        let Ok(start) = dfa.start_state(Anchored::No) else {
            return PhraseTable::empty();
        };
        // Class 0: the bytes no phrase holds; then one class per byte some phrase holds.
        let mut classes = [0u16; 256];
        let mut representatives: Vec<u8> = Vec::new();
        // (When every byte is in some phrase, class 0 is only the first byte's too.)
        let unlisted = (0..=255u8)
            .find(|b| !b.is_ascii_uppercase() && !phrases.iter().any(|p| p.as_bytes().contains(b)));
        representatives.push(unlisted.unwrap_or(0));
        for phrase in phrases {
            for &byte in phrase.as_bytes() {
                if classes[usize::from(byte)] == 0 {
                    classes[usize::from(byte)] = representatives.len() as u16;
                    representatives.push(byte);
                }
            }
        }
        for byte in 0..=255u8 {
            classes[usize::from(byte)] = classes[usize::from(byte.to_ascii_lowercase())];
        }
        let class_count = representatives.len();
        // Every state reachable from the start, match states first. States are told apart by
        // their ids (offsets into the automaton's own table), kept in a vector by id: a hash
        // map per step doubled the lexicon's load.
        const UNSEEN: u32 = u32::MAX;
        let mut row_of: Vec<u32> = Vec::new();
        let mark = |row_of: &mut Vec<u32>, state: StateID, value: u32| {
            let id = state.as_usize();
            if row_of.len() <= id {
                row_of.resize(id + 1, UNSEEN);
            }
            row_of[id] = value;
        };
        let mut found = vec![start];
        mark(&mut row_of, start, 0);
        let mut at = 0;
        while at < found.len() {
            let state = found[at];
            at += 1;
            for &byte in &representatives {
                let next = dfa.next_state(Anchored::No, state, byte);
                if row_of.get(next.as_usize()).is_none_or(|&r| r == UNSEEN) {
                    mark(&mut row_of, next, 0);
                    found.push(next);
                }
            }
        }
        let (mut rows, others): (Vec<StateID>, Vec<StateID>) =
            found.into_iter().partition(|&s| dfa.is_match(s));
        let match_rows = rows.len();
        rows.extend(others);
        for (row, &state) in rows.iter().enumerate() {
            mark(&mut row_of, state, (row * class_count) as u32);
        }
        let row = |state: StateID| row_of[state.as_usize()];
        let mut trans = Vec::with_capacity(rows.len() * class_count);
        for &state in &rows {
            for &byte in &representatives {
                trans.push(row(dfa.next_state(Anchored::No, state, byte)));
            }
        }
        let mut hit_ranges = Vec::with_capacity(match_rows);
        let mut hits = Vec::new();
        for &state in &rows[..match_rows] {
            let first = hits.len() as u32;
            for k in 0..dfa.match_len(state) {
                let phrase = dfa.match_pattern(state, k);
                let len = dfa.pattern_len(phrase) as u32;
                for &(set, index) in &owners[phrase.as_usize()] {
                    hits.push(Hit {
                        slot: set.slot() as u32,
                        index: index as u32,
                        len,
                    });
                }
            }
            hit_ranges.push(first..hits.len() as u32);
        }
        PhraseTable {
            classes,
            trans,
            start: row(start),
            match_limit: (match_rows * class_count) as u32,
            class_count: class_count as u32,
            hit_ranges,
            hits,
        }
    }

    fn empty() -> PhraseTable {
        PhraseTable {
            classes: [0; 256],
            trans: vec![0],
            start: 0,
            match_limit: 0,
            class_count: 1,
            hit_ranges: Vec::new(),
            hits: Vec::new(),
        }
    }

    #[cfg(test)]
    fn next(&self, state: u32, byte: u8) -> u32 {
        self.trans[(state + u32::from(self.classes[usize::from(byte)])) as usize]
    }

    /// The state reached from `state` over `bytes` up to the first match state (or the end),
    /// with the number of bytes read. Kept out of line: the loop then has nothing else to hold
    /// in registers (it reloaded the text from the stack at every byte when the match list was
    /// written in the same loop, 14 instructions per byte).
    #[inline(never)]
    fn walk_to_match(&self, mut state: u32, bytes: &[u8]) -> (u32, usize) {
        let trans: &[u32] = &self.trans;
        let classes = &self.classes;
        let match_limit = self.match_limit;
        for (at, &byte) in bytes.iter().enumerate() {
            state = trans[(state + u32::from(classes[usize::from(byte)])) as usize];
            if state < match_limit {
                return (state, at + 1);
            }
        }
        (state, bytes.len())
    }

    fn is_match(&self, state: u32) -> bool {
        state < self.match_limit
    }

    fn hits_of(&self, state: u32) -> &[Hit] {
        let range = &self.hit_ranges[(state / self.class_count) as usize];
        &self.hits[range.start as usize..range.end as usize]
    }
}

/// One automaton of every phrase of `sets` (ASCII case-insensitive, as each set's own), each
/// distinct phrase once, with the sets that list it.
fn one_automaton(sets: &[(Set, &[String])]) -> anyhow::Result<(DFA, Vec<String>, Vec<Owners>)> {
    let mut phrases: Vec<String> = Vec::new();
    let mut owners: Vec<Owners> = Vec::new();
    let mut known: HashMap<String, usize> = HashMap::new();
    for (set, words) in sets {
        for (index, word) in words.iter().enumerate() {
            let key = word.to_ascii_lowercase();
            let id = *known.entry(key.clone()).or_insert_with(|| {
                phrases.push(key);
                owners.push(Vec::new());
                phrases.len() - 1
            });
            owners[id].push((*set, index));
        }
    }
    // A DFA: one table look-up per byte, a third of the NFA's instructions for every sentence;
    // measured ≈ 10 % less CPU per article, at ≈ 3 ms more to build once at start-up. No
    // prefilter: the scan walks every byte itself, and with one start states would be special.
    // Built case-sensitive on the lower-cased phrases, the text lower-cased as it is read: a
    // case-insensitive DFA needs a byte class per capital too, which doubles its table (690 →
    // 350 KB), and it is read at every byte.
    let automaton = DFA::builder()
        .match_kind(MatchKind::Standard)
        .prefilter(false)
        .build(&phrases)?;
    Ok((automaton, phrases, owners))
}

fn lower_all(words: &[String]) -> Vec<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
}

fn sorted_pairs(map: HashMap<String, String>) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = map.into_iter().collect();
    pairs.sort();
    pairs
}

/// The project's own lexicon, for the tests of every stage that reads it.
#[cfg(test)]
pub(crate) fn project_lexicon() -> Lexicon {
    let data = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    Lexicon::load(&data).unwrap_or_else(|e| panic!("{e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every state of `dfa` reachable on lower-cased bytes, walked side by side with the table:
    /// each pair agrees on whether it matches and on the phrases matched, for every byte.
    fn table_walks_as_the_automaton(table: &PhraseTable, dfa: &DFA, owners: &[Owners]) -> usize {
        let Ok(start) = dfa.start_state(Anchored::No) else {
            panic!("no start state")
        };
        let mut pairs: HashMap<StateID, u32> = HashMap::from([(start, table.start)]);
        let mut queue = vec![(start, table.start)];
        while let Some((state, row)) = queue.pop() {
            assert_eq!(dfa.is_match(state), table.is_match(row));
            if dfa.is_match(state) {
                let mut expected: Vec<(u32, u32, u32)> = Vec::new();
                for k in 0..dfa.match_len(state) {
                    let phrase = dfa.match_pattern(state, k);
                    for &(set, index) in &owners[phrase.as_usize()] {
                        let len = dfa.pattern_len(phrase) as u32;
                        expected.push((set.slot() as u32, index as u32, len));
                    }
                }
                let found: Vec<(u32, u32, u32)> = table
                    .hits_of(row)
                    .iter()
                    .map(|h| (h.slot, h.index, h.len))
                    .collect();
                assert_eq!(found, expected);
            }
            for byte in 0..=255u8 {
                let next = dfa.next_state(Anchored::No, state, byte.to_ascii_lowercase());
                let next_row = table.next(row, byte);
                match pairs.get(&next) {
                    Some(&known) => assert_eq!(known, next_row, "byte {byte}"),
                    None => {
                        pairs.insert(next, next_row);
                        queue.push((next, next_row));
                    }
                }
            }
        }
        pairs.len()
    }

    #[test]
    fn a_phrase_found_in_its_first_byte_group_is_the_one_the_whole_list_gives() {
        let lexicon = project_lexicon();
        let mut texts: Vec<String> = crate::seed_texts::seed_sentences();
        texts.push(
            "President Aliyev; prime minister Pashinyan, FOREIGN MINISTRY, Presidency".into(),
        );
        let mut found = 0;
        for text in &texts {
            for (at, _) in text.char_indices() {
                let rest = &text[at..];
                for set in [
                    &lexicon.head_titles,
                    &lexicon.demonyms,
                    &lexicon.claim_verbs,
                ] {
                    let grouped = set.starts(rest);
                    assert_eq!(
                        grouped,
                        set.starts_in_list_order(rest),
                        "at {at} of {text:?}"
                    );
                    found += usize::from(grouped.is_some());
                }
            }
        }
        assert!(found > 20, "only {found} phrases found");
    }

    #[test]
    fn a_phrase_at_a_spot_is_one_the_automaton_finds_starting_there() {
        let lexicon = project_lexicon();
        let texts = crate::seed_texts::seed_sentences_with(&[
            "Armenian Prime Minister Nikol Pashinyan spoke with Russian President Putin.",
            "The Azerbaijani foreign ministry and the FOREIGN MINISTER's office replied.",
            "Presidential elections; a presidency; the Kremlin-backed plan.",
        ]);
        let mut found = 0;
        for text in &texts {
            for (at, _) in text.char_indices() {
                let rest = &text[at..];
                let by_automaton = lexicon
                    .head_titles
                    .find_iter(rest)
                    .any(|(start, _, _)| start == 0);
                assert_eq!(
                    lexicon.head_titles.starts(rest).is_some(),
                    by_automaton,
                    "{rest}"
                );
                found += usize::from(by_automaton);
            }
        }
        assert!(found > 20, "only {found} titles in the texts");
    }

    #[test]
    fn the_phrase_table_steps_as_the_automaton_it_copies() {
        let lexicon = project_lexicon();
        let mut sets: Vec<(Set, &[String])> = Vec::new();
        for index in 0..KINDS {
            sets.push((Set::Triggers(index), &lexicon.triggers[index].phrases));
            sets.push((Set::Blockers(index), &lexicon.blockers[index].phrases));
        }
        sets.extend([
            (Set::ClaimVerbs, lexicon.claim_verbs.phrases.as_slice()),
            (Set::Denials, &lexicon.denials.phrases),
            (Set::AccordingTo, &lexicon.according_to.phrases),
            (Set::Hypothetical, &lexicon.hypothetical.phrases),
            (Set::Planned, &lexicon.planned.phrases),
            (Set::Reactions, &lexicon.reactions.phrases),
            (Set::DayGoesOn, &lexicon.day_goes_on.phrases),
            (Set::Territory, &lexicon.territory.phrases),
            (Set::Shown, &lexicon.shown.phrases),
            (Set::Withheld, &lexicon.withheld.phrases),
            (Set::Aid, &lexicon.aid.phrases),
            (Set::Evidence, &lexicon.evidence.phrases),
            (Set::Visits, &lexicon.visits.phrases),
            (Set::Actors, &lexicon.actors.phrases),
            (Set::Demonyms, &lexicon.demonyms.phrases),
            (Set::TimeAnchors, &lexicon.time_anchors.phrases),
        ]);
        let (dfa, phrases, owners) = one_automaton(&sets).unwrap_or_else(|e| panic!("{e}"));
        let table = PhraseTable::new(&dfa, &phrases, &owners);
        let states = table_walks_as_the_automaton(&table, &dfa, &owners);
        assert!(states > 1000, "{states}");
        // Phrases with bytes outside ASCII and capitals, and a set where every byte is listed.
        let odd: Vec<String> = ["Şuşa", "it’s", "a-b", "AbC", "x y"]
            .map(String::from)
            .to_vec();
        let every_byte: Vec<String> = (0..=255u8)
            .filter(|b| b.is_ascii() && !b.is_ascii_uppercase())
            .map(|b| char::from(b).to_string())
            .collect();
        for words in [&odd, &every_byte] {
            let (dfa, phrases, owners) = one_automaton(&[(Set::ClaimVerbs, words.as_slice())])
                .unwrap_or_else(|e| panic!("{e}"));
            let table = PhraseTable::new(&dfa, &phrases, &owners);
            assert!(table_walks_as_the_automaton(&table, &dfa, &owners) > 3);
        }
    }

    #[test]
    fn one_scan_gives_each_set_what_its_own_automaton_finds() {
        let lexicon = project_lexicon();
        let mut texts: Vec<String> = [
            "Shelling OF Stepanakert continued; the Death Toll rose, officials said.",
            "Baku said the town was shelled, WHILE Yerevan denied it",
            "Fighting went on;while talks, whereas x",
            "meanwhile the whereabouts",
            "Şuşa’s shelling-killed «Ceasefire» talks",
            "",
            "a",
        ]
        .map(String::from)
        .to_vec();
        texts.extend(crate::seed_texts::seed_sentences());
        let mut scan = Scan::default();
        let mut with_triggers = 0;
        for t in &texts {
            lexicon.scan(t, &mut scan);
            assert!(lexicon.scan_agrees(t, &scan), "{t:?}");
            with_triggers += usize::from(scan.has_triggers());
        }
        assert!(with_triggers > 20, "{with_triggers}");
    }

    #[test]
    fn word_boundaries_tested_by_byte_are_those_of_the_characters() {
        let plain = |text: &str, start: usize, end: usize| {
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        };
        let texts = [
            "",
            "shelling in Şuşa’s centre, 2020",
            "«Stepanakert»—x é9 a-b",
            "İstanbul\u{a0}talks",
        ];
        let mut boundaries = 0;
        for text in texts {
            for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                for end in (start..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                    let expected = plain(text, start, end);
                    assert_eq!(is_word_boundary(text, start, end), expected, "{text:?}");
                    boundaries += usize::from(expected);
                }
            }
        }
        assert!(boundaries > 50, "{boundaries}");
    }
}
