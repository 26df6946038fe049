"""The Icelandic front end: Miðeind's tokenizer for sentences and numbers, BÍN for words.

Words are recognised by their BÍN lemma (``islenska``), never by lists of inflected forms:
"milljörðum", "milljarða" and "milljarði" are all the lemma *milljarður*. The short tables
below are of lemmas and of uninflected function words (yfir, rúmlega, tæplega ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from islenska import Bin
from tokenizer import TOK, tokenize

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

SCALE_LEMMAS = {"þúsund": 1e3, "milljón": 1e6, "milljarður": 1e9, "billjón": 1e12, "billjarður": 1e15}
SCALE_ABBREVIATIONS = {"þús.": 1e3, "millj.": 1e6, "m.": 1e6, "ma.": 1e9, "mö.": 1e9, "mrð.": 1e9}
CURRENCY_LEMMAS = {
    "Bandaríkjadalur": "USD", "Bandaríkjadollari": "USD", "bandaríkjadalur": "USD", "bandaríkjadollari": "USD",
    "dalur": "USD", "dollari": "USD", "dollar": "USD",
    "evra": "EUR", "króna": "ISK", "júan": "CNY", "renminbi": "CNY", "rúbla": "RUB",
    "jen": "JPY", "pund": "GBP", "sterlingspund": "GBP",
}
ISO_CURRENCIES = {"USD", "EUR", "ISK", "CNY", "RUB", "JPY", "GBP", "NOK", "DKK", "SEK", "CHF", "CAD", "RMB"}
NUMBER_WORD_LEMMAS = {
    "tveir": 2, "þrír": 3, "fjórir": 4, "fimm": 5, "sex": 6, "sjö": 7, "átta": 8, "níu": 9, "tíu": 10,
    "ellefu": 11, "tólf": 12, "þrettán": 13, "fjórtán": 14, "fimmtán": 15, "sextán": 16, "sautján": 17,
    "átján": 18, "nítján": 19, "tuttugu": 20, "þrjátíu": 30, "fjörutíu": 40, "fimmtíu": 50, "sextíu": 60,
    "sjötíu": 70, "áttatíu": 80, "níutíu": 90, "hundrað": 100,
}
FRACTION_LEMMAS = {"helmingur": 0.5, "þriðjungur": 1 / 3, "fjórðungur": 0.25, "fimmtungur": 0.2}
# One-word qualifiers (uninflected adverbs and prepositions) and two-word ones.
QUALIFIERS_1 = {
    "yfir": Qualifier.OVER, "rúmlega": Qualifier.JUST_OVER, "ríflega": Qualifier.JUST_OVER,
    "tæplega": Qualifier.JUST_UNDER, "undir": Qualifier.UNDER, "nærri": Qualifier.NEARLY,
    "næstum": Qualifier.NEARLY, "nær": Qualifier.NEARLY, "um": Qualifier.ABOUT, "u.þ.b.": Qualifier.ABOUT,
    "uþb": Qualifier.ABOUT, "ca.": Qualifier.ABOUT, "tæp": Qualifier.JUST_UNDER, "rúm": Qualifier.JUST_OVER,
}
QUALIFIERS_2 = {
    ("meira", "en"): Qualifier.OVER, ("minna", "en"): Qualifier.UNDER, ("í", "kringum"): Qualifier.ABOUT,
    ("allt", "að"): Qualifier.UP_TO, ("hartnær",): Qualifier.NEARLY, ("hátt", "í"): Qualifier.NEARLY,
    ("fleiri", "en"): Qualifier.OVER, ("færri", "en"): Qualifier.UNDER,
}
QUALIFIERS_3 = {("að", "minnsta", "kosti"): Qualifier.AT_LEAST, ("að", "hámarki",): Qualifier.UP_TO}
# Words after which "um" means "by" (jókst um 12%, óhagstæð um 5 ma.kr.), not "about".
CHANGE_LEMMAS = {"hagstæður", "óhagstæður", "aukast", "auka", "hækka", "lækka", "minnka", "vaxa", "dragast", "falla", "rýrna", "aukning", "samdráttur", "hækkun", "lækkun"}
FLOW_LEMMAS = {
    "viðskipti": Flow.TOTAL, "vöruviðskipti": Flow.TOTAL, "utanríkisviðskipti": Flow.TOTAL,
    "viðskiptavelta": Flow.TOTAL, "vöruskipti": Flow.TOTAL, "verslun": Flow.TOTAL, "milliríkjaviðskipti": Flow.TOTAL,
    "útflutningur": Flow.EXPORT, "vöruútflutningur": Flow.EXPORT, "útflutningsverðmæti": Flow.EXPORT,
    "innflutningur": Flow.IMPORT, "vöruinnflutningur": Flow.IMPORT,
    "vöruskiptajöfnuður": Flow.BALANCE, "vöruviðskiptajöfnuður": Flow.BALANCE, "viðskiptajöfnuður": Flow.BALANCE,
    "viðskiptahalli": Flow.BALANCE, "vöruskiptahalli": Flow.BALANCE, "halli": Flow.BALANCE,
    "afgangur": Flow.BALANCE, "viðskiptaafgangur": Flow.BALANCE,
    "hagstæður": Flow.BALANCE, "óhagstæður": Flow.BALANCE,
}
PARTNER_LEMMAS = {"viðskiptafélagi", "viðskiptaland", "viðskiptaaðili", "viðskiptaríki", "viðskiptavinur", "útflutningsland", "markaður", "útflutningsmarkaður"}
PAIR_LEMMAS = {"ríki", "land", "þjóð"}
SOURCE_LEMMAS = {"tollyfirvöld", "tollstjóri", "tollur", "tollgæsla", "hagstofa", "tollstofnun", "tollþjónusta", "viðskiptaráðuneyti"}


@lru_cache(maxsize=65536)
def _readings(word: str) -> tuple[tuple[str, str, str, str], ...]:
    """(lemma, word class, domain, inflection) for every BÍN reading of ``word``."""
    _, entries = _bin().lookup(word)
    return tuple((e.ord, e.ofl, e.hluti, e.mark) for e in entries)


@lru_cache(maxsize=1)
def _bin() -> Bin:
    return Bin()


@dataclass(slots=True)
class _Tok:
    kind: int
    txt: str
    val: Any
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.txt.lower()

    @property
    def is_word(self) -> bool:
        return self.kind == TOK.WORD

    def lemmas(self) -> set[str]:
        return {r[0] for r in self.readings()}

    def readings(self) -> tuple[tuple[str, str, str, str], ...]:
        """BÍN readings; a capitalised word also gets those of its lower-case form ("Halli")."""
        if self.kind != TOK.WORD or not self.txt:
            return ()
        found = _readings(self.txt)
        if self.txt[0].isupper() and not self.txt.isupper():
            found = found + _readings(self.lower)
        return found


def _sentences(text: str) -> list[list[_Tok]]:
    """Tokens with exact offsets into ``text``, grouped by sentence."""
    sentences: list[list[_Tok]] = []
    current: list[_Tok] = []
    pos = 0
    for tok in tokenize(text):
        original = tok.original or ""
        if tok.kind == TOK.S_BEGIN:
            current = []
        elif tok.kind == TOK.S_END:
            if current:
                sentences.append(current)
            current = []
        elif tok.txt and tok.origin_spans:
            start = pos + tok.origin_spans[0]
            end = pos + tok.origin_spans[-1] + 1
            current.append(_Tok(tok.kind, tok.txt, tok.val, start, end))
        pos += len(original)
    if current:
        sentences.append(current)
    return sentences


def _numeral(tok: _Tok) -> str:
    """The number as written, normalised to a dot decimal without grouping ("1.009,0" -> "1009.0")."""
    raw = tok.txt.strip().split()[0] if tok.kind == TOK.AMOUNT else tok.txt.strip()
    digits = "".join(ch for ch in raw if ch.isdigit() or ch in ",.")
    if "," in digits:  # Icelandic: dot groups, comma decimals
        return digits.replace(".", "").replace(",", ".")
    parts = digits.split(".")
    if len(parts) > 2 or (len(parts) == 2 and len(parts[1]) == 3):
        return digits.replace(".", "")
    return digits.strip(".") or "0"


class _Reader:
    """Reads one sentence's tokens into facts."""

    def __init__(self, toks: list[_Tok], published: date | None) -> None:
        self.toks = toks
        self.published = published
        self.facts = SentenceFacts(start=toks[0].start, end=toks[-1].end)
        self.taken: set[int] = set()  # token indexes already part of a mention

    def word(self, i: int) -> str:
        return self.toks[i].lower if 0 <= i < len(self.toks) and self.toks[i].kind == TOK.WORD else ""

    def read(self) -> SentenceFacts:
        self._periods()
        for i, tok in enumerate(self.toks):
            if i in self.taken:
                continue
            if tok.kind == TOK.WORD:
                self._word(i, tok)
        for i, tok in enumerate(self.toks):
            if i not in self.taken and tok.kind in (TOK.NUMBER, TOK.PERCENT, TOK.AMOUNT, TOK.WORD):
                self._number(i, tok)
        return self.facts

    # --- words: countries, flows, pairs, ranks, sources ---------------------------------
    def _word(self, i: int, tok: _Tok) -> None:
        readings = tok.readings()
        lemmas = {r[0] for r in readings}
        f = self.facts
        lands = [r for r in readings if r[2] == "lönd"]
        iso = next((countries.from_icelandic_lemma(r[0]) for r in lands if countries.from_icelandic_lemma(r[0])), None)
        if iso is None and tok.txt[:1].isupper() and not readings:
            iso = countries.from_icelandic_lemma(tok.txt)
        if iso:
            genitive = bool(lands) and (
                all(r[3].startswith("EF") for r in lands)
                or (any(r[3].startswith("EF") for r in lands) and bool(self._lemmas(i - 1) & PARTNER_LEMMAS))
            )
            f.countries.append(CountryMention(tok.start, tok.end, iso, possessive=genitive))
            return
        for lemma in lemmas:
            if lemma in FLOW_LEMMAS:
                f.flows.append(FlowMention(tok.start, tok.end, FLOW_LEMMAS[lemma]))
                break
        if tok.lower == "tvíhliða":
            f.pairs.append(PairMention(tok.start, tok.end))
        elif lemmas & PAIR_LEMMAS and any(r[3].endswith("FTgr") for r in readings if r[0] in PAIR_LEMMAS):
            end = tok.end
            nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
            if nxt is not None and nxt.is_word and {"tveir", "báðir"} & nxt.lemmas():
                self.taken.add(i + 1)
                end = nxt.end
            f.pairs.append(PairMention(tok.start, end))
        elif "flytja" in lemmas and self.word(i + 1) in ("út", "inn"):
            flow = Flow.EXPORT if self.word(i + 1) == "út" else Flow.IMPORT
            f.flows.append(FlowMention(tok.start, self.toks[i + 1].end, flow))
        self._rank(i, tok, lemmas)
        self._source(i, tok, lemmas)

    def _rank(self, i: int, tok: _Tok, lemmas: set[str]) -> None:
        low = tok.lower
        rank = 0
        if low.startswith("stærst") and "stór" in lemmas:
            rank = 3 if self.word(i - 1) in ("þriðji", "þriðja", "þriðju") else 2 if self.word(i - 1) in ("annar", "önnur", "annað") else 1
        elif low.startswith("næststærst"):
            rank = 2
        if not rank:
            return
        for j in (i + 1, i + 2):
            if j < len(self.toks) and self.toks[j].lemmas() & PARTNER_LEMMAS:
                start = self.toks[i - 1].start if rank > 1 and not low.startswith("næst") else tok.start
                self.facts.ranks.append(RankMention(start, self.toks[j].end, rank))
                return

    def _source(self, i: int, tok: _Tok, lemmas: set[str]) -> None:
        if tok.lower not in ("samkvæmt", "skv."):
            return
        for j in range(i + 1, min(i + 5, len(self.toks))):
            nxt = self.toks[j]
            for lemma, ofl, domain, _ in nxt.readings():
                iso = countries.icelandic_adjective(lemma) if ofl == "lo" else None
                if ofl == "lo" and iso:
                    self.facts.sources.append(SourceMention(tok.start, self.toks[min(j + 1, len(self.toks) - 1)].end, iso))
                    return
                if lemma.lower().startswith("hagstof") and "Íslands" in [t.txt for t in self.toks[j:j + 3]] or lemma == "Hagstofa":
                    self.facts.sources.append(SourceMention(tok.start, nxt.end, "ISL"))
                    return

    # --- periods ----------------------------------------------------------------------
    def _periods(self) -> None:
        toks, f = self.toks, self.facts
        for i, tok in enumerate(toks):
            low = tok.lower
            period: Period | None = None
            span = (i, i)
            if tok.kind == TOK.YEAR and isinstance(tok.val, int):
                period, span = Period.year(tok.val), (i, i)
            elif tok.kind == TOK.NUMBER and plausible_year(tok.val[0]) and "." not in tok.txt and "," not in tok.txt:
                if not self._followed_by_unit(i):
                    period, span = Period.year(int(tok.val[0])), (i, i)
            elif low == "í" and self.word(i + 1) == "fyrra":
                period, span = relative_year(LAST_YEAR, self.published), (i, i + 1)
            elif low in ("síðasta", "síðastliðnu", "síðastliðið", "liðnu", "liðið", "síðastliðna") and "ár" in self._lemmas(i + 1):
                first = i - 1 if self.word(i - 1) in ("á", "allt", "á") else i
                period, span = relative_year(LAST_YEAR, self.published), (first, i + 1)
            elif low in ("þessu", "þetta") and "ár" in self._lemmas(i + 1) and self.word(i - 1) in ("á", "allt"):
                period, span = relative_year(THIS_YEAR, self.published), (i - 1, i + 1)
            elif low == "í" and self.word(i + 1) == "ár" and (i + 2 >= len(toks) or self.word(i + 2) != "í"):
                period, span = relative_year(THIS_YEAR, self.published), (i, i + 1)
            if period is not None:
                f.periods.append(PeriodMention(toks[span[0]].start, toks[span[1]].end, period))
                self.taken.update(range(span[0], span[1] + 1))
            elif tok.kind in (TOK.DATEABS, TOK.DATEREL, TOK.DATE, TOK.TIMESTAMP, TOK.TIMESTAMPABS, TOK.TIMESTAMPREL, TOK.TIME, TOK.ORDINAL, TOK.TELNO):
                self.taken.add(i)

    def _lemmas(self, i: int) -> set[str]:
        return self.toks[i].lemmas() if 0 <= i < len(self.toks) else set()

    def _followed_by_unit(self, i: int) -> bool:
        lemmas = self._lemmas(i + 1)
        return bool(lemmas & (set(SCALE_LEMMAS) | set(CURRENCY_LEMMAS) | {"prósent", "ár", "tonn"}))

    # --- numbers ----------------------------------------------------------------------
    def _number(self, i: int, tok: _Tok) -> None:
        value, numeral, unit = self._base(tok)
        if value is None:
            return
        start, end, j = tok.start, tok.end, i + 1
        scale = 1.0
        if tok.kind == TOK.AMOUNT:
            scale = value / float(numeral) if float(numeral) else 1.0
            if scale == 1.0:  # "USD 107 milljarðar": the scale word follows the amount
                scale, j = self._scale(j)
                value *= scale
                end = self.toks[j - 1].end
        else:
            scale, j = self._scale(j)
            if scale != 1.0:
                end = self.toks[j - 1].end
            cur, j2 = self._currency(j)
            if cur:
                unit, end, j = cur, self.toks[j2 - 1].end, j2
            value *= scale
        role = NumberRole.PLAIN
        if unit == "count" and "ár" in self._lemmas(j) and j < len(self.toks):
            unit, end = "year", self.toks[j].end
            if self.word(j + 1) == "í" and self.word(j + 2) == "röð":
                role, end = NumberRole.STREAK, self.toks[j + 2].end
        elif unit == "count" and "prósent" in self._lemmas(j):
            unit, end = "percent", self.toks[j].end
        qualifier, qstart = self._qualifier(i)
        if unit == "percent":
            if qualifier is Qualifier.ABOUT and self._change_before(i - 1):
                qualifier, qstart, role = Qualifier.EXACT, start, NumberRole.CHANGE
            elif self._change_before(i):
                role = NumberRole.CHANGE
            elif self.word(j) == "af" or "hlutur" in self._lemmas(j) or "hlutdeild" in self._lemmas(i - 2):
                role = NumberRole.SHARE
        high = high_numeral = None
        if self._range_follows(i, j):
            hv, hn, _ = self._base(self.toks[j + 1])
            self.taken.add(j + 1)
            scale2, k = self._scale(j + 2)
            if scale == 1.0 and scale2 != 1.0:  # "10-20 milljarðar": the scale is written once
                value, scale = value * scale2, scale2
            high, high_numeral = (hv or 0.0) * scale, hn
            cur, k2 = self._currency(k)
            end = self.toks[(k2 if cur else k) - 1].end
            unit = cur or unit
            qualifier = Qualifier.RANGE
            first = i - 2 if self.word(i - 1) in ("bilinu", "frá") and self.word(i - 2) == "á" else i - 1
            qstart = self.toks[first].start if self.word(i - 1) in ("bilinu", "frá") else start
        self.taken.update(range(i, j))
        self.facts.numbers.append(NumberMention(
            start=qstart if qualifier is not Qualifier.EXACT else start, end=end, value=value, numeral=numeral,
            scale=scale, unit=unit, qualifier=qualifier, role=role, high=high, high_numeral=high_numeral,
        ))

    def _range_follows(self, i: int, j: int) -> bool:
        """ "á bilinu 10 til 20", "frá 10 til 20", "10–20": a second number closes a range."""
        if j + 1 >= len(self.toks) or self.toks[j + 1].kind != TOK.NUMBER:
            return False
        link = self.toks[j].txt
        return link in ("-", "–", "—") or (link == "til" and self.word(i - 1) in ("bilinu", "frá"))

    def _base(self, tok: _Tok) -> tuple[float | None, str, str]:
        if tok.kind == TOK.NUMBER:
            return float(tok.val[0]), _numeral(tok), "count"
        if tok.kind == TOK.PERCENT:
            return float(tok.val[0]), _numeral(tok), "percent"
        if tok.kind == TOK.AMOUNT:
            amount, iso = tok.val[0], tok.val[1]
            return float(amount), _numeral(tok), "CNY" if iso == "RMB" else iso
        if tok.kind == TOK.WORD:
            for lemma, ofl, _, _ in tok.readings():
                if ofl == "to" and lemma in NUMBER_WORD_LEMMAS:
                    return float(NUMBER_WORD_LEMMAS[lemma]), str(NUMBER_WORD_LEMMAS[lemma]), "count"
                if lemma in FRACTION_LEMMAS and ofl == "kk":
                    return FRACTION_LEMMAS[lemma] * 100, f"{FRACTION_LEMMAS[lemma] * 100:g}", "percent"
        return None, "", ""

    def _scale(self, j: int) -> tuple[float, int]:
        if j >= len(self.toks):
            return 1.0, j
        tok = self.toks[j]
        if tok.lower in SCALE_ABBREVIATIONS:
            return SCALE_ABBREVIATIONS[tok.lower], j + 1
        if tok.is_word:
            for lemma, ofl, _, _ in tok.readings():
                if lemma in SCALE_LEMMAS and ofl != "so":
                    return SCALE_LEMMAS[lemma], j + 1
        return 1.0, j

    def _currency(self, j: int) -> tuple[str | None, int]:
        if j >= len(self.toks):
            return None, j
        tok = self.toks[j]
        if tok.txt.upper() in ISO_CURRENCIES and tok.txt.isupper():
            return ("CNY" if tok.txt == "RMB" else tok.txt), j + 1
        if tok.lower in ("kr.", "kr", "ísk"):
            return "ISK", j + 1
        if tok.is_word:
            nouns = [r[0] for r in tok.readings() if r[1] in ("kk", "kvk", "hk")]
            for lemma in nouns:
                if lemma in CURRENCY_LEMMAS:
                    return CURRENCY_LEMMAS[lemma], j + 1
            if tok.lower.startswith("bandaríkjad"):
                return "USD", j + 1
        return None, j

    def _qualifier(self, i: int) -> tuple[Qualifier, int]:
        w1, w2, w3 = self.word(i - 1), self.word(i - 2), self.word(i - 3)
        if i >= 3 and (w3, w2, w1) in QUALIFIERS_3:
            return QUALIFIERS_3[(w3, w2, w1)], self.toks[i - 3].start
        if i >= 2 and (w2, w1) in QUALIFIERS_2:
            return QUALIFIERS_2[(w2, w1)], self.toks[i - 2].start
        if i >= 2 and (w1,) in QUALIFIERS_2:
            return QUALIFIERS_2[(w1,)], self.toks[i - 1].start
        if i >= 1 and w1 in QUALIFIERS_1:
            if w1 == "um" and self._change_before(i - 1):
                return Qualifier.EXACT, self.toks[i].start
            return QUALIFIERS_1[w1], self.toks[i - 1].start
        return Qualifier.EXACT, self.toks[i].start if i < len(self.toks) else 0

    def _change_before(self, i: int) -> bool:
        """Whether a verb or noun of change stands just before position ``i`` ("jókst um")."""
        for k in (i - 1, i - 2):
            if k >= 0 and self._lemmas(k) & CHANGE_LEMMAS:
                return True
        return False


def read(text: str, published: date | None) -> list[SentenceFacts]:
    """Facts for each sentence of an Icelandic text."""
    return [_Reader(toks, published).read() for toks in _sentences(text) if toks]
