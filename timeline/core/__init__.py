"""What several stages share, below all of them: the one error base (``errors``), the one data-file
loader (``datafile``), the list of problems a run reports (``problems``), the user's chronology
(``chronology``), the gazetteer of names (``gazetteer``), calendar arithmetic (``calendar_math``),
the confidence thresholds (``thresholds``), what "today" is (``today``), atomic file writes
(``atomic``) and the types the read phase hands the write phase (``results``)."""
