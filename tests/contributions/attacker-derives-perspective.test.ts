// The attacker of issue 12, finding 1: someone collects everything a signed-out client can read
// (the open-data API, the data the public pages render, the contribution list in every order)
// and what a moderator's export holds in every format, and tries to learn the perspective of a
// person who keeps it private (docs/design.md, principle 4; docs/decisions/024-private-perspective.md).
//
// Two checks. The first plays the attacks the review found: join an item's perspective with the
// name on its page, and read the groups off the "needs from people with lived experience first"
// order. The second is stronger and covers what nobody has thought of yet: everything collected
// must be exactly the same whatever the private people's perspectives are (non-interference).
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Request headers are a stand-in: the open-data rate limit reads the client address from them.
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.12" }) }));

import { GET as contributionsRoute } from "@/app/api/v1/dialogues/[id]/contributions/route";
import { GET as resultsRoute } from "@/app/api/v1/dialogues/[id]/results/route";
import { GET as responsesRoute } from "@/app/api/v1/dialogues/[id]/responses/route";
import { GET as dialogueRoute } from "@/app/api/v1/dialogues/[id]/route";
import { CONTRIBUTION_KINDS, CONTRIBUTION_SORTS } from "@/lib/contributions/contribution-filters";
import { listComments } from "@/lib/comments/list-comments";
import { getContribution } from "@/lib/contributions/get-contribution";
import { listContributions } from "@/lib/contributions/list-contributions";
import { db } from "@/lib/db/client";
import { RECORD_TYPE_KEYS, RECORD_TYPES, type RecordTypeKey } from "@/lib/exports/definition";
import { exportDialogue, labelsFor } from "@/lib/exports/export-dialogue";
import type { Labels } from "@/lib/exports/writers";
import type { Perspective } from "@/lib/generated/prisma/enums";
import type { Viewer } from "@/lib/policy/policy";
import { getDialogueResults } from "@/lib/results/get-dialogue-results";
import { giveSupport } from "@/lib/supports/give-support";
import { refusal } from "@/tests/db/expect-constraint";
import { addMember, createComment, createContribution, createDialogue, createMeeting, createUser, openDialogue, respond, unique } from "@/tests/support/factories";
import { viewerOf } from "@/tests/support/viewers";

type Person = { id: string; name: string; perspective: Perspective; shows: boolean };

let dialogueId: string;
let moderator: Viewer;
const people: Person[] = [];
/** Who wrote each contribution and comment (null: a voice recorded offline, without an account). */
const authorOf = new Map<string, Person | null>();
let offlineVoiceId: string;
let agreedVoiceId: string;

const privatePeople = () => people.filter((person) => !person.shows);
const shownPerspective = new Map<string, Perspective>();

