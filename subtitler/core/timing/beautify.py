"""Beautify time codes: frame-accurate cue times that respect shot changes (Netflix / SDI presets,
as in Subtitle Edit's "Beautify time codes"), each change with its reason.

Rules (``docs/subtitle-rules.md``, "Shot changes and frames"), in frames of the video's own rate
(counts are given at 24 fps and scaled, see :meth:`FrameGrid.frames`: 12 frames = 0.5 s):

* every time goes to a frame start (``aligned to frame``);
* an in-cue within ``zone`` (12) frames after a cut moves onto the cut; one 1..``red_zone`` (7)
  frames before a cut moves onto it as well; one ``red_zone``+1..``zone``-1 (8-11) frames before a
  cut starts ``zone`` frames before it;
* an out-cue within ``zone`` frames of a cut ends ``out_gap`` (2) frames before it; when that would
  make the cue too short to read, it ends ``zone`` frames after the cut instead;
* gaps under ``chain`` (12) frames close to ``gap`` (2) frames by extending the earlier cue, but
  never across a cut (it then ends ``out_gap`` frames before the cut);
* the reading profile (core/timing/rules.py) still holds: a cue that met the minimum duration and reading
  speed keeps meeting them, none grows past the maximum duration, no two cues come closer than
  ``gap`` frames nor closer than the profile's minimum gap (83 ms is 2 frames at 24 fps but 3 at
  25 fps; out-cues then end 3 frames before a cut), nothing overlaps.

Cues keep their order and count; the result lists every change (cue, field, old, new, reason) and
applies to a :class:`Document` as ONE edit (one undo step).
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

from ..document.model import Document

from ..document.cues import Cue, Edit, Replace, Step
from ..foundation.errors import Reason, UsageError
from ..foundation.timecode import format_ms
from ..media.frames import FrameGrid
from .rules import Profile, cps


@dataclass(frozen=True)
class BeautifyPreset:
    """Frame counts at 24 fps (scaled to the video's rate)."""

    name: str = "custom"
    label: str = "Custom"
    zone: int = 12  # green zone: edges this close to a cut are moved
    red_zone: int = 7  # in-cues this close before a cut move onto it (not away from it)
    gap: int = 2  # minimum frames between two cues; short gaps are chained to it
    in_gap: int = 0  # an in-cue on a cut starts this many frames after it
    out_gap: int = 2  # an out-cue near a cut ends this many frames before it
    chain: int = 12  # gaps shorter than this close to ``gap``

    def __post_init__(self) -> None:
        for f in fields(self):
            v = getattr(self, f.name)
            if f.type in ("int", int) and (not isinstance(v, int) or v < 0 or v > 250):
                raise UsageError(Reason("beautify.bad_setting", name=f.name, value=repr(v)))
        if self.red_zone > self.zone:
            raise UsageError(Reason("beautify.red_zone"))
        if self.gap < 1:
            raise UsageError(Reason("beautify.gap"))


PRESETS: dict[str, BeautifyPreset] = {p.name: p for p in [
    BeautifyPreset("netflix", "Netflix", zone=12, red_zone=7, gap=2, in_gap=0, out_gap=2, chain=12),
    BeautifyPreset("sdi", "SDI", zone=12, red_zone=7, gap=4, in_gap=2, out_gap=2, chain=24),
]}


def get_preset(spec: Optional[str | BeautifyPreset] = None) -> BeautifyPreset:
    """A preset by name (``netflix``, ``sdi``), or a custom one from a JSON file: ``{"base":
    "netflix", "zone": 10, ...}`` (fields of :class:`BeautifyPreset`, in frames at 24 fps)."""
    if isinstance(spec, BeautifyPreset):
        return spec
    if not spec:
        return PRESETS["netflix"]
    if spec.lower() in PRESETS:
        return PRESETS[spec.lower()]
    path = Path(spec)
    if not path.suffix.lower() == ".json":
        raise UsageError(Reason("beautify.unknown_preset", spec=spec, choices=", ".join(PRESETS)))
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(Reason("beautify.preset_unreadable", name=path.name, detail=str(exc))) from None
    if not isinstance(data, dict):
        raise UsageError(Reason("beautify.preset_not_object", name=path.name))
    base = PRESETS.get(str(data.pop("base", "netflix")).lower())
    if base is None:
        raise UsageError(Reason("beautify.preset_base", name=path.name, choices=", ".join(PRESETS)))
    known = {f.name for f in fields(BeautifyPreset)} - {"name", "label"}
    unknown = set(data) - known
    if unknown:
        raise UsageError(Reason("beautify.preset_unknown", name=path.name, names=", ".join(sorted(unknown))))
    return replace(base, name="custom", label=Reason("beautify.custom", name=path.stem), **data)


@dataclass(frozen=True)
class TimingChange:
    index: int  # position of the cue in the list given
    field: str  # "start" | "end"
    old: int  # ms
    new: int  # ms
    reason: str


@dataclass
class BeautifyResult:
    cues: list[Cue]
    changes: list[TimingChange]
    preset: BeautifyPreset
    grid: FrameGrid
    shot_changes: int
    original: list[Cue] = field(default_factory=list, repr=False)

    def reasons(self) -> Counter[str]:
        return Counter(c.reason for c in self.changes)

    def summary(self) -> str:
        """One line, e.g. ``Beautify (Netflix, 25 fps, 14 shot changes): 31 times in 18 cues —
        9 snapped to shot change, 16 aligned to frame``."""
        head = f"Beautify ({self.preset.label}, {self.grid.describe()}, {self.shot_changes} shot changes)"
        if not self.changes:
            return f"{head}: no changes"
        cues = len({c.index for c in self.changes})
        parts = ", ".join(f"{n} {r}" for r, n in self.reasons().most_common())
        return f"{head}: {len(self.changes)} times in {cues} cues changed — {parts}"

    def report_text(self) -> str:
        lines = [self.summary()]
        lines += [f"#{c.index + 1}\t{c.field}\t{format_ms(c.old, '.')}\t→ {format_ms(c.new, '.')}"
                  f"\t({c.new - c.old:+d} ms)\t{c.reason}"
                  for c in self.changes]
        return "\n".join(lines) + "\n"

    def to_json(self) -> dict[str, Any]:
        return {"summary": self.summary(), "preset": asdict(self.preset), "frame_rate": self.grid.describe(),
                "shot_changes": self.shot_changes, "changes": [asdict(c) for c in self.changes]}

    def only(self, indices: Iterable[int]) -> "BeautifyResult":
        """This pass limited to the cues at ``indices`` (an editor selection): the others keep their
        times, and a selected cue whose new times would crowd an unselected neighbour (closer than
        before and than the gap) keeps its old times too."""
        keep = set(indices)
        cues = [new if i in keep else old for i, (old, new) in enumerate(zip(self.original, self.cues))]
        g = self.grid
        gap = _Frames.of(self.preset, g, None).gap

        def frames_between(x: Cue, y: Cue) -> int:
            return g.nearest(y.start) - g.nearest(x.end)

        changed = True
        while changed:
            changed = False
            order = sorted(range(len(cues)), key=lambda i: (cues[i].start, cues[i].end, i))
            for a, b in zip(order, order[1:]):
                new_gap = frames_between(cues[a], cues[b])
                old_gap = frames_between(self.original[a], self.original[b])
                if new_gap < min(old_gap, gap) or cues[b].start < cues[a].end:
                    for i in (a, b):
                        if cues[i] != self.original[i]:
                            cues[i] = self.original[i]
                            changed = True
        kept = {i for i in keep if cues[i] != self.original[i]}
        return BeautifyResult(cues, [c for c in self.changes if c.index in kept], self.preset, self.grid,
                              self.shot_changes, self.original)

    def edit(self, label: str = Reason("undo.beautify")) -> Edit:
        """The whole pass as one undoable edit (one Replace per changed cue)."""
        steps: list[Step] = [Replace(i, (old,), (new,)) for i, (old, new) in enumerate(zip(self.original, self.cues))
                 if old != new]
        return Edit(label, steps)

    def apply_to(self, document: Document, label: str = Reason("undo.beautify")) -> Edit:
        """Apply to ``document`` (which must still hold the cues this pass was computed from) as
        one undo step."""
        if list(document.cues) != list(self.original):
            raise UsageError(Reason("beautify.stale"))
        edit = self.edit(label)
        document.apply(edit)
        return edit


def _frames(code: str, n: int) -> Reason:
    """A reason that counts frames: ``ends 1 frame …`` / ``ends 2 frames …``."""
    return Reason(f"{code}_one") if n == 1 else Reason(code, n=n)


# -- the pass ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Frames:
    """The preset and profile in frames of this grid."""

    zone: int
    red: int
    gap: int
    in_gap: int
    out_gap: int
    chain: int

    @classmethod
    def of(cls, preset: BeautifyPreset, grid: FrameGrid, profile: Optional[Profile]) -> "_Frames":
        gap = grid.frames(preset.gap)
        if profile is not None and profile.min_gap_ms:
            # the profile's gap in whole frames (83 ms: 2 at 24 fps, 3 at 25)
            gap = max(gap, math.ceil(profile.min_gap_ms / grid.frame_ms - 1e-6))
        in_gap = grid.frames(preset.in_gap)
        out_gap = max(grid.frames(preset.out_gap), gap - in_gap)  # the two sides of a cut keep the gap
        return cls(grid.frames(preset.zone), grid.frames(preset.red_zone), gap, in_gap, out_gap,
                   grid.frames(preset.chain))


class _Cuts:
    def __init__(self, frames: Sequence[int], f: _Frames) -> None:
        self.c = sorted(set(frames))
        self.f = f

    def prev(self, k: int) -> Optional[int]:
        i = bisect_right(self.c, k)
        return self.c[i - 1] if i else None

    def next_after(self, k: int) -> Optional[int]:
        i = bisect_right(self.c, k)
        return self.c[i] if i < len(self.c) else None

    def between(self, a: int, b: int) -> Optional[int]:
        """First cut c with a < c <= b."""
        i = bisect_right(self.c, a)
        return self.c[i] if i < len(self.c) and self.c[i] <= b else None

    def near(self, k: int) -> Optional[int]:
        """Nearest cut strictly within the zone (a tie goes to the earlier)."""
        i = bisect_left(self.c, k)
        best = None
        for c in self.c[max(0, i - 1):i + 1]:
            if abs(k - c) < self.f.zone and (best is None or abs(k - c) < abs(k - best)):
                best = c
        return best

    # the rules: a target frame and a reason, or None when the edge already complies
    def in_candidates(self, s: int) -> list[tuple[int, int, int, str]]:
        f, out = self.f, []
        p, n = self.prev(s), self.next_after(s)
        if p is not None and 0 <= s - p < f.zone and s - p != f.in_gap:
            out.append((0 if s - p <= f.red else 1, s - p, p + f.in_gap, Reason("beautify.snapped")))
        if n is not None and 0 < n - s < f.zone:
            if n - s <= f.red:
                out.append((0, n - s, n + f.in_gap, Reason("beautify.snapped")))
            else:
                out.append((1, n - s, n - f.zone, _frames("beautify.starts_before", f.zone)))
        return sorted(out)

    def in_target(self, s: int) -> Optional[tuple[int, str]]:
        for _, _, target, reason in self.in_candidates(s):
            if target >= 0 and not self.in_candidates(target):
                return target, reason
        return None

    def out_violation(self, e: int) -> Optional[int]:
        c = self.near(e)
        return c if c is not None and e != c - self.f.out_gap else None

    def out_target(self, e: int) -> Optional[tuple[int, str]]:
        c = self.out_violation(e)
        if c is None:
            return None
        target = c - self.f.out_gap
        if target > 0 and self.out_violation(target) is None:
            return target, _frames("beautify.ends_before", self.f.out_gap)
        return None


class _Pass:
    def __init__(self, cues: Sequence[Cue], grid: FrameGrid, cuts: _Cuts, f: _Frames,
                 profile: Optional[Profile]) -> None:
        self.cues, self.grid, self.cuts, self.f = list(cues), grid, cuts, f
        n = len(self.cues)
        self.floor_ms, self.ceil_ms = [0] * n, [0] * n
        for i, c in enumerate(self.cues):
            dur = max(1, c.end - c.start)
            need = 1
            if profile is not None and c.text.strip():
                chars = cps(Cue(0, 1000, c.text))  # the profile's own count (Chinese: Netflix width)
                need = max(profile.min_duration_ms, math.ceil(chars * 1000 / profile.max_cps))
                need = min(need, profile.max_duration_ms)
            self.floor_ms[i] = max(1, min(need, dur))
            self.ceil_ms[i] = max(profile.max_duration_ms if profile else dur, dur)
        self.s = [0] * n
        self.e = [0] * n
        self.why: dict[tuple[int, str], str] = {}

    # duration limits of cue i when it starts at frame s
    def min_end(self, i: int, s: int) -> int:
        t = self.grid.ms(s) + self.floor_ms[i]
        k = self.grid.index_at(t)
        k = k if self.grid.ms(k) >= t else k + 1
        return max(s + 1, min(k, self.max_end(i, s)))

    def max_end(self, i: int, s: int) -> int:
        return max(s + 1, self.grid.index_at(self.grid.ms(s) + self.ceil_ms[i]))

    def set(self, i: int, fld: str, value: int, reason: str) -> None:
        arr = self.s if fld == "start" else self.e
        if arr[i] != value:
            arr[i] = value
            self.why[(i, fld)] = reason

    def run(self, max_rounds: int = 6) -> None:
        """Every time to a frame start, then the rules, round after round until nothing moves (a
        cue pushed by its neighbour may land in a cut's zone; the next round places it)."""
        g = self.grid
        for i, c in enumerate(self.cues):
            self.s[i] = max(0, g.nearest(c.start))
            self.e[i] = min(max(g.nearest(c.end), self.min_end(i, self.s[i])), self.max_end(i, self.s[i]))
            for fld, old, new in (("start", c.start, self.s[i]), ("end", c.end, self.e[i])):
                if g.ms(new) != old:
                    self.why[(i, fld)] = Reason("beautify.aligned")
        for _ in range(max_rounds):
            before = (list(self.s), list(self.e))
            self.round()
            if (self.s, self.e) == before:
                break

    def round(self) -> None:
        n = len(self.cues)
        if n:
            self._move_start(0)
        for i in range(n - 1):
            self._boundary(i)
        if n:
            self._move_end(n - 1, None)

    def _move_start(self, j: int) -> None:
        """Apply the in-cue rule to cue j if its own duration allows (its end may grow into free
        room before the next cue)."""
        hit = self.cuts.in_target(self.s[j])
        if hit is None:
            return
        s_new, reason = hit
        if j > 0 and s_new < self.e[j - 1] + self.f.gap and not self._can_end(j - 1, s_new - self.f.gap):
            return
        e = self.e[j]
        if e > self.max_end(j, s_new):
            return
        if e < self.min_end(j, s_new):
            e = self.min_end(j, s_new)
            nxt = self.s[j + 1] if j + 1 < len(self.cues) else None
            if nxt is not None and e + self.f.gap > nxt:
                return
            if self.cuts.out_violation(e) is not None and self.cuts.out_violation(self.e[j]) is None:
                return
            self.set(j, "end", e, Reason("beautify.min_duration"))
        self.set(j, "start", s_new, reason)

    def _can_end(self, i: int, e: int) -> bool:
        return self.min_end(i, self.s[i]) <= e <= self.max_end(i, self.s[i])

    def _move_end(self, i: int, next_start: Optional[int]) -> None:
        """Out-cue rule for cue i, given where the next cue starts (None: last cue)."""
        f = self.f
        hit = self.cuts.out_target(self.e[i])
        if hit is None:
            return
        e_new, reason = hit
        room = (next_start - f.gap) if next_start is not None else None
        if self._can_end(i, e_new) and (room is None or e_new <= room):
            self.set(i, "end", e_new, reason)
            return
        c = self.cuts.near(self.e[i])
        alt = c + f.zone if c is not None else None  # too short to end before the cut: end well after it
        if (alt is not None and alt > self.e[i] and self._can_end(i, alt) and (room is None or alt <= room)
                and self.cuts.out_violation(alt) is None):
            self.set(i, "end", alt, _frames("beautify.ends_after", f.zone))

    def _boundary(self, i: int) -> None:
        f, j = self.f, i + 1
        self._move_start(j)
        self._move_end(i, self.s[j])
        s, e = self.s[j], self.e[i]
        gap = s - e
        if f.gap < gap < f.chain:  # chain: extend the earlier cue, but only up to a cut
            target, reason = s - f.gap, Reason("beautify.chained")
            cut = self.cuts.between(e, s)
            if cut is not None and cut - f.out_gap < target:
                target, reason = cut - f.out_gap, _frames("beautify.ends_before", f.out_gap)
            if target > e and self._can_end(i, target) and self.cuts.out_violation(target) is None:
                self.set(i, "end", target, reason)
        if self.s[j] - self.e[i] < f.gap:  # too close or overlapping: the earlier cue gives way first
            target = self.s[j] - f.gap
            if self._can_end(i, target):
                self.set(i, "end", target, Reason("beautify.min_gap"))
            else:
                self.set(i, "end", self.min_end(i, self.s[i]), Reason("beautify.min_gap"))
                self.set(j, "start", self.e[i] + f.gap, Reason("beautify.moved_after"))
                lo, hi = self.min_end(j, self.s[j]), self.max_end(j, self.s[j])
                if not lo <= self.e[j] <= hi:
                    self.set(j, "end", min(max(self.e[j], lo), hi), Reason("beautify.min_duration"))

    def result(self) -> tuple[list[Cue], list[TimingChange]]:
        g = self.grid
        cues, changes = [], []
        for i, c in enumerate(self.cues):
            new = replace(c, start=g.ms(self.s[i]), end=g.ms(self.e[i]))
            cues.append(new)
            for fld in ("start", "end"):
                old_v, new_v = getattr(c, fld), getattr(new, fld)
                if old_v != new_v:
                    why = self.why.get((i, fld), Reason("beautify.aligned"))
                    changes.append(TimingChange(i, fld, old_v, new_v, why))
        return cues, changes


def beautify(cues: Sequence[Cue], grid: FrameGrid, shot_changes_ms: Sequence[int] = (), *,
             preset: Optional[BeautifyPreset | str] = None, profile: Optional[Profile] = None) -> BeautifyResult:
    """Beautify ``cues`` (in time order) on ``grid`` around ``shot_changes_ms``; the input is not
    modified. Cues out of time order are handled in time order and reported at their positions."""
    preset = get_preset(preset)
    f = _Frames.of(preset, grid, profile)
    cuts = _Cuts([grid.nearest(t) for t in shot_changes_ms], f)
    original = list(cues)
    order = sorted(range(len(original)), key=lambda i: (original[i].start, original[i].end, i))
    work = _Pass([original[i] for i in order], grid, cuts, f, profile)
    work.run()
    done, changes = work.result()
    out = list(original)
    for pos, i in enumerate(order):
        out[i] = done[pos]
    changes = sorted((replace(c, index=order[c.index]) for c in changes), key=lambda c: (c.index, c.field != "start"))
    return BeautifyResult(out, changes, preset, grid, len(cuts.c), original)


def beautify_document(document: Document, grid: FrameGrid, shot_changes_ms: Sequence[int] = (), *,
                      preset: Optional[BeautifyPreset | str] = None, profile: Optional[Profile] = None,
                      label: str = Reason("undo.beautify")) -> BeautifyResult:
    """Beautify every cue of ``document`` as one undo step."""
    result = beautify(document.cues, grid, shot_changes_ms, preset=preset, profile=profile)
    result.apply_to(document, label)
    return result


# -- measuring ---------------------------------------------------------------------------------
def edge_compliance(cues: Sequence[Cue], grid: FrameGrid, shot_changes_ms: Sequence[int], *,
                    preset: Optional[BeautifyPreset | str] = None, profile: Optional[Profile] = None,
                    before: Optional[Sequence[Cue]] = None) -> tuple[int, int]:
    """(cue edges near a cut, how many of them follow the shot-change rules). Near: within the
    zone (12 frames) of a cut — in ``cues``, or in ``before`` (the same cues before a change, so
    an edge moved out of the zone still counts). It follows the rules when it lies on a frame and
    an in-cue is on the cut (plus ``in_gap``) or a zone away; an out-cue ``out_gap`` frames before
    the cut or a zone away."""
    f = _Frames.of(get_preset(preset), grid, profile)
    cuts = _Cuts([grid.nearest(t) for t in shot_changes_ms], f)
    near = ok = 0
    for k, c in enumerate(cues):
        ref = before[k] if before is not None else c
        s, e = grid.nearest(c.start), grid.nearest(c.end)
        if cuts.near(s) is not None or cuts.near(grid.nearest(ref.start)) is not None:
            near += 1
            ok += not cuts.in_candidates(s) and grid.ms(s) == c.start
        if cuts.near(e) is not None or cuts.near(grid.nearest(ref.end)) is not None:
            near += 1
            ok += cuts.out_violation(e) is None and grid.ms(e) == c.end
    return near, ok


# -- for dragging in the editor ----------------------------------------------------------------
def drag_snap(t_ms: int, edge: str, grid: Optional[FrameGrid], shot_changes_ms: Sequence[int], *,
              within_ms: float, preset: Optional[BeautifyPreset | str] = None,
              profile: Optional[Profile] = None) -> tuple[int, str]:
    """Where a dragged cue edge lands: on a shot change (an in-cue on the cut plus ``in_gap``, an
    out-cue ``out_gap`` frames before it) when one is within ``within_ms``, else on the nearest
    frame start (no grid: unchanged). Returns (time, "shot change" | "frame" | "")."""
    if grid is None:
        return int(t_ms), ""
    f = _Frames.of(get_preset(preset), grid, profile)
    best, best_d = None, within_ms
    for c in shot_changes_ms:
        k = grid.nearest(c)
        target = grid.ms(k + f.in_gap if edge == "start" else k - f.out_gap)
        if abs(target - t_ms) <= best_d:
            best, best_d = target, abs(target - t_ms)
    if best is not None:
        return best, "shot change"
    return grid.snap(int(t_ms)), "frame"
