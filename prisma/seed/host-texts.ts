// The host team's own texts in other languages (decision 025): versions that the dialogue's
// co-hosts wrote (method AUTHOR). Every dialogue keeps the default rules, shown in each reader's
// language, except the one in RESPONDING, whose host team wrote its own (CODE_OF_CONDUCT) and an
// Arabic version of them: a Ukrainian reader sees them in German, with a note.
import type { ActorKey } from "./actors";
import { DIALOGUES, type DialogueKey, type MeetingKey } from "./dialogues";
import type { PersonKey } from "./people";

export type DialogueVersionSeed = {
  language: string;
  writtenBy: PersonKey;
  title: string;
  summary: string;
  description: string;
  codeOfConduct?: string;
};

/** The dialogue whose host team wrote its own rules; all others keep the default ones. */
export const OWN_RULES_DIALOGUE: DialogueKey = "responding";

export const DIALOGUE_VERSIONS: Partial<Record<DialogueKey, readonly DialogueVersionSeed[]>> = {
  collecting: [
    {
      language: "uk",
      writtenBy: "olena",
      title: "Житло і сусідство у Вестштадті",
      summary: "Пошук житла, життя в гуртожитку, інтернет, місця для зустрічей: що вам потрібно, що ви пропонуєте?",
      description:
        "У Вестштадті живе багато людей, які за останні роки втекли до Мустерштадта, — у гуртожитках на Am Lindenweg і Nordstraße і дедалі частіше у власних квартирах. Ми хочемо почути від вас, чого бракує в житлі та в житті по сусідству і що ви хотіли б зробити самі.\n\nПишіть своєю мовою, онлайн або на картках у гуртожитках, або приходьте на наші зустрічі. Місто відповідає на кожну потребу публічно і письмово.",
    },
    {
      language: "ar",
      writtenBy: "amal",
      title: "السكن والجيرة في حي فيستشتات",
      summary: "البحث عن سكن، الحياة في السكن الجماعي، الإنترنت، أماكن اللقاء: ماذا تحتاجون، وماذا تقترحون؟",
      description:
        "يعيش في حي فيستشتات كثير من الناس الذين لجؤوا إلى موسترشتات في السنوات الأخيرة، في السكن الجماعي في Am Lindenweg وNordstraße، وأكثر فأكثر في شقق خاصة بهم. نريد أن نسمع منكم ما الذي ينقص في السكن وفي الحياة مع الجيران، وما الذي تريدون أن تبادروا إليه بأنفسكم.\n\nاكتبوا بلغتكم، على الإنترنت أو على البطاقات في أماكن السكن، أو تعالوا إلى لقاءاتنا. تجيب المدينة على كل حاجة علنًا وكتابةً.",
    },
  ],
  responding: [
    {
      language: "ar",
      writtenBy: "amal",
      title: "الاستشارة والصحة",
      summary: "أين تجدون المشورة، وكيف تصلون إلى الطبيب، وما الذي يساعد عند الانتظار الطويل؟",
      description:
        "نجمع هنا ما تحتاجونه في الاستشارة والصحة: مواعيد الأطباء، الترجمة في العيادة، الاستشارة القانونية والتحضير للمقابلة. تجيب المدينة على كل حاجة علنًا وكتابةً.",
      codeOfConduct:
        "قواعد الحوار الخاصة بنا\n\n1. نتحدث مع بعضنا، لا عن بعضنا. اللاجئون خبراء في شؤونهم.\n2. نلتقي على قدم المساواة وباحترام، بغض النظر عن الأصل أو اللغة أو الدين أو الجنس أو العمر أو وضع الإقامة.\n3. لا مكان هنا لمشاركات عنصرية أو تمييزية أو مهينة أو مهدِّدة.\n4. كل لغة مرحَّب بها. من يترجم ينقل المقصود ولا يضيف شيئًا.\n5. نحمي البيانات الشخصية: لا أسماء ولا عناوين ولا أرقام هاتف ولا صور لأشخاص آخرين دون موافقتهم. لا أحد مضطر أن يقول من أين جاء أو ما وضع إقامته أو دينه.\n6. النقد مرحَّب به، على الأمور والإجراءات لا على الأشخاص. عند الخلاف يتوسّط فريق الإشراف.\n7. تجيب المدينة على كل حاجة علنًا وكتابةً: من يقرّر، وماذا، ولماذا، ومن المسؤول، وحتى متى.\n\nمن يرى أن مساهمة غير لائقة يمكنه الإبلاغ عنها. لا يخفي فريق الإشراف المساهمات إلا مع سبب يراه كاتبها. ومن لا يوافق على قرار يمكنه طلب مراجعة جديدة من شخص آخر في فريق الإشراف.",
    },
  ],
};

