"""A stand-in GLM-ASR server on 127.0.0.1 for tests and benchmarks — real HTTP, documented API.

``POST /api/paas/v4/audio/transcriptions`` with multipart/form-data (parsed with the stdlib email
parser), Bearer auth, wav/mp3 only, the 30 s / 25 MB limits, both response shapes, SSE
streaming, the error bodies of docs/glm-asr-api.md, 429/1302 above its in-flight limit, 1113,
1301 on configured words, and injected faults (500s, dropped connections, slow replies).

Recognition is by lookup: the test registers the audio it will transcribe with the texts and
intervals of its utterances (the fixture's .json). Each upload is located inside the registered
audio by its samples; the utterances it covers are its transcript, and (with ``segments=True``)
its segments, with their known times relative to the piece. Deterministic: faults are chosen by
a hash of (seed, piece, attempt number), not by arrival order.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import select
import socket
import threading
import time
import uuid
import wave
from collections import Counter
from dataclasses import dataclass, field
from email import policy
from email.parser import HeaderParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Optional

import numpy as np

PATH = "/api/paas/v4/audio/transcriptions"
MAX_BYTES = 25 * 1024 * 1024
MAX_MS = 30000
MODELS = ("glm-asr-2512", "glm-asr")


@dataclass
class ServerConfig:
    api_key: str = "test-key-0123456789"
    segments: bool = True  # answer with "segments" (the guide's shape) or text only (the reference's)
    limit: int = 5  # requests in flight above this get 429 / 1302
    base_s: float = 1.0  # latency: base + per_audio_s per second of audio, times scale
    per_audio_s: float = 0.05
    scale: float = 1.0
    fault_rate: float = 0.0  # probability that one upload attempt fails
    fault_kinds: tuple = ("500", "drop", "slow")
    slow_s: float = 5.0  # extra wait of a "slow" fault (absolute seconds)
    seed: int = 0
    retry_after: Optional[str] = "1"  # Retry-After header value on 429s (None: no header)
    blocked_words: tuple = ()  # transcripts containing one of these get 1301
    arrears: bool = False  # every request gets 429 / 1113
    # a broken service, for every upload (after auth): "html502" a proxy's HTML 502 page,
    # "truncated" JSON cut off mid-way, "empty" a 200 with no body, "portal" a captive portal's
    # 200 HTML page, "always429" 429 forever, "hang" accept and never answer, "retry3600" 429
    # with Retry-After: 3600, "huge" a 300 MB answer, "absurd" segments with "end": 1e308
    broken: str = ""
    fail_from_ms: Optional[int] = None  # pieces starting at or after this point always get a 500


@dataclass(frozen=True)
class Utterance:
    text: str
    start_ms: int
    end_ms: int


@dataclass
class _Audio:
    pcm: np.ndarray
    utterances: list[Utterance]
    cjk: bool
    tokens: Optional[list] = field(repr=False)
    order: np.ndarray = field(repr=False)
    sorted_vals: np.ndarray = field(repr=False)


@dataclass
class Counters:
    requests: int = 0
    statuses: Counter = field(default_factory=Counter)
    in_flight: int = 0
    max_in_flight: int = 0
    c429: int = 0
    sends: Counter = field(default_factory=Counter)  # piece key -> uploads (every attempt)
    faults: Counter = field(default_factory=Counter)  # piece key -> injected faults
    fault_kinds: Counter = field(default_factory=Counter)
    served: Counter = field(default_factory=Counter)  # piece key -> successful answers
    spans: dict = field(default_factory=dict)  # piece key -> (start ms, end ms) in its registered audio
    prompts: dict = field(default_factory=dict)  # piece key -> prompts of its uploads
    hotwords: list = field(default_factory=list)
    max_upload_bytes: int = 0
    max_upload_ms: int = 0
    streams: int = 0
    auth_headers: list = field(default_factory=list)  # only whether one was present, never the value
    arrivals: list = field(default_factory=list)  # time.monotonic() of every request's arrival
    service_s: float = 0.0  # sum of the latencies served successfully
    sent_bytes: int = 0  # bytes of "huge" answers the client accepted before hanging up
    timeline: list = field(default_factory=list)  # (arrived, body read, answered, request_id) per 200


def piece_key(samples: np.ndarray) -> str:
    """The server's name for an uploaded piece: sha256 of its int16 samples."""
    return hashlib.sha256(np.ascontiguousarray(samples, dtype=np.int16).tobytes()).hexdigest()


