"""Translation benchmark against the stand-in chat server (tests/support/chat_server.py).

A one-hour lecture's worth of cues (900: the English fixture's sentences, numbered) is translated
into Chinese by the real client over HTTP on 127.0.0.1 at concurrency 5. The server answers in
(0.8 s + 0.01 s per completion token) × SCALE (about 50-100 output tokens a second, like a
free Flash model) and allows 5 requests in flight. SCALE (default 0.25, ``BENCH_TRANSLATE_SCALE``)
shortens the run; ``cues_per_s_full`` is the throughput at the unscaled latency (wall / SCALE).

Rows:
* ``translate``: clean answers — ``cues_per_s``, ``ratio`` = wall / ideal (ideal = sum of service
  times / concurrency), tokens for the hour (prompt, completion: the server's count, about 1.6 CJK
  or 4 other characters a token), and the prompt size per batch;
* ``translate_faults``: 20 % of answers misbehave in every way the stand-in knows — extra
  requests, every cue still with its own translation and times;
* ``translate_cached``: the same run again: requests (goal 0) and wall;
* ``translate_tokens``: tokens for the hour by batch size (context and instructions per batch
  are the overhead).

    python benchmarks/run.py translate
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from subtitler.core.document.cues import Cue
from subtitler.core.engines.glm_settings import GlmSettings
from subtitler.core.timing.rules import PROFILES, break_lines
from subtitler.core.delivery.translate import ChatSettings, translate_cues
from tests.support.chat_server import ALL_KINDS, ChatServer, fake_translate

SCALE = float(os.environ.get("BENCH_TRANSLATE_SCALE", "0.25"))
CUES = 900  # about one hour of lecture at one cue every 4 s
KEY = "bench-key-0123456789"


def lecture() -> list[Cue]:
    utts = json.loads((ROOT / "tests" / "fixtures" / "speech_en.json").read_text("utf-8"))["utterances"]
    out, t = [], 0
    for k in range(CUES):
        text = utts[k % len(utts)]["text"]
        out.append(Cue(t, t + 3200, f"{text[:-1]}, part {k}."))
        t += 4000
    return out


def _settings(server: ChatServer, cache: Path, batch: int = 20) -> ChatSettings:
    glm = GlmSettings(api_key=KEY, base_url=server.base_url, concurrency=5, cache_dir=cache / "glm")
    return ChatSettings(glm=glm, batch_cues=batch, cache_dir=cache / "chat")


def _exact(cues: list[Cue], out: list[Cue]) -> bool:
    zh = PROFILES["netflix-zh"]
    return len(out) == len(cues) and all(
        (a.start, a.end) == (b.start, b.end) and b.text == break_lines(fake_translate(a.text, "zh"), zh)
        for a, b in zip(cues, out))


def run() -> list[dict]:
    cues = lecture()
    rows = []
    with tempfile.TemporaryDirectory() as tmp, ChatServer(api_key=KEY, scale=SCALE, limit=5) as server:
        cache = Path(tmp)
        t0 = time.perf_counter()
        result = translate_cues(cues, "zh", source="en", settings=_settings(server, cache))
        wall = time.perf_counter() - t0
        c = server.counters
        clean_requests = c.requests
        ideal = c.service_s / 5
        rows.append({"name": "translate", "cues": CUES, "concurrency": 5, "scale": SCALE, "requests": c.requests,
                     "wall_s": round(wall, 2), "ideal_s": round(ideal, 2), "ratio": round(wall / ideal, 3),
                     "cues_per_s": round(CUES / wall, 1), "cues_per_s_full": round(CUES / (wall / SCALE), 1),
                     "c429": c.c429, "exact": _exact(cues, result.cues),
                     "prompt_tokens_per_hour": c.prompt_tokens, "completion_tokens_per_hour": c.completion_tokens,
                     "total_tokens_per_hour": c.prompt_tokens + c.completion_tokens,
                     "prompt_tokens_per_batch": round(c.prompt_tokens / max(1, c.requests))})
        # the same run again: everything from the cache
        server.reset_counters()
        t0 = time.perf_counter()
        again = translate_cues(cues, "zh", source="en", settings=_settings(server, cache))
        rows.append({"name": "translate_cached", "requests": server.counters.requests,
                     "wall_s": round(time.perf_counter() - t0, 3), "exact": _exact(cues, again.cues)})
    with tempfile.TemporaryDirectory() as tmp, ChatServer(api_key=KEY, scale=SCALE, limit=5, misbehave_rate=0.2,
                                                          kinds=ALL_KINDS, seed=1) as server:
        t0 = time.perf_counter()
        result = translate_cues(cues, "zh", source="en", settings=_settings(server, Path(tmp)))
        wall = time.perf_counter() - t0
        c = server.counters
        flagged = [x.flag for x in result.cues if x.flag]
        good = [(a, b) for a, b in zip(cues, result.cues) if not b.flag]
        rows.append({"name": "translate_faults", "misbehave_rate": 0.2, "requests": c.requests,
                     "misbehaved": sum(c.misbehaved.values()), "extra_request_frac": round(c.requests / clean_requests - 1, 3),
                     "wall_s": round(wall, 2), "cues_per_s_full": round(CUES / (wall / SCALE), 1),
                     "flagged": len(flagged), "flag_kinds": sorted({f.split(";")[0] for f in flagged}),
                     "same_count_and_times": len(result.cues) == CUES and all(
                         (a.start, a.end) == (b.start, b.end) for a, b in zip(cues, result.cues)),
                     "unflagged_exact": _exact([a for a, _ in good], [b for _, b in good]),
                     "tokens": result.stats.total_tokens})
    sweep = {}
    for batch in (10, 20, 40):
        with tempfile.TemporaryDirectory() as tmp, ChatServer(api_key=KEY, scale=0.0, limit=5) as server:
            translate_cues(cues, "zh", source="en", settings=_settings(server, Path(tmp), batch))
            c = server.counters
            sweep[batch] = {"requests": c.requests, "prompt": c.prompt_tokens, "completion": c.completion_tokens,
                            "total": c.prompt_tokens + c.completion_tokens}
    rows.append({"name": "translate_tokens", "cues": CUES, "by_batch_size": sweep})
    return rows


if __name__ == "__main__":
    for row in run():
        print(json.dumps(row, ensure_ascii=False))
