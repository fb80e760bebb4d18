-- AlterTable
ALTER TABLE "PollText" ADD COLUMN     "method" "TranslationMethod" NOT NULL DEFAULT 'AUTHOR',
ALTER COLUMN "writtenById" DROP NOT NULL;

-- Who made a version is its trace: the host team writes (a person), a machine translates (nobody).
-- Volunteers do not translate polls (decision 048).
ALTER TABLE "PollText" ADD CONSTRAINT "poll_text_by_author_or_machine"
  CHECK (("method" = 'AUTHOR' AND "writtenById" IS NOT NULL) OR ("method" = 'MACHINE' AND "writtenById" IS NULL));
