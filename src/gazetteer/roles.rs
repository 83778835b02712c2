//! What a place name does in its sentence: the scene of an event, a government speaking
//! (metonymy), a credit line, or background (an organisation's name, a past war, an origin).
//!
//! The rules look only at the words around the name, so they work on any article. Each returns
//! its reason in words, which the reader sees.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use crate::model::MentionRole;

use super::landmarks::{BYTE_FLAGS, CREDIT_ANCHOR_BYTES, WORD};
use super::normalize::{NormalWord, Normalized, ascii_word_end, is_alphanumeric, normalize_text};

/// The role of one name, or the finding that it is not a place at all (part of a person's name).
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    NotAPlace(String),
    Role {
        role: MentionRole,
        /// Most reasons are fixed words, borrowed rather than copied for every name.
        why: Cow<'static, str>,
        /// False when the name is part of something else (an organisation): no place is chosen.
        keeps_place: bool,
    },
}

impl Verdict {
    fn role(role: MentionRole, why: impl Into<Cow<'static, str>>) -> Verdict {
        Verdict::Role {
            role,
            why: why.into(),
            keeps_place: true,
        }
    }
}

/// What the gazetteer knows about the name, as far as roles need it.
#[derive(Clone, Copy, Debug, Default)]
pub struct NameTraits {
    /// The best candidate is a country.
    pub country: bool,
    /// The best candidate is a national capital.
    pub capital: bool,
    /// The best candidate is a region ("Artsakh", "Karabakh"): like a country, never a first name
    /// ("Artsakh Human Rights Defender Artak Beglaryan").
    pub region: bool,
    /// A seat of power named for its government ("the Kremlin").
    pub seat_of_power: bool,
}

/// Words that, right after a place name, make it part of an organisation's or a title's name
/// ("OSCE Minsk Group", "France 24", "Moscow Declaration").
#[rustfmt::skip]
const ORGANISATION_HEADS: &[&str] = &[
    "group", "council", "committee", "agency", "university", "times", "post", "daily", "news", "tv",
    "television", "radio", "declaration", "accords", "accord", "agreement", "protocol", "format",
    "process", "principles", "institute", "club", "airlines", "airways", "conference", "channel",
    "24", "today", "herald", "tribune", "telegraph", "journal", "gazette", "bank", "stock",
    "summit", "statement", "initiative", "insider", "review", "centre", "center",
    // Offices named for a region: "Artsakh Human Rights Defender", "Artsakh Ombudsman".
    "human", "ombudsman",
];

/// Capitalised words after a place name that keep it a place ("Stepanakert Airport").
#[rustfmt::skip]
const PLACE_NOUNS: &[&str] = &[
    "airport", "hospital", "street", "avenue", "square", "district", "region", "province", "oblast",
    "bridge", "dam", "reservoir", "river", "lake", "mountain", "mountains", "valley", "corridor",
    "highway", "road", "cathedral", "church", "mosque", "station", "base", "front", "city", "town",
    "village", "plain", "plateau", "pass", "gorge", "forest", "market", "park", "port", "harbour",
    "harbor", "canal", "pipeline", "railway", "prison", "museum", "stadium", "cemetery", "memorial",
    "hotel", "palace", "fortress", "castle", "heights", "hills", "house",
];

/// Words that, right before a place name, make it part of an organisation's name.
const ORGANISATION_PREFIXES: &[&str] = &["osce", "radio", "club", "fc", "agence", "daily"];

/// Titles that make the following capitalised name a person's ("Mr Aliyev", "President Macron").
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "president", "minister", "premier", "general", "gen", "colonel",
    "sergeant", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "secretary",
    "chancellor", "pope", "sir", "lord", "lady", "king", "queen", "prince", "leader", "mp",
    "senator", "governor", "mayor", "commander", "lieutenant", "captain", "marshal",
];

/// Capitalised words before a name that do not make it part of a person's name.
#[rustfmt::skip]
const NOT_FIRST_NAMES: &[&str] = &[
    "the", "in", "at", "on", "of", "to", "from", "and", "or", "but", "near", "outside", "inside",
    "around", "by", "with", "for", "as", "after", "before", "since", "until", "during", "into",
    "towards", "toward", "over", "across", "both", "while", "when", "where", "that", "this",
    "these", "those", "a", "an", "if", "between", "against", "about", "like", "unlike", "via",
    "south", "north", "east", "west", "southern", "northern", "eastern", "western", "central",
    "greater", "upper", "lower", "soviet", "occupied", "liberated", "breakaway", "independent",
    "free", "new", "old", "mountainous", "self", "proclaimed", "republic", "both", "all", "today",
    "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "sept", "oct", "nov", "dec", "jan", "feb", "aug", "also",
    "only", "even", "then", "there", "here", "said", "says", "war", "why", "how", "what", "who",
    "we", "they", "he", "she", "it", "i", "you", "our", "their", "his", "her", "its", "my", "your",
    "neighbouring", "neighboring", "eu", "un", "nato", "osce", "ussr", "us", "uk", "azerbaijani",
    "armenian", "russian", "turkish", "iranian", "georgian", "french", "american", "british",
    "syrian", "libyan", "azeri", "ethnic", "pro", "anti", "capital", "city", "town", "village",
    "region", "district", "province", "enclave", "territory", "photo", "source",
];

/// Verbs that make a country or capital speak or decide, i.e. its government ("Baku said").
#[rustfmt::skip]
const GOVERNMENT_VERBS: &[&str] = &[
    "said", "says", "say", "stressed", "stresses", "announced", "announces", "accused", "accuses",
    "denied", "denies", "refused", "refuses", "blamed", "blames", "warned", "warns", "insisted",
    "insists", "claimed", "claims", "called", "calls", "urged", "urges", "reproached", "offered",
    "offers", "encouraged", "encourages", "supports", "supported", "backs", "backed", "threatened",
    "threatens", "responded", "responds", "rejected", "rejects", "demanded", "demands", "proposed",
    "proposes", "condemned", "condemns", "welcomed", "welcomes", "reported", "reports", "confirmed",
    "confirms", "declared", "declares", "stated", "states", "told", "tells", "agreed", "agrees",
    "wants", "wanted", "hopes", "hoped", "expects", "expected", "recognised", "recognized",
    "recalled", "summoned", "invited", "invites", "sent", "sends", "asked", "asks", "pledged",
    "vowed", "vows", "promised", "promises", "insisted", "maintains", "maintained", "believes",
    "considers", "intends", "plans", "decided", "decides", "acknowledged", "admits", "admitted",
    "argued", "argues", "suggested", "thinks", "fears", "feared", "voiced", "expressed", "ordered",
    "orders", "appealed", "reaffirmed", "protested", "objected", "dismissed", "mediated",
    "brokered", "negotiated", "seeks", "sought", "tried", "tries", "refuses", "boasted", "vowed",
    "issued", "released",
];

/// Words skipped between a name and its verb ("Moscow had offered", "Armenia has also said").
#[rustfmt::skip]
const AUXILIARIES: &[&str] = &[
    "had", "has", "have", "also", "again", "then", "thus", "officially", "reportedly",
    "immediately", "later", "earlier", "is", "was", "were", "are", "would", "will", "not",
    "already", "on", "itself", "too", "has", "publicly", "repeatedly", "firmly", "now", "still",
    "s",
];

/// Verbs of violence done to a place: a capital that is hit is a scene, not a speaker.
#[rustfmt::skip]
const HIT_VERBS: &[&str] = &[
    "hit", "struck", "shelled", "bombed", "attacked", "targeted", "came", "shaken", "rocked",
    "damaged", "destroyed", "captured", "taken", "liberated", "evacuated", "burning",
];

/// Words before a capital that make it a place where something happens ("talks in Moscow").
#[rustfmt::skip]
const LOCATIVES: &[&str] = &[
    "in", "at", "to", "near", "outside", "inside", "into", "towards", "toward", "around", "over",
    "across", "visit", "visited", "visiting", "reached", "arrived", "arrive", "left", "leave",
    "hit", "struck", "shelled", "targeted", "bombed", "attacked", "of", "via", "through", "streets",
    "centre", "center", "downtown", "suburbs", "above", "under", "toward", "hosts", "host",
    "hosted", "within", "on",
];

