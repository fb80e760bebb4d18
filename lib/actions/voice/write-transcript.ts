"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { slugSchema } from "@/lib/dialogues/slug";
import { redirect } from "@/lib/i18n/navigation";
import { locales } from "@/lib/i18n/routing";
import { writeTranscript, writeTranscriptInput } from "@/lib/voice/write-transcript";

const page = z.object({ locale: z.enum(locales), municipality: slugSchema, dialogue: slugSchema });

export const writeTranscriptAction = formAction(writeTranscriptInput.extend(page.shape), async ({ locale, municipality, dialogue, ...input }, { viewer }) => {
  const { contributionId } = await writeTranscript(viewer, input);
  redirect({ href: `/${municipality}/${dialogue}/c/${contributionId}`, locale });
});
