//! Event extraction on short real-style sentences of our own (not the seeds), one rule a test.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use karabakh_atlas::atlas::Atlas;
use karabakh_atlas::extract::Lexicon;
use karabakh_atlas::gazetteer::Gazetteer;
use karabakh_atlas::model::{Article, DateSource, Event, EventKind, Figure, Published, Status};

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn gazetteer() -> Arc<Gazetteer> {
    static GAZETTEER: OnceLock<Arc<Gazetteer>> = OnceLock::new();
    GAZETTEER
        .get_or_init(|| Arc::new(Gazetteer::load(&data_dir()).unwrap_or_else(|e| panic!("{e}"))))
        .clone()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("bad test date"))
}

fn article(id: &str, text: &str, published: NaiveDate) -> Article {
    Article {
        id: id.to_string(),
        path: PathBuf::from(id),
        text: text.to_string(),
        hash: format!("hash-of-{id}"),
        published: Some(Published {
            day: published,
            evidence: "test".into(),
            source: DateSource::Stated,
            conflicts: Vec::new(),
            time_scans: Default::default(),
        }),
        note: None,
    }
}

fn extract(articles: Vec<Article>) -> Atlas {
    let lexicon = Lexicon::load(&data_dir()).unwrap_or_else(|e| panic!("{e}"));
    Atlas::build(articles, Vec::new(), gazetteer(), &lexicon)
}

fn place_names(atlas: &Atlas, event: &Event) -> Vec<String> {
    event
        .places
        .iter()
        .map(|id| atlas.place(id).map_or(id.to_string(), |p| p.name.clone()))
        .collect()
}

/// The event of `kind` at the place the gazetteer gives for the name `place` (names have several
/// spellings: "Martuni" is the gazetteer's "Khojavend").
fn find<'a>(atlas: &'a Atlas, kind: EventKind, place: &str) -> Option<&'a Event> {
    let id = atlas
        .gazetteer
        .mentions(place)
        .into_iter()
        .find_map(|m| m.place)?;
    atlas
        .events
        .iter()
        .find(|e| e.kind == kind && e.places.contains(&id))
}

/// The first event of `kind` at `place`; without one the test fails listing every event.
fn found<'a>(atlas: &'a Atlas, kind: EventKind, place: &str) -> &'a Event {
    find(atlas, kind, place)
        .unwrap_or_else(|| panic!("no {kind:?} at {place} in\n{}", describe(atlas)))
}

/// The event at `place` that carries its toll: a report of casualties, or a strike whose
/// sentence gave its toll ("a missile strike on Ganja killed nine people").
fn toll_at<'a>(atlas: &'a Atlas, place: &str) -> &'a Event {
    let strike_with_toll = || {
        let id = atlas
            .gazetteer
            .mentions(place)
            .into_iter()
            .find_map(|m| m.place)?;
        atlas.events.iter().find(|e| {
            e.kind == EventKind::Shelling
                && e.places.contains(&id)
                && (e.figures.deaths.is_some() || e.figures.injured.is_some())
        })
    };
    find(atlas, EventKind::Casualties, place)
        .or_else(strike_with_toll)
        .unwrap_or_else(|| panic!("no toll at {place} in\n{}", describe(atlas)))
}

/// Fails, listing every event, when there is an event of `kind` at `place`.
fn assert_none_at(atlas: &Atlas, kind: EventKind, place: &str) {
    assert!(
        find(atlas, kind, place).is_none(),
        "a {kind:?} at {place} in\n{}",
        describe(atlas)
    );
}

/// Fails, listing every event, when any event is of `kind`.
fn assert_no_kind(atlas: &Atlas, kind: EventKind) {
    assert!(
        atlas.events.iter().all(|e| e.kind != kind),
        "a {kind:?} in\n{}",
        describe(atlas)
    );
}

/// The places of the first event (of `kind`, when given) whose sentence holds `words`; without
/// one the test fails listing every event.
fn places_told_by(atlas: &Atlas, kind: Option<EventKind>, words: &str) -> Vec<String> {
    atlas
        .events
        .iter()
        .find(|e| {
            kind.is_none_or(|k| e.kind == k) && e.sources.iter().any(|s| s.quote.contains(words))
        })
        .map(|e| place_names(atlas, e))
        .unwrap_or_else(|| panic!("nothing told by {words:?} in\n{}", describe(atlas)))
}

/// The number a figure counts.
fn value(figure: &Option<Box<Figure>>) -> Option<u64> {
    figure.as_ref().map(|f| f.value)
}

/// The event of `kind` at `place` is on `expected`.
fn assert_day(atlas: &Atlas, kind: EventKind, place: &str, expected: NaiveDate) {
    assert_eq!(
        found(atlas, kind, place).day,
        Some(expected),
        "{kind:?} at {place} in\n{}",
        describe(atlas)
    );
}

/// Every event of `kind`.
fn of_kind(atlas: &Atlas, kind: EventKind) -> Vec<&Event> {
    atlas.events.iter().filter(|e| e.kind == kind).collect()
}

fn describe(atlas: &Atlas) -> String {
    atlas
        .events
        .iter()
        .map(|e| {
            format!(
                "{:?} {:?} {:?} {:?}\n",
                e.day,
                e.kind,
                place_names(atlas, e),
                e.status
            )
        })
        .collect()
}

/// The first event of `kind`; a failure lists what was found.
fn first_of(atlas: &Atlas, kind: EventKind) -> &Event {
    atlas
        .events
        .iter()
        .find(|e| e.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} in\n{}", describe(atlas)))
}

/// The days of the events of `kind`.
fn days_of(atlas: &Atlas, kind: EventKind) -> Vec<NaiveDate> {
    atlas
        .events
        .iter()
        .filter(|e| e.kind == kind)
        .filter_map(|e| e.day)
        .collect()
}

/// An event's death toll and whether it is a running total of the war.
fn deaths_of(event: &Event) -> Option<(u64, bool)> {
    event
        .figures
        .deaths
        .as_ref()
        .map(|d| (d.value, d.running_total))
}

#[test]
fn a_weekday_and_a_claim() {
    // 15 October 2020 was a Thursday: "on Tuesday" is the 13th.
    let atlas = extract(vec![article(
        "a.txt",
        "Azerbaijani rockets struck the town of Martuni on Tuesday, the separatist authorities said.",
        day(2020, 10, 15),
    )]);
    let event = found(&atlas, EventKind::Shelling, "Martuni");
    assert_eq!(event.day, Some(day(2020, 10, 13)));
    let claim = event.claimed_by.clone().unwrap_or_default();
    assert!(claim.contains("separatist authorities"), "claim: {claim}");
}

#[test]
fn heads_of_state_speak_from_their_capitals() {
    let atlas = extract(vec![article(
        "b.txt",
        "On Monday, French President Emmanuel Macron and Russian President Vladimir Putin called for an immediate ceasefire.",
        day(2020, 10, 15),
    )]);
    for capital in ["Paris", "Moscow"] {
        let event = found(&atlas, EventKind::Diplomacy, capital);
        assert_eq!(event.day, Some(day(2020, 10, 12)));
    }
}

#[test]
fn a_country_speaks_past_a_relative_clause_that_names_others() {
    // The mediators named inside "which …" do not speak: France does, from Paris.
    let atlas = extract(vec![article(
        "b2.txt",
        "France, which along with Russia and the US is part of a group mediating talks, said on \
         Friday there was a chance of a breakthrough in the ceasefire talks.",
        day(2020, 10, 10),
    )]);
    let event = found(&atlas, EventKind::Diplomacy, "Paris");
    assert_eq!(
        place_names(&atlas, event),
        ["Paris"],
        "{}",
        describe(&atlas)
    );
}

#[test]
fn an_agreement_signed_is_diplomacy_and_a_great_deal_is_not() {
    let atlas = extract(vec![article(
        "deal.txt",
        "The leaders of Armenia and Azerbaijan signed an agreement in Moscow on Monday to end \
         the fighting. A great deal of the town of Martuni was destroyed.",
        day(2020, 11, 10),
    )]);
    let signed = found(&atlas, EventKind::Diplomacy, "Moscow");
    assert_eq!(signed.day, Some(day(2020, 11, 9)));
    assert_none_at(&atlas, EventKind::Diplomacy, "Martuni");
}

#[test]
fn a_denial_with_nothing_to_answer_is_no_event() {
    let atlas = extract(vec![article(
        "deny.txt",
        "Armenia denied targeting civilians. Azerbaijani rockets struck Stepanakert on Sunday, \
         the separatist authorities said, and Baku denied it.",
        day(2020, 10, 12),
    )]);
    // The second denial answers the strike and is one of its sources; the first answers
    // nothing and names only the one who denies.
    assert_eq!(atlas.events.len(), 1, "{}", describe(&atlas));
    let strike = found(&atlas, EventKind::Shelling, "Stepanakert");
    assert_eq!(strike.day, Some(day(2020, 10, 11)));
}

#[test]
fn one_sentence_gives_two_kinds_and_overnight_is_the_evening_before() {
    let atlas = extract(vec![article(
        "c.txt",
        "Hundreds of families fled Martakert overnight as artillery pounded the town.",
        day(2020, 10, 20),
    )]);
    for kind in [EventKind::Displacement, EventKind::Shelling] {
        let event = found(&atlas, kind, "Martakert");
        assert_eq!(event.day, Some(day(2020, 10, 19)));
    }
}

#[test]
fn a_toll_keeps_its_number() {
    let atlas = extract(vec![article(
        "d.txt",
        "Twelve civilians were killed in Ganja on Sunday, the defence ministry in Baku said.",
        day(2020, 10, 12),
    )]);
    let event = toll_at(&atlas, "Ganja");
    assert_eq!(value(&event.figures.deaths), Some(12));
    assert_eq!(
        event.figures.deaths.as_ref().map(|f| f.running_total),
        Some(false)
    );
    assert_eq!(event.day, Some(day(2020, 10, 11)));
}

#[test]
fn a_toll_of_the_war_so_far_is_a_running_total() {
    let atlas = extract(vec![article(
        "t.txt",
        "Since September 27, 350 Armenian servicemen have been killed in Nagorno-Karabakh, officials in Stepanakert said.",
        day(2020, 10, 12),
    )]);
    let event = atlas
        .events
        .iter()
        .find(|e| e.kind == EventKind::Casualties)
        .unwrap_or_else(|| panic!("no toll in\n{}", describe(&atlas)));
    let deaths = event
        .figures
        .deaths
        .as_ref()
        .unwrap_or_else(|| panic!("no deaths"));
    assert_eq!((deaths.value, deaths.running_total), (350, true));
    assert_eq!(event.actors, ["Military Forces of Armenia"]);
}

#[test]
fn the_parties_of_an_attack_and_of_a_call() {
    let atlas = extract(vec![article(
        "p.txt",
        "Azerbaijani rockets struck the town of Martuni on Tuesday, the separatist authorities said. \
         On Wednesday Russian President Vladimir Putin spoke by phone with Armenian Prime Minister Nikol Pashinyan.",
        day(2020, 10, 15),
    )]);
    let strike = found(&atlas, EventKind::Shelling, "Martuni");
    // The authorities who report it are not a party to the strike.
    assert_eq!(strike.actors, ["Military Forces of Azerbaijan"]);
    let call = atlas
        .events
        .iter()
        .find(|e| e.kind == EventKind::Diplomacy)
        .unwrap_or_else(|| panic!("no call in\n{}", describe(&atlas)));
    assert_eq!(
        call.actors,
        ["Government of Russia", "Government of Armenia"]
    );
}

#[test]
fn the_past_is_background_not_a_day_of_this_war() {
    let atlas = extract(vec![article(
        "e.txt",
        "Some 30,000 people were killed in the fighting that ended with a ceasefire in 1994.",
        day(2020, 10, 12),
    )]);
    assert!(atlas.events.is_empty(), "{}", describe(&atlas));
}

#[test]
fn the_same_strike_told_twice_is_one_event_with_two_sources() {
    let atlas = extract(vec![
        article(
            "f.txt",
            "A bridge near Lachin was hit by missiles on Sunday, officials said.",
            day(2020, 10, 26),
        ),
        article(
            "g.txt",
            "Missiles struck a bridge in Lachin on Sunday, according to local officials.",
            day(2020, 10, 27),
        ),
    ]);
    let strikes: Vec<&Event> = atlas
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Shelling)
        .collect();
    assert_eq!(strikes.len(), 1, "{}", describe(&atlas));
    assert_eq!(strikes[0].sources.len(), 2);
    assert_eq!(strikes[0].day, Some(day(2020, 10, 25)));
}

#[test]
fn a_meeting_announced_for_later_is_planned() {
    // 14 October 2020 was a Wednesday: "on Friday" in the future is the 16th.
    let atlas = extract(vec![article(
        "h.txt",
        "The foreign ministers are to meet in Geneva on Friday, the Swiss foreign ministry said.",
        day(2020, 10, 14),
    )]);
    let event = found(&atlas, EventKind::Diplomacy, "Geneva");
    assert_eq!(event.status, Status::Planned);
    assert_eq!(event.day, Some(day(2020, 10, 16)));
}

#[test]
fn a_war_event_with_no_place_is_placed_in_the_region_of_the_article() {
    let atlas = extract(vec![article(
        "i.txt",
        "Fighting raged in Nagorno-Karabakh on Monday. The clashes continued on Tuesday.",
        day(2020, 10, 15),
    )]);
    let tuesday: Vec<&Event> = atlas
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Fighting && e.day == Some(day(2020, 10, 13)))
        .collect();
    assert_eq!(tuesday.len(), 1, "{}", describe(&atlas));
    assert_eq!(
        place_names(&atlas, tuesday[0]),
        vec!["Nagorno-Karabakh".to_string()]
    );
}

#[test]
fn two_reports_joined_by_while_get_their_own_days_and_places() {
    // 11 October 2020 was a Sunday.
    let atlas = extract(vec![article(
        "j.txt",
        "Azerbaijan said on Sunday that Armenian forces had shelled its second-largest city Ganja, \
         killing at least nine civilians, while Armenia said Azerbaijani troops attacked the town of \
         Hadrut overnight.",
        day(2020, 10, 11),
    )]);
    let ganja = found(&atlas, EventKind::Shelling, "Ganja");
    assert_eq!(ganja.day, Some(day(2020, 10, 11)));
    assert_eq!(ganja.claimed_by.as_deref(), Some("Azerbaijan"));
    let toll = toll_at(&atlas, "Ganja");
    assert_eq!(value(&toll.figures.deaths), Some(9));
    let hadrut = found(&atlas, EventKind::Fighting, "Hadrut");
    assert_eq!(hadrut.day, Some(day(2020, 10, 10)));
    assert!(!ganja.places.iter().any(|p| hadrut.places.contains(p)));
}

#[test]
fn a_denial_is_kept_with_the_event_it_answers() {
    let atlas = extract(vec![article(
        "k.txt",
        "On Tuesday a school in Martuni was hit by rockets. The Azerbaijani defence ministry denied \
         having fired on the building.",
        day(2020, 10, 15),
    )]);
    let strikes: Vec<&Event> = atlas
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Shelling)
        .collect();
    assert_eq!(strikes.len(), 1, "{}", describe(&atlas));
    assert_eq!(strikes[0].sources.len(), 2);
    let denial = &strikes[0].sources[1];
    assert!(denial.denied);
    assert!(
        denial
            .claimed_by
            .as_deref()
            .is_some_and(|c| c.contains("defence ministry"))
    );
    assert_eq!(strikes[0].day, Some(day(2020, 10, 13)));
}

#[test]
fn a_visit_announced_without_a_day_is_planned_and_undated() {
    let atlas = extract(vec![article(
        "visit.txt",
        "Armenia's Prime Minister Nikol Pashinyan will visit Brussels next week to meet EU leaders.",
        day(2020, 10, 5),
    )]);
    let event = found(&atlas, EventKind::Diplomacy, "Brussels");
    assert_eq!(event.status, Status::Planned, "{}", describe(&atlas));
    // Not put on the publication day as if the visit had happened.
    assert_eq!(event.day, None, "{}", describe(&atlas));
}

#[test]
fn a_trip_for_talks_and_a_call_by_phone_are_diplomacy() {
    // 5 October 2020 was a Monday.
    let atlas = extract(vec![article(
        "trip.txt",
        "Azerbaijani President Ilham Aliyev was to travel to Moscow on Tuesday for talks with \
         Russian President Vladimir Putin, his office said.\n\n\
         Russian President Vladimir Putin discussed the conflict by phone with Armenian Prime \
         Minister Nikol Pashinyan on Saturday, the Kremlin said.",
        day(2020, 10, 5),
    )]);
    let talks: Vec<&Event> = atlas
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Diplomacy && place_names(&atlas, e) == ["Moscow"])
        .collect();
    let days: Vec<_> = talks.iter().map(|e| (e.day, e.status)).collect();
    assert!(
        days.contains(&(Some(day(2020, 10, 6)), Status::Planned)),
        "{}",
        describe(&atlas)
    );
    assert!(
        days.contains(&(Some(day(2020, 10, 3)), Status::Happened)),
        "{}",
        describe(&atlas)
    );
}

#[test]
fn a_name_others_call_a_place_is_no_telephone_call() {
    let atlas = extract(vec![article(
        "name.txt",
        "Armenian Defence Ministry spokesman Artsrun Hovhannisyan said heavy fighting was \
         continuing near Shusha, which Armenians call Shushi.",
        day(2020, 11, 8),
    )]);
    assert!(
        find(&atlas, EventKind::Fighting, "Shusha").is_some(),
        "{}",
        describe(&atlas)
    );
    assert_no_kind(&atlas, EventKind::Diplomacy);
}

#[test]
fn a_death_toll_told_as_the_subject_of_its_clause() {
    let atlas = extract(vec![article(
        "toll.txt",
        "The death toll among Armenian-backed soldiers in Nagorno-Karabakh has risen to 350, the \
         region's defence ministry said on Monday.\n\n\
         Tens of thousands of people have fled the region, officials said.",
        day(2020, 10, 5),
    )]);
    let toll = first_of(&atlas, EventKind::Casualties);
    assert_eq!(deaths_of(toll), Some((350, true)), "{:?}", toll.figures);
    // "Tens of thousands" names no number: the flight is kept, with no figure made up for it.
    let fled = first_of(&atlas, EventKind::Displacement);
    assert_eq!(fled.figures.displaced, None);
}

#[test]
fn a_town_taken_is_fighting_and_a_toll_past_its_aside_is_counted() {
    // 4 October 2020 was a Sunday.
    let atlas = extract(vec![article(
        "taken.txt",
        "Azerbaijan's President Ilham Aliyev said on Sunday that his army had taken control of \
         the town of Jabrayil and several villages around it.\n\n\
         At least 200 people, including 25 civilians, have been killed in the fighting so far, \
         according to official figures from both sides.\n\n\
         Aliyev pledged to keep on fighting until his country recaptured all of Nagorno-Karabakh.",
        day(2020, 10, 4),
    )]);
    let taken = found(&atlas, EventKind::Fighting, "Jabrayil");
    assert_eq!(taken.day, Some(day(2020, 10, 4)));
    let toll = first_of(&atlas, EventKind::Casualties);
    assert_eq!(deaths_of(toll), Some((200, true)), "{:?}", toll.figures);
    // A capture pledged "until" it happens is none: the only fighting is Jabrayil's.
    let fighting = of_kind(&atlas, EventKind::Fighting).len();
    assert_eq!(fighting, 1, "{}", describe(&atlas));
}

#[test]
fn the_time_scans_kept_for_the_extraction_are_dropped_after_it() {
    let text = "Armenian forces shelled the town of Tartar on Tuesday, officials said.\n\n\
                Reuters, 15 October 2020";
    let published = karabakh_atlas::corpus::publication_date(text)
        .unwrap_or_else(|| panic!("no publication date in {text:?}"));
    assert_eq!(published.day, day(2020, 10, 15));
    assert!(!published.time_scans.is_empty(), "dating keeps its scans");
    let mut kept = article("kept.txt", text, published.day);
    kept.published = Some(published);
    let atlas = extract(vec![kept]);
    assert!(
        find(&atlas, EventKind::Shelling, "Tartar").is_some(),
        "{}",
        describe(&atlas)
    );
    for article in &atlas.articles {
        let scans = article.published.as_ref().map_or(0, |p| p.time_scans.len());
        assert_eq!(scans, 0, "{} keeps its scans", article.id);
    }
}

#[test]
fn an_article_that_names_no_region_takes_the_one_its_places_lie_in() {
    // Only towns of Nagorno-Karabakh and an army named after the region.
    let atlas = extract(vec![article(
        "army.txt",
        "Fierce battles continued overnight in the southern direction of the front line, the \
         Artsakh Defense Army said in a statement.\n\n\
         Two enemy drones were shot down over Martakert.\n\n\
         The Azerbaijani side again targeted civilian settlements, including Stepanakert and \
         Shushi, the ombudsman reported.",
        day(2020, 10, 20),
    )]);
    let battles = found(&atlas, EventKind::Fighting, "Nagorno-Karabakh");
    assert_eq!(battles.day, Some(day(2020, 10, 19)), "{}", describe(&atlas));
}

#[test]
fn a_bulletin_that_names_only_districts_is_about_their_country() {
    let atlas = extract(vec![article(
        "bulletin.txt",
        "During the night, the Armenian armed forces subjected to fire the Tartar, Aghdam and \
         Aghjabadi districts, the Ministry of Defence said.\n\n\
         According to the Prosecutor General's Office, since September 27, 42 civilians were \
         killed and 206 were wounded as a result of the attacks.",
        day(2020, 10, 13),
    )]);
    assert!(
        find(&atlas, EventKind::Shelling, "Tartar").is_some(),
        "{}",
        describe(&atlas)
    );
    let toll = toll_at(&atlas, "Azerbaijan");
    assert_eq!(deaths_of(toll), Some((42, true)), "{:?}", toll.figures);
}

#[test]
fn a_clause_after_as_keeps_its_own_place() {
    let atlas = extract(vec![article(
        "as.txt",
        "Missile strike on an apartment block in Ganja kills at least nine, Azerbaijan says, as \
         both sides accuse each other of breaking the truce agreed in Moscow.",
        day(2020, 10, 11),
    )]);
    let strike = first_of(&atlas, EventKind::Shelling);
    assert_eq!(
        place_names(&atlas, strike),
        ["Ganja"],
        "{}",
        describe(&atlas)
    );
    // An "as" clause the main clause goes on after is an aside: the day stays with the address.
    let atlas = extract(vec![article(
        "aside.txt",
        "In a televised address to the nation yesterday, as the two foreign ministers sat down \
         for talks in Moscow, Mr Aliyev pledged to keep on fighting.",
        day(2020, 10, 10),
    )]);
    let address = found(&atlas, EventKind::Diplomacy, "Moscow");
    assert_eq!(address.day, Some(day(2020, 10, 9)));
}

#[test]
fn lives_lost_are_casualties_but_a_town_that_lives_under_fire_is_not() {
    let atlas = extract(vec![article(
        "lives.txt",
        "The town of Tartar lives under Armenian fire. Donald Trump wrote that many lives will \
         be saved by the truce. The clashes in Nagorno-Karabakh have claimed more than 700 lives.",
        day(2020, 10, 26),
    )]);
    let tolls: Vec<&Event> = atlas
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Casualties)
        .collect();
    assert_eq!(tolls.len(), 1, "{}", describe(&atlas));
    assert!(
        tolls[0].sources[0].quote.contains("700 lives"),
        "{}",
        describe(&atlas)
    );
}

#[test]
fn a_capture_or_a_town_taken_is_fighting() {
    let atlas = extract(vec![article(
        "capture.txt",
        "Azerbaijan claims capture of Hadrut. President Aliyev said on Sunday that his army had \
         taken the city of Fuzuli.",
        day(2020, 10, 18),
    )]);
    for town in ["Hadrut", "Fuzuli"] {
        assert!(
            find(&atlas, EventKind::Fighting, town).is_some(),
            "no fighting at {town} in\n{}",
            describe(&atlas)
        );
    }
}

#[test]
fn reports_received_and_a_link_to_visit_are_no_diplomacy() {
    let atlas = extract(vec![article(
        "hrw.txt",
        "Human Rights Watch has also received reports of cluster munitions used in Tartar. For \
         more reporting on Armenia and Azerbaijan, please visit our website. Pashinyan received \
         the co-chairs in Yerevan on Monday.",
        day(2020, 10, 23),
    )]);
    let talks: Vec<&Event> = atlas
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Diplomacy)
        .collect();
    assert_eq!(talks.len(), 1, "{}", describe(&atlas));
    assert_eq!(talks[0].day, Some(day(2020, 10, 19)));
}

#[test]
fn a_government_reporting_a_front_abroad_tells_of_the_region() {
    let atlas = extract(vec![article(
        "abroad.txt",
        "Fighting in Nagorno-Karabakh went on for a sixth week. Armenia's Defence Ministry said \
         Azerbaijani troops had attacked from several directions overnight. Azerbaijan's \
         Defence Ministry said Armenian forces had shelled villages overnight. Russian \
         helicopter shot down over Armenia.",
        day(2020, 11, 8),
    )]);
    let told = |words: &str| places_told_by(&atlas, None, words);
    assert_eq!(told("several directions"), ["Nagorno-Karabakh"]);
    assert_eq!(told("shelled villages"), ["Azerbaijan"]);
    assert_eq!(told("helicopter"), ["Armenia"]);
}

