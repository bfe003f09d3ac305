"""The timeline editor: cue table, waveform timeline, video player, one undo path (core Document).

Public API used by the main window::

    from subtitler.gui.editor import EditorWindow
    EditorWindow(document, media_path=None, parent=None)
    EditorWindow.open_project(path)
    EditorWindow.import_subtitles(path, media=None)

Crash recovery on start (the app calls this once its main window shows)::

    EditorWindow.offer_recovery(parent)   # asks per surviving autosave; returns the reopened editors
    EditorWindow.pending_recoveries()     # the same list, without asking
"""

from .window import EditorWindow

__all__ = ["EditorWindow"]
