"""The one ffmpeg wrapper: locate the executable, probe, extract 16 kHz mono PCM, burn subtitles
in, read video frame times and run filter passes (shot changes) — all through one process runner
(:func:`_run_ffmpeg`: progress, cancel, stderr kept, low priority on request).

Commands are run as argument lists, never through a shell. Probing parses ``ffmpeg -i``
(imageio-ffmpeg ships ffmpeg without ffprobe).
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import threading
import time
import wave
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import IO, TYPE_CHECKING, BinaryIO, Callable, Optional, Sequence, Union

from ..foundation.errors import FFmpegNotFoundError, MediaError, NoAudioError, Reason
from ..foundation.progress import CancelToken, Progress, ProgressCallback, ensure_token, no_progress
from ..foundation.timecode import format_clock, parse_time

if TYPE_CHECKING:  # numpy and ffmpeg-python are imported where used: finding inputs or burn presets is cheap
    import numpy as np

SAMPLE_RATE = 16000

MEDIA_EXTENSIONS = frozenset(
    ".mp4 .mkv .mov .avi .webm .m4v .mpg .mpeg .ts .mts .m2ts .wmv .flv .3gp .ogv "
    ".wav .mp3 .m4a .aac .flac .ogg .oga .opus .wma .aiff .aif .amr .mka".split()
)


MIN_FFMPEG = (5, 1)  # the oldest ffmpeg the product and its tests are run with (Debian 12's 5.1)


def find_ffmpeg() -> str:
    """``$SUBTITLER_FFMPEG``, then ``ffmpeg`` on PATH, then imageio-ffmpeg's bundled binary. An ffmpeg
    older than :data:`MIN_FFMPEG` is refused with a clear sentence (SUBTITLER_FFMPEG) or passed
    over for the bundled one (PATH)."""
    env = os.environ.get("SUBTITLER_FFMPEG")
    if env:
        if not Path(env).is_file():
            raise FFmpegNotFoundError(Reason("ffmpeg.env", path=env))
        _require_supported(env)
        return env
    on_path = shutil.which("ffmpeg")
    if on_path and _release_of(on_path) >= MIN_FFMPEG:
        return on_path
    try:
        import imageio_ffmpeg

        exe: str = imageio_ffmpeg.get_ffmpeg_exe()
        return exe
    except (ImportError, RuntimeError) as exc:
        if on_path:
            _require_supported(on_path)
        raise FFmpegNotFoundError(Reason("ffmpeg.missing", command="pip install imageio-ffmpeg")) from exc


_RELEASES: dict[str, tuple[int, int]] = {}
_RELEASE = re.compile(r"ffmpeg version n?(\d+)\.(\d+)")


def _release_of(exe: str) -> tuple[int, int]:
    """(major, minor) of the ffmpeg at ``exe``, asked once per path; a development build (``N-…``,
    a git snapshot) or an answer we cannot read counts as new (99, 0)."""
    known = _RELEASES.get(exe)
    if known is None:
        try:
            proc = subprocess.run([exe, "-hide_banner", "-version"], capture_output=True, timeout=30,
                                  stdin=subprocess.DEVNULL)
            m = _RELEASE.search(proc.stdout.decode("utf-8", "replace"))
        except (OSError, subprocess.SubprocessError):
            m = None
        known = _RELEASES[exe] = (int(m.group(1)), int(m.group(2))) if m else (99, 0)
    return known


def _require_supported(exe: str) -> None:
    release = _release_of(exe)
    if release < MIN_FFMPEG:
        raise FFmpegNotFoundError(Reason("ffmpeg.too_old", path=exe, version="%d.%d" % release,
                                         minimum="%d.%d" % MIN_FFMPEG, command="pip install imageio-ffmpeg"))


@dataclass(frozen=True)
class MediaInfo:
    path: Path
    duration_ms: int
    audio_streams: int
    video_streams: int
    audio_codec: str = ""
    decode_errors: int = 0  # lines of ffmpeg's stderr that reported damaged input (extraction only)
    damage_sample: str = ""  # the first of them

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
        raise MediaError(Reason("ffmpeg.no_version", detail=_last_line(proc.stderr.decode("utf-8", "replace"))))
    return m.group(1)


def _check_input(path: Path) -> None:
    if not path.exists():
        raise MediaError(Reason("media.not_found", name=path.name))
    if path.is_dir():
        raise MediaError(Reason("media.is_folder", name=path.name))
    if path.stat().st_size == 0:
        raise MediaError(Reason("media.empty", name=path.name))


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
            raise MediaError(Reason("media.not_media", name=path.name))
        raise MediaError(Reason("media.unreadable", name=path.name, detail=_last_line(text)))
    audio = [codec for kind, codec in streams if kind == "Audio"]
    video = [codec for kind, codec in streams if kind == "Video" and codec not in ("mjpeg", "png")]
    return MediaInfo(path, _duration_ms(text), len(audio), len(video), audio[0] if audio else "")


def _duration_ms(text: str) -> int:
    m = _DURATION.search(text)
    if not m:
        return 0
    h, mi, s = m.groups()
    return parse_time(f"{h}:{mi}:{s}")


def _last_line(text: str) -> str:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    return lines[-1] if lines else "no output"


def extraction_command(src: Path, dst: Path) -> list[str]:
    """ffmpeg arguments that write the first audio stream of ``src`` as 16 kHz mono s16 WAV, with
    machine-readable progress on stdout and the input's description on stderr."""
    # aresample=async fills holes left by damaged packets with silence, so what follows a hole
    # keeps its time (cues stay on the video) instead of sliding earlier
    import ffmpeg  # ffmpeg-python

    stream = ffmpeg.input(str(src)).output(
        str(dst), map="0:a:0", vn=None, ac=1, ar=SAMPLE_RATE, acodec="pcm_s16le", f="wav",
        af=f"aresample={SAMPLE_RATE}:async=1:first_pts=0",
    )
    stream = stream.global_args("-nostdin", "-hide_banner", "-v", "info", "-progress", "pipe:1", "-nostats")
    cmd: list[str] = stream.overwrite_output().compile(cmd=find_ffmpeg())
    return cmd


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
        raise NoAudioError(Reason("media.no_audio", name=src.name))
    part = dst.with_name(dst.name + ".part")
    on_progress(Progress("extract", 0.0, "extracting audio"))
    code, text = run_with_progress(extraction_command(src, part), info.duration_ms if info else 0, part,
                                   "extract", "extracting audio", on_progress, cancel)
    if cancel.cancelled or code != 0:
        part.unlink(missing_ok=True)
        cancel.check()
        raise extraction_failure(src, dst, text)
    try:
        os.replace(part, dst)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise MediaError(Reason("media.keep_failed", name=src.name, detail=exc.strerror or str(exc))) from None
    on_progress(Progress("extract", 1.0, "audio extracted"))
    found = info or parse_info(src, text)
    errors = [ln.strip() for ln in text.splitlines() if _DAMAGE.search(ln)]
    if errors:
        found = dataclasses.replace(found, decode_errors=len(errors), damage_sample=errors[0][:200])
    return found


