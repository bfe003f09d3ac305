"""`first_cue`: seconds from adding a 30-minute file to the desktop app until its first cue is on
screen (in the queue's live preview; Qt offscreen), with the cloud engine against the stand-in
server (tests/support/glm_server.py at its real latency, 1 s + 0.05 s per audio second) and with
the offline engine (tiny.en). Goals: ≤ 5 s (cloud), ≤ 8 s (offline).

Each measurement runs in a fresh child process (the app as a user starts it: settings, window, the
offline model warmed up in the background at start as the app does); the clock starts when the file
is added. The 30 minutes are the English fixture tiled with dither, stored as FLAC (a real decode;
lossless, so the stand-in server recognises the pieces).

    python benchmarks/run.py first_cue
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RUNS = int(os.environ.get("BENCH_FIRST_CUE_RUNS", "3"))
MINUTES = 30


def make_media(folder: Path):
    """(flac path, pcm, utterances) of ~30 minutes of speech."""
    from subtitler.core.media.ffmpeg import find_ffmpeg, load_wav, write_wav
    from tests.support.glm_server import tile_audio

    pcm = load_wav(ROOT / "tests" / "fixtures" / "speech_en.wav")
    meta = json.loads((ROOT / "tests" / "fixtures" / "speech_en.json").read_text("utf-8"))
    period_s = len(pcm) / 16000 + 0.7
    big, utts = tile_audio(pcm, meta["utterances"], int(MINUTES * 60 / period_s) + 1, seed=23)
    wav = folder / "lecture-30min.wav"
    write_wav(wav, big)
    flac = folder / "lecture-30min.flac"
    subprocess.run([find_ffmpeg(), "-v", "error", "-y", "-i", str(wav), "-c:a", "flac", str(flac)], check=True)
    wav.unlink()
    return flac, big, utts


def child(engine: str, media: str, base_url: str, home: str) -> None:
    """In the child: start the app, add the file, wait for the first cue in the preview."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["SUBTITLER_NO_KEYRING"] = "1"
    os.environ["SUBTITLER_CACHE_DIR"] = os.path.join(home, "cache")
    os.environ["SUBTITLER_DATA_DIR"] = os.path.join(home, "data")
    os.environ["SUBTITLER_LOG_DIR"] = os.path.join(home, "logs")
    key = os.environ.get("BENCH_GLM_KEY", "")
    from PySide6.QtCore import QSettings, QTimer

    from subtitler.core.foundation.secrets import KeyStore
    from subtitler.core.app.settings import Settings
    from subtitler.gui.app import SubtitlerApp, get_application

    os.environ["SUBTITLER_CACHE_DIR"] = os.path.join(home, "cache")  # cold caches (the cloud's among them)
    qapp = get_application()
    qs = QSettings(os.path.join(home, "settings.ini"), QSettings.Format.IniFormat)
    Settings(engine="glm" if engine == "glm" else "local", base_url=base_url or Settings().base_url,
             stream=False).save(qs)
    store = KeyStore()
    if engine == "glm":
        store.set(key)
    app = SubtitlerApp(qs, store, Path(home) / "logs", install_hooks=False)
    app.window.show()
    qapp.processEvents()
    if engine == "local":  # the app warms the model up at start; a user adds files after that
        from subtitler.core.engines.local import load_model

        load_model(None)
    out: dict = {"engine": app.engine()}
    t0 = time.perf_counter()
    [job] = app.add_paths([media])
    app.window.queue.select_job(job)

    def check() -> None:
        text = app.window.queue.details.toPlainText()
        if job.cues and job.cues[0].text.split()[0] in text:
            out["first_cue_s"] = round(time.perf_counter() - t0, 3)
            out["first_cue_text"] = job.cues[0].text[:40]
            out["cue_start_ms"] = job.cues[0].start
            qapp.quit()
        elif job.status.value in ("failed", "done", "cancelled"):
            out["error"] = job.error or job.status.value
            qapp.quit()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(10)
    QTimer.singleShot(120_000, qapp.quit)
    qapp.exec()
    print(json.dumps(out), flush=True)
    os._exit(0)  # the rest of the file is not needed


def _measure(engine: str, media: Path, base_url: str, key: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-first-cue-") as home:
        env = dict(os.environ, BENCH_GLM_KEY=key, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        proc = subprocess.run([sys.executable, __file__, "--child", engine, str(media), base_url, home],
                              capture_output=True, text=True, env=env, timeout=300)
        lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
        if not lines:
            return {"error": (proc.stderr or proc.stdout)[-400:]}
        return json.loads(lines[-1])


def run() -> list[dict]:
    from tests.support.glm_server import GlmServer

    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-first-cue-media-") as folder:
        media, big, utts = make_media(Path(folder))
        with GlmServer(scale=1.0) as server:
            server.register(big, utts)
            results: dict[str, list[dict]] = {"glm": [], "local": []}
            for _ in range(RUNS):  # interleaved: machine noise hits both alike
                for engine in ("glm", "local"):
                    results[engine].append(_measure(engine, media, server.base_url, server.config.api_key))
        for engine, goal in (("glm", 5.0), ("local", 8.0)):
            runs = results[engine]
            times = [r["first_cue_s"] for r in runs if "first_cue_s" in r]
            row = {"name": "first_cue", "engine": engine, "audio_min": round(len(big) / 16000 / 60, 1),
                   "runs_s": times, "first_cue_s": round(statistics.median(times), 2) if times else None,
                   "goal_s": goal}
            errors = [r.get("error") for r in runs if "error" in r]
            if errors:
                row["errors"] = errors
            if times:
                row["ok"] = row["first_cue_s"] <= goal
            rows.append(row)
    return rows


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "--child":
        child(*sys.argv[2:6])
    else:
        for r in run():
            print(json.dumps(r, ensure_ascii=False))
