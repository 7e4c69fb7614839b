package io.inkstone.cluster;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ShedLock on the shared database: a job annotated {@code @SchedulerLock} runs on one node at a time;
 * if that node dies, the lock expires ({@code lockAtMostFor}) and another node runs the next round.
 * The lock table comes from the Flyway migrations. Harmless with one node.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT1M")
class SchedulerLockConfig {

	@Bean
	LockProvider lockProvider(JdbcTemplate jdbcTemplate) {
		// Boot's JdbcTemplate translates SQLite's duplicate key, so ShedLock's insert falls back to its update
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(jdbcTemplate)
			.withTableName("shedlock")
			.build());
	}

}
