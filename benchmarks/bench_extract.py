"""`extract`: our audio extraction of a ~30-minute H.264/AAC video vs the bare
`ffmpeg -i IN -vn -ac 1 -ar 16000 OUT.wav` on the same file, same run. Goal: ratio <= 1.05."""

from __future__ import annotations

import subprocess

from common import data_dir, median_pair, synthetic_video

from subtitler.core.media.ffmpeg import extract_audio, find_ffmpeg, probe

MINUTES = 30


def make_video():
    return synthetic_video(f"video-{MINUTES}min.mp4", MINUTES * 60, extra=("-ac", "2"))


def run() -> list[dict]:
    src = make_video()
    ffmpeg = find_ffmpeg()
    out_ours, out_bare = data_dir() / "ours.wav", data_dir() / "bare.wav"
    info = probe(src)

    def ours():
        extract_audio(src, out_ours, info=None)

    def bare():
        subprocess.run([ffmpeg, "-v", "error", "-y", "-i", str(src), "-vn", "-ac", "1", "-ar", "16000",
                        str(out_bare)], check=True)

    ours_s, bare_s = median_pair(ours, bare, runs=5)
    same = abs(out_ours.stat().st_size - out_bare.stat().st_size) < 4096
    return [{"name": "extract", "media_min": round(info.duration_ms / 60000, 1), "ours_s": round(ours_s, 3),
             "bare_s": round(bare_s, 3), "ratio": round(ours_s / bare_s, 3), "goal": 1.05, "same_output": same,
             "ffmpeg": ffmpeg}]
