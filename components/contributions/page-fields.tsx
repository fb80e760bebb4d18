// Where a form on a contribution page sends the person back to after a plain POST; the action
// checks these values with zod and never uses them to decide who may do what.
export type ContributionPageRef = { locale: string; municipality: string; dialogue: string; contributionId: string };

export function PageFields({ page }: { page: ContributionPageRef }) {
  return (
    <>
      <input type="hidden" name="locale" value={page.locale} />
      <input type="hidden" name="municipality" value={page.municipality} />
      <input type="hidden" name="dialogue" value={page.dialogue} />
      <input type="hidden" name="contributionId" value={page.contributionId} />
    </>
  );
}
