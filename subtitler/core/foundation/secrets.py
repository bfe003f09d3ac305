"""Where the GLM-ASR API key lives: ``$ZHIPUAI_API_KEY``, or the OS keyring (``keyring``); without
a usable keyring, a key entered in Settings is kept in memory for the session.

Never in a settings file, a command-line argument, a log or a message. With
``SUBTITLER_NO_KEYRING`` set, an in-memory store replaces the OS keyring (tests, CI, sandboxes).
Shared by the CLI and the desktop app (no Qt here).
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import re
import threading
from typing import Any, Optional

from .errors import Reason, UsageError

log = logging.getLogger(__name__)

KEYRING_SERVICE = "subtitler"
KEYRING_USER = "glm-asr-api-key"
NO_KEYRING_ENV = "SUBTITLER_NO_KEYRING"
KEY_ENV = "ZHIPUAI_API_KEY"

_MEMORY: dict[tuple[str, str], str] = {}


def _keyring_errors() -> tuple[type[Exception], ...]:
    """What a keyring call may raise: no keyring package, a backend error, a broken D-Bus…"""
    try:
        from keyring.errors import KeyringError
    except ImportError:
        return (ImportError, OSError, RuntimeError, ValueError)
    return (ImportError, KeyringError, OSError, RuntimeError, ValueError)


def memory_keyring() -> dict[tuple[str, str], str]:
    """The in-memory key store used when ``SUBTITLER_NO_KEYRING`` is set (tests read it)."""
    return _MEMORY


def keyring_failure(exc: BaseException) -> Reason:
    """Why the OS keyring cannot be used, in words (never the exception's class name)."""
    names = {cls.__name__ for cls in type(exc).__mro__}
    if isinstance(exc, ImportError):
        return Reason("keyring.no_package")
    if "NoKeyringError" in names:
        return Reason("keyring.none")
    if "KeyringLocked" in names:
        return Reason("keyring.locked")
    return Reason("keyring.failed")


class _SessionKey:
    """A key kept in memory for this session only (there is no keyring to keep it in). Its repr
    hides it, so a traceback's locals or a debug print never show it."""

    __slots__ = ("value",)

    def __init__(self, value: str = "") -> None:
        self.value = value

    def __repr__(self) -> str:
        return "<session key hidden>" if self.value else "<no session key>"


class KeyStore:
    """The API key in the OS keyring (or in memory with ``SUBTITLER_NO_KEYRING``).

    Keyring failures never raise and never lose the key: ``get`` gives "" and ``problem`` says what
    went wrong (a :class:`Reason` the settings dialog can say in the user's language); a key that
    cannot be stored is kept in memory for this session only (:attr:`session_only`), never written
    anywhere else.
    """

    def __init__(self, service: str = KEYRING_SERVICE, user: str = KEYRING_USER,
                 use_os_keyring: Optional[bool] = None) -> None:
        self.service, self.user = service, user
        self.use_os = (not os.environ.get(NO_KEYRING_ENV)) if use_os_keyring is None else use_os_keyring
        self.problem = ""
        self._session = _SessionKey()

    def __repr__(self) -> str:
        return f"KeyStore(service={self.service!r}, os_keyring={self.use_os}, session_only={self.session_only})"

    @property
    def session_only(self) -> bool:
        """True while the key is kept in memory only: the OS keyring could not store it."""
        return bool(self._session.value)

    @property
    def backend_name(self) -> str:
        if not self.use_os:
            return "in-memory store (SUBTITLER_NO_KEYRING)"
        try:
            import keyring

            backend = keyring.get_keyring()
            return str(getattr(backend, "name", "") or type(backend).__name__)
        except _keyring_errors():
            return "none"

    def get(self) -> str:
        """The stored key ("" if none); it is registered for scrubbing from logs and messages."""
        value = self._session.value or self._read()
        register_secret(value)
        return value

    def _read(self) -> str:
        if not self.use_os:
            return _MEMORY.get((self.service, self.user), "")
        try:
            import keyring

            return keyring.get_password(self.service, self.user) or ""
        except _keyring_errors() as exc:
            self.problem = Reason("key.keyring_unusable", why=keyring_failure(exc), env=KEY_ENV)
            log.debug("keyring read failed: %s", type(exc).__name__)  # no keyring is a normal state
            return ""

    def set(self, value: str) -> bool:
        """Store the key; raises UsageError (without the key) when it is malformed. Without a
        working OS keyring the key is kept in memory for this session (``session_only``, and
        ``problem`` says how to keep it); the result is True either way: the key is in use."""
        value = check_api_key(value, Reason("key.source_settings"))
        if not value:
            self._session.value = ""
            return self.delete()
        if not self.use_os:
            _MEMORY[(self.service, self.user)] = value
            return True
        try:
            import keyring

            keyring.set_password(self.service, self.user, value)
        except _keyring_errors() as exc:
            self._session.value = value
            self.problem = Reason("key.session_only", why=keyring_failure(exc), env=KEY_ENV)
            log.warning("keyring write failed (%s): the API key is kept in memory for this session only",
                        type(exc).__name__)
            return True
        self._session.value = ""
        self.problem = ""
        return True

    def delete(self) -> bool:
        self._session.value = ""
        if not self.use_os:
            _MEMORY.pop((self.service, self.user), None)
            return True
        try:
            import keyring

            keyring.delete_password(self.service, self.user)
        except _keyring_errors():
            pass  # "not there" is fine too
        return True


def env_key() -> str:
    value = os.environ.get(KEY_ENV, "").strip()
    register_secret(value)
    return value


def key_tail(key: str, n: int = 3) -> str:
    """The last ``n`` characters of a key, to recognise it by ("…x3f"); "" for a key too short to
    show any of it."""
    key = (key or "").strip()
    return key[-n:] if len(key) >= 4 * n else ""


def find_api_key(store: Optional[KeyStore] = None) -> str:
    """The key a command-line run uses: the environment first, then the app's stored key.
    Raises UsageError (naming where the key came from, never the key) when it is malformed."""
    key = env_key()
    if key:
        return check_api_key(key, Reason("key.source_env", name=KEY_ENV))
    key = (store or KeyStore()).get()
    return check_api_key(key, Reason("key.source_keyring")) if key else ""


# -- key validation ---------------------------------------------------------------------------------
MAX_KEY_CHARS = 512
_KEY_CHARS = re.compile(r"[\x21-\x7e]+")  # visible ASCII: what can go into an HTTP header


def api_key_problem(key: str) -> str:
    """"" for a well-formed API key (or none), else a sentence saying what is wrong — without the
    key itself. Surrounding blanks are ignored (they are stripped wherever a key is read)."""
    key = (key or "").strip()
    if not key:
        return ""
    if len(key) > MAX_KEY_CHARS:
        return Reason("key.too_long", n=len(key), max=MAX_KEY_CHARS)
    if _KEY_CHARS.fullmatch(key):
        return ""
    for i, ch in enumerate(key):
        if not ("\x21" <= ch <= "\x7e"):
            if ch in "\r\n":
                what = Reason("key.line_break")
            elif ch.isspace():
                what = Reason("key.space")
            elif ord(ch) < 0x20 or ord(ch) == 0x7F:
                what = Reason("key.control", char=f"U+{ord(ch):04X}")
            else:
                what = Reason("key.non_ascii", char=f"U+{ord(ch):04X}")
            return Reason("key.bad_char", what=what, position=i + 1)
    return Reason("key.invalid")


def check_api_key(key: str, source: str = "the API key") -> str:
    """The stripped key, or UsageError when it cannot be a key (it would break the HTTP request)."""
    problem = api_key_problem(key)
    if problem:
        raise UsageError(Reason("key.from", source=source, problem=problem))
    key = (key or "").strip()
    if key:
        register_secret(key)
    return key


# -- log scrubbing --------------------------------------------------------------------------------
_SECRETS: set[str] = set()
_SECRETS_LOCK = threading.Lock()
_BEARER = re.compile(r"(Bearer\s+)[^\s'\",;]+", re.IGNORECASE)
REDACTED = "***"


def register_secret(value: str) -> None:
    """Remember ``value`` so :func:`scrub` and :class:`SecretFilter` redact it everywhere."""
    value = (value or "").strip()
    if len(value) >= 8:  # shorter is no real key, and scrubbing it would garble ordinary words
        with _SECRETS_LOCK:
            _SECRETS.add(value)


def scrub(text: str) -> str:
    """``text`` with every registered secret and any ``Bearer …`` token replaced by ``***``."""
    text = str(text)
    with _SECRETS_LOCK:
        secrets = sorted(_SECRETS, key=len, reverse=True)
    for s in secrets:
        if s in text:
            text = text.replace(s, REDACTED)
        # the same key as it appears in reprs (escaped newlines) or split over lines
        for variant in {repr(s)[1:-1], s.replace("\n", " "), *s.split()}:
            if len(variant) >= 8 and variant in text:
                text = text.replace(variant, REDACTED)
    return _BEARER.sub(r"\1" + REDACTED, text)


class SecretFilter(logging.Filter):
    """A logging filter that redacts API keys and ``Bearer`` tokens from the message, its
    arguments and any attached traceback. Install it on every handler that writes somewhere."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:
            message = str(record.msg)
        record.msg, record.args = scrub(message), None
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True


class PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file whose files (rotations included) are created with mode 0600, with
    :class:`SecretFilter` installed."""

    def __init__(self, path: str | os.PathLike[str], **kw: Any) -> None:
        kw.setdefault("maxBytes", 2_000_000)
        kw.setdefault("backupCount", 3)
        kw.setdefault("encoding", "utf-8")
        super().__init__(os.fspath(path), **kw)
        os.chmod(self.baseFilename, 0o600)  # an old log made before this rule
        self.addFilter(SecretFilter())

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        stream = os.fdopen(fd, self.mode, encoding=self.encoding, errors=self.errors)
        assert isinstance(stream, io.TextIOWrapper)  # a text mode ("a"), so a text stream
        return stream


def append_private(path: str | os.PathLike[str], text: str) -> None:
    """Append ``text`` (scrubbed) to a 0600 file, creating it if needed (the crash log)."""
    fd = os.open(os.fspath(path), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as fh:
        fh.write(scrub(text))
