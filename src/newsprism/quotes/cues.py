"""Attribution frames from the dependency parse: a cue verb, its subject (the source) and its
complement (the content), plus "according to X" and "X said:" before a quotation.

A frame is a candidate; ``extract`` decides which frames are attributions (the cue lexicon, and
the trained scorer in ``model.py`` when its weights are shipped).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from . import patterns as P
from .records import RECORD

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Complement relations that hold what was said, in order of preference (PolNeAR train: ccomp
# 6.4k, dobj 2.7k, prep 2.0k, xcomp 1.0k of the single-token cues whose content is one child).
CONTENT_DEPS = ("ccomp", "dobj", "xcomp", "prep", "oprd", "acomp", "advcl", "attr")
# A cue whose subject is missing borrows the subject of the verb it hangs from ("X said ... and
# added that", "X spoke, saying that").
BORROW_SUBJECT = ("conj", "advcl", "xcomp", "acl")
PUNCT_STRIP = " \t\n,;:—–-"
# How the parser hangs the name after an inverted cue ('“...,” opined Cleveland's Plain Dealer').
INVERTED_SOURCE_DEPS = ("nsubj", "dobj", "advmod", "npadvmod", "attr", "dep", "oprd", "appos")
# How many verbs up a subject-less cue looks for the subject it shares ("X began by saying").
MAX_BORROW_DEPTH = 4


@dataclass(**RECORD)
class Frame:
    """A candidate attribution: offsets of the cue, the source mention and the content."""

    cue_start: int
    cue_end: int
    cue: str
    cue_word: str  # the cue verb lower-cased ("said"), or "according to"
    content_start: int | None  # None: a cue with no complement ("A spokesman said.", "He added:")
    content_end: int | None
    content_dep: str | None  # how the content hangs from the cue: "ccomp", "dobj", ..., "according", "inverted"
    source_start: int | None = None
    source_end: int | None = None
    source_head: int | None = None  # token index of the source's head
    cue_index: int = -1  # token index of the cue verb


def text_of(doc) -> str:
    """``doc.text``, computed once per Doc (spaCy joins every token on each access)."""
    text = doc.user_data.get("newsprism.text")
    if text is None:
        text = doc.user_data["newsprism.text"] = doc.text
    return text


@cache
def cue_forms() -> dict[str, str]:
    """Inflected form -> base of every cue verb in the lexicon."""
    forms: dict[str, str] = {}
    for base in {*P.SPEECH, *P.COGNITION, *P.EVIDENCE}:
        for form in P.IRREGULAR.get(base) or _inflect(base):
            forms.setdefault(form, base)
    return forms


def _inflect(base: str) -> tuple[str, ...]:
    if base.endswith("e"):
        return base, base + "s", base + "d", base[:-1] + "ing"
    if base.endswith("y") and base[-2] not in "aeiou":
        return base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return base, base + "es", base + "ed", base + "ing"
    return base, base + "s", base + "ed", base + "ing"


def find_frames(doc, *, any_verb: bool = False) -> list[Frame]:
    """Every candidate attribution frame of a parsed document: verbs of the cue lexicon (or,
    with ``any_verb``, every verb with a complement, for the trained scorer to judge)."""
    forms = cue_forms()
    frames = []
    for token in doc:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            frame = _according_frame(doc, token)
        elif token.pos_ in ("VERB", "AUX") and token.lower_ in forms and token.lower_ not in P.NOT_CUES:
            frame = _verb_frame(doc, token)
        elif (said := _particle_cue(token)) is not None:  # '“...,” Trump went on': he continued
            end = doc[token.i + 1].idx + len(doc[token.i + 1])  # the particle is the next token
            frame = replace(_verb_frame(doc, token), cue_word=said, cue_end=end, cue=text_of(doc)[token.idx:end])
        elif any_verb and token.pos_ == "VERB" and token.lower_ not in P.NOT_CUES:
            frame = _verb_frame(doc, token)
            frame = frame if frame.content_start is not None else None
        elif any_verb and token.pos_ == "NOUN" and _noun_base(token) in P.NOUN_CUES:
            frame = _noun_frame(doc, token)
        else:
            frame = None
        if frame is not None:
            frames.append(frame)
    return frames


@cache
def _particle_forms() -> dict[str, str]:
    """Inflected form -> base of the verbs of ``patterns.PARTICLE_SPEECH``."""
    return {form: base for base, _ in P.PARTICLE_SPEECH
            for form in P.IRREGULAR.get(base) or _inflect(base)}


def _particle_cue(token) -> str | None:
    """The verb of saying that a verb and its particle with no complement read as ('“...,” Trump
    went on', 'Smith chimed in', 'Jones pushed back'), or None: not "went on to win", "pushed
    back the vote", "what is going on" (no subject that speaks)."""
    base = _particle_forms().get(token.lower_) if token.pos_ == "VERB" else None
    if base is None:
        return None
    particle = next((c.lower_ for c in token.children if c.dep_ in ("prt", "advmod") and c.i == token.i + 1), None)
    said = P.PARTICLE_SPEECH.get((base, particle or ""))
    if said is None or any(c.dep_ in ("xcomp", "dobj", "prep") or (c.dep_ == "advcl" and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in c.children)) for c in token.children):
        return None
    return said if any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "PRON", "NOUN") for c in token.children) else None


