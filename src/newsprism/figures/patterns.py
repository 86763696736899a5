"""Word lists of the figures stage: what a number counts, how it is qualified, what it is not.

Numbers themselves (digits, number words, the normaliser) are the shared ``newsprism.patterns``.
"""
from __future__ import annotations

import re

from ..patterns import APOSTROPHES, DIGIT_RUN, MONTH_NAMES

# Words that say what a number of people underwent, by kind (lower case, as written).
KIND_WORDS: dict[str, frozenset[str]] = {
    "dead": frozenset("""killed kill kills killing dead died die dies dying death deaths fatalities fatality
                         fatally bodies perished slain murdered""".split()),
    "injured": frozenset("""injured injuring injures injury injuries wounded wounding wounds hurt
                            hospitalized hospitalised""".split()),
    "arrested": frozenset("""arrested arrests arrest arresting detained detaining apprehended custody captured
                             nabbed""".split()),
    "missing": frozenset("missing unaccounted".split()),
    "evacuated": frozenset("evacuated evacuating evacuees evacuation displaced homeless".split()),
}
KIND_OF_WORD = {word: kind for kind, words in KIND_WORDS.items() for word in words}
# Tallies of people: the noun after the number ("two women", "three bank workers") says who they
# were, not which tally: "two women killed" and "two killed" give one toll.
TOLL_KINDS = frozenset(KIND_WORDS)
# Kinds whose tally only grows as reports come in: a later, higher figure is an update.
RISING_KINDS = frozenset({"dead", "injured", "arrested", "evacuated"})
# "death toll rose to 12": a toll word before the number names the kind.
TOLL_WORDS = {"toll": "dead"}

# Words for people that say nothing more than "people": a toll of "12 people" is the toll.
GENERIC_PEOPLE = frozenset("people persons person individuals others other ones residents inhabitants victims".split())
# Person nouns in the singular, so that "one man was killed" counts (not "one of them").
PERSON_SINGULAR = frozenset("""person man woman child boy girl officer policeman firefighter soldier student
                               driver passenger victim suspect worker resident pilot teenager""".split())
# Words that qualify a counted noun ("police officers", "fire crews"): the noun after them is the thing.
ATTRIBUTIVE = frozenset("police fire army navy security rescue emergency hospital prison school".split())
IRREGULAR_PLURALS = {"people": "people", "men": "man", "women": "woman", "children": "child",
                     "police": "police", "staff": "staff", "personnel": "personnel", "crew": "crew",
                     "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose"}
# Plural nouns after a number that are not a count of things: durations, ages, scores, measures,
# ordinal-like words. A number before them is skipped.
NOT_COUNTED = frozenset("""years year months month weeks week days day hours hour minutes minute seconds second
    decades decade centuries century times time points point yards yard miles mile kilometres kilometers
    km metres meters feet foot inches inch pounds lbs kg kilograms tons tonnes degrees degree mph
    percent cent games game innings goals runs shots sets laps seasons season
    o'clock am pm a.m p.m gmt bst et edt est pst pdt utc series episodes pages words""".split())
# Words that, between the number and the kind word, keep the two in one phrase
# ("12 people were reportedly killed", "five others were seriously injured").
LINKING = frozenset("""were was are is have has had been being be reportedly confirmed believed feared
    thought known later also still now remain remained remaining seriously critically badly slightly fatally severely more others other
    people persons who had have been""".split())
# Words to step over, leftwards, between a kind verb and its number ("killing at least 12",
# "the deaths of two").
LEFT_SKIP = frozenset("of the a an at least more than over some about around nearly almost up to as many other another".split())

