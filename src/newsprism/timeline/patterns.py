"""Regexes and word lists of the date stage: absolute and relative date expressions, and the
words around them that say whether a sentence looks back or ahead."""
from __future__ import annotations

import re

from ..patterns import APOSTROPHES, MONTH_NAMES, WEEKDAY_NAME
from ..patterns import QUOTED as QUOTED
from ..patterns import WEEKDAYS as WEEKDAYS
from ..patterns import MONTHS as MONTHS  # read here as P.MONTHS
from ..patterns import NUMBER_WORDS as _NUMBER_VALUES

# Months of each season (winter straddles the new year: it is named by the year it starts in).
SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 14)}
# How many days, weeks, months or years ago: "a" and "an" count here ("a week ago"), and no
# more than twelve are written in words.
NUMBER_WORDS = {"a": 1, "an": 1} | {word: _NUMBER_VALUES[word] for word in
                                    "one two three four five six seven eight nine ten eleven twelve".split()}

# Month names are matched capitalised only: "may" the verb is common, "May" mid-sentence is a month.
# Unlike ``newsprism.patterns.MONTH_NAME``, "Sep" takes no "ember" without its "t" (no "Sepember"),
# and full names in capitals count (datelines: "JUNE 19, 2023").
_MON = (r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
        r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
        rf"{'|'.join(m.upper() for m in MONTH_NAMES)})\.?")
# A month standing alone ("in April"): full names and dotted abbreviations only ("Jan." not "Jan").
_MON_ALONE = (rf"(?P<mon>{'|'.join(m.title() for m in MONTH_NAMES)}|(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.)")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_YEAR2 = r"(?P<year>(?:19|20)?\d\d)"
_WD = rf"(?P<wd>{WEEKDAY_NAME})"

# --- absolute dates -----------------------------------------------------------------------------
DATE_MDY = re.compile(rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}\b")
DATE_DMY = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b")
DATE_ISO = re.compile(rf"\b{_YEAR}-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b")
# "8 / 2 / 13", "06/06/2013": US order, as news sites print it.
DATE_NUMERIC = re.compile(rf"(?<![\d/])(?P<mon>[01]?\d)\s*/\s*(?P<day>[0-3]?\d)\s*/\s*{_YEAR2}(?![\d/])")
DATE_MY = re.compile(rf"\b{_MON},?\s+{_YEAR}\b")  # "February 2022", "in June, 2005"
# A year alone only after a word that makes it a date ("in 2022", "since 2005").
DATE_Y = re.compile(rf"\b(?i:in|since|of|during|until|by|from)\s+{_YEAR}\b(?!\s*[-/])")

# --- partial and relative dates -----------------------------------------------------------------
# Month and day without a year ("June 19", "Feb. 24", "10th Nov"); "10 Nov 11" carries a 2-digit year.
DATE_MD = re.compile(rf"\b{_MON}\s+{_DAY}\b(?!\s*,?\s*(?:19|20)\d\d)(?!\s*(?:%|percent|-\s*\d|\d))")
DATE_DM = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}\b(?!,?\s*(?:19|20)\d\d)(?:\s+(?P<year>\d\d)\b(?![:.]\d))?")
WEEKDAY = re.compile(r"\b(?:(?P<mod>last|next|this|this coming|this past|on|late|early|until|by|from)\s+)?"
                     rf"{_WD}s?\b")
# A weekday that names something else: "Patch Tuesday", "Herald on Sunday", "Super Bowl Sunday".
WEEKDAY_NAME_BEFORE = re.compile(
    r"(?:\b(?:Patch|Super|Black|Cyber|Good|Bloody|Ash|Holy|Easter|Palm|Maundy|Fat|Shrove|Blue|Giving|Bowl)|"
    r"\b(?:Herald|Mail|Times|Independent|Observer|Sun|Star|Mirror|Express|Telegraph|Post|News)\s+on)\s+$")
WEEKDAY_NAME_AFTER = re.compile(
    r"^\s+(?:Times|Telegraph|Express|Mirror|Herald|Post|Mail|Independent|Tribune|Star|Sport|People|"
    r"Night (?:Football|Live|Lights|Fever)|Bloody Sunday)\b")
# A weekday followed by the date it names: "Saturday, Jan. 15", "Saturday (July 24, 2004)",
# "Tuesday 16 August 2011".
_PLAIN_MON = re.sub(r"\(\?P<\w+>", "(?:", _MON)
WEEKDAY_DATE = re.compile(rf"^,?\s*\(?\s*(?:{_PLAIN_MON}\s+[0-3]?\d(?:st|nd|rd|th)?\b|[0-3]?\d(?:st|nd|rd|th)?\s+"
                          rf"(?:of\s+)?{_PLAIN_MON}(?!\w))")
RELATIVE_DAY = re.compile(
    r"\b(?P<word>(?:earlier |later |early |late )?today|yesterday|tonight|tomorrow|overnight|last night|"
    r"this (?:morning|afternoon|evening)|(?:early |late )?(?:yesterday|tomorrow) (?:morning|afternoon|evening|night))\b",
    re.I)
RELATIVE_SPAN = re.compile(
    r"\b(?P<mod>(?:earlier|later|early|late|the end of|the start of) this|(?:earlier|early|late) last|"
    r"(?:early|late) next|last|next|this|this past|this coming|past|coming)\s+"
    r"(?P<unit>week|weekend|month|year|spring|summer|fall|autumn|winter)\b(?!\s+(?:old|long))", re.I)
