"""Engine output → timed cues, for the three shapes engines give: word times, segment times,
and text only. All times returned are absolute integer ms."""

from __future__ import annotations

import bisect
from typing import Optional, Sequence

import numpy as np

from ..document.cues import Cue
from ..speech.pauses import PauseMap, pause_map
from .align import UNCERTAIN, align
from ..engines.base import ChunkResult, Word
from .rules import Profile
from ..speech.detection import Chunk
from ..speech.regions import Region
from ..text.script import display_width, is_cjk_text, join_texts, measure
from ..text.split import SENTENCE_END, segment_words

UNCERTAIN_FLAG = "timing uncertain"
PAUSE_BREAK_MS = 600  # a pause this long between words, or between detected speech regions, ends a cue
SNAP_MS = 400  # boundaries this close to a detected speech edge move onto it
LEAD_MS = 1000  # a cue starting this far into a region no earlier cue reaches starts with that region


def cues_for_chunk(chunk: Chunk, result: ChunkResult, profile: Profile, pmap: Optional[PauseMap] = None) -> list[Cue]:
    """Timed cues for one chunk's result (before the reading rules are applied).

    Text without word times (text only, or segments without words) is first aligned to the
    chunk's audio (core/timing/align.py; ``pmap``: the chunk's pause map when already made); cues of
    uncertain placement carry ``UNCERTAIN_FLAG``."""
    regions = list(chunk.regions) or [Region(chunk.start_ms, chunk.end_ms)]
    if result.error or (result.flag and not result.text.strip()):
        reason = result.error or result.flag
        label = "not transcribed: " if result.error else ""
        return [Cue(regions[0].start_ms, regions[-1].end_ms, "", f"{label}{reason}")]
    words = [Word(w.start_ms + chunk.start_ms, w.end_ms + chunk.start_ms, w.text, w.confidence)
             for s in (result.segments or []) for w in s.words]
    pauses = region_pauses(regions)
    if words:  # the engine's own word times
        cues = refine_edges(chunk, snap_to_regions(words_to_cues(cjk_words(words), profile, pauses), regions))
    else:
        cues = words_to_cues(cjk_words(align_result(chunk, result, regions, pmap)), profile, pauses)
    if result.flag:
        cues = [Cue(c.start, c.end, c.text, result.flag) for c in cues]
    return cues


REFINE_MS = 400  # a cue edge from the engine's word times moves at most this far onto the audio's own


def refine_edges(chunk: Chunk, cues: list[Cue]) -> list[Cue]:
    """Cue edges from an engine's word times (Whisper's are typically 50–400 ms off) moved onto
    the audio: the cues' texts, as the words made them, are aligned to the chunk's pause map
    (:func:`align.retime_texts`: the edge between two cues goes to the pause there, 10 ms steps).
    Which words a cue holds never changes; an edge the alignment would move by more than
    ``REFINE_MS`` (the text and the audio disagree there) keeps its word time."""
    if not cues or any(not c.text.strip() for c in cues):
        return cues
    from .align import retime_texts

    texts = [c.text.replace("\n", " ") for c in cues]
    times = retime_texts(chunk.samples, texts, cues[0].start, cues[-1].end, samples_start_ms=chunk.start_ms)
    out: list[Cue] = []
    for c, (a, b, _) in zip(cues, times):
        start = a if abs(a - c.start) <= REFINE_MS else c.start
        end = b if abs(b - c.end) <= REFINE_MS else c.end
        if out:
            start = max(start, out[-1].end)
        if end <= start:  # no room left between the neighbours: the word times
            start = max(c.start, out[-1].end) if out else c.start
            end = max(c.end, start + 1)
        out.append(Cue(start, end, c.text, c.flag))
    return out


def align_result(chunk: Chunk, result: ChunkResult, regions: Sequence[Region],
                 pmap: Optional[PauseMap] = None) -> list[Word]:
    """Words of a result without word times, placed on the chunk's audio: the whole text (text
    only), or each segment's text inside its segment's span."""
    pm = pmap or chunk_pause_map(chunk)
    if result.segments is None:
        return align(chunk.samples, result.text, start_ms=chunk.start_ms, regions=regions, pmap=pm)
    words: list[Word] = []
    for s in result.segments:
        a, b = s.start_ms + chunk.start_ms, s.end_ms + chunk.start_ms
        if b > a and s.text.strip():
            words.extend(align(chunk.samples, s.text, start_ms=chunk.start_ms, span=(a, b), fixed=True, pmap=pm))
    return words


def chunk_pause_map(chunk: Chunk) -> PauseMap:
    return pause_map(chunk.samples, chunk.start_ms, list(chunk.regions) or None)


