#!/usr/bin/env python3
"""Writes the relevance test set: a 211-style HSDS fixture and its judged queries.

Services across San Mateo County (California) and Birmingham (England), written the way
community directories describe them, and the queries people type, each judged with the
services that belong in its first five results. The judgments are kinds of support (and
places) chosen by hand for each query below; the script only turns them into service ids,
including the seeded demo services and national lines, so the file stays readable.

    python3 tools/relevance-fixture.py   # rewrites src/test/resources/directory/relevance/
"""
import hashlib
import json
import pathlib
import random
import uuid

OUT = pathlib.Path(__file__).resolve().parent.parent / "src/test/resources/directory/relevance"
MAIN = pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/directory"
rnd = random.Random(14)


def uid(key):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "relevance-fixture:" + key))


def seeded_id(key):
    """Categories.id: Java's UUID.nameUUIDFromBytes of "counterspace:directory:" + key."""
    digest = bytearray(hashlib.md5(("counterspace:directory:" + key).encode()).digest())
    digest[6] = (digest[6] & 0x0F) | 0x30
    digest[8] = (digest[8] & 0x3F) | 0x80
    return str(uuid.UUID(bytes=bytes(digest)))


US_TOWNS = [("Redwood City", "94063", 37.4852, -122.2364), ("San Mateo", "94401", 37.5630, -122.3255),
            ("Daly City", "94014", 37.6879, -122.4702), ("South San Francisco", "94080", 37.6547, -122.4077),
            ("East Palo Alto", "94303", 37.4688, -122.1411), ("Menlo Park", "94025", 37.4530, -122.1817),
            ("Half Moon Bay", "94019", 37.4636, -122.4286), ("Pacifica", "94044", 37.6138, -122.4869),
            ("San Bruno", "94066", 37.6305, -122.4111), ("Burlingame", "94010", 37.5841, -122.3661)]
UK_TOWNS = [("Digbeth", "B5 6DR", 52.4751, -1.8840), ("Handsworth", "B21 9RY", 52.5050, -1.9290),
            ("Sparkbrook", "B11 1JA", 52.4620, -1.8680), ("Erdington", "B23 6RA", 52.5230, -1.8390),
            ("Selly Oak", "B29 6AE", 52.4380, -1.9380), ("Edgbaston", "B15 1TR", 52.4620, -1.9230),
            ("Small Heath", "B10 0AB", 52.4700, -1.8560), ("Kings Heath", "B14 7SA", 52.4330, -1.8930),
            ("Aston", "B6 5RQ", 52.5000, -1.8830), ("Northfield", "B31 2LN", 52.4150, -1.9700)]
STREETS_US = ["El Camino Real", "Middlefield Road", "Bay Road", "Broadway", "Main Street", "University Avenue",
              "Mission Street", "Grand Avenue", "Linden Avenue", "Palmetto Avenue"]
STREETS_UK = ["High Street", "Stratford Road", "Soho Road", "Bristol Road", "Coventry Road", "Alcester Road",
              "Lichfield Road", "Heath Street", "Ladypool Road", "Church Lane"]