AGO = re.compile(rf"\b(?P<n>\d{{1,3}}|{'|'.join(NUMBER_WORDS)})\s+"
                 r"(?P<unit>day|week|month|year)s?\s+ago\b", re.I)
MONTH_ALONE = re.compile(
    rf"\b(?P<mod>(?i:in|last|next|this|since|until|by|during|early|late|mid-?|the|this past|earlier in|"
    rf"later in|from|through|before|after)(?:\s+(?i:early|late|mid-?))?)\s*{_MON_ALONE}"
    rf"(?!\s*(?:\d|of\s+(?:19|20)\d\d))(?!\w)")

# --- tense around a date ------------------------------------------------------------------------
# Words that, nearest before a date in its clause, put the date ahead of the writer ("will meet on
# Friday", "is set for October 28", "faces a May 19 deadline", "delayed until Monday").
FUTURE_WORDS = frozenset("""
will 'll ’ll shall would wo going plans plan planning intends must upcoming coming
resume resumes start starts begin begins face faces open opens play plays meet meets host hosts
visit visits travel travels head heads arrive arrives hold holds return returns vote votes decide
decides appear appears testify testifies take takes kick kicks close closes
""".split())
# Participles that look ahead only when followed by "to", "for", ... ("is set for October 28",
# not "was set during the November summit"); "due" only after a form of "be" (not "due to rain").
FUTURE_PARTICIPLES = frozenset("set expected scheduled slated planned".split())
FUTURE_PARTICIPLE_NEXT = frozenset("to for on at until this next".split())
BE = frozenset("is are was were be been 's ’s".split())
# Words that count only right before the date: "by Friday", "until Monday", "since October".
ADJACENT_FUTURE = frozenset("by until till before pending next".split())
ADJACENT_PAST = frozenset("since".split())
# Words that mark a past event even without an "-ed" ending.
PAST_WORDS = frozenset("""
was were had did said told met held left hit struck took made came went ran began won lost fought
found gave got saw shot sent brought built bought caught fell felt flew fled led paid put quit read
rose sat sold spoke stood stole swept threw wrote broke chose drove ate drew forgot froze hid hung
knew laid lay lit meant overtook rode rang sang sank slew sped spent split spread sprang stuck stung
swore swam swung taught tore thought understood woke wore wound ago earlier since
""".split())
# "-ed" words that are not past events ("scheduled", "expected" are future markers above).
NOT_PAST_ED = frozenset("need speed feed seed bleed breed proceed exceed succeed indeed bed red shed "
                        "hundred based related detailed limited united alleged wounded".split())
# Determiners before a verb-like word make it a noun ("his visit on Friday", "the trial Monday").
DETERMINERS = frozenset("the a an his her their its our my your".split())
CLAUSE_BREAK = re.compile(r"\.(?=\s+[A-Z\"“]|\s*$)|(?<!\d):(?!\d)|[;!?\"“”\[\]—–\n]|\s-\s|"
                          r",\s+(?:and|but|while|after|before|when|as)\b")
# Dots that end no clause: "3:30 p. m. Saturday", "Calif.", "U. S.", "Mr."
ABBREVIATION_DOT = re.compile(r"\b(?:[ap]\.\s?m|[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Calif|Mo|Miss|"
                              r"Fla|Ill|Mass|Mich|Minn|Wash|Ariz|Colo|Conn|Ga|Md|Pa|Tenn|Tex|Va|No|Jan|Feb|Aug|"
                              r"Sept?|Oct|Nov|Dec|Inc|Co|Corp|Ltd|Jr|Sr|vs)\.")
# A word near a date, for its tense: ASCII letters, apostrophes (also leading: "'til") and inner
# hyphens; one letter ("p. m.") is no word.
WORD = re.compile(rf"[A-Za-z{APOSTROPHES}][A-Za-z{APOSTROPHES}-]+")
# A sentence announces something: the phrases the story stage reads as a preview, or "will".
FUTURE_CUES = re.compile(
    r"\b(?:to visit|to travel|to meet|to hold|to attend|to address|to discuss|is set to|are set to|"
    r"is due to|are due to|is expected to|are expected to|is scheduled to|are scheduled to|scheduled for|"
    r"plans to|planning to|intends to|is to (?:visit|travel|meet|hold)|upcoming|forthcoming|next week|"
    r"will|won't|yet to be (?:announced|confirmed|scheduled))\b", re.I)

# --- date lines ---------------------------------------------------------------------------------
# What else a page's date line holds: "Posted:", "UPDATED 05 / 03 / 2013 at 11:00 AM EDT".
DATE_LINE_NOISE = re.compile(
    r"\b(?:\d{1,2}\s*:\s*\d\d(?:\s*:\s*\d\d)?|[ap]\.?\s?m\.?|(?:[A-Z]{1,4}T|GMT|UTC|BST|CEST|IST|AEST)"
    r"(?:\s*[+-]\s*\d\d?(?::\s*\d\d)?)?|posted|published|updated|originally|last|time|on|at|by|found|"
    rf"{'|'.join(WEEKDAYS)}|{'|'.join(day[:3] for day in WEEKDAYS)})\b|[|,:/()@–—-]",
    re.I)
