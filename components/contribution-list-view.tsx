"use client";

// The dialogue's list as the browser gets it: a client component fed with what each item shows,
// every text already in the reader's language (components/contribution-item.tsx prepares it on
// the server). The RSC payload then carries each item's texts once, not the tree of its dozen
// elements, and the server serializes those texts instead of the tree (decision 092). The HTML is
// the same as a server component's, element for element: the page works without JavaScript.

/** One item, ready to show. Optional fields are left out where they do not apply (payload bytes). */
export type ItemView = {
  id: string;
  href: string;
  kind: "NEED" | "PROPOSAL";
  theme: string;
  /** The answer status in the reader's language. */
  status: string;
  /** The title as shown (the reader's translation where there is one); empty for an untitled voice message. */
  title: string;
  /** `lang`/`dir` of the shown title and excerpt where they differ from the page's (langOf). */
  lang?: { lang?: string; dir?: "ltr" | "rtl" };
  /** A translation is shown: the line naming the original's language, and the original title. */
  original?: { note: string; title: string; lang: string };
  excerpt: string;
  /** How the voice reached us, when not online. */
  source?: string;
  pending?: true;
  /** "3 supports, 1 of them by people with refugee experience". */
  supports: string;
  supported?: true;
  /** The viewer's support button: give or take back; with the shown title's language for its screen-reader label. */
  button?: { intent: "give" | "withdraw"; lang: string };
};

/** What is the same for every item, in the reader's language. */
export type ListText = {
  locale: string;
  dir: "ltr" | "rtl";
  /** "Status:" */
  status: string;
  kinds: Record<"NEED" | "PROPOSAL", { label: string; className: string }>;
  give: string;
  withdraw: string;
  youSupport: string;
  untitled: string;
  pending: string;
};

export function ContributionListView({ items, text }: { items: ItemView[]; text: ListText }) {
  return (
    <ol className="mt-1">
      {items.map((item) => (
        <li key={item.id}>
          {/* The anchor the support button's post comes back to (lib/actions/supports/support-from-list.ts). */}
          <article id={`c-${item.id}`} className="contribution">
            <p className="contribution-meta">
              <span className={text.kinds[item.kind].className}>{text.kinds[item.kind].label}</span>
              <span>{item.theme}</span>
              <span>
                <span className="text-muted">{text.status}</span> <span className="font-medium">{item.status}</span>
              </span>
            </p>
            <h3 className="contribution-title" {...item.lang}>
              <a href={item.href}>
                {/* An untitled voice message: "Voice message" in the page's language (the heading carries the spoken one). */}
                {item.title || (
                  <span lang={text.locale} dir={text.dir}>
                    {text.untitled}
                  </span>
                )}
              </a>
            </h3>
            {/* A translation never replaces the voice: the original stays next to it. */}
            {item.original && (
              <p className="text-sm text-muted">
                {item.original.note}{" "}
                <bdi lang={item.original.lang} className="text-ink">
                  {item.original.title}
                </bdi>
              </p>
            )}
            {item.excerpt && (
              <p className="contribution-excerpt" {...item.lang}>
                {item.excerpt}
              </p>
            )}
            {item.source && <p className="mt-1 text-sm text-muted">{item.source}</p>}
            {item.pending && (
              <p className="mt-1 text-sm font-semibold" data-testid="voice-pending">
                {text.pending}
              </p>
            )}
            <div className="contribution-foot">
              <p className="text-sm" data-testid="support-line">
                {item.supports}
                {item.supported && <span className="block font-semibold">{text.youSupport}</span>}
              </p>
              {item.button && (
                // Secondary to the page's one primary action (post, or join).
                <button type="submit" form={`support-${item.button.intent}`} name="contributionId" value={item.id} className={`support-${item.button.intent}`}>
                  {item.button.intent === "give" ? text.give : text.withdraw}
                  <span className="sr-only">
                    : <bdi lang={item.button.lang}>{item.title}</bdi>
                  </span>
                </button>
              )}
            </div>
          </article>
        </li>
      ))}
    </ol>
  );
}
