import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { can, type Viewer } from "@/lib/policy/policy";
import { SUBJECTS, translationTarget } from "@/lib/translations/translation-target";
import { hostTextSubject, SUBJECT_KINDS, type SubjectKind } from "@/lib/host-texts/host-text-subject";

/**
 * The page of a host text's versions (/texts/<subject>/<id>): the subject with the viewer's flags,
 * only for those who may write its versions (AUTHOR) or translate it as volunteers
 * (translationTarget's policy), and for a dialogue its polls; null for everyone else, as for
 * nothing. Request-cached.
 */
export const loadHostTextPage = cache(async (viewer: Viewer | null, subject: string, id: string) => {
  if (!(SUBJECT_KINDS as readonly string[]).includes(subject) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  try {
    const loaded = await hostTextSubject({ subject: subject as SubjectKind, subjectId: id });
    const mayWrite = can(viewer, loaded.permission, loaded.resource);
    const target = await translationTarget({ [SUBJECTS[loaded.kind]]: loaded.id }).catch((error: unknown) => {
      if (isAppError(error, "NOT_FOUND")) return null;
      throw error;
    });
    const mayTranslate = target !== null && can(viewer, target.permissions.create, target.resource);
    const mayCheck = target !== null && can(viewer, target.permissions.check, target.resource);
    if (!mayWrite && !mayTranslate) return null;
    // A dialogue's polls are translated on pages of their own (/texts/poll/<id>), linked from here.
    const polls =
      loaded.kind === "dialogue"
        ? await db.poll.findMany({ where: { dialogueId: loaded.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, question: true } })
        : [];
    return { ...loaded, mayWrite, mayCheck, viewerId: viewer?.id, polls };
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return null;
    throw error;
  }
});
