"""Showing and printing PDF bytes (QtPdf, from PySide6-Addons; imported on first use so start-up does not load it).

    view = PdfView(parent); view.set_pdf(data)   # continuous pages, fit width, Ctrl++ / Ctrl+- / Ctrl+0, 第 M / N 页
    printed = print_pdf(parent, [pdf1, pdf2])     # one system print dialog for the whole batch; 0 when cancelled

Printing renders every page with ``QPdfDocument.render`` at the printer's resolution (at most ``MAX_PRINT_DPI``)
and paints it on the printer at its natural size from the paper's top-left corner (full-page mode): an A4 document
on A4 paper comes out 1:1 with the margins the PDF has, never "fit to page". A page is rendered in horizontal bands
so a 600 dpi page needs about 32 MB at a time, not 140 MB. The printer comes from ``choose_printer`` — the one place
that opens the system dialog; tests replace it with a ``QPrinter`` writing a PDF file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
MAX_PRINT_DPI = 600  # finer than any office printer needs; 1200 dpi "print to file" would make 560 MB page images
BAND_BYTES = 32 * 1024 * 1024  # the largest piece of a page rendered at once when printing


def load_document(data: bytes, parent=None) -> QPdfDocument:  # type: ignore[no-untyped-def]
    """A QPdfDocument over ``data`` (its QBuffer is kept as the document's child, alive as long as it is)."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument(parent)
    buf = QBuffer(doc)
    buf.setData(QByteArray(data))
    buf.open(QIODevice.OpenModeFlag.ReadOnly)
    doc.load(buf)
    return doc


class PdfView(QWidget):
    """PDF bytes in a continuous multi-page view: a small bar (page counter, zoom −/+, 适合宽度) over the pages.

    ``set_pdf(bytes | None)`` shows a document (None: the placeholder text); ``page_count()``; ``pageCountChanged``.
    Zoom: fit width by default; Ctrl++ / Ctrl+- step through ``ZOOM_STEPS``, Ctrl+0 back to fit width."""

    pageCountChanged = Signal(int)  # noqa: N815 (Qt signal naming)

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = "") -> None:
        super().__init__(parent)
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self._data = b""
        self._doc = QPdfDocument(self)
        self._buffer = None
        self.view = QPdfView(self)
        self.view.setObjectName("pdfPages")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self._doc)
        self.view.setPageSpacing(12)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # PageUp/PageDown/arrows scroll once it has focus

        self.placeholder = QLabel(placeholder or self.tr("没有可显示的文书"))
        self.placeholder.setObjectName("pdfPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self._stack = QStackedWidget()
        self._stack.addWidget(self.placeholder)
        self._stack.addWidget(self.view)

        self.page_label = QLabel()
        self.page_label.setObjectName("pdfPageLabel")
        self.page_label.setMinimumWidth(self.page_label.fontMetrics().horizontalAdvance(self.tr("第 {m} / {n} 页")
                                                                                        .format(m=888, n=888)) + 8)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("pdfZoomLabel")
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_out_button = self._tool("−", self.tr("缩小（Ctrl+-）"), self.zoom_out)
        self.zoom_in_button = self._tool("+", self.tr("放大（Ctrl++）"), self.zoom_in)
        self.fit_button = self._tool(self.tr("适合宽度"), self.tr("页面宽度适合窗口（Ctrl+0）"), self.fit_width)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.fit_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addLayout(bar)
        lay.addWidget(self._stack, 1)

        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (((QKeySequence.StandardKey.ZoomIn, "Ctrl+="), self.zoom_in),
                           ((QKeySequence.StandardKey.ZoomOut,), self.zoom_out),
                           (("Ctrl+0",), self.fit_width)):
            for key in keys:
                QShortcut(QKeySequence(key), self, activated=slot, context=ctx)

        self.view.pageNavigator().currentPageChanged.connect(self._update_labels)
        self.view.zoomFactorChanged.connect(self._update_labels)
        self.view.zoomModeChanged.connect(self._update_labels)
        self._update_labels()

    def _tool(self, text: str, tip: str, slot) -> QToolButton:  # type: ignore[no-untyped-def]
        b = QToolButton()
        b.setText(text)
        b.setToolTip(tip)
        b.setAutoRaise(True)
        b.clicked.connect(slot)
        return b

    # ------------------------------------------------------------------------------------------ content

    def set_pdf(self, data: bytes | None) -> None:
        """Show ``data`` (PDF bytes) from its first page, or the placeholder when None/empty."""
        from PySide6.QtCore import QBuffer, QIODevice

        self._doc.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        self._data = bytes(data or b"")
        if self._data:
            buf = QBuffer(self)
            buf.setData(QByteArray(self._data))
            buf.open(QIODevice.OpenModeFlag.ReadOnly)
            self._buffer = buf
            self._doc.load(buf)
        shown = self.page_count() > 0
        self._stack.setCurrentWidget(self.view if shown else self.placeholder)
        if shown:
            self.view.verticalScrollBar().setValue(0)
        self._update_labels()
        self.pageCountChanged.emit(self.page_count())

    def set_placeholder(self, text: str) -> None:
        self.placeholder.setText(text)

    def pdf(self) -> bytes:
        return self._data

    def page_count(self) -> int:
        from PySide6.QtPdf import QPdfDocument

        return self._doc.pageCount() if self._doc.status() == QPdfDocument.Status.Ready else 0

    def document(self) -> QPdfDocument:
        return self._doc

    def current_page(self) -> int:
        """The page at the top of the view (0-based; QPdfView's navigator follows the scrolling)."""
        return min(max(0, self.view.pageNavigator().currentPage()), max(0, self.page_count() - 1))

    # ------------------------------------------------------------------------------------------ zoom

    def _effective_zoom(self) -> float:
        from PySide6.QtPdfWidgets import QPdfView

        if self.view.zoomMode() != QPdfView.ZoomMode.FitToWidth or self.page_count() == 0:
            return self.view.zoomFactor()
        widest = max(self._doc.pagePointSize(p).width() for p in range(self.page_count()))
        m = self.view.documentMargins()
        avail = self.view.viewport().width() - m.left() - m.right()
        return max(0.05, avail / (widest * self.view.logicalDpiX() / 72.0)) if widest else 1.0

    def zoom(self) -> float:
        """The scale shown (1.0 = 100 %, real size on a 72-dpi-per-point screen as QPdfView counts it)."""
        return self._effective_zoom()

    def set_zoom(self, factor: float) -> None:
        from PySide6.QtPdfWidgets import QPdfView

        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], factor)))
        self._update_labels()

    def zoom_in(self) -> None:
        now = self._effective_zoom()
        self.set_zoom(next((z for z in ZOOM_STEPS if z > now + 0.005), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        now = self._effective_zoom()
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < now - 0.005), ZOOM_STEPS[0]))

    def fit_width(self) -> None:
        from PySide6.QtPdfWidgets import QPdfView

        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_labels()

    def is_fit_width(self) -> bool:
        from PySide6.QtPdfWidgets import QPdfView

        return self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth

    def _update_labels(self, *_: object) -> None:
        n = self.page_count()
        self.page_label.setText(self.tr("第 {m} / {n} 页").format(m=self.current_page() + 1, n=n) if n else "")
        self.zoom_label.setText(f"{round(self._effective_zoom() * 100)}%" if n else "")
        self.fit_button.setEnabled(bool(n) and not self.is_fit_width())
        for b in (self.zoom_in_button, self.zoom_out_button):
            b.setEnabled(bool(n))

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        self._update_labels()


