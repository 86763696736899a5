"""Who is speaking: names canonicalised in a text and across texts, pronouns and roles resolved.

Rules, no model: a named mention resolves to the fullest form of that name in the text ("Blinken"
-> "Antony Blinken"); when two people share it ("Mateen": a father and his son) to the one the
text has made its subject so far ("the elder Mateen": the parent), or to nobody when nothing
tells them apart; a personal pronoun to the last person of its gender (when the text or the first
name tells it) who spoke or was the subject of a sentence before it; a definite role ("the U.S. diplomat") to the last person introduced with a
title of that class and compatible nationality; an indefinite role ("A State Department
spokesman") stays a role, with its organisation. Nothing else is guessed: an unresolved mention
keeps ``speaker=None`` (pronouns) or its own words (groups, bodies).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from . import patterns as P
from .cues import text_of
from .records import AMBIGUOUS, PRONOUN, RECORD, ROLE, UNNAMED

if TYPE_CHECKING:
    from spacy.tokens import Doc

# How far back (characters) a pronoun looks for its antecedent: about two paragraphs of news text.
PRONOUN_WINDOW = 1200
# At most this many words open a sentence with an unnamed person ("Anderson's ex-wife", "The boy's mother").
MAX_ROLE_SUBJECT_WORDS = 5
# How far back a definite role ("the diplomat") looks for the person introduced with that title.
ROLE_WINDOW = 6000
NAME_LABELS = ("PERSON",)
# A headline line: at most this many words, this share of them capitalised, no sentence end.
MAX_HEADLINE_WORDS = 16
HEADLINE_CAPITALS = 0.7
BODY_LABELS = ("ORG", "GPE", "NORP")
_NATION = {"u.s.": "us", "us": "us", "american": "us", "america": "us", "united states": "us",
           "washington": "us", "chinese": "cn", "china": "cn", "beijing": "cn", "prc": "cn",
           "russian": "ru", "russia": "ru", "moscow": "ru", "kremlin": "ru", "british": "gb",
           "uk": "gb", "britain": "gb", "french": "fr", "france": "fr", "german": "de",
           "germany": "de", "ukrainian": "ua", "ukraine": "ua", "kyiv": "ua", "israeli": "il",
           "israel": "il", "iranian": "ir", "iran": "ir", "japanese": "jp", "japan": "jp",
           "indian": "in", "india": "in", "european": "eu", "eu": "eu",
           # parties, like nations: "the Republican nominee" is not the Democratic one
           "republican": "gop", "gop": "gop", "democratic": "dem", "democrat": "dem"}
_PARTIES = frozenset(("gop", "dem"))
# "the Kentucky Republican", "the New York Democrat": a politician named by state and party.
_PARTY_EPITHET = re.compile(r"the (?:[A-Z][\w.'’-]+ ){1,2}(Republican|Democrat)$")
_FAMILY = frozenset(("parent", "child", "sibling", "spouse", "relative"))
_TOKEN = re.compile(r"[\w.'’-]+")


@dataclass(**RECORD)
class Person:
    """A named person in one text: its canonical name, and what the text called it."""

    name: str
    start: int
    end: int
    roles: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()  # the role words themselves ("president", "leader"), lower case
    nations: frozenset[str] = frozenset()
    gender: str | None = None  # "m", "f" or None (unknown: rules no pronoun out)
    ambiguous: bool = False  # a shared name ("Mateen") nothing in the text assigns to one person


@dataclass(**RECORD)
class Resolution:
    speaker: str | None
    org: str | None = None
    flags: tuple[str, ...] = ()
    gender: str | None = None


@dataclass(kw_only=True)
class SpeakerIndex:
    """The people of one parsed text, and the speakers resolved so far (in text order)."""

    doc: Doc
    persons: list[Person] = field(default_factory=list)
    canonical: dict[str, str] = field(default_factory=dict)  # surface name -> canonical name
    history: list[tuple[int, Resolution]] = field(default_factory=list)  # (offset, resolution) of resolved quotes
    bodies: list[tuple[int, str]] = field(default_factory=list)  # (offset, body) of bodies that spoke
    spoken: list[tuple[int, Resolution]] = field(default_factory=list)  # every resolution, in order
    quoted: list[tuple[int, int]] = field(default_factory=list)  # quotation spans: a speaker's words
    organisations: frozenset[str] = frozenset()  # names the entity tagger tags ORG, as _body_of gives them

    def in_quotes(self, offset: int) -> bool:
        """A name inside quotation marks is the quoted speaker's word ("But he (Omar) has
        killed ..."): never the antecedent of the reporter's "he said"."""
        return any(a <= offset < b for a, b in self.quoted)

    @classmethod
    def build(cls, doc) -> "SpeakerIndex":
        from .marks import find_quotations

        index = cls(doc=doc)
        index.quoted = [(q.open_at, q.outer_end) for q in find_quotations(text_of(doc))]
        index.organisations = frozenset(_strip_determiner(e.text) for e in doc.ents if e.label_ == "ORG")
        names = _person_mentions(doc)
        index.canonical = canonical_in_text([text for text, _, _, _ in names])
        for text, start, end, head in names:
            roles, titles, nations, words = _titles(doc, head)
            index.persons.append(Person(name=index.canonical[text], start=start, end=end, roles=roles,
                                        titles=titles, nations=nations, gender=_gender_of_words(words)))
        index._shared_names([strip_titles(text) for text, _, _, _ in names])
        genders = _genders(index.persons)
        index.persons = [replace(p, gender=genders.get(p.name)) for p in index.persons]
        return index

    def _shared_names(self, written: list[str]) -> None:
        """A lone name that two people of the text share ("Mateen": Seddique Mir Mateen and his
        son Omar Mateen) is, at each mention, the one introduced before it; among several, the
        one the text has made a subject most often so far ("the elder/younger Mateen" first picks
        the parent/child); on a tie, nobody: the mention stays ambiguous."""
        full = list(dict.fromkeys(p.name for p in self.persons if len(p.name.split()) > 1))
        subjects: Counter = Counter()
        text = text_of(self.doc)
        for i, (person, word) in enumerate(zip(self.persons, written)):
            family = [n for n in full if len(word.split()) == 1 and _part_of(word, n)]
            if len(family) > 1:
                introduced = [n for n in family if any(p.name == n and p.start < person.start for p in self.persons)]
                family = introduced or family
            if len(family) > 1:
                before = text[max(0, person.start - 12):person.start].lower()
                roles = {n: set().union(*(p.roles for p in self.persons if p.name == n)) for n in family}
                if "elder" in before or "senior" in before:
                    family = [n for n in family if "child" not in roles[n]] or family
                elif "younger" in before or "junior" in before:
                    family = [n for n in family if "parent" not in roles[n]] or family
            if len(family) > 1:
                ranked = sorted(family, key=lambda n: subjects[n], reverse=True)
                if subjects[ranked[0]] > subjects[ranked[1]]:
                    family = ranked[:1]
                else:
                    person = self.persons[i] = replace(person, name=word, ambiguous=True)
            if len(family) == 1 and person.name != family[0]:
                person = self.persons[i] = replace(person, name=family[0])
            if not person.ambiguous and not self.in_quotes(person.start) and self._is_subject(person):
                subjects[person.name] += 1

    def resolve(self, start: int, end: int, head_index: int | None) -> Resolution:
        """The speaker of the mention at ``start:end`` (``head_index``: its head token)."""
        resolution = self._resolve(start, end, head_index)
        self.spoken.append((start, resolution))
        return resolution

    def _resolve(self, start: int, end: int, head_index: int | None) -> Resolution:
        if head_index is not None and self.doc[head_index].lower_ in P.RELATIVE_PRONOUNS \
                and self.doc[head_index].head.dep_ == "relcl":
            head_index = self.doc[head_index].head.head.i  # "Eric Kingson, who said": the name
        inside = [p for p in self.persons if p.start < end and start < p.end]
        head_at = self.doc[head_index].idx if head_index is not None else None
        heads = [p for p in inside if head_at is None or p.start <= head_at < p.end]
        if heads:
            if heads[-1].ambiguous:
                return Resolution(speaker=heads[-1].name, flags=(AMBIGUOUS,))
            return self._remember(start, Resolution(speaker=heads[-1].name, gender=heads[-1].gender))
        mention = P.RELATIVE_TAIL.sub("", text_of(self.doc)[start:end])  # "Eric Kingson, who" -> the name
        end = start + len(mention)
        words = mention.lower().split()
        named = self._name_part(start, _clean_name(mention))
        if named is not None:
            return self._remember(start, Resolution(speaker=named))
        if len(words) == 1 and words[0] in P.PRONOUNS:
            return self._pronoun(start, words[0])
        if len(words) == 1 and words[0] in P.POSSESSIVES:  # "His assertion that ...": he, not "His"
            return self._pronoun(start, P.POSSESSIVES[words[0]])
        untagged = strip_titles(mention)
        if len(untagged.split()) >= 2 and _looks_like_name(untagged) and not _has_body(self.doc, start, end):
            # "Patrol Chief James Hall", a name the tagger missed (not "the United States")
            return self._remember(start, Resolution(speaker=untagged, gender=_genders(
                [Person(name=untagged, start=start, end=end)]).get(untagged)))
        epithet = _PARTY_EPITHET.match(mention.strip())
        if epithet is not None:
            return self._party_member(start, _NATION[epithet.group(1).lower()])
        role = _role_of(mention)
        if role is not None:
            return self._role(start, mention, role, head_index)
        body = _body_of(self.doc, start, end)
        if body is not None:
            self.bodies.append((start, body))
            return Resolution(speaker=body)
        if words[0] == "the" and len(words) == 2 and words[1] in P.ORGANISATION_NOUNS:
            named = self._last_body(start)
            if named is not None:  # "Crayola ... ‘...,’ the company says"
                return Resolution(speaker=named, flags=(ROLE,))
        cleaned = _strip_determiner(mention)
        if not cleaned or words[0] in P.PRONOUNS:
            return Resolution(speaker=None, flags=(PRONOUN,))
        if not _names_anyone(self.doc, start, end):
            return Resolution(speaker=None)  # 'in', 'the', 'mentioned', 'This': no speaker, not a guess
        return Resolution(speaker=cleaned, flags=(UNNAMED,))

    def _last_body(self, offset: int) -> str | None:
        """The organisation "the company" / "the agency" refers to: the last one that spoke before
        ``offset``, else the last one named, within ``PRONOUN_WINDOW`` (outside quotation marks)."""
        spoke = [(at, body) for at, body in self.bodies if 0 < offset - at <= PRONOUN_WINDOW and body in self.organisations]
        if spoke:
            return max(spoke)[1]
        named = [e for e in self.doc.ents if e.label_ == "ORG" and e.end_char <= offset
                 and offset - e.start_char <= PRONOUN_WINDOW and not self.in_quotes(e.start_char)]
        return _strip_determiner(named[-1].text) if named else None

    def _party_member(self, offset: int, party: str) -> Resolution:
        """"the Kentucky Republican said": the person named last before it (outside quotation
        marks, within ``PRONOUN_WINDOW``) whom the text gives that party ("Democratic Sen. ..."),
        else the one named last whom it gives no party ("a meeting with Rep. Ed Royce, the
        chairman of ..., the California Republican said"); unresolved when there is none."""
        near = [p for p in self.persons if p.start < offset and offset - p.start <= PRONOUN_WINDOW
                and not self.in_quotes(p.start) and not p.ambiguous]
        parties = {p.name: self._parties(p.name) for p in near}
        member = next((p for p in reversed(near) if parties[p.name] == {party}), None)  # "Democratic Sen. ..."
        member = member or next((p for p in reversed(near) if not parties[p.name]), None)
        if member is None:
            return Resolution(speaker=None, flags=(UNNAMED,))
        return self._remember(offset, Resolution(speaker=member.name, flags=(ROLE,), gender=member.gender))

    def _parties(self, name: str) -> set[str]:
        """The parties the text gives the person ``name`` ("Democratic Sen. ...")."""
        return set().union(*(p.nations for p in self.persons if p.name == name)) & _PARTIES

    def _name_part(self, offset: int, word: str) -> str | None:
        """A lone name the tagger missed ("Wang told Blinken") that is part of a person's name
        used before (or, failing that, after) it in the text."""
        if not word or " " in word or not word[:1].isupper():
            return None
        matches = [p for p in self.persons if _part_of(word, p.name) and not p.ambiguous]
        if len({p.name for p in matches}) > 1:
            return None  # two people share it, and the tagger did not even see a name here
        earlier = [p for p in matches if p.start < offset]
        chosen = earlier[-1] if earlier else (matches[0] if matches else None)
        return chosen.name if chosen is not None else None

    def _remember(self, offset: int, resolution: Resolution) -> Resolution:
        """Keep a person who spoke, named or by role ("an official said"), for "he said" after."""
        if resolution.speaker:
            self.history.append((offset, resolution))
        return resolution

    def gender_of(self, name: str | None) -> str | None:
        return next((p.gender for p in self.persons if p.name == name), None)

    def _pronoun(self, offset: int, pronoun: str) -> Resolution:
        """he/she: the last person who spoke, or the last named subject of a main clause, within
        ``PRONOUN_WINDOW``; it: the last organisation or country that spoke. I/we/they: none."""
        if pronoun not in ("he", "she", "it", "him", "her"):  # first person outside quotes: the author; plural: a group
            return Resolution(speaker=None, flags=(PRONOUN,))
        if pronoun == "it":
            near = [(at, body) for at, body in self.bodies if 0 < offset - at <= PRONOUN_WINDOW]
            return Resolution(speaker=max(near)[1] if near else None, flags=(PRONOUN,))
        want = P.PRONOUNS[pronoun]
        local = self._same_sentence_person(offset, want)
        if local is not None:
            return self._remember(offset, Resolution(speaker=local.name, flags=(PRONOUN,), gender=local.gender or want))
        named = {p.name for p in self.persons}
        bodies = self.organisations - named
        candidates = [(at, r) for at, r in self.history if at < offset and r.speaker not in bodies and (
                      r.speaker in named or UNNAMED not in r.flags or r.gender is not None or _person_role(r.speaker))]
        candidates += [(p.start, Resolution(speaker=p.name, gender=p.gender)) for p in self.persons
                       if p.start < offset and not p.ambiguous and not self.in_quotes(p.start) and self._is_subject(p)]
        candidates = [(at, r) for at, r in candidates if offset - at <= PRONOUN_WINDOW
                      and (r.gender or self.gender_of(r.speaker)) in (None, want)]
        if not candidates:
            return Resolution(speaker=None, flags=(PRONOUN,))
        chosen = max(candidates, key=lambda c: c[0])[1]
        flags = tuple(dict.fromkeys((*(f for f in chosen.flags if f in (UNNAMED, ROLE)), PRONOUN)))
        return self._remember(offset, Resolution(speaker=chosen.speaker, org=chosen.org, flags=flags,
                                                 gender=chosen.gender or want))

    def _token_at(self, offset: int):
        """The token holding character ``offset``, or None."""
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _same_sentence_person(self, offset: int, want: str) -> Person | None:
        """A pronoun in a subordinate clause ("... against him in 1996, after he told her ...")
        whose own sentence names one person of its gender before it, outside quotation marks:
        that person, rather than the last speaker of the text."""
        token = self._token_at(offset)
        if token is None:
            return None
        verb = token.head
        if verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"):
            return None  # a main clause's subject: the last speaker rule holds
        sent = token.sent
        people = {p.name: p for p in self.persons if sent.start_char <= p.start < offset and not p.ambiguous
                  and not self.in_quotes(p.start) and (p.gender or self.gender_of(p.name)) in (None, want)}
        return next(iter(people.values())) if len(people) == 1 else None

    def _unnamed_in_sentence(self, offset: int) -> str | None:
        """The subject of the sentence before ``offset`` when it names a person by a role of
        their own and no name ("Anderson's ex-wife", "a neighbour"): what "the woman" / "the man"
        later in that sentence refers to."""
        token = self._token_at(offset)
        if token is None:
            return None
        for t in token.sent:
            if t.idx >= offset:
                break
            if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN" and not t.ent_type_:
                words = text_of(self.doc)[token.sent.start_char:t.idx + len(t)].strip()  # the sentence opens with it
                if "," in words or len(words.split()) > MAX_ROLE_SUBJECT_WORDS:
                    continue
                role = _role_of(words)
                if role is not None and role[1] != "person" and not any(p.start <= t.idx < p.end for p in self.persons):
                    return words
        return None

    def _is_subject(self, person: Person) -> bool:
        """Subject of a main clause (not of "since President Joe Biden took office")."""
        span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        while root.dep_ in ("compound", "appos", "flat", "conj") and root.head is not root:
            root = root.head  # "Hunter Biden and Jill Biden arrived": both subjects
        return root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ in ("ROOT", "conj", "ccomp")

    def _role(self, offset: int, mention: str, role: tuple[str, str], head_index) -> Resolution:
        role_text, role_class = role
        lowered = mention.lower().lstrip()
        org = _org_of(mention, role_text)
        definite = lowered.startswith(("the ", "this ", "that "))
        plural = re.search(rf"\b{re.escape(role_text)}s\b", lowered) is not None
        if definite and not plural and role_class == "person":
            earlier = self._unnamed_in_sentence(offset)
            if earlier is not None:  # "Anderson's ex-wife filed ..., the woman wrote": the ex-wife
                return Resolution(speaker=earlier, org=org, flags=(UNNAMED,), gender=_gender_of_words(mention.lower()))
        if definite and not plural:
            nations = _nations(mention)
            classes = P.GENERIC_ROLE.get(role_class, {role_class})
            candidates = [p for p in self.persons if p.start < offset and offset - p.start <= ROLE_WINDOW
                          and p.roles & classes and not (nations and p.nations and not nations & p.nations)]
            if role_class == "speaker" and self.spoken:  # "The speaker said": whoever spoke last
                last = self.spoken[-1][1]
                return Resolution(speaker=last.speaker, org=last.org, flags=(*last.flags, ROLE))
            candidates = [p for p in candidates if not p.ambiguous]
            # "the president": one introduced as president before one introduced as a leader of
            # another kind ("Progressive Caucus leader Rep. Raul Grijalva")
            candidates = [p for p in candidates if role_text in p.titles] or candidates
            if role_class in _FAMILY and len({p.name for p in candidates}) > 1:
                candidates = []  # "the son" with two sons named: nobody
            if candidates:
                return self._remember(offset, Resolution(speaker=candidates[-1].name, org=org, flags=(ROLE,),
                                                         gender=candidates[-1].gender))
            party = nations & _PARTIES
            if role_class == "candidate" and len(party) == 1:
                # "the GOP candidate" where no one was introduced as one: as "the Kentucky Republican",
                # but a person the text gives no party only when they are the one who spoke last
                member = self._party_member(offset, next(iter(party)))
                spoke_last = next((r.speaker for at, r in reversed(self.history) if at < offset), None)
                if member.speaker is not None and (party <= self._parties(member.speaker) or member.speaker == spoke_last):
                    return member
        if plural:
            return Resolution(speaker=_strip_determiner(mention), org=org, flags=(UNNAMED,))
        return self._remember(offset, Resolution(speaker=_strip_determiner(mention), org=org, flags=(UNNAMED,),
                                                 gender=_gender_of_words(mention.lower())))


