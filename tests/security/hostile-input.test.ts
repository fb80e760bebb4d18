// Every text field a person can fill in, fed every payload of the hostile-input corpus through
// its domain function: the text is stored exactly as written (trimmed, as the schemas do), or
// refused with INVALID_INPUT and a message that says why. Never a database error (a 500).
// New text field = one row in FIELDS.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { updateProfile } from "@/lib/accounts/update-profile";
import { createComment } from "@/lib/comments/create-comment";
import { updateComment } from "@/lib/comments/update-comment";
import { createContribution } from "@/lib/contributions/create-contribution";
import { MAX_SEARCH_LENGTH, parseContributionFilters, type ContributionFilters } from "@/lib/contributions/contribution-filters";
import { listContributions } from "@/lib/contributions/list-contributions";
import { updateContribution } from "@/lib/contributions/update-contribution";
import { createDialogue } from "@/lib/dialogues/create-dialogue";
import { updateDialogue } from "@/lib/dialogues/update-dialogue";
import { signUpWithInvitation } from "@/lib/invitations/join-dialogue";
import { addTranslation } from "@/lib/translations/add-translation";
import { isAppError } from "@/lib/errors";
import type { SignedInUser } from "@/lib/auth/get-viewer";
import {
  createComment as insertComment,
  createContribution as insertContribution,
  createUser,
  type DialogueWithThemes,
} from "@/tests/support/factories";
import { context, fieldKeys, insertInvitation, viewerOf } from "@/tests/support/viewers";
import { dialogueIn, participant, postInput } from "@/tests/support/participation";
import { dialogueInput, staffOfNewMunicipality } from "@/tests/dialogues/lifecycle/support";
import { HOSTILE_INPUT } from "@/tests/support/hostile-input";
import { postResponse } from "@/lib/responses/post-response";
import { createReport } from "@/lib/moderation/create-report";
import { hideContent } from "@/lib/moderation/hide-content";
import { closeMediationCase, openMediationCase } from "@/lib/moderation/mediation";
import { createMeeting } from "@/lib/meetings/create-meeting";
import { createActor } from "@/lib/actors/create-actor";
import { recordOfflineContribution } from "@/lib/contributions/record-offline-contribution";
import { addMember, unique } from "@/tests/support/factories";
import { assignResponsibility } from "@/lib/responsibilities/assign-responsibility";

type World = {
  dialogue: DialogueWithThemes;
  author: SignedInUser;
  /** The dialogue's host (its creator, staff) and a moderator of its municipality. */
  host: SignedInUser;
  moderator: SignedInUser;
  staff: Awaited<ReturnType<typeof staffOfNewMunicipality>>;
  staffDialogueId: string;
};
let world: World;

beforeAll(async () => {
  const dialogue = await dialogueIn("COLLECTING");
  const staff = await staffOfNewMunicipality();
  const { id: staffDialogueId } = await createDialogue(staff.viewer, dialogueInput(staff.municipality.id, staff.theme.id));
  const moderator = await createUser();
  await db.municipalityMembership.create({ data: { userId: moderator.id, municipalityId: dialogue.municipalityId, role: "MODERATOR" } });
  world = {
    dialogue,
    author: await participant(dialogue.id),
    host: await viewerOf(dialogue.createdById),
    moderator: await viewerOf(moderator.id),
    staff,
    staffDialogueId,
  };
});

/**
 * Names (lib/accounts/display-name.ts) hold no invisible characters — controls, format characters
 * such as zero-width and bidi marks, separators, other default-ignorables — except the joiners
 * keyboards type (removed; a joiner inside an emoji sequence stays), and no letter with more than
 * three combining marks. They are stored in NFC with single spaces.
 */
const NAME_JOINERS = /\u200c|\u200d(?!\p{Extended_Pictographic})/gu;
function nameRefusal(text: string): string | undefined {
  const name = text.replace(NAME_JOINERS, "").replace(/\u200d/g, "");
  if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u.test(name)) return "validation.invalid_characters";
  if (/[\p{Mn}\p{Me}]{4,}/u.test(name.normalize("NFC"))) return "validation.name_marks";
  return undefined;
}
const storedName = (text: string) => text.replace(NAME_JOINERS, "").normalize("NFC").replace(/\p{Zs}+/gu, " ");

