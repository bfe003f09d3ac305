"""Linux desktop integration for one user (freedesktop.org specs), without root:

- ``$XDG_DATA_HOME/applications/subtitler.desktop``: the menu entry; ``Exec=<launcher> %F`` so a
  file manager passes the chosen files (``.subtitler`` projects open in the editor, media is queued);
  ``MimeType=`` lists the project type and the media types the app reads;
- ``$XDG_DATA_HOME/icons/hicolor/scalable/apps/subtitler.svg`` and the project file's icon
  (``…/scalable/mimetypes/application-x-subtitler-project.svg``);
- ``$XDG_DATA_HOME/mime/packages/subtitler.xml``: the ``application/x-subtitler-project`` type
  (glob ``*.subtitler``), then ``update-mime-database`` and ``update-desktop-database`` when installed.

``$XDG_DATA_HOME`` defaults to ``~/.local/share``. Qt-free; ``subtitler --install-desktop`` /
``--uninstall-desktop`` call :func:`install` / :func:`uninstall`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from . import resources
from .core.foundation.errors import SubtitlerError
from .core.foundation.outputs import atomic_write_text
from .core.media.ffmpeg import MEDIA_EXTENSIONS

APP_ID = "subtitler"
PROJECT_MIME = "application/x-subtitler-project"

# media file extension -> the freedesktop (shared-mime-info) types it is known by
MEDIA_MIME_TYPES: dict[str, tuple[str, ...]] = {
    ".mp4": ("video/mp4",), ".m4v": ("video/x-m4v",), ".mkv": ("video/x-matroska",),
    ".mov": ("video/quicktime",), ".avi": ("video/x-msvideo",), ".webm": ("video/webm",),
    ".mpg": ("video/mpeg",), ".mpeg": ("video/mpeg",), ".ts": ("video/mp2t",), ".mts": ("video/mp2t",),
    ".m2ts": ("video/mp2t",), ".wmv": ("video/x-ms-wmv",), ".flv": ("video/x-flv",),
    ".3gp": ("video/3gpp",), ".ogv": ("video/ogg",),
    ".wav": ("audio/x-wav", "audio/wav"), ".mp3": ("audio/mpeg",), ".m4a": ("audio/mp4", "audio/x-m4a"),
    ".aac": ("audio/aac",), ".flac": ("audio/flac",), ".ogg": ("audio/ogg", "audio/x-vorbis+ogg"),
    ".oga": ("audio/ogg",), ".opus": ("audio/x-opus+ogg",), ".wma": ("audio/x-ms-wma",),
    ".aiff": ("audio/x-aiff",), ".aif": ("audio/x-aiff",), ".amr": ("audio/AMR",),
    ".mka": ("audio/x-matroska",),
}


class DesktopError(SubtitlerError):
    """Desktop integration is not possible here (not Linux/BSD, or the folder cannot be written)."""


@dataclass
class Report:
    """What install/uninstall did: files written or removed, helper tools run."""
    files: list[Path] = field(default_factory=list)
    ran: list[str] = field(default_factory=list)


def data_home() -> Path:
    env = os.environ.get("XDG_DATA_HOME", "")
    return Path(env) if os.path.isabs(env) else Path.home() / ".local" / "share"


def paths(base: Optional[Path] = None) -> dict[str, Path]:
    base = base or data_home()
    return {
        "desktop": base / "applications" / f"{APP_ID}.desktop",
        "icon": base / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        "mime_icon": base / "icons" / "hicolor" / "scalable" / "mimetypes" / f"{PROJECT_MIME.replace('/', '-')}.svg",
        "mime": base / "mime" / "packages" / f"{APP_ID}.xml",
    }


def mime_types() -> list[str]:
    """The project type first, then every media type the app reads (each once)."""
    out = [PROJECT_MIME]
    for ext in sorted(MEDIA_EXTENSIONS):
        for mime in MEDIA_MIME_TYPES.get(ext, ()):
            if mime not in out:
                out.append(mime)
    return out


def launcher() -> list[str]:
    """The command that starts this installation: the bundle's executable, the ``subtitler`` script
    this process was started from (a venv or pipx bin folder need not be on the desktop's PATH),
    the one on PATH, or this interpreter with ``-m subtitler``."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if argv0 is not None and argv0.name == APP_ID and argv0.is_file():
        return [str(argv0.absolute())]
    on_path = shutil.which(APP_ID)
    if on_path:
        return [on_path]
    return [sys.executable, "-m", APP_ID]


_RESERVED = set(' \t\n"\'\\><~|&;$*?#()`')


def exec_quote(arg: str) -> str:
    """One argument of an ``Exec=`` key (Desktop Entry spec: quoting, then the string escapes)."""
    if any(ch in _RESERVED for ch in arg):
        arg = '"' + "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg) + '"'
    return arg.replace("\\", "\\\\").replace("%", "%%")


def desktop_entry(command: Optional[list[str]] = None) -> str:
    command = command or launcher()
    exec_line = " ".join(exec_quote(a) for a in command)
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=subtitler",
        "GenericName=Subtitle Editor",
        "GenericName[zh_CN]=字幕编辑器",
        "Comment=Turn video and audio into subtitles and fix them on a timeline",
        "Comment[zh_CN]=把视频和音频转成字幕，并在时间轴上修改",
        f"Exec={exec_line} %F",
        f"TryExec={exec_quote(command[0])}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "StartupNotify=true",
        f"StartupWMClass={APP_ID}",
        "Categories=AudioVideo;Video;AudioVideoEditing;",
        "Keywords=subtitles;captions;transcribe;speech;srt;ass;whisper;字幕;",
        "MimeType=" + "".join(m + ";" for m in mime_types()),
        "",
    ])


