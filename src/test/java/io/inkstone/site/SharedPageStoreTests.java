package io.inkstone.site;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SharedPageStoreTests {

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
