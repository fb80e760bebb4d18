import { exportOwnData } from "@/lib/accounts/export-own-data";
import { getViewer } from "@/lib/auth/get-viewer";
import { APP_ERROR_STATUS } from "@/lib/errors";
import { availableRoute } from "@/lib/health/available-route";

// "Download my data" (GDPR Art. 15 and 20): a file, never cached by a browser or proxy on a
// shared phone.
export const GET = availableRoute(async (): Promise<Response> => {
  const viewer = await getViewer();
  if (!viewer) {
    return Response.json({ error: "UNAUTHENTICATED" }, { status: APP_ERROR_STATUS.UNAUTHENTICATED, headers: { "Cache-Control": "no-store" } });
  }
  const data = await exportOwnData(viewer);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="mitreden-data.json"',
      "Cache-Control": "no-store",
    },
  });
});
