"""Reading rules: profiles, line breaking, and "fix timing" (durations, reading speed, gaps)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional, Sequence

from .document import Cue
from .errors import UsageError
from .text import (CJK_PUNCT_STRIP, SENTENCE_END, is_cjk_text, join_pieces, segment_tagged, split_evenly, units,
                   visible_len)


@dataclass(frozen=True)
class Profile:
    name: str
    label: str
    chars_per_line: int
    max_lines: int
    max_cps: float
    min_duration_ms: int
    max_duration_ms: int
    min_gap_ms: int
    lead_out_ms: int = 500  # how far an end may trail speech to help reading speed

    @property
    def max_chars(self) -> int:
        return self.chars_per_line * self.max_lines


PROFILES: dict[str, Profile] = {p.name: p for p in [
    Profile("netflix-en", "Netflix-like English", 42, 2, 20, 833, 7000, 83),
    Profile("netflix-latin", "Netflix-like other Latin languages", 42, 2, 17, 833, 7000, 83),
    Profile("netflix-zh", "Netflix-like Simplified Chinese", 16, 2, 9, 833, 7000, 83),
    Profile("amazon", "Amazon-like", 42, 2, 17, 1000, 7000, 83),
    Profile("short-form", "Short-form video (vertical)", 24, 2, 25, 700, 5000, 0),
    Profile("subtitle-edit", "Subtitle Edit defaults", 43, 2, 25, 1000, 8000, 24),
]}


def get_profile(name: Optional[str], sample_text: str = "") -> Profile:
    """The named profile, or the default for the text's script (Chinese vs Latin)."""
    if name and name != "auto":
        if name not in PROFILES:
            raise UsageError(f"unknown profile '{name}'; choose one of: {', '.join(PROFILES)}.")
        return PROFILES[name]
    return PROFILES["netflix-zh" if is_cjk_text(sample_text) else "netflix-en"]


# -- line breaking ---------------------------------------------------------------------------
_NO_BREAK_AFTER = {"a", "an", "the", "of", "to", "my", "your", "his", "her", "its", "our", "their", "this",
                   "that", "these", "those", "mr.", "mrs.", "ms.", "dr.", "st."}
_BREAK_BEFORE = {"and", "but", "or", "so", "because", "which", "who", "that", "when", "while", "if", "in", "on",
                 "at", "for", "with", "from", "by", "about", "into", "than", "then", "how", "what", "why",
                 "where", "whenever", "before", "after", "until", "as"}
_NO_BREAK_BEFORE = {"us", "him", "them", "it", "me", "you", "her", "not", "too", "up", "out", "off"}


CJK_PARTICLES = "的了吗呢吧啊呀嘛么着过地得"  # never start a line (among single-character words)
CJK_CLOSING = "，。、；：！？）》」』】”’…,.;:!?)"


def no_break_after(word: str) -> bool:
    """A Latin word a line or cue should not end on (an article, a possessive, a title)."""
    return word.strip().lower() in _NO_BREAK_AFTER


def no_line_start(word: str) -> bool:
    """A CJK word that must not start a line or cue: a particle, or a closing mark."""
    w = word.strip()
    return bool(w) and ((len(w) == 1 and w in CJK_PARTICLES) or w[0] in CJK_CLOSING)


def break_lines(text: str, profile: Profile) -> str:
    """At most ``max_lines`` lines of at most ``chars_per_line`` where possible; prefer breaks after
    punctuation and before conjunctions/prepositions, never after an article; balanced, with the
    bottom line the longer when unequal. Chinese: break at punctuation or evenly, and drop the
    trailing comma/full stop at line ends."""
    lines = text.split("\n")
    if len(lines) == 2 and all(ln.startswith("- ") for ln in lines):
        return text  # a two-speaker cue keeps one line per speaker
    flat = " ".join(text.split()) if not is_cjk_text(text) else text.replace("\n", "")
    if is_cjk_text(flat):
        return _break_cjk(flat, profile)
    if len(flat) <= profile.chars_per_line or profile.max_lines < 2:
        return flat
    words = flat.split(" ")
    best: Optional[tuple[float, int]] = None
    for k in range(1, len(words)):
        top, bottom = " ".join(words[:k]), " ".join(words[k:])
        over = max(0, len(top) - profile.chars_per_line) + max(0, len(bottom) - profile.chars_per_line)
        score = over * 100 + abs(len(top) - len(bottom))
        if len(top) > len(bottom):
            score += 2  # bottom-heavy pyramid preferred
        prev, nxt = words[k - 1].lower(), words[k].lower()
        if prev[-1:] in ",.;:!?":
            score -= 18
        elif nxt.strip(",.") in _BREAK_BEFORE:
            score -= 6
        if prev in _NO_BREAK_AFTER:
            score += 30
        if nxt.strip(",.!?") in _NO_BREAK_BEFORE:
            score += 10
        if k >= 2 and words[k - 2].lower() in ("a", "an", "the") and not prev[-1:] in ",.;:!?":
            score += 8  # likely inside a noun phrase: "a low | pass filter"
        if prev[:1].isupper() and nxt[:1].isupper():
            score += 10  # likely inside a name
        if best is None or score < best[0]:
            best = (score, k)
    assert best is not None
    k = best[1]
    return " ".join(words[:k]) + "\n" + " ".join(words[k:])


