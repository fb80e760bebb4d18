"use client";

import { useServerInsertedHTML } from "next/navigation";
import { useRef } from "react";
import { statusOf } from "@/lib/http/render-registry";

type Page = { title: string; body: string; home: string };

type Props = {
  /** This request's token (lib/http/render-registry.ts). */
  token: string | null;
  nonce: string | undefined;
  lang: string;
  dir: "ltr" | "rtl";
  siteName: string;
  homeHref: string;
  notFound: Page;
  failed: Page;
};

// Next.js sends a page that called notFound() (or failed while rendering) as an empty document
// that only JavaScript fills (vercel/next.js#62228). Rendered by the layout on every page, this
// writes nothing — unless the request ended up as that document (its status is 404 or 5xx when
// the document is written): then it puts the translated page into it, readable without
// JavaScript, in the page's language and direction. With JavaScript, Next.js renders the
// document anew and this goes away with the rest of it.
const CSS =
  "#error-document{font-family:system-ui,sans-serif;color:#1b1f24;line-height:1.5}" +
  "#error-document header{background:#0b2f55;padding:.75rem 1rem}" +
  "#error-document header a{color:#fff;font-size:1.5rem;font-weight:700;text-decoration:none}" +
  "#error-document main{max-width:48rem;margin:0 auto;padding:1.5rem 1rem}" +
  "#error-document h1{font-size:1.875rem;margin:0 0 1rem}#error-document a{color:#0b4f8f}" +
  "body{margin:0}";

export function ErrorDocumentFallback({ token, nonce, lang, dir, siteName, homeHref, notFound, failed }: Props) {
  const written = useRef(false);
  useServerInsertedHTML(() => {
    if (written.current) return null;
    const status = statusOf(token);
    if (status === null || (status !== 404 && status < 500)) return null;
    written.current = true;
    const page = status === 404 ? notFound : failed;
    return (
      <>
        <style nonce={nonce}>{CSS}</style>
        <div id="error-document" lang={lang} dir={dir}>
          <header>
            <a href={homeHref}>{siteName}</a>
          </header>
          <main>
            <h1>{page.title}</h1>
            <p>{page.body}</p>
            <p>
              <a href={homeHref}>{page.home}</a>
            </p>
          </main>
        </div>
      </>
    );
  });
  return null;
}
