"""Chunk planning for GLM-ASR: pieces sized so the parallel uploads fill whole rounds."""

from __future__ import annotations

import math

import pytest

from subtitler.core.engines.glm import GlmEngine, GlmSettings
from subtitler.core.engines.glm_pool import MIN_PIECE_MS, plan_piece_count, predicted_wall_s
from subtitler.core.engines.local import LocalEngine

LIMIT = GlmEngine.max_chunk_ms - GlmEngine.margin_ms  # 29 s
HALF_HOUR = 30 * 60 * 1000


def engine(concurrency: int) -> GlmEngine:
    return GlmEngine(GlmSettings(api_key="sk-plan-test", concurrency=concurrency))


@pytest.mark.parametrize("concurrency, pieces", [(5, 70), (20, 80)])
def test_half_an_hour_fills_whole_rounds(concurrency, pieces):
    n = plan_piece_count(HALF_HOUR, LIMIT, concurrency)
    assert n == pieces and n % concurrency == 0
    packed = 66  # what packing real speech up to the limit gives (pauses fall short of 29 s)
    assert predicted_wall_s(n, HALF_HOUR, concurrency) < predicted_wall_s(packed, HALF_HOUR, concurrency)
    target = engine(concurrency).chunk_plan(HALF_HOUR)
    assert target == math.ceil(HALF_HOUR / pieces)  # 25.7 s at 5, 22.5 s at 20
    assert MIN_PIECE_MS <= target <= LIMIT


def test_c20_four_rounds_of_shorter_pieces_beat_fewer_longer_ones():
    # the example: 80 × 22.5 s in 4 rounds (8.5 s) against 66 × 27 s in 4 rounds (9.4 s)
    assert predicted_wall_s(80, HALF_HOUR, 20) == pytest.approx(4 * (1.0 + 0.05 * 22.5))
    assert predicted_wall_s(80, HALF_HOUR, 20) < predicted_wall_s(66, HALF_HOUR, 20) - 0.8


def test_pieces_never_shorter_than_the_minimum_where_the_fixed_cost_dominates():
    for total in (20_000, 45_000, 3 * 60_000, 10 * 60_000, HALF_HOUR, 2 * 3600_000):
        for c in (2, 5, 10, 20, 50):
            n = plan_piece_count(total, LIMIT, c)
            fewest = math.ceil(total / (LIMIT * 0.9))
            assert n >= fewest
            assert n == fewest or total / n >= MIN_PIECE_MS, (total, c, n)
            assert total / n <= LIMIT
    # audio that fits in one round is not split further (context and requests matter more)
    assert plan_piece_count(45_000, LIMIT, 20) == 2 and plan_piece_count(10 * 60_000, LIMIT, 50) == 23
    # when the fixed cost per request dominates, more rounds are not taken
    assert plan_piece_count(HALF_HOUR, LIMIT, 20, request_s=10.0) == 80


def test_no_plan_when_one_at_a_time_or_one_piece_or_local():
    assert engine(1).chunk_plan(HALF_HOUR) is None  # packing to the limit is best one at a time
    assert engine(5).chunk_plan(12_000) is None  # one piece of 12 s
    assert plan_piece_count(0, LIMIT, 5) == 1
    assert getattr(LocalEngine(None), "chunk_plan", None) is None


def test_a_files_first_plan_is_kept_for_re_runs(tmp_path):
    def at(concurrency: int, **kw) -> GlmEngine:
        return GlmEngine(GlmSettings(api_key="sk-plan-test", concurrency=concurrency, cache_dir=tmp_path, **kw))

    first = at(5).chunk_plan(HALF_HOUR, audio_key="a" * 64)
    assert first == math.ceil(HALF_HOUR / 70)
    # re-run at 20: the same chunks as before (their results are cached), not a new plan
    assert at(20).chunk_plan(HALF_HOUR, audio_key="a" * 64) == first
    assert at(20).chunk_plan(HALF_HOUR, audio_key="b" * 64) == math.ceil(HALF_HOUR / 80)
    assert at(5).chunk_plan(HALF_HOUR, audio_key="c" * 64) == first
    assert at(1).chunk_plan(HALF_HOUR, audio_key="d" * 64) is None  # "packed" is kept too
    assert at(20).chunk_plan(HALF_HOUR, audio_key="d" * 64) is None
    assert not list(tmp_path.rglob("*.json"))  # plans are not results
    assert at(20, use_cache=False).chunk_plan(HALF_HOUR, audio_key="a" * 64) == math.ceil(HALF_HOUR / 80)
    (tmp_path / "plans" / ("a" * 64 + ".plan")).write_text("junk")  # damaged: planned afresh
    assert at(20).chunk_plan(HALF_HOUR, audio_key="a" * 64) == math.ceil(HALF_HOUR / 80)
