"""Word lists and regexes of the metadata stage (kept apart from the logic, trafilatura-style)."""
from __future__ import annotations

import re

# --- language: small stop-word profiles (shared: newsprism.patterns) ----------------------------
from ..patterns import APOSTROPHES, LETTER, MONTH_NAME
from ..patterns import MONTHS as MONTHS  # re-exported for the stages that read them here
from ..patterns import STOPWORDS as STOPWORDS

# A text whose best profile covers less than this share of its words is "unknown" (None).
# Measured on English news paragraphs: 0.35-0.55; on code / number tables: < 0.08.
MIN_LANGUAGE_SHARE = 0.12

CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
# A word of a language profile: letters only (digits belong to no language), one apostrophe inside.
WORD = re.compile(rf"{LETTER}+(?:[{APOSTROPHES}]{LETTER}+)?", re.UNICODE)

# --- wire agencies ----------------------------------------------------------------------------
# canonical name -> regex alternatives as they appear in credits.
WIRES: dict[str, str] = {
    "AFP": r"AFP|Agence France[- ]Presse",
    "Reuters": r"Reuters|REUTERS",
    "AP": r"AP|Associated Press",
    "UPI": r"UPI|United Press International",
    "IANS": r"IANS|Indo-Asian News Service|Indo-Asia News Service",
    "Xinhua": r"Xinhua",
    "dpa": r"dpa|DPA|Deutsche Presse-Agentur",
    "Bloomberg": r"Bloomberg",
    "EFE": r"EFE",
    "ANSA": r"ANSA",
    "PTI": r"PTI|Press Trust of India",
    "Kyodo": r"Kyodo",
    "Yonhap": r"Yonhap",
    "TASS": r"TASS",
    "ANI": r"ANI",
}
WIRE_NAMES = "|".join(f"(?P<{name}>{alts})" for name, alts in WIRES.items())
_W = rf"(?:{'|'.join(WIRES.values())})"

# Credit forms, strongest first. Each captures the agency in group "w".
WIRE_CREDITS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("dateline", re.compile(rf"^[A-Z][\w .,'-]{{1,40}}\s*\((?P<w>{_W})\)")),
    ("source", re.compile(rf"^(?:Source|Sources|Via|Credit)\s*:\s*(?P<w>{_W})\b\s*\.?$", re.I)),
    ("copyright", re.compile(rf"^(?:©|\(c\)|Copyright)\s*(?:\d{{4}}\s*)?(?P<w>{_W})\b(?!\s*,)", re.I)),
    ("byline", re.compile(rf"^(?:by\s+)?(?P<w>{_W})(?:\s+(?:Staff|Staff Writers?|reporters?))?\s*$")),
    ("byline", re.compile(rf"^by\s+.+?\b(?:\(|,|/|and)\s*(?P<w>{_W})\)?\s*$", re.I)),
    ("dash", re.compile(rf"\s[-–—]\s*(?P<w>{_W})\s*$")),
    ("photo", re.compile(rf"\b(?P<w>{_W})\s*/\s*[A-Z][\w.]+")),
)
# "AFP, UPI and IANS news wire stories are copyright ...": a site's generic notice, no credit.
GENERIC_WIRE_NOTICE = re.compile(r"\bwire stories are copyright\b|\bnews wires?\b.*\bcopyright\b", re.I)

# --- dates ------------------------------------------------------------------------------------
_MON = rf"(?P<mon>{MONTH_NAME})\.?"
DATE_MDY = re.compile(rf"\b{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
DATE_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON},?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
DATE_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)(?:[T ](?P<time>\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?))?")
URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d\d)[/-](?P<mon>\d{1,2})[/-](?P<day>\d{1,2})(?:/|-|$)")
URL_YEAR_MONTH = re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<mon>\d\d)/")

# --- dateline ---------------------------------------------------------------------------------
# "Beijing (AFP) June 19, 2023", "BEIJING (Reuters) -", "BEIJING -U.S. Secretary", "WASHINGTON, April 3 -"
DATELINE_AGENCY = re.compile(r"^(?P<place>[A-Z][\w'’.-]*(?:[ ,]+[A-Z][\w'’.-]*){0,3})\s*\((?P<agency>[A-Z][\w .-]{1,30})\)")
DATELINE_CAPS = re.compile(r"^(?P<place>[A-Z][A-Z'’.-]{2,}(?:[ ][A-Z][A-Z'’.-]+){0,2})(?:,\s*[A-Z][\w.]*(?:\s\d{1,2})?)?\s*[-–—:]\s*(?=\S)")

