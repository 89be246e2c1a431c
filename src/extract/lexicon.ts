// Generic lexicons: suffixes, titles, boundary words and surnames. Nothing here names a
// particular company, park or person; names come from rules, context and packaged data.
import type { EntityType } from '../types.js';

/** Name-final words and the type they give, longest first when matched. */
export const SUFFIX_TYPES: ReadonlyArray<readonly [string, EntityType]> = [
  // companies
  ['股份有限公司', 'company'],
  ['有限责任公司', 'company'],
  ['有限公司', 'company'],
  ['集团公司', 'company'],
  ['集团', 'company'],
  ['公司', 'company'],
  ['银行', 'company'],
  ['酒庄', 'company'],
  ['酒厂', 'company'],
  ['工厂', 'company'],
  ['事务所', 'company'],
  ['农场', 'company'],
  ['农庄', 'company'],
  ['酒店', 'company'],
  // organisations
  ['人大常委会', 'organization'],
  ['管理委员会', 'organization'],
  ['委员会', 'organization'],
  ['管委会', 'organization'],
  ['人民政府', 'organization'],
  ['政府', 'organization'],
  ['党工委', 'organization'],
  ['党委', 'organization'],
  // the committees of the democratic parties (民盟XX区委会)
  ['区委会', 'organization'],
  ['市委会', 'organization'],
  ['县委会', 'organization'],
  ['省委会', 'organization'],
  ['区委', 'organization'],
  ['市委', 'organization'],
  ['县委', 'organization'],
  ['省委', 'organization'],
  ['镇委', 'organization'],
  ['政协', 'organization'],
  ['人大', 'organization'],
  ['发改委', 'organization'],
  ['发展改革委', 'organization'],
  ['经信委', 'organization'],
  ['教委', 'organization'],
  ['卫健委', 'organization'],
  ['纪委', 'organization'],
  ['监委', 'organization'],
  ['宣传部', 'organization'],
  ['组织部', 'organization'],
  ['统战部', 'organization'],
  ['办公室', 'organization'],
  ['发展中心', 'organization'],
  ['服务中心', 'organization'],
  ['融媒体中心', 'organization'],
  ['研究中心', 'organization'],
  ['技术中心', 'organization'],
  ['大学', 'organization'],
  ['学院', 'organization'],
  ['中学', 'organization'],
  ['小学', 'organization'],
  ['学校', 'organization'],
  ['医院', 'organization'],
  ['研究院', 'organization'],
  ['研究所', 'organization'],
  ['科学院', 'organization'],
  ['实验室', 'organization'],
  ['协会', 'organization'],
  ['学会', 'organization'],
  ['商会', 'organization'],
  ['联合会', 'organization'],
  ['促进会', 'organization'],
  ['基金会', 'organization'],
  ['法院', 'organization'],
  ['检察院', 'organization'],
  ['公安局', 'organization'],
  ['管理局', 'organization'],
  ['监督管理局', 'organization'],
  ['局', 'organization'],
  ['厅', 'organization'],
  ['署', 'organization'],
  ['办事处', 'organization'],
  ['党支部', 'organization'],
  ['党总支', 'organization'],
  ['联合社', 'organization'],
  ['合作社', 'organization'],
  ['工商联', 'organization'],
  ['文联', 'organization'],
  ['妇联', 'organization'],
  ['侨联', 'organization'],
  ['科协', 'organization'],
  ['团委', 'organization'],
  ['总工会', 'organization'],
  ['党中央', 'organization'],
  ['中共中央', 'organization'],
  ['国务院', 'organization'],
  ['全国人大', 'organization'],
  ['全国政协', 'organization'],
  ['中央军委', 'organization'],
  ['调研组', 'organization'],
  ['工作组', 'organization'],
  ['领导小组', 'organization'],
  ['专班', 'organization'],
  ['总领事馆', 'organization'],
  ['领事馆', 'organization'],
  ['大使馆', 'organization'],
  ['电视台', 'organization'],
  ['报社', 'organization'],
  ['日报', 'organization'],
  ['新华社', 'organization'],
  ['司', 'organization'],
  ['委', 'organization'],
  ['部', 'organization'],
  // industrial parks and sites
  ['综合保税区', 'industrial-park'],
  ['保税区', 'industrial-park'],
  ['综保区', 'industrial-park'],
  ['经济技术开发区', 'industrial-park'],
  ['高新技术产业开发区', 'industrial-park'],
  ['开发区', 'industrial-park'],
  ['经开区', 'industrial-park'],
  ['高新区', 'industrial-park'],
  ['工业园区', 'industrial-park'],
  ['工业园', 'industrial-park'],
  ['产业园区', 'industrial-park'],
  ['产业园', 'industrial-park'],
  ['科技园', 'industrial-park'],
  ['物流园', 'industrial-park'],
  ['物流园区', 'industrial-park'],
  ['物流中心', 'industrial-park'],
  ['分拨中心', 'industrial-park'],
  ['物流枢纽', 'industrial-park'],
  ['物流基地', 'industrial-park'],
  ['科学城', 'industrial-park'],
  ['产业城', 'industrial-park'],
  ['新城', 'industrial-park'],
  ['新区', 'industrial-park'],
  ['组团', 'industrial-park'],
  ['片区', 'industrial-park'],
  ['园区', 'industrial-park'],
  ['港区', 'industrial-park'],
  ['港', 'industrial-park'],
  ['码头', 'industrial-park'],
  ['口岸', 'industrial-park'],
  // projects
  ['项目', 'project'],
  ['工程', 'project'],
  ['基地', 'project'],
  // industry clusters
  ['产业集群', 'industry-cluster'],
  ['集群', 'industry-cluster'],
  ['产业链', 'industry-cluster'],
];

