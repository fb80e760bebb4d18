// What `npm start` does when its web server ends without being asked to (the OOM killer, a
// crash): stop the database and exit non-zero, so that a supervisor which restarts on failure
// (systemd Restart=on-failure, Docker's on-failure policy) starts it again.
import os from "node:os";

export type ServerExit = { code: number | null; signal: NodeJS.Signals | null };

/** 128 + the signal's number for a killed server (as shells report it); its own code, or 1 for an unasked-for 0. */
export function exitCodeFor({ code, signal }: ServerExit): number {
  if (signal) return 128 + (os.constants.signals[signal] ?? 0);
  return code ? code : 1;
}

/**
 * Resolves, once `server` has ended on its own and `database` is stopped, with the exit code for
 * the whole start; resolves with null when the end was asked for (`stopping()`), leaving the
 * stopping to whoever asked.
 */
export async function superviseServer(options: {
  server: { status: Promise<ServerExit> };
  database: { stop: () => Promise<void> };
  stopping: () => boolean;
  log: (message: string) => void;
}): Promise<number | null> {
  const status = await options.server.status;
  if (options.stopping()) return null;
  const code = exitCodeFor(status);
  const how = status.signal ? `was killed (${status.signal})` : `exited with code ${status.code}`;
  options.log(`the web server ${how}: stopping the database and exiting with code ${code}`);
  await options.database.stop();
  return code;
}
