"""Area codes: countries (current and former) and the aggregates the data files may use."""

from __future__ import annotations

import pytest

from reference_data import AGGREGATES, AreaKind, is_country
from reference_data.areas import kind, name


@pytest.mark.parametrize("code", ["CHN", "ISL", "HKG", "TWN", "PSE", "XKX", "SUN", "YUG", "SCG", "ANT"])
def test_countries(code: str) -> None:
    assert is_country(code)


@pytest.mark.parametrize("code", ["WLD", "EUU", "XAN", "XSC", "XUN"])
def test_aggregates_are_not_countries(code: str) -> None:
    assert not is_country(code)
    assert kind(code) in (AreaKind.WORLD, AreaKind.BLOC, AreaKind.REGION, AreaKind.UNALLOCATED)


def test_our_codes_are_in_the_user_assigned_range() -> None:
    for code in AGGREGATES:
        assert code in ("WLD", "EUU") or code.startswith("X"), code
        assert kind(code) is not None


def test_unknown_codes() -> None:
    for code in ("XXX", "EU", "XZZ", "CHINA"):
        assert kind(code) is None and not is_country(code)
    assert kind("chn") is None and is_country("chn")  # files hold capitals; look-ups may use either


def test_names() -> None:
    assert name("EUU") == "European Union" and name("XSC") == "South and Central America"
    assert name("sun").startswith("USSR")
    with pytest.raises(KeyError):
        name("XXX")
