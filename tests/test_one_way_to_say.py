"""One way to say things (issue 22, item 3): every sentence the core shows a user is a Reason
(``core.foundation.errors``: a code of ``MESSAGES`` and its parameters), never a plain English string;
the desktop app translates it from the code (``gui/reasons.py``), never by parsing the English back.

An ``ast`` scan of the core and the command line fails on:

- an exception of the project's hierarchy (``SubtitlerError`` and everything under it) raised with a
  string literal or an f-string (or a literal's ``.format``/``%``/``+``) instead of a Reason;
- an undo label, a job's progress step, a cue problem, a Beautify reason or a file-name pattern
  problem made from a literal.

Its allow-list (``PLAIN_RAISES``) names what is still plain; it may only shrink. The Chinese side
(every code has a finished translation) is checked by ``tests/gui/test_reasons_zh.py`` and
``tests/gui/test_i18n.py``.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from subtitler.core.foundation.errors import MESSAGES, Reason

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "subtitler"
CORE_AND_CLI = sorted([*(PACKAGE / "core").rglob("*.py"), *PACKAGE.glob("cli*.py")])
FRONTS = sorted(PACKAGE.rglob("*.py"))  # labels are handed to the core by the GUI too

# "path:line" of raises still made with a plain sentence; may only shrink (none left today)
PLAIN_RAISES: set[str] = set()

# the GUI modules that used to parse the core's English with regular expressions
NO_PARSING = ["gui/words.py", "gui/reasons.py", "gui/editor/beautify_panel.py", "gui/dialogs/export_dialog.py",
              "gui/editor/chat_dialog.py", "gui/queue_model.py"]


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text("utf-8"), str(path))


def _rel(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _plain(node: ast.AST | None) -> bool:
    """A sentence written in place: a string literal (not empty), an f-string, or one made from them."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(node.value)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):  # "..." + x, "..." % x
        return _plain(node.left) or _plain(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):  # "...".format(...)
        return node.func.attr == "format" and _plain(node.func.value)
    if isinstance(node, ast.IfExp):
        return _plain(node.body) or _plain(node.orelse)
    return False


def _hierarchy() -> set[str]:
    """Names of the classes under SubtitlerError anywhere in the package."""
    bases: dict[str, set[str]] = {}
    for path in FRONTS:
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(
                    b.id if isinstance(b, ast.Name) else b.attr if isinstance(b, ast.Attribute) else ""
                    for b in node.bases)
    found = {"SubtitlerError"}
    while True:
        more = {name for name, parents in bases.items() if parents & found} - found
        if not more:
            return found
        found |= more


def _called(call: ast.Call) -> str:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def plain_raises() -> list[str]:
    ours = _hierarchy()
    out = []
    for path in CORE_AND_CLI:
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and _called(node.exc) in ours:
                args = [*node.exc.args, *(k.value for k in node.exc.keywords if k.arg == "message")]
                if args and _plain(args[0]):
                    out.append(f"{_rel(path)}:{node.lineno}")
    return out


# call -> the positions (and keyword) of its label argument
LABEL_ARGS = {"Edit": (0, "label"), "replace_cues": (1, "label"), "set_prop": (2, "label"),
              "set_times": (None, "label"), "_replace": (0, "label"), "_times_edit": (2, "label"),
              "edit": (0, "label"), "apply_to": (1, "label"), "beautify_document": (None, "label")}


def plain_labels() -> list[str]:
    out = []
    for path in FRONTS:
        tree = _tree(path)
        where = _rel(path)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called(node) in LABEL_ARGS:
                pos, kw = LABEL_ARGS[_called(node)]
                args = [k.value for k in node.keywords if k.arg == kw]
                if pos is not None and len(node.args) > pos:
                    args.append(node.args[pos])
                out += [f"{where}:{node.lineno}: label" for a in args if _plain(a)]
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                params = node.args.args + node.args.kwonlyargs
                defaults = [None] * (len(node.args.args) - len(node.args.defaults)) + list(node.args.defaults)
                defaults += list(node.args.kw_defaults)
                out += [f"{where}:{node.lineno}: default label" for p, d in zip(params, defaults)
                        if p.arg == "label" and _plain(d)]
            # a job's step, a Beautify reason (self.why[…] = …), said in place
            if isinstance(node, ast.Assign) and _plain(node.value):
                for target in node.targets:
                    if (isinstance(target, ast.Attribute) and target.attr == "step") or (
                            isinstance(target, ast.Subscript) and isinstance(target.value, ast.Attribute)
                            and target.value.attr == "why"):
                        out.append(f"{where}:{node.lineno}: step or reason")
    return out


def _function(path: Path, name: str) -> ast.FunctionDef:
    return next(n for n in ast.walk(_tree(path)) if isinstance(n, ast.FunctionDef) and n.name == name)


