-- CreateEnum
CREATE TYPE "ImageSize" AS ENUM ('PHONE', 'LARGE');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ModerationActionType" ADD VALUE 'HIDE_IMAGE';
ALTER TYPE "ModerationActionType" ADD VALUE 'UNHIDE_IMAGE';

-- AlterTable
ALTER TABLE "ModerationAction" ADD COLUMN     "contributionImageId" UUID;

-- CreateTable
CREATE TABLE "ContributionImage" (
    "id" UUID NOT NULL,
    "contributionId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "altText" TEXT NOT NULL,
    "altLanguage" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "largeWidth" INTEGER NOT NULL,
    "largeHeight" INTEGER NOT NULL,
    "hiddenAt" TIMESTAMP(3),
    "hiddenCategory" "ModerationCategory",
    "filesDeletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContributionImage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContributionImageFile" (
    "imageId" UUID NOT NULL,
    "size" "ImageSize" NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "ContributionImageFile_pkey" PRIMARY KEY ("imageId","size")
);

-- CreateIndex
CREATE UNIQUE INDEX "ContributionImage_contributionId_position_key" ON "ContributionImage"("contributionId", "position");

-- AddForeignKey
ALTER TABLE "ContributionImage" ADD CONSTRAINT "ContributionImage_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Contribution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContributionImageFile" ADD CONSTRAINT "ContributionImageFile_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "ContributionImage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationAction" ADD CONSTRAINT "ModerationAction_contributionImageId_fkey" FOREIGN KEY ("contributionImageId") REFERENCES "ContributionImage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (decision 050): what the database holds photos to.
ALTER TABLE "ContributionImage"
  ADD CONSTRAINT "contribution_image_position" CHECK ("position" BETWEEN 0 AND 2),
  ADD CONSTRAINT "contribution_image_alt_text" CHECK ("altText" ~ '\S' AND char_length("altText") <= 300),
  ADD CONSTRAINT "contribution_image_alt_language" CHECK (char_length("altLanguage") BETWEEN 2 AND 35),
  ADD CONSTRAINT "contribution_image_sizes" CHECK (
    "width" BETWEEN 1 AND 720 AND "height" BETWEEN 1 AND 720
    AND "largeWidth" BETWEEN "width" AND 1600 AND "largeHeight" BETWEEN "height" AND 1600),
  ADD CONSTRAINT "contribution_image_hidden_category" CHECK (("hiddenAt" IS NULL) = ("hiddenCategory" IS NULL));

ALTER TABLE "ContributionImageFile" ADD CONSTRAINT "contribution_image_file_size" CHECK (octet_length("bytes") BETWEEN 1 AND 2097152);

-- (Compared as text: a value added to an enum cannot be used in the transaction that adds it.)
-- A photo's hide or restore names the photo and its contribution, and a hide its category.
ALTER TABLE "ModerationAction"
  ADD CONSTRAINT "moderation_image_action_names_image" CHECK (
    ("type"::text IN ('HIDE_IMAGE', 'UNHIDE_IMAGE')) = ("contributionImageId" IS NOT NULL)
    AND ("type"::text NOT IN ('HIDE_IMAGE', 'UNHIDE_IMAGE') OR "contributionId" IS NOT NULL)),
  ADD CONSTRAINT "moderation_image_hide_has_category" CHECK ("type"::text <> 'HIDE_IMAGE' OR "category" IS NOT NULL);

-- The photo named in the log belongs to the contribution named beside it.
CREATE FUNCTION "moderation_image_of_contribution"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "ContributionImage" i WHERE i."id" = NEW."contributionImageId" AND i."contributionId" = NEW."contributionId") THEN
    PERFORM "refuse"('moderation_image_of_contribution', 'the photo belongs to another contribution');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "moderation_image_of_contribution" BEFORE INSERT ON "ModerationAction"
  FOR EACH ROW WHEN (NEW."contributionImageId" IS NOT NULL) EXECUTE FUNCTION "moderation_image_of_contribution"();

-- The photos go with the withdrawal and with the author's account, as a voice message's audio
-- does (decision 033): the bytes are deleted at once, the row (alt text, the log's reference) stays.
CREATE FUNCTION "contribution_images_with_withdrawal"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ContributionImageFile" f USING "ContributionImage" i
    WHERE f."imageId" = i."id" AND i."contributionId" = NEW."id";
  UPDATE "ContributionImage" SET "filesDeletedAt" = now() WHERE "contributionId" = NEW."id" AND "filesDeletedAt" IS NULL;
  RETURN NULL;
END
$$;
CREATE TRIGGER "contribution_images_with_withdrawal" AFTER UPDATE OF "withdrawnAt" ON "Contribution"
  FOR EACH ROW WHEN (OLD."withdrawnAt" IS NULL AND NEW."withdrawnAt" IS NOT NULL)
  EXECUTE FUNCTION "contribution_images_with_withdrawal"();

CREATE FUNCTION "contribution_images_with_account"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ContributionImageFile" f USING "ContributionImage" i, "Contribution" c
    WHERE f."imageId" = i."id" AND i."contributionId" = c."id" AND c."authorId" = NEW."id";
  UPDATE "ContributionImage" i SET "filesDeletedAt" = now()
    FROM "Contribution" c
    WHERE i."contributionId" = c."id" AND c."authorId" = NEW."id" AND i."filesDeletedAt" IS NULL;
  RETURN NULL;
END
$$;
CREATE TRIGGER "contribution_images_with_account" AFTER UPDATE OF "deletedAt" ON "User"
  FOR EACH ROW WHEN (OLD."deletedAt" IS NULL AND NEW."deletedAt" IS NOT NULL)
  EXECUTE FUNCTION "contribution_images_with_account"();

-- Anonymous readers' cached pages show the photos (decision 037).
SELECT public_version_watch('"ContributionImage"', 'contribution', 'contributionId');
