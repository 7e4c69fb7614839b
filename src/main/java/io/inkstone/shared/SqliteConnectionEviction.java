package io.inkstone.shared;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Tells the pool to throw away a SQLite connection that hit a busy or locked database.
 * sqlite-jdbc in IMMEDIATE mode marks the connection as inside a transaction before its
 * {@code BEGIN IMMEDIATE} runs; when that BEGIN fails with SQLITE_BUSY the mark stays, so
 * every later transaction on the connection runs without BEGIN and fails at commit
 * ("cannot commit - no transaction is active"). Kept in the pool, such connections
 * silently stopped scheduled publishing after the database had been locked for longer
 * than the busy timeout.
 */
final class SqliteConnectionEviction implements SQLExceptionOverride {

	// no @Override annotation: the interface's nested Override enum shadows
	// java.lang.Override here
	public Override adjudicate(SQLException ex) {
		if (ex instanceof SQLiteException sqlite) {
			SQLiteErrorCode code = sqlite.getResultCode();
			if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT
					|| code == SQLiteErrorCode.SQLITE_BUSY_RECOVERY || code == SQLiteErrorCode.SQLITE_LOCKED
					|| String.valueOf(ex.getMessage()).contains("no transaction is active")) {
				return Override.MUST_EVICT;
			}
		}
		return Override.CONTINUE_EVICT;
	}

}
