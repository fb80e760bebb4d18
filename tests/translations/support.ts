import { addMember, createComment, createContribution, createUser } from "@/tests/support/factories";
import { dialogueIn, participant, viewerOf } from "@/tests/support/participation";

/** A need in German in a collecting dialogue (languages de, ar, fa), with a comment, and its host. */
export async function germanNeed() {
  const dialogue = await dialogueIn("COLLECTING");
  const contribution = await createContribution({ dialogueId: dialogue.id, title: "WLAN im Haus 3", body: "Es gibt kein Internet." });
  const comment = await createComment({ contributionId: contribution.id, body: "Das stimmt." });
  const host = await viewerOf(dialogue.createdById);
  return { dialogue, contribution, comment, host };
}

export async function coHost(dialogueId: string) {
  const user = await createUser({ perspective: "LIVED_EXPERIENCE" });
  await addMember(dialogueId, user.id, "CO_HOST");
  return viewerOf(user.id);
}

export { participant };
