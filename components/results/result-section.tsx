import type { ReactNode } from "react";

/** One part of a results report: a heading, an optional sentence, its charts and tables. */
export function ResultSection({ id, heading, intro, children }: { id: string; heading: string; intro?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="results-block mt-10">
      <h2 id={id} className="text-2xl">
        {heading}
      </h2>
      {intro && <p className="mt-1 text-muted">{intro}</p>}
      {children}
    </section>
  );
}
