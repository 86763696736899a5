"""The shipped lexicons: state aliases (``data/aliases.json``) and loaded terms
(``data/loaded_terms.json``); each file documents its own origin in its ``about`` field."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from . import patterns as P

RECORD = dict(frozen=True, slots=True, kw_only=True)


def norm(text: str) -> str:
    """The matching key of a surface form: lowercase, curly quotes straightened, no leading
    determiner, no trailing possessive, no dots ("the U.S.'s" -> "us")."""
    text = text.replace("’", "'").replace("‘", "'").strip()
    text = P.LEADING_DETERMINERS.sub("", text)
    text = P.TRAILING_POSSESSIVE.sub("", text).replace(".", "")
    text = P.NON_WORD.sub(" ", text)
    return P.SPACES.sub(" ", text).strip().lower()


def display(text: str) -> str:
    """The shown form: the words as written, minus a leading determiner and line breaks."""
    text = P.SPACES.sub(" ", text.replace("’", "'")).strip()
    return P.LEADING_DETERMINERS.sub("", text).strip(" ,;:\"'()")


@dataclass(**RECORD)
class Aliases:
    """``state_of`` maps a normalised name, capital, seat or party to its state id;
    ``demonym_of`` maps a normalised demonym; ``acts`` known acts of war with their sides."""

    state_of: dict[str, str]
    kind_of: dict[str, str]  # normalised form -> "name" | "capital" | "seat" | "party"
    demonym_of: dict[str, str]
    act_states: dict[str, frozenset[str]]
    act_of_phrase: dict[str, str]
    version: str = ""

    def state(self, text: str) -> str | None:
        key = norm(text)
        return self.state_of.get(key) or self.demonym_of.get(key)


@dataclass(**RECORD)
class TermPattern:
    """One pattern of a loaded term. ``regex`` is the whole pattern, word edges included;
    ``core`` (when given) the same without its leading ``P.TERM_START`` lookbehind, which
    ``spans`` checks itself: a lookbehind first defeats the regex engine's fast scan for the
    pattern's opening letters, and the 102 shipped patterns ran 2x slower over real text
    (0.51 against 0.29 CPU-s on 2,316 Multi-News sentences, the same matches)."""
    term: str
    category: str
    regex: re.Pattern
    core: re.Pattern | None = None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each match in ``text``, as ``regex.finditer`` gives them."""
        if self.core is None:
            return [(m.start(), m.end()) for m in self.regex.finditer(text)]
        out, pos = [], 0
        while (m := self.core.search(text, pos)) is not None:
            start, end = m.span()
            if start > 0 and P.TERM_EDGE.match(text, start - 1):  # the lookbehind fails here: retry one on
                pos = start + 1
                continue
            out.append((start, end))
            pos = end if end > start else start + 1
        return out


@dataclass(**RECORD)
class LoadedLexicon:
    patterns: tuple[TermPattern, ...]
    categories: dict[str, str] = field(default_factory=dict)
    version: str = ""


def _read(name: str) -> dict:
    return json.loads((resources.files(__package__) / "data" / name).read_text(encoding="utf-8"))


@cache
def default_aliases() -> Aliases:
    return aliases_from(_read("aliases.json"))


def aliases_from(data: dict) -> Aliases:
    state_of, kind_of, demonym_of = {}, {}, {}
    for state in data["states"]:
        for kind in ("names", "capitals", "seats", "parties"):
            for form in state.get(kind, ()):
                state_of[norm(form)] = state["id"]
                kind_of[norm(form)] = kind[:-1]
        for form in state.get("demonyms", ()):
            demonym_of[norm(form)] = state["id"]
    act_states = {a["id"]: frozenset(a["states"]) for a in data.get("acts", ())}
    act_of_phrase = {norm(p): a["id"] for a in data.get("acts", ()) for p in a.get("phrases", ())}
    return Aliases(state_of=state_of, kind_of=kind_of, demonym_of=demonym_of,
                   act_states=act_states, act_of_phrase=act_of_phrase,
                   version=data.get("version", ""))


@cache
def default_loaded() -> LoadedLexicon:
    return loaded_from(_read("loaded_terms.json"))


def loaded_from(data: dict) -> LoadedLexicon:
    compiled = []
    for entry in data["terms"]:
        for pattern in entry["patterns"]:
            core = pattern.replace("{PLACE}", P.PLACE) + P.TERM_END
            compiled.append(TermPattern(term=entry["term"], category=entry["category"],
                                        regex=re.compile(P.TERM_START + core, re.IGNORECASE),
                                        core=re.compile(core, re.IGNORECASE)))
    return LoadedLexicon(patterns=tuple(compiled), categories=dict(data.get("categories", {})),
                         version=data.get("version", ""))
