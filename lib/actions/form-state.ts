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
