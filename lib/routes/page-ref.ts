// The page a form stands on, as its action is bound to it where the form is rendered
// (`action.bind(null, page)`, decision 042): the route's segments and the name of the page in
// lib/routes/paths.ts. The wrapper (lib/actions/form-action.ts) parses it once, like a route's
// own segments, so it can only ever name a page of this site, and `back()` goes to that very
// page. It says where to go back to, never who may do what.
//
// Pure (zod and paths only): server components build references with these types.
import { z } from "zod";
import { slugSchema } from "@/lib/dialogues/slug";
import { LANGUAGE_TAG } from "@/lib/i18n/language-tag";
import { locales } from "@/lib/i18n/routing";
import { LOCAL_PATH } from "./local-path";
import type { SubjectKind } from "@/lib/host-texts/host-text-subject";
import { dialoguePaths, municipalityPaths, sitePaths, type DialoguePaths, type Path } from "./paths";

type MunicipalityPaths = ReturnType<typeof municipalityPaths>;
/** The names of the pages in a paths record that need nothing but the record's own slugs. */
type PageNames<T> = { [K in keyof T]: T[K] extends Path ? K : never }[keyof T] & string;

/** A municipality's page by its name in municipalityPaths: "staff", "actorsManage", "branding", … */
export type MunicipalityView = PageNames<MunicipalityPaths>;
/** A dialogue's page by its name in dialoguePaths: "home", "pollsManage", "meetingsManage", … */
export type DialogueView = PageNames<DialoguePaths>;

/** A municipality's pages of one thing of it, named by its id. */
const municipalityItemViews = ["actorEdit", "district"] as const satisfies readonly (keyof MunicipalityPaths)[];
/** A contribution's own pages (dialoguePaths(…).<view>(contributionId)); "contribution" is its page. */
const contributionViews = ["contribution", "receipt", "transcript", "voice", "voiceComment", "merge"] as const satisfies readonly (keyof DialoguePaths)[];

function pageNames<T extends object>(paths: T): [PageNames<T>, ...PageNames<T>[]] {
  return Object.keys(paths).filter((name) => typeof paths[name as keyof T] === "string") as [PageNames<T>, ...PageNames<T>[]];
}

// Taken as the route gives it (a string), checked as one of our languages.
const locale = z.string().pipe(z.enum(locales));
const id = z.uuid();

/** The site's own pages a form stands on, outside any municipality (sitePaths). */
const siteViews = ["home", "account", "notifications", "accessibility", "receipts"] as const satisfies readonly (keyof typeof sitePaths)[];

/** A page of the site's own: `{ locale, view: "account" }`. */
const sitePage = z.strictObject({ locale, view: z.enum(siteViews) });
/**
 * The sign-in page, with its way back as the page got it (`?callbackPath=`): a path on this site
 * that carries its language (lib/routes/local-path.ts). One that is not is refused, not dropped.
 */
