import type { Metadata } from "next";

/**
 * generateMetadata for a municipality's staff page: "<title>: <municipality>", kept out of search
 * engines, and nothing for whoever the page's loader turns away (the page then answers 404).
 */
export function staffPageMetadata<T>(load: (municipalitySlug: string) => Promise<T | null>, describe: (loaded: T) => Promise<{ title: string; municipality: string }>) {
  return async ({ params }: { params: Promise<{ municipality: string }> }): Promise<Metadata> => {
    const loaded = await load((await params).municipality);
    if (!loaded) return {};
    const { title, municipality } = await describe(loaded);
    return { title: `${title}: ${municipality}`, robots: { index: false } };
  };
}
