// A large municipality for the benchmark (`npm run seed:large`, `npm run bench`): many dialogues
// in every published phase, contributions in seven languages and four scripts, supports,
// comments with replies, meetings with offline voices and their recorders, responses, and
// moderation history. Rows go in through the same doors as in the app — dialogues open only
// with a co-host of lived experience, statuses change only through responses, a dialogue closes
// only when every need is answered — so every trigger and CHECK of the schema runs on them.
// Batched multi-row INSERTs (bulk-insert.ts) in one transaction: all or nothing, in minutes.
import pg from "pg";
import { DEFAULT_THEME_KEYS, DEFAULT_THEME_NAMES_DE } from "../../lib/themes/default-themes";
import { uuidv7 } from "../../prisma/seed/ids";
import { insertMany } from "./bulk-insert";
import { DISTRICTS, LANGUAGE_WEIGHTS, PHRASES, type PhraseLanguage } from "./phrases";
import { createRandom, skewedSampler, type Random } from "./random";

export type LargeDataSizes = {
  dialogues: number;
  contributions: number;
  supports: number;
  comments: number;
  people: number;
  /** Contributions of one extra dialogue that only the CSV-export scenario reads (0: none). */
  exportContributions: number;
};

export const DEFAULT_SIZES: LargeDataSizes = {
  dialogues: 20,
  contributions: 20_000,
  supports: 200_000,
  comments: 100_000,
  people: 5_000,
  exportContributions: 50_000,
};

export type LargeDataOptions = LargeDataSizes & { slug: string; name: string; seed: number };

export type LargeDataSummary = {
  municipalityId: string;
  /** The dialogue with the most contributions among the regular ones (COLLECTING). */
  largestDialogue: { id: string; slug: string; contributions: number };
  exportDialogue: { id: string; slug: string; contributions: number } | null;
  counts: Record<string, number>;
  seconds: number;
};

const PHASES = ["COLLECTING", "DELIBERATING", "RESPONDING", "CLOSED"] as const;
type Phase = (typeof PHASES)[number];
const PERSPECTIVES = [
  ["LIVED_EXPERIENCE", 45],
  ["LOCAL_ACTOR", 30],
  ["MUNICIPAL_STAFF", 5],
  ["NOT_STATED", 20],
] as const;
type Perspective = (typeof PERSPECTIVES)[number][0];
const FINAL_STATUSES = ["PLANNED", "IN_PROGRESS", "DONE", "DECLINED"] as const;
/** Share of needs (proposals: half of it) answered by the time a dialogue is in this phase. */
const ANSWERED: Record<Phase, number> = { COLLECTING: 0.05, DELIBERATING: 0.15, RESPONDING: 0.6, CLOSED: 1 };
const DAY = 86_400_000;

type Person = { id: string; perspective: Perspective };
type DialoguePlan = { id: string; slug: string; phase: Phase; size: number; pool: Person[]; themeIds: string[]; meetingIds: string[] };
type ContributionRow = {
  id: string;
  dialogue: DialoguePlan;
  kind: "NEED" | "PROPOSAL";
  createdAt: Date;
  language: PhraseLanguage;
  hidden: boolean;
  withdrawn: boolean;
  /** Set when the contribution is written: nobody supports their own (trigger support_not_by_author). */
  authorId?: string | null;
};

