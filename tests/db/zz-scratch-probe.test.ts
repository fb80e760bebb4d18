import { it } from "vitest";
import { db } from "@/lib/db/client";

function show(label: string, e: unknown) {
  const err = e as Record<string, unknown> & Error;
  console.log(label, "\n  class:", err?.constructor?.name, "\n  code:", err.code, "\n  meta:", JSON.stringify(err.meta), "\n  message:", String(err.message).slice(-400), "\n  cause:", err.cause);
}

it("probe", async () => {
  const m = await db.municipality.create({ data: { slug: "probe-x", name: "Probe" } });
  const u = await db.user.create({ data: { displayName: "A" } });
  try { await db.municipality.create({ data: { slug: "Bad Slug", name: "x" } }); } catch (e) { show("check", e); }
  try { await db.municipality.create({ data: { slug: "probe-x", name: "x" } }); } catch (e) { show("unique", e); }
  try { await db.dialogue.create({ data: { municipalityId: m.id, slug: "d", title: "t", summary: "s", description: "d", languages: ["de"], codeOfConduct: "c", createdById: u.id, phase: "COLLECTING" } }); } catch (e) { show("trigger", e); }
  try { await db.dialogue.create({ data: { municipalityId: "0190a000-0000-7000-8000-000000000000", slug: "d", title: "t", summary: "s", description: "d", languages: ["de"], codeOfConduct: "c", createdById: u.id } }); } catch (e) { show("fk", e); }
  try { await db.$executeRawUnsafe(`UPDATE "Dialogue" SET phase='COLLECTING'`); await db.$executeRawUnsafe(`INSERT INTO "Dialogue"(id, "municipalityId", slug, title, summary, description, languages, "codeOfConduct", "createdById", phase, "updatedAt") VALUES (gen_random_uuid(), '${m.id}', 'x', 't','s','d','{de}','c','${u.id}','CLOSED', now())`); } catch (e) { show("raw trigger", e); }
  try { await db.$executeRawUnsafe(`INSERT INTO "Municipality"(id, slug, name) VALUES (gen_random_uuid(), 'Bad Slug', 'x')`); } catch (e) { show("raw check", e); }
  try { await db.$executeRawUnsafe(`INSERT INTO "Municipality"(id, slug, name) VALUES (gen_random_uuid(), 'probe-x', 'x')`); } catch (e) { show("raw unique", e); }
  try { await db.$executeRawUnsafe(`DELETE FROM "User"`); } catch (e) { show("raw restrict", e); }
  await db.dialogue.create({ data: { municipalityId: m.id, slug: "d2", title: "t", summary: "s", description: "d", languages: ["de"], codeOfConduct: "c", createdById: u.id } });
  try { await db.user.delete({ where: { id: u.id } }); } catch (e) { show("restrict", e); }
});
