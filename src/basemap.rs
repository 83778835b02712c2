//! Borders, lakes and the Nagorno-Karabakh outline from `data/basemap/` (Natural Earth, simplified
//! by `scripts/build_basemap.py`).
//!
//! Every layer is optional: a missing or broken file leaves that layer empty and adds a message to
//! [`Basemap::problems`], so the window still opens and says what is missing and how to fix it.
//! Polygons are triangulated once here (ear clipping) because the map fills land and lakes with
//! meshes; egui's own polygon fill only handles convex shapes.

use std::fs;
use std::path::{Path, PathBuf};

use geo::Simplify;
use serde_json::Value;

/// Tolerance of [`Polygon::coarse_rings`], in degrees (~2 km).
pub const COARSE_TOLERANCE: f64 = 0.02;

/// A point as `[longitude, latitude]` in degrees.
pub type LonLat = [f64; 2];

/// One polygon: an outer ring and its holes, plus its triangulation for filling.
#[derive(Clone, Debug, PartialEq)]
pub struct Polygon {
    /// Closed rings (first point repeated last): the outer ring first, then holes.
    pub rings: Vec<Vec<LonLat>>,
    /// The same rings simplified to [`COARSE_TOLERANCE`], for views where a pixel spans more
    /// than that: fewer points to draw, the same picture.
    pub coarse_rings: Vec<Vec<LonLat>>,
    /// All ring vertices in order (without the repeated closing points), indexed by `triangles`.
    pub vertices: Vec<LonLat>,
    pub triangles: Vec<[u32; 3]>,
    /// `[lon_min, lat_min, lon_max, lat_max]`.
    pub bbox: [f64; 4],
}

impl Polygon {
    fn new(rings: Vec<Vec<LonLat>>) -> Option<Polygon> {
        let rings: Vec<Vec<LonLat>> = rings.into_iter().filter(|r| r.len() >= 4).collect();
        if rings.is_empty() {
            return None;
        }
        let mut vertices = Vec::new();
        let mut flat = Vec::new();
        let mut hole_starts = Vec::new();
        for (i, ring) in rings.iter().enumerate() {
            if i > 0 {
                hole_starts.push(vertices.len());
            }
            // Drop the closing point: ear clipping wants each vertex once.
            for point in &ring[..ring.len() - 1] {
                vertices.push(*point);
                flat.extend_from_slice(point);
            }
        }
        // A ring that cannot be triangulated is still drawn as an outline.
        let indices = earcutr::earcut(&flat, &hole_starts, 2).unwrap_or_default();
        let triangles = indices
            .chunks_exact(3)
            .map(|t| [t[0] as u32, t[1] as u32, t[2] as u32])
            .collect();
        let mut bbox = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
        for [lon, lat] in &vertices {
            bbox = [
                bbox[0].min(*lon),
                bbox[1].min(*lat),
                bbox[2].max(*lon),
                bbox[3].max(*lat),
            ];
        }
        let coarse_rings = rings
            .iter()
            .map(|ring| {
                let line: geo::LineString<f64> = ring
                    .iter()
                    .map(|&[x, y]| geo::coord! { x: x, y: y })
                    .collect();
                line.simplify(COARSE_TOLERANCE)
                    .0
                    .into_iter()
                    .map(|c| [c.x, c.y])
                    .collect()
            })
            .collect();
        Some(Polygon {
            rings,
            coarse_rings,
            vertices,
            triangles,
            bbox,
        })
    }

    /// Whether the point lies inside the outer ring and outside every hole (even-odd rule).
    pub fn contains(&self, point: LonLat) -> bool {
        if point[0] < self.bbox[0]
            || point[0] > self.bbox[2]
            || point[1] < self.bbox[1]
            || point[1] > self.bbox[3]
        {
            return false;
        }
        self.rings
            .iter()
            .filter(|ring| ring_contains(ring, point))
            .count()
            % 2
            == 1
    }
}

fn ring_contains(ring: &[LonLat], [x, y]: LonLat) -> bool {
    let mut inside = false;
    for pair in ring.windows(2) {
        let ([x1, y1], [x2, y2]) = (pair[0], pair[1]);
        if (y1 > y) != (y2 > y) && x < (x2 - x1) * (y - y1) / (y2 - y1) + x1 {
            inside = !inside;
        }
    }
    inside
}

