//! The parties of one report, named as ACLED names them ("Military Forces of Azerbaijan",
//! "Government of Russia"), for the CSV's `actor1` and `actor2`: who acts first, then who is
//! acted on. Only what the sentence says is used: a party's adjective or name with a word that
//! makes it a force or a government, never a guess from where it happened.

use crate::gazetteer::Gazetteer;
use crate::model::{EventKind, Mention, MentionRole, PlaceKind};

use super::Lexicon;

/// Words that make the demonym or country before them an armed party ("Azerbaijani forces",
/// "Armenia's army", "an Azerbaijani offensive", "Armenian shelling of Ganja"). [`side_word`]
/// matches them and [`GOVERNMENT_WORDS`]; the lists are what it is tested on.
#[cfg(test)]
const FORCE_WORDS: &[&str] = &[
    "forces",
    "force",
    "troops",
    "army",
    "armed",
    "military",
    "soldiers",
    "servicemen",
    "units",
    "positions",
    "artillery",
    "gunners",
    "drones",
    "drone",
    "aircraft",
    "jets",
    "shelling",
    "strikes",
    "strike",
    "attack",
    "attacks",
    "offensive",
    "rockets",
    "missiles",
    "fire",
    "side",
];

/// Words that make a party speak for its government ("Armenian Prime Minister", "Russia's
/// foreign ministry"); the lexicon's head titles say the same, these are what it lacks.
#[cfg(test)]
const GOVERNMENT_WORDS: &[&str] = &["government", "authorities", "officials", "diplomats"];

/// Before a demonym, words that make its forces those of Nagorno-Karabakh ("ethnic Armenian
/// forces", "Karabakh Armenian troops").
const KARABAKH_WORDS: &[&str] = &["ethnic", "karabakh", "separatist", "artsakh"];

/// The Nagorno-Karabakh forces, which have no country code of their own.
const KARABAKH: &str = "Nagorno-Karabakh";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Forces,
    Government,
}

#[derive(Clone, Debug, PartialEq)]
struct Party<'a> {
    /// Where the party's words start in the sentence.
    start: usize,
    end: usize,
    side: Side,
    /// ISO 3166-1 alpha-2 code, or the name of a party with none ([`KARABAKH`], a region).
    country: &'a str,
}

/// Every party one sentence names, in its order, whatever the kind of report: found once per
/// sentence, however many kinds it tells of.
#[derive(Debug, Default)]
pub struct Parties<'a>(Vec<Party<'a>>);

/// What the caller already found in the sentence: the lexicon's matches (`(start, end, phrase
/// index)` in sentence offsets) and the gazetteer's mentions (article offsets).
pub struct Found<'a> {
    pub demonyms: &'a [(usize, usize, usize)],
    pub persons: &'a [(usize, usize, usize)],
    /// The shelling and fighting triggers: a country right before one acts by force.
    pub attacks: [&'a [(usize, usize, usize)]; 2],
    pub mentions: &'a [&'a Mention],
    /// Where the sentence starts in the article: mentions' offsets minus this are the sentence's.
    pub sentence_start: usize,
}

