"""``entity_terms``: per referent, which words each outlet uses for it."""
from __future__ import annotations

from typing import TYPE_CHECKING

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

from ..model import Annotation, Article
from .group import GroupingOptions, act_keys, build_group, display_forms, entity_links
from .lexicon import Aliases, default_aliases
from .mentions import MENTIONS_VERSION, Candidate, find_candidates
from .records import OutletName, TermGroup

if TYPE_CHECKING:
    from ..nlp.language import Language


def outlet_of(article: Article) -> OutletName:
    """``Article.outlet``; else the host of its URL; else the article id (``source`` says which)."""
    if article.outlet and article.outlet.strip():
        return OutletName(name=article.outlet.strip(), source="outlet")
    for url in (article.canonical_url, article.url):
        host = urlsplit(url).hostname if url else None
        if host:
            return OutletName(name=host.removeprefix("www."), source="domain")
    return OutletName(name=f"article {article.id[:12]}", source="article")


def as_mapping(annotations) -> dict[str, Annotation]:
    """Accept ``{article_id: Annotation}`` or a sequence of Annotations."""
    if isinstance(annotations, Mapping):
        return dict(annotations)
    return {a.article_id: a for a in annotations or ()}


def collect_candidates(articles: Sequence[Article], annotations, *, language: Language, docs=None,
                       aliases: Aliases | None = None) -> list[Candidate]:
    """Every candidate mention in ``articles`` (parses them unless ``docs`` are given)."""
    aliases = aliases or default_aliases()
    annotations = as_mapping(annotations)
    if docs is None:
        docs = language.parse([a.text for a in articles])
    found = []
    for article, doc in zip(articles, docs):
        found.extend(article_candidates(article, annotations.get(article.id), doc, aliases))
    return found


def article_candidates(article: Article, annotation: Annotation | None, doc,
                       aliases: Aliases | None = None) -> list[Candidate]:
    """The candidate mentions of one article, from its parse ``doc`` (``analyze`` finds them from
    the language layer's parse and caches them: framing then parses nothing)."""
    return find_candidates(article, annotation, doc, outlet_of(article).name, aliases or default_aliases())


def mentions_version() -> str:
    """The version stamped on cached candidates: the code's and the alias lexicon's."""
    return f"{MENTIONS_VERSION}+{default_aliases().version}"


def entity_terms(articles: Sequence[Article], annotations: Mapping[str, Annotation], *,
                 language: Language, docs=None, options: GroupingOptions | None = None,
                 aliases: Aliases | None = None) -> list[TermGroup]:
    """Referents (states, people, organisations, acts of war) with each outlet's forms for them.

    ``annotations`` come from ``newsprism.nlp.annotate`` (entities); noun chunks come from a
    spaCy parse (``docs``, or ``language.parse`` of the texts). Groups whose forms vary across
    outlets come first.
    """
    aliases = aliases or default_aliases()
    candidates = collect_candidates(articles, annotations, language=language, docs=docs,
                                    aliases=aliases)
    return candidate_terms(candidates, language=language, options=options, aliases=aliases)


def candidate_terms(candidates: Sequence[Candidate], *, language: Language, options: GroupingOptions | None = None,
                    aliases: Aliases | None = None) -> list[TermGroup]:
    """``entity_terms`` from candidates already found (``collect_candidates``, or the cached
    ``article_candidates`` of each article, in article order)."""
    options = options or GroupingOptions()
    embed = language.embed if options.embedding else None
    groups = group_candidates(candidates, aliases or default_aliases(), options, embed)
    return sorted(groups, key=_interest)


def group_candidates(candidates: Sequence[Candidate], aliases: Aliases, options: GroupingOptions,
                     embed=None) -> list[TermGroup]:
    entities = [c for c in candidates if c.mention.kind == "entity"]
    acts = [c for c in candidates if c.mention.kind == "act"]
    return _entity_groups(entities, options, embed) + _act_groups(acts, aliases, options)


def _entity_groups(candidates, options, embed) -> list[TermGroup]:
    links = entity_links(candidates, options, embed)
    members = defaultdict(list)
    for c in candidates:
        members[links.find(c.key)].append(c)
    forms = display_forms(candidates)
    groups = []
    for root, group in members.items():
        referent = links.state[root] or _most_used(group, forms)
        label = Counter(c.mention.label for c in group if c.mention.label != "GOV").most_common(1)
        groups.append(build_group("entity", referent, label[0][0] if label else "GOV",
                                  [c.mention for c in group], forms, [c.key for c in group],
                                  links.rules.get(root, ())))
    return groups


def _act_groups(candidates, aliases: Aliases, options) -> list[TermGroup]:
    placed = act_keys(candidates, aliases.act_states, lexicon=options.lexicon)
    members, rules = defaultdict(list), defaultdict(set)
    for i, (key, rule) in placed.items():
        members[key].append(candidates[i])
        rules[key].add(rule)
    forms = display_forms(candidates)
    groups = []
    for key, group in members.items():
        referent = key if isinstance(key, str) else _most_used(group, forms)
        groups.append(build_group("act", referent, "ACT", [c.mention for c in group], forms,
                                  [c.key for c in group], rules[key] - {"string"} or {"string"}))
    return groups


def _most_used(group: Sequence[Candidate], forms: dict[str, str]) -> str:
    """The referent's name when no lexicon names it: its most used form, the longest on ties."""
    counts = Counter(forms[c.key] for c in group)
    return max(counts.items(), key=lambda kv: (kv[1], len(kv[0])))[0]


def _interest(group: TermGroup):
    return (not group.varies, -len(group.outlets), -len(group.forms), -len(group.mentions), group.referent)

