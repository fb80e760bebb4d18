import "server-only";
import { db } from "@/lib/db/client";
import type { ActorKind, ContributionStatus } from "@/lib/generated/prisma/enums";
import { publishedDialoguePage } from "./get-open-dialogue";
import { toPage, type Page, type PageInput } from "./page";
import { visibleContribution } from "@/lib/policy/visibility";

/** A public response: the deciding body and the responsible actor, not the writer's account. */
export type OpenResponse = {
  id: string;
  contributionId: string;
  status: ContributionStatus;
  decidedBy: string | null;
  body: string;
  actor: { id: string; name: string; kind: ActorKind } | null;
  dueDate: string | null;
  createdAt: Date;
};

/** The responses to the visible contributions of a published dialogue, oldest first. */
export async function listOpenResponses(input: PageInput & { dialogueId: string }): Promise<Page<OpenResponse>> {
  const { dialogueId, limit, where, ...args } = await publishedDialoguePage(input);
  const rows = await db.response.findMany({
    ...args,
    where: { ...where, contribution: { ...visibleContribution.where, dialogueId } },
    select: {
      id: true,
      contributionId: true,
      status: true,
      decidedBy: true,
      body: true,
      actor: { select: { id: true, name: true, kind: true } },
      dueDate: true,
      createdAt: true,
    },
  });
  const { items, nextCursor } = toPage(rows, limit);
  return { items: items.map((row) => ({ ...row, dueDate: row.dueDate?.toISOString().slice(0, 10) ?? null })), nextCursor };
}
