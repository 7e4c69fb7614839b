package io.inkstone.discovery;

import java.util.List;

import io.inkstone.articles.Articles;
import io.inkstone.articles.ChangedArticle;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The progress the {@code reindex} command and the console poll: a rebuild is never
 * reported finished before it has started.
 */
class IndexFeederTests {

	private final Articles articles = mock(Articles.class);

	private final SearchIndex index = mock(SearchIndex.class);

	private final IndexFeeder feeder = new IndexFeeder(articles, index, mock(ApplicationEventPublisher.class));

	private final List<ChangedArticle> oneArticle = List.of(new ChangedArticle(1, "标题", "正文", 1, 1, "PUBLISHED", 1, 1));

	@Test
	void aRebuildRequestedWhileTheStartupBuildFinishesIsRunningUntilItsOwnBuildEnds() {
		when(articles.countChangedSince(anyLong())).thenReturn(1L);
		feeder.position();
		feeder.apply(oneArticle, 1);
		// the operator asks for a rebuild while the start's catch-up is ending
		feeder.requestRebuild();
		feeder.caughtUp();
		assertThat(feeder.progress().running()).as("requested, not started").isTrue();

		// the next poll empties the index; until its build ends the rebuild runs
		feeder.position();
		assertThat(feeder.progress().running()).as("emptied, not yet rebuilt").isTrue();
		feeder.apply(oneArticle, 1);
		assertThat(feeder.progress().running()).isTrue();
		feeder.caughtUp();
		assertThat(feeder.progress().running()).isFalse();
		assertThat(feeder.progress().done()).isEqualTo(1);
	}

	@Test
	void aRebuildOfAnEmptyDatabaseEndsAtItsFirstCatchUp() {
		feeder.requestRebuild();
		assertThat(feeder.progress().running()).isTrue();
		feeder.position();
		feeder.caughtUp();
		assertThat(feeder.progress().running()).isFalse();
		assertThat(feeder.progress().percent()).isEqualTo(100);
	}

}
