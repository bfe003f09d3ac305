"""Dragging cues on the waveform: move a cue or resize it by an edge, snapping to shot changes
(as the Netflix rules want them: an in-cue on the cut, an out-cue 2 frames before it — core
``beautify.drag_snap``), the neighbours (keeping the profile's minimum gap), the playhead and
speech boundaries, and for video always onto the frame grid. Shift disables all snapping. A whole
drag is one merge run in the document, compacted into one undo step."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, Sequence

from ...core.foundation.errors import Reason
from ...core.timing.beautify import drag_snap

if TYPE_CHECKING:
    from .waveform import WaveformView

SNAP_PX = 10  # snapping distance
MIN_CUE_MS = 20


class CueDrag:
    def __init__(self, view: "WaveformView") -> None:
        self.view = view

    def snap_targets(self, index: int, edge: str) -> list[int]:
        cues = self.view.document.cues
        gap = self.view.profile.min_gap_ms
        out = [self.view.playhead]
        if edge == "start":
            if index > 0:
                out.append(cues[index - 1].end + gap)
        else:
            if index + 1 < len(cues):
                out.append(cues[index + 1].start - gap)
        out.extend(self.view.speech_edges)
        return out

    def snap(self, value: int, targets: Sequence[int]) -> tuple[int, Optional[int]]:
        limit = SNAP_PX * self.view.ms_per_px
        best, best_d = None, limit + 1
        for t in targets:
            d = abs(t - value)
            if d <= limit and d < best_d:
                best, best_d = t, d
        return (best if best is not None else value), best

    def snap_edge(self, value: int, index: int, edge: str) -> tuple[int, Optional[int]]:
        """Where a dragged ``edge`` ("start" | "end") of cue ``index`` lands, and the target it
        snapped to (None: only onto the frame grid, or nowhere without video)."""
        v = self.view
        limit = SNAP_PX * v.ms_per_px
        if v.grid is not None and v.shot_changes:
            t, kind = drag_snap(value, edge, v.grid, v.shot_changes, within_ms=limit, profile=v.profile)
            if kind == "shot change":
                return t, t
        t, hit = self.snap(value, self.snap_targets(index, edge))
        if v.grid is not None:
            if hit is None:
                t = v.grid.snap(t)
            else:  # onto a frame on the safe side of the target (a gap never shrinks below it)
                k = v.grid.index_at(t)
                t = v.grid.ms(k + 1 if edge == "start" and v.grid.ms(k) < t else k)
        return t, hit

    def drag_to(self, d: dict[str, Any], x: float, *, snap: bool) -> None:
        """Move or resize the dragged cue for pointer x (``d``: the drag started on press)."""
        i, part = d["index"], d["part"]
        if i >= len(self.view.document.cues):
            return
        s0, e0 = d["orig"]
        delta = self.view.ms_at(x) - d["ms0"]
        if part == "start":
            s = s0 + delta
            if snap:
                s, _ = self.snap_edge(s, i, "start")
            s = max(0, min(s, e0 - MIN_CUE_MS))
            e = e0
        elif part == "end":
            e = e0 + delta
            if snap:
                e, _ = self.snap_edge(e, i, "end")
            e = max(e, s0 + MIN_CUE_MS)
            s = s0
        else:
            s, e = s0 + delta, e0 + delta
            if snap:
                s_snap, hit_s = self.snap_edge(s, i, "start")
                e_snap, hit_e = self.snap_edge(e, i, "end")
                ds = s_snap - s if hit_s is not None else None
                de = e_snap - e if hit_e is not None else None
                if ds is not None and (de is None or abs(ds) <= abs(de)):
                    s, e = s + ds, e + ds
                elif de is not None:
                    s, e = s + de, e + de
                grid = self.view.grid
                if grid is not None:  # both edges on frames
                    s, e = grid.snap(s), grid.snap(e)
            if s < 0:
                s, e = 0, e - s
        c = self.view.document.cues[i]
        if (s, e) != (c.start, c.end):
            label = {"start": Reason("undo.drag_start"), "end": Reason("undo.drag_end")}.get(part, Reason("undo.move"))
            edit = self.view.document.set_times(i, int(s), int(e), label=label, merge_key=d["key"])
            moved = edit.steps[0].new[0]  # type: ignore[union-attr]
            d["index"] = self.view.document.index_of(moved)  # past a neighbour the cue re-sorts
