/**
 * The catalogue keys a participant reads: the pages under app/[locale] that someone who joined a
 * dialogue opens (start page, join and the sign-in code shown after it, sign-in, dialogue,
 * contribution, posting, comments, supports, notifications, account, meetings, results, the public
 * moderation log, the notices an author gets when something of theirs is hidden or reviewed, a
 * mediation case they are part of, the organigram, the rules, accessibility statement, header,
 * footer, error pages) and the e-mails they receive (sign-in link, address confirmation, digest).
 *
 * Einfache Sprache (de-simple) must have every key under these prefixes; the catalogue test checks
 * it. Everything else — the host's and moderators' dashboards, exports, invitations, the answer
 * queue, the responsibilities admin, forms only staff fill in — may fall back to standard German.
 *
 * An entry is a namespace ("join") or a dotted prefix of keys ("moderation.notice"). When a page a
 * participant sees starts to use another namespace or key, add it here and to de-simple.json.
 */
export const PARTICIPANT_MESSAGES = [
  "meta",
  "layout",
  "home",
  "dialogueCard",
  "dialogue",
  "contribution",
  "voice",
  // Saying a comment instead of typing it (decision 046).
  "voiceComment",
  // Photos on needs and proposals (decision 050).
  "images",
  // What a person who writes in by SMS / WhatsApp / Signal reads (decision 045).
  "messenger",
  "pagination",
  "notFound",
  "error",
  "feedback",
  "phases",
  "phaseHints",
  "kinds",
  "statuses",
  "perspectives",
  "themes",
  "mail.signIn",
  "mail.confirmEmail",
  "validation",
  "errors",
  "security",
  "join",
  "signIn",
  "session",
  "account",
  "exports.profile",
  "filters",
  // The district map and its table on the dialogue and results pages (decision 049).
  "districtMap",
  "post",
  // Similar contributions on the post form, and what a merge leaves on a contribution page (decision 051).
  "similar",
  "merge",
  "contributionPage",
  "comments",
  "supports",
  "translations",
  "verifiedBadge",
  // The default rules and the notes beside them; texts the host team wrote (a dialogue's
  // description, a meeting's place), marked with the language and who translated them.
  "codeOfConduct",
  "hostTexts.shownIn",
  "hostTexts.byVolunteer",
  "hostTexts.byMachine",
  "hostTexts.outdated",
  "hostTexts.alsoIn",
  "hostTexts.otherVersions",
  "hostTexts.original",
  // The translator's pages (/texts/dialogue/<id>, /texts/meeting/<id>, /texts/poll/<id>): volunteers
  // are members of the dialogue, and the host team that writes its own versions there has a co-host
  // with lived experience of flight. The municipality's introduction and an actor's description are
  // staff's and their members' (intro.municipality, intro.actor, fields.introduction, …).
  "hostTexts.pageTitle",
  "hostTexts.back",
  "hostTexts.intro.dialogue",
  "hostTexts.intro.meeting",
  "hostTexts.defaultRulesNote",
  "hostTexts.languagesHeading",
  "hostTexts.status",
  "hostTexts.originalHeading",
  "hostTexts.noOriginal",
  "hostTexts.formHeading",
  "hostTexts.fields.title",
  "hostTexts.fields.summary",
  "hostTexts.fields.place",
  "hostTexts.fields.description",
  "hostTexts.fields.codeOfConduct",
  "hostTexts.codeOfConductHint",
  "hostTexts.optional",
  "hostTexts.save",
  "hostTexts.saved",
  "hostTexts.outdatedNote",
  "hostTexts.replacesNote",
  "hostTexts.notALanguage",
  "hostTexts.originalElsewhere",
  "accessibility",
  "notifications",
  // The receipt of a voice recorded offline: its slip, its page, "I have a receipt" (decision 032).
  "receipt",
  // Follow and unfollow on a contribution, a dialogue and the account page (decision 030).
  "follow",
  // "Notifications on this phone" on the account page and after a first post (decision 031).
  "push",
  "digest",
  // The municipality's start page; its drafts list and links for staff are not listed.
  "municipality.intro",
  "municipality.dialoguesHeading",
  "municipality.none",
  // Meetings as the dialogue page and the contribution page show them; the form to plan one is staff's.
  "meetings.heading",
  "meetings.intro",
  "meetings.back",
  "meetings.calendar",
  "meetings.addToCalendar",
  "meetings.upcoming",
  "meetings.past",
  "meetings.none",
  "meetings.noneUpcoming",
  "meetings.when",
  "meetings.where",
  "meetings.languages",
  "meetings.interpretationOffered",
  "meetings.supportsHeading",
  "meetings.supportsAt",
  "meetings.supportsCount",
  "meetings.supportsNoMeeting",
  "meetings.onlineAndAtMeetings",
  // On the contribution page, for the host team's members (a co-host may be a refugee reading
  // Einfache Sprache): the form to count the support given at a meeting.
  "meetings.supportsRecord",
  "meetings.supportsRecordHint",
  "meetings.supportMeeting",
  "meetings.supportPerspective",
  "meetings.supportCount",
  "meetings.supportCountHint",
  "meetings.supportSubmit",
  "results",
  // Quick polls (decision 048): the polls page a member answers on, the page on which a volunteer
  // translates a poll (/texts/poll/<id>), and the host team's forms — a host team has a co-host
  // with lived experience of flight, who may read Einfache Sprache (as for meetings.supportsRecord).
  "polls",
  // Contributions said at a meeting or on paper, as everyone sees them in lists.
  "onBehalf.sources",
  "onBehalf.interpretedBy",
  "onBehalf.listSource",
  // What an author reads about their own hidden text, the public log, a mediation case they are in.
  "moderation.categories",
  "moderation.hidden",
  "moderation.hiddenTitle",
  "moderation.backToDialogue",
  "moderation.deletedPerson",
  "moderation.report",
  "moderation.notice",
  "moderation.review",
  "moderation.log",
  "moderation.mediation.caseTitle",
  "moderation.mediation.private",
  "moderation.mediation.participants",
  "moderation.mediation.openedBy",
  "moderation.mediation.subject",
  "moderation.mediation.status",
  "moderation.mediation.statusOpen",
  "moderation.mediation.statusClosed",
  "moderation.mediation.outcome",
  "moderation.mediation.outcomePending",
  "moderation.mediation.yourCase",
  // Who answers what: the public organigram and the list of local actors.
  "actors.title",
  "actors.intro",
  // For a member of an actor (a refugee-led association, say): the link to their own entry.
  "actors.ownEntryLink",
  "actors.none",
  "actors.kinds",
  "actors.kindsPlural",
  "actors.refugeeLed",
  "actors.responsibleFor",
  "actors.noResponsibilities",
  "actors.agreed",
  "actors.notAgreed",
  "actors.contact",
  "actors.email",
  "actors.phone",
  "actors.website",
  "actors.address",
  "responsibilities.title",
  "responsibilities.intro",
  "responsibilities.backToDialogue",
  "responsibilities.allActors",
  "responsibilities.nobody",
  "responsibilities.agreed",
  "responsibilities.notAgreed",
  "responsibilities.dialogueLink",
] as const;

