"""Photos of a hazard: a strip of thumbnails with 添加照片… / 拍照 / 删除, drops from the file manager, and a viewer.

``PhotoStrip`` never touches the database; its owner connects the signals and calls ``set_photos`` with
``models.services.photos.infos(...)`` after each change:

    strip.filesChosen    -> list[str] of paths (file dialog or drop)  → prepare_file in a worker, store, set_photos
    strip.imageCaptured  -> bytes, a JPEG from the laptop camera       → prepare(data, name), store, set_photos
    strip.removeRequested-> photo id (删除 or the Delete key)
    strip.openRequested  -> photo id (double-click or Enter)          → PhotoViewer.show_image(self, image_bytes(...))

The camera needs QtMultimedia, which is in PySide6-Addons, not in PySide6-Essentials. It is imported only when a
strip is built (never at program start), and the 拍照 button stays hidden when the module is missing or the laptop
has no camera; the reason is in the 添加照片… button's tooltip and in ``camera_reason``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import mark

if TYPE_CHECKING:
    from models.services.photos import PhotoInfo

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ICON_EDGE = 112  # px, the thumbnails as shown (stored at 240 px: sharp on a 2× screen)
# What the file dialog offers; a drop passes every file on and the service names the ones that are no picture.
IMAGE_SUFFIXES = ("jpg", "jpeg", "png", "webp", "bmp", "tif", "tiff", "gif")
_LAST_DIR_KEY = "photos/last_dir"


def camera_status() -> tuple[Any, str]:
    """(the default camera device, "") when the laptop has a camera Qt can use; else (None, the reason in Chinese).
    Imports QtMultimedia (PySide6-Addons) on first call."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:  # PySide6-Addons not installed, or a system library it needs (libpulse …) is missing
        return None, QCoreApplication.translate("PhotoStrip", "本机未安装摄像头组件（Qt Multimedia），不能拍照。")
    if not QMediaDevices.videoInputs():
        return None, QCoreApplication.translate("PhotoStrip", "本机没有找到摄像头，不能拍照。")
    return QMediaDevices.defaultVideoInput(), ""


def jpeg_bytes(image: QImage, quality: int = 92) -> bytes:
    """``image`` encoded as a JPEG (what the camera hands over)."""
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "JPG", quality)
    buf.close()
    return bytes(data.data())


class _Thumbs(QListWidget):
    """The thumbnails: one row, scrolling sideways; Delete asks to remove, Enter asks to open; takes file drops."""

    def __init__(self, strip: PhotoStrip) -> None:
        super().__init__(strip)
        self._strip = strip
        self.setObjectName("photoThumbs")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(QSize(ICON_EDGE, ICON_EDGE))
        self.setGridSize(QSize(ICON_EDGE + 16, ICON_EDGE + 30))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)  # items are not dragged around
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setFixedHeight(ICON_EDGE + 30 + self.horizontalScrollBar().sizeHint().height() + 2 * self.frameWidth())
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 - Qt override
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not self._strip.read_only:
            self._strip.remove_current()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self._strip.open_current()
            return
        super().keyPressEvent(event)

    # Drops: the strip decides (read-only strips refuse them).
    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self._strip.dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self._strip.dragMoveEvent(event)

    def dragLeaveEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self._strip.dragLeaveEvent(event)

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self._strip.dropEvent(event)

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().paintEvent(event)
        if self.count() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.viewport().rect().adjusted(12, 0, -12, 0),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._strip.empty_text())
            painter.end()


