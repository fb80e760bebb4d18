-- AlterTable
ALTER TABLE "Contribution" ADD COLUMN     "awaitingTranscript" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "VoiceMessage" (
    "id" UUID NOT NULL,
    "contributionId" UUID NOT NULL,
    "mimeType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "durationMs" INTEGER,
    "transcribedById" UUID,
    "transcribedAt" TIMESTAMP(3),
    "machineTranscript" BOOLEAN NOT NULL DEFAULT false,
    "confirmedById" UUID,
    "confirmedAt" TIMESTAMP(3),
    "readBackConfirmedAt" TIMESTAMP(3),
    "audioDeletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VoiceMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoiceAudio" (
    "voiceMessageId" UUID NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "VoiceAudio_pkey" PRIMARY KEY ("voiceMessageId")
);

-- CreateIndex
CREATE UNIQUE INDEX "VoiceMessage_contributionId_key" ON "VoiceMessage"("contributionId");

-- CreateIndex
CREATE INDEX "VoiceMessage_confirmedAt_idx" ON "VoiceMessage"("confirmedAt");

-- AddForeignKey
ALTER TABLE "VoiceMessage" ADD CONSTRAINT "VoiceMessage_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Contribution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoiceMessage" ADD CONSTRAINT "VoiceMessage_transcribedById_fkey" FOREIGN KEY ("transcribedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoiceMessage" ADD CONSTRAINT "VoiceMessage_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoiceAudio" ADD CONSTRAINT "VoiceAudio_voiceMessageId_fkey" FOREIGN KEY ("voiceMessageId") REFERENCES "VoiceMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Decision 033. A voice message whose transcript nobody has written yet may have an empty
-- title and body; every other contribution keeps the rules of the domain invariants.
ALTER TABLE "Contribution" DROP CONSTRAINT "contribution_title_length",
  ADD CONSTRAINT "contribution_title_length" CHECK (("title" ~ '\S' OR "awaitingTranscript") AND char_length("title") <= 200),
  DROP CONSTRAINT "contribution_body_length",
  ADD CONSTRAINT "contribution_body_length" CHECK (("body" ~ '\S' OR "awaitingTranscript") AND char_length("body") <= 10000);

ALTER TABLE "VoiceMessage"
  ADD CONSTRAINT "voice_message_audio_type" CHECK ("mimeType" IN ('audio/ogg', 'audio/webm', 'audio/mp4', 'audio/mpeg', 'audio/wav')),
  ADD CONSTRAINT "voice_message_size" CHECK ("byteSize" > 0 AND "byteSize" <= 5242880 AND ("durationMs" IS NULL OR "durationMs" >= 0)),
  -- Who wrote the transcript: a person (named) or the machine (labelled), never both, never neither.
  ADD CONSTRAINT "voice_message_transcriber" CHECK (
    ("transcribedAt" IS NULL AND "transcribedById" IS NULL AND NOT "machineTranscript")
    OR ("transcribedAt" IS NOT NULL AND ("transcribedById" IS NULL) = "machineTranscript")),
  ADD CONSTRAINT "voice_message_confirmed_by_a_person" CHECK (
    ("confirmedAt" IS NULL) = ("confirmedById" IS NULL) AND ("confirmedAt" IS NULL OR "transcribedAt" IS NOT NULL)),
  ADD CONSTRAINT "voice_message_read_back_needs_transcript" CHECK ("readBackConfirmedAt" IS NULL OR "confirmedAt" IS NOT NULL);

ALTER TABLE "VoiceAudio" ADD CONSTRAINT "voice_audio_size" CHECK (octet_length("bytes") BETWEEN 1 AND 5242880);

-- The audio goes with the account: when a person deletes theirs, the recordings of what they
-- said are deleted at once (the contributions stay, anonymised, as decision 006 says).
CREATE FUNCTION "voice_audio_with_account"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "VoiceAudio" a USING "VoiceMessage" v, "Contribution" c
    WHERE a."voiceMessageId" = v."id" AND v."contributionId" = c."id" AND c."authorId" = NEW."id";
  UPDATE "VoiceMessage" v SET "audioDeletedAt" = now()
    FROM "Contribution" c
    WHERE v."contributionId" = c."id" AND c."authorId" = NEW."id" AND v."audioDeletedAt" IS NULL;
  RETURN NULL;
END
$$;

CREATE TRIGGER "voice_audio_with_account" AFTER UPDATE OF "deletedAt" ON "User"
  FOR EACH ROW WHEN (OLD."deletedAt" IS NULL AND NEW."deletedAt" IS NOT NULL)
  EXECUTE FUNCTION "voice_audio_with_account"();
