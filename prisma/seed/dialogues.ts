// The dialogues of Musterstadt, one in each phase, with their host teams, meetings and
// invitations. Every dialogue past DRAFT has a co-host who speaks from lived experience of flight.
import type { DialogueSeed, InvitationSeed, MeetingSeed } from "./types";

const LANGUAGES = ["de", "ar", "fa", "uk", "en"] as const;

export const CODE_OF_CONDUCT = `Unser Verhaltenskodex

1. Wir reden miteinander, nicht übereinander. Geflüchtete sind Expertinnen und Experten in eigener Sache.
2. Wir begegnen uns auf Augenhöhe und mit Respekt – unabhängig von Herkunft, Sprache, Religion, Geschlecht, Alter oder Aufenthaltsstatus.
3. Rassistische, diskriminierende, beleidigende oder bedrohende Beiträge haben hier keinen Platz.
4. Jede Sprache ist willkommen. Wer übersetzt, gibt wieder, was gemeint ist, und fügt nichts hinzu.
5. Wir schützen persönliche Daten: keine Namen, Adressen, Telefonnummern oder Fotos anderer Menschen ohne deren Einverständnis. Niemand muss sagen, woher er oder sie kommt, welchen Aufenthaltsstatus oder welche Religion er oder sie hat.
6. Kritik ist erwünscht – an Sachen und Abläufen, nicht an Personen. Bei Konflikten vermittelt die Moderation.
7. Die Stadt antwortet auf jeden Bedarf öffentlich und schriftlich: wer entscheidet, was, warum, wer zuständig ist und bis wann.

Wer einen Beitrag für unangemessen hält, kann ihn melden. Die Moderation blendet Beiträge nur mit einer Begründung aus, die die Verfasserin oder der Verfasser sieht. Wer mit einer Entscheidung nicht einverstanden ist, kann eine erneute Prüfung durch eine andere Person der Moderation verlangen.`;

