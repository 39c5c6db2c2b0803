"""小店桌面 (seller desktop): an offline-first desktop console for WeChat Store sellers."""

__version__ = "0.1.0"
