-- CreateIndex
CREATE INDEX "Target_orgUnitId_periodStart_idx" ON "Target"("orgUnitId", "periodStart");
