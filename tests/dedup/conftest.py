"""Seed articles and variants built from their text (copies, hand-written rewrites), annotated once."""
from __future__ import annotations

from dataclasses import replace

import pytest

# A hand-spun rewrite of the AFP report (seed 000): reworded sentence by sentence, one dropped,
# two swapped, the quote's framing changed — what a content farm does to a wire story.
REWRITE_OF_AFP = """\
China has once more pledged not to supply weapons to Russia for the war in Ukraine, Secretary of State \
Antony Blinken told journalists in Beijing on Monday, though he raised worries about what private \
Chinese companies are doing.

Following two days of meetings, Blinken said: "We and other nations have been assured by China that it \
is not providing and will not provide lethal help to Russia for use in Ukraine."

"We haven't seen evidence that contradicts this. Our continuing concern, though, is Chinese companies \
that could be supplying technology Russia can use to push its aggression in Ukraine," Blinken added.

According to Blinken, China gave those assurances about Russia over "recent weeks", not only during \
his trip.

Washington has publicly alleged that Beijing is weighing military support for Moscow, a major military \
power that has had to lean on Iran and North Korea after meeting stiff resistance following its \
invasion of Ukraine in February 2022.
"""

# Four paragraphs of the Reuters report (seed 002), reworded by hand; credited to Reuters too.
REWRITE_OF_REUTERS = """\
On Friday in Beijing, U.S. Secretary of State Antony Blinken voiced concern over Chinese backing for \
the Russian military, one of several issues that threaten the recent thaw between the two largest \
economies in the world.

Blinken brought the matter up in five and a half hours of talks with Wang Yi, China's top diplomat, \
the most recent high-level contact between the two countries, which have moved past last year's \
bitterness.

Speaking at a news conference as his visit ended on Friday, Blinken said he had repeated "our serious \
concern about the PRC providing components that are powering Russia's brutal war of aggression \
against Ukraine."

Russia's defence minister Sergei Shoigu met his Chinese counterpart Dong Jun on Friday, underlining \
how close Beijing and Moscow are, and said both countries were working to strengthen a "strategic \
partnership in the defence sector".

Blinken gave no answer when asked whether Washington would sanction China over its support for Russia.
"""

BOILER_HEAD = "Home | World | Asia\nShare this article\nAdvertisement\n\n"
BOILER_FOOT = "\n\n© 2023 Some Daily Courier. All rights reserved.\nSubscribe to our newsletter\nRelated: more on China"


def _variant(article, suffix: str, **changes):
    return replace(article, id=f"{article.id[:12]}-{suffix}", source=f"{article.source}#{suffix}", **changes)


def _first_paragraphs(text: str, share: float) -> str:
    paras = text.split("\n\n")
    return "\n\n".join(paras[:max(1, round(len(paras) * share))])


def _find(articles, phrase):
    [match] = [a for a in articles if phrase in a.text]
    return match


@pytest.fixture(scope="session")
def variants(seed_articles):
    """Constructed relatives of the seeds, by name."""
    afp = _find(seed_articles, "renewed promises not to send arms")
    reuters = _find(seed_articles, "five-and-a-half hours of talks")
    return {
        "afp": afp,
        "reuters": reuters,
        # A re-post a day later, other site furniture around it, a new headline.
        "copy_boilerplate": _variant(afp, "copy-boiler", text=BOILER_HEAD + afp.text + BOILER_FOOT,
                                     headline="China vows no arms for Russia, says Blinken",
                                     published="2023-06-20", wire=None, outlet="Some Daily Courier"),
        # The first 60% of the paragraphs, a day earlier than the full text (so it is the source).
        "copy_truncated": _variant(reuters, "copy-trunc", text=_first_paragraphs(reuters.text, 0.6),
                                   published="2024-04-25", wire=None, outlet="Aggregator"),
        "rewrite": _variant(afp, "rewrite", text=REWRITE_OF_AFP, headline="Blinken: Beijing pledges no weapons",
                            published="2023-06-20", wire=None, outlet="Content Farm"),
        "same_wire": _variant(reuters, "same-wire", text=REWRITE_OF_REUTERS, headline="Blinken raises Russia",
                              published="2024-04-26", wire="Reuters", outlet="Another Paper"),
    }


@pytest.fixture(scope="session")
def variant_annotations(variants, language):
    from newsprism.nlp import annotate

    names = list(variants)
    return dict(zip(names, annotate([variants[n] for n in names], language)))
