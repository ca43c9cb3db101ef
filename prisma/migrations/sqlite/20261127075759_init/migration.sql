-- CreateTable
CREATE TABLE "OrgUnit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "parentId" INTEGER,
    CONSTRAINT "OrgUnit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "OrgUnit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Area" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "Metric" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "areaKey" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "targetRule" TEXT NOT NULL,
    "granularity" TEXT NOT NULL,
    "numeratorKey" TEXT,
    "denominatorKey" TEXT,
    "weight" REAL,
    "scoringRule" TEXT,
    "sortOrder" INTEGER NOT NULL,
    CONSTRAINT "Metric_areaKey_fkey" FOREIGN KEY ("areaKey") REFERENCES "Area" ("key") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Metric_numeratorKey_fkey" FOREIGN KEY ("numeratorKey") REFERENCES "Metric" ("key") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Metric_denominatorKey_fkey" FOREIGN KEY ("denominatorKey") REFERENCES "Metric" ("key") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Figure" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "metricKey" TEXT NOT NULL,
    "orgUnitId" INTEGER NOT NULL,
    "periodStart" TEXT NOT NULL,
    "periodEnd" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "source" TEXT NOT NULL,
    "reportSection" TEXT,
    "reportSentence" TEXT,
    "reportStated" TEXT,
    "qualifier" TEXT,
    "note" TEXT,
    "createdBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "importBatchId" INTEGER,
    CONSTRAINT "Figure_metricKey_fkey" FOREIGN KEY ("metricKey") REFERENCES "Metric" ("key") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Figure_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "OrgUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Figure_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FigureRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "figureId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "previousValue" REAL,
    "source" TEXT NOT NULL,
    "note" TEXT,
    "changedBy" TEXT,
    "changedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FigureRevision_figureId_fkey" FOREIGN KEY ("figureId") REFERENCES "Figure" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Target" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "metricKey" TEXT NOT NULL,
    "orgUnitId" INTEGER,
    "periodStart" TEXT NOT NULL,
    "periodEnd" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "source" TEXT NOT NULL,
    "reason" TEXT,
    "createdBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Target_metricKey_fkey" FOREIGN KEY ("metricKey") REFERENCES "Metric" ("key") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Target_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "OrgUnit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TargetRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "targetId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "previousValue" REAL,
    "reason" TEXT,
    "changedBy" TEXT,
    "changedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TargetRevision_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fileName" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "createdBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "OrgUnit_key_key" ON "OrgUnit"("key");

-- CreateIndex
CREATE INDEX "Figure_metricKey_periodStart_periodEnd_idx" ON "Figure"("metricKey", "periodStart", "periodEnd");

-- CreateIndex
CREATE INDEX "Figure_orgUnitId_idx" ON "Figure"("orgUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "Figure_metricKey_orgUnitId_periodStart_periodEnd_key" ON "Figure"("metricKey", "orgUnitId", "periodStart", "periodEnd");

-- CreateIndex
CREATE INDEX "FigureRevision_figureId_idx" ON "FigureRevision"("figureId");

-- CreateIndex
CREATE INDEX "Target_metricKey_periodStart_idx" ON "Target"("metricKey", "periodStart");

-- CreateIndex
CREATE INDEX "TargetRevision_targetId_idx" ON "TargetRevision"("targetId");
