package io.inkstone.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of the present moment for every rule that depends on time (publish
 * times, expiries, deadlines, windows, purges), so tests can move time instead of
 * waiting: a test context replaces it with a {@code @Primary} clock of its own.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
