"""Place-name lists for the LOC and ORG rules: general gazetteers, not sample-page names.

* all provincial-level divisions of China (full and short names);
* all prefecture-level divisions (cities, prefectures, leagues) by their short names, as
  in the 2023 administrative division list; an official list, taken whole, so that the
  rules behave alike on every local paper;
* countries and regions often named in Chinese news, and territories often in the news
  (``加沙地带``, ``克里米亚``);
* capitals and major cities of the world (``华盛顿``, ``莫斯科``, ``日内瓦``), a closed
  list as the provinces are (words that are also common words, such as 汉堡 "hamburger",
  万象, 金边, 河内 in 黄河内…, are left out);
* China's major rivers, lakes, mountains and seas, the great river deltas and the
  national strategic regions (``珠江三角洲``, ``粤港澳大湾区``, ``雄安新区``).

Short names that are also common words (来宾 "guests", 白银 "silver", 长治 in 长治久安,
大同 in 世界大同, 安康, 日照, 阿里 …) are in :data:`AMBIGUOUS` and only count with a suffix
(市/州/地区/盟).
"""

from __future__ import annotations

from ._text import split_words

PROVINCES_FULL = split_words(
    "北京市 天津市 上海市 重庆市 河北省 山西省 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 "
    "福建省 江西省 山东省 河南省 湖北省 湖南省 广东省 海南省 四川省 贵州省 云南省 陕西省 "
    "甘肃省 青海省 台湾省 内蒙古自治区 广西壮族自治区 西藏自治区 宁夏回族自治区 "
    "新疆维吾尔自治区 香港特别行政区 澳门特别行政区"
)
PROVINCES_SHORT = split_words(
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 "
    "湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门"
)

PREFECTURES = split_words(
    # Hebei
    "石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 "
    # Shanxi
    "太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁 "
    # Inner Mongolia
    "呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 兴安 锡林郭勒 阿拉善 "
    # Liaoning
    "沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛 "
    # Jilin
    "长春 四平 辽源 通化 白山 松原 白城 延边 "
    # Heilongjiang
    "哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化 大兴安岭 "
    # Jiangsu
    "南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 "
    # Zhejiang
    "杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 "
    # Anhui
    "合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城 "
    # Fujian
    "福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 "
    # Jiangxi
    "南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶 "
    # Shandong
    "济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽 "
    # Henan
    "郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 "
    "驻马店 济源 "
    # Hubei
    "武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施 仙桃 潜江 天门 神农架 "
    # Hunan
    "长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 湘西 "
    # Guangdong
    "广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 "
    "中山 潮州 揭阳 云浮 "
    # Guangxi
    "南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左 "
    # Hainan
    "海口 三亚 三沙 儋州 "
    # Sichuan
    "成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 "
    "资阳 阿坝 甘孜 凉山 "
    # Guizhou
    "贵阳 六盘水 遵义 安顺 毕节 铜仁 黔西南 黔东南 黔南 "
    # Yunnan
    "昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 楚雄 红河 文山 西双版纳 大理 德宏 怒江 迪庆 "
    # Tibet
    "拉萨 日喀则 昌都 林芝 山南 那曲 阿里 "
    # Shaanxi
    "西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛 "
    # Gansu
    "兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 临夏 甘南 "
    # Qinghai
    "西宁 海东 海北 黄南 果洛 玉树 海西 "
    # Ningxia
    "银川 石嘴山 吴忠 固原 中卫 "
    # Xinjiang
    "乌鲁木齐 克拉玛依 吐鲁番 哈密 昌吉 博尔塔拉 巴音郭楞 阿克苏 克孜勒苏 喀什 和田 伊犁 "
    "塔城 阿勒泰 石河子 "
    # Taiwan's main cities
    "台北 高雄 台中 台南 新北 桃园 基隆 新竹 嘉义"
)

AMBIGUOUS = frozenset(
    split_words(
        "来宾 白银 长治 大同 安康 日照 阿里 中山 朝阳 北海 海东 海北 海西 山南 黄南 红河 文山 "
        "玉树 普洱 中卫 白山 兴安 大理 海口 武威 和田 桃园 新竹 大庆 开封 巴中 天门 新乡 四平 "
        "三明 广安 安顺"
    )
)

# The suffix of the prefecture-level divisions that are not cities (autonomous prefectures
# 自治州, usually written …州; areas 地区; leagues 盟).
SUFFIX = {
    **dict.fromkeys(
        split_words(
            "延边 恩施 湘西 阿坝 甘孜 凉山 黔西南 黔东南 黔南 楚雄 红河 文山 西双版纳 大理 德宏 "
            "怒江 迪庆 临夏 甘南 海北 黄南 果洛 玉树 海西 昌吉 博尔塔拉 巴音郭楞 克孜勒苏 伊犁"
        ),
        "州",
    ),
    **dict.fromkeys(split_words("大兴安岭 阿里 和田 喀什 阿克苏 塔城 阿勒泰"), "地区"),
    **dict.fromkeys(split_words("兴安 锡林郭勒 阿拉善"), "盟"),
}

