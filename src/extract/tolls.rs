//! Whether a reported toll is a running total of the war so far ("the death toll rose to more
//! than 400", "a total of 127 dead since Sunday") or the count of one happening ("two civilians
//! were killed in these strikes"). A running total is a level, not new deaths: summed as daily
//! fatalities (ACLED's column) it would count the same dead again every day it is repeated.

/// Words that make the figure of their clause a running total. Whole words, lower case.
const TOTAL_WORDS: &[&str] = &[
    "toll",
    "tolls",
    "total",
    "totals",
    "altogether",
    "overall",
    "cumulative",
    "since",
    "tally",
];

/// Two-word phrases to the same effect: a count that grows, or covers the war so far.
const TOTAL_PHRASES: &[[&str; 2]] = &[
    ["so", "far"],
    ["to", "date"],
    ["in", "all"],
    ["rose", "to"],
    ["risen", "to"],
    ["climbed", "to"],
    ["climbs", "to"],
    ["rises", "to"],
    ["increased", "to"],
    ["bringing", "the"],
    ["brings", "the"],
    ["now", "stands"],
    // A count over both sides ("nearly 5,000 people had been killed on both sides").
    ["both", "sides"],
    // An official count put at a level ("put its military losses at 1,240", "put the number of
    // dead at 61") or of a stretch told before ("over the same period").
    ["losses", "at"],
    ["dead", "at"],
    ["deaths", "at"],
    // An authority's register of the dead so far: "have recorded 870 military deaths".
    ["has", "recorded"],
    ["have", "recorded"],
    ["had", "recorded"],
    ["has", "registered"],
    ["have", "registered"],
    ["had", "registered"],
    ["same", "period"],
    // A count as of a day, a war's length, a list of names published, the dead recovered so
    // far: "As of Friday, 41 civilians have been killed", "during the 44-day war", "published
    // the names of 812 soldiers killed", "had recovered the remains of more than 700".
    ["as", "of"],
    ["day", "war"],
    ["names", "of"],
    ["had", "recovered"],
    ["have", "recovered"],
    ["has", "recovered"],
    ["had", "examined"],
    // A count over a stretch of the war: "during six weeks of fighting", "over two months of
    // war".
    ["weeks", "of"],
    ["months", "of"],
    // A count over the whole war: "95 civilians were killed over the whole war", "throughout
    // the conflict".
    ["whole", "war"],
    ["entire", "war"],
    ["whole", "conflict"],
    ["entire", "conflict"],
    ["throughout", "the"],
    // A count that is a level: "the latest count stood at 874 dead", "official figures put …".
    ["stood", "at"],
    ["stands", "at"],
    ["standing", "at"],
    ["latest", "count"],
    ["latest", "figure"],
    ["latest", "figures"],
    ["official", "count"],
    ["official", "figures"],
];

/// A side's count of its own people ("Nagorno-Karabakh says 974 of its soldiers have died"): a
/// running total on the terms of `is_own_people`.
const OWN_PEOPLE: &[[&str; 2]] = &[
    ["its", "soldiers"],
    ["its", "servicemen"],
    ["its", "troops"],
    ["its", "civilians"],
    ["its", "citizens"],
];

/// Words that open a clause covering a stretch of the war ("Since Sunday, …", "So far, …"):
/// such a leading clause makes the next one's figure a total too.
/// "As of Friday, …" opens such a clause too; "as" alone does not ("as they have since Sunday").
const LEADING_TOTAL_WORDS: &[&str] = &["since", "so", "in", "to"];

/// True when the figure written `figure_text` in `sentence` is a running total: a cue stands in
/// the figure's own clause (between the marks `, ; : – —` around it), or the sentence opens with a
/// clause that covers the war so far. A figure not found in the sentence is not a total.
pub fn is_running_total(sentence: &str, figure_text: &str) -> bool {
    let figure_text = figure_text.trim();
    if figure_text.is_empty() {
        return false;
    }
    find_ignoring_ascii_case(sentence, figure_text)
        .is_some_and(|at| is_running_total_at(sentence, at, at + figure_text.len()))
}

