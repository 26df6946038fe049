"""The renderers in process: severities, the exit threshold, and what each format makes of a label."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

from checkers import Label
from service.pipeline import Pipeline
from service.renderers import (
    RENDERERS,
    CheckedDraft,
    LineIndex,
    RenderOptions,
    Severity,
    Tally,
    fail_threshold,
    format_value,
    severity_of,
    summary_line,
    use_color,
)
from service.renderers.github import escape_data, escape_property
from service.renderers.text import display_width, sentence_with_underline
from service.report import Report
from service.settings import Settings

TEXT = (
    "Bilateral trade between China and Russia exceeded $110 billion in 2020.\n\n"
    "Trade between China and Russia exceeded $107 billion in 2020.\n"
)


@pytest.fixture(scope="module")
def report() -> Report:
    found = Pipeline.load(Settings()).check(TEXT, language="en", published=date(2021, 3, 19))
    assert [c.verdict.label for c in found.claims] == [Label.CONTRADICTED, Label.SUPPORTED]
    return found


def relabel(report: Report, *labels: Label) -> Report:
    """The same claims with other verdict labels: how each format treats each label."""
    claims = [
        claim.model_copy(update={"verdict": claim.verdict.model_copy(update={"label": label})})
        for claim, label in zip(report.claims, labels, strict=True)
    ]
    return report.model_copy(update={"claims": claims})


def render(fmt: str, *drafts: CheckedDraft, **options: object) -> str:
    renderer = RENDERERS[fmt](RenderOptions(several=len(drafts) != 1, **options))  # type: ignore[arg-type]
    tally = Tally()
    out = [renderer.start()]
    for draft in drafts:
        out.append(renderer.draft(draft))
        tally.add(draft)
    out.append(renderer.finish(tally))
    return "".join(out)


def test_severities() -> None:
    assert severity_of(Label.CONTRADICTED) is Severity.ERROR
    assert severity_of(Label.DISPUTED) is Severity.WARNING
    assert severity_of(Label.ERROR) is Severity.WARNING
    assert severity_of(Label.UNVERIFIABLE) is Severity.NOTICE
    assert severity_of(Label.SUPPORTED) is None and severity_of(Label.NOT_CHECKED) is None
    assert [fail_threshold(x) for x in ("error", "warning", "notice", "never")] == [
        Severity.ERROR,
        Severity.WARNING,
        Severity.NOTICE,
        None,
    ]
    with pytest.raises(ValueError):
        fail_threshold("sometimes")


@pytest.mark.parametrize(
    ("labels", "fails"),
    [
        ((Label.SUPPORTED, Label.NOT_CHECKED), (False, False, False, False)),
        ((Label.DISPUTED, Label.SUPPORTED), (False, True, True, False)),
        ((Label.UNVERIFIABLE, Label.SUPPORTED), (False, False, True, False)),
        ((Label.CONTRADICTED, Label.UNVERIFIABLE), (True, True, True, False)),
        ((Label.ERROR, Label.SUPPORTED), (False, True, True, False)),
    ],
)
def test_the_threshold_for_every_label(report: Report, labels: tuple[Label, Label], fails: tuple[bool, ...]) -> None:
    tally = Tally()
    tally.add(CheckedDraft("a.md", TEXT, relabel(report, *labels)))
    levels = ("error", "warning", "notice", "never")
    assert tuple(tally.fails(fail_threshold(level)) for level in levels) == fails


def test_suppressed_findings_never_fail_but_are_counted(report: Report) -> None:
    tally = Tally()
    tally.add(CheckedDraft("a.md", TEXT, report, suppressed=frozenset({0})))
    assert not tally.fails(Severity.NOTICE)
    assert tally.suppressed == 1 and tally.claims == 2
    assert summary_line(tally) == "2 claims: 1 supported, 1 contradicted (1 suppressed)"


def test_disputed_is_a_warning_in_every_lint_format(report: Report) -> None:
    draft = CheckedDraft("a.md", TEXT, relabel(report, Label.DISPUTED, Label.SUPPORTED))
    assert render("line", draft).startswith("a.md:1:42: warning trade-value: disputed: ")
    assert render("github", draft).startswith("::warning file=a.md,line=1,col=42,")
    sarif = json.loads(render("sarif", draft))
    assert [r["level"] for r in sarif["runs"][0]["results"]] == ["warning"]


def test_a_checker_failure_is_a_junit_error(report: Report) -> None:
    draft = CheckedDraft("a.md", TEXT, relabel(report, Label.ERROR, Label.NOT_CHECKED))
    xml = render("junit", draft)
    assert 'errors="1"' in xml and 'failures="0"' in xml and 'skipped="1"' in xml
    assert '<error message="error: ' in xml and "<skipped/>" in xml


def test_text_colour_only_when_asked(report: Report) -> None:
    draft = CheckedDraft("a.md", TEXT, report)
    plain, coloured = render("text", draft), render("text", draft, color=True)
    assert "\x1b[" not in plain and "\x1b[1;31mcontradicted\x1b[0m" in coloured
    assert plain.splitlines()[-1] == "2 claims: 1 supported, 1 contradicted"
    for claim in report.claims:
        assert f'"{claim.text}"' in plain
        assert " ".join(claim.verdict.explanation.split()) in " ".join(plain.split())  # wrapped, word for word
    assert max(len(line) for line in plain.splitlines() if not line.lstrip().startswith(("1", "Bil", "Tra"))) <= 100


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color(_Tty()) and not use_color(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color(_Tty())


def test_underline_aligns_under_wide_characters() -> None:
    text = "中国 and Russia: 1,000 x"
    start = text.index("1,000")
    shown, underline = sentence_with_underline(text, start, start + 5, (0, len(text)))
    assert shown == text
    assert underline == " " * display_width("中国 and Russia: ") + "^~~~~"
    assert display_width("中国") == 4 and display_width("e\u0301") == 1


def test_long_sentences_are_cut_around_the_claim() -> None:
    text = "word " * 100 + "CLAIM" + " more" * 100
    start = text.index("CLAIM")
    shown, underline = sentence_with_underline(text, start, start + 5, (0, len(text)))
    assert shown.startswith("…word") and shown.endswith("more…") and len(shown) < 170
    assert shown[underline.index("^") :].startswith("CLAIM")


def test_github_escaping() -> None:
    assert escape_data("50% off\r\nnext") == "50%25 off%0D%0Anext"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"


def test_json_several_drafts(report: Report) -> None:
    one = CheckedDraft("a.md", TEXT, report)
    assert render("json", one) == report.model_dump_json() + "\n"
    several = json.loads(render("json", one, one))
    assert [d["path"] for d in several] == ["a.md", "a.md"]
    assert json.loads(render("json")) == []
    assert render("jsonl", one).count("\n") == 1


def test_line_index_is_one_based_and_counts_characters() -> None:
    index = LineIndex("ab\nþú 107\n\nx")
    assert index.position(0) == (1, 1)
    assert index.position(2) == (1, 3)  # the newline itself ends line 1
    assert index.position(3) == (2, 1)
    assert index.position(6) == (2, 4)
    assert index.position(10) == (3, 1)
    assert index.position(11) == (4, 1)
    assert index.line_span(2, 12) == (3, 9)
    assert index.line_span(4, 12) == (11, 12)


def test_format_value() -> None:
    assert format_value(107.76e9, "USD") == "107.76 bn USD"
    assert format_value(104_500_000_000, "USD") == "104.5 bn USD"
    assert format_value(231.8e9, "ISK") == "231.8 bn ISK"
    assert format_value(1, "rank") == "rank 1"
    assert format_value(11, "year") == "11 year"
