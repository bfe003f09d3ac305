"""The editor window end to end (offscreen): real media (video frame + cached waveform), keyboard
shortcuts, autosave and recovery after a simulated crash, project save/open, import → edit →
export round trip, the style editor, and screenshots to look at."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from subtitler.core.document import formats
from subtitler.core.document import project as projects
from subtitler.core.document.model import Document
from subtitler.core.document.cues import Cue
from subtitler.gui.editor import EditorWindow
from subtitler.gui.editor import files as editor_files
from subtitler.gui.editor.model import COL_CPS, COL_TEXT

SHOTS = Path("/tmp/shots")
C = Qt.KeyboardModifier.ControlModifier
A = Qt.KeyboardModifier.AltModifier
S = Qt.KeyboardModifier.ShiftModifier
N = Qt.KeyboardModifier.NoModifier


pytestmark = pytest.mark.usefixtures("isolated_dirs")  # tests/gui/conftest.py


def fixture_cues(info) -> list[Cue]:
    return [Cue(u["start_ms"], u["end_ms"], u["text"]) for u in info["utterances"]]


def make_window(qtbot, doc, media=None, **kw) -> EditorWindow:
    win = EditorWindow(doc, media_path=str(media) if media else None, **kw)
    win.ask_save_on_close = lambda: "discard"  # never a modal box in tests
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


@pytest.fixture
def win(qtbot, speech_en):
    return make_window(qtbot, Document(fixture_cues(speech_en[1])), analyse_media=False)


def key(win, k, mods=N, target=None):
    QTest.keyClick(target or win.table, k, mods)


# -- media, waveform, frame, screenshots -----------------------------------------------------
def test_editor_with_real_media_shows_frame_waveform_and_table(qtbot, media_dir, speech_en):
    SHOTS.mkdir(parents=True, exist_ok=True)
    doc = Document(fixture_cues(speech_en[1]), media_path=str(media_dir / "talk.mp4"))
    w = make_window(qtbot, doc)
    w.resize(1280, 760)  # (the offscreen screen is 800 px wide: the window fits it by default)
    qtbot.waitUntil(lambda: w.waveform.peaks is not None, timeout=20_000)
    qtbot.waitUntil(lambda: bool(w.waveform.speech_regions), timeout=30_000)
    assert abs(w.waveform.peaks.duration_ms - speech_en[1]["duration_ms"]) < 100
    qtbot.waitUntil(lambda: w.player.available and w.player._duration > 40_000, timeout=10_000)
    w.waveform.set_view(0, 25)
    w.select_rows([1])
    w.seek(6500)
    qtbot.waitUntil(lambda: w.player.frame.subtitle.text == doc.cues[1].text, timeout=10_000)  # the cue over the frame
    assert w.model.rowCount() == 10

    def frame_is_grey() -> bool:  # the frame area is the grey test video, not black: the video is really drawn
        img = w.player.frame.grab().toImage()
        centre = img.pixelColor(img.width() // 2, img.height() // 3)
        return 90 < centre.red() < 170 and abs(centre.red() - centre.blue()) < 10

    qtbot.waitUntil(frame_is_grey, timeout=10_000)
    shot = w.grab()
    shot.save(str(SHOTS / "editor.png"))
    # after "fix timing" (lines re-broken), with one flagged cue and the next problem selected
    w.edits.fix_timing(selected=False)
    w.document.set_flag(4, "blocked: service refused this piece")
    w.select_rows([4])
    w.waveform.set_view(8000, 25)
    w.seek(19_000)
    qtbot.waitUntil(lambda: "\n" in w.player.frame.subtitle.text, timeout=10_000)
    w.grab().save(str(SHOTS / "editor_fixed.png"))
    # cached peaks: a second editor on the same media gets them without recomputing
    w2 = make_window(qtbot, Document(fixture_cues(speech_en[1]), media_path=str(media_dir / "talk.mp4")))
    qtbot.waitUntil(lambda: w2.waveform.peaks is not None, timeout=5_000)
    w2.close()


def test_audio_only_and_missing_media_degrade_gracefully(qtbot, media_dir, speech_en):
    w = make_window(qtbot, Document(fixture_cues(speech_en[1])), media=media_dir / "podcast.mp3")
    qtbot.waitUntil(lambda: "podcast.mp3" in w.player.frame.caption.text(), timeout=10_000)
    qtbot.waitUntil(lambda: w.waveform.peaks is not None, timeout=20_000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    w.grab().save(str(SHOTS / "editor_audio_only.png"))
    w2 = make_window(qtbot, Document(fixture_cues(speech_en[1])), media=media_dir / "nope.mp4")
    assert "not found" in w2.player.frame.caption.text()
    assert w2.waveform.peaks is None
    w3 = make_window(qtbot, Document([Cue(0, 1000, "x")]))
    assert "No media" in w3.player.frame.caption.text()


def test_play_current_cue_stops_at_its_end(qtbot, media_dir, speech_en):
    doc = Document(fixture_cues(speech_en[1]), media_path=str(media_dir / "voice.wav"))
    w = make_window(qtbot, doc, analyse_media=False)
    qtbot.waitUntil(lambda: w.player._duration > 0, timeout=10_000)
    w.select_rows([3])
    c = doc.cues[3]
    w.menus.by_name["play_cue"].trigger()
    qtbot.waitUntil(w.player.is_playing, timeout=5_000)
    qtbot.waitUntil(lambda: not w.player.is_playing(), timeout=c.duration + 5_000)
    assert c.start <= w.player.position() and w.player.position() >= c.end - 200
    assert w.current_row() == 3


# -- keyboard shortcuts ----------------------------------------------------------------------
def test_timing_shortcuts(win, qtbot):
    doc = win.document
    win.select_rows([0])
    win.table.setFocus()
    c0 = doc.cues[0]
    key(win, Qt.Key.Key_Right, C)  # start +100
    key(win, Qt.Key.Key_Right, C)
    key(win, Qt.Key.Key_Left, A)  # end -100
    key(win, Qt.Key.Key_Right, C | A)  # whole +100
    key(win, Qt.Key.Key_Right, C | A | S)  # whole +1 frame (25 fps)
    assert doc.cues[0].start == c0.start + 200 + 100 + 40
    assert doc.cues[0].end == c0.end - 100 + 100 + 40
    win.seek(1000)
    key(win, Qt.Key.Key_F11)  # set start at playhead
    assert doc.cues[0].start == 1000
    win.seek(4500)
    key(win, Qt.Key.Key_F12)  # set end at playhead
    assert doc.cues[0].end == 4500
    key(win, Qt.Key.Key_Z, C)
    key(win, Qt.Key.Key_Z, C)
    key(win, Qt.Key.Key_Z, C)  # the whole-cue nudge run
    key(win, Qt.Key.Key_Z, C)  # the end nudge
    key(win, Qt.Key.Key_Z, C)  # the two start nudges (merged)
    assert doc.cues[0] == c0 and not doc.can_undo()
    key(win, Qt.Key.Key_Y, C)
    assert doc.cues[0].start == c0.start + 200


def test_editing_shortcuts(win, qtbot):
    doc = win.document
    n = len(doc.cues)
    win.select_rows([0])
    win.table.setFocus()
    key(win, Qt.Key.Key_Down, A)  # next cue
    assert win.current_row() == 1
    key(win, Qt.Key.Key_Insert)  # insert after
    assert len(doc.cues) == n + 1 and doc.cues[2].text == "" and win.current_row() == 2
    win.table.setFocus()
    key(win, Qt.Key.Key_Delete, C)
    assert len(doc.cues) == n
    win.select_rows([0])
    key(win, Qt.Key.Key_M, C | S)  # merge with next
    assert len(doc.cues) == n - 1 and doc.cues[0].text.startswith("Welcome") and "Today" in doc.cues[0].text
    win.seek(doc.cues[0].start + 1000)
    key(win, Qt.Key.Key_Return, C | S)  # split at the playhead
    assert len(doc.cues) == n and doc.cues[0].end == doc.cues[1].start
    key(win, Qt.Key.Key_F8)  # next problem
    assert win.model.problems(win.current_row())
    key(win, Qt.Key.Key_F1)
    html = win.menus.shortcuts_html()
    for k in ("F11", "F12", "Ctrl+Z", "Ctrl+Shift+M", "Alt+Right", "Ctrl+Space", "Ctrl+H"):
        assert k in html
    win.menus.dialog.close()


def test_text_box_typing_is_one_undo_step_and_keeps_line_breaks(win, qtbot):
    doc = win.document
    win.select_rows([2])
    before = doc.cues[2]
    win.text_box.setFocus()
    win.text_box.selectAll()
    QTest.keyClicks(win.text_box, "Pause the video")
    QTest.keyClick(win.text_box, Qt.Key.Key_Return)
    QTest.keyClicks(win.text_box, "to take notes.")
    assert doc.cues[2].text == "Pause the video\nto take notes."
    assert "⏎" in win.model.data(win.model.index(2, COL_TEXT))
    QTest.keyClick(win.text_box, Qt.Key.Key_Return, C)  # Ctrl+Enter: next cue
    assert win.current_row() == 3
    doc.undo()
    assert doc.cues[2] == before


def test_time_fields_accept_relative_values(win):
    doc = win.document
    win.select_rows([0])
    c = doc.cues[0]
    win.start_edit.setText("+0.5")
    win.start_edit.editingFinished.emit()
    win.dur_edit.setText("2")
    win.dur_edit.editingFinished.emit()
    assert doc.cues[0].start == c.start + 500 and doc.cues[0].duration == 2000


def test_find_replace_dialog_and_shift_and_fix_timing(win, qtbot):
    doc = win.document
    win.edits.find_replace_dialog()
    dlg = win.edits._find
    dlg.find_edit.setText("sampl(e|ing)")
    dlg.regex.setChecked(True)
    assert dlg.find_next() == 1
    dlg.replace_edit.setText("SAMPL\\1")
    assert dlg.replace_all() == 4
    assert "SAMPLing" in doc.cues[1].text
    dlg.hide()
    starts = [c.start for c in doc.cues]
    win.edits.shift(-250, selected=False)
    assert [c.start for c in doc.cues] == [s - 250 for s in starts]
    win.select_rows([0, 1, 2])
    win.edits.fix_timing(selected=True)
    assert all("\n" in c.text for c in doc.cues[:3])  # long lines re-broken
    assert all("\n" not in c.text for c in doc.cues[3:])
    win.edits.fix_timing(selected=False)
    assert not any(p for i in range(len(doc.cues)) for p in win.model.problems(i) if "line too long" in p)


def test_the_editor_measures_a_chinese_line_as_the_rules_do(qtbot):
    """Issue 22: the pipeline's own "我们用 Python 和 NumPy 做分析" (width 14.5 of 16) is not "too long"
    in the editor; the table's problems and the edit box's counter say the rules' width."""
    from subtitler.core.text.script import measure
    from subtitler.core.timing.rules import PROFILES, cps

    text = "我们用 Python 和 NumPy 做分析"
    doc = Document([Cue(0, 3000, text)], profile="netflix-zh")
    win = make_window(qtbot, doc, analyse_media=False)
    win.select_rows([0])
    assert win.model.profile == PROFILES["netflix-zh"]
    assert not any("line too long" in p for p in win.model.problems(0)), win.model.problems(0)
    info = win.edit_box.info_label.text()
    assert f"length {measure(text):g}" in info and measure(text) == 14.5, info
    assert win.model.data(win.model.index(0, COL_CPS)) == f"{cps(doc.cues[0]):.1f}"


