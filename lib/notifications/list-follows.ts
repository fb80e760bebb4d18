import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { pickHostText } from "@/lib/host-texts/pick-host-text";
import { dialogueNamedSelect } from "@/lib/dialogues/dialogue-select";
import { untitledVoiceLabel } from "@/lib/voice/untitled";
import { canManageOwnAccount, type Viewer } from "@/lib/policy/policy";
import { publishedDialogue, visibleContribution } from "@/lib/policy/visibility";
import { dialoguePaths, type Path } from "@/lib/routes/paths";

export type FollowedItem = {
  target: "contribution" | "dialogue";
  id: string;
  title: string;
  /** The title's language, for its `lang`. */
  lang: string;
  /** Path within the locale. */
  path: Path;
  /** Followed as a member of the dialogue, not by a follow of its own. */
  asMember: boolean;
};

/**
 * What the account page lists: the contributions one follows (visible ones: a hidden or
 * withdrawn one is not named), and the dialogues one follows or belongs to and did not unfollow.
 */
export async function listFollows(viewer: Viewer | null, locale: string): Promise<FollowedItem[]> {
  if (!canManageOwnAccount(viewer)) throw new AppError("UNAUTHENTICATED", "sign in");
  const [follows, memberships, unfollowed, untitled] = await Promise.all([
    db.follow.findMany({
      where: { userId: viewer.id, unfollowedAt: null },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 200,
      select: {
        contribution: { select: { id: true, title: true, language: true, hiddenAt: true, withdrawnAt: true, mergedAt: true, dialogue: { select: dialogueNamedSelect } } },
        dialogue: { select: dialogueNamedSelect },
      },
    }),
    db.membership.findMany({ where: { userId: viewer.id, dialogue: publishedDialogue.where }, orderBy: { createdAt: "desc" }, select: { dialogue: { select: dialogueNamedSelect } } }),
    db.follow.findMany({ where: { userId: viewer.id, dialogueId: { not: null }, unfollowedAt: { not: null } }, select: { dialogueId: true } }),
    untitledVoiceLabel(locale),
  ]);
  const titleOf = (dialogue: { title: string; languages: string[]; translations: Parameters<typeof pickHostText>[1] }) => {
    const picked = pickHostText({ language: dialogue.languages[0] ?? "de", fields: { title: dialogue.title } }, dialogue.translations, locale);
    return { title: picked.fields.title ?? dialogue.title, lang: picked.language };
  };
  const items: FollowedItem[] = [];
  const dialogues = new Set<string>();
  const skip = new Set(unfollowed.map((row) => row.dialogueId));
  for (const row of [...follows.map((f) => ({ ...f, asMember: false })), ...memberships.map((m) => ({ contribution: null, dialogue: m.dialogue, asMember: true }))]) {
    if (row.dialogue && !dialogues.has(row.dialogue.id) && !(row.asMember && skip.has(row.dialogue.id))) {
      dialogues.add(row.dialogue.id);
      items.push({ target: "dialogue", id: row.dialogue.id, ...titleOf(row.dialogue), path: dialoguePaths(row.dialogue).home, asMember: row.asMember });
    }
    const c = row.contribution;
    if (c && visibleContribution.holds(c)) {
      // An untitled voice message awaiting its transcript is "Voice message" in the reader's language (decision 046).
      const title = c.title ? { title: c.title, lang: c.language } : { title: untitled, lang: locale };
      items.push({ target: "contribution", id: c.id, ...title, path: dialoguePaths(c.dialogue).contribution(c.id), asMember: false });
    }
  }
  return items;
}
