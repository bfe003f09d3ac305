"""Dialogs of the desktop window: settings, batch export, cue list (editor fallback), about."""