/// Nouns of office: "the president of Azerbaijan", "foreign ministers of Armenia and Azerbaijan".
#[rustfmt::skip]
const OFFICES: &[&str] = &[
    "president", "presidents", "minister", "ministers", "leader", "leaders", "leadership",
    "government", "governments", "ministry", "authorities", "ambassador", "ambassadors", "embassy",
    "parliament", "head", "heads", "chief", "chiefs", "representative", "representatives",
    "spokesman", "spokeswoman", "office", "army", "armies", "forces", "troops", "military",
    "diplomacy", "diplomats", "officials", "delegation", "side", "position", "allies", "ally",
    "partner", "partners", "representatives", "envoy",
    // "the foreign ministries of Azerbaijan and Armenia", "the Ministry of Defence of Azerbaijan",
    // "the Ministry of Foreign Affairs of Armenia".
    "ministries", "defence", "defense", "affairs",
];

/// Words around an origin: "mercenaries from Syria and Libya".
#[rustfmt::skip]
const FIGHTER_WORDS: &[&str] = &[
    "mercenar", "fighters", "militants", "jihadist", "terrorist", "recruit", "volunteers",
    "militia", "gunmen",
];

/// Words before "from" that make the place named after it the origin of fire ("fired from",
/// "missiles launched from", "shelling from").
const FIRE_WORDS: &[&str] = &[
    "fire",
    "fired",
    "firing",
    "launch",
    "shot",
    "shoot",
    "shell",
    "missile",
    "rocket",
    "artillery",
    "drone",
];

/// Names of seats of power that stand for a government ("the Kremlin said").
#[rustfmt::skip]
pub const SEATS_OF_POWER: &[&str] = &[
    "kremlin", "elysee", "elysee palace", "white house", "downing street", "quai d orsay",
];

/// Bits of [`word_lists`]: which of the lists above hold a word.
const IN_ORGANISATION_HEADS: u16 = 1;
const IN_PLACE_NOUNS: u16 = 1 << 1;
const IN_ORGANISATION_PREFIXES: u16 = 1 << 2;
const IN_TITLES: u16 = 1 << 3;
const IN_NOT_FIRST_NAMES: u16 = 1 << 4;
const IN_GOVERNMENT_VERBS: u16 = 1 << 5;
const IN_AUXILIARIES: u16 = 1 << 6;
const IN_HIT_VERBS: u16 = 1 << 7;
const IN_LOCATIVES: u16 = 1 << 8;
const IN_OFFICES: u16 = 1 << 9;

/// Each word list with its bit.
const WORD_LISTS: [(&[&str], u16); 10] = [
    (ORGANISATION_HEADS, IN_ORGANISATION_HEADS),
    (PLACE_NOUNS, IN_PLACE_NOUNS),
    (ORGANISATION_PREFIXES, IN_ORGANISATION_PREFIXES),
    (TITLES, IN_TITLES),
    (NOT_FIRST_NAMES, IN_NOT_FIRST_NAMES),
    (GOVERNMENT_VERBS, IN_GOVERNMENT_VERBS),
    (AUXILIARIES, IN_AUXILIARIES),
    (HIT_VERBS, IN_HIT_VERBS),
    (LOCATIVES, IN_LOCATIVES),
    (OFFICES, IN_OFFICES),
];

/// Which word lists hold `word`, as bits: the rules look up the words around every name, and
/// one lookup answers for every list instead of a walk through each.
fn word_lists(word: &str) -> u16 {
    static LISTS: OnceLock<ListTable> = OnceLock::new();
    LISTS.get_or_init(ListTable::new).get(word)
}

/// The words of [`WORD_LISTS`] with their bits, in an open-addressing table keyed by a word's
/// bytes packed into two integers: every listed word has at most [`ListTable::LONGEST`] bytes, so
/// a lookup is a few integer operations and comparisons, with no general hashing of strings.
struct ListTable {
    /// `(packed word, bits)`; bits 0 for a free slot.
    slots: Vec<((u64, u64, usize), u16)>,
}

impl ListTable {
    const LONGEST: usize = 16;
    const SLOTS: usize = 1024;

    fn new() -> ListTable {
        let mut table = ListTable {
            slots: vec![((0, 0, 0), 0); Self::SLOTS],
        };
        for (list, bit) in WORD_LISTS {
            for &word in list {
                if let Some(key) = Self::key(word) {
                    let at = table.slot(key);
                    table.slots[at].0 = key;
                    table.slots[at].1 |= bit;
                }
            }
        }
        table
    }

    /// `word`'s bytes as two little-endian integers and its length, if it may be listed.
    #[inline]
    fn key(word: &str) -> Option<(u64, u64, usize)> {
        let bytes = word.as_bytes();
        if bytes.is_empty() || bytes.len() > Self::LONGEST {
            return None;
        }
        let (mut low, mut high) = (0u64, 0u64);
        for (i, &b) in bytes.iter().enumerate() {
            if i < 8 {
                low |= u64::from(b) << (8 * i);
            } else {
                high |= u64::from(b) << (8 * (i - 8));
            }
        }
        Some((low, high, bytes.len()))
    }

    /// The slot holding `key`, or the free slot where it would go.
    #[inline]
    fn slot(&self, key: (u64, u64, usize)) -> usize {
        let mixed =
            (key.0 ^ key.1.rotate_left(29) ^ key.2 as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mut at = (mixed >> 54) as usize;
        loop {
            let (held, bits) = self.slots[at];
            if bits == 0 || held == key {
                return at;
            }
            at = (at + 1) % Self::SLOTS;
        }
    }

    fn get(&self, word: &str) -> u16 {
        Self::key(word).map_or(0, |key| self.slots[self.slot(key)].1)
    }
}

/// Whether the list of `bit` holds `word`.
fn in_list(word: &str, bit: u16) -> bool {
    word_lists(word) & bit != 0
}

/// The parts one after another, in one allocation: reasons are written for every name, and
/// the general formatter costs more than the copying.
pub(crate) fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for part in parts {
        out.push_str(part);
    }
    out
}

/// One word of the text, lower-cased, with its byte range.
#[derive(Clone, Debug)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    /// Borrowed from the text when it is already lower case (most words).
    pub lower: Cow<'a, str>,
    pub capitalised: bool,
}

/// Words of `range` of `text` (letters and digits; apostrophes split words). `lower` is
/// `text.to_ascii_lowercase()`, made once per article: ASCII words borrow their lower case from
/// it, and only words with other letters need a lower-cased copy of their own.
pub fn words<'a>(text: &'a str, lower: &'a str, range: Range<usize>) -> Vec<Word<'a>> {
    let mut out = Vec::new();
    push_words(&mut out, text, lower, range);
    out
}

/// [`words`], added to `out`: the words of many sentences can share one buffer.
pub fn push_words<'a>(out: &mut Vec<Word<'a>>, text: &'a str, lower: &'a str, range: Range<usize>) {
    if text.get(range.clone()).is_none() || lower.len() != text.len() {
        return;
    }
    scan_words(out, text, Some(lower), range.start, range.end, range.end);
}

/// The words of `text` from `at` on, up to `end`, added to `out` until one ends at `stop_after`
/// or later; where the next would start. ASCII words borrow their lower case from `lower` when
/// given (`text.to_ascii_lowercase()`), else from the text when it has no capital.
fn scan_words<'a>(
    out: &mut Vec<Word<'a>>,
    text: &'a str,
    lower: Option<&'a str>,
    mut at: usize,
    stop_after: usize,
    end: usize,
) -> usize {
    let bytes = text.as_bytes();
    // Whether the non-ASCII character at `at` is a letter or digit, and its length.
    let other_char = |at: usize| {
        let c = text
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .unwrap_or(' ');
        (is_alphanumeric(c), c.len_utf8())
    };
    let ascii_lower = |start: usize, end: usize| -> Cow<'a, str> {
        match lower {
            Some(lower) => Cow::Borrowed(lower.get(start..end).unwrap_or("")),
            None => {
                let word = text.get(start..end).unwrap_or("");
                if word.bytes().any(|b| b.is_ascii_uppercase()) {
                    Cow::Owned(word.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(word)
                }
            }
        }
    };
    let in_ascii_word = |b: u8| BYTE_FLAGS[b as usize] & WORD != 0;
    while at < end && at < stop_after {
        let b = bytes[at];
        if b.is_ascii() {
            if !in_ascii_word(b) {
                at += 1;
                continue;
            }
            // Most words are ASCII letters and digits through to their end: read eight bytes at a
            // time, and borrowed from `lower` at once.
            let word_end = ascii_word_end(bytes, at, end);
            if bytes.get(word_end).is_none_or(u8::is_ascii) || word_end == end {
                out.push(Word {
                    start: at,
                    end: word_end,
                    lower: ascii_lower(at, word_end),
                    capitalised: b.is_ascii_uppercase(),
                });
                at = word_end;
                continue;
            }
        } else {
            let (in_word, len) = other_char(at);
            if !in_word {
                at += len;
                continue;
            }
        }
        let start = at;
        let mut ascii = true;
        loop {
            while at < end && in_ascii_word(bytes[at]) {
                at += 1;
            }
            if at < end && !bytes[at].is_ascii() {
                let (in_word, len) = other_char(at);
                if in_word {
                    ascii = false;
                    at += len;
                    continue;
                }
            }
            break;
        }
        let word = &text[start..at];
        let (lower, capitalised) = if ascii {
            (ascii_lower(start, at), bytes[start].is_ascii_uppercase())
        } else {
            (
                if word.chars().any(char::is_uppercase) {
                    Cow::Owned(word.to_lowercase())
                } else {
                    Cow::Borrowed(word)
                },
                word.chars().next().is_some_and(char::is_uppercase),
            )
        };
        out.push(Word {
            start,
            end: at,
            lower,
            capitalised,
        });
    }
    at
}

