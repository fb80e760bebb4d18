// The VAPID key pair of a local installation (decision 031): when VAPID_PUBLIC_KEY and
// VAPID_PRIVATE_KEY are unset, `npm start` generates one pair once and keeps it in
// .data/vapid-keys.json (like the auth secret), and `npm run worker` reads the same file. Browsers
// subscribed with the public key; a new pair would leave every subscription unusable, so the file
// must be kept (and backed up) as long as people's devices should get notifications.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import webpush from "web-push";
import { PROJECT_ROOT } from "../../lib/db/embedded";

const FILE = path.join(PROJECT_ROOT, ".data/vapid-keys.json");

/** The variables to give the app or worker: the environment's own keys, else the kept pair (made when `create`). */
export function vapidEnvironment({ create }: { create: boolean }): Record<string, string> {
  if (process.env.VAPID_PUBLIC_KEY || process.env.VAPID_PRIVATE_KEY) return {};
  if (!existsSync(FILE)) {
    if (!create) return {};
    mkdirSync(path.dirname(FILE), { recursive: true });
    writeFileSync(FILE, JSON.stringify(webpush.generateVAPIDKeys(), null, 2) + "\n", { mode: 0o600 });
  }
  const { publicKey, privateKey } = JSON.parse(readFileSync(FILE, "utf8")) as { publicKey: string; privateKey: string };
  return { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey };
}
