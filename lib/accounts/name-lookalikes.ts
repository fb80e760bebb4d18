import "server-only";
import unhomoglyph from "unhomoglyph";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { loadMessages } from "@/lib/i18n/messages";
import { locales } from "@/lib/i18n/routing";

/**
 * The confusable skeleton of UTS #39 (NFD, the confusables mapping of unicode.org's
 * confusables.txt through unhomoglyph, NFD again), once as typed and once in lower case, so
 * that "SABINE KRÜGER" imitates "Sabine Krüger" as much as "Sаbine Krüger" (Cyrillic а) does.
 * Default-ignorable characters, which the skeleton drops, never reach a stored name.
 */
export function nameSkeletons(name: string): [string, string] {
  const skeleton = (text: string) => unhomoglyph(text.normalize("NFD")).normalize("NFD");
  return [skeleton(name), skeleton(name.toLowerCase())];
}

export function namesAreConfusable(a: string, b: string): boolean {
  const [exactA, lowerA] = nameSkeletons(a);
  const [exactB, lowerB] = nameSkeletons(b);
  return exactA === exactB || lowerA === lowerB;
}

const BADGE_LABEL_KEYS = [
  ["verifiedBadge", "STAFF"],
  ["verifiedBadge", "HOST_TEAM"],
  ["verifiedBadge", "MODERATOR"],
  ["verifiedBadge", "verified"],
  ["perspectives", "MUNICIPAL_STAFF"],
] as const;

let badgeLabels: Promise<string[]> | undefined;

/** The lower-case skeletons of the verified badge's words in every UI language. */
function badgeLabelSkeletons(): Promise<string[]> {
  badgeLabels ??= Promise.all(locales.map((locale) => loadMessages(locale))).then((catalogues) => {
    const labels = new Set<string>();
    for (const catalogue of catalogues) {
      for (const [namespace, key] of BADGE_LABEL_KEYS) {
        const scope = catalogue[namespace];
        const label = typeof scope === "object" ? scope[key] : undefined;
        if (typeof label === "string" && label.length >= 5) labels.add(nameSkeletons(label)[1]);
      }
    }
    return [...labels];
  });
  return badgeLabels;
}

type Client = Prisma.TransactionClient | typeof db;

/** The municipalities whose people see `userId`'s name: their dialogues', roles' and actors'. */
export async function municipalitiesOf(client: Client, userId: string): Promise<string[]> {
  const rows = await client.municipality.findMany({
    where: {
      OR: [
        { memberships: { some: { userId } } },
        { dialogues: { some: { memberships: { some: { userId } } } } },
        { actors: { some: { members: { some: { userId } } } } },
      ],
    },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** Everyone who carries a verified badge in one of `municipalityIds` (verified-roles.ts). */
async function badgeHolderNames(client: Client, municipalityIds: string[], exceptUserId: string | undefined): Promise<string[]> {
  if (municipalityIds.length === 0) return [];
  const municipalityId = { in: municipalityIds };
  const people = await client.user.findMany({
    where: {
      deletedAt: null,
      ...(exceptUserId ? { id: { not: exceptUserId } } : {}),
      OR: [
        { municipalityMemberships: { some: { municipalityId } } },
        { memberships: { some: { role: { in: ["HOST", "CO_HOST", "MODERATOR"] }, dialogue: { municipalityId } } } },
        { actorMemberships: { some: { actor: { municipalityId } } } },
      ],
    },
    select: { displayName: true },
  });
  return people.map((person) => person.displayName);
}

type Scope = {
  municipalityIds: string[];
  userId?: string;
  /** Where the refusal is shown, when the form has no name field (joining with an account). */
  refusal?: { field: string; key: string };
};

function refused(key: string, scope: Scope): AppError {
  const { field, key: shown } = scope.refusal ?? { field: "displayName", key };
  return new AppError("INVALID_INPUT", "display name refused", { fieldErrors: { [field]: [{ key: shown }] } });
}

/**
 * Refuses a display name (already through displayNameField) that looks like the name of someone
 * with a verified badge in one of `municipalityIds` — staff, moderators, host teams, actors'
 * members — or that carries the badge's words. The person's own name never counts against them.
 */
export async function assertNameIsNoImitation(
  client: Client,
  name: string,
  scope: Scope,
): Promise<void> {
  const lower = nameSkeletons(name)[1];
  if ((await badgeLabelSkeletons()).some((label) => lower.includes(label))) throw refused("validation.name_badge", scope);
  const holders = await badgeHolderNames(client, scope.municipalityIds, scope.userId);
  if (holders.some((holder) => namesAreConfusable(name, holder))) throw refused("validation.name_confusable", scope);
}
