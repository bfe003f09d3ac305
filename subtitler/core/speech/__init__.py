"""Where people speak: speech detection (Silero VAD) over the decoded audio, the finer pause map,
and the chunks of speech handed to the engines, with the speech map kept on disk. Imports
``foundation`` and ``media``.
"""
