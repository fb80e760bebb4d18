// What a server action behind a form returns; shared by the server wrapper (form-action.ts)
// and the client form parts (components/form). Messages are catalogue keys.
import type { DialoguePageRef } from "@/lib/routes/page-ref";
import type { Message } from "@/lib/validation";

export type { Message };

export type FormState<T = unknown> =
  | { status: "idle" }
  | { status: "error"; fieldErrors: Record<string, Message[]>; formError?: Message; values: Record<string, string> }
  | { status: "success"; data: T };

export const IDLE: FormState<never> = { status: "idle" };

/** A server action behind a form (what formAction() returns, what <ActionForm> takes). */
export type FormAction<T = void> = (state: FormState<T>, formData: FormData) => Promise<FormState<T>>;

export type { ContributionPageRef, DialoguePageRef, MunicipalityPageRef, PageRef, SitePageRef } from "@/lib/routes/page-ref";

/**
 * An action that takes the reference of the page its form stands on (lib/routes/page-ref.ts),
 * bound where the form is rendered (pageAction(), decision 042).
 */
export type PageAction<T = void, P = DialoguePageRef> = (page: P, state: FormState<T>, formData: FormData) => Promise<FormState<T>>;

/**
 * The text fields of a form as posted (not its files, not React's $ACTION fields): what a refused
 * post sends back for the form to keep (lib/actions/form-action.ts), and what the form itself
 * keeps when its post gets no answer (components/form/form.tsx, decision 093).
 */
export function textValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string" && !name.startsWith("$ACTION")) values[name] = value;
  }
  return values;
}
