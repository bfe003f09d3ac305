"""The series export's "Translation and video" choices: translate into a language (the GLM chat API,
same key and base URL as GLM-ASR), bilingual subtitle files with their order, burned-in videos with
a quality preset. Remembered in the settings (a series setting); turned into the core's
:class:`~subtitler.core.delivery.deliver.DeliverOptions` when the export starts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QWidget

from ...core.app.settings import Settings
from ..delivery import order_combo, quality_combo
from ..words import fill_languages

CHAT_MODELS = ("glm-4.5-flash", "glm-4.7-flash", "glm-4-flash-250414", "glm-4.5-air", "glm-4.6", "glm-4.7")

if TYPE_CHECKING:
    from ...core.delivery.deliver import DeliverOptions
    from ...core.delivery.translate import ChatSettings


class SeriesOptions(QGroupBox):
    changed = Signal()

    def __init__(self, settings: Settings, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Translation and video"))
        self.translate = self._language_box(settings.translate_to)
        self.model = QComboBox()
        self.model.setEditable(True)
        self.model.addItems(CHAT_MODELS)
        self.model.setCurrentText(settings.translate_model)
        self.model.setToolTip(self.tr("The GLM chat model that translates; the flash models are free."))
        self.bilingual = QCheckBox(self.tr("&Bilingual subtitle files ({stem}.bilingual.{ext})"))
        self.bilingual.setChecked(settings.bilingual)
        self.order = order_combo(settings.bilingual_order)
        self.burn = QCheckBox(self.tr("Burned-in &videos ({stem}.subtitled.mp4)"))
        self.burn.setChecked(settings.burn_in)
        self.quality = quality_combo(settings.burn_quality)
        self.note = QLabel()
        # one sentence a line (no word wrap: a wrapped label in a form leaves a gap when the dialog grows)
        self.note.setObjectName("seriesNote")

        burn_row = QHBoxLayout()
        burn_row.addWidget(self.burn)
        burn_row.addWidget(self.quality, 1)
        bi_row = QHBoxLayout()
        bi_row.addWidget(self.bilingual)
        bi_row.addWidget(self.order, 1)
        form = QFormLayout(self)
        label = QLabel(self.tr("&Translate into:"))
        label.setBuddy(self.translate)
        model_label = QLabel(self.tr("&Model:"))
        model_label.setBuddy(self.model)
        lang_row = QHBoxLayout()
        lang_row.addWidget(self.translate, 1)
        lang_row.addWidget(model_label)
        lang_row.addWidget(self.model, 1)
        form.addRow(label, lang_row)
        form.addRow("", bi_row)
        form.addRow("", burn_row)
        form.addRow("", self.note)
        for w in (self.translate, self.order, self.quality):
            w.currentIndexChanged.connect(self._sync)
        for b in (self.bilingual, self.burn):
            b.toggled.connect(self._sync)
        self._sync()

    def _language_box(self, current: str) -> QComboBox:
        box = QComboBox()
        fill_languages(box, current or "auto")
        auto = box.findData("auto")
        if auto >= 0:  # "detect automatically" means nothing here: it is "no translation"
            box.setItemText(auto, self.tr("No translation"))
            box.setItemData(auto, "")
        return box

    def _sync(self, *_) -> None:
        lang = self.language()
        self.bilingual.setEnabled(bool(lang))
        self.model.setEnabled(bool(lang))
        self.order.setEnabled(bool(lang) and self.bilingual.isChecked())
        self.quality.setEnabled(self.burn.isChecked())
        parts = []
        if lang:
            parts.append(self.tr("Translated files: {{stem}}.{lang}.{{ext}}, through the GLM chat API with "
                                 "the GLM-ASR key and address.").format(lang=lang))
        if self.burn.isChecked():
            what = (self.tr("both languages") if lang and self.bilingual.isChecked()
                    else self.tr("the translation") if lang else self.tr("the original subtitles"))
            parts.append(self.tr("Videos show {what}; H.264 with the original audio.").format(what=what))
        self.note.setText("\n".join(parts))
        self.note.setVisible(bool(parts))
        self.changed.emit()

    # -- values ----------------------------------------------------------------------------------
    def language(self) -> str:
        return self.translate.currentData() or ""

    @property
    def active(self) -> bool:
        return bool(self.language()) or self.burn.isChecked()

    def values(self) -> dict[str, Any]:
        """The choices as Settings fields (remembered for the next export)."""
        return {"translate_to": self.language(), "translate_model": self.model.currentText().strip(),
                "bilingual": self.bilingual.isChecked(),
                "bilingual_order": self.order.currentData(), "burn_in": self.burn.isChecked(),
                "burn_quality": self.quality.currentData()}

    def deliver_options(self, chat: "Optional[ChatSettings]", glossary: list[str]) -> "DeliverOptions":
        from ...core.delivery.deliver import DeliverOptions

        lang = self.language()
        return DeliverOptions(translate_to=lang, bilingual=bool(lang) and self.bilingual.isChecked(),
                              order=self.order.currentData(), burn_in=self.burn.isChecked(),
                              burn_quality=self.quality.currentData(), chat=chat if lang else None,
                              glossary=list(glossary))