/// [`push_words`] for the range of a sentence, taking the words the normaliser found
/// ([`Normalized::words`], in order) instead of finding them again, and their lower case from
/// [`Normalized::lower`]. Where the sentence has letters outside ASCII its words are read from
/// the text as [`push_words`] reads them: "Şuşa" is one word there, and its letters are kept.
pub fn push_sentence_words<'a>(
    out: &mut Vec<Word<'a>>,
    text: &'a str,
    normalized: &'a Normalized,
    range: Range<usize>,
) {
    if text.get(range.clone()).is_none() {
        return;
    }
    match plain_sentence_words(normalized, range.clone()) {
        Some(words) => push_plain_words(out, text, normalized, &normalized.words[words]),
        None => {
            scan_words(
                out,
                text,
                Some(normalized.lower_text()),
                range.start,
                range.end,
                range.end,
            );
        }
    }
}

/// The indices in [`Normalized::words`] of the words of `range` when they are the words
/// [`push_words`] reads there: when the range has no letter outside ASCII (its words are then
/// runs of ASCII letters and digits) and cuts none of them.
pub fn plain_sentence_words(normalized: &Normalized, range: Range<usize>) -> Option<Range<usize>> {
    let (start, end) = (range.start, range.end);
    let outside = &normalized.letters_outside_ascii;
    let next_outside = outside.partition_point(|&o| (o as usize) < start);
    if outside
        .get(next_outside)
        .is_some_and(|&o| (o as usize) < end)
    {
        return None;
    }
    let words = &normalized.words;
    let first = words.partition_point(|w| w.end as usize <= start);
    let last = first + words[first..].partition_point(|w| (w.start as usize) < end);
    let whole = |word: Option<&NormalWord>| {
        word.is_none_or(|w| w.start as usize >= start && w.end as usize <= end)
    };
    (whole(words[first..last].first()) && whole(words[first..last].last())).then_some(first..last)
}

/// The [`Word`]s of `words`, words of the normaliser that are runs of ASCII letters and digits
/// (see [`plain_sentence_words`]), their lower case borrowed from [`Normalized::lower`].
pub fn push_plain_words<'a>(
    out: &mut Vec<Word<'a>>,
    text: &'a str,
    normalized: &'a Normalized,
    words: &[NormalWord],
) {
    let bytes = text.as_bytes();
    let lower = normalized.lower.as_str();
    // One reservation for them all: no capacity check per word.
    out.extend(words.iter().map(|w| {
        let (start, end) = (w.start as usize, w.end as usize);
        Word {
            start,
            end,
            lower: Cow::Borrowed(lower.get(start..end).unwrap_or("")),
            capitalised: bytes.get(start).is_some_and(u8::is_ascii_uppercase),
        }
    }));
}

/// True when only spaces (no punctuation) separate `from` and `to`.
fn only_spaces(text: &str, from: usize, to: usize) -> bool {
    // Mostly one plain space: its bytes settle it without decoding characters.
    text.get(from..to)
        .is_some_and(|gap| gap.bytes().all(|b| b == b' ') || gap.chars().all(char::is_whitespace))
}

/// Markers of credit lines, bylines and links: what follows them on the line is not news.
const CREDIT_MARKERS: &[(&str, MentionRole, &str)] = &[
    ("photo:", MentionRole::Credit, "a photo credit"),
    ("photo by", MentionRole::Credit, "a photo credit"),
    ("photos:", MentionRole::Credit, "a photo credit"),
    ("photograph:", MentionRole::Credit, "a photo credit"),
    ("picture:", MentionRole::Credit, "a photo credit"),
    ("©", MentionRole::Credit, "a copyright line"),
    ("(c)", MentionRole::Credit, "a copyright line"),
    ("copyright", MentionRole::Credit, "a copyright line"),
    ("getty images", MentionRole::Credit, "a photo credit"),
    ("reporting by", MentionRole::Credit, "a reporting credit"),
    ("writing by", MentionRole::Credit, "a reporting credit"),
    ("editing by", MentionRole::Credit, "a reporting credit"),
    ("compiled by", MentionRole::Credit, "a reporting credit"),
    ("reported by", MentionRole::Credit, "a reporting credit"),
    ("source:", MentionRole::Credit, "the source line"),
    (
        "read also:",
        MentionRole::Background,
        "a link to another article",
    ),
    (
        "read more:",
        MentionRole::Background,
        "a link to another article",
    ),
    (
        "see also:",
        MentionRole::Background,
        "a link to another article",
    ),
];

/// For each byte of [`CREDIT_ANCHOR_BYTES`], the markers of [`CREDIT_MARKERS`] whose first byte
/// among them it is, with its offset in the marker: a marker is looked for only where that
/// byte is.
fn markers_by_anchor() -> &'static [Vec<(usize, usize)>] {
    static MARKERS: OnceLock<Vec<Vec<(usize, usize)>>> = OnceLock::new();
    MARKERS.get_or_init(|| {
        let mut by_anchor = vec![Vec::new(); CREDIT_ANCHOR_BYTES.len()];
        for (index, (marker, _, _)) in CREDIT_MARKERS.iter().enumerate() {
            let first_anchor = marker.bytes().enumerate().find_map(|(at, b)| {
                let anchor = CREDIT_ANCHOR_BYTES.iter().position(|&a| a == b)?;
                Some((anchor, at))
            });
            if let Some((anchor, at)) = first_anchor {
                by_anchor[anchor].push((index, at));
            }
        }
        by_anchor
    })
}

/// For each byte of [`CREDIT_ANCHOR_BYTES`], the bytes (lower case) that may come right before
/// it in a marker anchored there; all of them when a marker starts with it. An anchor is mostly
/// the "y" of "day" or "they", which the byte before it settles at once.
fn may_precede_anchor() -> &'static [[bool; 256]] {
    static BEFORE: OnceLock<Vec<[bool; 256]>> = OnceLock::new();
    BEFORE.get_or_init(|| {
        markers_by_anchor()
            .iter()
            .map(|markers| {
                let mut before = [false; 256];
                for &(index, offset) in markers {
                    match offset.checked_sub(1) {
                        Some(previous) => {
                            let b = CREDIT_MARKERS[index].0.as_bytes()[previous];
                            before[b as usize] = true;
                        }
                        None => before = [true; 256],
                    }
                }
                before
            })
            .collect()
    })
}

/// Spans of credit lines, bylines and links, with what they are: from the marker to the end of
/// its parenthesis, or else of its line. Markers match in any ASCII case.
pub fn credit_spans(text: &str) -> Vec<(Range<usize>, MentionRole, &'static str)> {
    credit_spans_at(text, &normalize_text(text).landmarks.credit_anchors)
}

