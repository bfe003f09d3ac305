"""Delivery work off the GUI thread, shared by the editor's "Export video with subtitles…" and the
series export: a thread that runs one function with a cancel token and reports progress as
signals, the words for the core's progress stages, and the quality / order choices as combo boxes."""

from __future__ import annotations

import logging
from typing import Any, Callable, Optional

from PySide6.QtCore import QCoreApplication, QThread, Signal
from PySide6.QtWidgets import QComboBox

from ..core.foundation.errors import Cancelled, SubtitlerError, failure_kind
from ..core.media.ffmpeg import BURN_PRESETS
from ..core.foundation.progress import CancelToken, Progress
from .reasons import error_text, say

log = logging.getLogger(__name__)

ProgressFn = Callable[[Progress], None]


class DeliveryThread(QThread):
    """Runs ``fn(token, on_progress)`` once. Exactly one of ``succeeded`` (its result),
    ``failed`` (a sentence) or ``cancelled`` follows; ``progressed`` carries each Progress."""

    progressed = Signal(object)  # Progress
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, fn: Callable[[CancelToken, ProgressFn], Any], parent=None) -> None:
        super().__init__(parent)
        self.fn = fn
        self.token = CancelToken()
        self.over = False  # set before the last signal: its slot sees the work as ended

    @property
    def busy(self) -> bool:
        return self.isRunning() and not self.over

    def run(self) -> None:
        try:
            result = self.fn(self.token, self.progressed.emit)
        except Cancelled:
            self.over = True
            self.cancelled.emit()
            return
        except SubtitlerError as exc:
            reason = error_text(exc)
        except (OSError, ValueError, RuntimeError) as exc:  # unexpected: told, never a crash
            log.warning("delivery failed", exc_info=True)  # the details, for the log only
            reason = say(failure_kind(exc))
        else:
            self.over = True
            self.succeeded.emit(result)
            return
        self.over = True
        if self.token.cancelled:  # a failure caused by the cancel itself
            self.cancelled.emit()
        else:
            self.failed.emit(reason)

    def cancel(self) -> None:
        self.token.cancel()


def stage_text(p: Progress) -> str:
    """What a core progress event is doing, in the user's language."""
    words = {
        "translate": QCoreApplication.translate("Delivery", "Translating"),
        "polish": QCoreApplication.translate("Delivery", "Polishing"),
        "burn": QCoreApplication.translate("Delivery", "Rendering subtitles into the video"),
        "write": QCoreApplication.translate("Delivery", "Writing subtitle files"),
    }
    text = words.get(p.stage, p.stage)
    if p.total:
        text += f" ({p.done}/{p.total})"
    return text


def quality_combo(current: str = "balanced") -> QComboBox:
    labels = {"fast": QCoreApplication.translate("Delivery", "Fast (larger file)"),
              "balanced": QCoreApplication.translate("Delivery", "Balanced"),
              "high": QCoreApplication.translate("Delivery", "High quality (slower)")}
    box = QComboBox()
    for key in BURN_PRESETS:
        box.addItem(labels.get(key, key), key)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


def order_combo(current: str = "orig-first") -> QComboBox:
    labels = {"orig-first": QCoreApplication.translate("Delivery", "Original on top, translation below"),
              "translation-first": QCoreApplication.translate("Delivery", "Translation on top, original below")}
    from ..core.delivery.bilingual import ORDERS  # not at start-up: it brings the chat client

    box = QComboBox()
    for key in ORDERS:
        box.addItem(labels[key], key)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


def finish_thread(thread: Optional[DeliveryThread], wait_ms: int = 30000) -> None:
    """Cancel a running thread and wait for it (a dialog closing)."""
    if thread is not None and thread.isRunning():
        thread.cancel()
        thread.wait(wait_ms)
