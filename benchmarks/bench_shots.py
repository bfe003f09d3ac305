"""`shots`: shot-change detection of a 30-minute 640x360 H.264 video with cuts at known frames
(lavfi sources, speech on the audio track) against bare ffmpeg scdet on the same file, same run;
and what it costs inside a local transcription (tiny.en) of that video.

Goals: ratio <= 1.10 against `ffmpeg -i V -map 0:v:0 -an -vf scdet -f null -` (the bare command
doing the same decoding; `naive_bare_s` is `ffmpeg -i V -vf scdet -f null -`, which also decodes
the audio; `bare_same_flags_s` adds our `-reinit_filter 0`, one run), and detection <= 25 % of a local run's wall time. `extra_wall_s` is what the local run
with Beautify on took longer than with it off (detection runs in the background beside
recognition, so this is what a user waits)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from common import data_dir, median_pair

from subtitler.core.media.ffmpeg import find_ffmpeg, probe
from subtitler.core.media.shots import shot_changes_for

MINUTES = 30
RATE = 25
CLIPS = [97, 151, 233, 310, 412, 129, 263]  # frames, one clip per lavfi source; repeated in this order
ROOT = data_dir().parent.parent


def make_video() -> tuple[Path, list[int]]:
    """The video and the frame of every cut."""
    total = MINUTES * 60 * RATE
    order, n = [], 0
    while n < total:
        k = len(order) % len(CLIPS)
        order.append(k)
        n += CLIPS[k]
    cuts = [sum(CLIPS[k] for k in order[:i]) for i in range(1, len(order))]
    path = data_dir() / f"shots-{MINUTES}min-640x360.mp4"
    if path.exists():
        return path, cuts
    work = Path(tempfile.mkdtemp(dir=data_dir()))
    try:
        clips = []
        for k, frames in enumerate(CLIPS):  # each clip its own source, so every clip boundary is a cut
            clip = work / f"clip{k}.mp4"
            _single_clip(clip, k, frames)
            clips.append(clip)
        listing = work / "list.txt"
        listing.write_text("".join(f"file '{clips[k]}'\n" for k in order), "utf-8")
        video = work / "video.mp4"
        subprocess.run([find_ffmpeg(), "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", str(listing),
                        "-c", "copy", str(video)], check=True)
        tmp = path.with_suffix(".tmp.mp4")
        subprocess.run([find_ffmpeg(), "-v", "error", "-y", "-i", str(video), "-stream_loop", "-1",
                        "-i", str(ROOT / "tests" / "fixtures" / "speech_en.wav"), "-map", "0:v:0", "-map", "1:a:0",
                        "-c:v", "copy", "-c:a", "aac", "-b:a", "64k", "-shortest", str(tmp)], check=True)
        tmp.rename(path)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return path, cuts


def _single_clip(dst: Path, source: int, frames: int) -> None:
    from tests.support.cut_video import SOURCES

    w, h = 640, 360
    src = SOURCES[source % len(SOURCES)].format(s=f"{w}x{h}", r=RATE, p=f"{w // 6}x{h // 4}")
    subprocess.run([find_ffmpeg(), "-v", "error", "-y", "-f", "lavfi", "-i", src, "-frames:v", str(frames),
                    "-vf", f"scale={w}x{h},setsar=1,format=yuv420p", "-c:v", "libx264", "-preset", "ultrafast",
                    "-crf", "30", "-g", "250", "-video_track_timescale", "12800", str(dst)], check=True)


def run() -> list[dict]:
    video, cuts = make_video()
    ffmpeg = find_ffmpeg()
    info = probe(video)
    found: list = []

    def ours():
        with tempfile.TemporaryDirectory(dir=data_dir()) as cache:  # no cache: the full cost
            found[:] = [shot_changes_for(video, folder=Path(cache), duration_ms=info.duration_ms)]

    def bare():
        subprocess.run([ffmpeg, "-nostdin", "-v", "info", "-i", str(video), "-map", "0:v:0", "-an",
                        "-vf", "scdet=threshold=10", "-f", "null", "-"], check=True, capture_output=True)

    def naive():
        subprocess.run([ffmpeg, "-nostdin", "-v", "info", "-i", str(video), "-vf", "scdet=threshold=10",
                        "-f", "null", "-"], check=True, capture_output=True)

    def same_flags():  # bare with our one extra flag: filters are not rebuilt where clips were joined
        subprocess.run([ffmpeg, "-nostdin", "-v", "info", "-reinit_filter", "0", "-i", str(video), "-map", "0:v:0",
                        "-an", "-vf", "scdet=threshold=10", "-f", "null", "-"], check=True, capture_output=True)

    ours_s, bare_s = median_pair(ours, bare, runs=3)
    t0 = time.perf_counter()
    naive()
    naive_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    same_flags()
    same_s = time.perf_counter() - t0
    shots = found[0]
    truth = set(cuts)
    frames = shots.frames()
    exact = sum(1 for f in frames if f in truth)
    within1 = sum(1 for f in frames if {f - 1, f, f + 1} & truth)
    row = {"name": "shots", "media_min": round(info.duration_ms / 60000, 1), "size": "640x360", "fps": RATE,
           "cuts": len(cuts), "found": len(frames), "exact": exact, "within_1_frame": within1,
           "ours_s": round(ours_s, 2), "bare_s": round(bare_s, 2), "ratio": round(ours_s / bare_s, 3),
           "goal": 1.10, "naive_bare_s": round(naive_s, 2),
           "bare_same_flags_s": round(same_s, 2), "ratio_same_flags": round(ours_s / same_s, 3)}
    if os.environ.get("SHOTS_LOCAL", "1") != "0":  # SHOTS_LOCAL=0: detection only (the local runs take long)
        row.update(local_run(video, ours_s))
    return [row]


def local_run(video: Path, detect_s: float) -> dict:
    """A local transcription (tiny.en) of the same video, with Beautify on (background detection,
    no cache) and off."""
    from subtitler.core.engines.local import LocalEngine
    from subtitler.core.app.jobs import TranscribeOptions, transcribe_file
    from subtitler.core.timing.pro_timing import ProTimingOptions

    engine = LocalEngine(None)
    walls = {}
    waited = 0.0
    for on in (False, True):
        with tempfile.TemporaryDirectory(dir=data_dir()) as cache:
            old = os.environ.get("SUBTITLER_CACHE_DIR")
            os.environ["SUBTITLER_CACHE_DIR"] = cache
            try:
                t0 = time.perf_counter()
                res = transcribe_file(video, TranscribeOptions(engine="local", pro_timing=ProTimingOptions(enabled=on)),
                                      engine=engine)
                walls[on] = time.perf_counter() - t0
                if on:
                    waited = res.pro_timing.waited_s
            finally:
                if old is None:
                    os.environ.pop("SUBTITLER_CACHE_DIR", None)
                else:
                    os.environ["SUBTITLER_CACHE_DIR"] = old
    return {"local_wall_s": round(walls[True], 1), "local_wall_off_s": round(walls[False], 1),
            "detect_fraction_of_local": round(detect_s / walls[True], 3), "fraction_goal": 0.25,
            "extra_wall_s": round(walls[True] - walls[False], 1), "waited_after_recognition_s": round(waited, 1)}
