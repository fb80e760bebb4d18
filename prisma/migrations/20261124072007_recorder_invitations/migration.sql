-- Volunteers who record offline voices join through an invitation with role RECORDER
-- (a separate migration: a new enum value cannot be used in the transaction that adds it).
ALTER TABLE "Invitation"
  DROP CONSTRAINT "invitation_role_joinable",
  ADD CONSTRAINT "invitation_role_joinable" CHECK ("role" IN ('PARTICIPANT', 'RECORDER', 'CO_HOST'));