/// A named area: a country, a lake, a region.
#[derive(Clone, Debug, PartialEq)]
pub struct Area {
    pub name: String,
    pub polygons: Vec<Polygon>,
}

impl Area {
    pub fn bbox(&self) -> [f64; 4] {
        self.polygons
            .iter()
            .fold([f64::MAX, f64::MAX, f64::MIN, f64::MIN], |b, p| {
                [
                    b[0].min(p.bbox[0]),
                    b[1].min(p.bbox[1]),
                    b[2].max(p.bbox[2]),
                    b[3].max(p.bbox[3]),
                ]
            })
    }

    pub fn contains(&self, point: LonLat) -> bool {
        self.polygons.iter().any(|p| p.contains(point))
    }

    /// A point to hang the name on: the centre of the largest polygon's bounding box.
    pub fn label_point(&self) -> Option<LonLat> {
        let largest = self.polygons.iter().max_by(|a, b| {
            let area = |p: &Polygon| (p.bbox[2] - p.bbox[0]) * (p.bbox[3] - p.bbox[1]);
            area(a).total_cmp(&area(b))
        })?;
        Some([
            (largest.bbox[0] + largest.bbox[2]) / 2.0,
            (largest.bbox[1] + largest.bbox[3]) / 2.0,
        ])
    }
}

/// File names inside `data/basemap/`.
pub const REGION_FILE: &str = "countries_region.geojson";
pub const WORLD_FILE: &str = "countries_world.geojson";
pub const LAKES_FILE: &str = "lakes.geojson";
pub const KARABAKH_FILE: &str = "nagorno_karabakh.geojson";
pub const TOWNS_FILE: &str = "cities.tsv";

/// A reference town, labelled on the map even on days without events there.
#[derive(Clone, Debug, PartialEq)]
pub struct Town {
    pub name: String,
    pub lonlat: LonLat,
    pub population: u64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Basemap {
    /// Countries of the region at 1:10m: the main map.
    pub countries: Vec<Area>,
    /// The whole world at 1:110m: the inset for far-away places.
    pub world: Vec<Area>,
    pub lakes: Vec<Area>,
    pub karabakh: Option<Area>,
    /// Largest first.
    pub towns: Vec<Town>,
    /// One message per layer that could not be loaded, naming the file and what to do.
    pub problems: Vec<String>,
}

impl Basemap {
    /// Load every layer of `data_dir/basemap/`; never fails (see [`Basemap::problems`]).
    pub fn load(data_dir: &Path) -> Basemap {
        let dir = data_dir.join("basemap");
        let mut problems = Vec::new();
        let mut layer = |file: &str| match load_layer(&dir.join(file)) {
            Ok(areas) => areas,
            Err(problem) => {
                problems.push(problem);
                Vec::new()
            }
        };
        let countries = layer(REGION_FILE);
        let world = layer(WORLD_FILE);
        let lakes = layer(LAKES_FILE);
        let karabakh = layer(KARABAKH_FILE).into_iter().next();
        let towns = match load_towns(&dir.join(TOWNS_FILE)) {
            Ok(towns) => towns,
            Err(problem) => {
                problems.push(problem);
                Vec::new()
            }
        };
        Basemap {
            countries,
            world,
            lakes,
            karabakh,
            towns,
            problems,
        }
    }

