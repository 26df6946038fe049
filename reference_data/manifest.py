"""``MANIFEST.json``: the data version, and each file's sha256 and row count, checked before parsing."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from checkers.errors import ReferenceDataError

MANIFEST = "MANIFEST.json"


class Manifest:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / MANIFEST
        self.data_dir = data_dir
        body = self._read()
        self.version: str = body["version"]
        self.entries: dict[str, dict[str, Any]] = {f["name"]: f for f in body["files"]}

    def _read(self) -> dict[str, Any]:
        try:
            body = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ReferenceDataError(str(self.path), "file is missing") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            raise ReferenceDataError(str(self.path), f"not valid UTF-8 JSON: {err}") from None
        version = body.get("version") if isinstance(body, dict) else None
        if not isinstance(version, str) or not version:
            raise ReferenceDataError(str(self.path), "'version' is missing or empty")
        files = body.get("files")
        if not isinstance(files, list) or not all(isinstance(f, dict) and isinstance(f.get("name"), str) for f in files):
            raise ReferenceDataError(str(self.path), "'files' must be a list of objects with a 'name'")
        return body

    def entry(self, name: str) -> dict[str, Any]:
        entry = self.entries.get(name)
        if entry is None:
            raise ReferenceDataError(str(self.path), f"does not list {name}")
        return entry

    def checked_bytes(self, name: str) -> bytes:
        """The bytes of data file ``name``, after checking them against the sha256 listed for it."""
        return read_verified(self.data_dir / name, self.entry(name).get("sha256"))

    def check_rows(self, name: str, rows: int) -> None:
        listed = self.entry(name).get("rows")
        if listed != rows:
            raise ReferenceDataError(str(self.data_dir / name), f"has {rows} data rows, {MANIFEST} says {listed}")


def read_verified(path: Path, sha256: object) -> bytes:
    """The bytes of ``path``, after checking them against the sha256 its manifest lists."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReferenceDataError(str(path), f"file is missing (listed in {MANIFEST})") from None
    digest = hashlib.sha256(data).hexdigest()
    if digest != sha256:
        raise ReferenceDataError(str(path), f"sha256 {digest} does not match {MANIFEST} ({sha256}): the file was changed")
    return data