/** The municipality's introduction (in German, its language) and a version in Arabic. */
export const MUNICIPALITY_INTRODUCTION =
  "Musterstadt hat rund 80.000 Einwohnerinnen und Einwohner; etwa 2.400 von ihnen sind in den letzten Jahren vor Krieg und Verfolgung hierher geflüchtet. In unseren Flüchtlingsdialogen reden wir mit ihnen, nicht über sie: Sie sagen, was fehlt, und die Stadt antwortet öffentlich auf jeden Bedarf.";

export const MUNICIPALITY_INTRODUCTION_VERSIONS: readonly { language: string; writtenBy: PersonKey; body: string }[] = [
  {
    language: "ar",
    writtenBy: "integration",
    body: "يعيش في موسترشتات نحو 80 ألف نسمة، منهم نحو 2400 شخص لجؤوا إلى هنا في السنوات الأخيرة هربًا من الحرب والاضطهاد. في حواراتنا مع اللاجئين نتحدث معهم، لا عنهم: هم يقولون ما الذي ينقص، والمدينة تجيب علنًا على كل حاجة.",
  },
  {
    language: "uk",
    writtenBy: "integration",
    body: "У Мустерштадті живе близько 80 000 мешканців; приблизно 2 400 з них за останні роки втекли сюди від війни та переслідувань. У наших діалогах із біженцями ми говоримо з ними, а не про них: вони кажуть, чого бракує, а місто публічно відповідає на кожну потребу.",
  },
];

/** What a reader in `locale` sees of a seeded dialogue's text: the version in their language, else the original. */
export function dialogueTextIn(key: DialogueKey, locale: string, field: "title" | "summary" | "description"): string {
  const version = DIALOGUE_VERSIONS[key]?.find((candidate) => candidate.language === locale.split("-")[0]);
  return version ? version[field] : DIALOGUES[key][field];
}

/** The upcoming consultation hour, written in Arabic and Ukrainian by the co-hosts. */
export const MEETING_VERSIONS: Partial<Record<MeetingKey, readonly { language: string; writtenBy: PersonKey; title: string; place: string; description: string }[]>> = {
  lindenwegConsultation: [
    {
      language: "ar",
      writtenBy: "amal",
      title: "ساعة استشارة في السكن الجماعي Am Lindenweg",
      place: "السكن الجماعي Am Lindenweg، قاعة الاجتماعات في المبنى A",
      description: "من لا يريد الكتابة على الإنترنت يمكنه أن يقول حاجاته هنا شفهيًا؛ نكتبها ونقرؤها عليه.",
    },
    {
      language: "uk",
      writtenBy: "olena",
      title: "Консультаційна година в гуртожитку Am Lindenweg",
      place: "Гуртожиток Am Lindenweg, кімната для зустрічей, будинок A",
      description: "Хто не хоче писати онлайн, може сказати про свої потреби тут усно; ми записуємо їх і зачитуємо.",
    },
  ],
};

/** The refugee self-organisation describes itself in Arabic and Persian too (its members wrote them). */
export const ACTOR_VERSIONS: Partial<Record<ActorKey, readonly { language: string; writtenBy: PersonKey; description: string }[]>> = {
  ankommen: [
    {
      language: "ar",
      writtenBy: "amal",
      description:
        "أسّسه لاجئون ويديرونه. يرافق مرشدات ومرشدون الناس إلى الدوائر الرسمية والأطباء، ونترجم تطوعًا (العربية، الفارسية/الدرية، الأوكرانية، الإنجليزية)، ونتكلم في المدينة باسمنا نحن.",
    },
    {
      language: "fa",
      writtenBy: "reza",
      description:
        "پناهندگان آن را بنیان گذاشته‌اند و اداره می‌کنند. راهنمایان، مردم را تا اداره‌ها و پزشکان همراهی می‌کنند، ما داوطلبانه ترجمه می‌کنیم (عربی، فارسی/دری، اوکراینی، انگلیسی) و در شهر از طرف خودمان حرف می‌زنیم.",
    },
  ],
};
