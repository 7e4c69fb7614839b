package io.inkstone.backup;

import java.util.List;

/**
 * /admin/backups: where backups go, whether one is running, what the last run said, and
 * the newest backups.
 *
 * @param media {@code local} or {@code s3} (S3 objects are not copied into backups)
 */
public record BackupsPage(String dir, String media, boolean running, String lastError, List<Row> backups) {

	/** One backup, formatted for the table. */
	public record Row(String name, String time, String size, long articles, long comments, long follows,
			long mediaFiles, String status, String statusClass, String problem, boolean checkable) {
	}

}
