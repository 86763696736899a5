"""Lexical building blocks shared by the stages: stop words, month names, number words, words.

A stage's own ``patterns.py`` keeps what only it reads; what two or more stages read lives here,
written once. Importing this module is cheap (``re`` only), so light modules may use it.
"""
from __future__ import annotations

import re


# --- stop words: small per-language profiles ------------------------------------------------------
# The 60-100 most frequent function words of each language. Enough to tell the languages apart
# on a paragraph and to measure stop-word density for the boilerplate classifier.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        a about above after again against all also am an and any are as at be because been before
        being below between both but by can could did do does doing down during each few for from
        further had has have having he her here hers herself him himself his how i if in into is it
        its itself just me more most my myself no nor not now of off on once only or other our ours
        out over own same she should so some such than that the their theirs them then there these
        they this those through to too under until up very was we were what when where which while
        who whom why will with would you your yours said says while would there whether since
        """.split()),
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


# --- months: full names and abbreviations -> month number ----------------------------------------
MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9


# --- numbers: digits and number words, with one normaliser ------------------------------------------
# Number words up to the scales; "a"/"an" are left out (too often not a count: "a police officer").
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
# A number as written: digits with thousands separators and decimals ("1,200", "5.6"), or number
# words ("twenty-five", "two hundred", "a dozen"), either with an optional scale ("2.6 million").
# Digits glued to letters or to a decimal point on the left are not matched (ids, "v2", ".5").
NUMBER = re.compile(
    rf"(?<![\w.,])(?:(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
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
