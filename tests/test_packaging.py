"""The built wheel is a complete app: build it, install it into a fresh venv outside the source tree,
and run it as a user would (``--version``, README's transcription of the demo offline, the window
starting offscreen with its icons, the Chinese catalog when one ships, ``--install-desktop``).

What the fresh venv sees, and why that is an honest check:

- the venv is made from the base interpreter (not from the dev ``.venv``, no
  ``--system-site-packages``); ``subtitler`` is installed into it from the wheel with pip, so its
  code, data files, entry point and metadata come only from the wheel;
- its dependencies are NOT downloaded again (CI time): a folder of links to exactly the
  distributions the wheel's own ``Requires-Dist`` names (with the ``local`` extra), followed
  recursively, is put on its path. A dependency missing from the metadata, or a data file missing
  from the wheel, fails here; the dev venv's test tools, the editable checkout and the source tree
  are not visible (the test checks where ``subtitler`` is imported from, and runs outside the tree
  with no PYTHONPATH and a PATH holding only the venv's ``bin``, so ffmpeg is imageio-ffmpeg's);
- ``SUBTITLER_WHEEL_FULL_INSTALL=1`` instead runs a plain ``pip install <wheel>[local]`` (network),
  exactly what a user does.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import warnings
import zipfile
from email.parser import Parser
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from subtitler import __version__

from .support import smoke

pytestmark = pytest.mark.packaging
ROOT = smoke.ROOT
SOURCES = ("subtitler", "pyproject.toml", "README.md")
NOT_SHIPPED = re.compile(r"(__pycache__|\.pyc$|\.ts$|\.md$)")  # i18n/README.md and .ts sources stay in the repo


def _copy_sources(dst: Path) -> Path:
    """The files the build reads, copied (the source tree gets no build/ or egg-info from us)."""
    dst.mkdir()
    for name in SOURCES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dst / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(src, dst / name)
    return dst


def _requirements_closure(wheel: Path, extras: set[str]) -> list[metadata.Distribution]:
    """The installed distributions the wheel's Requires-Dist needs (markers evaluated), recursively."""
    with zipfile.ZipFile(wheel) as zf:
        meta = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        requires = Parser().parsestr(zf.read(meta).decode("utf-8")).get_all("Requires-Dist") or []
    todo = [(Requirement(r), extras) for r in requires]
    seen: dict[str, metadata.Distribution] = {}
    while todo:
        req, active = todo.pop()
        env_ok = req.marker is None or any(req.marker.evaluate({"extra": e}) for e in (active or {""}))
        if not env_ok:
            continue
        key = canonicalize_name(req.name)
        if key in seen:
            continue
        dist = metadata.distribution(req.name)  # raises: a declared dependency is not installed
        if not req.specifier.contains(dist.version, prereleases=True):  # e.g. a dev venv kept PySide6 6.12.0
            warnings.warn(f"the dev environment has {dist.name} {dist.version}, outside {req}; a real install "
                          "would pick another release (SUBTITLER_WHEEL_FULL_INSTALL=1 does)", stacklevel=1)
        seen[key] = dist
        todo.extend((Requirement(r), set(req.extras)) for r in (dist.requires or []))
    return list(seen.values())


def _link_dependencies(dists: list[metadata.Distribution], dst: Path) -> int:
    """A folder of links to the top-level files and packages of ``dists`` (and their metadata)."""
    dst.mkdir()
    linked = 0
    for dist in dists:
        root = Path(dist.locate_file(""))
        tops = {Path(f).parts[0] for f in dist.files or [] if not str(f).startswith("..")}
        for top in sorted(tops):
            if not (dst / top).exists() and (root / top).exists():
                (dst / top).symlink_to(root / top)
                linked += 1
    return linked


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    src = _copy_sources(work / "src")
    out = work / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(out), str(src)], check=True, timeout=300, cwd=work)
    (built,) = out.glob("subtitler-*.whl")
    return built


