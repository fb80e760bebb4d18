// The similar-contributions search takes its candidates from pg_trgm indexes (decision 087) and
// must find exactly what scoring every text of the dialogue found (decision 051): the same
// contributions, with the same matching title, in the same order. The reference below is that
// full scan, as it was sent before the indexes; both run on one varied dialogue — German, Arabic
// and Cyrillic, short and long titles, translations — beside contributions that are hidden,
// withdrawn, merged or waiting for their words, and another dialogue's, which neither may return.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findSimilarContributions, SIMILAR_MIN_LENGTH, SIMILAR_THRESHOLD } from "@/lib/contributions/find-similar-contributions";
import { Prisma } from "@/lib/generated/prisma/client";
import { publishedDialogue, visibleContribution } from "@/lib/policy/visibility";
import { createContribution } from "@/tests/support/factories";
import { dialogueIn, participant } from "@/tests/support/participation";

const at = new Date("2026-12-01T10:00:00Z");

type Text = { title: string; body: string; language?: string; kind?: "NEED" | "PROPOSAL" };
type Seeded = Text & { translations?: Text[] };

const visible: Seeded[] = [
  { title: "Deutschkurse abends", body: "Die Kurse sind nur vormittags, ich arbeite dann." },
  { title: "Deutschkurs am Abend für Berufstätige", body: "Nach der Arbeit gibt es keinen Kurs." },
  { title: "Kein Internet im Heim", body: "Im Wohnheim gibt es kein WLAN." },
  { title: "Internet im Wohnheim", body: "Wir brauchen Internet für die Schule." },
  { title: "WLAN in der Unterkunft", body: "Im Haus 3 gibt es kein Internet." },
  { title: "Kita", body: "Die Kita hat keine Plätze für unsere Kinder." },
  { title: "Bus", body: "Der Bus fährt abends nicht mehr zur Unterkunft." },
  {
    title:
      "Wir brauchen dringend mehr Plätze in Deutschkursen am Abend, weil viele von uns tagsüber arbeiten und die Kurse am Vormittag nicht besuchen können, und dazu eine Kinderbetreuung während der Kurse",
    body: "Sonst lernen nur die, die nicht arbeiten.",
  },
  {
    title: "نحتاج طبيباً يتكلم العربية",
    body: "لا نفهم ما يقوله الطبيب.",
    language: "ar",
    translations: [
      { title: "Wir brauchen einen Arzt, der Arabisch spricht", body: "Wir verstehen nicht, was der Arzt sagt.", language: "de" },
      { title: "We need a doctor who speaks Arabic", body: "We do not understand the doctor.", language: "en" },
    ],
  },
  {
    title: "مساعدة في البحث عن سكن",
    body: "نريد أن نساعد بأنفسنا ونحتاج إلى مكان لذلك.",
    language: "ar",
    translations: [{ title: "Hilfe bei der Wohnungssuche", body: "Wir wollen selbst helfen und brauchen dafür einen Raum.", language: "de" }],
  },
  {
    title: "Курси німецької мови ввечері",
    body: "Я працюю вдень і не можу ходити на курси.",
    language: "uk",
    translations: [{ title: "Deutschkurse am Abend", body: "Ich arbeite tagsüber und kann nicht in die Kurse gehen.", language: "de" }],
  },
  { title: "Спільний город біля гуртожитку", body: "Ми хочемо вирощувати овочі.", language: "uk" },
  { title: "Spielplatz reparieren bitte", body: "Die Schaukel ist kaputt." },
  { title: "Spielplatz reparieren schnell", body: "Das Klettergerüst wackelt." },
  { title: "Spielplatz reparieren", body: "Die Rutsche hat ein Loch." },
  { title: "Hilfe", body: "Ich brauche Hilfe bei Formularen vom Amt." },
  { title: "Sprachcafé im Rathaus", body: "Jeden Dienstag Deutsch sprechen mit Nachbarn.", kind: "PROPOSAL" },
];

/** Gone for every reader, each findable by its words and by its translation's, were it visible. */
const gone: [string, Partial<Prisma.ContributionUncheckedCreateInput>][] = [
  ["hidden", { hiddenAt: at, hiddenCategory: "SPAM", title: "Deutschkurs am Abend geheim", body: "Lindenweg 5" }],
  ["withdrawn", { withdrawnAt: at, title: "Internet im Wohnheim fehlt", body: "Lindenweg 5" }],
  ["merged", { title: "Internet im Wohnheim bitte", body: "Lindenweg 5" }],
  ["awaiting its transcript", { awaitingTranscript: true, title: "", body: "" }],
];

async function seed() {
  const dialogue = await dialogueIn("COLLECTING");
  const other = await dialogueIn("COLLECTING");
  const ids: string[] = [];
  for (const { translations = [], ...text } of visible) {
    const contribution = await createContribution({ dialogueId: dialogue.id, language: "de", ...text });
    ids.push(contribution.id);
    for (const translation of translations) {
      await db.translation.create({ data: { contributionId: contribution.id, language: translation.language!, title: translation.title, body: translation.body, method: "MACHINE" } });
    }
  }
  const goneIds: string[] = [];
  for (const [state, fields] of gone) {
    const contribution = await createContribution({ dialogueId: dialogue.id, ...fields });
    if (state === "merged") await db.contribution.update({ where: { id: contribution.id }, data: { mergedAt: at, mergedIntoId: ids[3] } });
    await db.translation.create({ data: { contributionId: contribution.id, language: "en", title: "Deutschkurse am Abend und Internet im Wohnheim", body: "Lindenweg 5", method: "MACHINE" } });
    goneIds.push(contribution.id);
  }
  const elsewhere = await createContribution({ dialogueId: other.id, title: "Deutschkurse abends", body: "Internet im Wohnheim" });
  goneIds.push(elsewhere.id);
  return { dialogue, ids, goneIds, writer: await participant(dialogue.id) };
}
let seeded: ReturnType<typeof seed> | undefined;

