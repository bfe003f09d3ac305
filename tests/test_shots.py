"""Shot changes found by ffmpeg's scdet in videos made with cuts at known frames (25, 23.976,
29.97 fps and a variable rate), the per-media cache, plain time lists, background runs."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from subtitler.core.foundation.errors import Cancelled, SubtitleFormatError, UsageError
from subtitler.core.media.frames import FrameGrid, frame_grid
from subtitler.core.foundation.progress import CancelToken
from subtitler.core.media.shots import (BackgroundShots, detect_shot_changes, format_shot_list, load_shot_list,
                                        parse_shot_list, save_shot_list, sensitivity_to_threshold, shot_changes_for)
from tests.support.cut_video import cut_times_ms, make_cut_video

SEGMENTS = [37, 61, 45, 80, 29, 90, 52]
VIDEOS = {
    "25": ("v25.mp4", "25"),
    "23.976": ("v23976.mp4", "24000/1001"),
    "29.97": ("v2997.mp4", "30000/1001"),
    "vfr": ("vfr.mkv", ["25", "30", "25", "30", "25", "30", "25"]),
}


@pytest.fixture(scope="module")
def videos(tmp_path_factory):
    d = tmp_path_factory.mktemp("cuts")
    return {k: (make_cut_video(d / name, SEGMENTS, rate=rate), rate) for k, (name, rate) in VIDEOS.items()}


@pytest.mark.parametrize("kind", list(VIDEOS))
def test_detection_finds_the_known_cuts_to_the_frame(videos, kind):
    path, rate = videos[kind]
    grid = frame_grid(path)
    events = []
    shots = detect_shot_changes(path, grid=grid, on_progress=events.append)
    truth = [grid.index_at(int(t)) for t in cut_times_ms(SEGMENTS, rate)]
    assert truth == [sum(SEGMENTS[:k + 1]) for k in range(len(SEGMENTS) - 1)]  # the grid counts frames right
    found = shots.frames()
    assert len(found) == len(truth)
    assert all(abs(a - b) <= 1 for a, b in zip(found, truth)), (found, truth)
    assert sum(a == b for a, b in zip(found, truth)) >= len(truth) - 1  # exact, nearly always
    assert all(s >= shots.threshold for s in shots.scores)
    fractions = [e.fraction for e in events if e.stage == "shots"]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0 and fractions == sorted(fractions)


def test_sensitivity_maps_to_the_threshold():
    assert sensitivity_to_threshold(50) == 10
    assert sensitivity_to_threshold(100) < sensitivity_to_threshold(75) < 10 < sensitivity_to_threshold(0)
    with pytest.raises(UsageError):
        sensitivity_to_threshold(101)


def test_results_are_cached_per_media_and_reused_for_stricter_settings(videos, tmp_path):
    path = videos["25"][0]
    first = shot_changes_for(path, folder=tmp_path)
    assert first.source == "detected" and len(first.times_ms) == len(SEGMENTS) - 1
    t0 = time.perf_counter()
    again = shot_changes_for(path, folder=tmp_path)
    assert again.source == "cached" and again.times_ms == first.times_ms and time.perf_counter() - t0 < 1.0
    strict = shot_changes_for(path, folder=tmp_path, sensitivity=0)  # threshold 40: only the hardest cuts
    assert strict.source == "cached" and set(strict.times_ms) < set(first.times_ms)
    assert shot_changes_for(path, folder=tmp_path, sensitivity=80).source == "detected"  # more sensitive: run again
    copy = tmp_path / "renamed.mp4"
    copy.write_bytes(path.read_bytes())
    assert shot_changes_for(copy, folder=tmp_path).source == "cached"  # keyed by content, not name


def test_plain_lists_round_trip_in_seconds_and_timecodes(tmp_path):
    times = [1480, 3920, 61_234, 3_725_007]
    assert format_shot_list(times) == "1.480\n3.920\n61.234\n3725.007\n"
    assert format_shot_list(times[:3], timecode=True) == "00:00:01.480\n00:00:03.920\n00:01:01.234\n"
    for timecode in (False, True):
        p = save_shot_list(tmp_path / f"s{timecode}.txt", times, timecode=timecode)
        assert load_shot_list(p).times_ms == times
    mixed = "# cuts\n\n1.48\n00:00:03,920\n00:01:01.234  # comment\n01:02:05.007\n3.92\n"
    assert parse_shot_list(mixed) == times
    assert parse_shot_list("00:00:01:12\n", fps=25) == [1480]  # HH:MM:SS:FF counts frames
    with pytest.raises(SubtitleFormatError, match="line 2"):
        parse_shot_list("1.0\nnot a time\n")
    with pytest.raises(SubtitleFormatError, match="frame rate"):
        parse_shot_list("00:00:01:12\n")
    grid = FrameGrid.constant(25)
    assert load_shot_list(save_shot_list(tmp_path / "g.txt", [1481, 3925], overwrite=True), grid=grid).times_ms == [1480, 3920]


def test_background_detection_runs_beside_other_work_and_cancels(videos, tmp_path):
    path = videos["29.97"][0]
    bg = BackgroundShots(path, folder=tmp_path, low_priority=False).start()  # (a busy test machine starves low priority)
    assert bg.result() is not None and bg.error is None and len(bg.shots.times_ms) == len(SEGMENTS) - 1
    token = CancelToken()
    long = make_cut_video(tmp_path / "long.mp4", [1500, 1500], size="320x180")
    seen: list[float] = []

    def mid_run(p) -> None:  # the run is under way (on an idle machine it can finish within 0.5 s)
        seen.append(p.fraction)
        if p.fraction < 1:
            token.cancel()  # the job's token stops the background run

    bg = BackgroundShots(long, folder=tmp_path / "c2", cancel=token, on_progress=mid_run).start()
    deadline = time.monotonic() + 30
    while not token.cancelled and not bg.done and time.monotonic() < deadline:
        time.sleep(0.01)
    token.cancel()
    t0 = time.perf_counter()
    assert bg.result() is None and bg.error is None and bg.done, seen
    assert time.perf_counter() - t0 < 5


def test_detection_errors_are_kept_not_raised(tmp_path, media_dir):
    bg = BackgroundShots(media_dir / "voice.wav", folder=tmp_path, low_priority=False).start()
    assert bg.result() is None and "no video" in str(bg.error)


def test_cancel_raises_in_the_foreground(videos):
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        detect_shot_changes(videos["25"][0], cancel=token)
