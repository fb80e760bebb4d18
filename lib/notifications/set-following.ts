import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { contributionResource, dialogueResource } from "@/lib/policy/resources";
import { authorize, canManageOwnAccount, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { follow, unfollow, type FollowTarget } from "./follows";

export const setFollowingInput = z.object({
  target: z.enum(["contribution", "dialogue"]),
  targetId: z.uuid(),
  /** "yes" / "no" from a form's hidden field. */
  following: z.union([z.boolean(), z.enum(["yes", "no"]).transform((value) => value === "yes")]),
});

/**
 * The follow/unfollow form (decision 030). Following needs a published dialogue and a visible
 * contribution (`follow:create`); unfollowing only an account — also suspended, also when the
 * contribution was hidden since: nobody is kept being told against their wish.
 */
export async function setFollowing(viewer: Viewer | null, input: z.input<typeof setFollowingInput>) {
  const { target, targetId, following } = parseInput(setFollowingInput, input);
  if (!canManageOwnAccount(viewer)) throw new AppError("UNAUTHENTICATED", "sign in to follow");
  const followTarget: FollowTarget = target === "contribution" ? { contributionId: targetId } : { dialogueId: targetId };
  if (following) {
    const resource = target === "contribution" ? (await contributionResource(targetId)).resource : await dialogueResource(targetId);
    authorize(viewer, "follow:create", { ...resource, ownerId: undefined });
    await follow(viewer.id, followTarget);
  } else {
    const exists = target === "contribution" ? await db.contribution.count({ where: { id: targetId } }) : await db.dialogue.count({ where: { id: targetId } });
    if (exists === 0) throw new AppError("NOT_FOUND", `${target} not found`);
    await unfollow(viewer.id, followTarget);
  }
  return { following };
}
