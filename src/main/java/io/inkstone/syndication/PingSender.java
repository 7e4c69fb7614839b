package io.inkstone.syndication;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.ObjectMapper;

import io.inkstone.shared.Backoff;
import io.inkstone.shared.PublicUrl;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import java.io.IOException;

/**
 * Sends queued publish pings, outside any transaction: per endpoint one request carrying
 * every due URL (Baidu: the URLs as {@code text/plain} lines; IndexNow: {@code {host,
 * key, urlList}}). A 2xx answer delivers them all; a refusal that a retry cannot cure
 * (4xx but 408 and 429: a wrong token, an exhausted daily quota) fails them for good;
 * anything else (5xx, 429, no answer) is retried with doubling waits up to
 * {@code max-attempts}. One node at a time (ShedLock); each ping is claimed with a
 * conditional update, so no attempt is sent twice.
 */
@Component
@Profile("!import")
class PingSender {

	private static final Logger log = LoggerFactory.getLogger(PingSender.class);

	/**
	 * URLs per request: well under both APIs' limits (Baidu 2,000 a day, IndexNow 10,000
	 * a request).
	 */
	static final int BATCH = 100;

	private final PingRepository repository;

	private final PingProperties properties;

	private final PublicUrl publicUrl;

	private final ObjectMapper json;

	private final HttpClient client;

	private final Clock clock;

	PingSender(PingRepository repository, PingProperties properties, PublicUrl publicUrl, ObjectMapper json,
			Clock clock) {
		this.clock = clock;
		this.repository = repository;
		this.properties = properties;
		this.publicUrl = publicUrl;
		this.json = json;
		this.client = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Scheduled(fixedDelay = 5000, initialDelay = 3000)
	@SchedulerLock(name = "inkstone-publish-pings", lockAtMostFor = "PT5M")
	void sendDue() {
		for (PingProperties.Endpoint endpoint : properties.endpoints()) {
			long now = clock.millis();
			List<PingRepository.Ping> claimed = new ArrayList<>();
			for (PingRepository.Ping ping : repository.due(endpoint.key(), now, BATCH)) {
				// a lease: if this node dies mid-attempt, the ping is due again after it
				if (repository.claim(ping.id(), ping.attempts(), now + properties.timeout().toMillis() * 3)) {
					claimed.add(ping);
				}
			}
			if (!claimed.isEmpty()) {
				send(endpoint, claimed);
			}
		}
	}

	private void send(PingProperties.Endpoint endpoint, List<PingRepository.Ping> pings) {
		List<String> urls = pings.stream().map(PingRepository.Ping::url).distinct().toList();
		Integer status = null;
		String error;
		try {
			HttpResponse<String> response = client.send(request(endpoint, urls), HttpResponse.BodyHandlers.ofString());
			status = response.statusCode();
			if (status >= 200 && status < 300) {
				long now = clock.millis();
				for (PingRepository.Ping ping : pings) {
					repository.delivered(ping.id(), status, now);
				}
				return;
			}
			String body = response.body() == null ? "" : response.body().strip();
			error = "HTTP " + status + (body.isEmpty() ? "" : ": " + body);
		}
		catch (IOException | IllegalArgumentException ex) {
			error = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		boolean hopeless = status != null && status >= 400 && status < 500 && status != 408 && status != 429;
		for (PingRepository.Ping ping : pings) {
			int attempt = ping.attempts() + 1;
			Long retryAt = hopeless || attempt >= properties.maxAttempts() ? null : clock.millis()
					+ Backoff.afterFailures(attempt, properties.firstRetry(), properties.maxRetry()).toMillis();
			repository.failed(ping.id(), status, error, retryAt);
		}
		log.warn("Publish ping to {} ({} URLs) failed{}: {}", endpoint.key(), urls.size(),
				hopeless ? " for good" : ", will retry", error);
	}

	HttpRequest request(PingProperties.Endpoint endpoint, List<String> urls) {
		HttpRequest.Builder builder;
		if (endpoint.type() == PingProperties.Type.BAIDU) {
			String site = endpoint.site() == null || endpoint.site().isBlank() ? publicUrl.base() : endpoint.site();
			String target = endpoint.apiUrl() + (endpoint.apiUrl().contains("?") ? "&" : "?") + "site="
					+ URLEncoder.encode(site, StandardCharsets.UTF_8) + "&token="
					+ URLEncoder.encode(endpoint.token(), StandardCharsets.UTF_8);
			builder = HttpRequest.newBuilder(URI.create(target))
				.header("Content-Type", "text/plain; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(String.join("\n", urls) + "\n", StandardCharsets.UTF_8));
		}
		else {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("host", URI.create(publicUrl.base()).getHost());
			body.put("key", endpoint.token());
			body.put("urlList", urls);
			builder = HttpRequest.newBuilder(URI.create(endpoint.apiUrl()))
				.header("Content-Type", "application/json; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
		}
		return builder.timeout(properties.timeout()).header("User-Agent", "Inkstone-Pings/1").build();
	}

}
