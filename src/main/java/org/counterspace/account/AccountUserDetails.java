package org.counterspace.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-in looks accounts up here; hashes made under an older default are replaced after a good sign-in. */
@Service
class AccountUserDetails implements UserDetailsService, UserDetailsPasswordService {

    private final AccountRepository accounts;

    AccountUserDetails(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(username)
            .map(Account::toPrincipal)
            .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        Account account = accounts.findById(((AccountPrincipal) user).id())
            .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        account.changePasswordHash(newPasswordHash);
        return account.toPrincipal();
    }
}