export const DIALOGUES = {
  draft: {
    slug: "kinder-jugend-familie",
    title: "Kinder, Jugend und Familie: Kita, Schule, Freizeit",
    summary: "In Vorbereitung: Was brauchen geflüchtete Familien, damit ihre Kinder gut in Kita, Schule und Freizeit ankommen?",
    description:
      "Viele Familien warten lange auf einen Kitaplatz, Eltern verstehen die Briefe der Schule nicht, und Jugendliche finden schwer in Vereine. Bevor dieser Dialog startet, suchen wir Mütter und Väter mit Fluchterfahrung, die ihn als Co-Gastgeberinnen und Co-Gastgeber mit uns planen. Danach sammeln wir Bedarfe und Vorschläge in allen Sprachen, online, auf Papier und bei Treffen im Elterncafé.",
    phase: "DRAFT",
    languages: LANGUAGES,
    themes: ["education", "culture", "other"],
    createdBy: "integration",
    created: -6,
    collectingFrom: 28,
    deliberatingFrom: 70,
    respondingFrom: 100,
    closesAt: 150,
    hosts: ["integration", "volunteering"],
    coHosts: [],
    moderators: ["moderator"],
    responsibilities: [
      { theme: "education", actor: "integrationOffice", note: "Kitaplätze und Schulanmeldung, gemeinsam mit dem Jugendamt" },
      { theme: "culture", actor: "sportsClub", note: "Jugendfußball und Schwimmkurse" },
    ],
  },
  collecting: {
    slug: "wohnen-und-nachbarschaft-weststadt",
    title: "Wohnen und Nachbarschaft in der Weststadt",
    summary: "Wohnungssuche, Leben in der Gemeinschaftsunterkunft, Internet, Orte der Begegnung: Was brauchen Sie, was schlagen Sie vor?",
    description:
      "In der Weststadt leben viele Menschen, die in den letzten Jahren nach Musterstadt geflüchtet sind – in den Gemeinschaftsunterkünften Am Lindenweg und Nordstraße und zunehmend in eigenen Wohnungen. Wir möchten von Ihnen hören, was beim Wohnen und im Zusammenleben in der Nachbarschaft fehlt und was Sie selbst anpacken möchten.\n\nSchreiben Sie in Ihrer Sprache, online oder auf den Karten in den Unterkünften, oder kommen Sie zu unseren Treffen. Die Stadt antwortet auf jeden Bedarf öffentlich und schriftlich.",
    phase: "COLLECTING",
    languages: LANGUAGES,
    themes: ["housing", "encounter", "digital", "culture"],
    createdBy: "integration",
    created: -35,
    collectingFrom: -21,
    deliberatingFrom: 21,
    respondingFrom: 49,
    closesAt: 90,
    hosts: ["integration", "housing"],
    coHosts: ["amal", "hannelore"],
    moderators: ["moderator"],
    recorders: ["lena"],
    responsibilities: [
      { theme: "housing", actor: "housingOffice", note: "Wohnberechtigungsschein, Wohnungsvermittlung, Gemeinschaftsunterkünfte" },
      { theme: "housing", actor: "diakonie", note: "Beratung im Mietrecht" },
      { theme: "encounter", actor: "welcomeInitiative" },
      { theme: "encounter", actor: "ankommen" },
      { theme: "digital", actor: "housingOffice", note: "WLAN in den Gemeinschaftsunterkünften" },
      { theme: "digital", actor: "integrationOffice" },
      { theme: "culture", actor: "sportsClub" },
      { theme: "culture", actor: "welcomeInitiative" },
    ],
  },
  deliberating: {
    slug: "sprache-bildung-arbeit",
    title: "Sprache, Bildung und Arbeit",
    summary: "Sprachkurse, Kinderbetreuung, Anerkennung von Abschlüssen und der Weg in Ausbildung und Arbeit – jetzt wird beraten und unterstützt.",
    description:
      "Arbeit und Bildung sind Voraussetzung für Teilhabe, nicht ihre Folge. In der Sammelphase kamen Rückmeldungen online, auf Papier aus den Integrationskursen und über Sprachmittlerinnen und Sprachmittler zusammen. Jetzt beraten wir gemeinsam: Unterstützen Sie die Beiträge, die Ihnen wichtig sind, und kommentieren Sie, was fehlt. Danach antworten die zuständigen Stellen auf jeden Bedarf.",
    phase: "DELIBERATING",
    languages: LANGUAGES,
    themes: ["education", "work"],
    createdBy: "volunteering",
    created: -75,
    collectingFrom: -60,
    deliberatingFrom: -12,
    respondingFrom: 18,
    closesAt: 60,
    hosts: ["volunteering", "integration"],
    coHosts: ["reza"],
    moderators: ["moderator"],
    recorders: ["hannelore", "lena", "klaus"],
    responsibilities: [
      { theme: "education", actor: "adultEducation", note: "Integrationskurse, Kurse mit Kinderbetreuung" },
      { theme: "education", actor: "integrationOffice", note: "Kitaplätze, gemeinsam mit dem Jugendamt" },
      { theme: "education", actor: "welcomeInitiative", note: "Sprachcafé und Hausaufgabenhilfe" },
      { theme: "work", actor: "jobcenter" },
      { theme: "work", actor: "diakonie", note: "Anerkennungsberatung" },
      { theme: "work", actor: "ankommen", note: "Mentoring beim Berufseinstieg" },
    ],
  },
  responding: {
    slug: "beratung-und-gesundheit",
    title: "Beratung und Gesundheit: gut informiert ankommen",
    summary: "Sprachmittlung bei Behörden und Ärzten, Vorbereitung der Anhörung, Termine online: Die Stadt und ihre Partner antworten.",
    description:
      "Wer Behördenbriefe nicht versteht, beim Arzt nicht erklären kann, was ihm fehlt, oder die Anhörung ohne Beratung vorbereiten muss, ist nicht gleichberechtigt. In diesem Dialog haben Geflüchtete und Engagierte gesammelt, wo Beratung und Gesundheitsversorgung in Musterstadt nicht ankommen. Jetzt antworten die zuständigen Stellen öffentlich: was sie tun, wer zuständig ist und bis wann.",
    phase: "RESPONDING",
    languages: LANGUAGES,
    themes: ["counselling", "health", "digital"],
    createdBy: "integration",
    created: -130,
    collectingFrom: -110,
    deliberatingFrom: -70,
    respondingFrom: -30,
    closesAt: 30,
    hosts: ["integration"],
    coHosts: ["olena", "ahmad"],
    moderators: ["moderator"],
    responsibilities: [
      { theme: "counselling", actor: "diakonie", note: "Asylverfahrensberatung und Vorbereitung der Anhörung" },
      { theme: "counselling", actor: "integrationOffice", note: "Gemeindedolmetscherdienst, Ausländerbehörde" },
      { theme: "counselling", actor: "ankommen", note: "Lotsinnen und Lotsen" },
      { theme: "health", actor: "integrationOffice" },
      { theme: "health", actor: "ankommen" },
      { theme: "digital", actor: "integrationOffice", note: "Online-Termine der Ausländerbehörde" },
      { theme: "digital", actor: "housingOffice", note: "WLAN in den Gemeinschaftsunterkünften" },
    ],
  },
  closed: {
    slug: "begegnung-und-teilhabe",
    title: "Erster Flüchtlingsdialog: Begegnung und Teilhabe",
    summary: "Der erste Flüchtlingsdialog von Musterstadt: Räume für Selbstorganisation, Begegnung im Stadtteil, Kultur, Sport und Arbeit. Alle Bedarfe sind beantwortet.",
    description:
      "Im ersten Flüchtlingsdialog haben Geflüchtete, Nachbarinnen und Nachbarn, Vereine und die Stadtverwaltung gemeinsam gesammelt, beraten und entschieden. Einiges ist umgesetzt – das Café Miteinander, Räume für Ankommen e.V., der Verfügungsfonds –, anderes wurde mit Begründung abgelehnt. Hier ist alles nachzulesen.",
    phase: "CLOSED",
    languages: LANGUAGES,
    themes: ["encounter", "culture", "self_organisation", "work"],
    createdBy: "integration",
    created: -430,
    collectingFrom: -410,
    deliberatingFrom: -360,
    respondingFrom: -330,
    closesAt: -270,
    hosts: ["integration", "volunteering"],
    coHosts: ["reza", "amal"],
    moderators: ["moderator"],
    responsibilities: [
      { theme: "encounter", actor: "welcomeInitiative" },
      { theme: "encounter", actor: "integrationOffice" },
      { theme: "culture", actor: "sportsClub" },
      { theme: "culture", actor: "integrationOffice" },
      { theme: "self_organisation", actor: "integrationOffice", note: "Verfügungsfonds und Räume" },
      { theme: "self_organisation", actor: "ankommen" },
      { theme: "work", actor: "jobcenter" },
      { theme: "work", actor: "integrationOffice", note: "Musterstadt-Pass und Sozialticket" },
    ],
  },
} as const satisfies Record<string, DialogueSeed>;

