//! The gazetteer on the seeds (against the hand-made reference) and on short sentences of our own,
//! one per rule.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use karabakh_atlas::gazetteer::Gazetteer;
use karabakh_atlas::gazetteer::normalize::normalize_name;
use karabakh_atlas::model::{Mention, MentionRole, Place, PlaceKind};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        Gazetteer::load(&root().join("data")).unwrap_or_else(|e| panic!("data/ must load: {e}"))
    })
}

fn place_of<'g>(g: &'g Gazetteer, mention: &Mention) -> Option<&'g Place> {
    mention.place.as_deref().and_then(|id| g.place(id))
}

/// The mentions of `name` (in any spelling that normalises the same) in `text`.
fn mentions_named<'m>(mentions: &'m [Mention], name: &str) -> Vec<&'m Mention> {
    let wanted = normalize_name(name);
    mentions
        .iter()
        .filter(|m| normalize_name(&m.text) == wanted)
        .collect()
}

fn only<'m>(mentions: &'m [Mention], name: &str) -> &'m Mention {
    let found = mentions_named(mentions, name);
    assert_eq!(
        found.len(),
        1,
        "expected one mention of {name}, got {mentions:#?}"
    );
    found[0]
}

/// The one mention of `name` in `mentions`, after checking it lies in `country` (its reasons
/// are shown when it does not).
fn in_country<'m>(
    g: &Gazetteer,
    mentions: &'m [Mention],
    name: &str,
    country: &str,
) -> &'m Mention {
    let m = only(mentions, name);
    assert_eq!(
        place_of(g, m).map(|p| p.country.as_str()),
        Some(country),
        "{}",
        m.why
    );
    m
}

fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

fn seeds() -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("seeds"))
        .unwrap_or_else(|e| panic!("seeds/ must exist: {e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.display().to_string(), text)
        })
        .collect()
}

fn gold() -> Option<serde_json::Value> {
    let path = root().join("../shared/eval/seeds-gold.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!(
            "note: {} is absent; the reference checks are skipped",
            path.display()
        );
        return None;
    };
    Some(serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

#[test]
fn every_reference_place_of_the_seeds_resolves_near_its_point() {
    let Some(gold) = gold() else { return };
    let g = gazetteer();
    let all: Vec<Mention> = seeds()
        .iter()
        .flat_map(|(_, text)| g.mentions(text))
        .collect();
    let must = gold["places"]["must_resolve"]
        .as_object()
        .unwrap_or_else(|| panic!("places.must_resolve must be an object"));
    assert!(must.len() >= 10);
    for (name, point) in must {
        let expected = (
            point[0].as_f64().unwrap_or(f64::NAN),
            point[1].as_f64().unwrap_or(f64::NAN),
        );
        let found = mentions_named(&all, name);
        assert!(!found.is_empty(), "{name} is never found in the seeds");
        for mention in found {
            let Some(place) = place_of(g, mention) else {
                // Only a name that is part of another name (an organisation) may stay unplaced.
                assert_eq!(
                    mention.role,
                    MentionRole::Background,
                    "{name}: {}",
                    mention.why
                );
                continue;
            };
            if matches!(place.kind, PlaceKind::Country | PlaceKind::Region) {
                // The right entry: the country or region whose point is nearest the reference.
                let nearest = g
                    .search(&place.name, 50)
                    .into_iter()
                    .chain(
                        [
                            "AZ", "AM", "RU", "TR", "FR", "SY", "LY", "CA", "GE", "IR", "US",
                        ]
                        .iter()
                        .filter_map(|c| g.country(c)),
                    )
                    .filter(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Region))
                    .min_by(|a, b| {
                        km(expected, (a.lat, a.lon)).total_cmp(&km(expected, (b.lat, b.lon)))
                    })
                    .map(|p| p.id.clone());
                assert_eq!(
                    nearest.as_deref(),
                    Some(&*place.id),
                    "{name}: {}",
                    mention.why
                );
            } else {
                let off = km(expected, (place.lat, place.lon));
                assert!(
                    off <= 25.0,
                    "{name} resolved {off:.0} km away: {}",
                    mention.why
                );
            }
        }
    }
}

