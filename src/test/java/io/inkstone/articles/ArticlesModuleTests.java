package io.inkstone.articles;

import java.util.stream.StreamSupport;

import io.inkstone.shared.GoneException;
import io.inkstone.support.Databases;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The articles module on its own (STANDALONE) on SQLite in a fresh data directory: the
 * lifecycle's moves through {@link Articles} announce themselves with
 * {@link ArticleChanged}, with no other module in the context (no publishing gate, no
 * media library: both are optional ports). Articles injects no bean of {@code channels}
 * or {@code shared}, so neither is a bootstrap dependency; {@code shared} is included for
 * its DataSource (and Flyway on it) and {@code events} for the event publication registry
 * the Modulith event starter asks for.
 */
@ApplicationModuleTest(extraIncludes = { "shared", "events" })
class ArticlesModuleTests {

	private static final long CREATOR = 11;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
	}

	@Autowired
	private Articles articles;

	private long draft() {
		return this.articles.createDraft(CREATOR, new Draft("标题", "正文", 1, "", true, Aigc.NONE, null));
	}

	private static long changesOf(PublishedEvents events, long id) {
		return StreamSupport
			.stream(events.ofType(ArticleChanged.class).matching((event) -> event.id() == id).spliterator(), false)
			.count();
	}

	@Test
	void publishingADraftAnswersPublishedAndAnnouncesItOnce(PublishedEvents events) {
		long id = draft();
		long before = changesOf(events, id);
		assertThat(this.articles.publish(id, CREATOR)).isEqualTo(new LifecycleOutcome.Published(id));
		assertThat(changesOf(events, id) - before).isOne();
		assertThat(events.ofType(ArticleChanged.class).matching((event) -> event.id() == id))
			.contains(new ArticleChanged(id, CREATOR, 1));
		assertThat(this.articles.getPublished(id).status()).isEqualTo(ArticleStatus.PUBLISHED);
	}

	@Test
	void aDraftTakenDownByThePlatformIsAnnouncedAndAnswersGone(PublishedEvents events) {
		long id = draft();
		long before = changesOf(events, id);
		assertThat(this.articles.takeDown(id, "测试下架"))
			.isEqualTo(new LifecycleOutcome.Moved(id, ArticleStatus.DRAFT, ArticleStatus.REMOVED));
		assertThat(changesOf(events, id) - before).isOne();
		assertThatThrownBy(() -> this.articles.getPublished(id)).isInstanceOf(GoneException.class);
	}

}
