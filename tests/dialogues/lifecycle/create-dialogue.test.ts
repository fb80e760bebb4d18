// Staff create a dialogue: a DRAFT with them as HOST, under a slug derived from the title that
// is unique in the municipality and never a word the routes use.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createDialogue } from "@/lib/dialogues/create-dialogue";
import { addMember, createDialogue as createDialogueRow, createMunicipality, createUser } from "@/tests/support/factories";
import { appErrorOf, fieldKeys, viewerOf } from "@/tests/support/viewers";
import { dialogueInput, staffOfNewMunicipality } from "./support";

describe("createDialogue", () => {
  it("creates a draft with the creator as host, its themes, languages and code of conduct", async () => {
    const { municipality, theme, user, viewer } = await staffOfNewMunicipality();
    const created = await createDialogue(
      viewer,
      dialogueInput(municipality.id, theme.id, { languages: ["ar", "de"], newThemeName: "Mobilität", collectingFrom: "2027-01-10", closesAt: null }),
    );
    expect(created).toMatchObject({ slug: "wohnen-in-musterstadt", phase: "DRAFT" });
    const row = await db.dialogue.findUniqueOrThrow({
      where: { id: created.id },
      include: { memberships: true, themes: { include: { theme: true } } },
    });
    expect(row.memberships).toEqual([expect.objectContaining({ userId: user.id, role: "HOST" })]);
    expect(row.themes.map((t) => t.theme.name).sort()).toEqual(["Mobilität", theme.name].sort());
    // The municipality's language first: it is the dialogue's main language.
    expect(row.languages).toEqual(["de", "ar"]);
    expect(row.codeOfConduct).toBe("Wir reden respektvoll miteinander.");
    expect(row.collectingFrom?.toISOString()).toBe("2027-01-10T00:00:00.000Z");
    expect(row.closesAt).toBeNull();
    expect(await db.theme.count({ where: { municipalityId: municipality.id, name: "Mobilität" } })).toBe(1);
  });

  it("refuses participants, staff of another municipality and the signed-out", async () => {
    const { municipality, theme } = await staffOfNewMunicipality();
    const input = dialogueInput(municipality.id, theme.id);
    const existing = await createDialogueRow({ municipalityId: municipality.id });
    const participant = await createUser({ perspective: "LIVED_EXPERIENCE" });
    await addMember(existing.id, participant.id, "PARTICIPANT");
    const elsewhere = await staffOfNewMunicipality();

    expect((await appErrorOf(createDialogue(await viewerOf(participant.id), input))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(createDialogue(elsewhere.viewer, input))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(createDialogue(null, input))).code).toBe("UNAUTHENTICATED");
    expect(await db.dialogue.count({ where: { municipalityId: municipality.id } })).toBe(1);
  });

  it("refuses a theme of another municipality and says which fields are wrong", async () => {
    const { municipality, theme, viewer } = await staffOfNewMunicipality();
    const other = await staffOfNewMunicipality();
    const foreignTheme = await appErrorOf(createDialogue(viewer, dialogueInput(municipality.id, other.theme.id)));
    expect(fieldKeys(foreignTheme, "themeIds")).toEqual(["validation.invalid"]);

    const bad = await appErrorOf(
      createDialogue(viewer, dialogueInput(municipality.id, theme.id, {
        title: "",
        themeIds: [],
        languages: [],
        collectingFrom: "2027-03-01",
        deliberatingFrom: "2027-02-01",
      })),
    );
    expect(bad.code).toBe("INVALID_INPUT");
    expect(fieldKeys(bad, "title")).toEqual(["validation.too_short"]);
    expect(fieldKeys(bad, "themeIds")).toEqual(["dialogueValidation.themesRequired"]);
    expect(fieldKeys(bad, "languages")).toEqual(["dialogueValidation.languagesRequired"]);
    expect(fieldKeys(bad, "deliberatingFrom")).toEqual(["dialogueValidation.datesOutOfOrder"]);
  });

  it("keeps slugs unique per municipality and away from the routes' own words", async () => {
    const { municipality, theme, viewer } = await staffOfNewMunicipality();
    const slugs = [];
    for (const title of ["Wohnen in Musterstadt", "Wohnen in Musterstadt", "Wohnen in Musterstadt", "Manage", "Sign in", "حوار", "Über Ärzte & Ämter"]) {
      slugs.push((await createDialogue(viewer, dialogueInput(municipality.id, theme.id, { title }))).slug);
    }
    expect(slugs).toEqual([
      "wohnen-in-musterstadt",
      "wohnen-in-musterstadt-2",
      "wohnen-in-musterstadt-3",
      "manage-dialog",
      "sign-in-dialog",
      "dialog",
      "ueber-aerzte-aemter",
    ]);

    // Another municipality may use the same slug.
    const elsewhere = await staffOfNewMunicipality();
    const same = await createDialogue(elsewhere.viewer, dialogueInput(elsewhere.municipality.id, elsewhere.theme.id));
    expect(same.slug).toBe("wohnen-in-musterstadt");
  });

  it("gives two dialogues with the same title created at once different slugs", async () => {
    const { municipality, theme, viewer } = await staffOfNewMunicipality();
    const created = await Promise.all(
      Array.from({ length: 4 }, () => createDialogue(viewer, dialogueInput(municipality.id, theme.id, { title: "Gleichzeitig" }))),
    );
    expect(new Set(created.map((d) => d.slug)).size).toBe(4);
  });

  it("refuses a platform admin who is not staff there", async () => {
    const admin = await createUser({ isPlatformAdmin: true });
    const municipality = await createMunicipality();
    // Platform admins are not staff: creating a dialogue is the municipality's own work.
    const error = await appErrorOf(createDialogue(await viewerOf(admin.id), dialogueInput(municipality.id, crypto.randomUUID())));
    expect(error.code).toBe("FORBIDDEN");
  });
});
