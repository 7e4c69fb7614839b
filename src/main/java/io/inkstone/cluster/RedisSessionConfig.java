package io.inkstone.cluster;

import io.inkstone.shared.InkstoneProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisHttpSession;

/**
 * Cluster mode keeps signed-in sessions in Redis (Spring Session), so a reader signed in
 * on one node keeps working on any other, and signing out anywhere ends the session
 * everywhere. Anonymous readers have no session, so their pages never touch this store.
 * Embedded mode keeps sessions in the node.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "inkstone.mode", havingValue = "cluster")
@EnableRedisHttpSession(maxInactiveIntervalInSeconds = 7 * 24 * 3600)
class RedisSessionConfig {

	@Bean
	SessionRepositoryCustomizer<RedisSessionRepository> sessionKeyPrefix(InkstoneProperties properties) {
		return repository -> repository.setRedisKeyNamespace(properties.redis().keyPrefix() + "sessions");
	}

}
