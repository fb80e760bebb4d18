import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { contributionResource } from "./contribution-resource";
import { BODY_MAX, DISTRICT_MAX, TITLE_MAX } from "./create-contribution";

/** Authors may correct what they posted for a short while; after that it stands as said. */
export const EDIT_WINDOW_MS = 15 * 60 * 1000;

export const updateContributionInput = z.object({
  contributionId: z.uuid(),
  title: z.string().trim().min(1).max(TITLE_MAX),
  body: z.string().trim().min(1).max(BODY_MAX),
  district: z.string().trim().max(DISTRICT_MAX).optional(),
});

export function withinEditWindow(createdAt: Date, now = new Date()): boolean {
  return now.getTime() - createdAt.getTime() <= EDIT_WINDOW_MS;
}

export async function updateContribution(viewer: Viewer | null, input: z.input<typeof updateContributionInput>) {
  const data = parseInput(updateContributionInput, input);
  const { contribution, resource } = await contributionResource(data.contributionId);
  authorize(viewer, "contribution:update:own", resource);
  if (!withinEditWindow(contribution.createdAt)) throw new AppError("FORBIDDEN", "edit window closed", { reason: "edit_window_closed" });
  await db.contribution.update({
    where: { id: contribution.id },
    data: { title: data.title, body: data.body, district: data.district || null, editedAt: new Date() },
  });
  return { id: contribution.id };
}
