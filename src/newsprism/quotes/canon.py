"""Speakers across articles: one canonical name per person, a kind, a country; and the
within-article sign of a misattributed quote (a speaker made to address their own country as a
foreign party).

Rules, no model. Person names go through ``speakers.canonical_speaker`` (the fullest form wins:
"Blinken" = "Antony Blinken" = "Secretary of State Antony Blinken"); roles ("Foreign Ministry
spokesman") and bodies ("State Department") stay what they are. A speaker's country comes from
the words of its own mention ("Chinese Foreign Ministry spokesman Mao Ning"), else from the other
mentions of the same name or organisation in the article ("A Foreign Ministry spokesman" in a text
that also says "Chinese Foreign Ministry"), and is only kept when exactly one country is found.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from .records import CONTINUED, NESTED, PRONOUN, RECORD, ROLE, UNNAMED, Quote
from .speakers import canonical_speaker, folded

PERSON, ROLE_KIND, BODY, UNKNOWN = "person", "role", "body", "unknown"
SAME, COMPATIBLE, CONFLICT = "same", "compatible", "conflict"

# Words before a name or organisation (chars) searched for its country: a title run such as
# "China's Foreign Ministry spokeswoman" fits well inside.
TITLE_WINDOW = 80
# How far (dependency steps) a first-person subject may sit above the verb that acts on the
# country: "we will express our intention to have China reduce" is 3 steps.
MAX_CLIMB = 4

# Two surnames this alike (rapidfuzz ratio) are one name spelt two ways ("Mullin" / "Mullins":
# 92); the Multi-News speaker conflicts checked by hand had no real pair above 80.
SURNAME_SIMILARITY = 85

# Surface form -> country code. Demonyms and unambiguous seats of government; longest first.
NATIONS = {
    "u.s.": "us", "us": "us", "u.s": "us", "usa": "us", "united states": "us", "america": "us",
    "american": "us", "americans": "us", "washington": "us", "white house": "us", "pentagon": "us",
    "state department": "us", "china": "cn", "chinese": "cn", "beijing": "cn", "prc": "cn",
    "people's republic of china": "cn", "russia": "ru", "russian": "ru", "russians": "ru",
    "moscow": "ru", "kremlin": "ru", "ukraine": "ua", "ukrainian": "ua", "kyiv": "ua", "kiev": "ua",
    "britain": "gb", "british": "gb", "uk": "gb", "u.k.": "gb", "united kingdom": "gb",
    "downing street": "gb", "france": "fr", "french": "fr", "elysee": "fr", "germany": "de",
    "german": "de", "berlin": "de", "israel": "il", "israeli": "il", "iran": "ir", "iranian": "ir",
    "tehran": "ir", "japan": "jp", "japanese": "jp", "tokyo": "jp", "india": "in", "indian": "in",
    "new delhi": "in", "north korea": "kp", "north korean": "kp", "pyongyang": "kp",
    "south korea": "kr", "south korean": "kr", "seoul": "kr", "taiwan": "tw", "taiwanese": "tw",
    "taipei": "tw", "pakistan": "pk", "pakistani": "pk", "islamabad": "pk", "turkey": "tr",
    "turkish": "tr", "ankara": "tr", "syria": "sy", "syrian": "sy", "damascus": "sy",
    "saudi arabia": "sa", "saudi": "sa", "riyadh": "sa", "canada": "ca", "canadian": "ca",
    "ottawa": "ca", "mexico": "mx", "mexican": "mx", "australia": "au", "australian": "au",
    "canberra": "au", "italy": "it", "italian": "it", "spain": "es", "spanish": "es",
    "poland": "pl", "polish": "pl", "warsaw": "pl", "egypt": "eg", "egyptian": "eg", "cairo": "eg",
    "iraq": "iq", "iraqi": "iq", "baghdad": "iq", "afghanistan": "af", "afghan": "af",
    "kabul": "af", "venezuela": "ve", "venezuelan": "ve", "cuba": "cu", "cuban": "cu",
    "havana": "cu", "brazil": "br", "brazilian": "br", "palestinian": "ps", "philippines": "ph",
    "philippine": "ph", "filipino": "ph", "manila": "ph", "vietnam": "vn", "vietnamese": "vn",
    "hanoi": "vn", "belarus": "by", "belarusian": "by", "minsk": "by",
}
_NATION_RE = re.compile(r"(?<![\w.])(%s)(?![\w])" % "|".join(
    re.escape(k) for k in sorted(NATIONS, key=len, reverse=True)), re.I)
# "ambassador to China", "envoy for Iran": a country after these is the target of the role.
_TARGET_PREP = re.compile(r"\b(?:to|for|in|on|with|at|from|against|toward|towards)\s+(?:the\s+)?$", re.I)
# A country word that starts the name of a paper or a school ("Washington Post", "China Daily")
# says nothing of the speaker's allegiance.
_NAMED_AFTER = re.compile(r"\s+(?:Post|Times|Daily|Journal|Today|Herald|News|Tribune|Telegraph|Observer|"
                          r"Examiner|Gazette|Institute|University|College|Airlines?)\b")
# Words a title run may hold between a country and a name: "China's top diplomat Wang Yi".
_TITLE_TOKEN = re.compile(
    r"^(?:[A-Z][\w.'’-]*|of|the|and|top|senior|chief|deputy|vice|acting|former|foreign|press|"
    r"national|security|defen[cs]e|state|ministry|minister|secretary|spokes(?:man|woman|person)|"
    r"diplomat|envoy|ambassador|official|president|premier|leader|prime|general|'s|’s|s)$")
_SENTENCE_BREAK = re.compile(r"[.!?;:\n\"“”]\s")
# Organisation words: a speaker string holding one is a body or a role, never a person.
_ORG_WORDS = {
    "ministry", "department", "house", "council", "party", "government", "administration",
    "office", "commission", "committee", "union", "agency", "bank", "court", "congress",
    "senate", "parliament", "police", "army", "military", "embassy", "times", "news", "post",
    "journal", "reuters", "press", "group", "company", "corp", "inc", "university", "institute",
    "association", "organization", "organisation", "service", "forces", "media", "officials",
    "authorities", "spokesman", "spokeswoman", "spokesperson", "countries", "nations", "ccp",
}
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|de|van|von|bin|al|da|del|la|le|der|ibn)$")
_FIRST_PERSON = {"we", "i"}
_PRONOUNS = {"he", "she", "they", "it", "i", "we", "him", "her", "them", "who", "which", "that", ""}
# Verbs through which a speaker makes another party act: "have China reduce", "urge China to".
_CAUSATIVE = {"have", "make", "get", "want", "urge", "ask", "press", "push", "call", "encourage",
              "need", "expect", "tell", "warn", "pressure", "persuade", "convince", "let"}
_OFFICIAL = re.compile(
    r"\b(?:ministry|minister|department|spokes(?:man|woman|person)|foreign|embassy|ambassador|envoy|"
    r"diplomat|government|secretary|president|premier|kremlin|white house|pentagon|state council)\b", re.I)
# Prepositions that make a country the addressee or target of the speaker's act.
_ADDRESS_PREPS = {"to", "with", "against", "on", "upon", "toward", "towards"}


@dataclass(**RECORD)
class SpeakerInfo:
    """Who a quote's speaker is, as far as the text tells: canonical name, kind, country."""

    name: str | None
    kind: str = UNKNOWN
    nation: str | None = None
    nation_evidence: str | None = None  # the words the country was read from
    explicit: bool = True  # named in the attribution itself, not through a pronoun or a chain


