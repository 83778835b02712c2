//! Tolls in the text: deaths, injured, displaced, with the words that qualify them
//! ("more than 400", "300 to 400", "half of the 140,000" → 70 000).

use std::ops::Range;

use crate::model::{Figure, Figures};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Measure {
    Deaths,
    Injured,
    Displaced,
}

const DEATH_WORDS: &[&str] = &[
    "dead",
    "killed",
    "kills",
    "killing",
    "deaths",
    "death toll",
    "died",
    "lives",
    "toll",
    // Recovered dead: "15 more bodies", "the remains of 12 servicemen".
    "bodies",
    "remains of",
    // "9 more soldiers who fell in battle, bringing the number of fallen to 940".
    "fell in battle",
    "fell in combat",
    "fell in the war",
    "fell in the fighting",
    "fell in action",
    "fallen",
];
// "Hurt" only in the passive: "about 30 were hurt", not "the hurt pride".
const INJURY_WORDS: &[&str] = &[
    "injured",
    "wounded",
    "wounding",
    "injuring",
    "injuries",
    "were hurt",
    "been hurt",
];
const DISPLACED_WORDS: &[&str] = &[
    "displaced",
    "fled",
    "flee",
    "fleeing",
    "evacuated",
    "refugees",
    "homeless",
    // "driven tens of thousands of people out of their homes".
    "from their homes",
    "out of their homes",
    // Returns are counted with the displaced: "more than 20,000 of them had returned".
    "returned",
    "returnees",
    // People who left, told without "fled": "90,000 residents have left for Armenia".
    "have left",
    "had left",
    "have reached",
    "had reached",
    // Arrivals counted where they come: "2,300 people arrived", "1,500 newcomers".
    "arrived",
    "newcomers",
    "arrivals",
    "came back",
    // "about 1,800 have come back", "180 people crossed from Nagorno-Karabakh into Armenia".
    "come back",
    "crossed",
];

/// One number as written, with its value and byte span in the sentence.
#[derive(Clone, Debug, PartialEq)]
struct Quantity {
    value: u64,
    qualifier: String,
    start: usize,
    end: usize,
    /// "dozens", "hundreds", "tens of thousands": a count with no number in it. It still takes
    /// its toll's place in the sentence, but gives no figure: a number made up from it would
    /// show a precision the report does not have.
    vague: bool,
}

pub fn figures_in(sentence: &str) -> Figures {
    let lower = sentence.to_lowercase();
    let quantities = quantities(&lower);
    let mut figures = Figures::default();
    // Where the last count ended, and its measure: "killed four soldiers and two civilians"
    // adds the second group to the first, whatever toll word comes after it.
    // Whether that count went into the toll: a group joined to a breakdown ("including 22
    // Armenian civilians and 31 Azerbaijani") is part of the breakdown too.
    let mut last: Option<(usize, Measure, bool)> = None;
    let mut told_vaguely = [false; 3];
    for quantity in quantities {
        if is_age_after_a_name(sentence, quantity.start, quantity.end) {
            continue;
        }
        // "(14 October, page 20)": where a report stood, no count.
        if lower[..quantity.start].ends_with("page ")
            || lower[..quantity.start].ends_with("pages ")
            || lower[..quantity.start].ends_with("p. ")
        {
            continue;
        }
        let joined_to = last
            .filter(|&(end, _, _)| joins_a_group(&lower, end, quantity.start))
            .map(|(_, measure, counted)| (measure, counted));
        let Some(measure) = joined_to
            .map(|(measure, _)| measure)
            .or_else(|| measure_near(&lower, quantity.start, quantity.end))
        else {
            continue;
        };
        let joined = joined_to.is_some();
        if joined_to.is_some_and(|(_, counted)| !counted) {
            last = Some((quantity.end, measure, false));
            continue;
        }
        last = Some((quantity.end, measure, true));
        let slot_index = measure as usize;
        if quantity.vague {
            // "dozens killed, including 12 children": the 12 are a part, not the toll.
            told_vaguely[slot_index] = true;
            continue;
        }
        if told_vaguely[slot_index] {
            continue;
        }
        let slot = match measure {
            Measure::Deaths => &mut figures.deaths,
            Measure::Injured => &mut figures.injured,
            Measure::Displaced => &mut figures.displaced,
        };
        if joined && let Some(figure) = slot.as_mut() {
            figure.value += quantity.value;
            if let Some(text) = sentence.get(quantity.start..quantity.end) {
                figure.text.push_str(" + ");
                figure.text.push_str(text);
            }
            continue;
        }
        // The first toll in a sentence is the headline figure; later ones are its breakdown
        // ("more than 400 dead, including 22 Armenian civilians").
        if slot.is_some() {
            last = Some((quantity.end, measure, false));
        } else {
            *slot = Some(Box::new(Figure {
                value: quantity.value,
                qualifier: quantity.qualifier,
                text: sentence
                    .get(quantity.start..quantity.end)
                    .unwrap_or_default()
                    .to_string(),
                running_total: super::tolls::is_running_total_at(
                    &lower,
                    quantity.start,
                    quantity.end,
                ),
            }));
        }
    }
    // "Two guards died and a third was hurt": one more, named by its rank in the count.
    if figures.injured.is_none()
        && figures.deaths.is_some()
        && let Some(and_a) = lower.find("and a ")
        && let Some((from, at)) = ["third ", "fourth ", "fifth "].iter().find_map(|rank| {
            let from = and_a + "and ".len();
            lower[from + "a ".len()..]
                .starts_with(rank)
                .then(|| (from, from + "a ".len() + rank.len()))
        })
        && let Some(verb) = lower[at..]
            .strip_prefix("was ")
            .or_else(|| lower[at..].strip_prefix("person was "))
        && ["hurt", "wounded", "injured"]
            .iter()
            .any(|v| verb.starts_with(v))
    {
        figures.injured = Some(Box::new(Figure {
            value: 1,
            qualifier: String::new(),
            text: sentence.get(from..at - 1).unwrap_or_default().to_string(),
            running_total: false,
        }));
    }
    // "killing their 62-year-old neighbour", "wounding a woman": one victim named, no number.
    for (slot, verbs, vaguely) in [
        (&mut figures.deaths, &*SINGLE_DEATH_VERBS, told_vaguely[0]),
        (&mut figures.injured, &*SINGLE_INJURY_VERBS, told_vaguely[1]),
    ] {
        if slot.is_none()
            && !vaguely
            && let Some((range, victims)) = single_victim(&lower, verbs)
        {
            *slot = Some(Box::new(Figure {
                value: victims,
                qualifier: String::new(),
                text: sentence.get(range).unwrap_or_default().to_string(),
                running_total: false,
            }));
        }
    }
    figures
}

/// "Anahit Petrosyan, 62, was wounded", "Rafael, 45, fled": a number between commas right
/// after a name is the person's age, not a count.
fn is_age_after_a_name(sentence: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(after)) = (sentence.get(..start), sentence.get(end..)) else {
        return false;
    };
    after.starts_with(',')
        && before.strip_suffix(", ").is_some_and(|named| {
            named
                .rsplit(' ')
                .next()
                .is_some_and(|name| name.starts_with(|c: char| c.is_uppercase()))
        })
}

