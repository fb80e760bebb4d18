// What a server action behind a form returns; shared by the server wrapper (form-action.ts)
// and the client form parts (components/form). Messages are catalogue keys.
import type { Message } from "@/lib/validation";

export type { Message };

export type FormState<T = unknown> =
  | { status: "idle" }
  | { status: "error"; fieldErrors: Record<string, Message[]>; formError?: Message; values: Record<string, string> }
  | { status: "success"; data: T };

export const IDLE: FormState<never> = { status: "idle" };

/** A server action behind a form (what formAction() returns, what <ActionForm> takes). */
export type FormAction<T = void> = (state: FormState<T>, formData: FormData) => Promise<FormState<T>>;

/** An action that takes the page's reference, bound where the form is rendered (pageAction()). */
export type PageAction<T = void, P = PageRef> = (page: P, state: FormState<T>, formData: FormData) => Promise<FormState<T>>;

/**
 * Where a form sends the person back to (decision 042): the page it is rendered on, named by its
 * route's segments. Bound to the action, checked by the wrapper, never used to decide who may do what.
 */
export type PageRef = { locale: string; municipality: string; dialogue?: string; contributionId?: string };
export type DialoguePageRef = PageRef & { dialogue: string };
export type ContributionPageRef = DialoguePageRef & { contributionId: string };
