"""Word lists and regexes of the framing stage (the shipped lexicons live in ``data/*.json``)."""
from __future__ import annotations

import re

from ..patterns import APOSTROPHES

# Entity labels whose mentions are candidate referents. NORP ("Chinese") is left out: as an
# adjective it names people or firms ("Chinese firms"), not the state; "the Chinese regime" is
# caught as a governance phrase instead.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT"})

# Head nouns that name the ruling apparatus of a state: "the Chinese regime", "Beijing's
# leadership", "Chinese communist authorities". With a state modifier they refer to the state.
GOVERNANCE_NOUNS = frozenset({
    "regime", "regimes", "government", "governments", "authorities", "leadership", "administration",
    "junta", "rulers", "state", "party", "politburo", "cabinet", "kremlin",
})

# Head nouns that name an armed conflict or one side's act in it. Value: the head class.
ACT_NOUNS = {
    "war": "war", "wars": "war", "conflict": "conflict", "conflicts": "conflict",
    "crisis": "crisis", "crises": "crisis", "invasion": "invasion", "aggression": "aggression",
    "operation": "operation", "offensive": "offensive", "hostilities": "hostilities",
    "fighting": "fighting", "occupation": "occupation", "incursion": "incursion",
    "annexation": "annexation", "assault": "assault", "counteroffensive": "offensive",
}

# "operation" names the war only with a military modifier ("special military operation"),
# otherwise it is a rescue, a sting, a surgery.
NEEDS_MILITARY = frozenset({"operation"})
MILITARY_WORDS = frozenset({"military", "special", "combat", "armed"})

# Modifiers of an act noun that don't change which act it is ("the ongoing conflict", "Russia's
# brutal war"): they are framing, not identity. Any other modifier ("trade war", "debt crisis",
# "humanitarian crisis") makes a different act.
ACT_NEUTRAL_MODIFIERS = frozenset({
    "brutal", "ongoing", "current", "continuing", "full-scale", "full", "scale", "unprovoked",
    "illegal", "illegitimate", "bloody", "military", "special", "armed", "senseless", "criminal",
    "genocidal", "barbaric", "savage", "vicious", "protracted", "long", "years-long", "year-long",
    "two-year", "three-year", "deadly", "devastating", "large-scale", "latest", "recent", "whole",
    "entire", "so-called", "alleged", "same", "wider", "broader", "active", "new", "big", "major",
    "terrible", "horrific", "catastrophic", "tragic", "unjustified", "imperial", "colonial",
    "aggressive", "hot", "real", "actual", "total", "open", "direct", "continued", "present",
})

# Prepositions whose object anchors an act to a place or a side: "war in Ukraine", "aggression
# against Ukraine", "invasion of Ukraine", "war with Russia".
ACT_PREPS = frozenset({"of", "in", "against", "on", "with", "over", "between", "inside"})
# Entity kinds that make a prepositional phrase a time, not an anchor: "invasion of Ukraine in
# February 2022" names the act "invasion of Ukraine" (the parser attaches such a phrase to the noun
# in one parse of a sentence and to the verb in another: a paragraph's parse against the whole
# text's, seed "Since Russia's invasion of Ukraine ...").
TIME_ENTITIES = frozenset({"DATE", "TIME"})
MAX_PP_TOKENS = 8  # longer attachments are clauses, not names ("war of ... which ...")

LEADING_DETERMINERS = re.compile(
    r"^(?:the|a|an|this|that|these|those|its|their|his|her|our|such)\s+", re.IGNORECASE)
TRAILING_POSSESSIVE = re.compile(r"['’]s?$")
NON_WORD = re.compile(r"[^\w\s&'-]+")
SPACES = re.compile(r"\s+")

# Words left out of an acronym's letters: "People's Republic of China" -> PRC.
ACRONYM_STOPWORDS = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "la", "le", "&"})

# {PLACE} in a loaded-term pattern: a capitalised name of one to three words that is not a
# sentence-opening determiner or pronoun.
PLACE = (r"(?-i:(?!(?:The|This|That|These|Those|A|An|Its|Their|Our|His|Her|Any|No|Every)\b)"
         r"[A-Z](?:[\w'’-]|\.(?=[A-Z]))*(?: [A-Z](?:[\w'’-]|\.(?=[A-Z]))*){0,2})")

