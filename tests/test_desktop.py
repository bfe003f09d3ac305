"""Linux desktop integration: ``subtitler --install-desktop`` / ``--uninstall-desktop`` with
XDG_DATA_HOME in a temp folder, the entry checked against the specs (desktop-file-validate and
shared-mime-info when installed), and the entry's own Exec line run with a project and a media file
as a file manager would: the project opens in the editor, the media is queued."""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from subtitler import desktop
from subtitler.core.document.model import Document
from subtitler.core.document.cues import Cue
from subtitler.core.media.ffmpeg import MEDIA_EXTENSIONS
from subtitler.core.document.project import Project, save_project

from .conftest import ROOT
from .support import smoke


def run_cli(*args: str, data_home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, XDG_DATA_HOME=str(data_home), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "subtitler", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def read_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_install_and_uninstall_through_the_cli(tmp_path):
    home = tmp_path / "share"
    r = run_cli("--install-desktop", data_home=home)
    assert r.returncode == 0, r.stderr
    p = desktop.paths(home)
    assert all(f.is_file() for f in p.values()), r.stdout
    for f in p.values():
        assert f"installed {f}" in r.stdout
    entry = read_entry(p["desktop"])
    assert entry["Type"] == "Application" and entry["Icon"] == "subtitler" and entry["Terminal"] == "false"
    assert entry["Exec"].endswith(" %F")
    mimes = entry["MimeType"].rstrip(";").split(";")
    assert mimes[0] == desktop.PROJECT_MIME
    assert {"video/mp4", "video/x-matroska", "audio/mpeg", "audio/x-wav"} <= set(mimes)
    assert p["icon"].read_bytes() == (ROOT / "subtitler/resources/icons/app.svg").read_bytes()
    ET.fromstring(p["mime_icon"].read_bytes())  # valid SVG (XML)
    glob = ET.fromstring(p["mime"].read_bytes()).find(".//{*}glob")
    assert glob is not None and glob.get("pattern") == "*.subtitler"
    if shutil.which("desktop-file-validate"):
        v = subprocess.run(["desktop-file-validate", str(p["desktop"])], capture_output=True, text=True)
        assert v.returncode == 0, v.stdout + v.stderr
    if shutil.which("update-mime-database"):  # shared-mime-info compiled our type: file managers see it
        assert f"ran update-mime-database {home / 'mime'}" in r.stdout
        globs = (home / "mime" / "globs2").read_text("utf-8")
        assert f"{desktop.PROJECT_MIME}:*.subtitler" in globs
    again = run_cli("--install-desktop", data_home=home)  # re-running replaces, does not fail
    assert again.returncode == 0 and read_entry(p["desktop"]) == entry

    r = run_cli("--uninstall-desktop", data_home=home)
    assert r.returncode == 0, r.stderr
    assert not any(f.exists() for f in p.values())
    if shutil.which("update-mime-database"):
        assert desktop.PROJECT_MIME not in (home / "mime" / "globs2").read_text("utf-8")
    r = run_cli("--uninstall-desktop", data_home=home)
    assert r.returncode == 0 and "nothing to remove" in r.stdout


def test_uninstall_removes_only_its_own_files(tmp_path):
    home = tmp_path / "share"
    desktop.install(home, command=["/opt/subtitler/subtitler"])
    other = home / "applications" / "other.desktop"
    other.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other\n", "utf-8")
    removed = desktop.uninstall(home).files
    assert set(removed) == set(desktop.paths(home).values())
    assert other.is_file()


def test_exec_line_quotes_paths_the_spec_way():
    assert desktop.exec_quote("/usr/bin/subtitler") == "/usr/bin/subtitler"
    # spaces and $ need quoting; then every backslash is doubled by the string escape; % is doubled
    assert desktop.exec_quote('/home/a b/$x/100%/subtitler') == '"/home/a b/\\\\$x/100%%/subtitler"'
    entry = desktop.desktop_entry(["/home/a b/venv/bin/python", "-m", "subtitler"])
    assert 'Exec="/home/a b/venv/bin/python" -m subtitler %F' in entry
    assert 'TryExec="/home/a b/venv/bin/python"' in entry


def test_every_media_extension_has_a_mime_type():
    assert set(MEDIA_EXTENSIONS) <= set(desktop.MEDIA_MIME_TYPES)
    assert len(desktop.mime_types()) == len(set(desktop.mime_types()))


def test_not_on_windows_or_macos(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(sys, "platform", "win32")
    with pytest.raises(desktop.DesktopError, match="Linux"):
        desktop.install(tmp_path)
    assert desktop.run(True) == 1
    assert "Linux" in capsys.readouterr().err
    assert not (tmp_path / "applications").exists()


def test_the_entry_opens_a_project_in_the_editor_and_queues_media(tmp_path, speech_en):
    """What a file manager does: run the entry's Exec with %F replaced by the chosen files."""
    home = tmp_path / "share"
    desktop.install(home, command=[sys.executable, "-m", "subtitler"])
    argv = shlex.split(read_entry(desktop.paths(home)["desktop"])["Exec"].replace("\\\\", "\\"))
    assert argv[-1] == "%F"
    media = tmp_path / "talk one.wav"
    shutil.copyfile(speech_en[0], media)
    project = save_project(Project(Document([Cue(1000, 2500, "Hello there.")], media_path=str(media))),
                           tmp_path / "course.subtitler")
    env = smoke.clean_env(tmp_path / "home", os.environ["PATH"], PYTHONPATH=str(ROOT),
                          SUBTITLER_DATA_DIR=str(tmp_path / "data"), SUBTITLER_CACHE_DIR=str(tmp_path / "cache"))
    report = smoke.check_gui(argv[:-1], env, tmp_path, files=(project, media))
    assert any("course" in title for title in report["windows"]), report["windows"]
    assert report["queue"] == ["talk one.wav"]
