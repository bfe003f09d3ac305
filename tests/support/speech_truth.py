"""Speech with known per-word / per-character times, and scoring cues against that truth.

The fluent fixtures (``tests/fixtures/fluent_<lang>.flac/.json``, made by make_fluent.py) carry
sentences 0.1–0.25 s apart; :func:`load` can re-space the same sentences with long pauses
("paused") by cutting in the middle of each gap and inserting seeded noise at the recorded noise
level, so both variants share one synthesis and one truth."""

from __future__ import annotations

import json
import re
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from subtitler.core.media.ffmpeg import find_ffmpeg

FIX = Path(__file__).resolve().parent.parent / "fixtures"
PAUSED_GAPS_MS = (700, 1100, 600, 900, 1300, 800, 1000)


@dataclass
class Speech:
    lang: str
    variant: str  # fluent | paused
    pcm: np.ndarray
    utterances: list[dict]  # text, start_ms, end_ms
    tokens: list[dict]  # text, start_ms, end_ms, sentence

    @property
    def cjk(self) -> bool:
        return self.lang == "zh"

    def text(self) -> str:
        return ("" if self.cjk else " ").join(u["text"] for u in self.utterances)


def decode(path: Path) -> np.ndarray:
    out = subprocess.run([find_ffmpeg(), "-v", "error", "-i", str(path), "-ac", "1", "-ar", "16000",
                          "-f", "s16le", "-"], capture_output=True, check=True).stdout
    return np.frombuffer(out, dtype=np.int16).copy()


def _surfaces(utts: list[dict], toks: list[dict]) -> None:
    """Give every token its ``surface``: its text as written in its sentence, with the punctuation
    that follows it (what a recogniser would print)."""
    for i, u in enumerate(utts):
        mine = [t for t in toks if t["sentence"] == i]
        text, pos, starts = u["text"], 0, []
        for t in mine:
            at = text.find(t["text"], pos)
            assert at >= 0, (t, text)
            starts.append(at)
            pos = at + len(t["text"])
        for k, t in enumerate(mine):
            end = starts[k + 1] if k + 1 < len(mine) else len(text)
            t["surface"] = text[starts[k]:end].strip()


def load(lang: str, variant: str = "fluent") -> Speech:
    meta = json.loads((FIX / f"fluent_{lang}.json").read_text("utf-8"))
    pcm = decode(FIX / f"fluent_{lang}.flac")
    utts, toks = meta["utterances"], meta["tokens"]
    _surfaces(utts, toks)
    if variant == "fluent":
        return Speech(lang, variant, pcm, utts, toks)
    rng = np.random.default_rng(20)
    parts, shift, cut_prev = [], [], 0
    added = 0
    for i, u in enumerate(utts):
        if i:
            cut = (utts[i - 1]["end_ms"] + u["start_ms"]) // 2 * 16
            parts.append(pcm[cut_prev:cut])
            extra = PAUSED_GAPS_MS[i % len(PAUSED_GAPS_MS)] - (u["start_ms"] - utts[i - 1]["end_ms"])
            noise = rng.normal(0.0, meta["noise_rms"], max(0, extra) * 16)
            parts.append(np.clip(np.round(noise), -32768, 32767).astype(np.int16))
            added += max(0, extra)
            cut_prev = cut
        shift.append(added)
    parts.append(pcm[cut_prev:])
    new_utts = [dict(u, start_ms=u["start_ms"] + shift[i], end_ms=u["end_ms"] + shift[i]) for i, u in enumerate(utts)]
    new_toks = [dict(t, start_ms=t["start_ms"] + shift[t["sentence"]], end_ms=t["end_ms"] + shift[t["sentence"]])
                for t in toks]
    return Speech(lang, variant, np.concatenate(parts), new_utts, new_toks)


def _norm_chars(text: str, cjk: bool) -> str:
    text = re.sub(r"^\s*-\s*", "", text, flags=re.M)  # dialogue dashes
    if cjk:
        return "".join(c for c in text if c.isalnum())
    return " ".join(re.sub(r"[^\w']+", " ", text.lower()).split())


@dataclass
class CueScore:
    start_err: int  # cue start − true onset of its first token
    end_err: int  # cue end − true end of its last token
    text: str