def cjk_words(words: Sequence[Word]) -> list[Word]:
    """CJK characters (or sub-word pieces) joined into the words of a segmenter (jieba), so that cues
    split only between words; Latin words are returned as they are."""
    raw = "".join(w.text for w in words)
    if not words or not is_cjk_text(raw):
        return list(words)
    out: list[Word] = []
    pending: list[Word] = []
    k, need = 0, 0
    for piece in segment_words(raw):
        need += sum(1 for c in piece if c.isalnum())
        while k < len(words) and _alnum(pending) < need:
            pending.append(words[k])
            k += 1
        if pending and _alnum(pending) == need:
            out.append(Word(pending[0].start_ms, pending[-1].end_ms, "".join(w.text for w in pending),
                            min(w.confidence for w in pending)))
            pending, need = [], 0
    rest = pending + list(words[k:])
    if rest:  # the segmenter and the pieces disagreed at the end: keep them as they are
        out.extend(rest)
    return out


def _alnum(words: Sequence[Word]) -> int:
    return sum(1 for w in words for c in w.text if c.isalnum())


def region_pauses(regions: Sequence[Region]) -> list[int]:
    """The middles of the pauses of at least ``PAUSE_BREAK_MS`` between detected speech regions."""
    return [(a.end_ms + b.start_ms) // 2 for a, b in zip(regions, regions[1:])
            if b.start_ms - a.end_ms >= PAUSE_BREAK_MS]


