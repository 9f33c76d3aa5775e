// Each document type: the permission its page asks for (null: public, like the 公示), and how it is loaded for a
// reader with the same scoping as its page (null: not found for this reader). Used by the download route.
import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { countyName, publishedCatalogue } from "@/lib/topics/queries";
import { yearChoice } from "@/lib/years/queries";
import { getProject, proposalVersionFor } from "@/lib/projects/queries";
import { decisionForNotice, getMeeting as getHearingMeeting } from "@/lib/hearings/queries";
import { getInspection } from "@/lib/inspections/queries";
import { announcedList, certificateOf, decidedAwards } from "@/lib/awards/queries";
import { groupByTier } from "@/lib/awards/documents";
import { seesWholeCounty } from "@/lib/auth/permissions";
import { getMeeting as getTownshipMeeting } from "@/lib/township-meetings/queries";
import type { DocumentType, OfficialDoc } from "./model";
import { certificatesDocument, type CertificateDoc } from "./certificate";
import { catalogueDocument } from "./catalogue";
import { decisionNoticeDocument } from "./decision-notice";
import { meetingListDocument } from "./meeting-list";
import { inspectionBulletinDocument } from "./inspection-bulletin";
import { awardAnnouncementDocument } from "./award-announcement";
import { awardDecisionDocument } from "./award-decision";
import { townshipMinutesDocument } from "./township-minutes";
import { eventForDocument } from "@/lib/events/queries";
import { eventCompilationDocument, eventMinutesDocument, eventNoticeDocument } from "./event-documents";
import { researchReportDocument } from "./research-report";
import { researchReportData } from "@/lib/research/queries";
import { formatRate } from "@/lib/research/rules";
import { proposalDocument } from "./proposal";
import { workPlanDocument } from "./work-plan";
import { planForYear } from "@/lib/plan/queries";

type Loader = (user: CurrentUser | null, id: string) => Promise<OfficialDoc | CertificateDoc | null>;

