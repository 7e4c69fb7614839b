package io.inkstone.articles;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StudioArticleControllerTests {

	@Test
	void csvFieldsAreQuotedAndFormulasDefused() {
		assertThat(StudioArticleController.csvField("秋夜")).isEqualTo("\"秋夜\"");
		assertThat(StudioArticleController.csvField("a \"quoted\", text")).isEqualTo("\"a \"\"quoted\"\", text\"");
		assertThat(StudioArticleController.csvField("=HYPERLINK(\"x\")")).startsWith("\"'=");
		assertThat(StudioArticleController.csvField("@SUM(1)")).startsWith("\"'@");
	}

	@Test
	void schedulesMustBeInTheFutureAndWithinAYear() {
		assertThat(StudioArticleController.parseSchedule("2020-01-01T08:00")).isNull();
		assertThat(StudioArticleController.parseSchedule("not a date")).isNull();
		assertThat(StudioArticleController.parseSchedule("2999-01-01T08:00")).isNull();
		String soon = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusHours(1).withNano(0).toString();
		assertThat(StudioArticleController.parseSchedule(soon)).isNotNull();
	}

}