def _person_mentions(doc) -> list[tuple[str, int, int, int]]:
    """(name, start, end, head token) of each person mention, with one label per name per text.

    The small model tags a lone surname GPE or ORG in some mentions ("Blinken", "Wang"); a name
    that is the last word of a PERSON name in the same text, or is a PERSON by majority, counts.
    """
    votes: dict[str, Counter] = {}
    for ent in doc.ents:
        votes.setdefault(_clean_name(ent.text), Counter())[ent.label_] += 1
    text = text_of(doc)
    headline = {name for name in votes if " " in name and _headline_only(text, name)}
    headline |= {name for name in votes if set(name.lower().split()) <= P.PAGE_WIDGET_WORDS}  # "Twitter Pinterest"
    people = {name for name, c in votes.items() if (c.most_common(1)[0][0] in NAME_LABELS or c["PERSON"] >= 2)
              and name not in headline}
    surnames = {part for name in people if len(name.split()) > 1 for part in (name.split()[0], name.split()[-1])}
    mentions = []
    for ent in doc.ents:
        name = _clean_name(ent.text)
        if not name or not name[0].isupper():
            continue
        if name in headline:
            continue  # "Kardashian Fam Shocked by Obama Diss": a headline's capitals, not a name (nor a share button)
        if _named_as_body(text, ent.start_char):
            continue  # "Campaign group Avaaz", "Art supply company Crayola": an organisation the tagger took for a person
        words = name.split()
        mislabelled_full = (len(words) >= 2 and words[-1] in surnames and all(w[:1].isupper() for w in words)
                            and ent.label_ not in ("NORP", "GPE", "LOC", "FAC", "DATE", "CARDINAL")
                            and name.lower() not in _TITLE_WORDS)  # "Keith Lamont Scott" tagged ORG
        if name in people or mislabelled_full or (ent.label_ in BODY_LABELS and name in surnames and ent.label_ != "NORP"):
            start = ent.start_char + ent.text.find(name.split()[0])
            mentions.append((name, start, start + len(name), ent.root.i))
    # a surname the tagger missed or mislabelled ("Mateen" as PRODUCT, or no entity at all), alone
    # or after a first name ("Rakeyia Scott" beside "Keith Lamont Scott")
    covered = {i for _, start, end, _ in mentions for i in range(start, end)}
    for token in doc:
        if token.pos_ != "PROPN" or token.text not in surnames or token.idx in covered \
                or token.ent_type_ in ("NORP", "GPE", "LOC", "FAC"):
            continue
        if not _in_longer_name(token):
            mentions.append((token.text, token.idx, token.idx + len(token), token.i))
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if before is not None and _name_word(before) and not (after is not None and _name_word(after)) \
                and before.idx not in covered and (token.i < 2 or not _name_word(doc[token.i - 2])):
            mentions.append((f"{before.text} {token.text}", before.idx, token.idx + len(token), token.i))
    return sorted(mentions, key=lambda m: m[1])


