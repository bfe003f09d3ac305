"""GLM-ASR settings: the secret key, validation, the hotword file, the price line, engine choice."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from subtitler.core.engines import create_engine
from subtitler.core.engines.glm import GlmEngine
from subtitler.core.engines.glm_settings import (
    INTERNATIONAL_URL,
    MAINLAND_URL,
    GlmSettings,
    Secret,
    cost_line,
    estimate_cost_rmb,
    load_hotwords,
)
from subtitler.core.foundation.errors import UsageError

KEY = "sk-very-secret-0123456789abcdef"


def test_secret_never_shows_itself():
    s = Secret(KEY)
    for shown in (repr(s), str(s), f"{s}", f"{s!r}", "%s" % s, repr([s]), repr({"k": s})):
        assert KEY not in shown
        assert "***" in shown
    assert s.reveal() == KEY
    assert bool(s) and not bool(Secret("")) and not bool(Secret("   "))
    with pytest.raises(TypeError):
        pickle.dumps(s)
    settings = GlmSettings(api_key=s)
    assert copy.deepcopy(settings).api_key.reveal() == KEY
    assert dataclasses.replace(settings, concurrency=9).api_key.reveal() == KEY


def test_settings_repr_and_engine_repr_hide_the_key(tmp_path):
    settings = GlmSettings(api_key=KEY, cache_dir=tmp_path)
    engine = GlmEngine(settings)
    for shown in (repr(settings), str(settings), repr(engine), engine.describe()):
        assert KEY not in shown
    assert isinstance(settings.api_key, Secret) and settings.has_key()


def test_key_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ZHIPUAI_API_KEY", f"  {KEY}\n")
    assert GlmSettings(cache_dir=tmp_path).api_key.reveal() == KEY
    monkeypatch.delenv("ZHIPUAI_API_KEY")
    assert not GlmSettings(cache_dir=tmp_path).has_key()


def test_auto_engine_follows_the_key(monkeypatch, tmp_path):
    monkeypatch.setenv("ZHIPUAI_API_KEY", KEY)
    assert create_engine("auto").name == "glm"
    assert create_engine("auto", glm_settings=GlmSettings(api_key="", cache_dir=tmp_path)).name == "local"
    monkeypatch.delenv("ZHIPUAI_API_KEY")
    assert create_engine("auto").name == "local"
    assert create_engine("glm", glm_settings=GlmSettings(api_key=KEY, cache_dir=tmp_path)).name == "glm"


def test_defaults_and_limits(tmp_path):
    s = GlmSettings(api_key=KEY, cache_dir=tmp_path)
    assert (s.base_url, s.model, s.concurrency, s.stream, s.context) == (MAINLAND_URL, "glm-asr-2512", 5, False, True)
    assert s.endpoint == "https://open.bigmodel.cn/api/paas/v4/audio/transcriptions"
    assert GlmSettings(base_url=INTERNATIONAL_URL + "/", cache_dir=tmp_path).endpoint == (
        "https://api.z.ai/api/paas/v4/audio/transcriptions")
    assert GlmSettings(concurrency=50, cache_dir=tmp_path).concurrency == 50
    for bad in (0, 51, "many"):
        with pytest.raises(UsageError, match="concurrency"):
            GlmSettings(concurrency=bad, cache_dir=tmp_path)


def test_default_cache_dir_is_the_user_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("SUBTITLER_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert GlmSettings().cache_dir == tmp_path / "subtitler" / "glm"
    monkeypatch.setenv("SUBTITLER_CACHE_DIR", str(tmp_path / "mine"))  # the one variable for every cache
    assert GlmSettings().cache_dir == tmp_path / "mine" / "glm"


@pytest.mark.parametrize("url", ["http://open.bigmodel.cn/api", "ftp://x/api", "not a url",
                                 "https://user:pw@open.bigmodel.cn/api"])
def test_key_never_goes_over_plain_http_or_odd_urls(url, tmp_path):
    with pytest.raises(UsageError):
        GlmSettings(base_url=url, cache_dir=tmp_path)


def test_loopback_http_is_allowed_for_test_servers(tmp_path):
    assert GlmSettings(base_url="http://127.0.0.1:8080/api", cache_dir=tmp_path).host == "127.0.0.1"
    assert GlmSettings(base_url="http://localhost:1/api", cache_dir=tmp_path).host == "localhost"


def test_hotword_file(tmp_path):
    f = tmp_path / "terms.txt"
    terms = [f"term{i}" for i in range(120)]
    f.write_text("\ufeff# glossary\n\n傅里叶\n  Fourier  \nFourier\n" + "\n".join(terms) + "\n", encoding="utf-8")
    words = load_hotwords(f)
    assert words[:2] == ["傅里叶", "Fourier"] and len(words) == 122
    s = GlmSettings(hotwords=words, cache_dir=tmp_path)
    assert len(s.hotwords_sent()) == 100 and s.hotwords_sent()[0] == "傅里叶"
    with pytest.raises(UsageError, match="cannot read"):
        load_hotwords(tmp_path / "missing.txt")
    (tmp_path / "bin.txt").write_bytes(b"\xff\xfe\x00\xd8")
    with pytest.raises(UsageError, match="UTF-8"):
        load_hotwords(tmp_path / "bin.txt")


def test_cost():
    assert estimate_cost_rmb(60_000) == pytest.approx(0.06)
    assert estimate_cost_rmb(2 * 3600_000) == pytest.approx(7.2)
    assert cost_line(750_000) == "12.5 min of audio ≈ 0.75 RMB at 0.06 RMB/min"
    assert cost_line(0).startswith("0.0 min")
