"""The queue's words in the user's language: the core's job model (:mod:`subtitler.core.app.queue`) keeps
its English labels for logs and the command line; the window shows these, translated through Qt
(context ``Queue``). Numbers are plural-aware (``%n``)."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..core.app.queue import WAITING, Job, JobList, Status
from ..core.foundation.timecode import format_clock
from .reasons import say


def status_label(status: Status) -> str:
    return {
        Status.PROBING: QCoreApplication.translate("Queue", "Reading…"),
        Status.QUEUED: QCoreApplication.translate("Queue", "Queued"),
        Status.RUNNING: QCoreApplication.translate("Queue", "Running"),
        Status.CANCELLING: QCoreApplication.translate("Queue", "Cancelling…"),
        Status.DONE: QCoreApplication.translate("Queue", "Done"),
        Status.FAILED: QCoreApplication.translate("Queue", "Failed"),
        Status.CANCELLED: QCoreApplication.translate("Queue", "Cancelled"),
    }[status]


def engine_label(engine: str) -> str:
    if engine == "glm":
        return "GLM-ASR"
    return QCoreApplication.translate("Queue", "Local")


def price_text(job: Job) -> str:
    if job.engine != "glm":
        return QCoreApplication.translate("Queue", "free")
    cost = job.cost_rmb
    return "…" if cost is None else f"≈ ¥{cost:.2f}"


def eta_text(seconds) -> str:
    if seconds is None:
        return ""
    time = format_clock(int(seconds * 1000), rounded=True)
    return QCoreApplication.translate("Queue", "ETA {time}").format(time=time)


_STEPS = (
    (re.compile(r"Extracting audio (\d+)%"), lambda m: QCoreApplication.translate(
        "Queue", "Extracting audio {percent}%").format(percent=m[1])),
    (re.compile(r"Downloading the model (\d+)%"), lambda m: QCoreApplication.translate(
        "Queue", "Downloading the model {percent}%").format(percent=m[1])),
    (re.compile(r"Transcribing piece (\d+) of (\d+)"), lambda m: QCoreApplication.translate(
        "Queue", "Transcribing piece {done} of {total}").format(done=m[1], total=m[2])),
)


def step_text(step: str) -> str:
    """The core's step words (``Job.step``) in the user's language."""
    fixed = {"Reading media": QCoreApplication.translate("Queue", "Reading media"),
             "Finding speech": QCoreApplication.translate("Queue", "Finding speech"),
             "Transcribing": QCoreApplication.translate("Queue", "Transcribing"),
             "Timing cues": QCoreApplication.translate("Queue", "Timing cues"),
             "Starting": QCoreApplication.translate("Queue", "Starting"),
             "Done": QCoreApplication.translate("Queue", "Done")}
    if step in fixed:
        return fixed[step]
    for pattern, words in _STEPS:
        m = pattern.fullmatch(step)
        if m:
            return words(m)
    return say(step)  # e.g. a GLM-ASR notice ("no answer from … for 10 s")


def status_text(job: Job) -> str:
    if job.status == Status.FAILED:
        return say(job.error) or status_label(Status.FAILED)
    if job.status == Status.RUNNING:
        parts = [step_text(job.step or "Starting")]
        if job.cues:
            parts.append(QCoreApplication.translate("Queue", "%n cue(s) so far", None, len(job.cues)))
        if job.eta_s is not None:
            parts.append(eta_text(job.eta_s))
        return " · ".join(parts)
    if job.status == Status.DONE and job.result is not None:
        result = job.result
        outcome = status_label(Status.DONE)
        gaps = getattr(result, "failed_chunks", 0)
        if gaps:  # the core's JobResult.outcome(), in words
            outcome = QCoreApplication.translate("Queue", "Done with %n gap(s) ({time} of audio)", None, gaps).format(
                time=format_clock(getattr(result, "gap_ms", 0)))
        damage = getattr(result, "damage", "")
        if damage:
            outcome += QCoreApplication.translate("Queue", ", but {damage}").format(damage=say(damage))
        parts = [outcome, QCoreApplication.translate("Queue", "%n cue(s)", None, len(result.document.cues))]
        flagged = getattr(result, "flagged_cues", 0)
        if flagged:
            parts.append(QCoreApplication.translate("Queue", "%n to review", None, flagged))
        return " · ".join(parts)
    return status_label(job.status)


def summary(book: JobList) -> str:
    jobs = book.jobs()
    if not jobs:
        return QCoreApplication.translate("Queue", "No files yet")
    parts = [QCoreApplication.translate("Queue", "%n file(s)", None, len(jobs))]
    counts = {s: sum(1 for j in jobs if j.status == s) for s in Status}
    for status, text in ((Status.RUNNING, QCoreApplication.translate("Queue", "%n running", None,
                                                                     counts[Status.RUNNING])),
                         (Status.QUEUED, QCoreApplication.translate("Queue", "%n queued", None, counts[Status.QUEUED])),
                         (Status.DONE, QCoreApplication.translate("Queue", "%n done", None, counts[Status.DONE])),
                         (Status.FAILED, QCoreApplication.translate("Queue", "%n failed", None, counts[Status.FAILED])),
                         (Status.CANCELLED, QCoreApplication.translate("Queue", "%n cancelled", None,
                                                                        counts[Status.CANCELLED]))):
        if counts[status]:
            parts.append(text)
    pending = [c for c in (j.cost_rmb for j in jobs if j.status in WAITING) if c is not None]
    if pending:
        parts.append(QCoreApplication.translate("Queue", "cloud cost of queued files ≈ ¥{cost}")
                     .format(cost=f"{sum(pending):.2f}"))
    return " · ".join(parts)


# -- the editor's reading-profile problems (core.app.edits.cue_problems) ----------------------------------
_PROBLEMS = (
    (r"ends before it starts", (),
     lambda: QCoreApplication.translate("Problems", "ends before it starts")),
    (r"too fast: ([\d.]+) characters/s \(max ([\d.]+)\)", ("value", "max"),
     lambda: QCoreApplication.translate("Problems", "too fast: {value} characters/s (max {max})")),
    (r"(\d+) lines \(max (\d+)\)", ("count", "max"),
     lambda: QCoreApplication.translate("Problems", "{count} lines (max {max})")),
    (r"line too long: (\d+(?:\.\d+)?) characters \(max (\d+)\)", ("count", "max"),
     lambda: QCoreApplication.translate("Problems", "line too long: {count} characters (max {max})")),
    (r"too short: (\d+) ms \(min (\d+)\)", ("ms", "min"),
     lambda: QCoreApplication.translate("Problems", "too short: {ms} ms (min {min})")),
    (r"too long: (\d+) ms \(max (\d+)\)", ("ms", "max"),
     lambda: QCoreApplication.translate("Problems", "too long: {ms} ms (max {max})")),
    (r"overlaps cue (\d+)", ("number",),
     lambda: QCoreApplication.translate("Problems", "overlaps cue {number}")),
    (r"gap to next below (\d+) ms", ("ms",),
     lambda: QCoreApplication.translate("Problems", "gap to next below {ms} ms")),
    (r"no text", (),
     lambda: QCoreApplication.translate("Problems", "no text")),
    (re.escape("the service blocked this part (content safety); transcribe it by hand"), (),  # a cue flag
     lambda: QCoreApplication.translate("Problems", "the service blocked this part (content safety); "
                                        "transcribe it by hand")),
)
_PROBLEM_RES = tuple((re.compile(p), names, words) for p, names, words in _PROBLEMS)


def problem_text(problem: str) -> str:
    """One of the core's problem sentences in the user's language (others, e.g. an engine's flag,
    as they are)."""
    for pattern, names, words in _PROBLEM_RES:
        m = pattern.fullmatch(problem)
        if m:
            return words().format(**dict(zip(names, m.groups())))
    return problem


flag_text = problem_text


# -- undo steps: the document keeps English labels; menus show them translated ----------------------
EDIT_LABELS = (
    QT_TRANSLATE_NOOP("Edits", "Change reading profile"), QT_TRANSLATE_NOOP("Edits", "Change style"),
    QT_TRANSLATE_NOOP("Edits", "Attach media"), QT_TRANSLATE_NOOP("Edits", "Add track"),
    QT_TRANSLATE_NOOP("Edits", "Edit translation"), QT_TRANSLATE_NOOP("Edits", "Change timing"),
    QT_TRANSLATE_NOOP("Edits", "Edit text"), QT_TRANSLATE_NOOP("Edits", "Flag"),
    QT_TRANSLATE_NOOP("Edits", "Clear flag"), QT_TRANSLATE_NOOP("Edits", "Insert cue"),
    QT_TRANSLATE_NOOP("Edits", "Delete cues"), QT_TRANSLATE_NOOP("Edits", "Split cue"),
    QT_TRANSLATE_NOOP("Edits", "Merge cues"), QT_TRANSLATE_NOOP("Edits", "Shift times"),
    QT_TRANSLATE_NOOP("Edits", "Replace cues"), QT_TRANSLATE_NOOP("Edits", "Nudge start"),
    QT_TRANSLATE_NOOP("Edits", "Nudge end"), QT_TRANSLATE_NOOP("Edits", "Move cue"),
    QT_TRANSLATE_NOOP("Edits", "Set start"), QT_TRANSLATE_NOOP("Edits", "Set end"),
    QT_TRANSLATE_NOOP("Edits", "Replace text"), QT_TRANSLATE_NOOP("Edits", "Fix timing"),
    QT_TRANSLATE_NOOP("Edits", "Change start"), QT_TRANSLATE_NOOP("Edits", "Change end"),
    QT_TRANSLATE_NOOP("Edits", "Change duration"), QT_TRANSLATE_NOOP("Edits", "Transcribed"),
    QT_TRANSLATE_NOOP("Edits", "Re-transcribe"), QT_TRANSLATE_NOOP("Edits", "Drag start"),
    QT_TRANSLATE_NOOP("Edits", "Drag end"),
)


def edit_label(label: str) -> str:
    """An undo step's label (``Document.undo_label()``) in the user's language."""
    if label.startswith("Import "):
        return QCoreApplication.translate("Edits", "Import {name}").format(name=label[len("Import "):])
    m = re.fullmatch(r"Translate into (\S+)", label)  # core.delivery.translate.attach_translation
    if m:
        from ..core.text.languages import language_name
        from .i18n import ui_language

        return QCoreApplication.translate("Edits", "Translate into {language}").format(
            language=language_name(m.group(1), ui_language()))
    m = re.fullmatch(r"Polish (\d+) cues", label)  # core.delivery.translate.apply_polish
    if m:
        return QCoreApplication.translate("Edits", "Correct %n cue(s)", None, int(m.group(1)))
    return QCoreApplication.translate("Edits", label)


# -- reading profiles (core.timing.rules.PROFILES) ------------------------------------------------------------
PROFILE_LABELS = (
    QT_TRANSLATE_NOOP("Profiles", "Netflix-like English"),
    QT_TRANSLATE_NOOP("Profiles", "Netflix-like other Latin languages"),
    QT_TRANSLATE_NOOP("Profiles", "Netflix-like Simplified Chinese"),
    QT_TRANSLATE_NOOP("Profiles", "Amazon-like"),
    QT_TRANSLATE_NOOP("Profiles", "Short-form video (vertical)"),
    QT_TRANSLATE_NOOP("Profiles", "Subtitle Edit defaults"),
)


def profile_label(profile) -> str:
    return QCoreApplication.translate("Profiles", profile.label)


# -- languages by name ---------------------------------------------------------------------------------
def fill_languages(box, current: str) -> None:
    """Languages by name in the UI's language (自动检测, 中文（简体）, English…), codes as item data."""
    from ..core.text.languages import language_choices, normalise_language
    from .i18n import ui_language

    box.clear()
    for code, name in language_choices(ui_language()):
        box.addItem(name, code)
    code = normalise_language(current)
    index = box.findData(code)
    if index < 0:  # a code the table does not know: kept, shown as typed
        box.addItem(current, code)
        index = box.count() - 1
    box.setCurrentIndex(index)
