package io.inkstone.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReaderModeControllerTests {

	@Test
	void backMustBeALocalPath() {
		assertThat(ReaderModeController.safeLocalPath("/articles/1?x=2")).isEqualTo("/articles/1?x=2");
		assertThat(ReaderModeController.safeLocalPath("//evil.example")).isEqualTo("/");
		assertThat(ReaderModeController.safeLocalPath("/\\evil.example")).isEqualTo("/");
		assertThat(ReaderModeController.safeLocalPath("https://evil.example")).isEqualTo("/");
		assertThat(ReaderModeController.safeLocalPath("/a\r\nSet-Cookie: x")).isEqualTo("/");
		assertThat(ReaderModeController.safeLocalPath(null)).isEqualTo("/");
	}

}
