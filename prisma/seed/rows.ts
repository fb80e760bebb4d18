// Turns the declared demo (people, actors, dialogues) into rows, ids linked up front. The
// contributions and everything hanging on them are built in contribution-rows.ts; memberships
// last, because who takes part in a dialogue follows from what they did in it.
import type { DialoguePhase, DialogueRole, Prisma } from "../../lib/generated/prisma/client";
import { displayNameField } from "../../lib/accounts/display-name";
import { DEFAULT_THEME_KEYS, DEFAULT_THEME_NAMES_DE } from "../../lib/themes/default-themes";
import { ACTORS, type ActorKey } from "./actors";
import { check } from "./check";
import { DISTRICTS } from "./districts";
import { buildContributionRows, type ContributionRows } from "./contribution-rows";
import { CODE_OF_CONDUCT, DIALOGUES, INVITATIONS, MEETINGS, type DialogueKey, type MeetingKey } from "./dialogues";
import { ACTOR_VERSIONS, DIALOGUE_VERSIONS, MEETING_VERSIONS, MUNICIPALITY_INTRODUCTION, MUNICIPALITY_INTRODUCTION_VERSIONS, OWN_RULES_DIALOGUE } from "./host-texts";
import { uuidv7 } from "./ids";
import { PERSON_KEYS, person, type PersonKey } from "./people";
import { addHours, type Clock } from "./time";
import type { ActorSeed, Activity, DialogueSeed, MeetingSeed, SeedIds } from "./types";

/** The handle (first group of the sign-in code) and the code's hash, per person. */
export type SignIns = ReadonlyMap<PersonKey, { handle: string; hash: string }>;

export type PhaseStep = Prisma.PhaseChangeCreateManyInput & { toPhase: DialoguePhase; createdAt: Date };

export type DemoRows = ContributionRows & {
  municipality: Prisma.MunicipalityCreateManyInput;
  themes: Prisma.ThemeCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
  municipalityMemberships: Prisma.MunicipalityMembershipCreateManyInput[];
  actors: Prisma.ActorCreateManyInput[];
  actorMembers: Prisma.ActorMemberCreateManyInput[];
  dialogues: Prisma.DialogueCreateManyInput[];
  dialogueThemes: Prisma.DialogueThemeCreateManyInput[];
  responsibilities: Prisma.ResponsibilityCreateManyInput[];
  invitations: Prisma.InvitationCreateManyInput[];
  memberships: Prisma.MembershipCreateManyInput[];
  meetings: Prisma.MeetingCreateManyInput[];
  districts: Prisma.DistrictCreateManyInput[];
  /** In order: a dialogue walks from DRAFT through each phase to where it is now. */
  phaseSteps: PhaseStep[];
};

const PHASES: readonly DialoguePhase[] = ["DRAFT", "COLLECTING", "DELIBERATING", "RESPONDING", "CLOSED"];

