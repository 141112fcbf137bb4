package org.counterspace.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, UUID> {

    Optional<Account> findByUsernameKey(String usernameKey);

    boolean existsByUsernameKey(String usernameKey);

    /** Empty also when the typed name cannot be a username at all (see {@link Usernames}). */
    default Optional<Account> findByUsername(String typed) {
        return Usernames.key(typed).flatMap(this::findByUsernameKey);
    }

    @Query("select a from Account a where a.roles like concat('%', :role, '%') order by a.usernameKey")
    List<Account> findWithRole(String role);
}
