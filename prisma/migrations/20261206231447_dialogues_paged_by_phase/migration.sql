-- The staff dashboard pages the municipality's dialogues by phase, newest first (issue 16): a page
-- after or before a cursor reads its rows from this index however deep it is.
-- DropIndex
DROP INDEX "Dialogue_municipalityId_phase_idx";

-- CreateIndex
CREATE INDEX "Dialogue_municipalityId_phase_createdAt_id_idx" ON "Dialogue"("municipalityId", "phase", "createdAt" DESC, "id" DESC);