# Qualifiers before the number, longest first, and the bound they give.
QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("no more than", "at most"), ("no fewer than", "at least"), ("in excess of", "at least"),
    ("upwards of", "at least"), ("as many as", "at most"), ("more than", "at least"),
    ("at least", "at least"), ("up to", "at most"), ("at most", "at most"), ("fewer than", "at most"),
    ("less than", "at most"), ("over", "at least"), ("under", "at most"), ("nearly", "about"),
    ("almost", "about"), ("about", "about"), ("around", "about"), ("roughly", "about"),
    ("approximately", "about"), ("some", "about"), ("an estimated", "about"), ("estimated", "about"),
    ("close to", "about"), ("perhaps", "about"),
)
QUALIFIER_BEFORE = re.compile(
    r"\b(" + "|".join(re.escape(q) for q, _ in QUALIFIERS) + r")\s+(?:a\s+)?$", re.I)
BOUND_OF = dict(QUALIFIERS)
# "12 or more", "12-plus"
OR_MORE_AFTER = re.compile(r"^(?:\s+or\s+more|-?plus|\+)", re.I)
# A range after the number: "10 to 15", "10-15", "between 10 and 15" (the "and" needs "between").
RANGE_AFTER = re.compile(r"^\s*(?:-|–|to)\s*(?=\S)", re.I)
BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.I)

# What a number is not: a time ("7 p.m.", "10:04"), an age ("a 23-year-old", "aged 85"), part of
# a date ("December 08", "14 September 2013", "04 / 9 / 2012"), an address ("200 W. American Blvd").
TIME_AFTER = re.compile(r"^(?::\d|\s?(?:a\.?m\b|p\.?m\b|o'clock|gmt\b|bst\b|utc\b|e[sd]t\b|p[sd]t\b|hrs\b))", re.I)
AGE_AFTER = re.compile(r"^(?:-|\s)years?(?:-|\s)old|^-year\b|^\s*years?\s+of\s+age", re.I)
AGE_BEFORE = re.compile(r"\b(?:aged|age|ages)\s+$", re.I)
SLASH_DATE = re.compile(r"^\s*/\s*\d|\d\s*/\s*$")
STREET_AFTER = re.compile(
    r"^\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w'.]*\s+){0,3}(?:St|Street|Ave|Avenue|Blvd|Boulevard|Road|Rd|Lane|Ln|"
    r"Drive|Dr|Way|Place|Pl|Court|Ct|Highway|Hwy|Parkway|Pkwy|Terrace|Square|Sq)\b\.?")
# "no one was hurt", "no-one was injured": one with "no" is zero.
NO_BEFORE = re.compile(r"\bno[- ]$", re.I)
# "a mother of 12", "father to two boys": the family, not the toll. "two of the three victims":
# the number after "of the" is the whole set, the figure is the one before it.
FAMILY_BEFORE = re.compile(r"\b(?:mother|father|mom|dad|parent|grandmother|grandfather)\s+(?:of|to)\s+$", re.I)
INCREMENT_AFTER = re.compile(r"^\s+(?:more|additional|further|extra)\b", re.I)
PARTITIVE_AFTER = re.compile(r"^\s+of\s+(?:the\s+|these\s+|those\s+)?(?:\w+\s+)?(?=\w+)", re.I)
PARTITIVE_BEFORE = re.compile(r"(\S+)\s+of\s+(?:the|these|those)\s+$", re.I)
# A sentence about another time: its figures are background, not this event's ("In February, a
# quake killed 612 people"; "two years ago"; "this year, pirates have attacked nearly 100 vessels").
BACKGROUND = re.compile(
    rf"\b(?:in|since|last|early|late|earlier this|by)\s+(?:{'|'.join(MONTH_NAMES)}|(?:18|19|20)\d\d)\b"
    r"(?!\s+\d{1,2}\b)|\b\d+\s+(?:years?|months?)\s+ago\b|"
    r"\b(?:this|last|previous)\s+(?:year|month)\b", re.I)
# Things a tally verb before a number does not count ("arrested five buildings away").
NOT_PEOPLE = frozenset("building home house block street mile vehicle car shot round time day hour".split())
NAMED_NUMBER_BEFORE = re.compile(r"\b(?:AK[- ]?|[A-Z]{1,2}-|No\.|Number|Route|Highway|Interstate|I-|Flight|Channel|Apollo|Boeing|"
                                 r"Room|Suite|Unit|Apt\.?|Gate|Platform|Pier|Chapter|Section|Article|Bill|Act)\s*$")
