"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { addActorMember, actorMemberInput } from "@/lib/actors/add-actor-member";
import { createActor, createActorInput } from "@/lib/actors/create-actor";
import { removeActorMember } from "@/lib/actors/remove-actor-member";
import { updateActor, updateActorInput } from "@/lib/actors/update-actor";
import { slugSchema } from "@/lib/dialogues/slug";
import { locales } from "@/lib/i18n/routing";
import { municipalityPaths, withQuery } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";

const page = z.object({ locale: z.enum(locales), municipality: slugSchema });

export const createActorAction = formAction(createActorInput.extend(page.shape), async ({ locale, municipality, ...input }, { viewer }): Promise<void> => {
  const actor = await createActor(viewer, input);
  redirectTo(locale, withQuery(municipalityPaths(municipality).actorEdit(actor.id), { done: "created" }));
});

export const updateActorAction = formAction(updateActorInput.extend(page.shape), async ({ locale, municipality, ...input }, { viewer }): Promise<void> => {
  await updateActor(viewer, input);
  redirectTo(locale, withQuery(municipalityPaths(municipality).actorEdit(input.actorId), { done: "saved" }));
});

export const addActorMemberAction = formAction(actorMemberInput, async (input, { viewer }): Promise<void> => {
  await addActorMember(viewer, input);
  refresh();
});

export const removeActorMemberAction = formAction(actorMemberInput, async (input, { viewer }): Promise<void> => {
  await removeActorMember(viewer, input);
  refresh();
});