# kind: (taxonomy keywords, US services, UK services); each service: (name, organisation, description)
# with {town} for the town or district.
KINDS = {
    "food": (["Food Pantries", "Emergency Food", "Groceries", "Meals"], [
        ("{town} Community Food Pantry", "Second Harvest Partner Agencies",
         "Emergency food pantry providing bags of groceries, fresh produce and canned goods to low-income "
         "residents. Clients may visit once a week. Bring photo ID and proof of San Mateo County address."),
        ("Free Hot Meals at St. Bartholomew's", "St. Bartholomew's Episcopal Church",
         "Free hot lunch served Monday through Friday, no questions asked. Also offers bag lunches to take away "
         "and a clothing closet on Saturdays. Located in {town}."),
        ("Senior Brown Bag Groceries", "{town} Senior Center",
         "Weekly brown bag of groceries for low-income seniors aged 60 and over. Registration required; call to "
         "enroll."),
        ("Mobile Food Pantry - {town}", "Peninsula Food Runners",
         "Free farmers-market-style distribution of fresh fruit and vegetables from a truck at the {town} "
         "library parking lot, every second Thursday. No ID or income documentation required."),
        ("Emergency Food Boxes", "Catholic Charities of San Mateo",
         "Provides emergency food boxes and grocery gift cards to individuals and families in crisis. Call the "
         "intake line for same-day help in {town}."),
    ], [
        ("{town} Food Bank", "Birmingham Food Network",
         "Emergency food parcels for people in crisis. You will need a food bank voucher from a referral agency "
         "such as Citizens Advice, your GP or a school. Three days of nutritionally balanced food."),
        ("{town} Community Pantry", "Birmingham Food Network",
         "A membership food pantry: pay 4 pounds a week and choose groceries worth much more. Open to anyone "
         "living in {town} on a low income."),
        ("Hot Meals at St Anne's", "St Anne's Parish Church",
         "Free hot breakfast and lunch served in the church hall, no referral needed. Everyone welcome, including "
         "rough sleepers."),
        ("Brum Community Fridge - {town}", "Brum Community Fridges",
         "Surplus food from local supermarkets, free to take. Drop in, no referral and no questions asked."),
    ]),
    "housing": (["Emergency Shelter", "Homeless Shelter", "Housing Assistance", "Rent Assistance",
                 "Homelessness"], [
        ("{town} Emergency Shelter", "LifeMoves",
         "Emergency shelter for single adults experiencing homelessness, with beds, showers, meals and case "
         "management. Call the Core Service Agency to be referred."),
        ("Family Shelter Program", "LifeMoves",
         "Short-term shelter for homeless families with children, with case management and help finding "
         "permanent housing in {town} and across the county."),
        ("Rental Assistance Program", "Samaritan House Core Service Agency",
         "One-time help with rent, deposits and utility bills for households at risk of eviction or "
         "homelessness. Proof of income and lease required."),
        ("Housing Navigation Center", "San Mateo County Human Services Agency",
         "Helps people experiencing homelessness find and keep housing: housing search, applications, "
         "landlord mediation and rapid rehousing. Serves {town}."),
        ("Winter Warming Shelter", "{town} Interfaith Council",
         "Overnight cold weather shelter from November to March. Cots, blankets and a hot evening meal. "
         "Walk in after 6pm."),
    ], [
        ("Housing Options Service", "Birmingham City Council",
         "Advice for anyone who is homeless or at risk of losing their home, including help to stay in your "
         "tenancy, apply for social housing and find emergency accommodation."),
        ("{town} Night Shelter", "Birmingham Churches Night Shelter",
         "Emergency night shelter for people sleeping rough. Beds, an evening meal and breakfast. Referral "
         "through the rough sleeper outreach team or walk in before 8pm."),
        ("Homeless Day Centre", "SIFA Fireside",
         "Day centre for people who are homeless or vulnerably housed: showers, laundry, meals, a GP clinic and "
         "housing advice in {town}."),
        ("Supported Housing for Young People", "St Basils",
         "Supported accommodation for young people aged 16 to 25 who are homeless or cannot live at home, with "
         "a key worker and help to move on to a tenancy."),
        ("Tenancy Sustainment Service", "Midland Heart",
         "Support to keep your home: help with rent arrears, bills, repairs and dealing with your landlord."),
    ]),
    "legal": (["Legal Services", "Legal Aid", "Tenant Rights", "Immigration"], [
        ("Peninsula Legal Aid", "Peninsula Legal Aid",
         "Free civil legal services for low-income residents: eviction defense, public benefits appeals, "
         "domestic violence restraining orders and consumer debt. Serves all of San Mateo County."),
        ("Tenant Rights Legal Clinic - {town}", "Community Legal Services in East Palo Alto",
         "Free legal advice for tenants facing eviction, rent increases or unsafe living conditions. Walk-in "
         "clinic in {town} on Wednesdays."),
        ("Immigration Legal Services", "Catholic Charities of San Mateo",
         "Low-cost immigration legal help from accredited representatives and attorneys: DACA renewals, "
         "citizenship, family petitions and removal defense."),
        ("Family Law Self-Help Center", "Superior Court of San Mateo County",
         "Help for people without a lawyer with divorce, custody, child support and restraining order forms."),
    ], [
        ("Birmingham Community Law Centre", "Birmingham Community Law Centre",
         "Free legal advice and representation in housing, employment, welfare benefits and immigration law "
         "for people on low incomes in {town} and across the city."),
        ("Housing and Debt Legal Advice", "Shelter Birmingham Hub",
         "Solicitors and advisers help with possession proceedings, evictions, disrepair and debt. Legal aid "
         "available for those who qualify."),
        ("Immigration Advice Drop-in", "Asylum Welcome Birmingham",
         "Free, OISC-regulated immigration advice for asylum seekers and refugees, with interpreters."),
    ]),
    "mental": (["Mental Health", "Counseling", "Behavioral Health"], [
        ("{town} Behavioral Health Clinic", "San Mateo County Behavioral Health and Recovery Services",
         "Outpatient mental health services for adults: assessment, individual and group therapy, psychiatry "
         "and medication support. Medi-Cal accepted."),
        ("Low-Cost Counseling Program", "Caminar",
         "Sliding-scale counseling with licensed therapists and supervised interns for depression, anxiety, "
         "grief and relationship problems. Spanish-speaking counselors available."),
        ("Peer Respite House", "Caminar",
         "A home-like respite for adults in emotional distress as an alternative to hospital, staffed by peer "
         "counselors with lived experience."),
    ], [
        ("Birmingham Mind Wellbeing Hub", "Birmingham Mind",
         "Drop-in support for adults with mental health problems, wellbeing courses, counselling and peer "
         "support groups. Self-referral."),
        ("NHS Talking Therapies - {town}", "Birmingham and Solihull Mental Health NHS Foundation Trust",
         "Free NHS talking therapies (CBT and counselling) for anxiety, low mood and stress. Refer yourself "
         "online or through your GP."),
        ("{town} Community Counselling", "Heart of England Counselling",
         "Affordable counselling for adults with donations based on income. Short waiting list."),
    ]),
    "substance": (["Substance Use", "Alcohol and Drug Treatment", "Addiction Recovery", "Detox"], [
        ("Residential Rehabilitation Program", "Project 90",
         "Residential substance use treatment for adults recovering from alcohol and drug addiction: 90-day "
         "program with counseling, 12-step groups and aftercare in {town}."),
        ("Outpatient Alcohol and Drug Services", "Palo Alto Medical Foundation",
         "Outpatient treatment for alcohol and drug use, including medication-assisted treatment for opioid "
         "use disorder."),
        ("Women's Recovery Program", "Hope House",
         "A residential recovery home for women leaving jail or prison who are overcoming addiction."),
    ], [
        ("Change Alcohol and Drug Service - {town}", "Change Grow Recover Birmingham",
         "Free, confidential support for adults worried about their drinking or drug use: key workers, detox, "
         "needle exchange and recovery groups."),
        ("Residential Rehab Referrals", "Aquarius Birmingham",
         "Assessment and funding applications for residential rehabilitation for people with alcohol or drug "
         "dependency."),
        ("Recovery Cafe", "{town} Recovery Community",
         "Alcohol-free cafe and peer support for people in recovery from substance misuse."),
    ]),
    "dental": (["Dental Care", "Dental Clinic"], [
        ("{town} Community Dental Clinic", "Ravenswood Family Health Network",
         "Low-cost dental care: cleanings, fillings, extractions and emergency dental visits. Sliding fee "
         "scale; Denti-Cal accepted."),
        ("Mobile Dental Van", "Sonrisas Community Dental Center",
         "Free dental screenings and treatment for children and uninsured adults from a mobile clinic."),
    ], [
        ("NHS Emergency Dental Service", "Birmingham Community Healthcare NHS Trust",
         "Urgent dental treatment for people in pain who do not have a regular NHS dentist. Call NHS 111 "
         "first."),
        ("{town} Community Dental Practice", "Birmingham Dental Hospital",
         "NHS dental treatment for adults and children, including people who are homeless or have no "
         "registered dentist."),
    ]),
    "dv": (["Domestic Violence", "Domestic Abuse", "Safety Planning"], [
        ("CORA Domestic Violence Services", "Community Overcoming Relationship Abuse",
         "24-hour hotline, emergency shelter, legal advocacy and counseling for survivors of domestic "
         "violence and their children. Confidential location."),
        ("Safe Harbor DV Shelter", "StarVista",
         "Confidential emergency shelter for women and children fleeing intimate partner violence, with "
         "safety planning and support groups in {town}."),
        ("Teen Dating Violence Program", "StarVista",
         "Education and counseling for teens experiencing abuse in their relationships."),
    ], [
        ("Birmingham Women's Aid", "Birmingham and Solihull Women's Aid",
         "Refuge accommodation, helpline, drop-in and outreach for women and children experiencing domestic "
         "abuse. Independent domestic violence advisers (IDVAs) in {town}."),
        ("Men's Domestic Abuse Support", "Cranstoun",
         "Confidential support for men experiencing domestic abuse from a partner or family member."),
        ("Sikh Women's Aid Helpline", "Sikh Women's Aid",
         "Support for women and families affected by domestic abuse, honour-based abuse and forced marriage."),
    ]),
    "youth": (["Youth Services", "Youth Development", "After School Programs"], [
        ("{town} Teen Center", "Boys & Girls Clubs of the Peninsula",
         "After school drop-in center for teens aged 13 to 18: homework help, sports, mentoring and a "
         "healthy snack."),
        ("Youth Mentoring Program", "Big Brothers Big Sisters of the Bay Area",
         "One-to-one mentoring for young people aged 8 to 18 in {town}."),
    ], [
        ("{town} Youth Club", "Birmingham Youth Service",
         "Youth club for young people aged 11 to 19 with sport, music, trips and youth workers to talk to."),
        ("Young People's Support Service", "Barnardo's Birmingham",
         "Support for young people aged 11 to 25 who are struggling at home, leaving care or at risk of "
         "exploitation."),
    ]),
    "lgbt": (["LGBTQ", "LGBT Services"], [
        ("San Mateo County Pride Center", "StarVista",
         "Community center for LGBTQ+ people of all ages: counseling, support groups, youth nights and "
         "social events in {town}."),
        ("Trans Support Group", "San Mateo County Pride Center",
         "Weekly peer support group for transgender and gender-diverse adults."),
    ], [
        ("Birmingham LGBT Centre", "Birmingham LGBT",
         "Community centre, sexual health clinic, counselling and wellbeing services for lesbian, gay, "
         "bisexual and trans people."),
        ("Rainbow Youth Group", "Birmingham LGBT",
         "Youth group for LGBT+ young people aged 13 to 19 in {town}."),
    ]),
    "benefits": (["Public Benefits", "Benefits Assistance", "Welfare Rights"], [
        ("CalFresh Application Assistance", "Second Harvest Food Bank",
         "Help applying for CalFresh (SNAP, formerly food stamps): eligibility screening and completing the "
         "application by phone or in {town}."),
        ("Medi-Cal Enrollment Help", "San Mateo County Health",
         "Certified enrollment counselors help with Medi-Cal and Covered California health insurance "
         "applications."),
        ("SSI and Disability Benefits Advocacy", "Legal Aid Society of San Mateo County",
         "Help applying for and appealing denials of SSI and SSDI disability benefits."),
    ], [
        ("Welfare Benefits Advice", "Citizens Advice Birmingham",
         "Free advice on benefits including Universal Credit, PIP and council tax support, help to fill in "
         "forms and challenge decisions. Appointments in {town}."),
        ("Universal Credit Help to Claim", "Citizens Advice Birmingham",
         "Support to make a Universal Credit claim and get your first payment on time."),
    ]),
    "employment": (["Employment", "Job Search", "Job Training"], [
        ("{town} Career Center", "NOVA Workforce Board",
         "Job search help, resume workshops, interview practice and job training for adults looking for work."),
        ("Job Training for Young Adults", "JobTrain",
         "Free job training in culinary arts, construction and IT for adults, with job placement."),
    ], [
        ("Jobs and Skills Hub - {town}", "Birmingham Adult Education Service",
         "Free support to find work: CVs, job applications, interview skills and free training courses."),
        ("Employment Support for Disabled People", "Remploy",
         "Help for disabled people and people with mental health conditions to find and keep a job."),
    ]),
    "eating": (["Eating Disorders"], [
        ("Eating Disorder Support Group", "Peninsula Eating Disorders Network",
         "Free support group for adults struggling with anorexia, bulimia or binge eating, and their families."),
    ], [
        ("Eating Disorder Service", "Beat Birmingham",
         "Support for people with eating disorders such as anorexia, bulimia and binge eating disorder."),
    ]),
}