/// [`is_running_total`] for the figure at `sentence[at..after]`.
pub fn is_running_total_at(sentence: &str, at: usize, after: usize) -> bool {
    if after > sentence.len() || !sentence.is_char_boundary(at) || !sentence.is_char_boundary(after)
    {
        return false;
    }
    // "another 26 of its servicemen", "40 more of its soldiers": new dead, whatever follows.
    // Only the word's own bytes are read: the rest of the sentence is not split.
    let before = sentence[..at].trim_end_matches(|c: char| !c.is_alphanumeric());
    let word_before = before
        .rfind(|c: char| !c.is_alphanumeric())
        .map_or(before, |i| {
            &before[i + before[i..].chars().next().map_or(1, char::len_utf8)..]
        });
    let word_after = words(&sentence[after..]).next();
    if ["another", "further", "additional"]
        .iter()
        .any(|n| n.eq_ignore_ascii_case(word_before))
        || word_after.is_some_and(|w| w.eq_ignore_ascii_case("more"))
    {
        return false;
    }
    let is_mark = |c: char| matches!(c, ',' | ';' | ':' | '–' | '—' | '(' | ')');
    let mark_before = sentence[..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_mark(c));
    let clause_start = mark_before.map_or(0, |(i, c)| i + c.len_utf8());
    let mut clause_end = sentence[after..]
        .find(is_mark)
        .map_or(sentence.len(), |i| after + i);
    // "At least 200 people, including 25 civilians, have been killed so far": the clause goes on
    // past the aside that names part of the figure.
    const ASIDE: &str = ", including ";
    if sentence[clause_end..].starts_with(ASIDE)
        && let Some(aside_end) = sentence[clause_end + ASIDE.len()..].find(", ")
    {
        let resumed = clause_end + ASIDE.len() + aside_end + ", ".len();
        clause_end = sentence[resumed..]
            .find(is_mark)
            .map_or(sentence.len(), |i| resumed + i);
    }
    if has_total_cue(&sentence[clause_start..clause_end]) || is_a_count_held(sentence, at, after) {
        return true;
    }
    let opens_a_stretch = |clause: &str| {
        let mut leading = words(clause);
        let first = leading.next();
        let opens = first.is_some_and(|w| {
            LEADING_TOTAL_WORDS
                .iter()
                .any(|l| l.eq_ignore_ascii_case(w))
        }) || (first.is_some_and(|w| w.eq_ignore_ascii_case("as"))
            && leading.next().is_some_and(|w| w.eq_ignore_ascii_case("of")));
        opens && has_total_cue(clause)
    };
    // "published, for the first time, its military losses: 2,783 servicemen killed": a colon
    // that opens the count of what the clause before it names as losses.
    if let Some((colon, ':')) = mark_before {
        let named = sentence[..colon].rfind(is_mark).map_or(0, |i| i + 1);
        let losses = words(&sentence[named..colon])
            .last()
            .is_some_and(|w| w.eq_ignore_ascii_case("losses") || w.eq_ignore_ascii_case("toll"));
        if losses {
            return true;
        }
    }
    // "Since the start of hostilities on Sunday, 127 people have been killed."
    if let Some((previous_end, _)) = mark_before {
        let first_end = sentence.find(is_mark).unwrap_or(sentence.len());
        if opens_a_stretch(&sentence[..first_end]) {
            return true;
        }
        // "According to the prosecutor's office, since September 27, 42 civilians were killed",
        // "…, since 4 April, as a result of enemy fire, 61 civilians have been killed": a
        // clause before the figure's.
        // Walked back past phrases that only say how ("as a result of enemy fire"), not past
        // a speaker's verb ("Officials, since Sunday in Barda, said … that 3 people died").
        for clause in sentence[..previous_end].rsplit(is_mark) {
            if opens_a_stretch(clause) {
                return true;
            }
            let says_how = [
                "as a result of",
                "due to",
                "because of",
                "following",
                "amid",
            ]
            .iter()
            .any(|how| {
                clause
                    .trim_start()
                    .get(..how.len())
                    .is_some_and(|start| start.eq_ignore_ascii_case(how))
            });
            if !says_how {
                return false;
            }
        }
        return false;
    }
    false
}

