"""The public API is ``newsprism.__all__``; notebooks script against it."""
import newsprism


def test_exported_members_exist():
    for name in newsprism.__all__:
        assert hasattr(newsprism, name), name


def test_open_ingest_articles_round_trip(tmp_path):
    page = tmp_path / "a.html"
    page.write_text("<html><head><title>Quake hits coast - Example News</title></head><body><article>"
                    "<h1>Quake hits coast</h1>"
                    + "".join(f"<p>Paragraph {i} of a real enough news story about the quake that hit the coast "
                              f"on Tuesday, officials said, adding that rescue work went on.</p>" for i in range(5))
                    + "</article></body></html>")
    with newsprism.open(tmp_path / "n.db") as corpus:
        report = corpus.ingest(page)
        assert report.ok and len(report.ingested) == 1
        [article] = list(corpus.articles())
    assert article.headline == "Quake hits coast"
    assert "Paragraph 4" in article.text


def test_summarize_is_callable_from_the_package():
    texts = ["Rescuers searched the rubble on Tuesday after the quake. The mayor said 12 people died.",
             "The quake killed 12 people, the mayor said. Rescuers searched the rubble on Tuesday."]
    result = newsprism.summarize(texts, words=40).to_json()
    assert result["sentences"] and all(s["citations"] for s in result["sentences"])
