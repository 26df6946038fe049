"""Assembling claims from sentence facts: roles, series, details, and the sentence caps."""

from __future__ import annotations

from datetime import date

from checkers import ClaimKind, Flow
from service.extract import extract
from service.extract.facts import CountryMention, Direction, Relation
from service.extract.roles import Context, parties

PUBLISHED = date(2021, 3, 19)


def country(iso3: str, relation: Relation = Relation.NONE, possessive: bool = False) -> CountryMention:
    return CountryMention(0, 1, iso3, possessive, relation)


def test_who_reports_and_who_partners() -> None:
    ctx = Context()
    isl, chn = country("ISL", possessive=True), country("CHN", Relation.TO)
    assert parties([isl, chn], Flow.EXPORT, False, None, ctx) == ("ISL", "CHN")  # útflutningur Íslands til Kína
    assert parties([country("CHN", Relation.FROM), country("ISL", Relation.TO)], Flow.IMPORT, False, None, ctx) == (
        "ISL", "CHN")  # innflutningur frá Kína til Íslands
    assert parties([country("WLD", Relation.WITH), country("ISL")], Flow.BALANCE, False, None, ctx) == ("ISL", "WLD")
    assert parties([country("WLD")], Flow.EXPORT, False, None, ctx) == (None, "WLD")  # the world never reports
    assert parties([country("CHN", Relation.WITH)], Flow.TOTAL, False, None, ctx) == (None, "CHN")


def test_the_two_countries_and_there_reach_back() -> None:
    ctx = Context()
    ctx.remember([country("CHN"), country("RUS")])
    assert sorted(map(str, parties([], Flow.TOTAL, True, None, ctx))) == ["CHN", "RUS"]
    assert parties([country("ISL", possessive=True)], Flow.EXPORT, False, Relation.TO, ctx) == ("ISL", "RUS")
    ctx.remember([country("DEU", possessive=True)])
    assert parties([], Flow.EXPORT, False, Relation.NONE, ctx) == ("DEU", "WLD")  # "the country's exports": to the world


def test_a_change_and_its_level_are_one_series_with_details() -> None:
    text = "Trade between China and Russia fell 2.9% to $107.76 billion in 2020. Exports rose 5% to $3bn in 2019."
    found = extract(text, "en", PUBLISHED)
    assert len(found.details) == len(found.claims) == 4
    growth, level, growth2, level2 = zip(found.claims, found.details)
    assert growth[0].kind is ClaimKind.GROWTH and growth[1].direction is Direction.DECREASE
    assert level[0].kind is ClaimKind.TRADE_VALUE and level[1].direction is None
    assert growth[1].series == level[1].series != growth2[1].series == level2[1].series
    assert (growth[0].period, growth[0].reporter, growth[0].partner) == (
        level[0].period, level[0].reporter, level[0].partner)


def test_details_say_what_claims_cannot_yet() -> None:
    text = "Vöruskiptajöfnuðurinn var óhagstæður um 25 milljarða króna (fob) í janúar 2021, sá mesti síðan 2008."
    (claim,), (detail,) = extract(text, "is", PUBLISHED).claims, extract(text, "is", PUBLISHED).details
    assert claim.kind is ClaimKind.BALANCE
    assert (detail.direction, detail.valuation, detail.comparison, detail.since) == (
        Direction.DEFICIT, "fob", "highest_since", 2008)


def test_overlong_sentences_and_runs_are_read_in_pieces() -> None:
    filler = "og " * 2000
    text = f"Útflutningur til Kína nam 5 milljörðum króna árið 2020 {filler} {'9' * 5000} og 7 skip."
    found = extract(text, "is", PUBLISHED)
    assert [c.text for c in found.claims] == ["5 milljörðum króna", "7"]  # the 5,000 digits are no figure
    english = extract(f"Exports to China were $5bn in 2020 {'and ' * 2000} 7 ships.", "en", PUBLISHED)
    assert [c.text for c in english.claims] == ["$5bn", "7"]
