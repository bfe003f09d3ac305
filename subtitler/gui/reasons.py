"""The core's sentences (:class:`subtitler.core.foundation.errors.Reason`: failed jobs, GLM-ASR notices, damaged
media, model and write errors, progress steps, cue problems, Beautify reasons, undo labels) in the user's
language. The core's table (``MESSAGES``: code -> English template) is the only copy of the English; Qt
translates each template in the context ``Reasons`` (``tools/i18n.py`` hands the templates to lupdate;
``tests/gui/test_i18n.py`` checks every one has its Chinese). Text that is not a Reason is shown as it is,
unless it is, word for word, a template without parameters (a cue flag read back from a file)."""

from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import QCoreApplication

from ..core.foundation.errors import MESSAGES, Reason, reason_of

CONTEXT = "Reasons"

# a template without parameters -> its code (flags and labels saved as text come back as plain str)
_PLAIN = {template: code for code, template in MESSAGES.items() if "{" not in template}


def say(text: Any) -> str:
    """A core sentence in the user's language: a Reason through its template (its parameters said
    in turn); anything else as it is."""
    if isinstance(text, Reason):
        template = MESSAGES.get(text.code)
        if template is not None:
            params = {k: say(v) for k, v in text.params.items()}
            words = QCoreApplication.translate(CONTEXT, template).format(**params)
            if not text.endswith(".") and words.endswith((".", "。")):  # unstopped: inside a longer sentence
                words = words[:-1]
            return words
    if isinstance(text, str) and text in _PLAIN:
        return QCoreApplication.translate(CONTEXT, text)
    return "" if text is None else str(text)


def error_text(exc: BaseException, fallback: Optional[str] = None) -> str:
    """An error's sentence in the user's language (its Reason), else its English text."""
    reason = reason_of(exc)
    if reason is not None:
        return say(reason)
    return fallback if fallback is not None else str(exc)
