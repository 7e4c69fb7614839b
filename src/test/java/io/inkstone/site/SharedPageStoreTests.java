package io.inkstone.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;

class SharedPageStoreTests {

	/** Renders count how often the application was asked for each address. */
	final Map<String, AtomicInteger> renders = new ConcurrentHashMap<>();

	final FilterChain application = (request, response) -> {
		String uri = ((HttpServletRequest) request).getRequestURI();
		int n = renders.computeIfAbsent(uri, u -> new AtomicInteger()).incrementAndGet();
		response.setContentType("text/html;charset=UTF-8");
		response.getOutputStream().write(("<p>" + uri + " render " + n + "</p>").getBytes(StandardCharsets.UTF_8));
	};

	final SharedPageStore store = new SharedPageStore(
			new PageStoreProperties(true, DataSize.ofMegabytes(1), Duration.ofMinutes(1), Duration.ofSeconds(5),
					Duration.ofSeconds(30), ""),
			new FixedLocaleResolver(Locale.SIMPLIFIED_CHINESE), new SimpleMeterRegistry());

	String get(String uri) throws IOException, ServletException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		MockHttpServletResponse response = new MockHttpServletResponse();
		store.doFilter(request, response, application);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void purgingOneAddressRendersItAgainAndKeepsEveryOtherPage() throws Exception {
		assertThat(get("/articles/12")).contains("render 1");
		assertThat(get("/articles/123")).contains("render 1");
		assertThat(get("/channels/tang")).contains("render 1");
		assertThat(get("/articles/12")).contains("render 1"); // stored

		store.purge("/articles/12");

		assertThat(get("/articles/12")).contains("render 2");
		assertThat(get("/articles/12")).contains("render 2");
		assertThat(get("/articles/123")).contains("render 1"); // not a prefix match
		assertThat(get("/channels/tang")).contains("render 1");

		store.purge();
		assertThat(get("/articles/123")).contains("render 2");
	}

	@Test
	void gzipIsChosenOnlyWhenTheClientAcceptsIt() {
		assertThat(SharedPageStore.acceptsGzip("gzip, deflate, br")).isTrue();
		assertThat(SharedPageStore.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
		assertThat(SharedPageStore.acceptsGzip("gzip;q=0")).isFalse();
		assertThat(SharedPageStore.acceptsGzip("gzip; q=0.000")).isFalse();
		assertThat(SharedPageStore.acceptsGzip("identity")).isFalse();
		assertThat(SharedPageStore.acceptsGzip("x-gzip-not")).isFalse();
		assertThat(SharedPageStore.acceptsGzip(null)).isFalse();
	}

	@Test
	void revalidationMatchesTheStrongTagAndItsWeakForm() {
		String etag = "\"abc\"";
		assertThat(SharedPageStore.matches("\"abc\"", etag)).isTrue();
		assertThat(SharedPageStore.matches("W/\"abc\"", etag)).isTrue();
		assertThat(SharedPageStore.matches("\"x\", \"abc\"", etag)).isTrue();
		assertThat(SharedPageStore.matches("*", etag)).isTrue();
		assertThat(SharedPageStore.matches("\"abd\"", etag)).isFalse();
		assertThat(SharedPageStore.matches(null, etag)).isFalse();
	}

}
