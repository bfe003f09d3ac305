"""Edit commands over the Document (no Qt here; the editor and any other front call them). Every
change goes through ``Document.apply`` (directly or through its builders), so the one undo stack
covers everything. Also: reading-profile problems per cue, and re-transcribing a time range.

Time codes live in :mod:`subtitler.core.foundation.timecode` (re-exported here for the editor's convenience).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Optional, Sequence

from ..document.model import Document, merge_run

from ..document.cues import Cue, Edit, Replace, Step
from ..foundation.errors import Reason, SubtitlerError, UsageError
from ..text.script import line_lengths
from ..timing.rules import Profile, break_lines, cps, fix_timing
from ..foundation.timecode import format_duration, format_ms, parse_offset, parse_time

if TYPE_CHECKING:
    import numpy as np

    from ..engines.base import Engine
    from ..foundation.progress import CancelToken

__all__ = ["format_duration", "format_ms", "parse_offset", "parse_time"]  # plus the commands below

NUDGE_MS = 100
DEFAULT_FPS = 25.0
NEW_CUE_MS = 2000
RETRANSCRIBE_PAD_MS = 200  # audio taken on each side of the selection (clamped to the media)


# -- reading-profile problems ----------------------------------------------------------------
def cue_problems(cues: Sequence[Cue], i: int, profile: Profile) -> list[str]:
    """Why cue ``i`` breaks the reading profile (empty list: it is fine)."""
    c = cues[i]
    out: list[str] = []
    if c.flag:
        out.append(c.flag)
    if c.end <= c.start:
        out.append(Reason("problem.ends_before_start"))
    value = cps(c)
    if value > profile.max_cps:
        out.append(Reason("problem.too_fast", value=f"{value:.1f}", max=f"{profile.max_cps:g}"))
    lines = c.text.split("\n")
    if len(lines) > profile.max_lines:
        out.append(Reason("problem.lines", count=len(lines), max=profile.max_lines))
    longest = max(line_lengths(c.text), default=0.0)  # as the rules count (Chinese: Netflix width)
    if longest > profile.chars_per_line:
        out.append(Reason("problem.line_too_long", count=f"{longest:g}", max=profile.chars_per_line))
    if c.duration < profile.min_duration_ms:
        out.append(Reason("problem.too_short", ms=c.duration, min=profile.min_duration_ms))
    elif c.duration > profile.max_duration_ms:
        out.append(Reason("problem.too_long", ms=c.duration, max=profile.max_duration_ms))
    if i > 0 and cues[i - 1].end > c.start:
        out.append(Reason("problem.overlaps", number=i))
    if i + 1 < len(cues) and c.end > cues[i + 1].start:
        out.append(Reason("problem.overlaps", number=i + 2))
    elif i + 1 < len(cues) and cues[i + 1].start - c.end < profile.min_gap_ms:
        out.append(Reason("problem.gap", ms=profile.min_gap_ms))
    if not c.text.strip():
        out.append(Reason("problem.no_text"))
    return out


def next_problem(cues: Sequence[Cue], after: int, profile: Profile) -> Optional[int]:
    n = len(cues)
    for k in range(1, n + 1):
        i = (after + k) % n
        if cue_problems(cues, i, profile):
            return i
    return None


# -- timing ----------------------------------------------------------------------------------
def _times_edit(doc: Document, changes: dict[int, tuple[int, int]], label: str,
                merge_key: Optional[str] = None) -> Edit:
    steps: list[Step] = []
    for i in sorted(changes):
        start, end = changes[i]
        c = doc.cues[i]
        if start < 0 or end <= start:
            raise UsageError(Reason("edit.bad_times"))
        if (start, end) != (c.start, c.end):
            steps.append(Replace(i, (c,), (replace(c, start=int(start), end=int(end)),)))
    return doc.apply(Edit(label, steps, merge_key))


def nudge(doc: Document, indices: Iterable[int], part: str, delta_ms: int) -> Edit:
    """Move the start, end or whole ('both') of the cues by ``delta_ms``; repeated nudges of the
    same cues and part merge into one undo step."""
    idx = sorted(set(indices))
    if not idx:
        raise UsageError(Reason("edit.select_first"))
    changes = {}
    for i in idx:
        c = doc.cues[i]
        if part == "start":
            s, e = max(0, min(c.start + delta_ms, c.end - 1)), c.end
        elif part == "end":
            s, e = c.start, max(c.start + 1, c.end + delta_ms)
        else:
            d = max(delta_ms, -c.start)
            s, e = c.start + d, c.end + d
        changes[i] = (s, e)
    label = {"start": Reason("undo.nudge_start"), "end": Reason("undo.nudge_end")}.get(part, Reason("undo.move"))
    return _times_edit(doc, changes, label, merge_key=f"nudge:{part}:{idx}")


def set_start_at(doc: Document, i: int, ms: int) -> Edit:
    """Start at ``ms``; the end stays unless that would end before the start (then the cue keeps
    its duration)."""
    c = doc.cues[i]
    ms = max(0, int(ms))
    end = c.end if ms < c.end else ms + max(1, c.duration)
    return doc.set_times(i, ms, end, label=Reason("undo.set_start"))


def set_end_at(doc: Document, i: int, ms: int) -> Edit:
    c = doc.cues[i]
    if ms <= c.start:
        raise UsageError(Reason("edit.end_before_start"))
    return doc.set_times(i, c.start, int(ms), label=Reason("undo.set_end"))


def split_cue(doc: Document, i: int, *, playhead: Optional[int] = None, text_pos: Optional[int] = None,
              audio: Optional[Path] = None) -> Edit:
    """Split at the playhead if it is inside the cue; else at the text cursor: with the media's
    16 kHz audio (``audio``), the two texts are aligned on it and the first part ends where its
    speech ends, the second starts where its speech starts (the pause between them left out);
    without it, or when the alignment is unsure, at the time proportional to the cursor; with
    neither, in the middle."""
    c = doc.cues[i]
    if playhead is not None and c.start < playhead < c.end:
        return doc.split(i, int(playhead), text_pos)
    if c.duration < 2:
        raise UsageError(Reason("edit.too_short_to_split"))
    heard = _split_on_audio(c, text_pos, audio) if audio is not None and text_pos is not None else None
    if heard is not None:
        return doc.split(i, heard[0], text_pos, resume_ms=heard[1])
    if text_pos is not None and c.text:
        frac = max(0.0, min(1.0, text_pos / len(c.text)))
        at = c.start + round(c.duration * frac)
    else:
        at = c.start + c.duration // 2
    at = min(max(at, c.start + 1), c.end - 1)
    return doc.split(i, at, text_pos)


def _split_on_audio(c: Cue, text_pos: int, audio: Path) -> Optional[tuple[int, int]]:
    """(end of the first part, start of the second) of cue ``c`` split at ``text_pos``, from its
    two texts aligned on the audio; None when there is no audio there or the alignment is unsure."""
    from ..timing.align import UNCERTAIN, retime_texts
    from ..media.ffmpeg import ms_to_samples, read_wav_span

    head, tail = c.text[:text_pos].strip(), c.text[text_pos:].strip()
    if not head or not tail:
        return None
    try:
        samples = read_wav_span(audio, c.start, c.end)
    except (OSError, SubtitlerError):
        return None
    if len(samples) < ms_to_samples(c.duration) // 2:
        return None
    (_, end, sure_a), (start, _, sure_b) = retime_texts(samples, [head, tail], c.start, c.end,
                                                          samples_start_ms=c.start)
    if min(sure_a, sure_b) < UNCERTAIN or not c.start < end <= start < c.end:
        return None
    return end, start


def merge_cues(doc: Document, indices: Iterable[int], profile: Optional[Profile] = None) -> Edit:
    """Merge a selection (first..last) into one cue; one cue selected: merge with the next. The
    joined text is laid out again by the profile's line rules (not one long line)."""
    idx = sorted(set(indices))
    if not idx:
        raise UsageError(Reason("edit.select_first"))
    a, b = idx[0], idx[-1]
    if a == b:
        b = a + 1
        if b >= len(doc.cues):
            raise UsageError(Reason("edit.no_next"))
    rebreak: Optional[Callable[[str], str]] = (lambda t: break_lines(t, profile)) if profile else None
    return doc.replace_cues([merge_run(doc.cues[a:b + 1], rebreak)], Reason("undo.merge"), a, b - a + 1)


