"""Area codes: each source's codes mapped to ours (ISO 3166 alpha-3, plus ``WLD`` and ``EUU``).

UN Comtrade numbers areas with UN M49 codes, but not always the ISO numeric ones: the USA is 842
(with Puerto Rico and the US Virgin Islands), not 840; France 251, Norway 579, Switzerland 757,
India 699. Codes also change over time (Germany was 280 until 1990 and is 276 from 1991), so a code
maps to an area *for a year*. :class:`M49Codes` reads Comtrade's own ``Reporters`` reference table
when it is given; :meth:`M49Codes.builtin` falls back to ISO numeric codes plus those exceptions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import pycountry

from .. import schema

WORLD, EU = "WLD", "EUU"

#: Comtrade M49 codes that differ from the ISO 3166 numeric code of the same area (current codes).
COMTRADE_EXCEPTIONS: Mapping[int, str] = {842: "USA", 251: "FRA", 579: "NOR", 757: "CHE", 699: "IND"}
#: Comtrade area codes for aggregates we keep.
COMTRADE_AGGREGATES: Mapping[int, str] = {0: WORLD, 97: EU}


def is_area(code: str) -> bool:
    """Whether ``code`` is accepted in the data files' area columns."""
    try:
        schema.area(code)
    except schema.FieldError:
        return False
    return True


#: Alpha-2 codes outside ISO 3166-1 that sources use for a country, and the data files' code for it.
USER_ASSIGNED = {"XK": "XKX"}


def iso3_from_iso2(code: str) -> str | None:
    """ISO 3166 alpha-2 to alpha-3 (``XK`` Kosovo to ``XKX`` where the data files accept it);
    ``None`` for codes that are no current country (``AN``, ``CS``, "not specified" codes)."""
    code = code.strip().upper()
    if code in USER_ASSIGNED:
        return USER_ASSIGNED[code] if is_area(USER_ASSIGNED[code]) else None
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    return country.alpha_3 if country else None


def iso2_from_iso3(code: str) -> str | None:
    country = pycountry.countries.get(alpha_3=code.upper())
    return country.alpha_2 if country else None


def country_name(code: str) -> str:
    """A short English name for an area code, for authority labels ("UN Comtrade (China-reported)")."""
    if code == WORLD:
        return "World"
    if code == EU:
        return "European Union"
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


@dataclass(frozen=True)
class M49Entry:
    code: int
    iso3: str
    start: date
    end: date | None
    group: bool


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


class M49Codes:
    """M49 code <-> area code, valid per year."""

    def __init__(self, entries: Iterable[M49Entry]) -> None:
        self._entries = tuple(entries)

    @classmethod
    def from_reference(cls, document: Mapping[str, Any]) -> M49Codes:
        """Read Comtrade's ``Reporters.json`` (``{"results": [{reporterCode, reporterCodeIsoAlpha3, ...}]}``)."""
        entries: list[M49Entry] = []
        for item in document.get("results", []):
            code = item.get("reporterCode", item.get("id"))
            iso3 = (item.get("reporterCodeIsoAlpha3") or "").strip()
            if not isinstance(code, int) or not iso3:
                continue
            group = bool(item.get("isGroup"))
            if code in COMTRADE_AGGREGATES:
                iso3, group = COMTRADE_AGGREGATES[code], False
            entries.append(
                M49Entry(
                    code=code,
                    iso3=iso3,
                    start=_day(item.get("entryEffectiveDate")) or date(1900, 1, 1),
                    end=_day(item.get("entryExpiredDate")),
                    group=group,
                )
            )
        entries.extend(
            M49Entry(code, iso3, date(1900, 1, 1), None, False)
            for code, iso3 in COMTRADE_AGGREGATES.items()
            if not any(e.code == code for e in entries)
        )
        return cls(entries)

    @classmethod
    def builtin(cls) -> M49Codes:
        """ISO numeric codes for current countries, with Comtrade's exceptions and aggregates."""
        taken = set(COMTRADE_EXCEPTIONS.values())
        entries = [
            M49Entry(int(c.numeric), c.alpha_3, date(1900, 1, 1), None, False)
            for c in pycountry.countries
            if c.alpha_3 not in taken
        ]
        entries += [M49Entry(code, iso3, date(1900, 1, 1), None, False) for code, iso3 in COMTRADE_EXCEPTIONS.items()]
        entries += [M49Entry(code, iso3, date(1900, 1, 1), None, False) for code, iso3 in COMTRADE_AGGREGATES.items()]
        return cls(entries)

    def _valid(self, entry: M49Entry, year: int) -> bool:
        return entry.start.year <= year and (entry.end is None or entry.end.year >= year)

    def area(self, code: int, year: int) -> str | None:
        """Our area code for Comtrade ``code`` in ``year``; ``None`` for groups, retired or unknown codes."""
        for entry in self._entries:
            if entry.code == code and not entry.group and self._valid(entry, year) and is_area(entry.iso3):
                return entry.iso3
        return None

    def code(self, area: str, year: int) -> int:
        """The Comtrade code of ``area`` in ``year``; raises ``KeyError`` when there is none."""
        area = area.upper()
        for entry in self._entries:
            if entry.iso3 == area and not entry.group and self._valid(entry, year):
                return entry.code
        raise KeyError(area)

    def __len__(self) -> int:
        return len(self._entries)
