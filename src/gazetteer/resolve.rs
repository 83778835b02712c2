//! Which place a name stands for: a ranked decision with reasons a reader can check.
//!
//! Each candidate's score adds up what speaks for it: its kind and size, whether the text used
//! its own name, nearness to the war, a country named with it ("Barda, Azerbaijan") or in the
//! article, the article's other places nearby, and a relative phrase ("fifteen kilometers south
//! of Stepanakert") checked against real distance and bearing.

use std::fmt::Write;
use std::ops::Range;

use geo::{Bearing, Distance, Haversine, Point};

use crate::model::{Candidate, Mention, MentionRole, Place, PlaceKind};
use crate::text::{decimal_digits, push_ascii};

use super::Gazetteer;
use super::matcher::{NameEntry, RawMatch};
use super::normalize::{eight_at, normalize_text, sixteen_either};
use super::roles::{self, NameTraits, Site, Verdict, Word, Words};

/// Where the war was fought: the middle of Nagorno-Karabakh.
pub const WAR_CENTRE: (f64, f64) = (39.85, 46.75);

/// Words that look like names of places in some gazetteers but name peoples here.
const DEMONYMS: &[&str] = &[
    "armenian",
    "armenians",
    "azeri",
    "azeris",
    "azerbaijani",
    "azerbaijanis",
    "turkish",
    "turk",
    "turks",
    "russian",
    "russians",
    "iranian",
    "iranians",
    "georgian",
    "georgians",
    "french",
    "syrian",
    "syrians",
    "libyan",
    "european",
    "europeans",
    "american",
    "americans",
    "soviet",
    "kurdish",
    "kurd",
    "kurds",
    "persian",
    "arab",
    "arabs",
    "british",
];

/// Whether a normalised name is one of [`DEMONYMS`].
pub fn is_demonym(normalized: &str) -> bool {
    DEMONYMS.contains(&normalized)
}

/// How much a place is worth before any context: kind and size.
pub fn prior(place: &Place) -> f64 {
    let kind = match place.kind {
        PlaceKind::Country => 6.0,
        PlaceKind::Capital => 4.0,
        PlaceKind::Region => 3.5,
        PlaceKind::City => 2.0,
        PlaceKind::District => 0.8,
        PlaceKind::Town => 1.0,
        PlaceKind::Village => 0.0,
    };
    kind + 0.6 * ((place.population as f64) + 1.0).log10()
}

pub fn distance_km(a: &Place, b: &Place) -> f64 {
    Haversine.distance(a.point(), b.point()) / 1000.0
}

pub(crate) fn km_from_war(place: &Place) -> f64 {
    Haversine.distance(Point::new(WAR_CENTRE.1, WAR_CENTRE.0), place.point()) / 1000.0
}

/// Sentences as byte ranges: a stop, question or exclamation mark followed by a space and a
/// capital (not after a short abbreviation such as "Mr." or "Sept."), or a line break.
pub fn sentence_spans(text: &str) -> Vec<Range<usize>> {
    sentence_spans_at(text, &normalize_text(text).landmarks.stops)
}

/// [`sentence_spans`], visiting only `stops`: the offsets of every `\n`, `.`, `!` and `?` of
/// `text`, in order.
pub fn sentence_spans_at(text: &str, stops: &[u32]) -> Vec<Range<usize>> {
    const ABBREVIATIONS: &[&str] = &[
        "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "u.s", "u.k", "inc",
        "co", "corp", "jr", "sr", "prof", "rep", "sen", "gov", "e.g", "i.e",
    ];
    /// The longest of [`ABBREVIATIONS`], in bytes.
    const LONGEST_ABBREVIATION: usize = 4;
    let bytes = text.as_bytes();
    let mut spans = Vec::with_capacity(stops.len() + 1);
    let mut start = 0;
    for &i in stops {
        let i = i as usize;
        let Some(&b) = bytes.get(i) else {
            break;
        };
        let boundary = if b == b'\n' {
            Some(i + 1)
        } else if matches!(b, b'.' | b'!' | b'?') {
            let next = bytes.get(i + 1).copied();
            let next_is_space = matches!(next, Some(b' ') | Some(b'"') | Some(b'\''));
            let ends = next_is_space && {
                let after = text[i + 1..].trim_start_matches([' ', '"', '\'', ')']);
                after
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == '“' || c == '"' || c.is_ascii_digit())
            };
            let abbreviation = ends && b == b'.' && {
                let word_before = text[start..i]
                    .rsplit(|c: char| c.is_whitespace())
                    .next()
                    .unwrap_or("");
                word_before.len() <= LONGEST_ABBREVIATION
                    && ABBREVIATIONS
                        .iter()
                        .any(|a| a.eq_ignore_ascii_case(word_before))
            };
            (ends && !abbreviation).then_some(i + 1)
        } else {
            None
        };
        if let Some(end) = boundary {
            if !text[start..end].trim().is_empty() {
                spans.push(start..end);
            }
            start = end;
        }
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        spans.push(start..text.len());
    }
    spans
}

/// A scored candidate under construction. Its reasons are kept as facts and written out only for
/// the candidates a reader sees (the first few of each mention).
#[derive(Clone, Debug, PartialEq)]
struct Scored<'a> {
    place: u32,
    score: f64,
    /// The text used the place's own name, not an alternate one.
    primary: bool,
    country: Option<CountryReason<'a>>,
    /// The nearest unambiguous place of the article: kilometres and its name.
    neighbour: Option<(f64, &'a str)>,
    /// A place named in the same list ("Stepanakert and Martuni") that lies near it.
    listed_with: Option<&'a str>,
    relative: Option<RelativeReason<'a>>,
    /// How many other mentions of the same name in the article chose this place first, when
    /// that made it this mention's choice too ([`apply_one_sense`]).
    same_name_elsewhere: u32,
}

/// Why a country named in the article raised the candidate.
#[derive(Clone, Copy, Debug, PartialEq)]
enum CountryReason<'a> {
    /// Named with it, as written: "Barda, Azerbaijan".
    Written(&'a str),
    /// Named in the same sentence (ISO code of the country).
    SameSentence(&'a str),
    /// Named elsewhere in the article (ISO code of the country).
    InArticle(&'a str),
}

/// How the candidate fits a relative phrase ("fifteen kilometers south of Stepanakert").
#[derive(Clone, Copy, Debug, PartialEq)]
struct RelativeReason<'a> {
    fit: Fit,
    phrase: &'a str,
    anchor: &'a str,
    km: f64,
    bearing: f64,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Fit {
    Yes,
    No,
    NoCandidate,
}

/// One name found in the article, with everything decided about it so far.
struct Found<'a> {
    start: usize,
    end: usize,
    name: usize,
    sentence: usize,
    candidates: Vec<Scored<'a>>,
    verdict: Verdict,
}

fn accept(g: &Gazetteer, text: &str, start: usize, end: usize, name: usize) -> bool {
    let Some(slice) = text.get(start..end) else {
        return false;
    };
    // Proper names are capitalised; this keeps "nice" and "mobile" off the map.
    let capitalised = match slice.as_bytes().first() {
        Some(b) if b.is_ascii_alphabetic() => b.is_ascii_uppercase(),
        _ => slice
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase),
    };
    let entry = &g.names()[name];
    // A currency's sign, not a place: "US$3 million", "AM$"-style codes.
    let currency = text.as_bytes().get(end) == Some(&b'$');
    if !capitalised || entry.demonym || currency {
        return false;
    }
    entry
        .places
        .iter()
        .any(|p| p.exact.as_deref().is_none_or(|exact| exact == slice))
}

fn base_candidates<'a>(g: &'a Gazetteer, entry: &NameEntry, slice: &str) -> Vec<Scored<'a>> {
    let mut candidates = Vec::with_capacity(entry.places.len());
    for named in &entry.places {
        if named.exact.as_deref().is_some_and(|exact| exact != slice) {
            continue;
        }
        let (mut score, from_war) = g.place_facts[named.place as usize];
        if !named.primary
            && from_war > OLD_NAME_FAR_KM
            && is_other_name_of_a_far_town(&g.places()[named.place as usize], &entry.normalized)
        {
            continue;
        }
        if named.primary {
            score += 0.5;
        }
        if from_war < 120.0 {
            score += 2.5;
        } else if from_war < 400.0 {
            score += 1.2;
        }
        candidates.push(Scored {
            place: named.place,
            score,
            primary: named.primary,
            country: None,
            neighbour: None,
            listed_with: None,
            relative: None,
            same_name_elsewhere: 0,
        });
    }
    candidates
}