beforeAll(async () => {
  const dialogue = await createDialogue();
  dialogueId = dialogue.id;
  await openDialogue(dialogueId);
  const moderatorUser = await createUser({ displayName: unique("Moderatorin"), perspective: "LOCAL_ACTOR" });
  await addMember(dialogueId, moderatorUser.id, "MODERATOR");
  moderator = await viewerOf(moderatorUser.id);

  // Five people who keep their perspective private (two of them are named in exports by their
  // own choice), and three who show it.
  const cast: [string, Perspective, { shows: boolean; namedInExports: boolean }][] = [
    ["Amal", "LIVED_EXPERIENCE", { shows: false, namedInExports: true }],
    ["Bashir", "LIVED_EXPERIENCE", { shows: false, namedInExports: true }],
    ["Dana", "LIVED_EXPERIENCE", { shows: false, namedInExports: false }],
    ["Farid", "LIVED_EXPERIENCE", { shows: false, namedInExports: false }],
    ["Hevin", "LOCAL_ACTOR", { shows: false, namedInExports: false }],
    ["Ella", "LIVED_EXPERIENCE", { shows: true, namedInExports: true }],
    ["Gert", "LOCAL_ACTOR", { shows: true, namedInExports: true }],
    ["Nora", "NOT_STATED", { shows: true, namedInExports: false }],
  ];
  for (const [first, perspective, { shows, namedInExports }] of cast) {
    const user = await createUser({ displayName: unique(first), perspective, showPerspective: shows, showNameInExports: namedInExports });
    people.push({ id: user.id, name: user.displayName, perspective, shows });
    if (shows) shownPerspective.set(user.displayName, perspective);
  }

  // Needs and proposals, written one minute apart in an order that mixes the groups, so that
  // sorting by perspective makes the dates restart at each group's boundary.
  const start = Date.now() - 24 * 60 * 60 * 1000;
  let minute = 0;
  const at = () => new Date(start + (minute += 1) * 60_000);
  const contributions: string[] = [];
  for (const round of [0, 1]) {
    for (const person of people) {
      const kind = round === 0 || person.name.startsWith("Amal") ? "NEED" : "PROPOSAL";
      const contribution = await createContribution({ dialogueId, authorId: person.id, kind, createdAt: at() });
      authorOf.set(contribution.id, person);
      contributions.push(contribution.id);
    }
  }
  // A voice recorded at a meeting: no account, so nobody could choose to show its perspective.
  const meeting = await createMeeting({ dialogueId, startsAt: new Date(start) });
  const recorder = await createUser({ perspective: "MUNICIPAL_STAFF" });
  const offline = await createContribution({
    dialogueId,
    authorId: null,
    authorPerspective: "LIVED_EXPERIENCE",
    source: "MEETING",
    meetingId: meeting.id,
    recordedById: recorder.id,
    readBackConfirmedAt: new Date(),
    createdAt: at(),
  });
  offlineVoiceId = offline.id;
  authorOf.set(offline.id, null);
  contributions.push(offline.id);
  // …and one whose person agreed, when it was read back, to show it.
  const agreed = await createContribution({
    dialogueId,
    authorId: null,
    authorPerspective: "LIVED_EXPERIENCE",
    voiceShowsPerspective: true,
    source: "PAPER",
    recordedById: recorder.id,
    readBackConfirmedAt: new Date(),
    createdAt: at(),
  });
  agreedVoiceId = agreed.id;

  // Everyone comments on someone else's first contribution, and answers in a reply.
  for (const [index, person] of people.entries()) {
    const on = contributions[(index + 1) % people.length]!;
    const comment = await createComment({ contributionId: on, authorId: person.id, createdAt: at() });
    authorOf.set(comment.id, person);
    const reply = await createComment({ contributionId: on, authorId: person.id, parentId: comment.id, createdAt: at() });
    authorOf.set(reply.id, person);
  }
  // A hidden contribution by a private person, for the moderator's export with hidden content.
  const hidden = await createContribution({ dialogueId, authorId: people[0]!.id, hiddenAt: new Date(), hiddenCategory: "SPAM", createdAt: at() });
  authorOf.set(hidden.id, people[0]!);

  // Support comes from people who show their perspective and from a meeting: supports are
  // anonymous everywhere (no surface names a supporter), so their tallies are fair aggregates.
  for (const person of people.filter((p) => p.shows)) {
    for (const contributionId of contributions.slice(0, 4)) {
      await db.support.create({ data: { contributionId, userId: person.id, perspective: person.perspective } });
    }
  }
  await db.meetingSupport.create({
    data: { contributionId: contributions[0]!, meetingId: meeting.id, perspective: "LIVED_EXPERIENCE", count: 3, recordedById: recorder.id },
  });
  await respond(contributions[1]!, { status: "PLANNED", decidedBy: "Integrationsbeirat" });
});

// --- what the attacker collects ------------------------------------------------------------

type Json = unknown;

async function getJson(route: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>, url: string): Promise<Json> {
  const response = await route(new Request(url), { params: Promise.resolve({ id: dialogueId }) });
  expect(response.status).toBe(200);
  return response.json();
}

async function allPages(route: Parameters<typeof getJson>[0], path: string): Promise<Json[]> {
  const items: Json[] = [];
  let url: string | null = `https://mitreden.example/api/v1/dialogues/${dialogueId}/${path}?limit=3`;
  while (url) {
    const body = (await getJson(route, url)) as { data: Json[]; links: { next: string | null } };
    items.push(...body.data);
    url = body.links.next;
  }
  return items;
}

