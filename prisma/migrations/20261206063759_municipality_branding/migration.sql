-- AlterTable
ALTER TABLE "Municipality" ADD COLUMN     "accentColor" TEXT;

-- CreateTable
CREATE TABLE "MunicipalityLogo" (
    "municipalityId" UUID NOT NULL,
    "contentType" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MunicipalityLogo_pkey" PRIMARY KEY ("municipalityId")
);

-- AddForeignKey
ALTER TABLE "MunicipalityLogo" ADD CONSTRAINT "MunicipalityLogo_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The accent is one colour as "#rrggbb" (lower case): nothing else can reach the page's CSS.
ALTER TABLE "Municipality" ADD CONSTRAINT "municipality_accent_color_format"
  CHECK ("accentColor" IS NULL OR "accentColor" ~ '^#[0-9a-f]{6}$');

-- Only what sharp wrote at upload (decision 036): PNG or WebP, at most 512 KiB and 1024 px a side.
ALTER TABLE "MunicipalityLogo" ADD CONSTRAINT "municipality_logo_re_encoded"
  CHECK ("contentType" IN ('image/png', 'image/webp')
    AND octet_length("bytes") BETWEEN 1 AND 524288
    AND "width" BETWEEN 1 AND 1024 AND "height" BETWEEN 1 AND 1024);
