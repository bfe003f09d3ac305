"""One GLM-ASR upload over httpx: the multipart request, the two response shapes, SSE streaming,
and the error table of the API (docs/glm-asr-api.md) turned into typed outcomes.

Outcomes of :func:`send_piece`: a :class:`Transcript`; :class:`RetryableError` (429/1302/1303,
5xx, timeouts, dropped connections: back off and send again); :class:`ChunkError` (this piece
failed or was blocked: keep going); :class:`AuthError` / :class:`BillingError` (stop the job).
No message built here contains the API key.
"""

from __future__ import annotations

import io
import json
import math
import wave
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Optional

import httpx

from ..foundation.errors import AuthError, BillingError, ChunkError, EngineError, Reason, failure_kind
from ..text.script import join_texts
from .base import Segment
from .glm_pool import RetryableError, parse_retry_after
from .glm_settings import GlmSettings

MAX_UPLOAD_BYTES = 25 * 1024 * 1024
MAX_UPLOAD_MS = 30000
PROMPT_MAX_CHARS = 7999  # the API wants the prompt below 8000 characters
MAX_ANSWER_BYTES = 4 * 1024 * 1024  # an answer for 30 s of audio is a few kB; more is not read

BLOCKED_FLAG = Reason("glm.blocked")
NO_KEY_MESSAGE = Reason("glm.no_key")
BILLING_MESSAGE = Reason("glm.billing")


@dataclass
class Transcript:
    text: str
    segments: Optional[list[Segment]]  # None: the service returned text only


def wav_duration_ms(data: bytes) -> int:
    with wave.open(io.BytesIO(data), "rb") as w:
        return w.getnframes() * 1000 // max(1, w.getframerate())


def check_upload(data: bytes) -> None:
    """Refuse (before sending) anything the API would reject for its size or length."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise ChunkError(Reason("glm.part_too_big", mb=f"{len(data) / 1e6:.1f}"))
    if not (data[:4] == b"RIFF" and data[8:12] == b"WAVE"):
        raise ChunkError(Reason("glm.part_not_wav"))
    ms = wav_duration_ms(data)
    if ms > MAX_UPLOAD_MS:
        raise ChunkError(Reason("glm.part_too_long", seconds=f"{ms / 1000:.1f}"))


def _scrub(text: str, secret: str) -> str:
    text = " ".join(str(text).split())[:200]
    return text.replace(secret, "***") if secret else text


def _error_fields(body: bytes) -> tuple[str, str]:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return "", ""
    err = data.get("error") if isinstance(data, dict) else None
    if isinstance(err, dict):
        return str(err.get("code", "")).strip(), str(err.get("message", ""))
    return "", ""


def raise_for_error(status: int, code: str, message: str, headers: httpx.Headers, settings: GlmSettings,
                    endpoint: Optional[str] = None) -> None:
    """Map an error answer to the action the API doc prescribes (raises always). ``endpoint``: the
    URL asked (default the transcription endpoint), named when it does not exist."""
    secret = settings.api_key.reveal()
    msg = message if isinstance(message, Reason) else _scrub(message, secret)  # a Reason is ours
    icode = int(code) if code.isdigit() else -1
    what = f"{code}: {msg}" if code and msg else (code or msg or f"HTTP {status}")
    if status == 401 or 1000 <= icode <= 1004:
        raise AuthError(Reason("glm.auth", host=settings.host))
    if icode == 1113:
        raise BillingError(BILLING_MESSAGE)
    if icode == 1301:
        raise ChunkError(BLOCKED_FLAG, blocked=True)
    if status == 429 or icode in (1302, 1303):
        raise RetryableError(Reason("glm.rate_limited", what=what), rate_limited=True,
                             retry_after=parse_retry_after(headers.get("retry-after")))
    if status >= 500 or icode == 500:
        raise RetryableError(Reason("glm.server_error", status=status, what=what),
                             retry_after=parse_retry_after(headers.get("retry-after")))
    if status == 404:
        raise EngineError(Reason("glm.endpoint_404", url=endpoint or settings.endpoint))
    raise ChunkError(Reason("glm.refused", status=status, what=what))


def _seconds_to_ms(value: object, limit_ms: int) -> int:
    """Seconds from an answer as int ms clamped to the piece; ValueError for anything that is not
    a finite number (1e308 s as ms, NaN, "abc", true, a list …)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError("not a number")
    try:
        ms = float(value) * 1000
    except OverflowError:
        raise ValueError("out of range") from None
    if not math.isfinite(ms):
        raise ValueError("out of range")
    return max(0, min(limit_ms, int(round(ms))))