# -- files -----------------------------------------------------------------------------------
def test_save_open_project_and_recent(win, qtbot, tmp_path):
    win.document.set_text(0, "Edited")
    path = tmp_path / "lecture.subtitler"
    assert win.files.save_as(path)
    assert not win.document.dirty and "*" not in win.windowTitle()
    w2 = EditorWindow.open_project(path)
    qtbot.addWidget(w2)
    assert w2.document.cues == win.document.cues and projects.recent_projects()[0] == path.resolve()
    w2.document.set_text(1, "again")
    assert w2.files.save() and projects.load_project(path).document.cues[1].text == "again"


def test_autosave_and_recovery_after_a_crash(qtbot, speech_en, monkeypatch, tmp_path):
    monkeypatch.setattr(editor_files, "AUTOSAVE_MS", 300)
    w = make_window(qtbot, Document(fixture_cues(speech_en[1])), analyse_media=False)
    path = tmp_path / "p.subtitler"
    w.files.save_as(path)
    assert projects.find_recoveries() == []
    w.document.set_text(0, "Typed just before the crash")
    w.edits.nudge("start", 100)
    qtbot.waitUntil(lambda: w.files.recovery_file().exists(), timeout=5_000)  # debounced, well under 5 s
    expected = list(w.document.cues)
    # crash: the window goes away without closing (no save, no clean-up of the recovery file)
    w.shutdown()
    w.hide()
    recs = EditorWindow.pending_recoveries()
    assert len(recs) == 1 and recs[0].project_path == path
    asked = []
    w2 = EditorWindow.open_project(path, ask_recover=lambda r: asked.append(r) or True)
    w2.ask_save_on_close = lambda: "discard"
    qtbot.addWidget(w2)
    assert asked and w2.document.cues == expected and w2.document.dirty
    assert projects.load_project(path).document.cues[0].text != "Typed just before the crash"
    w2.files.save()
    assert EditorWindow.pending_recoveries() == []


