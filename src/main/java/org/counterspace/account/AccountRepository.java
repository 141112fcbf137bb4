package org.counterspace.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, UUID> {

    Optional<Account> findByUsernameKey(String usernameKey);

    default Optional<Account> findByUsername(String username) {
        return findByUsernameKey(Account.keyOf(username));
    }

    @Query("select a from Account a where a.roles like concat('%', :role, '%') order by a.usernameKey")
    List<Account> findWithRole(String role);
}