COUNTRIES = split_words(
    "中国 中华人民共和国 美国 美利坚合众国 日本 韩国 朝鲜 俄罗斯 英国 法国 德国 意大利 "
    "西班牙 葡萄牙 荷兰 比利时 瑞士 瑞典 挪威 芬兰 丹麦 波兰 希腊 土耳其 乌克兰 白俄罗斯 "
    "奥地利 匈牙利 捷克 罗马尼亚 塞尔维亚 爱尔兰 冰岛 加拿大 墨西哥 巴西 阿根廷 智利 秘鲁 "
    "哥伦比亚 委内瑞拉 古巴 澳大利亚 新西兰 印度 巴基斯坦 孟加拉国 斯里兰卡 尼泊尔 阿富汗 "
    "伊朗 伊拉克 叙利亚 以色列 巴勒斯坦 沙特阿拉伯 沙特 阿联酋 卡塔尔 埃及 南非 尼日利亚 "
    "埃塞俄比亚 肯尼亚 阿尔及利亚 摩洛哥 越南 老挝 柬埔寨 泰国 缅甸 马来西亚 新加坡 印度尼西亚 "
    "印尼 菲律宾 蒙古国 哈萨克斯坦 乌兹别克斯坦 吉尔吉斯斯坦 塔吉克斯坦 土库曼斯坦 "
    "欧洲 亚洲 非洲 北美洲 南美洲 拉丁美洲 大洋洲 南极洲 东南亚 中东 "
    # more countries (left out: 海地 in 沿海地区, 加纳 in 增加纳入, 马里, 不丹, 黑山)
    "乌拉圭 巴拉圭 玻利维亚 厄瓜多尔 巴拿马 哥斯达黎加 尼加拉瓜 危地马拉 洪都拉斯 萨尔瓦多 "
    "多米尼加 牙买加 苏里南 圭亚那 斐济 巴布亚新几内亚 约旦 黎巴嫩 也门 阿曼 科威特 巴林 "
    "利比亚 突尼斯 苏丹 南苏丹 安哥拉 坦桑尼亚 乌干达 卢旺达 塞内加尔 尼日尔 刚果 喀麦隆 "
    "津巴布韦 赞比亚 莫桑比克 马达加斯加 毛里求斯 纳米比亚 博茨瓦纳 索马里 吉布提 厄立特里亚 "
    "格鲁吉亚 亚美尼亚 阿塞拜疆 摩尔多瓦 立陶宛 拉脱维亚 爱沙尼亚 斯洛伐克 斯洛文尼亚 "
    "克罗地亚 波黑 北马其顿 阿尔巴尼亚 保加利亚 卢森堡 马耳他 塞浦路斯 摩纳哥 文莱 东帝汶 "
    "马尔代夫 蒙古 "
    # territories often in the news
    "加沙地带 加沙 约旦河西岸 戈兰高地 克里米亚 顿巴斯 科索沃"
)

WORLD_CITIES = split_words(
    "华盛顿 纽约 洛杉矶 旧金山 芝加哥 休斯敦 波士顿 西雅图 费城 迈阿密 拉斯维加斯 "
    "伦敦 巴黎 柏林 罗马 马德里 巴塞罗那 里斯本 阿姆斯特丹 布鲁塞尔 维也纳 日内瓦 苏黎世 "
    "洛桑 伯尔尼 慕尼黑 法兰克福 米兰 威尼斯 佛罗伦萨 莫斯科 圣彼得堡 基辅 明斯克 华沙 "
    "布拉格 布达佩斯 贝尔格莱德 布加勒斯特 雅典 伊斯坦布尔 安卡拉 斯德哥尔摩 奥斯陆 "
    "赫尔辛基 哥本哈根 都柏林 爱丁堡 海牙 斯特拉斯堡 达沃斯 戛纳 里昂 曼彻斯特 利物浦 "
    "东京 大阪 横滨 名古屋 首尔 釜山 仁川 平壤 新德里 孟买 班加罗尔 伊斯兰堡 卡拉奇 德黑兰 "
    "巴格达 大马士革 贝鲁特 利雅得 吉达 迪拜 阿布扎比 多哈 开罗 耶路撒冷 特拉维夫 安曼 "
    "曼谷 胡志明市 仰光 吉隆坡 雅加达 马尼拉 悉尼 墨尔本 堪培拉 惠灵顿 奥克兰 渥太华 多伦多 "
    "温哥华 蒙特利尔 墨西哥城 里约热内卢 圣保罗 巴西利亚 布宜诺斯艾利斯 圣地亚哥 利马 哈瓦那 "
    "加拉加斯 内罗毕 约翰内斯堡 开普敦 比勒陀利亚 拉各斯 阿布贾 亚的斯亚贝巴 达喀尔 "
    "阿斯塔纳 阿拉木图 塔什干 比什凯克 杜尚别 阿什哈巴德 乌兰巴托 加德满都 达卡 科伦坡 "
    "喀布尔 明斯克 第比利斯 巴库 埃里温"
)

NATURAL = split_words(
    "长江 黄河 珠江 淮河 海河 辽河 松花江 雅鲁藏布江 澜沧江 嘉陵江 汉江 赣江 闽江 钱塘江 "
    "漓江 渭河 汾河 洞庭湖 鄱阳湖 太湖 巢湖 洪泽湖 青海湖 滇池 西湖 泰山 华山 衡山 嵩山 "
    "恒山 黄山 峨眉山 庐山 武夷山 长白山 昆仑山 天山 秦岭 喜马拉雅山 珠穆朗玛峰 渤海 黄海 "
    "东海 南海 台湾海峡 青藏高原 黄土高原 四川盆地 塔里木盆地 "
    "长江三角洲 珠江三角洲 黄河三角洲 长三角 珠三角 京津冀 粤港澳大湾区 长江经济带 "
    "成渝地区 雄安新区 浦东新区 滨海新区 两江新区 海南自由贸易港 "
    # the venues of national politics
    "人民大会堂 天安门广场 天安门 中南海 钓鱼台国宾馆"
)
