//! One sentence → zero or more events: a kind from the lexicon, a day from `when`, places from the
//! gazetteer's mentions (or, by the conventions, from who is speaking), the claim and the figures.

use std::ops::Range;

use chrono::NaiveDate;

use super::figures::figures_in;
use super::lexicon::{Lexicon, Scan, Set, context};
use crate::gazetteer::Gazetteer;
use crate::gazetteer::resolve::distance_km;
use crate::model::{
    Article, Certainty, Event, EventKind, Figures, Mention, MentionRole, Place, PlaceId, PlaceKind,
    Source, Span, Status,
};
use crate::text;
use crate::when::{self, RefKind, TimeRef};

/// Everything the extractor knows about one sentence before it decides on events.
struct Sentence<'a> {
    /// The clause analysed, in article offsets.
    range: Range<usize>,
    /// The whole sentence it belongs to: what a source quotes.
    whole: Range<usize>,
    text: &'a str,
    mentions: &'a [&'a Mention],
    /// Who told it, in clause offsets: [`attributions`].
    attributions: Vec<Range<usize>>,
    /// The parts of `attributions` that describe the sources: [`described_sources`].
    described: Vec<Range<usize>>,
}

pub fn extract_article(
    article: &Article,
    mentions: &[Mention],
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
) -> Vec<Event> {
    let published = article.published.as_ref().map(|p| p.day);
    let publication_why = published.map(publication_why).unwrap_or_default();
    let (region, region_reason) = match article_region(mentions, gazetteer) {
        Some((id, reason)) => (Some(id), reason),
        None => (None, ""),
    };
    let region_why = std::cell::OnceCell::new();
    let filed_at = front_line_dateline(article, mentions, gazetteer);
    let mut events: Vec<Event> = Vec::new();
    // Places of the last sentence that named one, borrowed from its mentions.
    let mut previous_places: Vec<&PlaceId> = Vec::new();
    // The mentions of the clause before: the country among them is who "its" is in "Its
    // prosecutor general's office said 11 civilians had been killed" (looked up only then).
    let mut clause_before: Vec<&Mention> = Vec::new();
    let mut previous_events: Vec<(EventKind, Vec<PlaceId>)> = Vec::new();
    let mut previous_day: Option<NaiveDate> = None;
    // Whether that day was told as a night ("During the night, …"): the morning after it is the
    // next day.
    let mut previous_day_a_night = false;
    // The day named by the last sentence that named one, whether or not it told an event ("On
    // 14 October the ministry published a list. The next day, …"): what "the next day", "later
    // that day" count from.
    let mut day_told: Option<(NaiveDate, usize)> = None;
    // The number of the sentence that named `previous_day`.
    let mut previous_day_told_in: Option<usize> = None;
    // Where the sentence that named `previous_day` ends.
    let mut previous_day_told_until: usize = 0;
    // The last strike or battle told, and the number of the sentence that told it.
    let mut told_attack: Option<(usize, ToldAttack)> = None;
    let mut scan = Scan::default();
    // Buffers reused by every sentence: its clauses, and the mentions of the clause at hand.
    let mut parts: Vec<Range<usize>> = Vec::new();
    let mut in_clause: Vec<&Mention> = Vec::new();
    let mut lines: Option<LineFacts> = None;
    // The end of the line a dated list item opens, and its day.
    let mut item: Option<(usize, NaiveDate)> = None;
    // The day of the last heading that is a day alone on its line, for the entries below it.
    let mut section_day: Option<NaiveDate> = None;
    // The gazetteer gives mentions in text order: a clause's are then found by bisection
    // instead of a walk over all of them for every clause.
    let mentions_in_order = mentions
        .windows(2)
        .all(|pair| pair[0].start <= pair[1].start)
        && mentions.iter().all(|m| m.start <= m.end);
    // Split while dating the article, when it was.
    let sentences = article
        .published
        .as_ref()
        .and_then(|p| p.time_scans.sentences(&article.text))
        .unwrap_or_else(|| text::sentences(&article.text));
    debug_assert_eq!(sentences, text::sentences(&article.text));
    // The end of the last sentence that recalled a past before this war.
    let mut past_told_until: Option<usize> = None;
    for (sentence_no, whole) in sentences.into_iter().enumerate() {
        let recalls_the_past = std::cell::Cell::new(false);
        let in_force_on = std::cell::Cell::new(None);
        let night_told = std::cell::Cell::new(false);
        match published.and_then(|day| opens_a_dated_item(article, &whole, day)) {
            // The publication day (often the date line under the headline) dates what names
            // no day in any case, and would hide the story days told under it.
            Some((usize::MAX, day)) => {
                section_day = (Some(day) != published).then_some(day);
                item = None;
            }
            Some(opened) => item = Some(opened),
            None => {}
        }
        let quote = opening_quote(&article.text, &whole, lexicon);
        // Only within its paragraph: the next one may come back to the war.
        let past_before = past_told_until
            .and_then(|end| article.text.get(end..whole.start))
            .is_some_and(|between| !between.contains('\n'));
        let mut clause_day: Option<NaiveDate> = None;

        // The whole sentence is scanned first: without a break cue in it (most sentences) it is
        // one clause, and that scan is the clause's.
        let mut scanned = None;
        if let Some(whole_text) = article.text.get(whole.clone()) {
            lexicon.scan(whole_text, &mut scan);
            scanned = Some(whole.clone());
        }
        let denial_end = scan.get(Set::Denials).first().map(|&(_, end, _)| end);
        if scanned.is_some() && !scan.may_break_clauses() && denial_end.is_none() {
            parts.clear();
            parts.push(whole.clone());
        } else {
            clauses(&article.text, whole.clone(), denial_end, &mut parts);
        }
        // The one who denies speaks on after the denial's turn ("denied …, and accused …").
        let mut denier: Option<String> = None;
        // A clause that rebuts what was told ("rejected the claim") makes the next ones of its
        // sentence its answer ("… and said battles were still raging").
        let mut rebutting = false;
        for range in parts.iter().cloned() {
            let Some(sentence_text) = article.text.get(range.clone()) else {
                continue;
            };
            if scanned.as_ref() != Some(&range) {
                lexicon.scan(sentence_text, &mut scan);
                scanned = Some(range.clone());
            }
            in_clause.clear();
            in_clause.extend(mentions_within(mentions, mentions_in_order, range.clone()));
            let mut sentence = Sentence {
                mentions: &in_clause,
                // Looked for only where the lexicon saw "according to".
                attributions: if scan.contains(Set::AccordingTo) {
                    attributions(sentence_text)
                } else {
                    Vec::new()
                },
                described: Vec::new(),
                text: sentence_text,
                range,
                whole: whole.clone(),
            };
            if !sentence.attributions.is_empty() {
                sentence.described = described_sources(sentence.text, &sentence.attributions);
            }
            // "Hours after the Ganja bombing, Aliyev said troops had taken Hadrut": what only
            // dates the news tells nothing and places nothing, like who told it.
            if let Some(anchor) = leading_time_anchor(sentence.text) {
                sentence.attributions.push(anchor.clone());
                sentence.described.push(anchor);
            }
            let context = Context {
                region: region.as_ref(),
                previous_places: &previous_places,
                clause_before: &clause_before,
                previous_events: &previous_events,
                publication_why: &publication_why,
                region_why: &region_why,
                region_reason,
                filed_at: filed_at.as_ref(),
                previous_day,
                day_told: day_told.map(|(day, _)| day),
                day_told_in_paragraph: day_told.is_some_and(|(_, until)| {
                    article
                        .text
                        .get(until..whole.start)
                        .is_some_and(|between| !between.contains('\n'))
                }),
                story_day: previous_day
                    .filter(|&d| published.is_some_and(|p| d < p))
                    .filter(|_| {
                        // Near it, or further on in its paragraph.
                        previous_day_told_in.is_some_and(|told_in| {
                            sentence_no - told_in <= STORY_TOLD_WITHIN
                                || article
                                    .text
                                    .get(previous_day_told_until..whole.start)
                                    .is_some_and(|between| !between.contains('\n'))
                        })
                    }),
                clause_day,
                story_night: previous_day_a_night,
                item_day: item
                    .filter(|(end, _)| whole.start < *end)
                    .map(|(_, day)| day)
                    .or(section_day),
                denier: denier.as_deref(),
                rebuts: rebutting,
                // "the attack" points back two sentences at most: further, it is another one.
                told_attack: told_attack
                    .as_ref()
                    .filter(|(told_in, _)| sentence_no - told_in <= ATTACK_TOLD_WITHIN)
                    .map(|(_, told)| told),
                recent_attack: told_attack
                    .as_ref()
                    .filter(|(told_in, _)| sentence_no - told_in <= ATTACK_TOLD_WITHIN)
                    .map(|(_, told)| told),
                // "Fighting last flared in 1994; about 30,000 people lost their lives": a
                // clause goes on with the past an earlier clause of its sentence recalled.
                past_before: past_before || recalls_the_past.get(),
                recalls_the_past: &recalls_the_past,
                in_force_on: &in_force_on,
                night_told: &night_told,
                followed: if scan.has_triggers() {
                    None
                } else {
                    follows_the_event_before(
                        sentence_text,
                        sentence.range.start,
                        &in_clause,
                        &previous_events,
                    )
                },
            };
            let found = if scan.has_triggers() || context.followed.is_some() {
                let mut found = sentence_events(
                    article, &sentence, &scan, published, gazetteer, lexicon, &context, &mut lines,
                );
                fold_tolls_into_their_strike(&mut found);
                found
            } else {
                // "As the Soviet Union collapsed in the late 1980s, the region's parliament voted
                // to join Armenia. A war followed in which 30,000 people were killed": a sentence
                // with no report of its own may still open the past the next ones go on with.
                if let Some(day) = published
                    && memchr::memchr_iter(b'1', sentence_text.as_bytes())
                        .any(|at| sentence_text.as_bytes().get(at + 1) == Some(&b'9'))
                    && time_refs_at(article, &sentence.range, day)
                        .iter()
                        .any(|r| r.kind == RefKind::Background)
                {
                    recalls_the_past.set(true);
                }
                if let Some(day) = published
                    && let Some(named) = day_named_without_an_event(article, &sentence.range, day)
                {
                    day_told = Some((named, whole.end));
                }
                Vec::new()
            };
            if parts.len() > 1 && scan.contains(Set::Denials) {
                rebutting |= rebuts_what_was_told(sentence_text, &scan);
            }
            if parts.len() > 1 && denier.is_none() && scan.contains(Set::Denials) {
                denier = super::claims::claim_in(sentence_text, &scan).map(|c| c.by);
            }
            // "The truce was agreed on October 17 and took effect at 00:00 on October 18. At
            // 00:04 …": the story goes on from the day the deal came into force.
            if let Some(day) = found
                .iter()
                .rev()
                .find(|e| e.certainty == Certainty::Explicit)
                .and_then(|e| e.day)
                .map(|day| {
                    in_force_on
                        .get()
                        .map_or(day, |later: NaiveDate| later.max(day))
                })
            {
                previous_day_a_night = night_told.get();
                previous_day = Some(day);
                day_told = Some((day, whole.end));
                previous_day_told_in = Some(sentence_no);
                previous_day_told_until = whole.end;
                clause_day = Some(day);
            }
            if let Some(attack) = found.iter().rev().find_map(|e| {
                let day = e.day?;
                matches!(e.kind, EventKind::Shelling | EventKind::Fighting).then(|| ToldAttack {
                    kind: e.kind,
                    places: e.places.clone(),
                    day,
                })
            }) {
                told_attack = Some((sentence_no, attack));
            }
            previous_events = found
                .iter()
                .filter(|e| e.sources.iter().any(|s| !s.place_words.is_empty()))
                .map(|e| (e.kind, e.places.clone()))
                .collect();
            let event_places = || {
                in_clause
                    .iter()
                    .filter(|m| m.role == MentionRole::Event)
                    .filter_map(|m| m.place.as_ref())
            };
            if event_places().next().is_some() {
                previous_places.clear();
                previous_places.extend(event_places());
            }
            // `in_clause` is cleared and filled again for the next clause.
            std::mem::swap(&mut clause_before, &mut in_clause);
            for event in found {
                // The strike or battle told in the sentences just before, at this toll's place
                // on its day.
                let told_strike = |event: &Event, events: &[Event]| {
                    let (_, told) = told_attack.as_ref().filter(|(told_in, _)| {
                        *told_in < sentence_no && sentence_no - told_in <= ATTACK_TOLD_WITHIN
                    })?;
                    (event.kind == EventKind::Casualties
                        && event.day == Some(told.day)
                        && event.places == told.places)
                        .then(|| {
                            events.iter().rposition(|e| {
                                e.kind == told.kind
                                    && e.day == event.day
                                    && e.places == event.places
                            })
                        })
                        .flatten()
                };
                // "Among the dead was a young nurse": a toll with no count told after a strike,
                // at its place on its day, is one more source of that strike.
                if event.figures.is_empty()
                    && let Some(strike) = told_strike(&event, &events)
                {
                    let strike = &mut events[strike];
                    strike.sources.extend(event.sources);
                    continue;
                }
                // "Some 40 others were wounded": the rest of the toll of the strike told just
                // before, when that strike has no such count yet.
                if event.figures.displaced.is_none()
                    && toll_of_one_happening(&event.figures)
                    && event.sources.first().is_some_and(|s| {
                        s.quote
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|w| w == "others")
                    })
                    && let Some(strike) = told_strike(&event, &events)
                    && let strike = &mut events[strike]
                    && (event.figures.deaths.is_none() || strike.figures.deaths.is_none())
                    && (event.figures.injured.is_none() || strike.figures.injured.is_none())
                {
                    if event.figures.deaths.is_some() {
                        strike.figures.deaths = event.figures.deaths.clone();
                    }
                    if event.figures.injured.is_some() {
                        strike.figures.injured = event.figures.injured.clone();
                    }
                    strike.sources.extend(event.sources);
                    continue;
                }
                // "'We heard a whistle, then the explosion,' said Leyla": what a witness says in
                // their own words is one more source of the report it adds to, never an event
                // of its own. So is what a spokesman says of the fighting with no place and no
                // day ("'The enemy is attacking along the entire line,' the spokesman told
                // reporters"), and what an official says of talks or a truce in their own words;
                // a place or a day named outside the quotation ("… the ministry said on the
                // seventh day of fighting") is still a report.
                // Nor is what the witness's attribution tells of them as they are now ("… said
                // Mira, a teacher who now lives in a shelter"), where it names no day ("who has
                // spent four nights in a basement" tells what they went through).
                if let Some(quote) = &quote
                    && event.sources.iter().all(|source| {
                        source.kind_words.iter().all(|w| {
                            quote.quoted.contains(&w.start)
                                || (!quote.official
                                    && w.start >= quote.quoted.end
                                    && source.day_words.is_none()
                                    && article.text.get(quote.quoted.end..source.end).is_some_and(
                                        |attribution| !tells_what_happened_to_them(attribution),
                                    ))
                        })
                    })
                    && (!quote.official
                        || event.sources.iter().all(|s| {
                            // "'Both armies have to respect the truce,' the French envoy told
                            // journalists in Yerevan": talk of a truce is no diplomatic act.
                            (event.kind == EventKind::Diplomacy || s.place_words.is_empty())
                                && s.day_words
                                    .as_ref()
                                    .is_none_or(|w| quote.quoted.contains(&w.start))
                        }))
                {
                    if let Some(reported) = events.iter_mut().find(|e| {
                        e.kind == event.kind && e.day == event.day && e.places == event.places
                    }) {
                        reported.sources.extend(event.sources);
                    }
                    continue;
                }
                match denial_target(&event, &events) {
                    Some(told) => events[told].sources.extend(event.sources),
                    None if denies_with_nothing_to_answer(&event) => {}
                    None => events.push(event),
                }
            }
        }
        past_told_until = recalls_the_past.get().then_some(whole.end);
    }
    fold_titles_into_the_text_below(&article.text, gazetteer, &mut events);
    drop_what_stands_above_the_date_line(article, &mut events);
    // Kept as long as the store, for every article: without the room building them left.
    crate::model::fit_vec(&mut events);
    events.iter_mut().for_each(Event::shrink_to_fit);
    events
}

/// How far into a text a date line may stand and still close its header, in bytes.
const HEADER_BYTES_MAX: usize = 1500;
/// How many lines a header holds above its date line at most: an outlet, a section, a title,
/// a standfirst, a byline.
const HEADER_LINES_MAX: usize = 6;
/// How long a date line may be, in bytes: a date, a time, a place or an outlet's name.
const DATE_LINE_BYTES_MAX: usize = 100;

/// A page's header: what stands above its date line near the top (the outlet's name, the
/// title, a standfirst that sums the story up) is no report of its own. An event told there
/// and nowhere below (the title's events told below fold into them first) is dropped.
fn drop_what_stands_above_the_date_line(article: &Article, events: &mut Vec<Event>) {
    let Some(published) = article.published.as_ref().filter(|p| {
        p.source == crate::model::DateSource::Stated
            && p.evidence.bytes().any(|b| b.is_ascii_digit())
    }) else {
        return;
    };
    let text = &article.text;
    let head = text.get(..text.len().min(HEADER_BYTES_MAX)).unwrap_or(text);
    let Some(at) = memchr::memmem::find(head.as_bytes(), published.evidence.as_bytes()) else {
        return;
    };
    let line_start = memchr::memrchr(b'\n', &head.as_bytes()[..at]).map_or(0, |i| i + 1);
    let line_end = memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |i| at + i);
    // A line of its own, not a sentence that names the day.
    let line = text.get(line_start..line_end).unwrap_or("").trim();
    if line_start == 0 || line.len() > DATE_LINE_BYTES_MAX || line.ends_with('.') {
        return;
    }
    // A header is a few lines over a longer body (not a date line that closes a short text).
    let above = &text[..line_start];
    let lines_above = above.lines().filter(|l| !l.trim().is_empty()).count();
    if lines_above > HEADER_LINES_MAX || text.len() - line_end < above.len() {
        return;
    }
    // A headline or a standfirst may stand under the date line too ("15 January 2021 / Aliyev
    // visits Lachin and Kalbajar, opens new road"): up to two title lines before the first
    // paragraph belong to the header. Not a timeline's first entry ("27 September: …") nor a
    // recap's bullet.
    let mut header_end = line_start;
    let mut next = line_end;
    for _ in 0..HEADLINES_BELOW_DATE_LINE_MAX {
        let rest = &text[next..];
        let skipped = rest.len() - rest.trim_start().len();
        let start = next + skipped;
        let end =
            memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i);
        let candidate = text[start..end].trim();
        let opens_an_entry = candidate
            .chars()
            .next()
            .is_none_or(|c| c.is_ascii_digit() || matches!(c, '-' | '•' | '*' | '–' | '—'))
            || starts_with_a_month_or_weekday(candidate);
        if opens_an_entry || !on_a_title_line(text, start) {
            break;
        }
        header_end = end;
        next = end;
    }
    events.retain(|event| {
        event
            .sources
            .iter()
            .any(|s| s.start >= line_start && (s.start >= header_end || s.start < line_end))
    });
}

/// Whether a line opens with a month's or a weekday's name ("October 27: …", "Monday, …").
fn starts_with_a_month_or_weekday(line: &str) -> bool {
    let first = line
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    crate::when::weekday(&first).is_some() || crate::when::month(&first).is_some()
}

/// How many title lines may stand between a date line and the first paragraph.
const HEADLINES_BELOW_DATE_LINE_MAX: usize = 2;

/// A denial whose speaker is not found among the words before it ("Rena Alvo, the
/// spokeswoman for the ministry, Shushan Stepanyan, denied that Hadrut had fallen"): a verb of
/// denial before what the sentence tells.
fn denies_before(sentence: &str, scan: &Scan, kind_words: &[Span]) -> bool {
    scan.get(Set::Denials).iter().any(|&(start, end, _)| {
        kind_words.iter().any(|w| w.start >= end)
            && sentence.get(start..end).is_some_and(|verb| {
                is_one_of(verb, &["denied", "denies", "deny", "refuted", "refutes"])
                    // "rejected as groundless", not "rejected calls for talks".
                    || (is_one_of(verb, &["rejected", "rejects"])
                        && sentence.get(end..).is_some_and(|after| after.starts_with(" as ")))
            })
    })
}

/// Whether the clause answers the claim told before: it rebuts it, or goes on with an earlier
/// clause's rebuttal, and its sentence (`whole`) accuses no one of something new ("denied the report and accused
/// Azerbaijani forces of breaking the ceasefire" tells a claim of its own).
fn answers_a_claim(whole: &str, clause: &str, scan: &Scan, context: &Context) -> bool {
    (context.rebuts || rebuts_what_was_told(clause, scan))
        && !whole.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            is_one_of(
                w,
                &[
                    "accused", "accusing", "accuses", "blamed", "blaming", "blames",
                ],
            )
        })
}

/// A rebuttal of what was told just before: "The rebels rejected the claim and said battles
/// were still raging for the town", "dismissed the reports, saying fighting goes on". What it
/// tells answers the claim, on the claim's day; it is no new report of its own.
fn rebuts_what_was_told(sentence: &str, scan: &Scan) -> bool {
    scan.get(Set::Denials).iter().any(|&(start, end, _)| {
        sentence.get(start..end).is_some_and(|verb| {
            is_one_of(
                verb,
                &[
                    "denied",
                    "denies",
                    "rejected",
                    "rejects",
                    "dismissed",
                    "refuted",
                    "refutes",
                ],
            )
        }) && sentence.get(end..).is_some_and(|after| {
            let mut words = after
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
            words
                .next()
                .is_some_and(|w| is_one_of(w, &["the", "these", "those", "this", "that"]))
                && words.next().is_some_and(|w| {
                    is_one_of(
                        w,
                        &[
                            "claim",
                            "claims",
                            "report",
                            "reports",
                            "statement",
                            "allegation",
                            "allegations",
                        ],
                    )
                })
        })
    }) || (scan.contains(Set::Denials) && calls_what_was_told_false(sentence))
}

/// "The Armenian side called the claims false and said fighting went on": a claim named and
/// called untrue.
fn calls_what_was_told_false(sentence: &str) -> bool {
    [
        "called the ",
        "described the ",
        "branded the ",
        "termed the ",
    ]
    .iter()
    .filter_map(|verb| sentence.find(verb).map(|at| &sentence[at + verb.len()..]))
    .any(|rest| {
        let mut words = rest
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
        words.next().is_some_and(|noun| {
            is_one_of(
                noun,
                &[
                    "claim",
                    "claims",
                    "report",
                    "reports",
                    "statement",
                    "allegations",
                ],
            )
        }) && words.take(4).any(|w| {
            is_one_of(
                w,
                &[
                    "false",
                    "untrue",
                    "fabricated",
                    "fake",
                    "groundless",
                    "baseless",
                ],
            )
        })
    })
}

/// Whether a sentence opens with the terms of a deal: "Under the deal, …", "Under the
/// trilateral statement, …", "Under the terms of the truce, …".
fn tells_the_terms_of_a_deal(sentence: &str) -> bool {
    let Some(rest) = sentence
        .get(..6)
        .filter(|head| head.eq_ignore_ascii_case("under "))
        .and_then(|_| sentence.get(6..))
    else {
        return false;
    };
    let head = rest.split(',').next().unwrap_or_default();
    head.len() <= DEAL_HEAD_BYTES_MAX
        && head.split_whitespace().any(|w| {
            is_one_of(
                w,
                &[
                    "deal",
                    "agreement",
                    "accord",
                    "statement",
                    "ceasefire",
                    "truce",
                    "terms",
                    "declaration",
                ],
            )
        })
}

/// How long "Under the … deal," may run before its comma.
const DEAL_HEAD_BYTES_MAX: usize = 60;

/// "Villagers loaded everything they could onto trucks", "fled as fast as they could": a "could"
/// that only measures what was done, in a relative after "everything", "all", "what" or "as …
/// as" and its subject, makes nothing hypothetical.
fn is_what_someone_could(text: &str, modal: Range<usize>) -> bool {
    if !text
        .get(modal.clone())
        .is_some_and(|word| word.eq_ignore_ascii_case("could"))
    {
        return false;
    }
    let mut before = text::words_back(&text[..modal.start]).map(text::lower_case);
    let subject = before.next();
    let is_subject = subject.as_deref().is_some_and(|w| {
        matches!(
            w,
            "they" | "we" | "he" | "she" | "i" | "you" | "people" | "families"
        )
    });
    let head = before.next();
    is_subject
        && head.as_deref().is_some_and(|w| {
            matches!(
                w,
                "everything" | "all" | "what" | "whatever" | "anything" | "as" | "belongings"
            )
        })
}

/// How many days before the report a battle "raging since" a day may have begun to be placed on
/// that day: a week ("since Wednesday"); longer stretches tell of the war, not of one battle.
const RAGING_SINCE_DAYS_MAX: i64 = 7;

/// Whether the byte `at` of `text` stands on a title line: a headline, a live blog's entry
/// title ("09:05 GMT – Baku says Armenian forces shelled Tartar before dawn"), a subheading or a
/// standfirst, told as a short line that ends with no stop and has more text below it.
fn on_a_title_line(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let start = memchr::memrchr(b'\n', &bytes[..at.min(bytes.len())]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &bytes[at.min(bytes.len())..]).map_or(bytes.len(), |i| at + i);
    let Some(line) = text.get(start..end).map(str::trim) else {
        return false;
    };
    !line.is_empty()
        && line.len() <= TITLE_BYTES_MAX
        && !line.ends_with(['.', '!', '?', ':', ';', ','])
        && text[end..].trim().len() > line.len()
}
const TITLE_BYTES_MAX: usize = 200;

/// A headline or an entry's title tells in a few words what the text below it tells with its
/// day and its sentence ("Azerbaijan shells Martakert" over "… fired at Martakert last
/// night"): an event told by title lines alone, beside an event of the same kind at the same
/// place told below them (on the same day, or on a day the text names while the title names
/// none), is that event, whose exact sentence is the text's: no second point on the
/// publication day, and no second source saying less.
fn fold_titles_into_the_text_below(text: &str, gazetteer: &Gazetteer, events: &mut Vec<Event>) {
    let only_in_titles = |event: &Event| {
        event
            .sources
            .iter()
            .all(|source| on_a_title_line(text, source.start))
    };
    let titles: Vec<bool> = events.iter().map(only_in_titles).collect();
    if !titles.contains(&true) {
        return;
    }
    // A title tells more coarsely: "Villager dies in Armenia" over the shelling of a village in
    // Syunik that killed him; "Azerbaijan: 90 civilians killed" over the count told below.
    let kinds_agree = |title: EventKind, other: EventKind| {
        title == other
            || (title == EventKind::Casualties
                && matches!(other, EventKind::Shelling | EventKind::Fighting))
    };
    let holds = |title_place: &PlaceId, place: &PlaceId| {
        title_place == place
            || matches!(
                (gazetteer.place(title_place), gazetteer.place(place)),
                (Some(title), Some(place)) if place.id != title.id
                    && ((title.kind == PlaceKind::Country && place.country == title.country)
                        || (title.kind == PlaceKind::Region
                            && distance_km(title, place) <= INSIDE_REGION_KM))
            )
    };
    let told_below = |title: &Event, other: &Event| {
        let title_at = title.sources.iter().map(|s| s.start).min().unwrap_or(0);
        kinds_agree(title.kind, other.kind)
            && other.sources.iter().any(|s| s.start > title_at)
            && other
                .places
                .iter()
                .any(|p| title.places.iter().any(|t| holds(t, p)))
            && (other.day == title.day
                || (title.certainty == Certainty::Implicit
                    && other.certainty == Certainty::Explicit
                    && other.day.is_some()))
    };
    let folded: Vec<bool> = events
        .iter()
        .zip(&titles)
        .map(|(event, &title)| {
            title
                && events
                    .iter()
                    .zip(&titles)
                    .any(|(other, &other_title)| !other_title && told_below(event, other))
        })
        .collect();
    let mut folded = folded.into_iter();
    events.retain(|_| !folded.next().unwrap_or(false));
}

/// Who speaks in a quotation that opens a sentence.
struct OpeningQuote {
    /// The quoted bytes.
    quoted: Range<usize>,
    /// Said by an office, a body or an official (a spokesman, a ministry), not a witness.
    official: bool,
}

/// Where a sentence that opens with a quotation gives someone's own words ("'We heard the
/// whistle, then everything shook,' said Anahit, 64", a quote that runs on into the next
/// sentence before its speaker is named): the quoted bytes, when the words after the quote
/// name who said them, and whether they name an office, body or official.
fn opening_quote(text: &str, whole: &Range<usize>, lexicon: &Lexicon) -> Option<OpeningQuote> {
    let sentence = text.get(whole.clone())?;
    let opened = sentence.len() - sentence.trim_start().len();
    let open = sentence[opened..].chars().next()?;
    let close = match open {
        '"' => '"',
        '\u{201c}' => '\u{201d}',
        '\u{00ab}' => '\u{00bb}',
        _ => return None,
    };
    let start = whole.start + opened;
    let inside = start + open.len_utf8();
    // The quote may run on to the end of its paragraph before its speaker is named.
    let paragraph_end = text
        .get(inside..)?
        .find('\n')
        .map_or(text.len(), |at| inside + at);
    // A quote that runs on past its paragraph, or fills it to its end with no one named after
    // it ('"We hear the drones before anything. Then the walls shake."'), is someone's own
    // words all the same: who said them is told around it. Not a post or a statement the
    // text introduces with a colon ("AZERTAC presents the post:").
    // Looked for only where the quotation names no one after it.
    let introduced = || is_introduced_quote(text, start);
    let Some(end) = text
        .get(inside..paragraph_end)?
        .find(close)
        .map(|at| inside + at)
    else {
        return (!introduced()).then_some(OpeningQuote {
            quoted: start..paragraph_end,
            official: false,
        });
    };
    let attribution = text.get(end + close.len_utf8()..paragraph_end)?;
    if attribution.trim().is_empty() && !introduced() {
        return Some(OpeningQuote {
            quoted: start..end,
            official: false,
        });
    }
    let attribution = attribution
        .get(..attribution.len().min(WITNESS_ATTRIBUTION_BYTES))
        .unwrap_or(attribution);
    let words: Vec<&str> = attribution
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    // "said Anahit", "separatist defence ministry spokesman Senor Hasratyan told reporters".
    let said = words.iter().take(8).any(|w| {
        is_one_of(
            w,
            &["said", "says", "told", "recalled", "added", "explained"],
        )
    });
    let official = words.iter().any(|w| {
        is_one_of(w, OFFICIAL_WORDS) || (w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
    });
    said.then(|| OpeningQuote {
        quoted: start..end,
        official: official || lexicon.actors.contains(attribution),
    })
}
const WITNESS_ATTRIBUTION_BYTES: usize = 160;

/// Whether the quotation opening at byte `start` is one the text introduces as a document of
/// its own: after a colon ("AZERTAC presents the post:"), after a dateline's dash at the head of
/// a press release ("VIENNA, 30 October 2020 - \"Our teams …"), or as a paragraph that goes on
/// with such a quotation (a statement printed paragraph by paragraph, each paragraph opening
/// with a quotation mark and only the last closing it).
fn is_introduced_quote(text: &str, start: usize) -> bool {
    is_introduced_quote_within(text, start, INTRODUCED_QUOTE_PARAGRAPHS)
}

/// How many paragraphs back a statement quoted paragraph by paragraph is followed to its
/// introduction.
const INTRODUCED_QUOTE_PARAGRAPHS: usize = 12;

/// [`is_introduced_quote`], following at most `paragraphs` open quotations back.
fn is_introduced_quote_within(text: &str, start: usize, paragraphs: usize) -> bool {
    let before = &text[..start];
    if before.trim_end().ends_with(':') {
        return true;
    }
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    let on_its_line = before[line_start..].trim();
    if !on_its_line.is_empty() {
        // A dateline's dash right before the quotation, on its line.
        return ['-', '–', '—']
            .iter()
            .any(|&dash| on_its_line.ends_with(dash))
            && on_its_line.len() <= INTRODUCING_DATELINE_BYTES;
    }
    // The paragraph before: a quotation left open, itself introduced.
    let previous = before[..line_start].trim_end();
    // A paragraph is a line of the text (blank lines between them or not).
    let paragraph_start = previous.rfind('\n').map_or(0, |at| at + 1);
    let paragraph = &previous[paragraph_start..];
    let Some((opened, mark)) = paragraph
        .char_indices()
        .find(|&(_, c)| matches!(c, '"' | '\u{201c}'))
    else {
        return false;
    };
    let left_open = if mark == '"' {
        memchr::memchr_iter(b'"', paragraph.as_bytes()).count() == 1
    } else {
        !paragraph.contains('\u{201d}')
    };
    left_open
        && paragraphs > 0
        && is_introduced_quote_within(text, paragraph_start + opened, paragraphs - 1)
}

/// How long the words before a quotation on its line may be to be a dateline that introduces it.
const INTRODUCING_DATELINE_BYTES: usize = 60;
/// Words that name an office, a body or an official: who says it speaks for a side or an
/// agency, and what they say is a statement, not a witness's account.
const OFFICIAL_WORDS: &[&str] = &[
    "minister",
    "ministry",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "aide",
    "ombudsman",
    "defender",
    "army",
    "command",
    "government",
    "authorities",
    "office",
    "mayor",
    "governor",
    "leader",
    "commander",
    "ambassador",
    "secretary",
    "chief",
    "head",
    "prime",
    "service",
    "agency",
    "committee",
    "council",
    "department",
    "director",
    "coordinator",
    "representative",
    "envoy",
    "diplomat",
    "general",
    "colonel",
    "statement",
    "watch",
    "amnesty",
    "cross",
    "crescent",
    "group",
    "analyst",
    "researcher",
    "expert",
    "professor",
];

/// Whether `sentence`, which holds an aid verb (the lexicon's `aid` cues: "delivered",
/// "provided", "distributed"), names the displaced as who receives the help ("to some 3,000
/// displaced people", "for families who fled").
fn gives_aid_to_the_displaced(sentence: &str) -> bool {
    const DISPLACED: [&str; 5] = [
        "displaced",
        "evacuees",
        "refugees",
        "who fled",
        "who have fled",
    ];
    let lower = sentence.to_ascii_lowercase();
    [" to ", " for "].iter().any(|recipient| {
        lower.match_indices(recipient).any(|(at, _)| {
            let after = first_words(&lower[at + recipient.len()..], RECIPIENT_WORDS);
            DISPLACED.iter().any(|d| after.contains(d))
        })
    })
}

/// The start of `text` up to the end of its first `n` words.
fn first_words(text: &str, n: usize) -> &str {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() {
            in_word = true;
        } else if in_word {
            in_word = false;
            words += 1;
            if words == n {
                return &text[..i];
            }
        }
    }
    text
}
const RECIPIENT_WORDS: usize = 5;

