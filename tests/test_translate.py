"""Translation and polish over real HTTP against the stand-in chat server (tests/support/chat_server.py):
every misbehaviour of the model leaves exactly the original cues with their original times."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as settings_h
from hypothesis import strategies as st

from subtitler.core.document.model import Document

from subtitler.core.document.cues import Cue
from subtitler.core.engines.glm_settings import GlmSettings
from subtitler.core.foundation.errors import AuthError, Cancelled, EngineError, UsageError
from subtitler.core.foundation.progress import CancelToken
from subtitler.core.timing.rules import PROFILES, break_lines
from subtitler.core.delivery.translate import (
    FLAG_BLOCKED,
    BadAnswer,
    ChatSettings,
    PolishChange,
    apply_polish,
    check_answer,
    extract_object,
    polish_cues,
    translate_cues,
)
from tests.support.chat_server import ALL_KINDS, REPAIRABLE, ChatServer, fake_translate

KEY = "sk-chat-secret-0123456789"
FIX = Path(__file__).resolve().parent / "fixtures"


def lecture_cues(n: int) -> list[Cue]:
    """``n`` cues of the English fixture's sentences (numbered, so no two read alike) on its times."""
    utts = json.loads((FIX / "speech_en.json").read_text("utf-8"))["utterances"]
    out, t = [], 0
    for k in range(n):
        u = utts[k % len(utts)]
        dur = u["end_ms"] - u["start_ms"]
        out.append(Cue(t + 317, t + 317 + dur, f"{u['text']} Part {k}."))
        t += dur + 853
    return out


def settings(server: ChatServer, tmp_path: Path, **kw) -> ChatSettings:
    glm = GlmSettings(api_key=KEY, base_url=server.base_url, concurrency=kw.pop("concurrency", 5),
                      backoff_s=0.01, backoff_max_s=0.05, cache_dir=tmp_path / "glm")
    return ChatSettings(glm=glm, cache_dir=tmp_path / "chat", **kw)


def assert_exact(cues: list[Cue], out: list[Cue], target: str = "zh", *, allow_flags: bool = False) -> None:
    """Same count, every cue with its own start and end, and its own translation (or a flag)."""
    assert len(out) == len(cues)
    for c, t in zip(cues, out):
        assert (t.start, t.end) == (c.start, c.end)
        if allow_flags and t.flag:
            assert t.text == ""
            continue
        assert not t.flag, t.flag
        assert t.text == expected(c.text, target)


def expected(text: str, target: str) -> str:
    """The stand-in's translation, broken by the target language's line rules."""
    return break_lines(fake_translate(text, target), PROFILES["netflix-zh" if target == "zh" else "netflix-en"])


@pytest.fixture
def server():
    srv = ChatServer(api_key=KEY, scale=0.005).start()
    yield srv
    srv.stop()


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_each_misbehaviour_keeps_every_cue_and_its_times(server, tmp_path, kind):
    server.config.kinds = (kind,)
    server.config.misbehave_rate = 0.35
    server.config.seed = 7
    cues = lecture_cues(47)
    result = translate_cues(cues, "zh", source="en",
                            settings=settings(server, tmp_path, batch_cues=12, bad_answer_tries=4))
    assert server.counters.misbehaved[kind] > 0
    assert_exact(cues, result.cues, allow_flags=kind in ("sensitive", "1301"))
    if kind not in ("sensitive", "1301"):
        assert result.flagged == 0
    s = result.stats
    assert s.total_tokens == server.counters.prompt_tokens + server.counters.completion_tokens  # all billed counted
    if kind in REPAIRABLE[1:]:  # fences, prose, wrappers are repaired, not re-asked
        assert sum(s.repaired.values()) == server.counters.misbehaved[kind] and not s.bad_answers
    elif kind in ("429", "500", "drop", "network_error"):
        assert s.retries >= server.counters.misbehaved[kind] and not s.bad_answers
    elif kind not in ("list", "sensitive", "1301"):
        assert sum(s.bad_answers.values()) == server.counters.misbehaved[kind]
        assert s.splits > 0


@pytest.mark.parametrize("kind", ["missing", "merged", "renumbered", "shifted", "empty", "length", "notjson"])
def test_a_model_that_always_misbehaves_never_invents_a_cue(server, tmp_path, kind):
    server.config.kinds = (kind,)
    server.config.misbehave_rate = 1.0
    cues = lecture_cues(10)
    result = translate_cues(cues, "zh", settings=settings(server, tmp_path, batch_cues=5, bad_answer_tries=2))
    assert [(c.start, c.end) for c in result.cues] == [(c.start, c.end) for c in cues]
    assert all(c.text == "" and c.flag.startswith("not translated") for c in result.cues)
    assert result.stats.failed == 10
    # each batch of 5 is asked whole, then as 2 + 3, then 2 → 1 + 1 (4 requests), then each of
    # its 5 single cues twice (bad_answer_tries): 14 requests a batch, then it gives up
    assert result.stats.requests == 2 * 14 and result.stats.splits == 2 * 4


