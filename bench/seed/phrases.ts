// Small phrase pools in the languages people write in on mitreden, with their own scripts
// (Arabic and Farsi right-to-left, Cyrillic, Turkish and German diacritics). The large-data seed
// combines them into titles, bodies and comments, so pages, search and exports see realistic
// lengths and characters without shipping a corpus.

export type LanguagePool = {
  needs: readonly string[];
  proposals: readonly string[];
  sentences: readonly string[];
  comments: readonly string[];
};

export const PHRASES = {
  de: {
    needs: [
      "Deutschkurs am Abend für Berufstätige",
      "Kinderbetreuung während der Sprachkurse",
      "Hilfe bei der Wohnungssuche",
      "Dolmetschen bei Arztterminen",
      "Beratung vor der Anhörung im Asylverfahren",
      "Anerkennung von Berufsabschlüssen",
      "Sichere Radwege zur Berufsschule",
      "WLAN in der Gemeinschaftsunterkunft",
    ],
    proposals: [
      "Sprachcafé im Stadtteilzentrum",
      "Patenschaften für neue Nachbarinnen und Nachbarn",
      "Fahrradwerkstatt zum Mitmachen",
      "Mehrsprachige Sprechstunde im Rathaus",
      "Gemeinsamer Garten hinter der Unterkunft",
      "Sporttreff für Jugendliche am Wochenende",
    ],
    sentences: [
      "Viele von uns arbeiten tagsüber und können nur abends lernen.",
      "Die Wartezeit beträgt zurzeit mehr als sechs Monate.",
      "Ohne Dolmetscherin verstehe ich beim Arzt nicht, was ich tun soll.",
      "In unserer Unterkunft gibt es keinen ruhigen Raum zum Lernen.",
      "Die Ehrenamtlichen helfen, aber sie sind zu wenige.",
      "Wir möchten selbst mithelfen und brauchen dafür einen Raum.",
      "Die Formulare gibt es nur auf Deutsch.",
      "Der Weg zur Beratungsstelle dauert mit dem Bus über eine Stunde.",
    ],
    comments: [
      "Das kenne ich auch, bei uns ist es genauso.",
      "Die Caritas bietet dienstags eine offene Sprechstunde an.",
      "Ich kann beim Übersetzen helfen.",
      "Gute Idee, ich würde mitmachen.",
      "Gibt es dafür schon einen Termin?",
    ],
  },
  ar: {
    needs: [
      "دورة لغة ألمانية مسائية للعاملين",
      "رعاية الأطفال أثناء دورات اللغة",
      "مساعدة في البحث عن سكن",
      "ترجمة فورية في مواعيد الطبيب",
      "استشارة قبل جلسة الاستماع",
      "الاعتراف بالشهادات المهنية",
    ],
    proposals: [
      "مقهى لغوي في مركز الحي",
      "حديقة مشتركة خلف السكن",
      "ساعة استشارة بعدة لغات في البلدية",
      "لقاء رياضي للشباب في نهاية الأسبوع",
    ],
    sentences: [
      "كثير منا يعمل في النهار ولا يستطيع التعلم إلا في المساء.",
      "مدة الانتظار الآن أكثر من ستة أشهر.",
      "بدون مترجمة لا أفهم ما يقوله الطبيب.",
      "لا توجد غرفة هادئة للدراسة في السكن.",
      "نريد أن نساعد بأنفسنا ونحتاج إلى مكان لذلك.",
      "الاستمارات موجودة باللغة الألمانية فقط.",
    ],
    comments: ["أنا أيضاً أعرف هذه المشكلة.", "يمكنني المساعدة في الترجمة.", "فكرة جيدة، سأشارك.", "هل هناك موعد لذلك؟"],
  },
  fa: {
    needs: [
      "کلاس زبان آلمانی عصرها برای شاغلان",
      "نگهداری از کودکان هنگام کلاس زبان",
      "کمک در پیدا کردن خانه",
      "مترجم برای وقت دکتر",
      "مشاوره پیش از مصاحبه پناهندگی",
    ],
    proposals: ["کافه زبان در مرکز محله", "باغچه مشترک کنار اقامتگاه", "ساعت مشاوره چندزبانه در شهرداری"],
    sentences: [
      "بسیاری از ما روزها کار می‌کنیم و فقط عصرها می‌توانیم درس بخوانیم.",
      "زمان انتظار الان بیش از شش ماه است.",
      "بدون مترجم نمی‌فهمم دکتر چه می‌گوید.",
      "در اقامتگاه اتاق آرامی برای درس خواندن نیست.",
      "می‌خواهیم خودمان کمک کنیم و به یک جا نیاز داریم.",
    ],
    comments: ["من هم همین مشکل را دارم.", "می‌توانم در ترجمه کمک کنم.", "ایده خوبی است، شرکت می‌کنم."],
  },
  uk: {
    needs: [
      "Вечірній курс німецької для працюючих",
      "Догляд за дітьми під час мовних курсів",
      "Допомога з пошуком житла",
      "Перекладач на прийомі в лікаря",
      "Визнання професійних дипломів",
    ],
    proposals: ["Мовне кафе в районному центрі", "Спільний город біля гуртожитку", "Багатомовна консультація в ратуші"],
    sentences: [
      "Багато з нас працюють удень і можуть вчитися лише ввечері.",
      "Зараз чекати доводиться понад шість місяців.",
      "Без перекладача я не розумію, що каже лікар.",
      "У гуртожитку немає тихої кімнати для навчання.",
      "Ми хочемо допомагати самі й потребуємо для цього приміщення.",
    ],
    comments: ["У нас така сама ситуація.", "Можу допомогти з перекладом.", "Гарна ідея, я долучуся."],
  },
  tr: {
    needs: [
      "Çalışanlar için akşam Almanca kursu",
      "Dil kursu sırasında çocuk bakımı",
      "Ev aramada yardım",
      "Doktor randevularında tercüman",
      "Mesleki diplomaların tanınması",
    ],
    proposals: ["Mahalle merkezinde dil kafesi", "Ortak bahçe projesi", "Belediyede çok dilli danışma saati"],
    sentences: [
      "Birçoğumuz gündüz çalışıyor ve sadece akşamları öğrenebiliyor.",
      "Bekleme süresi şu anda altı aydan fazla.",
      "Tercüman olmadan doktorun ne dediğini anlamıyorum.",
      "Yurtta ders çalışmak için sessiz bir oda yok.",
      "Kendimiz de yardım etmek istiyoruz ve bunun için bir yere ihtiyacımız var.",
    ],
    comments: ["Bende de durum aynı.", "Çeviride yardım edebilirim.", "Güzel fikir, ben de katılırım."],
  },
  ru: {
    needs: [
      "Вечерний курс немецкого для работающих",
      "Присмотр за детьми во время языковых курсов",
      "Помощь в поиске жилья",
      "Переводчик на приёме у врача",
    ],
    proposals: ["Языковое кафе в районном центре", "Общий огород у общежития", "Многоязычная консультация в ратуше"],
    sentences: [
      "Многие из нас работают днём и могут учиться только вечером.",
      "Сейчас ждать приходится больше шести месяцев.",
      "Без переводчика я не понимаю, что говорит врач.",
      "В общежитии нет тихой комнаты для учёбы.",
    ],
    comments: ["У нас то же самое.", "Могу помочь с переводом.", "Хорошая идея, я поучаствую."],
  },
  en: {
    needs: [
      "Evening German course for people who work",
      "Childcare during language courses",
      "Help with finding a flat",
      "Interpreting at doctor's appointments",
      "Advice before the asylum hearing",
    ],
    proposals: ["Language café at the neighbourhood centre", "Shared garden behind the shelter", "Multilingual office hours at the town hall"],
    sentences: [
      "Many of us work during the day and can only study in the evening.",
      "The waiting time is currently more than six months.",
      "Without an interpreter I do not understand what the doctor says.",
      "There is no quiet room to study in our shelter.",
      "We want to help ourselves and need a room for it.",
    ],
    comments: ["Same here, we have the same problem.", "I can help with translating.", "Good idea, I would join."],
  },
} as const satisfies Record<string, LanguagePool>;

export type PhraseLanguage = keyof typeof PHRASES;

/** How often each language is written in, roughly as in a large German city's dialogue. */
export const LANGUAGE_WEIGHTS: readonly (readonly [PhraseLanguage, number])[] = [
  ["de", 40],
  ["ar", 15],
  ["fa", 12],
  ["uk", 12],
  ["tr", 8],
  ["ru", 7],
  ["en", 6],
];

export const DISTRICTS = ["Altstadt", "Nordviertel", "Südstadt", "Hafen", "Oststadt", "Westend", "Am Bahnhof", "Neubaugebiet"];
