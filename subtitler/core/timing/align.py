"""Alignment: put a recognised text back on its audio, word by word (Latin) / character by
character (CJK), for engines that return text without word times (GLM-ASR), for sentence-level
segments, and for re-timing a span after the user edits its text.

How (chosen after measuring; see the ``timing`` benchmark):

1. A *pause map* finer than the chunker's: 10 ms frames, each judged speech or quiet from its
   level in two bands (plain and pre-emphasised, so voiceless consonants count as speech)
   against the piece's own noise floor; quiet runs of ``MIN_PAUSE_MS`` or more are pauses.
   Frames outside the speech detector's regions are quiet too.
2. A *speaking-rate model*: every token weighs its syllables (Mandarin: one per character;
   English: letters and syllables, from pyphen's hyphenation points and vowel groups) and the
   piece's speech time is shared in proportion.
3. *Dynamic programming* places sentence and clause boundaries on pauses: a path through
   (boundary, pause) pairs whose cost adds how far each stretch's speech time is from what its
   syllables predict (a variance growing with its length), boundaries left without a pause
   (a sentence end costs more than a comma) and pauses left without a boundary (longer ones
   cost more).
4. Inside each stretch tokens share the speech time by weight; remaining pauses longer than a
   short closure pull the nearest word boundary onto them.

Every token gets a confidence from how far (in expected error) its edges are from an anchor
(a matched pause or a known end) and from how well its stretch fitted; cues built from tokens
of low confidence are flagged "timing uncertain".

Whisper cross-attention alignment (faster-whisper's ``find_alignment``) was considered and not
used here: it needs the model's encoder pass over every piece, about 0.5 s per 30 s piece for
tiny on two cores, against a budget of 2 % of a cloud run (~15 ms per piece); and it needs a
model for the language, which offline installs only have for English. The offline engine, too,
times its words here by default (engines/local.py: same or better cue edges on the truth
fixtures, ~11 % less decoding time than faster-whisper's word timestamps).
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Protocol, Sequence

import numpy as np

from ..engines.base import Word
from ..media.ffmpeg import SAMPLE_RATE
from .rules import no_break_after
from ..speech.regions import Region
from ..speech.pauses import FRAME_MS, MIN_PAUSE_MS, PauseMap, mask_runs, pause_map
from ..text.script import is_cjk_char, is_cjk_text

EDGE_SEARCH_MS = 300  # a known span edge (segment, cue) is refined to the speech edge this close
RATE_RANGE_MS = (80, 500)  # plausible speech time per weight unit (≈ syllable); the fixtures: 177 en, 262 zh
UNCERTAIN = 0.5  # tokens below this confidence make their cue "timing uncertain"

SENTENCE_MARKS = ".!?。！？…"
CLAUSE_MARKS = ",;:，；：、—"
_CLOSERS = "\"'”’)）」』》】"

# boundary strengths (after a token)
INSIDE_WORD, WORD, CLAUSE, SENTENCE = 0, 1, 2, 3
_SKIP_COST = {CLAUSE: 0.7, SENTENCE: 2.5}  # a boundary with no pause
_MATCH_COST = {CLAUSE: 0.3, SENTENCE: 0.0}


@dataclass(frozen=True)
class Token:
    text: str  # as it will be shown: Latin words with a leading space, CJK characters bare
    weight: float  # expected share of speech time (≈ syllables)
    after: int  # boundary strength after it


# -- tokens ------------------------------------------------------------------------------------

class _Hyphenator(Protocol):
    def inserted(self, word: str) -> str: ...


@lru_cache(maxsize=1)
def _hyphenator() -> Optional[_Hyphenator]:
    try:
        import pyphen

        hyphenator: _Hyphenator = pyphen.Pyphen(lang="en_US")
        return hyphenator
    except Exception:  # pragma: no cover - pyphen is a dependency; vowel groups still work
        return None


_VOWELS = re.compile(r"[aeiouy]+")


def latin_syllables(word: str) -> float:
    """Syllables of a Latin word: the larger of pyphen's hyphenation points + 1 and its vowel groups
    (a final silent e dropped); digits count about one and a half each."""
    letters = "".join(c for c in word.lower() if c.isalpha())
    digits = sum(c.isdigit() for c in word)
    if not letters:
        return max(1.0, 1.5 * digits) if digits else 0.0
    groups = len(_VOWELS.findall(letters))
    if letters.endswith("e") and not letters.endswith(("le", "ee")) and groups > 1:
        groups -= 1
    hy = _hyphenator()
    points = hy.inserted(letters).count("-") + 1 if hy else 1
    return max(1, groups, points) + 1.5 * digits


def _latin_weight(word: str) -> float:
    """Expected duration of a Latin word in syllable units: letters (≈ phonemes) predict it better
    than syllables (on the fluent fixture, median error 14 % vs 26 %), so both count."""
    letters = sum(c.isalnum() for c in word)
    return 0.3 * latin_syllables(word) + 0.25 * letters


def _strength(text: str) -> int:
    core = text.rstrip(_CLOSERS + " ")
    if not core:
        return WORD
    if core[-1] in SENTENCE_MARKS:
        return SENTENCE
    if core[-1] in CLAUSE_MARKS:
        return CLAUSE
    return WORD


def cjk_words(text: str) -> list[str]:
    """jieba's words of ``text`` (punctuation and spaces come out as their own pieces)."""
    from ..text.split import segment_words

    return segment_words(text)


