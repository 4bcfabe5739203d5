"""Run long work (imports, exports, generation) off the UI thread behind a modal progress dialog.

    result = run_task(parent, title, label, fn)            # fn(progress) -> result, in a worker thread
    result = run_in_session(parent, ctx, title, label, fn)  # fn(session, progress) -> result, own session

The call returns fn's result, or raises the exception fn raised (``TaskCancelled`` when the user pressed 取消).
While fn runs, the UI thread waits in a local event loop: windows repaint, the progress dialog updates, and the
modal dialog keeps the user from starting something else.

``progress(done, total, text)`` may be called as often as fn likes (it is throttled); ``total=0`` shows a busy bar.
It raises ``TaskCancelled`` inside the worker after the user cancelled, so fn stops at its next report and, in
``run_in_session``, the session rolls back.

Threading: the worker (a plain Python thread, joined before run_task returns) only emits signals through a
``_Signals`` object that the main-thread ``_TaskRunner`` owns; the runner's slots (decorated with @Slot so Qt queues the calls to the main thread) update
the dialog. A worker never touches widgets, and each worker opens its own database session.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ui.context import AppContext

T = TypeVar("T")
ProgressFn = Callable[[int, int, str], None]

_MIN_INTERVAL_S = 0.05  # at most ~20 progress updates a second reach the UI thread


class TaskCancelled(Exception):
    """The user cancelled the task; nothing the task wrote in its session was kept."""



class _Signals(QObject):
    """Lives in (and belongs to) the main thread; the worker only emits through it."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class _Worker:
    """Runs in a plain Python thread: no Qt object whose lifetime could end while its thread still runs."""

    def __init__(self, fn: Callable[[ProgressFn], Any], signals: _Signals, cancel: threading.Event) -> None:
        self._fn = fn
        self._signals = signals
        self._cancel = cancel
        self._last = 0.0

    def _report(self, done: int, total: int, text: str = "") -> None:
        if self._cancel.is_set():
            raise TaskCancelled()
        now = time.monotonic()
        if now - self._last >= _MIN_INTERVAL_S or (total and done >= total):
            self._last = now
            self._signals.progress.emit(int(done), int(total), text)

    def run(self) -> None:
        try:
            result = self._fn(self._report)
        except BaseException as exc:  # handed to the UI thread, which re-raises it
            self._signals.failed.emit(exc)
        else:
            self._signals.finished.emit(result)


class _TaskRunner(QObject):
    """Main-thread side of one task: the progress dialog, the signals object, and the wait."""

    def __init__(self, parent: QWidget | None, title: str, label: str, cancellable: bool) -> None:
        super().__init__(parent)
        self._signals = _Signals(self)
        self._signals.progress.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._cancel = threading.Event()
        self._cancellable = cancellable
        self._loop = QEventLoop(self)
        self._done = False
        self._result: Any = None
        self._error: BaseException | None = None

        dlg = QProgressDialog(label, QCoreApplication.translate("tasks", "取消") if cancellable else "", 0, 0, parent)
        dlg.setWindowTitle(title)
        dlg.setWindowModality(Qt.WindowModality.ApplicationModal)
        dlg.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        dlg.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        dlg.setMinimumDuration(0)
        dlg.setMinimumWidth(420)
        if not cancellable:
            dlg.setCancelButton(None)
        dlg.canceled.connect(self._on_cancel)
        self.dialog = dlg

    def run(self, fn: Callable[[ProgressFn], T]) -> T:
        worker = _Worker(fn, self._signals, self._cancel)
        thread = threading.Thread(target=worker.run, name="tijian-task", daemon=True)
        self.dialog.show()
        thread.start()
        if not self._done:
            self._loop.exec()
        thread.join()  # the result has arrived: the thread is only returning
        self.dialog.hide()
        self.dialog.deleteLater()
        if self._error is not None:
            raise self._error
        return self._result

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        if self._cancel.is_set() or self._done:
            return
        if text:
            self.dialog.setLabelText(text)
        if total > 0:
            self.dialog.setRange(0, total)
            self.dialog.setValue(min(done, total))
        else:
            self.dialog.setRange(0, 0)

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self._result = result
        self._finish()

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self._error = error if isinstance(error, BaseException) else RuntimeError(str(error))
        self._finish()

    @Slot()
    def _on_cancel(self) -> None:
        if self._done:
            return
        if self._cancellable:
            self._cancel.set()
            self.dialog.setLabelText(QCoreApplication.translate("tasks", "正在取消…"))
            button = self.dialog.findChild(QPushButton)
            if button is not None:  # disabled, not removed: we may be inside its clicked() signal
                button.setEnabled(False)
        self.dialog.setRange(0, 0)
        self.dialog.show()  # QProgressDialog hides itself on cancel; stay up (modal) until the worker stops

    def _finish(self) -> None:
        self._done = True
        self._loop.quit()


def run_task(parent: QWidget | None, title: str, label: str, fn: Callable[[ProgressFn], T], *,
             cancellable: bool = True) -> T:
    """Run ``fn(progress)`` in a worker thread behind a modal progress dialog; return its result or raise its error."""
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        raise RuntimeError("run_task must be called from the UI thread")
    runner = _TaskRunner(parent, title, label, cancellable)
    try:
        return runner.run(fn)
    finally:
        runner.deleteLater()


def run_in_session(parent: QWidget | None, ctx: AppContext, title: str, label: str,
                   fn: Callable[[Session, ProgressFn], T], *, cancellable: bool = True) -> T:
    """Like run_task, with a database session of the worker's own (commit on success, rollback on any error)."""

    def work(progress: ProgressFn) -> T:
        with ctx.session() as session:
            return fn(session, progress)

    return run_task(parent, title, label, work, cancellable=cancellable)


__all__ = ["ProgressFn", "TaskCancelled", "run_in_session", "run_task"]
