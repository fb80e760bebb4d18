import type { ReactNode } from "react";
import { Section } from "@/components/section";

/** One part of a results report: a heading, an optional sentence, its charts and tables. */
export function ResultSection({ id, heading, intro, children }: { id: string; heading: string; intro?: string; children: ReactNode }) {
  return (
    <Section id={id} heading={heading} className="results-block mt-10">
      {intro && <p className="mt-1 text-muted">{intro}</p>}
      {children}
    </Section>
  );
}