@dataclass(**RECORD)
class Conflict:
    """A quote whose content does not fit its speaker's affiliation."""

    reason: str
    evidence: str  # the clause of the quote that shows it


def country_name(code: str) -> str:
    """A display name for a country code: the first surface form listed for it ("cn" -> "China")."""
    name = next((k for k, v in NATIONS.items() if v == code), code)
    return name.upper() if len(name) <= 4 else name.title()


def nations_in(text: str) -> list[tuple[str, int, int]]:
    """(country code, start, end) of each country word in ``text``."""
    return [(NATIONS[m.group(1).lower()], m.start(), m.end()) for m in _NATION_RE.finditer(text)]


def affiliation(words: str) -> str | None:
    """The one country a title belongs to ("Chinese Foreign Ministry spokesman" -> cn), ignoring
    countries that are the role's target ("U.S. ambassador to China" -> us); None if unclear."""
    own = {code for code, start, end in nations_in(words)
           if not _TARGET_PREP.search(words[:start]) and not _NAMED_AFTER.match(words[end:])}
    return own.pop() if len(own) == 1 else None


def speaker_kind(speaker: str | None, flags: Iterable[str] = ()) -> str:
    """person / role / body / unknown, from the speaker string and the extractor's flags."""
    if not speaker or not speaker[:1].isupper():
        return UNKNOWN  # "which", "that": not a speaker
    words = speaker.split()
    if UNNAMED in flags:
        return ROLE_KIND
    lowered = {w.lower().strip(".,") for w in words}
    if lowered & _ORG_WORDS or speaker.lower() in NATIONS or _NATION_RE.fullmatch(speaker):
        return BODY
    if 1 <= len(words) <= 5 and all(_NAME_TOKEN.match(w) for w in words):
        return PERSON
    return BODY


