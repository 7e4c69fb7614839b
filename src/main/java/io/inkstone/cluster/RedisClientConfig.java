package io.inkstone.cluster;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When Redis is away, commands must fail at once (callers then buffer locally and
 * replay), not queue inside the client to be replayed a second time on reconnect.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "inkstone.mode", havingValue = "cluster")
class RedisClientConfig {

	@Bean
	LettuceClientConfigurationBuilderCustomizer failFastWhenRedisIsAway() {
		return builder -> builder.clientOptions(ClientOptions.builder()
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.autoReconnect(true)
			.socketOptions(SocketOptions.builder().connectTimeout(Duration.ofMillis(500)).build())
			.build());
	}

}
