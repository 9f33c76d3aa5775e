// Every record kind's state table, for the tests that check them all and for docs/states.md. Pure.
import { CAMPAIGN_MACHINE, NOMINATION_MACHINE, OBJECTION_MACHINE } from "@/lib/awards/states";
import { EVENT_MACHINE, SUBMISSION_MACHINE } from "@/lib/events/states";
import { HEARING_MACHINE } from "@/lib/hearings/states";
import { LEDGER_MACHINE } from "@/lib/ledger/states";
import { INSPECTION_MACHINE, RECTIFICATION_MACHINE } from "@/lib/inspections/states";
import { PLAN_MACHINE } from "@/lib/plan/states";
import { PRACTICE_MACHINE } from "@/lib/practice/states";
import { PROJECT_MACHINE } from "@/lib/projects/states";
import { REPORT_MACHINE } from "@/lib/reports/states";
import { RESEARCH_MACHINE } from "@/lib/research/states";
import type { AnyMachine } from "@/lib/states/machine";
import { SUGGESTION_MACHINE } from "@/lib/suggestions/states";
import { CLAIM_MACHINE, DEFENCE_MACHINE, PERSON_BID_MACHINE, TOPIC_MACHINE } from "@/lib/topics/states";

export const MACHINES = {
  suggestion: SUGGESTION_MACHINE,
  project: PROJECT_MACHINE,
  hearing: HEARING_MACHINE,
  report: REPORT_MACHINE,
  inspection: INSPECTION_MACHINE,
  rectification: RECTIFICATION_MACHINE,
  campaign: CAMPAIGN_MACHINE,
  nomination: NOMINATION_MACHINE,
  objection: OBJECTION_MACHINE,
  practice: PRACTICE_MACHINE,
  event: EVENT_MACHINE,
  eventSubmission: SUBMISSION_MACHINE,
  research: RESEARCH_MACHINE,
  ledger: LEDGER_MACHINE,
  topic: TOPIC_MACHINE,
  claim: CLAIM_MACHINE,
  personBid: PERSON_BID_MACHINE,
  defence: DEFENCE_MACHINE,
  plan: PLAN_MACHINE,
} as unknown as Record<string, AnyMachine>;

/** The tables as Markdown (docs/states.md is this text; a unit test keeps the two the same). */
export function statesMarkdown(): string {
  const lines = [
    "# State tables",
    "",
    "Generated from `lib/*/states.ts` by `npx tsx scripts/docs-states.ts`; `tests/unit/states.test.ts` fails when this file",
    "and the code disagree. Each table is the one place where a record kind's states, transitions, who may make",
    "them and what each writes to the audit log are written; services check a transition with `assert`, pages draw",
    "the step bar from `progress`, dashboards take the labels.",
    "",
  ];
  for (const [kind, machine] of Object.entries(MACHINES)) {
    lines.push(`## ${machine.record} (\`${kind}\`)`, "");
    lines.push(
      `States, in the order of the step bar: ${machine.steps.map((step) => step.map((s) => `${machine.label(s)} \`${s}\``).join(" / ")).join(" → ")}.`,
      "",
    );
    if (machine.created?.length) lines.push(`Also made as: ${machine.created.map((s) => `${machine.label(s)} \`${s}\``).join("、")}.`, "");
    if (machine.groupNames.length) {
      lines.push(
        `Groups: ${machine.groupNames
          .map(
            (g) =>
              `\`${g}\` (${machine
                .group(g)
                .map((s) => machine.label(s))
                .join("、")})`,
          )
          .join("; ")}.`,
        "",
      );
    }
    lines.push("| transition | from | to | by | audit |", "| --- | --- | --- | --- | --- |");
    for (const name of machine.transitionNames) {
      const t = machine.transitions[name];
      lines.push(
        `| ${t.label} \`${name}\` | ${t.from.map((s: string) => machine.label(s)).join("、")} | ${t.to ? machine.label(t.to) : "（不变）"} | ${t.by.join(", ")} | ${t.audit ? `\`${t.audit}\`` : "—"} |`,
      );
    }
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
