"""Run by tests/test_autosave_kill.py in a separate process: records on the inspection screen, says what it typed
and when, then keeps running until it is killed with SIGKILL (no chance to save on exit)."""

from __future__ import annotations

import sys
import uuid

from PySide6.QtWidgets import QApplication


def main(url: str, stop_id: str) -> None:
    app = QApplication(sys.argv[:1])
    from ui.context import AppContext
    from ui.inspection_page import InspectionPage

    page = InspectionPage(AppContext.open(url, actor="专家"))
    page.show()
    page.open_stop(uuid.UUID(stop_id))
    # Keys 2 and 1 on the first items (stored at once), then text typed into fields without leaving them.
    page.set_outcome(0, "fail")
    page.set_outcome(1, "pass")
    page.view.setCurrentIndex(page.model.index(1, 1))
    page.note.setFocus()
    page.note.setPlainText("现场灭火器 3 具，其中 1 具压力不足")
    page.tabs.setCurrentIndex(1)
    page.h_location.setFocus()
    page.h_location.setText("二号仓库")
    page.h_location.textEdited.emit("二号仓库")
    print("TYPED", flush=True)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
