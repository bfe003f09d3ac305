"""The subtitle document: the model that every later stage fills and edits (cues, profile, styles,
media, tracks) with its one undoable edit path and history, time codes, subtitle files (SRT / ASS /
VTT / TXT) and ``.subtitler`` projects with autosave and recovery. Imports ``foundation``, ``media``
and ``text``; never a stage that works on it.
"""
