// A public dialogue with an author's contribution and comment, two moderators and staff: the
// cast of the moderation tests.
import { db } from "@/lib/db/client";
import { addMember, createComment, createContribution, createUser } from "@/tests/support/factories";
import { dialogueIn, participant, viewerOf } from "@/tests/support/participation";

export { appErrorOf, viewerOf } from "@/tests/support/viewers";
export { dialogueIn, participant } from "@/tests/support/participation";

export async function moderatedDialogue() {
  const dialogue = await dialogueIn("COLLECTING");
  const author = await participant(dialogue.id);
  const contribution = await createContribution({ dialogueId: dialogue.id, authorId: author.id, kind: "PROPOSAL", body: "Ein Vorschlag." });
  const comment = await createComment({ contributionId: contribution.id, authorId: author.id, body: "Ruf mich an: 0170 1234567" });
  const reporter = await participant(dialogue.id, "LOCAL_ACTOR");
  const moderator = await member(dialogue.id, "MODERATOR");
  const otherModerator = await member(dialogue.id, "MODERATOR");
  // The municipality's staff, who run its dialogues and read the log, but do not moderate.
  await db.municipalityMembership.create({ data: { userId: dialogue.createdById, municipalityId: dialogue.municipalityId, role: "STAFF" } });
  const staff = await viewerOf(dialogue.createdById);
  return { dialogue, author, contribution, comment, reporter, moderator, otherModerator, staff };
}

export async function member(dialogueId: string, role: "MODERATOR" | "PARTICIPANT" | "CO_HOST") {
  const user = await createUser({ perspective: "LOCAL_ACTOR" });
  await addMember(dialogueId, user.id, role);
  return viewerOf(user.id);
}

export function logOf(dialogueId: string) {
  return db.moderationAction.findMany({ where: { dialogueId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}
