import type { ReactNode } from "react";

const ICONS = {
  globe: (
    <>
      <circle cx="12" cy="12" r="10" />
      <path d="M2 12h20M12 2a15 15 0 0 1 4 10 15 15 0 0 1-4 10 15 15 0 0 1-4-10 15 15 0 0 1 4-10z" />
    </>
  ),
  person: (
    <>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" />
    </>
  ),
};

/**
 * A disclosure in the header (<details>, no JavaScript needed): an icon and a name in the
 * summary, a panel that opens below it (full width on a phone, at the end edge from `sm` on).
 * The language menu's panel is a <nav> named by `label`; the account menu's a plain block.
 */
export function HeaderMenu({
  testId,
  icon,
  summary,
  nav,
  panelClassName,
  children,
}: {
  testId: string;
  icon: keyof typeof ICONS;
  summary: ReactNode;
  /** The panel is a navigation landmark with this name. */
  nav?: { label: string };
  panelClassName: string;
  children: ReactNode;
}) {
  const panel = `absolute inset-x-2 top-full z-30 mt-1 rounded border border-white/30 bg-brand-dark shadow-lg sm:start-auto sm:end-0 ${panelClassName}`;
  return (
    <details className="header-menu sm:relative" data-testid={testId}>
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-1.5 rounded px-1.5 font-semibold text-white hover:bg-white/15 sm:px-2">
        <svg aria-hidden="true" focusable="false" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          {ICONS[icon]}
        </svg>
        {summary}
        <span aria-hidden="true" className="text-xs">▾</span>
      </summary>
      {nav ? (
        <nav aria-label={nav.label} className={panel}>
          {children}
        </nav>
      ) : (
        <div className={panel}>{children}</div>
      )}
    </details>
  );
}
