"""JUnit XML, the test report format CI servers show: a test suite per draft, a test case per claim.

A claim that is a finding fails its test case (``<failure type="contradicted">``); a claim whose
checker failed is an ``<error>``; claims no checker covers, and suppressed claims, are
``<skipped/>``; supported claims pass. The document follows the Apache Ant JUnit schema, the
strictest of the common ones: every suite has ``properties``, ``system-out`` and ``system-err``.
"""

from __future__ import annotations

import re
import socket
from datetime import UTC, datetime
from xml.sax.saxutils import escape, quoteattr

from checkers import Label

from .findings import CheckedDraft, Located, Renderer, RenderOptions, Tally, one_line
from .line import finding_message
from .text import reference_line

#: Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    return escape(_NOT_XML.sub("\ufffd", text))


def xml_attr(text: str) -> str:
    return quoteattr(_NOT_XML.sub("\ufffd", text), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


class JunitRenderer(Renderer):
    def __init__(self, options: RenderOptions) -> None:
        super().__init__(options)
        self._suites = 0
        self._host = socket.gethostname() or "localhost"

    def start(self) -> str:
        return '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n'

    def draft(self, checked: CheckedDraft) -> str:
        cases = [self._case(checked, item) for item in checked.located]
        failures = sum(1 for item in checked.located if _outcome(item) == "failure")
        errors = sum(1 for item in checked.located if _outcome(item) == "error")
        skipped = sum(1 for item in checked.located if _outcome(item) == "skipped")
        report = checked.report
        properties = [
            ("language", report.language),
            ("published", report.published.isoformat() if report.published else ""),
            ("published_source", report.published_source),
            ("reference_data_version", report.reference_data_version),
        ]
        timestamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S")
        head = (
            f'  <testsuite package="tradecheck" id="{self._suites}" name={xml_attr(checked.path or "-")}'
            f' timestamp="{timestamp}" hostname={xml_attr(self._host)} tests="{len(cases)}"'
            f' failures="{failures}" errors="{errors}" skipped="{skipped}" time="{checked.elapsed:.3f}">\n'
        )
        self._suites += 1
        props = "".join(f"      <property name={xml_attr(k)} value={xml_attr(v)}/>\n" for k, v in properties)
        return (
            head
            + f"    <properties>\n{props}    </properties>\n"
            + "".join(cases)
            + "    <system-out></system-out>\n    <system-err></system-err>\n  </testsuite>\n"
        )

    def _case(self, checked: CheckedDraft, item: Located) -> str:
        verdict = item.claim.verdict
        name = f"{item.line}:{item.column} {verdict.label.value} {one_line(item.claim.text)}"
        open_tag = f'    <testcase name={xml_attr(name)} classname={xml_attr(checked.path or "-")} time="0"'
        outcome = _outcome(item)
        if outcome == "pass":
            return open_tag + "/>\n"
        if outcome == "skipped":
            return open_tag + "><skipped/></testcase>\n"
        body = "\n".join([verdict.explanation, *(reference_line(ref) for ref in verdict.references)])
        element = (
            f"<{outcome} message={xml_attr(finding_message(item))} type={xml_attr(verdict.label.value)}>"
            f"{xml_text(body)}</{outcome}>"
        )
        return f"{open_tag}>{element}</testcase>\n"

    def finish(self, tally: Tally) -> str:
        return "</testsuites>\n"


def _outcome(item: Located) -> str:
    label = item.claim.verdict.label
    if item.suppressed or label is Label.NOT_CHECKED:
        return "skipped"
    if label is Label.ERROR:
        return "error"
    return "failure" if item.is_finding else "pass"
