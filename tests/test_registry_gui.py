"""The registry page driven like a user would, on a real SQLite file (offscreen Qt)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt

from models.enums import EnterpriseStatus, RiskLevel
from models.services import enterprises as svc
from models.text import pinyin_keys
from tests import factories as f
from ui import alerts
from ui.context import AppContext
from ui.enterprise_dialog import EnterpriseDialog
from ui.main_window import MainWindow
from ui.registry_model import ID_ROLE, EnterpriseTableModel
from ui.registry_page import RegistryPage

pytestmark = pytest.mark.gui



@pytest.fixture
def ctx(sqlite_url):
    c = AppContext.open(sqlite_url, actor="测试员")
    with c.session() as s:
        t1 = f.town(s, "归义镇", 0)
        t2 = f.town(s, "新市镇", 1)
        v1 = f.village(s, t1, "上马社区")
        f.village(s, t2, "新龙村")
        for i in range(30):
            svc.create(s, f.enterprise_input(
                t1 if i % 3 else t2, i, village_id=v1 if i % 3 else None,
                name=f"汨罗市{'恒达' if i == 5 else '测试'}{i}号{'化工' if i % 2 else '五金'}有限公司",
                sector="危险化学品" if i % 2 else "机械",
                risk_level=[RiskLevel.RED, RiskLevel.YELLOW, None][i % 3], is_high_risk=i % 5 == 0,
                in_park=i % 4 == 0))
    c.towns = (t1, t2)
    yield c
    c.engine.dispose()


def names(page: RegistryPage) -> list[str]:
    m = page.list.model
    return [m.data(m.index(r, 0)) for r in range(m.rowCount())]


def test_model_passes_qt_model_tester(ctx, qtmodeltester):
    model = EnterpriseTableModel(ctx)
    model.refresh()
    qtmodeltester.check(model)
    model.sort(5, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_search_filters_and_sorting(ctx, qtbot):
    page = RegistryPage(ctx)
    qtbot.addWidget(page)
    page.show()
    lst = page.list
    assert lst.model.rowCount() == 30
    assert "30" in lst.count_label.text()

    lst.search.setText("恒达")  # QTest cannot type non-ASCII; an input method would set the text
    assert names(page) == ["汨罗市恒达5号化工有限公司"]
    lst.search.clear()
    qtbot.keyClicks(lst.search, "mlshd")  # pinyin initials of 汨罗市恒达
    assert names(page) == ["汨罗市恒达5号化工有限公司"]
    lst.search.clear()

    assert not lst.village.isEnabled()
    lst.town.set_value(ctx.towns[1])
    assert lst.village.isEnabled() and lst.village.count() == 2  # 全部 + 新龙村
    assert lst.model.rowCount() == 10
    lst.sector.set_value("机械")
    assert all("五金" in n for n in names(page)) and lst.model.rowCount() == 5
    lst.clear_filters()
    assert lst.model.rowCount() == 30

    lst.high_risk.set_value(True)
    assert lst.model.rowCount() == 6
    lst.park.set_value(True)
    assert lst.model.rowCount() == 2  # i in {0, 20}
    lst.clear_filters()
    lst.risk.set_value("none")
    assert lst.model.rowCount() == 10

    lst.clear_filters()
    header = lst.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(0) + 20, header.height() // 2))  # 单位名称 again: descending
    ordered = names(page)
    assert ordered == sorted(ordered, key=lambda n: pinyin_keys(n)[0], reverse=True)  # pinyin order


def test_enter_opens_archive_and_edit_updates_list(ctx, qtbot, monkeypatch):
    page = RegistryPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.list.search.setText("恒达")
    qtbot.keyClick(page.list.search, Qt.Key.Key_Return)  # focus moves to the table, first row selected
    qtbot.keyClick(page.list.table, Qt.Key.Key_Return)
    archive = page.archive_pages()[0]
    assert page.tabs.currentWidget() is archive
    assert archive.title.text() == "汨罗市恒达5号化工有限公司"

    def fake_edit(parent, ctx_, eid):
        dlg = EnterpriseDialog(ctx_, eid, parent)
        dlg.name.setText("汨罗市恒达精细化工有限公司")
        dlg.status.set_value(EnterpriseStatus.RECTIFYING)
        dlg.status_reason.setText("重大隐患停产整顿")
        dlg.save()
        return dlg.saved_id

    monkeypatch.setattr(EnterpriseDialog, "edit", staticmethod(fake_edit))
    archive.edit()
    assert archive.title.text() == "汨罗市恒达精细化工有限公司"
    assert archive.history.rowCount() == 2 and archive.history.item(0, 3).text() == "重大隐患停产整顿"
    assert names(page) == ["汨罗市恒达精细化工有限公司"]  # the list row was refreshed


def test_new_enterprise_dialog_shows_errors_and_saves_nothing_until_valid(ctx, qtbot):
    dlg = EnterpriseDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.name.setText("汨罗市新建测试厂")
    dlg.uscc.setText(f.code(999)[:-1] + ("0" if f.code(999)[-1] != "0" else "1"))
    dlg.sector.setEditText("机械")
    dlg.save()
    assert dlg.result() == 0 and dlg.saved_id is None
    assert "校验位" in dlg.errors.text() and "所属镇" in dlg.errors.text()
    with ctx.session() as s:
        assert svc.count(s) == 30
    dlg.uscc.setText(f.code(999))
    dlg.town.set_value(ctx.towns[0])
    dlg.legal_rep_phone.setText("0730-5212345")
    dlg.save()
    assert dlg.saved_id is not None
    with ctx.session() as s:
        a = svc.archive(s, dlg.saved_id)
    assert a.data.sector == "机械" and a.data.legal_rep_phone == "0730-5212345"


def test_conflicting_edit_is_refused_with_a_message_and_can_reload(ctx, qtbot, monkeypatch):
    with ctx.session() as s:
        eid = svc.find_ids(s)[0]
    first, second = EnterpriseDialog(ctx, eid), EnterpriseDialog(ctx, eid)
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    first.address.setText("第一位用户写的地址")
    first.save()
    assert first.saved_id == eid
    asked = []
    monkeypatch.setattr(alerts, "confirm", lambda parent, title, text: asked.append(text) or False)
    second.address.setText("第二位用户写的地址")
    second.save()
    assert second.saved_id is None and asked and "其他用户修改" in asked[0]
    assert second.address.text() == "第二位用户写的地址"  # declined: the typed text stays
    with ctx.session() as s:
        assert svc.archive(s, eid).data.address == "第一位用户写的地址"
    monkeypatch.setattr(alerts, "confirm", lambda parent, title, text: True)
    second.save()  # accepts the reload: the form now shows what the other user saved
    assert second.address.text() == "第一位用户写的地址" and second.saved_id is None
    second.notes.setPlainText("在最新内容上修改")
    second.save()
    assert second.saved_id == eid
    with ctx.session() as s:
        a = svc.archive(s, eid)
    assert (a.data.address, a.data.notes, a.version) == ("第一位用户写的地址", "在最新内容上修改", 3)


def test_keyboard_shortcuts_of_the_registry(ctx, qtbot, monkeypatch):
    page = RegistryPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.windowHandle().requestActivate()
    qtbot.waitUntil(page.isActiveWindow)  # shortcuts with window context need the active window
    lst = page.list
    lst.table.setFocus()
    qtbot.keyClick(lst.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert lst.search.hasFocus()
    qtbot.keyClicks(lst.search, "mlshd")
    assert lst.model.total == 1
    qtbot.keyClick(lst.search, Qt.Key.Key_Return)
    assert lst.table.hasFocus()
    qtbot.keyClick(lst.table, Qt.Key.Key_Escape)  # Esc outside the search box leaves the search alone
    assert lst.search.text() == "mlshd"
    lst.search.setFocus()
    qtbot.keyClick(lst.search, Qt.Key.Key_Escape)
    assert lst.search.text() == "" and lst.model.total == 30
    lst.table.setFocus()
    lst.table.selectRow(0)
    qtbot.keyClick(lst.table, Qt.Key.Key_Return)
    assert len(page.archive_pages()) == 1 and page.tabs.currentIndex() == 1
    qtbot.keyClick(page.tabs.currentWidget(), Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert page.archive_pages() == [] and lst.table.hasFocus()
    opened = []
    monkeypatch.setattr(EnterpriseDialog, "edit", staticmethod(lambda parent, c, eid=None: opened.append(eid)))
    qtbot.keyClick(lst.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened == [None]


def test_reloading_after_an_import_keeps_the_chosen_filters(ctx, qtbot):
    page = RegistryPage(ctx)
    qtbot.addWidget(page)
    lst = page.list
    lst.town.set_value(ctx.towns[1])
    lst.sector.set_value("机械")
    before = lst.model.total
    with ctx.session() as s:
        svc.create(s, f.enterprise_input(ctx.towns[1], 500, name="汨罗市新导入五金厂", sector="机械"))
    lst.reload()
    assert lst.town.value() == ctx.towns[1] and lst.sector.value() == "机械"
    assert lst.model.total == before + 1


def test_main_window_remembers_geometry(ctx, qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat)
    w = MainWindow(ctx, settings)
    qtbot.addWidget(w)
    w.show()
    w.resize(1000, 650)  # the offscreen screen is 800×800: vary the height, which fits
    w.close()
    settings.sync()
    w2 = MainWindow(ctx, settings)
    qtbot.addWidget(w2)
    assert w2.size().height() == 650  # not the default 720
    assert [w2.nav.item(i).text() for i in range(w2.nav.count())] == [
        "企业档案", "专家库", "检查排期", "现场检查", "隐患台账", "樟脑油准入", "执法文书", "检查表"]
    rid = w2.registry.list.model.index(0, 0).data(ID_ROLE)
    assert rid is not None


def test_first_start_offers_demo_data_and_fills_the_list(sqlite_url, qtbot, monkeypatch, tmp_path):
    from ui.demo_prompt import offer_demo

    c = AppContext.open(sqlite_url)
    w = MainWindow(c, QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    assert w.registry.list.model.total == 0
    monkeypatch.setattr(alerts, "confirm", lambda *a: False)
    assert offer_demo(w, c) is False and w.registry.list.model.total == 0
    monkeypatch.setattr(alerts, "confirm", lambda *a: True)
    assert offer_demo(w, c) is True
    assert w.registry.list.model.total == 4027
    assert w.registry.list.town.count() == 16  # 全部镇 + 15 towns
    c.engine.dispose()


def test_dialogs_reopen_with_the_size_the_user_left(ctx, qtbot):
    first = EnterpriseDialog(ctx)
    qtbot.addWidget(first)
    first.show()
    first.resize(first.width() + 37, 600)
    first.reject()  # closing (saved or not) remembers the geometry
    second = EnterpriseDialog(ctx)
    qtbot.addWidget(second)
    assert second.height() == 600
