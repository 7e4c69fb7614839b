package io.inkstone.site;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.inkstone.articles.ArticleSummary;
import io.inkstone.articles.Articles;
import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;
import io.inkstone.discovery.ArticleCards;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.Cursor;
import io.inkstone.shared.ReaderKey;
import io.inkstone.shared.Slice;
import io.inkstone.web.SharedPage;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import io.inkstone.creators.CreatorApplications;
import io.inkstone.governance.ComplianceProfile;
import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;

/**
 * {@code /creators/{handle}}: the header (avatar, intro, counts, follow), the 文章 tab, and
 * all articles in keyset pages, 最新 or 最热 ({@code ?sort=hot}).
 */
@Controller
class CreatorPageController {

	static final int PAGE_SIZE = 20;

	static final String SORT_LATEST = "latest";

	static final String SORT_HOT = "hot";

	private final Creators creators;

	private final Articles articles;

	private final ArticleCards cards;

	private final SiteParts parts;

	private final ComplianceProfile compliance;

	private final CreatorApplications applications;

	CreatorPageController(Creators creators, Articles articles, ArticleCards cards, SiteParts parts,
			ComplianceProfile compliance, CreatorApplications applications) {
		this.compliance = compliance;
		this.applications = applications;
		this.creators = creators;
		this.articles = articles;
		this.cards = cards;
		this.parts = parts;
	}

	@GetMapping("/creators/{handle}")
	String show(@PathVariable String handle, @RequestParam(name = "after", required = false) String after,
			@RequestParam(name = "p", required = false) String p,
			@RequestParam(name = "sort", required = false) String sort, HttpServletRequest request, Model model) {
		boolean hot = hot(sort);
		Creator creator = creators.get(handle);
		Cursor cursor = Cursor.parse(after);
		Slice<ArticleSummary> page = hot ? articles.hottestByCreator(creator.id(), cursor, PAGE_SIZE)
				: articles.latestByCreator(creator.id(), cursor, PAGE_SIZE);
		model.addAttribute("page",
				new Pages.CreatorPage(parts.card(creator, SharedPage.is(request) ? null : ReaderKey.of(request), 0),
						cards.of(page.items()), page.hasNext() ? page.next().encode() : null, cursor == Cursor.START,
						compliance.on("org-disclosure") ? applications.organisationOf(creator.id()).orElse(null) : null,
						Pages.pageNumber(after, p), hot ? SORT_HOT : SORT_LATEST));
		return "creators/show";
	}

	/**
	 * What this reader has to do with the creator, for the script of the shared creator
	 * page (the page itself is the same for every anonymous reader): following or not,
	 * and the CSRF token for the follow form.
	 */
	@GetMapping(value = "/creators/{handle}/state", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> state(@PathVariable String handle, HttpServletRequest request) {
		Creator creator = creators.get(handle);
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("following", creators.isFollowing(ReaderKey.of(request), creator.id()));
		CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		if (token != null) {
			state.put("csrfToken", token.getToken());
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(state);
	}

	/**
	 * 最新 (default, or {@code sort=latest}) or 最热 ({@code sort=hot}); anything else is a
	 * client's mistake.
	 */
	private static boolean hot(String sort) {
		if (sort == null || sort.isEmpty() || SORT_LATEST.equals(sort)) {
			return false;
		}
		if (SORT_HOT.equals(sort)) {
			return true;
		}
		throw new BadRequestException("problem.site.invalidSort");
	}

	@PostMapping("/creators/{handle}/follow")
	String follow(@PathVariable String handle, @RequestParam(name = "back", defaultValue = "") String back,
			HttpServletRequest request) {
		creators.follow(ReaderKey.of(request), handle);
		return "redirect:" + back(back, handle);
	}

	@PostMapping("/creators/{handle}/unfollow")
	String unfollow(@PathVariable String handle, @RequestParam(name = "back", defaultValue = "") String back,
			HttpServletRequest request) {
		creators.unfollow(ReaderKey.of(request), handle);
		return "redirect:" + back(back, handle);
	}

	/**
	 * Back to the page the button was on, if it is one of ours; else the creator page.
	 */
	private static String back(String back, String handle) {
		if (Pages.isLocalPath(back)) {
			return back;
		}
		return "/creators/" + UriUtils.encodePathSegment(handle, StandardCharsets.UTF_8);
	}

}
