import { diffMigrationsToSchema } from "/work/main/lib/db/diff.ts";
console.log(await diffMigrationsToSchema("postgresql://postgres@127.0.0.1:5432/postgres"));