/// The searchers of [`after_turn`] and [`closed_relative_asides`], built once: building one
/// cost as much as the search.
static AFTER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b" after "));
static RELATIVE_COMMA: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b", wh"));

/// Where a clause opened by "after" starts in a sentence ("signed on Tuesday, after Azerbaijani
/// forces took Shusha"; "came after Azerbaijan's forces captured Shusha … on Sunday"): the byte
/// of its "after", not at the sentence's start ("After the talks, …" dates all of it) and not in
/// a count of time ("two days after", "hours after", which the time words read).
fn after_turn(sentence: &str) -> Option<usize> {
    let at = AFTER.find(sentence.as_bytes())? + 1;
    let before = sentence[..at].trim_end();
    let previous = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let counted = [
        "day", "days", "hour", "hours", "week", "weeks", "month", "months", "minutes", "shortly",
        "soon", "just", "long", "year", "years", "night", "morning",
    ]
    .contains(&previous.as_str());
    // "arrived at the reception centre in Kapan after fleeing Hadrut": people who arrive after
    // fleeing are displaced on the day they arrive.
    let fled = sentence[at + "after ".len()..]
        .split(' ')
        .next()
        .is_some_and(|w| ["fleeing", "escaping", "leaving", "being"].contains(&w));
    (!counted && !fled && has_words(before, 3)).then_some(at)
}

/// "On the same day", "that same day", "the same day": the day told just before.
fn tells_of_the_same_day(sentence: &str) -> bool {
    // A substring search (fast over text without the phrase) in the cases news text writes.
    ["same day", "Same day", "SAME DAY"]
        .iter()
        .any(|phrase| sentence.contains(phrase))
}

/// How far into a line a dated item's dash stands at most ("27 September 2020 –").
const DATED_ITEM_HEAD: usize = 32;

/// Whether the sentence at `sentence_start` opens its line (read back over spaces only).
fn opens_its_line(text: &str, sentence_start: usize) -> bool {
    text.get(..sentence_start)
        .map(|before| before.trim_end_matches([' ', '\t']))
        .is_some_and(|before| before.is_empty() || before.ends_with('\n'))
}

/// Whether a dash or a colon follows byte `at` ("27 September: fighting breaks out").
fn followed_by_a_dash(text: &str, at: usize) -> bool {
    text.get(at..).is_some_and(|after| {
        ["-", "–", "—", ":"]
            .iter()
            .any(|mark| after.trim_start_matches(' ').starts_with(mark))
    })
}

/// A list item that opens its line with the day ("Oct. 4 - Ganja comes under fire.", "27
/// September: fighting breaks out"): the end of that line and the day, which the item's
/// sentences count from and its later sentences keep; `usize::MAX` for the end when the day is
/// alone on its line, heading the entries below it. Only a sentence that starts with a digit or
/// a capital (a month) is read for its time words.
fn opens_a_dated_item(
    article: &Article,
    whole: &Range<usize>,
    published: NaiveDate,
) -> Option<(usize, NaiveDate)> {
    let text = &article.text;
    let sentence = text.get(whole.clone())?;
    // "STEPANAKERT - OCTOBER 14" alone on its line: a shouted place and its day head the
    // entries below it, as a day alone does.
    if let Some(day) = shouted_place_and_day(article, whole, sentence, published) {
        return Some((usize::MAX, day));
    }
    // Cheap looks first (this runs for every sentence): a dash or a colon soon (0xE2 opens "–"
    // and "—") or a sentence as short as a day ("Monday 12 October."), and a day number, a
    // month or a weekday first.
    let short = sentence.trim_end().len() <= DATED_ITEM_HEAD;
    let dash_soon = sentence.as_bytes()[..sentence.len().min(DATED_ITEM_HEAD)]
        .iter()
        .any(|&b| matches!(b, b'-' | b':' | 0xE2));
    if !dash_soon && !short {
        return None;
    }
    let first_word = sentence
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or_default();
    let mut lower = [0u8; 9];
    let day_first = first_word.starts_with(|c: char| c.is_ascii_digit())
        || ((3..=lower.len()).contains(&first_word.len()) && {
            let lower = &mut lower[..first_word.len()];
            lower.copy_from_slice(first_word.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower)
                .is_ok_and(|w| crate::when::month(w).is_some() || crate::when::weekday(w).is_some())
        });
    if !day_first || !opens_its_line(text, whole.start) {
        return None;
    }
    let refs = time_refs_at(article, whole, published);
    let first = refs
        .first()
        .filter(|r| r.kind == RefKind::Day && !r.relative && r.start == 0)?;
    let line_end = text[whole.start..]
        .find('\n')
        .map_or(text.len(), |i| whole.start + i);
    // A day alone on its line heads the entries below it, up to the next such heading: a
    // timeline's "Tuesday, 13 October", a live blog's "WEDNESDAY 14 OCTOBER".
    // Its weekday may follow it: "13 October, Tuesday".
    let heads_a_section = text
        .get(whole.start + first.end..line_end)
        .is_some_and(|rest| {
            let rest = rest.trim();
            rest.is_empty()
                || rest.strip_prefix(',').is_some_and(|weekday| {
                    let weekday = weekday.trim().trim_end_matches(['.', ':']);
                    weekday.len() <= 9
                        && crate::when::weekday(&weekday.to_ascii_lowercase()).is_some()
                })
        });
    if heads_a_section {
        return Some((usize::MAX, first.day?));
    }
    // The day and a dash, or the day alone as the sentence: "Monday 12 October. Both sides …".
    let alone = text
        .get(whole.start + first.end..whole.end)
        .is_some_and(|rest| matches!(rest.trim(), "." | ":"));
    if !alone && !followed_by_a_dash(text, whole.start + first.end) {
        return None;
    }
    Some((line_end, first.day?))
}

/// The day of a heading that is a shouted place, a dash and a day, alone on its line
/// ("STEPANAKERT - OCTOBER 14", "BARDA — 28 OCTOBER").
fn shouted_place_and_day(
    article: &Article,
    whole: &Range<usize>,
    sentence: &str,
    published: NaiveDate,
) -> Option<NaiveDate> {
    // Most sentences open with no shouted word: told by their first bytes.
    if !sentence.bytes().take(3).all(|b| b.is_ascii_uppercase())
        || sentence.len() > DATED_ITEM_HEAD + 16
        || sentence.chars().any(char::is_lowercase)
        || !opens_its_line(&article.text, whole.start)
    {
        return None;
    }
    let rest_of_line = article.text.get(whole.end..)?;
    if !rest_of_line
        .split('\n')
        .next()
        .is_some_and(|rest| rest.trim().is_empty())
    {
        return None;
    }
    let dash = [" - ", " \u{2013} ", " \u{2014} "]
        .iter()
        .filter_map(|d| sentence.find(d).map(|at| at + d.len()))
        .min()?;
    let refs = time_refs_at(article, whole, published);
    let day = refs
        .iter()
        .find(|r| r.kind == RefKind::Day && !r.relative && r.start >= dash)?;
    sentence[day.end..]
        .trim()
        .trim_end_matches('.')
        .is_empty()
        .then_some(day.day)
        .flatten()
}

/// The mentions that lie within `range`, in their order: with `in_order` (starts in order, no
/// mention ending before it starts) only those from the first starting in `range` on are read.
fn mentions_within(
    mentions: &[Mention],
    in_order: bool,
    range: Range<usize>,
) -> impl Iterator<Item = &Mention> {
    let from = if in_order {
        mentions.partition_point(|m| m.start < range.start)
    } else {
        0
    };
    mentions[from..]
        .iter()
        // In order, a mention that starts past the range ends past it, as do all after it.
        .take_while(move |m| !in_order || m.start <= range.end)
        .filter(move |m| m.start >= range.start && m.end <= range.end)
}

/// "The Azerbaijani army denied having fired on this building": a denial that names no day of
/// its own answers the article's last report of that kind (at one of its places, when it names
/// some: "denied firing at Ganja"); it is kept as one of that event's sources (marked denied),
/// not as a new event.
fn denial_target(event: &Event, told: &[Event]) -> Option<usize> {
    let source = event.sources.first()?;
    if !source.denied || source.day_words.is_some() {
        return None;
    }
    let named = !source.place_words.is_empty();
    told.iter().rposition(|e| {
        e.kind == event.kind
            && e.status == event.status
            && (!named || e.places.iter().any(|p| event.places.contains(p)))
    })
}

/// "Armenia denied targeting civilians", and no report before it to answer: a denial alone
/// tells of no event — its only place is the one who denies (or none), so it is no new event.
fn denies_with_nothing_to_answer(event: &Event) -> bool {
    let Some(source) = event.sources.first() else {
        return false;
    };
    let claimant = source.claimed_by.as_deref().unwrap_or_default();
    source.denied
        && source.day_words.is_none()
        && source
            .place_words
            .iter()
            .all(|word| !claimant.is_empty() && claimant.contains(word.text.as_str()))
}

/// Words that join two reports in one sentence ("Azerbaijan said X, while Armenia said Y"):
/// what [`clause_breaks`] finds.
#[cfg(test)]
const CLAUSE_BREAKS: &[&str] = &[", while ", "; ", ", whereas ", " while "];

/// ", as " joins two reports when a clause follows it ("Russian peacekeepers began deploying to
/// Nagorno-Karabakh on Tuesday, as protesters in Yerevan demanded the prime minister's
/// resignation"), not when it opens a comparison or an aside (", as well as", ", as a result",
/// ", as expected").
const AS_BREAK: &str = ", as ";

/// Words after ", as " that make no clause of their own.
const AS_NOT_A_CLAUSE: &[&str] = &[
    "well",
    "a",
    "an",
    "part",
    "of",
    "such",
    "usual",
    "expected",
    "reported",
    "announced",
    "planned",
    "agreed",
    "promised",
    "if",
    "though",
    "soon",
    "far",
    "long",
    "much",
    "many",
    "in",
    "seen",
    "per",
    "to",
    "for",
    "with",
    "opposed",
    "follows",
    "always",
    "ever",
    "before",
];

/// Whether the ", as " at byte `at` of `body` joins two clauses. An "as" clause followed by a
/// comma is an aside the main clause goes on after ("In an address yesterday, as the ministers
/// sat down for talks in Moscow, Mr Aliyev pledged …"): cutting there would part the main
/// clause from its day.
fn is_as_break(body: &str, at: usize) -> bool {
    let rest = &body[at + AS_BREAK.len()..];
    if rest.contains(", ") {
        return false;
    }
    let word = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    !word.is_empty()
        && !AS_NOT_A_CLAUSE.iter().any(|w| w.eq_ignore_ascii_case(word))
        && !is_a_backdrop(rest)
}

/// "…, as clashes dragged into a fourth week", "as the fighting continued": the war going on
/// behind what the sentence tells, kept with it so that the lexicon's blockers see the whole
/// phrase.
fn is_a_backdrop(clause: &str) -> bool {
    let mut words = clause
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .skip_while(|w| w.eq_ignore_ascii_case("the"));
    words
        .next()
        .is_some_and(|w| is_one_of(w, &["fighting", "clashes", "war", "hostilities"]))
        && words.next().is_some_and(|w| {
            is_one_of(
                w,
                &[
                    "continued",
                    "continues",
                    "dragged",
                    "drags",
                    "entered",
                    "enters",
                    "went",
                    "goes",
                ],
            )
        })
}

/// Counts from this many up are a side's or the war's toll ("At least 300 dead", "104 soldiers
/// and 8 civilians"), not one strike's or battle's.
const ONE_HAPPENING_TOLL_MAX: u64 = 100;

/// A count of the dead or wounded, none of them a toll of the war so far or as large as one.
fn toll_of_one_happening(figures: &Figures) -> bool {
    let counts = [&figures.deaths, &figures.injured];
    counts.iter().any(|f| f.is_some())
        && counts.iter().all(|f| {
            f.as_ref()
                .is_none_or(|f| !f.running_total && f.value < ONE_HAPPENING_TOLL_MAX)
        })
}

/// "A missile strike on Ganja killed nine people": the toll the sentence gives with its strike
/// is that strike's, one event with its dead, not a second event of casualties beside it. Only
/// for the same day, places and teller, and a toll of one happening (a toll of the war so far
/// told beside a strike stays its own report).
fn fold_tolls_into_their_strike(found: &mut Vec<Event>) {
    if found.len() < 2 {
        return;
    }
    let mut i = 0;
    while i < found.len() {
        let toll = &found[i];
        // A toll with no count ("a woman was killed by shrapnel") is the strike's too.
        let strike = (toll.kind == EventKind::Casualties
            && toll.figures.displaced.is_none()
            && (toll.figures.is_empty() || toll_of_one_happening(&toll.figures)))
        .then(|| {
            found.iter().position(|e| {
                // An explosion alone may be a mine's or a bomblet's going off days later: its
                // toll stays a report of its own.
                e.kind == EventKind::Shelling
                    && e.sources.iter().any(|s| {
                        s.kind_words.iter().any(|w| {
                            !is_one_of(
                                &w.text,
                                &["exploded", "explosion", "explosions", "blast", "blasts"],
                            )
                        })
                    })
                    && e.day == toll.day
                    && e.places == toll.places
                    && e.status == toll.status
                    && e.claimed_by == toll.claimed_by
                    && e.figures.is_empty()
                    && e.sources.len() == 1
            })
        })
        .flatten();
        let Some(strike) = strike else {
            i += 1;
            continue;
        };
        let toll = found.remove(i);
        let strike = &mut found[if strike > i { strike - 1 } else { strike }];
        if let (Some(source), Some(told)) = (strike.sources.first_mut(), toll.sources.first()) {
            source.figures = told.figures.clone();
            source.kind_words.extend(told.kind_words.iter().cloned());
            source.kind_words.sort_by_key(|w| w.start);
            source.kind_words.dedup_by_key(|w| w.start);
        }
        strike.figures = toll.figures;
        for actor in toll.actors {
            if !strike.actors.contains(&actor) {
                strike.actors.push(actor);
            }
        }
    }
}

/// Whether ", when" or ", which" follows byte `end` of `text` (white space and a closing
/// parenthesis between allowed).
fn when_clause_follows(text: &str, end: usize) -> bool {
    // "(1988-1994), which had made 30,000 dead" tells of that past too.
    text.get(end..)
        .map(|rest| rest.trim_start().trim_start_matches(')'))
        .and_then(|rest| rest.trim_start().strip_prefix(','))
        .is_some_and(|rest| {
            let rest = rest.trim_start();
            ["when ", "which "].iter().any(|opener| {
                rest.get(..opener.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(opener))
            })
        })
}

/// After a denial, the turn to what the one who denies asserts instead ("Armenia denied firing
/// at Ganja and accused Azerbaijan of shelling Stepanakert"): the denial reaches no further.
const DENIAL_TURNS: &[&str] = &[
    " and accused ",
    " and said ",
    ", but said ",
    " but said ",
    " and claimed ",
    " and blamed ",
    " and insisted ",
    " and reported ",
    ", saying ",
];

/// A sentence cut where it joins two reports, each part long enough to be a report of its own;
/// the parts replace what `parts` held. `denial_end` is where the sentence's first denial word
/// ends (in the sentence), if it has one: the first of [`DENIAL_TURNS`] after it is a break.
fn clauses(
    text: &str,
    sentence: Range<usize>,
    denial_end: Option<usize>,
    parts: &mut Vec<Range<usize>>,
) {
    parts.clear();
    let Some(body) = text.get(sentence.clone()) else {
        parts.push(sentence);
        return;
    };
    let mut breaks = clause_breaks(body);
    if let Some(turn) = denial_end.and_then(|end| denial_turn(body, end)) {
        breaks.push(turn);
    }
    // Most sentences have no break at all.
    if breaks.is_empty() {
        parts.push(sentence);
        return;
    }
    // In order of position, as the ordered map of every break's matches gave them.
    breaks.sort_unstable();
    let mut start = 0;
    for (at, separator_len) in breaks {
        if at < start {
            continue;
        }
        let before = &body[start..at];
        let after = &body[at + separator_len..];
        // At least five words on each side: counted only up to five.
        if has_words(before, 5) && has_words(after, 5) {
            parts.push(sentence.start + start..sentence.start + at);
            start = at + separator_len;
        }
    }
    parts.push(sentence.start + start..sentence.end);
}

/// The first of [`DENIAL_TURNS`] in `body` after byte `denial_end`, with its length.
fn denial_turn(body: &str, denial_end: usize) -> Option<(usize, usize)> {
    let rest = body.get(denial_end..)?;
    DENIAL_TURNS
        .iter()
        .filter_map(|turn| rest.find(turn).map(|i| (denial_end + i, turn.len())))
        .min()
}

/// `text.split_whitespace().count() >= n`, without counting past `n`.
fn has_words(text: &str, n: usize) -> bool {
    n == 0 || text.split_whitespace().nth(n - 1).is_some()
}

/// Where each of [`CLAUSE_BREAKS`] stands in `body`, with its length, in one pass over the
/// bytes instead of a substring search per break: every break holds "; " or starts "while " /
/// "whereas " just after its first one or two bytes, so only the ';' and 'w' bytes are looked at.
/// (No break matches where another starts, and none overlaps itself.)
fn clause_breaks(body: &str) -> Vec<(usize, usize)> {
    let bytes = body.as_bytes();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = text::next_of_either(bytes, from, b';', b'w') {
        from = i + 1;
        if bytes[i] == b';' {
            if bytes.get(i + 1) == Some(&b' ') {
                found.push((i, 2));
            }
            continue;
        }
        let rest = &bytes[i..];
        let after_comma = i >= 2 && &bytes[i - 2..i] == b", ";
        if rest.starts_with(b"while ") {
            if after_comma {
                found.push((i - 2, ", while ".len()));
            }
            if i >= 1 && bytes[i - 1] == b' ' {
                found.push((i - 1, " while ".len()));
            }
        } else if rest.starts_with(b"whereas ") && after_comma {
            found.push((i - 2, ", whereas ".len()));
        }
    }
    found.extend(
        body.match_indices(AS_BREAK)
            .filter(|&(i, _)| is_as_break(body, i))
            .map(|(i, _)| (i, AS_BREAK.len())),
    );
    found.extend(
        body.match_indices(THEN_BREAK)
            .filter(|&(i, _)| opens_a_next_step(&body[i + THEN_BREAK.len()..]))
            .map(|(i, _)| (i, THEN_BREAK.len())),
    );
    found
}

/// ", then " before a verb in the past starts the next step of a story ("met Aliyev in Baku on
/// Thursday, then travelled to Yerevan, where they met Pashinyan the next day"), with its own
/// day and place; before a name it only goes on with a list ("hit Stepanakert, then Shusha").
const THEN_BREAK: &str = ", then ";

fn opens_a_next_step(rest: &str) -> bool {
    let word = rest
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    word.len() > 3 && word.ends_with("ed") && word.starts_with(|c: char| c.is_ascii_lowercase())
        || [
            "flew", "went", "met", "held", "left", "took", "came", "spoke",
        ]
        .contains(&word)
}

/// The town of the article's dateline when it lies in the war zone (a reporter at the scene),
/// with why: not a capital, a country or a region, and within the distance the gazetteer calls
/// the war zone.
fn front_line_dateline(
    article: &Article,
    mentions: &[Mention],
    gazetteer: &Gazetteer,
) -> Option<(PlaceId, String)> {
    let m = mentions.iter().find(|m| {
        m.role == MentionRole::Credit
            && crate::gazetteer::roles::is_dateline(&article.text, m.start, m.end)
    })?;
    let place = place_of(gazetteer, m)?;
    let town = !matches!(
        place.kind,
        PlaceKind::Country | PlaceKind::Capital | PlaceKind::Region
    );
    (town && crate::gazetteer::resolve::km_from_war(place) < WAR_ZONE_KM).then(|| {
        (
            place.id.clone(),
            format!(
                "no place in the sentence: {}, where the report was filed, in the war zone",
                place.name
            ),
        )
    })
}

/// How far from the war's centre a dateline's town is a reporter at the scene (the gazetteer's
/// "in the war zone").
const WAR_ZONE_KM: f64 = 120.0;

/// The region an article is about, for war events whose sentence names no place ("The fighting
/// continued on Thursday"), with how it was found:
/// 1. its most-mentioned region as a place or an actor (ties: the first);
/// 2. else a region named only inside an organisation's name ("the Artsakh Defense Army said");
/// 3. else the region all its places lie in, or the country most of them lie in: a
///    ministry's bulletin that names only districts ("shelled the Tartar, Aghdam and Aghjabadi
///    districts … since September 27, 42 civilians were killed") is about their country.
fn article_region(mentions: &[Mention], gazetteer: &Gazetteer) -> Option<(PlaceId, &'static str)> {
    let places: Vec<&Place> = mentions
        .iter()
        .filter(|m| m.role == MentionRole::Event)
        .filter_map(|m| place_of(gazetteer, m))
        .filter(|p| !is_container(p))
        // Where talks far away were held is no region of the war ("Ministers meet in Geneva").
        .filter(|p| within_theatre(p))
        .collect();
    // A region of the places' own country: a point and a radius alone put Shusha in Armenia's
    // Syunik Province.
    let holds = |region: &Place, place: &Place| {
        place.country == region.country && distance_km(place, region) <= INSIDE_REGION_KM
    };
    // A region named once, in a remark, holding none of the towns the article tells of ("a
    // future rail line through the Syunik Province" in a report on Lachin) is not its region.
    // The war's own region is always its region, whatever districts around it the towns lie in.
    let about = |(id, named): (PlaceId, usize)| {
        let region = gazetteer.place(&id)?;
        (named > 1
            || places.is_empty()
            || crate::gazetteer::resolve::km_from_war(region) <= WAR_REGION_KM
            || places.iter().any(|p| holds(region, p)))
        .then_some(id)
    };
    if let Some(id) = most_mentioned_region(mentions, gazetteer, |role| {
        matches!(role, MentionRole::Event | MentionRole::Actor)
    })
    .and_then(about)
    {
        return Some((id, "the region the article is about"));
    }
    if let Some(id) =
        most_mentioned_region(mentions, gazetteer, |role| role == MentionRole::Background)
            .and_then(about)
    {
        return Some((id, "the region the article's organisations are named after"));
    }
    if places.is_empty() {
        return None;
    }
    // Rare (most articles name their region): the gazetteer's few regions are looked at here only.
    let regions = gazetteer
        .places()
        .iter()
        .filter(|p| p.kind == PlaceKind::Region);
    // A capital is no town of a province around it: Yerevan named alone is not in Kotayk.
    let towns: Vec<&Place> = places
        .iter()
        .copied()
        .filter(|p| p.kind != PlaceKind::Capital)
        .collect();
    let inside = |region: &Place| towns.iter().filter(|p| holds(region, p)).count();
    let total_km = |region: &Place| towns.iter().map(|p| distance_km(p, region)).sum::<f64>();
    // All of them: a region is only a point and a radius here, and districts around it are
    // often outside it. The nearest such region, where several hold them.
    let best_region = regions
        .filter(|region| !towns.is_empty() && inside(region) == towns.len())
        .min_by(|a, b| total_km(a).total_cmp(&total_km(b)));
    if let Some(region) = best_region {
        return Some((
            region.id.clone(),
            "the region all the article's places lie in",
        ));
    }
    let mut countries: Vec<(&str, usize)> = Vec::new();
    for place in &places {
        match countries
            .iter_mut()
            .find(|(code, _)| *code == place.country)
        {
            Some((_, n)) => *n += 1,
            None => countries.push((place.country.as_str(), 1)),
        }
    }
    let (code, n) = countries.iter().max_by_key(|(_, n)| *n)?;
    if 2 * n <= places.len() {
        return None;
    }
    gazetteer.country(code).map(|country| {
        (
            country.id.clone(),
            "the country the article's places lie in",
        )
    })
}

/// The region most often named by mentions of the roles `counted` (ties: the first), and how
/// often.
fn most_mentioned_region(
    mentions: &[Mention],
    gazetteer: &Gazetteer,
    counted: impl Fn(MentionRole) -> bool,
) -> Option<(PlaceId, usize)> {
    let mut counts: Vec<(PlaceId, usize)> = Vec::new();
    for mention in mentions {
        if !counted(mention.role) {
            continue;
        }
        let Some(id) = &mention.place else { continue };
        if gazetteer
            .place(id)
            .is_some_and(|p| p.kind == PlaceKind::Region)
        {
            match counts.iter_mut().find(|(known, _)| known == id) {
                Some((_, n)) => *n += 1,
                None => counts.push((id.clone(), 1)),
            }
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best)
}

/// What the sentences before tell about the one at hand.
struct Context<'a> {
    /// The region the article is about.
    region: Option<&'a PlaceId>,
    /// Places of the last sentence that named one ("there", "the city").
    previous_places: &'a [&'a PlaceId],
    /// The mentions of the clause before, whatever their role.
    clause_before: &'a [&'a Mention],
    /// Events of the sentence just before, with named places ("One of the rockets landed …").
    previous_events: &'a [(EventKind, Vec<PlaceId>)],
    /// [`publication_why`] of the article's publication day, written once per article.
    publication_why: &'a str,
    /// Why an event is placed in `region`, written on first use.
    region_why: &'a std::cell::OnceCell<String>,
    /// The day named for the last report that named one: what "a day earlier" counts from.
    previous_day: Option<NaiveDate>,
    /// The day named by the last sentence that named one, event or not: what "the next day" and
    /// "later that day" count from, and "a day earlier" in the same paragraph ("Soldiers drive
    /// to the front on October 19. Baku said it had taken Fuzuli two days earlier").
    day_told: Option<NaiveDate>,
    /// Whether `day_told` was named in the paragraph of the sentence at hand.
    day_told_in_paragraph: bool,
    /// `previous_day` when it is a day before publication named in one of the last
    /// [`STORY_TOLD_WITHIN`] sentences: the day of a story the article is telling in the past.
    story_day: Option<NaiveDate>,
    /// Whether the story's day was told as a night.
    story_night: bool,
    /// The day an earlier clause of the same sentence named ("Shells fell on Goris on Thursday,
    /// the ministry said, as fighting intensified"): the day of a clause that names none.
    clause_day: Option<NaiveDate>,
    /// How `region` was found, for `region_why`: "the region the article is about", …
    region_reason: &'static str,
    /// The town the article was filed from, when it lies in the war zone ("BARDA, Azerbaijan,
    /// Oct 28 (Reuters) -"), with why: where the strikes and tolls its sentences tell of
    /// without a place happened ("We heard a whistle, then the explosion").
    filed_at: Option<&'a (PlaceId, String)>,
    /// The day a dated list item opens its line with ("Oct. 4 - Ganja comes under fire.
    /// Stepanakert is shelled."), or the day of the heading above ("Tuesday, 13 October" alone
    /// on its line): the day of the later sentences that name none.
    item_day: Option<NaiveDate>,
    /// Who denied something in an earlier clause of the sentence: the speaker of a clause that
    /// names none ("Armenia denied firing at Ganja and accused Azerbaijan of shelling …").
    denier: Option<&'a str>,
    /// An earlier clause of the sentence rebuts what was told before ("rejected the claim").
    rebuts: bool,
    /// The strike or battle told in the last two sentences, which "the attack" points back to.
    told_attack: Option<&'a ToldAttack>,
    /// The same, whether or not the sentence points back to it: where an attack told with no
    /// place of its own goes on.
    recent_attack: Option<&'a ToldAttack>,
    /// Whether the sentence before recalled a past before this war ("In 1992 and 1993, the town
    /// was within range of Armenian artillery").
    past_before: bool,
    /// Set when this sentence recalls such a past.
    recalls_the_past: &'a std::cell::Cell<bool>,
    /// Set to the day a deal told in this sentence comes into force, which dates no act of its
    /// own ("signed on 2 December, it takes effect on 4 December").
    in_force_on: &'a std::cell::Cell<Option<NaiveDate>>,
    /// Set when the sentence dates an event by a night ("During the night, …").
    night_told: &'a std::cell::Cell<bool>,
    /// Where a sentence with no word of a kind tells that a place "followed" the event just
    /// told ("Kalbajar followed on 25 November"): that event's kind, and where "followed" is.
    followed: Option<(EventKind, usize, usize)>,
}

