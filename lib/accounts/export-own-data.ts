import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { listedPhotos } from "@/lib/images/listed-photos";
import { canManageOwnAccount, type Viewer } from "@/lib/policy/policy";
import { storedSubject, subjectOf, subjectSelect, type SubjectColumn } from "@/lib/translations/translation-target";

/** A checked translation's subject as a reference, `{ kind: "comment", id }`: no words of it. */
function subjectReference(row: Record<SubjectColumn, string | null>) {
  const subject = storedSubject(row);
  // translation_has_one_target keeps exactly one set; should none be, the download still comes.
  if (Object.keys(subject).length === 0) return null;
  const { kind, id } = subjectOf(subject);
  return { kind, id };
}

/** Everything mitreden stores about the viewer, as plain JSON (GDPR Art. 15 and 20). */
export async function exportOwnData(viewer: Viewer | null) {
  if (!canManageOwnAccount(viewer)) throw new AppError("UNAUTHENTICATED");
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.id },
    select: {
      id: true,
      displayName: true,
      email: true,
      locale: true,
      perspective: true,
      showPerspective: true,
      showNameInExports: true,
      emailDigest: true,
      createdAt: true,
      municipalityMemberships: { select: { role: true, createdAt: true, municipality: { select: { name: true } } } },
      // Which rules, in which language, the person accepted (decision 025).
      memberships: { select: { role: true, createdAt: true, codeOfConductAcceptedAt: true, codeOfConductLanguage: true, codeOfConductVersion: true, dialogue: { select: { title: true } } } },
      contributions: {
        select: { id: true, kind: true, title: true, body: true, language: true, place: true, districtText: true, district: { select: { names: true } }, source: true, status: true, createdAt: true, withdrawnAt: true, dialogue: { select: { title: true } } },
      },
      contributionsRecorded: { select: { id: true, title: true, source: true, createdAt: true } },
      comments: { select: { id: true, body: true, language: true, createdAt: true, deletedAt: true, contributionId: true } },
      supports: { select: { contributionId: true, createdAt: true } },
      translations: { select: { id: true, language: true, title: true, body: true, method: true, checkedAt: true, createdAt: true } },
      // Versions of others the person read and marked checked: that they vouched for it, never the
      // words, which are not theirs and may since be withdrawn, hidden or deleted (decision 076).
      translationsChecked: { select: { id: true, language: true, checkedAt: true, ...subjectSelect } },
      reports: { select: { id: true, category: true, reason: true, status: true, createdAt: true } },
      notifications: { select: { type: true, createdAt: true, readAt: true } },
      // What one follows or unfollowed (decision 030).
      follows: { select: { contributionId: true, dialogueId: true, createdAt: true, unfollowedAt: true } },
      sessions: { select: { expires: true } },
      // Poll answers with their question and chosen answers as asked (decision 048).
      pollAnswers: {
        orderBy: { createdAt: "asc" },
        select: {
          pollId: true,
          perspective: true,
          optionIds: true,
          createdAt: true,
          updatedAt: true,
          poll: { select: { question: true, options: { orderBy: { position: "asc" }, select: { id: true, label: true } }, dialogue: { select: { title: true } } } },
        },
      },
      pollsCreated: { select: { id: true, question: true, createdAt: true } },
      // A poll's question and answers in another language: written by the person (by hand, or
      // asked of a machine), or a volunteer's the person checked for the host team (decision 048).
      pollTextsWritten: { select: { pollId: true, language: true, question: true, answers: true, method: true, checkedAt: true, updatedAt: true } },
      pollTextsChecked: { select: { pollId: true, language: true, checkedAt: true } },
      pollCountsRecorded: { select: { pollId: true, meetingId: true, optionId: true, perspective: true, count: true, updatedAt: true } },
    },
  });
  const { pollAnswers, contributions, translationsChecked, ...account } = user;
  // Their photos as listed, never the bytes nor one hidden by moderation (decision 055).
  const photos = await listedPhotos(contributions.map((contribution) => contribution.id));
  return {
    exportedAt: new Date().toISOString(),
    account: {
      ...account,
      contributions: contributions.map((contribution) => ({ ...contribution, photos: photos.get(contribution.id) ?? [] })),
      translationsChecked: translationsChecked.map((translation) => ({
        translationId: translation.id,
        subject: subjectReference(translation),
        language: translation.language,
        checkedAt: translation.checkedAt,
      })),
      pollAnswers: pollAnswers.map(({ pollId, perspective, optionIds, createdAt, updatedAt, poll }) => ({
        pollId,
        dialogue: poll.dialogue.title,
        question: poll.question,
        answers: poll.options.filter((option) => optionIds.includes(option.id)).map((option) => option.label),
        perspective,
        createdAt,
        updatedAt,
      })),
    },
  };
}