#[test]
fn no_excluded_name_of_the_seeds_is_an_event_place() {
    let Some(gold) = gold() else { return };
    let g = gazetteer();
    let all: Vec<Mention> = seeds()
        .iter()
        .flat_map(|(_, text)| g.mentions(text))
        .collect();
    let excluded = gold["places"]["must_not_be_event_places"]
        .as_object()
        .unwrap_or_else(|| panic!("places.must_not_be_event_places must be an object"));
    for name in excluded.keys() {
        for mention in mentions_named(&all, name) {
            assert_ne!(mention.role, MentionRole::Event, "{name}: {}", mention.why);
        }
    }
}

#[test]
fn aliases_in_english_french_and_armenian_forms_meet_one_entry() {
    let g = gazetteer();
    let text = "Shelling hit Khankendi and Shushi, while Haut-Karabakh, Artsakh and Nagorny Karabakh \
                mourned. Tirs sur Bakou et Erevan. Fighting near Berdzor and Aghdara.";
    let m = g.mentions(text);
    let id = |name: &str| only(&m, name).place.clone().unwrap_or_default();
    let stepanakert = id("Khankendi");
    assert_eq!(
        g.place(&stepanakert).map(|p| p.name.as_str()),
        Some("Stepanakert")
    );
    assert_eq!(
        g.place(&id("Shushi")).map(|p| p.name.as_str()),
        Some("Shusha")
    );
    for region in ["Haut-Karabakh", "Artsakh", "Nagorny Karabakh"] {
        assert_eq!(&*id(region), "atlas:nagorno-karabakh");
    }
    assert_eq!(g.place(&id("Bakou")).map(|p| p.name.as_str()), Some("Baku"));
    assert_eq!(
        g.place(&id("Erevan")).map(|p| p.name.as_str()),
        Some("Yerevan")
    );
    assert_eq!(
        g.place(&id("Berdzor")).map(|p| p.name.as_str()),
        Some("Lachin")
    );
    assert_eq!(
        g.place(&id("Aghdara")).map(|p| p.name.as_str()),
        Some("Martakert")
    );
    // Stepanakert's real size, not GeoNames' 2 100.
    assert!(
        g.place(&stepanakert)
            .is_some_and(|p| p.population >= 50_000)
    );
}

#[test]
fn azerbaijani_diacritics_and_plain_letters_both_match() {
    let g = gazetteer();
    let accented = g.mentions("Rockets struck Gəncə and Xankəndi; Şuşa was shelled again.");
    let plain = g.mentions("Rockets struck Ganja and Xankendi; Susa was shelled again.");
    let names = |m: &[Mention]| -> Vec<String> {
        m.iter()
            .filter_map(|x| place_of(g, x).map(|p| p.name.clone()))
            .collect()
    };
    assert_eq!(names(&accented), ["Ganja", "Stepanakert", "Shusha"]);
    assert_eq!(names(&plain), names(&accented));
    // Offsets are bytes of the original text, diacritics included.
    let text = "Rockets struck Gəncə and Xankəndi; Şuşa was shelled again.";
    for mention in &accented {
        assert_eq!(&text[mention.start..mention.end], mention.text);
    }
}

#[test]
fn demonyms_are_not_places() {
    let g = gazetteer();
    let m = g.mentions(
        "Armenian forces and Azeri troops traded fire as Turkish and Russian officials watched.",
    );
    assert!(m.is_empty(), "{m:#?}");
    let m = g.mentions("Armenian shells fell on Armenia's border villages.");
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].text, "Armenia");
}

#[test]
fn credit_lines_and_datelines_put_nothing_on_the_map() {
    let g = gazetteer();
    let text = "BARDA, Azerbaijan (Reuters) - A rocket hit a market in Tartar on Wednesday.\n\
                (Photo by Tofik Babayev / AFP, Baku)\n\
                Reporting by Nvard Hovhannisyan in Yerevan; Writing by Tom Balmforth in Moscow\n\
                (© Le Figaro, Paris)";
    let m = g.mentions(text);
    assert_eq!(only(&m, "Tartar").role, MentionRole::Event);
    for credited in ["Baku", "Yerevan", "Moscow", "Paris"] {
        assert_eq!(only(&m, credited).role, MentionRole::Credit, "{credited}");
    }
    let barda = &mentions_named(&m, "BARDA")[0];
    assert_eq!(barda.role, MentionRole::Credit, "{}", barda.why);
}