# Organisations whose name has "House", none of them a housing service.
HOUSES = [
    ("Samaritan House Free Clinic", "Samaritan House", "US", "San Mateo", "mental",
     "Free medical clinic for uninsured adults with primary care, dental referrals and counseling."),
    ("Samaritan House Food Program", "Samaritan House", "US", "San Mateo", "food",
     "Free groceries and hot meals for low-income residents of central San Mateo County."),
    ("Hope House Residential Recovery", "Hope House", "US", "Redwood City", "substance",
     "Residential alcohol and drug recovery home for women, with 12-step meetings and job readiness."),
    ("Oak House Counselling", "Oak House", "GB", "Selly Oak", "mental",
     "Low-cost counselling for adults and young people, including bereavement and trauma."),
    ("Marsh House Family Centre", "Marsh House", "GB", "Erdington", "youth",
     "Family centre with parenting groups, a toddler group and youth activities."),
    ("Sunflower House Children's Centre", "Sunflower House", "GB", "Sparkbrook", "youth",
     "Play sessions, health visitor clinics and support for families with young children."),
]

QUERIED_TOWNS = {"Redwood City", "Daly City", "East Palo Alto", "Handsworth", "Sparkbrook", "Erdington"}

services = []
org_of = {}
kind_of = {}
town_of = {}


