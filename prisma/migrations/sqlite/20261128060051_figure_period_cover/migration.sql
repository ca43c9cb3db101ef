-- CreateIndex
CREATE INDEX "Figure_periodEnd_periodStart_metricKey_orgUnitId_source_value_idx" ON "Figure"("periodEnd", "periodStart", "metricKey", "orgUnitId", "source", "value");
