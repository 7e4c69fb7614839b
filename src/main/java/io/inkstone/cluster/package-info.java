/**
 * Cluster mode ({@code inkstone.mode=cluster}): what several stateless nodes on one
 * PostgreSQL and one Redis need beyond the ports other modules implement for Redis —
 * scheduled jobs that run on one node at a time (ShedLock on the database) and relaying
 * events no durable feed carries (follows) to every node over Redis pub/sub. Article
 * changes need no relay: every node follows the articles change feed.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "creators", "shared" })
package io.inkstone.cluster;
