package io.inkstone.governance;

import java.util.HashSet;
import java.util.Set;

import io.inkstone.articles.ArticleChangeCommitted;
import io.inkstone.discovery.AiSuspicions;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The "疑似AI生成" (suspected AI-generated) label: articles whose images carry AI-generation metadata but
 * which were declared as not AI-generated, found by the machine review. Few articles have it, so the whole set
 * is kept in memory (every list card asks) and reloaded on changes and every 30 s (other nodes' reviews).
 */
@Component
public class AiLabels implements AiSuspicions {

	private final JdbcClient jdbc;

	private volatile Set<Long> suspected = Set.of();

	AiLabels(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The machine review on this node just decided: no need to wait for the next reload. */
	void mark(long articleId, boolean suspect) {
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

	/** Cheap per event (a bulk import announces every article): the set is reloaded on the next tick. */
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
		suspected = Set.copyOf(new HashSet<>(jdbc.sql("SELECT DISTINCT article_id FROM review_findings WHERE kind = :kind")
			.param("kind", ReviewPipeline.UNDECLARED_AI)
			.query(Long.class)
			.list()));
	}

}