def canonical_names(quotes: Mapping[str, Sequence[Quote]]) -> dict[str, str]:
    """Each person speaker across all articles -> its canonical name (the fullest form);
    roles and bodies are left out (they stay as they are)."""
    people = [q.speaker for qs in quotes.values() for q in qs
              if q.speaker is not None and speaker_kind(q.speaker, q.flags) == PERSON]
    mapping = canonical_speaker(people) if people else {}
    surnames: dict[str, set[str]] = {}
    for full in set(mapping.values()):
        if len(full.split()) > 1:
            surnames.setdefault(full.split()[-1], set()).add(full)
    for short, full in list(mapping.items()):  # a lone "Ryder" the extractor could not expand
        if len(full.split()) == 1 and len(surnames.get(full, ())) == 1:
            mapping[short] = next(iter(surnames[full]))
    return mapping


def speaker_info(quote: Quote, name: str | None, text: str | None = None) -> SpeakerInfo:
    """The speaker of ``quote`` (``name``: its canonical name), with its country when the
    attribution or the article (``text``) tells it."""
    kind = speaker_kind(quote.speaker, quote.flags)
    mention = (quote.speaker_text or "").strip().lower()
    explicit = (not ({PRONOUN, ROLE, CONTINUED} & set(quote.flags)) and kind != UNKNOWN
                and mention not in _PRONOUNS)
    if kind == UNKNOWN or quote.speaker is None:  # no speaker is always UNKNOWN
        return SpeakerInfo(name=None, explicit=False)
    nation, evidence = _nation_of(quote, name or quote.speaker, kind, text)
    return SpeakerInfo(name=name or quote.speaker, kind=kind, nation=nation,
                       nation_evidence=evidence, explicit=explicit)


def _nation_of(quote: Quote, name: str, kind: str, text: str | None) -> tuple[str | None, str | None]:
    if kind == BODY:
        code = NATIONS.get(name.lower()) or affiliation(name)
        if code:
            return code, name
    mention = quote.speaker_text or ""
    title = mention
    if kind == PERSON and name.split()[-1] in mention:  # the words before the name are its title
        title = mention[:mention.rfind(name.split()[-1])]
    code = affiliation(title)
    if code:
        return code, mention
    if text is None:
        return None, None
    anchor = quote.speaker_org if kind != PERSON else name.split()[-1]
    if not anchor or (kind == PERSON and len(name.split()) < 2):  # a lone "Bob" could be anyone
        return None, None
    return _nation_in_text(text, anchor)


def _nation_in_text(text: str, anchor: str) -> tuple[str | None, str | None]:
    """The country of every title run right before ``anchor`` in ``text``, if they agree."""
    found: dict[str, str] = {}
    for m in re.finditer(rf"(?<!\w){re.escape(anchor)}(?!\w)", text):
        run = _title_run(text[max(0, m.start() - TITLE_WINDOW):m.start()])
        code = affiliation(run) if run else None
        if code:
            found.setdefault(code, (run + " " + anchor).strip())
    if len(found) != 1:
        return None, None
    return next(iter(found.items()))


def _title_run(before: str) -> str:
    """The trailing words of ``before`` that can belong to a title (stops at a sentence break or
    an ordinary lowercase word): "... said Chinese Foreign Ministry" -> "Chinese Foreign Ministry"."""
    breaks = list(_SENTENCE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end():]
    tokens = re.findall(r"[\w.'’-]+|'s|’s", before)
    run: list[str] = []
    for token in reversed(tokens):
        if not _TITLE_TOKEN.match(token):
            break
        run.append(token)
    return " ".join(reversed(run))


