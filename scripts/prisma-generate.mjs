// `prisma generate` needs no schema engine, but the CLI still tries to download one unless
// PRISMA_SCHEMA_ENGINE_BINARY points at a file. Offline machines (and CI) cannot download it,
// so we point it at this very script: generate never executes it.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
