/**
 * Cross-cutting web concerns: security (CSRF on, headers), error pages, reader modes
 * (关怀版, 无障碍), language, the reader cookie, request logging and the
 * {@link io.inkstone.web.Ui} model every page template receives.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package io.inkstone.web;