#[test]
fn what_a_when_clause_tells_of_a_past_decade_is_background() {
    let atlas = extract(vec![article(
        "decade.txt",
        "The fighting in Nagorno-Karabakh is the worst since the 1990s, when some 30,000 people \
         were killed. More than 700 people have been killed since September 27, when the \
         fighting began.",
        day(2020, 10, 17),
    )]);
    let tolls: Vec<&Event> = atlas
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Casualties)
        .collect();
    assert_eq!(tolls.len(), 1, "{}", describe(&atlas));
    assert!(tolls[0].sources[0].quote.contains("700"));
}

#[test]
fn a_toll_after_a_strike_is_the_strikes_but_a_war_toll_is_not() {
    let atlas = extract(vec![article(
        "toll.txt",
        "Fighting in Nagorno-Karabakh entered its second week. Azerbaijan said Armenian forces \
         had fired rockets at Ganja. An aide to the president said one civilian had been killed \
         and 32 injured. Shelling hit Tartar on Sunday. The fighting has killed more than 700 \
         people, according to a count by AFP. Rockets struck Barda on Sunday. At least 300 dead.",
        day(2020, 10, 4),
    )]);
    let toll_in = |words: &str| places_told_by(&atlas, Some(EventKind::Casualties), words);
    assert_eq!(toll_in("32 injured"), ["Ganja"]);
    assert_eq!(toll_in("700"), ["Nagorno-Karabakh"]);
    assert_eq!(toll_in("300"), ["Nagorno-Karabakh"]);
}

#[test]
fn a_capture_told_with_taken_or_lost_is_fighting_at_the_place() {
    let atlas = extract(vec![article(
        "taken.txt",
        "The Azerbaijani president said on Monday that his army had taken Hadrut after days of \
         heavy resistance. Separatist officials said on Tuesday that the town of Martuni had been \
         lost. The wounded had taken shelter in Goris.",
        day(2020, 10, 21),
    )]);
    let hadrut = found(&atlas, EventKind::Fighting, "Hadrut");
    assert_eq!(hadrut.day, Some(day(2020, 10, 19)));
    let martuni = found(&atlas, EventKind::Fighting, "Martuni");
    assert_eq!(martuni.day, Some(day(2020, 10, 20)));
    // Taking shelter is no capture.
    assert_none_at(&atlas, EventKind::Fighting, "Goris");
}

#[test]
fn the_capture_announced_is_the_one_told_just_before() {
    let atlas = extract(vec![article(
        "capture.txt",
        "Separatist officials said the town of Hadrut had been lost after a week of fighting. \
         Azerbaijan announced the capture on Friday.",
        day(2020, 10, 10),
    )]);
    let announced = atlas
        .events
        .iter()
        .find(|e| {
            e.kind == EventKind::Fighting
                && e.sources
                    .iter()
                    .any(|s| s.quote.starts_with("Azerbaijan announced"))
        })
        .unwrap_or_else(|| panic!("no capture announced in\n{}", describe(&atlas)));
    assert_eq!(
        place_names(&atlas, announced),
        ["Hadrut"],
        "{}",
        describe(&atlas)
    );
}

#[test]
fn an_aside_about_someone_does_not_place_the_event() {
    let atlas = extract(vec![article(
        "aside.txt",
        "Russia, which has a military base in Armenia, has called for an immediate ceasefire. \
         Rockets hit Stepanakert overnight, said Anahit, 52, who is now staying with relatives \
         in Goris.",
        day(2020, 10, 10),
    )]);
    let call = first_of(&atlas, EventKind::Diplomacy);
    assert_eq!(
        place_names(&atlas, call),
        ["Moscow"],
        "{}",
        describe(&atlas)
    );
    let strike = first_of(&atlas, EventKind::Shelling);
    assert_eq!(
        place_names(&atlas, strike),
        ["Stepanakert"],
        "{}",
        describe(&atlas)
    );
}

#[test]
fn what_is_forbidden_or_possible_in_general_is_no_event() {
    let atlas = extract(vec![article(
        "norms.txt",
        "Cluster munitions should never be used in populated areas. Such rockets can be fired \
         from the ground or dropped from aircraft. The law prohibits attacks on civilians. Both \
         sides should respect the truce, the French foreign minister said.",
        day(2020, 10, 10),
    )]);
    assert!(
        atlas.events.iter().all(|e| e.kind == EventKind::Diplomacy),
        "{}",
        describe(&atlas)
    );
    assert!(
        find(&atlas, EventKind::Diplomacy, "Paris").is_some(),
        "{}",
        describe(&atlas)
    );
}

#[test]
fn a_witness_reached_by_phone_a_repair_and_a_question_tell_of_no_such_event() {
    let atlas = extract(vec![article(
        "phone.txt",
        "Martuni was shelled again on Friday morning, residents told AFP by phone. Red Cross \
         teams in Stepanakert helped repair damaged power lines. Why are Armenia and Azerbaijan \
         fighting?",
        day(2020, 10, 10),
    )]);
    assert!(
        find(&atlas, EventKind::Shelling, "Martuni").is_some(),
        "{}",
        describe(&atlas)
    );
    assert!(
        // Only the shelling of Martuni (the gazetteer's Khojavend): no call, no repair, no war.
        atlas.events.iter().all(|e| e.kind == EventKind::Shelling
            && matches!(place_names(&atlas, e).as_slice(), [p] if p == "Khojavend" || p == "Martuni")),
        "{}",
        describe(&atlas)
    );
}

#[test]
fn a_day_earlier_is_the_day_before_the_report_before_it() {
    let atlas = extract(vec![article(
        "earlier.txt",
        "Rockets hit Barda on October 20, killing five civilians. A day earlier, shells hit \
         the town of Tartar.",
        day(2020, 10, 28),
    )]);
    let tartar = found(&atlas, EventKind::Shelling, "Tartar");
    assert_eq!(tartar.day, Some(day(2020, 10, 19)), "{}", describe(&atlas));
}

#[test]
fn a_month_of_a_past_year_is_background_not_the_publication_day() {
    let atlas = extract(vec![article(
        "past.txt",
        "Clashes near Tovuz in July of this year killed at least 17 people. An escalation in \
         April 2016 killed about 200.",
        day(2020, 10, 9),
    )]);
    assert!(atlas.events.is_empty(), "{}", describe(&atlas));
}

#[test]
fn a_comparison_with_the_first_war_is_no_toll_on_the_day_this_war_began() {
    let atlas = extract(vec![article(
        "first-war.txt",
        "The fighting in Nagorno-Karabakh, which began on September 27, is the deadliest since \
         the first war (1988-1994), which killed 30,000 people.",
        day(2020, 10, 17),
    )]);
    assert!(atlas.events.is_empty(), "{}", describe(&atlas));
}

#[test]
fn a_clause_after_as_keeps_the_day_of_the_clause_before() {
    let atlas = extract(vec![article(
        "as.txt",
        "Several shells fell on the outskirts of Goris on Thursday, the Armenian Defense \
         Ministry said, as heavy fighting around the town of Lachin intensified.",
        day(2020, 10, 30),
    )]);
    let lachin = found(&atlas, EventKind::Fighting, "Lachin");
    assert_eq!(lachin.day, Some(day(2020, 10, 29)), "{}", describe(&atlas));
}

#[test]
fn a_photo_taken_a_decision_taken_or_a_rating_that_fell_is_no_capture() {
    let atlas = extract(vec![article(
        "taken.txt",
        "The photo was taken in Stepanakert on Sunday by our correspondent. Measures were taken \
         in Yerevan to protect schools. The prime minister's approval rating fell to 40 percent \
         in Yerevan. Photographers tried to capture the mood in Baku. The war has taken a heavy \
         toll on Tartar. Shusha fell to Azerbaijani forces on Sunday, November 8.",
        day(2020, 11, 10),
    )]);
    for place in ["Stepanakert", "Yerevan", "Baku", "Tartar"] {
        assert_none_at(&atlas, EventKind::Fighting, place);
    }
    let shusha = found(&atlas, EventKind::Fighting, "Shusha");
    assert_eq!(shusha.day, Some(day(2020, 11, 8)));
}

#[test]
fn a_happening_told_on_two_days_is_put_on_both() {
    let atlas = extract(vec![article(
        "pair.txt",
        "Armenia accused Azerbaijan of shelling Martuni on Friday and Saturday. Azerbaijani \
         officials said rockets hit Tartar on October 15 and 16, wounding two people.",
        day(2020, 10, 18),
    )]);
    for (place, first, second) in [("Martuni", 16, 17), ("Tartar", 15, 16)] {
        let days: Vec<_> = atlas
            .events
            .iter()
            .filter(|e| {
                e.kind == EventKind::Shelling
                    && e.places == found(&atlas, EventKind::Shelling, place).places
            })
            .map(|e| e.day)
            .collect();
        assert!(
            days.contains(&Some(day(2020, 10, first)))
                && days.contains(&Some(day(2020, 10, second))),
            "{place}: {}",
            describe(&atlas)
        );
    }
}

#[test]
fn a_weapon_named_before_attack_tells_of_a_strike_not_a_battle() {
    let atlas = extract(vec![article(
        "weapon.txt",
        "A missile attack on Barda killed five civilians on Tuesday. Rocket attacks on Tartar \
         went on overnight. A drone attack hit a convoy near Aghdam. A cluster munition attack \
         on Ganja wounded 30 people. Azerbaijani troops launched an attack on Hadrut on Monday.",
        day(2020, 10, 28),
    )]);
    for place in ["Barda", "Tartar", "Aghdam", "Ganja"] {
        found(&atlas, EventKind::Shelling, place);
        assert_none_at(&atlas, EventKind::Fighting, place);
    }
    found(&atlas, EventKind::Fighting, "Hadrut");
}

#[test]
fn a_dated_list_item_and_the_same_day_keep_the_day_told_before() {
    let atlas = extract(vec![article(
        "items.txt",
        "Here is how the war unfolded.\n\
         Oct. 5 - Rockets hit Ganja. Stepanakert is shelled.\n\
         Oct. 12 - Talks in Moscow end without a deal.\n\
         Azerbaijani officials said Armenian forces shelled Tartar on October 20. On the same \
         day, Armenian officials said drones struck Martuni.\n\
         Aghdam has been shelled.",
        day(2020, 11, 10),
    )]);
    for (place, month, dom) in [
        ("Stepanakert", 10, 5),
        ("Martuni", 10, 20),
        ("Aghdam", 11, 10),
    ] {
        let event = found(&atlas, EventKind::Shelling, place);
        assert_eq!(
            event.day,
            Some(day(2020, month, dom)),
            "{place}: {}",
            describe(&atlas)
        );
    }
}

#[test]
fn a_denial_reaches_only_what_is_denied_and_is_not_put_on_two_days() {
    let atlas = extract(vec![article(
        "denial.txt",
        "Rockets struck Tartar on Thursday, killing two people, the Azerbaijani army said. \
         The separatist defence army denied shelling Tartar and accused Azerbaijani troops of \
         firing on Hadrut on Thursday and Friday. Yerevan denied firing at Terter on Monday \
         and Tuesday.",
        day(2020, 10, 24),
    )]);
    // The denial answers the strike on Tartar; the accusation after it is the speaker's own
    // report, on both days it names, and not denied.
    let tartar = found(&atlas, EventKind::Shelling, "Tartar");
    assert!(
        tartar.sources.iter().any(|s| s.denied),
        "{}",
        describe(&atlas)
    );
    let hadrut: Vec<&Event> = atlas
        .events
        .iter()
        .filter(|e| {
            e.kind == EventKind::Shelling
                && e.places == found(&atlas, EventKind::Shelling, "Hadrut").places
        })
        .collect();
    assert_eq!(hadrut.len(), 2, "{}", describe(&atlas));
    assert!(hadrut.iter().all(|e| e.sources.iter().all(|s| !s.denied)));
    assert!(
        hadrut
            .iter()
            .all(|e| e.claimed_by.as_deref() == Some("separatist defence army")),
        "{}",
        describe(&atlas)
    );
    // "Terter" is Tartar: the denial of a strike on two days is one denied report, not two.
    let denied_days: Vec<_> = atlas
        .events
        .iter()
        .filter(|e| {
            e.sources
                .iter()
                .any(|s| s.denied && s.quote.contains("Monday"))
        })
        .map(|e| e.day)
        .collect();
    assert_eq!(denied_days.len(), 1, "{}", describe(&atlas));
}

#[test]
fn the_channel_of_a_report_or_a_recommendation_is_no_diplomacy() {
    let atlas = extract(vec![article(
        "channel.txt",
        "Drones struck Aghdam overnight, the Azerbaijani ministry said in a statement. \
         Displaced families are hosted in schools in Goris. The mediators should press Baku and \
         Yerevan to accept observers. Shelling of Martuni resumed as the truce collapsed. \
         The Armenian prime minister said in a video address that Hadrut was surrounded.",
        day(2020, 10, 20),
    )]);
    assert_no_kind(&atlas, EventKind::Diplomacy);
    found(&atlas, EventKind::Shelling, "Aghdam");
    found(&atlas, EventKind::Shelling, "Martuni");
    // Talks hosted by a capital are still diplomacy.
    let atlas = extract(vec![article(
        "hosted.txt",
        "Moscow hosted the foreign ministers of both countries on Friday.",
        day(2020, 10, 20),
    )]);
    found(&atlas, EventKind::Diplomacy, "Moscow");
}

#[test]
fn a_truce_that_unravels_or_collapses_is_no_diplomacy() {
    let atlas = extract(vec![article(
        "unravel.txt",
        "Missile strike kills 13 in Azerbaijan's Ganja as truce unravels\n\n\
         A missile strike on Ganja killed 13 civilians overnight, officials said Saturday, as a \
         week-old humanitarian truce brokered by Moscow appeared to unravel. The ceasefire \
         broke down within minutes in Martuni.",
        day(2020, 10, 17),
    )]);
    assert_no_kind(&atlas, EventKind::Diplomacy);
    found(&atlas, EventKind::Shelling, "Ganja");
    // A truce that is agreed or holds is still diplomacy.
    let atlas = extract(vec![article(
        "holds.txt",
        "Armenia and Azerbaijan agreed to a humanitarian truce in Moscow on Saturday.",
        day(2020, 10, 10),
    )]);
    found(&atlas, EventKind::Diplomacy, "Moscow");
}

#[test]
fn the_country_a_missile_was_fired_from_is_not_where_it_fell() {
    let atlas = extract(vec![article(
        "origin.txt",
        "A missile struck a residential building in Ganja on Saturday. Azerbaijan's prosecutor \
         said Scud missiles fired from Armenia hit Mingachevir on Sunday. Rockets launched from \
         the territory of Armenia hit Barda, Baku said.",
        day(2020, 10, 18),
    )]);
    found(&atlas, EventKind::Shelling, "Ganja");
    found(&atlas, EventKind::Shelling, "Mingachevir");
    found(&atlas, EventKind::Shelling, "Barda");
    assert_none_at(&atlas, EventKind::Shelling, "Armenia");
}

#[test]
fn no_word_on_casualties_is_no_toll_and_people_forced_from_homes_are_displaced() {
    let atlas = extract(vec![article(
        "noword.txt",
        "Stepanakert was shelled overnight. There was no immediate word on casualties. \
         Officials said shelling had forced thousands of people in the Tartar district to leave \
         their homes.",
        day(2020, 10, 20),
    )]);
    assert_no_kind(&atlas, EventKind::Casualties);
    found(&atlas, EventKind::Shelling, "Stepanakert");
    found(&atlas, EventKind::Displacement, "Tartar District");
}

#[test]
fn a_toll_told_of_earlier_this_week_is_not_put_on_the_publication_day() {
    let atlas = extract(vec![article(
        "earlier.txt",
        "Earlier this week a missile attack on Ganja killed 10 people. Shelling killed two \
         civilians in Martuni on Friday.",
        day(2020, 10, 17),
    )]);
    let earlier = toll_at(&atlas, "Ganja");
    assert_eq!(earlier.day, None, "{}", describe(&atlas));
    assert_eq!(toll_at(&atlas, "Martuni").day, Some(day(2020, 10, 16)));
}

#[test]
fn the_country_of_a_dateline_is_where_the_report_was_filed() {
    let atlas = extract(vec![article(
        "dateline.txt",
        "CHARAKTAR, Azerbaijan (AP) — Ethnic Armenians fled the Kalbajar district on Saturday \
         before its handover.",
        day(2020, 11, 14),
    )]);
    let fled = found(&atlas, EventKind::Displacement, "Kalbajar District");
    assert_eq!(fled.day, Some(day(2020, 11, 14)));
    assert_eq!(place_names(&atlas, fled).len(), 1, "{}", describe(&atlas));
}

#[test]
fn combat_drones_strike_and_a_breached_ceasefire_is_no_diplomacy() {
    let atlas = extract(vec![article(
        "drones.txt",
        "The Azerbaijani side used combat drones against the village of Karmir Shuka on \
         Wednesday. On October 21, the Armenian armed forces, grossly violating the humanitarian \
         ceasefire, subjected the Tartar district to artillery fire, the ministry said.",
        day(2020, 10, 21),
    )]);
    found(&atlas, EventKind::Shelling, "Karmir Shuka");
    assert_none_at(&atlas, EventKind::Fighting, "Karmir Shuka");
    found(&atlas, EventKind::Shelling, "Tartar District");
    assert_no_kind(&atlas, EventKind::Diplomacy);
}

#[test]
fn a_trip_for_consultations_is_planned_diplomacy_and_wounding_is_a_toll() {
    let atlas = extract(vec![article(
        "consult.txt",
        "The Armenian Foreign Minister will travel to Moscow on October 15 for consultations \
         with his Russian counterpart. On Thursday, the cathedral in Shusha was hit by two \
         strikes, wounding two Russian journalists.",
        day(2020, 10, 14),
    )]);
    let trip = found(&atlas, EventKind::Diplomacy, "Moscow");
    assert_eq!(
        (trip.day, trip.status),
        (Some(day(2020, 10, 15)), Status::Planned)
    );
    let wounded = toll_at(&atlas, "Shusha");
    assert_eq!(wounded.day, Some(day(2020, 10, 8)));
}

#[test]
fn a_region_named_in_a_title_is_still_a_place_elsewhere() {
    let atlas = extract(vec![article(
        "artsakh.txt",
        "Azerbaijani forces shelled the civilian settlements of Artsakh on Wednesday, Artsakh \
         Human Rights Defender Artak Beglaryan said.",
        day(2020, 10, 14),
    )]);
    let shelled = found(&atlas, EventKind::Shelling, "Nagorno-Karabakh");
    assert_eq!(shelled.day, Some(day(2020, 10, 14)));
    // The title's region is part of a name, not a second place word.
    let words: Vec<&str> = shelled.sources[0]
        .place_words
        .iter()
        .map(|w| w.text.as_str())
        .collect();
    assert_eq!(words, ["Artsakh"]);
}

#[test]
fn what_an_after_clause_tells_keeps_its_own_day() {
    let atlas = extract(vec![article(
        "after.txt",
        "The deal, signed in Moscow in the early hours of Tuesday, came after Azerbaijan's \
         forces captured Shusha, the second-largest city in the enclave, on Sunday.",
        day(2020, 11, 10),
    )]);
    assert_day(&atlas, EventKind::Fighting, "Shusha", day(2020, 11, 8));
    let signed: Vec<_> = atlas
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Diplomacy)
        .map(|e| e.day)
        .collect();
    assert_eq!(signed, [Some(day(2020, 11, 10))], "{}", describe(&atlas));
    // With no day of its own, what came before the main clause's day gets none.
    let atlas = extract(vec![article(
        "after2.txt",
        "The peace deal was signed on Tuesday, after Azerbaijani forces took the city of Shusha. \
         Two days after the truce, shelling hit Martuni on Monday.",
        day(2020, 11, 12),
    )]);
    assert_eq!(found(&atlas, EventKind::Fighting, "Shusha").day, None);
    assert_day(&atlas, EventKind::Shelling, "Martuni", day(2020, 11, 9));
}

#[test]
fn weeks_of_fighting_are_no_toll_and_a_deal_ending_the_fighting_is_no_battle() {
    let atlas = extract(vec![article(
        "weeks.txt",
        "Armenia and Azerbaijan agreed in Moscow early Saturday to a cease-fire, after nearly two \
         weeks of heavy fighting in Martuni that has killed hundreds of people.\n\n\
         Nov. 10 - Armenia, Azerbaijan and Russia sign a deal ending the fighting.",
        day(2020, 11, 11),
    )]);
    // Neither "two weeks" nor "hundreds" is a number of dead.
    let toll = toll_at(&atlas, "Martuni");
    assert_eq!(deaths_of(toll), None, "{}", describe(&atlas));
    let battles: Vec<_> = atlas
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Fighting && e.day == Some(day(2020, 11, 10)))
        .collect();
    assert!(battles.is_empty(), "{}", describe(&atlas));
}

#[test]
fn a_headline_place_before_its_speaker_is_the_scene() {
    let atlas = extract(vec![article(
        "says.txt",
        "Rocket attack kills 21 in Azerbaijan's Barda, Baku says\n\nThe ministry gave no more \
         details.",
        day(2020, 10, 28),
    )]);
    let strike = found(&atlas, EventKind::Shelling, "Barda");
    assert_eq!(
        place_names(&atlas, strike),
        ["Barda"],
        "{}",
        describe(&atlas)
    );
}

#[test]
fn a_dateline_day_or_a_clock_time_is_no_toll_and_kills_counts() {
    let atlas = extract(vec![article(
        "figures.txt",
        "BARDA, Azerbaijan, Oct 28 (Reuters) - Azerbaijan said 21 civilians were killed in a \
         rocket attack on Barda.\n\n16:45 GMT - Displaced families arrive in Goris.\n\n\
         Missile strike kills 13 in Ganja.",
        day(2020, 10, 28),
    )]);
    let barda = toll_at(&atlas, "Barda");
    assert_eq!(
        deaths_of(barda).map(|(n, _)| n),
        Some(21),
        "{}",
        describe(&atlas)
    );
    let goris = found(&atlas, EventKind::Displacement, "Goris");
    assert_eq!(goris.figures.displaced, None, "{}", describe(&atlas));
    let ganja = toll_at(&atlas, "Ganja");
    assert_eq!(deaths_of(ganja).map(|(n, _)| n), Some(13));
}

#[test]
fn a_country_inside_an_adjective_is_no_scene_and_a_scheduled_call_is_planned() {
    let atlas = extract(vec![article(
        "brokered.txt",
        "Shelling hits Tartar despite Russia-brokered truce\n\nThe Russian foreign minister is \
         scheduled to speak with his Armenian counterpart in Moscow on Monday. Fighting raged \
         in the Aghdere direction overnight.",
        day(2020, 10, 17),
    )]);
    found(&atlas, EventKind::Shelling, "Tartar");
    assert_none_at(&atlas, EventKind::Shelling, "Russia");
    assert!(
        atlas
            .events
            .iter()
            .all(|e| e.kind != EventKind::Diplomacy || e.day == Some(day(2020, 10, 19))),
        "{}",
        describe(&atlas)
    );
    let call = found(&atlas, EventKind::Diplomacy, "Moscow");
    assert_eq!(
        (call.day, call.status),
        (Some(day(2020, 10, 19)), Status::Planned)
    );
    found(&atlas, EventKind::Fighting, "Martakert");
}

#[test]
fn an_aside_tells_nothing_of_the_event_and_the_sides_of_a_war_are_no_scene() {
    let atlas = extract(vec![article(
        "aside.txt",
        "Russian peacekeepers, who began deploying on November 10, escorted refugees back to \
         Stepanakert on Saturday.",
        day(2020, 11, 15),
    )]);
    let back = found(&atlas, EventKind::Displacement, "Stepanakert");
    assert_eq!(back.day, Some(day(2020, 11, 14)), "{}", describe(&atlas));
    assert!(
        atlas
            .events
            .iter()
            .all(|e| e.day != Some(day(2020, 11, 10))),
        "{}",
        describe(&atlas)
    );
    let atlas = extract(vec![article(
        "sides.txt",
        "Armenia, Azerbaijan fighting rages for a third day\n\nFierce fighting between Armenian \
         separatists and Azerbaijan continued in Hadrut on Tuesday.",
        day(2020, 9, 29),
    )]);
    found(&atlas, EventKind::Fighting, "Hadrut");
    assert_none_at(&atlas, EventKind::Fighting, "Azerbaijan");
    assert_none_at(&atlas, EventKind::Fighting, "Armenia");
}

#[test]
fn a_strike_told_without_a_place_is_where_a_front_line_report_was_filed() {
    let atlas = extract(vec![article(
        "filed.txt",
        "BARDA, Azerbaijan, Oct 28 (Reuters) - A rocket attack on Barda killed 21 people on \
         Wednesday.\n\nAzerbaijan's foreign minister spoke with his Russian counterpart by \
         phone.\n\n\"We heard a whistle, then a huge explosion,\" said Leyla, a teacher.\n\n\
         Since September 27, the death toll among civilians has risen to more than 60.",
        day(2020, 10, 28),
    )]);
    assert_eq!(
        places_told_by(&atlas, Some(EventKind::Shelling), "whistle"),
        ["Barda"]
    );
    // A toll of the war so far is not the town's.
    let toll = places_told_by(&atlas, Some(EventKind::Casualties), "Since September 27");
    assert!(!toll.contains(&"Barda".to_string()), "{toll:?}");
}

