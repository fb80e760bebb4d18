-- AlterTable
ALTER TABLE "Dialogue" ALTER COLUMN "codeOfConduct" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "codeOfConductLanguage" TEXT,
ADD COLUMN     "codeOfConductVersion" TEXT;

-- A dialogue that kept the default rules shows them in each reader's language (decision 025):
-- rows that still hold the default text a dialogue was created with (the catalogue's, in the
-- municipality's language) become NULL. Text a host team changed stays theirs.
UPDATE "Dialogue" SET "codeOfConduct" = NULL WHERE btrim("codeOfConduct") IN (
  $rules$Wir reden mit Respekt miteinander. Jede Erfahrung zählt.
Wir beleidigen niemanden und werten niemanden ab, auch nicht wegen Herkunft, Religion, Geschlecht oder Sprache.
Wir schreiben nichts Privates über andere (zum Beispiel Namen, Adressen, Telefonnummern).
Wir bleiben beim Thema des Dialogs.
Wenn etwas nicht in Ordnung ist, melden Sie es. Die Moderation kümmert sich darum und begründet, was sie tut.$rules$,
  $rules$We talk to each other with respect. Every experience counts.
We do not insult or put down anyone, including because of origin, religion, gender or language.
We do not write private things about others (for example names, addresses, phone numbers).
We stay on the dialogue's topic.
If something is not right, report it. The moderators take care of it and explain what they do.$rules$,
  $rules$نتحدث مع بعضنا باحترام. كل تجربة مهمة.
لا نهين أحدًا ولا نقلل من شأن أحد، ولا بسبب الأصل أو الدين أو الجنس أو اللغة.
لا نكتب أشياء خاصة عن الآخرين (مثل الأسماء والعناوين وأرقام الهاتف).
نبقى في موضوع الحوار.
إذا كان هناك شيء غير مقبول، أبلغوا عنه. يهتم فريق الإشراف بالأمر ويشرح ما يفعله.$rules$,
  $rules$ما با احترام با هم حرف می‌زنیم. هر تجربه‌ای مهم است.
به هیچ‌کس توهین نمی‌کنیم و هیچ‌کس را کوچک نمی‌شماریم، از جمله به خاطر خاستگاه، دین، جنسیت یا زبان.
چیزهای خصوصی دربارهٔ دیگران نمی‌نویسیم (مثلاً نام، نشانی، شمارهٔ تلفن).
در موضوع گفت‌وگو می‌مانیم.
اگر چیزی درست نیست، آن را گزارش کنید. ناظران به آن رسیدگی می‌کنند و توضیح می‌دهند چه می‌کنند.$rules$,
  $rules$Ми розмовляємо одне з одним з повагою. Кожен досвід важливий.
Ми нікого не ображаємо і не принижуємо, зокрема через походження, релігію, стать чи мову.
Ми не пишемо приватного про інших (наприклад, імена, адреси, номери телефонів).
Ми тримаємося теми діалогу.
Якщо щось не так, повідомте про це. Модерація займеться цим і пояснить, що робить.$rules$,
  $rules$Birbirimizle saygıyla konuşuruz. Her deneyim önemlidir.
Kimseye hakaret etmeyiz, kimseyi küçümsemeyiz; köken, din, cinsiyet veya dil nedeniyle de.
Başkaları hakkında özel bilgi yazmayız (örneğin ad, adres, telefon numarası).
Diyaloğun konusunda kalırız.
Bir şey yolunda değilse bildirin. Moderasyon bununla ilgilenir ve ne yaptığını açıklar.$rules$,
  $rules$Мы говорим друг с другом с уважением. Каждый опыт важен.
Мы никого не оскорбляем и не унижаем, в том числе из-за происхождения, религии, пола или языка.
Мы не пишем ничего личного о других (например, имена, адреса, номера телефонов).
Мы держимся темы диалога.
Если что-то не так, сообщите об этом. Модерация займётся этим и объяснит, что делает.$rules$
);

-- What a person accepted: the language of the rules they read and which text it was.
ALTER TABLE "Membership"
  ADD CONSTRAINT "membership_code_of_conduct_language_format" CHECK (
    "codeOfConductLanguage" IS NULL OR "codeOfConductLanguage" ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
  ADD CONSTRAINT "membership_code_of_conduct_version_format" CHECK (
    "codeOfConductVersion" IS NULL OR "codeOfConductVersion" ~ '^(default|[0-9a-f]{16,64})$'),
  ADD CONSTRAINT "membership_code_of_conduct_seen_with_acceptance" CHECK (
    ("codeOfConductLanguage" IS NULL) = ("codeOfConductVersion" IS NULL)
    AND ("codeOfConductVersion" IS NULL OR "codeOfConductAcceptedAt" IS NOT NULL));
