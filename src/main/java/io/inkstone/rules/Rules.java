package io.inkstone.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.inkstone.shared.MarkdownRenderer;
import io.inkstone.audit.AuditLog;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.Ids;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.SignedIn;
import io.inkstone.shared.TwoLanguages;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The rules pages and their versions; acceptances by accounts. */
@Service
public class Rules {

	public static final String COMMUNITY = "community";

	public static final String CREATOR_AGREEMENT = "creator-agreement";

	public static final String PRIVACY = "privacy";

	/**
	 * The pages a site starts with, by slug: the first version's title is the bundle's
	 * {@code rules.default.<slug>} in Chinese (a page is written in one language, as its
	 * text), its text ships in {@code rules/<slug>.md}.
	 */
	/** The longest title of a rules page, once stripped. */
	static final int MAX_TITLE = 100;

	static final List<String> DEFAULTS = List.of(COMMUNITY, CREATOR_AGREEMENT, PRIVACY);

	private static final Pattern SECTION = Pattern.compile("#{1,3}\\s+(.+)");

	private static final Pattern ITEM = Pattern.compile("\\s{0,3}(\\d{1,3})[.．、]\\s*(.+)");

	private static final String COLUMNS = "id, slug, version, title, body_markdown, body_html, change_note, author_id, created_at";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final MessageSource messages;

	private final Clock clock;

	Rules(JdbcClient jdbc, AuditLog audit, MessageSource messages, Clock clock) {
		this.clock = clock;
		this.messages = messages;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * A fresh site gets version 1 of each default page (several nodes starting together
	 * insert once).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void seed() {
		DEFAULTS.forEach(slug -> {
			if (latest(slug).isEmpty()) {
				String title = TwoLanguages.chinese(messages, "rules.default." + slug);
				try {
					String markdown = new ClassPathResource("rules/" + slug + ".md")
						.getContentAsString(StandardCharsets.UTF_8);
					jdbc.sql("INSERT INTO rules_pages (" + COLUMNS
							+ ") VALUES (:id, :slug, 1, :title, :md, :html, NULL, NULL, :at)"
							+ " ON CONFLICT (slug, version) DO NOTHING")
						.param("id", Ids.next())
						.param("slug", slug)
						.param("title", title)
						.param("md", markdown)
						.param("html", MarkdownRenderer.toSafeHtml(markdown))
						.param("at", clock.millis())
						.update();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		});
	}

	public Optional<RulesPage> latest(String slug) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM rules_pages WHERE slug = :slug ORDER BY version DESC LIMIT 1")
			.param("slug", slug)
			.query(RulesPage.class)
			.optional();
	}

	public RulesPage version(String slug, int version) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM rules_pages WHERE slug = :slug AND version = :v")
			.param("slug", slug)
			.param("v", version)
			.query(RulesPage.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("no rules page " + slug + " v" + version));
	}

	/** Every version, newest first. */
	public List<RulesPage> versions(String slug) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM rules_pages WHERE slug = :slug ORDER BY version DESC")
			.param("slug", slug)
			.query(RulesPage.class)
			.list();
	}

	public List<RulesPage> all() {
		return DEFAULTS.stream().flatMap(slug -> latest(slug).stream()).toList();
	}

	/**
	 * The numbered articles of the latest 平台公约 (a numbered item under a section heading),
	 * for reviewers to pick the rule a decision applies: "平台公约 一、3 将他人作品声明为原创（虚假原创）".
	 * Follows the page as admins edit it.
	 */
	public List<String> communityArticles() {
		return latest(COMMUNITY).map(page -> numberedArticles(page.title(), page.bodyMarkdown())).orElse(List.of());
	}

	static List<String> numberedArticles(String title, String markdown) {
		List<String> articles = new ArrayList<>();
		String section = "";
		for (String line : markdown.split("\\R")) {
			Matcher heading = SECTION.matcher(line);
			if (heading.matches()) {
				section = heading.group(1).strip();
				continue;
			}
			Matcher item = ITEM.matcher(line);
			if (item.matches()) {
				String text = item.group(2).strip().replaceAll("[；;。，,]+$", "");
				articles.add((title + " " + sectionNumber(section) + item.group(1) + " " + text).strip());
			}
		}
		return List.copyOf(articles);
	}

	/** "一、禁止发布的内容" → "一、"; a heading without a number keeps its text. */
	private static String sectionNumber(String section) {
		int mark = section.indexOf('、');
		return mark > 0 ? section.substring(0, mark + 1) : section.isEmpty() ? "" : section + " ";
	}

	public int latestVersion(String slug) {
		return latest(slug).map(RulesPage::version).orElse(1);
	}

	/** An admin publishes a new version; the old ones stay readable. Audited. */
	@Transactional
	public RulesPage publish(String slug, String title, String markdown, String note, SignedIn admin) {
		RulesPage current = latest(slug).orElseThrow(() -> new NotFoundException("no rules page " + slug));
		String cleanTitle = title == null ? "" : title.strip();
		String cleanNote = note == null ? "" : note.strip();
		if (cleanTitle.isEmpty() || cleanTitle.length() > MAX_TITLE || markdown == null || markdown.isBlank()
				|| markdown.length() > 50_000) {
			throw new BadRequestException("problem.rules.titleAndTextAreRequired");
		}
		if (cleanNote.isEmpty() || cleanNote.length() > 500) {
			throw new BadRequestException("problem.rules.describeTheChange");
		}
		int version = current.version() + 1;
		jdbc.sql("INSERT INTO rules_pages (" + COLUMNS
				+ ") VALUES (:id, :slug, :v, :title, :md, :html, :note, :author, :at)")
			.param("id", Ids.next())
			.param("slug", slug)
			.param("v", version)
			.param("title", cleanTitle)
			.param("md", markdown)
			.param("html", MarkdownRenderer.toSafeHtml(markdown))
			.param("note", cleanNote)
			.param("author", admin.accountId())
			.param("at", clock.millis())
			.update();
		audit.record("settings.rules-publish", "rules", slug + " v" + version, cleanNote, cleanTitle);
		return version(slug, version);
	}

	/**
	 * Records that an account accepted the current version of a page; returns that
	 * version.
	 */
	public int accept(long accountId, String slug) {
		int version = latestVersion(slug);
		jdbc.sql(
				"INSERT INTO rule_acceptances (account_id, slug, version, accepted_at) VALUES (:a, :s, :v, :at) ON CONFLICT DO NOTHING")
			.param("a", accountId)
			.param("s", slug)
			.param("v", version)
			.param("at", clock.millis())
			.update();
		return version;
	}

	public Optional<Integer> acceptedVersion(long accountId, String slug) {
		return jdbc.sql("SELECT MAX(version) FROM rule_acceptances WHERE account_id = :a AND slug = :s")
			.param("a", accountId)
			.param("s", slug)
			.query(Integer.class)
			.optional();
	}

}
