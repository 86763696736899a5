"""The stages' patterns rebuilt from ``newsprism.patterns`` match exactly what their old literals
matched: same spans, same groups, over the seeds, hand-written edge cases and (where
../shared/eval is present) a few thousand real sentences. The old literals live only here.

Word sets and number-word tables are compared for equality with the old ones: the trained stance
model, the story clusterer and the date resolver read them, so no word may come or go.
"""
from __future__ import annotations

import gzip
import importlib
import json
import os
import re
from itertools import islice
from pathlib import Path

import pytest

from newsprism import patterns as shared

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "src" / "newsprism" / "examples"
CANDIDATES = [Path(os.environ["NEWSPRISM_EVAL"])] if os.environ.get("NEWSPRISM_EVAL") else []
CANDIDATES += [REPO.parent / "shared" / "eval", REPO.parents[1] / "shared" / "eval"]
EVAL = next((p for p in CANDIDATES if (p / "ecbplus" / "docs.jsonl.gz").exists()), None)
EVAL_LINES = 3000  # per set: ECB+, FNC-1 bodies, PolNeAR

EDGE_CASES = [
    "1,000 / 1.5 / 12% / $3 million / 2,000,000 / twenty-one / a 3.5-magnitude quake",
    "Prices rose 12 % and 40% in 2023; $8.5bn, 1.5 million, 2 billion, 3 trillion dollars, 61%.",
    "12 345 and 1 200 000 people; 1,2345; ,500; .5 and 0.5; v2 x.5 A4 3rd 10th 1990s 2,500.75",
    "On June 19, 2023, Blinken met Xi; on 19 June 2023; JUNE 19, 2023; Feb. 24; 10th Nov 11",
    "Sept. 3, 2013; Sep 3, 2013; Sepember 3, 2013; Sept 2013; in May; since Jan. and Mar 4",
    "on Sepember 3 and Sept. 4 or Sep 5 and September 6; on jan 5 and FEB. 6; in may; mid-March",
    "Saturday, Jan. 15; Saturday (July 24, 2004); Tuesday 16 August 2011; 8 / 2 / 13; 06/06/2013",
    "three days ago, a week ago, an hour ago, 12 years ago, twelve months ago, A Year Ago",
    "Twenty-one, ninety-nine, two hundred, a dozen, dozens, hundreds of thousands, one-third",
    "didn't won’t it's rock'n'roll 'til O'Neill so-called Trump’s l'Élysée naïve café über",
    "Москва, 12 марта; 北京 2023年; الرياض ١٢; snake_case and under_score__words; x_1",
    "In February, a quake killed 612 people; two years ago; this year; last month; by 1999",
    "AK-47, I-95, No. 10, Flight 370, Boeing 737, Route 66, 7.2-magnitude, 1.200,50 €",
    "He said: \u201cWe will not\u201d \u2014 and \u2018maybe\u2019 \u2026 p. m. U.S. 3:30 a.m. 9/11",
    "",
]


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.rglob("*.txt"))]


def _eval_texts() -> list[str]:
    if EVAL is None:
        return []
    texts: list[str] = []
    for name in ("ecbplus/docs.jsonl.gz", "fnc1/bodies.jsonl.gz", "polnear/docs.jsonl.gz"):
        path = EVAL / name
        if not path.exists():
            continue
        with gzip.open(path, "rt", encoding="utf-8") as f:
            lines = (line for row in f for line in json.loads(row).get("text", "").splitlines() if line.strip())
            texts += list(islice(lines, EVAL_LINES))
    return texts


def _corpus() -> list[str]:
    texts = EDGE_CASES + _seed_texts() + _eval_texts()
    # Each text whole (patterns that span lines) and each of its lines (anchored patterns).
    return list(dict.fromkeys(texts + [line for text in texts for line in text.splitlines()]))


CORPUS = _corpus()


