import { getLocale, getTranslations } from "next-intl/server";
import { removePushDeviceAction, subscribePushAction } from "@/lib/actions/push/push";
import { listPushDevices } from "@/lib/push/push-devices";
import { vapidKeys } from "@/lib/push/vapid";
import type { Viewer } from "@/lib/policy/policy";
import { Section } from "@/components/section";
import { PushSwitch } from "./push-switch";
import { DeviceList } from "./device-list";
import { getFormatter } from "@/lib/i18n/format";

/** The account page's "Notifications on this phone": the switch, and every device with "Remove" (decision 031). */
export async function PushSection({ viewer }: { viewer: Viewer }) {
  const [locale, t, format, devices] = await Promise.all([getLocale(), getTranslations("push"), getFormatter(), listPushDevices(viewer)]);
  const vapid = vapidKeys();
  return (
    <Section id="push" heading={t("heading")} className="mt-10 border-t border-line pt-6" testId="push">
      <p className="mt-2 mb-4">{t("intro")}</p>
      {vapid ? (
        <PushSwitch
          vapidPublicKey={vapid.publicKey}
          locale={locale}
          subscribeAction={subscribePushAction}
          removeAction={removePushDeviceAction}
          knownEndpointHashes={devices.map((device) => device.endpointHash)}
        />
      ) : (
        <p>{t("unavailable")}</p>
      )}
      <h3 className="mt-6 text-xl">{t("devicesHeading")}</h3>
      {/* The service's product name in an isolate, so "Chrome / Android" keeps its order in Arabic. */}
      <DeviceList
        action={removePushDeviceAction}
        devices={devices.map((device) => ({ id: device.id, label: t("device", { service: `\u2068${device.service}\u2069`, date: format.dateTime(device.createdAt, "day") }) }))}
      />
    </Section>
  );
}
