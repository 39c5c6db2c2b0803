"""The SKU spec cell of the product editor as text: ``颜色:红 型号:"iPhone 16"``.

Pairs are ``name:value`` separated by spaces (the colon may be full-width). A name or value the
store accepts but that would not read back plainly (spaces, quotes, a colon in a name, empty)
is written in double quotes with ``\\"`` and ``\\\\`` escapes, so any spec round-trips exactly.
Typed by hand, a word without a colon continues the value before it (``型号:iPhone 16 Pro`` is
one value); a word with no name before it becomes a value without a name (the rules ask for one).
"""

from __future__ import annotations

from ...domain.product import SkuAttr

COLONS = ":："
QUOTE, ESCAPE = '"', "\\"


def _needs_quotes(text: str, is_key: bool) -> bool:
    return (not text or any(c.isspace() or c in (QUOTE, ESCAPE) for c in text)
            or (is_key and any(c in COLONS for c in text)))


def _quoted(text: str, is_key: bool) -> str:
    if not _needs_quotes(text, is_key):
        return text
    return QUOTE + text.replace(ESCAPE, ESCAPE * 2).replace(QUOTE, ESCAPE + QUOTE) + QUOTE


def format_attrs(attrs: tuple[SkuAttr, ...] | list[SkuAttr]) -> str:
    return " ".join(f"{_quoted(a.key, True)}:{_quoted(a.value, False)}" for a in attrs)


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0

    def more(self) -> bool:
        while self.at < len(self.text) and self.text[self.at].isspace():
            self.at += 1
        return self.at < len(self.text)

    def peek(self) -> str:
        return self.text[self.at] if self.at < len(self.text) else ""

    def quoted(self) -> str:
        """A ``"…"`` string (the opening quote is next); an unclosed one runs to the end."""
        self.at += 1
        out = []
        while self.at < len(self.text):
            c = self.text[self.at]
            self.at += 1
            if c == ESCAPE and self.at < len(self.text):
                out.append(self.text[self.at])
                self.at += 1
            elif c == QUOTE:
                break
            else:
                out.append(c)
        return "".join(out)

    def bare(self, stop_at_colon: bool) -> str:
        start = self.at
        while self.at < len(self.text):
            c = self.text[self.at]
            if c.isspace() or (stop_at_colon and c in COLONS):
                break
            self.at += 1
        return self.text[start:self.at]


def parse_attrs(text: str) -> tuple[SkuAttr, ...]:
    attrs: list[SkuAttr] = []
    r = _Reader(text)
    while r.more():
        quoted = r.peek() == QUOTE
        part = r.quoted() if quoted else r.bare(stop_at_colon=True)
        if r.peek() and r.peek() in COLONS:
            r.at += 1
            value = r.quoted() if r.peek() == QUOTE else r.bare(stop_at_colon=False)
            attrs.append(SkuAttr(part, value))
        elif attrs and not quoted:  # 型号:iPhone 16 → one value
            last = attrs[-1]
            attrs[-1] = SkuAttr(last.key, f"{last.value} {part}")
        else:
            attrs.append(SkuAttr("", part))
    return tuple(attrs)
