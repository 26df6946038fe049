"""The sentences the built-in checkers share, in English and Icelandic.

A verdict's explanation is built from the same parts in every checker: what the claim says,
the deciding figures, the label with its reason, the other sources, why the figures differ,
and whether the claim matched what had been published by the article's date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .. import explain
from ..claim import Qualifier
from ..judgement import Decision, MirrorTolerance
from ..verdict import Interval, Label, Reference

_VERDICT = {
    "en": {
        Label.SUPPORTED: "This supports the claim",
        Label.CONTRADICTED: "This contradicts the claim",
        Label.DISPUTED: "The sources disagree about the claim",
    },
    "is": {
        Label.SUPPORTED: "Þetta styður fullyrðinguna",
        Label.CONTRADICTED: "Þetta hrekur fullyrðinguna",
        Label.DISPUTED: "Heimildum ber ekki saman um fullyrðinguna",
    },
}

_REASONS = {
    "en": {
        "named_source": "the source the claim names decides",
        "named_source_missing": "the claim names a source that the reference data has no figure from",
        "single_source": "the reference data holds no other reporting side's figures for it",
        "sides_agree": "the figures of every reporting side agree on it",
        "mirror_gap": "one country's own statistics support it, and the other's differ by no more than mirror statistics usually do",
        "own_statistics": "the claim describes that country's own trade and its own statistics support it; the partner's mirror figures differ, as mirror statistics do",
        "standing_disagree": "figures for the same country from sources of different standing (a customs release, a compilation, a press report) disagree about it",
        "revised": "a release and its revision by the same office disagree about it",
        "same_reporter_disagree": "two sources of the same standing for the same country disagree about it",
        "sides_disagree": "the two countries' figures are {gap} apart, more than the usual mirror gap of {limit}, and only one supports it",
        "no_data": "the reference data has no figure for it",
    },
    "is": {
        "named_source": "heimildin sem vísað er til ræður",
        "named_source_missing": "vísað er til heimildar sem viðmiðunargögnin hafa engar tölur frá",
        "single_source": "viðmiðunargögnin hafa ekki tölur annarra aðila um þetta",
        "sides_agree": "tölum allra ríkjanna sem gefa þær upp ber saman",
        "mirror_gap": "tölur annars ríkisins styðja hana og tölur hins víkja ekki meira frá þeim en venja er í speglatölum",
        "own_statistics": "fullyrðingin lýsir viðskiptum ríkisins sjálfs og eigin hagtölur þess styðja hana; speglatölur viðskiptalandsins víkja frá þeim eins og speglatölur gera",
        "standing_disagree": "tölur um sama ríki frá heimildum af ólíku tagi (tollskýrslur, samantektir, fréttir) eru ekki sammála um hana",
        "revised": "útgáfa og endurskoðuð útgáfa sömu stofnunar eru ekki sammála um hana",
        "same_reporter_disagree": "tvær jafngildar heimildir um sama ríki eru ekki sammála um hana",
        "sides_disagree": "tölur ríkjanna tveggja víkja {gap} hvor frá annarri, meira en venjulegur munur speglatalna ({limit}), og aðeins önnur styður hana",
        "no_data": "viðmiðunargögnin hafa enga tölu um þetta",
    },
}

_RULES_IS = {
    Qualifier.EXACT: "talan eins og hún er skrifuð, að námundun meðtalinni",
    Qualifier.OVER: "„yfir“: hærra en talan",
    Qualifier.JUST_OVER: "„rúmlega“: allt að 5% yfir tölunni",
    Qualifier.UNDER: "„undir“: lægra en talan",
    Qualifier.JUST_UNDER: "„tæplega“: allt að 5% undir tölunni",
    Qualifier.NEARLY: "„næstum“: allt að 5% undir tölunni",
    Qualifier.ABOUT: "„um“: innan 5% frá tölunni eða nákvæmni hennar, hvort sem er rýmra",
    Qualifier.AT_LEAST: "„að minnsta kosti“: talan eða hærra",
    Qualifier.UP_TO: "„allt að“: talan eða lægra",
    Qualifier.RANGE: "bilið eins og það er skrifað",
}


def rule(interval: Interval, qualifier: Qualifier, lang: str) -> str:
    """How the written number became the interval, in the article's language."""
    if lang == "is":
        return _RULES_IS[qualifier]
    return interval.rule


def verdict(decision: Decision, lang: str, tolerance: MirrorTolerance | None = None) -> str:
    """'This supports the claim: the source the claim names decides.'"""
    template = _REASONS[lang].get(decision.reason, decision.reason)
    if decision.reason == "sides_disagree" and tolerance is not None and decision.widest_gap is not None:
        template = template.format(
            gap=explain.percent(decision.widest_gap, lang, signed=False),
            limit=explain.percent(tolerance.limit, lang, signed=False),
        )
    head = _VERDICT[lang].get(decision.label)
    if head is None:
        return explain.capitalised(template) + "."
    return f"{head}: {template}."


