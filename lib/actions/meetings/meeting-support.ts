"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { slugSchema } from "@/lib/dialogues/slug";
import { redirect } from "@/lib/i18n/navigation";
import { locales } from "@/lib/i18n/routing";
import { recordMeetingSupport, recordMeetingSupportInput } from "@/lib/meetings/record-meeting-support";

const page = z.object({ locale: z.enum(locales), municipality: slugSchema, dialogue: slugSchema });

export const recordMeetingSupportAction = formAction(
  recordMeetingSupportInput.extend(page.shape),
  async ({ locale, municipality, dialogue, ...input }, { viewer }): Promise<void> => {
    await recordMeetingSupport(viewer, input);
    // The same page, another fragment: refresh so the new counts are fetched.
    refresh();
    redirect({ href: `/${municipality}/${dialogue}/c/${input.contributionId}#meeting-supports`, locale });
  },
);