/// Verbs of an authority giving its count ("the ombudsman says …", "the ministry reported that …").
const COUNT_GIVING_VERBS: &[&str] = &[
    "says",
    "say",
    "said",
    "reports",
    "report",
    "reported",
    "announced",
    "confirmed",
    "stated",
    "counts",
    "counted",
];

/// Words of a happening: with one of these in the sentence a toll is that happening's ("Baku says
/// two civilians have been killed in the shelling of Tartar", "… had been killed when a shell
/// hit their car").
const HAPPENING_WORDS: &[&str] = &[
    "shelling",
    "shelled",
    "shell",
    "shells",
    "strike",
    "strikes",
    "struck",
    "attack",
    "attacks",
    "attacked",
    "rocket",
    "rockets",
    "missile",
    "missiles",
    "bomb",
    "bombs",
    "bombing",
    "bombed",
    "bombardment",
    "drone",
    "drones",
    "artillery",
    "fire",
    "hit",
    "hits",
    "explosion",
    "blast",
    "mine",
    "ambush",
    "raid",
    "when",
    "overnight",
    "yesterday",
];

/// A count an authority holds, told in the present perfect with no happening in the sentence
/// ("the ombudsman says 43 civilians have been killed and 152 wounded"): the dead so far, not the
/// dead of one day.
fn is_a_count_held(sentence: &str, at: usize, after: usize) -> bool {
    let listed = |list: &[&str], word: &str| list.iter().any(|l| l.eq_ignore_ascii_case(word));
    // The words from the verb of giving to six past the figure: "says 43 civilians have been
    // killed and 152 wounded" holds the perfect for both figures.
    let mut before = words(&sentence[..at]).skip_while(|w| !listed(COUNT_GIVING_VERBS, w));
    if before.next().is_none() {
        return false;
    }
    // "have died", "have been killed": the dead and wounded up to now, not what "has been
    // found". The past perfect goes on with a story ("Rockets hit Ganja. An aide said one
    // civilian had been killed and 32 injured").
    let (mut second, mut first) = ("", "");
    let perfect = before.chain(words(&sentence[after..]).take(6)).any(|word| {
        let told = (listed(&["have", "has"], first) && listed(&["died", "perished"], word))
            || (listed(&["have", "has"], second)
                && first.eq_ignore_ascii_case("been")
                && listed(&["killed", "wounded", "injured", "hurt"], word));
        (second, first) = (first, word);
        told
    });
    // A count is of many: "one civilian had been killed in Ganja" is one death told.
    let figure = &sentence[at..after];
    if ["one", "a", "an"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(figure.trim()))
    {
        return false;
    }
    perfect && !words(sentence).any(|w| listed(HAPPENING_WORDS, w))
}