export async function seedLargeData(
  databaseUrl: string,
  options: LargeDataOptions,
  log: (message: string) => void = () => {},
): Promise<LargeDataSummary> {
  const started = Date.now();
  const random = createRandom(options.seed);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const counts: Record<string, number> = {};
  let stepStarted = Date.now();
  const step = async (name: string, table: string, fn: () => Promise<number>) => {
    const rows = await fn();
    counts[table] = (counts[table] ?? 0) + rows;
    log(`${name.padEnd(34)} ${String(rows).padStart(8)} rows  ${((Date.now() - stepStarted) / 1000).toFixed(1)} s`);
    stepStarted = Date.now();
  };
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL synchronous_commit = off");
    const { rowCount } = await client.query(`SELECT 1 FROM "Municipality" WHERE "slug" = $1`, [options.slug]);
    if (rowCount) throw new Error(`A municipality "${options.slug}" exists already; choose another --slug.`);

    const now = new Date();
    const past = (days: number) => new Date(now.getTime() - days * DAY);
    const municipalityId = uuidv7(past(400));
    await client.query(`INSERT INTO "Municipality" ("id", "slug", "name", "createdAt") VALUES ($1, $2, $3, $4)`, [
      municipalityId,
      options.slug,
      options.name,
      past(400).toISOString(),
    ]);

    // People: staff and moderators of the municipality, then the participants.
    const staff = Array.from({ length: 6 }, (_, i) => ({ id: uuidv7(past(399)), name: `Sachbearbeitung ${i + 1}` }));
    const moderators = Array.from({ length: 3 }, (_, i) => ({ id: uuidv7(past(399)), name: `Moderation ${i + 1}` }));
    const people: Person[] = Array.from({ length: options.people }, () => ({
      id: uuidv7(past(300 + random.int(90))),
      perspective: random.weighted(PERSPECTIVES),
    }));
    await step("people", "User", async () => {
      const rows = [
        ...[...staff, ...moderators].map((u) => [u.id, u.name, "de", "MUNICIPAL_STAFF", false, past(399), past(399)]),
        ...people.map((p, i) => {
          const language = random.weighted(LANGUAGE_WEIGHTS);
          return [p.id, `Person ${i + 1}`, language, p.perspective, random.chance(0.2), past(300), past(300)];
        }),
      ];
      await insertMany(client, "User", USER_COLUMNS, rows);
      await insertMany(client, "MunicipalityMembership", [["id", "uuid"], ["userId", "uuid"], ["municipalityId", "uuid"], ["role", '"MunicipalityRole"']], [
        ...staff.map((u) => [uuidv7(past(399)), u.id, municipalityId, "STAFF"]),
        ...moderators.map((u) => [uuidv7(past(399)), u.id, municipalityId, "MODERATOR"]),
      ]);
      return rows.length;
    });

    const themeIds = DEFAULT_THEME_KEYS.map(() => uuidv7(past(400)));
    const actorIds = ACTORS.map(() => uuidv7(past(400)));
    await step("themes and actors", "Actor", async () => {
      await insertMany(client, "Theme", [["id", "uuid"], ["municipalityId", "uuid"], ["key", "text"], ["name", "text"], ["position", "int4"]],
        DEFAULT_THEME_KEYS.map((key, i) => [themeIds[i], municipalityId, key, DEFAULT_THEME_NAMES_DE[key], i]));
      await insertMany(client, "Actor", [["id", "uuid"], ["municipalityId", "uuid"], ["name", "text"], ["kind", '"ActorKind"'], ["refugeeLed", "bool"], ["updatedAt", "timestamp(3)"]],
        ACTORS.map(([name, kind, refugeeLed], i) => [actorIds[i], municipalityId, name, kind, refugeeLed, past(400)]));
      return ACTORS.length;
    });

    // Dialogues: the first holds most contributions (its page 500 exists), the rest fall off.
    const dialogues = planDialogues(random, options, people, themeIds, past);
    const exportDialogue = dialogues.find((d) => d.slug.startsWith("auswertung")) ?? null;
    await step("dialogues, members, meetings", "Dialogue", async () => {
      for (const [i, d] of dialogues.entries()) {
        await client.query(
          `INSERT INTO "Dialogue" ("id", "municipalityId", "slug", "title", "summary", "description", "languages", "codeOfConduct", "createdById", "createdAt", "updatedAt")
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
          [d.id, municipalityId, d.slug, dialogueTitle(d, i), "Was brauchen Sie, was schlagen Sie vor? Sagen Sie es uns in Ihrer Sprache.",
            "Die Stadt lädt alle ein, die seit der Flucht hier leben, und alle, die sie begleiten.\n\nBeiträge in jeder Sprache sind willkommen.",
            LANGUAGE_WEIGHTS.map(([language]) => language), "Wir reden miteinander, nicht übereinander. Beleidigungen werden ausgeblendet.",
            staff[0]!.id, past(220).toISOString()],
        );
        for (const meetingId of d.meetingIds) {
          await client.query(
            `INSERT INTO "Meeting" ("id", "dialogueId", "title", "startsAt", "endsAt", "place", "languages", "interpretationOffered", "createdById")
             VALUES ($1, $2, $3, $4, $5, $6, $7, true, $8)`,
            [meetingId, d.id, "Offenes Treffen im Stadtteilzentrum", past(150).toISOString(), new Date(past(150).getTime() + 2 * 3600_000).toISOString(),
              "Stadtteilzentrum Nord", ["de", "ar", "fa", "uk"], staff[1]!.id],
          );
        }
      }
      await insertMany(client, "DialogueTheme", [["dialogueId", "uuid"], ["themeId", "uuid"]], dialogues.flatMap((d) => d.themeIds.map((t) => [d.id, t])));
      const memberships = dialogues.flatMap((d) => {
        const coHost = d.pool.find((p) => p.perspective === "LIVED_EXPERIENCE") ?? d.pool[0]!;
        return [
          [uuidv7(past(220)), staff[0]!.id, d.id, "HOST", past(220)],
          [uuidv7(past(220)), moderators[0]!.id, d.id, "MODERATOR", past(220)],
          ...d.pool.map((p) => [uuidv7(past(210)), p.id, d.id, p === coHost ? "CO_HOST" : "PARTICIPANT", past(210)]),
        ];
      });
      // The co-host must have lived experience, or the dialogue cannot open (trigger).
      await client.query(`UPDATE "User" SET "perspective" = 'LIVED_EXPERIENCE' WHERE "id" = ANY($1::uuid[])`, [
        memberships.filter((m) => m[3] === "CO_HOST").map((m) => m[1]),
      ]);
      await insertMany(client, "Membership", [["id", "uuid"], ["userId", "uuid"], ["dialogueId", "uuid"], ["role", '"DialogueRole"'], ["codeOfConductAcceptedAt", "timestamp(3)"]], memberships);
      counts.Membership = memberships.length;
      await openDialogues(client, dialogues, staff[0]!.id, past);
      return dialogues.length;
    });

    const contributions = await planContributions(random, dialogues);
    await step("contributions", "Contribution", async () => {
      const recorder = staff[2]!.id;
      const rows = contributions.map((c) => {
        const pool = PHRASES[c.language];
        const source = random.weighted([["ONLINE", 85], ["MEETING", c.dialogue.meetingIds.length ? 7 : 0], ["PAPER", 5], ["INTERPRETED", 3]] as const);
        const online = source === "ONLINE";
        const author = online || random.chance(0.5) ? random.pick(c.dialogue.pool) : null;
        c.authorId = author?.id ?? null;
        const title = `${random.pick(c.kind === "NEED" ? pool.needs : pool.proposals)} (${random.pick(DISTRICTS)} ${1 + random.int(99)})`;
        const body = Array.from({ length: 2 + random.int(4) }, () => random.pick(pool.sentences)).join(" ");
        return [
          c.id, c.dialogue.id, random.pick(c.dialogue.themeIds), c.kind, title, body, c.language, random.chance(0.3) ? random.pick(DISTRICTS) : null,
          author?.id ?? null, author?.perspective ?? random.weighted(PERSPECTIVES), source,
          online ? null : recorder, source === "MEETING" ? random.pick(c.dialogue.meetingIds) : null,
          source === "INTERPRETED" ? "Dolmetscherin der Caritas" : null,
          source === "MEETING" || source === "INTERPRETED" ? c.createdAt : null, c.createdAt, c.createdAt,
        ];
      });
      await insertMany(client, "Contribution", CONTRIBUTION_COLUMNS, rows, 2000);
      return rows.length;
    });

    await step("comments and replies", "Comment", () => insertComments(client, random, contributions, options.comments, exportDialogue));
    await step("supports", "Support", () => insertSupports(client, random, contributions, options.supports, exportDialogue));
    await step("supports counted at meetings", "MeetingSupport", async () => {
      const { rows } = await client.query<{ id: string; meetingId: string }>(
        `SELECT "id", "meetingId" FROM "Contribution" WHERE "meetingId" IS NOT NULL AND "dialogueId" = ANY($1::uuid[])`,
        [dialogues.map((d) => d.id)],
      );
      const data = rows.map((r) => [uuidv7(now), r.id, r.meetingId, "LIVED_EXPERIENCE", 1 + random.int(15), staff[2]!.id]);
      await insertMany(client, "MeetingSupport", [["id", "uuid"], ["contributionId", "uuid"], ["meetingId", "uuid"], ["perspective", '"Perspective"'], ["count", "int4"], ["recordedById", "uuid"]], data);
      return data.length;
    });
    await step("machine translations into German", "Translation", async () => {
      const translated = contributions.filter((c) => c.language !== "de" && random.chance(0.1));
      const data = translated.map((c) => [uuidv7(c.createdAt), c.id, "de", random.pick(c.kind === "NEED" ? PHRASES.de.needs : PHRASES.de.proposals),
        random.pick(PHRASES.de.sentences), "MACHINE", c.createdAt, c.createdAt]);
      await insertMany(client, "Translation", [["id", "uuid"], ["contributionId", "uuid"], ["language", "text"], ["title", "text"], ["body", "text"], ["method", '"TranslationMethod"'], ["createdAt", "timestamp(3)"], ["updatedAt", "timestamp(3)"]], data);
      return data.length;
    });
    await step("hidden content, reports, moderation log", "ModerationAction", () => moderate(client, random, contributions, moderators[0]!.id, now));
    await step("withdrawn contributions", "withdrawn", async () => {
      const ids = contributions.filter((c) => c.withdrawn).map((c) => c.id);
      await client.query(`UPDATE "Contribution" SET "withdrawnAt" = "createdAt" + interval '2 days' WHERE "id" = ANY($1::uuid[])`, [ids]);
      return ids.length;
    });
    await step("responses (set statuses)", "Response", () => respond(client, random, contributions, staff[3]!.id, actorIds, now));
    await step("closing dialogues", "closed", async () => {
      const closing = dialogues.filter((d) => d.phase === "CLOSED");
      for (const d of closing) {
        await client.query(`UPDATE "Dialogue" SET "phase" = 'CLOSED', "updatedAt" = $2 WHERE "id" = $1`, [d.id, past(10).toISOString()]);
        await client.query(`INSERT INTO "PhaseChange" ("id", "dialogueId", "fromPhase", "toPhase", "changedById", "createdAt") VALUES ($1, $2, 'RESPONDING', 'CLOSED', $3, $4)`,
          [uuidv7(past(10)), d.id, staff[0]!.id, past(10).toISOString()]);
      }
      return closing.length;
    });
    await client.query("COMMIT");
    // VACUUM as well as ANALYZE: a database in use is vacuumed by autovacuum after bulk inserts,
    // which marks its pages all-visible, and index-only scans (a list's total, decision 081) rely
    // on that. A clone of the template copies its visibility map; autovacuum would never vacuum
    // it (a clone's statistics start empty).
    log("vacuuming and analysing tables …");
    await client.query("VACUUM (ANALYZE)");

    const largest = dialogues[0]!;
    return {
      municipalityId,
      largestDialogue: { id: largest.id, slug: largest.slug, contributions: largest.size },
      exportDialogue: exportDialogue ? { id: exportDialogue.id, slug: exportDialogue.slug, contributions: exportDialogue.size } : null,
      counts,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

const USER_COLUMNS = [["id", "uuid"], ["displayName", "text"], ["locale", "text"], ["perspective", '"Perspective"'], ["showPerspective", "bool"], ["createdAt", "timestamp(3)"], ["updatedAt", "timestamp(3)"]] as const;
const CONTRIBUTION_COLUMNS = [
  ["id", "uuid"], ["dialogueId", "uuid"], ["themeId", "uuid"], ["kind", '"ContributionKind"'], ["title", "text"], ["body", "text"], ["language", "text"],
  ["districtText", "text"], ["authorId", "uuid"], ["authorPerspective", '"Perspective"'], ["source", '"ContributionSource"'], ["recordedById", "uuid"],
  ["meetingId", "uuid"], ["interpreterName", "text"], ["readBackConfirmedAt", "timestamp(3)"], ["createdAt", "timestamp(3)"], ["updatedAt", "timestamp(3)"],
] as const;
const ACTORS = [
  ["Sozialamt", "MUNICIPAL_DEPARTMENT", false],
  ["Ausländerbehörde", "MUNICIPAL_DEPARTMENT", false],
  ["Jobcenter", "MUNICIPAL_DEPARTMENT", false],
  ["Caritasverband", "WELFARE_ASSOCIATION", false],
  ["Diakonie", "WELFARE_ASSOCIATION", false],
  ["Willkommensinitiative Nord", "INITIATIVE", false],
  ["Syrischer Kulturverein", "MIGRANT_SELF_ORGANISATION", true],
  ["Jugendliche ohne Grenzen", "REFUGEE_SELF_ORGANISATION", true],
] as const;

function planDialogues(random: Random, options: LargeDataOptions, people: Person[], themeIds: string[], past: (days: number) => Date): DialoguePlan[] {
  const n = Math.max(1, options.dialogues);
  // The largest dialogue gets 55 %: with 20,000 contributions, more than 500 pages of 20.
  const weights = Array.from({ length: n }, (_, i) => (i === 0 ? 0 : 1 / (i + 1)));
  const restWeight = weights.reduce((a, b) => a + b, 0);
  const largest = n === 1 ? options.contributions : Math.round(options.contributions * 0.55);
  const sizes = weights.map((w, i) => (i === 0 ? largest : Math.floor(((options.contributions - largest) * w) / restWeight)));
  sizes[n - 1] = sizes[n - 1]! + options.contributions - sizes.reduce((a, b) => a + b, 0);
  const plans: DialoguePlan[] = sizes.map((size, i) => {
    const share = size / Math.max(1, options.contributions);
    const poolSize = Math.max(Math.min(30, people.length), Math.round(people.length * Math.min(1, 0.2 + 2 * share)));
    const offset = random.int(people.length);
    return {
      id: uuidv7(past(220)),
      slug: i === 0 ? "ankommen-in-grossstadt" : `dialog-${i + 1}`,
      phase: i === 0 ? "COLLECTING" : PHASES[i % PHASES.length]!,
      size,
      pool: Array.from({ length: poolSize }, (_, k) => people[(offset + k) % people.length]!),
      themeIds: themeIds.filter((_, t) => t === 0 || random.chance(0.5)),
      meetingIds: i % 3 === 0 ? [uuidv7(past(150)), uuidv7(past(120))] : [],
    };
  });
  if (options.exportContributions > 0) {
    plans.push({
      id: uuidv7(past(220)),
      slug: "auswertung-stadtweit",
      phase: "RESPONDING",
      size: options.exportContributions,
      pool: people,
      themeIds,
      meetingIds: [uuidv7(past(150))],
    });
  }
  return plans;
}

function dialogueTitle(d: DialoguePlan, i: number): string {
  if (d.slug.startsWith("auswertung")) return "Stadtweite Befragung: Ankommen und Teilhabe (Auswertung)";
  if (i === 0) return "Ankommen in Großstadt: Was brauchen Sie?";
  return `Flüchtlingsdialog ${i + 1}: ${["Wohnen", "Arbeit", "Gesundheit", "Sprache", "Begegnung"][i % 5]} im Stadtteil`;
}

async function openDialogues(client: pg.Client, dialogues: DialoguePlan[], hostId: string, past: (days: number) => Date) {
  const order: Phase[] = ["COLLECTING", "DELIBERATING", "RESPONDING"];
  const changes: unknown[][] = [];
  for (const d of dialogues) {
    const target = d.phase === "CLOSED" ? "RESPONDING" : d.phase;
    await client.query(`UPDATE "Dialogue" SET "phase" = $2::"DialoguePhase" WHERE "id" = $1`, [d.id, target]);
    let from = "DRAFT";
    for (const [k, phase] of order.slice(0, order.indexOf(target) + 1).entries()) {
      changes.push([uuidv7(past(200 - 40 * k)), d.id, from, phase, hostId, past(200 - 40 * k)]);
      from = phase;
    }
  }
  await insertMany(client, "PhaseChange", [["id", "uuid"], ["dialogueId", "uuid"], ["fromPhase", '"DialoguePhase"'], ["toPhase", '"DialoguePhase"'], ["changedById", "uuid"], ["createdAt", "timestamp(3)"]], changes);
}

async function planContributions(random: Random, dialogues: DialoguePlan[]): Promise<ContributionRow[]> {
  const now = Date.now();
  return dialogues.flatMap((dialogue) =>
    Array.from({ length: dialogue.size }, () => {
      const createdAt = new Date(now - (20 + random.next() * 180) * DAY);
      const hidden = random.chance(0.007);
      return {
        id: uuidv7(createdAt),
        dialogue,
        kind: random.chance(0.6) ? ("NEED" as const) : ("PROPOSAL" as const),
        createdAt,
        language: random.weighted(LANGUAGE_WEIGHTS),
        hidden,
        withdrawn: !hidden && random.chance(0.01),
      };
    }),
  );
}

/** Contributions of the regular dialogues get `total`; those of the export dialogue one in five each. */
function targets(contributions: ContributionRow[], exportDialogue: DialoguePlan | null) {
  const regular = contributions.filter((c) => c.dialogue !== exportDialogue);
  const archived = contributions.filter((c) => c.dialogue === exportDialogue);
  return { regular, archived };
}

async function insertComments(client: pg.Client, random: Random, contributions: ContributionRow[], total: number, exportDialogue: DialoguePlan | null) {
  const { regular, archived } = targets(contributions, exportDialogue);
  const topLevel = new Map<string, { id: string; at: Date }[]>();
  const rows: unknown[][] = [];
  const replies: unknown[][] = [];
  const add = (c: ContributionRow) => {
    const author = random.pick(c.dialogue.pool);
    const pool = PHRASES[random.chance(0.5) ? c.language : random.weighted(LANGUAGE_WEIGHTS)];
    const language = (Object.keys(PHRASES) as PhraseLanguage[]).find((key) => PHRASES[key] === pool) ?? "de";
    const parents = topLevel.get(c.id);
    const parent = parents && random.chance(0.3) ? random.pick(parents) : null;
    const at = new Date((parent?.at ?? c.createdAt).getTime() + random.int(10 * DAY));
    const id = uuidv7(at);
    const row = [id, c.id, parent?.id ?? null, author.id, author.perspective, random.pick(pool.comments), language, at, at];
    if (parent) replies.push(row);
    else {
      rows.push(row);
      topLevel.set(c.id, [...(parents ?? []), { id, at }]);
    }
  };
  if (regular.length) {
    const draw = skewedSampler(random, regular.length);
    for (let i = 0; i < total; i += 1) add(regular[draw()]!);
  }
  for (let i = 0; i < Math.floor(archived.length / 5); i += 1) add(random.pick(archived));
  const columns = [["id", "uuid"], ["contributionId", "uuid"], ["parentId", "uuid"], ["authorId", "uuid"], ["authorPerspective", '"Perspective"'], ["body", "text"], ["language", "text"], ["createdAt", "timestamp(3)"], ["updatedAt", "timestamp(3)"]] as const;
  // Top-level comments first: a reply's parent must exist (trigger comment_reply_depth).
  await insertMany(client, "Comment", columns, rows);
  await insertMany(client, "Comment", columns, replies);
  return rows.length + replies.length;
}

async function insertSupports(client: pg.Client, random: Random, contributions: ContributionRow[], total: number, exportDialogue: DialoguePlan | null) {
  const { regular, archived } = targets(contributions, exportDialogue);
  const seen = new Set<string>();
  const rows: unknown[][] = [];
  const add = (c: ContributionRow) => {
    const person = random.pick(c.dialogue.pool);
    const key = `${c.id}:${person.id}`;
    if (seen.has(key) || person.id === c.authorId) return false;
    seen.add(key);
    const at = new Date(c.createdAt.getTime() + random.int(15 * DAY));
    rows.push([uuidv7(at), c.id, person.id, person.perspective, at]);
    return true;
  };
  if (regular.length) {
    const draw = skewedSampler(random, regular.length);
    // One person supports a contribution once: skip repeats, give up after many misses.
    for (let made = 0, attempts = 0; made < total && attempts < total * 5; attempts += 1) if (add(regular[draw()]!)) made += 1;
  }
  for (let i = 0; i < archived.length * 2; i += 1) add(random.pick(archived));
  await insertMany(client, "Support", [["id", "uuid"], ["contributionId", "uuid"], ["userId", "uuid"], ["perspective", '"Perspective"'], ["createdAt", "timestamp(3)"]], rows, 10_000);
  return rows.length;
}

async function moderate(client: pg.Client, random: Random, contributions: ContributionRow[], moderatorId: string, now: Date) {
  const hidden = contributions.filter((c) => c.hidden);
  const { rows: comments } = await client.query<{ id: string; contributionId: string; dialogueId: string }>(
    `SELECT k."id", k."contributionId", c."dialogueId" FROM "Comment" k JOIN "Contribution" c ON c."id" = k."contributionId"
      WHERE k."id" IN (SELECT "id" FROM "Comment" TABLESAMPLE BERNOULLI (0.3))`,
  );
  const categories = ["SPAM", "INSULT", "DISCRIMINATION", "PERSONAL_DATA", "OFF_TOPIC"] as const;
  const reports: unknown[][] = [];
  const actions: unknown[][] = [];
  const hide = (target: { contributionId: string | null; commentId: string | null; dialogueId: string; reporterId: string }) => {
    const category = random.pick(categories);
    const reportId = uuidv7(now);
    reports.push([reportId, target.reporterId, target.contributionId, target.commentId, category, "Bitte prüfen.", "UPHELD", moderatorId, now, now]);
    actions.push([uuidv7(now), target.dialogueId, moderatorId, "HIDE", target.contributionId, target.commentId, reportId, category, "Verstößt gegen die Gesprächsregeln.", now]);
    return category;
  };
  const byId = new Map(contributions.map((c) => [c.id, c]));
  const contributionCategories = hidden.map((c) => [c.id, hide({ contributionId: c.id, commentId: null, dialogueId: c.dialogue.id, reporterId: random.pick(c.dialogue.pool).id })]);
  const commentCategories = comments.map((k) => [k.id, hide({ contributionId: null, commentId: k.id, dialogueId: k.dialogueId, reporterId: random.pick(byId.get(k.contributionId)!.dialogue.pool).id })]);
  for (const [table, pairs] of [["Contribution", contributionCategories], ["Comment", commentCategories]] as const) {
    await client.query(
      `UPDATE "${table}" t SET "hiddenAt" = $3, "hiddenCategory" = v.category::"ModerationCategory"
         FROM unnest($1::uuid[], $2::text[]) AS v(id, category) WHERE t."id" = v.id`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1]), now.toISOString()],
    );
  }
  await insertMany(client, "Report", [["id", "uuid"], ["reporterId", "uuid"], ["contributionId", "uuid"], ["commentId", "uuid"], ["category", '"ModerationCategory"'], ["reason", "text"], ["status", '"ReportStatus"'], ["resolvedById", "uuid"], ["resolvedAt", "timestamp(3)"], ["createdAt", "timestamp(3)"]], reports);
  await insertMany(client, "ModerationAction", [["id", "uuid"], ["dialogueId", "uuid"], ["actorId", "uuid"], ["type", '"ModerationActionType"'], ["contributionId", "uuid"], ["commentId", "uuid"], ["reportId", "uuid"], ["category", '"ModerationCategory"'], ["reason", "text"], ["createdAt", "timestamp(3)"]], actions);
  return actions.length;
}

async function respond(client: pg.Client, random: Random, contributions: ContributionRow[], authorId: string, actorIds: string[], now: Date) {
  const rows: unknown[][] = [];
  for (const c of contributions) {
    if (c.hidden || c.withdrawn) continue;
    const share = ANSWERED[c.dialogue.phase] * (c.kind === "NEED" ? 1 : c.dialogue.phase === "CLOSED" ? 0.3 : 0.5);
    if (!random.chance(share)) continue;
    const first = new Date(c.createdAt.getTime() + (1 + random.int(10)) * DAY);
    const actorId = random.pick(actorIds);
    rows.push([uuidv7(first), c.id, authorId, "UNDER_REVIEW", null, "Danke, wir prüfen das mit den zuständigen Stellen.", actorId, null, first]);
    if (random.chance(0.6)) {
      const at = new Date(Math.min(now.getTime(), first.getTime() + (1 + random.int(20)) * DAY));
      const status = random.pick(FINAL_STATUSES);
      const due = status === "PLANNED" || status === "IN_PROGRESS" ? new Date(now.getTime() + (30 + random.int(120)) * DAY).toISOString().slice(0, 10) : null;
      rows.push([uuidv7(at), c.id, authorId, status, "Sozialausschuss", "Der Ausschuss hat entschieden; die Begründung steht im Protokoll.", actorId, due, at]);
    }
  }
  // In order of time: the trigger response_sets_status leaves the latest status on each contribution.
  rows.sort((a, b) => (a[8] as Date).getTime() - (b[8] as Date).getTime());
  await insertMany(client, "Response", [["id", "uuid"], ["contributionId", "uuid"], ["authorId", "uuid"], ["status", '"ContributionStatus"'], ["decidedBy", "text"], ["body", "text"], ["actorId", "uuid"], ["dueDate", "date"], ["createdAt", "timestamp(3)"]], rows);
  return rows.length;
}
