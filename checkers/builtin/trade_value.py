"""The value of trade between two countries in a year: total, exports or imports."""

from __future__ import annotations

from datetime import date

from .. import explain
from ..base import CheckContext, Checker
from ..claim import Claim, ClaimKind, Flow
from ..interval import claimed_interval, relative_deviation
from ..judgement import Decision, decide
from ..reference import TradeFigure
from ..units import is_currency
from ..verdict import Interval, Label, Reference, Verdict

_REASONS_EN = {
    "named_source": "the source the claim names decides",
    "sides_agree": "each reporter side's own statistics agree on it",
    "mirror_gap": "the sides differ by no more than the usual gap between mirror statistics (fob/cif valuation, timing, attribution)",
    "same_reporter_disagree": "two releases of the same reporter disagree about it",
    "sides_disagree": "the two reporter sides differ by more than the usual mirror gap",
}
_REASONS_IS = {
    "named_source": "heimildin sem vísað er til ræður",
    "sides_agree": "tölur beggja ríkjanna ber saman um það",
    "mirror_gap": "tölur ríkjanna tveggja víkja ekki meira hvor frá annarri en venja er í speglatölum (fob/cif-verðmat, tímasetning, upprunaland)",
    "same_reporter_disagree": "tvær útgáfur sömu hagstofu eru ósammála",
    "sides_disagree": "tölur ríkjanna tveggja víkja meira hvor frá annarri en venja er",
}


def _reference(fig: TradeFigure, interval: Interval, claimed: float, article_date: date | None) -> Reference:
    note = fig.note or None
    if article_date and fig.published and fig.published > article_date:
        note = f"published {fig.published.isoformat()}, after the article" + (f"; {note}" if note else "")
    return Reference(
        value=fig.value,
        unit=fig.currency,
        source=fig.authority,
        url=fig.url,
        reporter=fig.reporter,
        published=fig.published,
        period=str(fig.year),
        standing=fig.standing.value,
        precision=fig.precision,
        supports=interval.contains(fig.value),
        deviation=relative_deviation(claimed, fig.value),
        note=note,
    )


class TradeValueChecker(Checker):
    name = "trade-value"
    version = "0.1.0"
    kinds = frozenset({ClaimKind.TRADE_VALUE})
    description = "Value of goods trade between two countries in a calendar year (total, exports, imports)."

    def accepts(self, claim: Claim) -> bool:
        return (
            claim.kind in self.kinds
            and claim.quantity is not None
            and is_currency(claim.quantity.unit)
            and claim.flow in (Flow.TOTAL, Flow.EXPORT, Flow.IMPORT)
        )

    def check(self, claim: Claim, context: CheckContext) -> Verdict:
        assert claim.quantity is not None
        lang = context.language
        interval = claimed_interval(claim.quantity, claim.qualifier)
        if not claim.reporter or not claim.partner:
            return self.verdict(Label.UNVERIFIABLE, _text(lang, "no_pair"), context, interval=interval)
        if claim.period is None or not claim.period.is_calendar_year:
            return self.verdict(Label.UNVERIFIABLE, _text(lang, "no_year"), context, interval=interval)
        year = claim.period.start.year
        if context.published and year >= context.published.year:
            return self.verdict(Label.UNVERIFIABLE, _text(lang, "future", year=year), context, interval=interval)
        figures = context.reference.trade_figures(claim.reporter, claim.partner, year, claim.flow or Flow.TOTAL)
        usable = [f for f in figures if f.currency == claim.quantity.unit]
        if not usable:
            other = sorted({f.currency for f in figures})
            key = "other_currency" if other else "no_data"
            return self.verdict(
                Label.UNVERIFIABLE, _text(lang, key, year=year, currencies=", ".join(other)), context, interval=interval
            )
        refs = [_reference(f, interval, claim.quantity.magnitude, context.published) for f in usable]
        decision = decide(refs, claim.cited_source)
        ordered = list(decision.deciding) + list(decision.caveats)
        deviation = decision.deciding[0].deviation if decision.deciding else None
        return self.verdict(
            decision.label,
            _explain(claim, interval, decision, lang, year),
            context,
            interval=interval,
            references=ordered,
            deviation=deviation,
        )


_FIXED = {
    "en": {
        "no_pair": "The claim does not say between which two countries the trade was.",
        "no_year": "The claim does not say which calendar year it is about.",
        "future": "The claim is about {year}, which was not over when the article was published: a forecast or a target cannot be checked.",
        "no_data": "The reference data has no figure for this pair, flow and year ({year}).",
        "other_currency": "The reference data has figures for {year} only in {currencies}; currency conversion is not applied by this checker.",
    },
    "is": {
        "no_pair": "Ekki kemur fram milli hvaða tveggja ríkja viðskiptin voru.",
        "no_year": "Ekki kemur fram við hvaða almanaksár er átt.",
        "future": "Fullyrðingin á við árið {year}, sem var ekki liðið þegar greinin birtist: spá eða markmið verður ekki sannreynt.",
        "no_data": "Viðmiðunargögnin hafa enga tölu fyrir þessi ríki, þetta flæði og árið {year}.",
        "other_currency": "Viðmiðunargögnin hafa tölur fyrir árið {year} aðeins í {currencies}; gengisumreikningi er ekki beitt hér.",
    },
}


def _text(lang: str, key: str, **values: object) -> str:
    return _FIXED["is" if lang == "is" else "en"][key].format(**values)


def _figure(ref: Reference, lang: str) -> str:
    side = explain.country_name(ref.reporter, lang, genitive=True)
    dev = f" ({explain.percent(ref.deviation, lang)})" if ref.deviation is not None else ""
    if lang == "is":
        return f"{ref.source} (tölur {side}): {explain.money(ref.value, ref.unit, lang)}{dev}"
    return f"{ref.source} ({side} figures): {explain.money(ref.value, ref.unit, lang)}{dev}"


def _explain(claim: Claim, interval: Interval, decision: Decision, lang: str, year: int) -> str:
    assert claim.quantity is not None
    a = explain.country_name(claim.reporter, lang, genitive=lang == "is")
    b = explain.country_name(claim.partner, lang, genitive=lang == "is")
    flow = explain.flow_name(claim.flow, lang)
    span = explain.interval(
        interval.low, interval.high, interval.low_inclusive, interval.high_inclusive, interval.unit, lang
    )
    deciding = "; ".join(_figure(r, lang) for r in decision.deciding)
    caveats = "; ".join(_figure(r, lang) for r in decision.caveats)
    if lang == "is":
        verb = {Label.SUPPORTED: "styður", Label.CONTRADICTED: "hrekur", Label.DISPUTED: "gerir umdeilda"}[decision.label]
        text = (
            f"Fullyrt er um {flow} {a} og {b} árið {year}: „{claim.text}“, þ.e. {span}. "
            f"{deciding}. Þetta {verb} fullyrðinguna: {_REASONS_IS[decision.reason]}."
        )
        if caveats:
            text += f" Aðrar heimildir: {caveats}."
        return text
    verb = {Label.SUPPORTED: "supports", Label.CONTRADICTED: "contradicts", Label.DISPUTED: "leaves disputed"}[decision.label]
    text = (
        f"The claim puts {flow} between {explain.country_name(claim.reporter, lang)} and "
        f"{explain.country_name(claim.partner, lang)} in {year} at \"{claim.text}\", i.e. {span} "
        f"({interval.rule}). {deciding}. This {verb} the claim: {_REASONS_EN[decision.reason]}."
    )
    if caveats:
        text += f" Other sources: {caveats}."
    return text