def score_cues(cues: Sequence, speech: Speech) -> list[CueScore]:
    """Each cue matched to the truth tokens it carries (in order); raises if a cue's text is not
    the next part of the transcript."""
    cjk = speech.cjk
    toks = speech.tokens
    units = [_norm_chars(t["text"], cjk) for t in toks]
    out: list[CueScore] = []
    k = 0
    for c in cues:
        if not c.text.strip():
            continue
        want = _norm_chars(c.text.replace("\n", "" if cjk else " "), cjk)
        got, first = "", k
        while k < len(units) and len(got) < len(want):
            got = got + units[k] if cjk else (got + " " + units[k]).strip()
            k += 1
        if got != want:
            raise AssertionError(f"cue {c.text!r} does not continue the transcript (got {got!r})")
        out.append(CueScore(c.start - toks[first]["start_ms"], c.end - toks[k - 1]["end_ms"], c.text))
    if k != len(units):
        raise AssertionError(f"the cues carry {k} of {len(units)} tokens")
    return out


def pct(values: Sequence[float], q: float) -> float:
    v = sorted(values)
    if not v:
        return float("nan")
    return v[min(len(v) - 1, int(round(q / 100 * (len(v) - 1))))]


def profile_ok(cues: Sequence, profile) -> list[bool]:
    """Per cue: minimum/maximum duration, reading speed and minimum gap to the next cue hold."""
    from subtitler.core.timing.rules import cps

    ok = []
    cues = [c for c in cues if c.text.strip()]
    for i, c in enumerate(cues):
        good = profile.min_duration_ms <= c.duration <= profile.max_duration_ms
        good = good and cps(c) <= profile.max_cps + 1e-9
        if i + 1 < len(cues):
            good = good and cues[i + 1].start - c.end >= profile.min_gap_ms
        ok.append(good)
    return ok


def summary(cues: Sequence, speech: Speech, profile) -> dict:
    scores = score_cues(cues, speech)
    starts = [abs(s.start_err) for s in scores]
    ends = [s.end_err for s in scores]
    conform = profile_ok(cues, profile)
    return {
        "cues": len(scores),
        "start_med_ms": round(statistics.median(starts)),
        "start_p90_ms": round(pct(starts, 90)),
        "end_med_ms": round(statistics.median(abs(e) for e in ends)),
        "end_p90_ms": round(pct([abs(e) for e in ends], 90)),
        "ends_in_window": round(sum(-100 <= e <= 600 for e in ends) / len(ends), 3),
        "profile_ok": round(sum(conform) / len(conform), 3),
    }


def jieba_word_ends(text: str) -> set[int]:
    """Offsets (in the CJK characters of ``text``, punctuation dropped) where jieba ends a word."""
    from subtitler.core.text.split import segment_words

    ends, n = set(), 0
    for w in segment_words(text):
        n += sum(1 for c in w if c.isalnum())
        ends.add(n)
    return ends


def cjk_breaks_inside_words(cues: Sequence, speech: Speech) -> list[str]:
    """Line breaks and cue borders that fall inside a jieba word of the source text."""
    ends = jieba_word_ends(speech.text())
    bad, n = [], 0
    for c in cues:
        lines = c.text.split("\n")
        for li, line in enumerate(lines):
            n += sum(1 for ch in line if ch.isalnum())
            if n not in ends and n:
                bad.append(f"{c.text!r} @ line {li}")
    return bad


def media_for(speech: Speech, path: Path) -> tuple[Path, np.ndarray]:
    """The speech as a user's file (AAC in an mp4, with a small video track) made by the real
    ffmpeg, and the samples a job extracts from it (what it uploads). Checks that decoding kept
    the timing (AAC priming trimmed), so the truth holds for the decoded audio."""
    import tempfile

    from subtitler.core.media.ffmpeg import extract_audio, load_wav, write_wav
    from tests.conftest import make_media

    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "src.wav"
        write_wav(wav, speech.pcm)
        make_media(wav, path, video=True, codec="aac")
        out = Path(tmp) / "out.wav"
        extract_audio(path, out)
        decoded = load_wav(out)
    lag = _lag(speech.pcm, decoded)
    assert abs(lag) <= 16 * 5, f"decoded audio is shifted by {lag / 16:.1f} ms"
    return path, decoded


def _lag(a: np.ndarray, b: np.ndarray) -> int:
    """Samples by which ``b`` lags ``a`` (cross-correlation of their first 5 s of envelope)."""
    n = min(len(a), len(b), 16000 * 5)
    x, y = a[:n].astype(np.float64), b[:n].astype(np.float64)
    best, arg = -np.inf, 0
    for lag in range(-400, 401, 4):
        v = float(np.dot(x[max(0, -lag): n - max(0, lag)], y[max(0, lag): n - max(0, -lag)]))
        if v > best:
            best, arg = v, lag
    return arg
