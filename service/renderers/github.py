"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request::

    ::error file=drafts/trade.md,line=9,col=42,endLine=9,endColumn=62,title=tradecheck trade-value::...

Severities map one to one (error, warning, notice). The message and the properties are escaped
as the runner expects (``%``, CR and LF in both; ``:`` and ``,`` in properties too).
"""

from __future__ import annotations

from .findings import CheckedDraft, Renderer
from .line import finding_message


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubRenderer(Renderer):
    def draft(self, checked: CheckedDraft) -> str:
        lines = []
        path = escape_property(checked.path)
        for item in checked.findings():
            assert item.severity is not None
            properties = ",".join(
                [
                    f"file={path}",
                    f"line={item.line}",
                    f"col={item.column}",
                    f"endLine={item.end_line}",
                    f"endColumn={item.end_column}",
                    "title=" + escape_property(f"tradecheck {item.claim.verdict.checker}"),
                ]
            )
            lines.append(f"::{item.severity.word} {properties}::{escape_data(finding_message(item))}\n")
        return "".join(lines)
