"""SARIF 2.1.0, the format code-scanning services read (GitHub code scanning among them).

One run; one rule per checker, whose id is the checker's name (``trade-value``), so rule ids
stay the same from release to release; ``helpUri`` where the checker's distribution or the
project config names a documentation page. One result per finding, with the claim's region
(columns count code points: ``columnKind`` says so), ``partialFingerprints`` that follow the
claim when lines move, the verdict in ``properties``, and ``suppressions`` for claims silenced
in the source, which code scanning then shows as dismissed.

The document is written as the drafts come: results first, the tool and its rules (only
known at the end) last; JSON objects have no order, so the document is the same.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from .findings import CheckedDraft, CheckerInfo, Located, Renderer, RenderOptions, Severity, Tally, one_line
from .line import finding_message

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTICE: "note"}
FINGERPRINT = "tradecheckClaim/v1"


def artifact_uri(path: str) -> str:
    """A relative path as a relative URI reference (``drafts/a%20b.md``), an absolute one as file:."""
    if path == "<stdin>":
        return "stdin"
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(path.replace(os.sep, "/"))


def fingerprint(item: Located, text: str) -> str:
    """Stable across line moves: the checker, the claim's words and its sentence's words."""
    claim = item.claim
    sentence = ""
    if claim.sentence_start is not None and claim.sentence_end is not None:
        sentence = one_line(text[claim.sentence_start : claim.sentence_end])
    key = "\x1f".join([claim.verdict.checker, one_line(claim.text), sentence])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _rule_name(checker: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in checker.replace("_", "-").split("-") if part) or "Checker"


class SarifRenderer(Renderer):
    def __init__(self, options: RenderOptions) -> None:
        super().__init__(options)
        self._rules: dict[str, int] = {}
        self._results = 0

    def start(self) -> str:
        head = {"$schema": SCHEMA_URI, "version": "2.1.0"}
        return json.dumps(head)[:-1] + ', "runs": [{"columnKind": "unicodeCodePoints", "results": ['

    def draft(self, checked: CheckedDraft) -> str:
        chunks = []
        for item in checked.located:
            if item.severity is None:
                continue
            self._results += 1
            prefix = "\n" if self._results == 1 else ",\n"
            chunks.append(prefix + json.dumps(self._result(checked, item), ensure_ascii=False))
        return "".join(chunks)

    def _result(self, checked: CheckedDraft, item: Located) -> dict[str, Any]:
        assert item.severity is not None
        claim, verdict = item.claim, item.claim.verdict
        rule = self._rules.setdefault(verdict.checker, len(self._rules))
        result: dict[str, Any] = {
            "ruleId": verdict.checker,
            "ruleIndex": rule,
            "level": LEVELS[item.severity],
            "message": {"text": finding_message(item)},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": artifact_uri(checked.path)},
                        "region": {
                            "startLine": item.line,
                            "startColumn": item.column,
                            "endLine": item.end_line,
                            "endColumn": item.end_column + 1,  # SARIF's end column is exclusive
                            "snippet": {"text": claim.text},
                        },
                    }
                }
            ],
            "partialFingerprints": {FINGERPRINT: fingerprint(item, checked.text)},
            "properties": {
                "label": verdict.label.value,
                "checkerVersion": verdict.checker_version,
                "referenceDataVersion": verdict.reference_data_version or checked.report.reference_data_version,
                "references": [ref.model_dump(mode="json") for ref in verdict.references],
            },
        }
        if item.suppressed:
            result["suppressions"] = [{"kind": "inSource", "justification": "tradecheck-disable comment in the draft"}]
        return result

    def finish(self, tally: Tally) -> str:
        driver: dict[str, Any] = {"name": "tradecheck", "rules": [self._rule(name) for name in self._rules]}
        if self.options.tool_version:
            driver["version"] = self.options.tool_version
        tail = {"tool": {"driver": driver}, "invocations": [{"executionSuccessful": True}]}
        return ("\n" if self._results else "") + "], " + json.dumps(tail, ensure_ascii=False)[1:] + "]}\n"

    def _rule(self, name: str) -> dict[str, Any]:
        info = self.options.checkers.get(name, CheckerInfo(name))
        rule: dict[str, Any] = {
            "id": name,
            "name": _rule_name(name),
            "shortDescription": {"text": info.description or f"claims checked by the {name} checker"},
            "defaultConfiguration": {"level": "error"},
        }
        if info.help_uri:
            rule["helpUri"] = info.help_uri
        if info.version:
            rule["properties"] = {"checkerVersion": info.version}
        return rule
