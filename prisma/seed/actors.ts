// Who does what in Musterstadt (W2 "Organigramm"): the actors that take on responsibility for
// the dialogues' themes, with the contact details each chose to publish.
import type { ActorSeed } from "./types";

export const ACTORS = {
  integrationOffice: {
    name: "Amt für Integration und Migration",
    kind: "MUNICIPAL_DEPARTMENT",
    description:
      "Integrationsbeauftragte und Freiwilligenkoordination der Stadt Musterstadt. Koordiniert die Flüchtlingsdialoge, den Gemeindedolmetscherdienst und den Verfügungsfonds „Ankommen gestalten“.",
    contactEmail: "integration@musterstadt.example",
    contactPhone: "+49 1234 567-410",
    website: "https://www.musterstadt.example/integration",
    address: "Rathaus, Marktplatz 1, Zimmer 2.14, 12345 Musterstadt",
    members: ["integration", "volunteering"],
  },
  housingOffice: {
    name: "Amt für Wohnen und Soziales",
    kind: "MUNICIPAL_DEPARTMENT",
    description:
      "Wohnberechtigungsscheine, Wohnungsvermittlung und Betrieb der städtischen Gemeinschaftsunterkünfte Am Lindenweg und Nordstraße.",
    contactEmail: "wohnen@musterstadt.example",
    contactPhone: "+49 1234 567-520",
    address: "Bürgerbüro, Bahnhofstraße 8, 12345 Musterstadt",
    members: ["housing"],
  },
  adultEducation: {
    name: "Volkshochschule Musterstadt",
    kind: "MUNICIPAL_DEPARTMENT",
    description: "Integrations- und Berufssprachkurse, Sprachcafé, Kurse mit Kinderbetreuung.",
    contactEmail: "deutsch@vhs-musterstadt.example",
    contactPhone: "+49 1234 567-600",
    website: "https://www.vhs-musterstadt.example",
    address: "Schulstraße 3, 12345 Musterstadt",
    members: [],
  },
  diakonie: {
    name: "Diakonisches Werk Musterstadt – Migrationsberatung",
    kind: "WELFARE_ASSOCIATION",
    description:
      "Unabhängige Asylverfahrensberatung, Vorbereitung der Anhörung, Migrationsberatung für Erwachsene und Beratung im Mietrecht – kostenlos und vertraulich, mit Sprachmittlung.",
    contactEmail: "migrationsberatung@diakonie-musterstadt.example",
    contactPhone: "+49 1234 98 76-0",
    address: "Kirchgasse 5, 12345 Musterstadt",
    members: ["klaus"],
  },
  welcomeInitiative: {
    name: "Willkommensinitiative Weststadt",
    kind: "INITIATIVE",
    description:
      "Nachbarinnen und Nachbarn, die begleiten, Deutsch üben, Patenschaften vermitteln und das Café Miteinander im Stadtteilzentrum organisieren. Treffen donnerstags um 18 Uhr.",
    contactEmail: "hallo@willkommen-weststadt.example",
    address: "Stadtteilzentrum Weststadt, Lindenweg 20, 12345 Musterstadt",
    members: ["hannelore", "lena", "birgit"],
  },
  ankommen: {
    name: "Ankommen e.V. – Selbstorganisation Geflüchteter in Musterstadt",
    kind: "REFUGEE_SELF_ORGANISATION",
    refugeeLed: true,
    description:
      "Von Geflüchteten gegründet und geleitet. Lotsinnen und Lotsen begleiten zu Behörden und Ärzten, wir übersetzen ehrenamtlich (Arabisch, Farsi/Dari, Ukrainisch, Englisch) und sprechen in der Stadt für uns selbst.",
    contactEmail: "kontakt@ankommen-musterstadt.example",
    contactPhone: "+49 1234 55 44 33",
    website: "https://ankommen-musterstadt.example",
    address: "Stadtteilzentrum Weststadt, Lindenweg 20, 12345 Musterstadt",
    members: ["reza", "amal", "ahmad"],
  },
  sportsClub: {
    name: "TSV Musterstadt 1890 e.V.",
    kind: "OTHER",
    description: "Sportverein mit Fußball, Schwimmen und Leichtathletik. Mitgliedsbeiträge können über den Teilhabefonds übernommen werden.",
    contactEmail: "info@tsv-musterstadt.example",
    address: "Sportpark Nord, 12345 Musterstadt",
    members: ["mehmet"],
  },
  jobcenter: {
    name: "Jobcenter Musterstadt",
    kind: "OTHER",
    description: "Arbeitsvermittlung, Förderung von Weiterbildung und Führerschein, Beratung zur Anerkennung ausländischer Berufsabschlüsse.",
    contactPhone: "+49 1234 333-0",
    address: "Agenturplatz 2, 12345 Musterstadt",
    members: [],
  },
} as const satisfies Record<string, ActorSeed>;

export type ActorKey = keyof typeof ACTORS;
