package io.inkstone.events;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listener that met a busy database (the demo's first start: the import holds SQLite's
 * one writer) is retried without an ERROR line; anything else still logs one.
 */
@ExtendWith(OutputCaptureExtension.class)
class AsyncDeliveryConfigTests {

	static void on(String changed) {
	}

	@Test
	void aBusyDatabaseIsNoErrorButAnythingElseIs(CapturedOutput output) throws Exception {
		Method method = AsyncDeliveryConfigTests.class.getDeclaredMethod("on", String.class);
		// BEGIN IMMEDIATE refused after the busy timeout: how SQLite's busy reaches a
		// transactional listener
		AsyncDeliveryConfig.failed(
				new CannotCreateTransactionException("Could not open JDBC Connection",
						new SQLiteException("[SQLITE_BUSY] The database file is locked", SQLiteErrorCode.SQLITE_BUSY)),
				method, "x");
		assertThat(output.getOut() + output.getErr()).doesNotContain("ERROR")
			.contains("found the database busy; its delivery will be retried");
		AsyncDeliveryConfig.failed(new IllegalStateException("a real bug"), method, "x");
		assertThat(output.getOut() + output.getErr()).contains("ERROR").contains("a real bug");
	}

}