def add(name, org, desc, kind, country, town, terms):
    towns = US_TOWNS if country == "US" else UK_TOWNS
    _, code, lat, lon = next(t for t in towns if t[0] == town)
    key = name + "|" + town
    sid = uid(key)
    street = rnd.randint(10, 2400) if country == "US" else rnd.randint(1, 300)
    road = rnd.choice(STREETS_US if country == "US" else STREETS_UK)
    city = town if country == "US" else "Birmingham"
    address = {"id": uid(key + "|address"), "address_1": f"{street} {road}", "city": city,
               "state_province": "CA" if country == "US" else "West Midlands",
               "postal_code": code, "country": country, "address_type": "physical"}
    if country == "GB":
        address["address_2"] = town
    record = {
        "id": sid, "name": name, "status": "active", "description": desc,
        "organization": {"id": uid("org|" + org), "name": org,
                         "description": f"{org} is a nonprofit serving "
                         + ("San Mateo County, California." if country == "US" else "Birmingham and the West Midlands.")},
        "service_at_locations": [{"id": uid(key + "|sal"), "location": {
            "id": uid(key + "|location"), "location_type": "physical",
            "name": f"{town} {rnd.choice(['Office', 'Center', 'Site'] if country == 'US' else ['Office', 'Centre', 'Hub'])}",
            "description": f"Main site in {town}, " + ("San Mateo County." if country == "US" else "Birmingham."),
            "latitude": round(lat + rnd.uniform(-0.01, 0.01), 5), "longitude": round(lon + rnd.uniform(-0.01, 0.01), 5),
            "addresses": [address]}}],
        "phones": [{"id": uid(key + "|phone"), "number": ("(650) 555-%04d" if country == "US" else "0121 496 %04d")
                    % rnd.randint(0, 9999), "type": "voice"}],
        "attributes": [{"id": uid(key + "|term|" + term), "taxonomy_term": {
            "id": uid("term|" + term), "name": term, "taxonomy_detail": {
                "id": uid("taxonomy"), "name": "Community Resource Keywords", "description": "Keywords"}}}
                       for term in terms],
    }
    services.append(record)
    kind_of[sid] = kind
    town_of[sid] = town
    org_of[sid] = org
    return sid


