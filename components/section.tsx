import type { ReactNode } from "react";

/**
 * A part of a page named by its own heading: the `<section aria-labelledby>` + heading pair every
 * page repeats, so a screen reader lists each part by name. `level` keeps the page's outline
 * (h2 under the page's h1, h3 inside another section).
 */
export function Section({
  id,
  anchor,
  testId,
  heading,
  level = 2,
  headingClassName = "text-2xl",
  className,
  children,
}: {
  /** The heading's id, which names the section. */
  id: string;
  /** The section's own id, where links jump to it (#comments). */
  anchor?: string;
  testId?: string;
  heading: ReactNode;
  level?: 2 | 3;
  headingClassName?: string;
  className?: string;
  children?: ReactNode;
}) {
  const Heading = level === 3 ? "h3" : "h2";
  // Only the attributes given: an absent one would still be sent as `"$undefined"` in the RSC payload (decision 083).
  return (
    <section {...(anchor ? { id: anchor } : {})} aria-labelledby={id} {...(className ? { className } : {})} {...(testId ? { "data-testid": testId } : {})}>
      <Heading id={id} className={headingClassName}>
        {heading}
      </Heading>
      {children}
    </section>
  );
}

/** The rows of a list of people or things, divided by lines, or one line saying there are none. */
export function RowList<T>({ items, none, children: row }: { items: readonly T[]; none: ReactNode; children: (item: T) => ReactNode }) {
  if (items.length === 0) return <p className="mt-3">{none}</p>;
  return <ul className="mt-3 divide-y divide-line border-y border-line">{items.map((item) => row(item))}</ul>;
}
