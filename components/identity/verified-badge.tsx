import { getTranslations } from "next-intl/server";
import { NAME, WithName } from "@/components/text/with-name";
import type { VerifiedRole } from "@/lib/accounts/verified-roles";

/**
 * The badges of verified roles beside a name. Drawn outside the name's text — a bordered box
 * with an icon no display name can hold (names are text; check marks and the badge's words are
 * refused in names, lib/accounts/display-name.ts) — and read out as "Verified role: …".
 */
export async function VerifiedBadges({ roles }: { roles: readonly VerifiedRole[] | undefined }) {
  if (!roles || roles.length === 0) return null;
  const t = await getTranslations("verifiedBadge");
  return (
    <>
      {roles.map((verified) => {
        // The actor's name is a name (its language unknown): in its own <bdi>, read and shown alike.
        const actor = verified.role === "ACTOR_MEMBER" ? verified.actor : "";
        const text = verified.role === "ACTOR_MEMBER" ? t("ACTOR_MEMBER", { actor: NAME }) : t(verified.role);
        return (
          <span
            key={verified.role === "ACTOR_MEMBER" ? `actor-${verified.actor}` : verified.role}
            data-verified-role={verified.role}
            className="ms-1 inline-flex items-center gap-1 rounded-full border-2 border-brand bg-brand/10 px-2 align-middle text-xs font-semibold text-brand"
          >
            <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" className="size-3 fill-current">
              <path d="M8 0 10 2.1 13 2 13.9 4.9 16 7 14.6 9.6 15 12.6 12.1 13.4 10.4 16 8 14.6 5.6 16 3.9 13.4 1 12.6 1.4 9.6 0 7 2.1 4.9 3 2 6 2.1Zm-1.2 11.1 5-5-1.2-1.2-3.8 3.8-1.9-1.9-1.2 1.2Z" />
            </svg>
            <span className="sr-only">
              <WithName message={t("label", { role: text })} name={actor} />
            </span>
            <bdi aria-hidden="true">
              <WithName message={text} name={actor} />
            </bdi>
          </span>
        );
      })}
    </>
  );
}
