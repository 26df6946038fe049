"""Exchange rates: daily reference rates read from the ECB and the Central Bank of Iceland, as annual averages.

ECB ``eurofxref-hist.csv`` (also inside ``eurofxref-hist.zip``): ``Date,USD,JPY,...`` with ISO dates,
rates as units per euro, ``N/A`` (or an empty field) where there is no quote, often a trailing comma,
newest day first. A rate per US dollar is the daily cross rate ``X per EUR / USD per EUR`` (EUR itself:
``1 / USD per EUR``), averaged over the year.

Central Bank of Iceland CSV export: UTF-8 with a byte-order mark, ``;`` separated with a trailing
``;``, header ``Dagsetning;Evra EUR miðgengi;...;Bandaríkjadalur USD miðgengi;...``, dates
``dd.mm.yyyy``, decimal commas, ``-`` for no value. ISK per US dollar is the mean of the USD mid rate.

An annual average is only given for a year with quotes in **all twelve months**: the ECB stopped
quoting ISK from December 2008 to February 2018 and RUB after 1 March 2022, and a year in progress is
not a year.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation

from .errors import ResponseError
from .http import HttpClient
from .observation import AnnualRate, Batch, Provenance

ECB = "ecb"
ECB_TITLE = "ECB euro foreign exchange reference rates"
ECB_LICENCE = "European Central Bank statistics: free reuse with the source cited (https://www.ecb.europa.eu/services/using-our-site/disclaimer)"
ECB_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip"
CBI = "cbi"
CBI_TITLE = "Central Bank of Iceland official exchange rates (mid)"
CBI_LICENCE = "Central Bank of Iceland (Sedlabanki Islands) data: reuse with attribution"
_PLACES = Decimal("0.000001")


def _text(body: bytes, source: str, where: str) -> str:
    if body[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                names = [n for n in archive.namelist() if n.lower().endswith(".csv")]
                if not names:
                    raise ResponseError(source, where, "the zip archive holds no CSV file")
                body = archive.read(names[0])
        except zipfile.BadZipFile as exc:
            raise ResponseError(source, where, f"not a readable zip archive ({exc}); it may be truncated") from None
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ResponseError(source, where, f"not UTF-8 ({exc})") from None


def _whole_years(days: dict[date, Decimal]) -> dict[int, dict[date, Decimal]]:
    by_year: dict[int, dict[date, Decimal]] = defaultdict(dict)
    for day, rate in days.items():
        by_year[day.year][day] = rate
    return {year: rates for year, rates in by_year.items() if len({d.month for d in rates}) == 12}


def _rates(
    series: dict[str, dict[date, Decimal]], provenance: Provenance, authority: str, method: str, batch: Batch
) -> None:
    for currency, days in sorted(series.items()):
        whole = _whole_years(days)
        partial = {d.year for d in days} - set(whole)
        if partial:
            batch.skipped[f"{currency}: a year without quotes in every month"] += len(partial)
        for year, rates in sorted(whole.items()):
            mean = (sum(rates.values(), Decimal(0)) / len(rates)).quantize(_PLACES)
            batch.rates.append(
                AnnualRate(
                    currency=currency,
                    year=year,
                    per_usd=mean,
                    observations=len(rates),
                    first_day=min(rates),
                    last_day=max(rates),
                    method=method.format(n=len(rates)),
                    authority=authority,
                    provenance=provenance,
                )
            )


def parse_ecb(body: bytes, provenance: Provenance, currencies: Sequence[str] | None = None) -> Batch:
    """Annual average units per US dollar of each currency (all columns unless ``currencies``), and EUR."""
    where = provenance.file or provenance.query_url
    rows = list(csv.reader(io.StringIO(_text(body, ECB, where))))
    if not rows or not rows[0] or rows[0][0].strip() != "Date" or "USD" not in [c.strip() for c in rows[0]]:
        raise ResponseError(ECB, where, "expected the eurofxref-hist layout: a header 'Date,USD,...'")
    header = [c.strip() for c in rows[0]]
    usd = header.index("USD")
    wanted = [c for c in header[1:] if c and c != "USD" and (currencies is None or c in currencies)]
    series: dict[str, dict[date, Decimal]] = defaultdict(dict)
    batch = Batch(provenance=[provenance])
    for number, row in enumerate(rows[1:], start=2):
        if not row or not row[0].strip():
            continue
        try:
            day = date.fromisoformat(row[0].strip())
        except ValueError:
            raise ResponseError(ECB, where, f"row {number}: {row[0]!r} is not a date (YYYY-MM-DD)") from None
        quote = _quote(row, usd, ECB, where, number)
        if quote is None or quote == 0:
            continue
        if currencies is None or "EUR" in currencies:
            series["EUR"][day] = 1 / quote
        for name in wanted:
            other = _quote(row, header.index(name), ECB, where, number)
            if other is not None:
                series[name][day] = other / quote
    _rates(series, provenance, "ECB", "mean of {n} daily ECB reference rates (X per EUR / USD per EUR)", batch)
    return batch


def _quote(row: list[str], index: int, source: str, where: str, number: int, comma: bool = False) -> Decimal | None:
    text = row[index].strip() if index < len(row) else ""
    if text in ("", "N/A", "-"):
        return None
    if comma:
        text = text.replace(".", "").replace(",", ".")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ResponseError(source, where, f"row {number}: {text!r} is not a rate") from None


def parse_cbi(body: bytes, provenance: Provenance) -> Batch:
    """Annual average ISK per US dollar from the USD mid-rate column."""
    where = provenance.file or provenance.query_url
    rows = list(csv.reader(io.StringIO(_text(body, CBI, where)), delimiter=";"))
    if not rows or not rows[0] or rows[0][0].strip() != "Dagsetning":
        raise ResponseError(CBI, where, "expected the Central Bank of Iceland layout: a header 'Dagsetning;...'")
    header = [c.strip() for c in rows[0]]
    column = next((i for i, c in enumerate(header) if "USD" in c.split() and "miðgengi" in c), None)
    if column is None:
        raise ResponseError(CBI, where, "no 'USD miðgengi' (mid rate) column")
    days: dict[date, Decimal] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not row or not row[0].strip():
            continue
        try:
            dd, mm, yyyy = row[0].strip().split(".")
            day = date(int(yyyy), int(mm), int(dd))
        except ValueError:
            raise ResponseError(CBI, where, f"row {number}: {row[0]!r} is not a date (dd.mm.yyyy)") from None
        rate = _quote(row, column, CBI, where, number, comma=True)
        if rate is not None:
            days[day] = rate
    batch = Batch(provenance=[provenance])
    _rates({"ISK": days}, provenance, "CBI", "mean of {n} daily mid rates of USD in ISK", batch)
    return batch


def pull_ecb(client: HttpClient, currencies: Iterable[str] | None = None, url: str = ECB_URL) -> Batch:
    client.total = 1
    answer = client.get(url, label="ECB reference rates")
    provenance = Provenance(ECB, ECB_TITLE, answer.url, answer.retrieved, ECB_LICENCE, sha256=answer.sha256)
    return parse_ecb(answer.body, provenance, list(currencies) if currencies else None)


def pull_cbi(client: HttpClient, url: str) -> Batch:
    client.total = 1
    answer = client.get(url, label="Central Bank of Iceland rates")
    provenance = Provenance(CBI, CBI_TITLE, answer.url, answer.retrieved, CBI_LICENCE, sha256=answer.sha256)
    return parse_cbi(answer.body, provenance)
