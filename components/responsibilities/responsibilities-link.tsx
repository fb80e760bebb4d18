import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import type { DialoguePhase } from "@/lib/generated/prisma/enums";

/** From the dialogue page to its organigram (public once the dialogue is). */
export async function ResponsibilitiesLink({ dialoguePath, phase }: { dialoguePath: string; phase: DialoguePhase }) {
  if (phase === "DRAFT") return null;
  const t = await getTranslations("responsibilities");
  return (
    <p className="mt-6">
      <Link href={`${dialoguePath}/responsibilities`} className="font-semibold">
        {t("dialogueLink")}
      </Link>
    </p>
  );
}
