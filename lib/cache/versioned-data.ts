import "server-only";
import { cache } from "react";
import { LRUCache } from "lru-cache";
import { db } from "@/lib/db/client";
import { isNewer, PublicVersions, type VersionScope } from "./public-version";

// The public data of a dialogue's pages (the dialogue, a page of its list, its open polls, its
// districts) is the same for every reader until a write changes it, and the page cache
// (lib/page-cache) only serves it to anonymous readers. A member's render, or any render that
// misses the page cache, used to send the same statements again: 6 ms of PostgreSQL's CPU and
// about 2 ms of ours for each dialogue page, more than the rest of what separates it from a
// trivial page (bench/causes.md). Here each app instance keeps that data per version of the
// dialogue (lib/cache/public-version.ts, the page cache's own invalidation): a request reads the
// version once, and an entry stored under the same version is what the statements would return
// now. A write on any instance bumps the version at its commit, so the next render reads again.
// What belongs to one reader (their supports, answers, follow, mediation cases) is never stored:
// it is read for that reader beside the shared part (decision 091).

/** Entries of every kind together, keys included (estimated from their text: see `sizeOf`). */
const MAX_BYTES = 16 * 1024 * 1024;
/** However small each, no more entries than this (an empty list page is a few hundred bytes). */
const MAX_ENTRIES = 5_000;
/** Whatever its kind, no entry outlives this: what time alone changes shows within it. */
export const MAX_AGE_MS = 60_000;

type Entry = { version: string; value: unknown; expiresAt: number };

const entries = new LRUCache<string, Entry>({
  max: MAX_ENTRIES,
  maxSize: MAX_BYTES,
  sizeCalculation: (entry, key) => 200 + 2 * key.length + sizeOf(entry.value),
});
/** Computations under way, so concurrent misses of one key share one set of statements. */
const pending = new Map<string, { version: string; value: Promise<unknown> }>();

let versions: PublicVersions | undefined;
/** The one reader of versions of this instance (shared by lib/cache/shared-result.ts). */
export function publicVersions(): PublicVersions {
  versions ??= new PublicVersions((sql, params) => db.$queryRawUnsafe<Array<{ version: unknown }>>(sql, ...params));
  return versions;
}

/**
 * The current version of a dialogue, read once per request (React's request cache): every part
 * of one render is checked against the same version. Null when the slugs name no dialogue.
 */
export const dialogueVersion = cache((municipalitySlug: string, dialogueSlug: string): Promise<string | null> =>
  publicVersions().read({ kind: "dialogue", municipalitySlug, dialogueSlug } satisfies VersionScope),
);

/** Whether anything is stored under `key` (whichever version): a cold key is loaded without asking for the version first. */
export function holds(key: string): boolean {
  return entries.has(key) || pending.has(key);
}

/**
 * What is stored under `key` for exactly `version`, or being loaded for it by another request;
 * undefined otherwise (nothing, another version, or past its time).
 */
export function lookup<T>(key: string, version: string): Promise<T> | undefined {
  const stored = entries.get(key);
  if (stored && stored.version === version) {
    if (Date.now() < stored.expiresAt) return Promise.resolve(stored.value as T);
    entries.delete(key);
  }
  const running = pending.get(key);
  return running && running.version === version ? (running.value as Promise<T>) : undefined;
}

/** The value under `key` for `version`, or what `compute` returns, remembered for that version. */
export function versioned<T>(key: string, version: string, compute: () => Promise<T>, expiresAt?: (value: T) => number): Promise<T> {
  const found = lookup<T>(key, version);
  if (found) return found;
  const value = compute();
  remember(key, version, value, expiresAt);
  return value;
}

/**
 * Stores what a request loaded under the version it read before (or with) it, unless a newer
 * version is stored already. `value` must hold only what every reader may see. `expiresAt(value)`
 * may end the entry earlier than MAX_AGE_MS (an open poll's closing time). A failure is not kept:
 * the next request tries again.
 */
export function remember<T>(key: string, version: string, value: Promise<T>, expiresAt?: (value: T) => number): void {
  const running = pending.get(key);
  if (running && isNewer(running.version, version)) return;
  const stored = entries.peek(key);
  if (stored && isNewer(stored.version, version)) return;
  const slot = { version, value: value as Promise<unknown> };
  pending.set(key, slot);
  const storedAt = Date.now();
  value.then(
    (resolved) => {
      if (pending.get(key) !== slot) return;
      pending.delete(key);
      const current = entries.peek(key);
      if (current && isNewer(current.version, version)) return;
      const until = Math.min(storedAt + MAX_AGE_MS, expiresAt ? expiresAt(resolved) : Infinity);
      // Shared by every request from now on: outside production, a change to it throws.
      entries.set(key, { version, value: process.env.NODE_ENV === "production" ? resolved : deepFreeze(resolved), expiresAt: until });
    },
    () => {
      if (pending.get(key) === slot) pending.delete(key);
    },
  );
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  if (value instanceof Date) return value;
  for (const item of Object.values(value)) deepFreeze(item);
  return Object.freeze(value);
}

/** What is stored under `key` now, whatever its version (tests: what a kept part holds). */
export function storedValue(key: string): unknown {
  return entries.peek(key)?.value;
}

/** The keys stored now (tests: what a visitor's address can put into them). */
export function storedKeys(): string[] {
  return [...entries.keys()];
}

/** Drops every entry (tests). */
export function forgetAll(): void {
  entries.clear();
  pending.clear();
}

/**
 * Roughly the bytes a value keeps alive: two per character of its strings plus a few dozen per
 * object, array and other value. Walks the value once when it is stored, never on a hit.
 */
export function sizeOf(value: unknown): number {
  if (typeof value === "string") return 16 + 2 * value.length;
  if (value === null || typeof value !== "object") return 8;
  if (value instanceof Date) return 32;
  let bytes = 32;
  if (Array.isArray(value)) for (const item of value) bytes += 8 + sizeOf(item);
  else for (const [name, item] of Object.entries(value)) bytes += 8 + name.length + sizeOf(item);
  return bytes;
}
