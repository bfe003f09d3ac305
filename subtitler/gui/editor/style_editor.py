"""ASS style editor: font, size, colours, outline, shadow, alignment, margins, with a live preview
on the editor's video frame (and a sample frame in the dialog)."""

from __future__ import annotations

import copy

import pysubs2
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from .player import FrameView, qcolor

ALIGNMENTS = [(7, QT_TRANSLATE_NOOP("StyleDialog", "Top left")), (8, QT_TRANSLATE_NOOP("StyleDialog", "Top centre")),
              (9, QT_TRANSLATE_NOOP("StyleDialog", "Top right")), (4, QT_TRANSLATE_NOOP("StyleDialog", "Middle left")),
              (5, QT_TRANSLATE_NOOP("StyleDialog", "Middle centre")),
              (6, QT_TRANSLATE_NOOP("StyleDialog", "Middle right")),
              (1, QT_TRANSLATE_NOOP("StyleDialog", "Bottom left")),
              (2, QT_TRANSLATE_NOOP("StyleDialog", "Bottom centre")),
              (3, QT_TRANSLATE_NOOP("StyleDialog", "Bottom right"))]
SAMPLE = QT_TRANSLATE_NOOP("StyleDialog", "The quick brown fox jumps\nover the lazy dog")


class ColorButton(QPushButton):
    def __init__(self, color: pysubs2.Color, parent=None) -> None:
        super().__init__(parent)
        self.color = color
        self.clicked.connect(self._pick)
        self._paint()

    def _paint(self) -> None:
        c = qcolor(self.color)
        self.setText(c.name())
        luma = 0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue()
        fg = "#000" if luma > 140 else "#fff"
        self.setStyleSheet(f"background:{c.name()}; color:{fg};")

    def _pick(self) -> None:
        c = QColorDialog.getColor(qcolor(self.color), self, self.tr("Colour"),
                                  QColorDialog.ColorDialogOption.ShowAlphaChannel)
        if c.isValid():
            self.set_color(pysubs2.Color(c.red(), c.green(), c.blue(), 255 - c.alpha()))

    def set_color(self, color: pysubs2.Color) -> None:
        self.color = color
        self._paint()
        self.parent_dialog().changed()

    def parent_dialog(self):
        w = self.parent()
        while w is not None and not isinstance(w, StyleDialog):
            w = w.parent()
        return w


