"""The sandbox store: a local emulator of the WeChat Store merchant API.

Written from ``shared/api/`` (the API reference), never from the client's code: it exists to
catch the client's misunderstandings. It imports nothing of the app (import-linter enforces it).
"""
