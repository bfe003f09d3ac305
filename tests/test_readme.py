"""README's two set-up commands stay true: CI runs exactly the test command written there."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ci_runs_the_readme_test_command():
    readme = ROOT.joinpath("README.md").read_text("utf-8")
    block = readme.split("```bash", 1)[1].split("```", 1)[0]
    commands = [ln.strip() for ln in block.splitlines() if ln.strip() and not ln.strip().startswith("#")]
    assert len(commands) == 2
    assert "subtitler transcribe resources/demo/" in commands[0]
    ci = ROOT.joinpath(".ci", "run").read_text("utf-8").strip().splitlines()
    assert ci[-1].strip() == commands[1]
    assert (ROOT / "resources" / "demo" / "lecture-demo.mp4").is_file()


def test_chinese_quick_start_gives_the_same_two_commands():
    readme = ROOT.joinpath("README.md").read_text("utf-8")
    first = readme.split("```bash", 1)[1].split("```", 1)[0]
    zh = readme.split("## 快速开始（中文）", 1)[1].split("```", 2)[1]

    def commands(block):
        return [ln.strip() for ln in block.splitlines() if ln.strip() and not ln.strip().startswith("#")]

    assert commands(zh) == commands(first)
    for flag in ("--language zh", "--script", "--zh-punct", "GLM-ASR"):
        assert flag in readme.split("## 快速开始（中文）", 1)[1]
