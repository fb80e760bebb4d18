import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Resource } from "@/lib/policy/policy";
import { supportCounts } from "@/lib/supports/support-counts";
import type { Perspective } from "@/lib/generated/prisma/enums";
import { PERSPECTIVE_SHOWN_SELECT, publicPerspective } from "@/lib/perspectives/public-perspective";
import { publishedDialogue, visibleContribution } from "@/lib/policy/visibility";
import { shownDistrictOf } from "@/lib/districts/shown-district";

const inputSchema = z.object({ contributionId: z.uuid(), dialogueId: z.uuid() });

const person = { select: { id: true, displayName: true, ...PERSPECTIVE_SHOWN_SELECT } } as const;

type Person = { id: string; displayName: string; deletedAt: Date | null; showPerspective: boolean };
/** A person as others see them next to their words. */
export type PublicPerson = { id: string; displayName: string; deletedAt: Date | null; perspective: Perspective | null };

/**
 * The perspective they had when writing only if they show it; when they do not, nothing is
 * left that a page could leak (in an attribute, say).
 */
export function voice(author: Person, snapshot: Perspective, recorded?: { voiceShows: boolean }): PublicPerson;
export function voice(author: Person | null, snapshot: Perspective, recorded?: { voiceShows: boolean }): PublicPerson | null;
/** `recorded`: the words were recorded on the person's behalf; their consent at read-back counts too (decision 032). */
export function voice(author: Person | null, snapshot: Perspective, recorded?: { voiceShows: boolean }): PublicPerson | null {
  if (!author) return null;
  const perspective = publicPerspective(snapshot, author, recorded?.voiceShows ?? false, recorded !== undefined);
  return { id: author.id, displayName: author.displayName, deletedAt: author.deletedAt, perspective };
}

/**
 * A visible contribution of a public dialogue, with what its page shows: the voice (and, apart
 * from it, who recorded it), the public responses and the support per perspective; its comments
 * come a page at a time from lib/comments/list-comments.ts. Null when there is none the public
 * may see.
 */
export async function getContribution(input: { contributionId: string; dialogueId: string }, viewerId: string | null) {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return null;
  const { contributionId, dialogueId } = parsed.data;
  const contribution = await db.contribution.findFirst({
    where: { ...visibleContribution.where, id: contributionId, dialogueId, dialogue: publishedDialogue.where },
    select: {
      id: true,
      kind: true,
      status: true,
      title: true,
      body: true,
      language: true,
      // The author's own choice, for their edit form only; what others see is `shownDistrict`.
      place: true,
      districtId: true,
      themeId: true,
      source: true,
      authorPerspective: true,
      voiceShowsPerspective: true,
      createdAt: true,
      editedAt: true,
      author: person,
      recordedBy: { select: { displayName: true, deletedAt: true } },
      // Only for the policy (who may print its receipt again, decision 032); never shown.
      recordedById: true,
      interpreterName: true,
      // Which channel a messenger contribution came by; the page names it to those it may (decision 052).
      channelOrigin: { select: { kind: true } },
      meeting: { select: { id: true, title: true, startsAt: true } },
      dialogue: { select: { municipalityId: true, phase: true } },
      responses: {
        orderBy: { createdAt: "asc" },
        select: { id: true, status: true, body: true, language: true, decidedBy: true, dueDate: true, createdAt: true, actor: { select: { id: true, name: true } } },
      },
    },
  });
  if (!contribution) return null;
  const [supports, own, shownDistrict] = await Promise.all([
    supportCounts(contribution.id),
    viewerId ? db.support.findUnique({ where: { contributionId_userId: { contributionId, userId: viewerId } }, select: { id: true } }) : null,
    contribution.districtId ? shownDistrictOf(contribution.id) : null,
  ]);
  const { dialogue, authorPerspective, voiceShowsPerspective, author, place, districtId, ...rest } = contribution;
  // The place as chosen only for its author's edit form; anyone else gets the district where it
  // is shown and nothing otherwise (decision 049: not even "whole town" against "a few in Altstadt").
  const isAuthor = viewerId !== null && author?.id === viewerId;
  const resource: Resource = { municipalityId: dialogue.municipalityId, dialogueId, phase: dialogue.phase, ownerId: author?.id ?? null, createdAt: rest.createdAt };
  return {
    ...rest,
    place: isAuthor ? place : null,
    districtId: isAuthor || shownDistrict ? districtId : null,
    author: voice(author, authorPerspective, rest.source === "ONLINE" ? undefined : { voiceShows: voiceShowsPerspective }),
    /** A voice recorded offline: its perspective where the person agreed to show it. */
    offlineVoicePerspective: author ? null : publicPerspective(authorPerspective, null, voiceShowsPerspective),
    resource,
    supports,
    supportedByViewer: own !== null,
    /** The district's names where the threshold lets it show (decision 049), else null. */
    shownDistrict,
  };
}

export type ContributionDetail = NonNullable<Awaited<ReturnType<typeof getContribution>>>;
