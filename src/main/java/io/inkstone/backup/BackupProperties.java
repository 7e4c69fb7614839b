package io.inkstone.backup;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code inkstone.backup.*}.
 *
 * @param dir where {@code /admin/backups} writes and lists backups, and where
 * {@code backup} writes when no directory is given ({@code INKSTONE_BACKUP_DIR}, default
 * {@code <data-dir>/backups}; copy it off the machine)
 */
@ConfigurationProperties(prefix = "inkstone.backup")
@Validated
public record BackupProperties(@NotNull Path dir) {
}
