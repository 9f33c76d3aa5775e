// Demo suggestions: a few hundred a year, written the way people write to the department.
import "server-only";
import type { Faker } from "@faker-js/faker";
import { db } from "@/lib/db/client";
import { parseBusinessDateTime } from "@/lib/time";
import { SUGGESTION_CATEGORIES, type SuggestionCategory } from "@/lib/suggestions/catalog";
import { createSuggestionRecord, ensureDefaultAspects, triageSuggestionRecord } from "@/lib/suggestions/service";

const IDEAS: Record<SuggestionCategory, string[]> = {
  CADRE: [
    "建议推行“双定双评双述”，村干部年初定目标、年底向乡镇和村两级述职，接受双重评议。",
    "干部考核不能只看材料，建议增加群众满意度测评，结果向本人反馈。",
    "建议建立年轻干部到信访、征地等一线岗位轮岗锻炼的制度。",
    "选拔任用前的考察公示期可以适当延长，并公开举报电话和邮箱。",
    "组工干部培训建议采取“组工讲坛”形式，每周固定时间专题讲授，定期闭卷考试。",
    "建议对新提拔干部实行任职试用期满考核，不合格的及时调整。",
  ],
  PARTY_BUILDING: [
    "建议实施“一村一名入党积极分子”计划，每村每年重点培养一名 30 岁以下、有致富技能的青年。",
    "无职党员设岗定责，让每名党员都有事干、有责任、有评价。",
    "乡镇党委可推行“一委两制三服务”机制，提高服务群众的实效。",
    "流动党员多的村，建议在外出务工集中地建立流动党员党组织，定期过组织生活。",
    "推行党员服务承诺制，承诺事项上墙公示，年底由群众评议。",
    "社区党建可试行“三级四方”共建，驻区单位、物业、业主委员会共同参与。",
    "农村党员“一册一线”管理，建议统一台账格式，方便乡镇汇总。",
  ],
  TALENT: [
    "建议建立乡土人才库，对种养能手、能工巧匠分类登记并给予扶持。",
    "引进的大学生村干部流失较多，建议在职称、待遇、晋升上给予倾斜。",
    "建议每年评选一批“创新性人才”，在全县范围内表彰宣传。",
    "人才服务窗口可以集中办理落户、子女入学、住房补贴等事项。",
    "建议与县内企业合作建立人才实训基地，培养本地技术骨干。",
  ],
  SELF_BUILDING: [
    "建议开通部长信箱和组工博客，常态化收集群众意见。",
    "部机关可建设以改革创新为主题的文化走廊，营造鼓励创新的氛围。",
    "推行“读、讲、干、写、考、评”六步学习法，提升组工干部写作能力。",
    "对创新性工作实行风险零承担、责任零追究承诺，消除干部怕担责的顾虑。",
    "每季度开展一次创新工作专题督查调研，督查组要撰写调研报告。",
    "乡镇组织委员例会建议每月固定召开，交流各乡镇的创新做法。",
  ],
};

const OPENINGS = ["", "我是一名基层党员，", "作为村干部，", "看到县里在推进组织工作创新，", "结合我们乡镇的实际，", "我在县直单位工作多年，"];
const CLOSINGS = ["", "希望组织部门研究采纳。", "以上建议仅供参考。", "恳请领导重视。", "可以先在几个乡镇试点。"];

export async function seedSuggestions(faker: Faker, years: number[], handlerUsername: string) {
  await ensureDefaultAspects();
  const aspects = await db.suggestionAspect.findMany();
  const byCategory = (category: SuggestionCategory) => aspects.filter((aspect) => aspect.category === category);
  const handler = await db.user.findUniqueOrThrow({ where: { username: handlerUsername } });
  const actor = { id: handler.id, username: handler.username, name: handler.name };
  const units = await db.unit.findMany({ where: { type: { in: ["TOWNSHIP", "DEPARTMENT"] } }, select: { id: true } });

  for (const year of years) {
    const count = 150 + faker.number.int(40);
    await db.$transaction(
      async (tx) => {
        for (let i = 0; i < count; i++) {
          const category = faker.helpers.arrayElement(SUGGESTION_CATEGORIES);
          const aspect = faker.helpers.arrayElement(byCategory(category));
          const day = 1 + faker.number.int(30);
          const createdAt = parseBusinessDateTime(
            `${year}-01-${String(day).padStart(2, "0")} ${String(8 + faker.number.int(11)).padStart(2, "0")}:${String(faker.number.int(59)).padStart(2, "0")}`,
          )!;
          const fromUnit = faker.number.int(3) === 0;
          const suggestion = await createSuggestionRecord(
            tx,
            {
              category,
              aspectId: aspect.id,
              content: `${faker.helpers.arrayElement(OPENINGS)}${faker.helpers.arrayElement(IDEAS[category])}${faker.helpers.arrayElement(CLOSINGS)}`,
              submitterName: fromUnit || faker.number.int(2) === 0 ? null : faker.person.fullName().replace(/\s/g, ""),
              contact: fromUnit || faker.number.int(2) === 0 ? null : faker.phone.number({ style: "national" }).replace(/\D/g, "").slice(0, 11),
            },
            { actor: null, unitId: fromUnit ? faker.helpers.arrayElement(units).id : null, ip: null, createdAt },
          );
          // Last year's box is fully handled; this year's is half way.
          const roll = faker.number.int(99);
          const handled = year < years[years.length - 1] ? roll < 95 : roll < 50;
          if (!handled) continue;
          const action = roll % 4 === 0 ? "notAdopted" : roll % 3 === 0 ? "accept" : "reply";
          const reply =
            action === "notAdopted"
              ? "感谢您的建议。经研究，该事项已有相关制度规定，暂不另行安排。"
              : action === "reply"
                ? "感谢您的建议，已转相关科室研究，将在年度参考选题中统筹考虑。"
                : null;
          await triageSuggestionRecord(tx, { id: suggestion.id, version: 0, action, reply }, { actor, ip: null });
        }
      },
      { timeout: 120_000 },
    );
  }
}
