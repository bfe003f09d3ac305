"""`burn`: our burn-in (core.media.ffmpeg.burn_subtitles: progress reading, cancel checks, part file and
rename) of a 20-second 640×360 H.264/AAC clip with bilingual ASS subtitles vs the bare ffmpeg
running the same arguments on the same file, same run, per quality preset. Speed as × realtime.
Goal: ratio <= 1.05."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from common import median_pair, synthetic_video

from subtitler.core.delivery.bilingual import render_bilingual
from subtitler.core.document.cues import Cue
from subtitler.core.media.ffmpeg import burn_command, burn_subtitles, probe

SECONDS = 20


def make_clip() -> Path:
    return synthetic_video(f"clip-{SECONDS}s-640x360.mp4", SECONDS, pattern="testsrc2", crf=28)


def run() -> list[dict]:
    src = make_clip()
    info = probe(src)
    en = [Cue(i * 2000, i * 2000 + 1800, f"This is line number {i + 1} of the lecture.") for i in range(SECONDS // 2)]
    zh = [Cue(c.start, c.end, f"这是讲座的第{i + 1}行。") for i, c in enumerate(en)]
    ass = render_bilingual(en, zh, "ass", source="en", target="zh")
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-burn-") as tmp:
        Path(tmp, "subs.ass").write_text(ass, "utf-8")
        for quality in ("fast", "balanced"):
            ours_out, bare_out = Path(tmp, "ours.mp4"), Path(tmp, "bare.mp4")
            cmd = burn_command(src.resolve(), "subs.ass", bare_out, quality=quality, audio_codec=info.audio_codec)
            cmd = [a for a in cmd if a not in ("-progress", "pipe:1")]  # bare: the same encode, no progress pipe

            def ours(quality=quality, ours_out=ours_out):
                burn_subtitles(src, ass, ours_out, quality=quality)

            def bare(cmd=cmd):
                subprocess.run(cmd, cwd=tmp, check=True, capture_output=True)

            ours_s, bare_s = median_pair(ours, bare, runs=3)
            media_s = info.duration_ms / 1000
            rows.append({"name": "burn", "quality": quality, "size": "640x360", "media_s": media_s,
                         "ours_s": round(ours_s, 2), "bare_s": round(bare_s, 2),
                         "ours_x_realtime": round(media_s / ours_s, 1), "bare_x_realtime": round(media_s / bare_s, 1),
                         "ratio": round(ours_s / bare_s, 3), "goal": 1.05})
    return rows