/// Whether a word of `clause` (or two in a row) is a total cue. An ASCII clause (most) is split
/// and lower-cased byte by byte on the stack, each word looked up by `match`; others go the
/// plain way ([`has_total_cue_plain`]).
fn has_total_cue(clause: &str) -> bool {
    let bytes = clause.as_bytes();
    if !bytes.is_ascii() {
        return has_total_cue_plain(clause);
    }
    // Longer than every listed word: such a word (kept as empty) is no cue.
    const LONGEST: usize = 16;
    let mut previous = [0u8; LONGEST];
    let mut previous_len = 0;
    let (mut own_people, mut perfect, mut dead) = (false, false, false);
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let word = &bytes[start..i];
        let mut lower = [0u8; LONGEST];
        let len = if word.len() <= LONGEST { word.len() } else { 0 };
        lower[..len].copy_from_slice(&word[..len]);
        lower[..len].make_ascii_lowercase();
        let word = &lower[..len];
        if is_own_people(&previous[..previous_len], word) {
            own_people = true;
        } else if is_total_word(word) || is_total_phrase(&previous[..previous_len], word) {
            return true;
        }
        perfect |= matches!(word, b"have" | b"has" | b"had");
        dead |= matches!(word, b"killed" | b"died" | b"dead");
        previous = lower;
        previous_len = len;
    }
    // The happenings are looked for only in the rare clause that needs them.
    own_people
        && (perfect
            || (dead
                && !words(clause).any(|word| is_a_happening(word.to_ascii_lowercase().as_bytes()))))
}

/// Whether the lower-case `word` names a happening a toll may be of ([`HAPPENING_WORDS`], a clash
/// or a battle).
fn is_a_happening(word: &[u8]) -> bool {
    matches!(word, b"clash" | b"clashes" | b"fighting" | b"battle")
        || HAPPENING_WORDS.iter().any(|h| h.as_bytes() == word)
}

/// "its soldiers", "its civilians": a side's count of its own people, a running total when told
/// in the perfect ("974 of its soldiers have died") or as its dead with no happening named
/// ("2,317 of its servicemen were killed"), not a count of one clash ("two of its soldiers were
/// wounded in Friday's clash", "six of its servicemen were wounded").
fn is_own_people(first: &[u8], second: &[u8]) -> bool {
    first == b"its"
        && matches!(
            second,
            b"soldiers" | b"servicemen" | b"troops" | b"civilians" | b"citizens"
        )
}

/// Whether the lower-case `word` is one of [`TOTAL_WORDS`].
fn is_total_word(word: &[u8]) -> bool {
    matches!(
        word,
        b"toll"
            | b"tolls"
            | b"total"
            | b"totals"
            | b"altogether"
            | b"overall"
            | b"cumulative"
            | b"since"
            | b"tally"
    )
}

/// Whether the lower-case words `first` `second` are one of [`TOTAL_PHRASES`].
fn is_total_phrase(first: &[u8], second: &[u8]) -> bool {
    match second {
        b"far" => first == b"so",
        b"date" => first == b"to",
        b"all" => first == b"in",
        b"to" => matches!(
            first,
            b"rose" | b"risen" | b"climbed" | b"climbs" | b"rises" | b"increased"
        ),
        b"the" => matches!(first, b"bringing" | b"brings" | b"throughout"),
        b"stands" => first == b"now",
        b"sides" => first == b"both",
        b"at" => matches!(
            first,
            b"losses" | b"dead" | b"deaths" | b"stood" | b"stands" | b"standing"
        ),
        b"count" => matches!(first, b"latest" | b"official"),
        b"figure" => first == b"latest",
        b"figures" => matches!(first, b"latest" | b"official"),
        b"period" => first == b"same",
        b"of" => matches!(first, b"as" | b"names" | b"weeks" | b"months"),
        b"war" => matches!(first, b"day" | b"whole" | b"entire"),
        b"conflict" => matches!(first, b"whole" | b"entire"),
        b"recovered" | b"recorded" | b"registered" => matches!(first, b"had" | b"have" | b"has"),
        b"examined" => first == b"had",
        _ => false,
    }
}

/// [`has_total_cue`] comparing every word with the lists: for clauses outside ASCII, and the
/// reference the byte path is tested against.
fn has_total_cue_plain(clause: &str) -> bool {
    let mut previous = "";
    let (mut own_people, mut perfect, mut dead, mut happening) = (false, false, false, false);
    for word in words(clause) {
        let listed = |list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(word));
        if OWN_PEOPLE.iter().any(|[first, second]| {
            first.eq_ignore_ascii_case(previous) && second.eq_ignore_ascii_case(word)
        }) {
            own_people = true;
        } else if listed(TOTAL_WORDS)
            || TOTAL_PHRASES.iter().any(|[first, second]| {
                first.eq_ignore_ascii_case(previous) && second.eq_ignore_ascii_case(word)
            })
        {
            return true;
        }
        perfect |= listed(&["have", "has", "had"]);
        dead |= listed(&["killed", "died", "dead"]);
        happening |= is_a_happening(word.to_ascii_lowercase().as_bytes());
        previous = word;
    }
    own_people && (perfect || (dead && !happening))
}

