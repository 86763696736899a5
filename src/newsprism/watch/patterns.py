"""Patterns and fixed strings of the feed watcher."""
from __future__ import annotations

import re

# "15m", "90s", "1h30m", "2d", or a bare number of seconds.
DURATION = re.compile(r"^\s*(?:(\d+(?:\.\d+)?)\s*d)?\s*(?:(\d+(?:\.\d+)?)\s*h)?\s*(?:(\d+(?:\.\d+)?)\s*m)?"
                      r"\s*(?:(\d+(?:\.\d+)?)\s*s?)?\s*$", re.I)
DURATION_UNITS = (86400.0, 3600.0, 60.0, 1.0)

# An OPML document announces itself by its root element near the start.
OPML_ROOT = re.compile(rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<opml[\s>]", re.I | re.S)

# robots.txt's product token and the User-Agent (the version is filled in by ``polite``).
ROBOTS_TOKEN = "newsprism"
USER_AGENT = "newsprism/{version} (+https://github.com/newsprism/newsprism; feed watcher)"
