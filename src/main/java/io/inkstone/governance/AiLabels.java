package io.inkstone.governance;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import io.inkstone.articles.ArticleChangeCommitted;
import io.inkstone.discovery.AiSuspicions;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The "疑似AI生成" (suspected AI-generated) label: articles whose images carry AI-generation
 * metadata but which were declared as not AI-generated, found by the machine review. Few
 * articles have it, so the whole set is kept in memory (every list card asks) and
 * reloaded on changes and every 30 s (other nodes' reviews).
 */
@Component
public class AiLabels implements AiSuspicions {

	private final JdbcClient jdbc;

	private volatile Set<Long> suspected = Set.of();

	private final Clock clock;

	AiLabels(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/**
	 * Decisions of this node's machine review in the last minute. The review marks an
	 * article inside the publishing transaction, before its findings commit, so a reload
	 * running meanwhile reads the table without them; reloads re-apply these marks so
	 * they cannot undo a fresher decision.
	 */
	private final Map<Long, Mark> recentMarks = new ConcurrentHashMap<>();

	private record Mark(boolean suspect, long at) {
	}

	/**
	 * The machine review on this node just decided: no need to wait for the next reload.
	 */
	void mark(long articleId, boolean suspect) {
		recentMarks.put(articleId, new Mark(suspect, clock.millis()));
		Set<Long> next = new HashSet<>(suspected);
		if (suspect ? next.add(articleId) : next.remove(articleId)) {
			suspected = Set.copyOf(next);
		}
	}

	@Override
	public boolean suspected(long articleId) {
		return suspected.contains(articleId);
	}

	private volatile boolean changed = true;

	/**
	 * Cheap per event (a bulk import announces every article): the set is reloaded on the
	 * next tick.
	 */
	@EventListener
	void on(ArticleChangeCommitted event) {
		changed = true;
	}

	@Scheduled(fixedDelay = 2_000, initialDelay = 0)
	void reloadIfChanged() {
		if (changed) {
			changed = false;
			reload();
		}
	}

	@Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
	void reload() {
		Set<Long> next = new HashSet<>(jdbc.sql("SELECT DISTINCT article_id FROM review_findings WHERE kind = :kind")
			.param("kind", ReviewPipeline.UNDECLARED_AI)
			.query(Long.class)
			.list());
		long cutoff = clock.millis() - RECENT.toMillis();
		recentMarks.values().removeIf(mark -> mark.at() < cutoff);
		recentMarks.forEach((id, mark) -> {
			if (mark.suspect()) {
				next.add(id);
			}
			else {
				next.remove(id);
			}
		});
		suspected = Set.copyOf(next);
	}

	private static final Duration RECENT = Duration.ofMinutes(1);

}