def test_unsaved_document_recovery_and_clean_close_leaves_nothing(qtbot, speech_en, monkeypatch):
    monkeypatch.setattr(editor_files, "AUTOSAVE_MS", 200)
    w = make_window(qtbot, Document(fixture_cues(speech_en[1])), analyse_media=False)
    w.document.delete([0])
    qtbot.waitUntil(lambda: w.files.recovery_file().exists(), timeout=5_000)
    w.shutdown()
    w.hide()
    [rec] = EditorWindow.pending_recoveries()
    w2 = EditorWindow.recover(rec)
    w2.ask_save_on_close = lambda: "discard"
    qtbot.addWidget(w2)
    assert len(w2.document.cues) == 9 and w2.document.dirty
    assert [r.path for r in EditorWindow.pending_recoveries()] == [w2.files.recovery_file()]
    w2.close()  # a clean close (changes discarded on purpose) leaves no recovery file
    assert EditorWindow.pending_recoveries() == []


def test_import_edit_export_round_trip(qtbot, tmp_path, speech_en):
    src = tmp_path / "in.srt"
    formats.export(fixture_cues(speech_en[1]), src, "srt")
    w = EditorWindow.import_subtitles(src)
    w.ask_save_on_close = lambda: "discard"
    qtbot.addWidget(w)
    assert len(w.document.cues) == 10 and not w.document.dirty
    w.select_rows([0])
    w.edits.nudge("both", 250)
    w.document.set_text(1, "Line one\nline two")
    edited = list(w.document.cues)
    for fmt in ("srt", "vtt", "ass"):
        out = w.files.export(tmp_path / f"out.{fmt}")
        back = formats.load(out)
        tol = 10 if fmt == "ass" else 0  # ASS keeps centiseconds
        assert [c.text for c in back] == [c.text for c in edited], fmt
        assert all(abs(a.start - b.start) <= tol and abs(a.end - b.end) <= tol for a, b in zip(back, edited)), fmt
    txt = w.files.export(tmp_path / "out.txt").read_text("utf-8").splitlines()
    assert txt[1] == "Line one line two" and len(txt) == 10
    # import into an open editor replaces the cues as one undo step
    w.files.import_into(src)
    assert len(w.document.cues) == 10 and w.document.cues[0].start == speech_en[1]["utterances"][0]["start_ms"]
    w.document.undo()
    assert w.document.cues == edited


