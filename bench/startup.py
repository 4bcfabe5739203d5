"""Start-up until the main window shows the registry's first rows, against a bare PySide6 window."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from bench.common import OUT, ROOT, demo_db, emit, median

BARE = """
import os
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.show()
QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
app.exec()
"""


def _stages(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from launching the process to each of its stage lines: READY (the window is painted with the
    registry's first rows) and, for Tijian, INTERACTIVE (the live list has replaced the first-paint snapshot).
    The process's own exit is not counted, for either side."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        stage = line.split(" ", 1)[0].strip()
        if stage in ("READY", "INTERACTIVE"):
            seen[stage] = time.perf_counter() - t0
    _out, err = proc.communicate(timeout=120)
    if "READY" not in seen or proc.returncode != 0:
        raise RuntimeError(f"{cmd} failed ({proc.returncode}): {err[-2000:]}")
    return seen


def _wall(cmd: list[str], env: dict[str, str]) -> float:
    return _stages(cmd, env)["READY"]


def run(repeat: int = 7) -> None:
    url = demo_db("seed")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TIJIAN_HOME=str(OUT / "home"))
    tijian = [sys.executable, "-m", "desktop.cli", "--quit-when-ready", "--db", url]
    bare = [sys.executable, "-c", BARE]
    _wall(tijian, env)  # first run: fills the theme cache, as any second start of the program would find it
    _wall(bare, env)
    bare_t, app_t, live_t = [], [], []
    for _ in range(repeat):  # interleaved so that machine load hits both alike
        bare_t.append(_wall(bare, env))
        st = _stages(tijian, env)
        app_t.append(st["READY"])
        live_t.append(st["INTERACTIVE"])
    b, a, i = median(bare_t), median(app_t), median(live_t)
    emit("startup_bare_window", b, "s", "reference", runs=repeat)
    emit("startup_to_first_rows_seed", a, "s", "<= 3x bare window", peer="bare PySide6 window", peer_value=round(b, 4),
         ratio=round(a / b, 2), runs=repeat, enterprises=4027)
    emit("startup_to_interactive_seed", i, "s", "none (reported): live list, search and filters usable",
         peer="bare PySide6 window", peer_value=round(b, 4), ratio=round(i / b, 2), runs=repeat, enterprises=4027)


if __name__ == "__main__":
    run()