/// The parties of a report of `kind` told in `sentence`, actor first: armed forces for attacks,
/// battles and tolls, governments for diplomacy; none for displacement (ACLED codes its
/// civilians from the place, which the sentence does not name as a party). `claimant` is who the
/// sentence quotes (the claim's words): a ministry reporting an attack is no force, and a force
/// reporting one is put after the force it reports on.
pub fn actors_in(
    sentence: &str,
    kind: EventKind,
    claimant: Option<&str>,
    parties: &Parties,
    gazetteer: &Gazetteer,
) -> Vec<String> {
    let wanted = match kind {
        EventKind::Shelling | EventKind::Fighting | EventKind::Casualties => Side::Forces,
        EventKind::Diplomacy => Side::Government,
        EventKind::Displacement => return Vec::new(),
    };
    let mut parties: Vec<Party> = parties
        .0
        .iter()
        .filter(|p| p.side == wanted)
        .cloned()
        .collect();
    if parties.is_empty() {
        return Vec::new();
    }
    // Order matters only between two parties or more.
    if parties.len() > 1
        && wanted == Side::Forces
        && let Some(at) = claimant.and_then(|c| find_words(sentence, c))
    {
        // A force that reports an attack or a battle is most often the one attacked ("the
        // Armenian army said it repelled an Azerbaijani offensive"): it comes after the others.
        // In diplomacy the one who speaks is the party, in its place.
        let claim = at..at + claimant.map_or(0, str::len);
        let (reporting, others): (Vec<Party>, Vec<Party>) = parties
            .into_iter()
            .partition(|p| claim.contains(&p.start) && p.end <= claim.end);
        parties = others;
        parties.extend(reporting);
    }
    // "… were shelled by Armenian forces": the agent of a passive verb acts first.
    if parties.len() > 1
        && let Some(agent) = parties.iter().position(|p| follows_by(sentence, p.start))
    {
        let party = parties.remove(agent);
        parties.insert(0, party);
    }
    let mut names: Vec<String> = Vec::new();
    for party in parties {
        let Some(country) = country_name(party.country, gazetteer) else {
            continue;
        };
        let name = match party.side {
            Side::Forces => format!("Military Forces of {country}"),
            Side::Government => format!("Government of {country}"),
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// Every party `sentence` names, in its order.
pub fn parties_in<'a>(
    sentence: &str,
    found: &Found,
    gazetteer: &'a Gazetteer,
    lexicon: &'a Lexicon,
) -> Parties<'a> {
    let mut parties = Vec::new();
    for &(start, end, index) in found.demonyms {
        let Some(side) = side_after(sentence, end, lexicon) else {
            continue;
        };
        let karabakh = side == Side::Forces
            && words_before(sentence, start, 2)
                .any(|w| KARABAKH_WORDS.iter().any(|k| k.eq_ignore_ascii_case(w)));
        let country = if karabakh {
            KARABAKH
        } else {
            lexicon.demonym_country(index)
        };
        parties.push(Party {
            start,
            end,
            side,
            country,
        });
    }
    for &(start, end, index) in found.persons {
        parties.push(Party {
            start,
            end,
            side: Side::Government,
            country: lexicon.actor_country(index),
        });
    }
    for mention in found.mentions {
        let (Some(start), Some(end)) = (
            mention.start.checked_sub(found.sentence_start),
            mention.end.checked_sub(found.sentence_start),
        ) else {
            continue;
        };
        if end > sentence.len() || !sentence.is_char_boundary(start) {
            continue;
        }
        let Some(place) = mention.place.as_deref().and_then(|id| gazetteer.place(id)) else {
            continue;
        };
        let region = place.kind == PlaceKind::Region;
        if !(region || matches!(place.kind, PlaceKind::Country | PlaceKind::Capital)) {
            continue;
        }
        // "Armenia's army": a country with a force word is a force; a country or capital that
        // speaks or acts ("Baku said", "Azerbaijan accused") is its government, or its forces
        // when it attacks ("Azerbaijan shelled Stepanakert"). A region is a party only with a
        // force or government word ("Karabakh forces", "Karabakh authorities"), under its own
        // name.
        let side = match side_after(sentence, end, lexicon) {
            Some(side) => side,
            None if region => continue,
            None if attacks_after(sentence, end, found) => Side::Forces,
            None if mention.role == MentionRole::Actor => Side::Government,
            None => continue,
        };
        let country = if region {
            place.name.as_str()
        } else {
            place.country.as_str()
        };
        parties.push(Party {
            start,
            end,
            side,
            country,
        });
    }
    // "Armenian separatists", "the separatists", "separatist forces": Nagorno-Karabakh's forces
    // ("a separatist region" is a place, not a party). Most sentences hold no such word.
    if sentence.contains("eparatist") {
        for (start, word) in word_starts(sentence) {
            let party = word.eq_ignore_ascii_case("separatists")
                || (word.eq_ignore_ascii_case("separatist")
                    && side_after(sentence, start + word.len(), lexicon) == Some(Side::Forces));
            if !party {
                continue;
            }
            // "Armenian separatists": the demonym before names the same party.
            match parties
                .iter_mut()
                .find(|p: &&mut Party| p.end <= start && start - p.end <= 1)
            {
                Some(before) => {
                    before.country = KARABAKH;
                    before.side = Side::Forces;
                }
                None => parties.push(Party {
                    start,
                    end: start + word.len(),
                    side: Side::Forces,
                    country: KARABAKH,
                }),
            }
        }
    }
    parties.sort_by_key(|p| p.start);
    Parties(parties)
}

/// What the one or two words after a party's name make it: "forces" a force, a head title
/// ("President", "foreign ministry") or "government" a government; "'s" is skipped ("Armenia's
/// defence ministry").
fn side_after(sentence: &str, end: usize, lexicon: &Lexicon) -> Option<Side> {
    let rest = after_possessive(&sentence[end..]);
    side_of_words(rest, two_words(rest)?, lexicon)
}

/// `rest` without the "'s" it opens with ("Armenia's defence ministry").
fn after_possessive(rest: &str) -> &str {
    rest.strip_prefix("'s")
        .or_else(|| rest.strip_prefix("’s"))
        .unwrap_or(rest)
}

/// The byte ranges of the first one or two words of `rest` split at white space, as
/// `split_whitespace` gives them: ASCII bytes are told by a byte test, only other characters are
/// decoded. `None` when there is no word.
fn two_words(rest: &str) -> Option<[Option<(usize, usize)>; 2]> {
    let bytes = rest.as_bytes();
    // The length of the character at `i` and whether it is white space.
    let white_at = |i: usize| -> (usize, bool) {
        let b = bytes[i];
        if b.is_ascii() {
            return (1, is_white(b));
        }
        rest[i..]
            .chars()
            .next()
            .map_or((1, false), |c| (c.len_utf8(), c.is_whitespace()))
    };
    let mut words = [None, None];
    let mut i = 0;
    for slot in &mut words {
        while i < bytes.len() {
            let (len, white) = white_at(i);
            if !white {
                break;
            }
            i += len;
        }
        if i == bytes.len() {
            break;
        }
        let start = i;
        while i < bytes.len() {
            let (len, white) = white_at(i);
            if white {
                break;
            }
            i += len;
        }
        *slot = Some((start, i));
    }
    words[0].map(|_| words)
}

/// White space as `char::is_whitespace` tells it for an ASCII byte (`u8::is_ascii_whitespace`
/// leaves out the vertical tab).
fn is_white(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t'..=b'\r')
}

/// [`side_after`] of the words at `words` in `rest`: a head title starting at either, else a
/// force or government word, compared without its signs and in lower case on the stack.
fn side_of_words(
    rest: &str,
    words: [Option<(usize, usize)>; 2],
    lexicon: &Lexicon,
) -> Option<Side> {
    let words = words.into_iter().flatten();
    if words
        .clone()
        .any(|(start, _)| lexicon.head_titles.starts(&rest[start..]).is_some())
    {
        return Some(Side::Government);
    }
    for (start, end) in words {
        let word = &rest[start..end];
        // Without the signs around it: by bytes for an ASCII word (most), else by characters.
        let bare = if word.is_ascii() {
            let bytes = word.as_bytes();
            let first = bytes.iter().position(u8::is_ascii_alphanumeric);
            let last = bytes.iter().rposition(u8::is_ascii_alphanumeric);
            match (first, last) {
                (Some(first), Some(last)) => &bytes[first..=last],
                _ => continue,
            }
        } else {
            word.trim_matches(|c: char| !c.is_alphanumeric()).as_bytes()
        };
        let mut lower = [0u8; 12];
        let Some(lower) = lower.get_mut(..bare.len()) else {
            continue;
        };
        lower.copy_from_slice(bare);
        lower.make_ascii_lowercase();
        if let Some(side) = side_word(lower) {
            return Some(side);
        }
    }
    None
}

/// The side a lower-case force or government word gives: the lists `FORCE_WORDS` and
/// `GOVERNMENT_WORDS` (kept for the tests) by `match`.
fn side_word(word: &[u8]) -> Option<Side> {
    match word {
        b"forces" | b"force" | b"troops" | b"army" | b"armed" | b"military" | b"soldiers"
        | b"servicemen" | b"units" | b"positions" | b"artillery" | b"gunners" | b"drones"
        | b"drone" | b"aircraft" | b"jets" | b"shelling" | b"strikes" | b"strike" | b"attack"
        | b"attacks" | b"offensive" | b"rockets" | b"missiles" | b"fire" | b"side" => {
            Some(Side::Forces)
        }
        b"government" | b"authorities" | b"officials" | b"diplomats" => Some(Side::Government),
        _ => None,
    }
}

/// [`side_after`] on `rest` (the possessive passed over) by `split_whitespace` and character
/// tests: the reference the byte path is tested against.
#[cfg(test)]
fn side_after_plain(rest: &str, lexicon: &Lexicon) -> Option<Side> {
    // A title starts within the next two words and has at most two ("foreign ministry"): the
    // search reads the next three words, not the rest of the sentence.
    let mut next = rest.split_whitespace();
    let first = next.next()?;
    let second = next.next();
    let offset = |word: &str| word.as_ptr() as usize - rest.as_ptr() as usize;
    let titled = std::iter::once(first)
        .chain(second)
        .any(|word| lexicon.head_titles.starts(&rest[offset(word)..]).is_some());
    if titled {
        return Some(Side::Government);
    }
    let is_in = |list: &[&str], word: &str| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        list.iter().any(|listed| listed.eq_ignore_ascii_case(word))
    };
    for word in std::iter::once(first).chain(second) {
        if is_in(FORCE_WORDS, word) {
            return Some(Side::Forces);
        }
        if is_in(GOVERNMENT_WORDS, word) {
            return Some(Side::Government);
        }
    }
    None
}

