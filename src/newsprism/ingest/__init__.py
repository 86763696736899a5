"""Ingest: files, folders, JSON/JSONL, WARC archives, feeds and URLs in; ``RawArticle``s out.

    read_inputs(items)  -> Iterator[RawArticle | Failure]   the batch entry point
    fetch_url(url)      -> RawArticle                       one page, errors raised
    canonical_url(url)  -> str                              the form the store dedups on
"""
from newsprism.ingest.fetch import fetch_url
from newsprism.ingest.sources import read_inputs
from newsprism.ingest.urls import canonical_url

__all__ = ["canonical_url", "fetch_url", "read_inputs"]
