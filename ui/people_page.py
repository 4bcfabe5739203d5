"""专家库 module: the people the office sends out — experts, law-enforcement officers, safety supervisors."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.context import AppContext


class PeoplePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui.experts_page import ExpertsPage
        from ui.officers_page import OfficersPage, SupervisorsPage

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.experts = ExpertsPage(ctx)
        self.tabs.addTab(self.experts, self.tr("专家"))
        self.officers = OfficersPage(ctx)
        self.supervisors = SupervisorsPage(ctx)
        self.tabs.addTab(self.officers, self.tr("执法人员"))
        self.tabs.addTab(self.supervisors, self.tr("安全生产监督员"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.tabs)

    def save_state(self, settings) -> None:  # type: ignore[no-untyped-def]
        self.experts.save_state(settings)

    def restore_state(self, settings) -> None:  # type: ignore[no-untyped-def]
        self.experts.restore_state(settings)
