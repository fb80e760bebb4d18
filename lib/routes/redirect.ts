// The one way a page or an action sends the browser elsewhere: Next.js's own `redirect` with a
// path from lib/routes/paths.ts and its language (decision 041). next-intl's `redirect` is not
// exported (lib/i18n/navigation.ts): one API, one kind of argument.
import { redirect } from "next/navigation";
import { localized, sitePaths, type Path } from "./paths";

/** To `path` in `locale`. */
export function redirectTo(locale: string, path: Path): never {
  redirect(localized(locale, path));
}

/**
 * To a path that already carries its language: a sign-in's way back (checked by
 * lib/routes/local-path.ts, as the sign-in page's reference carries it).
 */
export function redirectToLocalized(path: Path): never {
  redirect(path);
}

/** To the sign-in page, which brings the person back to `path` (in `locale`) afterwards. */
export function redirectToSignIn(locale: string, path: Path): never {
  redirect(signInPath(locale, path));
}

/** The sign-in page in `locale` with its way back to `path` in the same language. */
export function signInPath(locale: string, path: Path): Path {
  return localized(locale, sitePaths.signIn(localized(locale, path)));
}
