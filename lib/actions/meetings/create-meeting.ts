"use server";

import { z } from "zod";
import { pageAction } from "@/lib/actions/form-action";
import { createMeeting, meetingFieldsFromForm } from "@/lib/meetings/create-meeting";
import { withQuery } from "@/lib/routes/paths";

export const createMeetingAction = pageAction(
  z.looseObject({ dialogueId: z.string() }),
  async ({ dialogueId, ...fields }, { viewer, paths, back }): Promise<void> => {
    await createMeeting(viewer, { dialogueId, ...meetingFieldsFromForm(fields) });
    // Post/redirect/get: a reload does not add the meeting twice.
    back(withQuery(paths.meetingsManage, { created: "1" }));
  },
);
