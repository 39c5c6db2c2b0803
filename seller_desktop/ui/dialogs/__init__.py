"""Dialogs: product editor, conflicts, settings / first run, corrupt cache."""