/// Beyond this distance from the war a town's other, unrelated name is taken for no place.
const OLD_NAME_FAR_KM: f64 = 400.0;

/// Whether `name` (normalised) is a name of `place` unlike its own, and the place a town or city
/// (not a capital or a country, which the press names by their exonyms and seats: "Moscou",
/// "the Kremlin"): an ancient or former name ("Tigranakert" for Diyarbakır, "Constantinople")
/// names a site of the past or another place of that name, not a place of this war.
fn is_other_name_of_a_far_town(place: &Place, name: &str) -> bool {
    if !matches!(
        place.kind,
        PlaceKind::City | PlaceKind::Town | PlaceKind::Village
    ) {
        return false;
    }
    // The first letters are compared before anything is normalised: most aliases share it.
    let first = place.name.as_bytes().first().copied().unwrap_or(0);
    if first.is_ascii_alphabetic() && Some(&first.to_ascii_lowercase()) == name.as_bytes().first() {
        return false;
    }
    let own = super::normalize::normalize_name(&place.name);
    own.as_bytes().first() != name.as_bytes().first()
        && strsim::normalized_levenshtein(&own, name) < OTHER_NAME_LIKENESS
}

/// Below this likeness (0 to 1) to the place's own name, and starting with another letter, an
/// alias is another name, not a spelling ("Genève" and "Gence" are spellings of Geneva and Ganja;
/// "Amida" and "Tigranakert" are old names of Diyarbakır).
const OTHER_NAME_LIKENESS: f64 = 0.5;

/// The parts of a candidate's reasons that depend on its place alone: what it is
/// ("city of AZ, 41 600 people") and how far it is from the war ("; in the war zone").
#[derive(Debug)]
pub(crate) struct PlaceReasons {
    // Kept as written, with their room: a shrunk copy would cost one more allocation each.
    what: String,
    war: String,
}

impl PlaceReasons {
    pub(crate) fn new(place: &Place, from_war: f64) -> PlaceReasons {
        // "district of AZ, 18 446 744 073 709 551 615 people" at most, but for long country codes.
        let mut what = String::with_capacity(64);
        let country = if place.country.is_empty() {
            "?"
        } else {
            &place.country
        };
        what.push_str(kind_word(place.kind));
        what.push_str(" of ");
        what.push_str(country);
        if place.population > 0 {
            what.push_str(", ");
            write_thousands(&mut what, place.population);
            what.push_str(" people");
        }
        let mut war = String::with_capacity(if from_war < 400.0 { 24 } else { 0 });
        if from_war < 120.0 {
            war.push_str("; in the war zone");
        } else if from_war < 400.0 {
            war.push_str("; ");
            write_fixed(&mut war, from_war, 0);
            war.push_str(" km from the war");
        }
        PlaceReasons { what, war }
    }
}

/// The reasons of a candidate, in the order they were found, joined by "; ".
fn write_reasons(out: &mut String, g: &Gazetteer, name_as_written: &str, candidate: &Scored) {
    if let Some(reasons) = g.place_reasons(candidate.place) {
        out.push_str(&reasons.what);
        if candidate.primary {
            out.push_str("; its own name");
        } else {
            for part in ["; also called '", name_as_written, "'"] {
                out.push_str(part);
            }
        }
        out.push_str(&reasons.war);
    }
    match candidate.country {
        Some(CountryReason::Written(written)) => {
            for part in ["; written '", written, "'"] {
                out.push_str(part);
            }
        }
        Some(CountryReason::SameSentence(iso2)) => {
            for part in [
                "; ",
                country_name(g, iso2),
                " is named in the same sentence",
            ] {
                out.push_str(part);
            }
        }
        Some(CountryReason::InArticle(iso2)) => {
            for part in ["; ", country_name(g, iso2), " is named in the article"] {
                out.push_str(part);
            }
        }
        None => {}
    }
    if let Some((km, other)) = candidate.neighbour {
        out.push_str("; ");
        write_fixed(out, km, 0);
        out.push_str(" km from ");
        out.push_str(other);
        out.push_str(", also in the article");
    }
    if let Some(other) = candidate.listed_with {
        out.push_str("; named in one list with ");
        out.push_str(other);
        out.push_str(", near it");
    }
    if candidate.same_name_elsewhere > 0 {
        out.push_str("; the place ");
        write_thousands(out, u64::from(candidate.same_name_elsewhere));
        out.push_str(" other mention(s) of this name in the article stand for");
    }
    if let Some(RelativeReason {
        fit,
        phrase,
        anchor,
        km,
        bearing,
    }) = candidate.relative
    {
        out.push_str(match fit {
            Fit::Yes => "; fits '",
            Fit::No => "; does not fit '",
            Fit::NoCandidate => "; no candidate fits '",
        });
        for part in [phrase, " ", anchor] {
            out.push_str(part);
        }
        out.push_str(if fit == Fit::NoCandidate {
            "' (this one: "
        } else {
            "': "
        });
        write_fixed(out, km, 0);
        out.push_str(" km, bearing ");
        write_fixed(out, bearing, 0);
        out.push('°');
        if fit == Fit::NoCandidate {
            out.push(')');
        }
    }
}

fn kind_word(kind: PlaceKind) -> &'static str {
    match kind {
        PlaceKind::Country => "country",
        PlaceKind::Region => "region",
        PlaceKind::District => "district",
        PlaceKind::Capital => "capital",
        PlaceKind::City => "city",
        PlaceKind::Town => "town",
        PlaceKind::Village => "village",
    }
}

/// `41600` → `41 600`.
fn write_thousands(out: &mut String, mut n: u64) {
    // Twenty digits and their six spaces at most, written from the last digit back and pushed
    // in one go.
    let mut grouped = [b' '; 26];
    let mut at = grouped.len();
    let mut left_in_group = 3;
    loop {
        if left_in_group == 0 {
            at -= 1;
            left_in_group = 3;
        }
        at -= 1;
        grouped[at] = b'0' + (n % 10) as u8;
        left_in_group -= 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    push_ascii(out, &grouped[at..]);
}

/// `value` with `decimals` (0 or 1) digits after the point, exactly as `{:.0}` and `{:.1}` write
/// it. Reasons and explanations write thousands of distances and scores per article; the general
/// formatter is exact for any number but slow, while these are small positive numbers rarely on
/// a tie, which plain rounding settles the same way.
fn write_fixed(out: &mut String, value: f64, decimals: usize) {
    let scale = if decimals == 0 { 1.0 } else { 10.0 };
    let scaled = value * scale;
    if decimals > 1 || !(0.0..1e15).contains(&scaled) || value.is_sign_negative() {
        let _ = write!(out, "{value:.decimals$}");
        return;
    }
    // Below 2^53 and not negative: the cast is the floor, and the fraction is exact. (`floor`
    // and `round` are library calls on the common x86-64 target.)
    let floor = scaled as u64;
    let fraction = scaled - floor as f64;
    // `scaled` is off by at most half a unit in its last place: only a fraction within reach of
    // one half could round differently from the exact value, and those go to the formatter.
    if (fraction - 0.5).abs() < 1e-6 {
        let _ = write!(out, "{value:.decimals$}");
        return;
    }
    let rounded = floor + u64::from(fraction > 0.5);
    let (whole, tenths) = if decimals == 0 {
        (rounded, None)
    } else {
        (rounded / 10, Some(rounded % 10))
    };
    // Scores and distances are mostly below a hundred: one or two digits, pushed at once.
    if whole < 10 {
        out.push(char::from(b'0' + whole as u8));
    } else if whole < 100 {
        out.push(char::from(b'0' + (whole / 10) as u8));
        out.push(char::from(b'0' + (whole % 10) as u8));
    } else {
        let (digits, first) = decimal_digits(whole);
        push_ascii(out, &digits[first..]);
    }
    if let Some(tenths) = tenths {
        out.push('.');
        out.push(char::from(b'0' + tenths as u8));
    }
}

fn sort_candidates(candidates: &mut [Scored]) {
    candidates.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.place.cmp(&b.place)));
}

fn best<'g>(g: &'g Gazetteer, found: &Found) -> Option<&'g Place> {
    found
        .candidates
        .first()
        .map(|c| &g.places()[c.place as usize])
}

/// Every place mention of `text`, resolved and with its role.
pub fn mentions(g: &Gazetteer, text: &str) -> Vec<Mention> {
    mentions_reusing(g, text, true, true)
}

