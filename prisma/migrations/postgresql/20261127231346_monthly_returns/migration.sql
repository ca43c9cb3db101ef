-- CreateTable
CREATE TABLE "MonthlyReturn" (
    "id" SERIAL NOT NULL,
    "orgUnitId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'OPEN',
    "version" INTEGER NOT NULL DEFAULT 1,
    "rejectedReason" TEXT,
    "submittedBy" TEXT,
    "submittedAt" TIMESTAMP(3),
    "approvedBy" TEXT,
    "approvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonthlyReturn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReturnEntry" (
    "id" SERIAL NOT NULL,
    "returnId" INTEGER NOT NULL,
    "metricKey" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "notApplicable" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "updatedBy" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReturnEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReturnRevision" (
    "id" SERIAL NOT NULL,
    "returnId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "metricKey" TEXT,
    "value" DOUBLE PRECISION,
    "previousValue" DOUBLE PRECISION,
    "reason" TEXT,
    "changedBy" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReturnRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonthLock" (
    "month" TEXT NOT NULL,
    "lockedBy" TEXT NOT NULL,
    "lockedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MonthLock_pkey" PRIMARY KEY ("month")
);

-- CreateTable
CREATE TABLE "MonthLockRevision" (
    "id" SERIAL NOT NULL,
    "month" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "reason" TEXT,
    "changedBy" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MonthLockRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MonthlyReturn_month_idx" ON "MonthlyReturn"("month");

-- CreateIndex
CREATE UNIQUE INDEX "MonthlyReturn_orgUnitId_month_key" ON "MonthlyReturn"("orgUnitId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnEntry_returnId_metricKey_key" ON "ReturnEntry"("returnId", "metricKey");

-- CreateIndex
CREATE INDEX "ReturnRevision_returnId_idx" ON "ReturnRevision"("returnId");

-- CreateIndex
CREATE INDEX "MonthLockRevision_month_idx" ON "MonthLockRevision"("month");

-- AddForeignKey
ALTER TABLE "MonthlyReturn" ADD CONSTRAINT "MonthlyReturn_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturnEntry" ADD CONSTRAINT "ReturnEntry_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "MonthlyReturn"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturnRevision" ADD CONSTRAINT "ReturnRevision_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "MonthlyReturn"("id") ON DELETE CASCADE ON UPDATE CASCADE;
