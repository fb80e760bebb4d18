"use client";

import { CheckboxField, ChoiceField, SubmitButton } from "@/components/form/form-fields";
import { IDLE } from "@/lib/actions/form-state";

type Option = { value: string; label: string };

/**
 * A plain POST form to the download route (the export is logged, so it is no GET): without
 * JavaScript the browser downloads the file itself. The route checks the origin and everything
 * else again; this only offers the choices.
 */
export function ExportForm({
  action,
  canIncludeHidden,
  labels,
}: {
  action: string;
  canIncludeHidden: boolean;
  labels: {
    recordType: string;
    recordTypeHint: string;
    recordTypes: Option[];
    format: string;
    formats: Option[];
    separator: string;
    separators: Option[];
    includeHidden: string;
    includeHiddenHint: string;
    submit: string;
  };
}) {
  return (
    <form method="post" action={action} className="mt-6 rounded border border-line bg-surface p-4">
      <ChoiceField name="format" legend={labels.format} state={IDLE} options={labels.formats} defaultValue="csv" />
      <ChoiceField
        name="recordType"
        legend={labels.recordType}
        hint={labels.recordTypeHint}
        state={IDLE}
        options={labels.recordTypes}
        defaultValue="contributions"
      />
      <ChoiceField name="separator" legend={labels.separator} state={IDLE} options={labels.separators} defaultValue="comma" />
      {canIncludeHidden && (
        <CheckboxField name="includeHidden" label={labels.includeHidden} hint={labels.includeHiddenHint} state={IDLE} />
      )}
      <SubmitButton>{labels.submit}</SubmitButton>
    </form>
  );
}
