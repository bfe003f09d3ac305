"""Icons from the package data ``subtitler/resources/icons``: line icons drawn in the palette's text
colour (so they follow dark/light), rendered crisp at every device pixel ratio."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from .. import resources


def icon_path(name: str) -> Path:
    return resources.icons_dir() / f"{name}.svg"


def names() -> list[str]:
    """Every icon shipped (file stems)."""
    return sorted(p.stem for p in resources.icons_dir().glob("*.svg"))


def _text_colour(disabled: bool = False) -> str:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):  # none yet (or a bare QCoreApplication)
        return "#9a9a9a" if disabled else "#444444"
    group = QPalette.ColorGroup.Disabled if disabled else QPalette.ColorGroup.Active
    return app.palette().color(group, QPalette.ColorRole.WindowText).name()


@lru_cache(maxsize=512)
def _render(name: str, colour: str, size: int, dpr: float) -> Optional[QImage]:
    """Cached as QImage (not QPixmap): a cached QPixmap would outlive the QApplication and
    crash the interpreter at exit."""
    path = icon_path(name)
    try:
        svg = path.read_text("utf-8").replace("currentColor", colour)
    except OSError:
        return None
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        return None
    img = QImage(int(size * dpr), int(size * dpr), QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    painter = QPainter(img)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, img.width(), img.height()))
    painter.end()
    img.setDevicePixelRatio(dpr)
    return img


def icon(name: str, colour: Optional[str] = None) -> QIcon:
    """A line icon tinted ``colour`` (default: the palette's text colour)."""
    app = QGuiApplication.instance()
    dpr = max(1.0, app.devicePixelRatio()) if isinstance(app, QGuiApplication) else 1.0
    result = QIcon()
    modes = ((QIcon.Mode.Normal, colour or _text_colour()), (QIcon.Mode.Disabled, _text_colour(disabled=True)))
    for mode, tint in modes:
        for size in (16, 20, 24, 32, 48):
            for ratio in {1.0, dpr, 2.0}:
                img = _render(name, tint, size, ratio)
                if img is not None:
                    result.addPixmap(QPixmap.fromImage(img), mode)
    return result


def app_icon() -> QIcon:
    path = icon_path("app")
    return QIcon(str(path)) if path.is_file() else QIcon()


def clear_cache() -> None:
    _render.cache_clear()


def pixmap(name: str, size: int, colour: Optional[str] = None) -> QPixmap:
    return icon(name, colour).pixmap(QSize(size, size))
