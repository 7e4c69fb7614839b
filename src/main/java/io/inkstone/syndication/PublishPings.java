package io.inkstone.syndication;

import java.time.Clock;
import java.util.Optional;

import io.inkstone.articles.Article;
import io.inkstone.articles.ArticleChanged;
import io.inkstone.articles.ArticleStatus;
import io.inkstone.articles.Articles;
import io.inkstone.shared.Ids;
import io.inkstone.shared.PublicUrl;

import org.springframework.context.annotation.Profile;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Queues publish pings: when an article goes public, one row per configured endpoint
 * ({@code inkstone.pings}). The listener runs after the publication commits, from Spring
 * Modulith's event publication registry (a crash in between is redelivered), in its own
 * transaction; sending is {@link PingSender}'s job, so publishing never waits for a
 * search engine. Only fresh publications are pinged ({@code max-age}): importing an
 * archive tells nobody.
 */
@Component
@Profile("!import")
class PublishPings {

	private final PingRepository repository;

	private final PingProperties properties;

	private final Articles articles;

	private final PublicUrl publicUrl;

	private final Clock clock;

	PublishPings(PingRepository repository, PingProperties properties, Articles articles, PublicUrl publicUrl,
			Optional<Clock> clock) {
		this.repository = repository;
		this.properties = properties;
		this.articles = articles;
		this.publicUrl = publicUrl;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@ApplicationModuleListener(id = "syndication.pings")
	void on(ArticleChanged changed) {
		if (properties.endpoints().isEmpty()) {
			return;
		}
		Optional<Article> found = articles.find(changed.id());
		if (found.isEmpty() || found.get().articleStatus() != ArticleStatus.PUBLISHED) {
			return;
		}
		Article article = found.get();
		long now = clock.millis();
		if (article.publishedAt() < now - properties.maxAge().toMillis()) {
			return;
		}
		String url = publicUrl.absolute("/articles/" + article.id());
		for (PingProperties.Endpoint endpoint : properties.endpoints()) {
			repository.enqueue(Ids.next(), endpoint.key(), article.id(), article.publishedAt(), url, now);
		}
	}

}
