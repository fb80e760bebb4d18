// What a server action behind a form returns; shared by the server wrapper (form-action.ts)
// and the client form parts (components/form). Messages are catalogue keys.
import type { Message } from "@/lib/validation";

export type { Message };

export type FormState<T = unknown> =
  | { status: "idle" }
  | { status: "error"; fieldErrors: Record<string, Message[]>; formError?: Message; values: Record<string, string> }
  | { status: "success"; data: T };

export const IDLE: FormState<never> = { status: "idle" };