#[test]
fn organisation_names_are_background_without_a_place() {
    let g = gazetteer();
    let m = g.mentions(
        "The co-chairs of the OSCE Minsk Group met in Geneva. The Minsk group has failed, and France 24 reported it.",
    );
    for minsk in mentions_named(&m, "Minsk") {
        assert_eq!(minsk.role, MentionRole::Background);
        assert_eq!(minsk.place, None, "{}", minsk.why);
    }
    assert_eq!(only(&m, "France").place, None);
    assert_eq!(only(&m, "Geneva").role, MentionRole::Event);
}

#[test]
fn a_lower_case_today_or_times_after_a_place_is_no_title() {
    let g = gazetteer();
    let m = g.mentions(
        "The ministers agreed in Geneva today to a ceasefire. Rockets hit Ganja three times. \
         Armenia Today reported it, and so did the Moscow Times.",
    );
    assert_eq!(only(&m, "Geneva").role, MentionRole::Event);
    assert_eq!(only(&m, "Ganja").role, MentionRole::Event);
    assert_eq!(only(&m, "Moscow").role, MentionRole::Background);
    assert_eq!(
        only(&m, "Armenia").place,
        None,
        "{}",
        only(&m, "Armenia").why
    );
}

#[test]
fn an_ancient_name_of_a_far_town_is_no_place_of_the_war() {
    let g = gazetteer();
    let m = g.mentions(
        "Tigranakert, an ancient city near Martakert, was damaged. Shells hit Diyarbakir in \
         Turkey. Talks went on in Genève and Moscou.",
    );
    let tigranakert = only(&m, "Tigranakert");
    assert_eq!(tigranakert.place, None, "{}", tigranakert.why);
    for name in ["Diyarbakir", "Genève", "Moscou", "Martakert"] {
        assert!(
            only(&m, name).place.is_some(),
            "{name}: {}",
            only(&m, name).why
        );
    }
}

#[test]
fn a_country_that_attacks_is_a_party_not_the_scene() {
    let g = gazetteer();
    for (text, country, role) in [
        (
            "Officials said Azerbaijan had shelled Kapan on Monday.",
            "Azerbaijan",
            MentionRole::Actor,
        ),
        (
            "Armenia reportedly attacked Tartar.",
            "Armenia",
            MentionRole::Actor,
        ),
        (
            "Armenia was shelled from across the border.",
            "Armenia",
            MentionRole::Event,
        ),
        (
            "Azerbaijan hit by rockets overnight.",
            "Azerbaijan",
            MentionRole::Event,
        ),
    ] {
        let m = g.mentions(text);
        assert_eq!(
            only(&m, country).role,
            role,
            "{text}: {}",
            only(&m, country).why
        );
    }
}

#[test]
fn persons_names_are_not_places() {
    let g = gazetteer();
    let m = g.mentions(
        "Vladimir Putin called Ilham Aliyev. Later Vladimir said the talks in Sochi would go on.",
    );
    assert!(mentions_named(&m, "Vladimir").is_empty(), "{m:#?}");
    assert_eq!(only(&m, "Sochi").role, MentionRole::Event);
}

#[test]
fn a_building_or_an_office_named_for_a_town_keeps_the_town_a_place() {
    let g = gazetteer();
    // Not "Goris Culture" (a person), which would hide Goris from the whole article.
    let m = g.mentions(
        "The Goris Culture House has not hosted a concert since September. Stepanakert Mayor \
         Davit Sargsyan spoke. Residents of Goris heard explosions on Monday.",
    );
    assert_eq!(mentions_named(&m, "Goris").len(), 2, "{m:#?}");
    assert!(
        mentions_named(&m, "Goris")
            .iter()
            .all(|goris| goris.place.is_some()),
        "{m:#?}"
    );
    assert!(only(&m, "Stepanakert").place.is_some(), "{m:#?}");
}

#[test]
fn governments_named_by_their_capitals_are_actors() {
    let g = gazetteer();
    let m = g.mentions(
        "Baku said two civilians were killed. The Kremlin announced talks. Moscow had offered to host a meeting. \
         There was no reaction from Yerevan and Ankara. The ministers met in Moscow on Friday.",
    );
    let roles: Vec<(&str, MentionRole)> = m.iter().map(|x| (x.text.as_str(), x.role)).collect();
    assert_eq!(
        roles,
        [
            ("Baku", MentionRole::Actor),
            ("Kremlin", MentionRole::Actor),
            ("Moscow", MentionRole::Actor),
            ("Yerevan", MentionRole::Actor),
            ("Ankara", MentionRole::Actor),
            ("Moscow", MentionRole::Event),
        ]
    );
    assert_eq!(
        place_of(g, &m[1]).map(|p| p.name.as_str()),
        Some("Moscow"),
        "the Kremlin stands for Moscow"
    );
}