def tokenize(text: str) -> list[Token]:
    """Tokens of a recognised text: CJK characters one by one (their word boundaries from jieba),
    Latin words (and runs of Latin/digits inside CJK text) whole; punctuation rides on the token
    before it and sets the strength of the boundary after it."""
    text = " ".join(text.split())
    if not text:
        return []
    tokens: list[Token] = []
    if not is_cjk_text(text):
        for w in text.split(" "):
            if any(c.isalnum() for c in w):
                tokens.append(Token(" " + w, _latin_weight(w), _strength(w)))
            elif tokens:  # a lone dash or quote: joins the word before
                last = tokens[-1]
                tokens[-1] = Token(last.text + " " + w, last.weight, max(last.after, _strength(w)))
        return _lengthen(_capital_breaks(tokens))
    for piece in cjk_words(text):
        if not piece.strip():
            continue
        if not any(c.isalnum() for c in piece):  # punctuation: attach to the token before
            if tokens:
                last = tokens[-1]
                tokens[-1] = Token(last.text + piece.strip(), last.weight,
                                   max(last.after, _strength(piece.strip())))
            continue
        if all(is_cjk_char(c) for c in piece):
            for k, ch in enumerate(piece):
                tokens.append(Token(ch, 1.0, WORD if k == len(piece) - 1 else INSIDE_WORD))
        else:  # Latin word or number inside Chinese text
            sep = " " if tokens and not is_cjk_char(tokens[-1].text[-1:] or "a") else ""
            tokens.append(Token(sep + piece.strip(), _latin_weight(piece), WORD))
    return _lengthen(tokens)


_NOT_A_START = {"i", "i'm", "i've", "i'll", "i'd"}
_NOT_AN_END = {"and", "or", "but", "at", "in", "on", "for", "with", "from", "by", "into", "as", "than"}


def _capital_breaks(tokens: list[Token]) -> list[Token]:
    """A capitalised word (not an acronym) after a word with no mark between them: a recogniser that left
    a sentence unpunctuated (Whisper at the end of a 30 s window, often) still capitalises the
    next sentence's first word, so the boundary before it counts as a clause boundary (a pause
    there is likely; a proper noun mid-sentence only makes one more candidate). Not after a word
    no sentence ends on ("at the Mac": an article, a possessive, a preposition, a conjunction)."""

    out = list(tokens)
    for k in range(1, len(out)):
        prev, word = out[k - 1], out[k].text.strip()
        head = word.lstrip(_CLOSERS + "\"'“‘(（")
        if (prev.after == WORD and head[:1].isupper() and (len(head) == 1 or not head.isupper())
                and head.lower().rstrip(SENTENCE_MARKS + CLAUSE_MARKS) not in _NOT_A_START
                and not no_break_after(prev.text) and prev.text.strip().lower() not in _NOT_AN_END):
            out[k - 1] = Token(prev.text, prev.weight, CLAUSE)
    return out


