"""Stories as users see them: independent sources count provenance groups, not articles."""
from newsprism.cluster import StoryIndex, independent_sources, stories
from newsprism.model import GroupMember, ProvenanceGroup

from .helpers import corpus


def test_ids_in_no_group_count_as_their_own_source():
    groups = [ProvenanceGroup(origin="a", members=(GroupMember(id="a", relation="origin"),
                                                   GroupMember(id="b", relation="copy"),
                                                   GroupMember(id="c", relation="rewrite")))]
    assert independent_sources(["a", "b", "c"], groups) == 1
    assert independent_sources(["a", "b", "d"], groups) == 2
    assert independent_sources([], groups) == 0


def test_stories_titles_spans_events_in_time_order():
    articles, annotations = corpus(seed=5, topics=2, per_event=3)
    index = StoryIndex()
    for article, annotation in zip(articles, annotations):
        index.add(article, annotation)
    copies = [a.id for a in articles[:3]]  # one event's three reports: one wire story re-posted
    groups = [ProvenanceGroup(origin=copies[0], members=tuple(GroupMember(id=i, relation="copy") for i in copies))]
    built = stories(index, articles, groups)
    assert len(built) == 2
    for story in built:
        assert story.title == "A headline about it"
        assert [e.start for e in story.events] == sorted(e.start for e in story.events)
        assert story.start == story.events[0].start and story.end == story.events[-1].end
        assert len(story.outlets) == 3
    first = next(s for s in built if copies[0] in s.articles)
    assert first.independent_sources == len(first.articles) - 2
