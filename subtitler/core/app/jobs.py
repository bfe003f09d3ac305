"""One media file end to end: probe → extract → detect speech → chunk → engine → timing → rules
→ document; and writing the chosen formats. Progress events throughout; cancellable."""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import logging
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

import numpy as np

from ..document import formats
from ..document.model import Document
from ..document.cues import Cue
from ..engines import ChunkResult, Engine, create_engine
from ..engines.glm_settings import GlmSettings
from ..foundation.errors import EngineError, MediaError, NoSpeechError, OutputError, Reason, UsageError, unstopped
from ..media.ffmpeg import (MediaInfo, damage_report, decode_head, extract_audio, load_wav, ms_to_samples,
                            probe, samples_to_ms)
from .media_cache import MediaAudio, MediaCache
from ..foundation.outputs import check_outputs, planned_outputs
from ..foundation.timecode import format_clock
from ..media.peaks import media_key
from ..timing.pro_timing import ProTiming, ProTimingOptions, ProTimingResult
from ..foundation.progress import CancelToken, LinkedToken, Progress, ProgressCallback, ensure_token, no_progress
from ..timing.rules import Profile, fix_timing, get_profile
from ..speech.detection import Chunk, VadSettings, detect_speech, make_chunks
from ..speech.regions import Region
from ..speech.pauses import PauseMap
from ..timing.align import warm_up
from ..timing.cue_times import UNCERTAIN_FLAG, chunk_pause_map, chunk_text, cues_for_chunk
from ..text.zh import ZhStyle, finish_text, prepare_text

log = logging.getLogger(__name__)


@dataclass
class TranscribeOptions:
    engine: str = "auto"  # auto | local | glm
    model: Optional[str] = None
    language: str = "auto"
    profile: Optional[str] = None  # None/"auto": by script
    glm_settings: Optional[GlmSettings] = None
    vad: VadSettings = field(default_factory=VadSettings)
    pro_timing: ProTimingOptions = field(default_factory=ProTimingOptions)  # video: frames, shot changes
    zh: ZhStyle = field(default_factory=ZhStyle)  # Chinese text: punctuation, script, Latin spacing

    def make_engine(self) -> Engine:
        return create_engine(self.engine, model=self.model, glm_settings=self.glm_settings)


@dataclass
class JobResult:
    source: Path
    info: MediaInfo
    document: Document
    engine: str
    regions: list[Region]
    chunks: int
    failed_chunks: int
    flagged_cues: int
    elapsed_s: float
    language: str = ""
    audio: Optional[MediaAudio] = None  # the decoded audio + speech map, kept for the editor
    gap_ms: int = 0  # audio inside the failed pieces (their cues are flagged gaps)
    damage: str = ""  # "" or "the file is damaged: …" (media.damage_report)
    uncertain_cues: int = 0  # of the flagged ones: placed by alignment with low confidence
    pro_timing: Optional[ProTimingResult] = None  # video: Beautify's changes and the shot changes

    @property
    def audio_ms(self) -> int:
        return self.info.duration_ms

    @property
    def gaps(self) -> int:
        return self.failed_chunks

    def problems(self) -> list[str]:
        """What keeps this result from being whole, for the CLI summary and the job row."""
        out = []
        if self.failed_chunks:
            gaps = f"{self.failed_chunks} gap{'s' * (self.failed_chunks != 1)}"
            out.append(f"{gaps} ({format_clock(self.gap_ms)} of audio)")
        if self.damage:
            out.append(self.damage)
        return out

    def outcome(self) -> str:
        """"done", "done with 2 gaps (0:58 of audio)", "done, but the file is damaged: audio stops
        at 1:12 of 3:05", or both."""
        text = "done"
        if self.failed_chunks:
            text += f" with {self.problems()[0]}"
        if self.damage:
            text += f", but {self.damage}"
        return text


GAP_FLAG = "not transcribed: "  # the flag of a gap marker starts so (timing.cue_times.cues_for_chunk)


def is_gap(cue: Cue) -> bool:
    return cue.flag.startswith(GAP_FLAG) and not cue.text.strip()


