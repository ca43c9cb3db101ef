-- CreateTable
CREATE TABLE "MonthlyReturn" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgUnitId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'OPEN',
    "version" INTEGER NOT NULL DEFAULT 1,
    "rejectedReason" TEXT,
    "submittedBy" TEXT,
    "submittedAt" DATETIME,
    "approvedBy" TEXT,
    "approvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MonthlyReturn_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "OrgUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReturnEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "returnId" INTEGER NOT NULL,
    "metricKey" TEXT NOT NULL,
    "value" REAL,
    "notApplicable" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "updatedBy" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReturnEntry_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "MonthlyReturn" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReturnRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "returnId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "metricKey" TEXT,
    "value" REAL,
    "previousValue" REAL,
    "reason" TEXT,
    "changedBy" TEXT NOT NULL,
    "changedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReturnRevision_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "MonthlyReturn" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MonthLock" (
    "month" TEXT NOT NULL PRIMARY KEY,
    "lockedBy" TEXT NOT NULL,
    "lockedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "MonthLockRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "month" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "reason" TEXT,
    "changedBy" TEXT NOT NULL,
    "changedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
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
