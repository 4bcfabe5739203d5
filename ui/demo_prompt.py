"""First start on an empty database: offer the Miluo demo data so a newcomer sees a filled program."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui import alerts
from ui.context import AppContext
from ui.tasks import run_task


def offer_demo(window, ctx: AppContext) -> bool:  # type: ignore[no-untyped-def]
    if not alerts.confirm(window, QCoreApplication.translate("demo", "新数据库"),
                          QCoreApplication.translate(
                              "demo", "这是一个新建的空数据库。\n\n是否载入演示数据（汨罗市：15个镇、179个村（社区）、"
                                      "4027家监管对象）以便熟悉程序？\n\n正式使用时请选“否”，"
                                      "再通过“导入Excel”导入本单位的企业名录。")):
        return False
    from models.services import demo

    # Not cancellable: the generator commits in chunks, and half a demo data set would only confuse.
    run_task(window, QCoreApplication.translate("demo", "演示数据"),
             QCoreApplication.translate("demo", "正在生成演示数据…"),
             lambda progress: demo.generate(ctx.factory, "seed", 0, progress), cancellable=False)
    window.registry.list.reload()
    return True
