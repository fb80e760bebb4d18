// The dialogue page must cost the same number of SQL statements with 10 contributions as
// with 2,000, with or without filters, search and sort: no query per row (N+1). The shared client is swapped
// for one that reports every statement (tests/support/statement-log.ts).
import { beforeEach, describe, expect, it, vi } from "vitest";

const statements = vi.hoisted(() => ({ log: [] as string[] }));

vi.mock("@/lib/db/client", async () => (await import("@/tests/support/statement-log")).reportingClient((query) => statements.log.push(query)));

const { listContributions } = await import("@/lib/contributions/list-contributions");
type Filters = import("@/lib/contributions/contribution-filters").ContributionFilters;
const { getPublicDialogue } = await import("@/lib/dialogues/get-public-dialogue");
const { listOpenDialogues } = await import("@/lib/dialogues/list-open-dialogues");
const { db } = await import("@/lib/db/client");
const { createDialogue, createMeeting, createUser, openDialogue } = await import("../factories");
const { createContributions, support } = await import("./bulk");

async function dialogueWith(contributions: number) {
  const dialogue = await createDialogue();
  await openDialogue(dialogue.id);
  const created = await createContributions(
    dialogue,
    Array.from({ length: contributions }, (_, i) => ({
      kind: i % 2 ? ("NEED" as const) : ("PROPOSAL" as const),
      perspective: (["LIVED_EXPERIENCE", "LOCAL_ACTOR", "MUNICIPAL_STAFF", "NOT_STATED"] as const)[i % 4] ?? "NOT_STATED",
      minute: i,
    })),
  );
  const ids = created.map((c) => c.id);
  await support(ids, "LIVED_EXPERIENCE", 3);
  await support(ids, "LOCAL_ACTOR", 2);
  const meeting = await createMeeting({ dialogueId: dialogue.id });
  const recorder = await createUser({ perspective: "MUNICIPAL_STAFF" });
  await db.meetingSupport.createMany({
    data: ids.map((contributionId) => ({
      contributionId,
      meetingId: meeting.id,
      perspective: "LIVED_EXPERIENCE" as const,
      count: 4,
      recordedById: recorder.id,
    })),
  });
  const municipality = await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } });
  return { dialogue, municipalitySlug: municipality.slug };
}

// Two tests read the same large dialogue; building it once keeps the file fast.
let large: ReturnType<typeof dialogueWith> | undefined;
const largeDialogue = () => (large ??= dialogueWith(2000));

/** The statements one visit to a dialogue page sends: what app/[locale]/[municipality]/[dialogue] calls. */
async function statementsForDialoguePage(municipalitySlug: string, dialogueSlug: string, page: number, filters?: Filters) {
  statements.log = [];
  const dialogue = await getPublicDialogue({ municipalitySlug, dialogueSlug });
  if (!dialogue) throw new Error("dialogue not found");
  const contributions = await listContributions({ dialogueId: dialogue.id, page, locale: "de", filters });
  return { count: statements.log.length, contributions };
}

describe("SQL statements per page", () => {
  beforeEach(() => {
    statements.log = [];
  });

  it("counts statements at all (the measuring works)", async () => {
    await db.$queryRaw`SELECT 1`;
    expect(statements.log).toHaveLength(1);
  });

  it("are the same for a dialogue with 10 and with 2,000 contributions", async () => {
    const small = await dialogueWith(10);
    const large = await largeDialogue();

    const forSmall = await statementsForDialoguePage(small.municipalitySlug, small.dialogue.slug, 1);
    const forLarge = await statementsForDialoguePage(large.municipalitySlug, large.dialogue.slug, 1);
    const forLargeLastPage = await statementsForDialoguePage(large.municipalitySlug, large.dialogue.slug, 100);

    // The pages really carried rows whose supports had to be looked up.
    expect(forSmall.contributions.items).toHaveLength(10);
    expect(forLarge.contributions.items).toHaveLength(20);
    expect(forLargeLastPage.contributions.items).toHaveLength(20);
    expect(forLarge.contributions.items.every((item) => item.supports.total === 3 + 2 + 4)).toBe(true);

    expect(forLarge.count).toBe(forSmall.count);
    expect(forLargeLastPage.count).toBe(forSmall.count);
    // Today: the dialogue, its municipality, its themes (two), the count, the page's ids, its
    // rows, their translations, two tallies.
    expect(forSmall.count).toBeLessThanOrEqual(10);
  });

  it("are the same with filters, search and each sort, for 10 and 2,000 contributions", async () => {
    const small = await dialogueWith(10);
    const large = await largeDialogue();
    // Every contribution's body starts with "Text zu" (tests/dialogues/bulk.ts).
    const base = { kind: "NEED", language: "de", status: "OPEN", q: "text" } as const;

    for (const sort of ["needs", "newest", "supported"] as const) {
      const filters: Filters = { ...base, themeId: small.dialogue.themes[0]?.themeId, sort };
      const forSmall = await statementsForDialoguePage(small.municipalitySlug, small.dialogue.slug, 1, filters);
      const largeFilters: Filters = { ...filters, themeId: large.dialogue.themes[0]?.themeId };
      const forLarge = await statementsForDialoguePage(large.municipalitySlug, large.dialogue.slug, 1, largeFilters);
      const forLargeLastPage = await statementsForDialoguePage(large.municipalitySlug, large.dialogue.slug, 50, largeFilters);

      // Half are needs: 5 and 1,000 match, 50 pages of 20.
      expect(forSmall.contributions.total).toBe(5);
      expect(forLarge.contributions.total).toBe(1000);
      expect(forLargeLastPage.contributions.items).toHaveLength(20);
      expect(forLarge.contributions.items.every((item) => item.kind === "NEED" && item.supports.total === 9)).toBe(true);
      expect(forLarge.count, sort).toBe(forSmall.count);
      expect(forLargeLastPage.count, sort).toBe(forSmall.count);
      expect(forSmall.count).toBeLessThanOrEqual(10);
    }
  });

  it("are the same for the start page with 2 and with 30 dialogues", async () => {
    await dialogueWith(3);
    await dialogueWith(3);
    statements.log = [];
    await listOpenDialogues();
    const withFew = statements.log.length;

    for (let i = 0; i < 28; i += 1) {
      const dialogue = await createDialogue();
      await openDialogue(dialogue.id);
    }
    statements.log = [];
    await listOpenDialogues();
    expect(statements.log.length).toBe(withFew);
  });
});