/// [`credit_spans`], looking for markers only around `anchors`: the offsets of every byte of
/// `text` among [`CREDIT_ANCHOR_BYTES`] (and `Y`), in order.
pub fn credit_spans_at(
    text: &str,
    anchors: &[u32],
) -> Vec<(Range<usize>, MentionRole, &'static str)> {
    let bytes = text.as_bytes();
    // Every marker occurrence as (end, start, marker). A left-to-right scan takes the marker
    // that ends first, then looks again after it: taking them by end and skipping those that
    // overlap a taken one is the same, as no marker ends another (a test checks it).
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    let by_anchor = markers_by_anchor();
    let before_anchor = may_precede_anchor();
    for &at in anchors {
        let at = at as usize;
        let Some(&b) = bytes.get(at) else { break };
        let b = b.to_ascii_lowercase();
        let Some(anchor) = CREDIT_ANCHOR_BYTES.iter().position(|&a| a == b) else {
            continue;
        };
        let before = at.checked_sub(1).and_then(|previous| bytes.get(previous));
        if before.is_some_and(|b| !before_anchor[anchor][b.to_ascii_lowercase() as usize]) {
            continue;
        }
        for &(index, offset) in &by_anchor[anchor] {
            if offset > at {
                continue;
            }
            let marker = CREDIT_MARKERS[index].0.as_bytes();
            let start = at - offset;
            // Most anchors ("y" of "day") are no marker: the first byte settles most of them.
            let first_matches = bytes
                .get(start)
                .zip(marker.first())
                .is_some_and(|(b, m)| b.to_ascii_lowercase() == *m);
            if first_matches
                && bytes
                    .get(start..start + marker.len())
                    .is_some_and(|there| there.eq_ignore_ascii_case(marker))
            {
                found.push((start + marker.len(), start, index));
            }
        }
    }
    found.sort_unstable();
    let mut spans = Vec::with_capacity(found.len());
    let mut free_from = 0;
    for (end_of_marker, at, index) in found {
        if at < free_from {
            continue;
        }
        free_from = end_of_marker;
        let (_, role, what) = CREDIT_MARKERS[index];
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let before_marker = &text[line_start..at];
        let open = before_marker.rfind('(');
        let closed = before_marker.rfind(')');
        let end = match open {
            Some(o) if closed.is_none_or(|c| c < o) => text[at..line_end]
                .find(')')
                .map_or(line_end, |c| at + c + 1),
            _ => line_end,
        };
        spans.push((at..end, role, what));
    }
    spans
}

/// Whether the sentence tells of the past: "in 1988", "in the early 1990s", "the first
/// Nagorno-Karabakh war". "Since 1994" compares with the past and does not count.
pub fn tells_of_the_past(sentence_words: &[Word<'_>]) -> Option<String> {
    past_in(
        sentence_words.len(),
        0..sentence_words.len(),
        |i| {
            let lower = sentence_words[i].lower.as_bytes();
            (lower.first().copied(), lower.len())
        },
        |i| sentence_words[i].lower.as_ref(),
    )
}

/// The length a word starting with each byte (lower case) must have to tell of the past:
/// [`ANY_LENGTH`] for digits, 8 for "nineties" and "eighties", 5 for "first", 0 for none.
const PAST_LENGTHS: [u8; 256] = {
    let mut lengths = [0u8; 256];
    let mut digit = b'0';
    while digit <= b'9' {
        lengths[digit as usize] = ANY_LENGTH;
        digit += 1;
    }
    lengths[b'n' as usize] = 8;
    lengths[b'e' as usize] = 8;
    lengths[b'f' as usize] = 5;
    lengths
};
const ANY_LENGTH: u8 = u8::MAX;

/// [`tells_of_the_past`] for the normaliser's words of a sentence as [`plain_sentence_words`]
/// gives them, read where they are in [`Normalized::lower`] without making [`Word`]s of them.
/// The words that may tell of the past are picked by their first byte and length in one tight
/// pass ([`PAST_LENGTHS`]), and only those are read further.
pub fn tells_of_the_past_plain(normalized: &Normalized, words: &[NormalWord]) -> Option<String> {
    let bytes = normalized.lower.as_bytes();
    let may_tell = words.iter().enumerate().filter_map(|(i, word)| {
        let first = bytes.get(word.start as usize).copied().unwrap_or(0);
        let wanted = PAST_LENGTHS[first as usize];
        (wanted == ANY_LENGTH || (wanted != 0 && wanted as u32 == word.len)).then_some(i)
    });
    plain_past_in(normalized, words, may_tell)
}

/// [`past_in`] of plain words, at the indices `candidates` only.
fn plain_past_in(
    normalized: &Normalized,
    words: &[NormalWord],
    candidates: impl Iterator<Item = usize>,
) -> Option<String> {
    let lower = normalized.lower.as_str();
    let bytes = lower.as_bytes();
    past_in(
        words.len(),
        candidates,
        |i| {
            let word = &words[i];
            (bytes.get(word.start as usize).copied(), word.len as usize)
        },
        |i| {
            let word = &words[i];
            lower
                .get(word.start as usize..word.end as usize)
                .unwrap_or("")
        },
    )
}

/// [`tells_of_the_past`] of `count` words, looking at the words of `candidates` (in order) only,
/// the lower case of the word at each index given by `lower` and its first byte and length by
/// `first` (which settle most words).
fn past_in<'w>(
    count: usize,
    candidates: impl Iterator<Item = usize>,
    first: impl Fn(usize) -> (Option<u8>, usize),
    lower: impl Fn(usize) -> &'w str,
) -> Option<String> {
    for i in candidates {
        // Only a year, "nineties", "eighties" or "first" can tell of the past.
        let may_tell = match first(i) {
            (Some(b'0'..=b'9'), _) => true,
            (Some(b'n' | b'e'), len) => len == "nineties".len(),
            (Some(b'f'), len) => len == "first".len(),
            _ => false,
        };
        if !may_tell {
            continue;
        }
        let word = lower(i);
        let previous = i.checked_sub(1).map(&lower);
        // Words are letters and digits: only one starting with a digit can be a number.
        let year = word
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_digit)
            .then(|| word.trim_end_matches('s').parse::<u32>().ok())
            .flatten()
            .filter(|y| (1900..2020).contains(y));
        let decade_word = matches!(word, "nineties" | "eighties");
        if year.is_some() || decade_word {
            let before_since = (i.saturating_sub(3)..i).any(|j| lower(j) == "since");
            let dated = matches!(
                previous,
                Some(
                    "in" | "during"
                        | "before"
                        | "after"
                        | "until"
                        | "early"
                        | "late"
                        | "mid"
                        | "a"
                        | "the"
                        | "of"
                        | "by"
                )
            );
            if dated && !before_since && !names_a_day_of_this_war(count, &lower) {
                return Some(concat(&["the sentence recalls the past ('", word, "')"]));
            }
        }
        // "the first war", "the first Karabakh war"; not "the first days of the war".
        let a_stretch_of_this_war = i + 1 < count
            && matches!(
                lower(i + 1),
                "days" | "day" | "week" | "weeks" | "hours" | "month" | "months" | "phase"
            );
        if word == "first"
            && !a_stretch_of_this_war
            && (i + 1..count.min(i + 5)).any(|j| lower(j) == "war")
        {
            return Some("the sentence recalls an earlier war".into());
        }
    }
    None
}

/// Whether the sentence's words (`lower` of each of `count`) name a day of this war besides the
/// past it recalls ("took Jabrayil on October 9, … districts occupied in 1993"): a weekday, a
/// day of a month, or 2020.
fn names_a_day_of_this_war<'w>(count: usize, lower: &impl Fn(usize) -> &'w str) -> bool {
    let is_day_number = |j: usize| {
        let w = lower(j);
        (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
    };
    (0..count).any(|j| {
        let w = lower(j);
        w == "2020"
            || crate::when::weekday(w).is_some()
            || (w != "may"
                && crate::when::month(w).is_some()
                && (j.checked_sub(1).is_some_and(is_day_number)
                    || (j + 1 < count && is_day_number(j + 1))))
    })
}

/// Context the role rules need about one name.
pub struct Site<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// Byte range of the sentence holding the name.
    pub sentence: Range<usize>,
    /// Words of that sentence.
    pub words: Words<'a>,
    /// What `tells_of_the_past` found for the sentence (computed once per sentence).
    pub past: Option<&'a str>,
    /// Index in `words` of the first word of the name, and one past its last.
    pub first_word: usize,
    pub after_word: usize,
    pub traits: NameTraits,
}

/// The words of a sentence, as the role rules read them: made one by one, only those read.
#[derive(Clone, Copy, Debug)]
pub enum Words<'a> {
    /// Words read from the text ([`push_words`]).
    Read(&'a [Word<'a>]),
    /// The normaliser's words of a sentence where they are the words read from the text (see
    /// [`plain_sentence_words`]); their lower case is at their own offsets in `lower`.
    Plain {
        words: &'a [NormalWord],
        lower: &'a str,
        text: &'a str,
    },
}