def plain_problems() -> list[str]:
    """Cue problems, Beautify reasons and pattern problems said in place."""
    out = []
    cue_problems = _function(PACKAGE / "core/app/edits.py", "cue_problems")
    out += [f"cue_problems:{n.lineno}" for n in ast.walk(cue_problems)
            if isinstance(n, ast.Call) and _called(n) == "append" and n.args and _plain(n.args[0])]
    pattern = _function(PACKAGE / "core/foundation/outputs.py", "pattern_problem")
    out += [f"pattern_problem:{n.lineno}" for n in ast.walk(pattern) if isinstance(n, ast.Return) and _plain(n.value)]
    beautify = _tree(PACKAGE / "core/timing/beautify.py")
    kinds = next(n for n in ast.walk(beautify) if isinstance(n, ast.FunctionDef) and n.name == "drag_snap")
    # (drag_snap returns a kind, "frame" or "shot change", that the editor compares, not words)
    skip = {id(n) for n in ast.walk(kinds)}
    for n in ast.walk(beautify):
        if id(n) in skip:
            continue
        if isinstance(n, ast.Call) and _called(n) == "set" and len(n.args) == 4 and _plain(n.args[3]):
            out.append(f"beautify set:{n.lineno}")
        if isinstance(n, ast.Tuple) and any(_plain(e) for e in n.elts) and any(
                isinstance(p, ast.Call) and _called(p) == "append" and n in p.args for p in ast.walk(beautify)):
            out.append(f"beautify candidate:{n.lineno}")
        if isinstance(n, ast.Return) and isinstance(n.value, ast.Tuple) and any(_plain(e) for e in n.value.elts):
            out.append(f"beautify return:{n.lineno}")
    return out


def test_the_scan_sees_plain_sentences():
    def scan(code: str) -> list[bool]:
        raise_ = next(n for n in ast.walk(ast.parse(code)) if isinstance(n, ast.Raise))
        assert isinstance(raise_.exc, ast.Call)
        return [_plain(a) for a in raise_.exc.args]

    assert scan("raise UsageError('no such thing.')") == [True]
    assert scan("raise UsageError(f'{x}: no such thing.')") == [True]
    assert scan("raise UsageError('{x}'.format(x=1))") == [True]
    assert scan("raise UsageError('a' + b)") == [True]
    assert scan("raise UsageError(Reason('edit.select_first'))") == [False]
    assert scan("raise UsageError(reason)") == [False]
    assert {"UsageError", "MediaError", "ChunkError", "Cancelled"} <= _hierarchy()


def test_no_error_of_the_hierarchy_is_raised_with_a_plain_sentence():
    found = set(plain_raises())
    new = sorted(found - PLAIN_RAISES)
    assert not new, f"raise a Reason (a code in core.foundation.errors.MESSAGES), not a plain sentence: {new}"
    assert not PLAIN_RAISES - found, f"converted: take them off PLAIN_RAISES: {sorted(PLAIN_RAISES - found)}"


def test_undo_labels_and_steps_are_reasons():
    assert not plain_labels(), plain_labels()


def test_cue_problems_beautify_reasons_and_pattern_problems_are_reasons():
    assert not plain_problems(), plain_problems()


def test_the_core_objects_carry_codes():
    from subtitler.core.app.edits import cue_problems
    from subtitler.core.app.queue import ENGINE_LABEL, STATUS_LABEL, Job, Status
    from subtitler.core.document.cues import Cue
    from subtitler.core.document.model import Document
    from subtitler.core.foundation.outputs import pattern_problem
    from subtitler.core.foundation.progress import Progress
    from subtitler.core.timing.rules import PROFILES

    problems = cue_problems([Cue(0, 400, "a much too long line of text for so short a time " * 2)], 0,
                            PROFILES["netflix-en"])
    assert problems and all(isinstance(p, Reason) for p in problems)
    assert [p.code for p in problems][:1] == ["problem.too_fast"]
    job = Job(Path("a.wav"))
    job.start("local", now=0.0)
    for progress, code in ((Progress("extract", 0.5), "step.extracting"), (Progress("transcribe", 0.1, "", 0, 8),
                                                                            "step.transcribing_piece")):
        job.apply_progress(progress, now=1.0)
        assert isinstance(job.step, Reason) and job.step.code == code
    assert job.step == "Transcribing piece 1 of 8"  # the English is the same sentence
    assert all(isinstance(label, Reason) for label in STATUS_LABEL.values()) and len(STATUS_LABEL) == len(Status)
    assert isinstance(ENGINE_LABEL["local"], Reason)
    doc = Document([Cue(0, 1000, "a")])
    doc.set_text(0, "b")
    assert isinstance(doc.undo_label(), Reason) and doc.undo_label().code == "undo.edit_text"
    for pattern in ("", "{stem}/{ext}", "{name}.{ext}", "{stem!r}.{ext}", "{stem"):
        problem = pattern_problem(pattern, ["srt", "vtt"])
        assert isinstance(problem, Reason), pattern
    assert pattern_problem("{stem}.{ext}", ["srt", "vtt"]) == ""


@pytest.mark.parametrize("module", NO_PARSING)
def test_the_gui_does_not_parse_the_cores_english(module):
    text = (PACKAGE / module).read_text("utf-8")
    assert not re.search(r"^\s*(import re\b|from re import)", text, re.M), f"{module} parses text with re"


def test_every_template_formats_with_its_own_fields():
    for code, template in MESSAGES.items():
        fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        assert template.format(**dict.fromkeys(fields, "x")), code