/** The contribution list a reader pages through, in every order, for each kind and for all. */
async function lists() {
  const orders: Record<string, string[]> = {};
  for (const sort of CONTRIBUTION_SORTS) {
    for (const kind of [undefined, ...CONTRIBUTION_KINDS]) {
      const ids: string[] = [];
      for (let page = 1; ; page += 1) {
        const result = await listContributions({ dialogueId, page, locale: "de", filters: { sort, kind } });
        ids.push(...result.items.map((item) => item.id));
        if (page >= result.pageCount) break;
      }
      orders[`${sort}:${kind ?? "all"}`] = ids;
    }
  }
  return orders;
}

type Table = Record<string, unknown>[];

/**
 * A table whose header row holds the translated labels, as rows keyed like the JSON export: a
 * coded column's code twin under its key (the attacker reads codes), its words under `<key>Label`.
 */
function keyed(key: RecordTypeKey, header: unknown[], records: unknown[][], labels: Labels): Table {
  const keys = header.map((cell) => {
    for (const column of RECORD_TYPES[key].columns) {
      if (column.code && labels.codeColumn(column.label) === cell) return column.key;
      if (labels.column(column.label) === cell) return column.code ? `${column.key}Label` : column.key;
    }
    return String(cell);
  });
  return records.map((record) => Object.fromEntries(keys.map((k, index) => [k, record[index] ?? null])));
}

async function bytesOf(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(body).arrayBuffer());
}

/** The moderator's export in every format: JSON, one CSV per record type, XLSX. */
async function moderatorExports(includeHidden: boolean) {
  const labels = await labelsFor("de");
  const json = JSON.parse(
    (await bytesOf((await exportDialogue(moderator, { dialogueId, format: "json", includeHidden })).body)).toString("utf8"),
  ) as Record<string, unknown>;
  delete json.exportedAt;
  const csv: Partial<Record<RecordTypeKey, Table>> = {};
  for (const key of RECORD_TYPE_KEYS) {
    const rows = parse(await bytesOf((await exportDialogue(moderator, { dialogueId, format: "csv", recordType: key, includeHidden })).body), {
      bom: true,
    }) as string[][];
    csv[key] = keyed(key, rows[0] ?? [], rows.slice(1), labels);
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await bytesOf((await exportDialogue(moderator, { dialogueId, format: "xlsx", includeHidden })).body)) as unknown as ArrayBuffer);
  const xlsx: Partial<Record<RecordTypeKey, Table>> = {};
  RECORD_TYPE_KEYS.forEach((key, index) => {
    const sheet = workbook.worksheets[index]!;
    const values = sheet.getSheetValues().slice(1).map((row) => (Array.isArray(row) ? row.slice(1) : []));
    xlsx[key] = keyed(key, values[0] ?? [], values.slice(1), labels);
  });
  return { json, csv, xlsx };
}

/** Everything, as plain JSON (dates as strings), so that two collections compare exactly. */
async function collect() {
  const api = {
    dialogue: await getJson(dialogueRoute, `https://mitreden.example/api/v1/dialogues/${dialogueId}`),
    contributions: await allPages(contributionsRoute, "contributions"),
    responses: await allPages(responsesRoute, "responses"),
    results: await getJson(resultsRoute, `https://mitreden.example/api/v1/dialogues/${dialogueId}/results`),
  };
  const orders = await lists();
  const ids = [...new Set(Object.values(orders).flat())];
  const pages = Object.fromEntries(
    await Promise.all(
      ids.map(async (id) => {
        const contribution = await getContribution({ contributionId: id, dialogueId }, null);
        const threads = [];
        for (let from: string | undefined, guard = 0; guard < 50; guard += 1) {
          const page = await listComments(id, { from }, null);
          threads.push(...page.threads);
          if (!page.later) break;
          from = page.later;
        }
        return [id, { contribution, comments: threads }] as const;
      }),
    ),
  );
  const results = await getDialogueResults(null, { dialogueId });
  const exports = { plain: await moderatorExports(false), withHidden: await moderatorExports(true) };
  return JSON.parse(JSON.stringify({ api, orders, pages, results, exports })) as {
    api: { contributions: Record<string, unknown>[] };
    orders: Record<string, string[]>;
    pages: Record<string, { contribution: { author: { displayName: string } | null }; comments: PageComment[] }>;
    exports: Record<"plain" | "withHidden", { json: Record<string, unknown>; csv: Record<RecordTypeKey, Table>; xlsx: Record<RecordTypeKey, Table> }>;
  };
}
type PageComment = { id: string; author: { displayName: string }; replies: PageComment[] };
type Collected = Awaited<ReturnType<typeof collect>>;

