"""The timeline stage: dates resolved with their evidence, and stories laid out in time.

    from newsprism.timeline import build_timeline, timeline_json
    for story in build_timeline(corpus.stories(), {a.id: a for a in corpus.articles()}):
        for event in story.events:
            print(event.start, event.end, event.title)
            for article in event.articles:      # previews first, then reports, in time order
                print(" ", article.role, article.placed, article.written_source, article.inferred)
"""
from .anchors import Anchor, article_anchor, text_anchor
from .build import build_timeline, event_timeline, story_timeline, timeline_json, timeline_text
from .records import DateEvidence, TimelineArticle, TimelineEvent, TimelineStory
from .resolve import DateMention, find_dates, resolve

TIMELINE_VERSION = "timeline-1"

__all__ = [
    "Anchor", "DateEvidence", "DateMention", "TIMELINE_VERSION", "TimelineArticle", "TimelineEvent",
    "TimelineStory", "article_anchor", "build_timeline", "event_timeline", "find_dates", "resolve",
    "story_timeline", "text_anchor", "timeline_json", "timeline_text",
]
