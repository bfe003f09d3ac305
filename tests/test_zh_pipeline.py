"""Chinese end to end: the CLI over the Chinese fixture through the GLM-ASR stand-in with
--script hant and --zh-punct spaces; Chinese glossary terms and context prompts reach the server
intact (UTF-8 file in, multipart form out, cut by characters)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from subtitler.core.engines.glm import PROMPT_CHARS, GlmEngine, GlmSettings, load_hotwords
from subtitler.core.engines.glm_client import PROMPT_MAX_CHARS, build_form
from subtitler.core.app.jobs import TranscribeOptions, transcribe_file
from subtitler.core.media.ffmpeg import load_wav
from subtitler.core.speech.detection import detect_speech, make_chunks
from subtitler.core.text.script import display_width
from subtitler.core.text.zh import ZhStyle
from tests.support.glm_server import GlmServer, piece_key

FIX = Path(__file__).resolve().parent / "fixtures"
ROOT = FIX.parent.parent
KEY = "sk-zh-test-0123456789abcdef"
UTTERANCES = json.loads((FIX / "speech_zh.json").read_text("utf-8"))["utterances"]


@pytest.fixture
def server():
    srv = GlmServer(api_key=KEY, scale=0.02).start()
    srv.register(load_wav(FIX / "speech_zh.wav"), UTTERANCES, cjk=True)
    yield srv
    srv.stop()


def cli(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "ZHIPUAI_API_KEY"}
    env.update(ZHIPUAI_API_KEY=KEY, SUBTITLER_NO_KEYRING="1", SUBTITLER_CACHE_DIR=str(tmp_path / "cache"))
    return subprocess.run([sys.executable, "-m", "subtitler.cli", "transcribe", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def srt_texts(path: Path) -> list[str]:
    blocks = path.read_text("utf-8").strip().split("\n\n")
    return ["\n".join(b.split("\n")[2:]) for b in blocks]


def test_cli_traditional_script_and_spaces_punctuation(server, tmp_path):
    hot = tmp_path / "术语.txt"
    hot.write_text("\ufeff# 课程术语\n傅里叶变换\n奈奎斯特\n", encoding="utf-8")  # with a BOM, as Notepad writes
    out = tmp_path / "out"
    r = cli(str(FIX / "speech_zh.wav"), "-o", str(out), "--engine", "glm", "--glm-base-url", server.base_url,
            "--language", "zh", "--script", "hant", "--zh-punct", "spaces", "--hotwords", str(hot), tmp_path=tmp_path)
    assert r.returncode == 0, r.stderr
    texts = srt_texts(out / "speech_zh.srt")
    flat = "".join(t.replace("\n", "") for t in texts)
    # every utterance, in Traditional characters, with ，and 。 gone (a full-width space inside a line);
    # the 8.3 s second sentence is cut into two cues at its one pause, after 採樣、, and a cue-end 、
    # goes as line-end marks do in this style
    want = "歡迎來到信號處理課程的第一講今天我們討論採樣、濾波和離散傅里葉變換信號就是時間的函數謝謝觀看\u3000我們下次再見"
    assert flat in (want, want.replace("、", "")) and "今天我們討論採樣" in texts
    assert "謝謝觀看\u3000我們下次再見" in texts
    assert not re.search("[，。]", flat)
    for t in texts:
        assert all(display_width(line) <= 16 for line in t.split("\n")), t
        assert not t.startswith("\u3000") and not any(line.endswith("\u3000") for line in t.split("\n"))
    assert server.counters.hotwords and all(h == ["傅里叶变换", "奈奎斯特"] for h in server.counters.hotwords)
    assert KEY not in r.stdout + r.stderr


def test_cli_netflix_and_keep_styles_on_the_same_speech(server, tmp_path):
    args = (str(FIX / "speech_zh.wav"), "--engine", "glm", "--glm-base-url", server.base_url, "--language", "zh")
    r = cli(*args, "-o", str(tmp_path / "n"), tmp_path=tmp_path)  # the default: netflix, as recognised script
    assert r.returncode == 0, r.stderr
    netflix = srt_texts(tmp_path / "n" / "speech_zh.srt")
    assert "谢谢观看，我们下次再见" in netflix  # the comma inside the line is kept, the full stop dropped
    assert not any(line.endswith(("，", "。")) for t in netflix for line in t.split("\n"))
    r = cli(*args, "-o", str(tmp_path / "k"), "--zh-punct", "keep", "--script", "tw", tmp_path=tmp_path)
    assert r.returncode == 0, r.stderr
    kept = "".join(t.replace("\n", "") for t in srt_texts(tmp_path / "k" / "speech_zh.srt"))
    assert kept.endswith("謝謝觀看，我們下次再見。") and kept.count("。") == 4


def test_style_is_kept_in_the_document_meta(server, tmp_path):
    style = ZhStyle(punct="spaces", script="hant", latin_space=True)
    settings = GlmSettings(api_key=KEY, base_url=server.base_url, cache_dir=tmp_path / "c")
    result = transcribe_file(FIX / "speech_zh.wav", TranscribeOptions(engine="glm", glm_settings=settings, zh=style))
    assert ZhStyle.from_dict(result.document.meta["zh"]) == style
    assert result.document.profile == "netflix-zh"
    assert any("\u3000" in c.text for c in result.document.cues)


def test_chinese_context_prompts_and_hotwords_arrive_intact(server, tmp_path):
    pcm = load_wav(FIX / "speech_zh.wav")
    chunks = make_chunks(pcm, detect_speech(pcm), 9000, 0)  # one piece per sentence: each carries context
    assert len(chunks) == len(UTTERANCES)
    hot = tmp_path / "hot.txt"
    hot.write_text("离散傅里叶变换\n采样定理\n", encoding="utf-8")
    settings = GlmSettings(api_key=KEY, base_url=server.base_url, cache_dir=tmp_path / "c", concurrency=1,
                           hotwords=load_hotwords(hot))
    results = GlmEngine(settings).transcribe(chunks, language="zh")
    assert [r.text for r in results] == [u["text"] for u in UTTERANCES]
    prompts = [server.counters.prompts[piece_key(c.samples)][0] for c in chunks]
    assert prompts[0] == ""
    for i in range(1, len(chunks)):
        assert prompts[i] == "".join(r.text for r in results[:i])  # Chinese joined without spaces, intact
    assert server.counters.hotwords == [["离散傅里叶变换", "采样定理"]] * len(chunks)


def test_context_tail_is_cut_by_characters_not_bytes():
    long = "信号处理" * 3000  # 12,000 characters, 36,000 UTF-8 bytes
    form = build_form(GlmSettings(api_key=KEY), prompt=long, request_id="r")
    assert len(form["prompt"]) == PROMPT_MAX_CHARS and long.endswith(form["prompt"])
    form["prompt"].encode("utf-8").decode("utf-8")  # whole characters only
    assert PROMPT_CHARS < PROMPT_MAX_CHARS


def test_hotword_file_reading_handles_chinese_and_rejects_other_encodings(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("\ufeff傅里叶变换\n\n# 注释\n奈奎斯特\n傅里叶变换\n", encoding="utf-8")
    assert load_hotwords(good) == ["傅里叶变换", "奈奎斯特"]
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("傅里叶变换\n".encode("gbk"))
    from subtitler.core.foundation.errors import UsageError

    with pytest.raises(UsageError, match="not UTF-8"):
        load_hotwords(gbk)
