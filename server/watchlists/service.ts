import type { PrismaClient } from '@/server/generated/prisma/client';
import { DomainError } from '@/server/errors';
import { userChannel } from '@/server/realtime/channels';
import type { RealtimePublisher } from '@/server/realtime/publisher';
import { WATCHLIST_LIMITS, type WatchlistDto } from './schemas';

export type WatchlistService = ReturnType<typeof createWatchlistService>;

const withItems = { items: { orderBy: { addedAt: 'asc' } } } as const;

/**
 * Watchlists belong to one user: every query is scoped by userId, and another user's id gives
 * NOT_FOUND (not FORBIDDEN) so ids cannot be probed.
 */
export function createWatchlistService({
  db,
  realtime,
  onSymbolAdded,
}: {
  db: PrismaClient;
  realtime: RealtimePublisher;
  /** Start following the stock (collects its data); rejects symbols that do not exist. */
  onSymbolAdded?: (symbol: string) => Promise<void>;
}) {
  async function requireOwned(userId: string, id: string) {
    const list = await db.watchlist.findFirst({ where: { id, userId }, include: withItems });
    if (!list) throw new DomainError('NOT_FOUND', 'Watchlist not found.');
    return list;
  }

  async function changed(userId: string, watchlistId: string) {
    // Other tabs refresh; a realtime outage must not fail the write that already happened.
    await realtime
      .publish(userChannel(userId), 'watchlist.changed', { watchlistId })
      .catch(() => undefined);
  }

  /** Unique-name clashes become CONFLICT; a list deleted meanwhile (P2025) becomes NOT_FOUND. */
  function uniqueName<T>(promise: Promise<T>): Promise<T> {
    return promise.catch((error: { code?: string }) => {
      if (error.code === 'P2002') {
        throw new DomainError('CONFLICT', 'A watchlist with this name already exists.');
      }
      if (error.code === 'P2025') throw new DomainError('NOT_FOUND', 'Watchlist not found.');
      throw error;
    });
  }

  return {
    async list(userId: string): Promise<WatchlistDto[]> {
      const lists = await db.watchlist.findMany({
        where: { userId },
        include: withItems,
        orderBy: { createdAt: 'asc' },
      });
      return lists.map(toDto);
    },

    async create(userId: string, name: string): Promise<WatchlistDto> {
      const count = await db.watchlist.count({ where: { userId } });
      if (count >= WATCHLIST_LIMITS.lists) {
        throw new DomainError('INVALID', `At most ${WATCHLIST_LIMITS.lists} watchlists.`);
      }
      const list = await uniqueName(
        db.watchlist.create({ data: { userId, name }, include: withItems }),
      );
      await changed(userId, list.id);
      return toDto(list);
    },

    async rename(userId: string, id: string, name: string): Promise<WatchlistDto> {
      await requireOwned(userId, id);
      const list = await uniqueName(
        db.watchlist.update({ where: { id }, data: { name }, include: withItems }),
      );
      await changed(userId, id);
      return toDto(list);
    },

    async remove(userId: string, id: string): Promise<void> {
      const { count } = await db.watchlist.deleteMany({ where: { id, userId } });
      if (count === 0) throw new DomainError('NOT_FOUND', 'Watchlist not found.');
      await changed(userId, id);
    },

    async addSymbol(userId: string, id: string, symbol: string): Promise<WatchlistDto> {
      const list = await requireOwned(userId, id);
      if (list.items.some((item) => item.symbol === symbol)) {
        throw new DomainError('CONFLICT', `${symbol} is already on this watchlist.`);
      }
      if (list.items.length >= WATCHLIST_LIMITS.symbolsPerList) {
        throw new DomainError('INVALID', `At most ${WATCHLIST_LIMITS.symbolsPerList} symbols.`);
      }
      await onSymbolAdded?.(symbol);
      await db.watchlistItem.create({ data: { watchlistId: id, symbol } }).catch((error) => {
        if ((error as { code?: string }).code === 'P2002') {
          throw new DomainError('CONFLICT', `${symbol} is already on this watchlist.`);
        }
        throw error;
      });
      await db.watchlist.updateMany({ where: { id, userId }, data: { updatedAt: new Date() } });
      await changed(userId, id);
      return toDto(await requireOwned(userId, id));
    },

    async removeSymbol(userId: string, id: string, symbol: string): Promise<WatchlistDto> {
      await requireOwned(userId, id);
      await db.watchlistItem.deleteMany({ where: { watchlistId: id, symbol } });
      await db.watchlist.updateMany({ where: { id, userId }, data: { updatedAt: new Date() } });
      await changed(userId, id);
      return toDto(await requireOwned(userId, id));
    },
  };
}

function toDto(list: {
  id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
  items: { symbol: string }[];
}): WatchlistDto {
  return {
    id: list.id,
    name: list.name,
    symbols: list.items.map((item) => item.symbol),
    createdAt: list.createdAt,
    updatedAt: list.updatedAt,
  };
}
