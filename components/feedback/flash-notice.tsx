"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { apiPaths } from "@/lib/routes/paths";

// Shown at the top of the page the form post led to, announced politely. Without JavaScript the
// proxy has already cleared the cookie. With JavaScript the browser still holds it (Next.js
// renders the redirect's target in the same answer as the post), so it is cleared here; and the
// notice, which lives in the layout, goes once the person moves on to another page.
export function FlashNotice({ text }: { text: string }) {
  const pathname = usePathname();
  const [shownOn] = useState(pathname);
  useEffect(() => {
    void fetch(apiPaths.flash(), { method: "DELETE" }).catch(() => undefined);
  }, []);
  if (pathname !== shownOn) return null;
  return (
    <div id="flash" role="status" className="mb-6 scroll-mt-4 rounded border-s-4 border-phase-ink bg-phase-bg p-3 font-semibold text-phase-ink">
      {text}
    </div>
  );
}