def _break_cjk(text: str, profile: Profile) -> str:
    """Two balanced lines broken only between words (jieba), preferably after clause punctuation,
    never before a particle or a closing mark."""
    text = text.strip()
    if len(text) <= profile.chars_per_line:
        return text.rstrip(CJK_PUNCT_STRIP) or text
    tagged = segment_tagged(text)
    words, tags = [w for w, _ in tagged], [t for _, t in tagged]
    best_k, best_score = None, None
    k = 0
    for i, w in enumerate(words[:-1]):
        k += len(w)
        nxt = words[i + 1]
        if no_line_start(nxt) or not w.strip():
            continue
        top, bottom = text[:k], text[k:]
        over = max(0, len(top) - profile.chars_per_line) + max(0, len(bottom) - profile.chars_per_line)
        score = over * 100 + abs(len(top.rstrip(CJK_PUNCT_STRIP)) - len(bottom.rstrip(CJK_PUNCT_STRIP)))
        if top[-1] in "，。、；：！？,":
            score -= 8
        elif (tags[i][:1] == "n" and tags[i + 1][:1] == "n") or (tags[i][:1] == "m" and tags[i + 1][:1] == "q"):
            score += 5  # inside a compound noun (数字 滤波器), or between a number and its measure word
        if best_score is None or score < best_score:
            best_k, best_score = k, score
    if best_k is None:
        return text.rstrip(CJK_PUNCT_STRIP) or text
    top, bottom = text[:best_k].rstrip(CJK_PUNCT_STRIP), text[best_k:].rstrip(CJK_PUNCT_STRIP)
    return top + "\n" + bottom if top else bottom


# -- timing fixes ----------------------------------------------------------------------------
MERGE_GAP_MS = 1000
LEAD_IN_MS = 100  # how far a start may move before the speech onset to help reading speed  # a short cue joins a neighbour at most this far away
DIALOGUE_DASH = "- "


def _room(c: Cue, nxt: Optional[Cue], profile: Profile) -> int:
    """How long ``c`` can last before the next cue (minus the minimum gap) or the longest cue."""
    if nxt is None:
        return profile.max_duration_ms
    return min(profile.max_duration_ms, nxt.start - profile.min_gap_ms - c.start)


def _needs_help(c: Cue, nxt: Optional[Cue], profile: Profile) -> bool:
    """Too short, or too fast to read, even when extended up to the next cue."""
    need = max(profile.min_duration_ms, int(visible_len(c.text) * 1000 / profile.max_cps))
    return bool(c.text.strip()) and not c.flag.startswith("not transcribed") and _room(c, nxt, profile) < need


def _merged_text(a: Cue, b: Cue, profile: Profile) -> str:
    """Two cues' text in one: a quick exchange (a question and its short answer, each fitting a
    line) as a two-speaker cue, one dashed line per speaker; otherwise simply joined."""
    ta, tb = _flat(a.text), _flat(b.text)
    if (ta[-1:] in "?？" and not ta.startswith(DIALOGUE_DASH) and not tb.startswith(DIALOGUE_DASH)
            and max(visible_len(ta), visible_len(tb)) + len(DIALOGUE_DASH) <= profile.chars_per_line
            and tb[-1:] in ".!?。！？…"):
        return f"{DIALOGUE_DASH}{ta}\n{DIALOGUE_DASH}{tb}"
    return join_pieces([ta, tb])


def _flat(text: str) -> str:
    if text.startswith(DIALOGUE_DASH):
        return text
    return text.replace("\n", "") if is_cjk_text(text) else " ".join(text.split())


