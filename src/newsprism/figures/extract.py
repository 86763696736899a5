"""Figures in an article's sentences: the number given for each quantity (dead, injured,
arrested, missing, evacuated, magnitude, money, percentages, counts of people or houses).

Plain rules over the shared number pattern (``newsprism.patterns.NUMBER``): a number counts when
the words around it say what it is a number of ("12 people were killed", "killing at least 12",
"a 5.6-magnitude quake", "$2.6 million in jewels", "300 homes"); years, times, dates, ages
("a 23-year-old"), addresses and numbered names ("Channel 4") are set aside. Each figure keeps
its qualifier ("at least 12" is a floor, "up to 20" a ceiling, "about 50" an approximation),
ranges ("10 to 15"), whether it sits inside a quotation, and character offsets into the text.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from .. import patterns as shared
from . import patterns as P
from .records import ABOUT, AT_LEAST, EXACT, Figure

FIGURES_VERSION = "figures-1"
RIGHT_WINDOW = 6  # tokens after a number searched for what it counts ("12 people were reportedly killed")
REFERENTIAL_MAX = 3  # "the two countries" refers back; "the four robbers" still gives a figure
LEFT_WINDOW = 4  # tokens before it searched for a verb that takes it ("killing at least 12")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text`` (a light splitter: line breaks and ., !, ?
    before a capital, not after a known abbreviation or an initial)."""
    start = 0
    for match in P.SENTENCE_END.finditer(text):
        before = text[start:match.start()].rstrip("\"”’)")
        last = before.rsplit(None, 1)[-1].rstrip(".").lower() if before.split() else ""
        if "\n" not in match.group(0) and (last in P.ABBREVIATIONS or len(last) == 1):
            continue
        if text[start:match.start()].strip():
            yield start, match.start()
        start = match.end()
    if text[start:].strip():
        yield start, len(text.rstrip())


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside quotation marks (curly pairs, or straight quotes paired in order)."""
    spans, opened, straight = [], None, None
    for i, ch in enumerate(text):
        if ch in P.QUOTE_OPEN:
            opened = i
        elif ch in P.QUOTE_CLOSE and opened is not None:
            spans.append((opened, i + 1))
            opened = None
        elif ch == '"':
            if straight is None:
                straight = i
            else:
                spans.append((straight, i + 1))
                straight = None
        elif ch == "\n":
            opened = straight = None
    return spans


def extract_figures(text: str, *, article: str = "", date: str | None = None) -> list[Figure]:
    """Every figure in ``text`` (see the module docstring), in text order."""
    quotes = quoted_spans(text)
    found: list[Figure] = []
    for s_start, s_end in sentences(text):
        background = bool(P.BACKGROUND.search(text, s_start, s_end))
        for figure in _sentence_figures(text, s_start, s_end):
            inside = any(a < figure.start < b for a, b in quotes)
            found.append(replace(figure, article=article, date=date, quoted=inside, background=background))
    return found


def _sentence_figures(text: str, s_start: int, s_end: int) -> Iterator[Figure]:
    sentence = text[s_start:s_end]
    skip_until = -1
    for match in shared.NUMBER.finditer(sentence):
        if match.start() < skip_until:
            continue
        figure = _figure(sentence, match)
        if figure is None:
            continue
        start, end, item = figure
        skip_until = end
        yield replace(item, start=s_start + start, end=s_start + end, sentence=sentence,
                      sentence_start=s_start, sentence_end=s_end)


def _figure(sentence: str, match: re.Match[str]) -> tuple[int, int, Figure] | None:
    """The figure a number match gives, with its span in the sentence, or None."""
    raw = match.group(0)
    value = shared.parse_number(raw)
    if value is None:
        return None
    before, after = sentence[:match.start()], sentence[match.end():]
    words = (match.group("words") or "").lower()
    if _not_a_figure(raw, before, after, match):
        return None
    if words == "one" and P.NO_BEFORE.search(before):
        value = 0.0  # "no one was hurt": a toll of zero
    # A range: "10 to 15", "10-15", "between 10 and 15".
    high, end = None, match.end()
    rng = P.RANGE_AFTER.match(after)
    between = P.BETWEEN_BEFORE.search(before)
    if between and re.match(r"^\s+and\s+", after):
        rng = re.match(r"^\s+and\s+", after)
    if rng:
        second = shared.NUMBER.match(after, rng.end())
        if second is not None and second.start() == rng.end():
            top = shared.parse_number(second.group(0))
            if top is not None and top > value:
                high, end = top, match.end() + second.end()
    tail = sentence[end:]
    bound, start = EXACT, match.start()
    if value == 0.0 and (no := P.NO_BEFORE.search(before)):
        start = no.start()
    qualifier = P.QUALIFIER_BEFORE.search(before)
    if qualifier:
        bound, start = P.BOUND_OF[qualifier.group(1).lower()], qualifier.start()
    elif between:
        start = between.start()
    more = P.OR_MORE_AFTER.match(tail)
    if more:
        bound, end, tail = AT_LEAST, end + more.end(), tail[more.end():]
    if words in ("dozens", "hundreds", "thousands") and high is None:  # "hundreds of homes"
        high = value * 5 - 1  # "dozens": 24 to 119, "hundreds": 200 to 999
        if tail.lstrip().lower().startswith("of "):
            tail = tail.lstrip()[3:]
    kind = _kind(raw, value, before, tail)
    if kind is None:
        return None
    name, thing, unit = kind
    if name == "percent" and (percent := P.PERCENT_AFTER.match(tail)):
        end += percent.end()
    if name == "magnitude" and value >= P.MAX_MAGNITUDE:
        return None
    if name == "money" and P.CONVERSION_BEFORE.search(before):
        return None  # "85 million euros ($108 million)": the outlet's conversion of the figure before
    if name == "money" and (currency := P.CURRENCY_BEFORE.search(before)):
        start = min(start, currency.start())
    if words == "one" and name in ("count",) and thing not in P.PERSON_SINGULAR:
        return None
    if name == "count" and value < REFERENTIAL_MAX and P.DETERMINER_BEFORE.search(before):
        return None  # "the two countries", "both sides": a reference back, not a figure given
    if words and words.startswith("hundred") and bound == EXACT and high is None:
        bound = ABOUT
    return start, end, Figure(article="", kind=name, thing=thing, unit=unit, value=value, high=high, bound=bound,
                              text=sentence[start:end].strip())


def _not_a_figure(raw: str, before: str, after: str, match: re.Match[str]) -> bool:
    digits = match.group("digits")
    if digits and not match.group("scale") and P.YEAR.fullmatch(digits):
        return True  # a year
    if P.TIME_AFTER.match(after) or P.AGE_AFTER.match(after) or P.AGE_BEFORE.search(before):
        return True
    if P.SLASH_DATE.match(after) or P.SLASH_DATE.search(before):
        return True
    last_word = re.findall(r"[A-Za-z]+\.?$", before.rstrip())
    next_word = re.match(r"^\s*,?\s*([A-Za-z]+)", after)
    if last_word and last_word[0].rstrip(".").lower() in shared.MONTHS:
        return True  # "December 08"
    if next_word and next_word.group(1).lower() in shared.MONTHS and digits is not None:
        return True  # "14 September"
    if digits and P.STREET_AFTER.match(after):
        return True  # "200 W. American Blvd"
    if P.NAMED_NUMBER_BEFORE.search(before):
        return True
    partitive = P.PARTITIVE_BEFORE.search(before)
    if partitive and shared.parse_number(partitive.group(1)) is not None:
        return True  # "two of the three victims": the figure is "two"
    if re.match(r"^(?:st|nd|rd|th)\b", after):
        return True
    if re.search(r"\d[-–]\s*$", before) or (digits and re.match(r"^[-–]\d", after) and
                                            not re.match(r"^[-–]\d+\s+[a-z]", after)):
        return True  # a score or a code, "20-13", not a range before a noun
    return False


def _tokens(text: str) -> list[str]:
    return P.TOKEN.findall(text)


def _singular(word: str) -> str:
    word = word.lower()
    if word in P.IRREGULAR_PLURALS:
        return P.IRREGULAR_PLURALS[word]
    for ending, repl in (("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("sses", "ss"), ("xes", "x"), ("s", "")):
        if word.endswith(ending) and len(word) >= len(ending) + 2 and not word.endswith("ss"):
            return word[: -len(ending)] + repl
    return word


def _person_thing(word: str) -> str:
    """The thing a toll counts: "" for generic people, else the noun in the singular."""
    return "" if word.lower() in P.GENERIC_PEOPLE else _singular(word)


def _kind(raw: str, value: float, before: str, after: str) -> tuple[str, str, str] | None:
    """``(kind, thing, unit)`` of a number from the words around it, or None."""
    if percent := P.PERCENT_AFTER.match(after):
        # What it is a share of: "83.3 percent of Greeks", "a 20 percent approval rating".
        words = [w.lower() for w in _tokens(after[percent.end():])[:3] if w[0].isalpha()]
        words = words[1:] if words[:1] == ["of"] else words
        thing = next((_singular(w) for w in words[:1] if w not in shared.STOPWORDS["en"]), "")
        return "percent", thing, "%"
    if P.MAGNITUDE_BEFORE.search(before) or P.MAGNITUDE_AFTER.match(after):
        return "magnitude", "", ""
    family = P.FAMILY_BEFORE.search(before)
    if family:  # "a mother of 12", "father of two sons": children, not a toll
        noun = next((w for w in _tokens(after)[:2] if _is_noun(w) and w[0].islower()), "")
        return "count", _singular(noun) if noun else "child", ""
    if P.INCREMENT_AFTER.match(after):
        return None  # "two more victims were found": a change, not the toll
    partitive = P.PARTITIVE_AFTER.match(after)  # "two of the three victims died": the toll is two
    right = _tokens(after[partitive.end():] if partitive else after)[:RIGHT_WINDOW]
    if partitive and right and right[0].lower() in P.KIND_OF_WORD:
        return None  # "30 of the 80 wounded remained in hospital": the kind names the whole, not the part
    left = _tokens(before)[-LEFT_WINDOW:]
    currency = P.CURRENCY_BEFORE.search(before)
    worded = right and right[0].lower() in P.CURRENCY_WORDS
    if worded and right[0].lower() in P.WEIGHT_OR_MONEY and value < P.MONEY_WORD_MIN:
        worded = False  # "180 pounds": a weight
    if currency or worded:
        unit = P.CURRENCY_SIGNS.get(currency.group(1).strip(), "USD") if currency else P.CURRENCY_WORDS[right[0].lower()]
        wide = _tokens(before)[-P.MONEY_LEFT_WINDOW:]
        thing = next(("haul" if w.lower() in P.HAUL_WORDS else _singular(w) for w in right[:4] + wide[::-1]
                      if w.lower() in P.MONEY_THINGS or w.lower() in P.HAUL_WORDS), "")
        return "money", thing, unit
    # The number before the words that say what happened: "12 people were killed", "five dead".
    noun, people = "", ""
    for i, token in enumerate(right):
        word = token.lower()
        if word in P.KIND_OF_WORD:
            if word.endswith("ing") and noun:
                return None  # "two helicopters were evacuating ...": the number does it, not undergoes it
            return P.KIND_OF_WORD[word], _person_thing(noun) if noun else "", ""
        if not token[0].isalpha():
            break
        if word in P.LINKING:
            if i == 0 and word in P.GENERIC_PEOPLE:
                people = "people"
            continue
        if word in shared.STOPWORDS["en"]:
            break  # "killing three and injuring ...": the clause after the number is another one
        if i == 0:
            if word in P.NOT_COUNTED:
                return None
            noun = token
            continue
        if i in (1, 2) and token[0].islower() and _is_noun(token) and not _is_noun(noun):
            noun = token  # "three armed men", "13 fully loaded magazines": the noun after its modifiers
            continue
        if i == 1 and token[0].islower() and not _is_noun(noun) and not _is_noun(token):
            continue  # a second modifier
        if i == 1 and noun and token[0].islower() and _is_noun(token) and noun.lower() in P.ATTRIBUTIVE:
            noun = token
            continue
        break
    # A verb or toll before the number: "killing at least 12", "death toll rose to 12".
    after_token = ""
    for token in reversed(left):
        word = token.lower()
        if word in P.KIND_OF_WORD and (word.endswith(("ing", "ed")) or after_token == "of") or word in P.TOLL_WORDS:
            kind = P.KIND_OF_WORD.get(word) or P.TOLL_WORDS[word]
            if noun and _singular(noun) in P.NOT_PEOPLE and kind != "evacuated":
                break  # "arrested five buildings away"
            return kind, _person_thing(noun) if noun and _is_noun(noun) else "", ""
        if word in P.LEFT_SKIP or word in ("rose", "risen", "climbed", "stood", "stands", "reached", "is", "was",
                                           "has", "had", "to", "at", "now"):
            after_token = word
            continue
        break
    # A count of things: "300 homes", "two police officers" (not "a 200 person crowd").
    if noun and _is_noun(noun) and (value <= 1 or _singular(noun) != noun.lower() or noun.lower() in P.IRREGULAR_PLURALS):
        return "count", _singular(noun), ""
    return ("count", people, "") if people else None


def _is_noun(token: str) -> bool:
    """A plural (or person) noun after a number, not a duration or measure: a thing counted."""
    word = token.lower()
    if not word:
        return False
    if word in P.NOT_COUNTED or word in shared.STOPWORDS["en"] or not token[0].islower() and word not in P.GENERIC_PEOPLE:
        return word in P.IRREGULAR_PLURALS and word not in P.NOT_COUNTED
    return word.endswith("s") and not word.endswith("ss") or word in P.IRREGULAR_PLURALS or word in P.PERSON_SINGULAR
