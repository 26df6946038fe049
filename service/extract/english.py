"""The English front end: sentences, numbers and what the words around them say.

``read`` splits the text into sentences and each sentence into tokens (numbers, words, single
punctuation marks, each with its offsets into the original text). A few passes then run over the
tokens, each marking what it takes so that later passes leave it alone:

1. dates and named periods ("19 March 2021", "March 2021", "Q1 2021", "last year"): their
   numbers are not quantities;
2. phrases that hold a number that is not a figure: "the two countries", "for the 11th
   consecutive year" (a streak, kept as a number), "second-largest trading partner";
3. every remaining number, with its currency, scale, qualifier, role and range;
4. words: countries, sources, trade flows.

Every regular expression here is linear: no quantified group can match the same text in two
ways, and a pattern that starts with a repeated class consumes the whole run in one match.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Generic, TypeVar

from checkers import Flow, Period, Qualifier

from . import countries
from .facts import (
    CountryMention,
    FlowMention,
    NumberMention,
    NumberRole,
    PairMention,
    PeriodMention,
    RankMention,
    SentenceFacts,
    SourceMention,
)
from .periods import LAST_YEAR, THIS_YEAR, plausible_year, relative_year
from .published import EN_MONTHS

_V = TypeVar("_V")


class _Phrases(Generic[_V]):
    """Phrases as tuples of lower-case tokens, with quick tests on their first and last words."""

    def __init__(self, spec: dict[str, _V]):
        """``spec`` maps "more than|over|in excess of" to a value; "-" in a phrase is its own token."""
        self.table: dict[tuple[str, ...], _V] = {
            tuple(phrase.split()): value for phrases, value in spec.items() for phrase in phrases.split("|")
        }
        self.firsts = frozenset(k[0] for k in self.table)
        self.lasts = frozenset(k[-1] for k in self.table)
        self.most = max(len(k) for k in self.table)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- tables -------------------------------------------------------------------------------------

_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALE_ABBR = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12}
_SPACED_ABBR = _words("mn mln bn bln tn trn")  # "107 bn"; a spaced "m" or "k" is more likely metres
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "¥": "¥"}  # ¥: yuan or yen, see _Reader.yen
_DOLLAR_PREFIXES = {"US": "USD", "U.S.": "USD", "C": "CAD", "A": "AUD", "HK": "HKD", "S": "SGD", "NZ": "NZD"}
_CODES = {c: c for c in "USD EUR GBP JPY CNY RUB ISK NOK SEK DKK CHF CAD AUD HKD INR KRW BRL MXN TRY PLN ZAR "
          "SGD NZD TWD".split()} | {"RMB": "CNY", "Rmb": "CNY"}
_CURRENCIES = _Phrases({
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
_CURRENCY_NOUNS = _CURRENCIES.lasts | _words("kroner kronor won francs franc")

_QUALIFIERS = _Phrases({
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

_UNITS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine".split())}
_TEENS = {w: i + 10 for i, w in enumerate(
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: i * 10 + 20 for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6,
              "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_FRACTIONS |= {w + "s": d for w, d in _FRACTIONS.items() if w != "half"}
_ORDINALS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())}
_ORDINAL_SUFFIXES = _words("st nd rd th")
# what may follow "a fifth" that is a fraction; another word makes it an ordinal ("a third round")
_AFTER_FRACTION = _words("of the its all in on to from and or last this that than since while as after before "
                         "between over versus during at for by with compared")

_CHANGE_VERBS = _words(
    "rose rise rises rising risen fell fall falls falling fallen increased increase increases increasing "
    "decreased decrease decreases decreasing grew grow grows growing grown dropped drop drops dropping declined "
    "decline declines declining jumped jump jumps surged surge surges climbed climb climbs slipped slip slid "
    "slumped plunged plummeted soared gained gain gains shrank shrunk shrink contracted expanded tumbled dipped "
    "up down")
_CHANGE_NOUNS = _words("increase rise growth drop decline fall jump decrease gain contraction expansion surge")
_SHARE_BEFORE = {("share", "of"), ("accounted", "for"), ("account", "for"), ("accounting", "for"),
                 ("accounts", "for")}
_STREAK_WORDS = _words("consecutive straight successive")
_YEAR_BEFORE = _words("in since by from of during until till through to year and or between before after "
                      "early late mid fiscal for than the")
_YEAR_AFTER = _words("was were is will saw had has and or to when as compared versus vs figures data level levels")

_PAIRS = _Phrases({
    "the two countries|both countries|the two nations|both nations|the two sides|both sides|the two economies"
    "|both economies|the two neighbours|the two neighbors|the two partners|the two states|between them": True,
    "bilateral": False,  # False: leave the token for the flow pass ("bilateral trade")
})

_FLOWS = _Phrases({
    "trade|bilateral trade|two - way trade|trade volume|trade volumes|trade turnover|turnover|foreign trade"
    "|total trade": Flow.TOTAL,
    "trade surplus|trade deficit|trade balance|balance of trade|surplus|deficit|trade gap": Flow.BALANCE,
    "exports|export|exported|exporting|shipments to|outbound shipments": Flow.EXPORT,
    "imports|import|imported|importing|inbound shipments|purchases from": Flow.IMPORT,
})
_NOT_A_FLOW_AFTER = _words(
    "war wars talks deal deals agreement agreements minister ministers ministry negotiations dispute disputes "
    "tensions policy policies barriers fair fairs union unions organization organisation representative "
    "partner partners route routes mission delegation body sanctions rules bloc pact pacts zone zones controls "
    "control ban bans licence license licenses restrictions curbs")
_NOT_A_BALANCE_BEFORE = _words("budget fiscal account government")

_SUPERLATIVES = _words("largest biggest top leading main")
_RANK_MODIFIERS = _words("trading trade export import commercial economic foreign single")
_RANK_NOUNS = _words("partner partners market markets destination destinations supplier suppliers source "
                     "customer customers buyer buyers")

_INSTITUTIONS = _Phrases({
    "general administration of customs|gacc": "CHN",
    "federal customs service|rosstat": "RUS",
    "statistics iceland": "ISL",
    "eurostat": countries.EU,
    "census bureau": "USA",
})
_OWNED_INSTITUTIONS = _Phrases({  # "Russia's Federal Customs Service": whose is the country's
    "general administration of customs|federal customs service|census bureau|national bureau of statistics"
    "|ministry of commerce|commerce ministry|state customs committee|customs service": True,
})
_CUSTOMS_NOUNS = _words("administration authority authorities office service data figures statistics agency "
                        "department bureau")

_CHINA_WORDS = _words("china chinese china's china’s yuan renminbi rmb beijing sino")
_JAPAN_WORDS = _words("japan japanese japan's japan’s yen tokyo")
_CHINA_IN_TEXT = re.compile(r"\b(?:China|Chinese|yuan|renminbi|RMB|Beijing)\b")
_JAPAN_IN_TEXT = re.compile(r"\b(?:Japan|Japanese|yen|Tokyo)\b")
_NOT_AMERICA = _words("latin south north central native")

# --- sentences ----------------------------------------------------------------------------------

_STOPS = re.compile(r"[.!?]+|\n[^\S\n]*\n|\n(?=[^\S\n]*(?:[-*+•#]|\d{1,3}[.)])\s)")
_CLOSERS = frozenset("\"'”’)]»")
_NON_SPACE = re.compile(r"\S")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_WORD_BEFORE_DOT = re.compile(r"[A-Za-z.]{1,20}\Z")
_ABBREVIATIONS = _words("mr mrs ms dr prof st jr sr gen gov sen rep lt col capt sgt rev hon mt ft vs inc corp co "
                        "approx est fig jan feb mar apr jun jul aug sep sept oct nov dec")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, without surrounding white space.

    A sentence ends at . ! or ? followed by white space (after any closing quotes or brackets),
    at a blank line, or before a list item or heading line. Not after an abbreviation ("Mr.",
    "U.S.", "Jan."), an initial, or where the next sentence would start in lower case.
    """
    spans: list[tuple[int, int]] = []
    begin = 0
    for stop in _STOPS.finditer(text):
        end = stop.end()
        if stop.group()[0] in ".!?":
            while end < len(text) and text[end] in _CLOSERS:
                end += 1
            if end < len(text) and not text[end].isspace():
                continue  # "107.76", "$1.2tn", "U.S.-China"
            if stop.group() == "." and _abbreviation(text, stop.start(), end):
                continue
            cut = end
        else:
            cut = stop.start()
        _add_sentence(text, begin, cut, spans)
        begin = end
    _add_sentence(text, begin, len(text), spans)
    return spans


