package io.inkstone.articles;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.inkstone.articles.ArticleLifecycle.Action;
import io.inkstone.articles.ArticleLifecycle.Step;
import io.inkstone.shared.AfterCommit;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.MarkdownRenderer;
import io.inkstone.shared.Cursor;
import io.inkstone.shared.GoneException;
import io.inkstone.shared.Ids;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.Slice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;

/** The article API: reads for pages and other modules, imports, takedowns. */
@Service
public class Articles {

	private static final Logger log = LoggerFactory.getLogger(Articles.class);

	private final ArticleRepository repository;

	private final ApplicationEventPublisher events;

	/**
	 * Published summaries by id: hot lists and related lists ask for the same few hundred
	 * all the time.
	 */
	private final Cache<Long, ArticleSummary> summaries = Caffeine.newBuilder().maximumSize(20_000).build();

	/**
	 * Whole articles for the article page; dropped on every change (this node's or seen
	 * in the feed).
	 */
	private final Cache<Long, Article> byId = Caffeine.newBuilder().maximumSize(5_000).build();

	/**
	 * Correction notes per article (the article page shows them; most articles have
	 * none).
	 */
	private final Cache<Long, List<Correction>> correctionsById = Caffeine.newBuilder().maximumSize(20_000).build();

	/**
	 * Public-article counts per creator (the creator card's true count, cached until a
	 * change).
	 */
	private final Cache<Long, Long> countsByCreator = Caffeine.newBuilder().maximumSize(50_000).build();

	/** The newest few public articles per creator (往期回顾). */
	private final Cache<Long, List<ArticleSummary>> recentByCreator = Caffeine.newBuilder().maximumSize(20_000).build();

