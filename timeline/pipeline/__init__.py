"""The pipeline: the stages run in order over a whole content folder.

- ``read_phase``: :func:`~timeline.pipeline.read_phase.collect` reads, dates and merges every
  article into a :class:`~timeline.core.results.Timeline`; ``date_from_corpus`` is its second pass
  (the dated articles of the pile date the undated ones);
- ``extraction``: one article through content, temporal, anchoring and events;
- ``executors``: many articles, serial, in a process pool or on Dask;
- ``cache``: results kept between builds, keyed by content hash;
- ``store``: full results parked on disk while one build runs;
- ``build``: ``timeline build``, the settings, the read phase and the write phase (render, then
  :mod:`timeline.output.writer`); the only module here that renders or writes pages.
"""
