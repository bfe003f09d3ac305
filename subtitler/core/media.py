"""The one ffmpeg wrapper: locate the executable, probe, extract 16 kHz mono PCM.

Commands are built with ffmpeg-python and run as argument lists, never through a shell.
Probing parses ``ffmpeg -i`` (imageio-ffmpeg ships ffmpeg without ffprobe).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import ffmpeg  # ffmpeg-python
import numpy as np

from .errors import FFmpegNotFoundError, MediaError, NoAudioError
from .progress import CancelToken, Progress, ProgressCallback, ensure_token, no_progress

SAMPLE_RATE = 16000

MEDIA_EXTENSIONS = frozenset(
    ".mp4 .mkv .mov .avi .webm .m4v .mpg .mpeg .ts .mts .m2ts .wmv .flv .3gp .ogv "
    ".wav .mp3 .m4a .aac .flac .ogg .oga .opus .wma .aiff .aif .amr .mka".split()
)


def find_ffmpeg() -> str:
    """``$SUBTITLER_FFMPEG``, then ``ffmpeg`` on PATH, then imageio-ffmpeg's bundled binary."""
    env = os.environ.get("SUBTITLER_FFMPEG")
    if env:
        if Path(env).is_file():
            return env
        raise FFmpegNotFoundError(f"SUBTITLER_FFMPEG points to {env}, which is not a file.")
    on_path = shutil.which("ffmpeg")
    if on_path:
        return on_path
    try:
        import imageio_ffmpeg

        return imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError) as exc:
        raise FFmpegNotFoundError(
            "ffmpeg was not found: install it, or `pip install imageio-ffmpeg`, or set SUBTITLER_FFMPEG."
        ) from exc


@dataclass(frozen=True)
class MediaInfo:
    path: Path
    duration_ms: int
    audio_streams: int
    video_streams: int
    audio_codec: str = ""

    @property
    def has_video(self) -> bool:
        return self.video_streams > 0


_DURATION = re.compile(r"Duration:\s*(\d+):(\d+):(\d+(?:\.\d+)?)")
_STREAM = re.compile(r"Stream #\d+:\d+.*?: (Audio|Video): (\w+)")


def ffmpeg_version() -> str:
    """The version ffmpeg reports for itself (``7.0.2-static``), from the binary ``find_ffmpeg`` picks."""
    proc = subprocess.run([find_ffmpeg(), "-hide_banner", "-version"], capture_output=True, timeout=30,
                          stdin=subprocess.DEVNULL)
    m = re.search(r"ffmpeg version (\S+)", proc.stdout.decode("utf-8", "replace"))
    if not m:
        raise MediaError(f"ffmpeg did not report its version ({_last_line(proc.stderr.decode('utf-8', 'replace'))}).")
    return m.group(1)


def _check_input(path: Path) -> None:
    if not path.exists():
        raise MediaError(f"{path.name}: file not found.")
    if path.is_dir():
        raise MediaError(f"{path.name}: is a folder, not a media file.")
    if path.stat().st_size == 0:
        raise MediaError(f"{path.name}: the file is empty.")


def probe(path: Path | str) -> MediaInfo:
    """Duration and streams of a media file; raises MediaError with a readable reason."""
    path = Path(path)
    _check_input(path)
    cmd = [find_ffmpeg(), "-hide_banner", "-nostdin", "-i", str(path)]
    proc = subprocess.run(cmd, capture_output=True, timeout=120)
    return parse_info(path, proc.stderr.decode("utf-8", "replace"))


def parse_info(path: Path, text: str) -> MediaInfo:
    """MediaInfo from ffmpeg's description of its input (stderr at log level info)."""
    streams = _STREAM.findall(text)
    if not streams:
        if "Invalid data found" in text or "could not find codec" in text.lower() or "moov atom not found" in text:
            raise MediaError(f"{path.name}: not a media file, or the file is damaged.")
        raise MediaError(f"{path.name}: ffmpeg cannot read this file ({_last_line(text)}).")
    audio = [codec for kind, codec in streams if kind == "Audio"]
    video = [codec for kind, codec in streams if kind == "Video" and codec not in ("mjpeg", "png")]
    return MediaInfo(path, _duration_ms(text), len(audio), len(video), audio[0] if audio else "")


def _duration_ms(text: str) -> int:
    m = _DURATION.search(text)
    if not m:
        return 0
    h, mi, s = m.groups()
    return int(round((int(h) * 3600 + int(mi) * 60 + float(s)) * 1000))


def _last_line(text: str) -> str:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    return lines[-1] if lines else "no output"


def extraction_command(src: Path, dst: Path) -> list[str]:
    """ffmpeg arguments that write the first audio stream of ``src`` as 16 kHz mono s16 WAV, with
    machine-readable progress on stdout and the input's description on stderr."""
    stream = ffmpeg.input(str(src)).output(
        str(dst), map="0:a:0", vn=None, ac=1, ar=SAMPLE_RATE, acodec="pcm_s16le", f="wav"
    )
    stream = stream.global_args("-nostdin", "-hide_banner", "-v", "info", "-progress", "pipe:1", "-nostats")
    return stream.overwrite_output().compile(cmd=find_ffmpeg())


