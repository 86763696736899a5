"""Claims stage: what each article states, and whether its headline agrees with its body."""
from .stance import HeadlineCheck, check_event_headlines, check_headline, headline_check

__all__ = ["HeadlineCheck", "check_event_headlines", "check_headline", "headline_check"]
