// Every address of the site is built here, and nowhere else (decision 041): a page, a link in a
// mail, a push payload, a redirect after a post, an export's and the open-data API's links. A
// builder takes the parts as they are (a slug, an id, a code) and encodes each one, so a renamed
// route is one edit here and a typo is a type error, not a 404 someone finds later. The lint rule
// in eslint.config.mjs refuses a path built by hand anywhere else.
//
// Paths come without the locale: `Link` (components/link.tsx) adds the page's language itself.
// Where nothing adds it — a redirect, a plain <a> or <form action>, a mail, a push payload — put
// the language in front with `localized(locale, path)`.
//
// Pure (no server-only modules): the proxy and client components use it.

/**
 * What a comment's action link opens on its contribution's page: that one form, for that comment
 * alone; every other comment shows its actions as links (decision 089).
 */
export const COMMENT_ACTS = ["reply", "report", "translate"] as const;
export type CommentAct = (typeof COMMENT_ACTS)[number];

/** A path on this site: one leading "/". */
export type Path = `/${string}`;

/** Query parameters; `undefined`, `null` and `false` leave the parameter out. */
export type Query = Record<string, string | number | boolean | null | undefined>;

const segment = (value: string | number) => encodeURIComponent(String(value));

/** `path?query#hash`. The hash may be given with or without its "#". */
export function withQuery(path: Path, query: Query = {}, hash?: string): Path {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === false) continue;
    search.set(name, String(value));
  }
  const text = search.toString();
  const fragment = hash ? (hash.startsWith("#") ? hash : `#${hash}`) : "";
  return `${path}${text ? `${path.includes("?") ? "&" : "?"}${text}` : ""}${fragment}` as Path;
}

/** The same path in a language: `/de/musterstadt`, and `/de` for the start page. */
export function localized(locale: string, path: Path): Path {
  if (path === "/") return `/${segment(locale)}`;
  return `/${segment(locale)}${path.startsWith("/?") || path.startsWith("/#") ? path.slice(1) : path}`;
}

/** The site's own pages, outside any municipality. */
export const sitePaths = {
  home: (): Path => "/",
  signIn: (callbackPath?: string): Path => withQuery("/sign-in", { callbackPath }),
  join: (code?: string): Path => (code ? `/join/${segment(code)}` : "/join"),
  account: (): Path => "/account",
  confirmEmail: (user: string, token: string): Path => withQuery("/account/confirm-email", { user, token }),
  notifications: (): Path => "/notifications",
  notification: (id: string): Path => `/notifications/${segment(id)}`,
  accessibility: (): Path => "/accessibility",
  unsubscribe: (user: string, token: string): Path => withQuery("/unsubscribe", { user, token }),
  /** Where a receipt code is typed in. */
  receipts: (): Path => "/r",
  /** A receipt by its code as printed on the slip ("K7MQ4-HTPWN", lib/receipts/receipt-code.ts). */
  receipt: (printedCode: string): Path => `/r/${segment(printedCode)}`,
  /** Where the versions of a host text in other languages are written. */
  hostTexts: (subject: string, id: string, language?: string): Path => withQuery(`/texts/${segment(subject)}/${segment(id)}`, { language }),
  /** Where a poll's question and answers are written in other languages, by volunteers too (decision 048). */
  pollTexts: (pollId: string, language?: string): Path => withQuery(`/texts/poll/${segment(pollId)}`, { language }),
};

/** Routes outside the locale: the API, files and the service worker. Never `localized`. */
export const apiPaths = {
  accountData: (): Path => "/api/account/data",
  flash: (): Path => "/api/flash",
  language: (): Path => "/api/language",
  digestUnsubscribe: (): Path => "/api/digest/unsubscribe",
  emailCallback: (query: Query): Path => withQuery("/api/auth/callback/email", query),
  /** The municipality's logo as we serve it: from our origin, re-encoded at upload (decision 036). */
  municipalityLogo: (municipalityId: string, version: number): Path => withQuery(`/api/municipalities/${segment(municipalityId)}/logo`, { v: version }),
  /** A contribution's photo in one of its two sizes, served only while it may be seen (decision 050). */
  contributionImage: (imageId: string, size: "phone" | "large"): Path => `/api/photos/${segment(imageId)}/${size}`,
  openApi: (): Path => "/api/v1/openapi.json",
  exportSchema: (): Path => "/api/v1/schemas/export.json",
  municipalities: (): Path => "/api/v1/municipalities",
  municipalityDialogues: (slug: string): Path => `/api/v1/municipalities/${segment(slug)}/dialogues`,
  dialogue: (id: string): Path => `/api/v1/dialogues/${segment(id)}`,
  dialogueContributions: (id: string): Path => `/api/v1/dialogues/${segment(id)}/contributions`,
  dialogueResponses: (id: string): Path => `/api/v1/dialogues/${segment(id)}/responses`,
  dialogueResults: (id: string): Path => `/api/v1/dialogues/${segment(id)}/results`,
  dialoguePolls: (id: string): Path => `/api/v1/dialogues/${segment(id)}/polls`,
  pushServiceWorker: (): Path => "/push-sw.js",
  /** Contributions like the one being written (decision 051): JSON for the post form's island. */
  similarContributions: (dialogueId: string, query: Query = {}): Path => withQuery(`/api/dialogues/${segment(dialogueId)}/similar`, query),
};

