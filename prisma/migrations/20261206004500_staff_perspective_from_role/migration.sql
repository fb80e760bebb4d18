-- "Municipal staff" comes from the STAFF role, never from self-declaration (docs/decisions/015).
-- Nobody declares it any more: the profile no longer offers it and the domain refuses it, and
-- what contributions, comments and supports record is derived from the role when they are written.

-- 1. No self-declared "municipal staff" is left: staff are recognised by their role.
UPDATE "User" SET "perspective" = 'NOT_STATED' WHERE "perspective" = 'MUNICIPAL_STAFF';

-- 2. Snapshots that counted in the staff column without a STAFF role in the dialogue's
--    municipality were self-declared: they count as "not stated" from now on.
UPDATE "Contribution" c SET "authorPerspective" = 'NOT_STATED'
  FROM "Dialogue" d
 WHERE d."id" = c."dialogueId" AND c."authorPerspective" = 'MUNICIPAL_STAFF' AND c."authorId" IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM "MunicipalityMembership" m
                    WHERE m."userId" = c."authorId" AND m."municipalityId" = d."municipalityId" AND m."role" = 'STAFF');

UPDATE "Comment" k SET "authorPerspective" = 'NOT_STATED'
  FROM "Contribution" c JOIN "Dialogue" d ON d."id" = c."dialogueId"
 WHERE c."id" = k."contributionId" AND k."authorPerspective" = 'MUNICIPAL_STAFF'
   AND NOT EXISTS (SELECT 1 FROM "MunicipalityMembership" m
                    WHERE m."userId" = k."authorId" AND m."municipalityId" = d."municipalityId" AND m."role" = 'STAFF');

UPDATE "Support" s SET "perspective" = 'NOT_STATED'
  FROM "Contribution" c JOIN "Dialogue" d ON d."id" = c."dialogueId"
 WHERE c."id" = s."contributionId" AND s."perspective" = 'MUNICIPAL_STAFF'
   AND NOT EXISTS (SELECT 1 FROM "MunicipalityMembership" m
                    WHERE m."userId" = s."userId" AND m."municipalityId" = d."municipalityId" AND m."role" = 'STAFF');
