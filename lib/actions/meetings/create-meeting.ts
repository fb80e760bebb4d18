"use server";

import { z } from "zod";
import { formInput, pageAction } from "@/lib/actions/form-action";
import { createMeeting, createMeetingInput } from "@/lib/meetings/create-meeting";
import { withQuery } from "@/lib/routes/paths";

export const createMeetingAction = pageAction(
  z.object({}),
  // The domain function checks the fields (an end before the start, languages of the dialogue's).
  async (_fields, { viewer, formData, paths, back }): Promise<void> => {
    await createMeeting(viewer, formInput(createMeetingInput, formData));
    // Post/redirect/get: a reload does not add the meeting twice.
    back(withQuery(paths.meetingsManage, { created: "1" }));
  },
);
