#!/usr/bin/env python3
"""Build the compact basemap files of data/basemap/ from Natural Earth GeoJSON.

Usage: scripts/build_basemap.py INPUT_DIR [OUTPUT_DIR]

INPUT_DIR holds the Natural Earth layers already converted to GeoJSON (from the npm package
world-atlas 2.0.2 and Natural Earth's own layers):
  countries_caucasus_10m.geojson   borders of the region, 1:10m
  countries_world_110m.geojson     the whole world, 1:110m (for the inset of far-away places)
  lakes_caucasus_ne10m.geojson     lakes, 1:10m (Lake Sevan labelled)
  nagorno_karabakh_ne50m.geojson   the Nagorno-Karabakh outline, 1:50m
  gazetteer_az_am_capitals.csv     GeoNames rows of Azerbaijan, Armenia and every capital
OUTPUT_DIR defaults to data/basemap next to this script.

Every ring is simplified with Douglas-Peucker (tolerance in degrees, below) and rounded, and only
the properties the window uses (`name`) are kept, so the files stay small enough to load in a few
milliseconds. Only the standard library is used.
"""

import json
import math
import sys
from pathlib import Path

# Tolerances in degrees: 0.002 deg is ~200 m, under a pixel at the closest zoom the window allows.
REGION_TOLERANCE = 0.002
WORLD_TOLERANCE = 0.05
# Lakes smaller than this (square degrees, ~1 km2) are invisible at any zoom the window allows.
MIN_LAKE_AREA = 0.0001
# The region the main map can show; lakes outside it are dropped.
REGION_BOX = (34.0, 33.0, 56.0, 48.0)  # lon_min, lat_min, lon_max, lat_max


def perpendicular_distance(p, a, b):
    if a == b:
        return math.hypot(p[0] - a[0], p[1] - a[1])
    dx, dy = b[0] - a[0], b[1] - a[1]
    return abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / math.hypot(dx, dy)


def douglas_peucker(points, tolerance):
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        index, dmax = 0, 0.0
        for i in range(first + 1, last):
            d = perpendicular_distance(points[i], points[first], points[last])
            if d > dmax:
                index, dmax = i, d
        if dmax > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def ring_area(ring):
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:]))) / 2.0


def simplify_ring(ring, tolerance, digits):
    # A closed ring is split in two halves so that Douglas-Peucker has two distinct anchors.
    middle = len(ring) // 2
    half_a = douglas_peucker(ring[: middle + 1], tolerance)
    half_b = douglas_peucker(ring[middle:], tolerance)
    out = []
    for x, y in half_a + half_b[1:]:
        point = [round(x, digits), round(y, digits)]
        if not out or out[-1] != point:
            out.append(point)
    if out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None


def polygons_of(geometry):
    if geometry is None:
        return []
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    return []


def simplify_feature(feature, tolerance, digits, min_area, name):
    polygons = []
    for polygon in polygons_of(feature.get("geometry")):
        rings = []
        for i, ring in enumerate(polygon):
            if ring_area(ring) < min_area:
                if i == 0:
                    break  # a dropped outer ring drops its holes too
                continue
            simplified = simplify_ring(ring, tolerance, digits)
            if simplified is None:
                if i == 0:
                    break
                continue
            rings.append(simplified)
        if rings:
            polygons.append(rings)
    if not polygons:
        return None
    return {
        "type": "Feature",
        "properties": {"name": name},
        "geometry": {"type": "MultiPolygon", "coordinates": polygons},
    }


def in_box(feature, box):
    lon_min, lat_min, lon_max, lat_max = box
    for polygon in polygons_of(feature.get("geometry")):
        for x, y in polygon[0]:
            if lon_min <= x <= lon_max and lat_min <= y <= lat_max:
                return True
    return False