def fill_gaps(old: JobResult, new: JobResult) -> JobResult:
    """``old`` with its gap markers replaced by the cues ``new`` made there — ``new`` is a re-run of
    the same file with the same pieces (only the failed ones sent again, the others from the
    cache), so its cues went through the pipeline's own timing, alignment, rules and frame grid.
    Each run of gap markers is replaced by ``new``'s cues between the cues around it, in ``old``'s
    document (one undo step, so an editor showing it follows); everything else in it, edits
    included, stays. A marker whose piece failed again comes back as a marker."""
    doc = old.document
    was_saved = not doc.dirty
    cues = list(doc.cues)
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(cues):
        if is_gap(cues[i]):
            j = i
            while j + 1 < len(cues) and is_gap(cues[j + 1]):
                j += 1
            runs.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    for a, b in reversed(runs):  # from the end: earlier indices stay valid
        lo = cues[a - 1].end if a else 0
        hi = cues[b].start if b < len(cues) else None
        fill = [c for c in new.document.cues if c.start >= lo and (hi is None or c.end <= hi)]
        doc.replace_cues(fill, Reason("undo.fill_gaps"), a, b - a)
    if was_saved:
        doc.mark_saved()  # the job's result, not the user's edit
    final = doc.cues
    return replace(old, failed_chunks=new.failed_chunks, gap_ms=new.gap_ms,
                   flagged_cues=sum(1 for c in final if c.flag),
                   uncertain_cues=sum(1 for c in final if c.flag == UNCERTAIN_FLAG),
                   elapsed_s=old.elapsed_s + new.elapsed_s, audio=new.audio or old.audio)


CuesCallback = Callable[[list[Cue]], None]

HEAD_MS = 30_000  # the first stretch: detected and transcribed first, so cues show within seconds
HEAD_PIECE_MS = 10_000  # the head's pieces for an upload engine (local decodes 30 s windows anyway)
LAYOUT_FORMAT = 1

Piece = tuple[int, int, tuple[Region, ...]]  # a piece's span and its speech regions (absolute ms)


class PieceLayout:
    """The pieces a job cuts its file into, kept (by an engine with a result cache: GLM-ASR) with
    the media's identity and every setting that shapes them, before any piece is sent.

    Without it the pieces depended on how a run happened to read the file: a first run cuts a
    quick "head" (the first 30 s in 10 s pieces) and then plans the rest; a run that found the
    decoded audio and a speech map in the media cache (put there by the editor opened on the
    running job, or by an earlier run) planned the whole file in one go — other pieces, other
    sizes, none of them in the result cache: a resumed job sent the whole file again. Now every
    run of the same file with the same settings cuts exactly the stored pieces, and sends only
    those whose results are missing.

    Stored fields: ``head`` (pieces) with ``cut`` and ``head_regions`` once the head is planned;
    ``pieces`` (all of them, in order) and ``regions`` (the speech map) once the whole file is."""

    def __init__(self, engine: Engine, path: Path, vad: VadSettings, media: str = "") -> None:
        self._get = getattr(engine, "get_layout", None)
        self._put = getattr(engine, "put_layout", None)
        self.key = ""
        self.data: dict[str, Any] = {}
        if self._get is None or self._put is None:
            return
        try:
            media = media or media_key(path)
        except MediaError:
            return  # unreadable: the extraction says why
        fields = {"v": LAYOUT_FORMAT, "media": media, "engine": engine.name, "max_ms": engine.max_chunk_ms,
                  "margin_ms": engine.margin_ms, "head_ms": HEAD_MS, "head_piece_ms": HEAD_PIECE_MS,
                  "vad": asdict(vad)}
        self.key = hashlib.sha256(json.dumps(fields, sort_keys=True).encode("utf-8")).hexdigest()
        self.data = self._get(self.key) or {}

    # -- what is known ----------------------------------------------------------------------------
    def head(self) -> Optional[tuple[list[Piece], int, list[Region]]]:
        """The head's pieces, where the rest begins, and the head's speech regions."""
        try:
            if "head" not in self.data:
                return None
            return (_pieces(self.data["head"]), int(self.data["cut"]),
                    [Region(int(a), int(b)) for a, b in self.data["head_regions"]])
        except (KeyError, TypeError, ValueError):
            return None

    def whole(self) -> Optional[tuple[list[Piece], list[Region]]]:
        """Every piece of the file and its speech map."""
        try:
            if "pieces" not in self.data:
                return None
            return _pieces(self.data["pieces"]), [Region(int(a), int(b)) for a, b in self.data["regions"]]
        except (KeyError, TypeError, ValueError):
            return None

    # -- keeping it -------------------------------------------------------------------------------
    def keep_head(self, chunks: Sequence[Chunk], cut: int, regions: Sequence[Region]) -> None:
        self._keep(head=[_piece_json(c) for c in chunks], cut=int(cut),
                   head_regions=[[r.start_ms, r.end_ms] for r in regions])

    def keep_whole(self, chunks: Sequence[Chunk], regions: Sequence[Region]) -> None:
        self._keep(pieces=[_piece_json(c) for c in chunks], regions=[[r.start_ms, r.end_ms] for r in regions])

    def _keep(self, **fields: object) -> None:
        if self.key and self._put is not None:
            self.data = {**self.data, **fields}
            self._put(self.key, self.data)