#[test]
fn a_meeting_due_with_a_list_of_countries_is_still_planned() {
    let atlas = extract(vec![article(
        "due.txt",
        "The foreign ministers of Armenia and Azerbaijan are due to meet mediators from France, \
         Russia and the United States in Geneva on Thursday.",
        day(2020, 10, 26),
    )]);
    let meeting = found(&atlas, EventKind::Diplomacy, "Geneva");
    assert_eq!(
        (meeting.day, meeting.status),
        (Some(day(2020, 10, 29)), Status::Planned)
    );
}

#[test]
fn a_dated_document_is_no_day_and_joining_the_fighting_is_no_battle() {
    let atlas = extract(vec![article(
        "document.txt",
        "Lavrov and Bayramov discussed in Moscow the implementation of the November 9 statement. \
         The former defence minister said he was ready to join the fighting in Shusha. Residents \
         of Kalbajar set fire to their houses on Saturday.",
        day(2020, 11, 17),
    )]);
    let talks = found(&atlas, EventKind::Diplomacy, "Moscow");
    assert_eq!(talks.day, Some(day(2020, 11, 17)), "{}", describe(&atlas));
    assert_none_at(&atlas, EventKind::Fighting, "Shusha");
    let fled = found(&atlas, EventKind::Displacement, "Kalbajar");
    assert_eq!(fled.day, Some(day(2020, 11, 14)));
    let atlas = extract(vec![article(
        "handed.txt",
        "Ethnic Armenians leaving the Kalbajar district set fire to their houses on Saturday \
         before the territory is handed over to Azerbaijan.",
        day(2020, 11, 15),
    )]);
    found(&atlas, EventKind::Displacement, "Kalbajar District");
    assert_none_at(&atlas, EventKind::Displacement, "Azerbaijan");
}

#[test]
fn where_the_war_began_and_a_wire_datelines_country_are_no_scene() {
    let atlas = extract(vec![article(
        "since.txt",
        "BARDA, Azerbaijan, Oct 28 (Reuters) - Azerbaijan said 21 civilians were killed on \
         Wednesday when Armenian forces fired missiles at the town of Barda, in the deadliest \
         single attack on civilians since fighting over Nagorno-Karabakh erupted a month ago.",
        day(2020, 10, 28),
    )]);
    assert_eq!(
        places_told_by(&atlas, Some(EventKind::Shelling), "fired missiles"),
        ["Barda"]
    );
}

#[test]
fn that_after_a_verb_of_saying_opens_a_report() {
    let atlas = extract(vec![article(
        "that.txt",
        "YEREVAN, Oct 23 (Reuters) - Pompeo will meet the two foreign ministers in Washington on \
         Friday. The Armenian defence ministry said on Monday that fighting continued near \
         Martuni. Thirteen people were killed in a missile strike on Ganja. Goris has taken in \
         several thousand of them. Shusha, which Azerbaijani forces captured on Sunday, overlooks \
         Stepanakert.",
        day(2020, 10, 23),
    )]);
    let meeting = found(&atlas, EventKind::Diplomacy, "Washington");
    assert_eq!(meeting.status, Status::Planned, "{}", describe(&atlas));
    assert_day(&atlas, EventKind::Fighting, "Martuni", day(2020, 10, 19));
    let ganja = toll_at(&atlas, "Ganja");
    assert_eq!(deaths_of(ganja).map(|(n, _)| n), Some(13));
    assert_none_at(&atlas, EventKind::Fighting, "Goris");
    assert_day(&atlas, EventKind::Fighting, "Shusha", day(2020, 10, 18));
}

#[test]
fn retreat_hospital_and_aid_are_not_displacement_or_diplomacy_and_prisoners_are_exchanged() {
    let atlas = extract(vec![article(
        "retreat.txt",
        "The enemy is fleeing from Fuzuli, the ministry said. Two soldiers were evacuated to \
         hospital in Stepanakert. Villagers in Martuni received no aid on Tuesday. Armenia and \
         Azerbaijan exchanged prisoners in Goris on Saturday. Their lives are not in danger, \
         the hospital in Yerevan said.",
        day(2020, 11, 18),
    )]);
    assert_no_kind(&atlas, EventKind::Displacement);
    assert_none_at(&atlas, EventKind::Diplomacy, "Martuni");
    assert_none_at(&atlas, EventKind::Casualties, "Yerevan");
    assert_day(&atlas, EventKind::Diplomacy, "Goris", day(2020, 11, 14));
    let atlas = extract(vec![article(
        "losses.txt",
        "The enemy suffered heavy losses in manpower near Fuzuli, the ministry said.",
        day(2020, 11, 18),
    )]);
    assert_none_at(&atlas, EventKind::Casualties, "Fuzuli");
}

#[test]
fn n_days_earlier_counts_back_from_the_report_before() {
    let atlas = extract(vec![article(
        "earlier-n.txt",
        "On October 19, Azerbaijani forces took control of Jabrayil. They had captured Fuzuli \
         two days earlier.",
        day(2020, 10, 29),
    )]);
    assert_day(&atlas, EventKind::Fighting, "Jabrayil", day(2020, 10, 19));
    let fuzuli = found(&atlas, EventKind::Fighting, "Fuzuli");
    assert_eq!(fuzuli.day, Some(day(2020, 10, 17)), "{}", describe(&atlas));
    assert!(
        fuzuli.sources[0].why_day.contains("2 days before"),
        "{}",
        fuzuli.sources[0].why_day
    );
}

#[test]
fn a_month_without_a_day_is_a_stretch_not_the_publication_day() {
    let atlas = extract(vec![article(
        "month.txt",
        "The Red Crescent distributed aid in Ganja, where civilian homes were struck several \
         times in October. Shelling hit Tartar on Monday.",
        day(2020, 11, 24),
    )]);
    assert_none_at(&atlas, EventKind::Shelling, "Ganja");
    assert_day(&atlas, EventKind::Shelling, "Tartar", day(2020, 11, 23));
}

#[test]
fn a_since_reaches_no_day_past_and_and_an_aside_with_a_list_runs_on() {
    let atlas = extract(vec![article(
        "since-and.txt",
        "Martuni had been pounded by artillery since dawn, and Martakert was hit by rockets \
         overnight. Both sides are due to exchange prisoners under the deal, which was signed \
         late on November 9 by Aliyev, Pashinyan and Putin.",
        day(2020, 11, 12),
    )]);
    assert_day(&atlas, EventKind::Shelling, "Martakert", day(2020, 11, 11));
    let signed: Vec<_> = atlas
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Diplomacy && e.day == Some(day(2020, 11, 9)))
        .collect();
    assert!(!signed.is_empty(), "{}", describe(&atlas));
}

#[test]
fn a_toll_of_one_attack_and_a_running_total_stay_apart() {
    let atlas = extract(vec![
        article(
            "one.txt",
            "Two civilians were killed by shelling in Martuni on Monday.",
            day(2020, 11, 10),
        ),
        article(
            "total.txt",
            "On Monday, officials said the death toll in Martuni had risen to 40 since September \
             27.",
            day(2020, 11, 10),
        ),
    ]);
    // The strike carries its own toll; the running total is a report of its own.
    let mut tolls: Vec<(u64, bool)> = atlas.events.iter().filter_map(deaths_of).collect();
    tolls.sort_unstable();
    assert_eq!(tolls, [(2, false), (40, true)], "{}", describe(&atlas));
}

#[test]
fn the_attack_points_back_to_the_strike_told_just_before() {
    let atlas = extract(vec![article(
        "back.txt",
        "STEPANAKERT — Rockets slammed into the centre of Stepanakert on October 4, residents \
         said.\n\nA resident said he was in his yard when the rockets struck. Two civilians were \
         killed in the attack, Baku said.\n\nA man stands in the ruins of his house in Ganja \
         after a missile attack on October 17. Thirteen people were killed in the overnight \
         attack.\n\nThe attack came two days after a ceasefire collapsed on Monday.",
        day(2020, 10, 29),
    )]);
    // The toll takes the day and the place of the attack it points back to, not the
    // publication day, the dateline's town or the country of who tells of it.
    let stepanakert = toll_at(&atlas, "Stepanakert");
    assert_eq!(
        stepanakert.day,
        Some(day(2020, 10, 4)),
        "{}",
        describe(&atlas)
    );
    let ganja = toll_at(&atlas, "Ganja");
    assert_eq!(ganja.day, Some(day(2020, 10, 17)), "{}", describe(&atlas));
    assert_eq!(deaths_of(ganja), Some((13, false)));
    // "the rockets struck", "killed in the overnight attack" and "the attack came" are more
    // sources of the told strikes, on their days: no battle, nothing on the publication day or
    // on the collapsed ceasefire's Monday.
    assert_eq!(
        found(&atlas, EventKind::Shelling, "Stepanakert")
            .sources
            .len(),
        2,
        "{}",
        describe(&atlas)
    );
    assert_eq!(found(&atlas, EventKind::Shelling, "Ganja").sources.len(), 3);
    assert_no_kind(&atlas, EventKind::Fighting);
    assert!(
        atlas
            .events
            .iter()
            .all(|e| e.day.is_some_and(|d| d < day(2020, 10, 26))),
        "{}",
        describe(&atlas)
    );
    // "the latest attack" is a new one.
    let atlas = extract(vec![article(
        "latest.txt",
        "Rockets hit Stepanakert on October 4. The latest attack on Martuni killed two people.",
        day(2020, 10, 29),
    )]);
    assert_eq!(toll_at(&atlas, "Martuni").day, Some(day(2020, 10, 29)));
}

#[test]
fn a_sentence_goes_on_with_the_past_its_paragraph_recalls() {
    let atlas = extract(vec![article(
        "past.txt",
        "TARTAR, Azerbaijan (AP) — A shell landed in a courtyard in Tartar on Tuesday, killing \
         their 62-year-old neighbour.\n\n\
         For older residents, the sound of the guns is an old one. In 1992 and 1993, the town \
         was within range of Armenian artillery for months. Tens of thousands of Azerbaijanis \
         from Aghdam and Kalbajar passed through it as refugees.\n\n\
         Thousands of people have fled Kalbajar.",
        day(2020, 10, 22),
    )]);
    // The refugees of 1993 are no displacement of this war; the paragraph after comes back.
    assert_eq!(
        places_told_by(&atlas, Some(EventKind::Displacement), "have fled Kalbajar"),
        ["Kalbajar"]
    );
    assert!(
        atlas.events.iter().all(|e| e
            .sources
            .iter()
            .all(|s| !s.quote.contains("passed through"))),
        "{}",
        describe(&atlas)
    );
    // One victim named without a number is a toll of one, at the dateline's town.
    let toll = toll_at(&atlas, "Tartar");
    assert_eq!(deaths_of(toll), Some((1, false)));
}

#[test]
fn a_round_up_whose_lines_open_with_a_day_and_a_stop_keeps_each_line_s_day() {
    let atlas = extract(vec![article(
        "week.txt",
        "Karabakh war: week four in review\n\n\
         Thursday 15 October. Armenian shells hit a cemetery in Barda during a funeral.\n\n\
         Saturday 17 October. A missile destroyed a row of houses in Ganja.",
        day(2020, 10, 19),
    )]);
    assert_day(&atlas, EventKind::Shelling, "Barda", day(2020, 10, 15));
    assert_day(&atlas, EventKind::Shelling, "Ganja", day(2020, 10, 17));
}

#[test]
fn a_timeline_line_counts_its_days_from_its_own_day() {
    let atlas = extract(vec![article(
        "timeline.txt",
        "Timeline of the war\n\n\
         25 October – After separate talks with Mike Pompeo in Washington on Friday, the two \
         sides agree a US-brokered truce.\n\n\
         9 November – Azerbaijan shoots down a Russian helicopter over Armenia by mistake. Late \
         at night, Putin, Aliyev and Pashinyan sign a deal ending the war.\n\n\
         14 November – Residents leave. Baku agrees to postpone the handover.",
        day(2020, 11, 25),
    )]);
    let diplomacy_days = days_of(&atlas, EventKind::Diplomacy);
    // Friday before the line's 25 October, the night of 9 November, the 14 November line: not
    // the Friday, the night or the day of publication.
    for wanted in [day(2020, 10, 23), day(2020, 11, 9), day(2020, 11, 14)] {
        assert!(
            diplomacy_days.contains(&wanted),
            "{wanted} missing in\n{}",
            describe(&atlas)
        );
    }
    for wrong in [day(2020, 11, 20), day(2020, 11, 24), day(2020, 11, 25)] {
        assert!(
            !diplomacy_days.contains(&wrong),
            "{wrong} in\n{}",
            describe(&atlas)
        );
    }
}

#[test]
fn a_border_or_a_topic_of_talks_is_not_where_it_happened() {
    let atlas = extract(vec![article(
        "border.txt",
        "A Russian Mi-24 helicopter was shot down over Armenia near the border with Nakhchivan \
         on Monday evening. The foreign minister of Azerbaijan had a telephone conversation \
         with the UN Secretary-General on Tuesday about the attacks on civilians in Ganja and \
         Barda.",
        day(2020, 11, 10),
    )]);
    assert_none_at(&atlas, EventKind::Shelling, "Nakhchivan");
    found(&atlas, EventKind::Shelling, "Armenia");
    let call = first_of(&atlas, EventKind::Diplomacy);
    assert_eq!(place_names(&atlas, call), ["Baku"], "{}", describe(&atlas));
    // Talks held in a capital keep it as their venue.
    let atlas = extract(vec![article(
        "venue.txt",
        "The foreign ministers discussed the truce in Moscow on Friday.",
        day(2020, 10, 10),
    )]);
    found(&atlas, EventKind::Diplomacy, "Moscow");
}

#[test]
fn places_listed_with_their_own_days_each_keep_theirs() {
    let atlas = extract(vec![article(
        "list.txt",
        "Azerbaijani forces took the town of Jabrayil on October 9, Fuzuli on October 17 and \
         Zangilan on October 20, rolling up districts that Armenian forces had occupied in \
         1993.\n\nOn 4 October rockets hit Stepanakert, and on 16 October shells fell on Hadrut.",
        day(2020, 11, 26),
    )]);
    for (kind, place, wanted) in [
        (EventKind::Fighting, "Jabrayil", day(2020, 10, 9)),
        (EventKind::Fighting, "Fuzuli", day(2020, 10, 17)),
        (EventKind::Fighting, "Zangilan", day(2020, 10, 20)),
        (EventKind::Shelling, "Stepanakert", day(2020, 10, 4)),
        (EventKind::Shelling, "Hadrut", day(2020, 10, 16)),
    ] {
        let event = found(&atlas, kind, place);
        assert_eq!(event.day, Some(wanted), "{place} in\n{}", describe(&atlas));
        assert_eq!(event.places.len(), 1, "{place} in\n{}", describe(&atlas));
    }
    // Places that share one day stay one event.
    let atlas = extract(vec![article(
        "shared.txt",
        "Rockets hit Stepanakert and Martuni on Sunday, a day after the truce took effect on \
         Saturday.",
        day(2020, 10, 19),
    )]);
    assert_eq!(
        first_of(&atlas, EventKind::Shelling).places.len(),
        2,
        "{}",
        describe(&atlas)
    );
}

#[test]
fn where_the_displaced_went_and_words_in_passing_are_no_events() {
    let atlas = extract(vec![article(
        "passing.txt",
        "Residents of the Kalbajar district leave in long columns of cars towards Armenia, some \
         burning their houses behind them.\n\n\
         Submunitions that fail to explode on impact can kill and maim civilians for years.\n\n\
         Neither Armenia nor Azerbaijan is party to the Convention on Cluster Munitions.\n\n\
         The foreign ministers of Russia and France discussed the fighting in a call on \
         Thursday.\n\nThe wounded were taken to the Barda Central Hospital.\n\n\
         The ICRC supported the evacuation of the wounded from Stepanakert.",
        day(2020, 11, 14),
    )]);
    // Displaced from Kalbajar, not in Armenia where they went.
    found(&atlas, EventKind::Displacement, "the Kalbajar district");
    assert_none_at(&atlas, EventKind::Displacement, "Armenia");
    assert_no_kind(&atlas, EventKind::Shelling);
    assert_no_kind(&atlas, EventKind::Fighting);
    assert_none_at(&atlas, EventKind::Displacement, "Stepanakert");
    assert_none_at(&atlas, EventKind::Diplomacy, "Stepanakert");
    found(&atlas, EventKind::Diplomacy, "Moscow");
    assert!(
        atlas
            .events
            .iter()
            .all(|e| e.sources.iter().all(|s| !s.quote.contains("can kill"))),
        "{}",
        describe(&atlas)
    );
}

#[test]
fn the_following_day_and_a_toll_after_a_strike_take_the_days_told_before() {
    let atlas = extract(vec![article(
        "following.txt",
        "Azerbaijan said Ganja was shelled on Oct. 4. The city was hit again the following day, \
         when one person was killed.\n\nA Russian Mi-24 helicopter was shot down over Armenia on \
         November 9. Two crew members were killed and one was injured.",
        day(2020, 11, 21),
    )]);
    let ganja_days = days_of(&atlas, EventKind::Shelling);
    assert!(
        ganja_days.contains(&day(2020, 10, 5)),
        "{}",
        describe(&atlas)
    );
    assert_eq!(toll_at(&atlas, "Ganja").day, Some(day(2020, 10, 5)));
    let crew = toll_at(&atlas, "Armenia");
    assert_eq!(crew.day, Some(day(2020, 11, 9)), "{}", describe(&atlas));
}

#[test]
fn a_list_of_days_an_attacker_in_a_headline_and_a_speech_venue() {
    let atlas = extract(vec![article(
        "lists.txt",
        "Azerbaijan shells Martakert again\n\n\
         Ganja was struck on October 4, October 11 and October 17.\n\n\
         In a speech in Baku, Aliyev announced the capture of Shusha on Sunday.",
        day(2020, 11, 10),
    )]);
    let ganja_days = days_of(&atlas, EventKind::Shelling);
    for wanted in [day(2020, 10, 4), day(2020, 10, 11), day(2020, 10, 17)] {
        assert!(
            ganja_days.contains(&wanted),
            "{wanted} in\n{}",
            describe(&atlas)
        );
    }
    // The attacker is a party, not a scene; the speech's city is no battlefield.
    assert_none_at(&atlas, EventKind::Shelling, "Azerbaijan");
    found(&atlas, EventKind::Shelling, "Martakert");
    found(&atlas, EventKind::Fighting, "Shusha");
    assert_none_at(&atlas, EventKind::Fighting, "Baku");
    found(&atlas, EventKind::Diplomacy, "Baku");
}

#[test]
fn visits_returns_the_object_of_a_war_and_a_past_war() {
    let atlas = extract(vec![article(
        "visits.txt",
        "Lavrov and Shoigu are on a visit to Baku and Yerevan on Saturday.\n\n\
         A missile hit Ganja on Saturday, hours after a ceasefire was meant to halt fighting \
         over Nagorno-Karabakh.\n\n\
         Over the past day, 1,235 refugees have returned to Stepanakert.\n\n\
         Reuters journalists in Barda saw rescue workers pulling bodies from the rubble after \
         the rocket strike on Saturday.\n\n\
         About one million people on both sides were displaced by that conflict.",
        day(2020, 11, 21),
    )]);
    found(&atlas, EventKind::Diplomacy, "Baku");
    found(&atlas, EventKind::Diplomacy, "Yerevan");
    assert_none_at(&atlas, EventKind::Diplomacy, "Moscow");
    assert_eq!(
        place_names(&atlas, found(&atlas, EventKind::Shelling, "Ganja")),
        ["Ganja"]
    );
    // People coming back are where they come back to; journalists in a town are at the scene.
    found(&atlas, EventKind::Displacement, "Stepanakert");
    found(&atlas, EventKind::Shelling, "Barda");
    assert!(
        atlas
            .events
            .iter()
            .all(|e| e.sources.iter().all(|s| !s.quote.contains("that conflict"))),
        "{}",
        describe(&atlas)
    );
}

#[test]
fn people_forced_or_driven_from_their_homes_are_displaced() {
    let atlas = extract(vec![article(
        "homes.txt",
        "Shelling has driven tens of thousands of people out of their homes in Martakert.",
        day(2020, 10, 12),
    )]);
    let displaced = found(&atlas, EventKind::Displacement, "Martakert");
    assert_eq!(displaced.figures.displaced, None, "{}", describe(&atlas));
}

#[test]
fn demands_fears_aid_and_escorts_tell_of_nothing_of_their_own() {
    let atlas = extract(vec![article(
        "report.txt",
        "Azerbaijan should immediately stop using cluster munitions, Human Rights Watch said.\n\n\
         Azerbaijan is not known to have used cluster munitions before the current hostilities.\n\n\
         The real toll is feared to be far higher.\n\n\
         The ICRC supplied emergency shelter materials to families in Tartar and Goranboy.\n\n\
         Over the past day, 1,235 refugees have returned to Stepanakert under the protection of \
         Russian peacekeepers.",
        day(2020, 10, 23),
    )]);
    assert_no_kind(&atlas, EventKind::Shelling);
    assert_no_kind(&atlas, EventKind::Casualties);
    assert_no_kind(&atlas, EventKind::Diplomacy);
    assert_none_at(&atlas, EventKind::Displacement, "Tartar");
    found(&atlas, EventKind::Displacement, "Stepanakert");
}

#[test]
fn the_war_as_a_cause_and_what_happens_every_time_are_no_battles_or_strikes() {
    let atlas = extract(vec![article(
        "cause.txt",
        "The fighting has already forced thousands of people from their homes in Martakert.\n\n\
         \"Every time they announce a ceasefire, the shelling starts again the next morning,\" \
         said a shopkeeper in Tartar.",
        day(2020, 10, 26),
    )]);
    found(&atlas, EventKind::Displacement, "Martakert");
    assert_no_kind(&atlas, EventKind::Fighting);
    assert_no_kind(&atlas, EventKind::Shelling);
}

#[test]
fn a_headline_s_label_before_its_colon_is_no_scene() {
    let atlas = extract(vec![article(
        "labels.txt",
        "Armenia/Azerbaijan: Civilians killed by cluster munitions in Barda\n\n\
         Nagorno-Karabakh: Deadly strike on Ganja",
        day(2020, 10, 29),
    )]);
    found(&atlas, EventKind::Shelling, "Barda");
    found(&atlas, EventKind::Shelling, "Ganja");
    for label in ["Armenia", "Azerbaijan", "Nagorno-Karabakh"] {
        assert_none_at(&atlas, EventKind::Shelling, label);
        assert_none_at(&atlas, EventKind::Casualties, label);
    }
}

#[test]
fn a_trip_s_destination_and_the_same_day_of_an_announced_meeting() {
    let atlas = extract(vec![article(
        "trip.txt",
        "Armenia's Foreign Minister left for Washington on Thursday, where he will meet US \
         Secretary of State Mike Pompeo on Friday. The Azerbaijani Foreign Minister is to meet \
         Pompeo separately the same day.\n\n\
         On Monday, Azerbaijan shot down a Russian military helicopter over Armenia.",
        day(2020, 10, 22),
    )]);
    found(&atlas, EventKind::Diplomacy, "Washington");
    assert_none_at(&atlas, EventKind::Diplomacy, "Yerevan");
    assert!(
        atlas
            .events
            .iter()
            .filter(|e| e.sources.iter().any(|s| s.quote.contains("the same day")))
            .all(|e| e.day == Some(day(2020, 10, 23))),
        "{}",
        describe(&atlas)
    );
    found(&atlas, EventKind::Shelling, "Armenia");
    assert_none_at(&atlas, EventKind::Shelling, "Azerbaijan");
}

#[test]
fn terms_with_their_own_days_headings_and_a_possessive_border() {
    let atlas = extract(vec![article(
        "terms.txt",
        "CASUALTIES\n\n\
         Armenia must also hand over the Aghdam district to Azerbaijan by November 20, Kalbajar \
         by November 15 and Lachin by December 1.\n\n\
         The previous ceasefires, agreed in Moscow on October 10 and in Washington on October \
         25, collapsed.\n\n\
         Shells hit positions near Vardenis, a town close to the border with Azerbaijan's \
         Kelbajar district, on Monday.",
        day(2020, 11, 10),
    )]);
    for (place, wanted) in [
        ("the Aghdam district", day(2020, 11, 20)),
        ("Kalbajar", day(2020, 11, 15)),
        ("Lachin", day(2020, 12, 1)),
        ("Moscow", day(2020, 10, 10)),
        ("Washington", day(2020, 10, 25)),
    ] {
        let event = found(&atlas, EventKind::Diplomacy, place);
        assert_eq!(event.day, Some(wanted), "{place} in\n{}", describe(&atlas));
        assert_eq!(event.places.len(), 1, "{place} in\n{}", describe(&atlas));
    }
    assert_eq!(
        place_names(&atlas, first_of(&atlas, EventKind::Shelling)),
        ["Vardenis"]
    );
    assert!(
        atlas
            .events
            .iter()
            .all(|e| e.sources.iter().all(|s| s.quote != "CASUALTIES")),
        "{}",
        describe(&atlas)
    );
}

