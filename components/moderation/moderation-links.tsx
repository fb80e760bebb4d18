import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { listMediationCases } from "@/lib/moderation/mediation";
import { can, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";

/**
 * On the dialogue page: the way to the moderation queue or log for those who may use them, and
 * to the own private mediation cases. Nothing (and no query) for the signed-out.
 */
export async function ModerationLinks({ viewer, dialogueId, pathname }: { viewer: Viewer | null; dialogueId: string; pathname: string }) {
  if (!viewer) return null;
  const resource = await dialogueResource(dialogueId);
  const mayModerate = can(viewer, "report:resolve", resource);
  const mayReadLog = can(viewer, "moderation-log:read", resource);
  const cases = mayModerate ? [] : await listMediationCases(viewer, { dialogueId });
  if (!mayModerate && !mayReadLog && cases.length === 0) return null;
  const t = await getTranslations("moderation");
  return (
    <>
      {(mayModerate || mayReadLog) && (
        <p>
          <Link href={mayModerate ? `${pathname}/moderation` : `${pathname}/moderation/log`} className="font-semibold">
            {mayModerate ? t("queue.title") : t("log.title")}
          </Link>
        </p>
      )}
      {cases.map((mediation) => (
        <p key={mediation.id}>
          <Link href={`${pathname}/mediation/${mediation.id}`} className="font-semibold">
            {t("mediation.yourCase", { subject: mediation.subject })}
          </Link>
        </p>
      ))}
    </>
  );
}
