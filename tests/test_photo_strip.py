"""The photo strip of a hazard driven like a user would (offscreen Qt): thumbnails, drops from the file manager,
Delete/Enter on a thumbnail, 添加照片…, the hidden camera button, and the viewer."""

from __future__ import annotations

import io
import sys
import uuid
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from models.db import make_engine, make_session_factory, session_scope
from models.services import photos as svc
from ui import photo_strip as mod
from ui.photo_strip import CameraDialog, PhotoStrip, PhotoViewer

pytestmark = pytest.mark.gui


def _info(n: int, size: tuple[int, int] = (800, 600), taken: datetime | None = None) -> svc.PhotoInfo:
    buf = io.BytesIO()
    Image.new("RGB", size, (40 * n % 255, 120, 200)).save(buf, "JPEG")
    p = svc.prepare(buf.getvalue(), f"IMG_{n}.jpg")
    return svc.PhotoInfo(uuid.uuid4(), p.width, p.height, taken, p.original_name, p.thumb)


@pytest.fixture
def strip(qtbot) -> PhotoStrip:  # type: ignore[no-untyped-def]
    w = PhotoStrip()
    qtbot.addWidget(w)
    w.resize(700, 200)
    w.show()
    qtbot.waitExposed(w)
    return w


def _drop(strip: PhotoStrip, urls: list[QUrl]) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls(urls)
    viewport = strip.thumbs.viewport()
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, enter)
    entered = enter.isAccepted()
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, drop)
    drop.entered = entered  # type: ignore[attr-defined]
    return drop


def test_set_photos_shows_one_thumbnail_each_in_order(strip):
    photos = [_info(1, taken=datetime(2026, 3, 12, 9, 30)), _info(2, (600, 900)), _info(3)]
    strip.set_photos(photos)
    assert strip.thumbs.count() == 3
    assert strip.ids() == [p.id for p in photos]
    item = strip.thumbs.item(0)
    assert item.text() == "1  03-12 09:30" and strip.thumbs.item(1).text() == "2"
    assert not item.icon().isNull()
    assert "IMG_1.jpg" in item.toolTip() and "800 × 600" in item.toolTip()
    assert strip.count_label.text() == "共 3 张"
    assert not strip.remove_button.isEnabled()
    strip.thumbs.setCurrentRow(1)
    assert strip.remove_button.isEnabled()
    strip.set_photos([photos[2], photos[1]])  # after a removal the owner shows the rest: the selection stays
    assert strip.thumbs.count() == 2 and strip.current_id() == photos[1].id
    strip.set_photos([])
    assert strip.thumbs.count() == 0 and strip.count_label.text() == "" and not strip.remove_button.isEnabled()


def test_dropping_files_from_the_file_manager_asks_to_add_them(strip, qtbot, tmp_path):
    a, b = tmp_path / "现场1.jpg", tmp_path / "现场2.png"
    a.write_bytes(b"x")
    b.write_bytes(b"y")
    urls = [QUrl.fromLocalFile(str(a)), QUrl("https://example.org/x.jpg"), QUrl.fromLocalFile(str(tmp_path)),
            QUrl.fromLocalFile(str(b))]
    with qtbot.waitSignal(strip.filesChosen, timeout=1000) as got:
        drop = _drop(strip, urls)
    assert drop.entered and drop.isAccepted()
    assert got.args == [[str(a), str(b)]]  # local files only: no web address, no folder
    assert strip.thumbs.property("dropTarget") is False  # the highlight ends with the drop

    with qtbot.assertNotEmitted(strip.filesChosen):
        drop = _drop(strip, [QUrl("https://example.org/x.jpg")])
    assert not drop.entered
    strip.set_read_only(True)
    with qtbot.assertNotEmitted(strip.filesChosen):
        drop = _drop(strip, [QUrl.fromLocalFile(str(a))])
    assert not drop.entered and not drop.isAccepted()


