// The fictional county of the demo data (no real place, no real person).
export const DEMO_PASSWORD = "Demo@2026";

export const COUNTY = { name: "明澜县", code: "X001" };

export const TOWNSHIPS = [
  "城关镇",
  "青石镇",
  "柳河镇",
  "白沙镇",
  "云岭乡",
  "桃源镇",
  "龙泉镇",
  "石门乡",
  "凤鸣镇",
  "清水镇",
  "新安镇",
  "双河乡",
  "东坪镇",
  "西岭乡",
  "南湖镇",
  "北山乡",
  "金川镇",
  "永乐乡",
];

export const ORGANIZATION_DEPARTMENT = "县委组织部";

export const DEPARTMENTS = [
  "县委办公室",
  "县人大常委会办公室",
  "县政府办公室",
  "县政协办公室",
  "县纪委监委",
  ORGANIZATION_DEPARTMENT,
  "县委宣传部",
  "县委统战部",
  "县委政法委",
  "县委编办",
  "县委党校",
  "县直机关工委",
  "县发展和改革局",
  "县教育局",
  "县科技和工业信息化局",
  "县公安局",
  "县民政局",
  "县司法局",
  "县财政局",
  "县人力资源和社会保障局",
  "县自然资源局",
  "县生态环境分局",
  "县住房和城乡建设局",
  "县交通运输局",
  "县水利局",
  "县农业农村局",
  "县商务局",
  "县文化和旅游局",
  "县卫生健康局",
  "县退役军人事务局",
  "县应急管理局",
  "县审计局",
  "县市场监督管理局",
  "县统计局",
  "县医疗保障局",
  "县林业局",
  "县信访局",
  "县总工会",
  "团县委",
  "县妇联",
];

export const SECTIONS = ["办公室", "组织科", "干部科", "干部监督科", "人才工作科", "基层党建办公室", "党员教育中心", "信息中心"];

/** Featured accounts printed at start; every township and department also gets a 填报员 named after its code. */
export const FEATURED_ACCOUNTS = [
  { username: "admin", roles: ["COUNTY_ADMIN"], unit: "办公室", what: "管理员（县委组织部办公室）" },
  { username: "staff", roles: ["COUNTY_STAFF"], unit: "组织科", what: "组工干部（组织科）" },
  { username: "staff2", roles: ["COUNTY_STAFF"], unit: "干部科", what: "组工干部（干部科）" },
  { username: "unit", roles: ["UNIT_USER"], unit: "青石镇", what: "单位填报员（青石镇党委）" },
  { username: "unit2", roles: ["UNIT_USER"], unit: "县教育局", what: "单位填报员（县教育局）" },
  { username: "reviewer", roles: ["REVIEWER"], unit: "县委党校", what: "评审专家（县委党校）" },
  { username: "reviewer2", roles: ["REVIEWER"], unit: "明澜县", what: "评审专家（群众代表）" },
  { username: "reviewer3", roles: ["REVIEWER"], unit: "县政协办公室", what: "评审专家（县政协）" },
  { username: "reviewer4", roles: ["REVIEWER"], unit: "县人大常委会办公室", what: "评审专家（县人大）" },
  { username: "reviewer5", roles: ["REVIEWER"], unit: "青石镇", what: "评审专家（青石镇，与本镇项目回避）" },
  { username: "leader", roles: ["LEADER"], unit: "县委办公室", what: "县委领导" },
  { username: "security", roles: ["SECURITY_ADMIN"], unit: "信息中心", what: "安全管理员" },
  { username: "auditor", roles: ["AUDIT_ADMIN"], unit: "干部监督科", what: "审计管理员" },
] as const;

export const DEMO_YEARS = [2024, 2025, 2026];
export const CURRENT_DEMO_YEAR = 2026;
