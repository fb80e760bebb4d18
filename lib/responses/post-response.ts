import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { contributionResource } from "@/lib/policy/resources";
import { insertNotifications } from "@/lib/notifications/insert-notifications";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { languageTagSchema } from "@/lib/i18n/language-tag";
import { RESPONSE_STATUSES } from "./response-statuses";

export const RESPONSE_BODY_MAX = 5000;
export const DECIDED_BY_MAX = 200;

export { RESPONSE_STATUSES };

export const postResponseInput = z.object({
  contributionId: z.uuid(),
  status: z.enum(RESPONSE_STATUSES),
  /** What was decided and why: a status change without it is refused (docs/design.md, principle 2). */
  body: z.string({ error: "responses.bodyRequired" }).trim().min(1, "responses.bodyRequired").max(RESPONSE_BODY_MAX),
  decidedBy: z.string().trim().max(DECIDED_BY_MAX).optional().transform((value) => value || undefined),
  actorId: z.uuid().optional(),
  /** The target date, a calendar day. */
  dueDate: z.iso.date().optional(),
  /** The language the answer is written in, one of the dialogue's; left out, the dialogue's first. */
  language: languageTagSchema.optional(),
});

/**
 * Staff and hosts answer a contribution publicly: a status, what was decided and why, who
 * decided, which actor is responsible, by when. The response is appended to the timeline (the
 * database sets the contribution's status from it and refuses changes to it afterwards), and
 * its followers (the author, supporters, commenters — unless they unfollowed) are notified in
 * the same transaction. An offline voice without an account has nobody to notify; the answer is
 * public all the same.
 */
export async function postResponse(viewer: Viewer | null, input: z.input<typeof postResponseInput>) {
  const data = parseInput(postResponseInput, input);
  const { contribution, resource } = await contributionResource(data.contributionId);
  authorize(viewer, "contribution:respond", { ...resource, ownerId: undefined });

  if (data.actorId) {
    const actor = await db.actor.findFirst({ where: { id: data.actorId, municipalityId: resource.municipalityId }, select: { id: true } });
    // An actor of another municipality is named as if it did not exist.
    if (!actor) throw new AppError("INVALID_INPUT", "unknown actor", { fieldErrors: { actorId: [{ key: "validation.invalid" }] } });
  }

  // Rendered with this language as its lang, and what volunteers and machines translate from.
  const { languages } = await db.dialogue.findUniqueOrThrow({ where: { id: contribution.dialogueId }, select: { languages: true } });
  if (data.language && !languages.includes(data.language)) {
    throw new AppError("INVALID_INPUT", "not a language of the dialogue", { fieldErrors: { language: [{ key: "responses.languageNotOfDialogue" }] } });
  }

  return db.$transaction(async (tx) => {
    const response = await tx.response.create({
      data: {
        contributionId: contribution.id,
        authorId: viewer.id,
        status: data.status,
        body: data.body,
        language: data.language ?? languages[0]!,
        decidedBy: data.decidedBy ?? null,
        actorId: data.actorId ?? null,
        dueDate: data.dueDate ? new Date(`${data.dueDate}T00:00:00Z`) : null,
      },
      select: { id: true, contributionId: true, status: true, createdAt: true },
    });
    await insertNotifications(
      tx,
      {
        subjectId: contribution.id,
        dialogueId: contribution.dialogueId,
        contributionId: contribution.id,
        responseId: response.id,
        to: [{ type: "RESPONSE_POSTED", audience: { kind: "contributionFollowers", contributionId: contribution.id } }],
      },
      viewer.id,
    );
    return response;
  });
}