type TextField = {
  name: string;
  /** The field's key in the domain function's field errors. */
  field: string;
  max: number;
  /** Characters the field refuses on purpose (validation.invalid_characters). */
  forbidden?: RegExp;
  /** Or the field's own refusal of `text`, and how it stores what it keeps (display names). */
  refuses?: (text: string) => string | undefined;
  stores?: (text: string) => string;
  /** Submits `text` and returns what the database then holds. */
  submit: (text: string) => Promise<string | null>;
};

const FIELDS: TextField[] = [
  {
    name: "contribution title",
    field: "title",
    max: 200,
    submit: async (title) => {
      const { id } = await createContribution(world.author, postInput(world.dialogue, { title }));
      return (await db.contribution.findUniqueOrThrow({ where: { id } })).title;
    },
  },
  {
    name: "contribution body",
    field: "body",
    max: 5000,
    submit: async (body) => {
      const { id } = await createContribution(world.author, postInput(world.dialogue, { body }));
      return (await db.contribution.findUniqueOrThrow({ where: { id } })).body;
    },
  },
  {
    name: "corrected contribution (title and body)",
    field: "body",
    max: 5000,
    submit: async (body) => {
      const own = await insertContribution({ dialogueId: world.dialogue.id, authorId: world.author.id });
      await updateContribution(world.author, { contributionId: own.id, title: own.title, body });
      return (await db.contribution.findUniqueOrThrow({ where: { id: own.id } })).body;
    },
  },
  {
    name: "comment",
    field: "body",
    max: 2000,
    submit: async (body) => {
      const { id: contributionId } = await insertContribution({ dialogueId: world.dialogue.id });
      // A new person per payload: one person's comments are limited per minute (COMMENTS_PER_MINUTE).
      const author = await participant(world.dialogue.id);
      const { id } = await createComment(author, { contributionId, body, language: "de" });
      return (await db.comment.findUniqueOrThrow({ where: { id } })).body;
    },
  },
  {
    name: "corrected comment",
    field: "body",
    max: 2000,
    submit: async (body) => {
      const { id: contributionId } = await insertContribution({ dialogueId: world.dialogue.id });
      const own = await insertComment({ contributionId, authorId: world.author.id });
      await updateComment(world.author, { commentId: own.id, body });
      return (await db.comment.findUniqueOrThrow({ where: { id: own.id } })).body;
    },
  },
  {
    name: "translation of a contribution",
    field: "body",
    max: 5000,
    submit: async (body) => {
      const { id: contributionId } = await insertContribution({ dialogueId: world.dialogue.id, language: "de" });
      const { id } = await addTranslation(world.author, { contributionId, language: "ar", title: "ترجمة", body });
      return (await db.translation.findUniqueOrThrow({ where: { id } })).body;
    },
  },
  {
    name: "translation title",
    field: "title",
    max: 200,
    submit: async (title) => {
      const { id: contributionId } = await insertContribution({ dialogueId: world.dialogue.id, language: "de" });
      const { id } = await addTranslation(world.author, { contributionId, language: "fa", title, body: "ترجمه" });
      return (await db.translation.findUniqueOrThrow({ where: { id } })).title;
    },
  },
  {
    name: "display name (profile)",
    field: "displayName",
    max: 60,
    refuses: nameRefusal,
    stores: storedName,
    submit: async (displayName) => {
      const viewer = await viewerOf((await createUser()).id);
      await updateProfile(viewer, { displayName, locale: "de", perspective: "NOT_STATED", email: null });
      return (await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).displayName;
    },
  },
  {
    name: "display name (sign-up)",
    field: "displayName",
    max: 60,
    refuses: nameRefusal,
    stores: storedName,
    submit: async (displayName) => {
      const invitation = await insertInvitation(world.dialogue);
      const { session } = await signUpWithInvitation(
        { code: invitation.code, displayName, locale: "de", acceptCodeOfConduct: true },
        context(),
      );
      const { user } = await db.session.findUniqueOrThrow({ where: { sessionToken: session.sessionToken }, include: { user: true } });
      return user.displayName;
    },
  },
  ...(["title", "summary", "description", "codeOfConduct"] as const).map(
    (field): TextField => ({
      name: `dialogue ${field} (create)`,
      field,
      max: { title: 120, summary: 300, description: 5000, codeOfConduct: 5000 }[field],
      submit: async (text) => {
        const { staff } = world;
        const { id } = await createDialogue(staff.viewer, dialogueInput(staff.municipality.id, staff.theme.id, { [field]: text }));
        return (await db.dialogue.findUniqueOrThrow({ where: { id } }))[field];
      },
    }),
  ),
  ...(["title", "summary", "description", "codeOfConduct"] as const).map(
    (field): TextField => ({
      name: `dialogue ${field} (edit)`,
      field,
      max: { title: 120, summary: 300, description: 5000, codeOfConduct: 5000 }[field],
      submit: async (text) => {
        const { staff, staffDialogueId } = world;
        const { municipalityId: _, ...fields } = dialogueInput(staff.municipality.id, staff.theme.id, { [field]: text });
        await updateDialogue(staff.viewer, { dialogueId: staffDialogueId, ...fields });
        return (await db.dialogue.findUniqueOrThrow({ where: { id: staffDialogueId } }))[field];
      },
    }),
  ),
  {
    name: "new theme name (dialogue form)",
    field: "newThemeName",
    max: 60,
    submit: async (newThemeName) => {
      const { staff } = world;
      const { id } = await createDialogue(staff.viewer, dialogueInput(staff.municipality.id, staff.theme.id, { themeIds: [], newThemeName }));
      const theme = await db.dialogueTheme.findFirstOrThrow({ where: { dialogueId: id }, include: { theme: true } });
      return theme.theme.name;
    },
  },
  // Responses, moderation, meetings, actors, offline entries (landed during issue 8)
  {
    name: "response",
    field: "body",
    max: 5000,
    submit: async (body) => {
      const { id: contributionId } = await insertContribution({ dialogueId: world.dialogue.id });
      const { id } = await postResponse(world.host, { contributionId, status: "PLANNED", body });
      return (await db.response.findUniqueOrThrow({ where: { id } })).body;
    },
  },
  {
    name: "response: decided by",
    field: "decidedBy",
    max: 200,
    submit: async (decidedBy) => {
      const { id: contributionId } = await insertContribution({ dialogueId: world.dialogue.id });
      const { id } = await postResponse(world.host, { contributionId, status: "PLANNED", body: "Geplant.", decidedBy });
      return (await db.response.findUniqueOrThrow({ where: { id } })).decidedBy;
    },
  },
  {
    name: "report reason",
    field: "reason",
    max: 2000,
    submit: async (reason) => {
      const { id: itemId } = await insertContribution({ dialogueId: world.dialogue.id });
      const reporter = await viewerOf((await createUser()).id); // 20 reports per person and hour
      const { id } = await createReport(reporter, { dialogueId: world.dialogue.id, itemType: "contribution", itemId, category: "OTHER", reason });
      return (await db.report.findUniqueOrThrow({ where: { id } })).reason;
    },
  },
  {
    name: "hide reason",
    field: "reason",
    max: 2000,
    submit: async (reason) => {
      const { id: itemId } = await insertContribution({ dialogueId: world.dialogue.id });
      const { hideActionId } = await hideContent(world.moderator, { itemType: "contribution", itemId, category: "OTHER", reason });
      return (await db.moderationAction.findUniqueOrThrow({ where: { id: hideActionId } })).reason;
    },
  },
  {
    name: "mediation subject",
    field: "subject",
    max: 200,
    submit: async (subject) => {
      const [one, two] = [await createUser(), await createUser()];
      await addMember(world.dialogue.id, one.id, "PARTICIPANT");
      await addMember(world.dialogue.id, two.id, "PARTICIPANT");
      const { id } = await openMediationCase(world.moderator, { dialogueId: world.dialogue.id, subject, participantIds: [one.id, two.id] });
      return (await db.mediationCase.findUniqueOrThrow({ where: { id } })).subject;
    },
  },
  {
    name: "mediation outcome",
    field: "outcome",
    max: 4000,
    submit: async (outcome) => {
      const [one, two] = [await createUser(), await createUser()];
      await addMember(world.dialogue.id, one.id, "PARTICIPANT");
      await addMember(world.dialogue.id, two.id, "PARTICIPANT");
      const { id } = await openMediationCase(world.moderator, { dialogueId: world.dialogue.id, subject: "Streit", participantIds: [one.id, two.id] });
      await closeMediationCase(world.moderator, { caseId: id, outcome });
      return (await db.mediationCase.findUniqueOrThrow({ where: { id } })).outcome;
    },
  },
  ...(["title", "description", "place"] as const).map(
    (field): TextField => ({
      name: `meeting ${field}`,
      field,
      max: { title: 200, description: 2000, place: 300 }[field],
      submit: async (text) => {
        const meeting = { title: "Treffen", place: "Stadtteilzentrum", startsAt: "2030-05-04T18:00", [field]: text };
        const { id } = await createMeeting(world.host, { dialogueId: world.dialogue.id, ...meeting });
        return (await db.meeting.findUniqueOrThrow({ where: { id } }))[field];
      },
    }),
  ),
  ...(["name", "description", "address"] as const).map(
    (field): TextField => ({
      name: `actor ${field}`,
      field,
      max: { name: 200, description: 2000, address: 300 }[field],
      submit: async (text) => {
        const { staff } = world;
        const { id } = await createActor(staff.viewer, { municipalityId: staff.municipality.id, name: unique("Initiative"), kind: "INITIATIVE", [field]: text });
        return (await db.actor.findUniqueOrThrow({ where: { id } }))[field];
      },
    }),
  ),
  {
    name: "responsibility note",
    field: "note",
    max: 500,
    submit: async (note) => {
      const { staff, staffDialogueId } = world;
      const { id: actorId } = await createActor(staff.viewer, { municipalityId: staff.municipality.id, name: unique("Amt"), kind: "MUNICIPAL_DEPARTMENT" });
      const { id } = await assignResponsibility(staff.viewer, { dialogueId: staffDialogueId, themeId: staff.theme.id, actorId, note });
      return (await db.responsibility.findUniqueOrThrow({ where: { id } })).note;
    },
  },
  ...(["title", "body", "interpreterName"] as const).map(
    (field): TextField => ({
      name: `offline entry ${field}`,
      field,
      max: { title: 200, body: 5000, interpreterName: 100 }[field],
      submit: async (text) => {
        const entry = {
          ...postInput(world.dialogue),
          source: "INTERPRETED" as const,
          interpreterName: "Dolmetscherin",
          perspective: "LIVED_EXPERIENCE" as const,
          readBackConfirmed: true as const,
          [field]: text,
        };
        const { id } = await recordOfflineContribution(world.host, entry);
        const row = await db.contribution.findUniqueOrThrow({ where: { id } });
        return row[field];
      },
    }),
  ),
];

