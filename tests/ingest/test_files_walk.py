"""Folders are read recursively in sorted order; hidden and unknown files are skipped."""
from __future__ import annotations

import gzip

from newsprism.ingest import read_inputs
from newsprism.model import Failure


def test_files_walk_sorted_recursive_skips_hidden(tmp_path):
    for name in ("b.txt", "a.html", "sub/c.txt", "sub/deeper/d.htm", ".hidden.txt",
                 ".git/e.txt", "notes.md", "image.png"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<p>Content of {name}</p>" if "htm" in name else f"Content of {name}")
    results = list(read_inputs([tmp_path]))
    names = [result.source.removeprefix(str(tmp_path) + "/") for result in results]
    assert names == ["a.html", "b.txt", "sub/c.txt", "sub/deeper/d.htm"]
    assert [result.kind for result in results] == ["html", "text", "text", "html"]


def test_files_empty_folder_fails(tmp_path):
    [failure] = read_inputs([tmp_path])
    assert isinstance(failure, Failure) and failure.source == str(tmp_path)


def test_files_explicit_unknown_suffix_sniffed(tmp_path):
    page = tmp_path / "page.php"
    page.write_text("<!DOCTYPE html><html><body><p>Hello</p></body></html>")
    note = tmp_path / "note.md"
    note.write_text("Plain words about the talks.")
    results = list(read_inputs([page, note]))
    assert [result.kind for result in results] == ["html", "text"]


def test_files_gzipped_html(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress("<html><body><p>Grüße aus Genf</p></body></html>".encode()))
    [article] = read_inputs([path])
    assert article.kind == "html" and "Grüße aus Genf" in article.body


def test_files_crlf_and_bom_normalised(tmp_path):
    path = tmp_path / "dos.txt"
    path.write_bytes(b"\xef\xbb\xbfFirst line\r\nSecond line\r\n")
    [article] = read_inputs([path])
    assert article.body == "First line\nSecond line\n"
    assert article.encoding == "utf-8"


def test_files_single_path_not_iterated_as_characters(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("One article.")
    assert [article.body for article in read_inputs(str(path))] == ["One article."]
