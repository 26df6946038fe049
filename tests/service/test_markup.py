"""Markdown and HTML read as prose, with every prose offset mapped back into the source."""

from __future__ import annotations

import re
import time
from datetime import date
from pathlib import Path

import pytest

from service.extract import extract
from service.extract.markup import Prose, front_matter, front_matter_date, to_prose
from service.extract.markup.html import shadow

DRAFTS = Path(__file__).parent / "drafts"


def words(prose: Prose) -> list[str]:
    return prose.text.split()


def assert_maps_back(source: str, prose: Prose, word: str) -> None:
    """Each occurrence of ``word`` in the prose points at the same word in the source."""
    found = [m.start() for m in re.finditer(re.escape(word), prose.text)]
    assert found, f"{word!r} not in the prose: {prose.text!r}"
    for start in found:
        origin = prose.original_offset(start)
        end = prose.original_end(start + len(word))
        assert source[origin:end] == word, (word, source[origin:end])


# --- Markdown --------------------------------------------------------------------------------


def test_front_matter_is_not_prose_but_its_date_is_read() -> None:
    source = "---\ntitle: Trade in 2020\ndate: 2021-03-19\n---\nBody text 5.\n"
    prose = to_prose(source, "markdown")
    assert "2020" not in prose.text and "title" not in prose.text
    assert prose.text.strip() == "Body text 5."
    assert front_matter_date(source) == date(2021, 3, 19)
    assert front_matter("+++\ndate = 2021-03-19\n+++\nx") == "date = 2021-03-19\n"
    assert front_matter_date("+++\ndate = 2021-03-19T10:00:00Z\n+++\nx") == date(2021, 3, 19)
    assert front_matter_date("---\ntitle: x\n---\n") is None
    assert front_matter_date("---\ndate: 2021-02-30\n---\n") is None  # not a date
    assert front_matter_date("no front matter\ndate: 2021-03-19\n") is None


def test_a_dash_line_that_never_closes_is_a_rule_not_front_matter() -> None:
    prose = to_prose("---\nTrade grew 5 percent.\n", "markdown")
    assert prose.text.strip() == "Trade grew 5 percent."


def test_code_is_not_prose() -> None:
    source = (
        "Before 1.\n\n```python\nx = 107  # $110 billion\n```\n\n~~~~\n2020\n~~~~\n\n"
        "    indented 999\n\nAfter `inline 42` and ``a `tick` 43`` done.\n"
    )
    prose = to_prose(source, "markdown")
    for number in ("107", "110", "2020", "999", "42", "43"):
        assert number not in prose.text
    assert "Before 1." in prose.text and "After" in prose.text and "done." in prose.text


def test_an_unclosed_fence_runs_to_the_end() -> None:
    prose = to_prose("Text.\n\n```\ncode 5\nmore 6\n", "markdown")
    assert prose.text.strip() == "Text."


def test_links_keep_their_text_and_lose_their_targets() -> None:
    source = (
        'See [the customs release](https://example.org/2021/107?x=110 "GACC 2020") and '
        "[a reference][ref-2020], <https://example.org/5> or https://example.org/6.\n\n"
        "![chart of 2020](img/chart-2020.png)\n\n[ref-2020]: https://example.org/2020\n"
    )
    prose = to_prose(source, "markdown")
    assert words(prose) == ["See", "the", "customs", "release", "and", "a", "reference,", "or", "."]
    assert_maps_back(source, prose, "customs release")
    assert_maps_back(source, prose, "reference")


def test_headings_lists_quotes_and_emphasis_keep_their_words() -> None:
    source = "# Trade *in* 2020 #\n\n> Quoted **bold** text.\n\n- first item\n- [x] second _item_\n1. third\n"
    prose = to_prose(source, "markdown")
    assert words(prose) == [
        "Trade",
        "in",
        "2020",
        "Quoted",
        "bold",
        "text.",
        "first",
        "item",
        "second",
        "item",
        "third",
    ]
    assert_maps_back(source, prose, "bold")
    assert_maps_back(source, prose, "third")