export const DOCUMENTS: Record<DocumentType, { permission: Permission | null; load: Loader }> = {
  // id: the year (2026).
  catalogue: {
    permission: "topics.view",
    load: async (_user, id) => {
      if (!/^\d{4}$/.test(id)) return null;
      const { year } = await yearChoice(Number(id));
      if (!year || year.year !== Number(id)) return null;
      const [county, topics] = await Promise.all([countyName(), publishedCatalogue(year.id)]);
      return catalogueDocument(county, year.year, topics);
    },
  },
  // id: the submitted version (ProjectVersion); the reader must see its project, like the version page: a unit its
  // own projects, county readers all. Reviewers read the proposal on their scoring page and get no 申报书 (decision 0076).
  proposal: {
    permission: "projects.view",
    load: async (user, id) => {
      const version = user ? await proposalVersionFor(user, { versionId: id }) : null;
      return version ? proposalDocument(version) : null;
    },
  },
  // id: the year (2026); units and reviewers get the published plan only (planForYear scopes), like /plan.
  "work-plan": {
    permission: "plan.view",
    load: async (user, id) => {
      if (!user || !/^\d{4}$/.test(id)) return null;
      const { year } = await yearChoice(Number(id));
      if (!year || year.year !== Number(id)) return null;
      const plan = await planForYear(user, year.id);
      return plan ? workPlanDocument(await countyName(), plan) : null;
    },
  },
  // id: the decision; the reader must see its project (a unit: its own projects only).
  "decision-notice": {
    permission: "projects.view",
    load: async (user, id) => {
      const found = await db.decision.findUnique({ where: { id }, select: { projectId: true } });
      const project = found && user ? await getProject(user, found.projectId) : null;
      const decision = project ? await decisionForNotice(id, project.id) : null;
      return decision ? decisionNoticeDocument(await countyName(), decision) : null;
    },
  },
  "meeting-list": {
    permission: "hearings.view",
    load: async (_user, id) => {
      const meeting = await getHearingMeeting(id);
      return meeting ? meetingListDocument(await countyName(), meeting) : null;
    },
  },
  // Published bulletins only; a unit gets the sections about its own projects (getInspection).
  "inspection-bulletin": {
    permission: "inspections.view",
    load: async (user, id) => {
      const inspection = user ? await getInspection(user, id) : null;
      return inspection?.publishedAt ? inspectionBulletinDocument(await countyName(), inspection) : null;
    },
  },
  // Public, like /announcements/<id>.
  "award-announcement": {
    permission: null,
    load: async (_user, id) => {
      const campaign = await announcedList(id);
      if (!campaign?.announcedAt || !campaign.announcementEndsAt) return null;
      return awardAnnouncementDocument(await countyName(), { ...campaign, announcedAt: campaign.announcedAt, announcementEndsAt: campaign.announcementEndsAt });
    },
  },
  "award-decision": {
    permission: "awards.view",
    load: async (_user, id) => {
      const campaign = await decidedAwards(id);
      return campaign?.decidedAt ? awardDecisionDocument(await countyName(), campaign) : null;
    },
  },
  "township-minutes": {
    permission: "meetings.view",
    load: async (_user, id) => {
      const meeting = await getTownshipMeeting(id);
      return meeting ? townshipMinutesDocument(await countyName(), meeting) : null;
    },
  },
  // id: the event; scoped like its page (a unit: events it is invited to or hosts, once notified).
  "event-notice": {
    permission: "events.view",
    load: async (user, id) => {
      const event = user ? await eventForDocument(user, id) : null;
      return event ? eventNoticeDocument(await countyName(), event) : null;
    },
  },
  "event-minutes": {
    permission: "events.view",
    load: async (user, id) => {
      const event = user ? await eventForDocument(user, id) : null;
      return event?.minutes ? eventMinutesDocument(await countyName(), event) : null;
    },
  },
  // The selected materials only; nothing to print before one is selected.
  "event-compilation": {
    permission: "events.view",
    load: async (user, id) => {
      const event = user ? await eventForDocument(user, id) : null;
      return event?.submissions.length ? eventCompilationDocument(await countyName(), event) : null;
    },
  },
  // id: the research topic; submitted reports only, for county readers (units outside the department: none).
  "research-report": {
    permission: "research.view",
    load: async (user, id) => {
      const report = user ? await researchReportData(user, id) : null;
      return report ? researchReportDocument(await countyName(), report, formatRate(report.rate)) : null;
    },
  },
  // id: the nomination; a unit gets its own certificates only (certificateOf), like the page.
  certificate: {
    permission: "awards.view",
    load: async (user, id) => {
      const found = await db.nomination.findUnique({ where: { id }, select: { campaignId: true } });
      const entry = found && user ? await certificateOf(user, found.campaignId, id) : null;
      if (!entry?.campaign.decidedAt || !entry.tier) return null;
      const name = entry.category === "WORK" ? (entry.project?.title ?? entry.unit.name) : (entry.personName ?? "");
      return certificatesDocument(
        await countyName(),
        id,
        entry.campaign.year.year,
        entry.campaign.decidedAt,
        [{ ...entry, tierName: entry.tier.name }],
        `荣誉证书：${name}`,
      );
    },
  },
  // id: the campaign; every certificate in the decision's order, for county readers only (the page answers others 403).
  certificates: {
    permission: "awards.view",
    load: async (user, id) => {
      if (!user || !seesWholeCounty(user.roles)) return null;
      const campaign = await decidedAwards(id);
      if (!campaign?.decidedAt) return null;
      const tierName = new Map(campaign.tiers.map((t) => [t.id, t.name]));
      const ordered = groupByTier(campaign.tiers, campaign.nominations).flatMap((g) => g.levels.flatMap((l) => l.tiers.flatMap((t) => t.entries)));
      const entries = ordered.map((entry) => ({ ...entry, tierName: tierName.get(entry.tierId!) ?? "" }));
      return certificatesDocument(
        await countyName(),
        id,
        campaign.year.year,
        campaign.decidedAt,
        entries,
        `${campaign.year.year}年度组织工作改革创新评比表彰荣誉证书`,
      );
    },
  },
};
