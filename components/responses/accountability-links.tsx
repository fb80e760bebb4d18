import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import type { DialoguePermissions } from "@/lib/dialogues/load-dialogue";
import { type DialoguePaths } from "@/lib/routes/paths";

/** On the manage page: the queue of needs to answer, the responsibility map and the quick polls, for whoever may use them. */
export async function AccountabilityLinks({ may, paths }: { may: Pick<DialoguePermissions, "respond" | "assignResponsibilities" | "polls">; paths: DialoguePaths }) {
  const { respond: mayAnswer, assignResponsibilities: mayAssign, polls: mayPoll } = may;
  if (!mayAnswer && !mayAssign && !mayPoll) return null;
  const [queue, responsibilities, polls] = await Promise.all([getTranslations("answerQueue"), getTranslations("responsibilities"), getTranslations("polls")]);
  return (
    <ul className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
      {mayAnswer && (
        <li>
          <Link href={paths.manageQueue} className="font-semibold">
            {queue("dialogueLink")}
          </Link>
        </li>
      )}
      {mayAssign && (
        <li>
          <Link href={paths.responsibilitiesManage} className="font-semibold">
            {responsibilities("manageLink")}
          </Link>
        </li>
      )}
      {mayPoll && (
        <li>
          <Link href={paths.pollsManage} className="font-semibold">
            {polls("manageLink")}
          </Link>
        </li>
      )}
    </ul>
  );
}
