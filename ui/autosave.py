"""Autosave for forms without a 保存 button (the on-site inspection screen).

    saver = AutoSaver(parent)
    saver.watch_line(edit, lambda text: store(text))       # saved on leaving the field, or 0.7 s after typing stops
    saver.watch_text(plain_text_edit, store)
    saver.watch_combo(combo, store)                           # saved at once when the choice changes
    saver.watch_check(check_box, store) / saver.watch_date(optional_date_edit, store)
    with saver.loading():                                     # filling the form does not save
        edit.setText(...)
    saver.flush()                                             # before the form shows another record

``store(value)`` runs on the UI thread and commits its own short transaction (ui/inspection_page.py), so a change
is on disk about 0.7 s after the last key (SQLite synchronous=FULL: models/db.py). A store that raises
``ServiceError`` marks the field invalid and emits ``failed``; the value stays in the field for the user to correct.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from models.services.errors import ServiceError
from ui.widgets import OptionalDateEdit, mark

DELAY_MS = 700


class _Field:
    def __init__(self, widget: QWidget, read: Callable[[], Any], store: Callable[[Any], None]) -> None:
        self.widget = widget
        self.read = read
        self.store = store
        self.dirty = False
        self.timer: QTimer | None = None


class AutoSaver(QObject):
    saved = Signal(str)  # "已保存 10:31:05"
    failed = Signal(str)  # the service's message

    def __init__(self, parent: QObject | None = None, delay_ms: int = DELAY_MS) -> None:
        super().__init__(parent)
        self._delay = delay_ms
        self._fields: dict[QWidget, _Field] = {}
        self._loading = 0

    # ---------------------------------------------------------------------------------------------- watching

    def _typed(self, widget: QWidget, read: Callable[[], Any], store: Callable[[Any], None]) -> _Field:
        f = _Field(widget, read, store)
        f.timer = QTimer(self)
        f.timer.setSingleShot(True)
        f.timer.setInterval(self._delay)
        f.timer.timeout.connect(lambda: self._save(f))
        self._fields[widget] = f
        widget.installEventFilter(self)
        return f

    def watch_line(self, edit: QLineEdit, store: Callable[[str], None]) -> None:
        f = self._typed(edit, edit.text, store)
        edit.textEdited.connect(lambda _t: self._changed(f))
        edit.editingFinished.connect(lambda: self._save(f))

    def watch_text(self, edit: QPlainTextEdit, store: Callable[[str], None]) -> None:
        f = self._typed(edit, edit.toPlainText, store)
        edit.textChanged.connect(lambda: self._changed(f))

    def watch_combo(self, combo: QComboBox, store: Callable[[Any], None], *, editable_text: bool = False) -> None:
        """A choice is stored at once; an editable combo's typed text like a line edit."""
        if editable_text:
            f = self._typed(combo, combo.currentText, store)
            combo.editTextChanged.connect(lambda _t: self._changed(f))
            combo.activated.connect(lambda _i: self._save(f))
            if combo.lineEdit() is not None:
                combo.lineEdit().editingFinished.connect(lambda: self._save(f))
            return
        f = _Field(combo, combo.currentData, store)
        self._fields[combo] = f
        combo.currentIndexChanged.connect(lambda _i: self._changed_now(f))

    def watch_check(self, box: QAbstractButton, store: Callable[[bool], None]) -> None:
        f = _Field(box, box.isChecked, store)
        self._fields[box] = f
        box.toggled.connect(lambda _on: self._changed_now(f))

    def watch_date(self, edit: OptionalDateEdit, store: Callable[[Any], None]) -> None:
        f = self._typed(edit, edit.value, store)
        edit.dateChanged.connect(lambda _d: self._changed(f))
        edit.editingFinished.connect(lambda: self._save(f))

    # ---------------------------------------------------------------------------------------------- state

    @contextmanager
    def loading(self) -> Iterator[None]:
        """Fill the form without saving. Pending changes are stored first: nothing typed is ever dropped."""
        if not self._loading:
            self.flush()
        self._loading += 1
        try:
            yield
        finally:
            self._loading -= 1
            for f in self._fields.values():
                f.dirty = False
                if f.timer is not None:
                    f.timer.stop()

    def pending(self) -> bool:
        return any(f.dirty for f in self._fields.values())

    def flush(self) -> bool:
        """Store every pending change now; False when one was refused."""
        ok = True
        for f in list(self._fields.values()):
            if f.dirty:
                ok = self._save(f) and ok
        return ok

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and watched in self._fields:
            f = self._fields[watched]  # type: ignore[index]
            if f.dirty:
                self._save(f)
        return False

    # ---------------------------------------------------------------------------------------------- saving

    def _changed(self, f: _Field) -> None:
        if self._loading:
            return
        f.dirty = True
        if f.timer is not None:
            f.timer.start()

    def _changed_now(self, f: _Field) -> None:
        if self._loading:
            return
        f.dirty = True
        self._save(f)

    def _save(self, f: _Field) -> bool:
        if f.timer is not None:
            f.timer.stop()
        if not f.dirty or self._loading:
            return True
        f.dirty = False
        try:
            f.store(f.read())
        except ServiceError as exc:
            mark(f.widget, "invalid", True)
            f.widget.setToolTip(str(exc))
            self.failed.emit(str(exc))
            return False
        if f.widget.property("invalid"):
            mark(f.widget, "invalid", False)
            f.widget.setToolTip("")
        self.saved.emit(datetime.now().strftime("%H:%M:%S"))
        return True
