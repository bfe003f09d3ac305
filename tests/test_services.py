"""The one engine/key resolution (core.app.services) used by the CLI, the queue and the editor."""

from __future__ import annotations

import pytest

from subtitler.core.foundation import secrets
from subtitler.core.foundation.errors import UsageError
from subtitler.core.app.services import EngineService, cli_settings, resolve_engine_name
from subtitler.core.app.settings import MemoryStore, Settings


@pytest.fixture
def store(monkeypatch):
    monkeypatch.setenv(secrets.NO_KEYRING_ENV, "1")
    monkeypatch.delenv(secrets.KEY_ENV, raising=False)
    secrets.memory_keyring().clear()
    yield secrets.KeyStore()
    secrets.memory_keyring().clear()


def test_key_lookup_order_is_environment_then_keyring(store, monkeypatch):
    svc = EngineService(Settings(), store)
    assert svc.api_key() == "" and svc.engine_name() == "local"
    store.set("sk-stored-1234567890")
    svc.forget_key()
    assert svc.api_key() == "sk-stored-1234567890" and svc.engine_name() == "glm"
    monkeypatch.setenv(secrets.KEY_ENV, "sk-env-0987654321")
    svc.forget_key()
    assert svc.api_key() == "sk-env-0987654321"  # the environment overrides the stored key
    # the command line resolves the same way (it used the opposite order to the app before)
    assert secrets.find_api_key(store) == svc.api_key()


def test_engine_choice(store):
    assert resolve_engine_name("auto", "") == "local"
    assert resolve_engine_name("auto", "k") == "glm"
    assert resolve_engine_name("glm", "") == "glm"  # strict: the engine reports the missing key
    assert resolve_engine_name("local", "k") == "local"
    with pytest.raises(UsageError):
        resolve_engine_name("whisperx", "")
    store.set("sk-stored-1234567890")
    app = EngineService(Settings(engine="glm"), store)
    assert app.requested_engine() == "auto" and app.engine_name() == "glm"
    assert EngineService(Settings(engine="local"), store).engine_name() == "local"


def test_options_carry_the_users_settings(store, tmp_path):
    glossary = tmp_path / "terms.txt"
    glossary.write_text("Nyquist\nAliasing\n", "utf-8")
    store.set("sk-stored-1234567890")
    s = Settings(engine="glm", concurrency=7, language="en", profile="netflix-en", local_model="small",
                 base_url="https://api.z.ai/api", hotwords_file=str(glossary))
    svc = EngineService(s, store)
    opts = svc.options()
    assert (opts.engine, opts.language, opts.profile, opts.model) == ("glm", "en", "netflix-en", "small")
    g = opts.glm_settings
    assert g.concurrency == 7 and g.base_url == "https://api.z.ai/api" and g.hotwords == ["Nyquist", "Aliasing"]
    assert g.api_key.reveal() == "sk-stored-1234567890" and "sk-stored" not in repr(svc) + repr(opts)
    assert svc.create_engine(opts).name == "glm"
    local = svc.options("local")
    assert local.engine == "local" and local.glm_settings is None
    assert svc.create_engine(local).name == "local"


def test_cli_flags_become_settings(store):
    s = cli_settings(engine="auto", model=None, language="zh", profile="auto", base_url=None, concurrency=None,
                     stream=False, hotwords_file=None)
    svc = EngineService(s, store, glm_extra={"context": False})
    assert svc.engine_name("auto") == "local"
    g = svc.glm_settings()
    assert g.context is False and g.concurrency == 5 and g.stream is False
    bad = cli_settings(engine="glm", model=None, language="en", profile="auto", base_url="http://example.com",
                       concurrency=3, stream=False, hotwords_file=None)
    with pytest.raises(UsageError):
        EngineService(bad, store).glm_settings()  # a cleartext remote URL is refused


def test_settings_round_trip_through_a_store():
    store = MemoryStore()
    Settings(engine="local", formats=["srt", "vtt"], media_cache_mb=512, overwrite=True).save(store)
    back = Settings.load(store)
    assert (back.engine, back.formats, back.media_cache_mb, back.overwrite) == ("local", ["srt", "vtt"], 512, True)
    store.setValue("app/parallel_files", "lots")
    assert Settings.load(store).parallel_files == 1  # a bad value is ignored, not fatal
