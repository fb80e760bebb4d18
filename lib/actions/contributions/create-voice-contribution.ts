"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { slugSchema } from "@/lib/dialogues/slug";
import { redirect } from "@/lib/i18n/navigation";
import { locales } from "@/lib/i18n/routing";
import { createVoiceContribution, createVoiceContributionInput } from "@/lib/voice/create-voice-contribution";
import { VOICE_MAX_BYTES } from "@/lib/voice/limits";

const page = z.object({ locale: z.enum(locales), municipality: slugSchema, dialogue: slugSchema });

export const createVoiceContributionAction = formAction(
  createVoiceContributionInput.extend(page.shape),
  async ({ locale, municipality, dialogue, ...input }, { viewer, formData }) => {
    const file = formData.get("audio");
    // Read no more than the limit allows (the check then names the size); no file: empty.
    const bytes = file instanceof Blob && file.size > 0 ? new Uint8Array(await file.slice(0, VOICE_MAX_BYTES + 1).arrayBuffer()) : null;
    const contribution = await createVoiceContribution(viewer, input, bytes);
    redirect({ href: `/${municipality}/${dialogue}/c/${contribution.id}`, locale });
  },
);
