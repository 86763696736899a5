"""Regexes and word lists of the story/event stage: preview cues, entity normalisation.
(Dates in running text live in ``newsprism.timeline.patterns``.)"""
from __future__ import annotations

import re

from ..patterns import APOSTROPHES, DIGIT_RUN, ENGLISH_FUNCTION_WORDS, WEEKDAY_NAME
from ..patterns import QUOTED as QUOTED
from ..patterns import NUMBER_WORDS as _NUMBER_VALUES

# --- preview cues (written before the event) -------------------------------------------------
# A sentence reads as forward-looking when it holds one of these; "will" alone is too common in
# reports (quotes: "we will not provide"), so it counts only outside quotation marks.
FUTURE_CUES = re.compile(
    r"\b(?:to visit|to travel|to meet|to hold|to attend|to address|to warn|to discuss|to press|to raise|"
    r"to host|to arrive|to head|to land|to make (?:a|his|her|their) (?:first )?(?:visit|trip)|"
    r"is set to|are set to|is due to|are due to|is expected to|are expected to|is scheduled to|"
    r"are scheduled to|scheduled for|plans to|planning to|is planning|intends to|aims to|"
    r"is to (?:visit|travel|meet|hold)|upcoming|forthcoming|ahead of (?:his|her|their|the|a) "
    r"(?:visit|trip|talks|meeting|summit)|will (?:travel|visit|meet|hold|arrive|head|land|discuss|raise|press)|"
    rf"yet to be (?:announced|confirmed|scheduled)|next week|travels to .{{0,60}}? on (?:{WEEKDAY_NAME})|"
    r"when (?:he|she|they) (?:travels?|visits?|meets?|arrives?))\b",
    re.I)
# Past-tense markers of a report: the event has happened ("said on Friday", "met", "arrived").
PAST_CUES = re.compile(
    r"\b(?:said|told|met|held|arrived|visited|landed|raised|confirmed|announced|was|were|died|killed|"
    r"struck|hit|left|ended|wrapped up|concluded|returned)\b", re.I)
# "Blinken to warn China ...", "US Secretary of State Blinken to visit ...": the headline
# convention for what is about to happen; also "will", "set to", "ahead of".
HEADLINE_FUTURE = re.compile(
    r"^(?:(?:[A-Z][\w.'’-]*|of|and|the|de|van|von|al)\s+){1,6}to\s+(?!be\b)[a-z]{3,}\b|"
    r"\b(?:will|set to|due to (?:visit|travel|meet)|to visit|expected to|upcoming|ahead of|plans? to)\b")

# --- entities -----------------------------------------------------------------------------------
WHO_LABELS = frozenset({"PERSON", "ORG", "NORP"})
WHERE_LABELS = frozenset({"GPE", "LOC", "FAC"})
WHAT_LABELS = frozenset({"EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
ENTITY_PREFIX = re.compile(r"^(?:the|a|an)\s+", re.I)
POSSESSIVE = re.compile(r"['’]s$")
# One key for names outlets spell differently (dots are dropped before the lookup).
ALIASES = {"united states": "us", "usa": "us", "united states of america": "us", "america": "us",
           "uk": "britain", "united kingdom": "britain", "great britain": "britain",
           "american": "us", "americans": "us", "british": "britain", "un": "united nations",
           "prc": "china", "people's republic of china": "china", "chinese": "china",
           "russian": "russia", "russians": "russia", "ukrainian": "ukraine", "ukrainians": "ukraine"}
# A number entity's digits ("7.2", "1,200"), read loosely: the entity tagger already said it is a
# number, so any run of digits with inner dots and commas is its value.
NUMBER = re.compile(DIGIT_RUN)
# The number words an entity's count may be written in ("two", "a dozen"); "one" is no key.
NUMBER_WORDS = {word: _NUMBER_VALUES[word] for word in
                "two three four five six seven eight nine ten eleven twelve dozen twenty hundred thousand".split()}

# --- text ---------------------------------------------------------------------------------------
# A word of the lexical profile: ASCII letters, inner apostrophes and hyphens kept ("so-called"),
# at least two letters; digits are no words here (numbers have their own profile).
WORD = re.compile(rf"[A-Za-z][A-Za-z{APOSTROPHES}-]+")
# Function words left out of the lexical profile (the entity profile carries the names): the
# English function words with contractions, weekdays and the commonest news words.
STOPWORDS = ENGLISH_FUNCTION_WORDS | frozenset("""
according also aren't can't could didn doesn first friday get got he's isn it's last like monday
mr mrs ms new one people said saturday says she's sunday that's there's three thursday time told
tuesday two wasn wednesday weren won't would year years
""".split())
