"""Small widgets shared by pages."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QWidget


class ValueCombo(QComboBox):
    """A combo box whose items carry values; ``value()`` returns the value of the current item."""

    def add(self, label: str, value: Any) -> None:
        self.addItem(label, value)

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> bool:
        for i in range(self.count()):
            if self.itemData(i) == value:
                self.setCurrentIndex(i)
                return True
        return False


class OptionalDateEdit(QDateEdit):
    """A date field that may be empty: the minimum date shows as the special text "未填"."""

    _EMPTY = QDate(1900, 1, 1)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(self._EMPTY)
        self.setSpecialValueText(self.tr("未填"))
        self.setDate(self._EMPTY)

    def value(self) -> date | None:
        d = self.date()
        return None if d == self._EMPTY else date(d.year(), d.month(), d.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(self._EMPTY if value is None else QDate(value.year, value.month, value.day))


def remember_geometry(widget: QWidget, key: str) -> None:
    """Restore ``widget``'s size and position from the user's settings now and save them when it closes
    (Picard's PreserveGeometry): a dialog opens where the user left it, per dialog class."""
    from PySide6.QtCore import QSettings

    name = f"geometry/{key}"
    saved = QSettings().value(name)
    if saved is not None:
        widget.restoreGeometry(saved)
    done = getattr(widget, "finished", None)
    if done is not None:
        done.connect(lambda *_: QSettings().setValue(name, widget.saveGeometry()))
