/**
 * Static pages (关于我们, 联系我们, 广告合作 …): written by admins in Markdown under
 * {@code /admin/pages}, served at {@code /pages/{path}} (nested paths such as
 * {@code about/team}), every save kept as a revision, listed in the footer in the order
 * the admins choose. Imported WordPress pages land here too.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "shared", "web" })
package io.inkstone.pages;