/** The limited-liability forms a registered company's name ends with. */
export const LIMITED_FORMS = ['股份有限公司', '有限责任公司', '有限公司'];

/** Legal and organisational endings stripped to find a company's short name. */
export const LEGAL_SUFFIXES = [
  ...LIMITED_FORMS,
  '（集团）有限公司',
  '(集团)有限公司',
  '集团有限公司',
  '集团公司',
  '集团',
  '公司',
  '控股',
];

/** Administrative endings of place names: 江津区 → 江津. */
export const PLACE_SUFFIXES = [
  '特别行政区',
  '维吾尔自治区',
  '壮族自治区',
  '回族自治区',
  '自治区',
  '自治州',
  '自治县',
  '省',
  '市',
  '区',
  '县',
  '州',
  '盟',
  '旗',
  '镇',
  '乡',
  '街道',
  '村',
  '社区',
];

/** Head titles: the person holding one leads the body. `lead` is what the body is. */
export interface TitleInfo {
  /** the title as written */
  title: string;
  /** the title leads its body (deputies and members do not) */
  leads: boolean;
  /** the body this title implies when no body is written before it (区长 → 区政府) */
  impliedBody?: string;
}

const HEADS = [
  '书记', '主任', '主席', '局长', '部长', '院长', '校长', '所长', '理事长', '会长', '社长',
  '董事长', '总经理', '总裁', '首席执行官', 'CEO', '行长', '厂长', '站长', '台长', '馆长',
  '主委', '秘书长', '总领事', '领事', '大使', '组长', '队长', '主编', '总编辑', '党组书记',
  '党委书记', '党工委书记', '支部书记', '村支书',
];
const NON_LEADING = [
  '常委', '委员', '成员', '副书记', '副主任', '副主席', '副局长', '副部长', '副院长', '副校长',
  '副所长', '副理事长', '副会长', '副总经理', '副总裁', '副行长', '副秘书长', '副组长',
  '首席科学家', '科学家', '教授', '院士', '研究员', '工程师', '经理', '总监', '负责人',
  '党组成员', '副区长', '副市长', '副省长', '副县长', '副镇长', '专家', '代表', '董事',
];

/** Government heads whose body is implied: 区长 leads 区政府. */
const GOV_HEADS: Record<string, string> = {
  区长: '区政府',
  市长: '市政府',
  省长: '省政府',
  县长: '县政府',
  镇长: '镇政府',
  乡长: '乡政府',
  区委书记: '区委',
  市委书记: '市委',
  县委书记: '县委',
  省委书记: '省委',
  镇党委书记: '镇党委',
  政协主席: '政协',
  人大常委会主任: '人大常委会',
};

