"""Beautify on real speech video: the pipeline (tiny.en local engine) over videos whose cuts sit at
known frames near the known speech, at 25 and 23.976 fps; the CLI's summary, report and flags."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest

from subtitler.core.timing.beautify import edge_compliance
from subtitler.core.engines.local import LocalEngine
from subtitler.core.media.frames import parse_rate
from subtitler.core.app.jobs import TranscribeOptions, transcribe_file
from subtitler.core.timing.pro_timing import ProTimingOptions
from subtitler.core.timing.rules import PROFILES
from subtitler.core.media.shots import parse_shot_list
from tests.support.cut_video import make_cut_video

pytestmark = pytest.mark.slow

# cuts (ms) placed 2-10 frames before/after the onsets and ends of the known utterances, one inside
# speech, and some onsets far from any cut (their timing must not change)
CUTS_MS = [2480, 5240, 10480, 13960, 18400, 21960, 34560, 39640]
ZONE_MS = 500  # 12 frames at 24 fps


def segments_for(rate: str, total_ms: int) -> list[int]:
    r = parse_rate(rate)
    frames = [round(Fraction(t) * r / 1000) for t in CUTS_MS] + [int(Fraction(total_ms) * r / 1000) + 1]
    return [b - a for a, b in zip([0] + frames, frames)]


@pytest.fixture(scope="module")
def engine():
    return LocalEngine(None)


@pytest.fixture(scope="module")
def runs(tmp_path_factory, speech_en, engine):
    wav, meta = speech_en
    d = tmp_path_factory.mktemp("speechvideo")
    out = {}
    for rate in ("25", "24000/1001"):
        video = make_cut_video(d / f"talk{rate.replace('/', '_')}.mp4", segments_for(rate, meta["duration_ms"]),
                               rate=rate, size="320x180", audio=wav)
        out[rate] = (video, transcribe_file(video, TranscribeOptions(engine="local"), engine=engine))
    return out


def test_cuts_are_found_and_kept_with_the_document(runs):
    for rate, (_, res) in runs.items():
        pictured = res.pro_timing
        grid = pictured.grid
        assert grid.rate == parse_rate(rate) and pictured.notes == []
        found = pictured.shots.times_ms
        assert len(found) == len(CUTS_MS)
        assert all(abs(a - b) <= grid.frame_ms + 1 for a, b in zip(found, CUTS_MS)), (found, CUTS_MS)
        assert res.document.meta["shot_changes_ms"] == found
        assert Fraction(res.document.meta["frame_rate"]) == grid.rate


def test_cue_edges_near_cuts_follow_the_rules(runs):
    near_before = ok_before = near_after = ok_after = 0
    for _, res in runs.values():
        p = res.pro_timing
        profile = PROFILES[res.document.profile]
        n, k = edge_compliance(p.beautify.original, p.grid, p.shots.times_ms, profile=profile)
        near_before, ok_before = near_before + n, ok_before + k
        n, k = edge_compliance(res.document.cues, p.grid, p.shots.times_ms, profile=profile,
                               before=p.beautify.original)
        near_after, ok_after = near_after + n, ok_after + k
        for c in res.document.cues:  # every time on the frame grid
            assert p.grid.snap(c.start) == c.start and p.grid.snap(c.end) == c.end
        reasons = p.beautify.reasons()
        assert reasons["snapped to shot change"] >= 2
    print(f"edges near cuts following the rules: before {ok_before}/{near_before}, after {ok_after}/{near_after}")
    assert near_after >= near_before >= 12
    assert ok_after >= 0.95 * near_after
    assert ok_before < 0.5 * near_before  # the test means something: speech timing alone does not do it


def test_timing_to_speech_is_otherwise_unchanged(runs, speech_en):
    utts = speech_en[1]["utterances"]
    far = [u for u in utts if all(abs(u["start_ms"] - c) > ZONE_MS + 100 for c in CUTS_MS)]
    assert len(far) >= 4
    for _, res in runs.values():
        before, after = res.pro_timing.beautify.original, res.document.cues

        def errors(cues):
            return [min((c.start - u["start_ms"] for c in cues), key=abs) for u in far]

        b, a = statistics.median(errors(before)), statistics.median(errors(after))
        print(f"start error median for onsets far from cuts: before {b:+.0f} ms, after {a:+.0f} ms")
        assert abs(a - b) <= 20
    # and the profile still holds
    for _, res in runs.values():
        cues, profile = res.document.cues, PROFILES[res.document.profile]
        assert all(b.start - a.end >= profile.min_gap_ms for a, b in zip(cues, cues[1:]))
        assert all(c.duration <= profile.max_duration_ms for c in cues)


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "subtitler", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=600)


def test_cli_prints_a_summary_writes_the_report_and_the_cut_list(runs, tmp_path):
    video = runs["25"][0]
    out = tmp_path / "subs"
    report = tmp_path / "timing.txt"
    proc = run_cli("transcribe", str(video), "-o", str(out), "--engine", "local", "--export-shots",
                   "--beautify-report", str(report), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    summary = [ln for ln in proc.stderr.splitlines() if "Beautify (Netflix, 25 fps, 8 shot changes)" in ln]
    assert len(summary) == 1 and "snapped to shot change" in summary[0], proc.stderr
    text = report.read_text("utf-8")
    assert text.startswith(f"== {video}\nBeautify (Netflix") and "\tsnapped to shot change" in text
    shots = parse_shot_list((out / f"{video.stem}.shots.txt").read_text("utf-8"))
    assert shots == runs["25"][1].pro_timing.shots.times_ms
    # the report is not silently replaced
    again = run_cli("transcribe", str(video), "-o", str(tmp_path / "o2"), "--engine", "local",
                    "--beautify-report", str(report), cwd=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr


def test_cli_takes_cuts_from_a_list_and_checks_its_flags(runs, tmp_path):
    video = runs["25"][0]
    (tmp_path / f"{video.stem}.shots.txt").write_text("00:00:05.240\n18.4\n", "utf-8")
    proc = run_cli("transcribe", str(video), "-o", str(tmp_path / "a"), "--engine", "local",
                   "--shot-list", str(tmp_path / "{stem}.shots.txt"), "--beautify-preset", "sdi", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Beautify (SDI, 25 fps, 2 shot changes)" in proc.stderr
    bad = run_cli("transcribe", str(video), "--shot-sensitivity", "120", cwd=tmp_path)
    assert bad.returncode == 2 and "sensitivity" in bad.stderr
    bad = run_cli("transcribe", str(video), "--beautify-preset", "hollywood", cwd=tmp_path)
    assert bad.returncode == 2 and "preset" in bad.stderr


def test_cli_flags_map_to_the_options():
    from subtitler.cli import build_parser, pro_timing_options

    args = build_parser().parse_args(["transcribe", "x.mp4", "--no-beautify"])
    assert pro_timing_options(args).enabled is False
    args = build_parser().parse_args(["transcribe", "x.mp4", "--no-shot-changes", "--shot-sensitivity", "70"])
    o = pro_timing_options(args)
    assert (o.enabled, o.shot_changes, o.sensitivity, o.preset) == (True, False, 70.0, "netflix")
    args = build_parser().parse_args(["transcribe", "x.mp4", "--shot-list", "cuts/{stem}.txt"])
    assert pro_timing_options(args, Path("a/talk.mp4")).shot_list == Path("cuts/talk.txt")


def test_audio_only_media_is_left_alone(media_dir, engine):
    res = transcribe_file(media_dir / "voice.wav", TranscribeOptions(engine="local"), engine=engine)
    assert res.pro_timing.beautify is None and "shot_changes_ms" not in res.document.meta


def test_no_shot_changes_still_puts_times_on_frames(runs, engine):
    video = runs["25"][0]
    opts = TranscribeOptions(engine="local", pro_timing=ProTimingOptions(shot_changes=False))
    res = transcribe_file(video, opts, engine=engine)
    p = res.pro_timing
    assert p.shots is None and p.beautify.shot_changes == 0
    assert all(c.start % 40 == 0 and c.end % 40 == 0 for c in res.document.cues)
    assert json.dumps(p.beautify.to_json())
