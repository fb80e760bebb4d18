-- The municipality's logo shows on its pages (decision 036): a new or removed logo bumps the
-- municipality's public version like its name and accent colour do (decision 037), so no cached
-- page keeps the old one.
CREATE OR REPLACE FUNCTION public_version_note() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
  d uuid;
  m uuid;
  noted_scope text;
  noted text := coalesce(current_setting('mitreden.public_scopes', true), '');
BEGIN
  CASE TG_TABLE_NAME
    WHEN 'Municipality' THEN m := (r->>'id')::uuid;
    WHEN 'Theme', 'Actor', 'MunicipalityMembership', 'MunicipalityLogo' THEN m := (r->>'municipalityId')::uuid;
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

CREATE TRIGGER public_version_note AFTER INSERT OR UPDATE OR DELETE ON "MunicipalityLogo" FOR EACH ROW EXECUTE FUNCTION public_version_note();
CREATE CONSTRAINT TRIGGER public_version_bump AFTER INSERT OR UPDATE OR DELETE ON "MunicipalityLogo" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_version_bump();
