"""GLM-ASR settings: the API key (kept secret), endpoint, model, concurrency, glossary, price."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, NoReturn, Optional, Union
from urllib.parse import urlsplit

from ..foundation.errors import Reason, UsageError
from ..foundation.paths import cache_dir as app_cache_dir
from ..foundation.secrets import api_key_problem, register_secret

KEY_ENV = "ZHIPUAI_API_KEY"
MAINLAND_URL = "https://open.bigmodel.cn/api"
INTERNATIONAL_URL = "https://api.z.ai/api"
DEFAULT_MODEL = "glm-asr-2512"
# chat models (translation, polish): the free tier first (docs/glm-chat-api.md); any other name the
# service knows works too
CHAT_MODELS = ("glm-4.5-flash", "glm-4.7-flash", "glm-4-flash-250414", "glm-4.5-air", "glm-4.6", "glm-4.7")
DEFAULT_CHAT_MODEL = "glm-4.5-flash"
MAX_CONCURRENCY = 50
MAX_HOTWORDS = 100  # the API takes at most this many
PRICE_RMB_PER_MIN = 0.06


class Secret:
    """A string that never shows itself: repr/str/format give ``***``; only :meth:`reveal` reads it."""

    __slots__ = ("_value",)

    def __init__(self, value: Optional[str] = "") -> None:
        self._value = (value or "").strip()

    def reveal(self) -> str:
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return "Secret('***')" if self._value else "Secret('')"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return repr(self)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(("Secret", self._value))

    def __reduce__(self) -> NoReturn:  # never pickled into a file or another process by accident
        raise TypeError("a Secret cannot be pickled")

    def __copy__(self) -> "Secret":  # immutable: copies (dataclasses, deepcopy of settings) share it
        return self

    def __deepcopy__(self, memo: object) -> "Secret":
        return self


def _key_from_env() -> Secret:
    return Secret(os.environ.get(KEY_ENV, ""))


def load_hotwords(path: Union[str, Path]) -> list[str]:
    """Glossary terms from a UTF-8 text file, one a line; blank lines and ``#`` comments skipped,
    duplicates dropped (first kept)."""
    p = Path(path).expanduser()
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise UsageError(Reason("glossary.unreadable", path=str(p), detail=exc.strerror or str(exc))) from None
    except UnicodeDecodeError:
        raise UsageError(Reason("glossary.not_utf8", path=str(p))) from None
    return clean_hotwords(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def clean_hotwords(words: Iterable[object]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for w in words:
        w = str(w).strip()
        if w and w not in seen:
            seen.add(w)
            out.append(w)
    return out


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_base_url(url: str) -> str:
    """``url`` without a trailing slash; https required except for loopback test servers (so the
    key never crosses a network in clear text)."""
    url = (url or "").strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(Reason("glm.bad_url", url=url, example=MAINLAND_URL))
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise UsageError(Reason("glm.url_not_https", url=url))
    if parts.username or parts.password:
        raise UsageError(Reason("glm.url_credentials"))
    return url


@dataclass
class GlmSettings:
    """Everything the GLM-ASR engine needs. ``api_key`` comes from ``$ZHIPUAI_API_KEY`` unless
    given (the GUI passes the key stored in the OS keyring); never from a command-line argument."""

    api_key: Secret = field(default_factory=_key_from_env)
    base_url: str = MAINLAND_URL
    model: str = DEFAULT_MODEL
    concurrency: int = 5
    stream: bool = False
    hotwords: list[str] = field(default_factory=list)
    context: bool = True
    timeout_s: float = 60.0  # per request: connect, write and the wait for each read
    max_retries: int = 5  # for server errors, timeouts and dropped connections
    max_rate_retries: int = 30  # for 429 "too many requests" (not failures; just wait)
    backoff_s: float = 0.5  # first retry delay; doubles each time (with jitter)
    backoff_max_s: float = 30.0
    max_wait_s: float = 120.0  # the longest one piece may take, tries and waits included; then it is a gap
    notice_s: float = 5.0  # a request without an answer this long is reported (and again every 10 s)
    cache_dir: Optional[Path] = None  # None: paths.cache_dir("glm")
    use_cache: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.api_key, Secret):
            self.api_key = Secret(self.api_key)
        self.base_url = check_base_url(self.base_url)
        try:
            self.concurrency = int(self.concurrency)
        except (TypeError, ValueError):
            raise UsageError(Reason("glm.concurrency_not_int", max=MAX_CONCURRENCY)) from None
        if not 1 <= self.concurrency <= MAX_CONCURRENCY:
            raise UsageError(Reason("glm.concurrency_range", max=MAX_CONCURRENCY, value=self.concurrency))
        if not self.model.strip():
            raise UsageError(Reason("glm.no_model"))
        if self.timeout_s <= 0:
            raise UsageError(Reason("glm.bad_timeout"))
        try:
            self.max_wait_s = float(self.max_wait_s)
        except (TypeError, ValueError):
            raise UsageError(Reason("glm.wait_not_number")) from None
        if not 1 <= self.max_wait_s <= 24 * 3600:
            raise UsageError(Reason("glm.wait_range", seconds=f"{self.max_wait_s:g}"))
        problem = api_key_problem(self.api_key.reveal())
        if problem:
            raise UsageError(Reason("key.bad", problem=problem))
        register_secret(self.api_key.reveal())
        self.hotwords = clean_hotwords(self.hotwords)
        if self.cache_dir is None:
            self.cache_dir = app_cache_dir("glm")
        self.cache_dir = Path(self.cache_dir)

    @property
    def cache_root(self) -> Path:
        """Where answers are cached (``cache_dir``, always set once constructed)."""
        return self.cache_dir if self.cache_dir is not None else app_cache_dir("glm")

    def has_key(self) -> bool:
        return bool(self.api_key)

    def hotwords_sent(self) -> list[str]:
        """The glossary as uploaded (the API takes at most 100 terms)."""
        return self.hotwords[:MAX_HOTWORDS]

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).hostname or self.base_url

    @property
    def endpoint(self) -> str:
        return f"{self.base_url}/paas/v4/audio/transcriptions"

    @property
    def chat_endpoint(self) -> str:
        """Chat completions of the same service and key (translation, polish)."""
        return f"{self.base_url}/paas/v4/chat/completions"


def estimate_cost_rmb(audio_ms: int) -> float:
    """The price of ``audio_ms`` of uploaded audio at 0.06 RMB per minute."""
    return max(0, audio_ms) / 60000 * PRICE_RMB_PER_MIN


def cost_line(audio_ms: int) -> str:
    """e.g. ``12.5 min of audio ≈ 0.75 RMB at 0.06 RMB/min``."""
    minutes = max(0, audio_ms) / 60000
    return f"{minutes:.1f} min of audio ≈ {estimate_cost_rmb(audio_ms):.2f} RMB at {PRICE_RMB_PER_MIN:g} RMB/min"
