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
    CONSTRAINT "Metric_areaKey_fkey" FOREIGN KEY ("areaKey") REFERENCES "Area" ("key") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Metric_numeratorKey_fkey" FOREIGN KEY ("numeratorKey") REFERENCES "Metric" ("key") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Metric_denominatorKey_fkey" FOREIGN KEY ("denominatorKey") REFERENCES "Metric" ("key") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Metric" ("areaKey", "denominatorKey", "direction", "granularity", "key", "kind", "nameEn", "nameZh", "numeratorKey", "scoringRule", "sortOrder", "targetRule", "unit", "weight") SELECT "areaKey", "denominatorKey", "direction", "granularity", "key", "kind", "nameEn", "nameZh", "numeratorKey", "scoringRule", "sortOrder", "targetRule", "unit", "weight" FROM "Metric";
DROP TABLE "Metric";
ALTER TABLE "new_Metric" RENAME TO "Metric";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
