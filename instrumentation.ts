// Runs once when a server process starts (not during `next build`, not in tests).
export async function register() {
  // The daily e-mail digest needs Node (SMTP, Postgres): not in the edge runtime.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { scheduleDailyDigest } = await import("./lib/notifications/digest-schedule");
  scheduleDailyDigest();
}
