"""An event's date span rests on the reports whose dates are firm (publication date, caption)."""
import datetime as dt

import numpy as np

from newsprism.cluster.dates import When
from newsprism.cluster.features import Features
from newsprism.cluster.titles import _span


def _member(day: str, source: str, role: str = "report") -> Features:
    date = dt.date.fromisoformat(day)
    return Features(id=f"{day}-{source}", vector=np.zeros(3, dtype=np.float32), keys={},
                    when=When(date=date, anchor=date, source=source), role=role)


def test_titles_span_prefers_firmly_dated_reports_over_text_anchors():
    # an undated retrospective anchored on the latest date in its text (1974) beside a dated report
    members = [_member("2017-05-16", "published"), _member("1974-08-05", "text")]
    assert _span(members) == ("2017-05-16", "2017-05-16")


def test_titles_span_falls_back_to_any_report_then_any_member():
    assert _span([_member("2016-01-02", "text"), _member("2016-01-05", "text")]) == ("2016-01-02", "2016-01-05")
    assert _span([_member("2016-01-09", "published", role="preview")]) == ("2016-01-09", "2016-01-09")
    assert _span([]) == (None, None)