/** Inside the prefixes above, yet read only by staff: the accessibility feedback e-mail goes to the municipality. */
export const STAFF_MESSAGES_WITHIN = ["accessibility.mail"] as const;

const under = (key: string, entry: string) => key === entry || key.startsWith(`${entry}.`);

/** Whether a flattened catalogue key (e.g. "join.submit") is one a participant reads. */
export function isParticipantKey(key: string): boolean {
  return PARTICIPANT_MESSAGES.some((entry) => under(key, entry)) && !STAFF_MESSAGES_WITHIN.some((entry) => under(key, entry));
}

/**
 * Standard German that is already plain, so Einfache Sprache may say exactly the same: single
 * common words, the glossary's own terms, and names that must stay as they are. Anything longer
 * than a few words is rewritten for plain German, even where the standard German reads well.
 */
export const SAME_AS_GERMAN = new Set([
  // Districts (decision 049): a plain word, a plain question, plain choices.
  "Stadtteil",
  "Stadtteile",
  "Um welchen Stadtteil geht es?",
  "Möchte ich nicht sagen",
  "Die ganze Stadt",
  "Karte: {heading}",
  // Terms from messages/glossary/de-simple.json, standing alone as a label or heading.
  "Bedarf",
  "Bedarfe",
  "Vorschlag",
  "Vorschläge",
  "Beiträge",
  "Treffen",
  "Moderation",
  "Melden",
  // Common words on buttons and labels.
  "Thema",
  "Sprache",
  "Text",
  "Ihr Text",
  "Überschrift",
  "Ihr Kommentar",
  "Ihre Antwort",
  "Weiter",
  "Zurück",
  "Zurück zum Dialog",
  "Zurück zum Beitrag",
  "Zurück zum Kommentar",
  "Zum Beitrag:",
  "Zum Beitrag",
  "Zum Kommentar",
  "Anmelden",
  "Wieder anmelden",
  "Anmelden (neuer Tab)",
  "Abmelden",
  "Mein Konto",
  "Folgen",
  "Nicht mehr folgen",
  "Dialog",
  "Beitrag",
  "Speichern",
  "Löschen",
  "Ändern",
  "geändert",
  "Antworten",
  "Übersetzen",
  "Von",
  "E-Mail",
  "Telefon",
  "Adresse",
  "Hallo,",
  // A short plain sentence: the page after a post sent signed out (lib/security/plain-pages.ts).
  "Sie sind nicht mehr angemeldet",
  // Names and placeholders: the site's name, a title template, an organisation's own name.
  "mitreden",
  "%s – mitreden",
  "{actor}",
  "{group}: {count}",
  // The error title and a summary line: one word and placeholders (components/form/form.tsx).
  "Fehler: {title}",
  "{field}: {problem}",
  // The official name and address of the arbitration board (accessibility statement).
  "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz bei dem Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen",
  "Internet: www.schlichtungsstelle-bgg.de",
]);
