-- A writer's stale mark holds its row until the writer commits (DO UPDATE takes the row lock;
-- DO NOTHING took none). A refresh claims the marks with DELETE … RETURNING, so it waits for
-- a writer that marked a year it is about to claim, then reads that writer's figures: a mark
-- can no longer be cleared by a refresh that never saw its figures (a writer outside
-- writeTransaction committing between the refresh's read and its clearing of the marks).
CREATE OR REPLACE FUNCTION "figure_year_to_date_new"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "FigureYearToDateStale" ("orgUnitId", "year")
    SELECT DISTINCT "orgUnitId", CAST(substr("periodStart", 1, 4) AS INTEGER) FROM "figure_new_rows"
    ON CONFLICT ("year", "orgUnitId") DO UPDATE SET "year" = EXCLUDED."year";
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION "figure_year_to_date_old"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "FigureYearToDateStale" ("orgUnitId", "year")
    SELECT DISTINCT "orgUnitId", CAST(substr("periodStart", 1, 4) AS INTEGER) FROM "figure_old_rows"
    ON CONFLICT ("year", "orgUnitId") DO UPDATE SET "year" = EXCLUDED."year";
  RETURN NULL;
END $$;
