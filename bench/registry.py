"""Registry search/filter: from setting the search text (or a filter) to the repainted table."""

from __future__ import annotations

import os
import time

from bench.common import demo_db, emit, median

QUERIES = ["化", "化工", "汨罗市", "mlhg", "91430681ma", "归义", "加油站", "有限公司 化工", "zzz不存在"]


def _measure(url: str, label: str, enterprises: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.app import register_font
    from ui.context import AppContext
    from ui.registry_page import RegistryList

    app = QApplication.instance() or QApplication([])
    register_font()
    ctx = AppContext.open(url)
    loads = []
    for _ in range(3):
        ctx.registry_index.invalidate()
        t0 = time.perf_counter()
        with ctx.session() as s:
            ctx.registry_index.ensure_fresh(s)
        loads.append(time.perf_counter() - t0)
    emit(f"registry_index_load_{label}", min(loads), "s", "none (reported): at start and after own writes",
         enterprises=enterprises)
    lst = RegistryList(ctx)
    lst.resize(1366, 700)
    lst.show()
    app.processEvents()

    def timed(action) -> float:  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        action()
        lst.table.viewport().repaint()  # the visible rows are fetched and painted
        return (time.perf_counter() - t0) * 1000

    timed(lambda: lst.search.setText("预热"))
    search: list[float] = []
    for q in QUERIES * 3:
        search.append(timed(lambda q=q: lst.search.setText(q)))
    search.append(timed(lst.search.clear))
    filters: list[float] = []
    for _ in range(3):
        filters.append(timed(lambda: lst.town.setCurrentIndex(1)))
        filters.append(timed(lambda: lst.high_risk.setCurrentIndex(1)))
        filters.append(timed(lambda: lst.sector.setCurrentIndex(2)))
        filters.append(timed(lambda: lst.risk.setCurrentIndex(1)))
        filters.append(timed(lst.clear_filters))
        filters.append(timed(lambda: lst.table.sortByColumn(5, lst.table.horizontalHeader().sortIndicatorOrder())))
    for name, xs in (("search", search), ("filter_sort", filters)):
        emit(f"registry_{name}_{label}_median", median(xs), "ms", "<= 50 ms", enterprises=enterprises, runs=len(xs))
        emit(f"registry_{name}_{label}_max", max(xs), "ms", "<= 50 ms", enterprises=enterprises, runs=len(xs))
    lst.close()
    ctx.engine.dispose()


def run() -> None:
    _measure(demo_db("seed"), "seed", 4027)
    _measure(demo_db("large"), "large", 50000)


if __name__ == "__main__":
    run()