def _abbreviation(text: str, dot: int, after: int) -> bool:
    following = _NON_SPACE.search(text, after)
    nxt = following.group() if following is not None else ""
    word = _WORD_BEFORE_DOT.search(text, max(0, dot - 20), dot)
    if word is not None:
        w = word.group().lstrip(".")
        if "." in w or w.lower() in _ABBREVIATIONS or (len(w) == 1 and w.isupper()):
            return True
        if w.lower() in ("no", "nos") and nxt.isdigit():  # "No. 1"
            return True
    return nxt.islower()


def _add_sentence(text: str, begin: int, end: int, spans: list[tuple[int, int]]) -> None:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    if begin < end and _LETTER_OR_DIGIT.search(text, begin, end):
        spans.append((begin, end))


# --- tokens -------------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"(?P<n>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"  # 1,234.5 / 107.76 / 2021
    r"|(?P<a>(?:[A-Z]\.){2,})"  # U.S. / U.K. / E.U.
    r"|(?P<w>[^\W\d_]+(?:['’][^\W\d_]+)*)"  # words, with apostrophes inside: Russia's, d'Ivoire
    r"|(?P<p>[^\w\s])"  # any other single character but white space
)
_MAX_DIGITS = 30  # a longer run of digits is not a figure anyone wrote