def _pieces(raw: list[Any]) -> list[Piece]:
    return [(int(a), int(b), tuple(Region(int(x), int(y)) for x, y in regs)) for a, b, regs in raw]


def _piece_json(chunk: Chunk) -> list[Any]:
    return [chunk.start_ms, chunk.end_ms, [[r.start_ms, r.end_ms] for r in chunk.regions]]


def cut_pieces(pcm: np.ndarray, pieces: Sequence[Piece], first_index: int = 0) -> list[Chunk]:
    """The chunks of stored pieces, cut from ``pcm`` as ``make_chunks`` cut them."""
    return [Chunk(first_index + i, a, b, regs, pcm[ms_to_samples(a): ms_to_samples(b)])
            for i, (a, b, regs) in enumerate(pieces)]


DEFAULT_OPTIONS = TranscribeOptions()


def transcribe_file(
    path: Path | str,
    options: TranscribeOptions = DEFAULT_OPTIONS,
    *,
    engine: Optional[Engine] = None,
    on_progress: ProgressCallback = no_progress,
    cancel: Optional[CancelToken] = None,
    on_cues: Optional[CuesCallback] = None,
    media_cache: Optional[MediaCache] = None,
) -> JobResult:
    """Transcribe one media file. ``on_cues`` receives the cues of each piece as soon as it is
    recognised (timed, not yet rule-checked; from worker threads); the document in the result is
    the finished one. With ``media_cache``, the decoded audio and speech map are kept there (and
    reused when the same content comes again) and handed on in ``JobResult.audio``."""
    cancel = ensure_token(cancel)
    with ProTiming(options.pro_timing, cancel) as pro:  # background shot detection ends with the job
        return _transcribe(Path(path), options, engine, on_progress, cancel, on_cues, media_cache, pro)


