// Staff of a fresh municipality with one theme: the starting point of every lifecycle test.
import { db } from "@/lib/db/client";
import { createMunicipality, createTheme, createUser } from "@/tests/support/factories";
import { viewerOf } from "@/tests/support/viewers";

export async function staffOfNewMunicipality() {
  const municipality = await createMunicipality();
  const theme = await createTheme(municipality.id);
  const user = await createUser({ perspective: "MUNICIPAL_STAFF" });
  await db.municipalityMembership.create({ data: { userId: user.id, municipalityId: municipality.id, role: "STAFF" } });
  return { municipality, theme, user, viewer: await viewerOf(user.id) };
}

export function dialogueInput(municipalityId: string, themeId: string, overrides: Record<string, unknown> = {}) {
  return {
    municipalityId,
    title: "Wohnen in Musterstadt",
    summary: "Was brauchen Sie, um gut zu wohnen?",
    description: "Ein Dialog mit Geflüchteten, nicht über sie.",
    themeIds: [themeId],
    languages: ["de", "ar"] as ("de" | "ar")[],
    codeOfConduct: "Wir reden respektvoll miteinander.",
    ...overrides,
  };
}
