// The staff dashboard (issue 15): only the municipality's staff read it; it lists every dialogue
// by phase, drafts too, with the unanswered needs, the open reports and what happened last.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { dashboardLink } from "@/lib/municipalities/dashboard-link";
import { getDashboard } from "@/lib/municipalities/get-dashboard";
import { loadDashboardPage } from "@/lib/pages/staff-pages";
import { can } from "@/lib/policy/policy";
import { addMember, createContribution, createDialogue, createMunicipality, createUser, openDialogue, respond } from "@/tests/support/factories";
import { appErrorOf, viewerOf } from "@/tests/support/viewers";

async function withRoles(municipalityId: string, roles: ("STAFF" | "MODERATOR")[]) {
  const user = await createUser();
  for (const role of roles) await db.municipalityMembership.create({ data: { userId: user.id, municipalityId, role } });
  return user;
}

describe("the staff dashboard", () => {
  it("is read by the municipality's staff", async () => {
    const municipality = await createMunicipality();
    const staff = await withRoles(municipality.id, ["STAFF"]);
    expect(await loadDashboardPage(await viewerOf(staff.id), municipality.slug)).not.toBeNull();
    expect(await loadDashboardPage(null, municipality.slug)).toBeNull();
    // The domain function asks the policy itself, whoever calls it.
    expect((await appErrorOf(getDashboard(null, municipality))).code).toBe("UNAUTHENTICATED");
  });

  it.each([
    ["its moderator", (municipalityId: string) => withRoles(municipalityId, ["MODERATOR"])],
    ["other towns' staff", async () => withRoles((await createMunicipality()).id, ["STAFF"])],
    ["its suspended staff", async (municipalityId: string) => {
      const suspended = await withRoles(municipalityId, ["STAFF"]);
      await db.user.update({ where: { id: suspended.id }, data: { suspendedAt: new Date() } });
      return suspended;
    }],
    ["a dialogue host", async (municipalityId: string) => ({ id: (await createDialogue({ municipalityId })).createdById })],
    ["a participant", async (municipalityId: string) => {
      const participant = await createUser();
      await addMember((await createDialogue({ municipalityId })).id, participant.id, "PARTICIPANT");
      return participant;
    }],
    ["a platform admin", () => createUser({ isPlatformAdmin: true })],
  ])("is not read by %s", async (_, who) => {
    const municipality = await createMunicipality();
    const viewer = await viewerOf((await who(municipality.id)).id);
    expect(await loadDashboardPage(viewer, municipality.slug)).toBeNull();
    expect((await appErrorOf(getDashboard(viewer, municipality))).code).toBe("FORBIDDEN");
    expect(can(viewer, "dashboard:read", { municipalityId: municipality.id })).toBe(false);
  });

  it("leads staff there from the header, and nobody else", async () => {
    const municipality = await createMunicipality();
    const staff = await withRoles(municipality.id, ["STAFF"]);
    const moderator = await withRoles(municipality.id, ["MODERATOR"]);
    expect(await dashboardLink(await viewerOf(staff.id))).toBe(`/${municipality.slug}/dashboard`);
    expect(await dashboardLink(await viewerOf(moderator.id))).toBeNull();
    expect(await dashboardLink(await viewerOf((await createUser()).id))).toBeNull();
    expect(await dashboardLink(null)).toBeNull();
  });

  it("lists drafts and open dialogues by phase, counts unanswered needs and open reports, and shows new contributions and answers", async () => {
    const municipality = await createMunicipality();
    const staff = await withRoles(municipality.id, ["STAFF"]);
    const draft = await createDialogue({ municipalityId: municipality.id });
    const open = await createDialogue({ municipalityId: municipality.id });
    await openDialogue(open.id);
    const answered = await createContribution({ dialogueId: open.id });
    const waiting = await createContribution({ dialogueId: open.id });
    await createContribution({ dialogueId: open.id, withdrawnAt: new Date() });
    await respond(answered.id, { status: "UNDER_REVIEW", authorId: staff.id });
    const reporter = await createUser();
    await db.report.create({ data: { reporterId: reporter.id, contributionId: waiting.id, category: "SPAM", reason: "Werbung" } });
    // Another town's dialogue counts nowhere here.
    await createContribution({ dialogueId: (await createDialogue()).id });

    const dashboard = (await loadDashboardPage(await viewerOf(staff.id), municipality.slug))!;
    expect(dashboard.dialogues.map((d) => [d.id, d.phase, d.unansweredNeeds, d.contributions])).toEqual([
      [draft.id, "DRAFT", 0, 0],
      [open.id, "COLLECTING", 1, 2],
    ]);
    expect(dashboard.unansweredNeeds).toBe(1);
    expect(dashboard.openReports).toBe(1);
    expect(dashboard.activity.map((a) => [a.kind, a.contribution.id])).toEqual(
      expect.arrayContaining([
        ["response", answered.id],
        ["contribution", waiting.id],
        ["contribution", answered.id],
      ]),
    );
    expect(dashboard.activity).toHaveLength(3);
    expect(dashboard.may.createDialogue).toBe(true);
    expect(dashboard.may.brand).toBe(true);
    expect(dashboard.may.manageChannel).toBe(true);
  });
});
