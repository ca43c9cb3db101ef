-- Revisions outlive their figure: each keeps the metric, org unit and span it was about, the
-- previous source and note, and why. Revisions already stored take these from their figure
-- (until now a figure's revisions were deleted with it, so every one still has its figure).
-- DropForeignKey
ALTER TABLE "FigureRevision" DROP CONSTRAINT "FigureRevision_figureId_fkey";

-- AlterTable
ALTER TABLE "FigureRevision" ADD COLUMN     "importBatchId" INTEGER,
ADD COLUMN     "metricKey" TEXT,
ADD COLUMN     "orgUnitId" INTEGER,
ADD COLUMN     "periodEnd" TEXT,
ADD COLUMN     "periodStart" TEXT,
ADD COLUMN     "previousNote" TEXT,
ADD COLUMN     "previousSource" TEXT,
ADD COLUMN     "reason" TEXT,
ALTER COLUMN "figureId" DROP NOT NULL,
ALTER COLUMN "value" DROP NOT NULL,
ALTER COLUMN "source" DROP NOT NULL;

UPDATE "FigureRevision" r SET "metricKey" = f."metricKey", "orgUnitId" = f."orgUnitId", "periodStart" = f."periodStart", "periodEnd" = f."periodEnd"
FROM "Figure" f WHERE f."id" = r."figureId";

ALTER TABLE "FigureRevision" ALTER COLUMN "metricKey" SET NOT NULL,
ALTER COLUMN "orgUnitId" SET NOT NULL,
ALTER COLUMN "periodEnd" SET NOT NULL,
ALTER COLUMN "periodStart" SET NOT NULL;

-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "action" TEXT NOT NULL DEFAULT 'IMPORT',
ADD COLUMN     "corrected" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "created" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "deleted" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "encoding" TEXT,
ADD COLUMN     "reason" TEXT;

-- CreateIndex
CREATE INDEX "FigureRevision_metricKey_orgUnitId_periodStart_idx" ON "FigureRevision"("metricKey", "orgUnitId", "periodStart");

-- CreateIndex
CREATE INDEX "FigureRevision_importBatchId_idx" ON "FigureRevision"("importBatchId");

-- AddForeignKey
ALTER TABLE "FigureRevision" ADD CONSTRAINT "FigureRevision_figureId_fkey" FOREIGN KEY ("figureId") REFERENCES "Figure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FigureRevision" ADD CONSTRAINT "FigureRevision_metricKey_fkey" FOREIGN KEY ("metricKey") REFERENCES "Metric"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FigureRevision" ADD CONSTRAINT "FigureRevision_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FigureRevision" ADD CONSTRAINT "FigureRevision_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;
