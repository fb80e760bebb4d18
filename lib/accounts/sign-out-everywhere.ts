import "server-only";
import { deleteAllSessions } from "@/lib/auth/sessions";
import { authorize, ownAccount, type Viewer } from "@/lib/policy/policy";

/** Ends every session of the viewer's own account, on every device (suspended or not). */
export async function signOutEverywhere(viewer: Viewer | null): Promise<void> {
  authorize(viewer, "sessions:end:own", ownAccount(viewer));
  await deleteAllSessions(viewer.id);
}