def insert_cue(doc: Document, i: Optional[int], *, after: bool, profile: Profile, at_ms: Optional[int] = None,
               text: str = "") -> tuple[Edit, int]:
    """Insert an empty cue before/after cue ``i`` in the free gap (or at ``at_ms``); returns the
    edit and the new cue's index."""
    cues = doc.cues
    gap = profile.min_gap_ms
    if not cues or i is None:
        start = at_ms if at_ms is not None else (cues[-1].end + gap if cues else 0)
        pos = sum(1 for c in cues if c.start <= start)
        end = start + NEW_CUE_MS
        if pos < len(cues):
            end = max(start + 1, min(end, cues[pos].start - gap))
        return doc.insert(pos, Cue(start, end, text)), pos
    if after:
        pos = i + 1
        start = cues[i].end + gap
        limit = cues[pos].start - gap if pos < len(cues) else start + NEW_CUE_MS
    else:
        pos = i
        limit = cues[i].start - gap
        start = max(0, limit - NEW_CUE_MS)
        if i > 0:
            start = max(start, cues[i - 1].end + gap)
    end = min(start + NEW_CUE_MS, limit)
    if end - start < 100:  # no room: a short cue that overlaps (flagged until fixed)
        end = start + 1000
    return doc.insert(pos, Cue(start, end, text)), pos