for kind, (terms, us, uk) in KINDS.items():
    for country, templates, towns in (("US", us, US_TOWNS), ("GB", uk, UK_TOWNS)):
        for name, org, desc in templates:
            places = [t[0] for t in towns]
            count = len(places) if "{town}" in name else 1
            # the towns the judged queries name are always among those served
            named = [t for t in places if t in QUERIED_TOWNS]
            chosen = rnd.sample(places, 1) if count == 1 else named + rnd.sample(
                [t for t in places if t not in named], 8 - len(named))
            for town in chosen:
                picked = rnd.sample(terms, min(len(terms), rnd.randint(1, 3)))
                add(name.format(town=town), org.format(town=town), desc.format(town=town), kind, country, town,
                    picked)
for name, org, country, town, kind, desc in HOUSES:
    add(name, org, desc, kind, country, town, [KINDS[kind][0][0]])

# seeded data: the demo services and national lines, by kind
SEEDED_KIND = {"counselling": "mental", "domestic-abuse": "dv", "youth": "youth", "lgbtq": "lgbt",
               "crisis": "crisis"}
for s in json.loads((MAIN / "demo-services.json").read_text())["services"]:
    sid = seeded_id("demo:" + s["name"])
    kind_of[sid] = {SEEDED_KIND[c] for c in s["cats"] if c in SEEDED_KIND}
    town_of[sid] = s["place"]