def parse_segments(raw: object, duration_ms: int) -> Optional[list[Segment]]:
    """``segments`` of a response (seconds, relative to the piece) as int ms; None if absent or
    unusable (then the text is timed from the speech instead)."""
    if not isinstance(raw, list) or not raw:
        return None
    out: list[Segment] = []
    for s in raw:
        if not isinstance(s, dict):
            return None
        text = s.get("text", "")
        if not isinstance(text, str):
            return None
        try:
            a = _seconds_to_ms(s["start"], duration_ms)
            b = _seconds_to_ms(s["end"], duration_ms)
        except (KeyError, ValueError):
            return None  # a segment without usable times: treat the answer as text only
        if text.strip():
            out.append(Segment(a, max(a, b), text.strip()))
    out.sort(key=lambda seg: (seg.start_ms, seg.end_ms))
    return out or None


def parse_json_answer(data: dict[str, Any], duration_ms: int) -> Transcript:
    segments = parse_segments(data.get("segments"), duration_ms)
    text = data.get("text")
    if not isinstance(text, str):
        if segments is None:
            raise RetryableError(Reason("glm.no_transcript"))
        text = join_texts(s.text for s in segments)
    return Transcript(text.strip(), segments)


def _looks_like_html(ctype: str, body: bytes) -> bool:
    head = body[:512].lstrip().lower()
    return "html" in ctype.lower() or head.startswith((b"<!doctype", b"<html", b"<head", b"<body", b"<?xml"))


