"""Build reference_data/data/ (the trade, rank, share and FX files and MANIFEST.json) from the candidates.

Usage::

    python scripts/build_reference_data.py [CANDIDATES_DIR] [--out DIR] [--version V]

CANDIDATES_DIR is the ``reference-candidates`` folder (default: ``../shared/reference-candidates``
beside the repository). The output is deterministic: the same inputs give the same bytes, and
tests check that the committed files are reproduced. Bump ``DATA_VERSION`` whenever the output
changes. Every row keeps the citation it was read from; the build only reshapes, maps codes and
authorities, converts to base units and, where a row says ``derived``, adds up or averages. One
module of ``scripts/refdata/`` reads each source; rows it leaves out are counted and printed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from refdata.build import build

DATA_VERSION = "2026.11.29-2"
DEFAULT_CANDIDATES = REPO.parent / "shared" / "reference-candidates"
DEFAULT_OUT = REPO / "reference_data" / "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("candidates", nargs="?", type=Path, default=DEFAULT_CANDIDATES)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--version", default=DATA_VERSION)
    args = parser.parse_args(argv)
    counts, skipped = build(args.candidates, args.out, args.version)
    for name, rows in counts.items():
        print(f"{args.out / name}: {rows} rows")
    for reason, count in sorted(skipped.items()):
        print(f"left out: {count:6d}  {reason}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