def merge_short_cues(cues: Sequence[Cue], profile: Profile) -> list[Cue]:
    """A cue too short (or too fast) that cannot grow into the gap after it joins its nearer
    neighbour, when the two fit one cue of the profile; a question and its short answer become a
    two-speaker cue (``- Do you hear me?`` / ``- Yes.``)."""
    out = list(cues)
    i = 0
    while i < len(out):
        c = out[i]
        nxt = out[i + 1] if i + 1 < len(out) else None
        if not _needs_help(c, nxt, profile):
            i += 1
            continue
        options = []
        for j in (i - 1, i + 1):
            if 0 <= j < len(out) and out[j].text.strip() and not out[j].flag.startswith("not transcribed"):
                a, b = (out[j], c) if j < i else (c, out[j])
                gap = b.start - a.end
                text = _merged_text(a, b, profile)
                if (gap <= MERGE_GAP_MS and visible_len(text.replace("\n", "")) <= profile.max_chars
                        and b.end - a.start <= profile.max_duration_ms):
                    # prefer the rest of the same sentence, then a question and its answer, then the nearer
                    rank = gap - (1000 if _flat(a.text)[-1:] not in SENTENCE_END else 0)
                    rank -= 500 if text.startswith(DIALOGUE_DASH) else 0
                    options.append((rank, j, Cue(a.start, b.end, text, a.flag or b.flag)))
        if not options:
            i += 1
            continue
        _, j, merged = min(options)
        lo = min(i, j)
        out[lo:lo + 2] = [merged]
        i = max(0, lo - 1)  # the merged cue may still need help
    return out

def cps(cue: Cue) -> float:
    return visible_len(cue.text) * 1000 / max(1, cue.duration)


def split_long_cue(cue: Cue, profile: Profile) -> list[Cue]:
    """Cut a cue whose text does not fit the profile's lines, or that lasts too long, into pieces
    sharing its time by character count."""
    text = cue.plain() if not is_cjk_text(cue.text) else cue.text.replace("\n", "")
    if visible_len(text) <= profile.max_chars and cue.duration <= profile.max_duration_ms:
        return [cue]
    pieces = units(text, profile.max_chars)
    if len(pieces) == 1 and cue.duration > profile.max_duration_ms:
        n = -(-cue.duration // profile.max_duration_ms)
        pieces = split_evenly(text, max(1, -(-visible_len(text) // n)))
    if len(pieces) <= 1:
        return [cue]
    total = sum(visible_len(p) for p in pieces) or 1
    out, t, acc = [], cue.start, 0
    for k, p in enumerate(pieces):
        acc += visible_len(p)
        end = cue.end if k == len(pieces) - 1 else cue.start + cue.duration * acc // total
        out.append(Cue(t, end, p, cue.flag))
        t = end
    return out


def fix_timing(cues: Sequence[Cue], profile: Profile, *, media_end_ms: Optional[int] = None,
               rebreak: bool = True, merge_short: bool = True) -> list[Cue]:
    """Apply the profile: split over-long cues, merge cues too short to grow with a neighbour,
    re-break lines, keep durations in bounds, extend ends for reading speed where the gap allows,
    keep the minimum gap, never overlap."""
    work: list[Cue] = []
    for c in sorted(cues, key=lambda c: (c.start, c.end)):
        if not c.text.strip() and not c.flag:
            continue
        work.extend(split_long_cue(c, profile) if rebreak else [c])
    if merge_short:
        work = merge_short_cues(work, profile)
    out: list[Cue] = []
    for i, c in enumerate(work):
        text = break_lines(c.text, profile) if rebreak else c.text
        start, end = c.start, c.end
        if out and start < out[-1].end + profile.min_gap_ms:
            # overlap or too close: share the boundary, previous cue gives way first
            prev = out[-1]
            new_prev_end = max(prev.start + 1, start - profile.min_gap_ms)
            if new_prev_end < prev.end:
                out[-1] = replace(prev, end=new_prev_end)
            start = max(start, out[-1].end + profile.min_gap_ms)
        nxt_start = work[i + 1].start if i + 1 < len(work) else (media_end_ms or end + profile.max_duration_ms)
        limit = nxt_start - profile.min_gap_ms
        need = int(visible_len(text) * 1000 / profile.max_cps)
        dur = end - start
        target = min(max(dur, profile.min_duration_ms, need), profile.max_duration_ms)
        if not text.strip() and c.flag:  # a flagged gap (failed or blocked piece) keeps its whole span
            end = max(start + 1, min(end, limit))
        elif target > dur:  # extend for reading speed / minimum duration, only into the free gap
            end = max(end, min(start + target, limit))
        else:
            end = start + target
        if text.strip() and end - start < target:
            # still short or fast: start a little early (lead-in), only into the free gap before it
            floor = out[-1].end + profile.min_gap_ms if out else 0
            start = max(floor, start - LEAD_IN_MS, start - (target - (end - start)), 0) if start > floor else start
        if end <= start:
            end = start + 1
        out.append(Cue(start, end, text, c.flag))
    return out
