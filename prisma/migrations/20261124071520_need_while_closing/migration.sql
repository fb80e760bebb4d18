-- A need posted while its dialogue is being closed: the closing check (dialogue_phase_rules)
-- counts unanswered needs, but under READ COMMITTED it cannot see a need whose transaction has
-- not committed yet, so both could succeed and leave a closed dialogue with an unanswered need
-- (tests/hardening/concurrency.test.ts). The check on a new contribution now locks its dialogue's
-- row (FOR SHARE): closing waits for the contribution's transaction and then counts it, and a
-- contribution that waited for a closing sees the dialogue CLOSED and is refused.
CREATE OR REPLACE FUNCTION "contribution_in_open_dialogue"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  current_phase "DialoguePhase";
BEGIN
  SELECT "phase" INTO current_phase FROM "Dialogue" WHERE "id" = NEW."dialogueId" FOR SHARE;
  IF current_phase IN ('DRAFT', 'CLOSED') THEN
    PERFORM "refuse"('contribution_in_open_dialogue', 'the dialogue is a draft or closed');
  END IF;
  RETURN NEW;
END $$;
