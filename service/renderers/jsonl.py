"""The API's documents: ``json`` and ``jsonl``.

``json`` for one draft is exactly the body ``POST /v1/check`` answers. For several drafts it is a
JSON array of those documents, each with a ``path`` member first, so a reader knows which file
each belongs to. ``jsonl`` writes one such document per line, always with ``path``.

Every claim is there as the API returns it, suppressed or not: suppression comments change
what the linter formats report and the exit code, not the record of what was found.
"""

from __future__ import annotations

import json

from ..report import Report
from .findings import CheckedDraft, Renderer, RenderOptions, Tally


def render_json(report: Report) -> str:
    """Exactly the body of ``POST /v1/check``: the API and the CLI share this serializer."""
    return report.model_dump_json()


def with_path(path: str, document: str) -> str:
    """``{"path": ..., <the document's members>}`` without parsing the document again."""
    assert document.startswith("{")
    rest = document[1:]
    return '{"path":' + json.dumps(path, ensure_ascii=False) + ("," if rest != "}" else "") + rest


class JsonRenderer(Renderer):
    def __init__(self, options: RenderOptions) -> None:
        super().__init__(options)
        self._count = 0

    def start(self) -> str:
        return "[" if self.options.several else ""

    def draft(self, checked: CheckedDraft) -> str:
        document = render_json(checked.report)
        if not self.options.several:
            return document + "\n"
        self._count += 1
        return ("\n" if self._count == 1 else ",\n") + with_path(checked.path, document)

    def finish(self, tally: Tally) -> str:
        if not self.options.several:
            return ""
        return "\n]\n" if self._count else "]\n"


class JsonLinesRenderer(Renderer):
    def draft(self, checked: CheckedDraft) -> str:
        return with_path(checked.path, render_json(checked.report)) + "\n"