export type DialogueKey = keyof typeof DIALOGUES;

export const MEETINGS = {
  weststadtEvening: {
    dialogue: "collecting",
    title: "Sammelabend im Stadtteilzentrum Weststadt",
    description: "Bedarfe und Ideen sammeln, in kleinen Gruppen nach Sprachen. Mit Kinderbetreuung, Tee und Gebäck.",
    day: -12,
    hour: 16,
    hours: 2.5,
    place: "Stadtteilzentrum Weststadt, Lindenweg 20, großer Saal",
    languages: ["de", "ar", "fa", "uk"],
    interpretationOffered: true,
    createdBy: "volunteering",
  },
  lindenwegConsultation: {
    dialogue: "collecting",
    title: "Sprechstunde in der Gemeinschaftsunterkunft Am Lindenweg",
    description: "Wer nicht online schreiben möchte, kann Bedarfe hier mündlich sagen; wir schreiben sie auf und lesen sie vor.",
    day: 6,
    hour: 14,
    hours: 2,
    place: "Gemeinschaftsunterkunft Am Lindenweg, Gemeinschaftsraum Haus A",
    languages: ["de", "ar", "fa"],
    interpretationOffered: true,
    createdBy: "volunteering",
  },
  adultEducationCafe: {
    dialogue: "deliberating",
    title: "Dialogcafé Sprache, Bildung und Arbeit",
    description: "Die gesammelten Beiträge vorstellen, beraten und per Handzeichen unterstützen.",
    day: -8,
    hour: 15,
    hours: 2,
    place: "Volkshochschule Musterstadt, Schulstraße 3, Raum 104 (Kinderbetreuung in Raum 105)",
    languages: ["de", "ar", "fa", "uk", "en"],
    interpretationOffered: true,
    createdBy: "volunteering",
  },
  lindenwegHealthHours: {
    dialogue: "responding",
    title: "Sprechstunde Beratung und Gesundheit in der Unterkunft Am Lindenweg",
    day: -95,
    hour: 14,
    hours: 2,
    place: "Gemeinschaftsunterkunft Am Lindenweg, Gemeinschaftsraum Haus A",
    languages: ["de", "ar", "fa"],
    interpretationOffered: true,
    createdBy: "volunteering",
  },
  townHallAnswers: {
    dialogue: "responding",
    title: "Öffentliche Antwortrunde im Ratssaal",
    description: "Die zuständigen Stellen stellen ihre Antworten vor und nehmen Fragen entgegen. Mit Dolmetschen in alle Sprachen des Dialogs.",
    day: 9,
    hour: 17,
    hours: 2,
    place: "Rathaus, Marktplatz 1, Ratssaal",
    languages: ["de", "ar", "fa", "uk", "en"],
    interpretationOffered: true,
    createdBy: "integration",
  },
  kickoffWorkshop: {
    dialogue: "closed",
    title: "Auftaktwerkstatt im Stadtteilzentrum",
    day: -405,
    hour: 15,
    hours: 3,
    place: "Stadtteilzentrum Weststadt, Lindenweg 20",
    languages: ["de", "ar", "fa", "uk"],
    interpretationOffered: true,
    createdBy: "volunteering",
  },
} as const satisfies Record<string, MeetingSeed>;