def test_the_wheel_holds_every_file_the_app_loads(wheel):
    assert wheel.name.startswith(f"subtitler-{__version__}-py3-none-any")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    source = {p.relative_to(ROOT).as_posix() for p in (ROOT / "subtitler").rglob("*")
              if p.is_file() and not NOT_SHIPPED.search(p.as_posix())}
    assert source - names == set()  # every module, icon, catalog, desktop file
    assert {n for n in names if n.startswith("subtitler/resources/icons/")}  # icons really are package data
    if smoke.ZH_CATALOG.is_file():
        assert "subtitler/resources/i18n/subtitler_zh_CN.qm" in names
    meta = next(n for n in names if n.endswith("METADATA"))
    with zipfile.ZipFile(wheel) as zf:
        text = zf.read(meta).decode("utf-8")
    assert "License-Expression: MIT" in text and f"Version: {__version__}" in text


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh venv (base interpreter, no system site-packages) holding the wheel, outside the tree."""
    work = tmp_path_factory.mktemp("venv")
    target = work / "venv"
    base_python = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base_python, "-m", "venv", "--without-pip", str(target)], check=True, timeout=120, cwd=work)
    assert "include-system-site-packages = false" in (target / "pyvenv.cfg").read_text("utf-8")
    py = target / "bin" / "python"
    full = os.environ.get("SUBTITLER_WHEEL_FULL_INSTALL") == "1"
    pip = [sys.executable, "-m", "pip", "--python", str(py), "install", "-q"]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    if full:
        subprocess.run([*pip, f"{wheel}[local]"], check=True, timeout=1800, cwd=work, env=env)
    else:
        subprocess.run([*pip, "--no-deps", "--no-index", str(wheel)], check=True, timeout=300, cwd=work, env=env)
        site = Path(subprocess.run([py, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                   capture_output=True, text=True, check=True).stdout.strip())
        deps = work / "deps"
        assert _link_dependencies(_requirements_closure(wheel, {"local"}), deps) > 10
        (site / "zz-subtitler-test-deps.pth").write_text(f"{deps}\n", "utf-8")
    return target


@pytest.fixture
def user(tmp_path, venv) -> tuple[dict, Path]:
    """A clean environment whose PATH holds only the venv's bin (no system ffmpeg, no other Python)."""
    return smoke.clean_env(tmp_path / "home", str(venv / "bin")), tmp_path


def test_the_venv_runs_the_installed_copy(venv, user):
    env, work = user
    probe = "import subtitler, PySide6, faster_whisper, imageio_ffmpeg; print(subtitler.__file__)"
    r = smoke.run([str(venv / "bin" / "python"), "-c", probe], env, work, timeout=120)
    assert r.proc.returncode == 0, r.proc.stderr
    location = Path(r.proc.stdout.strip())
    assert location.is_relative_to(venv) and not location.is_relative_to(ROOT)
    hidden = smoke.run([str(venv / "bin" / "python"), "-c", "import pytest"], env, work)
    assert hidden.proc.returncode != 0  # the dev venv's test tools are not on the path


def test_cli_version_and_offline_transcription_of_the_demo(venv, user, record_property):
    env, work = user
    exe = [str(venv / "bin" / "subtitler")]
    record_property("version_s", smoke.check_version(exe, env, work, __version__))
    record_property("transcribe_s", smoke.check_transcribe_demo(exe, env, work))


def test_the_window_starts_with_its_icons_and_catalogs(venv, user, record_property):
    env, work = user
    exe = [str(venv / "bin" / "subtitler")]
    zh = smoke.ZH_CATALOG.is_file()
    report = smoke.check_gui(exe, dict(env, LANG="zh_CN.UTF-8", LANGUAGE="zh_CN"), work,
                             expect_package_in=venv, expect_zh=zh)
    assert report["versions"]["subtitler"] == __version__
    if zh:  # the window really is in Chinese
        assert report["menus"][0] == "文件(&F)", report["menus"]
    record_property("gui_startup_s", report["startup_s"])
    english = smoke.check_gui(exe, env, work, expect_package_in=venv, expect_zh=False)
    assert english["menus"][0] == "&File"


def test_install_desktop_from_the_wheel(venv, user):
    env, work = user
    r = smoke.run([str(venv / "bin" / "subtitler"), "--install-desktop"], env, work)
    assert r.proc.returncode == 0, r.proc.stderr
    entry = Path(env["XDG_DATA_HOME"]) / "applications" / "subtitler.desktop"
    assert f"Exec={venv / 'bin' / 'subtitler'} %F" in entry.read_text("utf-8")
    assert (Path(env["XDG_DATA_HOME"]) / "icons/hicolor/scalable/apps/subtitler.svg").is_file()
    r = smoke.run([str(venv / "bin" / "subtitler"), "--uninstall-desktop"], env, work)
    assert r.proc.returncode == 0 and not entry.exists()
