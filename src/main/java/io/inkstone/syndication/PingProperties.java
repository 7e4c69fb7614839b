package io.inkstone.syndication;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code inkstone.pings.*}: the search engines told about each publication. Empty by
 * default: nothing is sent.
 *
 * @param endpoints where to ping, e.g. {@code [{type: baidu, token: abc}, {type:
 * indexnow, token: 0f3e…}]}
 * @param maxAge only articles published at most this long ago are pinged (an import of
 * old articles pings nothing)
 * @param firstRetry the wait before the first retry of a failed ping; it doubles each
 * time
 * @param maxRetry the longest wait between retries
 * @param maxAttempts attempts before a ping is given up
 * @param timeout connect and response timeout of one ping
 */
@ConfigurationProperties(prefix = "inkstone.pings")
@Validated
record PingProperties(@DefaultValue List<@Valid Endpoint> endpoints, @DefaultValue("2d") Duration maxAge,
		@DefaultValue("1m") Duration firstRetry, @DefaultValue("1h") Duration maxRetry,
		@DefaultValue("8") @Positive int maxAttempts, @DefaultValue("10s") Duration timeout) {

	/** IndexNow keys: 8 to 128 letters, digits and dashes (the protocol's rule). */
	static final Pattern INDEXNOW_KEY = Pattern.compile("[A-Za-z0-9-]{8,128}");

	PingProperties {
		for (Endpoint endpoint : endpoints) {
			if (endpoint.token() == null || endpoint.token().isBlank()) {
				throw new IllegalStateException(
						"inkstone.pings.endpoints: every " + endpoint.type() + " endpoint needs a token");
			}
			if (endpoint.type() == Type.INDEXNOW && !INDEXNOW_KEY.matcher(endpoint.token()).matches()) {
				throw new IllegalStateException(
						"inkstone.pings.endpoints: an IndexNow key is 8-128 letters, digits or dashes, not: "
								+ endpoint.token());
			}
		}
		if (endpoints.stream().map(Endpoint::key).distinct().count() != endpoints.size()) {
			throw new IllegalStateException(
					"inkstone.pings.endpoints: two endpoints of the same type need a distinct name");
		}
	}

	/**
	 * The IndexNow key served at {@code /{key}.txt}, if {@code key} is one of the
	 * configured ones.
	 */
	boolean isIndexNowKey(String key) {
		return endpoints.stream().anyMatch(e -> e.type() == Type.INDEXNOW && e.token().equals(key));
	}

	enum Type {

		/**
		 * Baidu 普通收录 (link submission): {@code POST text/plain} URL lines to
		 * {@code …/urls?site=&token=}.
		 */
		BAIDU("http://data.zz.baidu.com/urls"),

		/**
		 * IndexNow (Bing, Yandex, Seznam …): {@code POST application/json {host, key,
		 * urlList}}.
		 */
		INDEXNOW("https://api.indexnow.org/indexnow");

		final String defaultUrl;

		Type(String defaultUrl) {
			this.defaultUrl = defaultUrl;
		}

	}

	/**
	 * One endpoint.
	 *
	 * @param type {@code baidu} or {@code indexnow}
	 * @param token Baidu's push token, or the IndexNow key (also served at
	 * {@code /{key}.txt})
	 * @param url the API address; the type's public address when empty (tests point it at
	 * a local fake)
	 * @param site Baidu's {@code site} parameter; the public URL when empty
	 * @param name tells two endpoints of one type apart in the ping log; the type when
	 * empty
	 */
	record Endpoint(@NotNull Type type, String token, @Nullable String url, @Nullable String site,
			@Nullable String name) {

		/** The name, or the type when unnamed: the endpoint column of the ping log. */
		String key() {
			return name == null || name.isBlank() ? type.name().toLowerCase(Locale.ROOT) : name;
		}

		String apiUrl() {
			return url == null || url.isBlank() ? type.defaultUrl : url;
		}

	}

}
