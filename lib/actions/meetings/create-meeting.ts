"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { slugSchema } from "@/lib/dialogues/slug";
import { locales } from "@/lib/i18n/routing";
import { createMeeting, meetingFieldsFromForm } from "@/lib/meetings/create-meeting";
import { dialoguePaths, withQuery } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";

const page = z.object({ locale: z.enum(locales), municipality: slugSchema, dialogue: slugSchema });

export const createMeetingAction = formAction(
  z.looseObject({ ...page.shape, dialogueId: z.string() }),
  async ({ locale, municipality, dialogue, dialogueId, ...fields }, { viewer }): Promise<void> => {
    await createMeeting(viewer, { dialogueId, ...meetingFieldsFromForm(fields) });
    // Post/redirect/get: a reload does not add the meeting twice.
    redirectTo(locale, withQuery(dialoguePaths(municipality, dialogue).meetingsManage, { created: "1" }));
  },
);
