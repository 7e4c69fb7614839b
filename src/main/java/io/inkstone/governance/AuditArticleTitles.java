package io.inkstone.governance;

import java.util.Optional;

import io.inkstone.articles.Article;
import io.inkstone.articles.Articles;
import io.inkstone.audit.AuditSubjects;

import org.springframework.stereotype.Component;

/** Names audited articles by their titles for the audit log page. */
@Component
class AuditArticleTitles implements AuditSubjects {

	private final Articles articles;

	AuditArticleTitles(Articles articles) {
		this.articles = articles;
	}

	@Override
	public Optional<String> name(String targetType, String targetId) {
		if (!"article".equals(targetType) || targetId == null || !targetId.matches("\\d{1,19}")) {
			return Optional.empty();
		}
		return articles.find(Long.parseLong(targetId)).map(Article::title);
	}

}