def extraction_failure(src: Path, dst: Path, text: str) -> MediaError:
    """The error for a failed extraction, from ffmpeg's stderr ``text`` (what a user can act on,
    not ffmpeg's closing "Conversion failed!")."""
    if "matches no streams" in text:
        parse_info(src, text)  # not media at all → MediaError; else it has no audio:
        return NoAudioError(Reason("media.no_audio", name=src.name))
    if "No space left on device" in text:
        return MediaError(Reason("media.disk_full", name=src.name, folder=str(dst.parent)))
    if "Disk quota exceeded" in text:
        return MediaError(Reason("media.quota", name=src.name, folder=str(dst.parent)))
    parse_info(src, text)
    return MediaError(Reason("media.extract_failed", name=src.name, detail=_last_error(text)))


# ffmpeg's words for damaged input (a clean file prints none of them)
_DAMAGE = re.compile(r"corrupt|Invalid data found|Error (?:while decoding|submitting packet)|partial file|"
                     r"Input buffer exhausted|error reading header|Truncating packet|invalid (?:frame|band)",
                     re.IGNORECASE)
HOLE_MS = 2000  # with decode errors, digital silence at least this long is audio that was lost
MOSTLY_UNREADABLE = 0.5  # fail the file when less than this share of its audio could be decoded