NOMINAL_DEPS = ("noun_that", "noun_relcl", "noun_prep")


def is_nominal(frame: Frame) -> bool:
    """Whether ``frame`` has a noun for its cue ("Trump's claim that ...")."""
    return frame.content_dep in NOMINAL_DEPS


def _noun_base(noun) -> str:
    return noun_base(noun.lower_)


def noun_base(word: str) -> str:
    """A lower-cased noun's singular when that is a noun of saying ("claims" -> "claim")."""
    if word.endswith("ies") and word[:-3] + "y" in P.NOUN_CUES:
        return word[:-3] + "y"
    if word.endswith("s") and word[:-1] in P.NOUN_CUES:
        return word[:-1]
    return word


def _noun_frame(doc, noun) -> Frame | None:
    """A nominal cue: "Trump's claim that the vote was rigged", "his criticism of the deal", "a
    warning by the agency about ...", "X made the accusation that ...". The content is the
    that-clause (or the "of"/"about" phrase) hanging from the noun; the source its possessor,
    its "by"/"from" object, or the subject of the verb the noun is the object of when that is a
    light verb ("made", "issued", "repeated"), or of the verb "in a statement" hangs from. None
    without content; a frame without a source is no candidate (PolNeAR train, held-apart fifth:
    such frames matched content but never the source)."""
    content = _noun_content(doc, noun)
    if content is None:
        return None
    source = _noun_source(noun)
    src = _span_of(source) if source is not None else (None, None)
    return Frame(cue_start=noun.idx, cue_end=noun.idx + len(noun), cue=noun.text, cue_word=_noun_base(noun),
                 content_start=content[0], content_end=content[1], content_dep=content[2],
                 source_start=src[0], source_end=src[1],
                 source_head=source.i if source is not None else None, cue_index=noun.i)


def _noun_content(doc, noun):
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp", "relcl") and child.left_edge.lower_ == "that" \
                and (child.dep_ != "relcl" or child.left_edge.i == noun.i + 1):
            if child.dep_ == "relcl" and any(c.dep_ in SUBJECTS and c.lower_ == "that" for c in child.children):
                continue  # "the report that said ...": a relative clause, its "that" the subject
            start, end = _clean(doc, child.left_edge.i, child.right_edge.i)
            if end > start:
                return start, end, "noun_that" if child.dep_ != "relcl" else "noun_relcl"
        if child.dep_ == "prep" and child.lower_ in P.NOUN_CONTENT_PREPS and child.i == noun.i + 1:
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                start, end = _clean(doc, objs[0].left_edge.i, child.right_edge.i)
                if end > start:
                    return start, end, "noun_prep"
    return None


def _noun_source(noun):
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.rights:
        if child.dep_ in ("prep", "agent") and child.lower_ in P.NOUN_SOURCE_PREPS:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs and objs[0].pos_ in ("PROPN", "PRON", "NOUN"):
                return objs[0]
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ in ("VERB", "AUX"):
        return _subject(head.head, 1)  # "X said in a statement that ...": the that-clause hangs from the noun
    if noun.dep_ == "dobj" and head.pos_ in ("VERB", "AUX") and head.lower_ in P.LIGHT_VERBS:
        return _subject(head, 1)
    return None


