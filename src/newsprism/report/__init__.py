"""Static HTML report: works offline, every value from article text escaped (Jinja autoescape)."""
from .html import write_report

__all__ = ["write_report"]
