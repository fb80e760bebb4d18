// The one policy: which viewer may do what to which resource. Pure and synchronous, so the same
// answer guards a server action (authorize) and decides whether the UI shows a control (can).
// tests/policy/policy-matrix.test.ts pins every permission × kind of actor.
import type { DialoguePhase, DialogueRole, MunicipalityRole } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { publishedDialogue } from "./visibility";

/** Who is asking: loaded once per request (lib/auth/get-viewer.ts); null when signed out. */
export type Viewer = {
  id: string;
  isPlatformAdmin: boolean;
  suspended: boolean;
  /** Roles per municipality id. */
  municipalityRoles: Readonly<Record<string, readonly MunicipalityRole[]>>;
  /** Role per dialogue id. */
  dialogueRoles: Readonly<Record<string, DialogueRole>>;
};

/** What is acted on. Dialogue-level resources carry the dialogue's id and phase. */
export type Resource = {
  municipalityId: string;
  dialogueId?: string;
  phase?: DialoguePhase;
  /** The author or owner, for `:own` permissions. */
  ownerId?: string | null;
  /** Members of an actor, for `actor:update:own`. */
  memberIds?: readonly string[];
  /**
   * For the municipality's own texts (its introduction, its actors' descriptions; no dialogue):
   * its published dialogues, whose members translate those texts as volunteers (decision 026).
   */
  publishedDialogueIds?: readonly string[];
  /** When the item was written, for rules with a time window (the edit window). */
  createdAt?: Date;
};

type Rule = (viewer: Viewer | null, resource: Resource) => boolean;
/** A rule that holds only for a signed-in viewer: `authorize` narrows the viewer after it. */
type SignedInRule = Rule & { readonly signedIn: true };

// --- building blocks ---------------------------------------------------------------------

const active = (v: Viewer | null): v is Viewer => v !== null && !v.suspended;
const hasMunicipalRole = (v: Viewer, r: Resource, role: MunicipalityRole) =>
  v.municipalityRoles[r.municipalityId]?.includes(role) ?? false;
const dialogueRole = (v: Viewer, r: Resource): DialogueRole | undefined =>
  r.dialogueId === undefined ? undefined : v.dialogueRoles[r.dialogueId];

/** Municipal staff run every dialogue of their municipality. */
const isStaff = (v: Viewer, r: Resource) => hasMunicipalRole(v, r, "STAFF");
const isHost = (v: Viewer, r: Resource) => isStaff(v, r) || dialogueRole(v, r) === "HOST";
/** The host team: hosts and co-hosts (the voices of lived experience who co-run it). */
const isHostTeam = (v: Viewer, r: Resource) => isHost(v, r) || dialogueRole(v, r) === "CO_HOST";
const isModerator = (v: Viewer, r: Resource) =>
  hasMunicipalRole(v, r, "MODERATOR") || dialogueRole(v, r) === "MODERATOR";
/** Joined the dialogue in any role, or runs it. */
const isMember = (v: Viewer, r: Resource) => dialogueRole(v, r) !== undefined || isStaff(v, r);
const isOwner = (v: Viewer, r: Resource) => r.ownerId != null && r.ownerId === v.id;
const inPhase = (r: Resource, ...phases: DialoguePhase[]) => r.phase !== undefined && phases.includes(r.phase);
const published = (r: Resource) => r.phase !== undefined && publishedDialogue.holds({ phase: r.phase });
/** An actor's own member, for the actor's description (a municipality's text: no dialogue). */
const isActorMember = (v: Viewer, r: Resource) => r.dialogueId === undefined && (r.memberIds?.includes(v.id) ?? false);
/** Joined one of the municipality's published dialogues: a volunteer for the municipality's own texts. */
const joinedInMunicipality = (v: Viewer, r: Resource) =>
  r.dialogueId === undefined && (r.publishedDialogueIds?.some((id) => v.dialogueRoles[id] !== undefined) ?? false);
/** Public text: a published dialogue's, or a municipality's own (its introduction, its actors). */
const publicText = (r: Resource) => r.dialogueId === undefined || published(r);

/** Authors may correct what they posted for a short while; after that it stands as said. */
export const EDIT_WINDOW_MS = 15 * 60 * 1000;
const withinEditWindow = (r: Resource) => r.createdAt !== undefined && Date.now() - r.createdAt.getTime() <= EDIT_WINDOW_MS;

/** Signed in, suspended or not, and the rule holds: the own account's data rights. */
const signedIn = (rule: (v: Viewer, r: Resource) => boolean): SignedInRule =>
  Object.assign((v: Viewer | null, r: Resource) => v !== null && rule(v, r), { signedIn: true as const });