def test_blocks_are_separated_by_a_blank_line() -> None:
    prose = to_prose("# Heading 2020\nParagraph\n- item one\n- item two\n", "markdown")
    assert re.search(r"Heading 2020\n\s*\n\s*Paragraph", prose.text)
    assert re.search(r"item one\s*\n\s*\n\s*item two", prose.text)


def test_tables_keep_cells_and_lose_pipes_and_rules() -> None:
    source = "| Year | Value |\n|-----:|:------|\n| 2019 | 110.8 |\n| 2020 | a \\| b |\n\nAfter.\n"
    prose = to_prose(source, "markdown")
    assert "|" not in prose.text.replace("a | b", "")
    assert "---" not in prose.text and ":" not in prose.text
    assert words(prose) == ["Year", "Value", "2019", "110.8", "2020", "a", "|", "b", "After."]
    assert re.search(r"Value\s*\n\s*\n\s*2019", prose.text)  # a row is a block
    assert_maps_back(source, prose, "110.8")


def test_entities_are_decoded_and_map_back_to_the_whole_reference() -> None:
    source = "China &amp; Russia traded $107&nbsp;billion &#8364;5 &unknown; x.\n"
    prose = to_prose(source, "markdown")
    assert prose.text.strip() == "China & Russia traded $107\xa0billion €5 &unknown; x."
    amp = prose.text.index("&")
    assert source[prose.original_offset(amp) : prose.original_end(amp + 1)] == "&amp;"
    start = prose.text.index("$107")
    end = start + len("$107\xa0billion")
    assert source[prose.original_offset(start) : prose.original_end(end)] == "$107&nbsp;billion"


def test_html_comments_and_tags_in_markdown() -> None:
    source = "Text <span class='x'>kept</span> here.\n<!-- a comment with 2020\nover lines 110 -->\nAfter.\n"
    prose = to_prose(source, "markdown")
    assert "2020" not in prose.text and "110" not in prose.text and "span" not in prose.text
    assert words(prose) == ["Text", "kept", "here.", "After."]


def test_raw_html_script_blocks_are_dropped() -> None:
    prose = to_prose("Before.\n\n<script>\nvar x = 110;\n</script>\n\nAfter.\n", "markdown")
    assert words(prose) == ["Before.", "After."]


def test_offsets_cover_the_whole_range_and_are_monotonic() -> None:
    source = (DRAFTS / "china-russia.md").read_text(encoding="utf-8")
    prose = to_prose(source, "markdown")
    mapped = [prose.original_offset(i) for i in range(len(prose.text) + 1)]
    assert mapped == sorted(mapped)
    assert all(0 <= m <= len(source) for m in mapped)
    with pytest.raises(IndexError):
        prose.original_offset(len(prose.text) + 1)
    assert prose.segments < len(prose.text) / 4  # the map is compact, not one entry per character


def test_plain_text_is_the_identity() -> None:
    source = "Nothing *changes* here: <b>5</b> &amp; 6.\n"
    prose = to_prose(source, "text")
    assert prose.text == source
    assert all(prose.original_offset(i) == i for i in range(len(source) + 1))
    with pytest.raises(ValueError, match="unknown text format"):
        to_prose(source, "rtf")


# --- HTML ------------------------------------------------------------------------------------


def test_html_text_outside_tags_is_prose() -> None:
    source = (DRAFTS / "china-russia.html").read_text(encoding="utf-8")
    prose = to_prose(source, "html")
    assert "var claimed" not in prose.text and "margin" not in prose.text  # script, style
    assert "total = 110" not in prose.text  # pre/code
    assert "Trade in 2020" not in prose.text  # the head, title included
    assert "example.org" not in prose.text and "href" not in prose.text
    assert "China & Russia" in prose.text
    assert_maps_back(source, prose, "Bilateral trade between China and Russia exceeded")
    assert_maps_back(source, prose, "customs")