def convert(src, dst, tolerance, digits, min_area=0.0, box=None, name_of=None, note=""):
    data = json.loads(src.read_text(encoding="utf-8"))
    features = []
    for feature in data["features"]:
        if box is not None and not in_box(feature, box):
            continue
        props = feature.get("properties") or {}
        name = name_of(props) if name_of else props.get("name")
        simplified = simplify_feature(feature, tolerance, digits, min_area, name)
        if simplified is not None:
            features.append(simplified)
    out = {"type": "FeatureCollection", "note": note, "features": features}
    dst.write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{dst.name}: {len(features)} features, {dst.stat().st_size // 1024} KB")


def lake_name(props):
    name = props.get("name") or None
    # The converter labelled Lake Sevan with a note on how; the window needs only the name.
    return name.split(" (")[0] if name else None


# Reference towns always labelled on the map: cities of Azerbaijan and Armenia of at least this many
# people, every administrative seat inside the Nagorno-Karabakh box, and the capitals around.
MIN_CITY_POPULATION = 40000
KARABAKH_BOX = (45.5, 38.9, 47.4, 40.45)
NEIGHBOUR_CAPITALS = {"GE", "TR", "IR", "RU"}
# GeoNames gives Stepanakert only under its Azerbaijani name and with 2 100 people; the English
# press, and the window, call it Stepanakert, and it had about 55 000 people in 2020.
ENGLISH_NAMES = {"146970": ("Stepanakert", 55000)}
# ASCII forms of Azerbaijani spellings that English-language news writes otherwise.
ENGLISH_SPELLINGS = {"Lacin": "Lachin", "Goeycay": "Goychay", "Xacmaz": "Khachmaz", "Sirvan": "Shirvan"}
# A town this close (km) to a city ten times its size (and of at least SUBURB_OF_PEOPLE) is a
# suburb: its label would only crowd the city's.
SUBURB_KM = 25.0
SUBURB_OF_PEOPLE = 300000


def population(row):
    for key in ("population_newer", "population"):
        try:
            if row[key]:
                return int(row[key])
        except ValueError:
            pass
    return 0


def english_name(row):
    for key in ("name_newer", "name", "asciiname"):
        if row[key] and row[key].isascii():
            return ENGLISH_SPELLINGS.get(row[key], row[key])
    name = row["asciiname"] or row["name"]
    return ENGLISH_SPELLINGS.get(name, name)


def distance_km(a, b):
    (lat1, lon1), (lat2, lon2) = a, b
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0 * math.hypot(x, y)


def build_cities(src, dst):
    import csv

    towns = []
    lines = ["# Reference towns for the map labels. GeoNames (CC BY 4.0, geonames.org), selected by",
             "# scripts/build_basemap.py. Columns: name, latitude, longitude, population, country.",
             "name\tlat\tlon\tpopulation\tcountry"]
    with src.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code, country = row["feature_code"], row["country_code"]
            lat, lon = float(row["latitude"]), float(row["longitude"])
            name, people = english_name(row), population(row)
            if row["geonameid"] in ENGLISH_NAMES:
                name, people = ENGLISH_NAMES[row["geonameid"]]
            in_karabakh = KARABAKH_BOX[0] <= lon <= KARABAKH_BOX[2] and KARABAKH_BOX[1] <= lat <= KARABAKH_BOX[3]
            keep = (country in ("AZ", "AM") and code in ("PPL", "PPLA", "PPLC") and people >= MIN_CITY_POPULATION) \
                or (country in ("AZ", "AM") and code in ("PPLA", "PPLC") and in_karabakh) \
                or row["geonameid"] in ENGLISH_NAMES \
                or (code == "PPLC" and country in NEIGHBOUR_CAPITALS)
            if keep:
                towns.append((people, name, lat, lon, country))
    kept = []
    for people, name, lat, lon, country in sorted(towns, reverse=True):
        if any(k[0] >= max(10 * people, SUBURB_OF_PEOPLE) and distance_km((lat, lon), (k[2], k[3])) < SUBURB_KM
               for k in kept):
            continue
        kept.append((people, name, lat, lon, country))
    for people, name, lat, lon, country in kept:
        lines.append(f"{name}\t{lat:.4f}\t{lon:.4f}\t{people}\t{country}")
    dst.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{dst.name}: {len(lines) - 3} towns")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    src = Path(sys.argv[1])
    dst = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parent.parent / "data" / "basemap"
    dst.mkdir(parents=True, exist_ok=True)
    source = "Natural Earth (public domain), via npm world-atlas 2.0.2"
    convert(src / "countries_caucasus_10m.geojson", dst / "countries_region.geojson",
            REGION_TOLERANCE, 3, box=REGION_BOX, note=f"{source}, 1:10m, simplified")
    convert(src / "countries_world_110m.geojson", dst / "countries_world.geojson",
            WORLD_TOLERANCE, 2, note=f"{source}, 1:110m, simplified")
    convert(src / "lakes_caucasus_ne10m.geojson", dst / "lakes.geojson",
            REGION_TOLERANCE, 3, min_area=MIN_LAKE_AREA, box=REGION_BOX, name_of=lake_name,
            note="Natural Earth ne_10m_lakes (public domain), simplified")
    convert(src / "nagorno_karabakh_ne50m.geojson", dst / "nagorno_karabakh.geojson",
            0.0, 4, name_of=lambda p: p.get("NAME_EN") or "Nagorno-Karabakh",
            note="Natural Earth 1:50m admin-0 breakaway and disputed areas (public domain): "
                 "the 1994-2020 de-facto extent")
    build_cities(src / "gazetteer_az_am_capitals.csv", dst / "cities.tsv")


if __name__ == "__main__":
    main()