export type MeetingKey = keyof typeof MEETINGS;

export const INVITATIONS: readonly InvitationSeed[] = [
  {
    dialogue: "collecting",
    code: "38NWFC2U",
    role: "PARTICIPANT",
    createdBy: "integration",
    created: -22,
    expires: 49,
    maxUses: 300,
    handedOut: "Plakate in den Gemeinschaftsunterkünften und im Stadtteilzentrum",
  },
  {
    dialogue: "deliberating",
    code: "XYW74ZDR",
    role: "PARTICIPANT",
    createdBy: "volunteering",
    created: -61,
    expires: 18,
    maxUses: 200,
    handedOut: "Handzettel in den Integrationskursen der Volkshochschule",
  },
  {
    dialogue: "responding",
    code: "9CNZYZ5Y",
    role: "PARTICIPANT",
    createdBy: "integration",
    created: -111,
    expires: 30,
    maxUses: 150,
    handedOut: "QR-Code auf Aushängen in Beratungsstellen und Arztpraxen",
  },
  {
    dialogue: "draft",
    code: "DTG6GH45",
    role: "CO_HOST",
    createdBy: "integration",
    created: -5,
    expires: 21,
    maxUses: 2,
    handedOut: "persönlich an zwei Mütter aus dem Elterncafé, die als Co-Gastgeberinnen angefragt sind",
  },
];
