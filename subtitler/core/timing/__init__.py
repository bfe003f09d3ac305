"""From recognised text to well-timed cues: forced alignment of words on the audio, engine output →
cues, the reading rules (profiles, line breaking, durations, reading speed, gaps) and picture-aware
timing (Beautify around shot changes). Imports the stages below it: ``foundation``, ``media``,
``speech``, ``engines``, ``text`` and ``document``.
"""
