/**
 * Safety on a shared device: the quick exit, crisis help, and the privacy page.
 */
@org.springframework.modulith.ApplicationModule
package org.counterspace.safety;
