package io.inkstone.studio;

import io.inkstone.shared.PlatformDays;

import java.beans.PropertyEditorSupport;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.inkstone.articles.Article;
import io.inkstone.articles.ArticleStatus;
import io.inkstone.articles.Articles;
import io.inkstone.articles.Draft;
import io.inkstone.articles.DraftRules;
import io.inkstone.articles.EditorForm;
import io.inkstone.articles.LifecycleOutcome;
import io.inkstone.articles.Revision;
import io.inkstone.articles.StudioNotes;
import io.inkstone.articles.StudioRow;
import io.inkstone.channels.Channel;
import io.inkstone.channels.Channels;
import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.TooManyRequestsException;
import io.inkstone.web.RateLimiter;
import io.inkstone.web.FormErrors;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import io.inkstone.creators.CreatorApplication;
import io.inkstone.creators.CreatorApplications;
import io.inkstone.engagement.Comments;
import io.inkstone.engagement.Counts;
import io.inkstone.engagement.Engagement;
import io.inkstone.media.Media;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.Csv;
import io.inkstone.shared.SignedIn;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code /studio}: a creator's articles and the Markdown editor with a server-rendered
 * preview (the same renderer and sanitizer the article page uses). Every action checks
 * that the article is the signed-in creator's own; someone else's id answers 404.
 */
@Controller
class StudioArticleController {

	/**
	 * New drafts a creator may start per hour: far above writing by hand, a stop for
	 * scripts filling the database.
	 */
	static final int NEW_DRAFTS_PER_HOUR = DraftRules.NEW_DRAFTS_PER_HOUR;

	private final RateLimiter limits;

	static final int MAX_TITLE = DraftRules.MAX_TITLE;

	static final int MAX_BODY = DraftRules.MAX_BODY;

	private final Articles articles;

	private final Creators creators;

	private final Channels channels;

	private final Engagement engagement;

	private final Comments comments;

	private final Media media;

	private final CreatorApplications applications;

	/**
	 * Review notes, findings and appeal links (governance); absent, the studio shows the
	 * states alone.
	 */
	private final ObjectProvider<StudioNotes> notes;

	/**
	 * What an action did, as the query flag the redirect carries: the editor shows
	 * {@code studio.done.<flag>}.
	 */
	static final List<String> EDITOR_FLASHES = List.of("saved", "published", "pending", "scheduled", "unscheduled",
			"updated", "unpublished", "restored", "resubmitted", "updateHeld", "unchanged");

	static final Set<String> ACTIONS = Set.of("save", "preview", "publish", "submit", "update", "schedule",
			"unschedule", "unpublish", "delete");

	private final Clock clock;

	StudioArticleController(Articles articles, Creators creators, Channels channels, Engagement engagement,
			Comments comments, Media media, RateLimiter limits, CreatorApplications applications,
			ObjectProvider<StudioNotes> notes, Clock clock) {
		this.clock = clock;
		this.notes = notes;
		this.applications = applications;
		this.limits = limits;
		this.media = media;
		this.engagement = engagement;
		this.comments = comments;
		this.articles = articles;
		this.creators = creators;
		this.channels = channels;
	}

	private Creator me() {
		return creators.signedIn();
	}

	@GetMapping("/studio")
	String dashboard(@RequestParam(name = "tab", defaultValue = "all") String tab, HttpServletRequest request,
			Model model) {
		SignedIn account = SignedIn.current().orElseThrow();
		Optional<Creator> creator = creators.ofAccount(account.accountId());
		if (creator.isEmpty()) {
			model.addAttribute("page", notACreator(account));
			return "studio/not-a-creator";
		}
		if (!StudioPages.TABS.contains(tab)) {
			throw new BadRequestException("problem.studio.noSuchTab", tab);
		}
		Creator me = creator.get();
		List<StudioPages.Stats> all = withStates(stats(articles.studioList(me.id())));
		Map<String, Long> counts = new HashMap<>();
		for (StudioPages.Stats s : all) {
			counts.merge(s.state(), 1L, Long::sum);
			if (!"trash".equals(s.state())) {
				counts.merge("all", 1L, Long::sum);
			}
		}
		String flash = request.getParameter("deleted") != null ? "studio.done.deleted"
				: request.getParameter("unchanged") != null ? "studio.done.unchanged" : null;
		model.addAttribute("page",
				new StudioPages.Dashboard(me, all, creators.followerCount(me.id()), tab, counts, flash));
		return "studio/dashboard";
	}

