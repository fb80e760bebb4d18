import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/components/link";
import { InviteStaffForm } from "@/components/invitations/invite-staff-form";
import { RowList, Section } from "@/components/section";
import { getViewer } from "@/lib/auth/get-viewer";
import { listStaff } from "@/lib/municipalities/list-staff";
import { loadMunicipalityFor } from "@/lib/pages/municipality-page";
import { inviteStaffAction } from "@/lib/actions/team/invite-staff";
import { MunicipalityPageHeader } from "@/components/municipalities/municipality-page-header";
import { ClientMessages } from "@/components/identity/client-messages";
import { staffPageMetadata } from "@/lib/municipalities/staff-page-metadata";
import { municipalityPaths } from "@/lib/routes/paths";

type Props = { params: Promise<{ locale: string; municipality: string }> };

/** The municipality, for its staff and platform admins only; everyone else gets a 404. */
const loadMunicipality = async (slug: string) => loadMunicipalityFor(await getViewer(), slug, "inviteStaff");

export const generateMetadata = staffPageMetadata(loadMunicipality, async ({ municipality }) => ({ title: (await getTranslations("staff"))("title"), municipality: municipality.name }));

export default async function StaffPage({ params }: Props) {
  const loaded = await loadMunicipality((await params).municipality);
  if (!loaded) notFound();
  const { viewer, municipality, may } = loaded;
  const [staff, t] = await Promise.all([listStaff(viewer, { municipalityId: municipality.id }), getTranslations("staff")]);

  return (
    <ClientMessages namespaces={[]} forms>
      <MunicipalityPageHeader title={t("title")} municipality={municipality.name} intro={t("intro", { municipality: municipality.name })} />
      {may.readOverview && (
        <p className="mt-3">
          <Link href={municipalityPaths(municipality.slug).overview} className="font-semibold">
            {(await getTranslations("overview"))("overviewLink")}
          </Link>
        </p>
      )}

      <p className="mt-3">
        <Link href={municipalityPaths(municipality.slug).signInCodes} className="font-semibold">
          {(await getTranslations("signInCodes"))("link")}
        </Link>
      </p>

      <Section id="staff-list" heading={t("listHeading")} className="mt-8">
        <RowList items={staff} none={t("none")}>
          {(member) => (
            <li key={member.userId} className="py-3">
              <p className="font-semibold">
                <bdi>{member.displayName}</bdi>
              </p>
              <p className="text-sm text-muted">
                {member.email ? <span dir="ltr">{member.email}</span> : t("noEmail")}
              </p>
              <ul className="mt-1 flex flex-wrap gap-2">
                {member.roles.map((role) => (
                  <li key={role} className="badge bg-surface text-ink ring-1 ring-line">
                    {t(`roles.${role}`)}
                  </li>
                ))}
              </ul>
            </li>
          )}
        </RowList>
      </Section>

      <Section id="add-staff" heading={t("addHeading")} headingClassName="text-xl" className="mt-10 rounded border border-line bg-surface p-4">
        <p className="mb-4 mt-1 text-muted">{t("addIntro")}</p>
        <InviteStaffForm
          action={inviteStaffAction}
          municipalityId={municipality.id}
          labels={{
            email: t("email"),
            emailHint: t("emailHint"),
            displayName: t("displayName"),
            displayNameHint: t("displayNameHint"),
            roleLegend: t("roleLegend"),
            staff: t("roles.STAFF"),
            staffHint: t("roleStaffHint"),
            moderator: t("roles.MODERATOR"),
            moderatorHint: t("roleModeratorHint"),
            submit: t("submit"),
            sent: t("sent"),
          }}
        />
      </Section>
    </ClientMessages>
  );
}
