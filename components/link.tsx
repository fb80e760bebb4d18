import type { ComponentProps } from "react";
import { Link as LocalisedLink } from "@/lib/i18n/navigation";

/**
 * A link within the current language. No prefetching: many people here pay for every
 * megabyte, so a page is fetched only when someone opens it.
 */
export function Link(props: ComponentProps<typeof LocalisedLink>) {
  return <LocalisedLink prefetch={false} {...props} />;
}
