"""Issue 21, defect 3: a cloud job whose server failed some pieces is not green. It ends "done with
gaps" (amber, its own state, not at 100 %), and Retry gaps sends only the failed pieces again —
the stand-in GLM-ASR server's counters say which — and fills the gaps with cues made the
pipeline's way (cased and punctuated as recognised), after which the job is done."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from PySide6.QtGui import QColor

from subtitler.core.media.ffmpeg import load_wav
from subtitler.gui.queue_model import JobModel, Status
from tests.support.glm_server import GlmServer

from .app_fixtures import make_app, settings_file, shot  # noqa: F401 - fixtures

FIX = Path(__file__).resolve().parent.parent / "fixtures"
FAIL_FROM_MS = 20000  # pieces starting here or later get 500s until the server is mended


def menu_shot(app, qtbot, name: str) -> None:
    """The job table's context actions (Retry gaps among them), rendered beside the window."""
    from PySide6.QtWidgets import QMenu

    menu = QMenu(app.window)
    menu.addActions(app.window.queue.table.actions())
    menu.popup(app.window.mapToGlobal(app.window.queue.table.geometry().center()))
    qtbot.waitUntil(menu.isVisible, timeout=5000)
    shot(menu, name)
    menu.close()


def in_chinese(make_app, qtbot, job) -> None:
    """The same job in a window opened in the Chinese interface: words, colour, summary, Retry gaps."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from subtitler.gui import i18n

    qapp = QApplication.instance()
    i18n.install_translators(qapp, QLocale("zh_CN"))
    try:
        zh = make_app()
        zh.window.actions["pause"].setChecked(True)
        zh.model.add([job])
        zh.window.queue.select_job(job)
        zh.queue_ctl.update_summary()
        qtbot.waitUntil(zh.window.actions["retry_gaps"].isEnabled, timeout=5000)
        text = zh.model.index(0, JobModel.STATUS).data()
        assert "缺口" in text, text
        assert "1 个有缺口" in zh.window.summary_label.text()
        assert zh.window.actions["retry_gaps"].text() == "重试缺口(&G)"
        shot(zh.window, "gaps-state-zh")
        menu_shot(zh, qtbot, "gaps-menu-zh")
        zh.model.remove([job])
        zh.window.close()
    finally:
        i18n.install_translators(qapp, QLocale("en_US"))


def test_a_job_with_gaps_is_not_done_and_retry_gaps_sends_only_the_failed_pieces(make_app, qtbot, tmp_path,
                                                                                  monkeypatch):
    monkeypatch.setenv("SUBTITLER_CACHE_DIR", str(tmp_path / "cache"))  # a cold cache of its own
    meta = json.loads((FIX / "speech_en.json").read_text("utf-8"))
    src = tmp_path / "talk.wav"
    shutil.copyfile(FIX / "speech_en.wav", src)
    with GlmServer(scale=0.05, fail_from_ms=FAIL_FROM_MS) as srv:
        srv.register(load_wav(FIX / "speech_en.wav"), meta["utterances"])
        app = make_app(key=srv.config.api_key, base_url=srv.base_url, stream=False, concurrency=3)
        [job] = app.add_paths([src])
        qtbot.waitUntil(lambda: job.status in (Status.DONE, Status.GAPS, Status.FAILED), timeout=180000)
        # -- the job with gaps: its own state, amber, not at 100 %, Retry gaps offered --------------
        assert job.status == Status.GAPS, (job.status, job.detail)
        assert job.result.failed_chunks >= 1
        row = app.model.row_of(job)
        status = app.model.index(row, JobModel.STATUS)
        assert status.data().startswith("Done with ") and "gap" in status.data()
        assert status.data(role=9) != QColor("#30a46c")  # ForegroundRole: not green
        assert job.fraction < 1.0 and app.model.index(row, JobModel.PROGRESS).data() != "100%"
        assert "1 with gaps" in app.window.summary_label.text()
        app.window.queue.select_job(job)
        qtbot.waitUntil(app.window.actions["retry_gaps"].isEnabled, timeout=5000)
        assert app.window.actions["retry"].isEnabled()
        assert app.window.actions["retry_gaps"] in app.window.queue.table.actions()  # the context menu
        shot(app.window, "gaps-state-en")
        menu_shot(app, qtbot, "gaps-menu-en")
        in_chinese(make_app, qtbot, job)
        gap_cues = [c for c in job.result.document.cues if c.flag.startswith("not transcribed")]
        assert len(gap_cues) == job.result.failed_chunks
        served = {k for k, n in srv.counters.served.items() if n}
        failed = set(srv.counters.sends) - served
        assert failed and len(failed) == job.result.failed_chunks
        # -- the server is back; Retry gaps ---------------------------------------------------------
        srv.config.fail_from_ms = None
        srv.reset_counters()
        doc = job.result.document
        app.window.actions["retry_gaps"].trigger()
        qtbot.waitUntil(lambda: job.status in (Status.DONE, Status.GAPS, Status.FAILED), timeout=120000)
        assert job.status == Status.DONE, (job.status, job.error, job.detail)
        # only the failed pieces went out again, each once; nothing answered before was re-sent
        assert set(srv.counters.sends) == failed, (len(srv.counters.sends), len(failed))
        assert all(n == 1 for n in srv.counters.sends.values())
    # the gaps are filled in the job's own document, the pipeline's way
    assert job.result.document is doc
    assert job.result.failed_chunks == 0 and job.result.gap_ms == 0
    assert not [c for c in doc.cues if c.flag.startswith("not transcribed")]
    assert [c.start for c in doc.cues] == sorted(c.start for c in doc.cues)
    assert all(a.end <= b.start for a, b in zip(doc.cues, doc.cues[1:]))
    flat = " ".join(c.text.replace("\n", " ") for c in doc.cues)
    later = [u["text"] for u in meta["utterances"] if u["start_ms"] >= FAIL_FROM_MS]
    assert later and all(t in flat for t in later), (later, flat)  # as recognised: cased, punctuated
    filled = [c for c in doc.cues if c.start >= gap_cues[0].start]
    assert filled and all(c.text[:1].isupper() for c in filled) and filled[-1].text.rstrip()[-1] in ".?!"
    assert app.model.index(app.model.row_of(job), JobModel.STATUS).data().startswith("Done ·")
    assert not app.window.actions["retry_gaps"].isEnabled()
