"""PdfView and print_pdf offscreen: a reportlab PDF shown page by page with zoom, and printing through a QPrinter
that writes a PDF file (the system dialog replaced), read back with pypdf and compared with the originals.

Printing rasterises each page (QPdfDocument.render at the printer's resolution), so the printed file holds page
images, not text: the tests compare what is printed with what the original looks like, pixel by pixel."""

from __future__ import annotations

import io
import time

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

import ui.pdf_view as pv
from ui.pdf_view import PdfView, print_pdf

pytestmark = pytest.mark.gui


def make_pdf(tag: str, pages: int) -> bytes:
    """An A4 PDF whose pages differ visibly: a big bold label placed by tag (x) and page (y), and four solid
    squares at the corners of the official type area (28 mm left, 37 mm top) that show where the page lands."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    width, height = A4
    left, top, right, bottom = 28 * mm, 37 * mm, 26 * mm, 35 * mm
    for n in range(1, pages + 1):
        c.setFont("Helvetica-Bold", 48)
        c.drawString(left + (ord(tag[0]) - ord("A")) * 200, height - top - 130 * n, f"{tag}-{n}")
        for x, y in ((left, bottom), (width - right - 20, bottom), (left, height - top - 20),
                     (width - right - 20, height - top - 20)):
            c.rect(x, y, 20, 20, stroke=0, fill=1)
        c.showPage()
    c.save()
    return buf.getvalue()


def spin(seconds: float = 0.3) -> None:
    """QPdfView renders pages in a worker: give it a moment before grabbing."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def dark(data: bytes, page: int, dpi: int = 40) -> set[tuple[int, int]]:
    """The dark pixels of a page rendered at ``dpi``."""
    doc = pv.load_document(data)
    pt = doc.pagePointSize(page)
    size = QSize(round(pt.width() * dpi / 72), round(pt.height() * dpi / 72))
    img = pv._page_image(doc, page, size, 0, size.height())
    doc.close()
    return {(x, y) for y in range(img.height()) for x in range(img.width())
            if QColor(img.pixel(x, y)).lightness() < 128}


