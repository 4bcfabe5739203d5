"""Hazard ledger at 100,000 hazards (the `large` demo set): first paint, filters, full Excel export, memory.

- first paint: ``LedgerPage(ctx)`` constructed on a new window context (no index yet) → its first rows painted;
- live: the same → the whole ledger loaded (worker thread) and shown;
- filters: each filter kind from setting the widget to the repainted table, after a warm-up (median / max);
- export: ``page.export_file`` of the whole ledger (read, order, write the .xlsx) as the user runs it;
- memory: a fresh process with the program's start page (registry list) and the ledger open, VmRSS and VmHWM.

Each figure also gives the CPU time of this process (``cpu_ms``) and the load average: on a shared machine the
wall time of a run can be twice its CPU time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.common import OUT, demo_db, emit, median


def _load() -> float:
    return os.getloadavg()[0]


def _status(key: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def _app():  # type: ignore[no-untyped-def]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.app import register_font

    app = QApplication.instance() or QApplication([])
    register_font()
    return app


def _wait_live(app, page, timeout: float = 120.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while not page.live:
        if time.monotonic() > end:
            raise TimeoutError("the ledger did not load")
        app.processEvents()
        time.sleep(0.005)


def _measure(url: str, hazards: int) -> None:
    app = _app()
    from ui import alerts
    from ui.context import AppContext
    from ui.ledger_page import ESCALATION_COLUMN, LedgerPage

    firsts, lives, cpus = [], [], []
    page = None
    for _ in range(4):
        ctx = AppContext.open(url)
        with ctx.session():
            pass  # the program has its connection before the module is opened
        if page is not None:
            page.close()
            page.deleteLater()
            app.processEvents()
        c0, t0 = time.process_time(), time.perf_counter()
        page = LedgerPage(ctx)
        page.resize(1240, 700)
        page.show()
        page.table.viewport().repaint()
        firsts.append((time.perf_counter() - t0) * 1000)
        cpus.append((time.process_time() - c0) * 1000)
        _wait_live(app, page)
        lives.append(time.perf_counter() - t0)
    assert page is not None
    emit("ledger_first_paint_ms", median(firsts), "ms", "<= 300 ms", hazards=hazards, max=round(max(firsts), 1),
         runs=len(firsts), cpu_ms=round(median(cpus), 1), load_avg=_load())
    emit("ledger_live_s", median(lives), "s", "none (reported): index loaded in a worker after the first paint",
         hazards=hazards, max=round(max(lives), 2), load_avg=_load())

    p = page

    def timed(action) -> tuple[float, float]:  # type: ignore[no-untyped-def]
        c, t = time.process_time(), time.perf_counter()
        action()
        p.table.viewport().repaint()
        return (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000

    def search(text: str):  # type: ignore[no-untyped-def]
        def go() -> None:
            p.search.setText(text)
            p.apply_filter()  # what the 120 ms debounce timer then runs
        return go

    from datetime import date, timedelta

    today = date.today()
    kinds = {
        "town": lambda: p.town.setCurrentIndex(2),
        "village": lambda: (p.town.setCurrentIndex(2), p.village.setCurrentIndex(3)),
        "sector": lambda: p.sector.setCurrentIndex(1),
        "severity": lambda: p.severity.setCurrentIndex(1),
        "status_open": lambda: p.status.setCurrentIndex(1),
        "status_closed": lambda: p.status.setCurrentIndex(5),
        "overdue": lambda: p.overdue.setCurrentIndex(1),
        "escalation_7d": lambda: p.overdue.setCurrentIndex(5),
        "deadline_range": lambda: (p.deadline_from.set_value(today - timedelta(days=400)),
                                   p.deadline_to.set_value(today - timedelta(days=300))),
        "expert": lambda: p.expert.setCurrentIndex(3),
        "visit_kind": lambda: p.kind.setCurrentIndex(2),
        "search_word": search("配电"),
        "search_firm": search("汨罗市"),
        "search_initials": search("mlhg"),
        "search_two_words": search("化工 配电"),
        "search_none": search("zzz不存在"),
        "sort_escalation": lambda: p.table.sortByColumn(ESCALATION_COLUMN, p.table.horizontalHeader()
                                                        .sortIndicatorOrder()),
        "clear": p.clear_filters,
    }
    for action in kinds.values():  # warm-up: first sorts, glyphs
        action()
        p.clear_filters()
    walls: list[float] = []
    cpu: list[float] = []
    for name, action in kinds.items():
        xs = []
        for _ in range(3):
            p.clear_filters()
            wall, c = timed(action)
            xs.append(wall)
            cpu.append(c)
        walls += xs
        emit(f"ledger_filter_{name}_ms", median(xs), "ms", "<= 100 ms", hazards=hazards, max=round(max(xs), 1),
             shown=p.model.rowCount())
    emit("ledger_filter_all_median_ms", median(walls), "ms", "<= 100 ms", hazards=hazards, max=round(max(walls), 1),
         runs=len(walls), cpu_median_ms=round(median(cpu), 1), load_avg=_load())

    p.clear_filters()
    alerts_info = alerts.info
    alerts.info = lambda *_a, **_k: None  # type: ignore[assignment]
    try:
        target = OUT / "ledger-export.xlsx"
        c, t = time.process_time(), time.perf_counter()
        n = p.export_file(str(target))
        emit("ledger_export_s", time.perf_counter() - t, "s", "<= 15 s", hazards=n,
             cpu_s=round(time.process_time() - c, 2), mb=round(target.stat().st_size / 1e6, 1), load_avg=_load())
    finally:
        alerts.info = alerts_info  # type: ignore[assignment]
    p.close()


def memory_child(url: str) -> None:
    """In a fresh process: the start page (registry list) and the ledger open, a few filters used."""
    app = _app()
    from ui.context import AppContext
    from ui.ledger_page import LedgerPage
    from ui.registry_page import RegistryList

    ctx = AppContext.open(url)
    base = _status("VmRSS")
    registry = RegistryList(ctx)
    registry.resize(1240, 700)
    registry.show()
    app.processEvents()
    page = LedgerPage(ctx)
    page.resize(1240, 700)
    page.show()
    _wait_live(app, page)
    for text in ("配电", "汨罗市", ""):
        page.search.setText(text)
        page.apply_filter()
        page.table.viewport().repaint()
    page.status.setCurrentIndex(1)
    page.table.sortByColumn(9, page.table.horizontalHeader().sortIndicatorOrder())
    app.processEvents()
    print(json.dumps({"rss": _status("VmRSS"), "hwm": _status("VmHWM"), "before_pages": base}), flush=True)


def _memory(url: str, hazards: int) -> None:
    out = subprocess.run([sys.executable, "-m", "bench.ledger", "--memory", url], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parent.parent)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    emit("ledger_memory_rss_mb", got["rss"], "MB", "<= 400 MB", hazards=hazards, peak_mb=round(got["hwm"], 1),
         before_pages_mb=round(got["before_pages"], 1), note="registry list (50,000 firms) and ledger open")


def run() -> None:
    url = demo_db("large")
    _memory(url, 100_000)
    _measure(url, 100_000)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--memory":
        memory_child(sys.argv[2])
        sys.stdout.flush()
        os._exit(0)
    run()
    sys.stdout.flush()
    os._exit(0)