OLD_REGEXES: dict[tuple[str, str], re.Pattern[str]] = {
    ('newsprism.patterns', 'NUMBER'): re.compile(
        '(?<![\\w.,])(?:(?P<digits>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)|'
        '(?P<words>(?:seventeen|thousands|thirteen|fourteen|eighteen|nineteen|hundreds|thousand|'
        'fifteen|sixteen|seventy|hundred|eleven|twelve|twenty|thirty|eighty|ninety|dozens|three|seven|'
        'eight|forty|fifty|sixty|dozen|zero|four|five|nine|one|two|six|ten)(?:[- ](?:seventeen|'
        'thousands|thirteen|fourteen|eighteen|nineteen|hundreds|thousand|fifteen|sixteen|seventy|'
        'hundred|eleven|twelve|twenty|thirty|eighty|ninety|dozens|three|seven|eight|forty|fifty|sixty|'
        'dozen|zero|four|five|nine|one|two|six|ten))*))(?:[\\s-]?(?P<scale>(?:hundred|thousand|million|'
        'billion|trillion|bn|mn|m)\\b))?(?![\\w])', re.I),
    ('newsprism.dedup.patterns', 'WORD'): re.compile(
        "[^\\W_]+(?:['’][^\\W_]+)*"),
    ('newsprism.dedup.patterns', 'NUMBER'): re.compile(
        '(?<![\\w.])(\\d{1,3}(?:[,  ]\\d{3})+|\\d+(?:\\.\\d+)?)(\\s?%|\\s(?:million|billion|trillion))?', re.I),
    ('newsprism.claims.patterns', 'WORD'): re.compile(
        "[^\\W_]+(?:['’][^\\W_]+)*"),
    ('newsprism.claims.patterns', 'NUMBER'): re.compile(
        '(?<![\\w.])\\$?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?%?(?:\\s(?:million|billion|trillion))?|'
        '(?<![\\w.])\\$?\\d+(?:\\.\\d+)?%?(?:\\s(?:million|billion|trillion))?', re.I),
    ('newsprism.claims.stance_patterns', 'WORD'): re.compile(
        "[^\\W_]+(?:['’][^\\W_]+)*"),
    ('newsprism.claims.stance_patterns', 'NUMBER'): re.compile(
        '(?<![\\w.])\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|(?<![\\w.])\\d+(?:\\.\\d+)?'),
    ('newsprism.cluster.patterns', 'NUMBER'): re.compile(
        '\\d+(?:[.,]\\d+)*'),
    ('newsprism.cluster.patterns', 'WORD'): re.compile(
        "[A-Za-z][A-Za-z'’-]+"),
    ('newsprism.timeline.patterns', 'WORD'): re.compile(
        "[A-Za-z’'][A-Za-z’'-]+"),
    ('newsprism.timeline.patterns', 'AGO'): re.compile(
        '\\b(?P<n>\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|'
        'twelve)\\s+(?P<unit>day|week|month|year)s?\\s+ago\\b', re.I),
    ('newsprism.timeline.patterns', 'DATE_MDY'): re.compile(
        '\\b(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|'
        'Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|'
        'JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\\.?\\s+(?P<day>[0-3]?\\d)(?:st|nd|rd|'
        'th)?,?\\s+(?P<year>(?:19|20)\\d\\d)\\b'),
    ('newsprism.timeline.patterns', 'DATE_DMY'): re.compile(
        '\\b(?P<day>[0-3]?\\d)(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|'
        'Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|'
        'Nov(?:ember)?|Dec(?:ember)?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|'
        'OCTOBER|NOVEMBER|DECEMBER)\\.?,?\\s+(?P<year>(?:19|20)\\d\\d)\\b'),
    ('newsprism.timeline.patterns', 'DATE_MY'): re.compile(
        '\\b(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|'
        'Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|'
        'JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\\.?,?\\s+(?P<year>(?:19|20)\\d\\d)\\b'),
    ('newsprism.timeline.patterns', 'DATE_MD'): re.compile(
        '\\b(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|'
        'Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|'
        'JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\\.?\\s+(?P<day>[0-3]?\\d)(?:st|nd|rd|'
        'th)?\\b(?!\\s*,?\\s*(?:19|20)\\d\\d)(?!\\s*(?:%|percent|-\\s*\\d|\\d))'),
    ('newsprism.timeline.patterns', 'DATE_DM'): re.compile(
        '\\b(?P<day>[0-3]?\\d)(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|'
        'Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|'
        'Nov(?:ember)?|Dec(?:ember)?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|'
        'OCTOBER|NOVEMBER|DECEMBER)\\.?\\b(?!,?\\s*(?:19|'
        '20)\\d\\d)(?:\\s+(?P<year>\\d\\d)\\b(?![:.]\\d))?'),
    ('newsprism.timeline.patterns', 'WEEKDAY_DATE'): re.compile(
        '^,?\\s*\\(?\\s*(?:(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|'
        'Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JANUARY|FEBRUARY|'
        'MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\\.?\\s+[0-3]?\\d(?:st|'
        'nd|rd|th)?\\b|[0-3]?\\d(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:Jan(?:uary)?|Feb(?:ruary)?|'
        'Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|'
        'Nov(?:ember)?|Dec(?:ember)?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|'
        'OCTOBER|NOVEMBER|DECEMBER)\\.?(?!\\w))'),
    ('newsprism.timeline.patterns', 'MONTH_ALONE'): re.compile(
        '\\b(?P<mod>(?i:in|last|next|this|since|until|by|during|early|late|mid-?|the|this past|'
        'earlier in|later in|from|through|before|after)(?:\\s+(?i:early|late|'
        'mid-?))?)\\s*(?P<mon>January|February|March|April|May|June|July|August|September|October|'
        'November|December|(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\\.)(?!\\s*(?:\\d|of\\s+(?:19|'
        '20)\\d\\d))(?!\\w)'),
    ('newsprism.timeline.patterns', 'WEEKDAY'): re.compile(
        '\\b(?:(?P<mod>last|next|this|this coming|this past|on|late|early|until|by|from)\\s+)?'
        '(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\\b'),
    ('newsprism.meta.dates', 'WEEKDAY_REF'): re.compile(
        '\\b(?:on|last|this|late|early)\\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b'),
    ('newsprism.timeline.patterns', 'QUOTED'): re.compile('[\"“][^\"”]{0,600}[\"”]'),
    ('newsprism.cluster.patterns', 'QUOTED'): re.compile('[\"“][^\"”]{0,600}[\"”]'),
    ('newsprism.cluster.patterns', 'FUTURE_CUES'): re.compile(
        '\\b(?:to visit|to travel|to meet|to hold|to attend|to address|to warn|to discuss|to press|'
        'to raise|to host|to arrive|to head|to land|to make (?:a|his|her|their) (?:first )?(?:visit|'
        'trip)|is set to|are set to|is due to|are due to|is expected to|are expected to|'
        'is scheduled to|are scheduled to|scheduled for|plans to|planning to|is planning|intends to|'
        'aims to|is to (?:visit|travel|meet|hold)|upcoming|forthcoming|ahead of (?:his|her|their|the|'
        'a) (?:visit|trip|talks|meeting|summit)|will (?:travel|visit|meet|hold|arrive|head|land|'
        'discuss|raise|press)|yet to be (?:announced|confirmed|scheduled)|next week|'
        'travels to .{0,60}? on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|'
        'when (?:he|she|they) (?:travels?|visits?|meets?|arrives?))\\b', re.I),
    ('newsprism.timeline.patterns', 'DATE_LINE_NOISE'): re.compile(
        '\\b(?:\\d{1,2}\\s*:\\s*\\d\\d(?:\\s*:\\s*\\d\\d)?|[ap]\\.?\\s?m\\.?|(?:[A-Z]{1,4}T|GMT|UTC|'
        'BST|CEST|IST|AEST)(?:\\s*[+-]\\s*\\d\\d?(?::\\s*\\d\\d)?)?|posted|published|updated|'
        'originally|last|time|on|at|by|found|monday|tuesday|wednesday|thursday|friday|saturday|sunday|'
        'mon|tue|wed|thu|fri|sat|sun)\\b|[|,:/()@–—-]', re.I),
    ('newsprism.framing.patterns', 'WORD'): re.compile(
        "\\w+(?:[-'’]\\w+)*"),
    ('newsprism.meta.patterns', 'WORD'): re.compile(
        "[^\\W\\d_]+(?:['’][^\\W\\d_]+)?"),
    ('newsprism.meta.patterns', 'DATE_MDY'): re.compile(
        '\\b(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|'
        'Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?\\s+(?P<day>\\d{1,2})(?:st|nd|rd|'
        'th)?,?\\s+(?P<year>(?:19|20)\\d\\d)\\b', re.I),
    ('newsprism.meta.patterns', 'DATE_DMY'): re.compile(
        '\\b(?P<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|'
        'Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|'
        'Dec(?:ember)?)\\.?,?\\s+(?P<year>(?:19|20)\\d\\d)\\b', re.I),
    ('newsprism.meta.dates', 'MONTH_DAY'): re.compile(
        '\\b(?:on\\s+)?(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|'
        'Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?\\s+(\\d{1,2})\\b(?!,?\\s*\\d{4})'),
    ('newsprism.summarize.align', 'TOKEN'): re.compile(
        "[a-z0-9]+(?:['’][a-z]+)?"),
    ('newsprism.figures.patterns', 'TOKEN'): re.compile(
        "[A-Za-z]+(?:['’.-][A-Za-z]+)*|\\d+(?:[.,]\\d+)*|[^\\w\\s]"),
    ('newsprism.figures.patterns', 'BACKGROUND'): re.compile(
        '\\b(?:in|since|last|early|late|earlier this|by)\\s+(?:january|february|march|april|may|june|'
        'july|august|september|october|november|december|(?:18|19|20)\\d\\d)\\b(?!\\s+\\d{1,2}\\b)|'
        '\\b\\d+\\s+(?:years?|months?)\\s+ago\\b|\\b(?:this|last|previous)\\s+(?:year|month)\\b', re.I),
}
OLD_WORD_SETS: dict[tuple[str, str], frozenset[str]] = {
    ('newsprism.claims.stance_patterns', 'STOPWORDS'): frozenset("""
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself new no nor of off on once one only or other our ours ourselves out over
    own s said same say says she should so some such t than that the their theirs them themselves
    then there these they this those through to too two under until up very was we were what when
    where which while who whom why will with would you your yours yourself yourselves
    """.split()),
    ('newsprism.cluster.patterns', 'STOPWORDS'): frozenset("""
    a about above according after again against all also am an and any are aren't as at be because
    been before being below between both but by can can't could did didn do does doesn doing don
    down during each few first for friday from further get got had has have having he he's her here
    hers herself him himself his how i if in into is isn it it's its itself just last like me monday
    more most mr mrs ms my myself new no nor not now of off on once one only or other our ours
    ourselves out over own people s said same saturday says she she's should so some such sunday t
    than that that's the their theirs them themselves then there there's these they this those three
    through thursday time to told too tuesday two under until up very was wasn we wednesday were
    weren what when where which while who whom why will with won't would year years you your yours
    yourself yourselves
    """.split()),
}
OLD_ENGLISH_PROFILE = frozenset("""
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not now of off on once only or other our ours out over own said
    same says she should since so some such than that the their theirs them then there these they
    this those through to too under until up very was we were what when where whether which while
    who whom why will with would you your yours
    """.split())
