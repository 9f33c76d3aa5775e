// Demo: a plausible year of 盘点销号 and 组工讲坛 for the demo county's sections, made through the services:
// each section's legacy problems (one cleared, one past its target, one still in hand; 干部监督科's cleared one
// reopened), the Tuesday and Friday
// sessions up to yesterday with most cadres signed in, two closed-book exams with scores, and 心得体会.
// Today's session is left to the journeys (tests/e2e/ledger-learning.spec.ts).
import "server-only";
import { db } from "@/lib/db/client";
import { formatDate, parseBusinessDateTime } from "@/lib/time";
import { createProblemRecord, confirmClearRecord, reopenProblemRecord, requestClearRecord } from "@/lib/ledger/service";
import { createExamRecord, createReflectionRecord, createSessionRecord, saveScoresRecord, signInRecord } from "@/lib/learning/service";

const PROBLEMS = [
  ["部分村级党组织换届遗留的班子不全问题", "2021 年换届以来", "逐村摸排，提出补选方案，报镇党委审定后组织补选"],
  ["干部人事档案材料缺失、信息不一致", "2018 年档案专审以来", "对照专审台账逐人补充材料，建立档案材料收集归档责任制"],
  ["流动党员组织关系长期未转接", "2019 年以来", "联系流入地党组织，逐人核实去向，办理转接或纳入流动党员管理"],
  ["人才公寓入住率低、管理不规范", "2020 年建成以来", "修订入住管理办法，与人社部门建立联审机制"],
  ["党员教育培训台账不完整", "2022 年以来", "统一台账格式，按季度检查，纳入支部考核"],
  ["信息系统账号长期未清理", "2019 年系统上线以来", "逐一核对在岗人员，停用离岗人员账号，建立定期清理制度"],
];
const TOPICS = [
  "新时代党的组织路线学习辅导",
  "干部选拔任用工作条例解读",
  "基层党组织规范化建设实务",
  "发展党员工作细则要点",
  "人才工作政策汇编学习",
  "干部监督工作中的常见问题",
  "公文写作与调研报告撰写",
  "组织工作信息化应用",
];
const SPEAKERS = ["王科长", "李科长", "张副部长", "刘科长", "县委党校陈老师", "杨科长"];

const day = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

