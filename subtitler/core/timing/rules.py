"""Reading rules: profiles, line breaking, and "fix timing" (durations, reading speed, gaps)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional, Sequence

from ..document.cues import Cue
from ..foundation.errors import Reason, UsageError
from ..text.script import char_width, display_width, is_cjk_text, join_texts, measure
from ..text.split import CJK_PUNCT_STRIP, SENTENCE_END, no_line_start, segment_tagged, split_evenly, units


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
    cjk: bool = False  # a Chinese profile: Chinese text with Latin words in it is laid out as Chinese
    zh_punct: str = "netflix"  # Chinese punctuation style (zh.PUNCT_STYLES); "keep": line ends untouched

    @property
    def max_chars(self) -> int:
        return self.chars_per_line * self.max_lines


PROFILES: dict[str, Profile] = {p.name: p for p in [
    Profile("netflix-en", "Netflix-like English", 42, 2, 20, 833, 7000, 83),
    Profile("netflix-latin", "Netflix-like other Latin languages", 42, 2, 17, 833, 7000, 83),
    Profile("netflix-zh", "Netflix-like Simplified Chinese", 16, 2, 9, 833, 7000, 83, cjk=True),
    Profile("amazon", "Amazon-like", 42, 2, 17, 1000, 7000, 83),
    Profile("short-form", "Short-form video (vertical)", 24, 2, 25, 700, 5000, 0),
    Profile("subtitle-edit", "Subtitle Edit defaults", 43, 2, 25, 1000, 8000, 24),
]}


def get_profile(name: Optional[str], sample_text: str = "") -> Profile:
    """The named profile, or the default for the text's script (Chinese, also with English terms
    in it, vs Latin)."""
    if name and name != "auto":
        if name not in PROFILES:
            raise UsageError(Reason("profile.unknown", name=name, choices=", ".join(PROFILES)))
        return PROFILES[name]
    return PROFILES["netflix-zh" if is_cjk_text(sample_text) else "netflix-en"]


# -- line breaking ---------------------------------------------------------------------------
_NO_BREAK_AFTER = {"a", "an", "the", "of", "to", "my", "your", "his", "her", "its", "our", "their", "this",
                   "that", "these", "those", "mr.", "mrs.", "ms.", "dr.", "st."}
_BREAK_BEFORE = {"and", "but", "or", "so", "because", "which", "who", "that", "when", "while", "if", "in", "on",
                 "at", "for", "with", "from", "by", "about", "into", "than", "then", "how", "what", "why",
                 "where", "whenever", "before", "after", "until", "as"}
_NO_BREAK_BEFORE = {"us", "him", "them", "it", "me", "you", "her", "not", "too", "up", "out", "off"}




def no_break_after(word: str) -> bool:
    """A Latin word a line or cue should not end on (an article, a possessive, a title)."""
    return word.strip().lower() in _NO_BREAK_AFTER


def break_lines(text: str, profile: Profile) -> str:
    """At most ``max_lines`` lines of at most ``chars_per_line`` where possible; prefer breaks after
    punctuation and before conjunctions/prepositions, never after an article; balanced, with the
    bottom line the longer when unequal. Chinese: break at punctuation or evenly, and drop the
    trailing comma/full stop at line ends (unless the profile keeps punctuation as recognised).
    Chinese lengths are widths (script.measure: Latin letters and digits count half); Chinese breaks
    fall between words (jieba). A two-speaker cue keeps its one line per speaker."""
    lines = text.split("\n")
    if len(lines) == 2 and all(ln.startswith(DIALOGUE_DASH) for ln in lines):
        return text
    if is_cjk_text(text):
        return _break_cjk(join_texts(text.split("\n")), profile)
    flat = " ".join(text.split())
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
        if k >= 2 and words[k - 2].lower() in ("a", "an", "the") and prev[-1:] not in ",.;:!?":
            score += 8  # likely inside a noun phrase: "a low | pass filter"
        if prev[:1].isupper() and nxt[:1].isupper():
            score += 10  # likely inside a name
        if best is None or score < best[0]:
            best = (score, k)
    assert best is not None
    k = best[1]
    return " ".join(words[:k]) + "\n" + " ".join(words[k:])


def _compound(tag_before: str, tag_after: str) -> bool:
    """Two jieba words that read as one: noun + noun, number + measure word."""
    return (tag_before[:1] == "n" and tag_after[:1] == "n") or (tag_before[:1] == "m" and tag_after[:1] == "q")


_NO_LINE_START = "，。、；：！？）》」』”’,.;:!?)"


def _break_cjk(text: str, profile: Profile) -> str:
    """Two balanced lines broken only between words (jieba), preferably after clause punctuation,
    never before a particle or a closing mark."""
    text = text.strip()
    strip = "" if profile.zh_punct == "keep" else CJK_PUNCT_STRIP
    if display_width(text) <= profile.chars_per_line:
        return text.rstrip(strip) or text
    upto = [0.0]  # width of text[:k], for every k
    for ch in text:
        upto.append(upto[-1] + char_width(ch))
    bounds: dict[int, tuple[str, str]] = {}  # jieba word boundaries: offset -> (tag before, tag after)
    tagged = segment_tagged(text)
    k = 0
    for i, (w, tag) in enumerate(tagged[:-1]):
        k += len(w)
        if not no_line_start(tagged[i + 1][0]):
            bounds[k] = (tag, tagged[i + 1][1])
    best_k, best_score = len(text) // 2, None
    for between_words in (True, False):  # anywhere only when no word boundary is left
        for k in range(1, len(text)):
            if between_words and k not in bounds:
                continue
            if text[k - 1].isascii() and text[k].isascii() and not (text[k - 1].isspace() or text[k].isspace()):
                continue  # never inside a Latin word, a number or a name such as GLM-ASR
            if text[k] in _NO_LINE_START:
                continue
            top = upto[k] - (0.5 if text[k - 1] == " " else 0.0)  # a space at the break goes
            bottom = upto[-1] - upto[k] - (0.5 if text[k] == " " else 0.0)
            over = max(0, top - profile.chars_per_line) + max(0, bottom - profile.chars_per_line)
            score = over * 100 + abs(top - bottom)
            if text[k - 1] in "，。；：！？," or (text[k - 1] == " " and text[k - 2:k - 1] in ("，", "。", ",")):
                score -= 8
            elif text[k - 1] == "、":
                score += 2  # inside an enumeration (and a line-end 、 is dropped by the Netflix style)
            elif k in bounds and _compound(*bounds[k]):
                score += 5  # inside a compound noun (数字 滤波器), or between a number and its measure word
            if best_score is None or score < best_score:
                best_k, best_score = k, score
        if best_score is not None:
            break
    first, second = text[:best_k].rstrip().rstrip(strip), text[best_k:].strip().rstrip(strip)
    return first + "\n" + second if first else second


# -- timing fixes ----------------------------------------------------------------------------
MERGE_GAP_MS = 1000  # a short cue joins a neighbour at most this far away
LEAD_IN_MS = 100  # how far a start may move before the speech onset to help reading speed
DIALOGUE_DASH = "- "


def _room(c: Cue, nxt: Optional[Cue], profile: Profile) -> int:
    """How long ``c`` can last before the next cue (minus the minimum gap) or the longest cue."""
    if nxt is None:
        return profile.max_duration_ms
    return min(profile.max_duration_ms, nxt.start - profile.min_gap_ms - c.start)


def _needs_help(c: Cue, nxt: Optional[Cue], profile: Profile) -> bool:
    """Too short, or too fast to read, even when extended up to the next cue."""
    need = max(profile.min_duration_ms, int(measure(c.text) * 1000 / profile.max_cps))
    return bool(c.text.strip()) and not c.flag.startswith("not transcribed") and _room(c, nxt, profile) < need


def _merged_text(a: Cue, b: Cue, profile: Profile) -> str:
    """Two cues' text in one: a quick exchange (a question and its short answer, each fitting a
    line) as a two-speaker cue, one dashed line per speaker; otherwise simply joined."""
    ta, tb = _flat(a.text), _flat(b.text)
    if (ta[-1:] in "?？" and not ta.startswith(DIALOGUE_DASH) and not tb.startswith(DIALOGUE_DASH)
            and max(measure(ta), measure(tb)) + len(DIALOGUE_DASH) <= profile.chars_per_line
            and tb[-1:] in ".!?。！？…"):
        return f"{DIALOGUE_DASH}{ta}\n{DIALOGUE_DASH}{tb}"
    return join_texts([ta, tb])


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
                if (gap <= MERGE_GAP_MS and measure(text.replace("\n", "")) <= profile.max_chars
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
    """Reading speed in characters per second (Chinese: Netflix width, script.measure)."""
    return measure(cue.text) * 1000 / max(1, cue.duration)


def split_long_cue(cue: Cue, profile: Profile) -> list[Cue]:
    """Cut a cue whose text does not fit the profile's lines, or that lasts too long, into pieces
    sharing its time by character count."""
    text = cue.plain() if not is_cjk_text(cue.text) else join_texts(cue.text.split("\n"))
    if measure(text) <= profile.max_chars and cue.duration <= profile.max_duration_ms:
        return [cue]
    pieces = units(text, profile.max_chars)
    if len(pieces) == 1 and cue.duration > profile.max_duration_ms:
        n = -(-cue.duration // profile.max_duration_ms)
        pieces = split_evenly(text, max(1, -(-measure(text) // n)))
    if len(pieces) <= 1:
        return [cue]
    total = sum(measure(p) for p in pieces) or 1.0
    out, t, acc = [], cue.start, 0.0
    for k, p in enumerate(pieces):
        acc += measure(p)  # the time shared by length as the rules count it (Chinese: width)
        end = cue.end if k == len(pieces) - 1 else cue.start + int(cue.duration * acc // total)
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
        need = int(measure(text) * 1000 / profile.max_cps)
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
