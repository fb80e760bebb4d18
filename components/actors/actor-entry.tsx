import { getLocale, getTranslations } from "next-intl/server";
import { HostTextNote } from "@/components/host-texts/host-text";
import { langOf } from "@/lib/i18n/lang-of";
import { contentLanguage, pickHostText, type HostTextVersion, type PickedHostText } from "@/lib/host-texts/pick-host-text";
import type { ReactNode } from "react";
import type { ActorKind } from "@/lib/generated/prisma/enums";
import { UserText } from "@/components/text/user-text";

export type PublicActor = {
  id: string;
  name: string;
  kind: ActorKind;
  refugeeLed: boolean;
  description: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  website: string | null;
  address: string | null;
  /** The description in other languages; the original is in the municipality's language. */
  translations: HostTextVersion[];
  municipality: { defaultLocale: string };
};

/**
 * One actor on the organigram: name, kind, the refugee-led mark where the actor says so, and
 * the contact details it chose to publish. `heading` is the element for the name, so the entry
 * fits the page's heading levels; `children` is what it is responsible for.
 */
export async function ActorEntry({
  actor,
  heading: Heading = "h3",
  requestTranslation,
  translateHref,
  children,
}: {
  actor: PublicActor;
  heading?: "h2" | "h3" | "h4";
  /**
   * The description's "Translate by machine" button, from the page that may offer it (a signed-in
   * reader, the service configured): the page renders its form, and sends the form messages with
   * it (decision 085).
   */
  requestTranslation?: (description: PickedHostText) => ReactNode;
  /** The versions page, for viewers the policy lets translate the description as volunteers. */
  translateHref?: string;
  children?: ReactNode;
}) {
  const [t, locale] = await Promise.all([getTranslations("actors"), getLocale()]);
  const description = actor.description
    ? pickHostText({ language: contentLanguage(actor.municipality.defaultLocale), fields: { body: actor.description } }, actor.translations, locale)
    : null;
  const contact: { label: string; value: ReactNode }[] = [];
  if (actor.contactEmail) contact.push({ label: t("email"), value: <a href={`mailto:${actor.contactEmail}`} dir="ltr">{actor.contactEmail}</a> });
  if (actor.contactPhone) contact.push({ label: t("phone"), value: <a href={`tel:${actor.contactPhone.replace(/[^+0-9]/g, "")}`} dir="ltr">{actor.contactPhone}</a> });
  if (actor.website) {
    contact.push({ label: t("website"), value: <a href={actor.website} rel="noopener" dir="ltr" className="break-all">{actor.website}</a> });
  }
  // An address is a name: it stays as written, in its own direction.
  if (actor.address) contact.push({ label: t("address"), value: <bdi>{actor.address}</bdi> });
  return (
    <article id={`actor-${actor.id}`} aria-labelledby={`actor-${actor.id}-name`} className="scroll-mt-4 rounded border border-line bg-white p-3">
      <Heading id={`actor-${actor.id}-name`} className="text-lg font-semibold break-words">
        <bdi>{actor.name}</bdi>
      </Heading>
      <p className="mt-1 flex flex-wrap gap-2 text-sm">
        <span className="badge bg-surface text-ink ring-1 ring-line">{t(`kinds.${actor.kind}`)}</span>
        {actor.refugeeLed && <span className="badge bg-proposal-bg text-ink">{t("refugeeLed")}</span>}
      </p>
      {description && (
        <>
          <UserText text={description.fields.body!} format="markdown" className="mt-2" {...langOf(description.language, locale)} />
          <HostTextNote picked={description} pageLocale={locale} translateHref={translateHref} className="mt-1 flex flex-wrap gap-x-3 text-sm text-muted" />
          {requestTranslation ? requestTranslation(description) : null}
        </>
      )}
      {contact.length > 0 && (
        <dl aria-label={t("contact")} className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 text-sm">
          {contact.map((item) => (
            <div key={item.label} className="contents">
              <dt className="text-muted">{item.label}</dt>
              <dd className="min-w-0 break-words">{item.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {children}
    </article>
  );
}
