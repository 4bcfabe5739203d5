"""Run every benchmark: ``python -m bench [startup|registry|excel ...]``; one JSON object per line on stdout."""

from __future__ import annotations

import json
import os
import sys

from bench import common

SUITES = ["startup", "registry", "excel", "scheduling", "photos", "inspection", "documents", "ledger"]


def main(argv: list[str]) -> int:
    chosen = argv or SUITES
    print(json.dumps({"name": "machine", **common.machine()}, ensure_ascii=False), flush=True)
    for name in chosen:
        module = __import__(f"bench.{name}", fromlist=["run"])
        module.run()
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stdout.flush()
    sys.stderr.flush()
    # Skip interpreter finalisation: PySide6 6.12 can abort while garbage-collecting Qt wrappers at exit
    # ("none_dealloc"), which would turn a finished run into a crash. Every figure is already printed.
    os._exit(code)
