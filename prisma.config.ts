import "dotenv/config";
import { defineConfig } from "prisma/config";

// Prisma 7 reads no .env by itself; dotenv does it here for the CLI. Migrations are applied by
// scripts/migrate.ts (see docs/decisions/001-migrations-without-native-engine.md), never by
// `prisma migrate` on machines without the native schema engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/mitreden" },
});
