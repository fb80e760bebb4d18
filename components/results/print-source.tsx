import { publicUrl } from "@/lib/env";

/**
 * Printed reports say where they came from: the page's full address, on paper only. Screens
 * already show it in the address bar.
 */
export function PrintSource({ path, label }: { path: string; label: string }) {
  const url = publicUrl(path);
  return (
    <p className="results-print-only hidden text-sm">
      {label} <span dir="ltr">{url}</span>
    </p>
  );
}