def words_to_cues(words: Sequence[Word], profile: Profile, pauses: Sequence[int] = ()) -> list[Cue]:
    """Group words into cues: sentences (a sentence mark, a pause of ``PAUSE_BREAK_MS`` between
    two words, or one of ``pauses`` between their middles: a long pause in the detected speech,
    which ends a sentence the recogniser left unpunctuated even when its word times run over the
    pause); a sentence too long for one cue is cut into the fewest balanced pieces, preferring
    clause marks and pauses and never after an article or before a particle
    (:func:`split_sentence`); short sentences that follow closely share a cue while it fits."""
    sentences: list[list[Word]] = []
    marks = sorted(pauses)
    for w in words:
        if sentences and sentences[-1]:
            prev = sentences[-1][-1]
            across = bisect.bisect_right(marks, (prev.start_ms + prev.end_ms) // 2) < bisect.bisect_right(
                marks, (w.start_ms + w.end_ms) // 2)
            if prev.text.strip()[-1:] in SENTENCE_END or w.start_ms - prev.end_ms >= PAUSE_BREAK_MS or across:
                sentences.append([])
        elif not sentences:
            sentences.append([])
        sentences[-1].append(w)
    cues: list[Cue] = []
    group: list[Word] = []
    for sentence in sentences:
        for piece in split_sentence(sentence, profile):
            if group:
                joined = group + piece
                pause = piece[0].start_ms - group[-1].end_ms
                short = measure(_join_words(group)) < profile.max_chars * 0.35
                ends_sentence = group[-1].text.strip()[-1:] in SENTENCE_END
                if (short and ends_sentence and pause <= 250 and measure(_join_words(joined)) <= profile.max_chars
                        and joined[-1].end_ms - joined[0].start_ms <= profile.max_duration_ms):
                    group = joined
                    continue
                cues.append(_cue(group))
            group = list(piece)
    if group:
        cues.append(_cue(group))
    return [c for c in cues if c.text]


def _cue(group: Sequence[Word]) -> Cue:
    sure = min(group[0].confidence, group[-1].confidence) >= UNCERTAIN
    return Cue(group[0].start_ms, max(group[-1].end_ms, group[0].start_ms + 1), _join_words(group),
               "" if sure else UNCERTAIN_FLAG)


def split_sentence(words: Sequence[Word], profile: Profile) -> list[list[Word]]:
    """The fewest pieces (or one more, when that reads much better) of at most ``max_chars`` and
    ``max_duration_ms``, by dynamic programming over the word boundaries: balanced lengths, ends
    on clause marks and pauses preferred, never after an article (Latin) or before a particle or
    closing mark (CJK)."""
    n = len(words)
    if n == 0:
        return []
    chars = measure(_join_words(words))
    dur = words[-1].end_ms - words[0].start_ms
    if n == 1 or (chars <= profile.max_chars and dur <= profile.max_duration_ms):
        return [list(words)]
    latin = not is_cjk_text(_join_words(words))
    lens: list[float] = [(len if latin else display_width)(w.text.strip()) for w in words]
    cut_cost = [0.0] * (n + 1)  # cost of ending a piece after word k-1 (before word k)
    for k in range(1, n):
        cut_cost[k] = boundary_cost(words[k - 1].text, words[k].text, words[k].start_ms - words[k - 1].end_ms,
                                    latin=latin)
    m0 = int(max(-(-chars // profile.max_chars), -(-dur // profile.max_duration_ms), 1))
    best: Optional[tuple[float, list[int]]] = None
    for m in (m0, m0 + 1, m0 + 2):
        target = chars / m
        found = _partition(words, lens, cut_cost, m, target, profile, latin)
        if found is not None:
            cost = found[0] + 1.5 * (m - m0)
            if best is None or cost < best[0]:
                best = (cost, found[1])
    if best is None:  # nothing fits: fall back to cutting at every limit
        return [list(words[k:k + 1]) for k in range(n)]
    cuts = [0] + best[1] + [n]
    return [list(words[a:b]) for a, b in zip(cuts, cuts[1:])]


def _partition(words: Sequence[Word], lens: Sequence[float], cut_cost: Sequence[float], m: int, target: float,
               profile: Profile, latin: bool) -> Optional[tuple[float, list[int]]]:
    """The best cut of ``words`` into ``m`` pieces near ``target`` long: (cost, cut indices), or
    None when no cut keeps every piece within the profile."""
    n = len(words)
    inf = float("inf")
    sep = 1 if latin else 0
    # cost[j][p]: words[:j] in p pieces
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back = [[-1] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for j in range(1, n + 1):
        for i in range(j - 1, -1, -1):
            length = sum(lens[i:j]) + sep * (j - i - 1)
            if length > profile.max_chars:
                break
            if words[j - 1].end_ms - words[i].start_ms > profile.max_duration_ms:
                break
            piece = ((length - target) / max(1.0, target)) ** 2 * 2.0 + (cut_cost[j] if j < n else 0.0)
            if words[j - 1].end_ms - words[i].start_ms < profile.min_duration_ms:
                piece += 1.0
            for p in range(1, m + 1):
                if cost[i][p - 1] + piece < cost[j][p]:
                    cost[j][p] = cost[i][p - 1] + piece
                    back[j][p] = i
    if cost[n][m] == inf:
        return None
    cuts: list[int] = []
    j = n
    for p in range(m, 0, -1):
        j = back[j][p]
        cuts.append(j)
    return cost[n][m], sorted(cuts)[1:]


def boundary_cost(before: str, after: str, pause_ms: int, *, latin: bool) -> float:
    """Cost of a cue or line break between two words (negative: a good place)."""
    from ..text.split import no_line_start
    from .rules import no_break_after

    b = before.strip()
    cost = 0.0
    if b[-1:] in SENTENCE_END:
        cost -= 2.5
    elif b[-1:] in ",;:，；：":  # not 、: it joins the items of a list
        cost -= 1.5
    cost -= min(1.0, max(0, pause_ms - 80) / 200)
    if latin and no_break_after(b):
        cost += 3.0
    if not latin and no_line_start(after.strip()):
        cost += 8.0
    return cost


def _join_words(words: Sequence[Word]) -> str:
    raw = "".join(w.text for w in words)
    return " ".join(raw.split()) if not is_cjk_text(raw) else raw.strip()


def snap_to_regions(cues: list[Cue], regions: Sequence[Region]) -> list[Cue]:
    """Move cue edges onto detected speech edges when that adds or drops little speech (at most
    SNAP_MS): a start in a pause, or just before a region ends, goes to the next speech onset;
    an end just into a region goes back to where the previous one stopped. Never crosses the
    previous cue. A cue that starts up to LEAD_MS into a region whose start no earlier cue reaches
    starts at that region's onset: that speech is nobody else's (Whisper's first word of a piece
    is often placed late)."""
    if not regions:
        return cues
    out: list[Cue] = []
    for c in cues:
        prev_end = out[-1].end if out else -1
        start = _best_edge(c.start, [r.start_ms for r in regions], regions,
                           lo=max(prev_end, c.start - SNAP_MS), hi=c.end - 200)
        lead = next((r for r in regions if r.start_ms < start < r.end_ms), None)
        if lead is not None and lead.start_ms > prev_end and start - lead.start_ms <= LEAD_MS:
            start = lead.start_ms
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


def chunk_text(results: Sequence[ChunkResult]) -> str:
    """The chunks' texts as one line."""
    return join_texts(r.text for r in results)


def retime_cues(pcm: np.ndarray, cues: Sequence[Cue]) -> list[Cue]:
    """Consecutive cues whose text the user just edited (split, merged, retyped) re-timed on the
    file's 16 kHz audio ``pcm``, within the span they cover together: each keeps its text and gets
    the start of its first word and the end of its last; a placement of low confidence is flagged
    ``UNCERTAIN_FLAG`` (other flags are kept). For the editor's edit commands."""
    from .align import retime_texts

    cues = list(cues)
    if not cues:
        return []
    texts = [c.text.replace("\n", " ") if not is_cjk_text(c.text) else c.text.replace("\n", "") for c in cues]
    times = retime_texts(pcm, texts, cues[0].start, cues[-1].end)
    out = []
    for c, (a, b, conf) in zip(cues, times):
        if not c.text.strip():
            out.append(c)
            continue
        flag = c.flag if c.flag not in ("", UNCERTAIN_FLAG) else ("" if conf >= UNCERTAIN else UNCERTAIN_FLAG)
        out.append(Cue(a, max(b, a + 1), c.text, flag))
    return out