/// "Aghdam was handed over on 20 November. Kalbajar followed on 25 November, and Lachin on 1
/// December": a place that "followed" the event of the sentence before, with a day, is one more
/// event of that kind. The kind, and where "followed" stands in `sentence`; `None` unless the
/// events before are all of one kind and a place is named right before "followed".
fn follows_the_event_before(
    sentence: &str,
    offset: usize,
    mentions: &[&Mention],
    previous_events: &[(EventKind, Vec<PlaceId>)],
) -> Option<(EventKind, usize, usize)> {
    let at = FOLLOWED.find(sentence.as_bytes())?;
    let (kind, _) = previous_events.first()?;
    if previous_events.iter().any(|(k, _)| k != kind) {
        return None;
    }
    let after = &sentence[at + FOLLOWED.needle().len()..];
    let dated = [
        " on ",
        ", on ",
        " a day later",
        " days later",
        " a week later",
        " the next day",
    ]
    .iter()
    .any(|p| after.starts_with(p));
    if !dated {
        return None;
    }
    // The place is the subject: "Kalbajar followed", "the Kalbajar district followed".
    let before = sentence[..at].trim_end();
    let name_ends = [
        Some(before),
        before.strip_suffix(" district"),
        before.strip_suffix(" region"),
    ];
    // The name is the whole subject: not "a convoy from Goris followed".
    let subject_is_a_place = mentions.iter().any(|m| {
        m.place.is_some()
            && name_ends
                .iter()
                .flatten()
                .any(|name| m.end == offset + name.len())
            && m.start
                .checked_sub(offset)
                .and_then(|start| sentence.get(..start))
                .is_some_and(|head| {
                    let head = head.trim();
                    head.is_empty() || head.eq_ignore_ascii_case("the") || head.ends_with(',')
                })
    });
    subject_is_a_place.then(|| (*kind, at + 1, at + FOLLOWED.needle().len()))
}

static FOLLOWED: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(" followed"));

/// A strike or battle an article has just told of: its kind, places and day.
#[derive(Clone)]
struct ToldAttack {
    kind: EventKind,
    places: Vec<PlaceId>,
    day: NaiveDate,
}

/// Why an event whose sentence names no time is put on day `d`, the publication day.
fn publication_why(d: NaiveDate) -> String {
    format!(
        "no time words in the sentence: the article's publication day, {}",
        when::LongDayName(d)
    )
}

#[allow(clippy::too_many_arguments)]
fn sentence_events(
    article: &Article,
    sentence: &Sentence,
    scan: &Scan,
    published: Option<NaiveDate>,
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
    context: &Context,
    lines: &mut Option<LineFacts>,
) -> Vec<Event> {
    let mut kinds = kinds_in(sentence.text, scan, lexicon);
    if let Some((kind, start, end)) = context.followed
        && kinds.is_empty()
    {
        kinds.push((
            kind,
            vec![Span {
                start,
                end,
                text: sentence.text[start..end].to_string(),
            }],
        ));
    }
    // Before "the attack" is looked for: a toll that goes on with the strike told just before
    // takes its day as well as its place.
    let recent_attack = context.told_attack;
    // "Russian peacekeepers, who began deploying on November 10, escorted refugees on Saturday":
    // an aside describes; its words and its days tell nothing of the sentence's event.
    // When the asides hold all the sentence tells ("Shusha, which Azerbaijan captured on
    // Sunday, overlooks Stepanakert"), they are read as the rest.
    let mut asides = closed_relative_asides(sentence.text);
    let in_aside = |asides: &[Range<usize>], start: usize, end: usize| {
        asides.iter().any(|a| a.start <= start && end <= a.end)
    };
    let told_outside = kinds
        .iter()
        .any(|(_, words)| words.iter().any(|w| !in_aside(&asides, w.start, w.end)));
    if !told_outside {
        asides.clear();
    }
    if !asides.is_empty() {
        for (_, words) in &mut kinds {
            words.retain(|w| !in_aside(&asides, w.start, w.end));
        }
        kinds.retain(|(_, words)| !words.is_empty());
    }
    // "according to three farmers who later fled to Goris": who told it, not what happened.
    let attributions = &sentence.attributions;
    if !attributions.is_empty() {
        for (_, words) in &mut kinds {
            words.retain(|w| !in_aside(attributions, w.start, w.end));
        }
        kinds.retain(|(_, words)| !words.is_empty());
    }
    // "UNHCR delivered blankets to some 3,000 displaced people in Goris": help given to the
    // displaced, not their flight.
    if kinds.iter().any(|(k, _)| *k == EventKind::Displacement)
        && scan.contains(Set::Aid)
        && gives_aid_to_the_displaced(sentence.text)
    {
        kinds.retain(|(k, _)| *k != EventKind::Displacement);
    }
    // "Fighting broke out at dawn, with artillery and drones", "launched a counter-attack in
    // response to enemy shelling": the weapons of a battle and what it answers are no strike of
    // their own. An attack carried out "with a ballistic missile" is a strike.
    let battle = kinds.iter().any(|(k, words)| {
        *k == EventKind::Fighting
            && words.iter().any(|w| {
                !is_one_of(
                    &w.text,
                    &["attack", "attacks", "attacked", "assault", "assaults"],
                )
            })
    });
    if battle
        && kinds.iter().any(|(k, words)| {
            *k == EventKind::Shelling
                && words.iter().all(|w| {
                    text::words_back(&sentence.text[..w.start])
                        .take(4)
                        .map(|b| b.trim_matches(|c: char| !c.is_alphanumeric()))
                        .any(|b| is_one_of(b, &["with", "using", "response", "retaliation"]))
                })
        })
    {
        kinds.retain(|(k, _)| *k != EventKind::Shelling);
    }
    // "Some 5,000 people displaced by shelling have arrived in Barda", "fleeing the fighting":
    // what drove people out is the cause of their flight, not a strike or a battle told there.
    if kinds.iter().any(|(k, _)| *k == EventKind::Displacement) {
        for (kind, words) in kinds.iter_mut() {
            if matches!(kind, EventKind::Shelling | EventKind::Fighting) {
                words.retain(|w| !drove_people_out(&sentence.text[..w.start]));
            }
        }
        kinds.retain(|(_, words)| !words.is_empty());
    }
    // "Azerbaijani forces attacked Hadrut with artillery and drones": an attack told only as
    // such, carried out with the weapons of a strike, is that strike, not a battle beside it.
    let attack_only = |words: &[Span]| {
        words
            .iter()
            .all(|w| is_one_of(&w.text, &["attack", "attacks", "attacked", "attacking"]))
    };
    if kinds
        .iter()
        .any(|(k, words)| *k == EventKind::Fighting && attack_only(words))
        && kinds.iter().any(|(k, words)| {
            *k == EventKind::Shelling
                && words.iter().any(|w| {
                    text::words_back(&sentence.text[..w.start])
                        .take(3)
                        .map(|b| b.trim_matches(|c: char| !c.is_alphanumeric()))
                        .any(|b| is_one_of(b, &["with", "using", "by"]))
                })
        })
    {
        kinds.retain(|(k, _)| *k != EventKind::Fighting);
    }
    // "killing four people in a night attack", "in the deadliest attack of the war": the strike
    // told as an attack; "one of its soldiers died when gunmen attacked a checkpoint": how the
    // toll came about. Neither is a battle of its own.
    if kinds
        .iter()
        .any(|(k, words)| *k == EventKind::Fighting && attack_only(words))
        && let Some(told) = kinds
            .iter()
            .filter(|(k, _)| matches!(k, EventKind::Shelling | EventKind::Casualties))
            .flat_map(|(_, words)| words.iter().map(|w| w.start))
            .min()
        && kinds.iter().any(|(k, words)| {
            *k == EventKind::Fighting
                && words
                    .iter()
                    .all(|w| w.start > told && tells_how_it_came_about(&sentence.text[..w.start]))
        })
    {
        kinds.retain(|(k, _)| *k != EventKind::Fighting);
    }
    // "A rebel spokesman called the Azerbaijani statement untrue": what is denied is a claim,
    // and a denial of it no diplomatic act.
    if scan.contains(Set::Denials)
        && kinds.iter().any(|(k, words)| {
            *k == EventKind::Diplomacy
                && words.iter().all(|w| {
                    is_one_of(
                        &w.text,
                        &["statement", "statements", "address", "speech", "interview"],
                    )
                })
        })
    {
        kinds.retain(|(k, _)| *k != EventKind::Diplomacy);
    }
    // "Troops entered the Aghdam district on Friday under the peace deal", "its forces withdrew
    // from Kalbajar under the deal": an entry or a withdrawal a deal provides for is the
    // handover, not a battle.
    if kinds.iter().any(|(k, _)| *k == EventKind::Diplomacy)
        && kinds.iter().any(|(k, words)| {
            *k == EventKind::Fighting && words.iter().all(|w| moves_troops_in_or_out(&w.text))
        })
    {
        kinds.retain(|(k, _)| *k != EventKind::Fighting);
    }
    // "About 200 residents returned to Shusha on Sunday under the deal": what the deal
    // provides for, told with what happened, is no diplomatic act of its own ("troops entered
    // the Aghdam district under the peace deal", with nothing else told, is the handover).
    if kinds.len() > 1
        && kinds.iter().any(|(k, words)| {
            *k == EventKind::Diplomacy
                && words.iter().all(|w| {
                    text::words_back(&sentence.text[..w.start])
                        .find(|b| {
                            !is_one_of(b, &["the", "a", "this", "peace", "ceasefire", "trilateral"])
                        })
                        .is_some_and(|b| b.eq_ignore_ascii_case("under"))
                })
        })
    {
        kinds.retain(|(k, _)| *k != EventKind::Diplomacy);
    }
    // "In the basement, someone turns the radio up", "the surgeons work in the basement too":
    // life in the basements told in the present is how a city lives, not people fleeing
    // ("who has spent four nights in a basement" is).
    if kinds.iter().any(|(k, words)| {
        *k == EventKind::Displacement
            && words
                .iter()
                .all(|w| is_one_of(&w.text, &["basement", "basements"]))
    }) && !narrates_the_past(sentence.text)
        && !sentence
            .text
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| is_one_of(w, &["has", "have", "had"]))
    {
        kinds.retain(|(k, _)| *k != EventKind::Displacement);
    }
    if kinds.is_empty() || is_question(sentence.text) {
        return Vec::new();
    }
    // A link or teaser line tells of nothing: told before the time words are read (every
    // early return gives no event, so their order does not matter).
    let line = line_facts(&article.text, sentence.whole.clone(), lexicon, lines);
    if line.skipped || is_run_in_head(&article.text, &sentence.whole, &line.range) {
        return Vec::new();
    }
    // Read only for sentences that tell of something (most do not) and hold a word every time
    // expression holds (half do not): time words cost a scan.
    let mut refs = published
        .filter(|_| when::may_name_a_time(sentence.text, scan.has_time_anchor()))
        .map(|day| sentence_time_refs(article, sentence, day))
        .unwrap_or_default();
    // In a dated line of a timeline ("9 November – … Late at night, Putin, Aliyev and Pashinyan
    // sign a deal"; "25 October – After talks on Friday, …"), "late at night", "on Friday" and
    // "the next day" count from the line's day, not from the day of publication.
    if let Some(line_day) = context.item_day.filter(|&d| Some(d) != published)
        && !refs.is_empty()
    {
        refs = sentence_time_refs(article, sentence, line_day);
        // A line's night is the night of its day, not the night before it ("Late at night,
        // Putin, Aliyev and Pashinyan sign a deal") — but "overnight" and "last night" under a
        // day's heading are the night that led into that day.
        for r in &mut refs {
            if r.kind == RefKind::Night
                && r.relative
                && r.day == line_day.pred_opt()
                && !names_the_night_just_passed(&r.words)
            {
                r.day = Some(line_day);
            }
        }
    }
    if !asides.is_empty() {
        refs.retain(|r| !asides.iter().any(|a| a.start <= r.start && r.end <= a.end));
    }
    // "TBILISI, Oct 14 (Reuters) - Clashes raged overnight …": the dateline's day is when the
    // report was filed, no day of what it tells; its "overnight" is the night that led into
    // the day it was told (a day the sentence gives, or the dateline's).
    if let Some(end) = refs
        .first()
        .filter(|r| r.start < DATELINE_BYTES_MAX)
        .and_then(|_| agency_dateline_end(sentence.text))
        && let Some(filed) = refs.iter().find(|r| r.end <= end).and_then(|r| r.day)
    {
        refs.retain(|r| r.start >= end);
        let told = refs
            .iter()
            .find(|r| r.speech && r.day.is_some())
            .and_then(|r| r.day)
            .unwrap_or(filed);
        for r in &mut refs {
            if r.is_night_of(filed) {
                r.set_night_before(told);
            }
        }
    }
    let all_starts: Vec<usize> = refs.iter().map(|r| r.start).collect();
    refs.retain(|r| {
        !names_a_document(sentence.text, r)
            && !is_a_new_deadline(sentence.text, r)
            && !opens_an_open_stretch(sentence.text, r, &all_starts)
    });
    // "In 1992 and 1993, the town was within range of Armenian artillery. Tens of thousands
    // passed through it as refugees.": a sentence that names no time and no one telling it
    // goes on with the past the sentence before recalls.
    if refs.is_empty() && !scan.contains(Set::ClaimVerbs) && context.past_before {
        context.recalls_the_past.set(true);
        return Vec::new();
    }
    // "Two civilians were killed in the attack": the strike told just before, not a new one;
    // the sentence's happenings take its day and, naming no place, its places. A denial
    // answers it as told.
    let reference = context
        .told_attack
        // "since September 27, 91 civilians were killed as a result of the shelling": a toll
        // of the war so far points back to no one attack.
        .filter(|_| !scan.contains(Set::Denials) && !refs.iter().any(|r| r.kind == RefKind::Since))
        .and_then(|told| {
            // The scan's words, not the kinds': "killed in the attack" tells of no battle of
            // its own, yet points back to one.
            // "the rockets" name a strike, not a battle; "the attack" either.
            [EventKind::Shelling, EventKind::Fighting]
                .iter()
                .flat_map(|&k| {
                    scan.get(Set::Triggers(crate::atlas::kind_index(k)))
                        .iter()
                        .map(move |&(start, end, _)| (k, start, end))
                })
                .filter(|&(k, start, end)| {
                    k == told.kind || names_any_attack(&sentence.text[start..end])
                })
                .find_map(|(_, start, end)| points_back_to_an_attack(sentence.text, start, end))
                .filter(|np| !counts_since(&sentence.text[..np.start]))
                .map(|np| (told, np))
        })
        // "as a result of the shelling of Azerbaijani cities … since September 27, 91 civilians
        // were killed": a toll of the war so far points back to no one attack.
        .filter(|_| {
            let figures = figures_outside(sentence.text, attributions);
            ![&figures.deaths, &figures.injured]
                .iter()
                .any(|f| f.as_ref().is_some_and(|f| f.running_total))
        });
    // Its words tell of the told attack's kind (a "strike" told as an "attack" is no battle),
    // so the sentence becomes one more source of it.
    if let Some((told, _)) = &reference {
        let mut pointing = Vec::new();
        for (kind, words) in &mut kinds {
            if matches!(kind, EventKind::Shelling | EventKind::Fighting) {
                let of_the_told_kind = *kind == told.kind;
                words.retain(|w| {
                    let points = (of_the_told_kind || names_any_attack(&w.text))
                        && points_back_to_an_attack(sentence.text, w.start, w.end).is_some();
                    if points {
                        pointing.push(w.clone());
                    }
                    !points
                });
            }
        }
        kinds.retain(|(_, words)| !words.is_empty());
        if !pointing.is_empty() {
            match kinds.iter_mut().find(|(k, _)| *k == told.kind) {
                Some((_, words)) => words.extend(pointing),
                None => kinds.push((told.kind, pointing)),
            }
        }
    }
    // The told attack lends its day only where the sentence names no other place.
    let reference = reference.filter(|(told, _)| {
        sentence
            .mentions
            .iter()
            .filter(|m| m.role == MentionRole::Event)
            .filter_map(|m| m.place.as_ref())
            .all(|id| told.places.contains(id))
    });
    let context = &Context {
        told_attack: reference.as_ref().map(|(told, _)| *told),
        ..*context
    };
    // "Thirteen people were killed in the overnight attack": the night is the told attack's.
    if let Some((_, np)) = &reference {
        refs.retain(|r| !(r.kind == RefKind::Night && np.start <= r.start && r.end <= np.end));
    }
    // "YEREVAN, Oct 23 (Reuters) - Pompeo will meet … on Friday": the wire's day is when the
    // report was filed, not a day of what it tells.
    if let Some(end) = wire_dateline_end(sentence.text) {
        refs.retain(|r| r.start >= end);
    }
    // "shelled on Oct. 4 and again the following day": counted from the day the sentence told
    // before it, else from the report before.
    for k in 0..refs.len() {
        if !refs[k].counts_from_a_told_day() {
            continue;
        }
        let own = refs[..k]
            .iter()
            .rev()
            .find(|r| r.kind == RefKind::Day && !r.counts_from_a_told_day() && !r.relative)
            .and_then(|r| r.day);
        let told = if refs[k].counts_forward() || context.day_told_in_paragraph {
            context.day_told
        } else {
            context.previous_day
        };
        if let Some(told) = own.or(told) {
            refs[k].count_day_before_from(told);
        }
    }
    // "Two days later, on October 6, a rocket hit Hadrut": the date told beside the count is
    // its day; "The next day, Thursday, …": the weekday beside it is the counted day, not the
    // latest Thursday before publication.
    if refs.len() > 1 {
        let text = sentence.text;
        let mut apart: Vec<usize> = Vec::new();
        for k in 0..refs.len() - 1 {
            let (count, date) = (&refs[k], &refs[k + 1]);
            let beside = count.counts_from_a_told_day()
                && date.kind == RefKind::Day
                && !date.relative
                && !date.counts_from_a_told_day()
                && date.day.is_some()
                && text
                    .get(count.end..date.start)
                    .is_some_and(|gap| matches!(gap, ", " | ", on " | " on " | " – " | " - "));
            if beside {
                let dated = date.words.bytes().any(|b| b.is_ascii_digit());
                apart.push(if dated { k } else { k + 1 });
            }
        }
        for k in apart.into_iter().rev() {
            refs.remove(k);
        }
    }
    debug_assert!(
        when::may_name_a_time(sentence.text, scan.has_time_anchor())
            || published.is_none_or(|day| when::time_refs(sentence.text, day).is_empty()),
        "a time expression without an anchor word in {:?}",
        sentence.text
    );
    // "Later in the day, the town's hospital was hit", "That evening, shells hit Askeran": the
    // day told just before goes on; "in the day" alone is then no publication day.
    // Looked for only where no day of its own is named (or "in the day" alone).
    // "In the evening he met Pashinyan" goes on with the day its paragraph named; in a new
    // paragraph it is the publication day's evening.
    let goes_on_with_the_day = context.day_told.is_some()
        && refs.iter().all(|r| r.is_part_of_the_day_alone())
        && scan.get(Set::DayGoesOn).iter().any(|&(start, _, _)| {
            context.day_told_in_paragraph
                || !sentence
                    .text
                    .get(start..start + "in the ".len())
                    .is_some_and(|head| head.eq_ignore_ascii_case("in the "))
        });
    if goes_on_with_the_day {
        refs.retain(|r| !r.is_part_of_the_day_alone());
    }
    // Days the sentence names for what happened (not durations, periods or the past).
    let dated: Vec<&TimeRef> = refs
        .iter()
        .filter(|r| {
            r.day.is_some()
                && !r.background
                && !(r.quoted && r.relative)
                && matches!(r.kind, RefKind::Day | RefKind::Night)
        })
        .collect();
    let primary = when::primary_day(&refs);
    // A sentence naming no day of its own that goes on with a dated list item, or says "on the
    // same day", keeps the day told before it.
    let referred_day = reference.as_ref().map(|(told, _)| told.day);
    let carried_day = if dated.is_empty() {
        context
            .item_day
            .or_else(|| {
                context
                    .day_told
                    .filter(|_| goes_on_with_the_day || tells_of_the_same_day(sentence.text))
            })
            .or(referred_day)
    } else {
        None
    };
    // "on Friday and Saturday", "on October 26 and 27": the same happening on both days.
    let paired = primary.and_then(|p| when::paired_day(sentence.text, &refs, p));
    // A sentence about the past the article recalls (1988, 1994, the 1990s) is background, and
    // so is what a "when" clause tells of a past a comparison names ("the worst since the 1990s,
    // when some 30,000 people were killed").
    if primary.is_none()
        && refs.iter().any(|r| {
            r.kind == RefKind::Background
                || (r.background
                    && r.kind == RefKind::Since
                    && when_clause_follows(sentence.text, r.end))
        })
    {
        context.recalls_the_past.set(true);
        return Vec::new();
    }
    // "About one million people were displaced by that conflict", "30,000 were killed in the
    // first war": the toll of a past war the article recalls (looked for in tolls and flight
    // only: nine searches of every sentence cost 2 % of the extraction).
    if dated.is_empty()
        && kinds
            .iter()
            .any(|(k, _)| matches!(k, EventKind::Casualties | EventKind::Displacement))
        && names_a_past_war(sentence.text)
    {
        context.recalls_the_past.set(true);
        return Vec::new();
    }
    // "could be much higher", "would constitute a turning point": nothing happened.
    // "Under the deal, three districts are being handed back to Azerbaijan": what a deal
    // provides, told with no day, is no happening.
    if dated.is_empty() && tells_the_terms_of_a_deal(sentence.text) {
        return Vec::new();
    }
    if dated.is_empty()
        && scan
            .get(Set::Hypothetical)
            .iter()
            .any(|&(start, end, _)| !is_what_someone_could(sentence.text, start..end))
    {
        return Vec::new();
    }
    // "Shelling has damaged hundreds of homes in Tartar": the damage of the war so far, no
    // strike of one day.
    if dated.is_empty()
        && kinds.iter().any(|(k, _)| *k == EventKind::Shelling)
        && tells_damage_so_far(sentence.text)
    {
        kinds.retain(|(k, _)| *k != EventKind::Shelling);
        if kinds.is_empty() {
            return Vec::new();
        }
    }
    // "Returning families say their flats were damaged", "roofing sheets for damaged houses":
    // damage told with no day of its own, and no strike just told whose damage it could be, is
    // the state things are in, not a strike.
    if dated.is_empty()
        && carried_day.is_none()
        && recent_attack.is_none()
        && kinds.iter().any(|(k, words)| {
            *k == EventKind::Shelling
                && words.iter().all(|w| w.text.eq_ignore_ascii_case("damaged"))
        })
    {
        kinds.retain(|(k, _)| *k != EventKind::Shelling);
        if kinds.is_empty() {
            return Vec::new();
        }
    }
    let is_caption = line.caption;
    // Only a stretch of days ("in recent days", "since September 27", "for 13 days"): an attack or
    // a battle cannot be put on one day; a toll or a count of displaced people is as of the report.
    // "Earlier this week a missile attack on Ganja killed 10": a toll of some past day, not as of
    // the report.
    let past_stretch = refs.iter().find(|r| when::is_past_stretch(r));
    // "In the first days of the war a shell hit a barn": some day of the war, not the report's.
    // Looked for only in sentences that name no day and hold one of the phrases' key words.
    let vague_past = dated
        .is_empty()
        .then(|| vague_past_in(sentence.text))
        .flatten();
    // "Since then the army has liberated the cities of Jabrayil, Fuzuli and Zangilan": a
    // stretch from the day told before, a summary of many days.
    let only_stretch = primary.is_none()
        && (refs
            .iter()
            .any(|r| matches!(r.kind, RefKind::Period | RefKind::Since))
            || SINCE_THEN.find(sentence.text.as_bytes()).is_some());
    // "Fighting has raged around Shusha since Wednesday": a battle (or a bombardment) that
    // began on a day of the last week and goes on is told from that day (not from the war's
    // first day, which only measures the war).
    let raging_since = refs.iter().find(|r| {
        only_stretch
            && r.kind == RefKind::Since
            && !r.background
            && r.day.zip(published).is_some_and(|(day, published)| {
                // "since 7:30 a.m. today" began on the report's day; "for almost a day" did
                // not begin on one.
                (day < published || (day == published && r.follows_since()))
                    && (published - day).num_days() <= RAGING_SINCE_DAYS_MAX
                    && day != crate::corpus::war_start()
            })
    });
    // The claim and the tolls are read when the first event is written: a sentence whose kinds
    // all find no place (or only a stretch of days) needs neither.
    let claim = std::cell::OnceCell::new();
    let claim = || {
        claim.get_or_init(|| {
            super::claims::claim_in(sentence.text, scan).or_else(|| {
                context.denier.map(|by| super::claims::Claim {
                    by: by.to_string(),
                    denied: false,
                })
            })
        })
    };
    // Tolls are kept only on casualty and displacement events.
    let figures = std::cell::OnceCell::new();
    // The bare day of a pair is no count ("Shelling on October 26 and 27 killed four").
    let figures = || {
        figures.get_or_init(|| match paired.as_ref() {
            Some(day) => {
                let mut spans = attributions.clone();
                spans.push(day.start..day.end);
                figures_outside(sentence.text, &spans)
            }
            None => figures_outside(sentence.text, attributions),
        })
    };
    let sentence_planned = scan.contains(Set::Planned);
    // Who takes part, found once for all the kinds the sentence tells of.
    let parties = std::cell::OnceCell::new();

    // Looked for once per sentence, and only where days are named: without one, a turn changes
    // nothing.
    let after_at = if dated.is_empty() {
        None
    } else {
        after_turn(sentence.text)
    };
    // "… fired at Martakert last night, the ombudsman said. One civilian was killed in
    // Martuni": the undated sentences that go on telling that night in the past. Their tense
    // is read only when no other day is at hand.
    let past_tense = std::cell::OnceCell::new();
    // A rebuttal of the claim told before: read once for all the sentence's kinds.
    let answers_a_claim_cell = std::cell::OnceCell::new();
    let answers_the_claim_before = || {
        *answers_a_claim_cell.get_or_init(|| {
            answers_a_claim(
                article
                    .text
                    .get(sentence.whole.clone())
                    .unwrap_or(sentence.text),
                sentence.text,
                scan,
                context,
            )
        })
    };
    // "Barda was shelled on Thursday and clashes flared near Fuzuli": each kind at the places
    // of its own clause.
    let own_clauses = clauses_of_each_kind(sentence, &kinds);
    let mut events = Vec::new();
    for (kind, mut kind_words) in kinds {
        let own_clauses = own_clauses
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, clauses)| clauses.as_slice());
        // "have been shelling Tartar since early Tuesday morning": so is a bombardment.
        let raging_since =
            raging_since.filter(|_| matches!(kind, EventKind::Fighting | EventKind::Shelling));
        if only_stretch
            && matches!(kind, EventKind::Shelling | EventKind::Fighting)
            && raging_since.is_none()
        {
            continue;
        }
        let Some((mut places, mut place_words, mut why_place)) = places_for(
            kind,
            &kind_words,
            own_clauses,
            sentence,
            scan,
            gazetteer,
            lexicon,
            context,
            // "Among the dead was a young nurse": a toll with no count is one happening's too.
            || {
                let figures = figures();
                figures.is_empty() || toll_of_one_happening(figures)
            },
            || figures().displaced.is_some(),
        ) else {
            continue;
        };
        let parties = parties.get_or_init(|| {
            let found = super::actors::Found {
                demonyms: scan.get(Set::Demonyms),
                persons: scan.get(Set::Actors),
                attacks: [EventKind::Shelling, EventKind::Fighting]
                    .map(|kind| scan.get(Set::Triggers(crate::atlas::kind_index(kind)))),
                mentions: sentence.mentions,
                sentence_start: sentence.range.start,
            };
            super::actors::parties_in(sentence.text, &found, gazetteer, lexicon)
        });
        let actors = super::actors::actors_in(
            sentence.text,
            kind,
            claim().as_ref().map(|c| c.by.as_str()),
            parties,
            gazetteer,
        );
        // Each distinct day gets its own event for diplomacy ("announced on Thursday talks on
        // Friday October 9"); other kinds happen on the sentence's main day.
        // "Pashinyan will visit Brussels next week": announced for a day the text does not give,
        // so not put on the publication day as if it had happened.
        // "The deal was signed on Tuesday, after Azerbaijani forces took Shusha": what the
        // "after" clause tells came before the main clause's day, and has only its own days.
        let turn = after_at.and_then(|at| {
            let side: Vec<&TimeRef> = if kind_words.iter().all(|w| w.start > at) {
                dated.iter().copied().filter(|r| r.start > at).collect()
            } else if kind_words.iter().all(|w| w.end <= at) {
                dated.iter().copied().filter(|r| r.end <= at).collect()
            } else {
                return None;
            };
            // "halted deliveries on 12 October after the town came under fire that morning":
            // an "after" clause on the main clause's own day is on that day.
            if side.is_empty()
                && sentence.text.get(at..).is_some_and(|after| {
                    contains_any_ignoring_case(
                        after,
                        &[
                            "that morning",
                            "that afternoon",
                            "that evening",
                            "that day",
                            "the same day",
                            "hours earlier",
                            "earlier that",
                            "earlier in the day",
                        ],
                    )
                })
            {
                return None;
            }
            // Only a turn with days on the other side changes anything.
            (side.len() < dated.len()).then_some((at, side))
        });
        // Borrowed, not copied: most sentences have no turn.
        let side_paired;
        let (dated, primary, paired): (&[&TimeRef], _, _) = match &turn {
            Some((at, side)) => {
                let primary = side.first().copied();
                side_paired = primary
                    .filter(|p| p.start > *at)
                    .and_then(|p| when::paired_day(sentence.text, &refs, p));
                (side, primary, side_paired.as_ref())
            }
            None => (&dated, primary, paired.as_ref()),
        };
        let before_the_turn = turn
            .as_ref()
            .filter(|(at, side)| side.is_empty() && kind_words.iter().all(|w| w.start > *at))
            .is_some();
        let announced = dated.is_empty()
            && !is_caption
            && sentence_planned
            && super::mood::announces(sentence.text, scan.get(Set::Planned), &kind_words);
        // What points back to the told attack happened on its day, whatever else a sentence it
        // opens dates ("The attack came two days after a ceasefire collapsed on Monday"); inside
        // a sentence with a day of its own it is another ("A day earlier, five were killed in
        // the shelling of Garayusifli").
        let points_back_only = reference
            .as_ref()
            .is_some_and(|(told, np)| told.kind == kind && (dated.is_empty() || np.start == 0))
            && kind_words
                .iter()
                .all(|w| points_back_to_an_attack(sentence.text, w.start, w.end).is_some());
        // "A Russian helicopter was shot down over Armenia on November 9. Two crew members
        // were killed": the toll of that strike, on its day.
        let continued = recent_attack
            .filter(|told| {
                kind == EventKind::Casualties
                    && place_words.is_empty()
                    && told.places == places
                    && toll_of_one_happening(figures())
            })
            .map(|told| told.day);
        let mut story_day = None;
        let mut days: Vec<(Option<NaiveDate>, Option<&TimeRef>)> = Vec::new();
        if is_caption {
            days.push((None, None));
        } else if points_back_only {
            days.push((referred_day, None));
        } else if let Some(since) = raging_since {
            days.push((since.day, Some(since)));
        } else if dated.is_empty() {
            // "is to meet Pompeo separately the same day": announced, on the day told before.
            let same_day = context
                .day_told
                .filter(|_| announced && tells_of_the_same_day(sentence.text));
            let day = if same_day.is_some() {
                same_day
            } else if announced || past_stretch.is_some() || before_the_turn || vague_past.is_some()
            {
                None
            } else {
                context
                    .clause_day
                    .or(carried_day)
                    .or(continued)
                    .or_else(|| {
                        story_day = context
                            .story_day
                            .filter(|_| {
                                *past_tense.get_or_init(|| narrates_the_past(sentence.text))
                                    || answers_the_claim_before()
                            })
                            // "During the night, … At around 07:10, enemy units attacked":
                            // the morning after the night.
                            .map(|day| {
                                if context.story_night && opens_with_a_morning_clock(sentence.text)
                                {
                                    (day + chrono::Days::new(1)).min(published.unwrap_or(day))
                                } else {
                                    day
                                }
                            });
                        story_day
                    })
                    .or(published)
            };
            days.push((day, None));
        } else if kind == EventKind::Diplomacy {
            // "signed a deal on 2 December that takes effect on 4 December": the day it comes
            // into force is a term of the deal, not a second act.
            let mut from = 0;
            let mut in_force = Vec::with_capacity(dated.len());
            for r in dated.iter() {
                in_force.push(
                    sentence
                        .text
                        .get(from.min(r.start)..r.start)
                        .is_some_and(tells_it_comes_into_force),
                );
                from = r.end;
            }
            let all_in_force = in_force.iter().all(|&f| f);
            for (r, in_force) in dated.iter().zip(in_force) {
                if in_force && !all_in_force {
                    context.in_force_on.set(r.day);
                    continue;
                }
                if !days.iter().any(|(d, _)| *d == r.day) {
                    days.push((r.day, Some(r)));
                }
            }
        } else if let Some(r) = own_clauses
            .and_then(|clauses| {
                // The day of this kind's own clause, where it names one and the others too.
                let own: Vec<TimeRef> = refs
                    .iter()
                    .filter(|r| clauses.iter().any(|c| c.contains(&r.start)))
                    .cloned()
                    .collect();
                let start = when::primary_day(&own)?.start;
                refs.iter().find(|r| r.start == start)
            })
            .or(primary)
        {
            days.push((r.day, Some(r)));
        } else {
            days.push((published, None));
        }
        // A denial is one report of what the other side told: a pair of days does not
        // multiply what is denied.
        // Nor does it count a toll or a flight twice ("Clashes on 10-11 December killed two
        // soldiers": two days of fighting, one toll of two).
        if let Some(r) = paired
            .filter(|_| !claim().as_ref().is_some_and(|c| c.denied))
            .filter(|r| !days.iter().any(|(d, _)| *d == r.day))
        {
            if matches!(kind, EventKind::Casualties | EventKind::Displacement)
                && !figures().is_empty()
            {
                // One toll, on the first day of the two ("on 10-11 December").
                if let Some(first) = days.first_mut().filter(|(d, _)| r.day < *d) {
                    *first = (r.day, Some(r));
                }
            } else {
                days.push((r.day, Some(r)));
            }
        }
        // "Ganja was struck on October 4, October 11 and October 17": a strike or a battle on
        // each day of a list.
        if matches!(kind, EventKind::Shelling | EventKind::Fighting)
            && !claim().as_ref().is_some_and(|c| c.denied)
            && let Some(first) = primary
        {
            for r in listed_days(sentence.text, dated, first) {
                if !days.iter().any(|(d, _)| *d == r.day) {
                    days.push((r.day, Some(r)));
                }
            }
        }
        // "took Jabrayil on October 9, Fuzuli on October 17 and Zangilan on October 20": each
        // place on its own day.
        let mut paired_places: Vec<Option<(PlaceId, Span)>> = Vec::new();
        if !is_caption
            && turn.is_none()
            && let Some(pairs) = places_with_their_days(sentence, dated, &place_words, &places)
        {
            days.clear();
            for (id, words, r) in pairs {
                days.push((r.day, Some(r)));
                paired_places.push(Some((id, words)));
            }
        } else if !is_caption
            && turn.is_none()
            && days.len() >= 2
            && place_words.len() == days.len()
        {
            // "… on 20 and 25 November respectively": the pair of days, in order, in the places'
            // order. "The Kalbajar, Agdam and Lachin districts were handed back on 25 November,
            // 20 November and 1 December": the days as listed, "respectively" or not.
            let respectively =
                days.len() == 2 && RESPECTIVELY.find(sentence.text.as_bytes()).is_some();
            let listed =
                !respectively && lists_places_then_their_days(sentence, &place_words, &days);
            if respectively {
                days.sort_by_key(|(day, _)| *day);
            } else if listed {
                days.sort_by_key(|(_, r)| r.map(|r| r.start));
            }
            if (respectively || listed)
                && let Some(respective) = respective_places(sentence, &place_words, &places)
            {
                paired_places.extend(respective.into_iter().map(Some));
            }
        }
        let last_day = days.len().saturating_sub(1);
        for (nth, (day, time_ref)) in days.into_iter().enumerate() {
            if time_ref.is_some_and(|r| r.kind == RefKind::Night) {
                context.night_told.set(true);
            }
            let own_place = paired_places.get_mut(nth).and_then(Option::take);
            // The last (most often the only) day takes the places and their words, the others a
            // copy.
            let last = nth == last_day;
            let certainty = if time_ref.is_some() {
                Certainty::Explicit
            } else {
                Certainty::Implicit
            };
            let planned = announced
                || time_ref.is_some_and(|r| r.planned)
                || (sentence_planned && day.zip(published).is_some_and(|(d, p)| d > p));
            let why_day = match (time_ref, day) {
                (Some(r), _) => r.why(),
                (None, None) if is_caption => {
                    "a photo caption: the photo's day is not given".to_string()
                }
                (None, None) if announced => {
                    "announced for later, on a day the sentence does not give".to_string()
                }
                (None, None) if before_the_turn => {
                    "told as what came before the day of the sentence's main clause".to_string()
                }
                (None, None) if past_stretch.is_none() && vague_past.is_some() => format!(
                    "'{}': some day of the war, the text does not say which",
                    vague_past.unwrap_or_default()
                ),
                (None, None) if past_stretch.is_some() => format!(
                    "'{}': some day before publication, the text does not say which",
                    past_stretch.map_or("", |r| r.words.as_str())
                ),
                (None, Some(d))
                    if points_back_only
                        || (Some(d) == carried_day && carried_day == referred_day) =>
                {
                    format!(
                        "'{}' points back to the attack told just before, on {}",
                        reference
                            .as_ref()
                            .and_then(|(_, np)| sentence.text.get(np.clone()))
                            .unwrap_or_default(),
                        when::LongDayName(d)
                    )
                }
                (None, Some(d)) if Some(d) == published => context.publication_why.to_string(),
                (None, Some(d)) if Some(d) == context.clause_day => format!(
                    "no time words in this clause: the day of the sentence's clause before, {}",
                    when::LongDayName(d)
                ),
                (None, Some(d)) if Some(d) == continued && carried_day.is_none() => format!(
                    "the toll of the strike told just before, on {}",
                    when::LongDayName(d)
                ),
                (None, Some(d)) if Some(d) == carried_day => format!(
                    "goes on with the dated item or the day told just before: {}",
                    when::LongDayName(d)
                ),
                (None, Some(d)) if Some(d) == story_day => format!(
                    "no time words, told in the past tense: goes on with the story of {} told just before",
                    when::LongDayName(d)
                ),
                (None, Some(d)) => publication_why(d),
                (None, None) => "no time words and no publication date".to_string(),
            };
            let denied = claim().as_ref().map_or_else(
                || denies_before(sentence.text, scan, &kind_words),
                |c| c.denied,
            ) || answers_the_claim_before();
            let source = Source {
                article: article.id.clone(),
                start: sentence.whole.start,
                end: sentence.whole.end,
                quote: article
                    .text
                    .get(sentence.whole.clone())
                    .unwrap_or(sentence.text)
                    .trim()
                    .to_string(),
                kind_words: {
                    let in_article = |w: Span| Span {
                        start: sentence.range.start + w.start,
                        end: sentence.range.start + w.end,
                        text: w.text,
                    };
                    if last {
                        std::mem::take(&mut kind_words)
                            .into_iter()
                            .map(in_article)
                            .collect()
                    } else {
                        kind_words.iter().cloned().map(in_article).collect()
                    }
                },
                day_words: time_ref.map(|r| Span {
                    start: sentence.range.start + r.start,
                    end: sentence.range.start + r.end,
                    text: r.words.clone(),
                }),
                place_words: if let Some((_, words)) = &own_place {
                    vec![words.clone()]
                } else if last {
                    std::mem::take(&mut place_words)
                } else {
                    place_words.clone()
                },
                why_day,
                why_place: if last {
                    std::mem::take(&mut why_place)
                } else {
                    why_place.clone()
                },
                claimed_by: claim().as_ref().map(|c| c.by.clone()),
                denied,
                figures: if kind == EventKind::Casualties || kind == EventKind::Displacement {
                    figures().clone()
                } else {
                    Figures::default()
                },
            };
            events.push(Event {
                id: String::new(),
                day,
                certainty,
                kind,
                places: if let Some((id, _)) = own_place {
                    vec![id]
                } else if last {
                    std::mem::take(&mut places)
                } else {
                    places.clone()
                },
                actors: actors.clone(),
                claimed_by: source.claimed_by.clone(),
                figures: source.figures.clone(),
                status: if planned {
                    Status::Planned
                } else {
                    Status::Happened
                },
                sources: vec![source],
                correction: None,
            });
        }
    }
    events
}

