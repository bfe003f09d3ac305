"""The Settings dialog's "Video timing" group: Beautify preset (Netflix, SDI or off), shot-change
detection on/off and its sensitivity — what the queue's video jobs do (core ProTimingOptions)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QSlider, QHBoxLayout, QLabel
from PySide6.QtCore import Qt

from ...core.app.settings import Settings


class VideoTimingBox(QGroupBox):
    def __init__(self, settings: Settings, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Video timing"))
        self.preset = QComboBox()
        for value, label in (("netflix", self.tr("Netflix (shot changes, 2-frame gaps)")),
                             ("sdi", self.tr("SDI (4-frame gaps)")),
                             ("off", self.tr("Off: keep the speech timing"))):
            self.preset.addItem(label, value)
        self.preset.setCurrentIndex(max(0, self.preset.findData(settings.beautify_preset)))
        self.shots = QCheckBox(self.tr("Detect shot changes (cues start on cuts and end before them)"))
        self.shots.setChecked(settings.shot_changes)
        self.sensitivity = QSlider(Qt.Orientation.Horizontal)
        self.sensitivity.setRange(0, 100)
        self.sensitivity.setValue(settings.shot_sensitivity)
        self.sensitivity.setAccessibleName(self.tr("Shot-change sensitivity"))
        self.sensitivity_value = QLabel()
        self.sensitivity.valueChanged.connect(self._sensitivity_changed)
        self.sensitivity_value.setText(str(settings.shot_sensitivity))
        self.sensitivity_value.setMinimumWidth(24)
        row = QHBoxLayout()
        row.addWidget(self.sensitivity, 1)
        row.addWidget(self.sensitivity_value)
        self.preset.currentIndexChanged.connect(self._enable)
        self.shots.toggled.connect(self._enable)
        form = QFormLayout(self)
        form.addRow(self.tr("&Beautify timing:"), self.preset)
        form.addRow("", self.shots)
        form.addRow(self.tr("Se&nsitivity:"), row)
        self._enable()

    def _sensitivity_changed(self, value: int) -> None:
        self.sensitivity_value.setText(str(value))

    def _enable(self, *_) -> None:
        on = self.preset.currentData() != "off"
        self.shots.setEnabled(on)
        self.sensitivity.setEnabled(on and self.shots.isChecked())

    def values_into(self, s: Settings) -> None:
        s.beautify_preset = self.preset.currentData() or "netflix"
        s.shot_changes = self.shots.isChecked()
        s.shot_sensitivity = self.sensitivity.value()