# A loaded-term pattern matches whole words: no word character or hyphen on either side
# ("regime" not in "regimen" or "pro-regime"). ``TERM_EDGE`` is the character TERM_START rules out.
TERM_START = r"(?<![\w-])"
TERM_END = r"(?![\w-])"
TERM_EDGE = re.compile(r"[\w-]")

# A bare act ("this conflict") is placed by the states named in its sentence and this many
# sentences before it: on the seeds, quotations split over several spaCy sentences need 2.
CONTEXT_SENTENCES = 2

# A capital is a place, not its government, after these words ("in Beijing", "visit to Moscow"),
# when it opens a dateline ("BEIJING —", "Beijing (AFP)") or starts a longer name ("Washington
# Spirit"). bench/framing.py: with the lexicon alone, 16 of 28 labelled pairs it joined were
# right before this rule (and the lowercase-"us" fix), 16 of 18 after: the rest were places
# (datelines, "in Delhi", a football club).
PLACE_WORDS = frozenset({"in", "to", "from", "at", "near", "into", "outside", "across", "around",
                         "via", "toward", "towards", "through", "inside", "within", "of", "visit",
                         "visited", "visiting", "visits", "arrived", "landed", "left", "reach",
                         "reached", "travel", "travels", "traveled", "travelled", "flew", "based"})
DATELINE_NEXT = frozenset({"(", "—", "–", "-", ":", ","})

# Honorifics and titles dropped before matching a surname ("Ms Bouvier", "President Obama").
TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "president", "senator",
                    "sen", "rep", "gov", "governor", "gen", "general", "minister", "secretary",
                    "judge", "justice", "pope", "king", "queen", "prince", "princess", "lord",
                    "lady", "chancellor", "premier", "mayor", "speaker", "officer", "sgt", "capt"})

# --- loaded words (emotive.py) ------------------------------------------------------------------
# A word of a sentence: letters or digits, hyphens and apostrophes inside ("so-called", "Trump's").
WORD = re.compile(rf"\w+(?:[-{APOSTROPHES}]\w+)*")  # unlike newsprism.patterns.WORD: "so-called" is one word
# Sentences for ``loaded_words`` on plain text: a stretch ending in . ! or ? (and any closing
# quotation mark or bracket) before a space and a capital, digit or opening mark, or at a line end;
# not after a capital or a title ("U.S. President", "Mr. Biden").
SENTENCE = re.compile(r"\S.*?(?:(?<![A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?]+[\"'”’)\]]*"
                      r"(?=\s+[\"'“‘(\[]?[A-Z0-9])|$)", re.MULTILINE)
# Longest stretch the word model reads at once (in words): MiniLM reads 256 word pieces, and a
# "sentence" this long is a list or a run-on page fragment, read in pieces.
MAX_SENTENCE_WORDS = 120

# Adverbs and adjectives that raise the force of what they modify: the author's emphasis.
INTENSIFIERS = frozenset({
    "very", "extremely", "deeply", "highly", "utterly", "totally", "absolutely", "completely",
    "incredibly", "truly", "really", "outright", "blatantly", "wildly", "radically", "hugely",
    "massively", "seriously", "severely", "bitterly", "fiercely", "sharply", "strongly",
    "dramatically", "vastly", "enormously", "remarkably", "shockingly", "staggering", "staggeringly",
    "egregiously", "grossly", "openly", "flatly", "squarely", "overwhelmingly", "unprecedented",
    "endless", "relentless", "relentlessly", "sheer", "utter", "total", "outrageously", "brazenly",
    "brazen", "flagrant", "flagrantly", "notoriously", "unabashedly", "desperately", "painfully",
    "ever", "even", "so", "most", "far",
})
# Words that cast doubt on what follows or distance the writer from it (MOS:DOUBT, hedges).
DOUBT_WORDS = frozenset({
    "so-called", "allegedly", "alleged", "purportedly", "purported", "supposedly", "supposed",
    "reportedly", "apparently", "seemingly", "self-styled", "self-proclaimed", "claimed", "dubious",
    "questionable", "arguably", "ostensibly", "professed",
})
