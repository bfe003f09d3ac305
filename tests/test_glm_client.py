"""GLM-ASR engine units: response shapes, the API's error table (mocked transport for the branches
a live server rarely shows), the limits check, retries, the AIMD limiter, runs, the result cache."""

from __future__ import annotations

import asyncio
import json
import random

import httpx
import numpy as np
import pytest

from subtitler.core.engines.base import Segment
from subtitler.core.engines.glm import GlmEngine, guess_language
from subtitler.core.engines.glm_cache import ResultCache, chunk_key
from subtitler.core.engines.glm_client import (
    BLOCKED_FLAG,
    check_upload,
    parse_json_answer,
    parse_segments,
)
from subtitler.core.engines.glm_pool import AimdLimiter, RunScheduler, backoff_delay, parse_retry_after
from subtitler.core.engines.glm_settings import GlmSettings
from subtitler.core.foundation.errors import AuthError, BillingError, Cancelled, ChunkError, EngineError
from subtitler.core.media.ffmpeg import wav_bytes
from subtitler.core.foundation.progress import CancelToken
from subtitler.core.speech.detection import Chunk
from subtitler.core.speech.regions import Region
from subtitler.core.text.script import join_texts

KEY = "sk-unit-secret-abcdef0123456789"


def make_chunk(index: int = 0, seconds: float = 2.0, seed: int = 0) -> Chunk:
    n = int(seconds * 16000)
    samples = (np.random.default_rng(seed).standard_normal(n) * 3000).astype(np.int16)
    start = index * 30000
    return Chunk(index, start, start + n * 1000 // 16000, (Region(start, start + n * 1000 // 16000),), samples)


def engine_with(handler, tmp_path, **kw) -> GlmEngine:
    settings = GlmSettings(api_key=KEY, cache_dir=tmp_path / "cache", backoff_s=0.001, backoff_max_s=0.01,
                           max_retries=kw.pop("max_retries", 3), **kw)
    return GlmEngine(settings, transport=httpx.MockTransport(handler))


def answer(status: int, body: dict, headers: dict | None = None) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


def err(status: int, code: str, message: str = "m", headers: dict | None = None) -> httpx.Response:
    return answer(status, {"error": {"code": code, "message": message}}, headers)


# -- response shapes -------------------------------------------------------------------------------

def test_segments_seconds_become_int_ms_clamped_to_the_piece():
    segs = parse_segments([{"id": 0, "start": 0.2, "end": 3.5, "text": " one "},
                           {"id": 1, "start": 3.6, "end": 99.0, "text": "two"},
                           {"id": 2, "start": 4.0, "end": 4.5, "text": "  "}], duration_ms=5000)
    assert segs == [Segment(200, 3500, "one"), Segment(3600, 5000, "two")]
    assert all(isinstance(s.start_ms, int) and isinstance(s.end_ms, int) for s in segs)
    assert parse_segments(None, 5000) is None and parse_segments([], 5000) is None
    assert parse_segments([{"text": "no times"}], 5000) is None


def test_both_answer_shapes():
    with_segments = parse_json_answer({"text": "a b", "segments": [{"start": 0, "end": 1, "text": "a b"}]}, 2000)
    assert with_segments.text == "a b" and with_segments.segments == [Segment(0, 1000, "a b")]
    text_only = parse_json_answer({"id": "x", "text": " 你好。 ", "usage": {}}, 2000)
    assert text_only.text == "你好。" and text_only.segments is None


def test_join_and_language():
    assert join_texts(["Hello.", "World", "你好", "世界", "，", "OK"]) == "Hello. World 你好世界，OK"
    assert guess_language("欢迎来到信号处理课程") == "zh"
    assert guess_language("Welcome to the course") == "en"
    assert guess_language("...") == ""


# -- limits ----------------------------------------------------------------------------------------

def test_limits_are_checked_before_sending(tmp_path):
    check_upload(wav_bytes(np.zeros(30 * 16000, np.int16)))  # exactly 30 s is fine
    with pytest.raises(ChunkError, match="30 s"):
        check_upload(wav_bytes(np.zeros(30 * 16000 + 16, np.int16)))
    with pytest.raises(ChunkError, match="25 MB"):
        check_upload(b"RIFF" + b"\0" * (25 * 1024 * 1024))
    with pytest.raises(ChunkError, match="WAV"):
        check_upload(b"OggS" + b"\0" * 100)

    sent = []
    engine = engine_with(lambda req: sent.append(req) or answer(200, {"text": "x"}), tmp_path)
    long_chunk = make_chunk(0, seconds=31)
    [res] = engine.transcribe([long_chunk], language=None)
    assert "30 s" in res.error and sent == [] and engine.last_stats.requests == 0


# -- the error table -------------------------------------------------------------------------------

def test_request_is_documented_multipart_with_bearer_auth(tmp_path):
    seen = {}

    def handler(req: httpx.Request) -> httpx.Response:
        seen["auth"] = req.headers["authorization"]
        seen["ctype"] = req.headers["content-type"]
        seen["body"] = req.read()
        seen["url"] = str(req.url)
        return answer(200, {"text": "ok"})

    engine = engine_with(handler, tmp_path, hotwords=["Fourier", "傅里叶"])
    [res] = engine.transcribe([make_chunk()], language="en")
    assert res.text == "ok" and res.segments is None and res.language == "en"
    assert seen["auth"] == f"Bearer {KEY}"
    assert seen["url"] == "https://open.bigmodel.cn/api/paas/v4/audio/transcriptions"
    assert seen["ctype"].startswith("multipart/form-data; boundary=")
    body = seen["body"]
    for needle in (b'name="model"', b"glm-asr-2512", b'name="file"; filename="piece.wav"', b"RIFF",
                   b'name="request_id"', b'name="stream"', b'name="hotwords"', "傅里叶".encode()):
        assert needle in body


@pytest.mark.parametrize("status,code", [(401, "1001"), (401, ""), (400, "1000"), (403, "1004")])
def test_rejected_key_stops_the_job_without_showing_it(tmp_path, status, code):
    engine = engine_with(lambda req: err(status, code, f"key {KEY} is invalid"), tmp_path)
    with pytest.raises(AuthError) as info:
        engine.transcribe([make_chunk(i) for i in range(3)], language=None)
    assert str(info.value).startswith("the GLM-ASR API key was rejected")
    assert KEY not in str(info.value) and KEY not in repr(info.value)


def test_missing_key_is_an_auth_error(tmp_path):
    engine = GlmEngine(GlmSettings(api_key="", cache_dir=tmp_path))
    with pytest.raises(AuthError, match="no GLM-ASR API key"):
        engine.transcribe([make_chunk()], language=None)


def test_arrears_stop_the_job(tmp_path):
    engine = engine_with(lambda req: err(429, "1113", "arrears"), tmp_path)
    with pytest.raises(BillingError, match="the account is in arrears"):
        engine.transcribe([make_chunk()], language=None)


def test_content_safety_block_flags_the_chunk_and_goes_on(tmp_path):
    calls = []

    def handler(req):
        calls.append(1)
        return err(400, "1301", "blocked") if len(calls) == 1 else answer(200, {"text": "fine"})

    engine = engine_with(handler, tmp_path, concurrency=1)
    res = engine.transcribe([make_chunk(0), make_chunk(1, seed=1)], language=None)
    assert res[0].flag == BLOCKED_FLAG and res[0].text == "" and res[0].ok
    assert res[1].text == "fine" and not res[1].flag
    assert engine.last_stats.blocked == 1


def test_bad_parameters_fail_only_that_chunk_with_the_reason(tmp_path):
    calls = []

    def handler(req):
        calls.append(1)
        return err(400, "1214", "invalid field: file") if len(calls) == 1 else answer(200, {"text": "ok"})

    engine = engine_with(handler, tmp_path, concurrency=1)
    res = engine.transcribe([make_chunk(0), make_chunk(1, seed=1)], language=None)
    assert "1214" in res[0].error and "invalid field" in res[0].error
    assert res[1].text == "ok" and len(calls) == 2  # not retried


def test_wrong_base_url_stops_with_a_clear_message(tmp_path):
    engine = engine_with(lambda req: httpx.Response(404, text="<html>nope</html>"), tmp_path)
    with pytest.raises(EngineError, match="not found .*check the base URL"):
        engine.transcribe([make_chunk()], language=None)


def test_transient_errors_are_retried_honouring_retry_after(tmp_path):
    script = [err(500, "500"), err(503, "500"), err(429, "1302", headers={"Retry-After": "0.01"}),
              err(429, "1303"), httpx.ConnectError("boom"), httpx.ReadTimeout("slow"),
              httpx.Response(200, text="not json"), answer(200, {"text": "finally"})]

    def handler(req):
        item = script.pop(0)
        if isinstance(item, Exception):
            raise item
        return item

    engine = engine_with(handler, tmp_path, max_retries=5)
    [res] = engine.transcribe([make_chunk()], language=None)
    assert res.text == "finally" and script == []
    st = engine.last_stats
    assert st.requests == 8 and st.retries == 7 and st.rate_limited == 2


def test_retries_are_bounded_and_the_chunk_fails_not_the_file(tmp_path):
    calls = []

    def counting(req):
        calls.append(1)
        return err(500, "500")

    engine = engine_with(counting, tmp_path, max_retries=2)
    [res] = engine.transcribe([make_chunk()], language=None)
    assert "gave up after 3 tries" in res.error and len(calls) == 3


def test_unreachable_service_stops_the_job(tmp_path):
    def handler(req):
        raise httpx.ConnectError("connection refused")

    engine = engine_with(handler, tmp_path, max_retries=1)
    with pytest.raises(EngineError, match="cannot reach the GLM-ASR service"):
        engine.transcribe([make_chunk(i, seed=i) for i in range(3)], language=None)


def test_streaming_events_are_parsed(tmp_path):
    events = [{"type": "transcript.text.delta", "delta": "Hel"}, {"type": "transcript.text.delta", "delta": "lo"},
              {"type": "transcript.text.done", "text": "Hello"}]
    body = "".join(f"data: {json.dumps(e)}\n\n" for e in events) + "data: [DONE]\n\n"
    engine = engine_with(lambda req: httpx.Response(200, text=body, headers={"content-type": "text/event-stream"}),
                         tmp_path, stream=True)
    previews = []
    [res] = engine.transcribe([make_chunk()], language=None, on_progress=lambda p: previews.append(p.preview))
    assert res.text == "Hello" and res.segments is None
    assert previews[:2] == ["Hel", "Hello"]


def test_a_stream_cut_before_done_is_retried(tmp_path):
    bodies = ['data: {"type": "transcript.text.delta", "delta": "Hel"}\n\n',
              'data: {"type": "transcript.text.done", "text": "Hello"}\n\ndata: [DONE]\n\n']
    engine = engine_with(lambda req: httpx.Response(200, text=bodies.pop(0), headers={"content-type": "text/event-stream"}),
                         tmp_path, stream=True)
    [res] = engine.transcribe([make_chunk()], language=None)
    assert res.text == "Hello" and engine.last_stats.retries == 1


def test_cancel_stops_promptly(tmp_path):
    token = CancelToken()

    async def handler(req):
        await asyncio.sleep(5)
        return answer(200, {"text": "late"})

    engine = GlmEngine(GlmSettings(api_key=KEY, cache_dir=tmp_path), transport=httpx.MockTransport(handler))
    import threading
    import time

    threading.Timer(0.2, token.cancel).start()
    t0 = time.monotonic()
    with pytest.raises(Cancelled):
        engine.transcribe([make_chunk(i, seed=i) for i in range(4)], language=None, cancel=token)
    assert time.monotonic() - t0 < 2


# -- scheduling ------------------------------------------------------------------------------------

def test_retry_after_and_backoff():
    assert parse_retry_after("2") == 2.0 and parse_retry_after("0.25") == 0.25
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == pytest.approx(10.0)
    rng = random.Random(1)
    delays = [backoff_delay(a, base_s=0.5, max_s=4, rng=rng) for a in range(1, 7)]
    assert 0.25 <= delays[0] <= 0.5 and 0.5 <= delays[1] <= 1.0 and all(d <= 4 for d in delays)
    assert delays[5] >= 2.0  # capped at 4, jitter down to half
    assert 3.0 <= backoff_delay(1, base_s=0.5, max_s=60, retry_after=3.0, rng=rng) <= 3.3
    assert backoff_delay(1, base_s=0.5, max_s=5, retry_after=100.0, rng=rng) == 5


def test_aimd_halves_after_repeated_429_and_recovers():
    async def scenario():
        lim = AimdLimiter(8)
        epochs = [await lim.acquire() for _ in range(8)]
        assert lim.in_flight == 8 and lim.cap == 8
        lim.release(epochs[0], "rate_limited")
        assert lim.cap == 8  # one 429 is not yet a trend
        lim.release(epochs[1], "rate_limited")
        assert lim.cap == 4 and lim.decreases == 1
        for e in epochs[2:5]:  # sent before the cut: they do not cut again
            lim.release(e, "rate_limited")
        assert lim.cap == 4
        for e in epochs[5:]:
            lim.release(e, "ok")
        assert lim.in_flight == 0
        waiter = []

        async def grab():
            waiter.append(await lim.acquire())

        held = [await lim.acquire() for _ in range(lim.cap)]
        task = asyncio.create_task(grab())
        await asyncio.sleep(0.01)
        assert not waiter  # over the cap: waits
        lim.release(held.pop(), "ok")
        await asyncio.sleep(0.01)
        assert waiter and lim.in_flight == lim.cap
        await task
        for e in held + waiter:
            lim.release(e, "ok")
        assert lim.in_flight == 0
        for _ in range(100):  # additive recovery back to the setting (gently near 8), never above
            e = await lim.acquire()
            lim.release(e, "ok")
        assert lim.cap == 8 and lim.max_seen <= 8

    asyncio.run(scenario())


def test_runs_are_contiguous_balanced_and_steal_when_dry():
    sched = RunScheduler(list(range(10)), [1.0] * 10, 3)
    runs = [list(r) for r in sched.runs]
    assert [p for r in runs for p in r] == list(range(10))
    assert max(len(r) for r in runs) - min(len(r) for r in runs) <= 1
    order = []
    while (p := sched.next(2)) is not None:  # worker 2 alone drains everything
        order.append(p)
    assert sorted(order) == list(range(10)) and sched.steals >= 2
    assert RunScheduler([], [], 5).next(0) is None


# -- cache -----------------------------------------------------------------------------------------

def test_cache_roundtrip_key_and_damage(tmp_path):
    cache = ResultCache(tmp_path)
    c = make_chunk()
    key = chunk_key(c, model="glm-asr-2512", hotwords=[], context=True, language=None)
    assert cache.get(key) is None
    cache.put(key, "你好", [Segment(0, 500, "你好")], "zh")
    assert cache.get(key) == ("你好", [Segment(0, 500, "你好")], "zh")
    cache.put(key + "0", "text only", None, "en")
    assert cache.get(key + "0") == ("text only", None, "en")
    others = {
        chunk_key(c, model="glm-asr", hotwords=[], context=True, language=None),
        chunk_key(c, model="glm-asr-2512", hotwords=["x"], context=True, language=None),
        chunk_key(c, model="glm-asr-2512", hotwords=[], context=False, language=None),
        chunk_key(make_chunk(seed=9), model="glm-asr-2512", hotwords=[], context=True, language=None),
        chunk_key(make_chunk(index=1), model="glm-asr-2512", hotwords=[], context=True, language=None),
    }
    assert key not in others and len(others) == 5
    # the language is not sent: a run that knew it and one that guessed it find the same result
    assert chunk_key(c, model="glm-asr-2512", hotwords=[], context=True, language="zh") == key
    path = next(tmp_path.rglob(f"{key}.json"))
    path.write_text("{truncated", encoding="utf-8")
    assert cache.get(key) is None and not path.exists()
    assert not list(tmp_path.rglob("*.part"))


def test_engine_uses_the_cache_and_skips_failed_chunks(tmp_path):
    sent = []

    def handler(req):
        sent.append(1)
        return err(400, "1214", "bad") if len(sent) == 2 else answer(200, {"text": f"t{len(sent)}"})

    engine = engine_with(handler, tmp_path, concurrency=1)
    chunks = [make_chunk(i, seed=i) for i in range(3)]
    first = engine.transcribe(chunks, language=None)
    assert [r.ok for r in first] == [True, False, True] and len(sent) == 3
    again = engine.transcribe(chunks, language=None)
    assert len(sent) == 4  # only the failed chunk went out again
    assert [r.cached for r in again] == [True, False, True]
    assert again[0].text == first[0].text and again[1].text == "t4"
