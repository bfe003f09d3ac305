"""What every recogniser shares: the chunk-in, text/segments/words-out contract.

Times inside results are integer ms **relative to the chunk**; the pipeline (timing.py) maps
them to absolute times.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional, Protocol, Sequence

from ..foundation.progress import CancelToken, ProgressCallback

if TYPE_CHECKING:  # annotations only: the interface loads no numpy
    from ..speech.detection import Chunk


@dataclass(frozen=True)
class Word:
    start_ms: int
    end_ms: int
    text: str  # as the engine gives it, with its leading space for Latin text
    confidence: float = 1.0  # of its timing: 1 from an engine's word times, lower when aligned (core/timing/align.py)


@dataclass(frozen=True)
class Segment:
    start_ms: int
    end_ms: int
    text: str
    words: tuple[Word, ...] = ()


@dataclass
class ChunkResult:
    """An engine's answer for one chunk.

    ``segments`` is None when the engine returned text only. ``flag`` (non-empty) marks the
    chunk's cues for review with a reason (e.g. the service blocked the content). ``error``
    (non-empty) means the chunk failed; the file still completes with a flagged gap there.
    """

    chunk_index: int
    text: str = ""
    segments: Optional[list[Segment]] = None
    flag: str = ""
    error: str = ""
    language: str = ""
    cached: bool = False

    @property
    def ok(self) -> bool:
        return not self.error


class Engine(Protocol):
    name: str  # "local" | "glm"
    max_chunk_ms: int  # the longest chunk it accepts
    margin_ms: int  # safety margin the chunker keeps below max_chunk_ms
    # Optional, looked up with getattr: ``chunk_plan(total_speech_ms, audio_key="") -> Optional[int]``,
    # a target chunk length in ms (e.g. to fill whole rounds of parallel uploads; ``audio_key``
    # names the audio so a plan can be kept for re-runs); None or absent: packed up to the limit.

    # Optional, looked up with getattr: ``word_times`` (bool), True when results always carry
    # word times (then the pipeline prepares no alignment).

    def describe(self) -> str:
        """One line for users: which engine and model."""

    def transcribe(
        self,
        chunks: Sequence[Chunk],
        *,
        language: Optional[str],
        on_progress: ProgressCallback,
        cancel: CancelToken,
    ) -> list[ChunkResult]:
        """Results for ``chunks``, in order (one per chunk). Raises AuthError/BillingError to stop
        the job; per-chunk failures come back as ``ChunkResult.error``."""


@dataclass
class EngineInfo:
    name: str
    detail: str = ""
    notes: list[str] = field(default_factory=list)
