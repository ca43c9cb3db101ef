-- CreateIndex
CREATE INDEX "Figure_updatedAt_idx" ON "Figure"("updatedAt");
