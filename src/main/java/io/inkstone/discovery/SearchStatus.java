package io.inkstone.discovery;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * How far this node's search index is: documents, whether it has caught up with the
 * database since start. Also a health contributor ({@code /actuator/health} shows UP once
 * the index is ready, and OUT_OF_SERVICE while a fresh node is still building it).
 */
@Component("searchIndex")
public class SearchStatus implements HealthIndicator {

	private final ObjectProvider<SearchIndex> index;

	private final ObjectProvider<IndexFeeder> feeder;

	SearchStatus(ObjectProvider<SearchIndex> index, ObjectProvider<IndexFeeder> feeder) {
		this.index = index;
		this.feeder = feeder;
	}

	public int documents() {
		SearchIndex available = index.getIfAvailable();
		return available == null ? 0 : available.documentCount();
	}

	public boolean ready() {
		IndexFeeder available = feeder.getIfAvailable();
		return available != null && available.ready();
	}

	/**
	 * Where a build of the index stands while one runs (a fresh node, a rebuild):
	 * articles done of the backlog. Results found meanwhile may miss articles.
	 */
	public Optional<Building> building() {
		IndexFeeder available = feeder.getIfAvailable();
		if (available == null) {
			return Optional.empty();
		}
		IndexFeeder.Progress progress = available.progress();
		return progress.running()
				? Optional.of(new Building(progress.done(), Math.max(progress.done(), progress.total())))
				: Optional.empty();
	}

	/** An index build in progress: {@code done} of {@code total} articles indexed. */
	public record Building(long done, long total) {
	}

	@Override
	public Health health() {
		return (ready() ? Health.up() : Health.outOfService()).withDetail("documents", documents()).build();
	}

}