/// [`mentions`]; `reuse` as [`write_mentions`] takes it. With `near_words`, the role rules read
/// the normaliser's words in sentences where those are the words read from the text, each made
/// into a word of the text only when a rule reads it (a few near each name); without it, every
/// word of the sentence is read from the text first.
fn mentions_reusing(g: &Gazetteer, text: &str, reuse: bool, near_words: bool) -> Vec<Mention> {
    let normalized = normalize_text(text);
    // Names are capitalised: only words whose first letter is not lower case are tried.
    let starts = normalized.name_starts.iter().map(|&at| at as usize);
    let raw: Vec<RawMatch> = g
        .matcher()
        .find_from(&normalized, starts, |start, end, name| {
            accept(g, text, start, end, name)
        });
    if raw.is_empty() {
        return Vec::new();
    }
    let landmarks = &normalized.landmarks;
    let sentences = sentence_spans_at(text, &landmarks.stops);
    // The sentence holding a byte; sentences are in order and do not overlap.
    let sentence_of = |at: usize| {
        let index = sentences.partition_point(|s| s.end <= at);
        if sentences.get(index).is_some_and(|s| s.contains(&at)) {
            index
        } else {
            sentences.len().saturating_sub(1)
        }
    };
    let mut found: Vec<Found> = raw
        .iter()
        .map(|m| Found {
            start: m.start,
            end: m.end,
            name: m.name,
            sentence: sentence_of(m.start),
            candidates: base_candidates(g, &g.names()[m.name], &text[m.start..m.end]),
            verdict: Verdict::NotAPlace(String::new()),
        })
        .collect();

    apply_country_context(g, text, &mut found);
    for f in &mut found {
        sort_candidates(&mut f.candidates);
    }
    apply_neighbours(g, &mut found);
    apply_list_partners(g, text, &mut found);
    apply_relative_phrases(g, text, normalized.lower_text(), &sentences, &mut found);
    apply_one_sense(&mut found);

    // Roles.
    let credits = roles::credit_spans_at(text, &landmarks.credit_anchors);
    // Words only of the sentences that hold a name, each split once, all in one buffer: each
    // sentence keeps its range of it and what `tells_of_the_past` found.
    let mut all_words: Vec<Word> = Vec::new();
    let mut sentence_words: Vec<Option<SentenceWords>> = vec![None; sentences.len()];
    // Names seen as part of a person's name.
    let mut persons: Vec<usize> = Vec::new();
    for f in found.iter_mut() {
        let credit = credits.iter().find(|(span, _, _)| span.contains(&f.start));
        let verdict = if let Some((_, role, what)) = credit {
            Verdict::Role {
                role: *role,
                why: roles::concat(&["inside ", what]).into(),
                keeps_place: true,
            }
        } else if roles::is_dateline(text, f.start, f.end) {
            Verdict::Role {
                role: MentionRole::Credit,
                why: "the dateline: where the report was filed".into(),
                keeps_place: true,
            }
        } else {
            let place = best(g, f);
            let (words, past, first_word, after_word) = match (
                sentence_words.get_mut(f.sentence),
                sentences.get(f.sentence),
            ) {
                (Some(slot), Some(span)) => {
                    let known = slot.get_or_insert_with(|| {
                        let plain = roles::plain_sentence_words(&normalized, span.clone())
                            .filter(|_| near_words);
                        match plain {
                            Some(range) => SentenceWords {
                                past: roles::tells_of_the_past_plain(
                                    &normalized,
                                    &normalized.words[range.clone()],
                                ),
                                range,
                                plain: true,
                            },
                            None => {
                                let from = all_words.len();
                                roles::push_sentence_words(
                                    &mut all_words,
                                    text,
                                    &normalized,
                                    span.clone(),
                                );
                                SentenceWords {
                                    past: roles::tells_of_the_past(&all_words[from..]),
                                    range: from..all_words.len(),
                                    plain: false,
                                }
                            }
                        }
                    });
                    let past = known.past.as_deref();
                    if known.plain {
                        // The normaliser's words, made into words of the text only where the
                        // rules read them.
                        let sentence = &normalized.words[known.range.clone()];
                        let (first, after) = name_words(
                            sentence,
                            f.start,
                            f.end,
                            |w| w.start as usize,
                            |w| w.end as usize,
                        );
                        let words = Words::Plain {
                            words: sentence,
                            lower: normalized.lower.as_str(),
                            text,
                        };
                        (words, past, first, after)
                    } else {
                        let words = &all_words[known.range.clone()];
                        let (first, after) =
                            name_words(words, f.start, f.end, |w| w.start, |w| w.end);
                        (Words::Read(words), past, first, after)
                    }
                }
                _ => (Words::Read(&[]), None, 0, 0),
            };
            let normalized_name = g.names()[f.name].normalized.as_str();
            let site = Site {
                text,
                start: f.start,
                end: f.end,
                sentence: sentences.get(f.sentence).cloned().unwrap_or(0..text.len()),
                words,
                past,
                first_word,
                after_word,
                traits: NameTraits {
                    country: place.is_some_and(|p| p.kind == PlaceKind::Country),
                    capital: place.is_some_and(|p| p.kind == PlaceKind::Capital),
                    region: place.is_some_and(|p| p.kind == PlaceKind::Region),
                    seat_of_power: roles::SEATS_OF_POWER.contains(&normalized_name),
                },
            };
            roles::classify(&site)
        };
        if matches!(verdict, Verdict::NotAPlace(_)) {
            persons.push(f.name);
        }
        f.verdict = verdict;
    }
    // A surname seen once as a person's ("Ilham Aliyev") is a person everywhere in the article.
    for f in &mut found {
        if !matches!(f.verdict, Verdict::NotAPlace(_))
            && persons.contains(&f.name)
            && !best_is_country(g, f)
        {
            f.verdict = Verdict::NotAPlace("named as a person elsewhere in the article".into());
        }
    }
    propagate_through_lists(text, &mut found);

    write_mentions(g, text, found, reuse)
}

/// The words of one sentence holding a name, and what `tells_of_the_past` found there.
#[derive(Clone)]
struct SentenceWords {
    /// Indices in the normaliser's words when `plain` (see [`roles::plain_sentence_words`]),
    /// else in the buffer of [`Word`]s read from the text.
    range: Range<usize>,
    plain: bool,
    past: Option<String>,
}

/// Index of the first of `words` holding the name `start..end` (0 when none ends after its
/// start) and one past the last: words are in order and do not overlap.
fn name_words<W>(
    words: &[W],
    start: usize,
    end: usize,
    word_start: impl Fn(&W) -> usize,
    word_end: impl Fn(&W) -> usize,
) -> (usize, usize) {
    let first = words.partition_point(|w| word_end(w) <= start);
    let first = if first == words.len() { 0 } else { first };
    (first, words.partition_point(|w| word_start(w) < end))
}

/// The mentions of `found`, in order, leaving out names that are not places. With `reuse`, a
/// name written as before, with the same role and the same candidates as an earlier mention,
/// takes that mention's candidates and words instead of writing them again: articles repeat
/// their places, and with them everything said about them but the role's reason.
///
/// What is returned is kept as long as the article is shown (tens of thousands of articles):
/// every vector and string is allocated at its final size.
fn write_mentions(g: &Gazetteer, text: &str, found: Vec<Found>, reuse: bool) -> Vec<Mention> {
    let kept = found
        .iter()
        .filter(|f| matches!(f.verdict, Verdict::Role { .. }))
        .count();
    let mut out: Vec<Mention> = Vec::with_capacity(kept);
    // Reasons are written here first, then copied at their length.
    let mut scratch = String::with_capacity(320);
    // Each distinct mention written so far: its index in `found`, in `out`, and the length of
    // its `why` before the role's reason.
    let mut written: Vec<(usize, usize, usize)> = Vec::new();
    for (index, f) in found.iter().enumerate() {
        let Verdict::Role {
            role,
            why: role_why,
            keeps_place,
        } = &f.verdict
        else {
            continue;
        };
        let earlier = if reuse {
            written
                .iter()
                .find(|(at, _, _)| same_mention(text, &found[*at], f))
        } else {
            None
        };
        let mention = match earlier {
            Some(&(_, at, head)) => {
                let first = &out[at];
                let mut why = String::with_capacity(head + role_why.len());
                why.push_str(first.why.get(..head).unwrap_or(""));
                why.push_str(role_why);
                Mention {
                    start: f.start,
                    end: f.end,
                    text: first.text.clone(),
                    role: *role,
                    place: first.place.clone(),
                    candidates: first.candidates.clone(),
                    why,
                }
            }
            None => {
                let (mention, head) =
                    to_mention(g, text, f, *role, role_why, *keeps_place, &mut scratch);
                written.push((index, out.len(), head));
                mention
            }
        };
        out.push(mention);
    }
    out
}