def same_page(a: set[tuple[int, int]], b: set[tuple[int, int]]) -> float:
    """How well two sets of dark pixels cover each other, allowing a pixel of edge blur (1.0 = identical)."""
    def covered(p: set[tuple[int, int]], q: set[tuple[int, int]]) -> float:
        grown = {(x + dx, y + dy) for x, y in q for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
        return sum(xy in grown for xy in p) / max(1, len(p))

    return min(covered(a, b), covered(b, a))


@pytest.fixture
def view(qtbot):
    v = PdfView()
    qtbot.addWidget(v)
    v.resize(700, 800)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_view_shows_the_pages_with_counter_and_zoom(view, qtbot, tmp_path):
    assert view.page_count() == 0 and view.placeholder.isVisible()
    with qtbot.waitSignal(view.pageCountChanged) as got:
        view.set_pdf(make_pdf("A", 3))
    assert got.args == [3] and view.page_count() == 3
    assert view.view.isVisible() and not view.placeholder.isVisible()
    assert view.page_label.text() == "第 1 / 3 页"
    assert view.is_fit_width()
    fit = view.zoom()
    assert view.zoom_label.text() == f"{round(fit * 100)}%"
    view.view.setFocus()
    qtbot.keyClick(view.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert not view.is_fit_width() and view.zoom() > fit
    qtbot.keyClick(view.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() < fit
    qtbot.keyClick(view.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.is_fit_width() and view.zoom() == pytest.approx(fit)
    # scrolling to the end shows the last page in the counter
    bar = view.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: view.page_label.text() == "第 3 / 3 页")
    spin()
    assert view.grab().save(str(tmp_path / "pdf_view.png"))
    view.set_pdf(None)
    assert view.page_count() == 0 and view.placeholder.isVisible() and view.page_label.text() == ""


class FilePrinter:
    """Stands in for the system print dialog: a QPrinter writing a PDF file, asked once per batch."""

    def __init__(self, path, *, dpi: int = 100, pages: tuple[int, int] | None = None, cancel: bool = False):
        self.path, self.dpi, self.pages, self.cancel = path, dpi, pages, cancel
        self.asked: list[int] = []

    def __call__(self, parent, *, ask: bool, pages: int):  # type: ignore[no-untyped-def]
        from PySide6.QtPrintSupport import QPrinter

        self.asked.append(pages)
        if self.cancel:
            return None
        printer = pv._a4_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.path))
        printer.setResolution(self.dpi)
        if self.pages:
            printer.setFromTo(*self.pages)
        return printer


def test_a_batch_prints_every_page_in_order_on_a4_through_one_dialog(tmp_path, monkeypatch):
    a, b = make_pdf("A", 2), make_pdf("B", 1)
    chooser = FilePrinter(tmp_path / "printed.pdf")
    monkeypatch.setattr(pv, "choose_printer", chooser)

    assert print_pdf(None, [a, b]) == 3
    assert chooser.asked == [3]  # one dialog for the whole batch, told how many pages
    printed = (tmp_path / "printed.pdf").read_bytes()
    reader = PdfReader(io.BytesIO(printed))
    assert len(reader.pages) == 3
    for page in reader.pages:  # A4 paper, nothing rescaled to another size
        assert float(page.mediabox.width) == pytest.approx(595.3, abs=1)
        assert float(page.mediabox.height) == pytest.approx(841.9, abs=1)
    originals = [dark(a, 0), dark(a, 1), dark(b, 0)]
    for n, original in enumerate(originals):
        got = dark(printed, n)
        assert same_page(got, original) > 0.9, n  # 1:1 at the same place on the paper
        others = [o for m, o in enumerate(originals) if m != n]
        assert all(same_page(got, o) < 0.8 for o in others), n  # and not some other page


def test_a_page_range_counts_across_the_batch(tmp_path, monkeypatch):
    a, b = make_pdf("A", 2), make_pdf("B", 1)
    monkeypatch.setattr(pv, "choose_printer", FilePrinter(tmp_path / "range.pdf", pages=(2, 3)))
    assert print_pdf(None, [a, b]) == 2
    printed = (tmp_path / "range.pdf").read_bytes()
    assert len(PdfReader(io.BytesIO(printed)).pages) == 2
    assert same_page(dark(printed, 0), dark(a, 1)) > 0.9
    assert same_page(dark(printed, 1), dark(b, 0)) > 0.9


def test_high_resolution_pages_are_rendered_in_bands_without_seams(tmp_path, monkeypatch):
    monkeypatch.setattr(pv, "BAND_BYTES", 2 * 1024 * 1024)  # 300 dpi A4 (≈ 35 MB) → about 18 bands
    a = make_pdf("A", 1)
    monkeypatch.setattr(pv, "choose_printer", FilePrinter(tmp_path / "bands.pdf", dpi=300))
    assert print_pdf(None, [a]) == 1
    printed = (tmp_path / "bands.pdf").read_bytes()
    assert same_page(dark(printed, 0, dpi=60), dark(a, 0, dpi=60)) > 0.9


def test_cancelling_the_dialog_prints_nothing(tmp_path, monkeypatch):
    chooser = FilePrinter(tmp_path / "never.pdf", cancel=True)
    monkeypatch.setattr(pv, "choose_printer", chooser)
    assert print_pdf(None, [make_pdf("A", 1)]) == 0
    assert chooser.asked == [1] and not (tmp_path / "never.pdf").exists()
    assert print_pdf(None, []) == 0 and chooser.asked == [1]  # nothing to print: no dialog at all


def test_a_long_batch_shows_progress_and_can_be_cancelled(tmp_path, monkeypatch):
    monkeypatch.setattr(pv, "choose_printer", FilePrinter(tmp_path / "long.pdf", dpi=50))
    seen: list[int] = []
    real_step = pv._PrintProgress.step

    def step(self, done: int) -> bool:  # type: ignore[no-untyped-def]
        assert self.dialog is not None and self.dialog.maximum() == 5  # more than three pages: a progress dialog
        seen.append(done)
        real_step(self, done)
        assert self.dialog.labelText() == f"正在打印第 {done + 1} / 5 页…"
        return done == 2  # the user presses 取消 while the third page is due

    monkeypatch.setattr(pv._PrintProgress, "step", step)
    assert print_pdf(None, [make_pdf("A", 3), make_pdf("B", 2)]) == 0
    assert seen == [0, 1, 2]
    monkeypatch.setattr(pv._PrintProgress, "step", real_step)
    assert print_pdf(None, [make_pdf("A", 3), make_pdf("B", 2)]) == 5
    assert len(PdfReader(tmp_path / "long.pdf").pages) == 5
