#!/usr/bin/env python3
"""Build the bundled datasets data/jakarta.json and data/chennai.json.

Python 3 standard library only. Run from anywhere:

    python3 tools/build_datasets.py          # write data/jakarta.json and data/chennai.json
    python3 tools/build_datasets.py --check  # exit 1 if either file is out of date

data/jakarta.json is put together from
  * data/editorial/jakarta-core.json: hand-written editorial content (meta, sources, pillars
    with definitions and targets, hazards, focus areas, CRF, timeline);
  * the administrative areas, parsed from the research notes
    ../shared/research/jakarta-facts.md (path relative to the repository root): the region
    table (section 5.2), the kecamatan table (section 5.3) and the kelurahan table
    (Appendix A). Only codes, names, centroids and SP2020 populations are taken; no geometry;
  * data/editorial/jakarta-initiatives.json, if it exists: {"sources": [...], "actions": [...]}.
    Its sources are appended (an id already present is skipped) and its actions become the
    dataset's actions.

data/chennai.json is data/editorial/chennai.json with its keys put in order.

Every object is written with its keys in the order of the Rust structs in
src/model/types/ (what serde would write), with "$schema" first. Keys starting with "_"
(comments) are dropped. The output is deterministic: running the script twice gives
identical files. The script checks counts (6 regions, 44 kecamatan, 267 kelurahan) and
references (sources, pillars, hazards, areas, ...) and stops with an error if anything is off.
"""

import argparse
import datetime
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FACTS = os.path.normpath(os.path.join(ROOT, "..", "shared", "research", "jakarta-facts.md"))
EDITORIAL = os.path.join(ROOT, "data", "editorial")
SCHEMA_REF = "strategy.schema.json"

# The tie counts meta.note states (strategy, programme, partnership, reported, theme).
NOTE_TIE_COUNTS = (4, 8, 4, 2, 30)
EXPECTED_COUNTS = {"region": 6, "kecamatan": 44, "kelurahan": 267}
SP2020_DKI_TOTAL = 10562088  # BPS BRS No. 5/01/31/Th. XXIII (22 Jan 2021)