class _Sentence:
    """One sentence: its tokens, which of them a pass has taken, and the facts found so far."""

    def __init__(self, reader: _Reader, start: int, end: int):
        self.reader = reader
        self.kinds: list[str] = []  # "n" number, "w" word, "p" punctuation
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.words: list[str] = []
        for m in _TOKEN.finditer(reader.text, start, end):
            self.kinds.append("p" if m.lastgroup == "p" else "n" if m.lastgroup == "n" else "w")
            self.starts.append(m.start())
            self.ends.append(m.end())
            self.words.append(m.group())
        self.lows = [w.lower() for w in self.words]
        self.n = len(self.words)
        self.used = [False] * self.n
        self.facts = SentenceFacts(start, end)

    def low(self, i: int) -> str:
        return self.lows[i] if 0 <= i < self.n else ""

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < self.n else ""

    def glued(self, i: int) -> bool:
        """Whether token i touches token i-1."""
        return 0 < i < self.n and self.ends[i - 1] == self.starts[i]

    def at(self, i: int, *phrase: str) -> bool:
        if i < 0 or i + len(phrase) > self.n or self.lows[i] != phrase[0]:
            return False
        for k in range(1, len(phrase)):
            if self.lows[i + k] != phrase[k]:
                return False
        return True

    def phrase(self, table: _Phrases[_V], i: int) -> int:
        """Length of the longest phrase of ``table`` starting at token i, 0 if none."""
        if not 0 <= i < self.n or self.lows[i] not in table.firsts:
            return 0
        for k in range(min(table.most, self.n - i), 0, -1):
            if tuple(self.lows[i : i + k]) in table.table:
                return k
        return 0

    def phrase_before(self, table: _Phrases[_V], i: int) -> int:
        """Length of the longest phrase of ``table`` ending just before token i, 0 if none."""
        if not 0 < i <= self.n or self.lows[i - 1] not in table.lasts:
            return 0
        for k in range(min(table.most, i), 0, -1):
            if tuple(self.lows[i - k : i]) in table.table:
                return k
        return 0

    def value(self, table: _Phrases[_V], i: int, k: int) -> _V:
        return table.table[tuple(self.lows[i : i + k])]

    def free_number(self, i: int) -> bool:
        return 0 <= i < self.n and self.kinds[i] == "n" and not self.used[i]

    def integer(self, i: int) -> int | None:
        if 0 <= i < self.n and self.kinds[i] == "n" and self.words[i].isdigit() and len(self.words[i]) <= 6:
            return int(self.words[i])
        return None

    def year(self, i: int) -> int | None:
        y = self.integer(i)
        return y if y is not None and len(self.words[i]) == 4 and plausible_year(y) else None

    def ordinal(self, i: int) -> tuple[int, int] | None:
        """(value, index of its last token) of "11th" or "eleventh" at token i."""
        if self.free_number(i) and self.glued(i + 1) and self.low(i + 1) in _ORDINAL_SUFFIXES:
            value = self.integer(i)
            return (value, i + 1) if value is not None else None
        if 0 <= i < self.n and self.lows[i] in _ORDINALS and not self.used[i]:
            return _ORDINALS[self.lows[i]], i
        return None

    def take(self, first: int, last: int) -> None:
        for k in range(first, last + 1):
            self.used[k] = True

    def period(self, first: int, last: int, period: Period | None) -> None:
        if period is not None:
            self.facts.periods.append(PeriodMention(self.starts[first], self.ends[last], period))


class _Reader:
    def __init__(self, text: str, published: date | None):
        self.text = text
        self.published = published
        self._text_yen: str | None = None

    def yen(self, s: _Sentence) -> str:
        """¥ is the yuan where the sentence (else the text) is about China and not Japan, else the yen."""
        words = set(s.lows)
        if words & _JAPAN_WORDS:
            return "JPY"
        if words & _CHINA_WORDS:
            return "CNY"
        if self._text_yen is None:
            china = _CHINA_IN_TEXT.search(self.text) is not None
            self._text_yen = "CNY" if china and _JAPAN_IN_TEXT.search(self.text) is None else "JPY"
        return self._text_yen

    def sentence(self, start: int, end: int) -> SentenceFacts:
        s = _Sentence(self, start, end)
        for step in (_dates, _named_periods, _relative_periods, _pairs, _streak_ordinals, _ranks, _numbers,
                     _countries, _sources, _flows):
            step(s)
        f = s.facts
        for mentions in (f.numbers, f.countries, f.pairs, f.flows, f.ranks, f.periods, f.sources):
            mentions.sort(key=lambda m: (m.start, m.end))
        return f


def read(text: str, published: date | None) -> list[SentenceFacts]:
    """What each sentence of an English ``text`` says; every offset indexes ``text`` itself.

    ``published`` resolves "last year" and "this year"; without it they give no period.
    """
    reader = _Reader(text, published)
    return [reader.sentence(start, end) for start, end in sentences(text)]


# --- dates and periods --------------------------------------------------------------------------


def _day(s: _Sentence, i: int) -> int:
    """Index of the last token of a day of the month at i ("19", "19th"), or -1."""
    d = s.integer(i)
    if d is None or not 1 <= d <= 31 or len(s.words[i]) > 2 or s.used[i]:
        return -1
    return i + 1 if s.glued(i + 1) and s.low(i + 1) in _ORDINAL_SUFFIXES else i