export const TITLES: ReadonlyMap<string, TitleInfo> = (() => {
  const m = new Map<string, TitleInfo>();
  for (const t of HEADS) m.set(t, { title: t, leads: true });
  for (const t of NON_LEADING) m.set(t, { title: t, leads: false });
  for (const [t, body] of Object.entries(GOV_HEADS)) m.set(t, { title: t, leads: true, impliedBody: body });
  return m;
})();

/** Words that end a name when scanning left from its suffix (verbs and function words jieba may mis-tag). */
export const BOUNDARY_WORDS = new Set([
  '落地', '落户', '位于', '坐落', '入驻', '签约', '开工', '建设', '打造', '推进', '推动', '引进',
  '招引', '实施', '加快', '参观', '走访', '深入', '举行', '举办', '成功', '全面', '积极', '加速',
  '助力', '依托', '围绕', '聚焦', '发挥', '培育', '壮大', '形成', '构建', '建成', '投产',
  '开园', '揭牌', '成立', '获批', '获评', '列入', '纳入', '作为', '成为', '就是', '包括', '涵盖',
  '其中', '以及', '以', '接下来', '下一步', '请问', '当前', '如今', '近年来', '这是', '这里', '那是', '也是', '还是', '都是', '正是', '即', '同时', '此外', '目前', '今年', '去年', '近年来', '当天', '日前', '此前',
  '记者', '了解', '介绍', '表示', '认为', '指出', '来到', '前往', '考察', '调研', '视察', '出席',
  '参加', '主持', '会见', '看望', '陪同', '率', '带领', '与', '和', '同', '跟', '向', '对', '在',
  '于', '由', '从', '将', '把', '被', '为', '是', '有', '的', '了', '着', '等', '还',
  '也', '都', '又', '已', '正', '再', '并', '或', '共', '让', '使', '给', '至', '到', '经',
  '入选', '提出', '申报', '争取', '助推', '优化', '调整', '冲刺', '迈向', '建立', '设立', '组建', '新建',
  '该', '本', '这', '那', '此', '各', '每', '全', '首', '我', '我们', '我区', '全区', '全市',
  '该区', '该市', '本区', '拟', '计划', '预计', '总投资', '协议', '合同', '新增',
  '正式', '顺利', '集中', '持续', '不断', '进一步', '大力', '着力', '全力', '努力', '重点',
  '主要', '一批', '一个', '多个', '系列', '一系列', '先后', '分别', '相继', '陆续', '首批',
  '规划', '布局', '规划布局', '迎来', '吸引', '带动', '支持', '保障', '落实', '开展', '召开', '出台',
]);

/** Modifiers that do not make a name on their own: 重点项目, 优质项目, 该项目. */
export const GENERIC_MODIFIERS = new Set([
  '重点', '重大', '优质', '招商', '签约', '产业', '新', '大', '好', '各类', '相关', '集中',
  '建设', '在建', '续建', '新建', '开工', '竣工', '投产', '达产', '储备', '在谈', '引进',
  '招引', '配套', '合作', '示范', '试点', '民生', '基础设施', '工业', '农业', '服务业',
  '城市', '乡村', '乡村振兴', '文旅', '旅游', '数字', '智能', '智能化', '大数据', '标志性',
  '引领性', '支撑性', '龙头', '链主', '骨干', '上下游', '外资', '内资', '央企', '国企',
  '民营', '企业', '单位', '部门', '机构', '区级', '市级', '省级', '国家级', '国家', '各级',
  '全国', '全市', '全区', '全省', '本地', '当地', '该', '本', '此', '这', '其', '这些', '一批',
  '其他', '其它', '主导', '支柱', '新兴', '未来', '传统', '现代', '先进', '特色', '优势',
  '战略性', '战略', '重要', '主要', '首个', '第一', '亿元', '万元', '个', '家', '批',
  '年度', '季度', '今年', '去年', '明年', '工作', '专项', '系列', '相关', '产业化', '生产',
  '制造', '研发', '综合', '一号', '头号', '一把手', '十大', '百亿', '千亿', '万亿', '百亿级',
  '千亿级', '万亿级', '五千亿级', '500亿级', '百亿元', '级', '区域', '园区', '基地', '平台',
  '招商引资', '科技创新', '领域', '先进制造', '高质量', '发展', '城乡', '融合', '补链', '延链',
  '强链', '建链', '成群', '首批', '第一批', '第二批', '第三批', '一期', '二期', '三期', '改造',
  '提升', '升级', '技改', '扩能', '扩建', '新开工', '拟建', '已建', '总部', '产业链', '链',
  '主导产业', '新兴产业', '支柱产业', '优势产业', '特色产业', '传统产业', '未来产业', '现有', '一流',
  '新型', '现代农业', '单一', '政策性', '资金', '集体经济', '奥运', '非奥运', '体育', '赛事', '民生',
  '水利', '主体', '试验', '大中小学', '中小学', '人民', '三地', '两地', '多地', '各地',
  '国内', '国际', '全球', '国内国际', '供应链', '上游', '下游', '大抓', '抓', '好', '投达产', '达产', '德政', '立德树人', '新时代', '爱国主义', '教育', '配套',
  '老旧小区', '老旧', '小区', '城中村', '棚户区', '棚改', '危旧房', '数据', '物流', '主体', '多元化', '综合性', '科技', '创新', '行业', '境内', '主体', '跨越式', '产业集群', '集群', '高精尖', '先进制造业',
  '制造业', '五星级', '四星级', '三星级', '国家级', '示范园区', '示范区', '跨国', '跨国企业', '一季度', '二季度', '三季度', '四季度', '上半年', '下半年', '全年',
]);

