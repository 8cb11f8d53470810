-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "baseCurrency" TEXT NOT NULL,
    "allowNegativeCash" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Transaction" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "tradeDate" DATE NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "symbol" TEXT,
    "quantity" DECIMAL(30,10),
    "price" DECIMAL(24,10),
    "amount" DECIMAL(24,4),
    "fees" DECIMAL(24,4) NOT NULL DEFAULT 0,
    "taxes" DECIMAL(24,4) NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL,
    "splitRatio" DECIMAL(20,10),
    "costPrice" DECIMAL(24,10),
    "note" TEXT,
    "importKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Transaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Holding" (
    "accountId" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "quantity" DECIMAL(30,10) NOT NULL,
    "averageCost" DECIMAL(24,10) NOT NULL,
    "costBasis" DECIMAL(24,4) NOT NULL,
    "realizedPnl" DECIMAL(24,4) NOT NULL,
    "dividends" DECIMAL(24,4) NOT NULL,
    "fees" DECIMAL(24,4) NOT NULL,
    "taxes" DECIMAL(24,4) NOT NULL,
    "firstTradeAt" DATE NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Holding_pkey" PRIMARY KEY ("accountId","symbol")
);

-- CreateTable
CREATE TABLE "AccountCash" (
    "accountId" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "balance" DECIMAL(24,4) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccountCash_pkey" PRIMARY KEY ("accountId","currency")
);

-- CreateTable
CREATE TABLE "PortfolioSnapshot" (
    "accountId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "currency" TEXT NOT NULL,
    "value" DECIMAL(24,4) NOT NULL,
    "cash" DECIMAL(24,4) NOT NULL,
    "marketValue" DECIMAL(24,4) NOT NULL,
    "invested" DECIMAL(24,4) NOT NULL,
    "inflow" DECIMAL(24,4) NOT NULL,
    "outflow" DECIMAL(24,4) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PortfolioSnapshot_pkey" PRIMARY KEY ("accountId","date")
);

-- CreateTable
CREATE TABLE "PortfolioTotalSnapshot" (
    "userId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "currency" TEXT NOT NULL,
    "value" DECIMAL(24,4) NOT NULL,
    "cash" DECIMAL(24,4) NOT NULL,
    "marketValue" DECIMAL(24,4) NOT NULL,
    "invested" DECIMAL(24,4) NOT NULL,
    "inflow" DECIMAL(24,4) NOT NULL,
    "outflow" DECIMAL(24,4) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PortfolioTotalSnapshot_pkey" PRIMARY KEY ("userId","date")
);

-- CreateTable
CREATE TABLE "FxRate" (
    "base" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "rate" DECIMAL(24,10) NOT NULL,
    "provider" TEXT NOT NULL,
    "quality" TEXT NOT NULL DEFAULT 'real',

    CONSTRAINT "FxRate_pkey" PRIMARY KEY ("base","quote","date")
);

-- CreateTable
CREATE TABLE "BacktestRun" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "strategy" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "config" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "error" TEXT,
    "metrics" JSONB,
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "BacktestRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_userId_name_key" ON "Account"("userId", "name");

-- CreateIndex
CREATE INDEX "Transaction_accountId_tradeDate_idx" ON "Transaction"("accountId", "tradeDate");

-- CreateIndex
CREATE INDEX "Transaction_symbol_idx" ON "Transaction"("symbol");

-- CreateIndex
CREATE UNIQUE INDEX "Transaction_accountId_importKey_key" ON "Transaction"("accountId", "importKey");

-- CreateIndex
CREATE INDEX "Holding_symbol_idx" ON "Holding"("symbol");

-- CreateIndex
CREATE INDEX "BacktestRun_userId_createdAt_idx" ON "BacktestRun"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transaction" ADD CONSTRAINT "Transaction_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Holding" ADD CONSTRAINT "Holding_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountCash" ADD CONSTRAINT "AccountCash_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortfolioSnapshot" ADD CONSTRAINT "PortfolioSnapshot_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortfolioTotalSnapshot" ADD CONSTRAINT "PortfolioTotalSnapshot_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BacktestRun" ADD CONSTRAINT "BacktestRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