async def _read_capped(resp: httpx.Response) -> bytes:
    """The body, refusing (ChunkError) answers larger than MAX_ANSWER_BYTES without reading them."""
    declared = resp.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_ANSWER_BYTES:
        raise ChunkError(Reason("glm.answer_declared_huge", mb=f"{int(declared) / 1e6:.0f}",
                                cap=MAX_ANSWER_BYTES // (1024 * 1024)))
    body = bytearray()
    async for part in resp.aiter_bytes():
        body += part
        if len(body) > MAX_ANSWER_BYTES:
            raise ChunkError(Reason("glm.answer_huge", cap=MAX_ANSWER_BYTES // (1024 * 1024)))
    return bytes(body)


async def _read_stream(
    resp: httpx.Response, duration_ms: int, on_delta: Callable[[str], None], settings: GlmSettings
) -> Transcript:
    """Server-Sent Events: ``transcript.text.delta`` pieces, ``transcript.text.done``, ``[DONE]``."""
    so_far = ""
    final: Optional[Transcript] = None
    size = 0
    async for line in resp.aiter_lines():
        size += len(line) + 1
        if size > MAX_ANSWER_BYTES:
            raise ChunkError(Reason("glm.stream_huge", cap=MAX_ANSWER_BYTES // (1024 * 1024)))
        if not line.startswith("data:"):
            continue  # blank separators, comments, "event:" lines
        payload = line[5:].strip()
        if payload == "[DONE]":
            if final is None:
                final = Transcript(so_far.strip(), None)
            return final
        try:
            event = json.loads(payload)
        except (ValueError, RecursionError):
            raise RetryableError(Reason("glm.stream_damaged")) from None
        if not isinstance(event, dict):
            continue
        if "error" in event:
            code, message = _error_fields(payload.encode("utf-8"))
            raise_for_error(400 if code == "1301" else 500, code, message, resp.headers, settings)
        kind = event.get("type", "")
        if kind == "transcript.text.delta":
            delta = event.get("delta", "")
            so_far += delta if isinstance(delta, str) else ""
            on_delta(so_far)
        elif kind == "transcript.text.done":
            final = parse_json_answer(event, duration_ms) if "text" in event else Transcript(so_far.strip(), None)
    raise RetryableError(Reason("glm.stream_cut"), network=True)


def build_form(settings: GlmSettings, *, prompt: Optional[str], request_id: str) -> dict[str, str | list[str]]:
    form: dict[str, str | list[str]] = {
        "model": settings.model,
        "stream": "true" if settings.stream else "false",
        "request_id": request_id,
    }
    if prompt:
        form["prompt"] = prompt[-PROMPT_MAX_CHARS:]
    words = settings.hotwords_sent()
    if words:
        form["hotwords"] = words  # repeated form field, one term each
    return form


async def send_piece(
    client: httpx.AsyncClient,
    settings: GlmSettings,
    audio: bytes,
    *,
    prompt: Optional[str],
    request_id: str,
    on_delta: Callable[[str], None],
) -> Transcript:
    """Upload one WAV piece (checked against the limits first) and return its transcript."""
    check_upload(audio)
    duration_ms = wav_duration_ms(audio)
    form = build_form(settings, prompt=prompt, request_id=request_id)
    files = {"file": ("piece.wav", audio, "audio/wav")}
    with transport_errors():
        async with client.stream("POST", settings.endpoint, data=form, files=files) as resp:
            ctype = resp.headers.get("content-type", "")
            if resp.status_code == 200 and ctype.startswith("text/event-stream"):
                return await _read_stream(resp, duration_ms, on_delta, settings)
            data = answer_json(resp, await _read_capped(resp), settings, settings.endpoint)
            return parse_json_answer(data, duration_ms)


def answer_json(resp: httpx.Response, body: bytes, settings: GlmSettings, endpoint: str) -> dict[str, Any]:
    """The JSON object of a finished answer; error answers (HTTP status or an ``error`` member)
    raised as the typed outcomes of :func:`raise_for_error`; web pages, empty, cut-off and
    wrongly shaped answers as typed failures (never taken for an empty transcript)."""
    html = _looks_like_html(resp.headers.get("content-type", ""), body)
    if resp.status_code != 200:
        code, message = _error_fields(body)
        if html and not code:
            message = Reason("glm.web_page_error")
        raise_for_error(resp.status_code, code, message, resp.headers, settings, endpoint)
    if html:
        raise ChunkError(Reason("glm.web_page"))
    if not body.strip():
        raise RetryableError(Reason("glm.empty"))
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise RetryableError(Reason("glm.not_json")) from None
    if not isinstance(data, dict):
        raise RetryableError(Reason("glm.wrong_shape"))
    if data.get("error"):
        code, message = _error_fields(body)
        raise_for_error(400 if code == "1301" else 500, code, message, resp.headers, settings, endpoint)
    return data


def open_client(settings: GlmSettings, transport: Optional[httpx.AsyncBaseTransport] = None) -> httpx.AsyncClient:
    """The one HTTP client set-up for the service: per-request timeouts, one connection per slot
    of the concurrency, the key in the Authorization header (never in a URL or a log)."""
    timeout = httpx.Timeout(settings.timeout_s, connect=min(15.0, settings.timeout_s), pool=None)
    limits = httpx.Limits(max_connections=settings.concurrency, max_keepalive_connections=settings.concurrency)
    headers = {"Authorization": f"Bearer {settings.api_key.reveal()}"}
    return httpx.AsyncClient(timeout=timeout, limits=limits, headers=headers, transport=transport)


@contextmanager
def transport_errors() -> Iterator[None]:
    """httpx's connection failures as :class:`RetryableError` (around one request)."""
    try:
        yield
    except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
        raise RetryableError(Reason("glm.cannot_connect", kind=failure_kind(exc)), network=True,
                             unreachable=True) from None
    except httpx.TimeoutException as exc:
        raise RetryableError(Reason("glm.timed_out", kind=failure_kind(exc)), network=True) from None
    except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
        raise RetryableError(Reason("glm.dropped", kind=failure_kind(exc)), network=True) from None
    except httpx.DecodingError:
        raise RetryableError(Reason("glm.undecodable")) from None
    except (httpx.HTTPError, UnicodeError, ValueError) as exc:
        # e.g. LocalProtocolError for a header httpx refuses: its text may quote the request's
        # headers, so only the type is kept
        raise EngineError(Reason("glm.request_failed", kind=failure_kind(exc))) from None


async def post_json(client: httpx.AsyncClient, settings: GlmSettings, url: str,
                    payload: dict[str, Any]) -> dict[str, Any]:
    """POST a JSON request to another endpoint of the same service (same key, errors, outcomes)."""
    with transport_errors():
        async with client.stream("POST", url, json=payload) as resp:
            return answer_json(resp, await _read_capped(resp), settings, url)
