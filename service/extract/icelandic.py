"""The Icelandic front end: Miðeind's tokenizer for sentences and numbers, BÍN for words.

``read`` cuts the text into blocks, tokenizes those that could hold a figure
(:mod:`.icelandic_text`) and reads each sentence in passes, each taking the tokens it uses so
later passes leave them alone:

1. comparisons ("það hæsta síðan 2014", "nýtt met"): their year is not the claim's period;
2. periods (:mod:`.icelandic_periods`): years, quarters, months, relative years;
3. 'the two countries' phrases ("ríkjanna tveggja", "löndin tvö"), whose number is no figure;
4. ranks ("stærsti viðskiptafélagi", "þriðji stærsti markaðurinn");
5. figures (:mod:`.icelandic_numbers`);
6. words: countries (any case, by BÍN lemma), trade flows, sources, valuation, "þangað"/"þaðan".
"""

from __future__ import annotations

import re
from datetime import date

from tokenizer import TOK

from checkers import Flow

from .facts import (
    EEA,
    WORLD,
    AnaphorMention,
    ComparisonMention,
    CountryMention,
    FlowMention,
    PairMention,
    RankMention,
    Relation,
    SentenceFacts,
    SourceMention,
    ValuationMention,
)
from .icelandic_numbers import read_numbers
from .icelandic_periods import read_periods
from .icelandic_text import (
    Sentence,
    blocks,
    countries_only,
    sentences,
    worth_tokenizing,
)
from .periods import plausible_year

_RELATIONS = {"til": Relation.TO, "frá": Relation.FROM, "við": Relation.WITH, "milli": Relation.BETWEEN,
              "gagnvart": Relation.WITH, "inn": Relation.TO}
#: Words the word pass reads although BÍN gives them no trade meaning.
_SPECIAL_WORDS = frozenset({"í", "þangað", "þaðan", "landsins", "ríkisins", "út", "inn"})
_SOURCE_LEADS = frozenset({"samkvæmt", "skv.", "samkv."})
_PAIR_COUNTS = frozenset({"tveir", "báðir"})
_CHINA = re.compile(r"Kín|kínversk|júan|renminbi")
_JAPAN = re.compile(r"Japan|japansk|\bjen")


def _year_token(s: Sentence, i: int) -> int | None:
    if not 0 <= i < s.n:
        return None
    tok = s.toks[i]
    if tok.kind == TOK.YEAR and isinstance(tok.val, int):
        return tok.val
    if tok.kind == TOK.NUMBER and tok.txt.isdigit() and plausible_year(tok.val[0]):
        return int(tok.val[0])
    return None