def _transcribe(path: Path, options: TranscribeOptions, engine: Optional[Engine], on_progress: ProgressCallback,
                cancel: CancelToken, on_cues: Optional[CuesCallback], media_cache: Optional[MediaCache],
                pro: ProTiming) -> JobResult:
    t0 = time.perf_counter()
    on_progress(Progress("probe", 0.0, "reading media"))
    engine = engine or options.make_engine()
    cache = media_cache if media_cache is not None and media_cache.enabled else None
    tmp_parent = None
    if cache is not None:
        try:
            cache.audio_folder.mkdir(parents=True, exist_ok=True)
            tmp_parent = cache.audio_folder  # same file system: the WAV is renamed into the cache
        except OSError:
            cache = None
    key = media_key(path) if cache is not None else ""
    hit = cache.lookup(path, key) if cache is not None else None
    language = None if options.language in ("", "auto") else options.language
    # Chinese word segmentation (jieba: ~1 s of CPU to load) is loaded beside a cloud engine, which
    # waits on the network; beside the local engine it would take CPU from the model (and the GIL
    # from the window), so there it loads only for Chinese, when it is needed anyway.
    segmenter = not _cpu_bound(engine) or (language or "").lower().startswith(("zh", "yue"))
    prep = _AlignPrep(enabled=not getattr(engine, "word_times", False), segmenter=segmenter)
    collector = _Collector(on_cues, options.profile, prep, pro)
    layout = PieceLayout(engine, path, options.vad, key)
    with tempfile.TemporaryDirectory(prefix=".subtitler-", dir=tmp_parent) as tmp:
        wav = hit.wav if hit is not None else Path(tmp) / "audio.wav"
        done = None
        # a file whose pieces are all known already is decoded and its missing pieces sent: no head first
        if on_cues is not None and (hit is None or hit.regions is None) and layout.whole() is None:
            done = _progressively(path, wav, hit is not None, engine, options, language, collector, on_progress,
                                  cancel, layout)
        if done is None:
            done = _in_one_pass(path, wav, hit, engine, options, language, collector, on_progress, cancel, layout)
        info, pcm, regions, chunks, results = done
        audio = hit
        if cache is not None and hit is None:
            audio = cache.adopt(path, key, wav, regions)
        elif cache is not None and hit is not None and hit.regions is None:
            cache.store_regions(key, regions)
            audio = MediaAudio(hit.media, key, hit.wav, tuple(regions))
    damage = damage_report(info, pcm)  # raises when most of the audio is unreadable
    failed = [r for r in results if r.error]
    if results and len(failed) == len(results):
        raise EngineError(Reason("job.nothing_transcribed", name=path.name, reason=unstopped(failed[0].error)))
    on_progress(Progress("timing", 0.0, "timing cues"))
    profile = replace(get_profile(options.profile, chunk_text(results)), zh_punct=options.zh.punct)
    maps = prep.result()
    raw: list[Cue] = []
    for chunk, result in zip(chunks, results):
        raw.extend(cues_for_chunk(chunk, result, profile, maps.get((chunk.start_ms, chunk.end_ms))))
    # Chinese conventions: what changes the width before timing and line breaking, the punctuation after
    raw = [replace(c, text=prepare_text(c.text, options.zh)) for c in raw]
    cues = fix_timing(raw, profile, media_end_ms=max(info.duration_ms, samples_to_ms(len(pcm))))
    cues = [replace(c, text=finish_text(c.text, options.zh)) for c in cues]
    pictured = pro.finish(cues, profile, on_progress)  # video: frame grid, shot changes (after the final text)
    if pictured.beautify is not None:
        cues = pictured.beautify.cues
    detected = next((r.language for r in results if r.language), "")
    doc = Document(cues, media_path=str(path.resolve()), language=language or detected, profile=profile.name,
                   meta={"zh": options.zh.to_dict()})
    pictured_meta(doc, pictured)
    doc.mark_saved()
    on_progress(Progress("done", 1.0, f"{len(cues)} cues"))
    return JobResult(
        source=path, info=info, document=doc, engine=engine.name, regions=regions, chunks=len(chunks),
        failed_chunks=len(failed), flagged_cues=sum(1 for c in cues if c.flag),
        elapsed_s=time.perf_counter() - t0, language=doc.language, audio=audio,
        gap_ms=sum(_span_ms(c) for c, r in zip(chunks, results) if r.error), damage=damage,
        uncertain_cues=sum(1 for c in cues if c.flag == UNCERTAIN_FLAG), pro_timing=pictured,
    )


def pictured_meta(doc: Document, pictured: ProTimingResult) -> None:
    """Keep the frame rate and shot changes with the document (saved in projects; the editor draws them)."""
    if pictured.grid is not None:
        doc.meta["frame_rate"] = f"{pictured.grid.rate.numerator}/{pictured.grid.rate.denominator}"
    if pictured.shots is not None:
        doc.meta["shot_changes_ms"] = list(pictured.shots.times_ms)


class _Collector:
    """Turns each finished piece (``Progress.result``) into cues for ``on_cues``."""

    def __init__(self, on_cues: Optional[CuesCallback], profile: Optional[str], prep: "_AlignPrep",
                 pro: ProTiming) -> None:
        self.on_cues = on_cues
        self.profile = profile
        self.prep = prep
        self.pro = pro

    def extracted(self, path: Path, info: MediaInfo) -> None:
        """The whole file is decoded: shot changes are detected in the background from here on."""
        self.pro.start(path, info)

    def watch(self, chunks: Sequence[Chunk], forward: ProgressCallback) -> ProgressCallback:
        """Called with each batch of pieces just before they are recognised."""
        self.prep.add(chunks)
        if self.on_cues is None:
            return forward
        by_index = {c.index: c for c in chunks}
        emit = self.on_cues

        def callback(p: Progress) -> None:
            result = p.result
            chunk = by_index.get(getattr(result, "chunk_index", -1)) if result is not None else None
            if chunk is not None and result.text:
                cues = cues_for_chunk(chunk, result, get_profile(self.profile, result.text))
                if cues:
                    emit(cues)
            forward(p)

        return callback


