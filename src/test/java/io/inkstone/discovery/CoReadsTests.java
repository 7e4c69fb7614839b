package io.inkstone.discovery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.inkstone.support.Databases;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.Set;
import org.assertj.core.api.Assertions;

/** Co-reads on the application's own schema (Flyway on a temporary SQLite database). */
class CoReadsTests {

	private CoReads coReads;

	private JdbcClient jdbc;

	private final List<Object> events = new ArrayList<>();

	private int readers;

	@BeforeEach
	void database() throws Exception {
		SQLiteDataSource dataSource = Databases.migratedSqlite("coreads");
		jdbc = JdbcClient.create(dataSource);
		coReads = new CoReads(jdbc, new TransactionTemplate(new JdbcTransactionManager(dataSource)), events::add,
				Clock.systemUTC());
	}

	private void readTogether(long first, long second, int times) {
		for (int i = 0; i < times; i++) {
			String reader = "reader-" + readers++;
			coReads.recordRead(reader, first);
			coReads.recordRead(reader, second);
		}
	}

	/**
	 * Other readers' reading: co-reads mean something only against a site's background of
	 * reading.
	 */
	private void background() {
		for (long x = 1000; x < 1060; x += 2) {
			readTogether(x, x + 1, 1);
		}
	}

	@Test
	void aPairNeedsThreeReaders() {
		background();
		readTogether(1, 2, 2);
		coReads.flush();
		assertThat(coReads.top(1, 5)).isEmpty();
		readTogether(2, 1, 1);
		coReads.flush();
		assertThat(coReads.top(1, 5)).containsExactly(2L);
		assertThat(coReads.top(2, 5)).containsExactly(1L);
		assertThat(events).last().isEqualTo(new CoReads.CoReadsChanged(Set.of(1L, 2L)));
	}

	@Test
	void onASiteWhereEveryoneReadsTheSameTwoArticlesTheirPairingTellsNothing() {
		readTogether(1, 2, 5);
		coReads.flush();
		assertThat(coReads.top(1, 5)).isEmpty();
	}

	@Test
	void evidenceIsTheLikelihoodRatioOfACountAgainstItsExpectation() {
		assertThat(CoReads.evidence(3, 3)).isZero();
		assertThat(CoReads.evidence(1, 3)).isZero();
		assertThat(CoReads.evidence(3, 0.68)).isLessThan(CoReads.MIN_EVIDENCE); // luck:
																				// happens
																				// 3% of
																				// the
																				// time
		assertThat(CoReads.evidence(5, 0.68)).isGreaterThan(CoReads.MIN_EVIDENCE); // 0.06%
		assertThat(CoReads.evidence(4, 1.0)).isCloseTo(2 * (4 * Math.log(4) - 3), Assertions.within(1e-12));
	}

	@Test
	void popularArticlesReadTogetherOnlyByChanceDoNotRecommendEachOther() {
		// twenty hot articles, every pair of them read together ten times: what readers
		// who read the hot list do
		for (long x = 100; x < 120; x++) {
			for (long y = x + 1; y < 120; y++) {
				readTogether(x, y, 10);
			}
		}
		readTogether(1, 2, 5); // a genuine pair: rarely read, but read together
		coReads.flush();
		long rawPairsOfAHotArticle = jdbc.sql("SELECT COUNT(*) FROM co_reads WHERE (a = 100 OR b = 100) AND reads >= 3")
			.query(Long.class)
			.single();
		assertThat(rawPairsOfAHotArticle).as("by raw count all nineteen would qualify").isEqualTo(19);
		assertThat(coReads.top(100, 5)).as("no more often together than chance").isEmpty();
		assertThat(coReads.top(1, 5)).containsExactly(2L);
	}

	@Test
	void pairsRankByHowFarTheyExceedChance() {
		for (long x = 100; x < 110; x++) {
			for (long y = x + 1; y < 110; y++) {
				readTogether(x, y, 10);
			}
		}
		background();
		readTogether(1, 100, 8); // article 1 is read with a hot article more often ...
		readTogether(1, 2, 6); // ... but with a quiet one far beyond chance
		coReads.flush();
		assertThat(coReads.top(1, 5)).startsWith(2L);
	}

	@Test
	void readsMoreThanHalfAnHourApartOrOfTheSameArticleAreNotPairs() {
		coReads.recordRead("r", 1);
		coReads.recordRead("r", 1);
		coReads.flush();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM co_reads").query(Long.class).single()).isZero();
	}

}
