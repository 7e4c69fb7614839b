/**
 * Audit: the append-only log of moderation actions, staff sign-ins and platform settings
 * changes — who, when, what, why. {@link io.inkstone.audit.AuditLog} can only append and
 * read; the database refuses updates and deletes by trigger. Admins read and export it at
 * {@code /admin/audit}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package io.inkstone.audit;
