-- CreateEnum
CREATE TYPE "PollChoice" AS ENUM ('SINGLE', 'MULTIPLE');

-- CreateTable
CREATE TABLE "Poll" (
    "id" UUID NOT NULL,
    "dialogueId" UUID NOT NULL,
    "question" TEXT NOT NULL,
    "choice" "PollChoice" NOT NULL DEFAULT 'SINGLE',
    "opensAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closesAt" TIMESTAMP(3),
    "phase" "DialoguePhase",
    "closedAt" TIMESTAMP(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Poll_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollOption" (
    "id" UUID NOT NULL,
    "pollId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,

    CONSTRAINT "PollOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollText" (
    "id" UUID NOT NULL,
    "pollId" UUID NOT NULL,
    "dialogueId" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answers" TEXT[],
    "writtenById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PollText_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollAnswer" (
    "id" UUID NOT NULL,
    "pollId" UUID NOT NULL,
    "dialogueId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "perspective" "Perspective" NOT NULL,
    "optionIds" UUID[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PollAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollMeetingCount" (
    "id" UUID NOT NULL,
    "pollId" UUID NOT NULL,
    "dialogueId" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "optionId" UUID NOT NULL,
    "perspective" "Perspective" NOT NULL,
    "count" INTEGER NOT NULL,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PollMeetingCount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Poll_dialogueId_createdAt_idx" ON "Poll"("dialogueId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Poll_id_dialogueId_key" ON "Poll"("id", "dialogueId");

-- CreateIndex
CREATE UNIQUE INDEX "PollOption_pollId_position_key" ON "PollOption"("pollId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "PollOption_id_pollId_key" ON "PollOption"("id", "pollId");

-- CreateIndex
CREATE UNIQUE INDEX "PollText_pollId_language_key" ON "PollText"("pollId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "PollAnswer_pollId_userId_key" ON "PollAnswer"("pollId", "userId");

-- CreateIndex
CREATE INDEX "PollMeetingCount_meetingId_idx" ON "PollMeetingCount"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "PollMeetingCount_pollId_meetingId_optionId_perspective_key" ON "PollMeetingCount"("pollId", "meetingId", "optionId", "perspective");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_id_dialogueId_key" ON "Meeting"("id", "dialogueId");

-- AddForeignKey
ALTER TABLE "Poll" ADD CONSTRAINT "Poll_dialogueId_fkey" FOREIGN KEY ("dialogueId") REFERENCES "Dialogue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Poll" ADD CONSTRAINT "Poll_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollOption" ADD CONSTRAINT "PollOption_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollText" ADD CONSTRAINT "PollText_pollId_dialogueId_fkey" FOREIGN KEY ("pollId", "dialogueId") REFERENCES "Poll"("id", "dialogueId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollText" ADD CONSTRAINT "PollText_writtenById_fkey" FOREIGN KEY ("writtenById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollAnswer" ADD CONSTRAINT "PollAnswer_pollId_dialogueId_fkey" FOREIGN KEY ("pollId", "dialogueId") REFERENCES "Poll"("id", "dialogueId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollAnswer" ADD CONSTRAINT "PollAnswer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollMeetingCount" ADD CONSTRAINT "PollMeetingCount_pollId_dialogueId_fkey" FOREIGN KEY ("pollId", "dialogueId") REFERENCES "Poll"("id", "dialogueId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollMeetingCount" ADD CONSTRAINT "PollMeetingCount_meetingId_dialogueId_fkey" FOREIGN KEY ("meetingId", "dialogueId") REFERENCES "Meeting"("id", "dialogueId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollMeetingCount" ADD CONSTRAINT "PollMeetingCount_optionId_pollId_fkey" FOREIGN KEY ("optionId", "pollId") REFERENCES "PollOption"("id", "pollId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollMeetingCount" ADD CONSTRAINT "PollMeetingCount_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------
-- Quick polls: rules held by the database (decision 048)
-- ---------------------------------------------------------------------------------------

-- Open for a period or for a phase: exactly one of the two.
ALTER TABLE "Poll"
  ADD CONSTRAINT "poll_open_for_period_or_phase" CHECK (num_nonnulls("closesAt", "phase") = 1),
  ADD CONSTRAINT "poll_period_ends_after_start" CHECK ("closesAt" IS NULL OR "closesAt" > "opensAt"),
  ADD CONSTRAINT "poll_phase_takes_part" CHECK ("phase" IS NULL OR "phase" IN ('COLLECTING', 'DELIBERATING', 'RESPONDING')),
  ADD CONSTRAINT "poll_question_not_empty" CHECK (length(btrim("question")) > 0);
ALTER TABLE "PollOption"
  ADD CONSTRAINT "poll_option_position" CHECK ("position" >= 1),
  ADD CONSTRAINT "poll_option_label_not_empty" CHECK (length(btrim("label")) > 0);
ALTER TABLE "PollText"
  ADD CONSTRAINT "poll_text_question_not_empty" CHECK (length(btrim("question")) > 0);
ALTER TABLE "PollMeetingCount"
  ADD CONSTRAINT "poll_meeting_count_range" CHECK ("count" BETWEEN 0 AND 10000);

-- Whether a poll takes answers: 'upcoming', 'open' or 'closed', at a time (UTC, as stored) and
-- in its dialogue's phase. lib/polls/poll-state.ts is the same rule in memory; a test pins them.
CREATE FUNCTION "poll_state"(p "Poll", dialogue_phase "DialoguePhase", at timestamp) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN p."closedAt" IS NOT NULL OR dialogue_phase = 'CLOSED'
      OR (p."closesAt" IS NOT NULL AND p."closesAt" <= at)
      OR (p."phase" IS NOT NULL AND dialogue_phase > p."phase") THEN 'closed'
    WHEN dialogue_phase = 'DRAFT' OR p."opensAt" > at
      OR (p."phase" IS NOT NULL AND dialogue_phase < p."phase") THEN 'upcoming'
    ELSE 'open'
  END
$$;

-- An answer fits its poll: at least one option, none twice, all of this poll, exactly one for a
-- single-choice poll; and it is written (or changed, or taken back) only while the poll is open.
-- The answers of a closed poll are final: its published tallies never change afterwards, so
-- nobody can read one person's answer off a difference.
CREATE FUNCTION "poll_answer_fits_poll"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row "PollAnswer" := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  p "Poll";
  state text;
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW."pollId" <> OLD."pollId" OR NEW."userId" <> OLD."userId") THEN
    PERFORM "refuse"('poll_answer_fits_poll', 'an answer stays with its poll and person');
  END IF;
  -- Serialises with a poll closing early (UPDATE of closedAt takes the row lock).
  SELECT * INTO p FROM "Poll" WHERE "id" = row."pollId" FOR SHARE;
  SELECT "poll_state"(p, d."phase", (now() AT TIME ZONE 'UTC')) INTO state FROM "Dialogue" d WHERE d."id" = p."dialogueId";
  IF state <> 'open' THEN
    PERFORM "refuse"('poll_answer_while_open', format('the poll is %s', state));
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  IF cardinality(NEW."optionIds") IS NULL OR cardinality(NEW."optionIds") < 1
     OR (p."choice" = 'SINGLE' AND cardinality(NEW."optionIds") <> 1)
     OR (SELECT count(DISTINCT x) FROM unnest(NEW."optionIds") x) <> cardinality(NEW."optionIds")
     OR EXISTS (SELECT 1 FROM unnest(NEW."optionIds") x WHERE x IS NULL OR NOT EXISTS (SELECT 1 FROM "PollOption" o WHERE o."id" = x AND o."pollId" = NEW."pollId")) THEN
    PERFORM "refuse"('poll_answer_fits_poll', 'the chosen options do not fit the poll');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "poll_answer_fits_poll" BEFORE INSERT OR UPDATE OR DELETE ON "PollAnswer"
  FOR EACH ROW EXECUTE FUNCTION "poll_answer_fits_poll"();

-- What a poll asks stays as it was asked: once created, only closing it early changes it.
CREATE FUNCTION "poll_only_closes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "refuse"('poll_only_closes', 'a poll is not deleted');
  END IF;
  IF (NEW."question", NEW."choice", NEW."opensAt", NEW."closesAt", NEW."phase", NEW."dialogueId", NEW."createdById")
     IS DISTINCT FROM (OLD."question", OLD."choice", OLD."opensAt", OLD."closesAt", OLD."phase", OLD."dialogueId", OLD."createdById")
     OR (OLD."closedAt" IS NOT NULL AND NEW."closedAt" IS DISTINCT FROM OLD."closedAt") THEN
    PERFORM "refuse"('poll_only_closes', 'a poll only closes early, once');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "poll_only_closes" BEFORE UPDATE OR DELETE ON "Poll"
  FOR EACH ROW EXECUTE FUNCTION "poll_only_closes"();

CREATE FUNCTION "poll_options_are_fixed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "refuse"('poll_options_are_fixed', format('a poll''s answers are fixed, %s refused', TG_OP));
  RETURN NULL;
END $$;
CREATE TRIGGER "poll_options_are_fixed" BEFORE UPDATE OR DELETE ON "PollOption"
  FOR EACH ROW EXECUTE FUNCTION "poll_options_are_fixed"();

-- A version in another language has one label per answer.
CREATE FUNCTION "poll_text_fits_poll"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(NEW."answers"), 0) <> (SELECT count(*) FROM "PollOption" o WHERE o."pollId" = NEW."pollId")
     OR EXISTS (SELECT 1 FROM unnest(NEW."answers") a WHERE a IS NULL OR length(btrim(a)) = 0) THEN
    PERFORM "refuse"('poll_text_fits_poll', 'one label per answer, none empty');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "poll_text_fits_poll" BEFORE INSERT OR UPDATE ON "PollText"
  FOR EACH ROW EXECUTE FUNCTION "poll_text_fits_poll"();

-- Pages that show polls (the dialogue, its results, the polls page) follow their writes (decision 037).
-- PollOption rows are written with their poll, in its transaction, and never change.
SELECT public_version_watch(t, 'dialogue', 'dialogueId') FROM unnest(ARRAY['"Poll"', '"PollText"', '"PollAnswer"', '"PollMeetingCount"']::regclass[]) t;
