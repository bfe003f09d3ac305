"""Chinese conventions over a two-hour lecture's worth of cues (1,500): script conversion,
full-width marks and Chinese–Latin spacing before timing, width-aware line breaking and reading
speed (fix_timing), the punctuation style after. The bare tool: OpenCC converting the same text."""

from __future__ import annotations

from dataclasses import replace

from common import median_pair

from subtitler.core.document.cues import Cue
from subtitler.core.timing.rules import PROFILES, fix_timing
from subtitler.core.text.zh import ZhStyle, convert_script, finish_text, prepare_text

TEXTS = ("今天我们用Python和NumPy来计算信号的FFT频谱,然后讨论滤波器的设计.", "欢迎来到信号处理课程的第一讲。",
         "谢谢观看，我们下次再见。", "采样定理告诉我们，采样率必须高于信号最高频率的两倍。")
CUES = [Cue(i * 4000, i * 4000 + 3500, TEXTS[i % len(TEXTS)]) for i in range(1500)]
STYLE = ZhStyle(punct="spaces", script="hant", latin_space=True)
PROFILE = replace(PROFILES["netflix-zh"], zh_punct=STYLE.punct)


def ours() -> list[Cue]:
    raw = [replace(c, text=prepare_text(c.text, STYLE)) for c in CUES]
    return [replace(c, text=finish_text(c.text, STYLE)) for c in fix_timing(raw, PROFILE)]


def bare() -> list[str]:
    return [convert_script(c.text, "hant") for c in CUES]


def run() -> list[dict]:
    ours(), bare()  # warm: OpenCC's dictionaries load once
    a, b = median_pair(ours, bare, runs=5)
    return [{"cues": len(CUES), "style": STYLE.to_dict(), "ours_s": round(a, 4), "opencc_only_s": round(b, 4),
             "ratio_vs_opencc": round(a / b, 1), "per_cue_ms": round(a / len(CUES) * 1000, 3)}]
