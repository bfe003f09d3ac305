"""The media file itself, first stage of the pipeline: the one ffmpeg wrapper (probe, 16 kHz mono
audio, burn-in, filter passes), the video's frame grid, shot changes and waveform peaks. Imports only
``foundation``.
"""
