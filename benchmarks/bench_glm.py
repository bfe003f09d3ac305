"""GLM-ASR engine benchmark against the stand-in server (tests/support/glm_server.py).

30 minutes of speech (the English fixture tiled, with dither so every piece is unique) is cut
into 80 pieces of 22.5 s and transcribed by the real engine over HTTP on 127.0.0.1. The server
answers in (1.0 s + 0.05 s per audio second) × SCALE and accepts at most the account's
concurrency in flight (429/1302 above it). All service times are scaled by SCALE (default 0.5,
``BENCH_GLM_SCALE``) so a run takes about two minutes. Fixed costs per request (~20-40 ms
here: upload over loopback, Python on both ends sharing one machine) weigh more as SCALE shrinks:
at c=20 the ratio is ~1.05 at SCALE 1, ~1.10 at 0.5, ~1.2 at 0.25.

Rows (one dict each, for benchmarks/run.py):
* ``ratio`` = wall / ideal, ideal = sum of service times / concurrency (goal ≤ 1.15 at 5 and 20),
  with context on and off (``context``), ``c429_frac`` = 429 answers / requests (goal ≤ 0.02);
* ``glm_faults``: 10 % of uploads fail (500, dropped connection, or a reply slower than the
  client's timeout): ``resent_frac`` = uploads beyond one per piece / pieces (goal ≤ 0.12),
  the output identical to the fault-free run;
* ``glm_aimd``: the user asks for 20 but the account allows 10 — the adaptive limit;
* ``glm_chunker``: the same 30 minutes cut by the real VAD + chunker instead of equal pieces
  (``best_ratio``: what a perfect scheduler could reach with those whole pieces), ``planned``
  false: packed up to the limit (66 pieces: at c=20 the 4th round is mostly idle); true: cut to
  the engine's ``chunk_plan`` (70 pieces at c=5, 80 at c=20: whole rounds), ``pieces`` each.

    python benchmarks/bench_glm.py
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

from subtitler.core.engines.glm import GlmEngine, GlmSettings
from subtitler.core.app.jobs import chunks_for
from subtitler.core.media.ffmpeg import load_wav
from subtitler.core.speech.detection import Chunk, detect_speech, make_chunks
from subtitler.core.speech.regions import Region
from tests.support.glm_server import GlmServer, tile_audio

FIX = ROOT / "tests" / "fixtures"
SCALE = float(os.environ.get("BENCH_GLM_SCALE", "0.5"))
PIECE_MS = 22_500
PIECES = 80  # 80 × 22.5 s = 30 min; divisible by 5 and 20, so the ideal is reachable


def _audio():
    pcm = load_wav(FIX / "speech_en.wav")
    meta = json.loads((FIX / "speech_en.json").read_text("utf-8"))
    period_s = len(pcm) / 16000 + 0.7
    times = int(PIECES * PIECE_MS / 1000 / period_s) + 1
    return tile_audio(pcm, meta["utterances"], times, seed=11)


def _equal_chunks(big) -> list[Chunk]:
    step = PIECE_MS * 16
    return [Chunk(i, i * PIECE_MS, (i + 1) * PIECE_MS, (Region(i * PIECE_MS, (i + 1) * PIECE_MS),),
                  big[i * step:(i + 1) * step]) for i in range(PIECES)]


def _run(srv: GlmServer, chunks, *, concurrency: int, context: bool = True, limit: int | None = None,
         fault_rate: float = 0.0, name: str = "glm") -> tuple[dict, list]:
    cfg = srv.config
    cfg.limit = limit or concurrency
    cfg.fault_rate = fault_rate
    cfg.slow_s = 30.0 * SCALE
    cfg.retry_after = f"{1.0 * SCALE:g}"
    srv.reset_counters()
    with tempfile.TemporaryDirectory() as cache:
        settings = GlmSettings(api_key=cfg.api_key, base_url=srv.base_url, concurrency=concurrency,
                               context=context, cache_dir=cache, timeout_s=10.0 * SCALE,
                               backoff_s=0.5 * SCALE, backoff_max_s=10.0 * SCALE)
        engine = GlmEngine(settings)
        t0 = time.perf_counter()
        results = engine.transcribe(chunks, language="en")
        wall = time.perf_counter() - t0
    c = srv.counters
    service = sum(srv.latency_s(ch.duration_ms) for ch in chunks)
    ideal = service / (limit or concurrency)
    st = engine.last_stats
    # the best any scheduler could do with these whole pieces (longest first onto free slots):
    # with unequal pieces the last round is partly empty, so ratio 1.0 is out of reach
    slots = [0.0] * (limit or concurrency)
    for t in sorted((srv.latency_s(ch.duration_ms) for ch in chunks), reverse=True):
        slots[slots.index(min(slots))] += t
    row = {
        "name": name,
        "concurrency": concurrency,
        "account_limit": cfg.limit,
        "context": context,
        "audio_min": round(sum(ch.duration_ms for ch in chunks) / 60000, 1),
        "chunks": len(chunks),
        "scale": SCALE,
        "wall_s": round(wall, 3),
        "ideal_s": round(ideal, 3),
        "ratio": round(wall / ideal, 3),
        "best_ratio": round(max(slots) / ideal, 3),
        "requests": c.requests,
        "c429_frac": round(c.c429 / max(1, c.requests), 4),
        "resent_frac": round((c.requests - len(chunks)) / len(chunks), 4),
        "faults": sum(c.faults.values()),
        "max_in_flight": c.max_in_flight,
        "failed": sum(1 for r in results if not r.ok),
        "limit_cuts": st.limit_cuts,
        "steals": st.steals,
    }
    return row, results


def run() -> list[dict]:
    big, utts = _audio()
    chunks = _equal_chunks(big)
    rows: list[dict] = []
    srv = GlmServer(scale=SCALE, seed=5, fault_kinds=("500", "drop", "slow")).start()
    try:
        srv.register(big, utts)
        base = {}
        for conc in (5, 20):
            for ctx in (True, False):
                row, results = _run(srv, chunks, concurrency=conc, context=ctx)
                base[(conc, ctx)] = [r.text for r in results]
                rows.append(row)
        for conc in (5, 20):
            on = next(r for r in rows if r["concurrency"] == conc and r["context"])
            off = next(r for r in rows if r["concurrency"] == conc and not r["context"])
            on["context_off_wall_s"] = off["wall_s"]
        row, results = _run(srv, chunks, concurrency=5, fault_rate=0.10, name="glm_faults")
        row["same_output"] = [r.text for r in results] == base[(5, True)]
        rows.append(row)
        row, _ = _run(srv, chunks, concurrency=20, limit=10, name="glm_aimd")
        rows.append(row)
        audio = big[: PIECES * PIECE_MS * 16]
        regions = detect_speech(audio)
        real = make_chunks(audio, regions, GlmEngine.max_chunk_ms, GlmEngine.margin_ms)
        for conc in (5, 20):
            planner = GlmEngine(GlmSettings(api_key="plan-only", concurrency=conc, use_cache=False))
            for planned, pieces in ((False, real), (True, chunks_for(planner, audio, regions))):
                row, _ = _run(srv, pieces, concurrency=conc, name="glm_chunker")
                row.update(planned=planned, pieces=len(pieces))
                rows.append(row)
    finally:
        srv.stop()
    return rows


if __name__ == "__main__":
    for r in run():
        print(json.dumps(r, ensure_ascii=False))
