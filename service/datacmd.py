"""``tradecheck data``: pull, import, inspect, validate, compact and select reference data versions.

Wiring (service/cli.py)::

    datacmd.register(sub)              # in build_parser, beside the other sub-commands
    COMMANDS["data"] = datacmd.run     # dispatch

Where the data lives is ``--data-dir`` or ``$TRADECHECK_DATA_DIR``. ``info`` and ``validate`` default
to the shipped data; ``pull``, ``import``, ``compact`` and ``use`` write, so they need one of the two
(the shipped data is never written). An empty directory is first seeded with the shipped data as its
first version. ``compact`` adds the version's tables as Parquet, for the columnar store; once a
version has them, ``pull`` and ``import`` write fresh Parquet copies of the tables they change.
Exit codes: 0 done, 1 ``validate`` found a problem, 2 could not run (one line on stderr).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from checkers.errors import TradecheckError

from .datainfo import DATA_DIR_ENV, cmd_info, coverage, data_dir_of, reading_dir

__all__ = ["cmd_info", "coverage", "register", "run"]

if TYPE_CHECKING:
    from reference_data.adapters import Batch

    from .settings import Settings

PROG = "tradecheck"
EXIT_OK, EXIT_INVALID, EXIT_ERROR = 0, 1, 2
SOURCE_NAMES = ("comtrade", "imf", "pxweb", "ecb", "cbi")


class DataCommandError(TradecheckError):
    """A ``tradecheck data`` command cannot run as asked (bad option, wrong directory)."""


def _codes(value: str) -> list[str]:
    codes = [c.strip().upper() for c in value.split(",") if c.strip()]
    for code in codes:
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise argparse.ArgumentTypeError(f"{code!r} is not an ISO 3166 alpha-3 code")
    return codes


def years(value: str) -> list[int]:
    """``2010-2024``, ``2020`` or ``2018,2020``."""
    out: list[int] = []
    for part in value.split(","):
        match = re.fullmatch(r"\s*(\d{4})\s*(?:-\s*(\d{4})\s*)?", part)
        if not match:
            raise argparse.ArgumentTypeError(f"{value!r} is not a year, a range like 2010-2024, or a list")
        first, last = int(match[1]), int(match[2] or match[1])
        if last < first:
            raise argparse.ArgumentTypeError(f"{part.strip()!r}: the range ends before it starts")
        out.extend(range(first, last + 1))
    return sorted(set(out))


def _day(value: str) -> datetime:
    try:
        return datetime.combine(date.fromisoformat(value), datetime.min.time(), UTC)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def register(subparsers: Any) -> None:
    """Add ``data`` and its sub-commands to the ``tradecheck`` parser's sub-parsers."""
    data = subparsers.add_parser("data", help="pull, import, inspect and select reference data")
    sub = data.add_subparsers(dest="data_command", metavar="SUBCOMMAND", parser_class=type(data))

    def with_dir(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser.add_argument("--data-dir", type=Path, metavar="DIR", help=f"data directory (default: ${DATA_DIR_ENV})")
        return parser

    pull = with_dir(sub.add_parser("pull", help="fetch figures from an official API into a new data version"))
    pull.add_argument("source", choices=SOURCE_NAMES)
    pull.add_argument("--reporter", type=_codes, action="extend", default=[], metavar="ISO3[,ISO3]", help="reporters (comtrade, imf)")
    pull.add_argument("--partner", type=_codes, action="extend", default=[], metavar="ISO3[,ISO3]", help="partners (default: all)")
    pull.add_argument("--years", type=years, metavar="2010-2024", help="years to fetch")
    pull.add_argument("--monthly", action="store_true", help="monthly figures (comtrade)")
    pull.add_argument("--commodity", action="extend", type=lambda v: [c for c in v.split(",") if c], default=[],
                      metavar="CODE", help="comtrade: TOTAL (default) or HS chapters like 27,84; pxweb: one code")
    pull.add_argument("--table", help="pxweb: table path under the API base (default: imports by SITC and country)")
    pull.add_argument("--url", help="cbi: the address of the rates CSV; ecb: another address of eurofxref-hist")
    pull.add_argument("--base-url", help="another address of the API (a mirror, or a test server)")

    load = with_dir(sub.add_parser("import", help="load a saved response of a source into a new data version"))
    load.add_argument("source", choices=SOURCE_NAMES)
    load.add_argument("file", type=Path, metavar="FILE")
    load.add_argument("--url", help="the query URL the response came from (cited on every row)")
    load.add_argument("--retrieved", type=_day, metavar="YYYY-MM-DD", help="when it was fetched (default: from the body, else the file's time)")
    load.add_argument("--reporters", type=Path, metavar="FILE", help="comtrade: the Reporters.json reference for M49 codes")

    info = with_dir(sub.add_parser("info", help="sources, coverage, data version and the versions available"))
    info.add_argument("--json", action="store_true", help="print JSON")
    with_dir(sub.add_parser("validate", help="check every file and row of the data version in use"))
    with_dir(sub.add_parser("compact", help="add the current version's tables as Parquet, in a new version (the columnar store)"))
    use = with_dir(sub.add_parser("use", help="make another data version current"))
    use.add_argument("version", metavar="VERSION")


def _writable(args: argparse.Namespace, settings: Settings | None) -> Path:
    """The data directory to write to, seeded with the shipped data when it is empty."""
    from reference_data import DATA_DIR, versions

    data_dir = data_dir_of(args, settings)
    if data_dir is None:
        raise DataCommandError(f"this command writes data: give --data-dir DIR or set {DATA_DIR_ENV} (the shipped data is read-only)")
    if data_dir.resolve() == DATA_DIR.resolve():
        raise DataCommandError(f"{data_dir} is the shipped data, which is never written: use another directory")
    if versions.is_versioned(data_dir):
        return data_dir
    if data_dir.exists() and any(p.name != versions.LOCK for p in data_dir.iterdir()):
        raise DataCommandError(
            f"{data_dir} is neither empty nor a versioned data directory: give an empty directory, which is seeded with the shipped data"
        )
    first = versions.seed(data_dir, DATA_DIR)
    sys.stderr.write(f"{PROG}: seeded {data_dir} with the shipped data as version {first}\n")
    return data_dir


class ProgressBar:
    """A one-line bar on ``stream``, drawn only when it is a terminal."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.enabled = stream.isatty()

    def __call__(self, done: int, total: int | None, label: str) -> None:
        if not self.enabled:
            return
        if total:
            filled = int(30 * min(done, total) / total)
            line = f"[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} {label[:40]}"
        else:
            line = f"{done} requests {label[:40]}"
        self.stream.write("\r" + line.ljust(90))
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled:
            self.stream.write("\n")


def _check_pull(args: argparse.Namespace) -> None:
    if args.source in ("comtrade", "imf", "pxweb") and not args.years:
        raise DataCommandError(f"pull {args.source} needs --years (e.g. --years 2010-2024)")
    if args.source in ("comtrade", "imf") and not args.reporter:
        raise DataCommandError(f"pull {args.source} needs --reporter (e.g. --reporter CHN,USA)")
    if args.source == "cbi" and not args.url:
        raise DataCommandError("pull cbi needs --url: the address of the Central Bank of Iceland's rates CSV export")


def _pull(args: argparse.Namespace) -> Batch:
    from reference_data.adapters import HttpClient, comtrade, fx, imf, pxweb, source

    spec = source(args.source)
    bar = ProgressBar(sys.stderr)
    try:
        with HttpClient(spec.name, key_env=spec.key_env, key_header=spec.key_header, progress=bar) as client:
            if args.source == "comtrade":
                return comtrade.pull(
                    client, args.reporter, args.partner, args.years, monthly=args.monthly,
                    commodities=args.commodity or [comtrade.TOTAL], base_url=args.base_url or comtrade.BASE_URL,
                )
            if args.source == "imf":
                return imf.pull(client, args.reporter, args.partner, args.years, base_url=args.base_url or imf.BASE_URL)
            if args.source == "pxweb":
                return pxweb.pull(
                    client, args.partner, args.years, table=args.table or pxweb.TABLE,
                    commodity=args.commodity[0] if args.commodity else None, base_url=args.base_url or pxweb.BASE_URL,
                )
            if args.source == "ecb":
                return fx.pull_ecb(client, url=args.url or fx.ECB_URL)
            return fx.pull_cbi(client, args.url)
    finally:
        bar.finish()


def _skipped(batch: Batch) -> str:
    if not batch.skipped:
        return ""
    top = ", ".join(f"{n} {reason}" for reason, n in batch.skipped.most_common(4))
    more = len(batch.skipped) - 4
    return f"; left out: {top}" + (f" and {more} other reasons" if more > 0 else "")


def _parquet_copies(version_dir: Path, csv_files: dict[str, bytes]) -> dict[str, bytes]:
    """Fresh Parquet copies of the changed CSV files that have one in the base version (none when it has none)."""
    from reference_data import columnar, versions

    listed = set(columnar.parquet_files(version_dir))
    wanted = {name: data for name, data in csv_files.items() if columnar.parquet_name(name) in listed}
    if not wanted:
        return {}
    held = {str(e.get("name")) for e in versions.manifest(version_dir)["files"]}
    for name in wanted:
        if name not in held:
            raise DataCommandError(
                f"{version_dir.name} holds {name} as Parquet only ({columnar.parquet_name(name)}): figures can be added only to a table held as CSV"
            )
    return columnar.compact_files(wanted)


def _publish(data_dir: Path, batch: Batch, source_name: str, built_by: str) -> int:
    from reference_data import versions
    from reference_data.adapters import apply, source

    if not len(batch):
        sys.stdout.write(f"no figures to import: the response holds none{_skipped(batch)}\n")
        return EXIT_OK
    base = versions.current(data_dir)
    tables, stats = apply(batch, versions.resolve(data_dir))
    changed = sum(s["added"] + s["replaced"] for s in stats.values())
    counts = "; ".join(f"{name}: " + ", ".join(f"{n} {k}" for k, n in s.items()) for name, s in stats.items())
    if not changed:
        sys.stdout.write(f"no change: every figure is already in version {base} ({counts}){_skipped(batch)}\n")
        return EXIT_OK
    files: dict[str, Any] = {name: table.to_bytes() for name, table in tables.items()}
    files.update(_parquet_copies(versions.resolve(data_dir), files))
    version_id = versions.publish(
        data_dir,
        files,
        base,
        built_by=built_by,
        sources=[source(source_name).manifest_entry()],
        provenance=[p.as_dict() for p in batch.provenance],
    )
    sys.stdout.write(f"version {version_id} (from {base}) is now current: {counts}{_skipped(batch)}\n")
    return EXIT_OK


def cmd_pull(args: argparse.Namespace, settings: Settings | None) -> int:
    _check_pull(args)
    data_dir = _writable(args, settings)
    batch = _pull(args)
    return _publish(data_dir, batch, args.source, f"tradecheck data pull {args.source}")


def cmd_import(args: argparse.Namespace, settings: Settings | None) -> int:
    from reference_data.adapters import read_file

    data_dir = _writable(args, settings)
    batch = read_file(args.source, args.file, url=args.url, retrieved=args.retrieved, reporters=args.reporters)
    return _publish(data_dir, batch, args.source, f"tradecheck data import {args.source} {args.file.name}")


def cmd_validate(args: argparse.Namespace, settings: Settings | None) -> int:
    from reference_data import load_store, versions

    data_dir = reading_dir(args, settings)
    loaded = versions.resolve(data_dir)
    try:
        counts = versions.verify(loaded)
        store = load_store(loaded)
    except TradecheckError as exc:
        sys.stdout.write(f"{loaded}: invalid: {exc}\n")
        return EXIT_INVALID
    summary = ", ".join(f"{name} {rows} rows" for name, rows in counts.items())
    sys.stdout.write(f"{loaded}: valid ({summary}; {store.trade_rows} trade figures loaded by the {store.engine} store)\n")
    return EXIT_OK


def cmd_compact(args: argparse.Namespace, settings: Settings | None) -> int:
    from reference_data import columnar, versions

    data_dir = _writable(args, settings)
    base = versions.current(data_dir)
    files = columnar.compact(versions.resolve(data_dir))
    if not files:
        sys.stdout.write(f"no change: version {base} holds every table as Parquet already\n")
        return EXIT_OK
    version_id = versions.publish(data_dir, files, base, built_by="tradecheck data compact")
    size = sum(len(data) for data in files.values()) / 2**20
    sys.stdout.write(
        f"version {version_id} (from {base}) is now current: {', '.join(files)} ({size:.1f} MB); "
        f"the columnar store loads it\n"
    )
    return EXIT_OK


def cmd_use(args: argparse.Namespace, settings: Settings | None) -> int:
    from reference_data import versions

    data_dir = data_dir_of(args, settings)
    if data_dir is None:
        raise DataCommandError(f"give --data-dir DIR or set {DATA_DIR_ENV}")
    path = versions.select(data_dir, args.version)
    sys.stdout.write(f"version {args.version} is now current ({path})\n")
    return EXIT_OK


HANDLERS = {
    "pull": cmd_pull, "import": cmd_import, "info": cmd_info, "validate": cmd_validate, "compact": cmd_compact, "use": cmd_use,
}


def run(args: argparse.Namespace, settings: Settings | None = None) -> int:
    """Run the ``data`` sub-command in ``args``; errors become one line on stderr and exit 2."""
    command = getattr(args, "data_command", None)
    if command is None:
        sys.stderr.write(f"{PROG}: error: a data command is required: {', '.join(HANDLERS)}\n")
        return EXIT_ERROR
    try:
        return HANDLERS[command](args, settings)
    except TradecheckError as exc:
        sys.stderr.write(f"{PROG}: error: {exc}\n")
        return EXIT_ERROR
    except OSError as exc:
        sys.stderr.write(f"{PROG}: error: {exc.filename or ''}: {exc.strerror or exc}\n")
        return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m service.datacmd ...``: the same commands without the rest of the CLI."""
    parser = argparse.ArgumentParser(prog=f"{PROG}")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["data", *(argv if argv is not None else sys.argv[1:])])
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
