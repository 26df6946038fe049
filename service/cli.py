"""The ``tradecheck`` command: check drafts like a linter, serve the API, list the checkers.

Exit codes follow linters (Vale, textlint): 0 no findings, 1 some claim is contradicted,
2 tradecheck could not run (unreadable input, bad option, data or checker failing to load),
with a one-line ``tradecheck: error: ...`` on stderr and never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, NoReturn

from checkers import Label, TradecheckError

from . import __version__
from .render import FORMATS, render, use_color

if TYPE_CHECKING:
    from .report import Report
    from .settings import Settings

PROG = "tradecheck"
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
LANGUAGES = ("auto", "is", "en")
#: Labels that make ``tradecheck check`` exit 1.
FAILING = frozenset({Label.CONTRADICTED})
#: A UTF-8 byte order mark may precede the text; it is not part of it.
_BOM = b"\xef\xbb\xbf"


class UsageError(Exception):
    """Raised instead of exiting, so :func:`main` decides the exit code."""


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors (``tradecheck: error: ...``) and no ``sys.exit`` on them."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _iso_date(value: str) -> date:
    try:
        if len(value) != 10:
            raise ValueError("expected YYYY-MM-DD")
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD): {exc}") from None


def build_parser() -> Parser:
    parser = Parser(prog=PROG, description="Fact-check numeric trade claims against cited reference statistics.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    check = sub.add_parser("check", help="check the claims in a file ('-' for stdin)")
    check.add_argument("file", metavar="FILE", help="UTF-8 text file, or - to read stdin")
    check.add_argument("--lang", choices=LANGUAGES, default="auto", help="language of the text (default: auto)")
    check.add_argument(
        "--published", type=_iso_date, metavar="YYYY-MM-DD", help="publication date (default: from the text)"
    )
    check.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")

    serve = sub.add_parser("serve", help="run the HTTP API")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to bind (default: 8000)")

    sub.add_parser("checkers", help="list the installed checkers")
    return parser


def read_input(path: str, limit: int) -> str:
    """The text of ``path`` (``-``: stdin), refusing more than ``limit`` bytes and non-UTF-8."""
    shown = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            raw = sys.stdin.buffer.read(limit + len(_BOM) + 1)
        else:
            with open(path, "rb") as handle:
                raw = handle.read(limit + len(_BOM) + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {shown}: {exc.strerror or exc}") from None
    raw = raw.removeprefix(_BOM)
    if len(raw) > limit:
        raise UsageError(f"{shown} is larger than the limit of {limit} bytes (TRADECHECK_MAX_TEXT_BYTES)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{shown} is not UTF-8 text: byte 0x{raw[exc.start]:02x} at offset {exc.start}") from None


def exit_code(report: Report) -> int:
    return EXIT_FINDINGS if any(c.verdict.label in FAILING for c in report.claims) else EXIT_OK


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    text = read_input(args.file, settings.max_text_bytes)
    from .pipeline import Pipeline

    report = Pipeline.load(settings).check(text, language=args.lang, published=args.published)
    path = "<stdin>" if args.file == "-" else args.file
    output = render(args.format, report, text, path, color=use_color(sys.stdout) and args.format == "text")
    sys.stdout.write(output + "\n")
    return exit_code(report)


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from .api import create_app
    from .pipeline import Pipeline

    # Load before binding, so a bad plugin or data file is a one-line error and exit 2.
    pipeline = Pipeline.load(settings)
    uvicorn.run(create_app(settings, pipeline), host=args.host, port=args.port)
    return EXIT_OK


def cmd_checkers(args: argparse.Namespace, settings: Settings) -> int:
    from checkers import CheckerRegistry

    rows = [("NAME", "VERSION", "PACKAGE", "KINDS")]
    for loaded in CheckerRegistry.discover(only=settings.checkers):
        rows.append((loaded.name, loaded.version, loaded.package, ",".join(sorted(map(str, loaded.checker.kinds)))))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        sys.stdout.write("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[-1] + "\n")
    return EXIT_OK


COMMANDS = {"check": cmd_check, "serve": cmd_serve, "checkers": cmd_checkers}


def _fail(message: str) -> int:
    sys.stderr.write(f"{PROG}: error: {message}\n")
    return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            return _fail(f"a command is required: {', '.join(COMMANDS)} (see {PROG} --help)")
        from .settings import Settings

        return COMMANDS[args.command](args, Settings.from_env())
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except UsageError as exc:
        return _fail(str(exc))
    except TradecheckError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. piped into head: not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        if os.environ.get("TRADECHECK_DEBUG"):
            raise
        return _fail(f"internal error: {type(exc).__name__}: {exc} (set TRADECHECK_DEBUG=1 for a traceback)")


if __name__ == "__main__":
    sys.exit(main())
