import { hash, verify } from "@node-rs/argon2";
import { randomCode, readTypedCode } from "@/lib/text/typed-code";

// A sign-in code is what a person without e-mail keeps on paper or as a photo: three groups of
// four characters, e.g. "K7MQ-4HTP-WN3A". The first group is the account's handle (stored as
// is, it finds the account); the whole code is checked against an argon2 hash. The alphabet has
// no look-alikes (0/O, 1/I/L), and typing is forgiving: case, spaces and dashes do not matter.
const GROUP = 4;
const GROUPS = 3;

export type SignInCode = { handle: string; code: string };

export function generateSignInCode(): SignInCode {
  const groups = Array.from({ length: GROUPS }, () => randomCode(GROUP));
  return { handle: groups[0]!, code: groups.join("-") };
}

/** "k7mq 4htp-wn3a" (or "K۷MQ-۴HTP-WN۳A") → "K7MQ-4HTP-WN3A", or null when it cannot be a code. */
export function normalizeSignInCode(input: string): string | null {
  const characters = readTypedCode(input, (length) => length === GROUP * GROUPS);
  return characters === null ? null : characters.match(new RegExp(`.{${GROUP}}`, "g"))!.join("-");
}

export function handleOf(normalizedCode: string): string {
  return normalizedCode.slice(0, GROUP);
}

export function hashSignInCode(code: string): Promise<string> {
  return hash(code);
}

export function verifySignInCode(storedHash: string, code: string): Promise<boolean> {
  return verify(storedHash, code);
}