/** A municipality's pages, by its slug. */
export function municipalityPaths(slug: string) {
  const home: Path = `/${segment(slug)}`;
  return {
    home,
    dashboard: `${home}/dashboard` as Path,
    branding: `${home}/branding` as Path,
    /** Where staff connect the municipality's SMS / WhatsApp and Signal numbers. */
    messenger: `${home}/messenger` as Path,
    newDialogue: `${home}/dialogues/new` as Path,
    answerQueue: `${home}/staff/queue` as Path,
    moderation: `${home}/moderation` as Path,
    /** Where staff name the municipality's districts and upload their boundaries (decision 049). */
    districts: `${home}/districts` as Path,
    district: (id: string): Path => `${home}/districts/${segment(id)}`,
    actors: `${home}/actors` as Path,
    actorsManage: `${home}/actors/manage` as Path,
    /** An actor on the organigram. */
    actor: (id: string): Path => `${home}/actors#actor-${segment(id)}`,
    actorEdit: (id: string): Path => `${home}/actors/${segment(id)}/edit`,
    staff: `${home}/staff` as Path,
    signInCodes: `${home}/staff/sign-in-codes` as Path,
    overview: `${home}/overview` as Path,
    dialogue: (dialogue: string) => dialoguePaths(slug, dialogue),
  };
}

/** What names a dialogue in an address: its slug and its municipality's. */
export type DialogueAddress = { slug: string; municipality: { slug: string } };

/** A dialogue's pages: `dialoguePaths(dialogue)` or `dialoguePaths(municipalitySlug, dialogueSlug)`. */
export function dialoguePaths(dialogue: DialogueAddress): ReturnType<typeof pathsOfDialogue>;
export function dialoguePaths(municipality: string, dialogue: string): ReturnType<typeof pathsOfDialogue>;
export function dialoguePaths(first: DialogueAddress | string, second?: string) {
  return typeof first === "string" ? pathsOfDialogue(first, second ?? "") : pathsOfDialogue(first.municipality.slug, first.slug);
}

/** The pages of one dialogue (dialoguePaths). */
export type DialoguePaths = ReturnType<typeof pathsOfDialogue>;

function pathsOfDialogue(municipality: string, dialogue: string) {
  const home: Path = `/${segment(municipality)}/${segment(dialogue)}`;
  const contribution = (id: string): Path => `${home}/c/${segment(id)}`;
  return {
    home,
    manage: `${home}/manage` as Path,
    manageQueue: `${home}/manage/queue` as Path,
    export: `${home}/export` as Path,
    exportDownload: `${home}/export/download` as Path,
    invitations: `${home}/invitations` as Path,
    invitationPoster: (id: string): Path => `${home}/invitations/${segment(id)}/poster`,
    mediation: (caseId: string): Path => `${home}/mediation/${segment(caseId)}`,
    meetings: `${home}/meetings` as Path,
    meetingsManage: `${home}/meetings/manage` as Path,
    meetingsCalendar: `${home}/meetings/calendar.ics` as Path,
    moderation: `${home}/moderation` as Path,
    moderationLog: `${home}/moderation/log` as Path,
    newContribution: `${home}/new` as Path,
    newOffline: `${home}/new/offline` as Path,
    newVoice: `${home}/new/voice` as Path,
    /** Where the voice form posts (a route handler: it alone takes a recording's size). */
    newVoiceSend: `${home}/new/voice/send` as Path,
    recorded: `${home}/recorded` as Path,
    responsibilities: `${home}/responsibilities` as Path,
    responsibilitiesManage: `${home}/responsibilities/manage` as Path,
    results: `${home}/results` as Path,
    polls: `${home}/polls` as Path,
    pollsManage: `${home}/polls/manage` as Path,
    /** One poll on the polls page (its question, the answer form or its results). */
    poll: (id: string): Path => `${home}/polls#poll-${segment(id)}`,
    contribution,
    /**
     * One comment on its contribution's page. The thread is read a page at a time
     * (lib/comments/list-comments.ts), so the fragment alone would land on the first page: the
     * query names the comment, and the page that holds it is shown. With `act`, that comment's
     * form for it is open there (decision 089).
     */
    comment: (id: string, commentId: string, act?: CommentAct): Path => withQuery(contribution(id), { comment: commentId, act }, `comment-${segment(commentId)}`),
    receipt: (id: string): Path => `${contribution(id)}/receipt`,
    transcript: (id: string): Path => `${contribution(id)}/transcript`,
    /** The transcript page of a voice comment (decision 046). */
    commentTranscript: (id: string, commentId: string): Path => `${contribution(id)}/transcript/${segment(commentId)}`,
    voice: (id: string): Path => `${contribution(id)}/voice`,
    /** "Say it instead" for a comment, or a reply to `parentId` (decision 046). */
    voiceComment: (id: string, parentId?: string): Path => withQuery(`${contribution(id)}/voice-comment` as Path, { parent: parentId }),
    /** Where the voice comment form posts (a route handler, as newVoiceSend). */
    voiceCommentSend: (id: string): Path => `${contribution(id)}/voice-comment/send`,
    /** Where the host team merges this contribution into another (decision 051). */
    merge: (id: string): Path => `${contribution(id)}/merge`,
  };
}
