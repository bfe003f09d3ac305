"""Engine output → timed cues, for the three shapes engines give: word times, segment times,
and text only. All times returned are absolute integer ms."""

from __future__ import annotations

from typing import Optional, Sequence

from .document import Cue
from .engines.base import ChunkResult, Segment, Word
from .rules import Profile
from .speech import Chunk, Region
from .text import SENTENCE_END, is_cjk_text, join_pieces, units, visible_len

PAUSE_BREAK_MS = 600  # a pause this long between words always ends a cue
SNAP_MS = 400  # boundaries this close to a detected speech edge move onto it


def cues_for_chunk(chunk: Chunk, result: ChunkResult, profile: Profile) -> list[Cue]:
    """Timed cues for one chunk's result (before the reading rules are applied)."""
    regions = list(chunk.regions) or [Region(chunk.start_ms, chunk.end_ms)]
    if result.error or (result.flag and not result.text.strip()):
        reason = result.error or result.flag
        label = "not transcribed: " if result.error else ""
        return [Cue(regions[0].start_ms, regions[-1].end_ms, "", f"{label}{reason}")]
    if result.segments is None:
        cues = text_to_cues(result.text, regions, profile)
    else:
        words = [Word(w.start_ms + chunk.start_ms, w.end_ms + chunk.start_ms, w.text)
                 for s in result.segments for w in s.words]
        if words:
            cues = words_to_cues(words, profile)
        else:
            cues = segments_to_cues(result.segments, chunk, regions, profile)
    cues = snap_to_regions(cues, regions)
    if result.flag:
        cues = [Cue(c.start, c.end, c.text, result.flag) for c in cues]
    return cues


def words_to_cues(words: Sequence[Word], profile: Profile) -> list[Cue]:
    """Group words into cues: break at long pauses, after sentence ends once a cue has some
    length, and before the text or duration would exceed the profile."""
    cues: list[Cue] = []
    group: list[Word] = []

    def flush() -> None:
        if group:
            text = _join_words(group)
            if text:
                cues.append(Cue(group[0].start_ms, max(group[-1].end_ms, group[0].start_ms + 1), text))
            group.clear()

    for w in words:
        if group:
            text_after = _join_words(group + [w])
            pause = w.start_ms - group[-1].end_ms
            duration = w.end_ms - group[0].start_ms
            last = group[-1].text.strip()
            sentence_done = last[-1:] in SENTENCE_END and (
                visible_len(_join_words(group)) >= profile.max_chars * 0.35 or pause > 250)
            if (pause >= PAUSE_BREAK_MS or sentence_done or visible_len(text_after) > profile.max_chars
                    or duration > profile.max_duration_ms):
                if visible_len(text_after) > profile.max_chars and not sentence_done:
                    _move_tail_after_clause(group, cues, flush)
                    if group:
                        group_text = _join_words(group + [w])
                        if visible_len(group_text) > profile.max_chars:
                            flush()
                else:
                    flush()
        group.append(w)
    flush()
    return cues


