"""Settings shared by the API and the CLI, from the environment (TRADECHECK_*)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from checkers import InputError

DEFAULT_MAX_TEXT_BYTES = 1_000_000


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise InputError(f"{name} must be a whole number of bytes, not {raw!r}") from exc
    if value <= 0:
        raise InputError(f"{name} must be positive, not {value}")
    return value


@dataclass(frozen=True)
class Settings:
    max_text_bytes: int = DEFAULT_MAX_TEXT_BYTES
    data_dir: Path | None = None
    checkers: tuple[str, ...] | None = None  # None: every installed checker

    @classmethod
    def from_env(cls) -> Settings:
        data_dir = os.environ.get("TRADECHECK_DATA_DIR") or None
        only = os.environ.get("TRADECHECK_CHECKERS")
        return cls(
            max_text_bytes=_int_env("TRADECHECK_MAX_TEXT_BYTES", DEFAULT_MAX_TEXT_BYTES),
            data_dir=Path(data_dir) if data_dir else None,
            checkers=tuple(n.strip() for n in only.split(",") if n.strip()) if only else None,
        )
