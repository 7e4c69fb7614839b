package io.inkstone.engagement;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.inkstone.shared.AfterCommit;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.Ids;
import io.inkstone.shared.PlatformDays;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.SignedIn;
import io.inkstone.shared.ForbiddenException;
import io.inkstone.shared.TooManyRequestsException;
import io.inkstone.shared.TwoLanguages;
import io.inkstone.web.RateLimiter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.inkstone.accounts.AccountDeleted;
import io.inkstone.accounts.Avatars;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;

/**
 * 跟帖 and likes. Comments are plain text (escaped on output, never HTML), at most
 * {@value #MAX_LENGTH} characters, rate-limited per account; replies go one level deep.
 * The article's creator may hide comments and switch comments off for the article
 * (callers check who is the creator).
 */
@Service
public class Comments {

	private static final Logger log = LoggerFactory.getLogger(Comments.class);

	public static final int MAX_LENGTH = 1000;

	/**
	 * Status of a comment hidden by staff on a report (the creator's own hiding is
	 * "hidden").
	 */
	static final String REMOVED = "removed";

	static final int PER_MINUTE = 5;

	private final CommentRepository repository;

	private final RateLimiter limits;

	private final ApplicationEventPublisher events;

	/**
	 * What every viewer of an article sees the same: rows, visible count, switch, likes.
	 */
	private record ArticleState(List<CommentRepository.Row> rows, long visible, boolean enabled, long likes) {
	}

	/**
	 * Per-article state, dropped on every write through this node and after 2 s at the
	 * latest (writes through other nodes in cluster mode), so the article page costs no
	 * comment queries in steady state.
	 */
	private final Cache<Long, ArticleState> states = Caffeine.newBuilder()
		.maximumSize(20_000)
		.expireAfterWrite(Duration.ofSeconds(2))
		.build();

	/**
	 * Whether a reader likes an article ("reader:article"), updated by this node's
	 * toggles.
	 */
	private final Cache<String, Boolean> readerLikes = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterWrite(Duration.ofMinutes(1))
		.build();

	private ArticleState state(long articleId) {
		return states.get(articleId, id -> {
			List<CommentRepository.Row> rows = repository.byArticle(id);
			long visible = rows.stream().filter(r -> "visible".equals(r.status())).count();
			return new ArticleState(rows, visible, !repository.disabled(id), repository.articleLikes(id));
		});
	}

	private final AddressLimits addressLimits;

	/**
	 * The commenters' avatars (accounts); absent in slices without the accounts module.
	 */
	private final ObjectProvider<Avatars> avatars;

	/**
	 * The bundles: an author name written into a comment (an imported comment without
	 * one, a deleted account's) is the bundle's Chinese, as readers always saw it.
	 */
	private final MessageSource messages;

	private final Clock clock;

	Comments(CommentRepository repository, RateLimiter limits, ApplicationEventPublisher events,
			AddressLimits addressLimits, ObjectProvider<Avatars> avatars, MessageSource messages, Clock clock) {
		this.clock = clock;
		this.messages = messages;
		this.avatars = avatars;
		this.repository = repository;
		this.addressLimits = addressLimits;
		this.limits = limits;
		this.events = events;
	}

	/** Visible comments for readers; hidden ones too (marked) when {@code showHidden}. */
	public List<Comment> of(long articleId, Long viewerAccountId, boolean showHidden) {
		Set<Long> liked = viewerAccountId == null ? Set.of() : repository.likedBy(viewerAccountId, articleId);
		Map<Long, Comment> top = new LinkedHashMap<>();
		Map<Long, List<Comment>> replies = new LinkedHashMap<>();
		List<CommentRepository.Row> rows = state(articleId).rows();
		Avatars avatarSource = avatars.getIfAvailable();
		Map<Long, String> avatarUrls = avatarSource == null || rows.isEmpty() ? Map.of()
				: avatarSource.of(rows.stream().map(CommentRepository.Row::accountId).collect(Collectors.toSet()));
		for (CommentRepository.Row row : rows) {
			if (!"visible".equals(row.status()) && !showHidden) {
				continue;
			}
			Comment comment = new Comment(row.id(), row.parentId(), row.accountId(), row.authorName(), row.body(),
					row.status(), row.createdAt(), row.likes(), liked.contains(row.id()), new ArrayList<>(),
					avatarUrls.get(row.accountId()));
			if (row.parentId() == null) {
				top.put(row.id(), comment);
			}
			else {
				replies.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(comment);
			}
		}
		List<Comment> result = new ArrayList<>();
		for (Comment comment : top.values()) {
			comment.replies().addAll(replies.getOrDefault(comment.id(), List.of()));
			result.add(comment);
		}
		return result;
	}

	public long count(long articleId) {
		return state(articleId).visible();
	}