class PhotoStrip(QWidget):
    """Thumbnails of a hazard's photos with add / camera / delete; see the module docstring for the protocol."""

    filesChosen = Signal(list)  # list[str] paths, from the dialog or a drop
    imageCaptured = Signal(bytes)  # a JPEG from the camera
    removeRequested = Signal(object)  # photo uuid
    openRequested = Signal(object)  # photo uuid (the owner shows the viewer with image_bytes)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoStrip")
        self.read_only = False
        self.thumbs = _Thumbs(self)
        self.add_button = QPushButton(self.tr("添加照片…"))
        self.add_button.setObjectName("photoAdd")
        self.camera_button = QPushButton(self.tr("拍照"))
        self.camera_button.setObjectName("photoCamera")
        self.remove_button = QPushButton(self.tr("删除"))
        self.remove_button.setObjectName("photoRemove")
        self.remove_button.setToolTip(self.tr("删除选中的照片（Delete 键）"))
        self.count_label = QLabel()
        self.count_label.setObjectName("photoCount")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self._camera_device, self.camera_reason = camera_status()
        add_tip = self.tr("从文件添加照片（也可以把照片文件拖到左边的区域）")
        if self._camera_device is None:
            self.camera_button.hide()
            self.camera_button.setToolTip(self.camera_reason)
            add_tip += "\n" + self.camera_reason
        else:
            self.camera_button.setToolTip(self.tr("用本机摄像头拍一张照片"))
        self.add_button.setToolTip(add_tip)

        self.add_button.clicked.connect(self.add_files)
        self.camera_button.clicked.connect(self.take_photo)
        self.remove_button.clicked.connect(self.remove_current)
        self.thumbs.itemDoubleClicked.connect(lambda _item: self.open_current())
        self.thumbs.currentItemChanged.connect(lambda *_: self._update_buttons())

        buttons = QVBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for b in (self.add_button, self.camera_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.thumbs, 1)
        lay.addLayout(buttons)
        self.setAcceptDrops(True)
        self.setFocusProxy(self.thumbs)
        QWidget.setTabOrder(self.thumbs, self.add_button)
        QWidget.setTabOrder(self.add_button, self.camera_button)
        QWidget.setTabOrder(self.camera_button, self.remove_button)
        self._update_buttons()

    # ------------------------------------------------------------------------------------------ showing

    def set_photos(self, photos: Sequence[PhotoInfo]) -> None:
        """Show ``photos`` in this order; the selected photo stays selected when it is still there."""
        keep = self.current_id()
        self.thumbs.clear()
        for n, p in enumerate(photos, start=1):
            item = QListWidgetItem(QIcon(self._square(p.thumb)), self._caption(n, p))
            item.setData(ID_ROLE, p.id)
            item.setToolTip(self._tooltip(p))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.thumbs.addItem(item)
            if p.id == keep:
                self.thumbs.setCurrentItem(item)
        self.count_label.setText(self.tr("共 %1 张").replace("%1", str(len(photos))) if photos else "")
        self._update_buttons()
        self.thumbs.viewport().update()

    def _square(self, thumb: bytes) -> QPixmap:
        """The thumbnail centred on a transparent square, so every caption sits on the same line."""
        ratio = self.devicePixelRatioF()
        edge = round(ICON_EDGE * ratio)
        canvas = QPixmap(edge, edge)
        canvas.fill(Qt.GlobalColor.transparent)
        pix = QPixmap()
        if thumb and pix.loadFromData(thumb):
            pix = pix.scaled(edge, edge, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            painter = QPainter(canvas)
            painter.drawPixmap((edge - pix.width()) // 2, (edge - pix.height()) // 2, pix)
            painter.end()
        canvas.setDevicePixelRatio(ratio)
        return canvas

    def _caption(self, n: int, p: PhotoInfo) -> str:
        when = p.taken_at.strftime("%m-%d %H:%M") if p.taken_at else ""
        return f"{n}  {when}" if when else str(n)

    def _tooltip(self, p: PhotoInfo) -> str:
        lines = [p.original_name] if p.original_name else []
        if p.taken_at:
            lines.append(self.tr("拍摄时间：%1").replace("%1", p.taken_at.strftime("%Y-%m-%d %H:%M")))
        lines.append(f"{p.width} × {p.height}")
        lines.append(self.tr("双击或按 Enter 查看大图"))
        return "\n".join(lines)

    def empty_text(self) -> str:
        if self.read_only:
            return self.tr("没有照片")
        return self.tr("还没有照片：点击“添加照片…”，或把照片文件拖到这里")

    def set_read_only(self, ro: bool) -> None:
        """A closed hazard: photos can be looked at, not added or removed."""
        self.read_only = ro
        self.add_button.setVisible(not ro)
        self.camera_button.setVisible(not ro and self._camera_device is not None)
        self.remove_button.setVisible(not ro)
        self.setAcceptDrops(not ro)
        self.thumbs.viewport().update()

    def ids(self) -> list[uuid.UUID]:
        return [self.thumbs.item(i).data(ID_ROLE) for i in range(self.thumbs.count())]

    def current_id(self) -> uuid.UUID | None:
        item = self.thumbs.currentItem()
        return None if item is None else item.data(ID_ROLE)

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.current_id() is not None)

    # ------------------------------------------------------------------------------------------ actions

    def choose_files(self) -> list[str]:
        """The file dialog (tests patch this): image files, the folder of the last choice remembered."""
        settings = QSettings()
        start = str(settings.value(_LAST_DIR_KEY, "") or "")
        if not start or not Path(start).is_dir():
            start = str(Path.home())
        pattern = " ".join(f"*.{s} *.{s.upper()}" for s in IMAGE_SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("添加照片"), start,
                                                self.tr("图片文件") + f" ({pattern})")
        if paths:
            settings.setValue(_LAST_DIR_KEY, str(Path(paths[0]).parent))
        return paths

    def add_files(self) -> None:
        if self.read_only:
            return
        paths = self.choose_files()
        if paths:
            self.filesChosen.emit(list(paths))

    def take_photo(self) -> None:
        if self.read_only or self._camera_device is None:
            return
        data = CameraDialog.capture(self, self._camera_device)
        if data:
            self.imageCaptured.emit(data)

    def remove_current(self) -> None:
        photo_id = self.current_id()
        if photo_id is not None and not self.read_only:
            self.removeRequested.emit(photo_id)

    def open_current(self) -> None:
        photo_id = self.current_id()
        if photo_id is not None:
            self.openRequested.emit(photo_id)

    # ------------------------------------------------------------------------------------------ drops

    @staticmethod
    def _local_files(mime) -> list[str]:  # type: ignore[no-untyped-def]
        if not mime.hasUrls():
            return []
        paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        return [p for p in paths if p and Path(p).is_file()]

    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 - Qt override
        if not self.read_only and self._local_files(event.mimeData()):
            event.acceptProposedAction()
            mark(self.thumbs, "dropTarget", True)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if not self.read_only and event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        mark(self.thumbs, "dropTarget", False)
        event.accept()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        mark(self.thumbs, "dropTarget", False)
        paths = [] if self.read_only else self._local_files(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.filesChosen.emit(paths)


# ============================================================================================== viewer


class PhotoViewer(QDialog):
    """One picture, scaled to fit the window (never enlarged past 100 %); Esc closes."""

    def __init__(self, data: bytes, parent: QWidget | None = None, title: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("photoViewer")
        self.setWindowTitle(title or self.tr("查看照片"))
        self.pixmap = QPixmap()
        self.pixmap.loadFromData(data)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(200, 150)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        if self.pixmap.isNull():
            self.picture.setText(self.tr("无法显示这张照片。"))
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        close.setDefault(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.picture, 1)
        row = QHBoxLayout()
        size = QLabel("" if self.pixmap.isNull() else f"{self.pixmap.width()} × {self.pixmap.height()}")
        row.addWidget(size)
        row.addStretch(1)
        row.addWidget(close)
        lay.addLayout(row)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None and not self.pixmap.isNull():
            fit = self.pixmap.size().scaled(screen.size() * 0.85, Qt.AspectRatioMode.KeepAspectRatio)
            fit = fit.boundedTo(self.pixmap.size())
            self.resize(max(fit.width() + 24, 400), max(fit.height() + 64, 300))
        else:
            self.resize(800, 600)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if not self.pixmap.isNull():
            box = self.picture.contentsRect().size()
            target = self.pixmap.size().scaled(box, Qt.AspectRatioMode.KeepAspectRatio).boundedTo(self.pixmap.size())
            self.picture.setPixmap(self.pixmap.scaled(target, Qt.AspectRatioMode.KeepAspectRatio,
                                                      Qt.TransformationMode.SmoothTransformation))

    @classmethod
    def show_image(cls, parent: QWidget | None, data: bytes, title: str = "") -> None:
        """The one entry point (tests patch it): show ``data`` modally."""
        cls(data, parent, title).exec()


# ============================================================================================== camera


class CameraDialog(QDialog):
    """A live preview of the laptop camera; 拍照 (Space or Enter) takes the picture, 取消 (Esc) gives up.
    Built only when ``camera_status`` found a camera, so QtMultimedia is importable here."""

    START_TIMEOUT_MS = 6000  # a camera not ready by then is reported (busy in another program, disabled)

    def __init__(self, device: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self.setObjectName("cameraDialog")
        self.setWindowTitle(self.tr("拍照"))
        self.data: bytes | None = None
        self.preview = QVideoWidget()
        self.preview.setMinimumSize(480, 360)
        self.status = QLabel(self.tr("正在打开摄像头…"))
        self.message = QLabel()
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.camera = QCamera(device)
        self.capture_ = QImageCapture()
        self.session = QMediaCaptureSession()
        self.session.setCamera(self.camera)
        self.session.setImageCapture(self.capture_)
        self.session.setVideoOutput(self.preview)
        self.capture_.imageCaptured.connect(self._captured)
        self.capture_.errorOccurred.connect(lambda _id, _err, text: self._problem(text))
        self.camera.errorOccurred.connect(lambda _err, text: self._problem(text))
        self.capture_.readyForCaptureChanged.connect(self._ready_changed)

        self.shoot_button = QPushButton(self.tr("拍照"))
        self.shoot_button.setDefault(True)
        self.shoot_button.setEnabled(False)  # until the camera runs
        self.shoot_button.setToolTip(self.tr("空格键或 Enter 拍照"))
        self.shoot_button.clicked.connect(self.shoot)
        cancel = QPushButton(self.tr("取消"))
        cancel.clicked.connect(self.reject)
        QShortcut(QKeySequence(Qt.Key.Key_Space), self, activated=self.shoot)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.shoot_button)
        row.addWidget(cancel)
        lay = QVBoxLayout(self)
        lay.addWidget(self.preview, 1)
        lay.addWidget(self.message)
        lay.addLayout(row)
        self.finished.connect(lambda _r: self.camera.stop())
        self.camera.start()
        QTimer.singleShot(self.START_TIMEOUT_MS, self, self._check_started)

    def _ready_changed(self, ready: bool) -> None:
        self.shoot_button.setEnabled(ready)
        self.status.setText(self.tr("空格键或 Enter 拍照") if ready else "")
        if ready:
            self.message.hide()

    def _check_started(self) -> None:
        if not self.capture_.isReadyForCapture() and not self.message.isVisible():
            self.status.setText("")
            self.message.setText(self.tr("摄像头没有响应：可能正被其他程序使用，或已在系统设置中被禁用。"))
            self.message.show()

    def shoot(self) -> None:
        if self.capture_.isReadyForCapture():
            self.shoot_button.setEnabled(False)
            self.capture_.capture()

    def _captured(self, _id: int, image: QImage) -> None:
        self.data = jpeg_bytes(image)
        self.accept()

    def _problem(self, text: str) -> None:
        self.status.setText("")
        self.message.setText(self.tr("摄像头出错：%1").replace("%1", text or self.tr("未知错误")))
        self.message.show()

    @classmethod
    def capture(cls, parent: QWidget | None, device: Any) -> bytes | None:
        """The one entry point (tests patch it): a JPEG of the picture taken, or None when cancelled."""
        dialog = cls(device, parent)
        dialog.exec()
        return dialog.data


# ------------------------------------------------------------------------------------------------ preparing files


def prepare_photos(parent: QWidget, paths: Sequence[str]) -> list[Any]:
    """Decode and downscale picture files (off the UI thread behind a progress dialog when there are several); a
    ServiceError in the list for each file that is no usable picture. Storing them is the caller's business."""
    from models.services import photos as photo_svc
    from models.services.errors import ServiceError
    from ui.tasks import run_task

    def prepare(progress: Any) -> list[Any]:
        out: list[Any] = []
        for n, p in enumerate(paths):
            progress(n, len(paths), Path(p).name)
            try:
                out.append(photo_svc.prepare_file(Path(p)))
            except ServiceError as exc:
                out.append(exc)
        return out

    if len(paths) > 1:
        return run_task(parent, QCoreApplication.translate("PhotoStrip", "导入照片"),
                        QCoreApplication.translate("PhotoStrip", "正在压缩照片…"), prepare)
    return prepare(lambda *_a: None)


def captured_photo(data: bytes) -> list[Any]:
    """A camera frame prepared like a file; it has no EXIF time: it was taken now. Its name is record data (not
    translated)."""
    from dataclasses import replace
    from datetime import datetime

    from models.services import photos as photo_svc
    from models.services.errors import ServiceError

    try:
        return [replace(photo_svc.prepare(data, "拍照.jpg"), taken_at=datetime.now())]
    except ServiceError as exc:
        return [exc]