/// [`when::time_refs`] of `sentence` on `day`, from the scan made while dating the article when
/// that sentence was scanned then (most sentences that name a day were).
fn sentence_time_refs(article: &Article, sentence: &Sentence, day: NaiveDate) -> Vec<TimeRef> {
    time_refs_at(article, &sentence.range, day)
}

/// The day a sentence that tells no event names as a date of its own ("On 14 October the
/// ministry published a list of names"). Where the dating of the article kept its scans, only a
/// sentence whose scan found a time expression is read again.
fn day_named_without_an_event(
    article: &Article,
    range: &Range<usize>,
    published: NaiveDate,
) -> Option<NaiveDate> {
    let scans = &article.published.as_ref()?.time_scans;
    let found = scans.of(&article.text, range);
    if found.is_some_and(|found| found.is_empty())
        || (found.is_none() && scans.cover(&article.text))
    {
        return None;
    }
    let text = article.text.get(range.clone())?;
    // A heading ("Hadrut, October 6") dates what is told under it, not a count's start.
    if !text
        .trim_end_matches(['"', '\'', '\u{201d}', ')'])
        .ends_with(['.', '!', '?'])
    {
        return None;
    }
    match found {
        Some(found) => when::time_refs_of(text, found, published),
        None => when::time_refs(text, published),
    }
    .into_iter()
    .filter(|r| {
        r.kind == RefKind::Day
            && !r.relative
            && !r.planned
            && !r.background
            && !r.quoted
            && !r.counts_from_a_told_day()
            && !r.is_part_of_the_day_alone()
    })
    .find_map(|r| r.day)
}

/// [`when::time_refs`] of the text at `range` of the article, from the kept scan when there is one.
fn time_refs_at(article: &Article, range: &Range<usize>, day: NaiveDate) -> Vec<TimeRef> {
    let Some(text) = article.text.get(range.clone()) else {
        return Vec::new();
    };
    let scanned = article
        .published
        .as_ref()
        .and_then(|p| p.time_scans.of(&article.text, range));
    match scanned {
        Some(found) => {
            debug_assert_eq!(
                found,
                when::scan(text).as_slice(),
                "the scan kept for {text:?}"
            );
            when::time_refs_of(text, found, day)
        }
        None => when::time_refs(text, day),
    }
}

/// The whole line a sentence stands on (captions and link lines are told by their line).
fn line_around(text: &str, range: Range<usize>) -> Range<usize> {
    let start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[range.end..]
        .find('\n')
        .map_or(text.len(), |i| range.end + i);
    start..end
}

/// What a sentence's line tells, kept for the line's next sentences (a paragraph is one line).
#[derive(Clone, Debug, Default)]
struct LineFacts {
    range: Range<usize>,
    /// A link or teaser line ("Read also: …").
    skipped: bool,
    caption: bool,
}

/// The facts of the line the sentence at `range` stands on: those in `known` when it is that
/// line, else found and kept there.
fn line_facts(
    text: &str,
    range: Range<usize>,
    lexicon: &Lexicon,
    known: &mut Option<LineFacts>,
) -> LineFacts {
    // A line holds no line break: a sentence within the known line has that line around it,
    // found without searching back and forth for the breaks.
    if let Some(facts) = known
        .as_ref()
        .filter(|f| f.range.start <= range.start && range.end <= f.range.end)
    {
        return facts.clone();
    }
    let line_range = line_around(text, range);
    let line = &text[line_range.clone()];
    let facts = LineFacts {
        range: line_range.clone(),
        skipped: starts_skipped_line(
            line.trim_start_matches(['•', '-', '*', ' ']),
            &lexicon.skip_lines,
            lexicon.longest_skip_line(),
        ) || is_section_heading(line)
            || is_short_subheading(text, &line_range),
        caption: is_photo_caption(line),
    };
    *known = Some(facts.clone());
    facts
}

/// A section heading in capitals ("CASUALTIES", "DISPLACED", "THE FRONT LINE"): a label, no
/// report. A shouted dateline opens a line with more after it and is not one.
fn is_section_heading(line: &str) -> bool {
    let line = line.trim();
    // Most lines are paragraphs: told by their length before their letters are read.
    if line.len() > HEADING_BYTES_MAX {
        return false;
    }
    let words = line.split_whitespace().count();
    (1..=HEADING_WORDS_MAX).contains(&words)
        && line.chars().any(char::is_alphabetic)
        && line
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '-' || c == ':' || c == '&')
}

/// A subheading of a few words on its own line between paragraphs ("The toll.", "Fighting
/// elsewhere.", "Stepanakert under fire"): a label of what follows, no report. A line of a
/// paragraph wrapped by hand follows a line that ends mid-sentence, and is not one.
fn is_short_subheading(text: &str, line: &Range<usize>) -> bool {
    let Some(words) = text.get(line.clone()).map(str::trim) else {
        return false;
    };
    // Without a stop a line is no sentence: a longer label still ("Handover day in Zangilan").
    let label = if words.ends_with(['.', '!', '?']) {
        reads_as_a_label(words)
    } else {
        reads_as_a_label_of(words, UNSTOPPED_SUBHEADING_WORDS_MAX, HEADING_BYTES_MAX)
    };
    if !label || words.ends_with([':', ',', ';', '"', '\u{201d}']) {
        return false;
    }
    let before = text[..line.start].trim_end();
    let opens_or_follows_a_paragraph = before.is_empty()
        || before.ends_with(['.', '!', '?', '"', '\u{201d}', ':'])
        || text[..line.start].ends_with("\n\n");
    opens_or_follows_a_paragraph && !before.is_empty() && !text[line.end..].trim().is_empty()
}

/// A run-in head: a few words and a stop that open a paragraph, the paragraph's text after
/// them on the same line ("Stepanakert under fire. Eight rockets were fired at …", "The toll.
/// The military has not updated its list"). A label, no report.
fn is_run_in_head(text: &str, sentence: &Range<usize>, line: &Range<usize>) -> bool {
    let Some(words) = text.get(sentence.clone()) else {
        return false;
    };
    text.get(line.start..sentence.start)
        .is_some_and(|before| before.trim().is_empty())
        && words.ends_with('.')
        && reads_as_a_label(words)
        && text
            .get(sentence.end..line.end)
            .is_some_and(|after| !after.trim().is_empty())
}

/// A few words with no figure and no verb ("The toll", "Stepanakert under fire"): a label.
fn reads_as_a_label(words: &str) -> bool {
    reads_as_a_label_of(words, SUBHEADING_WORDS_MAX, SUBHEADING_BYTES_MAX)
}

/// [`reads_as_a_label`] with at most `max_words` words and `max_bytes` bytes.
fn reads_as_a_label_of(words: &str, max_words: usize, max_bytes: usize) -> bool {
    words.len() <= max_bytes
        && words.split_whitespace().count() <= max_words
        && !words.bytes().any(|b| b.is_ascii_digit())
        && !tells_an_act(words)
}

/// Whether a few words hold a verb of the past or a form of "be" or "have" ("Drones struck
/// Martuni.", "Shelling resumed.", "Talks are off."): a short report, not a label.
fn tells_an_act(words: &str) -> bool {
    words.split_whitespace().any(|word| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        (word.len() > 4 && word.to_ascii_lowercase().ends_with("ed"))
            || is_one_of(
                word,
                &[
                    "struck", "hit", "fell", "shot", "fought", "died", "left", "fled", "met",
                    "spoke", "took", "began", "came", "went", "said", "says", "is", "are", "was",
                    "were", "has", "have", "had", "hits", "falls", "dies", "flee", "flees", "meet",
                    "meets",
                ],
            )
    })
}

/// How many words and bytes a subheading of [`is_short_subheading`] holds at most.
const SUBHEADING_WORDS_MAX: usize = 3;
const SUBHEADING_BYTES_MAX: usize = 32;
/// How many words a subheading on its own line with no stop holds at most.
const UNSTOPPED_SUBHEADING_WORDS_MAX: usize = 6;

/// How many words and bytes a section heading in capitals holds at most.
const HEADING_WORDS_MAX: usize = 4;
const HEADING_BYTES_MAX: usize = 48;

/// Whether the lower-cased `line` starts with one of `starts` (lower case, the longest
/// `longest` bytes): an ASCII head is compared in place, ignoring ASCII case, which is what
/// comparing its lower-cased copy does; other heads are lower-cased as before.
fn starts_skipped_line(line: &str, starts: &[String], longest: usize) -> bool {
    let head = &line.as_bytes()[..longest.min(line.len())];
    if head.is_ascii() {
        return starts.iter().any(|start| {
            head.len() >= start.len() && head[..start.len()].eq_ignore_ascii_case(start.as_bytes())
        });
    }
    let lower = lowercase_start(line, longest);
    starts.iter().any(|start| lower.starts_with(start.as_str()))
}

/// The lower-case start of `text`, at least `bytes` long where the text is: enough to compare
/// with prefixes of that length without lower-casing a whole paragraph.
fn lowercase_start(text: &str, bytes: usize) -> String {
    // ASCII (most text) lower-cases byte for byte: the first `bytes` bytes are the answer.
    let head = text.get(..bytes.min(text.len())).unwrap_or(text);
    if head.is_ascii() && head.len() == bytes.min(text.len()) {
        return head.to_ascii_lowercase();
    }
    let mut lower = String::new();
    for c in text.chars() {
        if lower.len() >= bytes {
            break;
        }
        lower.extend(c.to_lowercase());
    }
    lower
}

/// "Photo: …", "(Photo …)", "photo by …", in any case (ASCII): what the lexicon's
/// `photo_credits` automaton finds, looked for only where a 'p' stands (tested against it).
fn is_photo_caption(line: &str) -> bool {
    let bytes = line.as_bytes();
    let mut from = 0;
    while let Some(i) = text::next_of_either(bytes, from, b'p', b'P') {
        from = i + 1;
        if !bytes
            .get(i..i + 5)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"photo"))
        {
            continue;
        }
        if bytes.get(i + 5) == Some(&b':')
            || (i > 0 && bytes[i - 1] == b'(')
            || bytes
                .get(i + 5..i + 8)
                .is_some_and(|w| w.eq_ignore_ascii_case(b" by"))
        {
            return true;
        }
    }
    false
}

/// Kinds reported by a sentence, each with the words that triggered it; `scan` is the
/// lexicon's scan of `sentence`.
pub fn kinds_in(sentence: &str, scan: &Scan, lexicon: &Lexicon) -> Vec<(EventKind, Vec<Span>)> {
    let mut kinds = Vec::new();
    // Most sentences hold no "until" or "unless": their triggers need no look back for one.
    let first_condition = first_condition_word(sentence);
    for (index, kind) in EventKind::ALL.into_iter().enumerate() {
        let triggers = scan.get(Set::Triggers(index));
        if triggers.is_empty() {
            continue;
        }
        let blocked = scan.get(Set::Blockers(index));
        let mut words: Vec<Span> = triggers
            .iter()
            .copied()
            .filter(|(s, e, _)| !blocked.iter().any(|(bs, be, _)| bs < e && s < be))
            .filter(|(s, _, _)| !only_modifies(&sentence[..*s], index, lexicon))
            .map(|(start, end, _)| Span {
                start,
                end,
                text: sentence[start..end].to_string(),
            })
            .collect();
        // Rare readings, looked for after the common ones (in the chain above they made every
        // trigger dearer).
        if let Some(at) = first_condition {
            words.retain(|w| !(at < w.start && is_condition(&sentence[..w.start])));
        }
        if matches!(kind, EventKind::Shelling | EventKind::Fighting) {
            let shown = scan.get(Set::Shown);
            if let Some(&(first_shown, _, _)) = shown.first() {
                // A weapon listed after what a parade showed, in its sentence.
                words.retain(|w| w.start < first_shown);
            }
            let reactions = scan.get(Set::Reactions);
            if !reactions.is_empty() {
                words.retain(|w| !is_what_a_reaction_names(sentence, reactions, w.start));
            }
            // "Remnants found at the site were consistent with a Scud-B missile": the weapon
            // named as evidence of a strike told before, no strike of its own.
            let evidence = scan.get(Set::Evidence);
            if kind == EventKind::Shelling && !evidence.is_empty() {
                words.retain(|w| !is_named_as_evidence(sentence, evidence, w.start));
            }
        }
        // "…, while fighting between the armies entered a 19th day": how long the war has
        // gone on frames the sentence; it tells of no battle.
        if kind == EventKind::Fighting && ENTER.find(sentence.as_bytes()).is_some() {
            words.retain(|w| !enters_a_new_stretch(&sentence[w.start..]));
        }
        if kind == EventKind::Casualties && scan.contains(Set::Withheld) {
            let withheld = scan.get(Set::Withheld);
            words.retain(|w| !is_what_is_not_told(sentence, withheld, w.start));
        }
        if kind == EventKind::Diplomacy {
            words.retain(|w| {
                !is_naming_call(sentence, w.start, w.end)
                    && !is_told_by_phone(sentence, w.start, w.end)
                    && !is_failing_truce(sentence, w.start, w.end)
            });
        }
        if !words.is_empty() {
            kinds.push((kind, words));
        }
    }
    // "Troops attacked Hadrut behind a barrage of rockets": the fire that backs an assault is
    // part of it, not a strike of its own.
    let fighting = kinds.iter().position(|(k, _)| *k == EventKind::Fighting);
    if let Some(at) = kinds.iter().position(|(k, _)| *k == EventKind::Shelling)
        && fighting.is_some()
    {
        kinds[at]
            .1
            .retain(|w| !is_supporting_fire(&sentence[..w.start]));
        if kinds[at].1.is_empty() {
            kinds.remove(at);
        }
    }
    kinds
}

/// Whether a shelling word is the fire that backs an assault: "behind a barrage of rockets",
/// "under cover of artillery", "backed by drones", "supported by artillery fire".
fn is_supporting_fire(before: &str) -> bool {
    text::words_back(before).take(4).any(|word| {
        is_one_of(
            word.trim_matches(|c: char| !c.is_alphanumeric()),
            &[
                "behind",
                "backed",
                "supported",
                "support",
                "cover",
                "covered",
                "accompanied",
            ],
        )
    })
}

/// Whether the attack whose word starts at byte `start` is what a reaction names ("called the
/// shelling of Ganja a war crime", "condemned the use of cluster munitions in Stepanakert"): a
/// reaction verb of `reactions` ends at most four words before it. The reaction is told, the
/// attack only named, on no day the sentence gives.
fn is_what_a_reaction_names(
    sentence: &str,
    reactions: &[(usize, usize, usize)],
    start: usize,
) -> bool {
    reactions.iter().any(|&(_, end, _)| {
        end <= start
            && sentence
                .get(end..start)
                .is_some_and(|between| !has_words(between, 4))
    })
}

/// Whether a toll word follows, a few words on, what says the toll is not told: "Azerbaijan does
/// not publish its military casualty figures", "there has been no word so far on casualties",
/// "no news yet about injuries". The words of a toll kept back are the lexicon's `withheld`
/// cues; a negation stands before one of them, all within a few words of the toll word.
fn is_what_is_not_told(sentence: &str, withheld: &[(usize, usize, usize)], toll: usize) -> bool {
    withheld.iter().any(|&(start, end, _)| {
        let Some(gap) = sentence.get(end..toll).filter(|_| end <= toll) else {
            return false;
        };
        // A sign stuck to the cue ("word," in "no word, so far, on casualties") is of its word.
        let stuck = usize::from(gap.starts_with(|c: char| !c.is_whitespace()));
        let words_after = gap.split_whitespace().count() - stuck;
        // The cue is a word of the window too.
        let Some(left) = NOT_TOLD_WORDS_MAX.checked_sub(words_after + 1) else {
            return false;
        };
        text::words_back(&sentence[..start]).take(left).any(|word| {
            is_one_of(
                word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''),
                &["not", "no", "never", "doesn't", "hasn't", "didn't"],
            )
        })
    })
}

/// How many words before a toll word [`is_what_is_not_told`] reads.
const NOT_TOLD_WORDS_MAX: usize = 6;

/// Where the sentence's first "until" or "unless" starts, in any case (as part of a longer word
/// too: the look back of [`is_condition`] decides): only the 'u' bytes are looked at.
fn first_condition_word(sentence: &str) -> Option<usize> {
    let bytes = sentence.as_bytes();
    let mut from = 0;
    while let Some(at) = text::next_of_either(bytes, from, b'u', b'U') {
        let rest = &bytes[at..];
        if rest.len() >= 5
            && (rest[..5].eq_ignore_ascii_case(b"until")
                || rest[..5].eq_ignore_ascii_case(b"unles"))
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// True when a trigger stands in a clause of condition, a few words after "until" or "unless":
/// "pledged to keep on fighting until his country recaptured all of Nagorno-Karabakh" tells of
/// no capture.
fn is_condition(before: &str) -> bool {
    text::words_back(before)
        .take(4)
        .any(|word| word.eq_ignore_ascii_case("until") || word.eq_ignore_ascii_case("unless"))
}

/// True when the trigger at `start..end` is "call" naming a thing in a relative clause: "Shusha,
/// which Armenians call Shushi", "what Baku calls its lands", "the town that Azerbaijan calls
/// Lachin", "the town locals call Shushi": no
/// telephone call is told.
fn is_naming_call(sentence: &str, start: usize, end: usize) -> bool {
    let trigger = &sentence[start..end];
    if !(trigger.eq_ignore_ascii_case("call") || trigger.eq_ignore_ascii_case("calls")) {
        return false;
    }
    let mut back = text::words_back(&sentence[..start]).peekable();
    let namers = back.peek().is_some_and(|word| {
        is_one_of(
            word,
            &[
                "locals",
                "residents",
                "villagers",
                "armenians",
                "azerbaijanis",
                "azeris",
            ],
        )
    });
    namers
        || back
            .take(3)
            .any(|word| is_one_of(word, &["which", "what", "that"]))
}

/// The diplomacy triggers that name a truce.
const TRUCE_WORDS: &[&str] = &["truce", "ceasefire", "cease-fire", "cease fire"];

/// Whether a weapon at `at` is named as evidence: one of the lexicon's `evidence` cues
/// (`evidence`, its matches in `sentence`) stands at most eight words before it ("remnants of
/// rockets", "consistent with a Scud-B missile", "the tail sections of two rockets").
fn is_named_as_evidence(sentence: &str, evidence: &[(usize, usize, usize)], at: usize) -> bool {
    evidence.iter().any(|&(_, end, _)| {
        end <= at
            && sentence
                .get(end..at)
                .is_some_and(|between| between.split_whitespace().count() <= 8)
    })
}

/// Whether the words before an attack word tell how a strike or a toll already told came about:
/// "in a night attack", "in the deadliest attack of the war", "when gunmen attacked". Not "in
/// the overnight attack", which points back to an attack told before.
fn tells_how_it_came_about(before: &str) -> bool {
    let back: Vec<&str> = text::words_back(before)
        .take(4)
        .map(|b| b.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    back.iter().enumerate().any(|(i, word)| {
        if word.eq_ignore_ascii_case("when") {
            return true;
        }
        if !word.eq_ignore_ascii_case("in") || i == 0 {
            return false;
        }
        let article = back[i - 1];
        article.eq_ignore_ascii_case("a")
            || article.eq_ignore_ascii_case("an")
            || (article.eq_ignore_ascii_case("the")
                && i >= 2
                && is_one_of(
                    back[i - 2],
                    &[
                        "deadliest",
                        "worst",
                        "biggest",
                        "largest",
                        "heaviest",
                        "bloodiest",
                        "most",
                    ],
                ))
    })
}

/// Whether the words before a date tell that a deal comes into force on it ("effective from
/// 00:00 Moscow time on", "that takes effect on", "and began at 8 a.m. on", "entered into force
/// on").
fn tells_it_comes_into_force(before: &str) -> bool {
    let tail = before
        .get(before.len().saturating_sub(48)..)
        .unwrap_or(before);
    INTO_FORCE_CUES.is_match(tail)
}

/// The words of [`tells_it_comes_into_force`], in any case, found in one pass.
static INTO_FORCE_CUES: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                "effect",
                "into force",
                "in force",
                "began",
                "begins",
                "starting from",
                // "which took hold at midnight on 4 December", "a full ceasefire from 00:00
                // local time on 4 December".
                "took hold",
                "take hold",
                "takes hold",
                "from midnight",
                "from 00:",
                "as of midnight",
                "as of 00:",
            ])
            .unwrap_or_else(|e| panic!("the cues of a deal's entry into force: {e}"))
    });

/// True when a truce trigger is the subject of its own failure, a few words on in its clause
/// ("a week-old truce brokered by Moscow appeared to unravel", "the ceasefire collapsed within
/// minutes", "as truce crumbles"), the object of a breach ("violating the ceasefire"), what
/// fighting goes on despite, or what only dates the sentence's news ("hit the town a day before
/// the ceasefire took effect", "the first clashes since the truce"): what the fighting tells,
/// not a diplomatic act.
fn is_failing_truce(sentence: &str, start: usize, end: usize) -> bool {
    let trigger = &sentence[start..end];
    let is_truce = is_one_of(trigger, TRUCE_WORDS);
    if !is_truce {
        return false;
    }
    // "grossly violating the humanitarian ceasefire", "accused each other of breaching the
    // truce", and "despite a Russia-brokered truce" (an adjective the `not_after` words do not
    // skip).
    let broken_before = text::words_back(&sentence[..start]).take(5).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric()).as_bytes();
        let starts =
            |stem: &[u8]| w.len() >= stem.len() && w[..stem.len()].eq_ignore_ascii_case(stem);
        starts(b"violat")
            || starts(b"breach")
            || [
                &b"despite"[..],
                b"after",
                b"before",
                b"since",
                b"until",
                b"between",
                b"following",
                // "hit a school on Sunday, hours into a week-long truce".
                b"into",
            ]
            .iter()
            .any(|word| w.eq_ignore_ascii_case(word))
    });
    if broken_before {
        return true;
    }
    // The clause goes on to the next comma, semicolon, dash or the sentence's end.
    let rest = &sentence[end..];
    let clause = rest
        .find([',', ';', ':', '—', '–', '('])
        .map_or(rest, |at| &rest[..at]);
    let mut words = clause
        .split_whitespace()
        .take(8)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .peekable();
    let is = |w: &str, options: &[&str]| options.iter().any(|o| w.eq_ignore_ascii_case(o));
    while let Some(w) = words.next() {
        let next = words.peek().copied().unwrap_or("");
        let stem_of_failure = ["unravel", "collaps", "crumbl", "falter", "disintegrat"]
            .iter()
            .any(|stem| {
                w.len() >= stem.len()
                    && w.as_bytes()[..stem.len()].eq_ignore_ascii_case(stem.as_bytes())
            });
        if stem_of_failure
            || (is(w, &["broke", "break", "breaks", "breaking", "broken"]) && is(next, &["down"]))
            || (is(w, &["fell", "fall", "falls", "falling"]) && is(next, &["apart"]))
        {
            return true;
        }
    }
    false
}

