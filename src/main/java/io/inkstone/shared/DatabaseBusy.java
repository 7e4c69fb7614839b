package io.inkstone.shared;

import java.util.EnumSet;
import java.util.Set;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * The one rule for "the database was busy, not broken": SQLite's single writer was held
 * past the busy timeout (a large import, a backup on a loaded machine), or PostgreSQL
 * gave up on a lock. Such a failure is worth a retry or a 503 with {@code Retry-After},
 * never an alarm or a 500.
 */
public final class DatabaseBusy {

	private static final Set<SQLiteErrorCode> BUSY = EnumSet.of(SQLiteErrorCode.SQLITE_BUSY,
			SQLiteErrorCode.SQLITE_BUSY_RECOVERY, SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT,
			SQLiteErrorCode.SQLITE_BUSY_TIMEOUT, SQLiteErrorCode.SQLITE_LOCKED,
			SQLiteErrorCode.SQLITE_LOCKED_SHAREDCACHE);

	private DatabaseBusy() {
	}

	/** Whether a busy or locked database is anywhere in the cause chain. */
	public static boolean is(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof PessimisticLockingFailureException) {
				return true;
			}
			if (t instanceof SQLiteException sqlite && BUSY.contains(sqlite.getResultCode())) {
				return true;
			}
		}
		return false;
	}

	/** The innermost message, for a one-line log entry. */
	public static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

}
