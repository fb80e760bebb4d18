import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getViewer, type SignedInUser } from "@/lib/auth/get-viewer";
import { AppError, isAppError } from "@/lib/errors";

// The one wrapper for server actions behind plain <form action> (works without JavaScript,
// with useActionState when it runs): refuses foreign origins, parses FormData with zod, loads
// the viewer, runs the domain function, and turns failures into per-field messages. Messages
// are catalogue keys (`validation.*`, `errors.*`) that the form translates; what the person
// typed comes back in `values` so the form keeps it.

export type Message = { key: string; params?: Record<string, string | number> };

export type FormState<T = unknown> =
  | { status: "idle" }
  | { status: "error"; fieldErrors: Record<string, Message[]>; formError?: Message; values: Record<string, string> }
  | { status: "success"; data: T };

export const IDLE: FormState<never> = { status: "idle" };

export type ActionContext = { viewer: SignedInUser | null };

export function formAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, context: ActionContext) => Promise<T>,
): (previous: FormState<T>, formData: FormData) => Promise<FormState<T>> {
  return async (_previous, formData) => {
    const values = textValues(formData);
    if (!(await sameOrigin())) {
      return { status: "error", fieldErrors: {}, formError: { key: "errors.FORBIDDEN" }, values };
    }
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
    }
    try {
      const data = await handler(parsed.data, { viewer: await getViewer() });
      return { status: "success", data };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are not failures
      if (isAppError(error)) return { status: "error", ...appErrorState(error), values };
      throw error;
    }
  };
}

/** Server actions are public endpoints: refuse requests whose Origin is missing, `null` or foreign. */
export async function sameOrigin(): Promise<boolean> {
  const h = await headers();
  const origin = h.get("origin");
  const host = h.get("x-forwarded-host") ?? h.get("host");
  if (!origin || origin === "null" || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
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

/** zod issues → catalogue keys. A schema may name its own key: `z.string().refine(…, "validation.x")`. */
export function fieldErrorsOf(error: z.ZodError): Record<string, Message[]> {
  const fieldErrors: Record<string, Message[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "form";
    (fieldErrors[field] ??= []).push(messageOf(issue));
  }
  return fieldErrors;
}

function messageOf(issue: z.core.$ZodIssue): Message {
  if (issue.message.startsWith("validation.")) return { key: issue.message };
  switch (issue.code) {
    case "too_small":
      return Number(issue.minimum) <= 1 && issue.origin === "string"
        ? { key: "validation.required" }
        : { key: "validation.too_short", params: { minimum: Number(issue.minimum) } };
    case "too_big":
      return { key: "validation.too_long", params: { maximum: Number(issue.maximum) } };
    case "invalid_type":
      return { key: issue.input === undefined ? "validation.required" : "validation.invalid" };
    default:
      return { key: "validation.invalid" };
  }
}
