package io.inkstone.cluster;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.inkstone.creators.CreatorFollowChanged;
import io.inkstone.shared.InkstoneProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Relays {@link CreatorFollowChanged} to the other nodes over Redis pub/sub so their
 * follower-count and follow-state caches drop the entry within milliseconds. Messages are
 * {@code F:<node>:<creator>:<reader>}; a node ignores its own. If Redis is away the
 * message is lost; caches then refresh on expiry. The subscription is started by
 * {@link #keepListening()} rather than at start-up, so a node starts while Redis is away
 * and subscribes once it answers (after that the container recovers by itself).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "inkstone.mode", havingValue = "cluster")
class ClusterEventRelay implements MessageListener {

	private static final Logger log = LoggerFactory.getLogger(ClusterEventRelay.class);

	private final String node = UUID.randomUUID().toString().substring(0, 8);

	private final StringRedisTemplate redis;

	private final ApplicationEventPublisher events;

	private final String topic;

	private final ThreadLocal<Boolean> relaying = ThreadLocal.withInitial(() -> false);

	ClusterEventRelay(StringRedisTemplate redis, ApplicationEventPublisher events, InkstoneProperties properties) {
		this.redis = redis;
		this.events = events;
		this.topic = properties.redis().keyPrefix() + "events";
	}

	@Bean
	RedisMessageListenerContainer clusterEventListener(RedisConnectionFactory connections) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connections);
		container.addMessageListener(this, new ChannelTopic(topic));
		container.setRecoveryInterval(2000);
		container.setAutoStartup(false);
		this.container = container;
		return container;
	}

	private volatile RedisMessageListenerContainer container;

	@Scheduled(fixedDelay = 2000, initialDelay = 0)
	void keepListening() {
		RedisMessageListenerContainer listener = container;
		if (listener == null || listener.isRunning()) {
			return;
		}
		try {
			listener.start();
			log.info("Listening for other nodes' cache invalidations on Redis");
		}
		catch (RuntimeException ex) {
			listener.stop();
			log.debug("Redis not reachable yet; follow changes of other nodes are not relayed: {}", ex.getMessage());
		}
	}

	@EventListener
	void on(CreatorFollowChanged changed) {
		if (relaying.get()) {
			return;
		}
		try {
			redis.convertAndSend(topic, "F:" + node + ":" + changed.creatorId() + ":" + changed.readerKey());
		}
		catch (RuntimeException ex) {
			log.debug("Follow change not relayed: {}", ex.getMessage());
		}
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		String[] parts = new String(message.getBody(), StandardCharsets.UTF_8).split(":", 4);
		if (parts.length != 4 || !"F".equals(parts[0]) || node.equals(parts[1])) {
			return;
		}
		relaying.set(true);
		try {
			events.publishEvent(new CreatorFollowChanged(Long.parseLong(parts[2]), parts[3]));
		}
		catch (NumberFormatException ex) {
			log.warn("Ignoring malformed cluster message");
		}
		finally {
			relaying.set(false);
		}
	}

}