_BODY_BEFORE = re.compile(r"\b(?:%s)\s+$" % "|".join(sorted(P.ORGANISATION_NOUNS)), re.I)


def _named_as_body(text: str, start: int) -> bool:
    """The words right before a name call it an organisation ("campaign group Avaaz")."""
    return _BODY_BEFORE.search(text, max(0, start - 20), start) is not None


def _headline_only(text: str, name: str) -> bool:
    """Every occurrence of ``name`` lies in a Title Case line with no sentence end (a headline),
    where the tagger reads capitalised words next to a name as part of it."""
    at = text.find(name)
    if at < 0:
        return False
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        line = text[start:end if end >= 0 else len(text)].strip()
        words = [w for w in line.split() if w[:1].isalpha()]
        if not words or line.endswith((".", "?", "!", "”", '"')) or len(words) > MAX_HEADLINE_WORDS \
                or sum(w[0].isupper() for w in words) < HEADLINE_CAPITALS * len(words):
            return False
        at = text.find(name, at + len(name))
    return True


def _name_word(token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.lower_ not in _TITLE_WORDS


def _in_longer_name(token) -> bool:
    """"Hall" in "Patrol Chief James Hall": part of another name the tagger missed, not a lone surname."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return any(t is not None and t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in _TITLE_WORDS
               for t in (before, after))


def _clean_name(text: str) -> str:
    text = P.POSSESSIVE.sub("", text.strip().strip("\"“”‘’'"))
    text = P.HONORIFICS.sub("", text)
    return P.NAME_SUFFIX.sub("", text).strip(" .,")


def _titles(doc, head_index: int) -> tuple[frozenset[str], frozenset[str], frozenset[str], str]:
    """Role classes, role words and nationalities of the title a person is introduced with:
    "Secretary of State Antony Blinken", "Blinken, the top U.S. diplomat", "China's top diplomat
    Wang Yi"; and the words themselves (for gender)."""
    head = doc[head_index]
    tokens = [t for t in head.subtree if t.dep_ not in ("relcl", "acl") and t.i <= head.i + 12]
    if head.dep_ == "appos":
        tokens += list(head.head.subtree)[:12]
    for child in head.children:
        if child.dep_ == "appos":
            tokens += list(child.subtree)[:12]
    words = " ".join(t.lower_ for t in sorted(set(tokens), key=lambda t: t.i))
    titles = {m.group(1) for m in _ROLES.finditer(words) if not m.group(2)}
    before = head.doc[max(0, head.left_edge.i - 1)].lower_ if head.left_edge.i > 0 else ""
    first = _clean_name(head.doc[head.left_edge.i:head.i + 1].text).split()
    return (frozenset(P.ROLE_CLASS[t] for t in titles), frozenset(titles), frozenset(_nations(words)),
            f"{before} {words} first:{first[0].lower() if first else ''}")


def _gender_of_words(words: str) -> str | None:
    """m / f from a mention and its title ("Mr.", "his son", "spokeswoman", its first name);
    None when they say nothing or disagree."""
    tokens = set(words.replace(",", " ").split())
    first = first_name_gender(next((t[6:] for t in tokens if t.startswith("first:")), ""))
    male = bool(tokens & P.MALE_WORDS) or first == "m"
    female = bool(tokens & P.FEMALE_WORDS) or first == "f"
    return "m" if male and not female else "f" if female and not male else None


def first_name_gender(first: str) -> str | None:
    """"m" / "f" for a first name whose bearer's sex is near-certain: the short lists of names in
    the news (``patterns.MALE_NAMES``, ``FEMALE_NAMES``), then the 1990 US Census first names
    (``_census_first_names``); None for anything else ("Jordan" is both, "Wang" neither)."""
    first = first.lower()
    if first in P.MALE_NAMES:
        return "m"
    if first in P.FEMALE_NAMES:
        return "f"
    if first in P.FAMILY_NAMES_FIRST:
        return None  # "Mao Ning", "Li Qiang": a family name, though the census has a few Mao and Li
    return _census_first_names().get(first)


# A census first name tells the sex when one sex bears it this many times as often as the other,
# and at least this share of people (percent) bear it: rarer entries are mostly other names' spellings.
CENSUS_RATIO = 20.0
CENSUS_MIN_SHARE = 0.003


@cache
def _census_first_names() -> dict[str, str]:
    """{first name: m / f} from the US Census Bureau's 1990 first-name frequencies (public
    domain), as the `names` package ships them; {} without that package."""
    try:
        from importlib.resources import files

        base = files("names")
        female, male = (_census_file((base / f).read_text()) for f in ("dist.female.first", "dist.male.first"))
    except (ImportError, OSError):
        return {}
    out = {}
    for name in female.keys() | male.keys():
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        if max(f, m) < CENSUS_MIN_SHARE:
            continue
        if f >= CENSUS_RATIO * m:
            out[name] = "f"
        elif m >= CENSUS_RATIO * f:
            out[name] = "m"
    return out


def _census_file(text: str) -> dict[str, float]:
    """'MARY           2.629  2.629      1' lines: {name: share of the population, in percent}."""
    out = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].lower()] = float(parts[1])
    return out


