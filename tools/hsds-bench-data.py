#!/usr/bin/env python3
"""Writes a large 211-style HSDS 3 data set for the import benchmark (bench/import.sh), as JSON and as
a zip of CSV tables with datapackage.json: the same services in both.

The shape follows the relevance fixture (tools/relevance-fixture.py) and US 211 data: organisations
of about ten services each; each service at one location shared with another service, the location
with its address, its own phone and weekday hours without a UTC offset (as most US data gives them),
and coordinates; the service with its own phone, languages, a service area, a cost option for some,
and two terms of a three-level taxonomy (about 300 terms). Seeded, so every run writes the same data.

    python3 tools/hsds-bench-data.py 100000 /tmp/hsds-bench   # writes services.json and services-csv.zip
"""
import csv
import io
import json
import pathlib
import random
import sys
import uuid
import zipfile

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
OUT = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/hsds-bench")
OUT.mkdir(parents=True, exist_ok=True)

TOWNS = [("Redwood City", "94063", 37.4852, -122.2364), ("San Mateo", "94401", 37.5630, -122.3255),
         ("Daly City", "94014", 37.6879, -122.4702), ("South San Francisco", "94080", 37.6547, -122.4077),
         ("East Palo Alto", "94303", 37.4688, -122.1411), ("Menlo Park", "94025", 37.4530, -122.1817),
         ("Half Moon Bay", "94019", 37.4636, -122.4286), ("Pacifica", "94044", 37.6138, -122.4869),
         ("San Bruno", "94066", 37.6305, -122.4111), ("Burlingame", "94010", 37.5841, -122.3661)]
STREETS = ["El Camino Real", "Middlefield Road", "Bay Road", "Broadway", "Main Street", "University Avenue",
           "Mission Street", "Grand Avenue", "Linden Avenue", "Palmetto Avenue"]
KINDS = ["Counseling", "Food Pantry", "Shelter", "Crisis Line", "Legal Aid", "Youth Program", "Senior Meals",
         "Peer Support Group", "Domestic Violence Advocacy", "Substance Use Recovery", "Job Training",
         "Family Resource Center"]
QUALITIES = ["Community", "Peninsula", "Bayside", "Coastside", "Hope", "New Leaf", "Open Door", "Safe Harbor",
             "Lighthouse", "Bridge", "Sunrise", "Harvest"]
LANGUAGES = [("English", "en"), ("Spanish", "es"), ("Chinese", "zh"), ("Tagalog", "tl"), ("Vietnamese", "vi")]
FEES = ["None.", "Free", "Sliding scale based on income.", "$35 per session.", None]


def uid(*key):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "hsds-bench:" + ":".join(str(k) for k in key)))


TAXONOMY = {"id": uid("taxonomy"), "name": "211 LA County Taxonomy (fictional subset)",
            "description": "Human services terms, three levels", "uri": "https://example.org/taxonomy",
            "version": "1"}
TERMS = []
for a in range(6):
    top = {"id": uid("term", a), "name": f"Basic Needs {a}", "code": f"{chr(65 + a)}", "description": f"Level 1 term {a}",
           "taxonomy_id": TAXONOMY["id"]}
    TERMS.append(top)
    for b in range(7):
        mid = {"id": uid("term", a, b), "name": f"{KINDS[(a * 7 + b) % len(KINDS)]} {a}.{b}",
               "code": f"{chr(65 + a)}{b}", "description": f"Level 2 term {a}.{b}", "parent_id": top["id"],
               "taxonomy_id": TAXONOMY["id"]}
        TERMS.append(mid)
        for c in range(6):
            TERMS.append({"id": uid("term", a, b, c), "name": f"{KINDS[(a + b + c) % len(KINDS)]} {a}.{b}.{c}",
                          "code": f"{chr(65 + a)}{b}-{c}", "description": f"Level 3 term {a}.{b}.{c}",
                          "parent_id": mid["id"], "taxonomy_id": TAXONOMY["id"]})
LEAVES = [t for t in TERMS if t["code"].count("-")]


def organization(o):
    return {"id": uid("org", o), "name": f"{QUALITIES[o % 12]} {KINDS[o % 12]} Network {o}",
            "description": f"A nonprofit serving San Mateo County since {1960 + o % 60}.",
            "email": f"info{o}@example.org", "website": f"https://org{o}.example.org"}


def location(l):
    town, zip_code, lat, lon = TOWNS[l % len(TOWNS)]
    near = random.Random(l)  # the same location, given with two services, has the same coordinates
    return {"id": uid("loc", l), "location_type": "physical", "name": f"{town} Center {l}",
            "latitude": round(lat + near.uniform(-0.02, 0.02), 5), "longitude": round(lon + near.uniform(-0.02, 0.02), 5),
            "addresses": [{"id": uid("addr", l), "location_id": uid("loc", l), "address_1": f"{100 + l % 900} {STREETS[l % 10]}",
                           "city": town, "state_province": "CA", "postal_code": zip_code, "country": "US",
                           "address_type": "physical"}],
            "phones": [{"id": uid("loc-phone", l), "location_id": uid("loc", l),
                        "number": f"650-555-{l % 10000:04d}", "type": "voice"}],
            "schedules": [{"id": uid("loc-hours", l, d), "location_id": uid("loc", l), "freq": "WEEKLY",
                           "byday": d, "opens_at": "09:00", "closes_at": "17:00" if d != "FR" else "13:00"}
                          for d in ["MO", "TU", "WE", "TH", "FR"]]}


