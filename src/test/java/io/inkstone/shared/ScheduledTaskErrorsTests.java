package io.inkstone.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheduled task that found SQLite's writer busy (an import on first start) runs again
 * at its next turn: one INFO line, no ERROR and no stack trace. Anything else is an
 * ERROR.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScheduledTaskErrorsTests {

	@Test
	void aBusyDatabaseIsOneInfoLineAnythingElseAnError(CapturedOutput output) {
		ScheduledTaskErrors.handle(new CannotCreateTransactionException("Could not open JDBC Connection",
				new SQLiteException("database is locked", SQLiteErrorCode.SQLITE_BUSY)));
		assertThat(output.getAll()).contains("INFO").contains("database busy").doesNotContain("ERROR");
		assertThat(output.getAll()).doesNotContain("\tat ");
		ScheduledTaskErrors.handle(new IllegalStateException("a real defect"));
		assertThat(output.getAll()).contains("ERROR").contains("a real defect");
	}

}