def extract_audio(
    src: Path | str,
    dst: Path | str,
    *,
    info: Optional[MediaInfo] = None,
    on_progress: ProgressCallback = no_progress,
    cancel: Optional[CancelToken] = None,
) -> MediaInfo:
    """Decode ``src``'s first audio stream into ``dst`` (16 kHz mono WAV) in one ffmpeg run, and
    return the input's MediaInfo read from that same run (no separate probe). Atomic: on failure
    or cancel nothing is left at ``dst``."""
    src, dst = Path(src), Path(dst)
    cancel = ensure_token(cancel)
    _check_input(src)
    if info is not None and info.audio_streams == 0:
        raise NoAudioError(f"{src.name}: the file has no audio track.")
    part = dst.with_name(dst.name + ".part")
    on_progress(Progress("extract", 0.0, "extracting audio"))
    stderr_lines: list[str] = []
    duration = [info.duration_ms if info else 0]

    def read_stderr(pipe) -> None:
        for raw in pipe:
            line = raw.decode("utf-8", "replace")
            stderr_lines.append(line)
            if not duration[0] and "Duration:" in line:
                duration[0] = _duration_ms(line)

    proc = subprocess.Popen(extraction_command(src, part), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL)
    reader = threading.Thread(target=read_stderr, args=(proc.stderr,), daemon=True)
    reader.start()
    try:
        assert proc.stdout is not None
        for raw in proc.stdout:
            if cancel.cancelled:
                proc.terminate()
                break
            key, _, value = raw.decode("ascii", "replace").strip().partition("=")
            if key == "out_time_us" and duration[0] and value.lstrip("-").isdigit():
                frac = min(1.0, max(0.0, int(value) / 1000 / duration[0]))
                on_progress(Progress("extract", frac, "extracting audio"))
        code = proc.wait()
        reader.join()
    except BaseException:
        proc.kill()
        proc.wait()
        part.unlink(missing_ok=True)
        raise
    text = "".join(stderr_lines)
    if cancel.cancelled or code != 0:
        part.unlink(missing_ok=True)
        cancel.check()
        if "matches no streams" in text:
            parse_info(src, text)  # not media at all → MediaError; else it has no audio:
            raise NoAudioError(f"{src.name}: the file has no audio track.")
        parse_info(src, text)
        raise MediaError(f"{src.name}: audio extraction failed ({_last_error(text)}).")
    os.replace(part, dst)
    on_progress(Progress("extract", 1.0, "audio extracted"))
    return info or parse_info(src, text)


def _last_error(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith(" ")
             and not ln.startswith(("size=", "Input #", "Output #", "Stream mapping"))]
    return lines[-1] if lines else "unknown error"


def load_wav(path: Path | str) -> np.ndarray:
    """Samples of a 16 kHz mono 16-bit WAV as int16."""
    with wave.open(str(path), "rb") as w:
        if w.getframerate() != SAMPLE_RATE or w.getnchannels() != 1 or w.getsampwidth() != 2:
            raise MediaError(f"{Path(path).name}: expected 16 kHz mono 16-bit WAV.")
        return np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)


def write_wav(path: Path | str, pcm: np.ndarray) -> None:
    with wave.open(path if hasattr(path, "write") else str(path), "wb") as w:  # a path or a binary file
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(np.asarray(pcm, dtype=np.int16).tobytes())


def wav_bytes(pcm: np.ndarray) -> bytes:
    """An in-memory WAV file of 16 kHz mono int16 samples (for uploads)."""
    import io

    buf = io.BytesIO()
    write_wav(buf, pcm)  # type: ignore[arg-type]
    return buf.getvalue()


def is_media_path(path: Path) -> bool:
    return path.suffix.lower() in MEDIA_EXTENSIONS


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Files as given; folders expanded (recursively, sorted naturally) to the media files inside."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = [f for f in p.rglob("*") if f.is_file() and is_media_path(f) and not f.name.startswith(".")]
            out.extend(sorted(found, key=_natural_key))
        else:
            out.append(p)
    return out


def _natural_key(p: Path) -> list:
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", str(p))]


def ms_to_samples(ms: int) -> int:
    return ms * SAMPLE_RATE // 1000


def samples_to_ms(n: int) -> int:
    return n * 1000 // SAMPLE_RATE


def decode_head(src: Path | str, ms: int) -> np.ndarray:
    """The first ``ms`` of ``src``'s first audio stream as 16 kHz mono int16 samples, decoded
    straight into memory (a job shows its first cues while the whole file is still extracting).
    MediaError when that fails (the full extraction then reports the reason properly)."""
    cmd = [find_ffmpeg(), "-nostdin", "-hide_banner", "-v", "error", "-t", f"{max(1, ms) / 1000:.3f}",
           "-i", str(src), "-map", "0:a:0", "-vn", "-ac", "1", "-ar", str(SAMPLE_RATE), "-acodec", "pcm_s16le",
           "-f", "s16le", "pipe:1"]
    try:
        proc = subprocess.run(cmd, capture_output=True, stdin=subprocess.DEVNULL, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise MediaError(f"{Path(src).name}: cannot decode the start ({type(exc).__name__}).") from None
    if proc.returncode != 0:
        raise MediaError(f"{Path(src).name}: cannot decode the start.")
    return np.frombuffer(proc.stdout, dtype=np.int16).copy()