/// Whether two names are written alike, have the same role (its reason aside) and the same
/// candidates for the same reasons: then all that is written about them but the role's reason
/// is the same.
fn same_mention(text: &str, a: &Found, b: &Found) -> bool {
    let role = |f: &Found| match f.verdict {
        Verdict::Role {
            role, keeps_place, ..
        } => Some((role, keeps_place)),
        Verdict::NotAPlace(_) => None,
    };
    a.name == b.name
        && role(a) == role(b)
        && text.get(a.start..a.end) == text.get(b.start..b.end)
        && a.candidates == b.candidates
}

fn best_is_country(g: &Gazetteer, f: &Found) -> bool {
    best(g, f).is_some_and(|p| p.kind == PlaceKind::Country)
}

/// Spaces, quotes and commas around a list's names.
fn around_list_names(c: char) -> bool {
    c.is_whitespace() || matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’' | ',')
}

/// Whether the text between two names joins them in a list: nothing, "and" or "or" but spaces,
/// quotes and commas. Most gaps are a clause whose first word settles it: the gap is read from
/// its start only as far as that.
fn joins_a_list(gap: &str) -> bool {
    let rest = gap.trim_start_matches(around_list_names);
    let after_word = rest
        .strip_prefix("and")
        .or_else(|| rest.strip_prefix("or"))
        .unwrap_or(rest);
    after_word.chars().all(around_list_names)
}

/// "Rocket attack kills 21 in Barda, Baku says": a speaker after a bare comma attributes what
/// the place before it tells; the place is not listed with the speaker.
fn attributes_after_comma(text: &str, place: &Found, speaker: &Found) -> bool {
    text.get(place.end..speaker.start)
        .is_some_and(|gap| gap.trim() == ",")
        && text.get(speaker.end..).is_some_and(|after| {
            let verb = after
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_end_matches(['.', ',', ';']);
            matches!(
                verb,
                "says" | "said" | "claims" | "claimed" | "reports" | "reported"
            )
        })
}

/// "Baku and Yerevan stressed", "from Syria and Libya": names listed together share a role.
fn propagate_through_lists(text: &str, found: &mut [Found]) {
    // "In Ganja, Azerbaijan's second city, …": a name owning what follows it after a bare comma
    // describes the name before; it is not listed with it.
    let describes = |a: &Found, b: &Found| {
        text.get(a.end..b.start)
            .is_some_and(|gap| gap.trim() == ",")
            && text
                .get(b.end..)
                .is_some_and(|after| after.starts_with("'s ") || after.starts_with("’s "))
    };
    let joined = |a: &Found, b: &Found| {
        text.get(a.end..b.start).is_some_and(joins_a_list) && !describes(a, b)
    };
    let is_event = |v: &Verdict| {
        matches!(
            v,
            Verdict::Role {
                role: MentionRole::Event,
                ..
            }
        )
    };
    for i in 1..found.len() {
        if !joined(&found[i - 1], &found[i]) {
            continue;
        }
        let earlier = found[i - 1].verdict.clone();
        let later = found[i].verdict.clone();
        match (&earlier, &later) {
            (
                Verdict::Role {
                    role: role @ (MentionRole::Actor | MentionRole::Background),
                    keeps_place: true,
                    ..
                },
                later,
            ) if is_event(later) => {
                let name = text.get(found[i - 1].start..found[i - 1].end).unwrap_or("");
                found[i].verdict = Verdict::Role {
                    role: *role,
                    why: roles::concat(&["listed with '", name, "', same role"]).into(),
                    keeps_place: true,
                };
            }
            (
                earlier,
                Verdict::Role {
                    role: MentionRole::Actor,
                    keeps_place: true,
                    ..
                },
            ) if is_event(earlier) && !attributes_after_comma(text, &found[i - 1], &found[i]) => {
                let name = text.get(found[i].start..found[i].end).unwrap_or("");
                found[i - 1].verdict = Verdict::Role {
                    role: MentionRole::Actor,
                    why: roles::concat(&["listed with '", name, "', same role"]).into(),
                    keeps_place: true,
                };
            }
            _ => {}
        }
    }
}

/// A country named right after the name ("Barda, Azerbaijan", "Martuni in Armenia"), in the same
/// sentence, or elsewhere in the article raises that country's candidates.
fn apply_country_context<'a>(g: &'a Gazetteer, text: &'a str, found: &mut [Found<'a>]) {
    // Countries the article names, each with the positions and sentences of its namings: a few
    // countries, named again and again. Looked up by position and by sentence, so the work
    // grows with the mentions, not with mentions times namings (a long text names hundreds).
    let mut named: Vec<CountryNamings> = Vec::new();
    for f in found.iter() {
        let Some(first) = f
            .candidates
            .iter()
            .find(|c| g.places()[c.place as usize].kind == PlaceKind::Country)
        else {
            continue;
        };
        let country = g.places()[first.place as usize].country.as_str();
        let namings = match named.iter().position(|n| n.country == country) {
            Some(at) => &mut named[at],
            None => {
                named.push(CountryNamings {
                    country,
                    starts: Vec::new(),
                    sentences: Vec::new(),
                });
                named
                    .last_mut()
                    .unwrap_or_else(|| unreachable!("just pushed"))
            }
        };
        namings.starts.push(f.start);
        namings.sentences.push((f.sentence, f.start));
    }
    if named.is_empty() {
        return;
    }
    for namings in &mut named {
        // Mentions come in text order; the sentence index of a name outside every sentence
        // is the last one, so sentences are sorted apart.
        debug_assert!(namings.starts.is_sorted());
        namings.sentences.sort_unstable();
    }
    for f in found.iter_mut() {
        if f.candidates.len() < 2 {
            continue;
        }
        for candidate in &mut f.candidates {
            let place = &g.places()[candidate.place as usize];
            if place.kind == PlaceKind::Country || place.country.is_empty() {
                continue;
            }
            let Some(namings) = named.iter().find(|n| n.country == place.country) else {
                continue;
            };
            let (bonus, reason) = if let Some(written) = namings.written_after(text, f.end) {
                (
                    4.0,
                    CountryReason::Written(
                        text.get(f.start..written + country_len(text, written))
                            .unwrap_or(""),
                    ),
                )
            } else if namings.in_sentence_apart_from(f.sentence, f.start) {
                (2.5, CountryReason::SameSentence(namings.country))
            } else if namings.starts.iter().any(|&at| at != f.start) {
                (1.0, CountryReason::InArticle(namings.country))
            } else {
                continue;
            };
            candidate.score += bonus;
            candidate.country = Some(reason);
        }
    }
}

/// Where an article names one country: the starts of the namings in text order, and (sentence,
/// start) pairs sorted.
struct CountryNamings<'a> {
    country: &'a str,
    starts: Vec<usize>,
    sentences: Vec<(usize, usize)>,
}

impl CountryNamings<'_> {
    /// The first naming written right after a name ending at `end`: "Barda, Azerbaijan",
    /// "Martuni in Armenia", "Martuni (Armenia)".
    fn written_after(&self, text: &str, end: usize) -> Option<usize> {
        let from = self.starts.partition_point(|&at| at <= end);
        for &start in &self.starts[from..] {
            let gap = text.get(end..start).unwrap_or("").trim();
            if matches!(gap, "," | "in" | ", in" | "(") {
                return Some(start);
            }
            // A later naming's gap holds this one's: longer than any of the four, never one.
            if gap.len() > ", in".len() {
                return None;
            }
        }
        None
    }

    /// Whether the country is named in `sentence` other than at `start` (the name itself).
    fn in_sentence_apart_from(&self, sentence: usize, start: usize) -> bool {
        let from = self.sentences.partition_point(|&(s, _)| s < sentence);
        self.sentences[from..]
            .iter()
            .take_while(|&&(s, _)| s == sentence)
            .any(|&(_, at)| at != start)
    }
}

fn country_name<'g>(g: &'g Gazetteer, iso2: &'g str) -> &'g str {
    g.country_by_code(iso2).map_or(iso2, |c| c.name.as_str())
}

/// Length in bytes of the capitalised word run at `start` (for quoting "Barda, Azerbaijan").
fn country_len(text: &str, start: usize) -> usize {
    text.get(start..)
        .map(|rest| {
            rest.find(|c: char| !(c.is_alphanumeric() || c == '-' || c == ' '))
                .unwrap_or(rest.len())
        })
        .unwrap_or(0)
}

