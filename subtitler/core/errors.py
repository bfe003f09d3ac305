"""One exception hierarchy. Every message is a sentence a user can read; none carries a secret."""

from __future__ import annotations


class SubtitlerError(Exception):
    """Root of every error subtitler raises on purpose."""


class UsageError(SubtitlerError):
    """The request itself is wrong (bad option value, unknown format)."""


class MediaError(SubtitlerError):
    """The input file cannot be read as media."""


class FFmpegNotFoundError(MediaError):
    """No ffmpeg executable could be located."""


class NoAudioError(MediaError):
    """The file is media but carries no audio stream."""


class NoSpeechError(SubtitlerError):
    """The audio holds no speech (silence only)."""


class Cancelled(SubtitlerError):
    """The user cancelled the work."""

    def __init__(self, message: str = "cancelled") -> None:
        super().__init__(message)


class EngineError(SubtitlerError):
    """A recogniser failed."""


class ModelError(EngineError):
    """A local model cannot be found or loaded."""


class AuthError(EngineError):
    """The cloud service rejected the API key; the job must stop."""


class BillingError(EngineError):
    """The cloud account cannot pay (arrears); the job must stop."""


class ChunkError(EngineError):
    """One piece of audio failed; the rest of the file goes on."""

    def __init__(self, message: str, *, retryable: bool = False, blocked: bool = False) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.blocked = blocked


class SubtitleFormatError(SubtitlerError):
    """A subtitle file cannot be read or written in the requested format."""


class OutputError(SubtitlerError):
    """An output file cannot be written."""


class OutputExistsError(OutputError):
    """The output file exists and overwriting was not allowed."""


class ProjectError(SubtitlerError):
    """A project file cannot be read or written."""
