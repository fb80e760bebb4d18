import type { ReactNode } from "react";

/** A confirmation that something worked, announced to screen readers when it appears. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="mb-4 rounded border-s-4 border-brand bg-surface p-3 font-semibold">
      {children}
    </p>
  );
}
