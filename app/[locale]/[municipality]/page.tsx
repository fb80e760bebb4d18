import { notFound } from "next/navigation";

// No municipality page yet. This route exists so `/de/<anything>` gets the translated 404
// of app/[locale]/not-found.tsx instead of Next's bare one.
export default function MunicipalityPage(): never {
  notFound();
}