def test_delete_key_asks_to_remove_the_selected_photo_and_enter_opens_it(strip, qtbot):
    photos = [_info(1), _info(2), _info(3)]
    strip.set_photos(photos)
    strip.thumbs.setFocus()
    strip.thumbs.setCurrentRow(1)
    with qtbot.waitSignal(strip.removeRequested, timeout=1000) as got:
        qtbot.keyClick(strip.thumbs, Qt.Key.Key_Delete)
    assert got.args == [photos[1].id]
    with qtbot.waitSignal(strip.openRequested, timeout=1000) as got:
        qtbot.keyClick(strip.thumbs, Qt.Key.Key_Return)
    assert got.args == [photos[1].id]
    qtbot.keyClick(strip.thumbs, Qt.Key.Key_Right)
    with qtbot.waitSignal(strip.removeRequested, timeout=1000) as got:
        strip.remove_button.click()
    assert got.args == [photos[2].id]
    rect = strip.thumbs.visualItemRect(strip.thumbs.item(0))
    with qtbot.waitSignal(strip.openRequested, timeout=1000) as got:
        # A double click as Qt sees it: a click, then the double-click event (QTest's alone lacks the first press).
        qtbot.mouseClick(strip.thumbs.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(strip.thumbs.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert got.args == [photos[0].id]
    strip.set_read_only(True)
    assert strip.add_button.isHidden() and strip.remove_button.isHidden()
    with qtbot.assertNotEmitted(strip.removeRequested):
        qtbot.keyClick(strip.thumbs, Qt.Key.Key_Delete)
    with qtbot.waitSignal(strip.openRequested, timeout=1000):  # looking is still allowed
        qtbot.keyClick(strip.thumbs, Qt.Key.Key_Enter)


def test_add_button_emits_the_chosen_files(strip, qtbot, monkeypatch):
    monkeypatch.setattr(strip, "choose_files", lambda: ["/tmp/a.jpg", "/tmp/b.jpg"])
    with qtbot.waitSignal(strip.filesChosen, timeout=1000) as got:
        qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    assert got.args == [["/tmp/a.jpg", "/tmp/b.jpg"]]
    monkeypatch.setattr(strip, "choose_files", lambda: [])  # the dialog was cancelled
    with qtbot.assertNotEmitted(strip.filesChosen):
        strip.add_button.click()


def test_camera_button_hidden_without_a_camera(qtbot, monkeypatch):
    def built() -> PhotoStrip:
        w = PhotoStrip()
        qtbot.addWidget(w)
        w.show()
        return w

    # No QtMultimedia (PySide6-Addons not installed, or its system libraries missing): no button, and why.
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # makes the import fail
    w = built()
    assert w.camera_button.isHidden()
    assert w.camera_reason == "本机未安装摄像头组件（Qt Multimedia），不能拍照。"
    assert w.camera_reason in w.add_button.toolTip()
    w.set_read_only(False)
    assert w.camera_button.isHidden()
    monkeypatch.delitem(sys.modules, "PySide6.QtMultimedia")

    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return
    # QtMultimedia present but no camera (the offscreen test machine; forced here for a laptop that has one).
    monkeypatch.setattr(QMediaDevices, "videoInputs", staticmethod(lambda: []))
    w = built()
    assert w.camera_button.isHidden()
    assert w.camera_reason == "本机没有找到摄像头，不能拍照。"


def test_camera_button_with_a_camera_emits_the_captured_jpeg(qtbot, monkeypatch):
    monkeypatch.setattr(mod, "camera_status", lambda: ("fake-device", ""))
    w = PhotoStrip()
    qtbot.addWidget(w)
    w.show()
    assert w.camera_button.isVisible()
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    seen = []
    monkeypatch.setattr(CameraDialog, "capture",
                        classmethod(lambda cls, parent, device: seen.append(device) or mod.jpeg_bytes(image)))
    with qtbot.waitSignal(w.imageCaptured, timeout=1000) as got:
        w.camera_button.click()
    assert seen == ["fake-device"]
    prepared = svc.prepare(got.args[0], "")  # what the owner does with it
    assert (prepared.width, prepared.height, prepared.mime) == (640, 480, "image/jpeg")
    monkeypatch.setattr(CameraDialog, "capture", classmethod(lambda cls, parent, device: None))  # 取消
    with qtbot.assertNotEmitted(w.imageCaptured):
        w.camera_button.click()
    w.set_read_only(True)
    assert w.camera_button.isHidden()


def test_viewer_fits_the_picture_without_enlarging_it(qtbot):
    buf = io.BytesIO()
    Image.new("RGB", (1500, 2000), (10, 200, 10)).save(buf, "JPEG")
    v = PhotoViewer(buf.getvalue(), title="IMG_1.jpg")
    qtbot.addWidget(v)
    v.show()
    v.resize(600, 500)
    qtbot.waitUntil(lambda: v.picture.pixmap() is not None and v.picture.pixmap().height() < 500)
    shown = v.picture.pixmap()
    box = v.picture.contentsRect()
    assert shown.height() <= box.height() and shown.width() <= box.width()
    assert abs(shown.width() / shown.height() - 0.75) < 0.02
    assert v.windowTitle() == "IMG_1.jpg"

    buf = io.BytesIO()
    Image.new("RGB", (300, 200), (10, 200, 10)).save(buf, "PNG")
    small = PhotoViewer(buf.getvalue())
    qtbot.addWidget(small)
    small.show()
    small.resize(900, 700)
    qtbot.waitUntil(lambda: small.picture.pixmap() is not None and not small.picture.pixmap().isNull())
    assert small.picture.pixmap().size().toTuple() == (300, 200)
    qtbot.keyClick(small, Qt.Key.Key_Escape)
    assert not small.isVisible()

    broken = PhotoViewer(b"not a picture", small)  # (data, parent) as a QDialog takes it
    assert broken.parent() is small
    assert broken.picture.text() == "无法显示这张照片。" and broken.windowTitle() == "查看照片"


def test_dropped_photo_lands_in_the_database_and_the_strip(strip, qtbot, sqlite_url, tmp_path):
    """The owner's wiring, as a hazard dialog will do it: drop → import → the strip shows the stored thumbnail."""
    engine = make_engine(sqlite_url)
    factory = make_session_factory(engine)
    ids: list[uuid.UUID] = []

    def on_files(paths: list[str]) -> None:
        with session_scope(factory) as s:
            ids.extend(svc.import_file(s, Path(p)) for p in paths)
            strip.set_photos(svc.infos(s, ids))

    strip.filesChosen.connect(on_files)
    path = tmp_path / "IMG_20260312.jpg"
    Image.new("RGB", (4000, 3000), (200, 30, 30)).save(path, "JPEG")
    _drop(strip, [QUrl.fromLocalFile(str(path))])
    assert strip.thumbs.count() == 1 and strip.ids() == ids
    assert "IMG_20260312.jpg" in strip.thumbs.item(0).toolTip() and "2000 × 1500" in strip.thumbs.item(0).toolTip()
    engine.dispose()


def test_camera_dialog_that_gets_no_picture_says_so_and_cancels(qtbot, monkeypatch):
    """Only where PySide6-Addons is installed: a camera that never becomes ready (here: none at all)."""
    multimedia = pytest.importorskip("PySide6.QtMultimedia")
    monkeypatch.setattr(CameraDialog, "START_TIMEOUT_MS", 50)
    d = CameraDialog(multimedia.QCameraDevice())
    qtbot.addWidget(d)
    d.show()
    assert not d.shoot_button.isEnabled()
    qtbot.waitUntil(lambda: d.message.isVisible(), timeout=3000)
    assert "摄像头" in d.message.text()
    qtbot.keyClick(d, Qt.Key.Key_Space)  # nothing to take: no crash, no picture
    qtbot.keyClick(d, Qt.Key.Key_Escape)
    assert d.result() == 0 and d.data is None and not d.camera.isActive()
