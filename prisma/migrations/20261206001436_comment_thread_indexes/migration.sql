-- DropIndex
DROP INDEX "Comment_parentId_idx";

-- CreateIndex
CREATE INDEX "Comment_contributionId_parentId_createdAt_id_idx" ON "Comment"("contributionId", "parentId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Comment_parentId_createdAt_id_idx" ON "Comment"("parentId", "createdAt", "id");
