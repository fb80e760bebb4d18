-- AlterTable
ALTER TABLE "VoiceMessage" ADD COLUMN     "machineDraft" TEXT;

-- A machine draft is a draft: at most a body long, and gone once a person confirmed the transcript.
ALTER TABLE "VoiceMessage" ADD CONSTRAINT "voice_message_machine_draft" CHECK (
  "machineDraft" IS NULL OR (char_length("machineDraft") <= 10000 AND "confirmedAt" IS NULL));
