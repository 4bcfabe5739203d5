"""Expert recommendation for one firm among the pool (issue 3): 200 experts, 20,000 past visits at `large`."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from bench.common import demo_db, emit, median


def run() -> None:
    from sqlalchemy import func, select

    from models.db import make_engine, make_session_factory, session_scope
    from models.entities import Enterprise, Expert, Visit
    from models.services import scheduling

    engine = make_engine(demo_db("large"))
    factory = make_session_factory(engine)
    with session_scope(factory) as s:
        experts = s.scalar(select(func.count()).select_from(Expert))
        visits = s.scalar(select(func.count()).select_from(Visit))
        firms = list(s.scalars(select(Enterprise.id).order_by(Enterprise.name_sort).limit(2000)))
    rng = random.Random(1)
    day = date.today() + timedelta(days=7)
    times: list[float] = []
    with session_scope(factory) as s:
        scheduling.recommend(s, firms[0], day)  # warm-up: mappers, statement caches
        for firm in rng.sample(firms, 40):
            t0 = time.perf_counter()
            scheduling.recommend(s, firm, day)
            times.append((time.perf_counter() - t0) * 1000)
    emit("recommend_one_firm_large_median", median(times), "ms", "<= 50 ms", experts=experts, visits=visits,
         runs=len(times))
    emit("recommend_one_firm_large_max", max(times), "ms", "<= 50 ms", experts=experts, visits=visits,
         runs=len(times))
    engine.dispose()
    month_view()




def month_view() -> None:
    """Month view at `large`: from choosing a month to the repainted grid (issue 3: 500 visits ≤ 200 ms)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.app import register_font
    from models.services import scheduling
    from ui.context import AppContext
    from ui.schedule_page import SchedulePage

    app = QApplication.instance() or QApplication([])
    register_font()
    ctx = AppContext.open(demo_db("large"))
    page = SchedulePage(ctx)
    page.resize(1238, 700)
    page.show()
    app.processEvents()
    # The busiest months of the five years first: the figure is for a full month.
    with ctx.session() as s:
        rows = scheduling.visits_between(s, date.today() - timedelta(days=5 * 366), date.today())
    per_month: dict[tuple[int, int], int] = {}
    for r in rows:
        per_month[(r.day.year, r.day.month)] = per_month.get((r.day.year, r.day.month), 0) + 1
    busiest = sorted(per_month, key=per_month.get, reverse=True)[:12]
    times, counts = [], []
    for y, m in busiest:
        t0 = time.perf_counter()
        page.show_day(date(y, m, 15))
        page.month_view.viewport().repaint()
        times.append((time.perf_counter() - t0) * 1000)
        counts.append(len(page.rows))
    emit("month_view_large_median", median(times), "ms", "<= 200 ms", visits_shown=max(counts), runs=len(times))
    emit("month_view_large_max", max(times), "ms", "<= 200 ms", visits_shown=max(counts), runs=len(times))
    page.close()
    ctx.engine.dispose()


if __name__ == "__main__":
    run()
