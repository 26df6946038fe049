"""Shared pieces of the reference data tests: the shipped store, loaded once, and copies of the data folder."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from itertools import count
from pathlib import Path

import pytest

from reference_data import DATA_DIR, ReferenceStore, load_store

#: Files larger than this are linked into a copied data folder, not copied: tests replace them, never edit them.
LINK_ABOVE = 1_000_000

DataDir = Callable[..., Path]


@pytest.fixture(scope="session")
def store() -> ReferenceStore:
    return load_store(DATA_DIR)


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    """``data_dir(name_csv=content, ...)``: a copy of the shipped data with some files replaced, and a
    MANIFEST.json that matches them (so only the replaced content can be wrong)."""
    serial = count()

    def make(**files: str | bytes) -> Path:
        out = tmp_path / f"data{next(serial)}"
        out.mkdir()
        for path in DATA_DIR.iterdir():
            if path.stat().st_size > LINK_ABOVE:
                (out / path.name).symlink_to(path)
            else:
                shutil.copyfile(path, out / path.name)
        manifest = json.loads((out / "MANIFEST.json").read_text(encoding="utf-8"))
        for key, content in files.items():
            name = key.replace("_csv", ".csv")
            data = content.encode("utf-8") if isinstance(content, str) else content
            (out / name).unlink()
            (out / name).write_bytes(data)
            entry = next(f for f in manifest["files"] if f["name"] == name)
            entry["sha256"] = hashlib.sha256(data).hexdigest()
            entry["rows"] = max(data.count(b"\n") - 1, 0)
        (out / "MANIFEST.json").write_text(json.dumps(manifest), encoding="utf-8")
        return out

    return make