/// True when a phone trigger only says how a witness was reached ("residents told Eurasianet by
/// phone", "said by telephone"): the source of a report, not a call between governments.
fn is_told_by_phone(sentence: &str, start: usize, end: usize) -> bool {
    let trigger = &sentence[start..end];
    // Only "phone", "by phone", "telephone" (most triggers are other words).
    let tail = trigger.len().saturating_sub(5);
    if !trigger
        .get(tail..)
        .is_some_and(|t| t.eq_ignore_ascii_case("phone"))
    {
        return false;
    }
    let bare = |w: &'_ str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let mut back = text::words_back(&sentence[..start]).map(bare).peekable();
    // "by phone" is one trigger; "phone" alone needs its "by" or "over the" before it.
    let by_phone = trigger.len() > 3 && trigger.as_bytes()[..3].eq_ignore_ascii_case(b"by ");
    if !by_phone {
        let Some(first) = back.next() else {
            return false;
        };
        let first = if first.eq_ignore_ascii_case("the") {
            back.next().unwrap_or_default()
        } else {
            first
        };
        if !(first.eq_ignore_ascii_case("by") || first.eq_ignore_ascii_case("over")) {
            return false;
        }
    }
    // "told Eurasianet by phone", "told AFP over the phone", "said by phone".
    back.take(3).any(|w| {
        is_one_of(
            &w,
            &["told", "said", "says", "speaking", "interviewed", "reached"],
        )
    })
}

/// True when a sentence is a question ("Why are Armenia and Azerbaijan fighting?", a related
/// link or a teaser): it asks, it does not report.
fn is_question(sentence: &str) -> bool {
    let trimmed = sentence.trim_end();
    if !trimmed.ends_with('?') {
        return false;
    }
    let first = trimmed
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    QUESTION_WORDS.iter().any(|w| first.eq_ignore_ascii_case(w))
}

/// Words that open a question.
const QUESTION_WORDS: &[&str] = &[
    "why", "what", "how", "who", "where", "when", "which", "will", "can", "is", "are", "does",
    "do", "did", "could", "should",
];

/// True when the words before a trigger make it a modifier or a back-reference, not a report:
/// "two weeks of fighting", "displaced by these clashes", "did not claim any casualties".
fn only_modifies(before: &str, kind_index: usize, lexicon: &Lexicon) -> bool {
    let mut words = text::words_back(before).take(6).peekable();
    let mut looked_at = 0;
    let mut skipped = 0;
    let mut buffer = [0u8; BARE_WORD_BUFFER];
    while let Some(word) = words.next() {
        let clause_ends = word.ends_with([',', ';', ':', '.', '"', '“', '”', '(', ')']);
        if clause_ends && looked_at > 0 {
            return false;
        }
        looked_at += 1;
        // The lists that hold the word, in one look-up.
        let (listed, is_to) = match bare_ascii_word(word, &mut buffer) {
            // Most words have the first letter or length of no listed word.
            Some(bare) if !bare.is_empty() && bare.len() < 63 => {
                let listed = if lexicon.may_be_context_word(bare.as_bytes()[0], bare.len()) {
                    lexicon.context_bits(bare)
                } else {
                    0
                };
                (listed, bare == "to")
            }
            Some(bare) => (lexicon.context_bits(bare), bare == "to"),
            None => {
                let bare = bare_word(word);
                (lexicon.context_bits(&bare), bare == "to")
            }
        };
        // "said on Monday that fighting continued": "that" opens what was said, it points back
        // to nothing.
        if listed & context::REFERRING != 0
            && word.eq_ignore_ascii_case("that")
            && words.peek().is_some_and(|verb| opens_what_is_said(verb))
        {
            return false;
        }
        if listed & context::REFERRING != 0 || (looked_at <= 3 && listed & context::NEGATION != 0) {
            return true;
        }
        if listed & context::SKIP != 0 {
            skipped += 1;
            continue;
        }
        // "to meet" is a purpose, "to the calls for a truce" a modifier.
        if is_to && skipped == 0 {
            return false;
        }
        // "Thousands of refugees arrived", "a convoy of displaced people": the people counted
        // or carried, not a noun the trigger only describes.
        if kind_index == crate::atlas::kind_index(EventKind::Displacement)
            && word.eq_ignore_ascii_case("of")
            && words.peek().is_some_and(|head| counts_people(head))
        {
            return false;
        }
        return listed & context::not_after(kind_index) != 0;
    }
    false
}

/// Whether `word` counts or carries people: "thousands", "hundreds", "dozens", "a convoy", "a
/// column", "a wave", "busloads".
fn counts_people(word: &str) -> bool {
    is_one_of(
        word.trim_matches(|c: char| !c.is_alphanumeric()),
        &[
            "thousands",
            "hundreds",
            "dozens",
            "tens",
            "scores",
            "millions",
            "convoy",
            "convoys",
            "column",
            "columns",
            "wave",
            "waves",
            "busloads",
            "busload",
            "stream",
            "group",
            "groups",
            // "crowds of residents left", "most of the villagers left".
            "crowds",
            "crowd",
            "throngs",
            "many",
            "most",
            "some",
            "all",
            "half",
        ],
    )
}

/// A verb after which "that" opens a clause ("said that", "acknowledged that", "Monday that" after
/// "said on Monday"): a past form in "-ed", a verb of saying or knowing, or a day after one.
fn opens_what_is_said(word: &str) -> bool {
    let word = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    word.ends_with("ed")
        || crate::when::weekday(&word).is_some()
        || matches!(
            word.as_str(),
            "said"
                | "says"
                | "say"
                | "told"
                | "tells"
                | "claims"
                | "claim"
                | "reports"
                | "report"
                | "warns"
                | "warn"
                | "adds"
                | "notes"
                | "denies"
                | "deny"
                | "believes"
                | "believe"
                | "fears"
                | "fear"
                | "shows"
                | "show"
                | "showed"
                | "shown"
                | "knew"
                | "know"
                | "insists"
                | "insist"
                | "hopes"
                | "means"
                | "saying"
                | "claiming"
                | "yesterday"
                | "today"
                | "statement"
                // The channel of what is said: "said in a video address that fighting was
                // under way".
                | "address"
                | "video"
                | "message"
                | "speech"
                | "interview"
                | "briefing"
                | "conference"
                | "post"
                | "broadcast"
                | "appeal"
                // A second clause of what is said: "said … that units were 5 km from Shusha,
                // and that fighting was under way".
                | "and"
        )
}

/// The longest word [`bare_ascii_word`] lower-cases on the stack.
const BARE_WORD_BUFFER: usize = 32;

/// A word before a trigger as the context lists hold it: without the signs around it (a hyphen
/// is kept), lower case.
fn bare_word(word: &str) -> std::borrow::Cow<'_, str> {
    text::lower_case(word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
}

/// [`bare_word`] of an ASCII word, written into `buffer` instead of a new string (each trigger
/// looks at a few words before it); `None` for other words, or words too long for the buffer.
fn bare_ascii_word<'b>(word: &'b str, buffer: &'b mut [u8; BARE_WORD_BUFFER]) -> Option<&'b str> {
    if !word.is_ascii() {
        return None;
    }
    // For ASCII, `char::is_alphanumeric` is `u8::is_ascii_alphanumeric`.
    let kept = |b: &u8| b.is_ascii_alphanumeric() || *b == b'-';
    let bytes = word.as_bytes();
    let first = bytes.iter().position(kept).unwrap_or(bytes.len());
    let last = bytes.iter().rposition(kept).map_or(first, |i| i + 1);
    let bare = &bytes[first..last];
    let lowered = buffer.get_mut(..bare.len())?;
    // Most words are lower case already: the word itself, without a copy.
    if !bare.iter().any(u8::is_ascii_uppercase) {
        return word.get(first..last);
    }
    for (to, from) in lowered.iter_mut().zip(bare) {
        *to = from.to_ascii_lowercase();
    }
    std::str::from_utf8(lowered).ok()
}

type PlaceChoice = (Vec<PlaceId>, Vec<Span>, String);

/// The places `mentions` name, their words, and why (`why` of the places' names).
fn chosen(
    mentions: &[&Mention],
    gazetteer: &Gazetteer,
    why: impl FnOnce(&str) -> String,
) -> PlaceChoice {
    let ids = dedup(mentions.iter().filter_map(|m| m.place.clone()));
    let names = names(gazetteer, &ids);
    let spans = mentions
        .iter()
        .map(|m| Span {
            start: m.start,
            end: m.end,
            text: m.text.clone(),
        })
        .collect();
    (ids, spans, why(&names))
}

/// Drops the mentions `aside` marks (a headline's label, an office's place, what the war is
/// about) when the sentence names another place beside them; alone, they are all it names.
fn drop_beside_others(mentions: &mut Vec<&Mention>, aside: impl Fn(&Mention) -> bool) {
    if mentions.len() > 1 && mentions.iter().any(|m| !aside(m)) {
        mentions.retain(|m| !aside(m));
    }
}

fn place_of<'g>(gazetteer: &'g Gazetteer, mention: &Mention) -> Option<&'g Place> {
    mention.place.as_deref().and_then(|id| gazetteer.place(id))
}

fn is_container(place: &Place) -> bool {
    matches!(
        place.kind,
        PlaceKind::Country | PlaceKind::Region | PlaceKind::District
    )
}

/// The seat of government that speaks for a country.
fn seat_of(gazetteer: &Gazetteer, place: &Place) -> Option<PlaceId> {
    if place.kind == PlaceKind::Country {
        gazetteer.capital_of(&place.country).map(|c| c.id.clone())
    } else {
        Some(place.id.clone())
    }
}

#[allow(clippy::too_many_arguments)]
fn places_for(
    kind: EventKind,
    kind_words: &[Span],
    own_clauses: Option<&[Range<usize>]>,
    sentence: &Sentence,
    scan: &Scan,
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
    context: &Context,
    toll_of_one_happening: impl Fn() -> bool,
    counts_displaced: impl Fn() -> bool,
) -> Option<PlaceChoice> {
    let region = context.region;
    let previous_places = context.previous_places;
    let span_of = |m: &Mention| Span {
        start: m.start,
        end: m.end,
        text: m.text.clone(),
    };
    let mut event_mentions: Vec<&Mention> = drop_qualifiers(
        sentence
            .mentions
            .iter()
            .copied()
            .filter(|m| m.role == MentionRole::Event && m.place.is_some())
            .filter(|m| !is_reference_point(sentence, m))
            .filter(|m| kind == EventKind::Diplomacy || !is_where_it_was_told(sentence, m))
            .filter(|m| !in_aside_without(sentence, m, kind_words))
            .filter(|m| !in_attribution(sentence, m))
            .filter(|m| !is_requester(sentence, m))
            .filter(|m| !in_start_of_the_war(sentence, m))
            .collect(),
        sentence,
        gazetteer,
    );
    // "Azerbaijan announced the capture on Sunday": the capture the sentence before told of, at
    // its place, not at the country announcing it.
    if event_mentions.is_empty()
        && !previous_places.is_empty()
        && let Some(word) = kind_words
            .iter()
            .find(|w| is_definite_capture(sentence.text, w))
    {
        let ids: Vec<PlaceId> = previous_places.iter().map(|&id| id.clone()).collect();
        let names = names(gazetteer, &ids);
        return Some((
            ids,
            Vec::new(),
            format!(
                "'the {}' names the capture told just before, at {names}",
                word.text
            ),
        ));
    }
    // "Nagorno-Karabakh: Deadly strike on Ganja as …", "Armenia/Azerbaijan: Civilians killed in
    // Barda": a headline's label before its colon names the story, not the scene.
    drop_beside_others(&mut event_mentions, |m| is_label_of_a_headline(sentence, m));
    // "The separatist leader of Nagorno-Karabakh said his forces had shelled the airfield at
    // Ganja", "a truce in the Nagorno-Karabakh conflict": a place in the title of who speaks or
    // acts, or in the war's name, beside the scene the sentence names.
    // A side's office names whose toll or whose people a report counts, not so an attack.
    let attack = matches!(kind, EventKind::Shelling | EventKind::Fighting);
    drop_beside_others(&mut event_mentions, |m| {
        names_an_office_or_the_war(sentence, m, attack)
    });
    // "Rockets struck Stepanakert. Karabakh's ombudsman said a missile hit the city's north":
    // with only an office's place left, "the city" is the place told just before.
    if attack
        && !event_mentions.is_empty()
        && event_mentions
            .iter()
            .all(|m| names_an_office_or_the_war(sentence, m, attack))
        && let Some(referred) = referred_back(sentence, context, gazetteer)
    {
        return Some(referred);
    }
    // "A missile hit Ganja, hours after a ceasefire was meant to halt fighting over
    // Nagorno-Karabakh": what the war is about, beside the scene the sentence names.
    drop_beside_others(&mut event_mentions, |m| {
        is_what_the_war_is_about(sentence, m)
    });
    // "fled to Armenia", "evacuated to Goris", "leave … towards Armenia": where the displaced
    // went, not where they were displaced from.
    if kind == EventKind::Displacement {
        // "a first convoy of returnees drove in from Yerevan": where people come back from is
        // no place of their return; where they come back to ("escorted returnees into
        // Stepanakert") is.
        if kind_words.iter().any(|w| tells_a_return(&w.text)) {
            event_mentions.retain(|m| !comes_from(sentence, m));
        } else {
            event_mentions.retain(|m| !is_destination(sentence, m));
        }
    } else if kind != EventKind::Diplomacy {
        // "Shells hit Tartar and residents left for Yevlakh", "… and thousands left the city
        // towards Armenia": where they went is no scene of the strike either (where a minister
        // "left for" is where the talks are).
        let people_leave = !scan
            .get(Set::Triggers(crate::atlas::kind_index(
                EventKind::Displacement,
            )))
            .is_empty();
        drop_beside_others(&mut event_mentions, |m| {
            is_left_for(sentence, m) || (people_leave && is_destination(sentence, m))
        });
    }
    // "Officials in Kapan said the Meghri road was shelled": where the sources sit, beside the
    // places they tell of (for talks it may be where they were).
    if kind != EventKind::Diplomacy {
        drop_beside_others(&mut event_mentions, |m| is_seat_of_who_tells(sentence, m));
    }
    // "left the town along the Barda road": a road named after a town locates, beside the
    // places the sentence tells of.
    drop_beside_others(&mut event_mentions, |m| {
        names_a_road(sentence, m) || is_corridor_aimed_at(sentence, m) || is_drawn_near(sentence, m)
    });
    // "Barda (Azerbaijan) (AFP) - Artillery fire on Tartar …": where the report was filed,
    // beside the places it tells of.
    if let Some(end) = agency_dateline_end(sentence.text) {
        drop_beside_others(&mut event_mentions, |m| {
            m.start.saturating_sub(sentence.range.start) < end
        });
    }
    // Of a sentence that tells two kinds in two clauses, the places of this kind's clause,
    // where it names any.
    if let Some(clauses) = own_clauses {
        let in_own = |m: &&Mention| {
            m.start
                .checked_sub(sentence.range.start)
                .is_some_and(|at| clauses.iter().any(|c| c.contains(&at)))
        };
        if event_mentions.iter().any(in_own) {
            event_mentions.retain(in_own);
        }
    }
    if kind != EventKind::Diplomacy {
        // Shelling, battles, tolls and flight happen in the theatre of this war: a capital far
        // away named in the same sentence ("talks in Moscow … where fighting persists") is not
        // where they happened.
        // The war's theatre, not the article's region: an article whose title and talks are in
        // Geneva is still about strikes on Ganja. With no region to fall back on, a place far
        // away is kept where it is the only one ("Shelling hit the town of Armavir" read as
        // Russia's Armavir, for the reader to move).
        let in_theatre = |m: &&Mention| place_of(gazetteer, m).is_some_and(within_theatre);
        if region.is_some() || event_mentions.iter().any(in_theatre) {
            event_mentions.retain(in_theatre);
        }
        event_mentions = prefer_specific(event_mentions, gazetteer);
    }
    // "The Russian defence ministry said peacekeepers had set up posts near Martakert": troops
    // of a deal are where they deploy, not at the seat of who tells of it.
    // Not where they come from ("returning from Armenia", "took off from an airfield").
    let deployed_at_a_named_place = kind == EventKind::Diplomacy
        && kind_words
            .iter()
            .all(|w| is_one_of(&w.text, &["peacekeepers"]))
        && {
            event_mentions.retain(|m| {
                place_of(gazetteer, m).is_some_and(|p| p.kind != PlaceKind::Country)
                    && !text::words_back(text_before(sentence, m))
                        .take(4)
                        .any(|w| w.eq_ignore_ascii_case("from"))
            });
            !event_mentions.is_empty()
        };
    // "Armenia agreed on Monday to withdraw its troops from the Kalbajar district", "Baku
    // agreed to postpone the handover of Kalbajar": a deal's territory is where it is carried
    // out, not the capital of the side that agrees.
    if kind == EventKind::Diplomacy && !deployed_at_a_named_place && scan.contains(Set::Territory) {
        let territory: Vec<&Mention> = event_mentions
            .iter()
            .copied()
            .filter(|m| is_war_zone_town(gazetteer, m))
            .collect();
        if !territory.is_empty() {
            return Some(chosen(&territory, gazetteer, |names| {
                format!("the territory the deal is about: {names}")
            }));
        }
    }
    if kind == EventKind::Diplomacy && !deployed_at_a_named_place {
        // "spoke with Guterres about the attacks on civilians in Ganja": what the talks were
        // about, not where they were held.
        // Looked for only when a town of the war zone is named (most talks name capitals).
        let topic_at = std::cell::OnceCell::new();
        event_mentions.retain(|m| {
            !(is_war_zone_town(gazetteer, m)
                && topic_at
                    .get_or_init(|| first_topic_marker(sentence.text))
                    .is_some_and(|at| sentence.range.start + at < m.start))
        });
        // Where a meeting is held ("talks in Moscow", "was in Geneva") is the place of diplomacy.
        // Most sentences tell of no visit: only where one does are the words before a place read
        // for it.
        let visits = scan.get(Set::Visits);
        let venues: Vec<&Mention> = event_mentions
            .iter()
            .copied()
            // A district is a venue only of what enters it: "units entered the Agdam district
            // under the truce" is its handover.
            .filter(|m| {
                place_of(gazetteer, m).is_some_and(|p| {
                    !is_container(p)
                        || (p.kind == PlaceKind::District
                            && (is_entered(sentence, m) || is_visited(sentence, m, visits)))
                })
            })
            .filter(|m| is_after_locative(sentence, m, visits))
            .collect();
        // "met Aliyev in Baku on Thursday and was expected in Moscow and Geneva later in the
        // week": the stops of a trip still to come are no venue of the meeting told.
        let venues = if venues.len() > 1 {
            let (ahead, met): (Vec<&Mention>, Vec<&Mention>) = venues
                .iter()
                .partition(|m| is_a_stop_still_to_come(sentence, m));
            if ahead.is_empty() || met.is_empty() {
                venues
            } else {
                met
            }
        } else {
            venues
        };
        if !venues.is_empty() {
            return Some(chosen(&venues, gazetteer, |names| {
                format!("where the meeting or statement took place: {names}")
            }));
        }
        // "The ministry said the handover went smoothly", "The talks focused on prisoners":
        // talks named as the ones just told are where those were.
        let points_back = !kind_words.is_empty()
            && kind_words.iter().all(|w| {
                is_one_of(
                    &w.text,
                    &[
                        "talks",
                        "meeting",
                        "handover",
                        "visit",
                        "call",
                        "phone call",
                        "negotiations",
                    ],
                ) && !sentence
                    .text
                    .get(w.end..)
                    .is_some_and(|after| after.starts_with(" of "))
                    && sentence.text.get(..w.start).is_some_and(|before| {
                        text::words_back(before)
                            .next()
                            .is_some_and(|b| b.eq_ignore_ascii_case("the"))
                    })
            });
        if points_back
            && let Some((_, told)) = context
                .previous_events
                .iter()
                .find(|(k, places)| *k == EventKind::Diplomacy && !places.is_empty())
        {
            let names = names(gazetteer, told);
            return Some((
                told.clone(),
                Vec::new(),
                format!(
                    "'the {}' points back to the talks told just before: {names}",
                    kind_words[0].text
                ),
            ));
        }
        // Otherwise the speakers, at their seat of government (the conventions).
        let speakers = super::claims::speakers(
            sentence.text,
            sentence.range.start,
            sentence.mentions,
            scan,
            gazetteer,
            lexicon,
        );
        let speakers: Vec<_> = speakers
            .into_iter()
            .filter(|s| !at_aside_without(sentence.text, s.words.start, kind_words))
            .collect();
        if !speakers.is_empty() {
            let mut ids = Vec::new();
            let mut spans = Vec::new();
            let mut reasons = Vec::new();
            for speaker in speakers {
                let seat = match &speaker.place {
                    Some(id) => gazetteer.place(id).and_then(|p| seat_of(gazetteer, p)),
                    None => gazetteer.capital_of(&speaker.country).map(|c| c.id.clone()),
                };
                if let Some(seat) = seat {
                    if !ids.contains(&seat) {
                        reasons.push(format!(
                            "'{}' speaks for its government: placed at {}",
                            speaker.words.text,
                            names(gazetteer, std::slice::from_ref(&seat))
                        ));
                        ids.push(seat);
                    }
                    spans.push(Span {
                        start: sentence.range.start + speaker.words.start,
                        end: sentence.range.start + speaker.words.end,
                        text: speaker.words.text.clone(),
                    });
                }
            }
            // "Pashinyan, Aliyev and Putin signed the truce", "was signed by Azerbaijan's
            // President, …", "Pashinyan signed a deal brokered by Putin": those who sign a deal
            // are its parties, not where it was signed; with no venue told, it is the region's.
            // Between the warring sides: a deal of two outsiders ("the Russian and Turkish
            // defence ministers signed a memorandum") stays at their seats.
            let a_side_signs = ids.iter().any(|id| {
                gazetteer
                    .place(id)
                    .is_some_and(|p| matches!(p.country.as_str(), "AZ" | "AM"))
            });
            // A deal, not a decree ("Aliyev signed a decree declaring martial law").
            let signs_a_deal = || {
                let lower = sentence.text.to_ascii_lowercase();
                [
                    "deal",
                    "agreement",
                    "accord",
                    "truce",
                    "ceasefire",
                    "cease-fire",
                    "statement",
                    "memorandum",
                    "pact",
                    "declaration",
                ]
                .iter()
                .any(|noun| lower.contains(noun))
            };
            if a_side_signs
                && let Some(region) = region
                && kind_words
                    .iter()
                    .any(|w| is_one_of(&w.text, &["signed", "sign", "signs", "signing"]))
                && signs_a_deal()
            {
                let names = names(gazetteer, std::slice::from_ref(region));
                return Some((
                    vec![region.clone()],
                    Vec::new(),
                    format!(
                        "the parties who signed are no place of the deal: {}, {names}",
                        context.region_reason
                    ),
                ));
            }
            if !ids.is_empty() {
                return Some((ids, spans, reasons.join("; ")));
            }
        }
        let seats: Vec<(PlaceId, &Mention)> = event_mentions
            .iter()
            .filter_map(|m| {
                let place = place_of(gazetteer, m)?;
                Some((seat_of(gazetteer, place)?, *m))
            })
            .collect();
        if seats.is_empty() {
            // "A ceasefire agreed with Russian mediation took effect at midnight": a truce
            // that comes into force where no one is told to speak for it holds where the
            // fighting is.
            let truce = kind_words.iter().any(|w| is_one_of(&w.text, TRUCE_WORDS));
            let region = region.filter(|_| truce && comes_into_force(sentence.text))?;
            return Some(in_the_region(region, gazetteer, context));
        }
        let ids = dedup(seats.iter().map(|(id, _)| id.clone()));
        let names = names(gazetteer, &ids);
        return Some((
            ids,
            seats.iter().map(|(_, m)| span_of(m)).collect(),
            format!("the place named in the sentence: {names}"),
        ));
    }

    if !event_mentions.is_empty() {
        let ids = dedup(event_mentions.iter().filter_map(|m| m.place.clone()));
        // "'Tartar': …; 'Barda': …", written piece by piece (a `format!` per mention and the
        // join cost twice as much).
        let mut reasons = String::with_capacity(
            event_mentions
                .iter()
                .map(|m| m.text.len() + m.why.len() + 6)
                .sum(),
        );
        for (i, m) in event_mentions.iter().enumerate() {
            if i > 0 {
                reasons.push_str("; ");
            }
            reasons.push('\'');
            reasons.push_str(&m.text);
            reasons.push_str("': ");
            reasons.push_str(&m.why);
        }
        return Some((
            ids,
            event_mentions.iter().map(|m| span_of(m)).collect(),
            reasons,
        ));
    }
    // "Two civilians were killed in the attack, Baku said": where the attack told just before
    // happened, not the country of who tells of it.
    if let Some(told) = context.told_attack {
        let names = names(gazetteer, &told.places);
        return Some((
            told.places.clone(),
            Vec::new(),
            format!("where the attack the sentence points back to happened: {names}"),
        ));
    }
    // "…, Baku said": the government speaks for its country; a country-wide happening is placed
    // at the country.
    let actor_places: Vec<(PlaceId, &Mention)> = sentence
        .mentions
        .iter()
        .filter(|m| m.role == MentionRole::Actor)
        // "returnees drove in from Yerevan": where the displaced come from speaks for no one.
        .filter(|m| kind != EventKind::Displacement || !comes_from(sentence, m))
        .filter_map(|m| {
            let place = place_of(gazetteer, m)?;
            let target = if place.kind == PlaceKind::Capital {
                gazetteer.country(&place.country).map(|c| c.id.clone())?
            } else {
                place.id.clone()
            };
            Some((target, *m))
        })
        .collect();
    if !actor_places.is_empty() {
        // "Armenia's defence ministry said a shell hit the town's hospital": the town told
        // just before, not the country that speaks.
        if let Some(referred) = referred_back(sentence, context, gazetteer) {
            return Some(referred);
        }
        // A government telling of a front outside its own country ("Armenia's defence ministry
        // said Azerbaijani forces had attacked from several directions overnight") tells of
        // the region the article is about (when that region is the war's), not of its own
        // territory; a headline with no one
        // reporting ("Russian helicopter shot down over Armenia") is about the country named.
        let abroad = |id: &PlaceId| {
            let region = region.and_then(|r| gazetteer.place(r));
            let speaker = gazetteer.place(id);
            matches!((region, speaker), (Some(r), Some(s))
                if s.kind == PlaceKind::Country
                    && r.kind == PlaceKind::Region
                    && s.country != r.country
                    && crate::gazetteer::resolve::km_from_war(r) < INSIDE_REGION_KM)
        };
        let reported = scan.contains(Set::ClaimVerbs);
        // "Armenia says 2,500 of its servicemen died": a side's count of its own people is
        // that side's, wherever they fell.
        if let Some(region) = region.filter(|_| {
            reported
                && actor_places.iter().all(|(id, _)| abroad(id))
                && !(kind == EventKind::Casualties && counts_its_own_people(sentence.text))
        }) {
            let names = names(gazetteer, std::slice::from_ref(region));
            return Some((
                vec![region.clone()],
                actor_places.iter().map(|(_, m)| span_of(m)).collect(),
                format!(
                    "reported by a government fighting outside its own territory: the region \
                     the article is about, {names}"
                ),
            ));
        }
        let ids = dedup(actor_places.iter().map(|(id, _)| id.clone()));
        let names = names(gazetteer, &ids);
        return Some((
            ids,
            actor_places.iter().map(|(_, m)| span_of(m)).collect(),
            format!("reported by a government for its own territory: {names}"),
        ));
    }
    // "Armenian officials say more than 2,600 of their soldiers are dead": a side's count of its
    // own people is that side's, not the country the sentence before told of.
    if kind == EventKind::Casualties
        && !scan.get(Set::Demonyms).is_empty()
        && counts_its_own_people(sentence.text)
        && let Some(country) = scan
            .get(Set::Demonyms)
            .iter()
            .find(|&&(_, end, _)| {
                sentence.text[end..]
                    .split_whitespace()
                    .next()
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                    .is_some_and(|w| is_one_of(w, OWN_SIDE_VOICES))
            })
            .and_then(|&(_, _, index)| gazetteer.country(lexicon.demonym_country(index)))
    {
        let names = names(gazetteer, std::slice::from_ref(&country.id));
        return Some((
            vec![country.id.clone()],
            Vec::new(),
            format!("a side's count of its own people: {names}"),
        ));
    }
    // The sentence goes on about what the one before told ("… rockets were heard in
    // Stepanakert. One of the rockets landed near the cemetery.").
    let told_before = context
        .previous_events
        .iter()
        .find(|(k, _)| *k == kind)
        .or_else(|| {
            // The toll of the strike or battle the sentence before told of ("… had fired
            // rockets at Ganja. An aide said one civilian had been killed and 32 injured."),
            // not a toll of the war so far nor of fighting the sentence names itself ("the
            // fighting made more than 700 dead").
            // An attack the sentence tells that goes on with the one before ("A shell hit the
            // hospital in Martuni. The second blast wounded four nurses.") is that attack.
            let own_attack = [EventKind::Shelling, EventKind::Fighting].iter().any(|&k| {
                scan.contains(Set::Triggers(crate::atlas::kind_index(k)))
                    && !context.previous_events.iter().any(|(told, _)| *told == k)
            });
            (kind == EventKind::Casualties && !own_attack)
                .then(|| {
                    context
                        .previous_events
                        .iter()
                        .find(|(k, _)| matches!(k, EventKind::Shelling | EventKind::Fighting))
                })
                .flatten()
                .filter(|_| toll_of_one_happening())
        });
    if let Some((_, places)) = told_before {
        let names = names(gazetteer, places);
        return Some((
            places.clone(),
            Vec::new(),
            format!("continues the previous sentence's report at {names}"),
        ));
    }
    // "Two convoys were attacked near Lachin. The first was hit on Monday": an attack told with
    // no place of its own, just after another, goes on at its place, not in the whole region.
    if matches!(kind, EventKind::Shelling | EventKind::Fighting)
        && opens_with_a_follow_up(sentence.text)
        && let Some(told) = context.recent_attack
    {
        let names = names(gazetteer, &told.places);
        return Some((
            told.places.clone(),
            Vec::new(),
            format!("goes on with the attack told just before, at {names}"),
        ));
    }
    if let Some(referred) = referred_back(sentence, context, gazetteer) {
        return Some(referred);
    }
    // A toll of the war so far or a count of all who fled is the region's, not the town's.
    let at_the_scene = || match kind {
        EventKind::Shelling => true,
        EventKind::Casualties => toll_of_one_happening(),
        EventKind::Displacement => !counts_displaced(),
        EventKind::Fighting | EventKind::Diplomacy => false,
    };
    if let Some((id, why)) = context.filed_at.filter(|_| at_the_scene()) {
        return Some((vec![id.clone()], Vec::new(), why.clone()));
    }
    // "Azerbaijan does not disclose its military losses. Its prosecutor general's office says 11
    // civilians have been killed": a country's count of its own people, told by "it".
    if matches!(kind, EventKind::Casualties | EventKind::Displacement)
        && !at_the_scene()
        && tells_as_it(sentence.text)
        && let Some(country) = context.clause_before.iter().find_map(|m| {
            let place = place_of(gazetteer, m)?;
            (place.kind == PlaceKind::Country && matches!(place.country.as_str(), "AZ" | "AM"))
                .then_some(&place.id)
        })
    {
        let names = names(gazetteer, std::slice::from_ref(country));
        return Some((
            vec![country.clone()],
            Vec::new(),
            format!("a count told by 'it', the country the sentence before named: {names}"),
        ));
    }
    // "Azerbaijani civilian deaths have risen to 61", "61 Azerbaijani civilians have been
    // killed": civilians of a side die where they live, Azerbaijan's outside the region (Ganja,
    // Tartar, Barda); its soldiers, and the Karabakh Armenians, in the region itself.
    // (The cheap look first: whether a toll is of one happening reads the whole sentence.)
    if matches!(kind, EventKind::Casualties | EventKind::Displacement)
        && counted_civilians_side(sentence.text) == Some("AZ")
        && !at_the_scene()
        && let Some(country) = gazetteer.country("AZ")
    {
        let names = names(gazetteer, std::slice::from_ref(&country.id));
        return Some((
            vec![country.id.clone()],
            Vec::new(),
            format!("a count of one side's civilians, who live outside the region: {names}"),
        ));
    }
    Some(in_the_region(region?, gazetteer, context))
}

