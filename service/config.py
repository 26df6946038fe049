"""The project config: ``tradecheck.toml``, or ``[tool.tradecheck]`` in ``pyproject.toml``.

Found by looking in the current directory and then each parent in turn (the first
``tradecheck.toml``, or ``pyproject.toml`` that has a ``[tool.tradecheck]`` table, wins), or
given with ``--config PATH``. Every key is optional; options on the command line win::

    language = "is"                 # auto | is | en
    published = "front-matter"      # front-matter | text | YYYY-MM-DD
    fail_on = "warning"             # error | warning | notice | never
    checkers = ["trade-value"]      # only these checkers (default: every installed one)
    exclude = ["archive/**", "*.draft.md"]
    help_url = "https://newsroom.example/style/numbers"   # SARIF help link for every rule

``published`` says which publication date relative periods ("last year") are read against:
the ``date:`` in a draft's front matter when it has one (``front-matter``, the default), only
a date the text states itself (``text``), or one fixed date. ``exclude`` globs are matched
against paths relative to the config file's folder (``*`` crosses ``/``); a glob without a
``/`` also matches a bare file or folder name.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from checkers import InputError

from .renderers import FAIL_LEVELS

CONFIG_NAME = "tradecheck.toml"
PYPROJECT = "pyproject.toml"
LANGUAGES = ("auto", "is", "en")
PUBLISHED_RULES = ("front-matter", "text")
KEYS = ("language", "published", "fail_on", "checkers", "exclude", "help_url")


class ConfigError(InputError):
    """The config file cannot be read, or a key in it is wrong; the message names the file."""


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    language: str | None = None
    published: str | None = None  # front-matter | text | YYYY-MM-DD
    fail_on: str | None = None
    checkers: tuple[str, ...] | None = None
    exclude: tuple[str, ...] = ()
    help_url: str | None = None

    @property
    def base(self) -> Path:
        """The folder that ``exclude`` globs are relative to."""
        return self.path.parent if self.path is not None else Path.cwd()


def find_config(start: Path | None = None) -> Path | None:
    """The nearest config file at or above ``start`` (default: the current directory)."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_NAME
        if own.is_file():
            return own
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # someone else's broken pyproject.toml is not our config
    return isinstance(data.get("tool"), dict) and "tradecheck" in data["tool"]


def load_config(path: Path | None = None) -> Config:
    """The config at ``path``, or the one found from the current directory, or the defaults."""
    if path is None:
        path = find_config()
        if path is None:
            return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file {path} does not exist") from None
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"config file {path} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
    table: Any = data
    if path.name == PYPROJECT:
        table = data.get("tool", {}).get("tradecheck", {}) if isinstance(data.get("tool"), dict) else {}
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.tradecheck] must be a table")
    return _parse(path, table)


def _parse(path: Path, table: dict[str, Any]) -> Config:
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ConfigError(f"{path}: unknown key {unknown[0]!r}; the keys are {', '.join(KEYS)}")
    where = f"{path}:"
    language = _choice(table, "language", LANGUAGES, where)
    fail_on = _choice(table, "fail_on", FAIL_LEVELS, where)
    published = table.get("published")
    if published is not None:
        published = parse_published(published, f"{where} published")
    return Config(
        path=path,
        language=language,
        published=published,
        fail_on=fail_on,
        checkers=_strings(table, "checkers", where),
        exclude=_strings(table, "exclude", where) or (),
        help_url=_url(table.get("help_url"), where),
    )


def parse_published(value: object, what: str = "published") -> str:
    """``front-matter``, ``text`` or an ISO date, as a string; TOML dates are accepted too."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        if value in PUBLISHED_RULES:
            return value
        try:
            if len(value) == 10:
                return date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise ConfigError(f"{what} must be front-matter, text or a date YYYY-MM-DD, not {value!r}")


def _choice(table: dict[str, Any], key: str, choices: tuple[str, ...], where: str) -> str | None:
    value = table.get(key)
    if value is not None and value not in choices:
        raise ConfigError(f"{where} {key} must be one of {', '.join(choices)}, not {value!r}")
    return value


def _strings(table: dict[str, Any], key: str, where: str) -> tuple[str, ...] | None:
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise ConfigError(f"{where} {key} must be a list of strings, not {value!r}")
    return tuple(value)


def _url(value: object, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.startswith(("https://", "http://")):
        raise ConfigError(f"{where} help_url must be an http(s) URL, not {value!r}")
    return value