def _dates(s: _Sentence) -> None:
    """Numbers in a date or a time are not quantities; "March 2021" is a period."""
    for i in range(s.n):
        if s.used[i]:
            continue
        if s.kinds[i] == "n":  # 2021-03-19, 19/03/2021, 14:30
            sep = s.low(i + 1)
            if sep in ("-", "/", ":") and s.glued(i + 1) and s.glued(i + 2) and s.free_number(i + 2):
                if sep == ":" and len(s.words[i]) <= 2:
                    s.take(i, i + 2)
                elif sep != ":" and s.low(i + 3) == sep and s.glued(i + 3) and s.glued(i + 4) and s.free_number(i + 4):
                    s.take(i, i + 4)
            continue
        month = EN_MONTHS.get(s.lows[i]) if s.words[i][:1].isupper() else None
        if month is None:
            continue
        after = i + 1 if s.low(i + 1) == "." and s.glued(i + 1) else i  # "Jan."
        day_end = _day(s, after + 1)
        if day_end >= 0:  # March 19, 2021
            s.take(i, day_end)
            year_at = day_end + 1 + (s.low(day_end + 1) == ",")
            if s.year(year_at):
                s.take(year_at, year_at)
            continue
        before = i - 2 if s.low(i - 1) == "of" else i - 1  # 19 March 2021, the 19th of March
        day_start = before - 1 if s.low(before) in _ORDINAL_SUFFIXES and s.glued(before) else before
        if day_start >= 0 and _day(s, day_start) == before:
            s.take(day_start, after)
            if s.year(after + 1):
                s.take(after + 1, after + 1)
            continue
        year_at = after + 1 + (s.low(after + 1) == ",")
        year = s.year(year_at)
        if year is not None:  # March 2021
            s.take(i, year_at)
            last_day = calendar.monthrange(year, month)[1]
            s.period(i, year_at, Period(start=date(year, month, 1), end=date(year, month, last_day)))


def _year_after(s: _Sentence, i: int) -> tuple[int, int | None]:
    """The year named from token i on ("2021", "of 2021", "of last year", "of the year"): (last index, year)."""
    j = i + 1 if s.low(i) == "of" else i
    year = s.year(j)
    if year is not None:
        return j, year
    published = s.reader.published
    if published is not None and s.low(j + 1) == "year":
        offset = {"last": LAST_YEAR, "this": THIS_YEAR, "the": THIS_YEAR}.get(s.low(j))
        if offset is not None:
            return j + 1, published.year + offset
    return i - 1, None


def _months(year: int, first: int, last: int) -> Period:
    return Period(start=date(year, first, 1), end=date(year, last, calendar.monthrange(year, last)[1]))


def _part(year: int, kind: str, n: int) -> Period:
    """The n-th quarter ("q") or half ("h") of a year."""
    size = 3 if kind == "q" else 6
    return _months(year, size * (n - 1) + 1, size * n)


def _named_periods(s: _Sentence) -> None:
    """Quarters and halves, "the first eight months of 2021", "Q1 2021", "2019-20"."""
    for i in range(s.n):
        if s.used[i]:
            continue
        low = s.lows[i]
        if low in ("q", "h") and s.words[i].isupper() and s.glued(i + 1):  # Q1 2021, H1 2021
            n = s.integer(i + 1)
            if n is not None and 1 <= n <= (4 if low == "q" else 2):
                s.take(i + 1, i + 1)
                last, year = _year_after(s, i + 2)
                if year is not None:
                    s.take(i + 2, last)
                    s.period(i, last, _part(year, low, n))
        elif low in ("first", "second", "third", "fourth") and s.low(i + 1) in ("quarter", "half"):
            kind, n = s.lows[i + 1][0], _ORDINALS[low]
            if kind == "q" or n <= 2:
                last, year = _year_after(s, i + 2)
                s.take(i, max(last, i + 1))
                if year is not None:
                    s.period(i, last, _part(year, kind, n))
        elif low == "first" and s.low(i + 2) == "months":  # the first eight months of 2021
            n = _UNITS.get(s.low(i + 1)) or _TEENS.get(s.low(i + 1)) or s.integer(i + 1)
            if n is not None and 1 <= n <= 12:
                last, year = _year_after(s, i + 3)
                s.take(i, max(last, i + 2))
                if year is not None:
                    s.period(i, last, _months(year, 1, n))
        elif (year := s.year(i)) is not None and s.low(i + 1) in ("-", "/", "–") and s.glued(i + 1) and s.glued(i + 2):
            tail = s.integer(i + 2)
            if tail is not None and len(s.words[i + 2]) == 2 and tail == (year + 1) % 100:  # 2019-20
                s.take(i, i + 2)
                s.period(i, i + 2, Period(start=date(year, 1, 1), end=date(year + 1, 12, 31)))


def _relative_periods(s: _Sentence) -> None:
    """ "last year", "this year", "last year's"."""
    for i in range(s.n - 1):
        if s.lows[i + 1] not in ("year", "year's", "year’s") or s.used[i] or s.used[i + 1]:
            continue
        offset = {"last": LAST_YEAR, "this": THIS_YEAR, "next": 1}.get(s.lows[i])
        period = relative_year(offset, s.reader.published) if offset is not None else None
        if period is not None:
            end = s.ends[i + 1] - (0 if s.lows[i + 1] == "year" else 2)
            s.facts.periods.append(PeriodMention(s.starts[i], end, period))