def shift_cues(doc: Document, indices: Optional[Iterable[int]], offset_ms: int) -> Edit:
    idx = range(len(doc.cues)) if indices is None else indices
    return doc.shift(idx, int(offset_ms))


def find_matches(doc: Document, pattern: str, *, regex: bool = False, case: bool = False) -> list[int]:
    rx = _compile(pattern, regex, case)
    return [i for i, c in enumerate(doc.cues) if rx.search(c.text)]


def _compile(pattern: str, regex: bool, case: bool) -> re.Pattern[str]:
    if not pattern:
        raise UsageError(Reason("edit.find_empty"))
    try:
        return re.compile(pattern if regex else re.escape(pattern), 0 if case else re.IGNORECASE)
    except re.error as exc:
        raise UsageError(Reason("edit.bad_regex", detail=str(exc))) from None


def find_replace(doc: Document, pattern: str, replacement: str, *, regex: bool = False, case: bool = False,
                 indices: Optional[Iterable[int]] = None) -> tuple[Edit, int]:
    """Replace in every cue (or those in ``indices``) as one undo step; returns (edit, cues changed)."""
    rx = _compile(pattern, regex, case)
    steps: list[Step] = []
    for i in (sorted(set(indices)) if indices is not None else range(len(doc.cues))):
        c = doc.cues[i]
        try:
            new = rx.sub(replacement if regex else replacement.replace("\\", "\\\\"), c.text)
        except (re.error, IndexError) as exc:
            raise UsageError(Reason("edit.bad_replacement", detail=str(exc))) from None
        if new != c.text:
            steps.append(Replace(i, (c,), (replace(c, text=new),)))
    return doc.apply(Edit(Reason("undo.replace_text"), steps)), len(steps)


