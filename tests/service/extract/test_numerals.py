"""Written numbers in either convention, and the sentence-length caps that keep time linear."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.extract.numerals import numeral, plain


@pytest.mark.parametrize(
    ("written", "decimal_comma", "expected"),
    [
        ("1.009,0", True, "1009.0"), ("1,009.0", True, "1009.0"), ("1.009,0", False, "1009.0"),
        ("1,009.0", False, "1009.0"), ("107,76", False, "107.76"), ("107,76", True, "107.76"),
        ("107.76", True, "107.76"), ("1,234", False, "1234"), ("1,234", True, "1.234"),
        ("1.234", True, "1234"), ("1.234", False, "1.234"), ("12.500.000", True, "12500000"),
        ("1,234,567", True, "1234567"), ("1.234.567,89", False, "1234567.89"), ("0,5", True, "0.5"),
        ("2021", True, "2021"), ("$107bn", False, "107"), ("1,2,3", True, None), ("1.2.3", False, None),
        ("1.23.456", True, None), ("abc", True, None), ("1" * 31, True, None),
    ],
)
def test_either_convention_where_unambiguous(written: str, decimal_comma: bool, expected: str | None) -> None:
    assert numeral(written, decimal_comma) == expected


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_grouped_numbers_read_back(whole: int, cents: int) -> None:
    english = f"{whole:,}.{cents:02d}"
    icelandic = english.replace(",", "_").replace(".", ",").replace("_", ".")
    assert numeral(english, False) == numeral(icelandic, True) == f"{whole}.{cents:02d}"


def test_plain() -> None:
    assert (plain(0.5), plain(100), plain("33.3300")) == ("0.5", "100", "33.33")
