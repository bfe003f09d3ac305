"""The frame grid: exact constant rates, real timestamps for variable rates, and the snapping
convention (a frame's start is the floor of its time in ms; snap goes to the nearest start)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from subtitler.core.foundation.errors import MediaError
from subtitler.core.media.frames import FrameGrid, frame_grid, parse_rate
from tests.support.cut_video import cut_times_ms, make_cut_video


def test_frame_starts_are_the_floor_of_the_exact_time():
    g = FrameGrid.constant("24000/1001")
    assert [g.ms(k) for k in range(4)] == [0, 41, 83, 125]  # 41.71, 83.42, 125.13
    assert g.ms(24000) == 1001000
    assert [FrameGrid.constant("30000/1001").ms(k) for k in (1, 3)] == [33, 100]  # 33.37, 100.1
    assert [FrameGrid.constant(60).ms(k) for k in (1, 2, 3)] == [16, 33, 50]


def test_snap_goes_to_the_nearest_frame_start_ties_to_the_earlier():
    g = FrameGrid.constant(25)
    assert [g.snap(t) for t in (0, 19, 20, 21, 39, 40, 59, 60, 61)] == [0, 0, 0, 40, 40, 40, 40, 40, 80]
    assert [g.index_at(t) for t in (0, 39, 40, 79, 80)] == [0, 0, 1, 1, 2]
    assert g.snap(-50) == 0


@given(st.sampled_from(["24000/1001", "24", "25", "30000/1001", "50", "60000/1001", "60"]), st.integers(0, 10**7))
def test_snapping_is_idempotent_and_within_half_a_frame(rate, t):
    g = FrameGrid.constant(rate)
    s = g.snap(t)
    assert g.snap(s) == s and g.ms(g.nearest(t)) == s
    assert abs(s - t) <= g.frame_ms / 2 + 1
    k = g.index_at(t)
    assert g.ms(k) <= t < g.ms(k + 1)


def test_rates_are_recognised_exactly():
    assert parse_rate(23.976) == Fraction(24000, 1001)
    assert parse_rate("29.97") == Fraction(30000, 1001)
    assert parse_rate("25") == 25 and parse_rate(59.94) == Fraction(60000, 1001)
    with pytest.raises(MediaError):
        parse_rate("fast")


@pytest.mark.parametrize("rate,zone,red,gap", [("24", 12, 7, 2), ("24000/1001", 12, 7, 2), ("25", 12, 7, 2),
                                               ("30000/1001", 15, 9, 2), ("60", 30, 17, 5)])
def test_frame_counts_at_24_fps_scale_to_the_rate(rate, zone, red, gap):
    g = FrameGrid.constant(rate)
    assert (g.frames(12), g.frames(7), g.frames(2)) == (zone, red, gap)


def test_timestamps_even_within_container_rounding_are_a_constant_rate():
    # an mkv stores 23.976 fps in whole milliseconds: 0, 42, 83, 125, 167, ...
    pts = [round(k * 1001 / 24) for k in range(500)]
    g = FrameGrid.from_timestamps(Fraction(1, 1000), pts)
    assert g.rate == Fraction(24000, 1001) and not g.variable


def test_uneven_timestamps_are_kept_frame_by_frame():
    pts = [0, 40, 80, 120, 153, 187, 220, 260]  # 25 fps then 30 fps
    g = FrameGrid.from_timestamps(Fraction(1, 1000), pts)
    assert g.variable and [g.ms(k) for k in range(8)] == pts
    assert g.snap(170) == 153 and g.snap(171) == 187 and g.index_at(186) == 4
    assert g.ms(8) > 260 and g.ms(9) > g.ms(8)  # past the last frame: the average rate goes on
    assert FrameGrid.from_dict(g.to_dict()) == g


@pytest.mark.parametrize("rate", ["25", "24000/1001", "30000/1001", "60"])
def test_grid_of_real_videos(tmp_path, rate):
    p = make_cut_video(tmp_path / "v.mp4", [30, 20], rate=rate)
    g = frame_grid(p)
    assert g.rate == parse_rate(rate) and not g.variable and g.origin_ms == 0
    assert g.ms(30) == int(cut_times_ms([30, 20], rate)[0])


def test_grid_of_a_variable_rate_video(tmp_path):
    rates = ["25", "30", "25"]
    p = make_cut_video(tmp_path / "v.mkv", [25, 30, 25], rate=rates)
    g = frame_grid(p)
    assert g.variable and len(g.starts_ms) == 80
    assert [g.ms(25), g.ms(55)] == [int(t) for t in cut_times_ms([25, 30, 25], rates)]
    assert g.ms(26) - g.ms(25) in (33, 34)


def test_audio_only_has_no_grid(media_dir):
    with pytest.raises(MediaError, match="no video"):
        frame_grid(media_dir / "voice.wav")
