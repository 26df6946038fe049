"""One line per finding, as compilers and linters print them::

    drafts/trade.md:9:42: error trade-value: contradicted: "exceeded $110 billion": <explanation>

Only findings (contradicted, disputed, unverifiable, checker failures) that are not suppressed;
no summary, so that the output is exactly the findings.
"""

from __future__ import annotations

from .findings import CheckedDraft, Located, Renderer, one_line


def finding_message(item: Located) -> str:
    """``contradicted: "exceeded $110 billion": <explanation>`` on one line."""
    verdict = item.claim.verdict
    message = f'{verdict.label.value}: "{one_line(item.claim.text)}"'
    return f"{message}: {one_line(verdict.explanation)}" if verdict.explanation.strip() else message


class LineRenderer(Renderer):
    def draft(self, checked: CheckedDraft) -> str:
        lines = []
        for item in checked.findings():
            assert item.severity is not None
            where = f"{checked.path}:{item.line}:{item.column}"
            lines.append(f"{where}: {item.severity.word} {item.claim.verdict.checker}: {finding_message(item)}\n")
        return "".join(lines)
