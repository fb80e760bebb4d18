import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getViewer, type SignedInUser } from "@/lib/auth/get-viewer";
import { publicOrigin } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { settleFlash } from "@/lib/flash/flash";
import { markSubmitFailed, RENDER_TOKEN_HEADER } from "@/lib/http/render-registry";
import { isSameOrigin } from "@/lib/security/same-origin";
import { parseForm } from "@/lib/validation";
import type { FormState, Message } from "./form-state";

export { fieldErrorsOf, parseForm } from "@/lib/validation";
export { isSameOrigin } from "@/lib/security/same-origin";

// The one wrapper for server actions behind plain <form action> (works without JavaScript,
// with useActionState when it runs): refuses foreign origins, parses FormData with zod, loads
// the viewer, runs the domain function, and turns failures into per-field messages. Messages
// are catalogue keys (`validation.*`, `errors.*`) that the form translates; what the person
// typed comes back in `values` so the form keeps it.

export { IDLE, type FormState, type Message } from "./form-state";

/** `formData`: the whole form, for what is not text (a voice message's file). */
export type ActionContext = { viewer: SignedInUser | null; formData: FormData };

export function formAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, context: ActionContext) => Promise<T>,
): (previous: FormState<T>, formData: FormData) => Promise<FormState<T>> {
  return async (_previous, formData) => {
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
  };
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

function textValues(formData: FormData): Record<string, string> {
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
