"""Start the GUI: logging, error dialog, font, translations, theme, database, main window."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import time
import traceback
from pathlib import Path

from desktop import paths

log = logging.getLogger("tijian")
_START = time.perf_counter()


def setup_logging() -> Path:
    folder = paths.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    file = folder / "tijian.log"
    handler = logging.handlers.RotatingFileHandler(file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    return file


def install_excepthook() -> None:
    """Any uncaught exception: logged with its traceback, then one error dialog with "copy details"."""

    def hook(exc_type, exc, tb) -> None:  # type: ignore[no-untyped-def]
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("uncaught exception\n%s", details)
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QApplication

        from ui import alerts

        if QApplication.instance() is None:
            sys.__excepthook__(exc_type, exc, tb)
            return
        alerts.error(None, QCoreApplication.translate("app", "程序错误"),
                     QCoreApplication.translate("app", "程序遇到意外错误，刚才的操作可能未完成。详情已写入日志文件；"
                                                "请点“复制详情”后发给维护人员。\n\n%1").replace("%1", str(exc)),
                     details)

    sys.excepthook = hook


def register_font() -> str:
    """Register the bundled CJK font with Qt and return the UI font family to use."""
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    if QFontDatabase.addApplicationFont(str(paths.FONT_FILE)) < 0:
        log.warning("could not load bundled font %s", paths.FONT_FILE)
    families = set(QFontDatabase.families())
    preferred = ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
                 "WenQuanYi Micro Hei", paths.FONT_FAMILY]
    chosen = next(f for f in preferred if f in families or f == paths.FONT_FAMILY)
    font = QFont()
    font.setFamilies([chosen, paths.FONT_FAMILY])
    font.setPointSize(10)
    QApplication.setFont(font)
    return chosen


def install_translations(app, lang: str) -> list:  # type: ignore[no-untyped-def]
    """Chinese is the source language; ``en`` loads resources/translations/tijian_en.qm."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    kept = []
    qt_tr = QTranslator(app)
    qt_name = "qtbase_zh_CN" if lang == "zh" else "qtbase_en"
    if qt_tr.load(qt_name, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_tr)
        kept.append(qt_tr)
    if lang != "zh":
        ours = QTranslator(app)
        qm = paths.TRANSLATIONS / f"tijian_{lang}.qm"
        if ours.load(str(qm)):
            app.installTranslator(ours)
            kept.append(ours)
        else:
            log.warning("translation %s not found (run: python3 dev.py run, which builds it)", qm)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if lang == "zh"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return kept


THEME = "light_blue.xml"


def apply_theme(app, font_family: str) -> None:  # type: ignore[no-untyped-def]
    """qt-material once, then our overrides (resources/styles/tijian.qss).

    qt-material renders its template and regenerates icon files on every call (~0.15 s). The rendered sheet and
    icons are cached in the user's cache folder, keyed by everything that shapes them, so later starts only read
    one file."""
    import hashlib
    from importlib.metadata import version

    from PySide6.QtCore import QDir
    from PySide6.QtGui import QColor, QGuiApplication, QPalette

    extra = {"font_family": font_family, "font_size": "13px", "density_scale": "-1"}
    overrides = (paths.STYLES / "tijian.qss").read_text(encoding="utf-8")
    key = hashlib.sha1(repr((version("qt-material"), THEME, sorted(extra.items()), overrides)).encode()).hexdigest()
    folder = paths.cache_dir() / "theme" / key[:16]
    qss, icons, meta = folder / "style.qss", folder / "icons", folder / "primary.txt"
    if qss.exists() and meta.exists() and (icons / "primary").is_dir():
        import importlib.util

        spec = importlib.util.find_spec("qt_material")
        app.setStyle("Fusion")
        QDir.addSearchPath("icon", str(icons))
        if spec and spec.origin:
            QDir.addSearchPath("qt_material", str(Path(spec.origin).parent / "resources"))
        palette = QGuiApplication.palette()
        colour = QColor(meta.read_text().strip())
        colour.setAlpha(92)
        palette.setColor(QPalette.ColorRole.Text, colour)
        QGuiApplication.setPalette(palette)
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
        return
    from qt_material import apply_stylesheet, get_theme

    folder.mkdir(parents=True, exist_ok=True)
    apply_stylesheet(app, theme=THEME, invert_secondary=True, extra=dict(extra), parent=str(icons))
    sheet = app.styleSheet() + "\n" + overrides
    app.setStyleSheet(sheet)
    qss.write_text(sheet, encoding="utf-8")
    meta.write_text(get_theme(THEME, True)["primaryColor"])


