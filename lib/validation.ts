// zod at every boundary, one way to say what is wrong: issues become catalogue keys per field
// (`validation.*`), for forms (parseForm) and for domain functions (parseInput, which throws the
// one AppError so callers never see a raw zod error).
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Message } from "@/lib/actions/form-state";

/** A form's text values through its schema: the data, or per-field catalogue keys. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  values: Record<string, string>,
): { success: true; data: z.output<S> } | { success: false; fieldErrors: Record<string, Message[]> } {
  // With the input in each issue, a value that is there but wrong reads "invalid", not "required".
  const parsed = schema.safeParse(values, { reportInput: true });
  return parsed.success ? { success: true, data: parsed.data } : { success: false, fieldErrors: fieldErrorsOf(parsed.error) };
}

/**
 * zod issues → catalogue keys. A schema may name its own key: `z.string().refine(…, "validation.x")`.
 * Parsed without `reportInput` (see parseForm), a wrong type always reads "required".
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, Message[]> {
  const fieldErrors: Record<string, Message[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "form";
    (fieldErrors[field] ??= []).push(messageOf(issue));
  }
  return fieldErrors;
}

function messageOf(issue: z.core.$ZodIssue): Message {
  // A catalogue key of the schema's own, e.g. "validation.x" or a feature's "dialogueValidation.y".
  if (/^[a-z][A-Za-z]*\.[A-Za-z_.]+$/.test(issue.message)) return { key: issue.message };
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "number") return { key: "validation.too_small_number", params: { minimum: Number(issue.minimum) } };
      return Number(issue.minimum) <= 1 && issue.origin === "string"
        ? { key: "validation.required" }
        : { key: "validation.too_short", params: { minimum: Number(issue.minimum) } };
    case "too_big":
      if (issue.origin === "number") return { key: "validation.too_big_number", params: { maximum: Number(issue.maximum) } };
      return { key: "validation.too_long", params: { maximum: Number(issue.maximum) } };
    case "invalid_type":
      return { key: issue.input === undefined ? "validation.required" : "validation.invalid" };
    default:
      return { key: "validation.invalid" };
  }
}

/** Parses a domain function's input; bad input is an AppError INVALID_INPUT with field errors. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  throw new AppError("INVALID_INPUT", "invalid input", { fieldErrors: fieldErrorsOf(parsed.error) });
}