def test_style_editor_preview_and_ass_export(qtbot, win, tmp_path):
    import pysubs2

    from subtitler.gui.editor.style_editor import StyleDialog

    dlg = StyleDialog(win.files.current_style(), win.player, win)
    qtbot.addWidget(dlg)
    dlg.font_size.setValue(80)
    dlg.outline.setValue(5)
    dlg.align.setCurrentIndex(1)  # top centre
    dlg.primary.set_color(pysubs2.Color(255, 255, 0, 0))
    assert win.player.frame.subtitle.style.fontsize == 80  # live on the editor's frame
    dlg.show()
    qtbot.waitExposed(dlg)
    SHOTS.mkdir(parents=True, exist_ok=True)
    dlg.grab().save(str(SHOTS / "style_editor.png"))
    win.files.set_style(dlg.chosen_style())
    out = win.files.export(tmp_path / "styled.ass")
    subs = pysubs2.load(str(out))
    st = subs.styles["Default"]
    assert st.fontsize == 80 and st.outline == 5 and int(st.alignment) == 8
    assert st.primarycolor == pysubs2.Color(255, 255, 0, 0)
    path = tmp_path / "styled.subtitler"
    win.files.save_as(path)
    assert projects.load_project(path).style().fontsize == 80


def test_inline_table_text_edit_keeps_line_breaks(win, qtbot):
    from PySide6.QtWidgets import QPlainTextEdit

    doc = win.document
    idx = win.model.index(0, COL_TEXT)
    win.table.setCurrentIndex(idx)
    win.table.edit(idx)
    ed = win.table.viewport().findChild(QPlainTextEdit)
    assert ed is not None and ed.toPlainText() == doc.cues[0].text
    ed.selectAll()
    QTest.keyClicks(ed, "Welcome")
    QTest.keyClick(ed, Qt.Key.Key_Return, S)  # Shift+Enter: a line break
    QTest.keyClicks(ed, "to lecture one.")
    QTest.keyClick(ed, Qt.Key.Key_Return)  # Enter: commit
    assert doc.cues[0].text == "Welcome\nto lecture one."
    doc.undo()
    assert doc.cues[0].text.startswith("Welcome to the first")


