-- CreateTable
CREATE TABLE "PendingPhoto" (
    "id" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "dialogueId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "altText" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "largeWidth" INTEGER NOT NULL,
    "largeHeight" INTEGER NOT NULL,
    "phoneBytes" BYTEA NOT NULL,
    "largeBytes" BYTEA NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PendingPhoto_expiresAt_idx" ON "PendingPhoto"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "PendingPhoto_ownerId_position_key" ON "PendingPhoto"("ownerId", "position");

-- AddForeignKey
ALTER TABLE "PendingPhoto" ADD CONSTRAINT "PendingPhoto_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingPhoto" ADD CONSTRAINT "PendingPhoto_dialogueId_fkey" FOREIGN KEY ("dialogueId") REFERENCES "Dialogue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What a kept photo may be: as a published one (migration contribution_images), both sizes
-- re-encoded within their limits, and kept for hours, not days (decision 061).
ALTER TABLE "PendingPhoto"
  ADD CONSTRAINT "pending_photo_position" CHECK ("position" BETWEEN 0 AND 2),
  ADD CONSTRAINT "pending_photo_alt_text" CHECK ("altText" ~ '\S' AND char_length("altText") <= 300),
  ADD CONSTRAINT "pending_photo_pixels" CHECK ("width" BETWEEN 1 AND 720 AND "height" BETWEEN 1 AND 720 AND "largeWidth" BETWEEN 1 AND 1600 AND "largeHeight" BETWEEN 1 AND 1600),
  ADD CONSTRAINT "pending_photo_size" CHECK (octet_length("phoneBytes") BETWEEN 1 AND 2097152 AND octet_length("largeBytes") BETWEEN 1 AND 2097152),
  ADD CONSTRAINT "pending_photo_kept_briefly" CHECK ("expiresAt" > "createdAt" AND "expiresAt" <= "createdAt" + interval '1 day');