OLD_TABLES: dict[tuple[str, str], dict[str, object]] = {
    ('newsprism.claims.stance_patterns', 'NUMBER_WORDS'): {
        'one': '1', 'two': '2', 'three': '3', 'four': '4', 'five': '5', 'six': '6', 'seven': '7',
        'eight': '8', 'nine': '9', 'ten': '10', 'eleven': '11', 'twelve': '12', 'twenty': '20',
        'hundred': '100', 'thousand': '1000', 'million': '1000000',
    },
    ('newsprism.cluster.patterns', 'NUMBER_WORDS'): {
        'two': 2, 'three': 3, 'four': 4, 'five': 5, 'six': 6, 'seven': 7, 'eight': 8, 'nine': 9, 'ten': 10,
        'eleven': 11, 'twelve': 12, 'dozen': 12, 'twenty': 20, 'hundred': 100, 'thousand': 1000,
    },
    ('newsprism.timeline.patterns', 'NUMBER_WORDS'): {
        'a': 1, 'an': 1, 'one': 1, 'two': 2, 'three': 3, 'four': 4, 'five': 5, 'six': 6, 'seven': 7,
        'eight': 8, 'nine': 9, 'ten': 10, 'eleven': 11, 'twelve': 12,
    },
    ('newsprism.patterns', 'MONTHS'): {
        'january': 1, 'february': 2, 'march': 3, 'april': 4, 'may': 5, 'june': 6, 'july': 7, 'august': 8,
        'september': 9, 'october': 10, 'november': 11, 'december': 12, 'jan': 1, 'feb': 2, 'mar': 3,
        'apr': 4, 'jun': 6, 'jul': 7, 'aug': 8, 'sep': 9, 'oct': 10, 'nov': 11, 'dec': 12, 'sept': 9,
    },
    ('newsprism.patterns', 'WEEKDAYS'): dict.fromkeys(("monday", "tuesday", "wednesday", "thursday", "friday",
                                                       "saturday", "sunday")),
    ('newsprism.patterns', 'NUMBER_WORDS'): {
        'zero': 0, 'one': 1, 'two': 2, 'three': 3, 'four': 4, 'five': 5, 'six': 6, 'seven': 7, 'eight': 8,
        'nine': 9, 'ten': 10, 'eleven': 11, 'twelve': 12, 'thirteen': 13, 'fourteen': 14, 'fifteen': 15,
        'sixteen': 16, 'seventeen': 17, 'eighteen': 18, 'nineteen': 19, 'twenty': 20, 'thirty': 30,
        'forty': 40, 'fifty': 50, 'sixty': 60, 'seventy': 70, 'eighty': 80, 'ninety': 90, 'dozen': 12,
        'dozens': 24, 'hundred': 100, 'hundreds': 200, 'thousand': 1000, 'thousands': 2000,
    },
}


