"""Playback sync: the player's position drives the waveform's playhead and the cue drawn over the
frame; with "Follow playhead" on (and only then), the view pages along and the selection follows
the cue being played — but never while the user is typing in the edit box."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject

from ...core.document.model import Change, Document
from ...core.foundation.errors import SubtitlerError
from .player import PlayerWidget
from .waveform import WaveformView


class PlaybackSync(QObject):
    def __init__(self, document: Document, player: PlayerWidget, waveform: WaveformView, *,
                 current: Callable[[], int], select: Callable[[list[int]], None], typing: Callable[[], bool],
                 parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.player = player
        self.waveform = waveform
        self.current = current
        self.select = select
        self.typing = typing
        self.follow = True
        player.positionChanged.connect(self._position_changed)
        player.durationChanged.connect(waveform.set_media_duration)
        waveform.seekRequested.connect(self.seek)
        waveform.playToggleRequested.connect(player.toggle)
        self._unsubscribe = document.subscribe(self._doc_changed)

    def detach(self) -> None:
        self._unsubscribe()

    def set_follow(self, on: bool) -> None:
        self.follow = bool(on)
        self.waveform.follow = self.follow

    def playhead(self) -> int:
        return self.player.position()

    def seek(self, ms: int) -> None:
        self.player.seek(max(0, int(ms)))

    def play_rows(self, rows: list[int]) -> None:
        if not rows:
            raise SubtitlerError(self.tr("select a cue first."))
        cues = self.document.cues
        self.player.play_range(cues[rows[0]].start, cues[rows[-1]].end)

    def show_cue(self, row: int) -> None:
        """Bring a newly selected cue into view (and the playhead to it) while not playing."""
        cues = self.document.cues
        if 0 <= row < len(cues) and not self.player.is_playing():
            c = cues[row]
            self.waveform.show_range(c.start, c.end)
            if not (c.start <= self.playhead() < c.end):
                self.seek(c.start)

    def _subtitle(self, ms: int) -> int:
        i = self.document.cue_at(ms)
        self.player.set_subtitle(self.document.cues[i].text if i >= 0 else "")
        return i

    def _position_changed(self, ms: int) -> None:
        playing = self.player.is_playing()
        self.waveform.set_playhead(ms, follow=playing and self.follow)
        i = self._subtitle(ms)
        if playing and self.follow and i >= 0 and i != self.current() and not self.typing():
            self.select([i])

    def _doc_changed(self, ch: Change) -> None:
        if ch.kind != "prop":
            self._subtitle(self.playhead())
