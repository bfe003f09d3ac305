"""The API key: environment first, then the app's stored key; never shown."""

from __future__ import annotations

from subtitler.core.foundation import secrets


def test_cli_key_comes_from_env_then_keyring(monkeypatch):
    monkeypatch.setenv(secrets.NO_KEYRING_ENV, "1")
    monkeypatch.delenv(secrets.KEY_ENV, raising=False)
    store = secrets.KeyStore()
    assert secrets.find_api_key(store) == ""
    store.set("stored-key-123456")
    try:
        assert secrets.find_api_key(store) == "stored-key-123456"
        monkeypatch.setenv(secrets.KEY_ENV, "env-key-654321")
        assert secrets.find_api_key(store) == "env-key-654321"
        assert "stored-key" not in repr(store)
    finally:
        store.delete()
    assert secrets.memory_keyring() == {}


def test_os_keyring_failure_is_a_sentence_not_a_crash(monkeypatch):
    import keyring
    from keyring.errors import KeyringError

    def broken(*_):
        raise KeyringError("no backend")

    monkeypatch.setattr(keyring, "get_password", broken)
    store = secrets.KeyStore(use_os_keyring=True)
    assert store.get() == "" and "could not be read" in store.problem
