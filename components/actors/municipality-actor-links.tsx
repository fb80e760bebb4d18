import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { can, type Viewer } from "@/lib/policy/policy";
import { municipalityPaths } from "@/lib/routes/paths";

/** On the municipality page: the organigram for everyone, and for staff the queue of needs to answer. */
export async function MunicipalityActorLinks({ viewer, municipality }: { viewer: Viewer | null; municipality: { id: string; slug: string } }) {
  const [actors, queue] = await Promise.all([getTranslations("actors"), getTranslations("answerQueue")]);
  // Staff answer in every dialogue of their municipality; hosts find their queue on the dialogue's manage page.
  const isStaff = can(viewer, "actor:manage", { municipalityId: municipality.id });
  return (
    <p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
      <Link href={municipalityPaths(municipality.slug).actors}>{actors("title")}</Link>
      {isStaff && <Link href={municipalityPaths(municipality.slug).answerQueue}>{queue("municipalityTitle")}</Link>}
    </p>
  );
}