/// The words of `text` (apostrophes and hyphens end a word too: "toll's" has "toll").
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

fn find_ignoring_ascii_case(haystack: &str, needle: &str) -> Option<usize> {
    let (hay, need) = (haystack.as_bytes(), needle.as_bytes());
    if need.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - need.len())
        .filter(|&i| haystack.is_char_boundary(i))
        .find(|&i| hay[i..i + need.len()].eq_ignore_ascii_case(need))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_listed_cues_looked_up_by_match_are_the_lists() {
        let mut words: Vec<&str> = TOTAL_WORDS.to_vec();
        words.extend(TOTAL_PHRASES.iter().flatten());
        words.extend([
            "", "tol", "totally", "now", "far", "sofar", "rose", "killed",
        ]);
        for first in &words {
            let first = first.as_bytes();
            assert_eq!(
                is_total_word(first),
                TOTAL_WORDS.iter().any(|w| w.as_bytes() == first)
            );
            for second in &words {
                let second = second.as_bytes();
                assert_eq!(
                    is_total_phrase(first, second),
                    TOTAL_PHRASES
                        .iter()
                        .any(|[a, b]| a.as_bytes() == first && b.as_bytes() == second),
                );
            }
        }
    }

    #[test]
    fn total_cues_read_by_bytes_are_those_the_word_lists_find() {
        let texts = crate::seed_texts::seed_sentences_with(&[
            "The toll ROSE TO 72; so-far, in ALL, a death-toll's total",
            "Bringing\u{b}the number — now\tstands at 12 (climbed to 30) since Sunday",
            "An extraordinarilylongwordbeforeso far, and so farther",
        ]);
        let mut cues = 0;
        for text in &texts {
            for (at, _) in text.char_indices() {
                let clause = &text[at..];
                let cue = has_total_cue(clause);
                assert_eq!(cue, has_total_cue_plain(clause), "{clause:?}");
                cues += usize::from(cue);
            }
        }
        assert!(cues > 100, "only {cues} clauses with a cue");
    }

    #[test]
    fn tolls_of_the_war_so_far_are_running_totals() {
        for (sentence, figure) in [
            (
                "The official death toll rose Friday morning to more than 400 dead, including 22 Armenian civilians and 31 Azerbaijani.",
                "more than 400",
            ),
            (
                "Since the start of hostilities on Sunday, only partial reports have been communicated, reporting a total of 127 dead.",
                "a total of 127",
            ),
            (
                "The official death toll is 300 to 400, including around fifty civilians.",
                "300 to 400",
            ),
            (
                "Since September 27, 350 Armenian servicemen have been killed, the ministry said.",
                "350",
            ),
            (
                "The defense ministry on December 3 published, for the first time, its military losses: 2,783 servicemen killed and more than 100 missing.",
                "2,783",
            ),
            (
                "At least 200 people, including 25 civilians, have been killed in the fighting so far, according to official figures.",
                "At least 200",
            ),
            (
                "According to the Prosecutor General's Office, since September 27, 42 civilians were killed and 206 were wounded.",
                "42",
            ),
            (
                "Nagorno-Karabakh says 974 of its soldiers have died in the fighting.",
                "974",
            ),
            (
                "The ministry said another 26 of its servicemen had been killed, bringing its toll to 58.",
                "58",
            ),
            (
                "Russia estimated that nearly 5,000 people had been killed on both sides.",
                "nearly 5,000",
            ),
            (
                "So far, 41 civilians have died in Azerbaijan, according to the prosecutor's office.",
                "41",
            ),
            (
                "The number of dead has climbed to 72 in the Karabakh army's count.",
                "72",
            ),
            (
                "In all, 19 civilians were killed and 55 wounded during the week.",
                "19",
            ),
            (
                "According to the prosecutor, since 4 October, as a result of Armenian fire, 61 civilians have been killed.",
                "61",
            ),
            (
                "The defence ministry put its military losses at 1,240 dead.",
                "1,240",
            ),
            (
                "Separatist authorities report 22 civilians killed over the same period.",
                "22",
            ),
            // A count as of a day, a count that stands at a level, an authority's count told
            // in the perfect with no happening beside it.
            (
                "As of 18 October, 710 soldiers had been killed, the defence ministry said.",
                "710",
            ),
            (
                "The latest official count, released on Monday, stood at 874 dead.",
                "874",
            ),
            (
                "Some 86 civilians died during the six weeks of fighting.",
                "86",
            ),
            (
                "Nagorno-Karabakh's ombudsman says 43 civilians have been killed and 152 wounded.",
                "43",
            ),
            (
                "Nagorno-Karabakh's ombudsman says 43 civilians have been killed and 152 wounded.",
                "152",
            ),
        ] {
            assert!(is_running_total(sentence, figure), "{figure} in {sentence}");
        }
    }

    #[test]
    fn the_dead_of_one_happening_are_not_running_totals() {
        for (sentence, figure) in [
            (
                "Armenia said two of its soldiers were wounded in Friday's clash near Hadrut.",
                "two",
            ),
            (
                "Two civilians were killed in these strikes, Baku said, but, as since the start of hostilities, many residents still reject any idea of leaving.",
                "Two",
            ),
            (
                "Five people were killed when a rocket hit a house in Tartar on Sunday.",
                "Five",
            ),
            (
                "The ministry said another 26 of its servicemen had been killed, bringing its toll to 58.",
                "26",
            ),
            (
                "Nagorno-Karabakh said 40 more of its soldiers had been killed since Sunday.",
                "40",
            ),
            (
                "Four civilians died in the shelling of Ganja overnight, the prosecutor's office said.",
                "Four",
            ),
            (
                "Baku says two civilians have been killed in the shelling of Tartar.",
                "two",
            ),
            (
                "The ministry said three soldiers had been killed when their truck hit a mine.",
                "three",
            ),
            (
                "Armenia's defence ministry said 41 more soldiers had died.",
                "41",
            ),
            (
                "The defence ministry in Baku said one civilian had been killed in Ganja.",
                "one",
            ),
            (
                "On Tuesday, the commission said the remains of 12 servicemen had been found.",
                "12",
            ),
            (
                "An aide to the president said one civilian had been killed and 32 injured.",
                "32",
            ),
            // A figure the sentence does not hold is not called a total on a guess.
            ("The death toll rose again.", "12"),
            // A stretch two clauses back, or after the figure, says nothing of it.
            (
                "Officials, since Sunday in Barda, said — in a statement — that 3 people died in the strike.",
                "3",
            ),
            (
                "Officials said — as they have since Sunday — that 3 people died in the strike.",
                "3",
            ),
        ] {
            assert!(
                !is_running_total(sentence, figure),
                "{figure} in {sentence}"
            );
        }
    }

    #[test]
    fn figures_are_found_in_any_case_and_beside_other_scripts() {
        assert_eq!(
            find_ignoring_ascii_case("At least 300 dead", "at least"),
            Some(0)
        );
        assert_eq!(find_ignoring_ascii_case("Şuşa: 12 killed", "12"), Some(8));
        assert_eq!(find_ignoring_ascii_case("ab", "abc"), None);
        assert!(is_running_total(
            "Le bilan — a TOTAL of 80 dead — was given in Stepanakert.",
            "a total of 80"
        ));
    }
}
