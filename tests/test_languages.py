"""Languages by name, and the right engine for the language before a job starts: the core check,
the model folder inspection (the real tiny.en pack), the download error branch, and the CLI's
exit 2 with one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from subtitler.core.engines.local import (MULTILINGUAL_VOCAB, default_model_path, fetch_model, inspect_model_folder,
                                          model_is_multilingual, prepare_model)
from subtitler.core.foundation.errors import ModelError
from subtitler.core.engines.language_check import check_engine_language
from subtitler.core.text.languages import (GLM_LANGUAGES, LANGUAGES, WHISPER_LANGUAGES, language_choices, language_name,
                                           normalise_language)

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures"


# -- names ------------------------------------------------------------------------------------
def test_language_names_in_english_and_chinese():
    assert language_name("zh", "zh_CN") == "中文（简体）"
    assert language_name("auto", "zh") == "自动检测"
    assert language_name("en", "zh_CN") == "英语"
    assert language_name("en", "en_US") == "English"
    assert language_name("zh", "en") == "Chinese (Simplified)"
    assert language_name("auto") == "Detect automatically"
    assert language_name("xx", "zh") == "xx"  # unknown: the code as given
    choices = language_choices("zh_CN")
    assert choices[0] == ("auto", "自动检测") and choices[1] == ("zh", "中文（简体）")
    assert len({name for _, name in choices}) == len(choices)  # every name distinct


def test_table_covers_every_language_faster_whisper_knows():
    from faster_whisper.tokenizer import _LANGUAGE_CODES

    assert WHISPER_LANGUAGES == set(_LANGUAGE_CODES)
    assert GLM_LANGUAGES <= set(LANGUAGES)
    assert all(lang.en and lang.zh for lang in LANGUAGES.values())


@pytest.mark.parametrize("typed, code", [
    ("zh", "zh"), ("ZH", "zh"), ("zh-CN", "zh"), ("zh_Hans", "zh"), ("zh-TW", "zh"), ("zh-HK", "zh"), ("zh-yue", "yue"), ("Cantonese", "yue"),
    ("Chinese", "zh"), ("中文", "zh"), ("中文（简体）", "zh"), ("英语", "en"), ("", "auto"), ("auto", "auto"),
    ("en-GB", "en"), ("Japanese", "ja"), ("xx", "xx"),
])
def test_normalise_what_users_type(typed, code):
    assert normalise_language(typed) == code


# -- the model folder -------------------------------------------------------------------------
def test_the_shipped_pack_is_english_only_read_from_its_folder_and_loaded_for_real():
    folder = inspect_model_folder(default_model_path())
    assert folder.vocab_size == 51864 and not folder.multilingual
    from faster_whisper import WhisperModel

    model = WhisperModel(str(default_model_path()), device="cpu", compute_type="int8", cpu_threads=1)
    assert model.model.is_multilingual is False  # CTranslate2 agrees with the vocabulary count


def test_prepare_model_checks_a_folder_offline():
    folder = prepare_model(str(default_model_path()))
    assert folder.path == default_model_path() and folder.multilingual is False
    assert prepare_model(None).path == default_model_path()  # the default pack


def test_a_multilingual_vocabulary_is_recognised(tmp_path):
    (tmp_path / "model.bin").write_bytes(b"\0")
    (tmp_path / "vocabulary.txt").write_text("\n".join(f"t{i}" for i in range(MULTILINGUAL_VOCAB)) + "\n", "utf-8")
    assert inspect_model_folder(tmp_path).multilingual
    assert model_is_multilingual(str(tmp_path)) is True
    (tmp_path / "vocabulary.txt").unlink()
    (tmp_path / "vocabulary.json").write_text('["a"]', "utf-8")
    assert not inspect_model_folder(tmp_path).multilingual


def test_not_a_model_folder_is_a_clear_model_error(tmp_path):
    with pytest.raises(ModelError, match="no model.bin"):
        inspect_model_folder(tmp_path)
    with pytest.raises(ModelError, match="does not exist"):
        inspect_model_folder(tmp_path / "missing")
    (tmp_path / "model.bin").write_bytes(b"\0")
    with pytest.raises(ModelError, match="no vocabulary"):
        inspect_model_folder(tmp_path)
    assert model_is_multilingual(str(tmp_path)) is None  # cannot tell: the engine reports it when it loads


@pytest.mark.parametrize("model, multilingual", [
    (None, False), ("tiny.en", False), ("base.en", False), ("distil-large-v3", False), ("small", True),
    ("large-v3", True), ("Systran/faster-whisper-small", True), ("Systran/faster-whisper-medium.en", False),
    ("someone/unknown-model", None),
])
def test_model_names_are_judged_without_downloading(model, multilingual):
    assert model_is_multilingual(model) is multilingual


def test_download_error_branch_names_the_way_out(tmp_path):
    # no hub here: the real huggingface_hub code against a closed port, in a fresh process so
    # that HF_ENDPOINT is read at import
    code = ("from subtitler.core.engines.local import fetch_model\n"
            "from subtitler.core.foundation.errors import ModelError\n"
            "events = []\n"
            "try:\n    fetch_model('small', events.append)\n"
            "except ModelError as e:\n    print('ERR', e)\n"
            "print('EVENTS', [(e.stage, e.fraction) for e in events])\n")
    env = dict(os.environ, HF_HOME=str(tmp_path / "hf"), HF_ENDPOINT="http://127.0.0.1:9", HF_HUB_DISABLE_TELEMETRY="1")
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert "ERR cannot download the model 'small'" in r.stdout, r.stdout + r.stderr
    assert "pass a model folder" in r.stdout
    assert "EVENTS [('model', 0.0)]" in r.stdout  # progress started, nothing claimed done
    with pytest.raises(ModelError, match="unknown model"):
        fetch_model("no-such-model-name")


def test_download_through_a_stand_in_hub_reports_progress_and_gives_a_model_folder(tmp_path):
    from tests.support.hub_server import COMMIT, HubServer

    hub = HubServer().serve("Systran/faster-whisper-tiny.en", default_model_path()).start()
    try:
        code = ("from subtitler.core.engines.local import prepare_model\n"
                "events = []\n"
                "folder = prepare_model('tiny.en', events.append)\n"
                "print('PATH', folder.path)\n"
                "print('MULTILINGUAL', folder.multilingual)\n"
                "import json\n"
                "print('FRACTIONS', json.dumps([round(e.fraction, 4) for e in events]))\n")
        env = dict(os.environ, HF_HOME=str(tmp_path / "hf"), HF_ENDPOINT=hub.url, HF_HUB_DISABLE_TELEMETRY="1")
        r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300,
                           cwd=ROOT)
    finally:
        hub.stop()
    assert r.returncode == 0, r.stderr[-2000:]
    out = dict(line.split(" ", 1) for line in r.stdout.splitlines())
    folder = Path(out["PATH"])
    assert folder.is_relative_to(tmp_path / "hf")
    for f in default_model_path().iterdir():  # every file arrived whole
        assert (folder / f.name).stat().st_size == f.stat().st_size
    assert out["MULTILINGUAL"] == "False"
    fractions = json.loads(out["FRACTIONS"])
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert len(fractions) >= 5 and fractions == sorted(fractions)  # steady, never backwards
    assert any(m == "GET" and p.endswith("/resolve/" + COMMIT + "/model.bin") for m, p in hub.requests)


# -- the check --------------------------------------------------------------------------------
def test_chinese_with_the_english_only_pack_is_caught():
    p = check_engine_language("local", None, "zh")
    assert p is not None and p.kind == "english-only" and p.language == "zh"
    assert "--engine glm" in p.message and "--model" in p.message and "\n" not in p.message
    assert check_engine_language("auto", None, "zh", has_key=False).kind == "english-only"
    assert check_engine_language("local", "tiny.en", "zh-CN").kind == "english-only"


@pytest.mark.parametrize("engine, model, language, has_key", [
    ("local", None, "en", False), ("local", None, "auto", False), ("local", None, "", False),
    ("local", None, None, False), ("glm", None, "zh", False), ("auto", None, "zh", True),
    ("local", "small", "zh", False), ("glm", None, "en", False), ("glm", None, "yue", False),
    ("local", "someone/unknown-model", "zh", False),
])
def test_combinations_that_work_pass(engine, model, language, has_key):
    assert check_engine_language(engine, model, language, has_key=has_key) is None


def test_glm_with_a_language_it_does_not_know_and_unknown_codes():
    p = check_engine_language("glm", None, "ja")
    assert p.kind == "not-on-glm" and "--engine local --model small" in p.message
    assert check_engine_language("local", "small", "klingon").kind == "unknown-language"


def test_a_multilingual_folder_passes_the_check(tmp_path):
    (tmp_path / "model.bin").write_bytes(b"\0")
    (tmp_path / "vocabulary.txt").write_text("\n".join("x" * MULTILINGUAL_VOCAB), "utf-8")
    assert check_engine_language("local", str(tmp_path), "zh") is None
    assert check_engine_language("local", str(default_model_path()), "zh").kind == "english-only"


# -- the command line -------------------------------------------------------------------------
def cli(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "ZHIPUAI_API_KEY"}
    env.update(SUBTITLER_NO_KEYRING="1", SUBTITLER_CACHE_DIR=str(tmp_path / "cache"))
    return subprocess.run([sys.executable, "-m", "subtitler.cli", "transcribe", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_cli_language_zh_with_the_english_only_pack_exits_2_with_one_line_before_any_work(tmp_path):
    out = tmp_path / "out"
    r = cli(str(FIX / "speech_zh.wav"), "--language", "zh", "-o", str(out), tmp_path=tmp_path)
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("subtitler: the model tiny.en (offline pack) understands English only")
    assert "--engine glm" in lines[0] and "--model" in lines[0]
    assert not out.exists()  # nothing was started or written


def test_cli_unknown_language_exits_2(tmp_path):
    r = cli(str(FIX / "speech_zh.wav"), "--language", "klingon", "-o", str(tmp_path / "o"), tmp_path=tmp_path)
    assert r.returncode == 2 and "unknown language 'klingon'" in r.stderr
