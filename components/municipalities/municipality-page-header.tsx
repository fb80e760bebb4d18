import type { ReactNode } from "react";

/**
 * The top of a municipality's staff page: an optional way back, the page's title (its h1), the
 * municipality's name in an isolate, and what the page is for.
 */
export function MunicipalityPageHeader({ back, title, municipality, intro }: { back?: ReactNode; title: string; municipality: string; intro: ReactNode }) {
  return (
    <>
      {back && <p className="text-sm">{back}</p>}
      <h1 className={back ? "mt-4 text-3xl" : "text-3xl"}>{title}</h1>
      <p className="mt-1 text-lg font-semibold">
        <bdi>{municipality}</bdi>
      </p>
      <p className="mt-3 text-muted">{intro}</p>
    </>
  );
}
