// Similar contributions while writing (decision 051): trigram similarity in every script and
// through translations, and never anything a reader may not see — the endpoint is probed by the
// attacker who types the words of a hidden text and watches what comes back.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findSimilarContributions } from "@/lib/contributions/find-similar-contributions";
import { createContribution, createUser } from "@/tests/support/factories";
import { appErrorOf, dialogueIn, participant, viewerOf } from "@/tests/support/participation";

const at = new Date("2026-12-01T10:00:00Z");

describe("findSimilarContributions", () => {
  it("finds a German need for a German query, and not an unrelated one", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const course = await createContribution({ dialogueId: dialogue.id, title: "Deutschkurse abends", body: "Die Kurse sind nur vormittags, ich arbeite dann." });
    await createContribution({ dialogueId: dialogue.id, title: "WLAN in der Unterkunft", body: "Im Haus 3 gibt es kein Internet." });
    const writer = await participant(dialogue.id);

    const similar = await findSimilarContributions(writer, { dialogueId: dialogue.id, title: "Deutschkurs am Abend", body: "Ich kann nur abends lernen." });
    expect(similar.map((item) => item.id)).toEqual([course.id]);
    expect(similar[0]).toMatchObject({ title: "Deutschkurse abends", titleLanguage: "de", translated: false, own: false, kind: "NEED" });
  });

  it("finds an Arabic need through its German translation, named in the translation's words", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const arabic = await createContribution({ dialogueId: dialogue.id, language: "ar", title: "نحتاج طبيباً يتكلم العربية", body: "لا نفهم ما يقوله الطبيب." });
    await db.translation.create({
      data: { contributionId: arabic.id, language: "de", title: "Wir brauchen einen Arzt, der Arabisch spricht", body: "Wir verstehen nicht, was der Arzt sagt.", method: "MACHINE" },
    });
    const writer = await participant(dialogue.id);

    const similar = await findSimilarContributions(writer, { dialogueId: dialogue.id, title: "Arzt der Arabisch spricht", body: "" });
    expect(similar).toEqual([expect.objectContaining({ id: arabic.id, title: "Wir brauchen einen Arzt, der Arabisch spricht", titleLanguage: "de", translated: true })]);
    // And in its own script, for someone typing Arabic.
    const inArabic = await findSimilarContributions(writer, { dialogueId: dialogue.id, title: "طبيب يتكلم العربية", body: "" });
    expect(inArabic.map((item) => [item.id, item.translated])).toEqual([[arabic.id, false]]);
  });

  it.each([
    ["hidden", { hiddenAt: at, hiddenCategory: "SPAM" as const }],
    ["withdrawn", { withdrawnAt: at }],
    ["awaiting its transcript", { awaitingTranscript: true, title: "", body: "" }],
  ])("never returns a contribution that is %s, by its text or its translation", async (_state, fields) => {
    const dialogue = await dialogueIn("COLLECTING");
    const gone = await createContribution({ dialogueId: dialogue.id, title: "Geheime Adresse der Frauenunterkunft", body: "Die Adresse ist Lindenweg 5.", ...fields });
    await db.translation.create({ data: { contributionId: gone.id, language: "en", title: "Secret address of the women's shelter", body: "Lindenweg 5", method: "MACHINE" } });
    const attacker = await participant(dialogue.id);
    for (const title of ["Geheime Adresse der Frauenunterkunft", "Secret address of the women's shelter", "Lindenweg 5"]) {
      expect(await findSimilarContributions(attacker, { dialogueId: dialogue.id, title, body: "Lindenweg 5" })).toEqual([]);
    }
  });

  it("never returns a merged one, nor one of another dialogue, and at most three", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const other = await dialogueIn("COLLECTING");
    await createContribution({ dialogueId: other.id, title: "Spielplatz reparieren" });
    const kept = await createContribution({ dialogueId: dialogue.id, title: "Spielplatz reparieren bitte" });
    const merged = await createContribution({ dialogueId: dialogue.id, title: "Spielplatz reparieren jetzt" });
    await db.contribution.update({ where: { id: merged.id }, data: { mergedAt: at, mergedIntoId: kept.id } });
    for (const suffix of ["schnell", "heute", "morgen", "sofort"]) await createContribution({ dialogueId: dialogue.id, title: `Spielplatz reparieren ${suffix}` });
    const writer = await participant(dialogue.id);

    const similar = await findSimilarContributions(writer, { dialogueId: dialogue.id, title: "Spielplatz reparieren", body: "" });
    expect(similar).toHaveLength(3);
    expect(similar.map((item) => item.id)).not.toContain(merged.id);
    const all = await db.contribution.findMany({ where: { dialogueId: dialogue.id }, select: { id: true } });
    expect(similar.every((item) => all.some((row) => row.id === item.id))).toBe(true);
  });

  it("marks the asker's own contribution, and answers only those who may post here", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const writer = await participant(dialogue.id);
    const own = await createContribution({ dialogueId: dialogue.id, authorId: writer.id, title: "Fahrräder für Kinder" });
    expect(await findSimilarContributions(writer, { dialogueId: dialogue.id, title: "Fahrräder für die Kinder", body: "" })).toEqual([
      expect.objectContaining({ id: own.id, own: true }),
    ]);
    const stranger = await viewerOf((await createUser()).id);
    expect((await appErrorOf(findSimilarContributions(stranger, { dialogueId: dialogue.id, title: "Fahrräder", body: "" }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(findSimilarContributions(null, { dialogueId: dialogue.id, title: "Fahrräder", body: "" }))).code).toBe("UNAUTHENTICATED");
  });
});
