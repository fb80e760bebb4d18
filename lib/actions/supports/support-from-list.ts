"use server";

import { z } from "zod";
import { IDLE, pageAction } from "@/lib/actions/form-action";
import type { DialoguePageRef } from "@/lib/actions/form-state";
import { filtersToQuery, parseContributionFilters } from "@/lib/contributions/contribution-filters";
import { cursorQuery, parsePageNumber } from "@/lib/contributions/list-contributions";
import { isAppError } from "@/lib/errors";
import { withQuery, type Query } from "@/lib/routes/paths";
import { giveSupport } from "@/lib/supports/give-support";
import { withdrawSupport } from "@/lib/supports/withdraw-support";

const input = z.object({ contributionId: z.uuid(), intent: z.enum(["give", "withdraw"]) });

/** The list's query string (filters, page) rebuilt from known parameters only, never a path the form names. */
function listQuery(list: string): Query {
  const params = Object.fromEntries(new URLSearchParams(list.slice(0, 1000)));
  // Only the shape of a theme or language is checked here; the page drops one it does not offer.
  const filters = parseContributionFilters(params, { themeIds: [params.theme ?? ""], languages: [params.language ?? ""] });
  const page = parsePageNumber(params.page);
  return { ...filtersToQuery(filters), ...(page > 1 ? { page: String(page), ...cursorQuery(params, page) } : {}) };
}

const support = (list: string) =>
  pageAction(input, async ({ intent, contributionId }, { viewer, here, back }): Promise<void> => {
    try {
      if (intent === "give") await giveSupport(viewer, { contributionId });
      else await withdrawSupport(viewer, { contributionId });
    } catch (error) {
      // A refusal (the phase moved on, the person left) brings the list back as it is: the button there shows what holds now.
      if (!isAppError(error)) throw error;
    }
    back(withQuery(here, listQuery(list), `c-${contributionId}`));
  });

/**
 * The support button of a list item on the dialogue page: a plain form, no JavaScript needed.
 * Bound where the page renders the list to the page and the list's position (its query string,
 * decision 042); back to the same list at the item itself.
 */
export async function supportFromListAction(page: DialoguePageRef, list: string, formData: FormData): Promise<void> {
  await support(typeof list === "string" ? list : "")(page, IDLE, formData);
}