/** Common Chinese surnames (single and double), for person names after titles. */
export const SURNAMES = new Set(
  (
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁' +
    '任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武' +
    '戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮' +
    '柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古' +
    '吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫' +
    '寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻' +
    '位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦' +
    '戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但' +
    '尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由习'
  ).split(''),
);
export const DOUBLE_SURNAMES = new Set(['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯', '端木', '西门', '南宫']);

/** Words that follow a person's name and show it is one (田亚东说). */
export const SPEECH_VERBS = ['说', '表示', '指出', '强调', '介绍', '认为', '要求', '提出', '希望', '称'];

/** Countries and world regions: generic geography, not taken from any article. */
export const WORLD_PLACES = [
  '中国', '美国', '英国', '法国', '德国', '意大利', '西班牙', '葡萄牙', '荷兰', '比利时', '瑞士', '瑞典',
  '挪威', '丹麦', '芬兰', '冰岛', '爱尔兰', '奥地利', '波兰', '捷克', '匈牙利', '希腊', '土耳其', '俄罗斯',
  '乌克兰', '白俄罗斯', '哈萨克斯坦', '乌兹别克斯坦', '吉尔吉斯斯坦', '塔吉克斯坦', '土库曼斯坦', '蒙古',
  '日本', '韩国', '朝鲜', '越南', '老挝', '柬埔寨', '泰国', '缅甸', '马来西亚', '新加坡', '印度尼西亚',
  '印尼', '菲律宾', '文莱', '东帝汶', '印度', '巴基斯坦', '孟加拉国', '斯里兰卡', '尼泊尔', '不丹',
  '马尔代夫', '阿富汗', '伊朗', '伊拉克', '叙利亚', '约旦', '黎巴嫩', '以色列', '巴勒斯坦', '沙特阿拉伯',
  '沙特', '阿联酋', '卡塔尔', '科威特', '阿曼', '也门', '巴林', '埃及', '利比亚', '突尼斯', '阿尔及利亚',
  '摩洛哥', '苏丹', '埃塞俄比亚', '肯尼亚', '坦桑尼亚', '乌干达', '卢旺达', '尼日利亚', '加纳', '南非',
  '安哥拉', '赞比亚', '津巴布韦', '莫桑比克', '马达加斯加', '刚果', '喀麦隆', '塞内加尔', '科特迪瓦',
  '加拿大', '墨西哥', '古巴', '巴西', '阿根廷', '智利', '秘鲁', '哥伦比亚', '委内瑞拉', '厄瓜多尔',
  '乌拉圭', '巴拉圭', '玻利维亚', '澳大利亚', '新西兰', '斐济', '巴布亚新几内亚', '卢森堡', '罗马尼亚',
  '保加利亚', '塞尔维亚', '克罗地亚', '斯洛伐克', '斯洛文尼亚', '立陶宛', '拉脱维亚', '爱沙尼亚',
  '格鲁吉亚', '亚美尼亚', '阿塞拜疆', '欧洲', '亚洲', '非洲', '北美', '南美', '拉美', '大洋洲', '中东',
  '东南亚', '南亚', '中亚', '西亚', '东亚', '东北亚', '欧盟', '东盟', '香港', '澳门', '台湾',
  '长江', '黄河', '珠江', '淮河', '嘉陵江', '乌江', '岷江', '汉江', '湘江', '赣江', '闽江', '钱塘江',
  '青藏高原', '云贵高原', '黄土高原', '四川盆地', '长江三角洲', '珠江三角洲', '粤港澳大湾区', '京津冀',
  '长三角', '珠三角',
];
/** The same, for look-ups. */
export const WORLD_PLACE_SET: ReadonlySet<string> = new Set(WORLD_PLACES);

