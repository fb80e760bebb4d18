"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { slugSchema } from "@/lib/dialogues/slug";
import { redirect } from "@/lib/i18n/navigation";
import { locales } from "@/lib/i18n/routing";
import { createMeeting, meetingFieldsFromForm } from "@/lib/meetings/create-meeting";

const page = z.object({ locale: z.enum(locales), municipality: slugSchema, dialogue: slugSchema });

export const createMeetingAction = formAction(
  z.looseObject({ ...page.shape, dialogueId: z.string() }),
  async ({ locale, municipality, dialogue, dialogueId, ...fields }, { viewer }): Promise<void> => {
    await createMeeting(viewer, { dialogueId, ...meetingFieldsFromForm(fields) });
    // Post/redirect/get: a reload does not add the meeting twice.
    redirect({ href: { pathname: `/${municipality}/${dialogue}/meetings/manage`, query: { created: "1" } }, locale });
  },
);
