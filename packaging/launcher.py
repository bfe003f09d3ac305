"""Entry point of the PyInstaller bundle: the same ``subtitler`` command as the wheel's script."""

import multiprocessing
import sys

from subtitler.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
