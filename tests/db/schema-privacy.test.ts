// Privacy by design (principle 3): never ask for asylum status, nationality, origin, religion
// or residence status. No column of the migrated database may even have room for them.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";

const FORBIDDEN = /asyl|nationalit|citizenship|origin|religio|residence|aufenthalt|herkunft|birth|ethnic/i;

describe("the schema has no place for status, nationality, origin, religion or residence", () => {
  it("has no such column", async () => {
    const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = current_schema()`;
    const names = columns.map((column) => `${column.table_name}.${column.column_name}`);

    expect(names, "the query must see the migrated tables").toContain("Contribution.authorPerspective");
    expect(names.filter((name) => FORBIDDEN.test(name))).toEqual([]);
  });

  it("has no such enum value either", async () => {
    const labels = await db.$queryRaw<{ type_name: string; label: string }[]>`
      SELECT t.typname AS type_name, e.enumlabel AS label
        FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
        JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = current_schema()`;
    const names = labels.map((entry) => `${entry.type_name}.${entry.label}`);

    expect(names).toContain("Perspective.LIVED_EXPERIENCE");
    expect(names.filter((name) => FORBIDDEN.test(name))).toEqual([]);
  });
});