def test_waveform_keys_seek_and_toggle(win, qtbot):
    toggles = []
    win.player.toggle = lambda: toggles.append(1)  # no media here; only the wiring is checked
    win.waveform.playToggleRequested.disconnect()
    win.waveform.playToggleRequested.connect(win.player.toggle)
    win.seek(10_000)
    win.waveform.setFocus()
    QTest.keyClick(win.waveform, Qt.Key.Key_Right)
    assert win.playhead() == 11_000
    QTest.keyClick(win.waveform, Qt.Key.Key_Left, S)
    assert win.playhead() == 6_000
    QTest.keyClick(win.waveform, Qt.Key.Key_Space)
    assert toggles == [1]


def test_retranscribe_selection_uses_the_given_engine_factory_as_one_step(qtbot, media_dir, speech_en, monkeypatch):
    from subtitler.core import engines
    from subtitler.core.engines.base import ChunkResult

    class FakeEngine:
        name = "fake"
        max_chunk_ms = 30_000
        margin_ms = 0

        def transcribe(self, chunks, *, language, on_progress, cancel):
            return [ChunkResult(c.index, text="Freshly recognised words.") for c in chunks]

    def no_default(*a, **k):
        raise AssertionError("the editor must use the engine it was given (the user's settings)")

    monkeypatch.setattr(engines, "create_engine", no_default)
    made = []
    doc = Document(fixture_cues(speech_en[1]), media_path=str(media_dir / "voice.wav"))
    w = make_window(qtbot, doc, analyse_media=False, engine_factory=lambda: made.append(1) or FakeEngine())
    before = list(doc.cues)
    w.select_rows([2, 3])
    w.edits.retranscribe()
    qtbot.waitUntil(lambda: any("Freshly" in c.text for c in doc.cues), timeout=30_000)
    assert made == [1]
    assert doc.cues[:2] == before[:2] and doc.cues[-6:] == before[-6:]
    new = [c for c in doc.cues if "Freshly" in c.text]
    assert new and all(before[2].start - 200 <= c.start and c.end <= before[3].end + 200 for c in new)
    doc.undo()
    assert doc.cues == before


def test_open_job_result_reuses_decoded_audio_and_speech_and_takes_cues_as_they_come(
        qtbot, media_dir, speech_en, monkeypatch, tmp_path):
    from subtitler.core.speech.regions import Region
    from subtitler.gui.editor import workers

    def no_second_pass(*a, **k):
        raise AssertionError("no second decode or speech detection")

    monkeypatch.setattr(workers, "detect_speech_blocks", no_second_pass)
    monkeypatch.setattr("subtitler.core.media.ffmpeg.extract_audio", no_second_pass)
    wav, info = speech_en  # the job's decoded 16 kHz audio
    speech = [Region(u["start_ms"], u["end_ms"]) for u in info["utterances"]]
    all_cues = fixture_cues(info)
    doc = Document(all_cues[:4], media_path=str(media_dir / "talk.mp4"))
    w = EditorWindow.open_job_result(doc, media_dir / "talk.mp4", audio_wav=wav, speech=speech)
    w.ask_save_on_close = lambda: "discard"
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.waveform.peaks is not None and bool(w.waveform.speech_regions), timeout=20_000)
    assert w.waveform.speech_regions == [(r.start_ms, r.end_ms) for r in speech]
    assert abs(w.waveform.peaks.duration_ms - info["duration_ms"]) < 100
    assert w.audio_wav() == Path(wav)
    w.select_rows([1])
    w.document.set_text(1, "edited while the rest arrives")
    w.load_span(all_cues[4:], all_cues[4].start, 10**9)  # the next pieces arrive
    assert len(w.document.cues) == len(all_cues) and w.current_row() == 1
    assert w.document.undo() and w.document.cues[1] == all_cues[1]  # the user's edit stays undoable