Recognised = tuple[MediaInfo, np.ndarray, list[Region], list[Chunk], list[ChunkResult]]


def _in_one_pass(path: Path, wav: Path, hit: Optional[MediaAudio], engine: Engine, options: TranscribeOptions,
                 language: Optional[str], collector: _Collector, on_progress: ProgressCallback,
                 cancel: CancelToken, layout: Optional[PieceLayout] = None) -> Recognised:
    """Decode (or take the cached audio), detect speech (or take the cached map), chunk, recognise.
    The pieces a ``layout`` knows already are cut again as they were (see :class:`PieceLayout`)."""
    if hit is not None:
        info = probe(path)
        on_progress(Progress("extract", 1.0, "decoded audio from the cache"))
    else:
        info = extract_audio(path, wav, on_progress=on_progress, cancel=cancel)
    collector.extracted(path, info)
    pcm = load_wav(wav)
    _check_audio(path, pcm)
    damage_report(info, pcm)  # a mostly unreadable file fails here, before anything is recognised
    whole = layout.whole() if layout is not None else None
    head = layout.head() if layout is not None else None
    if whole is not None:
        pieces, regions = whole
        _check_speech(path, regions)
        chunks = cut_pieces(pcm, pieces)
    elif head is not None and layout is not None:  # begun with the head, stopped before the rest was planned
        head_pieces, cut, head_regions = head
        rest = _rest_regions(pcm, cut, options.vad, on_progress, cancel)
        regions = head_regions + rest
        _check_speech(path, regions)
        chunks = cut_pieces(pcm, head_pieces)
        chunks += chunks_for(engine, pcm, rest, first_index=len(chunks)) if rest else []
        layout.keep_whole(chunks, regions)
    else:
        if hit is not None and hit.regions is not None:
            regions = list(hit.regions)
        else:
            regions = detect_speech(pcm, options.vad, on_progress=on_progress, cancel=cancel)
        _check_speech(path, regions)
        chunks = chunks_for(engine, pcm, regions)
        if layout is not None:
            layout.keep_whole(chunks, regions)
    on_progress(Progress("transcribe", 0.0, f"transcribing {len(chunks)} pieces", 0, len(chunks)))
    results = engine.transcribe(chunks, language=language, on_progress=collector.watch(chunks, on_progress),
                                cancel=cancel)
    return info, pcm, regions, chunks, results