/** Signed in and not suspended, and the rule holds. */
const when = (rule: (v: Viewer, r: Resource) => boolean): SignedInRule =>
  Object.assign((v: Viewer | null, r: Resource) => active(v) && rule(v, r), { signedIn: true as const });

// --- the permissions ------------------------------------------------------------------------

const RULES = {
  // Municipalities and their staff
  "municipality:manage": when((v) => v.isPlatformAdmin),
  "staff:invite": when((v, r) => v.isPlatformAdmin || isStaff(v, r)),
  /**
   * Issue a new sign-in code to a participant of the municipality's dialogues who lost theirs,
   * after confirming them in person; every issue is logged (decision 032).
   */
  "sign-in-code:issue": when((v, r) => v.isPlatformAdmin || isStaff(v, r)),
  "sign-in-code-log:read": when((v, r) => v.isPlatformAdmin || isStaff(v, r)),
  /** The staff dashboard: the municipality's dialogues by phase (drafts too), queues and activity. */
  "dashboard:read": when((v, r) => isStaff(v, r)),
  /** The municipality's name, logo and accent colour (contrast checked). */
  "municipality:brand": when((v, r) => isStaff(v, r)),
  /** The municipality's SMS / WhatsApp / Signal number: provider, number, credentials, on or off (decision 045). */
  "channel:manage": when((v, r) => isStaff(v, r)),
  /** Block a messenger sender (never seen: only their contributions): moderators and staff (decision 045). */
  "channel:block": when((v, r) => isStaff(v, r) || isModerator(v, r)),
  /** Which channel a messenger contribution came by ("via WhatsApp", never the number): who answers and moderates it (decision 052). */
  "channel:kind:read": when((v, r) => isHostTeam(v, r) || isModerator(v, r)),
  /** The municipality's districts: names in its languages and boundaries (decision 049). */
  "district:manage": when((v, r) => isStaff(v, r)),
  "actor:manage": when((v, r) => isStaff(v, r)),
  "actor:update:own": when((v, r) => isStaff(v, r) || (r.memberIds?.includes(v.id) ?? false)),
  /** Staff write the municipality's introduction and its versions in other languages. */
  "municipality-text:write": when((v, r) => isStaff(v, r)),
  /** An actor's description in other languages: staff, or the actor's own members. */
  "actor-text:write": when((v, r) => isStaff(v, r) || (r.memberIds?.includes(v.id) ?? false)),

  // Dialogues
  "dialogue:create": when((v, r) => isStaff(v, r)),
  /**
   * Follow an invitation into a dialogue (resource: the invitation's dialogue). The invitation
   * is the gate, in any phase: a co-host joins the DRAFT before it can open.
   */
  "dialogue:join": when(() => true),
  "dialogue:read": (v, r) => published(r) || (active(v) && (isHostTeam(v, r) || isModerator(v, r))),
  "dialogue:update": when((v, r) => isHostTeam(v, r) && !inPhase(r, "CLOSED")),
  /** Move the dialogue to its next phase (the invariant on co-hosts lives in the domain). */
  "dialogue:open": when((v, r) => isHost(v, r) && !inPhase(r, "CLOSED")),
  "invitation:manage": when((v, r) => isHostTeam(v, r) && !inPhase(r, "CLOSED")),
  /**
   * Invite someone into a team role (recorder, co-host): staff and the host, not a co-host, so a
   * co-host's code cannot make more co-hosts (decision 035).
   */
  "invitation:manage:team": when((v, r) => isHost(v, r) && !inPhase(r, "CLOSED")),
  /** See the host team (who holds which team role, since when, how they came) and the removals. */
  "team:read": when((v, r) => isHostTeam(v, r)),
  /**
   * Take a member out of a team role (co-host, moderator, recorder): staff and the host, logged.
   * The last co-host with lived experience of an open dialogue stays (the domain and the database).
   */
  "team:remove": when((v, r) => isHost(v, r)),
  /** Take the host role itself from someone: staff only. */
  "team:remove:host": when((v, r) => isStaff(v, r)),
  "meeting:manage": when((v, r) => isHostTeam(v, r) && !inPhase(r, "CLOSED")),
  /**
   * The host team writes its dialogue's and meetings' texts in the dialogue's other languages
   * (versions, decision 025) in every phase: a closed dialogue is still read.
   */
  "dialogue-text:write": when((v, r) => isHostTeam(v, r)),
  "meeting-text:write": when((v, r) => isHostTeam(v, r)),
  "responsibility:manage": when((v, r) => isHost(v, r) && !inPhase(r, "CLOSED")),
  /** Add a quick poll to the dialogue and close it early (decision 048). */
  "poll:manage": when((v, r) => isHostTeam(v, r) && !inPhase(r, "CLOSED")),
  /** A poll's question and answers in the dialogue's other languages, in every phase, like its other texts. */
  "poll-text:write": when((v, r) => isHostTeam(v, r)),

  // Taking part
  "contribution:create": when((v, r) => isMember(v, r) && inPhase(r, "COLLECTING")),
  /** Enter what was said at a meeting, on paper or through an interpreter, and supports counted at a meeting. */
  "contribution:create:on-behalf": when((v, r) => (isHostTeam(v, r) || dialogueRole(v, r) === "RECORDER") && inPhase(r, "COLLECTING", "DELIBERATING")),
  /**
   * Print (again) or replace the receipt of a voice recorded offline (decision 032): the host
   * team, and the recorder who wrote it down (ownerId: the recorder).
   */
  "receipt:manage": when((v, r) => published(r) && (isHostTeam(v, r) || (isOwner(v, r) && dialogueRole(v, r) === "RECORDER"))),
  /** "This was my need": anyone signed in who holds the receipt of a published dialogue's contribution. */
  "receipt:attach": when((_v, r) => published(r)),
  /**
   * Play a voice message (decision 033): never public — the host team, the dialogue's recorders
   * and its moderators, and the speaker their own recording (decision 046).
   */
  "voice:listen": when((v, r) => published(r) && (isOwner(v, r) || isHostTeam(v, r) || isModerator(v, r) || dialogueRole(v, r) === "RECORDER")),
  /** Write or confirm a voice message's transcript (and a translation with it): recorders and the host team. */
  "voice:transcribe": when((v, r) => published(r) && !inPhase(r, "CLOSED") && (isHostTeam(v, r) || dialogueRole(v, r) === "RECORDER")),
  /** Within the edit window (resource.createdAt) while the dialogue collects. */
  "contribution:update:own": when((v, r) => isOwner(v, r) && inPhase(r, "COLLECTING") && withinEditWindow(r)),
  "contribution:withdraw:own": when((v, r) => isOwner(v, r) && published(r) && !inPhase(r, "CLOSED")),
  /**
   * Merge a duplicate into another contribution of the dialogue (decision 051): the host team,
   * while the dialogue is published and not closed (its results are final then).
   */
  "contribution:merge": when((v, r) => isHostTeam(v, r) && published(r) && !inPhase(r, "CLOSED")),
  "contribution:respond": when((v, r) => isHost(v, r) && published(r) && !inPhase(r, "CLOSED")),
  "comment:create": when((v, r) => isMember(v, r) && inPhase(r, "COLLECTING", "DELIBERATING")),
  "comment:update:own": when((v, r) => isOwner(v, r) && inPhase(r, "COLLECTING", "DELIBERATING")),
  "comment:delete:own": when((v, r) => isOwner(v, r) && published(r) && !inPhase(r, "CLOSED")),
  /**
   * Never one's own contribution (decision 024): a self-support would put the author's private
   * perspective into the public tally next to their name. The author is the contribution's
   * authorId — for words recorded on someone's behalf, the person who attached the receipt; the
   * recorder is not the voice and may support what they recorded.
   */
  "support:give": when((v, r) => isMember(v, r) && !isOwner(v, r) && inPhase(r, "COLLECTING", "DELIBERATING")),
  "support:withdraw:own": when((v, r) => isOwner(v, r) && inPhase(r, "COLLECTING", "DELIBERATING")),
  /**
   * Answer a quick poll, and change the answer while it is open: members of a published dialogue.
   * Whether the poll itself is open is the poll's rule (lib/polls/poll-state.ts, held by the database).
   */
  "poll:answer": when((v, r) => isMember(v, r) && published(r) && !inPhase(r, "CLOSED")),
  /** Enter the hands counted for a poll at a meeting: those who enter offline voices, while the dialogue runs. */
  "poll:count": when((v, r) => (isHostTeam(v, r) || dialogueRole(v, r) === "RECORDER") && published(r) && !inPhase(r, "CLOSED")),
  /**
   * Volunteers translate public texts: a dialogue's members; for the municipality's own texts,
   * whoever joined one of its published dialogues, staff, and an actor's members its description.
   * Those who wrote a text check translations of it: the host team, staff, the actor's members.
   */
  "translation:create": when((v, r) => (isMember(v, r) || isActorMember(v, r) || joinedInMunicipality(v, r)) && publicText(r)),
  "translation:check": when((v, r) => (isHostTeam(v, r) || isActorMember(v, r)) && publicText(r)),
  /** Any signed-in reader asks for a machine translation of a public text into their language. */
  "translation:request": when((_v, r) => publicText(r)),
  /** A text only the person it concerns reads (a moderation reason): that person, or a moderator. */
  "translation:request:private": when((v, r) => published(r) && (isOwner(v, r) || isModerator(v, r))),

  // Moderation (W5)
  "report:create": when((_v, r) => published(r)),
  /**
   * Hiding, unhiding, deciding on reports and on reviews: a moderator, never about their own
   * item (ownerId: the item's author; decision 030). A resource without an owner is the dialogue.
   */
  "content:hide": when((v, r) => isModerator(v, r) && published(r) && !isOwner(v, r)),
  "report:resolve": when((v, r) => isModerator(v, r) && published(r) && !isOwner(v, r)),
  "review:request:own": when((v, r) => isOwner(v, r) && published(r)),
  "review:decide": when((v, r) => isModerator(v, r) && published(r) && !isOwner(v, r)),
  "mediation:manage": when((v, r) => isModerator(v, r) && published(r)),
  "moderation-log:read": when((v, r) => isModerator(v, r) || isStaff(v, r)),
  /**
   * See a photo that is hidden (on its own or with its contribution), to decide on it or on a
   * review: the dialogue's moderators and the municipality's staff; nobody else is served it (decision 050).
   */
  "image:read:hidden": when((v, r) => published(r) && (isModerator(v, r) || isStaff(v, r))),
  /** One queue across the municipality, for its moderators (a dialogue's moderators use the dialogue's). */
  "moderation-queue:read:municipality": when((v, r) => hasMunicipalRole(v, r, "MODERATOR")),

  // Following (decision 030): anyone signed in follows what they can read; unfollowing one's own
  // follow needs only an account (canManageOwnAccount), suspended or not.
  "follow:create": when((_v, r) => published(r)),

  // Results
  /** The municipality overview: participation across all its dialogues, for its staff. */
  "overview:read": when((v, r) => isStaff(v, r)),
  "export:download": when((v, r) => (isModerator(v, r) || isStaff(v, r)) && published(r)),

  // The own account (resource: ownAccount(viewer))
  /** End every session of one's own account, suspended or not: data rights do not depend on good conduct. */
  "sessions:end:own": signedIn((v, r) => isOwner(v, r)),
} satisfies Record<string, Rule>;

