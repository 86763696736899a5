"""Lines repeated across articles of one site: furniture goes, the articles' shared prose stays."""
from __future__ import annotations

from newsprism.clean.text import clean_text

PARA = ("The minister said on Tuesday that the government would review the decision after "
        "consulting with the regional authorities and the opposition parties in parliament.")
PARA2 = ("Officials told reporters that the talks had been constructive, although several issues "
         "remained unresolved and a further meeting was expected to take place next month.")
SHARED = "Police said the two men were arrested at the scene and charged with assault."


def test_prose_shared_by_two_reports_of_one_site_is_kept():
    cleaned = clean_text("\n".join([PARA, SHARED, PARA2]), repeated=frozenset({SHARED}))
    assert [b.text for b in cleaned.blocks] == [PARA, SHARED, PARA2]


def test_short_repeated_furniture_is_still_removed():
    menu = "World | Business | Sport"
    cleaned = clean_text("\n".join([menu, PARA, "Daily Planet Weekly", PARA2]),
                         repeated=frozenset({menu, "Daily Planet Weekly"}))
    assert [b.text for b in cleaned.blocks] == [PARA, PARA2]
    assert ("Daily Planet Weekly", "repeated") in {(r.text, r.reason) for r in cleaned.removed}