# --------------------------------------------------------------------------------------
# Field order of the Rust structs (src/model/types/; a cited_record! has id first and
# sources, provenance last).
#   "req"  : required, always written
#   "opt"  : Option<_> with skip_serializing_if = "Option::is_none": written only when set
#   "dflt" : #[serde(default)] without skip: always written (default filled in when absent)
#   "skipf": bool with skip_serializing_if = "is_false": written only when true
# The third element names the nested type ("Text", a struct name, "[Struct]" for a list of
# structs) or None for plain values.
# --------------------------------------------------------------------------------------
S = {
    "Text": [("id", "dflt", None), ("en", "dflt", None), ("editor_translated", "opt", None)],
    "Provenance": [("kind", "req", None), ("note", "req", "Text"), ("uncertain", "skipf", None)],
    "DeclaredCounts": [
        ("pillars", "opt", None), ("goals", "opt", None), ("strategies", "opt", None),
        ("actions", "opt", None), ("sources", "dflt", None),
    ],
    "Meta": [
        ("id", "req", None), ("title", "req", "Text"), ("city", "req", "Text"),
        ("vision", "dflt", "Text"), ("published", "opt", None), ("dataset_date", "opt", None),
        ("licence", "req", None), ("editors", "opt", None), ("actions_are", "dflt", None),
        ("declared_counts", "dflt", "DeclaredCounts"), ("note", "opt", "Text"),
        ("synthetic", "skipf", None), ("sources", "dflt", None),
    ],
    "Source": [
        ("id", "req", None), ("title", "req", None), ("publisher", "dflt", None),
        ("date", "opt", None), ("url", "opt", None),
    ],
    "Target": [
        ("id", "req", None), ("text", "req", "Text"), ("year", "opt", None),
        ("sources", "req", None), ("provenance", "req", "Provenance"),
    ],
    "Pillar": [
        ("id", "req", None), ("name", "req", "Text"), ("definition", "dflt", "Text"),
        ("targets", "dflt", "[Target]"), ("sources", "req", None),
        ("provenance", "req", "Provenance"),
    ],
    "Goal": [
        ("id", "req", None), ("pillar", "req", None), ("name", "req", "Text"),
        ("sources", "req", None), ("provenance", "req", "Provenance"),
    ],
    "Strategy": [
        ("id", "req", None), ("goal", "req", None), ("name", "req", "Text"),
        ("sources", "req", None), ("provenance", "req", "Provenance"),
    ],
    "Hazard": [
        ("id", "req", None), ("kind", "req", None), ("name", "req", "Text"),
        ("description", "opt", "Text"), ("sources", "req", None),
        ("provenance", "req", "Provenance"),
    ],
    "Ranking": [
        ("id", "req", None), ("title", "req", "Text"), ("description", "opt", "Text"),
        ("shocks", "dflt", None), ("stresses", "dflt", None), ("sources", "req", None),
        ("provenance", "req", "Provenance"),
    ],
    "FocusArea": [
        ("id", "req", None), ("name", "req", "Text"), ("pillars", "dflt", None),
        ("sources", "req", None), ("provenance", "req", "Provenance"),
    ],
    "CrfDimension": [
        ("id", "req", None), ("name", "req", "Text"), ("description", "opt", "Text"),
        ("sources", "req", None), ("provenance", "req", "Provenance"),
    ],
    "CrfDriver": [
        ("id", "req", None), ("dimension", "req", None), ("name", "req", "Text"),
        ("sources", "req", None), ("provenance", "req", "Provenance"),
    ],
    "CrfQuality": [
        ("id", "req", None), ("name", "req", "Text"), ("definition", "opt", "Text"),
        ("sources", "req", None), ("provenance", "req", "Provenance"),
    ],
    "Crf": [
        ("dimensions", "dflt", "[CrfDimension]"), ("drivers", "dflt", "[CrfDriver]"),
        ("qualities", "dflt", "[CrfQuality]"),
    ],
    "Timeframe": [("start", "opt", None), ("end", "opt", None), ("note", "opt", "Text")],
    "Action": [
        ("id", "req", None), ("title", "req", "Text"), ("description", "opt", "Text"),
        ("pillars", "dflt", None), ("goals", "dflt", None), ("strategies", "dflt", None),
        ("hazards", "dflt", None), ("focus_areas", "dflt", None), ("crf_drivers", "dflt", None),
        ("crf_qualities", "dflt", None), ("areas", "dflt", None), ("lead", "opt", None),
        ("partners", "dflt", None), ("status", "opt", None), ("status_basis", "opt", None),
        ("timeframe", "opt", "Timeframe"), ("tie", "opt", None), ("sources", "req", None),
        ("provenance", "req", "Provenance"),
    ],
    "Area": [
        ("id", "req", None), ("code", "req", None), ("level", "req", None),
        ("parent", "opt", None), ("name", "req", None), ("name_en", "opt", None),
        ("centroid", "req", None),
        ("population", "opt", None), ("sources", "req", None),
        ("provenance", "req", "Provenance"),
    ],
    "TimelineEvent": [
        ("id", "req", None), ("date", "req", None), ("title", "req", "Text"),
        ("description", "opt", "Text"), ("participants", "opt", "Text"),
        ("participant_count", "opt", None), ("place", "opt", None), ("sources", "req", None),
        ("provenance", "req", "Provenance"),
    ],
    "Dataset": [
        ("$schema", "opt", None), ("meta", "req", "Meta"), ("sources", "req", "[Source]"),
        ("pillars", "req", "[Pillar]"), ("goals", "dflt", "[Goal]"),
        ("strategies", "dflt", "[Strategy]"), ("hazards", "dflt", "[Hazard]"),
        ("rankings", "dflt", "[Ranking]"), ("focus_areas", "dflt", "[FocusArea]"), ("crf", "dflt", "Crf"),
        ("actions", "dflt", "[Action]"), ("areas", "dflt", "[Area]"),
        ("timeline", "dflt", "[TimelineEvent]"),
    ],
}

DEFAULTS = {
    ("Text", "id"): "", ("Text", "en"): "", ("Meta", "actions_are"): "strategy_actions",
    ("Source", "publisher"): "",
}


class BuildError(Exception):
    pass


def warn(msg):
    print("warning: " + msg, file=sys.stderr)


def default_for(type_name, field, nested):
    if (type_name, field) in DEFAULTS:
        return DEFAULTS[(type_name, field)]
    if nested is None:
        return []  # every plain "dflt" field that is not in DEFAULTS is a Vec
    if nested.startswith("["):
        return []
    return canon({}, nested, type_name + "." + field)


