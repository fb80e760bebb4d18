-- Districts (issue 19, decision 049): the municipality's parts, named in its languages, with an
-- optional GeoJSON boundary; a contribution names one of them, the whole town, or nothing.

-- CreateEnum
CREATE TYPE "ContributionPlace" AS ENUM ('DISTRICT', 'WHOLE_TOWN', 'NOT_SAID');

-- The free-text field stays as it was typed, under a name that says it is the old one: it is
-- matched to districts by name when staff define them (lib/districts/link-district-texts.ts,
-- scripts/link-district-texts.ts) and never shown to anyone but its author.
ALTER TABLE "Contribution" RENAME COLUMN "district" TO "districtText";
ALTER TABLE "Contribution" RENAME CONSTRAINT "contribution_district_length" TO "contribution_district_text_length";
ALTER TABLE "Contribution"
  ADD COLUMN "districtId" UUID,
  ADD COLUMN "place" "ContributionPlace";

-- CreateTable
CREATE TABLE "District" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "names" JSONB NOT NULL,
    "boundary" JSONB,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "District_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "District_municipalityId_position_idx" ON "District"("municipalityId", "position");

-- CreateIndex
CREATE INDEX "Contribution_dialogueId_districtId_idx" ON "Contribution"("dialogueId", "districtId");

-- AddForeignKey
ALTER TABLE "District" ADD CONSTRAINT "District_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A district is named (an object of language → name) and its boundary, when there is one, is an
-- area: never a point or a line (no pins near shelters), and bounded in size.
ALTER TABLE "District"
  ADD CONSTRAINT "district_names_object" CHECK (jsonb_typeof("names") = 'object' AND "names" <> '{}'::jsonb),
  ADD CONSTRAINT "district_boundary_is_area" CHECK ("boundary" IS NULL OR ("boundary"->>'type') IN ('Polygon', 'MultiPolygon')),
  ADD CONSTRAINT "district_boundary_size" CHECK ("boundary" IS NULL OR octet_length("boundary"::text) <= 1000000);

-- "In a district" exactly when a district is named.
ALTER TABLE "Contribution"
  ADD CONSTRAINT "contribution_place_names_district" CHECK (("place" IS NOT DISTINCT FROM 'DISTRICT') = ("districtId" IS NOT NULL));

-- A contribution names a district of its own dialogue's municipality.
CREATE FUNCTION contribution_district_in_municipality() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."districtId" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "District" di JOIN "Dialogue" d ON d."municipalityId" = di."municipalityId"
    WHERE di.id = NEW."districtId" AND d.id = NEW."dialogueId"
  ) THEN
    RAISE EXCEPTION 'contribution_district_in_municipality: the district belongs to another municipality' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER contribution_district_in_municipality
  BEFORE INSERT OR UPDATE OF "districtId", "dialogueId" ON "Contribution"
  FOR EACH ROW EXECUTE FUNCTION contribution_district_in_municipality();

-- Districts show on the municipality's and its dialogues' public pages (decision 037).
SELECT public_version_watch('"District"', 'municipality', 'municipalityId');
