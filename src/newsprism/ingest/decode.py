"""Bytes to text: binary refusal, BOMs, declared charsets, and real charset detection.

Order of evidence, strongest first:

1. a byte-order mark, or (without one) the zero bytes of UTF-16/32 text that is mostly ASCII;
2. bytes that are valid UTF-8 and hold any non-ASCII character: legacy text almost never
   forms valid multi-byte UTF-8 by accident, while mislabelled UTF-8 pages are common;
3. UTF-8 with a few stray bytes (a download cut mid-character, a concatenated file): at least as
   many valid multi-byte characters as bad sequences, and few of those. Legacy text has no
   valid multi-byte characters, so this cannot claim it; before this step one stray byte sent a
   page with three curly quotes to the detector, which read it as mac-iceland;
4. the declared charset (HTTP header, ``<meta charset>``, XML declaration) if it decodes cleanly;
5. charset-normalizer, with a preference for windows-1252 when it decodes the bytes as
   cleanly as the detector's pick (the detector cannot tell cp1252 from cp1250 on short text).
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

from newsprism.errors import BadInput, EmptyInput
from newsprism.ingest import patterns

# git's binary test looks at the first 8000 bytes; we sample the same amount.
SNIFF_BYTES = 8000
# Where a <meta charset> or XML declaration is looked for. WHATWG prescans 1024 bytes, but
# real pages put long <script>/<link> blocks before the meta tag; 8 KB finds those too.
DECLARED_CHARSET_BYTES = 8192
# Share of C0 control bytes above which bytes are not text. Text has next to none (a stray
# form feed or DOS EOF); random bytes have ~10%, compressed or image data about the same.
MAX_CONTROL_RATIO = 0.02
# UTF-8 with at most this share of undecodable sequences (against decoded non-ASCII
# characters) is read as UTF-8 with replacement characters rather than re-detected.
MAX_UTF8_ERROR_RATIO = 0.02
# ... and so is UTF-8 with at most this many bad sequences, when it has at least as many valid
# multi-byte characters (one cut-off character, a stray byte or two).
MAX_UTF8_STRAY_ERRORS = 3
# BOM-less UTF-16/32: of mostly-ASCII text, the high bytes of each code unit are zero. At least
# this share of zero bytes at those positions, and at most 1 - it elsewhere.
WIDE_ZERO_SHARE = 0.9
# Detector scores within these margins of the best count as ties (charset-normalizer gives
# cp1250 and cp1252 identical chaos and coherence on a French/English sentence with "ï").
CHAOS_TIE = 0.01
COHERENCE_TIE = 0.02

_CONTROL_TABLE = bytes(sorted(patterns.CONTROL_BYTES))


@dataclass(frozen=True, slots=True, kw_only=True)
class Decoded:
    text: str
    encoding: str


def decode_bytes(data: bytes, *, source: str, declared: str | None = None) -> Decoded:
    """Decode one document, refusing binary and empty inputs.

    ``declared`` is a charset label from outside the bytes (see ``header_charset``); labels
    inside them (``<meta charset>``, the XML declaration) are found here.
    """
    if not data.strip():
        raise EmptyInput(source, "empty file")
    decoded = _from_bom(data) or _from_wide(data)
    if decoded is None:
        refuse_binary(data, source=source)
        decoded = (_from_utf8(data, declared) or _mostly_utf8(data)
                   or _from_declared(data, declared) or _from_detector(data, source))
    text = decoded.text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInput(source, "empty file (whitespace only)")
    return Decoded(text=text, encoding=decoded.encoding)


def refuse_binary(data: bytes, *, source: str) -> None:
    """Raise ``BadInput`` when ``data`` is an image, archive, executable or other non-text."""
    what = binary_kind(data)
    if what:
        raise BadInput(source, f"binary file, not text ({what})")


def binary_kind(data: bytes) -> str | None:
    """Name what ``data`` is if it is binary, else None. Text with a UTF-16/32 BOM is text."""
    if any(data.startswith(bom) for bom, _ in patterns.BOMS) or wide_codec(data):
        return None
    for magic, what in patterns.MAGIC_NUMBERS:
        if data.startswith(magic):
            return what
    for offset, magic, what in patterns.OFFSET_MAGIC_NUMBERS:
        if data[offset:offset + len(magic)] == magic:
            return what
    sample = data[:SNIFF_BYTES]
    if b"\x00" in sample:
        return "it holds NUL bytes"
    controls = len(sample) - len(sample.translate(None, _CONTROL_TABLE))
    if sample and controls / len(sample) > MAX_CONTROL_RATIO:
        return f"{controls / len(sample):.0%} control bytes"
    return None


def header_charset(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header value, if any."""
    match = patterns.HEADER_CHARSET.search(content_type or "")
    return match.group(1) if match else None


