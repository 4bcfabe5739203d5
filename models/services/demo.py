"""Synthetic demo data shaped by the seed figures (domain notes: figures.md, camphor-oil.md, experts.md).

``generate(factory)`` fills an empty, migrated database with one believable county: Miluo's 15 towns and 179
villages/communities (each with a grassroots informant), 4,027 supervised enterprises (214 high-risk, 156 in the
high-tech park, 23 camphor-oil firms of which 12 were refused entry and closed), their licences, contacts and status
history, 15 enforcement officers from 9 departments, 14 experts with their fields, and 10 safety supervisors.
Then the visits (检查排期): the 23 camphor-oil entry checks (2022, just before each firm's verdict in its status
history), a year of "检查+专家" / "执法+专家" visits ending yesterday with exactly 90 expert person-times on done visits
(the entry checks included), some 复查 and cancelled visits, a few planned ones in the next two weeks; ratings and
remarks, a few refused assignments, expert leave, recusals (回避) and last year's grades. The planner keeps the
scheduling rules: 2–3 officers per visit, nobody double-booked on a half-day, nobody on leave or outside the term,
experts only at firms whose sector their fields cover and never at a firm they are recused from; 1–3 firms of one
town per visit. The first three experts in the pool's list order joined this year (no grade, leave or recusal).

Then what was recorded on site (现场检查), for every firm of every done visit with an expert, as the inspection
screen would have written it: the visit's checklists (the shipped templates, loaded with ``checklists.sync_builtin``;
the ones ``checklists.suggested_for`` gives for the visit's kind and its firms' sectors), every item of the firm's
checklists judged 符合 / 不适用 / 不符合 by the lead expert, and exactly 578 hazards (the seed figure) — a hazard per
不符合 item, pre-filled from the item as ``inspection.set_outcome`` does, and about a quarter from the hazard library
(``hazard_library.sync_builtin``; its use counts go up), 4 % of them major (major-criterion items, major entries),
6 % rectified on the spot; the rest closed after re-inspection before today, except some of the last six weeks'
(in progress, awaiting review, pending — a few past their deadline). Each has its events (found, then
rectified_on_site / status / closed). Done firms get a recorder, a summary that tells their hazards, and the 复查
visits a short text. The 23 camphor-oil entry checks are judged on the camphor_entry template item by item (the 12
refused fail two or more items, the ones to recheck some, the admitted none), with the halt decision, the evidence
and the entry history: 未检查 on the May 2022 halt, then the verdict (as ``camphor.set_initial_status`` and
``camphor.record_verdict`` write them).

Scale ``"large"`` keeps the proportions at 50,000 enterprises (towns and villages stay 15/179), with 200 experts,
60 officers and 20,000 past visits over five years, and 100,000 hazards (the issue's figure: about 3 per firm
visited instead of the seed's 5). Only the last year's visits (and the camphor-oil checks) have checklists and
results item by item (~350,000 rows); the four years before are "from the paper ledger": the same hazards, with the
items' words but no link to a checklist item (all five years item by item would be 1.7 million result rows, a 1 GB
file and four times the generation time).

Unlike the other services, this is a long job run from the CLI or a worker thread, so it takes the session *factory*
and **commits itself**: one transaction for regions and people (and the shipped checklists and hazard library),
then one per chunk of enterprises (with their licences, contacts and status history), one for leave, recusals and
grades, one per chunk of visit rows (visits, firms, teams, checklists), one per 400 firms visited for their results,
hazards, events and entry history, then one for the library's use counts and an audit entry. A failure part-way
leaves the chunks already committed; the database is then no longer empty and must be recreated before another
attempt. ``progress(done, total, "企业")`` is called before the first chunk and after each one (every 1,000
enterprises), then ``progress(done, total, "检查")`` for the visit rows (every 5,000), then ``progress(done, total,
"隐患")`` counting hazards; an exception raised from it stops the job the same way (a worker can cancel like that).

Determinism: everything comes from ``random.Random(seed)`` (UUIDs too), so the same scale and seed give the same
rows — except the checklist templates, their items and the library entries, which ``checklists.sync_builtin`` and
``hazard_library.sync_builtin`` create with ids and times of their own (results and hazards point at the same items
by code, revision and number). The other exceptions are the fields that only make sense relative to the day the
data is made, computed from ``today`` (default ``date.today()``; pass it to pin them): officers' certificate expiry
(some within 30 days), licence validity (some expired, some expiring soon), the experts' term of engagement, the
visits of the last year (five at "large"), their leave and recusals and last year's grades, and which hazards are
still open. History (establishment dates, the 2023 survey, status changes, the May 2022 camphor-oil halt) is fixed
in the past, and ``created_at`` / ``updated_at`` are those historical times, not the time of generation. Only the
audit entries (and the loaded templates and library) carry the real time.

Rows are written with Core bulk inserts; the columns' Python-side defaults do not apply there, so every column
(``created_at``, ``updated_at``, ``version``) is filled here.
"""

from __future__ import annotations

import bisect
import itertools
import math
import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from models import uscc as uscc_mod
from models.base import utcnow
from models.entities import (
    AuditEntry,
    ChecklistResult,
    Enterprise,
    EnterpriseContact,
    EnterpriseLicence,
    EnterpriseStatusChange,
    EntryStatusChange,
    Expert,
    ExpertAssessment,
    ExpertRecusal,
    ExpertSpecialty,
    Hazard,
    HazardLibraryEntry,
    Officer,
    RectificationEvent,
    Specialty,
    Supervisor,
    Town,
    Unavailability,
    Village,
    Visit,
    VisitChecklist,
    VisitMember,
    VisitStop,
)
from models.enums import (
    EnterpriseStatus,
    EntryStatus,
    HazardStatus,
    MemberRole,
    Outcome,
    PersonStatus,
    RiskLevel,
    Severity,
    VisitKind,
    VisitStatus,
)
from models.services import checklists, hazard_library, settings
from models.services.checklists import ItemData, TemplateData
from models.services.errors import ServiceError
from models.services.hazard_library import LibraryEntry
from models.services.settings import DEFAULTS as SETTING_DEFAULTS
from models.text import initials, pinyin_keys, search_key

Progress = Callable[[int, int, str], None]

ACTOR = "演示数据"
REGION = "430681"  # 汨罗市 administrative division code
CHUNK = 1000  # enterprises per transaction

# ------------------------------------------------------------------------------------------------ figures

SEED_ENTERPRISES = 4027
SEED_HIGH_RISK = 214
SEED_IN_PARK = 156
SEED_CAMPHOR = 23
SEED_CAMPHOR_REFUSED = 12
SCALES = {"seed": SEED_ENTERPRISES, "large": 50_000}

# Sector mix of the seed scale (sums to 4,027); "large" keeps these proportions.
SEED_SECTORS: dict[str, int] = {
    "商贸": 900,
    "人员密集场所": 700,
    "轻工": 520,
    "机械": 380,
    "建材": 330,
    "粉尘涉爆": 160,
    "有色": 150,
    "建筑施工": 150,
    "交通运输": 140,
    "其他": 134,
    "纺织": 110,
    "成品油": 85,
    "危险化学品": 70,
    "冶金": 60,
    "烟花爆竹": 60,
    "涉氨制冷": 25,
    "樟脑油": SEED_CAMPHOR,
    "非煤矿山": 18,
    "烟草": 12,
}

TOWNS: tuple[str, ...] = (
    "归义镇", "新市镇", "古培镇", "白水镇", "三江镇", "弼时镇", "罗江镇", "神鼎山镇",
    "长乐镇", "大荆镇", "桃林寺镇", "川山坪镇", "黄柏镇", "屈子祠镇", "汨罗镇",
)
# Villages + communities per town (179 in all); 归义镇 is the city seat.
VILLAGES_PER_TOWN = (18, 12, 10, 11, 13, 12, 13, 12, 12, 13, 11, 11, 10, 10, 11)
GUIYI_COMMUNITIES = ("上马社区", "城郊社区", "车站社区", "大桥社区", "南门社区", "汨东社区")
FIXED_VILLAGES = {"神鼎山镇": ("新龙村",)}
PARK_TOWNS = ("归义镇", "新市镇")  # 汨罗高新技术产业开发区 (industrial park and recycling-economy park)
HILL_TOWNS = ("白水镇", "三江镇", "神鼎山镇", "长乐镇", "大荆镇", "桃林寺镇", "川山坪镇")
TOWN_WEIGHTS = (3.0, 1.6, 0.8, 1.0, 0.9, 1.0, 1.0, 0.8, 1.0, 0.9, 0.9, 0.8, 0.7, 0.8, 0.8)

_VILLAGE_STEMS = (
    "桃花 长岭 白塘 新塘 松柏 双楼 花桥 金龙 八景 河市 杨林 荷叶 青山 石桥 枫树 红花 大塘 向阳 东山 西湖 南岭 北港 "
    "新华 友谊 光明 团结 和平 建设 胜利 前进 幸福 永安 太平 天井 玉池 凤形 龙头 狮山 马鞍 牌楼 黄金 白沙 清水 芙蓉 "
    "金星 银星 红星 长安 荷花 梅花 竹林 茶园 柳庄 桑园 栗山 樟树 桂花 兰田 丰收 晓阳 沙塘 碧山 瓦屋 槐树 杉木 石坪 "
    "谷山 秀山 福田 云峰 凤凰 麻塘 柏树 港口 渡头 洲上 湾里 古城 楚塘 高桥 李家 何家 陈家 刘家 周家 彭家 黎家 范家 "
    "易家 许家 邓家 吴家 钟家 熊家 任家 姚家 廖家 毛家 段家 喻家 湛家 沈家 谭家 邹家 卢家 合丰 新建 新河 新桥 新胜 "
    "新阳 新田 新坪 新安 新铺 江背 石仑 黄市 大坪 大桥 小塘 中洲 上塘 下湾 横铺 桥头 塘坊 庙前 泉水 井冲 岭下 山塘 "
    "冲里 畈上 园艺 茶山 杨梅 板桥 长塘 长冲 高坪 白羊 青龙 白鹤 金鸡 凤山 龙湾 虎形 象鼻 鸭塘 鱼塘 车田 石门 玉华 "
    "玉山 锦江 明星 曙光 红旗 先锋 联合 民主 立新 永红 永丰 永兴 双江 三合 四合 五星 六合 七星 八一 九龙 十里"
).split()
_GEOGRAPHY_SEED = 20_230_301  # village names are the same county for every seed

CITY_ROADS = ("屈原中路", "屈原北路", "屈原南路", "罗城路", "人民路", "建设路", "新华路", "汨罗江大道", "龙舟路",
              "友谊路", "德政路", "天问大道", "白沙路", "金龙大道", "瑞龙路")
TOWN_STREETS = ("正街", "老街", "新街", "大道", "中路")
PARK_ROADS = ("循环经济大道", "再生路", "兴园路", "科创路", "工业大道", "城南大道", "新材料路", "高新大道")

# ------------------------------------------------------------------------------------------------ names

_SURNAMES = ("李李李刘刘刘陈陈陈张张王王黄黄彭彭易易罗罗周周杨吴徐孙胡朱高林何郭黎许邓钟任姚湛喻汤谭谭邹袁熊廖余曾"
             "傅文唐蒋龚肖沈卢蔡丁魏叶潘杜戴夏汪田方石姜范金")
_GIVEN = ("建国华明伟军平勇强志红林辉芳丽英敏杰斌涛波峰娟霞俊文海云春秋德湘兵亮刚宏超燕玲萍卫东新良松金友清桂兰梅"
          "凤秀珍玉香琴利民生福贵荣昌胜光进雄杰鹏飞婷静慧琳")
_BRAND_A = "鑫恒华宏金泰永兴利丰盛达顺安隆福瑞祥和源通鸿新嘉德昌富旺荣鼎益天宇龙凯博锦诚信佳康明宝汇正中湘楚聚创亿万众长云春海大美"
_BRAND_B = "盛达兴隆源昌泰丰发利顺通华康祥瑞鑫旺成安宇辉晟邦诚信和润泽远航恒运强力群业鼎汇合明光美佳峰林森山阳星"
_MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
                    "156", "157", "158", "159", "166", "173", "177", "180", "181", "182", "183", "185", "186", "187",
                    "188", "189", "191", "198", "199")

