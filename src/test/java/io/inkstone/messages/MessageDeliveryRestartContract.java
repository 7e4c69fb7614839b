package io.inkstone.messages;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.inkstone.InkstoneApplication;
import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.engagement.CommentReplied;
import io.inkstone.support.Databases;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A notice is never lost to a stop: the event is stored with the transaction that
 * published it, the node stops before its listener ran (its only delivery thread is
 * busy), and the message appears after the restart.
 */
abstract class MessageDeliveryRestartContract {

	/** Extra arguments naming the database (none for SQLite in the data directory). */
	abstract List<String> databaseArguments();

	private ConfigurableApplicationContext start(Path dataDir, String checkEvery) {
		List<String> args = new ArrayList<>(
				List.of("--server.port=0", "--inkstone.data-dir=" + dataDir, "--inkstone.events.first-retry=1s",
						"--inkstone.events.max-retry=2s", "--inkstone.events.check-every=" + checkEvery,
						"--spring.task.execution.pool.core-size=1", "--spring.task.execution.pool.max-size=1"));
		args.addAll(databaseArguments());
		return new SpringApplicationBuilder(InkstoneApplication.class).run(args.toArray(String[]::new));
	}

	@Test
	void aNoticePublishedBeforeAStopIsDeliveredAfterTheRestart() {
		Path dataDir = Databases.freshDataDir();
		long recipient;
		try (ConfigurableApplicationContext first = start(dataDir, "1h")) {
			recipient = first.getBean(Accounts.class)
				.signUp("restart-" + System.nanoTime() + "@inkstone.test", "correct-horse-1", "重启前", Role.READER)
				.orElseThrow()
				.accountId();
			// the only delivery thread is busy until the node stops
			CountDownLatch never = new CountDownLatch(1);
			first.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class).execute(() -> {
				try {
					never.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			long to = recipient;
			first.getBean(TransactionTemplate.class)
				.executeWithoutResult(status -> first
					.publishEvent(new CommentReplied(System.nanoTime(), 1, 1, to, to + 1, "回复者", "重启前的回复")));
			assertThat(pending(first)).isEqualTo(1);
			assertThat(messages(first, recipient)).isZero();
		}
		try (ConfigurableApplicationContext second = start(dataDir, "500ms")) {
			await().atMost(Duration.ofSeconds(30)).until(() -> messages(second, recipient) == 1);
			await().atMost(Duration.ofSeconds(10)).until(() -> pending(second) == 0);
			assertThat(second.getBean(JdbcClient.class)
				.sql("SELECT note FROM messages WHERE recipient_id = :r")
				.param("r", recipient)
				.query(String.class)
				.single()).isEqualTo("重启前的回复");
		}
	}

	private static long pending(ConfigurableApplicationContext app) {
		return app.getBean(JdbcClient.class)
			.sql("SELECT COUNT(*) FROM event_publication WHERE listener_id = 'messages.comment-replied'")
			.query(Long.class)
			.single();
	}

	private static long messages(ConfigurableApplicationContext app, long recipient) {
		return app.getBean(JdbcClient.class)
			.sql("SELECT COUNT(*) FROM messages WHERE recipient_id = :r")
			.param("r", recipient)
			.query(Long.class)
			.single();
	}

}
