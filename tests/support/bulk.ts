// Many rows at once for the dialogue tests: createMany instead of one factory call per row,
// so a test with hundreds of contributions stays fast.
import { db } from "@/lib/db/client";
import type { ContributionKind, Perspective } from "@/lib/generated/prisma/enums";
import { createUser, firstThemeId, unique, type DialogueWithThemes } from "./factories";

export type ContributionSpec = {
  kind: ContributionKind;
  perspective: Perspective;
  /** Minutes after a fixed start, so the order by creation time is exact. */
  minute: number;
  hidden?: boolean;
  withdrawn?: boolean;
  language?: string;
};

const START = Date.UTC(2026, 0, 1, 9, 0, 0);

/** Creates the contributions in one statement; returns them with ids, in the given order. */
export async function createContributions(dialogue: DialogueWithThemes, specs: ContributionSpec[]) {
  const authors = new Map<Perspective, string>();
  for (const perspective of new Set(specs.map((spec) => spec.perspective))) {
    // They show it: the list sorts by the perspective the public may see (decision 024).
    authors.set(perspective, (await createUser({ perspective, showPerspective: true })).id);
  }
  const themeId = firstThemeId(dialogue);
  const rows = specs.map((spec) => {
    const title = unique(`${spec.kind}-${spec.perspective}`);
    return {
      dialogueId: dialogue.id,
      themeId,
      kind: spec.kind,
      title,
      body: `Text zu ${title}`,
      language: spec.language ?? "de",
      authorId: authors.get(spec.perspective) ?? null,
      authorPerspective: spec.perspective,
      createdAt: new Date(START + spec.minute * 60_000),
      withdrawnAt: spec.withdrawn ? new Date() : null,
      hiddenAt: spec.hidden ? new Date() : null,
      hiddenCategory: spec.hidden ? ("SPAM" as const) : null,
    };
  });
  return db.contribution.createManyAndReturn({ data: rows, select: { id: true, title: true, kind: true, authorPerspective: true } });
}

/** `count` new users of `perspective`, each supporting every contribution in `contributionIds`. */
export async function support(contributionIds: string[], perspective: Perspective, count: number) {
  const users = await db.user.createManyAndReturn({
    data: Array.from({ length: count }, () => ({ displayName: unique("Unterstützerin"), perspective })),
    select: { id: true },
  });
  await db.support.createMany({
    data: contributionIds.flatMap((contributionId) => users.map((user) => ({ contributionId, userId: user.id, perspective }))),
  });
}