// --- the attacks ---------------------------------------------------------------------------

/** Every perspective the attacker can pin on a name, by name. */
function derive(view: Collected): Map<string, Set<string>> {
  // Names, from the public pages: a contribution's author and each comment's author.
  const nameOf = new Map<string, string>();
  for (const [id, page] of Object.entries(view.pages)) {
    if (page.contribution.author) nameOf.set(id, page.contribution.author.displayName);
    for (const comment of page.comments.flatMap((c) => [c, ...c.replies])) nameOf.set(comment.id, comment.author.displayName);
  }
  // Export rows name people who opted in: a hidden contribution's author too.
  const derived = new Map<string, Set<string>>();
  const pin = (name: string | undefined, perspective: unknown) => {
    if (!name || typeof perspective !== "string" || perspective === "") return;
    derived.set(name, (derived.get(name) ?? new Set()).add(perspective));
  };

  // 1. A perspective per item, joined with the name on the item's page (or in the same row).
  const perItem: Record<string, unknown>[] = [
    ...view.api.contributions,
    ...Object.values(view.exports).flatMap((files) => [
      ...((files.json.contributions as Table) ?? []),
      ...((files.json.comments as Table) ?? []),
      ...files.csv.contributions,
      ...files.csv.comments,
      ...files.xlsx.contributions,
      ...files.xlsx.comments,
    ]),
  ];
  for (const row of perItem) {
    pin(nameOf.get(String(row.id)), row.perspective);
    pin(typeof row.authorName === "string" ? row.authorName : undefined, row.perspective);
  }

  // 2. The lived-experience-first order: newest first within a group, so the dates restart at
  // each boundary. A group in which everyone who shows a perspective shows the same one is
  // read as that perspective for all its members.
  const createdAt = new Map(view.api.contributions.map((row) => [String(row.id), String(row.createdAt)]));
  for (const [order, ids] of Object.entries(view.orders)) {
    if (!order.startsWith("needs:")) continue;
    const groups: string[][] = [];
    ids.forEach((id, index) => {
      const previous = ids[index - 1];
      if (!previous || (createdAt.get(id) ?? "") > (createdAt.get(previous) ?? "")) groups.push([]);
      groups.at(-1)!.push(id);
    });
    for (const group of groups) {
      const shown = new Set(group.map((id) => shownPerspective.get(nameOf.get(id) ?? "")).filter(Boolean));
      if (shown.size === 1) for (const id of group) pin(nameOf.get(id), [...shown][0]);
    }
  }
  return derived;
}

/** Gives each private person (and the offline voice) the other perspective, everywhere it is stored. */
async function swapPrivatePerspectives() {
  const other = (perspective: Perspective): Perspective => (perspective === "LIVED_EXPERIENCE" ? "LOCAL_ACTOR" : "LIVED_EXPERIENCE");
  for (const person of privatePeople()) {
    person.perspective = other(person.perspective);
    await db.user.update({ where: { id: person.id }, data: { perspective: person.perspective } });
    await db.contribution.updateMany({ where: { authorId: person.id }, data: { authorPerspective: person.perspective } });
    await db.comment.updateMany({ where: { authorId: person.id }, data: { authorPerspective: person.perspective } });
  }
  const offline = await db.contribution.findUniqueOrThrow({ where: { id: offlineVoiceId } });
  await db.contribution.update({ where: { id: offlineVoiceId }, data: { authorPerspective: other(offline.authorPerspective) } });
}

