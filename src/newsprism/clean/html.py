"""HTML page -> clean article text.

The page is parsed once with lxml.  Captions and credits are taken out first, then page furniture
(navigation, related links, share bars, newsletter boxes, comments, footers) is dropped by tag,
role and class.  Two extractors then read what is left: trafilatura (primary, structure-aware)
and readability-lxml (a second opinion that scores containers).  Their paragraphs are merged by
agreement: the primary's paragraphs, trimmed at both ends to where the second opinion agrees,
plus the second opinion's prose paragraphs that the primary skipped inside the agreed stretch.
A last pass drops furniture lines both kept (bylines, "Read more" lists, copyright) and moves
caption-like lines ("Photo: ...", "REUTERS/...") to ``captions``.

Measured on the Zyte article-extraction dev set (bench/extraction.py, bench/RESULTS.md).
"""
from __future__ import annotations

import copy
import html as html_module
import itertools
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import lxml.html
from lxml import etree

from ..model import Block, Cleaned, RemovedLine
from . import html_patterns as P

__all__ = ["clean_html"]

# Cap on ``Cleaned.removed``: the report shows it collapsed beside the article.
MAX_REMOVED = 200
MAX_REMOVED_CHARS = 300
# Shingle size for agreement between extractors (the scorer uses 4-word shingles too).
SHINGLE = 4
# A paragraph is "supported" by the other extractor when this share of its shingles occur there
# (a plain majority; not tuned).
SUPPORT = 0.5
# Below this share of the primary's words supported by the second opinion, the two extractors
# read different parts of the page and we do not merge (a plain majority; not tuned).
MIN_AGREEMENT = 0.5
# Paragraphs restored from the second opinion have at least this many words (and end a sentence):
# without the prose test restoring cost F1 (dev set 0.9767 -> 0.9735: bylines, datelines, gallery
# captions came back); with it 0.9792.
RESTORE_MIN_WORDS = 5
# Also restore the second opinion's prose before the first / after the last agreed paragraph,
# where the primary started late or stopped early (dev set F1: neither 0.9792, lead 0.9797,
# tail 0.9815, both 0.9820).
RESTORE_LEAD = True
RESTORE_TAIL = True
# Furniture lines ("Read more: ...", "Sign up for our newsletter") are short; longer paragraphs
# that happen to say "sign up for" are article text (dev set: deal pages, policy stories).
FURNITURE_LINE_MAX_WORDS = 30
# Furniture lines at the end of the article (bylines, "Follow us") are only looked for here.
TAIL_BLOCKS = 6
# A furniture-looking container holding more than this share of the page's <p> words is searched
# inside rather than dropped (dev set: wrappers named "...-with-sidebar", "paywall" hold articles).
MAX_FURNITURE_SHARE = 0.3
# Share of control / replacement characters above which the input is binary, not a page (text
# and HTML have next to none; random bytes decoded as latin-1 have ~25%, as utf-8 ~50%).
BINARY_SHARE = 0.1
BINARY_SAMPLE = 20_000
# Larger pages are cut before extraction (trafilatura's own default limit is similar); the cut is
# recorded in ``Cleaned.removed`` (reason "truncated"), never silent.
MAX_HTML_CHARS = 5_000_000
# Pages with more tags than this skip the two tree extractors and are read by a linear regex
# pass (``_plain_paras``): both extractors cost ~80 us per element and grow faster than the
# page (25k paragraphs 6.5 s, 80k 12 s, 160k 80 s, 1,000,000 over 300 s). The largest of the 119
# dev-set pages has 1,596 elements (~3,200 tags): 15 times that is still an ordinary page.
MAX_EXTRACTOR_TAGS = 50_000
# At most this many paragraphs are kept from such a page, the rest noted as cut: no news
# article has more than a few hundred, and every later stage costs per paragraph.
MAX_PLAIN_PARAGRAPHS = 20_000

log = logging.getLogger(__name__)
for _noisy in ("trafilatura", "readability", "readability.readability", "htmldate"):
    logging.getLogger(_noisy).setLevel(logging.CRITICAL)


@dataclass(frozen=True, slots=True)
class _Para:
    """One paragraph from an extractor, with its lower-cased words (computed once)."""

    text: str
    kind: str
    tag: str
    words: tuple[str, ...]


