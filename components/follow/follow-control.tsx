import { getTranslations } from "next-intl/server";
import type { PageRef } from "@/lib/actions/form-state";
import { setFollowingAction } from "@/lib/actions/notifications/follow";
import { FollowForm } from "./follow-form";

/**
 * Whether the signed-in viewer follows this contribution or dialogue (the page's loader knows),
 * and the button to change it (decision 030). The page renders nothing for a signed-out visitor.
 */
export async function FollowControl({ following, target, targetId, page }: { following: boolean; target: "contribution" | "dialogue"; targetId: string; page: PageRef }) {
  const t = await getTranslations("follow");
  return (
    <FollowForm
      action={setFollowingAction.bind(null, page)}
      target={target}
      targetId={targetId}
      following={following}
      status={t(`${target}${following ? "On" : "Off"}`)}
      button={following ? t("unfollow") : t("follow")}
    />
  );
}
