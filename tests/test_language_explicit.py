"""One holder for models, passed explicitly (issue 10, item 4): no stage takes the process-wide
``Language`` behind its caller's back; only entry points (the CLI, ``analyze``, the watcher, the
web app, the notebook functions of ``newsprism``) may."""
from __future__ import annotations

import inspect
from pathlib import Path

import pytest

import newsprism

SRC = Path(newsprism.__file__).parent
STAGES = ("quotes", "claims", "framing", "summarize", "figures", "cluster", "dedup")


@pytest.mark.parametrize("stage", STAGES)
def test_stage_modules_never_reference_the_shared_language(stage):
    offenders = [str(path.relative_to(SRC)) for path in sorted((SRC / stage).rglob("*.py"))
                 if "shared_language" in path.read_text(encoding="utf-8")]
    assert (SRC / stage).is_dir() and not offenders


def _stage_functions():
    from newsprism.claims import align, judge, stance
    from newsprism.framing import panel, terms, words
    from newsprism.quotes import align as quote_align, extract
    from newsprism.summarize import extractive

    return [extract.extract_quotes, extract.extract_quotes_batch, quote_align.align_quotes, align.align_claims,
            align.claim_vectors, align.read_claims, align.support, stance.check_headline,
            stance.check_event_headlines, stance.headline_check, judge.claim_relation, words.loaded_words,
            terms.collect_candidates, terms.entity_terms, panel.framing_panel, extractive.summarize]


@pytest.mark.parametrize("function", _stage_functions(), ids=lambda f: f"{f.__module__}.{f.__name__}")
def test_stage_functions_require_a_language(function):
    parameter = inspect.signature(function).parameters["language"]
    assert parameter.default is inspect.Parameter.empty


@pytest.mark.parametrize("name", ["extract_quotes", "headline_check", "loaded_words", "claim_relation"])
def test_notebook_functions_take_an_optional_language(name):
    parameter = inspect.signature(getattr(newsprism, name)).parameters["language"]
    assert parameter.default is None


def test_a_stage_embeds_with_the_language_it_is_given():
    from newsprism.summarize import summarize

    class Counting:
        version = "counting-1"
        calls = 0

        def embed(self, texts):
            import numpy as np

            Counting.calls += 1
            return np.eye(len(texts), 8, dtype=np.float32)

    texts = ["The mayor said 12 people died in the quake on Tuesday.", "Rescuers searched the rubble all night."]
    assert summarize(texts, words=40, language=Counting()).sentences and Counting.calls == 1
