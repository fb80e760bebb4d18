-- Invariants of ../shared/DESIGN.md that the database can hold and Prisma's schema language
-- cannot express. Each constraint or trigger is named after the rule it keeps; the domain
-- functions check the same rules first to give a friendly, translated message, and
-- tests/db/*.test.ts shows each one refusing bad data.
-- Errors raised by triggers use SQLSTATE 23514 (check_violation), like CHECK constraints, and
-- start their message with the rule's name ("rule_name: …"), because drivers pass on the
-- message but not always the CONSTRAINT field. "Not blank" means: has a non-space character.

-- ---------------------------------------------------------------------------------------
-- Shapes of values
-- ---------------------------------------------------------------------------------------

ALTER TABLE "Municipality"
  ADD CONSTRAINT "municipality_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  ADD CONSTRAINT "municipality_name_present" CHECK ("name" ~ '\S' AND char_length("name") <= 120);

ALTER TABLE "User"
  ADD CONSTRAINT "user_display_name_length" CHECK ("displayName" ~ '\S' AND char_length("displayName") <= 60),
  ADD CONSTRAINT "user_email_lowercase" CHECK ("email" IS NULL OR "email" = lower("email")),
  ADD CONSTRAINT "user_locale_format" CHECK ("locale" ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
  -- The handle is the first group of a sign-in code, typed from paper: no look-alikes.
  ADD CONSTRAINT "user_sign_in_handle_format" CHECK ("signInHandle" IS NULL OR "signInHandle" ~ '^[2-9A-HJKMNP-Z]{4,8}$'),
  ADD CONSTRAINT "user_sign_in_pair" CHECK (("signInHandle" IS NULL) = ("signInCodeHash" IS NULL));

ALTER TABLE "Theme"
  ADD CONSTRAINT "theme_name_present" CHECK ("name" ~ '\S' AND char_length("name") <= 80);

ALTER TABLE "Dialogue"
  ADD CONSTRAINT "dialogue_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  ADD CONSTRAINT "dialogue_title_length" CHECK ("title" ~ '\S' AND char_length("title") <= 160),
  ADD CONSTRAINT "dialogue_has_languages" CHECK (cardinality("languages") >= 1),
  ADD CONSTRAINT "dialogue_code_of_conduct_present" CHECK ("codeOfConduct" ~ '\S');

-- Short codes are read out and typed: no 0/O, 1/I/L look-alikes.
ALTER TABLE "Invitation"
  ADD CONSTRAINT "invitation_code_without_lookalikes" CHECK ("code" ~ '^[2-9A-HJKMNP-Z]{6,16}$'),
  ADD CONSTRAINT "invitation_role_joinable" CHECK ("role" IN ('PARTICIPANT', 'CO_HOST')),
  ADD CONSTRAINT "invitation_uses_within_limit" CHECK ("maxUses" > 0 AND "uses" >= 0 AND "uses" <= "maxUses");

ALTER TABLE "Contribution"
  ADD CONSTRAINT "contribution_title_length" CHECK ("title" ~ '\S' AND char_length("title") <= 200),
  ADD CONSTRAINT "contribution_body_length" CHECK ("body" ~ '\S' AND char_length("body") <= 10000),
  ADD CONSTRAINT "contribution_district_length" CHECK ("district" IS NULL OR char_length("district") <= 120),
  ADD CONSTRAINT "contribution_language_format" CHECK ("language" ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$');

ALTER TABLE "Comment"
  ADD CONSTRAINT "comment_body_length" CHECK ("body" ~ '\S' AND char_length("body") <= 5000),
  ADD CONSTRAINT "comment_language_format" CHECK ("language" ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$');

ALTER TABLE "MeetingSupport"
  ADD CONSTRAINT "meeting_support_count_positive" CHECK ("count" > 0);

ALTER TABLE "Meeting"
  ADD CONSTRAINT "meeting_ends_after_start" CHECK ("endsAt" IS NULL OR "endsAt" > "startsAt"),
  ADD CONSTRAINT "meeting_place_present" CHECK ("place" ~ '\S');

ALTER TABLE "Response"
  ADD CONSTRAINT "response_is_written" CHECK ("body" ~ '\S' AND char_length("body") <= 10000);

-- ---------------------------------------------------------------------------------------
-- With, not about: whose voice it is, and who recorded it, are kept apart
-- ---------------------------------------------------------------------------------------

-- Online, the voice typed it: it has an account and nobody recorded it. Entered on someone's
-- behalf (meeting, paper, interpreted), the recorder is named.
ALTER TABLE "Contribution"
  ADD CONSTRAINT "contribution_on_behalf_names_recorder" CHECK (
    ("source" = 'ONLINE' AND "recordedById" IS NULL AND "authorId" IS NOT NULL
       AND "meetingId" IS NULL AND "interpreterId" IS NULL AND "interpreterName" IS NULL
       AND "readBackConfirmedAt" IS NULL)
    OR ("source" <> 'ONLINE' AND "recordedById" IS NOT NULL)
  ),
  ADD CONSTRAINT "contribution_recorder_is_not_the_voice" CHECK (
    "authorId" IS NULL OR ("recordedById" IS DISTINCT FROM "authorId" AND "interpreterId" IS DISTINCT FROM "authorId")
  ),
  ADD CONSTRAINT "contribution_meeting_source_names_meeting" CHECK ("source" <> 'MEETING' OR "meetingId" IS NOT NULL),
  ADD CONSTRAINT "contribution_interpreted_names_interpreter" CHECK (
    "source" <> 'INTERPRETED' OR "interpreterId" IS NOT NULL OR coalesce("interpreterName" ~ '\S', false)
  ),
  -- Said aloud and written down by someone else: it was read back and confirmed.
  ADD CONSTRAINT "contribution_spoken_entry_read_back" CHECK (
    "source" NOT IN ('MEETING', 'INTERPRETED') OR "readBackConfirmedAt" IS NOT NULL
  );

-- ---------------------------------------------------------------------------------------
-- Exactly-one targets and consistent pairs
-- ---------------------------------------------------------------------------------------

ALTER TABLE "Translation"
  ADD CONSTRAINT "translation_has_one_target" CHECK (num_nonnulls("contributionId", "commentId") = 1),
  ADD CONSTRAINT "translation_title_only_for_contributions" CHECK ("commentId" IS NULL OR "title" IS NULL),
  ADD CONSTRAINT "translation_volunteer_named" CHECK ("method" <> 'VOLUNTEER' OR "translatorId" IS NOT NULL),
  ADD CONSTRAINT "translation_checked_pair" CHECK (("checkedById" IS NULL) = ("checkedAt" IS NULL)),
  ADD CONSTRAINT "translation_body_length" CHECK ("body" ~ '\S' AND char_length("body") <= 10000),
  ADD CONSTRAINT "translation_language_format" CHECK ("language" ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$');

ALTER TABLE "Report"
  ADD CONSTRAINT "report_has_one_target" CHECK (num_nonnulls("contributionId", "commentId") = 1),
  ADD CONSTRAINT "report_reason_length" CHECK (char_length("reason") <= 2000),
  ADD CONSTRAINT "report_resolution_complete" CHECK (
    ("status" = 'OPEN') = ("resolvedAt" IS NULL) AND ("resolvedAt" IS NULL) = ("resolvedById" IS NULL)
  );

ALTER TABLE "ModerationAction"
  ADD CONSTRAINT "moderation_reason_written" CHECK ("reason" ~ '\S' AND char_length("reason") <= 2000),
  ADD CONSTRAINT "moderation_content_action_has_one_target" CHECK (
    "type" NOT IN ('HIDE', 'UNHIDE', 'REVIEW_REQUESTED', 'REVIEW_UPHELD', 'REVIEW_REVERSED')
    OR num_nonnulls("contributionId", "commentId") = 1
  ),
  ADD CONSTRAINT "moderation_hide_has_category" CHECK ("type" <> 'HIDE' OR "category" IS NOT NULL),
  ADD CONSTRAINT "moderation_user_action_names_user" CHECK (
    "type" NOT IN ('SUSPEND_USER', 'UNSUSPEND_USER') OR "targetUserId" IS NOT NULL
  ),
  ADD CONSTRAINT "moderation_mediation_names_case" CHECK (
    "type" NOT IN ('MEDIATION_OPENED', 'MEDIATION_CLOSED') OR "mediationCaseId" IS NOT NULL
  );

ALTER TABLE "ReviewRequest"
  ADD CONSTRAINT "review_decision_complete" CHECK (
    ("decision" IS NULL) = ("decidedById" IS NULL) AND ("decision" IS NULL) = ("decidedAt" IS NULL)
  );

ALTER TABLE "Contribution"
  ADD CONSTRAINT "contribution_hidden_pair" CHECK (("hiddenAt" IS NULL) = ("hiddenCategory" IS NULL));
ALTER TABLE "Comment"
  ADD CONSTRAINT "comment_hidden_pair" CHECK (("hiddenAt" IS NULL) = ("hiddenCategory" IS NULL));

-- ---------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------

-- Refusals of the triggers below: check_violation, the rule's name first in the message.
CREATE FUNCTION "refuse"(rule text, detail text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%: %', rule, detail USING ERRCODE = 'check_violation', CONSTRAINT = rule;
END $$;

-- Append-only records: the public answer timeline and the moderation log.
CREATE FUNCTION "refuse_change_of_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "refuse"(TG_ARGV[0], format('%s is append-only, %s refused', TG_TABLE_NAME, TG_OP));
  RETURN NULL;
END $$;

CREATE TRIGGER "response_append_only" BEFORE UPDATE OR DELETE ON "Response"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_of_append_only"('response_append_only');
CREATE TRIGGER "response_append_only_truncate" BEFORE TRUNCATE ON "Response"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change_of_append_only"('response_append_only');
CREATE TRIGGER "moderation_action_append_only" BEFORE UPDATE OR DELETE ON "ModerationAction"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_of_append_only"('moderation_action_append_only');
CREATE TRIGGER "moderation_action_append_only_truncate" BEFORE TRUNCATE ON "ModerationAction"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change_of_append_only"('moderation_action_append_only');

-- A need is never closed silently: a contribution starts OPEN and its status changes only by
-- inserting a written Response, which sets it.
CREATE FUNCTION "response_sets_status"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Contribution" SET "status" = NEW."status", "updatedAt" = now()
   WHERE "id" = NEW."contributionId" AND "status" IS DISTINCT FROM NEW."status";
  RETURN NULL;
END $$;
CREATE TRIGGER "response_sets_status" AFTER INSERT ON "Response"
  FOR EACH ROW EXECUTE FUNCTION "response_sets_status"();

CREATE FUNCTION "contribution_status_needs_response"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW."status" <> 'OPEN' THEN
    PERFORM "refuse"('contribution_status_needs_response', 'a contribution starts OPEN');
  END IF;
  -- Depth 1 is a direct UPDATE; the update issued by response_sets_status runs at depth 2.
  IF TG_OP = 'UPDATE' AND NEW."status" IS DISTINCT FROM OLD."status" AND pg_trigger_depth() < 2 THEN
    PERFORM "refuse"('contribution_status_needs_response', 'the status changes only through a written response');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "contribution_status_needs_response" BEFORE INSERT OR UPDATE OF "status" ON "Contribution"
  FOR EACH ROW EXECUTE FUNCTION "contribution_status_needs_response"();

-- Contributions are posted while a dialogue is open, never into a draft or a closed one.
CREATE FUNCTION "contribution_in_open_dialogue"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Dialogue" WHERE "id" = NEW."dialogueId" AND "phase" IN ('DRAFT', 'CLOSED')) THEN
    PERFORM "refuse"('contribution_in_open_dialogue', 'the dialogue is a draft or closed');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "contribution_in_open_dialogue" BEFORE INSERT ON "Contribution"
  FOR EACH ROW EXECUTE FUNCTION "contribution_in_open_dialogue"();

-- The results of a closed dialogue are final: no support or comment is added or taken back.
CREATE FUNCTION "closed_dialogue_is_final"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row record;
BEGIN
  row := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  IF EXISTS (SELECT 1 FROM "Contribution" c JOIN "Dialogue" d ON d."id" = c."dialogueId"
              WHERE c."id" = row."contributionId" AND d."phase" = 'CLOSED') THEN
    PERFORM "refuse"('closed_dialogue_is_final', format('%s of a closed dialogue cannot change', TG_TABLE_NAME));
  END IF;
  RETURN row;
END $$;
CREATE TRIGGER "support_closed_dialogue_is_final" BEFORE INSERT OR DELETE ON "Support"
  FOR EACH ROW EXECUTE FUNCTION "closed_dialogue_is_final"();
CREATE TRIGGER "meeting_support_closed_dialogue_is_final" BEFORE INSERT OR UPDATE OR DELETE ON "MeetingSupport"
  FOR EACH ROW EXECUTE FUNCTION "closed_dialogue_is_final"();
CREATE TRIGGER "comment_closed_dialogue_is_final" BEFORE INSERT ON "Comment"
  FOR EACH ROW EXECUTE FUNCTION "closed_dialogue_is_final"();

-- With, not about: a dialogue is created as DRAFT and leaves DRAFT only with a co-host who
-- declared lived experience of flight (DESIGN.md: the host team includes at least one such
-- co-host). It is CLOSED only when every need has a response.
CREATE FUNCTION "dialogue_phase_rules"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unanswered integer;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."phase" <> 'DRAFT' THEN
      PERFORM "refuse"('dialogue_starts_as_draft', 'a dialogue starts as DRAFT');
    END IF;
    RETURN NEW;
  END IF;
  IF OLD."phase" = 'DRAFT' AND NEW."phase" <> 'DRAFT' AND NOT EXISTS (
    SELECT 1 FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
     WHERE m."dialogueId" = NEW."id" AND m."role" = 'CO_HOST'
       AND u."perspective" = 'LIVED_EXPERIENCE' AND u."deletedAt" IS NULL
  ) THEN
    PERFORM "refuse"('dialogue_opens_with_lived_experience_cohost',
      format('dialogue %s needs a co-host with lived experience of flight before it opens', NEW."id"));
  END IF;
  IF NEW."phase" = 'CLOSED' AND OLD."phase" <> 'CLOSED' THEN
    SELECT count(*) INTO unanswered FROM "Contribution" c
     WHERE c."dialogueId" = NEW."id" AND c."kind" = 'NEED'
       AND c."withdrawnAt" IS NULL AND c."hiddenAt" IS NULL
       AND NOT EXISTS (SELECT 1 FROM "Response" r WHERE r."contributionId" = c."id");
    IF unanswered > 0 THEN
      PERFORM "refuse"('dialogue_closes_when_needs_answered',
        format('dialogue %s has %s unanswered needs', NEW."id", unanswered));
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "dialogue_phase_rules" BEFORE INSERT OR UPDATE OF "phase" ON "Dialogue"
  FOR EACH ROW EXECUTE FUNCTION "dialogue_phase_rules"();

-- One level of replies, within the same contribution.
CREATE FUNCTION "comment_reply_depth"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent record;
BEGIN
  IF NEW."parentId" IS NULL THEN
    RETURN NEW;
  END IF;
  IF NEW."parentId" = NEW."id" THEN
    PERFORM "refuse"('comment_reply_depth', 'a comment cannot answer itself');
  END IF;
  SELECT "parentId", "contributionId" INTO parent FROM "Comment" WHERE "id" = NEW."parentId";
  IF parent."parentId" IS NOT NULL OR parent."contributionId" <> NEW."contributionId" THEN
    PERFORM "refuse"('comment_reply_depth', 'a reply answers a top-level comment of the same contribution');
  END IF;
  IF TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM "Comment" WHERE "parentId" = NEW."id") THEN
    PERFORM "refuse"('comment_reply_depth', 'a comment with replies cannot become a reply');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "comment_reply_depth" BEFORE INSERT OR UPDATE OF "parentId", "contributionId" ON "Comment"
  FOR EACH ROW EXECUTE FUNCTION "comment_reply_depth"();

-- A dialogue's themes, an actor's responsibilities and an answer's actor stay inside one
-- municipality; what belongs to a municipality does not move to another.
CREATE FUNCTION "same_municipality"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ok boolean;
BEGIN
  IF TG_TABLE_NAME IN ('Dialogue', 'Theme', 'Actor') THEN
    IF NEW."municipalityId" <> OLD."municipalityId" THEN
      PERFORM "refuse"('same_municipality', format('a %s stays in its municipality', TG_TABLE_NAME));
    END IF;
    RETURN NEW;
  ELSIF TG_TABLE_NAME = 'DialogueTheme' THEN
    SELECT d."municipalityId" = t."municipalityId" INTO ok
      FROM "Dialogue" d, "Theme" t WHERE d."id" = NEW."dialogueId" AND t."id" = NEW."themeId";
  ELSIF TG_TABLE_NAME = 'Responsibility' THEN
    SELECT d."municipalityId" = a."municipalityId" INTO ok
      FROM "Dialogue" d, "Actor" a WHERE d."id" = NEW."dialogueId" AND a."id" = NEW."actorId";
  ELSIF TG_TABLE_NAME = 'Response' THEN
    IF NEW."actorId" IS NULL THEN
      RETURN NEW;
    END IF;
    SELECT d."municipalityId" = a."municipalityId" INTO ok
      FROM "Contribution" c JOIN "Dialogue" d ON d."id" = c."dialogueId", "Actor" a
     WHERE c."id" = NEW."contributionId" AND a."id" = NEW."actorId";
  END IF;
  -- A missing row is left to the foreign keys, which give their own error.
  IF ok IS FALSE THEN
    PERFORM "refuse"('same_municipality', format('%s refers to another municipality', TG_TABLE_NAME));
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "dialogue_theme_same_municipality" BEFORE INSERT OR UPDATE ON "DialogueTheme"
  FOR EACH ROW EXECUTE FUNCTION "same_municipality"();
CREATE TRIGGER "responsibility_same_municipality" BEFORE INSERT OR UPDATE ON "Responsibility"
  FOR EACH ROW EXECUTE FUNCTION "same_municipality"();
CREATE TRIGGER "response_actor_same_municipality" BEFORE INSERT ON "Response"
  FOR EACH ROW EXECUTE FUNCTION "same_municipality"();
CREATE TRIGGER "dialogue_stays_in_municipality" BEFORE UPDATE OF "municipalityId" ON "Dialogue"
  FOR EACH ROW EXECUTE FUNCTION "same_municipality"();
CREATE TRIGGER "theme_stays_in_municipality" BEFORE UPDATE OF "municipalityId" ON "Theme"
  FOR EACH ROW EXECUTE FUNCTION "same_municipality"();
CREATE TRIGGER "actor_stays_in_municipality" BEFORE UPDATE OF "municipalityId" ON "Actor"
  FOR EACH ROW EXECUTE FUNCTION "same_municipality"();

-- What refers to a meeting, an invitation or a piece of content stays inside one dialogue.
CREATE FUNCTION "same_dialogue"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ok boolean;
BEGIN
  -- Nested IFs: a record's fields are resolved when an expression runs, so a condition on
  -- NEW."meetingId" must not be evaluated for a table without that column.
  IF TG_TABLE_NAME = 'Contribution' THEN
    IF NEW."meetingId" IS NOT NULL THEN
      SELECT m."dialogueId" = NEW."dialogueId" INTO ok FROM "Meeting" m WHERE m."id" = NEW."meetingId";
    END IF;
  ELSIF TG_TABLE_NAME = 'MeetingSupport' THEN
    SELECT m."dialogueId" = c."dialogueId" INTO ok
      FROM "Meeting" m, "Contribution" c WHERE m."id" = NEW."meetingId" AND c."id" = NEW."contributionId";
  ELSIF TG_TABLE_NAME = 'Membership' THEN
    IF NEW."invitationId" IS NOT NULL THEN
      SELECT i."dialogueId" = NEW."dialogueId" INTO ok FROM "Invitation" i WHERE i."id" = NEW."invitationId";
    END IF;
  ELSIF TG_TABLE_NAME = 'ModerationAction' THEN
    IF NEW."contributionId" IS NOT NULL THEN
      SELECT c."dialogueId" = NEW."dialogueId" INTO ok FROM "Contribution" c WHERE c."id" = NEW."contributionId";
    ELSIF NEW."commentId" IS NOT NULL THEN
      SELECT c."dialogueId" = NEW."dialogueId" INTO ok
        FROM "Comment" k JOIN "Contribution" c ON c."id" = k."contributionId" WHERE k."id" = NEW."commentId";
    END IF;
  END IF;
  IF ok IS FALSE THEN
    PERFORM "refuse"('same_dialogue', format('%s refers to another dialogue', TG_TABLE_NAME));
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "contribution_meeting_same_dialogue" BEFORE INSERT OR UPDATE OF "meetingId", "dialogueId" ON "Contribution"
  FOR EACH ROW EXECUTE FUNCTION "same_dialogue"();
CREATE TRIGGER "meeting_support_same_dialogue" BEFORE INSERT OR UPDATE ON "MeetingSupport"
  FOR EACH ROW EXECUTE FUNCTION "same_dialogue"();
CREATE TRIGGER "membership_invitation_same_dialogue" BEFORE INSERT OR UPDATE OF "invitationId", "dialogueId" ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION "same_dialogue"();
CREATE TRIGGER "moderation_action_same_dialogue" BEFORE INSERT ON "ModerationAction"
  FOR EACH ROW EXECUTE FUNCTION "same_dialogue"();

-- A hide is reviewed by a moderator other than the one who hid.
CREATE FUNCTION "review_by_other_moderator"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  hide record;
BEGIN
  SELECT "type", "actorId" INTO hide FROM "ModerationAction" WHERE "id" = NEW."hideActionId";
  IF hide."type" IS DISTINCT FROM 'HIDE' THEN
    PERFORM "refuse"('review_of_a_hide', 'a review request refers to a HIDE action');
  END IF;
  IF NEW."decidedById" IS NOT NULL AND NEW."decidedById" = hide."actorId" THEN
    PERFORM "refuse"('review_by_other_moderator', 'a review is decided by a moderator other than the one who hid');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "review_by_other_moderator" BEFORE INSERT OR UPDATE ON "ReviewRequest"
  FOR EACH ROW EXECUTE FUNCTION "review_by_other_moderator"();
