"""The re-inspection screen (复查): the hazards of one re-inspection visit, and per hazard what was found — 1 已整改,
2 部分整改 (+ a new deadline), 3 未整改 — with a note and evidence photos. Keyboard first, like the checklist of
ui/inspection_page.py: in the list 1/2/3 decide the current hazard and move on to the next undecided one, Enter
writes the note (Esc returns to the list), Ctrl+D opens the hazard's window.

A finding is final once stored (it closes the hazard or sets its deadline, and the re-inspection opinion certifies
it), so each is confirmed before it is stored: 已整改 and 未整改 ask yes/no, 部分整改 asks the new deadline. Notes are
stored as they are typed (ui/autosave.py); photos when they are added. The lead shows this page inside 现场检查 for
visits of kind REINSPECTION: ``open_visit(visit_id)``; ``finished`` when every hazard has its finding.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.enums import REINSPECTION_LABELS, SEVERITY_LABELS, ReinspectionOutcome, Severity
from models.services import photos as photo_svc
from models.services import rectification as svc
from models.services import settings as settings_svc
from models.services.errors import ServiceError
from ui import alerts
from ui.autosave import AutoSaver
from ui.context import AppContext
from ui.hazard_dialog import HazardDialog
from ui.labels import enum_label
from ui.photo_strip import PhotoStrip, PhotoViewer, captured_photo, prepare_photos
from ui.widgets import ValueCombo, mark

OUTCOME_KEYS = {Qt.Key.Key_1: ReinspectionOutcome.RECTIFIED, Qt.Key.Key_2: ReinspectionOutcome.PARTIAL,
                Qt.Key.Key_3: ReinspectionOutcome.NOT_RECTIFIED}
_COLOURS = {ReinspectionOutcome.RECTIFIED: QColor("#2e7d32"), ReinspectionOutcome.PARTIAL: QColor("#b26a00"),
            ReinspectionOutcome.NOT_RECTIFIED: QColor("#c62828")}


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class DeadlineDialog(QDialog):
    """部分整改: the new deadline (after the re-inspection day). Enter accepts, Esc cancels."""

    def __init__(self, description: str, minimum: date, default: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("部分整改：新的整改期限"))
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMinimumDate(_qdate(minimum))
        self.day.setDate(_qdate(max(default, minimum)))
        text = QLabel(self.tr("“%1”部分整改。请确定新的整改期限（应晚于复查日期）：").replace("%1", description[:40]))
        text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("记录部分整改"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("新的整改期限(&D)"), self.day)
        lay = QVBoxLayout(self)
        lay.addWidget(text)
        lay.addLayout(form)
        lay.addWidget(buttons)
        self.day.setFocus()

    def value(self) -> date:
        d = self.day.date()
        return date(d.year(), d.month(), d.day())

    @classmethod
    def ask(cls, parent: QWidget | None, description: str, minimum: date, default: date) -> date | None:
        """The one entry point (tests patch it): the chosen date, or None when cancelled."""
        dialog = cls(description, minimum, default, parent)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class HazardTable(QTableWidget):
    """1 已整改 · 2 部分整改 · 3 未整改 on the current row; Enter: write the note."""

    outcomeKey = Signal(int, object)  # row, ReinspectionOutcome
    noteRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        row = self.currentRow()
        if mods == Qt.KeyboardModifier.NoModifier and row >= 0:
            if event.key() in OUTCOME_KEYS:
                self.outcomeKey.emit(row, OUTCOME_KEYS[Qt.Key(event.key())])
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.noteRequested.emit()
                return
        super().keyPressEvent(event)


class ReinspectionPage(QWidget):
    changed = Signal(object)  # visit id: something was stored
    finished = Signal(object)  # visit id: every hazard has its finding

    COLUMNS = ("序号", "隐患描述", "等级", "整改期限", "复查结果")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reinspectionPage")
        self.ctx = ctx
        self.data: svc.ReinspectionData | None = None
        self._note_hazard: uuid.UUID | None = None  # whose note the note field holds
        self.today = date.today()
        self.saver = AutoSaver(self)
        self.saver.saved.connect(lambda t: self._status(self.tr("已自动保存 %1").replace("%1", t)))
        self.saver.failed.connect(lambda m: self._status(m, error=True))

        self.title = QLabel()
        self.title.setObjectName("inspectionTitle")
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.recorder = ValueCombo()
        self.recorder.setToolTip(self.tr("复查人员：复查结果记在此执法人员名下（重大事故隐患须持有效执法证）"))
        rec = QLabel(self.tr("复查人员(&R)"))
        rec.setBuddy(self.recorder)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.info)
        head.addLayout(titles, 1)
        head.addWidget(rec)
        head.addWidget(self.recorder)

        self.table = HazardTable(0, len(self.COLUMNS))
        self.table.setObjectName("reinspectionTable")
        self.table.setHorizontalHeaderLabels([self.tr("序号"), self.tr("隐患描述"), self.tr("等级"),
                                              self.tr("整改期限"), self.tr("复查结果")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for col in (0, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # The finding (部分整改（须于…前整改完毕）) wraps in a fixed column: sized to its contents it squeezed the
        # description to a character per line on a 1366-pixel laptop screen.
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(4, 110)
        self.table.outcomeKey.connect(self.decide)
        self.table.noteRequested.connect(lambda: self.note.setFocus())
        self.table.currentCellChanged.connect(lambda row, *_: self._row_changed(row))
        self.table.doubleClicked.connect(lambda _i: self.open_hazard())

        # the current hazard
        self.h_text = QLabel()
        self.h_text.setObjectName("sectionTitle")
        self.h_text.setWordWrap(True)
        self.h_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.h_facts = QLabel()
        self.h_facts.setWordWrap(True)
        self.h_facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome_buttons: dict[str, QPushButton] = {}
        buttons = QHBoxLayout()
        for n, code in enumerate(REINSPECTION_LABELS, start=1):
            b = QPushButton(f"{n} {enum_label(REINSPECTION_LABELS[code])}")
            b.setObjectName("reinspectionOutcome")
            b.setProperty("outcome", code)
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the list keeps the keyboard
            b.clicked.connect(lambda _c=False, code=code: self.decide(self.table.currentRow(), code))
            self.outcome_buttons[code] = b
            buttons.addWidget(b)
        self.detail_button = QPushButton(self.tr("隐患详情(&D)…"))
        self.detail_button.setToolTip(self.tr("Ctrl+D"))
        self.detail_button.clicked.connect(self.open_hazard)
        buttons.addStretch(1)
        buttons.addWidget(self.detail_button)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setObjectName("reinspectionNote")
        self.note.setPlaceholderText(self.tr("复查情况（Enter 从列表进入，Esc 返回列表）"))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        self.note.installEventFilter(self)
        self.saver.watch_text(self.note, self._store_note)
        self.evidence = PhotoStrip()
        self.evidence.setObjectName("reinspectionEvidence")
        self.evidence.filesChosen.connect(lambda paths: self._store_evidence(prepare_photos(self, paths)))
        self.evidence.imageCaptured.connect(lambda data: self._store_evidence(captured_photo(data)))
        self.evidence.removeRequested.connect(self._remove_evidence)
        self.evidence.openRequested.connect(self._view_photo)
        self.before = PhotoStrip()
        self.before.set_read_only(True)
        self.before.openRequested.connect(self._view_photo)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(self.h_text)
        rl.addWidget(self.h_facts)
        rl.addLayout(buttons)
        rl.addWidget(self.result)
        note_label = QLabel(self.tr("复查情况(&N)"))
        note_label.setBuddy(self.note)
        rl.addWidget(note_label)
        rl.addWidget(self.note)
        ev_box = QGroupBox(self.tr("整改证据照片"))
        QVBoxLayout(ev_box).addWidget(self.evidence)
        rl.addWidget(ev_box)
        before_box = QGroupBox(self.tr("检查发现时的照片"))
        QVBoxLayout(before_box).addWidget(self.before)
        rl.addWidget(before_box)
        rl.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(right)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 400])  # the hazard list first: its descriptions must stay readable

        self.progress = QLabel()
        self.state = QLabel()
        self.state.setObjectName("saveState")
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress)
        bottom.addWidget(self.state, 1)

        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(split, 1)
        lay.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+D"), self, activated=self.open_hazard)
        self.setEnabled(False)

    # ---------------------------------------------------------------------------------------------- loading

    def open_visit(self, visit_id: uuid.UUID) -> bool:
        """Show a re-inspection visit; False (with a message) when it cannot be shown."""
        self.saver.flush()
        try:
            with self.ctx.session() as s:
                data = svc.reinspection(s, visit_id)
                self.deadline_days = int(settings_svc.get(s, "hazard_deadline_days_general"))
        except ServiceError as exc:
            alerts.warning(self, self.tr("复查"), str(exc))
            return False
        self.today = date.today()
        self.setEnabled(True)
        with self.saver.loading():
            self.recorder.clear()
            for m in data.officers:
                self.recorder.add(f"{m.name}（{m.certificate_no}）" if m.certificate_no else m.name, m)
        self._show(data, first=True)
        self.table.setFocus()
        return True

    def reload(self) -> None:
        if self.data is None:
            return
        with self.ctx.session() as s:
            data = svc.reinspection(s, self.data.visit_id)
        self._show(data)

    def _show(self, data: svc.ReinspectionData, first: bool = False) -> None:
        keep = self.table.currentRow()
        self.data = data
        self.title.setText(self.tr("复查 · %1").replace("%1", data.enterprise_name))
        team = "、".join(m.name for m in data.officers)
        experts = "、".join(m.name for m in data.team if m.role != "officer")
        info = [data.day.isoformat(), self.tr("执法人员：%1").replace("%1", team or "—")]
        if experts:
            info.append(self.tr("专家：%1").replace("%1", experts))
        if data.address:
            info.append(data.address)
        self.info.setText(" · ".join(info))
        self.table.setRowCount(len(data.items))
        for row, it in enumerate(data.items):
            deadline = it.deadline.isoformat() if it.deadline else "—"
            if it.overdue:
                deadline += self.tr("（逾期 %1 天）").replace("%1", str(it.days_overdue))
            result = enum_label(REINSPECTION_LABELS[it.outcome]) if it.outcome else self.tr("未记录")
            if it.outcome == ReinspectionOutcome.PARTIAL and it.new_deadline:
                result += self.tr("，限 %1").replace("%1", it.new_deadline.isoformat())
            cells = [str(it.seq), it.description, enum_label(SEVERITY_LABELS.get(it.severity, it.severity)),
                     deadline, result]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if col == 4 and it.outcome:
                    item.setForeground(_COLOURS[it.outcome])
                if col == 3 and it.overdue:
                    item.setForeground(QColor("#c62828"))
                if col == 2 and it.severity == Severity.MAJOR:
                    item.setForeground(QColor("#c62828"))
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        if first:
            undecided = next((n for n, i in enumerate(data.items) if i.outcome is None), 0)
            target = undecided
        else:
            target = keep if 0 <= keep < len(data.items) else 0
        if data.items:
            self.table.setCurrentCell(target, 1)
        self._row_changed(self.table.currentRow())
        self._update_progress()

    def _update_progress(self) -> None:
        if self.data is None:
            return
        counts = {code: sum(1 for i in self.data.items if i.outcome == code) for code in REINSPECTION_LABELS}
        self.progress.setText(
            self.tr("已记录 %1 / %2 项（已整改 %3，部分整改 %4，未整改 %5） · 1 已整改  2 部分整改  3 未整改")
            .replace("%1", str(self.data.decided)).replace("%2", str(len(self.data.items)))
            .replace("%3", str(counts[ReinspectionOutcome.RECTIFIED]))
            .replace("%4", str(counts[ReinspectionOutcome.PARTIAL]))
            .replace("%5", str(counts[ReinspectionOutcome.NOT_RECTIFIED])))

    def current(self) -> svc.ReinspectionRow | None:
        row = self.table.currentRow()
        if self.data is None or not 0 <= row < len(self.data.items):
            return None
        return self.data.items[row]

    def _row_changed(self, row: int) -> None:
        self.saver.flush()
        it = self.data.items[row] if self.data is not None and 0 <= row < len(self.data.items) else None
        with self.saver.loading():
            self.note.setPlainText(it.note if it else "")
        self._note_hazard = it.hazard_id if it else None
        if it is None:
            self.h_text.setText("")
            self.h_facts.setText("")
            self.result.setText("")
            self.evidence.set_photos([])
            self.before.set_photos([])
            for b in self.outcome_buttons.values():
                b.setChecked(False)
                b.setEnabled(False)
            return
        major = self.tr("【重大事故隐患】") if it.is_major else ""
        self.h_text.setText(f"{it.seq}. {major}{it.description}")
        facts = []
        if it.location:
            facts.append(self.tr("部位：%1").replace("%1", it.location))
        if it.measure:
            facts.append(self.tr("整改措施：%1").replace("%1", it.measure))
        if it.basis:
            facts.append(self.tr("依据：%1").replace("%1", it.basis))
        deadline = it.deadline.isoformat() if it.deadline else "—"
        if it.original_deadline and it.deadline and it.original_deadline != it.deadline:
            deadline += self.tr("（原定 %1）").replace("%1", it.original_deadline.isoformat())
        facts.append(self.tr("发现 %1，整改期限 %2").replace("%1", it.found_on.isoformat()).replace("%2", deadline)
                     + (self.tr("，复查时逾期 %1 天").replace("%1", str(it.days_overdue)) if it.overdue else ""))
        if it.escalation:
            facts.append(self.tr("此前复查未整改 %1 次").replace("%1", str(it.escalation)))
        self.h_facts.setText("\n".join(facts))
        for code, b in self.outcome_buttons.items():
            b.setChecked(it.outcome == code)
            b.setEnabled(it.outcome is None and it.status != "closed")
        if it.outcome is not None:
            text = self.tr("已记录“%1”（%2），复查结果记录后不能更改；复查情况仍可补充。") \
                .replace("%1", enum_label(REINSPECTION_LABELS[it.outcome])).replace("%2", it.decided_by)
            mark(self.result, "role", "hint")
        elif it.status == "closed":
            text = self.tr("该隐患已销号，无需复查。")
            mark(self.result, "role", "warning")
        else:
            text = self.tr("按 1 / 2 / 3 记录复查结果。")
            mark(self.result, "role", "hint")
        self.result.setText(text)
        self._photos(it)

    def _photos(self, it: svc.ReinspectionRow) -> None:
        with self.ctx.session() as s:
            self.evidence.set_photos(photo_svc.infos(s, list(it.evidence_photo_ids)) if it.evidence_photo_ids else [])
            self.before.set_photos(photo_svc.infos(s, list(it.before_photo_ids)) if it.before_photo_ids else [])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.note and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Escape:  # type: ignore[attr-defined]
            self.table.setFocus()
            return True
        return super().eventFilter(watched, event)

    # ---------------------------------------------------------------------------------------------- storing

    def _status(self, text: str, error: bool = False) -> None:
        self.state.setText(text)
        mark(self.state, "role", "error" if error else "")

    def _officer(self) -> svc.TeamMember | None:
        m = self.recorder.value()
        return m if isinstance(m, svc.TeamMember) else None

    def _actor(self) -> str:
        m = self._officer()
        return m.name if m else self.ctx.actor

    def _store_note(self, text: str) -> None:
        # The hazard the field was filled for: when the row changes, the flush runs after the table moved on.
        hid, data = self._note_hazard, self.data
        if hid is None or data is None:
            return
        with self.ctx.session() as s:
            svc.set_reinspection_note(s, data.visit_id, hid, text, actor=self._actor())
        self.changed.emit(data.visit_id)

    def decide(self, row: int, outcome: str) -> None:
        """Record ``outcome`` for the hazard on ``row`` after confirming it; then go to the next undecided one."""
        data = self.data
        if data is None or not 0 <= row < len(data.items):
            return
        it = data.items[row]
        if it.outcome is not None:
            self._status(self.tr("该隐患已记录为“%1”，复查结果记录后不能更改。")
                         .replace("%1", enum_label(REINSPECTION_LABELS[it.outcome])), error=True)
            self._row_changed(row)
            return
        if not self.saver.flush():
            return
        officer = self._officer()
        new_deadline: date | None = None
        name = it.description[:40]
        if outcome == ReinspectionOutcome.RECTIFIED:
            text = self.tr("确认“%1”已整改？\n记录后该隐患销号，不能撤销。").replace("%1", name)
            if it.is_major and officer is None:
                text = self.tr("确认“%1”已整改？\n重大事故隐患须由持有效执法证的执法人员销号；未选复查人员时，"
                               "记录后等待执法人员销号。").replace("%1", name)
            if not alerts.confirm(self, self.tr("复查：已整改"), text):
                return self._back(row)
        elif outcome == ReinspectionOutcome.PARTIAL:
            minimum = data.day + timedelta(days=1)
            new_deadline = DeadlineDialog.ask(self, it.description, minimum,
                                              data.day + timedelta(days=self.deadline_days))
            if new_deadline is None:
                return self._back(row)
        else:
            text = self.tr("确认“%1”未整改？\n该隐患仍按原期限计算逾期，并记一次复查未整改（升级督办）。").replace("%1", name)
            if not alerts.confirm(self, self.tr("复查：未整改"), text):
                return self._back(row)
        note = self.note.toPlainText() if row == self.table.currentRow() else it.note
        try:
            with self.ctx.session() as s:
                svc.record_reinspection(s, data.visit_id, it.hazard_id, outcome, note=note, new_deadline=new_deadline,
                                        officer_id=officer.id if officer else None, actor=self._actor(),
                                        on=max(self.today, date.today()))
        except ServiceError as exc:
            self._status(str(exc), error=True)
            alerts.warning(self, self.tr("复查"), str(exc))
            return self._back(row)
        self._status(self.tr("已记录：%1 — %2").replace("%1", name)
                     .replace("%2", enum_label(REINSPECTION_LABELS[outcome])))
        self.changed.emit(data.visit_id)
        with self.ctx.session() as s:
            fresh = svc.reinspection(s, data.visit_id)
        self._show(fresh)
        nxt = next((n for n in list(range(row + 1, len(fresh.items))) + list(range(row))
                    if fresh.items[n].outcome is None and fresh.items[n].status != "closed"), None)
        if nxt is not None:
            self.table.setCurrentCell(nxt, 1)
        self.table.setFocus()
        if fresh.decided == len(fresh.items):
            self._status(self.tr("复查已全部记录：%1 项").replace("%1", str(len(fresh.items))))
            self.finished.emit(fresh.visit_id)

    def _back(self, row: int) -> None:
        self._row_changed(row)
        self.table.setFocus()

    def open_hazard(self) -> None:
        it = self.current()
        if it is None:
            return
        self.saver.flush()
        if HazardDialog.show_hazard(self, self.ctx, it.hazard_id):
            self.reload()

    # -- evidence

    def _store_evidence(self, prepared: list[Any]) -> None:
        it, data = self.current(), self.data
        if it is None or data is None:
            return
        good = [p for p in prepared if not isinstance(p, Exception)]
        bad = [str(p) for p in prepared if isinstance(p, Exception)]
        if good:
            try:
                with self.ctx.session() as s:
                    svc.add_evidence(s, it.hazard_id, [photo_svc.store(s, p) for p in good], actor=self._actor(),
                                     visit_id=data.visit_id)
            except ServiceError as exc:
                bad.append(str(exc))
            self.changed.emit(data.visit_id)
            self.reload()
        if bad:
            alerts.warning(self, self.tr("照片"), "\n".join(bad))

    def _remove_evidence(self, photo_id: uuid.UUID) -> None:
        it, data = self.current(), self.data
        if it is None or data is None:
            return
        try:
            with self.ctx.session() as s:
                svc.remove_evidence(s, it.hazard_id, photo_id, actor=self._actor(), visit_id=data.visit_id)
        except ServiceError as exc:
            self._status(str(exc), error=True)
            return
        self.reload()

    def _view_photo(self, photo_id: uuid.UUID) -> None:
        with self.ctx.session() as s:
            data = photo_svc.image_bytes(s, photo_id)
        PhotoViewer.show_image(self, data, self.tr("照片"))

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self.saver.flush()
        super().hideEvent(event)
