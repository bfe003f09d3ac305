"""GLM-ASR end to end over a real socket: the stand-in server on 127.0.0.1, real speech files in,
timed cues out (through subtitler.core.app.jobs), faults injected, runs cancelled and resumed."""

from __future__ import annotations

import dataclasses
import json
import logging
import threading
import traceback
from pathlib import Path

import httpx
import numpy as np
import pytest

from subtitler.core.engines.glm import GlmEngine, GlmSettings
from subtitler.core.engines.glm_client import BLOCKED_FLAG
from subtitler.core.foundation.errors import AuthError, Cancelled
from subtitler.core.app.jobs import TranscribeOptions, chunks_for, transcribe_file
from subtitler.core.media.ffmpeg import load_wav, wav_bytes, write_wav
from subtitler.core.foundation.progress import CancelToken
from subtitler.core.speech.detection import detect_speech, make_chunks
from tests.support.glm_server import GlmServer, piece_key, tile_audio

FIX = Path(__file__).resolve().parent / "fixtures"
SCALE = 0.02  # server latency: (1.0 s + 0.05 s per audio second) × SCALE
TOLERANCE_MS = 250


def load(lang: str):
    return load_wav(FIX / f"speech_{lang}.wav"), json.loads((FIX / f"speech_{lang}.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def tiled(tmp_path_factory):
    """Five dithered copies of the English fixture (~3.7 min, 8 chunks) as a file and as chunks."""
    pcm, meta = load("en")
    big, utts = tile_audio(pcm, meta["utterances"], 5)
    path = tmp_path_factory.mktemp("glm") / "lecture.wav"
    write_wav(path, big)
    chunks = make_chunks(big, detect_speech(big), GlmEngine.max_chunk_ms, GlmEngine.margin_ms)
    return path, big, utts, chunks


def job_chunks(tiled, concurrency: int = 5):
    """The chunks a job cuts the tiled file into at this concurrency (planned to fill rounds)."""
    big = tiled[1]
    engine = GlmEngine(GlmSettings(api_key="sk-plan-only", concurrency=concurrency, use_cache=False))
    return chunks_for(engine, big, detect_speech(big))


@pytest.fixture
def serve(tiled):
    servers = []

    def start(**config) -> GlmServer:
        config.setdefault("scale", SCALE)
        srv = GlmServer(**config).start()
        for lang in ("en", "zh"):
            pcm, meta = load(lang)
            srv.register(pcm, meta["utterances"], cjk=lang == "zh")
        srv.register(tiled[1], tiled[2])
        servers.append(srv)
        return srv

    yield start
    for s in servers:
        s.stop()


def settings_for(srv: GlmServer, cache: Path, **kw) -> GlmSettings:
    kw.setdefault("api_key", srv.config.api_key)
    return GlmSettings(base_url=srv.base_url, cache_dir=cache, timeout_s=kw.pop("timeout_s", 5.0),
                       backoff_s=0.01, backoff_max_s=0.2, **kw)


def run_job(path, settings: GlmSettings, **kw):
    return transcribe_file(path, TranscribeOptions(engine="glm", glm_settings=settings), **kw)


def cue_tuples(doc):
    return [(c.start, c.end, c.text, c.flag) for c in doc.cues]


def assert_well_timed(doc, utterances, cjk=False):
    """Every utterance is covered by cues carrying its words, each cue inside its utterance."""
    sep = "" if cjk else " "
    covered = {}
    for c in doc.cues:
        text = c.text.replace("\n", sep)
        owners = [u for u in utterances if text.strip(" 。，.") in u["text"]]
        assert owners, f"cue text {text!r} is not from any utterance"
        u = min(owners, key=lambda u: abs(u["start_ms"] - c.start))
        assert u["start_ms"] - TOLERANCE_MS <= c.start < c.end <= u["end_ms"] + TOLERANCE_MS, (c, u)
        covered.setdefault(u["text"], []).append(c)
    assert set(covered) == {u["text"] for u in utterances}
    for u in utterances:
        cues = covered[u["text"]]
        assert abs(cues[0].start - u["start_ms"]) <= TOLERANCE_MS and abs(cues[-1].end - u["end_ms"]) <= TOLERANCE_MS


# -- speech in, timed cues out ---------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("segments", [True, False], ids=["segments", "text-only"])
def test_speech_file_to_well_timed_cues(serve, tmp_path, lang, segments):
    srv = serve(segments=segments)
    result = run_job(FIX / f"speech_{lang}.wav", settings_for(srv, tmp_path))
    _, meta = load(lang)
    assert result.engine == "glm" and result.failed_chunks == 0 and result.flagged_cues == 0
    assert result.language == lang
    assert_well_timed(result.document, meta["utterances"], cjk=lang == "zh")
    assert srv.counters.auth_headers and all(srv.counters.auth_headers)


@pytest.mark.parametrize("concurrency", [5, 20])
def test_planned_pieces_fill_rounds_and_give_well_timed_cues(serve, tmp_path, tiled, concurrency):
    path, _, utts, packed = tiled
    srv = serve(limit=concurrency)
    result = run_job(path, settings_for(srv, tmp_path, concurrency=concurrency))
    assert result.failed_chunks == 0 and result.flagged_cues == 0
    # 3.7 min packed to the limit: 8 pieces; planned: 10 at c=5 (2 full rounds); at c=20 it fits
    # in one round, so it stays packed to the limit
    assert len(packed) == 8 and result.chunks == {5: 10, 20: 8}[concurrency]
    c = srv.counters
    assert c.requests == result.chunks and c.c429 == 0 and c.max_upload_ms <= 29_000
    for cue in result.document.cues:  # every cue inside the utterance its words come from
        text = cue.text.replace("\n", " ").strip(" .")
        assert any(text in u.text and u.start_ms - TOLERANCE_MS <= cue.start < cue.end <= u.end_ms + TOLERANCE_MS
                   for u in utts), cue
    for u in utts:  # and every utterance starts and ends a cue
        assert any(abs(cue.start - u.start_ms) <= TOLERANCE_MS for cue in result.document.cues), u
        assert any(abs(cue.end - u.end_ms) <= TOLERANCE_MS for cue in result.document.cues), u


def test_limits_and_in_flight_never_exceeded(serve, tmp_path, tiled):
    _, _, utts, chunks = tiled
    srv = serve(limit=3)
    engine = GlmEngine(settings_for(srv, tmp_path, concurrency=3))
    results = engine.transcribe(chunks, language=None)
    assert all(r.ok and r.text for r in results)
    c = srv.counters
    assert c.max_in_flight <= 3 and engine.last_stats.max_in_flight == 3  # used, never exceeded
    assert c.c429 == 0 and c.requests == len(chunks)
    assert 25_000 < c.max_upload_ms <= 30_000 and c.max_upload_bytes <= 25 * 1024 * 1024
    assert engine.last_stats.audio_ms == sum(ch.duration_ms for ch in chunks)


@pytest.mark.parametrize("kind", ["500", "drop", "slow"])
def test_faults_change_nothing_and_only_failed_pieces_are_resent(serve, tmp_path, tiled, kind):
    path = tiled[0]
    chunks = job_chunks(tiled)
    clean = run_job(path, settings_for(serve(), tmp_path / "a"))
    srv = serve(fault_rate=0.5, seed=2, slow_s=3.0, limit=50, fault_kinds=(kind,))
    faulty = run_job(path, settings_for(srv, tmp_path / "b", timeout_s=1.0))
    assert cue_tuples(faulty.document) == cue_tuples(clean.document)
    assert faulty.failed_chunks == 0
    c = srv.counters
    assert c.fault_kinds[kind] > 0  # the fault really happened
    keys = {piece_key(ch.samples) for ch in chunks}
    assert set(c.sends) == keys
    for k in keys:
        assert c.sends[k] == 1 + c.faults[k]  # one re-send per failure, none for the rest
        assert c.served[k] == 1
    assert 0 < sum(c.faults.values()) < len(keys) * 3


def test_cancelled_run_resumes_without_resending_finished_pieces(serve, tmp_path, tiled):
    path = tiled[0]
    chunks = job_chunks(tiled, concurrency=2)
    srv = serve()
    token = CancelToken()

    def progress(p):
        if p.stage == "transcribe" and p.done >= 3:
            token.cancel()

    settings = settings_for(srv, tmp_path, concurrency=2)
    with pytest.raises(Cancelled):
        run_job(path, settings, on_progress=progress, cancel=token)
    first_sends = dict(srv.counters.sends)
    engine = GlmEngine(settings)
    result = transcribe_file(path, TranscribeOptions(engine="glm"), engine=engine)
    stats = engine.last_stats
    assert 3 <= stats.cached < len(chunks) and result.failed_chunks == 0
    assert stats.requests == len(chunks) - stats.cached
    resent = {k for k, n in srv.counters.sends.items() if n > first_sends.get(k, 0)}
    cached_keys = {piece_key(ch.samples) for ch in chunks} - resent
    assert len(cached_keys) == stats.cached and all(first_sends[k] == 1 for k in cached_keys)
    # a third run is free, also at another concurrency (the file's first chunk plan is kept)
    again = GlmEngine(dataclasses.replace(settings, concurrency=20))
    transcribe_file(path, TranscribeOptions(engine="glm"), engine=again)
    assert again.last_stats.requests == 0 and again.last_stats.cached == len(chunks)


def test_invalid_key_stops_the_job_clearly_and_never_shows_the_key(serve, tmp_path, caplog):
    srv = serve()
    bad = "sk-WRONG-key-0123456789-do-not-print"
    settings = settings_for(srv, tmp_path, api_key=bad)
    caplog.set_level(logging.DEBUG)
    with pytest.raises(AuthError) as info:
        run_job(FIX / "speech_en.wav", settings)
    assert str(info.value).startswith("the GLM-ASR API key was rejected")
    shown = "".join(traceback.format_exception(info.value)) + repr(info.value) + repr(settings) + caplog.text
    shown += repr(GlmEngine(settings)) + GlmEngine(settings).describe()
    assert bad not in shown
    assert srv.counters.statuses[401] >= 1 and srv.counters.requests <= settings.concurrency


def test_content_safety_block_flags_those_cues_and_the_rest_goes_on(serve, tmp_path):
    srv = serve(blocked_words=("sampling theorem",))
    result = run_job(FIX / "speech_en.wav", settings_for(srv, tmp_path))
    flagged = [c for c in result.document.cues if c.flag]
    assert flagged and all(c.flag == BLOCKED_FLAG for c in flagged)  # "... transcribe it by hand"
    fine = [c for c in result.document.cues if not c.flag]
    assert fine and all(c.text for c in fine)
    # the flag sits on the blocked piece (the first, from 0.3 s, with "The sampling theorem"),
    # whose text is missing; the second piece's cues are all there
    _, meta = load("en")
    assert all(c.start < 25800 for c in flagged)
    texts = " ".join(c.text.replace("\n", " ") for c in fine)
    assert "sampling theorem" not in texts
    assert all(u["text"].rstrip(".") in texts for u in meta["utterances"][6:])
    assert result.failed_chunks == 0


def test_streaming_deltas_reach_progress_as_a_live_preview(serve, tmp_path):
    srv = serve()
    events = []
    streamed = run_job(FIX / "speech_en.wav", settings_for(srv, tmp_path / "s", stream=True),
                       on_progress=events.append)
    assert srv.counters.streams == streamed.chunks >= 2
    previews = [e.preview for e in events if e.stage == "transcribe" and e.message.startswith("GLM-ASR: receiving")]
    assert len(previews) > 10
    _, meta = load("en")
    first = meta["utterances"][0]["text"]
    assert any(len(p) < len(first) and first.startswith(p) for p in previews)  # partial text, live
    plain = run_job(FIX / "speech_en.wav", settings_for(srv, tmp_path / "p"))
    assert [c.text for c in streamed.document.cues] == [c.text for c in plain.document.cues]


@pytest.mark.parametrize("context", [True, False])
def test_context_prompt_chains_within_runs(serve, tmp_path, tiled, context):
    _, _, _, chunks = tiled
    srv = serve()
    engine = GlmEngine(settings_for(srv, tmp_path, concurrency=2, context=context))
    results = engine.transcribe(chunks, language=None)
    prompts = [srv.counters.prompts[piece_key(ch.samples)][0] for ch in chunks]
    if not context:
        assert prompts == [""] * len(chunks)
        return
    chained = [i for i, p in enumerate(prompts) if p]
    # every chunk but the first of each run: the 2 planned runs, and one more for each steal (a
    # worker done with its run takes the back half of the other's, whose predecessor is not done;
    # on a busy machine that happens)
    assert len(chunks) - len(chained) == 2 + engine.last_stats.steals
    for i in chained:
        assert results[i - 1].text.endswith(prompts[i][-200:]) and len(prompts[i]) < 8000


def test_a_lower_account_limit_is_found_by_backing_off(serve, tmp_path, tiled):
    _, _, _, chunks = tiled
    srv = serve(limit=2, retry_after="0.02")
    engine = GlmEngine(settings_for(srv, tmp_path, concurrency=8))
    results = engine.transcribe(chunks, language=None)
    assert all(r.ok and r.text for r in results)
    st = engine.last_stats
    assert st.limit_cuts >= 1 and st.rate_limited == srv.counters.c429 > 0
    assert st.requests == len(chunks) + st.rate_limited


def test_hotwords_go_along_at_most_100(serve, tmp_path):
    srv = serve()
    words = ["Fourier", "Nyquist", "傅里叶"] + [f"term{i}" for i in range(150)]
    GlmEngine(settings_for(srv, tmp_path, hotwords=words)).transcribe(
        make_chunks(*_en_regions(), GlmEngine.max_chunk_ms, GlmEngine.margin_ms), language=None)
    assert srv.counters.hotwords and all(len(h) == 100 and h[:3] == words[:3] for h in srv.counters.hotwords)


def _en_regions():
    pcm, _ = load("en")
    return pcm, detect_speech(pcm)


# -- the stand-in itself follows the documented API ------------------------------------------------

def test_stand_in_server_speaks_the_documented_api(serve):
    srv = serve(segments=False)
    url = srv.base_url + "/paas/v4/audio/transcriptions"
    auth = {"Authorization": f"Bearer {srv.config.api_key}"}
    pcm, meta = load("en")
    piece = pcm[: 16000 * 5]
    with httpx.Client(timeout=10) as client:
        def post(data=None, files=None, headers=auth):
            return client.post(url, data=data or {"model": "glm-asr-2512"}, files=files, headers=headers)

        ok = post(files={"file": ("a.wav", wav_bytes(piece), "audio/wav")})
        assert ok.status_code == 200 and ok.json()["text"] == meta["utterances"][0]["text"] and "segments" not in ok.json()
        too_long = post(files={"file": ("a.wav", wav_bytes(np.zeros(16000 * 31, np.int16)), "audio/wav")})
        assert too_long.status_code == 400 and too_long.json()["error"]["code"] == "1214"
        ogg = post(files={"file": ("a.ogg", b"OggS" + b"\0" * 64, "audio/ogg")})
        assert ogg.status_code == 400 and ogg.json()["error"]["code"] == "1214"
        mp3 = post(files={"file": ("a.mp3", b"ID3" + b"\0" * 4000, "audio/mpeg")})
        assert mp3.status_code == 200
        bad_model = post(data={"model": "whisper"}, files={"file": ("a.wav", wav_bytes(piece), "audio/wav")})
        assert bad_model.json()["error"]["code"] == "1211"
        bad_key = post(files={"file": ("a.wav", wav_bytes(piece), "audio/wav")}, headers={"Authorization": "Bearer x"})
        assert bad_key.status_code == 401 and bad_key.json()["error"]["code"] == "1001"
        assert post(files={"file": ("a.wav", wav_bytes(piece), "audio/wav")}, headers={}).status_code == 401
        with client.stream("POST", url, headers=auth, data={"model": "glm-asr-2512", "stream": "true"},
                           files={"file": ("a.wav", wav_bytes(piece), "audio/wav")}) as resp:
            lines = [ln for ln in resp.iter_lines() if ln.startswith("data:")]
        assert resp.headers["content-type"].startswith("text/event-stream")
        assert lines[-1] == "data: [DONE]" and json.loads(lines[-2][5:])["type"] == "transcript.text.done"
        assert json.loads(lines[0][5:])["type"] == "transcript.text.delta"


def test_stand_in_server_limits_in_flight_with_429(serve):
    srv = serve(limit=1, retry_after="7", base_s=20.0)  # 0.4 s per request at this scale
    url = srv.base_url + "/paas/v4/audio/transcriptions"
    pcm, _ = load("en")
    out = []

    def post():
        with httpx.Client(timeout=10) as client:
            out.append(client.post(url, headers={"Authorization": f"Bearer {srv.config.api_key}"},
                                   data={"model": "glm-asr-2512"},
                                   files={"file": ("a.wav", wav_bytes(pcm[:16000]), "audio/wav")}))

    threads = [threading.Thread(target=post) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    codes = sorted(r.status_code for r in out)
    assert codes == [200, 429, 429] and srv.counters.c429 == 2
    limited = [r for r in out if r.status_code == 429]
    assert all(r.headers["retry-after"] == "7" and r.json()["error"]["code"] == "1302" for r in limited)


def test_stand_in_multipart_parser_is_strict_and_handles_quoting():
    from tests.support.glm_server import parse_multipart

    boundary = "b0undary"
    blob = b"\r\n--b0undar\r\nnot the boundary\r\n"  # near-miss of the delimiter inside the file
    body = (b"--b0undary\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nglm-asr-2512\r\n"
            b"--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a; b.wav\"\r\n"
            b"Content-Type: audio/wav\r\n\r\n" + blob + b"\r\n--b0undary--\r\n")
    parts = parse_multipart(f'multipart/form-data; boundary="{boundary}"', body)
    assert parts == [("model", None, b"glm-asr-2512"), ("file", "a; b.wav", blob)]
    assert isinstance(parse_multipart("application/json", body), str)
    assert isinstance(parse_multipart(f"multipart/form-data; boundary={boundary}", body[:-16]), str)
    no_disposition = b"--b0undary\r\nContent-Type: text/plain\r\n\r\nx\r\n--b0undary--\r\n"
    assert isinstance(parse_multipart(f"multipart/form-data; boundary={boundary}", no_disposition), str)


def test_check_key_for_the_settings_dialog(serve, tmp_path):
    from subtitler.core.engines.glm import check_key

    srv = serve()
    assert check_key(settings_for(srv, tmp_path)) == "The key works (127.0.0.1 answered)."
    bad = "sk-bad-check-0123456789"
    with pytest.raises(AuthError) as info:
        check_key(settings_for(srv, tmp_path, api_key=bad))
    assert bad not in str(info.value)
    assert srv.counters.requests == 2 and not list(tmp_path.rglob("*.json"))  # nothing cached
