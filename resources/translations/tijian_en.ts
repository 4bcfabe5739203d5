<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="146"/>
        <source>同意延期(&amp;Y)</source>
        <translation>&amp;Yes, grant the extension</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="147"/>
        <source>不同意(&amp;N)</source>
        <translation>&amp;No, refuse</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="156"/>
        <source>审批意见</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="170"/>
        <source>执法人员(&amp;O)</source>
        <translation>&amp;Officer</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="195"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="196"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ArchivePage</name>
    <message>
        <location filename="../../ui/archive_page.py" line="111"/>
        <source>编辑档案</source>
        <translation>Edit archive</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="129"/>
        <source>基本信息</source>
        <translation>Basic data</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="131"/>
        <source>证照名称</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="131"/>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="131"/>
        <source>发证机关</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="131"/>
        <source>有效期起</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="132"/>
        <source>有效期止</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="132"/>
        <location filename="../../ui/archive_page.py" line="136"/>
        <location filename="../../ui/archive_page.py" line="244"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="135"/>
        <source>证照</source>
        <translation>Licences</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="136"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="136"/>
        <source>职务</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="136"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="139"/>
        <source>联系人</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="140"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="140"/>
        <location filename="../../ui/archive_page.py" line="157"/>
        <source>原状态</source>
        <translation>Old status</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="140"/>
        <location filename="../../ui/archive_page.py" line="157"/>
        <source>新状态</source>
        <translation>New status</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="140"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="140"/>
        <location filename="../../ui/archive_page.py" line="158"/>
        <source>操作人</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="141"/>
        <source>状态历史</source>
        <translation>Status history</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="142"/>
        <location filename="../../ui/archive_page.py" line="145"/>
        <location filename="../../ui/archive_page.py" line="157"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="142"/>
        <location filename="../../ui/archive_page.py" line="145"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="142"/>
        <location filename="../../ui/archive_page.py" line="147"/>
        <source>专家</source>
        <translation>Experts</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="142"/>
        <source>执法人员</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="143"/>
        <source>路线上的企业</source>
        <translation>Firms on the route</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="143"/>
        <source>事由</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="144"/>
        <source>检查记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="145"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="145"/>
        <source>已判定项</source>
        <translation>Items judged</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="146"/>
        <source>不符合</source>
        <translation>Non-compliant</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="146"/>
        <source>隐患</source>
        <translation>Hazards</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="146"/>
        <source>重大</source>
        <translation>Major</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="146"/>
        <source>准入结论</source>
        <translation>Entry verdict</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="148"/>
        <source>双击或回车：打开该次现场检查记录</source>
        <translation>Double-click or press Enter to open this on-site inspection record</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="151"/>
        <source>现场检查</source>
        <translation>On-site inspections</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="157"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="159"/>
        <source>准入记录</source>
        <translation>Entry history</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="163"/>
        <source>执法文书</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="177"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="179"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="180"/>
        <source>也可双击一行，或选中后按回车</source>
        <translation>Or double-click a row, or select it and press Enter</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="182"/>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="227"/>
        <source>高危企业</source>
        <translation>High-risk enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="229"/>
        <source>园区企业</source>
        <translation>In industrial park</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="234"/>
        <source>统一社会信用代码</source>
        <translation>Unified Social Credit Code</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="234"/>
        <source>行业领域</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="235"/>
        <source>所属镇</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="235"/>
        <source>所属村（社区）</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="236"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="236"/>
        <source>风险等级</source>
        <translation>Risk level</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="236"/>
        <source>未评级</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="237"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="237"/>
        <source>法定代表人电话</source>
        <translation>Legal rep. phone</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="238"/>
        <source>安全负责人</source>
        <translation>Safety manager</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="238"/>
        <source>安全负责人电话</source>
        <translation>Safety manager phone</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="239"/>
        <source>从业人数</source>
        <translation>Employees</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="240"/>
        <source>成立日期</source>
        <translation>Established</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="241"/>
        <source>主要产品</source>
        <translation>Main products</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="142"/>
        <location filename="../../ui/archive_page.py" line="241"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="156"/>
        <source>隐患台账</source>
        <translation>Hazard ledger</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="242"/>
        <source>建档时间</source>
        <translation>Archive created</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="243"/>
        <source>最后修改</source>
        <translation>Last modified</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="266"/>
        <source>上午</source>
        <translation>a.m.</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="266"/>
        <source>下午</source>
        <translation>p.m.</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="273"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="273"/>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="347"/>
        <source>删除证照</source>
        <translation>Delete licence</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="347"/>
        <source>确定删除所选证照记录吗？</source>
        <translation>Delete the selected licence record?</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="362"/>
        <source>删除联系人</source>
        <translation>Delete contact</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="362"/>
        <source>确定删除所选联系人吗？</source>
        <translation>Delete the selected contact?</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <location filename="../../ui/experts_page.py" line="456"/>
        <source>登记年度考核</source>
        <translation>Record annual assessment</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="465"/>
        <source>年度 *</source>
        <translation>Year *</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="466"/>
        <source>考核等次 *</source>
        <translation>Grade *</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="467"/>
        <source>说明</source>
        <translation>Remarks</translation>
    </message>
</context>
<context>
    <name>BadRowsModel</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="130"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="132"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="134"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="119"/>
        <source>第 {row} 行</source>
        <translation>Row {row}</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../ui/photo_strip.py" line="400"/>
        <location filename="../../ui/photo_strip.py" line="420"/>
        <source>拍照</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="404"/>
        <source>正在打开摄像头…</source>
        <translation>Opening the camera…</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="423"/>
        <location filename="../../ui/photo_strip.py" line="442"/>
        <source>空格键或 Enter 拍照</source>
        <translation>Press Space or Enter to take the photo</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="425"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="449"/>
        <source>摄像头没有响应：可能正被其他程序使用，或已在系统设置中被禁用。</source>
        <translation>The camera does not respond: another program may be using it, or it is disabled in the system settings.</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="463"/>
        <source>摄像头出错：%1</source>
        <translation>Camera error: %1</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="463"/>
        <source>未知错误</source>
        <translation>Unknown error</translation>
    </message>
</context>
<context>
    <name>CamphorModel</name>
    <message>
        <location filename="../../ui/camphor_page.py" line="94"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="94"/>
        <source>镇</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="94"/>
        <source>准入状态</source>
        <translation>Entry status</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="94"/>
        <source>最近检查</source>
        <translation>Last check</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="94"/>
        <source>检查次数</source>
        <translation>Checks</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="95"/>
        <source>最近结论理由</source>
        <translation>Last verdict reasons</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="102"/>
        <source>未检查</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="108"/>
        <source>尚无准入记录</source>
        <translation>No entry records yet</translation>
    </message>
