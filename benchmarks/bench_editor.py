"""`editor`: the timeline editor on a 3,000-cue project over 3 hours of audio, offscreen.

Goals: open_s (project open, table filled, waveform shown from cached peaks) <= 1.5;
edit_ms (one timing edit through the undo stack incl. model update and repaint of the affected
views) <= 16; undo_ms <= 16; peak_mb (process peak memory) <= 400; peaks_s (waveform peaks for
3 h of 16 kHz audio computed the first time, from the extracted WAV) <= 3.

Runs in a child process so that peak memory is the editor's own, not the runner's.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

HOURS = 3
CUES = 3000
RATE = 16000


def _synth_wav(path: Path, seconds: int) -> None:
    """Speech-like synthetic audio (noise bursts with pauses), written in blocks."""
    import numpy as np

    rng = np.random.default_rng(7)
    block = RATE * 60
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        for k in range(seconds // 60):
            t = np.arange(block) / RATE
            env = (np.sin(2 * np.pi * 0.28 * (t + k)) > -0.2) * (0.4 + 0.6 * np.abs(np.sin(2 * np.pi * 3.1 * t)))
            x = rng.normal(0, 5000, block) * env
            w.writeframes(np.clip(x, -32768, 32767).astype(np.int16).tobytes())


def _child() -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = Path(tempfile.mkdtemp(prefix="subtitler-bench-editor-"))
    os.environ["SUBTITLER_DATA_DIR"] = str(tmp / "data")
    os.environ["SUBTITLER_CACHE_DIR"] = str(tmp / "cache")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from subtitler.core.media import peaks as peaks_mod
    from subtitler.core.document import project as projects
    from subtitler.core.document.model import Document
    from subtitler.core.document.cues import Cue
    from subtitler.core.speech.regions import Region, save_regions
    from subtitler.gui.editor import EditorWindow
    from subtitler.core.app import edits as cmd
    from subtitler.gui.editor.workers import speech_cache_path

    wav = tmp / "lecture-3h.wav"
    _synth_wav(wav, HOURS * 3600)
    # peaks, first time (the editor's worker does exactly this after extraction)
    t0 = time.perf_counter()
    key = peaks_mod.media_key(wav)
    pk = peaks_mod.compute_peaks_wav(wav)
    peaks_mod.save_peaks(pk, peaks_mod.cache_path(key))
    peaks_s = time.perf_counter() - t0
    samples = pk.samples
    del pk
    total_ms = HOURS * 3600 * 1000
    span = total_ms // CUES
    words = ["and", "so", "the", "signal", "we", "sample", "here", "is", "folded", "back", "into", "the", "lower", "band", "of", "frequencies"]
    cues = [Cue(i * span + 200, i * span + span - 400,
                " ".join(words[(i * 3 + k) % len(words)] for k in range(7 + i % 6))) for i in range(CUES)]
    save_regions([Region(c.start - 100, c.end - 200) for c in cues], speech_cache_path(key))
    path = tmp / "lecture.subtitler"
    projects.save_project(projects.Project(Document(cues, media_path=str(wav), language="en",
                                                    profile="netflix-en")), path)

    # open: project read, table filled, waveform shown from cached peaks
    t0 = time.perf_counter()
    win = EditorWindow.open_project(path)
    win.ask_save_on_close = lambda: "discard"
    win.resize(1600, 900)
    win.show()
    while win.waveform.peaks is None:
        app.processEvents()
        if time.perf_counter() - t0 > 30:
            raise RuntimeError("peaks never arrived")
    win.waveform.set_view(0, 20)
    app.processEvents()
    win.table.viewport().repaint()
    win.waveform.repaint()
    open_s = time.perf_counter() - t0
    assert win.model.rowCount() == CUES

    doc = win.document
    from PySide6.QtCore import QEvent, QObject

    class PaintCounter(QObject):
        count = 0

        def eventFilter(self, obj, ev):
            if ev.type() == QEvent.Type.Paint:
                PaintCounter.count += 1
            return False

    counter = PaintCounter()
    for w in (win.table.viewport(), win.waveform, win.player.frame.viewport()):
        w.installEventFilter(counter)

    def refresh():
        # the model's dataChanged and the views' update() mark what the edit affected; processing
        # the events paints exactly those regions (counted below, so nothing is skipped)
        app.processEvents()

    edit_t, undo_t, paints = [], [], []
    for k in range(60):
        i = (k * 997) % CUES
        win.select_rows([i])
        c = doc.cues[i]
        win.waveform.set_view(c.start - 5000)
        refresh()
        doc.break_merge()
        t0 = time.perf_counter()
        before = PaintCounter.count
        cmd.nudge(doc, [i], "both", 100)
        refresh()
        paints.append(PaintCounter.count - before)
        edit_t.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        doc.undo()
        refresh()
        undo_t.append((time.perf_counter() - t0) * 1000)
    win.shutdown()
    win.hide()
    peak_mb = peak_rss_mb()
    import shutil

    shutil.rmtree(tmp, ignore_errors=True)
    q95 = lambda xs: sorted(xs)[int(len(xs) * 0.95) - 1]  # noqa: E731
    return {
        "name": "editor", "cues": CUES, "audio_h": round(samples / RATE / 3600, 2),
        "open_s": round(open_s, 3), "edit_ms": round(statistics.median(edit_t), 2),
        "edit_p95_ms": round(q95(edit_t), 2), "undo_ms": round(statistics.median(undo_t), 2),
        "undo_p95_ms": round(q95(undo_t), 2), "paints_per_edit": statistics.median(paints), "peak_mb": round(peak_mb, 1), "peaks_s": round(peaks_s, 3),
        "goals": {"open_s": 1.5, "edit_ms": 16, "undo_ms": 16, "peak_mb": 400, "peaks_s": 3},
    }


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM belongs to the process image (reset by exec);
    getrusage's ru_maxrss is kept across exec on Linux, so a child started by a runner that had
    loaded a model would report the runner's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run() -> list[dict]:
    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child"], capture_output=True, text=True,
                          env=env, timeout=900)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        return [{"name": "editor", "error": (proc.stderr.strip().splitlines() or ["no output"])[-1]}]
    row = json.loads(lines[-1])
    row["ok"] = all(row[k] <= v for k, v in row["goals"].items())
    return [row]


if __name__ == "__main__":
    if "--child" in sys.argv:
        print(json.dumps(_child()), flush=True)
    else:
        for r in run():
            print(json.dumps(r))
