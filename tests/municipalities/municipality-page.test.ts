// The municipality-level pages' loader (lib/pages/municipality-page.ts, issue 17, as loadDialogue for a dialogue's pages): every
// flag is the policy's answer for its permission, a staff page's loader turns away whoever lacks
// its flag like a missing municipality, and the pages themselves do not import the policy.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadMunicipality, loadMunicipalityFor, mayTranslateMunicipalityTexts, municipalityPermissions, type MunicipalityPermissions } from "@/lib/pages/municipality-page";
import { can, type Permission, type Viewer } from "@/lib/policy/policy";
import { loadDashboardPage, loadDistrictsPage, loadNewDialoguePage } from "@/lib/pages/staff-pages";
import { addMember, createDialogue, createMunicipality, createUser, openDialogue } from "@/tests/support/factories";
import { viewerOf } from "@/tests/support/viewers";

const PERMISSION: Record<Exclude<keyof MunicipalityPermissions, "requestTranslation">, Permission> = {
  readOverview: "overview:read",
  readDashboard: "dashboard:read",
  moderate: "moderation-queue:read:municipality",
  inviteStaff: "staff:invite",
  issueSignInCodes: "sign-in-code:issue",
  brand: "municipality:brand",
  createDialogue: "dialogue:create",
  manageDistricts: "district:manage",
  manageChannel: "channel:manage",
  manageActors: "actor:manage",
  writeTexts: "municipality-text:write",
};

async function withRole(municipalityId: string, role: "STAFF" | "MODERATOR") {
  const user = await createUser();
  await db.municipalityMembership.create({ data: { userId: user.id, municipalityId, role } });
  return viewerOf(user.id);
}

const CAST: [string, (municipalityId: string) => Promise<Viewer | null>][] = [
  ["a visitor", async () => null],
  ["its staff", (municipalityId) => withRole(municipalityId, "STAFF")],
  ["its moderator", (municipalityId) => withRole(municipalityId, "MODERATOR")],
  ["another town's staff", async () => withRole((await createMunicipality()).id, "STAFF")],
  ["a platform admin", async () => viewerOf((await createUser({ isPlatformAdmin: true })).id)],
  [
    "a participant",
    async (municipalityId) => {
      const participant = await createUser();
      await addMember((await createDialogue({ municipalityId })).id, participant.id, "PARTICIPANT");
      return viewerOf(participant.id);
    },
  ],
];

describe("loadMunicipality", () => {
  it.each(CAST)("decides each flag as the policy does for its permission, for %s", async (who, make) => {
    const municipality = await createMunicipality();
    const viewer = await make(municipality.id);
    const may = municipalityPermissions(viewer, municipality.id);
    const expected = Object.fromEntries(Object.entries(PERMISSION).map(([flag, permission]) => [flag, can(viewer, permission, { municipalityId: municipality.id })]));
    const { requestTranslation: _, ...flags } = may;
    expect(flags).toEqual(expected);
    // Staff, the municipality's moderators and platform admins see at least one staff page; nobody else any.
    expect(Object.values(flags).some(Boolean)).toBe(["its staff", "its moderator", "a platform admin"].includes(who));
  });

  it("gives a staff page its municipality only with the page's flag, and nothing for a slug that names none", async () => {
    const municipality = await createMunicipality();
    const staff = await withRole(municipality.id, "STAFF");
    const moderator = await withRole(municipality.id, "MODERATOR");
    expect((await loadMunicipalityFor(staff, municipality.slug, "inviteStaff"))?.municipality).toEqual({ id: municipality.id, slug: municipality.slug, name: municipality.name });
    expect(await loadMunicipalityFor(moderator, municipality.slug, "inviteStaff")).toBeNull();
    expect((await loadMunicipalityFor(moderator, municipality.slug, "moderate"))?.municipality.id).toBe(municipality.id);
    expect(await loadMunicipalityFor(null, municipality.slug, "moderate")).toBeNull();
    expect(await loadMunicipality(staff, "no-such-town-here")).toBeNull();
    expect(await loadMunicipality(staff, "../not a slug")).toBeNull();
  });

  it("lets whoever joined one of the town's published dialogues translate its texts, and not a visitor", async () => {
    const municipality = await createMunicipality();
    const dialogue = await createDialogue({ municipalityId: municipality.id });
    await openDialogue(dialogue.id);
    const participant = await createUser();
    await addMember(dialogue.id, participant.id, "PARTICIPANT");
    expect(await mayTranslateMunicipalityTexts(await viewerOf(participant.id), municipality.id)).toBe(true);
    expect(await mayTranslateMunicipalityTexts(await viewerOf((await createUser()).id), municipality.id)).toBe(false);
    expect(await mayTranslateMunicipalityTexts(null, municipality.id)).toBe(false);
  });
});

// Each staff page's loader starts from loadMunicipality and its flag: what the flag refuses is
// the same null (404) as no municipality; the rows come only after, for the flag's holders.
describe.each([
  ["the dashboard", loadDashboardPage, "readDashboard" as const],
  ["the districts", loadDistrictsPage, "manageDistricts" as const],
  ["a new dialogue", loadNewDialoguePage, "createDialogue" as const],
])("the staff page for %s", (_page, load, flag) => {
  it.each(CAST)("answers %s as its flag does", async (_who, make) => {
    const municipality = await createMunicipality();
    const viewer = await make(municipality.id);
    const loaded = await load(viewer, municipality.slug);
    expect(loaded !== null).toBe(municipalityPermissions(viewer, municipality.id)[flag]);
    if (loaded) expect(loaded.municipality.id).toBe(municipality.id);
  });

  it("answers a slug that names no municipality with null", async () => {
    const municipality = await createMunicipality();
    const staff = await withRole(municipality.id, "STAFF");
    expect(await load(staff, municipality.slug)).not.toBeNull();
    expect(await load(staff, "no-such-town-here")).toBeNull();
  });
});

describe("the municipality-level pages", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const pages = (dir: string): string[] =>
    readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
      .filter((file) => /\.tsx?$/.test(file) && !file.startsWith("[dialogue]"))
      .map((file) => path.join(dir, file));

  it("read their flags from the loaders and do not import the policy themselves", () => {
    const files = [...pages("app/[locale]/[municipality]"), ...pages("app/[locale]/texts")];
    expect(files.length).toBeGreaterThan(10);
    const importing = files.filter((file) => /from\s+["']@\/lib\/policy\/policy["']/.test(readFileSync(path.join(root, file), "utf8")));
    expect(importing).toEqual([]);
  });
});
