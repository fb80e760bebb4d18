-- AlterTable
ALTER TABLE "Dialogue" ADD COLUMN     "teamContact" TEXT;

-- A short text, never blank (NULL when none is published).
ALTER TABLE "Dialogue" ADD CONSTRAINT "Dialogue_teamContact_length" CHECK (char_length(btrim("teamContact")) BETWEEN 1 AND 300);
