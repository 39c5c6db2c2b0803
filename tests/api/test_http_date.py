"""The HTTP Date header as the server's clock: what is read, what is refused (None)."""

from __future__ import annotations

import pytest

from seller_desktop.api.http_date import parse_http_date


@pytest.mark.parametrize("text, expected", [
    ("Sun, 06 Nov 1994 08:49:37 GMT", 784111777),  # IMF-fixdate
    ("Sunday, 06-Nov-94 08:49:37 GMT", 784111777),  # the obsolete RFC 850 form
    ("Sun, 06 Nov 1994 16:49:37 +0800", 784111777),  # a zone other than GMT is still a clock
])
def test_dates_are_read(text: str, expected: int) -> None:
    assert parse_http_date(text) == expected


@pytest.mark.parametrize("text", [
    None, "", "yesterday, around noon", "Sun Nov  6 08:49:37 1994",  # asctime: no zone
    "Sun, 06 Nov 1994 08:49:37 -0000",  # "no zone stated"
    "Mon, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 99999 08:49:37 GMT",
    "Sun, 06 Nov 1994 08:49:37 GMT" + " " * 100, "\x00\x01", "<html>",
])
def test_anything_else_is_none(text: str | None) -> None:
    assert parse_http_date(text) is None
