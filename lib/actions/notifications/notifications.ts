"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { markAllRead } from "@/lib/notifications/mark-read";
import { unsubscribeFromDigest, unsubscribeInput } from "@/lib/notifications/unsubscribe";

export const markAllReadAction = formAction(z.object({}), async (_input, { viewer }) => {
  await markAllRead(viewer);
  // The list and the header's counter change.
  refresh();
  return { done: true };
});

/** Needs no session: the signed link in the mail is the proof, the button press the consent. */
export const unsubscribeAction = formAction(unsubscribeInput, async (input) => {
  await unsubscribeFromDigest(input);
  return { done: true };
});
