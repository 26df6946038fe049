"""The format for people: each checked claim in its sentence, underlined, with the verdict.

::

    draft.md:9:42  contradicted  trade-value  "exceeded $110 billion"
        Bilateral trade between China and Russia exceeded $110 billion in 2020.
                                                 ^~~~~~~~~~~~~~~~~~~~~
        <the verdict's explanation>
        107.76 bn USD  2020  China GACC (General Administration of Customs)  https://...

Claims no checker covers (``not_checked``) and suppressed claims are counted in the closing
summary only. Colour (``--color``) marks the label and the underline.
"""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Callable

from checkers import Label, Reference

from .findings import CheckedDraft, Located, Renderer, Tally, summary_line

#: ANSI colours per label.
COLORS: dict[Label, str] = {
    Label.SUPPORTED: "32",  # green
    Label.CONTRADICTED: "1;31",  # bold red
    Label.DISPUTED: "35",  # magenta
    Label.UNVERIFIABLE: "33",  # yellow
    Label.NOT_CHECKED: "2",  # dim
    Label.ERROR: "1;31",
}
DIM = "2"
INDENT = "    "
#: Around the claim, at most this many characters of its sentence are shown on each side.
CONTEXT = 70
#: Explanations are wrapped to this many columns.
WIDTH = 100


class TextRenderer(Renderer):
    def draft(self, checked: CheckedDraft) -> str:
        paint = painter(self.options.color)
        blocks = [
            claim_block(checked, item, paint)
            for item in checked.located
            if item.claim.verdict.label is not Label.NOT_CHECKED and not item.suppressed
        ]
        return "".join("\n".join(block) + "\n\n" for block in blocks)

    def finish(self, tally: Tally) -> str:
        return summary_line(tally) + "\n"


def claim_block(checked: CheckedDraft, item: Located, paint: Callable[[str, str], str]) -> list[str]:
    claim, verdict = item.claim, item.claim.verdict
    color = COLORS.get(verdict.label, "")
    quoted = '"' + " ".join(claim.text.split()) + '"'
    location = paint(f"{checked.path}:{item.line}:{item.column}", DIM)
    block = [f"{location}  {paint(verdict.label.value, color)}  {verdict.checker}  {quoted}"]
    shown, underline = sentence_with_underline(checked.text, claim.start, claim.end, _sentence(checked, item))
    if shown.strip():
        block.append(INDENT + shown)
        block.append(INDENT + paint(underline, color))
    if verdict.explanation:
        block.extend(textwrap.wrap(verdict.explanation, WIDTH, initial_indent=INDENT, subsequent_indent=INDENT))
    block.extend(INDENT + reference_line(ref) for ref in verdict.references)
    return block


def _sentence(checked: CheckedDraft, item: Located) -> tuple[int, int]:
    claim = item.claim
    if claim.sentence_start is not None and claim.sentence_end is not None:
        return min(claim.sentence_start, claim.start), max(claim.sentence_end, claim.end)
    start, _ = checked.lines.line_span(item.line, len(checked.text))
    _, end = checked.lines.line_span(item.end_line, len(checked.text))
    return start, end


def sentence_with_underline(text: str, start: int, end: int, sentence: tuple[int, int]) -> tuple[str, str]:
    """The sentence on one line (cut to ``CONTEXT`` characters each side of the claim) and the
    ``^~~~`` line under the claim, aligned by display width (wide characters take two columns)."""
    first, last = sentence
    left = max(first, start - CONTEXT)
    right = min(last, end + CONTEXT)
    if left > first:  # cut between words
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if right < last:
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    before, claim, after = text[left:start], text[start:end], text[end:right]
    before = ("…" if left > first else "") + _flat(before)
    after = _flat(after) + ("…" if right < last else "")
    claim = _flat(claim)
    width = max(1, display_width(claim))
    return before + claim + after, " " * display_width(before) + "^" + "~" * (width - 1)


def _flat(text: str) -> str:
    """Line breaks and tabs as spaces, one for one, so the underline stays aligned."""
    return "".join(" " if ch in "\t\r\n\v\f" else ch for ch in text)


def display_width(text: str) -> int:
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def reference_line(ref: Reference) -> str:
    parts = [format_value(ref.value, ref.unit)]
    if ref.period:
        parts.append(ref.period)
    parts.append(ref.source)
    if ref.url:
        parts.append(ref.url)
    if ref.supports is False:
        parts.append("(does not match the claim)")
    return "  ".join(parts)


def format_value(value: float, unit: str) -> str:
    """``107.76 bn USD`` for money, ``rank 1`` for ranks, ``11 year`` otherwise."""
    if unit == "rank":  # the claimed partner's place in that ranking; 0: not among those ranked
        return f"rank {value:g}" if value else "not ranked"
    if len(unit) == 3 and unit.isalpha() and unit.isupper():
        for scale, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
            if abs(value) >= scale:
                return f"{value / scale:.6g} {word} {unit}"
    return f"{value:.6g} {unit}"


def painter(color: bool) -> Callable[[str, str], str]:
    def paint(text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if color and code else text

    return paint
