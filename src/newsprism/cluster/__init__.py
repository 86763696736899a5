"""Stories and events: articles cluster into stories, and inside each story into distinct
real-world events, incrementally.

    from newsprism.cluster import StoryIndex, stories
    index = StoryIndex()
    for article, annotation in zip(articles, annotations):
        index.add(article, annotation)            # -> Assignment(article_id, story_id, event_id, role, flags)
    for story in stories(index, articles, provenance_groups):
        print(story.title, story.start, story.end, story.independent_sources)
"""
from .dates import When, article_when, find_dates, resolve
from .features import Features, features
from .index import Assignment, StoryIndex
from .roles import PREVIEW, REPORT, role
from .titles import display_order, independent_sources, stories

CLUSTER_VERSION = "cluster-7"  # cluster-7: a learned same-story similarity in the scaffold (pair_adapter); cluster-6: small groups judged by how they stand out; cluster-5: headlines in the scaffold link; cluster-4: the learned link (link_model); cluster-3: years apart

__all__ = [
    "Assignment", "CLUSTER_VERSION", "Features", "PREVIEW", "REPORT", "StoryIndex", "When",
    "article_when", "display_order", "features", "find_dates", "independent_sources", "resolve", "role", "stories",
]
