// The shapes in which the demo data is declared. rows.ts turns them into rows, write.ts inserts
// them, and the database's own constraints and triggers check the result.
import type {
  ActorKind,
  ContributionKind,
  ContributionStatus,
  DialoguePhase,
  ModerationCategory,
  MunicipalityRole,
  Perspective,
} from "../../lib/generated/prisma/enums";
import type { DefaultThemeKey } from "../../lib/themes/default-themes";
import type { ActorKey } from "./actors";
import type { DialogueKey, MeetingKey } from "./dialogues";
import type { PersonKey } from "./people";

/** Ids of the rows that contributions refer to, made before anything is inserted. */
export type SeedIds = {
  dialogue: (key: DialogueKey) => string;
  theme: (key: DefaultThemeKey) => string;
  user: (key: PersonKey) => string;
  actor: (key: ActorKey) => string;
  meeting: (key: MeetingKey) => string;
};

/** Records that someone did something in a dialogue: they are its member from then on. */
export type Activity = (dialogue: DialogueKey, who: PersonKey, when: Date) => void;

/** Days relative to the day the seed runs: -3 is three days ago. */
export type Day = number;

export type PersonSeed = {
  displayName: string;
  email?: string;
  locale: string;
  perspective: Perspective;
  showPerspective: boolean;
  isPlatformAdmin?: boolean;
  municipalityRoles?: readonly MunicipalityRole[];
  /** When the account was made. */
  since: Day;
  /** The accounts printed by `npm run db:seed` and signed into by the end-to-end tests. */
  demo?: { description: string; signInCode: string };
};

export type ActorSeed = {
  name: string;
  kind: ActorKind;
  refugeeLed?: boolean;
  description: string;
  contactEmail?: string;
  contactPhone?: string;
  website?: string;
  address?: string;
  members: readonly PersonKey[];
};

export type DialogueSeed = {
  slug: string;
  title: string;
  summary: string;
  description: string;
  /** The phase it is in after seeding; it walks there from DRAFT one step at a time. */
  phase: DialoguePhase;
  languages: readonly string[];
  themes: readonly DefaultThemeKey[];
  createdBy: PersonKey;
  created: Day;
  collectingFrom: Day;
  deliberatingFrom: Day;
  respondingFrom: Day;
  closesAt: Day;
  hosts: readonly PersonKey[];
  coHosts: readonly PersonKey[];
  moderators: readonly PersonKey[];
  /** Volunteers who enter what was said at meetings, on paper or through an interpreter (role RECORDER). */
  recorders?: readonly PersonKey[];
  responsibilities: readonly { theme: DefaultThemeKey; actor: ActorKey; note?: string }[];
};

export type MeetingSeed = {
  dialogue: DialogueKey;
  title: string;
  description?: string;
  day: Day;
  hour: number;
  hours: number;
  place: string;
  languages: readonly string[];
  interpretationOffered: boolean;
  createdBy: PersonKey;
};

export type InvitationSeed = {
  dialogue: DialogueKey;
  code: string;
  role: "PARTICIPANT" | "CO_HOST";
  createdBy: PersonKey;
  created: Day;
  expires: Day;
  maxUses: number;
  /** Where it was handed out; only for reading this file. */
  handedOut: string;
};

export type TranslationSeed = {
  by: PersonKey;
  language: string;
  title?: string;
  body: string;
  checkedBy?: PersonKey;
};

/** A moderator hid it after a report; the reason is what the author is shown. */
export type HideSeed = {
  reportedBy: PersonKey;
  reportCategory: ModerationCategory;
  reportReason: string;
  moderator: PersonKey;
  category: ModerationCategory;
  reason: string;
};

export type ReplySeed = { by: PersonKey; day: Day; hour?: number; body: string; language: string };

export type CommentSeed = ReplySeed & {
  replies?: readonly ReplySeed[];
  translations?: readonly TranslationSeed[];
  hide?: HideSeed;
};

export type ResponseSeed = {
  day: Day;
  by: PersonKey;
  status: ContributionStatus;
  body: string;
  actor: ActorKey;
  decidedBy?: string;
  due?: Day;
};

/** Entered by someone else on the voice's behalf (docs/design.md, "With, not about"). */
export type OnBehalfSeed =
  | { source: "MEETING"; recordedBy: PersonKey; meeting: MeetingKey; interpreter?: PersonKey; interpreterName?: string }
  | { source: "PAPER"; recordedBy: PersonKey }
  | { source: "INTERPRETED"; recordedBy: PersonKey; interpreter?: PersonKey; interpreterName?: string };

export type ContributionSeed = {
  dialogue: DialogueKey;
  theme: DefaultThemeKey;
  kind: ContributionKind;
  day: Day;
  hour?: number;
  /** The language it was written or said in; title and body are in it. */
  language: string;
  title: string;
  body: string;
  /** The old free-text district field, as typed; linked to a district of that name at seeding (prisma/seed/districts.ts). */
  district?: string;
  /** The account whose voice it is; left out for people without an account. */
  author?: PersonKey;
  /** The perspective of a voice without an account, as they stated it. */
  voicePerspective?: Perspective;
  /** That voice agreed, when it was read back, that others see its perspective (private otherwise). */
  voiceShowsPerspective?: true;
  onBehalf?: OnBehalfSeed;
  supports?: readonly PersonKey[];
  meetingSupports?: readonly { meeting: MeetingKey; perspective: Perspective; count: number; recordedBy: PersonKey }[];
  translations?: readonly TranslationSeed[];
  comments?: readonly CommentSeed[];
  /** The public answer timeline, oldest first. */
  responses?: readonly ResponseSeed[];
};