/// One word of [`Words`], as [`Word`] has it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WordRef<'a> {
    pub start: usize,
    pub end: usize,
    pub lower: &'a str,
    pub capitalised: bool,
}

impl<'a> Words<'a> {
    /// The word at `index`, if there is one.
    #[inline]
    pub fn get(&self, index: usize) -> Option<WordRef<'a>> {
        match *self {
            Words::Read(words) => words.get(index).map(|w| WordRef {
                start: w.start,
                end: w.end,
                lower: match &w.lower {
                    Cow::Borrowed(lower) => lower,
                    Cow::Owned(lower) => lower.as_str(),
                },
                capitalised: w.capitalised,
            }),
            Words::Plain { words, lower, text } => words.get(index).map(|w| {
                let (start, end) = (w.start as usize, w.end as usize);
                WordRef {
                    start,
                    end,
                    lower: lower.get(start..end).unwrap_or(""),
                    capitalised: text
                        .as_bytes()
                        .get(start)
                        .is_some_and(u8::is_ascii_uppercase),
                }
            }),
        }
    }

    /// The words from `index` on, as long as there are any.
    fn from(self, index: usize) -> impl Iterator<Item = WordRef<'a>> {
        (index..).map_while(move |i| self.get(i))
    }
}

impl<'a> Site<'a> {
    fn word_before(&self, back: usize) -> Option<WordRef<'a>> {
        self.first_word
            .checked_sub(back)
            .and_then(|i| self.words.get(i))
    }

    fn word_after(&self, ahead: usize) -> Option<WordRef<'a>> {
        self.words.get(self.after_word + ahead)
    }

    fn name_text(&self) -> &str {
        self.text.get(self.start..self.end).unwrap_or("")
    }
}

/// Heads of a medium's name that are everyday words in lower case: "Armenia Today" is a
/// newspaper, "agreed in Geneva today" a day; "Moscow Times" a paper, "hit Ganja three times" not.
fn is_everyday_word_of_a_title(word: &str) -> bool {
    matches!(
        word,
        "today" | "times" | "daily" | "post" | "news" | "human"
    )
}

/// The role of a name from the words around it (credit lines are checked by the caller).
pub fn classify(site: &Site) -> Verdict {
    let name = site.name_text();

    if site.traits.seat_of_power {
        return Verdict::role(
            MentionRole::Actor,
            concat(&[
                "'",
                name,
                "' is a seat of power standing for its government",
            ]),
        );
    }

    if let Some(next) = site.word_after(0)
        && only_spaces(site.text, site.end, next.start)
    {
        // Part of an organisation's or a medium's name.
        if in_list(next.lower, IN_ORGANISATION_HEADS)
            && (next.capitalised || !is_everyday_word_of_a_title(next.lower))
        {
            let whole = site.text.get(site.start..next.end).unwrap_or(name);
            return Verdict::Role {
                role: MentionRole::Background,
                why: concat(&["part of the name '", whole, "', not the place"]).into(),
                keeps_place: false,
            };
        }
        // "from 00:00 Moscow time", "at midnight Baku time": a clock's time zone, not a place.
        if next.lower == "time"
            && site.word_before(1).is_some_and(|clock| {
                clock.lower.bytes().all(|b| b.is_ascii_digit())
                    || matches!(clock.lower, "midnight" | "noon" | "am" | "pm" | "hours")
            })
        {
            return Verdict::Role {
                role: MentionRole::Background,
                why: concat(&["'", name, " time' is a clock's time zone, not the place"]).into(),
                keeps_place: false,
            };
        }
        // "a bridge on the Araks river": the river, not the village of the same name.
        if matches!(next.lower, "river" | "rivers") {
            return Verdict::Role {
                role: MentionRole::Background,
                why: concat(&["'", name, " ", next.lower, "' is a river, not the place"]).into(),
                keeps_place: false,
            };
        }
    }
    if let Some(previous) = site.word_before(1) {
        let joined = only_spaces(site.text, previous.end, site.start);
        if joined && in_list(previous.lower, IN_ORGANISATION_PREFIXES) {
            let whole = site.text.get(previous.start..site.end).unwrap_or(name);
            return Verdict::Role {
                role: MentionRole::Background,
                why: concat(&["part of the name '", whole, "', not the place"]).into(),
                keeps_place: false,
            };
        }
        // Part of a person's name: "Mr Aliyev", "Margarita Georgia", not "Azerbaijani Ganja".
        if joined && previous.capitalised && !site.traits.country {
            let is_sentence_start = site.first_word == 1;
            let lower = previous.lower;
            if in_list(lower, IN_TITLES) {
                return Verdict::NotAPlace(concat(&["'", lower, " ", name, "' is a person"]));
            }
            let adjective = lower.ends_with("an")
                || lower.ends_with("ani")
                || lower.ends_with("ish")
                || lower.ends_with("ese")
                || lower.ends_with("ic");
            if !is_sentence_start
                && !adjective
                && !in_list(lower, IN_NOT_FIRST_NAMES)
                && !previous.lower.chars().all(|c| c.is_ascii_digit())
                && previous.lower.len() > 1
            {
                let whole = site.text.get(previous.start..site.end).unwrap_or(name);
                return Verdict::NotAPlace(concat(&["'", whole, "' is a person's name"]));
            }
        }
    }

    // A first name: "Vladimir Putin", "Margarita Antidze" (but "Stepanakert airport", "Ganja on").
    if !site.traits.country
        && !site.traits.region
        && let Some(next) = site.word_after(0)
        && only_spaces(site.text, site.end, next.start)
        && next.capitalised
        && word_lists(next.lower) & (IN_PLACE_NOUNS | IN_NOT_FIRST_NAMES | IN_TITLES) == 0
        && !next.lower.chars().all(|c| c.is_ascii_digit())
        // A person's first name is one everywhere in the article: only sure ones. "the Goris
        // Culture House", "Barda Central Hospital": a building named for the town; "Stepanakert
        // Mayor" above: the town's office.
        && !site.word_after(1).is_some_and(|after| {
            after.capitalised
                && only_spaces(site.text, next.end, after.start)
                && word_lists(after.lower) & (IN_PLACE_NOUNS | IN_ORGANISATION_HEADS) != 0
        })
    {
        let whole = site.text.get(site.start..next.end).unwrap_or(name);
        return Verdict::NotAPlace(concat(&["'", whole, "' is a person's name"]));
    }

    // Origin of fighters: "mercenaries from Syria and Libya".
    if site.word_before(1).is_some_and(|w| w.lower == "from") {
        let lead = (0..site.first_word).rev().take(14);
        if lead
            .filter_map(|i| site.words.get(i))
            .any(|w| FIGHTER_WORDS.iter().any(|f| w.lower.starts_with(f)))
        {
            return Verdict::role(
                MentionRole::Background,
                concat(&[
                    "origin of fighters ('from ",
                    name,
                    "'), nothing happens there",
                ]),
            );
        }
    }

    // "Russia-brokered truce", "Turkish-backed", "Armenia-based": a name inside an adjective.
    if let Some(rest) = site.text.get(site.end..)
        && let Some(tail) = rest.strip_prefix('-')
    {
        let adjective = tail
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if matches!(
            adjective.as_str(),
            "brokered"
                | "backed"
                | "led"
                | "mediated"
                | "sponsored"
                | "based"
                | "supported"
                | "made"
                | "supplied"
                | "built"
                | "born"
                | "controlled"
                | "held"
                | "run"
        ) {
            return Verdict::Role {
                role: MentionRole::Background,
                why: concat(&["part of the adjective '", name, "-", &adjective, "'"]).into(),
                keeps_place: false,
            };
        }
    }

    if let Some(why) = fire_comes_from(site) {
        return Verdict::role(MentionRole::Background, why);
    }

    if let Some(why) = site.past {
        return Verdict::role(MentionRole::Background, why.to_string());
    }

    if site.traits.country
        && let Some(why) = side_of_the_war(site)
    {
        return Verdict::Role {
            role: MentionRole::Background,
            why: why.into(),
            keeps_place: false,
        };
    }
    if (site.traits.country || site.traits.capital)
        && let Some(why) = speaks_as_government(site)
    {
        return Verdict::role(MentionRole::Actor, why);
    }
    if site.traits.capital {
        let previous = site.word_before(1).map(|w| w.lower);
        let hit = site
            .words
            .from(site.after_word)
            .take(3)
            .any(|w| in_list(w.lower, IN_HIT_VERBS));
        // "a visit to Baku and Yerevan": the second of two places after a locative is one too.
        let listed_after_locative = matches!(previous, Some("and" | "or"))
            && site
                .word_before(3)
                .is_some_and(|w| in_list(w.lower, IN_LOCATIVES));
        // "left for Washington on Thursday": where the traveller goes.
        let travelled_to = previous == Some("for")
            && site.word_before(2).is_some_and(|w| {
                matches!(
                    w.lower,
                    "left" | "leaves" | "leaving" | "headed" | "heads" | "departed" | "flew"
                )
            });
        // "According to Yerevan, the drone was downed near Goris": who tells, not where.
        let according_to =
            previous == Some("to") && site.word_before(2).is_some_and(|w| w.lower == "according");
        let locative = (previous.is_some_and(|p| in_list(p, IN_LOCATIVES)) && !according_to)
            || listed_after_locative
            || travelled_to;
        if !locative && !hit {
            return Verdict::role(
                MentionRole::Actor,
                concat(&["the capital '", name, "' stands for its government here"]),
            );
        }
    }
    Verdict::role(MentionRole::Event, "named as a place in the sentence")
}

