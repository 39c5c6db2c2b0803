"""小店桌面 (seller desktop): an offline-first desktop console for WeChat Store sellers."""

# the one place the version is written (pyproject reads it; --version and About show it)
__version__ = "0.2.0.dev0"
