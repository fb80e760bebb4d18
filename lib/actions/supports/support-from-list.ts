"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction, IDLE } from "@/lib/actions/form-action";
import { filtersToQuery, parseContributionFilters } from "@/lib/contributions/contribution-filters";
import { cursorQuery, parsePageNumber } from "@/lib/contributions/list-contributions";
import { slugSchema } from "@/lib/dialogues/slug";
import { locales } from "@/lib/i18n/routing";
import { dialoguePaths, withQuery } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";
import { giveSupport } from "@/lib/supports/give-support";
import { withdrawSupport } from "@/lib/supports/withdraw-support";

const input = z.object({
  locale: z.enum(locales),
  municipality: slugSchema,
  dialogue: slugSchema,
  contributionId: z.uuid(),
  intent: z.enum(["give", "withdraw"]),
  /** The list's query string (filters, page): the way back to the same list position. */
  list: z.string().max(1000).default(""),
});

const support = formAction(input, async ({ intent, contributionId }, { viewer }) => {
  if (intent === "give") await giveSupport(viewer, { contributionId });
  else await withdrawSupport(viewer, { contributionId });
});

/**
 * The support button of a list item on the dialogue page: a plain form, no JavaScript needed.
 * Back to the same list (filters and page rebuilt from known parameters only, never a path the
 * form names) at the item itself. A refusal (the phase moved on, the person left) brings the
 * list back as it is: the button there shows what holds now.
 */
export async function supportFromListAction(formData: FormData): Promise<void> {
  await support(IDLE, formData);
  const parsed = input.safeParse(Object.fromEntries([...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string")));
  if (!parsed.success) return;
  const { locale, municipality, dialogue, contributionId, list } = parsed.data;
  const params = Object.fromEntries(new URLSearchParams(list));
  // Only the shape of a theme or language is checked here; the page drops one it does not offer.
  const filters = parseContributionFilters(params, { themeIds: [params.theme ?? ""], languages: [params.language ?? ""] });
  const page = parsePageNumber(params.page);
  const query = { ...filtersToQuery(filters), ...(page > 1 ? { page: String(page), ...cursorQuery(params, page) } : {}) };
  refresh();
  redirectTo(locale, withQuery(dialoguePaths(municipality, dialogue).home, query, `c-${contributionId}`));
}
