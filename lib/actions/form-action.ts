import "server-only";
import { refresh } from "next/cache";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getViewer, type SignedInUser } from "@/lib/auth/get-viewer";
import { publicOrigin } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { settleFlash } from "@/lib/flash/flash";
import { markSubmitFailed, RENDER_TOKEN_HEADER } from "@/lib/http/render-registry";
import { isSameOrigin } from "@/lib/security/same-origin";
import { slugSchema } from "@/lib/dialogues/slug";
import { dialoguePaths, withQuery, type DialoguePaths, type Path } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";
import { locales } from "@/lib/i18n/routing";
import { fromFormEncoding, parseForm } from "@/lib/validation";
import type { FormAction, FormState, Message, PageAction } from "./form-state";

export { fieldErrorsOf, parseForm } from "@/lib/validation";
export { isSameOrigin } from "@/lib/security/same-origin";

// The one wrapper for server actions behind plain <form action> (works without JavaScript,
// with useActionState when it runs): refuses foreign origins, parses FormData with zod, loads
// the viewer, runs the domain function, and turns failures into per-field messages. Messages
// are catalogue keys (`validation.*`, `errors.*`) that the form translates; what the person
// typed comes back in `values` so the form keeps it.

export { IDLE, type FormAction, type FormState, type Message, type PageAction, type PageRef } from "./form-state";

/** `formData`: the whole form, for what is not text (a voice message's file). */
export type ActionContext = { viewer: SignedInUser | null; formData: FormData };

export function formAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>, context: ActionContext) => Promise<T>): FormAction<T> {
  return (_previous, formData) => run(schema, formData, handler);
}

/**
 * The page a form is rendered on, bound to its action there (`action.bind(null, page)`, decision
 * 042): parsed here once, like the route's own segments, so it can only ever name a page of this
 * site. It says where to go back to, never who may do what.
 */
export const pageRef = z.object({
  locale: z.enum(locales),
  municipality: slugSchema,
  dialogue: slugSchema,
  contributionId: z.uuid().optional(),
});
export type Page = z.output<typeof pageRef>;

export type PageContext = ActionContext & {
  page: Page;
  /** The pages of the page's dialogue. */
  paths: DialoguePaths;
  /**
   * Post/redirect/get in the page's language: to `to`, a path from lib/routes/paths.ts, a
   * "#place" on the page, or the page itself. A way back to the same page fetches it again.
   */
  back: (to?: Path | `#${string}`) => never;
  /**
   * For a form whose page shows the answer where the form is (a support's counts): posted by the
   * page's scripts, the page refreshes in place and its address stays; posted without
   * JavaScript, `back(to)`.
   */
  refreshOrBack: (to?: Path | `#${string}`) => Promise<void>;
};

/** formAction() for a form that names its page: the handler gets it, parsed, and `back()`. */
export function pageAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>, context: PageContext) => Promise<T>): PageAction<T> {
  return async (bound, _previous, formData) => {
    const parsed = pageRef.safeParse(bound);
    if (!parsed.success) return failed({ status: "error", fieldErrors: {}, formError: { key: "errors.INVALID_INPUT" }, values: textValues(formData) });
    const page = parsed.data;
    const here = pagePath(page);
    const back = (to: Path | `#${string}` = here): never => {
      const path: Path = to.startsWith("#") ? withQuery(here, {}, to) : (to as Path);
      // A redirect to the same page (only the query or #fragment differs) does not fetch it again by itself.
      if (path === here || path.startsWith(`${here}?`) || path.startsWith(`${here}#`)) refresh();
      return redirectTo(page.locale, path);
    };
    const refreshOrBack = async (to?: Path | `#${string}`): Promise<void> => {
      // React calls an action from the page's scripts with this header; a plain form post has none.
      if ((await headers()).has("next-action")) return refresh();
      back(to);
    };
    const paths = dialoguePaths(page.municipality, page.dialogue);
    return run(schema, formData, (input, context) => handler(input, { ...context, page, paths, back, refreshOrBack }));
  };
}

/** The path of the page a reference names (without the locale, which the redirect adds). */
export function pagePath({ municipality, dialogue, contributionId }: Page): Path {
  const paths = dialoguePaths(municipality, dialogue);
  return contributionId ? paths.contribution(contributionId) : paths.home;
}

async function run<S extends z.ZodType, T>(
  schema: S,
  formData: FormData,
  handler: (input: z.output<S>, context: ActionContext) => Promise<T>,
): Promise<FormState<T>> {
  const values = textValues(formData);
  if (!(await sameOrigin())) {
    return failed({ status: "error", fieldErrors: {}, formError: { key: "errors.FORBIDDEN" }, values });
  }
  const parsed = parseForm(schema, values);
  if (!parsed.success) {
    return failed({ status: "error", fieldErrors: parsed.fieldErrors, values });
  }
  try {
    const data = await handler(parsed.data, { viewer: await getViewer(), formData });
    await settleFlash();
    return { status: "success", data };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are not failures
    if (isAppError(error)) return failed({ status: "error", ...appErrorState(error), values });
    throw error;
  }
}

/**
 * A failed post: without JavaScript the page comes back with the error summary, and the layout
 * starts its title with "Error:" (lib/http/render-registry.ts).
 */
async function failed<T>(state: FormState<T>): Promise<FormState<T>> {
  markSubmitFailed((await headers()).get(RENDER_TOKEN_HEADER));
  return state;
}

/**
 * Server actions and state-changing route handlers (the export) are public endpoints: refuse
 * requests whose Origin is missing, `null` or foreign. One rule for both.
 */
export async function sameOrigin(): Promise<boolean> {
  const h = await headers();
  return isSameOrigin({ origin: h.get("origin"), host: h.get("host"), forwardedHost: h.get("x-forwarded-host"), publicOrigin: publicOrigin() });
}

/**
 * The form's text values in a domain schema's own terms (booleans, empty choices left out:
 * fromFormEncoding), for a handler whose domain function checks them itself, so that a refused
 * photo is told in the same answer as a refused title (decision 055).
 */
export function formInput<S extends z.ZodType>(schema: S, formData: FormData): z.input<S> {
  return fromFormEncoding(schema, textValues(formData)) as z.input<S>;
}

/** The text fields of a form as posted (not its files, not React's $ACTION fields). */
export function textValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string" && !name.startsWith("$ACTION")) values[name] = value;
  }
  return values;
}

function appErrorState(error: AppError): { fieldErrors: Record<string, Message[]>; formError?: Message } {
  const fieldErrors = (error.details.fieldErrors as Record<string, Message[]> | undefined) ?? {};
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(error.details)) {
    if (typeof value === "string" || typeof value === "number") params[name] = value;
  }
  return { fieldErrors, formError: { key: `errors.${error.code}`, params } };
}
