// Where a form on a dialogue's or a contribution's page sends the person back to after a plain
// POST; the action checks these values with zod and never uses them to decide who may do what.
export type DialoguePageRef = { locale: string; municipality: string; dialogue: string };
export type ContributionPageRef = DialoguePageRef & { contributionId: string };

export function PageFields({ page }: { page: DialoguePageRef | ContributionPageRef }) {
  return (
    <>
      <input type="hidden" name="locale" value={page.locale} />
      <input type="hidden" name="municipality" value={page.municipality} />
      <input type="hidden" name="dialogue" value={page.dialogue} />
      {"contributionId" in page && <input type="hidden" name="contributionId" value={page.contributionId} />}
    </>
  );
}
