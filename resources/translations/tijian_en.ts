<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>ArchivePage</name>
    <message>
        <location filename="../../ui/archive_page.py" line="84"/>
        <source>编辑档案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="98"/>
        <source>基本信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="100"/>
        <source>证照名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="100"/>
        <source>编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="100"/>
        <source>发证机关</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="100"/>
        <source>有效期起</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="101"/>
        <source>有效期止</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="101"/>
        <location filename="../../ui/archive_page.py" line="103"/>
        <location filename="../../ui/archive_page.py" line="168"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="102"/>
        <source>证照</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="103"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="103"/>
        <source>职务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="103"/>
        <source>电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="104"/>
        <source>联系人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="105"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="105"/>
        <source>原状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="105"/>
        <source>新状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="105"/>
        <source>原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="105"/>
        <source>操作人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="106"/>
        <source>状态历史</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="120"/>
        <source>添加</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="122"/>
        <source>删除所选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="148"/>
        <source>高危企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="150"/>
        <source>园区企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="158"/>
        <source>统一社会信用代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="158"/>
        <source>行业领域</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="159"/>
        <source>所属镇</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="159"/>
        <source>所属村（社区）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="160"/>
        <source>地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="160"/>
        <source>风险等级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="160"/>
        <source>未评级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="161"/>
        <source>法定代表人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="161"/>
        <source>法定代表人电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="162"/>
        <source>安全负责人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="162"/>
        <source>安全负责人电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="163"/>
        <source>从业人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="164"/>
        <source>成立日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="165"/>
        <source>主要产品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="165"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="166"/>
        <source>建档时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="167"/>
        <source>最后修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="209"/>
        <location filename="../../ui/archive_page.py" line="228"/>
        <source>未保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="215"/>
        <source>删除证照</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="215"/>
        <source>确定删除所选证照记录吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="234"/>
        <source>删除联系人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="234"/>
        <source>确定删除所选联系人吗？</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../ui/archive_page.py" line="282"/>
        <source>添加联系人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="287"/>
        <source>姓名 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="288"/>
        <source>职务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="289"/>
        <source>电话</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnterpriseDialog</name>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="47"/>
        <source>新建企业档案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="47"/>
        <source>编辑企业档案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="72"/>
        <source>18位，如 91430681MA4L00001N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="80"/>
        <source>未评级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="83"/>
        <source>高危企业（双重预防机制）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="84"/>
        <source>高新区（园区）企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="89"/>
        <source>变更状态时必填</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="96"/>
        <source>未填</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="113"/>
        <source>基本信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="116"/>
        <source>单位名称 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="117"/>
        <source>统一社会信用代码 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="118"/>
        <source>行业领域 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="119"/>
        <source>所属镇 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="120"/>
        <source>所属村（社区）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="121"/>
        <source>地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="122"/>
        <source>风险等级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="125"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="126"/>
        <source>变更原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="127"/>
        <source>成立日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="133"/>
        <source>负责人与规模</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="136"/>
        <source>法定代表人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="137"/>
        <source>法定代表人电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="138"/>
        <source>主要产品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="139"/>
        <source>安全负责人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="140"/>
        <source>安全负责人电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="141"/>
        <source>从业人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="146"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="149"/>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="150"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="176"/>
        <source>（请选择）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="214"/>
        <source>（未指定）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialog.py" line="279"/>
        <source>未保存</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnterpriseTableModel</name>
    <message>
        <location filename="../../ui/registry_model.py" line="59"/>
        <source>单位名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_model.py" line="60"/>
        <source>统一社会信用代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_model.py" line="61"/>
        <source>所属镇</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_model.py" line="62"/>
        <source>村（社区）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_model.py" line="63"/>
        <source>行业领域</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_model.py" line="64"/>
        <source>风险</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_model.py" line="65"/>
        <source>高危</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_model.py" line="66"/>
        <source>园区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_model.py" line="67"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_model.py" line="68"/>
        <source>地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_model.py" line="69"/>
        <source>法定代表人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_model.py" line="70"/>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_model.py" line="171"/>
        <source>是</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LicenceDialog</name>
    <message>
        <location filename="../../ui/archive_page.py" line="255"/>
        <source>添加证照</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="262"/>
        <source>证照名称 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="263"/>
        <source>编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="264"/>
        <source>发证机关</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="265"/>
        <source>有效期起</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="266"/>
        <source>有效期止</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="21"/>
        <source>安全体检 — 汨罗市应急管理局</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="41"/>
        <source>企业档案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="55"/>
        <source>数据库：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../../ui/widgets.py" line="39"/>
        <source>未填</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistryList</name>
    <message>
        <location filename="../../ui/registry_page.py" line="45"/>
        <source>搜索：单位名称、信用代码、地址、法定代表人或拼音首字母（Ctrl+F）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="47"/>
        <source>新建(&amp;N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="48"/>
        <source>打开档案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="49"/>
        <source>导入Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="50"/>
        <source>导出Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="63"/>
        <source>清除筛选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="128"/>
        <source>全部镇</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="133"/>
        <source>全部行业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="137"/>
        <source>全部风险等级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="140"/>
        <source>未评级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="142"/>
        <source>高危：全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="143"/>
        <source>仅高危企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="144"/>
        <source>非高危企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="146"/>
        <source>园区：全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="147"/>
        <source>仅园区企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="148"/>
        <source>非园区企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="150"/>
        <source>全部状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/registry_page.py" line="158"/>
        <source>全部村（社区）</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/registry_page.py" line="198"/>
        <source>共 %n 家</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegistryPage</name>
    <message>
        <location filename="../../ui/registry_page.py" line="215"/>
        <source>企业名录</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_SmallForm</name>
    <message>
        <location filename="../../ui/archive_page.py" line="243"/>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/archive_page.py" line="244"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>alerts</name>
    <message>
        <location filename="../../ui/alerts.py" line="13"/>
        <source>复制详情</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../desktop/app.py" line="45"/>
        <source>程序错误</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="46"/>
        <source>程序遇到意外错误，刚才的操作可能未完成。详情已写入日志文件；请点“复制详情”后发给维护人员。

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <location filename="../../ui/demo_prompt.py" line="13"/>
        <source>新数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/demo_prompt.py" line="14"/>
        <source>这是一个新建的空数据库。

是否载入演示数据（汨罗市：15个镇、179个村（社区）、4027家监管对象）以便熟悉程序？

正式使用时请选“否”，再通过“导入Excel”导入本单位的企业名录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/demo_prompt.py" line="19"/>
        <source>正在生成演示数据…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/demo_prompt.py" line="20"/>
        <source>演示数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/demo_prompt.py" line="29"/>
        <source>正在生成演示数据：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>enums</name>
    <message>
        <location filename="../../ui/_enum_marks.py" line="6"/>
        <source>现场检查记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="7"/>
        <source>责令限期整改指令书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="8"/>
        <source>整改复查意见书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="9"/>
        <source>现场处理措施决定书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="10"/>
        <source>查封扣押决定书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="11"/>
        <source>未检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="12"/>
        <source>准予准入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="13"/>
        <source>整改后复查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="14"/>
        <source>不予准入（关停）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="15"/>
        <source>待整改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="16"/>
        <source>整改中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="17"/>
        <source>待复查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="18"/>
        <source>已销号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="19"/>
        <source>在库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="20"/>
        <source>暂停</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="21"/>
        <source>解聘</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="22"/>
        <source>红（重大风险）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="23"/>
        <source>橙（较大风险）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="24"/>
        <source>黄（一般风险）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="25"/>
        <source>蓝（低风险）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="26"/>
        <source>红</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="27"/>
        <source>橙</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="28"/>
        <source>黄</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="29"/>
        <source>蓝</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="30"/>
        <source>一般</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="31"/>
        <source>重大</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="32"/>
        <source>正常</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="33"/>
        <source>停产整顿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="34"/>
        <source>暂时停产停业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="35"/>
        <source>关闭取缔</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="36"/>
        <source>已注销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="37"/>
        <source>检查+专家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="38"/>
        <source>执法+专家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="39"/>
        <source>樟脑油准入检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="40"/>
        <source>复查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="41"/>
        <source>专项检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="42"/>
        <source>计划中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="43"/>
        <source>已排定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="44"/>
        <source>进行中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="45"/>
        <source>已完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="46"/>
        <source>已取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="47"/>
        <source>危险化学品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="48"/>
        <source>烟花爆竹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="49"/>
        <source>非煤矿山</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="50"/>
        <source>成品油</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="51"/>
        <source>樟脑油</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="52"/>
        <source>冶金</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="53"/>
        <source>有色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="54"/>
        <source>建材</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="55"/>
        <source>机械</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="56"/>
        <source>轻工</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="57"/>
        <source>纺织</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="58"/>
        <source>烟草</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="59"/>
        <source>商贸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="60"/>
        <source>粉尘涉爆</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="61"/>
        <source>涉氨制冷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="62"/>
        <source>建筑施工</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="63"/>
        <source>交通运输</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="64"/>
        <source>人员密集场所</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/_enum_marks.py" line="65"/>
        <source>其他</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