/// Where fire came from, not where it fell: "a Scud missile fired from Armenia", "rockets
/// launched from the territory of Armenia", "shelling from Azerbaijani territory" names the place
/// the strike was aimed from; the sentence's scene is its target.
fn fire_comes_from(site: &Site) -> Option<String> {
    let lower = |back: usize| site.word_before(back).map(|w| w.lower);
    // "a jet flying out of Ganja airbase": where the aircraft came from.
    if lower(1) == Some("of")
        && lower(2) == Some("out")
        && lower(3)
            .is_some_and(|w| matches!(w, "flying" | "flown" | "flew" | "flies" | "operating"))
    {
        return Some(concat(&[
            "where the aircraft came from ('out of ",
            site.name_text(),
            "'), not where it struck",
        ]));
    }
    let from_at = if lower(1) == Some("from") {
        1
    } else if lower(1) == Some("the") && lower(2) == Some("from") {
        2
    } else if lower(1) == Some("of") && lower(2) == Some("territory") {
        match (lower(3), lower(4)) {
            (Some("from"), _) => 3,
            (Some("the"), Some("from")) => 4,
            _ => return None,
        }
    } else {
        return None;
    };
    let fired = (from_at + 1..=from_at + 3)
        .filter_map(lower)
        // "a jet that took off from the Ganja airfield".
        .any(|w| w == "off" || FIRE_WORDS.iter().any(|f| w.starts_with(f)));
    fired.then(|| {
        concat(&[
            "where the fire came from ('from ",
            site.name_text(),
            "'), not where it fell",
        ])
    })
}

/// "Armenia, Azerbaijan fighting rages", "the Armenia-Azerbaijan conflict", "fighting between
/// Armenian separatists and Azerbaijan": a country named as a side of the fighting it qualifies,
/// neither its scene nor a speaker.
fn side_of_the_war(site: &Site) -> Option<String> {
    let name = site.name_text();
    let is_war_word = |word: &str| {
        matches!(
            word,
            "fighting" | "clashes" | "clash" | "conflict" | "war" | "hostilities"
        )
    };
    if let Some(next) = site.word_after(0)
        && is_war_word(next.lower)
    {
        return Some(concat(&[
            "'",
            name,
            " ",
            next.lower,
            "': a side, not a scene",
        ]));
    }
    // The first of two: "Armenia, Azerbaijan fighting", "Armenia and Azerbaijan clash".
    if let (Some(other), Some(next)) = (site.word_after(0), site.word_after(1))
        && other.capitalised
        && is_war_word(next.lower)
        && site
            .text
            .get(site.end..other.start)
            .is_some_and(|gap| gap == ", " || gap == " and ")
    {
        return Some(concat(&["'", name, "' and the other side: not a scene"]));
    }
    // "handed over to Azerbaijan", "returned to Azerbaijan": who receives, not where.
    if site.word_before(1).is_some_and(|w| w.lower == "to")
        && site.word_before(2).is_some_and(|w| {
            matches!(
                w.lower,
                "over" | "returned" | "return" | "ceded" | "cede" | "transferred" | "transfer"
            )
        })
    {
        return Some(concat(&["handed to '", name, "': a side, not a scene"]));
    }
    // Only sides of fighting: in "talks between Armenia and Azerbaijan" both speak.
    let between = site.word_before(1).is_some_and(|w| w.lower == "and")
        && (2..=5).any(|back| {
            site.word_before(back).is_some_and(|w| w.lower == "between")
                && site
                    .word_before(back + 1)
                    .is_some_and(|w| is_war_word(w.lower))
        });
    between.then(|| concat(&["'between … and ", name, "': a side, not a scene"]))
}

/// "Baku said", "Moscow had offered", "Moscow's influence", "the president of Azerbaijan",
/// "talks between Armenia and Azerbaijan".
fn speaks_as_government(site: &Site) -> Option<String> {
    let name = site.name_text();
    let rest = site.text.get(site.end..).unwrap_or("");
    if rest.starts_with("'s") || rest.starts_with("’s") {
        return Some(concat(&["'", name, "'s' stands for its government"]));
    }
    let mut passive = false;
    let verb_from = past_apposition(site).unwrap_or(site.after_word);
    let mut after = site.words.from(verb_from).take(5).peekable();
    while let Some(word) = after.next() {
        let lower = word.lower;
        let lists = word_lists(lower);
        if lists & IN_GOVERNMENT_VERBS != 0 {
            return Some(concat(&[
                "'",
                name,
                " … ",
                lower,
                "': the government speaks or acts",
            ]));
        }
        // "Azerbaijan had shelled Kapan": the side that attacks, not where ("Armenia was
        // shelled", "Azerbaijan hit by rockets" are where).
        if !passive && is_attack_verb(lower) && after.peek().is_none_or(|next| next.lower != "by") {
            return Some(concat(&[
                "'",
                name,
                " … ",
                lower,
                "': the side that attacks, not the scene",
            ]));
        }
        if lists & IN_AUXILIARIES == 0 {
            break;
        }
        passive |= matches!(lower, "is" | "was" | "were" | "are");
    }
    let previous = site.word_before(1).map(|w| w.lower);
    let before_previous = site.word_before(2).map(|w| w.lower);
    match previous {
        Some("of") if before_previous.is_some_and(|w| in_list(w, IN_OFFICES)) => Some(concat(&[
            "'",
            before_previous.unwrap_or_default(),
            " of ",
            name,
            "': its government",
        ])),
        // "the Ministry of Defence of the Republic of Armenia" (the name "Republic of Armenia"),
        // and the second of two: "the foreign ministries of Azerbaijan and Armenia".
        Some(joint @ ("the" | "and")) => {
            let (of_at, office_at) = if joint == "the" { (2, 3) } else { (3, 4) };
            let office = site
                .word_before(office_at)
                .filter(|w| in_list(w.lower, IN_OFFICES))?;
            site.word_before(of_at)
                .is_some_and(|w| w.lower == "of")
                .then(|| concat(&["'", office.lower, " of … ", name, "': its government"]))
        }
        // "accused Azerbaijan of shelling Stepanakert": the side blamed for the attack.
        Some(
            word @ ("between" | "with" | "against" | "by" | "accused" | "accusing" | "blamed"),
        ) => Some(concat(&["'", word, " ", name, "': a party, not a scene"])),
        _ => None,
    }
}

/// Where the words after a subject's apposition start: "Italy, which hosts several diaspora
/// groups, asked …", "France, a co-chair of the Minsk Group, urged …": the verb is past the
/// second comma. Only for a name that opens its sentence or clause, so that a place named after
/// a preposition ("in Tartar, the ministry said,") is not taken for a subject.
fn past_apposition(site: &Site) -> Option<usize> {
    let rest = site
        .text
        .get(site.end..site.sentence.end)?
        .strip_prefix(", ")?;
    let opens = site
        .word_before(1)
        .is_none_or(|w| matches!(w.lower, "and" | "but" | "meanwhile" | "while"));
    if !opens {
        return None;
    }
    let first = rest.split(|c: char| !c.is_alphabetic()).next()?;
    if !matches!(
        first,
        "which" | "who" | "whose" | "a" | "an" | "the" | "one" | "itself"
    ) {
        return None;
    }
    let close = rest.find([',', '.', ';', ':', '"', '“'])?;
    if !rest[close..].starts_with(',') || close > 100 {
        return None;
    }
    let verb_at = site.end + 2 + close + 1;
    site.words
        .from(site.after_word)
        .take(25)
        .position(|w| w.start >= verb_at)
        .map(|ahead| site.after_word + ahead)
}