for region in json.loads((MAIN / "national-lines.json").read_text())["regions"]:
    for line in region["lines"]:
        sid = seeded_id("national:" + region["code"] + ":" + line["name"])
        kind_of[sid] = {SEEDED_KIND[line["topic"]]}
        town_of[sid] = "national:" + region["code"]

names = {s["id"]: s["name"] for s in services}
for s in json.loads((MAIN / "demo-services.json").read_text())["services"]:
    names[seeded_id("demo:" + s["name"])] = s["name"] + " (demo)"
for region in json.loads((MAIN / "national-lines.json").read_text())["regions"]:
    for line in region["lines"]:
        names[seeded_id("national:" + region["code"] + ":" + line["name"])] = line["name"] + " (" + region["code"] + ")"


def kinds(sid):
    k = kind_of[sid]
    return k if isinstance(k, set) else {k}


def judged(kind=None, town=None, name=None, where=None):
    """Ids of the services of a kind (one or a set), in a town, with words in the name."""
    wanted = {kind} if isinstance(kind, str) else kind
    return [sid for sid in names
            if (wanted is None or kinds(sid) & wanted)
            and (town is None or town_of[sid] in (town if isinstance(town, tuple) else (town,)))
            and (name is None or name.lower() in names[sid].lower())
            and (where is None or where(sid))]


US = tuple(t[0] for t in US_TOWNS)
UK = tuple(t[0] for t in UK_TOWNS)
CRISIS_GB = ("national:GB",)