	/**
	 * Why this signed-in account has no studio yet, from its role and its latest 申请入驻.
	 */
	private StudioPages.NotACreator notACreator(SignedIn account) {
		if ("ADMIN".equals(account.role()) || "REVIEWER".equals(account.role())) {
			return new StudioPages.NotACreator("staff", 0, null, 0);
		}
		List<CreatorApplication> history = applications.of(account.accountId());
		if (history.isEmpty()) {
			return new StudioPages.NotACreator("none", 0, null, applications.attemptsLeft(account.accountId()));
		}
		CreatorApplication latest = history.get(0); // newest first
		return new StudioPages.NotACreator(latest.status(),
				latest.decidedAt() != null && !latest.pending() ? latest.decidedAt() : latest.createdAt(),
				latest.reason(), applications.attemptsLeft(account.accountId()));
	}

	/**
	 * The dashboard numbers as CSV (UTF-8 with BOM so spreadsheet programs read Chinese
	 * correctly).
	 */
	@GetMapping(value = "/studio/stats.csv", produces = "text/csv")
	ResponseEntity<byte[]> csv() {
		Creator me = me();
		StringBuilder out = new StringBuilder("\uFEFFid,title,status,published_at,reads,shares,likes,comments\n");
		for (StudioPages.Stats s : stats(me)) {
			out.append(s.row().id())
				.append(',')
				.append(csvField(s.row().title()))
				.append(',')
				.append(csvStatus(s.row()))
				.append(',')
				.append(publishedAt(s.row()))
				.append(',')
				.append(s.reads())
				.append(',')
				.append(s.shares())
				.append(',')
				.append(s.likes())
				.append(',')
				.append(s.comments())
				.append('\n');
		}
		return ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"inkstone-stats.csv\"")
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.body(out.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * When the article was published, in the site's time zone with its offset
	 * (2026-11-30T10:00:00+08:00); empty for an article that is not public and was never
	 * taken down: a draft's published_at column holds a placeholder, not a publication.
	 */
	static String publishedAt(StudioRow row) {
		if ("scheduled".equals(row.state())) {
			return siteTime(row.publishAt()); // when it will be published
		}
		if (row.status() != ArticleStatus.PUBLISHED && row.status() != ArticleStatus.REMOVED) {
			return "";
		}
		return siteTime(row.publishedAt());
	}

	/**
	 * The status column: the database's name, but a draft with a schedule is
	 * {@code scheduled}, as the studio shows it.
	 */
	static String csvStatus(StudioRow row) {
		return "scheduled".equals(row.state()) ? "scheduled" : row.status().dbValue();
	}

	private static String siteTime(long millis) {
		return Instant.ofEpochMilli(millis)
			.atZone(PlatformDays.zone())
			.toOffsetDateTime()
			.truncatedTo(ChronoUnit.SECONDS)
			.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	/**
	 * Quotes a CSV field, and defuses spreadsheet formulas (a leading = + - @ becomes
	 * text).
	 */
	static String csvField(String value) {
		return Csv.field(value);
	}

	private List<StudioPages.Stats> stats(Creator me) {
		return stats(articles.ofCreator(me.id()));
	}

	private List<StudioPages.Stats> stats(List<StudioRow> rows) {
		var counts = engagement.counts(rows.stream().map(StudioRow::id).toList());
		return rows.stream().map(r -> {
			var c = counts.getOrDefault(r.id(), Counts.ZERO);
			return new StudioPages.Stats(r, c.reads(), c.shares(), comments.articleLikes(r.id()),
					comments.count(r.id()));
		}).toList();
	}

	@GetMapping("/studio/articles/new")
	String newArticle(HttpServletRequest request, Model model) {
		Creator me = me();
		String channel = channels.all().isEmpty() ? "" : channels.all().get(0).slug();
		return editor(request, model, me, null, "draft", EditorForm.empty(channel), Map.of(), null);
	}

	@GetMapping("/studio/articles/{id}")
	String edit(@PathVariable long id, HttpServletRequest request, Model model) {
		Creator me = me();
		Article a = articles.ownedBy(id, me.id());
		EditorForm form = new EditorForm(a.title(), a.bodyMarkdown(), channels.get(a.channelId()).slug(), a.tags(),
				a.original(), a.aigc(), a.source() == null ? "" : a.source(), a.summary() == null ? "" : a.summary(),
				a.coverImage() == null ? "" : a.coverImage(), "");
		String flash = EDITOR_FLASHES.stream()
			.filter(f -> request.getParameter(f) != null)
			.findFirst()
			.map(f -> "studio.done." + f)
			.orElse(null);
		model.addAttribute("flash", flash);
		return editor(request, model, me, id, a.status().dbValue(), form, Map.of(), null, articles.scheduledAt(id));
	}

	/**
	 * Adds what a creator must know to each row: the state they understand, the
	 * reviewer's note, findings, appeal.
	 */
	private List<StudioPages.Stats> withStates(List<StudioPages.Stats> rows) {
		StudioNotes source = notes.getIfAvailable();
		if (source == null || rows.isEmpty()) {
			return rows;
		}
		List<Long> pending = rows.stream().filter(s -> "pending".equals(s.state())).map(s -> s.row().id()).toList();
		List<Long> reviewed = rows.stream()
			.filter(s -> "draft".equals(s.state()) || "scheduled".equals(s.state()) || "rejected".equals(s.state()))
			.map(s -> s.row().id())
			.toList();
		List<Long> removed = rows.stream().filter(s -> "removed".equals(s.state())).map(s -> s.row().id()).toList();
		Map<Long, List<String>> held = source.heldBecause(pending);
		Map<Long, StudioNotes.Review> reviews = source.latestReviews(reviewed);
		Map<Long, String> appeals = source.appealPaths(removed);
		return rows.stream().map(s -> {
			long id = s.row().id();
			String state = s.state();
			String note = null;
			StudioNotes.Review review = reviews.get(id);
			if ("draft".equals(state) && review != null && "changes".equals(review.outcome())) {
				state = "changes";
				note = review.note();
			}
			else if ("rejected".equals(state) && review != null) {
				note = review.note();
			}
			else if ("removed".equals(state)) {
				note = s.row().removalReason();
			}
			return new StudioPages.Stats(s.row(), s.reads(), s.shares(), s.likes(), s.comments(), state, note,
					held.getOrDefault(id, List.of()), appeals.get(id));
		}).toList();
	}

	/**
	 * Asks before deleting: the article goes to the 回收站 for 30 days. Works without
	 * JavaScript. Already deleted (the back button, a second tab): the 回收站 shows it.
	 */
	@GetMapping("/studio/articles/{id}/delete")
	String confirmDelete(@PathVariable long id, Model model) {
		Creator me = me();
		if (articles.inTrashOf(id, me.id())) {
			return "redirect:/studio?tab=trash";
		}
		Article a = articles.ownedBy(id, me.id());
		model.addAttribute("page", new StudioPages.DeleteConfirm(id, a.title(), a.status().dbValue()));
		return "studio/delete";
	}

	@PostMapping("/studio/articles/{id}/delete")
	String delete(@PathVariable long id) {
		LifecycleOutcome outcome = articles.delete(id, me().id());
		return "redirect:/studio?tab=trash&" + done(outcome, "deleted");
	}

	/** Takes an article back from the 回收站 (within 30 days of its deletion) as a draft. */
	@PostMapping("/studio/articles/{id}/restore")
	String restore(@PathVariable long id) {
		LifecycleOutcome outcome = articles.restoreOwn(id, me().id());
		return "redirect:/studio/articles/" + id + "?" + done(outcome, "restored");
	}

	/**
	 * The flag a redirect carries for what an action did: {@code unchanged} when the
	 * article already was where the action leads (a second tab, the back button), so the
	 * page never announces what did not happen.
	 */
	static String done(LifecycleOutcome outcome, String flag) {
		return outcome instanceof LifecycleOutcome.Unchanged ? "unchanged" : flag;
	}

	/**
	 * The 原创 checkbox is ticked when it posts any value (the form sends "yes"), as the
	 * editor always read it.
	 */
	@InitBinder("editorForm")
	void checkbox(WebDataBinder binder) {
		binder.registerCustomEditor(boolean.class, new PropertyEditorSupport() {
			@Override
			public void setAsText(String text) {
				setValue(text != null);
			}
		});
	}

	/*
	 * The editor's actions, one endpoint each: the editor's buttons post its one <form>
	 * to them with formaction. Without an id the action starts a new draft.
	 */

	@PostMapping({ "/studio/articles/save", "/studio/articles/{id}/save" })
	String save(@PathVariable(name = "id", required = false) Long id, @Valid EditorForm form, BindingResult binding,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		return act(id, "save", form, binding, "", request, response, model);
	}

	/**
	 * Renders the body as the article page will; saves a draft first, so what was
	 * previewed is never lost.
	 */
	@PostMapping({ "/studio/articles/preview", "/studio/articles/{id}/preview" })
	String preview(@PathVariable(name = "id", required = false) Long id, @Valid EditorForm form, BindingResult binding,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		return act(id, "preview", form, binding, "", request, response, model);
	}

	/** Publishes the draft, or holds it for a reviewer when the rules say so. */
	@PostMapping({ "/studio/articles/publish", "/studio/articles/{id}/publish" })
	String publish(@PathVariable(name = "id", required = false) Long id, @Valid EditorForm form, BindingResult binding,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		return act(id, "publish", form, binding, "", request, response, model);
	}

	/**
	 * Sends an article a reviewer asked to change back for review (what publish does,
	 * named as the creator sees it).
	 */
	@PostMapping("/studio/articles/{id}/submit")
	String resubmit(@PathVariable long id, @Valid EditorForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return act(id, "submit", form, binding, "", request, response, model);
	}

	/**
	 * Saves an edit of a published article; it is live at once (with its 更正说明, if any).
	 */
	@PostMapping("/studio/articles/{id}/update")
	String update(@PathVariable long id, @Valid EditorForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return act(id, "update", form, binding, "", request, response, model);
	}

	/**
	 * Saves the draft and schedules it for {@code publishAt}; a published article is
	 * refused before anything is saved.
	 */
	@PostMapping({ "/studio/articles/schedule", "/studio/articles/{id}/schedule" })
	String schedule(@PathVariable(name = "id", required = false) Long id, @Valid EditorForm form, BindingResult binding,
			@RequestParam(name = "publishAt", defaultValue = "") String publishAt, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return act(id, "schedule", form, binding, publishAt, request, response, model);
	}

	@PostMapping("/studio/articles/{id}/unschedule")
	String unschedule(@PathVariable long id) {
		Creator me = me();
		articles.ownedBy(id, me.id());
		LifecycleOutcome outcome = articles.schedule(id, me.id(), null);
		return "redirect:/studio/articles/" + id + "?" + done(outcome, "unscheduled");
	}

	@PostMapping("/studio/articles/{id}/unpublish")
	String unpublish(@PathVariable long id) {
		Creator me = me();
		articles.ownedBy(id, me.id());
		LifecycleOutcome outcome = articles.unpublish(id, me.id());
		return "redirect:/studio/articles/" + id + "?"
				+ done(outcome, outcome instanceof LifecycleOutcome.Unscheduled ? "unscheduled" : "unpublished");
	}

	/**
	 * The editor's form as it posted before each action had its own endpoint (and as a
	 * form posts without its button's formaction): {@code action} names the action, save
	 * when absent.
	 */
	@PostMapping({ "/studio/articles", "/studio/articles/{id}" })
	String submit(@PathVariable(name = "id", required = false) Long id,
			@RequestParam(name = "action", defaultValue = "save") String action, @Valid EditorForm form,
			BindingResult binding, @RequestParam(name = "publishAt", defaultValue = "") String publishAt,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (id != null) {
			articles.ownedBy(id, me().id()); // someone else's article: 404, whatever the
												// action
			switch (action) {
				case "delete" -> {
					return "redirect:/studio/articles/" + id + "/delete"; // asks first
				}
				case "unpublish" -> {
					return unpublish(id);
				}
				case "unschedule" -> {
					return unschedule(id);
				}
				default -> {
				}
			}
		}
		return act(id, action, form, binding, publishAt, request, response, model);
	}

	/**
	 * What every editor action shares: check the form, then save, preview, publish or
	 * schedule it.
	 */
	private String act(Long id, String action, EditorForm form, BindingResult binding, String publishAt,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Creator me = me();
		String status = id == null ? "draft" : articles.ownedBy(id, me.id()).status().dbValue();
		boolean published = "published".equals(status);
		// staff held, rejected or sent it back: publish and schedule submit it for review
		boolean resubmits = id != null && !published && articles.resubmits(id, me.id());
		String correction = form.correction();
		String cover = form.cover();
		String body = form.body();
		if (!ACTIONS.contains(action)) {
			response.setStatus(400);
			return editor(request, model, me, id, status, form, Map.of("action", "studio.error.action"), null);
		}
		Map<String, String> errors = new TreeMap<>(FormErrors.ofConstraints(binding));
		errors.putAll(validate(form));
		if (!cover.isBlank() && !media.ownsUrl(me.id(), cover.strip())) {
			errors.put("cover", "studio.error.cover");
		}
		Long scheduleAt = null;
		if ("schedule".equals(action) && !resubmits) {
			if (!"draft".equals(status)) {
				// a published (or held) article is updated, never scheduled: refuse
				// before anything is saved
				errors.put("publishAt", "studio.error.scheduleDraftOnly");
			}
			else {
				scheduleAt = parseSchedule(publishAt, clock.millis());
				if (scheduleAt == null) {
					errors.put("publishAt", "studio.error.publishAt");
				}
			}
		}
		if ("preview".equals(action)) {
			String preview = body.length() <= MAX_BODY ? articles.renderBody(body) : null;
			if (errors.isEmpty() && !published && !"pending".equals(status)) {
				// preview saves the draft, so what was previewed is never lost
				Long saved = save(id, me, form, correction, submissionKey(request));
				model.addAttribute("flash", "studio.done.previewSaved");
				return editor(request, model, me, saved, status, form, errors, preview);
			}
			return editor(request, model, me, id, status, form, errors, preview);
		}
		if (!errors.isEmpty()) {
			response.setStatus(400);
			return editor(request, model, me, id, status, form, errors, null);
		}
		if (published) {
			// 更新, whatever button a (stale) page posted: the edit passes the machine
			// review as a publish does; what it would hold waits for a reviewer
			LifecycleOutcome updated = articles.update(id, me.id(), DraftRules.toDraft(form, channels), correction);
			return "redirect:/studio/articles/" + id
					+ (updated.status() == ArticleStatus.PENDING ? "?updateHeld" : "?updated");
		}
		long articleId = save(id, me, form, correction, submissionKey(request));
		if (resubmits && ("publish".equals(action) || "submit".equals(action) || "schedule".equals(action))) {
			creators.recordLocation(me.id(), request.getRemoteAddr());
			return done(articles.publish(articleId, me.id())); // back to a reviewer
		}
		if ("publish".equals(action) || "submit".equals(action)) {
			creators.recordLocation(me.id(), request.getRemoteAddr());
			return done(articles.publish(articleId, me.id())); // published, or held for a
																// reviewer
		}
		if ("schedule".equals(action)) {
			return done(articles.schedule(articleId, me.id(), scheduleAt));
		}
		return "redirect:/studio/articles/" + articleId + "?saved";
	}

	/**
	 * Back to the editor with what the action did ({@code studio.done.<flag>}), told by
	 * the lifecycle's outcome.
	 */
	static String done(LifecycleOutcome outcome) {
		return "redirect:/studio/articles/" + outcome.articleId() + "?" + flash(outcome);
	}

	static String flash(LifecycleOutcome outcome) {
		if (outcome instanceof LifecycleOutcome.Scheduled) {
			return "scheduled";
		}
		if (outcome instanceof LifecycleOutcome.Unscheduled) {
			return "unscheduled";
		}
		if (outcome instanceof LifecycleOutcome.Resubmitted) {
			return "resubmitted";
		}
		return switch (outcome.status()) {
			case PUBLISHED -> "published";
			case PENDING -> "pending";
			default -> "saved";
		};
	}

	/**
	 * The new-article form's key, made when the form was rendered; null when missing or
	 * not one of ours.
	 */
	static String submissionKey(HttpServletRequest request) {
		String key = request.getParameter("submissionKey");
		return key != null && SUBMISSION_KEY.matcher(key).matches() ? key : null;
	}

	private static final Pattern SUBMISSION_KEY = Pattern.compile("[A-Za-z0-9_-]{16,64}");

	/**
	 * Creates the draft (no id; at most one per submission key) or saves the edit;
	 * returns the article's id.
	 */
	private long save(Long id, Creator me, EditorForm form, String correction, String submissionKey) {
		Draft draft = DraftRules.toDraft(form, channels);
		if (id == null) {
			long wait = limits.tryAcquire(DraftRules.newDraftBucket(me.id()), NEW_DRAFTS_PER_HOUR, Duration.ofHours(1));
			if (wait > 0) {
				throw new TooManyRequestsException(wait);
			}
			return articles.createDraft(me.id(), draft, submissionKey);
		}
		articles.update(id, me.id(), draft, correction);
		return id;
	}

	/**
	 * The article's versions; {@code ?rev=} compares one with the version before it, side
	 * by side.
	 */
	@GetMapping("/studio/articles/{id}/revisions")
	String revisions(@PathVariable long id, @RequestParam(name = "rev", required = false) Long rev, Model model) {
		Creator me = me();
		Article article = articles.ownedBy(id, me.id());
		List<Revision> all = articles.revisions(id, me.id());
		Revision shown = null;
		List<StudioPages.DiffLine> diff = List.of();
		if (rev != null) {
			int index = -1;
			for (int i = 0; i < all.size(); i++) {
				if (all.get(i).id() == rev) {
					index = i;
				}
			}
			if (index < 0) {
				throw new NotFoundException("no revision " + rev);
			}
			shown = all.get(index);
			Revision before = index == 0 ? null : all.get(index - 1);
			diff = RevisionDiff.sideBySide(before == null ? "" : before.title() + "\n\n" + before.bodyMarkdown(),
					shown.title() + "\n\n" + shown.bodyMarkdown());
		}
		model.addAttribute("page", new StudioPages.Revisions(id, article.title(), all, shown, diff));
		return "studio/revisions";
	}

	Map<String, String> validate(EditorForm form) {
		return DraftRules.validate(form, channels);
	}

	/**
	 * A {@code datetime-local} value in platform time, from one minute to one year after
	 * {@code now}; null otherwise.
	 */
	static Long parseSchedule(String value, long now) {
		try {
			long at = LocalDateTime.parse(value).atZone(PlatformDays.zone()).toInstant().toEpochMilli();
			return DraftRules.schedulable(at, now) ? at : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private String editor(HttpServletRequest request, Model model, Creator me, Long id, String status, EditorForm form,
			Map<String, String> errors, String preview) {
		return editor(request, model, me, id, status, form, errors, preview,
				id == null ? null : articles.scheduledAt(id));
	}

	private String editor(HttpServletRequest request, Model model, Creator me, Long id, String status, EditorForm form,
			Map<String, String> errors, String preview, Long scheduledAt) {
		List<Channel> all = channels.all();
		String state = "draft";
		String note = null;
		List<String> findings = List.of();
		if (id != null) {
			StudioRow row = new StudioRow(id, form.title(), ArticleStatus.fromDb(status), 0, 0, scheduledAt, null);
			StudioPages.Stats s = withStates(List.of(new StudioPages.Stats(row, 0, 0, 0, 0))).get(0);
			state = s.state();
			note = s.note();
			findings = s.findings();
		}
		Object flash = model.getAttribute("flash");
		long updatedAt = id == null ? 0 : articles.find(id).map(Article::updatedAt).orElse(0L);
		// a new article's form carries one key for all its submits (made here, kept
		// when the form comes back with errors)
		String key = id != null ? null
				: Optional.ofNullable(submissionKey(request)).orElseGet(() -> UUID.randomUUID().toString());
		boolean resubmit = id != null && ("draft".equals(status) || "rejected".equals(status))
				&& articles.resubmits(id, me.id());
		model.addAttribute("page",
				new StudioPages.Editor(me, id, status, all, form, errors, preview, scheduledAt, state, note, findings,
						flash == null ? null : flash.toString(), media.library(me.id()), updatedAt, resubmit, key));
		return "studio/editor";
	}

}