_FINAL_LENGTHENING = {CLAUSE: 0.3, SENTENCE: 0.6}  # speakers slow down before a comma / full stop


def _lengthen(tokens: list[Token]) -> list[Token]:
    return [Token(t.text, t.weight + _FINAL_LENGTHENING.get(t.after, 0.0), t.after) for t in tokens]


# -- alignment ---------------------------------------------------------------------------------

@dataclass
class _Stretch:
    a: int  # first token
    b: int  # one past the last token
    fa: int  # first frame
    fb: int  # one past the last frame
    conf_a: float  # how sure its start is
    conf_b: float
    fit: float  # how well its speech time matched its weight (1 good … 0 bad)


def align(samples: np.ndarray, text: str, *, start_ms: int = 0, regions: Optional[Sequence[Region]] = None,
          span: Optional[tuple[int, int]] = None, fixed: bool = False,
          pmap: Optional[PauseMap] = None) -> list[Word]:
    """Words (Latin) / characters (CJK) of ``text`` with absolute start/end ms and a confidence.

    ``samples`` are 16 kHz mono int16 whose first sample is at ``start_ms``; ``regions`` the speech
    detector's regions there (optional). ``span`` (absolute ms) limits the search; with ``fixed``
    the text is known to start and end at the span's edges (a segment, or a cue the user edited),
    which are only refined to the speech edge within ``EDGE_SEARCH_MS``."""
    return align_tokens(samples, tokenize(text), start_ms=start_ms, regions=regions, span=span, fixed=fixed,
                        pmap=pmap)


