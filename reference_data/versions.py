"""Versioned data directories: immutable versions, one ``CURRENT`` pointer, updates that are all or nothing.

Layout of a data directory that has been updated at least once::

    DATA_DIR/
      CURRENT                  the id of the version the store loads (one line)
      versions/<id>/           one immutable version: the CSV files, MANIFEST.json, provenance.json
      .staging/<random>/       a version being written (only while an update runs, or left by a kill)
      .lock                    taken while an update or a switch runs

A directory without ``CURRENT`` and ``versions/`` (such as the data shipped in the package) is one
unversioned data set: :func:`resolve` returns it as it is.

:func:`publish` writes a new version into ``.staging/``, validates every data file against its
schema, fsyncs the files and the directory, renames it into ``versions/`` and only then replaces
``CURRENT`` (write a temporary file, fsync, ``os.replace``). A failure or a kill at any point leaves
``CURRENT`` and every existing version exactly as they were; a kill after the rename leaves a
complete version that nothing selects. Leftovers in ``.staging/`` are removed by the next update.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from checkers.errors import ReferenceDataError

from . import schema
from .manifest import read_verified
from .adapters.table import Table, file_schema

VERSIONS = "versions"
CURRENT = "CURRENT"
STAGING = ".staging"
LOCK = ".lock"
MANIFEST = "MANIFEST.json"
PROVENANCE = "provenance.json"
#: Test hook: ``PHASE:SECONDS`` makes :func:`publish` sleep at that phase (writing, staged, renamed).
PAUSE_ENV = "TRADECHECK_PUBLISH_PAUSE"

_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$")

#: What :func:`publish` takes per file: rows (rendered in the file's schema) or the file's bytes.
FileContent = Sequence[Mapping[str, str]] | bytes


@dataclass(frozen=True)
class VersionInfo:
    id: str
    path: Path
    created: str
    base: str | None
    files: tuple[tuple[str, int], ...]  # (name, data rows)
    current: bool


def _pause(phase: str) -> None:
    wanted = os.environ.get(PAUSE_ENV, "")
    if wanted.startswith(phase + ":"):
        time.sleep(float(wanted.split(":", 1)[1]))


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(path, 0o444)


def _check_id(data_dir: Path, version_id: str) -> str:
    if not _ID.fullmatch(version_id):
        raise ReferenceDataError(str(data_dir / CURRENT), f"{version_id!r} is not a version id (letters, digits, . _ -)")
    return version_id


def current(data_dir: Path | str) -> str | None:
    """The id ``CURRENT`` names, or ``None`` when the directory is not versioned."""
    path = Path(data_dir) / CURRENT
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    version_id = _check_id(Path(data_dir), text)
    if not (Path(data_dir) / VERSIONS / version_id).is_dir():
        raise ReferenceDataError(str(path), f"names version {version_id!r}, which is not in {VERSIONS}/")
    return version_id


def resolve(data_dir: Path | str) -> Path:
    """The directory the store should load: the current version, or ``data_dir`` itself when unversioned."""
    data_dir = Path(data_dir)
    version_id = current(data_dir)
    if version_id is not None:
        return data_dir / VERSIONS / version_id
    versions = data_dir / VERSIONS
    if versions.is_dir() and any(p.is_dir() for p in versions.iterdir()):
        raise ReferenceDataError(str(data_dir / CURRENT), "is missing although versions exist: choose one with 'tradecheck data use VERSION'")
    return data_dir


def is_versioned(data_dir: Path | str) -> bool:
    return (Path(data_dir) / CURRENT).exists() or (Path(data_dir) / VERSIONS).is_dir()


def manifest(version_dir: Path) -> dict[str, Any]:
    path = version_dir / MANIFEST
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReferenceDataError(str(path), "file is missing") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReferenceDataError(str(path), f"not valid UTF-8 JSON: {exc}") from None
    if not isinstance(document, dict) or not isinstance(document.get("files"), list):
        raise ReferenceDataError(str(path), "expected an object with a 'files' list")
    return document


def list_versions(data_dir: Path | str) -> list[VersionInfo]:
    """Every complete version, oldest first."""
    data_dir = Path(data_dir)
    root = data_dir / VERSIONS
    if not root.is_dir():
        return []
    selected = current(data_dir)
    found = []
    for path in root.iterdir():
        if not path.is_dir() or path.name.startswith(".") or not (path / MANIFEST).exists():
            continue
        document = manifest(path)
        found.append(
            VersionInfo(
                id=path.name,
                path=path,
                created=str(document.get("created", "")),
                base=document.get("base_version"),
                files=tuple((str(f.get("name")), int(f.get("rows") or 0)) for f in document["files"]),
                current=path.name == selected,
            )
        )
    return sorted(found, key=lambda v: (v.created, v.id))


def verify(version_dir: Path, rows: bool = True) -> dict[str, int]:
    """Check every file MANIFEST.json lists (sha256) and, with ``rows``, every row of each known file
    and the row counts; returns the rows per file checked."""
    document = manifest(version_dir)
    counts: dict[str, int] = {}
    for entry in document["files"]:
        path = version_dir / str(entry.get("name"))
        data = read_verified(path, entry.get("sha256"))
        found = file_schema(path.name)
        if found is not None and rows:
            count = len(schema.parse(path, data, found))
            if count != entry.get("rows"):
                raise ReferenceDataError(str(path), f"has {count} data rows, {MANIFEST} says {entry.get('rows')}")
            counts[path.name] = count
    return counts


@contextlib.contextmanager
def _locked(data_dir: Path) -> Iterator[None]:
    data_dir.mkdir(parents=True, exist_ok=True)
    with open(data_dir / LOCK, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _switch(data_dir: Path, version_id: str) -> None:
    temporary = data_dir / f".{CURRENT}.{uuid.uuid4().hex}"
    try:
        with open(temporary, "wb") as handle:
            handle.write(version_id.encode("utf-8") + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, data_dir / CURRENT)
    finally:
        temporary.unlink(missing_ok=True)
    _fsync_dir(data_dir)


def select(data_dir: Path | str, version_id: str) -> Path:
    """Make ``version_id`` current after verifying it; returns its directory."""
    data_dir = Path(data_dir)
    _check_id(data_dir, version_id)
    path = data_dir / VERSIONS / version_id
    if not (path / MANIFEST).exists():
        known = ", ".join(v.id for v in list_versions(data_dir)) or "none"
        raise ReferenceDataError(str(path), f"no such version (available: {known})")
    verify(path)
    with _locked(data_dir):
        _switch(data_dir, version_id)
    return path


def _new_id(data_dir: Path, now: datetime) -> str:
    stem = now.strftime("%Y.%m.%d")
    taken = [p.name for p in (data_dir / VERSIONS).glob(f"{stem}-*")]
    numbers = [int(n.rsplit("-", 1)[1]) for n in taken if n.rsplit("-", 1)[1].isdigit()]
    return f"{stem}-{max(numbers, default=0) + 1}"


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
        os.chmod(target, 0o444)


def _render(name: str, content: FileContent, base: Path | None) -> bytes:
    if isinstance(content, bytes):
        return content
    found = file_schema(name)
    if found is None:
        raise ReferenceDataError(name, "has no known schema; give its bytes instead of rows")
    header = Table.read(base / name).header if base is not None and (base / name).exists() else found.header
    return Table(name, header, [dict(r) for r in content]).to_bytes()


def _stage(
    staging: Path,
    files: Mapping[str, FileContent],
    base_dir: Path | None,
    document: dict[str, Any],
) -> None:
    """Write the version's files into ``staging`` (new files, files carried from the base, MANIFEST last)."""
    entries: dict[str, dict[str, Any]] = {}
    base_entries = {str(e["name"]): e for e in (manifest(base_dir)["files"] if base_dir else [])}
    for name, content in files.items():
        if "/" in name or name.startswith(".") or name == MANIFEST:
            raise ReferenceDataError(name, "is not a data file name")
        data = _render(name, content, base_dir)
        found = file_schema(name)
        rows = len(schema.parse(staging / name, data, found)) if found is not None else None
        _write(staging / name, data)
        _pause("writing")
        if name != PROVENANCE:
            entries[name] = {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "rows": rows}
    for name, entry in base_entries.items():
        if name in files:
            continue
        source = base_dir / name  # type: ignore[operator]
        if hashlib.sha256(source.read_bytes()).hexdigest() != entry.get("sha256"):
            raise ReferenceDataError(str(source), "does not match its version's MANIFEST.json: the base version was changed")
        _link_or_copy(source, staging / name)
        entries[name] = dict(entry)
    if base_dir is not None and PROVENANCE not in files and (base_dir / PROVENANCE).exists():
        _link_or_copy(base_dir / PROVENANCE, staging / PROVENANCE)
    order = list(base_entries) + [n for n in entries if n not in base_entries]
    document["files"] = [entries[n] for n in order if n in entries]
    _write(staging / MANIFEST, (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    _fsync_dir(staging)


def _clean_staging(data_dir: Path) -> None:
    for leftover in (data_dir / STAGING).glob("*"):  # only called under the lock: nobody else is writing
        shutil.rmtree(leftover, ignore_errors=True)


def publish(
    data_dir: Path | str,
    rows_by_file: Mapping[str, FileContent],
    base_version: str | None,
    *,
    built_by: str = "tradecheck data",
    sources: Sequence[Mapping[str, str]] = (),
    provenance: Sequence[Mapping[str, Any]] = (),
    version_id: str | None = None,
) -> str:
    """Write a new version from ``base_version`` with the files given replaced or added; make it current.

    ``rows_by_file`` maps a file name to its complete new content (rows in the file's schema, or
    bytes). Files of the base that are not given are carried over unchanged. ``sources`` are added
    to the manifest's ``sources`` (by ``id``), ``provenance`` entries to ``provenance.json``. Raises
    :class:`ReferenceDataError` when the base is no longer current (another update went first) or
    a file does not validate; the data directory is then as it was.
    """
    data_dir = Path(data_dir)
    with _locked(data_dir):
        selected = current(data_dir)
        if selected != base_version:
            raise ReferenceDataError(
                str(data_dir / CURRENT), f"the current version is {selected!r}, not {base_version!r}: another update went first; run it again"
            )
        base_dir = data_dir / VERSIONS / base_version if base_version else None
        base_doc = manifest(base_dir) if base_dir else {}
        _clean_staging(data_dir)
        now = datetime.now(UTC)
        new_id = _check_id(data_dir, version_id) if version_id else _new_id(data_dir, now)
        if (data_dir / VERSIONS / new_id).exists():
            raise ReferenceDataError(str(data_dir / VERSIONS / new_id), "this version exists already")
        document = {k: v for k, v in base_doc.items() if k not in ("files", "version", "created", "base_version", "built_by")}
        known = {s.get("id") for s in document.get("sources", [])}
        document["sources"] = list(document.get("sources", [])) + [dict(s) for s in sources if s.get("id") not in known]
        document = {"version": new_id, "created": now.isoformat(timespec="seconds"), "base_version": base_version,
                    "built_by": built_by, **document}
        files = dict(rows_by_file)
        if provenance:
            before = json.loads((base_dir / PROVENANCE).read_text(encoding="utf-8")) if base_dir and (base_dir / PROVENANCE).exists() else []
            added = [{"version": new_id, **p} for p in provenance]
            files[PROVENANCE] = (json.dumps(before + added, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
        staging = data_dir / STAGING / uuid.uuid4().hex
        staging.mkdir(parents=True)
        try:
            _stage(staging, files, base_dir, document)
            _pause("staged")
            (data_dir / VERSIONS).mkdir(exist_ok=True)
            os.rename(staging, data_dir / VERSIONS / new_id)
            _fsync_dir(data_dir / VERSIONS)
            _pause("renamed")
            _switch(data_dir, new_id)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return new_id


def seed(data_dir: Path | str, source_dir: Path | str) -> str:
    """Make an empty ``data_dir`` versioned, with ``source_dir``'s data (checked) as its first version."""
    data_dir, source_dir = Path(data_dir), Path(source_dir)
    if data_dir.exists() and any(p.name != LOCK for p in data_dir.iterdir()):
        raise ReferenceDataError(str(data_dir), "is not empty and not a versioned data directory")
    verify(source_dir, rows=False)  # copied byte for byte: the checksums say it is the data they describe
    document = manifest(source_dir)
    version_id = _check_id(data_dir, str(document.get("version", "")))
    files: dict[str, FileContent] = {str(e["name"]): (source_dir / str(e["name"])).read_bytes() for e in document["files"]}
    with _locked(data_dir):
        staging = data_dir / STAGING / uuid.uuid4().hex
        staging.mkdir(parents=True)
        try:
            for name, data in files.items():
                _write(staging / name, data)  # type: ignore[arg-type]
            _write(staging / MANIFEST, (source_dir / MANIFEST).read_bytes())
            _fsync_dir(staging)
            (data_dir / VERSIONS).mkdir(exist_ok=True)
            os.rename(staging, data_dir / VERSIONS / version_id)
            _fsync_dir(data_dir / VERSIONS)
            _switch(data_dir, version_id)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return version_id
