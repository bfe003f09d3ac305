"""`.subtitler` projects (atomic save/open, recent list, autosave recovery) and waveform peaks
(block computation equals in-memory, envelope, on-disk cache keyed by content)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pysubs2
import pytest

from subtitler.core.media import peaks as peaks_mod
from subtitler.core.document import project as projects
from subtitler.core.document.model import Document
from subtitler.core.document.cues import Cue
from subtitler.core.foundation.errors import ProjectError
from subtitler.core.document.formats import default_style
from subtitler.core.media.ffmpeg import write_wav


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("SUBTITLER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SUBTITLER_CACHE_DIR", str(tmp_path / "cache"))


def sample_project(media=None) -> projects.Project:
    doc = Document([Cue(0, 1200, "Hello\nworld"), Cue(1500, 2600, "中文字幕", "blocked: sensitive"),
                    Cue(3000, 4000, 'quote " and \\ back')], media_path=media, language="en",
                   profile="netflix-en", meta={"source": "test"})
    style = default_style()
    style.fontsize = 50
    style.primarycolor = pysubs2.Color(250, 240, 0, 0)
    return projects.Project(doc, styles={"Default": projects.style_to_dict(style)},
                            engine={"engine": "local", "model": "small", "api_key": "SECRET"})


def test_save_open_round_trip_keeps_everything_but_secrets(tmp_path):
    media = tmp_path / "lecture.mp4"
    media.write_bytes(b"x")
    p = sample_project(str(media))
    path = projects.save_project(p, tmp_path / "lecture")
    assert path.suffix == ".subtitler" and path.exists() and not p.document.dirty
    text = path.read_text("utf-8")
    assert "SECRET" not in text and "api_key" not in text
    q = projects.load_project(path)
    assert q.document.cues == p.document.cues
    assert (q.document.media_path, q.document.language, q.document.profile) == (str(media), "en", "netflix-en")
    assert q.document.meta == {"source": "test"}
    assert q.engine == {"engine": "local", "model": "small"}
    st = q.style()
    assert st.fontsize == 50 and st.primarycolor == pysubs2.Color(250, 240, 0, 0)
    assert not q.document.dirty and not q.document.can_undo()
    # no temporary files left next to it
    assert [f.name for f in tmp_path.iterdir() if f.name.startswith(".")] == []


def test_moved_project_finds_media_by_relative_path(tmp_path):
    a = tmp_path / "a"
    a.mkdir()
    (a / "talk.mp4").write_bytes(b"x")
    path = projects.save_project(sample_project(str(a / "talk.mp4")), a / "talk.subtitler")
    b = tmp_path / "b"
    a.rename(b)
    q = projects.load_project(b / "talk.subtitler")
    assert q.document.media_path == str((b / "talk.mp4").resolve())
    del path


def test_bad_project_files_raise_project_error(tmp_path):
    bad = tmp_path / "x.subtitler"
    bad.write_text("{not json", "utf-8")
    with pytest.raises(ProjectError):
        projects.load_project(bad)
    bad.write_text(json.dumps({"format": "other"}), "utf-8")
    with pytest.raises(ProjectError):
        projects.load_project(bad)
    bad.write_text(json.dumps({"format": "subtitler-project", "version": 99}), "utf-8")
    with pytest.raises(ProjectError, match="newer"):
        projects.load_project(bad)
    with pytest.raises(ProjectError, match="not found"):
        projects.load_project(tmp_path / "missing.subtitler")
    with pytest.raises(ProjectError, match="Save as"):
        projects.save_project(projects.Project(Document()))


def test_failed_save_leaves_the_old_file(tmp_path, monkeypatch):
    p = sample_project()
    path = projects.save_project(p, tmp_path / "p.subtitler")
    old = path.read_text("utf-8")
    p.document.set_text(0, "changed")

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(ProjectError):
        projects.save_project(p)
    assert path.read_text("utf-8") == old and p.document.dirty


def test_recent_projects_newest_first_without_duplicates(tmp_path):
    for name in ("a", "b", "a", "c"):
        projects.save_project(sample_project(), tmp_path / name)
    assert [p.stem for p in projects.recent_projects()] == ["c", "a", "b"]


def test_recovery_written_found_loaded_and_discarded_on_save(tmp_path):
    p = sample_project()
    path = projects.save_project(p, tmp_path / "p.subtitler")
    p.document.set_text(0, "edited after save")
    rec_file = projects.write_recovery(p)
    assert rec_file.exists()
    found = projects.find_recoveries()
    assert len(found) == 1 and found[0].project_path == path and found[0].cues == 3
    assert "p.subtitler" in found[0].describe()
    q = projects.load_recovery(found[0])
    assert q.document.cues[0].text == "edited after save" and q.document.dirty and q.path == path
    projects.save_project(p)
    assert projects.find_recoveries() == []


def test_unsaved_documents_get_their_own_recovery_files(tmp_path):
    a, b = projects.Project(Document([Cue(0, 1, "a")])), projects.Project(Document([Cue(0, 1, "b")]))
    projects.write_recovery(a)
    projects.write_recovery(b)
    recs = projects.find_recoveries()
    assert len(recs) == 2 and all(r.project_path is None for r in recs)
    assert sorted(projects.load_recovery(r).document.cues[0].text for r in recs) == ["a", "b"]
    (projects.recovery_dir() / ("junk" + projects.RECOVERY_SUFFIX)).write_text("garbage", "utf-8")
    assert len(projects.find_recoveries()) == 2  # damaged files are skipped


# -- peaks -----------------------------------------------------------------------------------
def test_block_peaks_equal_in_memory_peaks(tmp_path, monkeypatch):
    monkeypatch.setattr(peaks_mod, "_BLOCK", peaks_mod.BIN * 7)  # many ragged blocks
    rng = np.random.default_rng(1)
    pcm = rng.integers(-30000, 30000, 16000 * 3 + 37).astype(np.int16)
    write_wav(tmp_path / "a.wav", pcm)
    a = peaks_mod.compute_peaks(pcm)
    b = peaks_mod.compute_peaks_wav(tmp_path / "a.wav")
    assert a.samples == b.samples == len(pcm)
    assert np.array_equal(a.mins, b.mins) and np.array_equal(a.maxs, b.maxs)
    assert len(a.mins) == -(-len(pcm) // peaks_mod.BIN)
    assert a.mins[0] == pcm[:80].min() and a.maxs[-1] == pcm[-37:].max()


def test_envelope_uses_levels_and_covers_visible_range_only():
    pcm = np.zeros(16000 * 600, np.int16)  # 10 minutes
    pcm[16000 * 300: 16000 * 301] = 20000  # one loud second at 5:00
    pk = peaks_mod.compute_peaks(pcm)
    assert len(pk.levels) > 2
    mn, mx = pk.envelope(0, 1000, 800)  # zoomed out: the loud second shows at x=300
    assert len(mx) == 800 and mx[300] > 0.5 and mx[298] == 0 and mx[302] == 0  # coarse levels blur by < 1 px
    mn, mx = pk.envelope(299_000, 5, 400)  # zoomed in at 4:59..5:01
    assert mx[199] == 0 and mx[200] > 0.5
    mn, mx = pk.envelope(10 ** 9, 10, 100)  # past the end
    assert not mx.any()


def test_peaks_cache_keyed_by_content(tmp_path, media_dir):
    media = media_dir / "voice.wav"
    calls = []
    real = peaks_mod.compute_peaks_wav

    def counting(*a, **k):
        calls.append(1)
        return real(*a, **k)

    import unittest.mock as um

    with um.patch.object(peaks_mod, "compute_peaks_wav", counting):
        p1 = peaks_mod.peaks_for_media(media)
        copy = tmp_path / "renamed.wav"
        copy.write_bytes(media.read_bytes())
        p2 = peaks_mod.peaks_for_media(copy)  # same content: cache hit
    assert len(calls) == 1
    assert np.array_equal(p1.maxs, p2.maxs) and p1.duration_ms > 40_000
    assert peaks_mod.media_key(copy) == peaks_mod.media_key(media)
    data = bytearray(copy.read_bytes())
    data[len(data) // 2] ^= 0xFF
    copy.write_bytes(bytes(data))
    assert peaks_mod.media_key(copy) != peaks_mod.media_key(media)
    cached = list((Path(os.environ["SUBTITLER_CACHE_DIR"]) / "peaks").glob("*.npy"))
    assert len(cached) == 1
    cached[0].write_bytes(b"corrupt")
    assert peaks_mod.load_peaks(cached[0]) is None
