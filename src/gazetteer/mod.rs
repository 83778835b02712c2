//! Place names → coordinates.
//!
//! `data/gazetteer.tsv` (built by `scripts/build_gazetteer.py` from GeoNames and Natural Earth)
//! and `data/aliases.tsv` (hand-made places, names and fixes, each with its source) are loaded
//! into one table of places and one table of every normalised name (and of its first words).
//! [`Gazetteer::mentions`] finds every place name of an article in one pass, decides what the
//! name does in its sentence ([`roles`]) and which place it stands for ([`resolve`]), and says why.

pub mod landmarks;
pub mod matcher;
pub mod normalize;
pub mod resolve;
pub mod roles;

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use ahash::AHashMap;

use crate::model::{Mention, Place, PlaceId, PlaceKind};

use matcher::{Matcher, NameEntry, NamedPlace};
use normalize::normalize_name;

pub const GAZETTEER_FILE: &str = "gazetteer.tsv";
pub const ALIASES_FILE: &str = "aliases.tsv";

#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

impl DataError {
    fn at(path: &Path, line: usize, message: impl std::fmt::Display) -> DataError {
        DataError::Invalid {
            path: path.display().to_string(),
            message: format!("line {line}: {message}"),
        }
    }
}

/// The places and names the program knows, with the automaton that finds them in text.
#[derive(Debug)]
pub struct Gazetteer {
    places: Vec<Place>,
    // Looked up for every mention and event (ids, countries): a fast hash, not SipHash.
    by_id: AHashMap<PlaceId, u32>,
    names: Vec<NameEntry>,
    by_name: AHashMap<String, u32>,
    matcher: Matcher,
    countries: AHashMap<String, u32>,
    capitals: AHashMap<String, u32>,
    /// Per place, its [`resolve::prior`] and its distance from the war in km: every mention's
    /// candidates start from them.
    place_facts: Vec<(f64, f64)>,
    /// Per place, the parts of its candidates' reasons that depend on the place alone, written
    /// the first time a mention needs them: articles name the same places again and again.
    place_reasons: Vec<OnceLock<resolve::PlaceReasons>>,
}

impl Default for Gazetteer {
    fn default() -> Self {
        Gazetteer {
            places: Vec::new(),
            by_id: AHashMap::new(),
            names: Vec::new(),
            by_name: AHashMap::new(),
            matcher: Matcher::empty(),
            countries: AHashMap::new(),
            capitals: AHashMap::new(),
            place_facts: Vec::new(),
            place_reasons: Vec::new(),
        }
    }
}

impl Gazetteer {
    /// Read `gazetteer.tsv` and, when present, `aliases.tsv` from `data_dir`.
    pub fn load(data_dir: &Path) -> Result<Gazetteer, DataError> {
        let mut builder = GazetteerBuilder::default();
        let main = data_dir.join(GAZETTEER_FILE);
        builder.read_places(&main, read_file(&main)?.as_str())?;
        let aliases = data_dir.join(ALIASES_FILE);
        if aliases.is_file() {
            builder.read_aliases(&aliases, read_file(&aliases)?.as_str())?;
        }
        Ok(builder.finish())
    }

    /// Build from rows in memory, in the format of `gazetteer.tsv` (used by tests and tools).
    pub fn from_tsv(places_tsv: &str, aliases_tsv: &str) -> Result<Gazetteer, DataError> {
        let mut builder = GazetteerBuilder::default();
        builder.read_places(Path::new(GAZETTEER_FILE), places_tsv)?;
        builder.read_aliases(Path::new(ALIASES_FILE), aliases_tsv)?;
        Ok(builder.finish())
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    pub fn place(&self, id: &str) -> Option<&Place> {
        self.by_id.get(id).map(|&i| &self.places[i as usize])
    }

    /// Every place mention in a whole article, resolved, with its role. Offsets are bytes of `text`.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        resolve::mentions(self, text)
    }

    /// The capital of a country given by ISO 3166-1 alpha-2 code.
    pub fn capital_of(&self, country: &str) -> Option<&Place> {
        let key = country.trim().to_ascii_uppercase();
        self.capitals.get(&key).map(|&i| &self.places[i as usize])
    }