def make_app(argv: list[str], lang: str = "zh", theme: bool = True):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName(paths.APP)
    QCoreApplication.setApplicationName(paths.APP)
    # Per-user settings as an INI file in our config folder (TIJIAN_HOME moves it, as everything else).
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(paths.config_dir()))
    app = QApplication.instance() or QApplication(argv)
    app._tijian_translators = install_translations(app, lang)  # keep references alive
    family = register_font()
    if theme:
        apply_theme(app, family)
    return app


def open_database(url: str):  # type: ignore[no-untyped-def]
    """Open and migrate; returns (ctx, message for the status bar) or raises SchemaError."""
    from models import schema
    from ui.context import AppContext

    ctx = AppContext.open(url, actor=os.environ.get("TIJIAN_USER") or _login_name())
    st, backup = schema.ensure_current(ctx.engine)
    note = ""
    if st.state is schema.SchemaState.BEHIND:
        from PySide6.QtCore import QCoreApplication

        note = QCoreApplication.translate("app", "数据库已从 %1 升级到 %2").replace("%1", str(st.current))
        note = note.replace("%2", st.head)
        if backup:
            note += QCoreApplication.translate("app", "，升级前的备份：%1").replace("%1", str(backup))
        log.info(note)
    elif st.state is schema.SchemaState.EMPTY:
        log.info("created a new database at %s", url)
    load_builtin_data(ctx)
    return ctx, st, note


def load_builtin_data(ctx) -> None:  # type: ignore[no-untyped-def]
    """The shipped checklists and hazard library (resources/): new files or versions become rows; the office's own
    templates and entries are never touched (models/services/checklists.py, hazard_library.py)."""
    from models.services import checklists, hazard_library

    with ctx.session() as s:
        added = checklists.sync_builtin(s) + hazard_library.sync_builtin(s)
    if added:
        log.info("loaded %d built-in checklist/hazard-library rows", added)


def _login_name() -> str:
    try:
        return os.getlogin()
    except OSError:
        return os.environ.get("USER") or os.environ.get("USERNAME") or ""


def run_gui(db_url: str, lang: str = "zh", quit_when_ready: bool = False, no_demo_prompt: bool = False) -> int:
    log_file = setup_logging()
    log.info("starting; database %s; log %s", db_url, log_file)
    app = make_app(sys.argv[:1], lang)
    install_excepthook()
    from PySide6.QtCore import QSettings, QTimer

    from ui.main_window import MainWindow

    settings = QSettings()

    def ready(stage: str, rows: int, via: str) -> None:
        app.processEvents()  # the window has painted
        if quit_when_ready:
            print(f"{stage} {time.perf_counter() - _START:.3f}s rows={rows} via={via}", flush=True)

    # Fast first paint (desktop/quickstart.py): the registry's first rows from the SQLite file, before the
    # database layer is imported. Only for a current embedded database shown in the default order.
    snapshot = None
    if settings.value("registry/sort", "name:asc") == "name:asc":
        from desktop import quickstart

        snapshot = quickstart.read(db_url)
    window = None
    if snapshot is not None:
        window = MainWindow(None, settings, snapshot)
        window.show()
        ready("READY", snapshot.total, "snapshot")

    def load() -> int:
        nonlocal window
        from PySide6.QtCore import QCoreApplication

        from models.schema import SchemaError, SchemaState
        from ui import alerts

        title = QCoreApplication.translate("app", "无法打开数据库")
        try:
            ctx, st, note = open_database(db_url)
        except SchemaError as exc:
            alerts.error(window, title, str(exc))
            return 2
        except Exception as exc:  # noqa: BLE001  (a wrong URL, a server that is down …)
            log.exception("cannot open database")
            text = QCoreApplication.translate("app", "无法打开数据库：%1").replace("%1", db_url)
            alerts.error(window, title, f"{text}\n\n{exc}", traceback.format_exc())
            return 2
        if window is None:
            window = MainWindow(ctx, settings)
            window.show()
            ready("READY", window.registry.list.model.total, "live")
        else:
            window.attach(ctx)
        ready("INTERACTIVE", window.registry.list.model.total, "live")
        if note:
            window.statusBar().showMessage(note, 15000)
        if quit_when_ready:
            QTimer.singleShot(0, app.quit)
        elif st.state is SchemaState.EMPTY and not no_demo_prompt:
            from ui.demo_prompt import offer_demo

            QTimer.singleShot(0, lambda: offer_demo(window, ctx))
        else:
            # Due-soon and overdue hazards, once the window is up (ui/reminders.py; not on a new database).
            QTimer.singleShot(300, window.show_reminders)
        return 0

    if window is None:
        code = load()
        if code:
            return code
    else:
        def deferred() -> None:
            code = load()
            if code:
                app.exit(code)

        QTimer.singleShot(0, deferred)
    return app.exec()
