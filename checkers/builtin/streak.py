"""Streaks: "stærsti viðskiptafélagi Rússlands í 11 ár í röð", "for the 11th consecutive year".

A run of N years ending in year E claims the rank for every year E-N+1..E, and not for the
year before (otherwise the run would be longer than claimed). Each year is judged as a
partner-rank claim (:mod:`.partner_rank`).

Counting convention: when the run's end was not written but inferred as the year before the
article ("for 11 years" read as 2010-2020 in 2021), the writer may have counted the year in
progress. If the inferred run does not hold, the run ending in the article's year is tried,
on what had been said by the article's date only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import groupby

from .. import explain
from ..base import CheckContext
from ..claim import Claim, ClaimKind
from ..verdict import Interval, Label, Reference, Verdict
from . import wording
from .partner_rank import RankClaimChecker, YearRank, role, year_rank
from .ranking import Ranking, top


@dataclass(frozen=True)
class Run:
    first: int
    last: int
    years: tuple[YearRank, ...]
    before: YearRank

    def having(self, label: Label) -> list[int]:
        return [y.year for y in self.years if y.decision is not None and y.decision.label is label]

    @property
    def missing(self) -> list[int]:
        return [y.year for y in self.years if y.decision is None]

    @property
    def longer(self) -> bool:
        return self.before.decision is not None and self.before.decision.label is Label.SUPPORTED

    @property
    def label(self) -> Label:
        if self.having(Label.CONTRADICTED):
            return Label.CONTRADICTED
        if self.having(Label.DISPUTED):
            return Label.DISPUTED
        if self.missing:
            return Label.UNVERIFIABLE
        return Label.CONTRADICTED if self.longer else Label.SUPPORTED


def _run(context: CheckContext, claim: Claim, first: int, last: int, known_by: date | None) -> Run:
    def one(year: int) -> YearRank:
        current = known_by if known_by and year >= known_by.year else None
        return year_rank(context.reference, claim, year, context.published, known_by=current)

    return Run(first, last, tuple(one(y) for y in range(first, last + 1)), one(first - 1))


def _merged(run: Run) -> list[tuple[Reference, Ranking]]:
    """Each source's deciding references, one per source and verdict with the years it covers."""
    items = []
    for yr in (*run.years, run.before):
        if yr.decision is not None:
            items += [(r.source, r.url, str(r.supports), yr.year, r, yr.ranking_of(r)) for r in yr.decision.deciding]
    items.sort(key=lambda t: (t[0], t[1], t[2], t[3]))
    merged = []
    for _, group in groupby(items, key=lambda t: (t[0], t[1], t[2])):
        found = list(group)
        years = sorted({t[3] for t in found})
        period = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"
        merged.append((found[0][4].model_copy(update={"period": period}), found[-1][5]))
    return sorted(merged, key=lambda rr: rr[0].period or "")


class StreakChecker(RankClaimChecker):
    name = "streak"
    version = "0.1.0"
    kinds = frozenset({ClaimKind.STREAK})
    description = "A run of years at a partner rank ('largest trading partner for 11 years in a row'), year by year."

    missing_key = "no_rank_years"

    def check(self, claim: Claim, context: CheckContext) -> Verdict:
        lang = explain.language(context.language)
        if (unverifiable := self.missing(claim, context)) is not None:
            return unverifiable
        assert claim.partner is not None and claim.period is not None
        first, last = claim.period.start.year, claim.period.end.year
        n = last - first + 1
        interval = Interval(low=n, high=n, unit="year", rule=f"a run of exactly {n} years ending in {last}")
        published = context.published
        run = _run(context, claim, first, last, published)
        counted_current = False
        if run.label is not Label.SUPPORTED and published and last == published.year - 1:
            shifted = _run(context, claim, first + 1, last + 1, published)
            if shifted.label is Label.SUPPORTED:
                run, counted_current = shifted, True
        text = _explain(claim, run, lang, counted_current)
        refs = [ref for ref, _ in _merged(run)]
        return self.verdict(run.label, text, context, interval=interval, references=refs)




def _span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def _explain(claim: Claim, run: Run, lang: str, counted_current: bool) -> str:
    who = explain.country_name(claim.partner, lang)
    whose = explain.country_name(claim.reporter, lang, case="ef") if lang == "is" else explain.country_name(claim.reporter, lang, genitive=True)
    what = role(claim.rank or 1, claim.flow, lang)
    span = _span(run.first, run.last)
    wrong, disputed, missing = run.having(Label.CONTRADICTED), run.having(Label.DISPUTED), run.missing
    before = run.before.decision
    is_ = lang == "is"
    head = (f"Fullyrt er að {who} hafi verið {what} {whose} samfellt {span}." if is_
            else f"The claim is that {who} was {whose} {what} in every year {span}.")
    parts = [head]
    if counted_current:
        parts.append(f"Hér er yfirstandandi ár, {run.last}, talið með." if is_
                     else f"This counts {run.last}, the year in progress, as the writer may have.")
    if wrong:
        parts.append(f"Samkvæmt heimildunum var svo ekki {explain.years(wrong, lang)}." if is_
                     else f"The sources say otherwise for {explain.years(wrong, lang)}.")
    if disputed:
        parts.append(f"Heimildum ber ekki saman um {explain.years(disputed, lang)}." if is_
                     else f"The sources disagree about {explain.years(disputed, lang)}.")
    if missing:
        parts.append(f"Viðmiðunargögnin segja ekkert um {explain.years(missing, lang)}." if is_
                     else f"The reference data says nothing about {explain.years(missing, lang)}.")
    if not (wrong or disputed or missing):
        parts.append(f"Heimildirnar staðfesta það fyrir hvert ár {span}." if is_
                     else f"The sources confirm it for every year {span}.")
    if run.longer:
        parts.append(f"Svo var líka árið {run.first - 1}: samfellda tímabilið er lengra en fullyrt er." if is_
                     else f"It was so in {run.first - 1} too: the run is longer than claimed.")
    elif before is not None and before.label is Label.CONTRADICTED and before.deciding:
        other = before.deciding[0].note.split(" at rank", 1)[0] if before.deciding[0].note else "?"
        name = explain.country_name(other, lang)
        parts.append(f"Árið {run.first - 1} var það {name}, svo tímabilið er jafnlangt og fullyrt er." if is_
                     else f"In {run.first - 1} it was {name}, so the run is as long as claimed.")
    elif not wrong:
        parts.append(f"Gögnin segja ekki hvernig staðan var árið {run.first - 1}." if is_
                     else f"The data does not say who held that rank in {run.first - 1}.")
    lines = []
    for ref, found in _merged(run):
        said = found.statement if found.kind == "statement" else top(found, lang)
        lines.append(f"{ref.source} ({ref.period.replace('-', '–') if ref.period else ''}): {said}")
    parts.append(("Heimildir: " if is_ else "Sources: ") + "; ".join(lines) + ".")
    return wording.paragraph(*parts)
