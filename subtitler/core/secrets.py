"""Where the GLM-ASR API key lives: ``$ZHIPUAI_API_KEY``, or the OS keyring (``keyring``).

Never in a settings file, a command-line argument, a log or a message. With
``SUBTITLER_NO_KEYRING`` set, an in-memory store replaces the OS keyring (tests, CI, sandboxes).
Shared by the CLI and the desktop app (no Qt here).
"""

from __future__ import annotations

import logging
import os
from typing import Optional

log = logging.getLogger(__name__)

KEYRING_SERVICE = "subtitler"
KEYRING_USER = "glm-asr-api-key"
NO_KEYRING_ENV = "SUBTITLER_NO_KEYRING"
KEY_ENV = "ZHIPUAI_API_KEY"

_MEMORY: dict[tuple[str, str], str] = {}


def _keyring_errors() -> tuple[type[BaseException], ...]:
    try:
        from keyring.errors import KeyringError
    except ImportError:
        return (OSError, RuntimeError, ValueError)
    return (KeyringError, OSError, RuntimeError, ValueError)


def memory_keyring() -> dict[tuple[str, str], str]:
    """The in-memory key store used when ``SUBTITLER_NO_KEYRING`` is set (tests read it)."""
    return _MEMORY


class KeyStore:
    """The API key in the OS keyring (or in memory with ``SUBTITLER_NO_KEYRING``).

    Keyring failures never raise: ``get`` gives "" and ``problem`` says what went wrong, in a
    sentence the settings dialog can show.
    """

    def __init__(self, service: str = KEYRING_SERVICE, user: str = KEYRING_USER,
                 use_os_keyring: Optional[bool] = None) -> None:
        self.service, self.user = service, user
        self.use_os = (not os.environ.get(NO_KEYRING_ENV)) if use_os_keyring is None else use_os_keyring
        self.problem = ""

    def __repr__(self) -> str:
        return f"KeyStore(service={self.service!r}, os_keyring={self.use_os})"

    @property
    def backend_name(self) -> str:
        if not self.use_os:
            return "in-memory store (SUBTITLER_NO_KEYRING)"
        try:
            import keyring

            return type(keyring.get_keyring()).__name__
        except (ImportError, *_keyring_errors()):
            return "none"

    def get(self) -> str:
        if not self.use_os:
            return _MEMORY.get((self.service, self.user), "")
        try:
            import keyring

            return keyring.get_password(self.service, self.user) or ""
        except (ImportError, *_keyring_errors()) as exc:
            self.problem = f"The OS keyring could not be read ({type(exc).__name__})."
            log.debug("keyring read failed: %s", type(exc).__name__)  # no keyring is a normal state
            return ""

    def set(self, value: str) -> bool:
        value = (value or "").strip()
        if not value:
            return self.delete()
        if not self.use_os:
            _MEMORY[(self.service, self.user)] = value
            return True
        try:
            import keyring

            keyring.set_password(self.service, self.user, value)
            self.problem = ""
            return True
        except (ImportError, *_keyring_errors()) as exc:
            self.problem = (f"The API key could not be stored in the OS keyring ({type(exc).__name__}); "
                            "it is not saved anywhere else.")
            log.warning("keyring write failed: %s", type(exc).__name__)
            return False

    def delete(self) -> bool:
        if not self.use_os:
            _MEMORY.pop((self.service, self.user), None)
            return True
        try:
            import keyring

            keyring.delete_password(self.service, self.user)
        except (ImportError, *_keyring_errors()):
            pass  # "not there" is fine too
        return True


def env_key() -> str:
    return os.environ.get(KEY_ENV, "").strip()


def find_api_key(store: Optional[KeyStore] = None) -> str:
    """The key a command-line run uses: the environment first, then the app's stored key."""
    return env_key() or (store or KeyStore()).get()