def _check_platform() -> None:
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        raise DesktopError("--install-desktop is for Linux desktops (freedesktop.org); on Windows and macOS "
                           "use the installer or app bundle.")


def _refresh(base: Path, report: Report) -> None:
    """Rebuild the per-user MIME and desktop caches when their tools are installed (not an error when not)."""
    for tool, folder in (("update-mime-database", base / "mime"),
                         ("update-desktop-database", base / "applications")):
        exe = shutil.which(tool)
        if exe is None or not folder.is_dir():
            continue
        proc = subprocess.run([exe, str(folder)], capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
        report.ran.append(f"{tool} {folder}" + ("" if proc.returncode == 0 else f" (exit {proc.returncode})"))


def install(base: Optional[Path] = None, command: Optional[list[str]] = None) -> Report:
    _check_platform()
    base = base or data_home()
    p = paths(base)
    report = Report()
    try:
        for key, text in (
            ("desktop", desktop_entry(command)),
            ("icon", resources.path("icons", "app.svg").read_text("utf-8")),
            ("mime_icon", resources.path("desktop", "application-x-subtitler-project.svg").read_text("utf-8")),
            ("mime", resources.path("desktop", "subtitler-mime.xml").read_text("utf-8")),
        ):
            p[key].parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(p[key], text, overwrite=True)
            report.files.append(p[key])
    except OSError as exc:
        raise DesktopError(f"cannot write {exc.filename or base}: {exc.strerror or exc}") from exc
    os.utime(p["icon"].parents[2])  # icons/hicolor changed: icon caches look at its time stamp
    _refresh(base, report)
    return report


def uninstall(base: Optional[Path] = None) -> Report:
    """Remove exactly what :func:`install` wrote (nothing else in those folders)."""
    _check_platform()
    base = base or data_home()
    report = Report()
    for target in paths(base).values():
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise DesktopError(f"cannot remove {target}: {exc.strerror or exc}") from exc
        report.files.append(target)
    _refresh(base, report)
    return report


def run(install_it: bool) -> int:
    """``subtitler --install-desktop`` / ``--uninstall-desktop``: do it and say what was done."""
    try:
        report = install() if install_it else uninstall()
    except DesktopError as exc:
        print(f"subtitler: {exc}", file=sys.stderr)
        return 1
    verb = "installed" if install_it else "removed"
    if not report.files:
        print("subtitler: nothing to remove (the desktop entry was not installed).")
    for f in report.files:
        print(f"{verb} {f}")
    for line in report.ran:
        print(f"ran {line}")
    if install_it:
        print("subtitler is in the applications menu; .subtitler projects and media files open with it.")
    return 0