    /// The country entry for an ISO 3166-1 alpha-2 code.
    pub fn country(&self, iso2: &str) -> Option<&Place> {
        let key = iso2.trim().to_ascii_uppercase();
        self.countries.get(&key).map(|&i| &self.places[i as usize])
    }

    /// [`Gazetteer::country`] for a code as places store it (upper case, no spaces), without
    /// making a key: reasons name the country of many candidates.
    pub(crate) fn country_by_code(&self, iso2: &str) -> Option<&Place> {
        if iso2.bytes().all(|b| b.is_ascii_uppercase()) {
            self.countries.get(iso2).map(|&i| &self.places[i as usize])
        } else {
            self.country(iso2)
        }
    }

    /// Every place a name may stand for (any spelling the gazetteer knows), most likely first:
    /// what a reader chooses from to move a mention to another place.
    pub fn candidates_for(&self, name: &str) -> Vec<&Place> {
        let Some(&entry) = self.by_name.get(&normalize_name(name)) else {
            return Vec::new();
        };
        let mut found: Vec<&Place> = self.names[entry as usize]
            .places
            .iter()
            .map(|p| &self.places[p.place as usize])
            .collect();
        found.sort_by(|a, b| resolve::prior(b).total_cmp(&resolve::prior(a)));
        found
    }

    /// Places whose names start with or resemble `query`, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<&Place> {
        let wanted = normalize_name(query);
        if wanted.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut best: HashMap<u32, f64> = HashMap::new();
        for entry in &self.names {
            let closeness = if entry.normalized == wanted {
                3.0
            } else if entry.normalized.starts_with(&wanted) {
                2.0
            } else if wanted.len() >= 4 {
                let similarity = strsim::jaro_winkler(&entry.normalized, &wanted);
                if similarity < 0.9 {
                    continue;
                }
                similarity
            } else {
                continue;
            };
            for named in &entry.places {
                let score = closeness * 10.0 + resolve::prior(&self.places[named.place as usize]);
                let slot = best.entry(named.place).or_insert(f64::MIN);
                *slot = slot.max(score);
            }
        }
        let mut ranked: Vec<(u32, f64)> = best.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
            .into_iter()
            .take(limit)
            .map(|(i, _)| &self.places[i as usize])
            .collect()
    }

    /// Every place of the gazetteer.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// [`resolve::PlaceReasons`] of the place at `index`, written once.
    pub(crate) fn place_reasons(&self, index: u32) -> Option<&resolve::PlaceReasons> {
        let slot = self.place_reasons.get(index as usize)?;
        let place = self.places.get(index as usize)?;
        let from_war = self.place_facts.get(index as usize)?.1;
        Some(slot.get_or_init(|| resolve::PlaceReasons::new(place, from_war)))
    }

    pub(crate) fn names(&self) -> &[NameEntry] {
        &self.names
    }

    pub(crate) fn matcher(&self) -> &Matcher {
        &self.matcher
    }
}

fn read_file(path: &Path) -> Result<String, DataError> {
    std::fs::read_to_string(path).map_err(|e| DataError::Invalid {
        path: path.display().to_string(),
        message: format!(
            "cannot read the gazetteer ({e}); pass the project's data folder with --data"
        ),
    })
}

pub fn parse_kind(word: &str) -> Option<PlaceKind> {
    Some(match word.trim() {
        "country" => PlaceKind::Country,
        "region" => PlaceKind::Region,
        "district" => PlaceKind::District,
        "capital" => PlaceKind::Capital,
        "city" => PlaceKind::City,
        "town" => PlaceKind::Town,
        "village" => PlaceKind::Village,
        _ => return None,
    })
}

/// Collects places and names, then builds the lookup tables and the automaton once.
#[derive(Default)]
struct GazetteerBuilder {
    places: Vec<Place>,
    aliases: Vec<Vec<String>>,
    by_id: AHashMap<PlaceId, u32>,
}

