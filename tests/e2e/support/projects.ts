// Projects a journey makes for itself, through the app's own pages (CONTRIBUTING.md: a journey never changes
// a demo record, and reads only what it made or what no journey changes). Each step goes straight to its URL and
// fills only what the app requires, so that making a project costs seconds, not a walk through the menus.
import type { Page } from "@playwright/test";
import { field, fillProposal } from "../proposal-support";
import { expect, expectStage, signInAndWait, unique } from "../support";

export type MadeProject = { id: string; title: string; url: string };

/** The `openPage` fixture of `test` in ../support: a page in a browser context of its own. */
type OpenPage = () => Promise<Page>;

/** A datetime-local value for now, Beijing time. */
const now = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16);

/**
 * On a page signed in as a unit's 填报员: a new proposal with every required field, submitted (已申报).
 * The title is unique unless given (give one made with `unique()`).
 */
export async function submitProposal(clerk: Page, title = unique("自建项目")): Promise<MadeProject> {
  await clerk.goto("/projects");
  await clerk.getByRole("button", { name: "新建申报书" }).click();
  await expect(clerk.getByRole("heading", { name: "填写申报书" })).toBeVisible();
  await field(clerk, "项目名称").fill(title);
  await clerk.getByLabel(/^类别/).selectOption({ index: 1 });
  await clerk.getByLabel(/^目标层次/).selectOption({ index: 1 });
  await field(clerk, "拟解决的问题").fill("党员作用发挥不充分，群众获得感不强。");
  await fillProposal(clerk);
  await clerk.getByRole("button", { name: "提交申报" }).click();
  await expect(clerk.getByText("申报书已提交。")).toBeVisible();
  await expectStage(clerk, "已申报");
  const url = new URL(clerk.url()).pathname;
  return { id: url.split("/")[2], title, url };
}

export type Verdict = "立项" | "修改后再审" | "不予立项";

/** On a page signed in as the admin: a new 部务会 (期次 `prefix` and a unique suffix); its 期次 and its page's path. */
export async function newMeeting(admin: Page, prefix = "自建第", attendees = "部长、副部长") {
  await admin.goto("/hearings/meetings");
  const number = unique(prefix);
  await admin.getByLabel(/^期次/).fill(number);
  await admin.getByLabel(/^会议时间/).fill(now());
  await admin.getByLabel(/^参会人员/).fill(attendees);
  await admin.getByRole("button", { name: "新建部务会" }).click();
  await expect(admin.getByRole("heading", { name: `部务会（${number}）创新项目审定结果` })).toBeVisible();
  return { number, url: new URL(admin.url()).pathname };
}

/** On a 部务会's page: records its decision on one project, found by its (unique) title. */
export async function decide(admin: Page, meetingUrl: string, projectTitle: string, verdict: Verdict, opinion: string) {
  // The picker offers a limited number of projects: narrowed to this one by its title.
  await admin.goto(`${meetingUrl}?q=${encodeURIComponent(projectTitle)}`);
  const picker = admin.getByLabel(/^项目/);
  await picker.selectOption({ label: (await picker.locator("option", { hasText: projectTitle }).first().innerText()).trim() });
  await admin.getByRole("radio", { name: verdict, exact: true }).check();
  await admin.getByLabel(/^审定意见/).fill(opinion);
  await admin.getByRole("button", { name: "记录审定结果" }).click();
  await expect(admin.getByRole("table", { name: "审定结果" })).toContainText(opinion);
}

/**
 * On a page signed in as the admin: a new 部务会 that approves (立项) each of the submitted projects straight away,
 * as the app allows for a proposal that needs no hearing (lib/hearings/decisions.ts: from 已申报 or 听证中).
 */
export async function approveProjects(admin: Page, projects: MadeProject[]) {
  const meeting = await newMeeting(admin);
  for (const project of projects) await decide(admin, meeting.url, project.title, "立项", `同意立项：${project.title}`);
}

/** On a page signed in as the admin (or the project's unit): 开始实施 on an approved project (实施中). */
export async function startProject(page: Page, project: MadeProject) {
  await page.goto(project.url);
  await page.getByRole("button", { name: "开始实施" }).click();
  await expectStage(page, "实施中");
}

export type MakeOptions = {
  /** The 填报员 who proposes it, e.g. "unit" (青石镇) or a township's "z0NN"; "unit" if not given. */
  clerk?: string;
  /** How many; each gets its own unique title. */
  count?: number;
  /** Title prefix (a unique suffix is added). */
  prefix?: string;
  /** An admin page to reuse (saves a sign-in); otherwise one is opened. */
  admin?: Page;
};

/** Submitted proposals (已申报) of one unit, made by its 填报员 in a page of their own. */
export async function submittedProjects(openPage: OpenPage, options: MakeOptions = {}): Promise<MadeProject[]> {
  const clerk = await openPage();
  await signInAndWait(clerk, options.clerk ?? "unit");
  const made: MadeProject[] = [];
  for (let i = 0; i < (options.count ?? 1); i++) made.push(await submitProposal(clerk, unique(options.prefix ?? "自建项目")));
  await clerk.close();
  return made;
}

async function adminPage(openPage: OpenPage, options: MakeOptions) {
  if (options.admin) return options.admin;
  const admin = await openPage();
  await signInAndWait(admin, "admin");
  return admin;
}

/** Approved projects (已立项): proposed by the unit, approved by a 部务会 of their own. */
export async function approvedProjects(openPage: OpenPage, options: MakeOptions = {}): Promise<MadeProject[]> {
  const made = await submittedProjects(openPage, options);
  await approveProjects(await adminPage(openPage, options), made);
  return made;
}

/** Projects being implemented (实施中): approved, then started by the admin. */
export async function startedProjects(openPage: OpenPage, options: MakeOptions = {}): Promise<MadeProject[]> {
  const made = await submittedProjects(openPage, options);
  const admin = await adminPage(openPage, options);
  await approveProjects(admin, made);
  for (const project of made) await startProject(admin, project);
  return made;
}