	public boolean enabled(long articleId) {
		return state(articleId).enabled();
	}

	@Transactional
	public long post(long articleId, SignedIn author, String text, Long parentId) {
		String body = clean(text);
		if (body.isEmpty() || body.length() > MAX_LENGTH) {
			throw new BadRequestException("problem.engagement.commentLength", MAX_LENGTH);
		}
		if (!enabled(articleId)) {
			throw new BadRequestException("problem.engagement.commentsAreOff");
		}
		if (parentId != null) {
			CommentRepository.Row parent = repository.find(parentId)
				.orElseThrow(() -> new NotFoundException("no comment"));
			if (parent.articleId() != articleId || parent.parentId() != null) {
				throw new BadRequestException("problem.engagement.repliesGoOneLevelDeep");
			}
		}
		long wait = limits.tryAcquire("comment:" + author.accountId(), PER_MINUTE, Duration.ofMinutes(1));
		if (wait > 0) {
			throw new TooManyRequestsException(wait);
		}
		long id = Ids.next();
		long now = clock.millis();
		repository.insert(id, articleId, parentId, author.accountId(), author.displayName(), body, now);
		changed(articleId);
		events.publishEvent(new CommentPosted(id, parentId, articleId, author.displayName(), body, now));
		if (parentId != null) {
			long parentAuthor = repository.find(parentId).orElseThrow().accountId();
			if (parentAuthor != author.accountId()) {
				events.publishEvent(new CommentReplied(id, parentId, articleId, parentAuthor, author.accountId(),
						author.displayName(), body.length() > 100 ? body.substring(0, 100) + "…" : body));
			}
		}
		return id;
	}

	/**
	 * A comment brought in by an import (WordPress): its original author's name and date,
	 * no account (account id 0), visible. {@code parentId} must be a top-level comment of
	 * the same article (one level of replies). The text is cut to {@value #MAX_LENGTH}
	 * characters.
	 */
	@Transactional
	public long importComment(long articleId, Long parentId, String authorName, String text, long createdAt) {
		String body = clean(text);
		if (body.length() > MAX_LENGTH) {
			body = body.substring(0, MAX_LENGTH - 1) + "…";
		}
		if (body.isEmpty()) {
			throw new BadRequestException("problem.engagement.commentLength", MAX_LENGTH);
		}
		String name = authorName == null || authorName.isBlank()
				? TwoLanguages.chinese(messages, "comment.author.anonymous") : authorName.strip();
		if (name.length() > 100) {
			name = name.substring(0, 100);
		}
		long id = Ids.next();
		repository.insert(id, articleId, parentId, 0L, name, body, createdAt);
		states.invalidate(articleId);
		return id;
	}

	/** Likes a comment once per account, or takes the like back. */
	@Transactional
	public void toggleLike(long commentId, long accountId) {
		CommentRepository.Row comment = repository.find(commentId)
			.orElseThrow(() -> new NotFoundException("no comment"));
		if (!repository.like(commentId, accountId)) {
			repository.unlike(commentId, accountId);
		}
		else if (comment.accountId() != accountId) {
			events.publishEvent(
					new CommentLiked(commentId, comment.articleId(), comment.accountId(), accountId, clock.millis()));
		}
		states.invalidate(comment.articleId());
		AfterCommit.run(() -> states.invalidate(comment.articleId()));
	}

	/** The article this comment belongs to (for the caller's permission check). */
	public long articleOf(long commentId) {
		return repository.find(commentId).orElseThrow(() -> new NotFoundException("no comment")).articleId();
	}

	/** The text of a comment readers can see; 404 for a hidden or unknown one. */
	public String visibleTextOf(long commentId) {
		return repository.find(commentId)
			.filter(row -> "visible".equals(row.status()))
			.orElseThrow(() -> new NotFoundException("no comment"))
			.body();
	}

	/** The account that wrote this comment. */
	public long authorOf(long commentId) {
		return repository.find(commentId).orElseThrow(() -> new NotFoundException("no comment")).accountId();
	}

	/** The comment's text as stored (for the moderation queue). */
	public String textOf(long commentId) {
		return repository.find(commentId).orElseThrow(() -> new NotFoundException("no comment")).body();
	}

	/**
	 * The article's creator hides or shows a comment on their article (callers check who
	 * is the creator). A comment staff hid on a report stays hidden: a staff decision is
	 * undone only by staff.
	 * @throws ForbiddenException for a comment staff hid
	 */
	@Transactional
	public void hideAsCreator(long commentId, boolean hidden) {
		CommentRepository.Row row = repository.find(commentId).orElseThrow(() -> new NotFoundException("no comment"));
		if (REMOVED.equals(row.status())) {
			throw new ForbiddenException("problem.engagement.hiddenByPlatform");
		}
		repository.setStatus(commentId, hidden ? "hidden" : "visible");
		changed(articleOf(commentId));
	}