# "Year" numbers: four digits in 1800-2099 with no thousands separator and no scale.
YEAR = re.compile(r"(?:18|19|20)\d\d")

# Money: a currency sign before the number, or a currency word after it.
CURRENCY_BEFORE = re.compile(r"(US\$|A\$|C\$|NZ\$|HK\$|\$|£|€|¥|₹|Rs\.?\s?)\s?$")
CURRENCY_SIGNS = {"US$": "USD", "$": "USD", "A$": "AUD", "C$": "CAD", "NZ$": "NZD", "HK$": "HKD", "£": "GBP",
                  "€": "EUR", "¥": "JPY", "₹": "INR", "Rs": "INR", "Rs.": "INR"}
CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
                  "sterling": "GBP", "yen": "JPY", "rupees": "INR", "yuan": "CNY", "usd": "USD", "eur": "EUR",
                  "gbp": "GBP"}
# "pounds" after a number is a weight unless the amount is large ("74 million pounds").
WEIGHT_OR_MONEY = frozenset({"pounds"})
MONEY_WORD_MIN = 10_000
# What an amount of money is for, when the sentence says it ("$1 million bail", "a reward of $10,000").
MONEY_THINGS = frozenset("""bail reward ransom fine fines damage damages loss losses cost costs goods cash
    compensation settlement salary contract deal budget aid funds fund donation donations bond bonus fee
    fees debt sales revenue profit bailout loan""".split())
# What was stolen or taken, by any name: one "haul".
HAUL_WORDS = frozenset("""jewellery jewelry jewels jewel gems gem diamonds diamond watches necklaces rings loot
    booty haul heist raid robbery theft valuables""".split())
MONEY_LEFT_WINDOW = 12  # tokens before an amount searched for what it is ("Damage to the church was estimated at")

# An amount in brackets right after another: a conversion ("85 million euros ($108 million)").
CONVERSION_BEFORE = re.compile(r"(?:\d|million|billion|m|bn|euros?|pounds|dollars|yen)\s*\(\s*"
                               r"(?:US\$|A\$|C\$|\$|£|€|¥)?\s*$", re.I)
PERCENT_AFTER = re.compile(r"^\s?(?:%|percent\b|per\s?cent\b)", re.I)
MAGNITUDE_BEFORE = re.compile(r"\b(?:magnitude(?:\s+of)?|measuring|measured|registering|registered|"
                              r"richter(?:\s+scale)?\s+(?:of|reading\s+of))[\s-]+$", re.I)
MAGNITUDE_AFTER = re.compile(r"^(?:[\s-]*magnitude\b|\s+on\s+the\s+(?:open-ended\s+)?richter\b|\s+richter\b)", re.I)
MAX_MAGNITUDE = 10.0

# A determiner before a small count makes it a reference back ("the two countries").
DETERMINER_BEFORE = re.compile(r"\b(?:the|these|those|its|their|his|her|our|both)\s+$", re.I)

# Quotation marks: a number between them is a source's figure.
QUOTE_OPEN = "“«„"
QUOTE_CLOSE = "”»"

# Tokens of a sentence: words (with inner hyphens and apostrophes) or single other characters.
TOKEN = re.compile(rf"[A-Za-z]+(?:[{APOSTROPHES}.-][A-Za-z]+)*|{DIGIT_RUN}|[^\w\s]")
# Sentence ends: ., ! or ? (with a closing quote or bracket) before space and a capital, or a line break.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
# Abbreviations that end in a period without ending a sentence.
ABBREVIATIONS = frozenset("""mr mrs ms dr st gen lt sgt col capt gov sen rep jr sr no vs inc corp co ltd
    jan feb mar apr jun jul aug sep sept oct nov dec u.s a.m p.m w e n s blvd ave mt ft""".split())
