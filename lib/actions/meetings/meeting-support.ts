"use server";

import { pageAction } from "@/lib/actions/form-action";
import { recordMeetingSupport, recordMeetingSupportInput } from "@/lib/meetings/record-meeting-support";

export const recordMeetingSupportAction = pageAction(recordMeetingSupportInput, async (input, { viewer, back }): Promise<void> => {
  await recordMeetingSupport(viewer, input);
  back("#meeting-supports");
});