/// Whether the text between one count's end and the next count's start joins a second group of
/// the same toll: one or two words naming the first group, then "and" ("four soldiers and two
/// civilians"), not a breakdown ("400 dead, including 22 civilians") nor another clause.
fn joins_a_group(lower: &str, end: usize, start: usize) -> bool {
    let Some(gap) = lower.get(end..start) else {
        return false;
    };
    let words: Vec<&str> = gap.split_whitespace().collect();
    // "31 civilians killed and 102 injured": a toll word between starts another toll.
    matches!(words.len(), 2 | 3)
        && words.last() == Some(&"and")
        && first_measure(gap).is_none()
        && words[..words.len() - 1]
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
}

/// Verbs whose object is who was killed or wounded ("killing a civilian"): a stem, searched
/// for once (a searcher built once), and the endings that make it such a verb.
struct VictimVerbs {
    stems: Vec<(memchr::memmem::Finder<'static>, &'static [&'static str])>,
}

static SINGLE_DEATH_VERBS: std::sync::LazyLock<VictimVerbs> =
    std::sync::LazyLock::new(|| VictimVerbs {
        stems: vec![(memchr::memmem::Finder::new("kill"), &["ing", "ed", "s"])],
    });
static SINGLE_INJURY_VERBS: std::sync::LazyLock<VictimVerbs> =
    std::sync::LazyLock::new(|| VictimVerbs {
        stems: vec![
            (memchr::memmem::Finder::new("wound"), &["ing", "ed"]),
            (memchr::memmem::Finder::new("injur"), &["ing", "ed"]),
        ],
    });

/// The words of one victim named after a toll verb ("killing their 62-year-old neighbour",
/// "killed a man"): the byte range from the determiner to the noun, in `lower`, and how many
/// are named (two in "wounding a woman and her son"). A plural noun ("their neighbours", "his
/// children") or a word of quantity ("a number of") is no one victim.
fn single_victim(lower: &str, verbs: &VictimVerbs) -> Option<(Range<usize>, u64)> {
    for (stem, endings) in &verbs.stems {
        for at in stem.find_iter(lower.as_bytes()) {
            let stem_end = at + stem.needle().len();
            let Some(from) = endings
                .iter()
                .find(|ending| lower[stem_end..].starts_with(**ending))
                .map(|ending| stem_end + ending.len())
            else {
                continue;
            };
            if !super::lexicon::is_word_boundary(lower, at, from) {
                continue;
            }
            let mut words = lower[from..]
                .split(' ')
                .skip(1)
                .map(|w| w.trim_end_matches([',', '.', ';', ':']));
            let Some(determiner) = words.next() else {
                continue;
            };
            if !["a", "an", "one", "his", "her", "their"].contains(&determiner) {
                continue;
            }
            // Past what describes the victim ("62-year-old", "elderly").
            let Some(noun) = words.find(|w| !w.contains('-') && !VICTIM_DESCRIPTIONS.contains(w))
            else {
                continue;
            };
            let plural = noun.ends_with('s') || noun.ends_with("ren") || noun == "people";
            if plural || noun.is_empty() || QUANTITY_NOUNS.contains(&noun) {
                continue;
            }
            let start = from + 1;
            let end = lower[start..].find(noun).map(|i| start + i + noun.len())?;
            // "wounding a woman and her son": a second victim named after "and".
            let second = lower[end..].strip_prefix(" and ").and_then(|rest| {
                let mut words = rest
                    .split(' ')
                    .map(|w| w.trim_end_matches([',', '.', ';', ':']));
                let determiner = words.next()?;
                if !["a", "an", "his", "her", "their", "the"].contains(&determiner) {
                    return None;
                }
                let noun = words.find(|w| !w.contains('-') && !VICTIM_DESCRIPTIONS.contains(w))?;
                let plural = noun.ends_with('s') || noun.ends_with("ren") || noun == "people";
                (!plural && !noun.is_empty() && !QUANTITY_NOUNS.contains(&noun))
                    .then(|| {
                        rest.find(noun)
                            .map(|i| end + " and ".len() + i + noun.len())
                    })
                    .flatten()
            });
            return Some(match second {
                Some(second_end) => (start..second_end, 2),
                None => (start..end, 1),
            });
        }
    }
    None
}

/// Words before a victim's noun that only describe it.
const VICTIM_DESCRIPTIONS: &[&str] = &["young", "old", "elderly", "local", "pregnant", "teenage"];

/// Nouns after "a" that count several ("a number of", "a dozen", "a family").
const QUANTITY_NOUNS: &[&str] = &[
    "number", "lot", "total", "dozen", "group", "family", "few", "couple", "score", "record",
];

/// The measure a number counts: the nearest toll word after it within a few words, else the toll
/// word the sentence is about ("the death toll is 300 to 400").
fn measure_near(lower: &str, start: usize, end: usize) -> Option<Measure> {
    let after = first_chars(&lower[end..], 60);
    // "a 62-year-old neighbour", "60%", "a 10-storey block": the number describes a noun.
    if after.starts_with(['-', '%']) {
        return None;
    }
    // "one of 15 people killed", "one of the 9 people who died": the toll is the 15.
    if after.strip_prefix(" of ").is_some_and(|rest| {
        rest.strip_prefix("the ")
            .unwrap_or(rest)
            .starts_with(|c: char| c.is_ascii_digit())
    }) {
        return None;
    }
    // "a few hundred metres away", "60 per cent of the population": a distance or a share;
    // "after nearly two weeks of fighting that has killed hundreds": a length of time. No toll.
    if after.split_whitespace().next().is_some_and(|word| {
        matches!(
            word.trim_end_matches([',', '.', ';']),
            "metres"
                | "meters"
                | "km"
                | "kilometres"
                | "kilometers"
                | "miles"
                | "mm"
                | "per"
                | "percent"
                | "year-old"
                | "years-old"
                | "times"
                | "minute"
                | "minutes"
                | "hour"
                | "hours"
                | "day"
                | "days"
                | "week"
                | "weeks"
                | "month"
                | "months"
                | "year"
                | "years"
                | "decade"
                | "decades"
                // "3 million euros for displaced families": money, not people.
                | "euros"
                | "euro"
                | "dollars"
                | "dollar"
                | "usd"
                | "eur"
                | "manats"
                | "manat"
                | "drams"
                | "dram"
                | "rubles"
                | "roubles"
                | "pounds"
                | "francs"
                // "at least 12 houses were damaged", "600 vehicles": things, not people.
                | "houses"
                | "homes"
                | "buildings"
                | "apartments"
                | "flats"
                | "cars"
                | "vehicles"
                | "trucks"
                | "buses"
                | "tanks"
                | "villages"
                | "settlements"
                | "schools"
                | "hospitals"
                | "shops"
                | "kits"
                | "tonnes"
                | "tons"
                // "the remains of two rocket casings", "hit by 30 rockets", "the two sides":
                // weapons and parties are not the dead.
                | "rocket"
                | "rockets"
                | "missile"
                | "missiles"
                | "shells"
                | "casings"
                | "munitions"
                | "submunitions"
                | "bombs"
                | "drones"
                | "sides"
        )
    }) {
        return None;
    }
    let before = last_chars(&lower[..start], 40);
    // "US$ 35 million to help evacuees", "€3m": an amount of money.
    let just_before = before.trim_end_matches(' ');
    // "Zarina, who died aged 72, was one of 15 people killed": an age, not a toll.
    if just_before.ends_with(" aged") || just_before.ends_with(" age") {
        return None;
    }
    // "no one was injured": nobody, not one.
    if just_before == "no" || just_before.ends_with(" no") {
        return None;
    }
    if just_before.ends_with(['$', '\u{20ac}', '\u{a3}'])
        || ["usd", "eur", "chf", "amd", "azn"]
            .iter()
            .any(|code| just_before.ends_with(code))
    {
        return None;
    }
    // "killing at least nine civilians and wounding more than 30": a toll verb right before the
    // number (past its qualifier) counts it, whatever toll word follows.
    if let Some(measure) = verb_right_before(before) {
        return Some(measure);
    }
    if let Some((pos, measure)) = first_measure(after) {
        // "127 dead", "200 people have been reported killed", "two shepherds from a hamlet in
        // the Martuni area were injured"; "thousands of enemy soldiers" is not a toll.
        let gap = &after[..pos];
        if gap.split_whitespace().count() <= 10 && !gap.contains(['.', ',', ';']) {
            return Some(measure);
        }
    }
    if let Some(measure) = measure_past_aside(&lower[end..]) {
        return Some(measure);
    }
    if let Some(measure) = measure_past_dashed_aside(&lower[end..]) {
        return Some(measure);
    }
    if lower[..start].trim_end_matches(' ').ends_with(',')
        && let Some(measure) = measure_after_own_aside(&lower[end..])
    {
        return Some(measure);
    }
    // "killing at least nine civilians": the toll verb comes just before the number.
    if let Some((_, measure)) = first_measure(last_three_words(before)) {
        return Some(measure);
    }
    // "the death toll is 300 to 400", not "the death toll is not known, and 30 houses".
    let clause_before = &before[before.rfind([',', ';', '.']).map_or(0, |i| i + 1)..];
    if let Some((_, measure)) = first_measure(clause_before)
        && (clause_before.contains("toll") || clause_before.contains("displaced"))
    {
        return Some(measure);
    }
    toll_subject_of_clause(&lower[..start])
}

/// The measure of the toll word after a number and an aside that names part of it: "At least
/// 200 people, including 25 civilians, have been killed". The number's own noun comes first (a
/// word or two), the aside runs from ", including" to the next comma, and the toll word follows
/// within a few words.
fn measure_past_aside(after_number: &str) -> Option<Measure> {
    // "200 people, including 25 civilians, have been killed", "two people, aged 62 and 70,
    // were killed", "300 residents, mostly women and children, fled", "one civilian, a
    // teenager, was killed".
    const ASIDES: &[&str] = &[
        ", including ",
        ", aged ",
        ", mostly ",
        ", among them ",
        ", a ",
        ", an ",
    ];
    let after = first_chars(after_number, 120);
    // The first comma opens the aside or none does (the words before it are checked below).
    let aside = after.find(", ")?;
    let opener = ASIDES
        .iter()
        .find(|opener| after[aside..].starts_with(**opener))?
        .len();
    if after[..aside].split_whitespace().count() > 2 || after[..aside].contains(['.', ';', ',']) {
        return None;
    }
    let aside_end = aside + opener + after[aside + opener..].find(", ")? + ", ".len();
    let rest = &after[aside_end..];
    measure_within(rest, 4)
}

/// The measure of the first toll word in `rest`, when at most `words` words and no stop or comma
/// stand before it.
fn measure_within(rest: &str, words: usize) -> Option<Measure> {
    let (at, measure) = first_measure(rest)?;
    let gap = &rest[..at];
    (gap.split_whitespace().count() <= words && !gap.contains(['.', ',', ';'])).then_some(measure)
}

/// The measure of the toll word after a number, its noun and an aside between dashes: "some
/// 90,000 people - about 60 per cent of the population - have been displaced".
fn measure_past_dashed_aside(after_number: &str) -> Option<Measure> {
    let after = first_chars(after_number, 160);
    let (open, dash) = [" - ", " – ", " — "]
        .iter()
        .find_map(|dash| after.find(dash).map(|at| (at, *dash)))?;
    if after[..open].split_whitespace().count() > 2 || after[..open].contains(['.', ';', ',']) {
        return None;
    }
    let inside = open + dash.len();
    let close = inside + after[inside..].find(dash)? + dash.len();
    if after[inside..close].contains(['.', ';']) {
        return None;
    }
    let rest = &after[close..];
    measure_within(rest, 4)
}

/// The measure of the toll word after a number that is itself an aside: "more than half of the
/// population of the region, about 90,000 people, have been displaced". The aside closes after
/// the number's noun, and the toll word follows within a few words.
fn measure_after_own_aside(after_number: &str) -> Option<Measure> {
    let after = first_chars(after_number, 60);
    let comma = after.find(", ")?;
    if after[..comma].split_whitespace().count() > 1 {
        return None;
    }
    let rest = &after[comma + ", ".len()..];
    measure_within(rest, 3)
}

/// The measure of a toll that is the subject of the clause the number ends: "The death toll
/// among Armenian-backed soldiers in Nagorno-Karabakh has risen to 350", "the number of
/// displaced people in the region stood at 90,000". The number must follow a verb that gives
/// the toll its value ("risen to", "stands at", "reached", "is"), and nothing but the clause's
/// own words may part them: a comma, a semicolon or a stop starts another clause.
fn toll_subject_of_clause(before: &str) -> Option<Measure> {
    const CLAUSE_BREAKS: [char; 6] = [',', ';', ':', '.', '(', '\n'];
    // The words right before the number (its qualifiers set aside) that give the subject its
    // value; "to" and "at" only after a verb of change or standing ("a toll road leads to 3
    // villages" gives no toll).
    const VALUE_VERBS: [&str; 8] = [
        "reached", "hit", "is", "was", "are", "were", "topped", "passed",
    ];
    const VERBS_BEFORE_TO: [&str; 10] = [
        "rose",
        "risen",
        "climbed",
        "increased",
        "grown",
        "grew",
        "jumped",
        "soared",
        "gone",
        "went",
    ];
    const VERBS_BEFORE_AT: [&str; 4] = ["stands", "stood", "is", "was"];
    const QUALIFIERS: [&str; 9] = [
        "least", "more", "than", "some", "about", "nearly", "over", "around", "almost",
    ];
    // Far enough for a subject with a place and a group ("among ... in ..."), not for a
    // paragraph's worth of words.
    const MOST_CHARACTERS: usize = 160;
    let clause_start = before.rfind(CLAUSE_BREAKS).map_or(0, |i| i + 1);
    let clause = last_chars(&before[clause_start..], MOST_CHARACTERS);
    let mut words = clause
        .split_whitespace()
        .rev()
        .skip_while(|word| QUALIFIERS.contains(word));
    let gives_value = match words.next()? {
        "to" => words
            .next()
            .is_some_and(|verb| VERBS_BEFORE_TO.contains(&verb)),
        "at" => words
            .next()
            .is_some_and(|verb| VERBS_BEFORE_AT.contains(&verb)),
        verb => VALUE_VERBS.contains(&verb),
    };
    if !gives_value {
        return None;
    }
    // "death toll" and a bare "toll" count deaths; "the number of displaced people" counts the
    // displaced, "the number of soldiers" nothing.
    if let Some(toll) = clause.find("toll")
        && super::lexicon::is_word_boundary(clause, toll, toll + "toll".len())
    {
        return Some(Measure::Deaths);
    }
    let number_of = clause.find("number of")?;
    first_measure(&clause[number_of..]).map(|(_, measure)| measure)
}

/// `before` from the start of its third-last word (split at white space) on. The measure found
/// in it is that of the three words joined by single spaces, which is what was searched
/// before: the words are the same, and the only toll phrase of two words ("death toll") ends
/// with a toll word of the same measure.
fn last_three_words(before: &str) -> &str {
    match crate::text::words_back(before).take(3).last() {
        Some(word) => &before[word.as_ptr() as usize - before.as_ptr() as usize..],
        None => "",
    }
}

/// The toll word that ends `before` once a number's qualifier ("at least", "more than",
/// "some", …) is set aside, with nothing else between: "killing at least" → deaths; "300 dead,"
/// → none (a comma parts the toll word from the number).
fn verb_right_before(before: &str) -> Option<Measure> {
    const QUALIFIER_WORDS: [&str; 15] = [
        "at",
        "least",
        "more",
        "than",
        "some",
        "about",
        "nearly",
        "over",
        "up",
        "to",
        "around",
        "almost",
        "approximately",
        "as",
        "many",
    ];
    let mut words = before.split_whitespace().rev();
    let last = words.find(|word| !QUALIFIER_WORDS.contains(word))?;
    if !last.chars().all(char::is_alphabetic) {
        return None;
    }
    first_measure(last)
        .filter(|&(at, _)| at == 0)
        .map(|(_, measure)| measure)
}

/// The first `n` characters of `text`.
fn first_chars(text: &str, n: usize) -> &str {
    let end = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// The last `n` characters of `text`.
fn last_chars(text: &str, n: usize) -> &str {
    let start = n
        .checked_sub(1)
        .and_then(|back| text.char_indices().rev().nth(back))
        .map_or(if n == 0 { text.len() } else { 0 }, |(i, _)| i);
    &text[start..]
}

/// The first toll word in `text` (whole words), with its measure: one walk over the text's word
/// starts. At one start at most one listed word is whole, so the lists' order does not matter.
fn first_measure(text: &str) -> Option<(usize, Measure)> {
    // Byte by byte: only a character outside ASCII is decoded (to tell whether it is a letter
    // that glues the next one to its word).
    let bytes = text.as_bytes();
    let mut previous_is_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !b.is_ascii() {
            let c = text[i..].chars().next()?;
            previous_is_word = c.is_alphanumeric();
            i += c.len_utf8();
            continue;
        }
        let at_word_start = !previous_is_word;
        previous_is_word = b.is_ascii_alphanumeric();
        if at_word_start
            && b.is_ascii_lowercase()
            && let Some(measure) = measure_at(text, i)
        {
            return Some((i, measure));
        }
        i += 1;
    }
    None
}

/// The measure of the toll word that stands whole at byte `i` of `text`, if one does.
fn measure_at(text: &str, i: usize) -> Option<Measure> {
    let rest = &text[i..];
    let first = *rest.as_bytes().first()?;
    for (words, measure) in MEASURES {
        for word in words {
            if word.as_bytes()[0] == first
                && rest.starts_with(word)
                && super::lexicon::is_word_boundary(text, i, i + word.len())
            {
                return Some(measure);
            }
        }
    }
    None
}

const MEASURES: [(&[&str], Measure); 3] = [
    (DEATH_WORDS, Measure::Deaths),
    (INJURY_WORDS, Measure::Injured),
    (DISPLACED_WORDS, Measure::Displaced),
];

/// [`first_measure`] character by character, as first written: the reference it is tested
/// against.
#[cfg(test)]
fn first_measure_by_chars(text: &str) -> Option<(usize, Measure)> {
    let mut previous: Option<char> = None;
    for (i, c) in text.char_indices() {
        let at_word_start = !previous.is_some_and(char::is_alphanumeric);
        previous = Some(c);
        if !at_word_start || !c.is_ascii_lowercase() {
            continue;
        }
        let rest = &text[i..];
        for (words, measure) in MEASURES {
            for word in words {
                if word.as_bytes()[0] == c as u8
                    && rest.starts_with(word)
                    && super::lexicon::is_word_boundary(text, i, i + word.len())
                {
                    return Some((i, measure));
                }
            }
        }
    }
    None
}

/// The first whole-word occurrence of `word`: the word-by-word search `first_measure` replaces,
/// kept to check it.
#[cfg(test)]
fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(pos) = text[from..].find(word) {
        let start = from + pos;
        let end = start + word.len();
        if super::lexicon::is_word_boundary(text, start, end) {
            return Some(start);
        }
        from = end;
    }
    None
}

/// Number words and their values, and [`small_number`], a `match` over the same words (a linear
/// search of the table ran at most words of every sentence with a toll word).
macro_rules! small_numbers {
    ($(($word:literal, $value:expr)),* $(,)?) => {
        const SMALL_NUMBERS: &[(&str, u64)] = &[$(($word, $value)),*];

        /// The value of a one-word entry of [`SMALL_NUMBERS`].
        fn small_number(word: &str) -> Option<u64> {
            match word {
                $($word => Some($value),)*
                _ => None,
            }
        }
    };
}

small_numbers![
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("a hundred", 100),
    ("hundreds", 100),
    ("a thousand", 1000),
    ("thousands", 1000),
    ("tens of thousands", 10_000),
    ("hundreds of thousands", 100_000),
    ("dozens", 24),
    ("a dozen", 12),
];

/// The entries of [`SMALL_NUMBERS`] that name no number: counts, not figures.
const VAGUE_COUNTS: &[&str] = &[
    "hundreds",
    "thousands",
    "tens of thousands",
    "hundreds of thousands",
    "dozens",
];

/// The first bytes of [`SMALL_NUMBERS`]: most words start with none of them.
const SMALL_NUMBER_STARTS: &[u8] = b"adefhnost";

const QUALIFIERS: &[&str] = &[
    "more than",
    "over",
    "at least",
    "some",
    "about",
    "around",
    "nearly",
    "almost",
    "up to",
    "a total of",
    "fewer than",
    "less than",
];

/// Every quantity in a lower-cased sentence: numerals ("140,000", "1 200"), number words,
/// ranges ("300 to 400") and fractions of a quantity ("half of the 140,000").
fn quantities(lower: &str) -> Vec<Quantity> {
    quantities_skipping(lower, true)
}

/// [`quantities`], which passes over the inside of ASCII words at once when `skip_words` (else
/// byte by byte, the plain way it is tested against).
fn quantities_skipping(lower: &str, skip_words: bool) -> Vec<Quantity> {
    let mut found = Vec::new();
    let bytes = lower.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Read at every byte: the byte before tells when it is ASCII (as most are).
        let at_word_start = match i.checked_sub(1).map(|k| bytes[k]) {
            None => true,
            Some(before) if before.is_ascii() => !before.is_ascii_alphanumeric(),
            Some(_) => !lower[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric),
        };
        if !at_word_start || !lower.is_char_boundary(i) {
            if skip_words && bytes[i].is_ascii_alphanumeric() {
                // The rest of an ASCII word holds no word start: passed over at once.
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                continue;
            }
            i += lower[i..].chars().next().map_or(1, char::len_utf8).max(1);
            continue;
        }
        if let Some((value, end)) = number_at(lower, i) {
            let vague = VAGUE_COUNTS.contains(&&lower[i..end]);
            let mut start = i;
            // A year is four bare digits: "2,000" and "two thousand" are counts.
            let year_like = (1900..=2100).contains(&value)
                && lower[i..end].len() == 4
                && lower[i..end].bytes().all(|b| b.is_ascii_digit());
            // "one million", "1.5 million", "two thousand": the multiplier is the number's.
            let (value, end) = scaled(lower, value, end);
            let mut value = value;
            let mut end = end;
            let mut qualifier = String::new();
            // "300 to 400": keep the low end as the value, the range as the qualifier.
            if let Some(rest) = lower[end..].strip_prefix(" to ")
                && let Some((high, high_end)) = number_at(lower, end + 4)
                && !rest.is_empty()
            {
                qualifier = format!("{value} to {high}");
                end = high_end;
            }
            let head = lower[..start].trim_end();
            for q in QUALIFIERS {
                if head.ends_with(q)
                    && super::lexicon::is_word_boundary(head, head.len() - q.len(), head.len())
                {
                    start = head.len() - q.len();
                    qualifier = q.to_string();
                    break;
                }
            }
            let mut fraction_head = lower[..start].trim_end();
            // "half of Karabakh's estimated 150,000", "a third of the town's 12,000": the
            // fraction is of the population a possessive names.
            for word in ["estimated", "entire", "whole", "total"] {
                if let Some(head) = fraction_head.strip_suffix(word)
                    && head.ends_with(' ')
                {
                    fraction_head = head.trim_end();
                }
            }
            if let Some(owner) = fraction_head
                .strip_suffix("'s")
                .or_else(|| fraction_head.strip_suffix("\u{2019}s"))
                && let Some(space) = owner.rfind(' ')
                && let Some(head) = owner[..space]
                    .strip_suffix(" the")
                    .or(Some(&owner[..space]))
                && head.ends_with(" of")
            {
                fraction_head = head;
            }
            for (word, numerator, denominator) in [
                ("half of the", 1, 2),
                ("half of", 1, 2),
                ("a third of the", 1, 3),
                ("a third of", 1, 3),
                ("a quarter of the", 1, 4),
                ("a quarter of", 1, 4),
                ("two thirds of the", 2, 3),
                ("two thirds of", 2, 3),
                ("two-thirds of the", 2, 3),
                ("two-thirds of", 2, 3),
            ] {
                if fraction_head.ends_with(word) {
                    start = fraction_head.len() - word.len();
                    value = value * numerator / denominator;
                    qualifier = word
                        .trim_end_matches(" the")
                        .trim_end_matches(" of")
                        .to_string();
                    break;
                }
            }
            // Years, days of a month and clock times are dates, not tolls.
            let counts = (!year_like || lower[end..].starts_with(" people"))
                && !is_day_of_month_or_clock(lower, i, end);
            if counts {
                found.push(Quantity {
                    value,
                    qualifier,
                    start,
                    end,
                    vague,
                });
            }
            i = end;
        } else {
            i += lower[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    found
}

/// A number read up to `end`, with the multiplier after it ("one million", "1.5 million", "two
/// thousand"): the value and where the multiplier ends. A decimal part counts only before one.
fn scaled(lower: &str, value: u64, end: usize) -> (u64, usize) {
    let rest = &lower[end..];
    // "1.5 million": the tenths (or hundredths) before the multiplier.
    let (fraction, fraction_digits, rest_at) = match rest.strip_prefix('.') {
        Some(after) => {
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            match after[..digits].parse::<u64>() {
                Ok(f) if (1..=3).contains(&digits) => (f, digits as u32, end + 1 + digits),
                _ => (0, 0, end),
            }
        }
        None => (0, 0, end),
    };
    for (word, multiplier) in [
        (" million", 1_000_000u64),
        (" thousand", 1_000),
        (" hundred", 100),
    ] {
        let after = &lower[rest_at..];
        if after.starts_with(word)
            && super::lexicon::is_word_boundary(lower, rest_at + 1, rest_at + word.len())
        {
            let whole = value.saturating_mul(multiplier);
            let part = fraction.saturating_mul(multiplier) / 10u64.pow(fraction_digits);
            return (whole.saturating_add(part), rest_at + word.len());
        }
    }
    (value, end)
}

/// "Oct 28 (Reuters)", "on 28 October", "16:45 GMT": the number at `start..end` is a day of a
/// month or a time of day.
fn is_day_of_month_or_clock(lower: &str, start: usize, end: usize) -> bool {
    // "may" only before a number: "13 may have died" counts.
    let is_month = |word: &str| {
        let word = word.trim_end_matches(['.', ',']);
        word != "may" && crate::when::month(word).is_some()
    };
    let after = &lower[end..];
    if after.starts_with(':') && after[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let before = lower[..start].trim_end();
    if let Some(hours) = before.strip_suffix(':')
        && hours.ends_with(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    // "on October 28": a day after its month, but not a count after a whole date ("since 27
    // September 35 civilians have been killed") nor a number no month has.
    let mut words_before = before.rsplit(|c: char| c.is_whitespace());
    let after_month = words_before
        .next()
        .is_some_and(|word| is_month(word) || word == "may");
    let is_day_number = |text: &str| text.parse::<u32>().is_ok_and(|n| (1..=31).contains(&n));
    let dated_already = words_before.next().is_some_and(is_day_number);
    (after_month && !dated_already && is_day_number(&lower[start..end]))
        || after.split_whitespace().next().is_some_and(is_month)
}

/// Digits with thousands separators (',', a space or a no-break space before three digits
/// and no fourth) at byte `i` of `lower`, which holds a digit: (value, end). Read byte by byte,
/// the value summed as it goes (a string of digits and a list of characters were made for each
/// number before); `None` where letters are glued to the digits ("F-16", "9th") or the value
/// overflows, as parsing the digits gave.
fn numeral_at(lower: &str, i: usize) -> Option<(u64, usize)> {
    let bytes = lower.as_bytes();
    let digit_at = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
    let mut value: Option<u64> = Some(0);
    let mut end = i;
    let mut k = i;
    while let Some(&b) = bytes.get(k) {
        if b.is_ascii_digit() {
            value = value
                .and_then(|v| v.checked_mul(10))
                .and_then(|v| v.checked_add(u64::from(b - b'0')));
            k += 1;
            end = k;
            continue;
        }
        let separator = match b {
            b',' | b' ' => 1,
            0xC2 if bytes.get(k + 1) == Some(&0xA0) => 2,
            _ => break,
        };
        let after = k + separator;
        if digit_at(after) && digit_at(after + 1) && digit_at(after + 2) && !digit_at(after + 3) {
            k = after;
        } else {
            break;
        }
    }
    if lower[end..].starts_with(|c: char| c.is_alphabetic()) {
        // "F-16", "COVID-19" glued to letters, "9th": not a count.
        return None;
    }
    value.map(|v| (v, end))
}

/// [`numeral_at`] as first written, collecting the characters and the digits: the reference it
/// is tested against.
#[cfg(test)]
fn numeral_by_chars(lower: &str, i: usize) -> Option<(u64, usize)> {
    let rest = &lower[i..];
    let mut end = i;
    let mut digits = String::new();
    // The number's digits and separators, and the character that ends them: the separator
    // test looks ahead only while it sees digits, so never past that character.
    let mut chars: Vec<(usize, char)> = Vec::new();
    for (offset, c) in rest.char_indices() {
        chars.push((offset, c));
        if !(c.is_ascii_digit() || c == ',' || c == '\u{a0}' || c == ' ') {
            break;
        }
    }
    let mut k = 0;
    while k < chars.len() {
        let (offset, c) = chars[k];
        if c.is_ascii_digit() {
            digits.push(c);
            end = i + offset + 1;
        } else if (c == ',' || c == '\u{a0}' || c == ' ')
            && chars.get(k + 1).is_some_and(|(_, d)| d.is_ascii_digit())
            && chars.get(k + 2).is_some_and(|(_, d)| d.is_ascii_digit())
            && chars.get(k + 3).is_some_and(|(_, d)| d.is_ascii_digit())
            && !chars.get(k + 4).is_some_and(|(_, d)| d.is_ascii_digit())
        {
            // a thousands separator
        } else {
            break;
        }
        k += 1;
    }
    if lower[end..].starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    digits.parse().ok().map(|v| (v, end))
}

/// A number starting at `i`: digits with thousands separators, or a number word.
fn number_at(lower: &str, i: usize) -> Option<(u64, usize)> {
    let rest = &lower[i..];
    if rest.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return numeral_at(lower, i);
    }
    // Compared by first byte before the whole word: this runs at every word of the sentence.
    let first = rest.as_bytes().first().copied()?;
    if !SMALL_NUMBER_STARTS.contains(&first) {
        return None;
    }
    // Only the phrases of "a" ("a hundred"), "tens" and "hundreds" ("tens of thousands") hold
    // more than a word: any other whole-word match is the ASCII word here itself, looked up at
    // once.
    let word_len = rest
        .bytes()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    if !matches!(&rest[..word_len], "a" | "tens" | "hundreds") {
        return small_number(&rest[..word_len])
            .filter(|_| super::lexicon::is_word_boundary(lower, i, i + word_len))
            .map(|value| (value, i + word_len));
    }
    small_number_at(lower, i)
}

/// The longest entry of [`SMALL_NUMBERS`] that stands as whole words at byte `i` of `lower`.
fn small_number_at(lower: &str, i: usize) -> Option<(u64, usize)> {
    let rest = &lower[i..];
    let first = rest.as_bytes().first().copied()?;
    SMALL_NUMBERS
        .iter()
        .filter(|(word, _)| {
            word.as_bytes().first() == Some(&first)
                && rest.starts_with(word)
                && super::lexicon::is_word_boundary(lower, i, i + word.len())
        })
        .max_by_key(|(word, _)| word.len())
        .map(|(word, value)| (*value, i + word.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_found_passing_over_words_are_those_found_byte_by_byte() {
        let mut texts: Vec<String> = vec![
            "More than 400 dead, 300 to 400 wounded and half of the 140,000 displaced.".into(),
            "Some 2 000 soldiers; F-16s, COVID-19, the 9th day; a dozen ŞUŞA residents fled."
                .into(),
            "ninety-nine killed, twenty1 x3 wounded, 1\u{a0}200 homeless".into(),
        ];
        texts.extend(crate::seed_texts::seed_texts());
        let mut found = 0;
        for text in &texts {
            let lower = text.to_lowercase();
            let fast = quantities(&lower);
            assert_eq!(fast, quantities_skipping(&lower, false), "{text:?}");
            found += fast.len();
        }
        assert!(found > 20, "the texts hold quantities: {found}");
    }

    #[test]
    fn small_numbers_looked_up_by_word_are_those_of_trying_every_entry() {
        let texts = [
            "a hundred killed, hundreds fled, a dozen wounded, dozens of tens",
            "twenty-one, fifteen’s, eleven: a thousand; thousands… one. tenth oneself",
            "tens of thousands fled, hundreds of thousands, hundreds of them, tens of them, tens",
            "a",
            "an",
            "a  hundred",
            "a hundredth",
            "ten",
            "tenéé",
            "ten’",
            "é ten",
        ];
        let mut found = 0;
        for text in texts {
            for i in 0..=text.len() {
                if !text.is_char_boundary(i) || text[i..].starts_with(|c: char| c.is_ascii_digit())
                {
                    continue;
                }
                let expected = text.as_bytes().get(i).and_then(|b| {
                    SMALL_NUMBER_STARTS
                        .contains(b)
                        .then(|| small_number_at(text, i))
                        .flatten()
                });
                assert_eq!(number_at(text, i), expected, "{text:?} at {i}");
                found += usize::from(expected.is_some());
            }
        }
        assert!(found > 10, "{found}");
    }

    #[test]
    fn toll_words_found_byte_by_byte_are_those_found_by_characters() {
        let mut texts: Vec<String> = vec![
            "the death toll: 300 dead, éinjured, şkilled, ‘wounded’, displaced".into(),
            "Xkilled killedx killed—fled «refugees» 2dead".into(),
        ];
        texts.extend(
            crate::seed_texts::seed_sentences()
                .iter()
                .map(|sentence| sentence.to_lowercase()),
        );
        let mut found = 0;
        for text in &texts {
            for (start, _) in text.char_indices() {
                let part = &text[start..];
                let expected = first_measure_by_chars(part);
                assert_eq!(first_measure(part), expected, "{part:?}");
                found += usize::from(expected.is_some());
            }
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn numerals_read_byte_by_byte_are_those_of_collecting_characters() {
        let mut texts: Vec<String> = vec![
            "140,000 and 1 200 and 1\u{a0}200 and 12,34 and 1,2345 and 1,234,567 people".into(),
            "F-16s, COVID-19, the 9th day, 3.5 km, 300 to 400, 2020, 1 000x, 99 999é, 7,000."
                .into(),
            "99999999999999999999 and 18446744073709551615 and 18446744073709551616 dead".into(),
            "1 23 4, 1  234, 1, 234, 5 678 9 012 345, 0007 and 12\u{a0}345\u{a0}678".into(),
        ];
        texts.extend(crate::seed_texts::seed_texts());
        let mut numerals = 0;
        for text in &texts {
            let lower = text.to_lowercase();
            for (i, _) in lower.char_indices().filter(|(_, c)| c.is_ascii_digit()) {
                assert_eq!(
                    numeral_at(&lower, i),
                    numeral_by_chars(&lower, i),
                    "{lower:?} at {i}"
                );
                numerals += 1;
            }
        }
        assert!(numerals > 200, "{numerals}");
    }

    #[test]
    fn the_last_three_words_hold_the_measure_of_the_three_joined() {
        let mut texts: Vec<String> = vec![
            "the death  toll rose to 30, killing\u{a0}at least 12 and wounding   more than 9"
                .into(),
            "  fled.  displaced\tdeath\u{2003}toll  ".into(),
        ];
        texts.extend(crate::seed_texts::seed_sentences());
        let mut found = 0;
        for text in &texts {
            let lower = text.to_lowercase();
            for (end, _) in lower.char_indices() {
                let before = last_chars(&lower[..end], 40);
                let words: Vec<&str> = before.split_whitespace().collect();
                let joined = words[words.len().saturating_sub(3)..].join(" ");
                let plain = first_measure(&joined).map(|(_, m)| m);
                assert_eq!(
                    first_measure(last_three_words(before)).map(|(_, m)| m),
                    plain
                );
                found += usize::from(plain.is_some());
            }
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn small_number_starts_are_the_first_bytes_of_the_small_numbers() {
        let mut firsts: Vec<u8> = SMALL_NUMBERS.iter().map(|(w, _)| w.as_bytes()[0]).collect();
        firsts.sort_unstable();
        firsts.dedup();
        assert_eq!(firsts, SMALL_NUMBER_STARTS);
    }

    #[test]
    fn a_qualified_death_toll() {
        let f = figures_in(
            "The official death toll rose this morning to more than 400 dead, including 22 civilians.",
        );
        let deaths = f
            .deaths
            .clone()
            .unwrap_or_else(|| panic!("no deaths in {f:?}"));
        assert_eq!(deaths.value, 400);
        assert_eq!(deaths.qualifier, "more than");
        // A second group joined to the breakdown is part of it, not added to the toll.
        let f = figures_in(
            "The toll rose to more than 400 dead, including 22 Armenian civilians and 31 \
             Azerbaijani.",
        );
        assert_eq!(
            f.deaths.map(|d| (d.value, d.text)),
            Some((400, "more than 400".into()))
        );
        let f = figures_in("Shelling killed four soldiers and two civilians.");
        assert_eq!(f.deaths.map(|d| d.value), Some(6));
    }

    #[test]
    fn an_age_after_a_name_is_no_count_and_an_aside_of_ages_is_passed() {
        let f = figures_in("Anahit Petrosyan, 62, was wounded when a shell hit her house.");
        assert!(f.injured.as_ref().is_none_or(|d| d.value == 1), "{f:?}");
        let f = figures_in("Rafael, 45, fled Hadrut with his family.");
        assert!(f.displaced.is_none(), "{f:?}");
        let f = figures_in("Two people, aged 62 and 70, were killed in Tartar on Monday.");
        assert_eq!(f.deaths.map(|d| d.value), Some(2));
        let f = figures_in("A bomb exploded in a courtyard, wounding a woman and her son.");
        assert_eq!(f.injured.map(|d| d.value), Some(2));
        let f =
            figures_in("A drone hit a car, killing its driver and wounding a man and his sons.");
        assert_eq!(f.injured.map(|d| d.value), Some(1));
        let f = figures_in("One civilian, a teenager, was killed and 32 people were wounded.");
        assert_eq!(f.deaths.map(|d| d.value), Some(1));
        assert_eq!(f.injured.map(|d| d.value), Some(32));
        // A count after a place and a comma stays a count.
        let f = figures_in("In Tartar, 12 were killed on Monday.");
        assert_eq!(f.deaths.map(|d| d.value), Some(12));
    }

    #[test]
    fn hurt_in_the_passive_is_an_injury() {
        let f = figures_in("Officials said 9 people died and about 30 were hurt.");
        assert_eq!(f.deaths.map(|d| d.value), Some(9));
        assert_eq!(f.injured.map(|d| d.value), Some(30));
        let f = figures_in("No one was hurt: the 30 people inside were in the basement.");
        assert!(f.injured.is_none(), "{f:?}");
    }

    #[test]
    fn a_range_keeps_both_ends() {
        let f =
            figures_in("The official death toll is 300 to 400, including around fifty civilians.");
        let deaths = f
            .deaths
            .clone()
            .unwrap_or_else(|| panic!("no deaths in {f:?}"));
        assert_eq!(deaths.value, 300);
        assert_eq!(deaths.qualifier, "300 to 400");
    }

    #[test]
    fn a_share_of_a_population_a_possessive_names_is_computed() {
        let f = figures_in("About half of Karabakh's estimated 150,000 people have fled.");
        let displaced = f
            .displaced
            .clone()
            .unwrap_or_else(|| panic!("no displaced in {f:?}"));
        assert_eq!(displaced.value, 75_000);
        let f = figures_in("A third of the town's 12,000 residents have fled.");
        assert_eq!(f.displaced.map(|d| d.value), Some(4_000));
    }

    #[test]
    fn half_of_a_population_is_computed() {
        let f = figures_in(
            "Officials said half of the 90,000 residents of the district have been displaced.",
        );
        let displaced = f
            .displaced
            .clone()
            .unwrap_or_else(|| panic!("no displaced in {f:?}"));
        assert_eq!(displaced.value, 45_000);
        assert_eq!(displaced.qualifier, "half");
    }

    #[test]
    fn number_words_and_people() {
        let f = figures_in("Two civilians were killed in the strikes, the ministry said.");
        assert_eq!(f.deaths.map(|d| d.value), Some(2));
        let f = figures_in("Some 200 people have been reported killed in the past week.");
        assert_eq!(f.deaths.map(|d| d.value), Some(200));
    }

    #[test]
    fn years_and_model_numbers_are_not_tolls() {
        let f =
            figures_in("Some 30,000 people were killed before a 1994 ceasefire; F-16 jets flew.");
        assert_eq!(f.deaths.map(|d| d.value), Some(30_000));
        let f = figures_in("The war ended in 1994 and F-16 jets were seen.");
        assert!(f.is_empty(), "{f:?}");
    }
}
#[cfg(test)]
mod toll_verb_tests {
    use super::*;

    /// Searching each toll word on its own and keeping the earliest gives what the one walk gives.
    #[test]
    fn one_walk_finds_the_earliest_toll_word() {
        let texts = [
            "the death toll rose to 400 dead, with 22 wounded",
            "hundreds fled; others were evacuated, some injured",
            "undead toll-free deadline: no toll word here but toll",
            "shelling killed two and wounded five; refugees",
            "tolls deaths, died.",
            "",
        ];
        for text in texts {
            let mut best: Option<(usize, Measure)> = None;
            for (words, measure) in [
                (DEATH_WORDS, Measure::Deaths),
                (INJURY_WORDS, Measure::Injured),
                (DISPLACED_WORDS, Measure::Displaced),
            ] {
                for word in words {
                    if let Some(pos) = find_word(text, word)
                        && best.is_none_or(|(p, _)| pos < p)
                    {
                        best = Some((pos, measure));
                    }
                }
            }
            assert_eq!(first_measure(text), best, "{text:?}");
        }
        assert_eq!(first_measure("no toll-free"), Some((3, Measure::Deaths)));
        assert_eq!(first_measure("the undead"), None);
    }

    #[test]
    fn first_and_last_characters() {
        assert_eq!(first_chars("ab\u{e9}cd", 3), "ab\u{e9}");
        assert_eq!(first_chars("ab", 60), "ab");
        assert_eq!(last_chars("ab\u{e9}cd", 3), "\u{e9}cd");
        assert_eq!(last_chars("ab", 40), "ab");
        assert_eq!(last_chars("ab", 0), "");
    }

    #[test]
    fn a_toll_verb_before_the_number() {
        let f = figures_in(
            "Armenian forces had shelled the city of Ganja, killing at least nine civilians",
        );
        assert_eq!(
            f.deaths.map(|d| d.value),
            Some(9),
            "{:?}",
            quantities("killing at least nine civilians")
        );
    }

    #[test]
    fn each_toll_verb_counts_its_own_number() {
        let f = figures_in(
            "A missile struck an apartment block in Ganja overnight, killing at least nine \
             civilians and wounding more than 30, officials said.",
        );
        assert_eq!(f.deaths.as_ref().map(|d| d.value), Some(9), "{f:?}");
        assert_eq!(f.injured.as_ref().map(|d| d.value), Some(30), "{f:?}");
        // A toll word parted from the next number by a comma counts nothing there.
        let f = figures_in("The toll rose to 300 dead, 200 wounded and 50 missing.");
        assert_eq!(f.deaths.as_ref().map(|d| d.value), Some(300), "{f:?}");
        assert_eq!(f.injured.as_ref().map(|d| d.value), Some(200), "{f:?}");
    }

    #[test]
    fn a_toll_that_is_the_subject_of_its_clause() {
        let f = figures_in(
            "The death toll among Armenian-backed soldiers in Nagorno-Karabakh has risen to 350, \
             the region's defence ministry said on Monday.",
        );
        let deaths = f.deaths.as_ref().expect("a toll");
        assert_eq!((deaths.value, deaths.running_total), (350, true), "{f:?}");
        let f = figures_in(
            "The number of people displaced by the fighting in the region stood at 90,000.",
        );
        assert_eq!(f.displaced.as_ref().map(|d| d.value), Some(90_000), "{f:?}");
        let f = figures_in("The toll among civilians in the town of Tartar reached at least 12.");
        assert_eq!(f.deaths.as_ref().map(|d| d.value), Some(12), "{f:?}");
        // No verb that gives the toll its value, a clause break, or a toll of nothing.
        for sentence in [
            "The toll road from the town of Goris leads to 3 villages near the border.",
            "The death toll is not known, and 30 houses were hit in the town.",
            "The number of soldiers on the front line has risen to 5,000.",
            "The death toll among soldiers in the southern districts of the region was published \
             for 2 districts.",
        ] {
            assert_eq!(figures_in(sentence), Figures::default(), "{sentence}");
        }
    }

    #[test]
    fn no_one_hurt_is_no_toll() {
        for sentence in [
            "Rockets hit the hospital in Martuni on Monday, but no one was injured.",
            "No one was killed in the strike, officials said.",
        ] {
            assert_eq!(figures_in(sentence), Figures::default(), "{sentence}");
        }
        let f = figures_in("No one was killed, but 12 people were injured.");
        assert_eq!(f.injured.as_ref().map(|d| d.value), Some(12), "{f:?}");
    }

    #[test]
    fn vague_counts_give_no_figure() {
        for sentence in [
            "Tens of thousands of people have fled the region, officials said.",
            "Hundreds of thousands were displaced by the war.",
            "Hundreds fled and dozens were wounded.",
            // The vague count is the toll; the number after it only a part of it.
            "Dozens were killed in the town on Monday, including 12 children.",
            "Dozens of soldiers were killed, and officials said a woman was killed too.",
        ] {
            assert_eq!(figures_in(sentence), Figures::default(), "{sentence}");
        }
        // A number beside a vague count of another toll keeps its own.
        let f = figures_in("Dozens were wounded and 7 people were killed in the town.");
        assert_eq!(f.deaths.as_ref().map(|d| d.value), Some(7), "{f:?}");
        assert_eq!(f.injured, None, "{f:?}");
        // "a dozen" and "two hundred" name numbers.
        let f = figures_in("A dozen civilians were killed and two hundred people fled.");
        assert_eq!(f.deaths.as_ref().map(|d| d.value), Some(12), "{f:?}");
        assert_eq!(f.displaced.as_ref().map(|d| d.value), Some(200), "{f:?}");
    }

    #[test]
    fn millions_and_thousands_multiply_the_number_before_them() {
        let value = |text: &str| figures_in(text).displaced.map(|d| d.value);
        assert_eq!(
            value("More than one million Azerbaijanis became refugees and displaced persons."),
            Some(1_000_000)
        );
        assert_eq!(
            value("Some 1.5 million people were displaced in the first war."),
            Some(1_500_000)
        );
        assert_eq!(
            value("Two thousand residents have fled to Goris."),
            Some(2_000)
        );
        assert_eq!(
            figures_in("The strike killed two hundred soldiers.")
                .deaths
                .map(|d| d.value),
            Some(200)
        );
    }

    #[test]
    fn one_victim_named_without_a_number_is_a_toll_of_one() {
        let f = figures_in(
            "The shell landed in the courtyard, killing their 62-year-old neighbour, who had \
             stepped outside, and wounding a woman.",
        );
        assert_eq!(f.deaths.as_ref().map(|d| d.value), Some(1), "{f:?}");
        assert_eq!(
            f.deaths.as_ref().map(|d| d.text.as_str()),
            Some("their 62-year-old neighbour")
        );
        assert_eq!(f.injured.as_ref().map(|d| d.value), Some(1), "{f:?}");
        for plural in [
            "The rocket hit the house, killing their neighbours.",
            "The strike killed a number of civilians.",
            "Shelling killed his children.",
        ] {
            assert!(figures_in(plural).deaths.is_none(), "{plural}");
        }
    }

    #[test]
    fn ages_distances_and_shares_are_not_tolls() {
        let f = figures_in(
            "The shell shattered every window, killing their 62-year-old neighbour, who had \
             stepped outside.",
        );
        assert_eq!(f.deaths.map(|d| d.value), Some(1), "not 62");
        let f = figures_in(
            "A similar strike on an apartment block a few hundred metres away killed 10 people.",
        );
        assert_eq!(f.deaths.map(|d| d.value), Some(10));
        let f = figures_in(
            "Some 90,000 people - about 60 per cent of the population - have been displaced.",
        );
        assert_eq!(f.displaced.map(|d| d.value), Some(90_000));
        let f = figures_in("About 60% of the residents have fled, and 12 were wounded.");
        assert!(f.displaced.is_none(), "{f:?}");
        assert_eq!(f.injured.map(|d| d.value), Some(12));
    }

    #[test]
    fn money_is_no_count_of_people() {
        for sentence in [
            "The EU pledged 3 million euros for displaced families in Goris.",
            "Partners appealed for US$ 35 million to help displaced families.",
            "The agency appealed for $35 million for the displaced.",
            "Donors gave \u{20ac}12 million to the displaced.",
        ] {
            assert!(figures_in(sentence).displaced.is_none(), "{sentence}");
        }
        let f = figures_in("UNHCR appealed for US$ 35 million to help 90,000 displaced people.");
        assert_eq!(f.displaced.map(|d| d.value), Some(90_000));
    }

    #[test]
    fn a_toll_past_an_aside_that_names_part_of_it() {
        let f = figures_in(
            "At least 200 people, including 25 civilians, have been killed in the fighting so \
             far, according to official figures from both sides.",
        );
        let deaths = f.deaths.as_ref().expect("a toll");
        assert_eq!((deaths.value, deaths.running_total), (200, true), "{f:?}");
        let f = figures_in(
            "According to him, more than half of the population of the region, about 90,000 \
             people, have been displaced.",
        );
        assert_eq!(f.displaced.as_ref().map(|d| d.value), Some(90_000), "{f:?}");
        // Not a number that merely ends its clause: "in 3 villages, were hit" has no toll word.
        let f = figures_in("Shells fell on the region, in 3 villages, wounded were taken away.");
        assert_eq!(f.injured, None, "{f:?}");
        let f = figures_in("Some 70 people, including 12 children, were wounded in Tartar.");
        assert_eq!(f.injured.as_ref().map(|d| d.value), Some(70), "{f:?}");
        // An aside that does not lead to a toll word, or a list, is no toll.
        for sentence in [
            "About 30 villages, including 5 near Fuzuli, were shelled overnight.",
            "The 2 sides, including their allies, said talks would go on; 10 were killed later.",
        ] {
            let f = figures_in(sentence);
            assert!(
                f.deaths
                    .as_ref()
                    .is_none_or(|d| d.value != 30 && d.value != 2),
                "{f:?}"
            );
        }
    }
}
