import { getLocale } from "next-intl/server";
import { removePushDeviceAction, subscribePushAction } from "@/lib/actions/push/push";
import { ClientMessages } from "@/components/identity/client-messages";
import { offersPushAfterPost } from "@/lib/push/first-post-prompt";
import type { Viewer } from "@/lib/policy/policy";
import { PushPrompt } from "./push-prompt";

/** On a contribution's page right after its author's first post: the offer to switch on push (decision 031). */
export async function FirstPostPushPrompt({ viewer, authorId }: { viewer: Viewer | null; authorId: string | null }) {
  const offer = await offersPushAfterPost(viewer, authorId);
  if (!offer) return null;
  return (
    <ClientMessages namespaces={["push"]}>
      <PushPrompt vapidPublicKey={offer.vapidPublicKey} locale={await getLocale()} subscribeAction={subscribePushAction} removeAction={removePushDeviceAction} />
    </ClientMessages>
  );
}
