package org.counterspace.checkin;

import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * One journal import at a time per account on this instance. An import plans against the journal
 * (new, changed, already there) and then writes; a double-clicked Import would otherwise plan twice
 * before either commits and add every entry twice. The lock is held around the whole transaction,
 * so the second import plans against the first one's entries. A fixed set of locks, shared by
 * accounts whose ids hash alike, keeps memory bounded.
 */
@Component
class ImportLocks {

    private final ReentrantLock[] stripes = new ReentrantLock[64];

    ImportLocks() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    <T> T one(UUID accountId, Supplier<T> importing) {
        ReentrantLock lock = stripes[Math.floorMod(accountId.hashCode(), stripes.length)];
        lock.lock();
        try {
            return importing.get();
        }
        finally {
            lock.unlock();
        }
    }
}
