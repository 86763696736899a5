"""Golden test on the five bundled seed articles: body lines and metadata cells.

Expected line sets were checked by hand against GOLD.md ("Body boundaries"): body lines are the
non-empty lines of the ranges GOLD gives, minus what it names as captions, ads and credits.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.clean.text import clean_text
from newsprism.meta import extract_metadata
from newsprism.model import RawArticle

SEEDS = Path(__file__).resolve().parents[1] / "src" / "newsprism" / "examples" / "blinken"
MIN_PRECISION = MIN_RECALL = 0.97

BODY = {
    # 8-20; 1-2 navigation, 3-4 headline twice, 22- related links, teasers, footer.
    "000": set(range(8, 21)),
    # 9 to the end (51, a contributor credit) minus the repeated caption 23-24; 35 a sub-heading.
    "001": set(range(9, 52)) - {23, 24},
    # 9-58; "Source: Reuters" (66) and the widgets after it are not body; 7 is a caption.
    "002": set(range(9, 59)),
    # 6-22; 24- "Source link", "Related Articles", comment form.
    "003": set(range(6, 23)),
    # 9-33 minus "- Advertisement -" (15, 29) and the photo caption (31).
    "004": set(range(9, 34)) - {15, 29, 31},
}
HEADINGS = {"001": {35}, "002": {30, 46}, "004": {11, 17, 21, 25}}

META = {
    "000": dict(outlet={"Space Media Network", "SpaceWar.com"}, wire="AFP",
                headline="Blinken says China promised not to send arms to Russia",
                byline="AFP Staff Writers", published="2023-06-19", dateline="Beijing"),
    "001": dict(outlet={None}, wire=None, headline="Blinken Says China Assured It Won't Send Weapons to Russia",
                byline="Aldgra Fredly", published="2023-06-19", dateline=None),
    "002": dict(outlet={"Amaravati Today"}, wire="Reuters",
                headline="In Beijing, Blinken confronts China over 'powering' Russia's war",
                byline="News Agency", published="2024-04-26", dateline="Beijing"),
    "003": dict(outlet={"RT"}, wire=None, headline="Blinken to warn China against helping Russia in Ukraine",
                byline=None, published=None, dateline=None),
    "004": dict(outlet={None}, wire="Reuters",
                headline="Blinken to boost China's backing for Russia's defense industry during visit, "
                         "enhancing strategic relationship.",
                byline=None, published=None, dateline=None),
}


def seed(key: str) -> str:
    (path,) = SEEDS.glob(f"{key}_*.txt")
    return path.read_text(encoding="utf-8")


def nonempty(text: str) -> set[int]:
    return {i for i, line in enumerate(text.split("\n"), 1) if line.strip()}


def plain(value: str | None) -> str | None:
    return value.replace("’", "'").replace("‘", "'") if value else value


@pytest.mark.parametrize("key", sorted(BODY))
def test_seed_body_lines_precision_recall(key):
    text = seed(key)
    expected = BODY[key] & nonempty(text)
    got = {block.line for block in clean_text(text).blocks}
    hits = len(expected & got)
    assert got, "no body"
    assert hits / len(got) >= MIN_PRECISION, f"extra lines {sorted(got - expected)}"
    assert hits / len(expected) >= MIN_RECALL, f"missing lines {sorted(expected - got)}"


@pytest.mark.parametrize("key", sorted(HEADINGS))
def test_seed_subheadings_marked(key):
    blocks = clean_text(seed(key)).blocks
    assert {b.line for b in blocks if b.kind == "heading"} == HEADINGS[key]


def test_seed_captions_moved_out():
    assert any("Getty Images" in c for c in clean_text(seed("001")).captions)
    assert any("April 26, 2024" in c for c in clean_text(seed("002")).captions)
    assert any(c.startswith("© Reuters") for c in clean_text(seed("004")).captions)


@pytest.mark.parametrize("key", sorted(META))
def test_seed_metadata_cells(key):
    text = seed(key)
    meta = extract_metadata(RawArticle(source=f"{key}.txt", kind="text", body=text), clean_text(text))
    expected = META[key]
    value = lambda name: getattr(meta, name).value if getattr(meta, name) else None
    assert value("outlet") in expected["outlet"]
    for name in ("wire", "byline", "published", "dateline"):
        assert value(name) == expected[name], name
    assert plain(value("headline")) == expected["headline"]
    assert value("language") == "en"


def test_seed_removed_lines_have_reasons():
    cleaned = clean_text(seed("003"))
    reasons = {r.line: r.reason for r in cleaned.removed}
    assert reasons[2] == "headline"
    assert reasons[28] == "comment" and reasons[30] == "comment"
    assert cleaned.header[0].startswith("Blinken to warn China")