/// The side whose civilians a count names by adjective ("Azerbaijani civilian deaths", "61
/// Azerbaijani civilians", "the Azerbaijani civilian death toll"), when the sentence counts
/// one side's people only: "22 Armenian civilians and 31 Azerbaijani" is a count of the war's.
fn counted_civilians_side(sentence: &str) -> Option<&'static str> {
    static CIVILIAN: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("civilian"));
    CIVILIAN.find(sentence.as_bytes())?;
    // Most sentences name no side by adjective: no words to read.
    static SIDES: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 2]> =
        std::sync::LazyLock::new(|| {
            [
                memchr::memmem::Finder::new("Azer"),
                memchr::memmem::Finder::new("Armenian"),
            ]
        });
    if SIDES
        .iter()
        .all(|side| side.find(sentence.as_bytes()).is_none())
    {
        return None;
    }
    let mut words = sentence
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .peekable();
    let mut side = None;
    let mut civilians = false;
    let mut previous = "";
    while let Some(word) = words.next() {
        let before = std::mem::replace(&mut previous, word);
        let code = match word {
            "Azerbaijani" | "Azeri" => "AZ",
            "Armenian" => "AM",
            _ => continue,
        };
        let next = words.peek().copied().unwrap_or("");
        // "31 Azerbaijani": people counted too, though no noun follows.
        let after_a_figure = before.bytes().any(|b| b.is_ascii_digit());
        let of_civilians = is_one_of(next, &["civilian", "civilians"]);
        let counted = of_civilians
            || after_a_figure
            || is_one_of(
                next,
                &["military", "soldiers", "servicemen", "troops", "side"],
            );
        if !counted {
            continue;
        }
        if side.is_some_and(|told| told != code) {
            return None;
        }
        side = Some(code);
        civilians |= of_civilians;
    }
    side.filter(|_| civilians)
}

/// "2,500 of its servicemen", "its civilians": a side's count of its own people.
/// Who speaks for a side right after its adjective ("Armenian officials", "the Azerbaijani
/// army").
const OWN_SIDE_VOICES: &[&str] = &[
    "officials",
    "authorities",
    "army",
    "military",
    "ministry",
    "government",
    "officers",
    "side",
];

fn counts_its_own_people(sentence: &str) -> bool {
    let mut words = sentence
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let mut previous = "";
    words.any(|word| {
        let own = (previous.eq_ignore_ascii_case("its") || previous.eq_ignore_ascii_case("their"))
            && is_one_of(
                word,
                &["soldiers", "servicemen", "troops", "civilians", "citizens"],
            );
        previous = word;
        own
    })
}

/// Whether a sentence tells its count as "it" or "its": "Its prosecutor general's office
/// said …", "… it says 24 civilians have been killed on its side".
fn tells_as_it(sentence: &str) -> bool {
    let opens_with_it = sentence
        .split_whitespace()
        .next()
        .is_some_and(|first| first == "Its" || first == "It");
    opens_with_it
        || [
            " it says",
            " it said",
            " its side",
            " it reported",
            " it reports",
        ]
        .iter()
        .any(|phrase| sentence.contains(phrase))
}

/// The places of the sentence before, where the sentence points back to them ("there", "the
/// city", "the town's hospital").
fn referred_back(
    sentence: &Sentence,
    context: &Context,
    gazetteer: &Gazetteer,
) -> Option<PlaceChoice> {
    if context.previous_places.is_empty() || !refers_back(sentence.text) {
        return None;
    }
    let ids: Vec<PlaceId> = context
        .previous_places
        .iter()
        .map(|&id| id.clone())
        .collect();
    let names = names(gazetteer, &ids);
    Some((
        ids,
        Vec::new(),
        format!("'there' / 'the city' refers to the place of the previous sentence: {names}"),
    ))
}

/// An event placed in the region the article is about, for want of a place in its sentence.
fn in_the_region(region: &PlaceId, gazetteer: &Gazetteer, context: &Context) -> PlaceChoice {
    // The same for every such event of the article: written once.
    let why = context.region_why.get_or_init(|| {
        let names = names(gazetteer, std::slice::from_ref(region));
        format!(
            "no place in the sentence: {}, {names}",
            context.region_reason
        )
    });
    (vec![region.clone()], Vec::new(), why.clone())
}

/// "the town of Barda, Azerbaijan", "Shusha in Nagorno-Karabakh", "Stepanakert, the capital of
/// Nagorno-Karabakh": a country or region right after a more specific place only qualifies it.
fn drop_qualifiers<'a>(
    mentions: Vec<&'a Mention>,
    sentence: &Sentence,
    gazetteer: &Gazetteer,
) -> Vec<&'a Mention> {
    let mut kept = Vec::new();
    for (i, mention) in mentions.iter().enumerate() {
        let is_qualifier = i > 0 && {
            let previous = mentions[i - 1];
            let gap = sentence
                .text
                .get(previous.end - sentence.range.start..mention.start - sentence.range.start)
                .unwrap_or("");
            let previous_specific = place_of(gazetteer, previous).is_some_and(|p| !is_container(p));
            let this_container = place_of(gazetteer, mention).is_some_and(is_container);
            previous_specific
                && this_container
                && gap.len() <= 20
                && !gap.contains(['.', ';', '"', '“', '”'])
        };
        if !is_qualifier {
            kept.push(*mention);
        }
    }
    kept
}

/// Distance from the war's centre within which its events happen (Armenia, Azerbaijan and their
/// borders with Georgia and Iran).
const THEATRE_RADIUS_KM: f64 = 450.0;
/// A town this close to a region's point stands inside it.
const INSIDE_REGION_KM: f64 = 60.0;

/// How far from the war's centre a region's point may lie to be the war's own region
/// (Nagorno-Karabakh's point is a few kilometres from it; Syunik's and Nakhchivan's are not).
const WAR_REGION_KM: f64 = 25.0;

fn within_theatre(place: &Place) -> bool {
    place.kind == PlaceKind::Country && matches!(place.country.as_str(), "AZ" | "AM")
        || (place.kind != PlaceKind::Country
            && crate::gazetteer::resolve::km_from_war(place) <= THEATRE_RADIUS_KM)
}

/// "Nagorno-Karabakh … its main city, Stepanakert": a region named beside a town inside it is
/// the town's setting, not a second place; so is a district beside a town of its own.
fn prefer_specific<'a>(mentions: Vec<&'a Mention>, gazetteer: &Gazetteer) -> Vec<&'a Mention> {
    let places: Vec<Option<&Place>> = mentions.iter().map(|m| place_of(gazetteer, m)).collect();
    mentions
        .iter()
        .zip(&places)
        .filter(|(_, place)| {
            let Some(place) = place else { return false };
            match place.kind {
                PlaceKind::Region => !places.iter().flatten().any(|other| {
                    !is_container(other) && distance_km(other, place) <= INSIDE_REGION_KM
                }),
                // "the city of Tartar and the villages of Tartar district": the town told
                // within its district.
                PlaceKind::District => !places
                    .iter()
                    .flatten()
                    .any(|other| !is_container(other) && other.admin1 == place.name),
                _ => true,
            }
        })
        .map(|(m, _)| *m)
        .collect()
}

/// A town of the war zone, not a capital: what talks are about when named after a topic marker
/// ("discussed the hostilities around Stepanakert", "a call about the attacks on Ganja").
/// Capitals and towns far from the war, where talks are held, stay venues ("discussed the truce
/// in Moscow").
fn is_war_zone_town(gazetteer: &Gazetteer, mention: &Mention) -> bool {
    place_of(gazetteer, mention).is_some_and(|p| {
        !matches!(p.kind, PlaceKind::Capital | PlaceKind::Country)
            && crate::gazetteer::resolve::km_from_war(p) < WAR_ZONE_KM
    })
}

/// Where the first word after which talks name their topic stands in `sentence`.
fn first_topic_marker(sentence: &str) -> Option<usize> {
    TOPIC_FINDERS
        .iter()
        .filter_map(|finder| finder.find(sentence.as_bytes()))
        .min()
}

/// The searchers of [`TOPIC_MARKERS`], built once (building one costs as much as a search).
static TOPIC_FINDERS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
    std::sync::LazyLock::new(|| {
        TOPIC_MARKERS
            .iter()
            .map(|marker| memchr::memmem::Finder::new(marker.as_bytes()))
            .collect()
    });

/// Words after which talks name what they are about (lower case: they stand inside sentences).
const TOPIC_MARKERS: &[&str] = &[
    " about ",
    " discussed ",
    " discuss ",
    " discussing ",
    " regarding ",
    " concerning ",
    " situation in ",
    " situation around ",
];

static RESPECTIVELY: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"respectively"));

/// The place each of `place_words` names, in their order, when every one names a place of
/// `places`: the places a "respectively" pairs with days in the same order.
fn respective_places(
    sentence: &Sentence,
    place_words: &[Span],
    places: &[PlaceId],
) -> Option<Vec<(PlaceId, Span)>> {
    place_words
        .iter()
        .map(|words| Some((place_named_by(sentence, words, places)?, words.clone())))
        .collect()
}

/// Whether a sentence names its places first and then a list of as many days, each joined to
/// the one before by a comma or "and" only: "A, B and C … on d1, d2 and d3".
fn lists_places_then_their_days(
    sentence: &Sentence,
    place_words: &[Span],
    days: &[(Option<NaiveDate>, Option<&TimeRef>)],
) -> bool {
    let mut refs: Vec<&TimeRef> = Vec::with_capacity(days.len());
    for (_, r) in days {
        match r {
            Some(r) => refs.push(r),
            None => return false,
        }
    }
    refs.sort_by_key(|r| r.start);
    let Some(first) = refs.first() else {
        return false;
    };
    // Place words are spans of the article, time references spans of the sentence.
    let places_first = place_words
        .iter()
        .all(|w| w.end <= sentence.range.start + first.start);
    places_first
        && refs.windows(2).all(|pair| {
            sentence
                .text
                .get(pair[0].end..pair[1].start)
                .is_some_and(|gap| matches!(gap.trim(), "," | "and" | ", and"))
        })
}

/// The place of `places` that the mention at `words` names.
fn place_named_by(sentence: &Sentence, words: &Span, places: &[PlaceId]) -> Option<PlaceId> {
    sentence
        .mentions
        .iter()
        .find(|m| m.start == words.start)
        .and_then(|m| m.place.clone())
        .filter(|id| places.contains(id))
}

/// The days listed after `first` ("on October 4, October 11 and October 17"): each joined to
/// the one before by a comma or "and" only. A pair joined by "and" alone is
/// [`when::paired_day`]'s.
fn listed_days<'r>(sentence: &str, dated: &[&'r TimeRef], first: &TimeRef) -> Vec<&'r TimeRef> {
    let mut listed: Vec<&'r TimeRef> = Vec::new();
    let mut end = first.end;
    let mut comma = false;
    for r in dated.iter().copied().filter(|r| r.start >= first.end) {
        let Some(gap) = sentence.get(end..r.start) else {
            break;
        };
        let joined = matches!(
            gap,
            ", " | " and " | ", and " | ", on " | " and on " | ", and on "
        );
        if !joined || r.kind != RefKind::Day {
            break;
        }
        comma |= gap.starts_with(',');
        listed.push(r);
        end = r.end;
    }
    if !comma {
        listed.clear();
    }
    listed
}

/// How many words may stand between a place and the day that is its own.
const PLACE_DAY_GAP_WORDS: usize = 4;

/// Each place of a sentence that gives places their own days, with its day: "took Jabrayil on
/// October 9, Fuzuli on October 17" (the day right after the place), "On 4 October rockets hit
/// Stepanakert, and on 15 October shells fell on Hadrut" (the day before it). `None` unless
/// every place finds a day and the days are not all one.
fn places_with_their_days<'r>(
    sentence: &Sentence,
    dated: &[&'r TimeRef],
    place_words: &[Span],
    places: &[PlaceId],
) -> Option<Vec<(PlaceId, Span, &'r TimeRef)>> {
    if dated.len() < 2 || place_words.len() < 2 {
        return None;
    }
    // "The ministry said on 2 November that its units had repelled attacks near Martuni and
    // Kubatly overnight": the day of the statement is no day of a place.
    let offset = sentence.range.start;
    let before_the_places = |r: &TimeRef| r.speech && r.end + offset <= place_words[0].start;
    let told: Vec<&'r TimeRef>;
    let dated = if dated.iter().any(|r| before_the_places(r)) {
        told = dated
            .iter()
            .copied()
            .filter(|r| !before_the_places(r))
            .collect();
        if told.len() < 2 {
            return None;
        }
        &told[..]
    } else {
        dated
    };
    // "Aghdam and Kalbajar were handed over on 20 and 25 November respectively": the places in
    // their order, each with the day in the same place of the days' order.
    if dated.len() == place_words.len() && RESPECTIVELY.find(sentence.text.as_bytes()).is_some() {
        let mut days: Vec<&'r TimeRef> = dated.to_vec();
        days.sort_by_key(|r| r.start);
        let respective = respective_places(sentence, place_words, places)?;
        return Some(
            respective
                .into_iter()
                .zip(days)
                .map(|((id, words), day)| (id, words, day))
                .collect(),
        );
    }
    let first_day_at = dated.iter().map(|r| r.start).min()?;
    let mut pairs = Vec::with_capacity(place_words.len());
    for (i, words) in place_words.iter().enumerate() {
        let (start, end) = (
            words.start.checked_sub(offset)?,
            words.end.checked_sub(offset)?,
        );
        // "Armenia must hand over the Aghdam district by November 20, Kalbajar by November
        // 15": who acts, named before every day (or placed at its seat), is left out.
        let Some(id) = place_named_by(sentence, words, places) else {
            if end <= first_day_at {
                continue;
            }
            return None;
        };
        let next_place = place_words
            .get(i + 1)
            .map_or(usize::MAX, |w| w.start - offset);
        // Right after the place: "Fuzuli on October 17", "Kalbajar by November 15", "the
        // Aghdam district to Azerbaijan by November 20".
        let after = dated.iter().find(|r| {
            r.start >= end
                && r.start < next_place
                && sentence.text.get(end..r.start).is_some_and(|gap| {
                    gap.split_whitespace().count() <= PLACE_DAY_GAP_WORDS && !gap.contains(',')
                })
        });
        let Some(day) = after.or_else(|| dated.iter().rev().find(|r| r.end <= start)) else {
            if end <= first_day_at {
                continue;
            }
            return None;
        };
        pairs.push((id, words.clone(), *day));
    }
    if pairs.len() < 2 {
        return None;
    }
    let first_day = pairs.first()?.2.day;
    pairs
        .iter()
        .any(|(_, _, r)| r.day != first_day)
        .then_some(pairs)
}

/// The clause's text before `mention`.
/// The clauses of a sentence that tells of more than one kind, for each kind: where the words
/// of two kinds follow each other with a conjunction between them ("… came under shelling and
/// that clashes had flared near Fuzuli", "Talks were held in Moscow, while shelling went on in
/// Tartar"), the last conjunction before the second parts them, if no place stands between
/// it and the second. Empty when no conjunction parts two kinds (most sentences).
fn clauses_of_each_kind(
    sentence: &Sentence,
    kinds: &[(EventKind, Vec<Span>)],
) -> Vec<(EventKind, Vec<Range<usize>>)> {
    if kinds.len() < 2 {
        return Vec::new();
    }
    let offset = sentence.range.start;
    let names_a_place_within = |range: Range<usize>| {
        sentence.mentions.iter().any(|m| {
            m.start
                .checked_sub(offset)
                .is_some_and(|at| range.contains(&at))
        })
    };
    let sentence = sentence.text;
    // A toll is the strike's or the battle's: it parts no clause of its own.
    let mut words: Vec<(usize, usize, EventKind)> = kinds
        .iter()
        .filter(|(kind, _)| *kind != EventKind::Casualties)
        .flat_map(|(kind, words)| words.iter().map(move |w| (w.start, w.end, *kind)))
        .collect();
    words.sort_unstable();
    let mut bounds = Vec::new();
    for pair in words.windows(2) {
        let ((_, end, first), (start, _, second)) = (pair[0], pair[1]);
        if first == second || start <= end {
            continue;
        }
        let Some(between) = sentence.get(end..start) else {
            continue;
        };
        // Conjunctions that open a clause, not those of a list ("the Tartar and Barda
        // districts").
        let conjunction = [
            ", and ",
            " and that ",
            "; ",
            " while ",
            ", but ",
            " whereas ",
        ]
        .iter()
        .filter_map(|c| between.rfind(c).map(|at| end + at))
        .max()
        // A clause of its own starts there: no place between it and the second kind's word
        // ("shelled Stepanakert, and the nearby town of Shushi overnight, forcing …" lists).
        .filter(|&at| !names_a_place_within(at..start));
        if let Some(at) = conjunction {
            bounds.push(at);
        }
    }
    if bounds.is_empty() {
        return Vec::new();
    }
    bounds.sort_unstable();
    bounds.dedup();
    let mut clauses: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for &at in &bounds {
        clauses.push(start..at);
        start = at;
    }
    clauses.push(start..sentence.len());
    kinds
        .iter()
        .filter(|(kind, _)| *kind != EventKind::Casualties)
        .map(|(kind, words)| {
            let own: Vec<Range<usize>> = clauses
                .iter()
                .filter(|c| words.iter().any(|w| c.contains(&w.start)))
                .cloned()
                .collect();
            (*kind, own)
        })
        .collect()
}

/// Whether `mention` stands after "from" ("drove in from Yerevan", "from the Kalbajar district").
fn comes_from(sentence: &Sentence, mention: &Mention) -> bool {
    text::words_back(text_before(sentence, mention))
        .find(|w| !w.eq_ignore_ascii_case("the"))
        .is_some_and(|w| w.eq_ignore_ascii_case("from"))
}

/// Whether the words from a fighting word on tell that it "entered a 19th day", "entered its
/// second week", "enters the third month" (or are that "entered"): a measure of the war so far.
fn enters_a_new_stretch(after: &str) -> bool {
    let words: Vec<&str> = after
        .split_whitespace()
        .take(12)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let Some(at) = words
        .iter()
        .take(8)
        .position(|w| is_one_of(w, &["entered", "enters", "entering"]))
    else {
        return false;
    };
    words
        .get(at + 1)
        .is_some_and(|w| is_one_of(w, &["its", "a", "the", "their"]))
        && words.iter().skip(at + 2).take(3).any(|w| {
            is_one_of(
                w,
                &[
                    "day", "days", "week", "weeks", "month", "months", "phase", "stage",
                ],
            )
        })
}

/// Whether a witness's attribution tells in the past or the perfect what happened to them
/// ("who has spent four nights in a basement", "whose house was destroyed"), not only who they
/// are and how they live now. Verbs of saying are no happening.
fn tells_what_happened_to_them(attribution: &str) -> bool {
    attribution.split(|c: char| !c.is_alphanumeric()).any(|w| {
        is_one_of(
            w,
            &[
                "has", "have", "had", "was", "were", "fled", "left", "lost", "spent",
            ],
        ) || (w.len() >= 5
            && w.to_ascii_lowercase().ends_with("ed")
            && !is_one_of(
                w,
                &["said", "added", "explained", "recalled", "asked", "noted"],
            ))
    })
}

/// Whether a night's words name the night that led into the day they are told on: "overnight",
/// "last night", "during the night".
fn names_the_night_just_passed(words: &str) -> bool {
    contains_any_ignoring_case(words, &["overnight", "last night", "during the night"])
}

/// Whether a displacement word tells of people coming back ("returnees", "returned home",
/// "came back").
fn tells_a_return(word: &str) -> bool {
    contains_any_ignoring_case(word, &["return", "came back", "come back"])
}

/// Whether `text` ends with `tail` (ASCII), ignoring ASCII case.
fn ends_with_ignoring_case(text: &str, tail: &str) -> bool {
    text.len()
        .checked_sub(tail.len())
        .and_then(|at| text.get(at..))
        .is_some_and(|end| end.eq_ignore_ascii_case(tail))
}

/// Whether `text` holds one of `needles` (ASCII, lower case), ignoring ASCII case, without a
/// lower-cased copy.
fn contains_any_ignoring_case(text: &str, needles: &[&str]) -> bool {
    needles
        .iter()
        .any(|needle| super::claims::find_ascii_case_insensitive(text, needle).is_some())
}

/// Whether `mention` is the name of a road: "the Barda road", "the Goris highway", or where a
/// road leads: "along the road to Vardenis".
fn names_a_road(sentence: &Sentence, mention: &Mention) -> bool {
    const ROADS: [&str; 4] = ["road", "highway", "motorway", "route"];
    let mut back = text::words_back(text_before(sentence, mention));
    let before = back.next();
    if before.is_some_and(|w| w.eq_ignore_ascii_case("to"))
        && back.next().is_some_and(|w| is_one_of(w, &ROADS))
    {
        return true;
    }
    let next = text_after(sentence, mention)
        .split_whitespace()
        .next()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .unwrap_or("");
    is_one_of(next, &ROADS[..3]) && before.is_some_and(|w| w.eq_ignore_ascii_case("the"))
}

/// The clause's text after `mention`, as [`text_before`] gives it before.
fn text_after<'s>(sentence: &Sentence<'s>, mention: &Mention) -> &'s str {
    sentence
        .text
        .get(mention.end.saturating_sub(sentence.range.start)..)
        .unwrap_or("")
}

fn text_before<'s>(sentence: &Sentence<'s>, mention: &Mention) -> &'s str {
    sentence
        .text
        .get(..mention.start.saturating_sub(sentence.range.start))
        .unwrap_or("")
}

/// Whether `word` is one of `list`, ignoring ASCII case.
/// The first of [`VAGUE_PASTS`] in `sentence`: each is searched for without its first letter
/// (the only one whose case varies), by a searcher built once.
fn vague_past_in(sentence: &str) -> Option<&'static str> {
    // "Throughout the war, shells landed on farms near Kapan": what the whole war saw, told at
    // the head of its sentence ("94 civilians were killed during the war" is a count told on
    // its day).
    let head = sentence.trim_start();
    if let Some(phrase) = WHOLE_WAR.iter().find(|phrase| {
        head.get(..phrase.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(phrase))
    }) {
        return Some(phrase);
    }
    let bytes = sentence.as_bytes();
    // Every phrase holds "first", "early", "of the war", "mid-" or "this month": five searches
    // settle most sentences.
    if !VAGUE_PAST_KEYS.iter().any(|key| key.find(bytes).is_some()) {
        return None;
    }
    VAGUE_PAST_FINDERS
        .iter()
        .zip(VAGUE_PASTS)
        .find(|(finder, _)| finder.find(bytes).is_some())
        .map(|(_, phrase)| *phrase)
}

/// Stretches that cover the whole war, read at the head of a sentence only.
const WHOLE_WAR: &[&str] = &[
    "throughout the war",
    "during the war",
    "over the course of the war",
    "in the course of the war",
    "throughout the fighting",
    "during the fighting",
];

static VAGUE_PAST_KEYS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 5]> =
    std::sync::LazyLock::new(|| {
        [
            memchr::memmem::Finder::new(b"irst "),
            memchr::memmem::Finder::new(b"arly "),
            memchr::memmem::Finder::new(b"of the war"),
            memchr::memmem::Finder::new(b"id-"),
            memchr::memmem::Finder::new(b"this month"),
        ]
    });

static VAGUE_PAST_FINDERS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
    std::sync::LazyLock::new(|| {
        VAGUE_PASTS
            .iter()
            .map(|phrase| memchr::memmem::Finder::new(&phrase.as_bytes()[1..]))
            .collect()
    });

/// Stretches of the war that name no day: what they tell happened on a day the text does not
/// give.
const VAGUE_PASTS: &[&str] = &[
    "first days of the war",
    "first days of the fighting",
    "first week of the war",
    "first week of the fighting",
    "early days of the war",
    "early in the war",
    "at the start of the war",
    "at the beginning of the war",
    "in the first days",
    "in the first week",
    // A part of a month: "In mid-November, villagers set their houses alight".
    "mid-September",
    "mid-October",
    "mid-November",
    "mid-December",
    "earlier this month",
];

/// "took effect", "came into force", "entered into force at midnight", "agreed on a truce": a
/// truce or a deal begins to apply.
fn comes_into_force(sentence: &str) -> bool {
    const STARTS: &[&str] = &[
        "took effect",
        "take effect",
        "takes effect",
        "went into effect",
        "came into effect",
        "came into force",
        "come into force",
        "comes into force",
        "entered into force",
        "enters into force",
        "went into force",
        // Agreed or announced with no one named: "the foreign ministers agreed on a truce
        // from midnight", "both ministries announce a new truce".
        "agreed on a",
        "agreed to a",
        "agreed a",
        "announce a",
        "announced a",
        "announces a",
        "declared a",
    ];
    STARTS
        .iter()
        .any(|phrase| super::claims::find_ascii_case_insensitive(sentence, phrase).is_some())
}

fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|listed| word.eq_ignore_ascii_case(listed))
}

/// "In a speech in Baku, Aliyev announced the capture of Shusha": where a report was given, not
/// where what it tells happened (for talks it is where they were: see `is_after_locative`).
fn is_where_it_was_told(sentence: &Sentence, mention: &Mention) -> bool {
    let before = text_before(sentence, mention);
    let mut back = text::words_back(before);
    if !back.next().is_some_and(|w| w.eq_ignore_ascii_case("in")) {
        return false;
    }
    back.next().is_some_and(|w| {
        is_one_of(
            w,
            &[
                "speech",
                "address",
                "conference",
                "interview",
                "briefing",
                "statement",
                "speaking",
            ],
        )
    })
}

/// "Officials in Kapan said …", "authorities in Stepanakert confirmed …", "In Baku, the
/// ministry said …": the town of those who report, named between them and their reporting
/// verb or before them at the sentence's head.
fn is_seat_of_who_tells(sentence: &Sentence, mention: &Mention) -> bool {
    // The verbs of sources named with their town: "officials in Kapan said".
    const SOURCES_REPORT: [&str; 10] = [
        "said",
        "say",
        "says",
        "told",
        "reported",
        "report",
        "reports",
        "confirmed",
        "announced",
        "stated",
    ];
    // The verbs of a speaker after an opening town: "In Baku, the ministry accused …".
    const SPEAKER_REPORTS: [&str; 10] = [
        "said",
        "says",
        "accused",
        "told",
        "announced",
        "reported",
        "claimed",
        "stated",
        "insisted",
        "warned",
    ];
    const SOURCES: [&str; 11] = [
        "officials",
        "authorities",
        "sources",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "diplomats",
        "correspondent",
        "correspondents",
        "reporters",
        "journalists",
    ];
    let before = text_before(sentence, mention);
    let mut back = text::words_back(before);
    if !back.next().is_some_and(|w| w.eq_ignore_ascii_case("in")) {
        return false;
    }
    let after = text_after(sentence, mention);
    // "In Baku, the defence ministry accused Armenian forces of shelling Tartar": a sentence
    // that opens with where its speaker is, before the speaker and a reporting verb.
    if before.trim().eq_ignore_ascii_case("in") {
        return after.strip_prefix(", ").is_some_and(|rest| {
            rest.split_whitespace()
                .take(6)
                .any(|w| is_one_of(w, &SPEAKER_REPORTS))
        });
    }
    back.next().is_some_and(|w| is_one_of(w, &SOURCES))
        && after
            .split_whitespace()
            .next()
            .is_some_and(|w| is_one_of(w.trim_end_matches(','), &SOURCES_REPORT))
}

/// "had seized three hamlets in Fuzuli district and was close to Lachin": where an army has
/// drawn near is the aim of its advance, beside the places it took.
fn is_drawn_near(sentence: &Sentence, mention: &Mention) -> bool {
    let before = text_before(sentence, mention).trim_end();
    // Cheap look first: most names follow neither "near" nor "to" (past a "the").
    if !["near", "to", "the"]
        .iter()
        .any(|tail| ends_with_ignoring_case(before, tail))
    {
        return false;
    }
    let mut back = text::words_back(before)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .skip_while(|w| w.eq_ignore_ascii_case("the"));
    let near = match back.next() {
        Some(w) if w.eq_ignore_ascii_case("near") => true,
        Some(w) if w.eq_ignore_ascii_case("to") => back
            .next()
            .is_some_and(|w| is_one_of(w, &["close", "closer"])),
        _ => false,
    };
    near && back.next().is_some_and(|w| {
        is_one_of(
            w,
            &[
                "was", "is", "are", "were", "now", "got", "came", "come", "drew", "getting",
            ],
        )
    })
}

/// "pushing toward the Lachin corridor", "in the direction of the Lachin corridor": a road an
/// advance aims at, beside the places where the fighting is.
fn is_corridor_aimed_at(sentence: &Sentence, mention: &Mention) -> bool {
    if !text_after(sentence, mention)
        .get(..9)
        .is_some_and(|w| w.eq_ignore_ascii_case(" corridor"))
    {
        return false;
    }
    let mut back = text::words_back(text_before(sentence, mention))
        .skip_while(|w| w.eq_ignore_ascii_case("the"));
    match back.next() {
        Some(w) if is_one_of(w, &["toward", "towards"]) => true,
        Some(w) if w.eq_ignore_ascii_case("of") => back
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("direction")),
        _ => false,
    }
}

/// "about fifteen kilometers south of Stepanakert", "near the border with Nakhchivan": the
/// town only locates the other place.
fn is_reference_point(sentence: &Sentence, mention: &Mention) -> bool {
    let before = text_before(sentence, mention);
    // Lower-casing never makes or removes white space: the last two words (past a "the"),
    // lower-cased.
    // Past "the" and a possessive ("the border with Azerbaijan's Kelbajar district").
    let mut last = before
        .split_whitespace()
        .rev()
        .skip_while(|w| w.eq_ignore_ascii_case("the") || w.ends_with("'s") || w.ends_with("’s"));
    let Some(first) = last.next() else {
        return false;
    };
    // "the Lachin corridor that links Stepanakert to Armenia": the road's ends locate it.
    let links = |w: &str| {
        is_one_of(
            w.trim_matches(|c: char| !c.is_alphanumeric()),
            &[
                "links",
                "linking",
                "link",
                "connects",
                "connecting",
                "connect",
            ],
        )
    };
    if links(first) || (first.eq_ignore_ascii_case("to") && last.clone().take(3).any(links)) {
        return true;
    }
    let first_word = first.trim_matches(|c: char| !c.is_alphanumeric());
    // "hit on 21 October, the day of the Tartar strike", "on the same day as the Barda
    // attack": another strike named to date this one.
    if ends_with_ignoring_case(before.trim_end(), " the") {
        // (`last` skipped "the": the words as written.)
        let mut words = text::words_back(before);
        if words.next().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
            let next = words.next();
            let after_next = words.next();
            let dates_by_it = match (next, after_next) {
                (Some(of), Some(day)) if of.eq_ignore_ascii_case("of") => {
                    is_one_of(day, &["day", "night", "morning", "evening", "eve"])
                }
                (Some(as_), Some(day)) if as_.eq_ignore_ascii_case("as") => {
                    is_one_of(day, &["day", "night", "morning", "evening", "time"])
                }
                _ => false,
            };
            if dates_by_it {
                return true;
            }
        }
    }
    // "the hilltop town overlooking Stepanakert": what a place looks down on locates it.
    if is_one_of(first_word, &["overlooking", "overlooks", "overlook"]) {
        return true;
    }
    // "Shusha, the hilltop town above Stepanakert": a place described by the town it stands
    // above or below (but "drones flew above Stepanakert" is over the town itself).
    if is_one_of(first_word, &["above", "below"])
        && last.clone().next().is_some_and(|w| {
            is_one_of(
                w.trim_matches(|c: char| !c.is_alphanumeric()),
                &[
                    "town", "city", "village", "hilltop", "ridge", "heights", "hills", "hill",
                    "fortress", "citadel", "mountain", "plateau",
                ],
            )
        })
    {
        return true;
    }
    // "the wounded were taken to a hospital in Yerevan": where they are treated, not where they
    // were hit (unlike "shelling hit a hospital in Stepanakert").
    if first.eq_ignore_ascii_case("in") {
        let mut back = last
            .clone()
            .skip_while(|w| is_one_of(w, &["a", "the", "military"]));
        let noun = back.next();
        // "is in surgery in Tartar": treated there, whatever the words before.
        if noun.is_some_and(|w| is_one_of(w, &["surgery", "intensive"])) {
            return true;
        }
        return noun.is_some_and(|w| {
            is_one_of(
                w,
                &["hospital", "hospitals", "clinic", "clinics", "infirmary"],
            )
        }) && back.take(4).any(|w| {
            is_one_of(
                w,
                &[
                    "to",
                    "treated",
                    "treatment",
                    "recovering",
                    "hospitalised",
                    "hospitalized",
                ],
            )
        });
    }
    // "near the border with Nakhchivan": the border locates; it is not in Nakhchivan.
    if first.eq_ignore_ascii_case("with") {
        return last.next().is_some_and(|w| {
            ["border", "borders", "frontier"].contains(&w.to_ascii_lowercase().as_str())
        });
    }
    if !(first.eq_ignore_ascii_case("of") || first.eq_ignore_ascii_case("from")) {
        return false;
    }
    let Some(noun) = last.next().map(str::to_lowercase) else {
        return false;
    };
    let noun = noun.trim_matches(|c: char| !c.is_alphanumeric());
    // "fired three missiles in the direction of Mingachevir", "fighting continued in the
    // direction of Shushi": where the fire or the fighting goes.
    if noun == "direction"
        && last
            .find(|w| !w.eq_ignore_ascii_case("the"))
            .is_some_and(|w| is_one_of(w, &["in", "towards", "toward"]))
    {
        return false;
    }
    Some(noun).is_some_and(|w| {
        [
            // "outside the zone of the Nagorno-Karabakh conflict", "from the direction of
            // Hadrut", "on the border of Armenia".
            "zone",
            "direction",
            "border",
            "north",
            "south",
            "east",
            "west",
            "northeast",
            "northwest",
            "southeast",
            "southwest",
            "north-east",
            "north-west",
            "south-east",
            "south-west",
            "kilometers",
            "kilometres",
            "km",
            "miles",
        ]
        .contains(&w)
    })
}