/** Endings of named regions and geographic features: 成渝地区双城经济圈, 长江经济带. */
export const REGION_SUFFIXES = ['经济圈', '经济带', '经济区', '城市群', '都市圈', '都市区', '地区', '流域', '高原', '盆地', '平原', '三角洲', '大湾区'];

/** Words that introduce a list of one type: X、Y等企业 → companies. */
export const LIST_HEADS: ReadonlyArray<readonly [string, EntityType]> = [
  ['企业', 'company'],
  ['公司', 'company'],
  ['央企', 'company'],
  ['国企', 'company'],
  ['龙头企业', 'company'],
  ['链主企业', 'company'],
  ['项目', 'project'],
  ['重点项目', 'project'],
  ['产业集群', 'industry-cluster'],
  ['集群', 'industry-cluster'],
  ['园区', 'industrial-park'],
  ['工业园', 'industrial-park'],
];

/** Common words that end like a name but are not one: 布局 (局), 干部 (部), 展厅 (厅). */
export const FALSE_ENDINGS = new Set([
  '布局', '格局', '大局', '结局', '当局', '全局', '开局', '变局', '新局', '破局', '棋局', '邮局',
  '干部', '全部', '内部', '外部', '局部', '总部', '本部', '西部', '东部', '南部', '北部', '中部',
  '腹部', '头部', '底部', '俱乐部', '部署', '细部', '面部', '各部', '支部', '军部', '东北部',
  '西南部', '西北部', '东南部', '展厅', '大厅', '餐厅', '客厅', '展览厅', '上司', '官司', '公司',
  '开好局', '好局', '大中小学', '中小学', '香港', '海港', '港港', '主委', '常委', '编委', '村委', '居委', '部委', '军委',
]);

/** Punctuation that ends a clause, full- and half-width. */
export const CLAUSE_BREAK = /[，。；：！？,;:!?\n“”"]/u;
/** A count before a noun: 五大, 3个, 六大, 两个. It is never part of a name. */
export const COUNT_WORD = /^(?:\d+|[一二两三四五六七八九十百几]+)(?:个|大|家|项|批|类|条)$/u;

/** Verbs that name what a project, park or company does and so stand inside names
 * (装备制造项目, 城乡融合建设项目, 守中投资有限公司); any other verb ends a name. */
export const NAME_VERBS = new Set([
  '制造', '生产', '研发', '加工', '配套', '建设', '融合', '开发', '治理', '改造', '提升', '配置',
  '服务', '创新', '孵化', '检测', '检验', '储能', '仓储', '运营', '装配', '组装', '封装', '冶炼',
  '铸造', '锻造', '印刷', '包装', '种植', '养殖', '物流', '投资', '控股', '管理', '监督', '促进',
  '教育', '学习', '研究', '设计', '咨询', '运输', '交易', '展示', '体验', '培训', '应用', '示范',
  '转化', '集成', '智造', '互联', '互通', '联合', '发展', '规划', '保护', '利用', '回收', '处理',
  '供应', '供水', '发电', '输变电', '储运', '冷链', '贸易', '销售', '展览', '会展', '调度', '监测',
  '联动', '协同', '创业', '招商', '领导', '办理', '执法', '审批', '信息', '通信', '通讯', '传播',
]);
