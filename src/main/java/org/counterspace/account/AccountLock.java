package org.counterspace.account;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's account row, locked in the database until the surrounding transaction ends, so it
 * holds across every instance. Writes that first count or plan against a person's journal (a
 * check-in within the day's limit, an import, a Daylio preview) take it first: two at once (a
 * double click, or requests reaching two instances) run one after the other and the second sees
 * the first one's rows. Deleting the account takes it first too, so it waits for such a write
 * instead of deadlocking with it.
 */
@Component
public class AccountLock {

    private final JdbcTemplate jdbc;

    AccountLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void hold(UUID accountId) {
        jdbc.queryForList("select id from account where id = ? for update", accountId);
    }
}
