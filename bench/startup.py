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
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _wall(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    took = time.perf_counter() - t0
    if out.returncode != 0:
        raise RuntimeError(f"{cmd} failed: {out.stderr[-2000:]}")
    return took


def run(repeat: int = 7) -> None:
    url = demo_db("seed")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TIJIAN_HOME=str(OUT / "home"))
    tijian = [sys.executable, "-m", "desktop.cli", "--quit-when-ready", "--db", url]
    bare = [sys.executable, "-c", BARE]
    _wall(tijian, env)  # first run: fills the theme cache, as any second start of the program would find it
    _wall(bare, env)
    bare_t, app_t = [], []
    for _ in range(repeat):  # interleaved so that machine load hits both alike
        bare_t.append(_wall(bare, env))
        app_t.append(_wall(tijian, env))
    b, a = median(bare_t), median(app_t)
    emit("startup_bare_window", b, "s", "reference", runs=repeat)
    emit("startup_to_first_rows_seed", a, "s", "<= 3x bare window", peer="bare PySide6 window", peer_value=round(b, 4),
         ratio=round(a / b, 2), runs=repeat, enterprises=4027)


if __name__ == "__main__":
    run()