def colon_frame(doc, colon) -> Frame | None:
    """"Here's Clinton in December 1992: “...”": the name before a colon that opens a quotation
    is its source, the colon its cue (PolNeAR marks such colons as cues); a name between a dash
    and the colon first (``dash_label``)."""
    label = dash_label(doc, colon)
    if label is not None:
        start, end, head = label.start_char, label.end_char, label[-1]
    else:
        sent = colon.sent
        names = [t for t in doc[sent.start:colon.i] if (t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PRON")
                 and t.dep_ not in ("compound", "poss") and t.lower_ not in ("it", "this", "that", "here", "there")]
        if not names:
            return None
        head = names[-1]
        start, end = _span_of(head)
    return Frame(cue_start=colon.idx, cue_end=colon.idx + 1, cue=":", cue_word=":", content_start=None,
                 content_end=None, content_dep=None, source_start=start, source_end=end,
                 source_head=head.i, cue_index=colon.i)


# The most words of a name that labels a quotation after a dash ("... contests - Philip Bump: “...”").
MAX_LABEL_WORDS = 4


def dash_label(doc, colon):
    """'Pollsters agree - Carl Bialik: “...”': the capitalised words between a dash and the colon
    (any part of speech: spaCy tags "Pew" a common noun), as newsletters and roundups credit the
    passages they excerpt."""
    words: list = []
    for token in reversed(doc[colon.sent.start:colon.i]):
        if token.text in P.DASH_CUES or token.text == "--":
            break
        if not token.text[:1].isupper() or token.pos_ in ("PRON", "DET") or len(words) == MAX_LABEL_WORDS:
            return None
        words.append(token)
    else:
        return None  # no dash before the name in its sentence
    return doc[words[-1].i:colon.i] if words else None


def label_frames(doc) -> dict[int, Frame]:
    """Transcript turns: {offset of the label: frame} for each paragraph opening with a speaker
    label ("PENCE: Well, look, ..."), the label its source and the colon its cue.
    A label counts when it names a person of the text ("Pence" in "Governor Mike Pence") or
    the text is a dialogue (two labels or more, each used twice or more); "UPDATE:" does not."""
    text = text_of(doc)
    found = [(m, m.group("label")) for m in _paragraph_labels(text)]
    if not found:
        return {}
    people = {w for ent in doc.ents if ent.label_ == "PERSON" for w in ent.text.lower().split()}
    counts = Counter(label for _, label in found)
    dialogue = sum(n >= 2 for n in counts.values()) >= 2
    out = {}
    for m, label in found:
        if not (dialogue and counts[label] >= 2) and label.split()[-1].lower() not in people:
            continue
        span = doc.char_span(m.start("label"), m.end("label"), alignment_mode="contract")
        colon = doc.char_span(m.end("label"), m.end("label") + 1, alignment_mode="expand")
        if span is None or len(span) == 0 or colon is None:
            continue
        out[m.start("label")] = Frame(
            cue_start=m.end("label"), cue_end=m.end("label") + 1, cue=":", cue_word=":", content_start=None,
            content_end=None, content_dep=None, source_start=span.start_char, source_end=span.end_char,
            source_head=span[-1].i, cue_index=colon[0].i)
    return out


def _paragraph_labels(text: str):
    start = 0
    while start < len(text):
        m = P.SPEAKER_LABEL.match(text, start)
        if m is not None:
            yield m
        nxt = text.find("\n", start)
        if nxt < 0:
            break
        start = nxt + 1


def dash_frame(doc, after: int) -> Frame | None:
    """'“...” ― Sonya Herridge': a name after a dash right after a quotation (at ``after``) and
    ending its line is the quotation's source, the dash its cue."""
    text = text_of(doc)
    m = P.DASH_SOURCE.match(text, after)
    if m is None:
        return None
    span = doc.char_span(m.start("name"), m.end("name"), alignment_mode="contract")
    if span is None or len(span) == 0:
        return None
    dash = m.start() + len(m.group()) - len(m.group().lstrip())
    return Frame(cue_start=dash, cue_end=dash + 1, cue=text[dash], cue_word=text[dash], content_start=None,
                 content_end=None, content_dep=None, source_start=span.start_char, source_end=span.end_char,
                 source_head=span[-1].i, cue_index=span[0].i)


def inverted_source(doc, verb, frame: Frame) -> Frame | None:
    """'“...,” opined Cleveland's Plain Dealer', '“...,” said Skelly': after a quotation the cue
    comes first and the parser often takes the name for an object or an adverb; the capitalised
    name right after the verb is then the source."""
    for child in verb.rights:
        if child.i > verb.i + 4:
            break
        if child.dep_ in ("punct", "prt") or child.pos_ in ("ADP", "PART"):
            continue
        first = child.left_edge
        named = first.text[:1].isupper() or (first.lower_ in P.SOURCE_DETERMINERS and child.pos_ in ("NOUN", "PROPN")
                                             and child.lower_ not in P.CUE_OBJECTS)  # "added another Republican"
        if child.dep_ in INVERTED_SOURCE_DEPS and first.i == verb.i + 1 and named \
                and child.ent_type_ not in P.NOT_SPEAKER_ENTS:
            start, end = _span_of(child)
            return replace(frame, source_start=start, source_end=end, source_head=child.i)
        break
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if after is not None and after.ent_type_ == "PERSON" and after.ent_iob_ == "B" and after.text[:1].isupper():
        # '“...,” said David Brock, a confidant who heads ...': the parser hung the name elsewhere
        name = next(e for e in doc.ents if e.start == after.i)
        return replace(frame, source_start=name.start_char, source_end=name.end_char, source_head=name.root.i)
    return None


def cue_frame(doc, verb) -> Frame:
    """The frame of ``verb`` as a cue, whatever the verb (its content may be None)."""
    return _verb_frame(doc, verb)


def _verb_frame(doc, verb) -> Frame:
    subject = _subject(verb)
    if subject is None or subject.dep_ == "csubj":
        # a clause is no speaker: "United States being “very direct” ... Kurt Campbell said"
        subject = _stranded_subject(verb, clause=subject) or subject
    start, end, dep = _content(doc, verb) or (None, None, None)
    cue_start, cue_end = _cue_extent(doc, verb)
    src: tuple[int, int] | tuple[None, None] = (None, None)
    publisher = _publisher(subject) if subject is not None else None
    if publisher is not None:
        subject = publisher
    if subject is not None:
        start_at, end_at = _span_of(subject)
        antecedent = _antecedent(subject)
        if antecedent is not None:  # "Eric Kingson, who": the mention holds the noun it stands for
            start_at = _span_of(antecedent)[0]
        author = _author_of(subject) if subject.i < verb.i else None
        if author is not None:  # "A 2014 estimate by the committee projected"
            end_at = max(end_at, _span_of(author)[1])
        conjunct = _conjunct(subject) if subject.i < verb.i else None
        if conjunct is not None:  # "GOP contender and former neurosurgeon Ben Carson responded"
            end_at = max(end_at, _span_of(conjunct)[1])
        src = (start_at, end_at)
    return Frame(cue_start=cue_start, cue_end=cue_end, cue=text_of(doc)[cue_start:cue_end],
                 cue_word=verb.lower_, content_start=start, content_end=end, content_dep=dep,
                 source_start=src[0], source_end=src[1],
                 source_head=subject.i if subject is not None else None, cue_index=verb.i)


def _subject(verb, depth: int = 0):
    """The source of ``verb``: its subject (or passive agent); for a verb without one, the subject
    it shares with the verb it hangs from (see ``_borrowed_subject``)."""
    for child in _nearest_subject_first(verb):
        if child.dep_ in SUBJECTS and not (child.dep_ == "nsubjpass" and depth == 0):
            objs = [c for c in child.children if c.dep_ == "pobj"] if child.pos_ == "ADP" else []
            if objs:  # "Of Carson, Levine, who ..., said": the parser's subject is "Of" (but "Al From said";
                # PolNeAR train, held-apart fifth 0.9463 -> 0.9467, four fifths unchanged)
                return objs[-1]
            after = _after_dateline(child)
            if after is not False:
                if after is not None:
                    return after
                continue
            return child
        if child.dep_ == "agent" and (verb.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in verb.children)):
            # "was told by X" (not the "by" of "called the massacre by his son ...")
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    if depth >= MAX_BORROW_DEPTH or verb.head is verb:
        return None
    if depth == 0 and any(c.dep_ == "nsubjpass" for c in verb.children):
        return None  # "Mr. Quiros was accused of ...": the accuser is not named
    return _borrowed_subject(verb, depth)