def _para(text: str, kind: str = "paragraph", tag: str = "p") -> _Para:
    return _Para(text, kind, tag, tuple(P.WORD.findall(text.lower())))


# --- entry point ------------------------------------------------------------------------------

def clean_html(html: str, *, url: str | None = None) -> Cleaned:
    """Clean one HTML page: body blocks, captions, page title and the furniture taken out.

    Never raises on junk input: an empty, binary or text-less page gives a ``Cleaned`` with no
    blocks (the caller turns that into a ``BadInput``).
    """
    removed: list[RemovedLine] = []
    text = _as_text(html)
    if text is None:
        return Cleaned(blocks=())
    html = text
    if len(html) > MAX_HTML_CHARS:
        removed.append(RemovedLine(text=f"page cut at {MAX_HTML_CHARS:,} of its {len(html):,} characters",
                                   reason="truncated"))
        html = html[:MAX_HTML_CHARS]
    if html.count("<") > MAX_EXTRACTOR_TAGS:
        return _clean_plain(html, removed, why=f"over {MAX_EXTRACTOR_TAGS:,} tags")
    tree = _parse(html)
    if tree is _TOO_DEEP:
        return _clean_plain(html, removed, why="nested deeper than the parser follows")
    if tree is None:
        return Cleaned(blocks=())
    page_title = _page_title(tree)
    captions = _take_captions(tree)
    _drop_furniture(tree, removed)
    primary = _trafilatura_paras(tree, url)  # works on a copy
    second = _readability_paras(tree, url)  # changes the tree: keep it last
    paras = _merge(primary, second, removed)
    paras, header = _strip_head(paras, page_title, removed)
    paras = _strip_furniture_lines(paras, removed, captions)
    blocks = tuple(Block(text=p.text, kind=p.kind) for p in paras if p.words)
    return Cleaned(blocks=blocks, removed=tuple(removed[:MAX_REMOVED]),
                   captions=tuple(dict.fromkeys(captions)), header=tuple(header),
                   page_title=page_title)


# --- parsing ----------------------------------------------------------------------------------

_TOO_DEEP = object()  # what _parse returns for a page the parser cannot follow down


def _as_text(html) -> str | None:
    if isinstance(html, str):
        return html
    try:
        return bytes(html).decode("utf-8", "replace")
    except (TypeError, ValueError):
        return None


def _parse(html: str) -> lxml.html.HtmlElement | None:
    if not html.strip() or _looks_binary(html):
        return None
    html = html.replace("\x00", "")
    tree, too_deep = _parse_tree(html)
    if too_deep:  # libxml2 stops at 2,048 levels even with huge_tree
        return _TOO_DEEP
    if tree is None or not isinstance(tree.tag, str):
        return None
    for el in tree.iter(*P.DROP_TAGS):
        _drop(el)
    return tree


def _parse_tree(html: str) -> tuple[lxml.html.HtmlElement | None, bool]:
    """The parsed page, and whether the parser gave up on its depth. ``huge_tree`` lifts
    libxml2's default limit of 256 levels, past which a page kept only its headline."""
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                                  huge_tree=True)
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError, TypeError):
        return None, False
    too_deep = any("depth" in entry.message.lower() for entry in parser.error_log)
    return tree, too_deep


def _clean_plain(html: str, removed: list[RemovedLine], *, why: str) -> Cleaned:
    """A page too large or deep for the tree extractors: its text split at block tags, in one pass."""
    if not html.strip() or _looks_binary(html):
        return Cleaned(blocks=())
    removed.append(RemovedLine(text=f"page read without the extractors ({why}): page furniture may "
                                    "remain", reason="truncated"))
    html = _without_raw_text(html)
    paras, cut_at = _plain_paras(html)
    if cut_at is not None:
        removed.append(RemovedLine(text=f"kept the first {MAX_PLAIN_PARAGRAPHS:,} paragraphs: cut at "
                                        f"character {cut_at:,} of {len(html):,}", reason="truncated"))
    title = next((text for _, inner in P.PLAIN_TITLE.findall(html)
                  if (text := norm(html_module.unescape(P.PLAIN_TAG.sub(" ", inner))))), None)
    paras, header = _strip_head(paras, title, removed)
    blocks = tuple(Block(text=p.text, kind=p.kind) for p in paras if p.words)
    return Cleaned(blocks=blocks, removed=tuple(removed[:MAX_REMOVED]), header=tuple(header),
                   page_title=title)


