package io.inkstone.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.inkstone.articles.Article;
import io.inkstone.articles.Articles;
import io.inkstone.creators.Creators;
import io.inkstone.engagement.Comments;
import io.inkstone.engagement.Counts;
import io.inkstone.engagement.Engagement;
import io.inkstone.engagement.Referral;
import io.inkstone.engagement.Referrals;
import io.inkstone.shared.PublicUrl;
import io.inkstone.shared.ReaderKey;
import io.inkstone.shared.SignedIn;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import java.time.Duration;
import java.util.Base64;

/**
 * What a shared article page asks for after it loads, so that the page itself is the same
 * for every reader: the read beacon (counts the read once per reader and day, mints the
 * signed reader id, hands out the CSRF token and says what this reader has done:
 * following, liked), and the live numbers, which any cache may keep for a second. Without
 * JavaScript the page loads {@code view.gif} instead, and the numbers are as old as the
 * page.
 * <p>
 * Where the reader came from: the page is cached and the same for everyone, so the server
 * never sees the reader's referrer on it. The script sends {@code ref}, the host of
 * {@code document.referrer} (no path, no query), and {@code via}, the landing URL's
 * {@code utm_medium} (or {@code utm_source}); {@link Referrals} sorts them. The no-script
 * {@code view.gif}'s own Referer is the article page itself, so those reads count as
 * direct (direct or unknown, as the analytics page says). A personal page (signed in)
 * counts while rendering, from the page request's own Referer.
 */
@RestController
class ReaderBeaconController {

	/** A transparent 1×1 GIF. */
	private static final byte[] PIXEL = Base64.getDecoder()
		.decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

	private final Articles articles;

	private final Engagement engagement;

	private final Comments comments;

	private final Creators creators;

	private final PublicUrl publicUrl;

	ReaderBeaconController(Articles articles, Engagement engagement, Comments comments, Creators creators,
			PublicUrl publicUrl) {
		this.publicUrl = publicUrl;
		this.articles = articles;
		this.engagement = engagement;
		this.comments = comments;
		this.creators = creators;
	}

	@PostMapping(value = "/articles/{id}/view", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> view(@PathVariable long id,
			@RequestParam(name = "ref", required = false) String referrerHost,
			@RequestParam(name = "via", required = false) String campaign, HttpServletRequest request) {
		Article article = articles.getPublished(id);
		String reader = ReaderKey.of(request);
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("counted", count(article, reader, request, referral(referrerHost, campaign, request)));
		state.put("following", creators.isFollowing(reader, article.creatorId()));
		state.put("liked", comments.likes(id, reader));
		CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		if (token != null) {
			state.put("csrfParameter", token.getParameterName());
			state.put("csrfToken", token.getToken());
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(state);
	}

	@GetMapping("/articles/{id}/view.gif")
	ResponseEntity<byte[]> pixel(@PathVariable long id, HttpServletRequest request) {
		Article article = articles.getPublished(id);
		// this request's Referer is the article page, not where its reader came from
		count(article, ReaderKey.of(request), request, Referral.DIRECT);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_GIF).body(PIXEL);
	}

	/** The numbers a page shows, the same for everyone: cacheable for a second. */
	@GetMapping(value = "/articles/{id}/live", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> live(@PathVariable long id) {
		Article article = articles.getPublished(id);
		Counts counts = engagement.counts(id);
		Map<String, Object> live = new LinkedHashMap<>();
		live.put("reads", counts.reads());
		live.put("shares", counts.shares());
		live.put("likes", comments.articleLikes(id));
		live.put("comments", comments.count(id));
		live.put("followers", creators.followerCount(article.creatorId()));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic().sMaxAge(Duration.ofSeconds(1)))
			.body(live);
	}

	/** The CSRF token for scripts on shared pages (also sets its cookie). */
	@GetMapping(value = "/csrf", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> csrf(HttpServletRequest request) {
		CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(Map.of("parameter", token.getParameterName(), "header", token.getHeaderName(), "token",
					token.getToken()));
	}

	/**
	 * Counts one read (once per reader and day, never for bots); listeners feed interests
	 * and co-reads.
	 */
	boolean count(Article article, String reader, HttpServletRequest request, Referral referral) {
		if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
			return false; // another site embedding the beacon (an <img> elsewhere) is not
							// a reader of this page
		}
		// one counted read is one event: the hot list, co-reads and interests listen to
		// it
		Long account = SignedIn.current().map(SignedIn::accountId).orElse(null);
		return engagement.recordRead(reader, account, request.getRemoteAddr(), ReaderKey.isBot(request), article.id(),
				article.channelId(), referral);
	}

	/**
	 * Where a reader came from, by the referring host and the landing page's campaign tag
	 * (this site's own hosts are internal).
	 */
	Referral referral(String referrerHost, String campaign, HttpServletRequest request) {
		return Referrals.classify(referrerHost, campaign,
				List.of(request.getServerName(), Objects.requireNonNullElse(Referrals.hostOf(publicUrl.base()), "")));
	}

}