#[test]
fn undated_sentences_told_in_the_past_go_on_with_the_story_of_the_day_before() {
    // Published Thursday 22 October: "last night" is the 21st.
    let atlas = extract(vec![article(
        "story.txt",
        "Azerbaijani forces again fired at towns of Nagorno-Karabakh last night, the \
         ombudsman said on Thursday.\n\n\
         According to him, the town of Martakert was targeted with artillery. One civilian was \
         killed in Martuni and three others were wounded.\n\n\
         About 90,000 people have been displaced from Stepanakert. The army said 40 more \
         servicemen were killed, bringing its toll to 874.",
        day(2020, 10, 22),
    )]);
    let night = day(2020, 10, 21);
    assert_eq!(
        found(&atlas, EventKind::Shelling, "Martakert").day,
        Some(night)
    );
    assert_eq!(
        toll_at(&atlas, "Martuni").day,
        Some(night),
        "{}",
        describe(&atlas)
    );
    // The present perfect and a count of the war so far speak from the report's day.
    assert_day(
        &atlas,
        EventKind::Displacement,
        "Stepanakert",
        day(2020, 10, 22),
    );
    assert!(
        days_of(&atlas, EventKind::Casualties).contains(&day(2020, 10, 22)),
        "{}",
        describe(&atlas)
    );
}

#[test]
fn a_day_alone_on_its_line_heads_the_entries_below_it() {
    let atlas = extract(vec![article(
        "week.txt",
        "The week in Karabakh\n\nPublished 18 October 2020\n\n\
         Tuesday, 13 October\n\n\
         Rockets hit Stepanakert in the evening. Two civilians were killed.\n\n\
         Thursday, 15 October\n\n\
         Drones struck Martuni.\n\n\
         FRIDAY 16 OCTOBER\n\n\
         14:10 - Shelling of Ganja continues.\n\n\
         18 October 2020\n\n\
         Azerbaijani forces have shelled Tartar.",
        day(2020, 10, 18),
    )]);
    for (kind, place, wanted) in [
        (EventKind::Shelling, "Stepanakert", day(2020, 10, 13)),
        (EventKind::Shelling, "Martuni", day(2020, 10, 15)),
        (EventKind::Shelling, "Ganja", day(2020, 10, 16)),
        // The publication day's heading dates its entries on that day.
        (EventKind::Shelling, "Tartar", day(2020, 10, 18)),
    ] {
        assert_eq!(
            found(&atlas, kind, place).day,
            Some(wanted),
            "{place}: {}",
            describe(&atlas)
        );
    }
    assert!(
        days_of(&atlas, EventKind::Casualties).contains(&day(2020, 10, 13)),
        "{}",
        describe(&atlas)
    );
}

#[test]
fn a_headline_is_told_by_the_report_below_it() {
    let atlas = extract(vec![article(
        "headline.txt",
        "Azerbaijan shells Martakert again as talks stall\n\n\
         STEPANAKERT, Oct 22 - Azerbaijani forces fired rockets at Martakert last night, the \
         separatist authorities said on Thursday.",
        day(2020, 10, 22),
    )]);
    let shelling: Vec<&Event> = atlas
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Shelling)
        .collect();
    assert_eq!(shelling.len(), 1, "{}", describe(&atlas));
    assert_eq!(shelling[0].day, Some(day(2020, 10, 21)));
    // Its source is the report's sentence, which says more than the headline.
    assert_eq!(shelling[0].sources.len(), 1, "{}", describe(&atlas));
    assert!(shelling[0].sources[0].quote.starts_with("STEPANAKERT"));
    // A headline whose report names no day stays on the publication day.
    let atlas = extract(vec![article(
        "alone.txt",
        "Azerbaijan shells Martakert again\n\nAzerbaijani forces are shelling Martakert, the \
         separatist authorities say.",
        day(2020, 10, 22),
    )]);
    let report = found(&atlas, EventKind::Shelling, "Martakert");
    assert_eq!(report.day, Some(day(2020, 10, 22)));
    assert_eq!(report.sources.len(), 1, "{}", describe(&atlas));
    // A headline with no report below it is the article's report.
    let atlas = extract(vec![article(
        "only.txt",
        "Azerbaijan shells Martakert again\n\nTalks in Moscow ended without a deal.",
        day(2020, 10, 22),
    )]);
    found(&atlas, EventKind::Shelling, "Martakert");
}

#[test]
fn trends_and_what_was_not_said_tell_of_nothing() {
    for text in [
        "The number of civilians killed in Stepanakert continues to rise.",
        "Civilian deaths in Ganja keep climbing.",
        "Both sides have repeatedly accused each other of shelling Stepanakert.",
        "Human Rights Watch said the strikes on Stepanakert should be investigated as possible \
         war crimes.",
        "The foreign ministry did not say whether Lavrov and Bayramov discussed the fighting in \
         Moscow.",
    ] {
        let atlas = extract(vec![article("trend.txt", text, day(2020, 10, 29))]);
        assert!(atlas.events.is_empty(), "{text}: {}", describe(&atlas));
    }
    // "inflicting significant losses on the enemy" tells of a battle, not a toll.
    let atlas = extract(vec![article(
        "losses.txt",
        "Troops repelled the offensive near Hadrut, inflicting significant losses on the enemy.",
        day(2020, 10, 29),
    )]);
    found(&atlas, EventKind::Fighting, "Hadrut");
    assert_no_kind(&atlas, EventKind::Casualties);
}

#[test]
fn a_witness_in_their_own_words_adds_to_the_report_and_tells_no_event_of_its_own() {
    let atlas = extract(vec![article(
        "witness.txt",
        "Rockets struck Stepanakert on Saturday night, the separatist authorities said.\n\n\
         \"There were explosions everywhere, like firecrackers, but much louder,\" said Anahit, \
         64, who has spent four nights in a basement in Stepanakert.",
        day(2020, 10, 5),
    )]);
    // Her words are no second strike on the day of the report.
    assert_eq!(
        days_of(&atlas, EventKind::Shelling),
        [day(2020, 10, 3)],
        "{}",
        describe(&atlas)
    );
    // What she tells outside the quote is told: she is sheltering.
    found(&atlas, EventKind::Displacement, "Stepanakert");
}

#[test]
fn a_mine_blame_in_general_and_a_researchers_visit_are_neither_strikes_nor_talks() {
    let atlas = extract(vec![article(
        "mine.txt",
        "A roadside mine exploded under a tractor near Fuzuli on Monday, killing three farmers. \
         Troops clashed near Martuni for a third day, each side accusing the other of shelling \
         villages. Researchers who visited Stepanakert found that Azerbaijani forces struck the \
         town on October 3.",
        day(2020, 10, 29),
    )]);
    assert_none_at(&atlas, EventKind::Shelling, "Fuzuli");
    toll_at(&atlas, "Fuzuli");
    assert_none_at(&atlas, EventKind::Shelling, "Martuni");
    found(&atlas, EventKind::Fighting, "Martuni");
    assert_no_kind(&atlas, EventKind::Diplomacy);
    assert_day(&atlas, EventKind::Shelling, "Stepanakert", day(2020, 10, 3));
}

#[test]
fn a_toll_told_with_the_attack_that_goes_on_is_at_its_place() {
    let atlas = extract(vec![article(
        "second.txt",
        "A shell hit the hospital in Martuni on Monday. The second blast wounded four nurses.",
        day(2020, 10, 29),
    )]);
    let toll = toll_at(&atlas, "Martuni");
    assert_eq!(toll.day, Some(day(2020, 10, 26)));
    assert_eq!(toll.places.len(), 1, "{}", describe(&atlas));
}

#[test]
fn who_told_it_is_neither_an_event_nor_its_place() {
    let atlas = extract(vec![article(
        "sources.txt",
        "On 14 October, a rocket attack on Martuni, according to three farmers who later fled to \
         Goris, destroyed a school and wounded a boy.\n\n\
         Shells hit Hadrut on Sunday, according to two residents interviewed after they fled to \
         Armenia.",
        day(2020, 10, 29),
    )]);
    assert_no_kind(&atlas, EventKind::Displacement);
    for place in ["Goris", "Armenia"] {
        assert!(
            atlas
                .events
                .iter()
                .all(|e| !place_names(&atlas, e).contains(&place.to_string())),
            "{place} in\n{}",
            describe(&atlas)
        );
    }
    let toll = toll_at(&atlas, "Martuni");
    assert_eq!(toll.day, Some(day(2020, 10, 14)));
    assert_eq!(value(&toll.figures.injured), Some(1));
    assert!(toll.figures.displaced.is_none());
}

#[test]
fn who_asked_for_a_meeting_is_not_where_it_is_held() {
    let atlas = extract(vec![article(
        "request.txt",
        "The UN Security Council will meet on Thursday at the request of France and Russia.",
        day(2020, 10, 29),
    )]);
    for place in ["Paris", "Moscow"] {
        assert_none_at(&atlas, EventKind::Diplomacy, place);
    }
}

#[test]
fn an_entry_title_is_told_by_the_entry_below_it() {
    let atlas = extract(vec![article(
        "live.txt",
        "Live: fighting in Nagorno-Karabakh\n\n\
         09:05 GMT - Azerbaijan says Armenian forces shelled Tartar\n\n\
         Azerbaijan's defence ministry said Armenian forces shelled Tartar overnight.\n\n\
         11:20 GMT - Ministers to meet in Geneva\n",
        day(2020, 10, 28),
    )]);
    let shelling = found(&atlas, EventKind::Shelling, "Tartar");
    assert_eq!(shelling.day, Some(day(2020, 10, 27)));
    assert_eq!(
        of_kind(&atlas, EventKind::Shelling).len(),
        1,
        "{}",
        describe(&atlas)
    );
    // An entry that is all title is the report.
    found(&atlas, EventKind::Diplomacy, "Geneva");
}

#[test]
fn outskirts_are_the_town_and_what_a_war_left_behind_is_no_strike() {
    let atlas = extract(vec![article(
        "left.txt",
        "Shells fell on the outskirts of Tartar on Monday. On Tuesday a shepherd was maimed when \
         he stepped on an unexploded mortar round near Fuzuli. Russian peacekeepers escorted \
         about 700 displaced people back to Stepanakert on Thursday.",
        day(2020, 11, 20),
    )]);
    found(&atlas, EventKind::Shelling, "Tartar");
    assert_none_at(&atlas, EventKind::Shelling, "Fuzuli");
    found(&atlas, EventKind::Displacement, "Stepanakert");
    assert_no_kind(&atlas, EventKind::Diplomacy);
}

#[test]
fn a_standing_state_is_no_act_of_the_day() {
    for text in [
        "Russia keeps a military base in Gyumri under a defence treaty and has so far urged calm.",
        "The corridor remains under the control of Russian peacekeepers.",
    ] {
        let atlas = extract(vec![article("state.txt", text, day(2020, 11, 20))]);
        assert!(atlas.events.is_empty(), "{text}: {}", describe(&atlas));
    }
}

#[test]
fn help_given_to_the_displaced_is_not_their_flight() {
    for text in [
        "UNHCR provided blankets and hygiene kits to some 3,000 displaced people in Goris.",
        "The agency has so far supplied blankets and counselling to over 9,000 displaced people \
         in Stepanakert.",
    ] {
        let atlas = extract(vec![article("aid.txt", text, day(2020, 11, 6))]);
        assert_no_kind(&atlas, EventKind::Displacement);
    }
    let atlas = extract(vec![article(
        "fled.txt",
        "Some 3,000 people have fled Hadrut, the Red Cross said as it distributed blankets.",
        day(2020, 11, 6),
    )]);
    found(&atlas, EventKind::Displacement, "Hadrut");
}

#[test]
fn a_district_troops_enter_under_a_deal_is_where_it_is_carried_out() {
    let atlas = extract(vec![article(
        "entered.txt",
        "Azerbaijani troops entered the Aghdam district on Friday under the peace deal.",
        day(2020, 11, 21),
    )]);
    let handover = found(&atlas, EventKind::Diplomacy, "Aghdam");
    assert_eq!(handover.day, Some(day(2020, 11, 20)));
    assert_none_at(&atlas, EventKind::Diplomacy, "Baku");
}

#[test]
fn troops_that_withdraw_leave_ground_there_and_under_a_deal_it_is_the_handover() {
    let atlas = extract(vec![
        article(
            "retreat.txt",
            "Armenian units retreated from positions near Fuzuli on Tuesday, the Azerbaijani \
             defence ministry said.\n\n\
             The last Armenian soldiers pulled out of Lachin on Wednesday.",
            day(2020, 11, 19),
        ),
        article(
            "handover.txt",
            "Under the peace deal, Armenian forces withdrew from the Kalbajar district on \
             Wednesday.",
            day(2020, 11, 26),
        ),
    ]);
    let retreat = found(&atlas, EventKind::Fighting, "Fuzuli");
    assert_eq!(retreat.day, Some(day(2020, 11, 17)));
    let left = found(&atlas, EventKind::Fighting, "Lachin");
    assert_eq!(left.day, Some(day(2020, 11, 18)));
    let handover = found(&atlas, EventKind::Diplomacy, "Kalbajar District");
    assert_eq!(handover.day, Some(day(2020, 11, 25)));
    assert_none_at(&atlas, EventKind::Fighting, "Kalbajar District");
}

#[test]
fn damage_with_no_day_and_no_strike_told_is_a_state_not_a_strike() {
    let atlas = extract(vec![
        article(
            "aftermath.txt",
            "Many returnees found their homes in Martuni damaged, without heating or water.\n\n\
             The charity is giving roofing sheets to families in Tartar whose houses were damaged.",
            day(2020, 12, 1),
        ),
        article(
            "strike.txt",
            "Rockets hit Stepanakert on Friday. A maternity hospital was damaged.\n\n\
             The school in Hadrut was damaged on Saturday, officials said.",
            day(2020, 10, 5),
        ),
    ]);
    assert_none_at(&atlas, EventKind::Shelling, "Martuni");
    assert_none_at(&atlas, EventKind::Shelling, "Tartar");
    // Damage told after a strike, or on a day of its own, is still a strike's.
    let strike = found(&atlas, EventKind::Shelling, "Stepanakert");
    assert_eq!(strike.day, Some(day(2020, 10, 2)));
    assert_eq!(strike.sources.len(), 2, "{}", describe(&atlas));
    let school = found(&atlas, EventKind::Shelling, "Hadrut");
    assert_eq!(school.day, Some(day(2020, 10, 3)));
}

#[test]
fn a_country_that_speaks_past_an_apposition_is_the_speaker_not_the_country_it_names() {
    let atlas = extract(vec![article(
        "reactions.txt",
        "Italy, which hosts several diaspora groups, asked that the accord respect Armenia's \
         concerns.\n\n\
         France, a co-chair of the Minsk Group, urged that Azerbaijan's interests be protected.",
        day(2020, 11, 12),
    )]);
    found(&atlas, EventKind::Diplomacy, "Rome");
    found(&atlas, EventKind::Diplomacy, "Paris");
    assert_none_at(&atlas, EventKind::Diplomacy, "Yerevan");
    assert_none_at(&atlas, EventKind::Diplomacy, "Baku");
}

#[test]
fn a_statement_denied_is_no_diplomacy_of_its_own() {
    let atlas = extract(vec![article(
        "rebuttal.txt",
        "Azerbaijan said its troops had captured Hadrut on Friday.\n\n\
         A rebel spokesman called the Azerbaijani statement untrue.\n\n\
         The Azerbaijani side called the Armenian statement a fabrication.",
        day(2020, 10, 10),
    )]);
    found(&atlas, EventKind::Fighting, "Hadrut");
    assert_no_kind(&atlas, EventKind::Diplomacy);
}

#[test]
fn a_rebuttal_that_says_the_fight_goes_on_answers_the_capture_it_rejects() {
    let atlas = extract(vec![article(
        "rebuttal.txt",
        "The army announced the capture of Hadrut on Sunday.\n\n\
         The rebels rejected the claim and said battles were still raging for the town.\n\n\
         Azerbaijan said Armenian forces shelled Tartar on Monday. The Karabakh defence ministry \
         denied the report and accused Azerbaijani forces of shelling Martuni.",
        day(2020, 10, 13),
    )]);
    let capture = found(&atlas, EventKind::Fighting, "Hadrut");
    assert_eq!(capture.day, Some(day(2020, 10, 11)));
    assert_eq!(capture.sources.len(), 2, "{}", describe(&atlas));
    assert!(capture.sources[1].denied, "{}", describe(&atlas));
    let fights = of_kind(&atlas, EventKind::Fighting);
    assert_eq!(fights.len(), 1, "{}", describe(&atlas));
    // A counter-accusation is a claim of its own, not denied.
    let accused = found(&atlas, EventKind::Shelling, "Martuni");
    assert!(
        accused.sources.iter().all(|s| !s.denied),
        "{}",
        describe(&atlas)
    );
}

#[test]
fn people_who_leave_a_town_under_fire_are_displaced_there_not_where_they_go() {
    let atlas = extract(vec![
        article(
            "crowds.txt",
            "Crowds of residents left Tartar for Yevlakh on Monday.",
            day(2020, 10, 20),
        ),
        article(
            "town.txt",
            "Shells hit Barda on Sunday. Residents left the town for Ganja.",
            day(2020, 10, 20),
        ),
        article(
            "road.txt",
            "Stepanakert was again shelled on Monday, residents said, and thousands of people \
             left the city towards Armenia along the Lachin road.",
            day(2020, 11, 10),
        ),
    ]);
    let left = found(&atlas, EventKind::Displacement, "Tartar");
    assert_eq!(left.day, Some(day(2020, 10, 19)));
    assert_eq!(left.places.len(), 1, "{}", describe(&atlas));
    // "the town" is the town just shelled, and the flight is on the story's day.
    let left = found(&atlas, EventKind::Displacement, "Barda");
    assert_eq!(left.day, Some(day(2020, 10, 18)), "{}", describe(&atlas));
    assert_none_at(&atlas, EventKind::Displacement, "Ganja");
    // The way out and where it leads are no scene of the strike or of the flight.
    let strike = found(&atlas, EventKind::Shelling, "Stepanakert");
    assert_eq!(strike.places.len(), 1, "{}", describe(&atlas));
    let fled = found(&atlas, EventKind::Displacement, "Stepanakert");
    assert_eq!(fled.day, Some(day(2020, 11, 9)));
    assert_eq!(fled.places.len(), 1, "{}", describe(&atlas));
}

#[test]
fn two_kinds_told_in_two_clauses_each_keep_their_own_places_and_day() {
    let atlas = extract(vec![
        article(
            "clauses.txt",
            "The ministry reported on Thursday that Barda and Beylagan districts had come under \
             shelling and that clashes had flared overnight near Fuzuli.\n\n\
             Talks were held in Moscow on Friday, while shelling went on in Tartar.",
            day(2020, 10, 16),
        ),
        article(
            "list.txt",
            "Azerbaijani forces shelled Stepanakert, the region's capital, and the nearby town of \
             Shushi overnight, forcing the few remaining residents back into basements.\n\n\
             Azerbaijan's defence ministry said Armenian forces had fired on the towns of Tartar \
             and Beylagan, killing one civilian.",
            day(2020, 10, 30),
        ),
    ]);
    let shelled = found(&atlas, EventKind::Shelling, "Barda");
    assert_eq!(shelled.day, Some(day(2020, 10, 15)));
    assert!(
        !place_names(&atlas, shelled).iter().any(|p| p == "Fuzuli"),
        "{}",
        describe(&atlas)
    );
    let clashes = found(&atlas, EventKind::Fighting, "Fuzuli");
    assert_eq!(clashes.places.len(), 1, "{}", describe(&atlas));
    assert_none_at(&atlas, EventKind::Fighting, "Barda");
    assert_none_at(&atlas, EventKind::Shelling, "Fuzuli");
    found(&atlas, EventKind::Diplomacy, "Moscow");
    found(&atlas, EventKind::Shelling, "Tartar");
    assert_none_at(&atlas, EventKind::Diplomacy, "Tartar");
    assert_none_at(&atlas, EventKind::Shelling, "Moscow");
    // A list of places after a comma and "and" is no clause of its own, and a toll is the
    // strike's.
    let strike = found(&atlas, EventKind::Shelling, "Stepanakert");
    assert!(
        place_names(&atlas, strike).iter().any(|p| p == "Shusha"),
        "{}",
        describe(&atlas)
    );
    found(&atlas, EventKind::Shelling, "Beylagan");
    assert_no_kind(&atlas, EventKind::Casualties);
}

#[test]
fn returns_are_where_people_come_back_not_where_they_come_from() {
    let atlas = extract(vec![
        article(
            "returns.txt",
            "Shusha slowly came back to life. On November 15 a first convoy of returnees drove \
             in from Yerevan. Some 1,200 people had returned to the town by Friday, police said.",
            day(2020, 11, 21),
        ),
        article(
            "total.txt",
            "More than 28,000 people had returned to Nagorno-Karabakh from Armenia by 2 December.",
            day(2020, 12, 4),
        ),
    ]);
    assert_none_at(&atlas, EventKind::Displacement, "Armenia");
    assert_none_at(&atlas, EventKind::Displacement, "Yerevan");
    // Not Armenia's Syunik Province either, whose point lies near Shusha: a region holds the
    // places of its own country.
    assert_none_at(&atlas, EventKind::Displacement, "Syunik Province");
    let back = found(&atlas, EventKind::Displacement, "Shusha");
    assert_eq!(back.day, Some(day(2020, 11, 20)));
    found(&atlas, EventKind::Displacement, "Nagorno-Karabakh");
}

#[test]
fn fighting_that_enters_its_third_week_frames_the_news_and_is_no_battle() {
    let atlas = extract(vec![article(
        "frame.txt",
        "A school in Fuzuli was shelled on Thursday, injuring two teachers, while fighting \
         between the armies entered a 19th day.\n\n\
         Rebel forces shelled Tartar on Sunday, the ministry said, as clashes in the valley \
         entered their third week.",
        day(2020, 10, 15),
    )]);
    found(&atlas, EventKind::Shelling, "Fuzuli");
    found(&atlas, EventKind::Shelling, "Tartar");
    assert_no_kind(&atlas, EventKind::Fighting);
}

#[test]
fn deaths_an_authority_has_recorded_or_puts_at_a_number_are_a_running_total() {
    let atlas = extract(vec![article(
        "register.txt",
        "Rebel officials in Nagorno-Karabakh have recorded 870 military deaths.\n\n\
         Azerbaijan's human rights ombudsman put civilian deaths at 15.",
        day(2020, 10, 15),
    )]);
    let running: Vec<_> = atlas.events.iter().filter_map(deaths_of).collect();
    assert_eq!(
        running,
        vec![(870, true), (15, true)],
        "{}",
        describe(&atlas)
    );
}

#[test]
fn where_the_wounded_are_in_surgery_is_no_scene() {
    let atlas = extract(vec![article(
        "surgery.txt",
        "A school in Fuzuli was shelled on Thursday, wounding two teachers. One teacher was \
         badly injured and is in surgery in Tartar.",
        day(2020, 10, 16),
    )]);
    found(&atlas, EventKind::Shelling, "Fuzuli");
    assert_none_at(&atlas, EventKind::Casualties, "Tartar");
}

#[test]
fn a_subheading_of_a_few_words_without_a_stop_is_a_label() {
    let atlas = extract(vec![article(
        "review.txt",
        "Armenian troops left the Aghdam district on Friday.\n\n\
         Handover day in Zangilan\n\n\
         Residents packed their belongings and waited.",
        day(2020, 11, 21),
    )]);
    found(&atlas, EventKind::Fighting, "Aghdam District");
    assert_none_at(&atlas, EventKind::Diplomacy, "Zangilan");
}

#[test]
fn how_a_witness_lives_now_is_no_event_but_what_they_went_through_is() {
    let atlas = extract(vec![
        article(
            "now.txt",
            "\"Nobody sleeps any more,\" said Mira, a teacher who now lives in a shelter in \
             Stepanakert.",
            day(2020, 11, 21),
        ),
        article(
            "nights.txt",
            "\"We heard the whistle and then everything shook,\" said Anna, 64, who has spent \
             the past four nights in the basement of her building in Martuni.",
            day(2020, 10, 5),
        ),
    ]);
    assert_none_at(&atlas, EventKind::Displacement, "Stepanakert");
    found(&atlas, EventKind::Displacement, "Martuni");
}

#[test]
fn calls_to_a_hotline_and_the_posts_peacekeepers_man_are_no_diplomacy() {
    let atlas = extract(vec![article(
        "aid.txt",
        "The charity's hotline has received over 800 calls from relatives in Azerbaijan and \
         Armenia.\n\n\
         About 900 peacekeepers now man a dozen checkpoints on the road to Lachin.",
        day(2020, 11, 21),
    )]);
    assert_no_kind(&atlas, EventKind::Diplomacy);
}

