// Factories for integration tests: each creates one valid row with unique values and takes
// overrides for whatever the test is about (as documenso's `seedUser`). Missing parents are
// created on the way, so a test names only what matters to it.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { randomCode } from "@/lib/text/typed-code";
import type {
  Actor,
  Comment,
  Contribution,
  ContributionStatus,
  Dialogue,
  DialogueRole,
  DialogueTheme,
  Meeting,
  Membership,
  Municipality,
  Prisma,
  Response,
  User,
} from "@/lib/generated/prisma/client";

let sequence = 0;

/** `prefix-<n>-<random>`; with a lower-case prefix it fits the slug format. */
export function unique(prefix: string): string {
  sequence += 1;
  return `${prefix}-${sequence}-${randomBytes(3).toString("hex")}`;
}

export function uniqueInvitationCode(length = 8): string {
  return randomCode(length);
}

export async function createMunicipality(
  overrides: Partial<Prisma.MunicipalityUncheckedCreateInput> = {},
): Promise<Municipality> {
  const slug = unique("kommune");
  return db.municipality.create({ data: { slug, name: `Kommune ${slug}`, ...overrides } });
}

export async function createUser(overrides: Partial<Prisma.UserUncheckedCreateInput> = {}): Promise<User> {
  return db.user.create({ data: { displayName: unique("Person"), ...overrides } });
}

export type DialogueWithThemes = Dialogue & { themes: DialogueTheme[] };

/**
 * A DRAFT dialogue. Without `themeIds`, two new themes of its municipality are created and
 * linked; without `createdById`, a staff member is created. The creator joins as HOST.
 */
export async function createDialogue(
  overrides: Partial<Prisma.DialogueUncheckedCreateInput> & { themeIds?: string[] } = {},
): Promise<DialogueWithThemes> {
  const { themeIds, ...fields } = overrides;
  const municipalityId = fields.municipalityId ?? (await createMunicipality()).id;
  const createdById = fields.createdById ?? (await createUser({ perspective: "MUNICIPAL_STAFF" })).id;
  const linkedThemeIds =
    themeIds ??
    (await Promise.all([createTheme(municipalityId), createTheme(municipalityId)])).map((theme) => theme.id);
  const slug = unique("dialog");
  return db.dialogue.create({
    data: {
      slug,
      title: `Flüchtlingsdialog ${slug}`,
      summary: "Was brauchen wir, damit alle mitreden können?",
      description: "Ein Dialog mit Geflüchteten, nicht über sie.",
      languages: ["de", "ar", "fa"],
      codeOfConduct: "Wir reden respektvoll miteinander.",
      ...fields,
      municipalityId,
      createdById,
      themes: { create: linkedThemeIds.map((themeId) => ({ themeId })) },
      memberships: { create: [{ userId: createdById, role: "HOST", codeOfConductAcceptedAt: new Date() }] },
    },
    include: { themes: true },
  });
}

/** The first theme linked to a dialogue made by createDialogue. */
export function firstThemeId(dialogue: DialogueWithThemes): string {
  const [first] = dialogue.themes;
  if (!first) throw new Error(`dialogue ${dialogue.id} has no themes`);
  return first.themeId;
}

export async function createTheme(
  municipalityId: string,
  overrides: Partial<Prisma.ThemeUncheckedCreateInput> = {},
) {
  return db.theme.create({ data: { municipalityId, name: unique("Thema"), ...overrides } });
}

/** A district of the municipality (decision 049), named in German unless told otherwise; no boundary unless given. */
export async function createDistrict(municipalityId: string, overrides: Partial<Prisma.DistrictUncheckedCreateInput> = {}) {
  return db.district.create({ data: { municipalityId, names: { de: unique("Stadtteil") }, ...overrides } });
}

export async function addMember(
  dialogueId: string,
  userId: string,
  role: DialogueRole,
  overrides: Partial<Prisma.MembershipUncheckedCreateInput> = {},
): Promise<Membership> {
  return db.membership.create({
    data: { dialogueId, userId, role, codeOfConductAcceptedAt: new Date(), ...overrides },
  });
}

