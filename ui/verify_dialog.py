"""核验文书: does a PDF file match an issued document of the archive?

    VerifyDialog.run(parent, ctx)             # the dialog; 选择文件… asks for a PDF (``choose_file``, patchable)
    dlg.check_file(path) -> Verification     # what the button does after choosing

The answer (``documents.verify``) is shown in large text — green when the file is the archived original, red
otherwise (modified, voided, unknown) — with the archived document's number, firm, status and issue time.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.enums import DOCUMENT_KIND_LABELS, DocumentStatus
from models.services.errors import ServiceError
from ui import alerts
from ui.labels import enum_label
from ui.widgets import mark, remember_geometry

if TYPE_CHECKING:
    from models.services.documents import DocumentRow, Verification
    from ui.context import AppContext


def local_time(dt: datetime | None) -> str:
    """A stored UTC time as the local ``YYYY-MM-DD HH:MM``."""
    if dt is None:
        return ""
    return f"{dt.replace(tzinfo=UTC).astimezone():%Y-%m-%d %H:%M}"


def status_text(row: DocumentRow) -> str:
    """已签发 / 作废（reason） / 草稿, in the interface language."""
    if row.status == DocumentStatus.VOID:
        text = QCoreApplication.translate("DocumentStatus", "作废")
        return f"{text}（{row.void_reason}）" if row.void_reason else text
    if row.status == DocumentStatus.ISSUED:
        return QCoreApplication.translate("DocumentStatus", "已签发")
    return QCoreApplication.translate("DocumentStatus", "草稿")


class VerifyDialog(QDialog):
    def __init__(self, parent: QWidget | None, ctx: AppContext) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.result: Verification | None = None
        self.setObjectName("verifyDialog")
        self.setWindowTitle(self.tr("核验文书"))
        intro = QLabel(self.tr("选择一份 PDF 文件（扫描件除外），与档案中保存的原件比对：文件是否由本局出具、是否被修改、"
                               "是否已作废。"))
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        self.file_label = QLabel(self.tr("尚未选择文件"))
        self.file_label.setObjectName("verifyFile")
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(self.tr("选择文件…"))
        self.choose_button.setToolTip(self.tr("选择要核验的 PDF 文件（Ctrl+O）"))
        self.choose_button.clicked.connect(self.choose_and_check)
        self.verdict = QLabel()
        self.verdict.setObjectName("verifyVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict.setMinimumHeight(90)
        font = self.verdict.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.verdict.setFont(font)

        self.number = QLabel()
        self.kind = QLabel()
        self.firm = QLabel()
        self.status = QLabel()
        self.issued = QLabel()
        details = QFormLayout()
        details.addRow(self.tr("文号"), self.number)
        details.addRow(self.tr("文书"), self.kind)
        details.addRow(self.tr("被检查单位"), self.firm)
        details.addRow(self.tr("状态"), self.status)
        details.addRow(self.tr("签发"), self.issued)
        for w in (self.number, self.kind, self.firm, self.status, self.issued):
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QWidget()
        self.details.setLayout(details)
        self.details.hide()

        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(top)
        lay.addWidget(self.verdict)
        lay.addWidget(self.details)
        lay.addStretch(1)
        lay.addLayout(bottom)
        self.resize(640, 420)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Open), self, activated=self.choose_and_check)
        remember_geometry(self, "VerifyDialog")

    @classmethod
    def run(cls, parent: QWidget | None, ctx: AppContext) -> None:
        dlg = cls(parent, ctx)
        try:
            dlg.exec()
        finally:
            dlg.deleteLater()

    @staticmethod
    def choose_file(parent: QWidget | None) -> str | None:
        """The PDF to check (the patch point for tests)."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("VerifyDialog", "选择要核验的文书"), folder,
                                              QCoreApplication.translate("VerifyDialog", "PDF 文件 (*.pdf);;所有文件 (*)"))
        return path or None

    def choose_and_check(self) -> None:
        path = type(self).choose_file(self)
        if path:
            self.check_file(path)

    def check_file(self, path: str | Path) -> Verification | None:
        from models.services import documents as docs

        path = Path(path)
        self.file_label.setText(str(path))
        try:
            data = path.read_bytes()
        except OSError as exc:
            alerts.error(self, self.tr("核验文书"), self.tr("无法读取文件：{error}").format(error=exc.strerror or exc))
            return None
        try:
            with self._ctx.session() as s:
                result = docs.verify(s, data)
        except ServiceError as exc:
            alerts.error(self, self.tr("核验文书"), str(exc))
            return None
        self.show_result(result)
        return result

    def show_result(self, result: Verification) -> None:
        self.result = result
        self.verdict.setText(result.message)
        # green for the archived original, red for anything else: resources/styles/tijian.qss
        # (QLabel#verifyVerdict[verdict="match"] / [verdict="mismatch"])
        mark(self.verdict, "verdict", "match" if result.ok else "mismatch")
        row = result.document
        self.details.setVisible(row is not None)
        if row is not None:
            self.number.setText(row.number or "—")
            self.kind.setText(enum_label(DOCUMENT_KIND_LABELS.get(row.kind, row.kind)))
            self.firm.setText(row.enterprise_name)
            self.status.setText(status_text(row))
            self.issued.setText(" ".join(x for x in (local_time(row.issued_at), row.issued_by) if x))


__all__ = ["VerifyDialog", "local_time", "status_text"]