def test_everything_at_once_with_429s_and_a_small_account(server, tmp_path):
    server.config.misbehave_rate = 0.3
    server.config.limit = 3  # the user asks for 5 in flight; the account allows 3
    server.config.seed = 3
    cues = lecture_cues(160)
    result = translate_cues(cues, "zh", source="en", settings=settings(server, tmp_path, batch_cues=10))
    assert_exact(cues, result.cues, allow_flags=True)
    flagged = [c for c in result.cues if c.flag]
    assert all(c.flag == FLAG_BLOCKED for c in flagged)  # only content-safety blocks remain
    assert len(flagged) <= 3
    assert server.counters.c429 > 0 and result.stats.rate_limited > 0
    assert server.counters.max_in_flight <= 5
    assert result.stats.total_tokens == server.counters.prompt_tokens + server.counters.completion_tokens


def test_a_rerun_is_answered_from_the_cache(server, tmp_path):
    server.config.misbehave_rate = 0.3
    server.config.kinds = tuple(k for k in ALL_KINDS if k not in ("sensitive", "1301"))
    cues = lecture_cues(60)
    first = translate_cues(cues, "zh", settings=settings(server, tmp_path, batch_cues=8))
    assert first.flagged == 0 and first.stats.total_tokens > 0
    server.reset_counters()
    again = translate_cues(cues, "zh", settings=settings(server, tmp_path, batch_cues=8))
    assert server.counters.requests == 0
    assert again.stats.cached == again.stats.batches == 8 and again.stats.total_tokens == 0
    assert [c.text for c in again.cues] == [c.text for c in first.cues]
    # another target language is another cache entry
    other = translate_cues(cues, "fr", settings=settings(server, tmp_path, batch_cues=8))
    assert server.counters.requests > 0
    assert_exact(cues, other.cues, "fr")


def test_requests_carry_ids_context_glossary_and_the_documented_fields(server, tmp_path):
    cues = lecture_cues(9)
    translate_cues(cues, "zh", source="en", glossary=["Fourier", "Nyquist", "Fourier"],
                   settings=settings(server, tmp_path, batch_cues=4, context_cues=2, model="glm-4.7-flash"))
    bodies = sorted(server.counters.bodies, key=lambda b: int(next(iter(json.loads(b["messages"][1]["content"])["cues"]))))
    assert len(bodies) == 3
    users = [json.loads(b["messages"][1]["content"]) for b in bodies]
    assert [list(u["cues"]) for u in users] == [["1", "2", "3", "4"], ["5", "6", "7", "8"], ["9"]]
    assert users[0]["context_before"] == [] and users[0]["context_after"] == [cues[4].text, cues[5].text]
    assert users[1]["context_before"] == [cues[2].text, cues[3].text]
    assert users[2]["context_after"] == []
    for b, u in zip(bodies, users):
        assert b["model"] == "glm-4.7-flash"
        assert b["thinking"] == {"type": "disabled"} and b["response_format"] == {"type": "json_object"}
        assert b["messages"][0]["role"] == "system" and "Simplified Chinese" in b["messages"][0]["content"]
        assert u["glossary"] == ["Fourier", "Nyquist"] and u["target_language"] == "zh"
        assert b["max_tokens"] > 256


def test_a_blocked_cue_is_found_and_flagged_alone(server, tmp_path):
    server.config.blocked_words = ("Part 13.",)
    cues = lecture_cues(30)
    result = translate_cues(cues, "zh", settings=settings(server, tmp_path, batch_cues=10))
    flagged = [i for i, c in enumerate(result.cues) if c.flag]
    assert flagged == [13] and result.cues[13].flag == FLAG_BLOCKED and result.cues[13].text == ""
    assert result.stats.blocked == 1
    assert_exact(cues[:13] + cues[14:], result.cues[:13] + result.cues[14:])


def test_empty_and_flagged_cues_are_not_sent_and_keep_their_place(server, tmp_path):
    cues = lecture_cues(5)
    cues.insert(2, Cue(99000, 99500, "", "the service blocked this part"))
    result = translate_cues(cues, "zh", settings=settings(server, tmp_path))
    assert len(result.cues) == 6 and result.cues[2] == Cue(99000, 99500, "", "the service blocked this part")
    assert sum(len(json.loads(b["messages"][1]["content"])["cues"]) for b in server.counters.bodies) == 5


