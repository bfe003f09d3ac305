"""Beautify time codes: the shot-change rules edge by edge, reasons, one undo step, and a property
test over random cues, cuts and frame rates (no overlaps, the profile holds, idempotent)."""

from __future__ import annotations

import json
import math
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from subtitler.core.timing.beautify import PRESETS, BeautifyPreset, beautify, beautify_document, edge_compliance, get_preset
from subtitler.core.document.model import Document
from subtitler.core.document.cues import Cue
from subtitler.core.foundation.errors import UsageError
from subtitler.core.media.frames import FrameGrid
from subtitler.core.timing.rules import PROFILES, cps, fix_timing

G24 = FrameGrid.constant(24)
G25 = FrameGrid.constant(25)
EN = PROFILES["netflix-en"]
TEXT = "Some words"  # short: reading speed never decides in the rule tests


def f(k: int, grid: FrameGrid = G24) -> int:
    return grid.ms(k)


def one(start_f: int, end_f: int, cut_f: int, grid: FrameGrid = G24, profile=EN):
    cue = Cue(f(start_f, grid), f(end_f, grid), TEXT)
    return beautify([cue], grid, [f(cut_f, grid)], profile=profile)


@pytest.mark.parametrize("after", range(1, 12))
def test_in_cue_within_12_frames_after_a_cut_moves_onto_it(after):
    r = one(100 + after, 200, 100)
    assert r.cues[0].start == f(100)
    assert [(c.field, c.reason) for c in r.changes] == [("start", "snapped to shot change")]


@pytest.mark.parametrize("before", range(1, 8))
def test_in_cue_in_the_red_zone_before_a_cut_moves_onto_it(before):
    assert one(100 - before, 200, 100).cues[0].start == f(100)


@pytest.mark.parametrize("before", range(8, 12))
def test_dialogue_8_to_11_frames_before_a_cut_starts_12_frames_before_it(before):
    r = one(100 - before, 200, 100)
    assert r.cues[0].start == f(88)
    assert r.changes[0].reason == "starts 12 frames before shot change"


@pytest.mark.parametrize("offset", [-12, -20, 12, 30])
def test_edges_12_frames_or_more_from_a_cut_stay(offset):
    r = one(100 + offset, 100 + offset + 50, 100)
    assert r.changes == []


@pytest.mark.parametrize("offset", [-11, -5, -1, 0, 1, 6, 11])
def test_out_cue_within_12_frames_of_a_cut_ends_2_frames_before_it(offset):
    r = one(20, 100 + offset, 100)
    assert r.cues[0].end == f(98)
    if offset != -2:
        assert r.changes[-1].reason == "ends 2 frames before shot change"


def test_at_25_fps_the_profiles_83_ms_gap_is_3_frames():
    r = one(20, 105, 100, grid=G25)
    assert r.cues[0].end == G25.ms(97)
    cues = [Cue(G25.ms(0), G25.ms(40), TEXT), Cue(G25.ms(47), G25.ms(90), TEXT)]
    assert beautify(cues, G25, [], profile=EN).cues[0].end == G25.ms(44)
    assert beautify(cues, G25, [], profile=PROFILES["short-form"]).cues[0].end == G25.ms(45)  # no gap of its own


def test_out_cue_too_short_to_end_before_the_cut_ends_12_frames_after_it():
    # 833 ms minimum = 20 frames at 24 fps; ending at 98 would leave 18
    r = one(80, 103, 100)
    assert r.cues[0].end == f(112)
    assert r.changes[-1].reason == "ends 12 frames after shot change"


def test_short_gaps_chain_to_2_frames_and_long_ones_stay():
    cues = [Cue(f(0), f(40), TEXT), Cue(f(47), f(90), TEXT), Cue(f(102), f(150), TEXT)]
    r = beautify(cues, G24, [], profile=EN)
    assert r.cues[0].end == f(45)  # 7-frame gap closed to 2
    assert r.cues[1].end == f(90)  # a 12-frame gap stays
    assert [(c.index, c.reason) for c in r.changes] == [(0, "chained to next cue")]


def test_chaining_stops_before_a_cut_in_the_gap():
    cues = [Cue(f(0), f(30), TEXT), Cue(f(38), f(90), TEXT)]
    r = beautify(cues, G24, [f(38)], profile=EN)
    assert r.cues[0].end == f(36) and r.cues[1].start == f(38)


