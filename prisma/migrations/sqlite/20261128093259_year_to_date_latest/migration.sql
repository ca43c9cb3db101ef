-- DropIndex
DROP INDEX "Figure_orgUnitId_idx";

-- CreateTable
CREATE TABLE "FigureYearToDateLatest" (
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "metricKey" TEXT NOT NULL,
    "orgUnitId" INTEGER NOT NULL,
    "periodStart" TEXT NOT NULL,
    "periodEnd" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "source" TEXT NOT NULL,

    PRIMARY KEY ("year", "month", "orgUnitId", "metricKey")
);

-- CreateIndex
CREATE INDEX "Figure_orgUnitId_periodStart_idx" ON "Figure"("orgUnitId", "periodStart");

-- The latest figures are made with the totals: every year with figures is stale until made.
INSERT OR IGNORE INTO "FigureYearToDateStale" ("orgUnitId", "year") SELECT DISTINCT "orgUnitId", CAST(substr("periodStart", 1, 4) AS INTEGER) FROM "Figure";
