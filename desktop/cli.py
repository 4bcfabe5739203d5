"""The ``tijian`` command.

    tijian [--db URL] [--lang zh|en]                      open the program
    tijian demo --scale seed|large [--seed N] [--db URL]   fill a database with synthetic Miluo data
    tijian self-test [--db URL]                            open every module offscreen on demo data; exit 0 if all work
    tijian verify FILE.pdf [--db URL]                      does an enforcement document match the archive? exit 0 if so
"""

from __future__ import annotations

import argparse
import sys


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tijian", description="安全体检 — 企业安全体检、隐患台账与执法文书")
    p.add_argument("--db", help="数据库 URL（默认：用户数据目录中的 SQLite 文件；也可用环境变量 TIJIAN_DB）")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="界面语言 (default zh)")
    p.add_argument("--quit-when-ready", action="store_true", help=argparse.SUPPRESS)  # start-up benchmark
    p.add_argument("--no-demo-prompt", action="store_true", help="新数据库不提示载入演示数据")
    sub = p.add_subparsers(dest="command")
    d = sub.add_parser("demo", help="生成演示数据")
    d.add_argument("--scale", choices=["seed", "large"], default="seed")
    d.add_argument("--seed", type=int, default=0)
    d.add_argument("--db", default=argparse.SUPPRESS)  # `tijian --db X demo` and `tijian demo --db X` both work
    t = sub.add_parser("self-test", help="离屏打开每个模块进行自检")
    t.add_argument("--db", default=argparse.SUPPRESS)
    v = sub.add_parser("verify", help="核验执法文书 PDF 是否与档案中出具的原件一致（一致时退出码为 0）")
    v.add_argument("file", help="要核验的 PDF 文件")
    v.add_argument("--db", default=argparse.SUPPRESS)
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from desktop.paths import resolve_db_url

    url = resolve_db_url(getattr(args, "db", None))
    if args.command == "demo":
        from desktop.commands import demo

        return demo(url, args.scale, args.seed)
    if args.command == "self-test":
        from desktop.commands import self_test

        return self_test(getattr(args, "db", None))
    if args.command == "verify":
        from desktop.commands import verify

        return verify(url, args.file)
    from desktop.app import run_gui

    return run_gui(url, args.lang, args.quit_when_ready, args.no_demo_prompt)


if __name__ == "__main__":
    sys.exit(main())