    /// The country whose polygon contains the point, by name.
    pub fn country_at(&self, point: LonLat) -> Option<&str> {
        self.countries
            .iter()
            .find(|c| c.contains(point))
            .map(|c| c.name.as_str())
    }
}

/// Read one GeoJSON FeatureCollection of Polygons/MultiPolygons. Features with another geometry or
/// broken coordinates are skipped; an unreadable or unparsable file is an error naming it.
pub fn load_layer(path: &Path) -> Result<Vec<Area>, String> {
    let fix = "rebuild it with scripts/build_basemap.py";
    let text = fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read ({e}); {fix}", display(path)))?;
    parse_layer(&text).map_err(|e| format!("{}: {e}; {fix}", display(path)))
}

/// Read the reference towns: `name, lat, lon, population, country` separated by tabs, `#` comments,
/// one header line. A malformed line is an error naming the file and the line.
pub fn load_towns(path: &Path) -> Result<Vec<Town>, String> {
    let text = fs::read_to_string(path).map_err(|e| {
        format!(
            "{}: cannot read ({e}); rebuild it with scripts/build_basemap.py",
            display(path)
        )
    })?;
    let mut towns = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.starts_with("name\t") || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let parsed = match fields.as_slice() {
            [name, lat, lon, population, ..] => lat
                .parse::<f64>()
                .ok()
                .zip(lon.parse::<f64>().ok())
                .zip(population.parse::<u64>().ok())
                .map(|((lat, lon), population)| Town {
                    name: name.to_string(),
                    lonlat: [lon, lat],
                    population,
                }),
            _ => None,
        };
        match parsed {
            Some(town) => towns.push(town),
            None => {
                return Err(format!(
                    "{} line {}: expected name, latitude, longitude, population, country separated by tabs",
                    display(path),
                    number + 1
                ));
            }
        }
    }
    towns.sort_by_key(|t| std::cmp::Reverse(t.population));
    Ok(towns)
}

fn display(path: &Path) -> String {
    PathBuf::from(path).display().to_string()
}

/// Parse a FeatureCollection from text (see [`load_layer`]).
pub fn parse_layer(text: &str) -> Result<Vec<Area>, String> {
    let root: Value = serde_json::from_str(text).map_err(|e| {
        format!(
            "not valid JSON at line {} column {}: {e}",
            e.line(),
            e.column()
        )
    })?;
    let features = root
        .get("features")
        .and_then(Value::as_array)
        .ok_or("not a GeoJSON FeatureCollection (no \"features\" array)")?;
    let mut areas = Vec::new();
    for feature in features {
        let name = feature
            .pointer("/properties/name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let Some(geometry) = feature.get("geometry") else {
            continue;
        };
        let coordinates = geometry.get("coordinates");
        let polygons: Vec<Value> = match (geometry.get("type").and_then(Value::as_str), coordinates)
        {
            (Some("Polygon"), Some(c)) => vec![c.clone()],
            (Some("MultiPolygon"), Some(Value::Array(list))) => list.clone(),
            _ => continue,
        };
        let polygons: Vec<Polygon> = polygons
            .iter()
            .filter_map(|p| Polygon::new(parse_rings(p)?))
            .collect();
        if !polygons.is_empty() {
            areas.push(Area { name, polygons });
        }
    }
    Ok(areas)
}

