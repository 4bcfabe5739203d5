"""Console commands: demo data, self-test, verify."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path


def demo(url: str, scale: str, seed: int) -> int:
    from models import schema
    from models.db import make_engine, make_session_factory
    from models.services import demo as demo_svc
    from models.services.errors import ServiceError

    engine = make_engine(url)
    try:
        schema.ensure_current(engine)
    except schema.SchemaError as exc:
        print(exc, file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    last = [0.0]

    def progress(done: int, total: int, what: str) -> None:
        now = time.perf_counter()
        if now - last[0] > 0.5 or done == total:
            last[0] = now
            print(f"\r{what}: {done}/{total}", end="", file=sys.stderr, flush=True)

    try:
        counts = demo_svc.generate(make_session_factory(engine), scale, seed, progress)
    except ServiceError as exc:
        print(f"\n{exc}", file=sys.stderr)
        return 1
    print(file=sys.stderr)
    print(f"演示数据已写入 {url}（{time.perf_counter() - t0:.1f} 秒）：", counts)
    return 0


def self_test(db_arg: str | None) -> int:
    """Start the GUI offscreen, open every module on demo data, exercise the registry, exit 0 if all worked."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = None
    if db_arg is None:
        tmp = tempfile.TemporaryDirectory(prefix="tijian-selftest-")
        url = f"sqlite:///{Path(tmp.name) / 'selftest.sqlite3'}"
    else:
        from desktop.paths import resolve_db_url

        url = resolve_db_url(db_arg)
    failures: list[str] = []

    def check(what: str, ok: bool) -> None:
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            failures.append(what)

    from desktop.app import make_app, open_database

    app = make_app(sys.argv[:1], "zh")
    ctx, _st, _note = open_database(url)
    from models.services import demo as demo_svc
    from models.services import enterprises as svc

    with ctx.session() as s:
        empty = svc.count(s) == 0
    if empty:
        demo_svc.generate(ctx.factory, "seed", 0)
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    app.processEvents()
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        app.processEvents()
        check(f"module {window.nav.item(row).text()} opens", window.stack.currentIndex() == row)
    lst = window.registry.list
    total = lst.model.total
    check(f"registry lists enterprises ({total})", total > 0)
    lst.search.setText("化工")
    app.processEvents()
    found = lst.model.total
    check(f"search 化工 narrows the list ({found})", 0 < found < total)
    lst.search.clear()
    lst.high_risk.setCurrentIndex(1)
    app.processEvents()
    check(f"high-risk filter ({lst.model.total})", 0 < lst.model.total < total)
    first = lst.model.id_at(0)
    page = window.registry.open_archive(first)
    app.processEvents()
    check("archive opens", page is not None and bool(page.title.text()))
    window.close()
    ctx.engine.dispose()
    if tmp is not None:
        tmp.cleanup()
    print("self-test " + ("passed" if not failures else f"FAILED: {failures}"))
    return 0 if not failures else 1


def verify(url: str, file: str) -> int:
    """``tijian verify FILE.pdf``: 0 when the file is, byte for byte, an issued document of the archive; else 1, with
    the reason (void, changed, unknown) in Chinese."""
    from models import schema
    from models.db import make_engine, make_session_factory, session_scope, sqlite_path
    from models.services import documents

    path = Path(file)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        print(f"找不到文件：{path}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"无法读取文件 {path}：{exc.strerror or exc}", file=sys.stderr)
        return 1
    db_file = sqlite_path(url)
    if db_file is not None and not db_file.exists():
        print(f"找不到数据库：{db_file}（请用 --db 指定档案所在的数据库）", file=sys.stderr)
        return 1
    engine = make_engine(url)
    try:
        st = schema.status(engine)
        if st.state is not schema.SchemaState.CURRENT:
            print("数据库不是本程序当前版本的档案库（请先用本程序打开一次，或检查 --db），未能核验。", file=sys.stderr)
            return 1
        with session_scope(make_session_factory(engine)) as s:
            result = documents.verify(s, data)
    finally:
        engine.dispose()
    print(("✔ " if result.ok else "✘ ") + result.message)
    if result.document is not None and result.document.sha256:
        print(f"档案原件 SHA-256：{result.document.sha256}")
    return 0 if result.ok else 1
