package io.inkstone.governance;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.inkstone.articles.ArticleChanged;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The "疑似AI生成" (suspected AI-generated) label: an article whose images carry AI-generation metadata but
 * which was declared as not AI-generated, found by the machine review. Cached per article.
 */
@Component
public class AiLabels {

	private final JdbcClient jdbc;

	private final Cache<Long, Boolean> suspected = Caffeine.newBuilder()
		.maximumSize(50_000)
		.expireAfterWrite(Duration.ofMinutes(10))
		.build();

	AiLabels(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean suspected(long articleId) {
		return suspected.get(articleId, id -> jdbc.sql("SELECT COUNT(*) FROM review_findings WHERE article_id = :id AND kind = :kind")
			.param("id", id)
			.param("kind", ReviewPipeline.UNDECLARED_AI)
			.query(Long.class)
			.single() > 0);
	}

	@EventListener
	void on(ArticleChanged changed) {
		suspected.invalidate(changed.id());
	}

}
