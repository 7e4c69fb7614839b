package io.inkstone.studio;

import io.inkstone.articles.ArticleStatus;
import io.inkstone.articles.StudioRow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import java.time.LocalDateTime;
import java.time.ZoneId;

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
		String soon = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusHours(1).withNano(0).toString();
		assertThat(StudioArticleController.parseSchedule(soon)).isNotNull();
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
