-- CreateTable
CREATE TABLE "PublicVersion" (
    "scope" TEXT NOT NULL,
    "municipalityId" UUID,
    "dialogueId" UUID,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "PublicVersion_pkey" PRIMARY KEY ("scope")
);

-- CreateIndex
CREATE INDEX "PublicVersion_municipalityId_idx" ON "PublicVersion"("municipalityId");

-- Public pages are cached (lib/page-cache, decision 037). Every write that changes what a public
-- page shows bumps a version here, in the same transaction, so every app instance sees the new
-- version exactly when it sees the new data. A row trigger notes the scope of the written row
-- ('d:<dialogue>', 'm:<municipality>' or 'all') in a transaction-local setting; a deferred
-- constraint trigger bumps the noted scopes once per transaction at commit, in sorted order
-- (row locks on these rows are held only from then to the commit, always taken in one order).
CREATE FUNCTION public_version_note() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
  d uuid;
  m uuid;
  noted_scope text;
  noted text := coalesce(current_setting('mitreden.public_scopes', true), '');
BEGIN
  CASE TG_TABLE_NAME
    WHEN 'Municipality' THEN m := (r->>'id')::uuid;
    WHEN 'Theme', 'Actor', 'MunicipalityMembership' THEN m := (r->>'municipalityId')::uuid;
    WHEN 'ActorMember' THEN SELECT a."municipalityId" INTO m FROM "Actor" a WHERE a.id = (r->>'actorId')::uuid;
    WHEN 'Dialogue' THEN
      IF TG_OP = 'DELETE' THEN m := (r->>'municipalityId')::uuid; ELSE d := (r->>'id')::uuid; END IF;
    WHEN 'Comment', 'Support', 'MeetingSupport', 'Response', 'Receipt', 'VoiceMessage' THEN
      SELECT c."dialogueId" INTO d FROM "Contribution" c WHERE c.id = (r->>'contributionId')::uuid;
    WHEN 'Translation' THEN
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
    WHEN 'User' THEN noted_scope := 'all';
    ELSE d := (r->>'dialogueId')::uuid;
  END CASE;
  noted_scope := coalesce(noted_scope, 'd:' || d::text, 'm:' || m::text);
  IF noted_scope IS NOT NULL AND position(' ' || noted_scope || ' ' IN noted) = 0 THEN
    PERFORM set_config('mitreden.public_scopes', noted || ' ' || noted_scope || ' ', true);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION public_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  noted text := coalesce(current_setting('mitreden.public_scopes', true), '');
  bumped text;
BEGIN
  IF noted = '' THEN RETURN NULL; END IF;
  PERFORM set_config('mitreden.public_scopes', '', true);
  FOR bumped IN SELECT DISTINCT s FROM unnest(string_to_array(btrim(noted), ' ')) s WHERE s <> '' ORDER BY s LOOP
    IF bumped = 'all' THEN
      INSERT INTO "PublicVersion" (scope, version) VALUES ('all', 1)
        ON CONFLICT (scope) DO UPDATE SET version = "PublicVersion".version + 1;
    ELSIF left(bumped, 2) = 'm:' THEN
      INSERT INTO "PublicVersion" (scope, "municipalityId", version) VALUES (bumped, substr(bumped, 3)::uuid, 1)
        ON CONFLICT (scope) DO UPDATE SET version = "PublicVersion".version + 1;
    ELSE
      -- A dialogue deleted in the same transaction has no row left: its municipality's page
      -- was noted by the delete itself.
      INSERT INTO "PublicVersion" (scope, "municipalityId", "dialogueId", version)
        SELECT bumped, g."municipalityId", g.id, 1 FROM "Dialogue" g WHERE g.id = substr(bumped, 3)::uuid
        ON CONFLICT (scope) DO UPDATE SET version = "PublicVersion".version + 1;
    END IF;
  END LOOP;
  RETURN NULL;
END $$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Municipality', 'Theme', 'Actor', 'ActorMember', 'MunicipalityMembership', 'Dialogue',
    'DialogueTheme', 'PhaseChange', 'Membership', 'Contribution', 'Receipt', 'VoiceMessage',
    'Comment', 'Support', 'MeetingSupport', 'Translation', 'Response', 'Responsibility', 'Meeting', 'ModerationAction']
  LOOP
    EXECUTE format('CREATE TRIGGER public_version_note AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION public_version_note()', t);
    EXECUTE format('CREATE CONSTRAINT TRIGGER public_version_bump AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_version_bump()', t);
  END LOOP;
END $$;

-- A person's public name, perspective or account state shows on every page they wrote on.
CREATE TRIGGER public_version_note AFTER UPDATE ON "User" FOR EACH ROW
  WHEN (OLD."displayName" IS DISTINCT FROM NEW."displayName" OR OLD.perspective IS DISTINCT FROM NEW.perspective
    OR OLD."showPerspective" IS DISTINCT FROM NEW."showPerspective" OR OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt"
    OR OLD."suspendedAt" IS DISTINCT FROM NEW."suspendedAt")
  EXECUTE FUNCTION public_version_note();
CREATE CONSTRAINT TRIGGER public_version_bump AFTER UPDATE ON "User" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD."displayName" IS DISTINCT FROM NEW."displayName" OR OLD.perspective IS DISTINCT FROM NEW.perspective
    OR OLD."showPerspective" IS DISTINCT FROM NEW."showPerspective" OR OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt"
    OR OLD."suspendedAt" IS DISTINCT FROM NEW."suspendedAt")
  EXECUTE FUNCTION public_version_bump();