/// Verbs of attacking in the active voice's past, present (headlines: "Azerbaijan shells
/// Martakert") or progressive: the subject is the attacker.
fn is_attack_verb(word: &str) -> bool {
    matches!(
        word,
        "shelled"
            | "attacked"
            | "bombed"
            | "bombarded"
            | "targeted"
            | "fired"
            | "launched"
            | "captured"
            | "struck"
            | "hit"
            | "shelling"
            | "attacking"
            | "targeting"
            | "shells"
            | "attacks"
            | "bombs"
            | "bombards"
            | "targets"
            | "fires"
            | "launches"
            | "captures"
            | "strikes"
            | "hits"
            | "pounds"
            | "pounded"
            | "pounding"
            | "seizes"
            | "seized"
            | "recaptures"
            | "recaptured"
            | "shoots"
            | "shot"
            | "downs"
            | "downed"
    )
}

/// A dateline: the name opens a line and is set off as where the report was filed
/// ("STEPANAKERT |", "BAKU (Reuters) -").
pub fn is_dateline(text: &str, start: usize, end: usize) -> bool {
    if follows_a_word_on_its_line(text, start) {
        return is_country_of_a_dateline(text, start, end);
    }
    is_dateline_plain(text, start, end)
}

/// The country after a dateline's place, "CHARAKTAR, Azerbaijan (AP) —", "GANJA, Azerbaijan —":
/// only a shouted place and a comma before it on its line, a wire's mark or a dash after it.
fn is_country_of_a_dateline(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end_matches(' ');
    let Some(place) = before.strip_suffix(',') else {
        return false;
    };
    let line_start = place.rfind('\n').map_or(0, |i| i + 1);
    let place = place[line_start..].trim();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    let shouted = letters > 2
        && place.chars().all(|c| {
            (c.is_alphabetic() && c.is_uppercase()) || matches!(c, ' ' | '-' | '\'' | '.')
        });
    if !shouted {
        return false;
    }
    let rest = text[end..].trim_start_matches(' ');
    // "BARDA, Azerbaijan, Oct 28 (Reuters) -": the wire's day between the country and its mark.
    let rest = match rest.strip_prefix(',') {
        Some(after) => {
            let line = after.split('\n').next().unwrap_or("");
            match line.find(['(', '—', '–']) {
                Some(mark) if mark <= 24 && line[..mark].contains(|c: char| c.is_ascii_digit()) => {
                    line[mark..].trim_start()
                }
                _ => return false,
            }
        }
        None => rest,
    };
    ends_a_dateline(rest)
        || rest.starts_with("--")
        || rest.starts_with("(Xinhua)")
        || rest.starts_with("(TASS)")
}

/// What follows a dateline's place: a dash, a bar or a wire's mark ("— ", "| ", "(Reuters)").
fn ends_a_dateline(rest: &str) -> bool {
    rest.starts_with('|')
        || rest.starts_with('—')
        || rest.starts_with('–')
        || rest.starts_with("- ")
        || rest.starts_with("(Reuters)")
        || rest.starts_with("(AFP)")
        || rest.starts_with("(AP)")
}

/// Whether the name at `start` plainly follows a word on its line ("hit Stepanakert"): read
/// back over plain spaces, the byte before it is ASCII, not white space, not a line break and
/// not the slash of "YEREVAN/BAKU". Such a name is never a dateline, and most names are such:
/// their bytes settle it without decoding characters. `false` leaves it to
/// [`is_dateline_plain`].
fn follows_a_word_on_its_line(text: &str, start: usize) -> bool {
    let bytes = text.as_bytes();
    let mut at = start.min(bytes.len());
    while at > 0 && bytes[at - 1] == b' ' {
        at -= 1;
    }
    at > 0 && {
        let b = bytes[at - 1];
        b.is_ascii() && !b.is_ascii_whitespace() && b != 0x0B && b != b'/'
    }
}

/// [`is_dateline`] in full, for any name.
fn is_dateline_plain(text: &str, start: usize, end: usize) -> bool {
    // Most names follow other words on their line: the last character before the name that is
    // not a space settles it without looking for the line's start.
    let last_before = text[..start]
        .chars()
        .rev()
        .find(|c| *c == '\n' || !c.is_whitespace());
    if last_before.is_some_and(|c| c != '\n' && c != '/') {
        return is_country_of_a_dateline(text, start, end);
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..start].trim();
    // "YEREVAN/BAKU (Reuters)": a second filing place joined to a first by a slash.
    let joined_to_dateline = before.ends_with('/')
        && before
            .chars()
            .all(|c| c == '/' || c == ' ' || c == '-' || (c.is_alphabetic() && c.is_uppercase()));
    if !before.is_empty() && !joined_to_dateline {
        return false;
    }
    let name = &text[start..end];
    let rest = text[end..].trim_start_matches([' ', ',']);
    let shouting = name.chars().filter(|c| c.is_alphabetic()).count() > 2
        && name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    shouting || ends_a_dateline(rest) || joined_to_dateline
}

#[cfg(test)]
mod tests {
    use aho_corasick::AhoCorasick;

    use super::*;

    /// Credit spans as found by an automaton over the whole text (the definition).
    fn credit_spans_by_automaton(text: &str) -> Vec<(Range<usize>, MentionRole, &'static str)> {
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(CREDIT_MARKERS.iter().map(|m| m.0))
            .unwrap_or_else(|e| panic!("{e}"));
        let mut spans = Vec::new();
        for found in automaton.find_iter(text) {
            // The anchored search agrees on where each marker starts; the span's end follows
            // from it by the same rule, so compare the marker and its start.
            let (_, role, what) = CREDIT_MARKERS[found.pattern().as_usize()];
            spans.push((found.start()..found.end(), role, what));
        }
        spans
    }

    #[test]
    fn every_credit_marker_has_an_anchor_and_none_ends_another() {
        for (index, (marker, _, _)) in CREDIT_MARKERS.iter().enumerate() {
            let anchored = markers_by_anchor()
                .iter()
                .flatten()
                .filter(|(i, _)| *i == index)
                .count();
            assert_eq!(anchored, 1, "{marker}");
            for (other, _, _) in CREDIT_MARKERS {
                assert!(
                    other == marker || !other.ends_with(marker),
                    "{other} ends with {marker}"
                );
            }
        }
    }

    #[test]
    fn credit_markers_are_found_where_an_automaton_finds_them() {
        let mut texts: Vec<String> = vec![
            "Devastated: a resident in Barda, Azerbaijan. Photo: Reuters".into(),
            "A cathedral in Shusha was shelled. (© Daily Telegraph, London)\n• Read also: Bombs"
                .into(),
            "Additional reporting by Margarita Antidze in Tbilisi; Writing by Mark Trevelyan"
                .into(),
            "PHOTO BY AFP (c) 2020 Getty Images/Getty imagesee also: Baku; SOURCE:Reuters".into(),
            "photographs: none. Photograph: Armenia's ministry; picture:Stepanakert (C)opyright"
                .into(),
            "Compiled By staff, reported by; Editing by; read more:\nsee also:see also:".into(),
            "(copyright Yerevan) They say: by day and by night, (c)(c)".into(),
        ];
        texts.extend(crate::seed_texts::seed_texts());
        let mut markers = 0;
        for text in &texts {
            let expected = credit_spans_by_automaton(text);
            let spans = credit_spans(text);
            let starts: Vec<(usize, &str)> = spans.iter().map(|s| (s.0.start, s.2)).collect();
            let wanted: Vec<(usize, &str)> = expected.iter().map(|s| (s.0.start, s.2)).collect();
            assert_eq!(starts, wanted, "{text}");
            for ((span, _, _), (marker, _, _)) in spans.iter().zip(&expected) {
                assert!(span.end >= marker.end, "{text}");
            }
            markers += spans.len();
        }
        assert!(markers > 20, "{markers}");
    }

