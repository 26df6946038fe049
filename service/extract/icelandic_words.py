"""What an Icelandic word form can mean to a trade fact-checker, from its BÍN lemmas.

Every table is keyed on a BÍN lemma (or on an uninflected function word such as "yfir"), never
on inflected forms: "milljörðum", "milljarða" and "milljarði" are all the lemma *milljarður*.
:func:`word` looks a form up once and keeps the answer, so a text costs one BÍN look-up per
distinct form.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from islenska import Bin

from checkers import Flow, Qualifier
from checkers.units import scale

from . import countries
from .facts import EEA, WORLD, Direction

#: Long-scale words by lemma; their values are defined once, in checkers/units.txt.
SCALES = {lemma: scale(lemma) for lemma in ("þúsund", "milljón", "milljarður", "billjón", "billjarður")}
SCALE_ABBREVIATIONS = {"þús.": 1e3, "millj.": 1e6, "milj.": 1e6, "m.": 1e6, "ma.": 1e9, "mö.": 1e9,
                       "mrð.": 1e9, "mljó.": 1e6}
CURRENCIES = {
    "Bandaríkjadalur": "USD", "bandaríkjadalur": "USD", "Bandaríkjadollari": "USD", "bandaríkjadollari": "USD",
    "Bandaríkjadollar": "USD", "bandaríkjadollar": "USD", "dalur": "USD", "dollari": "USD", "dollar": "USD",
    "evra": "EUR", "króna": "ISK", "júan": "CNY", "renminbi": "CNY", "rúbla": "RUB", "jen": "JPY",
    "pund": "GBP", "sterlingspund": "GBP", "franki": "CHF", "rúpía": "INR",
}
#: A nationality adjective before króna, dalur or franki names whose ("danskar krónur").
NATIONAL_CURRENCIES = {
    "DNK": "DKK", "NOR": "NOK", "SWE": "SEK", "ISL": "ISK", "FRO": "DKK", "GRL": "DKK", "CAN": "CAD",
    "AUS": "AUD", "HKG": "HKD", "USA": "USD", "CHE": "CHF", "GBR": "GBP", "CHN": "CNY", "RUS": "RUB",
    "JPN": "JPY", "IND": "INR", "NZL": "NZD", "SGP": "SGD", "TWN": "TWD",
}
ISO_CURRENCIES = frozenset(
    ["USD", "EUR", "ISK", "CNY", "RUB", "JPY", "GBP", "NOK", "DKK", "SEK", "CHF", "CAD", "AUD", "HKD", "INR", "KRW", "NZD", "SGD", "TWD"]) | {"RMB"}
CARDINALS = {
    "einn": 1, "tveir": 2, "þrír": 3, "fjórir": 4, "fimm": 5, "sex": 6, "sjö": 7, "átta": 8, "níu": 9,
    "tíu": 10, "ellefu": 11, "tólf": 12, "þrettán": 13, "fjórtán": 14, "fimmtán": 15, "sextán": 16,
    "sautján": 17, "átján": 18, "nítján": 19, "tuttugu": 20, "þrjátíu": 30, "fjörutíu": 40, "fimmtíu": 50,
    "sextíu": 60, "sjötíu": 70, "áttatíu": 80, "níutíu": 90, "hundrað": 100,
}
ORDINALS = {
    "fyrstur": 1, "annar": 2, "þriðji": 3, "fjórði": 4, "fimmti": 5, "sjötti": 6, "sjöundi": 7, "áttundi": 8,
    "níundi": 9, "tíundi": 10, "ellefti": 11, "tólfti": 12, "þrettándi": 13, "fjórtándi": 14,
    "fimmtándi": 15, "sextándi": 16, "sautjándi": 17, "átjándi": 18, "nítjándi": 19, "tuttugasti": 20,
}
FRACTIONS = {"helmingur": 2, "þriðjungur": 3, "fjórðungur": 4, "fimmtungur": 5, "sjöttungur": 6,
             "áttungur": 8, "tíundi": 10}
QUALIFIERS_1 = {
    "yfir": Qualifier.OVER, "rúmlega": Qualifier.JUST_OVER, "ríflega": Qualifier.JUST_OVER,
    "tæplega": Qualifier.JUST_UNDER, "undir": Qualifier.UNDER, "nærri": Qualifier.NEARLY,
    "næstum": Qualifier.NEARLY, "nær": Qualifier.NEARLY, "hartnær": Qualifier.NEARLY, "nálægt": Qualifier.NEARLY,
    "um": Qualifier.ABOUT, "u.þ.b.": Qualifier.ABOUT, "uþb": Qualifier.ABOUT, "uþb.": Qualifier.ABOUT,
    "ca.": Qualifier.ABOUT, "ca": Qualifier.ABOUT, "cirka": Qualifier.ABOUT, "a.m.k.": Qualifier.AT_LEAST,
    "amk.": Qualifier.AT_LEAST, "minnst": Qualifier.AT_LEAST, "mest": Qualifier.UP_TO,
}
QUALIFIERS_2 = {
    ("meira", "en"): Qualifier.OVER, ("minna", "en"): Qualifier.UNDER, ("í", "kringum"): Qualifier.ABOUT,
    ("allt", "að"): Qualifier.UP_TO, ("hátt", "í"): Qualifier.NEARLY, ("fleiri", "en"): Qualifier.OVER,
    ("færri", "en"): Qualifier.UNDER, ("vel", "yfir"): Qualifier.OVER, ("rétt", "yfir"): Qualifier.JUST_OVER,
    ("rétt", "rúmlega"): Qualifier.JUST_OVER, ("rétt", "undir"): Qualifier.JUST_UNDER,
    ("upp", "undir"): Qualifier.NEARLY, ("að", "hámarki"): Qualifier.UP_TO, ("hið", "minnsta"): Qualifier.AT_LEAST,
    ("ekki", "undir"): Qualifier.AT_LEAST, ("ekki", "yfir"): Qualifier.UP_TO,
}
QUALIFIERS_3 = {("að", "minnsta", "kosti"): Qualifier.AT_LEAST, ("um", "það", "bil"): Qualifier.ABOUT,
                ("ekki", "minna", "en"): Qualifier.AT_LEAST, ("ekki", "meira", "en"): Qualifier.UP_TO}
#: Adjectives by lemma that qualify the number they precede ("tæpum 100 milljörðum").
QUALIFIER_ADJECTIVES = {"tæpur": Qualifier.JUST_UNDER, "rúmur": Qualifier.JUST_OVER, "ríflegur": Qualifier.JUST_OVER}
#: Verbs and nouns of change by lemma, and which way they go ("dróst saman" is read apart).
CHANGES = {
    "auka": Direction.INCREASE, "aukast": Direction.INCREASE, "hækka": Direction.INCREASE,
    "vaxa": Direction.INCREASE, "aukning": Direction.INCREASE, "hækkun": Direction.INCREASE,
    "vöxtur": Direction.INCREASE, "stíga": Direction.INCREASE, "glæðast": Direction.INCREASE,
    "styrkja": Direction.INCREASE, "veikja": Direction.DECREASE, "rísa": Direction.INCREASE,
    "lækka": Direction.DECREASE, "minnka": Direction.DECREASE, "falla": Direction.DECREASE,
    "rýrna": Direction.DECREASE, "samdráttur": Direction.DECREASE, "lækkun": Direction.DECREASE,
    "minnkun": Direction.DECREASE, "hrynja": Direction.DECREASE, "dragast": Direction.DECREASE,
}
#: "tvöfaldaðist": the change as a percentage, and its direction.
MULTIPLES = {"tvöfalda": 100, "þrefalda": 200, "fjórfalda": 300, "fimmfalda": 400, "tífalda": 900,
             "helminga": -50}
FLOWS = {
    "viðskipti": Flow.TOTAL, "vöruviðskipti": Flow.TOTAL, "utanríkisviðskipti": Flow.TOTAL,
    "milliríkjaviðskipti": Flow.TOTAL, "viðskiptavelta": Flow.TOTAL, "vöruskipti": Flow.TOTAL,
    "heildarviðskipti": Flow.TOTAL,
    "útflutningur": Flow.EXPORT, "vöruútflutningur": Flow.EXPORT, "útflutningsverðmæti": Flow.EXPORT,
    "heildarútflutningur": Flow.EXPORT, "útflutningstekjur": Flow.EXPORT,
    "innflutningur": Flow.IMPORT, "vöruinnflutningur": Flow.IMPORT, "heildarinnflutningur": Flow.IMPORT,
    "innflutningsverðmæti": Flow.IMPORT,
    "vöruskiptajöfnuður": Flow.BALANCE, "vöruviðskiptajöfnuður": Flow.BALANCE,
    "viðskiptajöfnuður": Flow.BALANCE, "jöfnuður": Flow.BALANCE,
    "viðskiptahalli": Flow.BALANCE, "vöruskiptahalli": Flow.BALANCE, "halli": Flow.BALANCE,
    "afgangur": Flow.BALANCE, "viðskiptaafgangur": Flow.BALANCE, "vöruskiptaafgangur": Flow.BALANCE,
    "hagstæður": Flow.BALANCE, "óhagstæður": Flow.BALANCE,
}
BALANCE_SIDES = {
    "halli": Direction.DEFICIT, "viðskiptahalli": Direction.DEFICIT, "vöruskiptahalli": Direction.DEFICIT,
    "óhagstæður": Direction.DEFICIT, "afgangur": Direction.SURPLUS, "viðskiptaafgangur": Direction.SURPLUS,
    "vöruskiptaafgangur": Direction.SURPLUS, "hagstæður": Direction.SURPLUS,
}
#: Adjectives that say which side of zero a balance is on ("jöfnuðurinn var neikvæður").
SIDE_ADJECTIVES = {"jákvæður": Direction.SURPLUS, "neikvæður": Direction.DEFICIT}
#: A flow word followed by one of these is not about trade in goods ("halli ríkissjóðs",
#: "viðskipti með hlutabréf").
NOT_TRADE_AFTER = {"ríkissjóður", "fjárlög", "sveitarfélag", "rekstur", "ríkisrekstur", "ríkisfjármál",
                   "hlutabréf", "skuldabréf", "verðbréf", "bréf", "gjaldeyrir", "fasteign", "kvóti", "aflaheimild"}
PARTNERS = {"viðskiptafélagi", "viðskiptaland", "viðskiptaaðili", "viðskiptaríki", "viðskiptavinur",
            "útflutningsland", "innflutningsland", "markaður", "útflutningsmarkaður", "markaðssvæði",
            "birgir", "kaupandi", "samstarfsland"}
SUPERLATIVES = {"stór": 1, "mikilvægur": 1, "næststærstur": 2, "umfangsmikill": 1}
#: Superlatives that compare a figure with its own past ("það hæsta síðan 2014").
EXTREMES = {"hár": "highest_since", "mikill": "highest_since", "lágur": "lowest_since", "lítill": "lowest_since"}
PAIR_NOUNS = {"ríki", "land", "þjóð", "hagkerfi", "nágrannaríki"}
SOURCE_NOUNS = {"tollyfirvöld", "tollstjóri", "tollur", "tollgæsla", "hagstofa", "Hagstofa", "tollstofnun",
                "tollþjónusta", "viðskiptaráðuneyti", "tollayfirvöld", "tollskrifstofa", "tölur", "tala",
                "gögn", "hagtölur", "viðskiptaráðuneytið", "ráðuneyti"}
WORLD_NOUNS = {"heimur", "umheimur", "útland", "útlönd"}
SHARE_NOUNS = {"hlutdeild", "hlutur", "hluti", "markaðshlutdeild"}
YEAR_NOUNS = {"ár"}


@dataclass(frozen=True)
class Word:
    """One word form, as far as trade extraction cares: each field from its BÍN readings."""

    lemmas: frozenset[str]
    country: str | None = None  # a country, bloc or "the world"
    genitive: bool = False  # every country reading is genitive
    maybe_genitive: bool = False
    nationality: str | None = None  # "kínverskur" -> CHN
    flow: Flow | None = None
    side: Direction | None = None  # halli / afgangur
    scale: float | None = None
    currency: str | None = None
    cardinal: int | None = None
    ordinal: int | None = None
    fraction: int | None = None  # the denominator: fimmtungur -> 5
    plural_ordinal: bool = False  # "fjórðu" in "þrír fjórðu"
    change: Direction | None = None
    change_noun: bool = False  # aukning, samdráttur: "aukningin nam 12%"
    multiple: int | None = None
    superlative: int | None = None  # stærstur -> 1, næststærstur -> 2
    extreme: str | None = None  # hæstur, mestur: "highest_since"; lægstur, minnstur: "lowest_since"
    partner: bool = False
    rank_flow: Flow | None = None  # útflutningsmarkaður -> export, innflutningsland -> import
    pair_noun: bool = False  # plural definite of ríki / land ("ríkjanna")
    source_noun: bool = False
    qualifier: Qualifier | None = None
    record: bool = False  # met, metár, met-útflutningur
    share_noun: bool = False
    year_noun: bool = False
    month_noun: bool = False
    quarter_noun: bool = False
    half_noun: bool = False
    not_trade: bool = False
    tonne: bool = False
    barrel: bool = False
    percent: bool = False
    point: bool = False  # prósentustig
    place: bool = False  # ríki, land: "til ríkja EES" keeps the relation of "til"
    valuation: str | None = None  # "fob", "cif", "fob-verð", "cif-verðmæti"
    europe: bool = False  # evrópskur, of "Evrópska efnahagssvæðið"
    moves_goods: bool = False  # flytja, of "flytja út", "flytja inn"
    notable: bool = False  # any of the above that the word pass reads

    def __post_init__(self) -> None:
        notable = bool(self.country or self.nationality or self.flow or self.valuation or self.europe
                       or self.side or self.moves_goods)
        object.__setattr__(self, "notable", notable)


@lru_cache(maxsize=1)
def _bin() -> Bin:
    return Bin()


def _heads(lemma: str) -> list[str]:
    """A compound lemma ("met-út-flutningur") and each of its tails ("útflutningur", "flutningur")."""
    if "-" not in lemma or not lemma.islower():
        return [lemma]
    parts = lemma.split("-")
    return ["".join(parts[k:]) for k in range(len(parts))]


_EMPTY = Word(frozenset())


@lru_cache(maxsize=200_000)
def word(form: str) -> Word:
    """What ``form`` can mean; a capitalised form also gets the readings of its lower-case form."""
    if not form or len(form) > 60:
        return _EMPTY
    bin_ = _bin()
    _, entries = bin_.lookup(form)
    readings = [(e.ord, e.ofl, e.hluti, e.mark) for e in entries]
    lower = form.lower()
    if form[0].isupper() and lower != form:
        _, more = bin_.lookup(lower)
        readings += [(e.ord, e.ofl, e.hluti, e.mark) for e in more]
    return _describe(form, readings)


def _describe(form: str, readings: list[tuple[str, str, str, str]]) -> Word:
    fields: dict[str, object] = {}
    lemmas = frozenset(r[0] for r in readings)
    lands = [r for r in readings if r[2] == "lönd"]
    iso = next((c for r in lands if (c := countries.from_icelandic_lemma(r[0]))), None)
    if iso is None and form[:1].isupper():
        iso = countries.from_icelandic_lemma(form) if not readings or form.isupper() else None
        iso = iso or next((c for r in readings if r[0][:1].isupper() and (c := _bloc(r[0]))), None)
    if iso is None and form in ("ESB", "EES"):
        iso = countries.EU if form == "ESB" else EEA
    if iso is None and form[:1].isupper():
        iso = next((c for r in readings if (c := countries.icelandic_demonym(r[0]))), None)
    if iso is None and any(r[0] in WORLD_NOUNS and r[1] in ("kk", "hk") for r in readings):
        iso = WORLD
    if iso:
        fields["country"] = iso
        fields["genitive"] = bool(lands) and all(r[3].startswith("EF") for r in lands)
        fields["maybe_genitive"] = any(r[3].startswith("EF") for r in (lands or readings))
    for lemma, ofl, _, mark in readings:
        _reading(fields, lemma, ofl, mark)
    low = form.lower()
    if not readings and low in CURRENCIES:  # indeclinable loans BÍN lacks: "renminbi"
        fields["currency"] = CURRENCIES[low]
    if low in QUALIFIERS_1:
        fields["qualifier"] = QUALIFIERS_1[low]
    if low in SCALE_ABBREVIATIONS:
        fields["scale"] = SCALE_ABBREVIATIONS[low]
    stem = low.replace(".", "")
    if stem.startswith(("fob", "cif")):
        fields["valuation"] = stem[:3]
    if low in ("prósent", "%") or low == "pct.":
        fields["percent"] = True
    return Word(lemmas, **fields)  # type: ignore[arg-type]


def _bloc(lemma: str) -> str | None:
    if lemma == "Evrópusamband":
        return countries.EU
    return None


def _reading(fields: dict[str, object], lemma: str, ofl: str, mark: str) -> None:
    noun = ofl in ("kk", "kvk", "hk")
    if ofl == "lo" and (iso := countries.icelandic_adjective(lemma)):
        fields.setdefault("nationality", iso)
    for head in _heads(lemma) if noun else [lemma]:
        if noun and head in FLOWS and "flow" not in fields:
            fields["flow"] = FLOWS[head]
            if head in BALANCE_SIDES:
                fields["side"] = BALANCE_SIDES[head]
        if noun and head in CURRENCIES:
            fields.setdefault("currency", CURRENCIES[head])
    if ofl == "lo" and lemma in FLOWS and "flow" not in fields:  # hagstæður, óhagstæður
        fields["flow"], fields["side"] = FLOWS[lemma], BALANCE_SIDES[lemma]
    if lemma in SCALES and ofl != "so":
        fields.setdefault("scale", SCALES[lemma])
    if ofl == "to" and lemma in CARDINALS:
        fields.setdefault("cardinal", CARDINALS[lemma])
    if lemma in ORDINALS and ofl in ("rt", "lo", "fn"):
        fields.setdefault("ordinal", ORDINALS[lemma])
        if ofl == "rt" and "FT" in mark:
            fields["plural_ordinal"] = True
    if noun and lemma in FRACTIONS and lemma != "tíundi":
        fields.setdefault("fraction", FRACTIONS[lemma])
    if lemma == "evrópskur":
        fields["europe"] = True
    if lemma == "flytja" and ofl == "so":
        fields["moves_goods"] = True
    if lemma in ("ríki", "land", "aðildarríki") and noun:
        fields["place"] = True
    if lemma in CHANGES and (noun or ofl == "so"):
        fields.setdefault("change", CHANGES[lemma])
        if noun:
            fields["change_noun"] = True
    if ofl == "so" and lemma in MULTIPLES:
        fields.setdefault("multiple", MULTIPLES[lemma])
    if ofl == "lo" and lemma in SUPERLATIVES and mark[:1] == "E":  # EVB/ESB: superlative
        fields.setdefault("superlative", SUPERLATIVES[lemma])
    if ofl == "lo" and lemma in EXTREMES and mark[:1] == "E":
        fields.setdefault("extreme", EXTREMES[lemma])
    if ofl == "lo" and lemma in SIDE_ADJECTIVES:
        fields.setdefault("side", SIDE_ADJECTIVES[lemma])
    if ofl == "lo" and lemma in QUALIFIER_ADJECTIVES:
        fields.setdefault("qualifier", QUALIFIER_ADJECTIVES[lemma])
    if not noun:
        return
    heads = _heads(lemma)
    if any(h in PARTNERS for h in heads):
        fields["partner"] = True
        if lemma.startswith(("útflutnings", "út-flutnings")):
            fields["rank_flow"] = Flow.EXPORT
        elif lemma.startswith(("innflutnings", "inn-flutnings")) or "birgir" in heads:
            fields["rank_flow"] = Flow.IMPORT
        elif "kaupandi" in heads:
            fields["rank_flow"] = Flow.EXPORT
    if lemma in PAIR_NOUNS and mark.endswith("FTgr"):
        fields["pair_noun"] = True
    if lemma in SOURCE_NOUNS:
        fields["source_noun"] = True
    if lemma in ("met", "metár") or lemma.startswith("met-"):
        fields["record"] = True
    if lemma in SHARE_NOUNS:
        fields["share_noun"] = True
    if lemma in YEAR_NOUNS:
        fields["year_noun"] = True
    if lemma == "mánuður":
        fields["month_noun"] = True
    if lemma == "ársfjórðungur":
        fields["quarter_noun"] = True
    if lemma in ("árshelmingur", "helmingur"):
        fields["half_noun"] = True
    if lemma in NOT_TRADE_AFTER:
        fields["not_trade"] = True
    if lemma == "tonn":
        fields["tonne"] = True
    if lemma in ("tunna", "olíutunna", "fat", "olíufat"):
        fields["barrel"] = True
    if lemma == "prósent":
        fields["percent"] = True
    if lemma == "prósentustig":
        fields["point"] = True
