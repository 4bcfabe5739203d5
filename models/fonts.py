"""The bundled CJK font for PDFs (reportlab) and the mixed-font text runs every PDF of the program uses.

Registration costs ~0.1 s, so it happens on first use, once.

The bundled font (DroidSansFallbackFull, a sans face) has **no ASCII glyphs**. ``TextRuns`` therefore splits text
into runs of the CJK font and Helvetica (a standard PDF font every reader has; not embedded): characters the CJK
font lacks but Windows-1252 encodes (digits, Latin letters, ``-``, ``:``, ``_`` …) are set in Helvetica. A
character neither font can draw (e.g. 𠮷, CJK Extension B) is *reported* by ``undrawable`` and printed as the
replacement the caller chose (the dispatch sheet: the geta mark 〓 after asking; enforcement documents: the code
point, ``[U+20BB7]``) — never as an empty box.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

FONT_FILE = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "DroidSansFallbackFull.ttf"
PDF_FONT = "TijianCJK"
LATIN_FONT = "Helvetica"
PLACEHOLDER = "〓"  # geta mark: the typesetter's sign for a character the fonts cannot draw


@lru_cache(maxsize=1)
def register_pdf_font() -> str:
    """Register the bundled TrueType CJK font with reportlab; return its name for ``setFont``."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(PDF_FONT, str(FONT_FILE)))
    return PDF_FONT


def cjk_cmap() -> dict[int, int]:
    """Code point → glyph of the bundled font."""
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.getFont(register_pdf_font()).face.charToGlyph


def missing_glyphs(text: str) -> list[str]:
    """Characters of ``text`` the bundled font cannot draw (reported to the user instead of printing boxes)."""
    cmap = cjk_cmap()
    return sorted({ch for ch in text if not ch.isspace() and ord(ch) not in cmap})


def latin_ok(ch: str) -> bool:
    """Whether Helvetica (WinAnsi encoding) can draw ``ch``."""
    if ord(ch) < 32 or ch == "\x7f":
        return False
    try:
        ch.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def undrawable(text: str) -> list[str]:
    """Characters of ``text`` that neither the CJK font nor Helvetica can draw (sorted, once each)."""
    return [ch for ch in missing_glyphs(text) if not latin_ok(ch)]


def code_point(ch: str) -> str:
    """``[U+20BB7]``: how enforcement documents print a character no font has."""
    return f"[U+{ord(ch):04X}]"


class TextRuns:
    """Split text into runs of the CJK font and Helvetica. Characters neither has are replaced by
    ``replacement(ch)`` (default: the geta mark 〓), itself set in whichever font draws it."""

    def __init__(self, cjk_font: str | None = None, replacement: Callable[[str], str] | None = None):
        self.cjk_font = cjk_font or register_pdf_font()
        self.cmap = cjk_cmap()
        self.replacement = replacement or (lambda _ch: PLACEHOLDER)
        self._cache: dict[str, list[tuple[str, str]]] = {}

    def _font_of(self, ch: str) -> str | None:
        if ord(ch) in self.cmap:
            return self.cjk_font
        if latin_ok(ch):
            return LATIN_FONT
        return None

    def runs(self, text: str) -> list[tuple[str, str]]:
        """``[(font, text), …]`` for one line of text."""
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        out: list[tuple[str, str]] = []
        for ch in text:
            font = self._font_of(ch)
            if font == self.cjk_font and ch == " " and out:  # a space stays in the current run (both fonts have it)
                font = out[-1][0]
            if font is not None:
                pieces = [(font, ch)]
            elif ch.isspace():  # tab, other spaces: a plain space
                pieces = [(out[-1][0] if out else self.cjk_font, " ")]
            else:
                pieces = [(self._font_of(c) or self.cjk_font, c) for c in self.replacement(ch)]
            for f, c in pieces:
                if out and out[-1][0] == f:
                    out[-1] = (f, out[-1][1] + c)
                else:
                    out.append((f, c))
        if len(self._cache) < 4096:
            self._cache[text] = out
        return out

    def markup(self, text: str) -> str:
        """Paragraph markup (default font: CJK); newlines become line breaks."""
        lines = []
        for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            parts = []
            for font, run in self.runs(line):
                run = xml_escape(run)
                parts.append(run if font == self.cjk_font else f'<font face="{font}">{run}</font>')
            lines.append("".join(parts))
        return "<br/>".join(lines)

    def width(self, text: str, size: float) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return sum(stringWidth(r, f, size) for f, r in self.runs(text))

    def draw(self, canvas, x: float, y: float, text: str, size: float, anchor: str = "left") -> None:  # type: ignore[no-untyped-def]
        """Draw one line at baseline ``y``; ``anchor`` left / centre / right says what ``x`` is."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        runs = self.runs(text)
        if anchor != "left":
            width = sum(stringWidth(r, f, size) for f, r in runs)
            x -= width / 2 if anchor == "centre" else width
        for font, run in runs:
            canvas.setFont(font, size)
            canvas.drawString(x, y, run)
            x += stringWidth(run, font, size)

    def draw_centred(self, canvas, x: float, y: float, text: str, size: float) -> None:  # type: ignore[no-untyped-def]
        self.draw(canvas, x, y, text, size, anchor="centre")
