"""Patterns, word lists and tables the ingest stage matches inputs against.

Kept apart from the logic (as trafilatura keeps its XPaths in ``xpaths.py``) so they can be
read and extended in one place.
"""
from __future__ import annotations

import re

# --- file kinds, by the suffix left after an optional ".gz" ----------------------------------
TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
WARC_SUFFIXES = frozenset({".warc", ".arc"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom", ".rdf"})
GZIP_SUFFIX = ".gz"
# What a folder walk picks up; files named explicitly are read whatever their suffix.
KNOWN_SUFFIXES = (TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
                  | WARC_SUFFIXES | FEED_SUFFIXES)

# --- binary sniffing ------------------------------------------------------------------------
# Leading bytes of formats that are never article text. Prefixes are long enough that no
# plausible line of prose starts with them.
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or docx/xlsx/epub)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh91AY&SY", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS\x00", "an Ogg media file"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)
# (offset, bytes, what): signatures that do not sit at byte 0.
OFFSET_MAGIC_NUMBERS: tuple[tuple[int, bytes, str], ...] = (
    (4, b"ftyp", "an MP4/QuickTime media file"),
    (8, b"WEBP", "a WebP image"),
    (8, b"WAVE", "a WAV audio file"),
    (8, b"AVI ", "an AVI video"),
)
# C0 control bytes that never occur in text; tab, LF, VT, FF, CR and ESC are left out.
CONTROL_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x1B)) | frozenset(range(0x1C, 0x20))

BOMS: tuple[tuple[bytes, str], ...] = (  # longest first: the UTF-32-LE BOM starts with UTF-16-LE's
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# --- declared charsets ----------------------------------------------------------------------
META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)["']""", re.I)
HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)

# Labels that browsers decode with a superset (WHATWG Encoding Standard, "labels"):
# pages labelled latin-1 or ascii are nearly always windows-1252, and gb2312 / gbk text is
# decoded with GB18030 so that characters outside the old sets survive.
CHARSET_ALIASES = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "iso_8859-1": "cp1252", "latin1": "cp1252",
    "latin-1": "cp1252", "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
    "windows-1252": "cp1252", "x-cp1252": "cp1252", "cp819": "cp1252", "ibm819": "cp1252",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
    "csgb2312": "gb18030", "chinese": "gb18030", "euc-cn": "gb18030", "cp936": "gb18030",
    "iso-8859-9": "cp1254", "latin5": "cp1254", "iso-8859-11": "cp874", "tis-620": "cp874",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "shift_jis": "cp932", "sjis": "cp932",
    "x-sjis": "cp932", "ms_kanji": "cp932", "big5": "big5hkscs",
}
# The web's most common legacy encoding and WHATWG's fallback for unlabelled Western pages.
WESTERN_FALLBACK = "cp1252"

# --- markup sniffing ------------------------------------------------------------------------
# A feed's root element, after an optional XML declaration, comments, stylesheets and doctype.
FEED_ROOT = re.compile(
    rb"""^\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<\?[^>]*\?>|<!DOCTYPE[^>]*>)\s*)*"""
    rb"""<(?:rss|feed|rdf:RDF)[\s>/]""", re.I | re.S)
HTML_START = re.compile(rb"""<(?:!doctype\s+html|html|head|body|meta|title|article|p|div)[\s>/]""", re.I)

# --- HTTP -----------------------------------------------------------------------------------
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                        "application/feed+xml"})
XML_TYPES = frozenset({"text/xml", "application/xml"})
ACCEPTED_TYPES = HTML_TYPES | TEXT_TYPES | FEED_TYPES | XML_TYPES
ACCEPT_HEADER = ("text/html,application/xhtml+xml;q=0.9,application/rss+xml;q=0.9,"
                 "application/atom+xml;q=0.9,application/xml;q=0.8,text/plain;q=0.8,*/*;q=0.1")
USER_AGENT = "newsprism/0.1 (+https://github.com/newsprism/newsprism; news research toolkit)"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Client errors worth retrying later: "request timeout" and "too many requests".
RETRYABLE_CLIENT_STATUSES = frozenset({408, 425, 429})

# --- canonical URLs -------------------------------------------------------------------------
# Query parameters that track a click and never select content.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid", "ttclid", "igshid",
    "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id",
    "vero_id", "wickedid", "ocid", "cmpid", "smid", "smtyp", "ref_src", "ref_url", "s_cid",
    "__twitter_impression", "at_medium", "at_campaign", "ito", "sr_share",
})
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")
DEFAULT_PORTS = {"http": 80, "https": 443}

# --- JSON records ---------------------------------------------------------------------------
# Field names read from JSON / JSONL records, first match wins. The first name of each is the
# documented one; the others are what common scrapers and datasets call the same thing.
RECORD_FIELDS: dict[str, tuple[str, ...]] = {
    "url": ("url", "link", "source_url"),
    "title": ("title", "headline"),
    "text": ("text", "body", "content", "maintext", "article"),
    "html": ("html", "raw_html"),
    "published": ("published", "date", "date_publish", "publication_date", "published_at", "pubdate"),
    "outlet": ("outlet", "publisher", "site_name", "source_domain"),
    "author": ("author", "byline", "authors"),
}

# --- feeds ----------------------------------------------------------------------------------
TAG = re.compile(r"<[^>]*>")
