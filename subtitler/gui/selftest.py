"""A start-up self-check for packaging smoke tests (wheel in a fresh venv, the PyInstaller bundle).

With ``SUBTITLER_SELFTEST=<report.json>`` set, ``subtitler`` (the window) starts as usual; once the
first window is shown it checks what an install can get wrong — every shipped icon renders, the
window icon is set, which translation catalogs were loaded, the versions Help ▸ About shows, which
windows and queued files the command line opened — writes the findings as JSON (and ``<report>.png``,
the window as rendered), cancels any job and quits: exit status 0 when every check passed, 1 otherwise.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication

from ..core.foundation.outputs import atomic_write_text
from . import i18n, icons

SELFTEST_ENV = "SUBTITLER_SELFTEST"


def _drawn(image) -> bool:
    """Whether a rendered icon has any visible pixel."""
    return image is not None and not image.isNull() and any(bytes(image.constBits()))


def _opencc_works() -> bool:
    from ..core.text.zh import convert_script

    try:
        return convert_script("简体字", "hant") == "簡體字"
    except Exception:  # reported in the check, not raised
        return False


def report(subtitler_app) -> dict:
    window = subtitler_app.window
    shown_at = time.time()
    rendered = {name: _drawn(icons._render(name, "#000000", 24, 1.0)) for name in icons.names()}
    app_icon = QApplication.windowIcon()
    windows = sorted(w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow())
    model = subtitler_app.model
    queue = [model.job(row).name for row in range(model.rowCount())]
    about = subtitler_app.open_about()
    about_versions = dict(about.versions)
    about_text = about.text.text()
    about.close()
    checks = {
        "window_shown": window.isVisible() and window.windowHandle() is not None and window.windowHandle().isExposed(),
        "icons_render": bool(rendered) and all(rendered.values()),
        "app_icon": not app_icon.isNull() and _drawn(app_icon.pixmap(64, 64).toImage()),
        "about_versions": all(k in about_text for k in ("PySide6", "faster-whisper", "ffmpeg")),
        "opencc": _opencc_works(),  # a dependency whose dictionaries are data files
    }
    return {
        "ok": all(checks.values()),
        "checks": checks,
        "shown_at": shown_at,
        "frozen": bool(getattr(sys, "frozen", False)),
        "executable": sys.executable,
        "package": str(Path(icons.__file__).resolve().parents[1]),
        "platform": QApplication.platformName(),
        "locale": QLocale.system().name(),
        "ui_languages": QLocale.system().uiLanguages(),
        "translators": [t.filePath() for t in i18n.installed],
        "window_title": window.windowTitle(),
        "menus": [a.text() for a in window.menuBar().actions()],
        "windows": windows,  # the main window, and an editor for a project given on the command line
        "queue": queue,  # media given on the command line
        "icons": rendered,
        "versions": about_versions,
        "window_png": "",
    }


def run_selftest(subtitler_app, out: Path, deadline_s: float = 20.0) -> None:
    """Wait for the window to be exposed (at most ``deadline_s``), then report and quit."""
    start = time.monotonic()

    def attempt() -> None:
        handle = subtitler_app.window.windowHandle()
        if (handle is None or not handle.isExposed()) and time.monotonic() - start < deadline_s:
            QTimer.singleShot(20, attempt)
            return
        found = report(subtitler_app)
        png = out.with_suffix(".png")
        if subtitler_app.window.grab().save(str(png)):
            found["window_png"] = str(png)
        out.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(out, json.dumps(found, indent=2, ensure_ascii=False), overwrite=True)
        # close without questions: editors first (their player and workers stop), then the queue
        # (a job still "cancelling" would make the window ask before quitting)
        for win in list(subtitler_app.windows):
            win.close()
        subtitler_app.close()
        QApplication.exit(0 if found["ok"] else 1)

    attempt()