def test_each_target_language_is_broken_by_its_own_line_rules(server, tmp_path):
    long = [Cue(0, 6000, "Today we talk about sampling, filters and the discrete Fourier transform, and more.")]
    fr = translate_cues(long, "fr", settings=settings(server, tmp_path)).cues[0].text
    assert all(len(line) <= 42 for line in fr.split("\n"))
    assert len(fr.split("\n")) == 2 and fr.replace("\n", " ") == fake_translate(long[0].text, "fr")
    zh = translate_cues(long, "zh", settings=settings(server, tmp_path)).cues[0].text
    assert len(zh.split("\n")) == 2 and all(len(line) <= 16 for line in zh.split("\n"))


def test_polish_returns_reviewable_changes_and_applies_as_one_undo_step(server, tmp_path):
    server.config.corrections = {"Fury A": "Fourier", "sampel": "sample", "processing": "PROCESSING STUFF " * 5}
    cues = [Cue(0, 2000, "The Fury A transform."), Cue(2500, 4000, "We sampel the signal."),
            Cue(4500, 6000, "Nothing to fix here."), Cue(6500, 8000, "Signal processing.")]
    result = polish_cues(cues, language="en", glossary=["Fourier"], settings=settings(server, tmp_path))
    assert result.changes == [PolishChange(0, "The Fury A transform.", "The Fourier transform."),
                              PolishChange(1, "We sampel the signal.", "We sample the signal.")]
    assert result.stats.bad_answers["implausible correction"] == 1  # cue 3 was rewritten wholesale
    body = json.loads(server.counters.bodies[0]["messages"][1]["content"])
    assert body["task"] == "polish" and body["glossary"] == ["Fourier"]
    doc = Document(list(cues))
    edit = apply_polish(doc, result.changes[1:])  # the user rejected the first change
    assert edit is not None and edit.label == "Correct 1 cue" and edit.label.code == "undo.polish_one"
    assert [c.text for c in doc.cues] == ["The Fury A transform.", "We sample the signal.",
                                          "Nothing to fix here.", "Signal processing."]
    assert [(c.start, c.end) for c in doc.cues] == [(c.start, c.end) for c in cues]
    doc.undo()
    assert doc.cues == cues


def test_key_problems_stop_and_never_show_the_key(server, tmp_path):
    s = settings(server, tmp_path)
    s.glm.api_key = type(s.glm.api_key)("sk-wrong-key-must-not-leak")
    with pytest.raises(AuthError) as err:
        translate_cues(lecture_cues(3), "zh", settings=s)
    assert "sk-wrong" not in str(err.value)
    s.glm.api_key = type(s.glm.api_key)("")
    with pytest.raises(AuthError):
        translate_cues(lecture_cues(3), "zh", settings=s)


def test_unknown_model_and_bad_language_are_reported(server, tmp_path):
    with pytest.raises(EngineError, match="1211"):
        translate_cues(lecture_cues(3), "zh", settings=settings(server, tmp_path, model="gpt-4"))
    with pytest.raises(UsageError):
        translate_cues(lecture_cues(3), "../zh", settings=settings(server, tmp_path))


def test_cancel_stops_the_run(server, tmp_path):
    server.config.scale = 0.2
    token = CancelToken()
    seen = []

    def progress(p):
        seen.append(p)
        if p.done >= 5:
            token.cancel()

    with pytest.raises(Cancelled):
        translate_cues(lecture_cues(100), "zh", settings=settings(server, tmp_path, batch_cues=5, concurrency=2),
                       on_progress=progress, cancel=token)
    assert server.counters.requests < 20


@pytest.mark.parametrize("content, kind", [
    ('{"1": "a", "2": "b"}', ""),
    ('```json\n{"1": "a", "2": "b"}\n```', "fence"),
    ('Here you go: {"1": "a", "2": "b"} Enjoy!', "prose"),
    ('{"1": "a", "2": "b"}\n\nNote: done.', "prose"),
])
def test_extract_object_repairs_what_is_safe(content, kind):
    obj, how = extract_object(content)
    assert obj == {"1": "a", "2": "b"} and how == kind


@pytest.mark.parametrize("obj, kind", [
    ({"1": "a"}, "missing ids"),
    ({"1": "a", "2": "b", "3": "c"}, "extra ids"),
    ({"1": "a", "3": "b"}, "renumbered ids"),
    ({"1": "a", "2": ""}, "empty text"),
    ({"1": "a b c d", "2": "a b c d"}, "repeated text"),
    ({"1": {"x": 1}, "2": "b"}, "not text"),
])
def test_check_answer_rejects(obj, kind):
    with pytest.raises(BadAnswer) as bad:
        check_answer(obj, ["1", "2"], ["one", "two"])
    assert bad.value.kind == kind


