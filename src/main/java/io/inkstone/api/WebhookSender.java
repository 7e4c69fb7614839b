package io.inkstone.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.inkstone.shared.Backoff;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import java.io.IOException;
import java.security.GeneralSecurityException;

/**
 * Sends queued webhook deliveries, outside any transaction, signed per the Standard
 * Webhooks scheme: headers {@code webhook-id}, {@code webhook-timestamp} (seconds) and
 * {@code webhook-signature} = {@code v1,} + Base64 of HMAC-SHA256 over
 * {@code id.timestamp.body} with the secret's key (the Base64 after {@code whsec_}). A
 * 2xx answer delivers; anything else (or no answer) is retried with doubling waits up to
 * {@code max-attempts}, then marked failed. Redirects are not followed and the target is
 * checked again at each attempt, which connects to exactly the address checked
 * ({@link PinnedPost}: SSRF, DNS rebinding). One node at a time (ShedLock); each attempt
 * is claimed with a conditional update, so two senders never send the same attempt.
 */
@Component
@Profile("!import")
class WebhookSender {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	private final WebhookRepository repository;

	private final WebhookProperties properties;

	private final PinnedPost post;

	private final Clock clock;

	@Autowired
	WebhookSender(WebhookRepository repository, WebhookProperties properties, Clock clock) {
		this(repository, properties, new PinnedPost(WebhookHosts.SYSTEM, PinnedPost.Dialer.PLAIN,
				PinnedPost.defaultTls(), properties.timeout()), clock);
	}

	/** With the lookups and connections of {@code post} (tests: a rebinding name). */
	WebhookSender(WebhookRepository repository, WebhookProperties properties, PinnedPost post, Clock clock) {
		this.clock = clock;
		this.repository = repository;
		this.properties = properties;
		this.post = post;
	}

	@Scheduled(fixedDelay = 2000, initialDelay = 2000)
	@SchedulerLock(name = "inkstone-webhooks", lockAtMostFor = "PT5M")
	void sendDue() {
		long now = clock.millis();
		List<WebhookDelivery> due = repository.due(now, 20);
		for (WebhookDelivery delivery : due) {
			// the claim is a lease: if this node dies mid-attempt, the delivery is due
			// again after it
			long lease = now + properties.timeout().toMillis() * 3;
			if (repository.claim(delivery.id(), delivery.attempts(), lease)) {
				attempt(delivery, delivery.attempts() + 1);
			}
		}
	}

	void attempt(WebhookDelivery delivery, int attempt) {
		Optional<Webhook> hook = repository.find(delivery.webhookId());
		if (hook.isEmpty()) {
			repository.failed(delivery.id(), null, "webhook deleted", null);
			return;
		}
		String id = "msg_" + delivery.id();
		long timestamp = clock.millis() / 1000;
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		headers.put("User-Agent", "Inkstone-Webhooks/1");
		headers.put("webhook-id", id);
		headers.put("webhook-timestamp", Long.toString(timestamp));
		headers.put("webhook-signature", signature(hook.get().secret(), id, timestamp, delivery.payload()));
		Integer status = null;
		String error;
		try {
			// one lookup, checked, and the connection to the address checked
			status = post.post(hook.get().url(), properties.allowPrivateTargets(), headers,
					delivery.payload().getBytes(StandardCharsets.UTF_8));
			if (status >= 200 && status < 300) {
				repository.delivered(delivery.id(), status, clock.millis());
				return;
			}
			error = "HTTP " + status;
		}
		catch (WebhookTargets.Refused ex) {
			repository.failed(delivery.id(), null, "target refused: " + ex.key(), null);
			return;
		}
		catch (IOException | IllegalArgumentException ex) {
			error = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
		}
		Long retryAt = attempt >= properties.maxAttempts() ? null : clock.millis()
				+ Backoff.afterFailures(attempt, properties.firstRetry(), properties.maxRetry()).toMillis();
		if (retryAt == null) {
			log.warn("Webhook delivery {} to hook {} failed for good after {} attempts: {}", delivery.id(),
					delivery.webhookId(), attempt, error);
		}
		repository.failed(delivery.id(), status, error, retryAt);
	}

	/** The Standard Webhooks signature header value for this message. */
	static String signature(String secret, String id, long timestamp, String body) {
		try {
			byte[] key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] signed = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(signed);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
