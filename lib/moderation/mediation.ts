import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize, can, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { parseInput } from "@/lib/validation";

// Private mediation (W5): a moderator opens a case between people of a dialogue and records the
// agreed outcome. Only moderators and the case's participants see it. The public log says only
// that a case was opened or closed, never between whom or about what.
const LOG_REASON = { opened: "private mediation case opened", closed: "private mediation case closed" } as const;

export const SUBJECT_MAX = 200;
export const OUTCOME_MAX = 4000;

export const openMediationCaseInput = z.object({
  dialogueId: z.uuid(),
  subject: z.string().trim().min(1).max(SUBJECT_MAX),
  participantIds: z.array(z.uuid()).min(2, "moderation.mediation.twoParticipants").max(10),
});

/** The dialogue's members a case can be opened between, for moderators. */
export async function listMediationCandidates(viewer: Viewer | null, input: { dialogueId: string }) {
  const { dialogueId } = parseInput(z.object({ dialogueId: z.uuid() }), input);
  authorize(viewer, "mediation:manage", await dialogueResource(dialogueId));
  const members = await db.membership.findMany({
    where: { dialogueId, user: { deletedAt: null } },
    orderBy: { user: { displayName: "asc" } },
    select: { user: { select: { id: true, displayName: true } } },
  });
  return members.map((member) => member.user);
}

export async function openMediationCase(viewer: Viewer | null, input: z.input<typeof openMediationCaseInput>) {
  const { dialogueId, subject, participantIds } = parseInput(openMediationCaseInput, input);
  authorize(viewer, "mediation:manage", await dialogueResource(dialogueId));
  const ids = [...new Set(participantIds)];
  const members = await db.membership.count({ where: { dialogueId, userId: { in: ids }, user: { deletedAt: null } } });
  if (ids.length < 2 || members !== ids.length) {
    throw new AppError("INVALID_INPUT", "participants are not members", { fieldErrors: { participantIds: [{ key: "moderation.mediation.members" }] } });
  }
  return db.$transaction(async (tx) => {
    const created = await tx.mediationCase.create({
      data: { dialogueId, openedById: viewer.id, subject, participants: { create: ids.map((userId) => ({ userId })) } },
      select: { id: true },
    });
    await tx.moderationAction.create({
      data: { dialogueId, actorId: viewer.id, type: "MEDIATION_OPENED", mediationCaseId: created.id, reason: LOG_REASON.opened },
    });
    return created;
  });
}

export const closeMediationCaseInput = z.object({ caseId: z.uuid(), outcome: z.string().trim().min(1).max(OUTCOME_MAX) });

/** Records the agreed outcome and closes the case. */
export async function closeMediationCase(viewer: Viewer | null, input: z.input<typeof closeMediationCaseInput>) {
  const { caseId, outcome } = parseInput(closeMediationCaseInput, input);
  const found = await db.mediationCase.findUnique({ where: { id: caseId }, select: { id: true, dialogueId: true } });
  if (!found) throw new AppError("NOT_FOUND", "mediation case not found");
  authorize(viewer, "mediation:manage", await dialogueResource(found.dialogueId));
  await db.$transaction(async (tx) => {
    const { count } = await tx.mediationCase.updateMany({ where: { id: caseId, closedAt: null }, data: { outcome, closedAt: new Date() } });
    if (count !== 1) throw new AppError("CONFLICT", "mediation case already closed");
    await tx.moderationAction.create({
      data: { dialogueId: found.dialogueId, actorId: viewer.id, type: "MEDIATION_CLOSED", mediationCaseId: caseId, reason: LOG_REASON.closed },
    });
  });
  return { id: caseId };
}

const caseSelect = {
  id: true,
  dialogueId: true,
  subject: true,
  outcome: true,
  closedAt: true,
  createdAt: true,
  openedBy: { select: { displayName: true } },
  participants: { select: { user: { select: { id: true, displayName: true, deletedAt: true } } } },
} as const;

/** A case of the dialogue, for its moderators and its participants; null for everyone else. */
export async function getMediationCase(viewer: Viewer | null, input: { caseId: string; dialogueId: string }) {
  const parsed = z.object({ caseId: z.uuid(), dialogueId: z.uuid() }).safeParse(input);
  if (!parsed.success || !viewer) return null;
  const found = await db.mediationCase.findFirst({ where: { id: parsed.data.caseId, dialogueId: parsed.data.dialogueId }, select: caseSelect });
  if (!found) return null;
  const mayManage = can(viewer, "mediation:manage", await dialogueResource(found.dialogueId));
  const isParticipant = found.participants.some((participant) => participant.user.id === viewer.id);
  if (!mayManage && !isParticipant) return null;
  return { ...found, participants: found.participants.map(({ user }) => (user.deletedAt ? null : user.displayName)), mayManage };
}

/** The dialogue's cases: all of them for moderators, the own ones for a participant. */
export async function listMediationCases(viewer: Viewer | null, input: { dialogueId: string }) {
  const { dialogueId } = parseInput(z.object({ dialogueId: z.uuid() }), input);
  if (!viewer) return [];
  const mayManage = can(viewer, "mediation:manage", await dialogueResource(dialogueId));
  return db.mediationCase.findMany({
    where: { dialogueId, ...(mayManage ? {} : { participants: { some: { userId: viewer.id } } }) },
    orderBy: [{ closedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, subject: true, closedAt: true, createdAt: true },
  });
}