def test_html_blocks_and_cells_do_not_run_together() -> None:
    prose = to_prose("<h1>Title 2020</h1><p>One.</p><p>Two</p><table><tr><td>a</td><td>b</td></tr></table>", "html")
    assert re.search(r"Title 2020\n\n+One\.\n\n+Two\n\n+\s*a\s+b", prose.text), prose.text


def test_broken_html_still_reads() -> None:
    source = "<div><p>Open <b>bold <i>italic</p> tail &amp; more <p>last 5 <!-- unclosed comment 110"
    prose = to_prose(source, "html")
    assert "110" not in prose.text and "unclosed" not in prose.text
    assert ["Open", "bold", "italic", "tail", "&", "more", "last", "5"] == words(prose)


def test_a_head_left_open_ends_at_the_body() -> None:
    prose = to_prose("<html><head><title>T 1</title><body><p>Body 2.</p>", "html")
    assert words(prose) == ["Body", "2."]


def test_the_shadow_keeps_length_and_line_breaks() -> None:
    source = "a <!-- x\ny --> b <![CDATA[ 5 ]]> &amp; <c d='>'> e < f"
    text, hidden = shadow(source)
    assert len(text) == len(source)
    assert [i for i, ch in enumerate(text) if ch == "\n"] == [i for i, ch in enumerate(source) if ch == "\n"]
    assert "&" not in text and text.endswith("e   f")  # no < after the last >
    assert [source[a:b] for a, b in hidden] == ["<!-- x\ny -->", "<![CDATA[ 5 ]]>"]


# --- claims found in markup point into the file as written ----------------------------------------


@pytest.mark.parametrize("name", ["china-russia.md", "china-russia.html", "kina-russland.md"])
def test_claims_point_into_the_original(name: str) -> None:
    source = (DRAFTS / name).read_text(encoding="utf-8")
    text_format = "html" if name.endswith(".html") else "markdown"
    found = extract(source, "auto", date(2021, 3, 19), text_format)
    assert found.claims
    for claim in found.claims:
        assert source[claim.start : claim.end] == claim.text
        assert claim.text[:1].isalnum() or claim.text[:1] in "$€"
        assert claim.sentence_start is not None and claim.sentence_start <= claim.start
    texts = [c.text for c in found.claims]
    assert not any("107_760" in t or "4999" in t or "total" in t for t in texts)


# --- linear time on hostile input -------------------------------------------------------------

N = 200_000
HOSTILE = {
    "nested tags": "<div>" * (N // 5) + "</div>" * (N // 5),
    "unclosed comments": "<!--" * (N // 4),
    "comments and gt": "<!-- >" * (N // 6),
    "lone lt": "<" * N,
    "ampersands": "&#" * (N // 2) + ";",
    "cdata": "<![CDATA[" * (N // 9) + ">",
    "unclosed attribute": '<a b="' + "x" * N + ">",
    "brackets": "[" * N,
    "link openers": "[a](b " * (N // 6),
    "nested images": "![" * (N // 4) + "](x)" * (N // 8),
    "backtick runs": "".join("`" * (i % 7 + 1) + "x" for i in range(N // 5)),
    "emphasis": "*a_" * (N // 3),
    "spaces then text": "# " + " " * N + "x",
    "one long line": "word " * (N // 5),
    "pipes": ("|" * 100 + "\n") * (N // 101),
    "quotes": ">" * N,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
@pytest.mark.parametrize("text_format", ["markdown", "html"])
def test_hostile_input_is_read_in_linear_time(name: str, text_format: str) -> None:
    small, large = HOSTILE[name][: len(HOSTILE[name]) // 4], HOSTILE[name]

    def best_of_three(text: str) -> float:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            to_prose(text, text_format)
            times.append(time.perf_counter() - started)
        return min(times)

    small_time, large_time = best_of_three(small), best_of_three(large)
    prose = to_prose(large, text_format)
    prose.original_offset(len(prose.text))
    # four times the input: linear is ~4x; quadratic would be ~16x. Generous for a shared machine.
    assert large_time < max(0.25, 10 * small_time), (name, small_time, large_time)
