"""Property: whatever bytes a file holds, read_inputs yields articles or failures and never raises."""
from __future__ import annotations

import gzip

from hypothesis import HealthCheck, given, settings, strategies as st

from newsprism.ingest import read_inputs
from newsprism.model import Failure, RawArticle

SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".xml", ".warc", ".warc.gz", ".jsonl.gz", ".txt.gz", ".bin"]
PREFIXES = [b"", b"\x1f\x8b\x08\x00", b"<?xml version='1.0'?><rss><channel>", b"WARC/1.0\r\n",
            b'{"text": "', b"\xef\xbb\xbf", b"\xff\xfe", b"<html><head><meta charset='gb2312'>"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES), prefix=st.sampled_from(PREFIXES),
       compress=st.booleans())
def test_sources_random_bytes_never_raise(tmp_path, data, suffix, prefix, compress):
    payload = prefix + data
    if compress and suffix.endswith(".gz"):
        payload = gzip.compress(payload)[: len(payload)]
    path = tmp_path / f"random{suffix}"
    path.write_bytes(payload)
    results = list(read_inputs([path], max_bytes=100_000))
    assert results
    for result in results:
        assert isinstance(result, (RawArticle, Failure))
        if isinstance(result, Failure):
            assert "\n" not in str(result) and str(result).startswith(str(path))