def _genders(persons: list[Person]) -> dict[str, str | None]:
    """One gender per name: the first name decides when it tells one, else the mentions' titles agree."""
    out: dict[str, str | None] = {}
    for name in {p.name for p in persons}:
        first = first_name_gender(name.split()[0])
        if len(name.split()) > 1 and first is not None:
            out[name] = first
        else:
            seen = {p.gender for p in persons if p.name == name and p.gender}
            out[name] = seen.pop() if len(seen) == 1 else None
    return out


def _has_body(doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(e.label_ not in NAME_LABELS for e in span.ents)


def _looks_like_name(text: str) -> bool:
    """Two to four capitalised words, none a role, a body or a nationality word."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w.lower() not in _TITLE_WORDS and w.lower() not in _NATION
                                        and w.lower() not in P.ROLE_CLASS for w in words) \
        and not re.search(r"\b(?:Department|Ministry|Office|Agency|Committee|Council|House|Party|News|Times|Post|Press)\b", text)


def _person_role(speaker: str | None) -> bool:
    """A role that is one person ("official", "spokesman"), not a body ("Pentagon")."""
    if not speaker:
        return False
    return _role_of(speaker) is not None and not re.search(r"s\b$", speaker.split()[-1])


# Longest keys first, so that "press secretary" wins over "secretary" at the same place.
_ROLES = re.compile(r"\b(%s)(s?)\b" % "|".join(re.escape(k) for k in sorted(P.ROLE_CLASS, key=len, reverse=True)))
_NATIONS = re.compile(r"(?<![\w.])(%s)(?!\w)" % "|".join(re.escape(k) for k in sorted(_NATION, key=len, reverse=True)))


def _nations(text: str) -> set[str]:
    lowered = text.lower().replace("’s", "").replace("'s", "")
    return {_NATION[m.group(1)] for m in _NATIONS.finditer(lowered)}


def _role_of(mention: str) -> tuple[str, str] | None:
    """(role words, role class) when the mention is named by a role ("a State Department spokesman")."""
    matches = list(_ROLES.finditer(mention.lower()))
    if not matches:
        return None
    last = max(matches, key=lambda m: (m.end(), len(m.group(1))))
    return last.group(1), P.ROLE_CLASS[last.group(1)]


def _org_of(mention: str, role_text: str) -> str | None:
    """The capitalised words before the role noun: "A State Department spokesman" -> "State Department"."""
    words = _strip_determiner(mention).split()
    org = []
    for word in words:
        if word.lower().startswith(role_text.split()[0]):
            break
        if word[:1].isupper() and word.lower() not in _NATION:
            org.append(word)
        elif org:
            org = []
    return " ".join(org) or None


def _body_of(doc, start: int, end: int) -> str | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for ent in span.ents:
        if ent.label_ in BODY_LABELS and len(ent) >= len(span) - 1:
            return _strip_determiner(ent.text)
    return None


def _names_anyone(doc, start: int, end: int) -> bool:
    """Whether a mention can name a speaker: it holds a noun, a name, a pronoun or a number ("32
    of them"), not only a preposition, an article, a verb or an adverb (a source span the tagger
    and linker cut badly: 'in', 'the', 'mentioned', 'This'). Asked last, after names, roles and
    bodies ('Soviet' is a body)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is None or any(t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") for t in span)


def _strip_determiner(text: str) -> str:
    return re.sub(r"^(?:a|an|the|this|that|another|one)\s+", "", text.strip(), flags=re.I).strip(" ,")


# --- canonical names ----------------------------------------------------------------------------
_TITLE_WORDS = {w for key in P.ROLE_CLASS for w in key.split()} | {
    "of", "state", "department", "foreign", "defense", "defence", "u.s.", "us", "deputy", "vice",
    "former", "top", "senior", "chief", "white", "house", "press", "national", "security", "ministry",
    "mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "brig.", "lt.", "col.", "prof."}


def strip_titles(name: str) -> str:
    """"Secretary of State Antony Blinken" -> "Antony Blinken"; "Mr. Cruz" -> "Cruz"."""
    tokens = _clean_name(name).split()
    keep: list[str] = []
    for token in reversed(tokens):
        if token.lower() in _TITLE_WORDS or not token[:1].isupper():
            break
        keep.append(token)
    return " ".join(reversed(keep)) or _clean_name(name)


def canonical_in_text(names: Iterable[str]) -> dict[str, str]:
    """Each name (in text order) -> the fullest form of it: a later "Blinken" -> "Antony Blinken",
    "Wang" -> the last "Wang ..." named before it (Chinese names put the family name first)."""
    names = list(names)
    stripped = [strip_titles(n) for n in names]
    spelling = _spellings(n for n in stripped if len(n.split()) > 1)
    out: dict[str, str] = {}
    for i, (original, name) in enumerate(zip(names, stripped)):
        if original in out:
            continue
        words = name.split()
        if len(words) > 1:
            out[original] = spelling[folded(name)]
            continue
        earlier = [n for n in reversed(stripped[:i]) if len(n.split()) > 1 and _part_of(name, n)]
        later = [n for n in stripped[i + 1:] if len(n.split()) > 1 and _part_of(name, n)]
        found = (earlier or later or [name])[0]
        out[original] = spelling.get(folded(found), found)
    return out


@lru_cache(maxsize=1 << 16)
def folded(name: str) -> str:
    """Lower case without accents: "François Hollande" and "Francois Hollande" (a headline's
    ASCII spelling) are one name."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()


def _spellings(names: Iterable[str]) -> dict[str, str]:
    """{folded name: the spelling shown}: the accented one when a text has both."""
    out: dict[str, str] = {}
    for name in names:
        key = folded(name)
        if key not in out or (out[key].lower() == key and name.lower() != key):
            out[key] = name
    return out


def _part_of(short: str, full: str) -> bool:
    words = folded(full).split()
    return folded(short) in (words[0], words[-1])


def canonical_speaker(names: Iterable[str]) -> dict[str, str]:
    """Unify speaker names across texts: each name -> one canonical form.

    "Blinken", "Antony Blinken" and "Secretary of State Antony Blinken" all map to "Antony
    Blinken". A bare surname shared by two different full names ("Biden": Joe, Jill) goes to the
    more frequent one; names that are not persons (roles, bodies) map to themselves.
    """
    names = list(names)
    return _unify([strip_titles(n) for n in names], names)


def _unify(stripped: list[str], originals: list[str]) -> dict[str, str]:
    counts = Counter(stripped)
    by_surname: dict[str, list[str]] = {}
    by_first: dict[str, list[str]] = {}
    for name in counts:
        if name:
            by_surname.setdefault(folded(name.split()[-1]), []).append(name)
            if len(name.split()) > 1:
                by_first.setdefault(folded(name.split()[0]), []).append(name)
    out = {}
    for original, name in zip(originals, stripped):
        if not name:
            out[original] = original
            continue
        key = folded(name.split()[-1])
        family = [other for other in by_surname[key] if _compatible(name, other)]
        if len(name.split()) == 1 and len(family) == 1:  # "Xi" -> "Xi Jinping": family name first
            family += by_first.get(key, [])
        out[original] = max(family, key=lambda n: (len(n.split()), counts[n], folded(n) != n.lower(), len(n)))
    return out


def _compatible(short: str, long: str) -> bool:
    """Same person: one name's words are a suffix of the other's, first names agree or an initial."""
    a, b = folded(short).split(), folded(long).split()
    if len(a) > len(b):
        a, b = b, a
    if a[-1] != b[-1]:
        return False
    for x, y in zip(a[:-1], b[len(b) - len(a):-1]):
        x, y = x.rstrip("."), y.rstrip(".")
        if x != y and not (len(x) == 1 and y.startswith(x)):
            return False
    return True