# --- phrases that hold a number that is not a plain figure ----------------------------------------


def _pairs(s: _Sentence) -> None:
    """ "the two countries", "bilateral", "between them"; "two-way" is no figure either."""
    for i in range(s.n):
        k = s.phrase(_PAIRS, i)
        if k:
            s.facts.pairs.append(PairMention(s.starts[i], s.ends[i + k - 1]))
            if s.value(_PAIRS, i, k):
                s.take(i, i + k - 1)
        elif s.lows[i] in _UNITS and s.low(i + 1) == "-" and s.low(i + 2) in ("way", "off", "sided"):
            s.take(i, i + 2)


def _streak_ordinals(s: _Sentence) -> None:
    """ "for the 11th consecutive year", "a third straight year", "the 11th year in a row"."""
    for i in range(s.n):
        ordinal = s.ordinal(i)
        if ordinal is None:
            continue
        value, j = ordinal[0], ordinal[1] + 1
        if s.low(j) in _STREAK_WORDS and s.low(j + 1) == "year":
            end = j + 1
        elif s.at(j, "year", "in", "a", "row"):
            end = j + 3
        elif s.at(j, "year", "running"):
            end = j + 1
        else:
            continue
        s.take(i, end)
        s.facts.numbers.append(NumberMention(
            s.starts[i], s.ends[end], float(value), str(value), 1.0, "year", role=NumberRole.STREAK))


def _ranks(s: _Sentence) -> None:
    """ "largest trading partner", "second-largest export market", "No. 1 trading partner"."""
    for i in range(s.n):
        low = s.lows[i]
        if low in _SUPERLATIVES:
            nxt = i + 1
        elif low == "most" and s.low(i + 1) == "important" or low == "number" and s.low(i + 1) == "one":
            nxt = i + 2
        elif low == "no" and s.low(i + 1) == "." and s.integer(i + 2) == 1:
            nxt = i + 3
        else:
            continue
        j = nxt
        while s.low(j) in _RANK_MODIFIERS and j < nxt + 2:
            j += 1
        if s.low(j) not in _RANK_NOUNS:
            continue
        rank, first = 1, i
        o = i - 2 if s.low(i - 1) == "-" and s.glued(i) else i - 1  # where an ordinal would end
        if o >= 0 and s.lows[o] in _ORDINALS:
            rank, first = _ORDINALS[s.lows[o]], o
        elif o >= 1 and s.lows[o] in _ORDINAL_SUFFIXES and s.glued(o) and s.integer(o - 1) is not None:
            rank, first = int(s.words[o - 1]), o - 1
        if s.at(first - 3, "one", "of", "the"):
            continue
        s.take(first, nxt - 1)
        s.facts.ranks.append(RankMention(s.starts[first], s.ends[j], rank))


# --- numbers ------------------------------------------------------------------------------------


class _Number:
    """A number being read: its tokens (indices), and what the text says about it."""

    __slots__ = ("first", "last", "start", "numeral", "scale", "scaled", "unit", "qualifier", "role", "high",
                 "high_numeral", "is_words", "fraction")

    def __init__(self, first: int, last: int, numeral: str, *, is_words: bool = False, fraction: bool = False):
        self.first = first  # the numeral's first token
        self.last = last  # the mention's last token
        self.start = first  # the mention's first token: a currency or qualifier may come before
        self.numeral = numeral
        self.scale = 1.0
        self.scaled = False
        self.unit = "count"
        self.qualifier = Qualifier.EXACT
        self.role = NumberRole.PLAIN
        self.high: float | None = None
        self.high_numeral: str | None = None
        self.is_words = is_words
        self.fraction = fraction

    @property
    def value(self) -> float:
        return float(Decimal(self.numeral) * Decimal(self.scale))