def _error(code: str, message: str) -> bytes:
    return json.dumps({"error": {"code": code, "message": message}}).encode()


def _fraction(*parts) -> float:
    h = hashlib.sha256(":".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(h[:8], "big") / 2**64


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default 5 drops SYNs when 20 clients connect at once

    def handle_error(self, request, client_address) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], OSError):  # clients hanging up are normal here
            super().handle_error(request, client_address)


class GlmServer:
    def __init__(self, config: Optional[ServerConfig] = None, **overrides) -> None:
        self.config = config or ServerConfig()
        for k, v in overrides.items():
            setattr(self.config, k, v)
        self.counters = Counters()
        self.lock = threading.Lock()
        self._audio: list[_Audio] = []
        self._httpd: Optional[ThreadingHTTPServer] = None
        self._thread: Optional[threading.Thread] = None

    # -- set-up --------------------------------------------------------------------------------

    def register(self, pcm: np.ndarray, utterances, *, cjk: bool = False, tokens=None) -> None:
        """Audio the server will recognise, with its utterances (dicts or Utterance, absolute ms).

        With ``tokens`` (dicts of ``surface`` text, ``start_ms``, ``end_ms`` and ``sentence``, the
        index of its utterance) a piece is recognised word by word, as a real recogniser hears it:
        the words whose middle lies inside it, grouped into (partial) sentences as segments."""
        pcm = np.ascontiguousarray(pcm, dtype=np.int16)
        utts = [u if isinstance(u, Utterance) else Utterance(u["text"], int(u["start_ms"]), int(u["end_ms"]))
                for u in utterances]
        order = np.argsort(pcm, kind="stable")
        self._audio.append(_Audio(pcm, utts, cjk, tokens, order, pcm[order]))

    def start(self) -> "GlmServer":
        server = self

        class Handler(_Handler):
            owner = server

        self._httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> "GlmServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._httpd is not None
        return self._httpd.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def reset_counters(self) -> None:
        with self.lock:
            self.counters = Counters()

    # -- recognition ---------------------------------------------------------------------------

    def latency_s(self, audio_ms: int) -> float:
        c = self.config
        return (c.base_s + c.per_audio_s * audio_ms / 1000) * c.scale

    def locate(self, pcm: np.ndarray) -> Optional[tuple[_Audio, int]]:
        """Where ``pcm`` lies in a registered audio: (audio, offset in samples)."""
        n = len(pcm)
        if n == 0:
            return None
        width = min(32, n)
        p = min(int(np.argmax(np.abs(pcm.astype(np.int32)))), n - width)
        window = pcm[p:p + width]
        for a in self._audio:
            lo = np.searchsorted(a.sorted_vals, window[0], "left")
            hi = np.searchsorted(a.sorted_vals, window[0], "right")
            for cand in np.sort(a.order[lo:hi]):
                off = int(cand) - p
                if off < 0 or off + n > len(a.pcm):
                    continue
                if np.array_equal(a.pcm[cand:cand + width], window) and np.array_equal(a.pcm[off:off + n], pcm):
                    return a, off
        return None

    def recognise(self, pcm: np.ndarray) -> tuple[str, list[dict]]:
        """Transcript and segments (seconds, relative to the piece) of an uploaded piece."""
        found = self.locate(pcm)
        if found is None:
            return "", []
        audio, off = found
        start_ms = off * 1000 // 16000
        dur_ms = len(pcm) * 1000 // 16000
        with self.lock:
            self.counters.spans[piece_key(pcm)] = (start_ms, start_ms + dur_ms)
        segs = []
        sep = "" if audio.cjk else " "
        if audio.tokens is not None:
            heard = [t for t in audio.tokens if start_ms <= (t["start_ms"] + t["end_ms"]) // 2 < start_ms + dur_ms]
            for t in heard:
                a, b = max(0, t["start_ms"] - start_ms), min(dur_ms, t["end_ms"] - start_ms)
                if segs and segs[-1]["sentence"] == t["sentence"]:
                    segs[-1]["end"] = round(b / 1000, 3)
                    segs[-1]["text"] += sep + t["surface"]
                else:
                    segs.append({"id": len(segs), "start": round(a / 1000, 3), "end": round(b / 1000, 3),
                                 "text": t["surface"], "sentence": t["sentence"]})
            for s in segs:
                del s["sentence"]
            return sep.join(s["text"] for s in segs), segs
        for u in audio.utterances:
            overlap = min(u.end_ms, start_ms + dur_ms) - max(u.start_ms, start_ms)
            if overlap * 2 >= (u.end_ms - u.start_ms) > 0:
                a = max(0, u.start_ms - start_ms)
                b = min(dur_ms, u.end_ms - start_ms)
                segs.append({"id": len(segs), "start": round(a / 1000, 3), "end": round(b / 1000, 3), "text": u.text})
        return sep.join(s["text"] for s in segs), segs


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes
    owner: GlmServer

    def log_message(self, format, *args) -> None:  # quiet
        pass

    # -- low-level replies ---------------------------------------------------------------------

    def _send(self, status: int, body: bytes, headers: Optional[dict] = None, *, release: bool = True) -> None:
        if release:
            self._release()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()
        with self.owner.lock:
            self.owner.counters.statuses[status] += 1

    def _release(self) -> None:
        if self._counted:
            self._counted = False
            with self.owner.lock:
                self.owner.counters.in_flight -= 1

    def _wait(self, seconds: float) -> bool:
        """Sleep; False as soon as the client hangs up (a real server stops working then too)."""
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return True
            try:
                ready, _, _ = select.select([self.connection], [], [], left)
                if ready and not self.connection.recv(1, socket.MSG_PEEK):
                    return False
            except OSError:
                return False
            if ready:  # data from the client before our answer: just wait the time out
                time.sleep(max(0.0, end - time.monotonic()))
                return True

    def _drop(self) -> None:
        self._release()
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _begin(self) -> Optional[tuple[int, float, bytes]]:
        """Count the request in flight and read its body: (requests in flight, arrival, body), or
        None when an error was answered already."""
        owner = self.owner
        with owner.lock:
            c = owner.counters
            c.requests += 1
            c.in_flight += 1
            c.max_in_flight = max(c.max_in_flight, c.in_flight)
            c.auth_headers.append("authorization" in {k.lower() for k in self.headers})
            c.arrivals.append(time.monotonic())
            in_flight = c.in_flight
        self._counted = True
        t0 = time.monotonic()
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self.close_connection = True
            self._send(411, _error("1214", "Content-Length required"))
            return None
        return in_flight, t0, self.rfile.read(length)

    # -- the endpoint --------------------------------------------------------------------------

    def do_GET(self) -> None:
        self._counted = False
        self._send(404, _error("404", "not found"), release=False)

    def do_POST(self) -> None:
        owner, cfg = self.owner, self.owner.config
        begun = self._begin()
        if begun is None:
            return None
        in_flight, t0, body = begun
        t_body = time.monotonic()
        if self.path.split("?")[0] != PATH:
            return self._send(404, _error("404", "not found"))
        auth = self.headers.get("Authorization", "")
        if not auth.startswith("Bearer "):
            return self._send(401, _error("1000", "missing Authorization header"))
        if auth[len("Bearer "):] != cfg.api_key:
            return self._send(401, _error("1001", "invalid API key"))
        if cfg.arrears:
            return self._send(429, _error("1113", "account in arrears"))
        form = self._parse(body)
        if isinstance(form, str):
            return self._send(400, _error("1214", form))
        fields, data, filename = form
        key = None
        pcm = None
        if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
            try:
                with wave.open(io.BytesIO(data), "rb") as w:
                    dur_ms = w.getnframes() * 1000 // max(1, w.getframerate())
                    pcm = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)
            except (wave.Error, EOFError):
                return self._send(400, _error("1214", "damaged wav file"))
            key = piece_key(pcm)
        elif data[:3] == b"ID3" or (len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0):
            dur_ms = len(data) * 8 // 128  # assume 128 kbps
            key = hashlib.sha256(data).hexdigest()
        else:
            return self._send(400, _error("1214", f"unsupported file format ({filename}); use wav or mp3"))
        with owner.lock:
            c = owner.counters
            c.sends[key] += 1
            attempt = c.sends[key]
            c.prompts.setdefault(key, []).append(fields.get("prompt", [""])[0])
            c.hotwords.append(fields.get("hotwords", []))
            c.max_upload_bytes = max(c.max_upload_bytes, len(data))
            c.max_upload_ms = max(c.max_upload_ms, dur_ms)
        if in_flight > cfg.limit:
            with owner.lock:
                owner.counters.c429 += 1
            headers = {"Retry-After": cfg.retry_after} if cfg.retry_after else {}
            return self._send(429, _error("1302", "too many requests in flight"), headers)
        model = fields.get("model", [""])[0]
        if model not in MODELS:
            return self._send(400, _error("1211", f"model {model!r} does not exist"))
        if len(data) > MAX_BYTES:
            return self._send(400, _error("1214", "file larger than 25 MB"))
        if dur_ms > MAX_MS:
            return self._send(400, _error("1214", "audio longer than 30 s"))
        if len(fields.get("prompt", [""])[0]) >= 8000:
            return self._send(400, _error("1214", "prompt too long"))
        if len(fields.get("hotwords", [])) > 100:
            return self._send(400, _error("1214", "more than 100 hotwords"))
        rid = fields.get("request_id", [""])[0]
        if rid and len(rid) < 6:
            return self._send(400, _error("1214", "request_id too short"))
        text, segs = owner.recognise(pcm) if pcm is not None else ("", [])
        latency = owner.latency_s(dur_ms)
        if cfg.broken:
            return self._broken(cfg.broken, text, segs)
        if cfg.fail_from_ms is not None and pcm is not None:
            found = owner.locate(pcm)
            if found is not None and found[1] * 1000 // 16000 >= cfg.fail_from_ms:
                if not self._wait(latency / 2):
                    return self._drop()
                return self._send(500, _error("500", "internal server error"))
        # injected faults: decided by (seed, piece, attempt), so independent of arrival order
        if cfg.fault_rate and _fraction(cfg.seed, key, attempt) < cfg.fault_rate:
            kind = cfg.fault_kinds[int(_fraction(cfg.seed, key, attempt, "kind") * len(cfg.fault_kinds))]
            with owner.lock:
                owner.counters.faults[key] += 1
                owner.counters.fault_kinds[kind] += 1
            if kind in ("500", "503"):
                if not self._wait(latency / 2):
                    return self._drop()
                return self._send(int(kind), _error("500", "internal server error"))
            if kind == "drop":
                self._wait(latency / 2)
                return self._drop()
            if kind == "slow":
                latency += cfg.slow_s
        if any(w in text for w in cfg.blocked_words):
            if not self._wait(latency):
                return self._drop()
            return self._send(400, _error("1301", "content safety: the input or output was blocked"))
        stream = fields.get("stream", ["false"])[0].lower() == "true"
        if stream:
            return self._stream(text, key, latency, t0)
        if not self._wait(latency - (time.monotonic() - t0)):
            return self._drop()
        answer = {"id": uuid.uuid4().hex, "created": int(time.time()), "request_id": rid or uuid.uuid4().hex,
                  "model": model, "text": text,
                  "usage": {"prompt_tokens": 10, "completion_tokens": len(text), "total_tokens": 10 + len(text)}}
        if cfg.segments:
            answer["segments"] = segs
        with owner.lock:
            owner.counters.served[key] += 1
            owner.counters.service_s += latency
            owner.counters.timeline.append((t0, t_body, time.monotonic(), rid))
        self._send(200, json.dumps(answer, ensure_ascii=False).encode("utf-8"))

    def _raw(self, status: int, ctype: str, body: bytes, length: Optional[int] = None,
             headers: Optional[dict] = None) -> None:
        self._release()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        try:
            self.wfile.write(body)
            self.wfile.flush()
        except OSError:
            pass
        with self.owner.lock:
            self.owner.counters.statuses[status] += 1

    def _broken(self, mode: str, text: str, segs: list) -> None:
        """The broken answers a real network gives (see ServerConfig.broken)."""
        if mode == "html502":
            page = b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>nginx</body></html>"
            return self._raw(502, "text/html", page)
        if mode == "portal":
            page = b"<!DOCTYPE html><html><body><form>Please log in to the hotel Wi-Fi</form></body></html>"
            return self._raw(200, "text/html; charset=utf-8", page)
        if mode == "empty":
            return self._raw(200, "application/json", b"")
        if mode == "truncated":
            whole = json.dumps({"id": "x", "text": text, "segments": segs}).encode()
            self.close_connection = True
            return self._raw(200, "application/json", whole[: len(whole) // 2])
        if mode == "always429":
            return self._raw(429, "application/json", _error("1302", "too many requests"), headers={"Retry-After": "1"})
        if mode == "retry3600":
            return self._raw(429, "application/json", _error("1302", "too many requests"),
                             headers={"Retry-After": "3600"})
        if mode == "hang":
            self._wait(3600)  # until the client gives up and hangs up
            return self._drop()
        if mode == "huge":
            self._release()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Transfer-Encoding", "chunked")  # no length to refuse it by
            self.end_headers()
            block = b"[" * 65536
            sent = 0
            try:
                while sent < 300 * 1024 * 1024:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(block), block))
                    sent += len(block)
                self.wfile.write(b"0\r\n\r\n")
            except OSError:
                pass
            with self.owner.lock:
                self.owner.counters.statuses[200] += 1
                self.owner.counters.sent_bytes += sent
            self.close_connection = True
            return None
        if mode == "absurd":
            bad = [dict(s, end=1e308) for s in segs] or [{"id": 0, "start": 0, "end": 1e308, "text": text}]
            body = json.dumps({"id": "x", "text": text, "segments": bad}).encode()
            return self._raw(200, "application/json", body)
        raise ValueError(f"unknown broken mode {mode!r}")

    def _stream(self, text: str, key: str, latency: float, t0: float) -> None:
        owner = self.owner
        cjk = any(ord(ch) > 0x2E80 for ch in text)
        pieces = [text[i:i + 4] for i in range(0, len(text), 4)] if cjk else [
            w if i == 0 else " " + w for i, w in enumerate(text.split())]
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

        def chunk(payload: str) -> None:
            raw = f"data: {payload}\n\n".encode()
            self.wfile.write(b"%x\r\n%s\r\n" % (len(raw), raw))
            self.wfile.flush()

        try:
            if not self._wait(latency * 0.3 - (time.monotonic() - t0)):
                return self._drop()
            step = latency * 0.7 / max(1, len(pieces))
            for p in pieces:
                chunk(json.dumps({"type": "transcript.text.delta", "delta": p}, ensure_ascii=False))
                if not self._wait(step):
                    return self._drop()
            chunk(json.dumps({"type": "transcript.text.done", "text": text}, ensure_ascii=False))
            self._release()
            with owner.lock:
                owner.counters.served[key] += 1
                owner.counters.streams += 1
                owner.counters.statuses[200] += 1
                owner.counters.service_s += latency
            chunk("[DONE]")
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
        except OSError:
            self._drop()

    def _parse(self, body: bytes):
        """(fields, file bytes, file name) of a multipart/form-data body, or an error message."""
        parts = parse_multipart(self.headers.get("Content-Type", ""), body)
        if isinstance(parts, str):
            return parts
        fields: dict[str, list[str]] = {}
        data: Optional[bytes] = None
        filename = ""
        for name, fname, payload in parts:
            if name == "file" and fname is not None:
                data, filename = payload, fname
            else:
                try:
                    fields.setdefault(name.removesuffix("[]"), []).append(payload.decode("utf-8"))
                except UnicodeDecodeError:
                    return f"field {name} is not UTF-8 text"
        if data is None and "file_base64" in fields:
            try:
                data = base64.b64decode(fields["file_base64"][0], validate=True)
            except ValueError:
                return "file_base64 is not base64"
            filename = "base64"
        if data is None:
            return "file is required"
        hot = fields.get("hotwords", [])
        if len(hot) == 1 and hot[0].startswith("["):
            try:
                fields["hotwords"] = [str(x) for x in json.loads(hot[0])]
            except ValueError:
                return "hotwords must be a list of strings"
        return fields, data, filename


