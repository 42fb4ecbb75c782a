// The demo shop's assortment: a two-level category tree and product templates.
// Brands are made up for the demo; prices are retail per base unit in fen.

/** One size of a product: label, retail price in fen, pack units [name, base units per pack]. */
export type SizeSpec = [size: string, retail: number, packs?: Array<[unit: string, factor: number]>];

export type ProductTemplate = {
  name: string;
  unit: string;
  brands: string[];
  sizes: SizeSpec[];
  /** Colours or flavours; each makes its own product. */
  variants?: string[];
  /** Agricultural goods (grain, edible oil) carry 9% VAT; everything else 13%. */
  taxRate?: 9 | 13;
  shelfLife?: string;
  model?: string;
};

export type SubCategory = { name: string; templates: ProductTemplate[] };
export type TopCategory = { name: string; children: SubCategory[] };

const box = (n: number): Array<[string, number]> => [['箱', n]];

export const catalog: TopCategory[] = [
  {
    name: '食品饮料',
    children: [
      { name: '饮用水', templates: [
        { name: '饮用天然水', unit: '瓶', brands: ['清泉湾', '山溪源'], shelfLife: '24个月', sizes: [['550ml', 200, box(24)], ['1.5L', 400, box(12)], ['5L', 900, box(4)]] },
        { name: '纯净水', unit: '瓶', brands: ['山溪源', '冰爽'], shelfLife: '24个月', sizes: [['555ml', 200, box(24)], ['1.5L', 350, box(12)], ['4.5L', 800, box(4)]] },
        { name: '苏打水', unit: '瓶', brands: ['清泉湾'], shelfLife: '18个月', sizes: [['400ml', 450, box(24)]], variants: ['原味', '柠檬味'] },
      ] },
      { name: '饮料', templates: [
        { name: '汽水', unit: '瓶', brands: ['冰爽'], shelfLife: '12个月', sizes: [['500ml', 300, box(24)], ['2L', 750, box(6)]], variants: ['可乐味', '橙味', '柠檬味'] },
        { name: '罐装汽水', unit: '罐', brands: ['冰爽'], shelfLife: '12个月', sizes: [['330ml', 250, box(24)]], variants: ['可乐味', '橙味', '柠檬味'] },
        { name: '果汁饮料', unit: '瓶', brands: ['果然鲜'], shelfLife: '12个月', sizes: [['450ml', 450, box(15)], ['1L', 1290, box(6)]], variants: ['橙汁', '苹果汁', '芒果汁', '葡萄汁'] },
        { name: '冰红茶', unit: '瓶', brands: ['茶语轩', '冰爽'], shelfLife: '12个月', sizes: [['500ml', 300, box(15)], ['1L', 550, box(12)]] },
        { name: '茉莉绿茶', unit: '瓶', brands: ['茶语轩'], shelfLife: '12个月', sizes: [['500ml', 300, box(15)]] },
        { name: '柠檬茶', unit: '瓶', brands: ['茶语轩'], shelfLife: '12个月', sizes: [['500ml', 350, box(15)]] },
        { name: '无糖乌龙茶', unit: '瓶', brands: ['茶语轩'], shelfLife: '12个月', sizes: [['500ml', 500, box(15)]] },
      ] },
      { name: '乳制品', templates: [
        { name: '纯牛奶', unit: '盒', brands: ['牧野', '草原牧歌'], shelfLife: '6个月', sizes: [['250ml', 350, [['提', 12], ['箱', 24]]], ['1L', 1290, box(6)]] },
        { name: '高钙牛奶', unit: '盒', brands: ['牧野'], shelfLife: '6个月', sizes: [['250ml', 400, box(24)]] },
        { name: '风味酸奶', unit: '瓶', brands: ['草原牧歌', '牧野'], shelfLife: '5个月', sizes: [['200g', 550, box(12)]], variants: ['原味', '草莓味', '黄桃味'] },
      ] },
      { name: '休闲零食', templates: [
        { name: '薯片', unit: '包', brands: ['脆香坊', '乐滋滋'], shelfLife: '9个月', sizes: [['70g', 750, box(20)], ['135g', 1290, box(12)]], variants: ['原味', '黄瓜味', '番茄味'] },
        { name: '苏打饼干', unit: '包', brands: ['乐滋滋'], shelfLife: '12个月', sizes: [['400g', 1290, box(12)]], variants: ['咸味', '香葱味'] },
        { name: '每日坚果', unit: '盒', brands: ['金谷丰'], shelfLife: '8个月', sizes: [['750g(30袋)', 12900, box(4)]] },
        { name: '牛肉干', unit: '包', brands: ['金谷丰'], shelfLife: '9个月', sizes: [['100g', 2990, box(20)]], variants: ['五香', '麻辣'] },
        { name: '焦糖瓜子', unit: '包', brands: ['脆香坊'], shelfLife: '8个月', sizes: [['260g', 990, box(20)]] },
      ] },
      { name: '方便食品', templates: [
        { name: '袋装方便面', unit: '袋', brands: ['面面香'], shelfLife: '6个月', sizes: [['104g', 350, [['包', 5], ['箱', 24]]]], variants: ['红烧牛肉', '香辣牛肉'] },
        { name: '桶装方便面', unit: '桶', brands: ['面面香'], shelfLife: '6个月', sizes: [['120g', 550, box(12)]], variants: ['红烧牛肉', '老坛酸菜'] },
        { name: '火腿肠', unit: '支', brands: ['早点到'], shelfLife: '6个月', sizes: [['30g', 100, [['包', 10], ['箱', 100]]], ['60g', 180, [['包', 8], ['箱', 80]]]] },
        { name: '八宝粥', unit: '罐', brands: ['早点到', '金谷丰'], shelfLife: '24个月', sizes: [['360g', 450, box(12)]] },
      ] },
      { name: '粮油调味', templates: [
        { name: '东北大米', unit: '袋', brands: ['金穗', '福满仓'], taxRate: 9, shelfLife: '12个月', sizes: [['2.5kg', 2690], ['5kg', 4990], ['10kg', 8990]] },
        { name: '小麦粉', unit: '袋', brands: ['金穗'], taxRate: 9, shelfLife: '12个月', sizes: [['5kg', 2990, box(4)]] },
        { name: '压榨花生油', unit: '桶', brands: ['福满仓'], taxRate: 9, shelfLife: '18个月', sizes: [['5L', 12990, box(4)], ['1.8L', 5490, box(6)]] },
        { name: '大豆油', unit: '桶', brands: ['禾田'], taxRate: 9, shelfLife: '18个月', sizes: [['5L', 6990, box(4)]] },
        { name: '生抽酱油', unit: '瓶', brands: ['鲜味坊'], shelfLife: '24个月', sizes: [['500ml', 990, box(12)], ['1.28L', 1890, box(6)]] },
        { name: '香醋', unit: '瓶', brands: ['鲜味坊'], shelfLife: '24个月', sizes: [['500ml', 690, box(12)]] },
        { name: '精制食用盐', unit: '袋', brands: ['鲜味坊'], shelfLife: '36个月', sizes: [['400g', 250, box(40)]] },
        { name: '白砂糖', unit: '袋', brands: ['禾田'], shelfLife: '24个月', sizes: [['400g', 590, box(40)]] },
        { name: '鸡蛋挂面', unit: '包', brands: ['金穗'], shelfLife: '12个月', sizes: [['1kg', 990, box(10)]] },
      ] },
    ],
  },
  {
    name: '日用百货',
    children: [
      { name: '纸品湿巾', templates: [
        { name: '抽纸', unit: '包', brands: ['白云朵', '柔心'], sizes: [['3层130抽', 350, [['提', 6], ['箱', 36]]], ['3层100抽', 250, [['提', 6], ['箱', 48]]]] },
        { name: '手帕纸', unit: '条', brands: ['柔心'], sizes: [['4层10包', 590, box(48)]] },
        { name: '卷纸', unit: '卷', brands: ['白云朵', '柔心'], sizes: [['4层140g', 250, [['提', 10], ['箱', 60]]]] },
        { name: '湿巾', unit: '包', brands: ['柔心'], sizes: [['80抽', 990, box(24)], ['10抽', 190, box(120)]] },
        { name: '厨房用纸', unit: '卷', brands: ['白云朵'], sizes: [['75节', 650, [['提', 2], ['箱', 24]]]] },
      ] },
      { name: '个人护理', templates: [
        { name: '洗发水', unit: '瓶', brands: ['丝悦', '清漾'], sizes: [['400ml', 3990, box(12)], ['750ml', 5990, box(12)]], variants: ['去屑', '柔顺'] },
        { name: '沐浴露', unit: '瓶', brands: ['清漾'], sizes: [['750ml', 3590, box(12)]], variants: ['樱花香', '薄荷香'] },
        { name: '香皂', unit: '块', brands: ['清漾'], sizes: [['115g', 450, box(72)]], variants: ['檀香', '芦荟'] },
        { name: '洗手液', unit: '瓶', brands: ['清漾', '洁立方'], sizes: [['500g', 1590, box(12)]] },
      ] },
      { name: '口腔护理', templates: [
        { name: '牙膏', unit: '支', brands: ['洁齿灵'], sizes: [['120g', 990, box(48)], ['180g', 1390, box(36)]], variants: ['薄荷', '茶爽'] },
        { name: '软毛牙刷', unit: '支', brands: ['洁齿灵'], sizes: [['成人款', 590, [['盒', 12], ['箱', 240]]], ['儿童款', 490, [['盒', 12], ['箱', 240]]]] },
        { name: '漱口水', unit: '瓶', brands: ['洁齿灵'], sizes: [['500ml', 2990, box(12)]] },
      ] },
      { name: '厨房用品', templates: [
        { name: '保鲜膜', unit: '卷', brands: ['巧厨'], sizes: [['30cm×100m', 1590, box(24)], ['20cm×50m', 890, box(48)]] },
        { name: '保鲜袋', unit: '盒', brands: ['巧厨'], sizes: [['中号100只', 990, box(50)], ['大号60只', 1190, box(50)]] },
        { name: '一次性纸杯', unit: '包', brands: ['巧厨'], sizes: [['250ml×50只', 690, box(20)]] },
        { name: '锡纸', unit: '卷', brands: ['巧厨'], sizes: [['30cm×10m', 1290, box(24)]] },
      ] },
    ],
  },
  {
    name: '文具办公',
    children: [
      { name: '书写工具', templates: [
        { name: '中性笔', unit: '支', brands: ['墨点', '文思'], model: 'GP', sizes: [['0.5mm', 200, [['盒', 12], ['箱', 288]]], ['0.38mm', 250, [['盒', 12], ['箱', 288]]]], variants: ['黑色', '蓝色', '红色'] },
        { name: '中性笔芯', unit: '支', brands: ['墨点'], model: 'RF', sizes: [['0.5mm', 80, [['盒', 20], ['箱', 1000]]]], variants: ['黑色', '蓝色'] },
        { name: '圆珠笔', unit: '支', brands: ['文思'], model: 'BP', sizes: [['0.7mm', 150, [['盒', 12], ['箱', 480]]]], variants: ['蓝色', '黑色'] },
        { name: '铅笔', unit: '支', brands: ['书香阁', '文思'], model: 'PC', sizes: [['HB', 100, [['盒', 10], ['箱', 500]]], ['2B', 120, [['盒', 10], ['箱', 500]]]] },
        { name: '荧光笔', unit: '支', brands: ['墨点'], model: 'HL', sizes: [['斜头', 300, [['盒', 10], ['箱', 400]]]], variants: ['黄色', '绿色'] },
        { name: '白板笔', unit: '支', brands: ['文思'], model: 'WB', sizes: [['可加墨', 350, [['盒', 10], ['箱', 400]]]], variants: ['黑色', '红色'] },
      ] },
      { name: '本册纸张', templates: [
        { name: '复印纸', unit: '包', brands: ['书香阁', '立信达'], sizes: [['A4 70g 500张', 2590, box(5)], ['A4 80g 500张', 2990, box(5)], ['A3 80g 500张', 5990, box(5)]] },
        { name: '笔记本', unit: '本', brands: ['书香阁', '文思'], sizes: [['A5 60页', 500, [['包', 10], ['箱', 100]]], ['B5 80页', 700, [['包', 10], ['箱', 100]]]] },
        { name: '便利贴', unit: '本', brands: ['文思'], sizes: [['76×76mm 100张', 300, [['盒', 12], ['箱', 240]]]], variants: ['黄色', '彩色'] },
      ] },
      { name: '办公用品', templates: [
        { name: '订书机', unit: '个', brands: ['办公宝'], model: 'DS-12', sizes: [['12号', 1590, box(24)]] },
        { name: '订书钉', unit: '盒', brands: ['办公宝'], sizes: [['12号 1000枚', 250, [['包', 10], ['箱', 200]]]] },
        { name: '文件夹', unit: '个', brands: ['立信达'], model: 'WJ-A4', sizes: [['A4双夹', 890, box(24)]] },
        { name: '档案盒', unit: '个', brands: ['立信达'], sizes: [['A4 55mm', 690, box(50)], ['A4 75mm', 790, box(40)]], variants: ['蓝色', '白色'] },
        { name: '拉链文件袋', unit: '个', brands: ['立信达'], sizes: [['A4', 250, box(200)]], variants: ['透明', '蓝色'] },
        { name: '计算器', unit: '台', brands: ['办公宝'], model: 'JS-837', sizes: [['12位', 2990, box(20)]] },
        { name: '长尾夹', unit: '盒', brands: ['办公宝'], sizes: [['32mm 12只', 590, box(60)], ['19mm 24只', 590, box(60)]] },
        { name: '透明胶带', unit: '卷', brands: ['立信达'], sizes: [['48mm×100m', 590, [['筒', 6], ['箱', 72]]]] },
      ] },
    ],
  },
  {
    name: '家居清洁',
    children: [
      { name: '衣物清洁', templates: [
        { name: '洗衣液', unit: '瓶', brands: ['净朗', '洁立方'], sizes: [['2kg', 2990, box(6)], ['3kg', 3990, box(4)]], variants: ['薰衣草香', '清新柠檬'] },
        { name: '洗衣粉', unit: '袋', brands: ['净朗'], sizes: [['1.5kg', 1590, box(8)], ['3kg', 2890, box(4)]] },
        { name: '洗衣凝珠', unit: '盒', brands: ['洁立方'], sizes: [['30颗', 3990, box(12)]] },
        { name: '衣物柔顺剂', unit: '瓶', brands: ['净朗'], sizes: [['1L', 1990, box(12)]] },
      ] },
      { name: '厨卫清洁', templates: [
        { name: '洗洁精', unit: '瓶', brands: ['净朗', '家美净'], sizes: [['1.5kg', 1290, box(12)], ['500g', 590, box(24)]] },
        { name: '洁厕液', unit: '瓶', brands: ['家美净'], sizes: [['500g', 790, box(24)]] },
        { name: '84消毒液', unit: '瓶', brands: ['家美净'], sizes: [['1kg', 990, box(12)], ['2.5kg', 1990, box(6)]] },
        { name: '玻璃清洁剂', unit: '瓶', brands: ['洁立方'], sizes: [['500ml', 1090, box(24)]] },
        { name: '厨房油污净', unit: '瓶', brands: ['洁立方'], sizes: [['500g', 1590, box(12)]] },
      ] },
      { name: '清洁工具', templates: [
        { name: '旋转拖把', unit: '套', brands: ['勤快手'], model: 'TB-360', sizes: [['带桶', 5990, box(6)]] },
        { name: '扫把簸箕套装', unit: '套', brands: ['勤快手'], sizes: [['加长杆', 2990, box(10)]] },
        { name: '百洁布', unit: '包', brands: ['勤快手'], sizes: [['10片装', 590, box(50)]] },
        { name: '海绵擦', unit: '包', brands: ['勤快手'], sizes: [['5片装', 490, box(100)]] },
        { name: '橡胶手套', unit: '双', brands: ['家美净'], sizes: [['S码', 590, [['打', 12], ['箱', 240]]], ['M码', 590, [['打', 12], ['箱', 240]]], ['L码', 590, [['打', 12], ['箱', 240]]]] },
      ] },
      { name: '垃圾袋', templates: [
        { name: '平口垃圾袋', unit: '卷', brands: ['绿环', '勤快手'], sizes: [['45×50cm 30只', 350, box(50)], ['60×80cm 20只', 590, box(40)]] },
        { name: '加厚手提垃圾袋', unit: '卷', brands: ['绿环'], sizes: [['50×60cm 40只', 790, box(40)]] },
      ] },
    ],
  },
];