def test_zones_scale_with_the_frame_rate():
    g = FrameGrid.constant("30000/1001")  # 12 frames at 24 fps = 15 frames here
    r = one(100 + 14, 300, 100, grid=g)
    assert r.cues[0].start == g.ms(100)
    assert one(100 + 15, 300, 100, grid=g).changes == []


def test_times_go_to_frame_starts_with_a_reason():
    r = beautify([Cue(1003, 2519, TEXT)], G25, [], profile=EN)
    assert (r.cues[0].start, r.cues[0].end) == (1000, 2520)
    assert {c.reason for c in r.changes} == {"aligned to frame"}


def test_a_pass_is_one_undo_step_and_the_report_says_why():
    doc = Document([Cue(4120, 6000, TEXT), Cue(6200, 7880, TEXT)])
    before = list(doc.cues)
    r = beautify_document(doc, G25, [4000, 8000], profile=EN)
    assert doc.cues == r.cues != before
    assert doc.undo_label() == "Beautify timing"
    assert "snapped to shot change" in r.summary() and r.summary().startswith("Beautify (Netflix, 25 fps, 2 shot")
    assert "#1\tstart\t00:00:04.120\t→ 00:00:04.000" in r.report_text()
    assert json.loads(json.dumps(r.to_json()))["changes"][0]["reason"] == "snapped to shot change"
    assert doc.undo() and doc.cues == before and not doc.can_undo()
    assert doc.redo() and doc.cues == r.cues


def test_applying_a_stale_result_is_refused():
    doc = Document([Cue(f(103), f(150), TEXT)])
    r = beautify(doc.cues, G24, [f(100)], profile=EN)
    doc.set_text(0, "changed")
    with pytest.raises(UsageError):
        r.apply_to(doc)


def test_presets_and_custom_preset_file(tmp_path):
    assert get_preset("SDI") is PRESETS["sdi"] and get_preset(None) is PRESETS["netflix"]
    p = tmp_path / "mine.json"
    p.write_text(json.dumps({"base": "sdi", "zone": 10}))
    custom = get_preset(str(p))
    assert (custom.name, custom.zone, custom.gap) == ("custom", 10, 4)
    p.write_text(json.dumps({"zone": -1}))
    with pytest.raises(UsageError):
        get_preset(str(p))
    p.write_text(json.dumps({"bogus": 1}))
    with pytest.raises(UsageError, match="bogus"):
        get_preset(str(p))
    with pytest.raises(UsageError):
        get_preset("hollywood")


def test_sdi_puts_in_cues_2_frames_after_the_cut_and_keeps_4_frames_apart():
    cues = [Cue(f(50), f(99), TEXT), Cue(f(101), f(160), TEXT)]
    r = beautify(cues, G24, [f(100)], preset="sdi", profile=EN)
    assert r.cues[1].start == f(102) and r.cues[0].end == f(98)


def test_compliance_counts_edges_near_cuts():
    cues = [Cue(f(103), f(150), TEXT), Cue(f(300), f(350), TEXT)]
    assert edge_compliance(cues, G24, [f(100), f(155)], profile=EN) == (2, 0)
    r = beautify(cues, G24, [f(100), f(155)], profile=EN)
    assert edge_compliance(r.cues, G24, [f(100), f(155)], profile=EN) == (2, 2)


# -- property test -----------------------------------------------------------------------------
GRIDS = [FrameGrid.constant(r) for r in ("24000/1001", 24, 25, "30000/1001", 30, 50, "60000/1001", 60)]
VFR = FrameGrid(Fraction(27), 0, tuple(sorted({k * 40 for k in range(300)} | {12000 + k * 33 for k in range(1, 700)})))


@st.composite
def scenes(draw):
    grid = draw(st.sampled_from(GRIDS + [VFR]))
    profile = draw(st.sampled_from([PROFILES["netflix-en"], PROFILES["netflix-zh"], PROFILES["short-form"],
                                    PROFILES["subtitle-edit"]]))
    n = draw(st.integers(1, 12))
    t, raw = 0, []
    for _ in range(n):
        t += draw(st.integers(0, 1500))
        dur = draw(st.integers(200, 4000))
        words = draw(st.integers(1, 14))
        raw.append(Cue(t, t + dur, " ".join(["word"] * words)))
        t += dur
    cues = fix_timing(raw, profile, rebreak=False)
    cuts = draw(st.lists(st.integers(0, t + 2000), max_size=12))
    preset = draw(st.sampled_from(list(PRESETS.values()) + [BeautifyPreset(zone=6, red_zone=3, gap=1, chain=30)]))
    return grid, profile, cues, cuts, preset


