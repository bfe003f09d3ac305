"""subtitler: turn video and audio into good subtitles, and fix them."""

__version__ = "0.1.0"