# (industry word, ((suffix, registration kind, weight), …), main products); kind: co 企业 / ind 个体工商户 / coop 合作社
_Template = tuple[str, tuple[tuple[str, str, float], ...], tuple[str, ...]]
_CO = (("有限公司", "co", 1.0),)
TEMPLATES: dict[str, tuple[_Template, ...]] = {
    "危险化学品": (
        ("化工", (("有限公司", "co", 3), ("有限责任公司", "co", 1)), ("工业盐酸", "液碱", "甲醇", "乙酸乙酯", "硫酸")),
        ("气体", _CO, ("工业氧气", "医用氧气", "溶解乙炔", "液氮", "二氧化碳")),
        ("化工贸易", _CO, ("油漆、稀释剂批发", "化学试剂经营", "工业酒精经营")),
        ("燃气", _CO, ("液化石油气充装", "瓶装液化石油气经营")),
        ("液化气", (("供应站", "co", 1),), ("瓶装液化石油气零售",)),
        ("涂料", _CO, ("水性涂料", "溶剂型涂料", "防腐涂料")),
    ),
    "烟花爆竹": (
        ("烟花爆竹", (("批发有限公司", "co", 1), ("经营部", "ind", 2), ("零售店", "ind", 3)),
         ("烟花爆竹零售", "烟花爆竹批发", "礼花弹、组合烟花")),
    ),
    "非煤矿山": (
        ("石业", _CO, ("建筑石料", "碎石", "机制砂")),
        ("矿业", _CO, ("花岗岩荒料", "高岭土", "建筑石料")),
        ("采石", (("场", "co", 1),), ("建筑石料", "片石")),
        ("砂石", _CO, ("河砂", "机制砂", "碎石")),
    ),
    "成品油": (
        ("", (("加油站", "co", 3),), ("汽油、柴油零售",)),
        ("石油", (("有限公司", "co", 1), ("加油站", "co", 1)), ("汽油、柴油零售", "柴油批发")),
        ("能源", _CO, ("柴油批发", "汽油、柴油零售")),
    ),
    "樟脑油": (
        ("林产化工", _CO, ("樟脑油", "天然樟脑", "芳樟醇")),
        ("樟脑油", (("厂", "co", 1),), ("樟脑油", "樟脑粉")),
    ),
    "冶金": (
        ("铸造", (("有限公司", "co", 2), ("厂", "co", 1)), ("铸铁件", "铸钢件", "球墨铸铁管件")),
        ("钢结构", _CO, ("钢结构件", "彩钢板")),
        ("金属制品", _CO, ("金属结构件", "钢管", "紧固件")),
    ),
    "有色": (
        ("再生资源", _CO, ("再生铝锭", "再生铜", "废旧金属回收加工")),
        ("有色金属", _CO, ("铝合金锭", "铜杆", "锌合金")),
        ("铝业", _CO, ("铝型材", "再生铝锭")),
        ("铜业", _CO, ("铜杆", "电线铜材", "黄铜棒")),
        ("废旧物资回收", (("有限公司", "co", 1), ("站", "ind", 1)), ("废旧金属回收", "废旧电瓶回收")),
    ),
    "建材": (
        ("新型建材", _CO, ("蒸压加气混凝土砌块", "新型墙体材料")),
        ("混凝土", _CO, ("商品混凝土", "预拌砂浆")),
        ("机砖", (("厂", "co", 1),), ("页岩砖", "煤矸石烧结砖")),
        ("水泥制品", (("有限公司", "co", 1), ("厂", "co", 1)), ("水泥管", "预制构件", "水泥砖")),
        ("石材", (("有限公司", "co", 1), ("加工厂", "ind", 1)), ("花岗岩板材", "大理石板材")),
        ("陶瓷", _CO, ("建筑陶瓷", "日用陶瓷")),
    ),
    "机械": (
        ("机械", (("有限公司", "co", 2), ("制造有限公司", "co", 1), ("厂", "co", 1)), ("农业机械", "机械配件", "非标设备")),
        ("机电设备", _CO, ("电机", "水泵", "机电设备安装")),
        ("汽车零部件", _CO, ("汽车零部件", "刹车片", "散热器")),
        ("农机", (("有限公司", "co", 1), ("修理厂", "ind", 1)), ("收割机配件", "农机维修")),
        ("精密机械", _CO, ("精密零件", "数控加工件")),
        ("电气", _CO, ("高低压配电柜", "电缆桥架")),
    ),
    "轻工": (
        ("食品", (("有限公司", "co", 2), ("加工厂", "ind", 1)), ("粽子", "酱菜", "米粉", "糕点")),
        ("纸业", _CO, ("瓦楞纸箱", "生活用纸")),
        ("印刷包装", _CO, ("包装印刷", "彩印纸盒")),
        ("家具", (("有限公司", "co", 1), ("厂", "co", 1)), ("实木家具", "板式家具")),
        ("竹木制品", (("厂", "co", 1), ("有限公司", "co", 1)), ("竹凉席", "竹筷", "木制品")),
        ("塑料制品", (("有限公司", "co", 1), ("厂", "co", 1)), ("塑料管材", "编织袋", "塑料薄膜")),
        ("酒业", _CO, ("甜酒", "白酒")),
        ("茶业", _CO, ("绿茶", "黑茶")),
        ("米粉", (("加工厂", "ind", 1),), ("湿米粉", "干米粉")),
        ("豆制品", (("加工坊", "ind", 1),), ("豆腐", "豆干")),
    ),
    "纺织": (
        ("纺织", _CO, ("棉纱", "坯布")),
        ("服饰", _CO, ("服装", "工装")),
        ("制衣", (("厂", "co", 1),), ("服装加工",)),
        ("鞋业", _CO, ("胶鞋", "劳保鞋")),
        ("家纺", _CO, ("床上用品", "毛巾")),
    ),
    "烟草": (
        ("烟酒", (("商行", "ind", 2),), ("卷烟零售", "卷烟、酒类零售")),
        ("烟叶", (("收购站", "co", 1),), ("烟叶收购", "烟叶仓储")),
    ),
    "商贸": (
        ("", (("超市", "ind", 4), ("购物中心", "co", 1)), ("日用百货零售", "食品、日用品零售")),
        ("商贸", _CO, ("日用百货批发", "建材、五金批发")),
        ("五金", (("店", "ind", 2), ("商行", "ind", 1)), ("五金交电零售",)),
        ("农资", (("店", "ind", 2), ("有限公司", "co", 1)), ("化肥、种子零售", "农药、化肥零售")),
        ("建材", (("商行", "ind", 1), ("经营部", "ind", 1)), ("建材零售", "瓷砖、卫浴零售")),
        ("家电", (("商场", "co", 1), ("经营部", "ind", 1)), ("家用电器零售",)),
        ("副食", (("批发部", "ind", 1),), ("副食品批发",)),
        ("百货", (("商店", "ind", 1),), ("日用百货零售",)),
        ("汽车销售服务", _CO, ("汽车销售", "汽车维修")),
        ("物资", _CO, ("钢材、水泥批发",)),
    ),
    "粉尘涉爆": (
        ("木业", (("有限公司", "co", 2), ("加工厂", "ind", 1)), ("木板材", "木托盘", "木屑颗粒")),
        ("米业", _CO, ("大米加工",)),
        ("饲料", _CO, ("配合饲料", "浓缩饲料")),
        ("粮油", _CO, ("菜籽油", "大米", "面粉")),
        ("铝粉", _CO, ("铝粉", "铝银浆")),
    ),
    "涉氨制冷": (
        ("冷链物流", _CO, ("冷藏仓储", "冷链配送")),
        ("冷冻食品", _CO, ("速冻食品", "冻品")),
        ("水产", (("冷冻厂", "co", 1),), ("冻品水产",)),
        ("肉食品", _CO, ("冷鲜肉", "肉制品")),
    ),
    "建筑施工": (
        ("建筑工程", _CO, ("房屋建筑施工",)),
        ("建设", (("有限公司", "co", 2), ("集团有限公司", "co", 1)), ("房屋建筑施工", "市政工程施工")),
        ("路桥", (("工程有限公司", "co", 1),), ("公路工程施工", "桥梁工程施工")),
        ("装饰工程", _CO, ("建筑装饰装修",)),
        ("水利水电", (("工程有限公司", "co", 1),), ("水利工程施工",)),
    ),
    "交通运输": (
        ("运输", _CO, ("普通货物道路运输",)),
        ("物流", _CO, ("货物运输、仓储",)),
        ("客运", _CO, ("城乡客运", "班线客运")),
        ("危货运输", _CO, ("危险货物道路运输",)),
        ("出租车", _CO, ("出租客运",)),
    ),
    "人员密集场所": (
        ("", (("大酒店", "co", 2), ("宾馆", "ind", 2), ("酒楼", "ind", 1)), ("住宿", "住宿、餐饮")),
        ("酒店管理", _CO, ("住宿、餐饮", "会议服务")),
        ("", (("娱乐会所", "ind", 1), ("KTV", "ind", 1)), ("歌舞娱乐",)),
        ("", (("网咖", "ind", 1),), ("上网服务",)),
        ("", (("购物广场", "co", 1), ("商场", "co", 1)), ("商场经营",)),
        ("", (("农家乐", "ind", 1), ("餐馆", "ind", 2)), ("餐饮",)),
        ("", (("影城", "co", 1),), ("电影放映",)),
        ("", (("健身会所", "ind", 1),), ("健身服务",)),
        ("", (("养老服务中心", "co", 1),), ("养老服务",)),
    ),
    "其他": (
        ("农业开发", _CO, ("水稻种植", "蔬菜种植")),
        ("种养", (("专业合作社", "coop", 1),), ("水稻、小龙虾种养",)),
        ("生态农业", _CO, ("生态种养", "休闲农业")),
        ("科技", _CO, ("软件开发", "电子产品")),
        ("养殖", (("专业合作社", "coop", 1),), ("生猪养殖", "家禽养殖")),
        ("环保科技", _CO, ("污水处理", "固废处置")),
        ("水务", _CO, ("自来水供应",)),
    ),
}

# Relative weights for drawing the high-risk firms and the park firms among the sectors.
HIGH_RISK_WEIGHT = {"危险化学品": 60.0, "非煤矿山": 60.0, "樟脑油": 30.0, "涉氨制冷": 20.0, "成品油": 12.0,
                    "烟花爆竹": 8.0, "冶金": 10.0, "有色": 6.0, "粉尘涉爆": 6.0, "建筑施工": 0.6,
                    "交通运输": 0.6, "人员密集场所": 0.2, "机械": 0.3, "建材": 0.5, "轻工": 0.15, "纺织": 0.2}
PARK_WEIGHT = {"有色": 12.0, "危险化学品": 6.0, "冶金": 6.0, "机械": 5.0, "建材": 2.0, "轻工": 2.0, "纺织": 3.0,
               "粉尘涉爆": 2.0, "涉氨制冷": 2.0, "其他": 1.0}
URBAN_SECTORS = frozenset({"商贸", "人员密集场所", "交通运输", "建筑施工", "烟草"})

# ------------------------------------------------------------------------------------------------ people

DEPARTMENTS: tuple[tuple[str, str, int], ...] = (  # name, certificate-number code, officers
    ("汨罗市应急管理局", "23", 5),
    ("汨罗市市场监督管理局", "15", 2),
    ("汨罗市公安局", "05", 2),
    ("汨罗市消防救援大队", "31", 1),
    ("汨罗市自然资源局", "12", 1),
    ("汨罗市交通运输局", "18", 1),
    ("汨罗市住房和城乡建设局", "16", 1),
    ("汨罗市商务局", "20", 1),
    ("汨罗市林业局", "13", 1),
)
OFFICERS_EXPIRING_SOON = 3  # certificates expiring within 30 days of ``today``

# name, enterprise sectors covered, group
SPECIALTIES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("危险化学品", ("危险化学品", "成品油", "樟脑油", "烟花爆竹"), "危化组"),
    ("冶金工贸", ("冶金", "有色", "建材", "机械", "轻工", "纺织", "烟草", "商贸", "其他"), "工贸组"),
    ("粉尘涉爆", ("粉尘涉爆", "轻工", "冶金", "有色", "樟脑油"), "工贸组"),
    ("有限空间", ("轻工", "涉氨制冷", "冶金", "有色", "建材", "危险化学品", "纺织", "樟脑油"), "工贸组"),
    ("消防", ("人员密集场所", "商贸", "交通运输", "烟花爆竹", "成品油", "其他"), "综合组"),
    ("电气", ("机械", "冶金", "有色", "建材", "轻工", "纺织", "人员密集场所"), "综合组"),
    ("特种设备", ("机械", "冶金", "有色", "樟脑油", "涉氨制冷", "交通运输", "危险化学品"), "综合组"),
    ("建筑施工", ("建筑施工",), "综合组"),
    ("非煤矿山", ("非煤矿山",), "综合组"),
    ("成品油", ("成品油",), "危化组"),
    ("樟脑油/林产化工", ("樟脑油",), "危化组"),
)
N_EXPERTS = 14
# employers by an expert's first field (invented names)
EXPERT_EMPLOYERS: dict[str, tuple[str, ...]] = {
    "危险化学品": ("湖南洞庭化工设计院有限公司", "湖南岳安安全科技有限公司"),
    "冶金工贸": ("湖南汨江安全评价有限公司", "汨罗市再生资源行业协会", "湖南岳安安全科技有限公司"),
    "粉尘涉爆": ("湖南汨江安全评价有限公司", "湖南岳安安全科技有限公司"),
    "有限空间": ("湖南汨江安全评价有限公司", "岳阳市职业卫生技术服务中心"),
    "消防": ("岳阳楚天消防技术服务有限公司",),
    "电气": ("岳阳湘能电力工程有限公司",),
    "特种设备": ("岳阳市特种设备安全技术服务中心",),
    "建筑施工": ("湖南华岳建设工程检测有限公司",),
    "非煤矿山": ("湖南湘北矿山安全技术咨询有限公司",),
    "成品油": ("湖南洞庭化工设计院有限公司", "岳阳石化安全技术服务有限公司"),
    "樟脑油/林产化工": ("湖南林科林产化工研究所",),
}
EXPERT_TITLES = ("高级工程师", "高级工程师", "高级工程师", "正高级工程师", "工程师", "副教授")
N_SUPERVISORS = 10

# ------------------------------------------------------------------------------------------------ history

SURVEY_START, SURVEY_END = date(2023, 3, 1), date(2023, 9, 30)  # the pilot survey: when the firms were filed
LATER_START, LATER_END = date(2023, 10, 1), date(2025, 6, 30)  # later status changes
CAMPHOR_FILED = (date(2022, 3, 1), date(2022, 4, 30))
CAMPHOR_HALT = datetime(2022, 5, 20, 10, 0)  # all camphor-oil firms ordered to halt (May 2022)
CAMPHOR_VERDICT = (date(2022, 7, 1), date(2022, 12, 20))
ESTABLISHED = (date(1993, 1, 1), date(2022, 12, 31))
USCC_ERA = date(2015, 10, 1)  # firms registered since then got an MA… code; older ones kept their organisation code
BASE_TIME = datetime(2023, 3, 1, 9, 0)  # created_at of towns, villages and people

