import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize, can, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { contributionResource } from "@/lib/policy/resources";
import { placeInput } from "@/lib/districts/place";
import { resolvePlace } from "@/lib/districts/resolve-place";
import { BODY_MAX, TITLE_MAX } from "./create-contribution";

export const updateContributionInput = z.object({
  contributionId: z.uuid(),
  title: z.string().trim().min(1).max(TITLE_MAX),
  body: z.string().trim().min(1).max(BODY_MAX),
  place: placeInput,
});

export async function updateContribution(viewer: Viewer | null, input: z.input<typeof updateContributionInput>) {
  const data = parseInput(updateContributionInput, input);
  const { contribution, resource } = await contributionResource(data.contributionId);
  // The edit window is part of the rule; the author who is only too late is told so.
  const late = !can(viewer, "contribution:update:own", resource) && can(viewer, "contribution:update:own", { ...resource, createdAt: new Date() });
  if (late) throw new AppError("FORBIDDEN", "edit window closed", { reason: "edit_window_closed" });
  authorize(viewer, "contribution:update:own", resource);
  // A form without the field (a town without districts) leaves the place as it was.
  const place = data.place === undefined ? {} : await resolvePlace(resource.municipalityId, data.place);
  await db.contribution.update({
    where: { id: contribution.id },
    data: { title: data.title, body: data.body, ...place, editedAt: new Date() },
  });
  return { id: contribution.id };
}