def _current(module: str, name: str):
    return getattr(importlib.import_module(module), name)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple]:
    return [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("key", list(OLD_REGEXES), ids=[".".join(k) for k in OLD_REGEXES])
def test_rebuilt_pattern_matches_like_the_old_literal(key):
    old, new = OLD_REGEXES[key], _current(*key)
    assert new.groupindex == old.groupindex and new.groups == old.groups
    for text in CORPUS:
        assert _matches(new, text) == _matches(old, text), (key, text[:200])
        for token in text.split()[:200]:
            assert bool(new.fullmatch(token)) == bool(old.fullmatch(token)), (key, token)


def test_the_corpus_exercises_every_pattern():
    """Guard against a vacuous comparison: each old pattern matches somewhere in the corpus."""
    assert [key for key, old in OLD_REGEXES.items() if not any(old.search(t) for t in CORPUS)] == []


@pytest.mark.parametrize("key", list(OLD_WORD_SETS), ids=[".".join(k) for k in OLD_WORD_SETS])
def test_rebuilt_stop_words_are_the_old_set(key):
    assert _current(*key) == OLD_WORD_SETS[key]


def test_english_profile_is_the_old_set():
    assert shared.STOPWORDS["en"] == OLD_ENGLISH_PROFILE


@pytest.mark.parametrize("key", list(OLD_TABLES), ids=[".".join(k) for k in OLD_TABLES])
def test_rebuilt_tables_are_the_old_tables(key):
    current = _current(*key)
    assert (dict.fromkeys(current) if isinstance(current, tuple) else current) == OLD_TABLES[key]
    assert list(current) == list(OLD_TABLES[key])  # same order too (WEEKDAYS is read by position)


def test_identical_patterns_are_one_object():
    """Where a stage reads the shared word pattern unchanged, it is the shared object, not a copy."""
    for module in ("newsprism.dedup.patterns", "newsprism.claims.patterns", "newsprism.claims.stance_patterns"):
        assert _current(module, "WORD") is shared.WORD
    assert _current("newsprism.summarize.align", "TOKEN") is shared.LOWER_WORD
    assert _current("newsprism.quotes.align", "_WORD") is shared.LOWER_WORD
    for module in ("newsprism.timeline.patterns", "newsprism.cluster.patterns"):
        assert _current(module, "QUOTED") is shared.QUOTED
    assert _current("newsprism.meta.dates", "WEEKDAYS") is _current("newsprism.timeline.patterns", "WEEKDAYS")