def align_tokens(samples: np.ndarray, tokens: Sequence[Token], *, start_ms: int = 0,
                 regions: Optional[Sequence[Region]] = None, span: Optional[tuple[int, int]] = None,
                 fixed: bool = False, pmap: Optional[PauseMap] = None) -> list[Word]:
    if not tokens:
        return []
    pm = pmap or pause_map(samples, start_ms, regions)
    lo, hi = span or (start_ms, start_ms + len(samples) * 1000 // SAMPLE_RATE)
    reach = EDGE_SEARCH_MS // FRAME_MS
    if fixed:  # look a little outside the known edges too: they may cut into the first/last word
        lo, hi = lo - EDGE_SEARCH_MS, hi + EDGE_SEARCH_MS
    fa, fb = pm.frame(lo), max(pm.frame(lo) + 1, pm.frame(hi))
    speech = pm.speech[fa:fb]
    idx = np.flatnonzero(speech)
    if fixed:
        a0, b0 = pm.frame(lo + EDGE_SEARCH_MS) - fa, pm.frame(hi - EDGE_SEARCH_MS) - fa
        first, last = _edge(speech, a0, reach, start=True), _edge(speech, b0, reach, start=False)
        edge_conf = 1.0
    elif len(idx):
        first, last = int(idx[0]), int(idx[-1]) + 1
        edge_conf = 1.0
    else:
        first, last = 0, len(speech)
        edge_conf = 0.2
    if last - first < 2:
        first, last = 0, max(2, len(speech))
    local = speech[first:last].copy()
    if not fixed and len(local):
        local[0] = local[-1] = True
    stretches = _anchor(tokens, local)
    # a speaking rate no one speaks at means the text and the audio disagree (words missing or
    # extra): the whole placement is a guess
    ms_per_unit = int(local.sum()) * FRAME_MS / max(1e-6, sum(t.weight for t in tokens))
    if not RATE_RANGE_MS[0] <= ms_per_unit <= RATE_RANGE_MS[1]:
        edge_conf = min(edge_conf, 0.3)
        for s in stretches:
            s.fit *= 0.3
    out: list[Word] = []
    weights = np.array([t.weight for t in tokens], dtype=float)
    base = fa + first
    for s in stretches:
        s.conf_a = min(s.conf_a, edge_conf) if s.a == 0 else s.conf_a
        s.conf_b = min(s.conf_b, edge_conf) if s.b == len(tokens) else s.conf_b
        out.extend(_place(tokens, weights, s, local, base, pm))
    return out


def _edge(speech: np.ndarray, at: int, reach: int, *, start: bool) -> int:
    """A known start (end) moved to the nearest speech onset (offset) within ``reach`` frames: back
    to where the speech it cuts into began, or on past a pause to where speech begins (mirrored
    for an end); unchanged when there is none."""
    n = len(speech)
    at = min(max(0, at), n)
    if not start:  # mirror: an end is a start of the reversed audio
        return n - _edge(speech[::-1], n - at, reach, start=True)
    cands = []
    k = at
    if at < n and speech[at]:
        while k > max(0, at - reach) and speech[k - 1]:
            k -= 1
        if k == 0 or not speech[k - 1]:
            cands.append(k)
    ahead = speech[at: at + reach]
    onsets = np.flatnonzero(ahead[1:] & ~ahead[:-1]) + 1  # speech after a quiet frame
    if at < n and not speech[at] and len(ahead) and ahead.any():
        onsets = np.concatenate(([int(np.argmax(ahead))], onsets))
    if len(onsets):
        cands.append(at + int(onsets[0]))
    return min(cands, key=lambda c: abs(c - at)) if cands else at


def _anchor(tokens: Sequence[Token], speech: np.ndarray) -> list[_Stretch]:
    """Dynamic programming: which sentence/clause boundaries sit on which pauses."""
    n_frames = len(speech)
    pauses = [(a, b) for a, b in mask_runs(~speech) if a > 0 and b < n_frames]
    cum = np.concatenate(([0], np.cumsum(speech)))  # speech frames before frame f
    total_speech = max(1, int(cum[-1]))
    weights = [t.weight for t in tokens]
    wcum = np.concatenate(([0.0], np.cumsum(weights)))
    total_w = max(1e-6, float(wcum[-1]))
    rate = total_speech / total_w  # frames per unit of weight
    n = len(tokens)
    cands = [i for i in range(1, n) if tokens[i - 1].after >= CLAUSE]
    # skipped-boundary cost prefix sums over boundary positions 0..n
    skip = np.zeros(n + 1)
    for i in cands:
        skip[i] = _SKIP_COST[min(tokens[i - 1].after, SENTENCE)]
    skip_cum = np.cumsum(skip)
    # unmatched-pause cost prefix sums over pauses
    pcost = [0.4 + max(0, (b - a) * FRAME_MS - MIN_PAUSE_MS) / 120.0 for a, b in pauses]
    pcost_cum = np.concatenate(([0.0], np.cumsum(pcost)))
    ppos = [int(cum[a]) for a, _ in pauses]  # speech position of each pause
    # nodes: (boundary i, pause j) within a tolerance of the rate model
    nodes: list[tuple[int, int]] = [(0, -1)]
    for j, p in enumerate(ppos):
        for i in cands:
            x = wcum[i] * rate
            tol = 150 + 0.3 * min(x, total_speech - x)
            if abs(x - p) <= tol:
                nodes.append((i, j))
    nodes.append((n, len(pauses)))
    cost = [math.inf] * len(nodes)
    back = [-1] * len(nodes)
    fitz = [0.0] * len(nodes)
    cost[0] = 0.0
    var_syll = (0.4 * rate) ** 2
    for k in range(1, len(nodes)):
        i, j = nodes[k]
        p = total_speech if j == len(pauses) else ppos[j]
        base = 0.0 if i == n else _MATCH_COST[min(tokens[i - 1].after, SENTENCE)]
        best, arg, bz = math.inf, -1, 0.0
        for m in range(k):
            i0, j0 = nodes[m]
            if i0 >= i or j0 >= j or cost[m] == math.inf:
                continue
            p0 = 0 if j0 < 0 else ppos[j0]
            w = wcum[i] - wcum[i0]
            e = w * rate
            d = p - p0
            var = var_syll * w + (0.2 * e) ** 2 + 64.0
            z2 = (d - e) ** 2 / var
            c = (cost[m] + 0.5 * z2 + (skip_cum[i - 1] - skip_cum[i0]) + (pcost_cum[j] - pcost_cum[j0 + 1]))
            if c < best:
                best, arg, bz = c, m, z2
        cost[k], back[k], fitz[k] = best + base, arg, bz
    # walk back from the end node
    chain = []
    k = len(nodes) - 1
    while k > 0:
        chain.append(k)
        k = back[k]
        if k < 0:
            break
    chain.append(0)
    chain.reverse()
    stretches: list[_Stretch] = []
    for m0, m1 in zip(chain, chain[1:]):
        (i0, j0), (i1, j1) = nodes[m0], nodes[m1]
        f0 = 0 if j0 < 0 else pauses[j0][1]
        f1 = n_frames if j1 == len(pauses) else pauses[j1][0]
        fit = math.exp(-max(0.0, math.sqrt(fitz[m1]) - 1.5) / 1.5)
        ca = 1.0 if j0 < 0 else _pause_conf(pauses[j0])
        cb = 1.0 if j1 == len(pauses) else _pause_conf(pauses[j1])
        stretches.append(_Stretch(i0, i1, f0, f1, ca, cb, fit))
    return stretches


def _pause_conf(p: tuple[int, int]) -> float:
    return min(1.0, 0.6 + (p[1] - p[0]) * FRAME_MS / 400.0)


def _place(tokens: Sequence[Token], weights: np.ndarray, s: _Stretch, speech: np.ndarray, base: int,
           pm: PauseMap) -> list[Word]:
    """Tokens of one stretch placed on its speech frames by weight; inner pauses pull the nearest
    word boundary onto them."""
    seg = speech[s.fa:s.fb]
    cum = np.concatenate(([0], np.cumsum(seg)))
    total = max(1, int(cum[-1]))
    w = weights[s.a:s.b]
    wc = np.concatenate(([0.0], np.cumsum(w)))
    tw = max(1e-6, float(wc[-1]))
    rate = total / tw
    # anchors inside the stretch: (token index relative, speech position, frame start, frame end)
    anchors: list[tuple[int, float, int, int]] = [(0, 0.0, 0, 0), (len(w), float(total), len(seg), len(seg))]
    inner = sorted(((b - a, a, b) for a, b in mask_runs(~seg) if a > 0 and b < len(seg)), reverse=True)
    for _, a, b in inner:
        p = float(cum[a])
        # the boundary (between tokens) whose proportional position is nearest, among word boundaries
        best = None
        for k in range(1, len(w)):
            if tokens[s.a + k - 1].after < WORD:
                continue
            if any(k == q[0] for q in anchors):
                continue
            lo = max((q for q in anchors if q[0] < k), key=lambda q: q[0])
            hi = min((q for q in anchors if q[0] > k), key=lambda q: q[0])
            if not (lo[1] <= p <= hi[1]):
                continue
            x = lo[1] + (hi[1] - lo[1]) * (wc[k] - wc[lo[0]]) / max(1e-6, wc[hi[0]] - wc[lo[0]])
            dist = abs(x - p)
            tol = max(10.0, 0.35 * rate * min(wc[k] - wc[lo[0]], wc[hi[0]] - wc[k]) ** 0.5)
            if dist <= tol and (best is None or dist < best[0]):
                best = (dist, k)
        if best is not None:
            anchors.append((best[1], p, a, b))
    anchors.sort()
    # speech position of every token boundary, piecewise linear between anchors
    xs = np.zeros(len(w) + 1)
    anchored = {q[0]: q for q in anchors}
    for (k0, p0, _, _), (k1, p1, _, _) in zip(anchors, anchors[1:]):
        span_w = max(1e-6, wc[k1] - wc[k0])
        for k in range(k0, k1 + 1):
            xs[k] = p0 + (p1 - p0) * (wc[k] - wc[k0]) / span_w
    out: list[Word] = []
    anchor_ks = [q[0] for q in anchors]
    for k in range(len(w)):
        if k in anchored and k > 0:
            fstart = anchored[k][3]
        else:
            fstart = _frame_at(cum, xs[k], first=True)
        if k + 1 in anchored and k + 1 < len(w):
            fend = anchored[k + 1][2]
        elif k + 1 == len(w):
            fend = len(seg)
        else:
            fend = _frame_at(cum, xs[k + 1], first=True)
        fend = max(fend, fstart + 1)
        # confidence: expected error grows with the weight to the nearest anchor
        left = anchor_ks[bisect.bisect_right(anchor_ks, k) - 1]
        right = anchor_ks[bisect.bisect_left(anchor_ks, k + 1)]
        d_start = (wc[k] - wc[left])
        d_end = (wc[right] - wc[k + 1])
        conf_s = s.conf_a if k == 0 else (1.0 if k in anchored else _conf(rate, d_start, wc[right] - wc[k]))
        conf_e = s.conf_b if k + 1 == len(w) else (1.0 if k + 1 in anchored else
                                                   _conf(rate, d_end, wc[k + 1] - wc[left]))
        conf = round(min(conf_s, conf_e) * s.fit, 3)
        t0 = pm.t(base + s.fa + fstart)
        t1 = pm.t(base + s.fa + fend)
        out.append(Word(int(t0), int(max(t1, t0 + 1)), tokens[s.a + k].text, float(conf)))
    return out


def _conf(rate: float, w_near: float, w_far: float) -> float:
    """Confidence of a boundary ``w_near`` weight units from one anchor and ``w_far`` from the other."""
    d = min(w_near, w_far)
    # syllable durations vary by about a quarter, independently: a random walk from the anchor;
    # 0.5 (uncertain) is reached at 400 ms, about 40 syllables of normal speech without a pause
    sigma_ms = 0.25 * rate * FRAME_MS * math.sqrt(max(0.0, d))
    return 1.0 / (1.0 + (sigma_ms / 400.0) ** 2)


def _frame_at(cum: np.ndarray, x: float, *, first: bool) -> int:
    """The first frame at which ``x`` speech frames have passed."""
    return int(np.searchsorted(cum, x, side="left" if first else "right"))


def warm_up(*, segmenter: bool = True) -> None:
    """Load what alignment and Chinese line breaking need (pyphen's dictionary, and with
    ``segmenter`` jieba's), so the first piece does not pay for it; the pipeline runs this while
    the engine works."""
    if segmenter:
        from ..text.split import segment_tagged

        segment_tagged("预热")
    _hyphenator()


# -- spans -------------------------------------------------------------------------------------

def retime_texts(samples: np.ndarray, texts: Sequence[str], start_ms: int, end_ms: int, *,
                 samples_start_ms: int = 0) -> list[tuple[int, int, float]]:
    """(start, end, confidence) for consecutive ``texts`` spoken between ``start_ms`` and ``end_ms``
    (absolute) of ``samples`` (whose first sample is at ``samples_start_ms``): the editor's re-timing
    of a span after a split, merge or retype. A text with no words gets an empty slot at the
    previous end."""
    groups = [tokenize(t) for t in texts]
    tokens: list[Token] = []
    for g in groups:
        if g:
            g = g[:-1] + [Token(g[-1].text, g[-1].weight, max(CLAUSE, g[-1].after))]
        tokens.extend(g)
    words = align_tokens(samples, tokens, start_ms=samples_start_ms, span=(start_ms, end_ms), fixed=True)
    out: list[tuple[int, int, float]] = []
    k = 0
    prev = start_ms
    for g in groups:
        if not g:
            out.append((prev, prev, 0.0))
            continue
        ws = words[k:k + len(g)]
        k += len(g)
        out.append((ws[0].start_ms, ws[-1].end_ms, min(w.confidence for w in ws)))
        prev = ws[-1].end_ms
    return out
