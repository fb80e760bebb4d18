import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { municipalityPaths } from "@/lib/routes/paths";

/** On the municipality page: the organigram for everyone, and for staff the queue of needs to answer. */
export async function MunicipalityActorLinks({ municipality, isStaff }: { municipality: { slug: string }; isStaff: boolean }) {
  const [actors, queue] = await Promise.all([getTranslations("actors"), getTranslations("answerQueue")]);
  return (
    <p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
      <Link href={municipalityPaths(municipality.slug).actors}>{actors("title")}</Link>
      {isStaff && <Link href={municipalityPaths(municipality.slug).answerQueue}>{queue("municipalityTitle")}</Link>}
    </p>
  );
}
