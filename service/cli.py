"""The ``tradecheck`` command: check drafts like a linter, serve the API, list the checkers.

Exit codes follow linters (Vale, textlint): 0 nothing reached ``--fail-on``, 1 some finding
did, 2 tradecheck could not run (unreadable input, bad option or config, data or checker
failing to load, service unreachable), with a one-line ``tradecheck: error: ...`` on stderr
and never a traceback.

Other modules add sub-commands: each module named in :data:`EXTENSIONS` has
``register(subparsers)``, which adds its parsers. A parser that sets a ``handler`` default
(``handler(args, settings) -> int``) is run through it; otherwise the module's
``run(args, settings) -> int`` is called.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, NoReturn

from checkers import TradecheckError

from . import __version__

if TYPE_CHECKING:
    from .batch import Engine
    from .config import Config
    from .renderers import CheckerInfo
    from .settings import Settings

PROG = "tradecheck"
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
LANGUAGES = ("auto", "is", "en")
#: Modules that add sub-commands through ``register(subparsers)``; a missing one is skipped.
EXTENSIONS: tuple[str, ...] = ("service.datacmd",)
# Kept here (not imported) so that --help never loads the renderers; a test keeps them in step.
FORMATS = ("text", "line", "json", "jsonl", "sarif", "github", "junit", "claimreview")
FAIL_LEVELS = ("error", "warning", "notice", "never")
INPUT_FORMATS = ("auto", "text", "markdown", "html")

Handler = Callable[..., int]


class UsageError(Exception):
    """Raised instead of exiting, so :func:`main` decides the exit code."""


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors (``tradecheck: error: ...``) and no ``sys.exit`` on them."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _published(value: str) -> str:
    if value in ("front-matter", "text"):
        return value
    try:
        if len(value) != 10:
            raise ValueError("expected YYYY-MM-DD")
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD), front-matter or text: {exc}") from None


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not 0 < seconds <= 3600:
        raise argparse.ArgumentTypeError(f"{value!r} must be more than 0 and at most 3600 seconds")
    return seconds


def register(sub: Any) -> None:
    """The built-in sub-commands: check, serve, checkers."""
    check = sub.add_parser("check", help="check the claims in drafts: files, folders, or - for stdin")
    check.add_argument("paths", nargs="+", metavar="PATH", help="a draft, a folder of drafts, or - to read stdin")
    check.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    check.add_argument(
        "--fail-on", choices=FAIL_LEVELS, help="least severity that makes the exit code 1 (default: error)"
    )
    check.add_argument("--lang", choices=LANGUAGES, help="language of the drafts (default: auto)")
    check.add_argument(
        "--published",
        type=_published,
        metavar="YYYY-MM-DD|front-matter|text",
        help="publication date, or where to find it (default: front-matter, else the text)",
    )
    check.add_argument(
        "--input-format", choices=INPUT_FORMATS, default="auto", help="how to read drafts (default: by extension)"
    )
    check.add_argument("--config", metavar="PATH", help="config file (default: tradecheck.toml or pyproject.toml)")
    check.add_argument(
        "--diff", metavar="BASE", help="only claims on lines changed since git revision BASE; - reads a diff"
    )
    check.add_argument(
        "--server", metavar="URL", help="check with a running tradecheck service (API key: $TRADECHECK_API_KEY)"
    )
    check.add_argument(
        "--timeout", type=_seconds, default=60.0, metavar="SECONDS", help="--server time limit (default: 60)"
    )
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the text format")
    check.add_argument("--data-dir", type=Path, metavar="DIR", help=_DATA_DIR_HELP)
    check.set_defaults(handler=cmd_check)

    serve = sub.add_parser("serve", help="run the HTTP API")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to bind (default: 8000)")
    serve.add_argument("--data-dir", type=Path, metavar="DIR", help=_DATA_DIR_HELP)
    serve.set_defaults(handler=cmd_serve)

    checkers = sub.add_parser("checkers", help="list the installed checkers")
    checkers.set_defaults(handler=cmd_checkers)


def build_parser() -> tuple[Parser, dict[str, ModuleType]]:
    """The parser, and which extension module added each of its extra commands."""
    parser = Parser(prog=PROG, description="Fact-check numeric trade claims against cited reference statistics.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    register(sub)
    owners: dict[str, ModuleType] = {}
    for name in EXTENSIONS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        before = set(sub.choices)
        module.register(sub)
        owners.update({command: module for command in set(sub.choices) - before})
    return parser, owners


# --- check -------------------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    from .batch import Progress, RunOptions, in_scope, run
    from .config import load_config
    from .drafts import Exclusions, find_drafts
    from .renderers import RENDERERS, RenderOptions, fail_threshold, use_color

    config = load_config(_path(args.config))
    if config.checkers and settings.checkers is None:
        settings = replace(settings, checkers=config.checkers)
    threshold = fail_threshold(args.fail_on or config.fail_on or "error")
    drafts = find_drafts(args.paths, Exclusions(config.exclude, config.base), args.input_format)
    scope = _diff_scope(args)
    drafts = in_scope(drafts, scope)
    engine, checkers = _engine(args, settings, config)
    try:
        color = args.format == "text" and (args.color == "always" or (args.color == "auto" and use_color(sys.stdout)))
        options = RenderOptions(
            color=color, fail_on=threshold, several=len(drafts) != 1, checkers=checkers, tool_version=__version__
        )
        renderer = RENDERERS[args.format](options)
        progress = Progress(sys.stderr, len(drafts), enabled=len(drafts) > 1 and sys.stderr.isatty())
        run_options = RunOptions(
            language=args.lang or config.language or "auto",
            published=args.published or config.published or "front-matter",
            max_bytes=settings.max_text_bytes,
            scope=scope,
        )
        outcome = run(drafts, engine, renderer, run_options, sys.stdout, sys.stderr, progress)
    finally:
        close = getattr(engine, "close", None)
        if close is not None:
            close()
    sys.stdout.flush()
    if outcome.unreadable:
        return EXIT_ERROR
    return EXIT_FINDINGS if outcome.tally.fails(threshold) else EXIT_OK


def _path(value: str | None) -> Any:
    from pathlib import Path

    return Path(value) if value else None


def _diff_scope(args: argparse.Namespace) -> Any:
    from .diffscope import scope_from_git, scope_from_text

    if args.diff is None:
        return None
    if args.diff == "-":
        if "-" in args.paths:
            raise UsageError("--diff - reads the diff from stdin, so no draft can be read from stdin too")
        return scope_from_text(sys.stdin.buffer.read().decode("utf-8", errors="replace"))
    if "-" in args.paths:
        raise UsageError("a draft read from stdin (-) has no lines in a git diff; name the files with --diff BASE")
    return scope_from_git(args.diff, args.paths)


def _engine(args: argparse.Namespace, settings: Settings, config: Config) -> tuple[Engine, dict[str, CheckerInfo]]:
    """What checks the drafts (here, or the service at --server) and what its checkers are."""
    from .renderers import CheckerInfo

    if args.server:
        from .client import RemoteService

        service = RemoteService(args.server, timeout=args.timeout)
        try:
            found = service.checkers()
        except BaseException:
            service.close()
            raise
        return service, {n: replace(c, help_uri=config.help_url) for n, c in found.items()}
    from .pipeline import Pipeline

    pipeline = Pipeline.load(settings)
    checkers = {
        loaded.name: CheckerInfo(
            loaded.name,
            loaded.version,
            loaded.checker.description,
            config.help_url or _documentation_url(loaded.package),
        )
        for loaded in pipeline.registry
    }
    return pipeline, checkers


def _documentation_url(distribution: str) -> str | None:
    """The documentation (else home page) URL a checker's distribution declares, if any."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        meta = metadata(distribution)
    except (PackageNotFoundError, ValueError):
        return None
    urls: dict[str, str] = {}
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        urls[label.strip().lower()] = url.strip()
    for label in ("documentation", "docs", "homepage", "home", "source", "repository"):
        url = urls.get(label, "")
        if url.startswith(("https://", "http://")):
            return url
    home = str(meta["Home-page"] or "") if "Home-page" in meta else ""
    return home if home.startswith(("https://", "http://")) else None


# --- serve, checkers ------------------------------------------------------------------------------


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


# --- main -----------------------------------------------------------------------------------------


def _fail(message: str) -> int:
    sys.stderr.write(f"{PROG}: error: {message}\n")
    return EXIT_ERROR


_DATA_DIR_HELP = "reference data directory (default: $TRADECHECK_DATA_DIR, else the shipped data)"


def _dispatch(args: argparse.Namespace, owners: dict[str, ModuleType]) -> int:
    from .settings import Settings

    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        owner = owners.get(args.command)
        if owner is None or not hasattr(owner, "run"):
            raise UsageError(f"command {args.command!r} has nothing to run it")
        handler = owner.run
    settings = Settings.from_env()
    if getattr(args, "data_dir", None) is not None and args.command in ("check", "serve"):
        settings = replace(settings, data_dir=args.data_dir)
    positional = [
        p
        for p in inspect.signature(handler).parameters.values()
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    return handler(args, settings) if len(positional) >= 2 else handler(args)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        parser, owners = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            return _fail(f"a command is required: {', '.join(parser_commands(parser))} (see {PROG} --help)")
        return _dispatch(args, owners)
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


def parser_commands(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


if __name__ == "__main__":
    sys.exit(main())
