import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** Turns text from one language into another. Languages are BCP 47 codes as stored. */
export interface MachineTranslator {
  translate(text: string, from: string, to: string): Promise<string>;
}

const responseSchema = z.object({ translatedText: z.string() });

/**
 * A LibreTranslate-compatible service the operator runs themselves
 * (`POST {url}/translate` with q, source, target, format, api_key).
 */
export class LibreTranslateTranslator implements MachineTranslator {
  constructor(private readonly options: { url: string; apiKey?: string; timeoutMs?: number }) {}

  async translate(text: string, from: string, to: string): Promise<string> {
    const { url, apiKey, timeoutMs = 20_000 } = this.options;
    let response: Response;
    try {
      response = await fetch(`${url.replace(/\/+$/, "")}/translate`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ q: text, source: from, target: to, format: "text", ...(apiKey ? { api_key: apiKey } : {}) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new AppError("UNAVAILABLE", `machine translation unreachable: ${(error as Error).message}`);
    }
    if (!response.ok) throw new AppError("UNAVAILABLE", `machine translation failed with ${response.status}`);
    const parsed = responseSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success || !parsed.data.translatedText.trim()) throw new AppError("UNAVAILABLE", "machine translation gave no text");
    return parsed.data.translatedText;
  }
}

type Config = { LIBRETRANSLATE_URL?: string; LIBRETRANSLATE_API_KEY?: string };

/**
 * The operator's translator, or null: off unless LIBRETRANSLATE_URL is set, so no text leaves
 * the server without the operator deciding so.
 */
export function machineTranslatorFromEnv(config: Config = env()): MachineTranslator | null {
  if (!config.LIBRETRANSLATE_URL) return null;
  return new LibreTranslateTranslator({ url: config.LIBRETRANSLATE_URL, apiKey: config.LIBRETRANSLATE_API_KEY });
}
