// One participant cannot bury a contribution under comments: each person may write
// COMMENTS_PER_MINUTE comments a minute and COMMENTS_PER_DAY a day (replies count too). Over the
// limit, the message stands next to the text field and says how long to wait.
import { afterEach, describe, expect, it, vi } from "vitest";

process.env.COMMENTS_PER_MINUTE = "5";
process.env.COMMENTS_PER_DAY = "8";

const { db } = await import("@/lib/db/client");
const { createComment } = await import("@/lib/comments/create-comment");
const { createContribution } = await import("@/tests/support/factories");
const { appErrorOf, dialogueIn, participant } = await import("@/tests/support/participation");

afterEach(() => vi.useRealTimers());

async function setUp() {
  const dialogue = await dialogueIn("COLLECTING");
  const contribution = await createContribution({ dialogueId: dialogue.id, kind: "PROPOSAL" });
  return { dialogue, contribution, author: await participant(dialogue.id) };
}

const later = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000);

describe("comment limits", () => {
  it("refuses the 6th comment within a minute with a message on the text field, and takes it a minute later", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { contribution, author } = await setUp();
    const write = (body: string, parentId?: string) => createComment(author, { contributionId: contribution.id, parentId, body, language: "de" });
    const first = await write("Eins");
    for (const body of ["Zwei", "Drei", "Vier"]) await write(body);
    await write("Fünf", first.id); // replies count too

    const refused = await appErrorOf(write("Sechs"));
    expect(refused.code).toBe("RATE_LIMITED");
    expect(refused.details.fieldErrors).toEqual({ body: [{ key: "comments.tooMany", params: { retryAfterMinutes: 1 } }] });
    expect(await db.comment.count({ where: { contributionId: contribution.id } })).toBe(5);

    later(61);
    await expect(write("Sechs")).resolves.toMatchObject({ contributionId: contribution.id });
  });

  it("refuses more than the daily number however slowly they come", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { contribution, author } = await setUp();
    const write = (body: string) => createComment(author, { contributionId: contribution.id, body, language: "de" });
    for (let i = 1; i <= 8; i++) {
      await write(`Kommentar ${i}`);
      later(61);
    }
    const refused = await appErrorOf(write("Neun"));
    expect(refused.code).toBe("RATE_LIMITED");
    expect(refused.details.retryAfterMinutes).toBeGreaterThan(60);
    later(24 * 60 * 60);
    await expect(write("Neun")).resolves.toMatchObject({ contributionId: contribution.id });
  });

  it("counts per person: one person's flood does not silence the others", async () => {
    const { dialogue, contribution, author } = await setUp();
    for (let i = 1; i <= 5; i++) await createComment(author, { contributionId: contribution.id, body: `Flut ${i}`, language: "de" });
    expect((await appErrorOf(createComment(author, { contributionId: contribution.id, body: "Flut 6", language: "de" }))).code).toBe("RATE_LIMITED");
    const other = await participant(dialogue.id);
    await expect(createComment(other, { contributionId: contribution.id, body: "Ich auch", language: "de" })).resolves.toBeTruthy();
  });

  it("counts nothing for a refused attempt (signed out, not a member)", async () => {
    const { contribution, author } = await setUp();
    const stranger = await participant((await dialogueIn("COLLECTING")).id);
    for (let i = 1; i <= 6; i++) await appErrorOf(createComment(stranger, { contributionId: contribution.id, body: "Hallo", language: "de" }));
    for (let i = 1; i <= 5; i++) await createComment(author, { contributionId: contribution.id, body: `Eigener ${i}`, language: "de" });
    const elsewhere = await setUp();
    await expect(createComment(stranger, { contributionId: elsewhere.contribution.id, body: "Hier nicht", language: "de" })).rejects.toThrow();
  });
});
