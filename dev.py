#!/usr/bin/env python3
"""Developer bootstrap for Tijian — standard library only, Python 3.11+.

    python3 dev.py run [args...]    set up .venv if needed, then run the program (`tijian args...`)
    python3 dev.py test [args...]   set up .venv if needed, then `python -m pytest -n auto args...` (offscreen Qt)
    python3 dev.py setup            only the set-up (used by .ci/run before `ruff check`)

The set-up creates `.venv` when it is missing, and (re)installs the project when pyproject.toml, constraints.txt,
the set of top-level packages or the checkout's location changed since the last install (a stamp in .venv
records them): `pip install -c constraints.txt -e .[dev]`. Then it compiles resources/translations/*.ts into
.qm files that are missing or older than their source. When nothing changed it costs a few file reads.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from contextlib import contextmanager
from pathlib import Path

MIN_PYTHON = (3, 11)
ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".tijian-dev-stamp.json"
LOCK = VENV / ".tijian-dev.lock"
WINDOWS = os.name == "nt"
BIN = VENV / ("Scripts" if WINDOWS else "bin")
EXE = ".exe" if WINDOWS else ""
TRANSLATIONS = ROOT / "resources" / "translations"
_PIP_NOISE = re.compile(r"^WARNING: Location '.*' is ignored: it is neither a file nor a directory\.$")


def say(msg: str) -> None:
    print(f"dev.py: {msg}", flush=True)


def die(msg: str, code: int = 1) -> None:
    print(f"dev.py: error: {msg}", file=sys.stderr, flush=True)
    raise SystemExit(code)


def venv_python() -> Path:
    return BIN / f"python{EXE}"


def _top_level_packages() -> list[str]:
    """Folders that [tool.setuptools.packages.find] includes and that hold Python files. The editable install
    maps the ones present at install time only, so a new one (e.g. after a pull) needs a re-install."""
    try:
        data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
        patterns = data["tool"]["setuptools"]["packages"]["find"]["include"]
    except (OSError, ValueError, KeyError, TypeError):
        patterns = ["*"]
    found = []
    for p in ROOT.iterdir():
        if p.is_dir() and any(fnmatch.fnmatchcase(p.name, pat) for pat in patterns):
            if next(p.glob("*.py"), None) or next(p.glob("*/*.py"), None):
                found.append(p.name)
    return sorted(found)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "missing"


def wanted_stamp() -> dict[str, object]:
    return {
        "root": str(ROOT),
        "pyproject.toml": _digest(ROOT / "pyproject.toml"),
        "constraints.txt": _digest(ROOT / "constraints.txt"),
        "packages": _top_level_packages(),
    }


def read_stamp() -> dict[str, object] | None:
    try:
        return json.loads(STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


@contextmanager
def venv_lock():
    """Serialise set-ups: several terminals (or engineers) may start dev.py in the same tree at once."""
    VENV.mkdir(exist_ok=True)
    with open(LOCK, "a+b") as fh:
        if WINDOWS:
            import msvcrt

            fh.seek(0)
            while True:
                try:
                    msvcrt.locking(fh.fileno(), msvcrt.LK_LOCK, 1)
                    break
                except OSError:  # LK_LOCK gives up after ~10 s; keep waiting
                    continue
            try:
                yield
            finally:
                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                say("waiting for another dev.py set-up in this tree to finish")
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _venv_works() -> bool:
    py = venv_python()
    if not py.exists():  # also catches a dangling link to a removed base interpreter
        return False
    try:
        return subprocess.run([str(py), "-c", "import pip"], capture_output=True).returncode == 0
    except OSError:
        return False


def create_venv() -> None:
    say(f"creating .venv with Python {sys.version.split()[0]}")
    # Keep the lock file: another dev.py may be waiting on it.
    for p in VENV.iterdir() if VENV.exists() else ():
        if p == LOCK:
            continue
        shutil.rmtree(p) if p.is_dir() and not p.is_symlink() else p.unlink()
    try:
        import venv

        venv.EnvBuilder(with_pip=True, symlinks=not WINDOWS).create(VENV)
    except Exception as exc:  # ensurepip missing (Debian: python3-venv) and similar
        die(f"could not create .venv ({exc}); on Debian/Ubuntu install python3-venv first")
    if not venv_python().exists():
        die("could not create .venv (no python inside it)")


def install() -> None:
    say("installing tijian[dev] with the versions pinned in constraints.txt (pip)")
    cmd = [str(venv_python()), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input"]
    if (ROOT / "constraints.txt").exists():
        cmd += ["-c", "constraints.txt"]
    else:
        say("warning: constraints.txt is missing; installing unpinned versions")
    cmd += ["-e", ".[dev]"]
    out = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")
    if out.returncode != 0:
        sys.stderr.write(out.stdout)
        die(f"pip install failed (exit code {out.returncode}); fix the error above and run again", out.returncode)
    # Even with -q pip repeats one warning per package for a configured index folder that lacks it; keep the rest.
    lines = [ln for ln in out.stdout.splitlines() if ln.strip() and not _PIP_NOISE.search(ln)]
    if lines:
        print("\n".join(lines), flush=True)


def compile_translations() -> None:
    sources = sorted(TRANSLATIONS.glob("*.ts")) if TRANSLATIONS.is_dir() else []
    stale = [
        ts
        for ts in sources
        if not ts.with_suffix(".qm").exists() or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
    ]
    if not stale:
        return
    lrelease = BIN / f"pyside6-lrelease{EXE}"
    if not lrelease.exists():
        die(f"{lrelease.name} not found in .venv; is PySide6 installed?")
    say(f"compiling {len(stale)} translation(s): {', '.join(ts.name for ts in stale)}")
    for ts in stale:
        out = subprocess.run(
            [str(lrelease), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], capture_output=True, text=True
        )
        if out.returncode != 0:
            sys.stderr.write(out.stdout + out.stderr)
            die(f"pyside6-lrelease failed on {ts.relative_to(ROOT)}", out.returncode)


def setup() -> None:
    if sys.version_info < MIN_PYTHON:
        die(f"Python {'.'.join(map(str, MIN_PYTHON))}+ is needed; this is {sys.version.split()[0]}")
    want = wanted_stamp()
    if not (venv_python().exists() and read_stamp() == want):
        with venv_lock():
            stamp = read_stamp()  # another dev.py may have done the work while we waited for the lock
            moved = stamp is not None and stamp.get("root") != want["root"]  # old paths in .venv's scripts
            if moved or not _venv_works():
                create_venv()
                stamp = None
            if stamp != want:
                STAMP.unlink(missing_ok=True)
                install()
                STAMP.write_text(json.dumps(want, indent=1) + "\n", encoding="utf-8")
    compile_translations()


def _wants_xdist(args: list[str]) -> bool:
    if (os.cpu_count() or 1) < 2:
        return False
    for i, a in enumerate(args):
        # The caller chose the number of workers, or disabled xdist, or wants a debugger.
        if a in ("-n", "--numprocesses", "--pdb", "--trace") or a.startswith(("-n", "--numprocesses=")):
            return False
        if a == "-pno:xdist" or (a == "-p" and i + 1 < len(args) and args[i + 1] == "no:xdist"):
            return False
    return True


def run_tests(args: list[str]) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    cmd = [str(venv_python()), "-m", "pytest"] + (["-n", "auto"] if _wants_xdist(args) else []) + args
    say("running " + " ".join(["pytest"] + cmd[3:]))
    return subprocess.call(cmd, cwd=ROOT, env=env)


def run_program(args: list[str]) -> int:
    exe = BIN / f"tijian{EXE}"
    if not exe.exists():
        die(f"{exe} is missing; delete .venv and run again")
    return subprocess.call([str(exe), *args])


USAGE = """usage: python3 dev.py run [tijian args...]   set up .venv, then run the program
       python3 dev.py test [pytest args...]  set up .venv, then run the tests (pytest -n auto, offscreen Qt)
       python3 dev.py setup                  set up .venv only"""


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test", "setup"):
        print(USAGE, file=sys.stderr)
        return 0 if argv and argv[0] in ("-h", "--help", "help") else 2
    command, rest = argv[0], argv[1:]
    setup()
    try:
        if command == "test":
            return run_tests(rest)
        if command == "run":
            return run_program(rest)
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
