"""What a document is, from its first bytes and (for downloads) its media type."""
from __future__ import annotations

from newsprism.errors import UnsupportedInput
from newsprism.ingest import patterns
from newsprism.ingest.decode import wide_codec

# Feeds and pages announce themselves early; comments and doctypes fit well within this.
SNIFF_HEAD_BYTES = 2048


def is_feed(data: bytes) -> bool:
    """True when the root element is ``<rss>``, ``<feed>`` or ``<rdf:RDF>``."""
    return bool(patterns.FEED_ROOT.match(_head(data)))


def is_html(data: bytes) -> bool:
    """True when an HTML tag appears near the start."""
    return bool(patterns.HTML_START.search(_head(data)))


def kind_of_response(media_type: str, data: bytes, *, source: str) -> str:
    """``"feed"``, ``"html"`` or ``"text"`` for a download, trusting the bytes over the label
    where servers are known to be careless (feeds served as text/html or text/plain)."""
    if media_type in patterns.FEED_TYPES or is_feed(data):
        return "feed"
    if media_type in patterns.HTML_TYPES:
        return "html"
    if media_type in patterns.XML_TYPES:
        if is_html(data):
            return "html"
        raise UnsupportedInput(source, f"{media_type} that is neither a feed nor a web page")
    return "html" if is_html(data) else "text"


def _head(data: bytes) -> bytes:
    head = data[:SNIFF_HEAD_BYTES]
    wide = wide_codec(head)
    if wide:  # BOM-less UTF-16/32: its ASCII is what the patterns read
        return head.decode(wide, errors="ignore").encode("ascii", errors="ignore")
    for bom, codec in patterns.BOMS:
        if head.startswith(bom):
            if codec == "utf-8":
                return head[len(bom):]
            return head.decode(codec, errors="ignore").encode("ascii", errors="ignore")
    return head
