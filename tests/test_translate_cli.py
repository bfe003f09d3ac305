"""The CLI as a user runs it: transcribe with the GLM-ASR stand-in, translate with the chat stand-in
(one base URL, like the real service), write translated and bilingual SRT/ASS and a burned-in MP4;
a re-run is answered from the caches."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import numpy as np
import pysubs2
import pytest

from subtitler.core.document.formats import load
from subtitler.core.media.ffmpeg import extract_audio, load_wav, probe
from tests.support.chat_server import ALL_KINDS, ChatServer
from tests.support.glm_server import GlmServer
from tests.test_glm_cli import cli as glm_cli
from tests.test_glm_cli import env_with as glm_env
from tests.test_burnin import H, frame, make_video
from tests.test_translate import expected

FIX = Path(__file__).resolve().parent / "fixtures"
KEY = "sk-translate-cli-secret-0123456789"


def env_with(tmp_path: Path, key: str | None = KEY) -> dict:
    return glm_env(tmp_path, key)


def cli(*args: str, env: dict) -> subprocess.CompletedProcess:
    return glm_cli(*args, env=env, timeout=240)


@pytest.fixture(scope="module")
def video(tmp_path_factory) -> Path:
    return make_video(tmp_path_factory.mktemp("tcli") / "talk.mp4", seconds=24)


@pytest.fixture
def service(video, tmp_path):
    """GLM-ASR and chat under one base URL; the chat model's first answer to every batch is bad."""
    glm = GlmServer(api_key=KEY, scale=0.02)
    extract_audio(video, tmp_path / "talk.wav")  # the audio the CLI will upload, decoded the same way
    glm.register(load_wav(tmp_path / "talk.wav"), json.loads((FIX / "speech_en.json").read_text("utf-8"))["utterances"])
    chat = ChatServer(api_key=KEY, scale=0.02, bad_first=1, seed=5,
                      kinds=tuple(k for k in ALL_KINDS if k not in ("sensitive", "1301"))).start(glm)
    yield glm, chat
    chat.stop()


