"""Scheduling for GLM-ASR uploads: the adaptive in-flight limit, retry delays, contiguous runs.

* :class:`AimdLimiter` caps requests in flight at the user's concurrency; repeated 429s halve
  the cap, each success adds back ``1/cap`` (about one slot per round of successes), like TCP;
  the step just below the cap that drew the 429s is taken 4× more slowly.
* :func:`backoff_delay` is exponential backoff with jitter, or the server's ``Retry-After``.
* :class:`Retries` counts one request's tries against the two retry budgets and gives the
  delay before the next (recognition and chat share it).
* :class:`RunScheduler` splits the chunks into contiguous runs (one per worker) so each chunk's
  predecessor is usually already transcribed when it is sent (its text becomes the context
  prompt) without serialising the file; a worker that runs dry takes the back half of the run
  with the most work left.
* :func:`plan_piece_count` picks how many pieces to cut the audio into so that the uploads fill
  whole rounds of the concurrency (a last round with a few pieces leaves most slots idle).
"""

from __future__ import annotations

import asyncio
import email.utils
import math
import random
import time
from collections import deque
from typing import TYPE_CHECKING, Optional, Protocol, Sequence

if TYPE_CHECKING:
    from .glm_settings import GlmSettings


class RetryableError(Exception):
    """A transient failure: send the same piece again after a delay."""

    def __init__(self, reason: str, *, rate_limited: bool = False, retry_after: Optional[float] = None,
                 network: bool = False, unreachable: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.rate_limited = rate_limited
        self.retry_after = retry_after
        self.network = network
        self.unreachable = unreachable  # could not connect at all


class AimdLimiter:
    """In-flight cap for one event loop. ``acquire`` waits; ``release`` is synchronous (safe in
    ``finally`` blocks of cancelled tasks)."""

    def __init__(self, max_limit: int, *, decrease_after: int = 2, min_limit: int = 1) -> None:
        self.max_limit = max(1, int(max_limit))
        self.min_limit = max(1, min(min_limit, self.max_limit))
        self.limit = float(self.max_limit)
        self.decrease_after = max(1, decrease_after)
        self.in_flight = 0
        self.max_seen = 0
        self.decreases = 0
        self._strikes = 0
        self._epoch = 0
        self.ceiling = float(self.max_limit + 1)  # the cap that last drew 429s
        self._waiters: deque[asyncio.Future[None]] = deque()

    @property
    def cap(self) -> int:
        return max(self.min_limit, int(self.limit))

    async def acquire(self) -> int:
        """Wait for a free slot; returns the epoch the request was sent in."""
        while self.in_flight >= self.cap:
            fut = asyncio.get_running_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
            finally:
                if fut in self._waiters:
                    self._waiters.remove(fut)
        self.in_flight += 1
        self.max_seen = max(self.max_seen, self.in_flight)
        return self._epoch

    def release(self, epoch: int, outcome: str) -> None:
        """``outcome``: "ok", "rate_limited" or "other"."""
        self.in_flight -= 1
        if outcome == "rate_limited":
            # only requests sent since the last cut count (one cut per round, like TCP)
            if epoch == self._epoch:
                self._strikes += 1
                if self._strikes >= self.decrease_after:
                    self.ceiling = float(self.cap)
                    self.limit = max(float(self.min_limit), self.limit / 2)
                    self._epoch += 1
                    self._strikes = 0
                    self.decreases += 1
        elif outcome == "ok":
            self._strikes = 0
            # +1 per round of successes; 4× slower when probing the level that drew 429s
            step = 1.0 / max(1.0, self.limit)
            if self.limit + 1 >= self.ceiling:
                step /= 4
            self.limit = min(float(self.max_limit), self.limit + step)
        free = self.cap - self.in_flight
        while free > 0 and self._waiters:
            fut = self._waiters.popleft()
            if not fut.done():
                fut.set_result(None)
                free -= 1


def parse_retry_after(value: Optional[str], now: Optional[float] = None) -> Optional[float]:
    """Seconds from a ``Retry-After`` header (delta-seconds, decimals tolerated, or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        secs = float(value)
        return max(0.0, secs) if secs == secs else None  # NaN guard
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def backoff_delay(
    attempt: int, *, base_s: float, max_s: float, retry_after: Optional[float] = None,
    rng: Optional[random.Random] = None,
) -> float:
    """Delay before retry number ``attempt`` (1-based): the server's Retry-After (plus up to 10 %
    jitter so waiting clients do not return in lockstep), else ``base·2^(attempt-1)`` with jitter
    between half and all of it; never more than ``max_s``."""
    r = rng.random() if rng is not None else random.random()
    if retry_after is not None:
        return min(max_s, retry_after * (1.0 + 0.1 * r))
    full = min(max_s, base_s * 2.0 ** max(0, attempt - 1))
    return full * (0.5 + 0.5 * r)


class RequestCounts(Protocol):
    """The counters a run keeps of its requests (GlmStats for recognition, ChatStats for chat)."""

    requests: int
    retries: int
    rate_limited: int


class Retries:
    """One request's tries, for recognition and chat alike: every send counted (a re-send is a
    retry), transient failures counted against the settings' two budgets (``max_rate_retries``
    for 429s, ``max_retries`` for the rest), and the back-off before the next try."""

    def __init__(self, settings: GlmSettings, stats: RequestCounts, rng: Optional[random.Random] = None) -> None:
        self.s = settings
        self.stats = stats
        self.rng = rng
        self.sends = 0
        self.failures = 0
        self.rate_hits = 0

    def sending(self) -> None:
        self.sends += 1
        self.stats.requests += 1
        if self.sends > 1:
            self.stats.retries += 1

    def delay(self, retry: RetryableError) -> Optional[float]:
        """Seconds to wait before sending again after ``retry`` (the server's Retry-After, else
        exponential back-off with jitter), or None when the budget for its kind is spent."""
        if retry.rate_limited:
            self.stats.rate_limited += 1
            self.rate_hits += 1
            attempt, budget = self.rate_hits, self.s.max_rate_retries
        else:
            self.failures += 1
            attempt, budget = self.failures, self.s.max_retries
        if attempt > budget:
            return None
        return backoff_delay(attempt, base_s=self.s.backoff_s, max_s=self.s.backoff_max_s,
                             retry_after=retry.retry_after, rng=self.rng)


class RunScheduler:
    """Hands out chunk positions: contiguous runs, one per worker, with work stealing."""

    def __init__(self, positions: Sequence[int], weights: Sequence[float], n_runs: int) -> None:
        self.weight = {p: float(w) for p, w in zip(positions, weights)}
        n_runs = max(1, min(n_runs, len(positions))) if positions else 1
        self.runs: list[deque[int]] = [deque() for _ in range(n_runs)]
        total = sum(self.weight.values()) or 1.0
        acc = 0.0
        for p in positions:
            w = self.weight[p]
            # a chunk joins the run its weight's midpoint falls into: near-equal work per run
            r = min(n_runs - 1, int((acc + w / 2) / total * n_runs))
            self.runs[r].append(p)
            acc += w
        self.steals = 0

    def _left(self, run: deque[int]) -> float:
        return sum(self.weight[p] for p in run)

    def next(self, worker: int) -> Optional[int]:
        own = self.runs[worker % len(self.runs)]
        if own:
            return own.popleft()
        victim = max(self.runs, key=self._left)
        if not victim:
            return None
        # take the back half (at least one chunk), which starts a new run for this worker
        take = (len(victim) + 1) // 2
        stolen = [victim.pop() for _ in range(take)][::-1]
        own.extend(stolen)
        self.steals += 1
        return own.popleft()


REQUEST_S = 1.0  # predicted service time per request: fixed part ...
AUDIO_S_PER_S = 0.05  # ... plus this per second of audio
MIN_PIECE_MS = 8000  # shorter pieces: the fixed part per request dominates (and context is thin)
FILL = 0.9  # target pieces at most this share of the limit: cuts fall in pauses, not exactly on it


def predicted_wall_s(n: int, total_ms: int, concurrency: int, *, request_s: float = REQUEST_S,
                     audio_s_per_s: float = AUDIO_S_PER_S) -> float:
    """Makespan of ``n`` equal pieces sharing ``total_ms`` on ``concurrency`` slots, in rounds."""
    rounds = math.ceil(n / max(1, concurrency))
    return rounds * (request_s + audio_s_per_s * total_ms / n / 1000)


def plan_piece_count(total_ms: int, limit_ms: int, concurrency: int, *, request_s: float = REQUEST_S,
                     audio_s_per_s: float = AUDIO_S_PER_S, min_piece_ms: int = MIN_PIECE_MS) -> int:
    """How many about-equal pieces to cut ``total_ms`` of speech into for the shortest wall time.

    The fewest pieces that fit (``n0``, each at most ``FILL`` × limit) usually leave the last round
    part-empty; the candidates are ``n0`` and the multiples of the concurrency from ``n0`` up (a few
    rounds' worth). Audio that fits in one round is not split further. Candidates
    shorter than ``min_piece_ms`` are dropped (except ``n0``); the smallest predicted wall wins,
    fewer pieces on a tie."""
    if total_ms <= 0:
        return 1
    c = max(1, int(concurrency))
    n0 = max(1, math.ceil(total_ms / max(1, int(limit_ms * FILL))))
    if n0 <= c:
        # one round already: more, shorter pieces would save well under a second but cost
        # context and requests (and each request may be billed by the started minute)
        return n0
    first = math.ceil(n0 / c) * c
    candidates = {n0}
    candidates.update(first + c * k for k in range(3))
    fine = [n for n in candidates if n == n0 or total_ms / n >= min_piece_ms]
    return min(fine, key=lambda n: (round(predicted_wall_s(n, total_ms, c, request_s=request_s,
                                                          audio_s_per_s=audio_s_per_s), 9), n))