# --- byline -----------------------------------------------------------------------------------
BYLINE_BY = re.compile(r"^(?:written\s+)?by\s*[:\-]?\s+(?P<name>[^\d|•]{2,80}?)\s*(?:\||,?\s+(?:updated|published|posted)\b.*)?$", re.I)
BYLINE_LABEL = re.compile(r"^(?:Writer'?s picture|Author(?:'s picture)?|Posted by|Written by|Reporter)\s*[:\-]\s*(?P<name>.{2,80})$", re.I)
PERSON_NAME = re.compile(r"^[A-Z][a-z'’-]+(?:\s(?:[A-Z]\.|[A-Z][a-z'’-]+|van|von|de|der|da|di|del|la|le|bin|al-)){1,3}$")
NAME_NOT = frozenset("""
    the of and in on for to with from at by news world china russia breaking live video updated
    home politics business sports opinion top stories related more over about after says new why how
    what who when where than into amid against
    """.split())
POSSESSIVE = re.compile(r"\w['’]s\b")

# --- headline / outlet ------------------------------------------------------------------------
# "Headline — RT World News", "Headline | The Guardian", "Headline - Reuters"
TITLE_SUFFIX = re.compile(r"^(?P<title>.{12,})\s+(?:[—–|]|--?|::|·)\s+(?P<site>[^—–|]{2,60}?)$")
# "短缺药品保供稳价 全力保障临床用药需求-新华网": CJK titles put the site after a bare dash.
TITLE_SUFFIX_CJK = re.compile(r"^(?P<title>.{6,}?[\u3000-\u9fff\uff00-\uffef])\s*[-_|｜—：:]\s*"
                              r"(?P<site>[\u3040-\u9fff][\u3040-\u9fff\w ]{1,15})$")
# A page title that names only the site, never a headline ("News from The Associated Press",
# "Home", "Welcome to ...", "Latest news and videos").
SITE_TITLE = re.compile(r"^(?:(?:the\s+)?(?:latest|breaking|top|today'?s)?\s*news(?:\s+(?:from|at|on|and)\b.*)?|"
                        r"home(?:\s?page)?|front page|welcome(?:\s+to\b.*)?|index|untitled(?: document)?|"
                        r"(?:latest|breaking) (?:news|stories|headlines)\b.*)$", re.I)
# Lines of page furniture that look like a headline by their shape: a promo, a widget label, a
# caption's "FILE - In this ... file photo", a bare time stamp ("May 2, 2013, 1:12 PM").
NOT_HEADLINE_LINE = re.compile(
    r"^(?:file\s*[-–—:]\s|breaking news emails?\b|get (?:breaking|the latest)\b|sign up\b|"
    r"tweet with a location\b|you can add location information\b|"
    r"advertisement\b|"
    r"(?:click|tap) (?:here|to)\b|(?:share|follow) (?:this|us)\b|we use cookies\b|"
    r"(?:this|the) (?:page|video|content) (?:is|has|was|cannot)\b)", re.I)
TIMESTAMP_LINE = re.compile(
    r"^(?:(?:updated|published|posted|last updated)\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?"
    r"(?:\w+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+\w+\.?\s+\d{4}|\d{4}-\d\d-\d\d|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*[|·-]?\s*$", re.I)
SECTION_WORDS = frozenset("world news us u.s. politics business sport sports opinion tech technology "
                          "science health europe asia china middle east africa americas latest".split())
BREADCRUMB = re.compile(r"^(?:Home|Start|Accueil|Inicio)(?=[A-Z]|\s*[>»/|›])")
COPYRIGHT_OWNER = re.compile(
    r"(?:©|\(c\)|Copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?:[-–—,]|by)?\s*"
    r"(?P<owner>[A-Z][\w&.' ]{1,50}?)\s*(?=[|.,;]|\s[-–—]|$| All rights)", re.I)
COPYRIGHT_TAIL = re.compile(r"(?:©|\(c\)|Copyright)\s*\d{4}(?:\s*[-–]\s*\d{4})?\s*[-–—]\s*(?P<owner>[A-Z][\w&.' ]{1,50}?)\s*[.|]")
NOT_OUTLET = frozenset({"all rights reserved", "the", "ap", "afp", "reuters"})
