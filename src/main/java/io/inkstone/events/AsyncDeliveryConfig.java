package io.inkstone.events;

import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.Set;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.springframework.dao.PessimisticLockingFailureException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * {@code @ApplicationModuleListener}s run asynchronously on Boot's task executor. A
 * listener that fails leaves its publication incomplete for {@link EventRedelivery}; a
 * {@link DeliveryFailed} has been logged by its listener already, anything else is logged
 * here with its stack trace.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncDeliveryConfig implements AsyncConfigurer {

	private static final Logger log = LoggerFactory.getLogger(AsyncDeliveryConfig.class);

	@Override
	public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
		return AsyncDeliveryConfig::failed;
	}

	static void failed(Throwable ex, Method method, Object... params) {
		if (ex instanceof DeliveryFailed) {
			log.debug("Delivery to {} failed, will be retried: {}", method.getName(), ex.getMessage());
			return;
		}
		if (transientlyBusy(ex)) {
			// SQLite's one writer was taken past the busy timeout (a large import on
			// first start): nothing is wrong, the redelivery tries again
			log.info("Listener {}.{} found the database busy; its delivery will be retried: {}",
					method.getDeclaringClass().getSimpleName(), method.getName(), rootMessage(ex));
			return;
		}
		log.error("Listener {}.{} failed; its delivery will be retried", method.getDeclaringClass().getSimpleName(),
				method.getName(), ex);
	}

	/**
	 * A lock that did not come free in time (SQLite busy or locked, a lock or deadlock
	 * failure on PostgreSQL), anywhere in the cause chain: worth a retry, not an alarm.
	 */
	static boolean transientlyBusy(Throwable ex) {
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

	private static final Set<SQLiteErrorCode> BUSY = EnumSet.of(SQLiteErrorCode.SQLITE_BUSY,
			SQLiteErrorCode.SQLITE_BUSY_RECOVERY, SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT,
			SQLiteErrorCode.SQLITE_BUSY_TIMEOUT, SQLiteErrorCode.SQLITE_LOCKED,
			SQLiteErrorCode.SQLITE_LOCKED_SHAREDCACHE);

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

}