def _need(c: Cue, p) -> int:
    """What the profile asks of a cue: its minimum duration, or the time its text needs to be read."""
    return min(p.max_duration_ms, max(p.min_duration_ms, math.ceil(cps(Cue(0, 1000, c.text)) * 1000 / p.max_cps)))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenes())
def test_beautify_never_overlaps_keeps_the_profile_and_is_idempotent(scene):
    grid, profile, cues, cuts, preset = scene
    r = beautify(cues, grid, cuts, preset=preset, profile=profile)
    out = r.cues
    assert len(out) == len(cues) and [c.text for c in out] == [c.text for c in cues]
    for a, b in zip(out, out[1:]):
        assert a.end <= b.start, "overlap"
        assert grid.nearest(b.start) - grid.nearest(a.end) >= grid.frames(preset.gap)
        if not grid.variable:
            assert b.start - a.end >= profile.min_gap_ms
    for before, after in zip(cues, out):
        assert grid.snap(after.start) == after.start and grid.snap(after.end) == after.end, "off the frame grid"
        assert after.end > after.start
        need = _need(before, profile)
        if before.duration >= need:  # met min duration and reading speed: still does (to the frame)
            assert after.duration >= min(need, profile.max_duration_ms - grid.frame_ms), (before, after)
        if before.duration <= profile.max_duration_ms:
            assert after.duration <= profile.max_duration_ms
    again = beautify(out, grid, cuts, preset=preset, profile=profile)
    assert again.changes == [], again.report_text()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(GRIDS + [VFR]),
       st.lists(st.tuples(st.integers(0, 20000), st.integers(1, 3000), st.integers(1, 10)), min_size=1, max_size=10),
       st.lists(st.integers(0, 22000), max_size=8))
def test_even_overlapping_edited_cues_come_out_apart_and_stable(grid, spans, cuts):
    cues = [Cue(s, s + d, " ".join(["word"] * w)) for s, d, w in spans]  # as a user may leave them
    r = beautify(cues, grid, cuts, profile=EN)
    ordered = sorted(r.cues, key=lambda c: (c.start, c.end))
    assert all(a.end <= b.start for a, b in zip(ordered, ordered[1:]))
    assert all(c.end > c.start for c in r.cues)
    assert beautify(r.cues, grid, cuts, profile=EN).changes == []


def test_a_selection_changes_only_its_cues_and_never_crowds_the_others():
    cues = [Cue(f(103), f(150), TEXT), Cue(f(155), f(197), TEXT), Cue(f(300), f(350), TEXT)]
    full = beautify(cues, G24, [f(100), f(200), f(305)], profile=EN)
    part = full.only([0, 2])
    assert part.cues[1] == cues[1] and part.cues[0] != cues[0] and part.cues[2].start == f(305)
    assert {c.index for c in part.changes} <= {0, 2}
    assert all(a.end <= b.start for a, b in zip(part.cues, part.cues[1:]))
    doc = Document(list(cues))
    part.apply_to(doc)
    assert doc.cues == part.cues and doc.undo() and doc.cues == cues


def test_plan_for_a_document_uses_its_kept_rate_and_cuts(tmp_path):
    from subtitler.core.foundation.errors import SubtitlerError
    from subtitler.core.timing.pro_timing import plan_beautify

    doc = Document([Cue(f(103), f(150), TEXT), Cue(f(300), f(350), TEXT)], media_path=str(tmp_path / "gone.mp4"),
                   profile="netflix-en", meta={"frame_rate": "24/1", "shot_changes_ms": [f(100)]})
    plan = plan_beautify(doc)
    assert plan.cues[0].start == f(100) and doc.cues[0].start == f(103)  # planned, not applied
    assert plan_beautify(doc, [1]).changes == []
    plan.apply_to(doc)
    assert doc.cues[0].start == f(100) and doc.undo_label() == "Beautify timing"
    with pytest.raises(SubtitlerError, match="frame rate"):
        plan_beautify(Document([Cue(0, 1000, TEXT)]))


def test_dragged_edges_snap_to_cuts_then_to_frames():
    from subtitler.core.timing.beautify import drag_snap

    assert drag_snap(f(103), "start", G24, [f(100)], within_ms=200, profile=EN) == (f(100), "shot change")
    assert drag_snap(f(101), "end", G24, [f(100)], within_ms=200, profile=EN) == (f(98), "shot change")
    assert drag_snap(f(130) + 7, "end", G24, [f(100)], within_ms=200, profile=EN) == (f(130), "frame")
    assert drag_snap(1234, "start", None, [f(100)], within_ms=200) == (1234, "")
