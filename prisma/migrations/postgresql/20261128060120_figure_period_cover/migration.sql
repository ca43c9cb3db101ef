-- CreateIndex
CREATE INDEX "Figure_periodEnd_periodStart_metricKey_orgUnitId_source_val_idx" ON "Figure"("periodEnd", "periodStart", "metricKey", "orgUnitId", "source", "value");
