"use server";

import { refresh } from "next/cache";
import { formAction, municipalityPageAction } from "@/lib/actions/form-action";
import { addActorMember, actorMemberInput } from "@/lib/actors/add-actor-member";
import { createActor, createActorInput } from "@/lib/actors/create-actor";
import { removeActorMember } from "@/lib/actors/remove-actor-member";
import { updateActor, updateActorInput } from "@/lib/actors/update-actor";
import { withQuery } from "@/lib/routes/paths";

export const createActorAction = municipalityPageAction(createActorInput, async (input, { viewer, paths, back }): Promise<void> => {
  const actor = await createActor(viewer, input);
  back(withQuery(paths.actorEdit(actor.id), { done: "created" }));
});

export const updateActorAction = municipalityPageAction(updateActorInput, async (input, { viewer, here, back }): Promise<void> => {
  await updateActor(viewer, input);
  back(withQuery(here, { done: "saved" }));
});

export const addActorMemberAction = formAction(actorMemberInput, async (input, { viewer }): Promise<void> => {
  await addActorMember(viewer, input);
  refresh();
});

export const removeActorMemberAction = formAction(actorMemberInput, async (input, { viewer }): Promise<void> => {
  await removeActorMember(viewer, input);
  refresh();
});