#[test]
fn a_press_release_statement_quoted_paragraph_by_paragraph_reports_its_facts() {
    // Published on the dateline's day: no date pinned here.
    let text = "UNICEF\nPress release\n\nChildren in the line of fire\n\n\
        Statement by Jane Doe, Regional Director\n\n\
        VIENNA, 30 October 2020 - \"On Monday a rocket landed in Beylagan, injuring four people. \
        Two days later Barda was hit.\n\n\
        \"Also on Tuesday, artillery damaged a bakery in Tartar.\n\n\
        \"We call on all parties to protect children.\"\n\n\
        \"Nobody sleeps,\" said Anna, a teacher who lives in a shelter in Stepanakert.";
    let published = karabakh_atlas::corpus::publication_date(text).map(|p| p.day);
    assert_eq!(published, Some(day(2020, 10, 30)));
    let atlas = extract(vec![article("release.txt", text, day(2020, 10, 30))]);
    let beylagan = found(&atlas, EventKind::Shelling, "Beylagan");
    assert_eq!(beylagan.day, Some(day(2020, 10, 26)));
    let tartar = found(&atlas, EventKind::Shelling, "Tartar");
    assert_eq!(tartar.day, Some(day(2020, 10, 27)));
    let barda = found(&atlas, EventKind::Shelling, "Barda");
    assert_eq!(barda.day, Some(day(2020, 10, 28)));
    // A witness's own words after it are still no report.
    assert_none_at(&atlas, EventKind::Displacement, "Stepanakert");
}

#[test]
fn word_senses_operations_and_the_fallen_of_the_war() {
    let atlas = extract(vec![article(
        "senses.txt",
        "On Sunday, Nagorno-Karabakh's defence ministry listed 25 further troops who fell in the \
         war.\n\n\
         On Monday the army began an operation against rebel units holding two hamlets close to \
         Hadrut.\n\n\
         Along the main road in Fuzuli stand the blackened shells of former shops.\n\n\
         Beylagan, where her brother lives, came under rocket fire on Monday.\n\n\
         Protesters in Yerevan keep up their calls for his resignation.",
        day(2020, 11, 4),
    )]);
    let fallen = found(&atlas, EventKind::Casualties, "Nagorno-Karabakh");
    assert_eq!(deaths_of(fallen), Some((25, false)), "{}", describe(&atlas));
    let operation = found(&atlas, EventKind::Fighting, "Hadrut");
    assert_eq!(operation.day, Some(day(2020, 11, 2)));
    assert_none_at(&atlas, EventKind::Shelling, "Fuzuli");
    found(&atlas, EventKind::Shelling, "Beylagan");
    assert_none_at(&atlas, EventKind::Casualties, "Beylagan");
    assert_no_kind(&atlas, EventKind::Diplomacy);
}

#[test]
fn a_wire_dateline_with_the_country_in_brackets_is_where_the_report_was_filed() {
    let atlas = extract(vec![article(
        "wire.txt",
        "Barda (Azerbaijan) (AFP) - Artillery fire on Tartar on Thursday injured a nurse.",
        day(2020, 10, 16),
    )]);
    let strike = found(&atlas, EventKind::Shelling, "Tartar");
    assert_eq!(
        place_names(&atlas, strike),
        vec!["Tartar"],
        "{}",
        describe(&atlas)
    );
}

#[test]
fn overnight_under_a_day_heading_is_the_night_that_led_into_that_day() {
    let atlas = extract(vec![article(
        "live.txt",
        "Live: Nagorno-Karabakh fighting\n\nOctober 20, 2020\n\nTUESDAY, OCTOBER 20\n\n\
         10:15 Rockets hit Barda this morning, officials said.\n\nMONDAY, OCTOBER 19\n\n\
         09:30 Azerbaijani artillery shelled Martuni overnight, the Karabakh emergency service \
         said.\n\n18:00 Fighting raged near Fuzuli late at night.",
        day(2020, 10, 20),
    )]);
    let night = found(&atlas, EventKind::Shelling, "Martuni");
    assert_eq!(night.day, Some(day(2020, 10, 18)), "{}", describe(&atlas));
    // "Late at night" under the heading is that day's night.
    let late = found(&atlas, EventKind::Fighting, "Fuzuli");
    assert_eq!(late.day, Some(day(2020, 10, 19)));
    let morning = found(&atlas, EventKind::Shelling, "Barda");
    assert_eq!(morning.day, Some(day(2020, 10, 20)));
}

#[test]
fn a_truce_that_takes_effect_holds_where_the_fighting_is_not_at_its_mediator() {
    let atlas = extract(vec![article(
        "truce.txt",
        "Fighting raged in Nagorno-Karabakh for a third week. A ceasefire agreed with Russian \
         mediation took effect at midnight on Saturday.",
        day(2020, 10, 20),
    )]);
    let truce = found(&atlas, EventKind::Diplomacy, "Nagorno-Karabakh");
    assert_eq!(truce.day, Some(day(2020, 10, 17)));
    assert_none_at(&atlas, EventKind::Diplomacy, "Moscow");
    // Agreed or announced with no one named, on the day of its timeline entry.
    let atlas = extract(vec![article(
        "announced.txt",
        "Fighting raged in Nagorno-Karabakh.\n\nSaturday 17 October\n\nIn the evening, both \
         ministries announce a new truce from midnight.",
        day(2020, 10, 27),
    )]);
    assert_day(
        &atlas,
        EventKind::Diplomacy,
        "Nagorno-Karabakh",
        day(2020, 10, 17),
    );
    // A truce that only dates a strike is no diplomacy of its own.
    let atlas = extract(vec![article(
        "dated.txt",
        "Fighting raged in Nagorno-Karabakh. Cluster munitions hit the centre of Hadrut on \
         October 9, a day before the humanitarian ceasefire took effect.",
        day(2020, 10, 20),
    )]);
    assert_no_kind(&atlas, EventKind::Diplomacy);
    // The Russian troops of a deal do not speak from Moscow either; the corridor's ends only
    // say where it runs.
    let atlas = extract(vec![article(
        "deployed.txt",
        "Russian peacekeepers began arriving on Tuesday along the Lachin corridor that links \
         Stepanakert to Armenia.",
        day(2020, 11, 12),
    )]);
    let arrival = first_of(&atlas, EventKind::Diplomacy);
    assert_eq!(
        place_names(&atlas, arrival),
        ["Lachin"],
        "{}",
        describe(&atlas)
    );
}

#[test]
fn the_toll_a_sentence_gives_with_its_strike_is_that_strikes() {
    let atlas = extract(vec![article(
        "strike.txt",
        "A missile strike on a residential building in Ganja killed nine people overnight, \
         Azerbaijan said on Sunday.",
        day(2020, 10, 11),
    )]);
    let strike = found(&atlas, EventKind::Shelling, "Ganja");
    assert_eq!(deaths_of(strike), Some((9, false)));
    assert_no_kind(&atlas, EventKind::Casualties);
    // A toll of the war told beside a strike stays a report of its own.
    let atlas = extract(vec![article(
        "total.txt",
        "Rockets hit Stepanakert on Friday as the separatists said their military death toll \
         had risen to 350.",
        day(2020, 10, 11),
    )]);
    assert_eq!(
        found(&atlas, EventKind::Shelling, "Stepanakert")
            .figures
            .deaths,
        None
    );
    let total = first_of(&atlas, EventKind::Casualties);
    assert_eq!(deaths_of(total), Some((350, true)), "{}", describe(&atlas));
}

#[test]
fn things_counted_beside_a_toll_are_not_its_victims() {
    let atlas = extract(vec![article(
        "houses.txt",
        "Shusha was shelled on Tuesday. A 70-year-old woman was wounded, and at least 12 houses \
         in the eastern part of the town were damaged.",
        day(2020, 11, 4),
    )]);
    for event in atlas.events.iter() {
        let injured = value(&event.figures.injured);
        assert_ne!(injured, Some(12), "{}", describe(&atlas));
    }
}

#[test]
fn the_name_of_a_live_page_is_no_news() {
    let atlas = extract(vec![article(
        "live.txt",
        "Armenia-Azerbaijan ceasefire: Live updates\n\nNagorno-Karabakh fighting: live\n\n\
         Lavrov spoke by phone on Sunday with Bayramov.",
        day(2020, 10, 11),
    )]);
    assert_no_kind(&atlas, EventKind::Fighting);
    assert_none_at(&atlas, EventKind::Diplomacy, "Baku");
    assert_none_at(&atlas, EventKind::Diplomacy, "Yerevan");
}

#[test]
fn a_car_that_hits_a_mine_is_no_shelling() {
    let atlas = extract(vec![article(
        "mine.txt",
        "On Thursday, two men were killed when their car hit an anti-tank mine near a village in \
         Fuzuli district, the prosecutor's office said.",
        day(2020, 11, 14),
    )]);
    assert_no_kind(&atlas, EventKind::Shelling);
    let toll = first_of(&atlas, EventKind::Casualties);
    assert_eq!(deaths_of(toll), Some((2, false)));
}

#[test]
fn peacekeepers_are_where_they_deploy_and_a_deal_to_end_fighting_is_no_battle() {
    let atlas = extract(vec![article(
        "posts.txt",
        "The Russian defence ministry said on Tuesday that peacekeepers had set up observation \
         posts near Martakert. Armenia and Azerbaijan signed an agreement to end fighting on \
         Monday.",
        day(2020, 11, 18),
    )]);
    let posts = found(&atlas, EventKind::Diplomacy, "Martakert");
    assert_eq!(posts.day, Some(day(2020, 11, 17)));
    assert_none_at(&atlas, EventKind::Diplomacy, "Moscow");
    assert_no_kind(&atlas, EventKind::Fighting);
}

#[test]
fn a_death_by_shrapnel_is_one_strike() {
    let atlas = extract(vec![article(
        "shrapnel.txt",
        "A woman was killed by shrapnel in her garden in Tartar on Sunday.",
        day(2020, 10, 27),
    )]);
    let strike = found(&atlas, EventKind::Shelling, "Tartar");
    assert_eq!(strike.day, Some(day(2020, 10, 25)));
    assert_no_kind(&atlas, EventKind::Casualties);
}

#[test]
fn a_wire_revision_note_is_no_report() {
    let atlas = extract(vec![article(
        "update.txt",
        "UPDATE 2-Azerbaijan says Ganja shelled\n\nBAKU, Oct 5 (Reuters) -\n\n(Adds casualty \
         figures from shelling of Ganja, quotes)\n\nArmenian forces shelled Ganja on Monday, \
         Azerbaijan said.",
        day(2020, 10, 5),
    )]);
    assert_no_kind(&atlas, EventKind::Casualties);
    let strike = found(&atlas, EventKind::Shelling, "Ganja");
    assert!(
        strike.sources.iter().all(|s| !s.quote.starts_with("(Adds")),
        "{}",
        describe(&atlas)
    );
}

#[test]
fn reach_films_undisclosed_losses_and_standing_deployments_are_no_events() {
    for text in [
        "We assess that Azerbaijani forces are within artillery range of the Lachin road.",
        "The Armenian army has not disclosed its losses.",
        "Azerbaijan continues to publish drone strike videos from Fuzuli daily.",
        "Peacekeepers are deployed along the Lachin corridor.",
    ] {
        let atlas = extract(vec![article("standing.txt", text, day(2020, 11, 20))]);
        assert!(atlas.events.is_empty(), "{text}: {}", describe(&atlas));
    }
}

#[test]
fn a_future_in_a_clause_of_its_own_leaves_the_day_in_the_past() {
    // 16 November 2020 was a Monday: "on Saturday" is the 14th, whatever is "to be handed over".
    let atlas = extract(vec![article(
        "burned.txt",
        "Residents of Kalbajar set fire to their houses on Saturday before leaving the district, \
         which is to be handed over to Azerbaijan.",
        day(2020, 11, 16),
    )]);
    let left = found(&atlas, EventKind::Displacement, "Kalbajar");
    assert_eq!(left.day, Some(day(2020, 11, 14)), "{}", describe(&atlas));
}

#[test]
fn the_dead_recovered_are_a_toll_and_bodies_of_the_un_are_not() {
    let atlas = extract(vec![article(
        "bodies.txt",
        "Search teams recovered the remains of 12 servicemen near Hadrut on Tuesday. Rescuers \
         found 15 more bodies in the Jabrayil district on Wednesday. International bodies called \
         for calm. The truce was meant to allow the two sides to swap prisoners and the bodies of \
         those killed.",
        day(2020, 11, 20),
    )]);
    let hadrut = toll_at(&atlas, "Hadrut");
    assert_eq!(hadrut.day, Some(day(2020, 11, 17)));
    assert_eq!(deaths_of(hadrut), Some((12, false)));
    assert_eq!(
        deaths_of(toll_at(&atlas, "Jabrayil District")),
        Some((15, false))
    );
    assert_eq!(
        of_kind(&atlas, EventKind::Casualties).len(),
        2,
        "{}",
        describe(&atlas)
    );
}

#[test]
fn a_paragraph_told_in_the_past_keeps_its_day_past_two_sentences() {
    let atlas = extract(vec![article(
        "paragraph.txt",
        "On October 28, rockets hit the centre of Barda. Shops were closed. The market was \
         empty. A doctor at the central hospital said staff had treated 40 wounded.\n\nOn \
         Monday the streets were quiet.",
        day(2020, 11, 23),
    )]);
    let treated = first_of(&atlas, EventKind::Casualties);
    assert_eq!(treated.day, Some(day(2020, 10, 28)), "{}", describe(&atlas));
}

#[test]
fn then_and_a_verb_start_the_next_step_of_a_story() {
    let atlas = extract(vec![article(
        "tour.txt",
        "The co-chairs met Aliyev in Baku on Thursday, then travelled to Yerevan, where they met \
         Pashinyan the next day. Shells hit Stepanakert on Friday, then Shusha.",
        day(2020, 12, 19),
    )]);
    assert_day(&atlas, EventKind::Diplomacy, "Baku", day(2020, 12, 17));
    let yerevan = found(&atlas, EventKind::Diplomacy, "Yerevan");
    assert_eq!(yerevan.day, Some(day(2020, 12, 18)));
    assert_eq!(place_names(&atlas, yerevan), ["Yerevan"]);
    let strike = found(&atlas, EventKind::Shelling, "Shusha");
    assert_eq!(strike.day, Some(day(2020, 12, 18)), "{}", describe(&atlas));
}

#[test]
fn arrivals_after_fleeing_fire_towards_a_town_and_a_documents_own_date() {
    let atlas = extract(vec![article(
        "kapan.txt",
        "On 19 October, some 250 people arrived at the reception centre in Kapan after fleeing \
         Hadrut.",
        day(2020, 10, 25),
    )]);
    let fled = found(&atlas, EventKind::Displacement, "Hadrut");
    assert_eq!(fled.day, Some(day(2020, 10, 19)), "{}", describe(&atlas));
    let atlas = extract(vec![article(
        "direction.txt",
        "During the night of 28 to 29 October, Armenian forces fired three missiles in the \
         direction of Mingachevir.",
        day(2020, 10, 30),
    )]);
    let strike = found(&atlas, EventKind::Shelling, "Mingachevir");
    assert_eq!(strike.day, Some(day(2020, 10, 28)));
    let atlas = extract(vec![article(
        "aghdam.txt",
        "Azerbaijani troops entered the Aghdam district on Friday, November 20, in accordance \
         with the trilateral statement of the leaders of Azerbaijan, Russia and Armenia of \
         November 10.",
        day(2020, 11, 21),
    )]);
    assert_eq!(
        days_of(&atlas, EventKind::Diplomacy),
        [day(2020, 11, 20)],
        "{}",
        describe(&atlas)
    );
}

#[test]
fn a_spokesmans_words_on_the_fighting_with_no_place_or_day_are_no_report_of_their_own() {
    let atlas = extract(vec![article(
        "spokesman.txt",
        "\"The enemy is attacking along the entire line of contact, and fierce battles are \
         continuing,\" separatist defence ministry spokesman Senor Hasratyan told reporters.",
        day(2020, 9, 28),
    )]);
    assert!(atlas.events.is_empty(), "{}", describe(&atlas));
    // A day in the attribution makes it a report ("… the ministry said on Saturday").
    let atlas = extract(vec![article(
        "dated.txt",
        "The war over Nagorno-Karabakh is in its second week. \"Fierce battles continue along \
         the entire front,\" the Azerbaijani defence ministry said on Saturday.",
        day(2020, 10, 5),
    )]);
    assert!(
        days_of(&atlas, EventKind::Fighting).contains(&day(2020, 10, 3)),
        "{}",
        describe(&atlas)
    );
}

#[test]
fn a_sentence_that_opens_the_past_with_no_report_of_its_own_carries_it_on() {
    let atlas = extract(vec![article(
        "history.txt",
        "As the Soviet Union collapsed in the late 1980s, the region's parliament voted to become \
         part of Armenia. A war followed in which an estimated 30,000 people were killed and \
         around a million displaced. Armenian forces also took control of seven surrounding \
         districts.\n\nShelling hit Stepanakert on Monday.",
        day(2020, 10, 6),
    )]);
    assert_no_kind(&atlas, EventKind::Casualties);
    assert_no_kind(&atlas, EventKind::Displacement);
    assert_no_kind(&atlas, EventKind::Fighting);
    found(&atlas, EventKind::Shelling, "Stepanakert");
}

#[test]
fn life_in_the_basements_told_in_the_present_is_no_flight() {
    for text in [
        "The basement under No 17 Azatamartikneri Avenue in Stepanakert smells of damp concrete.",
        "Children in Stepanakert continue to spend their nights in cold basements.",
    ] {
        let atlas = extract(vec![article("basement.txt", text, day(2020, 10, 16))]);
        assert_no_kind(&atlas, EventKind::Displacement);
    }
    let atlas = extract(vec![article(
        "hid.txt",
        "On Wednesday night residents of Stepanakert spent hours in basements as rockets fell.",
        day(2020, 10, 16),
    )]);
    found(&atlas, EventKind::Displacement, "Stepanakert");
}

#[test]
fn districts_passed_to_control_are_their_own_places_and_a_liberation_is_a_capture() {
    let atlas = extract(vec![article(
        "handover.txt",
        "Three districts passed to Azerbaijani control: Aghdam district on 20 November, Kalbajar \
         district on 25 November and, on 1 December, Lachin district. On Monday President \
         Aliyev announced the liberation of Jabrayil.",
        day(2020, 12, 2),
    )]);
    assert_day(&atlas, EventKind::Diplomacy, "Aghdam", day(2020, 11, 20));
    assert_none_at(&atlas, EventKind::Diplomacy, "Baku");
    assert_day(&atlas, EventKind::Fighting, "Jabrayil", day(2020, 11, 30));
}

#[test]
fn ages_one_of_many_and_counts_as_of_a_day() {
    let atlas = extract(vec![article(
        "tolls.txt",
        "Fighting continued in Nagorno-Karabakh. Zarina, who died aged 72, was one of 15 people \
         killed when rockets hit Barda on 28 October. As of Friday, the ministry had published \
         the names of 812 soldiers killed. Today the ministry published the names of 9 more \
         soldiers who fell in battle.",
        day(2020, 12, 4),
    )]);
    assert_eq!(deaths_of(toll_at(&atlas, "Barda")), Some((15, false)));
    let mut tolls: Vec<(u64, bool)> = atlas
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Casualties)
        .filter_map(deaths_of)
        .collect();
    tolls.sort_unstable();
    assert_eq!(tolls, [(9, false), (812, true)], "{}", describe(&atlas));
}

#[test]
fn a_vague_stretch_of_the_war_gives_no_day_and_a_count_after_a_date_is_a_count() {
    let atlas = extract(vec![article(
        "vague.txt",
        "In the first days of the war a shell hit a barn in Tartar. Since 27 September 35 \
         civilians have been killed and 80 wounded in Tartar.",
        day(2020, 11, 2),
    )]);
    let barn = found(&atlas, EventKind::Shelling, "Tartar");
    assert_eq!(barn.day, None, "{}", describe(&atlas));
    let total = toll_at(&atlas, "Tartar");
    assert_eq!(deaths_of(total), Some((35, true)), "{}", describe(&atlas));
}

#[test]
fn the_weapons_of_a_battle_and_what_it_answers_are_no_strike_of_their_own() {
    let atlas = extract(vec![article(
        "battle.txt",
        "Fighting broke out near Fuzuli at dawn on Monday, with artillery and drones. Armenian \
         forces launched a counter-attack near Martuni on Monday in response to enemy shelling. \
         The enemy retreated from Hadrut on Monday with losses.",
        day(2020, 10, 20),
    )]);
    assert_no_kind(&atlas, EventKind::Shelling);
    assert_no_kind(&atlas, EventKind::Casualties);
    found(&atlas, EventKind::Fighting, "Fuzuli");
    found(&atlas, EventKind::Fighting, "Martuni");
    // An attack carried out with a missile is a strike.
    let atlas = extract(vec![article(
        "missile.txt",
        "The attack on Ganja on Sunday was carried out with a Scud-type ballistic missile.",
        day(2020, 10, 12),
    )]);
    found(&atlas, EventKind::Shelling, "Ganja");
}

#[test]
fn a_toll_with_no_count_told_after_a_strike_is_one_more_source_of_it() {
    let atlas = extract(vec![article(
        "nurse.txt",
        "Rockets hit the market in Barda on Wednesday. Among the dead was a young nurse. The \
         human toll is mounting.",
        day(2020, 10, 30),
    )]);
    assert_no_kind(&atlas, EventKind::Casualties);
    let strike = found(&atlas, EventKind::Shelling, "Barda");
    assert_eq!(strike.sources.len(), 2, "{}", describe(&atlas));
}

#[test]
fn a_timeline_in_the_present_flags_raised_and_residents_who_leave_are_read() {
    let atlas = extract(vec![article(
        "present.txt",
        "Friday 9 October\n\nThe US envoy meets the two foreign ministers separately in Geneva. \
         Azerbaijani troops hoisted the national flag over the Khudaferin bridge near Jabrayil. \
         The same day the road was jammed with cars as residents left the Kalbajar district. \
         The coordination cell meets twice weekly with partners in Yerevan.",
        day(2020, 10, 12),
    )]);
    let day9 = Some(day(2020, 10, 9));
    assert_eq!(found(&atlas, EventKind::Diplomacy, "Geneva").day, day9);
    assert_eq!(found(&atlas, EventKind::Fighting, "Jabrayil").day, day9);
    assert_eq!(
        first_of(&atlas, EventKind::Displacement).day,
        day9,
        "{}",
        describe(&atlas)
    );
    assert_none_at(&atlas, EventKind::Diplomacy, "Yerevan");
}

#[test]
fn others_wounded_after_a_strike_are_the_rest_of_its_toll() {
    let atlas = extract(vec![article(
        "others.txt",
        "Rockets hit Barda on Wednesday, killing 21 people. Some 70 others were wounded.",
        day(2020, 10, 30),
    )]);
    assert_no_kind(&atlas, EventKind::Casualties);
    let strike = found(&atlas, EventKind::Shelling, "Barda");
    assert_eq!(deaths_of(strike), Some((21, false)));
    assert_eq!(value(&strike.figures.injured), Some(70));
    assert_eq!(strike.sources.len(), 2);
}

#[test]
fn a_time_counted_from_another_happening_neither_tells_it_nor_places_the_news() {
    let atlas = extract(vec![article(
        "anchor.txt",
        "Hours after the Ganja bombing, Aliyev said Azerbaijani troops had taken Hadrut.",
        day(2020, 10, 12),
    )]);
    assert_no_kind(&atlas, EventKind::Shelling);
    let capture = found(&atlas, EventKind::Fighting, "Hadrut");
    assert_eq!(
        place_names(&atlas, capture),
        ["Hadrut"],
        "{}",
        describe(&atlas)
    );
}

#[test]
fn what_a_town_overlooks_and_a_compass_point_from_a_town_only_locate() {
    let atlas = extract(vec![article(
        "overlooking.txt",
        "Azerbaijani forces captured Shusha, the hilltop town overlooking Stepanakert, on \
         Sunday. Villagers heard artillery from the hills towards Martuni, north-west of Hadrut, \
         on Monday.",
        day(2020, 11, 10),
    )]);
    let capture = found(&atlas, EventKind::Fighting, "Shusha");
    assert_eq!(
        place_names(&atlas, capture),
        ["Shusha"],
        "{}",
        describe(&atlas)
    );
    assert_none_at(&atlas, EventKind::Shelling, "Hadrut");
}

#[test]
fn the_dead_swapped_or_searched_for_are_no_toll_and_bomblets_bursting_are_a_strike() {
    let atlas = extract(vec![article(
        "swap.txt",
        "Fighting raged in Nagorno-Karabakh. At the talks the sides agreed to swap the dead \
         within a week. Teams are still searching for the remains of soldiers near Hadrut. Two \
         people were hurt in Martuni on Monday when cluster submunitions exploded over their \
         courtyard.",
        day(2020, 10, 28),
    )]);
    // The only toll is the two people hurt by the bomblets, not the dead swapped or searched for.
    let tolls: Vec<_> = atlas
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Casualties)
        .map(|e| (place_names(&atlas, e), value(&e.figures.injured)))
        .collect();
    assert_eq!(
        tolls,
        [(vec!["Khojavend".to_string()], Some(2))],
        "{}",
        describe(&atlas)
    );
    assert_day(&atlas, EventKind::Shelling, "Martuni", day(2020, 10, 26));
}