def declared_charset(data: bytes) -> str | None:
    """The charset named by a <meta> tag or an XML declaration near the start of ``data``."""
    head = data[:DECLARED_CHARSET_BYTES]
    match = patterns.XML_ENCODING.search(head) or patterns.META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def codec_for(label: str | None) -> str | None:
    """A Python codec name for a charset label, browsers' supersets applied; None if unknown."""
    if not label:
        return None
    label = label.strip().lower()
    label = patterns.CHARSET_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _from_bom(data: bytes) -> Decoded | None:
    for bom, codec in patterns.BOMS:
        if data.startswith(bom):
            try:
                return Decoded(text=data[len(bom):].decode(codec), encoding=codec)
            except UnicodeDecodeError:
                return None
    return None


def wide_codec(data: bytes) -> str | None:
    """``utf-16-le`` / ``-be`` or ``utf-32-le`` / ``-be`` for BOM-less wide text that is mostly
    ASCII (markup, English, feeds: the XML spec lets them start ``<?xml`` in UTF-16 without a
    BOM), judged by where its zero bytes fall; None otherwise."""
    sample = data[:SNIFF_BYTES - SNIFF_BYTES % 4]
    if len(sample) < 8 or b"\x00" not in sample[:8]:
        return None
    shares = [sample[i::4].count(0) / len(sample[i::4]) for i in range(4)]
    for codec, zero_at in (("utf-32-le", (1, 2, 3)), ("utf-32-be", (0, 1, 2)),
                           ("utf-16-le", (1, 3)), ("utf-16-be", (0, 2))):
        if all((shares[i] >= WIDE_ZERO_SHARE) == (i in zero_at) for i in range(4)) and \
                all(shares[i] <= 1 - WIDE_ZERO_SHARE for i in range(4) if i not in zero_at):
            return codec
    return None


def _from_wide(data: bytes) -> Decoded | None:
    codec = wide_codec(data)
    if codec is None:
        return None
    unit = 4 if codec.startswith("utf-32") else 2
    try:
        text = data[:len(data) - len(data) % unit].decode(codec)
    except UnicodeDecodeError:
        return None
    if binary_kind(text.encode("utf-8", "replace")):
        return None
    return Decoded(text=text, encoding=codec)


def _from_utf8(data: bytes, declared: str | None) -> Decoded | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if text.isascii():  # decodes the same in any ASCII-compatible charset: name the declared one
        codec = codec_for(declared) or codec_for(declared_charset(data))
        if codec and not codec.startswith("utf-") and codec != "utf_16":
            return Decoded(text=text, encoding=codec)
    return Decoded(text=text, encoding="utf-8")


def _from_declared(data: bytes, declared: str | None) -> Decoded | None:
    for label in (declared, declared_charset(data)):
        codec = codec_for(label)
        if codec and codec not in ("utf-16-le", "utf-16-be", "utf-16", "utf-32"):
            try:
                return Decoded(text=data.decode(codec), encoding=codec)
            except UnicodeDecodeError:
                continue
    return None


def _from_detector(data: bytes, source: str) -> Decoded:
    lenient = _mostly_utf8(data)
    if lenient is not None:
        return lenient
    matches = list(from_bytes(data))
    if not matches:
        raise BadInput(source, "binary file, not text (no text encoding decodes it)")
    best = matches[0]
    western = _western(data, best, matches)
    if western is not None:
        return western
    return Decoded(text=str(best), encoding=codecs.lookup(best.encoding).name)


def _mostly_utf8(data: bytes) -> Decoded | None:
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd")
    errors = replaced - data.decode("utf-8", errors="ignore").count("\ufffd")
    good = len(text) - len(text.encode("ascii", errors="ignore")) - replaced
    if good and (errors / good <= MAX_UTF8_ERROR_RATIO
                 or errors <= min(good, MAX_UTF8_STRAY_ERRORS)):
        return Decoded(text=text, encoding="utf-8")
    return None


def _western(data: bytes, best, matches) -> Decoded | None:
    """windows-1252 when it reads the bytes as cleanly as the detector's pick.

    The detector also scores language coherence: where it ranked cp1252 lower on that
    (Turkish in cp1254 reads without "chaos" as cp1252 too), its pick stands.
    """
    try:
        text = data.decode(patterns.WESTERN_FALLBACK)
    except UnicodeDecodeError:
        return None
    if mess_ratio(text) > best.chaos + CHAOS_TIE:
        return None
    ranked = [match for match in matches if match.encoding == patterns.WESTERN_FALLBACK]
    if ranked and ranked[0].coherence < best.coherence - COHERENCE_TIE:
        return None
    return Decoded(text=text, encoding=patterns.WESTERN_FALLBACK)
