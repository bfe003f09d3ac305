"""subtitler: turn video and audio into good subtitles, and fix them."""

import os as _os

__version__ = "0.1.0"

# onnxruntime (speech detection; it comes with the offline engine) sends usage telemetry from its
# official Linux and macOS builds since 1.2x, and leaves a `.ses` file in the temp folder. A
# subtitle tool has no business reporting what its user runs: off before anything imports it,
# unless the user chose otherwise.
_os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
