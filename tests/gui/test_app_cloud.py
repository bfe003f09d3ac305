"""A cloud (GLM-ASR) job end to end against the stand-in server: price before the start, the
streamed text appearing live in the preview pane, cues at the end."""

from __future__ import annotations

import numpy as np

from subtitler.core.engines import glm_settings
from subtitler.core.media.ffmpeg import load_wav
from subtitler.gui.queue_model import JobModel, Status

from .app_fixtures import copy_media, make_app, settings_file, shot
from tests.support.glm_server import GlmServer


def test_cloud_job_streams_text_into_the_preview(make_app, qtbot, speech_en, tmp_path, monkeypatch):
    monkeypatch.setenv("SUBTITLER_CACHE_DIR", str(tmp_path / "glm-cache"))
    wav, meta = speech_en
    with GlmServer(scale=0.3) as server:
        server.register(load_wav(wav), meta["utterances"])
        app = make_app(key=server.config.api_key, base_url=server.base_url, stream=True, concurrency=2)
        app.window.actions["pause"].setChecked(True)
        [job] = app.add_paths([copy_media(wav, tmp_path / "in", "cloud lecture.wav")])
        qtbot.waitUntil(lambda: job.status == Status.QUEUED, timeout=10000)
        assert app.model.index(0, JobModel.PRICE).data() == "≈ ¥0.04"
        previews: list[str] = []
        app.window.queue.select_job(job)

        def record():
            if job.status == Status.RUNNING:  # the live text, not the finished job's cues
                previews.append(app.window.queue.details.toPlainText())

        app.window.queue.details.textChanged.connect(record)
        app.window.actions["pause"].setChecked(False)
        qtbot.waitUntil(lambda: job.status in (Status.DONE, Status.FAILED), timeout=60000)
        assert job.status == Status.DONE, job.detail
        assert job.result.engine == "glm"
        texts = [u["text"] for u in meta["utterances"]]
        # live text appeared while the job ran (streamed deltas of the pieces)
        live = [p for p in previews if p]
        assert len(set(live)) >= 2, previews
        assert any(any(t in p or p in t for t in texts) for p in live)
        joined = " ".join(c.plain() for c in job.result.document.cues)
        assert texts[0].split()[0] in joined
        assert server.counters.requests >= 2
        shot(app.window, "cloud-done")
        assert np.isfinite(job.elapsed_s)