/** What the field must do with `text`: store it (trimmed, well-formed UTF-16) or refuse it with this key. */
function expected(field: TextField, text: string): { stored: string } | { refused: string } {
  // A field's own refusal wins over the general one for U+0000.
  if (field.forbidden?.test(text)) return { refused: "validation.invalid_characters" };
  const own = field.refuses?.(text);
  if (own) return { refused: own };
  if (text.includes("\u0000")) return { refused: "validation.null_character" };
  if (text.trim().length > field.max) return { refused: "validation.too_long" };
  // A lone surrogate cannot be encoded as UTF-8: it arrives as U+FFFD, the replacement character.
  return { stored: (field.stores?.(text) ?? text).trim().toWellFormed() };
}

describe.each(FIELDS)("$name", (field) => {
  it.each(HOSTILE_INPUT)("$name: stored verbatim or refused with a reason", async ({ text }) => {
    const want = expected(field, text);
    let outcome: { stored: string | null } | { refused: string[] };
    try {
      outcome = { stored: await field.submit(text) };
    } catch (error) {
      // Anything but INVALID_INPUT (a database error, a crash) fails here with its own message.
      if (!isAppError(error, "INVALID_INPUT")) throw error;
      outcome = { refused: fieldKeys(error, field.field) };
    }
    if ("stored" in want) expect(outcome).toEqual({ stored: want.stored });
    else expect(outcome).toEqual({ refused: [want.refused] });
  });
});

