/**
 * Accounts: registration with a username and password only, sign-in, recovery codes, settings,
 * export and deletion of everything a person holds. Other features learn about accounts through
 * {@link org.counterspace.account.AccountPrincipal} and the {@link org.counterspace.account.AccountRegistered} /
 * {@link org.counterspace.account.AccountDeleted} events, and add their part to the export through
 * {@link org.counterspace.account.PersonalDataExporter}.
 */
@org.springframework.modulith.ApplicationModule
package org.counterspace.account;
