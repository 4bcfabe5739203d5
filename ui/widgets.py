"""Small widgets shared by pages."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)


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


_DOTS: dict[str, QPixmap] = {}


def colour_dot(colour: str) -> QPixmap:
    """A small filled circle in a colour, for table cells (risk, entry status, escalation …): a decoration, because
    the theme's item colours would override a text colour. Cached; made on first use, after QApplication exists."""
    pm = _DOTS.get(colour)
    if pm is None:
        pm = QPixmap(12, 12)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setBrush(QColor(colour))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(1, 1, 10, 10)
        p.end()
        _DOTS[colour] = pm
    return pm


def mark(widget: QWidget, prop: str, value: object) -> None:
    """Set a dynamic property that resources/styles/tijian.qss styles (``invalid``, ``role``) and re-polish."""
    widget.setProperty(prop, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class FormDialog(QDialog):
    """A form that saves through a service and stays open until the save succeeds or the user cancels: each
    service message (FieldError) appears under its field, the field is marked invalid, other messages on top.

    Subclasses add rows with ``_row`` and lay out with ``_finish``; OK calls ``save`` (theirs)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems = QLabel()  # messages that belong to no field of the form
        self.problems.setProperty("role", "error")
        self.problems.setWordWrap(True)
        self.problems.hide()
        self.form = QFormLayout()
        self.fields: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}

    def _row(self, label: str, name: str, widget: QWidget) -> None:
        message = QLabel()
        message.setProperty("role", "error")
        message.setWordWrap(True)
        message.hide()
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(message)
        self.form.addRow(label, box)
        self.fields[name] = widget
        self.messages[name] = message

    def _finish(self, extra: QWidget | None = None) -> None:
        """Messages on top, the form (or ``extra`` holding it), 确定 / 取消 at the bottom."""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(QCoreApplication.translate("FormDialog", "确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("FormDialog", "取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        lay = QVBoxLayout(self)
        lay.addWidget(self.problems)
        if extra is not None:
            lay.addWidget(extra)
        else:
            lay.addLayout(self.form)
        lay.addWidget(buttons)

    def save(self) -> None:
        raise NotImplementedError

    def show_errors(self, errors: list) -> None:  # list[FieldError]
        for name, w in self.fields.items():
            mark(w, "invalid", False)
            self.messages[name].clear()
            self.messages[name].hide()
        elsewhere: list[str] = []
        for e in errors:
            label = self.messages.get(e.field)
            if label is None:
                elsewhere.append(e.message)
                continue
            label.setText("\n".join(x for x in (label.text(), e.message) if x))
            label.show()
            mark(self.fields[e.field], "invalid", True)
        self.problems.setText("\n".join(elsewhere))
        self.problems.setVisible(bool(elsewhere))
        self._fit()
        first = next((e.field for e in errors if e.field in self.fields), None)
        if first is not None:
            self.fields[first].setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit(self) -> None:
        """Grow to the height the wrapped messages need at the current width (a top-level window does not follow
        heightForWidth by itself, and the messages would overlap the fields)."""
        lay = self.layout()
        lay.activate()
        if lay.hasHeightForWidth():
            needed = lay.totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)
