"""One pipeline: cues arrive in the queue preview and in an open editor while the file is still
being transcribed; a finished job hands its decoded audio and speech map to the editor, which then
decodes nothing and detects no speech again."""

from __future__ import annotations

import json
from pathlib import Path

from subtitler.core.engines import glm_settings
from subtitler.core.media.ffmpeg import load_wav, write_wav
from subtitler.gui.queue_model import Status
from tests.support.glm_server import GlmServer, tile_audio

from .app_fixtures import make_app, settings_file, shot

FIX = Path(__file__).resolve().parent.parent / "fixtures"


def _long_file(tmp_path: Path, times: int = 4):
    pcm = load_wav(FIX / "speech_en.wav")
    meta = json.loads((FIX / "speech_en.json").read_text("utf-8"))
    big, utts = tile_audio(pcm, meta["utterances"], times, seed=5)
    path = tmp_path / "in" / "long lecture.wav"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_wav(path, big)
    return path, big, utts


def test_cues_arrive_while_the_file_is_transcribed(make_app, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("SUBTITLER_CACHE_DIR", str(tmp_path / "glm-cache"))
    path, big, utts = _long_file(tmp_path)
    with GlmServer(scale=0.6) as server:
        server.register(big, utts)
        app = make_app(key=server.config.api_key, base_url=server.base_url, stream=False, concurrency=1)
        [job] = app.add_paths([path])
        app.window.queue.select_job(job)
        qtbot.waitUntil(lambda: job.status == Status.RUNNING and len(job.cues) > 0, timeout=60000)
        first = list(job.cues)
        assert job.status == Status.RUNNING  # cues while the rest is still being transcribed
        preview = app.window.queue.details.toPlainText()
        assert first[0].text.split()[0] in preview and "0:0" in preview
        assert "cues so far" in app.window.queue.details_title.text()
        shot(app.window, "queue-live-cues")
        # an editor opened now fills as pieces finish
        win = app.open_job(job)
        assert win is not None
        doc = win.document
        opened_with = len(doc.cues)
        assert opened_with >= len(first)
        qtbot.waitUntil(lambda: len(doc.cues) > opened_with or job.status != Status.RUNNING, timeout=60000)
        assert len(doc.cues) > opened_with
        assert [c.start for c in doc.cues] == sorted(c.start for c in doc.cues)
        assert not doc.dirty and not doc.can_undo()  # transcription is not the user's edit
        qtbot.waitUntil(lambda: job.status in (Status.DONE, Status.FAILED), timeout=120000)
        assert job.status == Status.DONE, job.detail
        assert [c.text for c in doc.cues] == [c.text for c in job.result.document.cues]  # the finished cues
        assert not doc.dirty
        win.close()


def test_opening_a_finished_job_decodes_nothing(make_app, qtbot, tmp_path, monkeypatch, speech_en):
    from subtitler.core.media import ffmpeg as core_media
    from subtitler.gui.editor import workers as editor_workers

    monkeypatch.setenv("SUBTITLER_CACHE_DIR", str(tmp_path / "glm-cache"))
    wav, meta = speech_en
    src = tmp_path / "in" / "talk.wav"
    src.parent.mkdir(parents=True)
    src.write_bytes(wav.read_bytes())
    with GlmServer(scale=0.05) as server:
        server.register(load_wav(wav), meta["utterances"])
        app = make_app(key=server.config.api_key, base_url=server.base_url, stream=False)
        [job] = app.add_paths([src])
        qtbot.waitUntil(lambda: job.status in (Status.DONE, Status.FAILED), timeout=60000)
        assert job.status == Status.DONE, job.detail
    audio = job.result.audio
    assert audio is not None and audio.wav.is_file() and audio.regions

    calls: list[str] = []

    def no_decode(*a, **k):
        calls.append("extract")
        raise AssertionError("decoded again")

    def no_vad(*a, **k):
        calls.append("vad")
        raise AssertionError("speech detected again")

    monkeypatch.setattr(core_media, "extract_audio", no_decode)
    monkeypatch.setattr(editor_workers, "detect_speech_blocks", no_vad)
    win = app.open_job(job)
    qtbot.waitUntil(lambda: bool(win.waveform.speech_regions) and win.waveform.peaks is not None, timeout=30000)
    assert calls == []
    assert win.waveform.speech_regions == [(r.start_ms, r.end_ms) for r in audio.regions]
    win.close()
