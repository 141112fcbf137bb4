/**
 * Cross-cutting web concerns: security and response headers, error pages, the shared page layout,
 * static assets. Every feature module may use it.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.counterspace.web;