def canon(value, type_name, where):
    """Returns `value` (a dict of type `type_name`) with keys in struct order."""
    if not isinstance(value, dict):
        raise BuildError("%s: expected an object (%s), got %r" % (where, type_name, value))
    spec = S[type_name]
    known = {f for f, _, _ in spec}
    for key in value:
        if key not in known and not key.startswith("_"):
            warn("%s: unknown field %r dropped (not in %s)" % (where, key, type_name))
    out = {}
    for field, mode, nested in spec:
        present = field in value and value[field] is not None
        if not present:
            if mode == "req":
                raise BuildError("%s: missing required field %r" % (where, field))
            if mode == "dflt":
                out[field] = default_for(type_name, field, nested)
            continue
        v = value[field]
        if mode == "skipf":
            if not isinstance(v, bool):
                raise BuildError("%s.%s: expected true/false" % (where, field))
            if v:
                out[field] = True
            continue
        if nested is not None:
            if nested.startswith("["):
                inner = nested[1:-1]
                if not isinstance(v, list):
                    raise BuildError("%s.%s: expected a list" % (where, field))
                v = [canon(item, inner, "%s.%s[%d]" % (where, field, i)) for i, item in enumerate(v)]
            else:
                v = canon(v, nested, "%s.%s" % (where, field))
        out[field] = v
    return out


# --------------------------------------------------------------------------------------
# Areas from the research notes
# --------------------------------------------------------------------------------------

def section(text, start_pattern, end_pattern):
    start = re.search(start_pattern, text, re.M)
    if not start:
        raise BuildError("facts file: section %r not found" % start_pattern)
    rest = text[start.end():]
    end = re.search(end_pattern, rest, re.M) if end_pattern else None
    return rest[: end.start()] if end else rest


def table_rows(block, code_pattern):
    rows = []
    for line in block.splitlines():
        line = line.strip()
        if not line.startswith("|"):
            continue
        cols = [c.strip() for c in line.strip("|").split("|")]
        if re.fullmatch(code_pattern, cols[0]):
            rows.append(cols)
    return rows


def parse_int(cell):
    cell = cell.strip()
    if cell in ("", "—", "-"):
        return None
    return int(cell.replace(",", ""))


def parse_coord(cell):
    return float(cell.strip())


AREA_NOTE_BASE = {
    "id": "Kode Kemendagri, nama dan titik tengah dari tabel wilayah cahyadsn/wilayah_boundaries (MIT), sebagaimana dicatat dalam berkas riset proyek.",
    "en": "Kemendagri code, name and centroid from the cahyadsn/wilayah_boundaries region tables (MIT), as recorded in the project's research notes.",
}
AREA_NOTE_REGION_POP = {
    "id": " Jumlah penduduk: Sensus Penduduk 2020 (BPS, September 2020); angka per kota dihimpun dari tabel Wikipedia yang mengutip BPS, dan jumlah keenamnya sama persis dengan total provinsi dalam rilis BPS (10.562.088).",
    "en": " Population: 2020 Population Census (BPS, September 2020); the per-city figures were compiled from Wikipedia tables citing BPS, and the six add up exactly to the provincial total in BPS's release (10,562,088).",
}
AREA_NOTE_KEC_POP = {
    "id": " Jumlah penduduk: Sensus Penduduk 2020 (BPS) menurut tabel kecamatan di Wikipedia berbahasa Jerman.",
    "en": " Population: 2020 Population Census (BPS) as given in the German Wikipedia kecamatan tables.",
}
# English names in common use for the five administrative cities and the regency. No source
# in the research notes gives them, so they are the editors': the compass word translated
# (Utara = North, Selatan = South, Timur = East, Barat = West, Pusat = Central) and
# Kepulauan Seribu as Thousand Islands (seribu = a thousand, kepulauan = islands). The note
# of each record says so.
REGION_NAMES_EN = {
    "31.01": "Thousand Islands",
    "31.71": "Central Jakarta",
    "31.72": "North Jakarta",
    "31.73": "West Jakarta",
    "31.74": "South Jakarta",
    "31.75": "East Jakarta",
}
AREA_NOTE_NAME_EN = {
    "id": " Nama bahasa Inggris ({en}) dari editor: terjemahan yang lazim dipakai, bukan dari sumber yang dikutip.",
    "en": " English name ({en}): the editors', the translation in common use, not taken from a cited source.",
}
AREA_SOURCES = ["cahyadsn-wilayah-boundaries"]
AREA_POP_SOURCES = ["cahyadsn-wilayah-boundaries", "bps-sp2020-dki", "wikipedia-sp2020-tables"]


