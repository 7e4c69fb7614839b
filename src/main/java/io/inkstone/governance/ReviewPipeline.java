package io.inkstone.governance;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.inkstone.articles.Article;
import io.inkstone.articles.PublishingGate;
import io.inkstone.media.Media;
import io.inkstone.shared.Ids;
import io.inkstone.similarity.OriginalityEngine;
import io.inkstone.similarity.TextNormalizer;

import org.jsoup.Jsoup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 机审: the machine checks every article passes on its way to the public — sensitive words, originality
 * (near-duplicates on the instance), links and spam, AI-generation metadata of its images — and the rule
 * that decides, by compliance profile and creator trust, whether it goes live or waits for a reviewer.
 * Findings are stored for the reviewer either way.
 */
@Component
class ReviewPipeline implements PublishingGate {

	static final String SENSITIVE = "sensitive-word";

	static final String FALSE_ORIGINAL = "false-original";

	static final String UNATTRIBUTED = "unattributed-repost";

	static final String REPEAT = "repeat-posting";

	static final String LINKS = "link-spam";

	static final String BAD_DOMAIN = "bad-domain";

	static final String UNDECLARED_AI = "undeclared-ai";

	static final String NEW_CREATOR = "new-creator";

	static final String LOW_TRUST = "low-trust";

	private final SensitiveWords words;

	private final OriginalityEngine originality;

	private final Media media;

	private final ComplianceProfile profile;

	private final CreatorCredit credit;

	private final JdbcClient jdbc;

	private final Set<String> badDomains;

	private final AiLabels aiLabels;

	ReviewPipeline(SensitiveWords words, OriginalityEngine originality, Media media, ComplianceProfile profile,
			CreatorCredit credit, JdbcClient jdbc, @Value("${inkstone.review.bad-domains:}") List<String> badDomains,
			AiLabels aiLabels) {
		this.aiLabels = aiLabels;
		this.words = words;
		this.originality = originality;
		this.media = media;
		this.profile = profile;
		this.credit = credit;
		this.jdbc = jdbc;
		this.badDomains = Set.copyOf(badDomains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty()).toList());
	}

	@Override
	public void checkMayPublish(long creatorId) {
		credit.checkMayPublish(creatorId);
	}

	@Override
	public boolean holdForReview(Article article) {
		List<String[]> findings = check(article);
		jdbc.sql("DELETE FROM review_findings WHERE article_id = :id").param("id", article.id()).update();
		long now = System.currentTimeMillis();
		for (String[] f : findings) {
			jdbc.sql("INSERT INTO review_findings (id, article_id, kind, detail, matched_id, created_at) VALUES (:id, :a, :k, :d, :m, :t)")
				.param("id", Ids.next()).param("a", article.id()).param("k", f[0]).param("d", f[1])
				.param("m", f[2] == null ? null : Long.valueOf(f[2])).param("t", now).update();
		}
		aiLabels.mark(article.id(), findings.stream().anyMatch(f -> f[0].equals(UNDECLARED_AI)));
		boolean flagged = findings.stream().anyMatch(f -> !f[0].equals(NEW_CREATOR) && !f[0].equals(LOW_TRUST));
		boolean personal = findings.stream().anyMatch(f -> f[0].equals(NEW_CREATOR) || f[0].equals(LOW_TRUST));
		return (flagged && profile.on("hold-flagged")) || personal;
	}

	/** Every finding as {kind, detail, matched article id or null}. */
	List<String[]> check(Article article) {
		List<String[]> findings = new ArrayList<>();
		String text = article.title() + "\n" + article.bodyMarkdown();
		List<String> terms = words.find(text);
		if (!terms.isEmpty()) {
			findings.add(new String[] { SENSITIVE, String.join("、", terms), null });
		}
		for (OriginalityEngine.Match m : originality.nearDuplicates(article.bodyMarkdown(), article.id())) {
			String similarity = String.format(Locale.ROOT, "%.0f%%", m.similarity() * 100);
			if (m.creatorId() == article.creatorId()) {
				if (System.currentTimeMillis() - m.publishedAt() < 24 * 3600_000L) {
					findings.add(new String[] { REPEAT, similarity, Long.toString(m.articleId()) });
				}
			}
			else if (article.original()) {
				findings.add(new String[] { FALSE_ORIGINAL, similarity, Long.toString(m.articleId()) });
			}
			else if (article.source() == null || article.source().isBlank()) {
				findings.add(new String[] { UNATTRIBUTED, similarity, Long.toString(m.articleId()) });
			}
			if (findings.size() > 5) {
				break;
			}
		}
		var body = Jsoup.parseBodyFragment(article.bodyHtml());
		var links = body.select("a[href]");
		int chars = Math.max(1, TextNormalizer.fold(article.bodyMarkdown()).length());
		if (links.size() >= 5 && links.size() * 100 > chars) {
			findings.add(new String[] { LINKS, links.size() + " links / " + chars + " chars", null });
		}
		for (var link : links) {
			String host = host(link.attr("href"));
			if (host != null && badDomains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d))) {
				findings.add(new String[] { BAD_DOMAIN, host, null });
				break;
			}
		}
		if ("none".equals(article.aigc())) {
			for (String src : body.select("img[src]").eachAttr("src")) {
				var item = media.byUrl(src);
				if (item.isPresent() && item.get().aiSource() != null) {
					findings.add(new String[] { UNDECLARED_AI, item.get().aiSource(), null });
					break;
				}
			}
		}
		int score = credit.score(article.creatorId());
		if (score < CreatorCredit.PRE_REVIEW_BELOW) {
			findings.add(new String[] { LOW_TRUST, Integer.toString(score), null });
		}
		else if (profile.on("pre-review-new-creators") && credit.publishedCount(article.creatorId()) < 3) {
			findings.add(new String[] { NEW_CREATOR, null, null });
		}
		return findings;
	}

	private static String host(String href) {
		try {
			String host = URI.create(href).getHost();
			return host == null ? null : host.toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