# ------------------------------------------------------------------------------------------------ visits

SEED_EXPERT_PERSON_TIMES = 90  # expert person-times on done visits (the seed's 安全体检 figure)
SEED_REINSPECTIONS, SEED_CANCELLED, SEED_FUTURE, SEED_REFUSALS = 10, 3, 6, 4
SEED_LEAVES, SEED_RECUSALS = 4, 8
LARGE_PAST_VISITS, LARGE_YEARS, LARGE_EXPERTS = 20_000, 5, 200
LARGE_LEAVES, LARGE_RECUSALS = 150, 300
LARGE_OFFICERS_PER_DEPT = {"汨罗市应急管理局": 20, "汨罗市市场监督管理局": 6, "汨罗市公安局": 5, "汨罗市消防救援大队": 4}
LARGE_FIELD_WEIGHTS = (20, 25, 8, 6, 10, 6, 6, 6, 3, 5, 5)  # first field of the extra experts, by SPECIALTIES
NEW_EXPERTS = 3  # the first experts in the pool's list order joined this year
VISIT_CHUNK = 5000

EXPERT_VISIT_KINDS = {VisitKind.INSPECTION_EXPERT: 58, VisitKind.ENFORCEMENT_EXPERT: 36, VisitKind.SPECIAL: 6}
HALVES = {"am": ("am",), "pm": ("pm",), "full": ("am", "pm")}
TIMES = {"am": ("08:30", "12:00"), "pm": ("14:30", "17:30"), "full": ("08:30", "17:30")}
VISIT_SECTOR_WEIGHT = {"危险化学品": 8.0, "非煤矿山": 8.0, "樟脑油": 6.0, "烟花爆竹": 5.0, "成品油": 5.0, "涉氨制冷": 5.0,
                       "粉尘涉爆": 4.0, "冶金": 4.0, "有色": 3.0, "建筑施工": 2.0, "人员密集场所": 1.0, "商贸": 0.3,
                       "其他": 0.3, "烟草": 0.3}
DEPARTMENT_SECTORS = {
    "汨罗市市场监督管理局": frozenset({"机械", "涉氨制冷", "商贸", "轻工"}),
    "汨罗市公安局": frozenset({"烟花爆竹", "危险化学品", "成品油"}),
    "汨罗市消防救援大队": frozenset({"人员密集场所", "商贸", "烟花爆竹"}),
    "汨罗市自然资源局": frozenset({"非煤矿山"}),
    "汨罗市交通运输局": frozenset({"交通运输", "成品油"}),
    "汨罗市住房和城乡建设局": frozenset({"建筑施工", "建材"}),
    "汨罗市商务局": frozenset({"成品油", "商贸"}),
    "汨罗市林业局": frozenset({"樟脑油", "粉尘涉爆"}),
}
VISIT_PURPOSES = {
    VisitKind.INSPECTION_EXPERT: "{sector}企业安全体检（检查+专家），排查事故隐患",
    VisitKind.ENFORCEMENT_EXPERT: "{sector}企业执法检查（执法+专家），专家查隐患、执法人员依法处理",
    VisitKind.SPECIAL: "{sector}专项检查",
    VisitKind.REINSPECTION: "隐患整改复查（{sector}）",
    VisitKind.CAMPHOR_ENTRY: "樟脑油企业准入检查：核查安全设施“三同时”及安全生产条件",
}
PLACES = {"": ("生产车间、仓库", "经营场所、仓库", "办公区、生产区", "配电房、车间"),
          "危险化学品": ("储罐区、装卸区", "仓库、充装间"), "成品油": ("加油区、储油罐区",),
          "樟脑油": ("蒸馏车间、储油间、木料场",), "非煤矿山": ("采场、破碎站、炸药库",),
          "人员密集场所": ("营业场所、厨房、消防控制室",), "建筑施工": ("施工现场、塔吊、脚手架",)}
SUMMARIES = ("现场检查发现一般隐患若干，已责令限期整改。", "安全管理制度基本健全，现场发现隐患已当场整改。",
             "检查发现重大事故隐患1项，已下达整改指令并跟踪督办。", "未发现明显隐患，提醒企业落实日常巡查。",
             "隐患排查台账不完善，特种作业人员持证情况需补充材料。")
ADVICE = ("建议完善隐患排查治理台账，逐项整改销号。", "建议加强员工安全培训并开展应急演练。",
          "建议对电气线路进行全面检测，更换老化线缆。", "建议完善有限空间作业审批和通风检测措施。",
          "建议按规范设置防雷防静电接地并定期检测。", "建议清理作业场所积尘，落实除尘系统点检。")
ENTRY_REASONS = {
    EntryStatus.ADMITTED.value: "安全设施“三同时”手续齐全，储油、防雷防静电、防爆电气等项目符合要求，准予恢复生产。",
    EntryStatus.RECHECK.value: "储油间防火间距不足、防静电接地检测报告缺失，整改后复查。",
    EntryStatus.REFUSED.value: "安全设施未落实“三同时”，蒸馏车间与住宅防火间距不足，不具备安全生产条件，不予准入。",
}
REFUSALS = ("单位有紧急任务，无法参加", "身体不适，请求另行安排", "出差在外，无法按时到场", "与该企业存在业务往来，主动申请回避")
RATING_REMARKS = {
    5: ("检查细致，隐患查找准确，整改建议可操作。", "专业水平高，现场讲解清楚，企业认可。"),
    4: ("检查认真，按清单逐项核查。", "隐患描述清楚，依据准确。"),
    3: ("基本完成检查任务，个别隐患依据引用不够准确。", "检查较为仓促。"),
    2: ("迟到约一小时，检查不够深入。", "隐患描述笼统，需补充依据。"),
    1: ("检查走过场，未能发现明显隐患。",),
}
LEAVE_REASONS = ("出差", "病假", "年休假", "单位项目驻场", "外出培训", "参加省专家库评审")
GRADE_REMARKS = {"优秀": ("全年参检次数多，发现隐患准确，评分靠前。", "检查质量高，多次获企业和执法人员好评。"),
                 "称职": ("能按要求完成派遣任务。", "全年完成检查任务，表现良好。"),
                 "不称职": ("多次拒绝派遣，检查质量不高。",)}
CANCEL_NOTES = ("取消原因：企业停产检修，改期另行安排。", "取消原因：暴雨红色预警，暂停外出检查。",
                "取消原因：执法人员临时抽调参加上级督查。")

# ------------------------------------------------------------------------------------------------ on-site records

SEED_HAZARDS = 578  # hazards found by experts (the seed figure), all on done expert visits
LARGE_HAZARDS = 100_000  # "about 100,000 hazards over five years" (issue 4)
MAJOR_SHARE = 0.04  # of all hazards: 重大事故隐患 (from major-criterion items or major library entries)
ON_SITE_SHARE = 0.06  # of all hazards: rectified on the spot (seed: 35; the park checks alone had "30+")
LIBRARY_SHARE = 0.25  # of the hazards outside the camphor-oil checks: from the hazard library, not a checklist item
OPEN_DAYS = 42  # only hazards found in the last six weeks may still be open (the 578 were rectified)
MAX_HAZARDS_PER_STOP = 25
RECORD_CHUNK = 400  # stops per transaction of checklist results and hazards
# "large": item-by-item results for the last year's visits (and the camphor-oil checks) only; the four years before
# come from the paper ledger (hazards, no checklist), which keeps 1.4 million result rows (~0.8 GB) out of the file
LARGE_RESULT_DAYS = 365
NOT_APPLICABLE = {False: 0.12, True: 0.5, "camphor": 0.04}  # items judged 不适用: general / sector template
HAZARD_SECTOR_WEIGHT = {"危险化学品": 1.5, "非煤矿山": 1.4, "粉尘涉爆": 1.4, "烟花爆竹": 1.3, "涉氨制冷": 1.3,
                        "冶金": 1.3, "有色": 1.3, "建筑施工": 1.3, "成品油": 1.1, "人员密集场所": 0.9, "商贸": 0.6}
CAMPHOR_TEMPLATE = "camphor_entry"
# camphor_entry items (by seq) that fail at each verdict: always, and each with a probability. Refused: 三同时 and
# the fire distances (the reasons in ENTRY_REASONS), sometimes more, rarely oil storage (a major criterion);
# recheck: the fire distances and the lightning/static report.
CAMPHOR_FAILS: dict[str, tuple[tuple[int, ...], tuple[tuple[int, float], ...]]] = {
    EntryStatus.REFUSED.value: ((2, 3), ((1, 0.35), (5, 0.35), (9, 0.35), (4, 0.15))),
    EntryStatus.RECHECK.value: ((3, 5), ((9, 0.4),)),
    EntryStatus.ADMITTED.value: ((), ()),
}
CAMPHOR_HALT_REASON = "停产停业（2022年5月全市樟脑油企业停产）"
CAMPHOR_HALT_REF = "2022年5月 汨罗市樟脑油企业停产停业决定（暂时停产停业、停止使用相关设施设备、撤离区域内人员）"
ENTRY_EVIDENCE = {
    EntryStatus.ADMITTED.value: ("安全设施设计专篇及审查意见、竣工验收报告、防雷防静电检测报告、特种作业人员操作证复印件。",
                                 "整改情况报告、储罐区防火堤及呼吸阀阻火器安装照片、防雷防静电检测报告、消防器材台账。"),
    EntryStatus.RECHECK.value: ("整改情况报告（储油间搬迁方案）、防雷防静电检测委托合同。",
                                "整改计划一份，储油间防火间距调整尚未完成，检测报告待补。"),
    EntryStatus.REFUSED.value: ("企业整改情况说明一份；未能提供安全设施设计审查和竣工验收材料。",
                                "仅提交整改承诺书，厂房与住宅防火间距无法整改。"),
}
ON_SITE_SUMMARIES = ("现场检查发现一般隐患{n}项，其中{k}项已当场整改，其余已责令限期整改。",
                     "发现隐患{n}项，{k}项当场整改完毕，其余下达整改通知、限期整改。")
PLAIN_SUMMARIES = ("现场检查发现一般隐患{n}项，已责令限期整改。", "按检查表逐项检查，发现隐患{n}项，已责令企业限期整改并报送整改情况。",
                   "发现隐患{n}项，隐患排查台账不完善，特种作业人员持证情况需补充材料。")
MAJOR_SUMMARIES = ("检查发现事故隐患{n}项，其中重大事故隐患{m}项，已下达整改指令并跟踪督办。",)
CLEAN_SUMMARIES = ("未发现明显隐患，提醒企业落实日常巡查。", "安全管理制度基本健全，现场未发现明显隐患。")
CAMPHOR_SUMMARY = "按樟脑油企业准入检查表逐项核查{n}项：符合{p}项，不符合{f}项，不适用{a}项。"
REINSPECTION_SUMMARIES = ("复查上次检查发现的隐患，企业已按要求整改到位。", "复查整改情况：已整改完毕，资料齐全。",
                          "复查发现个别隐患整改尚未完成，已督促企业按期完成。")
STATUS_WEIGHTS = {EnterpriseStatus.NORMAL: 93.5, EnterpriseStatus.RECTIFYING: 1.5, EnterpriseStatus.HALTED: 2.0,
                  EnterpriseStatus.CLOSED: 1.0, EnterpriseStatus.DEREGISTERED: 2.0}
STATUS_REASONS = {
    EnterpriseStatus.RECTIFYING: ("检查发现重大事故隐患，责令停产整顿", "未按期完成隐患整改，责令停产整顿",
                                  "安全设施不符合要求，责令停产整顿"),
    EnterpriseStatus.HALTED: ("设备检修，暂时停产", "季节性停产", "存在重大事故隐患，责令暂时停产停业"),
    EnterpriseStatus.CLOSED: ("不具备安全生产条件，依法关闭取缔", "非法生产经营，依法取缔"),
    EnterpriseStatus.DEREGISTERED: ("企业申请注销登记", "经营期满，办理注销登记"),
}


# ================================================================================================ helpers


class _Gen:
    """Random helpers over one ``random.Random`` (the only source of randomness)."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def person(self) -> str:
        r = self.rng
        given = r.choice(_GIVEN) + (r.choice(_GIVEN) if r.random() < 0.6 else "")
        return r.choice(_SURNAMES) + given

    def mobile(self) -> str:
        return self.rng.choice(_MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"

    def landline(self) -> str:
        return f"0730-52{self.rng.randrange(10**5):05d}"

    def day(self, start: date, end: date) -> date:
        return start + timedelta(days=self.rng.randrange((end - start).days + 1))

    def moment(self, start: date, end: date) -> datetime:
        minutes = self.rng.randrange(8 * 60 + 30, 17 * 60 + 30)
        return datetime.combine(self.day(start, end), time(minutes // 60, minutes % 60))

    def weighted_pick(self, items: Sequence[Any], weights: Sequence[float], k: int) -> list[Any]:
        """Exactly ``k`` distinct items, drawn without replacement with the given weights (Efraimidis–Spirakis)."""
        if k > sum(1 for w in weights if w > 0):
            raise ValueError("not enough candidates")
        keys = [(math.log(self.rng.random() or 1e-300) / w if w > 0 else -math.inf, i)
                for i, w in enumerate(weights)]
        keys.sort(reverse=True)
        return [items[i] for _, i in keys[:k]]


def _scaled(total: int, parts: dict[str, int]) -> dict[str, int]:
    """Largest-remainder rounding of ``parts`` to sum to ``total`` (identity when total is the seed figure)."""
    base = sum(parts.values())
    raw = {k: v * total / base for k, v in parts.items()}
    out = {k: int(x) for k, x in raw.items()}
    for k in sorted(raw, key=lambda k: (out[k] - raw[k], k))[: total - sum(out.values())]:
        out[k] += 1
    return out


@dataclass(frozen=True)
class Plan:
    enterprises: int
    high_risk: int
    in_park: int
    camphor: int
    camphor_refused: int
    sectors: dict[str, int]


def plan(scale: str) -> Plan:
    """The figures for ``scale``: exactly the seed article's at "seed", the same proportions at "large"."""
    if scale not in SCALES:
        raise ServiceError(f"演示数据规模“{scale}”无效，应为 {'、'.join(SCALES)} 之一。")
    n = SCALES[scale]

    def prop(x: int) -> int:
        return round(x * n / SEED_ENTERPRISES)

    sectors = _scaled(n, SEED_SECTORS)
    camphor = sectors["樟脑油"]
    return Plan(n, prop(SEED_HIGH_RISK), prop(SEED_IN_PARK), camphor,
                round(camphor * SEED_CAMPHOR_REFUSED / SEED_CAMPHOR), sectors)


