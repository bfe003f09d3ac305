"""Translation and polish of cues through the GLM chat API: batches keyed by cue id, every answer
checked, and no cue ever shifted, merged, dropped or invented.

* Cues go in batches (``batch_cues`` / ``batch_chars``) with ``context_cues`` neighbours on each
  side (sent for understanding only) and the series glossary. Each batch is a JSON object
  ``{"<cue number>": "<text>"}``; the answer must be a JSON object with exactly those ids.
* Every answer is checked (:func:`check_answer`): prose or code fences around the JSON and a
  single wrapping object are repaired (counted in ``stats.repaired``); missing, extra, merged or
  renumbered ids, empty or non-text values, a neighbour's translation repeated, ``finish_reason``
  ``length`` — the batch is split in halves and each half sent again, down to single cues; a
  single cue whose answers keep failing (or that the service blocks) keeps an empty translation
  and a flag. Results are stored by position, never by the model's order: the output has exactly
  the input's cues, each with its own start and end.
* Transport as for GLM-ASR (engines/glm_client.py): the same key, base URL and error table;
  ``concurrency`` requests in flight under the AIMD limiter, 429 back-off honouring Retry-After,
  retries of dropped connections and 5xx.
* Every fully answered batch is cached on disk (atomic), keyed by its texts, the model, the
  languages and the glossary: a re-run sends nothing. Tokens used are counted from ``usage``.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import difflib
import hashlib
import json
import random
import re
import uuid
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Optional, Sequence

import httpx

from ..document.model import Document

from ..document.cues import Cue, Edit, Replace, SetProp, Step
from ..engines.glm_cache import write_atomic
from ..engines.glm_chat import DEFAULT_CHAT_MODEL, ChatAnswer, chat_payload, send_chat
from ..engines.glm_client import NO_KEY_MESSAGE, open_client
from ..engines.glm_pool import AimdLimiter, Retries, RetryableError
from ..engines.glm_settings import GlmSettings, clean_hotwords
from ..foundation.errors import MESSAGES, AuthError, Cancelled, ChunkError, EngineError, Reason, UsageError, reason_of
from ..foundation.progress import CancelToken, Progress, ProgressCallback, ensure_token, no_progress
from ..foundation.paths import cache_dir as app_cache_dir
from ..timing.rules import break_lines, get_profile
from ..text.script import is_cjk_char, is_cjk_text, join_texts
from ..text.zh import ZhStyle, finish_text, prepare_text

FORMAT = 1
POLL_S = 0.05
MAX_GLOSSARY = 100  # terms sent with each batch (as for GLM-ASR hotwords)

LANGUAGE_NAMES = {
    "en": "English", "zh": "Simplified Chinese", "zh-cn": "Simplified Chinese", "zh-hans": "Simplified Chinese",
    "zh-tw": "Traditional Chinese", "zh-hant": "Traditional Chinese", "ja": "Japanese", "ko": "Korean",
    "fr": "French", "de": "German", "es": "Spanish", "pt": "Portuguese", "it": "Italian", "ru": "Russian",
    "ar": "Arabic", "vi": "Vietnamese", "th": "Thai", "id": "Indonesian", "nl": "Dutch", "tr": "Turkish",
}
_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")

FLAG_BLOCKED = Reason("flag.chat_blocked")  # a cue's flag (a Reason: the app says it in the user's language)


def check_language(code: str) -> str:
    """A language code (``zh``, ``en``, ``pt-BR``…), safe to put in a file name."""
    code = (code or "").strip()
    if not _LANG_RE.match(code):
        raise UsageError(Reason("chat.not_language", code=code))
    return code


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get((code or "").lower(), code or "the original language")


def estimate_tokens(text: str) -> int:
    """A rough count for sizing ``max_tokens`` and estimates: about 1.6 CJK characters or 4 other
    characters per token (GLM's tokenizer is not available offline)."""
    cjk = sum(1 for ch in text if is_cjk_char(ch))
    return int((cjk / 1.6) + (len(text) - cjk) / 4) + 1


@dataclass
class ChatSettings:
    """Translation / polish settings. ``glm`` carries the key, base URL, concurrency, timeouts and
    retry budgets shared with GLM-ASR."""

    glm: GlmSettings = field(default_factory=GlmSettings)
    model: str = DEFAULT_CHAT_MODEL
    batch_cues: int = 20
    batch_chars: int = 1500
    context_cues: int = 3
    bad_answer_tries: int = 3  # sends of a single cue whose answers keep failing the checks
    temperature: float = 0.3
    cache_dir: Optional[Path] = None
    use_cache: bool = True

    def __post_init__(self) -> None:
        self.model = (self.model or "").strip()
        if not self.model:
            raise UsageError(Reason("chat.no_model"))
        if self.batch_cues < 1 or self.batch_chars < 1 or self.context_cues < 0 or self.bad_answer_tries < 1:
            raise UsageError(Reason("chat.bad_sizes"))
        self.cache_dir = Path(self.cache_dir) if self.cache_dir is not None else app_cache_dir("chat")


@dataclass
class ChatStats:
    """What one translate/polish call did (CLI summary, tests, benchmark)."""

    task: str = "translate"
    cues: int = 0
    batches: int = 0
    cached: int = 0  # batches answered from the cache
    requests: int = 0  # HTTP requests, retries included
    retries: int = 0  # re-sends after transient failures (429, 5xx, dropped connections)
    rate_limited: int = 0
    bad_answers: Counter[str] = field(default_factory=Counter)  # kind -> answers that failed the checks
    repaired: Counter[str] = field(default_factory=Counter)  # kind -> answers repaired (fences, prose…)
    splits: int = 0
    failed: int = 0  # cues left without a result
    reasons: Counter[str] = field(default_factory=Counter)  # why cues were left without a result
    blocked: int = 0  # cues the service blocked
    prompt_tokens: int = 0
    completion_tokens: int = 0
    max_in_flight: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def summary(self) -> str:
        cached = f", {self.cached} batches from cache" if self.cached else ""
        bad = f", {sum(self.bad_answers.values())} answers re-asked" if self.bad_answers else ""
        return (f"{self.cues} cues in {self.requests} requests{cached}{bad}; {self.total_tokens:,} tokens "
                f"({self.prompt_tokens:,} in, {self.completion_tokens:,} out)")


class BadAnswer(Exception):
    """An answer that fails the checks; ``kind`` names how."""

    def __init__(self, kind: str) -> None:
        code = f"answer.{kind}"
        if code in MESSAGES:
            kind = Reason(code)  # the app says it in the user's language
        super().__init__(kind)
        self.kind = kind


# -- answers ---------------------------------------------------------------------------------
_FENCE = re.compile(r"```[A-Za-z0-9_-]*\s*\n?(.*?)```", re.S)


def extract_object(content: str) -> tuple[dict[str, Any], str]:
    """The JSON object of an answer and how it was repaired ("" when it was clean): code fences
    and prose around it are dropped. Raises BadAnswer when there is no JSON object."""
    text = (content or "").strip()
    if not text:
        raise BadAnswer("empty answer")
    candidates = [(text, "")]
    fenced = _FENCE.search(text)
    if fenced:
        candidates.append((fenced.group(1).strip(), "fence"))
    start = text.find("{")
    if start >= 0:
        candidates.append((text[start:], "prose"))
    decoder = json.JSONDecoder()
    for cand, how in candidates:
        try:
            obj, end = decoder.raw_decode(cand)
        except ValueError:
            continue
        if cand[end:].strip():
            how = how or "prose"  # text after the object
        if isinstance(obj, dict):
            return obj, how
        raise BadAnswer("not an object")
    raise BadAnswer("not JSON")


def _unwrap(obj: dict[str, Any], ids: Sequence[str]) -> tuple[dict[str, Any], bool]:
    """``{"cues": {...}}`` / ``{"translations": {...}}``: the inner object, when the outer one has
    nothing else and the inner one holds our ids."""
    if len(obj) == 1:
        (inner,) = obj.values()
        if isinstance(inner, dict) and set(map(_key, inner)) & set(ids) and not set(map(_key, obj)) & set(ids):
            return inner, True
    return obj, False


def _key(k: Any) -> str:
    return str(k).strip()


def _value(v: Any) -> str:
    if isinstance(v, str):
        return v.strip()
    if isinstance(v, list) and v and all(isinstance(x, str) for x in v):
        return join_texts([x.strip() for x in v])  # one cue given as a list of lines
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return str(v)
    raise BadAnswer("not text")


def check_answer(obj: dict[str, Any], ids: Sequence[str], sources: Sequence[str]) -> tuple[list[str], str]:
    """The texts for ``ids`` in order and the repair made ("", "wrapper": an outer object removed,
    "notes": keys that are no cue id, such as ``"note"``, dropped while every id is there), or
    BadAnswer: exactly the same ids, each a non-empty text, no neighbour's text repeated."""
    obj, unwrapped = _unwrap(obj, ids)
    repair = "wrapper" if unwrapped else ""
    got = {_key(k): v for k, v in obj.items()}
    want = set(ids)
    notes = [k for k in got if k not in want and not k.isdigit()]
    if notes and want <= set(got):
        got = {k: v for k, v in got.items() if k not in notes}
        repair = repair or "notes"
    if set(got) != want:
        missing, extra = want - set(got), set(got) - want
        if missing and extra:
            kind = "renumbered ids" if len(got) == len(want) else "merged ids" if len(got) < len(want) else "extra ids"
        elif missing:
            kind = "missing ids"
        else:
            kind = "extra ids"
        raise BadAnswer(kind)
    out = [_value(got[i]) for i in ids]
    if any(not t for t in out):
        raise BadAnswer("empty text")
    for k in range(1, len(out)):
        # the same text for two different neighbours: typically two cues merged into both slots
        if out[k] == out[k - 1] and sources[k] != sources[k - 1] and len(out[k]) > 3:
            raise BadAnswer("repeated text")
    return out, repair


def flat_text(text: str) -> str:
    """A cue's text on one line (CJK lines are joined without a space)."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    return join_texts(lines)


# -- requests --------------------------------------------------------------------------------
def _system_prompt(task: str, source: str, target: str) -> str:
    common = (
        'The user sends a JSON object: "cues" maps cue ids to the text of each subtitle cue; '
        '"context_before" and "context_after" are the neighbouring cues, for understanding only; '
        '"glossary" lists names and terms to spell exactly as given. '
        "Never merge, split, add, drop or renumber cues: give one text for every id, even for half a "
        "sentence, and keep each about as long as its source so it fits the same time on screen. "
        'Answer with only a JSON object with exactly the ids of "cues": {"<id>": "<text>", ...}.'
    )
    if task == "polish":
        return (
            f"You correct speech-recognition errors in {language_name(source)} subtitles: misheard words, "
            "names and terms from the glossary, wrong homophones, missing punctuation. Keep the wording "
            "otherwise; a cue that is right is returned unchanged. " + common
        )
    return (
        f"You are a professional subtitle translator. Translate each cue from {language_name(source)} into "
        f"{language_name(target)}, naturally and concisely. Do not translate the context. " + common
    )


@dataclass
class _Job:
    positions: list[int]
    top: "_Batch"
    tries: int = 0  # sends whose answers failed the checks (single cues)


@dataclass
class _Batch:
    positions: list[int]
    key: str
    left: int = 0
    clean: bool = True


class _ChatRun:
    def __init__(self, task: str, texts: Sequence[str], settings: ChatSettings, *, source: str, target: str,
                 glossary: Sequence[str], on_progress: ProgressCallback, cancel: CancelToken,
                 transport: Optional[httpx.AsyncBaseTransport]) -> None:
        self.task = task
        self.texts = [flat_text(t) for t in texts]
        self.s = settings
        self.source, self.target = source or "", target or ""
        self.glossary = clean_hotwords(glossary)[:MAX_GLOSSARY]
        self.on_progress = on_progress
        self.cancel = cancel
        self.transport = transport
        self.results: list[Optional[str]] = [None] * len(self.texts)
        self.flags: list[str] = [""] * len(self.texts)
        self.stats = ChatStats(task=task, cues=len(self.texts))
        self.done = 0
        self.successes = 0
        self.rng = random.Random()

    # -- planning ----------------------------------------------------------------------------
    def plan(self) -> list[list[int]]:
        batches: list[list[int]] = []
        cur: list[int] = []
        size = 0
        for pos, text in enumerate(self.texts):
            if not text:
                continue  # nothing to translate (a flagged gap): stays empty
            if cur and (len(cur) >= self.s.batch_cues or size + len(text) > self.s.batch_chars):
                batches.append(cur)
                cur, size = [], 0
            cur.append(pos)
            size += len(text)
        if cur:
            batches.append(cur)
        return batches

    def key(self, positions: Sequence[int]) -> str:
        meta = {"format": FORMAT, "task": self.task, "model": self.s.model, "source": self.source,
                "target": self.target, "glossary": self.glossary, "texts": [self.texts[p] for p in positions]}
        return hashlib.sha256(json.dumps(meta, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()

    def _cache_path(self, key: str) -> Path:
        assert self.s.cache_dir is not None
        return self.s.cache_dir / key[:2] / f"{key}.json"

    def cache_get(self, key: str, n: int) -> Optional[list[str]]:
        if not self.s.use_cache:
            return None
        try:
            data = json.loads(self._cache_path(key).read_text(encoding="utf-8"))
            texts = data["texts"] if data.get("format") == FORMAT else None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        if not isinstance(texts, list) or len(texts) != n or not all(isinstance(t, str) and t for t in texts):
            return None
        return texts

    def cache_put(self, key: str, texts: list[str]) -> None:
        if self.s.use_cache:
            write_atomic(self._cache_path(key), json.dumps({"format": FORMAT, "texts": texts}, ensure_ascii=False))

    def messages(self, positions: Sequence[int]) -> tuple[str, str, list[str]]:
        ids = [str(p + 1) for p in positions]
        k = self.s.context_cues
        first, last = positions[0], positions[-1]
        before = [t for t in self.texts[max(0, first - k):first] if t]
        after = [t for t in self.texts[last + 1:last + 1 + k] if t]
        body: dict[str, Any] = {"task": self.task}
        if self.task == "translate":
            body.update(source_language=self.source or "auto", target_language=self.target)
        else:
            body.update(language=self.source or "auto")
        if self.glossary:
            body["glossary"] = self.glossary
        body["context_before"] = before
        body["cues"] = {i: self.texts[p] for i, p in zip(ids, positions)}
        body["context_after"] = after
        return _system_prompt(self.task, self.source, self.target), json.dumps(body, ensure_ascii=False), ids

    # -- progress ----------------------------------------------------------------------------
    def _resolve(self, pos: int, text: Optional[str], flag: str = "") -> None:
        self.results[pos] = text
        self.flags[pos] = flag
        self.done += 1
        verb = "translating" if self.task == "translate" else "polishing"
        total = self.stats.cues
        self.on_progress(Progress(self.task, self.done / max(1, total), f"{verb}: {self.done}/{total} cues",
                                  self.done, total, text or "", result=self.stats))  # stats: tokens so far

    def _finish_part(self, job: _Job, ok: bool) -> None:
        top = job.top
        top.left -= len(job.positions)
        top.clean = top.clean and ok
        if top.left == 0 and top.clean and len(top.positions) > len(job.positions):
            # a batch that needed splitting is stored whole once every part is answered
            self.cache_put(top.key, [self.results[p] or "" for p in top.positions])

    # -- the run -----------------------------------------------------------------------------
    async def main(self) -> None:
        for pos, text in enumerate(self.texts):
            if not text:
                self._resolve(pos, "")
        queue: asyncio.Queue[_Job] = asyncio.Queue()
        for positions in self.plan():
            self.stats.batches += 1
            top = _Batch(positions, self.key(positions), left=len(positions))
            hit = self.cache_get(top.key, len(positions))
            if hit is not None:
                self.stats.cached += 1
                for p, t in zip(positions, hit):
                    self._resolve(p, t)
                continue
            queue.put_nowait(_Job(list(positions), top))
        if queue.empty():
            return
        limiter = AimdLimiter(self.s.glm.concurrency)
        async with open_client(self.s.glm, self.transport) as client:
            # one worker per slot even for few batches: their halves may run side by side
            workers = [asyncio.create_task(self._worker(queue, limiter, client))
                       for _ in range(self.s.glm.concurrency)]
            joined = asyncio.create_task(queue.join())
            try:
                await self._supervise(joined, workers)
            finally:
                self.stats.max_in_flight = limiter.max_seen
                for task in [joined, *workers]:
                    task.cancel()
                await asyncio.gather(joined, *workers, return_exceptions=True)

    async def _supervise(self, joined: asyncio.Task[None], workers: list[asyncio.Task[None]]) -> None:
        while not joined.done():
            done, _ = await asyncio.wait([joined, *workers], timeout=POLL_S, return_when=asyncio.FIRST_COMPLETED)
            for t in done:
                if t is not joined and not t.cancelled() and (error := t.exception()) is not None:
                    raise error
            if self.cancel.cancelled:
                raise Cancelled()

    async def _worker(self, queue: asyncio.Queue[_Job], limiter: AimdLimiter, client: httpx.AsyncClient) -> None:
        while True:
            job = await queue.get()
            try:
                await self._do(job, queue, limiter, client)
            finally:
                queue.task_done()

    async def _do(self, job: _Job, queue: asyncio.Queue[_Job], limiter: AimdLimiter, client: httpx.AsyncClient) -> None:
        system, user, ids = self.messages(job.positions)
        sources = [self.texts[p] for p in job.positions]
        key = self.key(job.positions)
        max_tokens = min(8192, 256 + 3 * estimate_tokens(json.dumps(dict(zip(ids, sources)), ensure_ascii=False)))
        payload = chat_payload(self.s.model, system, user, max_tokens=max_tokens, temperature=self.s.temperature,
                               request_id=f"subtitler-{key[:16]}-{uuid.uuid4().hex[:8]}")
        try:
            answer = await self._send(payload, limiter, client)
        except ChunkError as exc:
            if exc.blocked:
                self._smaller(job, queue, "blocked", blocked=True)
                return
            if self.successes == 0:
                raise EngineError(Reason("chat.refused", reason=reason_of(exc) or str(exc))) from None
            self._fail(job, reason_of(exc) or str(exc))
            return
        except _GaveUp as exc:
            self._fail(job, exc.reason)
            return
        self._count(answer)
        if answer.finish_reason == "sensitive":
            self._smaller(job, queue, "blocked", blocked=True)
            return
        try:
            if answer.finish_reason == "length":
                raise BadAnswer("cut off")
            obj, how = extract_object(answer.content)
            texts, fixed = check_answer(obj, ids, sources)
        except BadAnswer as bad:
            self.stats.bad_answers[bad.kind] += 1
            self._smaller(job, queue, bad.kind)
            return
        if how:
            self.stats.repaired[how] += 1
        if fixed:
            self.stats.repaired[fixed] += 1
        self.successes += 1
        if self.task == "polish":
            texts = [_plausible(old, new, self.stats) for old, new in zip(sources, texts)]
        # stored before the cues count as done; on a worker thread, so the fsync stalls no request
        await asyncio.to_thread(self.cache_put, key, texts)
        for p, t in zip(job.positions, texts):
            self._resolve(p, t)
        self._finish_part(job, True)

    def _smaller(self, job: _Job, queue: asyncio.Queue[_Job], kind: str, *, blocked: bool = False) -> None:
        """A batch whose answer cannot be used: halves, down to single cues; a single cue is sent
        again up to ``bad_answer_tries`` times, then keeps an empty text and a flag."""
        if len(job.positions) > 1:
            half = len(job.positions) // 2
            self.stats.splits += 1
            queue.put_nowait(_Job(job.positions[:half], job.top))
            queue.put_nowait(_Job(job.positions[half:], job.top))
            return
        job.tries += 1
        if job.tries < self.s.bad_answer_tries:
            queue.put_nowait(job)
        elif blocked:
            self.stats.blocked += 1
            self.stats.reasons[Reason("chat.blocked")] += 1
            self._give_up(job, FLAG_BLOCKED)
        else:
            self._fail(job, Reason("chat.checks_failed", kind=kind))

    def _fail(self, job: _Job, reason: str) -> None:
        self.stats.failed += len(job.positions)
        self.stats.reasons[reason] += len(job.positions)
        self._give_up(job, Reason("flag.not_translated", reason=reason))

    def _give_up(self, job: _Job, flag: str) -> None:
        for p in job.positions:
            if self.task == "polish":
                self._resolve(p, self.texts[p])  # polish is optional: the cue stays as it was
            else:
                self._resolve(p, "", flag)
        self._finish_part(job, False)

    def _count(self, answer: ChatAnswer) -> None:
        self.stats.prompt_tokens += answer.prompt_tokens
        self.stats.completion_tokens += answer.completion_tokens

    async def _send(self, payload: dict[str, Any], limiter: AimdLimiter, client: httpx.AsyncClient) -> ChatAnswer:
        """One answer, re-sent after transient failures (429 with back-off, 5xx, dropped)."""
        g = self.s.glm
        tries = Retries(g, self.stats, self.rng)
        while True:
            outcome = "other"
            epoch = await limiter.acquire()
            try:
                tries.sending()
                answer = await send_chat(client, g, payload)
                outcome = "ok"
            except RetryableError as exc:
                retry = exc
                if exc.rate_limited:
                    outcome = "rate_limited"
            finally:
                limiter.release(epoch, outcome)
            if outcome == "ok":
                if answer.finish_reason != "network_error":
                    return answer
                self._count(answer)  # billed all the same
                retry = RetryableError(Reason("chat.lost_model"), network=True)
            delay = tries.delay(retry)
            if delay is None:
                if retry.unreachable and self.successes == 0:
                    raise EngineError(Reason("chat.unreachable", host=g.host, reason=retry.reason))
                raise _GaveUp(Reason("chat.gave_up", n=tries.sends, reason=retry.reason))
            await asyncio.sleep(delay)


class _GaveUp(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _plausible(old: str, new: str, stats: ChatStats) -> str:
    """A polish answer that rewrites most of a cue is not a correction: the cue stays."""
    if new != old and difflib.SequenceMatcher(None, old, new, autojunk=False).ratio() < 0.5:
        stats.bad_answers["implausible correction"] += 1
        return old
    return new


def _run(task: str, texts: Sequence[str], settings: Optional[ChatSettings], *, source: str, target: str,
         glossary: Sequence[str], on_progress: ProgressCallback, cancel: Optional[CancelToken],
         transport: Optional[httpx.AsyncBaseTransport]) -> _ChatRun:
    settings = settings or ChatSettings()
    if not settings.glm.has_key():
        raise AuthError(NO_KEY_MESSAGE)
    cancel = ensure_token(cancel)
    cancel.check()
    run = _ChatRun(task, texts, settings, source=source, target=target, glossary=glossary,
                   on_progress=on_progress, cancel=cancel, transport=transport)
    from ..engines.glm import _loop_running

    if not _loop_running():
        asyncio.run(run.main())
    else:  # called from inside an event loop: run ours on a helper thread
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, run.main()).result()
    return run


# -- public API ------------------------------------------------------------------------------
@dataclass
class TranslationResult:
    cues: list[Cue]  # one per input cue, same start and end; text = the translation
    language: str
    stats: ChatStats

    @property
    def flagged(self) -> int:
        return sum(1 for c in self.cues if c.flag)


# Chinese targets that name a script: OpenCC makes sure of it whatever the model wrote
TARGET_SCRIPTS = {"zh-tw": "tw", "zh-hk": "hk", "zh-mo": "hk", "zh-hant": "hant", "zh-cn": "hans", "zh-sg": "hans",
                  "zh-hans": "hans"}


def target_zh_style(target: str, zh: Optional[ZhStyle] = None) -> Optional[ZhStyle]:
    """The Chinese conventions (core/text/zh.py) for a translation into ``target``: the document's
    punctuation and spacing, the script the target names (else the document's); None for a
    target that is not Chinese."""
    t = target.lower()
    if not (t == "zh" or t.startswith("zh-")):
        return None
    base = zh or ZhStyle()
    return replace(base, script=TARGET_SCRIPTS.get(t, base.script))


def layout(text: str, profile_name: Optional[str] = None, zh: Optional[ZhStyle] = None) -> str:
    """``text`` laid out in lines by its own language's rules (Chinese: with the conventions
    ``zh``: script and marks before breaking, punctuation style after)."""
    if not text:
        return ""
    if zh is not None and is_cjk_text(text):
        text = prepare_text(text, zh)
        profile = replace(get_profile(profile_name, text), zh_punct=zh.punct)
        return finish_text(break_lines(text, profile), zh)
    return break_lines(text, get_profile(profile_name, text))


def translate_cues(cues: Sequence[Cue], target: str, *, source: str = "", settings: Optional[ChatSettings] = None,
                   glossary: Sequence[str] = (), zh: Optional[ZhStyle] = None,
                   on_progress: ProgressCallback = no_progress, cancel: Optional[CancelToken] = None,
                   transport: Optional[httpx.AsyncBaseTransport] = None) -> TranslationResult:
    """The cues translated into ``target``: exactly one cue per input cue with its start and end;
    a cue that could not be translated has empty text and a flag saying why. Texts are laid out
    by the target language's line rules (a Chinese target also by the conventions ``zh``, its
    script as the target names it: zh-TW, zh-Hant…)."""
    target = check_language(target)
    run = _run("translate", [c.text for c in cues], settings, source=source, target=target, glossary=glossary,
               on_progress=on_progress, cancel=cancel, transport=transport)
    style = target_zh_style(target, zh)
    out = [Cue(c.start, c.end, layout(t or "", None, style), f or c.flag)
           for c, t, f in zip(cues, run.results, run.flags)]
    return TranslationResult(out, target, run.stats)


def translation_track(language: str) -> str:
    """The name of the document track that holds a translation (the editor's translation column)."""
    return f"translation:{language}"


def attach_translation(document: Document, result: TranslationResult) -> Edit:
    """Put the translation into the document's track ``translation:LANG`` (added when new) as one
    undoable edit. Refused unless the translation matches the document cue for cue (count and
    times), so a translation made before an edit cannot land on the wrong cues."""
    if len(result.cues) != len(document.cues) or any(
            (a.start, a.end) != (b.start, b.end) for a, b in zip(document.cues, result.cues)):
        raise UsageError(Reason("chat.stale"))
    name = translation_track(result.language)
    steps: list[Step] = []
    if name not in document.tracks:
        steps.append(SetProp("tracks", document.tracks, document.tracks + (name,)))
    for i, (cue, tr) in enumerate(zip(document.cues, result.cues)):
        new = cue.with_track(name, tr.text)
        if new != cue:
            steps.append(Replace(i, (cue,), (new,)))
    return document.apply(Edit(Reason("undo.translate", language=result.language), steps))


def track_cues(document: Document, name: str) -> list[Cue]:
    """The cues of an extra track (e.g. a translation) with the document's times, for export."""
    return [Cue(c.start, c.end, c.track(name)) for c in document.cues]


@dataclass(frozen=True)
class PolishChange:
    index: int  # position of the cue in the list given
    old: str  # the cue's text on one line
    new: str  # the corrected text on one line

    def spans(self) -> list[tuple[str, str]]:
        """The change for display: ("equal" | "delete" | "insert", text) runs, by word (by
        character for CJK text); the old text is the equal and deleted runs in order, the new
        text the equal and inserted ones."""
        cjk = is_cjk_text(self.old + self.new)
        a = list(self.old) if cjk else re.findall(r"\S+|\s+", self.old)
        b = list(self.new) if cjk else re.findall(r"\S+|\s+", self.new)
        out: list[tuple[str, str]] = []
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if op == "equal":
                out.append(("equal", "".join(a[i1:i2])))
                continue
            if i2 > i1:
                out.append(("delete", "".join(a[i1:i2])))
            if j2 > j1:
                out.append(("insert", "".join(b[j1:j2])))
        return out


@dataclass
class PolishResult:
    changes: list[PolishChange]
    stats: ChatStats


def polish_cues(cues: Sequence[Cue], *, language: str = "", settings: Optional[ChatSettings] = None,
                glossary: Sequence[str] = (), on_progress: ProgressCallback = no_progress,
                cancel: Optional[CancelToken] = None,
                transport: Optional[httpx.AsyncBaseTransport] = None) -> PolishResult:
    """Corrections of recognition errors, one :class:`PolishChange` per cue the model changed
    (nothing is applied: see :func:`apply_polish`)."""
    run = _run("polish", [c.text for c in cues], settings, source=language, target="", glossary=glossary,
               on_progress=on_progress, cancel=cancel, transport=transport)
    changes = [PolishChange(i, old, new) for i, (old, new) in enumerate(zip(run.texts, run.results))
               if new is not None and new != old]
    return PolishResult(changes, run.stats)


def apply_polish(document: Document, changes: Sequence[PolishChange]) -> Optional[Edit]:
    """Apply the accepted changes as one undoable edit (texts laid out by the document's line
    rules and Chinese conventions; times and flags untouched). Changes whose cue no longer reads
    ``old`` are skipped."""
    zh = ZhStyle.from_dict(document.meta.get("zh"))
    steps: list[Step] = []
    for ch in changes:
        if not 0 <= ch.index < len(document.cues):
            continue
        cue = document.cues[ch.index]
        if flat_text(cue.text) != ch.old:
            continue
        steps.append(Replace(ch.index, (cue,), (replace(cue, text=layout(ch.new, document.profile or None, zh)),)))
    if not steps:
        return None
    edit = Edit(Reason("undo.polish_one") if len(steps) == 1 else Reason("undo.polish", n=len(steps)), steps)
    document.apply(edit)
    return edit


def source_language(cues: Sequence[Cue], hint: str = "") -> str:
    """The language the cues are in: the document's when known, else by script (zh / en)."""
    if hint and hint != "auto":
        return hint
    return "zh" if is_cjk_text(" ".join(c.text for c in cues[:200])) else "en"