def parse_multipart(content_type: str, body: bytes):
    """RFC 7578 multipart/form-data: [(name, filename or None, payload)], or an error message.

    Parts are split on ``CRLF--boundary`` with bytes.find (the file can be megabytes; a
    line-by-line parser would make the stand-in, not the client, the bottleneck); each part's
    header block is parsed by the stdlib email header parser (quoting, RFC 2231 names)."""
    ctype = HeaderParser(policy=policy.HTTP).parsestr(f"Content-Type: {content_type}\r\n\r\n")
    if ctype.get_content_type() != "multipart/form-data":
        return "the request must be multipart/form-data"
    boundary = ctype.get_param("boundary")
    if not boundary or not isinstance(boundary, str) or len(boundary) > 70:
        return "multipart body without a valid boundary"
    delim = b"\r\n--" + boundary.encode("latin-1")
    data = b"\r\n" + body
    pos = data.find(delim)
    if pos < 0:
        return "malformed multipart body"
    out = []
    while True:
        pos += len(delim)
        if data[pos:pos + 2] == b"--":
            return out  # the closing delimiter
        if data[pos:pos + 2] != b"\r\n":
            return "malformed multipart delimiter"
        nxt = data.find(delim, pos)
        if nxt < 0:
            return "multipart body ends without a closing delimiter"
        part = data[pos + 2:nxt]
        head_end = part.find(b"\r\n\r\n")
        if head_end < 0:
            return "a multipart part has no header block"
        headers = HeaderParser(policy=policy.HTTP).parsestr(part[:head_end].decode("utf-8", "replace") + "\r\n\r\n")
        disposition = headers.get("Content-Disposition")
        if disposition is None or headers.get_content_disposition() != "form-data":
            return "a multipart part lacks Content-Disposition: form-data"
        name = headers.get_param("name", header="content-disposition")
        if not name:
            return "a multipart part has no name"
        out.append((str(name), headers.get_filename(), part[head_end + 4:]))
        pos = nxt


def tile_audio(pcm: np.ndarray, utterances, times: int, *, seed: int = 1, gap_ms: int = 700):
    """``times`` copies of ``pcm`` with ``gap_ms`` of silence between them, with ±1 LSB of seeded
    dither so that no two pieces are sample-identical; returns (pcm, utterances in absolute ms)."""
    gap = np.zeros(gap_ms * 16, dtype=np.int16)
    period_ms = len(pcm) * 1000 // 16000 + gap_ms
    parts, utts = [], []
    for k in range(times):
        parts.extend([pcm, gap])
        for u in utterances:
            u = u if isinstance(u, Utterance) else Utterance(u["text"], int(u["start_ms"]), int(u["end_ms"]))
            utts.append(Utterance(u.text, u.start_ms + k * period_ms, u.end_ms + k * period_ms))
    out = np.concatenate(parts).astype(np.int32)
    rng = np.random.default_rng(seed)
    out += rng.integers(-1, 2, size=len(out))
    return np.clip(out, -32768, 32767).astype(np.int16), utts
