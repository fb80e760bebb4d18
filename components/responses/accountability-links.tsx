import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { can, type Resource, type Viewer } from "@/lib/policy/policy";

/** On the manage page: the queue of needs to answer and the responsibility map, for whoever may use them. */
export async function AccountabilityLinks({ viewer, resource, dialoguePath }: { viewer: Viewer | null; resource: Resource; dialoguePath: string }) {
  const mayAnswer = can(viewer, "contribution:respond", resource);
  const mayAssign = can(viewer, "responsibility:manage", resource);
  if (!mayAnswer && !mayAssign) return null;
  const [queue, responsibilities] = await Promise.all([getTranslations("answerQueue"), getTranslations("responsibilities")]);
  return (
    <ul className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
      {mayAnswer && (
        <li>
          <Link href={`${dialoguePath}/manage/queue`} className="font-semibold">
            {queue("dialogueLink")}
          </Link>
        </li>
      )}
      {mayAssign && (
        <li>
          <Link href={`${dialoguePath}/responsibilities/manage`} className="font-semibold">
            {responsibilities("manageLink")}
          </Link>
        </li>
      )}
    </ul>
  );
}
