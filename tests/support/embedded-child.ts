// A process that starts an embedded PostgreSQL on argv[2] (data folder) and argv[3] (port),
// prints "postmaster <pid>" and stays up: tests kill it with SIGKILL to leave the server behind.
import { startEmbeddedPostgres } from "../../lib/db/embedded";

const server = await startEmbeddedPostgres({ dir: process.argv[2]!, port: Number(process.argv[3]) });
console.log(`postmaster ${server.pid}`);
setInterval(() => {}, 60_000);
