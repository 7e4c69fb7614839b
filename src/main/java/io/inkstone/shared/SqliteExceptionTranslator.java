package io.inkstone.shared;

import java.sql.SQLException;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Translates sqlite-jdbc's errors, which carry no SQL state Spring recognises, into
 * Spring's exception hierarchy: a duplicate key becomes {@link DuplicateKeyException}.
 * Libraries rely on that translation (ShedLock inserts its lock row and falls back to an
 * UPDATE only on a duplicate key; untranslated, every scheduled job died from the second
 * start on). Anything else goes to the delegate.
 */
public final class SqliteExceptionTranslator implements SQLExceptionTranslator {

	private final SQLExceptionTranslator delegate;

	public SqliteExceptionTranslator(SQLExceptionTranslator delegate) {
		this.delegate = delegate;
	}

	@Override
	public DataAccessException translate(String task, String sql, SQLException ex) {
		if (ex instanceof SQLiteException sqlite) {
			String message = task + "; SQL [" + sql + "]; " + ex.getMessage();
			SQLiteErrorCode code = sqlite.getResultCode();
			switch (code) {
				case SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE:
					return new DuplicateKeyException(message, ex);
				case SQLITE_CONSTRAINT, SQLITE_CONSTRAINT_FOREIGNKEY, SQLITE_CONSTRAINT_NOTNULL,
						SQLITE_CONSTRAINT_CHECK:
					return new DataIntegrityViolationException(message, ex);
				case SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED:
					return new PessimisticLockingFailureException(message, ex);
				default:
					break;
			}
		}
		return delegate.translate(task, sql, ex);
	}

}