def fix_timing_range(doc: Document, indices: Optional[Iterable[int]], profile: Profile, *,
                     media_end_ms: Optional[int] = None) -> Edit:
    """Apply the reading profile to the selection (first..last) or all cues, as one undo step.
    The cue after the range bounds how far ends may extend."""
    idx = sorted(set(indices)) if indices is not None else []
    a, b = (idx[0], idx[-1]) if idx else (0, len(doc.cues) - 1)
    if b < a:
        raise UsageError(Reason("edit.no_cues"))
    run = doc.cues[a:b + 1]
    limit = doc.cues[b + 1].start if b + 1 < len(doc.cues) else media_end_ms
    fixed = fix_timing(run, profile, media_end_ms=limit)
    # the cues around the range stay as they are: keep the minimum gap to them where possible
    if fixed and b + 1 < len(doc.cues):
        last = fixed[-1]
        bound = doc.cues[b + 1].start - profile.min_gap_ms
        if last.end > bound > last.start:
            fixed[-1] = replace(last, end=bound)
    if fixed and a > 0:
        first = fixed[0]
        bound = doc.cues[a - 1].end + profile.min_gap_ms
        if first.start < bound < first.end:
            fixed[0] = replace(first, start=bound)
    return doc.replace_cues(fixed, Reason("undo.fix_timing"), a, b - a + 1)


def flag_cues(doc: Document, indices: Iterable[int], flag: str) -> Edit:
    steps: list[Step] = [Replace(i, (doc.cues[i],), (replace(doc.cues[i], flag=flag),))
                         for i in sorted(set(indices)) if doc.cues[i].flag != flag]
    return doc.apply(Edit(Reason("undo.flag" if flag else "undo.clear_flag"), steps))


# -- re-transcribe ---------------------------------------------------------------------------
def retranscribe_span(cues: Sequence[Cue], rows: Sequence[int], media_ms: Optional[int] = None,
                      pad_ms: int = RETRANSCRIBE_PAD_MS) -> tuple[int, int, int, int]:
    """(first row, last row, start ms, end ms) of the audio to re-transcribe for the selection:
    the selected cues plus ``pad_ms`` each side, never before 0 or past the media's end."""
    if not rows:
        raise UsageError(Reason("edit.select_first"))
    a, b = min(rows), max(rows)
    start = max(0, cues[a].start - pad_ms)
    end = cues[b].end + pad_ms
    if media_ms:
        end = min(end, media_ms)
    if end <= start:
        raise UsageError(Reason("edit.no_audio"))
    return a, b, start, end


def retranscribe_cues(pcm: np.ndarray, start_ms: int, end_ms: int, engine: Engine, profile: Profile, *,
                      language: Optional[str] = None, cancel: Optional[CancelToken] = None) -> list[Cue]:
    """New cues for audio [start_ms, end_ms] of 16 kHz ``pcm`` with ``engine`` (runs on a worker
    thread: speech detection, chunking, recognition, timing, rules). Times are media times: the
    range is clamped to the audio first, so a range reaching before 0 never yields early cues."""
    from ..media.ffmpeg import SAMPLE_RATE, ms_to_samples
    from ..foundation.progress import ensure_token, no_progress
    from ..speech.detection import detect_speech, make_chunks
    from ..speech.regions import Region
    from ..timing.cue_times import cues_for_chunk

    cancel = ensure_token(cancel)
    start_ms = max(0, int(start_ms))
    end_ms = min(int(end_ms), len(pcm) * 1000 // SAMPLE_RATE)
    piece = pcm[ms_to_samples(start_ms):ms_to_samples(end_ms)]
    if end_ms <= start_ms or len(piece) == 0:
        raise UsageError(Reason("edit.no_audio"))
    regions = detect_speech(piece, cancel=cancel) or [Region(0, end_ms - start_ms)]
    chunks = make_chunks(piece, regions, engine.max_chunk_ms, engine.margin_ms)
    results = engine.transcribe(chunks, language=language, on_progress=no_progress, cancel=cancel)
    raw: list[Cue] = []
    for chunk, result in zip(chunks, results):
        raw.extend(cues_for_chunk(chunk, result, profile))
    fixed = fix_timing(raw, profile, media_end_ms=end_ms - start_ms)
    return [replace(c, start=max(0, c.start) + start_ms, end=max(1, c.end) + start_ms) for c in fixed]