def _without_raw_text(html: str) -> str:
    """``html`` without <head>, scripts, styles and comments. Each end is looked for once from
    where its start is, so an unclosed ``<script>`` costs one scan, not one per occurrence."""
    lower = html.lower()
    kept, position = [], 0
    while (start := P.PLAIN_RAW_OPEN.search(html, position)) is not None:
        kept.append(html[position:start.start()])
        name = start.group(1)
        end = lower.find(f"</{name.lower()}" if name else "-->", start.end())
        if end < 0:
            return " ".join(kept)
        close = html.find(">", end + 2)
        position = len(html) if close < 0 else close + 1
        kept.append(" ")
    kept.append(html[position:])
    return "".join(kept)


def _plain_paras(html: str) -> tuple[list[_Para], int | None]:
    """Paragraphs of ``html`` by regex (linear in its size, whatever its depth or tag count), and
    where they were cut when there were more than ``MAX_PLAIN_PARAGRAPHS``."""
    paras: list[_Para] = []
    start, heading = 0, None
    for tag in itertools.chain(P.PLAIN_BLOCK.finditer(html), [None]):
        piece = html[start:tag.start() if tag else len(html)]
        if "<" in piece:
            piece = P.PLAIN_TAG.sub(" ", piece)
        text = norm(html_module.unescape(piece) if "&" in piece else piece)
        if text:
            if len(paras) == MAX_PLAIN_PARAGRAPHS:
                return paras, start
            paras.append(_para(text, "heading", heading) if heading else _para(text))
        if tag is not None:
            start, name = tag.end(), tag.group(1).lower()
            heading = name if name in P.HEADING_TAGS and not tag.group(0).startswith("</") else None
    return paras, None


def _looks_binary(text: str) -> bool:
    """Control characters and U+FFFD in quantity mean bytes that were never text."""
    sample = text[:BINARY_SAMPLE]
    bad = len(P.BINARY_CHARS.findall(sample))
    return bad > BINARY_SHARE * len(sample)


def _drop(el) -> None:
    """Remove an element but keep its tail text (which belongs to the parent)."""
    parent = el.getparent()
    if parent is not None:
        el.drop_tree()


def norm(text: str) -> str:
    """Whitespace-collapsed text without invisible characters."""
    return P.SPACES.sub(" ", P.INVISIBLE.sub("", text.replace("\xa0", " "))).strip()


def _page_title(tree) -> str | None:
    for xpath in ('//meta[@property="og:title"]/@content', '//meta[@name="og:title"]/@content',
                  "//h1", "//title"):
        for hit in tree.xpath(xpath):
            text = norm(hit if isinstance(hit, str) else hit.text_content())
            if text:
                return text
    return None


# --- captions and furniture -------------------------------------------------------------------

def _attrs(el) -> str:
    """An element's class and id, joined by a space: what the class patterns read."""
    return f'{el.get("class") or ""} {el.get("id") or ""}'.strip()


def _take_captions(tree) -> list[str]:
    """Remove figcaptions and caption/credit elements; return their text."""
    captions = []
    for el in list(tree.iter("figcaption", "caption", "*")):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        is_caption = el.tag == "figcaption" or (
            el.tag not in ("body", "html", "article", "main")
            and P.CAPTION_CLASS.search(_attrs(el)) is not None
            and len(P.WORD.findall(el.text_content())) <= P.CREDIT_LINE_MAX_WORDS * 2)
        if el.tag == "caption" and el.getparent().tag == "table":
            is_caption = False
        if is_caption:
            text = norm(el.text_content())
            if text:
                captions.append(text)
            el.drop_tree()
    return captions


