"""The queue's words in the user's language. The core's job model (:mod:`subtitler.core.app.queue`) gives
its labels as Reasons (status, engine, price, the running step), said through :func:`.reasons.say`; the
lines put together here from its numbers are plural-aware (``%n``, context ``Queue``). Also the
editor's cue problems and undo labels (Reasons too), profiles and language names."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..core.app.queue import ENGINE_LABEL, STATUS_LABEL, WAITING, Job, JobList, Status
from ..core.foundation.errors import Reason
from ..core.foundation.timecode import format_clock
from .reasons import say


def status_label(status: Status) -> str:
    return say(STATUS_LABEL[status])


def engine_label(engine: str) -> str:
    return say(ENGINE_LABEL.get(engine, engine))


def price_text(job: Job) -> str:
    return say(job.price_text())


def eta_text(seconds) -> str:
    if seconds is None:
        return ""
    time = format_clock(int(seconds * 1000), rounded=True)
    return QCoreApplication.translate("Queue", "ETA {time}").format(time=time)


def step_text(step: str) -> str:
    """The core's step (``Job.step``: a Reason, e.g. ``step.extracting`` or a GLM-ASR notice) in the
    user's language."""
    return say(step or Reason("step.starting"))


def status_text(job: Job) -> str:
    if job.status == Status.FAILED:
        return say(job.error) or status_label(Status.FAILED)
    if job.status == Status.RUNNING:
        parts = [step_text(job.step)]
        if job.cues:
            parts.append(QCoreApplication.translate("Queue", "%n cue(s) so far", None, len(job.cues)))
        if job.eta_s is not None:
            parts.append(eta_text(job.eta_s))
        return " · ".join(parts)
    if job.status in (Status.DONE, Status.GAPS) and job.result is not None:
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


def gaps_hint() -> str:
    return QCoreApplication.translate("Queue", "Retry gaps (Ctrl+G) sends only the missing pieces again.")


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
                         (Status.GAPS, QCoreApplication.translate("Queue", "%n with gaps", None, counts[Status.GAPS])),
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


# -- the editor's reading-profile problems (core.app.edits.cue_problems: Reasons) and cue flags -----------
def problem_text(problem: str) -> str:
    """One of the core's problem sentences in the user's language (a flag typed by a user as it is)."""
    return say(problem)


flag_text = problem_text


# -- undo steps: the document's labels are Reasons (``undo.*``) -------------------------------------------
def edit_label(label: str) -> str:
    """An undo step's label (``Document.undo_label()``) in the user's language."""
    if isinstance(label, Reason) and label.code == "undo.translate":  # the language by its name, not its code
        from ..core.text.languages import language_name
        from .i18n import ui_language

        label = Reason("undo.translate", language=language_name(label.params["language"], ui_language()))
    return say(label)


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