#[test]
fn returns_are_counted_with_the_displaced_and_a_delegation_coming_home_is_not() {
    let atlas = extract(vec![article(
        "returns.txt",
        "About 90,000 people fled Nagorno-Karabakh during the war. More than 20,000 of them had \
         returned by 1 December. The delegation had returned from Moscow.",
        day(2020, 12, 4),
    )]);
    let mut counts: Vec<(Option<NaiveDate>, Option<u64>)> = atlas
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Displacement)
        .map(|e| (e.day, value(&e.figures.displaced)))
        .collect();
    counts.sort_unstable();
    assert_eq!(
        counts,
        [
            (Some(day(2020, 12, 1)), Some(20_000)),
            (Some(day(2020, 12, 4)), Some(90_000))
        ],
        "{}",
        describe(&atlas)
    );
    // Counted since a day, a return is a running total where people returned.
    let atlas = extract(vec![article(
        "since.txt",
        "More than 20,000 people have returned to Stepanakert since the ceasefire.",
        day(2020, 11, 14),
    )]);
    let returned = found(&atlas, EventKind::Displacement, "Stepanakert");
    assert!(
        returned
            .figures
            .displaced
            .as_ref()
            .is_some_and(|f| f.value == 20_000 && f.running_total),
        "{}",
        describe(&atlas)
    );
}

#[test]
fn an_authoritys_count_in_the_perfect_is_a_running_total_and_a_days_toll_is_not() {
    let atlas = extract(vec![article(
        "counts.txt",
        "Nagorno-Karabakh's ombudsman says 43 civilians have been killed and 152 wounded.\n\n\
         The latest official count in Azerbaijan, released on Monday, stood at 61 dead.\n\n\
         The defence ministry in Baku said one civilian had been killed in Ganja on Sunday.\n\n\
         Armenia's defence ministry said 41 more soldiers had died.",
        day(2020, 10, 20),
    )]);
    let ombudsman = toll_at(&atlas, "Nagorno-Karabakh");
    assert_eq!(
        deaths_of(ombudsman),
        Some((43, true)),
        "{}",
        describe(&atlas)
    );
    assert!(
        ombudsman
            .figures
            .injured
            .as_ref()
            .is_some_and(|f| f.value == 152 && f.running_total),
        "{}",
        describe(&atlas)
    );
    let level = toll_at(&atlas, "Azerbaijan");
    assert_eq!(deaths_of(level), Some((61, true)), "{}", describe(&atlas));
    // One death told, and new dead counted "more", are what happened, not a level.
    assert_eq!(
        deaths_of(toll_at(&atlas, "Ganja")),
        Some((1, false)),
        "{}",
        describe(&atlas)
    );
    let new_dead: Vec<_> = atlas
        .events
        .iter()
        .filter_map(deaths_of)
        .filter(|&(value, _)| value == 41)
        .collect();
    assert_eq!(new_dead, [(41, false)], "{}", describe(&atlas));
}

#[test]
fn arrivals_and_returns_counted_where_people_come_are_displacement() {
    let atlas = extract(vec![article(
        "arrivals.txt",
        "About 2,300 people arrived in Goris on Monday from Stepanakert.\n\n\
         The municipality of Kapan registered 1,500 newcomers from Karabakh on Tuesday.\n\n\
         Some 800 residents came back to Martuni on Sunday.\n\n\
         Russian peacekeepers arrived in Lachin on Tuesday.",
        day(2020, 11, 21),
    )]);
    let displaced_at = |place: &str| {
        let event = found(&atlas, EventKind::Displacement, place);
        (event.day, value(&event.figures.displaced))
    };
    assert_eq!(
        displaced_at("Goris"),
        (Some(day(2020, 11, 16)), Some(2_300))
    );
    assert_eq!(
        displaced_at("Kapan"),
        (Some(day(2020, 11, 17)), Some(1_500))
    );
    assert_eq!(
        displaced_at("Martuni"),
        (Some(day(2020, 11, 15)), Some(800))
    );
    // Troops arriving are no people displaced.
    assert_none_at(&atlas, EventKind::Displacement, "Lachin");
}

#[test]
fn the_hospital_the_wounded_are_taken_to_is_not_where_they_were_hit() {
    let atlas = extract(vec![article(
        "hospital.txt",
        "Rockets struck the market in Martuni on Sunday, killing two people. The wounded were \
         taken to a hospital in Yerevan.\n\n\
         Shelling hit a hospital in Stepanakert on Monday.",
        day(2020, 10, 20),
    )]);
    assert!(
        atlas
            .events
            .iter()
            .all(|e| !place_names(&atlas, e).contains(&"Yerevan".to_string())),
        "{}",
        describe(&atlas)
    );
    // A hospital hit is where the strike was.
    found(&atlas, EventKind::Shelling, "Stepanakert");
}

#[test]
fn a_deal_over_territory_is_at_the_territory_on_the_day_it_is_agreed() {
    let atlas = extract(vec![article(
        "handover.txt",
        "Azerbaijan agreed on Sunday to postpone the handover of Kalbajar to November 25 at \
         Armenia's request, President Aliyev's office said.\n\n\
         Armenia agreed on Monday to withdraw its troops from the Lachin district.",
        day(2020, 11, 17),
    )]);
    let postponed = found(&atlas, EventKind::Diplomacy, "Kalbajar");
    // The day put off to is no day of the decision.
    assert_eq!(
        postponed.day,
        Some(day(2020, 11, 15)),
        "{}",
        describe(&atlas)
    );
    assert_eq!(
        days_of(&atlas, EventKind::Diplomacy),
        [day(2020, 11, 15), day(2020, 11, 16)],
        "{}",
        describe(&atlas)
    );
    let withdrawal = found(&atlas, EventKind::Diplomacy, "Lachin District");
    assert_eq!(withdrawal.day, Some(day(2020, 11, 16)));
    // Not at the capitals of the sides that agree.
    assert_none_at(&atlas, EventKind::Diplomacy, "Baku");
    assert_none_at(&atlas, EventKind::Diplomacy, "Yerevan");
}

#[test]
fn fighting_as_a_backdrop_is_no_battle_of_its_own() {
    let atlas = extract(vec![article(
        "backdrop.txt",
        "Rockets hit Martuni on Monday, as clashes dragged into a fourth week.\n\n\
         Shells hit Tartar on Tuesday as fighting raged near Hadrut.",
        day(2020, 10, 21),
    )]);
    found(&atlas, EventKind::Shelling, "Martuni");
    assert!(
        !atlas.events.iter().any(|e| e.kind == EventKind::Fighting
            && e.sources.iter().any(|s| s.quote.contains("fourth week"))),
        "{}",
        describe(&atlas)
    );
    // Where the fighting rages, it is a battle there.
    found(&atlas, EventKind::Fighting, "Hadrut");
}

#[test]
fn an_attack_named_by_a_reaction_and_a_toll_guessed_at_are_not_told() {
    let atlas = extract(vec![article(
        "reaction.txt",
        "President Aliyev called the shelling of Ganja a war crime on Monday.\n\n\
         The real toll is likely much higher, officials said.\n\n\
         Armenian forces shelled Tartar on Sunday, killing two civilians, in an attack \
         condemned by Turkey.",
        day(2020, 10, 20),
    )]);
    // The reaction's day is no day of the shelling it names.
    assert_none_at(&atlas, EventKind::Shelling, "Ganja");
    assert_no_kind(&atlas, EventKind::Casualties);
    // A strike told, then condemned, is told.
    let tartar = found(&atlas, EventKind::Shelling, "Tartar");
    assert_eq!(tartar.day, Some(day(2020, 10, 18)));
    assert_eq!(deaths_of(tartar), Some((2, false)));
}

#[test]
fn the_attacks_a_toll_was_caused_by_are_no_battle_of_their_own() {
    let atlas = extract(vec![article(
        "cause.txt",
        "Two soldiers were killed in Armenian attacks on Azerbaijani positions on Monday, the \
         ministry said.\n\n\
         Azerbaijan said it repelled Armenian attacks near Fuzuli on Tuesday.",
        day(2020, 10, 21),
    )]);
    let tolls: Vec<_> = atlas.events.iter().filter_map(deaths_of).collect();
    assert_eq!(tolls, [(2, false)], "{}", describe(&atlas));
    assert_eq!(
        days_of(&atlas, EventKind::Fighting),
        [day(2020, 10, 20)],
        "{}",
        describe(&atlas)
    );
    found(&atlas, EventKind::Fighting, "Fuzuli");
}

#[test]
fn an_attack_with_the_weapons_of_a_strike_is_that_strike_and_a_deals_provision_no_act() {
    let atlas = extract(vec![article(
        "weapons.txt",
        "Azerbaijani forces attacked Hadrut with artillery and drones on Tuesday.\n\n\
         About 200 residents returned to Shusha on Sunday under the deal.\n\n\
         Protesters stormed the parliament building in Yerevan.",
        day(2020, 11, 21),
    )]);
    found(&atlas, EventKind::Shelling, "Hadrut");
    assert_none_at(&atlas, EventKind::Fighting, "Hadrut");
    found(&atlas, EventKind::Displacement, "Shusha");
    assert_no_kind(&atlas, EventKind::Diplomacy);
    assert_no_kind(&atlas, EventKind::Fighting);
}

#[test]
fn later_in_the_day_and_that_evening_go_on_with_the_day_told() {
    let atlas = extract(vec![article(
        "later.txt",
        "Rockets struck Martakert on Sunday. Later in the day, the hospital in Askeran was hit, \
         killing a nurse. That evening, shells hit Martuni. That night, drones struck Hadrut.",
        day(2020, 10, 19),
    )]);
    assert_eq!(
        days_of(&atlas, EventKind::Shelling),
        [day(2020, 10, 18); 4],
        "{}",
        describe(&atlas)
    );
}

#[test]
fn the_next_of_a_series_of_attacks_goes_on_at_its_place() {
    let atlas = extract(vec![article(
        "series.txt",
        "Two convoys were attacked near Lachin on Sunday. The first was hit by a drone on \
         Monday.",
        day(2020, 11, 30),
    )]);
    let second = found(&atlas, EventKind::Shelling, "Lachin");
    assert_eq!(second.day, Some(day(2020, 11, 30)), "{}", describe(&atlas));
}

#[test]
fn damage_so_far_the_victims_remembered_and_help_for_the_displaced_are_no_events() {
    let atlas = extract(vec![article(
        "tally.txt",
        "Since September 27, Armenian shelling has destroyed 1,480 houses in Tartar, the \
         ministry said.\n\n\
         Mourners gathered at the cemetery in Barda on Sunday to remember the victims of the \
         strike.\n\n\
         Donations for displaced families poured into Ganja.\n\n\
         A rocket hit Goranboy on Sunday and damaged 20 houses.",
        day(2020, 11, 2),
    )]);
    assert_none_at(&atlas, EventKind::Shelling, "Tartar");
    assert_none_at(&atlas, EventKind::Shelling, "Barda");
    assert_no_kind(&atlas, EventKind::Displacement);
    // One strike's damage is that strike.
    let strike = found(&atlas, EventKind::Shelling, "Goranboy");
    assert_eq!(strike.day, Some(day(2020, 11, 1)));
}

#[test]
fn towns_that_fall_envoys_summoned_and_ground_named_by_its_adjective() {
    let atlas = extract(vec![article(
        "fell.txt",
        "Shusha fell on 8 November.\n\n\
         Hadrut changed hands on Friday.\n\n\
         Shells fell on Stepanakert on Monday.\n\n\
         Azerbaijan summoned the Armenian ambassador on Monday.\n\n\
         Azerbaijan said it had destroyed missile launchers on Armenian soil on Tuesday.",
        day(2020, 11, 27),
    )]);
    assert_day(&atlas, EventKind::Fighting, "Shusha", day(2020, 11, 8));
    assert_day(&atlas, EventKind::Fighting, "Hadrut", day(2020, 11, 27));
    // Shells that fall are a strike, not a town taken.
    found(&atlas, EventKind::Shelling, "Stepanakert");
    assert_none_at(&atlas, EventKind::Fighting, "Stepanakert");
    assert_day(&atlas, EventKind::Diplomacy, "Baku", day(2020, 11, 23));
    found(&atlas, EventKind::Shelling, "Armenia");
}

#[test]
fn each_place_of_respectively_on_its_day_and_an_office_or_the_war_is_no_scene() {
    let atlas = extract(vec![article(
        "respectively.txt",
        "Aghdam and Kalbajar were handed over on 20 and 25 November respectively.\n\n\
         The separatist leader of Nagorno-Karabakh said on Sunday his forces had shelled the \
         airfield at Ganja.\n\n\
         A rocket hit a school in Tartar on Sunday, hours into a week-long truce in the \
         Nagorno-Karabakh conflict.",
        day(2020, 11, 27),
    )]);
    let days_at = |place: &str| {
        let id = atlas
            .gazetteer
            .mentions(place)
            .into_iter()
            .find_map(|m| m.place)
            .unwrap_or_else(|| panic!("{place} is not in the gazetteer"));
        let mut days: Vec<_> = atlas
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Diplomacy && e.places.contains(&id))
            .filter_map(|e| e.day)
            .collect();
        days.sort_unstable();
        days
    };
    assert_eq!(
        days_at("Aghdam"),
        [day(2020, 11, 20)],
        "{}",
        describe(&atlas)
    );
    assert_eq!(
        days_at("Kalbajar"),
        [day(2020, 11, 25)],
        "{}",
        describe(&atlas)
    );
    assert_eq!(
        places_told_by(&atlas, Some(EventKind::Shelling), "airfield"),
        ["Ganja"]
    );
    assert_eq!(
        places_told_by(&atlas, Some(EventKind::Shelling), "school"),
        ["Tartar"]
    );
    // A truce the strike is told "hours into" only dates it.
    assert!(
        !atlas.events.iter().any(|e| e.kind == EventKind::Diplomacy
            && e.sources.iter().any(|s| s.quote.contains("school"))),
        "{}",
        describe(&atlas)
    );
}

#[test]
fn groups_of_one_toll_joined_by_and_are_added_up() {
    let atlas = extract(vec![article(
        "groups.txt",
        "The attack killed 4 soldiers and 2 civilians and wounded 9 soldiers and 3 civilians in \
         Tartar on Tuesday.\n\n\
         The authorities in Nagorno-Karabakh report 31 civilians killed and 102 injured so far.",
        day(2020, 11, 27),
    )]);
    let tartar = toll_at(&atlas, "Tartar");
    assert_eq!(deaths_of(tartar), Some((6, false)), "{}", describe(&atlas));
    assert_eq!(value(&tartar.figures.injured), Some(12));
    // Killed and injured are two tolls, not one group.
    let total = toll_at(&atlas, "Nagorno-Karabakh");
    assert_eq!(deaths_of(total), Some((31, true)), "{}", describe(&atlas));
}

#[test]
fn a_claim_dismissed_as_fabricated_is_denied() {
    let atlas = extract(vec![article(
        "dismissed.txt",
        "The Armenian defence ministry dismissed as fabricated reports that Azerbaijani troops \
         had captured Hadrut on Saturday.",
        day(2020, 10, 20),
    )]);
    let denied = found(&atlas, EventKind::Fighting, "Hadrut");
    assert!(
        denied.sources.iter().all(|s| s.denied),
        "{}",
        describe(&atlas)
    );
}

#[test]
fn a_count_over_a_stretch_open_at_its_end_is_not_on_its_first_day() {
    let atlas = extract(vec![article(
        "stretch.txt",
        "Between 1 October and the ceasefire, about 61,000 people fled Stepanakert, officials \
         said.\n\n\
         Fighting raged in Hadrut between 12 and 14 October.",
        day(2020, 11, 20),
    )]);
    let fled = found(&atlas, EventKind::Displacement, "Stepanakert");
    assert_ne!(fled.day, Some(day(2020, 10, 1)), "{}", describe(&atlas));
    // A stretch closed by a day keeps its days.
    let mut fought = days_of(&atlas, EventKind::Fighting);
    fought.sort_unstable();
    assert_eq!(
        fought,
        [day(2020, 10, 12), day(2020, 10, 14)],
        "{}",
        describe(&atlas)
    );
}

#[test]
fn what_drove_people_out_is_no_strike_where_they_arrive() {
    let atlas = extract(vec![article(
        "cause.txt",
        "Some 5,000 people displaced by shelling have arrived in Barda, officials said on \
         Monday.\n\n\
         Residents fled Martuni on Sunday as shells hit the town.",
        day(2020, 11, 20),
    )]);
    found(&atlas, EventKind::Displacement, "Barda");
    assert_none_at(&atlas, EventKind::Shelling, "Barda");
    // A strike told in a clause of its own stays a strike.
    found(&atlas, EventKind::Shelling, "Martuni");
}

#[test]
fn a_shouted_place_and_its_day_head_the_entries_below() {
    let atlas = extract(vec![article(
        "bulletins.txt",
        "Daily bulletin\n\nSTEPANAKERT - OCTOBER 14\n\n* A rocket hit a market in Martuni, \
         wounding five.\n\nBARDA - OCTOBER 16\n\n* Drones struck Tartar.\n",
        day(2020, 10, 20),
    )]);
    assert_eq!(
        found(&atlas, EventKind::Shelling, "Martuni").day,
        Some(day(2020, 10, 14)),
        "{}",
        describe(&atlas)
    );
    assert_day(&atlas, EventKind::Shelling, "Tartar", day(2020, 10, 16));
}

#[test]
fn a_weekday_in_the_possessive_dates_its_event() {
    let atlas = extract(vec![article(
        "funerals.txt",
        "Mourners in Tartar buried the victims of Monday's rocket attack on the town.",
        day(2020, 10, 8),
    )]);
    assert_eq!(
        found(&atlas, EventKind::Shelling, "Tartar").day,
        Some(day(2020, 10, 5)),
        "{}",
        describe(&atlas)
    );
}

#[test]
fn a_battle_raging_since_a_day_of_the_week_is_fighting_from_that_day() {
    let atlas = extract(vec![article(
        "raging.txt",
        "Battles have raged near Fuzuli since Tuesday, officials said.\n\n\
         Fighting has continued around Hadrut since 27 September.",
        day(2020, 10, 8),
    )]);
    assert_eq!(
        found(&atlas, EventKind::Fighting, "Fuzuli").day,
        Some(day(2020, 10, 6)),
        "{}",
        describe(&atlas)
    );
    // Since the war's first day: the war's length, no battle of one day.
    assert_none_at(&atlas, EventKind::Fighting, "Hadrut");
}

#[test]
fn what_people_could_carry_is_no_hypothesis_and_the_weekend_is_its_saturday() {
    let atlas = extract(vec![article(
        "exodus.txt",
        "Villagers in Kalbajar loaded everything they could onto trucks over the weekend, and \
         some set fire to their houses.",
        day(2020, 11, 18),
    )]);
    assert_eq!(
        found(&atlas, EventKind::Displacement, "Kalbajar").day,
        Some(day(2020, 11, 14)),
        "{}",
        describe(&atlas)
    );
    // A "could" that tells what might be stays hypothetical.
    let atlas = extract(vec![article(
        "maybe.txt",
        "A strike on Stepanakert could come at any moment, officials warned.",
        day(2020, 11, 18),
    )]);
    assert_none_at(&atlas, EventKind::Shelling, "Stepanakert");
}

#[test]
fn a_parliament_vote_is_diplomacy_and_a_video_address_tells_its_content() {
    let atlas = extract(vec![article(
        "votes.txt",
        "The Turkish parliament voted yesterday to send troops to Azerbaijan.\n\n\
         Harutyunyan said in a video address on Thursday that Azerbaijani units were 5 km from \
         Shusha, and that fighting was under way near Shusha.\n\n\
         The hilltop town locals call Shushi was quiet.",
        day(2020, 11, 6),
    )]);
    assert_eq!(
        first_of(&atlas, EventKind::Diplomacy).day,
        Some(day(2020, 11, 5)),
        "{}",
        describe(&atlas)
    );
    assert_day(&atlas, EventKind::Fighting, "Shusha", day(2020, 11, 5));
    // A name the locals call a town is no telephone call.
    assert_none_at(&atlas, EventKind::Diplomacy, "Shusha");
}

#[test]
fn tolls_not_told_and_what_happens_every_night_are_no_events() {
    let atlas = extract(vec![article(
        "untold.txt",
        "Azerbaijan still does not publish military casualty figures.\n\n\
         There has been no word so far on casualties in Martuni.\n\n\
         Wounded soldiers arrive every night at the hospital in Stepanakert.\n\n\
         More than 300 dead have been brought back from combat areas so far, officials in \
         Stepanakert said.",
        day(2020, 11, 6),
    )]);
    assert_none_at(&atlas, EventKind::Casualties, "Azerbaijan");
    assert_none_at(&atlas, EventKind::Casualties, "Martuni");
    assert_no_kind(&atlas, EventKind::Fighting);
    // The dead brought back are a toll so far.
    assert_eq!(
        deaths_of(toll_at(&atlas, "Stepanakert")),
        Some((300, true)),
        "{}",
        describe(&atlas)
    );
}

#[test]
fn a_count_told_by_it_is_the_country_named_before() {
    let atlas = extract(vec![article(
        "its.txt",
        "Azerbaijan has not disclosed its military casualties. Its prosecutor general's office \
         said 11 Azerbaijani civilians had been killed and 45 wounded since the fighting began.",
        day(2020, 9, 29),
    )]);
    assert_eq!(
        deaths_of(toll_at(&atlas, "Azerbaijan")),
        Some((11, true)),
        "{}",
        describe(&atlas)
    );
    assert_eq!(atlas.events.len(), 1, "{}", describe(&atlas));
}

#[test]
fn the_fire_behind_an_assault_a_parade_and_a_rejected_role_are_no_strikes() {
    let atlas = extract(vec![article(
        "assault.txt",
        "Azerbaijani troops attacked Hadrut on Friday behind a barrage of rockets.\n\n\
         The parade on Baku's Azadliq Square on Thursday showed seized Armenian tanks, \
         artillery and drones.\n\n\
         Armenia rejects any role in the blast in Ganja.\n\n\
         Fighting last flared in 1994; about 30,000 people lost their lives.",
        day(2020, 12, 12),
    )]);
    found(&atlas, EventKind::Fighting, "Hadrut");
    assert_none_at(&atlas, EventKind::Shelling, "Hadrut");
    assert_none_at(&atlas, EventKind::Shelling, "Baku");
    assert_none_at(&atlas, EventKind::Fighting, "Baku");
    let ganja = found(&atlas, EventKind::Shelling, "Ganja");
    assert!(
        ganja.sources.iter().all(|s| s.denied),
        "{}",
        describe(&atlas)
    );
    // The toll of a war long past, told in the clause after its year.
    assert_no_kind(&atlas, EventKind::Casualties);
}

#[test]
fn headings_and_coarser_titles_are_no_reports_of_their_own() {
    let atlas = extract(vec![article(
        "heads.txt",
        "Wounded villager dies in Armenia\n\n\
         A villager wounded by shelling in Syunik died in hospital on Thursday, officials \
         said.\n\n\
         Stepanakert under fire. Eight rockets were fired at Stepanakert overnight, the \
         emergency service said.\n\n\
         The toll.\n\n\
         Armenia says 900 soldiers have died since Sept. 27.",
        day(2020, 10, 23),
    )]);
    // The title's death is the shelling told below it.
    found(&atlas, EventKind::Shelling, "Syunik");
    assert!(
        atlas
            .events
            .iter()
            .flat_map(|e| &e.sources)
            .all(|s| !s.quote.starts_with("Wounded villager")),
        "{}",
        describe(&atlas)
    );
    // The run-in head and the subheading tell nothing of their own.
    let stepanakert = found(&atlas, EventKind::Shelling, "Stepanakert");
    assert!(
        stepanakert
            .sources
            .iter()
            .all(|s| !s.quote.starts_with("Stepanakert under fire")),
        "{}",
        describe(&atlas)
    );
    assert!(
        atlas
            .events
            .iter()
            .flat_map(|e| &e.sources)
            .all(|s| s.quote != "The toll."),
        "{}",
        describe(&atlas)
    );
}

#[test]
fn a_parliament_speaks_from_its_capital_and_losses_after_a_colon_are_a_total() {
    let atlas = extract(vec![article(
        "losses.txt",
        "Yesterday the Turkish parliament voted to allow Turkish troops to be deployed to \
         Azerbaijan, to staff a joint monitoring center with Russia.\n\n\
         Azerbaijan's defense ministry on December 3 published, for the first time, its \
         military losses: 2,783 servicemen killed and more than 100 missing.",
        day(2020, 12, 12),
    )]);
    found(&atlas, EventKind::Diplomacy, "Ankara");
    assert_eq!(
        deaths_of(toll_at(&atlas, "Azerbaijan")),
        Some((2783, true)),
        "{}",
        describe(&atlas)
    );
}

#[test]
fn the_town_a_speaker_points_back_to_is_the_place_told_before() {
    let atlas = extract(vec![article(
        "back.txt",
        "Rockets struck Stepanakert on Monday, officials said.\n\n\
         Armenia's defence ministry said a shell hit the town's hospital on Wednesday.\n\n\
         Two Azerbaijani soldiers were wounded by a mine in the Fuzuli district on Sunday, \
         according to the defense ministry in Baku.\n\n\
         Azerbaijan's defence ministry said its troops had taken strategic heights near the \
         village of Talysh on Tuesday.",
        day(2020, 11, 19),
    )]);
    assert_eq!(
        days_of(&atlas, EventKind::Shelling),
        [day(2020, 11, 16), day(2020, 11, 18)],
        "{}",
        describe(&atlas)
    );
    assert_none_at(&atlas, EventKind::Shelling, "Armenia");
    assert_none_at(&atlas, EventKind::Shelling, "Nagorno-Karabakh");
    // The office's seat cited for a mine blast is no scene.
    assert_none_at(&atlas, EventKind::Casualties, "Baku");
    // "the village of Talysh" names its village, not the town told before.
    assert_none_at(&atlas, EventKind::Fighting, "Stepanakert");
}

