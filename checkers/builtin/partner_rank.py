"""Partner rank ("Russia's largest trading partner") and streaks ("for 11 years in a row")."""

from __future__ import annotations

from itertools import groupby

from .. import explain
from ..base import CheckContext, Checker
from ..claim import Claim, ClaimKind
from ..reference import RankFigure
from ..verdict import Interval, Label, Reference, Verdict

_ORDINAL_EN = {1: "largest", 2: "second-largest", 3: "third-largest"}
_ORDINAL_IS = {1: "stærsti", 2: "næststærsti", 3: "þriðji stærsti"}


def _years_is(years: list[int]) -> str:
    """'árið 2009' or 'árin 2006, 2007': Icelandic number agreement."""
    return f"árið {years[0]}" if len(years) == 1 else "árin " + ", ".join(map(str, years))


def _year_span(years: list[int]) -> str:
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def _references(figures: list[tuple[int, RankFigure]], partner: str) -> list[Reference]:
    """One reference per cited statement, naming the years it covers."""
    refs = []
    keyed = sorted(figures, key=lambda yf: (yf[1].url, yf[0]))
    for url, group in groupby(keyed, key=lambda yf: yf[1].url):
        items = list(group)
        fig = items[0][1]
        years = [y for y, _ in items]
        refs.append(
            Reference(
                value=fig.rank,
                unit="rank",
                source=fig.authority,
                url=url,
                reporter=fig.country,
                published=fig.published,
                period=_year_span(years),
                standing=fig.standing.value,
                precision="exact",
                supports=all(f.partner == partner for _, f in items),
                note=f"{fig.partner}: {fig.statement}",
            )
        )
    return sorted(refs, key=lambda r: r.period or "")


class PartnerRankChecker(Checker):
    name = "partner-rank"
    version = "0.1.0"
    kinds = frozenset({ClaimKind.PARTNER_RANK, ClaimKind.STREAK})
    description = "A country's rank among another's trading partners in a year, and streaks of years at that rank."

    def accepts(self, claim: Claim) -> bool:
        return claim.kind in self.kinds and claim.rank is not None and claim.reporter is not None

    def check(self, claim: Claim, context: CheckContext) -> Verdict:
        lang = "is" if context.language == "is" else "en"
        assert claim.rank is not None and claim.reporter is not None
        if claim.partner is None or claim.period is None:
            return self.verdict(Label.UNVERIFIABLE, _MISSING[lang], context)
        first, last = claim.period.start.year, claim.period.end.year
        years = list(range(first, last + 1))
        found: list[tuple[int, RankFigure]] = []
        missing: list[int] = []
        for year in years:
            figures = context.reference.partner_ranks(claim.reporter, year, claim.rank)
            if not figures:
                missing.append(year)
            found.extend((year, f) for f in figures)
        wrong = sorted({y for y, f in found if f.partner != claim.partner})
        interval = None
        if claim.kind is ClaimKind.STREAK and claim.quantity is not None:
            n = claim.quantity.magnitude
            interval = Interval(low=n, high=n, unit="year", rule=f"a run of exactly {n:g} years ending in {last}")
        before = [f for f in context.reference.partner_ranks(claim.reporter, first - 1, claim.rank)]
        longer = claim.kind is ClaimKind.STREAK and bool(before) and all(f.partner == claim.partner for f in before)
        if wrong:
            label = Label.CONTRADICTED if not any(f.partner == claim.partner for y, f in found if y in wrong) else Label.DISPUTED
        elif missing:
            label = Label.UNVERIFIABLE
        elif longer:
            label = Label.CONTRADICTED
        else:
            label = Label.SUPPORTED
        refs = _references(found + [(first - 1, f) for f in before], claim.partner)
        text = _explain(claim, lang, first, last, wrong, missing, longer, before, label)
        return self.verdict(label, text, context, interval=interval, references=refs)


_MISSING = {
    "en": "The claim does not say whose partner is meant, or for which years.",
    "is": "Ekki kemur fram við hvaða ríki eða hvaða ár er átt.",
}


def _explain(
    claim: Claim, lang: str, first: int, last: int, wrong: list[int], missing: list[int],
    longer: bool, before: list[RankFigure], label: Label,
) -> str:
    assert claim.rank is not None
    whose = explain.country_name(claim.reporter, lang, genitive=True)
    who = explain.country_name(claim.partner, lang)
    span = _year_span(list(range(first, last + 1)))
    if lang == "is":
        ordinal = _ORDINAL_IS.get(claim.rank, f"{claim.rank}. stærsti")
        head = f"Fullyrt er að {who} hafi verið {ordinal} viðskiptafélagi {whose} {span}."
        if wrong:
            gap = f" Um {_years_is(missing)} segja gögnin ekkert." if missing else ""
            return head + f" Samkvæmt heimildunum var svo ekki {_years_is(wrong)}." + gap
        if missing:
            return head + f" Viðmiðunargögnin segja ekkert um {_years_is(missing)}."
        if longer:
            return head + f" Heimildirnar sýna að svo var líka árið {first - 1}: samfellda tímabilið er lengra en fullyrt er."
        tail = "" if before else f" Gögnin segja ekki hvernig staðan var árið {first - 1}."
        return head + f" Opinberar yfirlýsingar staðfesta það fyrir hvert ár {span}." + tail
    ordinal = _ORDINAL_EN.get(claim.rank, f"number {claim.rank}")
    head = f"The claim is that {who} was {whose} {ordinal} trading partner in {span}."
    if wrong:
        gap = f" The data says nothing about {', '.join(map(str, missing))}." if missing else ""
        return head + f" The sources say otherwise for {', '.join(map(str, wrong))}." + gap
    if missing:
        return head + f" The reference data says nothing about {', '.join(map(str, missing))}."
    if longer:
        return head + f" The sources show it was so in {first - 1} too: the run is longer than claimed."
    tail = "" if before else f" The data does not say who ranked first in {first - 1}."
    if before and label is Label.SUPPORTED:
        tail = f" In {first - 1} it was {explain.country_name(before[0].partner, lang)}, so the run is exactly as long as claimed."
    return head + f" Official statements confirm it for every year {span}." + tail