class _Reader:
    def __init__(self, s: Sentence, yuan: bool) -> None:
        self.s = s
        self.yuan = yuan

    def read(self) -> SentenceFacts:
        s = self.s
        self.comparisons()
        read_periods(s)
        self.pairs()
        self.ranks()
        read_numbers(s, self.yuan)
        self.words()
        s.facts.sort()
        return s.facts

    def mention_span(self, first: int, last: int) -> tuple[int, int]:
        return self.s.toks[first].start, self.s.toks[last].end

    # --- 1. comparisons ----------------------------------------------------------------------------
    def comparisons(self) -> None:
        s = self.s
        for i, tok in enumerate(s.toks):
            w = tok.w
            if not (w.record or w.extreme or tok.lower == "aldrei"):
                continue
            if w.record:
                first = i - 1 if s.low(i - 1) in ("nýtt", "nýju", "nýs") else i
                s.facts.comparisons.append(ComparisonMention(*self.mention_span(first, i), "record_high"))
                continue
            if s.low(i) == "aldrei":  # "hefur aldrei verið meiri"
                for j in range(i + 1, min(i + 4, s.n)):
                    low = s.low(j)
                    if low.startswith(("meiri", "meira", "hærri", "hærra", "minni", "minna", "lægri", "lægra")):
                        kind = "record_high" if low.startswith(("mei", "hær")) else "record_low"
                        s.facts.comparisons.append(ComparisonMention(*self.mention_span(i, j), kind))
                        break
                continue
            end = w.extreme
            if end is None:
                continue
            j = i + 1
            while j < min(i + 4, s.n) and s.low(j) not in ("síðan", "frá") and s.kind(j) == TOK.WORD:
                j += 1
            if s.low(j) == "frá" and s.low(j + 1) == "upphafi":
                kind = "record_high" if end == "highest_since" else "record_low"
                s.facts.comparisons.append(ComparisonMention(*self.mention_span(i, j + 1), kind))
                s.take(j, j + 1)
                continue
            k = j + 1 if s.low(j) == "síðan" else j + 2 if s.low(j) == "frá" and s.low(j + 1) in ("árinu",) else -1
            if s.low(j) == "síðan" and s.low(k) == "árið" and _year_token(s, k + 1):
                k += 1
            year = _year_token(s, k) if k > 0 else None
            if year is not None:
                s.facts.comparisons.append(ComparisonMention(*self.mention_span(i, k), end, year))
                s.take(j, k)

    # --- 3. 'the two countries' ---------------------------------------------------------------------
    def pairs(self) -> None:
        s = self.s
        for i in range(s.n):
            tok = s.toks[i]
            if tok.kind != TOK.WORD or s.taken[i]:
                continue
            if tok.lower in ("tvíhliða", "tvíhliða-") or tok.lower.startswith("tvíhliða"):
                s.facts.pairs.append(PairMention(tok.start, tok.end))
                continue
            if not tok.w.pair_noun:
                continue
            first = last = i
            if s.w(i + 1).lemmas & _PAIR_COUNTS and s.kind(i + 1) == TOK.WORD:
                last = i + 1
            elif s.w(i - 1).lemmas & _PAIR_COUNTS and s.kind(i - 1) == TOK.WORD:  # "beggja ríkjanna"
                first = i - 1
            s.take(first, last)
            s.facts.pairs.append(PairMention(*self.mention_span(first, last)))

    # --- 4. ranks -----------------------------------------------------------------------------------
    def ranks(self) -> None:
        s = self.s
        for i in range(s.n):
            rank = s.w(i).superlative
            if rank is None or s.taken[i] or s.kind(i) != TOK.WORD:
                continue
            partner = next((j for j in (i + 1, i + 2) if s.w(j).partner), None)
            if partner is None:
                continue
            first = i
            before = s.w(i - 1)
            if rank == 1 and before.ordinal and before.ordinal >= 2 and s.kind(i - 1) == TOK.WORD:
                rank, first = before.ordinal, i - 1  # "annar stærsti", "þriðja stærsta"
            elif rank == 1 and s.kind(i - 1) == TOK.ORDINAL and isinstance(s.toks[i - 1].val, int):
                rank, first = s.toks[i - 1].val, i - 1  # "3. stærsti"
            elif rank == 1 and "einn" in before.lemmas:
                continue  # "einn stærsti": one of the largest
            s.take(first, i)
            s.facts.ranks.append(RankMention(*self.mention_span(first, partner), rank, s.w(partner).rank_flow))

    # --- 6. words -----------------------------------------------------------------------------------
    def words(self) -> None:
        s = self.s
        relation = Relation.NONE
        for i in range(s.n):
            tok = s.toks[i]
            if tok.kind != TOK.WORD:
                relation = Relation.NONE
                continue
            low = tok.lower
            if low in _RELATIONS:
                relation = _RELATIONS[low] if not (low == "milli" and s.low(i - 1) == "á") else Relation.BETWEEN
                continue
            if s.taken[i]:
                continue
            w = tok.w
            if not w.notable and low not in _SPECIAL_WORDS:
                if low != "og" and low not in ("á", "hins", "vegar") and not w.place:
                    relation = Relation.NONE  # "til ríkja EES", "til landa ESB": the relation carries on
                continue
            if w.country and (tok.txt[:1].isupper() or w.country in ("WLD",)):
                possessive = w.genitive or (w.maybe_genitive and self.after_head(i))
                if s.w(i - 1).share_noun and s.kind(i - 1) == TOK.WORD:
                    relation = Relation.WITH  # "hlutdeild Kína í útflutningi Íslands": China is the partner
                s.facts.countries.append(CountryMention(tok.start, tok.end, w.country, possessive, relation))
                continue
            if w.europe and "efnahagssvæði" in s.w(i + 1).lemmas:  # Evrópska efnahagssvæðið
                s.facts.countries.append(CountryMention(tok.start, s.toks[i + 1].end, EEA, relation=relation))
                s.take(i + 1, i + 1)
                continue
            if low != "og" and low not in ("á", "hins", "vegar") and not w.place:
                relation = Relation.NONE
            if low == "í" and s.low(i + 1) == "heild" and s.free(i + 1):  # "útflutningur Íslands í heild"
                s.facts.countries.append(CountryMention(tok.start, s.toks[i + 1].end, WORLD))
                s.take(i + 1, i + 1)
                continue
            if w.nationality and not w.source_noun:
                s.facts.countries.append(CountryMention(tok.start, tok.end, w.nationality, adjective=True))
            self.flow(i, w)
            self.other_word(i, low)
        self.sides()
        self.sources()

    def sides(self) -> None:
        """A balance word gets the side another word gives it ("jöfnuðurinn var neikvæður")."""
        f = self.s.facts
        side = next((t.w.side for t in self.s.toks if t.w.side is not None and t.kind == TOK.WORD), None)
        if side is not None:
            f.flows = [FlowMention(m.start, m.end, m.flow, side) if m.flow is Flow.BALANCE and m.direction is None
                       else m for m in f.flows]

    def after_head(self, i: int) -> bool:
        """Whether a country name at i follows a noun it may possess ("útflutningur Kína")."""
        s = self.s
        k = i - 1
        while k >= 0 and (s.toks[k].lower == "og" or s.w(k).country):
            k -= 1
        w = s.w(k)
        return bool(w.flow or w.partner or w.source_noun or w.share_noun) and s.kind(k) == TOK.WORD

    def flow(self, i: int, w) -> None:
        s = self.s
        tok = s.toks[i]
        not_trade = s.w(i + 1).not_trade or s.low(i + 1) == "með" and s.w(i + 2).not_trade
        if w.flow is not None and not not_trade:
            s.facts.flows.append(FlowMention(tok.start, tok.end, w.flow, w.side))
        elif "flytja" in w.lemmas and s.low(i + 1) in ("út", "inn"):
            flow = Flow.EXPORT if s.low(i + 1) == "út" else Flow.IMPORT
            s.facts.flows.append(FlowMention(tok.start, s.toks[i + 1].end, flow))
        elif tok.lower in ("út", "inn") and "flytja" in s.w(i - 2).lemmas and s.kind(i - 1) == TOK.WORD:
            flow = Flow.EXPORT if tok.lower == "út" else Flow.IMPORT  # "flutti Ísland út"
            s.facts.flows.append(FlowMention(s.toks[i - 2].start, tok.end, flow))

    def other_word(self, i: int, low: str) -> None:
        s = self.s
        tok = s.toks[i]
        if low in ("þangað", "þaðan"):
            relation = Relation.TO if low == "þangað" else Relation.FROM
            s.facts.anaphora.append(AnaphorMention(tok.start, tok.end, relation))
        elif low in ("landsins", "ríkisins") and self.after_head(i):
            s.facts.anaphora.append(AnaphorMention(tok.start, tok.end))
        if tok.w.valuation:
            s.facts.valuations.append(ValuationMention(tok.start, tok.end, tok.w.valuation))

    def sources(self) -> None:
        s = self.s
        for i in range(s.n):
            low = s.low(i)
            lead = low in _SOURCE_LEADS or low == "að" and s.low(i + 1) == "sögn"
            if lead:
                found = self.source_after(i + (2 if low == "að" else 1))
                if found is not None:
                    iso, last = found
                    s.facts.sources.append(SourceMention(*self.mention_span(i, last), iso))

    def source_after(self, j: int) -> tuple[str, int] | None:
        """Whose figures the words from j on name: "kínverskum tollyfirvöldum", "Hagstofunni"."""
        s = self.s
        for k in range(j, min(j + 6, s.n)):
            tok = s.toks[k]
            w = tok.w
            if w.nationality and s.w(k + 1).source_noun:
                return w.nationality, k + 1
            if "Hagstofa" in w.lemmas or w.source_noun and tok.txt[:1].isupper():
                capital = k + 1 < s.n and s.toks[k + 1].txt[:1].isupper()
                country = s.w(k + 1).country if capital else None
                return (country, k + 1) if country else ("ISL", k)
            if w.source_noun and s.low(k + 1) in ("í", "frá") and s.w(k + 2).country:
                return s.w(k + 2).country, k + 2  # type: ignore[return-value]
            if tok.txt == "Eurostat":
                return "EUU", k
            if tok.kind != TOK.WORD:
                return None
        return None


def read(text: str, published: date | None) -> list[SentenceFacts]:
    """Facts for each sentence of an Icelandic text; blocks with no figure yield only countries.

    Consecutive blocks worth tokenizing are tokenized in one call (the tokenizer's start-up
    costs more than a short paragraph), and their sentences are cut again at block boundaries.
    """
    yuan = bool(_CHINA.search(text)) and not _JAPAN.search(text)
    out: list[SentenceFacts] = []
    run: list[tuple[int, int]] = []
    for start, end in blocks(text):
        if worth_tokenizing(text, start, end):
            run.append((start, end))
            continue
        out.extend(_read_run(text, run, published, yuan))
        run = []
        facts = countries_only(text, start, end)
        if facts.countries:
            out.append(facts)
    out.extend(_read_run(text, run, published, yuan))
    return out


def _read_run(text: str, run: list[tuple[int, int]], published: date | None, yuan: bool) -> list[SentenceFacts]:
    if not run:
        return []
    return [_Reader(Sentence(toks, published), yuan).read()
            for toks in sentences(text, run[0][0], run[-1][1], [end for _, end in run[:-1]])]


__all__ = ["read"]