#[test]
fn the_terms_of_a_deal_trends_and_a_time_counted_from_a_deal_tell_nothing() {
    let atlas = extract(vec![article(
        "terms.txt",
        "Under the deal, three districts around Karabakh are being handed back to Azerbaijan.\n\n\
         Some people who fled are starting to go back to Stepanakert.\n\n\
         A week after Armenia and Azerbaijan agreed to end their war over Nagorno-Karabakh, the \
         two countries are dealing with very different aftermaths.\n\n\
         Under the deal, Armenian troops withdrew from Aghdam on Friday.",
        day(2020, 11, 21),
    )]);
    assert_no_kind(&atlas, EventKind::Displacement);
    // Only the handover told with its day.
    assert_eq!(
        days_of(&atlas, EventKind::Diplomacy),
        [day(2020, 11, 20)],
        "{}",
        describe(&atlas)
    );
}

#[test]
fn a_paragraph_of_someone_s_own_words_is_no_report_unless_the_text_introduces_it() {
    let atlas = extract(vec![article(
        "words.txt",
        "Drones circled over Martuni on Saturday, residents said.\n\n\
         \"We hear the drones before anything. Then the walls shake.\"\n\n\
         The ministry presents the post:\n\n\
         \"The glorious army has liberated the villages of Fuzuli district.\"",
        day(2020, 10, 24),
    )]);
    // The witness's lines are one more source of the strike told, not a strike of their own.
    assert_eq!(
        of_kind(&atlas, EventKind::Shelling).len(),
        1,
        "{}",
        describe(&atlas)
    );
    // A post the text introduces is told as it is.
    found(&atlas, EventKind::Fighting, "Fuzuli district");
}

#[test]
fn people_leaving_and_arriving_are_displaced_and_a_denial_keeps_its_flag_past_appositions() {
    let atlas = extract(vec![article(
        "leaving.txt",
        "Thousands of refugees arrived in Goris on Tuesday.\n\n\
         Families loaded their cars and left Stepanakert for Goris on Wednesday.\n\n\
         In mid-November, villagers in Kalbajar set their houses alight before leaving.\n\n\
         Rena Alvo, the spokeswoman for the Armenian defence ministry, Shushan Stepanyan, \
         denied that Hadrut had fallen.\n\n\
         Azerbaijani forces now control Fuzuli, the army said on Thursday.",
        day(2020, 11, 20),
    )]);
    assert_eq!(
        found(&atlas, EventKind::Displacement, "Goris").day,
        Some(day(2020, 11, 17)),
        "{}",
        describe(&atlas)
    );
    // Where they left, not where they went.
    assert_day(
        &atlas,
        EventKind::Displacement,
        "Stepanakert",
        day(2020, 11, 18),
    );
    // "In mid-November" names no day.
    assert_eq!(found(&atlas, EventKind::Displacement, "Kalbajar").day, None);
    assert!(
        found(&atlas, EventKind::Fighting, "Hadrut")
            .sources
            .iter()
            .all(|s| s.denied),
        "{}",
        describe(&atlas)
    );
    assert_day(&atlas, EventKind::Fighting, "Fuzuli", day(2020, 11, 19));
}

#[test]
fn troops_entering_or_advancing_are_fighting_and_a_delay_is_no_day() {
    let atlas = extract(vec![article(
        "entered.txt",
        "Azerbaijani troops entered the Kalbajar district on Wednesday, 25 November, ten days \
         later than originally planned.\n\n\
         Troops were advancing on Hadrut on Tuesday.\n\n\
         The truce entered into force at noon on Monday.\n\n\
         It followed separate meetings that Pompeo held with Bayramov and Mnatsakanyan in \
         Washington on Friday.",
        day(2020, 12, 10),
    )]);
    assert_eq!(
        days_of(&atlas, EventKind::Fighting),
        [day(2020, 11, 25), day(2020, 12, 8)],
        "{}",
        describe(&atlas)
    );
    found(&atlas, EventKind::Diplomacy, "Washington");
    assert_none_at(&atlas, EventKind::Fighting, "Nagorno-Karabakh");
}

#[test]
fn help_being_provided_to_the_displaced_is_no_flight() {
    let atlas = extract(vec![article(
        "aid.txt",
        "Together with the Red Cross, we are providing food parcels to displaced families in \
         Goris.\n\n\
         Volunteers were distributing blankets to refugees in Stepanakert on Monday.",
        day(2020, 12, 4),
    )]);
    assert_no_kind(&atlas, EventKind::Displacement);
}

#[test]
fn landmarks_of_a_place_and_a_clock_s_time_zone_are_no_scene() {
    let atlas = extract(vec![article(
        "landmarks.txt",
        "Azerbaijani forces captured Shusha, the hilltop town above Stepanakert, on Sunday.\n\n\
         Fierce combat went on Wednesday near Fuzuli, where the army is advancing west in the \
         direction of the Lachin corridor.\n\n\
         Drones flew above Goris on Thursday and struck the town.\n\n\
         The truce took effect from 00:00 Moscow time on Tuesday.",
        day(2020, 11, 13),
    )]);
    assert_eq!(
        place_names(&atlas, found(&atlas, EventKind::Fighting, "Shusha")),
        ["Shusha"]
    );
    assert_eq!(
        place_names(&atlas, found(&atlas, EventKind::Fighting, "Fuzuli")),
        ["Fuzuli"]
    );
    found(&atlas, EventKind::Shelling, "Goris");
    assert_none_at(&atlas, EventKind::Diplomacy, "Moscow");
    // Where the corridor is the only place named, it is the best one there is.
    let atlas = extract(vec![article(
        "corridor.txt",
        "On Wednesday Azerbaijani forces resumed their offensive towards the Lachin corridor.",
        day(2020, 10, 22),
    )]);
    found(&atlas, EventKind::Fighting, "Lachin");
}

#[test]
fn one_side_s_civilians_are_counted_where_they_live() {
    let atlas = extract(vec![article(
        "civilians.txt",
        "Clashes continued in Nagorno-Karabakh on Tuesday.\n\n\
         The Azerbaijani civilian death toll has risen to 61 since the fighting began, \
         prosecutors said.\n\n\
         Armenian military deaths rose to 710.",
        day(2020, 10, 21),
    )]);
    let civilians = toll_at(&atlas, "Azerbaijan");
    assert_eq!(
        deaths_of(civilians),
        Some((61, true)),
        "{}",
        describe(&atlas)
    );
    // Soldiers die at the front, in the region.
    assert_eq!(
        deaths_of(toll_at(&atlas, "Nagorno-Karabakh")),
        Some((710, true))
    );
}

#[test]
fn a_flag_raised_an_attack_beaten_off_and_belongings_loaded_are_read() {
    let atlas = extract(vec![article(
        "verbs.txt",
        "On Sunday the Azerbaijani flag was raised over Hadrut.\n\n\
         On Monday Azerbaijani units tried again to push forward near Martuni but were \
         repelled.\n\n\
         On Monday, dozens of families in Kalbajar put their belongings on trucks and left.\n\n\
         On Tuesday an Armenian Su-25 attack aircraft was shot down over Vardenis.",
        day(2020, 11, 3),
    )]);
    assert_day(&atlas, EventKind::Fighting, "Hadrut", day(2020, 11, 1));
    found(&atlas, EventKind::Fighting, "Martuni");
    found(&atlas, EventKind::Displacement, "Kalbajar");
    // "Attack aircraft" is a type of plane: the shoot-down is no battle too.
    found(&atlas, EventKind::Shelling, "Vardenis");
    assert_none_at(&atlas, EventKind::Fighting, "Vardenis");
}

#[test]
fn a_bombardment_going_on_since_a_recent_day_is_told_from_that_day() {
    let atlas = extract(vec![article(
        "since.txt",
        "Fighting went on in Nagorno-Karabakh.\n\n\
         The ministry said Armenian forces had been shelling Tartar since early Wednesday \
         morning.\n\n\
         Stepanakert has been under shelling since Sunday.\n\n\
         For almost a day the Armenian side insisted the battle for Hadrut was still going on.",
        day(2020, 10, 7),
    )]);
    assert_day(&atlas, EventKind::Shelling, "Tartar", day(2020, 10, 7));
    assert_day(&atlas, EventKind::Shelling, "Stepanakert", day(2020, 10, 4));
    assert_none_at(&atlas, EventKind::Fighting, "Hadrut");
}

#[test]
fn a_deal_struck_is_no_strike() {
    let atlas = extract(vec![article(
        "deal.txt",
        "Fighting went on in Nagorno-Karabakh.\n\n\
         A deal was struck in Moscow on Monday.\n\n\
         Russia struck a deal with Turkey on Tuesday.",
        day(2020, 11, 12),
    )]);
    assert_no_kind(&atlas, EventKind::Shelling);
    found(&atlas, EventKind::Diplomacy, "Moscow");
}

#[test]
fn a_day_heading_with_its_weekday_after_it_heads_the_entries_below() {
    let atlas = extract(vec![article(
        "chronicle.txt",
        "25 October, Sunday\n\n\
         14:00 Rockets hit Stepanakert, the emergency service said.\n\n\
         24 October, Saturday\n\n\
         16:00 Shells hit Tartar, the ministry said.",
        day(2020, 10, 25),
    )]);
    assert_day(&atlas, EventKind::Shelling, "Tartar", day(2020, 10, 24));
    assert_day(
        &atlas,
        EventKind::Shelling,
        "Stepanakert",
        day(2020, 10, 25),
    );
}

#[test]
fn a_side_s_count_of_its_own_dead_is_that_side_s() {
    let atlas = extract(vec![article(
        "own.txt",
        "Fighting raged near Hadrut.\n\nArmenia says 2,500 of its servicemen died.",
        day(2020, 12, 6),
    )]);
    assert_eq!(
        deaths_of(toll_at(&atlas, "Armenia")),
        Some((2500, true)),
        "{}",
        describe(&atlas)
    );
}

#[test]
fn returnees_are_placed_where_they_come_back_to() {
    let atlas = extract(vec![article(
        "returns.txt",
        "Fighting went on in Nagorno-Karabakh.\n\n\
         Russian peacekeepers escorted a convoy of returnees into Stepanakert on Tuesday.\n\n\
         Thousands of families fled to Goris on Wednesday.",
        day(2020, 11, 20),
    )]);
    assert_day(
        &atlas,
        EventKind::Displacement,
        "Stepanakert",
        day(2020, 11, 17),
    );
    // Those who flee are placed where they left, not where they went.
    assert_none_at(&atlas, EventKind::Displacement, "Goris");
}

#[test]
fn departures_and_arrivals_told_without_fled_are_displacement() {
    let atlas = extract(vec![article(
        "departures.txt",
        "Fighting went on in Nagorno-Karabakh.\n\n\
         Buses carrying women and children left Stepanakert for Yerevan on Monday.\n\n\
         Officials said more than 1,000 people had reached Goris from Martakert by Sunday.\n\n\
         Over the weekend, most residents of Lachin left for Armenia or Stepanakert.",
        day(2020, 11, 3),
    )]);
    found(&atlas, EventKind::Displacement, "Stepanakert");
    let reached = found(&atlas, EventKind::Displacement, "Martakert");
    assert_eq!(value(&reached.figures.displaced), Some(1000));
    found(&atlas, EventKind::Displacement, "Lachin");
    // Where they went is no place of their flight.
    assert_none_at(&atlas, EventKind::Displacement, "Yerevan");
    assert_none_at(&atlas, EventKind::Displacement, "Goris");
    assert_eq!(
        atlas
            .events
            .iter()
            .filter(|e| place_names(&atlas, e).contains(&"Stepanakert".to_string()))
            .count(),
        1,
        "{}",
        describe(&atlas)
    );
}

#[test]
fn an_after_clause_on_the_main_clause_s_morning_is_on_its_day() {
    let atlas = extract(vec![article(
        "after.txt",
        "Fighting went on in Nagorno-Karabakh.\n\n\
         On 12 October, the local Red Cross halted food deliveries in Hadrut after the town \
         came under fire that morning.",
        day(2020, 10, 16),
    )]);
    assert_day(&atlas, EventKind::Shelling, "Hadrut", day(2020, 10, 12));
}

#[test]
fn what_is_not_known_yet_and_lasting_conditions_are_no_events() {
    let atlas = extract(vec![article(
        "conditions.txt",
        "Rockets hit Tartar on Monday.\n\n\
         Since 27 September, the war has kept bringing deaths, injuries and mass displacement.\n\n\
         A full death toll is not yet known.\n\n\
         Families who fled Hadrut do not know whether they will ever go back.",
        day(2020, 10, 14),
    )]);
    assert_no_kind(&atlas, EventKind::Casualties);
    assert_no_kind(&atlas, EventKind::Displacement);
    found(&atlas, EventKind::Shelling, "Tartar");
}

#[test]
fn a_page_s_title_and_standfirst_above_its_date_line_are_no_reports() {
    let text = "Displaced Armenians return to see ruined homes in Hadrut\n\n\
                Since Azerbaijan took Hadrut, displaced Armenians have begun going back to \
                see their ruined homes.\n\n\
                Wednesday, 14 October 2020\n\n\
                Rockets hit Tartar on Monday, officials said. The town's market and two \
                schools were damaged, and the power station was shut down for hours.\n\n\
                Clashes went on along the front on Tuesday, both defence ministries said, and \
                each side blamed the other for the failure of the truce agreed in Moscow.";
    let published = karabakh_atlas::corpus::publication_date(text)
        .unwrap_or_else(|| panic!("no publication date in {text:?}"));
    let mut page = article("page.txt", text, published.day);
    page.published = Some(published);
    let atlas = extract(vec![page]);
    found(&atlas, EventKind::Shelling, "Tartar");
    assert_no_kind(&atlas, EventKind::Displacement);
}

#[test]
fn a_visit_someone_is_due_at_is_planned() {
    let atlas = extract(vec![article(
        "due.txt",
        "Fighting went on in Nagorno-Karabakh.\n\n\
         Bayramov is due in Geneva next week for talks.",
        day(2020, 10, 14),
    )]);
    let talks = found(&atlas, EventKind::Diplomacy, "Geneva");
    assert_eq!(talks.status, Status::Planned, "{}", describe(&atlas));
    assert_eq!(talks.day, None);
}

#[test]
fn a_report_called_a_fabrication_is_no_talks() {
    let atlas = extract(vec![article(
        "fabrication.txt",
        "On Tuesday the Azerbaijani army said Armenian units fired rockets at Tartar from \
         Armenian soil. Yerevan calls this a fabrication.",
        day(2020, 10, 14),
    )]);
    assert_no_kind(&atlas, EventKind::Diplomacy);
    found(&atlas, EventKind::Shelling, "Tartar");
}

#[test]
fn a_visit_that_never_took_place_and_a_nation_fighting_for_its_future_are_no_events() {
    let atlas = extract(vec![article(
        "never.txt",
        "Rockets hit Tartar on Monday.\n\n\
         A planned trip to Goris by the envoys never took place.\n\n\
         Speaking in Yerevan, a minister told reporters the nation was fighting for its future.",
        day(2020, 10, 14),
    )]);
    assert_no_kind(&atlas, EventKind::Diplomacy);
    assert_no_kind(&atlas, EventKind::Fighting);
}

#[test]
fn a_capital_a_report_is_according_to_is_who_tells() {
    let atlas = extract(vec![article(
        "according.txt",
        "Fighting went on in Nagorno-Karabakh.\n\n\
         According to Yerevan, the drone was brought down near Goris on Monday.",
        day(2020, 11, 26),
    )]);
    assert_eq!(
        place_names(&atlas, found(&atlas, EventKind::Shelling, "Goris")),
        ["Goris"]
    );
}

#[test]
fn a_district_a_side_agreed_to_return_is_where_the_deal_is_carried_out() {
    let atlas = extract(vec![article(
        "return.txt",
        "Fighting went on in Nagorno-Karabakh.\n\n\
         Armenia agreed on Monday to return the Fuzuli district.",
        day(2020, 11, 26),
    )]);
    found(&atlas, EventKind::Diplomacy, "Fuzuli District");
    assert_none_at(&atlas, EventKind::Diplomacy, "Yerevan");
}

#[test]
fn a_strike_named_to_date_another_is_no_place_of_it() {
    let atlas = extract(vec![article(
        "day_of.txt",
        "Fighting went on in Nagorno-Karabakh.\n\n\
         A clinic in Stepanakert was also hit by shells on 21 October, the day of the Tartar \
         strike.",
        day(2020, 10, 26),
    )]);
    assert_eq!(
        place_names(&atlas, found(&atlas, EventKind::Shelling, "Stepanakert")),
        ["Stepanakert"]
    );
}

#[test]
fn the_airfield_an_aircraft_came_from_is_no_scene() {
    let atlas = extract(vec![article(
        "airfield.txt",
        "Fighting went on in Nagorno-Karabakh.\n\n\
         An Armenian Su-25 was shot down over Vardenis on Tuesday by a Turkish F-16 that had \
         taken off from the Ganja airfield.\n\n\
         A transport plane was downed over Goris on Wednesday by a jet flying out of Barda.",
        day(2020, 10, 1),
    )]);
    assert_eq!(
        place_names(&atlas, found(&atlas, EventKind::Shelling, "Vardenis")),
        ["Vardenis"]
    );
    assert_eq!(
        place_names(&atlas, found(&atlas, EventKind::Shelling, "Goris")),
        ["Goris"]
    );
}

#[test]
fn where_an_army_has_drawn_near_is_no_place_of_what_it_took() {
    let atlas = extract(vec![article(
        "near.txt",
        "Fighting went on in Nagorno-Karabakh.\n\n\
         Aliyev said on Tuesday his forces had taken Hadrut and were close to Shusha.\n\n\
         Fighting near Martuni went on on Wednesday.",
        day(2020, 10, 22),
    )]);
    assert_eq!(
        place_names(&atlas, found(&atlas, EventKind::Fighting, "Hadrut")),
        ["Hadrut"]
    );
    found(&atlas, EventKind::Fighting, "Martuni");
}

#[test]
fn a_wire_s_dateline_dates_no_event_and_its_overnight_is_the_night_before() {
    let atlas = extract(vec![article(
        "wire.txt",
        "TBILISI, Oct 14 (Reuters) - Clashes raged overnight around Fuzuli, rebel commanders \
         reported on Wednesday.",
        day(2020, 10, 14),
    )]);
    assert_day(&atlas, EventKind::Fighting, "Fuzuli", day(2020, 10, 13));
}

#[test]
fn a_district_that_followed_is_one_more_handover_on_its_own_day() {
    let atlas = extract(vec![article(
        "handovers.txt",
        "Azerbaijan took back Agdam on 20 November under the deal. Kalbajar followed on \
         25 November, and Lachin on 1 December.\n\n\
         Azerbaijani forces took back Jabrayil on 9 October.",
        day(2020, 12, 5),
    )]);
    let agdam = found(&atlas, EventKind::Diplomacy, "Agdam");
    // The side that takes it back is no place of the handover.
    assert_eq!(place_names(&atlas, agdam), ["Agdam"]);
    assert_eq!(agdam.day, Some(day(2020, 11, 20)));
    assert_none_at(&atlas, EventKind::Fighting, "Agdam");
    assert_day(&atlas, EventKind::Diplomacy, "Kalbajar", day(2020, 11, 25));
    assert_day(&atlas, EventKind::Diplomacy, "Lachin", day(2020, 12, 1));
    // Taken back in battle, with no deal, is fighting.
    found(&atlas, EventKind::Fighting, "Jabrayil");
    // "Followed" with no place as its subject tells of no event, even with one named after it.
    let atlas = extract(vec![article(
        "followed.txt",
        "Armenia handed over Aghdam on 20 November. A long convoy of trucks from Goris followed \
         on 25 November.",
        day(2020, 12, 5),
    )]);
    assert_eq!(atlas.events.len(), 1, "{}", describe(&atlas));
}

#[test]
fn the_next_day_counts_from_the_day_last_named_even_where_it_told_no_event() {
    let atlas = extract(vec![article(
        "next-day.txt",
        "Shells hit Tartar on 10 October.\n\n\
         On 14 October, the defence ministry published a long list of names. The next day, \
         shells hit Barda.\n\n\
         The siren on the roof of the town hall stopped working on October 1. That morning, \
         shells landed in the square of Martakert.",
        day(2020, 10, 24),
    )]);
    assert_day(&atlas, EventKind::Shelling, "Barda", day(2020, 10, 15));
    assert_day(&atlas, EventKind::Shelling, "Martakert", day(2020, 10, 1));
}

#[test]
fn a_day_earlier_in_a_new_paragraph_counts_from_the_strike_told() {
    let atlas = extract(vec![article(
        "day-earlier.txt",
        "A shell struck the cemetery of Tartar on Thursday, killing four men. On Friday, fresh \
         earth marked four new graves.\n\n\
         Armenia denied targeting civilians.\n\n\
         A day earlier, a shell hit the centre of Barda, killing one man.\n\n\
         Soldiers drive towards the front near Jabrayil on October 19. Azerbaijan said it had \
         captured the town of Fuzuli two days earlier.",
        day(2020, 10, 20),
    )]);
    // Thursday is 15 October; the graves' Friday tells of no event.
    assert_day(&atlas, EventKind::Shelling, "Barda", day(2020, 10, 14));
    // In its own paragraph, "two days earlier" counts from the day named just before.
    assert_day(&atlas, EventKind::Fighting, "Fuzuli", day(2020, 10, 17));
}

#[test]
fn a_count_of_days_beside_a_date_or_weekday_is_one_day() {
    let atlas = extract(vec![article(
        "count-beside.txt",
        "On the morning of Sunday, October 4, rockets struck Stepanakert.\n\n\
         Hadrut, October 6\n\n\
         Two days later, on October 6, a rocket hit a house on the edge of Hadrut, killing a \
         woman.\n\n\
         Shells fell on Tartar on Wednesday 14 October. The next day, Thursday, four men were \
         killed when a shell landed in the cemetery in Barda.",
        day(2020, 12, 11),
    )]);
    let hadrut: Vec<_> = atlas
        .events
        .iter()
        .filter(|e| place_names(&atlas, e).contains(&"Hadrut".to_string()))
        .collect();
    assert_eq!(hadrut.len(), 1, "{}", describe(&atlas));
    assert_eq!(hadrut[0].day, Some(day(2020, 10, 6)));
    assert_eq!(toll_at(&atlas, "Barda").day, Some(day(2020, 10, 15)));
}

#[test]
fn talks_far_away_put_no_strike_outside_the_war() {
    let atlas = extract(vec![article(
        "geneva.txt",
        "Ministers meet in Geneva\n\n\
         Armenia and Azerbaijan promised to spare civilians after their foreign ministers held \
         talks with the Minsk Group envoys in Geneva on Friday.\n\n\
         Early on 17 October, a rocket hit a school in Ganja. Nine people died and 30 more were \
         wounded.",
        day(2020, 10, 30),
    )]);
    let strike = found(&atlas, EventKind::Shelling, "Ganja");
    assert_eq!(place_names(&atlas, strike), ["Ganja"]);
    assert_eq!(strike.day, Some(day(2020, 10, 17)));
    for event in atlas.events.iter() {
        assert!(
            !place_names(&atlas, event).contains(&"Switzerland".to_string()),
            "{}",
            describe(&atlas)
        );
    }
}

#[test]
fn a_deal_is_one_act_on_the_day_it_was_signed_and_its_signatories_are_no_places() {
    let atlas = extract(vec![article(
        "deal.txt",
        "Fighting raged around Shusha on 8 November.\n\n\
         On 9 November, Pashinyan, Aliyev and Putin signed the truce that ended the war, \
         effective from 00:00 Moscow time on November 10.\n\n\
         A humanitarian ceasefire was agreed on October 17 and took effect at 00:00 on \
         October 18. At 00:04, Azerbaijani artillery opened fire on Hadrut.",
        day(2020, 11, 12),
    )]);
    let truces: Vec<_> = atlas
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Diplomacy && e.day >= Some(day(2020, 11, 1)))
        .collect();
    assert_eq!(truces.len(), 1, "{}", describe(&atlas));
    assert_eq!(truces[0].day, Some(day(2020, 11, 9)));
    assert_eq!(place_names(&atlas, truces[0]), ["Nagorno-Karabakh"]);
    // The day it came into force is where the story goes on.
    assert_day(&atlas, EventKind::Shelling, "Hadrut", day(2020, 10, 18));
    // Signed in a named city, the deal is there; a deal of two outsiders stays at their seats.
    let atlas = extract(vec![article(
        "moscow.txt",
        "Putin, Aliyev and Pashinyan signed the deal in Moscow on 9 November.\n\n\
         On Wednesday, the Russian and Turkish defence ministers signed a memorandum on a joint \
         monitoring centre.",
        day(2020, 11, 12),
    )]);
    found(&atlas, EventKind::Diplomacy, "Moscow");
    found(&atlas, EventKind::Diplomacy, "Ankara");
}