def _progressively(path: Path, wav: Path, decoded: bool, engine: Engine, options: TranscribeOptions,
                   language: Optional[str], collector: _Collector, on_progress: ProgressCallback,
                   cancel: CancelToken, layout: Optional[PieceLayout] = None) -> Optional[Recognised]:
    """The first ``HEAD_MS`` first: decoded on their own (a quick ffmpeg run), their speech found and
    their pieces recognised — cues within seconds — while the whole file is extracted beside them;
    then the rest, from where the head's last speech region ended. None when the file is too short
    for that (or its start cannot be decoded): the caller runs it in one pass."""
    try:
        head_pcm = load_wav(wav)[: ms_to_samples(HEAD_MS)] if decoded else decode_head(path, HEAD_MS)
    except MediaError:
        return None
    if samples_to_ms(len(head_pcm)) < HEAD_MS:
        return None
    stop = LinkedToken(cancel)
    cut_known: concurrent.futures.Future[int] = concurrent.futures.Future()
    head_done = threading.Event()
    cpu_bound = _cpu_bound(engine)  # then the rest's speech detection waits, not to slow the head

    def rest_of_file() -> tuple[MediaInfo, np.ndarray, list[Region]]:
        if decoded:
            info = probe(path)
        else:
            info = extract_audio(path, wav, on_progress=on_progress, cancel=stop)
        collector.extracted(path, info)
        pcm = load_wav(wav)
        cut = cut_known.result()
        while cpu_bound and not head_done.wait(0.1):
            stop.check()
        stop.check()
        return info, pcm, _rest_regions(pcm, cut, options.vad, on_progress, stop)

    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="subtitler-extract") as pool:
        background = pool.submit(rest_of_file)
        try:
            known = layout.head() if layout is not None else None
            if known is not None:  # a run stopped before: the same head pieces
                head_pieces, cut, head_regions = known
                cut_known.set_result(cut)
                head_chunks = cut_pieces(head_pcm, head_pieces)
            else:
                on_progress(Progress("detect", 0.0, "finding speech at the start"))
                safe_end = HEAD_MS - options.vad.min_silence_ms - options.vad.pad_ms  # a later region may run on
                head_regions = [r for r in detect_speech(head_pcm, options.vad, cancel=cancel)
                                if r.end_ms <= safe_end]
                cut = head_regions[-1].end_ms if head_regions else 0
                cut_known.set_result(cut)
                # a cloud engine answers a short piece sooner (its time grows with the audio sent)
                piece_ms = engine.max_chunk_ms if cpu_bound else min(engine.max_chunk_ms, HEAD_PIECE_MS)
                head_chunks = (make_chunks(head_pcm, head_regions, piece_ms, 0 if not cpu_bound else engine.margin_ms)
                               if head_regions else [])
                if layout is not None:
                    layout.keep_head(head_chunks, cut, head_regions)
            head_results = (engine.transcribe(head_chunks, language=language,
                                              on_progress=collector.watch(head_chunks, no_progress), cancel=cancel)
                            if head_chunks else [])
            head_done.set()
            info, pcm, rest = background.result()
        except BaseException:
            stop.cancel()
            head_done.set()
            if not cut_known.done():
                cut_known.set_result(0)
            raise
    _check_audio(path, pcm)
    regions = head_regions + rest
    _check_speech(path, regions)
    language = language or next((r.language for r in head_results if r.language), None)
    rest_chunks = chunks_for(engine, pcm, rest, first_index=len(head_chunks)) if rest else []
    if layout is not None:  # kept before any piece of the rest is sent
        layout.keep_whole(head_chunks + rest_chunks, regions)
    total = len(head_chunks) + len(rest_chunks)
    on_progress(Progress("transcribe", len(head_chunks) / max(1, total), f"transcribing {total} pieces",
                         len(head_chunks), total))
    rest_results = (engine.transcribe(rest_chunks, language=language,
                                      on_progress=collector.watch(rest_chunks, on_progress), cancel=cancel)
                    if rest_chunks else [])
    return info, pcm, regions, head_chunks + rest_chunks, head_results + rest_results


def _rest_regions(pcm: np.ndarray, cut: int, vad: VadSettings, on_progress: ProgressCallback,
                  cancel: CancelToken) -> list[Region]:
    """The speech after the head's last region (``cut``), found the same way by every run."""
    on_progress(Progress("detect", 0.0, "finding speech"))
    start = max(0, cut - 1000)  # a second before the cut lets the detector settle
    found = detect_speech(pcm[ms_to_samples(start):], vad, on_progress=on_progress, cancel=cancel)
    rest = [Region(max(r.start_ms + start, cut), r.end_ms + start) for r in found if r.end_ms + start > cut]
    return [r for r in rest if r.duration_ms >= vad.min_speech_ms]


def _check_audio(path: Path, pcm: np.ndarray) -> None:
    if len(pcm) == 0:
        raise NoSpeechError(Reason("audio.empty", name=path.name))


def _check_speech(path: Path, regions: list[Region]) -> None:
    if not regions:
        raise NoSpeechError(Reason("speech.none", name=path.name))


def transcribe_span(pcm: np.ndarray, start_ms: int, end_ms: int, engine: Engine, profile: Profile, *,
                    regions: Optional[Sequence[Region]] = None, language: Optional[str] = None,
                    vad: VadSettings = VadSettings(), cancel: Optional[CancelToken] = None) -> list[Cue]:
    """Re-transcribe audio [start_ms, end_ms] of 16 kHz ``pcm`` (the editor's "Re-transcribe
    selection") with the job pipeline's steps: speech map (``regions``, the job's, clipped to the
    span; else detected here), chunks, engine, timing, rules. Cue times are absolute and inside the
    span (clipped to the audio: never negative)."""
    cancel = ensure_token(cancel)
    lo = max(0, int(start_ms))
    hi = min(int(end_ms), samples_to_ms(len(pcm)))
    if hi <= lo:
        raise UsageError(Reason("edit.no_audio"))
    if regions is not None:
        spans = [Region(max(r.start_ms, lo), min(r.end_ms, hi)) for r in regions if r.end_ms > lo and r.start_ms < hi]
    else:
        piece = pcm[ms_to_samples(lo): ms_to_samples(hi)]
        spans = [Region(r.start_ms + lo, r.end_ms + lo) for r in detect_speech(piece, vad, cancel=cancel)]
    spans = spans or [Region(lo, hi)]
    chunks = make_chunks(pcm, spans, engine.max_chunk_ms, engine.margin_ms)
    results = engine.transcribe(chunks, language=language, on_progress=no_progress, cancel=cancel)
    raw: list[Cue] = []
    for chunk, result in zip(chunks, results):
        raw.extend(cues_for_chunk(chunk, result, profile))
    fixed = fix_timing(raw, profile, media_end_ms=hi)
    return [c for c in (replace(c, start=max(lo, c.start), end=min(hi, c.end)) for c in fixed) if c.end > c.start]