export function buildRows(clock: Clock, signIns: SignIns): DemoRows {
  const { at } = clock;
  const idMap = <K extends string>(keys: readonly K[], created: (key: K) => Date) =>
    new Map(keys.map((key) => [key, uuidv7(created(key))] as const));
  const lookup =
    <K extends string>(map: ReadonlyMap<K, string>, what: string) =>
    (key: K): string => {
      const id = map.get(key);
      check(id !== undefined, `unknown ${what} "${key}"`);
      return id;
    };

  const municipalityId = uuidv7(at(-730));
  const dialogueKeys = Object.keys(DIALOGUES) as DialogueKey[];
  const actorKeys = Object.keys(ACTORS) as ActorKey[];
  const meetingKeys = Object.keys(MEETINGS) as MeetingKey[];
  const ids: SeedIds = {
    user: lookup(idMap(PERSON_KEYS, (key) => at(person(key).since)), "person"),
    actor: lookup(idMap(actorKeys, () => at(-700)), "actor"),
    theme: lookup(idMap(DEFAULT_THEME_KEYS, () => at(-730)), "theme"),
    dialogue: lookup(idMap(dialogueKeys, (key) => at(DIALOGUES[key].created)), "dialogue"),
    meeting: lookup(idMap(meetingKeys, (key) => at(MEETINGS[key].day - 14)), "meeting"),
  };

  const firstActivity = new Map<DialogueKey, Map<PersonKey, Date>>();
  const activity: Activity = (dialogue, who, when) => {
    check(when >= at(person(who).since), `${who} acts in "${dialogue}" before their account exists`);
    const seen = firstActivity.get(dialogue) ?? new Map<PersonKey, Date>();
    const before = seen.get(who);
    if (!before || when < before) seen.set(who, when);
    firstActivity.set(dialogue, seen);
  };
  const contributionRows = buildContributionRows(clock, ids, activity);

  const users = PERSON_KEYS.map((key): Prisma.UserCreateManyInput => {
    const seed = person(key);
    const createdAt = at(seed.since);
    return {
      id: ids.user(key),
      displayName: displayNameField.parse(seed.displayName),
      email: seed.email ?? null,
      emailVerified: seed.email ? createdAt : null,
      locale: seed.locale,
      perspective: seed.perspective,
      showPerspective: seed.showPerspective,
      signInHandle: signIns.get(key)?.handle ?? null,
      signInCodeHash: signIns.get(key)?.hash ?? null,
      isPlatformAdmin: seed.isPlatformAdmin ?? false,
      createdAt,
      updatedAt: createdAt,
    };
  });

  const meetings = meetingKeys.map((key): Prisma.MeetingCreateManyInput => {
    const seed: MeetingSeed = MEETINGS[key];
    const startsAt = at(seed.day, seed.hour);
    return {
      id: ids.meeting(key),
      dialogueId: ids.dialogue(seed.dialogue),
      title: seed.title,
      description: seed.description ?? null,
      startsAt,
      endsAt: addHours(startsAt, seed.hours),
      place: seed.place,
      languages: [...seed.languages],
      interpretationOffered: seed.interpretationOffered,
      createdById: ids.user(seed.createdBy),
      createdAt: at(seed.day - 14),
    };
  });

  const invitations = INVITATIONS.map((seed) => ({
    seed,
    row: {
      id: uuidv7(at(seed.created)),
      dialogueId: ids.dialogue(seed.dialogue),
      code: seed.code,
      role: seed.role,
      expiresAt: at(seed.expires, 23),
      maxUses: seed.maxUses,
      uses: 0,
      createdById: ids.user(seed.createdBy),
      createdAt: at(seed.created),
    } satisfies Prisma.InvitationCreateManyInput,
  }));

  const dialogues: Prisma.DialogueCreateManyInput[] = [];
  const dialogueThemes: Prisma.DialogueThemeCreateManyInput[] = [];
  const responsibilities: Prisma.ResponsibilityCreateManyInput[] = [];
  const memberships: Prisma.MembershipCreateManyInput[] = [];
  const phaseSteps: PhaseStep[] = [];
  for (const key of dialogueKeys) {
    const seed: DialogueSeed = DIALOGUES[key];
    const dialogueId = ids.dialogue(key);
    const createdAt = at(seed.created);
    const opened = seed.phase !== "DRAFT";
    dialogues.push({
      id: dialogueId,
      municipalityId,
      slug: seed.slug,
      title: seed.title,
      summary: seed.summary,
      description: seed.description,
      // The database only accepts a new dialogue as a draft; it opens below, step by step.
      phase: "DRAFT",
      languages: [...seed.languages],
      // Every dialogue keeps the default rules (shown in each reader's language) but one.
      codeOfConduct: key === OWN_RULES_DIALOGUE ? CODE_OF_CONDUCT : null,
      collectingFrom: at(seed.collectingFrom, 8),
      deliberatingFrom: at(seed.deliberatingFrom, 8),
      respondingFrom: at(seed.respondingFrom, 8),
      closesAt: at(seed.closesAt, 20),
      createdById: ids.user(seed.createdBy),
      createdAt,
      updatedAt: createdAt,
    });
    for (const version of DIALOGUE_VERSIONS[key] ?? []) {
      const written = addHours(createdAt, 30);
      contributionRows.translations.push({
        id: uuidv7(written),
        dialogueId,
        language: version.language,
        title: version.title,
        summary: version.summary,
        body: version.description,
        codeOfConduct: version.codeOfConduct ?? null,
        method: "AUTHOR",
        translatorId: ids.user(version.writtenBy),
        createdAt: written,
        updatedAt: written,
      });
    }
    for (const theme of seed.themes) dialogueThemes.push({ dialogueId, themeId: ids.theme(theme) });
    for (const { theme, actor, note } of seed.responsibilities) {
      responsibilities.push({
        id: uuidv7(addHours(createdAt, 48)),
        dialogueId,
        themeId: ids.theme(theme),
        actorId: ids.actor(actor),
        note: note ?? null,
        agreedAt: opened ? addHours(createdAt, 7 * 24) : null,
        createdAt: addHours(createdAt, 48),
      });
    }

    const team = new Map<PersonKey, DialogueRole>([
      ...seed.hosts.map((who) => [who, "HOST"] as const),
      ...seed.coHosts.map((who) => [who, "CO_HOST"] as const),
      ...seed.moderators.map((who) => [who, "MODERATOR"] as const),
      ...(seed.recorders ?? []).map((who) => [who, "RECORDER"] as const),
    ]);
    for (const [who, role] of team) {
      const joined = role === "HOST" ? createdAt : addHours(createdAt, 24);
      memberships.push({ id: uuidv7(joined), userId: ids.user(who), dialogueId, role, codeOfConductAcceptedAt: joined, createdAt: joined });
    }
    const invitation = invitations.find((candidate) => candidate.seed.dialogue === key && candidate.seed.role === "PARTICIPANT");
    for (const [who, first] of firstActivity.get(key) ?? []) {
      if (team.has(who)) continue;
      const joined = new Date(Math.max(addHours(first, -1).getTime(), at(person(who).since).getTime()));
      // People without e-mail came in through the poster or flyer code.
      const byInvitation = invitation && !person(who).email && joined >= invitation.row.createdAt ? invitation.row : undefined;
      if (byInvitation) byInvitation.uses += 1;
      memberships.push({
        id: uuidv7(joined),
        userId: ids.user(who),
        dialogueId,
        role: "PARTICIPANT",
        invitationId: byInvitation?.id ?? null,
        codeOfConductAcceptedAt: joined,
        createdAt: joined,
      });
    }

    const phaseDates: Record<DialoguePhase, Date> = {
      DRAFT: createdAt,
      COLLECTING: at(seed.collectingFrom, 8),
      DELIBERATING: at(seed.deliberatingFrom, 8),
      RESPONDING: at(seed.respondingFrom, 8),
      CLOSED: at(seed.closesAt, 20),
    };
    const target = PHASES.indexOf(seed.phase);
    for (let step = 1; step <= target; step++) {
      const fromPhase = PHASES[step - 1];
      const toPhase = PHASES[step];
      check(fromPhase !== undefined && toPhase !== undefined, `no phase step ${step}`);
      check(phaseDates[toPhase] < clock.now, `"${key}" reaches ${toPhase} in the future`);
      const changedAt = phaseDates[toPhase];
      phaseSteps.push({ id: uuidv7(changedAt), dialogueId, fromPhase, toPhase, changedById: ids.user(seed.hosts[0] ?? seed.createdBy), createdAt: changedAt });
    }
  }
  for (const { seed, row } of invitations) {
    check(row.uses <= row.maxUses, `invitation ${seed.code} is used more often than it allows`);
  }

  for (const [key, versions] of Object.entries(MEETING_VERSIONS) as [MeetingKey, NonNullable<(typeof MEETING_VERSIONS)[MeetingKey]>][]) {
    const written = at(MEETINGS[key].day - 10);
    for (const version of versions) {
      contributionRows.translations.push({
        id: uuidv7(written),
        meetingId: ids.meeting(key),
        language: version.language,
        title: version.title,
        place: version.place,
        body: version.description,
        method: "AUTHOR",
        translatorId: ids.user(version.writtenBy),
        createdAt: written,
        updatedAt: written,
      });
    }
  }
  for (const [key, versions] of Object.entries(ACTOR_VERSIONS) as [ActorKey, NonNullable<(typeof ACTOR_VERSIONS)[ActorKey]>][]) {
    for (const version of versions) {
      contributionRows.translations.push({
        id: uuidv7(at(-650)),
        actorId: ids.actor(key),
        language: version.language,
        body: version.description,
        method: "AUTHOR",
        translatorId: ids.user(version.writtenBy),
        createdAt: at(-650),
        updatedAt: at(-650),
      });
    }
  }
  for (const version of MUNICIPALITY_INTRODUCTION_VERSIONS) {
    contributionRows.translations.push({
      id: uuidv7(at(-700)),
      municipalityId,
      language: version.language,
      body: version.body,
      method: "AUTHOR",
      translatorId: ids.user(version.writtenBy),
      createdAt: at(-700),
      updatedAt: at(-700),
    });
  }

  return {
    ...contributionRows,
    districts: DISTRICTS.map((district, position) => ({
      id: uuidv7(at(-700)),
      municipalityId,
      names: district.names,
      boundary: { type: "Polygon", coordinates: [district.outline] },
      position,
      createdAt: at(-700),
      updatedAt: at(-700),
    })),
    municipality: {
      id: municipalityId,
      slug: "musterstadt",
      name: "Musterstadt",
      defaultLocale: "de",
      introduction: MUNICIPALITY_INTRODUCTION,
      createdAt: at(-730),
    },
    themes: DEFAULT_THEME_KEYS.map((key, position) => ({
      id: ids.theme(key),
      municipalityId,
      key,
      name: DEFAULT_THEME_NAMES_DE[key],
      position,
    })),
    users,
    municipalityMemberships: PERSON_KEYS.flatMap((key) =>
      (person(key).municipalityRoles ?? []).map((role) => ({
        id: uuidv7(at(person(key).since)),
        userId: ids.user(key),
        municipalityId,
        role,
        createdAt: at(person(key).since),
      })),
    ),
    actors: actorKeys.map((key) => {
      const seed: ActorSeed = ACTORS[key];
      return {
        id: ids.actor(key),
        municipalityId,
        name: seed.name,
        kind: seed.kind,
        refugeeLed: seed.refugeeLed ?? false,
        description: seed.description,
        contactEmail: seed.contactEmail ?? null,
        contactPhone: seed.contactPhone ?? null,
        website: seed.website ?? null,
        address: seed.address ?? null,
        createdAt: at(-700),
        updatedAt: at(-700),
      };
    }),
    actorMembers: actorKeys.flatMap((key) => {
      const seed: ActorSeed = ACTORS[key];
      return seed.members.map((who) => ({ actorId: ids.actor(key), userId: ids.user(who) }));
    }),
    dialogues,
    dialogueThemes,
    responsibilities,
    invitations: invitations.map(({ row }) => row),
    memberships,
    meetings,
    phaseSteps,
  };
}