/// Whether a sentence names a past war ("that conflict", "the first war", "the war of the
/// 1990s").
fn names_a_past_war(sentence: &str) -> bool {
    PAST_WAR_FINDERS
        .iter()
        .any(|finder| finder.find(sentence.as_bytes()).is_some())
}

/// The searchers of the phrases that name a past war, built once.
static PAST_WAR_FINDERS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
    std::sync::LazyLock::new(|| {
        [
            "that conflict",
            "that war",
            "the first war",
            "the first Karabakh war",
            "the first Nagorno-Karabakh war",
            "the war of the 1990s",
            "the 1990s war",
            "the 1988-1994 war",
            "the 1991-1994 war",
        ]
        .iter()
        .map(|phrase| memchr::memmem::Finder::new(phrase.as_bytes()))
        .collect()
    });

/// Whether `mention` stands in the label that opens a headline before its colon
/// ("Nagorno-Karabakh: …", "Armenia/Azerbaijan: …"): only names, slashes and spaces from the
/// sentence's start to the colon.
fn is_label_of_a_headline(sentence: &Sentence, mention: &Mention) -> bool {
    let Some(colon) = sentence.text.find(':') else {
        return false;
    };
    let at = mention.start.saturating_sub(sentence.range.start);
    sentence.range.start == sentence.whole.start
        && at < colon
        && colon <= HEADLINE_LABEL_MAX
        && sentence.text[..colon]
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '/' | '-' | '\''))
}

/// How long a headline's label before its colon is at most.
const HEADLINE_LABEL_MAX: usize = 40;

/// "fighting over Nagorno-Karabakh", "the conflict over Karabakh": the name after "over" and a
/// word of the war.
fn is_what_the_war_is_about(sentence: &Sentence, mention: &Mention) -> bool {
    let before = text_before(sentence, mention);
    let mut back = text::words_back(before);
    back.next().is_some_and(|w| w.eq_ignore_ascii_case("over"))
        && back.next().is_some_and(|w| {
            is_one_of(
                w,
                &[
                    "fighting",
                    "war",
                    "conflict",
                    "clashes",
                    "dispute",
                    "hostilities",
                ],
            )
        })
}

/// Offices a place names in a title ("the leader of Nagorno-Karabakh", "Karabakh's
/// ombudsman", "the Nagorno-Karabakh authorities").
const OFFICES: &[&str] = &[
    "leader",
    "leaders",
    "leadership",
    "president",
    "authorities",
    "government",
    "ombudsman",
    "army",
    "minister",
    "ministry",
    "parliament",
    "spokesman",
    "spokeswoman",
    "commander",
    "officials",
    "prosecutor",
    "separatists",
];

/// Whether `mention` names the war ("the Nagorno-Karabakh conflict") or, with `offices`, an
/// office in a title ("the separatist leader of Nagorno-Karabakh", "Nagorno-Karabakh's
/// ombudsman").
fn names_an_office_or_the_war(sentence: &Sentence, mention: &Mention, offices: bool) -> bool {
    let mut back = text::words_back(text_before(sentence, mention));
    if offices
        && back.next().is_some_and(|w| w.eq_ignore_ascii_case("of"))
        && back.next().is_some_and(|w| is_one_of(w, OFFICES))
    {
        return true;
    }
    let after = text_after(sentence, mention);
    let after = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("’s"))
        .unwrap_or(after);
    after
        .split_whitespace()
        .next()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .is_some_and(|w| (offices && is_one_of(w, OFFICES)) || is_one_of(w, &["conflict", "war"]))
}

/// "The Security Council will meet at the request of France and Russia": who asked for a
/// meeting is not where it is held.
fn is_requester(sentence: &Sentence, mention: &Mention) -> bool {
    let before = text_before(sentence, mention);
    let mut back = text::words_back(before)
        .skip_while(|w| is_one_of(w, &["the", "and"]) || w.starts_with(char::is_uppercase))
        .take(2);
    matches!(
        (back.next(), back.next()),
        (Some(of), Some(request)) if of.eq_ignore_ascii_case("of") && is_one_of(request, &["request", "behest", "initiative"])
    ) || {
        let mut last = text::words_back(before);
        last.next().is_some_and(|w| w.eq_ignore_ascii_case("by"))
            && last
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case("requested"))
    }
}

/// Whether `mention` is where someone goes: right after "to", "towards", "into" (past a
/// "the"). Not a return ("escorted refugees back to Stepanakert", "have returned to
/// Stepanakert") nor where people arrive and shelter ("displaced families arrive in Goris").
fn is_destination(sentence: &Sentence, mention: &Mention) -> bool {
    let before = text_before(sentence, mention);
    let mut back = text::words_back(before).skip_while(|w| w.eq_ignore_ascii_case("the"));
    let Some(last) = back.next() else {
        return false;
    };
    if is_one_of(last, &["for", "or", "and"]) {
        return is_left_for(sentence, mention);
    }
    // "1,000 people had reached Yerevan from Stepanakert": where they got to.
    if is_one_of(last, &["reached", "reach", "reaching"]) {
        return true;
    }
    is_one_of(last, &["to", "towards", "toward", "into"])
        && !back
            .next()
            .is_some_and(|w| is_one_of(w, &["back", "returned", "return", "returning", "returns"]))
}

/// Whether `mention` is where people leaving went: "many residents left for Armenia", "headed
/// for Goris", "left Stepanakert for Goris", "left the town for Yevlakh", "left for Armenia or
/// for Stepanakert". A landmark of whatever the sentence tells, not its scene.
fn is_left_for(sentence: &Sentence, mention: &Mention) -> bool {
    let before = text_before(sentence, mention);
    let mut back = text::words_back(before).skip_while(|w| w.eq_ignore_ascii_case("the"));
    let first = back.next();
    // "left for Armenia or Stepanakert": the second of two destinations is one too.
    let listed = first.is_some_and(|w| is_one_of(w, &["or", "and"]))
        && back
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
        && back.next().is_some_and(|w| w.eq_ignore_ascii_case("for"));
    if !listed && !first.is_some_and(|w| w.eq_ignore_ascii_case("for")) {
        return false;
    }
    for word in back.take(DESTINATION_WORDS_BACK) {
        if is_one_of(
            word,
            &[
                "left", "leave", "leaving", "leaves", "headed", "heading", "head", "bound", "set",
            ],
        ) {
            return true;
        }
        let between = is_one_of(
            word,
            &[
                "or", "and", "for", "the", "their", "its", "town", "city", "village", "villages",
                "district", "region", "area", "homes", "home", "houses",
            ],
        ) || word.starts_with(|c: char| c.is_uppercase());
        if !between {
            return false;
        }
    }
    false
}

/// How many words back from "for" the verb of leaving may stand ("left Stepanakert for",
/// "left the town for", "left for Armenia or for").
const DESTINATION_WORDS_BACK: usize = 4;

/// Whether troops enter the place: "entered the Aghdam district", "enter Lachin".
fn is_entered(sentence: &Sentence, mention: &Mention) -> bool {
    text::words_back(text_before(sentence, mention))
        .find(|w| !w.eq_ignore_ascii_case("the"))
        .is_some_and(|w| is_one_of(w, &["entered", "enter", "enters", "entering"]))
}

/// Whether a place is one a visit is paid to, also as the second or third of a list: "visited
/// the Lachin district and the town of Kalbajar", "toured Fuzuli, Jabrayil and Zangilan". Walks
/// back over the words of a list of places (names, "the town of", "and") to the verb.
fn is_visited(sentence: &Sentence, mention: &Mention, visits: &[(usize, usize, usize)]) -> bool {
    const LIST_WORDS: &[&str] = &[
        "the",
        "and",
        "of",
        "town",
        "city",
        "village",
        "villages",
        "district",
        "districts",
        "region",
        "province",
        "liberated",
        "freed",
        "regained",
    ];
    if visits.is_empty() {
        return false;
    }
    // A word of the lexicon's `visits`, where its one pass found one.
    let is_a_visit = |w: &str| {
        let at = (w.as_ptr() as usize).wrapping_sub(sentence.text.as_ptr() as usize);
        visits.iter().any(|&(start, _, _)| start == at)
    };
    let before = text_before(sentence, mention);
    let mut back = text::words_back(before)
        .take(16)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            !(w.is_empty()
                || is_one_of(w, LIST_WORDS)
                || w.chars().next().is_some_and(char::is_uppercase))
        });
    match back.next() {
        Some(w) if is_a_visit(w) => true,
        // "on a first visit to the freed Agdam district", "his trip to Shusha".
        Some(w) if w.eq_ignore_ascii_case("to") => back
            .find(|w| !is_one_of(w, &["a", "an", "first", "second", "his", "her", "brief"]))
            .is_some_and(is_a_visit),
        _ => false,
    }
}

/// Whether a place is a stop still to come: "was expected in Moscow and Geneva", "is due in
/// Paris", "will then travel to Ankara".
fn is_a_stop_still_to_come(sentence: &Sentence, mention: &Mention) -> bool {
    text::words_back(text_before(sentence, mention))
        .take(6)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .any(|w| is_one_of(w, &["expected", "due", "scheduled", "will", "next"]))
}

fn is_after_locative(
    sentence: &Sentence,
    mention: &Mention,
    visits: &[(usize, usize, usize)],
) -> bool {
    let before = text_before(sentence, mention);
    // A visit's object is its venue too ("will visit Brussels"), and so is the second of two
    // places after the word ("a visit to Baku and Yerevan").
    let is_locative = |word: &str| {
        is_one_of(
            word,
            &[
                "in", "at", "to", "from", "visit", "visits", "visited", "visiting",
            ],
        )
    };
    // What troops enter under a deal is where it is carried out ("entered the Aghdam district
    // on Friday under the peace deal").
    if is_entered(sentence, mention) || is_visited(sentence, mention, visits) {
        return true;
    }
    let mut back = text::words_back(before);
    match back.next() {
        Some(word) if is_locative(word) => true,
        Some(word) if word.eq_ignore_ascii_case("and") || word.eq_ignore_ascii_case("or") => {
            back.nth(1).is_some_and(is_locative)
        }
        // "left for Washington on Thursday, where he will meet Pompeo".
        Some(word) if word.eq_ignore_ascii_case("for") => back.next().is_some_and(|verb| {
            is_one_of(
                verb,
                &[
                    "left", "leaves", "leaving", "headed", "heads", "departed", "flew", "set",
                ],
            )
        }),
        _ => false,
    }
}

/// True when `mention` stands in an aside that describes someone or something (", which has a
/// military base in Armenia,", ", who is staying in Goris") and holds none of the words telling
/// of the event: the aside's place is not where the event happened.
fn in_aside_without(sentence: &Sentence, mention: &Mention, kind_words: &[Span]) -> bool {
    mention
        .start
        .checked_sub(sentence.range.start)
        .is_some_and(|at| at_aside_without(sentence.text, at, kind_words))
}

/// [`in_aside_without`] for the word at `at` in the sentence `text`.
fn at_aside_without(text: &str, at: usize, kind_words: &[Span]) -> bool {
    let Some(head) = text.get(..at) else {
        return false;
    };
    // The last comma before the name opens the aside when a relative word follows it.
    let Some(comma) = head.rfind(',') else {
        return false;
    };
    if !opens_a_relative_clause(text[comma + 1..].trim_start()) {
        return false;
    }
    let end = text[at..].find(',').map_or(text.len(), |i| at + i);
    !kind_words.iter().any(|w| comma < w.start && w.end <= end)
}

/// "the implementation of the November 9 statement", "the October 10 humanitarian truce": a day
/// that names a document or an agreement, not the day of what the sentence tells.
/// Whether the attack word after `before` is what drove people out: "displaced by shelling",
/// "fleeing the fighting", "fled the bombardment of".
fn drove_people_out(before: &str) -> bool {
    text::words_back(before)
        .take(3)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .any(|w| {
            is_one_of(
                w,
                &[
                    "displaced",
                    "fled",
                    "fleeing",
                    "flee",
                    "flees",
                    "escape",
                    "escaping",
                    "escaped",
                    "driven",
                ],
            )
        })
}

/// Whether `r` opens a stretch closed by no other day ("Between 1 October and the ceasefire,
/// about 61,000 people fled"): the count is of the whole stretch, not of its first day.
/// `starts` are where the sentence's time references start.
fn opens_an_open_stretch(sentence: &str, r: &TimeRef, starts: &[usize]) -> bool {
    let opened = text::words_back(&sentence[..r.start])
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("between"));
    let after = &sentence[r.end..];
    // Closed by a day: "between October 16 and 19", "between Friday and Sunday".
    let closed_by_a_day = after
        .get(" and ".len()..)
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase()));
    opened
        && after.starts_with(" and ")
        && !closed_by_a_day
        && !starts.contains(&(r.end + " and ".len()))
}

/// Whether `r` is the day something was put off to ("agreed to postpone the handover of
/// Kalbajar to November 25", "the deadline was extended until 1 December"): a later day, not
/// the day the decision was told.
fn is_a_new_deadline(sentence: &str, r: &TimeRef) -> bool {
    let before = &sentence[..r.start];
    let mut back = text::words_back(before);
    if !back
        .next()
        .is_some_and(|w| is_one_of(w, &["to", "until", "till"]))
    {
        return false;
    }
    back.take(8).any(|w| {
        let w = w.to_ascii_lowercase();
        [
            "postpon",
            "delay",
            "extend",
            "extension",
            "put off",
            "pushed back",
        ]
        .iter()
        .any(|stem| w.starts_with(stem))
    })
}

fn names_a_document(sentence: &str, r: &TimeRef) -> bool {
    if r.kind != RefKind::Day {
        return false;
    }
    let before = sentence[..r.start].trim_end();
    let definite = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("the") || w.ends_with("'s") || w.ends_with("’s"));
    const DOCUMENTS: [&str; 10] = [
        "statement",
        "declaration",
        "agreement",
        "deal",
        "accord",
        "ceasefire",
        "cease-fire",
        "truce",
        "document",
        "trilateral",
    ];
    let is_document = |w: &str| {
        let w = w.trim_end_matches([',', '.', ';']);
        DOCUMENTS.iter().any(|d| w.eq_ignore_ascii_case(d))
    };
    if definite
        && sentence[r.end..]
            .split_whitespace()
            .take(2)
            .any(is_document)
    {
        return true;
    }
    // "in accordance with the trilateral statement of the leaders … of November 10": the
    // document's own date, after "of" or "dated", a few words after its name.
    // Not a time of the day or of a stretch ("a truce from midnight of 18 October").
    let mut back = before.split_whitespace().rev();
    back.next()
        .is_some_and(|w| w.eq_ignore_ascii_case("of") || w.eq_ignore_ascii_case("dated"))
        && back.clone().next().is_some_and(|w| {
            !is_one_of(
                w,
                &[
                    "midnight",
                    "night",
                    "morning",
                    "evening",
                    "dawn",
                    "noon",
                    "afternoon",
                    "hours",
                    "day",
                    "days",
                    "week",
                    "end",
                    "start",
                    "beginning",
                    "middle",
                ],
            )
        })
        && back.take(10).any(is_document)
}

/// Where a dateline with a day and no agency ends ("STEPANAKERT, Oct 22 -", "BAKU, 28 October
/// —"): the byte after its dash, when a shouted place opens it and a comma and a day number
/// stand between them.
fn dated_dateline_end(head: &str) -> Option<usize> {
    // Most sentences open with no shouted place: told by their first bytes.
    if !head.bytes().take(3).all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let (at, dash) = [" - ", " \u{2014} ", " \u{2013} "]
        .iter()
        .filter_map(|d| head.find(d).map(|at| (at, d.len())))
        .min()?;
    let before = &head[..at];
    let place: String = before.chars().take_while(|c| c.is_alphabetic()).collect();
    let shouted = place.chars().count() >= 3 && place.chars().all(char::is_uppercase);
    let comma = before.find(',')?;
    (shouted && before[comma..].bytes().any(|b| b.is_ascii_digit())).then_some(at + dash)
}

/// Where a wire's dateline ends in a sentence that opens with it ("BAKU, Oct 28 (Reuters) -",
/// "MOSCOW, Nov 10 (AFP) —", "STEPANAKERT, Oct 22 -"): the byte after its dash.
fn wire_dateline_end(sentence: &str) -> Option<usize> {
    let head = sentence.get(..sentence.len().min(80))?;
    let Some(open) = head.find('(') else {
        return dated_dateline_end(head);
    };
    let close = open + head[open..].find(')')?;
    let agency = &head[open + 1..close];
    let is_agency = (2..=12).contains(&agency.len())
        && agency.starts_with(|c: char| c.is_ascii_uppercase())
        && agency
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == '-' || c == ' ');
    let after = head[close + 1..].trim_start_matches(' ');
    let dash = ["-", "—", "–"].iter().find(|d| after.starts_with(**d))?;
    let shouted_start = head[..open]
        .chars()
        .take_while(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase());
    (is_agency && shouted_start)
        .then(|| close + 1 + (head[close + 1..].len() - after.len()) + dash.len())
}

/// Where the dateline that heads a wire ends, an agency named in brackets before its dash:
/// "Barda (Azerbaijan) (AFP) - …", "STEPANAKERT, Oct 5 (Reuters) - …". `None` for most
/// sentences (no bracket in their first words).
fn agency_dateline_end(sentence: &str) -> Option<usize> {
    let head = sentence.get(..sentence.len().min(DATELINE_BYTES_MAX))?;
    memchr::memchr(b'(', head.as_bytes())?;
    let dash = [" - ", " -- ", " – ", " — "]
        .iter()
        .filter_map(|d| head.find(d))
        .min()?;
    let before = &head[..dash];
    let agency_in_brackets = before.split('(').skip(1).any(|part| {
        part.split(')').next().is_some_and(|name| {
            (2..=12).contains(&name.len())
                && name.starts_with(|c: char| c.is_ascii_uppercase())
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-')
        })
    });
    (agency_in_brackets && before.starts_with(|c: char| c.is_uppercase())).then_some(dash)
}

/// How far into a sentence a wire's dateline may end.
const DATELINE_BYTES_MAX: usize = 60;

/// Where a sentence says who told it ("according to three farmers who later fled to Goris,",
/// "…, according to residents interviewed after they fled to Armenia."): from "according to"
/// to the next comma or the end. Its words, days, places and numbers are the sources', not the
/// event's.
fn attributions(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(at) = text
        .get(from..)
        .and_then(|rest| ACCORDING.find(rest.as_bytes()))
        .map(|i| from + i)
    {
        // "ccording to", its capital or small "a" before it.
        let start = at.saturating_sub(1);
        let end = text[at..]
            .find([',', ';'])
            .map_or(text.len(), |comma| at + comma);
        spans.push(start..end);
        from = end.max(at + 1);
    }
    spans
}
static SINCE_THEN: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"ince then"));
static ACCORDING: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"ccording to "));

/// Whether `mention` stands where the sources of the sentence are described ("according to
/// three farmers who later fled to Goris", "residents interviewed after they fled to
/// Armenia"). The sources themselves may name the side whose territory is meant ("according
/// to the Armenian defence ministry").
fn in_attribution(sentence: &Sentence, mention: &Mention) -> bool {
    let at = mention.start.saturating_sub(sentence.range.start);
    sentence.described.iter().any(|span| span.contains(&at))
}

/// A clause that opens a sentence with a time counted from another happening ("Hours after the
/// Ganja bombing,", "Two days before the truce,"), up to its comma.
fn leading_time_anchor(text: &str) -> Option<Range<usize>> {
    let first = text.split(' ').next()?;
    // Most sentences open with none of the words: told by the first word alone.
    let counted = is_one_of(
        first,
        &[
            "hours", "days", "minutes", "moments", "shortly", "just", "weeks", "soon",
            // "Barely a day after a truce signed in Moscow took hold, …", "Less than a week
            // after …", "Only hours before …".
            "barely", "only", "less", "little", "nearly", "almost", "about", "some",
        ],
    );
    // "A day after …", "A few hours after …".
    let numbered = !counted
        && is_one_of(first, &["a", "one", "two", "three", "four", "five"])
        && text
            .split(' ')
            .skip(1)
            .find(|word| !word.eq_ignore_ascii_case("few"))
            .is_some_and(|unit| {
                is_one_of(unit, &["day", "days", "hour", "hours", "week", "weeks"])
            });
    if !counted && !numbered {
        return None;
    }
    let comma = text.find(',').filter(|&at| at <= TIME_ANCHOR_BYTES_MAX)?;
    let head = &text[..comma];
    (head.contains(" after ") || head.contains(" before ")).then_some(0..comma)
}

/// How long a leading time anchor may run before its comma ("A week after Armenia and
/// Azerbaijan agreed to end their war over Nagorno-Karabakh,").
const TIME_ANCHOR_BYTES_MAX: usize = 120;

/// The parts of `attributions` in `text` that describe the sources, from the first word that
/// opens a description ("who", "interviewed", "after") to the attribution's end.
fn described_sources(text: &str, attributions: &[Range<usize>]) -> Vec<Range<usize>> {
    const DESCRIBED: [&str; 6] = [
        " who ",
        " which ",
        " interviewed ",
        " after ",
        " when ",
        " as ",
    ];
    attributions
        .iter()
        .filter_map(|span| {
            let words = text.get(span.clone())?;
            let described = DESCRIBED
                .iter()
                .filter_map(|w| words.find(w))
                .chain(office_seat(words))
                .min()?;
            Some(span.start + described + 1..span.end)
        })
        .collect()
}

/// Where an attribution names the seat of the office it cites ("according to the defence
/// ministry in Baku"): the office's town, not the scene.
fn office_seat(attribution: &str) -> Option<usize> {
    let at = attribution.find(" in ")?;
    text::words_back(&attribution[..at])
        .next()
        .is_some_and(|office| {
            is_one_of(
                office,
                &[
                    "ministry",
                    "office",
                    "government",
                    "command",
                    "headquarters",
                    "service",
                    "authorities",
                ],
            )
        })
        .then_some(at)
}

/// The figures of `text` outside `spans` (who told it: "according to two residents").
fn figures_outside(text: &str, spans: &[Range<usize>]) -> Figures {
    if spans.is_empty() {
        return figures_in(text);
    }
    let mut blanked = text.to_string();
    for span in spans {
        if let Some(part) = text.get(span.clone()) {
            blanked.replace_range(span.clone(), &" ".repeat(part.len()));
        }
    }
    figures_in(&blanked)
}

/// The relative asides of a sentence that close with a comma (", which was handed over under the
/// deal,", ", who began deploying on November 10,"), from the comma that opens each to the one
/// that closes it. An aside that runs to the sentence's end may be what the sentence tells
/// ("shelled Tartar, which was hit by 30 rockets"): not one of these.
fn closed_relative_asides(text: &str) -> Vec<Range<usize>> {
    let mut asides = Vec::new();
    let mut from = 0;
    while let Some(i) = text
        .get(from..)
        .and_then(|rest| RELATIVE_COMMA.find(rest.as_bytes()))
    {
        let comma = from + i;
        from = comma + 1;
        let opener = &text[comma + 2..];
        if !opens_a_relative_clause(opener) {
            continue;
        }
        // Closed only where the sentence goes on in lower case ("…, escorted refugees"): a
        // capital or "and" after the comma continues a list inside the clause ("signed … by
        // Aliyev, Pashinyan and Putin").
        if let Some(close) = opener.find(',') {
            let end = comma + 2 + close + 1;
            let next = text[end..].split_whitespace().next().unwrap_or("");
            if next.starts_with(|c: char| c.is_lowercase()) && next != "and" && next != "or" {
                asides.push(comma..end);
                from = end;
            }
        }
    }
    asides
}

/// True when `mention` names where the war began in a "since" clause ("the deadliest attack since
/// fighting over Nagorno-Karabakh erupted a month ago"): the start of the war, not the scene.
fn in_start_of_the_war(sentence: &Sentence, mention: &Mention) -> bool {
    let Some(at) = mention.start.checked_sub(sentence.range.start) else {
        return false;
    };
    let Some(head) = sentence.text.get(..at) else {
        return false;
    };
    // Read back to the clause's start only: most names have a comma or none of "since" before
    // them, and the head is not copied.
    let bytes = head.as_bytes();
    let clause_start = bytes
        .iter()
        .rposition(|&b| b == b',' || b == b';')
        .map_or(0, |i| i + 1);
    let Some(since) = (clause_start..head.len().saturating_sub(5))
        .rev()
        .find(|&i| bytes[i..i + 6].eq_ignore_ascii_case(b"since "))
    else {
        return false;
    };
    let rest = &sentence.text[since..];
    let clause = rest.find([',', ';']).map_or(rest, |end| &rest[..end]);
    let clause = clause.to_ascii_lowercase();
    [
        "erupted",
        "began",
        "broke out",
        "flared",
        "started",
        "reignited",
    ]
    .iter()
    .any(|verb| clause.contains(verb))
}

/// Whether `opener` (the text after a comma) starts with a relative word and a space.
fn opens_a_relative_clause(opener: &str) -> bool {
    RELATIVE_OPENERS.iter().any(|word| {
        opener.len() > word.len()
            && opener.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes())
            && opener.as_bytes()[word.len()] == b' '
    })
}

/// Words that open a relative aside after a comma.
const RELATIVE_OPENERS: &[&str] = &["which", "who", "whose", "whom"];

/// True when a fighting word is a capture named with "the" and no place ("announced the
/// capture", "confirmed the fall on Monday"): the capture told just before.
fn is_definite_capture(sentence: &str, word: &Span) -> bool {
    let noun = word.text.as_str();
    if !CAPTURE_NOUNS.iter().any(|n| noun.eq_ignore_ascii_case(n)) {
        return false;
    }
    let definite = text::words_back(&sentence[..word.start])
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("the") || w.eq_ignore_ascii_case("its"));
    let rest = sentence[word.end..].trim_start();
    let of_follows = rest.len() >= 3
        && rest.as_bytes()[..2].eq_ignore_ascii_case(b"of")
        && rest.as_bytes()[2] == b' ';
    definite && !of_follows
}

/// Nouns of a capture that, with "the", point back to the one just told.
const CAPTURE_NOUNS: &[&str] = &["capture", "fall", "takeover", "recapture", "liberation"];

fn refers_back(sentence: &str) -> bool {
    // All six phrases hold "the": look only where it stands, in any case.
    let bytes = sentence.as_bytes();
    let mut from = 0;
    std::iter::from_fn(|| {
        let i = text::next_of_either(bytes, from, b't', b'T')?;
        from = i + 1;
        Some(i)
    })
    .any(|i| {
        bytes[i..].len() >= 3
            && bytes[i..i + 3].eq_ignore_ascii_case(b"the")
            && REFERRING_BACK.iter().any(|phrase| {
                let phrase = phrase.as_bytes();
                let at = if phrase[0] == b' ' {
                    i.checked_sub(1)
                } else {
                    Some(i)
                };
                at.and_then(|at| bytes.get(at..at + phrase.len()))
                    .is_some_and(|found| found.eq_ignore_ascii_case(phrase))
                    // "the village of Talysh" names its place.
                    && at.and_then(|at| bytes.get(at + phrase.len()..at + phrase.len() + 4))
                        != Some(b" of ".as_slice())
            })
    })
}

/// Whether `sentence` counts damage in the present perfect ("Shelling has damaged hundreds of
/// homes", "have destroyed more than 1,000 buildings"): a tally of the war so far.
fn tells_damage_so_far(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    if DAMAGED.find(bytes).is_none() && DESTROYED.find(bytes).is_none() {
        return false;
    }
    let words: Vec<&str> = sentence
        .split(|c: char| !c.is_alphanumeric() && c != ',')
        .filter(|w| !w.is_empty())
        .collect();
    let perfect = words.windows(2).any(|pair| {
        is_one_of(pair[0], &["has", "have"]) && is_one_of(pair[1], &["damaged", "destroyed"])
    }) || words.windows(3).any(|triple| {
        is_one_of(triple[0], &["has", "have"])
            && is_one_of(triple[1], &["been"])
            && is_one_of(triple[2], &["damaged", "destroyed"])
    });
    let many_buildings = words.windows(2).any(|pair| {
        (is_one_of(pair[0], &["hundreds", "thousands", "dozens"])
            || pair[0]
                .trim_end_matches(',')
                .replace(',', "")
                .parse::<u32>()
                .is_ok_and(|n| n >= 20))
            && is_one_of(
                pair[1],
                &[
                    "of",
                    "homes",
                    "houses",
                    "buildings",
                    "apartments",
                    "schools",
                    "residential",
                ],
            )
    });
    perfect && many_buildings
}

/// " entered", " enters", " entering": looked for once per sentence that tells of fighting.
static ENTER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b" enter"));
static DAMAGED: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"damaged"));
static DESTROYED: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"destroyed"));

/// Whether `sentence` opens with one of a series told just before ("The first was hit on
/// Monday", "A second salvo", "Another strike").
fn opens_with_a_follow_up(sentence: &str) -> bool {
    let mut words = sentence.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    is_one_of(first, &["another"])
        || (is_one_of(first, &["the", "a"])
            && is_one_of(
                second.trim_end_matches(','),
                &["first", "second", "third", "latter", "next"],
            ))
}

/// Phrases that point back to the place of the sentence before (lower-case ASCII).
const REFERRING_BACK: &[&str] = &[
    " there ",
    " there.",
    " there,",
    "the city",
    "the town",
    "the village",
];

/// How many sentences back "the attack" reaches for the attack it names.
const ATTACK_TOLD_WITHIN: usize = 2;

