"""The timeline editor: cue table, waveform timeline, video player, one undo path (core Document).

Public API used by the main window::

    from subtitler.gui.editor import EditorWindow
    EditorWindow(document, media_path=None, parent=None, engine_factory=None)
    EditorWindow.open_project(path)
    EditorWindow.import_subtitles(path, media=None)

A finished (or still running) job, without a second decode or speech detection::

    win = EditorWindow.open_job_result(document, media, audio_wav=wav16k, speech=regions,
                                       engine_factory=make_engine)   # re-transcribe uses it
    win.load_span(cues, start_ms, end_ms)   # cues of a finished piece: a load, not an undo step
    win.set_job_audio(wav16k, regions)      # decoded audio / speech map arriving after opening

Crash recovery on start (the app calls this once its main window shows)::

    EditorWindow.offer_recovery(parent)   # asks per surviving autosave; returns the reopened editors
    EditorWindow.pending_recoveries()     # the same list, without asking
"""

from .window import EditorWindow

__all__ = ["EditorWindow"]
