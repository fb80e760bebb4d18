// Once per `vitest run`: a database server and a migrated template database. Each test file
// then gets its own clone (tests/setup/per-file.ts), so files run in parallel and never see
// each other's rows.
import type { TestProject } from "vitest/node";
import { ensureTemplate, startTestServer } from "../../lib/db/test-databases";

declare module "vitest" {
  export interface ProvidedContext {
    dbServerUrl: string;
    dbTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const template = await ensureTemplate(server.serverUrl);
  project.provide("dbServerUrl", server.serverUrl);
  project.provide("dbTemplate", template);
  return async () => {
    await server.stop();
  };
}
