-- Revisions outlive their figure: each keeps the metric, org unit and span it was about, the
-- previous source and note, and why. Revisions already stored take these from their figure
-- (until now a figure's revisions were deleted with it, so every one still has its figure).
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_FigureRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "figureId" INTEGER,
    "metricKey" TEXT NOT NULL,
    "orgUnitId" INTEGER NOT NULL,
    "periodStart" TEXT NOT NULL,
    "periodEnd" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "value" REAL,
    "previousValue" REAL,
    "source" TEXT,
    "previousSource" TEXT,
    "note" TEXT,
    "previousNote" TEXT,
    "reason" TEXT,
    "changedBy" TEXT,
    "changedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "importBatchId" INTEGER,
    CONSTRAINT "FigureRevision_figureId_fkey" FOREIGN KEY ("figureId") REFERENCES "Figure" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "FigureRevision_metricKey_fkey" FOREIGN KEY ("metricKey") REFERENCES "Metric" ("key") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FigureRevision_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "OrgUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FigureRevision_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_FigureRevision" ("action", "changedAt", "changedBy", "figureId", "id", "note", "previousValue", "source", "value", "metricKey", "orgUnitId", "periodStart", "periodEnd") SELECT r."action", r."changedAt", r."changedBy", r."figureId", r."id", r."note", r."previousValue", r."source", r."value", f."metricKey", f."orgUnitId", f."periodStart", f."periodEnd" FROM "FigureRevision" r JOIN "Figure" f ON f."id" = r."figureId";
DROP TABLE "FigureRevision";
ALTER TABLE "new_FigureRevision" RENAME TO "FigureRevision";
CREATE INDEX "FigureRevision_figureId_idx" ON "FigureRevision"("figureId");
CREATE INDEX "FigureRevision_metricKey_orgUnitId_periodStart_idx" ON "FigureRevision"("metricKey", "orgUnitId", "periodStart");
CREATE INDEX "FigureRevision_importBatchId_idx" ON "FigureRevision"("importBatchId");
CREATE TABLE "new_ImportBatch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "action" TEXT NOT NULL DEFAULT 'IMPORT',
    "fileName" TEXT NOT NULL,
    "encoding" TEXT,
    "rowCount" INTEGER NOT NULL,
    "created" INTEGER NOT NULL DEFAULT 0,
    "corrected" INTEGER NOT NULL DEFAULT 0,
    "deleted" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT,
    "createdBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_ImportBatch" ("createdAt", "createdBy", "fileName", "id", "rowCount") SELECT "createdAt", "createdBy", "fileName", "id", "rowCount" FROM "ImportBatch";
DROP TABLE "ImportBatch";
ALTER TABLE "new_ImportBatch" RENAME TO "ImportBatch";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
