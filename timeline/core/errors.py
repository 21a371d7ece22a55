"""The one base of every error a user can fix, so the command line catches one class.

Every data-file loader, the settings, the output folder and the inputs of the evaluations raise a
subclass whose message names the file (and line, where there is one) and what was expected. The
command line prints it and exits with 1; any other exception really is a bug, and says so.
"""

from __future__ import annotations


class TimelineError(Exception):
    """A problem in the input or the setup that the user can fix; ``hint`` says how, when the
    message alone does not."""

    hint: str = ""
