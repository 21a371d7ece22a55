"""The chronology that dates are anchored to: named anchors, key events and phases.

Loaded from ``content/chronology.yml`` (user-editable). Every problem is reported as
``ChronologyError("file:line: what is wrong (hint)")`` so the build can show it without a
traceback. Without a file, a minimal built-in chronology holds only the invasion anchor.

The window's end is optional: a file without ``end`` (or with ``end: null``), and the built-in
chronology, have an open window that ends *today*. ``load_chronology(path, today=...)`` or
:meth:`Chronology.until` closes it at a given today, so every consumer sees a concrete
``(start, end)``. Loaded without a today (library use), an open window ends provisionally on
:data:`PROVISIONAL_END` or at the end of the latest year the chronology names, whichever is later.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from timeline.temporal.values import DateValue, Granularity

from .errors import TimelineError

INVASION = dt.date(2022, 2, 24)
DEFAULT_ANCHOR = "default"
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_NULL = ("", "null", "Null", "NULL", "~")
WINDOW_START = dt.date(2014, 1, 1)
PROVISIONAL_END = dt.date(2025, 12, 31)
"""Where an open window ends when no today is given (at least; see the module)."""


class ChronologyError(TimelineError, ValueError):
    """A problem in the chronology file; ``str()`` is "file:line: what is wrong (hint)"."""


@dataclass(frozen=True)
class KeyEvent:
    id: str
    date: DateValue  # DAY or MONTH precision
    title: str
    aliases: tuple[str, ...] = ()
    phase: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class Phase:
    id: str
    title: str
    start: dt.date
    end: dt.date | None  # None: still going on

    def contains(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass
class Chronology:
    anchors: dict[str, dt.date]  # lowercase alias -> date; "default" is the main anchor
    events: list[KeyEvent] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    window: tuple[dt.date, dt.date] = (WINDOW_START, PROVISIONAL_END)
    anchor_ids: dict[str, str] = field(default_factory=dict)  # alias -> anchor id
    source: str = "<built-in>"
    open_end: bool = False  # the window's end is "today": see until()
    # anchor id -> words an article must name (the conflict's places, parties) for the anchor to
    # apply; an anchor without them applies to every article (see timeline.anchoring.about)
    anchor_about: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def until(self, today: dt.date) -> Chronology:
        """This chronology with an open window ending on ``today``; a closed window is kept as is."""
        if not self.open_end:
            return self
        if today <= self.window[0]:
            raise ChronologyError(
                f"{self.source}: today ({today.isoformat()}) is not after the chronology window's "
                f"start ({self.window[0].isoformat()}) (check --today, extra.timeline.today or "
                "SOURCE_DATE_EPOCH)"
            )
        return replace(self, window=(self.window[0], today))

    def phase_of(self, day: dt.date) -> Phase | None:
        return next((p for p in self.phases if p.contains(day)), None)

    def event(self, event_id: str) -> KeyEvent | None:
        return next((e for e in self.events if e.id == event_id), None)


# the names that tell an article about the Russian war against Ukraine from one about another war
INVASION_ABOUT = (
    "ukraine",
    "ukrainian",
    "ukrainians",
    "kyiv",
    "kiev",
    "zelensky",
    "zelenskyy",
    "donbas",
    "donbass",
)


def builtin_chronology() -> Chronology:
    """Only the full-scale invasion, for when no chronology file exists."""
    aliases = ("the war", "the invasion", "the full-scale invasion", "the russian invasion", "the conflict")
    anchors = {DEFAULT_ANCHOR: INVASION, "invasion": INVASION, **dict.fromkeys(aliases, INVASION)}
    return Chronology(
        anchors=anchors,
        events=[
            KeyEvent(
                "invasion", DateValue.day(INVASION), "Russia launches its full-scale invasion of Ukraine"
            )
        ],
        phases=[Phase("war", "The full-scale war", INVASION, None)],
        window=(WINDOW_START, PROVISIONAL_END),
        anchor_ids={a: "invasion" for a in anchors},
        open_end=True,
        anchor_about={"invasion": INVASION_ABOUT},
    )


def load_chronology(path: Path | None, *, today: dt.date | None = None) -> Chronology:
    """Load and validate a chronology file; None or a missing file gives the built-in one. With
    ``today``, an open window ends on it (see the module)."""
    chronology = _load(path)
    return chronology.until(today) if today is not None else chronology


def _load(path: Path | None) -> Chronology:
    if path is None or not Path(path).is_file():
        return builtin_chronology()
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ChronologyError(f"{name}:1: cannot read the file ({exc}; save it as UTF-8)") from exc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise ChronologyError(
            f"{name}:{line}: invalid YAML: {problem} (check indentation and quoting)"
        ) from exc
    if node is None:
        raise ChronologyError(f"{name}:1: the file is empty (expected keys window, anchors, events, phases)")
    return _Parser(name).chronology(node)


# ---- parsing with line numbers ---------------------------------------------------------------


class _Parser:
    def __init__(self, name: str) -> None:
        self.name = name
        self.about: dict[str, tuple[str, ...]] = {}

    def fail(self, node: yaml.Node, what: str, hint: str) -> ChronologyError:
        return ChronologyError(f"{self.name}:{node.start_mark.line + 1}: {what} ({hint})")

    def mapping(self, node: yaml.Node, what: str, allowed: set[str]) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping", "write `key: value` lines")
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key not in allowed:
                raise self.fail(
                    key_node, f"unknown key {key!r} in {what}", f"expected one of {sorted(allowed)}"
                )
            if key in out:
                raise self.fail(key_node, f"duplicate key {key!r} in {what}", "keep only one")
            out[key] = value_node
        return out

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, f"{what} must be a list", "start each item with `- `")
        return list(node.value)

    def text(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            raise self.fail(node, f"{what} must be non-empty text", "write it on the same line")
        return str(node.value).strip()

    def ident(self, node: yaml.Node, what: str) -> str:
        value = self.text(node, what)
        if not _ID.match(value):
            raise self.fail(
                node, f"{what} {value!r} is not a valid id", "use lowercase letters, digits and -"
            )
        return value

    def date(self, node: yaml.Node, what: str, *, month_ok: bool = False) -> DateValue:
        hint = "write YYYY-MM-DD" + (", or YYYY-MM when the day is uncertain" if month_ok else "")
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, f"{what} must be a date", hint)
        raw = str(node.value).strip()
        try:
            if m := _DAY.match(raw):
                return DateValue.day(dt.date(int(m[1]), int(m[2]), int(m[3])))
            if month_ok and (m := _MONTH.match(raw)):
                return DateValue.month(int(m[1]), int(m[2]))
        except ValueError as exc:
            raise self.fail(node, f"{what} {raw!r} is not a real date: {exc}", hint) from exc
        raise self.fail(node, f"{what} {raw!r} is not a date", hint)

    def day(self, node: yaml.Node, what: str) -> dt.date:
        return self.date(node, what).earliest

    def aliases(self, node: yaml.Node | None, what: str) -> tuple[str, ...]:
        if node is None:
            return ()
        return tuple(self.text(n, f"alias of {what}") for n in self.sequence(node, f"aliases of {what}"))

    def chronology(self, root: yaml.Node) -> Chronology:
        top = self.mapping(root, "the chronology file", {"window", "anchors", "events", "phases"})
        for key in ("anchors", "events", "phases"):
            if key not in top:
                raise self.fail(
                    root, f"missing key {key!r}", "see the comments at the top of content/chronology.yml"
                )
        start, end = self.window(top.get("window"))
        bounds = (start, end or dt.date.max)  # an open window holds every later date
        anchors, anchor_ids = self.anchors(top["anchors"], bounds)
        phases = self.phases(top["phases"])
        events = self.events(top["events"], bounds, phases)
        if end is not None:
            return Chronology(
                anchors, events, phases, (start, end), anchor_ids, source=self.name, anchor_about=self.about
            )
        named = [*anchors.values(), *(e.date.latest for e in events)]
        named += [d for p in phases for d in (p.start, p.end) if d is not None]
        provisional = max(PROVISIONAL_END, dt.date(max(named, default=start).year, 12, 31))
        return Chronology(
            anchors,
            events,
            phases,
            (start, provisional),
            anchor_ids,
            source=self.name,
            open_end=True,
            anchor_about=self.about,
        )

    def window(self, node: yaml.Node | None) -> tuple[dt.date, dt.date | None]:
        """(start, end); end None: open, it is today."""
        if node is None:
            return WINDOW_START, None
        fields = self.mapping(node, "window", {"start", "end"})
        if "start" not in fields:
            raise self.fail(
                node, "window needs a start", "for example start: 2014-01-01 (end is optional: today)"
            )
        start = self.day(fields["start"], "window start")
        end_node = fields.get("end")
        if end_node is None or (
            isinstance(end_node, yaml.ScalarNode) and end_node.value in ("", "null", "~")
        ):
            return start, None
        end = self.day(end_node, "window end")
        if end <= start:
            raise self.fail(end_node, "window end is not after its start", "swap the dates")
        return start, end

    def anchors(
        self, node: yaml.Node, window: tuple[dt.date, dt.date]
    ) -> tuple[dict[str, dt.date], dict[str, str]]:
        anchors: dict[str, dt.date] = {}
        ids: dict[str, str] = {}
        default: str | None = None
        for item in self.sequence(node, "anchors"):
            f = self.mapping(item, "an anchor", {"id", "date", "aliases", "default", "about"})
            if "id" not in f or "date" not in f:
                raise self.fail(item, "an anchor needs id and date", "add `id:` and `date: YYYY-MM-DD`")
            anchor_id = self.ident(f["id"], "anchor id")
            day = self.day(f["date"], f"date of anchor {anchor_id!r}")
            if not window[0] <= day <= window[1]:
                raise self.fail(
                    f["date"], f"anchor {anchor_id!r} lies outside the window", "widen the window"
                )
            names = [anchor_id, *(a.lower() for a in self.aliases(f.get("aliases"), f"anchor {anchor_id!r}"))]
            about = tuple(w.lower() for w in self.aliases(f.get("about"), f"anchor {anchor_id!r} (about)"))
            if about:
                self.about[anchor_id] = about
            for alias in names:
                if alias in anchors and ids[alias] != anchor_id:
                    raise self.fail(
                        item,
                        f"alias {alias!r} is used by anchors {ids[alias]!r} and {anchor_id!r}",
                        "an alias must name one anchor",
                    )
                anchors[alias], ids[alias] = day, anchor_id
            flag = f.get("default")
            if flag is not None and flag.value.lower() in ("true", "yes"):
                if default is not None:
                    raise self.fail(flag, "more than one anchor has default: true", "keep it on one anchor")
                default = anchor_id
                anchors[DEFAULT_ANCHOR], ids[DEFAULT_ANCHOR] = day, anchor_id
        if default is None:
            raise self.fail(node, "no anchor has default: true", "mark the main anchor, e.g. the invasion")
        return anchors, ids

    def phases(self, node: yaml.Node) -> list[Phase]:
        phases: list[Phase] = []
        for item in self.sequence(node, "phases"):
            f = self.mapping(item, "a phase", {"id", "title", "start", "end"})
            for key in ("id", "title", "start"):
                if key not in f:
                    raise self.fail(item, f"a phase needs {key!r}", "phases have id, title, start and end")
            phase_id = self.ident(f["id"], "phase id")
            start = self.day(f["start"], f"start of phase {phase_id!r}")
            end_node = f.get("end")
            end = None
            if end_node is not None and end_node.value not in ("", "null", "~"):
                end = self.day(end_node, f"end of phase {phase_id!r}")
                if end < start:
                    raise self.fail(end_node, f"phase {phase_id!r} ends before it starts", "check the dates")
            if any(p.id == phase_id for p in phases):
                raise self.fail(f["id"], f"duplicate phase id {phase_id!r}", "ids must be unique")
            if phases:
                prev = phases[-1]
                if prev.end is None or start <= prev.end:
                    raise self.fail(
                        f["start"],
                        f"phase {phase_id!r} overlaps phase {prev.id!r}",
                        "phases are listed in order and must not overlap",
                    )
            phases.append(Phase(phase_id, self.text(f["title"], "phase title"), start, end))
        return phases

    def events(self, node: yaml.Node, window: tuple[dt.date, dt.date], phases: list[Phase]) -> list[KeyEvent]:
        events: list[KeyEvent] = []
        seen: set[str] = set()
        for item in self.sequence(node, "events"):
            f = self.mapping(item, "an event", {"id", "date", "title", "aliases", "description", "phase"})
            for key in ("id", "date", "title"):
                if key not in f:
                    raise self.fail(item, f"an event needs {key!r}", "events have id, date and title")
            event_id = self.ident(f["id"], "event id")
            if event_id in seen:
                raise self.fail(f["id"], f"duplicate event id {event_id!r}", "ids must be unique")
            seen.add(event_id)
            value = self.date(f["date"], f"date of event {event_id!r}", month_ok=True)
            if not window[0] <= value.earliest <= window[1]:
                raise self.fail(f["date"], f"event {event_id!r} lies outside the window", "widen the window")
            phase_id: str | None
            if "phase" in f:
                phase_id = self.ident(f["phase"], "phase")
                if not any(p.id == phase_id for p in phases):
                    raise self.fail(
                        f["phase"], f"unknown phase {phase_id!r}", "use an id from the phases list"
                    )
            else:
                phase = next((p for p in phases if p.contains(value.earliest)), None)
                phase_id = phase.id if phase else None
            description = self.text(f["description"], "description") if "description" in f else None
            events.append(
                KeyEvent(
                    event_id,
                    value,
                    self.text(f["title"], "event title"),
                    self.aliases(f.get("aliases"), f"event {event_id!r}"),
                    phase_id,
                    description,
                )
            )
        events.sort(key=lambda e: (e.date.earliest, e.date.granularity != Granularity.DAY, e.id))
        return events