#[test]
fn a_rejected_accusation_a_river_and_a_statement_s_day_are_read_as_such() {
    let atlas = extract(vec![article(
        "readings.txt",
        "Yerevan rejected the accusation from Baku that its troops had shelled Tartar on \
         Saturday.\n\n\
         The ministry said on 2 November that its units had repelled enemy attacks near Martuni \
         and Kubatly overnight.\n\n\
         On Sunday, Baku said its troops had captured a bridge on the Araks river and several \
         villages near Jabrayil.\n\n\
         Cars loaded with blankets lined up on the road toward Goris, and officials estimated \
         that roughly half of Stepanakert's 55,000 residents had fled.\n\n\
         Azerbaijan's prosecutor counts 95 civilians killed in Azerbaijan over the whole war.",
        day(2020, 11, 2),
    )]);
    let tartar = found(&atlas, EventKind::Shelling, "Tartar");
    assert!(
        tartar.sources.iter().all(|s| s.denied),
        "{}",
        describe(&atlas)
    );
    // One battle, on the night before the statement, at both directions.
    let repelled = found(&atlas, EventKind::Fighting, "Kubatly");
    assert_eq!(repelled.day, Some(day(2020, 11, 1)));
    assert_eq!(place_names(&atlas, repelled).len(), 2);
    // The river is no village of Armenia.
    let bridge = found(&atlas, EventKind::Fighting, "Jabrayil");
    assert_eq!(place_names(&atlas, bridge), ["Jabrayil"]);
    // "Cars" opening a sentence is no town of Turkey; half of a named population is counted.
    let flight = found(&atlas, EventKind::Displacement, "Stepanakert");
    assert_eq!(place_names(&atlas, flight), ["Stepanakert"]);
    assert_eq!(value(&flight.figures.displaced), Some(27_500));
    let toll = found(&atlas, EventKind::Casualties, "Azerbaijan");
    assert_eq!(
        toll.figures
            .deaths
            .as_ref()
            .map(|f| (f.value, f.running_total)),
        Some((95, true))
    );
}

#[test]
fn in_the_evening_goes_on_with_the_day_its_paragraph_named() {
    let atlas = extract(vec![article(
        "evening.txt",
        "The Iranian envoy held talks in Baku on Saturday. In the evening he met Pashinyan in \
         Yerevan.\n\n\
         In the evening, shells hit Stepanakert.",
        day(2020, 11, 2),
    )]);
    assert_day(&atlas, EventKind::Diplomacy, "Yerevan", day(2020, 10, 31));
    // In a paragraph of its own, the evening is the publication day's.
    assert_day(&atlas, EventKind::Shelling, "Stepanakert", day(2020, 11, 2));
}

#[test]
fn an_attack_that_tells_how_a_strike_or_toll_came_about_is_no_battle() {
    let atlas = extract(vec![article(
        "how.txt",
        "On Sunday, Baku said one of its soldiers died near Hadrut when gunmen attacked a \
         checkpoint.\n\n\
         A missile struck Ganja on 17 October, killing 13 people in the deadliest attack of the \
         war.\n\n\
         On Thursday, two farmers were injured when an old shell exploded in a field near \
         Martuni.\n\n\
         Armenian artillery shelled Tartar while troops attacked positions near Fuzuli.",
        day(2020, 11, 28),
    )]);
    assert_none_at(&atlas, EventKind::Fighting, "Hadrut");
    found(&atlas, EventKind::Casualties, "Hadrut");
    assert_none_at(&atlas, EventKind::Fighting, "Ganja");
    // What the war left behind goes off: a toll, not a strike.
    assert_none_at(&atlas, EventKind::Shelling, "Martuni");
    found(&atlas, EventKind::Casualties, "Martuni");
    // An attack of its own stays a battle.
    found(&atlas, EventKind::Fighting, "Fuzuli");
}

#[test]
fn a_trip_s_next_stops_and_an_after_clause_s_truce_are_no_places_of_what_is_told() {
    let atlas = extract(vec![article(
        "stops.txt",
        "Qatar's foreign minister met Aliyev in Baku on Thursday and was expected in Moscow and \
         Geneva later in the week.\n\n\
         Barely a day after a truce signed in Moscow took hold, rockets hit a market in Barda on \
         18 October.",
        day(2020, 12, 11),
    )]);
    let visit = found(&atlas, EventKind::Diplomacy, "Baku");
    assert_eq!(place_names(&atlas, visit), ["Baku"]);
    assert_day(&atlas, EventKind::Shelling, "Barda", day(2020, 10, 18));
    assert_none_at(&atlas, EventKind::Diplomacy, "Moscow");
}

#[test]
fn what_an_official_says_of_a_truce_in_their_own_words_is_no_diplomatic_act() {
    let atlas = extract(vec![article(
        "envoy.txt",
        "\"Both armies have to respect the truce,\" the French envoy told journalists in Yerevan.\n\n\
         The French envoy met Pashinyan in Yerevan on Monday.",
        day(2020, 11, 23),
    )]);
    let talks = of_kind(&atlas, EventKind::Diplomacy);
    assert_eq!(talks.len(), 1, "{}", describe(&atlas));
    assert_eq!(talks[0].day, Some(day(2020, 11, 23)));
}

#[test]
fn the_talks_or_the_handover_named_again_are_those_just_told() {
    let atlas = extract(vec![article(
        "handover.txt",
        "On Friday, units of the Azerbaijani army entered the Agdam district under the truce. The \
         handover took place without incidents, the Azerbaijani Defense Ministry said.",
        day(2020, 11, 23),
    )]);
    assert_none_at(&atlas, EventKind::Diplomacy, "Baku");
    let handover = found(&atlas, EventKind::Diplomacy, "Agdam district");
    assert_eq!(handover.sources.len(), 2, "{}", describe(&atlas));
}

#[test]
fn attempts_foiled_and_claims_called_false_are_read() {
    let atlas = extract(vec![article(
        "foiled.txt",
        "The ministry said on 2 November that enemy efforts to retake the heights near Martuni \
         and Kubatly had been foiled overnight.\n\n\
         On Sunday, Aliyev said his troops had captured six villages near Fuzuli. The Armenian \
         side called the claims false and said fighting was still going on in the area.\n\n\
         On Thursday, two shepherds from a hamlet in the Martuni area were injured.",
        day(2020, 11, 2),
    )]);
    let foiled = found(&atlas, EventKind::Fighting, "Kubatly");
    assert_eq!(foiled.day, Some(day(2020, 11, 1)));
    // The rebuttal answers the claim: one battle, denied, not a second one in the region.
    let fighting = of_kind(&atlas, EventKind::Fighting);
    assert_eq!(fighting.len(), 2, "{}", describe(&atlas));
    let claim = found(&atlas, EventKind::Fighting, "Fuzuli");
    assert!(claim.sources.iter().any(|s| s.denied));
    assert_eq!(value(&toll_at(&atlas, "Martuni").figures.injured), Some(2));
}

#[test]
fn what_the_whole_war_saw_told_at_the_head_of_a_sentence_has_no_day() {
    let atlas = extract(vec![article(
        "whole-war.txt",
        "Throughout the war, shells landed on farms near Kapan and Goris.\n\n\
         Azerbaijan's prosecutor said 95 civilians were killed during the war.",
        day(2020, 12, 27),
    )]);
    assert_eq!(found(&atlas, EventKind::Shelling, "Kapan").day, None);
    // A count of the war told on its day keeps that day.
    assert_day(
        &atlas,
        EventKind::Casualties,
        "Azerbaijan",
        day(2020, 12, 27),
    );
}

#[test]
fn a_weapon_named_as_evidence_is_no_strike_of_its_own() {
    let atlas = extract(vec![article(
        "evidence.txt",
        "Early on 17 October, a rocket hit a school in Ganja.\n\n\
         Remnants found at the site were consistent with a Scud-B missile. Researchers identified \
         the remnants as cluster submunitions delivered by rockets.",
        day(2020, 12, 11),
    )]);
    let strikes = of_kind(&atlas, EventKind::Shelling);
    assert_eq!(strikes.len(), 1, "{}", describe(&atlas));
    assert_eq!(strikes[0].day, Some(day(2020, 10, 17)));
}

#[test]
fn a_visit_is_placed_where_it_went_and_a_signed_deal_in_the_region() {
    let atlas = extract(vec![article(
        "visit.txt",
        "Fighting in Nagorno-Karabakh ended in November.\n\n\
         On 15 January, President Ilham Aliyev visited the Lachin district and the town of \
         Kalbajar.\n\n\
         He laid the first stone of a new road on 21 November 2020, on a first visit to the freed \
         Agdam district.\n\n\
         Later he spoke to Azerbaijani TV channels in an interview.\n\n\
         The prisoner exchange deal was signed on 2 December 2020 by Azerbaijan's President, \
         Russia's President and Armenia's Prime Minister.\n\n\
         On Monday Aliyev signed a decree on the new districts.",
        day(2021, 1, 15),
    )]);
    let visit = found(&atlas, EventKind::Diplomacy, "Kalbajar");
    assert_eq!(visit.day, Some(day(2021, 1, 15)));
    assert!(
        place_names(&atlas, visit).contains(&"Lachin District".to_string()),
        "{}",
        describe(&atlas)
    );
    let first_visit = found(&atlas, EventKind::Diplomacy, "Agdam District");
    assert_eq!(first_visit.day, Some(day(2020, 11, 21)));
    // The deal's signers are its parties; a decree stays with who signs it.
    let deal = found(&atlas, EventKind::Diplomacy, "Nagorno-Karabakh");
    assert_eq!(deal.day, Some(day(2020, 12, 2)));
    let at_baku: Vec<_> = atlas
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Diplomacy && place_names(&atlas, e) == ["Baku"])
        .collect();
    assert_eq!(at_baku.len(), 1, "{}", describe(&atlas));
    assert_eq!(at_baku[0].day, Some(day(2021, 1, 11)));
}

#[test]
fn a_pair_of_days_keeps_one_toll_and_a_truce_its_night() {
    let atlas = extract(vec![article(
        "pairs.txt",
        "Clashes near Hadrut on 10-11 December killed two soldiers.\n\n\
         Shelling on October 26 and 27 killed four civilians in Tartar.\n\n\
         On the night of 3 to 4 December, the leaders signed a truce for Nagorno-Karabakh, which \
         took hold at midnight on 4 December.",
        day(2020, 12, 22),
    )]);
    let tolls = of_kind(&atlas, EventKind::Casualties);
    assert_eq!(tolls.len(), 1, "{}", describe(&atlas));
    assert_eq!(tolls[0].day, Some(day(2020, 12, 10)));
    assert_eq!(tolls[0].figures.deaths.as_ref().map(|f| f.value), Some(2));
    // The fighting is told on both days.
    let battles = of_kind(&atlas, EventKind::Fighting).len();
    assert_eq!(battles, 2, "{}", describe(&atlas));
    // "27" is the second day, not a count.
    assert_eq!(value(&toll_at(&atlas, "Tartar").figures.deaths), Some(4));
    let truces = of_kind(&atlas, EventKind::Diplomacy);
    assert_eq!(truces.len(), 1, "{}", describe(&atlas));
    assert_eq!(truces[0].day, Some(day(2020, 12, 3)));
}

#[test]
fn questions_and_corrections_report_nothing_and_listed_districts_take_their_days() {
    let atlas = extract(vec![article(
        "briefing.txt",
        "On Thursday, rockets hit homes in Tartar, the district's governor said.\n\n\
         Question: Reports say civilians were killed in Barda after the truce was signed. What \
         is your view?\n\n\
         Correction, 23 October: this story first gave Wednesday as the day of the strike on \
         Barda.\n\n\
         The Kalbajar, Agdam and Lachin districts were handed back to Azerbaijan under the accord \
         on 25 November, 20 November and 1 December.",
        day(2020, 10, 23),
    )]);
    assert!(find(&atlas, EventKind::Casualties, "Barda").is_none());
    assert!(find(&atlas, EventKind::Shelling, "Barda").is_none());
    for (district, handed_over) in [
        ("Kalbajar", day(2020, 11, 25)),
        ("Agdam", day(2020, 11, 20)),
        ("Lachin", day(2020, 12, 1)),
    ] {
        let handover = found(&atlas, EventKind::Diplomacy, district);
        assert_eq!(handover.day, Some(handed_over), "{}", describe(&atlas));
        assert_eq!(handover.places.len(), 1, "{}", describe(&atlas));
    }
}

#[test]
fn what_happened_as_the_war_began_is_dated_by_it() {
    let atlas = extract(vec![article(
        "first-day.txt",
        "Martakert was among the first places shelled when the war began on 27 September. That \
         morning, rockets also landed on the bazaar.\n\n\
         Hundreds of soldiers have been killed since the war began on 27 September.",
        day(2020, 12, 30),
    )]);
    let first_day = found(&atlas, EventKind::Shelling, "Martakert");
    assert_eq!(first_day.day, Some(day(2020, 9, 27)));
    assert_eq!(first_day.sources.len(), 2, "{}", describe(&atlas));
    assert!(
        atlas
            .events
            .iter()
            .all(|e| e.day != Some(day(2020, 12, 30)) || e.kind != EventKind::Shelling),
        "{}",
        describe(&atlas)
    );
}

#[test]
fn a_third_hurt_one_of_the_dead_and_returns_without_a_noun_are_counted() {
    let atlas = extract(vec![article(
        "counts.txt",
        "On Monday, a border patrol truck was hit by a missile near Kapan. Two guards died and a \
         third was hurt.\n\n\
         The boy was one of the 9 people who died when a missile hit their block of flats in \
         Ganja on October 11.\n\n\
         On 14 December, 180 people crossed from Nagorno-Karabakh into Armenia through Goris.\n\n\
         Of Shusha's 4,000 residents, about 1,800 have come back.",
        day(2020, 12, 22),
    )]);
    let guards = toll_at(&atlas, "Kapan");
    assert_eq!(value(&guards.figures.deaths), Some(2));
    assert_eq!(value(&guards.figures.injured), Some(1));
    assert_eq!(value(&toll_at(&atlas, "Ganja").figures.deaths), Some(9));
    let crossing = found(&atlas, EventKind::Displacement, "Goris");
    assert_eq!(crossing.day, Some(day(2020, 12, 14)));
    assert_eq!(value(&crossing.figures.displaced), Some(180));
    let returns = found(&atlas, EventKind::Displacement, "Shusha");
    assert_eq!(value(&returns.figures.displaced), Some(1800));
}

#[test]
fn a_region_named_once_in_a_remark_is_not_the_article_s_region() {
    let atlas = extract(vec![
        article(
            "lachin-visit.txt",
            "On 15 January, the President visited the town of Lachin.\n\n\
             Since the ceasefire, mines have killed over 30 people in the freed districts, the \
             demining agency says.\n\n\
             In an interview, the President spoke of a future rail line through the Syunik \
             Province.",
            day(2021, 1, 15),
        ),
        article(
            "yerevan-briefing.txt",
            "Protesters stormed a ministry in Yerevan after the deal was signed.\n\n\
             Officials were attacked early on November 11, and a deputy minister was injured.",
            day(2020, 11, 12),
        ),
    ]);
    let mines = atlas
        .events
        .iter()
        .find(|e| e.kind == EventKind::Casualties && e.day == Some(day(2021, 1, 15)))
        .unwrap_or_else(|| panic!("no mine toll in\n{}", describe(&atlas)));
    assert!(
        !place_names(&atlas, mines).contains(&"Syunik Province".to_string()),
        "{}",
        describe(&atlas)
    );
    assert!(
        atlas
            .events
            .iter()
            .all(|e| !place_names(&atlas, e).contains(&"Kotayk Province".to_string())),
        "{}",
        describe(&atlas)
    );
}

#[test]
fn a_side_s_officials_counting_their_own_dead_place_the_count_at_that_side() {
    let atlas = extract(vec![article(
        "own-dead.txt",
        "Azerbaijan's defence ministry made public on December 4 the names of all its soldiers \
         killed: 2,850. Armenian officials say more than 2,600 of their soldiers are dead.",
        day(2020, 12, 7),
    )]);
    let armenian = found(&atlas, EventKind::Casualties, "Armenia");
    assert_eq!(value(&armenian.figures.deaths), Some(2600));
    let azerbaijani = found(&atlas, EventKind::Casualties, "Azerbaijan");
    assert_eq!(value(&azerbaijani.figures.deaths), Some(2850));
}

#[test]
fn a_morning_clock_time_after_a_night_is_the_morning_after() {
    let atlas = extract(vec![article(
        "bulletin.txt",
        "During the night, enemy forces pressed their offensive towards Jabrayil.\n\n\
         At around 07:10, enemy units attacked our positions near Hadrut. The assault was \
         repelled.",
        day(2020, 10, 24),
    )]);
    assert_day(&atlas, EventKind::Fighting, "Jabrayil", day(2020, 10, 23));
    assert_day(&atlas, EventKind::Fighting, "Hadrut", day(2020, 10, 24));
}

#[test]
fn countries_inside_an_institution_s_name_are_no_scene() {
    let atlas = extract(vec![article(
        "ministries.txt",
        "The truce was proclaimed late on Wednesday by the foreign ministries of Azerbaijan and \
         Armenia, only hours after a rocket strike had killed 8 people in Barda.\n\n\
         The Ministry of Defence of the Republic of Armenia calls false a claim by the Ministry \
         of Defence of Azerbaijan that Armenian guns shelled Tartar early on 27 October.",
        day(2020, 10, 29),
    )]);
    let strike = toll_at(&atlas, "Barda");
    assert_eq!(
        place_names(&atlas, strike),
        ["Barda"],
        "{}",
        describe(&atlas)
    );
    let denied = found(&atlas, EventKind::Shelling, "Tartar");
    assert_eq!(
        place_names(&atlas, denied),
        ["Tartar"],
        "{}",
        describe(&atlas)
    );
    assert!(denied.sources.iter().any(|s| s.denied));
    // A verdict on a claim is no call.
    assert!(
        atlas
            .events
            .iter()
            .all(|e| e.kind != EventKind::Diplomacy || e.day != Some(day(2020, 10, 27))),
        "{}",
        describe(&atlas)
    );
}

#[test]
fn a_headline_under_the_date_line_is_part_of_the_header() {
    let text = "State news site\n\n\
                15 January 2021\n\n\
                Aliyev visits Lachin and Kalbajar, opens new road\n\n\
                On 15 January, President Ilham Aliyev visited the Lachin district. He opened a \
                new road to the town and met families who have come back.";
    let published = karabakh_atlas::corpus::publication_date(text)
        .unwrap_or_else(|| panic!("no publication date in {text:?}"));
    let mut page = article("state-news.txt", text, published.day);
    page.published = Some(published);
    let atlas = extract(vec![page]);
    // Only the report below: the headline's Kalbajar is told nowhere else.
    assert!(
        find(&atlas, EventKind::Diplomacy, "Kalbajar").is_none(),
        "{}",
        describe(&atlas)
    );
    found(&atlas, EventKind::Diplomacy, "Lachin District");
}

#[test]
fn a_plan_s_weekday_reaches_past_an_aside_of_names_between_dashes() {
    let atlas = extract(vec![article(
        "mediators.txt",
        "Fighting went on in Nagorno-Karabakh.\n\n\
         Baku's foreign minister is due to see the three mediators - Russia, France and the \
         United States - in Paris on Friday.",
        day(2020, 10, 7),
    )]);
    let talks = found(&atlas, EventKind::Diplomacy, "Paris");
    assert_eq!(talks.status, Status::Planned, "{}", describe(&atlas));
    assert_eq!(talks.day, Some(day(2020, 10, 9)));
}

#[test]
fn a_page_number_is_no_count() {
    let atlas = extract(vec![article(
        "corrections.txt",
        "An article on the war (29 October, page 31) said 25 people had been killed when rockets \
         hit Barda the day before.",
        day(2020, 11, 3),
    )]);
    assert_eq!(value(&toll_at(&atlas, "Barda").figures.deaths), Some(25));
}

#[test]
fn soldiers_back_with_their_units_are_no_return_home() {
    let atlas = extract(vec![article(
        "released.txt",
        "Two soldiers captured near Hadrut were released on Monday. The two men have already \
         returned to their units.\n\n\
         Some 2,000 people have already returned to Stepanakert.",
        day(2020, 12, 10),
    )]);
    let returns = of_kind(&atlas, EventKind::Displacement);
    assert_eq!(returns.len(), 1, "{}", describe(&atlas));
    assert_eq!(value(&returns[0].figures.displaced), Some(2000));
}

#[test]
fn the_town_of_officials_who_report_is_not_the_scene() {
    let atlas = extract(vec![article(
        "syunik.txt",
        "Officials in Kapan said the road near Meghri was shelled on Monday. Authorities in \
         Stepanakert confirmed that fighting raged around Hadrut on Tuesday.",
        day(2020, 10, 21),
    )]);
    assert_day(&atlas, EventKind::Shelling, "Meghri", day(2020, 10, 19));
    assert_day(&atlas, EventKind::Fighting, "Hadrut", day(2020, 10, 20));
    assert_none_at(&atlas, EventKind::Shelling, "Kapan");
    assert_none_at(&atlas, EventKind::Fighting, "Stepanakert");
    let atlas = extract(vec![article(
        "baku.txt",
        "In Baku, the defence ministry accused Armenian forces of shelling Tartar on Monday. In \
         Barda, rockets killed 21 people on Wednesday.",
        day(2020, 10, 29),
    )]);
    assert_day(&atlas, EventKind::Shelling, "Tartar", day(2020, 10, 26));
    assert_none_at(&atlas, EventKind::Shelling, "Baku");
    // Where the sentence's own event is, it stays.
    assert_day(&atlas, EventKind::Shelling, "Barda", day(2020, 10, 28));
}

#[test]
fn where_a_road_leads_is_not_where_it_is_used() {
    let atlas = extract(vec![article(
        "road.txt",
        "Shelling hit Lachin and the villages along the road to Goris on Friday.",
        day(2020, 11, 16),
    )]);
    assert_day(&atlas, EventKind::Shelling, "Lachin", day(2020, 11, 13));
    assert_none_at(&atlas, EventKind::Shelling, "Goris");
}

#[test]
fn a_toll_compared_with_an_earlier_day_is_as_of_its_report() {
    let atlas = extract(vec![article(
        "toll.txt",
        "Armenia's defence ministry said last night that 55 soldiers had died, up from 40 on \
         Friday.",
        day(2020, 10, 20),
    )]);
    let toll = toll_at(&atlas, "Armenia");
    assert_eq!(value(&toll.figures.deaths), Some(55));
    assert_eq!(toll.day, Some(day(2020, 10, 19)), "{}", describe(&atlas));
}

#[test]
fn a_district_named_beside_a_town_of_its_own_is_the_town_s_setting() {
    let atlas = extract(vec![article(
        "tartar.txt",
        "The enemy subjected the city of Tartar and the villages of Tartar district to intensive \
         artillery fire on Tuesday. Shells also fell on Goranboy district and on Barda.",
        day(2020, 10, 28),
    )]);
    assert_day(&atlas, EventKind::Shelling, "Tartar", day(2020, 10, 27));
    assert_none_at(&atlas, EventKind::Shelling, "Tartar District");
    // A district with no town of its own beside it keeps its point; shells that "also fell"
    // took no town.
    found(&atlas, EventKind::Shelling, "Goranboy District");
    found(&atlas, EventKind::Shelling, "Barda");
    assert_no_kind(&atlas, EventKind::Fighting);
}

#[test]
fn a_summary_since_then_puts_no_battle_on_one_day() {
    let atlas = extract(vec![article(
        "summary.txt",
        "On September 27 the army launched a counter-offensive along the front. Since then it \
         has liberated the cities of Jabrayil, Fuzuli and Zangilan and more than 200 villages. \
         Since then, some 40,000 people have fled Nagorno-Karabakh, officials said.",
        day(2020, 10, 28),
    )]);
    assert_none_at(&atlas, EventKind::Fighting, "Jabrayil");
    assert_none_at(&atlas, EventKind::Fighting, "Zangilan");
    // A count of the displaced is as of its report.
    let fled = first_of(&atlas, EventKind::Displacement);
    assert_eq!(value(&fled.figures.displaced), Some(40_000));
}

#[test]
fn a_timeline_tells_its_diplomacy_in_the_present() {
    let atlas = extract(vec![article(
        "timeline.txt",
        "Nov 5 - Aliyev receives the Italian foreign minister in Baku.\n\
         Nov 6 - The hospital in Barda receives aid from the Red Cross.\n\
         Nov 7 - Ministers agree in Moscow on an exchange of bodies.",
        day(2020, 11, 20),
    )]);
    assert_day(&atlas, EventKind::Diplomacy, "Baku", day(2020, 11, 5));
    assert_day(&atlas, EventKind::Diplomacy, "Moscow", day(2020, 11, 7));
    assert_none_at(&atlas, EventKind::Diplomacy, "Barda");
}

#[test]
fn a_month_before_the_publication_s_gives_no_day() {
    let atlas = extract(vec![article(
        "review.txt",
        "Mediators visited Baku in early November. In December, talks resumed in Moscow.",
        day(2020, 12, 20),
    )]);
    let visit = found(&atlas, EventKind::Diplomacy, "Baku");
    assert_eq!(visit.day, None, "{}", describe(&atlas));
    // The publication's own month stays the report's day.
    assert_day(&atlas, EventKind::Diplomacy, "Moscow", day(2020, 12, 20));
}