def _span_ms(chunk: Chunk) -> int:
    regions = list(chunk.regions) or [Region(chunk.start_ms, chunk.end_ms)]
    return max(0, regions[-1].end_ms - regions[0].start_ms)


def _cpu_bound(engine: Engine) -> bool:
    """Whether the engine works on this machine's CPU (the local model) rather than waiting on a
    service: work beside it then takes CPU from it."""
    return engine.name == "local"


class _AlignPrep:
    """While an engine without word times works (mostly waiting on the network), a background
    thread makes every chunk's pause map and loads the segmenter, so that aligning its text
    afterwards costs little wall time. Batches of chunks (the head, then the rest) are prepared
    one after the other."""

    def __init__(self, *, enabled: bool, segmenter: bool = True) -> None:
        self.maps: dict[tuple[int, int], PauseMap] = {}  # by span: the head's and the rest's indices overlap
        self.enabled = enabled
        self.segmenter = segmenter
        self.threads: list[threading.Thread] = []

    def add(self, chunks: Sequence[Chunk]) -> None:
        if not self.enabled or not chunks:
            return
        before = self.threads[-1] if self.threads else None
        thread = threading.Thread(target=self._run, args=(list(chunks), before), daemon=True,
                                  name="subtitler-align-prep")
        self.threads.append(thread)
        thread.start()

    def _run(self, chunks: list[Chunk], before: Optional[threading.Thread]) -> None:
        if before is not None:
            before.join()
        try:
            warm_up(segmenter=self.segmenter)
            for c in chunks:
                self.maps[(c.start_ms, c.end_ms)] = chunk_pause_map(c)
        except Exception:
            log.debug("alignment preparation failed", exc_info=True)

    def result(self) -> dict[tuple[int, int], PauseMap]:
        for thread in self.threads:
            thread.join()
        return self.maps


def chunks_for(engine: Engine, pcm: np.ndarray, regions: list[Region], first_index: int = 0) -> list[Chunk]:
    """The engine's chunks of this audio: packed to its limit, or to the target length of its
    ``chunk_plan(total_speech_ms, audio_key)`` hint when it has one (total: first to last speech;
    the key names this audio and its speech, so the engine can keep its plan for re-runs)."""
    plan = getattr(engine, "chunk_plan", None)
    target = None
    if plan is not None and regions:
        h = hashlib.sha256(np.ascontiguousarray(pcm, dtype=np.int16).data)  # 2 h of audio: ~0.15 s
        h.update(json.dumps([engine.max_chunk_ms, engine.margin_ms, [(r.start_ms, r.end_ms) for r in regions]])
                 .encode("ascii"))
        target = plan(regions[-1].end_ms - regions[0].start_ms, audio_key=h.hexdigest())
    chunks = make_chunks(pcm, regions, engine.max_chunk_ms, engine.margin_ms, target_ms=target)
    if first_index:
        chunks = [replace(c, index=c.index + first_index) for c in chunks]
    return chunks


def write_outputs(document: Document, source: Path, outdir: Optional[Path], fmts: Sequence[str], *,
                  overwrite: bool = False, pattern: str = "{stem}.{ext}", root: Optional[Path] = None) -> list[Path]:
    """Write every format; if one fails, the ones written in this call are removed again."""
    paths = planned_outputs(source, outdir, fmts, pattern, document.language, root)
    check_outputs(paths, overwrite)
    written: list[Path] = []
    try:
        for fmt, p in zip(fmts, paths):
            written.append(formats.export(document.cues, p, fmt, overwrite=overwrite))
    except OutputError:
        if not overwrite:
            for p in written:
                p.unlink(missing_ok=True)
        raise
    return written