	private final Cache<Long, Boolean> channelsWithContent = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(30))
		.build();

	/**
	 * Whether a creator may publish now (implemented by governance: restrictions,
	 * review).
	 */
	private final ObjectProvider<PublishingGate> gate;

	/** The media library's images, for bodies (implemented by media). */
	private final ObjectProvider<OwnImages> images;

	private final Clock clock;

	Articles(ArticleRepository repository, ApplicationEventPublisher events, ObjectProvider<PublishingGate> gate,
			ObjectProvider<OwnImages> images, Clock clock) {
		this.clock = clock;
		this.images = images;
		this.gate = gate;
		this.repository = repository;
		this.events = events;
	}

	/**
	 * Markdown → the sanitized HTML readers get (the editor preview uses this too):
	 * images from the site's media library get their renditions ({@code srcset}), sizes
	 * and lazy loading.
	 */
	public String renderBody(String markdown) {
		OwnImages library = images.getIfAvailable();
		if (library == null) {
			return MarkdownRenderer.toSafeHtml(markdown);
		}
		return MarkdownRenderer.toSafeHtml(markdown, library::byUrl);
	}

	/**
	 * The article if it is public; 410 if taken down; 404 if it never existed or is not
	 * public.
	 */
	public Article getPublished(long id) {
		Article article = byId.get(id, key -> repository.findById(key).orElse(null));
		if (article == null) {
			throw new NotFoundException("problem.articles.noSuchArticle");
		}
		return switch (article.articleStatus()) {
			case PUBLISHED -> article;
			case REMOVED -> throw new GoneException(article.title(), article.removalReason());
			case DELETED -> throw new GoneException(article.title(), "problem.articles.deletedByItsAuthor");
			default -> throw new NotFoundException("problem.articles.noSuchArticle");
		};
	}

	/**
	 * Published summaries for the ids, in the order given; unknown or non-public ids are
	 * dropped.
	 */
	public List<ArticleSummary> summaries(Collection<Long> ids) {
		Map<Long, ArticleSummary> found = new HashMap<>(summaries.getAllPresent(ids));
		Set<Long> missing = ids.stream().filter(id -> !found.containsKey(id)).collect(Collectors.toSet());
		if (!missing.isEmpty()) {
			for (ArticleSummary s : repository.findPublishedSummaries(missing)) {
				summaries.put(s.id(), s);
				found.put(s.id(), s);
			}
		}
		Map<Long, ArticleSummary> ordered = new LinkedHashMap<>();
		for (Long id : ids) {
			ArticleSummary s = found.get(id);
			if (s != null) {
				ordered.putIfAbsent(id, s);
			}
		}
		return List.copyOf(ordered.values());
	}

	public Slice<ArticleSummary> latest(Cursor after, int size) {
		return slice(repository.latest(after, size + 1), size);
	}

	public Slice<ArticleSummary> latestInChannel(long channelId, Cursor after, int size) {
		return slice(repository.latestInChannel(channelId, after, size + 1), size);
	}

	public List<ArticleSummary> latestOriginalInChannel(long channelId, int size) {
		return repository.latestOriginalInChannel(channelId, size);
	}

	public Slice<ArticleSummary> latestByCreator(long creatorId, Cursor after, int size) {
		return slice(repository.latestByCreator(creatorId, after, size + 1), size);
	}

	/**
	 * The creator's public articles by heat (reads plus shares), most first; the next
	 * cursor carries {@code <heat>-<id>} of the last row, so it is only valid for this
	 * order.
	 */
	public Slice<ArticleSummary> hottestByCreator(long creatorId, Cursor after, int size) {
		List<ArticleRepository.HeatRow> rows = repository.hottestByCreator(creatorId, after, size + 1);
		List<ArticleSummary> page = rows.stream().limit(size).map(ArticleRepository.HeatRow::summary).toList();
		if (rows.size() <= size || size == 0) {
			return new Slice<>(page, null);
		}
		ArticleRepository.HeatRow last = rows.get(size - 1);
		return new Slice<>(page, new Cursor(last.heat(), last.summary().id()));
	}

	/** New articles from these creators (the 关注 feed), newest first, keyset pages. */
	public Slice<ArticleSummary> latestByCreators(Collection<Long> creatorIds, Cursor after, int size) {
		return slice(repository.latestByCreators(creatorIds, after, size + 1), size);
	}

	/**
	 * Public articles carrying {@code tag} (exactly, after trimming), newest first,
	 * keyset pages. Tags live in the article row, so this reads the newest candidates
	 * whose tag text contains the tag and keeps the exact matches, a few batches at a
	 * time: cheap for common tags, a scan of the published index for rare ones.
	 */
	public Slice<ArticleSummary> latestWithTag(String tag, Cursor after, int size) {
		String wanted = tag.strip();
		List<ArticleSummary> found = new ArrayList<>();
		Cursor cursor = after;
		int batch = Math.max(50, (size + 1) * 4);
		while (found.size() <= size) {
			List<ArticleRepository.TaggedRow> rows = repository.taggedCandidates(wanted, cursor, batch);
			for (ArticleRepository.TaggedRow row : rows) {
				if (found.size() <= size && hasTag(row.tags(), wanted)) {
					found.add(row.toSummary());
				}
			}
			if (rows.size() < batch) {
				break;
			}
			ArticleRepository.TaggedRow last = rows.get(rows.size() - 1);
			cursor = new Cursor(last.publishedAt(), last.id());
		}
		return slice(found, size);
	}

	static boolean hasTag(String tags, String tag) {
		if (tags == null || tag.isEmpty()) {
			return false;
		}
		for (String t : tags.split(",")) {
			if (t.strip().equals(tag)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Public articles per calendar month (UTC), oldest month first: how many, and the
	 * latest content change.
	 */
	public SortedMap<YearMonth, MonthStats> publishedPerMonth() {
		TreeMap<YearMonth, MonthStats> months = new TreeMap<>();
		for (long[] row : repository.publishedTimes()) {
			months.merge(YearMonth.from(Instant.ofEpochMilli(row[0]).atZone(ZoneOffset.UTC)),
					new MonthStats(1, Math.max(row[0], row[1])),
					(a, b) -> new MonthStats(a.count() + b.count(), Math.max(a.lastModified(), b.lastModified())));
		}
		return months;
	}

	/**
	 * A month of public articles: how many, and the newest content change among them
	 * (epoch millis).
	 */
	public record MonthStats(int count, long lastModified) {
	}

	/**
	 * Public articles published in the month (UTC), oldest first, {@code limit} from
	 * {@code offset}.
	 */
	public List<SitemapEntry> sitemapEntries(YearMonth month, int offset, int limit) {
		long from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
		long to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
		return repository.sitemapEntries(from, to, offset, limit);
	}

	/**
	 * Creator id → newest publication time, for every creator with public articles (the
	 * creator sitemap).
	 */
	public Map<Long, Long> newestPublishedByCreator() {
		return repository.newestPublishedBy("creator_id");
	}

	/**
	 * Channel id → newest publication time, for every channel with public articles (the
	 * channel sitemap).
	 */
	public Map<Long, Long> newestPublishedByChannel() {
		return repository.newestPublishedBy("channel_id");
	}

	/**
	 * Public articles published at or after {@code since} (epoch millis), newest first,
	 * at most {@code limit}.
	 */
	public List<ArticleSummary> publishedSince(long since, int limit) {
		return repository.publishedSince(since, limit);
	}

	/**
	 * The last time an article not public now changed (epoch millis, 0 if none), in one
	 * channel, of one creator, or site-wide when both are null: an unpublish, takedown or
	 * delete changes a feed's content without leaving a public article to date it.
	 */
	public long lastNonPublicChange(Long channelId, Long creatorId) {
		return repository.lastNonPublicChange(channelId, creatorId);
	}

	/** The true count of a creator's public articles. */
	public long countByCreator(long creatorId) {
		return countsByCreator.get(creatorId, repository::countPublishedByCreator);
	}

	/** The creator's newest public articles, at most {@code size} (size ≤ 10). */
	public List<ArticleSummary> recentByCreator(long creatorId, int size) {
		List<ArticleSummary> recent = recentByCreator.get(creatorId,
				id -> List.copyOf(repository.latestByCreator(id, Cursor.START, 10)));
		return recent.size() > size ? recent.subList(0, size) : recent;
	}

	/**
	 * Titles of public articles in id order after {@code afterId} (for the search
	 * suggestions), at most {@code limit}.
	 */
	public List<TitleRow> publishedTitles(long afterId, int limit) {
		return repository.publishedTitles(afterId, limit);
	}

	public record TitleRow(long id, String title) {
	}

	public long countPublished() {
		return repository.countPublished();
	}

	/** Which of the given channels have at least one public article (cached briefly). */
	public Set<Long> channelsWithContent(Collection<Long> channelIds) {
		Set<Long> result = new HashSet<>();
		for (Long channelId : channelIds) {
			if (channelsWithContent.get(channelId, repository::hasPublishedInChannel)) {
				result.add(channelId);
			}
		}
		return result;
	}

	/**
	 * The durable change feed: articles changed after {@code seq}, oldest change first.
	 */
	public List<ChangedArticle> changedSince(long seq, int limit) {
		return repository.changedSince(seq, limit);
	}

	/** Keys of the change feed after {@code seq}: cheap to re-read for late commits. */
	public List<ChangeKey> changeKeysSince(long seq, int limit) {
		return repository.changeKeysSince(seq, limit);
	}

	/** The current state of these articles, for the change feed. */
	public List<ChangedArticle> changed(Collection<Long> ids) {
		return repository.changedByIds(ids);
	}

	public long countChangedSince(long seq) {
		return repository.countChangedSince(seq);
	}

	/**
	 * Stores a batch of validated articles in one transaction (all or nothing). Returns
	 * the ids of the articles stored; duplicates (known import keys) are skipped.
	 */
	@Transactional
	public Map<NewArticle, Long> importBatch(List<NewArticle> batch) {
		Map<NewArticle, Long> stored = new LinkedHashMap<>();
		long now = clock.millis();
		// rendering (Markdown → sanitized HTML, summary) is ~40% of an import and
		// independent per article: spread it
		// over the cores; the inserts stay on this thread, in this transaction
		List<String[]> rendered = batch.parallelStream().map(article -> {
			String html = article.bodyMarkdown().contains("/media/") ? null
					: MarkdownRenderer.toSafeHtml(article.bodyMarkdown());
			return new String[] { html, html == null ? null : summaryOf(html) };
		}).toList();
		// bodies with the site's own images look their renditions up: on this thread, in
		// this transaction
		for (int i = 0; i < batch.size(); i++) {
			if (rendered.get(i)[0] == null) {
				rendered.get(i)[0] = renderBody(batch.get(i).bodyMarkdown());
				rendered.get(i)[1] = summaryOf(rendered.get(i)[0]);
			}
		}
		for (int i = 0; i < batch.size(); i++) {
			NewArticle article = batch.get(i);
			String html = rendered.get(i)[0];
			String summary = rendered.get(i)[1];
			long id = Ids.next();
			if (repository.insert(id, article, html, summary, now)) {
				stored.put(article, id);
				events.publishEvent(new ArticleChanged(id, article.creatorId(), article.channelId()));
			}
		}
		return stored;
	}

	/**
	 * Stores one imported article unless its import key is known. Returns its id, or
	 * empty for a duplicate. Runs in the caller's transaction, so an importer can store
	 * an article and what belongs to it all or nothing.
	 */
	@Transactional
	public Optional<Long> importArticle(ImportedArticle article) {
		String html = renderBody(article.bodyMarkdown());
		String summary = article.summary() != null && !article.summary().isBlank()
				? MarkdownRenderer.summarize(article.summary(), 120) : summaryOf(html);
		long id = Ids.next();
		if (!repository.insertImported(id, article, html, summary)) {
			return Optional.empty();
		}
		events.publishEvent(new ArticleChanged(id, article.creatorId(), article.channelId()));
		return Optional.of(id);
	}

	/** The id of the article imported under {@code importKey}, if any. */
	public Optional<Long> idOfImport(String importKey) {
		return repository.idOfImport(importKey);
	}

	/**
	 * The creator's own articles, every status but removed, most recently changed first.
	 */
	public List<StudioRow> ofCreator(long creatorId) {
		return repository.byCreator(creatorId);
	}

	/**
	 * The studio's list: every article of the creator, those taken down by the platform
	 * included, and those the creator deleted within the last 30 days (回收站), most
	 * recently changed first.
	 */
	public List<StudioRow> studioList(long creatorId) {
		return repository.studioList(creatorId, clock.millis() - Duration.ofDays(StudioRow.TRASH_DAYS).toMillis());
	}

	/**
	 * The creator takes back an article they deleted within 30 days: it returns as a
	 * draft. 404 otherwise.
	 */
	@Transactional
	public LifecycleOutcome restoreOwn(long id, long creatorId) {
		long since = clock.millis() - Duration.ofDays(StudioRow.TRASH_DAYS).toMillis();
		return settle(() -> {
			Article article = own(id, creatorId);
			if (article.status() == ArticleStatus.DELETED && article.updatedAt() < since) {
				throw new NotFoundException(ArticleLifecycle.NOT_FOUND); // emptied from
																			// the 回收站
			}
			return apply(article, Action.RESTORE_OWN, null, null, null, List.of());
		});
	}

	/** True when {@code creatorId} wrote the article and it is in their 回收站. */
	public boolean inTrashOf(long id, long creatorId) {
		return repository.findById(id)
			.filter(a -> a.creatorId() == creatorId && a.articleStatus() == ArticleStatus.DELETED)
			.isPresent();
	}

	/**
	 * The article if {@code creatorId} wrote it (not removed or deleted); 404 otherwise,
	 * never a hint.
	 */
	public Article ownedBy(long id, long creatorId) {
		return repository.findById(id)
			.filter(a -> a.creatorId() == creatorId && a.articleStatus() != ArticleStatus.REMOVED
					&& a.articleStatus() != ArticleStatus.DELETED)
			.orElseThrow(() -> new NotFoundException("no such article"));
	}

	@Transactional
	public long createDraft(long creatorId, Draft draft) {
		return createDraft(creatorId, draft, null);
	}

	/**
	 * Creates a draft, at most one per creator and {@code submissionKey} (the studio's
	 * new-article form carries one): a second submit with the key (a double-click,
	 * preview → Back → 发布) saves into the article the first one made and returns its id.
	 * The unique index decides a race, on SQLite and PostgreSQL alike.
	 */
	@Transactional
	public long createDraft(long creatorId, Draft draft, String submissionKey) {
		long id = Ids.next();
		String html = renderBody(draft.bodyMarkdown());
		if (!repository.insertDraft(id, creatorId, draft, html, summaryOf(html), clock.millis(), submissionKey)) {
			long first = repository.idOfSubmission(creatorId, submissionKey).orElseThrow();
			update(first, creatorId, draft);
			return first;
		}
		events.publishEvent(new ArticleChanged(id, creatorId, draft.channelId()));
		return id;
	}

	@Transactional
	public LifecycleOutcome update(long id, long creatorId, Draft draft) {
		return update(id, creatorId, draft, null);
	}

	/**
	 * Saves an edit. Edits of a published article keep its history: the version before
	 * the first such edit and every new version, with an optional public correction note
	 * shown on the article page. An edit of a published article passes the machine review
	 * as a publish does: when the review would hold it, the article leaves the public and
	 * waits for a reviewer ({@link LifecycleOutcome.HeldForReview}), in the transaction
	 * that saved the edit, so readers never see the held text. Otherwise
	 * {@link LifecycleOutcome.Unchanged} with the article's status.
	 */
	@Transactional
	public LifecycleOutcome update(long id, long creatorId, Draft draft, String correctionNote) {
		Article article = ownedBy(id, creatorId);
		// the editor and the API send the stored summary back when the creator leaves it
		// alone: one that is just what
		// the old body gave was derived, not typed, and is derived again from the new
		// body (no stale public text)
		if (draft.summary() != null && (draft.summary().strip().equals(summaryOf(article.bodyHtml()).strip())
				|| draft.summary().strip().equals(MarkdownRenderer.legacySummary(article.bodyMarkdown()).strip()))) {
			draft = new Draft(draft.title(), draft.bodyMarkdown(), draft.channelId(), draft.tags(), draft.original(),
					draft.aigc(), draft.source(), null, draft.coverImage());
		}
		long now = clock.millis();
		if (article.articleStatus() == ArticleStatus.PUBLISHED) {
			boolean changed = !article.title().equals(draft.title())
					|| !article.bodyMarkdown().equals(draft.bodyMarkdown());
			String note = correctionNote == null || correctionNote.isBlank() ? null : correctionNote.strip();
			if (changed || note != null) {
				if (repository.revisions(id).isEmpty()) {
					repository.insertRevision(id, article.title(), article.bodyMarkdown(), null, article.updatedAt());
				}
				repository.insertRevision(id, draft.title(), draft.bodyMarkdown(), note, now);
			}
		}
		String html = renderBody(draft.bodyMarkdown());
		repository.updateContent(id, draft, html, summaryOf(html), now);
		LifecycleOutcome outcome = new LifecycleOutcome.Unchanged(id, article.status());
		if (article.articleStatus() == ArticleStatus.PUBLISHED) {
			// an edit of a live article passes the machine checks again, as a publish
			// does: what they find is recorded for staff (机审记录); what would be held
			// leaves the public until a reviewer approves it
			Article edited = repository.findById(id).orElseThrow();
			Map<PublishingGate, ReviewDecision> reviews = new LinkedHashMap<>();
			gate.orderedStream().forEach(g -> reviews.put(g, g.review(edited)));
			if (reviews.values().stream().anyMatch(ReviewDecision::hold)) {
				List<String> findings = reviews.values().stream().flatMap(d -> d.kinds().stream()).toList();
				outcome = apply(edited, Action.HOLD_UPDATE, null, null, null, findings).orElse(outcome);
			}
			reviews.forEach((g, decision) -> g.recordReview(edited, decision));
		}
		events.publishEvent(new ArticleChanged(id, creatorId, article.channelId()));
		if (article.channelId() != draft.channelId()) {
			events.publishEvent(new ArticleChanged(id, creatorId, draft.channelId()));
		}
		return outcome;
	}

	/**
	 * Whether the creator's publish or schedule of this article submits it for review
	 * again (staff held, rejected or sent it back), so the editor offers 重新提交审核.
	 */
	public boolean resubmits(long id, long creatorId) {
		Article article = ownedBy(id, creatorId);
		return ArticleLifecycle.creatorAction(article.status(), repository.reviewRequired(id),
				Action.PUBLISH) == Action.RESUBMIT;
	}

	/**
	 * The creator publishes now: the gates may refuse (403); the machine review decides
	 * whether the article goes public or waits for a reviewer, and its findings are
	 * stored only if the article moved. A schedule is dropped.
	 */
	@Transactional
	public LifecycleOutcome publish(long id, long creatorId) {
		return settle(() -> {
			Article article = own(id, creatorId);
			Action action = ArticleLifecycle.creatorAction(article.status(), repository.reviewRequired(id),
					Action.PUBLISH);
			boolean stays = refuseOrStay(article, action); // 404 first,
			checkMayPublish(creatorId); // then 403, even when there is nothing to do
			return stays ? Optional.of(new LifecycleOutcome.Unchanged(id, article.status()))
					: publishReviewed(article, action, null);
		});
	}

	/**
	 * Staff hold a live article for a reviewer (the machine findings page); already
	 * waiting: no change; 404 unless it is live or waiting.
	 */
	@Transactional
	public LifecycleOutcome holdForReview(long id) {
		return transition(id, Action.STAFF_HOLD);
	}

	/** A reviewer lets a pending article go public; 404 unless it is pending. */
	@Transactional
	public LifecycleOutcome approvePending(long id) {
		return transition(id, Action.APPROVE);
	}

	/**
	 * A reviewer refuses a pending article ({@code final}: rejected) or sends it back to
	 * the creator as a draft.
	 */
	@Transactional
	public LifecycleOutcome refusePending(long id, boolean rejectForGood) {
		return transition(id, rejectForGood ? Action.REJECT : Action.SEND_BACK);
	}

	/** A rejection was reversed on appeal: the article goes public. */
	@Transactional
	public LifecycleOutcome publishRejected(long id) {
		return transition(id, Action.REVERSE_REJECTION);
	}

	/** Articles waiting for a reviewer, oldest first. */
	public List<Long> pending(int limit) {
		return repository.pendingIds(limit);
	}

	/**
	 * Takes the creator's article back from the public; a draft waiting for its scheduled
	 * time is taken back by clearing the schedule (it would otherwise still go live).
	 */
	@Transactional
	public LifecycleOutcome unpublish(long id, long creatorId) {
		if (repository.publishAt(id) != null) {
			return schedule(id, creatorId, null);
		}
		return creatorTransition(id, creatorId, Action.UNPUBLISH);
	}

	/**
	 * Schedules a draft for publication at {@code at} (epoch millis), or clears the
	 * schedule (null). Only drafts are scheduled (400 otherwise); clearing what has no
	 * schedule changes nothing (the 发布 button on a published article is an update, not an
	 * error).
	 */
	@Transactional
	public LifecycleOutcome schedule(long id, long creatorId, Long at) {
		Action action = at == null ? Action.UNSCHEDULE : Action.SCHEDULE;
		return settle(() -> {
			Article article = own(id, creatorId);
			Action really = ArticleLifecycle.creatorAction(article.status(), repository.reviewRequired(id), action);
			if (refuseOrStay(article, really) || at == null && repository.publishAt(id) == null) {
				// nothing to clear is not a cleared schedule
				return Optional.of(new LifecycleOutcome.Unchanged(id, article.status()));
			}
			if (at != null) {
				checkMayPublish(creatorId);
			}
			if (really == Action.RESUBMIT) {
				// what staff held, rejected or sent back is never scheduled: it goes to a
				// reviewer now
				return publishReviewed(article, really, null);
			}
			return apply(article, really, at, null, null, List.of());
		});
	}

	public Long scheduledAt(long id) {
		return repository.publishAt(id);
	}

	/**
	 * Publishes every draft whose time has come (or holds it for a reviewer, as
	 * publishing now would); returns how many this call published. A draft changed
	 * meanwhile (published, unscheduled, deleted) is skipped.
	 */
	@Transactional
	public int publishDue(long now) {
		int published = 0;
		for (Long id : repository.dueForPublication(now)) {
			Optional<Article> due = repository.findById(id);
			if (due.isEmpty()) {
				continue;
			}
			// a schedule on an article staff marked (set before the mark was honoured)
			// submits it for review, never publishes it
			Action action = ArticleLifecycle.creatorAction(due.get().status(), repository.reviewRequired(id),
					Action.PUBLISH_DUE);
			if (!refuseOrStay(due.get(), action)
					&& publishReviewed(due.get(), action, now).orElse(null) instanceof LifecycleOutcome.Published) {
				published++;
			}
		}
		return published;
	}

	/**
	 * The creator deletes their article: it leaves the site and the studio; an admin can
	 * restore it.
	 */
	@Transactional
	public LifecycleOutcome delete(long id, long creatorId) {
		return creatorTransition(id, creatorId, Action.DELETE);
	}

	/** Deleted articles, newest deletion first (for the admin's restore list). */
	public List<StudioRow> deleted() {
		return repository.deleted(200);
	}

	/** An admin restores a deleted article as a draft of its creator. */
	@Transactional
	public LifecycleOutcome restore(long id) {
		return transition(id, Action.RESTORE);
	}

	// --- the one path every status change takes ---

	/**
	 * Reads the article (any status), asks the lifecycle, and makes the move; 404 for a
	 * missing article.
	 */
	private LifecycleOutcome transition(long id, Action action) {
		return settle(() -> apply(any(id), action, null, null, null, List.of()));
	}

	/** The same for the creator's own article; someone else's answers 404. */
	private LifecycleOutcome creatorTransition(long id, long creatorId, Action action) {
		return settle(() -> apply(own(id, creatorId), action, null, null, null, List.of()));
	}

	private Article any(long id) {
		return repository.findById(id).orElseThrow(() -> new NotFoundException(ArticleLifecycle.NOT_FOUND));
	}

	/**
	 * The creator's article in any status (the lifecycle refuses what they may not
	 * touch).
	 */
	private Article own(long id, long creatorId) {
		return repository.findById(id)
			.filter(a -> a.creatorId() == creatorId)
			.orElseThrow(() -> new NotFoundException(ArticleLifecycle.NOT_FOUND));
	}

	private void checkMayPublish(long creatorId) {
		gate.orderedStream().forEach(g -> g.checkMayPublish(creatorId));
	}

	/**
	 * True when the table says stay; throws when it says refuse; false when it says move.
	 */
	private static boolean refuseOrStay(Article article, Action action) {
		Step step = ArticleLifecycle.step(article.status(), action);
		if (step instanceof Step.Refuse refused) {
			throw refused.notFound() ? new NotFoundException(refused.messageKey())
					: new BadRequestException(refused.messageKey());
		}
		return step instanceof Step.Stay;
	}

	/**
	 * Publishes {@code article} ({@code action}: now or on schedule) unless the machine
	 * review holds it; the gates' decisions are stored only when the move happened. Empty
	 * when the article changed meanwhile.
	 */
	private Optional<LifecycleOutcome> publishReviewed(Article article, Action action, Long dueBy) {
		Map<PublishingGate, ReviewDecision> reviews = new LinkedHashMap<>();
		gate.orderedStream().forEach(g -> reviews.put(g, g.review(article)));
		boolean hold = reviews.values().stream().anyMatch(ReviewDecision::hold);
		List<String> findings = reviews.values().stream().flatMap(d -> d.kinds().stream()).toList();
		// a resubmission waits for a reviewer anyway: it stays one, whatever was found
		Action move = hold && action != Action.RESUBMIT ? Action.HOLD_FOR_REVIEW : action;
		Optional<LifecycleOutcome> outcome = apply(article, move, null, null, dueBy, findings);
		if (outcome.isPresent()) {
			reviews.forEach((g, decision) -> g.recordReview(article, decision));
		}
		return outcome;
	}

	/**
	 * Makes the move the lifecycle table gives for {@code action} as one guarded UPDATE
	 * and announces it. Refusals throw; "stay" answers
	 * {@link LifecycleOutcome.Unchanged}; empty when the article changed since it was
	 * read.
	 */
	private Optional<LifecycleOutcome> apply(Article article, Action action, Long at, String reason, Long dueBy,
			List<String> findings) {
		if (refuseOrStay(article, action)) {
			return Optional.of(new LifecycleOutcome.Unchanged(article.id(), article.status()));
		}
		ArticleLifecycle.Transition move = ArticleLifecycle.transition(article, action, at, reason, dueBy, findings)
			.orElseThrow();
		if (!repository.move(move, dueBy != null ? dueBy : clock.millis())) {
			return Optional.empty();
		}
		move.event().ifPresent(events::publishEvent);
		return Optional.of(move.outcome());
	}

	/**
	 * Runs a read-decide-move attempt until it settles: an attempt that lost to a
	 * concurrent move (empty) reads the article again and decides on what is there now,
	 * as if it had come second.
	 */
	private static LifecycleOutcome settle(Supplier<Optional<LifecycleOutcome>> attempt) {
		for (int i = 0; i < 5; i++) {
			Optional<LifecycleOutcome> outcome = attempt.get();
			if (outcome.isPresent()) {
				return outcome.get();
			}
		}
		throw new IllegalStateException("the article kept changing under a lifecycle action");
	}

	/** The creator's own article's versions, oldest first. */
	public List<Revision> revisions(long id, long creatorId) {
		ownedBy(id, creatorId);
		return repository.revisions(id);
	}

	/** Public correction notes of an article, oldest first. */
	public List<Correction> corrections(long id) {
		return correctionsById.get(id, repository::corrections);
	}

	/**
	 * The automatic summary: the start of the body's text as readers see it (links as
	 * their text; no code blocks, images, footnote markers or task boxes), from the
	 * rendered body.
	 */
	static String summaryOf(String bodyHtml) {
		return MarkdownRenderer.summaryFromHtml(bodyHtml);
	}

	/** How many articles (any status) a channel holds. */
	public long countInChannel(long channelId) {
		return repository.inChannel(channelId).size();
	}

	/**
	 * Moves every article of a channel (drafts, the trash and taken-down ones too) to
	 * another, when an admin merges the channels: each is a change of its own, so caches,
	 * the page store and the indexes that follow the change feed take it. Returns how
	 * many moved.
	 */
	@Transactional
	public int moveChannel(long fromChannelId, long toChannelId) {
		long now = clock.millis();
		List<long[]> moving = repository.inChannel(fromChannelId);
		for (long[] article : moving) {
			repository.moveChannel(article[0], toChannelId, now);
			events.publishEvent(new ArticleChanged(article[0], article[1], fromChannelId));
			events.publishEvent(new ArticleChanged(article[0], article[1], toChannelId));
		}
		return moving.size();
	}

	/**
	 * Takes an article down (any status); its page then answers 410 with the reason.
	 * Taken down already: no change.
	 */
	@Transactional
	public LifecycleOutcome takeDown(long id, String reason) {
		return settle(() -> apply(any(id), Action.TAKE_DOWN, null, reason, null, List.of()));
	}

	/**
	 * Puts the platform's label on a live article (a moderation decision's "label"
	 * action), or clears it with {@code null} (its appeal was reversed). 404 for an
	 * article that does not exist.
	 */
	@Transactional
	public void label(long id, String label) {
		Article article = any(id);
		if (!repository.label(id, label, clock.millis())) {
			throw new NotFoundException("no article " + id);
		}
		events.publishEvent(new ArticleChanged(id, article.creatorId(), article.channelId()));
	}

	/**
	 * Puts an article that was taken down back online (an appeal was upheld); 404 unless
	 * it was taken down.
	 */
	@Transactional
	public LifecycleOutcome reinstate(long id) {
		return transition(id, Action.REINSTATE);
	}

	/**
	 * The articles to export (every status but deleted and removed), in id order after
	 * {@code afterId}, at most {@code limit}; only one creator's when {@code creatorId}
	 * is not null.
	 */
	public List<Article> forExport(Long creatorId, long afterId, int limit) {
		return repository.forExport(creatorId, afterId, limit);
	}

	/**
	 * Any article by id whatever its status (moderation needs to see what was reported).
	 */
	public Optional<Article> find(long id) {
		return repository.findById(id);
	}

	/**
	 * This node's change, once it commits: the caches drop the article, then everyone
	 * else hears of it once as {@link ArticleChangeCommitted}. Evicting before the commit
	 * would let a concurrent read cache the old row again. A plain listener that defers
	 * itself, not a transactional one: Spring Modulith would record every call in its
	 * event publication registry (a write per change for an in-memory action; under
	 * SQLite it deadlocked an import). Other nodes' and processes' changes arrive through
	 * {@link ChangesElsewhere}.
	 */
	@EventListener
	void on(ArticleChanged changed) {
		ArticleChangeCommitted committed = new ArticleChangeCommitted(changed.id(), changed.creatorId(),
				changed.channelId());
		AfterCommit.run(() -> committed(committed));
	}

	private void committed(ArticleChangeCommitted committed) {
		evict(committed);
		try {
			events.publishEvent(committed);
		}
		catch (RuntimeException ex) {
			// the change is committed: a cache that failed to drop it must not turn the
			// caller's success into an error
			log.warn("A listener of article {} failed after commit: {}", committed.id(), ex.toString());
		}
	}

	void evict(ArticleChangeCommitted changed) {
		summaries.invalidate(changed.id());
		byId.invalidate(changed.id());
		correctionsById.invalidate(changed.id());
		countsByCreator.invalidate(changed.creatorId());
		recentByCreator.invalidate(changed.creatorId());
		channelsWithContent.invalidate(changed.channelId());
	}

	private static <T> Slice<T> slice(List<T> rows, int size) {
		if (rows.size() <= size || size == 0) {
			return new Slice<>(rows.subList(0, Math.min(size, rows.size())), null);
		}
		List<T> page = rows.subList(0, size);
		T last = page.get(size - 1);
		Cursor next = last instanceof ArticleSummary s ? new Cursor(s.publishedAt(), s.id()) : null;
		return new Slice<>(List.copyOf(page), next);
	}

	static <K, V> Map<K, V> index(Collection<V> values, Function<V, K> key) {
		return values.stream().collect(Collectors.toMap(key, Function.identity()));
	}

}