def damage_report(info: MediaInfo, pcm: np.ndarray) -> str:
    """"" for a whole file; else a sentence saying how the file is damaged (for the summary and
    the job row). Raises MediaError when most of the audio could not be decoded."""
    import numpy as np

    decoded_ms = samples_to_ms(len(pcm))
    total_ms = max(info.duration_ms, decoded_ms)
    if not info.decode_errors or total_ms <= 0:
        return ""
    silent = np.concatenate(([0], (pcm == 0).view(np.int8), [0]))
    edges = np.flatnonzero(np.diff(silent))
    starts, ends = edges[0::2], edges[1::2]
    long = (ends - starts) >= ms_to_samples(HOLE_MS)
    holes_ms = int(samples_to_ms(int((ends[long] - starts[long]).sum())))
    stops_early = decoded_ms < total_ms - 1000
    readable_ms = decoded_ms - holes_ms
    parts = []
    if stops_early:
        parts.append(Reason("damage.stops", at=format_clock(decoded_ms), total=format_clock(total_ms)))
    if holes_ms:
        first = samples_to_ms(int(starts[long][0]))
        parts.append(Reason("damage.holes", lost=format_clock(holes_ms), start=format_clock(first)))
    if not parts:
        parts.append(Reason("damage.errors", n=info.decode_errors) if info.decode_errors != 1
                     else Reason("damage.error"))
    what = parts[0] if len(parts) == 1 else Reason("damage.and", first=parts[0], second=parts[1])
    if readable_ms < total_ms * MOSTLY_UNREADABLE:
        raise MediaError(Reason("media.mostly_damaged", name=info.path.name, what=what,
                                readable=format_clock(readable_ms), total=format_clock(total_ms)))
    return Reason("media.damaged", what=what)


def _progress_reader(stage: str, message: str, duration_ms: Callable[[], int],
                     on_progress: ProgressCallback) -> Callable[[bytes], None]:
    """A stdout handler for ``-progress pipe:1``: a progress event per ``out_time_us`` line, as a
    share of ``duration_ms()`` (asked each time: it may be learnt from stderr while running)."""
    def line(raw: bytes) -> None:
        key, _, value = raw.decode("ascii", "replace").strip().partition("=")
        total = duration_ms()
        if key == "out_time_us" and total and value.lstrip("-").isdigit():
            on_progress(Progress(stage, min(1.0, max(0.0, int(value) / 1000 / total)), message))

    return line


def run_with_progress(cmd: list[str], duration_ms: int, part: Path, stage: str, message: str,
                      on_progress: ProgressCallback, cancel: CancelToken,
                      cwd: Optional[str] = None) -> tuple[int, str]:
    """Run an ffmpeg command that writes ``-progress pipe:1`` (in ``cwd`` if given): progress
    events from its ``out_time_us`` (the duration from its stderr when not given), ffmpeg stopped
    on cancel. Returns (exit code, stderr); ``part`` (the output being written) is removed on an
    exception."""
    duration = [duration_ms]

    def stderr_line(line: str) -> None:
        if not duration[0] and "Duration:" in line:
            duration[0] = _duration_ms(line)

    try:
        return _run_ffmpeg(cmd, _progress_reader(stage, message, lambda: duration[0], on_progress), cancel,
                           on_stderr=stderr_line, cwd=cwd)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


# -- burn-in: subtitles rendered into the picture (libass in ffmpeg) -------------------------
BURN_PRESETS = {"fast": ("veryfast", 23), "balanced": ("medium", 20), "high": ("slow", 17)}  # x264 preset, CRF
MP4_AUDIO_COPY = frozenset({"aac", "mp3", "ac3", "eac3", "alac"})


