"""One cache folder (issue 22, item 4): ``foundation.paths.cache_dir`` and ``$SUBTITLER_CACHE_DIR``
decide where every cache writes (GLM-ASR chunks, chat answers, peaks, shots, decoded audio), and
the media cache owns every audio file in its folder, the editor's included (size cap applies)."""

from __future__ import annotations

from subtitler.core.app.jobs import TranscribeOptions, transcribe_file
from subtitler.core.app.media_cache import MediaCache
from subtitler.core.delivery.translate import ChatSettings, translate_cues
from subtitler.core.document.cues import Cue
from subtitler.core.engines.glm_settings import GlmSettings
from subtitler.core.foundation.paths import cache_dir
from subtitler.core.media.ffmpeg import load_wav
from subtitler.core.media.peaks import media_key, peaks_for_media
from subtitler.core.media.shots import shot_changes_for
from tests.support.chat_server import ChatServer
from tests.support.glm_server import GlmServer


def _files(folder):
    return sorted(p.relative_to(folder).parts[0] for p in folder.rglob("*") if p.is_file())


def test_every_cache_writes_under_the_one_folder(tmp_path, monkeypatch, speech_en, media_dir):
    cache = tmp_path / "cache"
    elsewhere = tmp_path / "xdg"
    monkeypatch.setenv("SUBTITLER_CACHE_DIR", str(cache))
    monkeypatch.setenv("XDG_CACHE_HOME", str(elsewhere))  # the platform default must stay unused
    assert cache_dir() == cache and cache_dir("glm") == cache / "glm"
    wav, meta = speech_en

    # GLM-ASR chunk results: a real job against the stand-in server, no cache folder given
    with GlmServer(scale=0.01) as srv:
        srv.register(load_wav(wav), meta["utterances"])
        glm = GlmSettings(api_key=srv.config.api_key, base_url=srv.base_url, backoff_s=0.01)
        assert glm.cache_dir == cache / "glm"
        result = transcribe_file(wav, TranscribeOptions(engine="glm", glm_settings=glm),
                                 media_cache=MediaCache())  # the app's media cache, default folder
    assert result.document.cues and any((cache / "glm").rglob("*"))
    assert result.audio is not None and result.audio.wav.parent == cache / "audio"

    # chat answers (translation / polish)
    with ChatServer(api_key="sk-chat-secret-0123456789", scale=0.002) as chat:
        settings = ChatSettings(glm=GlmSettings(api_key="sk-chat-secret-0123456789", base_url=chat.base_url))
        assert settings.cache_dir == cache / "chat"
        translate_cues([Cue(0, 2000, "Hello there.")], "zh", source="en", settings=settings)
    assert any((cache / "chat").rglob("*.json"))

    # waveform peaks, shot changes, the editor's decoded audio
    video = media_dir / "talk.mp4"
    peaks_for_media(video)
    shot_changes_for(video)
    MediaCache().audio_for(video)
    assert (cache / "audio" / f"{media_key(video)}.wav").is_file()

    assert {"glm", "chat", "peaks", "shots", "audio"} <= set(_files(cache)), _files(cache)
    assert not elsewhere.exists() or not any(p.is_file() for p in elsewhere.rglob("*")), list(elsewhere.rglob("*"))


def test_the_editors_audio_goes_through_the_media_cache_and_is_evicted(tmp_path, speech_en, speech_zh, monkeypatch):
    from subtitler.gui.editor.workers import audio_cache_path, ensure_wav

    monkeypatch.setenv("SUBTITLER_CACHE_DIR", str(tmp_path / "cache"))
    cache = MediaCache(cap_mb=100)
    assert cache.root == tmp_path / "cache"
    first = ensure_wav(str(speech_en[0]), None, cache=cache)
    assert first == audio_cache_path(media_key(speech_en[0])) == cache.audio_path(media_key(speech_en[0]))
    assert first.is_file() and cache.size() == first.stat().st_size  # counted by the cache
    assert ensure_wav(str(speech_en[0]), None, cache=cache) == first  # decoded once
    # a second file that does not fit beside the first: the least recently used is evicted
    cache.cap_bytes = max(first.stat().st_size, 1) + 1024
    second = ensure_wav(str(speech_zh[0]), None, cache=cache)
    assert second.is_file() and not first.exists()
    assert [p.name for _, _, p in cache.entries()] == [second.name]
    assert not any((cache.audio_folder / ".partial").iterdir())  # nothing half-written left behind
    # larger than the whole cap: kept outside the cache folder, never behind its back
    cache.cap_bytes = 1024
    outside = ensure_wav(str(speech_en[0]), None, cache=cache)
    assert outside.is_file() and cache.root not in outside.parents