#[test]
fn origins_of_fighters_and_past_wars_are_background() {
    let g = gazetteer();
    let m = g.mentions(
        "Russia voiced concern about mercenaries from Syria and Libya. \
         In 1994 a ceasefire ended the first war over Nagorno-Karabakh. \
         Since 1994 the front near Fuzuli had barely moved.",
    );
    assert_eq!(only(&m, "Syria").role, MentionRole::Background);
    assert_eq!(only(&m, "Libya").role, MentionRole::Background);
    assert_eq!(only(&m, "Nagorno-Karabakh").role, MentionRole::Background);
    assert_eq!(
        only(&m, "Fuzuli").role,
        MentionRole::Event,
        "'since 1994' is not the past"
    );
}

#[test]
fn a_relative_phrase_confirms_or_picks_the_candidate() {
    let g = gazetteer();
    // Martuni is a town by Lake Sevan in Armenia and the Armenian name of Khojavend in Karabakh.
    let near_sevan =
        g.mentions("Martuni, some 50 kilometres south-east of Sevan, took in refugees.");
    let armenian = place_of(g, only(&near_sevan, "Martuni")).map(|p| p.country.clone());
    assert_eq!(
        armenian.as_deref(),
        Some("AM"),
        "{}",
        only(&near_sevan, "Martuni").why
    );
    let near_stepanakert =
        g.mentions("Martuni, about 30 km east of Stepanakert, came under heavy shelling.");
    let karabakh = place_of(g, only(&near_stepanakert, "Martuni")).map(|p| p.country.clone());
    assert_eq!(karabakh.as_deref(), Some("AZ"));
    assert!(only(&near_stepanakert, "Martuni").why.contains("fits"));
}

#[test]
fn an_ambiguous_name_lies_near_the_place_listed_with_it() {
    let g = gazetteer();
    // Armenia is named in the sentence, but Martuni is listed with Stepanakert: the Karabakh town.
    let mentions = g.mentions(
        "Armenia denied firing at Ganja and accused Azerbaijani forces of shelling Stepanakert \
         and Martuni on Friday.",
    );
    let m = in_country(g, &mentions, "Martuni", "AZ");
    assert!(
        m.why.contains("named in one list with Stepanakert"),
        "{}",
        m.why
    );
    // Listed with a town by Lake Sevan, it is the Armenian Martuni.
    let mentions = g.mentions("Families from Vardenis and Martuni sent food to the front.");
    in_country(g, &mentions, "Martuni", "AM");
}

#[test]
fn an_ambiguous_name_follows_the_country_named_with_it() {
    let g = gazetteer();
    let with_country = g.mentions("Refugees reached Martuni, Armenia, on Tuesday.");
    let m = only(&with_country, "Martuni");
    assert_eq!(
        place_of(g, m).map(|p| p.country.as_str()),
        Some("AM"),
        "{}",
        m.why
    );
    assert!(m.why.contains("Martuni, Armenia"), "{}", m.why);
    // Without a country, the article's other places (Hadrut, Askeran) pull it to Karabakh.
    let without = g.mentions("Shelling hit Hadrut, Askeran and Martuni overnight.");
    let m = in_country(g, &without, "Martuni", "AZ");
    assert!(
        m.candidates.len() >= 2,
        "the other Martuni stays a candidate"
    );
}

#[test]
fn countries_and_capitals_are_looked_up_by_code() {
    let g = gazetteer();
    let russia = g.country("ru").unwrap_or_else(|| panic!("Russia"));
    assert_eq!(russia.kind, PlaceKind::Country);
    assert!(km((61.5, 105.3), (russia.lat, russia.lon)) < 300.0);
    let azerbaijan = g.country("AZ").unwrap_or_else(|| panic!("Azerbaijan"));
    assert!(km((40.3, 47.7), (azerbaijan.lat, azerbaijan.lon)) < 100.0);
    let france = g.country("FR").unwrap_or_else(|| panic!("France"));
    assert!(km((46.6, 2.4), (france.lat, france.lon)) < 100.0);
    assert_eq!(g.capital_of("AM").map(|p| p.name.as_str()), Some("Yerevan"));
    assert_eq!(g.capital_of("AZ").map(|p| p.name.as_str()), Some("Baku"));
    assert_eq!(
        g.search("stepan", 3).first().map(|p| p.name.as_str()),
        Some("Stepanakert")
    );
    let martuni: Vec<&str> = g
        .candidates_for("Martuni")
        .iter()
        .map(|p| p.country.as_str())
        .collect();
    assert!(
        martuni.contains(&"AM") && martuni.contains(&"AZ"),
        "{martuni:?}"
    );
}

