"""English words that matter to trade extraction: scales, currencies, qualifiers, changes, flows.

Tables of phrases are matched token by token (:class:`Phrases`); "-" and "," are tokens of their own,
so "year-on-year" is written "year - on - year".
"""

from __future__ import annotations

import re
from typing import Generic, TypeVar

from checkers import Flow, Qualifier
from checkers.units import scale

from . import countries

_V = TypeVar("_V")


class Phrases(Generic[_V]):
    """Phrases as tuples of lower-case tokens, with quick tests on their first and last words."""

    def __init__(self, spec: dict[str, _V]):
        """``spec`` maps "more than|over|in excess of" to a value; "-" in a phrase is its own token."""
        self.table: dict[tuple[str, ...], _V] = {
            tuple(phrase.split()): value for phrases, value in spec.items() for phrase in phrases.split("|")
        }
        self.firsts = frozenset(k[0] for k in self.table)
        self.lasts = frozenset(k[-1] for k in self.table)
        self.most = max(len(k) for k in self.table)


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- tables -------------------------------------------------------------------------------------

SCALE_WORDS = {word: scale(word) for word in ("thousand", "million", "billion", "trillion")}  # from units.txt
SCALE_ABBR = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12}
SPACED_ABBR = words("mn mln bn bln tn trn")  # "107 bn"; a spaced "m" or "k" is more likely metres
SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "¥": "¥"}  # ¥: yuan or yen, see _Reader.yen
DOLLAR_PREFIXES = {"US": "USD", "U.S.": "USD", "C": "CAD", "A": "AUD", "HK": "HKD", "S": "SGD", "NZ": "NZD"}
CODES = {c: c for c in ["USD", "EUR", "GBP", "JPY", "CNY", "RUB", "ISK", "NOK", "SEK", "DKK", "CHF", "CAD", "AUD", "HKD", "INR", "KRW", "BRL", "MXN", "TRY", "PLN", "ZAR", "SGD", "NZD", "TWD"]} | {"RMB": "CNY", "Rmb": "CNY"}
CURRENCIES = Phrases({
    "dollars|dollar|us dollars|us dollar|u.s. dollars|u.s. dollar|american dollars": "USD",
    "hong kong dollars": "HKD", "canadian dollars": "CAD", "australian dollars": "AUD",
    "euros|euro": "EUR",
    "yuan|chinese yuan|renminbi|yuan renminbi|chinese renminbi": "CNY",
    "rubles|roubles|ruble|rouble|russian rubles|russian roubles": "RUB",
    "pounds|pound|pounds sterling|british pounds|sterling": "GBP",
    "krona|kronur|krónur|króna|icelandic krona|icelandic kronur|icelandic krónur|icelandic króna": "ISK",
    "yen|japanese yen": "JPY", "rupees|indian rupees": "INR", "korean won|south korean won": "KRW",
    "swiss francs": "CHF", "norwegian kroner": "NOK", "danish kroner": "DKK", "swedish kronor": "SEK",
})
CURRENCY_NOUNS = CURRENCIES.lasts | words("kroner kronor won francs franc")

QUALIFIERS = Phrases({
    "exceeded|exceeding|exceeds|exceed|over|more than|above|topped|tops|in excess of|upwards of": Qualifier.OVER,
    "just over|slightly more than|a little over|a little more than|slightly over|just above|slightly above"
    "|just more than": Qualifier.JUST_OVER,
    "under|less than|below|fewer than": Qualifier.UNDER,
    "just under|slightly less than|a little under|a little less than|just below|slightly below|slightly under"
    "|just shy of": Qualifier.JUST_UNDER,
    "nearly|almost|close to|nigh on": Qualifier.NEARLY,
    "about|around|roughly|approximately|approx|some|an estimated|estimated|circa|ca|~": Qualifier.ABOUT,
    "at least|no less than|no fewer than|not less than": Qualifier.AT_LEAST,
    "up to|as much as|as many as|as high as": Qualifier.UP_TO,
    "between": Qualifier.RANGE,  # only if "and B" follows, see _range
})

UNITS = {w: i for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])}
TEENS = {w: i + 10 for i, w in enumerate(
    ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
TENS = {w: i * 10 + 20 for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])}
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6,
              "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
