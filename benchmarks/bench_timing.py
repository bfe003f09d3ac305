"""Timing truth: how close cues made from GLM-ASR answers land to the known word times.

For each of {text-only, segments} × {paused, fluent} × {zh, en}: the fluent fixture (espeak-ng
speech with per-word / per-character truth, sentences 0.1–0.25 s apart, 20 dB SNR noise) or its
paused variant (the same sentences 0.6–1.3 s apart) is encoded to AAC in an mp4 by the real
ffmpeg, served by the GLM-ASR stand-in (tests/support/glm_server.py, recognising word by word,
answering with or without ``segments``) and run through ``transcribe_file`` end to end.

Per row: cue start error vs the true onset of the cue's first word (|median|, p90, ms), end error
vs the true end of its last word, the fraction of ends within [−100, +600] ms, the fraction of
cues within the profile (min/max duration, reading speed, min gap), cues flagged "timing
uncertain", and the alignment step's share of the run's wall time (``align_share``; the
stand-in answers in 1 s + 0.05 s per audio second, ``BENCH_TIMING_SCALE`` scales it);
``prep_bg_s``: time spent making pause maps on a background thread while the engine waits on
the network (overlapped, so not part of the share).

    python benchmarks/bench_timing.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from subtitler.core.app import jobs
from subtitler.core.timing import cue_times as timing
from subtitler.core.engines.glm import GlmSettings
from subtitler.core.app.jobs import TranscribeOptions, transcribe_file
from subtitler.core.timing.rules import get_profile
from tests.support.glm_server import GlmServer
from tests.support.speech_truth import load, media_for, summary

SCALE = float(os.environ.get("BENCH_TIMING_SCALE", "1.0"))


class _Clock:
    """Wall time spent in a function (the alignment step), wrapped for the run."""

    def __init__(self, module, name: str) -> None:
        self.seconds = 0.0
        self.module, self.name = module, name
        self.inner = getattr(module, name, None)

    def __enter__(self) -> "_Clock":
        if self.inner is not None:
            setattr(self.module, self.name, self)
        return self

    def __exit__(self, *exc) -> None:
        if self.inner is not None:
            setattr(self.module, self.name, self.inner)

    def __call__(self, *args, **kwargs):
        t0 = time.perf_counter()
        try:
            return self.inner(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - t0


def run_case(lang: str, variant: str, segments: bool, tmp: Path) -> dict:
    speech = load(lang, variant)
    media, decoded = media_for(speech, tmp / f"{lang}-{variant}.mp4")
    srv = GlmServer(segments=segments, scale=SCALE).start()
    try:
        srv.register(decoded, speech.utterances, cjk=speech.cjk, tokens=speech.tokens)
        settings = GlmSettings(api_key=srv.config.api_key, base_url=srv.base_url, use_cache=False)
        with _Clock(timing, "align_result") as clock, _Clock(jobs, "chunk_pause_map") as prep:
            t0 = time.perf_counter()
            result = transcribe_file(media, TranscribeOptions(engine="glm", glm_settings=settings))
            wall = time.perf_counter() - t0
    finally:
        srv.stop()
    cues = result.document.cues
    profile = get_profile(result.document.profile)
    return {"case": f"{'segments' if segments else 'text-only'}/{variant}/{lang}", **summary(cues, speech, profile),
           "uncertain": sum(1 for c in cues if "uncertain" in c.flag), "wall_s": round(wall, 2),
           "align_s": round(clock.seconds, 3), "align_share": round(clock.seconds / wall, 4),
           "prep_bg_s": round(prep.seconds, 3)}


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="bench-timing-") as tmp:
        return [run_case(lang, variant, segments, Path(tmp))
                for segments in (False, True) for variant in ("paused", "fluent") for lang in ("zh", "en")]


if __name__ == "__main__":
    import json

    for r in run():
        print(json.dumps(r, ensure_ascii=False), flush=True)
