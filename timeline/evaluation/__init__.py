"""Evaluate the temporal tagger on TimeML gold data, TempEval-3 style."""

from .score import format_report, is_timex2, run_eval
from .timeml import Document, GoldTimex, TimeMLError, read, write

__all__ = ["Document", "GoldTimex", "TimeMLError", "format_report", "is_timex2", "read", "run_eval", "write"]