#[test]
fn places_of_azerbaijan_and_armenia_know_their_first_level_unit() {
    let g = gazetteer();
    let admin1 = |id: &str| {
        g.place(id)
            .map(|p| p.admin1.as_str())
            .unwrap_or_else(|| panic!("{id} missing"))
    };
    assert_eq!(admin1("geonames:147105"), "Shusha District"); // Shusha
    assert_eq!(admin1("geonames:587057"), "Barda District"); // Barda
    assert_eq!(admin1("geonames:174895"), "Syunik Province"); // Goris
    // Cities of that rank are their own unit, named as the city is.
    assert_eq!(admin1("geonames:587084"), "Baku");
    assert_eq!(admin1("geonames:616052"), "Yerevan");
    // A district is its own unit; countries and places abroad have none.
    assert_eq!(admin1("geonames:409420"), "Tartar District");
    assert_eq!(admin1("geonames:587116"), "");
    assert_eq!(admin1("geonames:2988507"), ""); // Paris
}

#[test]
fn a_gazetteer_without_the_admin1_column_still_loads() {
    let old = "id\tname\tkind\tcountry\tlat\tlon\tpopulation\taliases\n\
               geonames:147105\tShusha\ttown\tAZ\t39.76006\t46.74989\t19400\tShushi|Susa\n";
    let g = Gazetteer::from_tsv(old, "").unwrap_or_else(|e| panic!("{e}"));
    let shusha = g
        .place("geonames:147105")
        .unwrap_or_else(|| panic!("Shusha"));
    assert_eq!(
        (shusha.name.as_str(), shusha.admin1.as_str()),
        ("Shusha", "")
    );
    // A row short of the header's columns is named with its line.
    let short = "id\tname\tkind\tcountry\tlat\tlon\tpopulation\taliases\tadmin1\n\
                 geonames:147105\tShusha\ttown\tAZ\t39.76006\t46.74989\t19400\tShushi\n";
    let error = Gazetteer::from_tsv(short, "")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        error.contains("line 2") && error.contains("expected 9"),
        "{error}"
    );
}

#[test]
fn places_command_prints_json_and_names_each_bad_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let write = |name: &str, bytes: &[u8]| -> PathBuf {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
        path
    };
    let good = write(
        "good.txt",
        "Shelling hit Barda, Azerbaijan, on Sunday.".as_bytes(),
    );
    let empty = write("empty.txt", b"");
    let binary = write("binary.txt", &[0x7f, b'E', b'L', b'F', 0, 0, 0, 1]);
    let foreign = write("foreign.txt", b"Tirs sur Bakou \x93hier\x94.");
    let output = Command::new(env!("CARGO_BIN_EXE_karabakh-atlas"))
        .arg("--data")
        .arg(root().join("data"))
        .arg("places")
        .args([&empty, &good, &binary, &foreign])
        .output()
        .unwrap_or_else(|e| panic!("cannot run the binary: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let rows: serde_json::Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {stdout}"));
    let rows = rows.as_array().unwrap_or_else(|| panic!("not an array"));
    let barda = rows
        .iter()
        .find(|r| r["mention"] == "Barda")
        .unwrap_or_else(|| panic!("Barda missing: {stdout}"));
    assert_eq!(barda["article"], "good.txt");
    assert_eq!(barda["role"], "event");
    assert_eq!(barda["start"], 13);
    assert_eq!(barda["end"], 18);
    assert_eq!(barda["place"]["country"], "AZ");
    assert!(
        barda["place"]["lat"]
            .as_f64()
            .is_some_and(|lat| (lat - 40.38).abs() < 0.1)
    );
    for bad in [&empty, &binary, &foreign] {
        let name = bad.display().to_string();
        assert_eq!(stderr.matches(&name).count(), 1, "{name} in {stderr}");
    }
    assert!(!output.status.success());
}

#[test]
fn a_missing_data_folder_is_a_clear_error() {
    let error = Gazetteer::load(Path::new("no-such-folder"))
        .err()
        .map(|e| e.to_string());
    let message = error.unwrap_or_default();
    assert!(
        message.contains("no-such-folder") && message.contains("--data"),
        "{message}"
    );
}