fn parse_rings(value: &Value) -> Option<Vec<Vec<LonLat>>> {
    value
        .as_array()?
        .iter()
        .map(|ring| {
            ring.as_array()?
                .iter()
                .map(|point| {
                    let lon = point.get(0)?.as_f64()?;
                    let lat = point.get(1)?.as_f64()?;
                    (lon.is_finite() && lat.is_finite()).then_some([lon, lat])
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project_data() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
    }

    #[test]
    fn the_region_layers_put_the_war_in_the_right_countries() {
        let map = Basemap::load(&project_data());
        assert!(map.problems.is_empty(), "{:?}", map.problems);
        // Stepanakert and Barda are in Azerbaijan, Goris in Armenia, Tbilisi in Georgia.
        assert_eq!(map.country_at([46.75, 39.82]), Some("Azerbaijan"));
        assert_eq!(map.country_at([47.13, 40.37]), Some("Azerbaijan"));
        assert_eq!(map.country_at([46.34, 39.51]), Some("Armenia"));
        assert_eq!(map.country_at([44.79, 41.72]), Some("Georgia"));
        // The Caspian Sea is in no country.
        assert_eq!(map.country_at([51.0, 40.0]), None);
    }

    #[test]
    fn karabakh_outline_holds_stepanakert_not_barda_and_sevan_is_named() {
        let map = Basemap::load(&project_data());
        let karabakh = map
            .karabakh
            .as_ref()
            .expect("the outline ships with the project");
        assert!(karabakh.contains([46.75, 39.82]));
        assert!(!karabakh.contains([47.13, 40.37]));
        let sevan = map
            .lakes
            .iter()
            .find(|l| l.name == "Lake Sevan")
            .expect("Lake Sevan is labelled");
        assert!(sevan.contains([45.3, 40.35]));
    }

    #[test]
    fn every_polygon_is_triangulated() {
        let map = Basemap::load(&project_data());
        for area in map.countries.iter().chain(&map.lakes).chain(&map.karabakh) {
            for polygon in &area.polygons {
                assert!(
                    !polygon.triangles.is_empty(),
                    "{} has an untriangulated polygon",
                    area.name
                );
                let n = polygon.vertices.len() as u32;
                assert!(polygon.triangles.iter().flatten().all(|&i| i < n));
            }
        }
    }

    #[test]
    fn coarse_outlines_have_fewer_points_and_stay_closed() {
        let map = Basemap::load(&project_data());
        let full: usize = map
            .countries
            .iter()
            .flat_map(|a| &a.polygons)
            .flat_map(|p| &p.rings)
            .map(Vec::len)
            .sum();
        let coarse: usize = map
            .countries
            .iter()
            .flat_map(|a| &a.polygons)
            .flat_map(|p| &p.coarse_rings)
            .map(Vec::len)
            .sum();
        assert!(coarse * 2 < full, "{coarse} of {full} points");
        for ring in map
            .countries
            .iter()
            .flat_map(|a| &a.polygons)
            .flat_map(|p| &p.coarse_rings)
        {
            assert_eq!(ring.first(), ring.last());
        }
    }

    #[test]
    fn a_broken_file_is_reported_with_its_name_and_the_rest_still_loads() {
        let dir = tempfile::tempdir().expect("temp dir");
        let basemap = dir.path().join("basemap");
        fs::create_dir_all(&basemap).expect("create");
        for file in [REGION_FILE, WORLD_FILE, KARABAKH_FILE, TOWNS_FILE] {
            fs::copy(
                project_data().join("basemap").join(file),
                basemap.join(file),
            )
            .expect("copy");
        }
        fs::write(
            basemap.join(LAKES_FILE),
            "{\"type\": \"FeatureCollection\", \"features\": [",
        )
        .expect("write");
        let map = Basemap::load(dir.path());
        assert_eq!(map.problems.len(), 1);
        assert!(map.problems[0].contains(LAKES_FILE), "{}", map.problems[0]);
        assert!(map.problems[0].contains("line 1"), "{}", map.problems[0]);
        assert!(map.lakes.is_empty());
        assert!(map.karabakh.is_some());
        assert!(!map.countries.is_empty());
    }

    #[test]
    fn missing_folder_gives_one_message_per_layer() {
        let dir = tempfile::tempdir().expect("temp dir");
        let map = Basemap::load(dir.path());
        assert_eq!(map.problems.len(), 5);
        assert!(map.karabakh.is_none());
    }

    #[test]
    fn towns_are_read_largest_first_and_a_bad_line_is_named() {
        let map = Basemap::load(&project_data());
        assert_eq!(map.towns.first().map(|t| t.name.as_str()), Some("Moscow"));
        assert!(map.towns.iter().any(|t| t.name == "Stepanakert"));
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(TOWNS_FILE);
        fs::write(&path, "name\tlat\tlon\tpopulation\tcountry\nBarda\t40.37\t47.12\t41600\tAZ\nGoris\tforty\t46.3\t20000\tAM\n")
            .expect("write");
        let error = load_towns(&path).expect_err("line 3 is broken");
        assert!(error.contains("line 3"), "{error}");
    }

    #[test]
    fn a_polygon_with_a_hole_excludes_the_hole() {
        let layer = parse_layer(
            r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Ring"},
            "geometry":{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4],[0,0]],
            [[1,1],[3,1],[3,3],[1,3],[1,1]]]}},
            {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,1]}}]}"#,
        )
        .expect("valid");
        assert_eq!(layer.len(), 1);
        assert!(layer[0].contains([0.5, 0.5]));
        assert!(!layer[0].contains([2.0, 2.0]));
        // The square minus the hole needs 8 triangles.
        assert_eq!(layer[0].polygons[0].triangles.len(), 8);
    }
}