def _org_code(g: _Gen) -> str:
    """A pre-2015 organisation code (GB 11714): 8 digits and their check character."""
    digits = [g.rng.randrange(10) for _ in range(8)]
    c = 11 - sum(d * w for d, w in zip(digits, (3, 7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
    return "".join(map(str, digits)) + ("X" if c == 10 else "0" if c == 11 else str(c))


def _uscc(g: _Gen, kind: str, established: date, taken: set[str]) -> str:
    head = {"co": "91", "ind": "92", "coop": "93"}[kind] + REGION
    while True:
        if kind == "co" and established < USCC_ERA:
            body = _org_code(g)
        else:
            body = "MA4" + "".join(g.rng.choice(uscc_mod.ALPHABET) for _ in range(6))
        code = uscc_mod.make(head + body)
        if code not in taken:
            taken.add(code)
            return code


def _row(g: _Gen, at: datetime, **values: Any) -> dict[str, Any]:
    return {"id": g.uuid(), "created_at": at, "updated_at": at, "version": 1, **values}


def _check_empty(session: Session) -> None:
    if session.scalar(select(func.count()).select_from(Enterprise)):
        raise ServiceError("数据库中已有企业数据，演示数据只能写入空数据库。")
    for entity, label in ((Town, "镇"), (Village, "村（社区）"), (Officer, "执法人员"), (Expert, "专家"),
                          (Specialty, "专业领域"), (Supervisor, "监督员")):
        if session.scalar(select(func.count()).select_from(entity)):
            raise ServiceError(f"数据库中已有{label}数据，演示数据只能写入空数据库。")


# ================================================================================================ regions, people


@dataclass
class _Place:
    town_id: uuid.UUID
    town: str
    village_id: uuid.UUID
    village: str
    is_community: bool


def _regions(g: _Gen) -> tuple[list[dict], list[dict], list[list[_Place]]]:
    geo = random.Random(_GEOGRAPHY_SEED)
    fixed = {n[:-1] for names in FIXED_VILLAGES.values() for n in names} | {n[:-2] for n in GUIYI_COMMUNITIES}
    stems = [s for s in _VILLAGE_STEMS if s not in fixed]
    geo.shuffle(stems)
    stem_iter = iter(stems)
    towns, villages, places = [], [], []
    for i, (town, n) in enumerate(zip(TOWNS, VILLAGES_PER_TOWN, strict=True)):
        trow = _row(g, BASE_TIME, name=town, code=None, sort_order=i)
        towns.append(trow)
        communities = list(GUIYI_COMMUNITIES) if town == "归义镇" else [town[:-1] + "社区"]
        fixed_villages = list(FIXED_VILLAGES.get(town, ()))
        names = communities + fixed_villages
        names += [next(stem_iter) + "村" for _ in range(n - len(names))]
        town_places = []
        for j, name in enumerate(names):
            is_comm = name.endswith("社区")
            vrow = _row(g, BASE_TIME, town_id=trow["id"], name=name, is_community=is_comm,
                        informant_name=g.person(), informant_phone=g.mobile(), sort_order=j)
            villages.append(vrow)
            town_places.append(_Place(trow["id"], town, vrow["id"], name, is_comm))
        places.append(town_places)
    return towns, villages, places


def _people(g: _Gen, today: date, large: bool = False) -> dict[str, list[dict]]:
    rng = g.rng
    # the pool's term covers all the visits made (the 2022 camphor-oil entry checks, five years at "large")
    term_start = date(min(today.year - (LARGE_YEARS if large else 1), CAMPHOR_HALT.year), 1, 1)
    officers = []
    n_officers = sum(n for _, _, n in DEPARTMENTS)
    soon = set(rng.sample(range(n_officers), OFFICERS_EXPIRING_SOON))
    k = 0
    for dept, code, n in DEPARTMENTS:
        for seq in sorted(rng.sample(range(1, 200), n)):
            expiry = today + timedelta(days=rng.randint(3, 28) if k in soon else rng.randint(60, 1400))
            officers.append(_row(g, BASE_TIME, name=g.person(), department=dept, certificate_no=f"430601{code}{seq:03d}",
                                 certificate_expiry=expiry, phone=g.mobile(), active=True))
            k += 1

    specialties = [_row(g, BASE_TIME, name=name, sectors=list(sectors), sort_order=i)
                   for i, (name, sectors, _) in enumerate(SPECIALTIES)]
    experts, links = [], []
    for i in range(N_EXPERTS):
        # every field has an expert; the extra experts strengthen hazardous chemicals and industry & trade (工贸)
        first = i if i < len(SPECIALTIES) else rng.choice((0, 1, 2))
        group = SPECIALTIES[first][2]
        same_group = [j for j, s in enumerate(SPECIALTIES) if s[2] == group and j != first]
        chosen = [first] + rng.sample(same_group, min(len(same_group), rng.choice((0, 1, 1, 2))))
        name = g.person()
        licences = []
        if rng.random() < 0.55 or SPECIALTIES[first][0] in ("危险化学品", "冶金工贸"):
            licences.append("注册安全工程师")
        if SPECIALTIES[first][0] == "消防":
            licences.append("注册消防工程师")
        if SPECIALTIES[first][0] == "建筑施工":
            licences.append("一级建造师")
        row = _row(g, BASE_TIME, name=name, gender=rng.choice("男男男女"), phone=g.mobile(),
                   employer=rng.choice(EXPERT_EMPLOYERS[SPECIALTIES[first][0]]), title=rng.choice(EXPERT_TITLES),
                   licences="；".join(licences), group_name=group,
                   term_start=term_start, term_end=date(today.year + 1, 12, 31),
                   status=PersonStatus.ACTIVE.value, notes="")
        experts.append(row)
        links += [{"expert_id": row["id"], "specialty_id": specialties[j]["id"]} for j in chosen]

    supervisors = [_row(g, BASE_TIME, name=g.person(),
                        affiliation="汨罗市人大代表" if i < N_SUPERVISORS // 2 else "汨罗市政协委员",
                        phone=g.mobile(), active=True) for i in range(N_SUPERVISORS)]
    if large:  # more officers (20,000 visits need them) and experts, drawn after the seed's people
        for dept, code, _n in DEPARTMENTS:
            n = LARGE_OFFICERS_PER_DEPT.get(dept, 2)
            for seq in sorted(rng.sample(range(200, 1000), n)):
                officers.append(_row(g, BASE_TIME, name=g.person(), department=dept,
                                     certificate_no=f"430601{code}{seq:03d}",
                                     certificate_expiry=today + timedelta(days=rng.randint(60, 1400)),
                                     phone=g.mobile(), active=True))
        for _ in range(LARGE_EXPERTS - N_EXPERTS):
            first = rng.choices(range(len(SPECIALTIES)), LARGE_FIELD_WEIGHTS)[0]
            group = SPECIALTIES[first][2]
            same_group = [j for j, s in enumerate(SPECIALTIES) if s[2] == group and j != first]
            chosen = [first] + rng.sample(same_group, min(len(same_group), rng.choice((0, 1, 1, 2))))
            licences = ["注册安全工程师"] if rng.random() < 0.6 else []
            row = _row(g, BASE_TIME, name=g.person(), gender=rng.choice("男男男女"), phone=g.mobile(),
                       employer=rng.choice(EXPERT_EMPLOYERS[SPECIALTIES[first][0]]), title=rng.choice(EXPERT_TITLES),
                       licences="；".join(licences), group_name=group,
                       term_start=term_start, term_end=date(today.year + 1, 12, 31),
                       status=PersonStatus.ACTIVE.value, notes="")
            experts.append(row)
            links += [{"expert_id": row["id"], "specialty_id": specialties[j]["id"]} for j in chosen]
    # The first experts in the pool's list order (pinyin, as experts.search) joined this year: no visits before,
    # no annual grade, leave or recusal yet (the pool page opens on them with empty tabs).
    for row in sorted(experts, key=lambda r: (pinyin_keys(r["name"])[0], r["name"], str(r["id"])))[:NEW_EXPERTS]:
        row["term_start"], row["notes"] = date(today.year, 1, 1), f"{today.year}年新聘"
    return {"officers": officers, "specialties": specialties, "experts": experts, "expert_specialties": links,
            "supervisors": supervisors}


# ================================================================================================ enterprises


@dataclass
class _Firm:
    sector: str
    status: str = EnterpriseStatus.NORMAL.value
    entry_status: str | None = None
    high_risk: bool = False
    in_park: bool = False


def _firms(g: _Gen, p: Plan) -> list[_Firm]:
    """Sector, status, camphor entry, park and high-risk flags with the exact figures of the plan."""
    rng = g.rng
    sectors = [s for s, n in p.sectors.items() for _ in range(n)]
    rng.shuffle(sectors)
    firms = [_Firm(s) for s in sectors]
    statuses, weights = list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values())
    camphor = [f for f in firms if f.sector == "樟脑油"]
    refused = set(map(id, rng.sample(camphor, p.camphor_refused)))
    for f in firms:
        if f.sector == "樟脑油":
            if id(f) in refused:
                f.status, f.entry_status = EnterpriseStatus.CLOSED.value, EntryStatus.REFUSED.value
            elif rng.random() < 0.7:
                f.entry_status = EntryStatus.ADMITTED.value
            else:
                f.status, f.entry_status = EnterpriseStatus.HALTED.value, EntryStatus.RECHECK.value
        else:
            f.status = rng.choices(statuses, weights)[0].value
    gone = (EnterpriseStatus.CLOSED, EnterpriseStatus.DEREGISTERED)
    for f in g.weighted_pick(firms, [0.0 if f.status in gone or f.sector == "樟脑油" else PARK_WEIGHT.get(f.sector, 0.0)
                                     for f in firms], p.in_park):
        f.in_park = True
    for f in g.weighted_pick(firms, [0.0 if f.status in gone else HIGH_RISK_WEIGHT.get(f.sector, 0.02)
                                     * (2.0 if f.in_park else 1.0) for f in firms], p.high_risk):
        f.high_risk = True
    return firms


class _EnterpriseMaker:
    """Builds the rows of one enterprise (and its licences, contacts, status history) at a time, in order."""

    def __init__(self, g: _Gen, places: list[list[_Place]], today: date):
        self.g, self.today = g, today
        self.places = places
        self.by_name = {ps[0].town: ps for ps in places}
        self.names: set[str] = set()
        self.codes: set[str] = set()
        self.licence_seq = itertools.count(1)
        self.town_cum = list(itertools.accumulate(TOWN_WEIGHTS))
        urban = [w * (2.5 if t == "归义镇" else 1.0) for t, w in zip(TOWNS, TOWN_WEIGHTS, strict=True)]
        self.urban_cum = list(itertools.accumulate(urban))
        self.templates = {s: (ts, list(itertools.accumulate(sum(w for *_, w in t[1]) for t in ts)))
                          for s, ts in TEMPLATES.items()}

    # -- pieces

    def _place(self, f: _Firm) -> _Place:
        rng = self.g.rng
        if f.in_park:
            town = self.by_name[PARK_TOWNS[0] if rng.random() < 0.4 else PARK_TOWNS[1]]
        elif f.sector in ("樟脑油", "非煤矿山"):
            town = self.by_name[rng.choice(HILL_TOWNS)]
        else:
            cum = self.urban_cum if f.sector in URBAN_SECTORS else self.town_cum
            town = self.places[bisect.bisect(cum, rng.random() * cum[-1])]
        if f.sector in URBAN_SECTORS and rng.random() < 0.5:
            communities = [p for p in town if p.is_community]
            return rng.choice(communities)
        return rng.choice(town)

    def _address(self, place: _Place, in_park: bool) -> str:
        rng = self.g.rng
        head = f"汨罗市{place.town}{place.village}"
        if in_park:
            return f"{head}高新区{rng.choice(PARK_ROADS)}{rng.randint(1, 300)}号"
        if place.is_community:
            road = rng.choice(CITY_ROADS) if place.town == "归义镇" else place.town[:-1] + rng.choice(TOWN_STREETS)
            return f"{head}{road}{rng.randint(1, 400)}号"
        return f"{head}{rng.randint(1, 16)}组"

    def _name(self, sector: str) -> tuple[str, str, tuple[str, ...]]:
        rng = self.g.rng
        templates, cum = self.templates[sector]
        for attempt in range(60):
            word, suffixes, products = templates[bisect.bisect(cum, rng.random() * cum[-1])]
            suffix, kind, _ = rng.choices(suffixes, [w for *_, w in suffixes])[0]
            a, b = rng.choice(_BRAND_A), rng.choice(_BRAND_B)
            if a == b:
                continue
            brand = a + b if attempt < 30 else a + b + rng.choice(_BRAND_B)
            name = f"汨罗市{brand}{word}{suffix}"
            if name not in self.names:
                self.names.add(name)
                return name, kind, products
        raise RuntimeError("could not find a unique enterprise name")  # pragma: no cover

    def _employees(self, f: _Firm, kind: str) -> int | None:
        rng = self.g.rng
        if rng.random() < 0.03:
            return None
        if kind == "ind":
            return rng.randint(1, 8)
        if kind == "coop":
            return rng.randint(5, 30)
        median = {"危险化学品": 30, "非煤矿山": 25, "成品油": 8, "樟脑油": 12, "冶金": 60, "有色": 50, "建材": 40,
                  "机械": 60, "轻工": 40, "纺织": 80, "烟草": 6, "商贸": 10, "粉尘涉爆": 30, "涉氨制冷": 20,
                  "建筑施工": 60, "交通运输": 30, "人员密集场所": 20}.get(f.sector, 10)
        return max(2, int(median * rng.lognormvariate(0, 0.7) * (2.0 if f.high_risk else 1.0)))

    def _risk(self, f: _Firm) -> str | None:
        rng = self.g.rng
        if f.high_risk:
            return rng.choices((RiskLevel.RED, RiskLevel.ORANGE, RiskLevel.YELLOW), (30, 55, 15))[0].value
        level = rng.choices((RiskLevel.RED, RiskLevel.ORANGE, RiskLevel.YELLOW, RiskLevel.BLUE, None),
                            (1, 9, 38, 40, 12))[0]
        return level.value if level else None

    def _validity(self, years: int) -> tuple[date, date]:
        """A licence period that is current for most firms, expired or expiring soon for some (relative to today)."""
        until = self.today + timedelta(days=self.g.rng.randint(-120, years * 365 - 30))
        return until - timedelta(days=years * 365 - 1), until

    # -- one enterprise

    def make(self, f: _Firm) -> tuple[dict, list[dict], list[dict], list[dict]]:
        g, rng = self.g, self.g.rng
        name, kind, products = self._name(f.sector)
        place = self._place(f)
        address = self._address(place, f.in_park)
        if f.sector == "樟脑油":
            established = g.day(date(1998, 1, 1), date(2018, 12, 31))
            filed = g.moment(*CAMPHOR_FILED)
        else:
            u = math.sqrt(rng.random())  # more young firms than old ones
            established = ESTABLISHED[0] + timedelta(days=int(u * (ESTABLISHED[1] - ESTABLISHED[0]).days))
            filed = g.moment(SURVEY_START, SURVEY_END)
        code = _uscc(g, kind, established, self.codes)
        legal_rep, legal_phone = g.person(), g.mobile()
        if kind == "ind" and rng.random() < 0.5:
            manager, manager_phone = "", ""
        else:
            manager = g.person()
            manager_phone = g.landline() if rng.random() < 0.15 else g.mobile()
        eid = g.uuid()

        # status history: 建档, then what happened since
        history = [(filed, None, EnterpriseStatus.NORMAL.value, "建档")]
        if f.sector == "樟脑油":
            history.append((CAMPHOR_HALT, EnterpriseStatus.NORMAL.value, EnterpriseStatus.HALTED.value,
                            "樟脑油企业统一暂时停产停业，停止使用相关设施设备，待准入检查"))
            verdict = g.moment(*CAMPHOR_VERDICT)
            if f.entry_status == EntryStatus.REFUSED:
                history.append((verdict, EnterpriseStatus.HALTED.value, EnterpriseStatus.CLOSED.value,
                                "准入检查不予准入：安全设施未落实“三同时”，不具备安全生产条件，依法关停"))
            elif f.entry_status == EntryStatus.ADMITTED:
                history.append((verdict, EnterpriseStatus.HALTED.value, EnterpriseStatus.NORMAL.value,
                                "准入检查合格，准予恢复生产"))
        elif f.status != EnterpriseStatus.NORMAL:
            history.append((g.moment(LATER_START, LATER_END), EnterpriseStatus.NORMAL.value, f.status,
                            rng.choice(STATUS_REASONS[EnterpriseStatus(f.status)])))
        elif rng.random() < 0.015:
            start = g.moment(LATER_START, LATER_END - timedelta(days=120))
            history.append((start, EnterpriseStatus.NORMAL.value, EnterpriseStatus.RECTIFYING.value,
                            rng.choice(STATUS_REASONS[EnterpriseStatus.RECTIFYING])))
            history.append((start + timedelta(days=rng.randint(20, 90)), EnterpriseStatus.RECTIFYING.value,
                            EnterpriseStatus.NORMAL.value, "整改验收合格，恢复生产"))
        changes = [_row(g, at, enterprise_id=eid, old_status=old, new_status=new, changed_at=at, reason=reason,
                        changed_by=ACTOR) for at, old, new, reason in history]

        notes = ""
        if f.entry_status == EntryStatus.RECHECK:
            notes = "樟脑油准入检查：整改后复查。"
        elif f.entry_status == EntryStatus.REFUSED:
            notes = "樟脑油准入检查不予准入，已关停。"
        ent = {
            "id": eid, "created_at": filed, "updated_at": history[-1][0], "version": 1,
            "name": name, "uscc": code, "town_id": place.town_id, "village_id": place.village_id,
            "address": address, "sector": f.sector, "risk_level": self._risk(f), "is_high_risk": f.high_risk,
            "in_park": f.in_park, "status": f.status, "legal_rep": legal_rep, "legal_rep_phone": legal_phone,
            "safety_manager": manager, "safety_manager_phone": manager_phone,
            "employees": self._employees(f, kind), "main_products": "、".join(rng.sample(products, min(len(products),
                                                                                        rng.choice((1, 1, 2))))),
            "established_on": established, "notes": notes, "entry_status": f.entry_status,
            "name_sort": (keys := pinyin_keys(name))[0],
            "search_text": search_key(name, code, address, legal_rep, initials_of_first=keys[1]),
        }
        return ent, self._licences(f, eid, code, established, filed), self._contacts(f, eid, filed), changes

    def _licences(self, f: _Firm, eid: uuid.UUID, code: str, established: date, at: datetime) -> list[dict]:
        g, rng = self.g, self.g.rng
        gone = f.status == EnterpriseStatus.DEREGISTERED
        out = [_row(g, at, enterprise_id=eid, kind="营业执照", number=code, issuer="汨罗市市场监督管理局",
                    valid_from=established, valid_until=None, notes="已注销" if gone else "长期")]

        def add(kind: str, number: str, issuer: str, years: int) -> None:
            start, until = self._validity(years)
            start = max(start, established)
            out.append(_row(g, at, enterprise_id=eid, kind=kind, number=number.format(year=start.year),
                            issuer=issuer, valid_from=start, valid_until=until, notes=""))

        seq = next(self.licence_seq)
        if f.sector in ("危险化学品", "成品油"):
            issuer = "岳阳市应急管理局" if f.sector == "成品油" else "汨罗市应急管理局"
            add("危险化学品经营许可证", f"岳汨危化经字〔{{year}}〕{seq:06d}", issuer, 3)
        elif f.sector == "烟花爆竹":
            add("烟花爆竹经营（零售）许可证", f"（湘）YH〔{{year}}〕{seq:06d}", "汨罗市应急管理局", 3)
        elif f.sector == "非煤矿山":
            add("安全生产许可证", f"（湘）FM安许证字〔{{year}}〕{seq:05d}", "湖南省应急管理厅", 3)
        standardised = 0.35 if f.high_risk else 0.08 if f.sector not in URBAN_SECTORS else 0.0
        if not gone and rng.random() < standardised:
            field = "WH" if f.sector in ("危险化学品", "成品油", "樟脑油", "烟花爆竹") else "GM"
            add("安全生产标准化证书", f"湘AQB{field}Ⅲ{{year}}{seq:05d}", "岳阳市应急管理局", 3)
        return out

    def _contacts(self, f: _Firm, eid: uuid.UUID, at: datetime) -> list[dict]:
        if not f.high_risk:
            return []
        g, rng = self.g, self.g.rng
        roles = rng.sample(("安全员", "安全管理员", "生产负责人", "设备负责人", "应急联络人"), rng.randint(1, 2))
        return [_row(g, at, enterprise_id=eid, name=g.person(), role=role, phone=g.mobile(), notes="")
                for role in roles]


# ================================================================================================ visits


@dataclass
class _FirmRef:
    """What the visit planner needs of a written enterprise."""

    id: uuid.UUID
    sector: str
    town: int
    established: date | None
    high_risk: bool
    status: str
    entry_status: str | None
    verdict: date | None  # camphor-oil firms: the day of the entry verdict in the status history
    responsible: str = ""  # the safety manager, else the legal representative (a hazard's 企业责任人)


@dataclass(eq=False)
class _Person:
    id: uuid.UUID
    term_start: date = date.min
    covers: frozenset[str] = frozenset()  # experts: enterprise sectors their fields cover
    fields: tuple[str, ...] = ()
    weight: float = 1.0
    dept: str = ""


class _Visits:
    """Plans visits the way the office would: nobody double-booked (per half-day), nobody on leave or before the
    term of engagement, no expert at a firm he is recused from or whose sector his fields do not cover."""

    def __init__(self, g: _Gen, today: date, large: bool, people: dict[str, list[dict]], firms: list[_FirmRef]):
        self.g, self.rng, self.today, self.large = g, g.rng, today, large
        field_names = {sp["id"]: sp["name"] for sp in people["specialties"]}
        field_sectors = {sp["id"]: set(sp["sectors"]) for sp in people["specialties"]}
        links: dict[uuid.UUID, list[uuid.UUID]] = {}
        for link in people["expert_specialties"]:
            links.setdefault(link["expert_id"], []).append(link["specialty_id"])
        self.experts = []
        for row in people["experts"]:
            covers = frozenset(s for sid in links[row["id"]] for s in field_sectors[sid])
            # unevenly busy: some experts are asked far more often than others
            weight = self.rng.lognormvariate(0, 0.6) * (0.5 + len(covers) / 6)
            self.experts.append(_Person(row["id"], row["term_start"], covers,
                                        tuple(field_names[sid] for sid in links[row["id"]]), weight))
        self.expert_cum = list(itertools.accumulate(x.weight for x in self.experts))
        self.officers = [_Person(o["id"], dept=o["department"]) for o in people["officers"]]
        self.lead_officers = [o for o in self.officers if o.dept == DEPARTMENTS[0][0]]
        self.supervisors = [_Person(s["id"]) for s in people["supervisors"]]
        self.firms = firms
        visitable = (EnterpriseStatus.NORMAL.value, EnterpriseStatus.RECTIFYING.value)
        # town → sector → firm indices (high-risk ones also apart: they are visited far more often)
        self.by_town: list[dict[str, list[int]]] = [{} for _ in TOWNS]
        self.high_by_town: list[dict[str, list[int]]] = [{} for _ in TOWNS]
        for i, f in enumerate(firms):
            if f.status in visitable and f.sector != "樟脑油" or f.entry_status == EntryStatus.ADMITTED:
                self.by_town[f.town].setdefault(f.sector, []).append(i)
                if f.high_risk:
                    self.high_by_town[f.town].setdefault(f.sector, []).append(i)
        self.town_cum: dict[uuid.UUID, list[float]] = {}
        self.busy: dict[tuple[uuid.UUID, date], set[str]] = {}
        self.leave: dict[uuid.UUID, list[tuple[date, date]]] = {}
        self.recused: set[tuple[uuid.UUID, int]] = set()
        self.visits: list[dict] = []
        self.stops: list[dict] = []
        self.members: list[dict] = []
        self.unavailabilities: list[dict] = []
        self.recusals: list[dict] = []
        self.assessments: list[dict] = []
        self.visit_firms: dict[uuid.UUID, list[int]] = {}
        self.person_times = 0  # expert members on done visits who did not refuse
        self.refused = 0

    # -- small helpers

    def _weight(self, sector: str, n: int, high: int) -> float:
        return VISIT_SECTOR_WEIGHT.get(sector, 1.0) * (n + 6 * high)

    def free(self, pid: uuid.UUID, day: date, halves: tuple[str, ...]) -> bool:
        taken = self.busy.get((pid, day))
        if taken and not taken.isdisjoint(halves):
            return False
        return not any(s <= day <= e for s, e in self.leave.get(pid, ()))

    def book(self, pid: uuid.UUID, day: date, halves: tuple[str, ...]) -> None:
        self.busy.setdefault((pid, day), set()).update(halves)

    def workday(self, start: date, end: date) -> date:
        while True:
            day = self.g.day(start, end)
            if day.weekday() < 5:
                return day

    def pick_expert(self, day: date, halves: tuple[str, ...], ok: Callable[[_Person], bool],
                    tries: int = 40) -> _Person | None:
        rng, cum = self.rng, self.expert_cum
        for _ in range(tries):
            x = self.experts[bisect.bisect(cum, rng.random() * cum[-1])]
            if x.term_start <= day and self.free(x.id, day, halves) and ok(x):
                return x
        pool = [x for x in self.experts if x.term_start <= day and self.free(x.id, day, halves) and ok(x)]
        return rng.choice(pool) if pool else None

    def _towns_for(self, x: _Person) -> list[float]:
        cum = self.town_cum.get(x.id)
        if cum is None:
            cum = list(itertools.accumulate(
                sum(self._weight(s, len(ids), len(self.high_by_town[t].get(s, ()))) for s, ids in secs.items()
                    if s in x.covers) for t, secs in enumerate(self.by_town)))
            self.town_cum[x.id] = cum
        return cum

    def pick_firms(self, x: _Person, day: date, n: int) -> list[int]:
        """Up to ``n`` distinct firms of one town whose sectors ``x`` covers (high-risk ones preferred)."""
        rng = self.rng
        cum = self._towns_for(x)
        if not cum or cum[-1] <= 0:
            return []
        town = bisect.bisect(cum, rng.random() * cum[-1])
        secs = [(s, ids) for s, ids in self.by_town[town].items() if s in x.covers]
        weights = [self._weight(s, len(ids), len(self.high_by_town[town].get(s, ()))) for s, ids in secs]
        out: list[int] = []
        for _ in range(n * 6):
            if len(out) == n:
                break
            sector, ids = rng.choices(secs, weights)[0]
            high = self.high_by_town[town].get(sector)
            i = rng.choice(high if high and rng.random() < 0.6 else ids)
            f = self.firms[i]
            if i in out or (x.id, i) in self.recused or (f.established and f.established >= day):
                continue
            out.append(i)
        return out

    def pick_officers(self, day: date, halves: tuple[str, ...], n: int, sectors: set[str]) -> list[_Person]:
        """``n`` free officers: one of the emergency-management bureau leads, the others preferably from the
        departments in charge of the firms' sectors."""
        rng = self.rng
        out: list[_Person] = []
        for _ in range(8):
            o = rng.choice(self.lead_officers)
            if self.free(o.id, day, halves):
                out.append(o)
                break
        for _ in range(60):
            if len(out) == n:
                return out
            o = rng.choice(self.officers)
            if o in out or not self.free(o.id, day, halves):
                continue
            if not DEPARTMENT_SECTORS.get(o.dept, frozenset()) & sectors and rng.random() < 0.6:
                continue
            out.append(o)
        rest = [o for o in self.officers if o not in out and self.free(o.id, day, halves)]
        if len(rest) < n - len(out):
            return []
        return out + rng.sample(rest, n - len(out))

    # -- rows

    def add(self, kind: str, day: date, part: str, status: str, firm_ids: list[int], experts: list[_Person],
            officers: list[_Person], observer: _Person | None = None, refused: _Person | None = None,
            purpose: str = "", notes: str = "", verdict: str | None = None) -> None:
        g, rng = self.g, self.rng
        halves = HALVES[part]
        for p in (*experts, *officers, *((observer,) if observer else ()), *((refused,) if refused else ())):
            self.book(p.id, day, halves)
        start, end = TIMES[part]
        planned_at = datetime.combine(day - timedelta(days=rng.randint(3, 20)), time(9 + rng.randrange(8), 0))
        done = status == VisitStatus.DONE
        updated = datetime.combine(day, time(18, 0)) if done else planned_at
        sectors = [self.firms[i].sector for i in firm_ids]
        vid = g.uuid()
        self.visit_firms[vid] = firm_ids
        self.visits.append({"id": vid, "created_at": planned_at, "updated_at": updated, "version": 1, "kind": kind,
                            "day": day, "part_of_day": part, "start_time": start, "end_time": end,
                            "purpose": purpose or VISIT_PURPOSES[kind].format(sector="、".join(dict.fromkeys(sectors))),
                            "status": status, "notes": notes})
        minutes = 8 * 60 + 40 if part != "pm" else 14 * 60 + 40
        for seq, i in enumerate(firm_ids, 1):
            f = self.firms[i]
            began = datetime.combine(day, time(minutes // 60, minutes % 60))
            minutes += rng.randint(70, 150)
            row = {"id": g.uuid(), "created_at": planned_at, "updated_at": updated, "version": 1, "visit_id": vid,
                   "enterprise_id": f.id, "seq": seq, "done": done, "started_at": began if done else None,
                   "finished_at": datetime.combine(day, time(minutes // 60, minutes % 60)) if done else None,
                   "place": rng.choice(PLACES.get(f.sector, PLACES[""])) if done else "",
                   "summary": rng.choice(SUMMARIES) if done else "",
                   "expert_advice": rng.choice(ADVICE) if done and experts and rng.random() < 0.6 else "",
                   "entry_verdict": verdict, "entry_reasons": ENTRY_REASONS.get(verdict or "", ""),
                   "entry_halt_ref": "", "entry_evidence": "", "recorded_by": ""}  # filled by _Inspections
            minutes += rng.randint(15, 40)
            self.stops.append(row)

        def member(role: str, p: _Person, **extra: Any) -> None:
            key = {"officer": "officer_id", "expert": "expert_id", "observer": "supervisor_id"}[role]
            row = {"id": g.uuid(), "created_at": planned_at, "updated_at": updated, "version": 1, "visit_id": vid,
                   "role": role, "officer_id": None, "expert_id": None, "supervisor_id": None, "refused": False,
                   "rating": None, "remark": "", "override_reason": "", key: p.id}
            row.update(extra)
            self.members.append(row)

        for o in officers:
            member(MemberRole.OFFICER.value, o)
        if refused is not None:
            member(MemberRole.EXPERT.value, refused, refused=True, remark=rng.choice(REFUSALS))
            self.refused += 1
        for x in experts:
            rating, remark = None, ""
            if done and rng.random() < 0.85:
                rating = rng.choices((5, 4, 3, 2, 1), (34, 45, 15, 5, 1))[0]
                remark = rng.choice(RATING_REMARKS[rating])
            member(MemberRole.EXPERT.value, x, rating=rating, remark=remark)
            self.person_times += done
        if observer is not None:
            member(MemberRole.OBSERVER.value, observer)

    # -- one visit with experts

    def expert_visit(self, kind: str, day: date, status: str, n_experts: int, *, refusal: bool = False,
                     notes: str = "") -> bool:
        rng = self.rng
        n_firms = rng.choices((1, 2, 3), (45, 35, 20))[0]
        part = "full" if n_firms == 3 else rng.choice(("am", "pm", "am", "pm", "full"))
        halves = HALVES[part]
        lead = self.pick_expert(day, halves, lambda x: True)
        if lead is None:
            return False
        firm_ids = self.pick_firms(lead, day, n_firms)
        if not firm_ids:
            return False
        sectors = {self.firms[i].sector for i in firm_ids}

        def fits(x: _Person) -> bool:
            return x is not lead and sectors <= x.covers and not any((x.id, i) in self.recused for i in firm_ids)

        experts = [lead]
        if n_experts == 2:
            second = self.pick_expert(day, halves, fits)
            if second is None:
                return False
            experts.append(second)
        refused = None
        if refusal:
            refused = self.pick_expert(day, halves, lambda x: fits(x) and x not in experts)
            if refused is None:
                return False
        n_off = rng.choice((2, 2, 3)) if kind != VisitKind.ENFORCEMENT_EXPERT else rng.choice((2, 3, 3))
        officers = self.pick_officers(day, halves, n_off, sectors)
        if not officers:
            return False
        observer = None
        if rng.random() < 0.15:
            free = [s for s in self.supervisors if self.free(s.id, day, halves)]
            observer = rng.choice(free) if free else None
        self.add(kind, day, part, status, firm_ids, experts, officers, observer, refused, notes=notes)
        return True

    def reinspection(self, day: date) -> bool:
        """复查: officers go back to a firm visited before (no expert needed)."""
        rng = self.rng
        earlier = [v for v in self.visits[-60:] if v["status"] == VisitStatus.DONE and v["day"] < day
                   and v["kind"] in (VisitKind.INSPECTION_EXPERT, VisitKind.ENFORCEMENT_EXPERT)]
        if not earlier:
            return False
        vid = rng.choice(earlier)["id"]
        firm_ids = self.visit_firms[vid][:1]
        part = rng.choice(("am", "pm"))
        officers = self.pick_officers(day, HALVES[part], 2, {self.firms[firm_ids[0]].sector})
        if not officers:
            return False
        self.add(VisitKind.REINSPECTION.value, day, part, VisitStatus.DONE.value, firm_ids, [], officers)
        return True

    # -- the camphor-oil entry checks (2022, before each firm's verdict in its status history)

    def camphor_checks(self) -> None:
        rng = self.rng
        halves = HALVES["full"]

        def camphor_field(x: _Person) -> bool:
            return bool({"樟脑油/林产化工", "危险化学品"} & set(x.fields))

        forestry = [o for o in self.officers if o.dept == "汨罗市林业局"]
        for i, f in enumerate(self.firms):
            if f.sector != "樟脑油":
                continue
            last = f.verdict or self.g.day(*CAMPHOR_VERDICT)
            for _ in range(60):
                day = last - timedelta(days=rng.randint(0, 12))
                if day.weekday() >= 5 or day <= CAMPHOR_HALT.date():
                    continue
                x = self.pick_expert(day, halves, lambda x, i=i: camphor_field(x) and (x.id, i) not in self.recused)
                if x is None:
                    continue
                experts = [x]
                if rng.random() < 0.2:
                    y = self.pick_expert(day, halves, lambda y, i=i, x=x: camphor_field(y) and y is not x
                                         and (y.id, i) not in self.recused)
                    experts += [y] if y else []
                officers = self.pick_officers(day, halves, 2, {"樟脑油"})
                free_forestry = [o for o in forestry if o not in officers and self.free(o.id, day, halves)]
                if officers and free_forestry and rng.random() < 0.7:
                    officers.append(free_forestry[0])
                if officers:
                    self.add(VisitKind.CAMPHOR_ENTRY.value, day, "full", VisitStatus.DONE.value, [i], experts, officers,
                             verdict=f.entry_status)
                    break
            else:  # pragma: no cover - the pool always has a free expert in those months
                raise RuntimeError("could not schedule a camphor-oil entry check")

    # -- leave, recusals, grades

    def leave_periods(self, start: date, end: date, n: int) -> None:
        rng = self.rng
        veterans = [x for x in self.experts if x.term_start < date(self.today.year, 1, 1)]
        for x in rng.sample(veterans, min(n, len(veterans))):
            first = self.g.day(start, end)
            last = first + timedelta(days=rng.choice((2, 4, 6, 9, 13, 20, 27)))
            self.leave.setdefault(x.id, []).append((first, last))
            self.unavailabilities.append(_row(self.g, datetime.combine(first - timedelta(days=rng.randint(2, 15)),
                                                                        time(10, 0)),
                                              expert_id=x.id, officer_id=None, start=first, end=last,
                                              reason=rng.choice(LEAVE_REASONS)))

    def recusal_rows(self, n: int, reasons: Sequence[str]) -> None:
        rng = self.rng
        veterans = [x for x in self.experts if x.term_start < date(self.today.year, 1, 1)]
        for _ in range(n):
            x = rng.choice(veterans)
            ids = [i for secs in self.high_by_town for s, ids in secs.items() if s in x.covers for i in ids[:50]]
            if not ids:
                continue
            i = rng.choice(ids)
            if (x.id, i) in self.recused:
                continue
            self.recused.add((x.id, i))
            reason = rng.choices(reasons, [4 if r.startswith("近三年") else 1 for r in reasons])[0]
            until, detail = None, ""
            at = datetime.combine(self.today - timedelta(days=rng.randint(200, 900)), time(10, 0))
            if reason.startswith("近三年"):
                until = at.date() + timedelta(days=3 * 365)
                detail = rng.choice(("为该企业编制安全现状评价报告", "为该企业做安全生产标准化咨询", "为该企业开展安全培训"))
            elif reason.startswith("其他"):
                detail = "持有该企业股份"
            self.recusals.append(_row(self.g, at, expert_id=x.id, enterprise_id=self.firms[i].id, reason=reason,
                                      detail=detail, until=until))

    def grades(self, year: int) -> None:
        rng = self.rng
        for x in self.experts:
            if x.term_start > date(year, 12, 31):
                continue  # joined after that year
            grade = rng.choices(("优秀", "称职", "不称职"), (25, 70, 5))[0]
            self.assessments.append(_row(self.g, datetime(year + 1, 1, 15, 10, 0), expert_id=x.id, year=year,
                                         grade=grade, remark=rng.choice(GRADE_REMARKS[grade])))


def _plan_visits(g: _Gen, today: date, large: bool, people: dict[str, list[dict]], firms: list[_FirmRef],
                 reasons: Sequence[str]) -> _Visits:
    v = _Visits(g, today, large, people, firms)
    rng = g.rng
    years = LARGE_YEARS if large else 1
    start, end = today - timedelta(days=365 * years), today - timedelta(days=1)
    v.leave_periods(start, today + timedelta(days=14), LARGE_LEAVES if large else SEED_LEAVES)
    v.recusal_rows(LARGE_RECUSALS if large else SEED_RECUSALS, reasons)
    v.grades(today.year - 1)
    v.camphor_checks()
    kinds = [k.value for k in EXPERT_VISIT_KINDS]
    kind_weights = list(EXPERT_VISIT_KINDS.values())
    failures = 0

    def one(status: str, day: date, n_experts: int, refusal: bool = False, notes: str = "") -> bool:
        nonlocal failures
        ok = v.expert_visit(rng.choices(kinds, kind_weights)[0], day, status, n_experts, refusal=refusal, notes=notes)
        failures += not ok
        if failures > 50_000:  # pragma: no cover
            raise RuntimeError("could not plan the demo visits")
        return ok

    if large:
        while len(v.visits) < LARGE_PAST_VISITS:
            day = v.workday(start, end)
            r = rng.random()
            if r < 0.07:
                v.reinspection(day)
            elif r < 0.09:
                one(VisitStatus.CANCELLED.value, day, 1, notes=rng.choice(CANCEL_NOTES))
            else:
                one(VisitStatus.DONE.value, day, rng.choice((1, 1, 2)), refusal=rng.random() < 0.02)
        n_future = 60
    else:
        while v.person_times < SEED_EXPERT_PERSON_TIMES:
            left = SEED_EXPERT_PERSON_TIMES - v.person_times
            n = 1 if left == 1 or rng.random() < 0.7 else 2
            one(VisitStatus.DONE.value, v.workday(start, end), n,
                refusal=v.refused < SEED_REFUSALS and rng.random() < 0.12)
        done = 0
        while done < SEED_REINSPECTIONS:
            done += v.reinspection(v.workday(start + timedelta(days=30), end))
        done = 0
        while done < SEED_CANCELLED:
            done += one(VisitStatus.CANCELLED.value, v.workday(start, end), 1, notes=rng.choice(CANCEL_NOTES))
        n_future = SEED_FUTURE
    done = 0
    while done < n_future:
        day = v.workday(today, today + timedelta(days=14))
        status = VisitStatus.SCHEDULED.value if day <= today + timedelta(days=6) else VisitStatus.PLANNED.value
        done += one(status, day, rng.choice((1, 1, 2)))
    return v


# ================================================================================================ on-site records


@dataclass(frozen=True)
class _Reference:
    """What the records are made of: the current checklist templates (with their items), the active hazards of the
    hazard library, and the default deadlines by severity."""

    templates: tuple[TemplateData, ...]
    library: tuple[LibraryEntry, ...]
    days_general: int
    days_major: int


def _reference(session: Session) -> _Reference:
    """Load the shipped checklist templates and hazard library (a no-op when they are loaded already) and read them."""
    checklists.sync_builtin(session)
    hazard_library.sync_builtin(session)
    return _Reference(tuple(checklists.templates(session, with_items=True)),
                      tuple(hazard_library.entries(session, kind="hazard")),
                      int(settings.get(session, "hazard_deadline_days_general")),
                      int(settings.get(session, "hazard_deadline_days_major")))


def _is_major(source: ItemData | LibraryEntry) -> bool:
    return source.is_major_criterion if isinstance(source, ItemData) else source.severity == Severity.MAJOR


@dataclass
class _StopWork:
    """One firm of a done expert visit: what is recorded there."""

    stop: dict[str, Any]
    visit: dict[str, Any]
    firm: _FirmRef
    experts: list[tuple[uuid.UUID, str]]  # on the team (not declined), the lead first
    closer: str  # the lead officer: closes the hazards after the re-inspection
    items: list[tuple[ItemData, float]]  # the items of the firm's checklists in screen order, with P(不适用)
    hazards: list[tuple[ItemData | LibraryEntry, bool]] = field(default_factory=list)  # source, rectified on the spot
    outcomes: dict[uuid.UUID, str] | None = None  # decided in advance (the camphor-oil checks)
    paper: bool = False  # recorded from the paper ledger: hazards only, no checklist results


@dataclass
class _Rows:
    results: list[dict] = field(default_factory=list)
    hazards: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    entry_lines: list[dict] = field(default_factory=list)


class _Inspections:
    """The records of the done visits with experts, as ``inspection`` would have written them: the visit's
    checklists (``checklists.suggested_for``), every item judged, a hazard pre-filled from each 不符合 item
    (``inspection.set_outcome``) and some from the hazard library (``inspection.add_hazard``), their rectification
    so far, and the camphor-oil verdicts' entry history (``camphor``). Planned at once, so the totals are exact and
    each firm's summary tells its hazards; turned into rows a chunk of firms at a time (``rows``)."""

    def __init__(self, g: _Gen, today: date, v: _Visits, people: dict[str, list[dict]], firms: list[_FirmRef],
                 ref: _Reference, results_since: date | None = None):
        self.g, self.rng, self.today, self.ref = g, g.rng, today, ref
        rng = self.rng
        names = {r["id"]: r["name"] for r in (*people["experts"], *people["officers"])}
        experts: dict[uuid.UUID, list[uuid.UUID]] = {}
        officers: dict[uuid.UUID, list[uuid.UUID]] = {}
        for m in v.members:
            if m["role"] == MemberRole.EXPERT and not m["refused"]:
                experts.setdefault(m["visit_id"], []).append(m["expert_id"])
            elif m["role"] == MemberRole.OFFICER:
                officers.setdefault(m["visit_id"], []).append(m["officer_id"])
        visits = {x["id"]: x for x in v.visits}
        firm_of = {f.id: f for f in firms}
        self.camphor_items = {i.id for t in ref.templates if t.code == CAMPHOR_TEMPLATE for i in t.items}
        self._suggested: dict[tuple[str, str], list[TemplateData]] = {}
        self._library: dict[str, tuple[list[LibraryEntry], list[LibraryEntry]]] = {}
        self._initials: dict[str, str] = {}
        self.works: list[_StopWork] = []
        attached: dict[uuid.UUID, dict[uuid.UUID, None]] = {}
        for stop in v.stops:
            visit = visits[stop["visit_id"]]
            if visit["status"] != VisitStatus.DONE:
                continue
            team, crew = experts.get(visit["id"], []), officers.get(visit["id"], [])
            if not team:  # 复查 by officers alone: no checklist
                stop["recorded_by"] = names[crew[0]] if crew else ""
                stop["summary"] = rng.choice(REINSPECTION_SUMMARIES)
                continue
            stop["recorded_by"] = names[team[0]]
            firm = firm_of[stop["enterprise_id"]]
            templates = self.suggested(visit["kind"], firm.sector)
            paper = (results_since is not None and visit["day"] < results_since
                     and visit["kind"] != VisitKind.CAMPHOR_ENTRY)
            if not paper:
                for t in templates:
                    attached.setdefault(visit["id"], {}).setdefault(t.id)
            items = [(i, NOT_APPLICABLE["camphor" if t.code == CAMPHOR_TEMPLATE else bool(t.sectors)])
                     for t in templates for i in t.items]
            self.works.append(_StopWork(stop, visit, firm, [(x, names[x]) for x in team],
                                        names[crew[0]] if crew else ACTOR, items, paper=paper))
        self.visit_checklists = [{"visit_id": vid, "template_id": tid} for vid, tids in attached.items() for tid in tids]
        self.library_uses: dict[uuid.UUID, int] = {}

    # -- the same choices as the services, from the loaded data

    def suggested(self, kind: str, sector: str) -> list[TemplateData]:
        """``checklists.suggested_for`` over the loaded templates (already in name order)."""
        key = (kind, sector)
        if key not in self._suggested:
            found = [t for t in self.ref.templates
                     if (not t.visit_kinds or kind in t.visit_kinds) and (not t.sectors or sector in t.sectors)]
            self._suggested[key] = sorted(found, key=lambda t: bool(t.sectors))
        return self._suggested[key]

    def library(self, sector: str) -> tuple[list[LibraryEntry], list[LibraryEntry]]:
        """The library hazards that suit ``sector``: general ones, major ones."""
        if sector not in self._library:
            fit = [e for e in self.ref.library if not e.sectors or sector in e.sectors]
            self._library[sector] = ([e for e in fit if not e.major], [e for e in fit if e.major])
        return self._library[sector]

    # -- planning

    @property
    def hazard_count(self) -> int:
        return sum(len(w.hazards) for w in self.works)

    def plan(self, total: int) -> None:
        """Exactly ``total`` hazards over the firms of the done expert visits (fewer only if the checklists and the
        library cannot supply them): the camphor-oil checks' by their verdicts, the rest spread unevenly (busier
        sectors and high-risk firms have more, some firms none); a share of them major, a share rectified on the
        spot."""
        rng = self.rng
        camphor = [w for w in self.works if w.visit["kind"] == VisitKind.CAMPHOR_ENTRY]
        regular = [w for w in self.works if w.visit["kind"] != VisitKind.CAMPHOR_ENTRY]
        for w in camphor:
            self.camphor_check(w)
        left = max(0, total - self.hazard_count)
        majors_left = round(total * MAJOR_SHARE) - sum(_is_major(s) for w in camphor for s, _ in w.hazards)
        caps = [min(MAX_HAZARDS_PER_STOP, len(w.items) + sum(map(len, self.library(w.firm.sector))))
                for w in regular]
        left = min(left, sum(caps))
        weights = [rng.lognormvariate(0, 0.6) * HAZARD_SECTOR_WEIGHT.get(w.firm.sector, 1.0)
                   * (1.5 if w.firm.high_risk else 1.0) for w in regular]
        cum = list(itertools.accumulate(weights))
        counts = [0] * len(regular)
        placed = 0
        while placed < left:
            i = bisect.bisect(cum, rng.random() * cum[-1])
            if counts[i] < caps[i]:
                counts[i] += 1
                placed += 1
        major = set(rng.sample(range(left), min(left, max(0, majors_left))))
        general = [k for k in range(left) if k not in major]
        on_site = set(rng.sample(general, min(len(general), round(total * ON_SITE_SHARE))))
        k = 0
        for w, n in zip(regular, counts, strict=True):
            self.pick(w, [(k + j in major, k + j in on_site) for j in range(n)])
            k += n
            self.summarise(w)
        for w in self.works:
            for source, _ in w.hazards:
                if isinstance(source, LibraryEntry):
                    self.library_uses[source.id] = self.library_uses.get(source.id, 0) + 1

    def pick(self, w: _StopWork, slots: list[tuple[bool, bool]]) -> None:
        """The sources of one firm's hazards, all different: a failing item of its checklists or, for about a quarter,
        a library entry that suits its sector; major slots take a major-criterion item or a major entry."""
        rng = self.rng
        lib_general, lib_major = self.library(w.firm.sector)
        items = {True: [i for i, _ in w.items if i.is_major_criterion],
                 False: [i for i, _ in w.items if not i.is_major_criterion]}
        lib: dict[bool, list[ItemData | LibraryEntry]] = {True: list(lib_major), False: list(lib_general)}
        for major, on_site in slots:
            first, second = (lib[major], items[major]) if rng.random() < LIBRARY_SHARE else (items[major], lib[major])
            pool = first or second or items[not major] or lib[not major]
            source = pool.pop(rng.randrange(len(pool)))
            w.hazards.append((source, on_site and not _is_major(source)))

    def camphor_check(self, w: _StopWork) -> None:
        """The camphor_entry template item by item: the items its verdict fails, the rest 符合 (a few 不适用)."""
        rng = self.rng
        verdict = w.stop["entry_verdict"] or EntryStatus.ADMITTED.value
        always, maybe = CAMPHOR_FAILS.get(verdict, ((), ()))
        seqs = set(always) | {n for n, p in maybe if rng.random() < p}
        fails = [i for i, _ in w.items if i.id in self.camphor_items and i.seq in seqs]
        if verdict == EntryStatus.REFUSED and len(fails) < 2:  # an edited template: any two items
            others = [i for i, _ in w.items if i not in fails]
            fails += rng.sample(others, min(len(others), 2 - len(fails)))
        failing = {i.id for i in fails}
        w.outcomes = {i.id: Outcome.FAIL.value if i.id in failing else
                      Outcome.NOT_APPLICABLE.value if rng.random() < p else Outcome.PASS.value for i, p in w.items}
        w.hazards = [(i, False) for i in fails]
        w.stop["entry_halt_ref"] = CAMPHOR_HALT_REF
        w.stop["entry_evidence"] = rng.choice(ENTRY_EVIDENCE[verdict])
        n = [*w.outcomes.values()]
        w.stop["summary"] = CAMPHOR_SUMMARY.format(n=len(n), p=n.count(Outcome.PASS), f=n.count(Outcome.FAIL),
                                                   a=n.count(Outcome.NOT_APPLICABLE))

    def summarise(self, w: _StopWork) -> None:
        rng = self.rng
        n = len(w.hazards)
        m = sum(_is_major(s) for s, _ in w.hazards)
        k = sum(o for _, o in w.hazards)
        if not n:
            text = rng.choice(CLEAN_SUMMARIES)
        elif m:
            text = rng.choice(MAJOR_SUMMARIES).format(n=n, m=m)
        elif k == n:
            text = f"现场检查发现一般隐患{n}项，均已当场整改。"
        elif k:
            text = rng.choice(ON_SITE_SUMMARIES).format(n=n, k=k)
        else:
            text = rng.choice(PLAIN_SUMMARIES).format(n=n)
        w.stop["summary"] = text

    # -- rows

    def rows(self, works: Sequence[_StopWork]) -> _Rows:
        out = _Rows()
        for w in works:
            self._stop_rows(w, out)
        return out

    def _stop_rows(self, w: _StopWork, out: _Rows) -> None:
        g, rng, ref = self.g, self.rng, self.ref
        stop, visit, firm = w.stop, w.visit, w.firm
        day, start, end = visit["day"], stop["started_at"], stop["finished_at"]
        span = max(60, int((end - start).total_seconds()))
        recorder = stop["recorded_by"]
        failing = {s.id for s, _ in w.hazards if isinstance(s, ItemData)}
        n_items = len(w.items) or 1
        fail, na, ok = Outcome.FAIL.value, Outcome.NOT_APPLICABLE.value, Outcome.PASS.value
        for k, (item, p_na) in enumerate(() if w.paper else w.items):
            if item.id in failing:
                outcome = fail
            elif w.outcomes is not None:
                outcome = w.outcomes[item.id]
            else:
                outcome = na if rng.random() < p_na else ok
            at = start + timedelta(seconds=span * k // n_items)
            out.results.append({"id": g.uuid(), "created_at": at, "updated_at": at, "version": 1,
                                "stop_id": stop["id"], "item_id": item.id, "outcome": outcome, "note": "",
                                "recorded_by": recorder})
        parts = [x for x in stop["place"].split("、") if x] or [""]
        for seq, (source, on_site) in enumerate(w.hazards, 1):
            item = source if isinstance(source, ItemData) else None
            major = _is_major(source)
            if item is not None:  # from the paper ledger: the item's words, not linked to a checklist
                text, basis, category, measure = item.text, item.basis, item.category, item.suggested_measure
            else:
                assert isinstance(source, LibraryEntry)
                text, basis, category, measure = source.text, source.basis, source.category, source.measure
            days = (item.deadline_days if item else None) or (ref.days_major if major else ref.days_general)
            deadline = day + timedelta(days=days)
            found_at = start + timedelta(seconds=rng.randrange(span))
            who = w.experts[0][0] if len(w.experts) == 1 or rng.random() < 0.6 else rng.choice(w.experts[1:])[0]
            location = rng.choice(parts)
            hid = g.uuid()
            reason = "现场检查发现（据纸质记录录入）" if w.paper else "检查项不符合" if item else "现场检查发现"
            events = [(found_at, "found", None, HazardStatus.PENDING.value, reason, recorder, visit["id"])]
            status, closed_on = self._fate(w, day, deadline, on_site, end, events)
            for at, kind, old, new, reason, actor, vid in events:
                out.events.append({"id": g.uuid(), "created_at": at, "updated_at": at, "version": 1, "hazard_id": hid,
                                   "kind": kind, "from_status": old, "to_status": new, "new_deadline": None,
                                   "reason": reason, "actor": actor, "at": at, "visit_id": vid})
            if text not in self._initials:
                self._initials[text] = initials(text)
            out.hazards.append({
                "id": hid, "created_at": found_at, "updated_at": events[-1][0], "version": 1,
                "enterprise_id": firm.id, "visit_id": visit["id"], "stop_id": stop["id"],
                "checklist_item_id": item.id if item and not w.paper else None, "seq": seq, "description": text,
                "location": location, "category": category,
                "severity": Severity.MAJOR.value if major else Severity.GENERAL.value, "basis": basis,
                "measure": measure, "found_on": day, "deadline": deadline, "responsible_person": firm.responsible,
                "rectified_on_site": on_site, "status": status, "closed_on": closed_on, "found_by_expert_id": who,
                "found_by_officer_id": None, "supervised": major, "remediation_plan": {},
                "original_deadline": deadline, "extension_pending": False, "escalation": 0, "progress_note": "",
                "review_note": "复查合格，予以销号" if status == HazardStatus.CLOSED and not on_site else "",
                "reviewed_on": closed_on if status == HazardStatus.CLOSED and not on_site else None,
                "closed_by": ACTOR if status == HazardStatus.CLOSED else "",
                # as inspection._hazard_search_text
                "search_text": search_key(text, location, basis, measure, firm.responsible,
                                          initials_of_first=self._initials[text]),
            })
        if visit["kind"] == VisitKind.CAMPHOR_ENTRY and stop["entry_verdict"]:
            # camphor.set_initial_status for the May 2022 halt, then camphor.record_verdict on the day of the verdict
            on = firm.verdict or day
            out.entry_lines.append(_row(g, CAMPHOR_HALT, enterprise_id=firm.id, old_status=None,
                                        new_status=EntryStatus.NOT_CHECKED.value, changed_on=CAMPHOR_HALT.date(),
                                        reason=CAMPHOR_HALT_REASON, stop_id=None, changed_by=ACTOR))
            out.entry_lines.append(_row(g, end if on == day else datetime.combine(on, time(16, 0)),
                                        enterprise_id=firm.id, old_status=EntryStatus.NOT_CHECKED.value,
                                        new_status=stop["entry_verdict"], changed_on=on, reason=stop["entry_reasons"],
                                        stop_id=stop["id"], changed_by=recorder))

    def _fate(self, w: _StopWork, found_on: date, deadline: date, on_site: bool, end: datetime,
              events: list[tuple]) -> tuple[str, date | None]:
        """A hazard's status today and the events that led there (appended to ``events``): rectified on the spot;
        still open when found in the last weeks (some of them past their deadline); else closed after
        re-inspection before today."""
        rng, today = self.rng, self.today
        pending, closed = HazardStatus.PENDING.value, HazardStatus.CLOSED.value
        vid = w.visit["id"]
        if on_site:
            events.append((end, "rectified_on_site", pending, closed, "立即整改，现场确认", w.stop["recorded_by"], vid))
            return closed, found_on
        age = (today - found_on).days
        # open: most of the last days' hazards, fewer of those past their deadline (the overdue list's few)
        if age < 2 or (age <= OPEN_DAYS and rng.random() < (0.2 if deadline < today else 0.9 - age / 60)):
            r = rng.random()
            if age < 2 or r < 0.3:
                return pending, None
            on = found_on + timedelta(days=rng.randint(1, age - 1))
            at = datetime.combine(on, time(rng.randint(9, 16), rng.choice((0, 15, 30, 45))))
            if r < 0.7:
                events.append((at, "status", pending, HazardStatus.IN_PROGRESS.value, "企业已制定整改方案，正在整改",
                               w.firm.responsible, None))
                return HazardStatus.IN_PROGRESS.value, None
            events.append((at, "status", pending, HazardStatus.AWAITING_REVIEW.value, "企业报告整改完成，申请复查",
                           w.firm.responsible, None))
            return HazardStatus.AWAITING_REVIEW.value, None
        if w.visit["kind"] == VisitKind.CAMPHOR_ENTRY and w.stop["entry_verdict"] == EntryStatus.REFUSED:
            on = max(found_on + timedelta(days=1), w.firm.verdict or found_on + timedelta(days=30))
            reason = "企业不予准入，已依法关停，隐患随之消除，予以销号"
        else:
            on = found_on + timedelta(days=rng.randint(1, max(1, min(age - 1, (deadline - found_on).days + 10))))
            reason = "整改完成，经复查合格，予以销号"
        at = datetime.combine(on, time(rng.randint(9, 16), rng.choice((0, 15, 30, 45))))
        events.append((at, "closed", pending, closed, reason, w.closer, None))
        return closed, on


# ================================================================================================ entry point


def generate(factory: sessionmaker[Session], scale: str = "seed", seed: int = 0, progress: Progress | None = None,
             *, today: date | None = None) -> dict[str, int]:
    """Fill an empty, migrated database with demo data; returns the number of rows written per kind.

    Commits itself (per chunk of enterprises); refuses a database that already holds enterprises, regions or people
    (ServiceError with a Chinese message). ``today`` pins the fields relative to the current day (see module doc).
    """
    p = plan(scale)
    today = today or date.today()
    g = _Gen(seed)
    towns, villages, places = _regions(g)
    large = scale == "large"
    people = _people(g, today, large)

    with factory() as s, s.begin():
        _check_empty(s)
        for table, rows in ((Town, towns), (Village, villages), (Officer, people["officers"]),
                            (Specialty, people["specialties"]), (Expert, people["experts"]),
                            (ExpertSpecialty, people["expert_specialties"]), (Supervisor, people["supervisors"])):
            s.execute(insert(table.__table__), rows)
        ref = _reference(s)

    firms = _firms(g, p)
    maker = _EnterpriseMaker(g, places, today)
    town_index = {ps[0].town_id: i for i, ps in enumerate(places)}
    refs: list[_FirmRef] = []
    counts = {"towns": len(towns), "villages": len(villages), "enterprises": 0, "high_risk": 0, "in_park": 0,
              "camphor": 0, "camphor_refused": 0, "licences": 0, "contacts": 0, "status_changes": 0,
              "officers": len(people["officers"]), "departments": len(DEPARTMENTS),
              "experts": len(people["experts"]), "specialties": len(people["specialties"]),
              "supervisors": len(people["supervisors"])}
    if progress:
        progress(0, p.enterprises, "企业")
    for start in range(0, len(firms), CHUNK):
        ents: list[dict] = []
        licences: list[dict] = []
        contacts: list[dict] = []
        changes: list[dict] = []
        for f in firms[start:start + CHUNK]:
            e, lic, con, chg = maker.make(f)
            ents.append(e)
            verdict = chg[2]["changed_at"].date() if f.sector == "樟脑油" and len(chg) > 2 else None
            refs.append(_FirmRef(e["id"], f.sector, town_index[e["town_id"]], e["established_on"], f.high_risk,
                                 f.status, f.entry_status, verdict, e["safety_manager"] or e["legal_rep"]))
            licences += lic
            contacts += con
            changes += chg
        with factory() as s, s.begin():
            s.execute(insert(Enterprise.__table__), ents)
            s.execute(insert(EnterpriseLicence.__table__), licences)
            if contacts:
                s.execute(insert(EnterpriseContact.__table__), contacts)
            s.execute(insert(EnterpriseStatusChange.__table__), changes)
        counts["enterprises"] += len(ents)
        counts["licences"] += len(licences)
        counts["contacts"] += len(contacts)
        counts["status_changes"] += len(changes)
        if progress:
            progress(counts["enterprises"], p.enterprises, "企业")

    counts["high_risk"] = sum(f.high_risk for f in firms)
    counts["in_park"] = sum(f.in_park for f in firms)
    counts["camphor"] = sum(f.sector == "樟脑油" for f in firms)
    counts["camphor_refused"] = sum(f.entry_status == EntryStatus.REFUSED for f in firms)

    v = _plan_visits(g, today, large, people, refs, SETTING_DEFAULTS["expert_recusal_reasons"])
    records = _Inspections(g, today, v, people, refs, ref,
                           today - timedelta(days=LARGE_RESULT_DAYS) if large else None)
    records.plan(LARGE_HAZARDS if large else SEED_HAZARDS)
    with factory() as s, s.begin():
        for table, rows in ((Unavailability, v.unavailabilities), (ExpertRecusal, v.recusals),
                            (ExpertAssessment, v.assessments)):
            if rows:
                s.execute(insert(table.__table__), rows)
    total = len(v.visits) + len(v.stops) + len(v.members) + len(records.visit_checklists)
    written = 0
    if progress:
        progress(0, total, "检查")
    for table, rows in ((Visit, v.visits), (VisitStop, v.stops), (VisitMember, v.members),
                        (VisitChecklist, records.visit_checklists)):
        for start in range(0, len(rows), VISIT_CHUNK):
            chunk = rows[start:start + VISIT_CHUNK]
            with factory() as s, s.begin():
                s.execute(insert(table.__table__), chunk)
            written += len(chunk)
            if progress:
                progress(written, total, "检查")
    n_hazards = records.hazard_count
    tally = {"checklist_results": 0, "hazards": 0, "hazards_major": 0, "hazards_on_site": 0, "hazards_open": 0,
             "hazards_overdue": 0, "rectification_events": 0, "entry_status_changes": 0}
    if progress:
        progress(0, n_hazards, "隐患")
    for start in range(0, len(records.works), RECORD_CHUNK):
        r = records.rows(records.works[start:start + RECORD_CHUNK])
        with factory() as s, s.begin():
            for table, rows in ((ChecklistResult, r.results), (Hazard, r.hazards), (RectificationEvent, r.events),
                                (EntryStatusChange, r.entry_lines)):
                if rows:
                    s.execute(insert(table.__table__), rows)
        tally["checklist_results"] += len(r.results)
        tally["hazards"] += len(r.hazards)
        tally["hazards_major"] += sum(h["severity"] == Severity.MAJOR for h in r.hazards)
        tally["hazards_on_site"] += sum(h["rectified_on_site"] for h in r.hazards)
        tally["hazards_open"] += sum(h["status"] != HazardStatus.CLOSED for h in r.hazards)
        tally["hazards_overdue"] += sum(h["status"] != HazardStatus.CLOSED and h["deadline"] < today
                                        for h in r.hazards)
        tally["rectification_events"] += len(r.events)
        tally["entry_status_changes"] += len(r.entry_lines)
        if progress:
            progress(tally["hazards"], n_hazards, "隐患")
    counts.update(tally, visit_checklists=len(records.visit_checklists), expert_stops=len(records.works),
                  paper_records=sum(w.paper for w in records.works), library_entries_used=len(records.library_uses))
    counts.update(
        visits=len(v.visits),
        visits_done=sum(x["status"] == VisitStatus.DONE for x in v.visits),
        visits_past=sum(x["day"] < today for x in v.visits),
        visits_future=sum(x["day"] >= today for x in v.visits),
        visits_cancelled=sum(x["status"] == VisitStatus.CANCELLED for x in v.visits),
        camphor_entry_checks=sum(x["kind"] == VisitKind.CAMPHOR_ENTRY for x in v.visits),
        reinspections=sum(x["kind"] == VisitKind.REINSPECTION for x in v.visits),
        visit_stops=len(v.stops), visit_members=len(v.members), expert_person_times=v.person_times,
        refused_assignments=v.refused, unavailabilities=len(v.unavailabilities), recusals=len(v.recusals),
        assessments=len(v.assessments))
    with factory() as s, s.begin():
        if records.library_uses:  # as hazard_library.record_use: the entries the demo used rank first
            lib = HazardLibraryEntry.__table__
            s.execute(update(lib).where(lib.c.id == bindparam("entry_id"))
                      .values(use_count=lib.c.use_count + bindparam("uses")),
                      [{"entry_id": k, "uses": n} for k, n in records.library_uses.items()])
        s.execute(insert(AuditEntry.__table__), [{
            "id": g.uuid(), "at": utcnow(), "actor": ACTOR, "entity": "demo", "entity_id": None,
            "action": "generate", "detail": {"scale": scale, "seed": seed, "today": today.isoformat(), **counts},
        }])
    return counts


__all__ = ["SCALES", "Plan", "generate", "plan"]
