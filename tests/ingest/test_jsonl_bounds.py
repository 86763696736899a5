"""A JSONL file costs time linear in its size, and a gzipped one may not expand without bound."""
from __future__ import annotations

import gzip
import json
import time

from newsprism.ingest import read_inputs
from newsprism.ingest.jsonl import MAX_GZIP_RATIO
from newsprism.model import Failure, RawArticle

PROSE = "Officials said the talks were productive and long. " * 10


def test_jsonl_gzip_of_newlines_is_refused_fast(tmp_path):
    path = tmp_path / "blank.jsonl.gz"
    member = gzip.compress(b"\n" * 10_000_000, compresslevel=9)
    path.write_bytes(member * (1_000_000 // len(member)))  # ~1 MB on disk, ~1 GB of newlines
    assert path.stat().st_size <= 1_000_000
    start = time.monotonic()
    results = list(read_inputs([path]))
    assert time.monotonic() - start < 30
    assert [(type(r), r.source) for r in results] == [(Failure, str(path))]
    assert f"({MAX_GZIP_RATIO}x its compressed size)" in results[0].reason


def test_jsonl_blank_runs_keep_line_numbers(tmp_path):
    path = tmp_path / "gaps.jsonl"
    record = json.dumps({"text": PROSE}).encode()
    path.write_bytes(b"\n" * 3 + record + b"\n  \t\n\n" + b"{broken\n" + b"\n" * 2_000_000 + record)
    results = list(read_inputs([path]))
    assert [r.source for r in results] == [f"{path}:4", f"{path}:7", f"{path}:2000008"]
    assert [type(r) for r in results] == [RawArticle, Failure, RawArticle]


def test_jsonl_over_long_line_is_skipped_and_the_rest_read(tmp_path):
    path = tmp_path / "long.jsonl"
    record = json.dumps({"text": PROSE})
    path.write_text(record + "\n" + json.dumps({"text": "x" * 3_000_000}) + "\n" + record + "\n")
    results = list(read_inputs([path], max_bytes=1_000_000))
    assert [(type(r), r.source) for r in results] == [
        (RawArticle, f"{path}:1"), (Failure, f"{path}:2"), (RawArticle, f"{path}:3")]


def test_jsonl_ordinary_gzip_dump_streams_through(tmp_path):
    path = tmp_path / "dump.jsonl.gz"
    lines = [json.dumps({"text": f"Article {n}. " + PROSE}) for n in range(300)]
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    results = list(read_inputs([path]))
    assert len(results) == 300 and all(isinstance(r, RawArticle) for r in results)
