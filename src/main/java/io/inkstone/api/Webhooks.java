package io.inkstone.api;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.inkstone.shared.Ids;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.TooManyRequestsException;
import io.inkstone.web.RateLimiter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.time.Instant;
import java.util.TreeMap;
import java.util.TreeSet;

/** Registering, listing and removing webhooks, and their delivery log. */
@Service
public class Webhooks {

	static final int MAX_PER_ACCOUNT = 10;

	/**
	 * Test sends per account per hour: enough to try a receiver, too few to turn the
	 * button into a way of making the server hammer someone else's address.
	 */
	static final int PINGS_PER_HOUR = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final WebhookRepository repository;

	private final WebhookProperties properties;

	private final RateLimiter limits;

	private final Clock clock;

	Webhooks(WebhookRepository repository, WebhookProperties properties, RateLimiter limits, Optional<Clock> clock) {
		this.repository = repository;
		this.properties = properties;
		this.limits = limits;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Registers {@code url} for {@code events}: for the creator's own articles, or
	 * site-wide ({@code creatorId} null, admins only — the caller checks). Field errors
	 * (field → message key) as {@link ApiProblems.InvalidInput}.
	 */
	@Transactional
	public Webhook register(long accountId, Long creatorId, String url, List<String> events) {
		String trimmed = WebhookTargets.normalized(url == null ? "" : url.strip());
		Map<String, String> errors = new TreeMap<>();
		String refusal = WebhookTargets.refusal(trimmed, properties.allowPrivateTargets());
		if (refusal != null) {
			errors.put("url", refusal);
		}
		Set<String> chosen = new LinkedHashSet<>();
		for (String e : events == null ? List.<String>of() : events) {
			if (Webhook.EVENTS.contains(e)) {
				chosen.add(e);
			}
			else {
				errors.put("events", "webhooks.error.events");
			}
		}
		if (chosen.isEmpty()) {
			errors.put("events", "webhooks.error.events");
		}
		if (repository.countOfAccount(accountId) >= MAX_PER_ACCOUNT) {
			errors.put("url", "webhooks.error.tooMany");
		}
		if (!errors.isEmpty()) {
			throw new ApiProblems.InvalidInput(errors);
		}
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		Webhook hook = new Webhook(Ids.next(), accountId, creatorId, trimmed,
				"whsec_" + Base64.getEncoder().encodeToString(key), new TreeSet<>(chosen), clock.millis());
		repository.insert(hook);
		return hook;
	}

	public List<Webhook> of(long accountId) {
		return repository.ofAccount(accountId);
	}

	@Transactional
	public void delete(long accountId, long id) {
		if (!repository.delete(id, accountId, clock.millis())) {
			throw new NotFoundException("no such webhook");
		}
	}

	/**
	 * The latest deliveries of the account's hook, newest first; 404 if the hook is not
	 * theirs.
	 */
	public List<WebhookDelivery> deliveries(long accountId, long webhookId, int limit) {
		Webhook hook = repository.find(webhookId)
			.filter(h -> h.accountId() == accountId)
			.orElseThrow(() -> new NotFoundException("no such webhook"));
		return repository.deliveries(hook.id(), limit);
	}

	/**
	 * Queues a {@code ping} delivery to the account's hook (the test-send button), at
	 * most {@value #PINGS_PER_HOUR} an hour per account.
	 */
	@Transactional
	public void ping(long accountId, long webhookId) {
		Webhook hook = repository.find(webhookId)
			.filter(h -> h.accountId() == accountId)
			.orElseThrow(() -> new NotFoundException("no such webhook"));
		long wait = limits.tryAcquirePerPeriod("webhook-ping:" + accountId, PINGS_PER_HOUR, Duration.ofHours(1));
		if (wait > 0) {
			throw new TooManyRequestsException(wait);
		}
		long now = clock.millis();
		repository.enqueue(Ids.next(), hook.id(), "ping",
				"{\"type\":\"ping\",\"timestamp\":\"" + Instant.ofEpochMilli(now) + "\",\"data\":{}}", now);
	}

}
