package io.inkstone.pages;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.inkstone.audit.AuditLog;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.FooterLink;
import io.inkstone.shared.Ids;
import io.inkstone.shared.MarkdownRenderer;
import io.inkstone.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.web.util.UriUtils;

/**
 * Static pages and their revisions. The footer list is cached for a few seconds (every
 * page of the site shows it; another node or the import command may change it).
 */
@Service
public class StaticPages implements FooterLink.Source {

	public static final int MAX_TITLE = 200;

	public static final int MAX_BODY = 100_000;

	/**
	 * Lower-case letters of any script, digits, '-', '_' and '.', in segments joined by
	 * '/'; no '.' or '..' segments.
	 */
	private static final Pattern PATH = Pattern
		.compile("[\\p{L}\\p{N}_-][\\p{L}\\p{N}._-]{0,79}(/[\\p{L}\\p{N}_-][\\p{L}\\p{N}._-]{0,79}){0,4}");

	private static final String COLUMNS = "id, path, title, body_markdown, body_html, footer_position, created_at, updated_at";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Cache<String, List<FooterLink>> footer = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(10))
		.build();

	private final Clock clock;

	StaticPages(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * Whether {@code path} can name a page: 1–5 segments, no empty, dot or dot-dot
	 * segment, at most 200 characters.
	 */
	public static boolean isValidPath(String path) {
		return path != null && path.length() <= 200 && PATH.matcher(path).matches();
	}

	/** The path as stored: trimmed, without leading or trailing slashes, lower case. */
	public static String normalizePath(String path) {
		String p = path == null ? "" : path.strip().toLowerCase(Locale.ROOT);
		while (p.startsWith("/")) {
			p = p.substring(1);
		}
		while (p.endsWith("/")) {
			p = p.substring(0, p.length() - 1);
		}
		return p;
	}

	public Optional<StaticPage> find(String path) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM static_pages WHERE path = :path")
			.param("path", normalizePath(path))
			.query(StaticPage.class)
			.optional();
	}

	public StaticPage get(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM static_pages WHERE id = :id")
			.param("id", id)
			.query(StaticPage.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("no page " + id));
	}

	/** Every page, footer pages first in footer order, then the others by path. */
	public List<StaticPage> all() {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM static_pages"
					+ " ORDER BY CASE WHEN footer_position IS NULL THEN 1 ELSE 0 END, footer_position, path")
			.query(StaticPage.class)
			.list();
	}

	/** Revisions of a page, newest first. */
	public List<PageRevision> revisions(long pageId) {
		return jdbc
			.sql("SELECT id, page_id, title, body_markdown, author_id, created_at FROM static_page_revisions"
					+ " WHERE page_id = :id ORDER BY created_at DESC, id DESC")
			.param("id", pageId)
			.query(PageRevision.class)
			.list();
	}

	@Override
	public List<FooterLink> footerLinks() {
		return footer.get("footer",
				k -> jdbc
					.sql("SELECT path, title FROM static_pages WHERE footer_position IS NOT NULL"
							+ " ORDER BY footer_position, path")
					.query((rs, n) -> new FooterLink(rs.getString("title"), href(rs.getString("path"))))
					.list());
	}

	/** The page's public address, each segment percent-encoded. */
	public static String href(String path) {
		StringBuilder out = new StringBuilder("/pages");
		for (String segment : path.split("/")) {
			out.append('/').append(UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8));
		}
		return out.toString();
	}

	/**
	 * An admin creates a page ({@code id} null) or saves a new version of one: the text
	 * is rendered and sanitized, the version kept as a revision, the change audited.
	 * Returns the page.
	 */
	@Transactional
	public StaticPage save(Long id, String path, String title, String markdown, Integer footerPosition, Long authorId) {
		String cleanPath = normalizePath(path);
		String cleanTitle = title == null ? "" : title.strip();
		if (!isValidPath(cleanPath)) {
			throw new BadRequestException("problem.pages.thePathMayHoldLettersDigits");
		}
		if (cleanTitle.isEmpty() || cleanTitle.length() > MAX_TITLE) {
			throw new BadRequestException("problem.pages.theTitleMustBe1200");
		}
		if (markdown == null || markdown.isBlank() || markdown.length() > MAX_BODY) {
			throw new BadRequestException("problem.pages.theTextIsRequiredAtMost");
		}
		if (footerPosition != null && (footerPosition < 0 || footerPosition > 999)) {
			throw new BadRequestException("problem.pages.theFooterPositionMustBe0");
		}
		Optional<StaticPage> samePath = find(cleanPath);
		long now = clock.millis();
		long pageId;
		if (id == null) {
			if (samePath.isPresent()) {
				throw new BadRequestException("problem.pages.aPageWithThisPathExists");
			}
			pageId = Ids.next();
			jdbc.sql("INSERT INTO static_pages (" + COLUMNS
					+ ") VALUES (:id, :path, :title, :md, :html, :footer, :now, :now)")
				.param("id", pageId)
				.param("path", cleanPath)
				.param("title", cleanTitle)
				.param("md", markdown)
				.param("html", MarkdownRenderer.toSafeHtml(markdown))
				.param("footer", footerPosition)
				.param("now", now)
				.update();
		}
		else {
			StaticPage current = get(id);
			if (samePath.isPresent() && samePath.get().id() != current.id()) {
				throw new BadRequestException("problem.pages.aPageWithThisPathExists");
			}
			pageId = current.id();
			jdbc.sql("UPDATE static_pages SET path = :path, title = :title, body_markdown = :md, body_html = :html,"
					+ " footer_position = :footer, updated_at = :now WHERE id = :id")
				.param("id", pageId)
				.param("path", cleanPath)
				.param("title", cleanTitle)
				.param("md", markdown)
				.param("html", MarkdownRenderer.toSafeHtml(markdown))
				.param("footer", footerPosition)
				.param("now", now)
				.update();
		}
		insertRevision(pageId, cleanTitle, markdown, authorId, now);
		audit.record(id == null ? "pages.create" : "pages.update", "page", pageId, null, cleanPath);
		footer.invalidateAll();
		return get(pageId);
	}

	/**
	 * An imported page (WordPress): created once per {@code importKey}, never overwritten
	 * by a later import. A path already taken gets a numbered suffix. Returns the page's
	 * path, or empty when the key was imported before.
	 */
	@Transactional
	public Optional<String> importPage(String importKey, String path, String title, String markdown, long createdAt) {
		if (jdbc.sql("SELECT COUNT(*) FROM static_pages WHERE import_key = :k")
			.param("k", importKey)
			.query(Long.class)
			.single() > 0) {
			return Optional.empty();
		}
		String base = normalizePath(path);
		if (!isValidPath(base)) {
			base = "page-" + Math.abs((long) importKey.hashCode());
		}
		String candidate = base;
		for (int n = 2; find(candidate).isPresent(); n++) {
			candidate = base + "-" + n;
		}
		String cleanTitle = title == null || title.isBlank() ? candidate : title.strip();
		if (cleanTitle.length() > MAX_TITLE) {
			cleanTitle = cleanTitle.substring(0, MAX_TITLE);
		}
		String body = markdown == null || markdown.isBlank() ? cleanTitle : markdown;
		long id = Ids.next();
		jdbc.sql("INSERT INTO static_pages (" + COLUMNS
				+ ", import_key) VALUES (:id, :path, :title, :md, :html, NULL, :created," + " :created, :key)")
			.param("id", id)
			.param("path", candidate)
			.param("title", cleanTitle)
			.param("md", body)
			.param("html", MarkdownRenderer.toSafeHtml(body))
			.param("created", createdAt)
			.param("key", importKey)
			.update();
		insertRevision(id, cleanTitle, body, null, createdAt);
		return Optional.of(candidate);
	}

	/** The path of the page imported under {@code importKey}, if any. */
	public Optional<String> pathOfImport(String importKey) {
		return jdbc.sql("SELECT path FROM static_pages WHERE import_key = :k")
			.param("k", importKey)
			.query(String.class)
			.optional();
	}

	public long count() {
		return jdbc.sql("SELECT COUNT(*) FROM static_pages").query(Long.class).single();
	}

	private void insertRevision(long pageId, String title, String markdown, Long authorId, long at) {
		jdbc.sql("INSERT INTO static_page_revisions (id, page_id, title, body_markdown, author_id, created_at)"
				+ " VALUES (:id, :page, :title, :md, :author, :at)")
			.param("id", Ids.next())
			.param("page", pageId)
			.param("title", title)
			.param("md", markdown)
			.param("author", authorId)
			.param("at", at)
			.update();
	}

}
