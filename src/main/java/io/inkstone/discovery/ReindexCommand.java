package io.inkstone.discovery;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar inkstone.jar reindex}: empties this data directory's search index and
 * rebuilds it from the database, printing percent, rate and ETA, then exits. Stop the
 * server first (Lucene allows one writer).
 */
@Component
@ConditionalOnProperty(name = "inkstone.reindex", havingValue = "true")
class ReindexCommand implements CommandLineRunner {

	private final IndexFeeder feeder;

	ReindexCommand(IndexFeeder feeder) {
		this.feeder = feeder;
	}

	@Override
	public void run(String... args) throws Exception {
		feeder.requestRebuild();
		IndexFeeder.Progress p;
		do {
			Thread.sleep(1000);
			p = feeder.progress();
			System.out.printf("Rebuilding the search index: %d%% (%,d/%,d), %,d/s, ETA %d s%n", p.percent(), p.done(),
					p.total(), p.perSecond(), p.etaSeconds());
		}
		while (p.running());
		System.out.printf("Search index rebuilt: %,d articles%n", p.documents());
	}

}
