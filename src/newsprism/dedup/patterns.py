"""Regexes and word lists of the syndication stage. Logic lives in the modules beside this one."""
from __future__ import annotations

import re

# Word tokens for shingling: letters and digits, apostrophes inside words kept ("didn't").
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

# A quotation: curly, straight or guillemet double quotes, each kind paired with its own closer.
# Any length matches, so quotes pair left to right (a short "no limits" must not leave its closing
# mark to open a false quote); the caller drops the short ones. Single quotes are left out: they
# are apostrophes far more often than quotation marks.
QUOTE = re.compile(r"“([^“”\n]{1,600})”|\"([^\"\n]{1,600})\"|«([^«»\n]{1,600})»|„([^„“”\n]{1,600})[“”]")

# A number as written: 2,500 / 6.1 / 40% / 1.5 million. Commas and thin spaces inside are
# grouping separators; the normaliser drops them so "2,500" and "2500" are one number.
NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:[,  ]\d{3})+|\d+(?:\.\d+)?)(\s?%|\s(?:million|billion|trillion))?", re.I)

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