def compatibility(a: SpeakerInfo, b: SpeakerInfo) -> str:
    """same / compatible / conflict: could these two attributions name one speaker?

    Two different people conflict (unless they share a surname: "Pat" and "Patrick Ryder"), and
    so do two speakers of known, different countries; anything unknown is compatible.
    """
    if a.name is None or b.name is None:
        return COMPATIBLE
    if a.name == b.name:
        return SAME
    if a.nation and b.nation and a.nation != b.nation:
        return CONFLICT
    if a.kind == PERSON and b.kind == PERSON:
        return COMPATIBLE if same_person(a.name, b.name) else CONFLICT
    return COMPATIBLE


@lru_cache(maxsize=4096)
def same_person(a: str, b: str) -> bool:
    """Could two person names be one person? A lone word could be anyone's ("Sgt", "Spirit"); full
    names must share a surname, spelling aside ("Steve Mullin" / "Steve Mullins", "Peñalosa")."""
    a_words, b_words = folded(a).split(), folded(b).split()
    if len(a_words) < 2 or len(b_words) < 2:
        return True
    return fuzz.ratio(a_words[-1], b_words[-1]) >= SURNAME_SIMILARITY


# --- the speaker made to address their own country --------------------------------------------
def own_country_addressed(quote: Quote, info: SpeakerInfo, doc) -> Conflict | None:
    """A quote whose first person acts on the speaker's own country as on another party ("We
    will express these concerns to China", said by a Chinese spokesman): the words are likely
    someone else's. ``doc`` is a spaCy parse of ``quote.text``.

    A speaker may well name their own country in the third person ("China regulates the export
    ..."); what does not fit is *we/I* addressing, pressing or causing it ("to China", "have
    China reduce", "urge China to").
    """
    if info.nation is None or NESTED in quote.flags or not _speaks_for_state(quote, info):
        return None
    for token in doc:
        # the country as a party (China, Beijing, the U.S.), not its people ("two brave Americans")
        if NATIONS.get(token.lower_) != info.nation or token.ent_type_ == "NORP" or token.tag_ in ("NNS", "NNPS"):
            continue
        verb = _governor(token)
        if verb is None or _has_first_person_agent(verb) is None:
            continue
        clause = doc[verb.left_edge.i:max(verb.right_edge.i, token.i) + 1].text
        reason = (f"the speaker ({quote.speaker_text}) reads as {country_name(info.nation)} "
                  f"(\"{info.nation_evidence}\"), yet the quote has its speaker act on {token.text} "
                  f"as on another party: \"{clause}\"")
        return Conflict(reason=reason, evidence=clause)
    return None


def _speaks_for_state(quote: Quote, info: SpeakerInfo) -> bool:
    """Whether "we" in the quote is the speaker's state: an official (a ministry's spokesman, a
    minister, a diplomat), not an opposition leader or a charity of that country, whose "we" may
    well press its own government."""
    return any(_OFFICIAL.search(words or "") for words in (quote.speaker_text, quote.speaker_org, info.nation_evidence))


def _governor(token):
    """The verb the country token is the addressee, object or caused agent of, or None."""
    if token.dep_ == "pobj" and token.head.lower_ in _ADDRESS_PREPS:
        head = token.head.head
        return head if head.pos_ in ("VERB", "AUX") else None
    if token.dep_ in ("dobj", "dative", "iobj"):
        return token.head
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ in ("ccomp", "xcomp"):
        causer = token.head.head
        return causer if causer.lemma_.lower() in _CAUSATIVE or causer.lower_ in _CAUSATIVE else None
    return None


def _has_first_person_agent(verb):
    """The first-person subject of ``verb`` or of a verb above it through non-finite links."""
    node = verb
    for _ in range(MAX_CLIMB):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0] if subjects[0].lower_ in _FIRST_PERSON else None
        if node.dep_ in ("conj",):  # "we will ... and will ...": the first conjunct's subject
            node = node.head
            continue
        if node.dep_ not in ("xcomp", "acl", "advcl", "pcomp", "pobj", "dobj", "prep", "relcl") or node.head is node:
            return None
        node = node.head
    return None
