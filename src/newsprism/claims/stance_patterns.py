"""Regexes and word lists of the headline-vs-body stance model. Logic lives in stance_features.py.

Word lists hold plain words; stance_features stems both the lists and the text with the same
light stemmer, so "denies", "denied" and "denying" all meet "deny" below.
"""
from __future__ import annotations

import re

from ..patterns import DIGITS, ENGLISH_FUNCTION_WORDS, NOT_AFTER_WORD, SCALES
from ..patterns import NUMBER_WORDS as _NUMBER_VALUES
from ..patterns import WORD as WORD  # word tokens: letters and digits, inner apostrophes kept

# Sentence ends: . ! ? (optionally closed by quotes/brackets) followed by space and an opener;
# newlines always end a sentence (news bodies are one paragraph per line).
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\s*\n+\s*")

# A number as written: 2,500 / 6.1 / 40. Grouping commas are dropped before comparing. Unlike the
# shared ``newsprism.patterns.NUMBER``: digits only (number words are mapped word by word below)
# and no scale, as the trained stance model's number features were computed.
NUMBER = re.compile(rf"{NOT_AFTER_WORD}(?:{DIGITS})")

# Number words, so "three" in a headline meets "3" in a body: the digits as text. The trained
# model saw exactly these words (no "dozen", no teens), so the set stays the stage's own.
NUMBER_WORDS = {word: str((_NUMBER_VALUES | SCALES)[word]) for word in """
    one two three four five six seven eight nine ten eleven twelve twenty hundred thousand million
    """.split()}

# The English function words without "not" (a negation is a stance feature) and "now", with the
# reporting verbs and the commonest news words. The trained model saw exactly this set.
STOPWORDS = ENGLISH_FUNCTION_WORDS - {"don", "not", "now"} | {
    "also", "could", "new", "one", "said", "say", "says", "two", "would"}

# The FNC-1 baseline's refuting words (Fake News Challenge, fnc-1-baseline/feature_engineering.py)
# plus common debunking vocabulary; stems.
REFUTING = frozenset("""
fake fraud hoax false deny refute not despite nope doubt bogus debunk prank retract untrue myth
fabricated phony phoney satire satirical misleading mistaken misreported incorrect unfounded
baseless dismiss reject contradict disprove never fiction parody scam
""".split())

# Hedging / uncertainty: a body that *discusses* a claim without taking a side.
HEDGING = frozenset("""
allegedly alleged allegation reportedly apparently purportedly rumor rumour rumored unconfirmed unverified
claim may might could possibly perhaps suggest appear seem speculation uncertain unclear if whether
believe
""".split())

# Reporting cues: the body attributes what it says.
REPORTING = frozenset("""
according report told tell say said state announce tweet post wrote write quote claim source
spokesman spokeswoman spokesperson statement interview
""".split())

# Confirmation cues: the body vouches for the claim.
CONFIRMING = frozenset("""
confirm verified true proof prove proven indeed actually official officially admit acknowledge
real genuine
""".split())

# Negation: a token that flips the polarity of the clause it sits in.
NEGATION = frozenset("""
not no never neither nor none nobody nothing without cannot can't cant don't dont doesn't doesnt
didn't didnt won't wont isn't isnt aren't arent wasn't wasnt weren't werent hasn't hasnt
haven't havent hadn't hadnt wouldn't wouldnt shouldn't shouldnt couldn't couldnt n't
""".split())

# Predicate polarity of a clause toward its object: helping, backing, strengthening (SUPPORT)
# against warning, curbing, condemning, raising concerns (OPPOSE). A clause with any OPPOSE cue
# is read as opposing what it mentions ("concerns about China's support" opposes the support);
# this is what lets "X to boost Y" contradict a body where X raises concerns about Y.
SUPPORT = frozenset("""
boost back backing support aid help assist enhance strengthen bolster increase expand promote
encourage endorse approve welcome praise champion fund finance empower deepen improve
fuel power embrace allow permit favor favour ally partner cooperate
""".split())

OPPOSE = frozenset("""
warn caution concern worry curb limit restrict block ban halt stop prevent oppose condemn
criticize criticise confront pressure threaten sanction punish penalize penalise rebuke protest
object reject deny refuse challenge against urge demand investigate probe accuse blame slam
denounce fear alarm danger threat consequence risk deter discourage weaken undermine reduce cut
scrap drop cancel axe abandon
""".split())

POLARITY_WINDOW = 3  # a negation within this many tokens before a polarity word flips it
# An OPPOSE cue this many tokens or fewer before a SUPPORT word opposes that support
# ("concerns with China regarding its alleged support", "cautioned China against assisting").
AGAINST_SUPPORT_WINDOW = 8

# Words ending in a period that don't end a sentence ("U.S. Secretary", "Mr. Smith", "Jan. 5").
ABBREVIATIONS = frozenset("""
u.s u.k u.n e.u mr mrs ms dr prof sen rep gov gen col lt sgt st jr sr inc ltd corp co vs no
jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m e.g i.e etc
""".split())

# Prototype sentences of four ways a body treats a claim. Each body sentence's MiniLM cosine with
# the closest prototype of a kind is a soft cue (it catches "the story was made up", which no
# word list does). Written for this model, not taken from any dataset; embedded by
# scripts/train_stance.py into claims/data/stance_prototypes.npz.
PROTOTYPES: dict[str, tuple[str, ...]] = {
    "refute": (
        "The report is false.", "This story is a hoax.", "The claim has been debunked.",
        "Officials denied the report.", "The photo was fake.", "There is no truth to the rumor.",
        "The story was made up.", "It never happened.",
    ),
    "hedge": (
        "It is unclear whether the report is true.", "The claim could not be independently verified.",
        "Reports suggest it may have happened.", "The details have not been confirmed.",
        "If true, it would be a first.",
    ),
    "confirm": (
        "Officials confirmed the report.", "The company confirmed the news.",
        "Police said the incident did happen.", "The video is authentic.", "It is true.",
    ),
    "report": (
        "According to a report, the event happened.", "A newspaper reported the story.",
        "Sources told the newspaper.",
    ),
}

# The headline restated as refuted, hedged and confirmed: a body sentence closer to the refuted
# restatement than to the headline itself leans against it (MiniLM alone hardly sees negation).
HEADLINE_TEMPLATES: dict[str, str] = {
    "false": "Reports that {h} are false and a hoax.",
    "unclear": "It is unclear whether {h}; the claim is unconfirmed.",
    "confirm": "It is confirmed and true: {h}.",
}

# Cue words counted within this many tokens of a headline word in the body ("denied reports that
# the singer ...").
CUE_WINDOW = 6
