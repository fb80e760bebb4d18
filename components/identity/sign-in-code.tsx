import type { ReactNode } from "react";
import { Section } from "@/components/section";

/**
 * The sign-in code shown once after sign-up: big, in groups of four, easy to copy onto paper or
 * photograph, and the only thing besides its explanation that a printout holds.
 */
export function SignInCodeCard({ code, heading, children }: { code: string; heading: string; children: ReactNode }) {
  const groups = code.split("-");
  return (
    <Section id="sign-in-code" heading={heading} headingClassName="text-xl" className="rounded border-2 border-brand p-3 sm:p-4 print:border-ink">
      {/* Codes read left to right in every language. */}
      <p dir="ltr" className="my-4 flex flex-wrap justify-center gap-2 font-mono text-[clamp(1.5rem,8vw,2.5rem)] font-bold tracking-wider" data-testid="sign-in-code">
        {groups.map((group, index) => (
          <span key={index} className="rounded bg-surface px-1.5 py-1 print:bg-white">
            {group}
            {/* Copying the code gives "K7MQ-4HTP-WN3A"; the dashes are not shown. */}
            {index < groups.length - 1 ? <span className="sr-only">-</span> : null}
          </span>
        ))}
      </p>
      <div className="space-y-2">{children}</div>
    </Section>
  );
}
