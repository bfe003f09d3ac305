"""GLM-ASR cloud engine: chunks up, text (and segments when given) down — fast, thrifty, resumable.

``transcribe`` runs its own asyncio loop (it is called from a worker thread): cached chunks are
answered from disk, the rest are uploaded by ``concurrency`` workers, each walking a contiguous
run of chunks so the previous chunk's text can go along as the context prompt. Transient
failures are retried with backoff; 429s also shrink the in-flight cap for a while (AIMD).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import random
import time
import uuid
from dataclasses import dataclass
from typing import Any, Optional, Sequence

import httpx

from ..foundation.errors import AuthError, Cancelled, ChunkError, EngineError, Reason, secs, unstopped
from ..media.ffmpeg import wav_bytes
from ..foundation.progress import CancelToken, Progress, ProgressCallback, ensure_token, no_progress
from ..speech.detection import Chunk
from ..text.script import is_cjk_char, join_texts
from .base import ChunkResult
from .glm_cache import ResultCache, chunk_key
from .glm_client import (
    BLOCKED_FLAG,
    MAX_UPLOAD_MS,
    NO_KEY_MESSAGE,
    Transcript,
    check_upload,
    open_client,
    send_piece,
)
from .glm_pool import AimdLimiter, Retries, RetryableError, RunScheduler, plan_piece_count
from .glm_settings import (
    INTERNATIONAL_URL,
    MAINLAND_URL,
    GlmSettings,
    Secret,
    cost_line,
    estimate_cost_rmb,
    load_hotwords,
)

GIVE_UP_FILE_AFTER = 3  # pieces failed with none done: the service is not working; stop the file
PROMPT_CHARS = 2000  # context: the tail of the preceding chunks' text (the API allows < 8000)
POLL_S = 0.05  # how often the cancel token is looked at


@dataclass
class GlmStats:
    """What one ``transcribe`` call did (for the CLI summary, tests and the benchmark)."""

    chunks: int = 0
    cached: int = 0
    requests: int = 0  # HTTP requests sent, retries included
    retries: int = 0  # requests beyond the first for a chunk
    rate_limited: int = 0  # 429 answers
    failed: int = 0  # chunks that ended with an error
    blocked: int = 0  # chunks the service refused for content safety
    max_in_flight: int = 0
    limit_cuts: int = 0  # how often the in-flight cap was halved
    steals: int = 0
    audio_ms: int = 0  # audio actually uploaded (billed) in this call


def guess_language(text: str) -> str:
    cjk = sum(1 for ch in text if is_cjk_char(ch))
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    if not cjk and not latin:
        return ""
    return "zh" if cjk >= latin / 4 else "en"


class GlmEngine:
    name = "glm"
    max_chunk_ms = MAX_UPLOAD_MS
    margin_ms = 1000  # chunks stay 1 s under the service's 30 s

    def __init__(self, settings: Optional[GlmSettings] = None, *,
                 transport: Optional[httpx.AsyncBaseTransport] = None) -> None:
        self.settings = settings or GlmSettings()
        self._transport = transport  # tests of error branches plug an httpx.MockTransport here
        self.last_stats = GlmStats()
        self._rng = random.Random()

    def __repr__(self) -> str:
        return f"GlmEngine({self.settings!r})"

    def describe(self) -> str:
        s = self.settings
        extras = [f"{s.concurrency} at once", "context on" if s.context else "context off"]
        if s.stream:
            extras.append("streaming")
        if s.hotwords:
            extras.append(f"{len(s.hotwords_sent())} hotwords")
        return f"GLM-ASR cloud ({s.model} at {s.host}; {', '.join(extras)})"

    def cost_line(self, audio_ms: int) -> str:
        return cost_line(audio_ms)

    def chunk_plan(self, total_speech_ms: int, audio_key: str = "") -> Optional[int]:
        """Target chunk length (ms) so the uploads fill whole rounds of the concurrency, or None
        (one at a time, or one piece: packing to the limit is best). With ``audio_key`` the first
        plan for that audio is kept in the cache, so a re-run with another concurrency cuts the
        same chunks and pays nothing twice."""
        cache = ResultCache(self.settings.cache_root, enabled=self.settings.use_cache)
        stored = cache.get_plan(audio_key) if audio_key else None
        if stored is not None:
            return stored or None
        target = None
        if self.settings.concurrency > 1:
            n = plan_piece_count(total_speech_ms, self.max_chunk_ms - self.margin_ms, self.settings.concurrency)
            # audio that fits in one round is packed to the limit (fewest requests, most context)
            target = -(-total_speech_ms // n) if n > self.settings.concurrency else None
        if audio_key:
            cache.put_plan(audio_key, target or 0)
        return target

    def get_layout(self, layout_key: str) -> Optional[dict[str, Any]]:
        """The piece layout a job stored for this media and these settings (None: not yet)."""
        return ResultCache(self.settings.cache_root, enabled=self.settings.use_cache).get_layout(layout_key)

    def put_layout(self, layout_key: str, layout: dict[str, Any]) -> None:
        """Kept before any of its pieces is sent: a resumed job cuts exactly the same pieces."""
        ResultCache(self.settings.cache_root, enabled=self.settings.use_cache).put_layout(layout_key, layout)

    # -- entry point -------------------------------------------------------------------------

    def transcribe(
        self,
        chunks: Sequence[Chunk],
        *,
        language: Optional[str] = None,
        on_progress: ProgressCallback = no_progress,
        cancel: Optional[CancelToken] = None,
    ) -> list[ChunkResult]:
        if not self.settings.has_key():
            raise AuthError(NO_KEY_MESSAGE)
        cancel = ensure_token(cancel)
        cancel.check()
        run = _Run(self, list(chunks), language, on_progress, cancel)
        if not _loop_running():
            return asyncio.run(run.main())
        # called from inside an event loop: run ours on a helper thread
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, run.main()).result()


def check_key(settings: GlmSettings) -> str:
    """Try the key with one tiny upload (1 s of near-silence, ≈ 0.001 RMB). Returns a sentence;
    raises AuthError / BillingError / EngineError with the reason."""
    import dataclasses

    import numpy as np

    quick = dataclasses.replace(settings, concurrency=1, max_retries=1, max_rate_retries=2, use_cache=False,
                                stream=False, timeout_s=min(20.0, settings.timeout_s))
    samples = (np.random.default_rng(0).standard_normal(16000) * 30).astype(np.int16)
    chunk = Chunk(0, 0, 1000, (), samples)
    [result] = GlmEngine(quick).transcribe([chunk], language=None)
    if result.error:
        raise EngineError(Reason("glm.check_failed", reason=result.error))
    return f"The key works ({quick.host} answered)."


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


class _Run:
    """State of one ``transcribe`` call."""

    def __init__(self, engine: GlmEngine, chunks: list[Chunk], language: Optional[str],
                 on_progress: ProgressCallback, cancel: CancelToken) -> None:
        self.engine = engine
        self.s = engine.settings
        self.chunks = chunks
        self.language = language
        self.on_progress = on_progress
        self.cancel = cancel
        self.results: list[Optional[ChunkResult]] = [None] * len(chunks)
        self.texts: dict[int, str] = {}  # position -> known text (context for the next chunk)
        self.stats = GlmStats(chunks=len(chunks))
        engine.last_stats = self.stats
        self.cache = ResultCache(self.s.cache_root, enabled=self.s.use_cache)
        self.keys = [
            chunk_key(c, model=self.s.model, hotwords=self.s.hotwords_sent(), context=self.s.context,
                      language=language)
            for c in chunks
        ]
        self.done = 0
        self.successes = 0
        self.gave_up = 0  # pieces that ended as gaps
        self.waiting: dict[int, float] = {}  # position -> when its current request was sent
        self.last_notice = 0.0

    # -- progress ----------------------------------------------------------------------------

    def _report(self, preview: str = "", message: str = "", result: Optional[ChunkResult] = None) -> None:
        total = len(self.chunks)
        if not message:
            message = f"GLM-ASR: {self.done}/{total} pieces"
            if self.stats.cached:
                message += f" ({self.stats.cached} from cache)"
        self.on_progress(Progress("transcribe", self.done / max(1, total), message, self.done, total, preview,
                                  result))

    def _notice(self, text: str) -> None:
        total = len(self.chunks)
        self.last_notice = _now()
        self.on_progress(Progress("transcribe", self.done / max(1, total), text, self.done, total, notice=text))

    def _watch(self) -> None:
        """Say so when a request has had no answer for a while (a hung server is visible)."""
        if not self.waiting:
            return
        now = _now()
        age = now - min(self.waiting.values())
        if age >= self.s.notice_s and now - self.last_notice >= max(self.s.notice_s, 10.0):
            self._notice(Reason("notice.no_answer", host=self.s.host, seconds=f"{age:.0f}",
                                limit=secs(self.s.max_wait_s)))

    def _finish(self, pos: int, result: ChunkResult) -> None:
        self.results[pos] = result
        if result.ok and not result.flag:
            self.texts[pos] = result.text
        self.done += 1
        self._report(preview=result.text, result=result)

    # -- the run -----------------------------------------------------------------------------

    async def main(self) -> list[ChunkResult]:
        todo: list[int] = []
        for pos, chunk in enumerate(self.chunks):
            hit = self.cache.get(self.keys[pos])
            if hit is not None:
                text, segments, lang = hit
                self.stats.cached += 1
                self._finish(pos, ChunkResult(chunk.index, text, segments, language=self.language or lang,
                                              cached=True))
            else:
                todo.append(pos)
        if todo:
            weights = [1.0 + 0.05 * self.chunks[p].duration_ms / 1000 for p in todo]
            sched = RunScheduler(todo, weights, self.s.concurrency)
            limiter = AimdLimiter(self.s.concurrency)
            async with open_client(self.s, self.engine._transport) as client:
                workers = [
                    asyncio.create_task(self._worker(w, sched, limiter, client))
                    for w in range(len(sched.runs))
                ]
                try:
                    await self._supervise(workers)
                finally:
                    self.stats.max_in_flight = limiter.max_seen
                    self.stats.limit_cuts = limiter.decreases
                    self.stats.steals = sched.steals
        return [r for r in self.results if r is not None]

    async def _supervise(self, workers: list[asyncio.Task[None]]) -> None:
        pending = set(workers)
        try:
            while pending:
                done, pending = await asyncio.wait(pending, timeout=POLL_S, return_when=asyncio.FIRST_EXCEPTION)
                errors = [e for t in done if not t.cancelled() and (e := t.exception()) is not None]
                if errors:
                    raise errors[0]
                if self.cancel.cancelled:
                    raise Cancelled()
                self._watch()
        finally:
            for t in pending:
                t.cancel()
            if pending:
                await asyncio.gather(*pending, return_exceptions=True)

    async def _worker(self, w: int, sched: RunScheduler, limiter: AimdLimiter, client: httpx.AsyncClient) -> None:
        while True:
            pos = sched.next(w)
            if pos is None:
                return
            self._finish(pos, await self._one(pos, limiter, client))

    def _prompt(self, pos: int) -> Optional[str]:
        if not self.s.context:
            return None
        parts: list[str] = []
        size = 0
        j = pos - 1
        while j >= 0 and j in self.texts and size < PROMPT_CHARS:
            parts.append(self.texts[j])
            size += len(self.texts[j]) + 1
            j -= 1
        text = join_texts(reversed(parts))
        return text[-PROMPT_CHARS:] or None

    async def _one(self, pos: int, limiter: AimdLimiter, client: httpx.AsyncClient) -> ChunkResult:
        chunk = self.chunks[pos]
        key = self.keys[pos]
        audio = wav_bytes(chunk.samples)
        try:
            check_upload(audio)  # over the service's limits: never sent (send_piece checks again)
        except ChunkError as exc:
            self.stats.failed += 1
            return ChunkResult(chunk.index, error=exc.reason or str(exc))
        tries = Retries(self.s, self.stats, self.engine._rng)
        deadline: Optional[float] = None  # max_wait_s from the first send (not from queueing for a slot)
        last = ""  # the last transient failure, named when the piece is given up

        def on_delta(text: str) -> None:
            self._report(preview=text, message=f"GLM-ASR: receiving piece {chunk.index + 1}")

        while True:
            prompt = self._prompt(pos)
            request_id = f"subtitler-{key[:16]}-{uuid.uuid4().hex[:8]}"
            outcome = "other"
            epoch = await limiter.acquire()
            if deadline is None:
                deadline = _now() + self.s.max_wait_s
            left = deadline - _now()
            try:
                tries.sending()
                self.waiting[pos] = _now()
                if left <= 0:
                    raise asyncio.TimeoutError
                transcript: Transcript = await asyncio.wait_for(send_piece(
                    client, self.s, audio, prompt=prompt, request_id=request_id, on_delta=on_delta
                ), timeout=left)
                outcome = "ok"
            except asyncio.TimeoutError:
                why = (Reason("glm.last_of_tries", n=tries.sends, reason=last) if last and tries.sends > 1
                       else (last or Reason("glm.server_silent")))
                return self._give_up(chunk, Reason("glm.no_answer_within", limit=secs(self.s.max_wait_s), why=why))
            except RetryableError as exc:
                retry = exc
                last = exc.reason
                if exc.rate_limited:
                    outcome = "rate_limited"
            except ChunkError as exc:
                if exc.blocked:
                    self.stats.blocked += 1
                    return ChunkResult(chunk.index, "", None, flag=str(BLOCKED_FLAG))  # a cue flag: plain data
                return self._give_up(chunk, exc.reason or str(exc))
            finally:
                self.waiting.pop(pos, None)
                limiter.release(epoch, outcome)
            if outcome == "ok":
                self.successes += 1
                self.stats.audio_ms += chunk.duration_ms
                lang = self.language or guess_language(transcript.text)
                # stored before the result counts as done (a kill after this never re-sends it);
                # on a worker thread, so the fsync does not stall the other uploads
                await asyncio.to_thread(self.cache.put, key, transcript.text, transcript.segments, lang)
                return ChunkResult(chunk.index, transcript.text, transcript.segments, language=lang)
            # a transient failure: wait and send again, unless the budget is spent
            delay = tries.delay(retry)
            if delay is None:
                if retry.unreachable and self.successes == 0:
                    raise EngineError(Reason("glm.unreachable", host=self.s.host, reason=retry.reason))
                return self._give_up(chunk, Reason("glm.gave_up", n=tries.sends, reason=retry.reason))
            left = deadline - _now()
            if retry.retry_after is not None and retry.retry_after > left:
                self._notice(Reason("notice.asks_to_wait", wait=secs(retry.retry_after), reason=retry.reason,
                                    limit=secs(self.s.max_wait_s)))
                return self._give_up(chunk, Reason("glm.asked_to_wait", wait=secs(retry.retry_after),
                                                   reason=retry.reason, limit=secs(self.s.max_wait_s)))
            delay = max(0.0, min(delay, left))
            if delay >= 2.0 and _now() - self.last_notice >= 2.0:
                self._notice(Reason("notice.retrying", reason=retry.reason, seconds=f"{delay:.0f}",
                                    limit=secs(self.s.max_wait_s)))
            await asyncio.sleep(delay)

    def _give_up(self, chunk: Chunk, reason: str) -> ChunkResult:
        """This piece becomes a flagged gap; when no piece at all has worked and a few have failed,
        the service is not answering usefully: stop the file instead of trying every piece."""
        self.stats.failed += 1
        self.gave_up += 1
        if (self.successes == 0 and self.gave_up >= GIVE_UP_FILE_AFTER
                and len(self.chunks) - self.stats.cached > GIVE_UP_FILE_AFTER):
            raise EngineError(Reason("glm.no_usable_answer", host=self.s.host, reason=unstopped(reason)))
        return ChunkResult(chunk.index, error=reason)


def _now() -> float:
    return time.monotonic()


__all__ = [
    "GlmEngine",
    "check_key",
    "GlmSettings",
    "GlmStats",
    "Secret",
    "MAINLAND_URL",
    "INTERNATIONAL_URL",
    "cost_line",
    "estimate_cost_rmb",
    "load_hotwords",
    "guess_language",
]
