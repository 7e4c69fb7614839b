package io.inkstone.importer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import's transactions hold SQLite's one writer for about a quarter of a second: on a
 * loaded machine they shrink, so the site's own writes wait one turn, not past the busy
 * timeout; on an idle one they grow to the batch size.
 */
class ImportChunkSizeTests {

	private static final long MS = 1_000_000L;

	@Test
	void chunksShrinkWhenSlowGrowWhenFastAndStayBetweenTenAndTheBatch() {
		assertThat(ArticleImporter.nextChunkSize(200, 2_000 * MS)).isEqualTo(100);
		assertThat(ArticleImporter.nextChunkSize(50, 20 * MS)).isEqualTo(100);
		assertThat(ArticleImporter.nextChunkSize(100, 200 * MS)).isEqualTo(100);
		assertThat(ArticleImporter.nextChunkSize(12, 5_000 * MS)).isEqualTo(10);
		assertThat(ArticleImporter.nextChunkSize(400, 1 * MS)).isEqualTo(ArticleImporter.BATCH);
		// a slow machine: ten long turns in a row bring a full batch down to the floor
		int size = ArticleImporter.BATCH;
		for (int i = 0; i < 10; i++) {
			size = ArticleImporter.nextChunkSize(size, 3_000 * MS);
		}
		assertThat(size).isEqualTo(10);
	}

}
