// Staff of a municipality (and platform admins) see who works for it: staff and moderators.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findMunicipality } from "@/lib/municipalities/find-municipality";
import { listStaff } from "@/lib/municipalities/list-staff";
import { addMember, createDialogue, createMunicipality, createUser } from "@/tests/support/factories";
import { appErrorOf, viewerOf } from "@/tests/support/viewers";

async function withRoles(municipalityId: string, displayName: string, roles: ("STAFF" | "MODERATOR")[], email?: string) {
  const user = await createUser({ displayName, ...(email ? { email } : {}) });
  for (const role of roles) await db.municipalityMembership.create({ data: { userId: user.id, municipalityId, role } });
  return user;
}

describe("listStaff", () => {
  it("lists staff and moderators by name, each once with all roles, without deleted accounts", async () => {
    const municipality = await createMunicipality();
    const email = `${municipality.slug}@example.org`;
    const berta = await withRoles(municipality.id, "Berta", ["STAFF"], email);
    const anton = await withRoles(municipality.id, "Anton", ["MODERATOR", "STAFF"]);
    await db.user.update({ where: { id: (await withRoles(municipality.id, "Clara", ["STAFF"])).id }, data: { deletedAt: new Date() } });
    await withRoles((await createMunicipality()).id, "Elsewhere", ["STAFF"]);

    const listed = await listStaff(await viewerOf(berta.id), { municipalityId: municipality.id });
    expect(listed).toEqual([
      { userId: anton.id, displayName: "Anton", email: null, roles: ["STAFF", "MODERATOR"] },
      { userId: berta.id, displayName: "Berta", email, roles: ["STAFF"] },
    ]);
  });

  it("lets a platform admin see it", async () => {
    const municipality = await createMunicipality();
    await withRoles(municipality.id, "Dora", ["STAFF"]);
    const admin = await createUser({ isPlatformAdmin: true });
    expect(await listStaff(await viewerOf(admin.id), { municipalityId: municipality.id })).toHaveLength(1);
  });

  it.each([
    ["a moderator", (municipalityId: string) => withRoles(municipalityId, "Mod", ["MODERATOR"])],
    ["staff of another municipality", async () => withRoles((await createMunicipality()).id, "Fremd", ["STAFF"])],
    ["a dialogue host", async (municipalityId: string) => ({ id: (await createDialogue({ municipalityId })).createdById })],
    ["a participant", async (municipalityId: string) => {
      const participant = await createUser();
      await addMember((await createDialogue({ municipalityId })).id, participant.id, "PARTICIPANT");
      return participant;
    }],
  ])("refuses %s", async (_, who) => {
    const municipality = await createMunicipality();
    const error = await appErrorOf(listStaff(await viewerOf((await who(municipality.id)).id), { municipalityId: municipality.id }));
    expect(error.code).toBe("FORBIDDEN");
  });

  it("refuses a signed-out visitor", async () => {
    const municipality = await createMunicipality();
    expect((await appErrorOf(listStaff(null, { municipalityId: municipality.id }))).code).toBe("UNAUTHENTICATED");
  });
});

describe("findMunicipality", () => {
  it("finds a municipality by its slug, and nothing for an unknown slug or one that cannot be", async () => {
    const municipality = await createMunicipality();
    expect(await findMunicipality(municipality.slug)).toEqual({ id: municipality.id, slug: municipality.slug, name: municipality.name });
    expect(await findMunicipality("gibt-es-nicht-9")).toBeNull();
    expect(await findMunicipality("Not A Slug")).toBeNull();
  });
});
