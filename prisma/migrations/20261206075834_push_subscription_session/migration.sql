-- A push device belongs to the sign-in session that switched it on (security review of decision 031):
-- signing out there ends it. Devices saved before have no session; "sign out everywhere" removes them by person.
-- AlterTable
ALTER TABLE "PushSubscription" ADD COLUMN     "sessionId" UUID;

-- CreateIndex
CREATE INDEX "PushSubscription_sessionId_idx" ON "PushSubscription"("sessionId");

-- AddForeignKey
ALTER TABLE "PushSubscription" ADD CONSTRAINT "PushSubscription_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;