def test_split_at_text_cursor_from_the_text_box(win, qtbot):
    doc = win.document
    win.select_rows([3])  # "A signal is simply a function of time."
    c = doc.cues[3]
    win.seek(0)  # playhead outside the cue: split by the text cursor
    win.text_box.setFocus()
    tc = win.text_box.textCursor()
    tc.setPosition(len("A signal is simply"))
    win.text_box.setTextCursor(tc)
    QTest.keyClick(win.text_box, Qt.Key.Key_Return, C | S)
    assert doc.cues[3].text == "A signal is simply" and doc.cues[4].text == "a function of time."
    assert doc.cues[3].end == doc.cues[4].start == c.start + round(c.duration * 18 / len(c.text))


def test_split_at_text_cursor_lands_on_the_pause_in_the_audio(qtbot, speech_en):
    """With the job's audio at hand, Split at the text cursor ends the first part where its speech
    ends and starts the second where its speech starts (the fixture's true times), one undo step."""
    wav, meta = speech_en
    u, v = meta["utterances"][2], meta["utterances"][3]
    doc = Document([Cue(u["start_ms"] - 150, v["end_ms"] + 150, u["text"] + " " + v["text"])])
    win = make_window(qtbot, doc, audio_wav=wav, speech=[], analyse_media=False)
    qtbot.waitUntil(win.isActiveWindow)
    win.select_rows([0])
    win.text_box.setFocus()
    tc = win.text_box.textCursor()
    tc.setPosition(len(u["text"]) + 1)
    win.text_box.setTextCursor(tc)
    QTest.keyClick(win.text_box, Qt.Key.Key_Return, C | S)
    first, second = doc.cues
    assert (first.text, second.text) == (u["text"], v["text"])
    assert abs(first.end - u["end_ms"]) <= 120 and abs(second.start - v["start_ms"]) <= 120
    QTest.keyClick(win.text_box, Qt.Key.Key_Z, C)
    assert len(doc.cues) == 1 and doc.cues[0].text == u["text"] + " " + v["text"]


def test_attach_media_to_imported_subtitles(qtbot, tmp_path, media_dir, speech_en):
    src = tmp_path / "in.vtt"
    formats.export(fixture_cues(speech_en[1]), src, "vtt")
    w = EditorWindow.import_subtitles(src)
    w.ask_save_on_close = lambda: "discard"
    qtbot.addWidget(w)
    assert w.waveform.peaks is None and not w.document.dirty
    w.files.set_media(media_dir / "voice.wav")
    qtbot.waitUntil(lambda: w.waveform.peaks is not None, timeout=20_000)
    assert w.document.media_path.endswith("voice.wav") and w.document.dirty
    path = tmp_path / "p.subtitler"
    w.files.save_as(path)
    assert projects.load_project(path).media_path == w.document.media_path


def test_offer_recovery_on_start_asks_and_reopens(qtbot, speech_en, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(editor_files, "AUTOSAVE_MS", 100)
    w = make_window(qtbot, Document(fixture_cues(speech_en[1])), analyse_media=False)
    w.document.set_text(0, "lost?")
    qtbot.waitUntil(lambda: w.files.recovery_file().exists(), timeout=5_000)
    w.shutdown()
    w.hide()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    [w2] = EditorWindow.offer_recovery(None)
    w2.ask_save_on_close = lambda: "discard"
    qtbot.addWidget(w2)
    assert w2.document.cues[0].text == "lost?"
    w2.close()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert EditorWindow.offer_recovery(None) == [] and EditorWindow.pending_recoveries() == []


def test_player_is_made_by_cpp_and_stops_and_unloads(qtbot, media_dir):
    """The player and its audio output come from the QML engine (no Python overrides for the
    FFmpeg threads to look up with the GIL); playing, stop() and setSource() work as usual."""
    import shiboken6
    from PySide6.QtMultimedia import QMediaPlayer

    from subtitler.gui.editor.player import PlayerWidget

    w = PlayerWidget()
    qtbot.addWidget(w)
    w.load(str(media_dir / "voice.wav"))
    assert isinstance(w.player, QMediaPlayer) and not shiboken6.createdByPython(w.player)
    assert w.player.parent() is w and w.audio is w.player.audioOutput() and w.audio.parent() is w.player
    w.play()
    qtbot.waitUntil(lambda: w.position() > 0, timeout=10_000)
    w.shutdown()
    assert w.player.playbackState() == QMediaPlayer.PlaybackState.StoppedState
    assert w.player.source().isEmpty()
