-- CreateTable
CREATE TABLE "Stock" (
    "symbol" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "market" TEXT NOT NULL,
    "exchange" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKo" TEXT,
    "sector" TEXT,
    "trackedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Stock_pkey" PRIMARY KEY ("symbol")
);

-- CreateTable
CREATE TABLE "DailyBar" (
    "symbol" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "open" DECIMAL(24,10) NOT NULL,
    "high" DECIMAL(24,10) NOT NULL,
    "low" DECIMAL(24,10) NOT NULL,
    "close" DECIMAL(24,10) NOT NULL,
    "volume" BIGINT NOT NULL,
    "provider" TEXT NOT NULL,
    "quality" TEXT NOT NULL DEFAULT 'real',

    CONSTRAINT "DailyBar_pkey" PRIMARY KEY ("symbol","date")
);

-- CreateTable
CREATE TABLE "WeeklyBar" (
    "symbol" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "open" DECIMAL(24,10) NOT NULL,
    "high" DECIMAL(24,10) NOT NULL,
    "low" DECIMAL(24,10) NOT NULL,
    "close" DECIMAL(24,10) NOT NULL,
    "volume" BIGINT NOT NULL,
    "provider" TEXT NOT NULL,
    "quality" TEXT NOT NULL DEFAULT 'real',

    CONSTRAINT "WeeklyBar_pkey" PRIMARY KEY ("symbol","date")
);

-- CreateTable
CREATE TABLE "IntradayBar" (
    "symbol" TEXT NOT NULL,
    "time" TIMESTAMPTZ(3) NOT NULL,
    "open" DECIMAL(24,10) NOT NULL,
    "high" DECIMAL(24,10) NOT NULL,
    "low" DECIMAL(24,10) NOT NULL,
    "close" DECIMAL(24,10) NOT NULL,
    "volume" BIGINT NOT NULL,
    "tickCount" INTEGER NOT NULL,
    "openTime" TIMESTAMPTZ(3) NOT NULL,
    "closeTime" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IntradayBar_pkey" PRIMARY KEY ("symbol","time")
);

-- CreateTable
CREATE TABLE "Tick" (
    "id" BIGINT NOT NULL,
    "symbol" TEXT NOT NULL,
    "time" TIMESTAMPTZ(3) NOT NULL,
    "price" DECIMAL(24,10) NOT NULL,
    "size" BIGINT NOT NULL,

    CONSTRAINT "Tick_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quote" (
    "symbol" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "price" DECIMAL(24,10) NOT NULL,
    "open" DECIMAL(24,10),
    "high" DECIMAL(24,10),
    "low" DECIMAL(24,10),
    "previousClose" DECIMAL(24,10),
    "volume" BIGINT,
    "tradingDay" DATE NOT NULL,
    "asOf" TIMESTAMPTZ(3) NOT NULL,
    "provider" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Quote_pkey" PRIMARY KEY ("symbol")
);

-- CreateTable
CREATE TABLE "StockOverview" (
    "symbol" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "quality" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StockOverview_pkey" PRIMARY KEY ("symbol")
);

-- CreateTable
CREATE TABLE "FinancialStatement" (
    "symbol" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "fiscalDate" DATE NOT NULL,
    "currency" TEXT NOT NULL,
    "lines" JSONB NOT NULL,
    "quality" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FinancialStatement_pkey" PRIMARY KEY ("symbol","kind","period","fiscalDate")
);

-- CreateTable
CREATE TABLE "StockDataset" (
    "symbol" TEXT NOT NULL,
    "dataset" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "rows" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "provider" TEXT,
    "startedAt" TIMESTAMP(3),
    "fetchedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StockDataset_pkey" PRIMARY KEY ("symbol","dataset")
);

-- CreateTable
CREATE TABLE "ProviderToken" (
    "provider" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProviderToken_pkey" PRIMARY KEY ("provider","key")
);

-- CreateTable
CREATE TABLE "CollectorStat" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "symbols" INTEGER NOT NULL,
    "ticksPerSecond" DOUBLE PRECISION NOT NULL,
    "totalTicks" BIGINT NOT NULL,
    "bufferFill" INTEGER NOT NULL,
    "lastFlushAt" TIMESTAMP(3),
    "lastFlushMs" INTEGER,
    "lagMs" INTEGER,
    "reconnects" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CollectorStat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Stock_trackedAt_idx" ON "Stock"("trackedAt");

-- CreateIndex
CREATE INDEX "Tick_symbol_time_idx" ON "Tick"("symbol", "time");

-- CreateIndex
CREATE INDEX "Tick_time_idx" ON "Tick"("time");