const PLACE_COLUMNS: &str = "id\tname\tkind\tcountry\tlat\tlon\tpopulation\taliases\tadmin1";
/// The columns before `admin1` was added: such files still load, without first-level units.
const PLACE_COLUMNS_WITHOUT_ADMIN1: &str = "id\tname\tkind\tcountry\tlat\tlon\tpopulation\taliases";

impl GazetteerBuilder {
    fn read_places(&mut self, path: &Path, content: &str) -> Result<(), DataError> {
        let mut lines = content.lines().enumerate();
        let columns = match lines.next() {
            Some((_, header)) if header.trim_end() == PLACE_COLUMNS => 9,
            Some((_, header)) if header.trim_end() == PLACE_COLUMNS_WITHOUT_ADMIN1 => 8,
            _ => {
                return Err(DataError::at(
                    path,
                    1,
                    format!(
                        "the header must be `{PLACE_COLUMNS}` (tab-separated); rebuild it with scripts/build_gazetteer.py"
                    ),
                ));
            }
        };
        for (index, line) in lines {
            if line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() != columns {
                return Err(DataError::at(
                    path,
                    index + 1,
                    format!(
                        "expected {columns} tab-separated fields, as the header names, found {}",
                        fields.len()
                    ),
                ));
            }
            let mut place = parse_place(path, index + 1, &fields)?;
            if let Some(admin1) = fields.get(8) {
                place.admin1 = admin1.trim().to_string();
            }
            let aliases = split_aliases(fields[7]);
            self.insert(place, aliases);
        }
        Ok(())
    }

    /// `aliases.tsv`: `id name kind country lat lon population aliases source`, `#` comments.
    /// A row whose id is already known adds its aliases and overrides the non-empty fields; a new
    /// id is a new place and needs every field.
    fn read_aliases(&mut self, path: &Path, content: &str) -> Result<(), DataError> {
        for (index, line) in content.lines().enumerate() {
            let line_no = index + 1;
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.first().map(|f| f.trim()) == Some("id") {
                continue; // header
            }
            if fields.len() != 9 {
                return Err(DataError::at(
                    path,
                    line_no,
                    format!(
                        "expected 9 tab-separated fields (id, name, kind, country, lat, lon, population, aliases, source), found {}",
                        fields.len()
                    ),
                ));
            }
            if fields[8].trim().is_empty() {
                return Err(DataError::at(
                    path,
                    line_no,
                    "every hand-made row needs its source in the last column",
                ));
            }
            let id = fields[0].trim();
            let aliases = split_aliases(fields[7]);
            if let Some(&existing) = self.by_id.get(id) {
                let place = &mut self.places[existing as usize];
                if !fields[1].trim().is_empty() {
                    let old_name = std::mem::replace(&mut place.name, fields[1].trim().to_string());
                    self.aliases[existing as usize].push(old_name);
                }
                if !fields[2].trim().is_empty() {
                    place.kind = parse_kind(fields[2]).ok_or_else(|| {
                        DataError::at(path, line_no, format!("unknown kind `{}`", fields[2]))
                    })?;
                }
                if !fields[3].trim().is_empty() {
                    place.country = fields[3].trim().to_string();
                }
                if !fields[4].trim().is_empty() || !fields[5].trim().is_empty() {
                    place.lat = parse_number(path, line_no, "lat", fields[4])?;
                    place.lon = parse_number(path, line_no, "lon", fields[5])?;
                }
                if !fields[6].trim().is_empty() {
                    place.population = parse_number(path, line_no, "population", fields[6])?;
                }
                self.aliases[existing as usize].extend(aliases);
            } else {
                let place = parse_place(path, line_no, &fields)?;
                self.insert(place, aliases);
            }
        }
        Ok(())
    }

    fn insert(&mut self, place: Place, aliases: Vec<String>) {
        if let Some(&existing) = self.by_id.get(&place.id) {
            self.aliases[existing as usize].extend(aliases);
            return;
        }
        self.by_id
            .insert(place.id.clone(), self.places.len() as u32);
        self.places.push(place);
        self.aliases.push(aliases);
    }

