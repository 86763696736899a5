"""Claims stage: what each article states, aligned across outlets within an event, and whether
each headline agrees with its body.

    extract_claims(article_id, text, annotation, quotes) -> [Claim]
    align_claims(claims_by_article, event_of=..., group_of=..., language=...) -> [AlignedClaim]
    coverage_matrix(aligned, articles_of_event) -> CoverageMatrix (claims x articles)
    claim_relation(claim_a, claim_b, language=...) -> "strengthens" | "weakens" | "neither"
    claim_in_article(claim, body, language=...) -> "carries" | "contradicts" | "neither"
"""
from .align import align_claims
from .coverage import CoverageMatrix, CoverageRow, coverage_matrix
from .extract import CLAIMS_VERSION, extract_claims
from .judge import RELATIONS, claim_relation
from .records import AlignedClaim, Claim, ClaimMention
from .stance import HeadlineCheck, check_event_headlines, check_headline, claim_in_article, headline_check

__all__ = ["CLAIMS_VERSION", "RELATIONS", "AlignedClaim", "Claim", "ClaimMention", "CoverageMatrix", "CoverageRow", "HeadlineCheck", "align_claims",
           "claim_in_article", "claim_relation",
           "check_event_headlines", "check_headline", "coverage_matrix", "extract_claims", "headline_check"]