def service(i):
    o, l = i // 10, i // 2
    kind = KINDS[i % len(KINDS)]
    fee = FEES[i % len(FEES)]
    s = {"id": uid("svc", i), "name": f"{QUALITIES[(i // 12) % 12]} {kind} {i}",
         "description": f"{kind} for people and families in San Mateo County, walk-in and by appointment. "
                        f"Staff speak {LANGUAGES[i % 5][0]}. Call ahead for the intake process.",
         "status": "active", "email": f"help{i}@example.org", "url": f"https://svc{i}.example.org",
         "application_process": "Walk in or call.", "fees_description": fee,
         "organization": organization(o),
         "phones": [{"id": uid("svc-phone", i), "service_id": uid("svc", i), "number": f"415-555-{i % 10000:04d}",
                     "type": "voice", "description": "Intake line"}],
         "languages": [{"id": uid("lang", i, code), "service_id": uid("svc", i), "name": name, "code": code}
                       for name, code in ([LANGUAGES[0]] + ([LANGUAGES[i % 5]] if i % 5 else []))],
         "service_areas": [{"id": uid("area", i), "service_id": uid("svc", i), "name": "San Mateo County"}],
         "service_at_locations": [{"id": uid("sal", i), "service_id": uid("svc", i), "location_id": uid("loc", l),
                                   "location": location(l)}],
         "attributes": [{"id": uid("attr", i, k), "link_id": uid("svc", i), "link_type": "service",
                         "taxonomy_term_id": t["id"],
                         "taxonomy_term": dict(t, taxonomy_detail=TAXONOMY)}
                        for k, t in enumerate([LEAVES[i % len(LEAVES)], LEAVES[(i * 7 + 3) % len(LEAVES)]])]}
    if i % 4 == 3:
        s["cost_options"] = [{"id": uid("cost", i), "service_id": uid("svc", i), "amount": 35, "currency": "USD",
                              "option": "Per session"}]
    s["organization_id"] = s["organization"]["id"]
    return s


def write_json():
    with open(OUT / "services.json", "w", encoding="utf-8") as f:
        f.write("[\n")
        for i in range(N):
            if i:
                f.write(",\n")
            json.dump(service(i), f, separators=(",", ":"))
        f.write("\n]\n")


TABLES = {
    "organizations.csv": ["id", "name", "description", "email", "website"],
    "services.csv": ["id", "organization_id", "name", "description", "status", "email", "url", "application_process",
                     "fees_description"],
    "locations.csv": ["id", "location_type", "name", "latitude", "longitude"],
    "addresses.csv": ["id", "location_id", "address_1", "city", "state_province", "postal_code", "country",
                      "address_type"],
    "phones.csv": ["id", "service_id", "location_id", "number", "type", "description"],
    "schedules.csv": ["id", "location_id", "freq", "byday", "opens_at", "closes_at"],
    "languages.csv": ["id", "service_id", "name", "code"],
    "service_at_location.csv": ["id", "service_id", "location_id"],
    "service_areas.csv": ["id", "service_id", "name"],
    "cost_options.csv": ["id", "service_id", "amount", "currency", "option"],
    "taxonomies.csv": ["id", "name", "description", "uri", "version"],
    "taxonomy_terms.csv": ["id", "name", "code", "description", "parent_id", "taxonomy_id"],
    "attributes.csv": ["id", "link_id", "link_type", "taxonomy_term_id"],
}


def write_csv():
    buffers = {name: io.StringIO() for name in TABLES}
    writers = {name: csv.DictWriter(buffers[name], TABLES[name], extrasaction="ignore", lineterminator="\r\n")
               for name in TABLES}
    for w in writers.values():
        w.writeheader()
    writers["taxonomies.csv"].writerow(TAXONOMY)
    for t in TERMS:
        writers["taxonomy_terms.csv"].writerow(t)
    seen_org, seen_loc = set(), set()
    for i in range(N):
        s = service(i)
        writers["services.csv"].writerow(s)
        if s["organization"]["id"] not in seen_org:
            seen_org.add(s["organization"]["id"])
            writers["organizations.csv"].writerow(s["organization"])
        for table, items in [("phones.csv", s["phones"]), ("languages.csv", s["languages"]),
                             ("service_areas.csv", s["service_areas"]), ("cost_options.csv", s.get("cost_options", [])),
                             ("attributes.csv", s["attributes"]), ("service_at_location.csv", s["service_at_locations"])]:
            for item in items:
                writers[table].writerow(item)
        loc = s["service_at_locations"][0]["location"]
        if loc["id"] not in seen_loc:
            seen_loc.add(loc["id"])
            writers["locations.csv"].writerow(loc)
            for table, items in [("addresses.csv", loc["addresses"]), ("phones.csv", loc["phones"]),
                                 ("schedules.csv", loc["schedules"])]:
                for item in items:
                    writers[table].writerow(item)
    package = {"name": "hsds-bench", "profile": "tabular-data-package",
               "resources": [{"name": n[:-4], "path": n, "profile": "tabular-data-resource",
                              "schema": {"fields": [{"name": c, "type": "string"} for c in cols]}}
                             for n, cols in TABLES.items()]}
    with zipfile.ZipFile(OUT / "services-csv.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("datapackage.json", json.dumps(package, indent=1))
        for name, buffer in buffers.items():
            z.writestr(name, buffer.getvalue())


write_json()
write_csv()
