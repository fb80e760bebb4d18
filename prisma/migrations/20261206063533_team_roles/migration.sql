-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "roleSince" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "TeamRoleRemoval" (
    "id" UUID NOT NULL,
    "dialogueId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "DialogueRole" NOT NULL,
    "removedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamRoleRemoval_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TeamRoleRemoval_dialogueId_createdAt_idx" ON "TeamRoleRemoval"("dialogueId", "createdAt");

-- AddForeignKey
ALTER TABLE "TeamRoleRemoval" ADD CONSTRAINT "TeamRoleRemoval_dialogueId_fkey" FOREIGN KEY ("dialogueId") REFERENCES "Dialogue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamRoleRemoval" ADD CONSTRAINT "TeamRoleRemoval_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamRoleRemoval" ADD CONSTRAINT "TeamRoleRemoval_removedById_fkey" FOREIGN KEY ("removedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------
-- Hand-written (issue 15, decision 033): team roles that cannot be taken over.
-- ---------------------------------------------------------------------------------------

-- Until now a membership knew only when it began; the host team list says since when a member
-- holds their role. Existing rows: since they joined.
UPDATE "Membership" SET "roleSince" = "createdAt";

CREATE FUNCTION "membership_role_since"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."role" IS DISTINCT FROM OLD."role" THEN
    NEW."roleSince" := now();
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "membership_role_since" BEFORE UPDATE OF "role" ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION "membership_role_since"();

-- A team-role invitation (recorder, co-host, …) is personal: at most 5 uses while it can still be
-- used (lib/invitations/invitation-roles.ts TEAM_INVITATION_MAX_USES). The wide co-host invitations
-- made before (default 50 uses; two people became co-hosts through one) are withdrawn.
UPDATE "Invitation" SET "revokedAt" = now()
 WHERE "role" <> 'PARTICIPANT' AND "maxUses" > 5 AND "revokedAt" IS NULL;
ALTER TABLE "Invitation"
  ADD CONSTRAINT "invitation_team_role_few_uses" CHECK ("role" = 'PARTICIPANT' OR "maxUses" <= 5 OR "revokedAt" IS NOT NULL);

-- With, not about: an open dialogue (collecting, deliberating, responding) keeps at least one
-- co-host with lived experience of flight. Taking the co-host role from its last such member
-- (a role change or a deleted membership) is refused like opening without one
-- (dialogue_phase_rules). The dialogue's row is locked first, so two removals at once queue:
-- the second counts after the first committed and is refused when it would leave none; an
-- opening and a removal at once queue the same way.
CREATE FUNCTION "dialogue_keeps_lived_experience_cohost"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  current_phase "DialoguePhase";
BEGIN
  IF OLD."role" <> 'CO_HOST'
     OR (TG_OP = 'UPDATE' AND NEW."role" = 'CO_HOST' AND NEW."dialogueId" = OLD."dialogueId" AND NEW."userId" = OLD."userId") THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  SELECT "phase" INTO current_phase FROM "Dialogue" WHERE "id" = OLD."dialogueId" FOR UPDATE;
  IF current_phase IN ('COLLECTING', 'DELIBERATING', 'RESPONDING')
     AND EXISTS (SELECT 1 FROM "User" u WHERE u."id" = OLD."userId" AND u."perspective" = 'LIVED_EXPERIENCE' AND u."deletedAt" IS NULL)
     AND NOT EXISTS (
       SELECT 1 FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
        WHERE m."dialogueId" = OLD."dialogueId" AND m."role" = 'CO_HOST' AND m."id" <> OLD."id"
          AND u."perspective" = 'LIVED_EXPERIENCE' AND u."deletedAt" IS NULL
     ) THEN
    PERFORM "refuse"('dialogue_keeps_lived_experience_cohost',
      format('dialogue %s would have no co-host with lived experience of flight', OLD."dialogueId"));
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "dialogue_keeps_lived_experience_cohost" BEFORE UPDATE OF "role", "dialogueId", "userId" OR DELETE ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION "dialogue_keeps_lived_experience_cohost"();

-- The log of removals is written once and never changed (it goes with its dialogue).
CREATE TRIGGER "team_role_removal_append_only" BEFORE UPDATE ON "TeamRoleRemoval"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_of_append_only"('team_role_removal_append_only');
