"""Static HTML report: works offline, every value from article text escaped (Jinja autoescape)."""
from .data import ReportData, coverage_matrix
from .html import write_report

__all__ = ["ReportData", "coverage_matrix", "write_report"]
