import { hasLocale } from "next-intl";
import { getViewer } from "@/lib/auth/get-viewer";
import { isAppError } from "@/lib/errors";
import { routing } from "@/lib/i18n/routing";
import { openNotification } from "@/lib/notifications/mark-read";
import { isLocalPath } from "@/lib/routes/local-path";
import { localized, sitePaths } from "@/lib/routes/paths";
import { signInPath } from "@/lib/routes/redirect";

type Context = { params: Promise<{ locale: string; id: string }> };

// Opening a notification from the list: marks it read, then goes on to what it tells about.
// The target comes from the database and is a path on this site; the request names none.
export async function GET(_request: Request, { params }: Context) {
  const { locale: requested, id } = await params;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  const viewer = await getViewer();
  if (!viewer) return seeOther(signInPath(locale, sitePaths.notifications()));
  try {
    const { path } = await openNotification(viewer, { id });
    return seeOther(localized(locale, isLocalPath(path) ? path : sitePaths.notifications()));
  } catch (error) {
    if (isAppError(error)) return seeOther(localized(locale, sitePaths.notifications()));
    throw error;
  }
}

function seeOther(path: string): Response {
  return new Response(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}