const signInPage = z.strictObject({ locale, view: z.literal("signIn"), callbackPath: z.string().regex(LOCAL_PATH).transform((path) => path as Path).optional() });
/** The codes people copy by hand: the alphabet of lib/text/typed-code.ts, as the database's CHECKs spell it. */
const CODE_CHARACTER = "[2-9A-HJKMNP-Z]";
/** A receipt's page by its code as printed on the slip, "K7MQ4-HTPWN" (lib/receipts/receipt-code.ts); not a contribution's receipt view, which has its dialogue. */
const receiptPage = z.strictObject({ locale, view: z.literal("receipt"), code: z.string().regex(new RegExp(`^${CODE_CHARACTER}{5}-${CODE_CHARACTER}{5}$`)) });
/** An invitation's page by its code as stored, "K7MQ4HTP" (invitation_code_without_lookalikes). */
const joinPage = z.strictObject({ locale, view: z.literal("join"), code: z.string().regex(new RegExp(`^${CODE_CHARACTER}{6,16}$`)) });
/** The kinds of host text (lib/host-texts/host-text-subject.ts, a server module: the type keeps the two lists equal). */
const hostTextSubjects = ["dialogue", "meeting", "actor", "municipality"] as const satisfies readonly SubjectKind[];
/** Where a host text is written in other languages (sitePaths.hostTexts): `{ locale, view: "hostTexts", subject, id, language }`. */
const hostTextsPage = z.strictObject({ locale, view: z.literal("hostTexts"), subject: z.enum(hostTextSubjects), id, language: z.string().regex(LANGUAGE_TAG).optional() });
/** A municipality's page: `{ locale, municipality, view: "actorsManage" }` (its start page without a view). */
const municipalityPage = z.strictObject({ locale, municipality: slugSchema, view: z.enum(pageNames(municipalityPaths("x"))).optional() });
/** A municipality's page of one thing: `{ locale, municipality, view: "actorEdit", id }`. */
const municipalityItemPage = z.strictObject({ locale, municipality: slugSchema, view: z.enum(municipalityItemViews), id });
/** A dialogue's page: `{ locale, municipality, dialogue, view: "pollsManage" }` (its home without a view). */
const dialoguePage = z.strictObject({ locale, municipality: slugSchema, dialogue: slugSchema, view: z.enum(pageNames(dialoguePaths("x", "x"))).optional() });
/** A contribution's page, or one of its own (`view: "receipt"`). */
const contributionPage = z.strictObject({ locale, municipality: slugSchema, dialogue: slugSchema, contributionId: id, view: z.enum(contributionViews).optional() });
/** Where a poll of the dialogue is written in other languages (sitePaths.pollTexts). */
const pollTextsPage = z.strictObject({ locale, municipality: slugSchema, dialogue: slugSchema, view: z.literal("pollTexts"), id, language: z.string().regex(LANGUAGE_TAG).optional() });

/** The pages of a dialogue (and of its contributions and polls) a form may stand on. */
export const dialoguePageRef = z.union([dialoguePage, contributionPage, pollTextsPage]);
/** The pages of a municipality, outside its dialogues, a form may stand on. */
export const municipalityPageRef = z.union([municipalityPage, municipalityItemPage]);
/** The pages of the site's own a form may stand on. */
export const sitePageRef = z.union([sitePage, signInPage, receiptPage, joinPage, hostTextsPage]);
/** Every page a form may stand on. */
export const pageRef = z.union([dialoguePageRef, municipalityPageRef, sitePageRef]);
export type SitePageRef = z.input<typeof sitePageRef>;
export type SitePage = z.output<typeof sitePageRef>;

/** A reference as a page binds it (its locale as the route gives it); the action gets it parsed. */
export type DialoguePageRef = z.input<typeof dialoguePageRef>;
export type ContributionPageRef = z.input<typeof contributionPage>;
export type MunicipalityPageRef = z.input<typeof municipalityPageRef>;
export type PageRef = z.input<typeof pageRef>;
export type DialoguePage = z.output<typeof dialoguePageRef>;
export type MunicipalityPage = z.output<typeof municipalityPageRef>;
export type Page = z.output<typeof pageRef>;

/** The path of the page a reference names (without the locale, which the redirect adds). */
export function pagePath(page: Page): Path {
  if (page.view === "hostTexts") return sitePaths.hostTexts(page.subject, page.id, page.language);
  if (!("municipality" in page)) {
    if (page.view === "signIn") return sitePaths.signIn(page.callbackPath);
    if ("code" in page) return sitePaths[page.view](page.code);
    return sitePaths[page.view]();
  }
  if (!("dialogue" in page)) {
    const paths = municipalityPaths(page.municipality);
    return "id" in page ? paths[page.view](page.id) : paths[page.view ?? "home"];
  }
  const paths = dialoguePaths(page.municipality, page.dialogue);
  if ("contributionId" in page) return paths[page.view ?? "contribution"](page.contributionId);
  if ("id" in page) return sitePaths.pollTexts(page.id, page.language);
  return paths[page.view ?? "home"];
}