/// Places the article names unambiguously pull ambiguous names towards themselves.
fn apply_neighbours<'a>(g: &'a Gazetteer, found: &mut [Found<'a>]) {
    let mut anchors: Vec<(usize, &Place)> = Vec::with_capacity(found.len());
    anchors.extend(
        found
            .iter()
            .filter(|f| f.candidates.len() == 1)
            .filter_map(|f| best(g, f).map(|p| (f.start, p)))
            .filter(|(_, p)| !matches!(p.kind, PlaceKind::Country | PlaceKind::Region)),
    );
    // Articles repeat their places; each distinct place needs measuring once.
    let mut distinct: Vec<&Place> = Vec::with_capacity(anchors.len());
    for (_, place) in &anchors {
        if !distinct.iter().any(|p| same_place(p, place)) {
            distinct.push(place);
        }
    }
    if anchors.is_empty() {
        return;
    }
    // The nearest anchor of each candidate place measured so far: ambiguous names recur, and
    // with them the same candidates.
    let mut nearest_of: Vec<(u32, Option<(f64, &Place)>)> = Vec::new();
    for f in found.iter_mut() {
        if f.candidates.len() < 2 {
            continue;
        }
        for candidate in &mut f.candidates {
            let place = &g.places()[candidate.place as usize];
            if matches!(place.kind, PlaceKind::Country | PlaceKind::Region) {
                continue;
            }
            let known = nearest_of.iter().find(|(p, _)| *p == candidate.place);
            let nearest = match known {
                Some(&(_, nearest)) => nearest,
                None => {
                    let nearest = nearest_within(place, &distinct, NEIGHBOUR_REACH_KM);
                    nearest_of.push((candidate.place, nearest));
                    nearest
                }
            };
            if let Some((km, other)) = nearest {
                let bonus = if km < 50.0 {
                    1.5
                } else if km < NEIGHBOUR_REACH_KM {
                    0.8
                } else {
                    0.0
                };
                if bonus > 0.0 {
                    candidate.score += bonus;
                    candidate.neighbour = Some((km, other.name.as_str()));
                }
            }
        }
        sort_candidates(&mut f.candidates);
    }
}

/// How near a candidate must lie to a place named in the same list to be raised by it.
const LIST_PARTNER_KM: f64 = 50.0;
/// Below a country written with the name (4.0), near one named in the sentence (2.5): a list
/// is one scene, whatever country the sentence names.
const LIST_PARTNER_BONUS: f64 = 2.0;

/// Places listed together lie together: "shelling Stepanakert and Martuni" is the Karabakh
/// Martuni beside Stepanakert, whatever country the sentence names. An ambiguous name is raised
/// towards the place named right before or after it in a list (", ", " and ", " or "), as that
/// one's best reading stands (a town or village, not a country or region).
fn apply_list_partners<'a>(g: &'a Gazetteer, text: &str, found: &mut [Found<'a>]) {
    const JOINS: [&str; 5] = [", ", " and ", ", and ", " or ", " & "];
    // Either order: the text between the first name's end and the second's start.
    let joined = |x: &Found, y: &Found| {
        let (a, b) = if x.start < y.start { (x, y) } else { (y, x) };
        a.sentence == b.sentence
            && text
                .get(a.end..b.start)
                .is_some_and(|between| JOINS.contains(&between))
    };
    for i in 0..found.len() {
        if found[i].candidates.len() < 2 {
            continue;
        }
        // At most the name before and the one after: kept on the stack.
        let mut partners: [Option<&'a Place>; 2] = [None, None];
        for (slot, j) in partners.iter_mut().zip([i.checked_sub(1), Some(i + 1)]) {
            let Some(other) = j.and_then(|j| found.get(j)) else {
                continue;
            };
            let listed = joined(other, &found[i]);
            *slot = best(g, other)
                .filter(|p| listed && !matches!(p.kind, PlaceKind::Country | PlaceKind::Region));
        }
        let both;
        let partners: &[&Place] = match partners {
            [Some(before), Some(after)] => {
                both = [before, after];
                &both
            }
            [Some(one), None] | [None, Some(one)] => {
                both = [one, one];
                &both[..1]
            }
            [None, None] => continue,
        };
        let f = &mut found[i];
        for candidate in &mut f.candidates {
            let place = &g.places()[candidate.place as usize];
            if let Some((_, partner)) = nearest_within(place, partners, LIST_PARTNER_KM)
                .filter(|(km, _)| *km < LIST_PARTNER_KM)
            {
                candidate.score += LIST_PARTNER_BONUS;
                candidate.listed_with = Some(partner.name.as_str());
            }
        }
        sort_candidates(&mut f.candidates);
    }
}

/// One name, one place per article: where the mentions of an ambiguous name chose different
/// places ("Martuni" by Lake Sevan in a headline that names Armenia, the Karabakh town in three
/// reports from the front), the place most of them chose is every mention's. A tie changes
/// nothing.
fn apply_one_sense(found: &mut [Found]) {
    // Most names are not ambiguous, or are named once: nothing to weigh.
    for i in 0..found.len() {
        if found[i].candidates.len() < 2 {
            continue;
        }
        let name = found[i].name;
        if found[..i].iter().any(|f| f.name == name) {
            continue;
        }
        let mut votes: Vec<(u32, u32)> = Vec::new();
        for f in found[i..].iter().filter(|f| f.name == name) {
            if let Some(top) = f.candidates.first() {
                match votes.iter_mut().find(|(place, _)| *place == top.place) {
                    Some((_, n)) => *n += 1,
                    None => votes.push((top.place, 1)),
                }
            }
        }
        if votes.len() < 2 {
            continue;
        }
        votes.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        let (winner, most) = votes[0];
        if votes[1].1 == most {
            continue;
        }
        for f in found[i..].iter_mut().filter(|f| f.name == name) {
            let Some(at) = f.candidates.iter().position(|c| c.place == winner) else {
                continue;
            };
            if at == 0 {
                continue;
            }
            let mut chosen = f.candidates.remove(at);
            chosen.same_name_elsewhere = most;
            f.candidates.insert(0, chosen);
        }
    }
}

/// Whether two places of one gazetteer are the same place. The gazetteer keeps one place per id
/// (rows of an id already known are merged into it), so the same id is the same reference: one
/// comparison of addresses instead of a comparison of strings, for every candidate and anchor.
fn same_place(a: &Place, b: &Place) -> bool {
    std::ptr::eq(a, b)
}

/// Beyond this distance an unambiguous place of the article raises no candidate.
const NEIGHBOUR_REACH_KM: f64 = 150.0;

/// The nearest of `others` to `place` (the first of equals), as [`distance_km`] measures it,
/// when it is nearer than `reach`; `None` may also stand for one at `reach` or beyond.
///
/// Ambiguous names have candidates on every continent: most are told apart from the article's
/// places by their latitudes alone. A great circle is never shorter than the difference of the
/// latitudes along a meridian, and the radius used here is a little below the one
/// [`distance_km`] uses, so the bound is below every true distance and skips only places that
/// cannot be the nearest or within reach.
fn nearest_within<'p>(place: &Place, others: &[&'p Place], reach: f64) -> Option<(f64, &'p Place)> {
    const BELOW_EARTH_RADIUS_KM: f64 = 6371.0;
    let mut nearest: Option<(f64, &Place)> = None;
    for &other in others {
        if same_place(other, place) {
            continue;
        }
        let bound = BELOW_EARTH_RADIUS_KM * (other.lat - place.lat).abs().to_radians();
        if bound >= reach || nearest.is_some_and(|(km, _)| bound > km) {
            continue;
        }
        let km = distance_km(place, other);
        if nearest.is_none_or(|(best, _)| km.total_cmp(&best).is_lt()) {
            nearest = Some((km, other));
        }
    }
    nearest
}

/// A distance and direction read from the text: "about fifteen kilometers south of".
#[derive(Clone, Debug, PartialEq)]
pub struct Relative<'a> {
    pub km: f64,
    /// Compass bearing from the anchor to the place, when the text gives a direction.
    pub bearing: Option<f64>,
    /// Byte offset where the anchor's name should start.
    pub anchor_at: usize,
    /// The phrase as written, from its first word to "of" or "from".
    pub phrase: &'a str,
}