def area_record(code, level, parent, name, lat, lon, population, pop_note):
    note = dict(AREA_NOTE_BASE)
    if population is not None:
        note = {"id": note["id"] + pop_note["id"], "en": note["en"] + pop_note["en"]}
    name_en = REGION_NAMES_EN.get(code) if level == "region" else None
    if name_en:
        note = {k: note[k] + AREA_NOTE_NAME_EN[k].format(en=name_en) for k in ("id", "en")}
    rec = {
        "id": code,
        "code": code,
        "level": level,
        "parent": parent,
        "name": name,
        "name_en": name_en,
        "centroid": [lon, lat],
        "population": population,
        "sources": AREA_POP_SOURCES if population is not None else AREA_SOURCES,
        "provenance": {"kind": "confirmed", "note": note},
    }
    return rec


def short_region_name(name):
    for prefix in ("Kab. Adm. ", "Kota Adm. "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def parse_areas(facts_path):
    with open(facts_path, encoding="utf-8") as f:
        text = f.read()

    # 5.2 regions: | Kemendagri | BPS | Name | Kec. | Kel. | "lat, lon" | area | area | pop SP2020 | pop SP2010 |
    regions = []
    for cols in table_rows(section(text, r"^### 5\.2 ", r"^### "), r"31\.\d\d"):
        lat_s, lon_s = [c.strip() for c in cols[5].split(",")]
        regions.append({
            "code": cols[0], "name": short_region_name(cols[2]),
            "n_kec": int(cols[3]), "n_kel": int(cols[4]),
            "lat": parse_coord(lat_s), "lon": parse_coord(lon_s),
            "population": parse_int(cols[8]),
        })

    # 5.3 kecamatan: | Kemendagri | BPS | Kecamatan | Kota/Kab | n kel. | lat | lon | area x3 | pop SP2020 |
    kecamatan = []
    for cols in table_rows(section(text, r"^### 5\.3 ", r"^### "), r"31\.\d\d\.\d\d"):
        kecamatan.append({
            "code": cols[0], "name": cols[2], "region_name": cols[3], "n_kel": int(cols[4]),
            "lat": parse_coord(cols[5]), "lon": parse_coord(cols[6]),
            "population": parse_int(cols[10]),
        })

    # Appendix A kelurahan: | Kemendagri | BPS | Kelurahan | lat | lon |
    kelurahan = []
    for cols in table_rows(section(text, r"^## Appendix A\b", None), r"31\.\d\d\.\d\d\.\d{4}"):
        kelurahan.append({
            "code": cols[0], "name": cols[2],
            "lat": parse_coord(cols[3]), "lon": parse_coord(cols[4]),
        })

    # Counts and consistency.
    got = {"region": len(regions), "kecamatan": len(kecamatan), "kelurahan": len(kelurahan)}
    if got != EXPECTED_COUNTS:
        raise BuildError("area counts %r, expected %r" % (got, EXPECTED_COUNTS))
    region_by_code = {r["code"]: r for r in regions}
    kec_by_code = {k["code"]: k for k in kecamatan}
    for table, items in (("region", regions), ("kecamatan", kecamatan), ("kelurahan", kelurahan)):
        codes = [i["code"] for i in items]
        if len(set(codes)) != len(codes):
            raise BuildError("duplicate %s codes in the facts file" % table)
    for k in kecamatan:
        region = region_by_code.get(k["code"][:5])
        if region is None:
            raise BuildError("kecamatan %s: no region %s" % (k["code"], k["code"][:5]))
        if region["name"] != k["region_name"]:
            raise BuildError("kecamatan %s: kota %r does not match region %r"
                             % (k["code"], k["region_name"], region["name"]))
    for kel in kelurahan:
        if kel["code"][:8] not in kec_by_code:
            raise BuildError("kelurahan %s: no kecamatan %s" % (kel["code"], kel["code"][:8]))
    for k in kecamatan:
        n = sum(1 for kel in kelurahan if kel["code"][:8] == k["code"])
        if n != k["n_kel"]:
            raise BuildError("kecamatan %s: %d kelurahan listed, table says %d" % (k["code"], n, k["n_kel"]))
    for r in regions:
        n_kec = sum(1 for k in kecamatan if k["code"][:5] == r["code"])
        n_kel = sum(1 for kel in kelurahan if kel["code"][:5] == r["code"])
        if (n_kec, n_kel) != (r["n_kec"], r["n_kel"]):
            raise BuildError("region %s: %d kecamatan / %d kelurahan listed, table says %d / %d"
                             % (r["code"], n_kec, n_kel, r["n_kec"], r["n_kel"]))
    total = sum(r["population"] for r in regions)
    if total != SP2020_DKI_TOTAL:
        raise BuildError("SP2020 region populations sum to %d, not %d" % (total, SP2020_DKI_TOTAL))
    for item in regions + kecamatan + kelurahan:
        if not (106.0 < item["lon"] < 107.2 and -6.5 < item["lat"] < -5.0):
            raise BuildError("%s: centroid (%s, %s) outside DKI Jakarta" % (item["code"], item["lat"], item["lon"]))

    areas = []
    for r in sorted(regions, key=lambda r: r["code"]):
        areas.append(area_record(r["code"], "region", None, r["name"], r["lat"], r["lon"],
                                 r["population"], AREA_NOTE_REGION_POP))
    for k in sorted(kecamatan, key=lambda k: k["code"]):
        areas.append(area_record(k["code"], "kecamatan", k["code"][:5], k["name"], k["lat"], k["lon"],
                                 k["population"], AREA_NOTE_KEC_POP))
    for kel in sorted(kelurahan, key=lambda k: k["code"]):
        areas.append(area_record(kel["code"], "kelurahan", kel["code"][:8], kel["name"], kel["lat"],
                                 kel["lon"], None, None))
    return areas


# --------------------------------------------------------------------------------------
# Validation (a subset of what the Rust validator checks; enough to fail early)
# --------------------------------------------------------------------------------------

DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def check_date(value, where, errors):
    if not DATE_RE.match(value or ""):
        errors.append("%s: date %r is not YYYY, YYYY-MM or YYYY-MM-DD" % (where, value))
        return
    parts = [int(p) for p in value.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        errors.append("%s: date %r does not exist" % (where, value))


def check_text(t, where, errors, required=True):
    if required and (not t["id"].strip() or not t["en"].strip()):
        errors.append("%s: text needs both 'id' and 'en'" % where)
    if t.get("editor_translated") not in (None, "id", "en"):
        errors.append("%s: editor_translated must be 'id' or 'en'" % where)


def validate(ds, name):
    errors = []
    source_ids = [s["id"] for s in ds["sources"]]
    known_sources = set(source_ids)

    def unique(items, what):
        ids = [i["id"] for i in items]
        seen = set()
        for i in ids:
            if i in seen:
                errors.append("%s: duplicate id %r" % (what, i))
            seen.add(i)
            if not ID_RE.match(i):
                errors.append("%s: bad id %r" % (what, i))
        return seen

    unique(ds["sources"], "sources")
    for s in ds["sources"]:
        if not s["title"].strip():
            errors.append("source %s: empty title" % s["id"])
        if "url" in s and not re.match(r"^(https?://|mailto:)", s["url"]):
            errors.append("source %s: url must be http, https or mailto" % s["id"])
        if "date" in s:
            check_date(s["date"], "source " + s["id"], errors)

    def check_record(rec, what):
        where = "%s %s" % (what, rec.get("id"))
        if not rec["sources"]:
            errors.append("%s: no sources" % where)
        for sid in rec["sources"]:
            if sid not in known_sources:
                errors.append("%s: unknown source %r" % (where, sid))
        prov = rec["provenance"]
        if prov["kind"] not in ("confirmed", "derived", "illustrative"):
            errors.append("%s: provenance kind %r" % (where, prov["kind"]))
        check_text(prov["note"], where + " provenance.note", errors)

    def check_refs(values, allowed, where, what):
        for v in values:
            if v not in allowed:
                errors.append("%s: unknown %s %r" % (where, what, v))

    meta = ds["meta"]
    check_text(meta["title"], "meta.title", errors)
    check_text(meta["city"], "meta.city", errors)
    check_text(meta["vision"], "meta.vision", errors, required=False)
    for key in ("published", "dataset_date"):
        if key in meta:
            check_date(meta[key], "meta." + key, errors)
    if meta["actions_are"] not in ("strategy_actions", "aligned_initiatives"):
        errors.append("meta.actions_are %r" % meta["actions_are"])
    check_refs(meta["sources"], known_sources, "meta.sources", "source")
    check_refs(meta["declared_counts"]["sources"], known_sources, "meta.declared_counts", "source")

    pillars = unique(ds["pillars"], "pillars")
    for p in ds["pillars"]:
        check_record(p, "pillar")
        check_text(p["name"], "pillar %s name" % p["id"], errors)
        check_text(p["definition"], "pillar %s definition" % p["id"], errors, required=False)
        unique(p["targets"], "pillar %s targets" % p["id"])
        for t in p["targets"]:
            check_record(t, "target")
            check_text(t["text"], "target %s" % t["id"], errors)
    goals = unique(ds["goals"], "goals")
    for g in ds["goals"]:
        check_record(g, "goal")
        check_refs([g["pillar"]], pillars, "goal " + g["id"], "pillar")
    strategies = unique(ds["strategies"], "strategies")
    for s in ds["strategies"]:
        check_record(s, "strategy")
        check_refs([s["goal"]], goals, "strategy " + s["id"], "goal")
    hazards = unique(ds["hazards"], "hazards")
    kinds = {h["id"]: h["kind"] for h in ds["hazards"]}
    unique(ds["rankings"], "rankings")
    for r in ds["rankings"]:
        check_record(r, "ranking")
        check_text(r["title"], "ranking %s title" % r["id"], errors)
        for field, want in (("shocks", "shock"), ("stresses", "stress")):
            for h in r[field]:
                if kinds.get(h) != want:
                    errors.append("ranking %s: %s lists %r, which is not a known %s" % (r["id"], field, h, want))
    for h in ds["hazards"]:
        check_record(h, "hazard")
        check_text(h["name"], "hazard %s name" % h["id"], errors)
        if h["kind"] not in ("shock", "stress"):
            errors.append("hazard %s: kind %r" % (h["id"], h["kind"]))
    focus = unique(ds["focus_areas"], "focus_areas")
    for fa in ds["focus_areas"]:
        check_record(fa, "focus area")
        check_refs(fa["pillars"], pillars, "focus area " + fa["id"], "pillar")
    dims = unique(ds["crf"]["dimensions"], "crf.dimensions")
    for d in ds["crf"]["dimensions"]:
        check_record(d, "crf dimension")
    drivers = unique(ds["crf"]["drivers"], "crf.drivers")
    for d in ds["crf"]["drivers"]:
        check_record(d, "crf driver")
        check_refs([d["dimension"]], dims, "crf driver " + d["id"], "dimension")
    qualities = unique(ds["crf"]["qualities"], "crf.qualities")
    for q in ds["crf"]["qualities"]:
        check_record(q, "crf quality")

    area_ids = unique(ds["areas"], "areas")
    levels = {a["id"]: a["level"] for a in ds["areas"]}
    parent_level = {"kecamatan": "region", "kelurahan": "kecamatan"}
    for a in ds["areas"]:
        check_record(a, "area")
        if a["level"] not in ("region", "kecamatan", "kelurahan"):
            errors.append("area %s: level %r" % (a["id"], a["level"]))
        if a["level"] == "region":
            if "parent" in a:
                errors.append("area %s: a region has no parent" % a["id"])
        elif levels.get(a.get("parent")) != parent_level.get(a["level"]):
            errors.append("area %s: parent %r is not a %s" % (a["id"], a.get("parent"), parent_level.get(a["level"])))
        lon, lat = a["centroid"]
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            errors.append("area %s: centroid out of range" % a["id"])

    unique(ds["actions"], "actions")
    for act in ds["actions"]:
        where = "action " + act["id"]
        check_record(act, "action")
        check_text(act["title"], where + " title", errors)
        check_refs(act["pillars"], pillars, where, "pillar")
        check_refs(act["goals"], goals, where, "goal")
        check_refs(act["strategies"], strategies, where, "strategy")
        check_refs(act["hazards"], hazards, where, "hazard")
        check_refs(act["focus_areas"], focus, where, "focus area")
        check_refs(act["crf_drivers"], drivers, where, "CRF driver")
        check_refs(act["crf_qualities"], qualities, where, "CRF quality")
        check_refs(act["areas"], area_ids, where, "area")
        if act.get("status") not in (None, "planned", "ongoing", "completed", "unknown"):
            errors.append("%s: status %r" % (where, act["status"]))
        if act.get("status_basis") not in (None, "sourced", "inferred"):
            errors.append("%s: status_basis %r" % (where, act["status_basis"]))
        if act.get("tie") not in (None, "strategy", "programme", "partnership", "reported", "theme"):
            errors.append("%s: tie %r" % (where, act["tie"]))

    unique(ds["timeline"], "timeline")
    for ev in ds["timeline"]:
        check_record(ev, "timeline event")
        check_date(ev["date"], "timeline " + ev["id"], errors)
        check_text(ev["title"], "timeline %s title" % ev["id"], errors)

    if errors:
        raise BuildError("%s: %d problem(s):\n  " % (name, len(errors)) + "\n  ".join(errors))


# --------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------

def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def strip_comments(obj):
    if isinstance(obj, dict):
        return {k: strip_comments(v) for k, v in obj.items() if not k.startswith("_")}
    if isinstance(obj, list):
        return [strip_comments(v) for v in obj]
    return obj


def finish(raw, name):
    raw = strip_comments(raw)
    raw["$schema"] = SCHEMA_REF
    ds = canon(raw, "Dataset", name)
    validate(ds, name)
    return ds


def build_jakarta(facts_path):
    core = strip_comments(load_json(os.path.join(EDITORIAL, "jakarta-core.json")))
    if core.get("actions"):
        raise BuildError("jakarta-core.json must not hold actions (they come from jakarta-initiatives.json)")
    if core.get("areas"):
        raise BuildError("jakarta-core.json must not hold areas (they come from the facts file)")
    core["areas"] = parse_areas(facts_path)
    core["actions"] = []

    init_path = os.path.join(EDITORIAL, "jakarta-initiatives.json")
    if os.path.exists(init_path):
        init = strip_comments(load_json(init_path))
        by_id = {s["id"]: s for s in core["sources"]}
        for s in init.get("sources", []):
            if s["id"] in by_id:
                if canon(s, "Source", "initiatives source") != canon(by_id[s["id"]], "Source", "core source"):
                    warn("initiatives source %r differs from the core source of the same id; the core one is kept" % s["id"])
                continue
            core["sources"].append(s)
            by_id[s["id"]] = s
        core["actions"] = init.get("actions", [])
        ties = [a.get("tie") for a in core["actions"]]
        counts = tuple(ties.count(t) for t in ("strategy", "programme", "partnership", "reported", "theme"))
        if counts != NOTE_TIE_COUNTS:
            warn("meta.note counts the ties as %r (strategy, programme, partnership, reported, theme); the initiatives file has %r" % (NOTE_TIE_COUNTS, counts))
    else:
        warn("%s not found: data/jakarta.json gets no actions" % os.path.relpath(init_path, ROOT))
    return finish(core, "jakarta")


def build_chennai():
    return finish(load_json(os.path.join(EDITORIAL, "chennai.json")), "chennai")


def dump(ds):
    return json.dumps(ds, ensure_ascii=False, indent=1) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--facts", default=FACTS, help="path to jakarta-facts.md (default: %(default)s)")
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if an output file is out of date")
    args = ap.parse_args()
    try:
        outputs = {
            os.path.join(ROOT, "data", "jakarta.json"): dump(build_jakarta(args.facts)),
            os.path.join(ROOT, "data", "chennai.json"): dump(build_chennai()),
        }
    except BuildError as e:
        print("error: %s" % e, file=sys.stderr)
        return 1
    stale = 0
    for path, text in outputs.items():
        rel = os.path.relpath(path, ROOT)
        old = None
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                old = f.read()
        if old == text:
            print("%s: up to date" % rel)
            continue
        if args.check:
            print("%s: out of date" % rel)
            stale += 1
            continue
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        print("%s: written" % rel)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