    fn finish(self) -> Gazetteer {
        let mut names: Vec<NameEntry> = Vec::new();
        let mut by_name: AHashMap<String, u32> = AHashMap::new();
        let mut countries = AHashMap::new();
        let mut capitals = AHashMap::new();
        for (index, place) in self.places.iter().enumerate() {
            let index = index as u32;
            match place.kind {
                PlaceKind::Country => {
                    countries.entry(place.country.clone()).or_insert(index);
                }
                PlaceKind::Capital => {
                    capitals.entry(place.country.clone()).or_insert(index);
                }
                _ => {}
            }
            let all_names = std::iter::once((place.name.as_str(), true)).chain(
                self.aliases[index as usize]
                    .iter()
                    .map(|a| (a.as_str(), false)),
            );
            for (name, primary) in all_names {
                let normalized = normalize_name(name);
                if normalized.len() < 2 {
                    continue;
                }
                let exact = is_acronym(name).then(|| name.trim().into());
                let slot = *by_name.entry(normalized.clone()).or_insert_with(|| {
                    names.push(NameEntry {
                        demonym: resolve::is_demonym(&normalized),
                        normalized,
                        places: Vec::new(),
                    });
                    (names.len() - 1) as u32
                });
                let entry = &mut names[slot as usize];
                if let Some(known) = entry.places.iter_mut().find(|p| p.place == index) {
                    known.primary |= primary;
                    if exact.is_none() {
                        known.exact = None;
                    }
                } else {
                    entry.places.push(NamedPlace {
                        place: index,
                        primary,
                        exact,
                    });
                }
            }
        }
        let matcher = Matcher::build(&names);
        let place_reasons = self.places.iter().map(|_| OnceLock::new()).collect();
        let place_facts = self
            .places
            .iter()
            .map(|place| (resolve::prior(place), resolve::km_from_war(place)))
            .collect();
        Gazetteer {
            places: self.places,
            by_id: self.by_id,
            names,
            by_name,
            matcher,
            countries,
            capitals,
            place_facts,
            place_reasons,
        }
    }
}

/// "US", "UK", "USA": only matched when spelled in capitals.
fn is_acronym(name: &str) -> bool {
    let name = name.trim();
    name.len() <= 4 && name.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

fn split_aliases(field: &str) -> Vec<String> {
    field
        .split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect()
}

fn parse_number<T: std::str::FromStr>(
    path: &Path,
    line: usize,
    column: &str,
    value: &str,
) -> Result<T, DataError> {
    value.trim().parse().map_err(|_| {
        DataError::at(
            path,
            line,
            format!("`{}` in column {column} is not a number", value.trim()),
        )
    })
}

fn parse_place(path: &Path, line: usize, fields: &[&str]) -> Result<Place, DataError> {
    let id = fields[0].trim();
    if !(id.starts_with("geonames:") || id.starts_with("atlas:")) {
        return Err(DataError::at(
            path,
            line,
            format!("place id `{id}` must start with `geonames:` or `atlas:`"),
        ));
    }
    let name = fields[1].trim();
    if name.is_empty() {
        return Err(DataError::at(path, line, "the name column is empty"));
    }
    let kind = parse_kind(fields[2]).ok_or_else(|| {
        DataError::at(
            path,
            line,
            format!(
                "unknown kind `{}` (use country, region, district, capital, city, town or village)",
                fields[2]
            ),
        )
    })?;
    let lat: f64 = parse_number(path, line, "lat", fields[4])?;
    let lon: f64 = parse_number(path, line, "lon", fields[5])?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(DataError::at(
            path,
            line,
            format!("coordinates {lat}, {lon} are outside the globe"),
        ));
    }
    let population = if fields[6].trim().is_empty() {
        0
    } else {
        parse_number(path, line, "population", fields[6])?
    };
    Ok(Place {
        id: id.into(),
        name: name.to_string(),
        kind,
        country: fields[3].trim().to_string(),
        lat,
        lon,
        population,
        admin1: String::new(),
    })
}
