"""Changes in trade over several years: "grew 58% from 2015 to 2020".

Uses only tradecheck's plugin API (the ``checkers`` package): the claim, the claimed
interval, the reference source and the shared judgement.
"""

from __future__ import annotations

from checkers import (
    CheckContext,
    Checker,
    Claim,
    ClaimKind,
    Flow,
    Label,
    Reference,
    TradeFigure,
    Verdict,
    claimed_interval,
    decide,
    relative_deviation,
)


def _pairs(first: list[TradeFigure], last: list[TradeFigure]) -> list[tuple[TradeFigure, TradeFigure]]:
    """Each last-year figure with the same source's first-year figure (same reporter and authority)."""
    found = []
    for end in last:
        same = [f for f in first if (f.reporter, f.authority, f.currency) == (end.reporter, end.authority, end.currency)]
        if same and same[-1].value > 0:
            found.append((same[-1], end))
    return found


def _number(value: float, language: str) -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") if language == "is" else text


class MultiYearChangeChecker(Checker):
    name = "multi-year-change"
    version = "0.1.0"
    kinds = frozenset({ClaimKind.GROWTH})
    description = "Percentage change of trade between the first and the last year of a period of several years."

    def accepts(self, claim: Claim) -> bool:
        return (
            claim.kind in self.kinds
            and claim.quantity is not None
            and claim.quantity.unit == "percent"
            and claim.period is not None
            and claim.period.end.year > claim.period.start.year
        )

    def check(self, claim: Claim, context: CheckContext) -> Verdict:
        assert claim.quantity is not None and claim.period is not None
        lang = "is" if context.language == "is" else "en"
        interval = claimed_interval(claim.quantity, claim.qualifier)
        first, last = claim.period.start.year, claim.period.end.year
        if not claim.reporter or not claim.partner:
            text = "Ekki kemur fram milli hvaða ríkja." if lang == "is" else "The claim does not name both countries."
            return self.verdict(Label.UNVERIFIABLE, text, context, interval=interval)
        if context.published and last >= context.published.year:
            text = (f"Árið {last} var ekki liðið þegar greinin birtist." if lang == "is"
                    else f"{last} was not over when the article was published.")
            return self.verdict(Label.UNVERIFIABLE, text, context, interval=interval)
        flow = claim.flow or Flow.TOTAL
        ask = context.reference.trade_figures
        pairs = _pairs(list(ask(claim.reporter, claim.partner, first, flow)), list(ask(claim.reporter, claim.partner, last, flow)))
        if not pairs:
            text = (f"Engin heimild gefur tölur fyrir bæði {first} og {last}." if lang == "is"
                    else f"No source gives figures for both {first} and {last}.")
            return self.verdict(Label.UNVERIFIABLE, text, context, interval=interval)
        refs = []
        for start, end in pairs:
            change = (end.value / start.value - 1) * 100
            refs.append(Reference(
                value=round(change, 4), unit="percent", source=end.authority, url=end.url, reporter=end.reporter,
                published=end.published, period=f"{first}-{last}", standing=end.standing.value, precision="derived",
                supports=interval.contains(change), deviation=relative_deviation(claim.quantity.magnitude, change),
                note=f"{first}: {start.value:.6g} {start.currency}; {last}: {end.value:.6g} {end.currency}",
            ))
        decision = decide(refs, claim.cited_source, published=context.published)
        deciding = decision.deciding[0] if decision.deciding else refs[0]
        yearly = ((1 + deciding.value / 100) ** (1 / (last - first)) - 1) * 100
        if lang == "is":
            text = (f"Samkvæmt {deciding.source} breyttust viðskiptin um {_number(deciding.value, lang)}% "
                    f"frá {first} til {last}, að meðaltali {_number(yearly, lang)}% á ári; "
                    f"fullyrðingin er „{claim.text}“.")
        else:
            text = (f"According to {deciding.source}, trade changed by {_number(deciding.value, lang)}% from "
                    f"{first} to {last}, {_number(yearly, lang)}% a year on average; the claim says \"{claim.text}\".")
        return self.verdict(
            decision.label, text, context, interval=interval, references=[*decision.deciding, *decision.caveats],
            deviation=deciding.deviation,
        )
