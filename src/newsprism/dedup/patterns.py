"""Regexes and word lists of the syndication stage. Logic lives in the modules beside this one."""
from __future__ import annotations

import re

from ..patterns import BIG_SCALE, DECIMAL, NOT_AFTER_WORD
from ..patterns import WORD as WORD  # shingle tokens: letters and digits, inner apostrophes kept

# A quotation: curly, straight or guillemet double quotes, each kind paired with its own closer.
# Any length matches, so quotes pair left to right (a short "no limits" must not leave its closing
# mark to open a false quote); the caller drops the short ones. Single quotes are left out: they
# are apostrophes far more often than quotation marks.
QUOTE = re.compile(r"“([^“”\n]{1,600})”|\"([^\"\n]{1,600})\"|«([^«»\n]{1,600})»|„([^„“”\n]{1,600})[“”]")

# A number as written: 2,500 / 6.1 / 40% / 1.5 million. Commas and spaces inside are grouping
# separators; the normaliser drops them so "2,500" and "2500" are one number. Unlike the shared
# ``newsprism.patterns.NUMBER`` it keeps its unit ("40%", "1.5 million") in group 2, because two
# reports compare the number with its unit, and it reads no number words (mostly small counts,
# which say nothing about who copied whom).
NUMBER = re.compile(rf"{NOT_AFTER_WORD}(\d{{1,3}}(?:[, ]\d{{3}})+|{DECIMAL})(\s?%|\s{BIG_SCALE})?", re.I)

# Numbers that carry no provenance signal on their own: years and small counts appear in any
# story (a shared "2023" or "3" says nothing about who copied whom).
YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
SMALL_NUMBER_MAX = 31  # days of the month, small counts

# Wire agencies: the spellings seen in credits, datelines and bylines -> one canonical name.
WIRE_ALIASES: dict[str, str] = {
    "ap": "AP", "associated press": "AP", "the associated press": "AP",
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP", "afp staff writers": "AFP",
    "reuters": "Reuters", "thomson reuters": "Reuters",
    "upi": "UPI", "united press international": "UPI",
    "dpa": "dpa", "deutsche presse-agentur": "dpa",
    "ians": "IANS", "pti": "PTI", "press trust of india": "PTI", "ani": "ANI",
    "xinhua": "Xinhua", "kyodo": "Kyodo", "tass": "TASS", "efe": "EFE", "ansa": "ANSA",
    "bloomberg": "Bloomberg", "cnn wire": "CNN Wire", "pa": "PA", "press association": "PA",
    "aap": "AAP", "australian associated press": "AAP", "canadian press": "CP", "the canadian press": "CP",
}