QUERIES = [
    # needs, in a word or two
    ("emergency food", judged("food")),
    ("food bank", judged("food")),
    ("food pantry", judged("food")),
    ("free meals", judged("food")),
    ("groceries", judged("food")),
    ("housing", judged("housing")),
    ("homeless shelter", judged("housing", name="shelter")),
    ("emergency shelter", judged({"housing", "dv"}, where=lambda s: "helter" in names[s])),
    ("rent help", judged("housing", name="rent")),
    ("legal help", judged("legal")),
    ("legal aid", judged("legal")),
    ("immigration lawyer", judged("legal", name="immigration")),
    ("eviction", judged({"legal", "housing"}, where=lambda s: any(
        word in names[s] for word in ("Tenan", "Legal", "Housing", "Rental")))),
    ("rehab", judged("substance")),
    ("drug rehab", judged("substance")),
    ("substance abuse", judged("substance")),
    ("alcohol problems", judged("substance")),
    ("addiction", judged("substance")),
    ("dentist", judged("dental")),
    ("dental care", judged("dental")),
    ("emergency dentist", judged("dental")),
    ("domestic abuse", judged("dv")),
    ("domestic violence", judged("dv")),
    ("dv", judged("dv")),
    ("abusive partner", judged("dv")),
    ("counselling", judged("mental")),
    ("therapy", judged("mental")),
    ("mental health", judged("mental")),
    ("depression", judged("mental")),
    ("youth club", judged("youth", town=UK)),
    ("teen center", judged("youth")),
    ("lgbt", judged("lgbt")),
    ("trans support group", judged("lgbt")),
    ("benefits advice", judged("benefits", town=UK)),
    ("universal credit", judged("benefits", town=UK)),
    ("food stamps", judged("benefits", name="CalFresh")),
    ("job search", judged("employment")),
    ("help finding work", judged("employment")),
    ("eating disorder", judged("eating")),
    ("suicidal", judged("crisis")),
    # plain-language sentences
    ("my dad hits me", judged("dv")),
    ("my boyfriend hurts me", judged("dv")),
    ("i can't stay at home tonight", judged("housing", name="shelter")),
    ("nowhere to sleep", judged("housing", name="shelter")),
    ("i have no food", judged("food")),
    ("i want to stop drinking", judged("substance")),
    ("i need a lawyer", judged("legal")),
    ("i lost my job", judged({"employment", "benefits"})),
    ("my tooth hurts", judged("dental")),
    ("i'm being kicked out of my flat", judged({"housing", "legal"})),
    ("i want to kill myself", judged("crisis")),
    # misspellings
    ("foodbank", judged("food")),
    ("sheltr", judged({"housing", "dv"}, where=lambda s: "helter" in names[s])),
    ("dentst", judged("dental")),
    ("councelling", judged("mental")),
    ("rehabilitaion", judged("substance")),
    ("homless", judged("housing")),
    ("leagal aid", judged("legal")),
    # British and American spellings
    ("counseling birmingham", judged("mental", town=UK)),
    ("counselling san mateo", judged("mental", town=US)),
    ("youth centre", judged("youth")),
    ("lgbt center", judged("lgbt")),
    ("behavioural health", judged("mental", town=US)),
    # organisations
    ("samaritan house", judged(where=lambda s: org_of.get(s, "").startswith("Samaritan House"))),
    ("hope house", judged(where=lambda s: org_of.get(s) == "Hope House")),
    ("oak house", judged(name="Oak House")),
    ("peninsula legal aid", judged(name="Peninsula Legal Aid")),
    ("birmingham mind", judged(name="Birmingham Mind")),
    ("women's aid", judged(where=lambda s: "Women's Aid" in names[s])),
    # places
    ("food bank redwood city", judged("food", town="Redwood City")),
    ("shelter daly city", judged("housing", town="Daly City", name="helter")),
    ("dentist handsworth", judged("dental", town="Handsworth")),
    ("sparkbrook food", judged("food", town="Sparkbrook")),
    ("legal aid east palo alto", judged("legal", town=("East Palo Alto",))),
    ("youth club erdington", judged("youth", town="Erdington")),
    ("94063 food", judged("food", town="Redwood City")),
    ("B11 food bank", judged("food", town="Sparkbrook")),
]

OUT.mkdir(parents=True, exist_ok=True)
(OUT / "services.json").write_text(json.dumps(services, indent=1, ensure_ascii=False) + "\n")
lines = ["# Judged queries for RelevanceTests: each query, then the services (id and name) that belong in its",
         "# first five results. Written by tools/relevance-fixture.py from the kinds of support and places",
         "# judged for each query there; edit the script and run it again rather than this file.", ""]
for query, ids in QUERIES:
    assert ids, query
    lines.append(query)
    lines.extend(f"  {sid}  {names[sid]}" for sid in ids)
    lines.append("")
(OUT / "queries.txt").write_text("\n".join(lines))
print(len(services), "services,", len(QUERIES), "queries")
