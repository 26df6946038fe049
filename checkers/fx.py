"""Currency conversion as plain arithmetic from dated annual average rates.

A claim in one currency is carried into a reference figure's currency through the US dollar:
``factor = per_usd(target) / per_usd(source)``, each rate the annual average for the claim's
year as the reference data cites it (ECB, Central Bank of Iceland). No unit registry and no
pint contexts are involved (contexts gave wrong conversions under threads).

A converted figure is uncertain: the writer may have converted month by month, at a
year-end rate or at another bank's rate. The conversion therefore carries a relative
``band``: the larger of :data:`FX_BAND` and the spread between two rate sources when the
reference data holds two (a source that offers ``fx_rates(currency, year)``, see
:class:`FxRates`). The band widens the converted interval on both sides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from . import explain
from .interval import scaled
from .reference import FxRate, ReferenceSource
from .verdict import Interval

#: Least relative uncertainty of a conversion at an annual average rate (monthly vs annual
#: averaging, bank and day of the rate). In 2020 the ISK moved 17% against the dollar within
#: the year; trade converted month by month and at the annual mean differed by about 1-2%.
FX_BAND = 0.02


@runtime_checkable
class FxRates(Protocol):
    """Optional extension of :class:`~checkers.reference.ReferenceSource`: every cited annual
    rate for a currency and year (e.g. ECB's cross rate and the Central Bank of Iceland's)."""

    def fx_rates(self, currency: str, year: int) -> Sequence[FxRate]: ...


def _usd(year: int) -> FxRate:
    return FxRate(currency="USD", year=year, per_usd=1.0, source="identity", url="", published=None, method="identity")


def rates(reference: ReferenceSource, currency: str, year: int) -> list[FxRate]:
    """The annual rates the data cites for ``currency`` in ``year``, best first (USD is 1)."""
    if currency == "USD":
        return [_usd(year)]
    found: list[FxRate] = []
    if isinstance(reference, FxRates):
        found = [r for r in reference.fx_rates(currency, year) if _annual(r)]
    if not found:
        one = reference.fx_rate(currency, year)
        found = [one] if one is not None and _annual(one) else []
    return found


def _annual(rate: FxRate) -> bool:
    """A usable annual average: positive, and not a partial year (RUB 2022: January-February)."""
    return rate.per_usd > 0 and getattr(rate, "status", "complete") == "complete"


@dataclass(frozen=True)
class Conversion:
    """How a claim in ``source`` currency reads in ``target`` currency for ``year``."""

    source: str
    target: str
    year: int
    factor: float  # target units per source unit
    used: tuple[FxRate, ...]  # the rates behind ``factor`` (none for USD itself)
    band: float  # relative uncertainty either side
    spread: float | None = None  # relative spread between two rate sources, if there were two

    @property
    def identity(self) -> bool:
        return self.source == self.target

    def value(self, amount: float) -> float:
        return amount * self.factor

    def interval(self, claimed: Interval) -> Interval:
        """The claimed interval in the target currency, widened by the band."""
        if self.identity:
            return claimed
        rule = f"{claimed.rule}; converted at {self.factor:.6g} {self.target} per {self.source}, ±{self.band:.1%}"
        return scaled(claimed, self.factor, self.band, self.target, rule)

    def describe(self, amount: float, language: str) -> str:
        """'Conversion: USD 6 billion = ISK 762 billion at 127 ISK per USD (ECB, 2021 average), ±2.0%'."""
        if self.identity:
            return ""
        lang = "is" if language == "is" else "en"
        shown = explain.money(self.value(amount), self.target, lang)
        given = explain.money(amount, self.source, lang)
        rates = "; ".join(_rate(r, lang) for r in self.used if r.currency != "USD")
        band = explain.percent(self.band, lang, signed=False)
        spread = ""
        if self.spread is not None:
            gap = explain.percent(self.spread, lang, signed=False)
            spread = f"; gengisheimildum ber saman innan {gap}" if lang == "is" else f"; the rate sources differ by {gap}"
        if lang == "is":
            return f"Umreikningur: {given} = {shown} miðað við {rates}, ±{band}{spread}"
        return f"Conversion: {given} = {shown} at {rates}, ±{band}{spread}"


def _rate(rate: FxRate, lang: str) -> str:
    value = explain.number(rate.per_usd, lang, 4)
    who = getattr(rate, "authority", None) or rate.source  # the short name, where the data gives one
    if lang == "is":
        return f"{value} {rate.currency} á hvern Bandaríkjadal ({who}, meðaltal ársins {rate.year})"
    return f"{value} {rate.currency} per USD ({who}, {rate.year} average)"


def convert(
    source: str, target: str, year: int, reference: ReferenceSource, band: float = FX_BAND
) -> Conversion | None:
    """The conversion from ``source`` to ``target`` currency at ``year``'s annual rates.

    ``None`` when the data has no rate for either currency in that year (a gap is never
    filled by another year's rate).
    """
    if source == target:
        return Conversion(source, target, year, 1.0, (), 0.0)
    from_rates, to_rates = rates(reference, source, year), rates(reference, target, year)
    if not from_rates or not to_rates:
        return None
    factor = to_rates[0].per_usd / from_rates[0].per_usd
    factors = [t.per_usd / f.per_usd for f in from_rates for t in to_rates]
    spread = (max(factors) - min(factors)) / factor if len(factors) > 1 else None
    used = tuple(r for r in (from_rates[0], to_rates[0]) if r.currency != "USD")
    return Conversion(source, target, year, factor, used, max(band, spread or 0.0), spread)
