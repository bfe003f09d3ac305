"""A stand-in for Zhipu's chat completions API on 127.0.0.1 (real HTTP) that "translates" and
"polishes" subtitle batches deterministically — and misbehaves on request.

``POST /api/paas/v4/chat/completions`` with Bearer auth, the JSON request of
docs/glm-chat-api.md, 429/1302 above its in-flight limit, 1113 arrears, 1301 for configured
words. The user message is the JSON object subtitler sends (``task``, ``cues``…); the answer maps
the same ids to :func:`fake_translate` of each text (CJK syllables per English word for ``zh``,
words spelled backwards for other languages) or, for ``polish``, to the text with
``corrections`` applied.

Misbehaviour is chosen per (seed, batch, attempt) — a hash, never arrival order — from
``kinds``: the answer's ids ``missing``, ``extra``, ``merged``, ``renumbered``, ``shifted``
(every text moved up one id, the last empty), ``repeated`` (a neighbour's text twice),
``empty``, ``list`` (a cue as a list of lines, valid), JSON in ``prose`` or a code ``fence``,
``wrapped`` in another object or with a ``note`` key beside the ids (repairable), ``notjson``, ``length`` and ``sensitive``
finish_reasons, ``network_error``, HTTP ``429``, ``500``, ``1301`` and a dropped connection
(``drop``).
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from subtitler.core.delivery.translate import estimate_tokens
from tests.support.glm_server import GlmServer, _error, _fraction, _Handler, _QuietServer

PATH = "/api/paas/v4/chat/completions"
ALL_KINDS = ("missing", "extra", "merged", "renumbered", "shifted", "repeated", "empty", "list", "prose", "fence",
             "wrapped", "note", "notjson", "length", "sensitive", "network_error", "429", "500", "1301", "drop")
REPAIRABLE = ("list", "prose", "fence", "wrapped", "note")  # answers the client can use after repair

_SYLLABLES = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"


def fake_translate(text: str, target: str) -> str:
    """The stand-in's translation: deterministic, one output word per input word, so a test can
    compute exactly what each cue must read."""
    words = text.split()
    if target.lower().startswith(("zh", "ja", "ko")):
        out = ""
        for w in words:
            core = w.strip(",.!?;:\"'()").lower()
            if core:
                h = hashlib.sha256(core.encode("utf-8")).digest()
                out += "".join(_SYLLABLES[b % len(_SYLLABLES)] for b in h[:1 + len(core) // 4])
            if w.endswith((",", ";", ":")):
                out += "，"
            elif w.endswith((".", "!", "?")):
                out += "。"
        return out or text
    return " ".join(w[::-1] for w in words) or text


@dataclass
class ChatConfig:
    api_key: str = "test-key-0123456789"
    limit: int = 5  # requests in flight above this get 429 / 1302
    base_s: float = 0.8  # latency: base + per_token_s per completion token, times scale
    per_token_s: float = 0.01
    scale: float = 1.0
    misbehave_rate: float = 0.0  # probability that one answer misbehaves
    bad_first: int = 0  # the first this many answers to each batch misbehave whatever the rate
    kinds: tuple = ALL_KINDS
    seed: int = 0
    retry_after: Optional[str] = "1"
    blocked_words: tuple = ()  # batches containing one of these get 1301
    arrears: bool = False
    corrections: dict = field(default_factory=dict)  # polish: wrong -> right


@dataclass
class ChatCounters:
    requests: int = 0
    statuses: Counter = field(default_factory=Counter)
    in_flight: int = 0
    max_in_flight: int = 0
    c429: int = 0
    sends: Counter = field(default_factory=Counter)  # batch key -> attempts
    misbehaved: Counter = field(default_factory=Counter)  # kind -> count
    bodies: list = field(default_factory=list)  # the parsed request bodies (no headers)
    auth_headers: list = field(default_factory=list)  # only whether one was present, never the value
    arrivals: list = field(default_factory=list)  # time.monotonic() of every request's arrival
    prompt_tokens: int = 0
    completion_tokens: int = 0
    service_s: float = 0.0
    cues_answered: int = 0


def batch_key(cues: dict) -> str:
    return hashlib.sha256(json.dumps(cues, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


class ChatServer(GlmServer):
    """The chat endpoint (the lifecycle — start on a free port, stop, ``base_url`` — is GlmServer's)."""

    def __init__(self, config: Optional[ChatConfig] = None, **overrides) -> None:
        super().__init__(config or ChatConfig(), **overrides)  # type: ignore[arg-type]
        self.counters = ChatCounters()  # type: ignore[assignment]

    def start(self, glm: Optional[GlmServer] = None) -> "ChatServer":
        """Serve on a free port; with ``glm`` the same address also answers GLM-ASR uploads (from
        that server), as the real service does under one base URL."""
        server = self

        class Handler(_ChatHandler):
            owner = server
            glm_owner = glm

        self._httpd = _QuietServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def reset_counters(self) -> None:
        with self.lock:
            self.counters = ChatCounters()  # type: ignore[assignment]

    def answer(self, request: dict) -> dict:
        """The correct answer object for a request body's user message."""
        task = request.get("task", "translate")
        cues = request["cues"]
        if task == "polish":
            out = {}
            for i, t in cues.items():
                for wrong, right in self.config.corrections.items():
                    t = t.replace(wrong, right)
                out[i] = t
            return out
        return {i: fake_translate(t, request.get("target_language", "zh")) for i, t in cues.items()}


def _misbehave(kind: str, ans: dict) -> tuple[str, str]:
    """(content, finish_reason) of a bad answer made from the right one."""
    ids = list(ans)
    vals = list(ans.values())
    n = len(ids)
    mid = n // 2
    dump = lambda obj: json.dumps(obj, ensure_ascii=False)  # noqa: E731
    if kind == "missing":
        return dump({i: v for k, (i, v) in enumerate(ans.items()) if k != mid}), "stop"
    if kind == "extra":
        return dump({**ans, str(int(ids[-1]) + 1): vals[-1]}), "stop"
    if kind == "merged" and n > 1:
        k = min(mid, n - 2)
        merged = dict(ans)
        merged[ids[k]] = vals[k] + vals[k + 1]
        del merged[ids[k + 1]]
        return dump(merged), "stop"
    if kind == "renumbered":
        return dump({str(k + 1 + (int(ids[0]) == 1)): v for k, v in enumerate(vals)}), "stop"
    if kind == "shifted":
        return dump(dict(zip(ids, vals[1:] + [""]))), "stop"
    if kind == "repeated" and n > 1:
        return dump({**ans, ids[1]: vals[0]}), "stop"
    if kind == "list":
        return dump({i: v.split() if len(v.split()) > 1 else v for i, v in ans.items()}), "stop"
    if kind == "prose":
        return f"Sure! Here are the subtitles:\n{dump(ans)}\nLet me know if you need changes.", "stop"
    if kind == "fence":
        return f"```json\n{json.dumps(ans, ensure_ascii=False, indent=2)}\n```", "stop"
    if kind == "wrapped":
        return dump({"translations": ans}), "stop"
    if kind == "note":
        return dump({**ans, "note": "Names kept as in the glossary."}), "stop"
    if kind == "notjson":
        return "I'm sorry, but I can only help with translation.", "stop"
    if kind == "length":
        full = dump(ans)
        return full[:max(1, len(full) // 2)], "length"
    if kind == "sensitive":
        return "", "sensitive"
    if kind == "network_error":
        return "", "network_error"
    # "empty", and "merged"/"repeated" of a single cue
    return dump({**ans, ids[mid]: ""}), "stop"


class _ChatHandler(_Handler):
    owner: ChatServer  # type: ignore[assignment]
    glm_owner: Optional[GlmServer] = None

    def do_POST(self) -> None:
        self.__dict__.pop("owner", None)  # a kept-alive connection may have served GLM-ASR before
        if self.path.split("?")[0] != PATH and self.glm_owner is not None:
            self.owner = self.glm_owner  # type: ignore[assignment]  # this request is GLM-ASR's
            return _Handler.do_POST(self)
        owner, cfg = self.owner, self.owner.config
        begun = self._begin()
        if begun is None:
            return None
        in_flight, t0, raw = begun
        if self.path.split("?")[0] != PATH:
            return self._send(404, _error("404", "not found"))
        auth = self.headers.get("Authorization", "")
        if auth != f"Bearer {cfg.api_key}":
            return self._send(401, _error("1001" if auth.startswith("Bearer ") else "1000", "invalid API key"))
        if cfg.arrears:
            return self._send(429, _error("1113", "account in arrears"))
        try:
            body = json.loads(raw.decode("utf-8"))
            messages = body["messages"]
            user = json.loads(next(m["content"] for m in messages if m["role"] == "user"))
            cues = user["cues"]
            assert isinstance(cues, dict) and all(isinstance(v, str) for v in cues.values())
        except (ValueError, KeyError, TypeError, StopIteration, AssertionError):
            return self._send(400, _error("1214", "the request is not a subtitle batch"))
        if not str(body.get("model", "")).startswith("glm-"):
            return self._send(400, _error("1211", f"model {body.get('model')!r} does not exist"))
        key = batch_key(cues)
        with owner.lock:
            c = owner.counters
            c.sends[key] += 1
            attempt = c.sends[key]
            c.bodies.append(body)
        if in_flight > cfg.limit:
            with owner.lock:
                owner.counters.c429 += 1
            headers = {"Retry-After": cfg.retry_after} if cfg.retry_after else {}
            return self._send(429, _error("1302", "too many requests in flight"), headers)
        ans = owner.answer(user)
        content = json.dumps(ans, ensure_ascii=False)
        reason = "stop"
        kind = ""
        if attempt <= cfg.bad_first or (cfg.misbehave_rate and _fraction(cfg.seed, key, attempt) < cfg.misbehave_rate):
            kind = cfg.kinds[int(_fraction(cfg.seed, key, attempt, "kind") * len(cfg.kinds))]
            with owner.lock:
                owner.counters.misbehaved[kind] += 1
        prompt_tokens = estimate_tokens(" ".join(m.get("content", "") for m in messages))
        latency = (cfg.base_s + cfg.per_token_s * estimate_tokens(content)) * cfg.scale
        if kind == "drop":
            self._wait(latency / 2)
            return self._drop()
        if kind in ("429", "500", "1301"):
            if not self._wait(latency / 4):
                return self._drop()
            if kind == "429":
                with owner.lock:
                    owner.counters.c429 += 1
                return self._send(429, _error("1302", "rate limit"), {"Retry-After": cfg.retry_after or "0"})
            if kind == "500":
                return self._send(500, _error("500", "internal server error"))
            return self._send(400, _error("1301", "content safety"))
        if any(w in t for w in cfg.blocked_words for t in cues.values()):
            return self._send(400, _error("1301", "content safety: the input was blocked"))
        if kind:
            content, reason = _misbehave(kind, ans)
        completion_tokens = estimate_tokens(content)
        if not self._wait(latency - (time.monotonic() - t0)):
            return self._drop()
        answer = {"id": uuid.uuid4().hex, "request_id": body.get("request_id") or uuid.uuid4().hex,
                  "created": int(time.time()), "model": body["model"],
                  "choices": [{"index": 0, "finish_reason": reason,
                               "message": {"role": "assistant", "content": content}}],
                  "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                            "total_tokens": prompt_tokens + completion_tokens}}
        with owner.lock:
            c = owner.counters
            c.prompt_tokens += prompt_tokens
            c.completion_tokens += completion_tokens
            c.service_s += latency
            if not kind:
                c.cues_answered += len(cues)
        self._send(200, json.dumps(answer, ensure_ascii=False).encode("utf-8"))
        return None
