// The versions behind the page cache and the shared aggregates (decision 037): every write that
// changes a public page bumps its dialogue's or municipality's version at commit, on any
// connection, and a read after the commit sees it — one mechanism every app instance shares.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { isNewer, PublicVersions, type VersionScope } from "@/lib/cache/public-version";
import { addMember, createActor, createComment, createContribution, createDialogue, createMunicipality, createUser, openDialogue, respond } from "@/tests/support/factories";

const versions = new PublicVersions((sql, params) => db.$queryRawUnsafe(sql, ...params));
const read = async (scope: VersionScope) => {
  const version = await versions.read(scope);
  if (version === null) throw new Error("no version");
  return version;
};

async function openDialogueIn() {
  const municipality = await createMunicipality();
  const dialogue = await createDialogue({ municipalityId: municipality.id });
  await openDialogue(dialogue.id);
  return { municipality, dialogue };
}

describe("public versions", () => {
  it("a write in a dialogue changes that dialogue's, its municipality's and the start page's version, not another dialogue's", async () => {
    const { municipality, dialogue } = await openDialogueIn();
    const other = await openDialogueIn();
    const scopes: VersionScope[] = [
      { kind: "dialogue", municipalitySlug: municipality.slug, dialogueSlug: dialogue.slug },
      { kind: "dialogueId", dialogueId: dialogue.id },
      { kind: "municipality", municipalitySlug: municipality.slug },
      { kind: "all" },
    ];
    const otherScope: VersionScope = { kind: "dialogue", municipalitySlug: other.municipality.slug, dialogueSlug: other.dialogue.slug };
    const before = await Promise.all(scopes.map(read));
    const otherBefore = await read(otherScope);

    await createContribution({ dialogueId: dialogue.id });

    const after = await Promise.all(scopes.map(read));
    expect(after.map((version, index) => [scopes[index]!.kind, isNewer(version, before[index]!)])).toEqual(scopes.map((scope) => [scope.kind, true]));
    expect(await read(otherScope)).toBe(otherBefore);
  });

  it.each([
    ["a support", async (d: { id: string }) => {
      const contribution = await createContribution({ dialogueId: d.id });
      const user = await createUser({ perspective: "LIVED_EXPERIENCE" });
      await addMember(d.id, user.id, "PARTICIPANT");
      return async () => void (await db.support.create({ data: { contributionId: contribution.id, userId: user.id, perspective: "LIVED_EXPERIENCE" } }));
    }],
    ["a comment", async (d: { id: string }) => {
      const contribution = await createContribution({ dialogueId: d.id });
      return async () => void (await createComment({ contributionId: contribution.id }));
    }],
    ["an answer", async (d: { id: string }) => {
      const contribution = await createContribution({ dialogueId: d.id, kind: "NEED" });
      return async () => void (await respond(contribution.id, { status: "PLANNED" }));
    }],
    ["hiding a contribution", async (d: { id: string }) => {
      const contribution = await createContribution({ dialogueId: d.id });
      return async () => void (await db.contribution.update({ where: { id: contribution.id }, data: { hiddenAt: new Date(), hiddenCategory: "SPAM" } }));
    }],
    ["a phase change", async (d: { id: string }) => async () => void (await db.dialogue.update({ where: { id: d.id }, data: { phase: "DELIBERATING" } }))],
  ] as const)("%s bumps the dialogue's version", async (_name, prepare) => {
    const { dialogue } = await openDialogueIn();
    const write = await prepare(dialogue);
    const scope: VersionScope = { kind: "dialogueId", dialogueId: dialogue.id };
    const before = await read(scope);
    await write();
    expect(isNewer(await read(scope), before)).toBe(true);
  });

  // The municipality's page lists its dialogues twenty a page (decision 070): every cached page of
  // the list goes stale when a dialogue is added or moves on.
  it("a new dialogue and a phase change bump its municipality's pages", async () => {
    const { municipality } = await openDialogueIn();
    const municipal: VersionScope = { kind: "municipality", municipalitySlug: municipality.slug };
    const before = await read(municipal);
    const added = await createDialogue({ municipalityId: municipality.id });
    const afterAdding = await read(municipal);
    expect(isNewer(afterAdding, before)).toBe(true);
    await openDialogue(added.id);
    expect(isNewer(await read(municipal), afterAdding)).toBe(true);
  });

  it("an actor (organigram) bumps its municipality's pages; a public name change bumps every page", async () => {
    const { municipality, dialogue } = await openDialogueIn();
    const municipal: VersionScope = { kind: "municipality", municipalitySlug: municipality.slug };
    const dialogueScope: VersionScope = { kind: "dialogueId", dialogueId: dialogue.id };
    const before = await read(municipal);
    const dialogueBefore = await read(dialogueScope);
    await createActor({ municipalityId: municipality.id });
    expect(isNewer(await read(municipal), before)).toBe(true);
    expect(isNewer(await read(dialogueScope), dialogueBefore)).toBe(true);

    const person = await createUser();
    const beforeName = await read(dialogueScope);
    await db.user.update({ where: { id: person.id }, data: { email: `${person.id}@example.org` } });
    expect(await read(dialogueScope)).toBe(beforeName);
    await db.user.update({ where: { id: person.id }, data: { displayName: "Ein neuer Name" } });
    expect(isNewer(await read(dialogueScope), beforeName)).toBe(true);
  });

  it("a new, changed or removed logo bumps its municipality's pages (decision 036)", async () => {
    const { municipality } = await openDialogueIn();
    const municipal: VersionScope = { kind: "municipality", municipalitySlug: municipality.slug };
    const logo = { contentType: "image/png", bytes: new Uint8Array([137, 80, 78, 71]), width: 1, height: 1 };
    const steps = {
      new: () => db.municipalityLogo.create({ data: { municipalityId: municipality.id, ...logo } }),
      changed: () => db.municipalityLogo.update({ where: { municipalityId: municipality.id }, data: { width: 2 } }),
      removed: () => db.municipalityLogo.delete({ where: { municipalityId: municipality.id } }),
    };
    const bumped: Record<string, boolean> = {};
    for (const [step, write] of Object.entries(steps)) {
      const before = await read(municipal);
      await write();
      bumped[step] = isNewer(await read(municipal), before);
    }
    expect(bumped).toEqual({ new: true, changed: true, removed: true });
  });

  it("a table is watched with one call, public_version_watch: its rows bump the dialogue their column names", async () => {
    const { dialogue } = await openDialogueIn();
    const scope: VersionScope = { kind: "dialogueId", dialogueId: dialogue.id };
    const before = await read(scope);
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`CREATE TEMP TABLE probe (id int, "dialogueId" uuid) ON COMMIT DROP`);
      await tx.$executeRawUnsafe(`SELECT public_version_watch('probe', 'dialogue', 'dialogueId')`);
      await tx.$executeRawUnsafe(`INSERT INTO probe VALUES (1, $1::uuid)`, dialogue.id);
    });
    expect(isNewer(await read(scope), before)).toBe(true);
  });

  it.each([
    ["an unknown way", `SELECT public_version_watch('"Theme"', 'somewhere', 'municipalityId')`, /unknown way/],
    ["a column the table lacks", `SELECT public_version_watch('"Theme"', 'dialogue', 'dialogueId')`, /has no column/],
  ])("public_version_watch refuses %s", async (_name, sql, message) => {
    await expect(db.$executeRawUnsafe(sql)).rejects.toThrow(message);
  });

  it("a transaction bumps at its commit, not before; a rolled-back write bumps nothing", async () => {
    const { dialogue } = await openDialogueIn();
    const scope: VersionScope = { kind: "dialogueId", dialogueId: dialogue.id };
    const [one, two, three] = [await contributionData(dialogue.id), await contributionData(dialogue.id), await contributionData(dialogue.id)];
    const before = await read(scope);
    let inside = "";
    await db.$transaction(async (tx) => {
      await tx.contribution.create({ data: one });
      await tx.contribution.create({ data: two });
      inside = await read(scope); // another connection: not committed yet
    });
    expect(inside).toBe(before);
    const committed = await read(scope);
    expect(BigInt(committed) - BigInt(before)).toBe(1n); // once per transaction and scope

    await expect(
      db.$transaction(async (tx) => {
        await tx.contribution.create({ data: three });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await read(scope)).toBe(committed);
  });

  it("a slug that names nothing has no version (the page cache then stays out)", async () => {
    expect(await versions.read({ kind: "municipality", municipalitySlug: "gibt-es-nicht" })).toBeNull();
    const { municipality } = await openDialogueIn();
    expect(await versions.read({ kind: "dialogue", municipalitySlug: municipality.slug, dialogueSlug: "gibt-es-nicht" })).toBeNull();
  });

  it("concurrent readers share a query, and one that asks after a commit sees it", async () => {
    const { dialogue } = await openDialogueIn();
    const scope: VersionScope = { kind: "dialogueId", dialogueId: dialogue.id };
    const first = versions.read(scope);
    const write = createContribution({ dialogueId: dialogue.id });
    await write;
    const afterCommit = versions.read(scope); // asked after the commit, while `first` may be in flight
    const [a, b] = await Promise.all([first, afterCommit]);
    expect(isNewer(b!, a!) || a === b).toBe(true);
    expect(b).toBe(await read(scope));
  });
});

async function contributionData(dialogueId: string) {
  const dialogue = await db.dialogue.findUniqueOrThrow({ where: { id: dialogueId }, include: { themes: true } });
  const author = await createUser();
  await addMember(dialogueId, author.id, "PARTICIPANT");
  return { dialogueId, themeId: dialogue.themes[0]!.themeId, authorId: author.id, kind: "NEED" as const, title: "Ein Titel", body: "Ein Text", language: "de", authorPerspective: author.perspective };
}
