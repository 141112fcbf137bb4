package org.counterspace.checkin;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

/** {@link CounterEnvironments} from the journal's own list. */
@Service
class CounterEnvironmentNames implements CounterEnvironments {

    private final CheckInService checkins;

    CounterEnvironmentNames(CheckInService checkins) {
        this.checkins = checkins;
    }

    @Override
    public Names names(UUID accountId) {
        List<CounterEnvironment> inUse = checkins.environments(accountId).stream().filter(e -> !e.isArchived()).toList();
        return new Names(
                inUse.stream().filter(e -> e.getKind() == EnvironmentKind.PRACTICE).map(CounterEnvironment::getName).toList(),
                inUse.stream().filter(e -> e.getKind() != EnvironmentKind.PRACTICE).map(CounterEnvironment::getName).toList());
    }
}