def burn_command(src: Path, ass_name: str, dst: Path, *, quality: str = "balanced", audio_codec: str = "") -> list[str]:
    """ffmpeg arguments that draw the ASS file ``ass_name`` (a plain file name in the working
    folder, so the filter needs no escaping) onto ``src``'s video as H.264 in ``dst`` (MP4), the
    first audio stream copied when MP4 can carry it, else AAC; progress on stdout."""
    preset, crf = BURN_PRESETS[quality]
    vf = f"subtitles=filename={ass_name}"
    cmd = [find_ffmpeg(), "-nostdin", "-hide_banner", "-v", "info", "-progress", "pipe:1", "-nostats",
           "-stats_period", "0.25", "-y", "-i", str(src), "-map", "0:v:0", "-map", "0:a:0?", "-vf", vf,
           "-c:v", "libx264", "-preset", preset, "-crf", str(crf), "-pix_fmt", "yuv420p"]
    cmd += ["-c:a", "copy"] if audio_codec in MP4_AUDIO_COPY else ["-c:a", "aac", "-b:a", "192k"]
    return cmd + ["-movflags", "+faststart", "-f", "mp4", str(dst)]


def burn_subtitles(src: Path | str, ass_text: str, dst: Path | str, *, quality: str = "balanced",
                   on_progress: ProgressCallback = no_progress, cancel: Optional[CancelToken] = None) -> Path:
    """Write ``dst``: ``src``'s video with the ASS subtitles ``ass_text`` rendered in (fonts through
    fontconfig), H.264 at the ``quality`` preset (fast / balanced / high), original audio. Atomic:
    on failure or cancel nothing is left at ``dst``."""
    import tempfile

    src, dst = Path(src), Path(dst)
    cancel = ensure_token(cancel)
    if quality not in BURN_PRESETS:
        raise MediaError(Reason("burn.bad_quality", quality=quality, choices=", ".join(BURN_PRESETS)))
    info = probe(src)
    if not info.has_video:
        raise MediaError(Reason("burn.no_video", name=src.name))
    on_progress(Progress("burn", 0.0, "rendering subtitles into the video"))
    dst.parent.mkdir(parents=True, exist_ok=True)
    part = dst.with_name(f".{dst.name}.part")
    with tempfile.TemporaryDirectory(prefix="subtitler-burn-") as tmp:
        Path(tmp, "subs.ass").write_text(ass_text, encoding="utf-8")
        cmd = burn_command(src.resolve(), "subs.ass", part.resolve(), quality=quality, audio_codec=info.audio_codec)
        code, text = run_with_progress(cmd, info.duration_ms, part, "burn", "rendering subtitles into the video",
                                       on_progress, cancel, cwd=tmp)
    if cancel.cancelled or code != 0:
        part.unlink(missing_ok=True)
        cancel.check()
        raise MediaError(Reason("burn.failed", name=src.name, detail=_last_error(text)))
    try:  # a replaced video keeps its mode
        os.chmod(part, os.stat(dst).st_mode & 0o7777)
    except FileNotFoundError:
        pass
    os.replace(part, dst)
    on_progress(Progress("burn", 1.0, "video written"))
    return dst


def _last_error(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith(" ")
             and not ln.startswith(("size=", "Input #", "Output #", "Stream mapping", "Conversion failed"))]
    return lines[-1] if lines else "unknown error"


def _open_16k(path: Path | str) -> wave.Wave_read:
    """A 16 kHz mono 16-bit WAV opened for reading (anything else: MediaError)."""
    w = wave.open(str(path), "rb")
    if w.getframerate() != SAMPLE_RATE or w.getnchannels() != 1 or w.getsampwidth() != 2:
        w.close()
        raise MediaError(Reason("media.not_16k_wav", name=Path(path).name))
    return w


def load_wav(path: Path | str) -> np.ndarray:
    """Samples of a 16 kHz mono 16-bit WAV as int16."""
    import numpy as np

    with _open_16k(path) as w:
        return np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)


def read_wav_span(path: Path | str, start_ms: int, end_ms: int) -> np.ndarray:
    """Samples from ``start_ms`` to ``end_ms`` of a 16 kHz mono 16-bit WAV as int16, read without
    loading the rest of the file (clipped to the file)."""
    import numpy as np

    with _open_16k(path) as w:
        first = min(w.getnframes(), max(0, ms_to_samples(start_ms)))
        w.setpos(first)
        return np.frombuffer(w.readframes(max(0, ms_to_samples(end_ms) - first)), dtype=np.int16)


