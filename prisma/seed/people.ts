// The people of the demo municipality. Most people with lived experience of flight have no
// e-mail address: an account needs a display name and nothing else (docs/design.md, principle 3).
// Nobody's asylum or residence status, nationality, origin or religion appears anywhere.
import { snapshotOf, type Perspective } from "../../lib/perspectives/perspectives";
import type { PersonSeed } from "./types";

export const PEOPLE = {
  admin: {
    displayName: "Kai Brenner",
    email: "admin@mitreden.example",
    locale: "de",
    perspective: "NOT_STATED",
    showPerspective: false,
    isPlatformAdmin: true,
    since: -720,
    demo: { description: "Platform admin: runs this installation of mitreden", signInCode: "J8UG-5JE7-AH2K" },
  },
  integration: {
    displayName: "Sabine Krüger",
    email: "integration@musterstadt.example",
    locale: "de",
    perspective: "NOT_STATED",
    showPerspective: true,
    municipalityRoles: ["STAFF"],
    since: -700,
    demo: {
      description: "Integration officer (staff): hosts dialogues, answers needs, assigns responsibility",
      signInCode: "6DNY-V5DZ-MKXR",
    },
  },
  volunteering: {
    displayName: "Jonas Weber",
    email: "ehrenamt@musterstadt.example",
    locale: "de",
    perspective: "NOT_STATED",
    showPerspective: true,
    municipalityRoles: ["STAFF"],
    since: -690,
    demo: {
      description: "Volunteer coordinator (staff): co-hosts, enters what was said at meetings and on paper",
      signInCode: "A8XJ-VY3H-NNB5",
    },
  },
  housing: {
    displayName: "Petra Lange",
    email: "wohnen@musterstadt.example",
    locale: "de",
    perspective: "NOT_STATED",
    showPerspective: true,
    municipalityRoles: ["STAFF"],
    since: -680,
  },
  moderator: {
    displayName: "Miriam Hoffmann",
    email: "moderation@musterstadt.example",
    locale: "de",
    perspective: "LOCAL_ACTOR",
    showPerspective: false,
    municipalityRoles: ["MODERATOR"],
    since: -600,
    demo: {
      description: "Moderator (trained mediator): handles reports, hides with a reason, exports results",
      signInCode: "D9VV-4J4W-236W",
    },
  },
  hannelore: {
    displayName: "Hannelore Schmitt",
    email: "h.schmitt@willkommen-weststadt.example",
    locale: "de",
    perspective: "LOCAL_ACTOR",
    showPerspective: true,
    since: -650,
    demo: {
      description:
        "Volunteer of the Willkommensinitiative Weststadt (local actor), co-host of the housing dialogue, records paper forms and meetings in the language dialogue",
      signInCode: "JS9A-VRUZ-FZ56",
    },
  },
  lena: { displayName: "Lena Fischer", locale: "de", perspective: "LOCAL_ACTOR", showPerspective: true, since: -500 },
  klaus: {
    displayName: "Klaus Neumann",
    email: "migrationsberatung@diakonie-musterstadt.example",
    locale: "de",
    perspective: "LOCAL_ACTOR",
    showPerspective: true,
    since: -650,
  },
  mehmet: { displayName: "Mehmet Yılmaz", locale: "de", perspective: "LOCAL_ACTOR", showPerspective: true, since: -480 },
  birgit: { displayName: "Birgit Wagner", locale: "de", perspective: "NOT_STATED", showPerspective: false, since: -460 },
  amal: {
    displayName: "Amal H.",
    locale: "ar",
    perspective: "LIVED_EXPERIENCE",
    showPerspective: true,
    since: -520,
    demo: {
      description: "Co-host with lived experience of flight, writes in Arabic, no e-mail",
      signInCode: "FCPM-3SPY-VGUT",
    },
  },
  reza: {
    displayName: "Reza Ahmadi",
    email: "reza.ahmadi@ankommen-musterstadt.example",
    locale: "fa",
    perspective: "LIVED_EXPERIENCE",
    showPerspective: true,
    since: -640,
  },
  olena: {
    displayName: "Olena K.",
    locale: "uk",
    perspective: "LIVED_EXPERIENCE",
    showPerspective: true,
    since: -470,
    demo: {
      description: "Co-host with lived experience of flight, writes in Ukrainian, no e-mail",
      signInCode: "REC3-MCY8-9RJS",
    },
  },
  ahmad: { displayName: "Ahmad Nouri", locale: "de", perspective: "LIVED_EXPERIENCE", showPerspective: true, since: -600 },
  nour: {
    displayName: "Nour",
    locale: "ar",
    perspective: "LIVED_EXPERIENCE",
    showPerspective: false,
    since: -440,
    demo: {
      description: "Participant with lived experience who keeps it private, writes in Arabic, no e-mail",
      signInCode: "FGMV-P5ZD-V48S",
    },
  },
  samir: { displayName: "Samir A.", locale: "ar", perspective: "LIVED_EXPERIENCE", showPerspective: false, since: -450 },
  fatemeh: { displayName: "Fatemeh R.", locale: "fa", perspective: "LIVED_EXPERIENCE", showPerspective: false, since: -445 },
  iryna: { displayName: "Iryna B.", locale: "uk", perspective: "LIVED_EXPERIENCE", showPerspective: false, since: -160 },
  daniel: {
    displayName: "Daniel T.",
    locale: "en",
    perspective: "LIVED_EXPERIENCE",
    showPerspective: true,
    since: -430,
    demo: {
      description: "Participant with lived experience, writes in English, no e-mail",
      signInCode: "BZNW-6APT-7H58",
    },
  },
  grace: { displayName: "Grace O.", locale: "en", perspective: "LIVED_EXPERIENCE", showPerspective: false, since: -95 },
  // Perspective is optional: she chose not to state one.
  maryam: { displayName: "Maryam S.", locale: "fa", perspective: "NOT_STATED", showPerspective: false, since: -120 },
} as const satisfies Record<string, PersonSeed>;

export type PersonKey = keyof typeof PEOPLE;

export const PERSON_KEYS = Object.keys(PEOPLE) as PersonKey[];

export function person(key: PersonKey): PersonSeed {
  return PEOPLE[key];
}

/** The perspective `key`'s contributions, comments and supports record: staff from their role. */
export function voiceOf(key: PersonKey): Perspective {
  const seed = person(key);
  return snapshotOf(seed.perspective, seed.municipalityRoles?.includes("STAFF") ?? false);
}

export const DEMO_ACCOUNTS: ReadonlyArray<{ displayName: string; description: string; signInCode: string; email?: string }> =
  PERSON_KEYS.flatMap((key) => {
    const seed = person(key);
    if (!seed.demo) return [];
    return [{ displayName: seed.displayName, description: seed.demo.description, signInCode: seed.demo.signInCode, ...(seed.email ? { email: seed.email } : {}) }];
  });