describe("search in a dialogue's contributions", () => {
  // A dialogue of its own: per storable payload, one contribution that holds it, a hidden and a
  // withdrawn copy, and a copy in another dialogue; plus a decoy that shares none of their words.
  // Whatever the query, the search finds only visible contributions of this dialogue, never the
  // decoy (no injected tautology), and its holder exactly when Postgres matches the text as typed.
  let searched: { dialogueId: string; holders: Map<string, string>; decoyId: string; all: number };
  beforeAll(async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const elsewhere = await dialogueIn("COLLECTING");
    const holders = new Map<string, string>();
    for (const payload of HOSTILE_INPUT.filter((p) => !p.refused)) {
      const { id } = await insertContribution({ dialogueId: dialogue.id, title: "Hinweis", body: payload.text });
      holders.set(payload.name, id);
      await insertContribution({ dialogueId: dialogue.id, title: "Hinweis", body: payload.text, hiddenAt: new Date(), hiddenCategory: "SPAM" });
      await insertContribution({ dialogueId: dialogue.id, title: "Hinweis", body: payload.text, withdrawnAt: new Date() });
      await insertContribution({ dialogueId: elsewhere.id, title: "Hinweis", body: payload.text });
    }
    const { id: decoyId } = await insertContribution({ dialogueId: dialogue.id, title: "Deutschkurs", body: "Abendkurs für Eltern" });
    searched = { dialogueId: dialogue.id, holders, decoyId, all: holders.size + 1 };
  });
  const search = async (filters: ContributionFilters) => {
    const ids: string[] = [];
    let total = 0;
    for (let page = 1; ; page += 1) {
      const found = await listContributions({ dialogueId: searched.dialogueId, page, locale: "de", filters });
      total = found.total;
      ids.push(...found.items.map((item) => item.id));
      if (ids.length >= found.total || found.items.length === 0) break;
    }
    return { ids, total };
  };

  it.each(HOSTILE_INPUT)("$name: finds only this dialogue's visible contributions that match it, or drops a search without words", async ({ name, text }) => {
    // What the dialogue page does with ?q=: parse it (cut to the limit), drop it if it is no search.
    const filters = parseContributionFilters({ q: text, sort: "newest" }, { themeIds: [], languages: [] });
    const { ids, total } = await search(filters);
    if (filters.q === undefined) {
      // Dropped only when there is nothing to search for (no letter or digit, or U+0000): the page lists everything.
      expect(!/[\p{L}\p{N}]/u.test(text) || text.includes("\u0000")).toBe(true);
      expect(total).toBe(searched.all);
      return;
    }
    expect(ids).toHaveLength(total);
    expect(ids).not.toContain(searched.decoyId);
    const visible = new Set([...searched.holders.values(), searched.decoyId]);
    expect(ids.filter((id) => !visible.has(id))).toEqual([]);
    const holder = searched.holders.get(name);
    if (holder === undefined) return;
    const [row] = await db.$queryRaw<{ matches: boolean }[]>`
      SELECT to_tsvector('simple'::regconfig, "title" || ' ' || "body") @@ websearch_to_tsquery('simple'::regconfig, ${text.trim().slice(0, MAX_SEARCH_LENGTH).trim()}) AS matches
      FROM "Contribution" WHERE "id" = ${holder}::uuid`;
    expect(ids.includes(holder)).toBe(row?.matches);
  });

  it("refuses a search with a null character instead of sending it to Postgres", async () => {
    const error = await listContributions({
      dialogueId: world.dialogue.id,
      page: 1,
      locale: "de",
      filters: { q: "a\u0000b", sort: "newest" },
    }).catch((e: unknown) => e);
    expect(isAppError(error, "INVALID_INPUT")).toBe(true);
  });
});

// e2e/hostile-input.spec.ts posts every payload not marked `refused` as a comment and expects it
// on the page: the mark must be what the comment form does.
it.each(HOSTILE_INPUT)("$name: is refused by the comment form exactly when the corpus marks it refused", async ({ text, refused }) => {
  const { id: contributionId } = await insertContribution({ dialogueId: world.dialogue.id });
  const author = await participant(world.dialogue.id);
  const posted = await createComment(author, { contributionId, body: text.slice(0, 1900), language: "de" }).then(
    () => "stored",
    (error: unknown) => (isAppError(error, "INVALID_INPUT") ? "refused" : error),
  );
  expect(posted).toBe(refused ? "refused" : "stored");
});
