package io.inkstone.api;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.ObjectMapper;

import io.inkstone.articles.Article;
import io.inkstone.articles.ArticleChanged;
import io.inkstone.articles.ArticleStatus;
import io.inkstone.articles.Articles;
import io.inkstone.channels.Channels;
import io.inkstone.creators.Creators;
import io.inkstone.engagement.CommentPosted;
import io.inkstone.shared.Ids;
import io.inkstone.shared.PublicUrl;

import org.springframework.context.annotation.Profile;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns article changes into webhook deliveries. The listener runs after the change
 * commits, from Spring Modulith's event publication registry (so a crash between commit
 * and this step is redelivered, see {@code io.inkstone.events}); it compares the article
 * with how webhooks last saw it to tell {@code article.published},
 * {@code article.updated} (a content change while public) and {@code article.unpublished}
 * (back to draft, deleted or taken down), and queues one delivery per listening endpoint
 * in its own transaction. Sending is {@link WebhookSender}'s job.
 */
@Component
@Profile("!import")
class WebhookEvents {

	private final WebhookRepository repository;

	private final Articles articles;

	private final Creators creators;

	private final Channels channels;

	private final PublicUrl publicUrl;

	private final ObjectMapper json;

	private final Clock clock;

	WebhookEvents(WebhookRepository repository, Articles articles, Creators creators, Channels channels,
			PublicUrl publicUrl, ObjectMapper json, Clock clock) {
		this.clock = clock;
		this.repository = repository;
		this.articles = articles;
		this.creators = creators;
		this.channels = channels;
		this.publicUrl = publicUrl;
		this.json = json;
	}

	@ApplicationModuleListener(id = "api.webhooks")
	void on(ArticleChanged changed) {
		if (repository.countActive() == 0) {
			return; // nobody listens: nothing to remember either
		}
		Optional<Article> found = articles.find(changed.id());
		if (found.isEmpty()) {
			return;
		}
		Article article = found.get();
		boolean published = article.articleStatus() == ArticleStatus.PUBLISHED;
		Optional<long[]> before = repository.state(article.id());
		boolean wasPublished = before.isPresent() && before.get()[0] == 1;
		String event = null;
		if (published && !wasPublished) {
			event = Webhook.PUBLISHED;
		}
		else if (published && before.get()[1] != article.modifiedAt()) {
			event = Webhook.UPDATED;
		}
		else if (!published && wasPublished) {
			event = Webhook.UNPUBLISHED;
		}
		if (!repository.saveState(article.id(), published, article.modifiedAt()) || event == null) {
			return; // unchanged, or another node's handler of the same change already
					// queued it
		}
		long now = clock.millis();
		String payload = payload(event, article, now);
		for (Webhook hook : repository.listening(article.creatorId())) {
			if (hook.events().contains(event)) {
				repository.enqueue(Ids.next(), hook.id(), event, payload, now);
			}
		}
	}

	/**
	 * {@code comment.created}: to the article's creator's hooks and the site-wide ones,
	 * if the article is public.
	 */
	@ApplicationModuleListener(id = "api.webhooks.comments")
	void on(CommentPosted posted) {
		if (repository.countActive() == 0) {
			return;
		}
		Optional<Article> found = articles.find(posted.articleId());
		if (found.isEmpty() || found.get().articleStatus() != ArticleStatus.PUBLISHED) {
			return;
		}
		Article article = found.get();
		List<Webhook> hooks = repository.listening(article.creatorId())
			.stream()
			.filter(h -> h.events().contains(Webhook.COMMENT_CREATED))
			.toList();
		if (hooks.isEmpty()) {
			return;
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", Long.toString(posted.commentId()));
		if (posted.parentId() != null) {
			data.put("parentId", Long.toString(posted.parentId()));
		}
		data.put("author", posted.authorName());
		data.put("body", posted.body());
		data.put("createdAt", Instant.ofEpochMilli(posted.at()).toString());
		Map<String, Object> on = new LinkedHashMap<>();
		on.put("id", Long.toString(article.id()));
		on.put("title", article.title());
		on.put("url", publicUrl.absolute("/articles/" + article.id()));
		on.put("api", publicUrl.absolute("/api/v1/articles/" + article.id() + "/comments"));
		on.put("creator", creators.get(article.creatorId()).handle());
		data.put("article", on);
		long now = clock.millis();
		String payload = json.writeValueAsString(envelope(Webhook.COMMENT_CREATED, now, data));
		for (Webhook hook : hooks) {
			repository.enqueue(Ids.next(), hook.id(), Webhook.COMMENT_CREATED, payload, now);
		}
	}

	private static Map<String, Object> envelope(String event, long now, Map<String, Object> data) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", event);
		body.put("timestamp", Instant.ofEpochMilli(now).toString());
		body.put("data", data);
		return body;
	}

	private String payload(String event, Article article, long now) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", Long.toString(article.id()));
		data.put("title", article.title());
		// the API's lower-case value ("published", "draft", …), not the enum's name
		data.put("status", article.status().dbValue());
		data.put("url", publicUrl.absolute("/articles/" + article.id()));
		data.put("api", publicUrl.absolute("/api/v1/articles/" + article.id()));
		data.put("channel", channels.get(article.channelId()).slug());
		data.put("creator", creators.get(article.creatorId()).handle());
		if (article.articleStatus() == ArticleStatus.PUBLISHED) {
			data.put("publishedAt", Instant.ofEpochMilli(article.publishedAt()).toString());
		}
		data.put("modifiedAt", Instant.ofEpochMilli(article.modifiedAt()).toString());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", event);
		body.put("timestamp", Instant.ofEpochMilli(now).toString());
		body.put("data", data);
		return json.writeValueAsString(body);
	}

}
