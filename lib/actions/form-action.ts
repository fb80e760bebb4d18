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
import {
  dialoguePageRef,
  municipalityPageRef,
  pagePath,
  pageRef,
  sitePageRef,
  type DialoguePage,
  type MunicipalityPage,
  type MunicipalityPageRef,
  type Page,
  type PageRef,
  type SitePage,
  type SitePageRef,
} from "@/lib/routes/page-ref";
import { dialoguePaths, municipalityPaths, withQuery, type DialoguePaths, type Path } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";
import { fromFormEncoding, parseForm } from "@/lib/validation";
import { textValues, type FormAction, type FormState, type Message, type PageAction } from "./form-state";

export { fieldErrorsOf, parseForm } from "@/lib/validation";
export { isSameOrigin } from "@/lib/security/same-origin";

// The one wrapper for server actions behind plain <form action> (works without JavaScript,
// with useActionState when it runs): refuses foreign origins, parses FormData with zod, loads
// the viewer, runs the domain function, and turns failures into per-field messages. Messages
// are catalogue keys (`validation.*`, `errors.*`) that the form translates; what the person
// typed comes back in `values` so the form keeps it.

export { IDLE, textValues, type FormAction, type FormState, type Message, type PageAction } from "./form-state";
export type { ContributionPageRef, DialoguePageRef, MunicipalityPageRef, PageRef, SitePageRef } from "@/lib/routes/page-ref";

type MunicipalityPaths = ReturnType<typeof municipalityPaths>;

/** `formData`: the whole form, for what is not text (a voice message's file). */
export type ActionContext = { viewer: SignedInUser | null; formData: FormData };

export function formAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>, context: ActionContext) => Promise<T>): FormAction<T> {
  return (_previous, formData) => run(schema, formData, handler);
}

export { pagePath, pageRef } from "@/lib/routes/page-ref";

type Back = {
  /** The path of the page the form stands on (without its locale), to go back to it with a query. */
  here: Path;
  /**
   * Post/redirect/get in the page's language: to `to`, a path from lib/routes/paths.ts, a
   * "#place" on the page, or the very page the form stands on. A way back to the same page
   * fetches it again.
   */
  back: (to?: Path | `#${string}`) => never;
  /**
   * For a form whose page shows the answer where the form is (a support's counts): posted by the
   * page's scripts, the page refreshes in place and its address stays; posted without
   * JavaScript, `back(to)`.
   */
  refreshOrBack: (to?: Path | `#${string}`) => Promise<void>;
};

export type PageContext = ActionContext & Back & {
  page: DialoguePage;
  /** The pages of the page's dialogue. */
  paths: DialoguePaths;
};

export type MunicipalityPageContext = ActionContext & Back & {
  page: MunicipalityPage;
  /** The pages of the page's municipality. */
  paths: MunicipalityPaths;
};

/**
 * formAction() for a form on a dialogue's page (its home, a page of it, a contribution's, a poll's
 * texts): the handler gets the page's reference, parsed, and `back()` (lib/routes/page-ref.ts).
 */
export function pageAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>, context: PageContext) => Promise<T>): PageAction<T> {
  return boundAction(dialoguePageRef, schema, (input, context) => handler(input, { ...context, paths: dialoguePaths(context.page.municipality, context.page.dialogue) }));
}

/** formAction() for a form on a municipality's page (staff, actors, branding, …), as pageAction(). */
export function municipalityPageAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, context: MunicipalityPageContext) => Promise<T>,
): PageAction<T, MunicipalityPageRef> {
  return boundAction(municipalityPageRef, schema, (input, context) => handler(input, { ...context, paths: municipalityPaths(context.page.municipality) }));
}

/**
 * formAction() for a form on a page of the site's own (sign-in, a receipt's page, an invitation's,
 * the account), as pageAction(): the handler gets the page's reference, parsed; a page of a
 * municipality or a dialogue is refused.
 */
export function sitePageAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>, context: ActionContext & Back & { page: SitePage }) => Promise<T>): PageAction<T, SitePageRef> {
  return boundAction(sitePageRef, schema, handler);
}

/** formAction() for a form that stands on pages of either kind (a text's translation button), as pageAction(). */
export function anyPageAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>, context: ActionContext & Back & { page: Page }) => Promise<T>): PageAction<T, PageRef> {
  return boundAction(pageRef, schema, handler);
}

function boundAction<R extends z.ZodType<Page>, S extends z.ZodType, T>(
  refSchema: R,
  schema: S,
  handler: (input: z.output<S>, context: ActionContext & Back & { page: z.output<R> }) => Promise<T>,
): PageAction<T, z.input<R>> {
  return async (bound, _previous, formData) => {
    // Bound to the action, the reference still travels with the form: as untrusted as a field.
    const parsed = refSchema.safeParse(bound);
    if (!parsed.success) return failed({ status: "error", fieldErrors: {}, formError: { key: "errors.INVALID_INPUT" }, values: textValues(formData) });
    const page = parsed.data;
    const here = pagePath(page);
    const back = (to: Path | `#${string}` = here): never => {
      const path: Path = to.startsWith("#") ? withQuery(here, {}, to) : (to as Path);
      // A redirect to the same page (only the query or #fragment differs) does not fetch it again by itself.
      if (withoutQuery(path) === withoutQuery(here)) refresh();
      return redirectTo(page.locale, path);
    };
    const refreshOrBack = async (to?: Path | `#${string}`): Promise<void> => {
      // React calls an action from the page's scripts with this header; a plain form post has none.
      if ((await headers()).has("next-action")) return refresh();
      back(to);
    };
    return run(schema, formData, (input, context) => handler(input, { ...context, page, here, back, refreshOrBack }));
  };
}

/** A path without its query and #fragment: the page itself. */
function withoutQuery(path: Path): string {
  return path.split(/[?#]/, 1)[0]!;
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


function appErrorState(error: AppError): { fieldErrors: Record<string, Message[]>; formError?: Message } {
  const fieldErrors = (error.details.fieldErrors as Record<string, Message[]> | undefined) ?? {};
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(error.details)) {
    if (typeof value === "string" || typeof value === "number") params[name] = value;
  }
  return { fieldErrors, formError: { key: `errors.${error.code}`, params } };
}
