import pytest

from checkers.units import is_currency, to_base


def test_scale_words_of_both_languages() -> None:
    assert to_base(107.76, "billion USD") == (pytest.approx(107.76e9), "USD")
    assert to_base(5, "milljarður ISK") == (5e9, "ISK")
    assert to_base(1.2, "tn CNY") == (pytest.approx(1.2e12), "CNY")


def test_currencies_are_separate_dimensions() -> None:
    assert is_currency("USD") and is_currency("ISK")
    assert not is_currency("percent") and not is_currency("XYZ") and not is_currency("billion")


@pytest.mark.parametrize("unit", ["billion", "furlong USD", "billion percent", "USD EUR"])
def test_bad_units_are_rejected(unit: str) -> None:
    with pytest.raises(ValueError):
        to_base(1, unit)


def test_scale_words_are_defined_once_for_extraction() -> None:
    from checkers.units import scale

    assert scale("milljarður") == scale("billion") == 1e9  # Icelandic long scale: milljarður, not billjón
    assert scale("billjón") == scale("trillion") == 1e12
    with pytest.raises(ValueError):
        scale("USD")
