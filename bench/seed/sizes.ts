// Sizes from command-line flags (`--contributions 2000`), shared by seed:large and bench.
import { z } from "zod";
import { DEFAULT_SIZES, type LargeDataSizes } from "./seed-large-data";

const count = z.coerce.number().int().min(0).max(10_000_000);

export function parseSizes(values: Record<string, unknown>): LargeDataSizes {
  const sizes = { ...DEFAULT_SIZES };
  for (const key of Object.keys(DEFAULT_SIZES) as (keyof LargeDataSizes)[]) {
    const flag = values[key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)];
    if (flag !== undefined) sizes[key] = count.parse(flag);
  }
  if (sizes.people < 1 || sizes.dialogues < 1) throw new Error("--people and --dialogues must be at least 1");
  return sizes;
}
