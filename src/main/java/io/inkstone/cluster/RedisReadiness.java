package io.inkstone.cluster;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * In cluster mode, a node that cannot reach Redis is not ready: signed-in pages fail
 * there (sessions live in Redis), so {@code /actuator/health/readiness} reports
 * OUT_OF_SERVICE (503) and a load balancer sends the traffic to nodes that reach it. The
 * node stays alive ({@code /actuator/health/liveness} UP: restarting it would not bring
 * Redis back) and ready again as soon as Redis answers. The readiness group includes this
 * contributor by name ({@code application.yml}); in embedded mode it does not exist.
 * Redis commands fail at once while it is away ({@link RedisClientConfig}), so a probe
 * waits at most the connect timeout.
 */
@Component("redisReadiness")
@ConditionalOnProperty(name = "inkstone.mode", havingValue = "cluster")
class RedisReadiness implements HealthIndicator {

	private final RedisConnectionFactory connections;

	RedisReadiness(RedisConnectionFactory connections) {
		this.connections = connections;
	}

	@Override
	public Health health() {
		try (RedisConnection connection = connections.getConnection()) {
			connection.ping();
			return Health.up().build();
		}
		catch (RuntimeException ex) {
			return Health.outOfService().withDetail("redis", "unreachable").build();
		}
	}

}