fn number_word(word: &str) -> Option<f64> {
    const SMALL: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    const TENS: &[(&str, f64)] = &[
        ("thirty", 30.0),
        ("forty", 40.0),
        ("fifty", 50.0),
        ("sixty", 60.0),
        ("seventy", 70.0),
        ("eighty", 80.0),
        ("ninety", 90.0),
        ("hundred", 100.0),
        ("a", 1.0),
        ("dozen", 12.0),
    ];
    if let Some(i) = SMALL.iter().position(|w| *w == word) {
        return Some(i as f64);
    }
    if let Some((_, v)) = TENS.iter().find(|(w, _)| *w == word) {
        return Some(*v);
    }
    word.replace(',', "").parse::<f64>().ok()
}

fn bearing_word(word: &str) -> Option<f64> {
    Some(match word {
        "north" => 0.0,
        "northeast" => 45.0,
        "east" => 90.0,
        "southeast" => 135.0,
        "south" => 180.0,
        "southwest" => 225.0,
        "west" => 270.0,
        "northwest" => 315.0,
        _ => return None,
    })
}

/// Reads "(is) (about) N km/kilometers/miles (south|north-east…) of|from" after a name. `lower`
/// is `text.to_ascii_lowercase()`.
pub fn relative_phrase<'a>(
    text: &'a str,
    lower: &str,
    after_name: usize,
    sentence_end: usize,
) -> Option<Relative<'a>> {
    // A relative phrase follows the name closely; reading further would only cost time. (The
    // caller skips names with no unit word this far, from the same reach.)
    let end = text.floor_char_boundary(sentence_end.min(after_name + 120).max(after_name));
    let ahead = text.get(after_name..end)?;
    if !(ahead.contains("km") || ahead.contains("kilomet") || ahead.contains("mile")) {
        return None;
    }
    let words = roles::words(text, lower, after_name..end);
    let mut i = 0;
    let skip = [
        "is",
        "lies",
        "located",
        "situated",
        "about",
        "some",
        "around",
        "roughly",
        "nearly",
        "approximately",
        "just",
        "only",
        "almost",
        "barely",
        "less",
        "more",
        "than",
        "a",
        "few",
        "which",
        "lying",
    ];
    while i < words.len() && skip.contains(&words[i].lower.as_ref()) && i < 6 {
        i += 1;
    }
    let mut km = None;
    let mut value = 0.0;
    while i < words.len() {
        let w = words[i].lower.as_ref();
        // "15km" is one word.
        let digits_end = w.find(|c: char| !c.is_ascii_digit()).unwrap_or(w.len());
        let (number, unit) = if digits_end > 0 && digits_end < w.len() {
            (w[..digits_end].parse::<f64>().ok(), Some(&w[digits_end..]))
        } else {
            (number_word(w), None)
        };
        if let Some(n) = number {
            value = if value > 0.0 && n < value {
                value + n
            } else if value > 0.0 {
                value * n
            } else {
                n
            };
            i += 1;
            if let Some(unit) = unit {
                km = unit_factor(unit).map(|f| value * f);
                break;
            }
            continue;
        }
        if value > 0.0 {
            km = unit_factor(w).map(|f| value * f);
            if km.is_some() {
                i += 1;
            }
        }
        break;
    }
    let km = km?;
    let mut bearing = None;
    let mut direction = Vec::new();
    while i < words.len() {
        let w = words[i].lower.as_ref();
        if let Some(b) = bearing_word(w) {
            direction.push(w);
            i += 1;
            bearing = Some(match direction.as_slice() {
                [first, second] => compose_bearing(first, second).unwrap_or(b),
                _ => b,
            });
            continue;
        }
        break;
    }
    let link = words.get(i)?;
    if !matches!(link.lower.as_ref(), "of" | "from") {
        return None;
    }
    let mut anchor = words.get(i + 1)?;
    if anchor.lower == "the" {
        anchor = words.get(i + 2)?;
    }
    Some(Relative {
        km,
        bearing,
        anchor_at: anchor.start,
        phrase: text
            .get(words.first().map_or(after_name, |w| w.start)..link.end)
            .unwrap_or(""),
    })
}

fn compose_bearing(first: &str, second: &str) -> Option<f64> {
    bearing_word(&format!("{first}{second}"))
}

fn unit_factor(unit: &str) -> Option<f64> {
    match unit {
        "km" | "kms" | "kilometers" | "kilometres" | "kilometer" | "kilometre" => Some(1.0),
        "miles" | "mile" | "mi" => Some(1.609),
        _ => None,
    }
}

fn angle_between(a: f64, b: f64) -> f64 {
    let d = (a - b).rem_euclid(360.0);
    d.min(360.0 - d)
}

/// "Choucha, about fifteen kilometers south of Stepanakert": confirm or pick the candidate that
/// lies at that distance and bearing from the anchor.
fn apply_relative_phrases<'a>(
    g: &'a Gazetteer,
    text: &'a str,
    lower: &str,
    sentences: &[Range<usize>],
    found: &mut [Found<'a>],
) {
    // A relative phrase holds one of the words its reading starts from: most articles have
    // none, and the others only a few, all found in one pass.
    let units = unit_spans(text);
    if units.is_empty() {
        return;
    }
    for index in 0..found.len() {
        let sentence_end = sentences
            .get(found[index].sentence)
            .map_or(text.len(), |s| s.end);
        let after_name = found[index].end;
        let reach = text.floor_char_boundary(sentence_end.min(after_name + 120).max(after_name));
        if !unit_within(&units, text, after_name, reach) {
            continue;
        }
        let Some(relative) = relative_phrase(text, lower, after_name, sentence_end) else {
            continue;
        };
        let Some(anchor_index) = found.iter().position(|f| f.start == relative.anchor_at) else {
            continue;
        };
        let Some(anchor) = best(g, &found[anchor_index]) else {
            continue;
        };
        let wanted = relative.km;
        let phrase = relative.phrase.trim();
        let measured: Vec<(f64, f64, bool)> = found[index]
            .candidates
            .iter()
            .map(|candidate| {
                let place = &g.places()[candidate.place as usize];
                let km = distance_km(anchor, place);
                let bearing = Haversine.bearing(anchor.point(), place.point());
                // Press distances are rough (often by road): half the figure, at least 10 km.
                let distance_ok = (km - wanted).abs() <= (wanted * 0.6).max(10.0);
                let bearing_ok = relative
                    .bearing
                    .is_none_or(|b| angle_between(b, bearing) <= 60.0 || km < 3.0);
                (km, bearing, distance_ok && bearing_ok)
            })
            .collect();
        let any_fits = measured.iter().any(|m| m.2);
        for (candidate, (km, bearing, fits)) in found[index].candidates.iter_mut().zip(measured) {
            let fit = if fits {
                candidate.score += 6.0;
                Fit::Yes
            } else if any_fits {
                candidate.score -= 2.0;
                Fit::No
            } else {
                Fit::NoCandidate
            };
            candidate.relative = Some(RelativeReason {
                fit,
                phrase,
                anchor: anchor.name.as_str(),
                km,
                bearing,
            });
        }
        sort_candidates(&mut found[index].candidates);
    }
}

/// The words a relative phrase's reading starts from, as written.
const UNIT_WORDS: [&str; 3] = ["km", "kilomet", "mile"];

/// Where [`UNIT_WORDS`] are written in `text`, as byte ranges in order: one pass for all three,
/// sixteen bytes at a time looking for their first bytes.
fn unit_spans(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut base = 0;
    while base < bytes.len() {
        let mut firsts =
            sixteen_either(eight_at(bytes, base), eight_at(bytes, base + 8), b'k', b'm');
        while firsts != 0 {
            let at = base + firsts.trailing_zeros() as usize;
            firsts &= firsts - 1;
            let rest = bytes.get(at..).unwrap_or(&[]);
            for unit in UNIT_WORDS {
                if rest.starts_with(unit.as_bytes()) {
                    spans.push((at, at + unit.len()));
                }
            }
        }
        base += 16;
    }
    spans
}

/// Whether `text[from..to]` holds one of [`UNIT_WORDS`], told from their [`unit_spans`].
fn unit_within(units: &[(usize, usize)], text: &str, from: usize, to: usize) -> bool {
    if text.get(from..to).is_none() {
        return false;
    }
    let first = units.partition_point(|&(start, _)| start < from);
    units[first..]
        .iter()
        .take_while(|&&(start, _)| start < to)
        .any(|&(_, end)| end <= to)
}

/// The lowest score at which a place is chosen: below it only far-away alternate names remain.
const MIN_SCORE: f64 = 2.0;

/// Candidates a mention keeps for the reader, best first.
const CANDIDATES_SHOWN: usize = 6;

