/**
 * Back up and restore: {@code backup DIR} writes a consistent copy of the database
 * (SQLite {@code VACUUM INTO}, or {@code pg_dump} of one exported snapshot for
 * PostgreSQL), the local media files and a manifest with row counts and SHA-256
 * checksums; {@code restore DIR} verifies every checksum before it writes anything and
 * restores into an empty data directory (the search index is not backed up: it rebuilds
 * from the restored database). {@code /admin/backups} lists the backups in
 * {@code inkstone.backup.dir} and starts one in the background.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "media", "shared", "web" })
package io.inkstone.backup;
