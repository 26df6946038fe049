"""Partner rank: "Russia's largest trading partner", "Iceland's second-largest export market".

Each source that ranks the country's partners for the year is judged on its own (see
:mod:`.ranking`): a table of the country's own figures by partner, a cited statement, or a
Factbook edition's shares. The best standing decides (official tables and statements before
compilations); two of the same standing that put different partners at the rank make the
claim ``disputed``. "Largest trading partner" ranks countries; a claim naming a bloc (the
EU) ranks blocs and the countries outside them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .. import explain
from ..base import CheckContext, Checker
from ..claim import Claim, ClaimKind, Flow
from ..judgement import Decision, decide
from ..reference import ReferenceSource
from ..verdict import Label, Reference, Verdict
from . import ranking, scope, wording

_ORDINAL_EN = {1: "largest", 2: "second-largest", 3: "third-largest"}
_NOUN_EN = {"total": "trading partner", "export": "export market", "import": "source of imports"}
# Icelandic: weak adjective forms (masculine, neuter) and the noun with its gender.
_ORDINAL_IS = {1: ("stærsti", "stærsta"), 2: ("næststærsti", "næststærsta"), 3: ("þriðji stærsti", "þriðja stærsta")}
_NOUN_IS = {"total": ("viðskiptafélagi", 0), "export": ("útflutningsmarkaður", 0), "import": ("upprunaland innflutnings", 1)}

_RANK_REASONS = {
    "en": {"same_reporter_disagree": "sources of the same standing put different partners at that rank",
           "revised": "two releases of the same source put different partners at that rank"},
    "is": {"same_reporter_disagree": "jafngildar heimildir setja ólík lönd í þetta sæti",
           "revised": "tvær útgáfur sömu heimildar setja ólík lönd í þetta sæti"},
}


def role(rank: int, flow: Flow | None, lang: str) -> str:
    """'second-largest export market' / 'næststærsti útflutningsmarkaður'."""
    measure = ranking.measure_of(flow)
    if lang == "is":
        noun, gender = _NOUN_IS[measure]
        forms = _ORDINAL_IS.get(rank, (f"{rank}. stærsti", f"{rank}. stærsta"))
        return f"{forms[gender]} {noun}"
    return f"{_ORDINAL_EN.get(rank, f'number {rank}')} {_NOUN_EN[measure]}"


@dataclass(frozen=True)
class YearRank:
    """What the sources say about the claimed rank in one year."""

    year: int
    decision: Decision | None  # None: no source ranks the country's partners that year
    rankings: tuple[ranking.Ranking, ...]
    references: tuple[Reference, ...]  # one per ranking, in the same order

    def ranking_of(self, ref: Reference) -> ranking.Ranking:
        return next(f for f, r in zip(self.rankings, self.references, strict=True) if r is ref)


def year_rank(
    reference: ReferenceSource, claim: Claim, year: int, published: date | None, *, known_by: date | None = None
) -> YearRank:
    """Judge every source's ranking for ``year``; ``known_by`` keeps only those published by then."""
    assert claim.reporter and claim.partner and claim.rank
    measure = ranking.measure_of(claim.flow)
    found = ranking.rankings(reference, claim.reporter, year, claim.rank, measure, claim.partner)
    if known_by is not None:
        found = [r for r in found if r.published is not None and r.published <= known_by]
    refs = [ranking.judge(r, claim.rank, claim.partner) for r in found]
    if not any(r.supports is not None for r in refs):
        return YearRank(year, None, tuple(found), tuple(refs))
    return YearRank(year, decide(refs, claim.cited_source, published=published), tuple(found), tuple(refs))


def source_line(found: ranking.Ranking, lang: str) -> str:
    """One source's ranking in words."""
    when = f", {explain.day(found.published, lang)}" if found.published else ""
    if found.kind == "statement":
        return f"{found.source}{when}: {found.statement}"
    if found.kind == "table":
        what = "tafla eftir löndum" if lang == "is" else "table by partner"
        return f"{found.source} ({what}{when}): {ranking.top(found, lang)}"
    return f"{found.source}{when}: {ranking.top(found, lang)}"


def reason_text(decision: Decision, lang: str) -> str:
    override = _RANK_REASONS[lang].get(decision.reason)
    if override and decision.label is Label.DISPUTED:
        head = "Heimildum ber ekki saman um fullyrðinguna" if lang == "is" else "The sources disagree about the claim"
        return f"{head}: {override}."
    return wording.verdict(decision, lang)


class RankClaimChecker(Checker):
    """What the partner-rank and streak checkers share: a claim with a rank and whose partners."""

    missing_key = "no_rank_year"  # the scope text for a claim that names no partner or period

    def accepts(self, claim: Claim) -> bool:
        return claim.kind in self.kinds and claim.rank is not None and claim.reporter is not None

    def missing(self, claim: Claim, context: CheckContext) -> Verdict | None:
        """``unverifiable`` when the claim names no partner or no period, else None."""
        if claim.partner is None or claim.period is None:
            return self.verdict(Label.UNVERIFIABLE, scope.text(context.language, self.missing_key), context)
        return None


class PartnerRankChecker(RankClaimChecker):
    name = "partner-rank"
    version = "0.2.0"
    kinds = frozenset({ClaimKind.PARTNER_RANK})
    description = (
        "A country's rank among another's trading partners (total, export, import) in a year, from its "
        "table by partner, cited statements or Factbook shares; countries and blocs ranked apart."
    )

    def check(self, claim: Claim, context: CheckContext) -> Verdict:
        lang = explain.language(context.language)
        if (unverifiable := self.missing(claim, context)) is not None:
            return unverifiable
        assert claim.partner is not None and claim.period is not None
        year = claim.period.end.year
        published = context.published
        if published and year > published.year:
            return self.verdict(Label.UNVERIFIABLE, scope.text(lang, "future", year=year), context)
        # A year still running is judged only on what had been said by the article's date.
        known_by = published if published and year == published.year else None
        result = year_rank(context.reference, claim, year, published, known_by=known_by)
        whose_gen = explain.country_name(claim.reporter, lang, case="ef") if lang == "is" else explain.country_name(claim.reporter, lang, genitive=True)
        who = explain.country_name(claim.partner, lang)
        what = role(claim.rank or 1, claim.flow, lang)
        head = (f"Fullyrt er að {who} hafi verið {what} {whose_gen} árið {year}." if lang == "is"
                else f"The claim is that {who} was {whose_gen} {what} in {year}.")
        if result.decision is None:
            years = explain.years([year], lang) if lang == "is" else str(year)
            return self.verdict(Label.UNVERIFIABLE, wording.paragraph(head, scope.text(lang, "no_ranking", whose=whose_gen, years=years)), context)
        decision = result.decision
        order = [*decision.deciding, *decision.caveats]
        lines = [source_line(result.ranking_of(r), lang) for r in order]
        text = wording.paragraph(
            head,
            "; ".join(lines[: len(decision.deciding)]) + ".",
            reason_text(decision, lang),
            wording.others(lines[len(decision.deciding):], lang),
            wording.by_date(decision, order, context.published, lang),
        )
        return self.verdict(decision.label, text, context, references=order)