/** Moves a DRAFT dialogue to COLLECTING, first adding a lived-experience CO_HOST if it has none. */
export async function openDialogue(dialogueId: string): Promise<Dialogue> {
  const dialogue = await db.dialogue.findUniqueOrThrow({ where: { id: dialogueId } });
  const livedExperienceCoHost = await db.membership.findFirst({
    where: { dialogueId, role: "CO_HOST", user: { perspective: "LIVED_EXPERIENCE", deletedAt: null } },
  });
  if (!livedExperienceCoHost) {
    const coHost = await createUser({ perspective: "LIVED_EXPERIENCE" });
    await addMember(dialogueId, coHost.id, "CO_HOST");
  }
  const [opened] = await db.$transaction([
    db.dialogue.update({ where: { id: dialogueId }, data: { phase: "COLLECTING" } }),
    db.phaseChange.create({
      data: { dialogueId, fromPhase: dialogue.phase, toPhase: "COLLECTING", changedById: dialogue.createdById },
    }),
  ]);
  return opened;
}

/**
 * An ONLINE need by a new author with lived experience, in the dialogue's first theme. A DRAFT
 * dialogue is opened first: contributions are only posted to open dialogues.
 * `authorId: null` is an offline voice without an account; `authorPerspective` defaults to
 * the author's current perspective, as the snapshot the app takes.
 */
export async function createContribution(
  overrides: Partial<Prisma.ContributionUncheckedCreateInput> & { dialogueId: string },
): Promise<Contribution> {
  const author =
    overrides.authorId === undefined
      ? await createUser({ perspective: "LIVED_EXPERIENCE" })
      : overrides.authorId === null
        ? null
        : await db.user.findUniqueOrThrow({ where: { id: overrides.authorId } });
  const themeId =
    overrides.themeId ??
    (await db.dialogueTheme.findFirstOrThrow({ where: { dialogueId: overrides.dialogueId } })).themeId;
  const dialogue = await db.dialogue.findUnique({ where: { id: overrides.dialogueId }, select: { phase: true } });
  if (dialogue?.phase === "DRAFT") await openDialogue(overrides.dialogueId);
  const title = unique("Anliegen");
  return db.contribution.create({
    data: {
      kind: "NEED",
      title,
      body: `Beschreibung zu ${title}`,
      language: "de",
      authorPerspective: author?.perspective ?? "NOT_STATED",
      ...overrides,
      themeId,
      authorId: author?.id ?? null,
    },
  });
}

/** A top-level comment by a new participant; pass `parentId` for a reply. */
export async function createComment(
  overrides: Partial<Prisma.CommentUncheckedCreateInput> & { contributionId: string },
): Promise<Comment> {
  const author = overrides.authorId
    ? await db.user.findUniqueOrThrow({ where: { id: overrides.authorId } })
    : await createUser({ perspective: "LOCAL_ACTOR" });
  return db.comment.create({
    data: {
      body: unique("Kommentar"),
      language: "de",
      authorPerspective: author.perspective,
      ...overrides,
      authorId: author.id,
    },
  });
}

export async function createActor(
  overrides: Partial<Prisma.ActorUncheckedCreateInput> & { municipalityId: string },
): Promise<Actor> {
  return db.actor.create({ data: { name: unique("Initiative"), kind: "INITIATIVE", ...overrides } });
}

/** A meeting a week from now, created by a new staff member unless `createdById` is given. */
export async function createMeeting(
  overrides: Partial<Prisma.MeetingUncheckedCreateInput> & { dialogueId: string },
): Promise<Meeting> {
  const createdById = overrides.createdById ?? (await createUser({ perspective: "MUNICIPAL_STAFF" })).id;
  return db.meeting.create({
    data: {
      title: unique("Treffen"),
      startsAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000),
      place: "Stadtteilzentrum, Saal 2",
      languages: ["de", "ar"],
      ...overrides,
      createdById,
    },
  });
}

/**
 * A public response by a new staff member; inserting it sets the contribution's status
 * (trigger response_sets_status).
 */
export async function respond(
  contributionId: string,
  overrides: Partial<Prisma.ResponseUncheckedCreateInput> & { status: ContributionStatus },
): Promise<Response> {
  const authorId = overrides.authorId ?? (await createUser({ perspective: "MUNICIPAL_STAFF" })).id;
  const body = "Wir haben das im Fachdienst besprochen und melden uns bis Monatsende.";
  return db.response.create({ data: { body, ...overrides, contributionId, authorId } });
}

// --- accountability (responses, actors, responsibilities) ---------------------------------

/** An actor responsible for a theme of a dialogue (the theme must be one of the dialogue's). */
export async function createResponsibility(overrides: Partial<Prisma.ResponsibilityUncheckedCreateInput> & { dialogueId: string; themeId: string; actorId: string }) {
  return db.responsibility.create({ data: { ...overrides } });
}
