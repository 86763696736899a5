"""Lexical building blocks shared by the stages: stop words, weekday and month names, words,
quoted stretches, numbers and number words (with one normaliser).

A stage's own ``patterns.py`` keeps what only it reads; what two or more stages read lives here,
written once. Where a stage means something slightly different (dedup's numbers keep their unit,
the timeline's words are ASCII), its pattern is composed from the named pieces below and says why
beside it; tests/test_patterns_shared.py holds the stages' old literals and proves the rebuilt
patterns match exactly as they did. Importing this module is cheap (``re`` only).
"""
from __future__ import annotations

import re


# --- stop words: small per-language profiles ------------------------------------------------------
# English function words: the classic list NLTK ships (nltk.corpus.stopwords "english", its first
# 127 words). Each stage's English stop words are this set with its own additions and removals.
ENGLISH_FUNCTION_WORDS = frozenset("""
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she
    her hers herself it its itself they them their theirs themselves what which who whom this that
    these those am is are was were be been being have has had having do does did doing a an the and
    but if or because as until while of at by for with about against between into through during
    before after above below to from up down in out on off over under again further then once here
    there when where why how all any both each few more most other some such no nor not only own
    same so than too very s t can will just don should now
    """.split())
# The 60-100 most frequent function words of each language. Enough to tell the languages apart
# on a paragraph and to measure stop-word density for the boilerplate classifier.
STOPWORDS: dict[str, frozenset[str]] = {
    # The classic English list (NLTK's, 127 words) without its contraction stems ("don", "s", "t")
    # and rarer reflexives, with the reporting words and modals news prose is full of.
    "en": ENGLISH_FUNCTION_WORDS - {"don", "s", "t", "ourselves", "themselves", "yourself", "yourselves"}
    | {"also", "could", "said", "says", "since", "whether", "would"},
    "fr": frozenset("""
        le la les un une des du de et en est que qui dans pour pas sur au aux avec ce cette ces il
        elle ils elles nous vous je tu ne se sa son ses leur leurs par plus mais ou comme été être
        a ont sont fait faire lui y d l qu c s n m j t où aussi tout tous toute bien sans sous entre
        """.split()),
    "de": frozenset("""
        der die das den dem des ein eine einer eines einem einen und ist nicht mit von zu im in auf
        für sich auch es er sie wir ihr ich du als an bei aus nach wie wird werden wurde hat haben
        sind war noch nur oder aber so dass daß zum zur vom über unter kann man um am auch schon
        diese dieser dieses mehr sein seine ihre
        """.split()),
    "es": frozenset("""
        el la los las un una unos unas de del y en que es por con para no se lo le les su sus al
        como más pero o este esta estos estas ese esa fue ha han ser son está están era muy también
        sin sobre entre cuando ya todo hay yo él ella nosotros porque desde hasta donde
        """.split()),
    "it": frozenset("""
        il lo la i gli le un uno una di del della dei delle degli e è in che non per con su al alla
        da dal nel nella si ha sono come anche più ma o questo questa quello quella essere stato
        era ci ne se gli loro suo sua suoi sue tra fra dopo molto tutto
        """.split()),
    "pt": frozenset("""
        o a os as um uma uns umas de do da dos das e é em no na nos nas que não por para com se
        ao aos à às seu sua seus suas mais mas ou como foi são ser está estão ele ela eles elas
        também muito já quando sobre entre até isso este esta pelo pela
        """.split()),
    "nl": frozenset("""
        de het een en van in is op te dat die niet met voor zijn er aan als ook bij door maar om
        dan naar nog wat zo uit tot over werd worden wordt heeft hebben was waren kan zal hij zij
        ze wij we ik je u deze dit al geen meer
        """.split()),
    "ru": frozenset("""
        и в во не что он она они на я с со как а то все так его но да ты к у же вы за бы по только
        ее её мне было вот от меня еще ещё нет о из ему теперь когда даже ну ли если уже или ни быть
        был была были него до вас нибудь опять уж вам ведь там потом себя ничего ей может это этот
        эта эти для при также который которые
        """.split()),
    # Chinese has no spaces: the detector counts these characters instead of words.
    "zh": frozenset("的 了 是 在 和 有 也 不 这 我 他 她 们 中 国 对 为 以 上 说 与 及 将 于 就 而 之".split()),
}


def stopwords_for(language: str | None) -> frozenset[str]:
    """The stop-word list of ``language``, English when unknown."""
    return STOPWORDS.get(language or "en", STOPWORDS["en"])


