package io.inkstone.studio;

import java.time.Instant;

import io.inkstone.articles.ArticleStatus;
import io.inkstone.articles.StudioRow;

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
		// 08:00 on 1 December 2026 in the platform's zone (Asia/Shanghai)
		long now = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
		assertThat(StudioArticleController.parseSchedule("2020-01-01T08:00", now)).isNull();
		assertThat(StudioArticleController.parseSchedule("not a date", now)).isNull();
		assertThat(StudioArticleController.parseSchedule("2026-12-01T08:00", now)).as("not after now").isNull();
		assertThat(StudioArticleController.parseSchedule("2027-12-02T08:00", now)).as("over a year ahead").isNull();
		assertThat(StudioArticleController.parseSchedule("2026-12-01T09:00", now))
			.isEqualTo(Instant.parse("2026-12-01T01:00:00Z").toEpochMilli());
	}

	@Test
	void wordsAreCountedAsChineseEditorsCountThem() {
		assertThat(StudioPages.Editor.wordCount("湖光山色。")).isEqualTo(4);
		assertThat(StudioPages.Editor.wordCount("**晴方好** and rainy days, 2024")).isEqualTo(7);
		assertThat(StudioPages.Editor.wordCount("")).isZero();
	}

	@Test
	void rowsKnowTheStateACreatorSees() {
		assertThat(new StudioRow(1, "t", ArticleStatus.DRAFT, 0, 0, null, null).state()).isEqualTo("draft");
		assertThat(new StudioRow(1, "t", ArticleStatus.DRAFT, 0, 0, 5L, null).state()).isEqualTo("scheduled");
		assertThat(new StudioRow(1, "t", ArticleStatus.DELETED, 0, 0, null, null).state()).isEqualTo("trash");
		assertThat(new StudioRow(1, "t", ArticleStatus.REMOVED, 0, 0, null, "r").state()).isEqualTo("removed");
		assertThat(new StudioRow(1, "t", ArticleStatus.DELETED, 0, 1000, null, null).restorableUntil())
			.isEqualTo(1000 + 30L * 24 * 3600_000);
	}

}