FRACTIONS |= {w + "s": d for w, d in FRACTIONS.items() if w != "half"}
ORDINALS = {w: i + 1 for i, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"])}
ORDINAL_SUFFIXES = words("st nd rd th")
# what may follow "a fifth" that is a fraction; another word makes it an ordinal ("a third round")
AFTER_FRACTION = words("of the its all in on to from and or last this that than since while as after before "
                         "between over versus during at for by with compared")

UP_VERBS = words(
    "rose rise rises rising risen increased increase increases increasing grew grow grows growing grown jumped "
    "jump jumps surged surge surges climbed climb climbs soared soar soars gained gain gains expanded expand "
    "expands rebounded rebound up higher strengthened")
DOWN_VERBS = words(
    "fell fall falls falling fallen decreased decrease decreases decreasing dropped drop drops dropping declined "
    "decline declines declining slipped slip slips slid slide slumped slump plunged plunge plummeted tumbled "
    "dipped dip shrank shrunk shrink shrinks contracted contract contracts down lower sank sink eased weakened")
CHANGE_VERBS = UP_VERBS | DOWN_VERBS
UP_NOUNS = words("increase rise growth jump gain expansion surge rebound")
DOWN_NOUNS = words("drop decline fall decrease contraction slump plunge dip")
CHANGE_NOUNS = UP_NOUNS | DOWN_NOUNS
#: "doubled": the change as a percentage (negative: a fall).
MULTIPLES = {"doubled": 100, "doubling": 100, "doubles": 100, "tripled": 200, "trebled": 200, "tripling": 200,
             "quadrupled": 300, "halved": -50, "halving": -50}
SHARE_BEFORE = {("share", "of"), ("accounted", "for"), ("account", "for"), ("accounting", "for"),
                 ("accounts", "for")}
STREAK_WORDS = words("consecutive straight successive")
YEAR_BEFORE = words("in since by from of during until till through to year and or between before after "
                      "early late mid fiscal for than the")
YEAR_AFTER = words("was were is will saw had has and or to when as compared versus vs figures data level levels")

PAIRS = Phrases({
    "the two countries|both countries|the two nations|both nations|the two sides|both sides|the two economies"
    "|both economies|the two neighbours|the two neighbors|the two partners|the two states|between them": True,
    "bilateral": False,  # False: leave the token for the flow pass ("bilateral trade")
})

FLOWS = Phrases({
    "trade|bilateral trade|two - way trade|trade volume|trade volumes|trade turnover|turnover|foreign trade"
    "|total trade|goods trade|merchandise trade|trade in goods|commerce": Flow.TOTAL,
    "trade surplus|trade deficit|trade balance|balance of trade|surplus|deficit|trade gap|trade surpluses"
    "|trade deficits|goods deficit|goods surplus|goods trade balance|goods balance|merchandise trade balance"
    "|merchandise trade deficit|merchandise trade surplus|goods trade deficit|goods trade surplus": Flow.BALANCE,
    "exports|export|exported|exporting|shipments to|outbound shipments|sales to|goods exports": Flow.EXPORT,
    "imports|import|imported|importing|inbound shipments|purchases from|goods imports": Flow.IMPORT,
})
SURPLUS_WORDS = words("surplus surpluses")
DEFICIT_WORDS = words("deficit deficits gap")
VALUATIONS = Phrases({"fob|f . o . b|free on board": "fob", "cif|c . i . f|cost , insurance and freight": "cif"})
#: "the balance was negative": which side of zero
SIDE_WORDS = {"negative": "deficit", "positive": "surplus", "unfavourable": "deficit", "favourable": "surplus",
              "unfavorable": "deficit", "favorable": "surplus"}
#: Phrases for the world as a partner ("trade with the rest of the world").
WORLD = Phrases({"the world|the rest of the world|world markets|the global market|worldwide|globally": True})
#: Phrases that name the base of a change rather than the period of the claim.
BASE_PERIODS = Phrases({
    "year on year|year - on - year|y / y|yoy|from a year earlier|from a year ago|on a year earlier"
    "|compared with a year earlier|compared to a year earlier|than a year earlier|from the previous year"
    "|over the previous year|on the previous year|from the year before|on the year": True,
    "from the same period last year|over the same period last year|on the same period last year"
    "|compared with the same period last year|compared to the same period last year"
    "|from the same period a year earlier|over the same period a year earlier"
    "|compared with the same period a year earlier|from the same month last year"
    "|from the same quarter last year|in the same period last year": True,
})
RECORD_WORDS = Phrases({"a record|record|an all - time high|all - time high|a record high|record high"
                        "|a new record|new record|record - high|record - breaking": "record_high",
                        "a record low|record low|an all - time low|all - time low|record - low": "record_low"})
NOT_A_FLOW_AFTER = words(
    "war wars talks deal deals agreement agreements minister ministers ministry negotiations dispute disputes "
    "tensions policy policies barriers fair fairs union unions organization organisation representative "
    "partner partners route routes mission delegation body sanctions rules bloc pact pacts zone zones controls "
    "control ban bans licence license licenses restrictions curbs")
NOT_A_BALANCE_BEFORE = words("budget fiscal account government federal public")
#: "trade in shares", "traded at": trade words that are not about goods across borders
NOT_A_FLOW_BEFORE = words("share stock equity bond retail insider free fair world")

SUPERLATIVES = words("largest biggest top leading main")
RANK_MODIFIERS = words("trading trade export import commercial economic foreign single")
RANK_NOUNS = words("partner partners market markets destination destinations supplier suppliers source "
                     "customer customers buyer buyers")

INSTITUTIONS = Phrases({
    "general administration of customs|gacc": "CHN",
    "federal customs service|rosstat": "RUS",
    "statistics iceland": "ISL",
    "eurostat": countries.EU,
    "census bureau": "USA",
    # compilations are named by the authority's name, which the judgement matches against sources
    "cia world factbook|world factbook|cia factbook": "CIA World Factbook",
    "imf|international monetary fund": "IMF",
    "un comtrade|comtrade": "UN Comtrade",
})
OWNED_INSTITUTIONS = Phrases({  # "Russia's Federal Customs Service": whose is the country's
    "general administration of customs|federal customs service|census bureau|national bureau of statistics"
    "|ministry of commerce|commerce ministry|state customs committee|customs service": True,
})
CUSTOMS_NOUNS = words("administration authority authorities office service data figures statistics agency "
                        "department bureau")

CHINA_WORDS = words("china chinese china's china’s yuan renminbi rmb beijing sino")
JAPAN_WORDS = words("japan japanese japan's japan’s yen tokyo")
CHINA_IN_TEXT = re.compile(r"\b(?:China|Chinese|yuan|renminbi|RMB|Beijing)\b")
JAPAN_IN_TEXT = re.compile(r"\b(?:Japan|Japanese|yen|Tokyo)\b")
NOT_AMERICA = words("latin south north central native")
