"""Videos with cuts at known frames, made with the real ffmpeg from lavfi sources (for the
shot-change tests and the `shots` benchmark)."""

from __future__ import annotations

import subprocess
from fractions import Fraction
from pathlib import Path
from typing import Optional, Sequence

# distinct looks, so every cut is a real change of picture; each moves a little within its shot
SOURCES = [
    "testsrc2=s={s}:r={r}",
    "smptebars=s={s}:r={r}",
    "mandelbrot=s={s}:r={r}",
    "rgbtestsrc=s={s}:r={r}",
    "life=s={s}:r={r}:ratio=0.3:mold=10:life_color=#00ff00:death_color=#aa0000:seed=7",
    "pal75bars=s={s}:r={r}",
    "yuvtestsrc=s={s}:r={r}",  # (not colorchart: ffmpeg 5.1 aborts on it)
]


def ffmpeg() -> str:
    from subtitler.core.media.ffmpeg import find_ffmpeg

    return find_ffmpeg()


def make_cut_video(dst: Path, segments: Sequence[int], *, rate: str | Sequence[str] = "25", size: str = "160x90",
                   audio: Optional[Path] = None, crf: int = 30) -> Path:
    """Concatenate ``segments`` (frame counts) of alternating lavfi sources into ``dst``; a cut is
    at the first frame of every segment after the first. ``rate`` may be one rate per segment
    (a variable-frame-rate video; use .mkv or .mp4). ``audio``: a track to mux (cut to the video)."""
    rates = [rate] * len(segments) if isinstance(rate, str) else list(rate)
    cmd = [ffmpeg(), "-v", "error", "-y"]
    graph = []
    for k, (n, r) in enumerate(zip(segments, rates)):
        cmd += ["-f", "lavfi", "-i", SOURCES[k % len(SOURCES)].format(s=size, r=r)]
        graph.append(f"[{k}:v]trim=end_frame={n},setpts=PTS-STARTPTS,scale={size},setsar=1,format=yuv420p,"
                     f"settb=1/90000[v{k}]")
    graph.append("".join(f"[v{k}]" for k in range(len(segments))) + f"concat=n={len(segments)}:v=1:a=0[v]")
    if audio is not None:
        cmd += ["-i", str(audio)]
    cmd += ["-filter_complex", ";".join(graph), "-map", "[v]"]
    if audio is not None:
        cmd += ["-map", f"{len(segments)}:a:0", "-c:a", "aac", "-shortest"]
    variable = len(set(rates)) > 1
    cmd += ["-fps_mode", "passthrough" if variable else "cfr", "-c:v", "libx264", "-preset", "ultrafast",
            "-crf", str(crf), "-g", "250"]
    if dst.suffix == ".mp4":
        cmd += ["-video_track_timescale", "90000"]
    cmd.append(str(dst))
    subprocess.run(cmd, check=True, timeout=600)
    return dst


def cut_times_ms(segments: Sequence[int], rate: str | Sequence[str] = "25") -> list[Fraction]:
    """Exact times (ms, as fractions) of the cuts of :func:`make_cut_video`."""
    rates = [rate] * len(segments) if isinstance(rate, str) else list(rate)
    t, out = Fraction(0), []
    for n, r in zip(segments[:-1], rates[:-1]):
        t += Fraction(n) * 1000 / Fraction(r)
        out.append(t)
    return out