describe("an attacker with everything public and a moderator's export", () => {
  it("cannot pin their private perspective on anyone who keeps it private", async () => {
    const view = await collect();
    // The attacker's material is real: every item has its name, every private person is in it.
    const pages = JSON.stringify(view.pages);
    expect(privatePeople().filter((person) => !pages.includes(person.name)).map((person) => person.name), "private people missing from the pages").toEqual([]);
    const derived = derive(view);
    const leaks = privatePeople()
      .filter((person) => derived.get(person.name)?.has(person.perspective))
      .map((person) => `${person.name}: ${person.perspective}`);
    expect(leaks).toEqual([]);
    // …while those who show it can still be seen with it.
    const shown = people.filter((p) => p.shows && p.perspective !== "NOT_STATED");
    expect(shown.filter((person) => !derived.get(person.name)?.has(person.perspective)).map((person) => `${person.name}: ${person.perspective}`)).toEqual([]);
  });

  it("cannot tell a perspective kept private from a stated \"not stated\": the same code and word in every format", async () => {
    const view = await collect();
    const notStated: unknown[] = [];
    const empty: string[] = [];
    const unnamed: string[] = [];
    for (const [scope, files] of Object.entries(view.exports)) {
      for (const [format, tables] of [["json", files.json as Record<string, Table>], ["csv", files.csv], ["xlsx", files.xlsx]] as const) {
        for (const recordType of ["contributions", "comments"] as const) {
          const rows = tables[recordType] ?? [];
          if (rows.length === 0) empty.push(`${scope} ${format} ${recordType}`);
          for (const row of rows) {
            // Every row names a perspective; an empty code would mark its author as private.
            if (!["LIVED_EXPERIENCE", "LOCAL_ACTOR", "MUNICIPAL_STAFF", "NOT_STATED"].includes(row.perspective as string)) {
              unnamed.push(`${scope} ${format} ${recordType} ${String(row.id)}: ${String(row.perspective)}`);
            }
            if (row.perspective === "NOT_STATED") notStated.push(row.perspectiveLabel);
          }
        }
      }
    }
    expect(empty, "exports without rows").toEqual([]);
    expect(unnamed, "rows without a perspective").toEqual([]);
    // Private people, the offline voice and Nora, who states "not stated": one word for all.
    expect(notStated.length).toBeGreaterThan(6 * 2);
    expect(new Set(notStated)).toEqual(new Set([(await labelsFor("de")).term("perspectives", "NOT_STATED")]));
  });

  it("sees exactly the same whatever the private people's perspectives are", async () => {
    const before = await collect();
    await swapPrivatePerspectives();
    const after = await collect();
    expect(after.api).toEqual(before.api);
    expect(after.orders).toEqual(before.orders);
    expect(after.pages).toEqual(before.pages);
    expect(after).toEqual(before);
  });

  it("still lists needs from people who show lived experience first, and shows it with them", async () => {
    const { orders, api } = await collect();
    const needs = orders["needs:NEED"]!;
    const livedExperience = people.filter((p) => p.shows && p.perspective === "LIVED_EXPERIENCE").map((p) => p.id);
    // Ella's need and the offline voice that agreed, newest first; then everyone else.
    const first = await db.contribution.findMany({ where: { id: { in: needs.slice(0, 2) } }, select: { id: true, authorId: true } });
    expect(first.map((row) => row.authorId ?? row.id).sort()).toEqual([...livedExperience, agreedVoiceId].sort());
    const agreed = api.contributions.find((row) => row.id === agreedVoiceId);
    expect(agreed?.perspective).toBe("LIVED_EXPERIENCE");
    expect(api.contributions.find((row) => row.id === offlineVoiceId)?.perspective).toBeNull();
  });

  // Security review of decision 024: "1 support · 1 lived experience" on a need whose author is
  // named would tell the author's private perspective if the author could support it.
  it("cannot read a private perspective off a self-support: the author's own support is refused, in the app and in the database", async () => {
    // Members, so that only the rule about one's own contribution can refuse them.
    for (const person of privatePeople()) await addMember(dialogueId, person.id, "PARTICIPANT");
    const before = await collect();
    const outcomes = [];
    for (const person of privatePeople()) {
      const viewer = await viewerOf(person.id);
      const own = await db.contribution.findFirstOrThrow({ where: { dialogueId, authorId: person.id, hiddenAt: null } });
      const app = await giveSupport(viewer, { contributionId: own.id }).then(
        () => "supported",
        (error: unknown) => (error as { code?: unknown }).code,
      );
      const database = await refusal(db.support.create({ data: { contributionId: own.id, userId: person.id, perspective: person.perspective } })).then(
        (refused) => refused.constraint,
        (error: unknown) => String(error),
      );
      outcomes.push({ person: person.name, app, database, supports: await db.support.count({ where: { contributionId: own.id, userId: person.id } }) });
    }
    expect(outcomes).toEqual(privatePeople().map((person) => ({ person: person.name, app: "FORBIDDEN", database: "support_not_by_author", supports: 0 })));
    expect(await collect()).toEqual(before);
  });
});
