package io.inkstone.governance;

import java.net.URI;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.inkstone.articles.Article;
import io.inkstone.articles.PublishingGate;
import io.inkstone.articles.ReviewDecision;
import io.inkstone.media.Media;
import io.inkstone.shared.Ids;
import io.inkstone.similarity.OriginalityEngine;
import io.inkstone.similarity.TextNormalizer;

import org.jsoup.Jsoup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 机审: the machine checks every article passes on its way to the public — sensitive words,
 * originality (near-duplicates on the instance), links and spam, AI-generation metadata
 * of its images — and the rule that decides, by compliance profile and creator trust,
 * whether it goes live or waits for a reviewer. Findings are stored for the reviewer
 * either way.
 */
@Component
class ReviewPipeline implements PublishingGate {

	static final String SENSITIVE = "sensitive-word";

	static final String FALSE_ORIGINAL = "false-original";

	static final String UNATTRIBUTED = "unattributed-repost";

	static final String REPEAT = "repeat-posting";

	static final String PARTIAL_COPY = "partial-copy";

	static final String LINKS = "link-spam";

	static final String BAD_DOMAIN = "bad-domain";

	static final String UNDECLARED_AI = "undeclared-ai";

	static final String NEW_CREATOR = "new-creator";

	static final String LOW_TRUST = "low-trust";

	/**
	 * Findings about the creator, not the article: they hold whatever the compliance
	 * profile says.
	 */
	private static final Set<String> PERSONAL = Set.of(NEW_CREATOR, LOW_TRUST);

	private final SensitiveWords words;

	private final OriginalityEngine originality;

	private final Media media;

	private final ComplianceProfile profile;

	private final CreatorCredit credit;

	private final JdbcClient jdbc;

	private final BadDomains badDomains;

	private final AiLabels aiLabels;

	private final Clock clock;

	ReviewPipeline(SensitiveWords words, OriginalityEngine originality, Media media, ComplianceProfile profile,
			CreatorCredit credit, JdbcClient jdbc, BadDomains badDomains, AiLabels aiLabels, Clock clock) {
		this.clock = clock;
		this.aiLabels = aiLabels;
		this.words = words;
		this.originality = originality;
		this.media = media;
		this.profile = profile;
		this.credit = credit;
		this.jdbc = jdbc;
		this.badDomains = badDomains;
	}

	@Override
	public void checkMayPublish(long creatorId) {
		credit.checkMayPublish(creatorId);
	}

	/**
	 * The decision alone (nothing is written): every finding, and whether they hold the
	 * article for a reviewer — a personal finding (new creator, low trust) always does,
	 * any other when the compliance profile holds flagged articles.
	 */
	@Override
	public ReviewDecision review(Article article) {
		List<ReviewDecision.Finding> findings = check(article).stream()
			.map(f -> new ReviewDecision.Finding(f[0], f[1], f[2] == null ? null : Long.valueOf(f[2])))
			.toList();
		boolean flagged = findings.stream().anyMatch(f -> !PERSONAL.contains(f.kind()));
		boolean personal = findings.stream().anyMatch(f -> PERSONAL.contains(f.kind()));
		return new ReviewDecision((flagged && profile.on("hold-flagged")) || personal, findings);
	}

	/**
	 * Stores the findings for the reviewer and the studio (replacing an earlier
	 * review's), held or not.
	 */
	@Override
	public void recordReview(Article article, ReviewDecision decision) {
		jdbc.sql("DELETE FROM review_findings WHERE article_id = :id").param("id", article.id()).update();
		long now = clock.millis();
		for (ReviewDecision.Finding f : decision.findings()) {
			jdbc.sql(
					"INSERT INTO review_findings (id, article_id, kind, detail, matched_id, created_at) VALUES (:id, :a, :k, :d, :m, :t)")
				.param("id", Ids.next())
				.param("a", article.id())
				.param("k", f.kind())
				.param("d", f.detail())
				.param("m", f.matchedId(), Types.BIGINT)
				.param("t", now)
				.update();
		}
		aiLabels.mark(article.id(), decision.kinds().contains(UNDECLARED_AI));
	}

	/** Every finding as {kind, detail, matched article id or null}. */
	List<String[]> check(Article article) {
		List<String[]> findings = new ArrayList<>();
		String text = article.title() + "\n" + article.bodyMarkdown();
		List<String> terms = words.find(text);
		if (!terms.isEmpty()) {
			findings.add(new String[] { SENSITIVE, String.join("、", terms), null });
		}
		Set<Long> wholeCopies = new HashSet<>();
		for (OriginalityEngine.Match m : originality.nearDuplicates(article.bodyMarkdown(), article.id())) {
			wholeCopies.add(m.articleId());
			String similarity = String.format(Locale.ROOT, "%.0f%%", m.similarity() * 100);
			if (m.creatorId() == article.creatorId()) {
				if (clock.millis() - m.publishedAt() < 24 * 3600_000L) {
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
		// passages copied into a longer text, from another creator, in an article that
		// claims to be original or names no source (a repost that names its source is
		// what reposting is)
		if (article.original() || article.source() == null || article.source().isBlank()) {
			int partial = 0;
			for (OriginalityEngine.PartialCopy c : originality.partialCopies(article.bodyMarkdown(), article.id())) {
				if (c.creatorId() != article.creatorId() && !wholeCopies.contains(c.articleId()) && partial++ < 3) {
					findings.add(new String[] { PARTIAL_COPY, String.format(Locale.ROOT, "%.0f%%", c.share() * 100),
							Long.toString(c.articleId()) });
				}
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
			if (host != null && badDomains.matches(host)) {
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
