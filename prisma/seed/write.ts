// Inserts the demo rows in the order the foreign keys and triggers need. Everything goes in
// through the same doors as in the app: dialogues as drafts that open once a co-host with lived
// experience is on the team, contributions only while a dialogue is open, statuses only
// through responses, closing only when every need is answered.
import type { Prisma } from "../../lib/generated/prisma/client";
import { linkDistrictTexts } from "../../lib/districts/link-district-texts";
import type { DemoRows, PhaseStep } from "./rows";

export async function insertRows(tx: Prisma.TransactionClient, rows: DemoRows): Promise<void> {
  await tx.municipality.createMany({ data: [rows.municipality] });
  await tx.theme.createMany({ data: rows.themes });
  await tx.user.createMany({ data: rows.users });
  await tx.municipalityMembership.createMany({ data: rows.municipalityMemberships });
  await tx.actor.createMany({ data: rows.actors });
  await tx.actorMember.createMany({ data: rows.actorMembers });
  await tx.dialogue.createMany({ data: rows.dialogues });
  await tx.dialogueTheme.createMany({ data: rows.dialogueThemes });
  await tx.responsibility.createMany({ data: rows.responsibilities });
  await tx.invitation.createMany({ data: rows.invitations });
  await tx.membership.createMany({ data: rows.memberships });
  await tx.meeting.createMany({ data: rows.meetings });
  const closing = rows.phaseSteps.filter((step) => step.toPhase === "CLOSED");
  await walk(tx, rows.phaseSteps.filter((step) => step.toPhase !== "CLOSED"));
  await tx.district.createMany({ data: rows.districts });
  await tx.contribution.createMany({ data: rows.contributions });
  // The old free-text field, matched to the districts as when staff define them (decision 049).
  await linkDistrictTexts(tx, rows.municipality.id!);
  await tx.comment.createMany({ data: rows.comments });
  await tx.comment.createMany({ data: rows.replies });
  await tx.translation.createMany({ data: rows.translations });
  await tx.support.createMany({ data: rows.supports });
  await tx.meetingSupport.createMany({ data: rows.meetingSupports });
  // Authors, supporters and commenters follow what they took part in, as posting in the app does
  // (decision 030); ids derived from the pair, so a reseed writes the same rows.
  await tx.$executeRaw`
    INSERT INTO "Follow" ("id", "userId", "contributionId", "createdAt")
    SELECT md5(p."userId"::text || p."contributionId"::text)::uuid, p."userId", p."contributionId", p."at"
    FROM (
      SELECT "authorId" AS "userId", "id" AS "contributionId", "createdAt" AS "at" FROM "Contribution" WHERE "authorId" IS NOT NULL
      UNION ALL SELECT "userId", "contributionId", "createdAt" FROM "Support"
      UNION ALL SELECT "authorId", "contributionId", "createdAt" FROM "Comment"
    ) p
    ON CONFLICT DO NOTHING`;
  await tx.response.createMany({ data: rows.responses });
  await tx.report.createMany({ data: rows.reports });
  await tx.moderationAction.createMany({ data: rows.moderationActions });
  await walk(tx, closing);
  await tx.phaseChange.createMany({ data: rows.phaseSteps });
}

async function walk(tx: Prisma.TransactionClient, steps: readonly PhaseStep[]): Promise<void> {
  for (const step of steps) {
    await tx.dialogue.update({ where: { id: step.dialogueId }, data: { phase: step.toPhase, updatedAt: step.createdAt } });
  }
}
