-- A volunteer's poll translation is checked by a second person, as the dialogue's other texts
-- are (decision 048, issue 19).
-- AlterTable
ALTER TABLE "PollText" ADD COLUMN     "checkedAt" TIMESTAMP(3),
ADD COLUMN     "checkedById" UUID;

-- AddForeignKey
ALTER TABLE "PollText" ADD CONSTRAINT "PollText_checkedById_fkey" FOREIGN KEY ("checkedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Only a volunteer's version is checked, never by the volunteer who wrote it, and a check names
-- who and when together. The host team's words and a machine's carry no check: writing the host
-- team's words over a checked version clears it (savePollText).
ALTER TABLE "PollText" ADD CONSTRAINT "poll_text_checked_by_someone_else"
  CHECK (
    ("checkedById" IS NULL AND "checkedAt" IS NULL)
    OR ("checkedById" IS NOT NULL AND "checkedAt" IS NOT NULL AND "method" = 'VOLUNTEER' AND "checkedById" <> "writtenById")
  );
