// Which requests the proxy lets carry photos (decisions 050, 055, 061): a form post over 1 MB to
// one of the three photo pages goes through only when it names one of the photo forms' server
// actions (and, checked before by lib/security/plain-pages.ts, comes with a running session).
// Next.js's `bodySizeLimit` is one setting for every action, so without this any action posted to
// those pages (a comment, a support) could be sent 25 MB.
import { readFileSync } from "node:fs";
import path from "node:path";

/** The server actions that take photos: where they are exported, as Next.js's manifest names them. */
export const PHOTO_ACTIONS = [
  { filename: "lib/actions/contributions/create-contribution.ts", exportedName: "createContributionAction" },
  { filename: "lib/actions/contributions/record-offline-contribution.ts", exportedName: "recordOfflineContributionAction" },
  { filename: "lib/actions/contributions/contribution-page.ts", exportedName: "updateContributionAction" },
] as const;

const manifestSchema = (value: unknown): Record<string, { filename?: unknown; exportedName?: unknown }> => {
  const node = (value as { node?: unknown } | null)?.node;
  return node && typeof node === "object" ? (node as Record<string, { filename?: unknown; exportedName?: unknown }>) : {};
};

/**
 * The build's output directory, whatever folder the server was started from (`next start <dir>`
 * does not change into <dir>): next.config.js, loaded by the server from the project's folder,
 * names it as an absolute path (`MITREDEN_BUILD_DIR`). Without it (tests run in the project's
 * folder), NEXT_DIST_DIR (or .next) in the working folder.
 */
export function buildDir(): string {
  return process.env.MITREDEN_BUILD_DIR || path.resolve(process.cwd(), process.env.NEXT_DIST_DIR || ".next");
}

/**
 * The photo actions' ids in this build. Next.js derives an action's id anew for every build, so
 * they are read from the build's server-reference manifest (in the output directory, or its
 * `dev` folder under `next dev`), each time it is needed: only for a post over 1 MB to a photo
 * page. No manifest (a broken deployment): no id, and every post keeps 1 MB.
 */
export function photoActionIds(distDir = buildDir()): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const folder of ["server", "dev/server"]) {
    let manifest: unknown;
    try {
      manifest = JSON.parse(readFileSync(path.join(distDir, folder, "server-reference-manifest.json"), "utf8"));
    } catch {
      continue;
    }
    for (const [id, entry] of Object.entries(manifestSchema(manifest))) {
      if (PHOTO_ACTIONS.some((action) => action.filename === entry.filename && action.exportedName === entry.exportedName)) ids.add(id);
    }
  }
  return ids;
}

const $ACTION_ = "$ACTION_";
const $ACTION_REF_ = "$ACTION_REF_";
const $ACTION_ID_ = "$ACTION_ID_";
const DESCRIPTOR = /^\{"id":"([^"]+)"/;

/**
 * The actions a form posted without JavaScript names, read as Next.js and React read them
 * (next/dist/server/app-render/action-handler.js `areAllActionIdsValid`, React's `decodeAction`):
 * `$ACTION_ID_<id>` fields, and `$ACTION_REF_<n>` fields whose `$ACTION_<n>:0` holds
 * `{"id":"<id>",…}`. Null when a reference has no such descriptor (Next.js refuses that form).
 */
export function actionsNamedBy(form: FormData): string[] | null {
  const ids: string[] = [];
  for (const key of form.keys()) {
    if (!key.startsWith($ACTION_)) continue;
    if (key.startsWith($ACTION_ID_)) {
      ids.push(key.slice($ACTION_ID_.length));
    } else if (key.startsWith($ACTION_REF_)) {
      const descriptors = form.getAll(`${$ACTION_}${key.slice($ACTION_REF_.length)}:0`);
      const id = descriptors.length === 1 && typeof descriptors[0] === "string" ? DESCRIPTOR.exec(descriptors[0])?.[1] : undefined;
      if (!id) return null;
      ids.push(id);
    }
  }
  return ids;
}

type Post = { headers: Headers };

/**
 * Whether a post over 1 MB to a photo page is one of the photo forms' own: with JavaScript, the
 * `Next-Action` header names the action Next.js runs (the body does not choose it); without,
 * every action the form's fields name must be a photo action (React runs the last one named, so
 * one photo action among others is not enough). `body` is read only for a form without the
 * header. Whether the sender is signed in is asked before (lib/security/plain-pages.ts).
 */
export async function carriesPhotos(request: Post, body: () => Promise<Uint8Array | ReadableStream<Uint8Array> | null>): Promise<boolean> {
  const header = request.headers.get("next-action");
  if (header !== null) return photoActionIds().has(header);
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) return false;
  const bytes = await body();
  if (!bytes) return false;
  let form: FormData;
  try {
    form = await new Response(bytes as BodyInit, { headers: { "content-type": type } }).formData();
  } catch {
    return false;
  }
  const named = actionsNamedBy(form);
  if (!named || named.length === 0) return false;
  const photo = photoActionIds();
  return named.every((id) => photo.has(id));
}
