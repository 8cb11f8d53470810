import type { Market } from '../types';

/**
 * Large, widely followed names shown on the markets page and ranked first when search results
 * tie. Order matters: it is the order on the page and the tie-break order in search (so "삼성"
 * lists Samsung Electronics before other Samsung companies). Roughly by market capitalisation in
 * early 2026; every symbol must exist in the instrument master (a unit test checks).
 */
export const majorSymbols: Record<Market, readonly string[]> = {
  KR: [
    '005930.KS', // 삼성전자
    '000660.KS', // SK하이닉스
    '373220.KS', // LG에너지솔루션
    '207940.KS', // 삼성바이오로직스
    '005380.KS', // 현대자동차
    '000270.KS', // 기아
    '068270.KS', // 셀트리온
    '035420.KS', // NAVER
    '035720.KS', // 카카오
    '051910.KS', // LG화학
    '006400.KS', // 삼성SDI
    '005490.KS', // POSCO홀딩스
    '105560.KS', // KB금융
    '055550.KS', // 신한지주
    '012330.KS', // 현대모비스
    '028260.KS', // 삼성물산
    '012450.KS', // 한화에어로스페이스
    '329180.KS', // HD현대중공업
    '066570.KS', // LG전자
    '032830.KS', // 삼성생명
    '086790.KS', // 하나금융지주
    '015760.KS', // 한국전력공사
    '017670.KS', // SK텔레콤
    '030200.KS', // 케이티
    '033780.KS', // 케이티앤지
    '034730.KS', // SK
    '003550.KS', // LG
    '259960.KS', // 크래프톤
    '323410.KS', // 카카오뱅크
    '352820.KS', // 하이브
    '247540.KQ', // 에코프로비엠
    '086520.KQ', // 에코프로
    '196170.KQ', // 알테오젠
  ],
  US: [
    'AAPL',
    'MSFT',
    'NVDA',
    'AMZN',
    'GOOGL',
    'META',
    'TSLA',
    'AVGO',
    'BRK.B',
    'JPM',
    'LLY',
    'V',
    'WMT',
    'MA',
    'XOM',
    'COST',
    'NFLX',
    'ORCL',
    'AMD',
    'PLTR',
    'JNJ',
    'PG',
    'KO',
    'INTC',
    'SPY',
  ],
};

/** The headline indices per market, in display order. */
export const indexSymbols: Record<Market, readonly string[]> = {
  KR: ['^KS11', '^KQ11'],
  US: ['^GSPC', '^IXIC'],
};
