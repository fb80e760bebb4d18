import "server-only";
import { db } from "@/lib/db/client";
import { can, type Viewer } from "@/lib/policy/policy";
import { municipalityPaths } from "@/lib/routes/paths";

/**
 * The header's "Dashboard": the dashboard of the first municipality (by slug) whose dashboard
 * the viewer may read. No query for someone who is nobody's staff.
 */
export async function dashboardLink(viewer: Viewer | null): Promise<string | null> {
  if (!viewer) return null;
  const ids = Object.keys(viewer.municipalityRoles).filter((municipalityId) => can(viewer, "dashboard:read", { municipalityId }));
  if (ids.length === 0) return null;
  const municipality = await db.municipality.findFirst({ where: { id: { in: ids } }, orderBy: { slug: "asc" }, select: { slug: true } });
  return municipality ? municipalityPaths(municipality.slug).dashboard : null;
}
