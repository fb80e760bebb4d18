import { getTranslations } from "next-intl/server";
import { CheckboxField, SubmitButton } from "@/components/form/form-fields";
import { ActionForm } from "@/components/form/form";
import { IdFields, type FormIds } from "@/components/form/id-fields";
import type { FormAction } from "@/lib/actions/form-state";


/** One place up or down in the municipality's order of districts: a plain button, no JavaScript needed. */
export async function MoveDistrictForm({ action, ids, direction, name }: { action: FormAction; ids: FormIds; direction: "up" | "down"; name: string }) {
  const t = await getTranslations("districts");
  return (
    <ActionForm action={action} className="inline">
      <IdFields ids={ids} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" className="rounded border border-brand px-3 py-1 text-sm font-semibold text-brand hover:bg-brand hover:text-white">
        <span aria-hidden="true">{direction === "up" ? "↑" : "↓"} </span>
        {t(direction === "up" ? "moveUp" : "moveDown")}
        <span className="sr-only">
          <bdi>{name}</bdi>
        </span>
      </button>
    </ActionForm>
  );
}

/**
 * Deleting a district: what happens to its contributions, said before, and a box to tick that
 * says it once more. Without the tick the page comes back with the message at the box.
 */
export async function DeleteDistrictForm({ action, ids, intro, confirm }: { action: FormAction; ids: FormIds; intro: string; confirm: string }) {
  const t = await getTranslations("districts");
  return (
    <ActionForm action={action} noValidate>
      <IdFields ids={ids} />
      <p className="mb-3">{intro}</p>
      <CheckboxField name="confirm" label={confirm} />
      <SubmitButton className="rounded border-2 border-danger bg-white px-4 py-2 font-semibold text-danger hover:bg-danger-soft aria-disabled:opacity-70">
        {t("deleteSubmit")}
      </SubmitButton>
    </ActionForm>
  );
}
