"""Progress events and cancellation, shared by media, engines and jobs (no Qt)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Callable, Optional

from .errors import Cancelled


@dataclass(frozen=True)
class Progress:
    """One step of work. ``fraction`` is 0..1 within ``stage``; ``done``/``total`` count pieces."""

    stage: str  # "probe" | "extract" | "detect" | "transcribe" | "timing" | "write" | "done"
    fraction: float = 0.0
    message: str = ""
    done: int = 0
    total: int = 0
    preview: str = ""  # newest recognised text, for live previews
    result: Any = None  # the piece just finished (an engine's ChunkResult), for results as they come
    notice: str = ""  # a one-off line a front end should show now (e.g. "no answer for 10 s; …")


ProgressCallback = Callable[[Progress], None]


def no_progress(_: Progress) -> None:
    """A progress callback that ignores everything."""


class CancelToken:
    """Thread-safe cancellation flag; long work calls :meth:`check` between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; return True early if cancelled."""
        return self._event.wait(seconds)


class LinkedToken(CancelToken):
    """Cancelled on its own or when ``parent`` is (stop helper work without cancelling the job)."""

    def __init__(self, parent: CancelToken) -> None:
        super().__init__()
        self.parent = parent

    @property
    def cancelled(self) -> bool:
        return self._event.is_set() or self.parent.cancelled

    def check(self) -> None:
        self.parent.check()
        super().check()


def ensure_token(token: Optional[CancelToken]) -> CancelToken:
    return token if token is not None else CancelToken()