/// True when the verb right after a country acts by force ("Azerbaijan shelled", "Armenia
/// attacked"): one of the lexicon's shelling or fighting triggers starts within two words.
fn attacks_after(sentence: &str, end: usize, found: &Found) -> bool {
    // The verb starts after the name's space (or a closing quote and a space).
    let next_word = sentence[end..]
        .find(|c: char| !c.is_whitespace() && c != '"' && c != '”')
        .map_or(usize::MAX, |gap| end + gap);
    found
        .attacks
        .iter()
        .any(|hits| hits.iter().any(|&(start, _, _)| start == next_word))
}

/// True when "by" stands right before `start` ("shelled by Azerbaijani forces", "by the
/// Armenian army").
fn follows_by(sentence: &str, start: usize) -> bool {
    let mut before = words_before(sentence, start, 2);
    match before.next() {
        Some(w) if w.eq_ignore_ascii_case("by") => true,
        Some(w) if w.eq_ignore_ascii_case("the") => {
            before.next().is_some_and(|w| w.eq_ignore_ascii_case("by"))
        }
        _ => false,
    }
}

/// The last `n` words before `start`, nearest first, without their punctuation.
fn words_before(sentence: &str, start: usize, n: usize) -> impl Iterator<Item = &str> + '_ {
    sentence[..start]
        .split_whitespace()
        .rev()
        .take(n)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// Each word of `sentence` with its start.
