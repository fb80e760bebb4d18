-- Which pages a written row shows on (decision 037) is now an argument of the table's trigger,
-- not a case of public_version_note() by table name: a new table is one statement,
--   SELECT public_version_watch('"NewTable"', 'dialogue', 'dialogueId');
-- and nobody restates the function to add one (as 20261206080300_public_version_logo had to).
-- The ways a row leads to its scope:
--   municipality  the column holds the municipality ('m:<id>')
--   dialogue      the column holds the dialogue ('d:<id>')
--   actor         the column holds an actor: its municipality
--   contribution  the column holds a contribution: its dialogue
--   dialogue row  the Dialogue table itself: its own id, or after a delete its municipality
--   translation   a Translation: the dialogue or municipality of whatever it translates
--   all           every page (a person's public name shows wherever they wrote)
CREATE OR REPLACE FUNCTION public_version_note() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
  -- A trigger created without arguments (the old way) keeps the old default: the row's dialogueId.
  way text := CASE WHEN TG_NARGS = 0 THEN 'dialogue' ELSE TG_ARGV[0] END;
  ref uuid := (r->>(CASE WHEN TG_NARGS = 0 THEN 'dialogueId' ELSE nullif(TG_ARGV[1], '') END))::uuid;
  d uuid;
  m uuid;
  noted_scope text;
  noted text := coalesce(current_setting('mitreden.public_scopes', true), '');
BEGIN
  CASE way
    WHEN 'municipality' THEN m := ref;
    WHEN 'dialogue' THEN d := ref;
    WHEN 'actor' THEN SELECT a."municipalityId" INTO m FROM "Actor" a WHERE a.id = ref;
    WHEN 'contribution' THEN SELECT c."dialogueId" INTO d FROM "Contribution" c WHERE c.id = ref;
    WHEN 'dialogue row' THEN
      IF TG_OP = 'DELETE' THEN m := (r->>'municipalityId')::uuid; ELSE d := ref; END IF;
    WHEN 'translation' THEN
      d := (r->>'dialogueId')::uuid;
      m := (r->>'municipalityId')::uuid;
      IF d IS NULL AND r->>'contributionId' IS NOT NULL THEN
        SELECT c."dialogueId" INTO d FROM "Contribution" c WHERE c.id = (r->>'contributionId')::uuid;
      ELSIF d IS NULL AND r->>'commentId' IS NOT NULL THEN
        SELECT c."dialogueId" INTO d FROM "Comment" k JOIN "Contribution" c ON c.id = k."contributionId" WHERE k.id = (r->>'commentId')::uuid;
      ELSIF d IS NULL AND r->>'responseId' IS NOT NULL THEN
        SELECT c."dialogueId" INTO d FROM "Response" s JOIN "Contribution" c ON c.id = s."contributionId" WHERE s.id = (r->>'responseId')::uuid;
      ELSIF d IS NULL AND r->>'moderationActionId' IS NOT NULL THEN
        SELECT a."dialogueId" INTO d FROM "ModerationAction" a WHERE a.id = (r->>'moderationActionId')::uuid;
      ELSIF d IS NULL AND r->>'meetingId' IS NOT NULL THEN
        SELECT g."dialogueId" INTO d FROM "Meeting" g WHERE g.id = (r->>'meetingId')::uuid;
      ELSIF m IS NULL AND r->>'actorId' IS NOT NULL THEN
        SELECT a."municipalityId" INTO m FROM "Actor" a WHERE a.id = (r->>'actorId')::uuid;
      END IF;
    WHEN 'all' THEN noted_scope := 'all';
    ELSE RAISE EXCEPTION 'public_version_note on %: unknown way %', TG_TABLE_NAME, way;
  END CASE;
  noted_scope := coalesce(noted_scope, 'd:' || d::text, 'm:' || m::text);
  IF noted_scope IS NOT NULL AND position(' ' || noted_scope || ' ' IN noted) = 0 THEN
    PERFORM set_config('mitreden.public_scopes', noted || ' ' || noted_scope || ' ', true);
  END IF;
  RETURN NULL;
END $$;

-- Watches a table: every insert, update and delete notes its scope and bumps it at commit.
CREATE FUNCTION public_version_watch(watched regclass, way text, ref_column text DEFAULT '') RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF way NOT IN ('municipality', 'dialogue', 'actor', 'contribution', 'dialogue row', 'translation', 'all') THEN
    RAISE EXCEPTION 'public_version_watch: unknown way %', way;
  END IF;
  IF way IN ('municipality', 'dialogue', 'actor', 'contribution', 'dialogue row')
     AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = watched AND attname = ref_column AND NOT attisdropped) THEN
    RAISE EXCEPTION 'public_version_watch: % has no column %', watched, ref_column;
  END IF;
  EXECUTE format('DROP TRIGGER IF EXISTS public_version_note ON %s', watched);
  EXECUTE format('DROP TRIGGER IF EXISTS public_version_bump ON %s', watched);
  EXECUTE format('CREATE TRIGGER public_version_note AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION public_version_note(%L, %L)', watched, way, ref_column);
  EXECUTE format('CREATE CONSTRAINT TRIGGER public_version_bump AFTER INSERT OR UPDATE OR DELETE ON %s DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_version_bump()', watched);
END $$;

SELECT public_version_watch('"Municipality"', 'municipality', 'id');
SELECT public_version_watch(t, 'municipality', 'municipalityId') FROM unnest(ARRAY['"Theme"', '"Actor"', '"MunicipalityMembership"', '"MunicipalityLogo"']::regclass[]) t;
SELECT public_version_watch('"ActorMember"', 'actor', 'actorId');
SELECT public_version_watch('"Dialogue"', 'dialogue row', 'id');
SELECT public_version_watch(t, 'dialogue', 'dialogueId') FROM unnest(ARRAY['"DialogueTheme"', '"PhaseChange"', '"Membership"', '"Contribution"', '"Responsibility"', '"Meeting"', '"ModerationAction"']::regclass[]) t;
SELECT public_version_watch(t, 'contribution', 'contributionId') FROM unnest(ARRAY['"Comment"', '"Support"', '"MeetingSupport"', '"Response"', '"Receipt"', '"VoiceMessage"']::regclass[]) t;
SELECT public_version_watch('"Translation"', 'translation');

-- A person's public name, perspective or account state shows on every page they wrote on; only
-- those columns count, so this trigger keeps its WHEN and is not made by public_version_watch.
DROP TRIGGER public_version_note ON "User";
CREATE TRIGGER public_version_note AFTER UPDATE ON "User" FOR EACH ROW
  WHEN (OLD."displayName" IS DISTINCT FROM NEW."displayName" OR OLD.perspective IS DISTINCT FROM NEW.perspective
    OR OLD."showPerspective" IS DISTINCT FROM NEW."showPerspective" OR OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt"
    OR OLD."suspendedAt" IS DISTINCT FROM NEW."suspendedAt")
  EXECUTE FUNCTION public_version_note('all');