class StyleDialog(QDialog):
    def __init__(self, style: pysubs2.SSAStyle, player=None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("ASS style"))
        self._style = copy.copy(style)
        self.player = player
        self.font_box = QFontComboBox(self)
        self.font_box.setCurrentFont(self.font_box.currentFont().__class__(style.fontname))
        self._font_touched = False  # an uninstalled font (Arial on Linux) stays named as it was
        self.font_size = QDoubleSpinBox(self)
        self.font_size.setRange(8, 300)
        self.font_size.setValue(style.fontsize)
        self.bold = QCheckBox(self.tr("Bold"), self)
        self.bold.setChecked(bool(style.bold))
        self.italic = QCheckBox(self.tr("Italic"), self)
        self.italic.setChecked(bool(style.italic))
        self.primary = ColorButton(style.primarycolor, self)
        self.outline_color = ColorButton(style.outlinecolor, self)
        self.back = ColorButton(style.backcolor, self)
        self.outline = QDoubleSpinBox(self)
        self.outline.setRange(0, 20)
        self.outline.setValue(style.outline)
        self.shadow = QDoubleSpinBox(self)
        self.shadow.setRange(0, 20)
        self.shadow.setValue(style.shadow)
        self.box = QCheckBox(self.tr("Opaque box instead of outline"), self)
        self.box.setChecked(style.borderstyle == 3)
        self.align = QComboBox(self)
        for value, label in ALIGNMENTS:
            self.align.addItem(self.tr(str(label)), value)
        self.align.setCurrentIndex([v for v, _ in ALIGNMENTS].index(int(style.alignment)))
        self.margins: list[QSpinBox] = []
        for v in (style.marginl, style.marginr, style.marginv):
            sb = QSpinBox(self)
            sb.setRange(0, 1000)
            sb.setValue(int(v))
            self.margins.append(sb)
        form = QFormLayout()
        form.addRow(self.tr("Font"), self.font_box)
        row = QHBoxLayout()
        row.addWidget(self.font_size)
        row.addWidget(self.bold)
        row.addWidget(self.italic)
        form.addRow(self.tr("Size (1080p script)"), row)
        colours = QHBoxLayout()
        for label, b in ((self.tr("Text"), self.primary), (self.tr("Outline"), self.outline_color),
                         (self.tr("Shadow"), self.back)):
            colours.addWidget(QLabel(label, self))
            colours.addWidget(b)
        form.addRow(self.tr("Colours"), colours)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Outline"), self))
        row.addWidget(self.outline)
        row.addWidget(QLabel(self.tr("Shadow"), self))
        row.addWidget(self.shadow)
        form.addRow(self.tr("Border"), row)
        form.addRow("", self.box)
        form.addRow(self.tr("Alignment"), self.align)
        row = QHBoxLayout()
        for label, sb in zip((self.tr("Left"), self.tr("Right"), self.tr("Vertical")), self.margins):
            row.addWidget(QLabel(label, self))
            row.addWidget(sb)
        form.addRow(self.tr("Margins"), row)
        self.preview = FrameView(self)
        self.preview.setMinimumSize(480, 270)
        self.preview.set_caption("")
        self.preview.setBackgroundBrush(QColor(60, 70, 85))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.preview, 1)
        lay.addWidget(buttons)
        for w in (self.font_size, self.outline, self.shadow):
            w.valueChanged.connect(self.changed)
        for sb in self.margins:
            sb.valueChanged.connect(self.changed)
        for cb in (self.bold, self.italic, self.box):
            cb.toggled.connect(self.changed)
        self.font_box.currentFontChanged.connect(self._font_changed)
        self.align.currentIndexChanged.connect(self.changed)
        self.changed()

    def _font_changed(self, *_) -> None:
        self._font_touched = True
        self.changed()

    def chosen_style(self) -> pysubs2.SSAStyle:
        st = copy.copy(self._style)
        if self._font_touched:
            st.fontname = self.font_box.currentFont().family()
        st.fontsize = float(self.font_size.value())
        st.bold = self.bold.isChecked()
        st.italic = self.italic.isChecked()
        st.primarycolor = self.primary.color
        st.outlinecolor = self.outline_color.color
        st.backcolor = self.back.color
        st.outline = float(self.outline.value())
        st.shadow = float(self.shadow.value())
        st.borderstyle = 3 if self.box.isChecked() else 1
        st.alignment = pysubs2.Alignment(int(self.align.currentData()))
        st.marginl, st.marginr, st.marginv = (sb.value() for sb in self.margins)
        return st

    def changed(self, *_) -> None:
        st = self.chosen_style()
        self.preview.subtitle.set_style(st)
        self.preview.subtitle.set_text(self.tr(str(SAMPLE)))
        if self.player is not None:  # live on the editor's frame
            self.player.set_style(st)
            if not self.player.frame.subtitle.text:
                self.player.set_subtitle(self.tr(str(SAMPLE)))

    def restore_defaults(self) -> None:
        from ...core.document.formats import default_style

        d = default_style()
        self.font_size.setValue(d.fontsize)
        self.outline.setValue(d.outline)
        self.shadow.setValue(d.shadow)
        self.bold.setChecked(bool(d.bold))
        self.italic.setChecked(bool(d.italic))
        self.box.setChecked(d.borderstyle == 3)
        self.align.setCurrentIndex([v for v, _ in ALIGNMENTS].index(int(d.alignment)))
        for sb, v in zip(self.margins, (d.marginl, d.marginr, d.marginv)):
            sb.setValue(int(v))
        self.primary.set_color(d.primarycolor)
        self.outline_color.set_color(d.outlinecolor)
        self.back.set_color(d.backcolor)