	/**
	 * Staff hide a comment on a report (or restore it on appeal); the creator cannot undo
	 * that.
	 */
	@Transactional
	public void removeByStaff(long commentId, boolean removed) {
		repository.setStatus(commentId, removed ? REMOVED : "visible");
		changed(articleOf(commentId));
	}

	@Transactional
	public void setEnabled(long articleId, boolean enabled) {
		repository.setDisabled(articleId, !enabled);
		changed(articleId);
	}

	/**
	 * Likes an article once per reader; a second call takes the like back. Likes feed the
	 * hot list. A client address adds at most its hourly allowance of likes to one
	 * article, whatever reader ids it presents.
	 * @throws TooManyRequestsException when this like would exceed the address's
	 * allowance
	 */
	@Transactional
	public boolean toggleArticleLike(long articleId, long channelId, String readerKey, String clientAddress) {
		states.invalidate(articleId);
		if (!repository.likesArticle(articleId, readerKey)
				&& !addressLimits.allows(Signal.LIKE, clientAddress, articleId)) {
			throw new TooManyRequestsException(3600);
		}
		if (repository.likeArticle(articleId, readerKey, clock.millis())) {
			readerLikes.put(readerKey + ':' + articleId, true);
			events.publishEvent(new ArticleEngaged(articleId, channelId, Signal.LIKE, clock.millis()));
			events.publishEvent(new ArticleLiked(articleId, readerKey, clock.millis()));
			return true;
		}
		repository.unlikeArticle(articleId, readerKey);
		readerLikes.put(readerKey + ':' + articleId, false);
		return false;
	}

	/**
	 * Likes the article ({@code like}) or takes the like back, whatever this reader's
	 * state is: the same request twice (a double submit, a reload) changes nothing more.
	 * @return true if the reader likes the article now
	 * @throws TooManyRequestsException when this like would exceed the address's
	 * allowance
	 */
	@Transactional
	public boolean setArticleLike(long articleId, long channelId, String readerKey, String clientAddress,
			boolean like) {
		if (repository.likesArticle(articleId, readerKey) == like) {
			readerLikes.put(readerKey + ':' + articleId, like);
			return like;
		}
		return toggleArticleLike(articleId, channelId, readerKey, clientAddress);
	}

	public long articleLikes(long articleId) {
		return state(articleId).likes();
	}

	/**
	 * Likes that still stand, per platform day (yyyymmdd) of when they were given, over
	 * these articles since {@code sinceMillis}; days without any are absent.
	 */
	public Map<Integer, Long> likesPerDay(Collection<Long> articleIds, long sinceMillis) {
		return perDay(repository.likeTimes(articleIds, sinceMillis));
	}

	/**
	 * Visible comments per platform day of when they were written; days without any are
	 * absent.
	 */
	public Map<Integer, Long> commentsPerDay(Collection<Long> articleIds, long sinceMillis) {
		return perDay(repository.commentTimes(articleIds, sinceMillis));
	}

	private static Map<Integer, Long> perDay(List<Long> times) {
		Map<Integer, Long> result = new TreeMap<>();
		for (long t : times) {
			result.merge(PlatformDays.of(t), 1L, Long::sum);
		}
		return result;
	}

	public boolean likes(long articleId, String readerKey) {
		return readerLikes.get(readerKey + ':' + articleId, key -> repository.likesArticle(articleId, readerKey));
	}

	/**
	 * Drops this node's state of the article now and again once the change commits (a
	 * read in between would cache the old rows), then announces {@link CommentsChanged}.
	 */
	private void changed(long articleId) {
		states.invalidate(articleId);
		AfterCommit.run(() -> committed(articleId));
	}

	private void committed(long articleId) {
		states.invalidate(articleId);
		try {
			events.publishEvent(new CommentsChanged(articleId));
		}
		catch (RuntimeException ex) {
			// the comment is committed: a page cache that failed to drop it must not
			// turn the reader's success into an error
			log.warn("A listener of the comments of article {} failed after commit: {}", articleId, ex.toString());
		}
	}

	/** 注销: the deleted account's comments stay, anonymised; its likes go. */
	@EventListener
	void on(AccountDeleted deleted) {
		repository.anonymise(deleted.accountId(), TwoLanguages.chinese(messages, "comment.author.deleted"));
		repository.deleteArticleLikes(deleted.readerKey());
		states.invalidateAll();
		readerLikes.invalidateAll();
	}

	/** Plain text: control characters out (line breaks kept), trimmed. */
	static String clean(String text) {
		if (text == null) {
			return "";
		}
		return text.replaceAll("[\\p{Cntrl}&&[^\\n]]", "").replaceAll("\\n{3,}", "\n\n").strip();
	}

}
