// The read-side rules of lib/policy/visibility.ts exist in three forms (a Prisma where, a SQL
// fragment, an in-memory check). Run over the same Postgres rows, the three must pick the same
// ones — and the ones the rule names: every phase but DRAFT, every contribution neither hidden
// nor withdrawn (decision 043).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DialoguePhase } from "@/lib/generated/prisma/enums";
import { publishedDialogue, visibleContribution } from "@/lib/policy/visibility";
import { createContribution, createDialogue, openDialogue } from "@/tests/support/factories";

const PHASES = ["DRAFT", "COLLECTING", "DELIBERATING", "RESPONDING", "CLOSED"] as const satisfies readonly DialoguePhase[];
const sorted = (ids: string[]) => [...ids].sort();

describe("the read-side visibility rules", () => {
  it("pick the same published dialogues as a Prisma where, a SQL fragment and an in-memory check", async () => {
    const byPhase = new Map<DialoguePhase, string>();
    for (const phase of PHASES) {
      const dialogue = await createDialogue();
      if (phase !== "DRAFT") await openDialogue(dialogue.id);
      if (phase !== "DRAFT" && phase !== "COLLECTING") await db.dialogue.update({ where: { id: dialogue.id }, data: { phase } });
      byPhase.set(phase, dialogue.id);
    }
    const ids = [...byPhase.values()];

    const viaWhere = (await db.dialogue.findMany({ where: { id: { in: ids }, ...publishedDialogue.where }, select: { id: true } })).map((d) => d.id);
    const viaSql = (
      await db.$queryRaw<{ id: string }[]>`SELECT d."id" FROM "Dialogue" d WHERE d."id" IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))}) AND ${publishedDialogue.sql("d")}`
    ).map((d) => d.id);
    const viaCheck = (await db.dialogue.findMany({ where: { id: { in: ids } }, select: { id: true, phase: true } })).filter(publishedDialogue.holds).map((d) => d.id);

    const expected = sorted(PHASES.filter((phase) => phase !== "DRAFT").map((phase) => byPhase.get(phase)!));
    expect(sorted(viaWhere)).toEqual(expected);
    expect(sorted(viaSql)).toEqual(expected);
    expect(sorted(viaCheck)).toEqual(expected);
  });

  it("pick the same visible contributions as a Prisma where, a SQL fragment and an in-memory check", async () => {
    const dialogue = await createDialogue();
    const at = new Date("2026-11-01T10:00:00Z");
    const states = {
      shown: {},
      hidden: { hiddenAt: at, hiddenCategory: "SPAM" },
      withdrawn: { withdrawnAt: at },
      hiddenAndWithdrawn: { hiddenAt: at, hiddenCategory: "SPAM", withdrawnAt: at },
    } satisfies Record<string, Partial<Prisma.ContributionUncheckedCreateInput>>;
    const byState = new Map<keyof typeof states, string>();
    for (const [state, fields] of Object.entries(states) as [keyof typeof states, (typeof states)[keyof typeof states]][]) {
      byState.set(state, (await createContribution({ dialogueId: dialogue.id, ...fields })).id);
    }
    const merged = await createContribution({ dialogueId: dialogue.id });
    await db.contribution.update({ where: { id: merged.id }, data: { mergedAt: at, mergedIntoId: byState.get("shown") } });
    const ids = [...byState.values(), merged.id];

    const viaWhere = (await db.contribution.findMany({ where: { id: { in: ids }, ...visibleContribution.where }, select: { id: true } })).map((c) => c.id);
    const viaSql = (
      await db.$queryRaw<{ id: string }[]>`SELECT c."id" FROM "Contribution" c WHERE c."id" IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))}) AND ${visibleContribution.sql("c")}`
    ).map((c) => c.id);
    const viaCheck = (await db.contribution.findMany({ where: { id: { in: ids } }, select: { id: true, hiddenAt: true, withdrawnAt: true, mergedAt: true } }))
      .filter(visibleContribution.holds)
      .map((c) => c.id);

    expect(viaWhere).toEqual([byState.get("shown")]);
    expect(viaSql).toEqual([byState.get("shown")]);
    expect(viaCheck).toEqual([byState.get("shown")]);
  });

  it("refuses a table alias that is not one", () => {
    expect(() => visibleContribution.sql(`c" OR 1=1 --`)).toThrow(/alias/);
  });
});