def _nearest_subject_first(verb) -> list:
    """The verb's children, the subject nearest before it first when the parser gave it two
    ("Tuesday at ... in Berea, OH, after winning Ohio ..., Gov. John Kasich (R-OH), said": "OH"
    and "Kasich" both subjects; the one next to the verb speaks). PolNeAR train, source accuracy:
    held-apart fifth 0.9420 -> 0.9435, the other four fifths 0.9304 -> 0.9311."""
    children = list(verb.children)
    subjects = [c for c in children if c.dep_ in SUBJECTS and c.i < verb.i]
    if len(subjects) < 2:
        return children
    nearest = subjects[-1]
    return [nearest, *(c for c in children if c.i != nearest.i)]


# How a noun before a subject-less finite cue hangs when the parser took it for something else:
# "..., former president Bill Clinton said" (appos), "Sanders, who sits ..., said" (the subject
# of the relative clause the parser read as a clause).
STRANDED_DEPS = ("nsubj", "appos", "dep", "ROOT")


def _stranded_subject(verb, clause=None):
    """A finite cue the parser left without a subject ("the wife of X, former president Bill
    Clinton said his wife ..."): the nearest noun before it in its sentence that hangs as a
    subject or an appositive, past the clauses and phrases that interrupt them (PolNeAR train:
    held-apart fifth source accuracy 0.938 -> 0.939, the other four fifths 0.927 -> 0.929). A
    cue the parser hung as an unknown dependent ("Clinton, exasperated, famously responded:",
    "dep") is one too (four fifths: 4 more sources right, the fifth unchanged)."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ not in ("ROOT", "ccomp", "dep") \
            or any((c.dep_ in SUBJECTS and (clause is None or c.i != clause.i)) or c.dep_ == "expl" for c in verb.children):
        return None
    depth = 0
    for token in reversed(verb.doc[verb.sent.start:verb.i]):
        depth += (token.text == ")") - (token.text == "(")
        if depth > 0 or token.text == "(":
            continue  # "Sen. Elizabeth Warren (D-MA) said": not the party and state
        if clause is not None and token.i in (clause.left_edge.i, clause.i):
            return None  # the clause subject begins here: no noun of its own between it and the verb
        if token.pos_ in ("PROPN", "NOUN") and (token.dep_ in STRANDED_DEPS or (
                token.i == verb.i - 1 and token.ent_type_ == "PERSON")):
            return token
        if token.pos_ == "PRON" and token.dep_ in SUBJECTS and token.lower_ in P.PERSONAL:
            return token
    return None


def _antecedent(subject):
    """The noun a relative pronoun subject stands for, when it ends right before the pronoun:
    "some commentators who have suggested" -> "commentators". The source span then runs from
    that noun phrase to the pronoun: PolNeAR marks either, mostly the pronoun (train, every
    fifth document by id: the noun alone as the source, 0.937 -> 0.921 source accuracy; the span
    over both, 0.937 -> 0.938)."""
    verb = subject.head
    if subject.tag_ not in ("WP", "WDT") or subject.lower_ not in P.RELATIVE_PRONOUNS or verb.dep_ != "relcl" \
            or verb.head.pos_ not in ("NOUN", "PROPN") or verb.head.i >= subject.i:
        return None
    between = subject.doc[verb.head.i + 1:subject.i]
    return verb.head if all(t.is_punct or t.is_space for t in between) else None


def _conjunct(subject):
    """The last noun coordinated with ``subject`` ("Trump and other Republicans", "GOP
    presidential contender and former neurosurgeon Ben Carson"): the source is the whole (PolNeAR
    train, source accuracy: held-apart fifth 0.9467 -> 0.9470, four fifths 0.9329 -> 0.9334)."""
    found = None
    for child in subject.rights:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN"):
            found = child
    return found


def _publisher(subject):
    """'The Washington Post ran a piece that noted ...', 'Trump released a video that said ...':
    a cue whose subject is the relative pronoun of a thing someone put out (the object of a verb)
    has that someone for its source, as PolNeAR marks it; not a verb of evidence ("documents that
    revealed"), whose thing is its source. PolNeAR train, four fifths: 4 sources fixed, 3 lost
    (0.9328 -> 0.9329), held-apart fifth unchanged (0.9463); the speaker shown gains a name
    ("Trump" for "a marketing video that")."""
    verb = subject.head
    if subject.lower_ not in ("that", "which") or verb.dep_ != "relcl" or verb.head.i >= subject.i \
            or cue_forms().get(verb.lower_) not in P.SPEECH or cue_forms().get(verb.lower_) in P.EVIDENCE:
        return None  # "documents that would have revealed", "results that show": the thing is the source
    thing = verb.head
    if thing.pos_ != "NOUN" or thing.dep_ != "dobj" or thing.ent_type_ or thing.head.pos_ not in ("VERB", "AUX"):
        return None
    owner = _subject(thing.head, 1)
    return owner if owner is not None and owner.pos_ in ("PROPN", "PRON", "NOUN") else None


# Entity kinds of a dateline's place ("New York (AFP) –"); an upper-case word is one too ("LONDON").
DATELINE_ENTS = ("GPE", "LOC")


def _after_dateline(token):
    """``False`` unless ``token`` is a dateline ("LONDON (Reuters) -", "CLEVELAND, July 19 (UPI)
    —", "New York (AFP) –") parsed as the subject; then the name the parser hung after its dash,
    or None (the verb's other subject is the source: "LONDON (Reuters) - Donald Trump said")."""
    if not ((token.is_upper and len(token.text) > 2) or token.ent_type_ in DATELINE_ENTS) \
            or token.left_edge.i != token.sent.start:
        return False  # "LONDON (Reuters) -", and Title Case ones: "New York (AFP) –"
    dashes = [t for t in token.subtree if t.dep_ == "punct" and t.text in P.DASH_CUES + "--"]
    if not dashes:
        return False
    names = [t for t in token.children if t.dep_ == "appos" and t.i > dashes[0].i]
    return names[0] if names else None


def _borrowed_subject(verb, depth: int):
    """"X said ... and added that", "X spoke, saying that": the subject of the head verb; "X
    ended by saying", "X is likely to say": through the preposition or adjective between them;
    "voters saying they want": the noun the participle modifies."""
    head = verb.head
    if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and head.i < verb.i \
            and (head.ent_type_ == "PERSON" or (head.pos_ == "NOUN" and _role_noun(head))) \
            and verb.lower_ in cue_forms() and not any(c.dep_ == "agent" for c in verb.children):
        return head  # '“...,” Nate Silver, the polling guru who ..., tweeted': the name the parser made the root
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN", "PRON"):
        # "X issued a statement saying": X (PolNeAR train: 32 of 39 such objects); "voters saying",
        # "a petition calling for": the noun itself
        head = _document_of(head) or head
        owner = _owner_of(head, depth + 1)
        return owner if owner is not None else head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return _subject(head.head, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ == "ADJ" and head.head.dep_ == "acomp":
        # "People are especially keen on telling women to ...": through the adjective (PolNeAR
        # train, four fifths: 5 more contents matched, 1 more source right)
        return _subject(head.head.head, depth + 1)
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
        return _subject(head.head, depth + 1)
    controller = _object_controller(verb) or _misjoined_subject(verb)
    if controller is not None:
        return controller
    if verb.dep_ in BORROW_SUBJECT:
        if verb.tag_ == "VBG":  # "China said it has not ..., adding that": the subject of "said"
            reporter = _outer_reporter(verb) if _set_off(verb) else None
            if reporter is not None:
                return _subject(reporter, depth + 1)
            up = head
            for _ in range(3):
                if up.lower_ in cue_forms() and any(c.dep_ in SUBJECTS for c in up.children):
                    return _subject(up, depth + 1)
                if up.head is up:
                    break
                up = up.head
        clause = head
        while clause.dep_ == "conj" and clause.head.i != clause.i:  # "saying that ... had ... but was waylaid
            # by voter mistrust - and arguing": up the chain of conjuncts (four fifths +1)
            clause = clause.head
        if verb.dep_ == "conj" and clause.dep_ == "ccomp" and clause.head.i != clause.i \
                and clause.head.lower_ in cue_forms() and clause.head.i < clause.i \
                and (verb.lower_ in cue_forms() or _pronoun_subject(head)):
            # "Ginsburg said that she didn't want to ... and predicted that ...": the parser hangs
            # the second cue on the reported clause; it is the reporting verb's conjunct (PolNeAR
            # train, source accuracy: held-apart fifth 0.9435 -> 0.9459, four fifths 0.9311 -> 0.9328)
            return _subject(clause.head, depth + 1)
        return _subject(head, depth + 1)
    return None


def _document_of(noun):
    """The document a participle describes when the parser hung it on the noun after that
    document: "blasted out an email to supporters stating", "responded with a note on the story
    saying": the email, the note."""
    if noun.dep_ != "pobj" or noun.head.dep_ not in ("prep", "dative") or noun.head.lower_ in P.NOUN_SOURCE_PREPS:
        return None  # "a new video from the terrorist group threatening": the group is its author
    above = noun.head.head
    if above.pos_ == "NOUN" and above.lower_ in P.DOCUMENTS:
        return above
    if above.pos_ in ("VERB", "AUX"):
        return next((c for c in above.children if c.dep_ == "dobj" and c.lower_ in P.DOCUMENTS and c.i < noun.i), None)
    return None


def _owner_of(noun, depth: int):
    """Who put out ``noun``: the subject of the verb it is the object of ("X issued a statement"),
    or of the verb it is the means of ("X responded with a note")."""
    if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
        return _subject(noun.head, depth)
    if noun.dep_ == "pobj" and noun.lower_ in P.DOCUMENTS and noun.head.lower_ in ("with", "through", "via") \
            and noun.head.head.pos_ in ("VERB", "AUX"):  # not "in the Trump release announcing": the Trump campaign's
        return _subject(noun.head.head, depth)
    return None


def _set_off(verb) -> bool:
    """A participle set off by a comma or dash ("..., essentially conceding that")."""
    k = verb.i - 1
    while k > verb.sent.start and verb.doc[k].dep_ == "advmod":
        k -= 1
    return k >= verb.sent.start and verb.doc[k].text in (",", *P.DASH_CUES, "--")


# Clauses climbed from a participle to the verb that reports the sentence (a bound, not tuned).
MAX_REPORTER_CLIMB = 6


def _outer_reporter(verb):
    """The outermost verb of saying or thinking with a subject above a participle adjunct: 'Byrne
    wrote the agents knew to brace ..., saying', 'Trump questioned why X did not speak ...,
    implying': the reporter of the sentence, not the subject of the clause it reports."""
    found, up = None, verb.head
    for _ in range(MAX_REPORTER_CLIMB):
        if up.i > verb.i:
            break  # a run-on sentence's next clause ('saying, “...” I think ...'), not the reporter
        if up.lower_ in cue_forms() and any(c.dep_ in SUBJECTS for c in up.children) \
                and not any(c.dep_ == "neg" for c in up.children):  # "X did not speak", "Comey cannot say"
            found = up
        if up.head is up or up.dep_ not in ("ccomp", "conj", "advcl", "xcomp"):
            break
        up = up.head
    return found


def _misjoined_subject(verb):
    """'He had heart surgery and school officials said ...': the parser joined "officials" to the
    object before it and "said" to "had"; the noun right before the verb is its subject."""
    if verb.dep_ != "conj" or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.pos_ in ("NOUN", "PROPN") and before.dep_ == "conj" and before.head.dep_ in ("dobj", "pobj", "attr") \
            and any(t.dep_ == "cc" for t in before.head.children if t.i < before.i):
        return before
    return None


# Verbs whose subject, not object, does the infinitive: "promised voters to cut taxes" (every
# inflected form: the pipeline runs no lemmatizer, ``lemma_`` is empty).
SUBJECT_CONTROL = frozenset(form for base in ("promise", "vow", "pledge", "threaten", "swear")
                            for form in P.IRREGULAR.get(base) or _inflect(base))


def _object_controller(verb):
    """'The victory led Priebus to declare ...', 'The scandal forced the minister to admit
    ...': the one who declares or admits is the object of the verb before the infinitive, not
    its subject."""
    head = verb.head
    if verb.dep_ != "xcomp" or verb.tag_ != "VB" or head.pos_ != "VERB" or head.lower_ in SUBJECT_CONTROL:
        return None
    objects = [c for c in head.children if c.dep_ == "dobj" and c.i < verb.i]
    return objects[-1] if objects else None


def _role_noun(token) -> bool:
    """A noun naming a person by office ("lawmaker", "spokesman"), not a thing ("a book called"):
    '; one lawmaker called Trump “the orange prince ...”', where the parser reads the cue as a
    participle of the noun (PolNeAR train, four fifths: source accuracy 0.9336 -> 0.9339, 3
    sources, none lost; held-apart fifth unchanged)."""
    word = token.lower_
    return word in P.ROLE_CLASS or (word.endswith("s") and word[:-1] in P.ROLE_CLASS)


def _pronoun_subject(verb) -> bool:
    return any(c.dep_ in SUBJECTS and c.lower_ in P.PERSONAL for c in verb.children)


def _content(doc, verb):
    """The complement of ``verb`` that holds what was said, or the clause it interrupts.

    A clause (ccomp) is the content on its own ("told reporters that ..."); otherwise the
    complements after the verb together ("described the move as “unsafe”", "urged X to ...").
    """
    if verb.dep_ == "parataxis" and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
        inverted = _inverted(doc, verb)  # "He was unable to find a taker, he said, on condition ..."
        if inverted is not None:
            return inverted
    if _as_clause(verb):
        inverted = _inverted(doc, verb)  # "As Politico reported, Trump would win": the main clause
        if inverted is not None:
            return inverted
    children = [c for c in verb.children if c.dep_ in CONTENT_DEPS and not _adjunct(c)]
    clauses = [c for c in children if c.dep_ == "ccomp"]
    dep: str | None
    if clauses:
        # One clause: a second is the parser hanging a phrase before the cue ("On Trump's assertion
        # there are generals ..., Benjamin said he believes ...") or an aside after a dash on it.
        after = [c for c in clauses if c.i > verb.i]
        chosen, dep = [after[0] if after else clauses[-1]], "ccomp"
    else:
        chosen = [c for c in children if c.i > verb.i]
        dep = chosen[0].dep_ if chosen else None
    if chosen:
        first, last = min(c.left_edge.i for c in chosen), max(c.right_edge.i for c in chosen)
        last = _before_next_cue(doc, verb, first, last)
        start, end = _clean(doc, first, last)
        if end > start:
            return start, end, dep
    if verb.dep_ == "parataxis" and verb.head is not verb:
        return _inverted(doc, verb)
    return None


def _as_clause(verb) -> bool:
    """"As Politico reported, ...", "..., as one adviser put it": a cue in an as-clause with no
    complement of its own (or only "it") reports the clause it hangs from."""
    if verb.dep_ != "advcl" or verb.head.i == verb.i or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return False
    return not any(c.dep_ in CONTENT_DEPS and not _adjunct(c) and c.lower_ not in ("it", "so")
                   for c in verb.children)


def _inverted(doc, verb):
    """"Such a decision, he said, would ...": the cue is a parenthetical inside its content; the
    content is the clause it hangs from, without the cue's own words."""
    head = verb.head
    own = {t.i for t in verb.subtree}
    rest = [t.i for t in head.subtree if t.i not in own]
    if not rest or head.pos_ not in ("VERB", "AUX"):
        return None
    start, end = _clean(doc, rest[0], rest[-1])
    if end > start and not (start <= verb.idx < end and verb.idx - start < 3):
        return start, end, "inverted"
    return None


_ADJUNCT_PREPS = {"in", "at", "on", "after", "during", "with", "before", "since", "from", "by",
                  "via", "through", "while", "into", "under", "amid", "without"}


def _adjunct(child) -> bool:
    """Time, place and manner phrases hanging from the cue ("said in Beijing on Monday")."""
    if child.dep_ == "prep" and child.lower_ in _ADJUNCT_PREPS:
        return True
    return child.dep_ == "advcl" and child.i > 0 and child.doc[child.left_edge.i].lower_ in P.ADJUNCT_CLAUSE_MARKS


def _before_next_cue(doc, verb, first: int, last: int) -> int:
    """The content stops before a participle cue that starts another attribution: "... and
    “there’s nothing wrong with that” — asserting that ..." ends at "that”"."""
    forms = cue_forms()
    for token in doc[first + 1:last + 1]:
        if token.tag_ == "VBG" and (token.lower_ in forms or token.dep_ == "advcl") and token.dep_ in ("advcl", "xcomp", "conj") \
                and token.i > first + 2 and doc[token.i - 1].text in (",", "—", "–", "-", "--"):
            return token.i - 2
    return last


def _according_frame(doc, according) -> Frame | None:
    """"..., according to X" / "According to X, ...": the source is X, the content the clause."""
    to = doc[according.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in according.children if c.dep_ == "pobj"]
    if not objs:
        return None
    source = objs[0]
    src_start, src_end = _span_of(source)
    author = _author_of(source)
    if author is not None:  # "according to an analysis by the Pew Research Center": both
        src_end = max(src_end, _span_of(author)[1])
    sent = according.sent
    if according.i == sent.start or (according.i - sent.start <= 2):
        start, end = _clean(doc, source.right_edge.i + 1, sent.end - 1)
    else:
        start, end = _clean(doc, sent.start, according.i - 1)
    if end <= start:
        return None
    cue_end = to.idx + len(to)
    return Frame(cue_start=according.idx, cue_end=cue_end, cue=text_of(doc)[according.idx:cue_end],
                 cue_word="according to", content_start=start, content_end=end,
                 content_dep="according", source_start=src_start, source_end=src_end,
                 source_head=source.i, cue_index=according.i)


def _author_of(document):
    """Who made a document the source is ("an analysis by X", "a report from X", "a court
    document filed by X"): the object of the "by"/"from" right after it, or after a participle
    hanging from it; None for a person or a name."""
    if document.pos_ != "NOUN":
        return None
    for child in document.rights:
        hops = [child] if child.dep_ in ("prep", "agent") else \
            [c for c in child.children if c.dep_ in ("prep", "agent")] if child.dep_ == "acl" else []
        for prep in hops:
            if prep.lower_ in P.NOUN_SOURCE_PREPS:
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        break
    return None


def _cue_extent(doc, verb) -> tuple[int, int]:
    """The cue as written: the verb with its particle and a conventional object ("told reporters")."""
    end_token = verb
    for child in verb.children:
        if child.i <= verb.i or child.i > verb.i + 3:
            continue
        if child.dep_ == "prt" or (child.dep_ in ("dobj", "dative") and child.lower_ in P.CUE_OBJECTS):
            end_token = max(end_token, child, key=lambda t: t.i)
    return verb.idx, end_token.idx + len(end_token)


def _span_of(token) -> tuple[int, int]:
    """A compact mention span: the head with its left modifiers (titles, names), no clauses,
    and never reaching back over a line break (a sub-heading parsed into the subject), a
    quotation mark or a dateline the parser left in front of it."""
    left = next(token.lefts, token).left_edge
    while left.i < token.i and (left.is_punct or left.is_space):  # '” Flynn': the mark closes a quote
        left = token.doc[left.i + 1]
    right = token
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "nummod") or (child.dep_ == "prep" and child.i == token.i + 1
                                                           and child.lower_ == "of" and token.text[:1].isupper()):
            right = child.right_edge
        else:
            break
    start, end = left.idx, right.idx + len(right)
    text = text_of(token.doc)
    cut = max(text.rfind(mark, start, token.idx) for mark in "\n“”\"")  # nor over a quotation's mark
    if cut >= 0:
        start = cut + 1
        while start < token.idx and text[start].isspace():
            start += 1
    dateline = P.LEADING_DATELINE.match(text, start, end)  # nor over a dateline: "WASHINGTON - President ..."
    if dateline and dateline.end() <= token.idx:
        start = dateline.end()
    return start, end


def _clean(doc, first: int, last: int) -> tuple[int, int]:
    """Char span of tokens ``first..last`` without surrounding punctuation and spaces."""
    if last < first:
        return 0, 0
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    text = text_of(doc)
    while start < end and text[start] in PUNCT_STRIP:
        start += 1
    while end > start and text[end - 1] in PUNCT_STRIP + ".":
        end -= 1
    return start, end
