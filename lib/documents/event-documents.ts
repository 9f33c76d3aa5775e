// The three formal documents of an event (lib/events): its 通知, its 纪要 and the 汇编 of the selected materials.
import { formatDateTime, officialDate } from "@/lib/time";
import type { EventKind } from "@/lib/generated/prisma/enums";
import { EVENT_KIND_LABELS, MATERIAL_LABELS } from "@/lib/events/rules";
import { chineseNumber, issuerOf, type Block, type OfficialDoc } from "./model";

export type EventDocInput = {
  id: string;
  kind: EventKind;
  title: string;
  startsAt: Date;
  place: string;
  agenda: string;
  noticeNumber: string | null;
  submissionDeadline: Date | null;
  notifiedAt: Date | null;
  minutes: string | null;
  followUps: string | null;
  heldAt: Date | null;
  hostUnit: { name: string };
  siteProject: { title: string; unit: { name: string } } | null;
  projects: { project: { title: string; unit: { name: string } } }[];
  invitations: { attendees: string | null; confirmedAt: Date | null; unit: { name: string } }[];
  submissions: { title: string; author: string; body: string; unit: { name: string }; attachments: { fileName: string }[] }[];
};

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** 一、… sections, numbered in order, the empty ones left out. */
function sections(list: { heading: string; blocks: Block[] }[]): Block[] {
  return list
    .filter((section) => section.blocks.length > 0)
    .flatMap((section, index): Block[] => [{ kind: "heading", text: `${chineseNumber(index + 1)}、${section.heading}` }, ...section.blocks]);
}

const projectLines = (event: EventDocInput) => event.projects.map(({ project }) => `“${project.title}”（${project.unit.name}）`);

export function eventNoticeDocument(county: string, event: EventDocInput): OfficialDoc {
  const kind = EVENT_KIND_LABELS[event.kind];
  const material = MATERIAL_LABELS[event.kind];
  const units = event.invitations.map((i) => i.unit.name);
  const title = `关于召开${event.title}的通知`;
  const purpose =
    event.kind === "SITE_VISIT"
      ? `为推广${event.siteProject ? `${event.siteProject.unit.name}“${event.siteProject.title}”等` : ""}创新做法，促进面上创新工作出经验、出成果、出效益`
      : event.kind === "EXCHANGE"
        ? "为交流组织工作改革创新经验，推广特色做法和成功经验"
        : "为深化组织工作改革创新的理论研究，总结提炼创新成果";
  return {
    type: "event-notice",
    id: event.id,
    issuer: issuerOf(county),
    number: event.noticeNumber,
    title,
    label: "活动通知",
    date: event.notifiedAt ?? event.startsAt,
    fileName: title,
    blocks: [
      { kind: "paragraph", text: `${units.length > 12 ? "各有关单位" : units.join("、")}：`, indent: false },
      { kind: "paragraph", text: `${purpose}，经研究，决定召开${event.title}（${kind}）。现将有关事项通知如下：` },
      ...sections([
        {
          heading: "时间和地点",
          blocks: [
            {
              kind: "paragraph",
              text: `${officialDate(event.startsAt)}${formatDateTime(event.startsAt).slice(11)}，${event.place}。承办单位：${event.hostUnit.name}。`,
            },
          ],
        },
        { heading: event.kind === "SITE_VISIT" ? "观摩项目" : "交流项目", blocks: event.projects.length ? [{ kind: "list", items: projectLines(event) }] : [] },
        { heading: "会议议程", blocks: [{ kind: "list", items: lines(event.agenda) }] },
        { heading: "参会单位", blocks: [{ kind: "paragraph", text: `${units.join("、")}。请各单位在平台上确认参会人员。` }] },
        {
          heading: `${material ?? "材料"}报送`,
          blocks:
            material && event.submissionDeadline
              ? [
                  {
                    kind: "paragraph",
                    text: `请各单位于${officialDate(event.submissionDeadline)}${formatDateTime(event.submissionDeadline).slice(11)}前在平台上报送${material}（正文及附件）。县委组织部将择优编入${material}汇编。`,
                  },
                ]
              : [],
        },
      ]),
    ],
  };
}

export function eventMinutesDocument(county: string, event: EventDocInput): OfficialDoc {
  const day = officialDate(event.startsAt);
  const attending = event.invitations.filter((i) => i.confirmedAt);
  const title = `${event.title}纪要`;
  return {
    type: "event-minutes",
    id: event.id,
    issuer: issuerOf(county),
    title,
    subtitle: `（${day}）`,
    label: "活动纪要",
    date: event.heldAt ?? event.startsAt,
    fileName: `${title}（${day}）`,
    blocks: [
      {
        kind: "paragraph",
        text: `${day}，${event.title}在${event.place}召开，${event.hostUnit.name}承办。${attending.length ? `${attending.map((i) => i.unit.name).join("、")}等 ${attending.length} 个单位参加会议。` : ""}现纪要如下。`,
      },
      ...sections([
        { heading: "会议议程", blocks: [{ kind: "list", items: lines(event.agenda) }] },
        {
          heading: event.kind === "SITE_VISIT" ? "观摩的项目" : "交流的项目",
          blocks: event.projects.length ? [{ kind: "list", items: projectLines(event) }] : [],
        },
        { heading: "会议纪要", blocks: lines(event.minutes ?? "").map((text): Block => ({ kind: "paragraph", text })) },
        { heading: "后续工作", blocks: lines(event.followUps ?? "").map((text): Block => ({ kind: "paragraph", text })) },
        {
          heading: "参会人员",
          blocks: attending.length
            ? [{ kind: "table", label: "参会人员", columns: ["单位", "参会人员"], rows: attending.map((i) => [i.unit.name, i.attendees ?? ""]) }]
            : [],
        },
      ]),
    ],
  };
}

export function eventCompilationDocument(county: string, event: EventDocInput): OfficialDoc {
  const material = MATERIAL_LABELS[event.kind] ?? "材料";
  const title = `${event.title}${material}汇编`;
  return {
    type: "event-compilation",
    id: event.id,
    issuer: issuerOf(county),
    title,
    subtitle: `（${officialDate(event.startsAt)}）`,
    label: `${material}汇编`,
    date: event.heldAt ?? event.startsAt,
    fileName: title,
    blocks: [
      { kind: "paragraph", text: `本汇编收录${event.title}入选的${material} ${event.submissions.length} 篇，按报送先后编排。` },
      { kind: "heading", text: "目录" },
      { kind: "list", items: event.submissions.map((s) => `${s.title}（${s.unit.name} ${s.author}）`) },
      ...event.submissions.map(
        (s, i): Block => ({
          kind: "item",
          title: `${chineseNumber(i + 1)}、${s.title}`,
          note: `${s.unit.name}　${s.author}`,
          paragraphs: lines(s.body),
          meta: s.attachments.length ? `附件：${s.attachments.map((a) => a.fileName).join("、")}` : undefined,
        }),
      ),
    ],
  };
}