</context>
<context>
    <name>CamphorPage</name>
    <message>
        <location filename="../../ui/camphor_page.py" line="82"/>
        <source>（检查 {day}）</source>
        <translation>(check {day})</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="139"/>
        <source>搜索：企业名称、拼音首字母、地址或法定代表人（Ctrl+F）</source>
        <translation>Search: enterprise name, pinyin initials, address or legal representative (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="147"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="148"/>
        <source>重新读取（F5）</source>
        <translation>Reload (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="149"/>
        <source>导出Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="150"/>
        <source>把当前列表（含准入历程）导出为 Excel 文件</source>
        <translation>Export the current list (with the entry history) to an Excel file</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="172"/>
        <source>回车或双击打开企业档案</source>
        <translation>Press Enter or double-click to open the enterprise archive</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="187"/>
        <source>准入历程</source>
        <translation>Entry history</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="191"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="191"/>
        <source>准入状态</source>
        <translation>Entry status</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="191"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="191"/>
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="204"/>
        <source>最近一次检查</source>
        <translation>Latest check</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="276"/>
        <source>全部准入状态</source>
        <translation>All entry statuses</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="280"/>
        <source>全部镇</source>
        <translation>All towns</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/camphor_page.py" line="296"/>
        <source>显示 %n 家</source>
        <translation>
            <numerusform>%n enterprise shown</numerusform>
            <numerusform>%n enterprises shown</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="301"/>
        <source>共 {n} 家</source>
        <translation>{n} enterprises</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="301"/>
        <source>已检查 {n}</source>
        <translation>checked {n}</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="338"/>
        <source>未选择企业</source>
        <translation>No enterprise selected</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="353"/>
        <source>企业状态：{status}</source>
        <translation>Enterprise status: {status}</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="362"/>
        <source>检查 {day}</source>
        <translation>Check {day}</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="362"/>
        <source>决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="369"/>
        <source>{reason}
记录人：{who}</source>
        <translation>{reason}
Recorded by: {who}</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="377"/>
        <source>未填写</source>
        <translation>not filled in</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="377"/>
        <source>尚未进行准入检查。</source>
        <translation>No entry check yet.</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="378"/>
        <source>检查日期：</source>
        <translation>Check date: </translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="378"/>
        <source>结论：</source>
        <translation>Verdict: </translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="379"/>
        <source>不予准入（关停）应制作现场处理措施决定书。</source>
        <translation>A refusal (shut down) calls for an on-site handling decision.</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="380"/>
        <source>逐项检查结果：</source>
        <translation>Item results: </translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="380"/>
        <source>不符合项：</source>
        <translation>Non-compliant items:</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="380"/>
        <source>未逐项记录</source>
        <translation>not recorded item by item</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="391"/>
        <source>停产停业依据：</source>
        <translation>Basis of the suspension: </translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="397"/>
        <source>结论理由：</source>
        <translation>Verdict reasons: </translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="402"/>
        <source>{reason}（{day}，见准入历程）</source>
        <translation>{reason} ({day}, see the entry history)</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="403"/>
        <source>原停产停业决定：</source>
        <translation>Original suspension decision: </translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="404"/>
        <source>整改佐证材料：</source>
        <translation>Rectification evidence: </translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="410"/>
        <source>未判定 {n}</source>
        <translation>not judged {n}</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="420"/>
        <source>检查情况：</source>
        <translation>Findings: </translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="428"/>
        <source>导出樟脑油企业名册</source>
        <translation>Export camphor oil enterprise register</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="432"/>
        <source>樟脑油企业名册-{day}.xlsx</source>
        <translation>camphor-oil-enterprises-{day}.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="434"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="441"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../ui/camphor_page.py" line="446"/>
        <source>已导出 {n} 家企业到：
{path}</source>
        <translation>Exported {n} enterprises to:
{path}</translation>
    </message>
</context>
<context>
    <name>ChecklistChooser</name>
    <message>
        <location filename="../../ui/inspection_page.py" line="235"/>
        <source>选择检查表</source>
        <translation>Choose checklists</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="237"/>
        <source>本次检查使用的检查表（空格勾选）：</source>
        <translation>Checklists used for this inspection (Space ticks):</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="240"/>
        <source>各行业</source>
        <translation>all sectors</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="241"/>
        <source>第%1版</source>
        <translation>Rev. %1</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message numerus="yes">
        <location filename="../../ui/inspection_page.py" line="138"/>
        <source>照片%n张</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="142"/>
        <source>隐患%1</source>
        <translation>Hazard %1</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="143"/>
        <source>（重大）</source>
        <translation> (major)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="151"/>
        <source>依据：</source>
        <translation>Basis: </translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="153"/>
        <source>第%1版</source>
        <translation>Rev. %1</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="156"/>
        <source>★ 重大事故隐患判定项</source>
        <translation>★ Major hazard criterion</translation>
    </message>
</context>
<context>
    <name>ChecklistsPage</name>
    <message>
        <location filename="../../ui/checklists_page.py" line="124"/>
        <source>新建检查表</source>
        <translation>New checklist</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="125"/>
        <source>新建一份检查表（Ctrl+N）</source>
        <translation>Create a new checklist (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="126"/>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="127"/>
        <source>停用后不再供新的检查选用；已有的检查结果不受影响</source>
        <translation>Once deactivated, new inspections can no longer use it; existing results are not affected</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="131"/>
        <location filename="../../ui/checklists_page.py" line="440"/>
        <source>检查表</source>
        <translation>Checklists</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="154"/>
        <source>如 2023</source>
        <translation>e.g. 2023</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="157"/>
        <source>部分收录（条文尚未收全）</source>
        <translation>Partial (not all clauses included yet)</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="159"/>
        <source>用“、”分隔；留空表示适用所有行业</source>
        <translation>Separate with commas; leave empty for all sectors</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="161"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="171"/>
        <source>（都不选表示所有检查类型）</source>
        <translation>(none ticked = all inspection types)</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="181"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="182"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="186"/>
        <source>施行日期</source>
        <translation>In force from</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="191"/>
        <source>标准版本</source>
        <translation>Edition</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="195"/>
        <source>适用行业</source>
        <translation>Sectors</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="196"/>
        <source>检查类型</source>
        <translation>Inspection types</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="197"/>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="201"/>
        <source>分组</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="201"/>
        <source>检查内容</source>
        <translation>Check item</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="201"/>
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="202"/>
        <source>重大隐患
判定项</source>
        <translation>Major hazard
criterion</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="202"/>
        <source>建议整改措施</source>
        <translation>Suggested measures</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="203"/>
        <source>期限
（天）</source>
        <translation>Deadline
(days)</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="203"/>
        <source>隐患类别</source>
        <translation>Hazard category</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="205"/>
        <source>勾选：该项不符合时，对照所引判定标准可能构成重大事故隐患</source>
        <translation>Ticked: failing this item may be a major hazard under the cited criteria</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="224"/>
        <source>添加检查项</source>
        <translation>Add item</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="225"/>
        <source>在所选行后添加（Ins）</source>
        <translation>Add after the selected row (Ins)</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="226"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="227"/>
        <source>删除所选检查项（Del）</source>
        <translation>Delete the selected items (Del)</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="228"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="230"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="240"/>
        <location filename="../../ui/checklists_page.py" line="507"/>
        <source>修改说明（保存时必填），如：补充第四条至第十条</source>
        <translation>Change note (required when saving), e.g. added clauses 4 to 10</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="241"/>
        <location filename="../../ui/checklists_page.py" line="505"/>
        <source>保存为新版本</source>
        <translation>Save as new revision</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="242"/>
        <source>保存为新版本（Ctrl+S）；以前的检查结果仍对应原来的版本</source>
        <translation>Save as a new revision (Ctrl+S); earlier inspection results keep their revision</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="244"/>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="245"/>
        <location filename="../../ui/checklists_page.py" line="749"/>
        <source>恢复使用</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="246"/>
        <source>打开当前版本</source>
        <translation>Open current revision</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="247"/>
        <location filename="../../ui/checklists_page.py" line="269"/>
        <source>版本记录</source>
        <translation>Revision history</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="250"/>
        <location filename="../../ui/checklists_page.py" line="260"/>
        <source>修改说明</source>
        <translation>Change note</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="259"/>
        <source>版本</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="259"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="259"/>
        <source>修改人</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="260"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="268"/>
        <source>双击或按回车打开该版本（历史版本只读）</source>
        <translation>Double-click or press Enter to open that revision (earlier revisions are read-only)</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="372"/>
        <location filename="../../ui/checklists_page.py" line="473"/>
        <source>新检查表</source>
        <translation>New checklist</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="373"/>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="374"/>
        <source>“%1”有未保存的修改。放弃这些修改吗？</source>
        <translation>&quot;%1&quot; has unsaved changes. Discard them?</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="385"/>
        <source>内置检查表</source>
        <translation>Built-in checklists</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="409"/>
        <source>〔部分收录〕</source>
        <translation>[partial]</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="411"/>
        <source>〔已停用〕</source>
        <translation>[inactive]</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="412"/>
        <location filename="../../ui/checklists_page.py" line="775"/>
        <source>第%1版</source>
        <translation>Rev. %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/checklists_page.py" line="413"/>
        <source>%n 项</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="474"/>
        <source>保存后成为第1版。</source>
        <translation>Becomes revision 1 when saved.</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="476"/>
        <source>%1&#x3000;第%2版</source>
        <translation>%1 — revision %2</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="480"/>
        <source>当前版本，%1 %2 保存。修改后“保存为新版本”，以前的检查结果仍对应原来的版本。</source>
        <translation>Current revision, saved by %1 on %2. After editing, click &quot;Save as new revision&quot;; earlier inspection results keep their revision.</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="482"/>
        <source>历史版本（只读），%1 %2 保存。以前的检查结果对应此版本。</source>
        <translation>Earlier revision (read-only), saved by %1 on %2. Earlier inspection results refer to it.</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="484"/>
        <source>已停用（只读），%1 %2 保存。新的检查不再使用此表；可“恢复使用”。</source>
        <translation>Inactive (read-only), saved by %1 on %2. New inspections no longer use this checklist; it can be reactivated.</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="505"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="506"/>
        <source>说明（可不填）</source>
        <translation>Description (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="529"/>
        <source>共 %1 项，其中重大隐患判定项 %2 项</source>
        <translation>%1 items, %2 of them major hazard criteria</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="682"/>
        <source>请填写修改说明（例如改了哪些条目、为什么改）。</source>
        <translation>Enter a change note (e.g. which items changed and why).</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="686"/>
        <source>保存检查表</source>
        <translation>Save checklist</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="729"/>
        <location filename="../../ui/checklists_page.py" line="737"/>
        <source>停用检查表</source>
        <translation>Deactivate checklist</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="730"/>
        <source>停用“%1”后，新的检查不再使用此表；已有的检查结果不受影响，以后也可恢复使用。确定停用吗？</source>
        <translation>Deactivate &quot;%1&quot;? New inspections will no longer use it; existing results are not affected, and it can be reactivated later.</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="771"/>
        <source>当前</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../../ui/checklists_page.py" line="773"/>
        <source>内置文件 %1</source>
        <translation>Built-in file %1</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../ui/archive_page.py" line="500"/>
        <source>添加联系人</source>
        <translation>Add contact</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="500"/>
        <source>编辑联系人</source>
        <translation>Edit contact</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="504"/>
        <source>手机11位，座机如 0730-5212345</source>
        <translation>Mobile: 11 digits; landline e.g. 0730-5212345</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="506"/>
        <source>姓名 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="507"/>
        <source>职务</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="508"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="509"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="524"/>
        <source>该联系人记录已不存在（可能已被其他用户删除）。</source>
        <translation>This contact no longer exists (another user may have deleted it).</translation>
    </message>
</context>
<context>
    <name>DayFilter</name>
    <message>
        <location filename="../../ui/documents_page.py" line="125"/>
        <source>检查日期</source>
        <translation>Inspection date</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="126"/>
        <source>只看这一天检查的文书；不勾选：全部日期</source>
        <translation>Only documents of inspections on this day; unticked: all dates</translation>
    </message>
</context>
<context>
    <name>DeadlineDialog</name>
    <message>
        <location filename="../../ui/reinspection_page.py" line="68"/>
        <source>部分整改：新的整改期限</source>
        <translation>Partly rectified: new deadline</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="74"/>
        <source>“%1”部分整改。请确定新的整改期限（应晚于复查日期）：</source>
        <translation>&quot;%1&quot; is partly rectified. Set the new rectification deadline (after the re-inspection date):</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="77"/>
        <source>记录部分整改</source>
        <translation>Record partly rectified</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="78"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="82"/>
        <source>新的整改期限(&amp;D)</source>
        <translation>New &amp;deadline</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../ui/document_dialog.py" line="133"/>
        <source>更正{kind}</source>
        <translation>Correct {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="134"/>
        <source>新建{kind}</source>
        <translation>New {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="207"/>
        <source>必填：为什么更正（原文书将作废并注明此理由）</source>
        <translation>Required: why the correction (the original document is voided with this reason)</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="208"/>
        <source>更正理由</source>
        <translation>Reason for correction</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="214"/>
        <source>依据文书</source>
        <translation>Based on document</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="224"/>
        <source>执法人员</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="230"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="230"/>
        <location filename="../../ui/document_dialog.py" line="250"/>
        <source>隐患</source>
        <translation>Hazards</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="230"/>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="230"/>
        <source>整改期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="262"/>
        <source>选择常用决定或输入</source>
        <translation>Choose a common decision or type one</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="263"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="264"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="275"/>
        <source>处理决定</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="280"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="280"/>
        <source>规格</source>
        <translation>Specification</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="280"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="280"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="281"/>
        <source>存放地点</source>
        <translation>Stored at</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="281"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="288"/>
        <source>添加行</source>
        <translation>Add row</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="289"/>
        <source>删除行</source>
        <translation>Delete row</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="304"/>
        <source>查封扣押物品</source>
        <translation>Items sealed or seized</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="306"/>
        <source>查封扣押起始日</source>
        <translation>Sealed/seized from</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="312"/>
        <source>法律依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="318"/>
        <source>留空则使用现场检查时记录的检查情况</source>
        <translation>Leave empty to use the findings recorded during the on-site inspection</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="319"/>
        <source>检查情况</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="321"/>
        <source>查封、扣押的理由（未选隐患时必填）</source>
        <translation>Reason for sealing or seizing (required when no hazard is ticked)</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="322"/>
        <source>查封扣押理由</source>
        <translation>Reason for sealing/seizing</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="325"/>
        <source>复查意见逐项取自这次复查对所依据文书中各项隐患的结论（已整改 / 部分整改及新期限 / 未整改），在复查记录中修改。</source>
        <translation>The opinion on each item is taken from this re-inspection&apos;s result for each hazard of the underlying document (rectified / partly rectified with new deadline / not rectified); change it in the re-inspection record.</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="335"/>
        <source>签发日期</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="350"/>
        <source>按 F5 或“预览”生成草稿</source>
        <translation>Press F5 or &quot;Preview&quot; to make a draft</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="351"/>
        <source>预览（F5）</source>
        <translation>Preview (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="353"/>
        <source>更正并签发…</source>
        <translation>Correct and issue…</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="353"/>
        <source>签发…</source>
        <translation>Issue…</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="355"/>
        <source>编号并冻结文书（Ctrl+Enter）</source>
        <translation>Number and freeze the document (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="357"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="414"/>
        <source>{kind} · {firm}</source>
        <translation>{kind} · {firm}</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="416"/>
        <source>更正 {number}：签发后原文书作废，两份都留档。</source>
        <translation>Correcting {number}: once issued, the original is voided; both stay on file.</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="436"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="438"/>
        <source>{name}（执法证号 {no}）</source>
        <translation>{name} (certificate no. {no})</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="524"/>
        <source>（已当场整改）</source>
        <translation>(rectified on the spot)</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="525"/>
        <source>（已销号）</source>
        <translation>(closed)</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="528"/>
        <source>重大</source>
        <translation>Major</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="528"/>
        <source>一般</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="541"/>
        <source>没有找到对应的现场检查：先选择依据的现场检查记录。</source>
        <translation>No matching on-site inspection found: first choose the on-site inspection record it is based on.</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="543"/>
        <source>这次检查没有记录隐患。</source>
        <translation>No hazards were recorded in this inspection.</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="546"/>
        <source>共 {n} 项，其中重大事故隐患 {m} 项；勾选要写入文书的隐患。</source>
        <translation>{n} hazards, {m} of them major; tick the hazards to put in the document.</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="700"/>
        <source>尚不能预览：
{problems}</source>
        <translation>Cannot preview yet:
{problems}</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="708"/>
        <source>字体中没有这些字符，文书上无法印出：{chars}（请核对名称，必要时手写补正）</source>
        <translation>The font lacks these characters, so they cannot be printed on the document: {chars} (check the names; if needed, add them by hand)</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="719"/>
        <source>请填写更正理由。</source>
        <translation>Please give the reason for the correction.</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="726"/>
        <source>作废 {number} 并签发更正后的{kind}？
签发后即编号并冻结，不能再修改。</source>
        <translation>Void {number} and issue the corrected {kind}?
Once issued it is numbered and frozen and can no longer be changed.</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="729"/>
        <source>签发这份{kind}（{firm}）？
签发后即编号并冻结，不能再修改；如有错误只能作废后更正。</source>
        <translation>Issue this {kind} ({firm})?
Once issued it is numbered and frozen and can no longer be changed; mistakes can only be fixed by voiding and correcting it.</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="731"/>
        <source>签发文书</source>
        <translation>Issue document</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="744"/>
        <source>已签发：{number}</source>
        <translation>Issued: {number}</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="750"/>
        <source>已签发</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/document_dialog.py" line="750"/>
        <source>{kind}已签发，文号：{number}</source>
        <translation>{kind} issued, number: {number}</translation>
    </message>
</context>
<context>
    <name>DocumentStatus</name>
    <message>
        <location filename="../../ui/verify_dialog.py" line="50"/>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="53"/>
        <source>已签发</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="54"/>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <location filename="../../ui/documents_page.py" line="77"/>
        <source>文号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="77"/>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="77"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="77"/>
        <source>检查日期</source>
        <translation>Inspection date</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="77"/>
        <source>签发时间</source>
        <translation>Issued at</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="78"/>
        <source>签发人</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="78"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="81"/>
        <source>（未编号）</source>
        <translation>(no number)</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="88"/>
        <source>{when} 由 {who} 作废：{reason}</source>
        <translation>Voided {when} by {who}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="91"/>
        <source>依据：{number}</source>
        <translation>Based on: {number}</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="93"/>
        <source>双击打开企业档案</source>
        <translation>Double-click to open the enterprise archive</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../ui/documents_page.py" line="345"/>
        <location filename="../../ui/documents_page.py" line="392"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="366"/>
        <source>全部文书</source>
        <translation>All documents</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="371"/>
        <source>企业名称（Ctrl+F）</source>
        <translation>Enterprise name (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="373"/>
        <source>含作废</source>
        <translation>Include void</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="390"/>
        <source>新建…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="390"/>
        <source>为某天检查的企业制作文书（Ctrl+N）</source>
        <translation>Make a document for an enterprise inspected on a given day (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="392"/>
        <source>打印选中的文书（Ctrl+P）</source>
        <translation>Print the selected document (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="393"/>
        <location filename="../../ui/documents_page.py" line="600"/>
        <source>批量打印</source>
        <translation>Print batch</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="393"/>
        <source>打印所选日期或所选检查的全部有效文书（Ctrl+Shift+P）</source>
        <translation>Print all valid documents of the chosen day or of the selected inspection (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="395"/>
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="395"/>
        <source>把一批文书合并成一个 PDF 文件</source>
        <translation>Combine a batch of documents into one PDF file</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="396"/>
        <source>导出到文件夹…</source>
        <translation>Export to folder…</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="396"/>
        <source>每份文书存为一个 PDF 文件（可核验）</source>
        <translation>Save each document as its own PDF file (verifiable)</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="398"/>
        <source>作废…</source>
        <translation>Void…</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="398"/>
        <source>作废选中的文书（须写明原因）</source>
        <translation>Void the selected document (a reason is required)</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="399"/>
        <source>更正…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="399"/>
        <source>作废选中的文书并出具更正后的文书</source>
        <translation>Void the selected document and issue a corrected one</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="401"/>
        <source>核验…</source>
        <translation>Verify…</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="401"/>
        <source>核验一份 PDF 文件是否与档案一致</source>
        <translation>Check whether a PDF file matches the archive</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="414"/>
        <source>选择一份文书查看</source>
        <translation>Select a document to view it</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="456"/>
        <source>执法文书</source>
        <translation>Enforcement documents</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="469"/>
        <source>{n} 份</source>
        <translation>{n} documents</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="600"/>
        <source>没有可打印的文书：选择一天，或选中一份文书以打印同一检查的全部文书。</source>
        <translation>Nothing to print: choose a day, or select a document to print all documents of the same inspection.</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="606"/>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="608"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="616"/>
        <source>导出到文件夹</source>
        <translation>Export to folder</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="622"/>
        <source>导出文书</source>
        <translation>Export documents</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="624"/>
        <source>正在导出 {n} 份文书…</source>
        <translation>Exporting {n} documents…</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="631"/>
        <source>已导出 {n} 份文书到：
{where}</source>
        <translation>Exported {n} documents to:
{where}</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="639"/>
        <source>执法文书-{day}.pdf</source>
        <translation>enforcement-documents-{day}.pdf</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="655"/>
        <location filename="../../ui/documents_page.py" line="664"/>
        <location filename="../../ui/documents_page.py" line="667"/>
        <source>作废文书</source>
        <translation>Void document</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="656"/>
        <source>作废 {number}（{firm}）。
作废后文号不再使用，文书留档并注明原因。请写明作废原因：</source>
        <translation>Void {number} ({firm}).
The number will not be used again; the document stays on file with the reason noted. Reason for voiding:</translation>
    </message>
</context>
<context>
    <name>EnterpriseDialog</name>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="51"/>
        <source>新建企业档案</source>
        <translation>New enterprise archive</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="51"/>
        <source>编辑企业档案</source>
        <translation>Edit enterprise archive</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="75"/>
        <source>18位，如 91430681MA4L00001N</source>
        <translation>18 characters, e.g. 91430681MA4L00001N</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="82"/>
        <source>未评级</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="85"/>
        <source>高危企业（双重预防机制）</source>
        <translation>High-risk (dual prevention)</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="86"/>
        <source>高新区（园区）企业</source>
        <translation>In industrial park</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="91"/>
        <source>变更状态时必填</source>
        <translation>Required if status changes</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="98"/>
        <source>未填</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="115"/>
        <source>基本信息</source>
        <translation>Basic data</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="118"/>
        <source>单位名称 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="119"/>
        <source>统一社会信用代码 *</source>
        <translation>Credit code (USCC) *</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="120"/>
        <source>行业领域 *</source>
        <translation>Sector *</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="121"/>
        <source>所属镇 *</source>
        <translation>Town *</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="122"/>
        <source>所属村（社区）</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="123"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="124"/>
        <source>风险等级</source>
        <translation>Risk level</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="127"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="128"/>
        <source>变更原因</source>
        <translation>Reason for change</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="129"/>
        <source>成立日期</source>
        <translation>Established</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="135"/>
        <source>负责人与规模</source>
        <translation>People and size</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="138"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="139"/>
        <source>法定代表人电话</source>
        <translation>Legal rep. phone</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="140"/>
        <source>主要产品</source>
        <translation>Main products</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="141"/>
        <source>安全负责人</source>
        <translation>Safety manager</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="142"/>
        <source>安全负责人电话</source>
        <translation>Safety manager phone</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="143"/>
        <source>从业人数</source>
        <translation>Employees</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="148"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="151"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="152"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="178"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="223"/>
        <source>（未指定）</source>
        <translation>(not specified)</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="286"/>
        <location filename="../../ui/enterprise_dialog.py" line="291"/>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="287"/>
        <source>现在载入最新内容吗？您在本窗口中的修改将被放弃。</source>
        <translation>Load the latest version now? Your changes in this window will be discarded.</translation>
    </message>
</context>
<context>
    <name>EnterpriseDocuments</name>
    <message>
        <location filename="../../ui/documents_page.py" line="705"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="707"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="740"/>
        <source>共 {n} 份执法文书</source>
        <translation>{n} enforcement documents</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="772"/>
        <source>执法文书</source>
        <translation>Documents</translation>
    </message>
</context>
<context>
    <name>EnterpriseLedger</name>
    <message>
        <location filename="../../ui/ledger_page.py" line="741"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="742"/>
        <source>未销号</source>
        <translation>Not closed</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="746"/>
        <source>逾期：全部</source>
        <translation>Overdue: all</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="747"/>
        <source>仅逾期</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="748"/>
        <source>未逾期</source>
        <translation>Not overdue</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="750"/>
        <source>搜索隐患</source>
        <translation>Search hazards</translation>
    </message>
</context>
<context>
    <name>EnterpriseTableModel</name>
    <message>
        <location filename="../../ui/registry_columns.py" line="37"/>
        <source>单位名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/registry_columns.py" line="38"/>
        <source>统一社会信用代码</source>
        <translatorcomment>Short on purpose: fits the 165-px column of the enterprise list at 13 px (with the theme&apos;s upper case). USCC = Unified Social Credit Code.</translatorcomment>
        <translation>USCC</translation>
    </message>
    <message>
        <location filename="../../ui/registry_columns.py" line="39"/>
        <source>所属镇</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../ui/registry_columns.py" line="40"/>
        <source>村（社区）</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/registry_columns.py" line="41"/>
        <source>行业领域</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location filename="../../ui/registry_columns.py" line="42"/>
        <source>风险</source>
        <translation>Risk</translation>
    </message>
    <message>
        <location filename="../../ui/registry_columns.py" line="43"/>
        <source>高危</source>
        <translatorcomment>Short on purpose: fits the 60-px High-risk column of the enterprise list at 13 px (with the theme&apos;s upper case). HR = high-risk enterprise.</translatorcomment>
        <translation>HR</translation>
    </message>
    <message>
        <location filename="../../ui/registry_columns.py" line="44"/>
        <source>园区</source>
        <translatorcomment>Short on purpose: fits the 60-px Park column of the enterprise list at 13 px (with the theme&apos;s upper case). PK = in an industrial park.</translatorcomment>
        <translation>PK</translation>
    </message>
    <message>
        <location filename="../../ui/registry_columns.py" line="45"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/registry_columns.py" line="46"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/registry_columns.py" line="47"/>
        <source>法定代表人</source>
        <translation>Legal rep.</translation>
    </message>
    <message>
        <location filename="../../ui/registry_columns.py" line="48"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/registry_columns.py" line="57"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
</context>
<context>
    <name>EntryDelegate</name>
    <message>
        <location filename="../../ui/hazard_library.py" line="190"/>
        <source>重大</source>
        <translation>Major</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <location filename="../../ui/hazard_library.py" line="621"/>
        <source>隐患描述</source>
        <translation>Hazard description</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="622"/>
        <source>常用语</source>
        <translation>Phrase</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="626"/>
        <source>如 《中华人民共和国安全生产法》第三十五条；GB 2894-2008</source>
        <translation>e.g. Work Safety Law of the PRC, Article 35; GB 2894-2008</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="633"/>
        <source>如 立即更换合格灭火器，建立月检记录</source>
        <translation>e.g. Replace the extinguishers with compliant ones at once; keep monthly check records</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="635"/>
        <source>不勾选 = 适用于所有行业；勾选的行业检查时排在前面</source>
        <translation>None ticked = all sectors; in inspections of the ticked sectors the entry is listed first</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="636"/>
        <source>这是内置条目。保存修改后它将成为本单位自己的条目，以后内置库更新时不再改动它。</source>
        <translation>This is a built-in entry. Once you save changes it becomes your office&apos;s own entry, and library updates will no longer change it.</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="641"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="642"/>
        <source>内容 *</source>
        <translation>Text *</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="643"/>
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="644"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="645"/>
        <source>隐患等级</source>
        <translation>Hazard grade</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="646"/>
        <source>整改措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="647"/>
        <source>适用行业</source>
        <translation>Sectors</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="684"/>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="692"/>
        <source>新增常用语</source>
        <translation>New phrase</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="692"/>
        <source>新增隐患描述</source>
        <translation>New hazard description</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="694"/>
        <source>编辑常用语</source>
        <translation>Edit phrase</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="694"/>
        <source>编辑隐患描述</source>
        <translation>Edit hazard description</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="745"/>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>ExpertDialog</name>
    <message>
        <location filename="../../ui/experts_page.py" line="168"/>
        <source>新建专家</source>
        <translation>New expert</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="168"/>
        <source>编辑专家资料</source>
        <translation>Edit expert</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="172"/>
        <source>（未填）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="173"/>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="174"/>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="176"/>
        <source>手机11位，或座机如 0730-5212345</source>
        <translation>Mobile: 11 digits, or landline e.g. 0730-5212345</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="179"/>
        <source>如 高级工程师</source>
        <translation>e.g. senior engineer</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="181"/>
        <source>如 注册安全工程师；注册消防工程师</source>
        <translation>e.g. registered safety engineer; registered fire engineer</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="197"/>
        <source>姓名 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="198"/>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="199"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="200"/>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="201"/>
        <source>职称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="202"/>
        <source>执业资格</source>
        <translation>Licences</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="203"/>
        <source>专家组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="204"/>
        <source>聘期起</source>
        <translation>Term from</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="205"/>
        <source>聘期止</source>
        <translation>Term until</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="206"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="207"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="212"/>
        <source>专业领域 *（点击勾选，可多选）</source>
        <translation>Fields * (tick one or more)</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="246"/>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="257"/>
        <source>覆盖行业：</source>
        <translation>Sectors covered: </translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="278"/>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="279"/>
        <source>现在载入最新内容吗？您在本窗口中的修改将被放弃。</source>
        <translation>Load the latest version now? Your changes in this window will be discarded.</translation>
    </message>
</context>
<context>
    <name>ExpertTableModel</name>
    <message>
        <location filename="../../ui/experts_page.py" line="86"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="86"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="86"/>
        <source>专业领域</source>
        <translation>Fields</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="86"/>
        <source>专家组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="86"/>
        <source>职称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="87"/>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="87"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="87"/>
        <source>聘期</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="87"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ExpertsPage</name>
    <message>
        <location filename="../../ui/experts_page.py" line="744"/>
        <source>搜索：姓名、工作单位、电话、职称或拼音首字母（Ctrl+F）</source>
        <translation>Search: name, employer, phone, title or pinyin initials (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="753"/>
        <source>新建(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="754"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="755"/>
        <source>停用…</source>
        <translation>Status…</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="756"/>
        <source>暂停、解聘或恢复在库</source>
        <translation>Suspend, dismiss or reactivate</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="757"/>
        <source>专业领域…</source>
        <translation>Fields…</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="758"/>
        <source>维护专业领域及其覆盖的企业行业</source>
        <translation>Edit the fields and the enterprise sectors they cover</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="767"/>
        <source>导入Excel…</source>
        <translation>Import Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="768"/>
        <source>导出Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="791"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="791"/>
        <source>回避原因</source>
        <translation>Reason for recusal</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="791"/>
        <source>具体情况</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="791"/>
        <source>回避至</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="792"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="793"/>
        <source>添加回避…</source>
        <translation>Add recusal…</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="793"/>
        <location filename="../../ui/experts_page.py" line="1017"/>
        <source>结束回避</source>
        <translation>End recusal</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="794"/>
        <location filename="../../ui/experts_page.py" line="796"/>
        <location filename="../../ui/experts_page.py" line="799"/>
        <location filename="../../ui/experts_page.py" line="1037"/>
        <location filename="../../ui/experts_page.py" line="1049"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="795"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="795"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="795"/>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="796"/>
        <location filename="../../ui/experts_page.py" line="799"/>
        <source>登记…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="798"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="798"/>
        <source>考核等次</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="798"/>
        <source>说明</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="800"/>
        <source>回避</source>
        <translation>Recusals</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="801"/>
        <source>请假/不可用</source>
        <translation>Leave / unavailable</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="802"/>
        <source>工作档案</source>
        <translation>Work file</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="803"/>
        <source>年度考核</source>
        <translation>Annual assessment</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="856"/>
        <source>全部专业领域</source>
        <translation>All fields</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="860"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="864"/>
        <source>全部专家组</source>
        <translation>All groups</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/experts_page.py" line="881"/>
        <source>共 %n 名</source>
        <translation>
            <numerusform>%n expert</numerusform>
            <numerusform>%n experts</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="913"/>
        <source>导入专家</source>
        <translation>Import experts</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="915"/>
        <location filename="../../ui/experts_page.py" line="950"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="922"/>
        <source>第{n}行 {column}：{reason}</source>
        <translation>Row {n} {column}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="924"/>
        <source>……共 {n} 个问题</source>
        <translation>… {n} problems in all</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="925"/>
        <source>文件中有 {bad} 行存在问题，{good} 行正确：</source>
        <translation>{bad} rows of the file have problems, {good} rows are correct:</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="930"/>
        <source>仅导入正确的行？</source>
        <translation>Import only the correct rows?</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="937"/>
        <source>新增 {c} 名，更新 {u} 名，未变 {n} 名，跳过有问题的 {k} 行。</source>
        <translation>{c} added, {u} updated, {n} unchanged, {k} rows with problems skipped.</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="948"/>
        <source>导出专家名单</source>
        <translation>Export expert list</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="950"/>
        <source>专家名单.xlsx</source>
        <translation>experts.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="960"/>
        <source>已导出 {n} 名专家到：
{path}</source>
        <translation>Exported {n} experts to:
{path}</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="989"/>
        <source>未选择专家</source>
        <translation>No expert selected</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="1001"/>
        <source>今日可派</source>
        <translation>available today</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="1001"/>
        <source>今日不可派：%1</source>
        <translation>not available today: %1</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="1003"/>
        <source>长期</source>
        <translation>Indefinite</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="1004"/>
        <source>有效</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="1004"/>
        <source>已结束</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="1017"/>
        <source>所选回避自今天起结束，确定吗？</source>
        <translation>End the selected recusal as of today?</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="1024"/>
        <source>删除回避</source>
        <translation>Delete recusal</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="1025"/>
        <source>删除所选回避记录吗？（登记有误时使用；回避到期请用“结束回避”）</source>
        <translation>Delete the selected recusal record? (For records entered by mistake; to end a recusal, use &quot;End recusal&quot;.)</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="1037"/>
        <source>删除所选请假/不可用时段吗？</source>
        <translation>Delete the selected leave / unavailable period?</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="1049"/>
        <source>删除所选年度考核记录吗？</source>
        <translation>Delete the selected annual assessment?</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="1056"/>
        <source>优秀</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="1056"/>
        <source>称职</source>
        <translation>Competent</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="1057"/>
        <source>不称职</source>
        <translation>Incompetent</translation>
    </message>
</context>
<context>
    <name>FinishDialog</name>
    <message>
        <location filename="../../ui/inspection_page.py" line="192"/>
        <location filename="../../ui/inspection_page.py" line="216"/>
        <source>完成检查</source>
        <translation>Finish inspection</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="196"/>
        <source>检查项</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="196"/>
        <source>共 %1 项：符合 %2，不符合 %3，不适用 %4，未判定 %5</source>
        <translation>%1 in all: compliant %2, non-compliant %3, N/A %4, not judged %5</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="201"/>
        <source>隐患</source>
        <translation>Hazards</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="201"/>
        <source>共 %1 项：一般 %2，重大 %3；立即整改 %4</source>
        <translation>%1 in all: general %2, major %3; rectified on the spot %4</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="208"/>
        <source>还不能完成，请先补全：</source>
        <translation>Cannot finish yet. Please complete first:</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="213"/>
        <source>记录完整。完成后该企业的检查记录将锁定，隐患进入整改跟踪。</source>
        <translation>The record is complete. Once finished, this enterprise&apos;s inspection record is locked and its hazards go into rectification tracking.</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="218"/>
        <source>返回修改</source>
        <translation>Back to editing</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="218"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../ui/widgets.py" line="134"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="136"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>HazardDialog</name>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="108"/>
        <source>无整改期限</source>
        <translation>No due date</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="110"/>
        <source>逾期 %1 天</source>
        <translation>%1 days overdue</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="112"/>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="113"/>
        <source>还有 %1 天</source>
        <translation>%1 days left</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="271"/>
        <source>隐患详情</source>
        <translation>Hazard details</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="288"/>
        <source>基本情况</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="289"/>
        <location filename="../../ui/hazard_dialog.py" line="700"/>
        <location filename="../../ui/hazard_dialog.py" line="706"/>
        <location filename="../../ui/hazard_dialog.py" line="711"/>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="291"/>
        <location filename="../../ui/hazard_dialog.py" line="717"/>
        <source>整改方案</source>
        <translation>Remediation plan</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="292"/>
        <source>整改记录</source>
        <translation>Rectification history</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="297"/>
        <source>整改进展(&amp;P)…</source>
        <translation>Report &amp;progress…</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="298"/>
        <source>整改完成(&amp;F)…</source>
        <translation>Rectification &amp;finished…</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="299"/>
        <source>申请延期(&amp;E)…</source>
        <translation>Request &amp;extension…</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="300"/>
        <source>审批延期(&amp;D)…</source>
        <translation>&amp;Decide on extension…</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="301"/>
        <source>安排复查(&amp;R)…</source>
        <translation>Schedule &amp;re-inspection…</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="302"/>
        <source>销号(&amp;X)…</source>
        <translation>Close as fi&amp;xed…</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="303"/>
        <location filename="../../ui/hazard_dialog.py" line="545"/>
        <source>挂牌督办(&amp;U)…</source>
        <translation>List for s&amp;upervision…</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="311"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="353"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="353"/>
        <source>隐患部位</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="354"/>
        <source>隐患类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="354"/>
        <source>判定依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="355"/>
        <source>整改措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="355"/>
        <source>发现</source>
        <translation>Found</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="356"/>
        <location filename="../../ui/hazard_dialog.py" line="433"/>
        <source>整改期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="356"/>
        <source>企业责任人</source>
        <translation>Responsible person</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="357"/>
        <location filename="../../ui/hazard_dialog.py" line="585"/>
        <source>整改进展</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="357"/>
        <source>延期申请</source>
        <translation>Extension request</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="358"/>
        <source>复查</source>
        <translation>Re-inspection</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="358"/>
        <source>复查情况</source>
        <translation>Re-inspection notes</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="359"/>
        <location filename="../../ui/hazard_dialog.py" line="656"/>
        <location filename="../../ui/hazard_dialog.py" line="660"/>
        <source>销号</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="373"/>
        <source>检查发现时</source>
        <translation>When found</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="373"/>
        <source>立即整改后</source>
        <translation>After on-the-spot rectification</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="374"/>
        <source>整改证据（可添加）</source>
        <translation>Rectification evidence (you can add photos)</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="410"/>
        <source>保存整改方案(&amp;S)</source>
        <translation>&amp;Save remediation plan</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="411"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="418"/>
        <source>重大事故隐患治理方案（六项内容）</source>
        <translation>Remediation plan for a major hazard (six items)</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="433"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="433"/>
        <source>事项</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="433"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="434"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="434"/>
        <source>经办人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="434"/>
        <source>检查/复查日</source>
        <translation>Inspection date</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="456"/>
        <source>（未填写隐患描述）</source>
        <translation>(no hazard description)</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="462"/>
        <source>隐患</source>
        <translation> hazard</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="467"/>
        <source>（未整改 %1 次）</source>
        <translation>(%1 failed re-inspections)</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="472"/>
        <location filename="../../ui/hazard_dialog.py" line="671"/>
        <source>挂牌督办</source>
        <translation>Supervised</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="476"/>
        <source>延期待审批</source>
        <translation>Extension pending</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="490"/>
        <source>发现人：%1</source>
        <translation>Found by: %1</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="494"/>
        <source>（原定 %1）</source>
        <translation>(originally %1)</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="501"/>
        <source>申请延至 %1，理由：%2</source>
        <translation>Extension to %1 requested; reason: %2</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="503"/>
        <source>（应于 %1 前答复）</source>
        <translation>(answer due by %1)</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="508"/>
        <source>已安排 %1 复查</source>
        <translation>Re-inspection scheduled for %1</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="512"/>
        <source>%1 由 %2 销号</source>
        <translation>Closed on %1 by %2</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="540"/>
        <source>整改记录（%1）</source>
        <translation>Rectification history (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="545"/>
        <source>解除督办(&amp;U)…</source>
        <translation>End s&amp;upervision…</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="548"/>
        <source>该隐患已销号，只能查看。</source>
        <translation>This hazard is closed and can only be viewed.</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="583"/>
        <source>报告整改进展</source>
        <translation>Report rectification progress</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="584"/>
        <source>企业报告的整改进展（状态变为“整改中”）。</source>
        <translation>Progress reported by the enterprise (the status becomes &quot;Being rectified&quot;).</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="597"/>
        <source>报告整改完成</source>
        <translation>Report rectification finished</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="598"/>
        <source>企业报告已整改完毕、申请复查（状态变为“待复查”）。</source>
        <translation>The enterprise reports the rectification finished and asks for re-inspection (the status becomes &quot;Awaiting re-inspection&quot;).</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="599"/>
        <source>整改情况</source>
        <translation>Rectification done</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="599"/>
        <source>申请复查</source>
        <translation>Request re-inspection</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="611"/>
        <source>申请延期</source>
        <translation>Request extension</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="612"/>
        <source>现在的整改期限：%1。企业因不可抗力不能按期完成的，应在期限届满前书面申请延期，由执法人员审批。</source>
        <translation>Current deadline: %1. An enterprise that cannot finish in time because of force majeure must apply in writing before the deadline; an officer decides on the extension.</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="614"/>
        <source>申请延至(&amp;T)</source>
        <translation>Extend &amp;to</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="615"/>
        <source>延期理由</source>
        <translation>Reason for extension</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="628"/>
        <source>审批延期</source>
        <translation>Decide on extension</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="629"/>
        <source>企业申请将整改期限由 %1 延至 %2。
理由：%3</source>
        <translation>The enterprise asks to extend the deadline from %1 to %2.
Reason: %3</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="631"/>
        <source>审批说明</source>
        <translation>Decision note</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="653"/>
        <source>重大事故隐患：经执法人员现场复查确认已整改后，由持有效执法证的执法人员销号。</source>
        <translation>Major hazard: after an on-site re-inspection confirms the rectification, a law-enforcement officer with a valid certificate closes it.</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="655"/>
        <source>一般事故隐患：复查确认已整改，或有整改证据（照片）后销号。销号后不能撤销。</source>
        <translation>General hazard: closed once a re-inspection confirms the rectification or there is evidence (photos). Closing cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="657"/>
        <source>（办公室，不选执法人员）</source>
        <translation>(office, no officer)</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="659"/>
        <source>销号说明</source>
        <translation>Closing note</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="671"/>
        <source>解除督办</source>
        <translation>End supervision</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="672"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="685"/>
        <source>整改方案已保存 %1</source>
        <translation>Remediation plan saved at %1</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="717"/>
        <source>整改方案有未保存的修改，保存吗？</source>
        <translation>The remediation plan has unsaved changes. Save them?</translation>
    </message>
</context>
<context>
    <name>HazardLibraryDialog</name>
    <message>
        <location filename="../../ui/hazard_library.py" line="824"/>
        <source>隐患库与常用语</source>
        <translation>Hazard library and phrases</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="828"/>
        <source>搜索：描述、依据或拼音首字母，多个词用空格分开（Ctrl+F）</source>
        <translation>Search: description, basis or pinyin initials; separate words with spaces (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="831"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="832"/>
        <source>隐患描述</source>
        <translation>Hazard descriptions</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="833"/>
        <source>常用语</source>
        <translation>Phrases</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="834"/>
        <source>显示已停用</source>
        <translation>Show inactive</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="863"/>
        <source>新增隐患描述(&amp;N)</source>
        <translation>&amp;New hazard description</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="864"/>
        <source>新增常用语</source>
        <translation>New phrase</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="865"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="866"/>
        <location filename="../../ui/hazard_library.py" line="939"/>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="867"/>
        <source>停用的条目不再出现在检查录入的提示中；可随时重新启用</source>
        <translation>Inactive entries are no longer suggested while recording inspections; they can be reactivated at any time</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="873"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="876"/>
        <source>内置条目修改后即成为本单位条目（来源显示“内置（已改）”），内置库更新不再覆盖；条目不删除，不用的请停用。</source>
        <translation>An edited built-in entry becomes your office&apos;s own entry (source &quot;Built-in (edited)&quot;) and library updates no longer overwrite it. Entries are not deleted: deactivate those you do not use.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/hazard_library.py" line="923"/>
        <source>%n 条</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="939"/>
        <source>重新启用</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="967"/>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>ImportEnterprisesDialog</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="302"/>
        <location filename="../../ui/import_dialog.py" line="445"/>
        <location filename="../../ui/import_dialog.py" line="490"/>
        <source>导入企业名录</source>
        <translation>Import enterprise list</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="310"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="311"/>
        <source>换一个 Excel 文件导入</source>
        <translation>Import another Excel file</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="312"/>
        <source>重新读取</source>
        <translation>Read again</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="313"/>
        <source>在 Excel 中改好并保存文件后，点此重新检查</source>
        <translation>After correcting and saving the file in Excel, click here to check it again</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="342"/>
        <source>显示：</source>
        <translation>Show:</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="366"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="367"/>
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="369"/>
        <source>保存导入模板…</source>
        <translation>Save import template…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="370"/>
        <source>保存一个只有表头的空白 Excel 文件，按它填写后即可导入</source>
        <translation>Save an empty Excel file with the headers; fill it in and import it</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="371"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="372"/>
        <source>仅导入正确的行</source>
        <translation>Import valid rows only</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="373"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="430"/>
        <source>选择要导入的 Excel 文件</source>
        <translation>Choose the Excel file to import</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="431"/>
        <source>Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)</source>
        <translation>Excel workbook (*.xlsx *.xlsm);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="445"/>
        <source>正在读取文件…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="453"/>
        <source>读取文件“{file}”时出现意外错误，无法导入，也未写入任何数据。请确认它是用 Excel 保存的工作簿（.xlsx）；如果问题仍然存在，请把详细信息告诉系统管理员。</source>
        <translation>An unexpected error occurred while reading &quot;{file}&quot;: nothing was imported or written. Check that it is a workbook saved by Excel (.xlsx); if the problem persists, give the details to your administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="463"/>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="490"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="496"/>
        <location filename="../../ui/import_dialog.py" line="500"/>
        <source>未导入</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="501"/>
        <source>导入时出现意外错误，未导入任何数据。请稍后重试；如果问题仍然存在，请把详细信息告诉系统管理员。</source>
        <translation>An unexpected error occurred during the import: nothing was imported. Please try again; if the problem persists, give the details to your administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="510"/>
        <source>新增 {created} 家，更新 {updated} 家，无变化 {unchanged} 家。</source>
        <translation>Enterprises added: {created}, updated: {updated}, unchanged: {unchanged}.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="512"/>
        <source>有问题的 {skipped} 行未导入。</source>
        <translation>Rows with problems, not imported: {skipped}.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="522"/>
        <source>共 {n} 行（先列出 {first} 行，向下滚动显示其余的行）</source>
        <translation>{n} rows (the first {first} listed; scroll down for the rest)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="525"/>
        <source>共 {n} 行</source>
        <translation>{n} rows</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="532"/>
        <source>全部（{n}）</source>
        <translation>All ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="555"/>
        <source>文件：{file}</source>
        <translation>File: {file}</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="556"/>
        <source>无法读取此文件</source>
        <translation>This file cannot be read</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="558"/>
        <source>可以改好文件后点“重新读取”，或点“选择文件…”换一个文件，或点“保存导入模板…”按模板填写。</source>
        <translation>Fix the file and click &quot;Read again&quot;, choose another file, or save the import template and fill it in.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="566"/>
        <source>表头在第 {first}–{last} 行</source>
        <translation>header in rows {first}–{last}</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="568"/>
        <source>表头在第 {row} 行</source>
        <translation>header in row {row}</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="569"/>
        <source>文件：{file}（工作表“{sheet}”，{where}，共 {n} 行数据）</source>
        <translation>File: {file} (sheet &quot;{sheet}&quot;, {where}, {n} data rows)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="582"/>
        <source>预览（{n} 行）</source>
        <translation>Preview ({n} rows)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="583"/>
        <source>问题（{n} 处）</source>
        <translation>Problems ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="588"/>
        <source>{bad} 行有问题（共 {n} 处，见“问题”）。请在 Excel 中修改后点“重新读取”，或点“仅导入正确的行”先导入其余 {good} 行。</source>
        <translation>{bad} rows have problems ({n} in all, see &quot;Problems&quot;). Fix them in Excel and click &quot;Read again&quot;, or click &quot;Import good rows only&quot; to import the other {good} rows first.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="660"/>
        <source>导入模板已保存到：
{path}

在“企业名录”工作表中每行填写一家企业（各列的填法见“填写说明”），保存后即可导入。</source>
        <translation>The import template was saved to:
{path}

Fill in one enterprise per row on the first sheet (see the instructions sheet for each column), save, and import it.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="571"/>
        <source>新增 {new} / 更新 {updated} / 无变化 {unchanged} / 有问题 {bad} 行</source>
        <translation>New {new} / updated {updated} / unchanged {unchanged} / problem rows {bad}</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="575"/>
        <source>未识别、不导入的列：{cols}</source>
        <translation>Unrecognised columns, not imported: {cols}</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="578"/>
        <source>文件中没有的列（已有企业保留原内容）：{cols}</source>
        <translation>Columns not in the file (existing enterprises keep their values): {cols}</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="597"/>
        <source>全部 {n} 行检查通过。</source>
        <translation>All {n} rows passed the check.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="604"/>
        <source>文件中有问题的行，不能全部导入</source>
        <translation>The file has rows with problems, so not all rows can be imported</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="614"/>
        <source>企业名录-{day}.xlsx</source>
        <translation>enterprise-list-{day}.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="616"/>
        <location filename="../../ui/import_dialog.py" line="630"/>
        <source>导出企业名录</source>
        <translation>Export enterprise list</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="618"/>
        <location filename="../../ui/import_dialog.py" line="649"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="632"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="639"/>
        <source>已导出 {n} 家企业到：
{path}</source>
        <translation>Enterprises exported: {n}, to:
{path}</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="646"/>
        <source>保存导入模板</source>
        <translation>Save import template</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="647"/>
        <source>企业名录导入模板.xlsx</source>
        <translation>enterprise-import-template.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="654"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="422"/>
        <source>导入完成</source>
        <translation>Import finished</translation>
    </message>
</context>
<context>
    <name>InspectionModule</name>
    <message>
        <location filename="../../ui/inspection_module.py" line="50"/>
        <source>日期(&amp;D)</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_module.py" line="52"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_module.py" line="55"/>
        <source>检查 / 企业</source>
        <translation>Visit / enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_module.py" line="55"/>
        <source>隐患</source>
        <translation>Hazards</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_module.py" line="59"/>
        <source>检查(&amp;V)</source>
        <translation>&amp;Visits</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_module.py" line="61"/>
        <source>这一天没有检查安排。请在“检查排期”中安排检查，或选择其他日期。</source>
        <translation>No visits are scheduled on this day. Schedule one under &quot;Scheduling&quot;, or choose another date.</translation>
    </message>
</context>
<context>
    <name>InspectionPage</name>
    <message>
        <location filename="../../ui/inspection_page.py" line="267"/>
        <source>重新打开检查</source>
        <translation>Reopen inspection</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="268"/>
        <source>更正已完成的检查记录的原因：</source>
        <translation>Reason for correcting the finished inspection record:</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="287"/>
        <location filename="../../ui/inspection_page.py" line="706"/>
        <source>已自动保存 %1</source>
        <translation>Saved automatically at %1</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="297"/>
        <source>记录人：新发现的隐患记在此人名下</source>
        <translation>Recorder: new hazards are recorded under this person&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="303"/>
        <source>记录人(&amp;R)</source>
        <translation>&amp;Recorder</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="312"/>
        <source>检查表</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="313"/>
        <source>隐患</source>
        <translation>Hazards</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="314"/>
        <source>检查情况与专家建议</source>
        <translation>Findings and expert advice</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="316"/>
        <source>准入结论</source>
        <translation>Entry verdict</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="318"/>
        <source>完成检查…</source>
        <translation>Finish inspection…</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="319"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="321"/>
        <source>重新打开…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="323"/>
        <source>制作文书</source>
        <translation>Make document</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="324"/>
        <source>为该企业制作现场检查记录、责令限期整改指令书等执法文书</source>
        <translation>Make enforcement documents for this enterprise (on-site inspection record, rectification order, …)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="388"/>
        <source>转到隐患 (Ctrl+H)</source>
        <translation>Go to hazard (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="393"/>
        <source>备注（离开或停止输入后自动保存；Esc 回到检查表）</source>
        <translation>Note (saved automatically when you leave the field or stop typing; Esc returns to the checklist)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="413"/>
        <source>其余未检项设为不适用</source>
        <translation>Set the remaining items to N/A</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="415"/>
        <source>检查表…</source>
        <translation>Checklists…</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="416"/>
        <source>选择本次检查使用的检查表</source>
        <translation>Choose the checklists for this inspection</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="441"/>
        <source>新增隐患 (Ctrl+N)</source>
        <translation>New hazard (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="443"/>
        <location filename="../../ui/inspection_page.py" line="918"/>
        <source>删除隐患</source>
        <translation>Delete hazard</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="455"/>
        <source>输入关键字即可从隐患库中选择标准描述（↓ 选择，Enter 采用）</source>
        <translation>Type keywords to pick a standard description from the hazard library (↓ to choose, Enter to use)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="474"/>
        <source>已立即整改（当场整改完毕，需整改后照片）</source>
        <translation>Rectified on the spot (requires photos after rectification)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="503"/>
        <source>隐患库…</source>
        <translation>Hazard library…</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="504"/>
        <source>查看、补充标准隐患描述和常用语</source>
        <translation>View and add standard hazard descriptions and phrases</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="510"/>
        <source>隐患描述(&amp;D)</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="510"/>
        <source>隐患部位(&amp;L)</source>
        <translation>&amp;Location</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="511"/>
        <source>隐患类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="511"/>
        <source>隐患等级(&amp;G)</source>
        <translation>&amp;Grade</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="512"/>
        <source>判定依据(&amp;B)</source>
        <translation>&amp;Basis</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="512"/>
        <source>整改措施(&amp;M)</source>
        <translation>&amp;Measures</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="513"/>
        <source>整改期限(&amp;T)</source>
        <translation>Due da&amp;te</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="513"/>
        <source>企业责任人(&amp;P)</source>
        <translation>Responsible &amp;person</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="514"/>
        <source>发现人</source>
        <translation>Found by</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="515"/>
        <source>隐患照片</source>
        <translation>Hazard photos</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="515"/>
        <source>整改后照片</source>
        <translation>Photos after rectification</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="545"/>
        <source>专家建议：不属于隐患的改进意见（例如管理提升、培训建议）</source>
        <translation>Expert advice: improvements that are not hazards (e.g. better management, training)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="552"/>
        <source>检查场所(&amp;S)</source>
        <translation>&amp;Site inspected</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="552"/>
        <source>检查情况(&amp;I)</source>
        <translation>&amp;Inspection findings</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="553"/>
        <source>专家建议(&amp;A)</source>
        <translation>Expert &amp;advice</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="564"/>
        <source>原停产停业决定（文号、日期、内容）</source>
        <translation>Original suspension decision (document number, date, content)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="567"/>
        <source>企业提交的整改材料（安全设施“三同时”、检测报告等）</source>
        <translation>Rectification materials submitted by the enterprise (&quot;three simultaneities&quot; for safety facilities, test reports, etc.)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="569"/>
        <source>（未下结论）</source>
        <translation>(no verdict yet)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="574"/>
        <source>结论理由（整改后复查、不予准入时必填）</source>
        <translation>Verdict reasons (required for re-inspection after rectification and for entry refused)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="580"/>
        <source>原停产决定</source>
        <translation>Suspension decision</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="580"/>
        <source>整改材料</source>
        <translation>Rectification materials</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="581"/>
        <source>准入结论(&amp;V)</source>
        <translation>&amp;Verdict</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="581"/>
        <source>结论理由</source>
        <translation>Verdict reasons</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="598"/>
        <source>现场检查</source>
        <translation>On-site inspection</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="617"/>
        <source>（已完成）</source>
        <translation> (finished)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="619"/>
        <source>第%1版</source>
        <translation>Rev. %1</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="623"/>
        <source>检查表：</source>
        <translation>Checklists: </translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="623"/>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="628"/>
        <source>（未指定）</source>
        <translation>(not specified)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="630"/>
        <source>专家</source>
        <translation>expert</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="630"/>
        <source>执法人员</source>
        <translation>officer</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="674"/>
        <source>已判定 %1 / %2 项，不符合 %3 项；隐患 %4 项 · 1 符合  2 不符合  3 不适用  0 清除</source>
        <translation>%1 / %2 judged, %3 non-compliant; %4 hazards · 1 compliant  2 non-compliant  3 N/A  0 clear</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="677"/>
        <source>隐患（%1）</source>
        <translation>Hazards (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="739"/>
        <source>★ 重大事故隐患判定项&#x3000;</source>
        <translation>★ Major hazard criterion — </translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="741"/>
        <source>依据：</source>
        <translation>Basis: </translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="781"/>
        <source>已按该项生成隐患 %1（Ctrl+H 查看、补充）</source>
        <translation>Hazard %1 created from this item (Ctrl+H to view and complete it)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="784"/>
        <source>该项已不是“不符合”，但其隐患已补充过内容或照片，予以保留；如需删除请到“隐患”页。</source>
        <translation>This item is no longer &quot;non-compliant&quot;, but its hazard already has details or photos, so it was kept; to delete it, go to the &quot;Hazards&quot; tab.</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="812"/>
        <source>已将 %1 个未检项设为不适用</source>
        <translation>%1 unchecked items set to N/A</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="845"/>
        <source>（未填写描述）</source>
        <translation>(no description)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="849"/>
        <source>重大</source>
        <translation>Major</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="849"/>
        <source>一般</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="852"/>
        <source> · 已立即整改</source>
        <translation> · rectified on the spot</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="919"/>
        <source>删除隐患 %1“%2”？</source>
        <translation>Delete hazard %1 &quot;%2&quot;?</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="1021"/>
        <location filename="../../ui/inspection_page.py" line="1055"/>
        <source>照片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="1085"/>
        <source>检查已完成：隐患 %1 项，已进入整改跟踪</source>
        <translation>Inspection finished: %1 hazards, now in rectification tracking</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <location filename="../../ui/officers_page.py" line="468"/>
        <source>请假登记：%1</source>
        <translation>Leave: %1</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="471"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="471"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="471"/>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="481"/>
        <source>如 年休假、培训、外出学习</source>
        <translation>e.g. annual leave, training</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="482"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="483"/>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="490"/>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="492"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="497"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="545"/>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="559"/>
        <source>删除 %1 至 %2 的请假记录？</source>
        <translation>Delete the leave from %1 to %2?</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="561"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <location filename="../../ui/ledger_page.py" line="85"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="85"/>
        <source>单位</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="86"/>
        <source>镇</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="86"/>
        <source>隐患描述</source>
        <translation>Hazard</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="87"/>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="87"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="88"/>
        <source>发现日期</source>
        <translation>Found on</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="88"/>
        <source>整改期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="89"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="89"/>
        <source>升级</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="90"/>
        <source>发现人</source>
        <translation>Found by</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="90"/>
        <source>检查类型</source>
        <translation>Visit kind</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="91"/>
        <source>复查情况</source>
        <translation>Re-inspection</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="91"/>
        <source>销号日期</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="102"/>
        <source>到期</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="103"/>
        <source>逾期{n}天以上</source>
        <translation>Overdue {n}+ days</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="109"/>
        <source>{status}（逾期）</source>
        <translation>{status} (overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="262"/>
        <source>已逾期 {n} 天（整改期限 {day}）</source>
        <translation>{n} days overdue (deadline {day})</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="264"/>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="265"/>
        <source>还有 {n} 天到期</source>
        <translation>Due in {n} days</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <location filename="../../ui/ledger_page.py" line="311"/>
        <source>发现 {found} · 已销号 {closed} · 整改率 {rate} · 逾期 {overdue} · 重大未销号 {major}</source>
        <translation>Found {found} · closed {closed} · rectification rate {rate} · overdue {overdue} · major open {major}</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="381"/>
        <source>搜索：隐患描述、部位、依据、措施、责任人、单位名称或拼音首字母（Ctrl+F）</source>
        <translation>Search: description, location, basis, measures, responsible person, enterprise name or pinyin initials (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="393"/>
        <source>整改期限从</source>
        <translation>Deadline from</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="393"/>
        <source>整改期限至</source>
        <translation>Deadline to</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="395"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="398"/>
        <source>查看隐患</source>
        <translation>View hazard</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="399"/>
        <source>打开选中的隐患（回车）</source>
        <translation>Open the selected hazard (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="400"/>
        <source>企业档案</source>
        <translation>Enterprise archive</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="401"/>
        <source>打开选中隐患所属企业的档案（Ctrl+E）</source>
        <translation>Open the archive of the selected hazard&apos;s enterprise (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="402"/>
        <source>导出Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="403"/>
        <source>把当前筛选的台账按此顺序导出为 Excel 文件</source>
        <translation>Export the ledger as currently filtered, in this order, to an Excel file</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="415"/>
        <source>整改期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="428"/>
        <source>回车或双击查看隐患；Ctrl+E 打开企业档案</source>
        <translation>Press Enter or double-click to view a hazard; Ctrl+E opens the enterprise archive</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledger_page.py" line="496"/>
        <source>正在载入全部 %n 条…</source>
        <translation>
            <numerusform>Loading all %n hazard…</numerusform>
            <numerusform>Loading all %n hazards…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="509"/>
        <source>载入失败：{error}</source>
        <translation>Loading failed: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="551"/>
        <source>全部镇</source>
        <translation>All towns</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="555"/>
        <source>全部行业</source>
        <translation>All sectors</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="559"/>
        <source>全部等级</source>
        <translation>All grades</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="563"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="564"/>
        <source>未销号</source>
        <translation>Not closed</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="568"/>
        <source>逾期：全部</source>
        <translation>Overdue: all</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="569"/>
        <source>仅逾期</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="570"/>
        <source>未逾期</source>
        <translation>Not overdue</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="571"/>
        <source>到期及以上</source>
        <translation>Due or later</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="572"/>
        <source>逾期3天以上</source>
        <translation>Overdue 3+ days</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="573"/>
        <source>逾期7天以上</source>
        <translation>Overdue 7+ days</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="575"/>
        <source>全部发现人</source>
        <translation>All finders</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="579"/>
        <source>全部检查类型</source>
        <translation>All inspection types</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="592"/>
        <source>全部村（社区）</source>
        <translation>All villages (communities)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledger_page.py" line="627"/>
        <source>显示 %n 条</source>
        <translation>
            <numerusform>%n hazard shown</numerusform>
            <numerusform>%n hazards shown</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="679"/>
        <source>隐患台账-{day}.xlsx</source>
        <translation>hazard-ledger-{day}.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="680"/>
        <location filename="../../ui/ledger_page.py" line="689"/>
        <source>导出隐患台账</source>
        <translation>Export hazard ledger</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="681"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="694"/>
        <source>隐患排查治理台账（截至 {day}）</source>
        <translation>Hazard identification and rectification ledger (as of {day})</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="695"/>
        <source>正在读取隐患…</source>
        <translation>Reading hazards…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="709"/>
        <source>已导出 {n} 条隐患到：
{path}</source>
        <translation>Exported {n} hazards to:
{path}</translation>
    </message>
</context>
<context>
    <name>LibraryTableModel</name>
    <message>
        <location filename="../../ui/hazard_library.py" line="768"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="768"/>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="768"/>
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="768"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="768"/>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="769"/>
        <source>常用次数</source>
        <translation>Uses</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="769"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="769"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="774"/>
        <source>隐患</source>
        <translation>Hazard</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="774"/>
        <source>常用语</source>
        <translation>Phrase</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="779"/>
        <source>内置</source>
        <translation>Built-in</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="779"/>
        <source>内置（已改）</source>
        <translation>Built-in (edited)</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="779"/>
        <source>自建</source>
        <translation>Own</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="780"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="780"/>
        <source>已停用</source>
        <translation>Inactive</translation>
    </message>
</context>
<context>
    <name>LicenceDialog</name>
    <message>
        <location filename="../../ui/archive_page.py" line="453"/>
        <source>添加证照</source>
        <translation>Add licence</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="453"/>
        <source>编辑证照</source>
        <translation>Edit licence</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="455"/>
        <source>如 营业执照、危险化学品经营许可证</source>
        <translation>e.g. business licence, hazardous chemicals licence</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="461"/>
        <source>证照名称 *</source>
        <translation>Licence *</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="462"/>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="463"/>
        <source>发证机关</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="464"/>
        <source>有效期起</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="465"/>
        <source>有效期止</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="466"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="482"/>
        <source>该证照记录已不存在（可能已被其他用户删除）。</source>
        <translation>This licence no longer exists (another user may have deleted it).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="76"/>
        <source>安全体检</source>
        <translation>Tijian safety check</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99"/>
        <source>企业档案</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100"/>
        <source>专家库</source>
        <translation>Expert pool</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="101"/>
        <source>检查排期</source>
        <translation>Scheduling</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102"/>
        <source>现场检查</source>
        <translation>On-site inspection</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>隐患台账</source>
        <translation>Hazard ledger</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104"/>
        <source>樟脑油准入</source>
        <translation>Camphor oil entry</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105"/>
        <source>执法文书</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106"/>
        <source>检查表</source>
        <translation>Checklists</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>安全体检 — %1</source>
        <translation>Tijian safety check — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="142"/>
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
</context>
<context>
    <name>NewDocumentDialog</name>
    <message>
        <location filename="../../ui/documents_page.py" line="203"/>
        <source>新建执法文书</source>
        <translation>New enforcement document</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="218"/>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="219"/>
        <source>检查日期</source>
        <translation>Inspection date</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="222"/>
        <source>下一步…</source>
        <translation>Next…</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="223"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="228"/>
        <source>这一天检查的企业：</source>
        <translation>Enterprises inspected on this day:</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="253"/>
        <source>执法人员：{officers}</source>
        <translation>Officers: {officers}</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="259"/>
        <source>这一天没有检查。请换一天。</source>
        <translation>No inspections on this day. Please choose another day.</translation>
    </message>
</context>
<context>
    <name>OfficerDialog</name>
    <message>
        <location filename="../../ui/officers_page.py" line="348"/>
        <source>新建执法人员</source>
        <translation>New officer</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="348"/>
        <source>编辑执法人员</source>
        <translation>Edit officer</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="354"/>
        <source>如 汨罗市应急管理局</source>
        <translation>e.g. Miluo Emergency Management Bureau</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="357"/>
        <source>数字和字母，如 43060123001</source>
        <translation>Digits and letters, e.g. 43060123001</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="360"/>
        <source>手机或座机，如 0730-5212345</source>
        <translation>Mobile or landline, e.g. 0730-5212345</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="361"/>
        <source>姓名 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="362"/>
        <source>所属部门 *</source>
        <translation>Department *</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="363"/>
        <source>执法证号</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="364"/>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="365"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>OfficerTableModel</name>
    <message>
        <location filename="../../ui/officers_page.py" line="156"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="157"/>
        <source>所属部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="158"/>
        <source>执法证号</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="159"/>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="160"/>
        <source>执法证状态</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="161"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="162"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="183"/>
        <source>即将到期（今天到期）</source>
        <translation>Expires today</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="184"/>
        <source>即将到期（还剩%1天）</source>
        <translation>Expiring (%1 days left)</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="186"/>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="188"/>
        <source>未登记</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="189"/>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="208"/>
        <source>有效期至 %1</source>
        <translation>Valid until %1</translation>
    </message>
</context>
<context>
    <name>OfficersPage</name>
    <message>
        <location filename="../../ui/officers_page.py" line="145"/>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="845"/>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="746"/>
        <source>请假登记…</source>
        <translation>Leave…</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="146"/>
        <source>已停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="749"/>
        <source>搜索：姓名、部门、执法证号、电话或拼音首字母（Ctrl+F）</source>
        <translation>Search: name, department, certificate no., phone or pinyin initials (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="753"/>
        <source>执法证：全部</source>
        <translation>Certificate: all</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="754"/>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="755"/>
        <source>即将到期</source>
        <translation>Expiring soon</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="756"/>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="757"/>
        <source>未登记</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="771"/>
        <source>只看即将到期</source>
        <translation>Show expiring only</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="793"/>
        <source>全部部门</source>
        <translation>All departments</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/officers_page.py" line="824"/>
        <source>%n 名执法人员的执法证将在%1天内到期：%2</source>
        <translation>
            <numerusform>The enforcement certificate of %n officer expires within %1 days: %2</numerusform>
            <numerusform>The enforcement certificates of %n officers expire within %1 days: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/officers_page.py" line="828"/>
        <source>%n 名在用执法人员的执法证已过期：%1</source>
        <translation>
            <numerusform>The enforcement certificate of %n active officer has expired: %1</numerusform>
            <numerusform>The enforcement certificates of %n active officers have expired: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="842"/>
        <source>停用执法人员“%1”？停用后不能再安排其参加检查，记录仍保留。</source>
        <translation>Deactivate the officer &quot;%1&quot;? An inactive officer cannot be assigned to inspections; the records are kept.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/officers_page.py" line="844"/>
        <source>其已排入 %n 次尚未进行的检查，请另行调整。</source>
        <translation>
            <numerusform>The officer is scheduled for %n upcoming inspection; please reassign it.</numerusform>
            <numerusform>The officer is scheduled for %n upcoming inspections; please reassign them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../../ui/widgets.py" line="49"/>
        <source>未填</source>
        <translation>Not set</translation>
    </message>
</context>
<context>
    <name>PdfDialog</name>
    <message>
        <location filename="../../ui/documents_page.py" line="294"/>
        <source>打印…（Ctrl+P）</source>
        <translation>Print… (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="296"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="313"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>PdfView</name>
    <message>
        <location filename="../../ui/pdf_view.py" line="75"/>
        <source>没有可显示的文书</source>
        <translation>No document to show</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_view.py" line="85"/>
        <location filename="../../ui/pdf_view.py" line="215"/>
        <source>第 {m} / {n} 页</source>
        <translation>Page {m} / {n}</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_view.py" line="91"/>
        <source>缩小（Ctrl+-）</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_view.py" line="92"/>
        <source>放大（Ctrl++）</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_view.py" line="93"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_view.py" line="93"/>
        <source>页面宽度适合窗口（Ctrl+0）</source>
        <translation>Fit the page width to the window (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_view.py" line="253"/>
        <source>打印文书（共 {n} 页）</source>
        <translation>Print document ({n} pages)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_view.py" line="290"/>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_view.py" line="291"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_view.py" line="292"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_view.py" line="304"/>
        <source>正在打印第 {m} / {n} 页…</source>
        <translation>Printing page {m} / {n}…</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_view.py" line="353"/>
        <source>无法开始打印：打印机“{name}”不可用。</source>
        <translation>Cannot start printing: printer &quot;{name}&quot; is not available.</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../ui/people_page.py" line="19"/>
        <source>专家</source>
        <translation>Experts</translation>
    </message>
    <message>
        <location filename="../../ui/people_page.py" line="22"/>
        <source>执法人员</source>
        <translation>Law-enforcement officers</translation>
    </message>
    <message>
        <location filename="../../ui/people_page.py" line="23"/>
        <source>安全生产监督员</source>
        <translation>Safety supervisors</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../ui/photo_strip.py" line="58"/>
        <source>本机未安装摄像头组件（Qt Multimedia），不能拍照。</source>
        <translation>The camera component (Qt Multimedia) is not installed on this computer, so photos cannot be taken.</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="60"/>
        <source>本机没有找到摄像头，不能拍照。</source>
        <translation>No camera was found on this computer, so photos cannot be taken.</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="146"/>
        <source>添加照片…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="148"/>
        <source>拍照</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="150"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="152"/>
        <source>删除选中的照片（Delete 键）</source>
        <translation>Delete the selected photo (Delete key)</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="158"/>
        <source>从文件添加照片（也可以把照片文件拖到左边的区域）</source>
        <translation>Add photos from files (you can also drag photo files onto the area on the left)</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="164"/>
        <source>用本机摄像头拍一张照片</source>
        <translation>Take a photo with this computer&apos;s camera</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="204"/>
        <source>共 %1 张</source>
        <translation>Photos: %1</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="230"/>
        <source>拍摄时间：%1</source>
        <translation>Taken: %1</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="232"/>
        <source>双击或按 Enter 查看大图</source>
        <translation>Double-click or press Enter to view full size</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="237"/>
        <source>没有照片</source>
        <translation>No photos</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="238"/>
        <source>还没有照片：点击“添加照片…”，或把照片文件拖到这里</source>
        <translation>No photos yet: click &quot;Add photos…&quot; or drag photo files here</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="268"/>
        <source>添加照片</source>
        <translation>Add photos</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="269"/>
        <source>图片文件</source>
        <translation>Image files</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="495"/>
        <source>导入照片</source>
        <translation>Import photos</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="496"/>
        <source>正在压缩照片…</source>
        <translation>Compressing photos…</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../ui/photo_strip.py" line="343"/>
        <source>查看照片</source>
        <translation>View photo</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="351"/>
        <source>无法显示这张照片。</source>
        <translation>This photo cannot be displayed.</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="352"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PhrasePicker</name>
    <message>
        <location filename="../../ui/hazard_library.py" line="504"/>
        <source>Ctrl+Space 或 F4：插入常用语</source>
        <translation>Ctrl+Space or F4: insert a phrase</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="511"/>
        <source>常用语</source>
        <translation>Phrases</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="512"/>
        <source>插入常用语（Ctrl+Space 或 F4）</source>
        <translation>Insert a phrase (Ctrl+Space or F4)</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="175"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="176"/>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="177"/>
        <source>无变化</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="178"/>
        <source>有问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="230"/>
        <source>问题：{columns}</source>
        <translation>Problems: {columns}</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="254"/>
        <source>将更新：{fields}</source>
        <translation>Will update: {fields}</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="267"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="269"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="271"/>
        <source>单位名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="273"/>
        <source>统一社会信用代码</source>
        <translation>USCC</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="275"/>
        <source>所属镇</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="277"/>
        <source>变更内容</source>
        <translation>Changes</translation>
    </message>
</context>
<context>
    <name>RateExpertsDialog</name>
    <message>
        <location filename="../../ui/visit_dialog.py" line="778"/>
        <source>评价专家</source>
        <translation>Rate experts</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="782"/>
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="782"/>
        <source>评分（1–5）</source>
        <translation>Rating (1–5)</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="782"/>
        <source>评价意见</source>
        <translation>Remark</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="790"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="791"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="819"/>
        <source>%1 %2 的检查，请为每位专家评分（1–5分）并填写评价意见。</source>
        <translation>Visit of %1 (%2): rate each expert (1–5) and add a remark.</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="823"/>
        <source>检查完成后才能评价专家。</source>
        <translation>Experts can be rated only after the visit is done.</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="834"/>
        <source> 分</source>
        <translation> pts</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="837"/>
        <source>如 检查细致，隐患描述准确</source>
        <translation>e.g. thorough, hazards described precisely</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/documents_page.py" line="173"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/documents_page.py" line="174"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecusalDialog</name>
    <message>
        <location filename="../../ui/experts_page.py" line="349"/>
        <source>添加回避</source>
        <translation>Add recusal</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="352"/>
        <source>输入企业名称、信用代码或拼音首字母查找</source>
        <translation>Type an enterprise name, credit code or pinyin initials to search</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="363"/>
        <source>回避适用的最后一天；不填表示长期回避</source>
        <translation>Last day of the recusal; leave empty for an indefinite recusal</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="369"/>
        <source>企业 *</source>
        <translation>Enterprise *</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="370"/>
        <source>回避原因 *</source>
        <translation>Reason *</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="371"/>
        <source>具体情况</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="372"/>
        <source>回避至</source>
        <translation>Recused until</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="390"/>
        <source>（没有符合的企业）</source>
        <translation>(no matching enterprise)</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="396"/>
        <source>共 %1 家符合，仅列出前 50 家；请输入更多文字缩小范围。</source>
        <translation>%1 enterprises match; only the first 50 are listed. Type more to narrow the search.</translation>
    </message>
</context>
<context>
    <name>RegistryList</name>
    <message>
        <location filename="../../ui/registry_page.py" line="43"/>
        <source>搜索：单位名称、信用代码、地址、法定代表人或拼音首字母（Ctrl+F）</source>
        <translation>Search: name, credit code, address, legal representative or pinyin initials (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="45"/>
        <source>新建(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="46"/>
        <source>打开档案</source>
        <translation>Open archive</translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="47"/>
        <source>导入Excel…</source>
        <translation>Import Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="48"/>
        <source>导出Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="61"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="128"/>
        <source>全部镇</source>
        <translation>All towns</translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="133"/>
        <source>全部行业</source>
        <translation>All sectors</translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="137"/>
        <source>全部风险等级</source>
        <translation>All risk levels</translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="140"/>
        <source>未评级</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="142"/>
        <source>高危：全部</source>
        <translation>High-risk: all</translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="143"/>
        <source>仅高危企业</source>
        <translation>High-risk only</translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="144"/>
        <source>非高危企业</source>
        <translation>Not high-risk</translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="146"/>
        <source>园区：全部</source>
        <translation>Park: all</translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="147"/>
        <source>仅园区企业</source>
        <translation>In a park only</translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="148"/>
        <source>非园区企业</source>
        <translation>Not in a park</translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="150"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="163"/>
        <source>全部村（社区）</source>
        <translation>All villages</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/registry_page.py" line="209"/>
        <source>共 %n 家</source>
        <translation>
            <numerusform>%n enterprise</numerusform>
            <numerusform>%n enterprises</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegistryPage</name>
    <message>
        <location filename="../../ui/registry_page.py" line="229"/>
        <source>企业名录</source>
        <translation>Enterprise list</translation>
    </message>
</context>
<context>
    <name>ReinspectionDialog</name>
    <message>
        <location filename="../../ui/reinspection_dialog.py" line="63"/>
        <location filename="../../ui/reinspection_dialog.py" line="161"/>
        <source>安排复查</source>
        <translation>Schedule re-inspection</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_dialog.py" line="73"/>
        <source>被复查单位：%1</source>
        <translation>Enterprise: %1</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_dialog.py" line="89"/>
        <source>&#x3000;期限 %1</source>
        <translation>  deadline %1</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_dialog.py" line="92"/>
        <source>（已安排 %1 复查）</source>
        <translation>(re-inspection already scheduled for %1)</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_dialog.py" line="104"/>
        <source>重大事故隐患</source>
        <translation>Major hazard</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_dialog.py" line="109"/>
        <source>该企业没有未销号的隐患。</source>
        <translation>This enterprise has no open hazards.</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_dialog.py" line="125"/>
        <source>仍要安排时，请填写理由</source>
        <translation>To schedule anyway, give a reason</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_dialog.py" line="126"/>
        <source>放行理由(&amp;W)</source>
        <translation>&amp;Waiver reason</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_dialog.py" line="132"/>
        <source>复查的隐患（逾期的在前）(&amp;H)</source>
        <translation>&amp;Hazards to re-inspect (overdue first)</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_dialog.py" line="137"/>
        <source>复查日期(&amp;D)</source>
        <translation>Re-inspection &amp;date</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_dialog.py" line="147"/>
        <source>执法人员（至少2名，持有效执法证）(&amp;O)</source>
        <translation>&amp;Officers (at least 2, with valid certificates)</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_dialog.py" line="149"/>
        <source>专家（可不选）(&amp;E)</source>
        <translation>&amp;Experts (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_dialog.py" line="162"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_dialog.py" line="250"/>
        <source>建议 %1：最早的整改期限是 %2，复查应在期限届满后 %3 日内进行。</source>
        <translation>Suggested: %1. The earliest deadline is %2; re-inspect within %3 days after the deadline.</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_dialog.py" line="254"/>
        <source>请勾选要复查的隐患。</source>
        <translation>Please tick the hazards to re-inspect.</translation>
    </message>
</context>
<context>
    <name>ReinspectionPage</name>
    <message>
        <location filename="../../ui/reinspection_page.py" line="133"/>
        <source>已自动保存 %1</source>
        <translation>Saved automatically at %1</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="141"/>
        <source>复查人员：复查结果记在此执法人员名下（重大事故隐患须持有效执法证）</source>
        <translation>Re-inspector: results are recorded under this officer&apos;s name (major hazards need a valid certificate)</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="142"/>
        <source>复查人员(&amp;R)</source>
        <translation>&amp;Re-inspector</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="154"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="154"/>
        <source>隐患描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="154"/>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="155"/>
        <source>整改期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="155"/>
        <source>复查结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="189"/>
        <source>隐患详情(&amp;D)…</source>
        <translation>Hazard &amp;details…</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="190"/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="198"/>
        <source>复查情况（Enter 从列表进入，Esc 返回列表）</source>
        <translation>Re-inspection notes (Enter from the list, Esc back to the list)</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="219"/>
        <source>复查情况(&amp;N)</source>
        <translation>Re-inspection &amp;notes</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="223"/>
        <source>整改证据照片</source>
        <translation>Rectification evidence photos</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="226"/>
        <source>检查发现时的照片</source>
        <translation>Photos when found</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="264"/>
        <location filename="../../ui/reinspection_page.py" line="468"/>
        <source>复查</source>
        <translation>Re-inspection</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="286"/>
        <source>复查 · %1</source>
        <translation>Re-inspection · %1</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="289"/>
        <source>执法人员：%1</source>
        <translation>Officers: %1</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="291"/>
        <source>专家：%1</source>
        <translation>Experts: %1</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="299"/>
        <source>（逾期 %1 天）</source>
        <translation>(%1 days overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="300"/>
        <source>未记录</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="302"/>
        <source>，限 %1</source>
        <translation>, due %1</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="331"/>
        <source>已记录 %1 / %2 项（已整改 %3，部分整改 %4，未整改 %5） · 1 已整改  2 部分整改  3 未整改</source>
        <translation>%1 / %2 recorded (rectified %3, partly %4, not rectified %5) · 1 rectified  2 partly rectified  3 not rectified</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="359"/>
        <source>【重大事故隐患】</source>
        <translation>[Major hazard]</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="363"/>
        <source>部位：%1</source>
        <translation>Location: %1</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="365"/>
        <source>整改措施：%1</source>
        <translation>Measures: %1</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="367"/>
        <source>依据：%1</source>
        <translation>Basis: %1</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="370"/>
        <source>（原定 %1）</source>
        <translation>(originally %1)</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="371"/>
        <source>发现 %1，整改期限 %2</source>
        <translation>Found %1, deadline %2</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="372"/>
        <source>，复查时逾期 %1 天</source>
        <translation>, %1 days overdue at re-inspection</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="374"/>
        <source>此前复查未整改 %1 次</source>
        <translation>Not rectified at %1 earlier re-inspections</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="380"/>
        <source>已记录“%1”（%2），复查结果记录后不能更改；复查情况仍可补充。</source>
        <translation>Recorded &quot;%1&quot; (%2). A recorded result cannot be changed; notes can still be added.</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="384"/>
        <source>该隐患已销号，无需复查。</source>
        <translation>This hazard is closed; no re-inspection needed.</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="387"/>
        <source>按 1 / 2 / 3 记录复查结果。</source>
        <translation>Press 1 / 2 / 3 to record the result.</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="434"/>
        <source>该隐患已记录为“%1”，复查结果记录后不能更改。</source>
        <translation>This hazard is recorded as &quot;%1&quot;; a recorded result cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="444"/>
        <source>确认“%1”已整改？
记录后该隐患销号，不能撤销。</source>
        <translation>Confirm that &quot;%1&quot; is rectified?
The hazard is then closed; this cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="446"/>
        <source>确认“%1”已整改？
重大事故隐患须由持有效执法证的执法人员销号；未选复查人员时，记录后等待执法人员销号。</source>
        <translation>Confirm that &quot;%1&quot; is rectified?
A major hazard must be closed by an officer with a valid certificate; with no re-inspector chosen, it then waits for an officer to close it.</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="448"/>
        <source>复查：已整改</source>
        <translation>Re-inspection: rectified</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="457"/>
        <source>确认“%1”未整改？
该隐患仍按原期限计算逾期，并记一次复查未整改（升级督办）。</source>
        <translation>Confirm that &quot;%1&quot; is not rectified?
Overdue days still count from the original deadline, and a failed re-inspection is recorded (escalation).</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="458"/>
        <source>复查：未整改</source>
        <translation>Re-inspection: not rectified</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="470"/>
        <source>已记录：%1 — %2</source>
        <translation>Recorded: %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="482"/>
        <source>复查已全部记录：%1 项</source>
        <translation>All re-inspection results recorded: %1 items</translation>
    </message>
    <message>
        <location filename="../../ui/reinspection_page.py" line="515"/>
        <location filename="../../ui/reinspection_page.py" line="532"/>
        <source>照片</source>
        <translation>Photo</translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message>
        <location filename="../../ui/reminders.py" line="62"/>
        <source>隐患整改提醒</source>
        <translation>Rectification reminders</translation>
    </message>
    <message>
        <location filename="../../ui/reminders.py" line="65"/>
        <source>即将到期 {soon} 条，已逾期 {late} 条。回车或双击查看隐患。</source>
        <translation>{soon} due soon, {late} overdue. Press Enter or double-click to view a hazard.</translation>
    </message>
    <message>
        <location filename="../../ui/reminders.py" line="68"/>
        <source>已逾期（{n}）</source>
        <translation>Overdue ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/reminders.py" line="69"/>
        <source>即将到期（{n}）</source>
        <translation>Due soon ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/reminders.py" line="77"/>
        <source>今天不再提示</source>
        <translation>Don&apos;t remind me again today</translation>
    </message>
    <message>
        <location filename="../../ui/reminders.py" line="80"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/reminders.py" line="105"/>
        <source>单位</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/reminders.py" line="105"/>
        <source>隐患描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/reminders.py" line="105"/>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/reminders.py" line="105"/>
        <source>整改期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/reminders.py" line="106"/>
        <source>剩余/逾期</source>
        <translation>Left/overdue</translation>
    </message>
    <message>
        <location filename="../../ui/reminders.py" line="106"/>
        <source>升级</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <location filename="../../ui/reminders.py" line="106"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/reminders.py" line="116"/>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../ui/reminders.py" line="116"/>
        <source>逾期 {n} 天</source>
        <translation>{n} days overdue</translation>
    </message>
    <message>
        <location filename="../../ui/reminders.py" line="117"/>
        <source>还有 {n} 天</source>
        <translation>{n} days left</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <location filename="../../ui/schedule_page.py" line="75"/>
        <source>上午</source>
        <translation>Morning</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="76"/>
        <source>下午</source>
        <translation>Afternoon</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="77"/>
        <source>全天</source>
        <translation>Full day</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="82"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="82"/>
        <source>时段</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="83"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="83"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="84"/>
        <source>企业</source>
        <translation>Firms</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="84"/>
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="85"/>
        <source>执法人员</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="86"/>
        <source>监督员</source>
        <translation>Observers</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="110"/>
        <source>（已取消）</source>
        <translation> (cancelled)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="119"/>
        <source>企业：{0}</source>
        <translation>Firms: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="121"/>
        <source>专家：{0}</source>
        <translation>Experts: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="123"/>
        <source>执法人员：{0}</source>
        <translation>Officers: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="125"/>
        <source>监督员：{0}</source>
        <translation>Supervisors: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="304"/>
        <source>{0}月{1}日</source>
        <translation>{0}/{1}</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="307"/>
        <source>另有{0}项…</source>
        <translation>{0} more…</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="322"/>
        <source>星期一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="322"/>
        <source>星期二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="322"/>
        <source>星期三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="322"/>
        <source>星期四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="322"/>
        <source>星期五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="322"/>
        <source>星期六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="322"/>
        <source>星期日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="532"/>
        <source>月</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="533"/>
        <source>周</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="534"/>
        <source>列表</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="540"/>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="541"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="542"/>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="547"/>
        <source>新建检查</source>
        <translation>New visit</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="548"/>
        <source>取消检查…</source>
        <translation>Cancel visit…</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="549"/>
        <source>派工单…</source>
        <translation>Dispatch sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="550"/>
        <location filename="../../ui/schedule_page.py" line="812"/>
        <source>现场检查</source>
        <translation>On-site inspection</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="551"/>
        <source>打开所选检查的现场检查记录</source>
        <translation>Open the on-site inspection record of the selected visit</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="552"/>
        <source>导出日历…</source>
        <translation>Export calendar…</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="570"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="667"/>
        <source>全部乡镇</source>
        <translation>All towns</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="671"/>
        <source>全部人员</source>
        <translation>All people</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="673"/>
        <source>{0}（执法人员）</source>
        <translation>{0} (officer)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="675"/>
        <source>{0}（专家）</source>
        <translation>{0} (expert)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="677"/>
        <source>{0}（监督员）</source>
        <translation>{0} (supervisor)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="679"/>
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="683"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="752"/>
        <source>检查排期</source>
        <translation>Scheduling</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="759"/>
        <location filename="../../ui/schedule_page.py" line="767"/>
        <source>{0}年{1}月</source>
        <translation>{1}/{0}</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="764"/>
        <source>{0} 至 {1}</source>
        <translation>{0} to {1}</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="768"/>
        <source>共 {0} 项检查</source>
        <translation>{0} visits</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="775"/>
        <source>{0}（{1}）：{2} 项</source>
        <translation>{0} ({1}): {2} visits</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="812"/>
        <source>请先在日历或列表中选择一次检查。</source>
        <translation>Select a visit in the calendar or the list first.</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="871"/>
        <source>调整检查日期</source>
        <translation>Move visit</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="885"/>
        <source>把检查从{0}改到{1}的原因：</source>
        <translation>Reason for moving the visit from {0} to {1}:</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="904"/>
        <source>需要填写理由</source>
        <translation>Reason required</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="905"/>
        <source>{0}

如仍要调整，请填写理由：</source>
        <translation>{0}

To move it anyway, give a reason:</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="930"/>
        <location filename="../../ui/schedule_page.py" line="935"/>
        <source>取消检查</source>
        <translation>Cancel visit</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="930"/>
        <source>请先选择要取消的检查。</source>
        <translation>Select the visit to cancel first.</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="936"/>
        <source>取消该检查的原因：</source>
        <translation>Reason for cancelling this visit:</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="956"/>
        <location filename="../../ui/schedule_page.py" line="968"/>
        <source>派工单</source>
        <translation>Dispatch sheet</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="956"/>
        <location filename="../../ui/schedule_page.py" line="974"/>
        <source>{0}没有安排检查。</source>
        <translation>No visits are scheduled on {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="959"/>
        <source>保存派工单</source>
        <translation>Save dispatch sheet</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="959"/>
        <source>派工单-{0}.pdf</source>
        <translation>dispatch-{0}.pdf</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="960"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="979"/>
        <source>{0}

是否代替后继续打印？</source>
        <translation>{0}

Replace them and print anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="992"/>
        <location filename="../../ui/schedule_page.py" line="995"/>
        <location filename="../../ui/schedule_page.py" line="1009"/>
        <source>导出日历</source>
        <translation>Export calendar</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="992"/>
        <source>请先在“全部人员”筛选中选择一位人员。</source>
        <translation>First choose a person in the “All people” filter.</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="996"/>
        <source>日历文件 (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
</context>
<context>
    <name>SnapshotPage</name>
    <message>
        <location filename="../../ui/snapshot_page.py" line="35"/>
        <source>正在加载，请稍候…</source>
        <translation>Loading, please wait…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/snapshot_page.py" line="37"/>
        <source>共 %n 家</source>
        <translation>
            <numerusform>%n enterprise</numerusform>
            <numerusform>%n enterprises</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpecialtiesDialog</name>
    <message>
        <location filename="../../ui/experts_page.py" line="488"/>
        <source>专业领域</source>
        <translation>Fields</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="497"/>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="498"/>
        <source>改名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="499"/>
        <source>保存覆盖行业</source>
        <translation>Save sectors</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="500"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="503"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="510"/>
        <source>覆盖的企业行业（排期时按此匹配专家与企业）</source>
        <translation>Sectors covered (used to match experts with enterprises in scheduling)</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="517"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="548"/>
        <source>%1（%2名专家）</source>
        <translation>%1 (experts: %2)</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="607"/>
        <source>删除专业领域</source>
        <translation>Delete field</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="608"/>
        <source>删除专业领域“%1”吗？</source>
        <translation>Delete the field &quot;%1&quot;?</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../ui/experts_page.py" line="321"/>
        <source>变更专家状态：%1</source>
        <translation>Change expert status: %1</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="328"/>
        <source>暂停或解聘时必填</source>
        <translation>Required when suspending or dismissing</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="329"/>
        <source>新状态</source>
        <translation>New status</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="330"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <location filename="../../ui/officers_page.py" line="411"/>
        <source>新建监督员</source>
        <translation>New supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="411"/>
        <source>编辑监督员</source>
        <translation>Edit supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="418"/>
        <source>手机或座机，如 0730-5212345</source>
        <translation>Mobile or landline, e.g. 0730-5212345</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="419"/>
        <source>姓名 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="420"/>
        <source>身份/单位</source>
        <translation>Affiliation</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="421"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="436"/>
        <source>汨罗市人大代表</source>
        <translation>Miluo People&apos;s Congress deputy</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="436"/>
        <source>汨罗市政协委员</source>
        <translation>Miluo CPPCC member</translation>
    </message>
</context>
<context>
    <name>SupervisorTableModel</name>
    <message>
        <location filename="../../ui/officers_page.py" line="219"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="220"/>
        <source>身份/单位</source>
        <translation>Affiliation</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="221"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="222"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>SupervisorsPage</name>
    <message>
        <location filename="../../ui/officers_page.py" line="866"/>
        <source>搜索：姓名、身份/单位、电话或拼音首字母（Ctrl+F）</source>
        <translation>Search: name, affiliation, phone or pinyin initials (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="883"/>
        <source>停用监督员“%1”？停用后不能再邀请其参加检查，记录仍保留。</source>
        <translation>Deactivate the supervisor &quot;%1&quot;? An inactive supervisor cannot be invited to inspections; the records are kept.</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="884"/>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
</context>
<context>
    <name>UnavailabilityDialog</name>
    <message>
        <location filename="../../ui/experts_page.py" line="425"/>
        <source>登记请假/不可用时段</source>
        <translation>Record leave / unavailable period</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="434"/>
        <source>如 年休假、出差、培训</source>
        <translation>e.g. annual leave, business trip, training</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="435"/>
        <source>开始日期 *</source>
        <translation>Start date *</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="436"/>
        <source>结束日期 *</source>
        <translation>End date *</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="437"/>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../ui/verify_dialog.py" line="63"/>
        <location filename="../../ui/verify_dialog.py" line="150"/>
        <location filename="../../ui/verify_dialog.py" line="156"/>
        <source>核验文书</source>
        <translation>Verify document</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="64"/>
        <source>选择一份 PDF 文件（扫描件除外），与档案中保存的原件比对：文件是否由本局出具、是否被修改、是否已作废。</source>
        <translation>Choose a PDF file (not a scan) to compare with the original kept in the archive: was it issued by this bureau, has it been altered, has it been voided?</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="68"/>
        <source>尚未选择文件</source>
        <translation>No file chosen yet</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="72"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="73"/>
        <source>选择要核验的 PDF 文件（Ctrl+O）</source>
        <translation>Choose the PDF file to verify (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="91"/>
        <source>文号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="92"/>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="93"/>
        <source>被检查单位</source>
        <translation>Enterprise inspected</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="94"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="95"/>
        <source>签发</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="102"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="133"/>
        <source>选择要核验的文书</source>
        <translation>Choose the document to verify</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="134"/>
        <source>PDF 文件 (*.pdf);;所有文件 (*)</source>
        <translation>PDF files (*.pdf);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="150"/>
        <source>无法读取文件：{error}</source>
        <translation>Cannot read the file: {error}</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../ui/visit_dialog.py" line="100"/>
        <source>新建检查安排</source>
        <translation>New visit</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="100"/>
        <source>编辑检查安排</source>
        <translation>Edit visit</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="112"/>
        <source>基本信息</source>
        <translation>Basics</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="113"/>
        <source>路线</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="114"/>
        <source>人员</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="125"/>
        <source>评价专家…</source>
        <translation>Rate experts…</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="130"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="131"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="187"/>
        <source>上午</source>
        <translation>Morning</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="188"/>
        <source>下午</source>
        <translation>Afternoon</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="189"/>
        <source>全天</source>
        <translation>Full day</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="195"/>
        <source>如 09:00（可不填）</source>
        <translation>e.g. 09:00 (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="198"/>
        <source>如 11:30（可不填）</source>
        <translation>e.g. 11:30 (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="201"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="205"/>
        <source>如 汛期前危险化学品专项检查</source>
        <translation>e.g. pre-flood-season hazardous chemicals check</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="212"/>
        <source>检查类型 *</source>
        <translation>Kind *</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="213"/>
        <source>检查日期 *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="214"/>
        <source>时段 *</source>
        <translation>Part of day *</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="215"/>
        <source>时间段</source>
        <translation>Time span</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="217"/>
        <source>检查目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="218"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="219"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="220"/>
        <source>检查表</source>
        <translation>Checklists</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="228"/>
        <source>查找企业（输入名称等文字；回车或双击加入路线）</source>
        <translation>Find firms (type a name etc.; Enter or double-click adds to the route)</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="230"/>
        <source>输入企业名称等，回车加入选中的企业</source>
        <translation>Type a firm name etc.; Enter adds the selected firm</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="239"/>
        <source>检查路线（按先后顺序）</source>
        <translation>Route (in order)</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="247"/>
        <source>加入路线</source>
        <translation>Add to route</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="248"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="249"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="250"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="279"/>
        <source>执法人员（执法证状态）</source>
        <translation>Officers (certificate state)</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="281"/>
        <source>专家（专业领域）</source>
        <translation>Experts (fields)</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="283"/>
        <source>监督员</source>
        <translation>Observers</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="285"/>
        <source>专家推荐</source>
        <translation>Recommended experts</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="291"/>
        <source>加入检查组</source>
        <translation>Add to team</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="305"/>
        <source>规则检查</source>
        <translation>Rule check</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="366"/>
        <source>未登记领域</source>
        <translation>no field registered</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="383"/>
        <location filename="../../ui/visit_dialog.py" line="397"/>
        <source>（暂无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="396"/>
        <source>已选 %1 份检查表</source>
        <translation>%1 checklist(s) chosen</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="405"/>
        <source>该检查%1，不能再修改安排。</source>
        <translation>This visit is %1 and can no longer be changed.</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="508"/>
        <source>共 %1 家，显示前 %2 家，请输入更多文字缩小范围</source>
        <translation>%1 firms, showing the first %2; type more to narrow</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="511"/>
        <source>共 %1 家</source>
        <translation>%1 firms</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="597"/>
        <source>规则检查未能完成。</source>
        <translation>The rule check could not be completed.</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="607"/>
        <source>符合全部排期规则。</source>
        <translation>All scheduling rules are met.</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="609"/>
        <source>不符合规则 %1 项，提醒 %2 项</source>
        <translation>%1 rule(s) broken, %2 warning(s)</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="612"/>
        <source>不符合规则（须调整后才能保存）：</source>
        <translation>Rules broken (fix before saving):</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="616"/>
        <source>提醒（填写理由后可保存，理由将被记录）：</source>
        <translation>Warnings (save after giving a reason; the reason is recorded):</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="628"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="630"/>
        <source>填写理由后可放行“%1”</source>
        <translation>Give a reason to override “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="658"/>
        <source>不符合排期规则，不能保存</source>
        <translation>Breaks a scheduling rule; cannot save</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="660"/>
        <source>请为每项提醒填写理由</source>
        <translation>Give a reason for every warning</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="671"/>
        <source>在“路线”中加入企业后，这里推荐第一家企业的专家。</source>
        <translation>Add a firm on the Route tab to see experts recommended for the first firm.</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="674"/>
        <source>为“%1”%2推荐：</source>
        <translation>Recommended for “%1” on %2:</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="680"/>
        <source>不可安排：%1</source>
        <translation>Not available: %1</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="682"/>
        <source>已在检查组</source>
        <translation>already on the team</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="754"/>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="755"/>
        <source>现在载入最新内容吗？您在本窗口中的修改将被放弃。</source>
        <translation>Load the latest version now? Your changes in this window will be discarded.</translation>
    </message>
</context>
<context>
    <name>WorkFileTab</name>
    <message>
        <location filename="../../ui/experts_page.py" line="674"/>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="677"/>
        <source>%1年</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="680"/>
        <source>工作量与评价</source>
        <translation>Workload and ratings</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="682"/>
        <source>完成检查</source>
        <translation>Inspections done</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="682"/>
        <source>人·日</source>
        <translation>Person-days</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="682"/>
        <source>发现隐患</source>
        <translation>Hazards found</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="683"/>
        <source>平均评分</source>
        <translation>Average rating</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="683"/>
        <source>拒绝派遣</source>
        <translation>Assignments refused</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="683"/>
        <source>应付劳务费</source>
        <translation>Fees owed</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="684"/>
        <source>年度考核</source>
        <translation>Annual assessment</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="696"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="696"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="696"/>
        <source>检查企业</source>
        <translation>Enterprises inspected</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="696"/>
        <source>评分</source>
        <translation>Rtg.</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="696"/>
        <source>评价</source>
        <translation>Comments</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="700"/>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="717"/>
        <location filename="../../ui/experts_page.py" line="723"/>
        <source>%1 次</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="719"/>
        <source>%1 条（重大 %2 条）</source>
        <translation>%1 (%2 major)</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="721"/>
        <source>%1 分（%2 次评分）</source>
        <translation>%1 (ratings: %2)</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="724"/>
        <source>按次</source>
        <translation>per visit</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="724"/>
        <source>按人·日</source>
        <translation>per person-day</translation>
    </message>
    <message>
        <location filename="../../ui/experts_page.py" line="725"/>
        <source>%1 元（%2 %3 元）</source>
        <translation>%1 yuan (%3 yuan %2)</translation>
    </message>
</context>
<context>
    <name>_DaysDelegate</name>
    <message>
        <location filename="../../ui/checklists_page.py" line="69"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <location filename="../../ui/experts_page.py" line="136"/>
        <location filename="../../ui/experts_page.py" line="144"/>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>_ListPage</name>
    <message>
        <location filename="../../ui/officers_page.py" line="588"/>
        <source>在用人员</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="589"/>
        <source>已停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="590"/>
        <source>全部人员</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="591"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="610"/>
        <source>新建(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="611"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="612"/>
        <location filename="../../ui/officers_page.py" line="663"/>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="663"/>
        <source>启用</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="668"/>
        <source>共 %1 人</source>
        <translation>%1 people</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="735"/>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>_PersonDialog</name>
    <message>
        <location filename="../../ui/officers_page.py" line="266"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="267"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="332"/>
        <location filename="../../ui/officers_page.py" line="337"/>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/officers_page.py" line="333"/>
        <source>现在载入最新内容吗？您在本窗口中的修改将被放弃。</source>
        <translation>Load the latest version now? Your changes in this window will be discarded.</translation>
    </message>
</context>
<context>
    <name>_PhrasePopup</name>
    <message>
        <location filename="../../ui/hazard_library.py" line="440"/>
        <source>筛选常用语（文字或拼音首字母），回车插入，Esc 关闭</source>
        <translation>Filter phrases (text or pinyin initials); Enter inserts, Esc closes</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_library.py" line="448"/>
        <source>没有匹配的常用语</source>
        <translation>No matching phrases</translation>
    </message>
</context>
<context>
    <name>_RecordDialog</name>
    <message>
        <location filename="../../ui/archive_page.py" line="419"/>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="420"/>
        <source>%1
档案页将重新载入。</source>
        <translation>%1
The archive page will reload.</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="433"/>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="434"/>
        <source>%1
填写的内容未保存，档案页将重新载入。</source>
        <translation>%1
What you entered was not saved; the archive page will reload.</translation>
    </message>
</context>
<context>
    <name>alerts</name>
    <message>
        <location filename="../../ui/alerts.py" line="13"/>
        <source>复制详情</source>
        <translation>Copy details</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../desktop/app.py" line="45"/>
        <source>程序错误</source>
        <translation>Program error</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="46"/>
        <source>程序遇到意外错误，刚才的操作可能未完成。详情已写入日志文件；请点“复制详情”后发给维护人员。

%1</source>
        <translation>The program met an unexpected error; the last action may not have been completed. The details are in the log file; please click &quot;Copy details&quot; and send them to the maintainer.

%1</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="167"/>
        <source>数据库已从 %1 升级到 %2</source>
        <translation>The database was upgraded from %1 to %2</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="170"/>
        <source>，升级前的备份：%1</source>
        <translation>; backup made before the upgrade: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="232"/>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="240"/>
        <source>无法打开数据库：%1</source>
        <translation>Cannot open the database: %1</translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <location filename="../../ui/demo_prompt.py" line="13"/>
        <source>新数据库</source>
        <translation>New database</translation>
    </message>
    <message>
        <location filename="../../ui/demo_prompt.py" line="14"/>
        <source>这是一个新建的空数据库。

是否载入演示数据（汨罗市：15个镇、179个村（社区）、4027家监管对象）以便熟悉程序？

正式使用时请选“否”，再通过“导入Excel”导入本单位的企业名录。</source>
        <translation>This is a new, empty database.

Load the demo data (Miluo: 15 towns, 179 villages (communities), 4,027 supervised enterprises) to get to know the program?

For real use choose &quot;No&quot;, then import your office&apos;s enterprise list with &quot;Import Excel&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/demo_prompt.py" line="23"/>
        <source>正在生成演示数据…</source>
        <translation>Generating demo data…</translation>
    </message>
    <message>
        <location filename="../../ui/demo_prompt.py" line="22"/>
        <source>演示数据</source>
        <translation>Demo data</translation>
    </message>
</context>
<context>
    <name>enums</name>
    <message>
        <location filename="../../ui/_enum_marks.py" line="6"/>
        <source>现场检查记录</source>
        <translation>On-site inspection record</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="7"/>
        <source>责令限期整改指令书</source>
        <translation>Rectification order</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="8"/>
        <source>整改复查意见书</source>
        <translation>Re-inspection opinion</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="9"/>
        <source>现场处理措施决定书</source>
        <translation>On-site handling decision</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="10"/>
        <source>查封扣押决定书</source>
        <translation>Seal-and-seize decision</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="11"/>
        <source>未检查</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="12"/>
        <source>准予准入</source>
        <translation>Entry granted</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="13"/>
        <source>整改后复查</source>
        <translation>Re-inspect after rectification</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="14"/>
        <source>不予准入（关停）</source>
        <translation>Entry refused (shut down)</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="15"/>
        <source>待整改</source>
        <translation>To be rectified</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="16"/>
        <source>整改中</source>
        <translation>Being rectified</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="17"/>
        <source>待复查</source>
        <translation>Awaiting re-inspection</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="18"/>
        <source>已销号</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="19"/>
        <source>符合</source>
        <translation>Compliant</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="20"/>
        <source>不符合</source>
        <translation>Non-compliant</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="21"/>
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="22"/>
        <source>在库</source>
        <translation>In the pool</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="23"/>
        <source>暂停</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="24"/>
        <source>解聘</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="25"/>
        <source>已整改</source>
        <translation>Rectified</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="26"/>
        <source>部分整改</source>
        <translation>Partly rectified</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="27"/>
        <source>未整改</source>
        <translation>Not rectified</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="28"/>
        <source>红（重大风险）</source>
        <translation>Red (major risk)</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="29"/>
        <source>橙（较大风险）</source>
        <translation>Orange (high risk)</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="30"/>
        <source>黄（一般风险）</source>
        <translation>Yellow (general risk)</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="31"/>
        <source>蓝（低风险）</source>
        <translation>Blue (low risk)</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="32"/>
        <source>红</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="33"/>
        <source>橙</source>
        <translatorcomment>Short on purpose: shown after the colour dot in the 64-px Risk column of the enterprise list.</translatorcomment>
        <translation>Ora.</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="34"/>
        <source>黄</source>
        <translatorcomment>Short on purpose: shown after the colour dot in the 64-px Risk column of the enterprise list.</translatorcomment>
        <translation>Yel.</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="35"/>
        <source>蓝</source>
        <translation>Blue</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="36"/>
        <source>一般</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="37"/>
        <source>重大</source>
        <translation>Major</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="38"/>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="39"/>
        <source>停产整顿</source>
        <translatorcomment>Glossary term; longer than the 96-px Status column of the list (elided there, full in the tooltip).</translatorcomment>
        <translation>Suspended for rectification</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="40"/>
        <source>暂时停产停业</source>
        <translatorcomment>Short on purpose: fits the 96-px Status column of the enterprise list.</translatorcomment>
        <translation>Temp. halted</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="41"/>
        <source>关闭取缔</source>
        <translation>Closed down</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="42"/>
        <source>已注销</source>
        <translation>Deregistered</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="43"/>
        <source>检查+专家</source>
        <translation>Inspection + expert</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="44"/>
        <source>执法+专家</source>
        <translation>Enforcement + expert</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="45"/>
        <source>樟脑油准入检查</source>
        <translation>Camphor oil entry check</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="46"/>
        <source>复查</source>
        <translation>Re-inspection</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="47"/>
        <source>专项检查</source>
        <translation>Special inspection</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="48"/>
        <source>计划中</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="49"/>
        <source>已排定</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="50"/>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="51"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="52"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="53"/>
        <source>危险化学品</source>
        <translatorcomment>Short on purpose: sector names must fit the 96-px Sector column of the enterprise list (about 80 px of text).</translatorcomment>
        <translation>Haz. chem.</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="54"/>
        <source>烟花爆竹</source>
        <translation>Fireworks</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="55"/>
        <source>非煤矿山</source>
        <translatorcomment>Short on purpose: sector names must fit the 96-px Sector column of the enterprise list (about 80 px of text).</translatorcomment>
        <translation>Mines</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="56"/>
        <source>成品油</source>
        <translation>Refined oil</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="57"/>
        <source>樟脑油</source>
        <translation>Camphor oil</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="58"/>
        <source>冶金</source>
        <translation>Metallurgy</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="59"/>
        <source>有色</source>
        <translatorcomment>Short on purpose: sector names must fit the 96-px Sector column of the enterprise list (about 80 px of text).</translatorcomment>
        <translation>Non-ferrous</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="60"/>
        <source>建材</source>
        <translatorcomment>Short on purpose: sector names must fit the 96-px Sector column of the enterprise list (about 80 px of text).</translatorcomment>
        <translation>Building mat.</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="61"/>
        <source>机械</source>
        <translation>Machinery</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="62"/>
        <source>轻工</source>
        <translation>Light industry</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="63"/>
        <source>纺织</source>
        <translation>Textiles</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="64"/>
        <source>烟草</source>
        <translation>Tobacco</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="65"/>
        <source>商贸</source>
        <translation>Trade</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="66"/>
        <source>粉尘涉爆</source>
        <translatorcomment>Short on purpose: sector names must fit the 96-px Sector column of the enterprise list (about 80 px of text).</translatorcomment>
        <translation>Expl. dust</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="67"/>
        <source>涉氨制冷</source>
        <translatorcomment>Short on purpose: sector names must fit the 96-px Sector column of the enterprise list (about 80 px of text).</translatorcomment>
        <translation>NH3 refrig.</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="68"/>
        <source>建筑施工</source>
        <translation>Construction</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="69"/>
        <source>交通运输</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="70"/>
        <source>人员密集场所</source>
        <translatorcomment>Short on purpose: sector names must fit the 96-px Sector column of the enterprise list (about 80 px of text).</translatorcomment>
        <translation>Public venues</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="71"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="72"/>
        <source>安全管理</source>
        <translation>Safety management</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="73"/>
        <source>人员资质</source>
        <translation>Staff qualifications</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="74"/>
        <source>设备设施</source>
        <translation>Equipment and facilities</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="75"/>
        <source>电气安全</source>
        <translation>Electrical safety</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="76"/>
        <source>特种设备</source>
        <translation>Special equipment</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="77"/>
        <source>消防安全</source>
        <translation>Fire safety</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="78"/>
        <source>危化品储存使用</source>
        <translation>Hazardous chemicals storage and use</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="79"/>
        <source>粉尘防爆</source>
        <translation>Dust explosion prevention</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="80"/>
        <source>有限空间</source>
        <translation>Confined spaces</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="81"/>
        <source>特殊作业</source>
        <translation>Special operations</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="82"/>
        <source>作业环境</source>
        <translation>Work environment</translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="83"/>
        <source>应急管理</source>
        <translation>Emergency management</translation>
    </message>
</context>
<context>
    <name>rectification</name>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="57"/>
        <source>发现隐患</source>
        <translation>Hazard found</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="58"/>
        <source>立即整改，现场销号</source>
        <translation>Rectified and closed on the spot</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="59"/>
        <source>状态变更</source>
        <translation>Status changed</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="60"/>
        <source>报告整改进展</source>
        <translation>Progress reported</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="61"/>
        <source>报告整改完成，申请复查</source>
        <translation>Rectification reported finished, re-inspection requested</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="62"/>
        <source>申请延期</source>
        <translation>Extension requested</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="63"/>
        <source>同意延期</source>
        <translation>Extension granted</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="64"/>
        <source>不同意延期</source>
        <translation>Extension refused</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="65"/>
        <source>延期申请撤销</source>
        <translation>Extension request withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="66"/>
        <source>安排复查</source>
        <translation>Re-inspection scheduled</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="67"/>
        <source>复查：已整改</source>
        <translation>Re-inspection: rectified</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="68"/>
        <source>复查：部分整改</source>
        <translation>Re-inspection: partly rectified</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="69"/>
        <source>复查：未整改</source>
        <translation>Re-inspection: not rectified</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="70"/>
        <source>补充整改证据</source>
        <translation>Evidence added</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="71"/>
        <source>整改方案</source>
        <translation>Remediation plan</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="72"/>
        <source>挂牌督办</source>
        <translation>Listed for supervision</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="73"/>
        <source>解除督办</source>
        <translation>Supervision ended</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="74"/>
        <source>销号</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="77"/>
        <source>治理的目标和任务</source>
        <translation>Objectives and tasks</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="78"/>
        <source>采取的方法和措施</source>
        <translation>Methods and measures</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="79"/>
        <source>经费和物资的落实</source>
        <translation>Funds and materials</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="80"/>
        <source>负责治理的机构和人员</source>
        <translation>Responsible organisation and staff</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="81"/>
        <source>治理的时限和要求</source>
        <translation>Time limits and requirements</translation>
    </message>
    <message>
        <location filename="../../ui/hazard_dialog.py" line="82"/>
        <source>安全措施和应急预案</source>
        <translation>Safety measures and emergency plan</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <location filename="../../ui/tasks.py" line="95"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/tasks.py" line="151"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
</TS>