def test_check_answer_accepts_wrapped_lists_and_numbers():
    assert check_answer({"translations": {"1": ["a", "b"], "2": 3}}, ["1", "2"], ["x", "y"]) == (["a b", "3"], "wrapper")
    assert check_answer({"1": "a", "2": "b", "note": "kept short"}, ["1", "2"], ["x", "y"]) == (["a", "b"], "notes")
    with pytest.raises(BadAnswer):  # a note instead of a cue is still a missing id
        check_answer({"1": "a", "note": "b"}, ["1", "2"], ["x", "y"])
    with pytest.raises(BadAnswer):
        extract_object("[1, 2]")
    with pytest.raises(BadAnswer):
        extract_object("no json here")


NON_BLOCKING = tuple(k for k in ALL_KINDS if k not in ("sensitive", "1301"))


@settings_h(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(1, 40), batch=st.integers(1, 12), context=st.integers(0, 4), seed=st.integers(0, 10_000),
       rate=st.floats(0.0, 0.7))
def test_property_no_misbehaviour_moves_merges_or_invents_a_cue(tmp_path_factory, n, batch, context, seed, rate):
    with ChatServer(api_key=KEY, scale=0.002, misbehave_rate=rate, seed=seed, kinds=NON_BLOCKING) as server:
        cues = lecture_cues(n)
        s = settings(server, tmp_path_factory.mktemp("prop"), batch_cues=batch, context_cues=context)
        result = translate_cues(cues, "zh", settings=s)
    assert_exact(cues, result.cues, allow_flags=True)
    assert all(c.flag.startswith("not translated") for c in result.cues if c.flag)
    assert result.stats.failed == sum(1 for c in result.cues if c.flag)


def test_polish_change_spans_show_the_edit_by_word_or_character():
    ch = PolishChange(0, "The Fury A transform is neat.", "The Fourier transform is neat.")
    assert ch.spans() == [("equal", "The "), ("delete", "Fury A"), ("insert", "Fourier"),
                          ("equal", " transform is neat.")]
    zh = PolishChange(1, "我们用富力叶变换", "我们用傅里叶变换")
    assert zh.spans() == [("equal", "我们用"), ("delete", "富力"), ("insert", "傅里"), ("equal", "叶变换")]
    for c in (ch, zh):
        assert "".join(t for op, t in c.spans() if op != "insert") == c.old
        assert "".join(t for op, t in c.spans() if op != "delete") == c.new


def test_a_wrong_base_url_names_the_chat_endpoint(server, tmp_path):
    s = settings(server, tmp_path)
    s.glm.base_url = server.base_url + "/v9"
    with pytest.raises(EngineError, match=r"endpoint http://127\.0\.0\.1:\d+/api/v9/paas/v4/chat/completions was not found"):
        translate_cues(lecture_cues(2), "zh", settings=s)


def test_the_key_is_in_no_repr_body_or_request_id(server, tmp_path):
    s = settings(server, tmp_path)
    assert KEY not in repr(s) and KEY not in str(s)
    translate_cues(lecture_cues(3), "zh", settings=s)
    assert KEY not in json.dumps(server.counters.bodies)


def test_chinese_translations_follow_the_chinese_conventions(server, tmp_path):
    from subtitler.core.text.zh import ZhStyle, convert_script

    cues = [Cue(0, 3000, "This is the first individual lecture, part one.")]
    simplified = translate_cues(cues, "zh", settings=settings(server, tmp_path)).cues[0].text
    assert not simplified.endswith("。")  # netflix style: no full stop at a line end
    kept = translate_cues(cues, "zh", zh=ZhStyle(punct="keep"), settings=settings(server, tmp_path)).cues[0].text
    assert kept.endswith("。")
    tw = translate_cues(cues, "zh-TW", settings=settings(server, tmp_path)).cues[0].text
    assert tw == convert_script(simplified, "tw") and tw != simplified  # Taiwan script whatever the model wrote


def test_a_translation_becomes_an_undoable_document_track(server, tmp_path):
    from subtitler.core.delivery.bilingual import bilingual_cues
    from subtitler.core.delivery.translate import attach_translation, track_cues, translation_track

    cues = lecture_cues(6)
    doc = Document(list(cues), language="en")
    result = translate_cues(doc.cues, "zh", settings=settings(server, tmp_path))
    edit = attach_translation(doc, result)
    name = translation_track("zh")
    assert edit.label == "Translate into zh" and doc.tracks == (name,)
    assert [c.track(name) for c in doc.cues] == [c.text for c in result.cues]
    assert [(c.start, c.end, c.text) for c in doc.cues] == [(c.start, c.end, c.text) for c in cues]
    assert bilingual_cues(doc.cues, track_cues(doc, name)) == bilingual_cues(cues, result.cues)
    doc.undo()
    assert doc.tracks == () and [c.extra for c in doc.cues] == [()] * 6
    doc.redo()
    doc.set_times(2, cues[2].start + 10, cues[2].end)
    with pytest.raises(UsageError, match="no longer matches"):
        attach_translation(doc, result)