def write_wav(path: Union[Path, str, BinaryIO], pcm: np.ndarray) -> None:
    """Write 16 kHz mono int16 samples as a WAV file, to a path or a binary file object."""
    import numpy as np

    with wave.open(path if not isinstance(path, (str, Path)) else str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(np.asarray(pcm, dtype=np.int16).tobytes())


def wav_bytes(pcm: np.ndarray) -> bytes:
    """An in-memory WAV file of 16 kHz mono int16 samples (for uploads)."""
    import io

    buf = io.BytesIO()
    write_wav(buf, pcm)
    return buf.getvalue()


def is_media_path(path: Path) -> bool:
    return path.suffix.lower() in MEDIA_EXTENSIONS


@dataclass
class Inputs:
    """What a list of input paths expands to."""

    files: list[tuple[Path, Optional[Path]]]  # (file, the input folder it was found in, or None)
    empty_folders: list[Path]  # folders given that hold no media file


def collect_inputs(paths: list[Path]) -> Inputs:
    """Files as given; folders expanded (recursively, sorted naturally) to the media files inside,
    each with its folder (outputs mirror the sub-folders); folders without media are listed."""
    out = Inputs([], [])
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found = [f for f in p.rglob("*") if f.is_file() and is_media_path(f) and not f.name.startswith(".")]
            if not found:
                out.empty_folders.append(p)
            out.files.extend((f, p) for f in sorted(found, key=_natural_key))
        else:
            out.files.append((p, None))
    return out


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Files as given; folders expanded (recursively, sorted naturally) to the media files inside."""
    return [f for f, _root in collect_inputs(paths).files]


def _natural_key(p: Path) -> list[Union[int, str]]:
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", str(p))]


def ms_to_samples(ms: int) -> int:
    return ms * SAMPLE_RATE // 1000


def samples_to_ms(n: int) -> int:
    return n * 1000 // SAMPLE_RATE


def decode_head(src: Path | str, ms: int) -> np.ndarray:
    """The first ``ms`` of ``src``'s first audio stream as 16 kHz mono int16 samples, decoded
    straight into memory (a job shows its first cues while the whole file is still extracting).
    MediaError when that fails (the full extraction then reports the reason properly)."""
    import numpy as np

    cmd = [find_ffmpeg(), "-nostdin", "-hide_banner", "-v", "error", "-t", f"{max(1, ms) / 1000:.3f}",
           "-i", str(src), "-map", "0:a:0", "-vn", "-ac", "1", "-ar", str(SAMPLE_RATE), "-acodec", "pcm_s16le",
           # the extraction's own filter: the head's samples are the whole file's first samples (a
           # piece cut from either has the same cache key)
           "-af", f"aresample={SAMPLE_RATE}:async=1:first_pts=0", "-f", "s16le", "pipe:1"]
    try:
        proc = subprocess.run(cmd, capture_output=True, stdin=subprocess.DEVNULL, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise MediaError(Reason("media.start_undecodable_why", name=Path(src).name, kind=type(exc).__name__)) from None
    if proc.returncode != 0:
        raise MediaError(Reason("media.start_undecodable", name=Path(src).name))
    return np.frombuffer(proc.stdout, dtype=np.int16).copy()


# -- the one process runner ---------------------------------------------------------------------
def _run_ffmpeg(cmd: list[str], on_line: Callable[[bytes], None], cancel: CancelToken, *,
                on_stderr: Optional[Callable[[str], None]] = None, cwd: Optional[str] = None,
                background: bool = False) -> tuple[int, str]:
    """Run ``cmd`` feeding each stdout line to ``on_line`` (and each stderr line, decoded, to
    ``on_stderr``); stop it when ``cancel`` is set; kill it on an exception. Returns (exit code,
    stderr text). ``background``: at low CPU priority (foreground work keeps the CPU)."""
    flags = getattr(subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0) if background else 0  # Windows
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                            cwd=cwd, creationflags=flags)
    if background and hasattr(os, "setpriority"):
        try:  # after the start, not in a preexec_fn (unsafe with threads); ffmpeg has barely begun
            os.setpriority(os.PRIO_PROCESS, proc.pid, min(19, os.getpriority(os.PRIO_PROCESS, 0) + 10))
        except OSError:
            pass  # already gone, or not permitted: it runs at normal priority
    err: list[str] = []

    def read_stderr(pipe: IO[bytes]) -> None:
        for raw in pipe:
            line = raw.decode("utf-8", "replace")
            err.append(line)
            if on_stderr is not None:
                on_stderr(line)

    def watch() -> None:  # a cancel is obeyed even while ffmpeg writes nothing to stdout
        while proc.poll() is None:
            if cancel.cancelled:
                proc.terminate()
                return
            time.sleep(0.1)

    assert proc.stdout is not None and proc.stderr is not None
    reader = threading.Thread(target=read_stderr, args=(proc.stderr,), daemon=True)
    reader.start()
    threading.Thread(target=watch, name="ffmpeg-cancel", daemon=True).start()
    try:
        for raw in proc.stdout:
            if cancel.cancelled:
                proc.terminate()
                break
            on_line(raw)
        if cancel.cancelled:  # stop reading: ffmpeg's last writes fail instead of filling the pipe
            proc.stdout.close()
            try:
                code = proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                code = proc.wait()
        else:
            code = proc.wait()
        reader.join()
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    return code, "".join(err)


# -- video: frame timestamps and filter runs (core/media/frames.py and core/media/shots.py build on these) ------
def video_frame_times(src: Path | str, *, cancel: Optional[CancelToken] = None) -> tuple[Fraction, list[int]]:
    """Time base and sorted presentation timestamps of every frame of the first video stream, read
    by demuxing only (``-c copy -f framecrc``: no decoding, seconds for an hour of video). Raises
    MediaError when there is no video stream."""
    src = Path(src)
    cancel = ensure_token(cancel)
    _check_input(src)
    cmd = [find_ffmpeg(), "-nostdin", "-hide_banner", "-v", "error", "-i", str(src),
           "-map", "0:v:0", "-c", "copy", "-f", "framecrc", "-"]
    timebase, pts = [Fraction(1, 1000)], []

    def line(raw: bytes) -> None:
        if raw.startswith(b"#tb 0:"):
            num, _, den = raw[6:].strip().partition(b"/")
            timebase[0] = Fraction(int(num), int(den))
        elif raw[:1] == b"0":
            fields = raw.split(b",")
            if len(fields) >= 3 and fields[2].strip().lstrip(b"-").isdigit():
                pts.append(int(fields[2]))

    code, text = _run_ffmpeg(cmd, line, cancel)
    cancel.check()
    if code != 0 or not pts:
        if "matches no streams" in text or (code == 0 and not pts):
            raise MediaError(Reason("media.no_video", name=src.name))
        raise MediaError(Reason("media.frames_unreadable", name=src.name, detail=_last_error(text)))
    pts.sort()
    return timebase[0], pts


def run_filter_pass(src: Path | str, args: Sequence[str], *, duration_ms: int, stage: str, message: str,
                    on_progress: ProgressCallback = no_progress, cancel: Optional[CancelToken] = None,
                    background: bool = False, input_args: Sequence[str] = ()) -> str:
    """Decode ``src`` through ffmpeg with ``args`` (filters and a null output), reporting progress
    and cancellable; returns ffmpeg's log (stderr). ``background``: run at low CPU priority, so work
    in the foreground (recognition) keeps the processor first."""
    src = Path(src)
    cancel = ensure_token(cancel)
    _check_input(src)
    cmd = [find_ffmpeg(), "-nostdin", "-hide_banner", "-v", "info", "-progress", "pipe:1", "-nostats",
           *input_args, "-i", str(src), *args]
    on_progress(Progress(stage, 0.0, message))
    code, text = _run_ffmpeg(cmd, _progress_reader(stage, message, lambda: duration_ms, on_progress), cancel,
                             background=background)
    cancel.check()
    if code != 0:
        parse_info(src, text)  # not media at all → MediaError with that reason
        raise MediaError(Reason("media.pass_failed", name=src.name, what=message, detail=_last_error(text)))
    on_progress(Progress(stage, 1.0, message))
    return text
