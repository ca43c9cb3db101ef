-- CreateTable
CREATE TABLE "FigureYearToDate" (
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "metricKey" TEXT NOT NULL,
    "orgUnitId" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "scaledSum" REAL NOT NULL,
    "count" INTEGER NOT NULL,
    "exact" REAL,

    PRIMARY KEY ("year", "month", "orgUnitId", "metricKey", "source")
);

-- CreateTable
CREATE TABLE "FigureYearToDateStale" (
    "orgUnitId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,

    PRIMARY KEY ("year", "orgUnitId")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Metric" (
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
    "enteredBy" TEXT NOT NULL DEFAULT 'STATION',
    "sortOrder" INTEGER NOT NULL,
    "decimals" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Metric_areaKey_fkey" FOREIGN KEY ("areaKey") REFERENCES "Area" ("key") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Metric_numeratorKey_fkey" FOREIGN KEY ("numeratorKey") REFERENCES "Metric" ("key") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Metric_denominatorKey_fkey" FOREIGN KEY ("denominatorKey") REFERENCES "Metric" ("key") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Metric" ("areaKey", "denominatorKey", "direction", "enteredBy", "granularity", "key", "kind", "nameEn", "nameZh", "numeratorKey", "scoringRule", "sortOrder", "targetRule", "unit", "weight") SELECT "areaKey", "denominatorKey", "direction", "enteredBy", "granularity", "key", "kind", "nameEn", "nameZh", "numeratorKey", "scoringRule", "sortOrder", "targetRule", "unit", "weight" FROM "Metric";
DROP TABLE "Metric";
ALTER TABLE "new_Metric" RENAME TO "Metric";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Every change of a figure marks its unit year stale in the same statement (written by hand:
-- the Prisma schema has no triggers). A write transaction makes the totals of the stale years anew
-- before it commits (prisma/src/year-to-date.ts); a read of a stale year reads the figures.
CREATE TRIGGER "Figure_yearToDate_insert" AFTER INSERT ON "Figure" BEGIN
  INSERT OR IGNORE INTO "FigureYearToDateStale" ("orgUnitId", "year") VALUES (NEW."orgUnitId", CAST(substr(NEW."periodStart", 1, 4) AS INTEGER));
END;
CREATE TRIGGER "Figure_yearToDate_update" AFTER UPDATE ON "Figure" BEGIN
  INSERT OR IGNORE INTO "FigureYearToDateStale" ("orgUnitId", "year") VALUES (OLD."orgUnitId", CAST(substr(OLD."periodStart", 1, 4) AS INTEGER));
  INSERT OR IGNORE INTO "FigureYearToDateStale" ("orgUnitId", "year") VALUES (NEW."orgUnitId", CAST(substr(NEW."periodStart", 1, 4) AS INTEGER));
END;
CREATE TRIGGER "Figure_yearToDate_delete" AFTER DELETE ON "Figure" BEGIN
  INSERT OR IGNORE INTO "FigureYearToDateStale" ("orgUnitId", "year") VALUES (OLD."orgUnitId", CAST(substr(OLD."periodStart", 1, 4) AS INTEGER));
END;

-- The figures stored before this migration: every year is stale until made.
INSERT OR IGNORE INTO "FigureYearToDateStale" ("orgUnitId", "year") SELECT DISTINCT "orgUnitId", CAST(substr("periodStart", 1, 4) AS INTEGER) FROM "Figure";