/// The mention of a name with a role, and the length of its `why` before the role's reason.
/// Its reasons are written in `scratch` first and kept at their length.
fn to_mention(
    g: &Gazetteer,
    text: &str,
    f: &Found,
    role: MentionRole,
    role_why: &str,
    keeps_place: bool,
    scratch: &mut String,
) -> (Mention, usize) {
    let name_as_written = text.get(f.start..f.end).unwrap_or("");
    let candidates: Vec<Candidate> = f
        .candidates
        .iter()
        .take(CANDIDATES_SHOWN)
        .map(|c| {
            scratch.clear();
            write_reasons(scratch, g, name_as_written, c);
            Candidate {
                place: g.places()[c.place as usize].id.clone(),
                score: (c.score * 100.0).round() / 100.0,
                reason: scratch.as_str().to_owned(),
            }
        })
        .collect();
    let chosen = f
        .candidates
        .first()
        .filter(|c| keeps_place && c.score >= MIN_SCORE);
    scratch.clear();
    let why = scratch;
    why.push_str(role_word(role));
    match chosen {
        Some(c) => {
            let place = &g.places()[c.place as usize];
            let reasons = candidates.first().map_or("", |first| first.reason.as_str());
            for part in [
                ": ",
                &place.name,
                " ",
                &place.country,
                " — ",
                reasons,
                " [score ",
            ] {
                why.push_str(part);
            }
            write_fixed(why, c.score, 1);
            why.push(']');
            if let Some(second) = f.candidates.get(1) {
                let other = &g.places()[second.place as usize];
                for part in [" (before ", &other.name, " ", &other.country, ", "] {
                    why.push_str(part);
                }
                write_fixed(why, second.score, 1);
                why.push(')');
            }
            why.push_str("; role: ");
        }
        None if !keeps_place => why.push_str(": "),
        None => why.push_str(": no candidate is likely enough; role: "),
    }
    let head = why.len();
    why.push_str(role_why);
    let mention = Mention {
        start: f.start,
        end: f.end,
        text: name_as_written.to_string(),
        role,
        place: chosen.map(|c| g.places()[c.place as usize].id.clone()),
        candidates,
        why: why.as_str().to_owned(),
    };
    (mention, head)
}

