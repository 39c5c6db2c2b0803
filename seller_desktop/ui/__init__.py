"""The Qt desktop UI: models, screens, dialogs, widgets, events."""
