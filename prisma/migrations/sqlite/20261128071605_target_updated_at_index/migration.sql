-- CreateIndex
CREATE INDEX "Target_updatedAt_idx" ON "Target"("updatedAt");
