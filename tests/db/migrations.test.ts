import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { diffMigrationsToSchema, SCHEMA_PATH } from "@/lib/db/diff";

describe("migrations and schema.prisma", () => {
  it("agree: applying every migration yields exactly the schema", async () => {
    const drift = await diffMigrationsToSchema(inject("dbServerUrl"));
    expect(drift, "run `npm run migration:new -- <name>` to write the missing migration").toBe("");
  });

  it("disagree as soon as the schema changes without a migration", async () => {
    const changed = readFileSync(SCHEMA_PATH, "utf8").replace(
      "model Municipality {",
      "model Municipality {\n  motto String?",
    );
    const drift = await diffMigrationsToSchema(inject("dbServerUrl"), changed);
    expect(drift).toMatch(/ALTER TABLE "Municipality" ADD COLUMN\s+"motto" TEXT/);
  });
});