fn word_starts(sentence: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - sentence.as_ptr() as usize, w))
}

/// Where `needle` stands in `sentence`, as whole words in any ASCII case.
fn find_words(sentence: &str, needle: &str) -> Option<usize> {
    let (hay, need) = (sentence.as_bytes(), needle.as_bytes());
    if need.is_empty() || need.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - need.len()).find(|&i| {
        sentence.is_char_boundary(i)
            && sentence.is_char_boundary(i + need.len())
            && hay[i..i + need.len()].eq_ignore_ascii_case(need)
            && super::lexicon::is_word_boundary(sentence, i, i + need.len())
    })
}

/// The name of a party's country: a code is looked up, a name (a party with no code) is kept.
fn country_name<'a>(code: &'a str, gazetteer: &'a Gazetteer) -> Option<&'a str> {
    if code.len() != 2 {
        return Some(code);
    }
    gazetteer.country_by_code(code).map(|c| c.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::project_lexicon;

    fn gazetteer() -> &'static Gazetteer {
        static GAZETTEER: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        GAZETTEER.get_or_init(|| {
            Gazetteer::load(&crate::paths::default_data_dir())
                .unwrap_or_else(|e| panic!("the project's gazetteer: {e}"))
        })
    }

    /// The actors of `sentence` as the extraction would find them, with `claimant` quoted.
    fn actors(sentence: &str, kind: EventKind, claimant: Option<&str>) -> Vec<String> {
        let lexicon = project_lexicon();
        let gazetteer = gazetteer();
        let demonyms: Vec<_> = lexicon.demonyms.find_iter(sentence).collect();
        let persons: Vec<_> = lexicon.actors.find_iter(sentence).collect();
        let shelling: Vec<_> = lexicon.triggers[crate::atlas::kind_index(EventKind::Shelling)]
            .find_iter(sentence)
            .collect();
        let fighting: Vec<_> = lexicon.triggers[crate::atlas::kind_index(EventKind::Fighting)]
            .find_iter(sentence)
            .collect();
        let mentions = gazetteer.mentions(sentence);
        let mentions: Vec<&Mention> = mentions.iter().collect();
        let found = Found {
            demonyms: &demonyms,
            persons: &persons,
            attacks: [&shelling, &fighting],
            mentions: &mentions,
            sentence_start: 0,
        };
        let parties = parties_in(sentence, &found, gazetteer, &lexicon);
        actors_in(sentence, kind, claimant, &parties, gazetteer)
    }

    const AZ: &str = "Military Forces of Azerbaijan";
    const AM: &str = "Military Forces of Armenia";
    const NK: &str = "Military Forces of Nagorno-Karabakh";

    #[test]
    fn the_side_words_matched_are_the_lists() {
        let mut words: Vec<&str> = FORCE_WORDS.to_vec();
        words.extend(GOVERNMENT_WORDS);
        words.extend(["", "forc", "forcess", "army's", "sides", "official"]);
        for word in words {
            let expected = if FORCE_WORDS.contains(&word) {
                Some(Side::Forces)
            } else if GOVERNMENT_WORDS.contains(&word) {
                Some(Side::Government)
            } else {
                None
            };
            assert_eq!(side_word(word.as_bytes()), expected, "{word}");
        }
    }

    #[test]
    fn the_side_after_a_name_read_by_bytes_is_the_one_the_plain_split_gives() {
        let lexicon = crate::extract::lexicon::project_lexicon();
        let texts = crate::seed_texts::seed_sentences_with(&[
            "Armenia's  foreign ministry said; Azerbaijani\u{a0}forces and Russian\u{2009}troops.",
            "The Azerbaijani (army) shelled; Armenian \"officials\" and Turkish SERVICEMEN-led units.",
            "Karabakh authorities\u{b}troops, Armenian’s government, Russian\u{85}drones",
            "Iranian Prime Minister, the Armenian   \t side",
            "Turkish “forces” and Azerbaijani «troops», Russian\u{3000}officials; Armenian—army",
            "Armenian’s\u{a0}\u{a0}Foreign Ministry, Georgian çforces, Iranian ARMY’s",
        ]);
        let mut sides = 0;
        for text in &texts {
            for (end, _) in text.char_indices() {
                let side = side_after(text, end, &lexicon);
                assert_eq!(
                    side,
                    side_after_plain(after_possessive(&text[end..]), &lexicon),
                    "after byte {end} of {text:?}"
                );
                sides += usize::from(side.is_some());
            }
        }
        assert!(sides > 50, "only {sides} sides found");
    }

    #[test]
    fn forces_are_named_by_their_adjective_or_country_with_a_force_word() {
        assert_eq!(
            actors(
                "Azerbaijani forces shelled Stepanakert overnight.",
                EventKind::Shelling,
                None
            ),
            [AZ]
        );
        assert_eq!(
            actors(
                "Armenian troops clashed with Azerbaijani units near Fuzuli.",
                EventKind::Fighting,
                None
            ),
            [AM, AZ]
        );
        assert_eq!(
            actors(
                "Armenia's army said it had repelled an Azerbaijani offensive.",
                EventKind::Fighting,
                None
            ),
            [AM, AZ]
        );
        assert_eq!(
            actors(
                "Ethnic Armenian forces fired rockets at Ganja on Sunday.",
                EventKind::Shelling,
                None
            ),
            [NK]
        );
        assert_eq!(
            actors(
                "Armenian separatists shelled Tartar, Baku said.",
                EventKind::Shelling,
                Some("Baku")
            ),
            [NK]
        );
        // The region's own forces, named as the gazetteer names it.
        assert_eq!(
            actors(
                "Karabakh forces shelled the Azerbaijani city of Tartar on Monday.",
                EventKind::Shelling,
                None
            ),
            [NK]
        );
        // A separatist region is a place; separatist fighters are a party.
        assert!(
            actors(
                "Shells hit Stepanakert, capital of the separatist region, on Sunday.",
                EventKind::Shelling,
                None
            )
            .is_empty()
        );
        assert_eq!(
            actors(
                "Separatist forces shelled the Azerbaijani city of Tartar.",
                EventKind::Shelling,
                None
            ),
            [NK]
        );
    }

    #[test]
    fn the_agent_of_a_passive_verb_acts_first() {
        assert_eq!(
            actors(
                "Azerbaijani positions in Fuzuli were shelled by Armenian forces.",
                EventKind::Shelling,
                None
            ),
            [AM, AZ]
        );
    }

    #[test]
    fn the_claimant_of_an_attack_is_not_a_party_to_it() {
        assert_eq!(
            actors(
                "Azerbaijan's defence ministry said Armenian forces shelled Tartar.",
                EventKind::Shelling,
                Some("Azerbaijan's defence ministry")
            ),
            [AM]
        );
        // The force that reports a battle is the other side's opponent, named second.
        assert_eq!(
            actors(
                "Armenia's army said it had repelled an Azerbaijani offensive.",
                EventKind::Fighting,
                Some("Armenia's army")
            ),
            [AZ, AM]
        );
        // A country that reports is no force; one that attacks is.
        assert_eq!(
            actors(
                "Armenia said Azerbaijan shelled Stepanakert on Friday.",
                EventKind::Shelling,
                Some("Armenia")
            ),
            [AZ]
        );
    }

    #[test]
    fn diplomacy_is_between_governments() {
        assert_eq!(
            actors(
                "Putin spoke by phone with Armenian Prime Minister Nikol Pashinyan.",
                EventKind::Diplomacy,
                None
            ),
            ["Government of Russia", "Government of Armenia"]
        );
        assert_eq!(
            actors(
                "The French presidency said Macron would call Aliyev.",
                EventKind::Diplomacy,
                Some("The French presidency")
            ),
            ["Government of France", "Government of Azerbaijan"]
        );
    }

    #[test]
    fn no_party_is_guessed_from_places_or_bare_adjectives() {
        // An Azerbaijani town, a displacement: no one the sentence names as acting.
        assert!(
            actors(
                "Shells hit the Azerbaijani town of Tartar on Sunday.",
                EventKind::Shelling,
                None
            )
            .is_empty()
        );
        assert!(
            actors(
                "Thousands fled Stepanakert as Azerbaijani forces advanced.",
                EventKind::Displacement,
                None
            )
            .is_empty()
        );
    }

    #[test]
    fn claimants_are_found_as_whole_words_in_any_case() {
        assert_eq!(find_words("Baku said", "baku"), Some(0));
        assert_eq!(find_words("Bakuvian said", "Baku"), None);
        assert_eq!(find_words("Şuşa, Baku said", "Baku"), Some(8));
    }
}
