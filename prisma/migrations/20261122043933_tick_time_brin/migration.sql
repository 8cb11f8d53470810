-- DropIndex
DROP INDEX "Tick_time_idx";

-- CreateIndex
CREATE INDEX "Tick_time_idx" ON "Tick" USING BRIN ("time");