def _furniture_reason(el) -> str | None:
    tag = el.tag
    if tag in ("html", "body", "article", "main", "h1"):
        return None
    if tag in P.FURNITURE_TAGS:
        return P.FURNITURE_TAGS[tag]
    role = (el.get("role") or "").lower()
    if role in P.FURNITURE_ROLES:
        return P.FURNITURE_ROLES[role]
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return "hidden"
    style = (el.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return "hidden"
    attrs = _attrs(el)
    if not attrs or tag == "blockquote":
        return None
    hit = P.BOILERPLATE_CLASS.search(attrs)
    if hit is None or P.ARTICLE_CLASS.search(attrs) or P.EMBED_CLASS.search(attrs):
        return None
    return hit.lastgroup


def _protected(el) -> bool:
    """Never drop the container of the headline or of the marked-up article body."""
    for _ in el.iter("h1", "article"):
        return True
    return bool(el.xpath('.//*[@itemprop="articleBody"]'))


def _paragraph_words(el) -> int:
    return sum(len(P.WORD.findall(p.text_content())) for p in el.iter("p"))


def _drop_furniture(tree, removed: list[RemovedLine]) -> None:
    """Drop furniture containers, top-down.  A container holding a large share of the page's
    paragraph text is kept and searched inside instead: class names are only hints
    ("content-with-sidebar", "elementor-widget-container" wrap whole articles)."""
    body = tree.find("body")
    if body is None:
        return
    limit = MAX_FURNITURE_SHARE * _paragraph_words(body)
    doomed = []
    stack = [body]
    while stack:
        el = stack.pop()
        for child in el:
            if not isinstance(child.tag, str):
                continue
            reason = _furniture_reason(child)
            if reason and not _protected(child) and (
                    limit <= 0 or _paragraph_words(child) <= limit):
                doomed.append((child, reason))
            else:
                stack.append(child)
    for el, reason in doomed:
        if reason != "hidden" and len(removed) < MAX_REMOVED:
            for line in _leaf_texts(el):
                if len(P.WORD.findall(line)) >= 2 and len(removed) < MAX_REMOVED:
                    removed.append(RemovedLine(text=line[:MAX_REMOVED_CHARS], reason=reason))
        _drop(el)


def _leaf_texts(el) -> list[str]:
    """The element's text split at block-level tags: what a reader sees as separate lines."""
    return [text for text, _ in _leaf_blocks(el)]


def _leaf_blocks(el) -> list[tuple[str, str]]:
    """(text, kind) of each line of the element; kind is "heading" for text inside h1-h6.

    Walks with an explicit stack, not recursion: a page may nest 2,000 levels deep.
    """
    lines: list[tuple[str, str]] = []
    buf: list[str] = []
    headings = 0  # how many heading elements we are inside

    def flush():
        text = norm("".join(buf))
        if text:
            lines.append((text, "heading" if headings else "paragraph"))
        buf.clear()

    if el.text:
        buf.append(el.text)
    stack: list[tuple[Any, bool]] = [  # lxml elements (lxml ships no stubs)
        (child, False) for child in reversed(el)]
    while stack:
        node, leaving = stack.pop()
        if leaving:  # after the node's children: close its block, then its tail text
            if node.tag in P.BLOCK_TAGS:
                flush()
            headings -= node.tag in P.HEADING_TAGS
            if node.tail:
                buf.append(node.tail)
            continue
        if not isinstance(node.tag, str):
            if node.tail:
                buf.append(node.tail)
            continue
        if node.tag in P.BLOCK_TAGS:
            flush()
        headings += node.tag in P.HEADING_TAGS
        if node.text:
            buf.append(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    flush()
    return lines


# --- extractors -------------------------------------------------------------------------------

def _trafilatura_paras(tree, url: str | None) -> list[_Para]:
    from trafilatura import bare_extraction

    try:
        doc = bare_extraction(copy.deepcopy(tree), url=url, fast=True, include_comments=False,
                              include_images=False, include_formatting=False,
                              include_tables=True, with_metadata=False)
    except Exception:  # a third-party extractor must not take the cleaner down
        log.debug("trafilatura failed on %s", url, exc_info=True)
        return []
    body = getattr(doc, "body", None)
    return [] if body is None else list(_xml_paras(body))


def _xml_paras(el):
    """Paragraphs of trafilatura's XML body (p, head, list/item, quote, table/row/cell)."""
    for child in el:
        if not isinstance(child.tag, str):
            continue
        tag = child.tag
        if tag in ("list", "quote", "table", "div") and any(
                isinstance(c.tag, str) and c.tag in ("item", "p", "row", "list", "head", "quote")
                for c in child):
            yield from _xml_paras(child)
            continue
        if tag == "row" and any(_holds_blocks(cell) for cell in child if isinstance(cell.tag, str)):
            for cell in child:  # a layout table: a cell of <p>s is paragraphs, not one run-on line
                if isinstance(cell.tag, str):
                    yield from _xml_paras(cell)
            continue
        if tag == "row":
            text = norm(" ".join(norm("".join(c.itertext())) for c in child))
        elif tag == "graphic":
            continue
        else:
            text = norm(" ".join(t for t in _xml_text(child)))
        if not text:
            continue
        if tag == "head":
            yield _para(text, "heading", child.get("rend") or "h2")
        else:
            yield _para(text, "paragraph", tag)


def _holds_blocks(el) -> bool:
    """A trafilatura table cell holding paragraphs or headings (AP pages lay out the story in one)."""
    return any(isinstance(c.tag, str) and c.tag in ("p", "head", "list", "quote") for c in el)


def _xml_text(el):
    if el.text:
        yield el.text
    for child in el:
        if child.tag == "lb":
            yield " "
        else:
            yield from _xml_text(child)
        if child.tail:
            yield child.tail


def _readability_paras(tree, url: str | None) -> list[_Para]:
    from readability import Document

    try:
        # no url: readability would rewrite every link absolute, a tenth of its time
        summary = Document(tree).summary(html_partial=True)  # the last reader: no copy needed
        frag = lxml.html.fragment_fromstring(summary, create_parent="div")
    except Exception:  # readability raises on pages it cannot score
        log.debug("readability failed on %s", url, exc_info=True)
        return []
    return [_para(text, kind, "h2" if kind == "heading" else "p")
            for text, kind in _leaf_blocks(frag)]


# --- merging by agreement ---------------------------------------------------------------------

def _shingles(words: Sequence[str]) -> list[tuple[str, ...]]:
    if len(words) < SHINGLE:
        return [tuple(words)] if words else []
    return [tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]


def _support(para: _Para, other_shingles: set, other_text: str) -> float:
    words = para.words
    if not words:
        return 1.0
    if len(words) < SHINGLE:
        return 1.0 if f" {' '.join(words)} " in other_text else 0.0
    sh = _shingles(words)
    return sum(s in other_shingles for s in sh) / len(sh)


def _index(paras: list[_Para]) -> tuple[set, str]:
    words = [w for p in paras for w in p.words]
    return set(_shingles(words)), f" {' '.join(words)} "


def _merge(primary: list[_Para], second: list[_Para], removed: list[RemovedLine]) -> list[_Para]:
    """Merge the two extractors' paragraphs by agreement.

    When they read the same part of the page, the primary's paragraphs are trimmed at both ends
    to where the second opinion agrees (titles, teasers and promos sit there), and paragraphs
    only the second one kept are restored where they stand between agreed paragraphs (embedded
    posts, lists, a paragraph in a differently styled box).  Otherwise the primary stands.
    """
    if not primary:
        return second
    if not second:
        return primary
    sh2, text2 = _index(second)
    support = [_support(p, sh2, text2) for p in primary]
    sizes = [len(p.words) for p in primary]
    agreed = sum(s * n for s, n in zip(support, sizes)) / max(1, sum(sizes))
    if agreed < MIN_AGREEMENT:
        return primary
    ok = [s >= SUPPORT for s in support]
    first = ok.index(True)
    last = len(ok) - 1 - ok[::-1].index(True)
    for p in primary[:first] + primary[last + 1:]:
        _note(removed, p.text, "boilerplate")
    kept = primary[first:last + 1]
    return _restore(kept, second)


def _restore(kept: list[_Para], second: list[_Para]) -> list[_Para]:
    """Insert the second opinion's unmatched paragraphs that sit between two matched ones."""
    owner: dict[tuple[str, ...], int] = {}
    for i, p in enumerate(kept):
        for sh in _shingles(p.words):
            owner.setdefault(sh, i)
    text1 = _index(kept)[1]
    anchors: list[int | None | bool] = []
    for p in second:
        hits = [owner[sh] for sh in _shingles(p.words) if sh in owner]
        share = len(hits) / max(1, len(_shingles(p.words)))
        if hits and share >= SUPPORT:
            anchors.append(max(set(hits), key=hits.count))
        elif len(p.words) < SHINGLE and f" {' '.join(p.words)} " in text1:
            anchors.append(True)  # a short line the primary has too: neither anchor nor insert
        else:
            anchors.append(None)
    inserts: dict[int, list[_Para]] = {}
    previous = None
    run: list[_Para] = []
    for p, anchor in zip(second, anchors):
        if anchor is True:
            continue
        if anchor is None:
            if _prose(p):
                run.append(p)
            continue
        if run and previous is not None and previous <= anchor:
            inserts.setdefault(previous, []).extend(run)
        elif run and previous is None and anchor == 0 and RESTORE_LEAD:
            inserts.setdefault(-1, []).extend(run)
        run, previous = [], anchor if previous is None else max(previous, anchor)
    if run and previous == len(kept) - 1 and RESTORE_TAIL:
        inserts.setdefault(previous, []).extend(run)
    if not inserts:
        return kept
    merged = list(inserts.get(-1, ()))
    for i, p in enumerate(kept):
        merged.append(p)
        merged.extend(inserts.get(i, ()))
    return merged


def _prose(para: _Para) -> bool:
    """A sentence-like paragraph: worth restoring.  Bylines, datelines, gallery captions and
    teaser titles that one extractor kept mostly lack a closing stop."""
    return (para.kind == "paragraph" and len(para.words) >= RESTORE_MIN_WORDS
            and para.text.rstrip().endswith(P.SENTENCE_END))


def _note(removed: list[RemovedLine], text: str, reason: str) -> None:
    if len(removed) < MAX_REMOVED:
        removed.append(RemovedLine(text=text[:MAX_REMOVED_CHARS], reason=reason))


# --- post-cleaning ----------------------------------------------------------------------------

def _same_text(a: str, b: str) -> bool:
    wa, wb = P.WORD.findall(a.lower()), P.WORD.findall(b.lower())
    return bool(wa) and (wa == wb or (len(wa) >= 3 and " ".join(wa) in " ".join(wb)))


def _strip_head(paras: list[_Para], title: str | None, removed: list[RemovedLine]):
    """Move a leading headline (and the standfirst heading right under it) to the header."""
    header: list[str] = []
    if paras and paras[0].kind == "heading" and (
            paras[0].tag == "h1" or (title and _same_text(paras[0].text, title))):
        header.append(paras.pop(0).text)
        _note(removed, header[-1], "headline")
    return paras, header


def _furniture(text: str) -> str | None:
    if len(P.WORD.findall(text)) > FURNITURE_LINE_MAX_WORDS:
        return None
    for reason, pattern in P.FURNITURE_LINES:
        if pattern.search(text):
            return reason
    if P.URL_ONLY.match(text):
        return "link"
    if P.TEASER_SUFFIX.search(text):
        return "related"
    return None


def _caption(text: str) -> bool:
    if P.CAPTION_LINE.match(text):
        return True
    return (len(P.WORD.findall(text)) <= P.CREDIT_LINE_MAX_WORDS
            and bool(P.CREDIT_INLINE.search(text)) and not text.rstrip().endswith(("?", "!")))


def _strip_furniture_lines(paras: list[_Para], removed: list[RemovedLine],
                           captions: list[str]) -> list[_Para]:
    kept: list[_Para] = []
    in_teasers = False  # inside the link list under a "Related:" / "Read more" label
    for i, p in enumerate(paras):
        reason = _furniture(p.text)
        if reason is None and in_teasers and not _prose(p):
            reason = "related"
        in_teasers = reason == "related" and (
            in_teasers or P.TEASER_LABEL.match(p.text) is not None)
        if reason is None and i >= len(paras) - TAIL_BLOCKS:
            reason = _tail_furniture(p.text)
        if reason is None and _caption(p.text):
            captions.append(p.text)
            continue
        if reason is None:
            kept.append(p)
        else:
            _note(removed, p.text, reason)
    return kept


def _tail_furniture(text: str) -> str | None:
    for reason, pattern in P.TAIL_LINES:
        if pattern.search(text):
            return reason
    return None
