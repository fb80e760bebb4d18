// zod at every boundary, one way to say what is wrong: issues become catalogue keys per field
// (`validation.*`), for forms (parseForm) and for domain functions (parseInput, which throws the
// one AppError so callers never see a raw zod error).
import { z } from "zod";
import { AppError } from "@/lib/errors";

/** Something to tell the person: a catalogue key with its parameters (forms, errors, notices). */
export type Message = { key: string; params?: Record<string, string | number> };

/**
 * A form's text values through its schema: the data, or per-field catalogue keys. The form's
 * encoding ends here (fromFormEncoding), so the schema speaks of booleans and absent values.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  values: Record<string, string>,
): { success: true; data: z.output<S> } | { success: false; fieldErrors: Record<string, Message[]> } {
  // With the input in each issue, a value that is there but wrong reads "invalid", not "required".
  const parsed = schema.safeParse(fromFormEncoding(schema, values), { reportInput: true });
  const fieldErrors = withNullCharacterErrors(parsed.success ? {} : fieldErrorsOf(parsed.error), values);
  return parsed.success && Object.keys(fieldErrors).length === 0 ? { success: true, data: parsed.data } : { success: false, fieldErrors };
}

/**
 * What HTML form encoding means, said once for every form (issue 17): a ticked checkbox posts
 * "on" and an unticked one nothing, a field left empty posts "". For each field of an object
 * schema, asked of the field's own schema: a checkbox group (`checkboxGroup`) gets the values of
 * its ticked boxes `<prefix><value>`; one that takes a boolean (and not the text "on") gets
 * `true` for "on" and `false` for nothing; a group of texts (`textGroup`) the record of its texts by key; one that takes null but not "" (an e-mail address, a
 * colour, a date that may be cleared) is null when left blank (empty or only spaces); one that
 * may be left out but does not take "" (an optional id, number or choice) is left out when empty. A text that may
 * be empty stays "". Anything else passes unchanged, so the schema still refuses it. Domain
 * schemas stay typed: `z.boolean().default(false)`, `z.literal(true, …)` for a box that must be
 * ticked, `.optional()`, `.nullable()`, `checkboxGroup("language-", z.array(…))`.
 */
export function fromFormEncoding(schema: z.ZodType, values: Record<string, string>): Record<string, FormValue> {
  const shape = objectShape(schema);
  if (!shape) return values;
  const decoded: Record<string, FormValue> = { ...values };
  for (const [name, field] of Object.entries(shape)) {
    const value = values[name];
    const group = checkboxGroups.get(field);
    const texts = textGroups.get(field);
    if (texts) {
      decoded[name] = Object.fromEntries(Object.keys(values).filter((key) => key.startsWith(texts.prefix)).map((key) => [key.slice(texts.prefix.length), values[key]!]));
    } else if (group) {
      decoded[name] = Object.keys(values)
        .filter((key) => key.startsWith(group.prefix) && values[key] === "on")
        .map((key) => key.slice(group.prefix.length));
    } else if (takes(field, true) && !takes(field, "on") && !takes(field, 1)) {
      if (value === undefined) decoded[name] = false;
      else if (value === "on") decoded[name] = true;
    } else if (value !== undefined && value.trim() === "" && takes(field, null) && !takes(field, value)) {
      decoded[name] = null;
    } else if (value === "" && takes(field, undefined) && !takes(field, "")) {
      delete decoded[name];
    }
  }
  return decoded;
}

type FormValue = string | boolean | string[] | Record<string, string> | null;

const checkboxGroups = z.registry<{ prefix: string }>();

/**
 * A field a form posts as one checkbox per value, named `<prefix><value>` (a form keeps one value
 * per name): fromFormEncoding gives the schema the ticked values as a list.
 */
export function checkboxGroup<S extends z.ZodType>(prefix: string, schema: S): S {
  checkboxGroups.add(schema, { prefix });
  return schema;
}

const textGroups = z.registry<{ prefix: string }>();

/**
 * A field a form posts as one text per key, named `<prefix><key>` (a poll version's answers
 * `answer-<position>`, hands counted per answer `counts.<option id>`): fromFormEncoding gives the
 * schema the record `{ <key>: <text> }`.
 */
export function textGroup<S extends z.ZodType>(prefix: string, schema: S): S {
  textGroups.add(schema, { prefix });
  return schema;
}

function takes(field: z.ZodType, value: unknown): boolean {
  return field.safeParse(value).success;
}

/**
 * The fields of an object schema, also behind `.transform()`/`.pipe()` (a refinement keeps the
 * object) and of both sides of `.and()` (an action's page fields joined to a domain schema).
 */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  const def = (schema as unknown as { def: { type: string; shape?: Record<string, z.ZodType>; in?: z.ZodType; left?: z.ZodType; right?: z.ZodType } }).def;
  if (def.type === "object" && def.shape) return def.shape;
  if (def.type === "pipe" && def.in) return objectShape(def.in);
  if (def.type === "intersection" && def.left && def.right) {
    const [left, right] = [objectShape(def.left), objectShape(def.right)];
    return left || right ? { ...left, ...right } : null;
  }
  return null;
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
  const fieldErrors = withNullCharacterErrors(parsed.success ? {} : fieldErrorsOf(parsed.error), input);
  if (parsed.success && Object.keys(fieldErrors).length === 0) return parsed.data;
  throw new AppError("INVALID_INPUT", "invalid input", { fieldErrors });
}

/** A field's own refusal (say, a name's invalid_characters) wins; other fields get null_character. */
function withNullCharacterErrors(fieldErrors: Record<string, Message[]>, input: unknown): Record<string, Message[]> {
  for (const [field, messages] of Object.entries(nullCharacterErrors(input) ?? {})) fieldErrors[field] ??= messages;
  return fieldErrors;
}

/**
 * Postgres cannot store U+0000 in text (it would fail as a database error, a 500). Every text
 * that crosses a boundary is checked here, for every schema: such a text is refused with its
 * own message (tests/security/hostile-input.test.ts), never silently changed.
 */
export function nullCharacterErrors(input: unknown, path: string[] = [], depth = 0): Record<string, Message[]> | null {
  if (typeof input === "string") {
    return input.includes("\u0000") ? { [path.join(".") || "form"]: [{ key: "validation.null_character" }] } : null;
  }
  if (depth > 8 || input === null || typeof input !== "object") return null;
  const errors: Record<string, Message[]> = {};
  for (const [key, value] of Object.entries(input)) Object.assign(errors, nullCharacterErrors(value, [...path, key], depth + 1));
  return Object.keys(errors).length > 0 ? errors : null;
}
