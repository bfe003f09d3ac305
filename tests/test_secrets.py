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
    assert store.get() == "" and "cannot be used" in store.problem
    assert "KeyringError" not in store.problem and "ZHIPUAI_API_KEY" in store.problem


def no_os_keyring(monkeypatch) -> None:
    """The OS keyring as it is on a machine without one: keyring's ``fail`` backend, which raises
    NoKeyringError on every call (the user's real keyring is never touched)."""
    import keyring.core
    from keyring.backends import fail

    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())


def test_without_a_keyring_a_key_is_kept_for_the_session_only(monkeypatch, caplog, tmp_path):
    """Issue 21, defect 8: without an OS keyring a key could not be entered at all. It is now kept in
    memory for the session, never written anywhere, and the store says how to keep it."""
    no_os_keyring(monkeypatch)
    monkeypatch.delenv(secrets.KEY_ENV, raising=False)
    key = "sk-session-only-0123456789abcdef"
    store = secrets.KeyStore(use_os_keyring=True)
    assert store.get() == "" and not store.session_only
    assert "no keyring service" in store.problem and "NoKeyringError" not in store.problem
    with caplog.at_level("DEBUG"):
        assert store.set(key) is True
    assert store.session_only and store.get() == key and secrets.find_api_key(store) == key
    problem = str(store.problem)
    assert "for this session only" in problem and secrets.KEY_ENV in problem and "keyring service" in problem
    assert "NoKeyringError" not in problem and key not in problem
    # in memory only: not in the in-memory test store, not in a repr, not in a log record
    assert secrets.memory_keyring() == {}
    assert key not in repr(store) and key not in repr(vars(store)) and key not in repr(store._session)
    assert key not in caplog.text and any("this session only" in r.getMessage() for r in caplog.records)
    assert secrets.KeyStore(use_os_keyring=True).get() == ""  # another session (a new store) has none
    # the environment still comes first; clearing the key forgets it
    monkeypatch.setenv(secrets.KEY_ENV, "sk-env-key-0000000000x3f")
    assert secrets.find_api_key(store) == "sk-env-key-0000000000x3f"
    store.set("")
    assert not store.session_only and store.get() == ""


def test_key_tail_shows_only_the_last_characters():
    assert secrets.key_tail("sk-env-key-0000000000x3f") == "x3f"
    assert secrets.key_tail("short-key") == ""  # too short to show any of it
