"""Static HTML report: works offline, every value from article text escaped (Jinja autoescape)."""
from .data import ReportData, outlet_matrix
from .html import write_report

__all__ = ["ReportData", "outlet_matrix", "write_report"]
