-- CreateTable
CREATE TABLE "Receipt" (
    "id" UUID NOT NULL,
    "contributionId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "attachedById" UUID,
    "attachedAt" TIMESTAMP(3),
    "rotatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Receipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInCodeIssue" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "issuedById" UUID NOT NULL,
    "confirmedInPerson" BOOLEAN NOT NULL,
    "endedSessions" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInCodeIssue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Receipt_contributionId_key" ON "Receipt"("contributionId");

-- CreateIndex
CREATE UNIQUE INDEX "Receipt_code_key" ON "Receipt"("code");

-- CreateIndex
CREATE INDEX "Receipt_attachedById_idx" ON "Receipt"("attachedById");

-- CreateIndex
CREATE INDEX "SignInCodeIssue_municipalityId_createdAt_idx" ON "SignInCodeIssue"("municipalityId", "createdAt");

-- AddForeignKey
ALTER TABLE "Receipt" ADD CONSTRAINT "Receipt_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Contribution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Receipt" ADD CONSTRAINT "Receipt_attachedById_fkey" FOREIGN KEY ("attachedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignInCodeIssue" ADD CONSTRAINT "SignInCodeIssue_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignInCodeIssue" ADD CONSTRAINT "SignInCodeIssue_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignInCodeIssue" ADD CONSTRAINT "SignInCodeIssue_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand (decision 032) -----------------------------------------------------------

-- A receipt code is 10 characters of the sign-in code alphabet (no 0/O, 1/I/L), upper-case.
ALTER TABLE "Receipt" ADD CONSTRAINT "Receipt_code_format" CHECK ("code" ~ '^[2-9A-HJKMNP-Z]{10}$');
-- Attached means: by someone, at a time (the person's row is never removed, only anonymised).
ALTER TABLE "Receipt" ADD CONSTRAINT "Receipt_attached_at" CHECK ("attachedById" IS NULL OR "attachedAt" IS NOT NULL);

-- Only a voice recorded on someone's behalf gets a receipt; an online author has their account.
CREATE FUNCTION "receipt_offline_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT "source" FROM "Contribution" WHERE "id" = NEW."contributionId") = 'ONLINE' THEN
    RAISE EXCEPTION 'a receipt belongs to a contribution recorded on someone''s behalf' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "receipt_offline_only" BEFORE INSERT OR UPDATE OF "contributionId" ON "Receipt"
  FOR EACH ROW EXECUTE FUNCTION "receipt_offline_only"();

-- A receipt is attached once: whoever attached it first, it stays theirs.
CREATE FUNCTION "receipt_attached_once"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."attachedAt" IS NOT NULL AND (NEW."attachedAt" IS DISTINCT FROM OLD."attachedAt"
      OR (NEW."attachedById" IS NOT NULL AND NEW."attachedById" IS DISTINCT FROM OLD."attachedById")) THEN
    RAISE EXCEPTION 'a receipt is attached once' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "receipt_attached_once" BEFORE UPDATE OF "attachedAt", "attachedById" ON "Receipt"
  FOR EACH ROW EXECUTE FUNCTION "receipt_attached_once"();

-- Staff issue a new code only after confirming the person in person: the log says so, always.
ALTER TABLE "SignInCodeIssue" ADD CONSTRAINT "SignInCodeIssue_confirmed" CHECK ("confirmedInPerson");