# --- weekdays and months ---------------------------------------------------------------------------
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")  # date.weekday() order
WEEKDAY_NAME = "|".join(day.title() for day in WEEKDAYS)  # "Monday|Tuesday|...": capitalised, as dates write them

# Months: full names and abbreviations -> month number.
MONTH_NAMES = tuple("january february march april may june july august september october november december".split())
MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
# A month name as written in English dates, capitalised: "Jan", "Jan.", "January", "Sept." (the
# caller adds its own dot and case handling). Stages that want another set compose their own.
MONTH_NAME = (r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
              r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?")


# A stretch between double quotation marks (straight or curly), for stages that read what a text
# says in its own voice: what is inside is someone else's words.
QUOTED = re.compile(r"[\"“][^\"”]{0,600}[\"”]")


# --- words: regex pieces and the word most stages read ---------------------------------------------
APOSTROPHES = "'’"  # straight and curly: inside a character class, "[{APOSTROPHES}]"
LETTER = r"[^\W\d_]"  # a letter of any script
ALNUM = r"[^\W_]"  # a letter or digit of any script
# A word: letters and digits of any script, apostrophes inside kept ("didn't", "won’t"), hyphens
# and underscores split ("so-called" is two words). Shingles, claims and the stance model read it.
WORD = re.compile(rf"{ALNUM}+(?:[{APOSTROPHES}]{ALNUM}+)*")
# A word of text already lower-cased: ASCII letters and digits, one apostrophe ending ("it's").
LOWER_WORD = re.compile(rf"[a-z0-9]+(?:[{APOSTROPHES}][a-z]+)?")


# --- numbers: digits and number words, with one normaliser ------------------------------------------
# Number words up to the scales; "a"/"an" are left out (too often not a count: "a police officer").
# A stage that reads fewer of them picks its words from these (the values are written once here).
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12, "dozens": 24, "hundred": 100, "hundreds": 200, "thousand": 1000, "thousands": 2000,
}
SCALES: dict[str, int] = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "m": 1_000_000,
                          "mn": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000,
                          "trillion": 1_000_000_000_000}
_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_SCALE = r"(?:hundred|thousand|million|billion|trillion|bn|mn|m)\b"
# Regex pieces of digits, for the stages whose numbers differ (each says why beside its pattern).
DIGITS_GROUPED = r"\d{1,3}(?:,\d{3})+"  # thousands separated by commas: "1,200", "2,000,000"
DECIMAL = r"\d+(?:\.\d+)?"  # "12", "1.5"
DIGITS = rf"{DIGITS_GROUPED}(?:\.\d+)?|{DECIMAL}"  # either: "1,200.5", "1.5", "12"
DIGIT_RUN = r"\d+(?:[.,]\d+)*"  # digits with any inner dots and commas, read loosely ("1.200,5")
NOT_AFTER_WORD = r"(?<![\w.])"  # not glued to a word or a decimal point ("v2", ".5")
BIG_SCALE = r"(?:million|billion|trillion)"
# A number as written: digits with thousands separators and decimals ("1,200", "5.6"), or number
# words ("twenty-five", "two hundred", "a dozen"), either with an optional scale ("2.6 million").
# Digits glued to letters or to a decimal point on the left are not matched (ids, "v2", ".5").
NUMBER = re.compile(
    rf"(?<![\w.,])(?:(?P<digits>{DIGITS})"
    rf"|(?P<words>(?:{_WORD})(?:[- ](?:{_WORD}))*))(?:[\s-]?(?P<scale>{_SCALE}))?(?![\w])",
    re.I)


def parse_number(text: str) -> float | None:
    """The value of a number as ``NUMBER`` matches it: "1,200" -> 1200, "2.6 million" -> 2.6e6,
    "twenty-five" -> 25, "two hundred" -> 200, "a dozen" -> 12. Small counts are kept (unlike
    the date-shy filters of some stages); None when ``text`` is not a number."""
    match = NUMBER.fullmatch(text.strip())
    if match is None:
        return None
    scale = SCALES.get((match.group("scale") or "").lower(), 1)
    if match.group("digits"):
        return float(match.group("digits").replace(",", "")) * scale
    total, current = 0.0, 0.0
    for word in re.split(r"[- ]+", match.group("words").lower()):
        value = NUMBER_WORDS[word]
        if word in ("hundred", "hundreds", "thousand", "thousands", "dozen", "dozens") and current:
            current *= {"hundred": 100, "hundreds": 100, "dozen": 12, "dozens": 12}.get(word, 1000)
            if word.startswith("thousand"):
                total, current = total + current, 0.0
        else:
            current += value
    return (total + current) * scale