/** The search as it was before decision 087: every text of the dialogue scored (decision 051). */
async function reference(dialogueId: string, title: string, body: string, excludeId: string | null, limit: number) {
  const text = `${title} ${body}`.slice(0, 1000);
  const rows = await db.$queryRaw<{ id: string; title: string; titleLanguage: string; translated: boolean; kind: string; status: string }[]>`
    WITH texts AS (
      SELECT c."id", c."title", c."body", c."language", false AS "translated"
        FROM "Contribution" c
       WHERE c."dialogueId" = ${dialogueId}::uuid AND ${visibleContribution.sql("c")}
         AND c."awaitingTranscript" = false AND c."id" IS DISTINCT FROM ${excludeId}::uuid
      UNION ALL
      SELECT c."id", t."title", t."body", t."language", true
        FROM "Translation" t JOIN "Contribution" c ON c."id" = t."contributionId"
       WHERE t."title" <> '' AND c."dialogueId" = ${dialogueId}::uuid AND ${visibleContribution.sql("c")}
         AND c."awaitingTranscript" = false AND c."id" IS DISTINCT FROM ${excludeId}::uuid
    ),
    scored AS (
      SELECT DISTINCT ON (x."id") x."id", x."title", x."language", x."translated",
        GREATEST(
          similarity(x."title", ${title}::text),
          word_similarity(${title}::text, x."title" || ' ' || x."body"),
          CASE WHEN length(x."title") >= ${SIMILAR_MIN_LENGTH} THEN word_similarity(x."title", ${text}::text) ELSE 0 END
        ) AS "score"
        FROM texts x
       ORDER BY x."id", "score" DESC, x."translated"
    )
    SELECT s."id", c."kind", c."status", s."title", s."language" AS "titleLanguage", s."translated"
      FROM scored s JOIN "Contribution" c ON c."id" = s."id"
      JOIN "Dialogue" d ON d."id" = c."dialogueId" AND ${publishedDialogue.sql("d")}
     WHERE s."score" >= ${SIMILAR_THRESHOLD}
     ORDER BY s."score" DESC, c."createdAt", c."id"
     LIMIT ${limit}`;
  return rows;
}

const queries: [string, string][] = [
  ["Deutschkurs am Abend", "Ich kann nur abends lernen."],
  ["Deutschkurse am Abend", ""],
  ["Kein Internet im Wohnheim", "Wir haben kein WLAN."],
  ["Internet", ""],
  ["Arzt der Arabisch spricht", ""],
  ["doctor speaks Arabic", ""],
  ["طبيب يتكلم العربية", ""],
  ["مساعدة في البحث عن سكن", "نريد أن نساعد بأنفسنا"],
  ["Курси німецької мови", "ввечері"],
  ["город біля гуртожитку", ""],
  // Found only by the third score: a stored title inside what is being written.
  ["Frage", "Der Bus fährt abends nicht mehr zur Unterkunft, und die Kita hat keine Plätze. Wir brauchen Hilfe."],
  ["Mehr Plätze in Deutschkursen am Abend", "Viele von uns arbeiten tagsüber und können die Kurse am Vormittag nicht besuchen; eine Kinderbetreuung während der Kurse fehlt."],
  ["Spielplatz reparieren", ""],
  ["Hilfe bei Formularen", "Wohnungssuche"],
  ["Sprachcafe", "im Rathaus"],
];

describe("findSimilarContributions from the trigram indexes", () => {
  it.each(queries)("%s (%s): finds what scoring every text found, in the same order", async (title, body) => {
    const { dialogue, goneIds, writer } = await (seeded ??= seed());
    const expected = await reference(dialogue.id, title, body, null, 50);
    expect(expected.length).toBeGreaterThan(0);
    const found = await findSimilarContributions(writer, { dialogueId: dialogue.id, title, body }, { limit: 50 });
    expect(found.map(({ id, kind, status, title: matched, titleLanguage, translated }) => ({ id, kind, status, title: matched, titleLanguage, translated }))).toEqual(expected);
    expect(found.filter((item) => goneIds.includes(item.id))).toEqual([]);
    // The post form's three, and the merge page's five without the one being merged.
    expect((await findSimilarContributions(writer, { dialogueId: dialogue.id, title, body })).map((item) => item.id)).toEqual(expected.slice(0, 3).map((item) => item.id));
    const excluded = expected[0]!.id;
    const merging = await findSimilarContributions(writer, { dialogueId: dialogue.id, title, body }, { excludeId: excluded, limit: 5 });
    expect(merging.map((item) => item.id)).toEqual((await reference(dialogue.id, title, body, excluded, 5)).map((item) => item.id));
  });
});
