import { getLocale, getTranslations } from "next-intl/server";
import { setFollowingAction } from "@/lib/actions/notifications/follow";
import { FollowForm } from "./follow-form";

/**
 * Whether the signed-in viewer follows this contribution or dialogue (the page's loader knows),
 * and the button to change it (decision 030). The page renders nothing for a signed-out visitor.
 */
export async function FollowControl({ following, target, targetId, back }: { following: boolean; target: "contribution" | "dialogue"; targetId: string; back: string }) {
  const [t, locale] = await Promise.all([getTranslations("follow"), getLocale()]);
  return (
    <FollowForm
      action={setFollowingAction}
      locale={locale}
      back={back}
      target={target}
      targetId={targetId}
      following={following}
      status={t(`${target}${following ? "On" : "Off"}`)}
      button={following ? t("unfollow") : t("follow")}
    />
  );
}