#[test]
fn a_dateline_of_two_cities_is_a_credit() {
    let g = gazetteer();
    let text =
        "YEREVAN/BAKU (Reuters) - Azerbaijan said on Sunday that Armenian forces shelled Ganja.";
    let mentions = g.mentions(text);
    for name in ["YEREVAN", "BAKU"] {
        let m = mentions
            .iter()
            .find(|m| m.text == name)
            .unwrap_or_else(|| panic!("{name} not found in {mentions:?}"));
        assert_eq!(m.role, MentionRole::Credit, "{name}: {}", m.why);
    }
    let ganja = mentions.iter().find(|m| m.text == "Ganja");
    assert_eq!(ganja.map(|m| m.role), Some(MentionRole::Event));
}

#[test]
fn a_country_that_describes_the_town_before_it_is_not_listed_with_it() {
    let g = gazetteer();
    let m = g.mentions(
        "In Ganja, Azerbaijan's second city, one civilian was killed when a shell hit a \
         residential building, officials said.",
    );
    assert_eq!(
        only(&m, "Ganja").role,
        MentionRole::Event,
        "{}",
        only(&m, "Ganja").why
    );
    // Names listed together still share a role.
    let m = g.mentions("Baku and Yerevan traded accusations on Sunday.");
    assert_eq!(only(&m, "Baku").role, only(&m, "Yerevan").role);
}

#[test]
fn one_name_stands_for_one_place_in_an_article() {
    // The headline names Armenia, which alone would send Martuni to the town by Lake Sevan; the
    // reports from the front that follow put it in Karabakh, and most mentions win.
    let g = gazetteer();
    let text = "Armenia: shelling of Martuni kills civilians\n\nAzerbaijani forces shelled \
                Martuni overnight, near Stepanakert and the line of contact in \
                Nagorno-Karabakh. Armenian units repelled an attack near Martuni and Hadrut. \
                Residents of Martuni said the town was under fire almost daily.";
    let mentions = g.mentions(text);
    let martuni = mentions_named(&mentions, "Martuni");
    assert_eq!(martuni.len(), 4);
    let countries: Vec<String> = martuni
        .iter()
        .filter_map(|m| place_of(g, m).map(|p| p.country.clone()))
        .collect();
    assert_eq!(countries, ["AZ", "AZ", "AZ", "AZ"], "{martuni:?}");
    assert!(
        martuni[0].why.contains("other mention"),
        "{}",
        martuni[0].why
    );
    // A tie changes nothing: each mention keeps its own reading.
    let text = "Martuni, some 50 kilometres south-east of Sevan, took in refugees. Martuni, about \
                30 km east of Stepanakert, came under heavy shelling.";
    let mentions = g.mentions(text);
    let countries: Vec<String> = mentions_named(&mentions, "Martuni")
        .iter()
        .filter_map(|m| place_of(g, m).map(|p| p.country.clone()))
        .collect();
    assert_eq!(countries, ["AM", "AZ"]);
}

#[test]
fn irans_azerbaijan_provinces_are_not_the_country() {
    let g = gazetteer();
    let mentions = g.mentions(
        "Stray rockets landed in villages in Iran's East Azerbaijan province on Saturday.",
    );
    let province = mentions
        .iter()
        .filter_map(|m| place_of(g, m))
        .find(|p| p.kind == PlaceKind::Region)
        .unwrap_or_else(|| panic!("no region in {mentions:?}"));
    assert_eq!(province.country, "IR", "{province:?}");
    assert_eq!(province.name, "East Azerbaijan");
    assert!(
        mentions
            .iter()
            .filter_map(|m| place_of(g, m))
            .all(|p| p.country != "AZ"),
        "{mentions:?}"
    );
}

#[test]
fn a_currency_sign_is_no_country() {
    let g = gazetteer();
    let mentions = g.mentions("The appeal has so far received US$12 million, the UN said.");
    assert!(
        mentions
            .iter()
            .filter_map(|m| place_of(g, m))
            .all(|p| p.country != "US"),
        "{mentions:?}"
    );
    // The country itself is still a place.
    let mentions = g.mentions("The US pledged aid to Armenia.");
    assert!(
        mentions
            .iter()
            .filter_map(|m| place_of(g, m))
            .any(|p| p.country == "US"),
        "{mentions:?}"
    );
}