def others(lines: Sequence[str], lang: str) -> str:
    if not lines:
        return ""
    return ("Aðrar heimildir: " if lang == "is" else "Other sources: ") + "; ".join(lines) + "."


def _revisions(refs: Sequence[Reference], lang: str) -> list[str]:
    found = []
    for source in dict.fromkeys(r.source for r in refs):
        releases = sorted((r for r in refs if r.source == source and r.published), key=lambda r: r.published)  # type: ignore[arg-type, return-value]
        if len(releases) >= 2 and releases[0].value != releases[-1].value:
            first = explain.amount(releases[0].value, releases[0].unit, lang, case="þgf")
            last = explain.amount(releases[-1].value, releases[-1].unit, lang, case="þf")
            if lang == "is":
                found.append(f"{source} endurskoðaði töluna úr {first} í {last}")
            else:
                found.append(f"{source} revised its figure from {first} to {last}")
    return found


def differences(refs: Sequence[Reference], lang: str, valuations: Sequence[str | None] = ()) -> str:
    """Why the figures differ: mirror statistics, fob vs cif, rounding, revision, compilation."""
    if len(refs) < 2 or len({r.value for r in refs}) < 2:
        return ""
    is_ = lang == "is"
    why: list[str] = []
    if len({r.reporter for r in refs}) > 1:
        why.append(
            "hvort ríki skráir sömu viðskipti í eigin hagtölum (speglatölur: tímasetning, upprunaland, endurútflutningur)"
            if is_ else
            "each country records the same trade in its own statistics (mirror statistics: timing, country of origin, re-exports)"
        )
    if {"fob", "cif"} <= set(valuations):
        why.append(
            "útflutningur er metinn fob en innflutningur cif, með flutningskostnaði og tryggingu"
            if is_ else "exports are valued fob and imports cif, which adds freight and insurance"
        )
    why += _revisions(refs, lang)
    rounded = sorted({r.source for r in refs if r.precision == "rounded"})
    if rounded:
        joined = explain.listing(rounded, lang)
        why.append(f"{joined} gefur námundaða tölu" if is_ else f"{joined} gives a rounded figure")
    sides = {r.reporter for r in refs}
    if any(len({r.standing for r in refs if r.reporter == s}) > 1 for s in sides):
        why.append(
            "samantektir (IMF DOTS, CIA World Factbook) kunna að byggja á annarri útgáfu sömu hagtalna"
            if is_ else "compilations (IMF DOTS, the CIA World Factbook) may rest on another release of the same statistics"
        )
    if not why:
        return ""
    return ("Munurinn skýrist af því að " if is_ else "They differ because ") + explain.listing(why, lang) + "."


def by_date(decision: Decision, refs: Sequence[Reference], published: date | None, lang: str) -> str:
    """Whether the claim matched what had been published by the article's date, and whether
    the sources that supported it then have since revised their figures."""
    if published is None or not refs:
        return ""
    when = explain.day(published, lang)
    later = [r for r in refs if r.published and r.published > published]
    then = [r for r in refs if r.published is None or r.published <= published]
    supported_then = {r.source for r in then if r.supports}
    revised = [r for r in later if r.source in supported_then and r.supports is False]
    if decision.matched_by_date is True:
        if revised:
            return (f"Fullyrðingin samræmdist tölum sem birtar höfðu verið þegar greinin birtist ({when}); "
                    f"síðar endurskoðaðar tölur sömu heimildar gera það ekki."
                    if lang == "is" else
                    f"The claim matched the figures published by the article's date ({when}); "
                    f"the same source's later revision does not.")
        return (f"Fullyrðingin samræmdist tölum sem birtar höfðu verið þegar greinin birtist ({when})."
                if lang == "is" else f"The claim matched the figures published by the article's date ({when}).")
    if decision.matched_by_date is False:
        if any(r.supports for r in later):
            return (f"Tölur sem birtar höfðu verið þegar greinin birtist ({when}) styðja hana ekki, en síðar birtar tölur gera það."
                    if lang == "is" else
                    f"The figures published by the article's date ({when}) do not support it; figures published later do.")
        return (f"Tölur sem birtar höfðu verið þegar greinin birtist ({when}) styðja hana ekki heldur."
                if lang == "is" else f"The figures published by the article's date ({when}) did not support it either.")
    if later and len(later) == len([r for r in refs if r.published]):
        return (f"Allar tölurnar voru birtar eftir að greinin birtist ({when})."
                if lang == "is" else f"Every figure was published after the article ({when}).")
    return ""


def paragraph(*parts: str) -> str:
    """Join the non-empty sentences of an explanation."""
    return " ".join(p.strip() for p in parts if p and p.strip())
