"""Regexes and word lists of the story/event stage: preview cues, entity normalisation.
(Dates in running text live in ``newsprism.timeline.patterns``.)"""
from __future__ import annotations

import re

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
    r"yet to be (?:announced|confirmed|scheduled)|next week|travels to .{0,60}? on (?:Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)|when (?:he|she|they) (?:travels?|visits?|meets?|arrives?))\b",
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
QUOTED = re.compile(r"[\"“][^\"”]{0,600}[\"”]")

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
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "twenty": 20, "hundred": 100,
                "thousand": 1000}

# --- text ---------------------------------------------------------------------------------------
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
# Function words left out of the lexical profile (the entity profile carries the names).
STOPWORDS = frozenset("""
a about above after again against all also am an and any are aren't as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours ourselves out over own said same
says she should so some such than that the their theirs them themselves then there these they this
those through to too under until up very was we were what when where which while who whom why will
with would you your yours yourself yourselves told according one two three new also year years
monday tuesday wednesday thursday friday saturday sunday last first time people like get got
mr mrs ms s t don didn doesn isn wasn weren won't can't it's he's she's that's there's
""".split())