export type Permission = keyof typeof RULES;
/** The permissions no signed-out viewer holds: after `authorize` with one, the viewer is known. */
export type SignedInPermission = { [P in Permission]: (typeof RULES)[P] extends SignedInRule ? P : never }[Permission];
export const PERMISSIONS = Object.keys(RULES) as Permission[];
export const SIGNED_IN_PERMISSIONS = PERMISSIONS.filter((p): p is SignedInPermission => "signedIn" in RULES[p]);

/**
 * Permissions on the own account (profile, data download, deletion, sign-out everywhere) need
 * only a signed-in viewer, suspended or not: data rights do not depend on good conduct.
 */
export function canManageOwnAccount(viewer: Viewer | null): viewer is Viewer {
  return viewer !== null;
}

/**
 * Reading the operational metrics (/api/metrics) is no person's permission: the Prometheus scraper
 * presents the bearer token METRICS_TOKEN. Unset, nobody may. Compared in constant time (every
 * character of both, whatever matches), so the answer's timing does not reveal a prefix.
 */
export function canReadMetrics(presented: string | null, configured: string | undefined): boolean {
  if (!configured || presented === null) return false;
  let difference = presented.length ^ configured.length;
  for (let i = 0; i < Math.max(presented.length, configured.length); i++) {
    difference |= (presented.charCodeAt(i) || 0) ^ (configured.charCodeAt(i) || 0);
  }
  return difference === 0;
}

/** The viewer's own account as a resource: no municipality, the viewer as owner. */
export function ownAccount(viewer: Viewer | null): Resource {
  return { municipalityId: "", ownerId: viewer?.id ?? null };
}

export function can(viewer: Viewer | null, permission: Permission, resource: Resource): boolean {
  return RULES[permission](viewer, resource);
}

/**
 * Throws UNAUTHENTICATED for a signed-out viewer, FORBIDDEN otherwise, when `can` says no. After
 * a permission only the signed-in hold, the viewer is narrowed to `Viewer`.
 */
export function authorize(viewer: Viewer | null, permission: SignedInPermission, resource: Resource): asserts viewer is Viewer;
export function authorize(viewer: Viewer | null, permission: Permission, resource: Resource): void;
export function authorize(viewer: Viewer | null, permission: Permission, resource: Resource): void {
  if (can(viewer, permission, resource)) return;
  throw new AppError(viewer ? "FORBIDDEN" : "UNAUTHENTICATED", `${permission} refused`);
}
