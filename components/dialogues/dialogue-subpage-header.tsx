import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { HostText } from "@/components/host-texts/host-text";
import { Link as LinkTo } from "@/components/link";
import { pickHostText, type HostTextVersion } from "@/lib/host-texts/pick-host-text";
import { direction } from "@/lib/i18n/routing";

type Link = { href: string; label: string };

/**
 * The top of every sub-page of a dialogue: the way back, the page's heading and the dialogue's
 * title under it. The title comes from the loaded dialogue (its versions loaded with it,
 * decision 038): the reader's version, or with `original` the host team's own words (staff pages).
 */
export async function DialogueSubpageHeader({
  dialogue,
  back,
  heading,
  original = false,
}: {
  /** The way back; a list when the page offers more than one (the first is the way back). */
  back: Link | readonly Link[];
  heading: ReactNode;
} & (
  | { original: true; dialogue: { title: string; languages: readonly string[] } }
  | { original?: false; dialogue: { title: string; languages: readonly string[]; versions: HostTextVersion[] } }
)) {
  const locale = await getLocale();
  const mainLanguage = dialogue.languages[0] ?? "de";
  const links: readonly Link[] = "href" in back ? [back] : back;
  return (
    <>
      <p className="flex flex-wrap gap-x-6 text-sm">
        {links.map((link) => (
          <LinkTo key={link.href} href={link.href}>
            {link.label}
          </LinkTo>
        ))}
      </p>
      <h1 className="mt-4 text-3xl">{heading}</h1>
      {original ? (
        <p className="mt-1 text-lg font-semibold" lang={mainLanguage} dir={direction(mainLanguage)}>
          {dialogue.title}
        </p>
      ) : (
        <HostText
          picked={pickHostText({ language: mainLanguage, fields: { title: dialogue.title } }, "versions" in dialogue ? dialogue.versions : [], locale)}
          field="title"
          pageLocale={locale}
          as="p"
          className="mt-1 text-lg font-semibold break-words"
        />
      )}
    </>
  );
}
