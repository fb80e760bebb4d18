-- A photo is added to a contribution that is still there (decision 055): never to one withdrawn,
-- merged into another or hidden by the moderation. The edit form checks it under the row lock;
-- this holds it for every writer. FOR SHARE waits for a withdrawal, hide or merge in flight and
-- then reads what it wrote, so a photo decoded meanwhile cannot slip past it (and a withdrawal
-- that comes after the photo's transaction deletes its bytes, trigger contribution_images_with_withdrawal).
CREATE FUNCTION "contribution_image_of_visible_contribution"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c record;
BEGIN
  SELECT "withdrawnAt", "mergedAt", "hiddenAt" INTO c FROM "Contribution" WHERE "id" = NEW."contributionId" FOR SHARE;
  IF c."withdrawnAt" IS NOT NULL THEN
    PERFORM "refuse"('contribution_image_of_visible_contribution', 'the contribution was withdrawn');
  ELSIF c."mergedAt" IS NOT NULL THEN
    PERFORM "refuse"('contribution_image_of_visible_contribution', 'the contribution was merged into another');
  ELSIF c."hiddenAt" IS NOT NULL THEN
    PERFORM "refuse"('contribution_image_of_visible_contribution', 'the contribution is hidden');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "contribution_image_of_visible_contribution" BEFORE INSERT ON "ContributionImage"
  FOR EACH ROW EXECUTE FUNCTION "contribution_image_of_visible_contribution"();