    /// One lookup answers for every list, exactly as a walk through each would.
    #[test]
    fn word_lists_answer_as_the_lists_do() {
        let lists = WORD_LISTS;
        let mut words: Vec<&str> = lists
            .iter()
            .flat_map(|(list, _)| list.iter().copied())
            .collect();
        assert!(
            words.iter().all(|w| w.len() <= ListTable::LONGEST),
            "a listed word is longer than the table's keys"
        );
        words.extend([
            "shelled",
            "Said",
            "",
            "stepanakert",
            "saidx",
            "representativesx",
            "representatives-of-the-people",
            "şuşa",
            "s\0",
        ]);

        for word in words {
            for (list, bit) in lists {
                assert_eq!(in_list(word, bit), list.contains(&word), "{word}");
            }
        }
    }

    /// Words as comparable facts: offsets, lower case, capital.
    fn word_facts(words: &[Word]) -> Vec<(usize, usize, String, bool)> {
        words
            .iter()
            .map(|w| (w.start, w.end, w.lower.to_string(), w.capitalised))
            .collect()
    }

    /// The words taken from the normaliser's runs are the words read from the text, for whole
    /// sentences and for ranges that cut words, next to letters outside ASCII or not.
    #[test]
    fn sentence_words_from_the_normaliser_are_the_words_read_from_the_text() {
        let mut texts: Vec<String> = vec![
            "Shelling hit ŞUŞA, Xankəndi and Ganja's 2nd district.".into(),
            "Ağdam—Füzuli; “Stepanakert” was hit. Oʻzbekiston’s envoy Gʻafur spoke.".into(),
            "Москва and Ереван: Баку 2020, Երևան (Yerevan) ΑΘΗΝΑ.\nNEW LINE éclair".into(),
            "ABCDEFGHIJKLMNOP qrstuvwxyz0123456789 café’s 15km naïve Straße ×2 ÷3 ǝǝ".into(),
            "ǝx yǝ Əliyev\u{2019}s 9-10 km; x\u{300}y ‘quoted’ end".into(),
        ];
        texts.extend(crate::seed_texts::seed_texts());
        let mut compared = 0;
        for text in &texts {
            let normalized = normalize_text(text);
            let lower = text.to_ascii_lowercase();
            let mut ranges = super::super::resolve::sentence_spans(text);
            let boundaries: Vec<usize> = (0..=text.len())
                .filter(|&at| text.is_char_boundary(at))
                .collect();
            // Ranges starting and ending anywhere, inside words too.
            for (i, &start) in boundaries.iter().enumerate().step_by(7) {
                for &end in boundaries[i..].iter().step_by(13).take(6) {
                    ranges.push(start..end);
                }
            }
            for range in ranges {
                let mut read = Vec::new();
                push_words(&mut read, text, &lower, range.clone());
                let mut taken = Vec::new();
                push_sentence_words(&mut taken, text, &normalized, range.clone());
                assert_eq!(word_facts(&taken), word_facts(&read), "{:?}", &text[range]);
                compared += read.len();
            }
        }
        assert!(compared > 10_000, "{compared}");
    }

    /// The table of first bytes and lengths picks exactly the words the first test of
    /// `past_in` lets through, for every first byte and length.
    #[test]
    fn past_lengths_pick_the_words_the_first_test_lets_through() {
        for first in 0..=255u8 {
            for len in 0..40u32 {
                let wanted = PAST_LENGTHS[first as usize];
                let picked = wanted == ANY_LENGTH || (wanted != 0 && u32::from(wanted) == len);
                let lets_through = match first {
                    b'0'..=b'9' => true,
                    b'n' | b'e' => len == 8,
                    b'f' => len == 5,
                    _ => false,
                };
                assert_eq!(picked, lets_through, "{first} {len}");
            }
        }
    }

    /// The past read from the normaliser's words is the past read from the sentence's words,
    /// on the seeds and on sentences that recall the past or almost do.
    #[test]
    fn the_past_from_the_normalisers_words_is_the_past_from_the_sentences_words() {
        let mut texts = crate::seed_texts::seed_texts();
        texts.push(
            "In 1994 the war ended. Since 1994 it grew. The first Karabakh war. In the early \
             1990s, shelling. Back in the nineties. First, the war. 2020 is not the past. The \
             eighties were hard, said a man in 1988s. Of 1950 we know; by 2019 too. first \
             of all the war"
                .to_string(),
        );
        let made_up = texts.last().cloned().unwrap_or_default();
        texts.push(made_up.to_uppercase());
        texts.push(format!("{made_up} in 1988"));
        let mut pasts = 0;
        for text in &texts {
            let normalized = normalize_text(text);
            let lower = text.to_ascii_lowercase();
            for range in super::super::resolve::sentence_spans(text) {
                let Some(plain) = plain_sentence_words(&normalized, range.clone()) else {
                    continue;
                };
                let read = words(text, &lower, range.clone());
                let past = tells_of_the_past(&read);
                let from_normaliser =
                    tells_of_the_past_plain(&normalized, &normalized.words[plain.clone()]);
                assert_eq!(from_normaliser, past);
                // The words picked by the table answer as every word does.
                let words = &normalized.words[plain];
                let every_word = plain_past_in(&normalized, words, 0..words.len());
                assert_eq!(from_normaliser, every_word, "{:?}", &text[range]);
                pasts += usize::from(past.is_some());
            }
        }
        assert!(pasts >= 8, "only {pasts} sentences tell of the past");
    }

    /// The test by bytes answers as the test by characters does.
    #[test]
    fn gaps_of_spaces_are_told_as_characters_tell_them() {
        let text = "Baku  said,\tYerevan\u{a0}replied \n and\u{2009}Moscow x";
        for from in 0..=text.len() {
            for to in from..=text.len() {
                let plain = text
                    .get(from..to)
                    .is_some_and(|gap| gap.chars().all(char::is_whitespace));
                assert_eq!(only_spaces(text, from, to), plain, "{from}..{to}");
            }
        }
    }

    #[test]
    fn words_are_lower_cased_with_their_offsets_and_capitals() {
        let text = "Shelling hit ŞUŞA, Xankəndi and Ganja's 2nd district.";
        let lower = text.to_ascii_lowercase();
        let found = words(text, &lower, 0..text.len());
        let seen: Vec<(&str, &str, bool)> = found
            .iter()
            .map(|w| (&text[w.start..w.end], w.lower.as_ref(), w.capitalised))
            .collect();
        assert_eq!(
            seen,
            [
                ("Shelling", "shelling", true),
                ("hit", "hit", false),
                ("ŞUŞA", "şuşa", true),
                ("Xankəndi", "xankəndi", true),
                ("and", "and", false),
                ("Ganja", "ganja", true),
                ("s", "s", false),
                ("2nd", "2nd", false),
                ("district", "district", false),
            ]
        );
        let inner = words(text, &lower, 13..19);
        assert_eq!(inner.len(), 1);
        assert_eq!(inner[0].lower, "şuşa");
    }

    /// Where the bytes say a name follows a word on its line, the full reading finds no
    /// dateline: at every character of the seeds and of datelines, slashes and odd spaces.
    #[test]
    fn names_after_a_word_on_their_line_are_never_datelines() {
        let mut texts = crate::seed_texts::seed_texts();
        texts.push(
            "STEPANAKERT, Oct 5 (Reuters) - Shelling hit Stepanakert.\nYEREVAN/BAKU (AFP) \
             — talks.\nBAKU | Ganja was hit.\n\u{b}Barda — x\t Tartar (AP) y /Goris - z\n  \
             Şuşa – fell, said\u{a0}Lachin (Reuters) and\u{c}Kapan | late\nCHARAKTAR, \
             Azerbaijan (AP) — fires.\nGANJA, Azerbaijan - x, Armenia (AP) y\nBARDA, \
             Azerbaijan, Oct 28 (Reuters) - z, Armenia, 12 (AP) w"
                .to_string(),
        );
        let mut shortcuts = 0;
        let mut datelines = 0;
        for text in &texts {
            for (start, _) in text.char_indices() {
                let end = text[start..]
                    .find(|c: char| !c.is_alphanumeric())
                    .map_or(text.len(), |len| start + len.max(1).min(text.len() - start));
                let end = text.ceil_char_boundary(end);
                let plain = is_dateline_plain(text, start, end);
                if follows_a_word_on_its_line(text, start) {
                    shortcuts += 1;
                    assert_eq!(
                        plain,
                        is_country_of_a_dateline(text, start, end),
                        "{:?}",
                        &text[start..end]
                    );
                }
                datelines += usize::from(plain);
                assert_eq!(is_dateline(text, start, end), plain);
            }
        }
        assert!(shortcuts > 1000 && datelines > 5, "{shortcuts} {datelines}");
    }
}
