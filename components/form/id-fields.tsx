/**
 * The ids of what a form acts on (a municipality, a membership, a phase to leave), as hidden
 * fields. Never the page's address: that is bound to the action where the page renders the form
 * (decision 042), so the type refuses its names here and the lint rule refuses them elsewhere.
 */
export type FormIds = Record<string, string> & { [name in "locale" | "municipality" | "dialogue" | "page" | "back"]?: never };

export function IdFields({ ids }: { ids: FormIds }) {
  return Object.entries(ids).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}