def _move_tail_after_clause(group: list[Word], cues: list[Cue], flush) -> None:
    """Flush the group up to its last clause/sentence mark in the second half, keeping the rest."""
    n = len(group)
    for k in range(n - 1, n // 2 - 1, -1):
        if group[k].text.strip()[-1:] in ",;:，；：、" + SENTENCE_END:
            tail = group[k + 1:]
            del group[k + 1:]
            flush()
            group.extend(tail)
            return
    flush()


def _join_words(words: Sequence[Word]) -> str:
    raw = "".join(w.text for w in words)
    return " ".join(raw.split()) if not is_cjk_text(raw) else raw.strip()


def segments_to_cues(segments: Sequence[Segment], chunk: Chunk, regions: list[Region],
                     profile: Profile) -> list[Cue]:
    """Segment times without words: a segment that fits is one cue; a longer one shares its time
    among its sentences/clauses, using the speech regions inside it."""
    cues: list[Cue] = []
    for s in segments:
        a, b = s.start_ms + chunk.start_ms, s.end_ms + chunk.start_ms
        if b <= a or not s.text.strip():
            continue
        inside = [Region(max(a, r.start_ms), min(b, r.end_ms)) for r in regions
                  if r.end_ms > a and r.start_ms < b]
        inside = [r for r in inside if r.duration_ms > 0] or [Region(a, b)]
        if visible_len(s.text) <= profile.max_chars and b - a <= profile.max_duration_ms:
            cues.append(Cue(a, b, s.text.strip()))
        else:
            cues.extend(text_to_cues(s.text, inside, profile))
    return cues


def text_to_cues(text: str, regions: Sequence[Region], profile: Profile) -> list[Cue]:
    """Text only: cut into sentences/clauses and share the speech time by character count,
    with cue borders snapped to the pauses speech detection found."""
    pieces = units(text, profile.max_chars)
    if not pieces or not regions:
        return []
    weights = [visible_len(p) + 2 for p in pieces]  # +2: a short clause still takes a beat
    speech = [r.duration_ms for r in regions]
    total_speech = sum(speech)
    # borders of pieces, in "speech time" (ms of speech before the border)
    total_w = sum(weights)
    acc, borders = 0, []
    for w in weights[:-1]:
        acc += w
        borders.append(total_speech * acc / total_w)
    # pauses, in speech time: after region k ends
    pauses, acc = [], 0
    for d in speech[:-1]:
        acc += d
        pauses.append(acc)
    snapped = _snap_borders(borders, pauses, [total_speech * w / total_w for w in weights])
    cues: list[Cue] = []
    start = regions[0].start_ms
    for k, piece in enumerate(pieces):
        if k < len(snapped):
            kind, value = snapped[k]
            if kind == "pause":
                end, nxt = regions[value].end_ms, regions[value + 1].start_ms
            else:
                end = nxt = _speech_to_abs(value, regions)
        else:
            end, nxt = regions[-1].end_ms, 0
        cues.append(Cue(start, max(end, start + 1), piece))
        start = nxt
    return cues


def _snap_borders(borders: list[float], pauses: list[int], durations: list[float]) -> list[tuple[str, float]]:
    """Each border moves to the nearest unused pause (in order) when close enough."""
    out: list[tuple[str, float]] = []
    next_pause = 0
    for k, b in enumerate(borders):
        tol = min(1500.0, 0.5 * min(durations[k], durations[k + 1]))
        best: Optional[int] = None
        for p in range(next_pause, len(pauses)):
            d = abs(pauses[p] - b)
            if d <= tol and (best is None or d < abs(pauses[best] - b)):
                best = p
            if pauses[p] > b + tol:
                break
        if best is not None:
            out.append(("pause", best))
            next_pause = best + 1
        else:
            out.append(("speech", b))
    return out


def _speech_to_abs(pos: float, regions: Sequence[Region]) -> int:
    for r in regions:
        if pos <= r.duration_ms:
            return int(r.start_ms + pos)
        pos -= r.duration_ms
    return regions[-1].end_ms


def snap_to_regions(cues: list[Cue], regions: Sequence[Region]) -> list[Cue]:
    """Move cue edges onto detected speech edges when that adds or drops little speech (at most
    SNAP_MS): a start in a pause, or just before a region ends, goes to the next speech onset;
    an end just into a region goes back to where the previous one stopped. Never crosses the
    previous cue."""
    if not regions:
        return cues
    out: list[Cue] = []
    for c in cues:
        prev_end = out[-1].end if out else -1
        start = _best_edge(c.start, [r.start_ms for r in regions], regions,
                           lo=max(prev_end, c.start - SNAP_MS), hi=c.end - 200)
        end = _best_edge(c.end, [r.end_ms for r in regions], regions, lo=start + 200, hi=c.end + SNAP_MS)
        out.append(Cue(start, max(end, start + 1), c.text, c.flag))
    return out


def _best_edge(t: int, edges: list[int], regions: Sequence[Region], lo: int, hi: int) -> int:
    best, best_cost = t, None
    for e in edges:
        if lo <= e <= hi:
            moved = _speech_between(min(e, t), max(e, t), regions)
            if moved <= SNAP_MS:
                cost = moved + 0.05 * abs(e - t)
                if best_cost is None or cost < best_cost:
                    best, best_cost = e, cost
    return best


def _speech_between(a: int, b: int, regions: Sequence[Region]) -> int:
    return sum(max(0, min(b, r.end_ms) - max(a, r.start_ms)) for r in regions)


def join_texts(results: Sequence[ChunkResult]) -> str:
    return join_pieces([r.text for r in results])
