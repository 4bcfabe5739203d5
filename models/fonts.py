"""The bundled CJK font for PDFs (reportlab). Registration costs ~0.1 s, so it happens on first use, once."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FONT_FILE = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "DroidSansFallbackFull.ttf"
PDF_FONT = "TijianCJK"


@lru_cache(maxsize=1)
def register_pdf_font() -> str:
    """Register the bundled TrueType CJK font with reportlab; return its name for ``setFont``."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(PDF_FONT, str(FONT_FILE)))
    return PDF_FONT


def missing_glyphs(text: str) -> list[str]:
    """Characters of ``text`` the bundled font cannot draw (reported to the user instead of printing boxes)."""
    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(register_pdf_font()).face
    cmap = face.charToGlyph
    return sorted({ch for ch in text if not ch.isspace() and ord(ch) not in cmap})
