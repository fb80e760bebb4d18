import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";

// Puts the locale into every page URL: `/` and unprefixed paths are redirected to the
// language the browser asks for (Accept-Language), German when none of ours matches.
export default createMiddleware(routing);

export const config = {
  // Not the JSON API and health check, Next's own files, or anything with a file extension.
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};