def test_transcribe_translate_bilingual_and_burn_in(video, service, tmp_path):
    glm, chat = service
    out = tmp_path / "out"
    args = [str(video), "-o", str(out), "--engine", "glm", "--glm-base-url", chat.base_url, "--format", "srt,ass",
            "--translate-to", "zh", "--bilingual", "--burn-in", "--burn-in-quality", "fast", "--concurrency", "5"]
    r = cli(*args, env=env_with(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "translating into zh with glm-4.5-flash at 127.0.0.1" in r.stderr
    assert KEY not in r.stdout + r.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == ["talk.ass", "talk.bilingual.ass", "talk.bilingual.srt", "talk.srt", "talk.subtitled.mp4",
                     "talk.zh.ass", "talk.zh.srt"]
    orig = load(out / "talk.srt")
    assert len(orig) >= 6
    for fmt in ("srt", "ass"):  # ASS keeps centiseconds: compare each format with its original
        orig = load(out / f"talk.{fmt}")
        zh = load(out / f"talk.zh.{fmt}")
        assert [(c.start, c.end) for c in zh] == [(c.start, c.end) for c in orig]  # not a millisecond moved
        assert [t.text for t in zh] == [expected(o.text, "zh") for o in orig]  # each cue its own translation
        bi = load(out / f"talk.bilingual.{fmt}")
        assert [(c.start, c.end) for c in bi] == [(c.start, c.end) for c in orig]
        for o, b in zip(orig, bi):
            assert b.text.startswith(o.text.split("\n")[0])
    orig = load(out / "talk.srt")
    ass = pysubs2.load(str(out / "talk.bilingual.ass"))
    assert set(ass.styles) == {"en", "zh"} and ass.styles["zh"].fontsize < ass.styles["en"].fontsize
    stats_line = next(line for line in r.stderr.splitlines() if "translated into zh" in line)
    assert "tokens" in stats_line and f"{len(orig)} cues" in stats_line
    assert sum(chat.counters.misbehaved.values()) > 0  # the model misbehaved, and nothing moved
    # the burned-in video: a cue's frame differs from the source's, under the picture's middle
    mp4 = out / "talk.subtitled.mp4"
    assert probe(mp4).has_video and probe(mp4).audio_streams == 1
    mid = (orig[1].start + orig[1].end) / 2000
    diff = np.abs(frame(mp4, mid, tmp_path / "bilingual-frame.png") - frame(video, mid))
    assert (diff[H * 3 // 4:] > 40).sum() > 1000 and diff[:H // 2].max() < 20
    # a re-run (with --overwrite) pays for nothing: both caches answer
    glm.reset_counters()
    chat.reset_counters()
    r2 = cli(*args, "--overwrite", env=env_with(tmp_path))
    assert r2.returncode == 0, r2.stderr
    assert chat.counters.requests == 0 and glm.counters.requests == 0
    assert "0 tokens" in r2.stderr


def test_existing_outputs_are_refused_before_any_work(video, service, tmp_path):
    glm, chat = service
    out = tmp_path / "out"
    out.mkdir()
    (out / "talk.subtitled.mp4").write_bytes(b"keep me")
    r = cli(str(video), "-o", str(out), "--engine", "glm", "--glm-base-url", chat.base_url, "--burn-in",
            env=env_with(tmp_path))
    assert r.returncode == 1 and "talk.subtitled.mp4 already exists" in r.stderr
    assert (out / "talk.subtitled.mp4").read_bytes() == b"keep me"
    assert glm.counters.requests == 0 and chat.counters.requests == 0
    assert sorted(p.name for p in out.iterdir()) == ["talk.subtitled.mp4"]


def test_usage_errors(video, tmp_path):
    r = cli(str(video), "--bilingual", env=env_with(tmp_path))
    assert r.returncode == 2 and "--bilingual needs --translate-to" in r.stderr
    r = cli(str(video), "--translate-to", "zh", "--engine", "local", env=env_with(tmp_path, key=None))
    assert r.returncode == 2 and "ZHIPUAI_API_KEY" in r.stderr


def test_audio_only_input_cannot_be_burned(service, tmp_path):
    glm, chat = service
    r = cli(str(FIX / "speech_en.wav"), "-o", str(tmp_path / "o"), "--engine", "glm", "--glm-base-url",
            chat.base_url, "--burn-in", env=env_with(tmp_path))
    assert r.returncode == 1 and "no video track" in r.stderr
    assert glm.counters.requests == 0


def test_polish_corrects_cues_before_writing_and_says_how_many(video, service, tmp_path):
    glm, chat = service
    chat.config.bad_first = 0
    chat.config.corrections = {"signal processing": "Signal Processing", "Fourier": "FOURIER"}
    hot = tmp_path / "terms.txt"
    hot.write_text("Signal Processing\nFOURIER\n", encoding="utf-8")
    out = tmp_path / "out"
    r = cli(str(video), "-o", str(out), "--engine", "glm", "--glm-base-url", chat.base_url, "--polish",
            "--hotwords", str(hot), env=env_with(tmp_path))
    assert r.returncode == 0, r.stderr
    cues = load(out / "talk.srt")
    flat = [" ".join(c.text.split()) for c in cues]
    changed = [t for t in flat if "Signal Processing" in t or "FOURIER" in t]
    assert len(changed) == 2 and not any("signal processing" in t or "Fourier" in t for t in flat)
    assert f"polish changed 2 of {len(cues)} cues" in r.stderr
    body = json.loads(chat.counters.bodies[0]["messages"][1]["content"])
    assert body["task"] == "polish" and body["glossary"] == ["Signal Processing", "FOURIER"]


def test_a_translation_that_fails_completely_fails_the_file_and_leaves_no_outputs(video, service, tmp_path):
    glm, chat = service
    chat.config.bad_first = 0
    chat.config.misbehave_rate = 1.0
    chat.config.kinds = ("merged",)
    out = tmp_path / "out"
    r = cli(str(video), "-o", str(out), "--engine", "glm", "--glm-base-url", chat.base_url, "--translate-to", "zh",
            "--bilingual", env=env_with(tmp_path))
    assert r.returncode == 1, r.stderr
    assert "no cue could be translated (the model's answers failed the checks: empty text)" in r.stderr
    assert re.search(r"0 of 1 files? done, 1 failed", r.stderr)
    assert not out.exists() or list(out.iterdir()) == []  # all of a file's outputs, or none


def test_no_translation_into_the_transcripts_own_language(tmp_path):
    """Issue 21, defect 10c: a Chinese file 'translated' into Chinese came back without a word of
    change, then failed on a name collision it did not explain (the original named {stem}.{lang}
    is the translation's name too). Now the CLI says so and skips the translation."""
    glm = GlmServer(api_key=KEY, scale=0.02)
    glm.register(load_wav(FIX / "speech_zh.wav"), json.loads((FIX / "speech_zh.json").read_text("utf-8"))["utterances"])
    chat = ChatServer(api_key=KEY, scale=0.02).start(glm)
    try:
        src = tmp_path / "第1讲.wav"
        src.write_bytes((FIX / "speech_zh.wav").read_bytes())
        out = tmp_path / "out"
        r = cli(str(src), "-o", str(out), "--engine", "glm", "--glm-base-url", chat.base_url, "--format", "srt",
                "--translate-to", "zh", "--bilingual", "--name-pattern", "{stem}.{lang}.{ext}", env=env_with(tmp_path))
        assert r.returncode == 0, r.stderr
        assert "already in 'zh': no translation into the same language was made" in r.stderr
        assert "already exists" not in r.stderr and "collide" not in r.stderr
        assert sorted(p.name for p in out.iterdir()) == ["第1讲.zh.srt"]  # the original, nothing else
        assert load(out / "第1讲.zh.srt")
        assert chat.counters.requests == 0
    finally:
        chat.stop()
