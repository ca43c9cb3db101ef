-- AlterTable
ALTER TABLE "Metric" ADD COLUMN     "decimals" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "FigureYearToDate" (
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "metricKey" TEXT NOT NULL,
    "orgUnitId" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "scaledSum" DOUBLE PRECISION NOT NULL,
    "count" INTEGER NOT NULL,
    "exact" DOUBLE PRECISION,

    CONSTRAINT "FigureYearToDate_pkey" PRIMARY KEY ("year","month","orgUnitId","metricKey","source")
);

-- CreateTable
CREATE TABLE "FigureYearToDateStale" (
    "orgUnitId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,

    CONSTRAINT "FigureYearToDateStale_pkey" PRIMARY KEY ("year","orgUnitId")
);

-- Every change of a figure marks its unit year stale in the same statement (written by hand:
-- the Prisma schema has no triggers). Statement-level, from the transition tables: a bulk insert
-- of 100,000 figures marks each unit year once, not 100,000 times. A write transaction makes
-- the totals of the stale years anew before it commits (prisma/src/year-to-date.ts); a read of a
-- stale year reads the figures.
CREATE FUNCTION "figure_year_to_date_new"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "FigureYearToDateStale" ("orgUnitId", "year")
    SELECT DISTINCT "orgUnitId", CAST(substr("periodStart", 1, 4) AS INTEGER) FROM "figure_new_rows" ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE FUNCTION "figure_year_to_date_old"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "FigureYearToDateStale" ("orgUnitId", "year")
    SELECT DISTINCT "orgUnitId", CAST(substr("periodStart", 1, 4) AS INTEGER) FROM "figure_old_rows" ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER "Figure_yearToDate_insert" AFTER INSERT ON "Figure" REFERENCING NEW TABLE AS "figure_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "figure_year_to_date_new"();
CREATE TRIGGER "Figure_yearToDate_update_new" AFTER UPDATE ON "Figure" REFERENCING NEW TABLE AS "figure_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "figure_year_to_date_new"();
CREATE TRIGGER "Figure_yearToDate_update_old" AFTER UPDATE ON "Figure" REFERENCING OLD TABLE AS "figure_old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "figure_year_to_date_old"();
CREATE TRIGGER "Figure_yearToDate_delete" AFTER DELETE ON "Figure" REFERENCING OLD TABLE AS "figure_old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "figure_year_to_date_old"();

-- The figures stored before this migration: every year is stale until made.
INSERT INTO "FigureYearToDateStale" ("orgUnitId", "year") SELECT DISTINCT "orgUnitId", CAST(substr("periodStart", 1, 4) AS INTEGER) FROM "Figure" ON CONFLICT DO NOTHING;
