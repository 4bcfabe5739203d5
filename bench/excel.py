"""Excel import of the 4,027-row registry into a database that has the regions but no enterprises."""

from __future__ import annotations

import shutil
import time

from bench.common import OUT, demo_db, emit


def run() -> None:
    from sqlalchemy import text

    from models.db import make_engine, make_session_factory, session_scope
    from models.services import enterprise_excel as xl

    src = demo_db("seed")
    engine = make_engine(src)
    factory = make_session_factory(engine)
    xlsx = OUT / "registry-4027.xlsx"
    t0 = time.perf_counter()
    with session_scope(factory) as s:
        n = xl.export(s, None, xlsx)
    emit("excel_export_4027", time.perf_counter() - t0, "s", "none (reported)", rows=n)
    engine.dispose()

    target = OUT / "import-target.sqlite3"
    for p in OUT.glob("import-target.sqlite3*"):
        p.unlink()
    shutil.copyfile(src.removeprefix("sqlite:///"), target)
    engine = make_engine(f"sqlite:///{target}")
    with engine.begin() as c:
        for table in ("hazards", "visit_stops", "expert_recusals", "documents", "enterprises"):
            c.execute(text(f"DELETE FROM {table}"))
    factory = make_session_factory(engine)
    t0 = time.perf_counter()
    with session_scope(factory) as s:
        plan = xl.read_workbook(s, xlsx)
        result = xl.apply(s, plan, "bench")
    took = time.perf_counter() - t0
    assert result.created == n, result
    emit("excel_import_4027", took, "s", "<= 5 s", rows=n, created=result.created)
    engine.dispose()


if __name__ == "__main__":
    run()
