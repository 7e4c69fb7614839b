/**
 * Durable event delivery. Spring Modulith's event publication registry stores one row per
 * event and {@code @ApplicationModuleListener} in the publisher's transaction (table
 * {@code event_publication}); the listener runs after commit, asynchronously, and its row
 * stays until it succeeds. A rolled-back transaction takes its rows with it, so nothing
 * is delivered for a decision that did not happen. {@link EventRedelivery} resubmits
 * failed and interrupted deliveries with back-off (after a restart too), on one node at a
 * time. The repository is this module's own over portable SQL because Modulith's JDBC
 * repository does not know SQLite. A listener whose failure it has already logged throws
 * {@link DeliveryFailed}, which is not logged again.
 */
@ApplicationModule(allowedDependencies = "shared")
package io.inkstone.events;

import org.springframework.modulith.ApplicationModule;
