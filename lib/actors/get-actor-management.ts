import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { findMunicipality } from "@/lib/municipalities/find-municipality";
import { can, type Viewer } from "@/lib/policy/policy";
import { memberCandidatesWhere } from "./add-actor-member";
import { publicActorSelect } from "./list-actors";

/**
 * The actors a viewer may edit in a municipality: all of them for staff, their own for an
 * actor's members (actor:update:own, asked of each). Null when there is nothing for them to
 * manage (the page answers 404). Pages reach it through loadActorManagementPage
 * (lib/pages/staff-pages.ts), which finds the municipality once per request.
 */
export async function getActorManagement(viewer: Viewer | null, municipality: { id: string }) {
  if (!viewer) return null;
  const mayManage = can(viewer, "actor:manage", { municipalityId: municipality.id });
  const actors = await db.actor.findMany({
    where: { municipalityId: municipality.id, ...(mayManage ? {} : { members: { some: { userId: viewer.id } } }) },
    orderBy: { name: "asc" },
    select: { id: true, name: true, kind: true, refugeeLed: true, members: { select: { userId: true } } },
  });
  const editable = actors.filter((actor) =>
    can(viewer, "actor:update:own", { municipalityId: municipality.id, memberIds: actor.members.map((member) => member.userId) }),
  );
  if (!mayManage && editable.length === 0) return null;
  return { mayManage, actors: editable.map(({ members, ...actor }) => ({ ...actor, memberCount: members.length })) };
}

/**
 * One actor's entry for its edit page, for staff and its members; for staff also its members
 * and the people who may be added. Null for everyone else and for an actor of another
 * municipality than the one in the address.
 */
export async function getActorForEdit(viewer: Viewer | null, input: { municipalitySlug: string; actorId: string }) {
  const actorId = z.uuid().safeParse(input.actorId);
  const municipality = await findMunicipality(input.municipalitySlug);
  if (!actorId.success || !municipality) return null;
  const actor = await db.actor.findFirst({
    where: { id: actorId.data, municipalityId: municipality.id },
    select: {
      ...publicActorSelect,
      members: { orderBy: { user: { displayName: "asc" } }, select: { user: { select: { id: true, displayName: true } } } },
    },
  });
  if (!actor) return null;
  const members = actor.members.map((member) => member.user);
  const resource = { municipalityId: municipality.id, memberIds: members.map((member) => member.id) };
  if (!can(viewer, "actor:update:own", resource)) return null;
  const mayManage = can(viewer, "actor:manage", resource);
  const candidates = mayManage
    ? await db.user.findMany({
        where: { ...memberCandidatesWhere(municipality.id), id: { notIn: resource.memberIds } },
        orderBy: { displayName: "asc" },
        select: { id: true, displayName: true },
        take: 500,
      })
    : [];
  return { municipality, actor: { ...actor, members }, mayManage, candidates };
}
