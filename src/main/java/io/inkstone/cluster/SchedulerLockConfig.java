package io.inkstone.cluster;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * ShedLock on the shared database: a job annotated {@code @SchedulerLock} runs on one
 * node at a time; if that node dies, the lock expires ({@code lockAtMostFor}) and another
 * node runs the next round. The lock table comes from the Flyway migrations. Harmless
 * with one node.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT1M")
class SchedulerLockConfig {

	static final String TABLE = "shedlock";

	/**
	 * ShedLock on its own JdbcTemplate and transaction manager, with the application's
	 * exception translation (SQLite's duplicate key becomes DuplicateKeyException, so
	 * ShedLock's insert falls back to its update) recorded per attempt, and watched
	 * ({@link ObservedLockProvider}): lock errors ShedLock would swallow become visible.
	 */
	@Bean
	ObservedLockProvider lockProvider(JdbcTemplate jdbcTemplate) {
		DataSource dataSource = jdbcTemplate.getDataSource();
		JdbcTemplate locks = new JdbcTemplate(dataSource);
		locks.setExceptionTranslator(ObservedLockProvider.recording(jdbcTemplate.getExceptionTranslator()));
		JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
		transactions.setExceptionTranslator(locks.getExceptionTranslator());
		return new ObservedLockProvider(
				() -> new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
					.withJdbcTemplate(locks)
					.withTransactionManager(transactions)
					.withTableName(TABLE)
					.build()),
				locks, TABLE);
	}

}