/// How many sentences after a past day was named an undated sentence told in the past tense
/// still goes on with that day's story.
const STORY_TOLD_WITHIN: usize = 2;

/// Whether `sentence` is told in the simple past ("were targeted", "was killed", "fled") and
/// not in the present or present perfect, which speak from the day of the report ("have been
/// displaced", "continues", "says"), and not a count of the war so far ("bringing its toll
/// to").
/// Whether a sentence opens with a clock time before noon: "At 07:10, …", "At around 05:30 …".
fn opens_with_a_morning_clock(sentence: &str) -> bool {
    let rest = sentence.trim_start();
    let Some(rest) = rest
        .strip_prefix("At ")
        .or_else(|| rest.strip_prefix("By "))
    else {
        return false;
    };
    let rest = ["around ", "about ", "approximately "]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    let bytes = rest.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    (1..=2).contains(&digits)
        && matches!(bytes.get(digits), Some(b':') | Some(b'.'))
        && bytes.get(digits + 1).is_some_and(u8::is_ascii_digit)
        && rest[..digits].parse::<u32>().is_ok_and(|hour| hour < 12)
}

fn narrates_the_past(sentence: &str) -> bool {
    let mut past = false;
    let words = sentence
        .as_bytes()
        .split(|b| !b.is_ascii_alphabetic())
        .filter(|w| (2..=10).contains(&w.len()));
    for word in words {
        let mut buffer = [0u8; 10];
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word);
        lower.make_ascii_lowercase();
        match &*lower {
            b"is" | b"are" | b"has" | b"have" | b"says" | b"say" | b"continues" | b"continue"
            | b"remain" | b"remains" | b"will" | b"now" | b"still" | b"today" => return false,
            // "40 more had been killed, bringing its toll to 1,068": a count of the report's day.
            b"toll" | b"tolls" | b"total" | b"bringing" => return false,
            // "The latest attack on Martuni killed two people": another day's news.
            b"latest" | b"new" | b"another" => return false,
            b"was" | b"were" | b"had" | b"did" | b"fled" | b"struck" | b"killed" | b"wounded"
            | b"injured" | b"fell" | b"landed" | b"destroyed" | b"damaged" | b"hit" | b"shot"
            | b"left" | b"took" | b"came" | b"went" | b"fought" | b"began" | b"drove" => {
                past = true
            }
            // "demanded", "condemned", "informed": a verb in the past.
            _ if lower.len() >= 5 && lower.ends_with(b"ed") => past = true,
            _ => {}
        }
    }
    past
}

/// Where "the attack", "the overnight strike", "that assault" stands in `sentence` when `word`
/// (a strike or battle word) is such a noun: a determiner before it, or before one word before
/// it, names an attack the reader has been told of. "The latest attack", "a second strike" and
/// "the attacks of 1992" are new or other ones.
fn points_back_to_an_attack(sentence: &str, start: usize, end: usize) -> Option<Range<usize>> {
    let noun = sentence.get(start..end)?.rsplit(' ').next()?;
    if !ATTACK_NOUNS.iter().any(|n| noun.eq_ignore_ascii_case(n)) {
        return None;
    }
    let before = sentence.get(..start)?;
    let mut back = text::words_back(before);
    let is_determiner = |w: &str| DETERMINERS.iter().any(|d| w.eq_ignore_ascii_case(d));
    let first = back.next()?;
    let determiner = if is_determiner(first) {
        first
    } else {
        let modifier = first.trim_end_matches(',');
        let plain = modifier.len() == first.len()
            && modifier
                .bytes()
                .all(|b| b.is_ascii_alphabetic() || b == b'-')
            && !NEW_ATTACK_WORDS
                .iter()
                .any(|n| modifier.eq_ignore_ascii_case(n));
        back.next().filter(|w| plain && is_determiner(w))?
    };
    // `words_back` gives slices of `before`: their offsets are where they stand.
    let np_start = determiner.as_ptr() as usize - before.as_ptr() as usize;
    let rest = sentence.get(end..)?.trim_start();
    let of_the_past = rest.len() > 3
        && rest.as_bytes()[..3].eq_ignore_ascii_case(b"of ")
        && rest[3..].starts_with(|c: char| c.is_ascii_digit());
    (!of_the_past).then_some(np_start..end)
}

/// "since September 27, 42 civilians were killed as a result of the attacks": a count of the
/// war so far, whose attacks are all of them, not the one told just before (`before` is the
/// text before "the attacks").
fn counts_since(before: &str) -> bool {
    super::claims::find_ascii_case_insensitive(before, "since ").is_some()
}

/// "attack", "attacks": a word for a strike and for a battle alike.
fn names_any_attack(word: &str) -> bool {
    word.eq_ignore_ascii_case("attack") || word.eq_ignore_ascii_case("attacks")
}

/// Nouns of a strike or battle that a determiner makes one already told of.
const ATTACK_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "strike",
    "strikes",
    "shelling",
    "bombardment",
    "bombing",
    "assault",
    "blast",
    "explosion",
    "rocket",
    "rockets",
    "missile",
    "missiles",
    "shells",
    "barrage",
];

const DETERMINERS: &[&str] = &["the", "that", "this", "these", "those"];

/// Words that make "the … attack" a new or another one.
const NEW_ATTACK_WORDS: &[&str] = &[
    "latest",
    "new",
    "fresh",
    "renewed",
    "first",
    "second",
    "third",
    "next",
    "last",
    "another",
    "further",
    "previous",
    "earlier",
    "other",
    "same",
    "recent",
    "subsequent",
    "biggest",
];

fn dedup(ids: impl Iterator<Item = PlaceId>) -> Vec<PlaceId> {
    let mut out: Vec<PlaceId> = Vec::new();
    for id in ids {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

fn names(gazetteer: &Gazetteer, ids: &[PlaceId]) -> String {
    ids.iter()
        .map(|id| gazetteer.place(id).map_or(&**id, |p| p.name.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether a fighting word only moves troops in or out ("entered", "withdrew from", "pulled
/// out of", "troops left"), which a deal can provide for: no battle of itself.
fn moves_troops_in_or_out(word: &str) -> bool {
    let starts_with = |start: &str| {
        word.get(..start.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(start))
    };
    word.eq_ignore_ascii_case("entered")
        || word
            .len()
            .checked_sub(" left".len())
            .and_then(|at| word.get(at..))
            .is_some_and(|tail| tail.eq_ignore_ascii_case(" left"))
        || [
            "withdr",
            "retreat",
            "pull",
            "completed",
            "assum",
            "regained",
            "retook",
            "retaken",
            "took back",
            "taken back",
            "takes back",
        ]
        .iter()
        .any(|start| starts_with(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vague_stretch_holds_a_key_its_first_look_searches_for() {
        let keys = ["irst ", "arly ", "of the war", "id-", "this month"];
        for phrase in VAGUE_PASTS {
            assert!(keys.iter().any(|k| phrase.contains(k)), "{phrase}");
            assert_eq!(vague_past_in(&format!("It began {phrase}.")), Some(*phrase));
        }
        assert_eq!(vague_past_in("The first shells fell on Monday."), None);
    }

    #[test]
    fn the_simple_past_tells_a_story_and_the_present_speaks_from_the_report() {
        for told in [
            "The towns of Martakert and Martuni were targeted with artillery.",
            "One civilian was killed in Martuni.",
            "The helicopter had been downed by mistake.",
            "Residents fled to the basements.",
            "Their ministers demanded an immediate halt to the shelling.",
        ] {
            assert!(narrates_the_past(told), "{told}");
        }
        for said in [
            "About 90,000 people have been displaced.",
            "Shelling of Stepanakert continues.",
            "The ministry says civilians were killed.",
            "40 more servicemen were killed, bringing its toll to 874.",
            "Fighting along the front line.",
            "The latest attack on Martuni killed two people.",
        ] {
            assert!(!narrates_the_past(said), "{said}");
        }
    }

    #[test]
    fn the_same_day_is_told_in_any_case() {
        for (sentence, same) in [
            ("On the same day, drones struck Martuni.", true),
            ("That SAME DAY rockets hit Goris.", true),
            ("Same day, new strikes on Barda.", true),
            ("The same-day delivery of aid was late.", false),
            ("Shells fell on Barda the next day.", false),
        ] {
            assert_eq!(tells_of_the_same_day(sentence), same, "{sentence}");
        }
    }

    #[test]
    fn call_naming_a_thing_is_told_from_a_telephone_call() {
        for (sentence, word, naming) in [
            (
                "Shusha, which Armenians call Shushi, was shelled.",
                "call",
                true,
            ),
            (
                "Stepanakert, what Baku calls Khankendi, was hit.",
                "calls",
                true,
            ),
            ("Macron will call Putin on Friday.", "call", false),
            ("In a call with Pashinyan, Putin urged calm.", "call", false),
            ("Lavrov, who took the call, said little.", "call", false),
        ] {
            let start = sentence.find(word).unwrap_or_default();
            assert_eq!(
                is_naming_call(sentence, start, start + word.len()),
                naming,
                "{sentence}"
            );
        }
    }

    #[test]
    fn the_first_condition_word_is_found_by_its_u() {
        for (sentence, expected) in [
            ("Aliyev pledged to fight UNTIL the end.", Some(24)),
            (
                "No talks unless the shelling stops; until then, nothing.",
                Some(9),
            ),
            ("Shelling hit Martuni; a unit of the army fled.", None),
            ("Until", Some(0)),
            ("unti", None),
        ] {
            assert_eq!(first_condition_word(sentence), expected, "{sentence}");
        }
        // Wherever a condition is read, a condition word stands before the trigger.
        for sentence in crate::seed_texts::seed_sentences() {
            for (at, _) in sentence.char_indices() {
                if is_condition(&sentence[..at]) {
                    assert!(
                        first_condition_word(&sentence).is_some_and(|c| c < at),
                        "{sentence}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_trigger_in_a_clause_of_condition_tells_of_nothing() {
        for (sentence, word, condition) in [
            (
                "Aliyev pledged to fight until his country recaptured all of the region.",
                "recaptured",
                true,
            ),
            (
                "There will be no talks unless Armenian forces withdraw.",
                "talks",
                false,
            ),
            (
                "No ceasefire is possible unless the shelling of Ganja stops.",
                "shelling",
                true,
            ),
            (
                "Fighting went on until dawn near Fuzuli.",
                "Fighting",
                false,
            ),
            (
                "Until Sunday the town was shelled every night.",
                "shelled",
                false,
            ),
        ] {
            let start = sentence.find(word).unwrap_or_default();
            assert_eq!(is_condition(&sentence[..start]), condition, "{sentence}");
        }
    }

    /// Every sentence of the seeds and a few of our own, each also cut at every word: enough
    /// text to meet each phrase at a sentence's start, middle and end.
    fn sample_texts() -> Vec<String> {
        let mut texts: Vec<String> = vec![
            "Shelling went on, while the town of Martuni was hit again on Sunday morning.".into(),
            "Artillery fire hit Tartar; residents fled to the city of Barda.".into(),
            "THE CITY was shelled overnight, whereas the villages nearby were spared.".into(),
            "Two people were killed There, officials said.".into(),
            "They stayed there.".into(),
            "Meanwhile the Village of Talish; nothing".into(),
            "athens, whilst the theatre was quiet".into(),
        ];
        texts.extend(crate::seed_texts::seed_sentences());
        let mut cut = Vec::new();
        for t in &texts {
            for (i, _) in t.match_indices(' ') {
                cut.push(t[..i].to_string());
                cut.push(t[i..].to_string());
            }
        }
        texts.extend(cut);
        texts
    }

    #[test]
    fn events_from_the_scans_kept_with_the_date_are_those_of_fresh_scans() {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let data = root.join("data");
        let gazetteer = Gazetteer::load(&data).unwrap_or_else(|e| panic!("{e}"));
        let lexicon = Lexicon::load(&data).unwrap_or_else(|e| panic!("{e}"));
        let (seeds, failures) = crate::corpus::read_dir(&root.join("seeds"));
        assert!(failures.is_empty() && !seeds.is_empty(), "{failures:?}");
        let mut articles =
            crate::synthetic::CorpusGenerator::new(&seeds, &gazetteer, 4096).generate(60, 11);
        articles.extend(seeds);
        let mut kept = 0;
        let mut kept_bytes = 0;
        let mut events = 0;
        for article in &articles {
            let mentions = gazetteer.mentions(&article.text);
            let from_kept = extract_article(article, &mentions, &gazetteer, &lexicon);
            let mut unscanned = article.clone();
            if let Some(published) = unscanned.published.as_mut() {
                kept += published.time_scans.len();
                kept_bytes += published.time_scans.heap_bytes();
                published.time_scans = when::TimeScans::default();
            }
            let fresh = extract_article(&unscanned, &mentions, &gazetteer, &lexicon);
            assert_eq!(from_kept, fresh, "{}", article.id);
            events += fresh.len();
        }
        assert!(
            kept > 500 && events > 500,
            "{kept} scans kept, {events} events"
        );
        // What keeping them costs: about a quarter of the text's own size.
        let per_article = kept_bytes / articles.len();
        eprintln!("scans and sentences kept: {per_article} bytes per article");
        assert!(per_article < 1536, "{per_article} bytes kept per article");
    }

    #[test]
    fn time_anchors_noted_in_passing_are_those_the_anchor_set_finds() {
        let lexicon = crate::extract::lexicon::project_lexicon();
        let mut texts = sample_texts();
        texts.extend(
            [
                "Sundays and todays",
                "yesterday's shelling",
                "the dayside",
                "days-long",
                "MAYDAY",
                "noonday sun",
                "a few",
                "Nightly raids",
            ]
            .map(String::from),
        );
        let mut scan = Scan::default();
        let mut anchored = 0;
        for t in &texts {
            lexicon.scan(t, &mut scan);
            assert_eq!(
                scan.has_time_anchor(),
                lexicon.time_anchors.contains(t),
                "{t:?}"
            );
            anchored += usize::from(scan.has_time_anchor());
        }
        assert!(anchored > 50 && anchored < texts.len(), "{anchored}");
    }

    #[test]
    fn photo_captions_found_at_each_p_are_those_the_automaton_finds() {
        let lexicon = crate::extract::lexicon::project_lexicon();
        let mut texts = sample_texts();
        texts.extend(
            [
                "PHOTO: Reuters",
                "(photo AFP)",
                "A photo by the ministry",
                "photographs: none",
                "Photo",
                "(Photo",
                "photo b",
                "photo BY",
                "Ph oto:",
                "a (photo",
                "photo:",
                "Şuşa (PhOtO: x)",
            ]
            .map(String::from),
        );
        let mut captions = 0;
        for t in &texts {
            let expected = lexicon.photo_credits.is_match(t.as_str());
            assert_eq!(is_photo_caption(t), expected, "{t:?}");
            captions += usize::from(expected);
        }
        assert!(captions >= 8, "{captions}");
    }

    #[test]
    fn mentions_within_a_clause_found_by_bisection_are_those_of_the_whole_walk() {
        let mention = |start: usize, end: usize| Mention {
            start,
            end,
            text: String::new(),
            role: MentionRole::Event,
            place: None,
            candidates: Vec::new(),
            why: String::new(),
        };
        let mentions: Vec<Mention> = [(0, 5), (3, 9), (10, 14), (10, 20), (15, 15), (22, 30)]
            .map(|(s, e)| mention(s, e))
            .to_vec();
        for start in 0..32 {
            for end in start..32 {
                let walk: Vec<(usize, usize)> = mentions
                    .iter()
                    .filter(|m| m.start >= start && m.end <= end)
                    .map(|m| (m.start, m.end))
                    .collect();
                for in_order in [true, false] {
                    let found: Vec<(usize, usize)> =
                        mentions_within(&mentions, in_order, start..end)
                            .map(|m| (m.start, m.end))
                            .collect();
                    assert_eq!(found, walk, "{start}..{end}");
                }
            }
        }
    }

    #[test]
    fn context_bits_tell_the_lists_that_hold_a_word() {
        let lexicon = crate::extract::lexicon::project_lexicon();
        let mut words: Vec<String> = ["to", "of", "the", "these", "not", "", "shelling", "Of"]
            .map(String::from)
            .to_vec();
        words.extend(lexicon.referring.iter().cloned());
        words.extend(lexicon.negations.iter().cloned());
        words.extend(lexicon.skip_words.iter().cloned());
        words.extend(lexicon.not_after.iter().flatten().cloned());
        for t in sample_texts().iter().take(200) {
            words.extend(t.split_whitespace().map(String::from));
        }
        let mut listed_somewhere = 0;
        for word in &words {
            let bits = lexicon.context_bits(word);
            let listed = |list: &[String]| list.iter().any(|w| w == word);
            assert_eq!(
                bits & context::REFERRING != 0,
                listed(&lexicon.referring),
                "{word}"
            );
            assert_eq!(
                bits & context::NEGATION != 0,
                listed(&lexicon.negations),
                "{word}"
            );
            assert_eq!(
                bits & context::SKIP != 0,
                listed(&lexicon.skip_words),
                "{word}"
            );
            for (k, list) in lexicon.not_after.iter().enumerate() {
                assert_eq!(
                    bits & context::not_after(k) != 0,
                    listed(list),
                    "{word} {k}"
                );
            }
            listed_somewhere += usize::from(bits != 0);
        }
        assert!(listed_somewhere > 40, "{listed_somewhere}");
    }

    /// [`clauses`] as first written: every break's matches by substring search, ordered in a map.
    fn clauses_by_substring_search(text: &str, sentence: Range<usize>) -> Vec<Range<usize>> {
        let body = &text[sentence.clone()];
        let mut parts = Vec::new();
        let mut start = 0;
        let as_breaks = body
            .match_indices(AS_BREAK)
            .filter(|&(i, _)| is_as_break(body, i))
            .map(|(i, _)| (i, AS_BREAK));
        for (at, separator) in CLAUSE_BREAKS
            .iter()
            .flat_map(|sep| body.match_indices(sep).map(move |(i, _)| (i, *sep)))
            .chain(as_breaks)
            .collect::<std::collections::BTreeMap<usize, &str>>()
        {
            if at < start {
                continue;
            }
            let before = &body[start..at];
            let after = &body[at + separator.len()..];
            if before.split_whitespace().count() >= 5 && after.split_whitespace().count() >= 5 {
                parts.push(sentence.start + start..sentence.start + at);
                start = at + separator.len();
            }
        }
        parts.push(sentence.start + start..sentence.end);
        parts
    }

    #[test]
    fn a_denial_ends_where_the_speaker_turns_to_an_accusation() {
        let body = "The Armenian defence ministry denied shelling Barda and accused the Azerbaijani \
                    army of firing on Martakert overnight";
        let denial_end = body.find("denied").map(|i| i + "denied".len());
        let mut parts = Vec::new();
        clauses(body, 0..body.len(), denial_end, &mut parts);
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert!(body[parts[1].clone()].starts_with("the Azerbaijani army"));
        // Without a denial "and accused" joins nothing; before the denial it turns nothing.
        clauses(body, 0..body.len(), None, &mut parts);
        assert_eq!(parts.len(), 1);
        let body = "Yerevan said and accused Baku of lying, and the ministry denied it all today";
        let denial_end = body.find("denied").map(|i| i + "denied".len());
        clauses(body, 0..body.len(), denial_end, &mut parts);
        assert_eq!(parts.len(), 1, "{parts:?}");
    }

    #[test]
    fn as_joins_two_reports_but_not_a_comparison_or_an_aside() {
        let body = "Russian peacekeepers began deploying to Nagorno-Karabakh on Tuesday, as \
                    protesters in Yerevan demanded the prime minister's resignation";
        let at = body.find(", as ").unwrap_or_default();
        assert!(is_as_break(body, at));
        let mut parts = Vec::new();
        clauses(body, 0..body.len(), None, &mut parts);
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert!(body[parts[1].clone()].starts_with("protesters in Yerevan"));
        for body in [
            "Azerbaijani forces shelled Tartar and Barda overnight, as well as villages near Terter",
            "Azerbaijani forces shelled Tartar and Barda overnight, as a result of which two died",
            "In an address to the nation yesterday, as the two ministers sat down for talks in \
             Moscow, Mr Aliyev pledged to fight on",
        ] {
            let at = body.find(", as ").unwrap_or_default();
            assert!(!is_as_break(body, at), "{body}");
        }
    }

    #[test]
    fn a_when_clause_is_found_after_the_words_it_follows() {
        let text = "the worst since the 1990s, when some 30,000 people were killed";
        let end = text.find("1990s").map_or(0, |i| i + "1990s".len());
        assert!(when_clause_follows(text, end));
        let text = "the worst since the 1990s, whenever they met";
        assert!(!when_clause_follows(text, end));
        let text = "the worst since the 1990s and still going on";
        assert!(!when_clause_follows(text, end));
        let text = "the deadliest since the first war (1988-1994), which killed 30,000";
        let end = text.find("1994").map_or(0, |i| i + 4);
        assert!(when_clause_follows(text, end));
    }

    #[test]
    fn sentences_without_a_break_cue_are_one_clause() {
        let lexicon = crate::extract::lexicon::project_lexicon();
        let mut texts = sample_texts();
        texts.extend(
            [
                "Baku reported heavy fighting near Fuzuli on Monday, while Yerevan said the front was calm all day",
                "The army said five villages had been taken; the separatists said none of them had fallen",
                "Azerbaijan said its forces shelled the town of Tartar, whereas Armenia said it only answered fire",
                "Meanwhile the whereabouts of the two journalists wounded in Martuni remained unknown",
                "The army said five villages had been taken WHILE the separatists said none of them had fallen",
            ]
            .map(String::from),
        );
        let mut scan = Scan::default();
        let mut parts = Vec::new();
        let (mut without_cue, mut split) = (0, 0);
        for text in &texts {
            for whole in text::sentences(text) {
                lexicon.scan(&text[whole.clone()], &mut scan);
                let denial_end = scan.get(Set::Denials).first().map(|m| m.1);
                clauses(text, whole.clone(), denial_end, &mut parts);
                if !scan.may_break_clauses() && denial_end.is_none() {
                    assert_eq!(
                        parts,
                        std::slice::from_ref(&whole),
                        "{:?}",
                        &text[whole.clone()]
                    );
                    without_cue += 1;
                }
                split += usize::from(parts.len() > 1);
            }
        }
        assert!(without_cue > 50 && split >= 3, "{without_cue} {split}");
    }

    #[test]
    fn clause_breaks_are_found_in_one_pass_as_by_substring_search() {
        let mut texts = sample_texts();
        texts.extend(
            [
                "Azerbaijan said its forces shelled the town of Tartar, whereas Armenia said it only answered fire",
                "Baku reported heavy fighting near Fuzuli on Monday, while Yerevan said the front was calm all day",
                "The ministry said the shelling went on all night while the town's people hid in their cellars",
                "The army said five villages had been taken; the separatists said none of them had fallen",
                "Meanwhile;the whereas-clause",
                "; while ; , whereas , while ;",
                " while",
                "a, while the b",
                "w; w ;  w, w",
            ]
            .map(String::from),
        );
        // Every break at each of the sixteen offsets of the eight-byte windows, at the end too.
        for clause_break in CLAUSE_BREAKS {
            for pad in 0..16 {
                let text = format!(
                    "{} one two three four five{clause_break}six seven eight nine ten",
                    "w".repeat(pad)
                );
                texts.push(text);
                texts.push(format!("{}{clause_break}", "x".repeat(pad)));
            }
        }
        let mut with_break = 0;
        let mut split = 0;
        let mut parts = Vec::new();
        for t in &texts {
            let mut expected: Vec<(usize, usize)> = CLAUSE_BREAKS
                .iter()
                .flat_map(|sep| t.match_indices(sep).map(|(i, sep)| (i, sep.len())))
                .chain(
                    t.match_indices(AS_BREAK)
                        .filter(|&(i, _)| is_as_break(t, i))
                        .map(|(i, sep)| (i, sep.len())),
                )
                .collect();
            expected.sort_unstable();
            let mut found = clause_breaks(t);
            found.sort_unstable();
            assert_eq!(found, expected, "{t:?}");
            with_break += usize::from(!expected.is_empty());
            clauses(t, 0..t.len(), None, &mut parts);
            assert_eq!(parts, clauses_by_substring_search(t, 0..t.len()), "{t:?}");
            split += usize::from(parts.len() > 1);
        }
        assert!(with_break > 10, "the sample holds clause breaks");
        assert!(split >= 4, "{split}");
    }

    #[test]
    fn words_ruled_out_by_shape_are_in_no_context_list() {
        let lexicon = crate::extract::lexicon::project_lexicon();
        let mut words: Vec<String> = lexicon.skip_words.clone();
        words.extend(lexicon.referring.iter().cloned());
        words.extend(lexicon.negations.iter().cloned());
        words.extend(lexicon.not_after.iter().flatten().cloned());
        for t in sample_texts().iter().take(300) {
            words.extend(t.split_whitespace().map(|w| bare_word(w).into_owned()));
        }
        let (mut listed, mut ruled_out) = (0, 0);
        for word in words.iter().filter(|w| !w.is_empty()) {
            let may = lexicon.may_be_context_word(word.as_bytes()[0], word.len());
            if lexicon.context_bits(word) != 0 {
                assert!(may, "{word:?}");
                listed += 1;
            }
            ruled_out += usize::from(!may);
        }
        assert!(listed > 40 && ruled_out > 1000, "{listed} {ruled_out}");
    }

    #[test]
    fn words_are_counted_as_far_as_needed() {
        for t in sample_texts().iter().take(300) {
            for n in 0..8 {
                assert_eq!(
                    has_words(t, n),
                    t.split_whitespace().count() >= n,
                    "{t:?} {n}"
                );
            }
        }
    }

    #[test]
    fn bare_ascii_words_are_those_of_trimming_and_lower_casing() {
        let mut words: Vec<String> = [
            "\"Fighting,",
            "(THESE",
            "high-level",
            "-",
            "",
            "“such",
            "Şuşa's",
            "to",
            "TO:",
            "x\u{212A}",
            "a-very-long-word-that-does-not-fit-the-buffer",
        ]
        .map(String::from)
        .to_vec();
        for t in sample_texts().iter().take(400) {
            words.extend(t.split_whitespace().map(String::from));
        }
        let mut buffer = [0u8; BARE_WORD_BUFFER];
        let mut ascii = 0;
        for word in &words {
            if let Some(bare) = bare_ascii_word(word, &mut buffer) {
                assert_eq!(bare, bare_word(word), "{word:?}");
                ascii += 1;
            } else {
                assert!(
                    !word.is_ascii() || word.len() > BARE_WORD_BUFFER,
                    "{word:?}"
                );
            }
        }
        assert!(ascii > 1000, "{ascii}");
    }

    #[test]
    fn skipped_lines_are_told_as_by_lower_casing_their_start() {
        let lexicon = crate::extract::lexicon::project_lexicon();
        let longest = lexicon.longest_skip_line();
        let mut texts = sample_texts();
        texts.extend(
            [
                "READ ALSO: Armenia and Azerbaijan agree a truce",
                "Read more",
                "read mor",
                "See Also: İstanbul talks",
                "Related: shelling",
                "ŞUBSCRIBE",
                "Subscribe",
                "",
            ]
            .map(String::from),
        );
        let mut skipped = 0;
        for t in &texts {
            let lower = lowercase_start(t, longest);
            let expected = lexicon
                .skip_lines
                .iter()
                .any(|s| lower.starts_with(s.as_str()));
            assert_eq!(
                starts_skipped_line(t, &lexicon.skip_lines, longest),
                expected,
                "{t:?}"
            );
            skipped += usize::from(expected);
        }
        assert!(skipped >= 5, "{skipped}");
    }

    #[test]
    fn lowercase_starts_are_those_of_lower_casing_character_by_character() {
        let by_character = |text: &str, bytes: usize| {
            let mut lower = String::new();
            for c in text.chars() {
                if lower.len() >= bytes {
                    break;
                }
                lower.extend(c.to_lowercase());
            }
            lower
        };
        let mut texts = sample_texts();
        texts.extend(["READ ALSO: İstanbul".to_string(), "ÉTÉ à Bakou".to_string()]);
        for t in &texts {
            for bytes in [0, 1, 5, 9, 12] {
                assert_eq!(lowercase_start(t, bytes), by_character(t, bytes), "{t:?}");
            }
        }
    }

    #[test]
    fn references_back_are_found_where_the_stands_in_any_case() {
        let texts = sample_texts();
        let mut referring = 0;
        for t in &texts {
            // Every occurrence, but "the town of Martuni", which names its place.
            let lower = t.to_ascii_lowercase();
            let expected = REFERRING_BACK.iter().any(|phrase| {
                lower
                    .match_indices(phrase)
                    .any(|(at, _)| !lower[at + phrase.len()..].starts_with(" of "))
            });
            assert_eq!(refers_back(t), expected, "{t:?}");
            referring += usize::from(expected);
        }
        assert!(referring > 10, "the sample holds references back");
        assert!(refers_back("Rockets fell on THE TOWN overnight"));
        assert!(!refers_back("there was shelling near Thetown"));
        assert!(!refers_back("Shells hit the town of Martuni"));
    }

    #[test]
    fn a_phone_only_says_how_a_witness_was_reached_after_a_telling_verb() {
        let by = |s: &str| {
            let start = s.find("by phone").or_else(|| s.find("phone")).unwrap_or(0);
            let end = if s[start..].starts_with("by phone") {
                start + 8
            } else {
                start + 5
            };
            is_told_by_phone(s, start, end)
        };
        assert!(by("Martuni was shelled, residents told AFP by phone."));
        assert!(by("Shells fell all night, a nurse said over the phone."));
        assert!(!by("Lavrov spoke by phone with his Armenian counterpart."));
        assert!(!by("Putin and Erdogan held a phone call on Friday."));
    }

    #[test]
    fn a_question_asks_and_tells_of_nothing() {
        assert!(is_question("Why are Armenia and Azerbaijan fighting?"));
        assert!(is_question("Will the truce hold? "));
        assert!(!is_question("Rockets hit Ganja overnight."));
        assert!(!is_question("'Who will protect us?' she asked."));
    }

    #[test]
    fn a_relative_aside_without_the_event_words_is_told_apart() {
        let text = "Russia, which has a military base in Armenia, has called for a halt.";
        let called = Span {
            start: text.find("called").unwrap_or(0),
            end: text.find("called").unwrap_or(0) + 6,
            text: "called".into(),
        };
        let armenia = text.find("Armenia").unwrap_or(0);
        assert!(at_aside_without(
            text,
            armenia,
            std::slice::from_ref(&called)
        ));
        let struck = "Barda, which was struck on Tuesday, is near the front.";
        let hit = Span {
            start: 13,
            end: 23,
            text: "was struck".into(),
        };
        assert_eq!(&struck[hit.start..hit.end], "was struck");
        let front = struck.find("front").unwrap_or(0);
        // After the aside closes: the main clause.
        assert!(!at_aside_without(struck, front, &[]));
        assert!(!at_aside_without(
            struck,
            struck.find("Tuesday").unwrap_or(0),
            std::slice::from_ref(&hit)
        ));
        // No aside: the place of the main clause.
        assert!(!at_aside_without(
            "Rockets hit Ganja, officials said.",
            12,
            &[]
        ));
    }

    #[test]
    fn the_capture_with_no_place_points_back_and_the_capture_of_a_place_does_not() {
        let word = |s: &str, w: &str| {
            let start = s.find(w).unwrap_or(0);
            Span {
                start,
                end: start + w.len(),
                text: w.to_string(),
            }
        };
        let s = "Azerbaijan announced the capture on Sunday.";
        assert!(is_definite_capture(s, &word(s, "capture")));
        let s = "Baku celebrated the capture of the town.";
        assert!(!is_definite_capture(s, &word(s, "capture")));
        let s = "They vowed to capture Shusha.";
        assert!(!is_definite_capture(s, &word(s, "capture")));
    }
}
