"""Workflows: multi-step user tasks that combine ops, sync and labels (e.g. the shipping run).

The UI and the CLI drive them; they never touch widgets.
"""