export async function seedLedgerAndLearning(year: number, now = new Date()) {
  const admin = await db.user.findUniqueOrThrow({ where: { username: "admin" } });
  const adminBy = { actor: { id: admin.id, username: admin.username, name: admin.name }, ip: null };
  const sections = await db.unit.findMany({
    where: { type: "SECTION" },
    orderBy: { sortOrder: "asc" },
    select: { id: true, name: true, headId: true, users: { where: { active: true, roles: { has: "COUNTY_STAFF" } }, orderBy: { username: "asc" } } },
  });
  const cadres = sections.flatMap((s) => s.users.map((u) => ({ ...u, unit: { type: "SECTION" as const } })));
  const today = parseBusinessDateTime(formatDate(now))!;
  const yearStart = parseBusinessDateTime(`${year}-01-01`)!;

  // 盘点销号: three problems per section with cadres, logged at the start of the year.
  for (const [index, section] of sections.entries()) {
    const head = section.users.find((u) => u.id === section.headId);
    if (!head) continue;
    const headWriter = { ...head, unit: { type: "SECTION" as const } };
    const headBy = { actor: { id: head.id, username: head.username, name: head.name }, ip: null };
    const others = section.users.filter((u) => u.id !== head.id);
    const owner = others[0] ?? head;
    const loggedOn = day(yearStart, 20 + index * 3);
    const texts = [PROBLEMS[index % PROBLEMS.length], PROBLEMS[(index + 2) % PROBLEMS.length], PROBLEMS[(index + 4) % PROBLEMS.length]];
    const created: string[] = [];
    for (const [n, [title, since, measures]] of texts.entries()) {
      // The first is due mid-year (cleared), the second a month ago (overdue), the third in two months.
      const targetDate = n === 0 ? day(yearStart, 170) : n === 1 ? day(today, -30) : day(today, 60);
      const ownerId = n === 2 ? head.id : owner.id;
      const { id } = await db.$transaction((tx) =>
        createProblemRecord(
          tx,
          { title, since, measures, targetDate: targetDate < loggedOn ? day(loggedOn, 30) : targetDate, ownerId },
          { ...headWriter, unitId: section.id },
          {
            ...headBy,
            now: loggedOn,
          },
        ),
      );
      created.push(id);
    }
    // The first one is cleared with evidence, confirmed by the head (or the admin for the head's own).
    const first = await db.ledgerProblem.findUniqueOrThrow({ where: { id: created[0] } });
    const keeperBy = { ...headBy, now: day(first.targetDate, -10) };
    const requested = await db.$transaction((tx) =>
      requestClearRecord(
        tx,
        { id: first.id, version: first.version, evidence: "已按整改措施完成，相关材料已归档，经回访确认问题不再存在。" },
        { ...headWriter, unitId: section.id },
        keeperBy,
      ),
    );
    const confirmer =
      first.ownerId === head.id ? { viewer: { ...admin, unit: { type: "SECTION" as const } }, by: adminBy } : { viewer: headWriter, by: headBy };
    const cleared = await db.$transaction((tx) =>
      confirmClearRecord(tx, { id: first.id, version: requested.version, accept: true, comment: "材料齐全，同意销号" }, confirmer.viewer, {
        ...confirmer.by,
        now: day(first.targetDate, -5),
      }),
    );
    // 干部监督科's cleared problem came back: reopened with a reason a month after, back with its owner.
    if (index === 3)
      await db.$transaction((tx) =>
        reopenProblemRecord(tx, { id: first.id, version: cleared.version, reason: "回访发现问题反弹，部分材料仍未归档到位" }, confirmer.viewer, {
          ...confirmer.by,
          now: day(first.targetDate, 25),
        }),
      );
  }

  // 组工讲坛: every Tuesday and Friday at 17:00 from the start of the year up to yesterday.
  const sessions: { id: string; heldOn: Date }[] = [];
  for (let date = yearStart, n = 0; date < today; date = day(date, 1)) {
    const weekday = new Date(date.getTime() + 8 * 3_600_000).getUTCDay();
    if (weekday !== 2 && weekday !== 5) continue;
    const heldOn = new Date(date.getTime() + 17 * 3_600_000);
    const { id } = await db.$transaction((tx) =>
      createSessionRecord(
        tx,
        {
          heldOn,
          speaker: SPEAKERS[n % SPEAKERS.length],
          topic: `${TOPICS[n % TOPICS.length]}（第 ${Math.floor(n / TOPICS.length) + 1} 讲）`,
          place: "部机关三楼会议室",
        },
        {
          ...adminBy,
          now: heldOn,
        },
      ),
    );
    sessions.push({ id, heldOn });
    // Most cadres sign in; each misses about one session in seven.
    await db.$transaction(async (tx) => {
      for (const [c, cadre] of cadres.entries()) {
        if ((n + c * 3) % 7 === 6) continue;
        await signInRecord(tx, id, cadre, {
          actor: { id: cadre.id, username: cadre.username, name: cadre.name },
          ip: null,
          now: new Date(heldOn.getTime() + 5 * 60_000),
        });
      }
    });
    n++;
  }

  // Two closed-book exams (业务闭卷考试), at the end of the first and third quarters when past.
  for (const [e, month] of [3, 9].entries()) {
    const heldOn = parseBusinessDateTime(`${year}-${String(month).padStart(2, "0")}-28`)!;
    if (heldOn > today) continue;
    const { id } = await db.$transaction((tx) =>
      createExamRecord(
        tx,
        { title: e === 0 ? "组织工作业务知识闭卷考试（一）" : "组织工作业务知识闭卷考试（二）", heldOn, fullMark: 100, passMark: 60 },
        { ...adminBy, now: heldOn },
      ),
    );
    await db.$transaction((tx) =>
      saveScoresRecord(
        tx,
        { examId: id, scores: cadres.map((cadre, c) => ({ userId: cadre.id, score: 55 + ((c * 7 + e * 11) % 43) })) },
        { ...adminBy, now: heldOn },
      ),
    );
  }

  // 心得体会: two or three per cadre, about past sessions.
  for (const [c, cadre] of cadres.entries()) {
    for (let k = 0; k < 2 + (c % 2); k++) {
      const session = sessions[(c * 5 + k * 17) % Math.max(1, sessions.length)];
      if (!session) break;
      await db.$transaction((tx) =>
        createReflectionRecord(
          tx,
          {
            title: `学习${TOPICS[(c + k) % TOPICS.length]}的体会`,
            content:
              "通过这次学习，进一步认识到组织工作要坚持用改革创新的思路和办法解决问题，要在吃透政策的基础上结合本科室实际抓好落实，做到学用结合、知行合一。",
            sessionId: session.id,
          },
          cadre,
          { actor: { id: cadre.id, username: cadre.username, name: cadre.name }, ip: null, now: day(session.heldOn, 2) },
        ),
      );
    }
  }
}
