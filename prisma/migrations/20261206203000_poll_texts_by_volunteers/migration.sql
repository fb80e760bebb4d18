-- Volunteers translate polls too (decision 048, issue 19): who made a version is still its trace.
-- The host team and volunteers write (a person), a machine translates (nobody).
ALTER TABLE "PollText" DROP CONSTRAINT "poll_text_by_author_or_machine";
ALTER TABLE "PollText" ADD CONSTRAINT "poll_text_by_a_person_or_machine"
  CHECK (("method" IN ('AUTHOR', 'VOLUNTEER') AND "writtenById" IS NOT NULL) OR ("method" = 'MACHINE' AND "writtenById" IS NULL));
