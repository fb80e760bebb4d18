"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { currentSessionToken } from "@/lib/auth/sessions";
import { removePushDevice, subscribePush, subscribePushInput } from "@/lib/push/push-devices";

// Web Push devices (decision 031). Switching on is called from the switch's JavaScript (the browser
// makes the subscription); removing a device is a plain form that works without JavaScript.
// Both go through formAction: origin checked, input parsed, the viewer's own account only.

export const subscribePushAction = formAction(subscribePushInput, async (input, { viewer }) => {
  const result = await subscribePush(viewer, input, { sessionToken: await currentSessionToken() });
  refresh();
  return result;
});

/** "Remove" beside a device in the list (by id), or "Switch off on this phone" (by this browser's endpoint). */
export const removePushDeviceAction = formAction(
  z.union([z.object({ id: z.uuid() }), z.object({ endpoint: z.string().min(1).max(1024) })]),
  async (input, { viewer }) => {
    const result = await removePushDevice(viewer, input);
    refresh();
    return result;
  },
);