fn role_word(role: MentionRole) -> &'static str {
    match role {
        MentionRole::Event => "event",
        MentionRole::Actor => "actor",
        MentionRole::Credit => "credit",
        MentionRole::Background => "background",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_country_counts_as_written_with_a_name_only_right_after_it() {
        let text = "Shells hit Barda, Azerbaijan, and Martuni in Armenia; later Goris (Armenia) \
                    and Tartar near the border of Azerbaijan.";
        let at = |word: &str| {
            text.find(word)
                .unwrap_or_else(|| panic!("{word} in the text"))
        };
        let namings = |country: &'static str, words: &[&str]| CountryNamings {
            country,
            starts: words.iter().map(|w| at(w)).collect(),
            sentences: words.iter().map(|w| (0, at(w))).collect(),
        };
        let azerbaijan = namings("AZ", &["Azerbaijan,", "Azerbaijan."]);
        let armenia = namings("AM", &["Armenia;", "Armenia)"]);
        let end_of = |word: &str| at(word) + word.len();
        assert_eq!(
            azerbaijan.written_after(text, end_of("Barda")),
            Some(at("Azerbaijan,"))
        );
        assert_eq!(
            armenia.written_after(text, end_of("Martuni")),
            Some(at("Armenia;"))
        );
        assert_eq!(
            armenia.written_after(text, end_of("Goris")),
            Some(at("Armenia)"))
        );
        // "near the border of": no country written with Tartar, only one in its sentence.
        assert_eq!(azerbaijan.written_after(text, end_of("Tartar")), None);
        assert!(azerbaijan.in_sentence_apart_from(0, at("Tartar")));
        // The country's own naming is no context for itself.
        let once = namings("AZ", &["Azerbaijan."]);
        assert!(!once.in_sentence_apart_from(0, at("Azerbaijan.")));
        assert!(!once.in_sentence_apart_from(1, at("Tartar")));
    }

    /// The unit words found in one pass are those `str::contains` finds in every stretch after
    /// a name, on the seeds and on made-up texts with units at every place of a sixteen-byte
    /// block, next to letters outside ASCII and at the very end.
    #[test]
    fn units_found_in_one_pass_are_the_units_contained() {
        let mut texts = crate::seed_texts::seed_texts();
        let made_up = "Shelling 15 km south of Stepanakert; kilometers, KM, Km, 3 miles from \
                       Şuşa, mileage, kmkm, mil, kilomet, k m, the mile";
        for shift in 0..16 {
            texts.push(format!("{}{made_up}", "é".repeat(shift)));
            texts.push(format!("{}{made_up} km", " ".repeat(shift)));
        }
        let mut inside = 0;
        for text in &texts {
            let units = unit_spans(text);
            let step = if text.len() > 2_000 { 7 } else { 1 };
            for from in (0..=text.len()).step_by(step) {
                for to in [from, from + 1, from + 2, from + 9, from + 40, from + 120] {
                    let to = text.floor_char_boundary(to.min(text.len()));
                    let plain = text
                        .get(from..to)
                        .is_some_and(|ahead| UNIT_WORDS.iter().any(|u| ahead.contains(u)));
                    assert_eq!(unit_within(&units, text, from, to), plain, "{from}..{to}");
                    inside += usize::from(plain);
                }
            }
        }
        assert!(inside > 1_000, "{inside}");
    }

    #[test]
    fn reads_a_relative_phrase_in_words() {
        let text =
            "In Choucha, about fifteen kilometers south of Stepanakert, the cathedral was hit.";
        let after = text.find(',').unwrap_or(0);
        let relative = relative_phrase(text, &text.to_ascii_lowercase(), after, text.len());
        let relative = relative.unwrap_or_else(|| panic!("no phrase read"));
        assert_eq!(relative.km, 15.0);
        assert_eq!(relative.bearing, Some(180.0));
        assert_eq!(
            &text[relative.anchor_at..relative.anchor_at + 11],
            "Stepanakert"
        );
    }

    #[test]
    fn reads_digits_miles_and_compound_directions() {
        let text = "Goris, 20 miles north-west of Kapan.";
        let relative = relative_phrase(text, &text.to_ascii_lowercase(), 5, text.len())
            .unwrap_or_else(|| panic!("no phrase"));
        assert!((relative.km - 32.18).abs() < 0.1);
        assert_eq!(relative.bearing, Some(315.0));
        let text = "Hadrut, twenty-five km from Stepanakert.";
        let relative = relative_phrase(text, &text.to_ascii_lowercase(), 6, text.len())
            .unwrap_or_else(|| panic!("no phrase"));
        assert_eq!(relative.km, 25.0);
        assert_eq!(relative.bearing, None);
    }

    #[test]
    fn no_phrase_without_a_unit() {
        let text = "Barda, 15 of them wounded.";
        assert_eq!(
            relative_phrase(text, &text.to_ascii_lowercase(), 5, text.len()),
            None
        );
    }

    #[test]
    fn fixed_decimals_are_written_as_the_formatter_writes_them() {
        let mut values = vec![
            0.0, -0.0, 0.05, 0.25, 0.35, 0.45, 0.5, 1.5, 2.5, 11.65, 99.95, 119.5, -2.0, -0.04,
            359.96, 1e16,
        ];
        // Scores and distances as the resolver makes them: sums of priors and bonuses.
        for i in 0..20_000 {
            let x = f64::from(i) * 0.0137 + 0.6 * (f64::from(i) + 1.0).log10();
            values.push(x);
            values.push(x - 2.0);
        }
        for value in values {
            for decimals in [0, 1] {
                let mut fast = String::new();
                write_fixed(&mut fast, value, decimals);
                assert_eq!(fast, format!("{value:.decimals$}"), "{value}");
            }
        }
    }

    /// The bounded search finds the place the full search finds, wherever it is within reach.
    #[test]
    fn nearest_within_reach_is_the_nearest_of_all() {
        let place = |id: &str, lat: f64, lon: f64| Place {
            id: id.into(),
            name: id.into(),
            kind: PlaceKind::Town,
            country: String::new(),
            lat,
            lon,
            population: 0,
            admin1: String::new(),
        };
        let towns: Vec<Place> = (0..400)
            .map(|i| {
                let f = f64::from(i);
                place(
                    &format!("t{i}"),
                    39.0 + (f * 0.37).sin() * 3.0,
                    46.0 + (f * 0.91).cos() * 4.0,
                )
            })
            .chain([place("twin-a", 40.0, 47.0), place("twin-b", 40.0, 45.0)])
            .collect();
        let all: Vec<&Place> = towns.iter().collect();
        for from in &towns {
            for reach in [1.0, 50.0, 150.0, 400.0] {
                let full = all
                    .iter()
                    .filter(|p| p.id != from.id)
                    .map(|p| (distance_km(from, p), *p))
                    .min_by(|a, b| a.0.total_cmp(&b.0))
                    .filter(|(km, _)| *km < reach);
                let bounded = nearest_within(from, &all, reach).filter(|(km, _)| *km < reach);
                assert_eq!(
                    full.map(|(km, p)| (km, &p.id)),
                    bounded.map(|(km, p)| (km, &p.id)),
                    "{} within {reach}",
                    from.id
                );
            }
        }
    }

    /// A candidate's reasons as written before the parts that depend on the place alone were
    /// kept: the definition the shortcut is checked against.
    fn plain_reasons(g: &Gazetteer, name_as_written: &str, candidate: &Scored) -> String {
        let from_war = km_from_war(&g.places()[candidate.place as usize]);
        let mut out = String::new();
        let place = &g.places()[candidate.place as usize];
        let country = if place.country.is_empty() {
            "?"
        } else {
            &place.country
        };
        out.push_str(&format!("{} of {country}", kind_word(place.kind)));
        if place.population > 0 {
            out.push_str(", ");
            write_thousands(&mut out, place.population);
            out.push_str(" people");
        }
        if candidate.primary {
            out.push_str("; its own name");
        } else {
            out.push_str(&format!("; also called '{name_as_written}'"));
        }
        if from_war < 120.0 {
            out.push_str("; in the war zone");
        } else if from_war < 400.0 {
            out.push_str(&format!("; {from_war:.0} km from the war"));
        }
        out
    }

    /// The reasons written from each place's kept parts are the reasons written in full, for
    /// every place of the gazetteer, by its own name and by another.
    #[test]
    fn kept_place_reasons_read_as_reasons_written_in_full() {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let g = Gazetteer::load(&data).unwrap_or_else(|e| panic!("{e}"));
        assert!(g.len() > 1000);
        for (index, place) in g.places().iter().enumerate() {
            for primary in [true, false] {
                let candidate = Scored {
                    place: index as u32,
                    score: 1.0,
                    primary,
                    country: None,
                    neighbour: None,
                    listed_with: None,
                    relative: None,
                    same_name_elsewhere: 0,
                };
                let mut kept = String::new();
                write_reasons(&mut kept, &g, "Şuşa", &candidate);
                assert_eq!(kept, plain_reasons(&g, "Şuşa", &candidate), "{}", place.id);
                // Asked again, the kept parts answer the same.
                let mut again = String::new();
                write_reasons(&mut again, &g, "Şuşa", &candidate);
                assert_eq!(again, kept);
            }
        }
    }

    /// Mentions written again from an earlier one read exactly as mentions written in full, on
    /// the seeds and on sentences that repeat names with other roles, cases and contexts.
    #[test]
    fn reused_mentions_read_as_mentions_written_in_full() {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let g = Gazetteer::load(&data).unwrap_or_else(|e| panic!("{e}"));
        let mut texts = crate::seed_texts::seed_texts();
        texts.push(
            "Shelling hit Stepanakert on Sunday. Stepanakert said the strikes went on. \
             Baku and Yerevan traded blame; Baku, Azerbaijan denied it. Ganja was hit twice, \
             and Ganja residents fled. Ganja University closed. Martuni in Armenia and Martuni \
             near Stepanakert were named. Goris, 20 miles north-west of Kapan, and Goris again. \
             STEPANAKERT, Oct 5 (Reuters) - Stepanakert came under fire. Photo: Stepanakert."
                .to_string(),
        );
        let mut reused = 0;
        for text in &texts {
            let plain = mentions_reusing(&g, text, false, true);
            let fast = mentions_reusing(&g, text, true, true);
            assert_eq!(fast, plain);
            let mut seen = Vec::new();
            for m in &plain {
                let key = (&m.text, m.role, &m.candidates, &m.place);
                if seen.contains(&key) {
                    reused += 1;
                } else {
                    seen.push(key);
                }
            }
        }
        assert!(reused > 20, "only {reused} mentions repeat an earlier one");
    }

    /// The role rules decide on the normaliser's words, made into words only where read, as
    /// they decide on every word of the sentence read from the text: on the seeds and on sentences
    /// where each rule fires, at the start, middle and end of sentences, next to letters
    /// outside ASCII or not.
    #[test]
    fn roles_from_the_words_near_names_are_those_from_whole_sentences() {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let g = Gazetteer::load(&data).unwrap_or_else(|e| panic!("{e}"));
        let mut texts = crate::seed_texts::seed_texts();
        texts.push(
            "Mercenaries and fighters recruited by Ankara, paid well and flown in from Syria and \
             Libya, fought near Fuzuli. Hundreds of volunteers arrived on buses from Yerevan. \
             Mr Aliyev met President Macron in Paris. Margarita Georgia spoke. Vladimir Putin \
             called Baku. Moscow had also offered talks; Baku said no. The president of \
             Azerbaijan spoke to the foreign ministers of Armenia and Russia. Talks between \
             Armenia and Azerbaijan stalled. Moscow's influence grew. Yerevan was hit by \
             shells. Talks in Moscow went on. In 1994 Stepanakert was shelled, as during the \
             first Nagorno-Karabakh war. Since 1994 Goris has grown. In the early 1990s Shusha \
             fell. OSCE Minsk Group envoys met. France 24 reported from Tbilisi. The Kremlin \
             said. Stepanakert Airport was closed. Ganja University closed. Stepanakert"
                .to_string(),
        );
        texts.push(
            "Şuşa was hit; Mr Əliyev spoke of Gəncə. From Syria, mercenaries came to Ağdam. \
             In 1992 Xankəndi fell. Baku said Füzuli was taken. Ganja — “Ganja” — hit."
                .to_string(),
        );
        let mut roles = 0;
        for text in &texts {
            let whole = mentions_reusing(&g, text, true, false);
            let near = mentions_reusing(&g, text, true, true);
            assert_eq!(near, whole);
            roles += whole.len();
        }
        assert!(roles > 150, "only {roles} mentions");
    }

    /// Places of the gazetteer are the same reference exactly when they have the same id.
    #[test]
    fn same_place_is_the_same_id() {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let g = Gazetteer::load(&data).unwrap_or_else(|e| panic!("{e}"));
        let mut ids: Vec<&str> = g.places().iter().map(|p| &*p.id).collect();
        ids.sort_unstable();
        let before = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), before, "two places share an id");
        let places = g.places();
        for (i, a) in places.iter().enumerate().step_by(97) {
            for b in places.iter().skip(i.saturating_sub(3)).take(7) {
                assert_eq!(same_place(a, b), a.id == b.id, "{} {}", a.id, b.id);
            }
            assert!(same_place(
                a,
                g.place(&a.id).unwrap_or_else(|| panic!("{}", a.id))
            ));
        }
    }

    /// Read from its start, a gap joins a list exactly when trimmed at both ends it is empty,
    /// "and" or "or".
    #[test]
    fn list_gaps_read_from_the_start_are_the_trimmed_gaps() {
        let pieces = [
            "", " ", ", ", "and", "or", "“", "’", "\n", "x", "andx", "nor", "o", "an", "said",
            ",\u{a0}", "d",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let gap = format!("{a}{b}{c}");
                    let trimmed = gap.trim_matches(around_list_names);
                    let plain = trimmed.is_empty() || trimmed == "and" || trimmed == "or";
                    assert_eq!(joins_a_list(&gap), plain, "{gap:?}");
                }
            }
        }
    }

    #[test]
    fn thousands_are_grouped_by_spaces() {
        for (n, written) in [
            (0, "0"),
            (999, "999"),
            (1000, "1 000"),
            (41600, "41 600"),
            (1234567, "1 234 567"),
            (u64::MAX, "18 446 744 073 709 551 615"),
        ] {
            let mut out = String::from("x");
            write_thousands(&mut out, n);
            assert_eq!(out, format!("x{written}"));
        }
    }

    #[test]
    fn sentences_skip_abbreviations() {
        let text = "Mr. Aliyev spoke on Sept. 27 in Baku. Then Yerevan replied.\nNext line";
        let spans = sentence_spans(text);
        assert_eq!(spans.len(), 3);
        assert_eq!(
            &text[spans[0].clone()],
            "Mr. Aliyev spoke on Sept. 27 in Baku."
        );
    }
}
