//! Who says it: "Baku said", "according to the separatist authorities", "the Azerbaijani army
//! denied" — and, for statements, which government is speaking.

use super::lexicon::{Lexicon, Scan, Set};
use crate::gazetteer::Gazetteer;
use crate::model::{Mention, MentionRole, PlaceId, Span};

/// The party a sentence attributes its report to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    pub by: String,
    pub denied: bool,
}

const PHRASE_STOPS: &[char] = &[',', '.', ';', ':', '"', '“', '”', '(', ')', '–', '—'];

/// The party `sentence` attributes its report to; `scan` is the lexicon's scan of `sentence`.
pub fn claim_in(sentence: &str, scan: &Scan) -> Option<Claim> {
    let denied = scan.contains(Set::Denials);
    if let Some(&(_, end, _)) = scan.get(Set::AccordingTo).first() {
        let after = &sentence[end..];
        let phrase = leading_phrase(after, 6);
        if !phrase.is_empty() {
            return Some(Claim { by: phrase, denied });
        }
    }
    for &(start, end, _) in scan.get(Set::ClaimVerbs) {
        let before = trailing_phrase(&sentence[..start], 5);
        if !before.is_empty() && !is_pronoun(&before) {
            return Some(Claim { by: before, denied });
        }
        // "…, declared the French presidency": the speaker follows the verb.
        let after = leading_phrase(&sentence[end..], 5);
        if !after.is_empty() && !is_pronoun(&after) && !after.starts_with("that") {
            return Some(Claim { by: after, denied });
        }
    }
    None
}

fn is_pronoun(phrase: &str) -> bool {
    matches!(
        phrase.to_lowercase().as_str(),
        "he" | "she" | "it" | "they" | "we" | "i" | "who" | "which" | "also" | "had" | "has"
    )
}

/// Up to `max_words` words at the start of `text`, stopping at punctuation; "the" is dropped.
fn leading_phrase(text: &str, max_words: usize) -> String {
    let cut = text.find(PHRASE_STOPS).unwrap_or(text.len());
    let words: Vec<&str> = text[..cut].split_whitespace().take(max_words).collect();
    tidy(&words)
}

/// Up to `max_words` words at the end of `text`, stopping at punctuation.
fn trailing_phrase(text: &str, max_words: usize) -> String {
    let cut = text.rfind(PHRASE_STOPS).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let words: Vec<&str> = text[cut..].split_whitespace().collect();
    let skip = words.len().saturating_sub(max_words);
    tidy(&words[skip..])
}

fn tidy(words: &[&str]) -> String {
    let words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .skip_while(|w| matches!(w.to_lowercase().as_str(), "the" | "and" | "but"))
        .collect();
    words.join(" ")
}

/// A party that speaks in a sentence, with where its government sits.
#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    /// The mentioned place that speaks ("Baku said", "the Kremlin"), if it is one.
    pub place: Option<PlaceId>,
    /// ISO 3166-1 alpha-2 of the country the speaker belongs to.
    pub country: String,
    /// The words, in offsets of the sentence.
    pub words: Span,
    /// A name or title ("President", "Aliyev") rather than a bare adjective ("a French attempt").
    strong: bool,
}

/// The parties speaking or acting in a diplomatic sentence: the one nearest a speech verb (or the
/// first named), together with those joined to it by "and" ("Aliev and Pashinyan reaffirmed").
pub fn speakers(
    sentence: &str,
    sentence_start: usize,
    mentions: &[&Mention],
    scan: &Scan,
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
) -> Vec<Speaker> {
    let offset = sentence_start;
    let mut candidates: Vec<Speaker> = Vec::new();
    for &(start, end, index) in scan.get(Set::Actors) {
        candidates.push(Speaker {
            place: None,
            country: lexicon.actor_country(index).to_string(),
            words: span(sentence, start, end),
            strong: true,
        });
    }
    for mention in mentions.iter().filter(|m| m.role == MentionRole::Actor) {
        let Some(place) = mention.place.as_deref().and_then(|id| gazetteer.place(id)) else {
            continue;
        };
        let (Some(start), Some(end)) = (
            mention.start.checked_sub(offset),
            mention.end.checked_sub(offset),
        ) else {
            continue;
        };
        if end > sentence.len() {
            continue;
        }
        candidates.push(Speaker {
            place: Some(place.id.clone()),
            country: place.country.clone(),
            words: span(sentence, start, end),
            strong: true,
        });
    }
    for &(start, end, index) in scan.get(Set::Demonyms) {
        let after: String = sentence[end..].chars().take(30).collect();
        let titled = lexicon
            .head_titles
            .find_iter(&after)
            .next()
            .is_some_and(|(s, _, _)| after[..s].split_whitespace().count() <= 2);
        candidates.push(Speaker {
            place: None,
            country: lexicon.demonym_country(index).to_string(),
            words: span(sentence, start, end),
            strong: titled,
        });
    }
    candidates.sort_by_key(|c| c.words.start);
    // Drop a name or mention that falls inside an earlier candidate's words.
    candidates.dedup_by(|later, earlier| later.words.start < earlier.words.end);
    if candidates.iter().any(|c| c.strong) {
        candidates.retain(|c| c.strong);
    }
    if candidates.is_empty() {
        return Vec::new();
    }
    let anchor = scan
        .get(Set::ClaimVerbs)
        .iter()
        .find_map(|&(start, end, _)| nearest_to_verb(sentence, &candidates, start, end))
        .unwrap_or(0);
    let mut chosen = vec![anchor];
    let mut i = anchor;
    while i + 1 < candidates.len() && joined(sentence, &candidates[i], &candidates[i + 1]) {
        i += 1;
        chosen.push(i);
    }
    let mut i = anchor;
    while i > 0 && joined(sentence, &candidates[i - 1], &candidates[i]) {
        i -= 1;
        chosen.push(i);
    }
    chosen.sort_unstable();
    chosen.into_iter().map(|i| candidates[i].clone()).collect()
}

fn span(sentence: &str, start: usize, end: usize) -> Span {
    Span {
        start,
        end,
        text: sentence[start..end].to_string(),
    }
}

/// The candidate right before a speech verb ("Baku said"), else right after it ("declared the
/// French presidency").
fn nearest_to_verb(
    sentence: &str,
    candidates: &[Speaker],
    verb_start: usize,
    verb_end: usize,
) -> Option<usize> {
    let before = candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| c.words.end <= verb_start)
        .filter(|(_, c)| {
            let gap = &sentence[c.words.end..verb_start];
            gap.len() <= 40 && !gap.contains(['.', '"', '“', '”'])
        })
        .map(|(i, _)| i)
        .next_back();
    before.or_else(|| {
        candidates
            .iter()
            .position(|c| c.words.start >= verb_end && c.words.start - verb_end <= 25)
    })
}

/// Two parties named together: only "and", commas, titles and capitalised names between them.
fn joined(sentence: &str, first: &Speaker, second: &Speaker) -> bool {
    let Some(gap) = sentence.get(first.words.end..second.words.start) else {
        return false;
    };
    if gap.len() > 45 || gap.contains(['.', ';', '"', '“', '”', '(', ')']) {
        return false;
    }
    gap.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .all(|w| {
            w == "and"
                || w.starts_with(char::is_uppercase)
                || matches!(
                    w,
                    "prime" | "minister" | "president" | "presidents" | "foreign"
                )
        })
}
