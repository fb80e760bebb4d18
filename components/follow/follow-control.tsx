import { getLocale, getTranslations } from "next-intl/server";
import { setFollowingAction } from "@/lib/actions/notifications/follow";
import type { Viewer } from "@/lib/policy/policy";
import { isFollowing } from "@/lib/notifications/follows";
import { FollowForm } from "./follow-form";

/**
 * Whether the viewer follows this contribution or dialogue, and the button to change it
 * (decision 030). Nothing for a signed-out visitor.
 */
export async function FollowControl({ viewer, target, targetId, back }: { viewer: Viewer | null; target: "contribution" | "dialogue"; targetId: string; back: string }) {
  if (!viewer) return null;
  const [following, t, locale] = await Promise.all([
    isFollowing(viewer.id, target === "contribution" ? { contributionId: targetId } : { dialogueId: targetId }),
    getTranslations("follow"),
    getLocale(),
  ]);
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