# ================================================================================================ printing


class PrintFailed(Exception):
    """The printer could not be started; the message is for the user."""


def _a4_printer() -> QPrinter:
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # coordinates from the paper's corner: the PDF's own margins stay exact
    return printer


def choose_printer(parent: QWidget | None, *, ask: bool, pages: int) -> QPrinter | None:
    """The printer for a batch of ``pages`` pages: the system print dialog when ``ask`` (None when cancelled), else
    the default printer. The one patch point for tests (they return a QPrinter writing a PDF file)."""
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog

    printer = _a4_printer()
    if not ask:
        return printer
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("PdfView", "打印文书（共 {n} 页）").format(n=pages))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection, False)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, False)
    dialog.setMinMax(1, max(1, pages))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


def _page_image(doc: QPdfDocument, page: int, size: QSize, top: int, height: int):  # type: ignore[no-untyped-def]
    """Rows ``top``..``top+height`` of ``page`` rendered at full ``size``, on white (the render is transparent)."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtPdf import QPdfDocumentRenderOptions

    options = QPdfDocumentRenderOptions()
    if top or height != size.height():
        options.setScaledSize(size)
        options.setScaledClipRect(QRect(0, top, size.width(), height))
    rendered = doc.render(page, QSize(size.width(), height), options)
    out = QImage(size.width(), height, QImage.Format.Format_RGB32)
    out.fill(QColor(Qt.GlobalColor.white))
    p = QPainter(out)
    p.drawImage(0, 0, rendered)
    p.end()
    return out


class _PrintProgress:
    """打印第 m / n 页… with 取消, for batches of more than a few pages (the pages render in the UI thread)."""

    def __init__(self, parent: QWidget | None, total: int) -> None:
        from PySide6.QtWidgets import QProgressDialog

        self.dialog: QProgressDialog | None = None
        if total > 3:
            dlg = QProgressDialog(QCoreApplication.translate("PdfView", "正在打印…"),
                                  QCoreApplication.translate("PdfView", "取消"), 0, total, parent)
            dlg.setWindowTitle(QCoreApplication.translate("PdfView", "打印"))
            dlg.setWindowModality(Qt.WindowModality.ApplicationModal)
            dlg.setMinimumDuration(400)
            dlg.setAutoClose(False)
            dlg.setAutoReset(False)
            self.dialog = dlg
        self.total = total

    def step(self, done: int) -> bool:
        """Report ``done`` sheets; True when the user cancelled."""
        if self.dialog is None:
            return False
        self.dialog.setLabelText(QCoreApplication.translate("PdfView", "正在打印第 {m} / {n} 页…")
                                 .format(m=done + 1, n=self.total))
        self.dialog.setValue(done)
        QCoreApplication.processEvents()
        return self.dialog.wasCanceled()

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None


def print_pdf(parent: QWidget | None, pdfs: Sequence[bytes], *, ask: bool = True) -> int:
    """Print the documents ``pdfs`` (PDF bytes each) as one job through one print dialog; returns the number of
    sheets sent (0: cancelled or nothing to print). A page range chosen in the dialog counts across the batch.
    Raises ``PrintFailed`` when the printer cannot be opened."""
    from PySide6.QtCore import QRectF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter

    docs = [load_document(data) for data in pdfs if data]
    try:
        pages = [(d, p) for d in docs for p in range(d.pageCount())]
        if not pages:
            return 0
        printer = choose_printer(parent, ask=ask, pages=len(pages))
        if printer is None:
            return 0
        first, last = printer.fromPage(), printer.toPage()
        if first > 0 or last > 0:
            pages = pages[max(0, first - 1): last if last > 0 else None]
        copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        printer.setFullPage(True)
        printed = 0
        painter = QPainter()

        def fit_paper(points: QSizeF) -> None:
            orientation = (QPageLayout.Orientation.Landscape if points.width() > points.height()
                           else QPageLayout.Orientation.Portrait)
            portrait = QSizeF(min(points.width(), points.height()), max(points.width(), points.height()))
            size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
            if not printer.pageLayout().pageSize().isEquivalentTo(size):
                printer.setPageSize(size)
            if printer.pageLayout().orientation() != orientation:
                printer.setPageOrientation(orientation)

        fit_paper(pages[0][0].pagePointSize(pages[0][1]))
        if not painter.begin(printer):
            raise PrintFailed(QCoreApplication.translate(
                "PdfView", "无法开始打印：打印机“{name}”不可用。").format(name=printer.printerName() or "—"))
        total = len(pages) * copies
        progress = _PrintProgress(parent, total)
        try:
            scale = printer.resolution() / dpi  # device pixels per rendered pixel
            for _copy in range(copies):
                for doc, page in pages:
                    if progress.step(printed):
                        printer.abort()  # the spooled job is dropped: nothing comes out
                        return 0
                    points = doc.pagePointSize(page)
                    if printed:
                        fit_paper(points)
                        printer.newPage()
                    size = QSize(max(1, round(points.width() * dpi / 72)), max(1, round(points.height() * dpi / 72)))
                    band = max(1, min(size.height(), BAND_BYTES // (4 * size.width())))
                    for top in range(0, size.height(), band):
                        height = min(band, size.height() - top)
                        image = _page_image(doc, page, size, top, height)
                        target = QRectF(0, top * scale, size.width() * scale, height * scale)
                        painter.drawImage(target, image)
                    printed += 1
        finally:
            progress.close()
            if painter.isActive():
                painter.end()
        return printed
    finally:
        for d in docs:
            d.close()
            d.deleteLater()
