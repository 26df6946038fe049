"""The publication date an article states about itself."""

from __future__ import annotations

import re
from datetime import date

IS_MONTHS = {
    "janúar": 1, "febrúar": 2, "mars": 3, "apríl": 4, "maí": 5, "júní": 6,
    "júlí": 7, "ágúst": 8, "september": 9, "október": 10, "nóvember": 11, "desember": 12,
}
EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
EN_MONTHS.update({name[:3]: n for name, n in list(EN_MONTHS.items())})
EN_MONTHS["sept"] = 9

_LABEL = r"(?:birtingartími|birt|dagsetning|published(?:\s+on)?|date|dateline)"
_IS_NAMES = "|".join(IS_MONTHS)
_EN_NAMES = "|".join(sorted(EN_MONTHS, key=len, reverse=True))
_PATTERNS = (
    # 19. mars 2021 / 19 March 2021
    re.compile(rf"{_LABEL}\s*:?\s*(?P<d>\d{{1,2}})\.?\s+(?P<m>{_IS_NAMES}|{_EN_NAMES})\.?,?\s+(?P<y>\d{{4}})", re.IGNORECASE),
    # March 19, 2021
    re.compile(rf"{_LABEL}\s*:?\s*(?P<m>{_EN_NAMES})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})", re.IGNORECASE),
    # 2021-03-19
    re.compile(rf"{_LABEL}\s*:?\s*(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})", re.IGNORECASE),
    # 19.3.2021
    re.compile(rf"{_LABEL}\s*:?\s*(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}})", re.IGNORECASE),
)


def _month(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    key = text.lower().rstrip(".")
    return IS_MONTHS.get(key) or EN_MONTHS.get(key)


def find_published(text: str) -> date | None:
    """The date after a 'Birtingartími:' / 'Published:' label, if the text has one."""
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            month = _month(match["m"])
            try:
                return date(int(match["y"]), month or 0, int(match["d"]))
            except ValueError:
                continue
    return None
