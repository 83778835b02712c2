//! Whether a sentence tells of something that happened or of something announced for later,
//! read from where its mood words stand ("Pashinyan will visit Brussels next week").

use crate::model::Span;

/// How many words may stand between a planning phrase and the event it announces: "was to
/// travel to Moscow on Tuesday for talks" puts six between "was to" and "talks".
const MOST_WORDS_BETWEEN: usize = 6;

/// True when one of `planned` (the sentence's planning phrases, as byte ranges) governs one of
/// the `kind_words`: it comes before the word, at most [`MOST_WORDS_BETWEEN`] words ahead, with
/// no clause break between ("will visit", "is expected to meet", "plans to hold talks"). A
/// planning phrase elsewhere in the sentence ("Shelling hit Martuni, and officials said they will
/// rebuild") leaves the event as told.
pub fn announces(sentence: &str, planned: &[(usize, usize, usize)], kind_words: &[Span]) -> bool {
    planned.iter().any(|&(_, planned_end, _)| {
        kind_words.iter().any(|word| {
            word.start >= planned_end
                && sentence
                    .get(planned_end..word.start)
                    .is_some_and(|between| {
                        !between.contains([',', ';', ':', '.', '"', '\u{201c}', '\u{201d}'])
                            && between.split_whitespace().count() <= MOST_WORDS_BETWEEN
                    })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte range of `phrase` in `sentence`, as the lexicon's scan gives it.
    fn at(sentence: &str, phrase: &str) -> (usize, usize, usize) {
        let start = sentence
            .find(phrase)
            .unwrap_or_else(|| panic!("{phrase:?}"));
        (start, start + phrase.len(), 0)
    }

    fn word(sentence: &str, text: &str) -> Span {
        let (start, end, _) = at(sentence, text);
        Span {
            start,
            end,
            text: text.to_string(),
        }
    }

    #[test]
    fn a_planning_phrase_before_its_event_announces_it() {
        for (sentence, cue, trigger) in [
            (
                "Armenia's Prime Minister Nikol Pashinyan will visit Brussels next week.",
                "will",
                "visit",
            ),
            (
                "Azerbaijani President Ilham Aliyev was to travel to Moscow on Tuesday for talks.",
                "was to",
                "for talks",
            ),
            (
                "The foreign ministers are expected to meet in Washington with Mike Pompeo.",
                "expected to",
                "meet",
            ),
        ] {
            assert!(
                announces(sentence, &[at(sentence, cue)], &[word(sentence, trigger)]),
                "{sentence}"
            );
        }
    }

    #[test]
    fn a_planning_phrase_elsewhere_leaves_the_event_as_told() {
        for (sentence, cue, trigger) in [
            (
                "Shelling hit Martuni overnight, and officials said they will rebuild the school.",
                "will",
                "Shelling",
            ),
            (
                "Rockets struck Barda on Sunday; the minister will visit the town.",
                "will",
                "struck",
            ),
            (
                "The talks in Moscow lasted ten hours and the ministers will report on them to \
                 their governments.",
                "will",
                "talks",
            ),
        ] {
            assert!(
                !announces(sentence, &[at(sentence, cue)], &[word(sentence, trigger)]),
                "{sentence}"
            );
        }
    }
}
