"""The desktop window (PySide6) over the Qt-free core: ``subtitler.gui.app.main``."""
