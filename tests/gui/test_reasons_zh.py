"""Failed jobs and the core's other sentences in the Chinese UI (issue 9): the core raises English
sentences that carry a code and parameters (core.foundation.errors.Reason); the window says them through
Qt's catalog (gui/reasons.py). Real failing jobs: a stand-in GLM-ASR server that hangs or rejects
the key, and a file that is not media."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from subtitler.core.foundation.errors import MESSAGES, MediaError, Reason, secs, unstopped
from PySide6.QtCore import QLocale
from subtitler.core.media.ffmpeg import load_wav
from subtitler.core.engines import glm_settings
from subtitler.gui.reasons import error_text, say
from subtitler.gui.queue_model import JobModel, Status

from .app_fixtures import copy_media, make_app, settings_file, shot  # noqa: F401 (fixtures)
from .test_i18n import I18N, _english_words, chinese  # noqa: F401 (fixture)
from tests.support.glm_server import GlmServer

HAN = re.compile(r"[\u4e00-\u9fff]")


def test_every_core_sentence_has_one_template_and_a_chinese_translation():
    gui = (I18N.parents[1] / "gui" / "reasons.py").read_text("utf-8")
    assert "QT_TRANSLATE_NOOP" not in gui and "media.not_found" not in gui  # no second copy of the table
    zh = {}
    for ctx in ET.parse(I18N / "subtitler_zh_CN.ts").getroot().iter("context"):
        if ctx.findtext("name") == "Reasons":
            for m in ctx.iter("message"):
                t = m.find("translation")
                assert t.get("type") is None, m.findtext("source")
                zh[m.findtext("source")] = t.text or ""
    for code, english in MESSAGES.items():
        assert english in zh, code
        assert sorted(re.findall(r"\{\w+\}", english)) == sorted(re.findall(r"\{\w+\}", zh[english])), code
        assert HAN.search(zh[english]) or "；" in zh[english], code


def test_reasons_are_english_strings_for_logs_and_the_cli():
    r = Reason("job.nothing_transcribed", name="a.wav",
               reason=unstopped(Reason("glm.no_usable_answer", host="127.0.0.1",
                                       reason=Reason("glm.no_answer_within", limit=secs(12),
                                                     why=Reason("glm.server_silent")))))
    assert r == ("a.wav: no piece of the audio was transcribed: the GLM-ASR service at 127.0.0.1 gave no usable "
                 "answer: no usable answer within 12 s: the server did not answer; no subtitles written.")
    assert isinstance(r, str) and r.code == "job.nothing_transcribed"
    assert str(MediaError(Reason("media.empty", name="x.mp4"))) == "x.mp4: the file is empty."
    assert MediaError(Reason("media.empty", name="x.mp4")).reason.params == {"name": "x.mp4"}
    assert MediaError("plain words").reason is None
    assert say("plain words") == "plain words" and say(r) == r  # English UI: the same sentence


def test_nested_reasons_in_chinese(chinese):
    r = Reason("job.nothing_transcribed", name="第1讲.wav",
               reason=unstopped(Reason("glm.no_usable_answer", host="127.0.0.1",
                                       reason=Reason("glm.no_answer_within", limit=secs(3600),
                                                     why=Reason("glm.server_silent")))))
    text = say(r)
    assert text == ("第1讲.wav：没有任何一段音频识别成功：127.0.0.1 上的 GLM-ASR 服务没有给出可用的回答："
                    "1 小时内没有得到可用的回答：服务器没有应答；未生成字幕。")
    assert say(Reason("media.damaged", what=Reason("damage.and", first=Reason("damage.stops", at="1:12", total="3:05"),
                                                    second=Reason("damage.error")))) == \
        "文件已损坏：音频在 1:12 处中断（全长 3:05）；ffmpeg 报告了 1 处解码错误"
    assert error_text(MediaError(Reason("media.not_media", name="x.mp4"))) == "x.mp4：不是媒体文件，或文件已损坏。"
    assert error_text(MediaError("an old plain sentence")) == "an old plain sentence"  # unknown: as it is


def test_running_job_steps_in_chinese(chinese):
    from subtitler.core.foundation.progress import Progress
    from subtitler.core.app.queue import Job
    from subtitler.gui import words

    job = Job(Path("a.wav"))
    job.start("local")
    job.apply_progress(Progress("model", 0.42, "downloading model small"))  # first use of a model name
    assert words.status_text(job).startswith("正在下载模型 42%")
    notice = Reason("notice.no_answer", host="127.0.0.1", seconds="10", limit=secs(120))
    job.apply_progress(Progress("transcribe", 0.1, str(notice), 0, 4, notice=notice))
    assert words.status_text(job).startswith("GLM-ASR：127.0.0.1 已有 10 秒没有应答；每段最多等待 2 分钟")


def _status(app, job) -> str:
    return str(app.model.index(app.model.row_of(job), JobModel.STATUS).data())


@pytest.mark.parametrize("mode", ["hang", "wrong-key"])
def test_a_failed_cloud_job_says_why_in_chinese(chinese, make_app, qtbot, speech_en, tmp_path, monkeypatch, mode):
    monkeypatch.setenv("SUBTITLER_CACHE_DIR", str(tmp_path / "glm-cache"))
    wav, meta = speech_en
    with GlmServer(scale=0.02, broken="hang" if mode == "hang" else "") as server:
        server.register(load_wav(wav), meta["utterances"])
        key = server.config.api_key if mode == "hang" else "sk-not-the-right-key-0123456789"
        app = make_app(key=key, engine="glm", base_url=server.base_url, concurrency=2)
        app.settings_ctl.services.glm_extra["max_wait_s"] = 3  # the per-piece limit (--glm-max-wait)
        [job] = app.add_paths([copy_media(wav, tmp_path / "in", "第1讲.wav")])
        qtbot.waitUntil(lambda: job.status in (Status.DONE, Status.FAILED), timeout=90000)
    assert job.status == Status.FAILED
    text = _status(app, job)
    assert HAN.search(text) and not _english_words(text), text
    if mode == "hang":
        assert "3 秒内没有得到可用的回答：服务器没有应答" in text, text
        assert "no usable answer within 3 s: the server did not answer" in job.error  # the log's words
    else:
        assert "GLM-ASR API 密钥被拒绝" in text and "127.0.0.1" in text, text
        assert "API key was rejected" in job.error
    tip = app.model.index(app.model.row_of(job), JobModel.STATUS).data(0x03)  # ToolTipRole
    assert tip == text
    app.window.queue.select_job(job)
    details = app.window.queue.details.toPlainText()
    assert details.startswith(text) and job.detail in details  # Chinese first, then the copyable English
    shot(app.window, f"zh-failed-{mode}")


def test_a_file_that_is_not_media_fails_in_chinese(chinese, make_app, qtbot, tmp_path):
    bad = tmp_path / "in" / "第2讲.mp4"
    bad.parent.mkdir()
    bad.write_bytes(b"\x00\x01 not a video at all " * 4000)
    app = make_app(engine="local")
    [job] = app.add_paths([bad])
    qtbot.waitUntil(lambda: job.status == Status.FAILED, timeout=60000)
    text = _status(app, job)
    assert text in ("第2讲.mp4：不是媒体文件，或文件已损坏。",) or text.startswith("第2讲.mp4：ffmpeg 无法读取此文件"), text


def test_the_edit_box_elides_long_problems_and_tells_them_in_a_tooltip(chinese, qtbot, speech_zh):
    from PySide6.QtWidgets import QApplication, QLabel

    from subtitler.core.document.model import Document

    from subtitler.core.document.cues import Cue
    from subtitler.gui.editor import EditorWindow

    # one cue with every problem at once: too fast, too many and too long lines, overlapping the next
    long_line = "这一行字幕实在太长了，" * 4
    cues = [Cue(0, 400, "\n".join([long_line] * 3)), Cue(300, 2000, "下一条"), Cue(5000, 7000, "没有问题的一条")]
    win = EditorWindow(Document(cues, media_path=str(speech_zh[0])), media_path=str(speech_zh[0]))
    win.ask_save_on_close = lambda: "discard"
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.select_rows([0])
    QApplication.processEvents()
    label = win.edit_box.problem_label
    shown = QLabel.text(label)  # what is painted
    assert label.text().startswith("⚠") and label.text().count("；") >= 3, label.text()
    assert label.is_elided() and shown.endswith("…"), shown
    assert label.fontMetrics().horizontalAdvance(shown) <= label.width()
    assert label.geometry().right() <= win.edit_box.width()  # the window did not grow for it
    tip = label.toolTip()
    for problem in ("语速过快", "单行过长", "重叠"):
        assert problem in tip, tip
    info = win.edit_box.info_label
    assert info.text().startswith("第 1/3 条") and not info.is_elided(), info.text()
    assert not _english_words(label.text()) and not _english_words(tip), (label.text(), tip)
    shot(win, "zh-editor-problems")
    win.select_rows([1])
    QApplication.processEvents()
    assert "重叠" in label.text() and not label.is_elided()  # a short problem: shown whole
    text_top = win.edit_box.text_box.y()
    win.select_rows([2])
    QApplication.processEvents()
    assert label.text() == "" and win.edit_box.text_box.y() == text_top  # nothing moved


def test_the_blocked_flag_is_plain_data_and_said_in_chinese(chinese):
    from subtitler.core.engines.glm_client import BLOCKED_FLAG
    from subtitler.gui import words

    assert words.flag_text(str(BLOCKED_FLAG)) == "服务拦截了这一段（内容安全）；请手动听写"


def test_damaged_media_rows_in_chinese(chinese, make_app, qtbot, speech_en, tmp_path, monkeypatch):
    """Real damaged mp4 files (as tests/test_failures_media.py makes them) through the cloud stand-in."""
    import subprocess

    from subtitler.core.media import ffmpeg as media

    monkeypatch.setenv("SUBTITLER_CACHE_DIR", str(tmp_path / "glm-cache"))
    wav, meta = speech_en
    whole = tmp_path / "whole.mp4"
    subprocess.run([media.find_ffmpeg(), "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=gray:s=160x90:r=25",
                    "-i", str(wav), "-shortest", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                    "-c:a", "aac", "-movflags", "+faststart", str(whole)], check=True, timeout=120)
    data = whole.read_bytes()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "第3讲.mp4").write_bytes(data[: len(data) * 78 // 100])  # the last fifth is missing
    (folder / "第4讲.mp4").write_bytes(data[: len(data) * 30 // 100])  # most of it is gone
    with GlmServer(scale=0.02) as server:
        server.register(load_wav(wav), meta["utterances"])
        app = make_app(key=server.config.api_key, engine="glm", base_url=server.base_url, concurrency=4)
        cut, gone = app.add_paths([folder / "第3讲.mp4", folder / "第4讲.mp4"])
        qtbot.waitUntil(lambda: all(j.status in (Status.DONE, Status.FAILED) for j in (cut, gone)), timeout=120000)
    assert cut.status == Status.DONE and gone.status == Status.FAILED, (cut.detail, gone.detail)
    cut_text, gone_text = _status(app, cut), _status(app, gone)
    assert re.match(r"完成，但文件已损坏：音频在 \d:\d\d 处中断（全长 \d:\d\d） · \d+ 条字幕", cut_text), cut_text
    assert re.match(r"第4讲\.mp4：文件已损坏（.+）；\d:\d\d 中只有 \d:\d\d 可读，因此未生成字幕。", gone_text), gone_text
    for text in (cut_text, gone_text):
        assert not _english_words(text), text
    shot(app.window, "zh-damaged-media")


def test_the_key_test_and_a_malformed_key_answer_in_chinese(chinese, make_app, qtbot):
    from subtitler.gui.dialogs.settings_dialog import SettingsDialog

    with GlmServer() as server:
        app = make_app()
        dlg = app.open_settings()
        assert isinstance(dlg, SettingsDialog)
        dlg.engine_glm.setChecked(True)
        dlg.base_url.setCurrentText(server.base_url)
        dlg.api_key.setText(server.config.api_key)
        with qtbot.waitSignal(dlg.keyTested, timeout=20000) as good:
            dlg.test_key()
        assert good.args == [True, "密钥可用（127.0.0.1 已响应）。"], good.args
        dlg.api_key.setText("sk-wrong-key-0123456789abcdef")
        with qtbot.waitSignal(dlg.keyTested, timeout=20000) as bad:
            dlg.test_key()
        assert bad.args[0] is False and bad.args[1].startswith("GLM-ASR API 密钥被拒绝"), bad.args
        assert "sk-wrong" not in dlg.key_status.text() + dlg.key_status.toolTip()
        dlg.resize(1280, 720)
        shot(dlg, "zh-settings-key-rejected")
        dlg.api_key.setText("sk-密钥-0123456789")  # a non-ASCII character: refused where it enters
        dlg.accept()
        text = dlg.key_status.text()
        assert "GLM-ASR API 密钥在第 4 个字符处含有全角或其他非英文半角字符（U+5BC6）；请按控制台" in text, text
        dlg.reject()


# -- the editor's own failures (projects, imports, the chat service, burn-in) in Chinese ----------------------
def _zh_editor(qtbot, doc, media=None, **kwargs):
    from subtitler.gui.editor import EditorWindow

    win = EditorWindow(doc, media_path=str(media) if media else None, analyse_media=False, **kwargs)
    win.ask_save_on_close = lambda: "discard"
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def own_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("SUBTITLER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SUBTITLER_CACHE_DIR", str(tmp_path / "cache"))


def test_a_damaged_project_opened_in_the_editor_says_why_in_chinese(chinese, own_dirs, qtbot, tmp_path, monkeypatch):
    import json

    from PySide6.QtWidgets import QFileDialog

    from subtitler.core.document import project as projects
    from subtitler.core.document.model import Document
    from subtitler.core.document.cues import Cue

    good = json.loads(projects.to_json(projects.Project(Document([Cue(0, 1000, "第一句"), Cue(1200, 2400, "第二句")]))))
    good["cues"][1][0] = "1.2"  # a start time written as text: the file was edited by hand
    damaged = tmp_path / "第5讲.subtitler"
    damaged.write_text(json.dumps(good, ensure_ascii=False), "utf-8")
    win = _zh_editor(qtbot, Document([]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(damaged), ""))
    win.menus.by_name["open"].trigger()  # 文件 › 打开项目…
    text = win.statusBar().currentMessage()
    assert text == "第5讲.subtitler：文件已损坏（字幕记录 [1] 的字段 [0]：应为整数，实为文本）。", text
    assert not _english_words(text), text
    with pytest.raises(projects.ProjectError, match=r"damaged \(cues\[1\]\[0\]: expected int, got str\)"):
        projects.load_project(damaged)  # the log and the command line keep the English words
    damaged.write_text('{"format": "subtitler-project", "cues": [', "utf-8")  # cut off mid-write
    win.menus.by_name["open"].trigger()
    text = win.statusBar().currentMessage()
    assert text.startswith("第5讲.subtitler："), text


def test_a_broken_subtitle_import_says_why_in_chinese(chinese, own_dirs, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from subtitler.core.document.model import Document

    broken = tmp_path / "第6讲.srt"
    broken.write_text("这不是字幕文件。\n只是一段普通的文字，没有时间轴。\n", "utf-8")
    win = _zh_editor(qtbot, Document([]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    win.menus.by_name["import"].trigger()  # 文件 › 导入字幕…
    box = win.files.problem_box
    assert box is not None and box.isVisible()
    assert box.text() == "第6讲.srt：不是可读取的字幕文件（SRT、ASS 或 VTT）。", box.text()
    assert not _english_words(box.text() + box.windowTitle()), (box.text(), box.windowTitle())
    shot(box, "zh-import-broken")
    box.close()


def test_the_chat_service_rejecting_the_key_during_translate_is_said_in_chinese(chinese, own_dirs, qtbot,
                                                                                 monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from subtitler.core.document.model import Document
    from tests.support.chat_server import ChatServer
    from tests.test_translate import lecture_cues
    from .test_editor_translation import services_for

    monkeypatch.setenv("ZHIPUAI_API_KEY", "sk-not-the-chat-key-0123456789")
    server = ChatServer(api_key="sk-chat-secret-0123456789", scale=0.005).start()
    try:
        doc = Document(lecture_cues(4))
        win = _zh_editor(qtbot, doc, services=lambda: services_for(server))
        win.menus.by_name["translate"].trigger()  # 字幕 › 翻译…
        dlg = win.translation.dialog
        qtbot.mouseClick(dlg.start_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dlg.running(), timeout=60_000)
        QApplication.processEvents()
    finally:
        server.stop()
    assert server.counters.requests >= 1  # the service was asked, and said 401
    text = dlg.status.text()
    assert "GLM-ASR API 密钥被拒绝" in text and "127.0.0.1" in text, text
    assert not _english_words(text), text
    assert "sk-not-the" not in text and doc.tracks == () and not doc.can_undo()
    dlg.resize(900, 400)
    shot(dlg, "zh-translate-key-rejected")


def test_burning_in_an_audio_only_file_from_the_editor_says_why_in_chinese(chinese, own_dirs, qtbot, speech_en,
                                                                            tmp_path):
    from subtitler.core.document.model import Document
    from subtitler.core.document.cues import Cue

    win = _zh_editor(qtbot, Document([Cue(300, 1800, "大家好。")]), speech_en[0])
    win.menus.by_name["burn"].trigger()  # 导出 › 烧录字幕…
    dlg = win.burn_dialog
    dlg.output.setText(str(tmp_path / "第7讲.mp4"))
    assert dlg.start()
    qtbot.waitUntil(lambda: dlg.outcome != "", timeout=60_000)
    text = dlg.status.text()
    assert dlg.outcome == "failed" and "speech_en.wav：文件没有视频轨道，无法烧录字幕。" in text, text
    assert not _english_words(text), text
    assert not (tmp_path / "第7讲.mp4").exists()
    shot(dlg, "zh-burn-audio-only")


def test_a_broken_shot_list_import_says_why_in_chinese(chinese, own_dirs, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from subtitler.core.document.model import Document

    from subtitler.core.document.cues import Cue
    from subtitler.core.foundation.errors import SubtitleFormatError
    from subtitler.core.media.shots import load_shot_list

    broken = tmp_path / "第8讲.shots.txt"
    broken.write_text("1.5\n3.25\n镜头三\n", "utf-8")
    win = _zh_editor(qtbot, Document([Cue(0, 1000, "第一句")]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    win.menus.by_name["import_shots"].trigger()  # 视频 › 导入镜头切换…
    text = win.statusBar().currentMessage()
    assert text == "第8讲.shots.txt 第 3 行：“镜头三”不是时间（不是数字）。", text
    with pytest.raises(SubtitleFormatError, match=r"line 3: '镜头三' is not a time \(not a number\)"):
        load_shot_list(broken)


@pytest.mark.parametrize("kind", ["renumbered", "429"])
def test_a_series_translation_that_fails_says_why_in_chinese(chinese, own_dirs, tmp_path, kind):
    """The chat stand-in over real HTTP: a model whose every answer fails the checks, or a service
    that only ever says 429. The export summary's sentence (error_text) is Chinese; the CLI's stays."""
    from subtitler.core.delivery.deliver import DeliverOptions, deliver
    from subtitler.core.document.model import Document
    from subtitler.core.foundation.errors import EngineError
    from tests.support.chat_server import ChatServer
    from tests.test_translate import KEY, lecture_cues, settings

    server = ChatServer(api_key=KEY, scale=0.005, kinds=(kind,), bad_first=1000).start()
    try:
        opts = DeliverOptions(translate_to="ja", chat=settings(server, tmp_path))
        with pytest.raises(EngineError) as caught:
            deliver(Document(lecture_cues(4), language="en"), tmp_path / "第9讲.mp4", tmp_path / "out", ["srt"], opts)
    finally:
        server.stop()
    english, text = str(caught.value), error_text(caught.value)
    assert english.startswith("no cue could be translated (") and not HAN.search(english), english
    assert text.startswith("没有任何字幕翻译成功（"), text
    # only the service's own words may stay as it sent them (the stand-in answers "1302: rate limit";
    # the real service sends its message in Chinese)
    assert set(_english_words(text)) <= ({"rate", "limit"} if kind == "429" else set()), text
    if kind == "renumbered":
        assert english == "no cue could be translated (the model's answers failed the checks: renumbered ids)."
        assert text == "没有任何字幕翻译成功（模型的回答未通过检查：字幕编号被改动）。"
    else:
        assert "gave up after" in english and "尝试" in text and "次后放弃" in text, (english, text)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_repaired_cues_of_an_import_are_listed_in_chinese(chinese, own_dirs, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from subtitler.core.document import formats
    from subtitler.core.document.model import Document

    srt = tmp_path / "第10讲.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,000\n第一句\n\n2\n00:00:0x,000 --> 00:00:04,000\n坏掉的时间行\n\n"
                   "3\n00:00:06,000 --> 00:00:05,000\n结束早于开始\n", "utf-8")
    english = formats.read_subtitles(srt).problems
    assert "ends before it starts; start and end swapped" in english[-1]  # the CLI's words
    win = _zh_editor(qtbot, Document([]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(srt), ""))
    win.menus.by_name["import"].trigger()
    box = win.files.problem_box
    details = box.detailedText()
    assert "时间行 '00:00:0x,000 --> 00:00:04,000' 无法读取；该条字幕已跳过。" in details, details
    assert "结束早于开始；已交换开始和结束时间。" in details, details
    assert not _english_words(details), details
    box.close()


def test_beautify_without_the_video_says_why_in_chinese(chinese, own_dirs, qtbot, speech_en):
    from subtitler.core.document.model import Document
    from subtitler.core.document.cues import Cue

    win = _zh_editor(qtbot, Document([Cue(300, 1800, "大家好。"), Cue(2000, 3000, "今天讲第一课。")]), speech_en[0])
    win.menus.by_name["beautify_all"].trigger()  # an audio file: no frame rate to snap to
    text = win.statusBar().currentMessage()
    assert text == "美化时间轴需要视频：帧率未知（没有视频，或视频文件不见了）。", text
    assert [(c.start, c.end) for c in win.document.cues] == [(300, 1800), (2000, 3000)]  # nothing changed


def test_an_empty_chat_model_name_is_said_in_chinese(chinese, own_dirs, qtbot, monkeypatch):
    from PySide6.QtCore import Qt

    from subtitler.core.document.model import Document
    from tests.test_translate import lecture_cues

    monkeypatch.setenv("ZHIPUAI_API_KEY", "sk-chat-secret-0123456789")
    doc = Document(lecture_cues(2))
    win = _zh_editor(qtbot, doc)
    win.menus.by_name["translate"].trigger()
    dlg = win.translation.dialog
    dlg.model_box.setCurrentText("   ")  # the user cleared the model box
    qtbot.mouseClick(dlg.start_button, Qt.MouseButton.LeftButton)
    assert dlg.status.text() == "对话模型名称为空。" and not dlg.running()
    assert not doc.can_undo()


def test_library_failures_are_said_in_words_not_class_names(qapp):
    """Issue 21, defect 10b: exception class names (NoKeyringError, LocalEntryNotFoundError,
    ConnectError) showed in sentences, in Chinese too. failure_kind says what failed."""
    import errno
    import socket

    import httpx
    from huggingface_hub.errors import LocalEntryNotFoundError
    from keyring.errors import NoKeyringError

    from subtitler.core.foundation.errors import failure_kind
    from subtitler.core.foundation.secrets import keyring_failure
    from subtitler.gui import i18n

    cases = [(LocalEntryNotFoundError("offline"), "fail.offline"), (httpx.ConnectError("x"), "fail.no_connection"),
             (httpx.ConnectTimeout("x"), "fail.timeout"), (httpx.RemoteProtocolError("x"), "fail.connection_lost"),
             (httpx.LocalProtocolError("x"), "fail.bad_request"), (socket.gaierror("x"), "fail.no_connection"),
             (PermissionError("x"), "fail.permission"), (OSError(errno.ENOSPC, "full"), "os.disk_full"),
             (RuntimeError("boom"), "fail.unexpected")]
    for exc, code in cases:
        assert failure_kind(exc).code == code, exc
    assert keyring_failure(NoKeyringError("x")).code == "keyring.none"
    try:
        i18n.install_translators(qapp, QLocale("zh_CN"))
        for exc, _ in cases:
            words = say(failure_kind(exc))
            assert type(exc).__name__ not in words and not re.search(r"[A-Za-z]{3,}", words), words
        assert say(keyring_failure(NoKeyringError("x"))) == "没有安装或运行密钥环服务"
    finally:
        i18n.install_translators(qapp, QLocale("en_US"))
