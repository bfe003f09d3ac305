"""The CLI with the GLM-ASR engine, as a user runs it: a subprocess, the key in the environment,
the stand-in server on 127.0.0.1; a run killed with SIGKILL resumes without paying twice."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from subtitler.core.media.ffmpeg import load_wav, write_wav
from tests.support.glm_server import GlmServer, tile_audio

FIX = Path(__file__).resolve().parent / "fixtures"
ROOT = FIX.parent.parent
KEY = "sk-cli-secret-0123456789abcdef"


def env_with(tmp_path: Path, key: str | None = KEY) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "ZHIPUAI_API_KEY"}
    env.update(SUBTITLER_CACHE_DIR=str(tmp_path / "cache"), SUBTITLER_NO_KEYRING="1", PYTHONUNBUFFERED="1")
    if key is not None:
        env["ZHIPUAI_API_KEY"] = key
    return env


def cli(*args: str, env: dict, timeout: float = 90) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "subtitler.cli", "transcribe", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def server():
    srv = GlmServer(api_key=KEY, scale=0.02).start()
    pcm = load_wav(FIX / "speech_en.wav")
    srv.register(pcm, json.loads((FIX / "speech_en.json").read_text("utf-8"))["utterances"])
    yield srv
    srv.stop()


def test_cli_transcribes_with_glm_and_says_so(server, tmp_path):
    hot = tmp_path / "terms.txt"
    hot.write_text("Fourier\nNyquist\n", encoding="utf-8")
    out = tmp_path / "out"
    r = cli(str(FIX / "speech_en.wav"), "-o", str(out), "--glm-base-url", server.base_url,
            "--concurrency", "2", "--hotwords", str(hot), env=env_with(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "using the GLM-ASR cloud (glm-asr-2512 at 127.0.0.1; 2 at once, context on, 2 hotwords)" in r.stderr
    assert "0.7 min of audio ≈ 0.04 RMB at 0.06 RMB/min" in r.stderr
    srt = (out / "speech_en.srt").read_text("utf-8")
    flat = " ".join(srt.split())
    for u in json.loads((FIX / "speech_en.json").read_text("utf-8"))["utterances"]:
        assert u["text"] in flat
    assert server.counters.hotwords == [["Fourier", "Nyquist"]] * 2
    assert KEY not in r.stdout + r.stderr
    assert (tmp_path / "cache" / "glm").is_dir()  # results kept for a re-run


def test_cli_stream_and_no_context_flags(server, tmp_path):
    r = cli(str(FIX / "speech_en.wav"), "-o", str(tmp_path / "o"), "--engine", "glm", "--glm-base-url",
            server.base_url, "--concurrency", "1", "--stream", "--no-context", env=env_with(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "context off, streaming" in r.stderr
    assert server.counters.streams == 2
    assert all(p == [""] for p in server.counters.prompts.values())  # no prompt even in one run


def test_cli_bad_key_stops_with_a_clear_message_and_never_prints_it(server, tmp_path):
    bad = "sk-BAD-key-must-not-appear-anywhere"
    r = cli(str(FIX / "speech_en.wav"), "-o", str(tmp_path / "o"), "--glm-base-url", server.base_url,
            env=env_with(tmp_path, key=bad))
    assert r.returncode == 1
    assert "the GLM-ASR API key was rejected" in r.stderr
    assert bad not in r.stdout + r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "o" / "speech_en.srt").exists()


def test_cli_without_a_key_uses_the_local_engine_and_says_so(tmp_path):
    r = cli(str(tmp_path / "missing.wav"), env=env_with(tmp_path, key=None))
    assert "using the" in r.stderr and "GLM-ASR" not in r.stderr.split("using the", 1)[1].splitlines()[0]
    r = cli(str(tmp_path / "missing.wav"), "--engine", "glm", env=env_with(tmp_path, key=None))
    assert "using the GLM-ASR cloud" in r.stderr


def test_cli_refuses_bad_glm_flags(tmp_path):
    r = cli(str(FIX / "speech_en.wav"), "--concurrency", "51", env=env_with(tmp_path))
    assert r.returncode == 2 and "concurrency must be from 1 to 50" in r.stderr
    r = cli(str(FIX / "speech_en.wav"), "--glm-base-url", "http://example.com/api", env=env_with(tmp_path))
    assert r.returncode == 2 and "https" in r.stderr
    r = cli(str(FIX / "speech_en.wav"), "--hotwords", str(tmp_path / "none.txt"), env=env_with(tmp_path))
    assert r.returncode == 2 and "hotword file" in r.stderr


def test_killed_cli_run_resumes_without_resending_finished_pieces(tmp_path):
    pcm = load_wav(FIX / "speech_en.wav")
    big, utts = tile_audio(pcm, json.loads((FIX / "speech_en.json").read_text("utf-8"))["utterances"], 5, seed=7)
    media = tmp_path / "long lecture.wav"
    write_wav(media, big)
    srv = GlmServer(api_key=KEY, scale=0.12).start()  # ~0.28 s per piece
    try:
        srv.register(big, utts)
        env = env_with(tmp_path)
        args = [sys.executable, "-m", "subtitler.cli", "transcribe", str(media), "-o", str(tmp_path / "o"),
                "--glm-base-url", srv.base_url, "--concurrency", "1"]
        proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while sum(srv.counters.served.values()) < 3 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        assert proc.returncode == -signal.SIGKILL
        while srv.counters.in_flight and time.monotonic() < deadline:  # the orphaned upload ends
            time.sleep(0.02)
        first = dict(srv.counters.sends)
        cached = len(list((tmp_path / "cache" / "glm").rglob("*.json")))
        assert cached >= 2
        r = cli(str(media), "-o", str(tmp_path / "o"), "--glm-base-url", srv.base_url, "--concurrency", "3", env=env)
        assert r.returncode == 0, r.stderr
        again = {k: n - first.get(k, 0) for k, n in srv.counters.sends.items() if n > first.get(k, 0)}
        total = len(srv.counters.sends)
        assert again and len(again) == total - cached  # only pieces without a stored result went out again
        assert all(n == 1 for n in again.values()), (again, dict(srv.counters.statuses), r.stderr[-2000:])
        assert sum(1 for k in first if k not in again) == cached
        srt = " ".join((tmp_path / "o" / "long lecture.srt").read_text("utf-8").split())
        assert srt.count("Welcome to the first lecture") == 5
    finally:
        srv.stop()
