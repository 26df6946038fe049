"""ClaimReview JSON-LD: one per judged claim, with the documented rating scale."""

from datetime import date

from fastapi.testclient import TestClient

from checkers import CheckerRegistry, Label, Qualifier, Reference, Verdict
from checkers.testing import MemoryReference, trade_claim, trade_figure
from service.api import create_app
from service.claimreview import BEST_RATING, RATING_VALUES, claim_reviews
from service.pipeline import Pipeline
from service.report import CheckedClaim, Report

TEXT = "Fimm símtöl fóru á milli. Bilateral trade between China and Russia exceeded $107 billion last year."


def checked(label: Label, start: int = 0, refs: list[Reference] | None = None) -> CheckedClaim:
    claim = trade_claim("107", qualifier=Qualifier.OVER).model_copy(
        update={"start": start, "end": start + 3, "sentence_start": 26, "sentence_end": len(TEXT)}
    )
    verdict = Verdict(label=label, checker="trade-value", checker_version="0.2.0", explanation=f"{label} because",
                      references=refs or [], reference_data_version="2025.1")
    return CheckedClaim(**claim.model_dump(), verdict=verdict)


def report(*claims: CheckedClaim) -> Report:
    return Report(language="en", published=date(2021, 3, 19), published_source="request",
                  reference_data_version="2025.1", claims=list(claims))


def test_one_review_per_judged_claim_with_the_rating_scale() -> None:
    refs = [Reference(value=107.76e9, unit="USD", source="China GACC", url="https://example.org/gacc",
                      published=date(2021, 1, 14)),
            Reference(value=107.7e9, unit="USD", source="China GACC", url="https://example.org/gacc")]
    found = claim_reviews(
        report(checked(Label.SUPPORTED, refs=refs), checked(Label.NOT_CHECKED), checked(Label.ERROR),
               checked(Label.CONTRADICTED), checked(Label.UNVERIFIABLE)),
        TEXT, reviewed=date(2025, 1, 2),
    )
    assert [r["reviewRating"]["alternateName"] for r in found] == ["supported", "contradicted", "unverifiable"]
    first = found[0]
    assert first["@context"] == "https://schema.org" and first["@type"] == "ClaimReview"
    assert first["claimReviewed"] == "Bilateral trade between China and Russia exceeded $107 billion last year."
    assert first["itemReviewed"] == {"@type": "Claim", "text": found[0]["itemReviewed"]["text"], "datePublished": "2021-03-19"}
    assert first["reviewRating"]["ratingValue"] == RATING_VALUES[Label.SUPPORTED] == BEST_RATING
    assert first["datePublished"] == "2025-01-02" and first["inLanguage"] == "en"
    assert "trade-value 0.2.0" in first["author"]["description"] and first["author"]["name"] == "tradecheck"
    assert first["citation"] == [{"@type": "CreativeWork", "url": "https://example.org/gacc", "name": "China GACC",
                                  "datePublished": "2021-01-14"}]
    assert found[1]["reviewRating"]["ratingValue"] == 1
    assert "ratingValue" not in found[2]["reviewRating"]


def test_without_the_text_the_claim_span_is_reviewed() -> None:
    (review,) = claim_reviews(report(checked(Label.SUPPORTED)))
    assert review["claimReviewed"] == checked(Label.SUPPORTED).text


def test_the_api_answers_with_claimreview_on_request() -> None:
    data = MemoryReference(trade=[trade_figure("CHN", "RUS", 2020, 107.76e9, authority="China GACC")])
    pipeline = Pipeline(CheckerRegistry.discover(only=["trade-value"]), data)
    with TestClient(create_app(pipeline=pipeline)) as client:
        body = {"text": TEXT, "language": "en", "published": "2021-03-19"}
        response = client.post("/v1/check?format=claimreview", json=body)
        plain = client.post("/v1/check", json=body)
        wrong = client.post("/v1/check?format=xml", json=body)
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/ld+json")
    reviews = response.json()
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["supported"]
    assert reviews[0]["claimReviewed"].startswith("Bilateral trade between China and Russia")
    assert plain.status_code == 200 and "claims" in plain.json()
    assert wrong.status_code == 422
