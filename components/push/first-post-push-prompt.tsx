import { getLocale } from "next-intl/server";
import { removePushDeviceAction, subscribePushAction } from "@/lib/actions/push/push";
import { ClientMessages } from "@/components/identity/client-messages";
import { PushPromptOffer } from "@/components/form/deferred";

/** On a contribution's page right after its author's first post: the offer to switch on push (decision 031). */
export async function FirstPostPushPrompt({ offer }: { offer: { vapidPublicKey: string } }) {
  return (
    <ClientMessages namespaces={["push"]}>
      <PushPromptOffer vapidPublicKey={offer.vapidPublicKey} locale={await getLocale()} subscribeAction={subscribePushAction} removeAction={removePushDeviceAction} />
    </ClientMessages>
  );
}