def _decimal_text(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _small(s: _Sentence, i: int) -> tuple[int, int] | None:
    """(value, last index) of "seven", "eleven", "twenty-three" at i."""
    low = s.low(i)
    if low in _TENS:
        if s.low(i + 1) == "-" and s.glued(i + 1) and s.glued(i + 2) and _UNITS.get(s.low(i + 2), 0) >= 1:
            return _TENS[low] + _UNITS[s.lows[i + 2]], i + 2
        return _TENS[low], i
    value = _UNITS.get(low, _TEENS.get(low))
    return (value, i) if value is not None else None


def _fraction(s: _Sentence, first: int, i: int, whole: int) -> _Number | None:
    """ "a fifth", "two-thirds", "three quarters": ``whole`` over the fraction word at i (or i+1 after "-")."""
    j = i + 1 if s.low(i) == "-" and s.glued(i) and s.glued(i + 1) else i
    low = s.low(j)
    if low not in _FRACTIONS or (low.endswith("s") and low != "halves") != (whole > 1):
        return None
    if whole == 1 and s.kinds[j + 1 : j + 2] == ["w"] and s.lows[j + 1] not in _AFTER_FRACTION:
        return None  # "a third round", "a fifth consecutive year": ordinals
    denominator = _FRACTIONS[low]
    value = Decimal(whole) / Decimal(denominator)
    if denominator not in (2, 4, 5, 8, 10):  # thirds, sixths...: four decimals
        value = value.quantize(Decimal("0.0001"))
    return _Number(first, j, _decimal_text(value), is_words=True, fraction=True)


def _core(s: _Sentence, i: int) -> _Number | None:
    """The numeral at token i: digits, number words or a fraction."""
    if s.used[i]:
        return None
    if s.kinds[i] == "n":
        word = s.words[i]
        if len(word) > _MAX_DIGITS:
            return None
        if s.glued(i) and s.kinds[i - 1] == "w" and s.words[i - 1] not in _CODES:
            return None  # G20, A380, Q1: part of a name ("Rmb5bn", "USD5bn" are currencies)
        if s.glued(i + 1) and s.kinds[i + 1] == "w" and s.lows[i + 1] not in _SCALE_ABBR:
            return None  # 5G, 1990s, 11th (an ordinal outside a streak or rank)
        if s.glued(i) and s.low(i - 1) == "." and s.kinds[i - 2 : i - 1] == ["n"]:
            return None  # 1.2.3
        return _Number(i, i, word.replace(",", ""))
    low = s.lows[i]
    if low in ("a", "an"):
        if s.low(i + 1) == "hundred":
            return _Number(i, i + 1, "100", is_words=True)
        if s.low(i + 1) in _SCALE_WORDS:
            return _Number(i, i, "1", is_words=True)
        return _fraction(s, i, i + 1, 1)
    if low == "half":
        if s.low(i - 1) in ("first", "second") or s.low(i + 1) == "year" or s.at(i + 1, "-", "year"):
            return None
        return _fraction(s, i, i, 1)
    small = _small(s, i)
    if small is None:
        return None
    value, last = small
    if s.low(last + 1) == "hundred" and 1 <= value <= 9:  # "one hundred and seven"
        value, last = value * 100, last + 1
        rest = _small(s, last + 2) if s.low(last + 1) == "and" else _small(s, last + 1)
        if rest is not None and 0 < rest[0] < 100:
            value, last = value + rest[0], rest[1]
    elif 1 <= value <= 10 and (fraction := _fraction(s, i, last + 1, value)) is not None:
        return fraction
    return _Number(i, last, str(value), is_words=True)


def _currency_symbol(s: _Sentence, symbol: str) -> str:
    unit = _SYMBOLS[symbol]
    return s.reader.yen(s) if unit == "¥" else unit


def _suffix(s: _Sentence, num: _Number) -> None:
    """Scale word, then currency, percent or years after the numeral."""
    j = num.last + 1
    low = s.low(j)
    if not num.fraction and (
        low in _SCALE_ABBR and s.glued(j) or low in _SPACED_ABBR or low in _SCALE_WORDS and not s.glued(j)
    ):
        num.scale, num.scaled, num.last = _SCALE_ABBR.get(low) or _SCALE_WORDS[low], True, j
        j += 1
        low = s.low(j)
    if num.fraction:
        return
    word = s.word(j)
    if low in ("%", "percent", "pct"):
        num.unit, num.last = "percent", j
    elif s.at(j, "per", "cent") or s.at(j, "percentage", "points") or s.at(j, "percentage", "point"):
        num.unit, num.last = "percent", j + 1
    elif word in _CODES:
        num.unit, num.last = _CODES[word], j
        if not num.scaled and s.low(j + 1) in _SPACED_ABBR:  # "107 USD bn"
            num.scale, num.scaled, num.last = _SCALE_ABBR[s.lows[j + 1]], True, j + 1
    elif (k := s.phrase(_CURRENCIES, j)) and not (low.startswith("pound") and s.low(j + k) == "of"):
        num.unit, num.last = s.value(_CURRENCIES, j, k), j + k - 1
    elif low in _SYMBOLS and low != "$" and s.glued(j):  # "5€"
        num.unit, num.last = _currency_symbol(s, low), j
    elif low == "years" or low == "year" and num.numeral == "1":
        num.unit, num.last = "year", j
    elif low == "-" and s.glued(j) and s.glued(j + 1) and s.low(j + 1) == "year":  # "a five-year plan"
        num.unit, num.last = "year", j + 1


def _prefix(s: _Sentence, num: _Number) -> None:
    """Currency before the numeral: "$", "US$", "€", "¥", "USD ", "Rmb5bn", "USD bn 107"."""
    k = num.first - 1
    if k < 0 or num.fraction or s.used[k]:
        return
    word = s.words[k]
    if word in _SYMBOLS:
        num.unit, num.start = _currency_symbol(s, word), k
        if word == "$" and s.glued(k) and s.words[k - 1] in _DOLLAR_PREFIXES:
            num.unit, num.start = _DOLLAR_PREFIXES[s.words[k - 1]], k - 1
        return
    if word in _SPACED_ABBR and not num.scaled and s.word(k - 1) in _CODES:
        num.scale, num.scaled = _SCALE_ABBR[word], True
        k -= 1
        word = s.words[k]
    if word in _CODES:
        num.unit, num.start = _CODES[word], k


def _qualify(s: _Sentence, num: _Number) -> None:
    k = s.phrase_before(_QUALIFIERS, num.start)
    if k:
        num.start -= k
        num.qualifier = s.value(_QUALIFIERS, num.start, k)


def _read_number(s: _Sentence, i: int) -> _Number | None:
    num = _core(s, i)
    if num is not None:
        _suffix(s, num)
        _prefix(s, num)
    return num


def _role(s: _Sentence, num: _Number) -> None:
    """Streak, change or share, from the words around the number."""
    j = num.last + 1
    if num.unit == "year":
        if s.low(j - 1) == "years" and s.at(j, "in", "a", "row"):
            num.role, num.last = NumberRole.STREAK, j + 2
        elif s.low(j - 1) == "years" and s.low(j) == "running":
            num.role, num.last = NumberRole.STREAK, j
        return
    if num.unit == "count" and not num.fraction and s.low(j) in _STREAK_WORDS and s.low(j + 1) == "years":
        num.unit, num.role, num.last = "year", NumberRole.STREAK, j + 1
        return
    q = num.start
    verb = q - 2 if s.low(q - 1) == "by" else q - 1
    if s.low(verb) in _CHANGE_VERBS or s.low(q - 1) == "of" and s.low(q - 2) in _CHANGE_NOUNS:
        num.role = NumberRole.CHANGE  # "rose 12.5%", "fell by a fifth", "an increase of 7%"
    elif s.low(j) in _CHANGE_NOUNS or s.at(j, "year", "-", "on", "-", "year") or s.at(j, "year", "on", "year"):
        num.role = NumberRole.CHANGE  # "a 7% increase", "5% year-on-year"
    elif (num.unit == "percent" or num.fraction) and (
        s.low(j) in ("of", "share") or tuple(s.lows[max(0, q - 2) : q]) in _SHARE_BEFORE
    ):
        num.role = NumberRole.SHARE  # "20.5% of", "a 20.5% share", "a share of 20.5%"


def _range(s: _Sentence, num: _Number) -> None:
    """ "between A and B", "A to B", "A-B", "A–B": one mention with a high end."""
    j = num.last + 1
    joint = s.low(j)
    between = num.qualifier is Qualifier.RANGE
    if between:
        possible = joint == "and"
    else:
        possible = (
            joint in ("to", "-", "–", "—") and num.qualifier is Qualifier.EXACT and num.role is NumberRole.PLAIN
            and not num.fraction and s.low(num.start - 1) != "from"  # "from 5% to 6%": two figures
        )
    high = None
    if possible:
        k = j + 1  # past a currency before B: "$110 billion", "US$110bn", "USD 110 billion"
        while k < min(j + 3, s.n - 1) and (s.words[k] in _SYMBOLS or s.words[k] in _DOLLAR_PREFIXES or
                                           s.words[k] in _CODES):
            k += 1
        high = _read_number(s, k) if k < s.n else None
    if high is not None and high.start == j + 1 and _join(s, num, high, joint, j):
        return
    if between:  # "between" without "and B" is no range and no qualifier
        num.qualifier, num.start = Qualifier.EXACT, num.start + 1


def _join(s: _Sentence, num: _Number, high: _Number, joint: str, j: int) -> bool:
    if high.fraction or high.role is not NumberRole.PLAIN or not (
        num.unit == high.unit or "count" in (num.unit, high.unit)
    ):
        return False
    if joint == "-" and not (s.glued(j) and s.glued(j + 1)) and high.unit == "count":
        return False  # "5 - 6" is more likely a list or a score than a range
    if not num.scaled and high.scaled:  # "between 100 and 110 billion"
        num.scale = high.scale
    if not high.scaled:
        high.scale = num.scale
    if high.value < num.value:
        return False
    num.unit = high.unit if num.unit == "count" else num.unit
    num.qualifier = Qualifier.RANGE
    num.high = high.value
    num.high_numeral = high.numeral if high.scale == num.scale else _decimal_text(
        Decimal(high.numeral) * Decimal(high.scale) / Decimal(num.scale))
    num.last = high.last
    return True


def _year_mention(s: _Sentence, num: _Number) -> bool:
    """A bare plausible year is a period, not a quantity: "in 2020", "the year 2020", "between 2010 and 2020"."""
    if num.qualifier is Qualifier.RANGE and s.low(num.first + 1) == "and" and num.last == num.first:
        first_year, last_year = s.year(num.first), s.year(num.first + 2)
        if first_year and last_year and last_year > first_year:
            s.take(num.first, num.first + 2)
            s.period(num.first, num.first + 2, Period(start=date(first_year, 1, 1), end=date(last_year, 12, 31)))
            return True
    year = s.year(num.first)
    if year is None or num.is_words or num.unit != "count" or num.qualifier is not Qualifier.EXACT or (
        num.last != num.first or num.start != num.first
    ):
        return False
    before, after = s.low(num.first - 1), num.first + 1
    if before not in _YEAR_BEFORE and not (
        after >= s.n or s.kinds[after] != "w" or s.words[after][:1].isupper() or s.lows[after] in _YEAR_AFTER
    ):
        return False  # "they shipped 2000 tonnes"
    first = num.first
    if before == "year":
        first -= 2 if s.low(first - 2) == "the" else 1
    s.take(num.first, num.first)
    s.period(first, num.first, Period.year(year))
    return True


def _numbers(s: _Sentence) -> None:
    i = 0
    while i < s.n:
        num = _read_number(s, i)
        if num is None:
            i += 1
            continue
        i = num.first + 1
        _qualify(s, num)
        if _year_mention(s, num):
            continue
        _role(s, num)
        _range(s, num)
        if _year_mention(s, num):  # "between 2019 and the pandemic": no range after all
            continue
        if num.is_words and num.numeral == "1" and not num.scaled and num.unit == "count":
            continue  # a bare "one" ("one of the largest") is not a figure
        s.take(num.start, num.last)
        s.facts.numbers.append(NumberMention(
            s.starts[num.start], s.ends[num.last], num.value, num.numeral, num.scale, num.unit,
            num.qualifier, num.role, num.high, num.high_numeral,
        ))
        i = num.last + 1


# --- words --------------------------------------------------------------------------------------


def _name_tokens(s: _Sentence, i: int) -> Iterator[str]:
    """Tokens from i on that could be part of a country name."""
    for k in range(i, s.n):
        if s.used[k] or (s.kinds[k] != "w" and s.words[k] != "-"):
            return
        yield s.words[k]


def _countries(s: _Sentence) -> None:
    i = 0
    while i < s.n:
        if s.used[i] or s.kinds[i] != "w" or not s.words[i][:1].isupper():
            i += 1
            continue
        found = countries.match_english(_name_tokens(s, i))
        if found is None or (s.word(i - 1) == "New" and found[0] == 1):  # New Mexico, New Jersey
            i += 1
            continue
        count, iso3, possessive = found
        last = i + count - 1
        i = last + 1
        if s.lows[last] == "american" and s.low(last - count) in _NOT_AMERICA:
            continue  # "Latin American"
        if s.low(last + 1) in _CURRENCY_NOUNS or s.word(last + 1) == "$" and s.glued(last + 1):
            continue  # "the US dollar", "US$": a currency, not a country
        first = last - count + 1
        s.facts.countries.append(CountryMention(s.starts[first], s.ends[last] - (2 if possessive else 0), iso3, possessive))
        if s.lows[first] in ("sino", "russo", "indo") and count == 1 and s.low(i) == "-" and s.glued(i):
            other = countries.match_english(_name_tokens(s, i + 1))
            if other is not None:  # "Sino-Russian": the two countries
                s.facts.pairs.append(PairMention(s.starts[first], s.ends[i + other[0]]))


def _sources(s: _Sentence) -> None:
    """Whose figures: "according to Chinese customs", "Russia's Federal Customs Service", "Statistics Iceland"."""
    index = {start: k for k, start in enumerate(s.starts)} if s.facts.countries else {}
    for c in s.facts.countries:
        first = last = index[c.start]
        while last + 1 < s.n and s.ends[last] < c.end:
            last += 1
        j, end = last + 1, -1
        if k := s.phrase(_OWNED_INSTITUTIONS, j):
            end = j + k - 1
        elif s.low(j) == "customs":
            end = j + 1 if s.low(j + 1) in _CUSTOMS_NOUNS else j
        elif s.low(j) in ("official", "trade") and s.low(j + 1) in ("data", "figures", "statistics"):
            end = j + 1
        elif s.low(j) in ("data", "figures"):
            end = j
        elif s.low(j) in ("statistics", "statistical") and s.low(j + 1) in ("office", "agency", "bureau", "service"):
            end = j + 1
        if end >= 0:
            _add_source(s, first, end, c.iso3)
    for i in range(s.n):
        k = s.phrase(_INSTITUTIONS, i)
        if k and not any(src.start <= s.starts[i] < src.end for src in s.facts.sources):
            _add_source(s, i, i + k - 1, s.value(_INSTITUTIONS, i, k))


def _add_source(s: _Sentence, first: int, last: int, reporter: str) -> None:
    if s.low(first - 1) == "the":
        first -= 1
    if s.at(first - 2, "according", "to"):
        first -= 2
    s.facts.sources.append(SourceMention(s.starts[first], s.ends[last], reporter))


def _flows(s: _Sentence) -> None:
    i = 0
    while i < s.n:
        k = s.phrase(_FLOWS, i)
        if not k:
            i += 1
            continue
        flow, last = s.value(_FLOWS, i, k), i + k - 1
        head = s.lows[last]
        if not (
            head in ("trade", "export", "import", "exports", "imports") and s.low(last + 1) in _NOT_A_FLOW_AFTER
            or head == "trade" and k == 1 and s.low(i - 1) in ("world", "free")  # World Trade Organization
            or flow is Flow.BALANCE and k == 1 and s.low(i - 1) in _NOT_A_BALANCE_BEFORE  # budget deficit
        ):
            s.facts.flows.append(FlowMention(s.starts[i], s.ends[last], flow))
        i = last + 1


__all__ = ["read", "sentences"]
